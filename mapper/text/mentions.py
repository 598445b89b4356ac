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
from collections.abc import Callable, Collection, Iterable

import ahocorasick

from mapper.geocoders.regions import POSTAL_KEY_SUFFIX
from mapper.text.acronyms import expands, find_defined_acronyms, people_names
from mapper.text.cued import find_cued_names, find_names_with_areas
from mapper.text.landmarks import find_landmarks
from mapper.text.persons import is_person, one_sense, person_words
from mapper.text.spans import Mention, Role, fold
from mapper.text.vocab import (
    ACTOR_VERBS,
    AREA_HEADS,
    CONNECTORS,
    GOVERNMENT_NOUNS,
    MONTH_NAMES,
    OFFICES,
    ORGANISATION_WORDS,
    TITLES,
    WEEKDAYS,
    common_words,
    placey,
    very_common_words,
)

#: Where a sentence (or a dateline's text, "ISLAMABAD, Nov 25 - Police said") starts.
_SENTENCE_END = re.compile(r"(?:[.!?]['\"\u201d\u2019)]?|\n|\s[-\u2013\u2014])\s*$")
#: The word just before a name, matched on the reversed text before it: a pattern anchored
#: at the end of a window is otherwise tried at every position of the window.
_WORD_BEFORE_REVERSED = re.compile(r"(\s?)([\w'\u2019.-]*[A-Za-z])")
_WORD_AFTER = re.compile(r"^(\s?)([A-Za-z][\w-]*)")
#: Abbreviated first words of place names, written with a stop ("St. Louis", "Mt. Kenya").
_DOTTED_PREFIXES = frozenset({"st", "ste", "mt", "ft", "pt", "co"})
#: Initials opening a name, written with stops: "U.S. Virgin Islands" ("u s ").
_INITIALS = re.compile(r"(?:[a-z] ){2,}")


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
    postal
        Keys of postal abbreviations ("wa", "nsw"), matched only in capitals after a
        town and a comma or after "in" ("Perth, WA", "in NSW"); the mention's key is
        then the abbreviation's lookup key (``POSTAL_KEY_SUFFIX`` added).
    """

    def __init__(self, keys: Iterable[str], strong: Iterable[str] = (),
                 proper: Iterable[str] = (), dotted: Iterable[str] = (),
                 areas: Iterable[str] = (), containers: Iterable[str] = (),
                 postal: Iterable[str] = ()) -> None:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for key in keys:
            if len(key) >= 2 and not key.replace(" ", "").isdigit():
                automaton.add_word(f" {key} ")
                first, _, rest = key.partition(" ")
                if first in _DOTTED_PREFIXES and rest:
                    automaton.add_word(f" {first}  {rest} ")  # "St. Louis" folds to "st  louis"
                initials = _INITIALS.match(key)
                if initials and initials.end() < len(key):
                    # "U.S. Virgin Islands" folds to "u s  virgin islands"
                    automaton.add_word(f" {key[:initials.end()]} {key[initials.end():]} ")
        self.postal = frozenset(postal)
        # Abbreviations that are no other name ("nsw", "tx") are only ever abbreviations.
        self._postal_only = frozenset(k for k in self.postal if not automaton.exists(f" {k} "))
        for key in self._postal_only:
            automaton.add_word(f" {key} ")
        automaton.make_automaton()
        self._automaton = automaton
        self.dotted = frozenset(dotted)
        self.strong = frozenset(strong) | self.dotted
        self.proper = frozenset(proper)
        self.areas = frozenset(areas)
        # What a town may be written with ("Knockhill, Fife"): areas, counties, islands.
        self.containers = frozenset(containers) | self.areas

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
        respelled = self._across_apostrophes(text, folded) if "'" in text or "\u2019" in text \
            else {}
        hits += respelled
        found: list[Mention] = []
        for s, e in _longest(hits):
            key = respelled.get((s, e)) or " ".join(folded[s + 1:e + 1].split())
            if key in self.postal:
                if _postal_context(text, s, e, found):
                    found.append(Mention(text[s:e], s, e, key + POSTAL_KEY_SUFFIX))
                    continue
                if key in self._postal_only:
                    continue
            if key in self.dotted:
                # "Calif.", "N.J.": only as written, after the place they follow
                # ("Fresno, Calif.", "the Walker County (Ga.) sheriff"), never "Miss
                # Smith" or "Mass" the service.
                if text[e:e + 1] != "." or not (
                        "." in text[s:e] or text[max(0, s - 2):s] == ", "
                        or (text[s - 1:s] == "(" and text[e + 1:e + 2] == ")")):
                    continue
                e += 1
            else:
                e = _abbreviation_end(text, s, e)
            if found and text[found[-1].end:s] == ", " and f"{found[-1].key} {key}" in self:
                # "Washington, D.C.": one name written with a comma
                first = found.pop()
                s, key = first.start, f"{first.key} {key}"
            head = ""
            if key in self.areas and _STATE_AFTER.match(text, e):
                e, key, head = e + 6, f"{key} state", "state"  # "Borno State", "Benue state"
            else:
                bare, _, last = key.rpartition(" ")
                if bare and last in _TRIMMED_WORDS and text.endswith(last, s, e):
                    # "Kasserine governorate", "Heathrow airport": the name is the mention;
                    # the whole key (the area's, the airport's name) still finds the place.
                    e -= len(last) + 1
            found.append(Mention(text[s:e], s, e, key, head=head))
        full_names = [m for m in found if " " in m.key]
        acronyms, ambiguous = find_defined_acronyms(
            text, full_names + people_names(text, self.__contains__))
        if acronyms or ambiguous:
            found = _with_acronyms(found, acronyms, ambiguous)
        landmarks = find_landmarks(text, folded, self.strong.__contains__)
        merged = _merge(found, landmarks)
        # One mention per span: "in Manvers, South Yorkshire" is cued both ways.
        cued = [m for m in {(m.start, m.end): m for m in [
                    *find_names_with_areas(text, found, self.containers),
                    *find_cued_names(text)]}.values()
                if not _overlaps(m, merged)]
        if cued:
            merged = sorted(merged + cued, key=lambda m: m.start)
        return classify(text, merged, self.strong, self.proper, self.dotted,
                        self.__contains__)

    def _across_apostrophes(self, text: str, folded: str) -> dict[tuple[int, int], str]:
        """Names written with an apostrophe ("King's Lynn", "N'Djamena", "Côte d'Ivoire",
        "Martyrs' Square"), with their keys: keys drop the apostrophe, which folding
        turns into a space. A lone word and its possessive "'s" is not such a name
        ("Lyon's" is not Lyons), nor is an Irish surname ("O'Leary", a town in Canada)."""
        out: dict[tuple[int, int], str] = {}
        for match in _JOINING_APOSTROPHE.finditer(text):
            apostrophe = match.start()
            at = apostrophe + 1  # in `folded`
            low = folded.find(" ", max(0, at - _APOSTROPHE_REACH), at)
            high = folded.rfind(" ", at + 1, at + _APOSTROPHE_REACH)
            if low < 0 or high < 0:
                continue
            window = folded[low:at] + folded[at + 1:high + 1]
            cut = at - low  # where the apostrophe was, in `window`
            for end, length in self._automaton.iter(window):
                first = end - length + 2  # the key's first and past-last characters
                if not first < cut < end:
                    continue
                start, stop = low + first - 1, low + end  # in `text`
                key = window[first:end]
                if " " not in key and (text[apostrophe + 1:stop].lower() == "s"
                                       or text[start:apostrophe] == "O"):
                    continue
                if text[start].isupper() or text[start].isdigit():
                    out[(start, stop)] = " ".join(key.split())
        return out


#: An apostrophe inside a name, or closing a plural before the name's next word.
_JOINING_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['\u2019](?=[^\W\d_]|(?<=s['\u2019]) [A-Z])")
#: How far either side of an apostrophe a name holding it is looked for.
_APOSTROPHE_REACH = 48

#: Lower-case words a known name may be written with ("Heathrow airport"), left out of
#: the mention (as gazetteers and annotators leave them out of the name).
_TRIMMED_WORDS = (AREA_HEADS - {"state", "town", "border", "campus", "valley"}) | {"airport"}
_STATE_AFTER = re.compile(r" [Ss]tate(?![\w-])")
#: A name ending in a dotted abbreviation: "U.S", "Washington, D.C".
_DOTTED_TAIL = re.compile(r"(?:^|[\s(,])(?:[A-Za-z]\.)+[A-Za-z]$")


def _postal_context(text: str, start: int, end: int, found: list[Mention]) -> bool:
    """True for a postal abbreviation written as one: in capitals, after a known place and
    a comma ("Perth, WA") or after "in" ("in NSW")."""
    if not text[start:end].isupper():
        return False
    if text[start - 2:start] == ", ":
        return bool(found) and found[-1].end == start - 2
    return text[max(0, start - 4):start] in (" in ", "\nin ") or text[:start] == "in "


def _abbreviation_end(text: str, start: int, end: int) -> int:
    """End of the name with its abbreviation's final full stop ("U.S." not "U.S").

    The matcher folds punctuation away, so a match stops at the last letter; the
    stop belongs to the name as written (and ends the sentence as well, if it does).
    """
    if text[end:end + 1] == "." and _DOTTED_TAIL.search(text[start:end]):
        return end + 1
    return end


def _longest(hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, longest first, then leftmost."""
    chosen: list[tuple[int, int]] = []
    taken = bytearray(max((end for _, end in hits), default=0))
    for start, end in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if taken.find(1, start, end) < 0:
            chosen.append((start, end))
            taken[start:end] = b"\x01" * (end - start)
    chosen.sort()
    return chosen


