"""How sentences become incidents: counts, places and types, on sentences written here."""

from __future__ import annotations

import pytest

from mapper.text.extract import Extractor, to_json
from mapper.text.reader import parse_text
from mapper.text.sentences import split


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor().load()


def incidents(extractor: Extractor, text: str) -> list[dict]:
    return to_json(extractor.extract(parse_text("date 2024-05-02 " + text)))["incidents"]


def casualties(extractor: Extractor, text: str) -> list[tuple]:
    return [(i["place"], i["killed"], i["injured"]) for i in incidents(extractor, text)
            if i["killed"] or i["injured"]]


def test_counts_given_place_by_place_make_one_incident_each(extractor):
    found = casualties(extractor, "Seventeen people died in Kathmandu and two in Pokhara, "
                                  "police said.")
    assert sorted(found) == [("Kathmandu", 17, None), ("Pokhara", 2, None)]
    found = casualties(extractor, "Four were killed in Lahore and 30 injured in Multan.")
    assert sorted(found) == [("Lahore", 4, None), ("Multan", None, 30)]


def test_counts_of_different_victims_are_added(extractor):
    found = incidents(extractor, "The ministry said 22 officers and 16 civilians were injured "
                                 "in Lima.")
    hurt = [i for i in found if i["injured"]]
    assert [i["injured"] for i in hurt] == [38]
    assert hurt[0]["victims"] == "police, civilians"


def test_counts_of_different_verbs_are_not_added(extractor):
    found = casualties(extractor, "Clashes in Zahedan left at least 96 protesters killed and "
                                  "300 injured.")
    assert found == [("Zahedan", 96, 300)]
    found = casualties(extractor, "The protests in Nairobi left six people dead and dozens "
                                  "injured.")
    assert found == [("Nairobi", 6, 24)]


@pytest.mark.parametrize("text", [
    "Police say 34-year-old John Doe was killed in Brooklyn.",
    "A crowd gathered after the man was killed around 5 p.m. in Brooklyn.",
    "The 17-year-old died on April 2nd in Brooklyn.",
])
def test_ages_and_times_are_not_casualty_counts(extractor, text):
    assert all(k in (None, 1) for _, k, _ in casualties(extractor, text))


def test_a_lone_victim_is_one(extractor):
    assert casualties(extractor, "Another protester was killed in Macusani.") == [
        ("Macusani", 1, None)]
    assert casualties(extractor, "A student was shot dead in Dhaka on Monday.") == [
        ("Dhaka", 1, None)]


def test_where_the_wounded_were_treated_is_not_where_they_were_hurt(extractor):
    found = incidents(extractor, "Police fired tear gas in Kathmandu. More than 300 were "
                                 "injured and treated at the Civil Hospital and the National "
                                 "Trauma Center.")
    hurt = [i for i in found if i["injured"] == 300]
    assert hurt and hurt[0]["place"] not in ("Civil Hospital", "National Trauma Center")


def test_the_town_not_the_region_it_is_named_in(extractor):
    found = incidents(extractor, "In the southern region of Puno, protesters tried to storm the "
                                 "airport in Juliaca, where 17 people died in clashes.")
    assert [(i["place"], i["killed"]) for i in found if i["killed"]] == [("Juliaca", 17)]
    places = to_json(extractor.extract(parse_text(
        "date 2024-05-02 Protests spread to the region of Puno.")))["places"]
    puno = next(p for p in places if p["mention"] == "Puno")
    assert puno["kind"] not in ("city", "town"), "'the region of Puno' is the region"


def test_an_event_spread_over_a_country_stays_there(extractor):
    found = incidents(extractor, "Demonstrations took place throughout Georgia, largest in "
                                 "Tbilisi.")
    assert [i["place"] for i in found if i["type"] == "protest"] == ["Georgia"]


@pytest.mark.parametrize("text", [
    "Georgia and Ukraine applied for membership in February and March in Brussels.",
    "The vote in Nairobi is due on March 3.",
    "Since March, the economy of Kenya has shrunk.",
])
def test_the_month_of_march_is_not_a_march(extractor, text):
    assert not [i for i in incidents(extractor, text) if i["subtype"] == "march"]


def test_marches_are_still_marches(extractor):
    for text in ("In March, thousands marched to Freedom Square in Tbilisi.",
                 "The Women's March drew thousands in Washington."):
        assert [i for i in incidents(extractor, text) if i["subtype"] == "march"], text


def test_a_new_count_of_arrests_is_a_new_incident(extractor):
    found = incidents(extractor, "Police arrested dozens of supporters in Rawalpindi. There "
                                 "have been 105 other arrests of protesters.")
    assert sorted(i["arrested"] for i in found if i["type"] == "arrest") == [24, 105]
    found = incidents(extractor, "The government stopped the rally, arresting 5,000 supporters "
                                 "in Rawalpindi.")
    assert [i["arrested"] for i in found if i["type"] == "arrest"] == [5000]


def test_reference_marks_end_a_sentence():
    text = "The law passed.[6][7] Police used tear gas.[note 1] Then calm returned."
    assert [text[s:e] for s, e in split(text)] == [
        "The law passed.", "Police used tear gas.", "Then calm returned."]


