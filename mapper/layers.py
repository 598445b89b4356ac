"""Incidents -> the thematic map layers (which incident goes on which layer).

One table, :data:`INCIDENT_LAYERS`, decides the layers, their colours and
their legend labels; the map and its legend are both drawn from it. An
incident may sit on several layers (a clash with casualties is on both
"Clash sites" and "Casualties").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd


@dataclass(frozen=True)
class LayerSpec:
    """A thematic layer of incidents."""

    key: str
    title: str
    colour: str
    select: Callable[[gpd.GeoDataFrame], pd.Series]
    show: bool = True


def _types(*names: str) -> Callable[[gpd.GeoDataFrame], pd.Series]:
    return lambda frame: frame["event_type"].isin(names)


def _casualties(frame: gpd.GeoDataFrame) -> pd.Series:
    return (frame["killed"].fillna(0) > 0) | (frame["injured"].fillna(0) > 0)


INCIDENT_LAYERS: tuple[LayerSpec, ...] = (
    LayerSpec("clashes", "Clash sites", "#d7301f", _types("clash", "violence")),
    LayerSpec("casualties", "Casualties (killed / injured)", "#67000d", _casualties),
    LayerSpec("closures", "Closures and blockades", "#ec7014", _types("closure", "blockade")),
    LayerSpec("deployments", "Security deployments", "#2171b5", _types("deployment")),
    LayerSpec("talks", "Talks, arrests and detention sites", "#6a51a3",
              _types("negotiation", "detention", "arrest")),
    LayerSpec("protests", "Protests and statements", "#238b45", _types("protest", "statement")),
)

ROUTE_STYLE = {"title": "March route", "colour": "#000000"}
AREA_STYLE = {"title": "Zones and areas", "colour": "#e7298a"}
PLACES_STYLE = {"title": "Referenced places", "colour": "#737373"}


def split_layers(incidents: gpd.GeoDataFrame) -> list[tuple[LayerSpec, gpd.GeoDataFrame]]:
    """Each incident layer with the located incidents on it (empty layers included)."""
    located = incidents[~(incidents.geometry.isna() | incidents.geometry.is_empty)]
    return [(spec, located[spec.select(located).astype(bool)]) for spec in INCIDENT_LAYERS]
