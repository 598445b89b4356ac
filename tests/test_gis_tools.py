"""The exports, checked by the tools GIS users rely on: GDAL's ogrinfo and Mapbox's geojsonhint.

Both the founding case and a report mapped straight from its text are checked,
plus what the validators do not look at: no ``crs`` member, lon/lat in range,
right-hand-rule rings, coordinates to 6 decimals. The test command installs both
tools (gdal-bin from Debian, geojsonhint from npm); a missing tool fails the test.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, run_mapper
from shapely.geometry import shape

from mapper import exports, schema
from mapper.layers import AREA_STYLE, PLACES_STYLE, ROUTE_STYLE

GEOJSON = ("incidents", "places", "route", "areas")
REPORT = ROOT / "tests" / "data" / "devset" / "articles" / "002_bhutto-rawalpindi-rally-blocked.txt"
GEOJSONHINT = ROOT / "web" / "node_modules" / ".bin" / "geojsonhint"


@pytest.fixture(scope="module")
def report_run(tmp_path_factory) -> Path:
    """Outputs of ``mapper map REPORT.txt``: places and incidents found in the text."""
    out = tmp_path_factory.mktemp("report") / "out"
    proc = run_mapper("map", str(REPORT), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(params=["founding case", "text report"])
def outputs(request, default_run, report_run) -> Path:
    return default_run if request.param == "founding case" else report_run


def _ogrinfo(path: Path) -> str:
    ogrinfo = shutil.which("ogrinfo")
    assert ogrinfo, "ogrinfo not found: the test command installs gdal-bin"
    proc = subprocess.run([ogrinfo, "-ro", "-al", "-so", str(path)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    # Nor a warning, e.g. "may only be partially supported" for a too-new GeoPackage version.
    assert "ERROR" not in proc.stderr and "Warning" not in proc.stderr, proc.stderr
    return proc.stdout


def _ogr_fields(summary: str) -> dict[str, dict[str, str]]:
    """Layer name -> {field name: OGR type} from ``ogrinfo -al -so`` output."""
    layers: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in summary.splitlines():
        if line.startswith("Layer name: "):
            current = layers.setdefault(line.removeprefix("Layer name: ").strip(), {})
        else:
            field = re.match(r"^(\w+): (\w+) \(", line)
            if field and field.group(1) not in ("Extent", "Geometry"):
                current[field.group(1)] = field.group(2)
    return layers


@pytest.mark.parametrize("name", GEOJSON)
def test_ogrinfo_reads_every_geojson(outputs, name):
    summary = _ogrinfo(outputs / f"{name}.geojson")
    assert "Feature Count:" in summary
    assert "WGS 84" in summary


@pytest.mark.parametrize("name", GEOJSON)
def test_geojsonhint_finds_nothing(outputs, name):
    assert GEOJSONHINT.exists(), "geojsonhint not found: the test command runs `make assets`"
    proc = subprocess.run([str(GEOJSONHINT), str(outputs / f"{name}.geojson")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr


def _positions(coordinates):
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates
    else:
        for part in coordinates:
            yield from _positions(part)


@pytest.mark.parametrize("name", GEOJSON)
def test_what_the_validators_do_not_check(outputs, name):
    text = (outputs / f"{name}.geojson").read_text(encoding="utf-8")
    doc = json.loads(text)
    assert "crs" not in doc
    for feature in doc["features"]:
        if feature["geometry"] is None:
            continue
        for lon, lat, *_ in _positions(feature["geometry"]["coordinates"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            for value in (lon, lat):
                assert round(value, exports.COORDINATE_DECIMALS) == value
        geom = shape(feature["geometry"])
        for polygon in getattr(geom, "geoms", [geom]) if "Polygon" in geom.geom_type else []:
            assert polygon.exterior.is_ccw  # right-hand rule: outer rings counter-clockwise
            assert not any(ring.is_ccw for ring in polygon.interiors)
    assert exports.COORDINATE_DECIMALS == 6
    numbers = re.findall(r'"coordinates": (\[[^"]*\])', text)
    assert not any(re.search(r"\.\d{7,}", n) for n in numbers)


def test_ogrinfo_lists_every_geopackage_layer_with_the_documented_fields(outputs):
    layers = _ogr_fields(_ogrinfo(outputs / exports.GEOPACKAGE_NAME))
    assert set(layers) == set(GEOJSON) == set(schema.LAYER_FIELDS)
    ogr_types = schema.FORMAT_TYPES["GeoPackage, FlatGeobuf (OGR)"]
    for layer, fields in schema.LAYER_FIELDS.items():
        documented = {f.name: ogr_types[f.kind].split()[0] for f in fields}
        assert layers[layer] == documented, layer
        assert list(layers[layer]) == list(documented), layer


@pytest.mark.parametrize("name", GEOJSON)
def test_geojson_properties_are_the_documented_fields(outputs, name):
    doc = json.loads((outputs / f"{name}.geojson").read_text(encoding="utf-8"))
    fields = [f.name for f in schema.LAYER_FIELDS[name]]
    assert all(list(feature["properties"]) == fields for feature in doc["features"])


@pytest.fixture(scope="module", params=["founding case", "text report"])
def kml_file(request, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kml") / "out"
    source = [] if request.param == "founding case" else [str(REPORT)]
    proc = run_mapper("map", *source, "--format", "kml", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out / exports.KML_NAME


def test_ogrinfo_reads_the_kml_with_the_documented_fields(kml_file):
    layers = _ogr_fields(_ogrinfo(kml_file))
    assert PLACES_STYLE["title"] in layers
    assert all("Name" in fields and "description" in fields for fields in layers.values())
    kml_types = {"str": "String", "date": "String", "int": "Integer", "float": "Real"}
    for layer, fields in layers.items():
        kind = {ROUTE_STYLE["title"]: "route", AREA_STYLE["title"]: "areas",
                PLACES_STYLE["title"]: "places"}.get(layer, "incidents")
        for field in schema.LAYER_FIELDS[kind]:
            # A placemark's own name and description are OGR's Name and description fields.
            if field.name not in ("name", "description"):
                assert fields.get(field.name) == kml_types[field.kind], (layer, field.name)
