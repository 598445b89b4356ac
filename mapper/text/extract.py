"""Report -> places, incidents and route; and those as JSON or as an editable case.

:class:`Extractor` holds the loaded gazetteers (about a second to build once);
:meth:`Extractor.extract` is then fast and pure over the document.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from mapper import cases, schema
from mapper.text.containing import place_in_towns
from mapper.text.context import PlaceMention, resolve_mentions
from mapper.text.events import TextIncident, extract_incidents
from mapper.text.gazindex import TextGazetteer, default_text_gazetteer
from mapper.text.reader import Document
from mapper.text.route import route_from_text
from mapper.text.sentences import Sentence, sentences

#: Name of the route read from a report.
TEXT_ROUTE_NAME = "Route described in the report"


@dataclass(frozen=True)
class Extraction:
    """Everything read from one report."""

    document: Document
    places: list[PlaceMention]
    sentences: list[Sentence]
    incidents: list[TextIncident]
    route: list[PlaceMention]

    @property
    def country(self) -> str | None:
        """The country most resolved places are in."""
        return _main_country(self.places)


def _main_country(places: list[PlaceMention]) -> str | None:
    """ISO code of the country most resolved places are in."""
    counts = Counter(p.place.country for p in places if p.place and p.place.country)
    return counts.most_common(1)[0][0] if counts else None


class Extractor:
    """Reads reports; build once, call :meth:`extract` for each report."""

    def __init__(self, gazetteer: TextGazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_text_gazetteer()

    def load(self) -> Extractor:
        """Build the name matcher now instead of at the first report."""
        self.gazetteer.matcher  # noqa: B018 - builds and caches it
        return self

    def extract(self, document: Document, *, country: str | None = None) -> Extraction:
        """Places, incidents and the march route of ``document``."""
        text = document.text
        mentions = self.gazetteer.matcher.find(text)
        dateline = document.dateline_span[0] if document.dateline_span else None
        places = place_in_towns(resolve_mentions(mentions, self.gazetteer, country=country,
                                                 text=text), self.gazetteer, text, dateline)
        sents = sentences(text)
        fallback = None
        if dateline is not None:
            fallback = next((p for p in places if p.mention.start == dateline and p.resolved),
                            None)
        iso = country or _main_country(places)
        incidents = extract_incidents(
            sents, places, document.date, fallback_place=fallback,
            country=self.gazetteer.country_place(iso) if iso else None,
            capital=self.gazetteer.capital(iso) if iso else None)
        route = route_from_text(sents, places, incidents)
        return Extraction(document, places, sents, incidents, route)


def to_json(extraction: Extraction) -> dict[str, Any]:
    """The ``mapper extract --json`` document."""
    places = []
    for pm in extraction.places:
        if not pm.mention.is_location:
            continue
        p = pm.place
        places.append({
            "mention": pm.mention.text, "start": pm.mention.start, "end": pm.mention.end,
            "name": p.name if p else None,
            "lat": round(p.lat, 6) if p else None, "lon": round(p.lon, 6) if p else None,
            "kind": p.kind if p else (pm.mention.head or None),
            "precision_m": p.precision_m if p else None,
            "resolved": pm.resolved,
            "place_id": p.place_id if p else None,
            "source": p.source if p else None,
            "approximate_within": p.properties.get("within_name") if p else None,
            "alternatives": [
                {"name": a.name, "country": a.country, "lat": round(a.lat, 6),
                 "lon": round(a.lon, 6), "place_id": a.place_id} for a in pm.alternatives
            ],
        })
    incidents = []
    for inc in extraction.incidents:
        incidents.append({
            "type": inc.type, "subtype": inc.subtype,
            "place": inc.place.place.name if inc.place and inc.place.place else (
                inc.place.mention.text if inc.place else None),
            "place_mention": inc.place.mention.text if inc.place else None,
            "lat": round(inc.place.place.lat, 6) if inc.place and inc.place.place else None,
            "lon": round(inc.place.place.lon, 6) if inc.place and inc.place.place else None,
            "date": inc.date.isoformat() if inc.date else None,
            "time_precision": inc.time_precision or None,
            "killed": inc.killed, "injured": inc.injured, "qualifier": inc.qualifier,
            "killed_qualifier": inc.killed_qualifier, "injured_qualifier": inc.injured_qualifier,
            "victims": inc.victims or None, "arrested": inc.arrested,
            "crowd_size": inc.crowd_size or None,
            "origin": inc.origin or None, "destination": inc.destination or None,
            "actors": inc.actors, "claimed_by": inc.claimed_by or None,
            "evidence": inc.evidence, "start": inc.start, "end": inc.end,
            "notes": inc.notes,
        })
    doc = extraction.document
    return {
        "source": doc.source, "date": doc.date.isoformat() if doc.date else None,
        "dateline": doc.dateline or None,
        "places": places, "incidents": incidents,
        "route": [pm.place.name for pm in extraction.route if pm.place],
    }


def dumps(extraction: Extraction) -> str:
    return json.dumps(to_json(extraction), ensure_ascii=False, indent=1) + "\n"


def incident_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """Incidents as rows of the case table (:mod:`mapper.schema` input fields)."""
    doc = extraction.document
    rows = []
    for inc in extraction.incidents:
        place = inc.place.place if inc.place else None
        approximate = place if place is not None and place.properties.get("approximate") else None
        if approximate is not None:
            # The table holds located places only; the town's point stays in the notes, and
            # the name is left for a geocoder (an online one may know the landmark).
            place = None
        name = place.name if place else (inc.place.mention.text if inc.place else "")
        notes = list(inc.notes)
        if inc.crowd_size:
            notes.insert(0, f"crowd size as reported: {inc.crowd_size}")
        if inc.origin or inc.destination:
            notes.insert(0, " ".join(filter(None, [
                f"from {inc.origin}" if inc.origin else "",
                f"towards {inc.destination}" if inc.destination else ""])))
        if inc.arrested:
            notes.insert(0, f"arrested: {inc.arrested}")
        if approximate is not None:
            notes.append(f"place {approximate.name!r} not found in any gazetteer; the report "
                         f"places it in {approximate.properties['within_name']} "
                         f"({approximate.lat:.5f}, {approximate.lon:.5f})")
        elif inc.place and not place:
            notes.append(f"place {inc.place.mention.text!r} not found in any gazetteer")
        if not inc.place:
            notes.append("the report names no place for this")
        rows.append({
            "event_id": "", "event_date": inc.date.isoformat() if inc.date else "",
            "time_precision": inc.time_precision or "",
            "event_type": inc.type, "sub_event_type": inc.subtype,
            "actor1": inc.actors[0] if inc.actors else "",
            "actor2": "; ".join(inc.actors[1:]),
            "killed": inc.killed if inc.killed is not None else "",
            "killed_qualifier": inc.killed_qualifier if inc.killed is not None else "",
            "injured": inc.injured if inc.injured is not None else "",
            "injured_qualifier": inc.injured_qualifier if inc.injured is not None else "",
            "victims": inc.victims,
            "place_name": name or schema.UNKNOWN_PLACE,
            "latitude": round(place.lat, 6) if place else "",
            "longitude": round(place.lon, 6) if place else "",
            "geo_precision": place.geo_precision if place else "",
            "precision_m": place.precision_m if place else "",
            "description": inc.evidence,
            "claimed_by": inc.claimed_by,
            "source_publisher": "", "source_url": "",
            "source_date": doc.date.isoformat() if doc.date else "",
            "notes": "; ".join(notes),
        })
    return rows


def case_files(extraction: Extraction, case_id: str, route_name: str = TEXT_ROUTE_NAME
               ) -> dict[str, str]:
    """The files of an editable case folder: ``case.toml``, ``incidents.csv``, ``route.csv``.

    ``route_name`` names the march route; reports mapped together need different names.
    """
    doc = extraction.document
    toml = [
        f"# Extracted by `mapper extract` from {doc.source or 'a report'}.",
        "# Check every row against the report; fix a place or a count in incidents.csv,",
        "# then re-render with `mapper map <this folder>`. To move an incident, change",
        "# place_name and clear latitude/longitude (they are re-geocoded from the name).",
        f"id = {json.dumps(case_id)}",
        f"title = {json.dumps(doc.title or 'Incidents extracted from ' + (doc.source or 'a report'))}",
    ]
    if extraction.country:
        toml.append(f"country = {json.dumps(extraction.country)}")
    zones = sorted({p.place.name for p in extraction.places
                    if p.place and p.place.geometry.geom_type in ("Polygon", "MultiPolygon")
                    and p.place.kind == "zone"})
    toml.append(f"areas = {json.dumps(zones)}")
    toml += ["", "[source]", f"publisher = {json.dumps(doc.source)}",
             f"url = {json.dumps(doc.source if doc.source.startswith(('http://', 'https://')) else '')}"]
    if doc.date:
        toml.append(f"date = {doc.date.isoformat()}")
    files = {cases.CASE_FILE: "\n".join(toml) + "\n",
             cases.INCIDENTS_FILE: _csv(schema.INPUT_FIELDS, incident_rows(extraction))}
    if extraction.route:
        stops = [{"route": route_name, "seq": i, "place_name": pm.place.name,
                  "date": "", "note": f"from the report: {pm.mention.text!r}"}
                 for i, pm in enumerate(extraction.route, start=1) if pm.place]
        files[cases.ROUTE_FILE] = _csv(("route", "seq", "place_name", "date", "note"), stops)
    return files


def _csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
