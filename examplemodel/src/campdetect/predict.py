"""Inference: an image (PNG/JPEG or GeoTIFF) to a binary camp mask with the same size and georeference."""

from __future__ import annotations

import numpy as np
import torch

from .model import TinyUNet, load_checkpoint
from .raster import read_image, to_channels, to_unit_range, write_mask


@torch.no_grad()
def predict_array(model: TinyUNet, image: np.ndarray, tile_size: int = 512) -> np.ndarray:
    """Camp probabilities (H, W) for a (C, H, W) float image, window by window to bound memory."""
    model.eval()
    _, height, width = image.shape
    probabilities = np.zeros((height, width), dtype=np.float32)
    tensor = torch.from_numpy(np.ascontiguousarray(image, dtype=np.float32))
    for top in range(0, height, tile_size):
        for left in range(0, width, tile_size):
            window = tensor[:, top:top + tile_size, left:left + tile_size][None]
            logits = model(window)[0, 0]
            probabilities[top:top + window.shape[-2], left:left + window.shape[-1]] = torch.sigmoid(logits).numpy()
    return probabilities


def predict_file(weights: str, input_path: str, output_path: str, *, threshold: float = 0.5,
                 tile_size: int = 512) -> dict:
    """Writes the mask of `input_path` to `output_path` (.tif keeps a GeoTIFF's geotransform and projection)."""
    model = load_checkpoint(weights)
    raw, geo = read_image(input_path)
    image = to_channels(to_unit_range(raw), model.config["in_channels"])
    probabilities = predict_array(model, image, tile_size=tile_size)
    mask = probabilities >= threshold
    write_mask(output_path, mask, geo)
    return {"input": input_path, "output": output_path, "height": int(mask.shape[0]), "width": int(mask.shape[1]),
            "camp_fraction": float(mask.mean()), "georeferenced": geo is not None}
