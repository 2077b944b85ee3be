"""A small U-Net-like segmentation CNN (binary: camp / not camp)."""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


def _conv_block(in_channels: int, out_channels: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(inplace=True),
        nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(inplace=True),
    )


class TinyUNet(nn.Module):
    """U-Net with `depth` down/up steps and `base` channels at full resolution.

    Returns logits of shape (N, num_classes, H, W) for any H, W: the input is padded to a multiple of
    2**depth and the output cropped back, so tiles of any size (e.g. the edge of a GeoTIFF) work.
    """

    def __init__(self, in_channels: int = 3, num_classes: int = 1, base: int = 16, depth: int = 3) -> None:
        super().__init__()
        if depth < 1:
            raise ValueError("depth must be >= 1")
        self.config = {"in_channels": in_channels, "num_classes": num_classes, "base": base, "depth": depth}
        channels = [base * 2**i for i in range(depth + 1)]
        self.encoders = nn.ModuleList()
        previous = in_channels
        for c in channels[:-1]:
            self.encoders.append(_conv_block(previous, c))
            previous = c
        self.bottleneck = _conv_block(channels[-2], channels[-1])
        self.ups = nn.ModuleList()
        self.decoders = nn.ModuleList()
        for i in range(depth, 0, -1):
            self.ups.append(nn.ConvTranspose2d(channels[i], channels[i - 1], kernel_size=2, stride=2))
            self.decoders.append(_conv_block(channels[i - 1] * 2, channels[i - 1]))
        self.head = nn.Conv2d(channels[0], num_classes, kernel_size=1)

    @property
    def depth(self) -> int:
        return self.config["depth"]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        height, width = x.shape[-2:]
        multiple = 2**self.depth
        pad_h = (-height) % multiple
        pad_w = (-width) % multiple
        if pad_h or pad_w:
            x = F.pad(x, (0, pad_w, 0, pad_h), mode="replicate")
        skips = []
        for encoder in self.encoders:
            x = encoder(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.bottleneck(x)
        for up, decoder, skip in zip(self.ups, self.decoders, reversed(skips)):
            x = decoder(torch.cat([up(x), skip], dim=1))
        return self.head(x)[..., :height, :width]


def build_model(config: dict | None = None) -> TinyUNet:
    return TinyUNet(**(config or {}))


def save_checkpoint(model: TinyUNet, path: str, extra: dict | None = None) -> None:
    """Saves only tensors and plain values, so the file loads with torch.load(weights_only=True)."""
    torch.save({"format": "campdetect/1", "config": dict(model.config), "state_dict": model.state_dict(),
                **(extra or {})}, path)


def load_checkpoint(path: str, map_location: str = "cpu") -> TinyUNet:
    checkpoint = torch.load(path, map_location=map_location)
    if not isinstance(checkpoint, dict) or checkpoint.get("format") != "campdetect/1":
        raise ValueError(f"{path}: not a campdetect checkpoint")
    model = build_model(checkpoint["config"])
    model.load_state_dict(checkpoint["state_dict"])
    model.eval()
    return model


def segmentation_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Binary cross-entropy plus soft Dice: BCE alone under-weights small camps on large backgrounds."""
    bce = F.binary_cross_entropy_with_logits(logits, target)
    probabilities = torch.sigmoid(logits)
    dims = (1, 2, 3)
    intersection = (probabilities * target).sum(dims)
    union = probabilities.sum(dims) + target.sum(dims)
    dice = 1 - ((2 * intersection + 1) / (union + 1)).mean()
    return bce + dice
