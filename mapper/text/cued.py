"""Names no gazetteer knows, found by the locative word before them.

"There are 26 applicants in Portroe with 24 in Toomevara": villages too small
for the offline gazetteers are still places, and the preposition says so. A
capitalised name of one to three words right after "in", "near", "outside" or
"north of" is taken as a place mention when none of its words is a frequent
English word (which rules out "in January", "in Congress", "in English") and it
does not run on into a longer capitalised name ("in Portroe Road" is a
landmark's business). Such a mention is not resolved to a point by itself:
it is reported as unresolved unless later stages place it.
"""

from __future__ import annotations

import re

from mapper.text.spans import Mention, fold
from mapper.text.vocab import common_words

#: Locative words that put the name after them on the map.
_CUE = re.compile(
    r"(?<![\w-])(?:in|near|outside|around|(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest)\s+of)\s+"
    r"((?:[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)?)(?:\s[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){0,2})"
    r"(?![\w'\u2019-]|\s[A-Z0-9]|\.\w)"
)


def find_cued_names(text: str) -> list[Mention]:
    """Capitalised names after a locative word whose words are not frequent English words.

    Returns mentions with ``known=False`` and no head; overlaps with known names are
    for the caller to settle.
    """
    commons = common_words()
    found = []
    for match in _CUE.finditer(text):
        name = match.group(1)
        words = fold(name).split()
        if any(w in commons for w in words):
            continue
        start, end = match.span(1)
        found.append(Mention(name, start, end, " ".join(words), known=False))
    return found
