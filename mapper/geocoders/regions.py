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
    "US": ("United States of America", "USA", "US", "U.S.", "U.S.A.", "America",
           "the United States"),
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


#: Words that make up admin-area names without naming anything by themselves.
GENERIC_AREA_WORDS = frozenset(
    """north south east west northern southern eastern western central centre center upper
    lower far capital region district division department territory province state area
    coast river bay island islands community development council city port grand great
    new national federal free the of""".split()
)


#: Other names of continents (names, not coordinates). The European Union, used as a
#: place ("EU countries", "across the EU"), is mapped at Europe's point.
CONTINENT_ALIASES: dict[str, tuple[str, ...]] = {
    "EU": ("European Union", "EU", "E.U."),
}
#: US states and Canadian provinces as abbreviated in news copy (Associated Press and
#: Canadian Press style): names, not coordinates.
ADMIN1_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", state): (abbreviation,) for state, abbreviation in (
        ("Alabama", "Ala."), ("Arizona", "Ariz."), ("Arkansas", "Ark."),
        ("California", "Calif."), ("Colorado", "Colo."), ("Connecticut", "Conn."),
        ("Delaware", "Del."), ("Florida", "Fla."), ("Georgia", "Ga."), ("Illinois", "Ill."),
        ("Indiana", "Ind."), ("Kansas", "Kan."), ("Kentucky", "Ky."), ("Louisiana", "La."),
        ("Maryland", "Md."), ("Massachusetts", "Mass."), ("Michigan", "Mich."),
        ("Minnesota", "Minn."), ("Mississippi", "Miss."), ("Missouri", "Mo."),
        ("Montana", "Mont."), ("Nebraska", "Neb."), ("Nevada", "Nev."),
        ("New Hampshire", "N.H."), ("New Jersey", "N.J."), ("New Mexico", "N.M."),
        ("New York", "N.Y."), ("North Carolina", "N.C."), ("North Dakota", "N.D."),
        ("Oklahoma", "Okla."), ("Oregon", "Ore."), ("Pennsylvania", "Pa."),
        ("Rhode Island", "R.I."), ("South Carolina", "S.C."), ("South Dakota", "S.D."),
        ("Tennessee", "Tenn."), ("Vermont", "Vt."), ("Virginia", "Va."),
        ("Washington", "Wash."), ("West Virginia", "W.Va."), ("Wisconsin", "Wis."),
        ("Wyoming", "Wyo."), ("District of Columbia", "D.C."),
    )
} | {
    # Canadian provinces as The Canadian Press abbreviates them ("Moncton, N.B.").
    ("CA", province): (abbreviation,) for province, abbreviation in (
        ("Alberta", "Alta."), ("British Columbia", "B.C."), ("Manitoba", "Man."),
        ("New Brunswick", "N.B."), ("Newfoundland and Labrador", "Nfld."),
        ("Nova Scotia", "N.S."), ("Ontario", "Ont."), ("Prince Edward Island", "P.E.I."),
        ("Quebec", "Que."), ("Saskatchewan", "Sask."),
    )
}
#: Postal abbreviations of Australian states and Canadian provinces, written in capitals
#: after a town or after "in" ("Perth, WA", "Vancouver, BC"): names, not coordinates. US
#: states' are the second half of their GeoNames codes ("US.WA").
POSTAL_ABBREVIATIONS: dict[tuple[str, str], str] = {
    ("AU", "Australian Capital Territory"): "ACT", ("AU", "New South Wales"): "NSW",
    ("AU", "Northern Territory"): "NT", ("AU", "Queensland"): "QLD",
    ("AU", "South Australia"): "SA", ("AU", "Tasmania"): "TAS", ("AU", "Victoria"): "VIC",
    ("AU", "Western Australia"): "WA",
    ("CA", "Alberta"): "AB", ("CA", "British Columbia"): "BC", ("CA", "Manitoba"): "MB",
    ("CA", "New Brunswick"): "NB", ("CA", "Newfoundland and Labrador"): "NL",
    ("CA", "Northwest Territories"): "NT", ("CA", "Nova Scotia"): "NS", ("CA", "Nunavut"): "NU",
    ("CA", "Ontario"): "ON", ("CA", "Prince Edward Island"): "PE", ("CA", "Quebec"): "QC",
    ("CA", "Saskatchewan"): "SK", ("CA", "Yukon"): "YT",
}
#: What sets a postal abbreviation's lookup key apart from a name's ("wa" is also Wa, a
#: town in Ghana): normalised names never hold brackets.
POSTAL_KEY_SUFFIX = " (postal)"
#: GeoNames' first-level area codes and names (tab-separated, as GeoNames publishes them).
ADMIN1_CODES_FILE = "admin1CodesASCII.txt"
#: Where "in <continent/country/area>" may be: a generic radius, the tables give no areas.
PRECISION_M = {"continent": 2_000_000.0, "country": 500_000.0, "province": 100_000.0}


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
        return [k for k in self._index if not k.endswith(POSTAL_KEY_SUFFIX)]

    def postal_text_keys(self) -> list[str]:
        """Postal abbreviations of states and provinces ("wa", "nsw"); the places they
        stand for are looked up under the key plus :data:`POSTAL_KEY_SUFFIX`."""
        return sorted(k[:-len(POSTAL_KEY_SUFFIX)] for k in self._index
                      if k.endswith(POSTAL_KEY_SUFFIX))

    def strong_text_keys(self) -> list[str]:
        """Country and continent names: meant as places even where they are common words
        ("Chad")."""
        return [k for k, places in self._index.items()
                if any(p.kind in ("country", "continent") for p in places)]

    def proper_text_keys(self) -> list[str]:
        """Names of first-level areas, meant when capitalised inside a sentence ("in
        Florida"), except names made only of generic words ("Central", "North West")."""
        return [k for k, places in self._index.items()
                if any(p.kind != "country" and k == normalize(p.name) for p in places)
                and not all(w in GENERIC_AREA_WORDS for w in k.split())]

    def dotted_text_keys(self) -> list[str]:
        """Keys of abbreviations written with a full stop ("Calif.", "N.J.")."""
        return sorted({normalize(a) for names in ADMIN1_ALIASES.values() for a in names
                       if a.endswith(".")})

    def country_place(self, iso: str) -> Place | None:
        """The country of ISO alpha-2 code ``iso``, with its own point; None if unknown."""
        return _countries(self.folder).get(iso.upper())

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        found = list(self._index.get(key, ()))
        found.sort(key=lambda p: (p.kind != "country", bool(country) and p.country != country))
        return found


