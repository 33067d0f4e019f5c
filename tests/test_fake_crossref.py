"""The loopback Crossref server itself: routes, envelopes, search, filters, limits, faults, log.

Requests go through plain ``urllib`` (one connection per request) and, where keep-alive
matters, ``requests``. Functional tests that send many list queries use the Plus pool so the
enforced rate limits do not get in their way; the limit tests use the pools on purpose.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import requests

from tests.conftest import POLITE_MAILTO, CrossrefFactory
from tests.fake_crossref import (
    CORPUS_DOIS,
    DISTRACTOR_DOIS,
    FakeCrossref,
    PoolLimits,
    RateLimits,
    fixture_records,
    work,
)
from tests.fake_crossref.fixtures import (
    CONCERN_NOTICE_DOI,
    CORRECTED_DOI,
    CORRECTION_NOTICE_DOI,
    ERRATUM_NOTICE_DOI,
    NOTICE_DOIS,
    RETRACTED_DOI,
    RETRACTION_NOTICE_DOI,
)
from tests.fake_crossref.search import fold, tokenize

PLUS = {"Crossref-Plus-API-Token": "Bearer test-token"}
POLITE = {"mailto": POLITE_MAILTO}
BMJ = "10.1136/bmj.j1284"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def message(self) -> Any:
        return self.json()["message"]


def fetch(
    server: FakeCrossref,
    path: str,
    params: Mapping[str, str | int | Sequence[str]] | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    method: str = "GET",
    timeout: float = 5.0,
) -> Answer:
    """One request on a fresh connection; every response object is closed."""
    url = server.url + path + (f"?{urlencode(params, doseq=True)}" if params else "")
    request = urllib.request.Request(url, headers=dict(headers or {}), method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            found = {k.lower(): v for k, v in response.headers.items()}
            return Answer(response.status, found, response.read())
    except urllib.error.HTTPError as error:
        with error:
            found = {k.lower(): v for k, v in error.headers.items()}
            return Answer(error.code, found, error.read())


def plus(server: FakeCrossref, path: str, **params: str | int) -> Answer:
    return fetch(server, path, params, headers=PLUS)


def dois(answer: Answer) -> list[str]:
    return [item["DOI"] for item in answer.message["items"]]


def parallel(calls: Sequence[Callable[[], Answer]]) -> list[Answer]:
    """Run the calls at once (released together by a barrier); answers in call order."""
    barrier = threading.Barrier(len(calls))
    answers: list[Answer | None] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        answers[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [a for a in answers if a is not None]


# -- single works -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(f"/works/{BMJ}", id="plain"),
        pytest.param(f"/works/{quote(BMJ, safe='')}", id="url-encoded"),
        pytest.param(f"/works/{BMJ.upper()}", id="upper-case"),
        pytest.param(f"/v1/works/{BMJ}", id="v1-prefix"),
        pytest.param(f"/works/{quote('https://doi.org/' + BMJ, safe='')}", id="doi-url"),
    ],
)
def test_single_work_answers_the_work_envelope(crossref_server: FakeCrossref, path: str) -> None:
    answer = fetch(crossref_server, path, POLITE)
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert {k: body[k] for k in ("status", "message-type", "message-version")} == {
        "status": "ok",
        "message-type": "work",
        "message-version": "1.0.0",
    }
    assert body["message"]["DOI"] == BMJ
    assert body["message"]["author"][0] == {
        "given": "Lucy",
        "family": "Chen",
        "sequence": "first",
        "affiliation": [],
    }
    assert "score" not in body["message"]


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/works/10.5555/no-such-work", id="unknown-doi"),
        pytest.param("/v1/works/10.1136%2Fbmj.j9999", id="v1-encoded"),
        pytest.param("/members/78", id="unknown-route"),
    ],
)
def test_unknown_is_404_plain_text(crossref_server: FakeCrossref, path: str) -> None:
    answer = fetch(crossref_server, path, POLITE)
    assert answer.status == 404
    assert answer.headers["content-type"] == "text/plain"
    assert answer.body == b"Resource not found."
    assert answer.headers["x-api-pool"] == "polite"


def test_head_answers_headers_only(crossref_server: FakeCrossref) -> None:
    found = fetch(crossref_server, f"/works/{BMJ}", POLITE, method="HEAD")
    missing = fetch(crossref_server, "/works/10.5555/none", POLITE, method="HEAD")
    assert (found.status, found.body, missing.status) == (200, b"", 404)
    assert int(found.headers["content-length"]) > 0


def test_select_is_refused_on_single_route(crossref_server: FakeCrossref) -> None:
    answer = fetch(crossref_server, f"/works/{BMJ}", {**POLITE, "select": "DOI"})
    assert answer.status == 400
    assert answer.json()["message"][0]["type"] == "parameter-not-allowed"


# -- list queries ---------------------------------------------------------------------------


def test_list_answers_the_work_list_envelope(crossref_server: FakeCrossref) -> None:
    answer = plus(crossref_server, "/works", query="acupuncture neck pain", rows=3, offset=1)
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert (body["status"], body["message-type"], body["message-version"]) == (
        "ok",
        "work-list",
        "1.0.0",
    )
    message = body["message"]
    assert list(message) == ["facets", "total-results", "items", "items-per-page", "query"]
    assert message["items-per-page"] == 3
    assert len(message["items"]) == 3
    assert message["total-results"] > 3
    assert message["query"] == {"start-index": 1, "search-terms": "acupuncture neck pain"}


def test_rows_default_and_offset_page_through(crossref_server: FakeCrossref) -> None:
    everything = plus(crossref_server, "/works", filter="prefix:10.5555", rows=1000)
    assert everything.message["total-results"] == len(everything.message["items"])
    default = plus(crossref_server, "/works", filter="prefix:10.5555")
    assert default.message["items-per-page"] == 20
    second = plus(crossref_server, "/works", filter="prefix:10.5555", rows=5, offset=5)
    assert dois(second) == dois(everything)[5:10]


def test_cursor_pages_through_everything(crossref_server: FakeCrossref) -> None:
    seen: list[str] = []
    cursor = "*"
    while True:
        page = plus(crossref_server, "/works", filter="prefix:10.5555", rows=10, cursor=cursor)
        if not page.message["items"]:
            break
        seen += dois(page)
        cursor = page.message["next-cursor"]
    assert len(seen) == len(set(seen)) == page.message["total-results"]


def test_select_projects_fields(crossref_server: FakeCrossref) -> None:
    answer = plus(crossref_server, "/works", query="sepsis", select="DOI,title,score", rows=2)
    assert answer.status == 200
    assert all(set(item) == {"DOI", "title", "score"} for item in answer.message["items"])
    without_score = plus(crossref_server, "/works", query="sepsis", select="DOI", rows=2)
    assert all(set(item) == {"DOI"} for item in without_score.message["items"])


@pytest.mark.parametrize(
    ("params", "kind", "value"),
    [
        pytest.param({"select": "DOI,colour"}, "parameter-not-allowed", "colour", id="select"),
        pytest.param({"rows": "1001"}, "integer-not-valid", "1001", id="rows-over-1000"),
        pytest.param({"rows": "ten"}, "integer-not-valid", "ten", id="rows-not-integer"),
        pytest.param({"offset": "10001"}, "integer-not-valid", "10001", id="offset-too-deep"),
        pytest.param({"filter": "colour:red"}, "filter-not-available", "colour", id="filter"),
        pytest.param(
            {"filter": "from-created-date:2020-13"}, "date-not-valid", "2020-13", id="date"
        ),
        pytest.param({"filter": "is-update:maybe"}, "boolean-not-valid", "maybe", id="boolean"),
        pytest.param({"colour": "red"}, "parameter-not-allowed", "colour", id="parameter"),
        pytest.param({"query.colour": "red"}, "parameter-not-allowed", "query.colour", id="field"),
    ],
)
def test_invalid_list_parameters_are_400_validation_failures(
    crossref_server: FakeCrossref, params: dict[str, str], kind: str, value: str
) -> None:
    answer = fetch(crossref_server, "/works", params, headers=PLUS)
    assert answer.status == 400
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert (body["status"], body["message-type"]) == ("failed", "validation-failure")
    assert [(m["type"], m["value"]) for m in body["message"]] == [(kind, value)]
    assert body["message"][0]["message"]


def test_every_validation_problem_is_reported_at_once(crossref_server: FakeCrossref) -> None:
    answer = plus(crossref_server, "/works", rows=5000, select="nope", filter="nope:1")
    assert len(answer.json()["message"]) == 3


# -- filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(f"doi:{BMJ},doi:10.7326/m16-2367", {BMJ, "10.7326/M16-2367"}, id="doi-ored"),
        pytest.param(f"doi:{BMJ.upper()},doi:10.5555/absent", {BMJ}, id="doi-any-case"),
        pytest.param(f"doi:{BMJ},type:book-chapter", set(), id="different-names-anded"),
        pytest.param(
            f"updates:{CORRECTED_DOI}", {CORRECTION_NOTICE_DOI, ERRATUM_NOTICE_DOI}, id="updates"
        ),
        pytest.param("is-update:true", set(NOTICE_DOIS), id="is-update"),
        pytest.param("update-type:retraction", {RETRACTION_NOTICE_DOI}, id="update-type"),
        pytest.param(
            "update-type:retraction,update-type:expression_of_concern",
            {RETRACTION_NOTICE_DOI, CONCERN_NOTICE_DOI},
            id="update-types-ored",
        ),
        pytest.param(
            "update-type:retraction,from-created-date:2019-03-12",
            {RETRACTION_NOTICE_DOI},
            id="update-type-from-date",
        ),
        pytest.param(
            "update-type:retraction,until-created-date:2019-03-11", set(), id="update-type-until"
        ),
        pytest.param(
            "is-update:true,from-update-date:2013,until-update-date:2013-12",
            {CORRECTION_NOTICE_DOI, ERRATUM_NOTICE_DOI},
            id="update-date-range",
        ),
        pytest.param("type:book-chapter", {"10.5555/fx.chapter-2014"}, id="type"),
        pytest.param(
            "type:posted-content,type:dataset",
            {"10.5555/fx.ibd-preprint-2021", "10.5555/fx.atc-data-2012"},
            id="types-ored",
        ),
    ],
)
def test_filters(crossref_server: FakeCrossref, filters: str, expected: set[str]) -> None:
    answer = plus(crossref_server, "/works", filter=filters, rows=100)
    assert answer.status == 200
    assert set(dois(answer)) == expected
    assert answer.message["total-results"] == len(expected)


def test_filter_only_lists_sort_by_doi_with_score_one(crossref_server: FakeCrossref) -> None:
    answer = plus(crossref_server, "/works", filter="prefix:10.1097", rows=10)
    found = dois(answer)
    assert found == sorted(found, key=str.lower)
    assert {item["score"] for item in answer.message["items"]} == {1.0}


def test_fifty_dois_in_one_filter_query(crossref_factory: CrossrefFactory) -> None:
    records = [work(doi=f"10.5555/batch.{i}", title=f"Work {i}", year=2020) for i in range(60)]
    server = crossref_factory(records)
    wanted = [f"10.5555/BATCH.{i}" for i in range(0, 60, 6)] + ["10.5555/missing"]
    answer = plus(server, "/works", filter=",".join(f"doi:{d}" for d in wanted), rows=50)
    assert sorted(dois(answer)) == sorted(d.lower() for d in wanted[:-1])


# -- search -------------------------------------------------------------------------------


def _reference_query(record: Mapping[str, Any]) -> str:
    year = record["issued"]["date-parts"][0][0]
    return f"{record['title'][0]} {record['author'][0]['family']} {year}"


@pytest.mark.parametrize("doi", CORPUS_DOIS, ids=CORPUS_DOIS)
def test_search_ranks_the_work_first_and_a_distractor_second(
    crossref_server: FakeCrossref, doi: str
) -> None:
    record = crossref_server.get(doi)
    assert record is not None
    answer = fetch(
        crossref_server,
        "/works",
        {"query.bibliographic": _reference_query(record), "rows": 5},
        headers=PLUS,
    )
    found = dois(answer)
    assert found[0] == doi
    assert found[1] in DISTRACTOR_DOIS
    scores = [item["score"] for item in answer.message["items"]]
    assert scores == sorted(scores, reverse=True)


def test_witt_reference_finds_only_distractors(crossref_server: FakeCrossref) -> None:
    reference = (
        "Witt CM, Jena S, Brinkhaus B, Liecker B, Wegscheider K, Willich SN. Acupuncture for"
        " patients with chronic neck pain. Pain. 2006;125(1-2):98-106."
    )
    params: dict[str, str | int] = {"query.bibliographic": reference, "rows": 5}
    answer = fetch(crossref_server, "/works", params, headers=PLUS)
    assert dois(answer)[0] == "10.5555/fx.neck-patients-2009"
    assert set(dois(answer)) <= set(DISTRACTOR_DOIS)


def test_score_grows_with_query_length(crossref_server: FakeCrossref) -> None:
    short = plus(crossref_server, "/works", query="acupuncture sepsis", rows=1)
    long = plus(
        crossref_server,
        "/works",
        query="Acupuncture modulates immunity in sepsis toward a science-based protocol Pan 2021",
        rows=1,
    )
    assert dois(short) == dois(long) == ["10.1016/j.autneu.2021.102793"]
    assert long.message["items"][0]["score"] > 2 * short.message["items"][0]["score"]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param("Müller, Sørensen", ["muller", "sorensen"], id="accents"),
        pytest.param("Acupuncture and <i>moxibustion</i>", ["acupuncture", "and", "moxibustion"],
                     id="jats"),
        pytest.param("E887-E900; 2008;33(23)", ["e887", "e900", "2008", "33", "23"], id="numbers"),
        pytest.param("Deutsches Ärzteblatt", ["deutsches", "arzteblatt"], id="umlaut"),
    ],
)  # fmt: skip
def test_tokenize_folds_case_accents_and_markup(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens
    assert fold("ÆØ") == "aeo"


def test_search_matches_folded_names(crossref_server: FakeCrossref) -> None:
    answer = plus(crossref_server, "/works", query="MULLER sorensen moxibustion", rows=1)
    assert dois(answer) == ["10.5555/fx.knee-jats"]


@pytest.mark.parametrize(
    ("field", "text", "first"),
    [
        pytest.param("query.author", "Vickers Lindgren", "10.5555/fx.vickers-2016", id="author"),
        pytest.param("query.title", "safety of acupuncture", "10.5555/fx.safety-subtitle-2017",
                     id="title"),
        pytest.param("query.container-title", "Cephalalgia", "10.5555/fx.migraine-2017",
                     id="container-title"),
    ],
)  # fmt: skip
def test_field_queries(crossref_server: FakeCrossref, field: str, text: str, first: str) -> None:
    answer = fetch(crossref_server, "/works", {field: text, "rows": 3}, headers=PLUS)
    assert answer.status == 200
    assert dois(answer)[0] == first


def test_search_with_filter(crossref_server: FakeCrossref) -> None:
    answer = plus(
        crossref_server, "/works", query="acupuncture chronic pain", filter="type:book-chapter"
    )
    assert dois(answer) == ["10.5555/fx.chapter-2014"]


# -- rate limits ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "headers", "pool", "single", "listing", "concurrency"),
    [
        pytest.param({}, {}, "public", "5", "1", "1", id="public"),
        pytest.param(POLITE, {}, "polite", "10", "3", "3", id="polite-mailto"),
        pytest.param({}, {"User-Agent": f"acurefs/0 (mailto:{POLITE_MAILTO})"}, "polite", "10",
                     "3", "3", id="polite-user-agent"),
        pytest.param(POLITE, PLUS, "plus", "150", "150", "50", id="plus"),
    ],
)  # fmt: skip
def test_rate_limit_headers_per_pool(
    crossref_server: FakeCrossref,
    params: dict[str, str],
    headers: dict[str, str],
    pool: str,
    single: str,
    listing: str,
    concurrency: str,
) -> None:
    for path, limit in ((f"/works/{BMJ}", single), ("/works", listing), ("/works/10.5/x", single)):
        answer = fetch(crossref_server, path, {**params, "rows": "0"}, headers=headers)
        assert answer.status in (200, 404)
        assert answer.headers["x-rate-limit-limit"] == limit
        assert answer.headers["x-rate-limit-interval"] == "1s"
        assert answer.headers["x-concurrency-limit"] == concurrency
        assert answer.headers["x-api-pool"] == pool
    assert {r.pool for r in crossref_server.requests} == {pool}


def test_over_the_list_rate_is_429_with_retry_after(crossref_server: FakeCrossref) -> None:
    answers = [fetch(crossref_server, "/works", {"rows": "0"}) for _ in range(3)]
    assert [a.status for a in answers] == [200, 429, 429]
    refused = answers[1]
    assert refused.headers["retry-after"] == "1"
    assert refused.headers["x-rate-limit-limit"] == "1"
    assert b"Too Many Requests" in refused.body
    assert crossref_server.rate_limited == 2
    assert crossref_server.count(status=429) == 2
    single = fetch(crossref_server, f"/works/{BMJ}")
    assert single.status == 200, "single routes have their own window"


def test_polite_single_rate_allows_ten_then_refuses(crossref_server: FakeCrossref) -> None:
    statuses = [fetch(crossref_server, f"/works/{BMJ}", POLITE).status for _ in range(11)]
    assert statuses == [200] * 10 + [429]


def test_a_client_within_the_rate_is_never_refused(crossref_factory: CrossrefFactory) -> None:
    limits = RateLimits(polite=PoolLimits(single=20, list=20, concurrency=3))
    server = crossref_factory(limits=limits)
    for _ in range(22):  # 22 requests over 1.2 s: more than the limit, never 20 in one second
        started = time.monotonic()
        assert fetch(server, f"/works/{BMJ}", POLITE).status == 200
        time.sleep(max(0.0, 0.055 - (time.monotonic() - started)))
    assert server.rate_limited == 0


def test_window_slides(crossref_server: FakeCrossref) -> None:
    assert fetch(crossref_server, "/works", {"rows": "0"}).status == 200
    assert fetch(crossref_server, "/works", {"rows": "0"}).status == 429
    time.sleep(1.02)
    assert fetch(crossref_server, "/works", {"rows": "0"}).status == 200


@pytest.mark.parametrize(
    ("params", "n", "refused"),
    [
        pytest.param({}, 2, 1, id="public-1"),
        pytest.param(POLITE, 3, 0, id="polite-3"),
        pytest.param(POLITE, 4, 1, id="polite-4"),
    ],
)
def test_concurrency_limit(
    crossref_factory: CrossrefFactory, params: dict[str, str], n: int, refused: int
) -> None:
    server = crossref_factory(latency=0.3)
    answers = parallel([lambda: fetch(server, f"/works/{BMJ}", params)] * n)
    assert sorted(a.status for a in answers) == [200] * (n - refused) + [429] * refused
    assert server.peak_in_flight() == n - refused


def test_unenforced_limits_still_advertise_and_track(crossref_factory: CrossrefFactory) -> None:
    server = crossref_factory(enforce=False, latency=0.2)
    started = time.monotonic()
    answers = parallel([lambda: fetch(server, "/works", {"rows": "0"})] * 6)
    elapsed = time.monotonic() - started
    assert {a.status for a in answers} == {200}
    assert {a.headers["x-rate-limit-limit"] for a in answers} == {"1"}
    assert server.peak_in_flight("public") == 6
    assert elapsed < 0.2 * 3, "latency is slept concurrently, not serialised"


# -- faults -------------------------------------------------------------------------------


def test_fail_next_then_recover(crossref_server: FakeCrossref) -> None:
    crossref_server.faults.fail_next(2, status=503)
    statuses = [fetch(crossref_server, f"/works/{BMJ}", headers=PLUS) for _ in range(3)]
    assert [a.status for a in statuses] == [503, 503, 200]
    assert statuses[0].headers["x-api-pool"] == "plus"
    assert [r.fault for r in crossref_server.requests] == ["status", "status", None]


def test_fail_next_by_route_and_prefix(crossref_server: FakeCrossref) -> None:
    faults = crossref_server.faults
    faults.fail_next(status=429, route="list")
    faults.fail_next(status=500, path_prefix="/works/10.7326")
    assert plus(crossref_server, f"/works/{BMJ}").status == 200
    listed = plus(crossref_server, "/works", rows=0)
    assert (listed.status, listed.headers["retry-after"]) == (429, "1")
    assert crossref_server.rate_limited == 0, "injected 429s are not the limiter's"
    assert plus(crossref_server, "/v1/works/10.7326/M16-2367").status == 500
    assert faults.pending == 0


def test_always_fails_until_switched_off(crossref_server: FakeCrossref) -> None:
    crossref_server.faults.always = 503
    assert [plus(crossref_server, f"/works/{BMJ}").status for _ in range(3)] == [503] * 3
    crossref_server.faults.always = None
    assert plus(crossref_server, f"/works/{BMJ}").status == 200


def test_slow_answer_outlasts_the_client_timeout(crossref_server: FakeCrossref) -> None:
    crossref_server.faults.slow_next(seconds=2.0)
    started = time.monotonic()
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        fetch(crossref_server, f"/works/{BMJ}", headers=PLUS, timeout=0.2)
    assert time.monotonic() - started < 1.0
    assert plus(crossref_server, f"/works/{BMJ}").status == 200


def test_malformed_json(crossref_server: FakeCrossref) -> None:
    crossref_server.faults.malformed_next()
    answer = plus(crossref_server, f"/works/{BMJ}")
    assert (answer.status, answer.headers["content-type"]) == (200, "application/json")
    with pytest.raises(json.JSONDecodeError):
        answer.json()


def test_html_instead_of_json(crossref_server: FakeCrossref) -> None:
    crossref_server.faults.html_next(route="list")
    answer = plus(crossref_server, "/works", query="pain")
    assert (answer.status, answer.headers["content-type"]) == (200, "text/html")
    assert answer.body.lstrip().startswith(b"<!DOCTYPE html>")


def test_dropped_connection(crossref_server: FakeCrossref) -> None:
    crossref_server.faults.drop_next()
    with pytest.raises(http.client.RemoteDisconnected):
        plus(crossref_server, f"/works/{BMJ}")
    with requests.Session() as session:
        crossref_server.faults.drop_next()
        with pytest.raises(requests.ConnectionError):
            session.get(f"{crossref_server.url}/works/{BMJ}", headers=PLUS, timeout=5)
        assert session.get(f"{crossref_server.url}/works/{BMJ}", headers=PLUS).ok
    assert [r.status for r in crossref_server.requests] == [0, 0, 200]


def test_latency_applies_to_every_answer(crossref_server: FakeCrossref) -> None:
    crossref_server.faults.latency = 0.15
    answer = fetch(crossref_server, "/works/10.5555/none", headers=PLUS)
    assert answer.status == 404
    assert crossref_server.requests[-1].duration >= 0.15
    crossref_server.faults.clear()
    assert crossref_server.faults.latency == 0.0


def test_fault_arguments_are_checked(crossref_server: FakeCrossref) -> None:
    with pytest.raises(ValueError, match="-1"):
        crossref_server.faults.latency = -1
    with pytest.raises(ValueError, match="0"):
        crossref_server.faults.fail_next(0)


# -- request log ----------------------------------------------------------------------------


def test_request_log(crossref_server: FakeCrossref) -> None:
    fetch(crossref_server, f"/works/{BMJ}", POLITE, headers={"User-Agent": "acurefs-test"})
    fetch(crossref_server, "/works", {**POLITE, "filter": f"doi:{BMJ}", "rows": "1"})
    fetch(crossref_server, "/works/10.5555/none", POLITE)
    first, second, third = crossref_server.requests
    assert (first.method, first.path, first.route, first.doi) == (
        "GET",
        f"/works/{BMJ}",
        "single",
        BMJ,
    )
    assert first.headers["user-agent"] == "acurefs-test"
    assert first.params == {"mailto": (POLITE_MAILTO,)}
    assert second.params["filter"] == (f"doi:{BMJ}",)
    assert (first.status, second.status, third.status) == (200, 200, 404)
    assert all(r.started <= r.ended for r in crossref_server.requests)
    assert crossref_server.count() == 3
    assert crossref_server.count("single") == 2
    assert crossref_server.count("list") == 1
    assert crossref_server.count(status=404) == 1
    assert crossref_server.count(pool="polite") == 3
    crossref_server.reset_log()
    assert crossref_server.requests == []
    assert crossref_server.count() == 0


def test_keep_alive_connections_and_stop(crossref_factory: CrossrefFactory) -> None:
    server = crossref_factory()
    with requests.Session() as session:
        for _ in range(3):
            response = session.get(f"{server.url}/works/{BMJ}", params=POLITE, timeout=5)
            assert response.json()["message"]["DOI"] == BMJ
        started = time.monotonic()
        server.stop()  # the session still holds an idle connection
        assert time.monotonic() - started < 2.0
    assert not server.running


def test_stop_is_idempotent_and_context_manager(crossref_factory: CrossrefFactory) -> None:
    with FakeCrossref([work(doi="10.5555/one", title="One", year=2020)]) as server:
        assert plus(server, "/works/10.5555/one").status == 200
        url = server.url
    server.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}/works/10.5555/one", timeout=1)


# -- records ------------------------------------------------------------------------------


def test_add_update_replace_remove(crossref_server: FakeCrossref) -> None:
    server = crossref_server
    server.add(work(doi="10.5555/new", title="Moxibustion for chronic fatigue", year=2024))
    assert plus(server, "/works/10.5555/NEW").status == 200
    assert dois(plus(server, "/works", query="moxibustion fatigue", rows=1)) == ["10.5555/new"]
    with pytest.raises(ValueError, match=r"(?i)10\.5555/new"):
        server.add(work(doi="10.5555/NEW", title="Duplicate"))

    updated = server.update("10.5555/new", is_referenced_by_count=7, volume="3", language=None)
    assert updated["is-referenced-by-count"] == 7
    assert "language" not in updated
    assert plus(server, "/works/10.5555/new").message["volume"] == "3"

    server.replace(work(doi="10.5555/new", title="Cupping for chronic fatigue", year=2024))
    assert "10.5555/new" not in dois(plus(server, "/works", query="moxibustion", rows=100))
    assert dois(plus(server, "/works", query="cupping", rows=1)) == ["10.5555/new"]

    removed = server.remove("10.5555/new")
    assert removed["title"] == ["Cupping for chronic fatigue"]
    assert plus(server, "/works/10.5555/new").status == 404
    assert plus(server, "/works", query="cupping").message["total-results"] == 0
    with pytest.raises(KeyError, match=r"10\.5555/new"):
        server.remove("10.5555/new")


def test_records_are_copies(crossref_server: FakeCrossref) -> None:
    record = crossref_server.get(BMJ)
    assert record is not None
    record["title"] = ["changed"]
    assert plus(crossref_server, f"/works/{BMJ}").message["title"] != ["changed"]


@pytest.mark.parametrize("source", ["publisher", "retraction-watch"])
def test_retract_fills_both_sides(crossref_server: FakeCrossref, source: str) -> None:
    before = plus(crossref_server, "/works", filter=f"updates:{BMJ}")
    assert before.message["total-results"] == 0
    notice = crossref_server.retract(
        BMJ, notice_doi="10.5555/bmj.retraction", date="2025-06-02", source=source
    )
    entry = notice["update-to"][0]
    assert entry["DOI"] == BMJ
    assert (entry["type"], entry["label"], entry["source"]) == (
        "retraction",
        "Retraction",
        "publisher",
    )
    assert entry["updated"]["date-parts"] == [[2025, 6, 2]]

    retracted = plus(crossref_server, f"/works/{BMJ}").message
    assert retracted["updated-by"] == [{**entry, "DOI": "10.5555/bmj.retraction", "source": source}]
    after = plus(
        crossref_server,
        "/works",
        filter=f"updates:{BMJ},update-type:retraction,from-created-date:2025-06-01",
    )
    assert dois(after) == ["10.5555/bmj.retraction"]
    assert plus(crossref_server, "/works/10.5555/bmj.retraction").status == 200


def test_fixture_notices_have_both_sides(crossref_server: FakeCrossref) -> None:
    corrected = crossref_server.get(CORRECTED_DOI)
    retracted = crossref_server.get(RETRACTED_DOI)
    assert corrected is not None
    assert retracted is not None
    assert [(u["DOI"], u["type"]) for u in corrected["updated-by"]] == [
        (CORRECTION_NOTICE_DOI, "correction"),
        (ERRATUM_NOTICE_DOI, "erratum"),
    ]
    assert retracted["updated-by"][0]["source"] == "retraction-watch"
    for notice_doi in NOTICE_DOIS:
        notice = crossref_server.get(notice_doi)
        assert notice is not None
        target = crossref_server.get(notice["update-to"][0]["DOI"])
        assert target is not None
        assert notice_doi in {u["DOI"] for u in target["updated-by"]}


def test_fixture_records_are_fresh_and_well_formed() -> None:
    first, second = fixture_records(), fixture_records()
    assert first == second
    first[0]["title"] = ["changed"]
    assert fixture_records()[0]["title"] != ["changed"]
    assert 40 <= len(second) <= 60
    assert len({r["DOI"].lower() for r in second}) == len(second)
    assert "10.1016/j.autneu.2021.102793" in CORPUS_DOIS
    autneu = next(r for r in second if r["DOI"] == "10.1016/j.autneu.2021.102793")
    assert (autneu["volume"], autneu["article-number"]) == ("232", "102793")
    assert "issue" not in autneu
    assert "page" not in autneu
    assert all(None not in r.values() for r in second)


# -- real records -------------------------------------------------------------------------


@pytest.mark.eval
def test_serves_real_crossref_records(
    crossref_factory: CrossrefFactory, crossref_eval_records: list[dict[str, Any]]
) -> None:
    server = crossref_factory(crossref_eval_records, enforce=False)
    assert len(server) == len(crossref_eval_records) > 1000
    for record in crossref_eval_records[:: len(crossref_eval_records) // 25]:
        answer = plus(server, f"/works/{quote(record['DOI'], safe='/')}")
        assert answer.status == 200
        expected = {k: v for k, v in record.items() if k != "score"}
        assert answer.message == expected
        title = " ".join(record.get("title") or [])
        if title:
            params: dict[str, str | int] = {
                "query.bibliographic": title,
                "rows": 1000,
                "select": "DOI",
            }
            found = fetch(server, "/works", params, headers=PLUS)
            assert record["DOI"] in dois(found)
