"""Online geocoding services through geopy: the shared, polite part.

Each service has a small adapter (:mod:`~mapper.geocoders.nominatim`,
:mod:`~mapper.geocoders.photon`, :mod:`~mapper.geocoders.arcgis`) that says which
geopy class to use, which options bias it to the report's area, and how to read
its answers. This module does what they share:

- at most one request per ``settings.online_min_delay_s`` (geopy's ``RateLimiter``);
- a User-Agent naming incident-mapper and the user's contact (``settings.contact``);
- bounded retries with exponential backoff after timeouts, refused connections
  and 5xx answers, waiting as long as a 429's ``Retry-After`` asks;
- a service that cannot be reached (or refuses) is not asked again during the
  run: one message says so, and its names stay unresolved;
- answers are kept in the persistent :class:`~mapper.geocoders.cache.GeocodeCache`
  (a re-run asks nothing); failures and unreadable answers never are;
- every answer is checked against the report's :class:`~mapper.geocoders.area.SearchArea`
  and rejected, with a message, when it is in another country or far outside.

Nothing here raises for a service's failure: the run always finishes, and
:attr:`OnlineGeocoder.notices` says what went wrong.
"""

from __future__ import annotations

import datetime as dt
import time
from abc import abstractmethod
from collections.abc import Callable
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit

from geopy import exc as geopy_exc
from geopy.adapters import URLLibAdapter
from geopy.distance import great_circle
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder as GeopyGeocoder
from rapidfuzz import fuzz
from shapely.geometry import Point

from mapper import settings
from mapper.errors import GeocoderError
from mapper.geocoders.area import SearchArea
from mapper.geocoders.base import Geocoder, Place, check_query
from mapper.geocoders.cache import GeocodeCache
from mapper.names import normalize

#: Unreadable answers in a row after which a service is not asked again during the run.
MAX_BAD_ANSWERS = 3


def user_agent(contact: str | None = None) -> str:
    """``incident-mapper/<version> (<contact>)``: who is asking, and how to reach them."""
    try:
        version = metadata.version("incident-mapper")
    except metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
        version = "0"
    contact = contact if contact is not None else settings.contact
    return f"incident-mapper/{version}" + (f" ({contact.strip()})" if contact else "")


