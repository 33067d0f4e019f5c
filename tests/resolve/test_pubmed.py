"""Linking resolutions to PubMed, against the loopback Crossref and E-utilities servers."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import acurefs
from acurefs import Cache, Crossref, LinkStatus, Lock, PubMed, RetryPolicy, Verdict
from acurefs.claims.audit import contradictions
from acurefs.cli import main
from acurefs.sources.limits import close_endpoints
from tests.fake_crossref import FakeCrossref, fixture_records, work
from tests.fake_eutils import (
    CASE_REPORT_PMID,
    PUBMED_ONLY_RETRACTED_DOI,
    TRIAL_PMID,
    FakeEutils,
    fixture_articles,
)

MAILTO = "tests@example.org"
FAST = RetryPolicy(attempts=2, base=0.01, cap=0.02)
EVIDENCE = "acupuncture-pain-evidence.txt"


def invented_crossref() -> list[dict[str, Any]]:
    """Crossref's side of the invented PubMed works: no notice, no publication type."""
    return [
        work(
            doi=PUBMED_ONLY_RETRACTED_DOI,
            title="Electroacupuncture for chronic tension-type headache: a randomised trial",
            authors=[("Okafor", "Nkem"), ("Lindqvist", "Berit")],
            journal="Journal of Headache Research",
            year=2018,
            volume="12",
            issue="3",
            page="201-210",
        ),
        work(
            doi="10.5555/pm.trial-2016",
            title="Acupuncture for chronic knee pain in primary care: a pragmatic trial",
            authors=[("Mbeki", "Thabo"), ("Haraldsen", "Kari")],
            journal="Journal of Pragmatic Trials",
            year=2016,
            volume="8",
            issue="2",
            page="55-67",
        ),
        work(
            doi="10.5555/pm.case-2019",
            title="Pneumothorax after acupuncture of the upper back",
            authors=[("Varga", "Eszter")],
            journal="Journal of Case Reports in Medicine",
            year=2019,
            volume="4",
            page="11-13",
        ),
    ]


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    close_endpoints()


@pytest.fixture
def crossref(crossref_factory: Any) -> FakeCrossref:
    server: FakeCrossref = crossref_factory([*fixture_records(), *invented_crossref()])
    return server


Sources = Callable[..., tuple[Crossref, PubMed]]


@pytest.fixture
def sources(tmp_path: Path, crossref: FakeCrossref, eutils_server: FakeEutils) -> Iterator[Sources]:
    made: list[Crossref | PubMed] = []

    def make(eutils: FakeEutils | None = None, **kwargs: Any) -> tuple[Crossref, PubMed]:
        cache = Cache(tmp_path / "cache.sqlite3")
        pair = (
            Crossref(base_url=crossref.url, mailto=MAILTO, cache=cache),
            PubMed(
                base_url=(eutils or eutils_server).url,
                email=MAILTO,
                cache=cache,
                retry=FAST,
                **kwargs,
            ),
        )
        made.extend(pair)
        return pair

    yield make
    for source in made:
        source.close()


def resolve_article(text: str, sources: Sources, **kwargs: Any) -> acurefs.Document:
    crossref, pubmed = sources(**kwargs)
    doc = acurefs.parse_document(text, format="text", name="article.txt")
    resolved = acurefs.resolve(doc, source=crossref, pubmed=pubmed, lock=Lock(()))
    assert isinstance(resolved, acurefs.Document)
    return resolved


def resolution(doc: acurefs.Document, number: int = 1) -> acurefs.Resolution:
    ref = doc.reference(number)
    assert ref is not None
    assert ref.resolution is not None
    return ref.resolution


def codes(res: acurefs.Resolution) -> list[str]:
    return [f.code for f in res.findings]


# --- the bundled evidence article --------------------------------------------------------------


