"""Many features with popups and tooltips as one Leaflet GeoJSON layer.

One folium element per marker (plus one per popup and per tooltip) makes a page
slow to build; this element ships all features as one JSON document and builds
them in the browser. Points are drawn as circle markers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mapper.plugins.raw_element import RawMacroElement, js_value
from mapper.safe import hex_colour


def feature(
    geometry: Mapping[str, Any], *, popup: str = "", tooltip: str = "",
    style: Mapping[str, Any] | None = None, date: str = "", radius_m: float | None = None,
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
    date
        ISO date (YYYY-MM-DD) of what the feature shows, for a
        :class:`~mapper.plugins.TimeSlider`; features without one are always shown.
    radius_m
        Draw a point as a circle of this radius in metres instead of a marker.
    """
    properties: dict[str, Any] = {"popup": popup, "tooltip": tooltip, "style": dict(style or {})}
    if date:
        properties["date"] = date
    if radius_m is not None:
        properties["radius_m"] = float(radius_m)
    return {"type": "Feature", "geometry": dict(geometry), "properties": properties}


class FeatureLayer(RawMacroElement):
    """Features added to the parent layer (usually a ``folium.FeatureGroup``).

    Parameters
    ----------
    features
        Features made with :func:`feature`.
    popup_max_width
        Maximum popup width in pixels.
    cluster
        Gather points into clusters (Leaflet.markercluster) that split as the
        map zooms in; for many points. Popups stay on every point.
    colour
        Colour of the cluster icons (a CSS hex colour), the layer's colour.
    """

    def __init__(self, features: Iterable[dict[str, Any]], popup_max_width: int = 360, *,
                 cluster: bool = False, colour: str = "#555555") -> None:
        super().__init__()
        self._name = "FeatureLayer"
        self.popup_max_width = int(popup_max_width)
        self.data = {"type": "FeatureCollection", "features": list(features)}
        self.cluster = cluster
        self.colour = hex_colour(colour)
        if cluster:
            # folium.plugins costs ~90 ms to import: only for maps that cluster.
            from folium.plugins import MarkerCluster

            self.default_js = list(MarkerCluster.default_js)
            self.default_css = list(MarkerCluster.default_css)

    def script(self) -> str:
        dated = any("date" in f["properties"] for f in self.data["features"])
        name, parent = self.get_name(), self._parent.get_name()
        if self.cluster:
            geo = f"{name}_features"
            icon = ("function (c) { return L.divIcon({className: 'mapper-cluster', "
                    "iconSize: [34, 34], html: '<div style=\"width:34px;height:34px;"
                    "line-height:34px;border-radius:50%;text-align:center;color:#fff;"
                    "font:bold 12px system-ui,sans-serif;border:2px solid #fff;"
                    f"box-shadow:0 0 3px #000;background:{self.colour}\">' + c.getChildCount() "
                    "+ '</div>'}); }")
            add = (f"var {name} = L.markerClusterGroup({{chunkedLoading: true, "
                   f"iconCreateFunction: {icon}}});\n"
                   f"{name}.addLayers({geo}.getLayers());\n{name}.addTo({parent});\n")
        else:
            geo = name
            add = f"{name}.addTo({parent});\n"
        return (
            f"var {geo} = L.geoJSON({js_value(self.data)}, {{\n"
            "  pointToLayer: function (f, latlng) {\n"
            "    var s = f.properties.style;\n"
            "    if (f.properties.radius_m) { return L.circle(latlng, Object.assign({}, s, {radius: f.properties.radius_m})); }\n"
            "    return L.circleMarker(latlng, s);\n"
            "  },\n"
            "  style: function (f) { return f.properties.style; },\n"
            "  onEachFeature: function (f, layer) {\n"
            "    var p = f.properties;\n"
            f"    if (p.popup) {{ layer.bindPopup(p.popup, {{maxWidth: {self.popup_max_width}}}); }}\n"
            "    if (p.tooltip) { layer.bindTooltip(p.tooltip, {sticky: true}); }\n"
            "  }\n"
            "});\n"
        ) + add + (
            # Layers with dated features register for the time slider.
            f"(window.mapperDatedLayers = window.mapperDatedLayers || []).push({name});\n"
            if dated else ""
        )
