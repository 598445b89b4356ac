"""The generated maps, opened in a real browser (Debian's Chromium via Playwright).

No CDN and no tile server is reachable: scripts and styles are served from the
npm packages in ``web/node_modules`` and tiles are blank (see ``browser.py``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from browser import launch, open_map
from conftest import run_mapper
from playwright import sync_api

from mapper.layers import AREA_STYLE, INCIDENT_LAYERS, PLACES_STYLE, ROUTE_STYLE

#: JavaScript that finds the page's Leaflet map (folium names it map_<id>).
_MAP = "window[Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map)]"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def founding_map(browser, default_run):
    loaded = open_map(browser, default_run / "map.html")
    yield loaded
    loaded.page.context.close()


def _incidents(out: Path) -> list[dict]:
    data = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    return [f["properties"] for f in data["features"]]


def _on_layer(spec, incidents: list[dict]) -> list[dict]:
    """The incidents the layer ``spec`` shows."""
    chosen = spec.select(pd.DataFrame(incidents)).tolist()
    return [r for r, on in zip(incidents, chosen, strict=True) if on]


def test_founding_map_loads_with_zero_console_errors(founding_map, default_run):
    assert founding_map.errors == []
    assert founding_map.refused == []  # every script and style was one of the npm files
    assert any("leaflet.js" in url for url in founding_map.served)
    assert founding_map.page.evaluate(f"{_MAP}.getZoom()") > 0
    shot = default_run / "map.png"
    founding_map.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_every_overlay_layer_is_listed(founding_map, default_run):
    names = founding_map.overlay_names()
    incidents = _incidents(default_run)
    expected = [spec.title for spec in INCIDENT_LAYERS if _on_layer(spec, incidents)]
    expected += [ROUTE_STYLE["title"], AREA_STYLE["title"], PLACES_STYLE["title"]]
    for title in expected:
        assert any(name.startswith(title) for name in names), (title, names)
    # Layer names carry their feature counts: "Clash sites (2)".
    clash_count = len(_on_layer(INCIDENT_LAYERS[0], incidents))
    assert f"{INCIDENT_LAYERS[0].title} ({clash_count})" in names


def test_unticking_a_layer_removes_its_features(founding_map, default_run):
    page = founding_map.page
    spec = INCIDENT_LAYERS[0]  # clash sites
    markers = page.locator(f"path.mapper-layer-{spec.key}")
    shown = len(_on_layer(spec, _incidents(default_run)))
    assert markers.count() == shown > 0
    box = founding_map.overlay_checkbox(spec.title)
    box.uncheck()
    assert markers.count() == 0
    assert page.locator("path.leaflet-interactive").count() > 0  # other layers stay
    box.check()
    assert markers.count() == shown


def test_clicking_a_marker_opens_its_popup_with_attributes_and_source(founding_map, default_run):
    page = founding_map.page
    spec = INCIDENT_LAYERS[0]
    # A real click at the centre of a marker that is not covered by another one.
    point = page.evaluate(
        """cls => {
          for (const el of document.querySelectorAll('path.' + cls)) {
            const r = el.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (document.elementFromPoint(x, y) === el) return [x, y];
          }
          return null;
        }""", f"mapper-layer-{spec.key}")
    assert point is not None
    page.mouse.click(*point)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    text = popup.inner_text()
    clashes = _on_layer(spec, _incidents(default_run))
    shown = [r for r in clashes if r["description"][:40] in text]
    assert len(shown) == 1, text
    incident = shown[0]
    for label, value in (("Event type", incident["event_type"]), ("Source", incident["source_publisher"]),
                         ("Date", incident["event_date"])):
        assert label in text and value in text, (label, value, text)
    page.keyboard.press("Escape")


def test_legend_is_visible(founding_map):
    legend = founding_map.page.locator(".mapper-legend")
    assert legend.is_visible()
    box = legend.bounding_box()
    assert box and box["x"] >= 0 and box["y"] + box["height"] <= 800
    assert INCIDENT_LAYERS[0].title in legend.inner_text()


HOSTILE = {
    "description": "<script>window.__pwned = 'script'</script> crowd at the square",
    "actor1": "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "notes": "<a href=\"javascript:window.__pwned = 'link'\">details</a>",
    "place_name": "<img src=y onerror=\"window.__pwned = 'place'\">Square",
    "source_publisher": "<svg onload=\"window.__pwned = 'svg'\"></svg>",
}


def test_hostile_text_is_shown_as_text_and_never_runs(browser, tmp_path):
    table = tmp_path / "hostile.csv"
    with table.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["event_date", "event_type", "latitude", "longitude", *HOSTILE])
        writer.writerow(["2024-11-26", "protest", "33.7", "73.1", *HOSTILE.values()])
    out = tmp_path / "out"
    proc = run_mapper("map", str(table), "--out", str(out))
    assert proc.returncode == 0, proc.stderr

    loaded = open_map(browser, out / "map.html", init_script="window.__pwned = false;")
    page = loaded.page
    # Open every popup and tooltip: markup in them would run now.
    page.evaluate(f"""() => {{
        const map = {_MAP};
        map.eachLayer(l => {{
          if (l.getPopup && l.getPopup()) {{ l.openPopup(); }}
          if (l.getTooltip && l.getTooltip()) {{ l.openTooltip(); }}
        }});
    }}""")
    page.locator(".leaflet-popup-content").first.wait_for(state="visible")
    page.wait_for_timeout(300)  # let a hostile image's load error fire, were there one
    assert page.evaluate("window.__pwned") is False
    assert loaded.dialogs == []
    assert loaded.errors == []
    assert page.locator(".leaflet-popup-content a[href^='javascript:']").count() == 0
    assert page.locator(".leaflet-popup-content img, .leaflet-popup-content svg").count() == 0
    text = page.locator(".leaflet-popup-content").first.inner_text()
    assert "<script>window.__pwned" in text  # shown, as text
    page.context.close()


def test_self_contained_map_makes_no_request_but_tiles(browser, tmp_path):
    out = tmp_path / "offline"
    proc = run_mapper("map", "--self-contained", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    page_html = (out / "map.html").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in page_html and "<script src=" not in page_html
    loaded = open_map(browser, out / "map.html", serve_assets=False)
    assert loaded.refused == []  # nothing but tiles was asked for
    assert loaded.served == []
    assert loaded.tiles > 0
    assert loaded.errors == []
    # The inlined stylesheet works: the layer control has Leaflet's styling and icon.
    assert loaded.page.locator(".leaflet-control-layers").evaluate(
        "el => getComputedStyle(el).borderRadius") == "5px"
    assert len(loaded.overlay_names()) >= 4
    loaded.page.context.close()


def test_self_contained_clustered_map_makes_no_request_but_tiles(browser, tmp_path):
    # Clusters and the heat map bring their own scripts (Supercluster, Leaflet.heat).
    from mapper.synthetic import write_table

    table = write_table(tmp_path / "incidents.csv", 1000)
    out = tmp_path / "offline"
    proc = run_mapper("map", str(table), "--self-contained", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    loaded = open_map(browser, out / "map.html", serve_assets=False)
    page = loaded.page
    assert page.locator(".mapper-cluster").count() > 0
    heat = next(n for n in loaded.overlay_names() if n.startswith("Heat map"))
    loaded.overlay_checkbox(heat).check()
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    page.wait_for_timeout(200)
    assert loaded.refused == [] and loaded.served == []
    assert loaded.errors == []
    page.context.close()


def _marker_dates(page) -> list[str]:
    """Dates of the incident markers drawn now (every incident layer)."""
    return page.evaluate("""() => {
        const out = [];
        (window.mapperDatedLayers || []).forEach(layer => layer.drawn().forEach(l => {
          const el = l.getElement && l.getElement();
          if (el && /mapper-layer-/.test(el.getAttribute('class'))) {
            out.push(layer.table.date(l.options.row));
          }
        }));
        return out;
    }""")


def test_time_slider_shows_one_day_or_every_day_up_to_it(founding_map, default_run):
    page = founding_map.page
    incidents = _incidents(default_run)
    on_layers = [r["event_date"] for spec in INCIDENT_LAYERS for r in _on_layer(spec, incidents)]
    dates = sorted(set(on_layers))
    assert len(dates) >= 2
    slider = page.locator(".mapper-time-range")
    assert sorted(_marker_dates(page)) == sorted(on_layers)  # "All dates" at the left end
    slider.fill("2")  # the second day
    assert page.locator(".mapper-time-label").inner_text() == dates[1]
    assert sorted(_marker_dates(page)) == sorted(d for d in on_layers if d == dates[1])
    page.locator(".mapper-time-cumulative").check()
    assert page.locator(".mapper-time-label").inner_text() == f"up to {dates[1]}"
    assert sorted(_marker_dates(page)) == sorted(d for d in on_layers if d <= dates[1])
    # Back to every date.
    slider.fill("0")
    page.locator(".mapper-time-cumulative").uncheck()
    assert sorted(_marker_dates(page)) == sorted(on_layers)


def test_uncertainty_layer_draws_each_precision_radius_in_metres(founding_map, default_run):
    radii = founding_map.page.evaluate("""() => {
        const out = [];
        (window.mapperDatedLayers || []).forEach(layer => layer.drawn().forEach(l => {
          if (l instanceof L.Circle) {
            const p = l.getLatLng();
            out.push([+p.lng.toFixed(6), +p.lat.toFixed(6), l.getRadius()]);
          }
        }));
        return out;
    }""")
    expected = {(round(r["longitude"], 6), round(r["latitude"], 6), float(r["precision_m"]))
                for r in _incidents(default_run) if r["precision_m"]}
    assert {tuple(r) for r in radii} == expected
    assert founding_map.page.locator("path.mapper-uncertainty").count() >= 1
    assert any(n.startswith("Location uncertainty") for n in founding_map.overlay_names())


def test_unresolved_places_are_listed_on_the_map(browser, tmp_path):
    table = tmp_path / "incidents.csv"
    table.write_text(
        "event_date,event_type,place_name\n"
        "2024-11-26,protest,D-Chowk\n"
        "2024-11-26,clash,Qwxzzy Chowk <b>bold</b>\n"
        "2024-11-27,clash,Qwxzzy Chowk <b>bold</b>\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_mapper("map", str(table), "--out", str(out), "--country", "PK")
    assert proc.returncode == 0, proc.stderr
    loaded = open_map(browser, out / "map.html")
    panel = loaded.page.locator(".mapper-unresolved")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "1 place could not be located" in text
    assert "Qwxzzy Chowk <b>bold</b> (2 incidents)" in text  # as text, not markup
    assert loaded.page.locator(".mapper-unresolved b").count() == 0
    assert loaded.errors == []
    loaded.page.context.close()


@pytest.fixture(scope="module")
def synthetic_map(browser, tmp_path_factory):
    from mapper.synthetic import write_table

    folder = tmp_path_factory.mktemp("synthetic")
    table = write_table(folder / "incidents.csv", 5000)
    proc = run_mapper("map", str(table), "--out", str(folder / "out"))
    assert proc.returncode == 0, proc.stderr
    loaded = open_map(browser, folder / "out" / "map.html", timeout_ms=60_000)
    loaded.out = folder / "out"
    yield loaded
    loaded.page.context.close()


def test_five_thousand_incidents_load_clustered_with_zero_errors(synthetic_map):
    page = synthetic_map.page
    assert synthetic_map.errors == [] and synthetic_map.refused == []
    clusters = page.locator(".mapper-cluster > div")
    assert clusters.count() > 0
    counts = [int(title.split()[0]) for title in
              clusters.evaluate_all("els => els.map(e => e.getAttribute('title'))")]
    assert max(counts) > 1
    # Every incident is in one of the clusters or markers of its layer (all in view at first).
    clash_title = next(n for n in synthetic_map.overlay_names()
                       if n.startswith(INCIDENT_LAYERS[0].title))
    assert f"({_clustered_in_view(page, INCIDENT_LAYERS[0])})" in clash_title
    names = synthetic_map.overlay_names()
    heat = next(n for n in names if n.startswith("Heat map"))
    synthetic_map.overlay_checkbox(heat).check()
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    page.wait_for_timeout(200)
    assert synthetic_map.errors == []


def _clustered_in_view(page, spec) -> int:
    """Incidents of a clustered layer in view: its clusters' counts plus its single markers."""
    return page.evaluate("""colour => {
        const layer = window.mapperDatedLayers.find(l => l.opts && l.opts.colour === colour);
        return layer.clusters.reduce((n, c) => n + +c.getElement().firstChild.title.split(' ')[0],
                                     layer.drawn().length);
    }""", spec.colour)


