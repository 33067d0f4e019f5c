"""acurefs.resolve: every reference gets a resolution, against the loopback Crossref server."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

import acurefs
from acurefs import Cache, Crossref, Lock, RetryPolicy, Verdict
from acurefs.resolve.resolver import checked_nothing, source_failure
from acurefs.sources.limits import POLITE_LIMITS, close_endpoints
from tests.fake_crossref import FakeCrossref, fixture_records
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
        self.down = False  # answer 503 to every question, as an unreachable doi.org would
        self.inner = httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.host != "doi.org":
            return self.inner.handle_request(request)
        doi = str(request.url).split("/ra/", 1)[1].lower()
        self.asked.append(doi)
        if self.down:
            return httpx2.Response(503, content=b"Service Unavailable", request=request)
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


def test_a_doi_crossref_lacks_while_doi_org_is_down_is_not_called_missing(
    crossref_server: FakeCrossref, source_for: Any, doi_org: DoiOrg
) -> None:
    doi_org.down = True
    ref = resolve_text(
        "Nobody N. A fabricated paper about needles. J Imag. 2020;1:1-2. doi:10.5555/fabricated",
        source_for(crossref_server, retry=acurefs.RetryPolicy(attempts=1)),
    )
    assert ref.resolution is not None
    codes = {f.code: f for f in ref.resolution.findings}
    assert "doi-not-found" not in codes
    assert codes["not-checked"].severity is acurefs.Severity.WARNING
    assert "registration agency could not be asked" in codes["not-checked"].message
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


# --- many calls, one process: the limits are shared -------------------------------------------


@pytest.fixture
def fresh_endpoints() -> Iterator[None]:
    """No limits learnt nor connections kept from other tests (a port can come back)."""
    close_endpoints()
    yield
    close_endpoints()


def _article(i: int, record: dict[str, Any]) -> acurefs.Document:
    """An article citing one work by its DOI and one made-up work (searched for)."""
    text = (
        f"Acupuncture helped.1 It helped again.2\n\n"
        f"1. {record['title'][0]}. doi:{record['DOI']}\n"
        f"2. Nobody{i} N. Needles and outcomes in trial {i}. J Made Up. 2020;{i}:{i}-{i + 9}.\n"
    )
    return acurefs.parse_document(text, name=f"article-{i}.txt")


def test_twenty_resolve_calls_keep_to_the_polite_limits(
    crossref_factory: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fresh_endpoints: None,
) -> None:
    server = crossref_factory()  # Crossref's polite limits, enforced: 3 lists, 10 singles a second
    monkeypatch.setenv("ACUREFS_CROSSREF_URL", server.url)
    monkeypatch.setenv("ACUREFS_MAILTO", MAILTO)
    monkeypatch.setenv("ACUREFS_CACHE_DIR", str(tmp_path / "cache"))
    records = [r for r in fixture_records() if r.get("title")][:20]
    for i, record in enumerate(records):  # each call builds its own Crossref from the environment
        out = acurefs.resolve(_article(i, record), lock=Lock(()))
        assert all(r.resolution is not None for r in out.references)
    assert server.rate_limited == 0
    assert server.count(status=429) == 0
    for route, rate in (("list", POLITE_LIMITS.list), ("single", POLITE_LIMITS.single)):
        starts = sorted(r.started for r in server.requests if r.route == route)
        assert len(starts) >= 20
        bound = (len(starts) - 1) / rate  # the fastest the limits allow
        if route == "list":  # the binding route: no slower than 1.1 times the bound
            assert starts[-1] - starts[0] <= 1.1 * bound


# --- a source that goes down in the middle of a run -------------------------------------------


def _many_references(n: int) -> acurefs.Document:
    refs = "".join(
        f"{i}. Author{i} A. Acupuncture and pain, part {i}. J Needles. 2019;{i}:1-9.\n"
        for i in range(1, n + 1)
    )
    body = " ".join(f"Claim {i}.{i}" for i in range(1, n + 1))
    return acurefs.parse_document(f"{body}\n\nReferences\n{refs}", name="many.txt")


def test_a_source_lost_mid_run_keeps_every_answer_and_sends_nothing_after(
    crossref_factory: Any, tmp_path: Path, fresh_endpoints: None
) -> None:
    server = crossref_factory(enforce=False, latency=0.05)
    server.faults.fail_after(4, status=503)
    source = Crossref(
        base_url=server.url,
        mailto=MAILTO,
        use_cache=False,
        retry=RetryPolicy(attempts=2, base=0.05, cap=0.1),
    )
    doc = _many_references(12)
    try:
        out = acurefs.resolve(doc, source=source, lock=Lock(()))  # does not raise
        returned = time.monotonic()
        sent = server.count()
        time.sleep(0.5)
    finally:
        source.close()
    assert server.count() == sent
    assert all(r.started <= returned for r in server.requests)  # nothing left after it returned
    resolutions = [r.resolution for r in out.references if r.resolution]
    assert len(resolutions) == 12
    checked = [res for res in resolutions if res.verdict is not Verdict.NOT_CHECKED]
    assert len(checked) == server.count(status=200) == 4  # every answer received is kept
    for res in resolutions:
        if res.verdict is Verdict.NOT_CHECKED:
            (finding,) = res.findings
            assert finding.code == "not-checked"
            assert finding.severity is acurefs.Severity.WARNING
            assert "Crossref unreachable after 2 attempts" in finding.message
            assert "HTTP 503" in finding.message
    assert source_failure(out.references) is not None
    assert "HTTP 503" in (source_failure(out.references) or "")


def test_what_the_cache_holds_answers_for_a_lost_source(
    crossref_factory: Any, tmp_path: Path, fresh_endpoints: None
) -> None:
    server = crossref_factory(enforce=False)
    month_ago = Cache(tmp_path / "c.sqlite3", clock=lambda: time.time() - 31 * 24 * 3600)
    first = Crossref(base_url=server.url, mailto=MAILTO, cache=month_ago)
    acurefs.resolve(_many_references(3), source=first, lock=Lock(()))  # expired by now
    first.close()
    server.faults.always = 503
    again = Crossref(
        base_url=server.url,
        mailto=MAILTO,
        cache=Cache(tmp_path / "c.sqlite3"),
        retry=RetryPolicy(attempts=1),
    )
    try:  # the three expired answers are asked for again, and two more references
        out = acurefs.resolve(_many_references(5), source=again, lock=Lock(()))
    finally:
        again.close()
    verdicts = [r.resolution.verdict for r in out.references if r.resolution]
    assert verdicts.count(Verdict.NOT_CHECKED) == 2  # the cache still answers for three
    assert source_failure(out.references) is not None


def test_a_source_down_from_the_start_leaves_everything_not_checked(
    crossref_factory: Any, fresh_endpoints: None
) -> None:
    server = crossref_factory(enforce=False)
    server.faults.always = 503
    source = Crossref(
        base_url=server.url, mailto=MAILTO, use_cache=False, retry=RetryPolicy(attempts=1)
    )
    try:
        out = acurefs.resolve(_many_references(3), source=source, lock=Lock(()))
    finally:
        source.close()
    assert checked_nothing(out.references)
    assert all(
        [f.code for f in r.resolution.findings] == ["not-checked"]
        for r in out.references
        if r.resolution
    )
