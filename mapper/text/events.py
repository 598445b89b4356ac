"""Sentences -> incidents.

Each sentence that reports an event yields incidents: a type and sub-type
(the vocabulary of :mod:`mapper.schema`), the place it happened (not every
place the sentence names), a date, casualty counts with qualifiers and who the
victims were (:mod:`mapper.text.casualties`), actors, and the sentence as
evidence. Content attributed to a speaker is a claim and says whose. Sentences
that continue an incident already seen ("The march is being led by ...") add to
it instead of repeating it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from mapper.geocoders.base import Place
from mapper.names import normalize
from mapper.text.casualties import VERBS, casualties, counts_at_places
from mapper.text.context import COUNTRY_KINDS, REGION_KINDS, PlaceMention, distance_km
from mapper.text.cues import Cue, CueSet, Found, lowered
from mapper.text.dates import DATE_CUES, find_date
from mapper.text.sentences import Sentence, strip_title
from mapper.text.spans import Mention

#: A crowd gathering ("protesters gathered"): a protest of its own only where nothing more
#: happened to it.
_CROWD_GATHERED = (r"(?:protest(?:e|o)rs|demonstrators|crowds|supporters|activists|students|"
                   r"thousands|hundreds) (?:\w+ )?(?:gathered|assembled|massed|converged)")
#: (event type, sub-type, trigger), most specific first within a type. Each trigger's
#: cue words are literal parts of everything it matches (see :mod:`mapper.text.cues`).
TRIGGERS: tuple[tuple[str, str, Cue], ...] = tuple(
    (t, s, Cue(p, words)) for t, s, p, words in (
        ("protest", "march", r"\b(?:march(?:es|ed|ing)?|long march|convoy|caravan)\b",
         "march convoy caravan"),
        ("protest", "sit-in",
         r"\b(?:sit-ins?|dharna|occupation of|occup(?:ied|ying) (?:the|a|an|parts of))\b",
         "sit-in dharna occup"),
        ("protest", "rally", r"\brall(?:y|ies|ied)\b", "rall"),
        ("protest", "peaceful protest",
         r"\b(?:protest(?:s|ed|ing)?(?! (?:sites?|leaders?|movements?|organi[sz]ers|groups?|"
         r"songs?|signs?|slogans|camps?))|demonstrat(?:ion|ions|ed|ing)|strikes?|hartal|"
         rf"t(?:ook|ake|akes|aking) to the streets|{_CROWD_GATHERED})\b",
         "protest demonstrat strike hartal to_the_streets gathered assembled massed converged"),
        ("clash", "clash with security forces",
         r"\b(?:clash(?:es|ed)?|skirmish(?:es)?|fought|battled|tear[- ]?gas|rubber bullets|"
         r"water cannons?|baton[- ]charged?|lathi[- ]charged?|stone[- ]pelting|pelted|"
         r"hurled stones|fired (?:on|at|into)|shelling)\b",
         "clash skirmish fought battled tear rubber_bullets water_cannon baton lathi stone "
         "pelted fired shelling"),
        ("clash", "violent demonstration",
         r"\b(?:(?<!anti-)riot(?:s|ed|ing)?(?! (?:police|gear|squads?|units?|officers|"
         r"shields|control|act|charges?))|torched|set (?:ablaze|alight|on fire|fire to)|vandali[sz]ed|"
         r"stormed|"
         r"looted|burn(?:ed|t))\b",
         "riot torched set_ vandali stormed looted burn"),
        ("arrest", "arrests",
         r"\b(?:arrest(?:s|ed|ing)?|detain(?:ed|ing)|rounded up|taken into custody|"
         r"apprehended|crackdown)\b",
         "arrest detain rounded_up custody apprehended crackdown"),
        ("blockade", "container blockade", r"\bcontainers?\b", "container"),
        ("blockade", "road blockade",
         r"\b(?:blockades?|blocked|blocking|barricad(?:e|es|ed)|roadblocks?|sealed off|"
         r"cordoned off)\b",
         "blockade blocked blocking barricad roadblock sealed_off cordoned_off"),
        ("closure", "school closure",
         r"\b(?:schools?|educational institutions?|universities|colleges)\b[^.]{0,60}\b"
         r"(?:clos(?:ed|ure|ing)|shut)\b|\bclos(?:ure|ed|ing)\b[^.]{0,40}\b(?:schools?|"
         r"educational institutions?)\b",
         "school educational_institution universities colleges"),
        ("closure", "communications shutdown",
         r"\b(?:internet|mobile (?:phone )?(?:service|network|data)s?)\b[^.]{0,50}\b(?:suspend|"
         r"shut|block|cut)\w*|\b(?:internet (?:shutdown|blackout))\b",
         "internet mobile_"),
        ("closure", "road closure",
         r"\b(?:roads?|motorways?|highways?|routes?|entry points?)\b[^.]{0,40}\b(?:closed|"
         r"shut)\b|\bclos(?:ure|ed) of (?:the )?(?:roads?|motorways?|highways?)\b",
         "closed shut closure_of"),
        ("closure", "business closure",
         r"\b(?:shops|markets|businesses)\b[^.]{0,40}\b(?:closed|shut)\b|\bshutter[- ]down\b",
         "closed shut"),
        ("deployment", "curfew", r"\bcurfew\b", "curfew"),
        ("deployment", "security deployment",
         r"\b(?:deploy(?:ed|ment|ments|ing)?|troops|rangers|paramilitar(?:y|ies)|"
         r"army was called|security (?:was|has been|had been) (?:beefed up|tightened|stepped up)|"
         r"heavy (?:police|security) (?:presence|contingents?))\b",
         "deploy troops rangers paramilitar army_was_called security_ heavy_"),
        ("negotiation", "agreement", r"\b(?:agreement|deal) (?:was|has been) (?:reached|struck)\b",
         "agreement_ deal_"),
        ("negotiation", "talks",
         r"\b(?:talks|negotiat(?:ion|ions|ed|ing|e)|dialogue|parleys?)\b",
         "talks negotiat dialogue parley"),
        ("violence", "casualties",
         r"\b(?:killed|killing|died|dead|deaths?|death toll|martyred|shot dead|lost (?:their|his|"
         r"her) lives?|fatalities|injured|injuring|wounded|wounding|hurt|injuries|casualties|"
         r"hospitali[sz]ed|(?:admitted|treated) (?:to|in|at) (?:the |a )?(?:\w+ )?hospitals?)\b",
         "kill died dead death martyred lost_ fatalities injur wound hurt casualties hospital"),
        ("violence", "attack on civilians",
         r"\b(?:attacked|assaulted|beaten|beat up|abducted|gunmen|opened fire)\b",
         "attacked assaulted beat abducted gunmen opened_fire"),
    )
)
_MODAL = Cue(r"\b(?:would|will|shall|could|may|might|threaten(?:ed|s)? to|warn(?:ed|s|ing)?)\b"
             r"[^.]{0,40}\b(?:be )?(?:arrested|detained)\b|\bwarn(?:ed|s|ing)? of arrests?\b",
             "arrest detained")
_PART_PLACE = re.compile(r"\b(?:(?:including|among them)\s(?:[\w,-]+\s){1,4}?|"
                         r"[\w,-]+\s(?:of them|of whom)\s)(?:in|at)\s(?:the\s)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s)?$", re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:at|in|near|outside|inside|on|across|throughout|all over|around|"
                       r"into|within|off|reached|reaching|entered|to|towards?|from|of|via|"
                       r"through)\s+(?:the\s)?$",
                       re.IGNORECASE)
_NOT_THE_EVENT_PLACE = Cue(
    r"\b(?:from|buried in|funerals? (?:was |were )?(?:held )?in|hometown|native|hails from|"
    r"treated (?:at|in)|(?:taken|rushed|admitted|shifted|transferred) to)"
    r"\s+(?:the\s)?(?:(?!(?:in|at|on|near)\s)\w+\s){0,2}$",
    "from buried_in funeral hometown native treated_ taken_to rushed_to admitted_to "
    "shifted_to transferred_to")
#: Where something is heading is not where it is, except for what is put "on the routes
#: towards" a place (deployments, closures, blockades).
_HEADING = Cue(r"\b(?:towards?|heading to|headed to|bound for|en route to)\s+(?:the\s)?"
               r"(?:\w+\s){0,2}$", "toward heading_to headed_to bound_for en_route_to")
_SPEAKING_PLACE = Cue(r"\b(?:speaking|talking|told|addressing|briefing|press conference)"
                      r"\b[^.]{0,60}$", "speaking talking told addressing briefing press_conference")
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}\b")  # "\b[A-Z]{2,6}\b", scanned faster
_NOT_ACTORS = frozenset({"PM", "CM", "KP", "KPK", "TV", "US", "UK", "UN", "EU", "AM", "BBC",
                         "VOA", "AP", "AFP", "NEWS", "ID", "ISB", "GMT", "PST", "OK"})
_LED_BY = Cue(r"\bled by\s+(?P<who>[^.;]+)", "led_by")
_PERSON = re.compile(r"(?:[A-Z][a-z]+\s){0,3}[A-Z][a-z]+(?:\s[A-Z][a-z]+)+")
_GROUP_ACTORS = Cue(
    r"\b(?:police|security (?:forces|officials|personnel)|rangers|army|government|"
    r"authorities|protest(?:e|o)rs|demonstrators|supporters|students|opposition)\b",
    "police security_ rangers army government authorities protest demonstrators supporters "
    "students opposition")
# Widths are bounded ("\d[\d,]{0,14}", not "\d[\d,]*") so that the search can start
# near the crowd noun (see mapper.text.cues).
_CROWD = Cue(r"\b(?P<n>tens of thousands|hundreds of thousands|thousands|hundreds|dozens|"
             r"[0-9][0-9,]{0,14}|(?:more than |over |about |some |nearly )?\w{1,20} (?:hundred|thousand))"
             r"\s(?:of\s)?(?:\w{1,30}\s){0,2}(?:protest(?:e|o)rs|demonstrators|supporters|people|"
             r"marchers|workers|students)",
             "protest demonstrators supporters people marchers workers students",
             also="0 1 2 3 4 5 6 7 8 9 thousand hundred dozens")
#: Types that happen at each place a sentence lists ("deployment at A, B and C").
_EVERY_PLACE = frozenset({"deployment", "closure", "blockade"})
#: Types that happen at each place of a list where they happened ("protests in A, B and C").
_LISTED_PLACES = frozenset({"protest", "clash"})


@dataclass
class TextIncident:
    """An incident read from text (fields as in the ``--json`` output)."""

    type: str
    subtype: str
    place: PlaceMention | None
    date: dt.date | None
    time_precision: int
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    qualifier: str = ""
    killed_qualifier: str = ""
    injured_qualifier: str = ""
    victims: str = ""
    actors: list[str] = field(default_factory=list)
    crowd_size: str = ""
    origin: str = ""
    destination: str = ""
    claimed_by: str = ""
    evidence: str = ""
    start: int = 0
    end: int = 0
    notes: list[str] = field(default_factory=list)


def extract_incidents(
    sentences: Sequence[Sentence],
    places: Sequence[PlaceMention],
    published: dt.date | None,
    *,
    fallback_place: PlaceMention | None = None,
    country: Place | None = None,
    capital: Place | None = None,
) -> list[TextIncident]:
    """Incidents reported by ``sentences``.

    Parameters
    ----------
    sentences
        From :func:`mapper.text.sentences.sentences`.
    places
        Resolved place mentions of the same text.
    published
        Publication date: relative dates ("Monday") are resolved against it.
    fallback_place
        Where incidents that name no place are put (the dateline city), with a note.
    country, capital
        The report's country and its capital: where an event "nationwide" or "in the
        capital" is, when its sentence names no place.
    """
    setting = _Setting(fallback_place, country, capital)
    incidents: list[TextIncident] = []
    located = sorted((p for p in places if p.mention.is_location), key=lambda p: p.mention.start)
    starts = [p.mention.start for p in located]
    contexts: dict[int, _Before] = {}
    for sentence in sentences:
        cues = _SENTENCE_CUES.find_in(sentence.text)
        trigger_at: dict[tuple[str, str], int] = {}
        found = _types(sentence.text, cues, trigger_at)
        if not found and not (sentence.speaker and not sentence.quoted and _named(sentence.speaker)):
            continue
        here = located[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        dated = find_date(sentence.text, published, cues)
        date, precision = dated if dated else (published, 2 if published else 0)
        counts = casualties(sentence.text, cues)
        actors = _actors(sentence.text, cues)
        claimed = sentence.speaker
        if sentence.speaker and not found:
            found = [("statement", "statement")]
        if claimed and sentence.quoted and not counts.get("killed") and not counts.get("injured"):
            # A quotation reporting events without numbers: the claim itself is the incident.
            if found != [("statement", "statement")]:
                found = [("statement", "claim")]
        if _MODAL.search(sentence.text, cues):
            # "anyone who reached D-Chowk would be arrested": a warning, not the events it names.
            found = [("arrest", "arrest warning")]
        elif claimed and not sentence.quoted and _WARNING.search(sentence.text, cues):
            found = [("statement", "warning")]
        sentence_counts = None  # place by place, read once per sentence when needed
        for event_type, subtype in _merge_types(found, counts):
            *clause, anchor = _clause_of(sentence, cues, trigger_at.get((event_type, subtype)))
            in_clause = [p for p in here if clause[0] <= p.mention.start < clause[1]]
            targets: list[PlaceMention | None] = [*_event_places(
                sentence, in_clause, event_type, contexts, anchor,
                listed=event_type in _LISTED_PLACES and not counts)]
            unnamed_note = ""
            if not targets:
                unnamed, unnamed_note = _unnamed_place(sentence, clause, cues, setting)
                targets = [unnamed] if unnamed is not None else []
            by_place: dict[PlaceMention, dict] = {}
            if event_type in ("violence", "clash") and counts:
                if sentence_counts is None:
                    sentence_counts = counts_at_places(sentence, here, cues)
                by_place = {pm: c for pm, c in sentence_counts.items()
                            if clause[0] <= pm.mention.start < clause[1]}
            if len(by_place) >= 2:
                targets = list(by_place)  # "17 died in Kathmandu and two in Itahari"
            part_note = ""
            if len(by_place) == 1 and next(iter(by_place.values()))["part_of_total"]:
                # "133 killed, including 41 in Zahedan": Zahedan's 41 is the event there;
                # the total, of places the sentence does not name, is noted with it.
                targets = list(by_place)
                totals = [f"{counts[k]} {k}" for k in ("killed", "injured") if counts.get(k)]
                part_note = f"part of a total the sentence gives: {', '.join(totals)}"
            for target in targets or [None]:
                incident = TextIncident(
                    type=event_type, subtype=subtype, place=target, date=date,
                    time_precision=precision, actors=list(actors),
                    claimed_by=claimed if event_type != "statement" or claimed else "",
                    evidence=sentence.text, start=sentence.start, end=sentence.end,
                )
                if unnamed_note:
                    incident.notes.append(unnamed_note)
                if event_type == "statement" and claimed:
                    incident.actors = _unique([claimed, *actors])
                if part_note:
                    incident.notes.append(part_note)
                if event_type in ("violence", "clash") and counts:
                    own = by_place.get(target) if len(by_place) >= 2 or part_note else counts
                    incident.killed = own.get("killed")
                    incident.injured = own.get("injured")
                    incident.qualifier = own.get("qualifier", "")
                    incident.killed_qualifier = own.get("killed_qualifier", "")
                    incident.injured_qualifier = own.get("injured_qualifier", "")
                    incident.victims = own.get("victims", "")
                if event_type == "arrest" and subtype == "arrests" and counts.get("arrested"):
                    incident.arrested = counts["arrested"]
                if event_type == "protest":
                    crowd = _CROWD.search(sentence.text, cues)
                    incident.crowd_size = crowd.group("n") if crowd else ""
                if event_type == "protest":
                    incident.actors = _unique(incident.actors + _leaders(sentence.text, cues))
                    incident.origin, incident.destination = _ends(sentence, here)
                if not _add_to_previous(incidents, incident):
                    incidents.append(incident)
    home, note = _home(setting)
    for incident in incidents:
        if incident.place is None and home is not None:
            incident.place = home
            incident.notes.append(note)
    return incidents


def _home(setting: _Setting) -> tuple[PlaceMention | None, str]:
    """Where an incident whose sentence names no place is put: the dateline's city, or
    the report's country when the reporter writes from abroad ("DUBAI (Reuters) - ..."
    about Iran)."""
    dateline, country = setting.dateline, setting.country
    if dateline is None or dateline.place is None:
        return None, ""
    if country is None or dateline.place.country == country.country:
        return dateline, "place not stated: the report's dateline"
    at = dateline.mention.start
    return (PlaceMention(Mention(country.name, at, at, normalize(country.name)), country),
            "place not stated: the report's country (its dateline is abroad)")


@dataclass(frozen=True)
class _Setting:
    """Where the report is: the places words such as "nationwide" stand for."""

    dateline: PlaceMention | None
    country: Place | None
    capital: Place | None


def _unnamed_place(sentence: Sentence, clause: tuple[int, int], cues: Found,
                   setting: _Setting) -> tuple[PlaceMention | None, str]:
    """The place a clause that names none means by "nationwide", "in the capital" or "in
    the city" (the report's country, its capital, the dateline's city), and a note that
    says so."""
    text = sentence.text[clause[0] - sentence.start:clause[1] - sentence.start]
    for cue, place, what in ((_NATIONWIDE, setting.country, "the report's country"),
                             (_CAPITAL, setting.capital, "the capital of the report's country")):
        match = cue.search(text) if place is not None and cue.possible(cues) else None
        if match and place is not None:
            start, words = clause[0] + match.start(), match.group(0)
            mention = Mention(words, start, start + len(words), normalize(place.name))
            return PlaceMention(mention, place), f"place not stated: {words!r} read as {what}"
    dateline = setting.dateline
    if dateline is not None and (_CAPITAL.possible(cues) or _THE_CITY.possible(cues)) and (
            _CAPITAL.search(text) or _THE_CITY.search(text)):
        return dateline, ""  # "in the city": the dateline's
    return None, ""


_WARNING = Cue(r"\bwarn(?:ed|ing|s)?\b|\bwill not be spared\b|\bwould not spare\b|"
               r"\bvow(?:ed|s)? to\b|\bthreaten(?:ed|s)?\b", "warn spare vow threaten")
_FROM = re.compile(r"\bfrom\s+(?:the\s)?$", re.IGNORECASE)
_TOWARDS = re.compile(r"\b(?:towards?|to|heading (?:to|for)|headed (?:to|for)|bound for|"
                      r"destination)\s+(?:its\s+destination\s+)?(?:the\s)?$", re.IGNORECASE)
_CLAUSE_BREAK = Cue(r"\s*;\s*|,?\s+(?:while|whereas|but|meanwhile|although)\s+",
                    "; while whereas but although", flags=0)
_CAPITAL = Cue(r"\b(?:in|into|across|around|of) the capital\b", "the_capital")
_THE_CITY = Cue(r"\b(?:in|into|across|around|of) the city\b", "the_city")
_NATIONWIDE = Cue(r"\b(?:nationwide|countrywide|(?:across|throughout|around|all over)"
                  r"(?: (?:much|most|parts) of)? the (?:country|nation))\b",
                  "nationwide countrywide the_country the_nation")
#: Every cue a sentence is checked for, found in one pass.
_SENTENCE_CUES = CueSet([
    *(cue for _, _, cue in TRIGGERS), *(cue for _, cue in VERBS), _MODAL, _LED_BY,
    _GROUP_ACTORS, _CROWD, _WARNING, _CLAUSE_BREAK, _CAPITAL, _THE_CITY, _NATIONWIDE,
    *DATE_CUES,
])


def _clause_of(sentence: Sentence, cues: Found, hit: int | None
               ) -> tuple[int, int, int | None]:
    """Document span of the clause of ``sentence`` where the event's trigger is (at
    ``hit`` in the sentence), and where the trigger is in the document (None when the
    event has none: a statement, a warning)."""
    anchor = sentence.start + hit if hit is not None else None
    if hit is None or not _CLAUSE_BREAK.possible(cues):
        return sentence.start, sentence.end, anchor
    bounds = [0]
    for match in _CLAUSE_BREAK.finditer(sentence.text, cues):
        bounds += [match.start(), match.end()]
    bounds.append(len(sentence.text))
    for i in range(0, len(bounds), 2):
        if bounds[i] <= hit < bounds[i + 1]:
            return sentence.start + bounds[i], sentence.start + bounds[i + 1], anchor
    return sentence.start, sentence.end, anchor


def _types(text: str, cues: Found, trigger_at: dict[tuple[str, str], int]
           ) -> list[tuple[str, str]]:
    """The event types of a sentence; ``trigger_at`` gets where each one's trigger is."""
    found: list[tuple[str, str]] = []
    seen_types: set[str] = set()
    for event_type, subtype, trigger in TRIGGERS:
        if event_type in seen_types or trigger not in cues.first:
            continue
        if subtype == "march" and "March" in text:
            hit = next((m for m in trigger.finditer(text, cues) if not _is_month(text, m)), None)
        else:
            hit = trigger.search(text, cues)
        if hit:
            found.append((event_type, subtype))
            seen_types.add(event_type)
            trigger_at[event_type, subtype] = hit.start()
    protest = trigger_at.get(("protest", "peaceful protest"))
    if protest is not None and "clash" in seen_types and _GATHERED.match(text, protest):
        # "tear gas at protesters gathered at the roundabout": the clash is the event.
        found.remove(("protest", "peaceful protest"))
    return found


