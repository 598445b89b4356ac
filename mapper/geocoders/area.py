"""The area a report is about, to bias and check online geocoders' answers.

Online services know every "Sangjani" and "Central Park" on Earth. The places of
the report already located offline say where to look: their countries, and a box
around them. The services are asked to prefer that box (Nominatim's ``viewbox``,
Photon's ``location_bias``, ArcGIS's ``searchExtent``) and to stay within those
countries, and an answer far outside the box is rejected.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from geopy.distance import great_circle

from mapper import settings
from mapper.geocoders.base import REGION_KINDS, Place

KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class SearchArea:
    """Countries and a lon/lat box that online results must fall in.

    Attributes
    ----------
    countries
        ISO 3166-1 alpha-2 codes (upper case); empty: any country.
    bounds
        ``(west, south, east, north)`` in degrees, margin included; None: anywhere.
    """

    countries: tuple[str, ...] = ()
    bounds: tuple[float, float, float, float] | None = None

    @classmethod
    def around(cls, places: Iterable[Place], country: str | None = None, *,
               margin_km: float | None = None, core_km: float | None = None) -> SearchArea:
        """The area of ``places`` (those already located).

        Provinces and countries give their countries but not the box: their
        points stand for areas hundreds of kilometres wide. A place farther
        than ``core_km`` from the median of the others is left out of the box
        (a report about Islamabad that mentions London is about Islamabad),
        unless no such cluster holds at least half the places.

        Parameters
        ----------
        country
            The case's country, if the user gave one: it alone makes ``countries``.
        margin_km, core_km
            Default ``settings.online_area_margin_km`` and ``settings.online_area_core_km``.
        """
        margin_km = settings.online_area_margin_km if margin_km is None else margin_km
        core_km = settings.online_area_core_km if core_km is None else core_km
        places = list(places)
        spots = [p for p in places if p.kind not in REGION_KINDS]
        core: list[Place] = []
        if spots:
            mid = (statistics.median(p.lat for p in spots), statistics.median(p.lon for p in spots))
            core = [p for p in spots if great_circle(mid, (p.lat, p.lon)).km <= core_km]
            if 2 * len(core) < len(spots):
                core = spots  # no cluster holds most places: the report is spread out
        bounds = None
        if core:
            west, east = min(p.lon for p in core), max(p.lon for p in core)
            south, north = min(p.lat for p in core), max(p.lat for p in core)
            dlat = margin_km / KM_PER_DEGREE
            widest = max(abs(south), abs(north))
            dlon = margin_km / (KM_PER_DEGREE * max(math.cos(math.radians(widest)), 0.01))
            bounds = (round(max(west - dlon, -180.0), 4), round(max(south - dlat, -90.0), 4),
                      round(min(east + dlon, 180.0), 4), round(min(north + dlat, 90.0), 4))
        if country:
            countries: tuple[str, ...] = (country.upper(),)
        else:
            counts = Counter(p.country for p in (core or places) if p.country)
            countries = tuple(c for c, _ in counts.most_common())
        return cls(countries, bounds)

    @property
    def centre(self) -> tuple[float, float] | None:
        """(lat, lon) of the middle of the box."""
        if self.bounds is None:
            return None
        west, south, east, north = self.bounds
        return ((south + north) / 2, (west + east) / 2)

    def km_outside(self, lat: float, lon: float) -> float:
        """Distance (km) from the point to the box; 0 inside it or when there is no box."""
        if self.bounds is None:
            return 0.0
        west, south, east, north = self.bounds
        nearest = (min(max(lat, south), north), min(max(lon, west), east))
        if nearest == (lat, lon):
            return 0.0
        return float(great_circle(nearest, (lat, lon)).km)

    def rejects(self, place: Place) -> str | None:
        """Why ``place`` is outside the area (None when it is inside)."""
        if self.countries and place.country and place.country.upper() not in self.countries:
            return f"in {place.country.upper()}, not in {'/'.join(self.countries)}"
        outside = self.km_outside(place.lat, place.lon)
        if outside > settings.online_max_outside_km:
            return f"{outside:,.0f} km outside the area of the report's other places"
        return None
