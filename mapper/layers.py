"""Incidents -> the thematic map layers (which incident goes on which layer).

One table, :data:`INCIDENT_LAYERS`, decides the layers, their colours and
their legend labels; the map and its legend are both drawn from it. An
incident may sit on several layers (a clash with casualties is on both
"Clash sites" and "Casualties").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class LayerSpec:
    """A thematic layer of incidents.

    ``select`` takes incident rows (a DataFrame with the :mod:`mapper.schema`
    columns) and says, row by row, whether each is on the layer.
    """

    key: str
    title: str
    colour: str
    select: Callable[[pd.DataFrame], pd.Series[bool]]
    show: bool = True


def counts(column: pd.Series) -> pd.Series:
    """Casualty counts as ints (0 when not reported)."""
    return pd.to_numeric(column, errors="coerce").fillna(0).astype(int)


def _types(*names: str) -> Callable[[pd.DataFrame], pd.Series[bool]]:
    return lambda rows: rows["event_type"].isin(names)


def _casualties(rows: pd.DataFrame) -> pd.Series[bool]:
    return (counts(rows["killed"]) > 0) | (counts(rows["injured"]) > 0)


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
UNCERTAINTY_STYLE = {"title": "Location uncertainty (precision radius)", "colour": "#525252"}


def split_layers(located: pd.DataFrame) -> list[tuple[LayerSpec, np.ndarray]]:
    """Each incident layer with the positions (``iloc``) of the rows on it, empty layers included.

    ``located`` holds incidents that have a geometry.
    """
    return [(spec, np.flatnonzero(spec.select(located).to_numpy(dtype=bool)))
            for spec in INCIDENT_LAYERS]
