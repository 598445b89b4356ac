"""The incident schema: one definition used by the input tables, the exports,
the map popups and the documentation (``docs/schema.md`` is generated from it).

The vocabulary follows the event-data conventions analysts know from ACLED:
an event type and sub-type, two actors, fatalities, a geo-precision and a
time-precision code, a source and notes. mapper's own ``event_type`` is finer
than ACLED's for what protest maps need (closures, blockades, deployments,
talks are separate layers), and every (type, sub-type) pair carries the ACLED
event type and sub-event type it corresponds to, so exports can be compared
with ACLED data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldKind = Literal["str", "int", "float", "date"]


@dataclass(frozen=True)
class Field:
    """One incident attribute."""

    name: str
    kind: FieldKind
    label: str
    description: str
    required: bool = False
    #: Allowed values; empty means free text.
    choices: tuple[str, ...] = ()
    #: False for fields mapper derives (users do not fill them in).
    in_input: bool = True
    #: Shown in map popups.
    in_popup: bool = True


#: mapper event type -> {sub-type -> (ACLED event_type, ACLED sub_event_type)}.
#: An empty ACLED pair means ACLED does not code such events.
EVENT_TYPES: dict[str, dict[str, tuple[str, str]]] = {
    "protest": {
        "march": ("Protests", "Peaceful protest"),
        "rally": ("Protests", "Peaceful protest"),
        "sit-in": ("Protests", "Peaceful protest"),
        "peaceful protest": ("Protests", "Peaceful protest"),
        "protest with intervention": ("Protests", "Protest with intervention"),
    },
    "clash": {
        "clash with security forces": ("Riots", "Violent demonstration"),
        "violent demonstration": ("Riots", "Violent demonstration"),
        "mob violence": ("Riots", "Mob violence"),
        "armed clash": ("Battles", "Armed clash"),
    },
    "violence": {
        "excessive force against protesters": ("Protests", "Excessive force against protesters"),
        "attack on police": ("Riots", "Violent demonstration"),
        "attack on civilians": ("Violence against civilians", "Attack"),
        # Deaths or injuries a report gives without saying who caused them: ACLED would
        # code them on the event that caused them, which the analyst has to decide.
        "casualties": ("", ""),
    },
    "arrest": {
        "arrests": ("Strategic developments", "Arrests"),
        "arrest warning": ("Strategic developments", "Other"),
    },
    "detention": {
        "detention": ("Strategic developments", "Arrests"),
        "detention site": ("", ""),
    },
    "closure": {
        "school closure": ("Strategic developments", "Other"),
        "road closure": ("Strategic developments", "Other"),
        "business closure": ("Strategic developments", "Other"),
        "communications shutdown": ("Strategic developments", "Other"),
    },
    "blockade": {
        "road blockade": ("Strategic developments", "Other"),
        "container blockade": ("Strategic developments", "Other"),
    },
    "deployment": {
        "security deployment": ("Strategic developments", "Other"),
        "curfew": ("Strategic developments", "Other"),
    },
    "negotiation": {
        "talks": ("Strategic developments", "Other"),
        "agreement": ("Strategic developments", "Agreement"),
    },
    "statement": {
        "statement": ("", ""),
        "claim": ("", ""),
        "warning": ("", ""),
    },
}

QUALIFIERS: tuple[str, ...] = ("", "exact", "at least", "more than", "about", "up to", "fewer than")

#: ACLED time_precision: 1 = the day is known, 2 = the week, 3 = the month.
TIME_PRECISION: dict[int, str] = {1: "day", 2: "week", 3: "month"}

#: geo_precision code -> (label, largest precision radius in metres for the code).
GEO_PRECISION: dict[int, tuple[str, float]] = {
    1: ("exact point", 500.0),
    2: ("near (within a few km)", 5_000.0),
    3: ("area or town", 30_000.0),
    4: ("region", float("inf")),
}


def geo_precision_for(precision_m: float) -> int:
    """Geo-precision code for a place whose true position lies within ``precision_m``."""
    for code, (_, limit) in GEO_PRECISION.items():
        if precision_m <= limit:
            return code
    return max(GEO_PRECISION)


def acled_types(event_type: str, sub_event_type: str) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type) of a mapper type pair, ``("", "")`` if none."""
    subs = EVENT_TYPES.get(event_type, {})
    if sub_event_type in subs:
        return subs[sub_event_type]
    # With no sub-type, the type's ACLED event type is used if all its sub-types agree.
    acled = {pair[0] for pair in subs.values()}
    return (acled.pop(), "") if len(acled) == 1 else ("", "")


