"""A march's route from what a report says: where it came from, went through, headed.

"protesters from Khyber Pakhtunkhwa ... clashes at Sangjani interchange ...
marching towards D-Chowk" gives KP -> Sangjani -> D-Chowk. Places between
the origin and the destination are ordered by how far along the way from one
to the other they lie; a place that merely contains an end (the city the
destination is in) is not a waypoint.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mapper.text.context import PlaceMention, distance_km
from mapper.text.cues import Cue, lowered
from mapper.text.events import TextIncident
from mapper.text.sentences import Sentence

_MARCH = Cue(r"\b(?:march(?:es|ed|ing)?|marchers|convoy|caravan|rally|procession|"
             r"protest(?:e|o)rs?|protest)\b", "march convoy caravan rally procession protest")
_ORIGIN = Cue(r"\b(?:from|left|departed|set off from|started from|began in)\s+(?:the\s)?$",
              "from left departed began_in")
_DESTINATION = Cue(
    r"\b(?:towards?|to|heading (?:to|for)|headed (?:to|for)|bound for|destination|"
    r"on (?:its|their) way to(?:wards)?|reach(?:ed)?|converge on|march on)\s+(?:its\s+"
    r"destination\s+)?(?:the\s)?$", "to for destination reach converge march_on")
_THROUGH = Cue(r"\b(?:through|via|past|crossed|entered)\s+(?:the\s)?$",
               "through via past crossed entered")
#: Incident types whose places lie on a march's way.
_ON_THE_WAY = frozenset({"clash", "blockade", "protest"})


def route_from_text(
    sentences: Sequence[Sentence], places: Sequence[PlaceMention],
    incidents: Sequence[TextIncident],
) -> list[PlaceMention]:
    """Waypoints of the march a report describes, origin first; empty if it names no route.

    A route needs an origin and a destination, both resolved.
    """
    origin = destination = None
    via: list[PlaceMention] = []
    for sentence in sentences:
        if not _MARCH.search(sentence.text):
            continue
        for pm in places:
            if not (sentence.start <= pm.mention.start < sentence.end) or pm.place is None:
                continue
            if pm.place.properties.get("approximate"):
                continue  # a town's point, not the landmark's: no waypoint
            if not pm.mention.is_location:
                continue
            before = sentence.text[max(0, pm.mention.start - sentence.start - 40):
                                   pm.mention.start - sentence.start]
            low = lowered(before)
            if origin is None and _ORIGIN.search(before, low):
                origin = pm
            elif destination is None and _DESTINATION.search(before, low):
                destination = pm
            elif _THROUGH.search(before, low):
                via.append(pm)
    if origin is None or destination is None or origin.place is None or destination.place is None:
        return []
    for incident in incidents:
        if incident.type not in _ON_THE_WAY or incident.place is None:
            continue
        if incident.place.place is None or "dateline" in " ".join(incident.notes):
            continue
        # The incident's place and the other spots its sentence names with it
        # ("the 26 number area of Sangjani interchange").
        via += [pm for pm in places
                if incident.start <= pm.mention.start < incident.end and pm.place is not None
                and pm.mention.is_location and pm.place.precision_m <= 5_000]
    ends = (origin.place, destination.place)
    waypoints: dict[str, tuple[float, PlaceMention]] = {}
    for pm in via:
        p = pm.place
        if p is None or p.place_id in (ends[0].place_id, ends[1].place_id):
            continue
        # A city or region that contains an end is not a point on the way.
        if any(distance_km(p, end) * 1000 <= p.precision_m for end in ends):
            continue
        fraction = _along(origin.place, destination.place, p)
        if fraction is not None:
            waypoints.setdefault(p.place_id, (fraction, pm))
    ordered = [pm for _, pm in sorted(waypoints.values(), key=lambda item: item[0])]
    return [origin, *ordered, destination]


def _along(a, b, p) -> float | None:
    """Fraction of the way from ``a`` to ``b`` at which ``p`` lies; None if off the way."""
    ax, ay = a.lon * math.cos(math.radians(a.lat)), a.lat
    bx, by = b.lon * math.cos(math.radians(b.lat)), b.lat
    px, py = p.lon * math.cos(math.radians(p.lat)), p.lat
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return None
    t = ((px - ax) * dx + (py - ay) * dy) / length2
    if not -0.1 <= t <= 1.1:
        return None
    return t
