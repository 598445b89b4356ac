"""Writing outputs: the map, RFC 7946 GeoJSON, a GeoPackage, CSV, FlatGeobuf (and KML).

Two promises, kept here and nowhere else:

- **No partial files.** Everything is first written to temporary files in the
  output folder; only when all of them are complete are they renamed into
  place (``os.replace`` is atomic on one file system).
- **No lost edits.** The folder's manifest (``settings.manifest_name``)
  records a hash of every file mapper wrote. A file that exists but is not in
  the manifest, or whose content changed since, belongs to the user and is
  not overwritten unless ``force`` is given.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from mapper import __version__, settings
from mapper.errors import InputError, OutputError
from mapper.formats import (
    CSV_NAME,
    DEFAULT_FORMATS,
    FORMATS,
    GEOPACKAGE_NAME,
    KML_NAME,
    MAP_NAME,
    SUMMARY_NAME,
)
from mapper.incidents import has_geometry

GEOJSON_LAYERS = ("incidents", "places", "route", "areas")
__all__ = ["CSV_NAME", "DEFAULT_FORMATS", "FORMATS", "GEOPACKAGE_NAME", "KML_NAME", "MAP_NAME",
           "SUMMARY_NAME", "Output", "check_formats", "layer_outputs", "write_outputs"]



@dataclass(frozen=True)
class Output:
    """One file to write: its name in the output folder and how to write it to a path."""

    name: str
    write: Callable[[Path], None]


#: Decimal places of GeoJSON coordinates: 1e-6 deg is about 11 cm, finer than any source.
COORDINATE_DECIMALS = 6


def rfc7946(frame: gpd.GeoDataFrame) -> str:
    """``frame`` as RFC 7946 GeoJSON text.

    WGS 84 lon/lat (the frame must be in EPSG:4326), polygons with
    counter-clockwise outer rings and clockwise holes, coordinates rounded to
    :data:`COORDINATE_DECIMALS`, no ``crs`` member; missing values become ``null``.
    Serialised with shapely's vectorised ``to_geojson``, several times faster than
    a GDAL dataset per file for the small layers mapper writes.
    """
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        raise ValueError(f"GeoJSON needs EPSG:4326, not {frame.crs}")
    geoms = shapely.orient_polygons(frame.geometry.values, exterior_cw=False)
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, COORDINATE_DECIMALS))
    geometries = shapely.to_geojson(geoms)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    values = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in columns]
    encode = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode
    features = []
    rows = zip(*values, strict=True) if values else itertools.repeat((), len(geometries))
    for geometry, row in zip(geometries, rows, strict=True):
        properties = encode(dict(zip(columns, row, strict=True)))
        features.append(
            f'{{"type": "Feature", "properties": {properties}, '
            f'"geometry": {geometry if geometry is not None else "null"}}}'
        )
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}"


def _json_default(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} to GeoJSON")


def geojson_writer(frame: gpd.GeoDataFrame) -> Callable[[Path], None]:
    """Writer of an RFC 7946 GeoJSON file (see :func:`rfc7946`)."""

    def write(path: Path) -> None:
        path.write_text(rfc7946(frame) + "\n", encoding="utf-8")

    return write


#: Layers with more features than this get an R-tree spatial index in the GeoPackage;
#: for smaller ones building the index costs more than it ever saves.
SPATIAL_INDEX_MIN_FEATURES = 1000


def geopackage_writer(layers: dict[str, gpd.GeoDataFrame]) -> Callable[[Path], None]:
    """Writer of one GeoPackage holding every layer under its name."""

    def write(path: Path) -> None:
        import pyogrio

        # The file is a temporary one, renamed into place only when complete, so
        # SQLite's per-transaction fsync buys nothing here and costs more than the data.
        pyogrio.set_gdal_config_options({"OGR_SQLITE_SYNCHRONOUS": "OFF"})
        try:
            for number, (name, frame) in enumerate(layers.items()):
                index = "YES" if len(frame) > SPATIAL_INDEX_MIN_FEATURES else "NO"
                # GeoPackage 1.2, not GDAL's newest: older GDAL (QGIS LTR, Debian's
                # ogrinfo) warns that a 1.4 file "may only be partially supported".
                created = {"dataset_options": {"VERSION": "1.2"}} if number == 0 else {}
                frame.to_file(path, driver="GPKG", layer=name, engine="pyogrio",
                              layer_options={"SPATIAL_INDEX": index}, **created)
        finally:
            pyogrio.set_gdal_config_options({"OGR_SQLITE_SYNCHRONOUS": None})

    return write


def csv_writer(incidents: gpd.GeoDataFrame) -> Callable[[Path], None]:
    """Writer of the incidents as CSV: the schema's columns, then ``wkt`` (empty when unlocated).

    The file is also a valid input table: ``mapper map incidents.csv`` maps it again.
    """

    def write(path: Path) -> None:
        table = incidents.drop(columns=incidents.geometry.name)
        located = has_geometry(incidents)
        table["wkt"] = ""
        table.loc[located, "wkt"] = shapely.to_wkt(
            incidents.geometry[located].values, rounding_precision=COORDINATE_DECIMALS, trim=True)
        table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")

    return write


def flatgeobuf_writer(frame: gpd.GeoDataFrame) -> Callable[[Path], None]:
    """Writer of one FlatGeobuf file, with its spatial index unless a geometry is missing."""

    def write(path: Path) -> None:
        # GDAL's FlatGeobuf index cannot hold a feature without geometry (an unlocated incident).
        index = "YES" if has_geometry(frame).all() else "NO"
        frame.to_file(path, driver="FlatGeobuf", engine="pyogrio",
                      layer_options={"SPATIAL_INDEX": index})

    return write


def kml_writer(layers: dict[str, gpd.GeoDataFrame], title: str) -> Callable[[Path], None]:
    """Writer of one KML document with every layer (see :mod:`mapper.kml`)."""

    def write(path: Path) -> None:
        from mapper.kml import kml_document

        path.write_bytes(kml_document(layers, title))

    return write


def check_formats(formats: str | Iterable[str]) -> list[str]:
    """The format names in ``formats`` (a list, or one comma-separated string), checked.

    Raises
    ------
    InputError
        A name that is not in :data:`FORMATS`, or none at all.
    """
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    chosen = list(dict.fromkeys(n.strip().lower() for n in names if n.strip()))
    unknown = [n for n in chosen if n not in FORMATS]
    if unknown or not chosen:
        what = f"unknown format {unknown[0]!r}" if unknown else "no format given"
        raise InputError(f"{what}: choose from {', '.join(FORMATS)}")
    return chosen


def layer_outputs(layers: dict[str, gpd.GeoDataFrame], formats: Iterable[str], *,
                  title: str = "incident-mapper") -> list[Output]:
    """The GIS files of ``layers`` (``incidents``, ``places``, ``route``, ``areas``) in ``formats``.

    ``title`` names the KML document.

    ``html`` in ``formats`` is ignored here: the map is drawn by :mod:`mapper.mapview`.
    """
    chosen = check_formats(formats)
    outputs = []
    if "geojson" in chosen:
        outputs += [Output(f"{name}.geojson", geojson_writer(frame)) for name, frame in layers.items()]
    if "gpkg" in chosen:
        outputs.append(Output(GEOPACKAGE_NAME, geopackage_writer(layers)))
    if "kml" in chosen:
        outputs.append(Output(KML_NAME, kml_writer(layers, title)))
    if "csv" in chosen:
        outputs.append(Output(CSV_NAME, csv_writer(layers["incidents"])))
    if "fgb" in chosen:
        outputs += [Output(f"{name}.fgb", flatgeobuf_writer(frame)) for name, frame in layers.items()]
    return outputs


def text_writer(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_manifest(out_dir: Path) -> dict[str, str]:
    path = out_dir / settings.manifest_name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def user_owned(out_dir: Path, names: list[str]) -> list[str]:
    """Names of existing files in ``out_dir`` that mapper did not write, or that were edited."""
    manifest = _read_manifest(out_dir)
    owned = []
    for name in names:
        path = out_dir / name
        if path.exists() and manifest.get(name) != _sha256(path):
            owned.append(name)
    return owned


def write_outputs(out_dir: Path, outputs: list[Output], *, force: bool = False) -> list[Path]:
    """Write every output into ``out_dir`` all-or-nothing; return the final paths.

    Raises
    ------
    OutputError
        If a target was edited by the user (and ``force`` is false), or the
        folder cannot be written. Nothing in ``out_dir`` has changed then.
    """
    names = [o.name for o in outputs]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out_dir}: {exc.strerror}") from None
    if not force:
        edited = user_owned(out_dir, names)
        if edited:
            raise OutputError(
                f"{out_dir / edited[0]} was not written by mapper or was edited since; "
                "move it away, choose another --out, or pass --force to overwrite"
            )
    staged: list[tuple[Path, Path]] = []
    try:
        for output in outputs:
            suffix = Path(output.name).suffix
            fd, tmp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=f".tmp{suffix}",
                                            dir=out_dir)
            os.close(fd)
            tmp = Path(tmp_name)
            tmp.unlink()  # GDAL drivers refuse to write over an existing (empty) file.
            staged.append((tmp, out_dir / output.name))
            output.write(tmp)
        manifest = _read_manifest(out_dir)
        manifest.update({final.name: _sha256(tmp) for tmp, final in staged})
        fd, tmp_manifest = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=out_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"generator": f"incident-mapper {__version__}", "files": manifest}, fh,
                      indent=1, sort_keys=True)
        staged.append((Path(tmp_manifest), out_dir / settings.manifest_name))
    except OutputError:
        _discard(staged)
        raise
    except Exception as exc:
        _discard(staged)
        raise OutputError(f"cannot write outputs to {out_dir}: {exc}") from None
    for tmp, final in staged:
        os.replace(tmp, final)
    return [final for _, final in staged[:-1]]


def _discard(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _ in staged:
        tmp.unlink(missing_ok=True)
        # GDAL may leave side files of a GeoPackage being written.
        for side in tmp.parent.glob(tmp.name + "-*"):
            side.unlink(missing_ok=True)
