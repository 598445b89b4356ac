"""Incidents -> the thematic map layers (which incident goes on which layer).

One table, :data:`INCIDENT_LAYERS`, decides the layers, their colours and
their legend labels; the map and its legend are both drawn from it. An
incident may sit on several layers (a clash with casualties is on both
"Clash sites" and "Casualties").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

Record = Mapping[str, Any]


@dataclass(frozen=True)
class LayerSpec:
    """A thematic layer of incidents."""

    key: str
    title: str
    colour: str
    select: Callable[[Record], bool]
    show: bool = True


def count(value: Any) -> int:
    """A casualty count as an int (0 when not reported)."""
    return 0 if value is None or pd.isna(value) else int(value)


def _types(*names: str) -> Callable[[Record], bool]:
    return lambda record: record["event_type"] in names


def _casualties(record: Record) -> bool:
    return count(record["killed"]) > 0 or count(record["injured"]) > 0


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


def split_layers(records: Iterable[Record]) -> list[tuple[LayerSpec, list[Record]]]:
    """Each incident layer with the located incident records on it (empty layers included).

    ``records`` are rows of the incidents frame (``frame.to_dict("records")``).
    """
    located = [r for r in records if r["geometry"] is not None and not r["geometry"].is_empty]
    return [(spec, [r for r in located if spec.select(r)]) for spec in INCIDENT_LAYERS]
