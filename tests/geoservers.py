"""Stand-ins for online geocoding services, on 127.0.0.1, scripted by each test.

:class:`FakeGeocodingService` speaks Nominatim's ``/search`` JSON, Photon's
``/api`` GeoJSON or ArcGIS's ``findAddressCandidates`` JSON for a few made-up
places, records every request (path, parameters, headers, time), and can be told
to misbehave for the next requests: never answer, answer 429 with
``Retry-After``, 500, malformed JSON, JSON of the wrong shape, or nothing found.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

#: Actions a test can queue (one per request; then "answer" again).
ANSWER, HANG, MALFORMED, WRONG_SHAPE, EMPTY = "answer", "hang", "malformed", "wrong-shape", "empty"


def status(code: int, retry_after: str | None = None) -> tuple[str, int, str | None]:
    """Queue an HTTP error answer."""
    return ("status", code, retry_after)


@dataclass
class FakePlace:
    name: str
    lat: float
    lon: float
    country: str  # ISO alpha-2, lower case as Nominatim gives it
    osm_id: int
    osm_class: str = "highway"
    osm_type_tag: str = "motorway_junction"
    extent_deg: float = 0.002  # half-size of the extent around the point


@dataclass
class Request:
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    at: float


@dataclass
class FakeGeocodingService:
    flavour: str = "nominatim"  # or "photon", "arcgis"
    places: list[FakePlace] = field(default_factory=list)
    #: Filter by the ``countrycodes`` parameter as Nominatim does (False: ignore it).
    honour_country_codes: bool = True
    requests: list[Request] = field(default_factory=list)
    script: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._release = threading.Event()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                service._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeGeocodingService:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def queue(self, *actions: Any) -> None:
        self.script.extend(actions)

    # -- answering ----------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.requests.append(Request(parts.path, params, dict(handler.headers), time.monotonic()))
        action = self.script.pop(0) if self.script else ANSWER
        if action == HANG:
            self._release.wait(60)
            return
        if isinstance(action, tuple):
            _, code, retry_after = action
            handler.send_response(code)
            if retry_after is not None:
                handler.send_header("Retry-After", retry_after)
            handler.send_header("Content-Type", "text/plain")
            handler.end_headers()
            handler.wfile.write(b"error")
            return
        if action == MALFORMED:
            body = b'[{"lat": "33.7", "lon": '
        elif action == WRONG_SHAPE:
            body = json.dumps([{"lat": "not a number"}] if self.flavour == "nominatim"
                              else {"features": [{"properties": {}}], "candidates": [{}]}).encode()
        else:
            query = params.get("q", params.get("singleLine", ""))
            found = [] if action == EMPTY else self._search(query, params)
            body = json.dumps(self._render(found)).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _search(self, query: str, params: dict[str, str]) -> list[FakePlace]:
        found = [p for p in self.places if query.lower() in p.name.lower()]
        codes = params.get("countrycodes")
        if codes and self.honour_country_codes and self.flavour == "nominatim":
            found = [p for p in found if p.country in codes.split(",")]
        return found

    def _render(self, found: list[FakePlace]) -> Any:
        if self.flavour == "nominatim":
            return [
                {"place_id": 1000 + i, "osm_type": "node", "osm_id": p.osm_id,
                 "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
                 "lat": str(p.lat), "lon": str(p.lon), "class": p.osm_class,
                 "type": p.osm_type_tag, "addresstype": p.osm_class, "name": p.name,
                 "display_name": f"{p.name}, Somewhere", "address": {"country_code": p.country},
                 "boundingbox": [str(p.lat - p.extent_deg), str(p.lat + p.extent_deg),
                                 str(p.lon - p.extent_deg), str(p.lon + p.extent_deg)]}
                for i, p in enumerate(found)
            ]
        if self.flavour == "photon":
            return {"type": "FeatureCollection", "features": [
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                 "properties": {"osm_type": "N", "osm_id": p.osm_id, "osm_key": p.osm_class,
                                "osm_value": p.osm_type_tag, "name": p.name,
                                "countrycode": p.country.upper(), "type": "other"}}
                for p in found]}
        return {"spatialReference": {"wkid": 4326}, "candidates": [
            {"address": p.name, "location": {"x": p.lon, "y": p.lat}, "score": 100,
             "attributes": {"PlaceName": p.name, "Type": "Bridge", "Addr_type": "POI",
                            "Country": {"pk": "PAK", "in": "IND"}.get(p.country, "")},
             "extent": {"xmin": p.lon - p.extent_deg, "ymin": p.lat - p.extent_deg,
                        "xmax": p.lon + p.extent_deg, "ymax": p.lat + p.extent_deg}}
            for p in found]}
