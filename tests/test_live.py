"""Against the real Crossref API and NCBI's E-utilities. Marked ``live``; run only with
``ACUREFS_LIVE=1``.

Set ``ACUREFS_MAILTO`` to use the polite pool. The cache is a temporary one, so
these tests really ask Crossref and NCBI (``ACUREFS_NCBI_EMAIL``, ``ACUREFS_NCBI_API_KEY``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import acurefs
from acurefs import Cache, Crossref, Lock, PubMed, Verdict
from acurefs.sources.pubmed.citmatch import CitationQuery

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


# --- PubMed (NCBI E-utilities) -------------------------------------------------------------------

live_pubmed = pytest.mark.skipif(
    os.environ.get("ACUREFS_LIVE") != "1",
    reason="talks to eutils.ncbi.nlm.nih.gov: set ACUREFS_LIVE=1 to run (NCBI is unreachable here)",
)


@pytest.fixture
def pubmed(tmp_path: Path) -> PubMed:
    return PubMed.from_env(cache=Cache(tmp_path / "live-pubmed.sqlite3"))


@live_pubmed
def test_pubmed_finds_a_guideline_by_its_doi(pubmed: PubMed) -> None:
    record = pubmed.by_doi(["10.7326/M16-2367"])["10.7326/m16-2367"]
    assert record is not None
    assert record.pmid == "28192789"
    assert "Practice Guideline" in record.publication_types


@live_pubmed
def test_pubmed_ecitmatch_finds_a_work_without_doi(pubmed: PubMed) -> None:
    query = CitationQuery("Pain", "2006", "125", "98", "Witt CM", "witt")
    assert pubmed.citmatch([query])["witt"].pmids == ("16781068",)


@live_pubmed
def test_the_evidence_article_through_both_sources(crossref: Crossref, pubmed: PubMed) -> None:
    doc = acurefs.load_corpus().document("acupuncture-pain-evidence.txt")
    assert doc is not None
    resolved = acurefs.resolve(doc, source=crossref, pubmed=pubmed, lock=Lock(()))
    witt = resolved.reference(5)
    assert witt is not None
    assert witt.resolution is not None
    assert witt.resolution.pmid == "16781068"
