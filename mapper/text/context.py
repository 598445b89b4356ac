"""Resolving place mentions using the whole document.

A name such as Faizabad, Kotli, Hyderabad or Georgia has several candidates.
The report itself says which one it means: the countries it names, the
places already resolved without doubt (curated landmarks, the dateline), and
how big each candidate is. Every candidate considered is kept.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from mapper.geocoders.base import Place
from mapper.geocoders.features import LANDMARK_KINDS, ONE_OF_A_NAME_KINDS, VENUE_KINDS
from mapper.geocoders.regions import POSTAL_KEY_SUFFIX
from mapper.names import normalize
from mapper.text.approximate import approximate_place
from mapper.text.gazindex import TextGazetteer
from mapper.text.mentions import Mention
from mapper.text.nearby import NearbyPlaces, distance_km
from mapper.text.vocab import AREA_HEADS, LANDMARK_HEADS

#: Kinds that name a continent, a country or a first-level division (their own coordinates).
COUNTRY_KINDS = frozenset({"country", "continent"})
FIRST_LEVEL_KINDS = frozenset({"province", "region", "state", "admin1"})
#: Areas weighed against towns of the same name: first-level ones and counties.
REGION_KINDS = FIRST_LEVEL_KINDS | {"county"}
#: A city this big competes with a first-level area of the same name.
REGION_RIVAL_MIN_POPULATION = 100_000
#: A city this big is meant rather than the first-level area of the same name.
CITY_OVER_REGION_POPULATION = 500_000
#: What a feature with no population weighs in place of log10(population): a large
#: airport is as well known as a city of a million ("Heathrow" the airport, not the
#: village in Florida), a sea, an ocean, a big island or a region ("Middle East") more.
FEATURE_PROMINENCE = {"airport": 6.0, "island": 6.0, "sea": 7.0, "ocean": 8.0,
                      "world_region": 7.0, "suburb": 5.0, "seat_of_government": 7.0,
                      "square": 5.0, "park": 5.0, "monument": 5.0, "building": 5.0,
                      "street": 5.0, "neighbourhood": 5.0,
                      **dict.fromkeys(VENUE_KINDS, 5.0)}
#: The same for a first-level area or a county, when weighing which country a name
#: speaks for.
REGION_PROMINENCE = 6.0
#: Votes of the other mentions for a country that make a small town there a rival to a
#: first-level area elsewhere of the same name (a country named once, or three towns).
LOCAL_COUNTRY_VOTES = 3
#: A city this big is meant by its name rather than a town a hundredth its size
#: (``WORLD_CITY_RATIO``), unless the report's places are near that town.
WORLD_CITY_POPULATION = 1_000_000
WORLD_CITY_RATIO = 100
#: A town this close to a place the report names may be meant rather than a
#: same-named first-level area abroad.
NEIGHBOUR_KM = 150
#: What a first-level area gains when another name of the report could be one of the
#: same country's first-level areas.
SIBLING_AREA_BONUS = 2.0
#: A town abroad smaller than this, in a country no other name of the report is in, is
#: left unresolved when the report is plainly about another country.
STRAY_TOWN_MAX_POPULATION = 20_000
#: Two readings nearer than this are of one spot (a state's point in its capital city).
SAME_SPOT_KM = 30
#: A world landmark this far from every town of its country the report names is another
#: town's landmark of the same name.
LANDMARK_TOWN_KM = 50
#: Pseudo-votes for no country in particular: one mention alone does not carry its
#: country's whole weight.
VOTE_PRIOR = 1
#: How far from a first-level area's point a place named with it is taken to lie in it.
AREA_REACH_KM = 400
#: The same for a town written with its first-level area ("Kingston, Ontario"): the
#: writer says it lies inside, so only the area's size limits it (Ontario's point is
#: 800 km from Kingston).
CONTAINER_REACH_KM = 1_500


@dataclass(frozen=True)
class PlaceMention:
    """A mention and what it was resolved to."""

    mention: Mention
    place: Place | None
    alternatives: tuple[Place, ...] = field(default=())

    @property
    def resolved(self) -> bool:
        return self.place is not None


def resolve_mentions(
    mentions: Sequence[Mention],
    gazetteer: TextGazetteer,
    *,
    country: str | None = None,
    text: str = "",
) -> list[PlaceMention]:
    """Resolve every location mention; names used otherwise are kept unresolved.

    Parameters
    ----------
    mentions
        Output of :meth:`~mapper.text.mentions.NameMatcher.find`.
    gazetteer
        Where candidates come from.
    country
        ISO alpha-2 code the report is known to be about, if any.
    text
        The document's text, to see names written "Town, Area" ("Rockingham,
        Northamptonshire", "Poland, Ohio"): the town is then one inside the area.
    """
    candidates = {m.key: _lookup(m, gazetteer, _area_word_before(text, m))
                  for m in mentions if m.is_location}
    _add_country_parts(candidates)
    containers = _containers(mentions, text, candidates) if text else {}
    enumerated = _enumerated(mentions, text) if containers else set()
    names = {m.key: m.text for m in mentions if m.is_location}
    votes = {key: _votes(cands) for key, cands in candidates.items()}
    # The countries in which each name could be a first-level area ("Maryland": Liberia's
    # county or the US state).
    area_countries = {key: Counter({c.country for c in cands if c.kind in FIRST_LEVEL_KINDS})
                      for key, cands in candidates.items()}
    area_tally = _Tally(area_countries)
    listed = _listed_with_areas(mentions, text, candidates) if text else {}
    if country:
        votes["\0case"] = Counter({country.upper(): 5})
    tally = _Tally(votes)
    anchors = NearbyPlaces(
        cands[0] for key, cands in candidates.items()
        if cands and cands[0].origin == "curated" and len({c.place_id for c in cands}) == 1
        and _supported(cands[0], tally.others(key))
    )
    chosen: dict[str, tuple[Place | None, tuple[Place, ...]]] = {}
    regions: dict[str, Place] = {}  # first-level areas the report names ("Kentucky")
    # Resolve the least ambiguous names first: they become anchors for the others.
    postal = [key for key in candidates if key.endswith(POSTAL_KEY_SUFFIX)]
    for key in sorted((k for k in candidates if not k.endswith(POSTAL_KEY_SUFFIX)),
                      key=lambda k: len(candidates[k])):
        others = tally.others(key)
        cands = _by_own_name([c for c in candidates[key]
                              if not _needs_support(c) or _supported(c, others)], key)
        # ("White House, Tennessee" is the town: a world landmark is not written so.)
        inside = [c for c in cands if c.kind not in COUNTRY_KINDS | FIRST_LEVEL_KINDS
                  and not _world_landmark(c)
                  and any(_inside(c, area) for _, area in containers.get(key, ()))]
        if inside and not any(c.kind in COUNTRY_KINDS for c in cands):
            cands = inside
        elif any(c.kind in COUNTRY_KINDS for c in cands):
            # A country's name means the country (or a region of that name: Georgia), not
            # a town called after it ("Peru", Indiana; "Lebanon", Pennsylvania).
            cands = [c for c in cands if c.kind in COUNTRY_KINDS | REGION_KINDS]
        elif any(c.kind in REGION_KINDS for c in cands):
            # So does a state's or province's, unless a city of that name is big enough
            # to be meant by itself: a city of millions is what "New York" or "Lagos"
            # usually means in news, a state of the same name the rarer reading.
            big_city = any(c.population >= CITY_OVER_REGION_POPULATION for c in cands)
            # "states such as California or Washington": listed with a name that is only
            # an area, the name is the state, not the capital.
            listed_area = [c for c in cands if c.kind in FIRST_LEVEL_KINDS
                           and c.country in listed.get(key, ())]
            if big_city:
                cands = listed_area or [c for c in cands if c.kind not in REGION_KINDS]
            elif not listed_area:
                # An area named after its main city ("Rangpur", "Kisumu", "Sylhet"),
                # written alone, is the city: a sizeable city of the name lies in it.
                cities = [c for c in cands if c.kind not in REGION_KINDS
                          and c.population >= REGION_RIVAL_MIN_POPULATION]
                cands = [c for c in cands if c.kind not in FIRST_LEVEL_KINDS
                         or not any(_inside(city, c) for city in cities)]
            # But in a report about another country, a town there of that name may be
            # meant ("Virginia" in a report from County Cavan, Ireland; "Nelson" beside
            # Castlegar, British Columbia): it stays to be weighed against the area.
            foreign_areas = not big_city and not any(others.get(c.country) for c in cands
                                                     if c.kind in REGION_KINDS)
            cands = [c for c in cands if c.kind in REGION_KINDS
                     or c.population >= REGION_RIVAL_MIN_POPULATION
                     or (foreign_areas and (others.get(c.country, 0) >= LOCAL_COUNTRY_VOTES
                                            or _near_any(c, anchors, NEIGHBOUR_KM)))]
        areas = [a for k, a in regions.items() if k != key]
        world = max((c.population for c in cands), default=0)
        if world >= WORLD_CITY_POPULATION:
            # "London" is London, England, even in a US report, unless the report's other
            # places are near the small London or it names the small one's state.
            cands = [c for c in cands if c.population * WORLD_CITY_RATIO >= world
                     or c.kind in COUNTRY_KINDS | REGION_KINDS
                     or FEATURE_PROMINENCE.get(c.kind, 0.0) >= math.log10(world)
                     or _near_any(c, anchors, NEIGHBOUR_KM)
                     or any(in_area(c, a, AREA_REACH_KM) for a in areas)]
        if not cands:
            chosen[key] = (None, tuple(candidates[key][:5]))
            continue
        siblings = area_tally.others(key)
        ranked = sorted(cands, key=lambda p: -_score(p, others, anchors, areas, siblings))
        if _stray(ranked[0], partial(tally.independent, candidates, key), anchors,
                  candidates[key]):
            chosen[key] = (None, tuple(ranked[:5]))
            continue
        chosen[key] = (ranked[0], tuple(ranked[1:6]))
        if ranked[0].kind in REGION_KINDS:
            regions[key] = ranked[0]
        elif ranked[0].kind not in COUNTRY_KINDS:
            anchors.append(ranked[0])
    _resolve_postal(postal, candidates, votes, chosen)
    _drop_landmarks_of_other_towns(chosen)
    _drop_towns_called_after_landmarks(chosen)
    for key, given in containers.items():
        # "Kingston, Ontario": the area is the one the town lies in (the province, not
        # Ontario, California), whatever it would be alone.
        place = chosen[key][0]
        for area_key, area in given:
            if key in enumerated and not (place is not None and _same_code(place, area)):
                continue  # "Chattogram, Rangpur and Sylhet": Rangpur need not be an area
            if place is not None and _inside(place, area) and chosen[area_key][0] != area:
                rest = tuple(p for p in candidates[area_key] if p != area)[:5]
                chosen[area_key] = (area, rest)
                break
        if (place is None or not any(_inside(place, area) for _, area in given)) \
                and key not in enumerated:
            # "Rockingham, Northamptonshire" when the only Rockinghams known are abroad:
            # the writer says where it is, so it is placed, approximately, in the area.
            wider = next((a for k, a in given if chosen[k][0] == a and a.kind in REGION_KINDS),
                        None)
            if wider is not None and (place is None or place.kind not in COUNTRY_KINDS
                                     | FIRST_LEVEL_KINDS):
                alternatives = ((place,) if place else ()) + chosen[key][1]
                chosen[key] = (approximate_place(names[key], key, "place", wider,
                                                 wider.precision_m, "the area the report "
                                                 "writes it with"), alternatives[:5])
    out = []
    for m in mentions:
        if m.is_location:
            place, alternatives = chosen[m.key]
            out.append(PlaceMention(m, place, alternatives))
        else:
            out.append(PlaceMention(m, None))
    return out


def _stray(place: Place, independent_votes: Callable[[], Counter[str]],
           anchors: NearbyPlaces, readings: Sequence[Place] = ()) -> bool:
    """True for a small town abroad that nothing else in the report points to: "Guma" in
    a report from Benue State, Nigeria, is not the Philippine village of that name, and
    a point 12,000 km off is worse than none. So is a city abroad known by the name only
    in another language, when the name is other places' own ("Loma" is Rome in Hawaiian,
    and a town in Sierra Leone). ``independent_votes`` gives the country votes of the
    report's other names (computed only when needed)."""
    if place.kind in COUNTRY_KINDS | REGION_KINDS or place.origin != "geonames":
        return False
    if place.population >= STRAY_TOWN_MAX_POPULATION and (
            place.properties.get("is_primary", True)
            or not any(r.properties.get("is_primary") for r in readings)):
        return False
    others = independent_votes()
    return (not others.get(place.country)
            and max(others.values(), default=0) >= LOCAL_COUNTRY_VOTES
            and not _near_any(place, anchors, NEIGHBOUR_KM))