@lru_cache(maxsize=4)
def _countries(folder: Path) -> dict[str, Place]:
    return {p.country: p for places in _load(folder).values() for p in places
            if p.kind == "country"}


@lru_cache(maxsize=4)
def _load(folder: Path) -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}

    def add(names: list[str], place: Place) -> None:
        for name in names:
            key = normalize(name)
            if key and place not in index.setdefault(key, []):
                index[key].append(place)

    # GeoNames' own points for a country or an area, where sourced, replace the other
    # tables' (most news geoparsers and gazetteers use them; see SOURCES.md).
    geonames_countries = {
        row["iso2"].strip().upper(): (row, where) for row, where in table_rows(
            folder / "geonames_countries.csv", ("iso2", "geonameid", "lat", "lon", "source"))}
    geonames_admin1 = {
        (row["country_iso2"].strip().upper(), row["admin1_name"].strip()): (row, where)
        for row, where in table_rows(folder / "geonames_admin1.csv",
                                ("country_iso2", "geonameid", "admin1_name", "lat", "lon",
                                 "source"))}
    for row, where in table_rows(folder / "continents.csv",
                            ("code", "geonameid", "name", "lat", "lon", "source")):
        code = row["code"].strip().upper()
        place = _place(f"continent:{code}", row, "continent", "", where)
        add([row["name"], *CONTINENT_ALIASES.get(code, ())], place)
    for row, where in table_rows(folder / "countries.csv", ("iso2", "name", "lat", "lon", "source")):
        iso = row["iso2"].strip().upper()
        point, at = geonames_countries.get(iso, (row, where))
        place = _place(f"country:{iso}", {**point, "name": row["name"]}, "country", iso, at)
        add([row["name"], *COUNTRY_ALIASES.get(iso, ())], place)
    codes_by_id, codes_by_name = _admin1_codes(folder / ADMIN1_CODES_FILE)
    for row, where in table_rows(folder / "admin1.csv",
                            ("country_iso2", "name", "lat", "lon", "source")):
        iso = row["country_iso2"].strip().upper()
        pid = f"admin1:{iso}:{normalize(row['name']).replace(' ', '-')}"
        point, at = geonames_admin1.get((iso, row["name"].strip()), (row, where))
        place = _place(pid, {**point, "name": row["name"]}, "province", iso, at)
        alt_names = [*(row.get("alt_names") or "").split("|"),
                     *ADMIN1_ALIASES.get((iso, row["name"].strip()), ())]
        alt = [a for a in alt_names if a.strip()]
        code = (codes_by_id.get(place.properties.get("geonameid", 0))
                or codes_by_name.get((iso, normalize(row["name"]))))
        if code:
            place.properties["admin1"] = code
        add([row["name"], *alt], place)
        postal = POSTAL_ABBREVIATIONS.get((iso, row["name"].strip())) or (
            code.split(".")[1] if code and iso == "US" and code[3:].isalpha() else None)
        if postal:
            index.setdefault(normalize(postal) + POSTAL_KEY_SUFFIX, []).append(place)
    return {k: tuple(v) for k, v in index.items()}


