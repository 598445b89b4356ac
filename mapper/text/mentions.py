"""Place mentions in text, with character offsets.

One pass of an Aho-Corasick automaton (``pyahocorasick``) over every gazetteer
name finds all known names at word boundaries; the longest match wins where
matches overlap. Landmark phrases the gazetteer lacks ("X Chowk", "X
Interchange", "Sector G-9") are found by pattern and reported as candidates.
Each mention then gets a *role*: a name used as a place, or a name inside an
organisation, a title or a person's name ("Islamabad Police", "KP Chief
Minister", "Pakistan Tehreek-e-Insaf", "Imran Khan"), which is not a location.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import ahocorasick

from mapper.text.persons import is_person, one_sense, person_words
from mapper.text.vocab import (
    ACTOR_VERBS,
    AREA_HEADS,
    CONNECTORS,
    LANDMARK_HEADS,
    MONTH_NAMES,
    OPENERS,
    ORGANISATION_WORDS,
    TITLES,
    WEEKDAYS,
    common_words,
    placey,
    very_common_words,
)

Role = Literal["place", "organisation", "person", "title", "actor"]

#: Where a sentence (or a dateline's text, "ISLAMABAD, Nov 25 - Police said") starts.
_SENTENCE_END = re.compile(r"(?:[.!?]['\"\u201d\u2019)]?|\n|\s[-\u2013\u2014])\s*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'\u2019.-]*)(\s?)$")
_WORD_AFTER = re.compile(r"^(\s?)([A-Za-z][\w-]*)")
#: A landmark's name: capitalised words or numbers, joined by spaces and a few
#: lower-case particles, ending just before its head ("Sangjani" interchange).
_NAME_WORD = r"(?:[A-Z][\w'\u2019.]*|\d+(?:st|nd|rd|th)?)(?:-[\w]+)*"
_NAME_RUN = re.compile(rf"(?<![\w-])({_NAME_WORD}(?:\s(?:{_NAME_WORD}|of|e|ul|al|de))*)$")
_HEAD = re.compile("(?i:" + "|".join(h.replace(" ", r"\s") for h in LANDMARK_HEADS) + ")")
_WORDISH = re.compile(r"[\w-]")
#: Longest landmark name looked back for before its head.
_NAME_REACH = 160
# Each pattern starts with a character set (the boundary checked just after it), which
# lets the regular-expression engine skip ahead quickly instead of trying every position.
_SECTOR_CODE = re.compile(r"[A-I](?<![\w-][A-I])-\d{1,2}(?:/\d)?(?![\w-])")
_SECTOR_BEFORE = re.compile(r"(?<![\w-])[Ss]ector\s")
_SECTOR_AFTER = re.compile(r"\s[Ss]ector")


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


def _fold_table() -> dict[int, str]:
    """Length-preserving map to lower-case ASCII letters, digits and spaces."""
    table: dict[int, str] = {ord(c): " " for c in string.punctuation + string.whitespace}
    table.update({ord(c): " " for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u2026\u00ab\u00bb"})
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if base.isascii() and base.isalpha():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case, accent-free text of the same length, punctuation turned into spaces."""
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


#: Abbreviated first words of place names, written with a stop ("St. Louis", "Mt. Kenya").
_DOTTED_PREFIXES = frozenset({"st", "ste", "mt", "ft", "pt", "co"})


