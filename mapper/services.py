"""The online geocoding services by name (no heavy imports: the CLI's help lists them)."""

from __future__ import annotations

#: Adapters by the name ``--geocoder`` takes, as ``module:class``; imported only when
#: chosen, so an offline run never loads one.
ONLINE_GEOCODERS: dict[str, str] = {
    "nominatim": "mapper.geocoders.nominatim:NominatimGeocoder",
    "photon": "mapper.geocoders.photon:PhotonGeocoder",
    "arcgis": "mapper.geocoders.arcgis:ArcGISGeocoder",
}
#: Every value ``--geocoder`` takes.
GEOCODER_CHOICES: tuple[str, ...] = ("offline", *ONLINE_GEOCODERS)
