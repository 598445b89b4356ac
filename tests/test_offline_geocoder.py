"""The default offline geocoder: a table's names read in the light of each other."""

from __future__ import annotations

import math
import random

import pytest
from shapely.geometry import Point

from mapper import cases
from mapper.geocoders import OfflineGeocoder, Place, default_geocoder
from mapper.geocoders.geonames import display_name
from mapper.pipeline import map_case
from mapper.text.nearby import NearbyPlaces, distance_km


@pytest.fixture(scope="module")
def offline() -> OfflineGeocoder:
    return default_geocoder()


def _best(offline: OfflineGeocoder, names: list[str], country: str | None = None
          ) -> dict[str, tuple[str, str, str] | None]:
    found = offline.geocode_all(names, country=country)
    return {n: (p[0].name, p[0].kind, p[0].country) if p else None for n, p in found.items()}


def test_a_state_name_alone_is_the_state_not_a_town_of_that_name(offline):
    assert _best(offline, ["Texas"])["Texas"] == ("Texas", "province", "US")
    place = offline.geocode("Texas")
    assert place is not None and place.kind == "province" and place.country == "US"


@pytest.mark.parametrize(("names", "country"), [
    (["Punjab", "Lahore", "Rawalpindi"], "PK"),
    (["Punjab", "Amritsar", "Ludhiana"], "IN"),
    (["Georgia", "Tbilisi"], "GE"),
    (["Georgia", "Atlanta"], "US"),
])
def test_an_ambiguous_name_takes_the_country_of_the_other_names(offline, names, country):
    best = _best(offline, names)
    assert best[names[0]] is not None and best[names[0]][2] == country, best


@pytest.mark.parametrize(("name", "country", "lat", "lon"), [
    ("Lahore, Punjab", "PK", 31.5, 74.3),
    ("Kingston, Ontario", "CA", 44.2, -76.5),
    ("Paris, Texas", "US", 33.7, -95.6),
    ("Springfield, Illinois, USA", "US", 39.8, -89.6),
])
def test_a_name_written_with_its_area_is_the_one_in_that_area(offline, name, country, lat, lon):
    place = offline.geocode_all([name])[name][0]
    assert place.country == country
    assert abs(place.lat - lat) < 0.3 and abs(place.lon - lon) < 0.3


def test_world_landmarks_and_curated_places_resolve_in_tables(offline):
    best = _best(offline, ["Wembley Stadium", "London", "D-Chowk", "Red Zone", "Islamabad"])
    assert best["Wembley Stadium"] == ("Wembley Stadium", "stadium", "GB")
    assert best["D-Chowk"][:2] == ("D-Chowk", "square")
    assert best["Red Zone"][1] == "zone"


def test_typos_still_get_a_flagged_fuzzy_match_and_unknown_names_none(offline):
    found = offline.geocode_all(["Rawalpndi", "Blorptown"], country="PK")
    assert found["Rawalpndi"][0].name == "Rawalpindi" and found["Rawalpndi"][0].match == "fuzzy"
    assert found["Blorptown"] == []


def test_a_table_maps_states_and_provinces_to_their_own_points(tmp_path):
    table = tmp_path / "incidents.csv"
    table.write_text("event_date,event_type,place_name\n"
                     "2024-11-24,protest,Texas\n2024-11-24,protest,Houston\n"
                     "2024-11-25,protest,\"Kingston, Ontario\"\n", encoding="utf-8")
    mapped = map_case(cases.read_inputs([table]), default_geocoder())
    places = {r.query: r.place for r in mapped.resolutions.values()}
    assert places["Texas"] is not None and places["Texas"].kind == "province"
    assert places["Texas"].country == "US"
    assert places["Kingston, Ontario"] is not None and places["Kingston, Ontario"].country == "CA"
    assert mapped.incidents.geometry.notna().all()


def _point(lat: float, lon: float, n: int) -> Place:
    return Place(f"p{n}", f"p{n}", "town", Point(lon, lat), 1000, "test")


def test_nearest_place_from_the_grid_is_the_nearest_of_all():
    rng = random.Random(7)
    # Clusters (a country's towns), the antimeridian and the poles included.
    centres = [(52, 0), (-33, 151), (65, -179.5), (65, 179.5), (89, 10), (0, 0), (-89, -100)]
    places = [_point(max(-90, min(90, lat + rng.gauss(0, 3))),
                     (lon + rng.gauss(0, 3) + 180) % 360 - 180, n)
              for n, (lat, lon) in enumerate(rng.choice(centres) for _ in range(400))]
    index = NearbyPlaces(places[:300])
    for n, probe in enumerate(places[300:]):
        for reach in (30, 150, 500, 3000):
            brute = min(distance_km(probe, p) for p in places[:300])
            expected = brute if brute < reach else None
            got = index.nearest_km(probe, reach)
            assert (got is None) == (expected is None), (n, reach, got, expected)
            if got is not None:
                assert math.isclose(got, expected)


def test_names_with_stray_marks_are_shown_as_spelled_elsewhere(offline):
    """GeoNames spells Itahari (Nepal) with marks that sit on no letter."""
    place = offline.geocode("Itahari")
    assert place is not None and place.country == "NP"
    assert place.name == "Itahari"
    assert display_name({"name": "Zürich", "alternatenames": ["Zurich"]}) == "Zürich"
    assert display_name({"name": "S\u0332h\u0332\u0113wah",
                         "alternatenames": ["Shewah", "Sh\u0113wah"]}) == "Sh\u0113wah"
