"""One exception hierarchy for the whole package.

The CLI turns any :class:`MapperError` into a one-line message and a non-zero
exit status; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class MapperError(Exception):
    """Base class of every error mapper reports to users."""

    exit_code = 1


class InputError(MapperError):
    """An input file or table is missing, unreadable or invalid."""

    exit_code = 2


class OutputError(MapperError):
    """An output cannot be written without losing the user's work."""

    exit_code = 3


class GazetteerError(MapperError):
    """The curated gazetteer (``geodata/``) is malformed."""

    exit_code = 4


class GeocoderError(MapperError):
    """Base class of geocoder failures (after ``geopy.exc.GeocoderServiceError``)."""

    exit_code = 5


class GeocoderUnavailable(GeocoderError):
    """A geocoding back-end cannot be reached or loaded."""


class GeocoderQueryError(GeocoderError):
    """A query is malformed (empty, too long, not text)."""
