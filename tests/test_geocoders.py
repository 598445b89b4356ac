"""Offline geocoding: curated names, spelling variants, typos, the world gazetteer."""

from __future__ import annotations

import json

import pytest

from mapper.errors import GazetteerError, GeocoderQueryError
from mapper.geocoders import (
    ChainGeocoder,
    CuratedGeocoder,
    Geocoder,
    GeoNamesGeocoder,
    default_geocoder,
)


@pytest.fixture(scope="module")
def curated() -> CuratedGeocoder:
    return CuratedGeocoder()


@pytest.fixture(scope="module")
def chain() -> Geocoder:
    return default_geocoder()


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("D-Chowk", "pk-isb-d-chowk"),
        ("D Chowk", "pk-isb-d-chowk"),
        ("d-chowk", "pk-isb-d-chowk"),
        ("Democracy Chowk", "pk-isb-d-chowk"),
        ("Adiyala Jail", "pk-rwp-adiala-jail"),
        ("Adiala Jail", "pk-rwp-adiala-jail"),
        ("Adyala Jail", "pk-rwp-adiala-jail"),
        ("Central Jail Rawalpindi", "pk-rwp-adiala-jail"),
        ("Sangjani interchange", "pk-isb-sangjani-interchange"),
        ("Sang Jani interchange", "pk-isb-sangjani-interchange"),
        ("26 Number", "pk-isb-26-number"),
        ("Chungi No. 26", "pk-isb-26-number"),
        ("Red Zone", "pk-isb-red-zone"),
        ("Parliament House", "pk-isb-parliament-house"),
        ("Parliament of Pakistan", "pk-isb-parliament-house"),
        ("KP", "pk-kp"),
        ("Khyber Pukhtunkhwa", "pk-kp"),
    ],
)
def test_curated_spelling_variants(curated, query, place_id):
    place = curated.geocode(query)
    assert place is not None, query
    assert place.place_id == place_id
    assert place.match == "exact"
    assert place.origin == "curated"


@pytest.mark.parametrize(
    ("typo", "place_id"),
    [("Adiyla Jail", "pk-rwp-adiala-jail"), ("Sangjani interchnge", "pk-isb-sangjani-interchange"),
     ("Aiwan-e-Sadar", "pk-isb-aiwan-e-sadr")],
)
def test_small_typos_are_tolerated_and_flagged(curated, typo, place_id):
    place = curated.geocode(typo)
    assert place is not None and place.place_id == place_id
    assert place.match in ("fuzzy", "exact")
    if place.match == "fuzzy":
        assert place.score < 100


def test_fuzzy_can_be_switched_off(curated):
    assert curated.geocode("Adiyla Jail", fuzzy=False) is None


@pytest.mark.parametrize("query", ["Xqzvillejail", "Atlantis Chowk", "Blorptown"])
def test_unknown_names_stay_unresolved(chain, query):
    assert chain.geocode(query) is None
    assert chain.geocode(query, exactly_one=False) == []


def test_bad_queries_raise(curated):
    for bad in ("", "  --  ", "x" * 301):
        with pytest.raises(GeocoderQueryError):
            curated.geocode(bad)
    with pytest.raises(GeocoderQueryError):
        curated.geocode(42)  # type: ignore[arg-type]


def test_places_carry_source_and_precision(curated):
    for place in curated.gazetteer:
        assert place.source.strip()
        assert place.precision_m > 0
        assert place.geo_precision in (1, 2, 3, 4)


def test_world_gazetteer_finds_towns_anywhere():
    world = GeoNamesGeocoder()
    nairobi = world.geocode("Nairobi")
    assert nairobi is not None and nairobi.country == "KE"
    assert abs(nairobi.lat - -1.28) < 0.1 and abs(nairobi.lon - 36.82) < 0.1
    assert nairobi.place_id.startswith("geonames:")
    assert "GeoNames" in nairobi.source


def test_world_gazetteer_prefers_the_reports_country():
    world = GeoNamesGeocoder()
    assert world.geocode("Hyderabad", country="PK").country == "PK"
    assert world.geocode("Hyderabad", country="IN").country == "IN"
    # Without a country, the biggest place wins, and the others are kept as candidates.
    candidates = world.geocode("Hyderabad", exactly_one=False)
    assert {p.country for p in candidates} >= {"PK", "IN"}


def test_world_typos_only_within_the_country():
    world = GeoNamesGeocoder()
    place = world.geocode("Rawalpndi", country="PK")
    assert place is not None and place.name == "Rawalpindi" and place.match == "fuzzy"
    assert world.geocode("Rawalpndi") is None


def test_chain_prefers_curated_over_world():
    chain = ChainGeocoder([CuratedGeocoder(), GeoNamesGeocoder()])
    place = chain.geocode("Rawalpindi", country="PK")
    assert place.origin == "curated"
    peshawar = chain.geocode("Peshawar", country="PK")
    assert peshawar.origin == "curated"
    # A town only the world gazetteer knows.
    assert chain.geocode("Abbottabad", country="PK").origin == "geonames"


def test_exact_world_match_beats_curated_typo(tmp_path):
    gaz = tmp_path / "g.geojson"
    gaz.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.0, 10.0]},
         "properties": {"id": "t", "name": "Nairobe Square", "kind": "square",
                        "precision_m": 10, "source": "test"}}]}))
    chain = ChainGeocoder([CuratedGeocoder(gaz), GeoNamesGeocoder()])
    assert chain.geocode("Nairobi").origin == "geonames"


@pytest.mark.parametrize(
    ("props", "geometry", "message"),
    [
        ({"id": "a", "name": "A", "kind": "town", "precision_m": 10}, [1, 1], "missing source"),
        ({"id": "a", "name": "A", "kind": "town", "precision_m": 10, "source": "s"}, [1, 95],
         "outside"),
        ({"id": "a", "name": "A", "kind": "town", "precision_m": 0, "source": "s"}, [1, 1],
         "positive"),
    ],
)
def test_malformed_gazetteer_is_rejected(tmp_path, props, geometry, message):
    gaz = tmp_path / "bad.geojson"
    gaz.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": geometry},
         "properties": props}]}))
    with pytest.raises(GazetteerError, match=message):
        CuratedGeocoder(gaz)
