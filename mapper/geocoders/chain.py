"""Several geocoders in order of trust: exact matches first, typos last."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.geocoders.base import Geocoder, Place


class ChainGeocoder(Geocoder):
    """Ask each geocoder in turn.

    An exact match in any back-end beats a fuzzy match in an earlier one, so
    a typo never hides a real place: the chain first asks every back-end for
    exact matches, then, if none had one, for typo-tolerant matches.
    """

    name = "chain"

    def __init__(self, geocoders: Sequence[Geocoder]) -> None:
        self.geocoders = list(geocoders)

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        passes = (False, True) if fuzzy else (False,)
        for use_fuzzy in passes:
            found: list[Place] = []
            for geocoder in self.geocoders:
                found += geocoder._candidates(key, country=country, fuzzy=use_fuzzy)
            if found:
                return found
        return []