_GATHERED = re.compile(_CROWD_GATHERED, re.IGNORECASE)


_MONTH_BEFORE = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|early|late|and|or|between|"
                           r"last|next|this|through|to)\s|mid-)$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s(?:\d|of\s\d|and\s[A-Z])")


def _is_month(text: str, match: re.Match[str]) -> bool:
    """ "in March", "March 3", "February and March": the month, not a march."""
    if match.group(0) != "March":
        return False
    return bool(_MONTH_AFTER.match(text, match.end())
                or _MONTH_BEFORE.search(text, max(0, match.start() - 9), match.start()))


def _merge_types(found: list[tuple[str, str]], counts: dict) -> list[tuple[str, str]]:
    types = {t for t, _ in found}
    out = []
    for event_type, subtype in found:
        # Casualties in a sentence about clashes belong to the clash.
        if event_type == "violence" and subtype == "casualties" and "clash" in types:
            continue
        if event_type == "violence" and subtype == "casualties" and not counts:
            continue  # "dead bodies", "the death of democracy": no casualty without a number
        out.append((event_type, subtype))
    return out


def _ends(sentence: Sentence, here: list[PlaceMention]) -> tuple[str, str]:
    """Where a march came "from" and is heading "towards", as named in the sentence."""
    origin = destination = ""
    for pm in here:
        if pm.place is None:
            continue
        local = pm.mention.start - sentence.start
        before = sentence.text[max(0, local - 40):local]
        if not origin and _FROM.search(before):
            origin = pm.place.name
        elif not destination and _TOWARDS.search(before):
            destination = pm.place.name
    return origin, destination


