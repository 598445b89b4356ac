"""Photon (komoot's OpenStreetMap geocoder) through ``geopy.geocoders.Photon``.

Photon has no country filter: the search area's middle is passed as
``location_bias`` and results in other countries are rejected here.
"""

from __future__ import annotations

from typing import Any

from geopy.geocoders import Photon

from mapper import settings
from mapper.geocoders.area import SearchArea
from mapper.geocoders.base import Place
from mapper.geocoders.online import OnlineGeocoder, online_place
from mapper.geocoders.osm import OSM_ATTRIBUTION, OSM_LICENCE, osm_kind, osm_reference


class PhotonGeocoder(OnlineGeocoder):
    """Photon ``/api``, biased towards the middle of the search area."""

    name = "photon"
    default_url = "https://photon.komoot.io"
    licence = OSM_LICENCE
    attribution = OSM_ATTRIBUTION + " via Photon"

    def _service(self, **kwargs: Any) -> Photon:
        return Photon(**kwargs)

    def options(self, area: SearchArea) -> dict[str, Any]:
        options: dict[str, Any] = {"limit": settings.online_max_results, "language": "en"}
        if area.centre is not None:
            options["location_bias"] = list(area.centre)
        return options

    def parse(self, raw: Any, query: str, fetched: str) -> Place:
        props = raw["properties"]
        lon, lat = (float(v) for v in raw["geometry"]["coordinates"][:2])
        extent = props.get("extent")
        if extent:  # Photon: [west, north, east, south]
            west, north, east, south = (float(v) for v in extent)
            extent = (west, south, east, north)
        osm = osm_reference(props["osm_type"], props["osm_id"])
        return online_place(
            self, place_id=f"osm:{osm}", name=str(props.get("name") or ""),
            kind=osm_kind(props.get("osm_key", ""), props.get("osm_value", ""),
                          props.get("type", "")),
            lat=lat, lon=lon, extent=extent or None,
            country=str(props.get("countrycode", "")), licence=self.licence,
            reference=f"OSM {osm}", query=query, fetched=fetched,
        )
