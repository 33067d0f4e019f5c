"""Shared fixtures: a Crossref-compatible server on loopback (see ``tests/fake_crossref``).

``crossref_server`` serves the fixture records with Crossref's 2026 limits enforced (public
5/s single, 1/s list, 1 in flight; polite, i.e. with a ``mailto``, 10/s, 3/s, 3 in flight)
and no latency. ``crossref_factory`` starts servers with other records, limits or latency.
Both stop their servers at teardown and fail the test if a server raised while answering.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import pytest

from tests.fake_crossref import (
    DEFAULT_LIMITS,
    EvalDataNotFoundError,
    FakeCrossref,
    RateLimits,
    eval_crossref_records,
    fixture_records,
)
from tests.fake_eutils import FakeEutils, fixture_articles

POLITE_MAILTO = "acurefs-tests@example.org"
"""A ``mailto`` that puts requests in the polite pool."""


class CrossrefFactory(Protocol):
    """Starts a :class:`FakeCrossref`; ``records=None`` means the fixture records."""

    def __call__(
        self,
        records: Iterable[Mapping[str, Any]] | None = None,
        *,
        limits: RateLimits = DEFAULT_LIMITS,
        enforce: bool = True,
        latency: float = 0.0,
    ) -> FakeCrossref: ...


def _stop(server: FakeCrossref) -> None:
    server.stop()
    if server.errors:
        pytest.fail(f"FakeCrossref raised while answering: {server.errors!r}")


@pytest.fixture(autouse=True)
def crossref_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Crossref as the only source unless a test says otherwise: the default sources include
    PubMed, whose real address the suite must never ask (tests of PubMed start
    :class:`tests.fake_eutils.FakeEutils` and set ``ACUREFS_SOURCES`` or pass ``pubmed=``)."""
    monkeypatch.setenv("ACUREFS_SOURCES", "crossref")


@pytest.fixture
def crossref_server() -> Iterator[FakeCrossref]:
    """The fixture records served with the default limits enforced and no latency."""
    server = FakeCrossref(fixture_records(), enforce=True).start()
    try:
        yield server
    finally:
        _stop(server)


@pytest.fixture
def crossref_factory() -> Iterator[CrossrefFactory]:
    """A function starting servers (stopped at teardown) with given records, limits, latency."""
    started: list[FakeCrossref] = []

    def start(
        records: Iterable[Mapping[str, Any]] | None = None,
        *,
        limits: RateLimits = DEFAULT_LIMITS,
        enforce: bool = True,
        latency: float = 0.0,
    ) -> FakeCrossref:
        server = FakeCrossref(
            fixture_records() if records is None else records,
            limits=limits,
            enforce=enforce,
            latency=latency,
        )
        started.append(server.start())
        return server

    try:
        yield start
    finally:
        for server in reversed(started):
            _stop(server)


@pytest.fixture(scope="session")
def crossref_eval_records() -> list[dict[str, Any]]:
    """Real Crossref records from ``$ACUREFS_SHARED`` (default ``../shared``), or a skip."""
    chosen = os.environ.get("ACUREFS_SHARED")
    shared = Path(chosen).expanduser() if chosen else Path(__file__).parents[2] / "shared"
    try:
        return eval_crossref_records(shared)
    except EvalDataNotFoundError as exc:
        pytest.skip(str(exc))


@pytest.fixture
def eutils_server() -> Iterator[FakeEutils]:
    """The loopback E-utilities with the fixture articles and NCBI's 3 a second enforced."""
    server = FakeEutils(fixture_articles()).start()
    try:
        yield server
    finally:
        server.stop()
        if server.errors:
            pytest.fail(f"FakeEutils raised while answering: {server.errors!r}")