def _named(speaker: str) -> bool:
    return speaker[:1].isupper()




def _actors(text: str, cues: Found) -> list[str]:
    actors = [a for a in _ACRONYM.findall(text) if a not in _NOT_ACTORS]
    actors += [m.group(0).lower() for m in _GROUP_ACTORS.finditer(text, cues)]
    return _unique(actors)


def _leaders(text: str, cues: Found) -> list[str]:
    match = _LED_BY.search(text, cues)
    if not match:
        return []
    names = [strip_title(n.group(0)) for n in _PERSON.finditer(match.group("who"))]
    return [n for n in names if len(n.split()) >= 2]


def _unique(items: list[str]) -> list[str]:
    """Items without repeats, ignoring case; the first spelling is kept."""
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        low = item.lower()
        if item and low not in seen:
            seen.add(low)
            out.append(item)
    return out


@dataclass(frozen=True)
class _Before:
    """What the words just before a place mention say about it."""

    not_event: bool  # "from X", "buried in X": not where the event was
    heading: bool  # "towards X": where something is going
    speaking: bool  # "speaking to reporters in X": where someone spoke
    locative: bool  # "at X", "in X"
    between: bool  # "between X and": an end of a stretch
    part: bool  # "103 of them in X": where part of a total was counted


def _before(sentence: Sentence, pm: PlaceMention) -> _Before:
    text = sentence.text
    local = pm.mention.start - sentence.start
    before = text[max(0, local - 40):local]
    low = lowered(before)
    wider = text[max(0, local - 80):local]
    return _Before(
        bool(_NOT_THE_EVENT_PLACE.search(before, low)), bool(_HEADING.search(before, low)),
        bool(_SPEAKING_PLACE.search(wider, lowered(wider))),
        bool(_LOCATIVE.search(before)), bool(_BETWEEN.search(before)),
        bool(_PART_PLACE.search(before)),
    )


