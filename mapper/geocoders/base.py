"""The geocoder interface and the :class:`Place` it returns.

Modelled on ``geopy.geocoders``: one small adapter per back-end, all with the
same :meth:`Geocoder.geocode` signature and the exceptions of
:mod:`mapper.errors`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, overload

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from mapper.errors import GeocoderQueryError
from mapper.names import normalize

#: Kinds of place whose position is a spot on the ground (a building, a junction);
#: every other kind is an area (town, zone) or region (province, country).
POINT_KINDS = frozenset(
    {"building", "jail", "landmark", "square", "interchange", "toll_plaza", "bridge", "road",
     "seat_of_government", "monument", "park", "stadium", "arena", "circuit", "racecourse"}
)
REGION_KINDS = frozenset({"province", "region", "country", "district"})

MatchKind = Literal["exact", "fuzzy"]


@dataclass(frozen=True)
class Place:
    """A resolved place.

    Attributes
    ----------
    place_id
        Stable id: the curated gazetteer id, or ``geonames:<geonameid>``.
    name
        Canonical name.
    kind
        ``city``, ``town``, ``interchange``, ``jail``, ``zone``, ``province``...
    geometry
        Point, LineString or Polygon in WGS 84 lon/lat.
    precision_m
        Radius in metres within which the real place lies, as far as the source allows.
    source
        Where the coordinates come from.
    country
        ISO 3166-1 alpha-2 code, empty if unknown.
    matched
        The name or alias that matched the query.
    match
        ``"exact"`` (after normalisation) or ``"fuzzy"`` (typo-tolerant).
    score
        Similarity of query and ``matched``, 0-100.
    population
        Population for populated places, 0 if unknown or not applicable.
    origin
        Name of the geocoder that produced the place.
    """

    place_id: str
    name: str
    kind: str
    geometry: BaseGeometry
    precision_m: float
    source: str
    country: str = ""
    matched: str = ""
    match: MatchKind = "exact"
    score: float = 100.0
    population: int = 0
    origin: str = ""
    properties: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def point(self) -> Point:
        """A point on the place: the point itself, its sourced ``label_point`` if it has one,
        a line's midpoint, or a point inside a polygon."""
        geom = self.geometry
        if geom.geom_type == "Point":
            return geom  # type: ignore[return-value]
        label = self.properties.get("label_point")
        if label:
            return Point(label)
        if geom.geom_type in ("LineString", "MultiLineString"):
            return geom.interpolate(0.5, normalized=True)
        return geom.representative_point()

    # Cached: resolution measures thousands of distances between a table's places.
    @cached_property
    def lat(self) -> float:
        return float(self.point.y)

    @cached_property
    def lon(self) -> float:
        return float(self.point.x)

    @property
    def geo_precision(self) -> int:
        """Geo-precision code (see :data:`mapper.schema.GEO_PRECISION`)."""
        from mapper.schema import geo_precision_for

        if self.kind in REGION_KINDS:
            return 4
        if self.kind in POINT_KINDS:
            return geo_precision_for(self.precision_m)
        return max(3, geo_precision_for(self.precision_m))


class Geocoder(ABC):
    """A name -> :class:`Place` back-end."""

    #: Short name recorded in :attr:`Place.origin`.
    name: str = "geocoder"

    @overload
    def geocode(
        self, query: str, *, country: str | None = ..., exactly_one: Literal[True] = ...,
        fuzzy: bool = ...,
    ) -> Place | None: ...

    @overload
    def geocode(
        self, query: str, *, country: str | None = ..., exactly_one: Literal[False],
        fuzzy: bool = ...,
    ) -> list[Place]: ...

    def geocode(
        self, query: str, *, country: str | None = None, exactly_one: bool = True,
        fuzzy: bool = True,
    ) -> Place | list[Place] | None:
        """Resolve a place name.

        Parameters
        ----------
        query
            The place name as written.
        country
            ISO alpha-2 code of the country to prefer among equally good matches.
        exactly_one
            Return the best place (or None) instead of every candidate, best first.
        fuzzy
            Also try typo-tolerant matching when no exact match exists.

        Returns
        -------
        Place, list of Place, or None
            None (or an empty list) when the name is unknown: never a guess.
        """
        key = check_query(query)
        candidates = self._candidates(key, country=country, fuzzy=fuzzy)
        if exactly_one:
            return candidates[0] if candidates else None
        return candidates

    @abstractmethod
    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        """Places matching the normalised ``key``, best first."""


def check_query(query: object) -> str:
    """Normalised key of ``query``; raise :class:`GeocoderQueryError` if it cannot be one."""
    if not isinstance(query, str):
        raise GeocoderQueryError(f"place name must be text, not {type(query).__name__}")
    if len(query) > 300:
        raise GeocoderQueryError(f"place name too long ({len(query)} characters)")
    key = normalize(query)
    if not key:
        raise GeocoderQueryError(f"empty place name: {query!r}")
    return key
