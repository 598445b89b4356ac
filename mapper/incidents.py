"""Incident rows + resolved places -> the incidents GeoDataFrame."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from mapper import schema, settings
from mapper.resolve import Resolution


def has_geometry(frame: gpd.GeoDataFrame) -> pd.Series:
    """Row by row, whether ``frame`` has a (non-empty) geometry: located incidents."""
    return ~(frame.geometry.isna() | frame.geometry.is_empty)


def incidents_frame(
    rows: Sequence[Mapping[str, Any]], resolutions: Mapping[str, Resolution]
) -> gpd.GeoDataFrame:
    """Join incident rows to their places.

    Parameters
    ----------
    rows
        Typed incident rows (see :func:`mapper.cases.parse_incidents`).
    resolutions
        ``place_name`` -> :class:`~mapper.resolve.Resolution`.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`mapper.schema.FIELD_NAMES` plus ``geometry`` (EPSG:4326).
        A row with its own latitude/longitude keeps them; a row whose place did
        not resolve keeps an empty geometry, so nothing is silently dropped.
    """
    records = []
    given: list[int] = []  # rows placed by their own coordinates: made points in one go
    for row in rows:
        rec = {name: row.get(name) for name in schema.FIELD_NAMES}
        rec["acled_event_type"], rec["acled_sub_event_type"] = schema.acled_types(
            rec["event_type"], rec["sub_event_type"] or ""
        )
        rec["time_precision"] = rec["time_precision"] or 1
        res = resolutions.get(rec["place_name"])
        place = res.place if res else None
        geometry = None
        if rec["latitude"] is not None:
            given.append(len(records))
            rec["place_id"] = place.place_id if place else ""
            rec["place_source"] = "coordinates given in the input table"
            rec["precision_m"] = rec["precision_m"] or (place.precision_m if place else None)
        elif place is not None:
            geometry = place.point
            rec["latitude"], rec["longitude"] = round(place.lat, 6), round(place.lon, 6)
            rec["place_id"] = place.place_id
            rec["place_source"] = place.source
            rec["precision_m"] = rec["precision_m"] or place.precision_m
            rec["geo_precision"] = rec["geo_precision"] or place.geo_precision
        else:
            rec["place_id"] = ""
            rec["place_source"] = "unresolved: no sourced coordinates for this name"
        if place is not None:
            rec["country"] = place.country
        if rec["geo_precision"] is None and rec["precision_m"] is not None:
            rec["geo_precision"] = schema.geo_precision_for(rec["precision_m"])
        rec["geometry"] = geometry
        records.append(rec)
    if given:
        points = shapely.points([(records[i]["longitude"], records[i]["latitude"]) for i in given])
        for i, point in zip(given, points, strict=True):
            records[i]["geometry"] = point
    frame = gpd.GeoDataFrame(
        records, columns=[*schema.FIELD_NAMES, "geometry"], geometry="geometry", crs=settings.crs
    )
    for name in schema.FIELD_NAMES:
        kind = schema.FIELD_BY_NAME[name].kind
        if kind == "int":
            frame[name] = frame[name].astype("Int64")
        elif kind == "float":
            frame[name] = frame[name].astype("Float64")
        else:
            frame[name] = frame[name].fillna("").astype(str)
    return frame