def test_every_reference_of_the_evidence_article_gets_its_pmid(
    sources: Sources, eutils_server: FakeEutils
) -> None:
    crossref, pubmed = sources()
    doc = acurefs.load_corpus().document(EVIDENCE)
    assert doc is not None
    resolved = acurefs.resolve(doc, source=crossref, pubmed=pubmed, lock=Lock(()))
    pmids = {r.number: r.resolution.pmid for r in resolved.references if r.resolution}
    assert pmids == {
        1: "99000001",  # a placeholder PMID (see tests/fake_eutils/fixtures.py)
        2: "28192789",
        3: "99000003",
        4: "99000004",
        5: "16781068",  # no DOI: Crossref cannot resolve it, ECitMatch can
        6: "31429587",
        7: "31305415",
        8: "27149503",
    }
    witt = resolution(resolved, 5)
    assert witt.verdict is Verdict.VERIFIED
    assert witt.provenance is not None
    assert witt.provenance.source == "pubmed"
    assert [link.via for link in witt.linked] == ["ecitmatch"]
    requests = len(eutils_server.requests)
    assert requests <= 3 * len(resolved.references)
    assert requests <= 5  # batched: one DOI search, one ECitMatch, two fetches
    assert eutils_server.count(status=429) == 0
    guideline = resolution(resolved, 2).record
    assert guideline is not None
    assert "Practice Guideline" in guideline.publication_types
    # What PubMed added goes out with the citation.
    bibtex = acurefs.to_bibtex(resolved.references)
    assert "pmid = {28192789}" in bibtex
    assert "pmid = {16781068}" in bibtex
    csl = acurefs.to_csl_json(resolved.references)
    assert {item.get("PMID") for item in csl} >= {"28192789", "16781068"}


def test_the_lock_records_what_pubmed_said(sources: Sources, tmp_path: Path) -> None:
    crossref, pubmed = sources()
    doc = acurefs.load_corpus().document(EVIDENCE)
    assert doc is not None
    resolved = acurefs.resolve(doc, source=crossref, pubmed=pubmed, lock=Lock(()))
    path = Lock.from_references(resolved.references).write(tmp_path / "acurefs.lock.json")
    lock = Lock.load(path)
    entry = lock.entry_for(resolved.references[1])
    assert entry is not None
    assert entry.record is not None
    assert entry.record.pmid == "28192789"
    assert [(link.source, link.status, link.via) for link in entry.linked] == [
        ("pubmed", LinkStatus.FOUND, "doi")
    ]
    offline = acurefs.resolve(doc, source=Lock.load(path))
    assert [r.resolution.pmid for r in offline.references if r.resolution] == [
        r.resolution.pmid for r in resolved.references if r.resolution
    ]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "linked" in data["references"][0]


def test_offline_runs_answer_from_the_cache(sources: Sources, eutils_server: FakeEutils) -> None:
    crossref, pubmed = sources()
    doc = acurefs.load_corpus().document(EVIDENCE)
    assert doc is not None
    first = acurefs.resolve(doc, source=crossref, pubmed=pubmed, lock=Lock(()))
    eutils_server.reset_log()
    again = acurefs.resolve(doc, source=crossref, pubmed=pubmed, lock=Lock(()), offline=True)
    assert eutils_server.requests == []
    assert [r.resolution.pmid for r in again.references if r.resolution] == [
        r.resolution.pmid for r in first.references if r.resolution
    ]


# --- what only PubMed knows --------------------------------------------------------------------


def test_a_retraction_known_only_to_pubmed(sources: Sources) -> None:
    text = (
        "Electroacupuncture cut headache days.1\n\nReferences\n\n"
        "1. Okafor N, Lindqvist B. Electroacupuncture for chronic tension-type headache: a "
        "randomised trial. J Headache Res. 2018;12(3):201-210. doi:10.5555/pm.retracted-2018\n"
    )
    res = resolution(resolve_article(text, sources))
    (retracted,) = [f for f in res.findings if f.code == "retracted"]
    assert retracted.detail["source"] == "pubmed"
    assert res.record is not None
    assert res.record.pmid == "98000001"
    doc = resolve_article(text, sources)
    assert doc.claims[0].support is acurefs.Support.RETRACTED_SOURCE


def test_without_pubmed_the_retraction_is_missed(sources: Sources) -> None:
    text = (
        "Electroacupuncture cut headache days.1\n\nReferences\n\n"
        "1. Okafor N, Lindqvist B. Electroacupuncture for chronic tension-type headache: a "
        "randomised trial. J Headache Res. 2018;12(3):201-210. doi:10.5555/pm.retracted-2018\n"
    )
    crossref, _ = sources()
    doc = acurefs.parse_document(text, format="text", name="article.txt")
    resolved = acurefs.resolve(doc, source=crossref, lock=Lock(()))
    assert "retracted" not in codes(resolution(resolved))


