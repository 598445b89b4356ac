"""Geocoder back-ends behind one interface (after ``geopy.geocoders``).

- :class:`CuratedGeocoder`: the sourced gazetteer in ``geodata/``.
- :class:`GeoNamesGeocoder`: GeoNames populated places worldwide, offline.
- :class:`ChainGeocoder`: several back-ends in order of trust.

:func:`default_geocoder` is the offline chain mapper uses: curated first,
then GeoNames.
"""

from __future__ import annotations

from mapper.geocoders.base import Geocoder, Place
from mapper.geocoders.chain import ChainGeocoder
from mapper.geocoders.curated import CuratedGeocoder
from mapper.geocoders.geonames import GeoNamesGeocoder

__all__ = [
    "ChainGeocoder",
    "CuratedGeocoder",
    "GeoNamesGeocoder",
    "Geocoder",
    "Place",
    "default_geocoder",
]


def default_geocoder() -> ChainGeocoder:
    """The offline chain: curated gazetteer, then the GeoNames world gazetteer."""
    return ChainGeocoder([CuratedGeocoder(), GeoNamesGeocoder()])