def _with_acronyms(found: list[Mention], acronyms: list[Mention],
                   ambiguous: list[tuple[int, int]]) -> list[Mention]:
    """Known names plus initials standing for one of them ("KP"); initials replace a
    known name written the same way ("SA", a Cypriot village's alternate name), and
    initials of two of the report's names are no name at all."""
    spans = {(a.start, a.end) for a in acronyms} | set(ambiguous)
    kept = [m for m in found if (m.start, m.end) not in spans]
    added = [a for a in acronyms if not _overlaps(a, kept)]
    return sorted(kept + added, key=lambda m: m.start)


def _overlaps(mention: Mention, others: list[Mention]) -> bool:
    return any(m.start < mention.end and mention.start < m.end for m in others)


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
    listed = [m for m in mentions if m.key in strong or m.head in AREA_HEADS]
    neighbours = {m.start for m in listed} | {m.end for m in listed}
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
            if not _capitalised(m.text[:len(m.text) - len(m.head)]):
                continue  # (a known name's head is "state": "in Benue state")
            if _acronym(m.text) and not expands(m) and not m.key.endswith(POSTAL_KEY_SUFFIX):
                continue  # "APC", "TNA": an organisation's initials far more often than
                # a small place's alternate name
            if all(w in commons or w in CONNECTORS for w in words) and not (
                    len(words) > 1 and (words[-1] in _NAMED_AREA_HEADS
                                         or words[-1] in _TRIMMED_WORDS)) and not (
                    len(words) > 1 and (_AREA_NOUN_AFTER.match(text, m.end) or _LOCATIVE_TAIL.search(
                        text, max(0, m.start - 16), m.start))) and (
                    at_start or m.key not in proper or _common_noun_context(text, m)):
                continue  # "However", "Police", "Best", "Long March": not evidence of a place
        # "Newark, N.J. Police said": the abbreviation's stop ends the sentence too.
        role = "place" if m.key in dotted or m.key.endswith(POSTAL_KEY_SUFFIX) else _role(text, m, at_start, commons, name_words,
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
_NAMED_AREA_HEADS = frozenset({"county", "parish", "borough", "province", "district",
                               "bay", "beach", "point", "harbour", "harbor", "falls", "lake",
                               "river", "creek", "heights", "springs", "island"})

_OWNER = re.compile(r"['\u2019]s\s")
#: The one or two words after a possessive: "'s Prime Minister", "'s de facto ruler".
_OWNED = re.compile(r"['\u2019]s\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_OFFICE_OF = re.compile(
    r"\b(?i:" + "|".join(sorted(OFFICES)) + r")\s+of\s+(?:the\s+)?$")
#: Prepositions that make the name after them a location, whatever verb follows.
_LOCATIVE_BEFORE = frozenset({"in", "at", "near", "outside", "inside", "from", "across",
                              "around", "throughout"})

#: A verb's agent: "denied by (the)", "followed by".
_AGENT_BEFORE = re.compile(r"([A-Za-z]+)\s+by\s+(?:the\s+)?$")

_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|a|an|this|that|its|his|her|their|our)\s$",
                                re.IGNORECASE)


