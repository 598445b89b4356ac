"""Every offline gazetteer, each name of an input read in the light of the others.

A table's place column is like a report's place names: "Texas" beside "Houston"
is the state, not the Mexican town; "Punjab" beside "Lahore" the Pakistani
province; "Lahore, Punjab" the city written with its province, and "Kingston,
Ontario" the Canadian town. :class:`OfflineGeocoder` resolves the distinct names
of one input together with the resolver reports use
(:func:`mapper.text.context.resolve_mentions`), over the same gazetteers
(curated places, countries and first-level areas, counties and features,
GeoNames towns), so that a table and a report naming the same places put them
at the same spots. A name no gazetteer knows exactly gets one more,
typo-tolerant pass through the curated gazetteer and GeoNames.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from mapper.geocoders.base import Geocoder, Place, check_query
from mapper.geocoders.chain import ChainGeocoder
from mapper.geocoders.curated import CuratedGeocoder
from mapper.geocoders.geonames import GeoNamesGeocoder
from mapper.names import normalize

if TYPE_CHECKING:
    from mapper.text.gazindex import TextGazetteer
    from mapper.text.spans import Mention

#: What separates a place from the area written after it: "Lahore, Punjab".
_PART_SEPARATOR = re.compile(r"\s*[,;]\s*")


class OfflineGeocoder(Geocoder):
    """Curated places, regions, features and GeoNames, names chosen in context.

    Parameters
    ----------
    gazetteer
        Where candidates come from (default: the one reports use,
        :func:`mapper.text.gazindex.default_text_gazetteer`).
    fuzzy_fallback
        Back-end asked, typo-tolerantly, for names no gazetteer knows exactly
        (default: the curated gazetteer, then GeoNames).
    """

    name = "offline"

    def __init__(self, gazetteer: TextGazetteer | None = None,
                 fuzzy_fallback: Geocoder | None = None) -> None:
        self._gazetteer = gazetteer
        self._fallback = fuzzy_fallback

    @property
    def gazetteer(self) -> TextGazetteer:
        if self._gazetteer is None:
            from mapper.text.gazindex import default_text_gazetteer

            self._gazetteer = default_text_gazetteer()
        return self._gazetteer

    @property
    def fallback(self) -> Geocoder:
        if self._fallback is None:
            self._fallback = ChainGeocoder([CuratedGeocoder(), GeoNamesGeocoder()])
        return self._fallback

    def geocode(self, query: str, *, country: str | None = None, exactly_one: bool = True,
                fuzzy: bool = True) -> Any:
        """Resolve one name alone (see :meth:`geocode_all` for names that share an input)."""
        check_query(query)
        found = self.geocode_all([query], country=country, fuzzy=fuzzy)[query]
        if exactly_one:
            return found[0] if found else None
        return found

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        return self.geocode_all([key], country=country, fuzzy=fuzzy)[key]

    def geocode_all(self, names: Iterable[str], *, country: str | None = None,
                    fuzzy: bool = True) -> dict[str, list[Place]]:
        """Resolve the names of one input together.

        Parameters
        ----------
        names
            Place names as written; a name may carry its area after a comma
            ("Lahore, Punjab", "Springfield, Illinois, USA").
        country
            ISO alpha-2 code the whole input is about, if known.
        fuzzy
            Give names no gazetteer knows exactly a typo-tolerant pass.

        Returns
        -------
        dict
            name -> the chosen place followed by the other readings considered
            (at most five); an empty list when the name is left unresolved.
        """
        from mapper.text.context import resolve_mentions

        distinct = list(dict.fromkeys(n for n in names if normalize(n)))
        mentions, text, first = self._mentions(distinct)
        resolved = resolve_mentions(mentions, self.gazetteer, country=country, text=text)
        by_start = {pm.mention.start: pm for pm in resolved}
        out: dict[str, list[Place]] = {}
        for name in distinct:
            pm = by_start.get(first[name])
            if pm is not None and pm.place is not None:
                out[name] = [pm.place, *pm.alternatives][:6]
            elif fuzzy and not self._known(name):
                out[name] = self.fallback.geocode(name, country=country, exactly_one=False)
            else:
                out[name] = []
        return out

    def _mentions(self, names: Sequence[str]) -> tuple[list[Mention], str, dict[str, int]]:
        """The names as mentions in one text, a name a line; each name's first part's
        offset. A name no gazetteer knows whole is split at its commas."""
        from mapper.text.spans import Mention

        mentions: list[Mention] = []
        lines: list[str] = []
        first: dict[str, int] = {}
        offset = 0
        for name in names:
            whole = name.strip()
            parts = [whole] if self.gazetteer.candidates(normalize(whole)) else [
                p for p in _PART_SEPARATOR.split(whole) if normalize(p)]
            line = ", ".join(parts)
            start = offset
            first[name] = offset
            for part in parts:
                mentions.append(Mention(part, start, start + len(part), normalize(part)))
                start += len(part) + 2
            lines.append(line)
            offset += len(line) + 1
        return mentions, "\n".join(lines), first

    def _known(self, name: str) -> bool:
        """True when a gazetteer knows the name (or one of its parts) exactly."""
        return any(self.gazetteer.candidates(normalize(p))
                   for p in [name, *_PART_SEPARATOR.split(name)] if normalize(p))