def test_a_printed_pmid_of_another_paper(sources: Sources) -> None:
    text = (
        "Acupuncture is recommended.1\n\nReferences\n\n"
        "1. Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, "
        "subacute, and chronic low back pain: a clinical practice guideline from the American "
        "College of Physicians. Ann Intern Med. 2017;166(7):514-530. PMID: 16781068.\n"
    )
    res = resolution(resolve_article(text, sources))
    (finding,) = [f for f in res.findings if f.code == "pmid-mismatch"]
    assert finding.printed == "16781068"
    assert "different work" in finding.message
    assert res.verdict is Verdict.MISMATCH
    assert res.pmid == "28192789"  # the work's own, found by its DOI


def test_pmcid_digits_printed_as_a_pmid(sources: Sources) -> None:
    text = (
        "Acupuncture helps chronic pain.1\n\nReferences\n\n"
        "1. Vickers AJ, Cronin AM, Maschino AC, et al. Acupuncture for chronic pain: individual "
        "patient data meta-analysis. Arch Intern Med. 2012;172(19):1444-1453. PMID: 3658605\n"
    )
    res = resolution(resolve_article(text, sources))
    (finding,) = [f for f in res.findings if f.code == "pmid-mismatch"]
    assert "PMC3658605" in finding.message
    assert finding.found == "22965186"
    assert res.pmid == "22965186"


def test_ecitmatch_never_swaps_in_another_paper(
    sources: Sources, eutils_server: FakeEutils
) -> None:
    # Journal, volume and page of the case report, with another author, year and title:
    # ECitMatch answers the case report's PMID; the printed fields refuse it.
    text = (
        "Divers get pneumothorax.1\n\nReferences\n\n"
        "1. Smith J. Lung injuries among recreational divers. J Case Rep Med. 2012;4:11-13.\n"
    )
    res = resolution(resolve_article(text, sources))
    assert eutils_server.count("ecitmatch") == 1
    assert res.pmid is None
    assert res.verdict is Verdict.UNRESOLVED
    assert [link.status for link in res.linked] == [LinkStatus.NOT_FOUND]


def test_an_ambiguous_ecitmatch_is_resolved_by_the_printed_fields(sources: Sources) -> None:
    text = (
        "Moxibustion turns breech babies.1\n\nReferences\n\n"
        "1. Nakamura H, Sato Y. Moxibustion for breech presentation: a cohort study. "
        "J Obstet Pract. 2015;21:301-309.\n"
    )
    res = resolution(resolve_article(text, sources))
    assert res.pmid == "98000004"
    assert res.doi is None
    assert res.verdict is Verdict.VERIFIED


def test_sources_that_disagree(sources: Sources, crossref: FakeCrossref) -> None:
    articles = [
        dataclasses.replace(a, medline_pages="515-30") if a.pmid == "28192789" else a
        for a in fixture_articles()
    ]
    with FakeEutils(articles) as other:
        text = (
            "Acupuncture is recommended.1\n\nReferences\n\n"
            "1. Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, "
            "subacute, and chronic low back pain: a clinical practice guideline from the American "
            "College of Physicians. Ann Intern Med. 2017;166(7):514-530.\n"
        )
        res = resolution(resolve_article(text, sources, eutils=other))
    (finding,) = [f for f in res.findings if f.code == "source-disagreement"]
    assert finding.field == "pages"
    assert finding.detail == {"crossref": "514-530", "pubmed": "515-530"}
    assert res.record is not None
    assert res.record.pages == "514-530"


def test_pubmed_failing_leaves_crossref_answers_standing(
    sources: Sources, eutils_server: FakeEutils
) -> None:
    eutils_server.fail_next(503, count=50)
    text = (
        "Acupuncture is recommended.1\n\nReferences\n\n"
        "1. Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, "
        "subacute, and chronic low back pain: a clinical practice guideline from the American "
        "College of Physicians. Ann Intern Med. 2017;166(7):514-530.\n"
    )
    res = resolution(resolve_article(text, sources))
    assert res.verdict is Verdict.VERIFIED
    assert res.doi == "10.7326/m16-2367"
    assert [link.status for link in res.linked] == [LinkStatus.NOT_CHECKED]
    assert "pubmed-not-checked" in codes(res)


# --- feeding the claim audit -------------------------------------------------------------------


