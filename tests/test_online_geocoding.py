"""Online geocoding through geopy, against stand-in services on 127.0.0.1.

Every test starts its own server (tests/geoservers.py); pytest-socket blocks
any other host. The stand-ins' places are made up: the tests check what is
asked, how often, and what becomes of each answer or failure.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import mapper_exe
from geoservers import (
    EMPTY,
    HANG,
    MALFORMED,
    WRONG_SHAPE,
    FakeGeocodingService,
    FakePlace,
    status,
)

import mapper
from mapper.errors import GeocoderError
from mapper.geocoders import CuratedGeocoder, online_geocoder
from mapper.geocoders.cache import GeocodeCache
from mapper.geocoders.online import OnlineGeocoder

#: A place the offline gazetteers have, which sets the report's area (Islamabad).
KNOWN = "D-Chowk"
NEW = "Fakeville Roundabout"
OTHER = "Nowhere Bridge"


@pytest.fixture(scope="module")
def known_point() -> tuple[float, float]:
    place = CuratedGeocoder().geocode(KNOWN)
    assert place is not None and place.country == "PK"
    return place.lat, place.lon


@pytest.fixture
def near(known_point: tuple[float, float]) -> FakePlace:
    """A made-up junction 1-2 km from the known place."""
    lat, lon = known_point
    return FakePlace(NEW, round(lat + 0.01, 5), round(lon + 0.01, 5), "pk", 4242)


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "incidents.csv"
    path.write_text(
        "event_date,event_type,place_name\n"
        f"2024-11-25,clash,{KNOWN}\n2024-11-25,clash,{NEW}\n2024-11-26,protest,{NEW}\n",
        encoding="utf-8")
    return path


def geocoder(service: FakeGeocodingService, tmp_path: Path, **options) -> OnlineGeocoder:
    """An adapter to the stand-in, fast: tests of waiting set the delays they check."""
    options = {"contact": "mapper-tests@example.org", "min_delay_s": 0.0, "timeout_s": 0.5,
               "backoff_s": 0.05, "cache": GeocodeCache(tmp_path / "cache.sqlite"), **options}
    made = online_geocoder(service.flavour, service.url, **options)
    assert made is not None
    return made


def located(result: mapper.MapResult, name: str):
    rows = result.places[result.places["queries"].str.contains(name, regex=False)]
    return rows.iloc[0] if len(rows) else None


# -- Nominatim: what is asked, and what is made of the answer ----------------------------

def test_nominatim_places_the_unknown_name_with_provenance(tmp_path, table, near, known_point):
    with FakeGeocodingService("nominatim", [near]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert result.unresolved == [] and result.notices == []
    place = located(result, NEW)
    assert (place.origin, place.place_id, place.kind) == ("nominatim", "osm:node/4242",
                                                         "interchange")
    assert (round(place.geometry.y, 5), round(place.geometry.x, 5)) == (near.lat, near.lon)
    assert "ODbL" in place.licence and place.geocoder_query == NEW and place.geocoded_at
    # The bounding box (about 0.004 degrees square) gives the precision: a few hundred metres.
    assert 100 < place.precision_m < 400
    sources = set(result.incidents.loc[result.incidents.place_name == NEW, "place_source"])
    assert len(sources) == 1
    source = sources.pop()
    assert "ODbL" in source and service.url in source and repr(NEW) in source
    # One request for the name the offline gazetteers lack, however often it is used.
    assert [r.params["q"] for r in service.requests] == [NEW]
    request = service.requests[0]
    assert request.path == "/search"
    assert request.headers["User-Agent"].startswith("incident-mapper/")
    assert "mapper-tests@example.org" in request.headers["User-Agent"]
    assert request.params["countrycodes"] == "pk"
    west, south, east, north = map(float, request.params["viewbox"].split(","))
    lat, lon = known_point
    assert west < lon < east and south < lat < north and east - west < 1.0
    assert "OpenStreetMap" in result.mapped.attribution


def test_popups_and_exports_carry_the_provenance(tmp_path, table, near):
    with FakeGeocodingService("nominatim", [near]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    out = tmp_path / "out"
    result.to_file(out, ["html", "geojson", "gpkg"])
    places = json.loads((out / "places.geojson").read_text(encoding="utf-8"))
    props = next(f["properties"] for f in places["features"] if f["properties"]["name"] == NEW)
    assert props["origin"] == "nominatim" and "ODbL" in props["licence"]
    assert props["geocoder_query"] == NEW and props["geocoded_at"].endswith("+00:00")
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "OpenStreetMap contributors, ODbL 1.0" in page
    assert "nominatim http://127.0.0.1" in page  # the incident popups' coordinate source


def test_requests_are_at_least_one_second_apart(tmp_path, near):
    places = [near] + [FakePlace(f"Fake Square {i}", near.lat, near.lon, "pk", 10 + i)
                       for i in range(2)]
    table = tmp_path / "t.csv"
    table.write_text("event_date,event_type,place_name\n" + "".join(
        f"2024-11-25,protest,{p.name}\n" for p in [FakePlace(KNOWN, 0, 0, "pk", 0), *places]))
    with FakeGeocodingService("nominatim", places) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path, min_delay_s=1.0))
    assert result.unresolved == []
    times = [r.at for r in service.requests]
    assert len(times) == 3
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.95


def test_second_run_asks_nothing(tmp_path, table, near):
    cache = tmp_path / "shared-cache.sqlite"
    with FakeGeocodingService("nominatim", [near]) as service:
        first = mapper.map_table(table, online=geocoder(service, tmp_path,
                                                        cache=GeocodeCache(cache)))
        assert len(service.requests) == 1
        again = geocoder(service, tmp_path, cache=GeocodeCache(cache))
        second = mapper.map_table(table, online=again)
        assert len(service.requests) == 1 and again.requests == 0
    assert located(second, NEW).geocoded_at == located(first, NEW).geocoded_at
    assert GeocodeCache(cache).info().by_service == {"nominatim": 1}


def test_empty_answer_is_cached_and_leaves_the_name_unresolved(tmp_path, table):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    with FakeGeocodingService("nominatim", []) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path, cache=cache))
        assert result.unresolved == [NEW] and result.notices == []
        mapper.map_table(table, online=geocoder(service, tmp_path, cache=cache))
        assert len(service.requests) == 1


def test_names_placed_by_their_coordinates_are_not_asked(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("event_date,event_type,place_name,latitude,longitude\n"
                     f"2024-11-25,protest,{KNOWN},,\n2024-11-25,protest,{NEW},33.7,73.1\n")
    with FakeGeocodingService("nominatim", []) as service:
        mapper.map_table(table, online=geocoder(service, tmp_path))
    assert service.requests == []


def test_no_place_is_not_asked(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("event_date,event_type,place_name\n"
                     f"2024-11-25,protest,{KNOWN}\n2024-11-25,protest,unknown\n"
                     "2024-11-25,protest,Unknown\n")
    with FakeGeocodingService("nominatim", [FakePlace("Unknown", 33.7, 73.1, "pk", 1)]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert service.requests == []
    assert sorted(result.unresolved) == ["Unknown", "unknown"]


def test_report_text_place_found_online(tmp_path, near):
    """A report (sentences written for this test) naming a roundabout no gazetteer has."""
    report = ("ISLAMABAD, Nov 25, 2024 - Police fired tear gas at protesters gathered at "
              f"{NEW} in Islamabad on Monday, witnesses said. Clashes also broke out near "
              f"{KNOWN}, where two police officers were injured.\n")
    with FakeGeocodingService("nominatim", [near]) as service:
        result = mapper.map_report(report, online=geocoder(service, tmp_path))
    assert [r.params["q"] for r in service.requests] == [NEW]
    rows = result.incidents[result.incidents.place_name == NEW]
    assert len(rows) == 1 and rows.iloc[0].place_id == "osm:node/4242"
    assert rows.iloc[0].geometry is not None and not rows.iloc[0].geometry.is_empty
    assert "ODbL" in rows.iloc[0].place_source


# -- Bias to the report's area -----------------------------------------------------------

def test_far_result_is_rejected_and_said(tmp_path, table, near):
    far = FakePlace(NEW, near.lat + 6.0, near.lon + 5.0, "pk", 9)
    with FakeGeocodingService("nominatim", [far]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert result.unresolved == [NEW]
    assert len(result.notices) == 1
    assert "rejected" in result.notices[0] and "km outside" in result.notices[0]
    assert result.summary()["warnings"] == result.notices


def test_photon_result_in_another_country_is_rejected(tmp_path, table, near, known_point):
    abroad = FakePlace(NEW, near.lat, near.lon + 0.3, "in", 7)
    with FakeGeocodingService("photon", [abroad]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert result.unresolved == [NEW]
    assert "in IN, not in PK" in result.notices[0]
    lat, lon = (float(v) for v in (service.requests[0].params["lat"],
                                   service.requests[0].params["lon"]))
    assert abs(lat - known_point[0]) < 0.01 and abs(lon - known_point[1]) < 0.01


def test_photon_places_the_name(tmp_path, table, near):
    with FakeGeocodingService("photon", [near]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    place = located(result, NEW)
    assert (place.origin, place.place_id, place.kind) == ("photon", "osm:node/4242",
                                                         "interchange")
    assert service.requests[0].path == "/api" and service.requests[0].params["q"] == NEW
    assert service.requests[0].headers["User-Agent"].startswith("incident-mapper/")


def test_arcgis_is_biased_and_never_stored(tmp_path, table, near):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    with FakeGeocodingService("arcgis", [near]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path, cache=cache))
    place = located(result, NEW)
    assert (place.origin, place.kind, place.country) == ("arcgis", "bridge", "PK")
    params = service.requests[0].params
    assert params["sourceCountry"] == "PK" and len(params["searchExtent"].split(",")) == 4
    assert cache.info().answers == 0  # Esri's terms: results shown, not stored


# -- Faults: the run always finishes ----------------------------------------------------

def test_service_that_never_answers(tmp_path, table, near):
    table.write_text(table.read_text() + f"2024-11-26,protest,{OTHER}\n")
    with FakeGeocodingService("nominatim", [near], script=[HANG] * 10) as service:
        started = time.monotonic()
        result = mapper.map_table(table, online=geocoder(service, tmp_path, max_retries=2))
        elapsed = time.monotonic() - started
    assert sorted(result.unresolved) == [NEW, OTHER]
    assert len(service.requests) == 3  # one query, two retries; the next name is not asked
    assert "no answer after 3 tries" in result.notices[0]
    assert "not asked again" in result.notices[0]
    assert "1 more names not looked up" in result.notices[1] and OTHER in result.notices[1]
    assert elapsed < 30
    out = tmp_path / "out"
    result.to_file(out, ["geojson"])
    assert not list(out.glob("*.tmp*")) and (out / "incidents.geojson").exists()


def test_service_down_says_so(tmp_path, table):
    with socket.socket() as probe:  # a free port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    made = online_geocoder("nominatim", f"http://127.0.0.1:{port}", min_delay_s=0,
                           backoff_s=0.01, timeout_s=0.5, cache=GeocodeCache(tmp_path / "c"))
    result = mapper.map_table(table, online=made)
    assert result.unresolved == [NEW] and made.requests == 3
    assert "no answer after 3 tries" in result.notices[0]


def test_429_retry_after_is_honoured(tmp_path, table, near):
    with FakeGeocodingService("nominatim", [near], script=[status(429, "1")]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert result.unresolved == [] and result.notices == []
    first, second = service.requests
    assert second.at - first.at >= 0.95


def test_429_asking_for_a_long_wait_stops_asking(tmp_path, table, near):
    with FakeGeocodingService("nominatim", [near], script=[status(429, "3600")]) as service:
        started = time.monotonic()
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert time.monotonic() - started < 30
    assert len(service.requests) == 1 and result.unresolved == [NEW]
    assert "HTTP 429" in result.notices[0] and "3600 s" in result.notices[0]


def test_500_is_retried_then_answered(tmp_path, table, near):
    with FakeGeocodingService("nominatim", [near], script=[status(500)]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert result.unresolved == [] and len(service.requests) == 2


def test_500_every_time_is_bounded(tmp_path, table, near):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    with FakeGeocodingService("nominatim", [near], script=[status(500)] * 10) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path, cache=cache))
    assert len(service.requests) == 3 and result.unresolved == [NEW]
    assert "service error after 3 tries" in result.notices[0]
    assert cache.info().answers == 0  # failures are never cached


@pytest.mark.parametrize("fault", [MALFORMED, WRONG_SHAPE])
def test_unreadable_answer_is_not_cached(tmp_path, table, near, fault):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    with FakeGeocodingService("nominatim", [near], script=[fault]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path, cache=cache))
        assert result.unresolved == [NEW] and "unreadable answer" in result.notices[0]
        assert cache.info().answers == 0
        again = mapper.map_table(table, online=geocoder(service, tmp_path, cache=cache))
    assert again.unresolved == [] and len(service.requests) == 2


def test_empty_queued_answer(tmp_path, table, near):
    with FakeGeocodingService("nominatim", [near], script=[EMPTY]) as service:
        result = mapper.map_table(table, online=geocoder(service, tmp_path))
    assert result.unresolved == [NEW] and result.notices == []


# -- The command line --------------------------------------------------------------------

def test_cli_with_a_failing_service_finishes_and_warns(tmp_path, table, near):
    out = tmp_path / "out"
    with FakeGeocodingService("nominatim", [near], script=[status(429, "3600")]) as service:
        proc = subprocess.run(
            [*mapper_exe(), "map", str(table), "--geocoder", "nominatim", "--geocoder-url",
             service.url, "--contact", "cli-test@example.org", "--out", str(out)],
            capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("mapper: warning:")]
    assert len(warnings) == 1 and "HTTP 429" in warnings[0]
    assert "Traceback" not in proc.stderr
    assert "cli-test@example.org" in service.requests[0].headers["User-Agent"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["places"]["unresolved"] == [NEW] and summary["warnings"]


def test_cli_places_the_name_online(tmp_path, table, near):
    out = tmp_path / "out"
    with FakeGeocodingService("photon", [near]) as service:
        proc = subprocess.run(
            [*mapper_exe(), "map", str(table), "--geocoder", "photon", "--geocoder-url",
             service.url, "--out", str(out), "--format", "geojson"],
            capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Places: 2 resolved (1 by photon), 0 unresolved" in proc.stdout
    assert len(service.requests) == 1


@pytest.mark.parametrize("args, message", [
    (["--geocoder-url", "http://127.0.0.1:1"], "needs an online geocoder"),
    (["--geocoder", "nominatim", "--geocoder-url", "ftp://x"], "expected http(s)://"),
    (["--geocoder", "bing"], "Invalid value for '--geocoder'"),
])
def test_cli_rejects_bad_geocoder_options(tmp_path, args, message):
    proc = subprocess.run([*mapper_exe(), "map", *args, "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0 and message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_unknown_service_is_one_error():
    with pytest.raises(GeocoderError, match="unknown geocoder 'bing'"):
        online_geocoder("bing")


# -- Offline mode opens no socket --------------------------------------------------------

@pytest.mark.disable_socket
@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_offline_run_opens_no_socket(tmp_path, table, socket_disabled):
    with pytest.raises(Exception, match="socket"):  # the guard is on, even for 127.0.0.1
        socket.socket()
    result = mapper.map_table(table)
    assert result.unresolved == [NEW] and result.notices == []


def test_offline_cli_connects_nowhere(tmp_path, table):
    """The whole CLI run, with every way to reach a host (or a DNS server) trapped.

    Only connecting is trapped, not creating sockets: importing folium imports
    urllib3 (through requests), which binds a socket to ::1 once to learn whether
    IPv6 works. That sends nothing anywhere.
    """
    guard = (
        "import socket, sys\n"
        "def trap(*a, **k):\n"
        "    raise SystemExit(f'network use: {a[1:] or a}')\n"
        "for name in ('connect', 'connect_ex', 'sendto'):\n"
        "    setattr(socket.socket, name, trap)\n"
        "socket.create_connection = socket.getaddrinfo = socket.gethostbyname = trap\n"
        "from mapper.cli import main\n"
        f"sys.argv = ['mapper', 'map', {str(table)!r}, '--out', {str(tmp_path / 'o')!r}]\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", guard], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "1 unresolved" in proc.stdout
