"""Distances between places, and the nearest of many already placed.

A report resolves a few dozen names, and each candidate is weighed by its
distance to those already placed: a plain scan. A table resolves thousands
(every distinct place of an incident export), and a scan per candidate would
make that quadratic: :class:`NearbyPlaces` then files the places in a grid
and reads only the cells within reach.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from mapper.geocoders.base import Place

#: Mean Earth radius used for every distance, kilometres.
EARTH_RADIUS_KM = 6371.0
#: Side of a grid cell, degrees; cells in a row of latitude.
_CELL_DEG = 2.0
_COLUMNS = int(360 / _CELL_DEG)
#: Below this many places a plain scan is faster than the grid.
_SCAN_MAX = 48


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' points (haversine; fast enough for
    every candidate pair of a report)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


class NearbyPlaces:
    """Places, for the distance from any point to the nearest of them.

    Parameters
    ----------
    places
        The first places; more are added with :meth:`append`.
    """

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self._places: list[Place] = []
        self._cells: dict[tuple[int, int], list[Place]] = {}
        for place in places:
            self.append(place)

    def append(self, place: Place) -> None:
        self._places.append(place)
        self._cells.setdefault(_cell(place.lat, place.lon), []).append(place)

    def __len__(self) -> int:
        return len(self._places)

    def nearest_km(self, place: Place, reach_km: float) -> float | None:
        """Distance from ``place`` to the nearest of the places, if under ``reach_km``."""
        if len(self._places) <= _SCAN_MAX:
            nearest = min((distance_km(place, p) for p in self._places), default=math.inf)
            return nearest if nearest < reach_km else None
        # A place found within a short reach is the nearest: fewer cells to read.
        for reach in (reach_km / 16, reach_km / 4, reach_km):
            nearest = min((distance_km(place, p) for p in self._within_cells(place, reach)),
                          default=math.inf)
            if nearest < reach:
                return nearest
        return None

    def _within_cells(self, place: Place, reach_km: float) -> list[Place]:
        """The places that may lie within ``reach_km`` of ``place`` (a superset)."""
        reach_deg = math.degrees(reach_km / EARTH_RADIUS_KM)
        south, north = place.lat - reach_deg, place.lat + reach_deg
        rows = range(math.floor(max(south, -90.0) / _CELL_DEG),
                     math.floor(min(north, 90.0) / _CELL_DEG) + 1)
        # The widest longitude gap at which a point within reach can lie, taken at the
        # latitude of the band farthest from the equator (the whole circle near a pole).
        widest = math.cos(math.radians(min(90.0, max(abs(south), abs(north)))))
        ratio = math.sin(reach_km / (2 * EARTH_RADIUS_KM)) / widest if widest > 0 else 2.0
        if ratio >= 1:
            columns: Iterable[int] = range(_COLUMNS)
        else:
            gap = math.degrees(2 * math.asin(ratio))
            west = math.floor((place.lon - gap) / _CELL_DEG)
            east = math.floor((place.lon + gap) / _CELL_DEG)
            columns = {c % _COLUMNS for c in range(west, east + 1)}
        found: list[Place] = []
        for row in rows:
            for column in columns:
                found += self._cells.get((row, column), ())
        return found


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG) % _COLUMNS)
