"""The fast paths of text matching give what their plain definitions give.

Folding and the look-backs before a name run for every report, so they take
shortcuts (a bytes table for ASCII, patterns matched on reversed text). Each is
checked here against the plain definition it replaces, on generated text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.text import mentions, persons
from mapper.text.spans import _FOLD, fold

# Letters, accents, other scripts, punctuation and the typographic marks news uses.
_TEXT = st.text(alphabet=st.sampled_from(
    list("aZ zé-'.,\n_1İıßÆ") + ["\u2019", "\u201c", "\u2014", "\u00a0", "\u2026", "ж", "ا"]),
    max_size=30)
_WINDOW = st.lists(st.sampled_from(
    ["a", "Ab", "of", "the", "Of", "de", " ", "  ", "-", "'", ".", ",", "\u2019", "é", "1",
     "Mc", "O'", "said", "\n"]), max_size=12).map("".join)


def _plain_fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


@settings(max_examples=400)
@given(_TEXT)
def test_fold_is_the_plain_table_map(text):
    if "\u03a3" in text:  # final sigma: whole-string lower-casing is context-sensitive
        return
    assert fold(text) == _plain_fold(text)
    assert len(fold(text)) == len(text)


def _at_end(pattern: str, window: str) -> re.Match[str] | None:
    return re.search(pattern + r"\Z", window)


@settings(max_examples=400)
@given(_WINDOW)
def test_words_before_a_name_match_the_anchored_patterns(window):
    plain = _at_end(r"([A-Za-z][\w'\u2019.-]*)(\s?)", window)
    fast = mentions._WORD_BEFORE_REVERSED.match(window[::-1])
    assert (plain and (plain.group(1), plain.group(2))) == (
        fast and (fast.group(2)[::-1], fast.group(1)))

    plain = _at_end(r"([A-Za-z]+)\.?,?\s", window)
    fast = persons._WORD_BEFORE_REVERSED.match(window[::-1])
    assert (plain and plain.group(1)) == (fast and fast.group(1)[::-1])

    plain = _at_end(r"([A-Za-z]+)\s([A-Za-z]+)\s", window)
    fast = persons._TWO_WORDS_BEFORE_REVERSED.match(window[::-1])
    assert (plain and plain.groups()) == (
        fast and (fast.group(2)[::-1], fast.group(1)[::-1]))


@settings(max_examples=400)
@given(_WINDOW)
def test_office_of_is_looked_for_only_where_it_can_match(window):
    if mentions._OFFICE_OF.search(window) and not window.endswith("\n"):
        assert mentions._after_of(window, len(window))
