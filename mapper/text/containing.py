"""Landmarks no gazetteer knows, placed approximately in the town the report puts them in.

"Royal Street", "Carnegie Library" or "Collier County" are found by their heads
but are in no offline gazetteer. Event-data practice (ACLED's geo-precision
codes) is then to code the event at the nearest named town with a coarser
precision rather than drop it. This module does that and says so: the place
keeps the mention's own name, takes the coordinates of the closest settlement
the report names (by its position in the text), gets a precision no finer than
``APPROXIMATE_PRECISION_M``, and is marked ``approximate`` with the town it was
placed in. Natural features and large areas (rivers, seas, provinces) are not
placed this way: a town says little about where they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mapper.geocoders.base import Place
from mapper.text.approximate import approximate_place
from mapper.text.context import COUNTRY_KINDS, PlaceMention, distance_km

#: Heads whose places a town's point does not locate: features and large areas.
UNPLACEABLE_HEADS = frozenset({
    "ocean", "sea", "river", "mountains", "lake", "island", "islands", "valley", "border",
    "crossing", "province", "canal", "sector", "mount", "cape", "gulf", "bay", "isle",
    "strait", "straits", "jebel", "jabal", "wadi", "ras",
})
#: Heads of areas that reach well beyond the town they are placed in.
WIDE_HEADS = frozenset({"county", "district", "township", "cantonment", "cantt", "town"})
#: Coarsest precision of an approximate spot (ACLED geo-precision 3: "area or town").
APPROXIMATE_PRECISION_M = 10_000.0
WIDE_PRECISION_M = 30_000.0
#: How far (characters) from the mention the town that locates it may be named.
NEAREST_TOWN_REACH = 2_000
#: Places of the report this close to a town count as its company.
SUPPORT_KM = 150


def place_in_towns(places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """``places`` with each unresolved landmark placed approximately in its town.

    The town is, among the settlements resolved within ``NEAREST_TOWN_REACH``
    characters of the mention, the one most of the report's places lie near (a
    street called "Franklin" wrongly read as a town abroad has no company), the
    nearest in the text on a tie; failing any, the best-supported settlement of the
    whole report.
    """
    towns = [pm for pm in places if pm.mention.is_location and _is_settlement(pm.place)]
    if not towns or not any(map(_placeable, places)):
        return list(places)
    located = [pm.place for pm in places if pm.mention.is_location and pm.place is not None
               and pm.place.kind not in COUNTRY_KINDS]
    support = {town.place_id: sum(distance_km(town, p) <= SUPPORT_KM for p in located)
               for town in {pm.place.place_id: pm.place for pm in towns if pm.place}.values()}
    out = []
    for pm in places:
        m = pm.mention
        if not _placeable(pm):
            out.append(pm)
            continue
        near = [t for t in towns if abs(t.mention.start - m.start) <= NEAREST_TOWN_REACH]
        town = max(near or towns, key=lambda t: (
            support[t.place.place_id] if t.place else 0, -abs(t.mention.start - m.start)))
        out.append(replace(pm, place=_within(m.text, m.key, m.head, town.place)))
    return out


def _placeable(pm: PlaceMention) -> bool:
    """An unresolved landmark found by its head, of a kind a town's point can stand for."""
    m = pm.mention
    return (pm.place is None and m.is_location and not m.known and bool(m.head)
            and m.head not in UNPLACEABLE_HEADS)


def _is_settlement(place: Place | None) -> bool:
    return (place is not None and place.kind in ("city", "town", "village")
            and not place.properties.get("approximate"))


def _within(name: str, key: str, head: str, town: Place | None) -> Place:
    assert town is not None  # settlements are resolved
    floor = WIDE_PRECISION_M if head in WIDE_HEADS else APPROXIMATE_PRECISION_M
    return approximate_place(name, key, head, town, max(floor, town.precision_m),
                             "the town the report names nearest to it")
