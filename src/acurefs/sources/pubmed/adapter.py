"""PubMed as a metadata source, over NCBI's E-utilities: esearch, esummary, efetch, ecitmatch.

What this adapter adds around the four utilities, at one boundary, as the Crossref one does:

* every request carries ``tool`` and ``email``, and ``api_key`` when given (never logged);
* NCBI's limits (3 requests a second, 10 with a key) kept by a rate limiter shared by
  every source of the same address and key in the process
  (:func:`acurefs.sources.limits.shared_endpoint`); a 429 (a JSON error body, no
  ``Retry-After``) pauses the limiter a second and is retried with backoff, as are 5xx,
  timeouts and dropped connections; the last failure is a
  :class:`~acurefs.errors.SourceUnavailableError`;
* PMIDs batched (up to :data:`BATCH_SIZE` per efetch or esummary), sent by POST when the
  list is long;
* answers cached (``pubmed:`` keys in the same cache as Crossref's), an offline mode
  answering from the cache alone, and a stop a run can set from another thread.

It implements :class:`~acurefs.sources.base.MetadataSource` (works by DOI through a
``[doi]`` search, a free-text search), and adds what linking needs:
:meth:`PubMed.fetch` (records by PMID), :meth:`PubMed.by_doi`, :meth:`PubMed.esearch`,
:meth:`PubMed.summaries` and :meth:`PubMed.citmatch`.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import httpx2

from ..._version import __version__
from ...errors import SourceResponseError, SourceUnavailableError
from ...identifiers import normalize_doi
from ...models import Record
from ...text import iso_utc, plural
from ..base import Candidate, SearchAnswer, Work
from ..cache import CACHE_FILE, Cache
from ..limits import SINGLE, Endpoint, Limits, RateLimiter, shared_endpoint
from ..retry import DEFAULT_RETRY, RETRY_STATUSES, RetryPolicy, check_url
from ..settings import Settings
from ..stats import RunStats
from .citmatch import CitationMatch, CitationQuery, MatchStatus, read_answer
from .records import record_from_article, records_from_esummary, split_efetch

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
DEFAULT_TIMEOUT = 20.0
TOOL = "acurefs"
BATCH_SIZE = 200
"""PMIDs per efetch or esummary request."""
DOI_BATCH = 50
"""DOIs per ``[doi]`` search (``A[doi] OR B[doi] OR ...``)."""
POST_OVER = 1500
"""Characters of parameters above which a request goes by POST (URLs stay short)."""
SEARCH_ROWS = 5
NCBI_LIMITS = Limits(single=3, list=3, concurrency=3, interval=1.1)
"""NCBI's limit without an API key: 3 requests a second, all utilities together (every
request goes on one route). Counted over 1.1 seconds: NCBI counts arrivals, and the first
request of a run arrives late (its connection is opened), so starts spaced by exactly a third
of a second put four arrivals in one second and draw a 429."""
NCBI_KEY_LIMITS = Limits(single=10, list=10, concurrency=3, interval=1.1)
"""With an API key: 10 a second (counted the same way)."""
RATE_LIMIT_PAUSE = 1.0
"""Seconds nothing is sent after a 429 (NCBI gives no ``Retry-After``)."""
USER_AGENT = f"acurefs/{__version__} (https://pypi.org/project/acurefs/)"
UTILITIES = ("esearch", "esummary", "efetch", "ecitmatch")

__all__ = ["BATCH_SIZE", "DEFAULT_BASE_URL", "PubMed", "PubMedStats"]


class PubMedStats(RunStats):
    """What a run cost: requests per utility, answers served from the cache, retries."""

    def __init__(self) -> None:
        super().__init__(requests=dict.fromkeys(UTILITIES, 0))


class PubMed:
    """PubMed (NCBI E-utilities) as a metadata source, with a cache and NCBI's limits.

    Construct it with keyword arguments, or from the environment with :meth:`from_env`
    (``ACUREFS_PUBMED_URL``, ``ACUREFS_NCBI_API_KEY``, ``ACUREFS_NCBI_EMAIL``,
    ``ACUREFS_CACHE_DIR``, ``ACUREFS_OFFLINE``). Nothing is opened or sent until it is used.
    """

    name = "pubmed"

    def __init__(
        self,
        *,
        email: str | None = None,
        api_key: str | None = None,
        tool: str = TOOL,
        base_url: str = DEFAULT_BASE_URL,
        cache: Cache | None = None,
        use_cache: bool = True,
        offline: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy = DEFAULT_RETRY,
        limits: Limits | None = None,
        transport: httpx2.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        check_url(base_url, "PubMed URL")
        self.email = email or None
        self._api_key = api_key or None
        self.tool = tool
        self.base_url = base_url.rstrip("/")
        self.cache = (cache if cache is not None else Cache()) if use_cache else None
        self.offline = offline
        self.timeout = timeout
        self.retry = retry
        published = NCBI_KEY_LIMITS if self._api_key else NCBI_LIMITS
        endpoint = shared_endpoint(self.base_url, self.pool, published)
        if limits is None and sleep is None and clock is None:
            self.limiter = endpoint.limiter
        else:
            self.limiter = RateLimiter(
                limits or published, sleep=sleep, clock=clock or time.monotonic
            )
        self.stats = PubMedStats()
        self._transport = transport
        self._own_connections = transport is not None
        self._connections = Endpoint(self.limiter) if self._own_connections else endpoint
        self._sleep = sleep
        self._stop = threading.Event()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> PubMed:
        """A source configured from ``ACUREFS_*`` variables; keyword arguments not None win."""
        env = Settings.from_env(environ)
        settings: dict[str, Any] = {
            "email": env.ncbi_email or env.mailto,
            "api_key": env.ncbi_api_key,
            "base_url": env.pubmed_url or DEFAULT_BASE_URL,
            "offline": env.offline,
        }
        if env.cache_dir is not None:
            settings["cache"] = Cache(env.cache_dir / CACHE_FILE)
        settings.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**settings)

    def __repr__(self) -> str:
        key = ", api_key=***" if self._api_key else ""
        mode = ", offline" if self.offline else ""
        return f"PubMed({self.base_url!r}, email={self.email!r}{key}{mode})"

    @property
    def pool(self) -> str:
        """``key`` with an API key (10 a second), else ``public`` (3 a second)."""
        return "key" if self._api_key else "public"

    @property
    def concurrency(self) -> int:
        return self.limiter.limits.concurrency

    def describe(self) -> Mapping[str, str]:
        return {"name": self.name, "url": self.base_url, "pool": self.pool}

    def usage(self) -> tuple[Mapping[str, int], int]:
        return dict(self.stats.requests), self.stats.cache_hits

    def refresh(self, dois: Iterable[str]) -> None:
        """Search these DOIs again past the cache."""
        self.by_doi(dois, refresh=True)

    def cached_only(self) -> PubMed:
        """This source answering from its cache alone (same cache and counters)."""
        view = copy.copy(self)
        view.offline = True
        return view

    def with_stop(self, stop: threading.Event) -> PubMed:
        """This source sending nothing once ``stop`` is set (see ``Crossref.with_stop``)."""
        view = copy.copy(self)
        view._stop = stop
        return view

    def close(self) -> None:
        if self._own_connections:
            self._connections.close()
        if self.cache is not None:
            self.cache.close()

    # --- HTTP ---------------------------------------------------------------------------

    def _open_client(self) -> httpx2.Client:
        return httpx2.Client(timeout=self.timeout, transport=self._transport, trust_env=False)

    def _wait(self, seconds: float) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        else:
            self._stop.wait(seconds)

    def _check_stop(self, what: str) -> None:
        if self._stop.is_set():
            raise SourceUnavailableError(f"Stopped: not asking PubMed for {what}")

    def _request(self, utility: str, params: Mapping[str, str], what: str) -> httpx2.Response:
        """One E-utility answer (200), with limits, retries and exception translation."""
        if self.offline:
            raise SourceUnavailableError(f"Offline: not asking PubMed for {what}")
        script = "ecitmatch.cgi" if utility == "ecitmatch" else f"{utility}.fcgi"
        url = f"{self.base_url}/{script}"
        sent = {"db": "pubmed", **params, "tool": self.tool}
        if self.email:
            sent["email"] = self.email
        if self._api_key:
            sent["api_key"] = self._api_key
        post = sum(len(k) + len(v) + 2 for k, v in sent.items()) > POST_OVER
        attempts = max(1, self.retry.attempts)
        last = ""
        for attempt in range(attempts):
            self._check_stop(what)
            with self.limiter.slot(SINGLE, stop=self._stop):
                self._check_stop(what)
                self.stats.sent(utility)
                try:
                    with self._connections.connection(self._open_client) as client:
                        headers = {"User-Agent": USER_AGENT}
                        if post:
                            response = client.post(url, data=sent, headers=headers)
                        else:
                            response = client.get(url, params=sent, headers=headers)
                    status: int | None = response.status_code
                    last = f"HTTP {status}: {response.text[:200].strip()}"
                except httpx2.HTTPError as exc:
                    status, response, last = None, None, f"{type(exc).__name__}: {exc}"
            if response is not None and status == 200:
                return response
            if status is not None and status not in RETRY_STATUSES:
                raise SourceResponseError(f"PubMed refused {what}: {last}")
            if status == 429:
                self.stats.count("rate_limited")
                self.limiter.pause(RATE_LIMIT_PAUSE)
            if attempt == attempts - 1:
                break
            wait = max(self.retry.delay(attempt), RATE_LIMIT_PAUSE if status == 429 else 0.0)
            self.stats.count("retries")
            log.info("PubMed %s failed (%s); retrying in %.1fs", what, last, wait)
            self._wait(wait)
        raise SourceUnavailableError(
            f"PubMed unreachable after {plural(attempts, 'attempt')} for {what}: {last}"
        )

    def _json(self, utility: str, params: Mapping[str, str], what: str) -> Any:
        response = self._request(utility, {**params, "retmode": "json"}, what)
        try:
            return response.json()
        except ValueError as exc:
            raise SourceResponseError(f"PubMed's {utility} answer is not JSON ({what})") from exc

    # --- the cache ----------------------------------------------------------------------

    def _cached(self, keys: Iterable[str], refresh: bool = False) -> dict[str, Any]:
        """Usable cached bodies by key (fresh ones, or any offline)."""
        if self.cache is None or refresh:
            return {}
        now = self.cache.now()
        out = {}
        for key, answer in self.cache.get_many(keys).items():
            if answer.fresh(now) or self.offline:
                out[key] = answer.body
        self.stats.count("cache_hits", len(out))
        return out

    def _store(self, rows: Iterable[tuple[str, int, Any, str | None]]) -> None:
        if self.cache is not None:
            self.cache.put_many(rows)

    # --- the utilities ------------------------------------------------------------------

    def esearch(self, term: str, *, retmax: int = SEARCH_ROWS) -> tuple[str, ...] | None:
        """PMIDs PubMed's search finds for ``term`` (field tags allowed), best first; None
        when it cannot be asked now (offline, not cached)."""
        term = " ".join(term.split())
        key = "pubmed:esearch:" + hashlib.sha256(f"{retmax}\n{term}".encode()).hexdigest()
        cached = self._cached([key])
        if key in cached:
            return tuple(cached[key] or ())
        if self.offline:
            return None
        data = self._json("esearch", {"term": term, "retmax": str(retmax)}, "a search")
        result = data.get("esearchresult") if isinstance(data, dict) else None
        if not isinstance(result, dict) or "ERROR" in result:
            error = result.get("ERROR") if isinstance(result, dict) else data
            raise SourceResponseError(f"PubMed's esearch refused {term[:80]!r}: {error!r}")
        ids = tuple(str(i) for i in result.get("idlist") or [] if str(i).isdigit())
        self._store([(key, 200, list(ids), None)])
        return ids

    def fetch(self, pmids: Iterable[str], *, refresh: bool = False) -> dict[str, Record | None]:
        """Records by PMID (efetch XML, batched, cached); None for one PubMed does not have.
        PMIDs that could not be checked (offline, not cached) are left out."""
        wanted = list(dict.fromkeys(str(p).strip() for p in pmids if str(p).strip().isdigit()))
        found: dict[str, Record | None] = {}
        cached = self._cached((f"pubmed:pmid:{p}" for p in wanted), refresh)
        for pmid in wanted:
            if f"pubmed:pmid:{pmid}" in cached:
                body = cached[f"pubmed:pmid:{pmid}"]
                found[pmid] = record_from_article(body) if isinstance(body, str) else None
        missing = [p for p in wanted if p not in found]
        if self.offline:
            return found
        for start in range(0, len(missing), BATCH_SIZE):
            batch = missing[start : start + BATCH_SIZE]
            response = self._request(
                "efetch", {"id": ",".join(batch), "retmode": "xml"}, f"{len(batch)} PMIDs"
            )
            articles = split_efetch(response.content)
            rows = []
            for pmid in batch:
                xml = articles.get(pmid)
                found[pmid] = record_from_article(xml) if xml else None
                rows.append((f"pubmed:pmid:{pmid}", 200 if xml else 404, xml, None))
            self._store(rows)
        return found

    def summaries(self, pmids: Iterable[str]) -> dict[str, Record | None]:
        """Records by PMID from esummary (lighter than efetch: no abstract, MeSH or notices)."""
        wanted = list(dict.fromkeys(str(p) for p in pmids if str(p).isdigit()))
        if self.offline:
            return {}
        found: dict[str, Record | None] = {}
        for start in range(0, len(wanted), BATCH_SIZE):
            batch = wanted[start : start + BATCH_SIZE]
            data = self._json("esummary", {"id": ",".join(batch)}, f"{len(batch)} summaries")
            answered = records_from_esummary(data)
            found.update({p: answered.get(p) for p in batch})
        return found

    def citmatch(self, citations: Sequence[CitationQuery]) -> dict[str, CitationMatch]:
        """ECitMatch's answer for each citation by key; keys it could not be asked about
        (offline, not cached) are left out."""
        keyed = {
            c.key: "pubmed:citmatch:" + hashlib.sha256(c.line().encode()).hexdigest()
            for c in citations
        }
        cached = self._cached(keyed.values())
        found: dict[str, CitationMatch] = {}
        for citation in citations:
            body = cached.get(keyed[citation.key])
            if isinstance(body, dict):
                found[citation.key] = _match_from_cache(citation.key, body)
        missing = [c for c in citations if c.key not in found]
        if self.offline or not missing:
            return found
        for start in range(0, len(missing), BATCH_SIZE):
            batch = missing[start : start + BATCH_SIZE]
            bdata = "\r".join(c.line() for c in batch) + "\r"
            response = self._request(
                "ecitmatch", {"retmode": "xml", "bdata": bdata}, f"{len(batch)} citations"
            )
            answers = read_answer(response.text, [c.key for c in batch])
            found.update(answers)
            self._store(
                (keyed[k], 200, _match_to_cache(m), None)
                for k, m in answers.items()
                if m.status is not MatchStatus.MISSING  # a missing line is asked again next time
            )
        return found

    def by_doi(self, dois: Iterable[str], *, refresh: bool = False) -> dict[str, Record | None]:
        """PubMed's record for each DOI (``[doi]`` searches, then efetch); None when PubMed
        has none. DOIs that could not be checked are left out."""
        wanted = list(dict.fromkeys(normalize_doi(d) for d in dois if d))
        cached = self._cached((f"pubmed:doi:{d}" for d in wanted), refresh)
        pmids: dict[str, list[str]] = {}
        for doi in wanted:
            if f"pubmed:doi:{doi}" in cached:
                pmids[doi] = list(cached[f"pubmed:doi:{doi}"] or ())
        missing = [d for d in wanted if d not in pmids and '"' not in d]
        if not self.offline:
            for start in range(0, len(missing), DOI_BATCH):
                batch = missing[start : start + DOI_BATCH]
                term = " OR ".join(f'"{d}"[doi]' for d in batch)
                found = self.esearch(term, retmax=len(batch) * 3) or ()
                records = self.fetch(found, refresh=refresh)
                by_doi: dict[str, list[str]] = {d: [] for d in batch}
                for pmid, record in records.items():
                    if record is not None and record.doi in by_doi:
                        by_doi[record.doi].append(pmid)
                pmids.update(by_doi)
                self._store((f"pubmed:doi:{d}", 200, p, None) for d, p in by_doi.items())
        records = self.fetch(p for ids in pmids.values() for p in ids)
        out: dict[str, Record | None] = {}
        for doi, ids in pmids.items():
            if any(p not in records for p in ids):
                continue  # offline and a record not cached: not checked
            known = [r for p in ids if (r := records[p]) is not None]
            # Two PMIDs for one DOI (an erratum indexed with its article's DOI): the lowest.
            out[doi] = min(known, key=lambda r: int(r.pmid or 0)) if known else None
        return out

    # --- the MetadataSource protocol ----------------------------------------------------

    def works(self, dois: Iterable[str]) -> dict[str, Work]:
        """PubMed's records for these DOIs (see :meth:`by_doi`)."""
        url, retrieved = f"{self.base_url}/esearch.fcgi", iso_utc()
        return {doi: Work(doi, record, url, retrieved) for doi, record in self.by_doi(dois).items()}

    def search(self, query: str, *, rows: int = SEARCH_ROWS) -> SearchAnswer | None:
        """PubMed's best records for a free-text query; None offline and not cached."""
        pmids = self.esearch(query, retmax=rows)
        if pmids is None:
            return None
        records = self.fetch(pmids)
        candidates = tuple(
            Candidate(record, float(rows - rank))
            for rank, pmid in enumerate(pmids)
            if (record := records.get(pmid)) is not None
        )
        return SearchAnswer(query, candidates, f"{self.base_url}/esearch.fcgi", iso_utc())

    def registration_agency(self, doi: str) -> str | None:
        """PubMed does not register DOIs: always None."""
        return None


def _match_to_cache(match: CitationMatch) -> dict[str, Any]:
    return {"status": match.status.value, "pmids": list(match.pmids), "reason": match.reason}


def _match_from_cache(key: str, body: Mapping[str, Any]) -> CitationMatch:
    return CitationMatch(
        key,
        MatchStatus(str(body.get("status"))),
        tuple(str(p) for p in body.get("pmids") or ()),
        body.get("reason"),
    )
