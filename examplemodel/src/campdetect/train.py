"""Training on image/mask tile pairs."""

from __future__ import annotations

import logging
import os

import torch
from torch.utils.data import DataLoader

from .data import TileDataset, find_pairs
from .model import build_model, save_checkpoint, segmentation_loss
from .tracking import tracking

log = logging.getLogger(__name__)


def train(image_dir: str, mask_dir: str, output: str, *, epochs: int = 20, batch_size: int = 8,
          learning_rate: float = 1e-3, tile_size: int | None = 256, base: int = 16, depth: int = 3,
          augment: bool = True, seed: int = 0, device: str = "cpu", track: bool = True) -> list[float]:
    """Trains a TinyUNet, saves the checkpoint to `output` and returns the mean loss of every epoch."""
    torch.manual_seed(seed)
    pairs = find_pairs(image_dir, mask_dir)
    dataset = TileDataset(pairs, tile_size=tile_size, augment=augment, seed=seed)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    model = build_model({"in_channels": 3, "num_classes": 1, "base": base, "depth": depth}).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    history: list[float] = []
    params = {"epochs": epochs, "batch_size": batch_size, "learning_rate": learning_rate,
              "tile_size": tile_size, "base": base, "depth": depth, "tiles": len(pairs), "seed": seed}
    with tracking(track) as tracker:
        tracker.params(params)
        for epoch in range(epochs):
            model.train()
            total, count = 0.0, 0
            for images, masks in loader:
                images, masks = images.to(device), masks.to(device)
                optimizer.zero_grad()
                loss = segmentation_loss(model(images), masks)
                loss.backward()
                optimizer.step()
                total += loss.item() * images.shape[0]
                count += images.shape[0]
            history.append(total / count)
            tracker.metric("loss", history[-1], epoch)
            log.info("epoch %d/%d loss %.4f", epoch + 1, epochs, history[-1])
        directory = os.path.dirname(os.path.abspath(output))
        os.makedirs(directory, exist_ok=True)
        save_checkpoint(model.cpu(), output, {"loss_history": history})
        tracker.artifact(output)
    return history
