"""Refugee-camp detection: a tiny U-Net that segments camp structures in satellite/aerial tiles."""

__version__ = "0.1.0"

from .model import TinyUNet  # noqa: F401