def test_the_place_nearest_the_event_and_the_list_it_opens(extractor):
    found = incidents(extractor, "More than a million people took to the streets across "
                                 "France on Thursday, and police fired tear gas at protesters "
                                 "in Paris, Lyon and Nantes.")
    assert [i["place"] for i in found if i["type"] == "protest"] == ["France"]
    assert [i["place"] for i in found if i["type"] == "clash"] == ["Paris", "Lyon", "Nantes"]


def test_a_town_written_with_its_state_is_no_list(extractor):
    found = incidents(extractor, "The killing in Sacramento, California, sparked two weeks "
                                 "of protests.")
    assert [i["place"] for i in found if i["type"] == "protest"] == ["Sacramento"]


def test_a_continent_is_no_event_place_beside_a_town(extractor):
    found = incidents(extractor, "Riots broke out in Asia, in Manila, on Friday.")
    assert [i["place"] for i in found if i["type"] == "clash"] == ["Manila"]


def test_nationwide_means_the_report_s_country(extractor):
    found = incidents(extractor, "MOMBASA, Kenya - Police fired tear gas in Mombasa and "
                                 "Malindi. The interior ministry said 120 people had been "
                                 "arrested across much of the country.")
    arrests = [i for i in found if i["arrested"] == 120]
    assert [i["place"] for i in arrests] == ["Kenya"]
    assert "across much of the country" in arrests[0]["notes"][0]


def test_the_capital_is_the_report_s_country_s_capital(extractor):
    found = incidents(extractor, "MEDELLIN, Colombia - Riot police fired tear gas in "
                                 "Medellin. In the capital, 40 people were detained.")
    assert [i["place"] for i in found if i["arrested"] == 40] == ["Bogotá"]
    # "The city" is the dateline's.
    found = incidents(extractor, "MEDELLIN, Colombia - Riot police fired tear gas. Across the "
                                 "city, 40 people were detained.")
    assert [i["place"] for i in found if i["arrested"] == 40] == ["Medellín"]


def test_arson_and_occupations_are_events(extractor):
    found = incidents(extractor, "Rioters set fire to a police station in Kano.")
    assert [(i["subtype"], i["place"]) for i in found] == [("violent demonstration", "Kano")]
    found = incidents(extractor, "Students occupied the campus in Medellín for a week.")
    assert [(i["subtype"], i["place"]) for i in found] == [("sit-in", "Medellín")]
    # A flat's rooms occupying a floor are no sit-in.
    assert incidents(extractor, "Three bedrooms occupy the top floor in Leeds.") == []


def test_people_taken_to_hospital_are_injured(extractor):
    assert casualties(extractor, "In Lagos, 30 people were being treated in hospitals.") == [
        ("Lagos", None, 30)]
    assert casualties(extractor, "Fifty-five people were admitted to hospital in Nairobi.") == [
        ("Nairobi", None, 55)]


def test_the_ends_of_a_blocked_stretch_are_not_blockades(extractor):
    found = incidents(extractor, "Truckers blocked the Pan-American Highway between Cali and "
                                 "Popayan.")
    assert [i["place"] for i in found if i["type"] == "blockade"] == ["Pan-American Highway"]
    # Without the stretch named, the ends are all there is.
    found = incidents(extractor, "Truckers blocked roads between Cali and Popayan.")
    assert {i["place"] for i in found if i["type"] == "blockade"} == {"Cali", "Popayán"}


@pytest.mark.parametrize(("text", "subtypes"), [
    ("Riot police were deployed in Sanandaj.", ["security deployment"]),
    ("Anti-riot units guarded the square in Sanandaj.", []),
    ("Trains did not run to protest sites in Bangkok.", []),
    ("Thousands of protesters gathered in Mandalay.", ["peaceful protest"]),
])
def test_words_that_look_like_triggers(extractor, text, subtypes):
    assert [i["subtype"] for i in incidents(extractor, text)] == subtypes


def test_a_dateline_abroad_puts_unplaced_events_in_the_report_s_country(extractor):
    text = ("DUBAI, Oct 3 (Reuters) - Security forces clashed with students in Tehran, "
            "Tabriz and Mashhad.\n\nDozens of students were arrested, activists said.")
    arrests = [i for i in incidents(extractor, text) if i["type"] == "arrest"]
    assert [i["place"] for i in arrests] == ["Iran"]
    assert "dateline is abroad" in arrests[0]["notes"][-1]
    # A dateline at home is where such events are put.
    text = ("TEHRAN, Oct 3 (Reuters) - Security forces clashed with students in Tabriz "
            "and Mashhad.\n\nDozens of students were arrested, activists said.")
    assert [i["place"] for i in incidents(extractor, text) if i["type"] == "arrest"] == [
        "Tehran"]


def test_a_part_of_a_total_counted_at_a_place(extractor):
    found = incidents(extractor, "Rights groups said 133 people had been killed, including 41 "
                                 "in the southeastern city of Zahedan.")
    killed = [i for i in found if i["killed"]]
    assert [(i["place"], i["killed"]) for i in killed] == [("Zahedan", 41)]
    assert "133 killed" in killed[0]["notes"][-1]
    # The total of a country is the country's; "103 of them in Paris" is no injury count.
    found = incidents(extractor, "The minister said 149 officers had been injured and 172 "
                                 "people arrested nationwide, 103 of them in Paris.")
    assert sorted((i["place"], i["injured"] or 0, i["arrested"] or 0) for i in found) == [
        ("France", 0, 172), ("France", 149, 0)]
