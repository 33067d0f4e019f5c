"""Against the real Crossref API. Marked ``live``; run only with ``ACUREFS_LIVE=1``.

Set ``ACUREFS_MAILTO`` to use the polite pool. The cache is a temporary one, so
these tests really ask Crossref.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import acurefs
from acurefs import Cache, Crossref, Lock, Verdict

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        os.environ.get("ACUREFS_LIVE") != "1",
        reason="talks to api.crossref.org: set ACUREFS_LIVE=1 to run (Crossref is unreachable here)",
    ),
]


@pytest.fixture
def crossref(tmp_path: Path) -> Crossref:
    return Crossref.from_env(cache=Cache(tmp_path / "live.sqlite3"))


def test_a_known_doi(crossref: Crossref) -> None:
    work = crossref.work("10.1136/bmj.j1284")
    assert work is not None
    assert work.record is not None
    assert work.record.volume == "357"
    assert "complementary and integrative medicine" in (work.record.title or "").lower()


def test_an_unknown_doi(crossref: Crossref) -> None:
    work = crossref.work("10.1136/acurefs-does-not-exist-0000")
    assert work is not None
    assert work.record is None


def test_headers_size_the_limiter(crossref: Crossref) -> None:
    crossref.work("10.7326/M16-2367")
    assert crossref.limiter.limits.single > 0


def test_the_bundled_evidence_article(crossref: Crossref) -> None:
    corpus = acurefs.load_corpus()
    doc = corpus.document("acupuncture-pain-evidence.txt")
    assert doc is not None
    resolved = acurefs.resolve(doc, source=crossref, lock=Lock(()))
    chen = resolved.reference(1)
    assert chen is not None
    assert chen.resolution is not None
    assert chen.resolution.doi == "10.1136/bmj.j1284"
    assert chen.resolution.verdict in (Verdict.VERIFIED, Verdict.MISMATCH)
