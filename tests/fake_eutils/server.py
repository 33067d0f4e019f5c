"""An E-utilities-compatible server on loopback, for tests and benchmarks that cannot reach NCBI.

Routes, GET or POST (form-encoded), as NCBI serves them under ``/entrez/eutils``::

    /esearch.fcgi   JSON {"header":..., "esearchresult": {"count", "retmax", "retstart",
                    "idlist", "translationset", "querytranslation"}}; terms with field tags
                    ([doi], [pmid], [pmcid], [ta], [dp], [vi], [pg], [1au], [au], [ti]),
                    AND / OR, quotes; bad term: {"esearchresult": {"ERROR": ...}}
    /esummary.fcgi  JSON {"header":..., "result": {"uids": [...], "<pmid>": {...}}}; an unknown
                    PMID: {"uid": ..., "error": "cannot get document summary"}
    /efetch.fcgi    XML PubmedArticleSet (MedlineCitation, Article, Abstract, AuthorList,
                    PublicationTypeList, MeshHeadingList, CommentsCorrectionsList,
                    PubmedData/ArticleIdList); unknown PMIDs are left out
    /ecitmatch.cgi  text, one line a citation: ``journal|year|volume|page|author|key|PMID``,
                    ``NOT_FOUND;INVALID_JOURNAL``, ``AMBIGUOUS a,b``; keys in ``drop_lines``
                    get no line. Like NCBI it leans on journal, volume and first page.

Limits: 3 requests in any second per client (10 with ``api_key``); over it, 429 with NCBI's
JSON body ``{"error":"API rate limit exceeded","api-key":...,"count":...,"limit":...}`` and no
``Retry-After``. Faults: ``fail_next(status, count)`` answers the next requests with that
status (a 500 with an HTML page); ``latency`` delays every answer.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .articles import Article

__all__ = ["FakeEutils", "LoggedRequest"]

PREFIX = "/entrez/eutils"
TOO_MANY = (
    '{{"error":"API rate limit exceeded","api-key":"{who}","count":"{count}","limit":"{limit}"}}'
)
SERVER_ERROR = b"<html><body><h1>500 Internal Server Error</h1></body></html>\n"
_TERM = re.compile(r'^\s*"?(?P<value>[^"\[]*?)"?\s*\[(?P<tag>[\w ]+)\]\s*$')


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    utility: str
    method: str
    params: dict[str, str]
    status: int
    started: float


@dataclass
class _State:
    articles: dict[str, Article]
    requests: list[LoggedRequest] = field(default_factory=list)
    faults: list[int] = field(default_factory=list)
    drop_lines: set[str] = field(default_factory=set)
    starts: dict[str, list[float]] = field(default_factory=dict)
    errors: list[BaseException] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class FakeEutils:
    """The server; ``url`` is the E-utilities base to give ``acurefs.PubMed(base_url=...)``."""

    def __init__(
        self,
        articles: Iterable[Article] = (),
        *,
        enforce: bool = True,
        latency: float = 0.0,
        limit: int = 3,
        key_limit: int = 10,
    ) -> None:
        self.state = _State({a.pmid: a for a in articles})
        self.enforce = enforce
        self.latency = latency
        self.limit = limit
        self.key_limit = key_limit
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> FakeEutils:
        server = self

        class Handler(_Handler):
            fake = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeEutils:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "start the server first"
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{PREFIX}"

    # --- control and log ------------------------------------------------------------------

    def add(self, article: Article) -> None:
        with self.state.lock:
            self.state.articles[article.pmid] = article

    def fail_next(self, status: int = 500, count: int = 1) -> None:
        with self.state.lock:
            self.state.faults.extend([status] * count)

    def drop_lines(self, *keys: str) -> None:
        """ECitMatch answers no line for these citation keys."""
        self.state.drop_lines.update(keys)

    @property
    def requests(self) -> list[LoggedRequest]:
        with self.state.lock:
            return list(self.state.requests)

    @property
    def errors(self) -> list[BaseException]:
        return list(self.state.errors)

    def count(self, utility: str | None = None, status: int | None = None) -> int:
        return sum(
            1
            for r in self.requests
            if (utility is None or r.utility == utility) and (status is None or r.status == status)
        )

    def reset_log(self) -> None:
        with self.state.lock:
            self.state.requests.clear()

    # --- answering ------------------------------------------------------------------------

    def answer(self, utility: str, method: str, params: dict[str, str]) -> tuple[int, str, bytes]:
        now = time.monotonic()
        who = params.get("api_key") or "127.0.0.1"
        limit = self.key_limit if params.get("api_key") else self.limit
        with self.state.lock:
            starts = [t for t in self.state.starts.get(who, []) if now - t < 1.0]
            starts.append(now)
            self.state.starts[who] = starts
            fault = self.state.faults.pop(0) if self.state.faults else None
        if self.enforce and len(starts) > limit:
            body = TOO_MANY.format(who=who, count=len(starts), limit=limit).encode()
            return self._log(utility, method, params, now, 429, "application/json", body)
        if fault is not None:
            return self._log(utility, method, params, now, fault, "text/html", SERVER_ERROR)
        if self.latency:
            time.sleep(self.latency)
        status, kind, body = self._route(utility, params)
        return self._log(utility, method, params, now, status, kind, body)

    def _log(
        self, utility: str, method: str, params: dict[str, str], now: float, *answer: Any
    ) -> tuple[int, str, bytes]:
        status, kind, body = answer
        with self.state.lock:
            self.state.requests.append(LoggedRequest(utility, method, params, status, now))
        return status, kind, body

    def _route(self, utility: str, params: dict[str, str]) -> tuple[int, str, bytes]:
        with self.state.lock:
            articles = dict(self.state.articles)
            dropped = set(self.state.drop_lines)
        if utility == "esearch":
            return 200, "application/json", _esearch(articles, params)
        if utility == "esummary":
            return 200, "application/json", _esummary(articles, params)
        if utility == "efetch":
            ids = _ids(params)
            found = [articles[i] for i in ids if i in articles]
            return 200, "text/xml", _article_set(found)
        if utility == "ecitmatch":
            return 200, "text/plain", _ecitmatch(articles, params, dropped)
        return 404, "text/plain", b"Not found"


class _Handler(BaseHTTPRequestHandler):
    fake: FakeEutils
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self._handle("GET", parts.path, parse_qs(parts.query, keep_blank_values=True))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        parts = urlsplit(self.path)
        params = parse_qs(parts.query, keep_blank_values=True)
        params.update(parse_qs(body, keep_blank_values=True))
        self._handle("POST", parts.path, params)

    def _handle(self, method: str, path: str, query: dict[str, list[str]]) -> None:
        params = {k: v[-1] for k, v in query.items()}
        name = path.rsplit("/", 1)[-1].split(".")[0]
        try:
            status, kind, body = self.fake.answer(name, method, params)
        except Exception as exc:  # reported by the fixture
            self.fake.state.errors.append(exc)
            status, kind, body = 500, "text/html", SERVER_ERROR
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# --- the utilities ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _ids(params: dict[str, str]) -> list[str]:
    return [i.strip() for i in params.get("id", "").split(",") if i.strip()]


def _esearch(articles: dict[str, Article], params: dict[str, str]) -> bytes:
    term = params.get("term", "").strip()
    retmax = int(params.get("retmax") or 20)
    header = {"type": "esearch", "version": "0.3"}
    if not term:
        body = {
            "header": header,
            "esearchresult": {"ERROR": "Empty term and query_key - nothing todo"},
        }
        return json.dumps(body).encode()
    clauses = [c.strip(" ()") for c in re.split(r"\s+OR\s+", term)]
    hits = [a for a in articles.values() if any(_clause(a, c) for c in clauses)]
    hits.sort(key=lambda a: -int(a.pmid))
    ids = [a.pmid for a in hits[:retmax]]
    result = {
        "count": str(len(hits)),
        "retmax": str(len(ids)),
        "retstart": "0",
        "idlist": ids,
        "translationset": [],
        "querytranslation": term,
    }
    return json.dumps({"header": header, "esearchresult": result}).encode()


def _clause(article: Article, clause: str) -> bool:
    parts = [p for p in re.split(r"\s+AND\s+", clause) if p.strip()]
    return bool(parts) and all(_term(article, p) for p in parts)


def _term(article: Article, text: str) -> bool:
    match = _TERM.match(text.strip(" ()"))
    if match is None:
        words = fold(text).split()
        haystack = fold(
            " ".join([article.title, article.journal, article.abbrev, article.abstract])
        )
        return all(w in haystack.split() for w in words)
    value, tag = fold(match.group("value")), match.group("tag").lower()
    if tag == "doi":
        return bool(article.doi) and article.doi.lower() == match.group("value").strip().lower()
    if tag in ("pmid", "uid"):
        return article.pmid == value
    if tag in ("pmcid", "pmc"):
        return bool(article.pmcid) and fold(article.pmcid) == value
    if tag in ("ta", "journal", "jour"):
        return value in (fold(article.journal), fold(article.abbrev))
    if tag in ("dp", "pdat"):
        return str(article.year) == value
    if tag == "vi":
        return article.volume == value
    if tag == "pg":
        return _first_page(article) == value
    if tag in ("1au", "au"):
        names = [fold(f"{f} {i}") for f, i in article.authors]
        chosen = names[:1] if tag == "1au" else names
        return any(n == value or n.startswith(value + " ") or n.split()[0] == value for n in chosen)
    if tag == "ti":
        return all(w in fold(article.title).split() for w in value.split())
    return False


def _first_page(article: Article) -> str:
    return fold((article.pages or article.medline_pages).split("-")[0])


def _esummary(articles: dict[str, Article], params: dict[str, str]) -> bytes:
    ids = _ids(params)
    result: dict[str, Any] = {"uids": ids}
    for pmid in ids:
        article = articles.get(pmid)
        result[pmid] = (
            article.summary()
            if article is not None
            else {"uid": pmid, "error": "cannot get document summary"}
        )
    return json.dumps({"header": {"type": "esummary", "version": "0.3"}, "result": result}).encode()


def _article_set(found: list[Article]) -> bytes:
    head = (
        '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
        '1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n'
    )
    return (
        head + "<PubmedArticleSet>\n" + "".join(a.xml() for a in found) + "</PubmedArticleSet>\n"
    ).encode()


def _ecitmatch(articles: dict[str, Article], params: dict[str, str], dropped: set[str]) -> bytes:
    lines = []
    for raw in re.split(r"[\r\n]+", params.get("bdata", "")):
        fields = raw.split("|")
        if len(fields) < 6 or not raw.strip():
            continue
        journal, year, volume, page, author, key = (f.strip() for f in fields[:6])
        if key in dropped:
            continue
        lines.append("|".join([journal, year, volume, page, author, key, _cite(articles, fields)]))
    return ("\n".join(lines) + "\n").encode()


def _cite(articles: dict[str, Article], fields: list[str]) -> str:
    journal, _year, volume, page, author = (fold(f) for f in fields[:5])
    titled = [a for a in articles.values() if journal in (fold(a.journal), fold(a.abbrev))]
    if not titled:
        return "NOT_FOUND;INVALID_JOURNAL"
    hits = [a for a in titled if a.volume == volume and _first_page(a) == page]
    if len(hits) > 1 and author:
        by_author = [a for a in hits if a.authors and fold(a.authors[0][0]) == author.split()[0]]
        hits = by_author or hits
    if not hits:
        return "NOT_FOUND;"
    if len(hits) > 1:
        return "AMBIGUOUS " + ",".join(a.pmid for a in hits)
    return hits[0].pmid