def _resolve_postal(keys: Sequence[str], candidates: dict[str, list[Place]],
                    votes: dict[str, Counter[str]],
                    chosen: dict[str, tuple[Place | None, tuple[Place, ...]]]) -> None:
    """Resolve postal abbreviations once the other names are: "WA" is Western Australia
    or Washington as the report's other places say, and nothing if they say neither; a
    longer one of one area only ("NSW") needs no support."""
    resolved = Counter(p.country for p, _ in chosen.values() if p is not None)
    tally = _Tally(votes)
    for key in keys:
        support = resolved + tally.others(key)
        unique = len(key) - len(POSTAL_KEY_SUFFIX) > 2 and len(candidates[key]) == 1
        cands = sorted((c for c in candidates[key] if unique or support.get(c.country)),
                       key=lambda c: -support[c.country])
        chosen[key] = ((cands[0], tuple(cands[1:5])) if cands
                       else (None, tuple(candidates[key][:5])))


def _needs_support(place: Place) -> bool:
    """True for a landmark that stands only where the report is about its country: a
    curated one, or a world landmark ("Parliament building", "Tahrir Square")."""
    return place.origin == "curated" or _world_landmark(place)


def _world_landmark(place: Place) -> bool:
    """True for a square, park, monument, seat of government or sports ground of the
    world table."""
    return place.origin == "features" and place.kind in LANDMARK_KINDS


