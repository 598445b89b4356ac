"""One layer of incidents drawn from an :class:`~mapper.plugins.IncidentData` table.

Added to a ``folium.FeatureGroup`` (the entry in the layer control). Three
kinds: ``points`` (circle markers with popups and tooltips; clustered with
Supercluster for many), ``circles`` (each incident's precision radius in metres)
and ``heat`` (a heat map weighted by casualties, Leaflet.heat). Every kind takes
part in the :class:`~mapper.plugins.TimeSlider`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import folium

from mapper.plugins.incident_data import IncidentData
from mapper.plugins.raw_element import RawMacroElement, js_value

SUPERCLUSTER_JS = "https://cdn.jsdelivr.net/npm/supercluster@8.0.1/dist/supercluster.min.js"
#: folium's copy of Leaflet.heat (what ``folium.plugins.HeatMap`` loads).
LEAFLET_HEAT_JS = ("https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/"
                   "templates/leaflet_heat.min.js")
KINDS = ("points", "circles", "heat")


class IncidentLayer(RawMacroElement):
    """Rows of an incident table drawn into the parent layer.

    Parameters
    ----------
    data
        The table element (already added to the map).
    kind
        ``"points"``, ``"circles"`` or ``"heat"``.
    rows
        Positions of the incidents in the table.
    options
        For ``points``: ``style`` (Leaflet path options), ``popupMaxWidth``,
        ``casualtyRadius`` (size by casualties), ``cluster`` and ``colour`` (of
        the cluster icons). For ``circles``: ``style``, ``canvas``. For ``heat``:
        Leaflet.heat options (``radius``, ``blur``...).
    """

    def __init__(self, data: IncidentData, kind: str, rows: Iterable[int],
                 options: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        self._name = "IncidentLayer"
        self.data, self.kind = data, kind
        self.rows = [int(r) for r in rows]
        self.options = dict(options or {})
        if kind == "points" and self.options.get("cluster"):
            self.default_js = [("supercluster", SUPERCLUSTER_JS)]
        elif kind == "heat":
            self.default_js = [("leaflet_heat", LEAFLET_HEAT_JS)]

    def _map_name(self) -> str:
        element = self._parent
        while element is not None and not isinstance(element, folium.Map):
            element = element._parent
        if element is None:
            raise TypeError("add an IncidentLayer to a layer of a folium Map")
        return element.get_name()

    def script(self) -> str:
        return (f"var {self.get_name()} = mapperIncidents.{self.kind}({self._map_name()}, "
                f"{self._parent.get_name()}, {self.data.get_name()}, {js_value(self.rows)}, "
                f"{js_value(self.options)});\n")
