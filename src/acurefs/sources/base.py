"""What resolving asks of a metadata source, and the answers a source gives.

:class:`MetadataSource` is the one seam between resolving and the outside world:
works by DOI, a bibliographic search, and which agency registered a DOI.
``acurefs.Crossref`` implements it; so can a local index, a second source, or a
test's fake. Capabilities some sources add (re-fetching past a cache, an
offline view, notices since a date, request counts, a stop for its requests) are
optional protocols that resolving and the validation job use when a source has them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..models import Record, Update


@dataclass(frozen=True, slots=True)
class Work:
    """A source's answer about one DOI: its record, or None when the source does not know it."""

    doi: str
    record: Record | None
    url: str | None
    retrieved: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One search hit: the record and the source's (unnormalised) relevance score."""

    record: Record
    score: float


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    """The candidates a bibliographic search returned, and where and when it was asked."""

    query: str
    candidates: tuple[Candidate, ...]
    url: str | None
    retrieved: str | None


@runtime_checkable
class MetadataSource(Protocol):
    """What resolving needs from a source of work metadata (``acurefs.Crossref`` is one)."""

    name: str

    def works(self, dois: Iterable[str]) -> dict[str, Work]:
        """Records for these DOIs; DOIs that could not be checked are left out."""
        ...

    def search(self, query: str, *, rows: int = ...) -> SearchAnswer | None:
        """The best candidates for a reference string; None when it cannot be asked now."""
        ...

    def registration_agency(self, doi: str) -> str | None:
        """Which agency registered a DOI (``Crossref``, ``DataCite``...); None if none."""
        ...


@runtime_checkable
class RefreshableSource(Protocol):
    """A source with a cache: it can re-fetch works past the cache, and answer from it alone."""

    def refresh(self, dois: Iterable[str]) -> None:
        """Fetch these works again, whatever the cache holds."""
        ...

    def cached_only(self) -> MetadataSource:
        """The same source answering from its cache alone, never from the network."""
        ...


@runtime_checkable
class NoticeSource(Protocol):
    """A source that can list notices (retractions, corrections) created since a date."""

    def notices(self, dois: Iterable[str], *, since: str) -> dict[str, list[Update]]:
        """Notices created on or after ``since`` (``YYYY-MM-DD``) about these DOIs."""
        ...


@runtime_checkable
class DescribedSource(Protocol):
    """A source that can say what it is and what a run cost (for reports)."""

    def describe(self) -> Mapping[str, str]:
        """``name``, ``url`` and, where it applies, ``pool``."""
        ...

    def usage(self) -> tuple[Mapping[str, int], int]:
        """Requests sent per route so far, and answers served from the cache."""
        ...

    @property
    def offline(self) -> bool:
        """Whether the source never touches the network."""
        ...


@runtime_checkable
class StoppableSource(Protocol):
    """A source whose requests a run can stop from another thread (it ended, or lost the source)."""

    def with_stop(self, stop: threading.Event) -> MetadataSource:
        """The same source sending nothing once ``stop`` is set: what would be sent then
        raises :class:`~acurefs.errors.SourceUnavailableError` instead."""
        ...


@runtime_checkable
class ConcurrentSource(Protocol):
    """A source that takes several requests at once."""

    @property
    def concurrency(self) -> int:
        """How many requests may be in flight together (it may change as answers come)."""
        ...


def concurrency(source: object) -> int:
    """How many searches to run at once against ``source``: its own figure, else one."""
    if isinstance(source, ConcurrentSource):
        return max(1, int(source.concurrency))
    return 1