def _drop_landmarks_of_other_towns(chosen: dict[str, tuple[Place | None, tuple[Place, ...]]]
                                   ) -> None:
    """Leave unresolved a world square, park, monument, street or neighbourhood when the
    report names towns of its country and none near it: "Union Square" in a San Francisco
    report is not Manhattan's, "Victoria Park" in a London report not Hong Kong's. Seats
    of government ("the Kremlin") and sports grounds ("Brands Hatch"), one of each name,
    are meant wherever the report is about their country."""
    towns: dict[str, NearbyPlaces] = {}
    for p, _ in chosen.values():
        if p is not None and p.kind not in COUNTRY_KINDS | REGION_KINDS and not _needs_support(p):
            towns.setdefault(p.country, NearbyPlaces()).append(p)
    for key, (place, alternatives) in chosen.items():
        if place is None or not _world_landmark(place) or place.kind in ONE_OF_A_NAME_KINDS:
            continue
        same_country = towns.get(place.country)
        if same_country and not _near_any(place, same_country, LANDMARK_TOWN_KM):
            chosen[key] = (None, (place, *alternatives)[:5])


#: Last words of a name that make a landmark of it: "Union Station", "Estey's Bridge".
_LANDMARK_WORDS = frozenset(h for h in LANDMARK_HEADS if " " not in h) - AREA_HEADS


