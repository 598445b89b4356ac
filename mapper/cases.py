"""Reading input: case folders, incident tables and route tables.

A *case* is a folder a person can edit with a text editor or a spreadsheet:

``case.toml``
    ``id``, ``title``, ``country`` (ISO alpha-2, preferred when a place name
    is ambiguous), ``areas`` (names of zones to draw, e.g. ``["Red Zone"]``)
    and a ``[source]`` table (``publisher``, ``url``, ``date``) used for rows
    that name no source of their own.
``incidents.csv``
    One row per incident; columns are the input fields of
    :mod:`mapper.schema` (``event_date``, ``event_type`` and ``place_name``
    are required).
``route.csv``
    Ordered waypoints of a march: ``seq``, ``place_name`` and optionally
    ``route`` (name, for several marches), ``date`` and ``note``.

Every problem is raised as one :class:`~mapper.errors.InputError` whose
message names the file and line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapper import schema
from mapper.errors import InputError
from mapper.textfile import read_utf8

CASE_FILE = "case.toml"
INCIDENTS_FILE = "incidents.csv"
ROUTE_FILE = "route.csv"
ROUTE_COLUMNS = ("seq", "place_name")
ROUTE_OPTIONAL = ("route", "date", "note")
DEFAULT_ROUTE_NAME = "March route"


@dataclass(frozen=True)
class RouteStop:
    """One waypoint of a march, in order."""

    route: str
    seq: int
    place_name: str
    date: str = ""
    note: str = ""


@dataclass
class Case:
    """Everything ``mapper map`` maps: metadata, incident rows, route stops."""

    id: str
    title: str = ""
    country: str | None = None
    areas: list[str] = field(default_factory=list)
    source: dict[str, str] = field(default_factory=dict)
    incidents: list[dict[str, Any]] = field(default_factory=list)
    route: list[RouteStop] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)


def read_inputs(paths: list[Path]) -> Case:
    """Read case folders and CSV tables into one :class:`Case`.

    A folder is a case folder; a ``.csv`` file is a route table if it has a
    ``seq`` column, otherwise an incident table. Metadata come from the first
    case folder.
    """
    if not paths:
        raise InputError("no input given")
    case: Case | None = None
    incidents: list[dict[str, Any]] = []
    route: list[RouteStop] = []
    for path in paths:
        if path.is_dir():
            part = read_case_dir(path)
            if case is None:
                case = part
            incidents += part.incidents
            route += part.route
            continue
        header, rows = _read_csv(path)
        if "seq" in header:
            route += parse_route(path, header, rows)
        else:
            incidents += parse_incidents(path, header, rows)
    if case is None:
        first = paths[0]
        stem = first.parent.name if first.stem in ("incidents", "route") else first.stem
        case = Case(id=_slug(stem or "case"), title=stem)
    case.incidents = incidents
    case.route = route
    case.inputs = list(paths)
    _fill_ids(case)
    return case


def read_case_dir(path: Path) -> Case:
    """Read a case folder (see the module docstring)."""
    meta: dict[str, Any] = {}
    toml_path = path / CASE_FILE
    if toml_path.exists():
        try:
            meta = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{toml_path}: not valid TOML ({exc})") from None
    incidents_path = path / INCIDENTS_FILE
    route_path = path / ROUTE_FILE
    if not incidents_path.exists() and not route_path.exists():
        raise InputError(f"{path}: no {INCIDENTS_FILE} or {ROUTE_FILE} in this folder")
    source = meta.get("source") or {}
    if not isinstance(source, dict):
        raise InputError(f"{toml_path}: [source] must be a table")
    country = meta.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2):
        raise InputError(f"{toml_path}: country must be an ISO 3166 alpha-2 code like 'PK'")
    areas = meta.get("areas") or []
    if not isinstance(areas, list) or not all(isinstance(a, str) for a in areas):
        raise InputError(f"{toml_path}: areas must be a list of place names")
    case = Case(
        id=_slug(str(meta.get("id") or path.name)),
        title=str(meta.get("title") or path.name),
        country=country.upper() if country else None,
        areas=areas,
        source={k: str(v) for k, v in source.items()},
    )
    if incidents_path.exists():
        case.incidents = parse_incidents(incidents_path, *_read_csv(incidents_path))
    if route_path.exists():
        case.route = parse_route(route_path, *_read_csv(route_path))
    for row in case.incidents:
        for key in ("publisher", "url", "date"):
            if not row.get(f"source_{key}") and case.source.get(key):
                row[f"source_{key}"] = _coerce(
                    schema.FIELD_BY_NAME[f"source_{key}"], case.source[key], toml_path, 0
                )
    return case


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and ``(line number, row)`` pairs of a UTF-8 CSV file."""
    text = read_utf8(path, what="a CSV table")
    if "\x00" in text:
        raise InputError(f"{path}: binary data, not a CSV table")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        rows = []
        for row in reader:
            if None in row:
                raise InputError(f"{path} line {reader.line_num}: more cells than columns")
            if any((v or "").strip() for v in row.values()):
                rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    except csv.Error as exc:
        raise InputError(f"{path}: not a valid CSV table ({exc})") from None
    if not header:
        raise InputError(f"{path}: empty table (no header row)")
    return header, rows


