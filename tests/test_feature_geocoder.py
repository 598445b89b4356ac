"""Counties, seas, islands and airports (mapper.geocoders.features)."""

from __future__ import annotations

import pytest

from mapper.errors import GazetteerError
from mapper.geocoders.features import FeatureGeocoder, airport_names


@pytest.mark.parametrize(("name", "city", "short"), [
    ("London Heathrow Airport", "London", "Heathrow"),
    ("Amsterdam Airport Schiphol", "Amsterdam", "Schiphol"),
    ("Chicago O'Hare International Airport", "Chicago", "O'Hare"),
])
def test_an_airport_named_after_its_city_is_known_by_the_rest(name, city, short):
    assert short in airport_names(name, city) and name in airport_names(name, city)


@pytest.mark.parametrize(("name", "city", "bare"), [
    ("Jinnah International Airport", "Karachi", "Jinnah"),  # a person far more often
    ("Los Angeles International Airport", "Los Angeles", "Angeles"),
])
def test_an_airport_named_otherwise_keeps_its_airport(name, city, bare):
    names = airport_names(name, city)
    assert bare not in names and all("Airport" in n for n in names)


def test_an_airport_is_known_by_its_last_words_with_airport():
    names = airport_names("Washington Dulles International Airport", "Dulles")
    assert {"Dulles International Airport", "Dulles Airport"} <= set(names)
    assert "Kennedy Airport" in airport_names("John F Kennedy International Airport",
                                              "New York")
    # Words that are any city's, or another place's name, are not this airport's.
    assert "City Airport" not in airport_names("Kansas City International Airport",
                                               "Kansas City")
    assert "Lake City Airport" not in airport_names("Salt Lake City International Airport",
                                                    "Salt Lake City")


def test_us_counties_are_known_with_their_word_only(tmp_path):
    (tmp_path / "us_counties.csv").write_text(
        "state_usps,geoid,name,lat,lon,source\n"
        "KY,21177,Muhlenberg County,37.2158,-87.1420,test row\n", encoding="utf-8")
    geocoder = FeatureGeocoder(tmp_path)
    [county] = geocoder._candidates("muhlenberg county", country=None, fuzzy=False)
    assert county.kind == "county" and county.country == "US"
    assert county.properties["state"] == "KY"
    assert not geocoder._candidates("muhlenberg", country=None, fuzzy=False)


def test_a_row_without_a_source_is_refused(tmp_path):
    (tmp_path / "features.csv").write_text(
        "kind,country_iso2,name,alt_names,lat,lon,precision_m,geonameid,source\n"
        "county,GB,Kent,,51.2,0.7,30000,,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="without source"):
        FeatureGeocoder(tmp_path)
