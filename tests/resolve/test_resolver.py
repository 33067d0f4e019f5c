"""acurefs.resolve: every reference gets a resolution, against the loopback Crossref server."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

import acurefs
from acurefs import Cache, Crossref, Lock, Verdict
from tests.fake_crossref import FakeCrossref
from tests.fake_crossref.fixtures import (
    CONCERN_NOTICE_DOI,
    CORRECTED_DOI,
    RETRACTED_DOI,
    RETRACTION_NOTICE_DOI,
    UNDER_CONCERN_DOI,
)

MAILTO = "tests@example.org"


class DoiOrg(httpx2.BaseTransport):
    """A stand-in for doi.org's registration-agency answers; other hosts go to the network."""

    def __init__(self, agencies: dict[str, str]) -> None:
        self.agencies = agencies
        self.asked: list[str] = []
        self.inner = httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.host != "doi.org":
            return self.inner.handle_request(request)
        doi = str(request.url).split("/ra/", 1)[1].lower()
        self.asked.append(doi)
        agency = self.agencies.get(doi)
        body = (
            [{"DOI": doi, "RA": agency}]
            if agency
            else [{"DOI": doi, "status": "DOI does not exist"}]
        )
        return httpx2.Response(
            200,
            headers={"Content-Type": "application/json"},
            content=json.dumps(body).encode(),
            request=request,
        )

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def doi_org() -> DoiOrg:
    return DoiOrg({"10.5061/dryad.example": "DataCite"})


@pytest.fixture
def source_for(tmp_path: Path, doi_org: DoiOrg) -> Iterator[Callable[[FakeCrossref], Crossref]]:
    sources: list[Crossref] = []

    def make(server: FakeCrossref, **kwargs: Any) -> Crossref:
        source = Crossref(
            base_url=server.url,
            mailto=MAILTO,
            cache=Cache(tmp_path / f"cache{len(sources)}.sqlite3"),
            transport=doi_org,
            **kwargs,
        )
        sources.append(source)
        return source

    yield make
    for source in sources:
        source.close()


def resolve_text(text: str, source: Crossref) -> acurefs.Reference:
    (ref,) = acurefs.resolve([acurefs.parse_reference(text)], source=source, lock=Lock(()))
    return ref


def test_bundled_corpus_against_the_fixtures(
    crossref_server: FakeCrossref, source_for: Any
) -> None:
    corpus = acurefs.resolve(
        acurefs.load_corpus(), source=source_for(crossref_server), lock=Lock(())
    )
    assert isinstance(corpus, acurefs.Corpus)
    doc = corpus.document("acupuncture-pain-evidence.txt")
    assert doc is not None
    verdicts = {r.number: r.resolution.verdict for r in doc.references if r.resolution}
    assert verdicts == {
        1: Verdict.VERIFIED,
        2: Verdict.VERIFIED,
        3: Verdict.VERIFIED,
        4: Verdict.VERIFIED,
        5: Verdict.UNRESOLVED,
        6: Verdict.VERIFIED,
        7: Verdict.VERIFIED,
        8: Verdict.MISMATCH,
    }
    kim = doc.reference(8)
    assert kim is not None
    assert kim.resolution is not None
    missing = [f for f in kim.resolution.findings if f.code == "pages-missing"]
    assert missing
    assert missing[0].found == "e3635"
    assert kim.resolution.provenance is not None
    assert kim.resolution.provenance.source == "crossref"
    assert kim.resolution.provenance.url
    assert kim.resolution.provenance.url.startswith(crossref_server.url)
    # claims reach the resolved references
    (claim,) = [c for c in doc.claims if 8 in c.numbers][:1]
    assert claim.references[0].resolution is not None
    # no reference of the corpus is left without a resolution
    assert all(r.resolution is not None for r in corpus.references)


def test_a_document_stays_a_document(crossref_server: FakeCrossref, source_for: Any) -> None:
    doc = acurefs.parse_document(
        "A claim.1\n\n1. Chen L, Michalsen A. Management of chronic pain. BMJ. 2017;357:j1284."
    )
    out = acurefs.resolve(doc, source=source_for(crossref_server), lock=Lock(()))
    assert isinstance(out, acurefs.Document)
    assert out.claims[0].references[0].resolution is not None
    assert out.references[0].resolution is not None
    assert out.references[0].resolution.doi == "10.1136/bmj.j1284"


def test_printed_doi_is_checked(crossref_server: FakeCrossref, source_for: Any) -> None:
    ref = resolve_text(
        "Yuan J, Purepong N. Effectiveness of acupuncture for low back pain: a systematic review. "
        "Spine. 2008;33(23):E887-E900. doi:10.1097/BRS.0b013e318186b276",
        source_for(crossref_server),
    )
    assert ref.resolution is not None
    assert ref.resolution.verdict is Verdict.VERIFIED
    assert "doi-missing" not in {f.code for f in ref.resolution.findings}
    # one DOI goes to the single-record route (its budget is larger than the list route's)
    assert crossref_server.count() == 1
    assert crossref_server.requests[0].route == "single"


def test_a_doi_of_another_work_is_a_finding(crossref_server: FakeCrossref, source_for: Any) -> None:
    ref = resolve_text(
        "Yuan J, Purepong N. Effectiveness of acupuncture for low back pain: a systematic review. "
        "Spine. 2008;33(23):E887-E900. doi:10.1136/bmj.j1284",
        source_for(crossref_server),
    )
    assert ref.resolution is not None
    codes = {f.code: f for f in ref.resolution.findings}
    assert codes["doi-mismatch"].severity is acurefs.Severity.ERROR
    assert ref.resolution.doi == "10.1097/brs.0b013e318186b276"
    assert ref.resolution.verdict is Verdict.MISMATCH


