"""Incidents -> one compact, escaped table that the map's JavaScript draws from.

A map of 100,000 incidents cannot carry a popup's HTML per marker: the page
would weigh gigabytes and take minutes to build. Instead the located incidents
go into the page once, column by column (see :func:`incident_table`), and the
browser assembles a popup or tooltip only when one is opened
(``mapper/plugins/incident_layers.js``).

Every text value is HTML-escaped here, with :func:`mapper.safe.escape_many`; the
JavaScript only joins escaped values with fixed markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from mapper import schema
from mapper.layers import counts
from mapper.safe import escape, escape_many, safe_url

#: A column with more distinct values than this share of its rows is shipped
#: value by value; otherwise as its distinct values plus one code per row.
_DICTIONARY_MAX_SHARE = 0.5


def _encode(label: str, cells: list[str], *, link: bool = False) -> dict[str, Any] | None:
    """One popup row's column: escaped ``cells`` (one per incident), compacted."""
    if not any(cells):
        return None
    codes, uniques = pd.factorize(pd.Series(cells, dtype=object))
    column: dict[str, Any] = {"label": escape(label)}
    if link:
        column["link"] = True
    if len(uniques) <= _DICTIONARY_MAX_SHARE * len(cells):
        column["values"] = list(uniques)
        column["codes"] = codes.tolist()
    else:
        column["cells"] = cells
    return column


def _cells(column: pd.Series, form: Callable[[Any], str] = str, *,
           link: bool = False) -> list[str]:
    """Escaped ``form(value)`` of each value ("" for missing); each distinct value done once.

    ``link``: an http(s) address stays an (escaped) address, to become a link in the
    browser; any other value is escaped text.
    """
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    if link:
        texts = [safe_url(v) or escape(v) for v in uniques]
    else:
        texts = escape_many([form(v) for v in uniques])
    texts.append("")
    return [texts[c] for c in codes]  # code -1 (missing) -> the trailing ""


def _casualty_cells(rows: pd.DataFrame, name: str) -> list[str]:
    """``"at least 12"``: the count with its qualifier, escaped ("" when not reported)."""
    values = pd.to_numeric(rows[name], errors="coerce")
    qualifiers = rows.get(f"{name}_qualifier", pd.Series("", index=rows.index)).fillna("")
    texts = [f"{q} {int(v)}".strip() if not pd.isna(v) else ""
             for q, v in zip(qualifiers, values, strict=True)]
    return _cells(pd.Series(texts, dtype=object).replace("", None))


def _popup_cells(rows: pd.DataFrame, field: schema.Field) -> list[str]:
    column = rows[field.name].replace("", None) if field.kind in ("str", "date") else rows[field.name]
    if field.name == "time_precision":
        return _cells(column, lambda v: schema.TIME_PRECISION.get(int(v), str(v)))
    if field.name == "geo_precision":
        return _cells(column, lambda v: f"{int(v)} ({schema.GEO_PRECISION[int(v)][0]})")
    if field.name == "precision_m":
        return _cells(column, lambda v: f"{float(v):,.0f}")
    if field.name in ("killed", "injured"):
        return _casualty_cells(rows, field.name)
    return _cells(column.astype(object))


def incident_table(located: pd.DataFrame) -> dict[str, Any]:
    """The map's data about ``located`` incidents (rows with a point geometry), JSON-ready.

    Returns
    -------
    dict
        ``lat``, ``lon``: coordinates (6 decimals); ``dates`` (sorted distinct
        ISO dates) and ``date`` (per row, an index into ``dates``, -1 for none);
        ``weight``: ``10 * killed + injured``; ``precision_m``; ``fields``: the
        popup's rows in :data:`mapper.schema.FIELDS` order, each with an escaped
        ``label`` and either ``cells`` (escaped text per incident) or ``values``
        and ``codes``, ``link`` for addresses; ``heading`` and ``tooltip``:
        positions in ``fields`` of event type / sub-type and place / type.
    """
    geometry = located.geometry
    date_codes, dates = pd.factorize(located["event_date"].replace("", None), sort=True)
    fields: list[dict[str, Any]] = []
    position: dict[str, int] = {}
    for field in schema.FIELDS:
        if not field.in_popup or field.name.endswith("_qualifier") or field.name not in located:
            continue
        if field.name == "source_url":
            cells, link = _cells(located[field.name].replace("", None), link=True), True
        else:
            cells, link = _popup_cells(located, field), False
        column = _encode(field.label, cells, link=link)
        if column is not None:
            position[field.name] = len(fields)
            fields.append(column)
    precision = pd.to_numeric(located["precision_m"], errors="coerce").astype(float)
    return {
        "lat": np.round(geometry.y.to_numpy(dtype=float), 6).tolist(),
        "lon": np.round(geometry.x.to_numpy(dtype=float), 6).tolist(),
        "dates": [str(d) for d in dates],
        "date": date_codes.tolist(),
        "weight": (10 * counts(located["killed"]) + counts(located["injured"])).tolist(),
        "precision_m": [None if np.isnan(p) else float(p) for p in precision.to_numpy()],
        "fields": fields,
        "heading": [position.get("event_type"), position.get("sub_event_type")],
        "tooltip": [position.get("place_name"), position.get("event_type")],
    }


def uncertainty_rows(located: pd.DataFrame) -> np.ndarray:
    """Positions of the incidents whose precision circle is drawn: one per place, radius and day."""
    radius = pd.to_numeric(located["precision_m"], errors="coerce")
    key = pd.DataFrame({
        "x": np.round(located.geometry.x.to_numpy(dtype=float), 6),
        "y": np.round(located.geometry.y.to_numpy(dtype=float), 6),
        "r": radius.to_numpy(dtype=float), "d": located["event_date"].to_numpy(dtype=object),
    })
    keep = (radius.to_numpy(dtype=float) > 0) & ~key.duplicated().to_numpy()
    return np.flatnonzero(keep)


def popup_html(table: dict[str, Any], i: int) -> str:
    """Row ``i``'s popup, as the map's JavaScript builds it (for KML balloons).

    ``table`` is an :func:`incident_table`; its cells are escaped already.
    """
    def cell(k: int | None) -> str:
        if k is None:
            return ""
        field = table["fields"][k]
        return field["cells"][i] if "cells" in field else field["values"][field["codes"][i]]

    event_type, sub_type = (cell(k) for k in table["heading"])
    rows = []
    for k, field in enumerate(table["fields"]):
        value = cell(k)
        if not value:
            continue
        if field.get("link") and value.lower().startswith(("http://", "https://")):
            value = f'<a href="{value}">{value}</a>'
        rows.append(f"<tr><th>{field['label']}</th><td>{value}</td></tr>")
    heading = f"{event_type}: {sub_type}" if sub_type else event_type
    return f"<b>{heading}</b><table>{''.join(rows)}</table>"
