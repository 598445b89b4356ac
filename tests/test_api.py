"""The Python API (mapper.map_report / mapper.map_table) and the files it writes, read back."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from conftest import ROOT

import mapper
from mapper import schema
from mapper.errors import InputError, OutputError

REPORT = ROOT / "tests" / "data" / "devset" / "articles" / "002_bhutto-rawalpindi-rally-blocked.txt"


@pytest.fixture(scope="module")
def founding():
    return mapper.map_table()  # the embedded founding case


def test_map_table_gives_the_layers_as_geodataframes(founding):
    for frame in (founding.incidents, founding.places, founding.route, founding.areas):
        assert isinstance(frame, gpd.GeoDataFrame) and frame.crs.to_epsg() == 4326
    assert list(founding.incidents.columns) == [*schema.FIELD_NAMES, "geometry"]
    assert len(founding.incidents) >= 10 and len(founding.route) == 1
    assert "D-Chowk" in founding.summary()["places"]["resolved"]
    assert "incidents" in repr(founding)


def test_map_and_jupyter_repr(founding):
    fmap = founding.map()
    assert "mapperIncidents" in fmap.get_root().render()
    page = founding._repr_html_()
    assert "<table>" in page and "Final Call" in page and "iframe" in page


def test_map_report_takes_a_file_or_the_text_itself():
    from_file = mapper.map_report(REPORT)
    text = REPORT.read_text(encoding="utf-8")
    from_text = mapper.map_report(text)
    assert len(from_file.incidents) == len(from_text.incidents) > 0
    assert list(from_file.incidents["event_type"]) == list(from_text.incidents["event_type"])
    assert from_file.route["n_waypoints"].tolist() == from_text.route["n_waypoints"].tolist()


def test_api_errors_are_mapper_errors(tmp_path):
    with pytest.raises(InputError, match="empty"):
        mapper.map_report("   ")
    with pytest.raises(InputError, match="not a report"):
        mapper.map_report(ROOT / "geodata" / "cases" / "islamabad-2024-11" / "incidents.csv")
    with pytest.raises(InputError, match="no such file"):
        mapper.map_table(tmp_path / "missing.csv")


def test_to_file_writes_the_chosen_formats_and_keeps_edits(founding, tmp_path):
    written = founding.to_file(tmp_path, formats="csv,fgb")
    assert sorted(p.name for p in written) == sorted(
        ["incidents.csv", "incidents.fgb", "places.fgb", "route.fgb", "areas.fgb", "summary.json"])
    (tmp_path / "incidents.csv").write_text("edited", encoding="utf-8")
    with pytest.raises(OutputError, match="edited"):
        founding.to_file(tmp_path, formats=["csv"])
    with pytest.raises(InputError, match="unknown format 'shp'"):
        founding.to_file(tmp_path, formats=["shp"])


def _iso(value) -> str:
    """A date as YYYY-MM-DD: GDAL reads ISO date strings in GeoJSON back as dates."""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else value


def _same_incidents(before: gpd.GeoDataFrame, after: pd.DataFrame) -> None:
    assert len(after) == len(before)
    # FlatGeobuf's spatial index stores features in space-filling-curve order: compare by id.
    before = before.sort_values("event_id", ignore_index=True)
    after = after.sort_values("event_id", ignore_index=True)
    after["event_date"] = after["event_date"].map(_iso)
    for column in ("event_id", "event_date", "event_type", "sub_event_type", "place_name"):
        assert list(after[column].fillna("")) == list(before[column]), column
    for column in ("killed", "injured"):
        assert [None if pd.isna(v) else int(v) for v in after[column]] == \
               [None if pd.isna(v) else int(v) for v in before[column]], column
    for a, b in zip(after.geometry, before.geometry, strict=True):
        assert (a is None or a.is_empty) == (b is None or b.is_empty)
        if b is not None and not b.is_empty:
            assert a.geom_type == b.geom_type and a.distance(b) < 1e-6


@pytest.mark.parametrize("fmt, name, layer", [
    ("geojson", "incidents.geojson", None),
    ("gpkg", "incident-map.gpkg", "incidents"),
    ("fgb", "incidents.fgb", None),
    ("csv", "incidents.csv", None),
])
def test_files_read_back_give_the_same_incidents(founding, tmp_path, fmt, name, layer):
    founding.to_file(tmp_path, formats=[fmt])
    if fmt == "csv":
        table = pd.read_csv(tmp_path / name, dtype=str, keep_default_na=False)
        after = gpd.GeoDataFrame(
            table.replace("", None), crs="EPSG:4326",
            geometry=gpd.GeoSeries.from_wkt(table["wkt"].replace("", None)))
        assert list(table.columns) == [*schema.FIELD_NAMES, "wkt"]
    else:
        after = gpd.read_file(tmp_path / name, layer=layer)
        assert after.crs.to_epsg() == 4326
    assert list(after.columns)[: len(schema.FIELD_NAMES)] == list(schema.FIELD_NAMES)
    _same_incidents(founding.incidents, after)


def test_routes_and_areas_read_back(founding, tmp_path):
    founding.to_file(tmp_path, formats=["gpkg"])
    for layer in ("route", "areas", "places"):
        after = gpd.read_file(tmp_path / "incident-map.gpkg", layer=layer)
        before = getattr(founding, layer)
        assert len(after) == len(before)
        assert after.geom_type.tolist() == before.geom_type.tolist()
        assert all(a.equals_exact(b, 1e-6) for a, b in zip(after.geometry, before.geometry,
                                                         strict=True))


def test_cli_format_option(tmp_path):
    from conftest import run_mapper

    proc = run_mapper("map", "--format", "csv,geojson", "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert names == ["areas.geojson", "incidents.csv", "incidents.geojson", "places.geojson",
                     "route.geojson", "summary.json"]
    bad = run_mapper("map", "--format", "kmz", "--out", str(tmp_path / "bad"))
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1
    assert "unknown format 'kmz'" in bad.stderr and "Traceback" not in bad.stderr
