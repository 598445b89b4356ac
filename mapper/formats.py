"""The output formats and file names (no heavy imports: the CLI's help lists them)."""

from __future__ import annotations

GEOPACKAGE_NAME = "incident-map.gpkg"
MAP_NAME = "map.html"
SUMMARY_NAME = "summary.json"
CSV_NAME = "incidents.csv"
KML_NAME = "incident-map.kml"

#: What ``mapper map --format`` and ``MapResult.to_file(formats=...)`` accept, and what each writes.
FORMATS: dict[str, str] = {
    "html": f"{MAP_NAME}, the layered map",
    "geojson": "incidents/places/route/areas.geojson (RFC 7946)",
    "gpkg": f"{GEOPACKAGE_NAME}, every layer in one GeoPackage (QGIS)",
    "kml": f"{KML_NAME}, every layer for Google Earth, styled like the map, with a time slider",
    "csv": f"{CSV_NAME}, incidents with latitude, longitude and wkt columns (spreadsheets)",
    "fgb": "incidents/places/route/areas.fgb, FlatGeobuf for large data",
}
DEFAULT_FORMATS: tuple[str, ...] = ("html", "geojson", "gpkg")