def split_url(url: str) -> tuple[str, str]:
    """``(scheme, domain)`` as geopy takes them from ``https://host[:port][/prefix]``."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise GeocoderError(f"geocoder URL {url!r}: expected http(s)://host[:port][/path]")
    return parts.scheme, (parts.netloc + parts.path).rstrip("/")


class _Failed(Exception):
    """A query got no usable answer; ``down`` when the service should not be asked again."""

    def __init__(self, reason: str, *, down: bool) -> None:
        super().__init__(reason)
        self.down = down


class OnlineGeocoder(Geocoder):
    """Base of the adapters to online services.

    Parameters
    ----------
    url
        Address of the service (a self-hosted instance); default :attr:`default_url`.
    contact
        E-mail or web address sent in the User-Agent; default ``settings.contact``.
    cache
        Where answers are kept across runs; default the user's cache
        (``settings.cache_dir``); ``False``: only for this run.
    min_delay_s, timeout_s, max_retries, backoff_s
        Default ``settings.online_*``.
    sleep
        How to wait between retries (``time.sleep``).
    """

    name = "online"
    #: Public instance used when no ``url`` is given.
    default_url = ""
    #: Licence and attribution of the service's data when its answer does not say.
    licence = ""
    #: Short credit for the map's attribution line.
    attribution = ""
    #: Whether the service's terms allow keeping answers across runs.
    storable = True

    def __init__(self, url: str | None = None, *, contact: str | None = None,
                 cache: GeocodeCache | bool | None = None, min_delay_s: float | None = None,
                 timeout_s: float | None = None, max_retries: int | None = None,
                 backoff_s: float | None = None, sleep: Callable[[float], None] = time.sleep
                 ) -> None:
        self.endpoint = (url or self.default_url).strip().rstrip("/")
        scheme, domain = split_url(self.endpoint)
        self.user_agent = user_agent(contact)
        self.timeout_s = settings.online_timeout_s if timeout_s is None else timeout_s
        self.max_retries = settings.online_max_retries if max_retries is None else max_retries
        self.backoff_s = settings.online_backoff_s if backoff_s is None else backoff_s
        self.service = self._service(scheme=scheme, domain=domain, user_agent=self.user_agent,
                                     timeout=self.timeout_s, adapter_factory=URLLibAdapter)
        delay = settings.online_min_delay_s if min_delay_s is None else min_delay_s
        # Retries are ours (they honour Retry-After); the limiter only spaces requests.
        self._limited = RateLimiter(self._request, min_delay_seconds=delay, max_retries=0,
                                    swallow_exceptions=False)
        self._cache_arg = cache
        self._cache: GeocodeCache | None = None
        self._memory: dict[tuple[str, str], tuple[list[Any], str]] = {}
        self._sleep = sleep
        self._down: str | None = None
        self._bad_in_a_row = 0
        self._skipped: list[str] = []
        #: HTTP requests made (retries included).
        self.requests = 0
        #: What went wrong or was rejected, one line each, for the user.
        self.messages: list[str] = []

    # -- what each adapter says ---------------------------------------------------------

    @abstractmethod
    def _service(self, **kwargs: Any) -> GeopyGeocoder:
        """The geopy geocoder for this service."""

    @abstractmethod
    def options(self, area: SearchArea) -> dict[str, Any]:
        """Keyword arguments of the geopy ``geocode`` call (JSON-serialisable)."""

    @abstractmethod
    def parse(self, raw: Any, query: str, fetched: str) -> Place:
        """One result of the service (geopy ``Location.raw``) as a :class:`Place`."""

    # -- the interface ------------------------------------------------------------------

    def geocode(self, query: str, *, country: str | None = None,  # type: ignore[override]
                exactly_one: bool = True, fuzzy: bool = True,
                area: SearchArea | None = None) -> Place | list[Place] | None:
        """Look ``query`` up online; see :meth:`mapper.geocoders.base.Geocoder.geocode`.

        Parameters
        ----------
        area
            Countries and box to prefer and to stay in; default: ``country`` alone.
        """
        if area is None:
            area = SearchArea((country.upper(),) if country else ())
        candidates = self.search(query, area)
        if exactly_one:
            return candidates[0] if candidates else None
        return candidates

    def search(self, query: str, area: SearchArea) -> list[Place]:
        """Places for ``query`` (as written) that lie in ``area``, best first.

        Raises
        ------
        GeocoderQueryError
            ``query`` is empty, too long or not text (a service's failure never raises).
        """
        check_query(query)
        return self.lookup(" ".join(query.split()), area)

    def _candidates(self, key: str, *, country: str | None, fuzzy: bool) -> list[Place]:
        return self.lookup(key, SearchArea((country.upper(),) if country else ()))

    @property
    def notices(self) -> list[str]:
        """Messages for the user, including how many names a failed service left unasked."""
        notes = list(self.messages)
        if self._skipped:
            shown = ", ".join(repr(n) for n in self._skipped[:5])
            more = len(self._skipped) - 5
            notes.append(f"{self.name}: {len(self._skipped)} more names not looked up "
                         f"({shown}{f' and {more} more' if more > 0 else ''})")
        return notes

    def lookup(self, query: str, area: SearchArea) -> list[Place]:
        """Places the service gives for ``query`` that lie in ``area``, best first."""
        options = self.options(area)
        places = self._places(query, options)
        kept, rejected = [], []
        for place in places:
            why = area.rejects(place)
            if why:
                rejected.append((place, why))
            else:
                kept.append(place)
        if rejected and not kept:
            place, why = rejected[0]
            self.messages.append(f"{self.name}: {query!r}: rejected {place.name!r} ({why}); "
                                 "left unresolved")
        return kept

    # -- answers: cache, then the service -----------------------------------------------

    def _places(self, query: str, options: dict[str, Any]) -> list[Place]:
        cached = self._cached(query, options)
        if cached is not None:
            try:
                return self._parse_all(query, *cached)
            except _Failed:
                pass  # kept by another version that read answers differently: ask again
        if self._down is not None:
            self._skipped.append(query)
            return []
        try:
            raws = self._fetch(query, options)
            fetched = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            places = self._parse_all(query, raws, fetched)
        except _Failed as failure:
            self._bad_in_a_row += 1
            self._fail(query, str(failure),
                       down=failure.down or self._bad_in_a_row >= MAX_BAD_ANSWERS)
            return []
        self._bad_in_a_row = 0
        self._store(query, options, raws, fetched)
        return places

    def _parse_all(self, query: str, raws: list[Any], fetched: str) -> list[Place]:
        try:
            return [self.parse(raw, query, fetched) for raw in raws]
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise _Failed(f"unreadable answer ({type(exc).__name__}: {exc})",
                          down=False) from None

    def _fail(self, query: str, reason: str, *, down: bool) -> None:
        where = f"{self.name} ({self.endpoint})"
        if down:
            self._down = reason
            self.messages.append(f"{where}: {reason}; {query!r} and any later names are left "
                                 "unresolved (not asked again during this run)")
        else:
            self.messages.append(f"{where}: {reason}; {query!r} left unresolved")

    def _request(self, query: str, options: dict[str, Any]) -> Any:
        self.requests += 1
        return self.service.geocode(query, exactly_one=False, **options)

    def _fetch(self, query: str, options: dict[str, Any]) -> list[Any]:
        """The service's raw results, after at most ``max_retries`` retries."""
        for attempt in range(self.max_retries + 1):
            last = attempt == self.max_retries
            try:
                found = self._limited(query, options)
                return [location.raw for location in found or ()]
            except geopy_exc.GeocoderRateLimited as exc:
                wait = exc.retry_after if exc.retry_after is not None else self._backoff(attempt)
                if wait > settings.online_max_retry_after_s:
                    raise _Failed(f"too many requests (HTTP 429), asked to wait {wait:.0f} s",
                                  down=True) from None
                if last:
                    raise _Failed(f"too many requests (HTTP 429) after {attempt + 1} tries",
                                  down=True) from None
            except (geopy_exc.GeocoderTimedOut, geopy_exc.GeocoderUnavailable) as exc:
                if last:
                    raise _Failed(f"no answer after {attempt + 1} tries ({_reason(exc)})",
                                  down=True) from None
                wait = self._backoff(attempt)
            except geopy_exc.GeocoderParseError:
                raise _Failed("unreadable answer (not JSON)", down=False) from None
            except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
                # geopy's reader met JSON of another shape than the service's.
                raise _Failed(f"unreadable answer ({type(exc).__name__}: {exc})",
                              down=False) from None
            except geopy_exc.GeocoderQueryError as exc:
                raise _Failed(f"query refused ({_reason(exc)})", down=False) from None
            except (geopy_exc.GeocoderAuthenticationFailure,
                    geopy_exc.GeocoderInsufficientPrivileges,
                    geopy_exc.GeocoderQuotaExceeded) as exc:
                raise _Failed(f"request refused ({_reason(exc)})", down=True) from None
            except geopy_exc.GeocoderServiceError as exc:
                status = getattr(exc.__cause__, "status_code", None)
                if status is not None and status < 500:
                    raise _Failed(f"unexpected answer ({_reason(exc)}); is the URL the "
                                  "service's address?", down=True) from None
                if last:
                    what = "service error" if status is not None else "no answer"
                    raise _Failed(f"{what} after {attempt + 1} tries ({_reason(exc)})",
                                  down=True) from None
                wait = self._backoff(attempt)
            except (geopy_exc.GeopyError, OSError) as exc:
                raise _Failed(f"cannot be reached ({_reason(exc)})", down=True) from None
            self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        return self.backoff_s * 2 ** attempt

    # -- the cache ----------------------------------------------------------------------

    def _cache_store(self) -> GeocodeCache | None:
        if self._cache_arg is False or not self.storable:
            return None
        if self._cache is None:
            self._cache = (self._cache_arg if isinstance(self._cache_arg, GeocodeCache)
                           else GeocodeCache())
        return self._cache

    @staticmethod
    def _memory_key(query: str, options: dict[str, Any]) -> tuple[str, str]:
        return (query, repr(sorted(options.items())))

    def _cached(self, query: str, options: dict[str, Any]) -> tuple[list[Any], str] | None:
        key = self._memory_key(query, options)
        if key in self._memory:
            return self._memory[key]
        cache = self._cache_store()
        if cache is None:
            return None
        try:
            answer = cache.get(self.name, self.endpoint, query, options)
        except GeocoderError as exc:
            self._cache_failed(exc)
            return None
        return (answer.answer, answer.fetched) if answer is not None else None

    def _store(self, query: str, options: dict[str, Any], raws: list[Any], fetched: str) -> None:
        self._memory[self._memory_key(query, options)] = (raws, fetched)
        cache = self._cache_store()
        if cache is None:
            return
        try:
            cache.put(self.name, self.endpoint, query, options, raws, fetched)
        except GeocoderError as exc:
            self._cache_failed(exc)

    def _cache_failed(self, exc: GeocoderError) -> None:
        """A broken cache costs requests, not the run: go on without it."""
        self.messages.append(f"{exc}; going on without the cache")
        self._cache_arg = False

    def close(self) -> None:
        """Close the cache (reopened if the geocoder is used again)."""
        if self._cache is not None:
            self._cache.close()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


#: Radius (m) assumed for a result the service gives no extent for, by kind: a
#: point tells where the place is, not how big it is.
ASSUMED_PRECISION_M = {
    "country": 500_000.0, "province": 100_000.0, "region": 100_000.0, "district": 30_000.0,
    "city": 10_000.0, "town": 3_000.0, "road": 1_000.0, "zone": 1_000.0,
}
#: ... and for any other kind (buildings, junctions, landmarks).
ASSUMED_POINT_PRECISION_M = 100.0
#: Smallest precision claimed: an extent of a few metres does not make a report that precise.
MIN_PRECISION_M = 10.0


def precision_from_extent(lat: float, lon: float, extent: tuple[float, float, float, float] | None,
                          kind: str) -> tuple[float, str]:
    """Radius (m) of a result and how it was found.

    Half the diagonal of the service's extent (``west, south, east, north``) when
    it gives one, else :data:`ASSUMED_PRECISION_M` for the kind.
    """
    if extent is not None:
        west, south, east, north = extent
        half = great_circle((south, west), (north, east)).m / 2
        if half > 0:
            return max(round(half, 1), MIN_PRECISION_M), "half the diagonal of the service's extent"
    return ASSUMED_PRECISION_M.get(kind, ASSUMED_POINT_PRECISION_M), f"assumed for a {kind}"


def online_place(service: OnlineGeocoder, *, place_id: str, name: str, kind: str, lat: float,
                 lon: float, extent: tuple[float, float, float, float] | None, country: str,
                 licence: str, reference: str, query: str, fetched: str) -> Place:
    """A place found online, with its provenance in ``source`` and ``properties``."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    precision, basis = precision_from_extent(lat, lon, extent, kind)
    exact = normalize(name) == normalize(query)
    source = (f"{licence}; {service.name} {service.endpoint}, {reference}; "
              f"query {query!r}, fetched {fetched}")
    return Place(
        place_id=place_id, name=name or query, kind=kind, geometry=Point(lon, lat),
        precision_m=precision, source=source, country=country.upper(), matched=name,
        match="exact" if exact else "fuzzy", score=100.0 if exact else
        float(fuzz.WRatio(normalize(query), normalize(name))), origin=service.name,
        properties={"service": service.name, "endpoint": service.endpoint, "query": query,
                    "fetched": fetched, "licence": licence, "reference": reference,
                    "precision_basis": basis, "attribution": service.attribution},
    )
