"""Acceptance of text extraction on the founding report (issue 3).

The report is read from ``../shared/seeds`` when present, so nothing here is
tuned to a copy of its sentences: the assertions name places, types and counts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, run_mapper
from shapely.geometry import Point, shape

from mapper.text.extract import Extractor, to_json
from mapper.text.reader import read_report

SEED = ROOT.parent / "shared" / "seeds" / "000_e350d5816855e855.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="founding report not available")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor().load()


@pytest.fixture(scope="module")
def result(extractor):
    return to_json(extractor.extract(read_report(SEED)))


def _places(result, name):
    return [p for p in result["places"] if p["name"] == name and p["resolved"]]


def _incidents(result, type_, subtype=None, place=None):
    return [i for i in result["incidents"] if i["type"] == type_
            and (subtype is None or i["subtype"] == subtype)
            and (place is None or i["place"] == place)]


@pytest.mark.parametrize("name", ["Islamabad", "D-Chowk", "Khyber Pakhtunkhwa",
                                  "Sangjani Interchange", "26 Number (Chungi No. 26)",
                                  "Adiala Jail", "Rawalpindi", "Islamabad Red Zone"])
def test_key_places_found_and_resolved(result, name):
    assert _places(result, name), name


def test_red_zone_is_its_polygon(extractor):
    extraction = extractor.extract(read_report(SEED))
    zone = next(p.place for p in extraction.places if p.place and p.place.kind == "zone")
    assert zone.geometry.geom_type == "Polygon"


def test_pakistan_inside_the_party_name_is_not_a_location(result):
    text = read_report(SEED).text
    start = text.index("Pakistan Tehreek")
    assert not any(p["start"] <= start < p["end"] for p in result["places"])


def test_kp_in_a_title_is_not_a_location(result):
    text = read_report(SEED).text
    start = text.index("KP Chief Minister")
    assert not any(p["start"] == start for p in result["places"])


def test_report_date_and_monday(result):
    assert result["date"] == "2024-11-26"
    talks = _incidents(result, "negotiation", place="Adiala Jail")
    assert talks and talks[0]["date"] == "2024-11-25"


def test_march_from_kp_towards_d_chowk(result):
    marches = [i for i in _incidents(result, "protest", "march") if i["crowd_size"]]
    assert marches, "the march with its crowd size"
    march = marches[0]
    assert march["crowd_size"] == "tens of thousands"
    assert {"Ali Amin Gandapur", "Bushra Bibi"} <= set(march["actors"])
    ends = {i["origin"] for i in _incidents(result, "protest", "march")} | {
        i["destination"] for i in _incidents(result, "protest", "march")}
    assert {"Khyber Pakhtunkhwa", "D-Chowk"} <= ends


def test_police_casualties_with_qualifiers(result):
    casualties = [i for i in result["incidents"] if i["killed"] == 1 and i["injured"] == 100]
    assert casualties
    c = casualties[0]
    assert (c["killed_qualifier"], c["injured_qualifier"]) == ("at least", "more than")
    assert c["victims"] == "police"
    assert c["claimed_by"] is None


def test_clashes_at_26_number_of_sangjani(result):
    clashes = _incidents(result, "clash")
    assert any(i["place"] in ("26 Number (Chungi No. 26)", "Sangjani Interchange")
               for i in clashes)


def test_tear_gas_and_blockades_on_the_way(result):
    assert _incidents(result, "blockade")
    assert any("tear gas" in i["evidence"] for i in _incidents(result, "clash"))


def test_arrest_warning_at_d_chowk(result):
    assert _incidents(result, "arrest", "arrest warning", "D-Chowk")


def test_talks_delegation_at_adiyala(result):
    assert _incidents(result, "negotiation", "talks", "Adiala Jail")


def test_schools_closed_in_islamabad(result):
    assert _incidents(result, "closure", "school closure", "Islamabad")


@pytest.mark.parametrize("place", ["Adiala Jail", "D-Chowk", "Islamabad Red Zone"])
def test_heavy_deployment(result, place):
    assert _incidents(result, "deployment", "security deployment", place)


def test_gunshot_claim_is_attributed_to_the_minister(result):
    claims = [i for i in result["incidents"] if "straight gunshots" in i["evidence"]]
    assert claims
    assert all(i["claimed_by"] == "Mohsin Naqvi" for i in claims)
    assert all(i["type"] == "statement" for i in claims)


def test_evidence_offsets_index_the_body(result):
    text = read_report(SEED).text
    for i in result["incidents"]:
        assert text[i["start"]:i["end"]] == i["evidence"]
    for p in result["places"]:
        assert text[p["start"]:p["end"]] == p["mention"]


def test_map_of_the_report_routes_kp_sangjani_d_chowk(tmp_path):
    from mapper.geocoders import CuratedGeocoder

    out = tmp_path / "out"
    proc = run_mapper("map", str(SEED), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    route = json.loads((out / "route.geojson").read_text())["features"][0]
    line = shape(route["geometry"])
    curated = CuratedGeocoder()
    assert curated.geocode("Khyber Pakhtunkhwa").geometry.contains(Point(line.coords[0]))
    sangjani = curated.geocode("Sangjani interchange").point
    assert min(Point(c).distance(sangjani) for c in line.coords) < 1e-6
    d_chowk = curated.geocode("D-Chowk").point
    assert Point(line.coords[-1]).distance(d_chowk) < 1e-6


def test_extract_out_round_trips_through_map(tmp_path):
    case = tmp_path / "case"
    proc = run_mapper("extract", str(SEED), "--out", str(case))
    assert proc.returncode == 0, proc.stderr
    rows = (case / "incidents.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    assert "place_name" in header and len(rows) > 10
    # A person fixes a count, then re-renders.
    edited = (case / "incidents.csv").read_text(encoding="utf-8").replace(
        ",1,at least,100,more than,", ",2,at least,100,more than,", 1)
    assert edited != (case / "incidents.csv").read_text(encoding="utf-8")
    (case / "incidents.csv").write_text(edited, encoding="utf-8")
    out = tmp_path / "map"
    proc = run_mapper("map", str(case), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    feats = json.loads((out / "incidents.geojson").read_text())["features"]
    assert any(f["properties"]["killed"] == 2 for f in feats)


def test_extract_json_on_stdout():
    proc = run_mapper("extract", str(SEED), "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) >= {"places", "incidents"}
    keys = {"mention", "start", "end", "name", "lat", "lon", "kind", "precision_m", "resolved"}
    assert keys <= set(doc["places"][0])
    keys = {"type", "subtype", "place", "date", "killed", "injured", "qualifier", "actors",
            "claimed_by", "evidence", "start", "end"}
    assert keys <= set(doc["incidents"][0])


def test_seed_path_is_outside_the_repo():
    assert not str(SEED).startswith(str(ROOT) + "/")
    assert isinstance(SEED, Path)
