"""Every gazetteer mapper knows, as one name matcher and one candidate lookup.

Building the matcher over the world gazetteer takes about a second (done once
per process); finding mentions in a report afterwards takes well under a
millisecond.
"""

from __future__ import annotations

from collections.abc import Sequence

from mapper.geocoders.base import Geocoder, Place
from mapper.geocoders.geonames import capital_names
from mapper.names import normalize
from mapper.text.mentions import NameMatcher
from mapper.text.vocab import very_common_words

#: Kinds of the places a capital's name may stand for.
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})


class TextGazetteer:
    """Curated places, countries and regions, and the world gazetteer, for text.

    Parameters
    ----------
    geocoders
        Back-ends in order of trust (curated first). Each must offer
        ``text_keys()`` (names to look for in text) and exact lookups.
    strong
        Geocoder names whose keys are matched even when they are common
        English words.
    """

    def __init__(self, geocoders: Sequence[Geocoder], strong: Sequence[str] = ("curated",)
                 ) -> None:
        self.geocoders = list(geocoders)
        self._strong_names = tuple(strong)
        self._curated_tables = ("regions", "features")
        self._matcher: NameMatcher | None = None
        self._cache: dict[str, list[Place]] = {}

    @property
    def matcher(self) -> NameMatcher:
        if self._matcher is None:
            keys: list[str] = []
            strong: list[str] = []
            proper: list[str] = []
            dotted: list[str] = []
            areas: list[str] = []
            containers: list[str] = []  # names a town may be written with: areas, islands
            postal: list[str] = []  # "wa", "nsw": abbreviations written after a town
            trusted: set[str] = set()  # proper keys of hand-checked tables, kept as they are
            for geocoder in self.geocoders:
                own = list(geocoder.text_keys())  # type: ignore[attr-defined]
                keys += own
                if geocoder.name in self._strong_names:
                    strong += own
                elif hasattr(geocoder, "strong_text_keys"):
                    strong += geocoder.strong_text_keys()
                if hasattr(geocoder, "proper_text_keys"):
                    own_proper = geocoder.proper_text_keys()
                    if geocoder.name in self._curated_tables:
                        trusted.update(own_proper)
                    if geocoder.name == "regions":
                        areas += own_proper
                    proper += own_proper
                if hasattr(geocoder, "area_text_keys"):
                    containers += geocoder.area_text_keys()
                if hasattr(geocoder, "dotted_text_keys"):
                    dotted += geocoder.dotted_text_keys()
                if hasattr(geocoder, "postal_text_keys"):
                    postal += geocoder.postal_text_keys()
            # A town called "Police" or "University" is not meant by the capitalised word.
            top = very_common_words()
            proper = [k for k in proper if k in trusted or not set(k.split()) <= top]
            self._matcher = NameMatcher(keys, strong, proper, dotted, areas, containers,
                                        postal)
        return self._matcher

    def candidates(self, key: str) -> list[Place]:
        """Every place known by the normalised name ``key``, most trusted back-end first."""
        found = self._cache.get(key)
        if found is None:
            found = []
            for geocoder in self.geocoders:
                found += geocoder._candidates(key, country=None, fuzzy=False)
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = found
        return found

    def country_place(self, iso: str) -> Place | None:
        """The country of ISO alpha-2 code ``iso`` as a place (its own point, not its
        capital's), from the first back-end that knows countries."""
        for geocoder in self.geocoders:
            find = getattr(geocoder, "country_place", None)
            place = find(iso) if find is not None else None
            if place is not None:
                return place
        return None

    def capital(self, iso: str) -> Place | None:
        """The capital of the country of ISO alpha-2 code ``iso``: the most populous
        settlement of that country bearing the capital's name in GeoNames' country table."""
        name = capital_names().get(iso.upper())
        if not name:
            return None
        towns = [p for p in self.candidates(normalize(name))
                 if p.country == iso.upper() and p.kind in SETTLEMENT_KINDS]
        return max(towns, key=lambda p: p.population, default=None)


def default_text_gazetteer() -> TextGazetteer:
    """Curated gazetteer, countries and first-level regions, counties, seas and airports,
    then GeoNames populated places."""
    from mapper.geocoders import CuratedGeocoder, GeoNamesGeocoder
    from mapper.geocoders.features import FeatureGeocoder
    from mapper.geocoders.regions import RegionGeocoder

    return TextGazetteer([CuratedGeocoder(), RegionGeocoder(), FeatureGeocoder(),
                          GeoNamesGeocoder()])
