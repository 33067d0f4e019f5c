"""A Crossref-compatible REST API on loopback, for tests and benchmarks that cannot reach Crossref.

Routes (each also under ``/v1``)::

    GET|HEAD /works/{doi}   200 {"status":"ok","message-type":"work",...}; unknown DOI: 404,
                            text/plain "Resource not found."; DOI URL-encoded or not, any case
    GET|HEAD /works?...     200 {"status":"ok","message-type":"work-list",...}: query,
                            query.bibliographic|title|author|container-title (BM25), filter,
                            rows, offset, select, sort, order, cursor, sample, facet, mailto;
                            refused parameters: 400 validation-failure (JSON)

Every answer carries ``x-rate-limit-limit``, ``x-rate-limit-interval``, ``x-concurrency-limit``
and ``x-api-pool`` (see :mod:`.limits`); with ``enforce=True`` a request over its pool's
limits gets 429, ``Retry-After: 1`` and Crossref's HTML "Too Many Requests" page.

Usage::

    with FakeCrossref(fixture_records(), enforce=True) as server:
        requests.get(f"{server.url}/works/10.1136/bmj.j1284", params={"mailto": "a@b.org"})
        server.faults.fail_next(status=503)                  # faults: see .faults.Faults
        server.retract("10.1136/bmj.j1284", date="2025-06-01")   # records change at run time
        assert server.count(route="single") == 1             # the request log

Records API: ``add``, ``replace``, ``update(doi, **fields)`` (``is_referenced_by_count=3``
sets ``is-referenced-by-count``; ``None`` removes a field), ``remove``, ``get``, ``records``,
``add_notice``, ``retract``. Log API: ``requests`` (a list of :class:`LoggedRequest`),
``count(route=, status=, pool=)``, ``reset_log()``, ``rate_limited``, ``peak_in_flight()``,
``errors`` (exceptions the server raised while answering; answered as 500).
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import socket
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal
from urllib.parse import parse_qs, unquote

from .faults import Fault, Faults
from .limits import DEFAULT_LIMITS, Limiter, Pool, RateLimits, RouteClass, pool_of
from .query import InvalidQueryError, ValidationIssue, parse_list_query
from .records import DateLike, doi_key, notice
from .store import WorkStore, decode_cursor, encode_cursor

__all__ = ["FakeCrossref", "LoggedRequest", "Route"]

logger = logging.getLogger(__name__)

Route = Literal["single", "list", "other"]

NOT_FOUND = b"Resource not found."
TOO_MANY = (
    b"<html><body><h1>429 Too Many Requests</h1>\n"
    b"You have sent too many requests in a given amount of time.\n</body></html>\n"
)
MAINTENANCE = (
    b"<!DOCTYPE html>\n<html><head><title>Crossref</title></head><body>\n"
    b"<h1>We'll be back soon</h1><p>The REST API is down for maintenance.</p>\n</body></html>\n"
)
MALFORMED = b'{"status":"ok","message-type":"work","message-version":"1.0.0","message":{"DOI":"10.'
JSON = "application/json"


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One request the server received and what it answered."""

    method: str
    path: str
    """The path as sent, without the query string."""
    route: Route
    params: Mapping[str, tuple[str, ...]]
    headers: Mapping[str, str]
    """Request headers, keys in lower case."""
    pool: Pool
    status: int
    """The status answered; 0 when the connection was dropped without an answer."""
    started: float
    ended: float
    """``time.monotonic()`` on arrival and when the answer was ready to go out."""
    doi: str | None = None
    fault: str | None = None
    """The kind of injected fault that shaped the answer, if any."""
    client_port: int | None = None
    """The client's port: requests over one kept-alive connection share it."""

    @property
    def duration(self) -> float:
        return self.ended - self.started


class _Handler(BaseHTTPRequestHandler):
    """Hands each request to the :class:`FakeCrossref` that owns the server."""

    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "FakeCrossref/1.0"
    disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms delayed-ACK stall
    sys_version = ""
    timeout = 60  # idle keep-alive connections close on their own

    def version_string(self) -> str:
        return self.server_version

    def handle(self) -> None:
        try:
            super().handle()
        except OSError as exc:  # client went away (broken pipe, reset) or server stopping
            logger.debug("connection ended: %r", exc)

    def do_GET(self) -> None:
        self.server.app._respond(self, head=False)

    def do_HEAD(self) -> None:
        self.server.app._respond(self, head=True)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)


