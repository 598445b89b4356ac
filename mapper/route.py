"""Route stops + resolved places -> march route lines."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import groupby

import geopandas as gpd
from pyproj import Geod
from shapely.geometry import LineString

from mapper import schema, settings
from mapper.cases import RouteStop
from mapper.resolve import Resolution

_GEOD = Geod(ellps="WGS84")

ROUTE_COLUMNS = tuple(f.name for f in schema.ROUTE_FIELDS)

METHOD = (
    "straight segments between consecutive sourced waypoints (motorway interchanges, "
    "junctions, towns) listed in order in the route table; between waypoints the true "
    "road may bend away from the line"
)


def route_frame(
    stops: Sequence[RouteStop], resolutions: Mapping[str, Resolution]
) -> gpd.GeoDataFrame:
    """One LineString per named route, through its resolved waypoints in order.

    Waypoints that did not resolve are left out (and listed in
    ``unresolved_waypoints``); a route with fewer than two resolved waypoints
    has no line and is left out.
    """
    rows = []
    for name, group in groupby(sorted(stops, key=lambda s: (s.route, s.seq)), key=lambda s: s.route):
        group = list(group)
        points, names, missing = [], [], []
        for stop in group:
            res = resolutions.get(stop.place_name)
            if res is None or res.place is None:
                missing.append(stop.place_name)
                continue
            point = res.place.point
            if points and (point.x, point.y) == points[-1]:
                continue
            points.append((point.x, point.y))
            names.append(stop.place_name)
        if len(points) < 2:
            continue
        line = LineString(points)
        dates = sorted(s.date for s in group if s.date)
        rows.append(
            {
                "route": name, "start_place": names[0], "end_place": names[-1],
                "waypoints": " > ".join(names), "n_waypoints": len(names),
                "unresolved_waypoints": "; ".join(missing),
                "start_date": dates[0] if dates else "", "end_date": dates[-1] if dates else "",
                "length_km": round(_GEOD.geometry_length(line) / 1000, 1),
                "method": METHOD, "geometry": line,
            }
        )
    frame = gpd.GeoDataFrame(rows, columns=[*ROUTE_COLUMNS, "geometry"], geometry="geometry",
                             crs=settings.crs)
    return schema.typed(frame, "route")


def bearing(start: tuple[float, float], end: tuple[float, float]) -> float:
    """Initial compass bearing in degrees (0 = north, clockwise) from lon/lat ``start`` to ``end``."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*start, *end))
    dlon = lon2 - lon1
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    return (math.degrees(math.atan2(x, y)) + 360) % 360