def _admin1_codes(path: Path) -> tuple[dict[int, str], dict[tuple[str, str], str]]:
    """GeoNames' first-level codes ("US.KY") by geonameid and by (country, name key), from
    GeoNames' ``admin1CodesASCII.txt``; a name two areas of a country share is left out.
    The codes tell which area a GeoNames town lies in (its ``admin1`` code)."""
    by_id: dict[int, str] = {}
    by_name: dict[tuple[str, str], set[str]] = {}
    if path.exists():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            fields = line.split("\t")
            if len(fields) != 4 or "." not in fields[0] or not fields[3].isdigit():
                raise GazetteerError(f"{path.name}:{n}: not a GeoNames admin1 code line")
            code, name, ascii_name, gid = fields
            by_id[int(gid)] = code
            for key in {normalize(name), normalize(ascii_name)} - {""}:
                by_name.setdefault((code.split(".")[0], key), set()).add(code)
    return by_id, {key: codes.pop() for key, codes in by_name.items() if len(codes) == 1}


def table_rows(path: Path, required: tuple[str, ...]):
    """Rows of a sourced CSV table with where each comes from ("file.csv:12"); none if the
    file is absent."""
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
    return table_place(pid, row, kind, iso, PRECISION_M[kind], where, origin="regions")


def table_place(pid: str, row: dict[str, str], kind: str, iso: str, precision: float,
                where: str, *, origin: str) -> Place:
    """The place of one sourced table row (``name``, ``lat``, ``lon``, ``source``, optional
    ``geonameid``); a row without a source or with a bad coordinate is refused."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        raise GazetteerError(f"{where}: lat/lon are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not (row.get("source") or "").strip():
        raise GazetteerError(f"{where}: coordinate out of range or without source")
    geonameid = (row.get("geonameid") or "").strip()
    return Place(
        place_id=pid, name=row["name"].strip(), kind=kind, geometry=Point(lon, lat),
        precision_m=precision, source=row["source"].strip(), country=iso,
        matched=row["name"].strip(), origin=origin,
        properties={"population": 0, **({"geonameid": int(geonameid)} if geonameid else {})},
    )
