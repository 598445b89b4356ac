"""Dates in a sentence, absolute or relative to the report's publication date.

"on Monday" in a report of Tuesday 26 Nov 2024 is 25 Nov 2024; "yesterday" is
the day before; "November 24" takes the year of the report (the year before,
if that date would fall after the report).
"""

from __future__ import annotations

import datetime as dt

from mapper.text.cues import Cue, Found, lowered
from mapper.text.reader import MONTHS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DIGITS = "0 1 2 3 4 5 6 7 8 9"
_MONTH_WORDS = "jan feb mar apr may jun jul aug sep oct nov dec"
_DAY_MONTH = Cue(
    rf"\b(?:(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m1>{_MONTH})\.?"
    rf"|(?P<m2>{_MONTH})\.?\s(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]))"
    rf"(?:,?\s(?P<y>[0-9]{{4}}))?\b",
    _MONTH_WORDS, also=_DIGITS,
)
_WEEKDAY = Cue(rf"\b(?P<rel>next|last|this|past)?\s?(?P<wd>{'|'.join(WEEKDAYS)})\b",
               " ".join(WEEKDAYS))
_RELATIVE = Cue(r"\b(yesterday|today|tonight|last night|this morning|on the same day)\b",
                "yesterday today tonight last_night this_morning on_the_same_day")
_MONTH_YEAR = Cue(rf"\b(?:in\s)?(?P<m>{_MONTH})\s(?P<y>[0-9]{{4}})\b", _MONTH_WORDS, also=_DIGITS)
#: The cues :func:`find_date` checks (for a :class:`mapper.text.cues.CueSet`).
DATE_CUES = (_DAY_MONTH, _WEEKDAY, _RELATIVE, _MONTH_YEAR)


def find_date(sentence: str, published: dt.date | None, low: str | Found | None = None
              ) -> tuple[dt.date, int] | None:
    """The first date a sentence names, with its ACLED time precision (1 day, 3 month).

    ``low`` is the sentence as :func:`mapper.text.cues.lowered` gives it, if the
    caller has it. Returns None when the sentence names no date it can be resolved to.
    """
    low = lowered(sentence) if low is None else low
    candidates: list[tuple[int, dt.date, int]] = []
    for m in _DAY_MONTH.finditer(sentence, low):
        month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else None
        date = _calendar_date(year, month, day, published)
        if date:
            candidates.append((m.start(), date, 1))
            break  # only the first date counts; later ones of a kind come later
    if published:
        for m in _RELATIVE.finditer(sentence, low):
            word = m.group(1).lower()
            delta = -1 if word in ("yesterday", "last night") else 0
            candidates.append((m.start(), published + dt.timedelta(days=delta), 1))
            break
        for m in _WEEKDAY.finditer(sentence, low):
            rel = (m.group("rel") or "").lower()
            target = WEEKDAYS.index(m.group("wd").lower())
            back = (published.weekday() - target) % 7
            if rel == "next":
                date = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
            elif rel == "last" and back == 0:
                date = published - dt.timedelta(days=7)
            else:
                date = published - dt.timedelta(days=back)
            candidates.append((m.start(), date, 1))
            break
    for m in _MONTH_YEAR.finditer(sentence, low):
        try:
            date = dt.date(int(m.group("y")), MONTHS[m.group("m").lower()], 1)
        except ValueError:
            continue
        if not any(abs(pos - m.start()) < 12 for pos, _, _ in candidates):
            candidates.append((m.start(), date, 3))
            break
    if not candidates:
        return None
    _, date, precision = min(candidates, key=lambda c: c[0])
    return date, precision


def _calendar_date(year: int | None, month: int, day: int, published: dt.date | None
                   ) -> dt.date | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if date - published > dt.timedelta(days=31):
            date = date.replace(year=year - 1)
        return date
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
