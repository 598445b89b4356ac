"""The incident table the map's script draws from (mapper.incident_table)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mapper.incident_table import incident_table, uncertainty_rows
from mapper.incidents import incidents_frame
from mapper.layers import INCIDENT_LAYERS, split_layers
from mapper.safe import escape, escape_many


def _row(n: int, **values) -> dict:
    return {"event_date": f"2024-11-{20 + n % 3:02d}", "event_type": "protest",
            "latitude": 33.0 + n / 1000, "longitude": 73.0, "precision_m": 500.0,
            "description": f"incident {n}", "source_publisher": "Same paper", **values}


def _cells(table: dict, label: str) -> list[str]:
    column = next(c for c in table["fields"] if c["label"] == label)
    return column.get("cells") or [column["values"][c] for c in column["codes"]]


@given(st.lists(st.text(), max_size=20))
def test_escape_many_is_escape_of_each(values):
    assert escape_many(values) == [escape(v) for v in values]


def test_table_rows_follow_the_frame_and_repeated_values_are_stored_once():
    frame = incidents_frame([_row(n) for n in range(10)], {})
    table = incident_table(frame)
    assert table["lat"] == [round(33.0 + n / 1000, 6) for n in range(10)]
    assert table["dates"] == ["2024-11-20", "2024-11-21", "2024-11-22"]
    assert [table["dates"][c] for c in table["date"]] == list(frame["event_date"])
    source = next(c for c in table["fields"] if c["label"] == "Source")
    assert source["values"] == ["Same paper"] and source["codes"] == [0] * 10
    assert _cells(table, "Description") == [f"incident {n}" for n in range(10)]
    assert "cells" in next(c for c in table["fields"] if c["label"] == "Description")


def test_casualties_link_and_empty_columns():
    rows = [_row(0, killed=3, killed_qualifier="at least", injured=12,
                 source_url="https://example.org/a?b=1&c=2"),
            _row(1, source_url="javascript:alert(1)")]
    table = incident_table(incidents_frame(rows, {}))
    assert _cells(table, "Killed") == ["at least 3", ""]
    assert table["weight"] == [42, 0]
    link = next(c for c in table["fields"] if c["label"] == "Source URL")
    assert link["link"] is True
    # Only an http(s) address can become a link in the browser; the rest stays text.
    assert _cells(table, "Source URL") == ["https://example.org/a?b=1&amp;c=2",
                                           "javascript:alert(1)"]
    assert not any(c["label"] == "Notes" for c in table["fields"])  # no values: no row


def test_one_precision_circle_per_place_radius_and_day():
    rows = [_row(0), _row(0, description="same place, radius and day"),
            _row(3), _row(0, precision_m=2000.0), _row(5, precision_m=None)]
    frame = incidents_frame(rows, {})
    assert uncertainty_rows(frame).tolist() == [0, 2, 3]


def test_layers_take_rows_by_type_and_casualties():
    rows = [_row(0, event_type="clash", injured=2), _row(1, event_type="closure"), _row(2)]
    layers = {spec.key: rows.tolist() for spec, rows in split_layers(incidents_frame(rows, {}))}
    assert layers["clashes"] == [0] and layers["casualties"] == [0]
    assert layers["closures"] == [1] and layers["protests"] == [2]
    assert set(layers) == {spec.key for spec in INCIDENT_LAYERS}
