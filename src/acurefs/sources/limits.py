"""Keeping to Crossref's limits: request rates per route, concurrent requests, Retry-After.

Crossref announces its limits on every answer (``x-rate-limit-limit``,
``x-rate-limit-interval``, ``x-concurrency-limit``) and they differ by pool
(public, polite, Plus) and by route (single records vs lists). The limiter
starts from the pool's published values and resizes itself from the headers.
Starts are spaced evenly (with a small margin) rather than sent in bursts,
which keeps a sliding-window counter on the server side from ever tripping.
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

    ``clock`` and ``sleep`` are injected so tests can run it on a fake timeline.
    """

    def __init__(
        self,
        limits: Limits = POLITE_LIMITS,
        *,
        margin: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
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

    def acquire(self, route: str) -> None:
        """Wait for a free concurrency slot and this route's next start time."""
        with self._cond:
            while self._in_flight >= max(1, self.limits.concurrency):
                self._cond.wait()
            self._in_flight += 1
            now = self._clock()
            start = max(now, self._next_start[route], self._paused_until)
            self._next_start[route] = start + self.spacing(route)
        if start > now:
            self._sleep(start - now)

    def release(self) -> None:
        with self._cond:
            self._in_flight -= 1
            self._cond.notify()

    @contextmanager
    def slot(self, route: str) -> Iterator[None]:
        self.acquire(route)
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
