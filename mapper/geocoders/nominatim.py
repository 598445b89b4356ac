"""Nominatim (OpenStreetMap's geocoder) through ``geopy.geocoders.Nominatim``.

The public instance's usage policy (https://operations.osmfoundation.org/policies/nominatim/):
at most one request a second, an identifying User-Agent, results cached. A
self-hosted instance is used with ``--geocoder-url``.
"""

from __future__ import annotations

from typing import Any

from geopy.geocoders import Nominatim

from mapper import settings
from mapper.geocoders.area import SearchArea
from mapper.geocoders.base import Place
from mapper.geocoders.online import OnlineGeocoder, online_place
from mapper.geocoders.osm import OSM_ATTRIBUTION, OSM_LICENCE, osm_kind, osm_reference


class NominatimGeocoder(OnlineGeocoder):
    """Nominatim ``/search``, biased with ``countrycodes`` and ``viewbox``."""

    name = "nominatim"
    default_url = "https://nominatim.openstreetmap.org"
    licence = OSM_LICENCE
    attribution = OSM_ATTRIBUTION + " via Nominatim"

    def _service(self, **kwargs: Any) -> Nominatim:
        return Nominatim(**kwargs)

    def options(self, area: SearchArea) -> dict[str, Any]:
        options: dict[str, Any] = {"limit": settings.online_max_results,
                                   "addressdetails": True, "language": "en"}
        if area.countries:
            options["country_codes"] = [c.lower() for c in area.countries]
        if area.bounds is not None:
            west, south, east, north = area.bounds
            # Preferred, not a fence: a place just outside is still found (and then checked).
            options["viewbox"] = [[south, west], [north, east]]
            options["bounded"] = False
        return options

    def parse(self, raw: Any, query: str, fetched: str) -> Place:
        extent = None
        if raw.get("boundingbox"):  # Nominatim: [south, north, west, east]
            south, north, west, east = (float(v) for v in raw["boundingbox"])
            extent = (west, south, east, north)
        name = raw.get("name") or str(raw.get("display_name", "")).split(",")[0].strip()
        osm = osm_reference(raw["osm_type"], raw["osm_id"])
        return online_place(
            self, place_id=f"osm:{osm}", name=name,
            kind=osm_kind(raw.get("class", ""), raw.get("type", ""), raw.get("addresstype", "")),
            lat=float(raw["lat"]), lon=float(raw["lon"]), extent=extent,
            country=str((raw.get("address") or {}).get("country_code", "")),
            licence=str(raw.get("licence") or self.licence), reference=f"OSM {osm}",
            query=query, fetched=fetched,
        )
