"""Countries and first-level administrative areas, each with its own point.

A report that says "in Kenya" or "in Punjab" means the country or province,
not its capital. The points come from ``geodata/world/countries.csv`` and
``geodata/world/admin1.csv``, every row with its source (see
``geodata/world/SOURCES.md``). The precision radius grows with the area's size.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from shapely.geometry import Point

from mapper import settings
from mapper.errors import GazetteerError
from mapper.geocoders.base import Geocoder, Place
from mapper.names import normalize

#: Other names of countries in English news (names, not coordinates).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "America", "the United States"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    "RU": ("Russia", "Russian Federation"),
    "IR": ("Iran", "Islamic Republic of Iran"),
    "SY": ("Syria",),
    "CZ": ("Czech Republic", "Czechia"),
    "MM": ("Myanmar", "Burma"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "TR": ("Turkey", "Turkiye"),
    "NL": ("Netherlands", "Holland"),
    "PS": ("Palestine", "Palestinian Territories"),
    "VN": ("Vietnam", "Viet Nam"),
    "LA": ("Laos",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "TW": ("Taiwan",),
    "VA": ("Vatican", "Vatican City", "Holy See"),
}


class RegionGeocoder(Geocoder):
    """Exact lookup of countries and first-level administrative areas.

    Parameters
    ----------
    folder
        Folder with ``countries.csv`` and ``admin1.csv``; default
        ``settings.geodata_dir / "world"``. Missing files mean no entries.
    """

    name = "regions"

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder or settings.geodata_dir / "world").resolve()
        self._index = _load(self.folder)

    def text_keys(self) -> list[str]:
        return list(self._index)

    def strong_text_keys(self) -> list[str]:
        """Country names: meant as places even where they are common words ("Chad")."""
        return [k for k, places in self._index.items() if any(p.kind == "country" for p in places)]

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        found = list(self._index.get(key, ()))
        found.sort(key=lambda p: (p.kind != "country", bool(country) and p.country != country))
        return found


@lru_cache(maxsize=4)
def _load(folder: Path) -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}

    def add(names: list[str], place: Place) -> None:
        for name in names:
            key = normalize(name)
            if key and place not in index.setdefault(key, []):
                index[key].append(place)

    for row, where in _rows(folder / "countries.csv", ("iso2", "name", "lat", "lon", "source")):
        iso = row["iso2"].strip().upper()
        place = _place(f"country:{iso}", row, "country", iso, where)
        add([row["name"], *COUNTRY_ALIASES.get(iso, ())], place)
    for row, where in _rows(folder / "admin1.csv",
                            ("country_iso2", "name", "lat", "lon", "source")):
        iso = row["country_iso2"].strip().upper()
        pid = f"admin1:{iso}:{normalize(row['name']).replace(' ', '-')}"
        place = _place(pid, row, "province", iso, where)
        alt = [a for a in (row.get("alt_names") or "").split("|") if a.strip()]
        add([row["name"], *alt], place)
    return {k: tuple(v) for k, v in index.items()}


def _rows(path: Path, required: tuple[str, ...]):
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}")
        for n, row in enumerate(reader, start=2):
            yield row, f"{path.name}:{n}"


def _place(pid: str, row: dict[str, str], kind: str, iso: str, where: str) -> Place:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        raise GazetteerError(f"{where}: lat/lon are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not (row.get("source") or "").strip():
        raise GazetteerError(f"{where}: coordinate out of range or without source")
    # Where "in <country/province>" may be: a generic radius; the tables give no areas.
    precision = 500_000.0 if kind == "country" else 100_000.0
    return Place(
        place_id=pid, name=row["name"].strip(), kind=kind, geometry=Point(lon, lat),
        precision_m=precision, source=row["source"].strip(), country=iso,
        matched=row["name"].strip(), origin="regions",
        properties={"population": 0},
    )
