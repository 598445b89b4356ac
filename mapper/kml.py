"""The layers as one KML document for Google Earth, styled like the map.

GDAL's KML drivers write plain placemarks; Google Earth users expect the map's
layers. So the document is built here with ElementTree:

- one ``Folder`` per map layer (:data:`mapper.layers.INCIDENT_LAYERS`), its
  placemarks drawn in the layer's colour; an incident on two layers is in both
  folders, as on the map (an empty layer has no folder). Incidents that could not be placed go into a folder
  of their own, without geometry, so nothing is lost;
- the march routes as lines, the areas as polygons, the referenced places;
- ``TimeStamp`` from ``event_date`` (``TimeSpan`` for routes), so Google Earth's
  time slider filters incidents by day;
- every field of :mod:`mapper.schema` in typed ``ExtendedData`` (one
  ``Schema`` per layer), which GDAL and QGIS read back as columns;
- the balloon (the placemark's ``description``): the map's popup table
  (:func:`mapper.incident_table.popup_html`). The schema's own ``description``
  field is in ExtendedData; GDAL, which reads the placemark's description into
  a field of that name, calls it ``description2``. Likewise a place's ``name``
  is the placemark's name, which GDAL calls ``Name``.

Google Earth renders a description as HTML, so every value in it is
HTML-escaped before ElementTree escapes the XML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

from mapper import schema
from mapper.incident_table import incident_table, popup_html
from mapper.incidents import has_geometry
from mapper.layers import AREA_STYLE, INCIDENT_LAYERS, PLACES_STYLE, ROUTE_STYLE, split_layers
from mapper.safe import escape

NAMESPACE = "http://www.opengis.net/kml/2.2"
#: Google Earth's own icon set (built in; no download needed to show it).
ICON = "https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
UNLOCATED_FOLDER = "Not located (no coordinates)"
_KML_TYPES = {"str": "string", "int": "int", "float": "double", "date": "string"}
DECIMALS = 6


def kml_colour(css: str, opacity: float = 1.0) -> str:
    """A CSS ``#rrggbb`` colour as KML's ``aabbggrr``."""
    rgb = css.lstrip("#")
    if len(rgb) == 3:
        rgb = "".join(c * 2 for c in rgb)
    return f"{round(opacity * 255):02x}{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}".lower()


