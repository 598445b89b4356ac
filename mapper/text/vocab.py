"""Word lists that tell place names from other capitalised words.

One place for the vocabulary the mention finder and the person-name rules share:
landmark heads, organisation words, speech verbs, calendar words, and the
frequency-ranked English word list (``mapper/data/common_words.txt``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: Words that join the parts of a place name without being capitalised.
CONNECTORS = frozenset(
    "of de la le el al e ul i y da do dos das del di du van von der den on upon the and "
    "sur am an bin".split()
)

#: Heads of landmark phrases: "X Chowk", "X Interchange", "X Jail"...
LANDMARK_HEADS: tuple[str, ...] = (
    "chowk", "interchange", "jail", "prison", "road", "rd", "toll plaza", "bridge", "square",
    "avenue", "street", "highway", "motorway", "expressway", "airport", "stadium", "park",
    "market", "bazaar", "press club", "hospital", "university", "mosque", "gate", "station",
    "camp", "colony", "chowrangi", "roundabout", "circle", "plaza", "boulevard",
    "palace", "secretariat", "cantonment", "cantt", "town", "district",
    "province", "county", "valley", "border", "crossing", "checkpoint", "terminal", "port",
    "campus", "building", "embassy", "consulate", "headquarters",
    "monument", "memorial", "intersection", "junction", "toll gate",
    # Buildings and grounds: "Holy Redeemer Church", "Carnegie Library", "City Hall".
    "church", "cathedral", "chapel", "library", "museum", "theatre", "theater", "hall",
    "center", "centre", "golf club", "racecourse", "gardens", "plantation",
    # Natural features and neighbourhoods: "Marigny Canal", "Crown Heights".
    "canal", "river", "ocean", "sea", "mountains", "lake", "island", "islands", "heights",
    "quarter", "township", "village", "hills",
    # Administrative areas: "Guma Local Government Area", "Tigray region".
    "local government area", "lga", "governorate", "municipality", "prefecture", "oblast",
    "region", "parish", "borough",
)
#: Heads of streets, buildings and grounds that name a place only when capitalised:
#: "N. Bedford Drive", "Victoria St.", "Christopher Inn", "Patriot High School",
#: "Woodman Point" (but "the school", "a hotel").
CAPITALISED_HEADS = (
    "drive", "lane", "parade", "terrace", "crescent", "st", "inn", "hotel", "farm", "farms",
    "mall", "school", "high school", "academy", "courthouse", "studio", "studios", "zoo",
    "pier", "harbour", "harbor", "bay", "point", "beach", "falls",
)
LANDMARK_HEADS += CAPITALISED_HEADS
#: Heads that make an area rather than a spot.
AREA_HEADS = frozenset({"town", "district", "province", "county", "valley", "colony",
                        "cantonment", "cantt", "campus", "border", "state",
                        "local government area", "lga", "governorate", "municipality",
                        "prefecture", "oblast", "region", "parish", "borough"})

#: Words after a place name that make it part of an organisation or a title:
#: "Islamabad police", "Punjab government", "KP Chief Minister".
ORGANISATION_WORDS = frozenset(
    """police government administration authorities authority cabinet governor minister
    ministers chief cm assembly court party league ministry army rangers forces council
    senate parliament times post tribune news herald daily journal airlines university
    college club team fc bank corporation company group committee commission board
    federation union association chamber embassy consulate bar high supreme district
    provincial federal president premier prime speaker mayor officials official spokesman
    spokesperson national press ambassador ambassadors envoy envoys diplomat diplomats
    consul lawmakers legislators troops soldiers military navy foreign secretary department
    agency dollar dollars delegation counterpart counterparts""".split()
)
#: Nouns that, owned by a place ("Mexico's Senate", "Lebanon's Prime Minister"), make
#: the place a government or a team rather than a location.
GOVERNMENT_NOUNS = ORGANISATION_WORDS | frozenset(
    """ruler rulers leader leaders leadership king queen prince crown regime request
    decision position policy policies representative representatives delegate delegates
    opposition squad coach captain""".split()
)
#: Offices held "of" a country: "President of Armenia", "Prime Minister of the UAE".
OFFICES = frozenset(
    """president minister ambassador envoy consul king queen prince emir sultan ruler
    government parliament premier chancellor""".split()
)
#: Verbs that make a place name an actor ("Pakistan said", "Tbilisi accused").
ACTOR_VERBS = frozenset(
    """said says say told accused denied warned condemned announced claimed urged demanded
    insisted rejected responded vowed added stated argued replied""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
DIRECTIONS = frozenset("north south east west northern southern eastern western central "
                       "upper lower greater".split())

OPENERS = frozenset(
    """the a an in on at as while however but this that it he she they we after before
    near outside inside from to towards toward into through via by with at and or for
    when where if during since until said police protesters""".split()
)

TITLES = frozenset(
    """minister chief governor president premier mayor speaker barrister senator general
    chairman secretary commissioner inspector superintendent""".split()
)


@lru_cache(maxsize=1)
def _ranked_words() -> tuple[str, ...]:
    """``mapper/data/common_words.txt``: English words, most frequent first."""
    text = resources.files("mapper").joinpath("data/common_words.txt").read_text("utf-8")
    return tuple(w for w in text.split("\n") if w and not w.startswith("#"))


def common_words() -> frozenset[str]:
    """The most frequent English words (see ``mapper/data/common_words.txt``)."""
    return very_common_words(len(_ranked_words()))


@lru_cache(maxsize=8)
def very_common_words(n: int = 1000) -> frozenset[str]:
    """The ``n`` most frequent English words ("police", "university", "bank")."""
    return frozenset(_ranked_words()[:n])


_PLACEY = WEEKDAYS | MONTH_NAMES | DIRECTIONS | frozenset(LANDMARK_HEADS) | AREA_HEADS | CONNECTORS


def placey(word: str) -> bool:
    """True for lower-case words that belong in or beside place names, not people's."""
    return word in _PLACEY