class _HTTPServer(ThreadingHTTPServer):
    """A threading server that can close its open connections and join its threads on stop."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], app: FakeCrossref) -> None:
        self.app = app
        self._connections_lock = threading.Lock()
        self._connections: dict[threading.Thread, socket.socket] = {}
        super().__init__(address, _Handler)

    def process_request(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        assert isinstance(request, socket.socket)
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"fake-crossref-connection-{client_address[1]}",
            daemon=True,
        )
        with self._connections_lock:
            self._connections[thread] = request
        thread.start()

    def _serve_connection(self, request: socket.socket, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            with self._connections_lock:
                self._connections.pop(threading.current_thread(), None)

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            logger.debug("connection from %s ended: %r", client_address, error)
        elif error is not None:
            self.app._record_error(error)

    def close_connections(self, timeout: float) -> None:
        """Shut every open connection (waking idle keep-alive readers) and join the threads."""
        with self._connections_lock:
            open_now = list(self._connections.items())
        for _, connection in open_now:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for thread, _ in open_now:
            thread.join(max(0.0, deadline - time.monotonic()))


def _route_of(path: str) -> tuple[Route, str | None]:
    if path in ("/works", "/works/"):
        return "list", None
    if path.startswith("/works/"):
        return "single", unquote(path[len("/works/") :])
    return "other", None


def _today() -> date:
    """Today in UTC (the default date of notices)."""
    return datetime.now(timezone.utc).date()


@dataclass(slots=True)
class _Exchange:
    """One request while it is answered."""

    handler: _Handler
    head: bool
    started: float
    raw_path: str
    path: str
    """The path without any ``/v1`` prefix."""
    params: dict[str, list[str]]
    headers: dict[str, str]
    route: Route
    doi: str | None
    pool: Pool
    admitted: bool = False
    fault: str | None = None
    finished: bool = False

    @property
    def route_class(self) -> RouteClass:
        return "list" if self.route == "list" else "single"


def _field_name(name: str) -> str:
    """``is_referenced_by_count`` -> ``is-referenced-by-count`` (keyword arguments to fields)."""
    return name.replace("_", "-")


class FakeCrossref:
    """A Crossref-compatible server on ``127.0.0.1`` with an ephemeral port.

    Nothing is bound until :meth:`start` (or ``with``). ``enforce`` makes the rate and
    concurrency limits refuse requests with 429; the headers are sent either way.
    """

    def __init__(
        self,
        records: Iterable[Mapping[str, Any]] = (),
        *,
        limits: RateLimits = DEFAULT_LIMITS,
        enforce: bool = False,
        latency: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.store = WorkStore(records)
        self.faults = Faults(latency=latency)
        self.limiter = Limiter(limits, enforce=enforce)
        self._address = (host, port)
        self._server: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._log_lock = threading.Lock()
        self._log: list[LoggedRequest] = []
        self._errors: list[BaseException] = []

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> FakeCrossref:
        """Bind and serve in a background thread; returns ``self``."""
        if self._server is not None:
            raise RuntimeError("FakeCrossref is already running")
        self._stopping.clear()
        self._server = _HTTPServer(self._address, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name=f"fake-crossref-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving, close open connections and join every thread; idempotent."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._stopping.set()  # wakes requests sleeping on latency or slow faults
        server.shutdown()
        thread.join(timeout)
        server.close_connections(timeout)
        server.server_close()
        self._server = self._thread = None

    def __enter__(self) -> FakeCrossref:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeCrossref is not running; call start()")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:54321`` (no trailing slash)."""
        return f"http://{self._address[0]}:{self.port}"

    def __repr__(self) -> str:
        where = self.url if self.running else "stopped"
        return f"<FakeCrossref {where} records={len(self.store)}>"

    # -- limits --------------------------------------------------------------------------

    @property
    def limits(self) -> RateLimits:
        return self.limiter.limits

    @limits.setter
    def limits(self, limits: RateLimits) -> None:
        self.limiter.limits = limits

    @property
    def enforce(self) -> bool:
        return self.limiter.enforce

    @enforce.setter
    def enforce(self, enforce: bool) -> None:
        self.limiter.enforce = enforce

    # -- records -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.store)

    def __contains__(self, doi: object) -> bool:
        return doi in self.store

    def add(self, record: Mapping[str, Any]) -> None:
        """Add a record; its DOI must be new (``ValueError`` otherwise)."""
        self.store.add(record)

    def replace(self, record: Mapping[str, Any]) -> None:
        """Store ``record`` in place of the one with the same DOI (adds it if absent)."""
        self.store.replace(record)

    def update(
        self, doi: str, changes: Mapping[str, Any] | None = None, /, **fields: Any
    ) -> dict[str, Any]:
        """Change fields of a record; returns a copy of the new record.

        ``changes`` uses Crossref's names as they are; keyword names have ``_`` read as ``-``.
        A ``None`` value removes the field.
        """
        merged = dict(changes or {})
        merged.update({_field_name(k): v for k, v in fields.items()})
        return self.store.update(doi, merged)

    def remove(self, doi: str) -> dict[str, Any]:
        """Remove the record for ``doi`` (``KeyError`` if absent) and return it."""
        return self.store.remove(doi)

    def get(self, doi: str) -> dict[str, Any] | None:
        """A copy of the record for ``doi``, or ``None``."""
        record = self.store.get(doi)
        return None if record is None else copy.deepcopy(record)

    def records(self) -> list[dict[str, Any]]:
        """Copies of every record."""
        return self.store.records()

    def add_notice(self, record: Mapping[str, Any], *, source: str | None = None) -> None:
        """Add a notice (a work with ``update-to``) and the ``updated-by`` side on its targets."""
        self.store.add_notice(record, source=source)

    def retract(
        self,
        doi: str,
        *,
        notice_doi: str | None = None,
        date: DateLike | None = None,
        source: str = "publisher",
        type: str = "retraction",
        label: str | None = None,
        title: str | None = None,
    ) -> dict[str, Any]:
        """Publish a notice of ``type`` about ``doi``: both the notice and ``updated-by``.

        The notice is dated ``date`` (default: today); its DOI defaults to
        ``10.5555/<type>.<doi with / as .>``. Its ``update-to`` entry says ``source: publisher``;
        the work's ``updated-by`` entry carries ``source`` (``publisher`` or
        ``retraction-watch``) and its ``indexed`` date becomes now (``deposited`` stays).
        Returns a copy of the notice.
        """
        target = self.store.get(doi)
        if target is None:
            raise KeyError(f"no record for DOI {doi!r}")
        when: DateLike = date if date is not None else _today()
        suffix = doi_key(doi).replace("/", ".")
        record = notice(
            doi=notice_doi or f"10.5555/{type}.{suffix}",
            target=target,
            type=type,
            date=when,
            title=title,
            label=label,
        )
        self.store.add_notice(record, source=source)
        return copy.deepcopy(record)

    # -- request log ---------------------------------------------------------------------

    @property
    def requests(self) -> list[LoggedRequest]:
        """Every request answered (or dropped) since the last :meth:`reset_log`, in order."""
        with self._log_lock:
            return list(self._log)

    def count(
        self,
        route: Route | None = None,
        *,
        status: int | None = None,
        pool: Pool | None = None,
    ) -> int:
        """How many logged requests match every criterion given."""
        return sum(
            1
            for r in self.requests
            if (route is None or r.route == route)
            and (status is None or r.status == status)
            and (pool is None or r.pool == pool)
        )

    def reset_log(self) -> None:
        """Forget logged requests, errors, 429 counts, peaks and rate windows."""
        with self._log_lock:
            self._log.clear()
            self._errors.clear()
        self.limiter.reset()

    @property
    def rate_limited(self) -> int:
        """Requests refused with 429 by the limiter (injected 429s not included)."""
        return self.limiter.refused

    def peak_in_flight(self, pool: Pool | None = None) -> int:
        """The most admitted requests in flight at once (in ``pool``, or in any one pool)."""
        return self.limiter.peak(pool)

    @property
    def errors(self) -> list[BaseException]:
        """Exceptions raised while answering (each answered 500): a server bug if non-empty."""
        with self._log_lock:
            return list(self._errors)

    def _record_error(self, error: BaseException) -> None:
        logger.error("FakeCrossref failed to answer", exc_info=error)
        with self._log_lock:
            self._errors.append(error)

    # -- answering -----------------------------------------------------------------------

    def _respond(self, handler: _Handler, *, head: bool) -> None:
        raw_path, _, query_string = handler.path.partition("?")
        params = parse_qs(query_string, keep_blank_values=True)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        path = raw_path[3:] if raw_path == "/v1" or raw_path.startswith("/v1/") else raw_path
        route, doi = _route_of(path)
        exchange = _Exchange(
            handler=handler,
            head=head,
            started=time.monotonic(),
            raw_path=raw_path,
            path=path,
            params=params,
            headers=headers,
            route=route,
            doi=doi,
            pool=pool_of(params, headers),
        )
        try:
            exchange.admitted = self.limiter.admit(exchange.pool, exchange.route_class).admitted
            self._sleep(self.faults.latency)
            if not exchange.admitted:
                self._send(exchange, 429, TOO_MANY, "text/html", extra={"Retry-After": "1"})
                return
            fault = self.faults.take(route, path)
            if fault is not None:
                exchange.fault = fault.kind
                if self._inject(exchange, fault):
                    return
            self._answer(exchange)
        finally:
            self._finish(exchange, 0)  # no-op once an answer went out; 0: none did

    def _finish(self, exchange: _Exchange, status: int) -> None:
        """Release the slot and log the request, once, before the answer leaves.

        Doing both before the first byte is written means a client that has its answer
        always finds the request logged and its concurrency slot free.
        """
        if exchange.finished:
            return
        exchange.finished = True
        if exchange.admitted:
            self.limiter.release(exchange.pool)
        entry = LoggedRequest(
            method=exchange.handler.command,
            path=exchange.raw_path,
            route=exchange.route,
            params={k: tuple(v) for k, v in exchange.params.items()},
            headers=exchange.headers,
            pool=exchange.pool,
            status=status,
            started=exchange.started,
            ended=time.monotonic(),
            doi=exchange.doi,
            fault=exchange.fault,
            client_port=int(exchange.handler.client_address[1]),
        )
        with self._log_lock:
            self._log.append(entry)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)

    def _inject(self, exchange: _Exchange, fault: Fault) -> bool:
        """Carry out ``fault``; ``True`` when it replaced the answer."""
        if fault.kind == "slow":
            self._sleep(fault.seconds)
            return False
        if fault.kind == "drop":
            exchange.handler.close_connection = True
        elif fault.kind == "malformed":
            self._send(exchange, 200, MALFORMED, JSON)
        elif fault.kind == "html":
            self._send(exchange, 200, MAINTENANCE, "text/html")
        else:
            extra = {}
            if fault.retry_after is not None or fault.status == 429:
                extra["Retry-After"] = str(fault.retry_after or 1)
            body, kind = self._error_page(fault.status)
            self._send(exchange, fault.status, body, kind, extra=extra)
        return True

    @staticmethod
    def _error_page(status: int) -> tuple[bytes, str]:
        if status == 429:
            return TOO_MANY, "text/html"
        reason = BaseHTTPRequestHandler.responses.get(status, ("Error",))[0]
        if status in (502, 503, 504):
            page = f"<html><body><h1>{status} {reason}</h1>\nNo server is available to handle"
            return f"{page} this request.\n</body></html>\n".encode(), "text/html"
        return reason.encode(), "text/plain"

    def _answer(self, exchange: _Exchange) -> None:
        try:
            status, body, kind = self._build(exchange.route, exchange.doi, exchange.params)
        except Exception as error:
            self._record_error(error)
            status, body, kind = 500, b"Internal Server Error", "text/plain"
        self._send(exchange, status, body, kind)

    def _build(
        self, route: Route, doi: str | None, params: Mapping[str, list[str]]
    ) -> tuple[int, bytes, str]:
        if route == "single" and doi:
            if "select" in params:
                issue = ValidationIssue(
                    "parameter-not-allowed", "select", "This route does not support select"
                )
                return self._validation_failure([issue])
            record = self.store.get(doi)
            if record is None:
                return 404, NOT_FOUND, "text/plain"
            return 200, self._envelope("work", record), JSON
        if route == "list":
            return self._list(params)
        return 404, NOT_FOUND, "text/plain"

    def _list(self, params: Mapping[str, list[str]]) -> tuple[int, bytes, str]:
        try:
            query = parse_list_query(params)
        except InvalidQueryError as failure:
            return self._validation_failure(failure.issues)
        start = query.offset
        if query.cursor is not None:
            resumed = decode_cursor(query.cursor)
            if resumed is None:
                issue = ValidationIssue("cursor-not-valid", query.cursor, "Cursor is not valid")
                return self._validation_failure([issue])
            start = resumed
        result = self.store.run(query, offset=start)
        message: dict[str, Any] = {"facets": {}}
        if query.cursor is not None:
            message["next-cursor"] = encode_cursor(start + len(result.items))
        message["total-results"] = result.total
        message["items"] = result.items
        message["items-per-page"] = query.sample if query.sample is not None else query.rows
        message["query"] = {"start-index": start, "search-terms": query.search_terms}
        return 200, self._envelope("work-list", message), JSON

    @staticmethod
    def _envelope(kind: str, message: Mapping[str, Any]) -> bytes:
        envelope = {
            "status": "ok",
            "message-type": kind,
            "message-version": "1.0.0",
            "message": message,
        }
        return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @staticmethod
    def _validation_failure(issues: Iterable[ValidationIssue]) -> tuple[int, bytes, str]:
        body = {
            "status": "failed",
            "message-type": "validation-failure",
            "message": [issue.as_json() for issue in issues],
        }
        return 400, json.dumps(body, separators=(",", ":")).encode("utf-8"), JSON

    def _send(
        self,
        exchange: _Exchange,
        status: int,
        body: bytes,
        content_type: str,
        *,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        self._finish(exchange, status)
        handler = exchange.handler
        handler.send_response(status)
        for name, value in self.limiter.headers(exchange.pool, exchange.route_class).items():
            handler.send_header(name, value)
        for name, value in (extra or {}).items():
            handler.send_header(name, value)
        handler.send_header("Access-Control-Allow-Origin", "*")
        handler.send_header("Access-Control-Allow-Headers", "X-Requested-With")
        handler.send_header("Vary", "Accept")
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if not exchange.head:
            handler.wfile.write(body)
