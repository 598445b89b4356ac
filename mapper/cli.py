"""Command line: ``mapper map [INPUT ...] [--out DIR]``.

Errors users can fix (bad input, an edited output in the way) are printed as
one line on stderr with a non-zero exit status; no traceback.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from mapper import settings
from mapper.errors import MapperError
from mapper.formats import DEFAULT_FORMATS, FORMATS
from mapper.services import GEOCODER_CHOICES


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Map news reports of protests, marches and clashes: layered HTML maps and GIS files.",
)
@click.version_option(package_name="incident-mapper", prog_name="mapper")
def app() -> None:
    pass


@app.command("map")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Output folder. Default: outputs/<case id>/.")
@click.option("--country", help="ISO 3166 alpha-2 code of the country to prefer for ambiguous names.")
@click.option("--force", is_flag=True, help="Overwrite output files even if they were edited.")
@click.option("--date", "date", help="Publication date of the report(s), YYYY-MM-DD.")
@click.option("--self-contained", "self_contained", is_flag=True,
              help="Inline every script and style in map.html (no CDN needed; only the base "
                   "map's tiles come from the internet).")
@click.option("--format", "formats", default=",".join(DEFAULT_FORMATS), show_default=True,
              metavar="LIST", help="Comma-separated outputs to write: " + "; ".join(
                  f"{name} = {what}" for name, what in FORMATS.items())
              + ". summary.json is always written.")
@click.option("--geocoder", type=click.Choice(GEOCODER_CHOICES, case_sensitive=False),
              default=None, show_default="offline, or $MAPPER_GEOCODER",
              help="Online service asked for the places the offline gazetteers lack. Its "
                   "answers are cached (mapper cache info); OpenStreetMap's services ask for "
                   "at most one request a second.")
@click.option("--geocoder-url", metavar="URL",
              help="Address of a self-hosted Nominatim or Photon, e.g. http://localhost:8080 "
                   "(default: the service's public instance, or $MAPPER_GEOCODER_URL).")
@click.option("--contact", metavar="EMAIL",
              help="How the service's operators can reach you, sent in the User-Agent "
                   "(default: $MAPPER_CONTACT).")
def map_command(inputs: tuple[str, ...], out: Path | None, country: str | None, force: bool,
                date: str | None, self_contained: bool, formats: str, geocoder: str | None,
                geocoder_url: str | None, contact: str | None) -> None:
    """Geocode places, join incidents, and write map.html, GeoJSON and a GeoPackage.

    INPUT: news reports (.txt, .html), case folders (case.toml, incidents.csv,
    route.csv) or CSV tables. Default: the embedded founding case.
    """
    from mapper import api
    from mapper.exports import check_formats
    from mapper.geocoders import default_geocoder, online_geocoder
    from mapper.pipeline import map_case

    chosen = check_formats(formats)
    online = online_geocoder(geocoder, geocoder_url, contact=contact)
    case = api.load_case(inputs, date=_parse_date(date), country=_check_country(country))
    result = api.MapResult(map_case(case, default_geocoder(), online))
    for notice in result.notices:
        click.echo(f"mapper: warning: {notice}", err=True)
    out_dir = out or Path(settings.outputs_dir) / case.id
    written = result.to_file(out_dir, chosen, force=force, self_contained=self_contained)
    _print_summary(result.mapped, out_dir, written)


@app.command("extract")
@click.argument("report", type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Write an editable case folder (case.toml, incidents.csv, route.csv) here.")
@click.option("--json", "as_json", is_flag=True, help="Print places and incidents as JSON.")
@click.option("--date", "date", help="Publication date, YYYY-MM-DD (else from the report).")
@click.option("--country", help="ISO 3166 alpha-2 code of the country the report is about.")
@click.option("--force", is_flag=True, help="Overwrite files in --out even if they were edited.")
def extract_command(report: Path, out: Path | None, as_json: bool, date: str | None,
                    country: str | None, force: bool) -> None:
    """Read a news report: its places, incidents and march route.

    With --out, writes the incidents as an editable table that `mapper map DIR`
    maps; with --json (or no --out), prints them as one JSON document.
    """
    from mapper import exports
    from mapper.text import extract

    extraction = _extract(report, date, country)
    if out is not None:
        files = extract.case_files(extraction, _case_id(report))
        _require_dates(extraction, report)
        outputs = [exports.Output(name, exports.text_writer(text)) for name, text in files.items()]
        written = exports.write_outputs(out, outputs, force=force)
        click.echo(f"{len(extraction.incidents)} incidents, "
                   f"{sum(p.resolved for p in extraction.places)} place mentions resolved; "
                   f"wrote {out}/: " + " ".join(p.name for p in written), err=as_json)
    if as_json or out is None:
        click.echo(extract.dumps(extraction), nl=False)


def _parse_date(value: str | None):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise MapperError(f"--date {value!r}: expected YYYY-MM-DD") from None


def _check_country(country: str | None) -> str | None:
    if country and (len(country) != 2 or not country.isalpha()):
        raise MapperError(f"--country {country!r}: expected a two-letter code such as PK")
    return country.upper() if country else None


def _extract(report: Path, date: str | None, country: str | None):
    from mapper.text.extract import Extractor
    from mapper.text.reader import read_report

    document = read_report(report, date=_parse_date(date))
    return Extractor().extract(document, country=_check_country(country))


def _case_id(report: Path) -> str:
    from mapper.cases import _slug

    return _slug(report.stem)


def _require_dates(extraction, report: Path) -> None:
    if any(i.date is None for i in extraction.incidents):
        raise MapperError(f"{report}: no publication date found; give --date YYYY-MM-DD")


@app.command("schema")
def schema_command() -> None:
    """Print the schema of the incidents and exported layers (Markdown)."""
    from mapper import schema

    click.echo(schema.page(), nl=False)


@app.group("cache")
def cache_group() -> None:
    """The cache of online geocoders' answers (a re-run asks no service again)."""