_SUBTYPES = tuple(sorted({s for subs in EVENT_TYPES.values() for s in subs}))

FIELDS: tuple[Field, ...] = (
    Field("event_id", "str", "Event id", "Unique id within the case; generated when left empty."),
    Field("event_date", "date", "Date", "Day of the event, ISO 8601 (YYYY-MM-DD).", required=True),
    Field(
        "time_precision", "int", "Date precision",
        "ACLED time-precision code: 1 = day known, 2 = week known, 3 = month known.",
        choices=tuple(str(k) for k in TIME_PRECISION),
    ),
    Field(
        "event_type", "str", "Event type",
        "mapper event type (one map layer family per type).",
        required=True, choices=tuple(EVENT_TYPES),
    ),
    Field(
        "sub_event_type", "str", "Sub-type",
        "Finer type; must belong to the event type (see the vocabulary table).",
        choices=_SUBTYPES,
    ),
    Field("acled_event_type", "str", "ACLED event type",
          "ACLED event type this corresponds to (derived; empty if ACLED does not code it).",
          in_input=False, in_popup=False),
    Field("acled_sub_event_type", "str", "ACLED sub-event type",
          "ACLED sub-event type (derived).", in_input=False, in_popup=False),
    Field("actor1", "str", "Actor 1", "Main actor (who did it), e.g. 'PTI supporters'."),
    Field("actor2", "str", "Actor 2", "Other side, e.g. 'Police (Pakistan)'."),
    Field("killed", "int", "Killed", "Number killed, empty if not reported."),
    Field("killed_qualifier", "str", "Killed (qualifier)",
          "How exact the killed count is: at least, more than, about, up to, fewer than, exact.",
          choices=QUALIFIERS),
    Field("injured", "int", "Injured", "Number injured, empty if not reported."),
    Field("injured_qualifier", "str", "Injured (qualifier)",
          "How exact the injured count is (same vocabulary as killed_qualifier).",
          choices=QUALIFIERS),
    Field("victims", "str", "Victims", "Who the killed/injured were, e.g. 'police', 'protesters'."),
    Field("place_name", "str", "Place",
          "Place as named in the source; `unknown` when the source names none.", required=True),
    Field("place_id", "str", "Place id",
          "Id of the gazetteer entry the place resolved to (curated id, geonames:<id>, "
          "or an online service's id such as osm:node/<id>).",
          in_input=False),
    Field("place_source", "str", "Coordinate source",
          "Where the place's coordinates come from.", in_input=False),
    Field("country", "str", "Country", "ISO 3166-1 alpha-2 code of the place.", in_input=False),
    Field("latitude", "float", "Latitude",
          "WGS 84 latitude. Give latitude and longitude to place an event yourself; "
          "otherwise they come from the geocoded place."),
    Field("longitude", "float", "Longitude", "WGS 84 longitude (see latitude)."),
    Field("geo_precision", "int", "Geo-precision",
          "1 = exact point, 2 = near (within a few km), 3 = area or town, 4 = region.",
          choices=tuple(str(k) for k in GEO_PRECISION)),
    Field("precision_m", "float", "Precision (m)",
          "Radius in metres within which the event took place."),
    Field("description", "str", "Description", "What happened, in the analyst's own words."),
    Field("claimed_by", "str", "Claimed by",
          "Who asserts this, when the source reports it as someone's claim rather than fact."),
    Field("source_publisher", "str", "Source", "Publisher or agency of the source report."),
    Field("source_url", "str", "Source URL", "Address of the source report (http/https only)."),
    Field("source_date", "date", "Source date", "Publication date of the source, YYYY-MM-DD."),
    Field("notes", "str", "Notes", "Anything else: caveats, conflicting reports."),
)

FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

#: ``place_name`` values that say the source names no place: never looked up (an
#: online service would find a place called "Unknown" somewhere).
UNKNOWN_PLACE = "unknown"
NO_PLACE_NAMES = frozenset({UNKNOWN_PLACE, "unknown place", "unspecified", "not known", "n/a"})

#: The places layer: one point per place the input names resolved to.
PLACE_FIELDS: tuple[Field, ...] = (
    Field("place_id", "str", "Place id",
          "Gazetteer id: a curated id, geonames:<id>, osm:<type>/<id> (found on "
          "Nominatim or Photon) or arcgis:<lat>,<lon>."),
    Field("name", "str", "Name", "The place's name in the gazetteer or online service."),
    Field("kind", "str", "Kind",
          "What the place is: city, town, province, road, interchange, square, jail, zone..."),
    Field("country", "str", "Country", "ISO 3166-1 alpha-2 code."),
    Field("matched", "str", "Matched name", "The gazetteer name or alias the input matched."),
    Field("match", "str", "Match", "How the name matched: exact or fuzzy (a small typo)."),
    Field("precision_m", "float", "Precision (m)",
          "Radius in metres within which the place lies (lines and areas: by a point on them)."),
    Field("geo_precision", "int", "Geo-precision", "Code as for incidents (1 to 4).",
          choices=tuple(str(k) for k in GEO_PRECISION)),
    Field("source", "str", "Coordinate source", "Where the coordinates come from."),
    Field("origin", "str", "Gazetteer",
          "Which gazetteer or service answered: curated, geonames, regions, nominatim, "
          "photon or arcgis."),
    Field("licence", "str", "Licence",
          "Licence and attribution of the coordinates' source (OpenStreetMap's ODbL for "
          "Nominatim and Photon, CC BY 4.0 for GeoNames); empty for the curated gazetteer, "
          "whose source field says where each coordinate comes from."),
    Field("geocoder_query", "str", "Query sent",
          "The name sent to the online service that found the place; empty offline."),
    Field("geocoded_at", "str", "Geocoded at",
          "When the online service answered (ISO 8601, UTC); empty offline. A cached "
          "answer keeps the time it was first fetched."),
    Field("queries", "str", "Names in the input",
          "The names in the input that resolved to this place, '; '-separated."),
)

#: The route layer: one line per named route, through its resolved waypoints in order.
ROUTE_FIELDS: tuple[Field, ...] = (
    Field("route", "str", "Route", "Name of the route (the route table's `route` column)."),
    Field("start_place", "str", "Start", "First resolved waypoint."),
    Field("end_place", "str", "End", "Last resolved waypoint."),
    Field("waypoints", "str", "Waypoints", "Resolved waypoints in order, ' > '-separated."),
    Field("n_waypoints", "int", "Waypoint count", "Number of resolved waypoints."),
    Field("unresolved_waypoints", "str", "Unresolved waypoints",
          "Waypoints left out of the line because they could not be placed, '; '-separated."),
    Field("start_date", "date", "Start date", "Earliest waypoint date, YYYY-MM-DD (may be empty)."),
    Field("end_date", "date", "End date", "Latest waypoint date, YYYY-MM-DD (may be empty)."),
    Field("length_km", "float", "Length (km)",
          "Geodesic length of the line on the WGS 84 ellipsoid, in km (0.1 km)."),
    Field("method", "str", "Method", "How the line was drawn, and what that means for its shape."),
)

