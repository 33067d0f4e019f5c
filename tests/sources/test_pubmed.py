"""acurefs.PubMed against the loopback E-utilities: the four utilities, limits, faults, cache."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from acurefs import Cache, ConfigError, PubMed, RetryPolicy, SourceUnavailableError
from acurefs.sources.limits import Limits, close_endpoints
from acurefs.sources.pubmed.citmatch import CitationQuery, MatchStatus, read_answer
from acurefs.sources.pubmed.records import (
    expand_pages,
    records_from_efetch,
    records_from_esummary,
)
from acurefs.sources.settings import Settings
from tests.fake_eutils import (
    PUBMED_ONLY_RETRACTED_DOI,
    TRIAL_PMID,
    Article,
    FakeEutils,
    fixture_articles,
)

EMAIL = "tests@example.org"
FAST = RetryPolicy(attempts=3, base=0.01, cap=0.05)


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    close_endpoints()  # every test starts with NCBI's published limits, nothing learnt


def source(server: FakeEutils, tmp_path: Path, **kwargs: object) -> PubMed:
    kwargs.setdefault("retry", FAST)
    return PubMed(
        base_url=server.url,
        email=EMAIL,
        cache=Cache(tmp_path / "c.sqlite3"),
        **kwargs,  # type: ignore[arg-type]
    )


# --- reading the answers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "full"),
    [
        pytest.param("514-30", "514-530", id="shortened"),
        pytest.param("E887-900", "E887-E900", id="prefixed"),
        pytest.param("1444-53", "1444-1453", id="two-digits"),
        pytest.param("e16301", "e16301", id="e-locator"),
        pytest.param("98-106", "98-106", id="full"),
        pytest.param("12-5, 20", "12-15", id="with-more"),
    ],
)
def test_expand_pages(printed: str, full: str) -> None:
    assert expand_pages(printed) == full


def test_efetch_xml_read_field_by_field() -> None:
    trial = next(a for a in fixture_articles() if a.pmid == TRIAL_PMID)
    xml = f"<PubmedArticleSet>{trial.xml()}</PubmedArticleSet>"
    (record,) = records_from_efetch(xml)
    assert record.pmid == TRIAL_PMID
    assert record.doi == "10.5555/pm.trial-2016"
    assert record.title == "Acupuncture for chronic knee pain in primary care: a pragmatic trial"
    assert [p.vancouver() for p in record.authors] == ["Mbeki T", "Haraldsen K"]
    assert (record.year, record.volume, record.issue, record.pages) == (2016, "8", "2", "55-67")
    assert record.publication_types == ("Journal Article", "Randomized Controlled Trial")
    assert record.abstract is not None
    assert "METHODS: We randomly assigned 14,161" in record.abstract
    assert record.mesh == ("Acupuncture Therapy*", "Knee Joint")


def test_notices_from_comments_corrections_and_the_retracted_type() -> None:
    retracted = next(a for a in fixture_articles() if a.doi == PUBMED_ONLY_RETRACTED_DOI)
    (record,) = records_from_efetch(f"<PubmedArticleSet>{retracted.xml()}</PubmedArticleSet>")
    (update,) = record.updates  # RetractionIn and the type say the same: one notice
    assert (update.type, update.source) == ("retraction", "pubmed")
    assert update.label is not None
    assert "PMID 98000009" in update.label


def test_a_medline_date_and_a_collective_author() -> None:
    xml = (
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><Journal>"
        "<JournalIssue><Volume>3</Volume><PubDate><MedlineDate>1998 Jan-Feb</MedlineDate>"
        "</PubDate></JournalIssue><Title>J</Title></Journal><ArticleTitle>[A translated "
        "title].</ArticleTitle><AuthorList><Author><CollectiveName>The Group</CollectiveName>"
        "</Author></AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    (record,) = records_from_efetch(xml)
    assert record.year == 1998
    assert record.title == "A translated title"
    assert record.authors[0].collective
    assert record.doi == ""


def test_esummary_json_with_an_unknown_pmid() -> None:
    article = fixture_articles()[1]
    data = {
        "result": {
            "uids": [article.pmid, "1"],
            article.pmid: article.summary(),
            "1": {"uid": "1", "error": "cannot get document summary"},
        }
    }
    answers = records_from_esummary(data)
    assert answers["1"] is None
    record = answers[article.pmid]
    assert record is not None
    assert record.doi == "10.7326/m16-2367"
    assert record.pages == "514-530"
    assert "Practice Guideline" in record.publication_types


def test_ecitmatch_lines() -> None:
    text = (
        "pain|2006|125|98|witt cm|a|16781068\n"
        "j obstet pract|2015|21|301||b|AMBIGUOUS 98000004,98000005\n"
        "nope|1|1|1||c|NOT_FOUND;INVALID_JOURNAL\n"
    )
    answers = read_answer(text, ["a", "b", "c", "d"])
    assert answers["a"].pmids == ("16781068",)
    assert answers["b"].status is MatchStatus.AMBIGUOUS
    assert answers["b"].pmids == ("98000004", "98000005")
    assert (answers["c"].status, answers["c"].reason) == (MatchStatus.NOT_FOUND, "INVALID_JOURNAL")
    assert answers["d"].status is MatchStatus.MISSING


def test_a_citation_line_has_no_stray_separators() -> None:
    line = CitationQuery("J|Pain", "2006", "125", "98", "Witt\rCM", "k").line()
    assert line == "J Pain|2006|125|98|Witt CM|k|"


# --- the source ------------------------------------------------------------------------------


def test_dois_are_searched_together_and_fetched_in_one_batch(
    eutils_server: FakeEutils, tmp_path: Path
) -> None:
    pubmed = source(eutils_server, tmp_path)
    dois = ["10.7326/M16-2367", "10.1136/bmj.j1284", "10.1097/MD.0000000000003635", "10.9/x"]
    found = pubmed.by_doi(dois)
    assert {d: r.pmid if r else None for d, r in found.items()} == {
        "10.7326/m16-2367": "28192789",
        "10.1136/bmj.j1284": "99000001",
        "10.1097/md.0000000000003635": "27149503",
        "10.9/x": None,
    }
    assert [r.utility for r in eutils_server.requests] == ["esearch", "efetch"]
    again = source(eutils_server, tmp_path).by_doi(dois)  # the cache answers
    assert again == found
    assert len(eutils_server.requests) == 2


def test_requests_carry_tool_email_and_the_key(eutils_server: FakeEutils, tmp_path: Path) -> None:
    pubmed = source(eutils_server, tmp_path, api_key="secret-key")
    pubmed.fetch(["28192789"])
    (request,) = eutils_server.requests
    assert request.params["tool"] == "acurefs"
    assert request.params["email"] == EMAIL
    assert request.params["api_key"] == "secret-key"
    assert "secret-key" not in repr(pubmed)
    assert pubmed.pool == "key"


def test_long_id_lists_go_in_batches_of_200_by_post(tmp_path: Path) -> None:
    many = [
        Article(pmid=str(90000000 + i), title=f"Work {i}", journal="J", abbrev="J", year=2000)
        for i in range(450)
    ]
    with FakeEutils(many, enforce=False) as server:
        found = source(server, tmp_path).fetch(a.pmid for a in many)
        assert len(found) == 450
        assert all(r is not None for r in found.values())
        requests = [r for r in server.requests if r.utility == "efetch"]
        assert [len(r.params["id"].split(",")) for r in requests] == [200, 200, 50]
        assert [r.method for r in requests] == ["POST", "POST", "GET"]  # 50 IDs fit in a URL


def test_three_a_second_without_a_429(eutils_server: FakeEutils, tmp_path: Path) -> None:
    pubmed = source(eutils_server, tmp_path, use_cache=False)
    for pmid in ("28192789", "16781068", "31429587", "27149503", "31305415", "22965186", "1"):
        pubmed.fetch([pmid])
    assert eutils_server.count(status=429) == 0
    starts = sorted(r.started for r in eutils_server.requests)
    assert starts[-1] - starts[0] >= (len(starts) - 1) / 3 * 0.95


def test_a_429_without_retry_after_is_waited_out(tmp_path: Path) -> None:
    with FakeEutils(fixture_articles(), limit=2) as server:
        # A client allowed more than the server allows: the server says 429, with no Retry-After.
        pubmed = PubMed(
            base_url=server.url,
            email=EMAIL,
            use_cache=False,
            retry=FAST,
            limits=Limits(single=20, list=20, concurrency=1),
        )
        found = [pubmed.fetch([p]) for p in ("28192789", "16781068", "31429587", "27149503")]
        assert all(answer for answer in found)
        assert server.count(status=429) >= 1
        assert pubmed.stats.rate_limited == server.count(status=429)
        # After the 429 nothing was sent for a second (NCBI names no wait: a second is its window).
        limited = next(r.started for r in server.requests if r.status == 429)
        after = [r.started for r in server.requests if r.started > limited]
        assert after
        assert after[0] - limited >= 0.95


def test_flaky_500s_are_retried(eutils_server: FakeEutils, tmp_path: Path) -> None:
    eutils_server.fail_next(500, count=2)
    found = source(eutils_server, tmp_path).fetch(["28192789"])
    assert found["28192789"] is not None
    assert eutils_server.count(status=500) == 2


def test_a_source_that_keeps_failing_is_unavailable(
    eutils_server: FakeEutils, tmp_path: Path
) -> None:
    eutils_server.fail_next(503, count=10)
    with pytest.raises(SourceUnavailableError, match="after 3 attempts"):
        source(eutils_server, tmp_path).fetch(["28192789"])


def test_offline_answers_from_the_cache_alone(eutils_server: FakeEutils, tmp_path: Path) -> None:
    source(eutils_server, tmp_path).by_doi(["10.7326/M16-2367"])
    eutils_server.reset_log()
    offline = source(eutils_server, tmp_path, offline=True)
    assert offline.by_doi(["10.7326/M16-2367", "10.1136/bmj.j1284"]).keys() == {"10.7326/m16-2367"}
    assert offline.esearch("anything") is None
    assert eutils_server.requests == []


def test_a_stop_sends_nothing(eutils_server: FakeEutils, tmp_path: Path) -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(SourceUnavailableError, match="Stopped"):
        source(eutils_server, tmp_path).with_stop(stop).fetch(["28192789"])
    assert eutils_server.requests == []


def test_citmatch_and_summaries(eutils_server: FakeEutils, tmp_path: Path) -> None:
    pubmed = source(eutils_server, tmp_path)
    eutils_server.drop_lines("gone")
    answers = pubmed.citmatch(
        [
            CitationQuery("Pain", "2006", "125", "98", "Witt CM", "witt"),
            CitationQuery("Pain", "2006", "125", "98", "Witt CM", "gone"),
        ]
    )
    assert answers["witt"].pmids == ("16781068",)
    assert answers["gone"].status is MatchStatus.MISSING
    summaries = pubmed.summaries(["16781068", "2"])
    assert summaries["2"] is None
    record = summaries["16781068"]
    assert record is not None
    assert record.pages == "98-106"


def test_works_and_search_speak_the_protocol(eutils_server: FakeEutils, tmp_path: Path) -> None:
    pubmed = source(eutils_server, tmp_path)
    work = pubmed.works(["10.7326/M16-2367"])["10.7326/m16-2367"]
    assert work.record is not None
    assert work.record.pmid == "28192789"
    answer = pubmed.search("chronic neck pain acupuncture")
    assert answer is not None
    assert [c.record.pmid for c in answer.candidates] == ["16781068"]
    assert pubmed.registration_agency("10.7326/M16-2367") is None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param({}, ("crossref", "pubmed"), id="default"),
        pytest.param({"ACUREFS_SOURCES": "crossref"}, ("crossref",), id="crossref"),
        pytest.param({"ACUREFS_SOURCES": " Crossref , PubMed "}, ("crossref", "pubmed"), id="case"),
    ],
)
def test_sources_setting(environ: dict[str, str], expected: tuple[str, ...]) -> None:
    assert Settings.from_env(environ).sources == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        pytest.param("crossref,scopus", "scopus", id="unknown"),
        pytest.param("pubmed", "leaves out crossref", id="no-crossref"),
    ],
)
def test_bad_sources_are_one_error(value: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        Settings.from_env({"ACUREFS_SOURCES": value})


def test_from_env(tmp_path: Path) -> None:
    pubmed = PubMed.from_env(
        {
            "ACUREFS_PUBMED_URL": "http://127.0.0.1:9/eutils",
            "ACUREFS_NCBI_API_KEY": "k",
            "ACUREFS_NCBI_EMAIL": "me@example.org",
            "ACUREFS_CACHE_DIR": str(tmp_path),
            "ACUREFS_OFFLINE": "1",
        }
    )
    assert (pubmed.base_url, pubmed.email, pubmed.pool, pubmed.offline) == (
        "http://127.0.0.1:9/eutils",
        "me@example.org",
        "key",
        True,
    )
    with pytest.raises(ConfigError, match="PubMed URL"):
        PubMed.from_env({"ACUREFS_PUBMED_URL": "eutils"})
