"""Sentences, quotations, and who said what.

A sentence inside a quotation, or one that reports speech ("Naqvi said that
..."), carries its speaker; pronouns ("he said") take the last named speaker,
and a bare surname ("Naqvi added") the full name used before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapper.text.cues import Cue, CueSet

_ABBREVIATIONS = (
    "mr mrs ms dr gen lt col maj capt sgt st no jan feb mar apr jun jul aug sep sept oct "
    "nov dec u.s u.k prof rev sen rep gov inc ltd co corp vs etc approx est fig".split()
)
# The end mark is matched, not looked behind for: a pattern that starts with a
# character set is scanned for much faster.
# Reference marks after the stop ("revenue.[6][7] Police") are skipped with the closers.
_BOUNDARY = re.compile(r"(?P<mark>[.!?])(?:\[\w[\w ]{0,9}\])*[\"'\u201d\u2019)\]]*\s+"
                       r"(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|\n(?=\S)")
_LAST_WORD = re.compile(r"(?<!\w)(\w+(?:\.\w+)*)\.[\"'\u201d\u2019)]*$")
_CLOSERS = "\"'\u201d\u2019)"
_QUOTE = re.compile(r"\"[^\"]{2,3000}?\"|\u201c[^\u201d]{2,3000}?\u201d")
TITLES = (
    "interior minister", "information minister", "defence minister", "defense minister",
    "foreign minister", "prime minister", "chief minister", "former prime minister",
    "minister", "president", "chairman", "spokesperson", "spokesman", "spokeswoman",
    "barrister", "senator", "governor", "speaker", "mayor", "commissioner", "inspector general",
    "police chief", "general", "mr.", "mrs.", "ms.", "dr.", "sheikh", "maulana",
)
_NAME = r"[A-Z][\w'\u2019-]+(?:\s(?:[A-Z][\w'\u2019-]+|bin|al|ul|de))*"
_SPEECH_VERBS = (r"said|says|added|told|stated|claimed|alleged|warned|asserted|insisted|"
                 r"maintained|maintains|vowed|announced|declared|noted|explained|urged|"
                 r"demanded|alleges|claims")
_AFTER_QUOTE = re.compile(
    rf"^\s*,?\s*(?:(?P<pron>he|she|they|it)|(?P<name>{_NAME}))\s+(?:{_SPEECH_VERBS})\b"
    rf"|^\s*,?\s*(?:{_SPEECH_VERBS})\s+(?P<name2>{_NAME})"
)
_SPEECH_CUES = _SPEECH_VERBS.replace("|", " ")  # every verb is a literal word
_REPORTED = Cue(
    rf"(?P<name>(?:(?:[A-Z][a-z]+\s){{0,3}}){_NAME})\s+(?:has\s|had\s)?(?:{_SPEECH_VERBS})\b",
    _SPEECH_CUES, flags=0,
)
_ACCORDING = Cue(
    rf"\b(?:according to|as per)\s+(?:the\s)?(?P<name>{_NAME}|sources|police|officials)",
    "according_to as_per", flags=0,
)
_GENERIC_SPEAKERS = Cue(
    r"\b(?:the\s)?(?P<name>government|police|authorities|officials|sources|ministry|army|"
    r"military|organizers|organisers|witnesses|rescue officials|hospital officials)\s+"
    rf"(?:has\s|have\s)?(?:{_SPEECH_VERBS})\b", _SPEECH_CUES)
_BEFORE_QUOTE = re.compile(rf"(?P<name>{_NAME})\s+(?:{_SPEECH_VERBS})\b[^.\"\u201c]{{0,80}}[:,]\s*$")
_SPEAKER_CUES = CueSet([_REPORTED, _ACCORDING, _GENERIC_SPEAKERS])


@dataclass(frozen=True)
class Sentence:
    """A sentence of the document body."""

    start: int
    end: int
    text: str
    #: Who the sentence's content is attributed to ("Mohsin Naqvi", "police"), if anyone.
    speaker: str = ""
    #: True when the sentence is (part of) a direct quotation.
    quoted: bool = False


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text``, whitespace trimmed."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        cut = match.start() + 1 if match.group("mark") else match.start()
        last = _last_word(text, start, cut)
        if (last and last.group(1).lower() in _ABBREVIATIONS
                and not text.startswith("\n", cut)):
            continue
        if last and len(last.group(1)) == 1 and last.group(1).isupper():
            continue  # an initial: "Ali A. Gandapur"
        spans.append((start, cut))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _last_word(text: str, start: int, cut: int) -> re.Match[str] | None:
    """The word before a final full stop of ``text[start:cut]`` ("Dr." -> "Dr")."""
    end = cut
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1
    if end <= start or text[end - 1] != ".":
        return None
    window = max(start, end - 48)
    last = _LAST_WORD.search(text, window, cut)
    if last and last.start() == window > start:  # the word may begin before the window
        last = _LAST_WORD.search(text, start, cut)
    return last


def strip_title(name: str) -> str:
    """ "Interior Minister Mohsin Naqvi" -> "Mohsin Naqvi"."""
    low = name.lower()
    for title in sorted(TITLES, key=len, reverse=True):
        if low.startswith(title + " "):
            return name[len(title) + 1:].strip()
    return name


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their speakers."""
    bodies = [(s, e, text[s:e]) for s, e in split(text)]
    cues = [_SPEAKER_CUES.find_in(body) for _, _, body in bodies]
    # "Naqvi said": per sentence, so that a name never runs across a sentence break.
    reported = [list(_REPORTED.finditer(body, found))
                for (_, _, body), found in zip(bodies, cues, strict=True)]
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    known_names: list[str] = []
    last_speaker = ""
    quote_speaker: dict[tuple[int, int], str] = {}

    def full_name(name: str) -> str:
        name = strip_title(name.strip())
        if " " not in name:
            for known in reversed(known_names):
                if known.split()[-1] == name:
                    return known
        return name

    # Speakers of quotations, in document order so pronouns find the last name.
    events: list[tuple[int, str, str, tuple[int, int]]] = []
    for q in quotes:
        events.append((q[0], "quote", "", q))
    for (start, _, _), matches in zip(bodies, reported, strict=True):
        for m in matches:
            events.append((start + m.start(), "name", m.group("name"), (0, 0)))
    events.sort()
    for _, kind, value, q in events:
        if kind == "name":
            name = full_name(value)
            if name.split()[0].lower() not in ("the", "it", "this"):
                if " " in name:
                    known_names.append(name)
                last_speaker = name
            continue
        after = _AFTER_QUOTE.match(text[q[1]:q[1] + 120])
        speaker = ""
        if after:
            if after.group("pron"):
                speaker = last_speaker
            else:
                speaker = full_name(after.group("name") or after.group("name2"))
        else:
            before = _BEFORE_QUOTE.search(text, max(0, q[0] - 160), q[0])
            if before:
                speaker = full_name(before.group("name"))
        if speaker:
            quote_speaker[q] = speaker
            if " " in speaker:
                known_names.append(speaker)
            last_speaker = speaker

    out = []
    for (s, e, body), found, matches in zip(bodies, cues, reported, strict=True):
        speaker, quoted = "", False
        for (qs, qe), who in quote_speaker.items():
            if qs < e and s < qe:
                speaker, quoted = who, True
                break
        if not quoted and any(qs <= s and e <= qe for qs, qe in quotes):
            quoted = True
        if not speaker:
            named = (matches[0] if matches else None) or _ACCORDING.search(body, found)
            if named:
                name = full_name(named.group("name"))
                if name.split()[0].lower() not in ("the", "it", "this", "as"):
                    speaker = name
            if not speaker:
                generic = _GENERIC_SPEAKERS.search(body, found)
                if generic:
                    speaker = generic.group("name").lower()
        out.append(Sentence(s, e, body, speaker, quoted))
    return out