def parse_incidents(
    path: Path, header: list[str], rows: list[tuple[int, dict[str, str]]]
) -> list[dict[str, Any]]:
    """Validate and type incident rows against :mod:`mapper.schema`."""
    missing = [c for c in schema.REQUIRED_FIELDS if c not in header]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
    specs = [schema.FIELD_BY_NAME[name] for name in schema.INPUT_FIELDS]
    # Free text is taken as is; dates, counts and choices repeat down a table, so
    # each distinct valid value is converted once (tables of 100,000 incidents).
    free_text = {s.name for s in specs if s.kind == "str" and not s.choices}
    memo = {s.name: {} for s in specs if s.name not in free_text and s.kind != "float"}
    incidents = []
    for line, row in rows:
        typed: dict[str, Any] = {}
        for spec in specs:
            name = spec.name
            value = row.get(name, "")
            if spec.required and not value:
                raise InputError(f"{path} line {line}: {name} is empty")
            if name in free_text:
                typed[name] = value
            elif name in memo:
                known = memo[name]
                if value not in known:
                    known[value] = _coerce(spec, value, path, line)
                typed[name] = known[value]
            else:
                typed[name] = _coerce(spec, value, path, line)
        _check_row(typed, path, line)
        incidents.append(typed)
    return incidents


def _check_row(row: dict[str, Any], path: Path, line: int) -> None:
    where = f"{path} line {line}"
    subs = schema.EVENT_TYPES[row["event_type"]]
    if row["sub_event_type"] and row["sub_event_type"] not in subs:
        raise InputError(
            f"{where}: sub_event_type {row['sub_event_type']!r} is not a sub-type of "
            f"{row['event_type']!r} (one of: {', '.join(subs)})"
        )
    lat, lon = row["latitude"], row["longitude"]
    if (lat is None) != (lon is None):
        raise InputError(f"{where}: give both latitude and longitude, or neither")
    if lat is not None and not -90 <= lat <= 90:
        raise InputError(f"{where}: latitude {lat} out of range (-90..90)")
    if lon is not None and not -180 <= lon <= 180:
        raise InputError(f"{where}: longitude {lon} out of range (-180..180)")
    for count in ("killed", "injured"):
        if row[count] is not None and row[count] < 0:
            raise InputError(f"{where}: {count} cannot be negative")
    if row["precision_m"] is not None and row["precision_m"] <= 0:
        raise InputError(f"{where}: precision_m must be positive")
    url = row["source_url"]
    if url and not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{where}: source_url must start with http:// or https://")


def _coerce(spec: schema.Field, value: str, path: Path, line: int) -> Any:
    where = f"{path} line {line}" if line else str(path)
    if value == "":
        return None if spec.kind in ("int", "float") else ""
    if spec.kind == "int":
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            raise InputError(f"{where}: {spec.name} {value!r} is not a whole number") from None
        if not number.is_integer():
            raise InputError(f"{where}: {spec.name} {value!r} is not a whole number")
        result: Any = int(number)
    elif spec.kind == "float":
        try:
            result = float(value)
        except ValueError:
            raise InputError(f"{where}: {spec.name} {value!r} is not a number") from None
        if not math.isfinite(result):
            raise InputError(f"{where}: {spec.name} {value!r} is not a finite number")
    elif spec.kind == "date":
        try:
            result = dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise InputError(f"{where}: {spec.name} {value!r} is not a date (YYYY-MM-DD)") from None
    else:
        result = value
    if spec.choices and str(result) not in spec.choices:
        allowed = ", ".join(repr(c) for c in spec.choices if c)
        raise InputError(f"{where}: {spec.name} {value!r} is not one of {allowed}")
    return result


def parse_route(
    path: Path, header: list[str], rows: list[tuple[int, dict[str, str]]]
) -> list[RouteStop]:
    """Validate route rows; return stops sorted by route name and ``seq``."""
    missing = [c for c in ROUTE_COLUMNS if c not in header]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
    stops = []
    seen: set[tuple[str, int]] = set()
    for line, row in rows:
        where = f"{path} line {line}"
        try:
            seq = int(row["seq"])
        except ValueError:
            raise InputError(f"{where}: seq {row['seq']!r} is not a whole number") from None
        name = row.get("route") or DEFAULT_ROUTE_NAME
        if (name, seq) in seen:
            raise InputError(f"{where}: seq {seq} appears twice in route {name!r}")
        seen.add((name, seq))
        if not row["place_name"]:
            raise InputError(f"{where}: place_name is empty")
        date = row.get("date", "")
        if date:
            try:
                date = dt.date.fromisoformat(date).isoformat()
            except ValueError:
                raise InputError(f"{where}: date {date!r} is not a date (YYYY-MM-DD)") from None
        stops.append(RouteStop(name, seq, row["place_name"], date, row.get("note", "")))
    return sorted(stops, key=lambda s: (s.route, s.seq))


def _fill_ids(case: Case) -> None:
    """Give rows without an ``event_id`` one; reject duplicate ids."""
    seen: set[str] = set()
    for n, row in enumerate(case.incidents, start=1):
        if not row.get("event_id"):
            row["event_id"] = f"{case.id}-{n:03d}"
        if row["event_id"] in seen:
            raise InputError(f"duplicate event_id {row['event_id']!r}")
        seen.add(row["event_id"])


def _slug(text: str) -> str:
    slug = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.strip().lower())
    return "-".join(filter(None, slug.split("-"))) or "case"
