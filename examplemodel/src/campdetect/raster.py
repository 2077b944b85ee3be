"""Reading tiles (PNG/JPEG via Pillow, GeoTIFF via GDAL) and writing masks that keep the georeference."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from PIL import Image

GEOTIFF_SUFFIXES = (".tif", ".tiff")
PIL_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class GeoReference:
    """A GDAL geotransform (6 numbers) and projection (WKT)."""

    geotransform: tuple
    projection: str


def _gdal():
    try:
        from osgeo import gdal
    except ImportError as err:  # pragma: no cover - the image and the tests both have GDAL
        raise RuntimeError("GeoTIFF support needs the GDAL Python bindings (osgeo.gdal)") from err
    gdal.UseExceptions()
    return gdal


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def to_unit_range(array: np.ndarray) -> np.ndarray:
    """Scales a (bands, H, W) array to float32 in [0, 1]: 8-bit by /255, anything else per band by its
    2nd-98th percentile (satellite products are often 12/16-bit or reflectance floats)."""
    if array.dtype == np.uint8:
        return array.astype(np.float32) / 255.0
    out = np.empty(array.shape, dtype=np.float32)
    for i, band in enumerate(array.astype(np.float32)):
        finite = band[np.isfinite(band)]
        low, high = (np.percentile(finite, (2, 98)) if finite.size else (0.0, 1.0))
        scale = (high - low) or 1.0
        out[i] = np.clip((np.nan_to_num(band, nan=low) - low) / scale, 0.0, 1.0)
    return out


def to_channels(array: np.ndarray, channels: int = 3) -> np.ndarray:
    """Makes a (bands, H, W) array have `channels` bands: a single band is repeated, extra bands dropped."""
    if array.shape[0] == channels:
        return array
    if array.shape[0] == 1:
        return np.repeat(array, channels, axis=0)
    if array.shape[0] > channels:
        return array[:channels]
    raise ValueError(f"image has {array.shape[0]} bands, the model needs {channels}")


def read_image(path: str) -> tuple[np.ndarray, GeoReference | None]:
    """Returns (raw bands as (bands, H, W), georeference or None)."""
    if _suffix(path) in PIL_SUFFIXES:
        with Image.open(path) as image:
            if image.mode not in ("L", "RGB"):
                image = image.convert("RGB")
            array = np.asarray(image)
        return (array[np.newaxis] if array.ndim == 2 else array.transpose(2, 0, 1)), None
    gdal = _gdal()
    dataset = gdal.Open(path)
    try:
        array = dataset.ReadAsArray()
        if array.ndim == 2:
            array = array[np.newaxis]
        geotransform = dataset.GetGeoTransform(can_return_null=True)
        projection = dataset.GetProjection() or ""
        geo = GeoReference(tuple(geotransform), projection) if geotransform or projection else None
        return array, geo
    finally:
        dataset = None  # closes the file


def read_mask(path: str) -> np.ndarray:
    """A (H, W) float32 mask: 1 where the file's first band is > 0."""
    array, _ = read_image(path)
    return (array[0] > 0).astype(np.float32)


def write_mask(path: str, mask: np.ndarray, geo: GeoReference | None = None) -> None:
    """Writes a (H, W) binary mask as 0/255 uint8: GeoTIFF (with `geo`) or PNG.

    A georeferenced input must give a GeoTIFF output, or the georeference would be silently lost.
    """
    data = np.where(mask > 0, 255, 0).astype(np.uint8)
    suffix = _suffix(path)
    if suffix in GEOTIFF_SUFFIXES:
        gdal = _gdal()
        driver = gdal.GetDriverByName("GTiff")
        dataset = driver.Create(path, data.shape[1], data.shape[0], 1, gdal.GDT_Byte,
                                options=["COMPRESS=DEFLATE", "TILED=YES"])
        try:
            if geo is not None:
                if geo.geotransform:
                    dataset.SetGeoTransform(geo.geotransform)
                if geo.projection:
                    dataset.SetProjection(geo.projection)
            band = dataset.GetRasterBand(1)
            band.WriteArray(data)
            band.SetDescription("camp mask (255 = camp)")
            band.FlushCache()
        finally:
            dataset = None
        return
    if geo is not None:
        raise ValueError(f"{path}: the input is georeferenced; write the mask as .tif to keep its georeference")
    if suffix != ".png":
        raise ValueError(f"{path}: masks are written as .png or .tif (lossy {suffix or 'no suffix'} would blur the mask)")
    Image.fromarray(data).save(path)