def _drop_towns_called_after_landmarks(
        chosen: dict[str, tuple[Place | None, tuple[Place, ...]]]) -> None:
    """Leave unresolved a town read from an old name of it that is a landmark's ("Union
    Station" is also an old name of Union, South Carolina) when no other place of the
    report lies near it: the report means the landmark of its own town."""
    located = [p for p, _ in chosen.values()
               if p is not None and p.kind not in COUNTRY_KINDS | REGION_KINDS]
    for key, (place, alternatives) in chosen.items():
        if (place is None or place.origin != "geonames"
                or place.properties.get("is_primary") is not False
                or key.rsplit(" ", 1)[-1] not in _LANDMARK_WORDS
                or normalize(place.name).endswith(key.rsplit(" ", 1)[-1])):
            continue
        others = NearbyPlaces(p for p in located if p is not place)
        if others and not _near_any(place, others, NEIGHBOUR_KM):
            chosen[key] = (None, (place, *alternatives)[:5])


def _by_own_name(cands: list[Place], key: str) -> list[Place]:
    """Of two readings of one spot, the one whose own name is the written one, when the
    other's name has a word more or less: "Oklahoma" is the state, not Oklahoma City
    (which GeoNames also calls "Oklahoma"); "New Delhi" is New Delhi, not Delhi. Other
    spellings ("Misrata", "Misratah") are not told apart this way."""
    names = [normalize(c.name) for c in cands]
    own = [c for c, name in zip(cands, names, strict=True) if name == key]
    if not own or len(own) == len(cands):
        return cands
    return [c for c, name in zip(cands, names, strict=True) if name == key
            or not _other_words(name, key)
            or not any(distance_km(c, o) < SAME_SPOT_KM for o in own)]


