"""KML for Google Earth: styled folders per map layer, time stamps, typed ExtendedData, escaping."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import geopandas as gpd
import pandas as pd
import pytest

import mapper
from mapper import kml, schema
from mapper.layers import INCIDENT_LAYERS, split_layers

NS = {"k": kml.NAMESPACE}


@pytest.fixture(scope="module")
def founding():
    return mapper.map_table()


def _layers(result) -> dict[str, gpd.GeoDataFrame]:
    return {"incidents": result.incidents, "places": result.places, "route": result.route,
            "areas": result.areas}


def _folders(doc: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(doc)
    return {f.findtext("k:name", namespaces=NS): f
            for f in root.iterfind("k:Document/k:Folder", NS)}


def test_kml_colour_is_aabbggrr():
    assert kml.kml_colour("#d7301f") == "ff1f30d7"
    assert kml.kml_colour("#abc", 0.5) == "80ccbbaa"


def test_one_styled_folder_per_map_layer(founding):
    doc = kml.kml_document(_layers(founding), founding.title)
    root = ET.fromstring(doc)
    styles = {s.get("id"): s for s in root.iterfind("k:Document/k:Style", NS)}
    folders = _folders(doc)
    for spec, rows in split_layers(founding.incidents):
        if not len(rows):
            assert spec.title not in folders
            continue
        style = styles[f"incident-{spec.key}"]
        assert style.findtext("k:IconStyle/k:color", namespaces=NS) == kml.kml_colour(spec.colour)
        placemarks = folders[spec.title].findall("k:Placemark", NS)
        assert len(placemarks) == len(rows)
        expected = founding.incidents.iloc[rows]
        assert [p.findtext("k:styleUrl", namespaces=NS) for p in placemarks] == \
               [f"#incident-{spec.key}"] * len(rows)
        assert [p.findtext("k:TimeStamp/k:when", namespaces=NS) for p in placemarks] == \
               expected["event_date"].tolist()
    assert {"March route", "Zones and areas", "Referenced places"} <= set(folders)
    route = folders["March route"].find("k:Placemark", NS)
    assert route.findtext("k:TimeSpan/k:begin", namespaces=NS) == founding.route["start_date"][0]
    assert route.find("k:LineString", NS) is not None
    assert folders["Zones and areas"].find(".//k:Polygon", NS) is not None


def test_ogr_reads_every_field_back_with_its_type(founding, tmp_path):
    """KML -> geopandas gives the same incidents: types, counts, dates, geometry, every field."""
    path = tmp_path / "map.kml"
    path.write_bytes(kml.kml_document(_layers(founding), founding.title))
    frames = [gpd.read_file(path, layer=spec.title) for spec in INCIDENT_LAYERS
              if spec.select(founding.incidents).any()]
    after = pd.concat(frames).drop_duplicates("event_id").set_index("event_id")
    before = founding.incidents.set_index("event_id")
    assert sorted(after.index) == sorted(before.index)
    after = after.loc[before.index]
    for field in schema.FIELDS[1:]:
        name = "description2" if field.name == "description" else field.name  # see mapper.kml
        got = [None if pd.isna(v) or v == "" else v for v in after[name]]
        want = [None if pd.isna(v) or v == "" else v for v in before[field.name]]
        if field.kind in ("int", "float"):
            got = [None if v is None else float(v) for v in got]
            want = [None if v is None else float(v) for v in want]
        assert got == want, field.name
    assert all(a.distance(b) < 1e-6 for a, b in zip(after.geometry, before.geometry, strict=True))
    route = gpd.read_file(path, layer="March route")
    assert route.geometry[0].equals_exact(founding.route.geometry[0], 1e-6)
    assert route["length_km"][0] == founding.route["length_km"][0]


def test_unlocated_incidents_are_kept_without_geometry(founding):
    incidents = founding.incidents.copy()
    incidents.loc[incidents.index[0], "geometry"] = None
    doc = kml.kml_document({**_layers(founding), "incidents": incidents})
    folder = _folders(doc)[kml.UNLOCATED_FOLDER]
    (placemark,) = folder.findall("k:Placemark", NS)
    assert placemark.find("k:Point", NS) is None
    data = {d.get("name"): d.text for d in placemark.iterfind(".//k:SimpleData", NS)}
    assert data["event_id"] == incidents["event_id"].iloc[0]


def test_article_text_is_escaped_in_the_balloon(founding):
    incidents = founding.incidents.copy()
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    incidents["description"] = hostile
    incidents["place_name"] = hostile
    incidents["source_url"] = "javascript:alert(3)"
    places = founding.places.copy()
    places["name"] = places["source"] = hostile
    doc = kml.kml_document({**_layers(founding), "incidents": incidents, "places": places})
    root = ET.fromstring(doc)
    for placemark in root.iterfind(".//k:Placemark", NS):
        balloon = placemark.findtext("k:description", namespaces=NS)
        # Google Earth renders the description as HTML: only mapper's own markup in it.
        assert "<script" not in balloon and "<img" not in balloon and 'href="javascript' not in balloon
    for style in root.iterfind("k:Document/k:Style", NS):
        assert style.findtext("k:BalloonStyle/k:text", namespaces=NS) == "$[description]"


def test_kml_format_from_the_api(founding, tmp_path):
    written = founding.to_file(tmp_path, formats=["kml"])
    assert sorted(p.name for p in written) == ["incident-map.kml", "summary.json"]
    assert ET.parse(tmp_path / "incident-map.kml").getroot().tag == f"{{{kml.NAMESPACE}}}kml"