class NameMatcher:
    """An Aho-Corasick automaton over place-name keys.

    Parameters
    ----------
    keys
        Normalised names (``mapper.names.normalize``); each may come from several
        gazetteers.
    strong
        Keys that are matched even when they are common English words (curated
        names, countries, big cities).
    proper
        Keys that are matched when capitalised inside a sentence even when they are
        common English words ("in Florida", "to Salisbury"), but not at a sentence's
        start, where capitals say nothing ("Florida" and "Reading" are in the
        frequency list because they are frequent names, "However" because it is a
        frequent word).
    dotted
        Keys of abbreviations ("Calif.", "N.J."), matched only when written with
        their full stop after a comma, or with stops inside ("N.J.").
    """

    def __init__(self, keys: Iterable[str], strong: Iterable[str] = (),
                 proper: Iterable[str] = (), dotted: Iterable[str] = ()) -> None:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for key in keys:
            if len(key) >= 2 and not key.replace(" ", "").isdigit():
                automaton.add_word(f" {key} ")
                first, _, rest = key.partition(" ")
                if first in _DOTTED_PREFIXES and rest:
                    automaton.add_word(f" {first}  {rest} ")  # "St. Louis" folds to "st  louis"
        automaton.make_automaton()
        self._automaton = automaton
        self.dotted = frozenset(dotted)
        self.strong = frozenset(strong) | self.dotted
        self.proper = frozenset(proper)

    def __contains__(self, key: str) -> bool:
        return f" {key} " in self._automaton

    def find(self, text: str) -> list[Mention]:
        """Every place mention in ``text``, in order, overlaps resolved."""
        folded = f" {fold(text)} "
        hits: list[tuple[int, int]] = []
        for end, length in self._automaton.iter(folded):
            # Padded offsets: the key's own text is [end - length + 2, end) in `folded`,
            # which is [end - length + 1, end - 1) in `text`.
            start = end - length + 1
            stop = end - 1
            if text[start].isupper() or text[start].isdigit():
                hits.append((start, stop))
        found = []
        for s, e in _longest(hits):
            key = " ".join(folded[s + 1:e + 1].split())
            if key in self.dotted:
                # "Calif.", "N.J.": only as written, after the place they follow
                # ("Fresno, Calif."), never "Miss Smith" or "Mass" the service.
                if text[e:e + 1] != "." or not (
                        "." in text[s:e] or text[max(0, s - 2):s] == ", "):
                    continue
                e += 1
            else:
                e = _abbreviation_end(text, s, e)
            if found and text[found[-1].end:s] == ", " and f"{found[-1].key} {key}" in self:
                # "Washington, D.C.": one name written with a comma
                first = found.pop()
                s, key = first.start, f"{first.key} {key}"
            found.append(Mention(text[s:e], s, e, key))
        landmarks = find_landmarks(text, folded)
        return classify(text, _merge(found, landmarks), self.strong, self.proper, self.dotted,
                        self.__contains__)


#: A name ending in a dotted abbreviation: "U.S", "Washington, D.C".
_DOTTED_TAIL = re.compile(r"(?:^|[\s(,])(?:[A-Za-z]\.)+[A-Za-z]$")


def _abbreviation_end(text: str, start: int, end: int) -> int:
    """End of the name with its abbreviation's final full stop ("U.S." not "U.S").

    The matcher folds punctuation away, so a match stops at the last letter; the
    stop belongs to the name as written (and ends the sentence as well, if it does).
    """
    if text[end:end + 1] == "." and _DOTTED_TAIL.search(text[start:end]):
        return end + 1
    return end


def find_landmarks(text: str, folded: str | None = None) -> list[Mention]:
    """Landmark phrases by pattern: "Sangjani interchange", "Adiyala Jail", "Sector G-9".

    Heads are found first (one automaton pass over ``folded``, the padded
    :func:`fold` of ``text``, computed if not given); the name is then read
    backwards from each head, so the text is not scanned word by word.
    """
    if folded is None:
        folded = f" {fold(text)} "
    found = []
    consumed = 0
    heads = sorted((end - length + 1, end - 1) for end, length in _heads().iter(folded))
    for start, end in heads:  # offsets in ``text``
        if (start < consumed or start == 0 or not text[start - 1].isspace()
                or not _HEAD.fullmatch(text, start, end) or _WORDISH.match(text, end)):
            continue
        run = _NAME_RUN.search(text, max(consumed, start - 1 - _NAME_REACH), start - 1)
        if run is None:
            continue
        consumed = end
        name = run.group(1)
        head = text[start:end]
        if head.lower() in _CAPITAL_HEADS and not head[0].isupper():
            continue  # "3 rd", "12 house": not a road or a building's name
        words = _landmark_words(name.split())
        if not words or any(w.lower().split("-")[0] in MONTH_NAMES for w in words):
            continue  # "the October-December quarter"
        if head[0].islower() and all(w.lower() in very_common_words(5000) for w in words):
            continue  # "our centre", "International market": no name before the head
        if not any(w[0].isupper() for w in words) and not (
                head.lower() in _STREET_HEADS and _ORDINAL.fullmatch(words[-1])):
            continue  # "the 2024 Parliament", "000 square", but "14th Street" stands
        first = run.start(1) + len(name) - len(" ".join(words))  # one space between words
        if head in _DESCRIPTIVE_HEADS:
            # "Torkula village", "Heathrow airport": a lower-case word describing the
            # place named before it; the name alone is the mention.
            stop = start - 1
            found.append(Mention(text[first:stop], first, stop,
                                 fold(text[first:stop]).strip(), known=False,
                                 head=head))
            continue
        found.append(Mention(text[first:end], first, end, fold(text[first:end]).strip(),
                             known=False, head=text[start:end].lower().replace("\n", " ")))
    consumed = 0
    for match in _SECTOR_CODE.finditer(text):
        start, end = match.span()
        if start < consumed:
            continue
        if start - 7 >= consumed and _SECTOR_BEFORE.fullmatch(text, start - 7, start):
            start -= 7  # "Sector G-9"
        if _SECTOR_AFTER.match(text, end):
            end += 7  # "G-9 sector"
        consumed = end
        found.append(Mention(text[start:end], start, end, fold(text[start:end]).strip(),
                             known=False, head="sector"))
    return found


