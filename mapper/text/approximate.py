"""A place no gazetteer has, put approximately at a place the report ties it to.

Event-data practice (ACLED's geo-precision codes) is to code an event at the
nearest named town or area, with a coarser precision, rather than drop it. The
place keeps the mention's own name, takes the point of the town or area it is
placed in, and says so: it is marked ``approximate``, with where it was placed.
"""

from __future__ import annotations

from shapely.geometry import Point

from mapper.geocoders.base import Place


def approximate_place(name: str, key: str, kind: str, anchor: Place, precision_m: float,
                      why: str) -> Place:
    """``name`` placed at ``anchor``'s point, ``precision_m`` its radius.

    Parameters
    ----------
    name, key
        The mention as written and its normalised key.
    kind
        What the mention names, as far as the text says ("street", "place").
    anchor
        The town or area it is placed in.
    precision_m
        How far from the point the place may lie.
    why
        Why ``anchor`` ("the town the report names nearest to it").
    """
    return Place(
        place_id=f"approx:{key.replace(' ', '-')}@{anchor.place_id}",
        name=name,
        kind=kind,
        geometry=Point(anchor.lon, anchor.lat),
        precision_m=precision_m,
        source=f"approximate: placed in {anchor.name}, {why} (no gazetteer has {name!r}); "
               f"point from {anchor.source}",
        country=anchor.country,
        matched=key,
        origin="context",
        properties={"approximate": True, "within": anchor.place_id,
                    "within_name": anchor.name},
    )
