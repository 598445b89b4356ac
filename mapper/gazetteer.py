"""The curated gazetteer in ``geodata/``: load, validate, index by name.

Every feature of ``geodata/gazetteer.geojson`` carries ``id``, ``name``,
``aliases`` (spelling variants), ``kind``, ``country``, ``precision_m`` (radius
in metres within which the real place lies) and ``source`` (where the
coordinates come from). A feature without a source is an error: mapper never
places anything at an unsourced coordinate.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from shapely.geometry import shape

from mapper import settings
from mapper.errors import GazetteerError
from mapper.geocoders.base import Place
from mapper.names import normalize

REQUIRED_PROPERTIES = ("id", "name", "kind", "precision_m", "source")


@dataclass(frozen=True)
class Gazetteer:
    """Curated places and a name index over their names and aliases."""

    places: tuple[Place, ...]
    #: normalised name or alias -> indices into :attr:`places`, in file order.
    index: dict[str, tuple[int, ...]]

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)

    def by_id(self, place_id: str) -> Place:
        for place in self.places:
            if place.place_id == place_id:
                return place
        raise KeyError(place_id)

    def lookup(self, key: str) -> list[Place]:
        """Places whose name or an alias normalises to ``key``, in file order."""
        return [self.places[i] for i in self.index.get(key, ())]


def places_from_features(features: Iterable[dict], origin: str) -> list[Place]:
    """Validated :class:`Place` objects from GeoJSON feature dicts."""
    places = []
    seen: set[str] = set()
    for n, feature in enumerate(features):
        props = feature.get("properties") or {}
        where = f"{origin}: feature {n} ({props.get('name', '?')})"
        missing = [p for p in REQUIRED_PROPERTIES if props.get(p) in (None, "")]
        if missing:
            raise GazetteerError(f"{where}: missing {', '.join(missing)}")
        if props["id"] in seen:
            raise GazetteerError(f"{where}: duplicate id {props['id']!r}")
        seen.add(props["id"])
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GazetteerError(f"{where}: bad geometry ({exc})") from None
        minx, miny, maxx, maxy = geometry.bounds
        if geometry.is_empty or not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise GazetteerError(f"{where}: geometry outside lon/lat range")
        if not geometry.is_valid:
            raise GazetteerError(f"{where}: invalid geometry")
        try:
            precision = float(props["precision_m"])
        except (TypeError, ValueError):
            raise GazetteerError(f"{where}: precision_m is not a number") from None
        if precision <= 0:
            raise GazetteerError(f"{where}: precision_m must be positive")
        places.append(
            Place(
                place_id=str(props["id"]),
                name=str(props["name"]),
                kind=str(props["kind"]),
                geometry=geometry,
                precision_m=precision,
                source=str(props["source"]),
                country=str(props.get("country", "")),
                matched=str(props["name"]),
                origin="curated",
                properties=props,
            )
        )
    return places


def build(places: Iterable[Place]) -> Gazetteer:
    """Index places by their normalised names and aliases."""
    places = tuple(places)
    index: dict[str, list[int]] = {}
    for i, place in enumerate(places):
        names = [place.name, *(place.properties.get("aliases") or [])]
        for name in names:
            key = normalize(str(name))
            if key and i not in index.setdefault(key, []):
                index[key].append(i)
    return Gazetteer(places, {k: tuple(v) for k, v in index.items()})


def load(path: Path | str | None = None) -> Gazetteer:
    """Load and validate a curated gazetteer GeoJSON (default: ``settings.gazetteer_path``)."""
    return _load_cached(Path(path or settings.gazetteer_path).resolve())


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> Gazetteer:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GazetteerError(f"gazetteer not found: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"cannot read gazetteer {path}: {exc}") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GazetteerError(f"{path}: not a GeoJSON FeatureCollection")
    return build(places_from_features(data.get("features") or [], origin=path.name))