@cache_group.command("info")
def cache_info() -> None:
    """Where the cache is and how many answers it holds."""
    from mapper.geocoders.cache import GeocodeCache

    with GeocodeCache() as cache:
        info = cache.info()
    click.echo(f"Cache: {info.path}")
    if not info.exists:
        click.echo("Answers: 0 (no cache yet)")
        return
    services = ", ".join(f"{name} {n}" for name, n in info.by_service.items())
    click.echo(f"Answers: {info.answers}" + (f" ({services})" if services else ""))
    click.echo(f"Size: {info.size_bytes / 1024:.0f} KB")


@cache_group.command("clear")
def cache_clear() -> None:
    """Forget every cached answer."""
    from mapper.geocoders.cache import GeocodeCache

    with GeocodeCache() as cache:
        removed = cache.clear()
    click.echo(f"Removed {removed} cached answers from {cache.path}")


#: Unresolved names listed in the summary line (all are in summary.json and on the map).
SUMMARY_NAMES = 12


def _print_summary(mapped, out_dir: Path, written: list[Path]) -> None:
    resolved = sum(r.resolved for r in mapped.resolutions.values())
    unresolved = [name for name, _ in mapped.unlocated]
    by_coordinates = len(mapped.unresolved) - len(unresolved)
    types = Counter(mapped.incidents["event_type"])
    start, end = mapped.date_range
    click.echo(f"Case {mapped.case.id}: {mapped.case.title} ({start} to {end})")
    online = Counter(r.place.properties["service"] for r in mapped.resolutions.values()
                     if r.place is not None and "service" in r.place.properties)
    line = f"Places: {resolved} resolved"
    if online:
        line += " (" + ", ".join(f"{n} by {service}" for service, n in online.items()) + ")"
    line += f", {len(unresolved)} unresolved"
    if unresolved:
        shown = unresolved[:SUMMARY_NAMES]
        more = len(unresolved) - len(shown)
        line += " (" + ", ".join(shown) + (f", and {more} more" if more else "") + ")"
    if by_coordinates:
        line += f"; {by_coordinates} more placed by the coordinates given in the input"
    click.echo(line)
    by_type = ", ".join(f"{t} {n}" for t, n in sorted(types.items()))
    click.echo(f"Incidents: {len(mapped.incidents)} ({by_type})")
    for _, r in mapped.route.iterrows():
        click.echo(f"Route: {r['route']}: {r['n_waypoints']} waypoints, {r['length_km']} km, "
                   f"{r['start_place']} -> {r['end_place']}")
    click.echo(f"Wrote {out_dir}/: " + " ".join(p.name for p in written))


def main() -> None:
    """Console-script entry point."""
    try:
        app(standalone_mode=False)
    except MapperError as exc:
        click.echo(f"mapper: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("mapper: interrupted", err=True)
        sys.exit(130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("mapper: aborted", err=True)
        sys.exit(1)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.format_message())
        sys.exit(0)
    except click.ClickException as exc:
        click.echo(f"mapper: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
