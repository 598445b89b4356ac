"""Opening generated maps in Debian's Chromium, driven by Playwright.

The machine running the tests reaches no CDN and no tile server. Every request
a map page makes is answered here: scripts and styles from the npm packages in
``web/node_modules`` (the table in :mod:`mapper.assets`), map tiles with a blank
PNG; anything else is refused and recorded, so a test can assert that a page
asked for nothing it should not have.
"""

from __future__ import annotations

import mimetypes
import os
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapper.assets import local_file

CHROMIUM = Path(os.environ.get("MAPPER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def _blank_tile(size: int = 256, rgb: tuple[int, int, int] = (242, 239, 233)) -> bytes:
    """A plain PNG tile in OpenStreetMap's land colour, so screenshots read as a map."""
    row = b"\x00" + bytes(rgb) * size
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b""))


BLANK_TILE = _blank_tile()
_TILE = re.compile(r"https?://[^/]*tile[^/]*/.*\d+/\d+/\d+(?:@2x)?\.png")


@dataclass
class MapPage:
    """A loaded map and everything the browser reported while loading it."""

    page: Any
    errors: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    tiles: int = 0

    def overlay_names(self) -> list[str]:
        """Names of the overlay layers listed in the layer control."""
        return [name.strip() for name in self.page.locator(
            ".leaflet-control-layers-overlays label span").all_inner_texts()]

    def overlay_checkbox(self, name_start: str) -> Any:
        label = self.page.locator(".leaflet-control-layers-overlays label").filter(
            has_text=name_start)
        return label.locator("input[type=checkbox]")


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless. A missing binary is an error, never a skip."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} not found: the test command installs it "
                           "(make test: apt-get install chromium)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_ARGS)


def new_page(browser: Any, *, serve_assets: bool = True, viewport: tuple[int, int] = (1280, 800),
             timeout_ms: int = 30_000, init_script: str = "") -> MapPage:
    """A fresh page whose every request is answered here (see the module docstring).

    Parameters
    ----------
    serve_assets
        Answer CDN requests from the npm packages. False for a self-contained
        map: any request other than a tile is then refused and recorded.
    init_script
        JavaScript run in the page before any of its own.

    Dialogs (``alert`` and the like) are dismissed and recorded.
    """
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    result = MapPage(page)
    page.on("console", lambda msg: result.errors.append(f"console: {msg.text}")
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: result.errors.append(f"page error: {exc}"))
    page.on("dialog", lambda dialog: (result.dialogs.append(dialog.message), dialog.dismiss()))

    def answer(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
            return
        if _TILE.match(url):
            result.tiles += 1
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
            return
        path = local_file(url) if serve_assets else None
        if path is not None and path.is_file():
            result.served.append(url)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            route.fulfill(status=200, content_type=kind, body=path.read_bytes(),
                          headers={"Access-Control-Allow-Origin": "*"})
            return
        result.refused.append(url)
        route.abort()

    page.route("**/*", answer)
    return result


#: Resolves once the browser has painted twice after the scripts ran.
AFTER_PAINT = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def open_map(browser: Any, html_file: Path, **options: Any) -> MapPage:
    """Load ``html_file`` and wait until Leaflet has drawn the map and its layer control.

    ``options`` as for :func:`new_page`.
    """
    result = new_page(browser, **options)
    result.page.goto(html_file.resolve().as_uri(), wait_until="load")
    result.page.wait_for_selector(".leaflet-container .leaflet-control-layers")
    return result
