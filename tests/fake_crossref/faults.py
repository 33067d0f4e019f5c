"""Faults a :class:`~tests.fake_crossref.server.FakeCrossref` injects into its answers.

``server.faults`` is a :class:`Faults`; every method is thread-safe and takes effect at once::

    server.faults.latency = 0.05          # added to every answer (slept per request, in parallel)
    server.faults.always = 503            # every answer is a 503 until set back to None
    server.faults.fail_after(5, status=503)  # five more answers, then every one a 503 (goes down)
    server.faults.fail_next(2, status=500, route="list")  # the next two list answers are 500s
    server.faults.slow_next(seconds=3)    # the next answer comes after 3 s (past a client timeout)
    server.faults.malformed_next()        # 200, application/json, truncated JSON body
    server.faults.drop_next()             # connection closed with no answer at all
    server.faults.html_next()             # 200 with a text/html maintenance page
    server.faults.clear()                 # no faults, no latency

One-shot faults queue in order; a request takes the first queued fault whose ``route``
(``"single"``/``"list"``) and ``path_prefix`` (matched against the path without any ``/v1``
prefix, e.g. ``"/works/10.1136"``) fit it. Requests refused by the rate limiter take none.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

__all__ = ["Fault", "FaultKind", "Faults"]

FaultKind = Literal["status", "slow", "malformed", "drop", "html"]


@dataclass(frozen=True, slots=True)
class Fault:
    """One injected fault and which requests it may hit."""

    kind: FaultKind
    status: int = 503
    seconds: float = 0.0
    retry_after: int | None = None
    route: Literal["single", "list"] | None = None
    path_prefix: str | None = None

    def fits(self, route: str, path: str) -> bool:
        if self.route is not None and self.route != route:
            return False
        return self.path_prefix is None or path.startswith(self.path_prefix)


class Faults:
    """Run-time fault settings of one server (see the module docstring)."""

    def __init__(self, *, latency: float = 0.0) -> None:
        self._lock = threading.Lock()
        self._latency = latency
        self._always: int | None = None
        self._answers_left: int | None = None
        self._then: int = 503
        self._queue: list[Fault] = []

    @property
    def latency(self) -> float:
        """Seconds added to every answer, 429s included."""
        with self._lock:
            return self._latency

    @latency.setter
    def latency(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"latency must be >= 0, got {seconds!r}")
        with self._lock:
            self._latency = seconds

    @property
    def always(self) -> int | None:
        """A status every admitted request is answered with (``None``: off)."""
        with self._lock:
            return self._always

    @always.setter
    def always(self, status: int | None) -> None:
        with self._lock:
            self._always = status

    def fail_after(self, n: int, status: int = 503) -> None:
        """Answer the next ``n`` admitted requests as usual, then set :attr:`always` to ``status``:
        a server that goes down in the middle of a run."""
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n!r}")
        with self._lock:
            self._answers_left, self._then = n, status

    @property
    def pending(self) -> int:
        """One-shot faults not taken yet."""
        with self._lock:
            return len(self._queue)

    def fail_next(
        self,
        n: int = 1,
        status: int = 503,
        *,
        retry_after: int | None = None,
        route: Literal["single", "list"] | None = None,
        path_prefix: str | None = None,
    ) -> None:
        """Answer the next ``n`` fitting requests with ``status`` (429s get ``Retry-After``)."""
        self._push(n, Fault("status", status, 0.0, retry_after, route, path_prefix))

    def slow_next(
        self,
        n: int = 1,
        seconds: float = 5.0,
        *,
        route: Literal["single", "list"] | None = None,
        path_prefix: str | None = None,
    ) -> None:
        """Hold the next ``n`` fitting answers back for ``seconds``, then answer normally."""
        self._push(n, Fault("slow", 200, seconds, None, route, path_prefix))

    def malformed_next(
        self,
        n: int = 1,
        *,
        route: Literal["single", "list"] | None = None,
        path_prefix: str | None = None,
    ) -> None:
        """Answer the next ``n`` fitting requests 200 with broken JSON under a JSON type."""
        self._push(n, Fault("malformed", 200, 0.0, None, route, path_prefix))

    def drop_next(
        self,
        n: int = 1,
        *,
        route: Literal["single", "list"] | None = None,
        path_prefix: str | None = None,
    ) -> None:
        """Close the connection of the next ``n`` fitting requests without answering."""
        self._push(n, Fault("drop", 0, 0.0, None, route, path_prefix))

    def html_next(
        self,
        n: int = 1,
        *,
        route: Literal["single", "list"] | None = None,
        path_prefix: str | None = None,
    ) -> None:
        """Answer the next ``n`` fitting requests 200 with an HTML page (a captive portal, say)."""
        self._push(n, Fault("html", 200, 0.0, None, route, path_prefix))

    def clear(self) -> None:
        """Remove every fault and the latency."""
        with self._lock:
            self._queue.clear()
            self._always = None
            self._answers_left = None
            self._latency = 0.0

    def take(self, route: str, path: str) -> Fault | None:
        """The fault for a request: ``always`` first, else the first fitting one-shot fault."""
        with self._lock:
            if self._answers_left == 0:
                self._always, self._answers_left = self._then, None
            elif self._answers_left is not None:
                self._answers_left -= 1
            if self._always is not None:
                return Fault("status", self._always)
            for i, fault in enumerate(self._queue):
                if fault.fits(route, path):
                    return self._queue.pop(i)
        return None

    def _push(self, n: int, fault: Fault) -> None:
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n!r}")
        with self._lock:
            self._queue.extend([fault] * n)
