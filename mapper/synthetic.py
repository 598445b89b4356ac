"""Synthetic incident tables, for load tests and benchmarks of the map.

Rows follow :mod:`mapper.schema` and carry their own coordinates (scattered
around a few centres), so no geocoding is involved; every value is plainly
marked as synthetic. Nothing here is ever mixed with real data.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from mapper.schema import EVENT_TYPES

#: (lat, lon) centres the synthetic incidents cluster around, with a spread in degrees.
_CENTRES = ((33.70, 73.06, 0.15), (31.55, 74.34, 0.2), (24.86, 67.01, 0.25), (34.01, 71.58, 0.2))
COLUMNS = ["event_id", "event_date", "event_type", "sub_event_type", "actor1", "killed",
           "injured", "place_name", "latitude", "longitude", "precision_m", "description",
           "source_publisher", "source_url"]


def incident_rows(n: int, *, seed: int = 1, start: dt.date = dt.date(2024, 11, 1),
                  days: int = 30) -> list[dict[str, object]]:
    """``n`` synthetic incidents, the same for the same ``seed``."""
    rng = random.Random(seed)
    types = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
    rows = []
    for i in range(n):
        lat0, lon0, spread = rng.choice(_CENTRES)
        event_type, subtype = rng.choice(types)
        casualties = event_type in ("violence", "clash") and rng.random() < 0.5
        rows.append({
            "event_id": f"SYN-{i:06d}",
            "event_date": (start + dt.timedelta(days=rng.randrange(days))).isoformat(),
            "event_type": event_type,
            "sub_event_type": subtype,
            "actor1": f"Synthetic group {rng.randrange(40)}",
            "killed": rng.randrange(5) if casualties else "",
            "injured": rng.randrange(40) if casualties else "",
            "place_name": f"Synthetic site {rng.randrange(200)}",
            "latitude": round(lat0 + rng.gauss(0, spread), 5),
            "longitude": round(lon0 + rng.gauss(0, spread), 5),
            "precision_m": rng.choice((100, 500, 2000)),
            "description": f"Synthetic incident {i} for load testing; not a real event.",
            "source_publisher": "incident-mapper synthetic data",
            "source_url": f"https://example.org/synthetic/{i}",
        })
    return rows


def write_table(path: Path, n: int, *, seed: int = 1) -> Path:
    """Write :func:`incident_rows` as an incidents CSV table at ``path``."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(incident_rows(n, seed=seed))
    return path
