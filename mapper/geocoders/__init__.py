"""Geocoder back-ends behind one interface (after ``geopy.geocoders``).

- :class:`CuratedGeocoder`: the sourced gazetteer in ``geodata/``.
- :class:`GeoNamesGeocoder`: GeoNames populated places worldwide, offline.
- :class:`ChainGeocoder`: several back-ends in order of trust.
- :class:`OfflineGeocoder`: every offline gazetteer, the names of one input
  resolved together as the names of one report are.
- Online services through geopy, for names the offline gazetteers lack
  (:func:`online_geocoder`): :class:`~mapper.geocoders.nominatim.NominatimGeocoder`,
  :class:`~mapper.geocoders.photon.PhotonGeocoder`,
  :class:`~mapper.geocoders.arcgis.ArcGISGeocoder`.

:func:`default_geocoder` is the :class:`OfflineGeocoder` mapper uses. An online
service comes after it, for the names it left unresolved (see
:func:`mapper.resolve.resolve_names`); its answers are cached.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from mapper import settings
from mapper.errors import GeocoderError
from mapper.geocoders.base import Geocoder, Place
from mapper.geocoders.chain import ChainGeocoder
from mapper.geocoders.curated import CuratedGeocoder
from mapper.geocoders.geonames import GeoNamesGeocoder
from mapper.geocoders.offline import OfflineGeocoder
from mapper.services import GEOCODER_CHOICES, ONLINE_GEOCODERS

if TYPE_CHECKING:
    from mapper.geocoders.online import OnlineGeocoder

__all__ = [
    "ChainGeocoder",
    "CuratedGeocoder",
    "GeoNamesGeocoder",
    "Geocoder",
    "OfflineGeocoder",
    "Place",
    "default_geocoder",
    "online_geocoder",
]



def default_geocoder() -> OfflineGeocoder:
    """Every offline gazetteer (curated places, countries and regions, features, GeoNames),
    the names of one input resolved together (:class:`OfflineGeocoder`)."""
    return OfflineGeocoder()


def online_geocoder(service: str | None = None, url: str | None = None,
                    **options: Any) -> OnlineGeocoder | None:
    """The online service to ask after the offline gazetteers, or None (offline).

    Parameters
    ----------
    service
        ``offline``, ``nominatim``, ``photon`` or ``arcgis``; default
        ``settings.online_geocoder`` (offline when unset).
    url
        A self-hosted instance's address; default ``settings.online_geocoder_url``,
        else the service's public instance.
    **options
        Passed to the adapter (``contact``, ``cache``, ``timeout_s``...).

    Raises
    ------
    GeocoderError
        Unknown service, or a URL that is not http(s).
    """
    service = (service or settings.online_geocoder or "offline").strip().lower()
    url = url if url is not None else settings.online_geocoder_url
    if service == "offline":
        if url:
            raise GeocoderError("a geocoder URL needs an online geocoder: "
                                "--geocoder nominatim, photon or arcgis")
        return None
    if service not in ONLINE_GEOCODERS:
        raise GeocoderError(f"unknown geocoder {service!r}: choose one of "
                            + ", ".join(GEOCODER_CHOICES))
    module, cls = ONLINE_GEOCODERS[service].split(":")
    return getattr(import_module(module), cls)(url, **options)  # type: ignore[no-any-return]
