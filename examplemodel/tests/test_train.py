import os

from campdetect.data import TileDataset, find_pairs
from campdetect.model import load_checkpoint
from campdetect.train import train


def test_dataset_pairs_images_and_masks(tiles):
    image_dir, mask_dir = tiles
    pairs = find_pairs(image_dir, mask_dir)
    assert len(pairs) == 8
    image, mask = TileDataset(pairs, tile_size=24, augment=True)[0]
    assert tuple(image.shape) == (3, 24, 24) and tuple(mask.shape) == (1, 24, 24)
    assert 0.0 <= float(image.min()) and float(image.max()) <= 1.0
    assert set(mask.unique().tolist()) <= {0.0, 1.0}


def test_short_training_lowers_the_loss(tiles, tmp_path):
    image_dir, mask_dir = tiles
    output = str(tmp_path / "out" / "model.pt")
    history = train(image_dir, mask_dir, output, epochs=12, batch_size=4, learning_rate=1e-2, tile_size=None,
                    base=8, depth=2, augment=False, seed=0, track=False)
    assert len(history) == 12
    assert history[-1] < 0.7 * history[0], history
    assert os.path.getsize(output) > 0
    assert load_checkpoint(output).config["base"] == 8


def test_training_logs_to_mlflow_when_configured(tiles, tmp_path, monkeypatch):
    """With MLFLOW_TRACKING_URI set, params, the loss per epoch and the checkpoint go to MLflow."""
    import contextlib
    import sys
    import types

    calls = []
    fake = types.ModuleType("mlflow")
    fake.start_run = lambda: contextlib.nullcontext(calls.append(("start_run",)))
    fake.log_params = lambda params: calls.append(("params", params["epochs"]))
    fake.log_metric = lambda name, value, step: calls.append(("metric", name, step))
    fake.log_artifact = lambda path: calls.append(("artifact", os.path.basename(path)))
    monkeypatch.setitem(sys.modules, "mlflow", fake)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:1")
    image_dir, mask_dir = tiles
    train(image_dir, mask_dir, str(tmp_path / "m.pt"), epochs=2, batch_size=8, tile_size=16, base=4, depth=1)
    assert calls == [("start_run",), ("params", 2), ("metric", "loss", 0), ("metric", "loss", 1), ("artifact", "m.pt")]
