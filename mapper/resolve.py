"""Place names -> resolved places (the geocoding stage).

Pure over its inputs: a list of names and a :class:`~mapper.geocoders.Geocoder`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import geopandas as gpd

from mapper import schema, settings
from mapper.geocoders.area import SearchArea
from mapper.geocoders.base import Geocoder, Place

if TYPE_CHECKING:
    from mapper.geocoders.online import OnlineGeocoder


@dataclass(frozen=True)
class Resolution:
    """The outcome of geocoding one name: the chosen place and what else was considered."""

    query: str
    place: Place | None
    alternatives: tuple[Place, ...] = field(default=())

    @property
    def resolved(self) -> bool:
        return self.place is not None


def resolve_names(
    names: Iterable[str], geocoder: Geocoder, *, country: str | None = None,
    online: OnlineGeocoder | None = None, placed: Collection[str] = (),
) -> dict[str, Resolution]:
    """Geocode each distinct name once: offline first, then online for what is left.

    Parameters
    ----------
    names
        Place names as written in the input (duplicates are looked up once).
    geocoder
        Back-end (usually :func:`mapper.geocoders.default_geocoder`).
    country
        ISO alpha-2 code preferred among equally good candidates.
    online
        An online service asked for the names ``geocoder`` could not place,
        biased to the area of those it could (:meth:`SearchArea.around`).
    placed
        Names the input already gives coordinates for everywhere it uses them:
        not worth a request.

    Returns
    -------
    dict
        name -> :class:`Resolution`; unknown names have ``place=None``.
    """
    results: dict[str, Resolution] = {}
    unasked = set(placed)
    wanted: list[str] = []
    for name in dict.fromkeys(names):
        if not name.strip():
            continue
        if name.strip().lower() in schema.NO_PLACE_NAMES:
            results[name] = Resolution(name, None)
            unasked.add(name)
        else:
            wanted.append(name)
    together = getattr(geocoder, "geocode_all", None)
    if together is not None:  # names read in the light of each other (OfflineGeocoder)
        found = together(wanted, country=country)
    else:
        found = {n: geocoder.geocode(n, country=country, exactly_one=False) for n in wanted}
    for name in wanted:
        candidates = found.get(name, [])
        results[name] = Resolution(
            name, candidates[0] if candidates else None, tuple(candidates[1:6])
        )
    if online is not None:
        area = SearchArea.around((r.place for r in results.values() if r.place), country)
        for name, res in results.items():
            if res.resolved or name in unasked:
                continue
            found = online.search(name, area)
            if found:
                results[name] = Resolution(name, found[0], tuple(found[1:6]))
    return results


PLACE_COLUMNS = tuple(f.name for f in schema.PLACE_FIELDS)
AREA_COLUMNS = tuple(f.name for f in schema.AREA_FIELDS)


def places_frame(resolutions: dict[str, Resolution]) -> gpd.GeoDataFrame:
    """One point per resolved place (polygons and lines by a point on them).

    ``queries`` lists the names in the input that resolved to the place.
    """
    by_id: dict[str, tuple[Place, list[str]]] = {}
    for res in resolutions.values():
        if res.place is not None:
            by_id.setdefault(res.place.place_id, (res.place, []))[1].append(res.query)
    rows = [
        {
            "place_id": p.place_id, "name": p.name, "kind": p.kind, "country": p.country,
            "matched": p.matched, "match": p.match, "precision_m": p.precision_m,
            "geo_precision": p.geo_precision, "source": p.source, "origin": p.origin,
            "licence": str(p.properties.get("licence", "")),
            "geocoder_query": str(p.properties.get("query", "")),
            "geocoded_at": str(p.properties.get("fetched", "")),
            "queries": "; ".join(queries), "geometry": p.point,
        }
        for p, queries in by_id.values()
    ]
    frame = gpd.GeoDataFrame(rows, columns=[*PLACE_COLUMNS, "geometry"], geometry="geometry",
                             crs=settings.crs)
    return schema.typed(frame, "places")


def areas_frame(resolutions: dict[str, Resolution]) -> gpd.GeoDataFrame:
    """Resolved places whose geometry is an area (zones, provinces with a boundary)."""
    rows, seen = [], set()
    for res in resolutions.values():
        p = res.place
        if p is None or p.place_id in seen or "Polygon" not in p.geometry.geom_type:
            continue
        seen.add(p.place_id)
        rows.append(
            {
                "place_id": p.place_id, "name": p.name, "kind": p.kind, "country": p.country,
                "precision_m": p.precision_m, "source": p.source,
                "method": str(p.properties.get("method", "")), "geometry": p.geometry,
            }
        )
    frame = gpd.GeoDataFrame(rows, columns=[*AREA_COLUMNS, "geometry"], geometry="geometry",
                             crs=settings.crs)
    return schema.typed(frame, "areas")
