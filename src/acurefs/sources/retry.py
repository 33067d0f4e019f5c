"""Retrying failed requests: the backoff policy, ``Retry-After``, and checking addresses.

Shared by every source that talks HTTP: a retry waits exponentially longer (capped,
with jitter), and a longer ``Retry-After`` from the server wins.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from ..errors import ConfigError

DEFAULT_ATTEMPTS = 6
"""Requests sent for one answer before a source is called unreachable (one try, five retries)."""
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
"""HTTP statuses worth another try: over the rate limit, or the server failed."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff, capped, each wait drawn between half and all of it (jitter);
    a longer ``Retry-After`` wins."""

    attempts: int = DEFAULT_ATTEMPTS
    """Requests in all, the first one included."""
    base: float = 0.5
    cap: float = 30.0

    def delay(self, attempt: int, rand: Callable[[], float] = random.random) -> float:
        backoff: float = min(self.cap, self.base * (2.0**attempt))
        return backoff * (0.5 + 0.5 * rand())


DEFAULT_RETRY = RetryPolicy()
"""Six attempts, waits from half a second doubling to at most 30 seconds."""


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta seconds or an HTTP date); None if absent."""
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def check_url(url: str, what: str) -> None:
    """A :class:`ConfigError` for an address that cannot work (no scheme, no host, bad port)."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise ConfigError(f"Invalid {what}: {url!r} (expected http(s)://host[:port][/path])")
