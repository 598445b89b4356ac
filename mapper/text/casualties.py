"""Casualty and arrest counts of a sentence, each attached to its verb.

"six people dead and dozens injured" -> killed 6, injured 24 (at least);
"22 officers and 16 civilians were injured" -> injured 38, victims "police,
civilians"; "Seventeen died in Kathmandu and two in Itahari" -> a count per place.
Ages, clock times, dates and labels ("34-year-old", "5 p.m.", "March 3",
"the 27th Amendment") are not counts.
"""

from __future__ import annotations

import re

from mapper.text.context import PlaceMention
from mapper.text.counts import Count, find_counts
from mapper.text.cues import Cue, Found, lowered
from mapper.text.sentences import Sentence

KILLED = Cue(r"\b(?:killed|killing|died|dead|deaths?|death toll|martyred|shot dead|"
             r"lost (?:their|his|her) lives?|fatalities|bodies)\b",
             "kill died dead death martyred lost_ fatalities bodies")
INJURED = Cue(r"\b(?:injured|injuring|wounded|wounding|hurt|injuries|hospitali[sz]ed|"
              r"(?:admitted|treated) (?:to|in|at) (?:the |a )?(?:\w+ )?hospitals?)\b",
              "injur wound hurt hospital")
ARRESTED = Cue(r"\b(?:arrested|arresting|detained|detaining|rounded up|arrests)\b",
               "arrest detain rounded_up")
#: Verbs that counts are attached to, by what they count.
VERBS = (("killed", KILLED), ("injured", INJURED), ("arrested", ARRESTED))
#: Victim nouns -> who the victims were.
VICTIMS: tuple[tuple[str, Cue], ...] = tuple(
    (who, Cue(p, words)) for who, p, words in (
        ("police", r"\b(?:police(?:men|women)?(?: officials?| officers?| personnel| constables?)?|"
                   r"officers?|constables?|cops|security (?:personnel|officials|forces)|rangers|"
                   r"soldiers|troops|law enforcers?)\b",
         "police officer constable cops security_ rangers soldiers troops law_enforcer"),
        ("protesters", r"\b(?:protest(?:e|o)rs?|demonstrators?|marchers|supporters|workers|"
                       r"activists|party members)\b",
         "protest demonstrator marchers supporters workers activists party_members"),
        ("journalists", r"\b(?:journalists?|reporters?|cameram[ae]n|photographers?)\b",
         "journalist reporter camera photographer"),
        ("students", r"\b(?:students?)\b", "student"),
        ("civilians", r"\b(?:civilians?|bystanders?|passers-by|residents|children|women)\b",
         "civilian bystander passers-by residents children women"),
        ("people", r"\b(?:people|persons|individuals|others)\b", "people persons individuals others"),
    )
)


def casualties(text: str, cues: Found) -> dict:
    """Killed / injured / arrested counts of a sentence, each count attached to its verb."""
    verbs = [(kind, verb) for kind, cue in VERBS for verb in cue.finditer(text, cues)]
    if not verbs:
        return {}
    # Only counts near a verb can be attached to it (see _nearest_count).
    counts = [c for c in find_counts(text, min(v.start() for _, v in verbs) - _COUNT_REACH,
                                     max(v.end() for _, v in verbs) + _COUNT_REACH)
              if not is_date_or_label(text, c)]
    result: dict = {}
    for kind, verb in verbs:
        if kind in result:
            continue
        best = _nearest_count(text, counts, verb.start(), verb.end())
        if best is None:
            if kind != "arrested" and _ONE_VICTIM.search(text, max(0, verb.start() - 60),
                                                         verb.start()):
                result[kind], result[f"{kind}_qualifier"] = 1, "exact"  # "a student was shot dead"
                result.setdefault("qualifier", "")
            continue
        parts = _summed_with(text, counts, best, [v.start() for _, v in verbs])
        result[kind] = sum(c.value for c in parts)
        qualifiers = {c.qualifier for c in parts}
        result[f"{kind}_qualifier"] = qualifiers.pop() if len(qualifiers) == 1 else "at least"
        if kind != "arrested":
            qualifier = result[f"{kind}_qualifier"]
            result.setdefault("qualifier", qualifier if qualifier != "exact" else "")
            # Who each count is of ("22 officers and 16 civilians"), else who the verb is of.
            victims = [_victims(text[c.end:c.end + 40]) for c in parts]
            if not any(victims):
                victims = [_victims(text[verb.end():verb.end() + 40])]
            if any(victims) and "victims" not in result:
                result["victims"] = ", ".join(dict.fromkeys(v for v in victims if v))
    return result


