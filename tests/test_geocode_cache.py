"""The persistent cache of online geocoders' answers, and `mapper cache info|clear`."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3

import pytest
from conftest import run_mapper

from mapper.errors import GeocoderError
from mapper.geocoders.cache import CACHE_NAME, GeocodeCache

NOMINATIM = "https://nominatim.openstreetmap.org/search"
ANSWER = [{"lat": "33.6721", "lon": "72.9306", "display_name": "Sangjani, Islamabad"}]


def test_an_answer_is_read_back_by_service_endpoint_query_and_options(tmp_path):
    cache = GeocodeCache(tmp_path / "cache.sqlite")
    assert cache.get("nominatim", NOMINATIM, "Sangjani", {"countrycodes": "pk"}) is None
    stored = cache.put("nominatim", NOMINATIM, "Sangjani", {"countrycodes": "pk", "limit": 5},
                       ANSWER)
    # Options in any order are the same query; other options, endpoint or service are not.
    again = cache.get("nominatim", NOMINATIM, "Sangjani", {"limit": 5, "countrycodes": "pk"})
    assert again == stored and again.answer == ANSWER and again.fetched.endswith("+00:00")
    assert cache.get("nominatim", NOMINATIM, "Sangjani", {"countrycodes": "in", "limit": 5}) is None
    assert cache.get("nominatim", "http://127.0.0.1:1/search", "Sangjani",
                     {"countrycodes": "pk", "limit": 5}) is None
    assert cache.get("photon", NOMINATIM, "Sangjani", {"countrycodes": "pk", "limit": 5}) is None


def test_nothing_found_is_an_answer(tmp_path):
    cache = GeocodeCache(tmp_path / "cache.sqlite")
    cache.put("photon", "http://127.0.0.1/api", "Nowhere Chowk", {}, [])
    assert cache.get("photon", "http://127.0.0.1/api", "Nowhere Chowk", {}).answer == []


def test_info_and_clear(tmp_path):
    cache = GeocodeCache(tmp_path / "sub" / "cache.sqlite")
    assert not cache.info().exists and cache.clear() == 0
    for query in ("D-Chowk", "Sangjani", "Adiala"):
        cache.put("nominatim", NOMINATIM, query, {}, ANSWER)
    cache.put("photon", "http://127.0.0.1/api", "D-Chowk", {}, ANSWER)
    info = cache.info()
    assert info.exists and info.answers == 4 and info.size_bytes > 0
    assert info.by_service == {"nominatim": 3, "photon": 1}
    assert cache.clear() == 4
    assert cache.info().answers == 0
    assert cache.get("nominatim", NOMINATIM, "D-Chowk", {}) is None


def _writer(path: str, worker: int, n: int) -> None:
    with GeocodeCache(path) as cache:
        for i in range(n):
            cache.put("nominatim", NOMINATIM, f"place {worker}-{i}", {"i": i}, ANSWER)
            cache.get("nominatim", NOMINATIM, f"place {worker}-{i // 2}", {"i": i // 2})


def test_concurrent_runs_do_not_corrupt_it(tmp_path):
    path = tmp_path / "cache.sqlite"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(path), w, 40)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert GeocodeCache(path).info().answers == 160
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_file_that_is_not_a_cache_is_a_clear_error(tmp_path):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"not a database, but the user's file" * 100)
    with pytest.raises(GeocoderError, match="cannot be used"):
        GeocodeCache(path).get("nominatim", NOMINATIM, "D-Chowk", {})


def test_cli_shows_and_clears_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    empty = run_mapper("cache", "info")
    assert empty.returncode == 0 and str(tmp_path / CACHE_NAME) in empty.stdout
    assert "Answers: 0" in empty.stdout
    GeocodeCache(tmp_path / CACHE_NAME).put("nominatim", NOMINATIM, "D-Chowk", {}, ANSWER)
    info = run_mapper("cache", "info")
    assert "Answers: 1 (nominatim 1)" in info.stdout, info.stdout
    cleared = run_mapper("cache", "clear")
    assert cleared.returncode == 0 and "Removed 1 cached answers" in cleared.stdout
    assert "Answers: 0" in run_mapper("cache", "info").stdout


def test_cli_error_on_a_broken_cache_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    (tmp_path / CACHE_NAME).write_bytes(os.urandom(4096))
    proc = run_mapper("cache", "info")
    assert proc.returncode != 0 and proc.stderr.count("\n") == 1, proc.stderr
    assert "geocoding cache" in proc.stderr and "Traceback" not in proc.stderr