def _event_places(sentence: Sentence, here: list[PlaceMention], event_type: str,
                  contexts: dict[int, _Before], anchor: int | None = None,
                  listed: bool = False) -> list[PlaceMention]:
    """Where the event of a sentence happened, among the places the sentence names.

    ``contexts`` caches, per mention start, what the words before each place say. Of
    the places written alike, the one nearest the event's trigger (at ``anchor``) is
    taken; when ``listed``, with those listed after it ("protests in Paris, Lyon and
    Nantes").
    """
    befores = []
    for pm in here:
        ctx = contexts.get(pm.mention.start)
        if ctx is None:
            ctx = contexts[pm.mention.start] = _before(sentence, pm)
        befores.append(ctx)
    scored: list[tuple[float, PlaceMention]] = []
    elsewhere = [False] * len(here)  # not where the event was: "from X", "towards X"
    if event_type != "statement":
        # "blocked the highway between Cali and Popayan": the ends of the stretch are not
        # where it was blocked, when the sentence names another place.
        elsewhere = _elsewhere(sentence, here, befores, event_type,
                               ends=event_type in _EVERY_PLACE)
        if all(elsewhere) and any(ctx.between for ctx in befores):
            elsewhere = _elsewhere(sentence, here, befores, event_type, ends=False)
    excluded = {pm.place.place_id for pm, out in zip(here, elsewhere, strict=True)
                if out and pm.place is not None}
    for pm, ctx, out in zip(here, befores, elsewhere, strict=True):
        if out or (pm.place is not None and pm.place.place_id in excluded):
            continue  # "from Khyber Pakhtunkhwa (KP)": the alias too
        if event_type != "statement" and ctx.speaking:
            continue  # where someone spoke, not where the event was
        score = 1.0
        if ctx.locative:
            score += 1
        if pm.place is not None and pm.place.precision_m <= 5_000:
            score += 1
        scored.append((score, pm))
    if not scored:
        return []
    scored.sort(key=lambda s: (-s[0], s[1].mention.start))
    if event_type in _EVERY_PLACE:
        chosen = [pm for _, pm in scored]
    else:
        # Of the best, not the region a town is named in ("In Puno, ... the airport in
        # Juliaca, where 17 died").
        best = [pm for score, pm in scored if score == scored[0][0]]
        spread = [pm for pm in best if _SPREAD.search(
            sentence.text, max(0, pm.mention.start - sentence.start - 20),
            pm.mention.start - sentence.start)]
        pool = _drop_containers(best, keep=spread)
        if anchor is not None:
            pool.sort(key=lambda pm: abs(pm.mention.start - anchor))
        chosen = pool[:1]
        if listed and chosen:
            chosen += _listed_after(sentence.text, sentence.start, chosen[0],
                                    [pm for _, pm in scored])
    chosen = _drop_containers(chosen)
    # One incident per distinct place.
    out, seen = [], set()
    for pm in sorted(chosen, key=lambda p: p.mention.start):
        key = pm.place.place_id if pm.place else pm.mention.key
        if key not in seen:
            seen.add(key)
            out.append(pm)
    return out


