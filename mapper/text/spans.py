"""A place mention's span in text, and the folding used to match names.

Shared by the name matcher (``mentions``) and the landmark patterns
(``landmarks``).
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from typing import Literal

Role = Literal["place", "organisation", "person", "title", "actor"]


@dataclass(frozen=True)
class Mention:
    """A place name found in text.

    Attributes
    ----------
    text
        The mention as written.
    start, end
        Character offsets in the document body.
    key
        Normalised name used for lookup.
    role
        ``"place"`` when the name is used as a location; otherwise why not.
    known
        True when the name is in a gazetteer; False for a landmark phrase
        found by pattern only.
    head
        Landmark head ("chowk", "jail") for pattern mentions, else empty.
    """

    text: str
    start: int
    end: int
    key: str
    role: Role = "place"
    known: bool = True
    head: str = ""

    @property
    def is_location(self) -> bool:
        return self.role == "place"


_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u00a0"


def _fold_table() -> dict[int, str]:
    """Length-preserving map to lower-case ASCII letters, digits and spaces."""
    table: dict[int, str] = {ord(c): " " for c in string.punctuation + string.whitespace}
    table.update({ord(c): " " for c in _PUNCTUATION + "\u2026\u00ab\u00bb"})
    # Latin-1, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese "Hà Nội",
    # transliterated Arabic "Rafaḩ").
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if base.isascii() and base.isalpha():
            table[code] = base
    return table


_FOLD = _fold_table()
#: The same map for ASCII bytes, which ``bytes.translate`` applies far faster than
#: ``str.translate`` applies a dict (folding runs over every report).
_FOLD_ASCII = bytes(ord(_FOLD.get(b, chr(b).lower())) for b in range(128)) + bytes(range(128, 256))
_FOLD_ASCII_MAP = {code: chr(_FOLD_ASCII[code]) for code in range(128)}
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lower-case, accent-free text of the same length, punctuation turned into spaces."""
    if not text.isascii():
        for mark in _PUNCTUATION:  # the commonest, replaced at C speed
            text = text.replace(mark, " ")
        text = _NON_ASCII.sub(_fold_non_ascii, text)
        if not text.isascii():  # other scripts stay as they are, lower-cased
            return text.translate(_FOLD_ASCII_MAP)
    return text.encode("ascii").translate(_FOLD_ASCII).decode("ascii")


def _fold_non_ascii(match: re.Match[str]) -> str:
    # A few characters ("İ") lower-case to two: the table maps them as they are.
    return "".join(_FOLD.get(ord(c), c) if len(low := c.lower()) != 1 else _FOLD.get(ord(low), low)
                   for c in match.group())