#: A lone victim: "a protester was killed", "another student was shot dead".
_ONE_VICTIM = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s(?:[\w-]+\s){1,3}"
                         r"(?:was|has been|had been)\s(?:\w+\s)?$")
#: Counts of different victims added up: "22 officers and 16 civilians were injured".
_AND_COUNT = re.compile(r"\s(?:[\w-]+\s){1,3}and\s$")


def _summed_with(text: str, counts: list[Count], last: Count, verbs: list[int]) -> list[Count]:
    """``last`` and the counts it is added to ("22 officers and 16 civilians"), not those
    of another verb ("96 killed and 300 injured")."""
    parts = [last]
    for count in reversed(counts[:counts.index(last)]):
        if not _AND_COUNT.fullmatch(text, count.end, parts[0].start) or any(
                count.end <= at < parts[0].start for at in verbs):
            break
        parts.insert(0, count)
    return parts


#: A count said of one place: "17 people died in X", "two in Y".
_COUNT_IN = re.compile(r"\s(?:[\w-]+\s){0,3}?(?:in|at)\s(?:the\s)?"
                       r"(?:(?:[\w-]+\s)?(?:city|town|village|district|province|region)\s"
                       r"of\s)?$")


def counts_at_places(sentence: Sentence, here: list[PlaceMention],
                      cues: Found) -> dict[PlaceMention, dict]:
    """Casualties counted place by place: "Seventeen died in Kathmandu and two in Itahari".

    A count written just before "in"/"at" and a place belongs to that place; its kind
    (killed, injured) is that of the verb between them, or else of the nearest verb
    before the count ("and two in Itahari" repeats "died").
    """
    text = sentence.text
    verbs = sorted(((verb.start(), kind) for kind, cue in VERBS
                    for verb in cue.finditer(text, cues)))
    if not any(kind != "arrested" for _, kind in verbs):
        return {}
    counts = find_counts(text)
    found: dict[PlaceMention, dict] = {}
    for pm in here:
        local = pm.mention.start - sentence.start
        count = next((c for c in reversed(counts) if c.end < local
                      and _COUNT_IN.fullmatch(text, c.end, local)), None)
        if count is None or is_date_or_label(text, count):
            continue
        # ("172 arrested, 103 of them in Paris": a count of arrests, not casualties.)
        kinds = [kind for at, kind in verbs if count.end <= at < local] or [
            kind for at, kind in verbs if at < count.start][-1:]
        if not kinds or kinds[0] == "arrested" or pm in found:
            continue
        qualifier = count.qualifier if count.qualifier != "exact" else ""
        found[pm] = {kinds[0]: count.value, f"{kinds[0]}_qualifier": count.qualifier,
                     "qualifier": qualifier, "victims": _victims(text[count.end:count.end + 40]),
                     "part_of_total": bool(_PART.search(text, max(0, count.start - 25),
                                                        count.start))}
    return found


#: A count that is part of the sentence's total: "133 killed, including 41 in Zahedan".
_PART = re.compile(r"\b(?:including|among them|of them|of whom)\s(?:at least\s|some\s)?$",
                   re.IGNORECASE)


#: Farthest a count is looked for from its verb: 70 characters between them, plus
#: the count's own length.
_COUNT_REACH = 140


def _nearest_count(text: str, counts: list[Count], vstart: int, vend: int) -> Count | None:
    before = [c for c in counts if c.end <= vstart and vstart - c.end <= 70
              and not _SEPARATE_CLAUSE.search(text, c.end, vstart)]
    after = [c for c in counts if c.start >= vend and c.start - vend <= 25]
    if before:
        return max(before, key=lambda c: c.end)
    if after:
        return min(after, key=lambda c: c.start)
    return None


def is_date_or_label(text: str, count: Count) -> bool:
    around = text[max(0, count.start - 12):count.end + 12].lower()
    if _MONTH_DAY.search(around):
        return True
    return bool(_LABEL_AFTER.match(text[count.end:count.end + 12].lower()))


_SEPARATE_CLAUSE = re.compile(r"[;]|\bwhile\b|\band\b[^,]*\b(?:were|was)\b")
_MONTH_DAY = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}\b")
_LABEL_AFTER = re.compile(r"(?:st|nd|rd|th)?\s?(?:number|no\.|-?years?[- ]old|[ap]\.m\.|[ap]m\b|"
                          r"constitutional|amendment|january|february|march|april|may|june|"
                          r"july|august|september|october|november|december|%|percent|"
                          r"per cent|km|kilomet|miles|hours|days|minutes|years|round)")


def _victims(text: str) -> str:
    low = lowered(text)
    for who, victim in VICTIMS:
        if victim.search(text, low):
            return who if who != "people" else ""
    return ""
