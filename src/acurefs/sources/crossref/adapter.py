"""The Crossref source: habanero speaks the API, this adapter adds what habanero lacks.

habanero (the user's client) builds every request and reads every answer. What
it does not do lives here, at one boundary:

* one pooled HTTP client with one seam (``transport=``) for Crossref and doi.org
  alike; habanero's requests go through it (:mod:`.bridge`);
* a persistent cache (:mod:`acurefs.sources.cache`) and an offline mode that never
  touches the network;
* rate and concurrency limits sized from the answers' headers
  (:mod:`acurefs.sources.limits`), shared with every source of the same address and
  pool in the process, as the connections are; retries with exponential backoff and
  jitter on 429, 5xx, timeouts and dropped connections, honouring ``Retry-After``;
* a stop a run can set from another thread (:meth:`Crossref.with_stop`): nothing more
  leaves once it is set;
* ``mailto``, a User-Agent naming acurefs, the Plus token (never logged);
* habanero's and httpx2's exceptions translated into acurefs's.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import quote

import habanero
import httpx2

from ..._version import __version__
from ...errors import SourceResponseError, SourceUnavailableError
from ...identifiers import normalize_doi
from ...models import Record, Update
from ...text import iso_utc, plural
from ..base import Candidate, SearchAnswer, Work
from ..cache import CACHE_FILE, Cache
from ..limits import (
    LIST,
    POLITE_LIMITS,
    PUBLIC_LIMITS,
    SINGLE,
    Endpoint,
    Limits,
    RateLimiter,
    shared_endpoint,
)
from ..retry import DEFAULT_ATTEMPTS, DEFAULT_RETRY, RETRY_STATUSES, RetryPolicy, check_url
from ..settings import Settings
from ..stats import RunStats
from .bridge import bind_habanero, classify
from .records import notice_updates, record_from_crossref, record_to_crossref

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.crossref.org"
DEFAULT_DOI_ORG_URL = "https://doi.org"
DEFAULT_TIMEOUT = 20.0
BATCH_SIZE = 50
"""DOIs per ``filter=doi:...`` request (about 50 is what Crossref answers reliably)."""
SEARCH_ROWS = 5
USER_AGENT = f"acurefs/{__version__} (https://pypi.org/project/acurefs/)"
WORK_FIELDS = (
    "DOI",
    "title",
    "subtitle",
    "author",
    "container-title",
    "short-container-title",
    "issued",
    "published-print",
    "published-online",
    "volume",
    "issue",
    "page",
    "article-number",
    "type",
    "publisher",
    "ISSN",
    "updated-by",
    "update-to",
)
"""The fields acurefs reads, asked for with ``select=`` to keep answers small."""
DOI_ORG = "doi.org"
"""The route name under which doi.org requests are counted."""

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_ATTEMPTS",
    "DEFAULT_BASE_URL",
    "WORK_FIELDS",
    "Crossref",
    "RetryPolicy",
    "Stats",
]


class Stats(RunStats):
    """What a run cost: requests sent per route, answers served from the cache, retries."""


class Crossref:
    """Crossref as a metadata source, through habanero, a cache and the rate limits.

    Construct it with keyword arguments, or from the environment with
    :meth:`from_env` (``ACUREFS_MAILTO``, ``ACUREFS_CROSSREF_TOKEN``,
    ``ACUREFS_CROSSREF_URL``, ``ACUREFS_CACHE_DIR``, ``ACUREFS_OFFLINE``). Nothing is
    opened or sent until it is used.

    Sources of the same ``base_url`` and pool share one rate limiter and one pool of
    connections in the process (:func:`acurefs.sources.limits.shared_endpoint`), so
    call after call keeps to Crossref's limits. ``limits``, ``sleep`` or ``clock`` give
    the source a limiter of its own; ``transport`` gives it connections of its own.
    """

    name = "crossref"

    def __init__(
        self,
        *,
        mailto: str | None = None,
        token: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        cache: Cache | None = None,
        use_cache: bool = True,
        offline: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy = DEFAULT_RETRY,
        limits: Limits | None = None,
        transport: httpx2.BaseTransport | None = None,
        doi_org_url: str = DEFAULT_DOI_ORG_URL,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        check_url(base_url, "Crossref URL")
        check_url(doi_org_url, "doi.org URL")
        self.mailto = mailto or None
        self._token = token or None
        self.base_url = base_url.rstrip("/")
        self.cache = (cache if cache is not None else Cache()) if use_cache else None
        self.offline = offline
        self.timeout = timeout
        self.retry = retry
        self.doi_org_url = doi_org_url.rstrip("/")
        published = POLITE_LIMITS if self.mailto else PUBLIC_LIMITS
        endpoint = shared_endpoint(self.base_url, self.pool, published)
        if limits is None and sleep is None and clock is None:
            self.limiter = endpoint.limiter
        else:
            self.limiter = RateLimiter(
                limits or published, sleep=sleep, clock=clock or time.monotonic
            )
        self.stats = Stats(requests={SINGLE: 0, LIST: 0, DOI_ORG: 0})
        self._transport = transport
        self._own_connections = transport is not None
        self._connections = Endpoint(self.limiter) if self._own_connections else endpoint
        self._sleep = sleep
        self._stop = threading.Event()
        self._request: Callable[..., Any] | None = None
        self._lock = threading.Lock()
        self._local = threading.local()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Crossref:
        """A source configured from ``ACUREFS_*`` variables (:class:`Settings`); keyword
        arguments that are not None win. A bad value is a :class:`ConfigError`."""
        env = Settings.from_env(environ)
        settings: dict[str, Any] = {
            "mailto": env.mailto,
            "token": env.token,
            "base_url": env.crossref_url or DEFAULT_BASE_URL,
            "offline": env.offline,
        }
        if env.cache_dir is not None:
            settings["cache"] = Cache(env.cache_dir / CACHE_FILE)
        settings.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**settings)

    def __repr__(self) -> str:
        token = ", token=***" if self._token else ""
        mode = ", offline" if self.offline else ""
        return f"Crossref({self.base_url!r}, mailto={self.mailto!r}{token}{mode})"

    @property
    def pool(self) -> str:
        if self._token:
            return "plus"
        return "polite" if self.mailto else "public"

    @property
    def concurrency(self) -> int:
        """Requests Crossref takes at once, as its latest answer announced."""
        return self.limiter.limits.concurrency

    def describe(self) -> Mapping[str, str]:
        """What this source is, for reports: name, API address and pool."""
        return {"name": self.name, "url": self.base_url, "pool": self.pool}

    def usage(self) -> tuple[Mapping[str, int], int]:
        """Requests sent per route so far, and answers served from the cache."""
        return dict(self.stats.requests), self.stats.cache_hits

    def refresh(self, dois: Iterable[str]) -> None:
        """Fetch these works again past the cache (a validation run's re-check), in batches."""
        self.works(dois, refresh=True)

    def cached_only(self) -> Crossref:
        """This source answering from its cache alone (same cache, same counters), never online."""
        view = Crossref(
            mailto=self.mailto,
            base_url=self.base_url,
            cache=self.cache,
            use_cache=self.cache is not None,
            offline=True,
            doi_org_url=self.doi_org_url,
        )
        view.stats = self.stats
        return view

    def with_stop(self, stop: threading.Event) -> Crossref:
        """This source (same cache, counters, limits and connections) sending nothing once
        ``stop`` is set: a request about to leave, a retry or a wait for the rate limit
        then raises :class:`SourceUnavailableError` at once.

        A run hands this view to its workers and sets ``stop`` when it ends or loses the
        source, so no request leaves after it. The source itself is not changed; close it,
        not the view.
        """
        view = copy.copy(self)  # shares the cache, the counters, the limiter, the connections
        view._stop = stop
        view._request = None
        view._lock = threading.Lock()
        view._local = threading.local()
        return view

    def close(self) -> None:
        """Close the cache, and the HTTP connections unless they are the shared ones.

        Both reopen if the source is used again. Shared connections stay open for the
        next source of the same endpoint (:func:`acurefs.sources.limits.close_endpoints`
        closes them).
        """
        if self._own_connections:
            self._connections.close()
        if self.cache is not None:
            self.cache.close()

    # --- the HTTP session under habanero ---------------------------------------------------

    def _open_client(self) -> httpx2.Client:
        return httpx2.Client(timeout=self.timeout, transport=self._transport, trust_env=False)

    def _habanero_request(self) -> Callable[..., Any]:
        """habanero's request function, sending through :meth:`_get`."""
        with self._lock:
            if self._request is None:
                self._request = bind_habanero(self._get)
            return self._request

    def _check_stop(self, what: str) -> None:
        if self._stop.is_set():
            raise SourceUnavailableError(f"Stopped: not sending the request for {what}")

    def _wait(self, seconds: float) -> None:
        """Wait between attempts: the injected ``sleep``, else real time cut short by the stop."""
        if self._sleep is not None:
            self._sleep(seconds)
        else:
            self._stop.wait(seconds)

    def _get(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Any = None,
    ) -> httpx2.Response:
        """The one place a Crossref request leaves the process (habanero calls it)."""
        route = (
            SINGLE
            if "/works/" in url.split("?")[0] + "/" and not url.rstrip("/").endswith("/works")
            else LIST
        )
        self.stats.sent(route)
        sent = dict(headers or {})
        if self._token:  # to Crossref only, never to doi.org
            sent["Crossref-Plus-API-Token"] = f"Bearer {self._token}"
        with self._connections.connection(self._open_client) as client:
            response = client.get(
                url, params=dict(params or {}), headers=sent, timeout=self.timeout
            )
        self.limiter.update(route, response.headers)
        self._local.url = str(response.url)
        return response

    def _call(self, route: str, what: str, **kwargs: Any) -> Any:
        """Run one habanero request with limits, retries and exception translation."""
        if self.offline:
            raise SourceUnavailableError(f"Offline: not asking Crossref for {what}")
        request = self._habanero_request()
        cr = habanero.Crossref(
            base_url=self.base_url,
            mailto=self.mailto,
            ua_string=USER_AGENT,
            timeout=int(self.timeout),
        )
        last: str = ""
        attempts = max(1, self.retry.attempts)
        for attempt in range(attempts):
            wait = 0.0
            self._check_stop(what)
            with self.limiter.slot(route, stop=self._stop):
                self._check_stop(what)  # the wait for the slot may have been cut short
                try:
                    return request(cr, "/works/", **kwargs)
                except Exception as exc:  # translated below
                    status, retry_after, last = classify(exc)
                    if status == 404 and route == SINGLE:
                        raise _NotFoundError() from exc
                    if status == 404:
                        raise SourceResponseError(
                            f"Crossref has no such route for {what}: {last}"
                        ) from exc
                    if status is not None and status not in RETRY_STATUSES and status >= 400:
                        raise SourceResponseError(f"Crossref refused {what}: {last}") from exc
                    if status == 429:
                        self.stats.count("rate_limited")
                        if retry_after is not None:
                            self.limiter.pause(retry_after)
                    wait = max(self.retry.delay(attempt), retry_after or 0.0)
                    if attempt == attempts - 1:
                        raise SourceUnavailableError(
                            f"Crossref unreachable after {plural(attempt + 1, 'attempt')} for {what}: {last}"
                        ) from exc
            self.stats.count("retries")
            log.info("Crossref %s failed (%s); retrying in %.1fs", what, last, wait)
            self._wait(wait)
        raise SourceUnavailableError(f"Crossref unreachable for {what}: {last}")  # pragma: no cover

    # --- works by DOI ------------------------------------------------------------------------

    def works(self, dois: Iterable[str], *, refresh: bool = False) -> dict[str, Work]:
        """Crossref's records for these DOIs, batched and cached.

        The answer maps each DOI to a :class:`Work` (``record`` None when Crossref does not
        know the DOI). DOIs that could not be checked (offline, not cached) are left out.
        """
        wanted = list(dict.fromkeys(normalize_doi(d) for d in dois if d))
        found: dict[str, Work] = {}
        missing = wanted
        if self.cache is not None and not refresh:
            cached = self.cache.get_many(f"work:{d}" for d in wanted)
            now = self.cache.now()
            missing = []
            for doi in wanted:
                answer = cached.get(f"work:{doi}")
                if answer is not None and (answer.fresh(now) or self.offline):
                    self.stats.count("cache_hits")
                    found[doi] = _work_from_cache(
                        doi, answer.status, answer.body, answer.url, answer.fetched
                    )
                else:
                    missing.append(doi)
        if self.offline or not missing:
            return found
        # A DOI with a comma would split Crossref's filter: those are asked for one by one,
        # and so is a lone DOI (the single-record route has the larger budget).
        alone = [d for d in missing if "," in d]
        listed = [d for d in missing if "," not in d]
        if len(listed) == 1:
            alone, listed = alone + listed, []
        for doi in alone:
            work = self._single(doi)
            self._store([work])
            found[doi] = work
        batches = [listed[i : i + BATCH_SIZE] for i in range(0, len(listed), BATCH_SIZE)]
        if len(batches) <= 1:
            for batch in batches:
                found.update(self._batch(batch))
            return found
        with ThreadPoolExecutor(max_workers=max(1, self.limiter.limits.concurrency)) as pool:
            futures = [pool.submit(self._batch, batch) for batch in batches]
            try:
                for future in futures:
                    found.update(future.result())
            except BaseException:
                for future in futures:
                    future.cancel()  # batches not started yet are not sent
                raise
        return found

    def work(self, doi: str) -> Work | None:
        """One DOI (see :meth:`works`)."""
        return self.works([doi]).get(normalize_doi(doi))

    def _batch(self, dois: Sequence[str]) -> dict[str, Work]:
        message = self._call(
            LIST,
            f"{len(dois)} DOIs",
            filter={"doi": list(dois)},
            limit=max(len(dois), 1),
            select=list(WORK_FIELDS),
        )
        url, retrieved = getattr(self._local, "url", None), iso_utc()
        items = _items(message)
        out: dict[str, Work] = {}
        for item in items:
            record = _record(item)
            if record is not None and record.doi in dois:
                out[record.doi] = Work(record.doi, record, url, retrieved)
        # DOIs the filter did not return are asked for one by one before they are called unknown:
        # a DOI with a comma or odd characters can slip through a filter.
        for doi in dois:
            if doi not in out:
                out[doi] = self._single(doi)
        self._store(out.values())
        return out

    def _single(self, doi: str) -> Work:
        try:
            message = self._call(SINGLE, f"DOI {doi}", ids=[quote(doi, safe="/()<>;:")])
        except _NotFoundError:
            return Work(doi, None, f"{self.base_url}/works/{doi}", iso_utc())
        record = _record(message.get("message") if isinstance(message, dict) else None)
        return Work(doi, record, getattr(self._local, "url", None), iso_utc())

    def _store(self, works: Iterable[Work]) -> None:
        if self.cache is None:
            return
        rows = []
        for work in works:
            body = record_to_crossref(work.record) if work.record else None
            rows.append((f"work:{work.doi}", 200 if work.record else 404, body, work.url))
        self.cache.put_many(rows)

    # --- bibliographic search ----------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        rows: int = SEARCH_ROWS,
        fields: Mapping[str, str] | None = None,
        filters: Mapping[str, str] | None = None,
    ) -> SearchAnswer | None:
        """The best few works for a reference string (``query.bibliographic``); None offline-uncached.

        ``fields`` adds field queries (``{"container-title": "Archives of Internal Medicine",
        "author": "Vickers"}`` is ``query.container-title=...&query.author=...``); ``filters``
        adds Crossref filters (``{"from-pub-date": "2011", "until-pub-date": "2013"}``).
        """
        query = " ".join(query.split())[:1000]
        extra = {
            f"query_{k.replace('-', '_')}": " ".join(v.split()) for k, v in (fields or {}).items()
        }
        asked = "\n".join(
            [
                *(f"{k}={v}" for k, v in sorted(extra.items())),
                *sorted(f"{k}:{v}" for k, v in (filters or {}).items()),
            ]
        )
        key = (
            "search:"
            + hashlib.sha256(
                f"{rows}\n{query}".encode() + (f"\n{asked}".encode() if asked else b"")
            ).hexdigest()
        )
        if self.cache is not None:
            cached = self.cache.get(key)
            if cached is not None and (cached.fresh(self.cache.now()) or self.offline):
                self.stats.count("cache_hits")
                return _search_from_cache(query, cached.body, cached.url, cached.fetched)
        if self.offline:
            return None
        if filters:
            extra["filter"] = dict(filters)  # type: ignore[assignment]
        message = self._call(
            LIST,
            "a search",
            query_bibliographic=query,
            limit=rows,
            select=[*WORK_FIELDS, "score"],
            **extra,
        )
        url, retrieved = getattr(self._local, "url", None), iso_utc()
        candidates = []
        for item in _items(message):
            record = _record(item)
            if record is not None:
                candidates.append(Candidate(record, float(item.get("score") or 0.0)))
        if self.cache is not None:
            body = [{"record": record_to_crossref(c.record), "score": c.score} for c in candidates]
            self.cache.put(key, 200, body, url=url)
        return SearchAnswer(query, tuple(candidates), url, retrieved)

    # --- update notices ----------------------------------------------------------------------

    def notices(self, dois: Iterable[str], *, since: str) -> dict[str, list[Update]]:
        """Notices (retractions, corrections, ...) created since ``since`` about these DOIs.

        One ``filter=updates:A,updates:B,...,from-created-date:...`` request per 50 DOIs.
        """
        wanted = list(dict.fromkeys(normalize_doi(d) for d in dois if d))
        found: dict[str, list[Update]] = {}
        for start in range(0, len(wanted), BATCH_SIZE):
            chunk = wanted[start : start + BATCH_SIZE]
            message = self._call(
                LIST,
                f"notices for {len(chunk)} DOIs",
                filter={"updates": chunk, "from-created-date": since},
                limit=1000,
                select=list(WORK_FIELDS),
            )
            for item in _items(message):
                for target, update in notice_updates(item):
                    if target in chunk:
                        found.setdefault(target, []).append(update)
        return found

    # --- DOIs that Crossref does not know ----------------------------------------------------

    def registration_agency(self, doi: str) -> str | None:
        """Which agency registered a DOI (``Crossref``, ``DataCite``, ...), asking doi.org; None if none."""
        doi = normalize_doi(doi)
        key = f"agency:{doi}"
        if self.cache is not None:
            cached = self.cache.get(key)
            if cached is not None and (cached.fresh(self.cache.now()) or self.offline):
                return str(cached.body) if cached.body else None
        if self.offline:
            return None
        self._check_stop(f"the registration agency of {doi}")
        url = f"{self.doi_org_url}/ra/{doi}"
        self.stats.sent(DOI_ORG)
        try:
            with self._connections.connection(self._open_client) as client:
                response = client.get(url, headers={"User-Agent": USER_AGENT}, timeout=self.timeout)
            data = response.json()
        except (httpx2.HTTPError, ValueError) as exc:
            raise SourceUnavailableError(f"doi.org did not answer for {doi}: {exc}") from exc
        agency = None
        if isinstance(data, list) and data and isinstance(data[0], dict):
            agency = data[0].get("RA") if data[0].get("status") is None else None
        if self.cache is not None:
            self.cache.put(key, 200 if agency else 404, agency, url=url)
        return agency if isinstance(agency, str) else None


class _NotFoundError(Exception):
    """Crossref answered 404 ``Resource not found.``"""


def _items(message: Any) -> list[dict[str, Any]]:
    if not isinstance(message, dict):
        raise SourceResponseError("Crossref answered with something that is not a work list")
    body = message.get("message")
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise SourceResponseError("Crossref's work list has no items")
    return [i for i in items if isinstance(i, dict)]


def _record(item: Any) -> Record | None:
    if not isinstance(item, dict):
        return None
    try:
        return record_from_crossref(item)
    except SourceResponseError:
        log.warning("Skipping a Crossref work without a usable DOI")
        return None


def _work_from_cache(doi: str, status: int, body: Any, url: str | None, fetched: float) -> Work:
    record = _record(body) if status == 200 else None
    return Work(doi, record, url, iso_utc(fetched))


def _search_from_cache(query: str, body: Any, url: str | None, fetched: float) -> SearchAnswer:
    candidates = []
    for item in body or []:
        record = _record(item.get("record")) if isinstance(item, dict) else None
        if record is not None:
            candidates.append(Candidate(record, float(item.get("score") or 0.0)))
    return SearchAnswer(query, tuple(candidates), url, iso_utc(fetched))
