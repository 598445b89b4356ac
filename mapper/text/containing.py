"""Landmarks no gazetteer knows, placed approximately in the town the report puts them in.

"Royal Street", "Carnegie Library" or "Collier County" are found by their heads
but are in no offline gazetteer. Event-data practice (ACLED's geo-precision
codes) is then to code the event at the nearest named town with a coarser
precision rather than drop it. This module does that and says so: the place
keeps the mention's own name, takes the coordinates of the closest settlement
the report names (by its position in the text), gets a precision no finer than
``APPROXIMATE_PRECISION_M``, and is marked ``approximate`` with the town it was
placed in. Natural features and large areas (rivers, seas, provinces) are not
placed this way: a town says little about where they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from mapper.geocoders.base import Place
from mapper.text.approximate import approximate_place
from mapper.text.context import (
    AREA_REACH_KM,
    COUNTRY_KINDS,
    FIRST_LEVEL_KINDS,
    REGION_KINDS,
    PlaceMention,
    distance_km,
    in_area,
)
from mapper.text.gazindex import TextGazetteer
from mapper.text.spans import Mention
from mapper.text.vocab import AREA_HEADS, DIRECTIONS

#: Heads whose places a town's point does not locate: features and large areas.
UNPLACEABLE_HEADS = frozenset({
    "ocean", "sea", "river", "mountains", "lake", "island", "islands", "valley", "border",
    "crossing", "province", "canal", "sector", "mount", "cape", "gulf", "bay", "isle",
    "strait", "straits", "jebel", "jabal", "wadi", "ras", "region", "governorate", "oblast",
    "prefecture",
})
#: Heads of areas that reach well beyond the town they are placed in.
WIDE_HEADS = frozenset({"county", "district", "township", "cantonment", "cantt", "town"})
#: Coarsest precision of an approximate spot (ACLED geo-precision 3: "area or town").
APPROXIMATE_PRECISION_M = 10_000.0
WIDE_PRECISION_M = 30_000.0
#: How far (characters) from the mention the town that locates it may be named.
NEAREST_TOWN_REACH = 2_000
#: A city this large in the report's country places a landmark of its sentence alone.
LONE_CITY_MIN_POPULATION = 100_000
#: Places of the report this close to a town count as its company.
SUPPORT_KM = 150
#: Towns this close to the dateline's are the area the reporter writes from.
DATELINE_AREA_KM = 50
#: Heads of landmarks whose name says nothing of the area they lie in: an embassy of
#: a country is abroad, and "Pennsylvania Avenue" or "Michigan Avenue" are streets of
#: other states' cities.
NOT_NAMED_FOR_AREA_HEADS = frozenset({
    "embassy", "consulate", "road", "rd", "avenue", "street", "highway", "motorway",
    "expressway", "boulevard", "drive", "lane", "parade", "terrace", "crescent", "st",
    "bridge", "headquarters", "square",
})


def place_in_towns(places: Sequence[PlaceMention], gazetteer: TextGazetteer | None = None,
                   text: str = "", dateline_start: int | None = None) -> list[PlaceMention]:
    """``places`` with each unresolved landmark placed approximately in its town.

    The town is chosen among the settlements resolved within ``NEAREST_TOWN_REACH``
    characters of the mention that other places of the report lie near (a street called
    "Franklin" wrongly read as a town abroad has no company): the nearest one named in
    the mention's own sentence, one before it first ("Protesters in Kisumu blocked the
    Kisumu-Busia road"), unless people came from it ("marched from Nis to Slavija
    Square"); else the one town of the sentence before, in the same paragraph; else the
    dateline's town (``dateline_start`` is where the dateline's name starts), where the
    reporter is, company or not, or the suburb of it named last before the mention
    ("Beverly Hills" in a report from Los Angeles); else the one named nearest the
    mention.
    Failing any, it is the best-supported settlement of the report.

    A landmark named after a country or a first-level area ("University of
    California", "Vatican Gardens") lies in it: it is placed in the town only when the
    town lies in that area, else in the area itself. ``gazetteer`` looks the area up;
    without it, names are not read for areas.

    A town written just after the landmark in the same sentence ("the Museum of Ice
    Cream on Collins Avenue in Miami Beach") is where it is, whatever the rest of the
    report is about; ``text`` (the document) shows that. So is a village placed
    approximately already ("the Holiday Inn in Manvers, South Yorkshire").
    """
    towns = [pm for pm in places if pm.mention.is_location and _is_settlement(pm.place)]
    placed = _place_landmarks(places, towns, gazetteer, text, dateline_start)
    placed = _names_written_with_towns(placed, towns, text)
    return _short_forms(_in_written_towns(placed, towns, text))


def _place_landmarks(places: Sequence[PlaceMention], towns: list[PlaceMention],
                     gazetteer: TextGazetteer | None, text: str,
                     dateline_start: int | None = None) -> list[PlaceMention]:
    if not any(map(_placeable, places)):
        return list(places)
    countries = _countries(places)
    named_areas = {pm.mention.key: _named_area(pm.mention.key, pm.mention.head, gazetteer,
                                               countries)
                   for pm in places if gazetteer is not None and _placeable(pm)}
    if not towns and not any(named_areas.values()):
        return list(places)
    located = [pm.place for pm in places if pm.mention.is_location and pm.place is not None
               and pm.place.kind not in COUNTRY_KINDS]
    support = {town.place_id: sum(distance_km(town, p) <= SUPPORT_KM for p in located)
               for town in {pm.place.place_id: pm.place for pm in towns if pm.place}.values()}
    # Other places near a town, its own mentions aside ("Salt" twice, in Spain, is alone).
    company = {town: support[town] > sum(p.place_id == town for p in located)
               for town in support}
    # Names placed approximately already ("Manvers, South Yorkshire") still hold what is
    # written in them ("the Holiday Inn in Manvers").
    spots = [pm for pm in places if pm.place is not None and pm.place.kind == "place"
             and pm.place.properties.get("approximate")]
    accompanied = [t for t in towns if t.place and company[t.place.place_id]]
    top_country_count = max(countries.values(), default=0)
    home_country = max(countries, key=countries.__getitem__, default="")
    out = []
    for pm in places:
        m = pm.mention
        if not _placeable(pm):
            out.append(pm)
            continue
        near = [t for t in towns if abs(t.mention.start - m.start) <= NEAREST_TOWN_REACH]
        area = named_areas.get(m.key)
        if area is not None:
            # Only a town named nearby and inside the area is more precise than the area.
            near = [t for t in near if t.place is not None and _in(t.place, area)]
            if not near:
                out.append(replace(pm, place=approximate_place(
                    m.text, m.key, m.head, area, area.precision_m,
                    "the area its name is after")))
                continue
        supported = [t for t in near if t.place and company[t.place.place_id]]
        # A city of the report's country, far from its other places, is still where a
        # landmark of its sentence is ("In Bogota, thousands marched to the Plaza de
        # Bolivar" in a report from Cali).
        cities = [t for t in near if t.place and (company[t.place.place_id] or (
            t.place.population >= LONE_CITY_MIN_POPULATION
            and countries[t.place.country] == top_country_count))]
        town = (_written_in(text, m, near + spots) or _named_for(m, accompanied)
                or _in_sentence(text, m, cities)
                or _in_sentence_before(text, m, cities)
                or _around_dateline(text, m, near, dateline_start, home_country)
                or min(supported, key=lambda t: abs(t.mention.start - m.start), default=None)
                or max(near or towns, key=lambda t: (support[t.place.place_id] if t.place
                                                     else 0, -abs(t.mention.start - m.start))))
        out.append(replace(pm, place=_within(m.text, m.key, m.head, town.place)))
    return out


#: Between a name and the town written after it: "Kwitang, Central Jakarta".
_COMMA_TOWN = re.compile(r", (?:(?:North|South|East|West|Central) )?")
#: A list going on after a town: "Kwitang, Medan and Bandung" names three places.
_LIST_GOES_ON = re.compile(r",?\s(?:and|or)\s[A-Z]|, [A-Z]")


def _names_written_with_towns(places: list[PlaceMention], towns: Sequence[PlaceMention],
                              text: str) -> list[PlaceMention]:
    """A name no gazetteer has, written with the town it is in ("police fired in New
    Baneshwor, Kathmandu"), is placed approximately in that town."""
    if not text or not towns:
        return places
    by_start = {t.mention.start: t for t in towns}
    out = []
    for pm in places:
        m = pm.mention
        gap = _COMMA_TOWN.match(text, m.end)
        town = by_start.get(gap.end()) if gap else None
        if (town is not None and pm.place is None and m.is_location and not m.known
                and not m.head and not _LIST_GOES_ON.match(text, town.mention.end)):
            pm = replace(pm, place=_within(m.text, m.key, "place", town.place))
        out.append(pm)
    return out


#: "X in Town", "X in east Town", "X in north-west Town".
_JUST_IN = re.compile(r"\s+in\s+(?:(?:north-|south-)?(?:east|west|north|south)(?:ern)?\s+"
                      r"|central\s+)?")


def _in_written_towns(places: list[PlaceMention], towns: Sequence[PlaceMention], text: str
                      ) -> list[PlaceMention]:
    """A known name written "X in Town" ("the CHU in Montpellier", "Victoria Park in east
    London") whose own reading lies far from that town, or that has no reading, is placed
    in the town: the text says where it is."""
    if not text or not towns:
        return places
    by_start = {t.mention.start: t for t in towns}
    out = []
    for pm in places:
        place, m = pm.place, pm.mention
        gap = _JUST_IN.match(text, m.end)
        town = by_start.get(gap.end()) if gap else None
        if (town is not None and town.place is not None
                and m.known and m.is_location and town is not pm
                and (place is None or (place.kind not in COUNTRY_KINDS | REGION_KINDS
                                       and distance_km(place, town.place) > SUPPORT_KM))):
            # (Unresolved too: a name whose only readings are stray towns abroad.)
            pm = replace(pm, place=_within(m.text, m.key, m.head, town.place),
                         alternatives=(*((place,) if place else ()), *pm.alternatives)[:5])
        out.append(pm)
    return out


#: A town smaller than this, alone on the map, may be a short form of a landmark.
SHORT_FORM_MAX_POPULATION = 50_000


def _short_forms(places: list[PlaceMention]) -> list[PlaceMention]:
    """A name that is a landmark's without its head ("Stonewall" beside "Stonewall Golf
    Club") is that landmark when the name's own reading is a small town far from
    every other place of the report (a Stonewall in Louisiana in a report from
    Virginia)."""
    landmarks: dict[str, Place] = {}
    for pm in places:
        m = pm.mention
        if m.head and not m.known and pm.place is not None and m.key.endswith(" " + m.head):
            landmarks.setdefault(m.key[:-len(m.head) - 1], pm.place)
    if not landmarks:
        return places
    located = [pm.place for pm in places if pm.place is not None and pm.mention.is_location
               and pm.place.kind not in COUNTRY_KINDS | FIRST_LEVEL_KINDS]
    out = []
    for pm in places:
        landmark = landmarks.get(pm.mention.key)
        place = pm.place
        if (landmark is not None and place is not None and pm.mention.known
                and place.kind not in COUNTRY_KINDS | REGION_KINDS
                and place.origin != "curated"
                and place.population < SHORT_FORM_MAX_POPULATION
                and not any(p is not place and distance_km(p, place) < SUPPORT_KM
                            for p in located)):
            pm = replace(pm, place=approximate_place(
                pm.mention.text, pm.mention.key, "place", landmark, landmark.precision_m,
                "the landmark of the report it is a short form of"),
                alternatives=(place, *pm.alternatives)[:5])
        out.append(pm)
    return out


#: Where a sentence ends.
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _in_sentence(text: str, landmark: Mention, towns: Sequence[PlaceMention]
                 ) -> PlaceMention | None:
    """The town named nearest ``landmark`` in its own sentence, one before it first, if
    any, that is not where people came from ("marched from Nis and Kragujevac to Slavija
    Square")."""
    same = [t for t in towns if t.mention is not landmark and not _SENTENCE_BREAK.search(
        text, min(t.mention.end, landmark.end), max(t.mention.start, landmark.start))]
    origins = _origins(text, same)
    # A town before it first: "in Middlesbrough, where cars burned on Parliament Road,
    # and in Bolton".
    return min((t for t in same if t.mention.start not in origins),
               key=lambda t: (t.mention.start > landmark.start,
                              abs(t.mention.start - landmark.start)), default=None)


#: "from Town", and the towns listed after it: "from Novi Sad, Nis and Kragujevac".
_FROM = re.compile(r"\bfrom\s+$")
_LIST_GAP = re.compile(r"(?:,|,?\s+(?:and|or))\s+")


def _origins(text: str, towns: Sequence[PlaceMention]) -> set[int]:
    """Starts of the ``towns`` written as where something came from."""
    origins: set[int] = set()
    previous = None
    for t in sorted(towns, key=lambda t: t.mention.start):
        start = t.mention.start
        if _FROM.search(text, max(0, start - 8), start) or (
                previous is not None and previous.mention.start in origins
                and _LIST_GAP.fullmatch(text, previous.mention.end, start)):
            origins.add(start)
        previous = t
    return origins


def _in_sentence_before(text: str, landmark: Mention, towns: Sequence[PlaceMention]
                        ) -> PlaceMention | None:
    """The one town named in the sentence before ``landmark``'s (in the paragraph before
    when ``landmark``'s sentence opens its own, as in wire copy): the story is still
    there ("The unrest began in Southport. A mosque on St Luke's Road was attacked"),
    unlike after a list of towns ("Protests spread to Mombasa, Kisumu and Eldoret.
    Marchers walked down Moi Avenue")."""
    before = [t for t in towns if t.mention.end <= landmark.start
              and _one_sentence_end(text[t.mention.end:landmark.start])]
    if len({t.place.place_id for t in before if t.place}) != 1:
        return None
    return before[-1]


#: The end of a sentence, and the space (a paragraph break too) after it.
_SENTENCE_END = re.compile(r"[.!?;]\s+")


def _one_sentence_end(gap: str) -> bool:
    """True when ``gap`` runs over one sentence end, and over a paragraph break only
    right after it."""
    ends = _SENTENCE_END.findall(gap)
    return len(ends) == 1 and gap.count("\n") == ends[0].count("\n")


def _around_dateline(text: str, landmark: Mention, towns: Sequence[PlaceMention],
                     dateline_start: int | None, home_country: str = ""
                     ) -> PlaceMention | None:
    """Of the dateline's town and the towns around it (within ``DATELINE_AREA_KM``: a
    suburb the story is in), the one named last before ``landmark``, not as where people
    came from; None without a dateline among ``towns``, or with one outside
    ``home_country``, the country of most of the report's places (a report from Dubai
    about Iran). (A suburb named later is where the story moves on to.)"""
    dateline = next((t for t in towns if t.mention.start == dateline_start), None)
    if dateline is None or dateline.place is None or (
            home_country and dateline.place.country != home_country):
        return None
    home = dateline.place
    local = [t for t in towns if t.place is not None and t.mention.start < landmark.start
             and distance_km(t.place, home) <= DATELINE_AREA_KM]
    origins = _origins(text, towns) if text else set()
    return max((t for t in local if t.mention.start not in origins),
               key=lambda t: t.mention.start, default=dateline)


#: Heads of landmarks that are named after a town elsewhere: "Galle Road" leads to Galle,
#: "Damascus Gate" faces Damascus.
_NAMED_FOR_ELSEWHERE = NOT_NAMED_FOR_AREA_HEADS | {"gate", "station", "terminal", "railway"}


def _named_for(landmark: Mention, towns: Sequence[PlaceMention]) -> PlaceMention | None:
    """The report's town whose name opens ``landmark``'s ("Colombo National Hospital",
    "Lahore High Court"): such a landmark is that town's. (``towns`` are those near
    other places of the report: "Stonewall Golf Club" is not in a Stonewall abroad.)"""
    if not landmark.head or set(landmark.head.split()) & _NAMED_FOR_ELSEWHERE:
        return None
    words = landmark.key.split()
    for town in towns:
        name = town.mention.key.split()
        if town.mention is not landmark and len(name) < len(words) and (
                words[:len(name)] == name):
            return town
    return None


#: What may stand between a landmark and the town it is in: "X in Town", "X on Y
#: Street in Town", "X, Town", "X at Town", "X, located in the Town district"; not across a
#: comma otherwise ("the road, while in Town").
_IN_TOWN = re.compile(r"(?:,|[^.!?;:,\n]{0,50}\s(?:in|at)|,\s(?:located|situated)\sin)"
                      r"(?:\sthe)?\s+$")


def _written_in(text: str, landmark: Mention, towns: Sequence[PlaceMention]
                ) -> PlaceMention | None:
    """The town written right after ``landmark`` in its sentence, if any."""
    after = [t for t in towns if 0 < t.mention.start - landmark.end <= 60]
    if not text or not after:
        return None
    town = min(after, key=lambda t: t.mention.start)
    return town if _IN_TOWN.fullmatch(text, landmark.end, town.mention.start) else None


def _countries(places: Sequence[PlaceMention]) -> Counter[str]:
    return Counter(pm.place.country for pm in places
                   if pm.mention.is_location and pm.place is not None and pm.place.country)


def _named_area(key: str, head: str, gazetteer: TextGazetteer | None,
                countries: Counter[str]) -> Place | None:
    """The country or first-level area a landmark's name is after: "University of
    California", "California State University", "Vatican Gardens"; the one of the
    report's countries when several share the name."""
    if (gazetteer is None or not head or head in NOT_NAMED_FOR_AREA_HEADS
            or head in AREA_HEADS | WIDE_HEADS):
        # "Washington Township" and "Ohio County" are areas of their own.
        return None
    words = key.split()
    head_words = head.split()
    if words[-len(head_words):] == head_words:
        words = words[:-len(head_words)]
    elif words[:len(head_words)] == head_words:
        words = words[len(head_words):]
    if "of" in words:
        names = [" ".join(words[len(words) - words[::-1].index("of"):])]
    else:
        names = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    for name in names:
        if all(w in DIRECTIONS for w in name.split()):
            continue  # "Central Mental Hospital": a word, not the Central Region
        # A first-level area counts only in a country the report is about ("Victoria
        # Hospital" in a Canadian report is not in Australia's Victoria).
        areas = [c for c in gazetteer.candidates(name) if c.kind == "country" or (
            c.kind in FIRST_LEVEL_KINDS and countries.get(c.country, 0))]
        if areas:
            return max(areas, key=lambda a: (countries.get(a.country, 0),
                                             a.kind in COUNTRY_KINDS))
    return None


def _in(place: Place, area: Place) -> bool:
    if area.kind in COUNTRY_KINDS:
        return place.country == area.country
    return in_area(place, area, AREA_REACH_KM)


def _placeable(pm: PlaceMention) -> bool:
    """An unresolved landmark found by its head, of a kind a town's point can stand for."""
    m = pm.mention
    return (pm.place is None and m.is_location and not m.known and bool(m.head)
            and m.head not in UNPLACEABLE_HEADS)


def _is_settlement(place: Place | None) -> bool:
    return (place is not None and place.kind in ("city", "town", "village")
            and not place.properties.get("approximate"))


def _within(name: str, key: str, head: str, town: Place | None) -> Place:
    assert town is not None  # settlements are resolved
    floor = WIDE_PRECISION_M if head in WIDE_HEADS else APPROXIMATE_PRECISION_M
    return approximate_place(name, key, head, town, max(floor, town.precision_m),
                             "the town the report names nearest to it")
