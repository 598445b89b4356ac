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


KENYA = ("NAIROBI, June 25 - Protests spread to Mombasa, Kisumu, Nakuru and Eldoret on "
         "Tuesday. Marchers walked down Moi Avenue towards City Hall. Protesters in Kisumu "
         "blocked the Kisumu-Busia road, while in Eldoret crowds gathered outside the "
         "county offices.")


@pytest.fixture(scope="module")
def kenya():
    return Extractor().load().extract(parse_text(KENYA))


def test_a_street_without_a_town_is_in_the_dateline_town(kenya):
    # Eldoret is named nearer in the text, but the reporter writes from Nairobi.
    avenue, nairobi = _place(kenya, "Moi Avenue"), _place(kenya, "NAIROBI")
    assert avenue.properties["within"] == nairobi.place_id


def test_a_street_is_in_the_town_its_own_sentence_names(kenya):
    road, kisumu = _place(kenya, "Kisumu-Busia road"), _place(kenya, "Kisumu")
    # ("the road, while in Eldoret" does not put the road in Eldoret)
    assert road.properties["within"] == kisumu.place_id


def test_a_list_of_towns_is_not_town_and_area(kenya):
    # "Kisumu, Nakuru": Kisumu is not placed in Nakuru county, and the county names
    # of the list do not turn the cities into counties.
    for name in ("Mombasa", "Kisumu", "Nakuru", "Eldoret"):
        place = _place(kenya, name)
        assert place.kind == "city" and not place.properties.get("approximate"), name


def _placed_in(text, landmark, town):
    """True when ``landmark`` of ``text`` is placed approximately in ``town``."""
    result = Extractor().load().extract(parse_text(text))
    return _place(result, landmark).properties["within"] == _place(result, town).place_id


def test_an_unknown_name_written_with_its_town_is_placed_in_it():
    text = ("Police fired on crowds in New Baneshwar, Kathmandu, on Monday. Rallies were held "
            "in Tullagorm, Pokhara and Butwal.")
    assert _placed_in(text, "New Baneshwar", "Kathmandu")
    result = Extractor().load().extract(parse_text(text))
    assert _place(result, "Tullagorm") is None  # a list of three places, not "X, Town"


def test_a_landmark_in_a_village_written_with_its_county_is_placed_with_the_village():
    text = ("LONDON (Reuters) - Rioters threw bricks at the Holiday Inn in Tullagorm, South "
            "Yorkshire, on Sunday.")
    result = Extractor().load().extract(parse_text(text))
    hotel, village = _place(result, "Holiday Inn"), _place(result, "Tullagorm")
    assert hotel.properties["within"] == village.place_id
    assert village.properties["within_name"] == "South Yorkshire"
    assert [p.mention.text for p in result.places].count("Tullagorm") == 1


# (why, report, landmark, the town it is placed in)
PLACED_IN = [
    ("a suburb near the dateline town is nearer than the dateline",
     "LOS ANGELES (AP) - Police in Beverly Hills arrested a man on Tuesday. Officers found "
     "him on Bedford Drive.", "Bedford Drive", "Beverly Hills"),
    # Trnava lies between the others, so more of the report's places are near it; the
    # hotel is the Bratislava store's neighbour.
    ("the nearest town, not the most central",
     "Shops closed in Nitra, Zilina and Trnava last year. A department store in Bratislava "
     "is for sale. Its owners also hold the nearby Carlton Hotel.",
     "Carlton Hotel", "Bratislava"),
    # Batumi and Kutaisi lie near each other, far from Tbilisi; the reporter is in Tbilisi.
    ("the dateline town holds a street without other places near it",
     "TBILISI, Dec 1 (Reuters) - Protesters set up barricades on Rustaveli Avenue, "
     "witnesses said. Smaller rallies took place in Batumi and Kutaisi.",
     "Rustaveli Avenue", "TBILISI"),
    ("towns people came from do not hold the square they reached",
     "BELGRADE, March 15 (AP) - Students marched from Novi Sad, Nis and Kragujevac, and "
     "were greeted by crowds at Slavija Square.", "Slavija Square", "BELGRADE"),
    # The story moves on to Paramount later; the detention centre is downtown.
    ("a suburb named after the landmark does not hold it",
     "LOS ANGELES (AP) - Protests against immigration raids went on for a third day on "
     "Sunday, and the National Guard was deployed. Officers fired rubber bullets near the "
     "Metropolitan Detention Center. Earlier, clashes broke out in Paramount.",
     "Metropolitan Detention Center", "LOS ANGELES"),
    ("the story stays in the town of the sentence before",
     "LONDON (Reuters) - Police promised arrests after a weekend of riots. The unrest began "
     "in Southport, Merseyside, after a knife attack. A mosque on St Luke's Road was "
     "attacked the next evening.", "St Luke's Road", "Southport"),
    ("a town before the landmark in its sentence holds it first",
     "Disorder broke out in Middlesbrough, where cars were set alight on Parliament Road, "
     "and in Bolton.", "Parliament Road", "Middlesbrough"),
    ("a landmark located in a district",
     "Police cleared the Siege of Dhaka protesters at Shapla Square, located in the "
     "Motijheel district.", "Shapla Square", "Motijheel"),
    # Negombo is 35 km from Colombo: near enough to pass for a suburb of the dateline.
    ("a landmark named after the report's town is in it",
     "COLOMBO, July 9 - Protesters stormed the residence. Trains were taken by crowds "
     "arriving from Kandy, Galle and Negombo. Dozens were admitted to the Colombo National "
     "Hospital.", "Colombo National Hospital", "COLOMBO"),
    ("towns people came from are no suburbs of the dateline",
     "COLOMBO, July 9 - Protesters stormed the residence. Trains were taken by crowds "
     "arriving from Kandy, Galle and Negombo. A house on Fifth Lane burned.",
     "Fifth Lane", "COLOMBO"),
    # Bogota lies far from the report's other places; it is still where the square is.
    ("a city of the report's country far from the others holds its sentence's landmark",
     "MEDELLIN, Colombia, May 3 (Reuters) - Police fired tear gas at students in Medellin "
     "and Envigado. In Bogota, thousands gathered at the Plaza de Bolivar.",
     "Plaza de Bolivar", "Bogota"),
    # Wire copy: each sentence is a paragraph; the reporter is abroad.
    ("the town of the sentence before, in the paragraph before",
     "DUBAI, Oct 3 (Reuters) - Security forces clashed with students in Tehran on "
     "Sunday.\n\nDozens were taken to Evin prison. Protests spread to Mashhad.",
     "Evin prison", "Tehran"),
]


@pytest.mark.parametrize(("report", "landmark", "town"), [case[1:] for case in PLACED_IN],
                         ids=[case[0] for case in PLACED_IN])
def test_a_landmark_is_placed_in_the_town_the_report_puts_it_in(report, landmark, town):
    assert _placed_in(report, landmark, town)

