"""Text from articles and tables is untrusted: it never reaches the HTML unescaped."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

from conftest import run_mapper
from hypothesis import given
from hypothesis import strategies as st

from mapper.mapview import incident_popup_html
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


@given(st.dictionaries(st.sampled_from(["description", "actor1", "notes", "place_name",
                                        "source_url", "event_type"]), st.text()))
def test_popup_never_contains_raw_input_markup(row):
    # Whatever the values, the popup holds only the popup's own elements and
    # attributes, and every value is there as text.
    popup = incident_popup_html(row)
    parser = _Elements()
    parser.feed(popup)
    parser.close()
    assert parser.tags <= {"div", "b", "table", "tr", "th", "td", "a"}
    assert parser.attributes <= {"class", "style", "href", "target", "rel"}
    assert all(href.startswith(("http://", "https://")) for href in parser.hrefs)
    text = "".join(parser.text)
    for name, value in row.items():
        if value.strip() and name != "source_url":
            assert value in text


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}
        self.hrefs += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data):
        self.text.append(data)


def test_safe_url_only_allows_http():
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url(" data:text/html,x") == ""
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