#: The areas layer: zones and regions drawn as polygons.
AREA_FIELDS: tuple[Field, ...] = (
    Field("place_id", "str", "Place id", "Gazetteer id."),
    Field("name", "str", "Name", "The area's name in the gazetteer."),
    Field("kind", "str", "Kind", "zone, province, district..."),
    Field("country", "str", "Country", "ISO 3166-1 alpha-2 code."),
    Field("precision_m", "float", "Precision (m)", "How far the drawn boundary may be off, in metres."),
    Field("source", "str", "Boundary source", "Where the boundary comes from."),
    Field("method", "str", "Method", "How the boundary was made from its source."),
)

#: Every exported layer's fields, in column order, and its geometry type.
LAYER_FIELDS: dict[str, tuple[Field, ...]] = {
    "incidents": FIELDS, "places": PLACE_FIELDS, "route": ROUTE_FIELDS, "areas": AREA_FIELDS,
}
LAYER_GEOMETRY: dict[str, str] = {
    "incidents": "Point (none when the incident could not be placed)",
    "places": "Point",
    "route": "LineString",
    "areas": "Polygon or MultiPolygon",
}

#: The pandas dtype of each field type in the layers' GeoDataFrames.
_DTYPES = {"str": object, "int": "Int64", "float": "float64", "date": object}


def typed(frame, layer: str):  # GeoDataFrame -> GeoDataFrame (no geopandas import here)
    """``frame`` with the documented columns of ``layer`` in order, each as its documented type.

    An empty layer keeps its types too, so every export of it has the same fields.
    """
    fields = LAYER_FIELDS[layer]
    return frame.astype({f.name: _DTYPES[f.kind] for f in fields})


#: How each field type is written in each format.
FORMAT_TYPES: dict[str, dict[FieldKind, str]] = {
    "GeoJSON": {"str": "string", "int": "number (integer)", "float": "number",
                "date": "string YYYY-MM-DD"},
    "GeoPackage, FlatGeobuf (OGR)": {"str": "String", "int": "Integer64", "float": "Real",
                                     "date": "String (YYYY-MM-DD)"},
    "KML (ExtendedData)": {"str": "string", "int": "int", "float": "double",
                           "date": "string (YYYY-MM-DD; also the TimeStamp)"},
    "CSV": {"str": "text", "int": "integer", "float": "decimal", "date": "YYYY-MM-DD"},
}
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
INPUT_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.in_input)
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.required)


def _field_table(fields: tuple[Field, ...], *, incidents: bool = False) -> list[str]:
    if incidents:
        lines = ["| field | type | required | description |", "|---|---|---|---|"]
        for f in fields:
            req = "yes" if f.required else ("*derived*" if not f.in_input else "")
            lines.append(f"| `{f.name}` | {f.kind} | {req} | {f.description} |")
        return lines
    lines = ["| field | type | description |", "|---|---|---|"]
    return lines + [f"| `{f.name}` | {f.kind} | {f.description} |" for f in fields]


