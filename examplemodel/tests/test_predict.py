import json
import os
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal
from PIL import Image

from campdetect.model import TinyUNet, save_checkpoint
from campdetect.predict import predict_file

SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src")


@pytest.fixture
def weights(tmp_path):
    path = str(tmp_path / "model.pt")
    save_checkpoint(TinyUNet(base=4, depth=2).eval(), path)
    return path


def test_geotiff_mask_keeps_size_geotransform_and_projection(weights, geotiff, tmp_path):
    output = str(tmp_path / "mask.tif")
    result = predict_file(weights, geotiff, output, tile_size=32)  # windows smaller than the scene
    source, mask = gdal.Open(geotiff), gdal.Open(output)
    assert (mask.RasterXSize, mask.RasterYSize, mask.RasterCount) == (source.RasterXSize, source.RasterYSize, 1)
    assert mask.GetGeoTransform() == pytest.approx(source.GetGeoTransform())
    assert mask.GetProjection() == source.GetProjection() != ""
    values = np.unique(mask.ReadAsArray())
    assert set(values.tolist()) <= {0, 255}
    assert result["georeferenced"] is True and (result["height"], result["width"]) == (45, 70)


def test_png_mask_has_the_input_size(weights, tiles, tmp_path):
    image_dir, _ = tiles
    source = os.path.join(image_dir, "tile_00.png")
    output = str(tmp_path / "mask.png")
    result = predict_file(weights, source, output)
    with Image.open(output) as mask:
        assert mask.size == (32, 32) and mask.mode == "L"
    assert result["georeferenced"] is False


def test_georeferenced_input_refuses_a_png_mask(weights, geotiff, tmp_path):
    with pytest.raises(ValueError, match="georeference"):
        predict_file(weights, geotiff, str(tmp_path / "mask.png"))


def test_cli_trains_then_predicts(tiles, geotiff, tmp_path):
    image_dir, mask_dir = tiles
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("MLFLOW_TRACKING_URI", None)
    model = str(tmp_path / "cli.pt")
    run = lambda *args: subprocess.run([sys.executable, "-m", "campdetect", *args], env=env, check=True,  # noqa: E731
                                       capture_output=True, text=True)
    trained = json.loads(run("train", "--images", image_dir, "--masks", mask_dir, "--output", model, "--epochs", "1",
                             "--batch-size", "4", "--tile-size", "16", "--base", "4", "--depth", "2").stdout)
    assert trained["epochs"] == 1
    output = str(tmp_path / "cli-mask.tif")
    predicted = json.loads(run("predict", "--weights", model, "--input", geotiff, "--output", output).stdout)
    assert predicted == {**predicted, "output": output, "height": 45, "width": 70, "georeferenced": True}
