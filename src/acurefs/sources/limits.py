"""Keeping to Crossref's limits: request rates per route, concurrent requests, Retry-After.

Crossref announces its limits on every answer (``x-rate-limit-limit``,
``x-rate-limit-interval``, ``x-concurrency-limit``) and they differ by pool
(public, polite, Plus) and by route (single records vs lists). The limiter
starts from the pool's published values and resizes itself from the headers.
Starts are spaced evenly (with a small margin) rather than sent in bursts,
which keeps a sliding-window counter on the server side from ever tripping.

Crossref counts per client, not per ``Crossref`` object, so what one source learns
is shared in the process: :func:`shared_endpoint` keeps one :class:`Endpoint` (a
limiter and a pool of connections) per API address and pool, and every source for
that address and pool uses it, call after call.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar, cast

log = logging.getLogger(__name__)

SINGLE = "single"
LIST = "list"


@dataclass(frozen=True, slots=True)
class Limits:
    """Requests per ``interval`` seconds for single-record and list routes, and concurrent requests."""

    single: float
    list: float
    concurrency: int
    interval: float = 1.0

    def rate(self, route: str) -> float:
        return self.single if route == SINGLE else self.list


POLITE_LIMITS = Limits(single=10, list=3, concurrency=3)
"""Crossref's polite pool (a ``mailto`` is given), as published in 2026."""
PUBLIC_LIMITS = Limits(single=5, list=1, concurrency=1)
"""Crossref's public pool (no ``mailto``)."""

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}


def parse_interval(text: str) -> float | None:
    """``"1s"`` -> 1.0, ``"500ms"`` -> 0.5; None when unreadable."""
    match = _INTERVAL.match(text)
    if not match:
        return None
    value = float(match.group(1)) * _UNITS[match.group(2)]
    return value if value > 0 else None


class RateLimiter:
    """Spaces request starts per route and bounds requests in flight. Thread-safe.

    ``clock`` and ``sleep`` are injected so tests can run it on a fake timeline; without
    a ``sleep`` it waits in real time, and a wait given a ``stop`` event ends when it is set.
    """

    def __init__(
        self,
        limits: Limits = POLITE_LIMITS,
        *,
        margin: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.limits = limits
        self.margin = margin
        self._clock = clock
        self._sleep = sleep
        self._cond = threading.Condition()
        self._in_flight = 0
        self._next_start = {SINGLE: 0.0, LIST: 0.0}
        self._paused_until = 0.0

    def spacing(self, route: str) -> float:
        """Seconds between two request starts on ``route``."""
        rate = max(self.limits.rate(route), 0.001)
        return self.limits.interval / rate * (1.0 + self.margin)

    def acquire(self, route: str, *, stop: threading.Event | None = None) -> None:
        """Wait for a free concurrency slot and this route's next start time.

        A set ``stop`` cuts a real-time wait short (the caller then sends nothing).
        """
        with self._cond:
            while self._in_flight >= max(1, self.limits.concurrency):
                self._cond.wait()
            self._in_flight += 1
            now = self._clock()
            start = max(now, self._next_start[route], self._paused_until)
            self._next_start[route] = start + self.spacing(route)
        if start > now:
            self._wait(start - now, stop)

    def _wait(self, seconds: float, stop: threading.Event | None) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        elif stop is not None:
            stop.wait(seconds)
        else:
            time.sleep(seconds)

    def release(self) -> None:
        with self._cond:
            self._in_flight -= 1
            self._cond.notify()

    @contextmanager
    def slot(self, route: str, *, stop: threading.Event | None = None) -> Iterator[None]:
        self.acquire(route, stop=stop)
        try:
            yield
        finally:
            self.release()

    def pause(self, seconds: float) -> None:
        """Start nothing for ``seconds`` (a 429's Retry-After)."""
        with self._cond:
            self._paused_until = max(self._paused_until, self._clock() + seconds)

    def update(self, route: str, headers: Mapping[str, str]) -> None:
        """Resize from an answer's ``x-rate-limit-*`` and ``x-concurrency-limit`` headers."""
        limit = _number(headers.get("x-rate-limit-limit"))
        interval = parse_interval(headers.get("x-rate-limit-interval", "") or "")
        concurrency = _number(headers.get("x-concurrency-limit"))
        changes: dict[str, float | int] = {}
        if limit and limit > 0:
            changes[route] = limit
        if interval:
            changes["interval"] = interval
        if concurrency and concurrency >= 1:
            changes["concurrency"] = int(concurrency)
        if not changes:
            return
        with self._cond:
            updated = replace(self.limits, **changes)  # type: ignore[arg-type]
            if updated != self.limits:
                log.debug("Crossref limits now %s", updated)
                grew = updated.concurrency > self.limits.concurrency
                self.limits = updated
                if grew:
                    self._cond.notify_all()


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


# --- what sources of one endpoint share ---------------------------------------------------------

IDLE_CONNECTIONS = 5.0
"""Seconds an endpoint nobody uses keeps its connections (httpx's keep-alive expiry)."""


class _Closeable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=_Closeable)