def _sub(parent: ET.Element, tag: str, text: object = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = str(text)
    return element


def _style(document: ET.Element, style_id: str, colour: str, *, line_width: float = 2.0,
           fill_opacity: float = 0.25) -> None:
    style = _sub(document, "Style", id=style_id)
    icon_style = _sub(style, "IconStyle")
    _sub(icon_style, "color", kml_colour(colour))
    _sub(icon_style, "scale", "0.9")
    _sub(_sub(icon_style, "Icon"), "href", ICON)
    _sub(_sub(style, "LabelStyle"), "scale", "0")  # names in the list, not over the map
    line_style = _sub(style, "LineStyle")
    _sub(line_style, "color", kml_colour(colour))
    _sub(line_style, "width", line_width)
    _sub(_sub(style, "PolyStyle"), "color", kml_colour(colour, fill_opacity))
    # Only the (escaped) description: Google Earth's default balloon would also
    # render the ExtendedData values, unescaped, as HTML.
    _sub(_sub(style, "BalloonStyle"), "text", "$[description]")


def _schema(document: ET.Element, layer: str) -> None:
    element = _sub(document, "Schema", name=layer, id=layer)
    for field in schema.LAYER_FIELDS[layer]:
        simple = _sub(element, "SimpleField", type=_KML_TYPES[field.kind], name=field.name)
        _sub(simple, "displayName", field.label)


def _coordinates(coords: Iterable[Sequence[float]]) -> str:
    def number(value: float) -> str:
        return np.format_float_positional(round(value, DECIMALS), trim="-")

    return " ".join(f"{number(x)},{number(y)}" for x, y, *_ in coords)


def _geometry(parent: ET.Element, geom: BaseGeometry | None) -> None:
    if geom is None or geom.is_empty:
        return
    kind = geom.geom_type
    if kind == "Point":
        _sub(_sub(parent, "Point"), "coordinates", _coordinates([(geom.x, geom.y)]))
    elif kind == "LineString":
        line = _sub(parent, "LineString")
        _sub(line, "tessellate", "1")
        _sub(line, "coordinates", _coordinates(geom.coords))
    elif kind == "Polygon":
        polygon = _sub(parent, "Polygon")
        _sub(polygon, "tessellate", "1")
        ring = _sub(_sub(polygon, "outerBoundaryIs"), "LinearRing")
        _sub(ring, "coordinates", _coordinates(geom.exterior.coords))
        for hole in geom.interiors:
            inner = _sub(_sub(polygon, "innerBoundaryIs"), "LinearRing")
            _sub(inner, "coordinates", _coordinates(hole.coords))
    else:  # Multi* and collections
        multi = _sub(parent, "MultiGeometry")
        for part in geom.geoms:
            _geometry(multi, part)


def _values(frame: pd.DataFrame, layer: str) -> list[list[str | None]]:
    """Per row, each schema field's value as KML text (None = missing, left out)."""
    columns = []
    for field in schema.LAYER_FIELDS[layer]:
        column = frame[field.name].astype(object)
        texts = [None if v is None or (not isinstance(v, str) and pd.isna(v)) or v == ""
                 else str(v) for v in column]
        columns.append(texts)
    return [list(row) for row in zip(*columns, strict=True)] if columns else [[]] * len(frame)


def _placemark(folder: ET.Element, layer: str, name: str, style: str, values: list[str | None],
               geom: BaseGeometry | None, description: str, *,
               when: str | None = None, span: tuple[str | None, str | None] | None = None) -> None:
    placemark = _sub(folder, "Placemark")
    _sub(placemark, "name", name)
    _sub(placemark, "description", description)
    if when:
        _sub(_sub(placemark, "TimeStamp"), "when", when)
    elif span and any(span):
        time_span = _sub(placemark, "TimeSpan")
        for tag, value in zip(("begin", "end"), span, strict=True):
            if value:
                _sub(time_span, tag, value)
    _sub(placemark, "styleUrl", f"#{style}")
    data = _sub(_sub(placemark, "ExtendedData"), "SchemaData", schemaUrl=f"#{layer}")
    for field, value in zip(schema.LAYER_FIELDS[layer], values, strict=True):
        if value is not None:
            _sub(data, "SimpleData", value, name=field.name)
    _geometry(placemark, geom)


def _table_html(fields: tuple[schema.Field, ...], values: list[str | None], heading: str) -> str:
    rows = "".join(f"<tr><th>{escape(f.label)}</th><td>{escape(v)}</td></tr>"
                   for f, v in zip(fields, values, strict=True) if v is not None)
    return f"<b>{escape(heading)}</b><table>{rows}</table>"


def _incident_folders(document: ET.Element, incidents: gpd.GeoDataFrame) -> None:
    located_mask = has_geometry(incidents).to_numpy()
    values = _values(incidents, "incidents")
    table = incident_table(incidents)
    positions = np.arange(len(incidents))
    geometries = incidents.geometry.to_numpy()
    names = [f"{t}: {p}" if p else str(t) for t, p in
             zip(incidents["event_type"].fillna(""), incidents["place_name"].fillna(""), strict=True)]
    dates = incidents["event_date"].fillna("").astype(str).tolist()
    located_rows = positions[located_mask]
    for spec, rows in split_layers(incidents.iloc[located_rows]):
        if not len(rows):
            continue
        folder = _sub(document, "Folder")
        _sub(folder, "name", spec.title)
        for i in located_rows[rows]:
            _placemark(folder, "incidents", names[i], f"incident-{spec.key}", values[i],
                       geometries[i], popup_html(table, i), when=dates[i] or None)
    unlocated = positions[~located_mask]
    if len(unlocated):
        folder = _sub(document, "Folder")
        _sub(folder, "name", UNLOCATED_FOLDER)
        for i in unlocated:
            _placemark(folder, "incidents", names[i], "places", values[i], None,
                       popup_html(table, i), when=dates[i] or None)


def kml_document(layers: dict[str, gpd.GeoDataFrame], title: str = "incident-mapper") -> bytes:
    """``layers`` (``incidents``, ``places``, ``route``, ``areas``, EPSG:4326) as KML 2.2 bytes."""
    for name, frame in layers.items():
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            raise ValueError(f"KML needs EPSG:4326; layer {name} is {frame.crs}")
    root = ET.Element("kml", xmlns=NAMESPACE)
    document = _sub(root, "Document")
    _sub(document, "name", title)
    _sub(document, "open", "1")
    for layer in schema.LAYER_FIELDS:
        _schema(document, layer)
    for spec in INCIDENT_LAYERS:
        _style(document, f"incident-{spec.key}", spec.colour)
    _style(document, "route", ROUTE_STYLE["colour"], line_width=4)
    _style(document, "areas", AREA_STYLE["colour"])
    _style(document, "places", PLACES_STYLE["colour"])

    if "incidents" in layers:
        _incident_folders(document, layers["incidents"])
    for layer, style, key in (("route", ROUTE_STYLE, "route"), ("areas", AREA_STYLE, "name"),
                              ("places", PLACES_STYLE, "name")):
        frame = layers.get(layer)
        if frame is None or not len(frame):
            continue
        folder = _sub(document, "Folder")
        _sub(folder, "name", str(style["title"]))
        if layer == "places":  # context, hidden at first as on the map
            _sub(folder, "visibility", "0")
        fields = schema.LAYER_FIELDS[layer]
        for values, geom, label in zip(_values(frame, layer), frame.geometry.to_numpy(),
                                       frame[key].astype(str), strict=True):
            span = None
            if layer == "route":
                record = dict(zip((f.name for f in fields), values, strict=True))
                span = (record["start_date"], record["end_date"])
            _placemark(folder, layer, label, layer, values, geom,
                       _table_html(fields, values, label), span=span)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

