"""The whole flow for one case: names -> places -> incidents -> route and areas.

:func:`map_case` is pure over its inputs (a :class:`~mapper.cases.Case` and a
geocoder); reading inputs and writing outputs happen in :mod:`mapper.cases`,
:mod:`mapper.exports` and :mod:`mapper.cli`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import geopandas as gpd

from mapper.cases import Case
from mapper.geocoders.base import Geocoder
from mapper.incidents import incidents_frame
from mapper.resolve import Resolution, areas_frame, places_frame, resolve_names
from mapper.route import route_frame

if TYPE_CHECKING:
    from mapper.geocoders.online import OnlineGeocoder


@dataclass
class MappedCase:
    """A case with its places resolved and its layers' data built."""

    case: Case
    resolutions: dict[str, Resolution]
    incidents: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    route: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    #: What went wrong with an online geocoder, or what it found and rejected.
    notices: list[str] = field(default_factory=list)

    @property
    def unresolved(self) -> list[str]:
        """Names that no geocoder could place (never guessed)."""
        return [name for name, res in self.resolutions.items() if not res.resolved]

    @property
    def unlocated(self) -> list[tuple[str, int]]:
        """Unresolved names that left something off the map, with how many incidents named each.

        A name whose every incident gives its own coordinates is on the map all the same.
        """
        per_name = dict.fromkeys(self.unresolved, 0)
        placed_by_coordinates = set()
        for row in self.case.incidents:
            name = row.get("place_name")
            if name not in per_name:
                continue
            if row.get("latitude") is None:
                per_name[name] += 1
            else:
                placed_by_coordinates.add(name)
        missing = [(n, k) for n, k in per_name.items() if k or n not in placed_by_coordinates]
        return sorted(missing, key=lambda item: (-item[1], item[0]))

    @property
    def date_range(self) -> tuple[str, str]:
        dates = sorted(d for d in self.incidents["event_date"] if d)
        dates += sorted(s.date for s in self.case.route if s.date)
        dates.sort()
        return (dates[0], dates[-1]) if dates else ("", "")

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """lon/lat bounds of the incidents and routes (of the areas if there is nothing else).

        A province an incident is placed in would otherwise zoom the map out to the
        whole province.
        """
        frames = [f for f in (self.incidents, self.route) if len(f)] or [self.areas]
        geoms = [g for f in frames for g in f.geometry if g is not None and not g.is_empty]
        if not geoms:
            return None
        return tuple(gpd.GeoSeries(geoms).total_bounds)  # type: ignore[return-value]

    @property
    def attribution(self) -> str:
        """Credits for the map: the reports' publishers, and the gazetteers and services
        whose licences ask for attribution."""
        publishers = sorted({p for p in self.incidents["source_publisher"] if p})
        text = "Sources: " + "; ".join(publishers) if publishers else ""
        credits = sorted({str(r.place.properties["attribution"])
                          for r in self.resolutions.values()
                          if r.place is not None and r.place.properties.get("attribution")})
        if credits:
            text += (" · " if text else "") + "Places: " + "; ".join(credits)
        return text


def map_case(case: Case, geocoder: Geocoder, online: OnlineGeocoder | None = None) -> MappedCase:
    """Resolve every place the case names and build its incident, route and area frames.

    Parameters
    ----------
    online
        A service asked for the names ``geocoder`` leaves unresolved; what went
        wrong with it is in :attr:`MappedCase.notices`.
    """
    names = [row["place_name"] for row in case.incidents]
    names += [stop.place_name for stop in case.route]
    names += case.areas
    resolutions = resolve_names(names, geocoder, country=case.country, online=online,
                                placed=_placed_by_coordinates(case))
    area_resolutions = {n: resolutions[n] for n in case.areas if n in resolutions}
    # Areas drawn: those the case lists, and any zone an incident took place in.
    area_resolutions |= {
        n: r for n, r in resolutions.items()
        if r.place is not None and "Polygon" in r.place.geometry.geom_type
        and n in {row["place_name"] for row in case.incidents}
    }
    return MappedCase(
        case=case,
        resolutions=resolutions,
        incidents=incidents_frame(case.incidents, resolutions),
        places=places_frame(resolutions),
        route=route_frame(case.route, resolutions),
        areas=areas_frame(area_resolutions),
        notices=list(online.notices) if online is not None else [],
    )


def _placed_by_coordinates(case: Case) -> set[str]:
    """Names that every incident naming them places by its own coordinates (and that
    are no route stop or area): looking them up would change nothing on the map."""
    with_coordinates: set[str] = set()
    without: set[str] = set()
    for row in case.incidents:
        (with_coordinates if row.get("latitude") is not None else without).add(row["place_name"])
    needed = without | {stop.place_name for stop in case.route} | set(case.areas)
    return with_coordinates - needed
