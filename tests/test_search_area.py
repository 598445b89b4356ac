"""The search area that biases and checks online geocoders (mapper.geocoders.area)."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from mapper.geocoders.area import SearchArea
from mapper.geocoders.base import Place


def place(name: str, lat: float, lon: float, country: str = "PK", kind: str = "town") -> Place:
    return Place(f"t:{name}", name, kind, Point(lon, lat), 1000.0, "test", country=country)


# Made-up points: a cluster of three about 10 km apart, one 6,000 km away.
CLUSTER = [place("a", 33.70, 73.00), place("b", 33.75, 73.10), place("c", 33.60, 73.05)]
FAR = place("far", 51.5, -0.1, country="GB")


def test_box_is_the_cluster_plus_margin():
    area = SearchArea.around([*CLUSTER, FAR], margin_km=25)
    west, south, east, north = area.bounds
    assert south == pytest.approx(33.60 - 25 / 111.32, abs=1e-3)
    assert north == pytest.approx(33.75 + 25 / 111.32, abs=1e-3)
    assert west < 73.0 - 0.2 and east > 73.1 + 0.2 and east - west < 1.0  # not out to London
    assert area.countries == ("PK",)  # the outlier's country neither


def test_regions_give_countries_but_not_the_box():
    province = place("p", 30.0, 70.0, kind="province")
    area = SearchArea.around([province])
    assert area.bounds is None and area.countries == ("PK",)
    assert area.rejects(place("x", 10.0, 10.0, country="NG")) == "in NG, not in PK"
    assert area.rejects(place("y", 10.0, 10.0, country="PK")) is None  # no box: any distance


def test_country_given_by_the_user_wins():
    assert SearchArea.around(CLUSTER, "ke").countries == ("KE",)


def test_spread_out_report_keeps_every_place_in_the_box():
    two = [place("north", 33.7, 73.0), place("south", 24.9, 67.0)]  # about 1,100 km apart
    west, south, east, north = SearchArea.around(two, margin_km=0).bounds
    assert (west, south, east, north) == (67.0, 24.9, 73.0, 33.7)


def test_rejects_far_results_and_says_how_far():
    area = SearchArea.around(CLUSTER, margin_km=25)
    assert area.rejects(place("near", 33.8, 73.2)) is None
    assert area.km_outside(33.8, 73.2) == 0
    why = area.rejects(place("far", 35.5, 73.0))
    assert why is not None and "km outside" in why
    assert 150 < area.km_outside(35.5, 73.0) < 200


def test_nothing_known_means_anywhere():
    area = SearchArea.around([])
    assert area.bounds is None and area.countries == ()
    assert area.rejects(place("x", -40.0, 170.0, country="NZ")) is None


# -- Reading the services' answers --------------------------------------------------------

def test_osm_tags_become_kinds():
    from mapper.geocoders.osm import osm_kind, osm_reference

    assert osm_kind("highway", "motorway_junction") == "interchange"
    assert osm_kind("amenity", "prison") == "jail"
    assert osm_kind("place", "village") == "town"
    assert osm_kind("boundary", "administrative", "state") == "province"
    assert osm_kind("highway", "primary") == "road"
    assert osm_kind("tourism", "museum") == "landmark"
    assert osm_reference("W", 12) == "way/12" and osm_reference("relation", "7") == "relation/7"
    with pytest.raises(ValueError):
        osm_reference("X", 1)


def test_precision_from_extent_or_assumed_by_kind():
    from mapper.geocoders.online import precision_from_extent

    metres, basis = precision_from_extent(0.0, 0.0, (-0.001, -0.001, 0.001, 0.001), "building")
    assert 150 < metres < 165 and "extent" in basis  # half of a 0.002-degree square's diagonal
    assert precision_from_extent(0.0, 0.0, None, "town") == (3000.0, "assumed for a town")
    assert precision_from_extent(0.0, 0.0, None, "interchange")[0] == 100.0
    assert precision_from_extent(0.0, 0.0, (1.0, 1.0, 1.0, 1.0), "square")[0] == 100.0


def test_user_agent_and_urls():
    from mapper.errors import GeocoderError
    from mapper.geocoders.online import split_url, user_agent

    assert user_agent("me@example.org").endswith(" (me@example.org)")
    assert user_agent("").startswith("incident-mapper/") and "(" not in user_agent("")
    assert split_url("http://localhost:8080/nominatim/") == ("http", "localhost:8080/nominatim")
    for bad in ("localhost:8080", "ftp://host", "http://", "http://h/search?q=x"):
        with pytest.raises(GeocoderError, match="expected http"):
            split_url(bad)