def test_a_doi_nobody_knows(
    crossref_server: FakeCrossref, source_for: Any, doi_org: DoiOrg
) -> None:
    ref = resolve_text(
        "Nobody N. A fabricated paper about needles. J Imag. 2020;1:1-2. doi:10.5555/fabricated",
        source_for(crossref_server),
    )
    assert ref.resolution is not None
    (finding,) = [f for f in ref.resolution.findings if f.code == "doi-not-found"]
    assert finding.severity is acurefs.Severity.ERROR
    assert ref.resolution.verdict is Verdict.UNRESOLVED
    assert doi_org.asked == ["10.5555/fabricated"]


def test_a_datacite_doi_is_not_checked(crossref_server: FakeCrossref, source_for: Any) -> None:
    ref = resolve_text(
        "Smith J. Data for a trial. Dryad. 2020. doi:10.5061/dryad.example",
        source_for(crossref_server),
    )
    assert ref.resolution is not None
    assert ref.resolution.verdict is Verdict.NOT_CHECKED
    assert "DataCite" in (ref.resolution.reason or "")


def test_web_pages_are_not_forced_onto_papers(
    crossref_server: FakeCrossref, source_for: Any
) -> None:
    ref = resolve_text(
        "[Acupuncture: How It Works](https://my.clevelandclinic.org/health/treatments/acupuncture)",
        source_for(crossref_server),
    )
    assert ref.resolution is not None
    assert ref.resolution.verdict is Verdict.NON_SCHOLARLY
    assert crossref_server.count() == 0


@pytest.mark.parametrize(
    ("doi", "code", "notice"),
    [
        pytest.param(
            RETRACTED_DOI, "retracted", RETRACTION_NOTICE_DOI, id="retracted-retraction-watch"
        ),
        pytest.param(CORRECTED_DOI, "corrected", None, id="corrected"),
        pytest.param(UNDER_CONCERN_DOI, "expression-of-concern", CONCERN_NOTICE_DOI, id="concern"),
    ],
)
def test_notices_about_the_cited_work(
    crossref_server: FakeCrossref, source_for: Any, doi: str, code: str, notice: str | None
) -> None:
    ref = resolve_text(f"doi:{doi}", source_for(crossref_server))
    assert ref.resolution is not None
    found = [f for f in ref.resolution.findings if f.code == code]
    assert found, [f.code for f in ref.resolution.findings]
    if notice:
        assert found[0].detail["notice_doi"] == notice


def test_retraction_source_is_reported(crossref_server: FakeCrossref, source_for: Any) -> None:
    ref = resolve_text(f"doi:{RETRACTED_DOI}", source_for(crossref_server))
    assert ref.resolution is not None
    (finding,) = [f for f in ref.resolution.findings if f.code == "retracted"]
    assert finding.detail["source"] == "retraction-watch"
    assert finding.severity is acurefs.Severity.ERROR


def test_printed_dois_are_batched(crossref_server: FakeCrossref, source_for: Any) -> None:
    refs = [
        acurefs.parse_reference(f"doi:{doi}")
        for doi in ("10.1136/bmj.j1284", "10.7326/m16-2367", "10.1097/brs.0b013e318186b276")
    ]
    out = acurefs.resolve(refs, source=source_for(crossref_server), lock=Lock(()))
    assert [r.resolution.verdict for r in out if r.resolution] == [Verdict.VERIFIED] * 3
    (request,) = crossref_server.requests
    assert request.route == "list"
    assert "filter" in request.params


def test_same_reference_twice_is_asked_once(crossref_server: FakeCrossref, source_for: Any) -> None:
    text = "Witt CM, Jena S. Acupuncture for patients with chronic neck pain. Pain. 2006;125(1-2):98-106."
    refs = acurefs.resolve(
        [acurefs.parse_reference(text)] * 3, source=source_for(crossref_server), lock=Lock(())
    )
    assert crossref_server.count() == 1
    assert len({r.resolution.verdict for r in refs if r.resolution}) == 1


def test_offline_without_cache_or_lock_is_not_checked(tmp_path: Path) -> None:
    source = Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3"))
    ref = acurefs.parse_reference("Chen L, Michalsen A. Management. BMJ. 2017;357:j1284.")
    (out,) = acurefs.resolve([ref], source=source, offline=True, lock=Lock(()))
    assert out.resolution is not None
    assert out.resolution.verdict is Verdict.NOT_CHECKED


def test_offline_falls_back_to_the_bundled_lock(tmp_path: Path) -> None:
    source = Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3"))
    corpus = acurefs.resolve(acurefs.load_corpus(), source=source, offline=True)
    verdicts = {r.resolution.verdict for r in corpus.references if r.resolution}
    assert Verdict.NOT_CHECKED not in verdicts
    assert Verdict.VERIFIED in verdicts


def test_cached_rerun_asks_nothing(crossref_server: FakeCrossref, source_for: Any) -> None:
    first = source_for(crossref_server)
    corpus = acurefs.load_corpus()
    acurefs.resolve(corpus, source=first, lock=Lock(()))
    crossref_server.reset_log()
    again = Crossref(base_url=crossref_server.url, mailto=MAILTO, cache=first.cache)
    out = acurefs.resolve(corpus, source=again, lock=Lock(()))
    assert crossref_server.count() == 0
    assert again.stats.cache_hits > 0
    assert all(r.resolution is not None for r in out.references)
