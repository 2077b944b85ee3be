import pytest
import torch

from campdetect.model import TinyUNet, load_checkpoint, save_checkpoint, segmentation_loss


@pytest.mark.parametrize(
    "name, shape, depth",
    [
        ("a batch of square tiles", (2, 3, 64, 64), 3),
        ("sizes that are not multiples of 2**depth", (1, 3, 45, 70), 3),
        ("a shallow model", (3, 3, 16, 24), 1),
    ],
)
def test_forward_keeps_the_spatial_size(name, shape, depth):
    model = TinyUNet(base=4, depth=depth).eval()
    with torch.no_grad():
        out = model(torch.rand(*shape))
    assert out.shape == (shape[0], 1, shape[2], shape[3]), name
    assert torch.isfinite(out).all()


def test_model_is_tiny():
    assert sum(p.numel() for p in TinyUNet().parameters()) < 2_000_000


def test_checkpoint_round_trip(tmp_path):
    model = TinyUNet(base=4, depth=2).eval()
    path = str(tmp_path / "model.pt")
    save_checkpoint(model, path)
    loaded = load_checkpoint(path)
    x = torch.rand(1, 3, 20, 20)
    with torch.no_grad():
        assert torch.allclose(model(x), loaded(x))
    assert loaded.config == {"in_channels": 3, "num_classes": 1, "base": 4, "depth": 2}


def test_loss_is_lower_for_the_right_answer():
    target = torch.zeros(1, 1, 8, 8)
    target[..., 2:6, 2:6] = 1
    right = segmentation_loss(target * 20 - 10, target)
    wrong = segmentation_loss(10 - target * 20, target)
    assert right < wrong
