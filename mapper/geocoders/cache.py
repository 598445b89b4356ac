"""A persistent cache of online geocoders' answers (SQLite in ``settings.cache_dir``).

Online services ask for few requests (Nominatim: at most one a second), and a
re-run of the same report must not ask again. Answers are kept per service,
service address, query and options (country codes, view box...), with the time
they were fetched, and read back instead of asking.

Only answers are stored: a service that could not be reached, timed out,
refused (429, 5xx) or sent something unreadable is never recorded, so a later
run asks again. An empty result (the service answered "nothing found") is an
answer and is cached.

Several runs may share the cache at once: SQLite's write-ahead log lets readers
go on while one writer commits, and a writer waits (``busy_timeout``) instead
of failing while another holds the lock.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapper import settings
from mapper.errors import GeocoderError

#: File name of the cache in ``settings.cache_dir``.
CACHE_NAME = "geocode-cache.sqlite"
#: How long a writer waits for another run's lock before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 30_000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    service TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    query TEXT NOT NULL,
    options TEXT NOT NULL,
    answer TEXT NOT NULL,
    fetched TEXT NOT NULL,
    PRIMARY KEY (service, endpoint, query, options)
)
"""


@dataclass(frozen=True)
class CachedAnswer:
    """A service's answer to one query, as fetched."""

    answer: Any
    fetched: str  # ISO 8601 UTC time the service answered


@dataclass(frozen=True)
class CacheInfo:
    """What ``mapper cache info`` shows."""

    path: Path
    exists: bool
    answers: int
    size_bytes: int
    by_service: dict[str, int]


def default_cache_path() -> Path:
    """The cache file in the user's cache folder (``settings.cache_dir``)."""
    return Path(settings.cache_dir) / CACHE_NAME


def _options_key(options: Mapping[str, Any]) -> str:
    return json.dumps(dict(options), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class GeocodeCache:
    """Answers of online geocoders, kept across runs.

    Parameters
    ----------
    path
        The SQLite file; :func:`default_cache_path` when not given. Its folder is
        created on the first write.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._connection: sqlite3.Connection | None = None

    def _connect(self, *, create: bool) -> sqlite3.Connection | None:
        """The open connection; None when the file does not exist and ``create`` is False."""
        if self._connection is not None:
            return self._connection
        if not create and not self.path.exists():
            return None
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                         isolation_level=None)
            try:
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute(_SCHEMA)
            except sqlite3.Error:
                connection.close()
                raise
        except (sqlite3.Error, OSError) as exc:
            raise GeocoderError(f"geocoding cache {self.path} cannot be used: {exc}") from None
        self._connection = connection
        return connection

    def close(self) -> None:
        """Close the database (reopened by the next call)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, service: str, endpoint: str, query: str,
            options: Mapping[str, Any]) -> CachedAnswer | None:
        """The cached answer to ``query``, or None when it was never answered."""
        connection = self._connect(create=False)
        if connection is None:
            return None
        try:
            row = connection.execute(
                "SELECT answer, fetched FROM answers "
                "WHERE service = ? AND endpoint = ? AND query = ? AND options = ?",
                (service, endpoint, query, _options_key(options)),
            ).fetchone()
        except sqlite3.Error as exc:
            raise GeocoderError(f"geocoding cache {self.path} cannot be read: {exc}") from None
        return CachedAnswer(json.loads(row[0]), row[1]) if row else None

    def put(self, service: str, endpoint: str, query: str, options: Mapping[str, Any],
            answer: Any, fetched: str | None = None) -> CachedAnswer:
        """Record ``answer`` (JSON-serialisable), replacing an older one."""
        fetched = fetched or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        text = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
        connection = self._connect(create=True)
        assert connection is not None
        try:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                    (service, endpoint, query, _options_key(options), text, fetched),
                )
        except sqlite3.Error as exc:
            raise GeocoderError(f"geocoding cache {self.path} cannot be written: {exc}") from None
        return CachedAnswer(answer, fetched)

    def info(self) -> CacheInfo:
        """Where the cache is and what it holds."""
        connection = self._connect(create=False)
        if connection is None:
            return CacheInfo(self.path, False, 0, 0, {})
        try:
            by_service = dict(connection.execute(
                "SELECT service, COUNT(*) FROM answers GROUP BY service ORDER BY service"))
        except sqlite3.Error as exc:
            raise GeocoderError(f"geocoding cache {self.path} cannot be read: {exc}") from None
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))
        return CacheInfo(self.path, True, sum(by_service.values()), size, by_service)

    def clear(self) -> int:
        """Forget every answer; returns how many there were."""
        connection = self._connect(create=False)
        if connection is None:
            return 0
        try:
            with connection:
                count = connection.execute("DELETE FROM answers").rowcount
            connection.execute("VACUUM")
        except sqlite3.Error as exc:
            raise GeocoderError(f"geocoding cache {self.path} cannot be cleared: {exc}") from None
        return count
