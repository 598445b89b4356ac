"""Reading OpenStreetMap results (Nominatim, Photon): tags to kinds, ids, licence."""

from __future__ import annotations

#: Licence of OpenStreetMap data, as Nominatim states it in every answer.
OSM_LICENCE = "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright"
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"

_PLACE_KINDS = {
    "city": "city", "town": "town", "village": "town", "hamlet": "town", "suburb": "town",
    "quarter": "town", "neighbourhood": "town", "borough": "town", "locality": "town",
    "isolated_dwelling": "town", "square": "square", "state": "province",
    "province": "province", "region": "region", "country": "country", "county": "district",
    "district": "district", "municipality": "district",
}
_TAG_KINDS = {
    ("highway", "motorway_junction"): "interchange", ("highway", "toll_gantry"): "toll_plaza",
    ("barrier", "toll_booth"): "toll_plaza", ("amenity", "prison"): "jail",
    ("man_made", "bridge"): "bridge", ("place", "square"): "square",
}
_KEY_KINDS = {"highway": "road", "building": "building", "bridge": "bridge"}

_OSM_TYPES = {"N": "node", "W": "way", "R": "relation"}


def osm_kind(key: str, value: str, address_type: str = "") -> str:
    """mapper's kind for an OSM feature tagged ``key=value``.

    ``address_type`` (Nominatim's ``addresstype``: ``state``, ``county``...) tells
    what an administrative boundary is.
    """
    key, value = (key or "").lower(), (value or "").lower()
    if (key, value) in _TAG_KINDS:
        return _TAG_KINDS[(key, value)]
    if key == "place" and value in _PLACE_KINDS:
        return _PLACE_KINDS[value]
    if key == "boundary" and value == "administrative":
        return _PLACE_KINDS.get((address_type or "").lower(), "region")
    return _KEY_KINDS.get(key, "landmark")


def osm_reference(osm_type: str, osm_id: object) -> str:
    """``node/123`` from Nominatim's ``node`` or Photon's ``N``."""
    kind = _OSM_TYPES.get(str(osm_type).upper(), str(osm_type).lower())
    if kind not in ("node", "way", "relation"):
        raise ValueError(f"unknown OSM element type {osm_type!r}")
    return f"{kind}/{int(osm_id)}"  # type: ignore[call-overload]