def _elsewhere(sentence: Sentence, here: list[PlaceMention], befores: list[_Before],
               event_type: str, ends: bool) -> list[bool]:
    """For each place of ``here``, whether the sentence says the event was not there:
    "from X", "towards X", "treated at X" and the rest of X's list; with ``ends``, the
    ends of a stretch ("between X and Y")."""
    out = []
    previous: PlaceMention | None = None
    for pm, ctx in zip(here, befores, strict=True):
        away = ctx.not_event or ctx.part or (ctx.heading and event_type not in _EVERY_PLACE) or (
            ends and ctx.between) or (previous is not None and bool(_LIST_AND.fullmatch(
                sentence.text, previous.mention.end - sentence.start,
                pm.mention.start - sentence.start)))
        out.append(away)
        previous = pm if away else None
    return out


#: A place an event spread over: "protests throughout Georgia".
_SPREAD = re.compile(r"\b(?:throughout|across|all over)\s(?:the\s)?$", re.IGNORECASE)
#: What joins the names of a list: "A, B and the C".
_LIST_AND = re.compile(r",?\s(?:and\s|or\s)?(?:the\s)?")


def _listed_after(text: str, offset: int, first: PlaceMention,
                  candidates: list[PlaceMention]) -> list[PlaceMention]:
    """The places listed right after ``first``: "in Paris, Lyon and Nantes"."""
    out, last = [], first
    for pm in sorted(candidates, key=lambda p: p.mention.start):
        if pm.mention.start < last.mention.end:
            continue
        if _contains(pm, last) or _area(pm) > _area(last) or not _LIST_AND.fullmatch(
                text, last.mention.end - offset, pm.mention.start - offset):
            break  # "in Sacramento, California": where the town is, no list
        out.append(pm)
        last = pm
    return out


