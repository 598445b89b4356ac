"""Landmark phrases found by pattern, for places no gazetteer has.

A landmark is a name of capitalised words before a head word: "Sangjani
interchange", "Adiyala Jail", "N. Bedford Drive", "Caesar's Palace", or a
sector code ("Sector G-9"). Heads are found first, in one Aho-Corasick pass;
the name is then read backwards from each head, so the text is not scanned
word by word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import ahocorasick

from mapper.text.spans import Mention, fold
from mapper.text.vocab import (
    CAPITALISED_HEADS,
    CONNECTORS,
    LANDMARK_HEADS,
    MONTH_NAMES,
    OPENERS,
    very_common_words,
)

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


def find_landmarks(text: str, folded: str | None = None,
                   is_place_name: Callable[[str], bool] = lambda key: False) -> list[Mention]:
    """Landmark phrases by pattern: "Sangjani interchange", "Adiyala Jail", "Sector G-9".

    Heads are found first (one automaton pass over ``folded``, the padded
    :func:`fold` of ``text``, computed if not given); the name is then read
    backwards from each head, so the text is not scanned word by word.
    ``is_place_name`` tells a place owning a landmark ("Russia's Embassy") from a
    name written with a possessive ("Caesar's Palace").
    """
    if folded is None:
        folded = f" {fold(text)} "
    found = []
    consumed = 0
    heads = sorted((end - length + 1, end - 1) for end, length in _heads().iter(folded))
    for k, (start, end) in enumerate(heads):  # offsets in ``text``
        if (k + 1 < len(heads) and heads[k + 1][0] == end + 1 and text[end] == " "
                and text[start].isupper() and text[end + 1].isupper()
                and not _WORDISH.match(text, heads[k + 1][1])):
            continue  # "N. Harbor Drive", "Lincoln Park Zoo": the last head ends the name
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
        words = _landmark_words(name.split(), head[0].isupper(), is_place_name)
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
    found += _prefixed(text, folded, found)
    found += _road_numbers(text, found)
    return found


#: A road's number written without a head, as British and Irish roads are ("the A417",
#: "the M50", "the N7"): a letter of the road class, then digits.
_ROAD_NUMBER = re.compile(r"[ABMN](?<![\w-][ABMN])\d{1,4}(?:\(M\))?(?![\w-])")
#: Before a road number: "the", or another road number in a list ("the A436, A40 and A429").
_ROAD_BEFORE = re.compile(r"(?:\b[Tt]he|\d|\))(?:,\s|\s(?:and|or)\s|\s)$")
#: Words that say the text is about roads: a number is a road only near one of them
#: (not "the A380", "the M16" or "the B12" of aircraft, rifles and vitamins).
_ROAD_WORDS = re.compile(
    r"(?i:\b(?:roads?|motorway|carriageway|junction|roundabout|diversion|highway|traffic|"
    r"lanes?|northbound|southbound|eastbound|westbound|heading|slip|bypass|toll|"
    r"closed|closure|reopened)\b)")
#: How far around a road number its road word may be.
_ROAD_REACH = 80
_SENTENCE_END = re.compile(r"[.!?]\s")


def _road_numbers(text: str, found: list[Mention]) -> list[Mention]:
    """Road numbers used as places ("the A417 heading south will close"), where no other
    landmark covers them."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in found]
    for match in _ROAD_NUMBER.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if not _ROAD_BEFORE.search(text, max(0, start - 6), start):
            continue
        left = max(0, start - _ROAD_REACH)
        stops = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
        right = _SENTENCE_END.search(text, end, end + _ROAD_REACH)
        if not _ROAD_WORDS.search(text, stops[-1] if stops else left,
                                  right.start() if right else end + _ROAD_REACH):
            continue  # the road word must be in the number's own sentence
        out.append(Mention(text[start:end], start, end, fold(text[start:end]).strip(),
                           known=False, head="road"))
    return out


#: Heads written before the name: "Mount Chaambi", "Cape Peron", "Rue Casa Calvo",
#: "Barangay Paciano Rizal", "Hotel Kyjev".
PREFIX_HEADS = ("Mount", "Mt.", "Lake", "Cape", "Point", "Rue", "Barangay", "Hotel",
                "Faubourg", "Avenida", "Calle", "Via", "Jebel", "Jabal", "Wadi", "Ras",
                "Plaza", "Piazza", "Place", "Praça", "Rua", "Jalan", "Jl.", "Paseo", "Parque",
                "Puente", "Avenue", "Boulevard", "Universidad", "Palacio", "Estadio", "Loma")