def claim_codes(doc: acurefs.Document) -> list[str]:
    return [f.code for c in doc.claims for f in contradictions(c)]


def test_a_count_contradicted_only_by_the_abstract(sources: Sources, tmp_path: Path) -> None:
    text = (
        "A trial of 1,400 patients found acupuncture eased knee pain.1\n\nReferences\n\n"
        "1. Mbeki T, Haraldsen K. Acupuncture for chronic knee pain in primary care: a pragmatic "
        "trial. J Pragmat Trials. 2016;8(2):55-67. doi:10.5555/pm.trial-2016\n"
    )
    doc = resolve_article(text, sources)
    (finding,) = [f for c in doc.claims for f in c.findings if f.code == "claim-count-mismatch"]
    assert (finding.printed, finding.found) == ("1,400 people", "14,161")
    assert "abstract" in finding.message
    assert resolution(doc).record is not None
    assert resolution(doc).pmid == TRIAL_PMID
    without = acurefs.resolve(
        acurefs.parse_document(text, format="text", name="article.txt"),
        source=sources()[0],
        lock=Lock(()),
    )
    assert claim_codes(without) == []  # Crossref alone has no abstract to contradict it


def test_a_design_contradicted_by_the_publication_type(sources: Sources) -> None:
    text = (
        "A meta-analysis found needling can collapse a lung.1\n\nReferences\n\n"
        "1. Varga E. Pneumothorax after acupuncture of the upper back. J Case Rep Med. "
        "2019;4:11-13. doi:10.5555/pm.case-2019\n"
    )
    doc = resolve_article(text, sources)
    assert resolution(doc).pmid == CASE_REPORT_PMID
    findings = [f for c in doc.claims for f in c.findings if f.code == "claim-design-mismatch"]
    assert [(f.printed, f.found) for f in findings] == [("a meta-analysis", "case report")]


def test_a_design_the_types_agree_with_is_no_contradiction(sources: Sources) -> None:
    text = (
        "A 2012 meta-analysis found acupuncture eases chronic pain.1\n\nReferences\n\n"
        "1. Vickers AJ, Cronin AM, Maschino AC, et al. Acupuncture for chronic pain: individual "
        "patient data meta-analysis. Arch Intern Med. 2012;172(19):1444-1453.\n"
    )
    doc = resolve_article(text, sources)
    assert resolution(doc).pmid == "22965186"
    record = resolution(doc).record
    assert record is not None
    assert "Meta-Analysis" in record.publication_types
    assert claim_codes(doc) == []


def test_the_bundled_corpus_gets_no_new_false_alarm(sources: Sources) -> None:
    crossref, pubmed = sources()
    corpus = acurefs.resolve(acurefs.load_corpus(), source=crossref, pubmed=pubmed, lock=Lock(()))
    assert [f for c in corpus.cited_claims for f in contradictions(c)] == []
    linked = [r for r in corpus.references if r.resolution and r.resolution.pmid]
    assert len(linked) == 9  # the title-only links of the immune article stay unresolved


def test_a_report_with_pubmed_matches_the_schema(sources: Sources) -> None:
    crossref, pubmed = sources()
    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "docs" / "report-schema.json").read_text("utf-8")
    )
    doc = acurefs.load_corpus().document(EVIDENCE)
    assert doc is not None
    report = acurefs.validate(acurefs.Corpus((doc,)), source=crossref, pubmed=pubmed, lock=Lock(()))
    data = report.to_dict()
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    records = [r["resolution"]["record"] for d in data["documents"] for r in d["references"]]
    assert {r.get("pmid") for r in records if r} >= {"28192789", "16781068"}
    witt = next(r for r in records if r and r.get("pmid") == "16781068")
    assert witt["doi"] == ""  # PubMed holds it without a DOI


# --- configuration ---------------------------------------------------------------------------


