"""Layers -> a folium map with toggleable layers, legend, title and popups.

Everything that comes from input (names, descriptions, actors, sources) is
escaped with :func:`mapper.safe.escape` before it is put in the page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import folium
import pandas as pd

from mapper import schema, settings
from mapper.layers import AREA_STYLE, PLACES_STYLE, ROUTE_STYLE, split_layers
from mapper.pipeline import MappedCase
from mapper.plugins import DirectionArrows, Legend, MapTitle
from mapper.safe import escape, safe_url

POPUP_MAX_WIDTH = 360


def incident_popup_html(row: Mapping[str, Any]) -> str:
    """Popup HTML of one incident: every schema field with a value, labelled."""
    cells = []
    for f in schema.FIELDS:
        if not f.in_popup:
            continue
        value = row.get(f.name)
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
            continue
        if f.name == "source_url":
            url = safe_url(value)
            shown = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{escape(value)}</a>' \
                if url else escape(value)
        elif f.name in ("time_precision",):
            shown = escape(schema.TIME_PRECISION.get(int(value), value))
        elif f.name == "geo_precision":
            shown = escape(f"{int(value)} ({schema.GEO_PRECISION[int(value)][0]})")
        elif f.name == "precision_m":
            shown = escape(f"{float(value):,.0f}")
        elif f.name in ("killed", "injured"):
            qualifier = row.get(f"{f.name}_qualifier") or ""
            shown = escape(f"{qualifier} {int(value)}".strip())
        elif f.name.endswith("_qualifier"):
            continue
        else:
            shown = escape(value)
        cells.append(
            f'<tr><th style="text-align:left;vertical-align:top;padding-right:6px">'
            f"{escape(f.label)}</th><td>{shown}</td></tr>"
        )
    heading = escape(f"{row.get('event_type', '')}: {row.get('sub_event_type') or ''}".rstrip(": "))
    return (
        f'<div class="mapper-popup"><b>{heading}</b>'
        f'<table style="font-size:12px">{"".join(cells)}</table></div>'
    )


def _tooltip(row: Mapping[str, Any]) -> str:
    return escape(f"{row.get('event_date', '')} · {row.get('place_name', '')} · {row.get('event_type', '')}")


def _casualty_radius(row: Mapping[str, Any]) -> float:
    killed = row.get("killed")
    injured = row.get("injured")
    weight = (0 if pd.isna(killed) else 10 * int(killed)) + (0 if pd.isna(injured) else int(injured))
    return 6 + 2.5 * math.sqrt(weight)


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
    fmap = folium.Map(tiles=None, control_scale=True, prefer_canvas=False)
    folium.TileLayer(settings.tiles, attr=settings.tiles_attribution, name="Base map",
                     control=False).add_to(fmap)

    areas = mapped.areas
    area_group = folium.FeatureGroup(name=AREA_STYLE["title"], show=True)
    for _, row in areas.iterrows():
        popup = (
            f"<b>{escape(row['name'])}</b><br>{escape(row['kind'])}<br>"
            f"<small>Boundary: {escape(row['method'] or 'from the source')}<br>"
            f"Source: {escape(row['source'])}</small>"
        )
        folium.GeoJson(
            row.geometry.__geo_interface__,
            style_function=lambda _f: {"color": AREA_STYLE["colour"], "weight": 2,
                                       "fillOpacity": 0.15, "dashArray": "6 4"},
            popup=folium.Popup(popup, max_width=POPUP_MAX_WIDTH),
            tooltip=folium.Tooltip(escape(row["name"])),
        ).add_to(area_group)
    area_group.add_to(fmap)

    route_group = folium.FeatureGroup(name=ROUTE_STYLE["title"], show=True)
    for _, row in mapped.route.iterrows():
        coords = list(row.geometry.coords)
        popup = (
            f"<b>{escape(row['route'])}</b><br>{escape(row['waypoints'])}<br>"
            f"{escape(row['start_date'])} – {escape(row['end_date'])}, "
            f"{escape(row['length_km'])} km<br><small>{escape(row['method'])}</small>"
        )
        folium.PolyLine(
            [(y, x) for x, y in coords], color=ROUTE_STYLE["colour"], weight=4, opacity=0.8,
            popup=folium.Popup(popup, max_width=POPUP_MAX_WIDTH),
            tooltip=folium.Tooltip(escape(row["route"])),
        ).add_to(route_group)
        DirectionArrows(coords, colour=ROUTE_STYLE["colour"]).add_to(route_group)
        for label, (x, y) in (("Start", coords[0]), ("End", coords[-1])):
            folium.CircleMarker(
                (y, x), radius=7, color="#000", fill=True, fill_color="#fff", fill_opacity=1,
                tooltip=folium.Tooltip(escape(f"{label}: {row['start' if label == 'Start' else 'end']}")),
            ).add_to(route_group)
    route_group.add_to(fmap)

    for spec, frame in split_layers(mapped.incidents):
        group = folium.FeatureGroup(name=f"{spec.title} ({len(frame)})", show=spec.show)
        for _, row in frame.iterrows():
            record = row.to_dict()
            radius = _casualty_radius(record) if spec.key == "casualties" else 8
            folium.CircleMarker(
                (row.geometry.y, row.geometry.x), radius=radius, color="#222", weight=1,
                fill=True, fill_color=spec.colour, fill_opacity=0.8,
                popup=folium.Popup(incident_popup_html(record), max_width=POPUP_MAX_WIDTH),
                tooltip=folium.Tooltip(_tooltip(record)),
            ).add_to(group)
        group.add_to(fmap)

    places_group = folium.FeatureGroup(name=PLACES_STYLE["title"], show=False)
    for _, row in mapped.places.iterrows():
        popup = (
            f"<b>{escape(row['name'])}</b> ({escape(row['kind'])})<br>"
            f"Named in input as: {escape(row['queries'])}<br>"
            f"Precision: {escape(f'{row.precision_m:,.0f}')} m<br>"
            f"<small>Source: {escape(row['source'])}</small>"
        )
        folium.CircleMarker(
            (row.geometry.y, row.geometry.x), radius=4, color=PLACES_STYLE["colour"],
            fill=True, fill_opacity=0.6, popup=folium.Popup(popup, max_width=POPUP_MAX_WIDTH),
            tooltip=folium.Tooltip(escape(row["name"])),
        ).add_to(places_group)
    places_group.add_to(fmap)

    folium.LayerControl(collapsed=False).add_to(fmap)
    legend = [(spec.title, spec.colour, "circle") for spec in
              (s for s, _ in split_layers(mapped.incidents))]
    legend += [(ROUTE_STYLE["title"], ROUTE_STYLE["colour"], "line"),
               (AREA_STYLE["title"], AREA_STYLE["colour"], "area"),
               (PLACES_STYLE["title"], PLACES_STYLE["colour"], "circle")]
    Legend(legend).add_to(fmap)
    start, end = mapped.date_range
    dates = f"{start} to {end}" if start and start != end else start
    MapTitle(mapped.case.title, dates, mapped.attribution).add_to(fmap)

    bounds = mapped.bounds
    if bounds is not None:
        minx, miny, maxx, maxy = bounds
        fmap.fit_bounds([(miny, minx), (maxy, maxx)], padding=(20, 20))
    return fmap
