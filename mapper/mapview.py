"""Layers -> a folium map with toggleable layers, legend, title and popups.

Everything that comes from input (names, descriptions, actors, sources) is
escaped with :func:`mapper.safe.escape` before it is put in the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import folium

from mapper import settings
from mapper.incident_table import incident_table, uncertainty_rows
from mapper.incidents import has_geometry
from mapper.layers import (
    AREA_STYLE,
    INCIDENT_LAYERS,
    PLACES_STYLE,
    ROUTE_STYLE,
    UNCERTAINTY_STYLE,
    split_layers,
)
from mapper.pipeline import MappedCase
from mapper.plugins import (
    DirectionArrows,
    FeatureLayer,
    IncidentData,
    IncidentLayer,
    Legend,
    MapTitle,
    TimeSlider,
    UnresolvedPanel,
    feature,
)
from mapper.safe import escape

POPUP_MAX_WIDTH = 360
#: folium's names of the Leaflet script and style, the only default assets kept.
LEAFLET_ASSETS = ("leaflet", "leaflet_css")
HEAT_TITLE = "Heat map of incidents (weighted by casualties)"


def place_popup_html(row: Mapping[str, Any]) -> str:
    """Popup HTML of a referenced place: what matched, how precise, from which source."""
    precision = f"{float(row['precision_m']):,.0f}"
    return (
        f"<b>{escape(row['name'])}</b> ({escape(row['kind'])})<br>"
        f"Named in input as: {escape(row['queries'])}<br>"
        f"Precision: {escape(precision)} m<br>"
        f"<small>Source: {escape(row['source'])}"
        + (f"<br>Licence: {escape(row['licence'])}" if row.get("licence") else "")
        + "</small>"
    )


def area_popup_html(row: Mapping[str, Any]) -> str:
    """Popup HTML of a zone or area: what it is, how its boundary was drawn, its source."""
    return (
        f"<b>{escape(row['name'])}</b><br>{escape(row['kind'])}<br>"
        f"<small>Boundary: {escape(row['method'] or 'from the source')}<br>"
        f"Source: {escape(row['source'])}</small>"
    )


def route_popup_html(row: Mapping[str, Any]) -> str:
    """Popup HTML of a march route: waypoints in order, dates, length, how it was drawn."""
    return (
        f"<b>{escape(row['route'])}</b><br>{escape(row['waypoints'])}<br>"
        f"{escape(row['start_date'])} – {escape(row['end_date'])}, "
        f"{escape(row['length_km'])} km<br><small>{escape(row['method'])}</small>"
    )


def _point(geometry) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(geometry.x, 6), round(geometry.y, 6)]}


def make_map(mapped: MappedCase) -> folium.Map:
    """The case as a layered folium map.

    Parameters
    ----------
    mapped
        Output of :func:`mapper.pipeline.map_case`.

    Returns
    -------
    folium.Map
        Overlay layers: one per :data:`mapper.layers.INCIDENT_LAYERS` entry,
        the march route, zones and areas, and the referenced places; a legend,
        a title with the date range, and a layer switcher. The view fits the data.
    """
    fmap = folium.Map(tiles=None, control_scale=True)
    # Everything here is drawn with plain Leaflet; folium's other defaults (jQuery,
    # Bootstrap, Font Awesome, awesome-markers) would only be downloads to wait for
    # and, in a self-contained map, megabytes of fonts.
    fmap.default_js = [(n, url) for n, url in fmap.default_js if n in LEAFLET_ASSETS]
    fmap.default_css = [(n, url) for n, url in fmap.default_css if n in LEAFLET_ASSETS]
    folium.TileLayer(settings.tiles, attr=settings.tiles_attribution, name="Base map",
                     control=False).add_to(fmap)

    area_style = {"color": AREA_STYLE["colour"], "weight": 2, "fillOpacity": 0.15,
                  "dashArray": "6 4"}
    area_group = folium.FeatureGroup(name=f"{AREA_STYLE['title']} ({len(mapped.areas)})")
    FeatureLayer(
        (feature(row["geometry"].__geo_interface__, popup=area_popup_html(row),
                 tooltip=escape(row["name"]), style=area_style)
         for row in mapped.areas.to_dict("records")),
        POPUP_MAX_WIDTH,
    ).add_to(area_group)
    area_group.add_to(fmap)

    route_group = folium.FeatureGroup(name=ROUTE_STYLE["title"])
    route_style = {"color": ROUTE_STYLE["colour"], "weight": 4, "opacity": 0.8}
    end_style = {"radius": 7, "color": "#000000", "weight": 2, "fillColor": "#ffffff",
                 "fillOpacity": 1.0}
    features = []
    for row in mapped.route.to_dict("records"):
        line = row["geometry"]
        features.append(feature(line.__geo_interface__, popup=route_popup_html(row),
                                tooltip=escape(row["route"]), style=route_style))
        for label, name, (x, y) in (("Start", row["start_place"], line.coords[0]),
                                    ("End", row["end_place"], line.coords[-1])):
            features.append(feature({"type": "Point", "coordinates": [x, y]},
                                    tooltip=escape(f"{label}: {name}"), style=end_style))
        DirectionArrows(list(line.coords), colour=ROUTE_STYLE["colour"]).add_to(route_group)
    FeatureLayer(features, POPUP_MAX_WIDTH).add_to(route_group)
    route_group.add_to(fmap)

    incidents = mapped.incidents
    located = incidents[has_geometry(incidents)]
    many = len(located) > settings.cluster_threshold
    data = IncidentData(incident_table(located))
    data.add_to(fmap)
    # Thousands of overlapping circles would hide the map: off at first when there are many.
    uncertainty_group = folium.FeatureGroup(name=UNCERTAINTY_STYLE["title"], show=not many)
    IncidentLayer(data, "circles", uncertainty_rows(located), {
        "style": {"color": UNCERTAINTY_STYLE["colour"], "weight": 1, "dashArray": "4 4",
                  "fillColor": UNCERTAINTY_STYLE["colour"], "fillOpacity": 0.06,
                  "interactive": False, "className": "mapper-uncertainty"},
        "canvas": many,
    }).add_to(uncertainty_group)
    uncertainty_group.add_to(fmap)

    for spec, rows in split_layers(located):
        group = folium.FeatureGroup(name=f"{spec.title} ({len(rows)})", show=spec.show)
        IncidentLayer(data, "points", rows, {
            "style": {"radius": 8, "color": "#222222", "weight": 1, "fillColor": spec.colour,
                      "fillOpacity": 0.8, "className": f"mapper-layer-{spec.key}"},
            "casualtyRadius": spec.key == "casualties", "popupMaxWidth": POPUP_MAX_WIDTH,
            "cluster": many, "colour": spec.colour,
        }).add_to(group)
        group.add_to(fmap)
    if many:
        heat_group = folium.FeatureGroup(name=HEAT_TITLE, show=False)
        IncidentLayer(data, "heat", range(len(located)), {"radius": 18, "blur": 20}
                      ).add_to(heat_group)
        heat_group.add_to(fmap)

    places_group = folium.FeatureGroup(name=PLACES_STYLE["title"], show=False)
    place_style = {"radius": 4, "color": PLACES_STYLE["colour"], "weight": 1,
                   "fillColor": PLACES_STYLE["colour"], "fillOpacity": 0.6}
    FeatureLayer(
        (feature(_point(row["geometry"]), popup=place_popup_html(row),
                 tooltip=escape(row["name"]), style=place_style)
         for row in mapped.places.to_dict("records")),
        POPUP_MAX_WIDTH,
    ).add_to(places_group)
    places_group.add_to(fmap)

    folium.LayerControl(collapsed=False).add_to(fmap)
    legend = [(spec.title, spec.colour, "circle") for spec in INCIDENT_LAYERS]
    legend += [(ROUTE_STYLE["title"], ROUTE_STYLE["colour"], "line"),
               (AREA_STYLE["title"], AREA_STYLE["colour"], "area"),
               (PLACES_STYLE["title"], PLACES_STYLE["colour"], "circle"),
               (UNCERTAINTY_STYLE["title"], UNCERTAINTY_STYLE["colour"], "area")]
    Legend(legend).add_to(fmap)
    TimeSlider(incidents["event_date"].unique()).add_to(fmap)
    UnresolvedPanel(mapped.unlocated).add_to(fmap)
    start, end = mapped.date_range
    dates = f"{start} to {end}" if start and start != end else start
    MapTitle(mapped.case.title, dates, mapped.attribution).add_to(fmap)

    bounds = mapped.bounds
    if bounds is not None:
        minx, miny, maxx, maxy = bounds
        fmap.fit_bounds([(miny, minx), (maxy, maxx)], padding=(20, 20))
    return fmap
