"""Synthetic tiles: a noisy background with bright rectangular 'camps' (rows of shelters) and their masks."""

from __future__ import annotations

import os
import sys

import numpy as np
import pytest
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src"))

import torch  # noqa: E402

torch.set_num_threads(min(2, os.cpu_count() or 1))

# A UTM zone 37N origin near Dadaab-like latitudes; 0.5 m pixels (north-up: negative y resolution).
GEOTRANSFORM = (500000.0, 0.5, 0.0, 10000.0, 0.0, -0.5)
EPSG = 32637


def synthetic_tile(rng: np.random.Generator, height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(H, W, 3) uint8 image and (H, W) uint8 mask (255 = camp)."""
    image = rng.normal(90, 12, size=(height, width, 3))
    image[..., 1] += 15  # a greenish-brown background
    mask = np.zeros((height, width), dtype=np.uint8)
    for _ in range(rng.integers(1, 3)):
        h, w = rng.integers(height // 5, height // 2), rng.integers(width // 5, width // 2)
        top, left = rng.integers(0, height - h), rng.integers(0, width - w)
        mask[top:top + h, left:left + w] = 255
        image[top:top + h, left:left + w] = rng.normal(210, 10, size=(h, w, 3))  # bright shelter roofs
    return np.clip(image, 0, 255).astype(np.uint8), mask


@pytest.fixture(scope="session")
def rng_seed() -> int:
    return 1234


@pytest.fixture
def tiles(tmp_path, rng_seed):
    """Writes 8 PNG image/mask pairs of 32x32 and returns (image_dir, mask_dir)."""
    rng = np.random.default_rng(rng_seed)
    image_dir, mask_dir = tmp_path / "images", tmp_path / "masks"
    image_dir.mkdir()
    mask_dir.mkdir()
    for i in range(8):
        image, mask = synthetic_tile(rng, 32, 32)
        Image.fromarray(image).save(image_dir / f"tile_{i:02d}.png")
        Image.fromarray(mask).save(mask_dir / f"tile_{i:02d}.png")
    return str(image_dir), str(mask_dir)


@pytest.fixture
def geotiff(tmp_path, rng_seed):
    """A 3-band 45x70 GeoTIFF (sizes not multiples of the U-Net stride) with a geotransform and projection."""
    from osgeo import gdal, osr

    gdal.UseExceptions()
    rng = np.random.default_rng(rng_seed + 1)
    image, _ = synthetic_tile(rng, 45, 70)
    path = str(tmp_path / "scene.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 70, 45, 3, gdal.GDT_Byte)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    dataset.SetGeoTransform(GEOTRANSFORM)
    dataset.SetProjection(srs.ExportToWkt())
    for band in range(3):
        dataset.GetRasterBand(band + 1).WriteArray(image[..., band])
    dataset = None
    return path
