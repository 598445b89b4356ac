"""``mapper map --out DIR`` on the embedded founding case, checked as a GIS user would."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pyogrio
import pytest
from pyproj import Geod
from shapely.geometry import Point, shape

from mapper import schema
from mapper.geocoders import CuratedGeocoder

GEOD = Geod(ellps="WGS84")
ROOT = Path(__file__).resolve().parent.parent
GEOJSON = ("incidents", "places", "route", "areas")

# Reference positions, from the sources cited in geodata/gazetteer.geojson; the tolerance is
# what the founding case promises (D-Chowk 0.5 km, Adiyala Jail 1 km, Sangjani interchange 2.5 km).
REFERENCE = {
    # Wikipedia "D-Chowk (Islamabad)" infobox.
    "D-Chowk": ((33.729436, 73.093344), 500),
    # Wikipedia "Central Jail Rawalpindi" infobox.
    "Adiyala Jail": ((33.487394, 73.040136), 1000),
    # M-1 toll-plaza list (mashhood2717-ai/weather-alert-pk, motorway_point.dart), which
    # agrees within 320 m with an independent interchange list.
    "Sangjani interchange": ((33.654520, 72.825254), 2500),
}


def distance_m(lat1, lon1, lat2, lon2) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


def load(out: Path, name: str) -> dict:
    return json.loads((out / f"{name}.geojson").read_text(encoding="utf-8"))


def test_all_outputs_written(default_run):
    names = {p.name for p in default_run.iterdir()}
    assert {"map.html", "incident-map.gpkg", *(f"{n}.geojson" for n in GEOJSON)} <= names
    assert not [n for n in names if ".tmp" in n]


@pytest.mark.parametrize("name", GEOJSON)
def test_geojson_is_rfc7946(default_run, name):
    doc = load(default_run, name)
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    assert doc["features"], f"{name}.geojson is empty"
    for feature in doc["features"]:
        geom = shape(feature["geometry"])
        minx, miny, maxx, maxy = geom.bounds
        assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
        # Pakistan: a lat/lon swap would put these in the Indian Ocean / off the globe.
        assert 60 < minx and maxy < 40
        polygons = getattr(geom, "geoms", [geom]) if "Polygon" in geom.geom_type else []
        for poly in polygons:
            assert poly.exterior.is_ccw, "exterior rings must be counter-clockwise"
            assert all(not ring.is_ccw for ring in poly.interiors)


def test_incident_properties_follow_the_schema(default_run):
    doc = load(default_run, "incidents")
    for feature in doc["features"]:
        assert list(feature["properties"]) == list(schema.FIELD_NAMES)
        props = feature["properties"]
        assert props["event_type"] in schema.EVENT_TYPES
        assert props["source_publisher"]


@pytest.mark.parametrize("name", [*(f"{n}.geojson" for n in GEOJSON), "incident-map.gpkg"])
def test_gdal_reads_every_export(default_run, name):
    path = default_run / name
    layers = pyogrio.list_layers(path)
    assert len(layers)
    for layer_name, _ in layers:
        assert pyogrio.read_info(path, layer=layer_name)["features"] > 0
    ogrinfo = shutil.which("ogrinfo")
    assert ogrinfo, "ogrinfo not found: the test command installs gdal-bin"
    proc = subprocess.run([ogrinfo, "-ro", "-so", "-al", str(path)], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Feature Count" in proc.stdout


def test_geopackage_has_the_four_layers(default_run):
    layers = dict(pyogrio.list_layers(default_run / "incident-map.gpkg"))
    assert set(layers) == set(GEOJSON)
    assert layers["areas"] in ("Polygon", "MultiPolygon")
    assert layers["route"] == "LineString"


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_key_places_resolve_near_their_sourced_position(default_run, name):
    (lat, lon), tolerance = REFERENCE[name]
    places = load(default_run, "places")["features"]
    hits = [f for f in places if name in f["properties"]["queries"].split("; ")]
    assert len(hits) == 1, f"{name} is not among the resolved places"
    x, y = hits[0]["geometry"]["coordinates"]
    assert distance_m(y, x, lat, lon) <= tolerance
    # Incidents named after the place sit at the same point.
    for feature in load(default_run, "incidents")["features"]:
        if feature["properties"]["place_name"] == name:
            assert feature["geometry"]["coordinates"] == [x, y]


def test_sangjani_interchange_on_route_and_sourced(default_run):
    place = CuratedGeocoder().geocode("Sangjani interchange")
    route = shape(load(default_run, "route")["features"][0]["geometry"])
    closest = min(distance_m(y, x, place.lat, place.lon) for x, y in route.coords)
    assert closest < 1, "the route passes through the Sangjani interchange waypoint"


def test_red_zone_polygon(default_run):
    doc = load(default_run, "areas")
    zones = [f for f in doc["features"] if f["properties"]["place_id"] == "pk-isb-red-zone"]
    assert len(zones) == 1
    zone = shape(zones[0]["geometry"])
    curated = CuratedGeocoder()
    for inside in ("D-Chowk", "Supreme Court", "Aiwan-e-Sadr", "Parliament House"):
        assert zone.contains(curated.geocode(inside).point), inside
    for outside in ("Zero Point", "Faizabad interchange"):
        assert not zone.contains(curated.geocode(outside).point), outside
    assert zones[0]["properties"]["method"]


def test_route_runs_from_kp_to_d_chowk(default_run):
    route = load(default_run, "route")["features"][0]
    line = shape(route["geometry"])
    curated = CuratedGeocoder()
    kp = curated.geocode("Khyber Pakhtunkhwa").geometry
    assert kp.contains(Point(line.coords[0]))
    d_chowk = curated.geocode("D-Chowk").point
    assert distance_m(line.coords[-1][1], line.coords[-1][0], d_chowk.y, d_chowk.x) < 1
    assert route["properties"]["length_km"] > 100


def overlay_names(html: str) -> list[str]:
    block = re.search(r"overlays\s*:\s*\{(.*?)\}", html, re.S)
    assert block, "no layer control"
    return re.findall(r'"([^"]+)"\s*:', block.group(1))


def test_map_has_layers_legend_title(default_run):
    html = (default_run / "map.html").read_text(encoding="utf-8")
    overlays = overlay_names(html)
    assert len(overlays) >= 6
    for wanted in ("March route", "Clash sites", "Casualties", "Closures and blockades",
                   "Security deployments", "Talks", "Zones and areas"):
        assert any(name.startswith(wanted) for name in overlays), wanted
    assert 'class="mapper-legend"' in html
    assert "Final Call" in html and "2024-11-24 to 2024-11-26" in html
    assert "fitBounds" in html


def test_popups_show_source(default_run):
    html = (default_run / "map.html").read_text(encoding="utf-8")
    assert "Agency feed report" in html
    assert "Coordinate source" in html


def test_readme_screenshot_of_the_founding_map_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shot = ROOT / "docs" / "founding-case-map.png"
    assert "](docs/founding-case-map.png)" in readme
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
