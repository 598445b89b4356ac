"""Landmarks no gazetteer has, placed approximately in the town the report names."""

from __future__ import annotations

import pytest

from mapper.text.extract import Extractor, incident_rows
from mapper.text.reader import parse_text

REPORT = ("Marchers gathered on Royal Street in New Orleans on Tuesday and walked to the "
          "Mississippi River. Later, marchers reached Baton Rouge. Police arrested two men "
          "outside the Carnegie Library.")


@pytest.fixture(scope="module")
def extraction():
    return Extractor().load().extract(parse_text(REPORT))


def _place(extraction, mention):
    return next(p.place for p in extraction.places if p.mention.text == mention)


def test_a_street_is_placed_in_the_nearest_town_the_report_names(extraction):
    street, town = _place(extraction, "Royal Street"), _place(extraction, "New Orleans")
    library, other = _place(extraction, "Carnegie Library"), _place(extraction, "Baton Rouge")
    assert (street.lat, street.lon) == (town.lat, town.lon)
    assert (library.lat, library.lon) == (other.lat, other.lon)  # its own town, not the first
    assert street.properties["approximate"] and street.properties["within"] == town.place_id
    assert street.name == "Royal Street" and street.precision_m >= 10_000
    assert street.geo_precision == 3 and "approximate" in street.source


def test_natural_features_are_not_placed_at_a_town(extraction):
    assert _place(extraction, "Mississippi River") is None


def test_nothing_is_placed_without_a_town():
    result = Extractor().load().extract(parse_text("Marchers gathered on Royal Street."))
    assert all(p.place is None for p in result.places if p.mention.text == "Royal Street")


def test_incident_rows_leave_approximate_landmarks_to_a_geocoder(extraction):
    rows = [r for r in incident_rows(extraction) if r["place_name"] == "Carnegie Library"]
    assert rows and all(r["latitude"] == "" for r in rows)
    assert all("places it in Baton Rouge" in r["notes"] for r in rows)