def _other_words(name: str, key: str) -> bool:
    """True when one of two different names is the other with words added."""
    return f" {key} " in f" {name} " or f" {name} " in f" {key} "


def _add_country_parts(candidates: dict[str, list[Place]]) -> None:
    """A name that is part of a country's the report names ("Trinidad" beside "Trinidad
    and Tobago") may mean that country: it becomes one of its candidates."""
    for key, cands in list(candidates.items()):
        for country in {c.place_id: c for c in cands if c.kind == "country"}.values():
            for part in key.split(" and "):
                if part != key and part in candidates and country not in candidates[part]:
                    candidates[part] = [country, *candidates[part]]


#: Area words after a name that make it a first-level area's or a county's name.
_AREA_KIND_WORDS = frozenset({"province", "governorate", "region", "oblast", "prefecture",
                              "county", "state"})


#: "the (southern) region of Puno", "the state of Mexico": the area's word before its name.
_AREA_OF = re.compile(r"\b(province|governorate|region|oblast|prefecture|county|state)"
                      r"\sof\s$", re.IGNORECASE)


def _area_word_before(text: str, mention: Mention) -> str:
    match = _AREA_OF.search(text, max(0, mention.start - 14), mention.start) if (
        text and not mention.head) else None
    return match.group(1).lower() if match else ""


def _lookup(mention: Mention, gazetteer: TextGazetteer, area_word: str = "") -> list[Place]:
    found = gazetteer.candidates(mention.key)
    if mention.text.endswith(".") and any(c.kind in REGION_KINDS for c in found):
        # "La.", "Ga.": a state's abbreviation, not another place's alternate name
        return [c for c in found if c.kind in REGION_KINDS]
    if not found and mention.head in AREA_HEADS:
        # "Punjab province", "Motijheel district": the name without its head.
        bare = mention.key.rsplit(" ", len(mention.head.split()))[0]
        found = gazetteer.candidates(bare) if bare != mention.key else []
    if (mention.head or area_word) in _AREA_KIND_WORDS and any(
            c.kind in REGION_KINDS for c in found):
        # "Kano State", "Kasserine governorate", "the region of Puno": the area, not a
        # town of that name.
        return [c for c in found if c.kind in REGION_KINDS]
    return found


def _containers(mentions: Sequence[Mention], text: str, candidates: dict[str, list[Place]]
                ) -> dict[str, list[tuple[str, Place]]]:
    """For each name written "Name, Area", the areas the second name may be (with the
    second name's key)."""
    found: dict[str, list[tuple[str, Place]]] = {}
    located = [m for m in mentions if m.is_location]
    for first, second in itertools.pairwise(located):
        if text[first.end:second.start] != ", ":
            continue
        areas = [c for c in candidates.get(second.key, ())
                 if c.kind in COUNTRY_KINDS | REGION_KINDS | {"island"}]
        if areas and first.key != second.key:
            found.setdefault(first.key, []).extend((second.key, a) for a in areas)
    return found


