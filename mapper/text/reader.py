"""Reading reports: plain text or HTML -> a :class:`Document`.

A report's publication date and place come, in order of trust, from the
caller (``--date``), a leading ``date YYYY-MM-DD`` line (or ``date:`` header
of the form used by the test data), or a dateline such as ``Islamabad, Nov 26``
or ``ISLAMABAD:`` at the start of the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from mapper.errors import InputError
from mapper.textfile import read_utf8

#: Extensions read as HTML (main text extracted); everything else is plain text.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Extensions ``mapper map`` treats as reports rather than tables.
REPORT_SUFFIXES = frozenset({".txt", ".text", ".md"}) | HTML_SUFFIXES

MAX_REPORT_BYTES = 20_000_000

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

_HEADER_DATE = re.compile(r"\A\s*(?:source:[^\n]*\n)?\s*date:?\s+(\d{4}-\d{2}-\d{2}|unknown)\b[ \t]*\n?",
                          re.IGNORECASE)
_SOURCE_LINE = re.compile(r"\A\s*source:\s*([^\n]*)\n", re.IGNORECASE)
#: "Islamabad, Nov 26", "ISLAMABAD, November 26, 2024 -", "NAIROBI:", "TBILISI, Georgia (VOA) -",
#: "CALI, Colombia, May 5 (Reuters) -"
_DATELINE = re.compile(
    rf"""\s*(?P<place>[A-Z][A-Za-z'.\-]+(?:[ ][A-Z][A-Za-z'.\-]+){{0,2}})
        (?:,\s*(?!(?:{_MONTH_RE})\.?\s+\d)(?P<region>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?))?
        (?:,\s*(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?)?
        \s*(?:\((?:[A-Za-z. ]{{1,20}})\))?\s*(?P<sep>[:\u2014\u2013-]|\s)""",
    re.VERBOSE | re.IGNORECASE,
)
_HEADLINE_MAX = 160


@dataclass(frozen=True)
class Document:
    """A report ready for extraction.

    Attributes
    ----------
    text
        The body; every offset in mapper's output indexes this string.
    date
        Publication date, if known.
    dateline
        Place named in the dateline (``"Islamabad"``), empty if none.
    dateline_span
        (start, end) of that place name in :attr:`text`.
    source
        Where the report came from (URL or file name).
    title
        Title, if the input had one.
    """

    text: str
    date: dt.date | None = None
    dateline: str = ""
    dateline_span: tuple[int, int] | None = None
    source: str = ""
    title: str = ""
    path: Path | None = field(default=None, compare=False)


def read_report(path: Path, *, date: dt.date | None = None) -> Document:
    """Read a report file (plain text or HTML, UTF-8).

    Raises
    ------
    InputError
        Missing, unreadable, too large, not UTF-8, or empty.
    """
    text = read_utf8(path, what="a report", max_bytes=MAX_REPORT_BYTES)
    if path.suffix.lower() in HTML_SUFFIXES:
        doc = parse_html(text, source=str(path), date=date)
    else:
        doc = parse_text(text, source=str(path), date=date)
    if not doc.text.strip():
        raise InputError(f"{path}: no text found")
    return Document(doc.text, doc.date, doc.dateline, doc.dateline_span, doc.source,
                    doc.title, path)


def parse_text(text: str, *, source: str = "", date: dt.date | None = None) -> Document:
    """A :class:`Document` from plain text: header lines and dateline parsed, body kept.

    The header forms ``source: ...`` / ``date: YYYY-MM-DD`` (then a blank line) and a
    leading ``date YYYY-MM-DD`` are removed from the body; a dateline stays in it.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source_match = _SOURCE_LINE.match(text)
    if source_match:
        source = source_match.group(1).strip() or source
    header = _HEADER_DATE.match(text)
    if header:
        if date is None and header.group(1).lower() != "unknown":
            date = _iso_date(header.group(1))
        text = text[header.end():]
        if text.startswith("\n"):
            text = text[1:]
    elif source_match:
        text = text[source_match.end():]
    body = text
    dateline, span = "", None
    match = _dateline_match(body)
    if match:
        place = match.group("place").strip(" .")
        dateline, span = place, (match.start("place"), match.start("place") + len(place))
        if date is None and match.group("month"):
            date = _dateline_date(match, date)
    return Document(body, date, dateline, span, source)


def parse_html(html: str, *, source: str = "", date: dt.date | None = None) -> Document:
    """A :class:`Document` from an HTML page: its main text (trafilatura), title and date."""
    import trafilatura  # imported only for HTML input: it is slow to import

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        return Document("", date, source=source)
    body = getattr(extracted, "text", None) or ""
    title = getattr(extracted, "title", None) or ""
    page_date = getattr(extracted, "date", None)
    if date is None and page_date:
        try:
            date = _iso_date(str(page_date)[:10])
        except InputError:
            date = None
    doc = parse_text(body, source=source, date=date)
    return Document(doc.text, doc.date, doc.dateline, doc.dateline_span, doc.source, title)


def _dateline_match(body: str) -> re.Match[str] | None:
    # Wire copy often opens with its headline, then the dateline: "Soldiers open fire ...\n\n
    # LAGOS, Oct 21 (Reuters) - ...". A headline is one short line with no full stop.
    match = _DATELINE.match(body)
    if _is_dateline(match):
        return match
    first_line_end = body.find("\n")
    headline = body[:first_line_end].strip() if first_line_end >= 0 else ""
    if not headline or len(headline) > _HEADLINE_MAX or headline[-1] in ".!?":
        return None
    match = _DATELINE.match(body, first_line_end)
    return match if _is_dateline(match) else None


def _is_dateline(match: re.Match[str] | None) -> bool:
    if not match or not (match.group("month") or match.group("region")
                         or match.group("sep") in (":", "\u2014", "\u2013", "-")):
        return False
    place = match.group("place").strip(" .")
    return place.lower() not in MONTHS and not _is_sentence_opening(place)


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"date {value!r}: expected YYYY-MM-DD") from None


def _dateline_date(match: re.Match[str], fallback: dt.date | None) -> dt.date | None:
    # A dateline without a year ("Nov 26") only dates the report if a year is known.
    if not match.group("year"):
        return fallback
    try:
        return dt.date(int(match.group("year")), MONTHS[match.group("month").lower()],
                       int(match.group("day")))
    except ValueError:
        return fallback


_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "as", "while", "however", "but",
                      "this", "that", "it", "he", "she", "they", "we", "police", "protesters",
                      "opposition", "security"})


def _is_sentence_opening(word: str) -> bool:
    return word.split()[0].lower() in _OPENERS
