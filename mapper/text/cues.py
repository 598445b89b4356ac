"""Regular expressions guarded by cue words, so most sentences skip most patterns.

Extraction runs a few dozen patterns over every sentence; nearly all of them
fail. A :class:`Cue` pairs a pattern with literal words, at least one of which
is part of every text the pattern can match ("march" for ``march(?:es|ed)?``).
A :class:`CueSet` finds the cue words of many patterns in one Aho-Corasick pass
over a sentence; a pattern whose words are absent is not run at all, and one
whose words are present is searched only from where a match could begin (a
match holds a cue word, so it cannot start more than the pattern's greatest
width before the first one). This is what makes extraction fast enough for
thousands of reports a second (``benchmarks/bench_extract.py``);
``tests/test_cues.py`` checks with strings generated from each pattern that the
cue words really are necessary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

try:  # the parser that gives a pattern's width is private; it moved in Python 3.11
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Characters that case-insensitive matching equates with an ASCII letter but
#: ``str.lower`` does not turn into it (and "İ", which it turns into two characters).
_ASCII_EQUIVALENTS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
#: Widths above this are unbounded (``\s+``): such patterns are searched from the start.
_UNBOUNDED = 10_000


def lowered(text: str) -> str:
    """``text`` lower-cased the way case-insensitive patterns compare ASCII letters."""
    if not text.isascii():
        for special, letter in _ASCII_EQUIVALENTS:
            if special in text:
                text = text.replace(special, letter)
    return text.lower()


class Cue:
    """A compiled pattern searched only when one of its cue words is present.

    Parameters
    ----------
    pattern
        The regular expression.
    words
        Lower-case literal strings, space separated ("_" for a space inside one);
        every match of ``pattern``, lower-cased with :func:`lowered`, contains at
        least one of them.
    flags
        ``re`` flags; case-insensitive by default.
    also
        More words, one of which every match also contains (digits for a date).
    """

    __slots__ = ("also", "pattern", "reach", "words")

    def __init__(self, pattern: str, words: str, flags: int = re.IGNORECASE, *,
                 also: str = "") -> None:
        self.pattern = re.compile(pattern, flags)
        self.words = _words(words)
        self.also = _words(also)
        widest = _sre_parse.parse(pattern, flags).getwidth()[1]
        #: How far before its first cue word a match can start (None: anywhere).
        self.reach: int | None = widest if widest < _UNBOUNDED else None

    def possible(self, low: str | Found) -> bool:
        """True when ``low`` (a :func:`lowered` text, or what :meth:`CueSet.find`
        saw in one) holds one of the cue words."""
        return self._start(low) is not None

    def _start(self, low: str | Found) -> int | None:
        """Where to search from, or None when no cue word is in ``low``."""
        if isinstance(low, Found):
            if self in low.checked:
                first = low.first.get(self)
                if first is None or self.also and not _any_in(self.also, low.text):
                    return None
                return 0 if self.reach is None else max(0, first - self.reach)
            low = low.text
        if _any_in(self.words, low) and (not self.also or _any_in(self.also, low)):
            return 0
        return None

    def search(self, text: str, low: str | Found | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when no cue word is in ``low``.

        ``low`` is ``text`` as :func:`lowered` gives it, or what a
        :class:`CueSet` found in that; computed here when not given.
        """
        start = self._start(lowered(text) if low is None else low)
        if start is None:
            return None
        return self.pattern.search(text, start)

    def finditer(self, text: str, low: str | Found | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, empty when no cue word is in ``low``."""
        start = self._start(lowered(text) if low is None else low)
        if start is None:
            return iter(())
        return self.pattern.finditer(text, start)


def _words(words: str) -> tuple[str, ...]:
    return tuple(word.replace("_", " ") for word in words.split())


def _any_in(words: tuple[str, ...], low: str) -> bool:
    for word in words:
        if word in low:
            return True
    return False


class Found:
    """What :meth:`CueSet.find` saw in a lowered text.

    Attributes
    ----------
    text
        The lowered text.
    first
        For each cue with a word in the text, where its first word starts.
    checked
        The cues the set looked for; others fall back to substring tests.
    """

    __slots__ = ("checked", "first", "text")

    def __init__(self, text: str, first: dict[Cue, int], checked: frozenset[Cue]) -> None:
        self.text = text
        self.first = first
        self.checked = checked


class CueSet:
    """Many cues checked at once: one Aho-Corasick pass over a sentence says which
    of them may match and from where, instead of a substring test per cue word."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.cues = frozenset(cues)
        by_word: dict[str, list[Cue]] = {}
        for cue in self.cues:
            for word in cue.words:
                by_word.setdefault(word, []).append(cue)
        self._automaton = ahocorasick.Automaton()
        for word, owners in by_word.items():
            self._automaton.add_word(word, (len(word) - 1, tuple(owners)))
        self._automaton.make_automaton()

    def find(self, low: str) -> Found:
        """The cues with a word in ``low`` (a :func:`lowered` text)."""
        first: dict[Cue, int] = {}
        for end, (extra, owners) in self._automaton.iter(low):
            start = end - extra
            for cue in owners:
                if first.get(cue, start) >= start:
                    first[cue] = start
        return Found(low, first, self.cues)

    def find_in(self, text: str) -> Found:
        """:meth:`find` on ``text`` lowered; offsets are kept only if lowering kept them."""
        low = lowered(text)
        found = self.find(low)
        if len(low) != len(text):
            found.first = dict.fromkeys(found.first, 0)
        return found