def markdown(example: str | None = None) -> str:
    """The schema as a Markdown page (``docs/schema.md`` is this text, see :func:`page`).

    Parameters
    ----------
    example
        GeoJSON text of one exported incident, shown as the example feature.
    """
    lines = [
        "# Schema of the incidents and the exported layers",
        "",
        "<!-- Generated from mapper/schema.py by `python -m mapper.schema`; do not edit. -->",
        "",
        "incident-mapper writes four layers: `incidents`, `places`, `route` and `areas`.",
        "Their field names, order and types are the same in every format: the GeoJSON",
        "files, the GeoPackage's layers, FlatGeobuf, KML's ExtendedData and, for",
        "incidents, `incidents.csv`, which is also the input table. The map popups show",
        "the same fields with their labels. Coordinates are WGS 84 longitude/latitude",
        "(EPSG:4326) to 6 decimals (about 11 cm). A value that is not known is empty:",
        "`null` in GeoJSON, NULL in GeoPackage and FlatGeobuf, an empty cell in CSV, left",
        "out in KML.",
        "",
        "## incidents",
        "",
        f"Geometry: {LAYER_GEOMETRY['incidents']}. One row per incident. Fields marked",
        "*derived* are filled in by mapper and ignored in input tables; `incidents.csv`",
        "adds a last column `wkt` (the point as WKT, empty when not located).",
        "",
        *_field_table(FIELDS, incidents=True),
    ]
    for layer in ("places", "route", "areas"):
        lines += ["", f"## {layer}", "", f"Geometry: {LAYER_GEOMETRY[layer]}.", "",
                  *_field_table(LAYER_FIELDS[layer])]
    formats = list(FORMAT_TYPES)
    lines += [
        "",
        "## Types in each format",
        "",
        "| type | " + " | ".join(formats) + " |",
        "|---|" + "---|" * len(formats),
    ]
    for kind in ("str", "int", "float", "date"):
        lines.append(f"| {kind} | " + " | ".join(FORMAT_TYPES[f][kind] for f in formats) + " |")
    lines += [
        "",
        "Dates are ISO 8601 text (`YYYY-MM-DD`) everywhere, never a native date type,",
        "so that every format and spreadsheet reads the same value. (GDAL's GeoJSON",
        "reader may still report such a text as a date.) In KML, incidents are grouped",
        "in folders by map layer, styled with the layer's colour, and `event_date` is",
        "also the placemark's `TimeStamp` (a route's `TimeSpan` runs from `start_date`",
        "to `end_date`), so Google Earth's time slider works. A placemark's own `name`",
        "is the place's `name` (GDAL reads it as `Name`) and its `description` is the",
        "popup table, so GDAL reads an incident's `description` field as `description2`.",
        "",
        "## Event types and sub-types",
        "",
        "| event_type | sub_event_type | ACLED event type | ACLED sub-event type |",
        "|---|---|---|---|",
    ]
    for etype, subs in EVENT_TYPES.items():
        for sub, (acled, acled_sub) in subs.items():
            lines.append(f"| {etype} | {sub} | {acled or '-'} | {acled_sub or '-'} |")
    lines += [
        "",
        "## Codes",
        "",
        "- `time_precision`: " + ", ".join(f"{k} = {v}" for k, v in TIME_PRECISION.items()),
        "- `geo_precision`: "
        + ", ".join(
            f"{k} = {label}" + (f" (precision_m <= {limit:g})" if limit != float("inf") else "")
            for k, (label, limit) in GEO_PRECISION.items()
        ),
        "- qualifiers: " + ", ".join(f"'{q}'" for q in QUALIFIERS if q),
        "  (empty = as reported, no qualifier)",
        "",
    ]
    if example:
        lines += [
            "## Example feature",
            "",
            "An incident of the founding case as `incidents.geojson` has it:",
            "",
            "```json",
            example,
            "```",
            "",
        ]
    return "\n".join(lines)


def example_feature() -> str:
    """One incident of the embedded founding case, as the GeoJSON export writes it.

    The located incident with the most fields filled in (the first such).
    """
    import json

    from mapper.api import map_table
    from mapper.exports import rfc7946
    from mapper.incidents import has_geometry

    incidents = map_table().incidents
    located = incidents[has_geometry(incidents)]
    filled = located.drop(columns=located.geometry.name).replace("", None).notna().sum(axis=1)
    feature = json.loads(rfc7946(located.loc[[filled.idxmax()]]))["features"][0]
    return json.dumps(feature, indent=2, ensure_ascii=False)


def page() -> str:
    """``docs/schema.md``: :func:`markdown` with an example feature from the founding case."""
    return markdown(example_feature())


if __name__ == "__main__":
    print(page(), end="")