class Endpoint:
    """What every source asking one API address from one pool shares: the rate limiter
    (sized from the answers' headers) and one pool of connections. Thread-safe.

    The connections are opened by the first request (:meth:`connection`), kept between
    sources, and closed by :meth:`close` or once the endpoint has been idle for
    :data:`IDLE_CONNECTIONS` seconds when another endpoint opens its own.
    """

    def __init__(self, limiter: RateLimiter, *, clock: Callable[[], float] = time.monotonic):
        self.limiter = limiter
        self._clock = clock
        self._lock = threading.Lock()
        self._pool: _Closeable | None = None
        self._active = 0
        self._last_used = clock()

    @contextmanager
    def connection(self, open_pool: Callable[[], C]) -> Iterator[C]:
        """The pool of connections (``open_pool()`` makes it when there is none) for one request."""
        with self._lock:
            opening = self._pool is None
        if opening:
            _close_idle(IDLE_CONNECTIONS, keep=self)
        with self._lock:
            if self._pool is None:
                self._pool = open_pool()
            self._active += 1
            pool = cast(C, self._pool)
        try:
            yield pool
        finally:
            with self._lock:
                self._active -= 1
                self._last_used = self._clock()

    def close(self, *, idle_for: float | None = None) -> None:
        """Close the connections; with ``idle_for``, only if none is in use and none has been
        for that many seconds. The limiter keeps what it learnt."""
        with self._lock:
            if self._pool is None:
                return
            if idle_for is not None and (
                self._active or self._clock() - self._last_used < idle_for
            ):
                return
            pool, self._pool = self._pool, None
        pool.close()


_ENDPOINTS: dict[tuple[str, str], Endpoint] = {}
_ENDPOINTS_LOCK = threading.Lock()


def shared_endpoint(url: str, pool: str, limits: Limits) -> Endpoint:
    """The process's endpoint for an API address and pool; ``limits`` start a new one."""
    with _ENDPOINTS_LOCK:
        endpoint = _ENDPOINTS.get((url, pool))
        if endpoint is None:
            endpoint = _ENDPOINTS[(url, pool)] = Endpoint(RateLimiter(limits))
        return endpoint


def close_endpoints() -> None:
    """Close every shared connection and forget every endpoint (and the limits it learnt)."""
    with _ENDPOINTS_LOCK:
        endpoints = list(_ENDPOINTS.values())
        _ENDPOINTS.clear()
    for endpoint in endpoints:
        endpoint.close()


def _close_idle(idle_for: float, *, keep: Endpoint) -> None:
    """Close the connections of the other endpoints idle that long: httpx would not reuse them."""
    with _ENDPOINTS_LOCK:
        others = [e for e in _ENDPOINTS.values() if e is not keep]
    for endpoint in others:
        endpoint.close(idle_for=idle_for)
