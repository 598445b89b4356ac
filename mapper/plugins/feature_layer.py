"""Features with popups and tooltips as one Leaflet GeoJSON layer.

One folium element per marker (plus one per popup and per tooltip) makes a page
slow to build; this element ships all features as one JSON document and builds
them in the browser. Points are drawn as circle markers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mapper.plugins.raw_element import RawMacroElement, js_value


def feature(
    geometry: Mapping[str, Any], *, popup: str = "", tooltip: str = "",
    style: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A GeoJSON feature for :class:`FeatureLayer`.

    Parameters
    ----------
    geometry
        GeoJSON geometry (``shapely_geom.__geo_interface__``), lon/lat.
    popup, tooltip
        HTML shown on click / hover. Inserted as markup: escape untrusted parts
        with :func:`mapper.safe.escape` first.
    style
        Leaflet path options (``color``, ``weight``, ``fillColor``,
        ``fillOpacity``, ``dashArray``, ``className``; ``radius`` in pixels for points).
    """
    properties = {"popup": popup, "tooltip": tooltip, "style": dict(style or {})}
    return {"type": "Feature", "geometry": dict(geometry), "properties": properties}


class FeatureLayer(RawMacroElement):
    """Features added to the parent layer (usually a ``folium.FeatureGroup``).

    For the few features of routes, areas and places; incidents, which may be
    many, are drawn by :class:`~mapper.plugins.IncidentLayer`.

    Parameters
    ----------
    features
        Features made with :func:`feature`.
    popup_max_width
        Maximum popup width in pixels.
    """

    def __init__(self, features: Iterable[dict[str, Any]], popup_max_width: int = 360) -> None:
        super().__init__()
        self._name = "FeatureLayer"
        self.popup_max_width = int(popup_max_width)
        self.data = {"type": "FeatureCollection", "features": list(features)}

    def script(self) -> str:
        name = self.get_name()
        return (
            f"var {name} = L.geoJSON({js_value(self.data)}, {{\n"
            "  pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.style); },\n"
            "  style: function (f) { return f.properties.style; },\n"
            "  onEachFeature: function (f, layer) {\n"
            "    var p = f.properties;\n"
            f"    if (p.popup) {{ layer.bindPopup(p.popup, {{maxWidth: {self.popup_max_width}}}); }}\n"
            "    if (p.tooltip) { layer.bindTooltip(p.tooltip, {sticky: true}); }\n"
            "  }\n"
            f"}});\n{name}.addTo({self._parent.get_name()});\n"
        )