def test_time_slider_filters_clustered_layers(synthetic_map):
    page = synthetic_map.page
    spec = INCIDENT_LAYERS[0]
    dates = [r["event_date"] for r in _on_layer(spec, _incidents(synthetic_map.out))]
    page.locator(".mapper-time-range").fill("3")
    day = page.locator(".mapper-time-label").inner_text()
    assert _clustered_in_view(page, spec) == dates.count(day) > 0
    page.locator(".mapper-time-cumulative").check()
    assert _clustered_in_view(page, spec) == sum(d <= day for d in dates)
    page.locator(".mapper-time-cumulative").uncheck()
    page.locator(".mapper-time-range").fill("0")
    assert _clustered_in_view(page, spec) == len(dates)
    assert synthetic_map.errors == []


def test_popups_stay_available_in_clusters(synthetic_map):
    page = synthetic_map.page
    # Zoom in on one incident until its marker is out of any cluster, then click it for real.
    page.evaluate(f"""() => {{
        const layer = window.mapperDatedLayers.find(l => l.index);  // a clustered layer
        window.__layer = layer;
        window.__row = layer.rows[0];
        {_MAP}.setView(layer.table.latLng(window.__row), 18, {{animate: false}});
    }}""")
    page.wait_for_function("() => window.__layer.drawn().some(m => m.options.row === window.__row"
                           " && m.getElement() && m.getElement().isConnected)")
    point = page.evaluate("""() => {
        const m = window.__layer.drawn().find(m => m.options.row === window.__row);
        const r = m.getElement().getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];
    }""")
    page.mouse.click(*point)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert "Synthetic incident" in popup.inner_text()
    assert "incident-mapper synthetic data" in popup.inner_text()
