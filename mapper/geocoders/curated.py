"""Geocoder over the curated, sourced gazetteer in ``geodata/``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mapper import gazetteer, settings
from mapper.geocoders.base import Geocoder, Place
from mapper.names import normalize

#: Names shorter than this are never matched fuzzily: "Kot" is not a typo of "Kotli".
MIN_FUZZY_LENGTH = 5


class CuratedGeocoder(Geocoder):
    """Exact, then typo-tolerant, lookup of curated names and aliases.

    Parameters
    ----------
    path
        Gazetteer GeoJSON; default ``settings.gazetteer_path``.
    """

    name = "curated"

    def __init__(self, path: Path | str | None = None) -> None:
        self.gazetteer = gazetteer.load(path)
        self._keys = list(self.gazetteer.index)

    def text_keys(self) -> list[str]:
        """Every normalised name and alias, for finding mentions in text."""
        return self._keys

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        found = [
            dataclasses.replace(p, matched=_matched_name(p, key), match="exact", score=100.0)
            for p in self.gazetteer.lookup(key)
        ]
        if not found and fuzzy and len(key) >= MIN_FUZZY_LENGTH:
            from rapidfuzz import fuzz, process  # only typos pay for the import

            hits = process.extract(
                key, self._keys, scorer=fuzz.ratio, score_cutoff=settings.fuzzy_min_score,
                limit=5,
            )
            seen: set[str] = set()
            for hit_key, score, _ in hits:
                if len(hit_key) < MIN_FUZZY_LENGTH:
                    continue
                for p in self.gazetteer.lookup(hit_key):
                    if p.place_id not in seen:
                        seen.add(p.place_id)
                        found.append(
                            dataclasses.replace(
                                p, matched=_matched_name(p, hit_key), match="fuzzy", score=score
                            )
                        )
        # Stable sort: the preferred country first, then best score, then file order.
        found.sort(key=lambda p: (bool(country) and p.country != country, -p.score))
        return found


def _matched_name(place: Place, key: str) -> str:
    for name in [place.name, *(place.properties.get("aliases") or [])]:
        if normalize(str(name)) == key:
            return str(name)
    return place.name