#: What joins names in a list: "California or Washington", "Ohio, Texas and Iowa".
_LIST_JOINS = frozenset({", ", " and ", " or ", ", and ", ", or "})
_LAST_JOINS = _LIST_JOINS - {", "}
#: "Myingyan, Magway and the capital Naypyitaw": a list's last name, described.
_LAST_JOIN_WITH_WORD = re.compile(r",? (?:and|or) the (?:capital|city|town|port|village)"
                                  r"(?: of)? ")


def _enumerated(mentions: Sequence[Mention], text: str) -> set[str]:
    """Keys of the names followed by a comma in a list of three or more names written
    "A, B and C": such a comma may be the list's rather than "Town, Area" ("protests
    spread to Mombasa, Kisumu, Nakuru and Eldoret" is not Kisumu in Nakuru county).
    "Paris, Texas, and Kingston, Ontario" is no such list: a comma follows its "and"."""
    located = [m for m in mentions if m.is_location]
    out: set[str] = set()
    run: list[str] = []
    for first, second in itertools.pairwise([*located, None]):
        join = text[first.end:second.start] if second else ""
        if join == ", ":
            run.append(first.key)
            continue
        if run and (join in _LAST_JOINS or _LAST_JOIN_WITH_WORD.fullmatch(join)):
            out.update(run)
        run = []
    return out


def _listed_with_areas(mentions: Sequence[Mention], text: str,
                       candidates: dict[str, list[Place]]) -> dict[str, set[str]]:
    """For each name listed next to a name that can only be a first-level area (no
    sizeable city shares it: "Kisumu", a county and a city of 400,000, is not one), the
    countries of those areas."""
    found: dict[str, set[str]] = {}
    located = [m for m in mentions if m.is_location]
    for first, second in itertools.pairwise(located):
        if text[first.end:second.start] not in _LIST_JOINS:
            continue
        for name, other in ((first.key, second.key), (second.key, first.key)):
            cands = candidates.get(other, ())
            if any(c.population >= REGION_RIVAL_MIN_POPULATION for c in cands):
                continue
            found.setdefault(name, set()).update(
                c.country for c in cands if c.kind in FIRST_LEVEL_KINDS)
    return found


def _inside(place: Place, area: Place) -> bool:
    """True when ``place`` may lie in ``area`` (a country, a first-level area, a county
    or an island), judged by country and by distance to the area's point."""
    if place.country != area.country or area.kind == "continent":
        return False
    if area.kind in COUNTRY_KINDS:
        return True
    if area.kind in FIRST_LEVEL_KINDS:
        return in_area(place, area, CONTAINER_REACH_KM)
    return distance_km(place, area) < max(30.0, 1.5 * area.precision_m / 1000)


def _same_code(place: Place, area: Place) -> bool:
    """True when GeoNames' first-level codes say ``place`` lies in ``area``."""
    code = place.properties.get("admin1")
    return bool(code) and code == area.properties.get("admin1")


def in_area(place: Place, area: Place, reach_km: float) -> bool:
    """True when ``place`` lies in the first-level ``area``: by their GeoNames first-level
    codes when both have one ("US.KY"), else by distance to the area's point."""
    code, area_code = place.properties.get("admin1"), area.properties.get("admin1")
    if code and area_code:
        return bool(code == area_code)
    return place.country == area.country and distance_km(place, area) < reach_km


def _near_any(place: Place, others: NearbyPlaces, reach_km: float) -> bool:
    """True when one of ``others`` (none of them a country) lies within ``reach_km``."""
    return others.nearest_km(place, reach_km) is not None


