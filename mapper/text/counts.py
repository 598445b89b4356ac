"""Numbers in news text, with their qualifiers.

"at least one", "more than a hundred", "tens of thousands", "dozens", "300",
"nearly 2,000" -> ``Count(value, qualifier, text)``. Vague plurals get the
smallest value they imply and the qualifier "at least" ("dozens" -> at least 24).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a single": 1, "a dozen": 12, "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
#: Vague amounts -> (smallest value implied, qualifier).
_VAGUE = {
    "tens of thousands": (20_000, "at least"), "hundreds of thousands": (200_000, "at least"),
    "thousands": (2_000, "at least"), "hundreds": (200, "at least"),
    "scores": (40, "at least"), "dozens": (24, "at least"), "several": (3, "at least"),
    "a few": (2, "at least"), "a number of": (2, "at least"), "many": (2, "at least"),
}
_QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than",
    "upwards of": "more than", "nearly": "about", "almost": "about", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "up to": "up to", "as many as": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
}
_WORD_NUM = (r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
             r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
             r"forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|"
             r"seven|eight|nine))?(?:\s(?:hundred|thousand|million))*"
             r"|a\ssingle|a\sdozen|(?:\d+\s)?dozen)")
_COUNT = re.compile(
    r"(?<![\w.,])(?:(?P<qual>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True))
    + r")\s)?(?P<num>" + "|".join(sorted(_VAGUE, key=len, reverse=True))
    + r"|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s(?:thousand|million))?|" + _WORD_NUM
    + r")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    """An amount in text."""

    value: int
    qualifier: str
    text: str
    start: int
    end: int


def parse_number(words: str) -> int | None:
    """Value of a written number: ``"a hundred"`` -> 100, ``"2,000"`` -> 2000."""
    words = words.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", words):
        return int(words.replace(",", ""))
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s(thousand|million)", words)
    if match:
        return int(float(match.group(1)) * _SCALES[match.group(2)])
    if words in ("a single", "a dozen"):
        return _UNITS[words]
    match = re.fullmatch(r"(\d+)\sdozen", words)
    if match:
        return int(match.group(1)) * 12
    total, current = 0, 0
    for word in words.split():
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current or None


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[Count]:
    """Every amount in ``text`` (a sentence), in order; or only those within
    ``text[start:end]`` (offsets still into ``text``)."""
    start, end = max(0, start), len(text) if end is None else min(end, len(text))
    found = []
    for match in _COUNT.finditer(text, start, end):
        if match.end() == end < len(text) and text[end].isalnum():
            continue  # cut off by the window: "30" of "300"
        num = match.group("num").lower()
        qual = _QUALIFIERS.get((match.group("qual") or "").lower(), "")
        if num in ("a", "an"):
            continue  # "a protester" is not a count
        if re.fullmatch(r"(?:19|20)\d\d", num):
            continue  # a year
        if num in _VAGUE:
            value, vague_qual = _VAGUE[num]
            qual = qual or vague_qual
        else:
            parsed = parse_number(num)
            if parsed is None:
                continue
            value = parsed
        found.append(Count(value, qual or "exact", match.group(0), match.start(), match.end()))
    return found