#: Heads that only make a landmark when capitalised ("Jinnah Rd", "Iowa House" is
#: handled as an organisation elsewhere; "3 rd" and "the house" are not landmarks).
_CAPITAL_HEADS = frozenset({"rd", "house", "cantt", "port", "terminal", "building", "gate",
                            "circle", "town", "plaza"})
#: Heads that, written in lower case, describe the place rather than name it.
_DESCRIPTIVE_HEADS = frozenset({"airport", "village", "town", "district", "market"})
_STREET_HEADS = frozenset({"road", "rd", "street", "avenue", "boulevard", "highway"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
#: Abbreviations whose full stop does not end a sentence inside a landmark's name.
_NAME_ABBREVIATIONS = frozenset({"st.", "mt.", "ft.", "dr.", "jr.", "no.", "gen."})


def _landmark_words(words: list[str]) -> list[str]:
    """The words of a landmark's name, from those read back from its head.

    The run read backwards may cross a sentence's end ("... Franklin. This avenue")
    or start with words that open a sentence ("At Faizabad Chowk", "Read More The
    Mall Road"); the name starts after them.
    """
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in ("The", "the") and i > 0:
            words = words[i:]
            break
        if word.endswith(("'s", "\u2019s")):
            words = words[i + 1:]  # "Brooklyn's Barclays Center": the name is the owned one
            break
        if word.endswith(".") and len(word) > 2 and word.lower() not in _NAME_ABBREVIATIONS:
            words = words[i + 1:]
            break
    while words and (words[0].lower() in CONNECTORS or (
            words[0][0].isupper() and words[0].lower() in OPENERS)):
        words.pop(0)
    if words and not (words[0][0].isupper() or words[0][0].isdigit()):
        return []
    return words


@lru_cache(maxsize=1)
def _heads() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for head in LANDMARK_HEADS:
        automaton.add_word(f" {head} ")
    automaton.make_automaton()
    return automaton


def _longest(hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, longest first, then leftmost."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    chosen.sort()
    return chosen


def _merge(known: list[Mention], landmarks: list[Mention]) -> list[Mention]:
    """Known names plus the landmark phrases that are longer than the names they overlap."""
    result = list(known)
    for lm in landmarks:
        overlapping = [m for m in result if m.start < lm.end and lm.start < m.end]
        if any(m.start <= lm.start and m.end >= lm.end for m in overlapping):
            continue  # a known name already covers the phrase
        for m in overlapping:
            result.remove(m)
        result.append(lm)
    result.sort(key=lambda m: m.start)
    return result


def classify(text: str, mentions: list[Mention], strong: frozenset[str],
             proper: frozenset[str] = frozenset(),
             dotted: frozenset[str] = frozenset(),
             is_place_name: Callable[[str], bool] = lambda key: False) -> list[Mention]:
    """Give each mention its role; drop common words that only look like places.

    ``is_place_name`` tells whether a normalised name is a known place's.
    """
    commons = common_words()
    name_words = person_words(text, mentions, strong)
    # Countries and big cities next to each other are a list, not one name ("Cyprus,
    # Greece Italy or Spain").
    neighbours = {m.start for m in mentions if m.key in strong} | {
        m.end for m in mentions if m.key in strong}
    out = []
    for m in mentions:
        at_start = _sentence_start(text, m.start)
        if at_start and m.known and _dateline(text, m):
            out.append(Mention(m.text, m.start, m.end, m.key, "place", m.known, m.head))
            continue
        words = m.key.split()
        if m.known and m.key not in strong and "," not in m.text:  # "Washington, D.C."
            if any(w in WEEKDAYS or w in MONTH_NAMES for w in words):
                continue
            if not _capitalised(m.text):
                continue
            if _acronym(m.text):
                continue  # "APC", "TNA": an organisation's initials far more often than
                # a small place's alternate name
            if all(w in commons or w in CONNECTORS for w in words) and not (
                    len(words) > 1 and words[-1] in _NAMED_AREA_HEADS) and (
                    at_start or m.key not in proper or _common_noun_context(text, m)):
                continue  # "However", "Police", "Best", "Long March": not evidence of a place
        # "Newark, N.J. Police said": the abbreviation's stop ends the sentence too.
        role = "place" if m.key in dotted else _role(text, m, at_start, commons, name_words,
                                                     neighbours)
        out.append(Mention(m.text, m.start, m.end, m.key, role, m.known, m.head))
    # One-word names only: "Tamil Nadu said" is the state speaking.
    persons = {m.key for m in out if m.known and not m.head and " " not in m.key
               and m.key not in strong and is_person(text, m.start, m.end, is_place_name)}
    return one_sense(out, persons) if persons else out


#: What follows a dateline's place: "NEW YORK (AP) \u2014", "OAKLAND, Calif. (AP) -",
#: "WASHINGTON, April 5 (Thomson Reuters Foundation) -", "(NEW YORK) \u2014".
_DATELINE_TAIL = re.compile(
    r"\)?(?:,\s*[A-Z][A-Za-z]*\.?(?:\s[A-Z][A-Za-z]*\.?)?)??"
    rf"(?:,?\s*(?:{'|'.join(sorted(MONTH_NAMES, key=len, reverse=True))})\.?\s+\d{{1,2}})?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[\u2014\u2013:\"-]",
    re.IGNORECASE,
)


def _dateline(text: str, m: Mention) -> bool:
    """True for a place written in capitals as a dateline opens a report or a story."""
    letters = m.text.replace(" ", "")
    return (len(letters) >= 4 and letters.isalpha() and letters.isupper()
            and bool(_DATELINE_TAIL.match(text, m.end)))


#: Heads that make a capitalised name of common words a place's ("Pike County", "the
#: Hamilton County jail") wherever it stands.
_NAMED_AREA_HEADS = frozenset({"county", "parish", "borough", "province", "district"})

_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|a|an|this|that|its|his|her|their|our)\s$",
                                re.IGNORECASE)


def _common_noun_context(text: str, m: Mention) -> bool:
    """True where a capitalised common word is part of another name: "the Summit",
    "the Islamic Republic", "Mercedes-Benz"."""
    if _DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start):
        return True
    return text[m.end:m.end + 1] == "-" and text[m.end + 1:m.end + 2].isupper()


