"""The map's JavaScript and CSS, found in installed npm packages instead of CDNs.

folium pages load Leaflet and its plugins from CDNs. Where a CDN cannot be
reached (the browser tests, a self-contained map for a viewer whose internet is
cut off) the same files come from the npm packages pinned in ``web/package.json``
(``make assets`` installs them into ``web/node_modules``). :data:`CDN_FILES` says
which package file stands for which address; it is the one table both the tests
and :mod:`mapper.selfcontained` use.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mapper import settings
from mapper.errors import MapperError

_JSDELIVR = "https://cdn.jsdelivr.net/npm/"
_CDNJS = "https://cdnjs.cloudflare.com/ajax/libs/"

#: CDN address -> path inside ``node_modules`` of the same file (same version
#: where npm has it; noted where not).
CDN_FILES: dict[str, str] = {
    _JSDELIVR + "leaflet@1.9.3/dist/leaflet.js": "leaflet/dist/leaflet.js",
    _JSDELIVR + "leaflet@1.9.3/dist/leaflet.css": "leaflet/dist/leaflet.css",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    _CDNJS + "jquery/3.7.1/jquery.min.js": "jquery/dist/jquery.min.js",
    _JSDELIVR + "bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js":
        "bootstrap/dist/js/bootstrap.bundle.min.js",
    _JSDELIVR + "bootstrap@5.2.2/dist/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    _JSDELIVR + "@fortawesome/fontawesome-free@6.2.0/css/all.min.css":
        "@fortawesome/fontawesome-free/css/all.min.css",
    # awesome-markers 2.0.2 is not on npm; 2.0.5 is the same plugin, repackaged.
    _CDNJS + "Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        "leaflet.awesome-markers/dist/leaflet.awesome-markers.js",
    _CDNJS + "Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        "leaflet.awesome-markers/dist/leaflet.awesome-markers.css",
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css":
        "glyphicons-only-bootstrap/css/bootstrap.min.css",
    # npm's 1.1.0 ships the unminified build only.
    _CDNJS + "leaflet.markercluster/1.1.0/leaflet.markercluster.js":
        "leaflet.markercluster/dist/leaflet.markercluster-src.js",
    _CDNJS + "leaflet.markercluster/1.1.0/MarkerCluster.css":
        "leaflet.markercluster/dist/MarkerCluster.css",
    _CDNJS + "leaflet.markercluster/1.1.0/MarkerCluster.Default.css":
        "leaflet.markercluster/dist/MarkerCluster.Default.css",
    _JSDELIVR + "supercluster@8.0.1/dist/supercluster.min.js": "supercluster/dist/supercluster.min.js",
    # folium's own minified copy of Leaflet.heat 0.2.0.
    "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/"
    "leaflet_heat.min.js": "leaflet.heat/dist/leaflet-heat.js",
}


def assets_dir() -> Path:
    """Where the npm packages are installed (``settings.web_assets_dir``)."""
    return Path(settings.web_assets_dir)


def local_file(url: str, root: Path | None = None) -> Path | None:
    """The installed file standing for ``url``, or None when the table has no entry.

    Also resolves files that a packaged stylesheet or script refers to
    relatively (fonts, marker images): an address under a mapped file's folder
    maps to the same relative path in the package.
    """
    root = assets_dir() if root is None else root
    clean = url.split("#", 1)[0].split("?", 1)[0]
    if clean in CDN_FILES:
        return root / CDN_FILES[clean]
    for cdn_url, package_path in CDN_FILES.items():
        base = cdn_url.rsplit("/", 1)[0] + "/"
        if clean.startswith(base):
            candidate = (root / package_path).parent / clean[len(base):]
            resolved = candidate.resolve()
            # Never step outside the package folder ("../../etc/passwd").
            if resolved.is_relative_to((root / package_path.split("/")[0]).resolve()):
                return candidate
    return None


def require(urls: list[str], root: Path | None = None) -> dict[str, Path]:
    """The installed file of every address in ``urls``.

    Raises
    ------
    MapperError
        When an address has no entry or its package is not installed; the
        message says how to install the packages.
    """
    root = assets_dir() if root is None else root
    found: dict[str, Path] = {}
    for url in urls:
        path = local_file(url, root)
        if path is None or not path.is_file():
            what = "is not a known asset" if path is None else f"needs {path}"
            raise MapperError(
                f"cannot make a self-contained map: {urlsplit(url).path.rsplit('/', 1)[-1]} "
                f"{what}; install the map's packages with `make assets` "
                f"(npm ci --prefix web) or set MAPPER_WEB_ASSETS to their node_modules folder"
            )
        found[url] = path
    return found
