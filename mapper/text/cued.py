"""Names no gazetteer knows, found by the locative word before them.

"There are 26 applicants in Portroe with 24 in Toomevara": villages too small
for the offline gazetteers are still places, and the preposition says so. A
capitalised name of one to three words right after "in", "near", "outside",
"north of" or an area word and "of" ("the district of Sunsari", "the village of
Portroe") is taken as a place mention when none of its words is a frequent
English word (which rules out "in January", "in Congress", "in English"; an
opening "New", "Upper" or "Fort" may be one: "in New Baneshwor") and it
does not run on into a longer capitalised name ("in Portroe Road" is a
landmark's business); so are the names listed after it ("in Kibera and
Mathare"). Such a mention is not resolved to a point by itself: it is reported
as unresolved unless later stages place it.

The same holds for a name written with the county or state it lies in
("Knockhill, Fife"): the area after the comma says the first name is a place
in it, and resolution places it there.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from mapper.text.spans import Mention, fold
from mapper.text.vocab import common_words

#: A capitalised name of one to three words, not running on into a longer one.
_NAME = (r"((?:[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)?)(?:\s[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){0,2})"
         r"(?![\w'\u2019-]|\s[A-Z0-9]|\.\w)")
#: Locative words that put the name after them on the map.
_CUE = re.compile(
    r"(?<![\w-])(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]round|(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest|town|village|city|district|province|county|municipality|hamlet|"
    r"suburb|neighbou?rhood|township|governorate)\s+of)\s+" + _NAME
)
#: Frequent words that often open a place's name: "in New Baneshwor", "near Upper Dir".
_NAME_OPENERS = frozenset({"new", "old", "upper", "lower", "north", "south", "east", "west",
                           "port", "fort", "mount", "great", "little"})
#: The next name of a list the locative word governs: "in Kibera and Mathare".
_NEXT_IN_LIST = re.compile(r"(?:,\s|,?\s(?:and|or)\s)" + _NAME)
#: How many names after the first a list may add.
_MAX_LISTED = 4


def find_cued_names(text: str) -> list[Mention]:
    """Capitalised names after a locative word whose words are not frequent English words.

    Returns mentions with ``known=False`` and no head; overlaps with known names are
    for the caller to settle.
    """
    commons = common_words()
    found = []
    for match in _CUE.finditer(text):
        for _ in range(_MAX_LISTED + 1):
            name = match.group(1)
            words = fold(name).split()
            if any(w in commons for w in words[words[0] in _NAME_OPENERS:]) or (
                    words[0] in commons and len(words) == 1):
                break
            start, end = match.span(1)
            found.append(Mention(name, start, end, " ".join(words), known=False))
            match = _NEXT_IN_LIST.match(text, end)  # type: ignore[assignment]
            if match is None:
                break
    return found


#: A capitalised name of one to three words ending right before ", " (read backwards
#: from the comma: the window is reversed, so the pattern is too).
_NAME_BEFORE_COMMA = re.compile(
    r" ,((?:[a-z]+[A-Z]\s){0,2}(?:[a-z]+(?:['\u2019-][a-z]+)?)[A-Z])(?=\s*[^\w\s]|\s+([A-Za-z]+)|\s*$)"
)


def find_names_with_areas(text: str, mentions: Sequence[Mention],
                          areas: Collection[str]) -> list[Mention]:
    """Unknown names written before a known area and a comma: "Knockhill, Fife".

    ``mentions`` are the known names found in ``text``; ``areas`` the keys of
    first-level areas, counties and islands. The word before the name must be
    lower case (or absent): "said Knockhill, Fife" is no one's name list.
    """
    commons = common_words()
    found = []
    for m in mentions:
        if m.key not in areas or text[m.start - 2:m.start] != ", ":
            continue
        if text[m.end:m.end + 2].strip()[:1].isupper():
            continue  # "Kent State University"
        window = text[max(0, m.start - 60):m.start][::-1]
        match = _NAME_BEFORE_COMMA.match(window)
        if match is None or (match.group(2) and not match.group(2).islower()):
            continue
        name = match.group(1)[::-1]
        words = fold(name).split()
        if any(w in commons for w in words):
            continue
        start = m.start - 2 - len(name)
        found.append(Mention(name, start, m.start - 2, " ".join(words), known=False))
    return found
