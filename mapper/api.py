"""The Python API, for notebooks and scripts: ``mapper.map_report`` and ``mapper.map_table``.

>>> import mapper
>>> result = mapper.map_table("geodata/cases/islamabad-2024-11")  # doctest: +SKIP
>>> result.incidents.head()                                       # doctest: +SKIP
>>> result.map()                                                  # doctest: +SKIP
>>> result.to_file("outputs/islamabad", formats=["geojson", "kml"])  # doctest: +SKIP

The command line (:mod:`mapper.cli`) is a thin layer over the same functions.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import folium
import geopandas as gpd

from mapper import cases, exports, settings
from mapper.errors import InputError, MapperError
from mapper.geocoders import default_geocoder, online_geocoder
from mapper.geocoders.base import Geocoder
from mapper.incidents import has_geometry
from mapper.pipeline import MappedCase, map_case

if TYPE_CHECKING:
    from mapper.geocoders.online import OnlineGeocoder

PathLike = str | Path


class MapResult:
    """A mapped case: its layers as GeoDataFrames, its map, its files.

    Attributes
    ----------
    incidents, places, route, areas
        The layers (EPSG:4326). ``incidents`` follows :mod:`mapper.schema`;
        an incident whose place could not be located has an empty geometry.
    unresolved
        Place names no geocoder could place (never guessed).
    """

    def __init__(self, mapped: MappedCase) -> None:
        self.mapped = mapped

    @property
    def incidents(self) -> gpd.GeoDataFrame:
        return self.mapped.incidents

    @property
    def places(self) -> gpd.GeoDataFrame:
        return self.mapped.places

    @property
    def route(self) -> gpd.GeoDataFrame:
        return self.mapped.route

    @property
    def areas(self) -> gpd.GeoDataFrame:
        return self.mapped.areas

    @property
    def unresolved(self) -> list[str]:
        return self.mapped.unresolved

    @property
    def notices(self) -> list[str]:
        """What went wrong with an online geocoder, or what it found and rejected."""
        return self.mapped.notices

    @property
    def title(self) -> str:
        return self.mapped.case.title

    def map(self) -> folium.Map:
        """The layered map (a ``folium.Map``: shows inline in Jupyter, ``.save()`` writes HTML)."""
        from mapper.mapview import make_map

        return make_map(self.mapped)

    def summary(self) -> dict[str, Any]:
        """Counts and names: what was placed, what was not, incidents by type, routes."""
        incidents = self.incidents
        located = int(has_geometry(incidents).sum())
        return {
            "case": self.mapped.case.id,
            "title": self.title,
            "date_range": list(self.mapped.date_range),
            "places": {
                "resolved": sorted(n for n, r in self.mapped.resolutions.items() if r.resolved),
                "unresolved": self.unresolved,
            },
            "warnings": self.notices,
            "incidents": {"total": len(incidents), "located": located,
                          "by_type": dict(sorted(Counter(incidents["event_type"]).items()))},
            "routes": [
                {"route": r["route"], "waypoints": r["waypoints"], "length_km": r["length_km"]}
                for _, r in self.route.iterrows()
            ],
        }

    def to_file(self, folder: PathLike, formats: Iterable[str] = exports.DEFAULT_FORMATS, *,
                force: bool = False, self_contained: bool = False) -> list[Path]:
        """Write the map and GIS files into ``folder``, all or nothing.

        Parameters
        ----------
        formats
            Any of :data:`mapper.exports.FORMATS` (``html``, ``geojson``,
            ``gpkg``, ``kml``, ``csv``, ``fgb``); ``summary.json`` is always written.
        force
            Overwrite files that were edited after mapper wrote them, or that
            mapper did not write. Without it such a file stops the write.
        self_contained
            Inline the map's scripts and styles (see ``mapper map --self-contained``).

        Returns
        -------
        list of Path
            The files written.
        """
        chosen = exports.check_formats(formats)
        outputs = []
        if "html" in chosen:
            page = self.map().get_root().render()
            if self_contained:
                from mapper.selfcontained import inline_assets

                page = inline_assets(page)
            outputs.append(exports.Output(exports.MAP_NAME, exports.text_writer(page)))
        layers = {"incidents": self.incidents, "places": self.places,
                  "route": self.route, "areas": self.areas}
        outputs += exports.layer_outputs(layers, chosen, title=self.title)
        summary = json.dumps(self.summary(), indent=1, ensure_ascii=False)
        outputs.append(exports.Output(exports.SUMMARY_NAME, exports.text_writer(summary)))
        return exports.write_outputs(Path(folder), outputs, force=force)

    def _summary_html(self) -> str:
        s = self.summary()
        start, end = s["date_range"]
        rows = [
            ("Dates", f"{start} to {end}" if start != end else start),
            ("Incidents", f"{s['incidents']['total']} ({s['incidents']['located']} on the map): "
             + ", ".join(f"{t} {n}" for t, n in s["incidents"]["by_type"].items())),
            ("Places resolved", ", ".join(s["places"]["resolved"]) or "none"),
            ("Places not located", ", ".join(s["places"]["unresolved"]) or "none"),
        ]
        rows += [("Route", f"{r['route']}: {r['waypoints']} ({r['length_km']} km)")
                 for r in s["routes"]]
        cells = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
                        f"<td style='text-align:left'>{html.escape(str(v))}</td></tr>"
                        for k, v in rows)
        return f"<h4>{html.escape(self.title)}</h4><table>{cells}</table>"

    def _repr_html_(self) -> str:
        """Jupyter: a summary table above the map."""
        return self._summary_html() + self.map()._repr_html_()

    def __repr__(self) -> str:
        s = self.summary()["incidents"]
        return (f"<MapResult {self.title!r}: {s['total']} incidents ({s['located']} located), "
                f"{len(self.places)} places, {len(self.route)} routes, {len(self.areas)} areas>")


def _geocoder(geocoder: Geocoder | None) -> Geocoder:
    return geocoder if geocoder is not None else default_geocoder()


def _online(online: str | OnlineGeocoder | None) -> OnlineGeocoder | None:
    """The online service asked after the offline gazetteers (None: offline)."""
    from mapper.geocoders.online import OnlineGeocoder

    if isinstance(online, OnlineGeocoder):
        return online
    return online_geocoder(online)  # None: settings.online_geocoder, offline unless set


def _country(country: str | None) -> str | None:
    if country and (len(country) != 2 or not country.isalpha()):
        raise InputError(f"country {country!r}: expected a two-letter code such as PK")
    return country.upper() if country else None


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"date {value!r}: expected YYYY-MM-DD") from None


def is_report(path: Path) -> bool:
    """Whether ``path`` is a news report file (text or HTML) rather than a table or case folder."""
    from mapper.text.reader import REPORT_SUFFIXES

    return path.is_file() and path.suffix.lower() in REPORT_SUFFIXES


def case_from_reports(reports: Sequence[Path], *, date: str | dt.date | None = None,
                      country: str | None = None) -> cases.Case:
    """Extract each report's places and incidents and read them back as one case.

    Raises
    ------
    MapperError
        A report cannot be read, or it has no publication date and ``date`` is not given.
    """
    from mapper.text import extract
    from mapper.text.extract import Extractor
    from mapper.text.reader import read_report

    extractor = Extractor()
    with tempfile.TemporaryDirectory(prefix="mapper-") as tmp:
        folders = []
        for n, report in enumerate(reports):
            document = read_report(report, date=_date(date))
            extraction = extractor.extract(document, country=_country(country))
            if any(i.date is None for i in extraction.incidents):
                raise MapperError(f"{report}: no publication date found; give a date (YYYY-MM-DD)")
            case_id = cases._slug(report.stem)
            folder = Path(tmp) / f"{n:03d}-{case_id}"
            folder.mkdir()
            # Each report's route is its own line, not stops of one shared route.
            route_name = (extract.TEXT_ROUTE_NAME if len(reports) == 1
                          else f"{extract.TEXT_ROUTE_NAME} ({report.name})")
            for name, text in extract.case_files(extraction, case_id, route_name).items():
                (folder / name).write_text(text, encoding="utf-8")
            folders.append(folder)
        case = cases.read_inputs(folders)
    case.inputs = list(reports)
    return case


def load_case(inputs: Sequence[PathLike] = (), *, date: str | dt.date | None = None,
              country: str | None = None) -> cases.Case:
    """Reports (``.txt``, ``.html``), or tables and case folders, as one case.

    No inputs: the embedded founding case (:data:`mapper.settings.default_case_dir`).
    """
    paths = [Path(p) for p in inputs] or [Path(settings.default_case_dir)]
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    reports = [p for p in paths if is_report(p)]
    if reports and len(reports) != len(paths):
        raise InputError("give either reports (.txt, .html) or tables, not both")
    case = case_from_reports(reports, date=date, country=country) if reports \
        else cases.read_inputs(paths)
    if country:
        case.country = _country(country)
    return case


def map_report(report: PathLike | Sequence[PathLike], *, date: str | dt.date | None = None,
               country: str | None = None, geocoder: Geocoder | None = None,
               online: str | OnlineGeocoder | None = None) -> MapResult:
    """Map one or more news reports: find places and incidents in the text, place them.

    Parameters
    ----------
    report
        A report file (``.txt``, ``.html``), several, or the text of a report itself.
    date
        Publication date (``YYYY-MM-DD``) when the report does not give one.
    country
        ISO 3166 alpha-2 code of the country to prefer for ambiguous names.
    geocoder
        Where places are looked up; default: the offline gazetteers.
    online
        An online service for the names the offline gazetteers lack: ``"nominatim"``,
        ``"photon"``, ``"arcgis"`` or an adapter from :func:`mapper.geocoders.online_geocoder`
        (a self-hosted instance, a contact). Default: offline (``settings.online_geocoder``).
        What went wrong with it is in ``result.notices``.
    """
    if isinstance(report, str) and ("\n" in report or not Path(report).is_file()):
        if not report.strip():
            raise InputError("the report is empty")
        with tempfile.TemporaryDirectory(prefix="mapper-") as tmp:
            path = Path(tmp) / "report.txt"
            path.write_text(report, encoding="utf-8")
            return MapResult(map_case(load_case([path], date=date, country=country),
                                      _geocoder(geocoder), _online(online)))
    paths = [report] if isinstance(report, (str, Path)) else list(report)
    for path in map(Path, paths):
        if not is_report(path):
            raise InputError(f"{path}: not a report file (.txt, .html); tables go to map_table")
    return MapResult(map_case(load_case(paths, date=date, country=country), _geocoder(geocoder),
                              _online(online)))


def map_table(table: PathLike | Sequence[PathLike] | None = None, *, country: str | None = None,
              geocoder: Geocoder | None = None,
              online: str | OnlineGeocoder | None = None) -> MapResult:
    """Map incident tables or case folders (``case.toml``, ``incidents.csv``, ``route.csv``).

    No table: the embedded founding case. ``geocoder`` and ``online`` as for :func:`map_report`.
    """
    paths = [] if table is None else [table] if isinstance(table, (str, Path)) else list(table)
    return MapResult(map_case(load_case(paths, country=country), _geocoder(geocoder),
                              _online(online)))
