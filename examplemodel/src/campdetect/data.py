"""Image/mask tile pairs for training."""

from __future__ import annotations

import os
import random

import numpy as np
import torch
from torch.utils.data import Dataset
from torchvision.transforms import functional as TF

from .raster import GEOTIFF_SUFFIXES, PIL_SUFFIXES, read_image, read_mask, to_channels, to_unit_range

TILE_SUFFIXES = PIL_SUFFIXES + GEOTIFF_SUFFIXES


def find_pairs(image_dir: str, mask_dir: str) -> list[tuple[str, str]]:
    """Pairs each image in `image_dir` with the mask of the same stem in `mask_dir` (any tile suffix)."""
    masks = {}
    for name in os.listdir(mask_dir):
        stem, suffix = os.path.splitext(name)
        if suffix.lower() in TILE_SUFFIXES:
            masks[stem] = os.path.join(mask_dir, name)
    pairs, missing = [], []
    for name in sorted(os.listdir(image_dir)):
        stem, suffix = os.path.splitext(name)
        if suffix.lower() not in TILE_SUFFIXES:
            continue
        if stem in masks:
            pairs.append((os.path.join(image_dir, name), masks[stem]))
        else:
            missing.append(name)
    if missing:
        raise ValueError(f"no mask in {mask_dir} for: {', '.join(missing)}")
    if not pairs:
        raise ValueError(f"no image tiles ({', '.join(TILE_SUFFIXES)}) in {image_dir}")
    return pairs


class TileDataset(Dataset):
    """(image, mask) tensors: image (C, H, W) float in [0, 1], mask (1, H, W) float in {0, 1}.

    With `tile_size`, each item is a random crop of that size (tiles smaller than it are padded), so
    tiles of different sizes can share a batch; `augment` adds random flips and 90-degree rotations.
    """

    def __init__(self, pairs: list[tuple[str, str]], channels: int = 3, tile_size: int | None = None,
                 augment: bool = False, seed: int = 0) -> None:
        self.pairs = pairs
        self.channels = channels
        self.tile_size = tile_size
        self.augment = augment
        self.random = random.Random(seed)

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        image_path, mask_path = self.pairs[index]
        raw, _ = read_image(image_path)
        image = torch.from_numpy(np.ascontiguousarray(to_channels(to_unit_range(raw), self.channels)))
        mask = torch.from_numpy(read_mask(mask_path))[None]
        if image.shape[-2:] != mask.shape[-2:]:
            raise ValueError(f"{image_path} is {tuple(image.shape[-2:])}, its mask {tuple(mask.shape[-2:])}")
        if self.tile_size:
            image, mask = self._crop(image, mask, self.tile_size)
        if self.augment:
            if self.random.random() < 0.5:
                image, mask = TF.hflip(image), TF.hflip(mask)
            if self.random.random() < 0.5:
                image, mask = TF.vflip(image), TF.vflip(mask)
            turns = self.random.randrange(4)
            if turns:
                image, mask = torch.rot90(image, turns, (1, 2)), torch.rot90(mask, turns, (1, 2))
        return image.contiguous(), mask.contiguous()

    def _crop(self, image: torch.Tensor, mask: torch.Tensor, size: int) -> tuple[torch.Tensor, torch.Tensor]:
        height, width = image.shape[-2:]
        pad_h, pad_w = max(0, size - height), max(0, size - width)
        if pad_h or pad_w:
            image = torch.nn.functional.pad(image, (0, pad_w, 0, pad_h))
            mask = torch.nn.functional.pad(mask, (0, pad_w, 0, pad_h))
            height, width = image.shape[-2:]
        top = self.random.randrange(height - size + 1)
        left = self.random.randrange(width - size + 1)
        return image[:, top:top + size, left:left + size], mask[:, top:top + size, left:left + size]
