"""Counties, seas, islands, airports and landmarks: named places that are not towns.

News names "Kent", "Hampshire", "Fife", "the Mediterranean", "Corsica" or
"Heathrow" far more often than the GeoNames populated places that share those
names. The points come from ``geodata/world/features.csv`` (second-level areas,
seas, islands, famous squares and seats of government; each row with its source and a
precision radius),
``geodata/world/us_counties.csv`` (US Census internal points) and
``geodata/world/airports.csv`` (OurAirports large airports); see
``geodata/world/SOURCES.md``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from mapper import settings
from mapper.errors import GazetteerError
from mapper.geocoders.base import Geocoder, Place
from mapper.geocoders.regions import table_place, table_rows
from mapper.names import normalize
from mapper.text.vocab import very_common_words

#: How far an airport's runways and terminals reach from its reference point.
AIRPORT_PRECISION_M = 2_000.0
#: Radius of a US county around its Census internal point where the table gives none.
US_COUNTY_PRECISION_M = 30_000.0
#: Kinds of the world's best-known squares, parks, monuments and seats of government
#: ("Tahrir Square", "the Kremlin"): named in news as places even when their names are
#: frequent words ("White House", "Red Square").
#: Sports grounds: one place of each name, wherever the report is about their country.
VENUE_KINDS = frozenset({"stadium", "arena", "circuit", "racecourse"})
#: Landmarks of which the world has one of each name ("the Kremlin", "Brands Hatch"),
#: unlike squares, parks and streets ("Union Square", "Victoria Park").
ONE_OF_A_NAME_KINDS = VENUE_KINDS | {"seat_of_government"}
LANDMARK_KINDS = frozenset({"square", "park", "monument", "building", "street",
                            "neighbourhood"}) | ONE_OF_A_NAME_KINDS
#: Words that describe an airport rather than name it ("... International Airport").
_AIRPORT_WORDS = re.compile(r"\b(?:International\s+)?Airport\b", re.IGNORECASE)


#: Last words of airport names that another place's name may end in too.
_GENERIC_LAST = frozenset({"city", "town", "field", "state", "county", "national", "regional",
                           "metropolitan", "international", "intercontinental", "airfield"})

_STRONG_KINDS = LANDMARK_KINDS | {"ocean", "sea", "world_region"}


class FeatureGeocoder(Geocoder):
    """Exact lookup of counties, seas, islands, airports and world landmarks.

    Parameters
    ----------
    folder
        Folder with ``features.csv``, ``us_counties.csv`` and ``airports.csv``; default
        ``settings.geodata_dir / "world"``. Missing files mean no entries.
    """

    name = "features"

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder or settings.geodata_dir / "world").resolve()
        self._index, self._proper = _load(self.folder)

    def text_keys(self) -> list[str]:
        return list(self._index)

    def strong_text_keys(self) -> list[str]:
        """Names of oceans, seas, macro-regions and landmarks: meant as places even when
        made of frequent words ("the Middle East", "North Sea", "White House")."""
        return sorted(k for k, places in self._index.items()
                      if any(p.kind in _STRONG_KINDS for p in places))

    def proper_text_keys(self) -> list[str]:
        """Names of counties, seas and islands and airports' short names, meant when
        capitalised inside a sentence ("in Kent", "County Down", "at Heathrow"), except
        one-word names that are frequent words ("Down")."""
        top = very_common_words()
        return sorted(k for k in self._proper if " " in k or k not in top)

    def area_text_keys(self) -> list[str]:
        """Names of counties and islands: what a town may be written with ("Knockhill,
        Fife")."""
        return sorted(k for k, places in self._index.items()
                      if any(p.kind in ("county", "island") for p in places))

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        found = list(self._index.get(key, ()))
        found.sort(key=lambda p: bool(country) and p.country != country)
        return found


@lru_cache(maxsize=4)
def _load(folder: Path) -> tuple[dict[str, tuple[Place, ...]], frozenset[str]]:
    index: dict[str, list[Place]] = {}
    proper: set[str] = set()

    def add(names: list[str], place: Place) -> None:
        for name in names:
            key = normalize(name)
            if key and place not in index.setdefault(key, []):
                index[key].append(place)

    for row, where in table_rows(folder / "features.csv", ("kind", "country_iso2", "name", "lat",
                                                        "lon", "precision_m", "source")):
        iso = row["country_iso2"].strip().upper()
        kind = row["kind"].strip()
        pid = f"{kind}:{iso or 'xx'}:{normalize(row['name']).replace(' ', '-')}"
        place = table_place(pid, row, kind, iso, _float(row, "precision_m", where), where,
                            origin="features")
        names = [row["name"], *[a for a in (row.get("alt_names") or "").split("|") if a.strip()]]
        add(names, place)
        proper.update(map(normalize, names))
    for row, where in table_rows(folder / "us_counties.csv",
                            ("state_usps", "geoid", "name", "lat", "lon", "source")):
        pid = f"us-county:{row['geoid'].strip()}"
        state = row["state_usps"].strip().upper()
        precision = (_float(row, "precision_m", where) if (row.get("precision_m") or "").strip()
                     else US_COUNTY_PRECISION_M)
        # Puerto Rico's municipios: GeoNames and ISO give the territory its own code.
        place = table_place(pid, row, "county", "PR" if state == "PR" else "US", precision, where,
                            origin="features")
        place.properties["state"] = state
        if state != "PR":
            place.properties["admin1"] = f"US.{state}"  # GeoNames' first-level code: "US.KY"
        add([row["name"]], place)  # "Pike County" only: the bare name is a town's
        proper.add(normalize(row["name"]))
    for row, where in table_rows(folder / "airports.csv", ("ident", "name", "municipality",
                                                        "iso_country", "lat", "lon", "source")):
        pid = f"airport:{row['ident'].strip()}"
        place = table_place(pid, row, "airport", row["iso_country"].strip().upper(),
                            AIRPORT_PRECISION_M, where, origin="features")
        names = airport_names(row["name"], row["municipality"])
        add(names, place)
        proper.update(normalize(n) for n in names if "airport" not in n.lower())
    return {k: tuple(v) for k, v in index.items()}, frozenset(proper)


def airport_names(name: str, municipality: str) -> list[str]:
    """The names news uses for an airport: its full name, and without the city it serves
    where the name starts with it ("London Heathrow Airport" -> "Heathrow Airport",
    "Heathrow"; "Amsterdam Airport Schiphol" -> "Schiphol").

    A name that does not start with its city ("Jinnah International Airport") keeps its
    "Airport": a bare "Jinnah" is a person far more often than an airport. Its last words
    with "Airport" are its name too ("Washington Dulles International Airport" -> "Dulles
    International Airport", "John F Kennedy" -> "Kennedy Airport"), unless they are all
    frequent words ("Kansas City" -> "City Airport" is any city's) or end in a word that
    makes another place's name ("Salt Lake City" -> "Lake City Airport" is Florida's).
    """
    core = " ".join(_AIRPORT_WORDS.sub(" ", name).split())
    names = [name, f"{core} Airport", f"{core} International Airport"]
    words = core.split()
    if words and words[-1].lower() not in _GENERIC_LAST:
        top = very_common_words()
        for i in range(1, len(words)):
            if any(len(w) > 2 and w.lower() not in top for w in words[i:]):
                tail = " ".join(words[i:])
                names += [f"{tail} Airport", f"{tail} International Airport"]
    city = (municipality or "").split(",")[0].strip()
    if city and core.lower().startswith(city.lower() + " "):
        short = core[len(city):].strip()
        names += [short, f"{short} Airport", f"{short} International Airport"]
    return list(dict.fromkeys(names))


def _float(row: dict[str, str], column: str, where: str) -> float:
    try:
        return float(row[column])
    except (TypeError, ValueError):
        raise GazetteerError(f"{where}: {column} is not a number") from None