def _drop_containers(chosen: list[PlaceMention], keep: Sequence[PlaceMention] = ()
                     ) -> list[PlaceMention]:
    """Drop a town named only to say where a landmark is ("Adiyala Jail, Rawalpindi").

    A landmark placed only approximately, in a town, is no container of it.
    """
    resolved = [p for p in chosen if p.place is not None]
    return [pm for pm in chosen if pm in keep or not any(
        _contains(pm, other) for other in resolved if other is not pm)] or chosen


def _area(pm: PlaceMention) -> int:
    """2 for a country, 1 for a region, 0 for the rest."""
    kind = pm.place.kind if pm.place is not None else ""
    return 2 if kind in COUNTRY_KINDS else 1 if kind in REGION_KINDS else 0


def _contains(pm: PlaceMention, other: PlaceMention) -> bool:
    """Whether ``pm`` is an area around ``other`` (a continent is around everything)."""
    if pm.place is None or other.place is None or pm.place.properties.get("within_name"):
        return False
    if pm.place.kind == "continent":
        return other.place.kind != "continent"
    return 1_000 < pm.place.precision_m and other.place.precision_m < pm.place.precision_m \
        and distance_km(other.place, pm.place) * 1000 <= max(pm.place.precision_m, 15_000)


def _add_to_previous(incidents: list[TextIncident], new: TextIncident) -> bool:
    """Fold a sentence that continues an earlier incident into it.

    A continuation names no place of its own (or the same place) and no new numbers:
    "The PTI march is being led by ..." adds leaders to the march already seen.
    """
    if new.type == "statement" or new.killed or new.injured or new.arrested:
        return False
    for old in reversed(incidents):
        if (old.type, old.subtype) != (new.type, new.subtype):
            continue
        if new.place is not None and (old.place is None or _place_key(old.place)
                                      != _place_key(new.place)):
            continue
        if old.date != new.date and new.time_precision == 1 and old.time_precision == 1:
            continue
        old.actors = _unique(old.actors + new.actors)
        old.crowd_size = old.crowd_size or new.crowd_size
        old.origin = old.origin or new.origin
        old.destination = old.destination or new.destination
        if new.evidence not in old.evidence:
            old.notes.append(f"also: {new.evidence}")
        return True
    return False


def _place_key(pm: PlaceMention) -> str:
    return pm.place.place_id if pm.place else pm.mention.key