def _acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _capitalised(name: str) -> bool:
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in CONNECTORS
               for w in re.split(r"[\s-]+", name) if w)


def _sentence_start(text: str, start: int) -> bool:
    """True at the start of the text or of a sentence, also after an opening quote."""
    while start > 0 and text[start - 1] in "\"\u201c(":
        start -= 1
    return start == 0 or bool(_SENTENCE_END.search(text[max(0, start - 3):start]))


def _role(text: str, m: Mention, at_start: bool, commons: frozenset[str],
          name_words: frozenset[str], neighbours: Collection[int] = ()) -> Role:
    before = _WORD_BEFORE.search(text[max(0, m.start - 40):m.start])
    after = _WORD_AFTER.search(text[m.end:m.end + 40])
    next_word = after.group(2) if after and after.group(1) == " " else ""
    next_low = next_word.lower()
    prev_word = before.group(1) if before and before.group(2) == " " else ""
    if text[m.end:m.end + 1] == "-" and m.head == "":
        # "Pakistan-based", "Tehreek-e-Insaf"
        tail = re.match(r"-[\w-]+", text[m.end:])
        if tail and tail.group(0)[1:2].islower() and tail.group(0)[1:].split("-")[0] not in (
                "born", "based", "led", "backed", "bound", "area", "side"):
            return "organisation"
    if m.head and m.head not in AREA_HEADS:
        return "place"  # "Adiyala Jail", "Sangjani interchange": a landmark whatever follows
    if next_low in ORGANISATION_WORDS:
        return "organisation" if next_word[0].islower() or next_low not in ("court",) else "place"
    if next_low in ACTOR_VERBS and m.head == "":
        return "actor"
    if next_word and next_word[0].isupper() and not placey(next_low) and (
            m.end + 1 not in neighbours):
        return "organisation" if next_low not in name_words else "person"
    if (prev_word and prev_word[0].isupper() and not placey(prev_word.lower())
            and m.start - 1 not in neighbours
            and not prev_word.endswith(("'s", "\u2019s"))):
        prev_start = m.start - 1 - len(prev_word)
        if not ((_sentence_start(text, prev_start) and prev_word.lower() in commons)
                or prev_word.lower() in very_common_words(300)):  # "Both China", "In Kenya"
            return "person" if prev_word.lower() not in TITLES else "title"
    if m.key in name_words and " " not in m.key and m.head == "":
        return "person"
    return "place"