def _votes(cands: list[Place]) -> Counter[str]:
    """The countries one mention speaks for."""
    if not cands:
        return Counter()
    codes = {c.country for c in cands if c.country}
    if any(c.kind in COUNTRY_KINDS for c in cands):
        return Counter({c.country: 3 for c in cands if c.kind in COUNTRY_KINDS and c.country})
    if len(codes) == 1:
        return Counter({codes.pop(): 2 if cands[0].origin == "curated" else 1})
    # "Karachi" is also a hamlet's alternate name in Azerbaijan: a candidate ten times
    # bigger than any other country's still speaks for its country.
    by_size = sorted(cands, key=lambda c: -_size(c))
    top = by_size[0]
    rest = max((_size(c) for c in by_size[1:] if c.country != top.country), default=0)
    if top.country and _size(top) >= 10 * max(rest, 1):
        return Counter({top.country: 1})
    return Counter()


def _size(place: Place) -> float:
    """Population, or for an area or feature without one, what it weighs as a name
    ("Fife" the Scottish county outweighs Fife, Washington, a town of 10,000)."""
    if place.population:
        return place.population
    if place.kind in REGION_KINDS:
        return 10 ** REGION_PROMINENCE
    return 10 ** FEATURE_PROMINENCE.get(place.kind, 0.0)


class _Tally:
    """Country votes of every name, and of every name but some, without summing all the
    others' votes again for each name (a table names thousands of places)."""

    def __init__(self, votes: dict[str, Counter[str]]) -> None:
        self.votes = votes
        self.total: Counter[str] = Counter()
        for counter in votes.values():
            self.total.update(counter)
        self._by_readings: dict[frozenset[str], Counter[str]] | None = None

    def others(self, key: str) -> Counter[str]:
        """Country votes of every mention but ``key`` itself."""
        own = self.votes.get(key)
        return self.total - own if own else +self.total

    def independent(self, candidates: dict[str, list[Place]], key: str) -> Counter[str]:
        """The country votes of the other names, leaving out names with the same readings
        ("Guma LGA" beside "Guma Local Government Area" is no second vote for Guma)."""
        if self._by_readings is None:
            self._by_readings = {}
            for k, counter in self.votes.items():
                self._by_readings.setdefault(_readings(candidates, k), Counter()).update(counter)
        return self.total - self._by_readings.get(_readings(candidates, key), Counter())


def _readings(candidates: dict[str, list[Place]], key: str) -> frozenset[str]:
    return frozenset(p.place_id for p in candidates.get(key, ()))


def _supported(place: Place, others: Counter[str]) -> bool:
    """A curated landmark stands only if the rest of the document is about its country
    (or says nothing about any country): "Parliament building" in a report from
    Nairobi is not Islamabad's. ``others``: the country votes of the other mentions."""
    return not others or others.get(place.country, 0) > 0


def _score(place: Place, countries: Counter[str], anchors: NearbyPlaces,
           areas: Sequence[Place] = (), siblings: Counter[str] | None = None) -> float:
    """How likely ``place`` is the one meant, given the report's countries, the places
    already resolved near it (``anchors``), the first-level areas it names and the
    countries other names could be first-level areas of (``siblings``)."""
    total = sum(countries.values()) + VOTE_PRIOR
    score = 0.0
    if place.origin == "curated":
        score += 5
    if place.kind in COUNTRY_KINDS:
        score += 4
    elif place.kind in REGION_KINDS:
        score += 3.5
    score += math.log10(place.population + 1) or FEATURE_PROMINENCE.get(place.kind, 0.0)
    score += 4 * countries.get(place.country, 0) / total
    if siblings and place.kind in FIRST_LEVEL_KINDS and siblings.get(place.country):
        # "Virginia and Maryland": areas named together are areas of one country, the
        # state rather than a city of that name abroad.
        score += SIBLING_AREA_BONUS
    if place.properties.get("is_primary") is False:
        score -= 1
    if anchors and place.kind not in COUNTRY_KINDS:
        nearest = anchors.nearest_km(place, 500)
        if nearest is not None:
            score += 3 if nearest < 30 else 2 if nearest < 150 else 1
    if areas and place.kind not in COUNTRY_KINDS | FIRST_LEVEL_KINDS:
        # "Pike County" in a report that names Kentucky: the one in the state.
        score += 1.5 if any(in_area(place, a, AREA_REACH_KM) for a in areas) else 0
    return score