def test_the_environment_names_pubmed_by_default(
    crossref: FakeCrossref,
    eutils_server: FakeEutils,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("ACUREFS_SOURCES")  # the default: crossref,pubmed
    monkeypatch.setenv("ACUREFS_CROSSREF_URL", crossref.url)
    monkeypatch.setenv("ACUREFS_PUBMED_URL", eutils_server.url)
    monkeypatch.setenv("ACUREFS_CACHE_DIR", str(tmp_path / "cache"))
    doc = acurefs.load_corpus().document(EVIDENCE)
    assert doc is not None
    resolved = acurefs.resolve(doc, lock=Lock(()))
    assert resolution(resolved, 5).pmid == "16781068"
    assert eutils_server.requests
    eutils_server.reset_log()
    monkeypatch.setenv("ACUREFS_SOURCES", "crossref")
    alone = acurefs.resolve(doc, lock=Lock(()))
    assert resolution(alone, 5).pmid is None
    assert eutils_server.requests == []


def test_the_command_line_takes_the_pubmed_options(
    crossref: FakeCrossref,
    eutils_server: FakeEutils,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    article = tmp_path / EVIDENCE
    article.write_text((Path("refs") / EVIDENCE).read_text("utf-8"), encoding="utf-8")
    common = ["resolve", str(article), "--json", "-q", "--cache-dir", str(tmp_path / "c")]
    common += ["--crossref-url", crossref.url, "--mailto", MAILTO]
    argv = [*common, "--sources", "crossref,pubmed", "--pubmed-url", eutils_server.url]
    assert main([*argv, "--ncbi-email", "me@example.org"]) == 0
    data = json.loads(capsys.readouterr().out)
    records = [r["resolution"]["record"] for d in data["documents"] for r in d["references"]]
    assert "16781068" in {r.get("pmid") for r in records if r}
    assert {r.params.get("email") for r in eutils_server.requests} == {"me@example.org"}
    assert main([*common, "--sources", "crossref,scopus"]) == 2
    assert "scopus" in capsys.readouterr().err


def test_the_nightly_run_sees_a_retraction_pubmed_records_later(
    sources: Sources, eutils_server: FakeEutils
) -> None:
    crossref, pubmed = sources()
    text = (
        "Knee pain eased.1\n\nReferences\n\n"
        "1. Mbeki T, Haraldsen K. Acupuncture for chronic knee pain in primary care: a pragmatic "
        "trial. J Pragmat Trials. 2016;8(2):55-67. doi:10.5555/pm.trial-2016\n"
    )
    corpus = acurefs.Corpus((acurefs.parse_document(text, format="text", name="a.txt"),))
    first = acurefs.validate(corpus, source=crossref, pubmed=pubmed, lock=Lock(()))
    (ref,) = first.corpus.references
    assert ref.resolution is not None
    assert "retracted" not in codes(ref.resolution)
    trial = next(a for a in fixture_articles() if a.pmid == TRIAL_PMID)
    notice = ("RetractionIn", "J Pragmat Trials. 2020;12:1", "98000010")
    eutils_server.add(dataclasses.replace(trial, notices=(notice,)))
    lock = Lock.from_references(first.corpus.references)
    second = acurefs.validate(corpus, source=crossref, pubmed=pubmed, lock=lock)
    (ref,) = second.corpus.references
    assert ref.resolution is not None
    (retracted,) = [f for f in ref.resolution.findings if f.code == "retracted"]
    assert retracted.detail["source"] == "pubmed"


@pytest.mark.parametrize(
    ("printed", "fragment"),
    [
        pytest.param(
            "Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, subacute, "
            "and chronic low back pain: a clinical practice guideline from the American College "
            "of Physicians. Ann Intern Med. 2017;166(7):514-530. PMID: 16781068.",
            "the work's PMID is 28192789",
            id="another-paper",
        ),
        pytest.param(
            "Vickers AJ, Cronin AM, Maschino AC, et al. Acupuncture for chronic pain: individual "
            "patient data meta-analysis. Arch Intern Med. 2012;172(19):1444-1453. PMID: 3658605",
            "PMC3658605 is this work's PMCID",
            id="pmcid-digits",
        ),
    ],
)
def test_the_lock_keeps_a_wrong_pmid_a_finding_offline(
    sources: Sources, tmp_path: Path, printed: str, fragment: str
) -> None:
    text = f"Acupuncture helps.1\n\nReferences\n\n1. {printed}\n"
    online = resolve_article(text, sources)
    lock = Lock.from_references(online.references)
    offline = acurefs.resolve(
        acurefs.parse_document(text, format="text", name="article.txt"), source=lock
    )
    res = resolution(offline)
    (finding,) = [f for f in res.findings if f.code == "pmid-mismatch"]
    assert fragment in finding.message
    assert res.verdict is Verdict.MISMATCH
