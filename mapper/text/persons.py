"""People's names that share their spelling with places.

Many surnames and first names are also the names of towns ("Sandberg", "Tyler",
"Noma", "Sutton"). A name is taken for a person when the text shows it: a pair
of capitalised words ("Mohsin Naqvi"), a speech verb ("Sandberg said", "said
Noma"), an honorific or a kinship word ("Mr. Heiden", "his brother Tyler"), a
particle inside a name ("Mike de Kock", "bin Rashid"), or a hyphenated or
Irish-style surname ("Diaz-Balart", "O'Leary"). Within one report a name keeps
one sense, so once it is shown to be a person, every bare use of it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from mapper.text.vocab import ACTOR_VERBS, OPENERS, TITLES, placey

if TYPE_CHECKING:
    from mapper.text.mentions import Mention

#: Words before a name that make it a person's: "Mr. Heiden", "his brother Tyler".
HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady judge justice gov sen rep rev sheikh
    congressman congresswoman councillor councilman councilwoman coach captain sgt lt
    col officer detective""".split()
)
KIN_WORDS = frozenset(
    """father mother son daughter brother sister wife husband uncle aunt cousin nephew
    niece grandson granddaughter grandfather grandmother boyfriend girlfriend fiance
    fiancee partner widow widower stepfather stepmother stepson stepdaughter""".split()
)
#: Lower-case particles inside people's names: "Mike de Kock", "bin Rashid".
NAME_PARTICLES = frozenset("de da di du van von der den bin ibn ben el al le la del dos".split())

_PAIR = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)\s([A-Z][a-z]+)\b")
# Words before a name are matched on the reversed window before it: a pattern anchored at
# the end of a window is otherwise tried at every position of the window.
_WORD_BEFORE_REVERSED = re.compile(r"\s,?\.?([A-Za-z]+)")
_TWO_WORDS_BEFORE_REVERSED = re.compile(r"\s([A-Za-z]+)\s([A-Za-z]+)")
_SPEECH_BEFORE = re.compile(r"(?:said|says|told|asked|added)\s$")
_JOINED_BEFORE = re.compile(r"(?:(?P<first>[A-Z][a-z]+\s)?(?P<part>[A-Z][a-z]+)-|\bO['\u2019]|\bMc)$")


def person_words(text: str, mentions: Iterable[Mention],
                 strong: Collection[str] = frozenset()) -> frozenset[str]:
    """Second words of capitalised pairs ("Mohsin Naqvi") that are not place names.

    A later bare "Naqvi" is then a person, not a village of that name.
    """
    covered = {(m.start, m.end) for m in mentions}
    words = set()
    for match in _PAIR.finditer(text):
        if (match.start(), match.end()) in covered:
            continue
        first, second = match.group(1), match.group(2)
        if (first.lower() in OPENERS or placey(second.lower()) or placey(first.lower())
                or second.lower() in strong):
            continue  # "Both China": nobody is called China
        words.add(second.lower())
    return frozenset(words)


def is_person(text: str, start: int, end: int,
              is_place_name: Callable[[str], bool] = lambda key: False) -> bool:
    """True where the text around ``text[start:end]`` shows a person's name.

    ``is_place_name`` tells known place names: "Nelson-Creston" joins two places,
    not the parts of a double-barrelled surname.
    """
    after = text[end:end + 12]
    if after[:1] == " " and after[1:].split(" ", 1)[0].rstrip(".,;:") in ACTOR_VERBS:
        return True  # "Sandberg said"
    window = text[max(0, start - 30):start]
    if _SPEECH_BEFORE.search(window) and not after.startswith(("'s", "\u2019s")):
        return True  # "said Noma", but not "said Hawaii's growth"
    joined = _JOINED_BEFORE.search(window) if window[-1:] in "-'\u2019c" else None
    if joined and (joined.group("first") or not joined.group("part")
                   or not is_place_name(joined.group("part").lower())):
        return True  # "Mario Diaz-Balart", "O'Leary", but "for Nelson-Creston"
    if after[:1] == " " and after[1:].split(" ", 1)[0].lower() in NAME_PARTICLES and re.match(
            r" \w+ [A-Z]", text[end:end + 20]):
        return True  # "Gloria De Campeo" is written with a capital particle too
    backwards = window[::-1]
    before = _WORD_BEFORE_REVERSED.match(backwards)
    if before:
        word = before.group(1)[::-1]
        if word.lower() in HONORIFICS or word.lower() in TITLES or word.lower() in KIN_WORDS:
            return True  # "Mr. Heiden", "Gov. Mary", "his brother Tyler", "son, Sebastian"
    two = _TWO_WORDS_BEFORE_REVERSED.match(backwards)
    if two and two.group(2)[-1].isupper() and two.group(1)[::-1].lower() in NAME_PARTICLES:
        return True  # "Mike de Kock", "Rachid El Abdi", "Mario de Santiago"
    return False


def one_sense(mentions: list[Mention], persons: Collection[str]) -> list[Mention]:
    """Every bare mention of a name shown to be a person's, as a person."""
    return [replace(m, role="person") if m.key in persons and m.role == "place" else m
            for m in mentions]
