"""What a run cost a metadata source: requests sent, answers from the cache, retries.

Shared by the Crossref and PubMed sources, whose worker threads count into one object:
every count is taken under a lock (``+=`` on an attribute is a read and a write, and two
threads could lose one).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class RunStats:
    """Requests sent per route (or utility), answers served from the cache, retries."""

    requests: dict[str, int]
    cache_hits: int = 0
    retries: int = 0
    rate_limited: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    def sent(self, route: str) -> None:
        """One request sent on ``route``."""
        with self._lock:
            self.requests[route] = self.requests.get(route, 0) + 1

    def count(self, name: str, n: int = 1) -> None:
        """``n`` more ``cache_hits``, ``retries`` or ``rate_limited``."""
        with self._lock:
            setattr(self, name, getattr(self, name) + n)