def _after_of(text: str, start: int) -> bool:
    """True where ``text[:start]`` ends with "of " or "the " (what :data:`_OFFICE_OF` needs
    first, checked far faster)."""
    window = text[max(0, start - 60):start]
    stripped = window.rstrip()
    return len(stripped) < len(window) and stripped[-3:].lower().endswith(("of", "the"))


def _common_noun_context(text: str, m: Mention) -> bool:
    """True where a capitalised common word is part of another name: "the Summit",
    "the Islamic Republic", "Mercedes-Benz"; but not a known name before an institution's
    noun, which is its place's ("a New York court")."""
    if _DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start):
        after = _WORD_AFTER.search(text[m.end:m.end + 40])
        return not (after and after.group(1) == " " and after.group(2).islower()
                    and after.group(2) in ORGANISATION_WORDS)
    return text[m.end:m.end + 1] == "-" and text[m.end + 1:m.end + 2].isupper()


def _acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) <= 5 and letters.isalpha() and letters.isupper()


#: Spaces and hyphens between a name's words, and the apostrophe of an elided article
#: ("Coeur d'Alene", "Fort d'Aubervilliers").
_WORD_GAPS = re.compile(r"[\s-]+|(?<=\b[dl])['\u2019]")
#: A preposition just before a name that makes it a location: "a forum in Red Oak".
_LOCATIVE_TAIL = re.compile(r"(?<![\w-])(?:in|near|outside|around|throughout)\s(?:the\s)?$")
#: A lower-case word after a name that says it is an area's: "the Crown Heights
#: neighborhood", "the Bay Ridge area".
_AREA_NOUN_AFTER = re.compile(
    r" (?:neighbou?rhoods?|suburbs?|area|district|section|community|township|village)\b")



