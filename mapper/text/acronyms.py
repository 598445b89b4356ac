"""Initials that stand for a place the same report names in full.

Reports shorten a long place name to its initials once they have written it
out: "Khyber Pakhtunkhwa (KP)", "Trinidad and Tobago ... the T&T mission",
"South Africa ... post-apartheid SA", "KwaZulu-Natal ... KZN"; or name its people
("South Africans ... SA", "New Zealanders ... NZ"). Two-letter codes
alone are too ambiguous to look up ("SA" is South Africa, South Australia or
Saudi Arabia; "WA" Washington or Western Australia), but the report's own full
name says which one is meant. Initials are only read this way when exactly one
of the report's names has them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from mapper.text.spans import Mention

#: Words a name's initials leave out ("Democratic Republic of [the] Congo" is "DRC";
#: "Trinidad and Tobago" is "T&T" or "TT").
_SKIPPED_WORDS = frozenset({"and", "of", "the", "&", "de", "du", "des", "la", "le"})
#: Initials as written: two to five capitals, "&" between them allowed ("T&T", "J&K").
_INITIALS_WRITTEN = re.compile(r"(?<![\w&.-])[A-Z](?:&?[A-Z]){1,4}(?![\w&-])")
_WORDS = re.compile(r"[^\s\-\u2010\u2011]+")
#: Inner capitals that start a word of their own ("KwaZulu" is "Kwa Zulu").
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")


def initials(name: str) -> set[str]:
    """The initials a name may be shortened to: "Khyber Pakhtunkhwa" -> {"KP"},
    "KwaZulu-Natal" -> {"KN", "KZN"}; empty for one-word names."""
    words = [w for w in _WORDS.findall(name) if w.lower() not in _SKIPPED_WORDS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return set()
    plain = "".join(w[0] for w in words)
    inner = "".join(w[0] + "".join(_INNER_CAPITAL.findall(w)) for w in words)
    return {plain, inner}


#: Two or more capitalised words ending like a people's name: "South Africans",
#: "New Zealanders", "Sri Lankan".
_PEOPLE = re.compile(r"\b(?:[A-Z][a-z]+ )+[A-Z][a-z]+?(?:ans?|ers?)\b")


def people_names(text: str, is_place_name: Callable[[str], bool]) -> list[Mention]:
    """Multi-word names of a place's people, as mentions of the place whose initials they
    share: "South Africans" -> "South Africa", "New Zealanders" -> "New Zealand".

    Only names whose stem is a known place name count; the people are not a place
    mention themselves, they only say what the report's initials stand for.
    """
    found = []
    for people in _PEOPLE.finditer(text):
        words = people.group().split(" ")
        suffix, keep = next((s, k) for s, k in _PEOPLE_ENDINGS if words[-1].endswith(s))
        words[-1] = words[-1][:len(words[-1]) - len(suffix)] + keep
        for first in range(len(words) - 1):  # "Many South Africans": from "South"
            key = " ".join(words[first:]).lower()
            if is_place_name(key):
                start = people.start() + len(" ".join(words[:first] + [""]))
                found.append(Mention(" ".join(words[first:]), start, people.end(), key))
                break
    return found


#: People's endings and what the place's name ends in instead, longest first.
_PEOPLE_ENDINGS = (("ans", "a"), ("an", "a"), ("ers", ""), ("er", ""))


def find_defined_acronyms(text: str, names: Iterable[Mention]
                          ) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Mentions of initials standing for one of ``names`` (known place names found in
    ``text``); each gets the full name's key, so it is resolved as the full name is.

    Initials that could stand for two of the report's names stand for neither: their
    spans are returned second, so that no other reading of them is kept either.
    """
    meaning: dict[str, set[str]] = {}
    for m in names:
        for short in initials(m.text):
            meaning.setdefault(short, set()).add(m.key)
    if not meaning:
        return [], []
    found = []
    ambiguous = []
    for written in _INITIALS_WRITTEN.finditer(text):
        keys = meaning.get(written.group().replace("&", ""))
        if keys is not None and len(keys) == 1:
            found.append(Mention(written.group(), written.start(), written.end(),
                                 next(iter(keys))))
        elif keys is not None:
            ambiguous.append(written.span())
    return found, ambiguous


def expands(mention: Mention) -> bool:
    """True for initials found by :func:`find_defined_acronyms` (their key is the full
    name's, not the initials')."""
    letters = mention.text.replace("&", "").replace(".", "").lower()
    return mention.key.replace(" ", "") != letters and " " in mention.key
