"""A map page with every script and style inlined: no CDN request at all.

For viewers whose internet is cut off (or who archive a map): the page's
``<script src>`` and stylesheet ``<link>`` elements are replaced by the same
files' contents, taken from the installed npm packages (:mod:`mapper.assets`);
images and fonts a stylesheet refers to become ``data:`` URIs. Only the base
map's tiles still come from the network, and the layers work without them.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

from mapper.assets import require
from mapper.errors import MapperError

_SCRIPT = re.compile(r'<script src="(?P<url>https?://[^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<url>https?://[^"]+)"\s*/?>')
_CSS_URL = re.compile(r"url\((?P<q>['\"]?)(?P<ref>[^'\")]+)(?P=q)\)")
#: Any other reference to a remote file left in the page would be a request.
_REMOTE = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"https?://", re.I)


def inline_assets(html: str, assets_root: Path | None = None) -> str:
    """``html`` with its CDN scripts and stylesheets inlined.

    Raises
    ------
    MapperError
        When a referenced file is not installed, or a remote reference remains.
    """
    urls = [m.group("url") for m in _SCRIPT.finditer(html)]
    urls += [m.group("url") for m in _STYLESHEET.finditer(html)]
    files = require(urls, assets_root)

    def script(match: re.Match[str]) -> str:
        code = files[match.group("url")].read_text(encoding="utf-8")
        return f"<script>{_safe_in_script(code)}</script>"

    def stylesheet(match: re.Match[str]) -> str:
        path = files[match.group("url")]
        css = _embed_css_urls(path.read_text(encoding="utf-8"), path.parent)
        return "<style>" + css.replace("</style", "<\\/style") + "</style>"

    page = _SCRIPT.sub(script, html)
    page = _STYLESHEET.sub(stylesheet, page)
    left = _REMOTE.search(page)
    if left:
        raise MapperError(f"cannot make a self-contained map: the page still refers to "
                          f"{left.group(0)[:80]}...")
    return page


def _safe_in_script(code: str) -> str:
    # A library's source may hold "</script" in a string; it would end the element.
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def _embed_css_urls(css: str, folder: Path) -> str:
    """Relative ``url(...)`` references of a stylesheet as ``data:`` URIs."""

    def embed(match: re.Match[str]) -> str:
        ref = match.group("ref").strip()
        if ref.startswith(("data:", "#", "http:", "https:", "//")):
            return match.group(0)
        path = (folder / ref.split("#", 1)[0].split("?", 1)[0]).resolve()
        if not path.is_file():
            return match.group(0)  # e.g. an old IE font format the package does not ship
        kind = mimetypes.guess_type(path.name)[0] or _FONT_TYPES.get(path.suffix,
                                                                     "application/octet-stream")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'url("data:{kind};base64,{data}")'

    return _CSS_URL.sub(embed, css)


_FONT_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf",
               ".eot": "application/vnd.ms-fontobject"}