def _next_word(text: str, pos: int) -> str:
    """The lower-case word that follows ``pos`` after one space, or ''."""
    after = _WORD_AFTER.match(text[pos:pos + 40])
    return after.group(2).lower() if after and after.group(1) == " " else ""


def _capitalised(name: str) -> bool:
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in CONNECTORS or w in ("d", "l")
               for w in _WORD_GAPS.split(name) if w)


def _sentence_start(text: str, start: int) -> bool:
    """True at the start of the text or of a sentence, also after an opening quote."""
    while start > 0 and text[start - 1] in "\"\u201c(":
        start -= 1
    return start == 0 or bool(_SENTENCE_END.search(text[max(0, start - 3):start]))


def _role(text: str, m: Mention, at_start: bool, commons: frozenset[str],
          name_words: frozenset[str], neighbours: Collection[int] = ()) -> Role:
    before = _WORD_BEFORE_REVERSED.match(text[max(0, m.start - 40):m.start][::-1])
    after = _WORD_AFTER.search(text[m.end:m.end + 40])
    next_word = after.group(2) if after and after.group(1) == " " else ""
    next_low = next_word.lower()
    prev_word = before.group(2)[::-1] if before and before.group(1) == " " else ""
    if text[m.end:m.end + 1] == "-" and m.head == "":
        # "Pakistan-based", "Tehreek-e-Insaf"
        tail = re.match(r"-[\w-]+", text[m.end:])
        if tail and tail.group(0)[1:2].islower() and tail.group(0)[1:].split("-")[0] not in (
                "born", "based", "led", "backed", "bound", "area", "side"):
            return "organisation"
    if m.head and m.head not in AREA_HEADS:
        return "place"  # "Adiyala Jail", "Sangjani interchange": a landmark whatever follows
    if next_low == "court":
        return "place"  # "a Lahore court sentenced": the case is heard there
    if next_low == "district" and _next_word(
            text, m.end + 1 + len(next_word)) not in ORGANISATION_WORDS:
        next_low = ""  # "the Gldani district", but "the Lahore district police"
    if next_low in ORGANISATION_WORDS:
        return "organisation"
    if next_word[:1].islower() and next_low in GOVERNMENT_NOUNS:
        return "actor"  # "the US decision", "a US ally", "Mexico squad"
    if _OWNER.match(text, m.end):
        owned = _OWNED.match(text, m.end)
        if owned and any(w.lower() in GOVERNMENT_NOUNS for w in owned.groups() if w):
            return "actor"  # "Mexico's Senate", "Lebanon's Prime Minister", "Dominica's request"
    locative = prev_word.lower() in _LOCATIVE_BEFORE
    if next_low in ACTOR_VERBS and m.head == "" and not locative:
        return "actor"  # "Pakistan said", but "doctors in Montpellier said"
    if prev_word.lower() == "against" and m.head == "":
        return "actor"  # "won against Louisville", "sanctions against Iran": a team, a state
    if prev_word.lower() in ("by", "the") and m.head == "":
        agent = _AGENT_BEFORE.search(text, max(0, m.start - 30), m.start)
        if agent and agent.group(1).lower() in ACTOR_VERBS:
            return "actor"  # "a charge denied by the Kremlin", "condemned by Russia"
    if _after_of(text, m.start) and _OFFICE_OF.search(text, max(0, m.start - 60), m.start):
        return "title"  # "President of Armenia", "Prime Minister of the UAE"
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
