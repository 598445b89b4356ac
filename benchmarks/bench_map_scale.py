"""The map at scale: mapper's map.html beside ``GeoDataFrame.explore()`` on the same incidents.

For each size (default 1,000 / 10,000 / 100,000 synthetic incidents from
:mod:`mapper.synthetic`), prints for both maps:

- HTML size;
- build time: from the incidents GeoDataFrame to the HTML file written
  (mapper: ``make_map`` + render + write; explore: ``explore()`` + ``save``),
  and, for mapper, the whole ``mapper map`` command (reading the table, all
  exports, in a fresh process);
- ready: from navigation start until the page has loaded, every script has run
  and the browser has painted twice, in headless Chromium (Debian's, the same
  set-up as the browser tests: scripts from ``web/node_modules``, blank tiles);
- the page's JavaScript heap and console errors once ready.

Targets for 100,000 incidents: built <= 10 s, ready <= 3 s.

Needs the test set-up (``make install-test``: Playwright, Chromium, the npm
packages) and explore()'s own needs (``pip install -e '.[bench]'``: matplotlib,
mapclassify). Run: ``.venv/bin/python benchmarks/bench_map_scale.py
[--sizes 1000 10000 100000] [--runs 2]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the browser set-up shared with the browser tests

from browser import AFTER_PAINT, launch, new_page  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from mapper import cases  # noqa: E402
from mapper.geocoders import default_geocoder  # noqa: E402
from mapper.mapview import make_map  # noqa: E402
from mapper.pipeline import map_case  # noqa: E402
from mapper.synthetic import write_table  # noqa: E402

TARGET_SIZE, TARGET_BUILD_S, TARGET_READY_S = 100_000, 10.0, 3.0


def build_mapper(incidents_table: Path, html: Path) -> float:
    """Seconds from the mapped incidents to mapper's map.html on disk."""
    mapped = map_case(cases.read_inputs([incidents_table]), default_geocoder())
    start = time.perf_counter()
    html.write_text(make_map(mapped).get_root().render(), encoding="utf-8")
    return time.perf_counter() - start


def build_explore(incidents_table: Path, html: Path) -> float:
    """Seconds from the same incidents GeoDataFrame to explore()'s HTML on disk."""
    mapped = map_case(cases.read_inputs([incidents_table]), default_geocoder())
    start = time.perf_counter()
    mapped.incidents.explore().save(str(html))
    return time.perf_counter() - start


def mapper_command(incidents_table: Path, out: Path) -> float:
    """Wall seconds of the whole ``mapper map`` command, in a fresh process."""
    exe = shutil.which("mapper", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "mapper.cli"]
    start = time.perf_counter()
    subprocess.run([*command, "map", str(incidents_table), "--out", str(out), "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_to_ready(browser, html: Path, timeout_s: float,
                  refused: set[str]) -> tuple[float, float, int]:
    """(seconds until loaded and painted, JS heap in MB, console errors) of one fresh load.

    Addresses the page asked for that no npm package provides go into ``refused``.
    """
    loaded = new_page(browser, timeout_ms=int(timeout_s * 1000))
    page = loaded.page
    try:
        start = time.perf_counter()
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.evaluate(AFTER_PAINT)
        seconds = time.perf_counter() - start
        heap = page.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : 0")
    finally:
        page.context.close()
    refused.update(loaded.refused)
    return seconds, heap / 1e6, len(loaded.errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=2, help="best of this many page loads")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per page load")
    args = parser.parse_args()
    header = (f"{'incidents':>9}  {'map':<10} {'HTML MB':>8} {'build s':>8} {'ready s':>8} "
              f"{'heap MB':>8} {'errors':>6}  whole `mapper map` s")
    print(header)
    print("-" * len(header))
    results: dict[int, tuple[float, float]] = {}
    refused: dict[str, set[str]] = {"mapper": set(), "explore()": set()}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            table = write_table(folder / "incidents.csv", size)
            command_s = mapper_command(table, folder / "out")
            for name, build in (("mapper", build_mapper), ("explore()", build_explore)):
                html = folder / f"{name.strip('()')}.html"
                build_s = build(table, html)
                loads = [time_to_ready(browser, html, args.timeout, refused[name]) for _ in range(args.runs)]
                ready_s, heap_mb, errors = min(loads)
                extra = f"  {command_s:.2f}" if name == "mapper" else ""
                print(f"{size:>9,}  {name:<10} {html.stat().st_size / 1e6:>8.1f} {build_s:>8.2f} "
                      f"{ready_s:>8.2f} {heap_mb:>8.0f} {errors:>6}{extra}", flush=True)
                if name == "mapper":
                    results[size] = (build_s, ready_s)
        browser.close()
    for name, urls in refused.items():
        for url in sorted(urls):
            print(f"note: {name} asked for {url}, which no npm package provides "
                  "(refused; its console error is counted above)")
    if TARGET_SIZE in results:
        build_s, ready_s = results[TARGET_SIZE]
        verdict = "met" if build_s <= TARGET_BUILD_S and ready_s <= TARGET_READY_S else "NOT met"
        print(f"targets at {TARGET_SIZE:,}: built <= {TARGET_BUILD_S:.0f} s, ready <= "
              f"{TARGET_READY_S:.0f} s: {verdict} (built {build_s:.2f} s, ready {ready_s:.2f} s)")


if __name__ == "__main__":
    main()
