"""Crossref's API pools and their limits, advertised in headers and optionally enforced.

A request belongs to the ``plus`` pool when it carries a ``Crossref-Plus-API-Token`` header,
to ``polite`` when it names a ``mailto`` (query parameter, or ``mailto:`` in the User-Agent),
otherwise to ``public``. Each pool has a rate for single-record routes (``/works/{doi}``), a
rate for list routes (``/works?...``) and a concurrency limit. The :class:`Limiter` admits a
request when the pool has a free concurrency slot and fewer than ``rate`` admitted requests
of that route class in the last second (sliding window); refused requests use no slot.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_PLUS",
    "DEFAULT_POLITE",
    "DEFAULT_PUBLIC",
    "Admission",
    "Limiter",
    "Pool",
    "PoolLimits",
    "RateLimits",
    "RouteClass",
    "pool_of",
]

Pool = Literal["public", "polite", "plus"]
RouteClass = Literal["single", "list"]

INTERVAL_SECONDS = 1
"""The window of every rate, as ``x-rate-limit-interval: 1s`` advertises."""


@dataclass(frozen=True, slots=True)
class PoolLimits:
    """One pool's limits: requests per second by route class, and requests in flight."""

    single: int
    list: int
    concurrency: int

    def rate(self, route: RouteClass) -> int:
        return self.single if route == "single" else self.list


DEFAULT_PUBLIC = PoolLimits(single=5, list=1, concurrency=1)
DEFAULT_POLITE = PoolLimits(single=10, list=3, concurrency=3)
DEFAULT_PLUS = PoolLimits(single=150, list=150, concurrency=50)


@dataclass(frozen=True, slots=True)
class RateLimits:
    """Limits of the three pools (defaults: Crossref's as announced for 2026)."""

    public: PoolLimits = DEFAULT_PUBLIC
    polite: PoolLimits = DEFAULT_POLITE
    plus: PoolLimits = DEFAULT_PLUS

    def of(self, pool: Pool) -> PoolLimits:
        limits: PoolLimits = getattr(self, pool)
        return limits


DEFAULT_LIMITS = RateLimits()


def pool_of(params: Mapping[str, Sequence[str]], headers: Mapping[str, str]) -> Pool:
    """The pool a request falls in; ``headers`` keys are lower case."""
    if headers.get("crossref-plus-api-token"):
        return "plus"
    if any(params.get("mailto", ())) or "mailto:" in headers.get("user-agent", "").lower():
        return "polite"
    return "public"


@dataclass(frozen=True, slots=True)
class Admission:
    """The limiter's decision; ``reason`` says which limit refused (``None``: admitted)."""

    admitted: bool
    reason: Literal["rate", "concurrency"] | None = None


class Limiter:
    """Sliding one-second windows per pool and route class, and in-flight counts per pool."""

    def __init__(
        self,
        limits: RateLimits,
        *,
        enforce: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = limits
        self.enforce = enforce
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[tuple[Pool, RouteClass], deque[float]] = {}
        self._in_flight: dict[Pool, int] = {}
        self._peak: dict[Pool, int] = {}
        self._refused = 0

    def admit(self, pool: Pool, route: RouteClass) -> Admission:
        """Take a slot for a request, unless enforcing and a limit is reached.

        An admitted request must be followed by :meth:`release`. Unenforced, every request is
        admitted, and windows and peaks are still tracked.
        """
        limits = self.limits.of(pool)
        now = self._clock()
        with self._lock:
            window = self._windows.setdefault((pool, route), deque())
            while window and window[0] <= now - INTERVAL_SECONDS:
                window.popleft()
            in_flight = self._in_flight.get(pool, 0)
            if self.enforce and in_flight >= limits.concurrency:
                self._refused += 1
                return Admission(False, "concurrency")
            if self.enforce and len(window) >= limits.rate(route):
                self._refused += 1
                return Admission(False, "rate")
            window.append(now)
            self._in_flight[pool] = in_flight + 1
            self._peak[pool] = max(self._peak.get(pool, 0), in_flight + 1)
            return Admission(True)

    def release(self, pool: Pool) -> None:
        """Give back the slot an admitted request took."""
        with self._lock:
            self._in_flight[pool] -= 1

    @property
    def refused(self) -> int:
        """Requests refused with 429 since the last :meth:`reset`."""
        with self._lock:
            return self._refused

    def peak(self, pool: Pool | None = None) -> int:
        """The most requests seen in flight at once (in ``pool``, or the most of any pool)."""
        with self._lock:
            if pool is not None:
                return self._peak.get(pool, 0)
            return max(self._peak.values(), default=0)

    def reset(self) -> None:
        """Forget windows, peaks and the refusal count (requests in flight stay counted)."""
        with self._lock:
            self._windows.clear()
            self._peak = dict(self._in_flight)
            self._refused = 0

    def headers(self, pool: Pool, route: RouteClass) -> dict[str, str]:
        """The headers every answer carries."""
        limits = self.limits.of(pool)
        return {
            "x-rate-limit-limit": str(limits.rate(route)),
            "x-rate-limit-interval": f"{INTERVAL_SECONDS}s",
            "x-concurrency-limit": str(limits.concurrency),
            "x-api-pool": pool,
        }
