"""Text from articles and tables is untrusted: it never reaches the HTML unescaped."""

from __future__ import annotations

import html
import json

from conftest import run_mapper
from hypothesis import given
from hypothesis import strategies as st

from mapper.incident_table import incident_table
from mapper.incidents import incidents_frame
from mapper.safe import escape, safe_url

HOSTILE = {
    "description": "<script>alert(1)</script> and ${alert(2)} and `backtick` {{ 7*7 }}",
    "actor1": '<img src=x onerror="alert(3)">',
    "notes": '<a href="javascript:alert(4)">click</a>',
    "place_name": "D-Chowk",
}


def test_hostile_table_text_is_escaped_in_the_map(tmp_path):
    table = tmp_path / "hostile.csv"
    cols = ["event_date", "event_type", *HOSTILE]
    rows = [",".join(cols), ",".join(["2024-11-26", "protest",
                                      *(json.dumps(v) for v in HOSTILE.values())])]
    # json.dumps quotes with \" ; CSV wants "" inside quoted cells.
    table.write_text("\n".join(rows).replace('\\"', '""') + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_mapper("map", str(table), "--out", str(out), "--country", "PK")
    assert proc.returncode == 0, proc.stderr
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "alert(1)" in page  # the text is shown...
    for raw in ("<script>alert(1)", "<img src=x", 'href="javascript:', "${alert(2)}", "`backtick`",
                "{{ 7*7 }}"):
        assert raw not in page  # ...but never as markup, script or template code
    assert "7*7" in page  # shown as text, not evaluated by the template engine


def test_title_from_case_file_is_escaped(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    (case / "case.toml").write_text('title = "<script>alert(9)</script>"\n', encoding="utf-8")
    (case / "incidents.csv").write_text("event_date,event_type,place_name\n"
                                        "2024-11-26,protest,D-Chowk\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_mapper("map", str(case), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "<script>alert(9)" not in page
    assert "&lt;script&gt;alert(9)" in page


@given(st.text())
def test_escaped_text_has_no_markup_or_template_syntax(text):
    out = escape(text)
    for char in "<>\"'`$\\{}":
        assert char not in out
    assert html.unescape(out) == text


_MARKUP = set("<>\"'`$\\{}")


@given(st.dictionaries(st.sampled_from(["description", "actor1", "notes", "place_name",
                                        "source_url", "event_type", "killed_qualifier"]),
                       st.text()),
       st.lists(st.text(), max_size=5))
def test_map_table_holds_input_only_as_escaped_text(row, others):
    # Whatever the values, every text the map's script puts into a popup or
    # tooltip is escaped, and every value is there: shown as text, never dropped.
    rows = [{"event_date": "2024-11-26", "event_type": "protest", "latitude": 33.7,
             "longitude": 73.1, "killed": 3, **row}]
    rows += [{"event_date": "2024-11-27", "event_type": "clash", "latitude": 33.8,
              "longitude": 73.0, "description": text} for text in others]
    table = incident_table(incidents_frame(rows, {}))
    shown = []
    for column in table["fields"]:
        assert not _MARKUP & set(column["label"])
        cells = column.get("cells") or [column["values"][c] for c in column["codes"]]
        assert len(cells) == len(rows)
        for cell in cells:
            assert not _MARKUP & set(cell), cell
        shown.append([html.unescape(c) for c in cells])
    by_row = ["\n".join(texts) for texts in zip(*shown, strict=True)]
    for name, value in row.items():
        if value.strip() and name != "killed_qualifier":
            assert value in by_row[0], name
    for i, text in enumerate(others, start=1):
        if text.strip():
            assert text in by_row[i]
    if row.get("killed_qualifier", "").strip():
        assert f"{row['killed_qualifier']} 3".strip() in by_row[0]


def test_safe_url_only_allows_http():
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url(" data:text/html,x") == ""
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