#: What the foreign heads written first name, in the English words other heads use.
_PREFIX_KINDS = {"mt": "mount", "rue": "street", "calle": "street", "via": "street",
                 "rua": "street", "jalan": "street", "jl": "street", "paseo": "street",
                 "avenida": "avenue", "plaza": "square", "piazza": "square", "place": "square",
                 "praça": "square", "parque": "park", "puente": "bridge",
                 "universidad": "university", "palacio": "palace", "estadio": "stadium",
                 "loma": "hill"}
#: Heads followed by "of" (or "des", "de"): "University of California", "Palais des
#: Nations", "Gulf of Aden", "Embassy of the Republic of Armenia".
OF_HEADS = ("University", "Museum", "Embassy", "Consulate", "Palace", "Palais", "Cathedral",
            "Basilica", "Church", "Gulf", "Bay", "Isle", "Strait", "Straits", "Sea", "Lake",
            "Cape", "Mall")
_CAP_WORD = r"[A-Z][\w'\u2019]*(?:-[\w]+)*"
#: "Plaza de Mayo", "Place de la Nation", "Praça dos Três Poderes".
_OPENING_ARTICLE = r"(?:(?:de|del|des|du|da|di|della|do|dos|das)\s(?:la\s|las\s|los\s)?)?"
_PREFIXED = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<prefix>{'|'.join(re.escape(h) for h in PREFIX_HEADS)})"
    rf"\s(?P<name>{_OPENING_ARTICLE}{_CAP_WORD}"
    rf"(?:\s(?:{_CAP_WORD}|de|da|del|des|du|la|le)(?=\s[A-Z]))*"
    rf"(?:\s{_CAP_WORD})?)"
    rf"|(?P<of_head>{'|'.join(OF_HEADS)})\s(?:of|des|de|du|for)\s(?:the\s)?"
    rf"(?P<of_name>{_CAP_WORD}(?:\s(?:of\s(?:the\s)?)?{_CAP_WORD})*))"
)


def _prefixed(text: str, folded: str, found: list[Mention]) -> list[Mention]:
    """Landmarks whose head comes first, where no other landmark covers them.

    The heads are found in ``folded`` by one automaton pass, and the pattern is
    tried only there: scanning the text with it costs as much as the rest of the
    landmark search."""
    taken = [(m.start, m.end) for m in found]
    out = []
    resume = 0
    for end, length in _prefix_heads().iter(folded):
        start = end - length + 1  # offset in ``text`` of the head's first letter
        if start < resume or not text[start].isupper():
            continue
        match = _PREFIXED.match(text, start)
        if match is None:
            continue
        start, end = match.span()
        resume = end
        name = match.group("name") or match.group("of_name")
        if any(s < end and start < e for s, e in taken) or name.isupper():
            continue  # "Cape SAPS": an organisation's initials after a place
        head = (match.group("prefix") or match.group("of_head")).lower().rstrip(".")
        head = _PREFIX_KINDS.get(head, head)
        out.append(Mention(text[start:end], start, end, fold(text[start:end]).strip(),
                           known=False, head=head))
    return out


#: Heads that only make a landmark when capitalised ("Jinnah Rd", "Iowa House" is
#: handled as an organisation elsewhere; "3 rd" and "the house" are not landmarks).
_CAPITAL_HEADS = frozenset({"rd", "house", "cantt", "port", "terminal", "building", "gate",
                            "circle", "town", "plaza", "lga", *CAPITALISED_HEADS})
#: Heads that, written in lower case, describe the place rather than name it.
_DESCRIPTIVE_HEADS = frozenset({"airport", "village", "town", "district", "market",
                                "region", "province", "governorate", "county", "oblast",
                                "prefecture", "municipality", "parish", "borough",
                                "intersection", "junction", "toll gate"})
_STREET_HEADS = frozenset({"road", "rd", "street", "avenue", "boulevard", "highway"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
#: Abbreviations whose full stop does not end a sentence inside a landmark's name.
_NAME_ABBREVIATIONS = frozenset({"st.", "mt.", "ft.", "dr.", "jr.", "no.", "gen."})


def _landmark_words(words: list[str], capital_head: bool = True,
                    is_place_name: Callable[[str], bool] = lambda key: False) -> list[str]:
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
            # "Brooklyn's Barclays Center", "Russia's Embassy": the name is the owned
            # one; but "Caesar's Palace" and "Estey's Bridge" are names.
            if i < len(words) - 1 or not capital_head or is_place_name(fold(word[:-2]).strip()):
                words = words[i + 1:]
            break
        if word == "of" and i > 0 and words[i - 1].lower() == "block":
            words = words[i + 1:]  # "the 400 block of N. Bedford Drive"
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
def _prefix_heads() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for head in {*PREFIX_HEADS, *OF_HEADS}:
        automaton.add_word(f" {fold(head).strip()} ")
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _heads() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for head in LANDMARK_HEADS:
        automaton.add_word(f" {head} ")
    automaton.make_automaton()
    return automaton
