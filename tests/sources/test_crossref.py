"""The Crossref source against the loopback server: requests, faults, limits, cache, offline.

Every source here has its own cache under ``tmp_path`` (or none). Tests that inject faults
run on a server that does not enforce the rate limits, with a recording ``sleep``, so retries
and backoff cost no time; the limit tests use the enforcing server and real time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import habanero
import habanero.exceptions
import httpx2
import pytest

from acurefs import (
    AcurefsError,
    Cache,
    ConfigError,
    Crossref,
    SourceResponseError,
    SourceUnavailableError,
    __version__,
)
from acurefs.sources.crossref.adapter import BATCH_SIZE, WORK_FIELDS, RetryPolicy
from acurefs.sources.limits import POLITE_LIMITS, PUBLIC_LIMITS, Limits
from tests.conftest import POLITE_MAILTO, CrossrefFactory
from tests.fake_crossref import (
    CORPUS_DOIS,
    FakeCrossref,
    LoggedRequest,
    PoolLimits,
    RateLimits,
    fixture_records,
    work,
)
from tests.fake_crossref.fixtures import (
    CORRECTED_DOI,
    CORRECTION_NOTICE_DOI,
    ERRATUM_NOTICE_DOI,
    RETRACTED_DOI,
    RETRACTION_NOTICE_DOI,
)

BMJ = "10.1136/bmj.j1284"
BMJ_REFERENCE = (
    "Chen L, Michalsen A. Management of chronic pain using complementary and integrative "
    "medicine. BMJ. 2017;357:j1284."
)
UNKNOWN = "10.5555/acurefs.no-such-work"
TOKEN = "s3cr3t-plus-token-1234"
DAY = 24 * 3600.0

MakeSource = Callable[..., Crossref]


class Sleeps:
    """A ``sleep`` that records what it was asked to wait and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


class RecordingTransport(httpx2.BaseTransport):
    """The real HTTP transport, keeping every response (the seam ``Crossref(transport=)``)."""

    def __init__(self) -> None:
        self.inner = httpx2.HTTPTransport()
        self.responses: list[httpx2.Response] = []

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        self.responses.append(response)
        return response

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def make_source(tmp_path: Path) -> Iterator[MakeSource]:
    """Builds sources with a cache in ``tmp_path`` and a polite ``mailto`` unless told otherwise."""
    made: list[Crossref] = []

    def make(server: FakeCrossref | None = None, **kwargs: Any) -> Crossref:
        kwargs.setdefault("mailto", POLITE_MAILTO)
        if server is not None:
            kwargs.setdefault("base_url", server.url)
        if kwargs.get("use_cache", True):
            kwargs.setdefault("cache", Cache(tmp_path / "c.sqlite3"))
        source = Crossref(**kwargs)
        made.append(source)
        return source

    yield make
    for source in made:
        source.close()
        if source.cache is not None:
            source.cache.close()


@pytest.fixture
def lax_server(crossref_factory: CrossrefFactory) -> FakeCrossref:
    """The fixture records, limits announced but not enforced (for fake-time fault tests)."""
    return crossref_factory(enforce=False)


def list_dois(request: LoggedRequest) -> list[str]:
    """The DOIs a ``filter=doi:...`` request asked for."""
    (text,) = request.params["filter"]
    return [part.removeprefix("doi:") for part in text.split(",")]


def chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(found) < 10:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def batch_records(n: int) -> list[dict[str, Any]]:
    return [
        work(
            doi=f"10.5555/batch.{i:03d}",
            title=f"Batch work number {i}",
            authors=[("Doe", "Jane")],
            journal="Journal of Batches",
            year=2020,
        )
        for i in range(n)
    ]


# --- requests ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lookup",
    [
        pytest.param(lambda source: source.work(BMJ), id="work"),
        pytest.param(lambda source: source.works([BMJ])[BMJ], id="works-of-one"),
    ],
)
def test_a_single_doi_look_up_hits_works_doi(
    crossref_server: FakeCrossref, make_source: MakeSource, lookup: Callable[[Crossref], Any]
) -> None:
    found = lookup(make_source(crossref_server))
    assert found.record.doi == BMJ
    assert [(r.route, r.path) for r in crossref_server.requests] == [("single", f"/works/{BMJ}")]


def test_120_dois_take_3_list_requests_of_at_most_50(
    crossref_factory: CrossrefFactory, make_source: MakeSource
) -> None:
    records = batch_records(120)
    server = crossref_factory(fixture_records() + records)
    dois = [r["DOI"] for r in records]
    found = make_source(server).works(dois)
    assert sorted(found) == sorted(dois)
    assert all(w.record is not None and w.record.doi == d for d, w in found.items())
    assert server.count(route="list") == 3
    assert server.count(route="single") == 0
    asked = [list_dois(r) for r in server.requests]
    assert all(len(batch) <= BATCH_SIZE for batch in asked)
    assert sorted(d for batch in asked for d in batch) == sorted(dois)
    for request in server.requests:
        assert request.params["select"] == (",".join(WORK_FIELDS),)
        assert int(request.params["rows"][0]) >= len(list_dois(request))
    assert server.rate_limited == 0


def test_dois_the_filter_does_not_return_are_asked_one_by_one(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    other = "10.5555/acurefs.also-missing"
    found = make_source(lax_server, sleep=Sleeps()).works([BMJ, UNKNOWN, other])
    assert found[BMJ].record is not None
    assert found[BMJ].record.title is not None
    assert found[BMJ].record.title.startswith("Management of chronic pain")
    assert found[UNKNOWN].record is None
    assert found[other].record is None
    assert found[UNKNOWN].url is not None
    assert found[UNKNOWN].url.endswith(f"/works/{UNKNOWN}")
    assert [(r.route, r.status) for r in lax_server.requests] == [
        ("list", 200),
        ("single", 404),
        ("single", 404),
    ]
    assert sorted(r.path for r in lax_server.requests[1:]) == sorted(
        [f"/works/{UNKNOWN}", f"/works/{other}"]
    )


def test_a_doi_with_a_comma_does_not_sink_its_batch(
    crossref_factory: CrossrefFactory, make_source: MakeSource
) -> None:
    comma = "10.5555/fx.comma,doi"
    server = crossref_factory([*fixture_records(), work(doi=comma, title="A DOI with a comma")])
    found = make_source(server).works([BMJ, comma])
    assert found[BMJ].record is not None
    assert found[comma].record is not None


@pytest.mark.parametrize(
    ("given", "key"),
    [
        pytest.param("https://doi.org/10.1136/BMJ.J1284", BMJ, id="resolver-url-upper-case"),
        pytest.param("doi:10.7326/M16-2367", "10.7326/m16-2367", id="doi-prefix"),
        pytest.param("http://dx.doi.org/10.1136/bmj.j1284", BMJ, id="dx-resolver"),
        pytest.param(" 10.1136/bmj.j1284 ", BMJ, id="spaces"),
    ],
)
def test_printed_doi_forms_are_normalised(
    lax_server: FakeCrossref, make_source: MakeSource, given: str, key: str
) -> None:
    found = make_source(lax_server, sleep=Sleeps()).works([given, key])
    assert list(found) == [key]
    assert found[key].record is not None
    (request,) = lax_server.requests  # asked once, on the single-record route
    assert request.route == "single"
    assert request.doi == key


@pytest.mark.parametrize(
    "dois",
    [pytest.param([], id="none"), pytest.param(["", ""], id="empty-strings")],
)
def test_no_dois_sends_nothing(
    lax_server: FakeCrossref, make_source: MakeSource, dois: list[str]
) -> None:
    assert make_source(lax_server, sleep=Sleeps()).works(dois) == {}
    assert lax_server.count() == 0


@pytest.mark.parametrize(
    ("kwargs", "rows"),
    [
        pytest.param({}, "5", id="default-5-rows"),
        pytest.param({"rows": 3}, "3", id="3-rows"),
        pytest.param({"rows": 20}, "20", id="20-rows"),
    ],
)
def test_search_sends_query_bibliographic(
    lax_server: FakeCrossref, make_source: MakeSource, kwargs: dict[str, int], rows: str
) -> None:
    answer = make_source(lax_server, sleep=Sleeps()).search(
        "  Chen L, Michalsen A.\nManagement of chronic pain ", **kwargs
    )
    (request,) = lax_server.requests
    assert request.route == "list"
    assert request.params["query.bibliographic"] == (
        "Chen L, Michalsen A. Management of chronic pain",
    )
    assert request.params["rows"] == (rows,)
    assert "score" in request.params["select"][0].split(",")
    assert "filter" not in request.params
    assert answer is not None
    assert answer.query == "Chen L, Michalsen A. Management of chronic pain"
    assert 1 <= len(answer.candidates) <= int(rows)


def test_search_ranks_the_cited_work_first(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    answer = make_source(lax_server, sleep=Sleeps()).search(BMJ_REFERENCE)
    assert answer is not None
    best = answer.candidates[0]
    assert best.record.doi == BMJ
    assert best.score > 0
    assert answer.candidates == tuple(sorted(answer.candidates, key=lambda c: -c.score))
    assert answer.url is not None
    assert "query.bibliographic=" in answer.url
    assert answer.retrieved is not None


def test_user_agent_names_acurefs_and_habanero(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    source.works([BMJ, UNKNOWN])
    source.search(BMJ_REFERENCE)
    agents = {r.headers["user-agent"] for r in lax_server.requests}
    assert len(lax_server.requests) == 3
    for agent in agents:
        assert f"acurefs/{__version__}" in agent
        assert f"habanero/{habanero.__version__}" in agent
        assert f"mailto:{POLITE_MAILTO}" in agent


@pytest.mark.parametrize(
    ("mailto", "token", "pool"),
    [
        pytest.param(None, None, "public", id="public"),
        pytest.param(POLITE_MAILTO, None, "polite", id="mailto-polite"),
        pytest.param(POLITE_MAILTO, TOKEN, "plus", id="token-plus"),
        pytest.param(None, TOKEN, "plus", id="token-without-mailto"),
    ],
)
def test_mailto_and_token_choose_the_pool(
    crossref_server: FakeCrossref,
    make_source: MakeSource,
    mailto: str | None,
    token: str | None,
    pool: str,
) -> None:
    transport = RecordingTransport()
    source = make_source(crossref_server, mailto=mailto, token=token, transport=transport)
    assert source.pool == pool
    assert source.search(BMJ_REFERENCE) is not None
    (request,) = crossref_server.requests
    assert request.pool == pool
    assert [r.headers["x-api-pool"] for r in transport.responses] == [pool]
    if token:
        assert request.headers["crossref-plus-api-token"] == f"Bearer {token}"
    else:
        assert "crossref-plus-api-token" not in request.headers


@pytest.mark.parametrize(
    ("mailto", "limits"),
    [
        pytest.param(None, PUBLIC_LIMITS, id="public"),
        pytest.param(POLITE_MAILTO, POLITE_LIMITS, id="polite"),
    ],
)
def test_the_limiter_starts_from_the_pool_published_limits(
    make_source: MakeSource, mailto: str | None, limits: Limits
) -> None:
    assert make_source(mailto=mailto, use_cache=False).limiter.limits == limits


# --- the token stays secret --------------------------------------------------------------------


@pytest.fixture
def token_session(
    lax_server: FakeCrossref, make_source: MakeSource, caplog: pytest.LogCaptureFixture
) -> Crossref:
    """A Plus source that has looked up works, a 404 and a search, logging at DEBUG."""
    caplog.set_level(logging.DEBUG)
    source = make_source(lax_server, sleep=Sleeps(), token=TOKEN)
    source.works([BMJ, UNKNOWN])
    source.search(BMJ_REFERENCE)
    assert lax_server.count(pool="plus") == 3
    return source


def test_the_token_is_not_in_repr(token_session: Crossref) -> None:
    assert TOKEN not in repr(token_session)
    assert "***" in repr(token_session)


def test_the_token_is_not_logged(token_session: Crossref, caplog: pytest.LogCaptureFixture) -> None:
    records = caplog.get_records("setup")  # the session ran in the fixture
    assert any(r.levelno == logging.DEBUG for r in records)  # DEBUG logging did capture it
    for record in records:
        assert TOKEN not in record.getMessage()
        assert TOKEN not in repr(record.args)
        assert TOKEN not in repr(record.__dict__)


def test_the_token_is_not_cached(token_session: Crossref) -> None:
    assert token_session.cache is not None
    db = sqlite3.connect(token_session.cache.path)
    try:
        rows = db.execute("SELECT key, url, body FROM answers").fetchall()
    finally:
        db.close()
    assert len(rows) == 3
    for row in rows:
        assert all(TOKEN not in (cell or "") for cell in row)


def test_search_with_field_queries_and_filters(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    source = make_source(lax_server)
    plain = source.search("acupuncture chronic pain")
    narrowed = source.search(
        "acupuncture chronic pain",
        fields={"container-title": "Archives of Internal Medicine"},
        filters={"from-pub-date": "2011", "until-pub-date": "2013"},
    )
    assert plain is not None
    assert narrowed is not None
    (first, second) = [r for r in lax_server.requests if r.route == "list"]
    assert "filter" not in first.params
    assert second.params["query.container-title"] == ("Archives of Internal Medicine",)
    assert second.params["filter"] == ("from-pub-date:2011,until-pub-date:2013",)
    assert {c.record.year for c in narrowed.candidates} <= {2011, 2012, 2013}
    # Each question has its own cache entry: asked again, neither is sent.
    source.search("acupuncture chronic pain")
    source.search(
        "acupuncture chronic pain",
        fields={"container-title": "Archives of Internal Medicine"},
        filters={"from-pub-date": "2011", "until-pub-date": "2013"},
    )
    assert lax_server.count(route="list") == 2


def test_a_single_attempt_is_counted_in_the_singular(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    lax_server.faults.always = 503
    source = make_source(lax_server, retry=RetryPolicy(attempts=1), sleep=Sleeps())
    with pytest.raises(SourceUnavailableError, match=r"unreachable after 1 attempt for "):
        source.search(BMJ_REFERENCE)


def test_the_token_is_not_in_error_messages(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    lax_server.faults.always = 503
    source = make_source(lax_server, token=TOKEN, retry=RetryPolicy(attempts=1), sleep=Sleeps())
    with pytest.raises(SourceUnavailableError) as caught:
        source.search(BMJ_REFERENCE)
    assert all(TOKEN not in str(exc) for exc in chain(caught.value))


# --- configuration -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix",
    [
        pytest.param("", id="bare"),
        pytest.param("/", id="trailing-slash"),
        pytest.param("/v1", id="v1"),
        pytest.param("/v1/", id="v1-trailing-slash"),
    ],
)
def test_base_url_is_honoured(
    lax_server: FakeCrossref, make_source: MakeSource, suffix: str
) -> None:
    source = make_source(lax_server, sleep=Sleeps(), base_url=lax_server.url + suffix)
    assert source.works([BMJ, UNKNOWN])[BMJ].record is not None
    assert source.search(BMJ_REFERENCE) is not None
    prefix = "/v1/works" if "v1" in suffix else "/works"
    assert [r.path.startswith(prefix) for r in lax_server.requests] == [True] * 3
    assert all("//" not in r.path for r in lax_server.requests)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param(
            {},
            {
                "mailto": None,
                "pool": "public",
                "base_url": "https://api.crossref.org",
                "offline": False,
            },
            id="nothing-set",
        ),
        pytest.param(
            {"ACUREFS_MAILTO": "x@y.org"},
            {"mailto": "x@y.org", "pool": "polite"},
            id="mailto",
        ),
        pytest.param({"ACUREFS_CROSSREF_TOKEN": TOKEN}, {"pool": "plus"}, id="token"),
        pytest.param(
            {"ACUREFS_CROSSREF_URL": "http://127.0.0.1:9/v1/"},
            {"base_url": "http://127.0.0.1:9/v1"},
            id="url",
        ),
        pytest.param({"ACUREFS_OFFLINE": "1"}, {"offline": True}, id="offline-1"),
        pytest.param({"ACUREFS_OFFLINE": "true"}, {"offline": True}, id="offline-true"),
        pytest.param({"ACUREFS_OFFLINE": "YES"}, {"offline": True}, id="offline-YES"),
        pytest.param({"ACUREFS_OFFLINE": "0"}, {"offline": False}, id="offline-0"),
        pytest.param({"ACUREFS_OFFLINE": ""}, {"offline": False}, id="offline-empty"),
        pytest.param(
            {"ACUREFS_MAILTO": "", "ACUREFS_CROSSREF_TOKEN": "", "ACUREFS_CROSSREF_URL": ""},
            {"mailto": None, "pool": "public", "base_url": "https://api.crossref.org"},
            id="empty-values-are-unset",
        ),
    ],
)
def test_from_env_reads_acurefs_variables(
    tmp_path: Path, environ: dict[str, str], expected: dict[str, Any]
) -> None:
    cache = Cache(tmp_path / "c.sqlite3")
    source = Crossref.from_env(environ, cache=cache)
    assert source.cache is cache
    for name, value in expected.items():
        assert getattr(source, name) == value, name
    if environ.get("ACUREFS_CROSSREF_TOKEN"):
        assert TOKEN not in repr(source)


def test_from_env_keywords_win(tmp_path: Path) -> None:
    source = Crossref.from_env(
        {"ACUREFS_MAILTO": "env@y.org", "ACUREFS_OFFLINE": "1"},
        mailto="kw@y.org",
        offline=False,
        cache=Cache(tmp_path / "c.sqlite3"),
    )
    assert source.mailto == "kw@y.org"
    assert source.offline is False


def test_from_env_reads_acurefs_cache_dir(tmp_path: Path) -> None:
    source = Crossref.from_env({"ACUREFS_CACHE_DIR": str(tmp_path / "moved")})
    assert source.cache is not None  # constructing opens nothing, so this touches no user cache
    assert source.cache.path.parent == tmp_path / "moved"


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("ftp://api.crossref.org", id="ftp"),
        pytest.param("api.crossref.org", id="no-scheme"),
        pytest.param("//api.crossref.org", id="scheme-relative"),
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("", id="empty"),
        pytest.param("http://", id="no-host"),
        pytest.param("http://api.crossref.org:port/", id="bad-port"),
    ],
)
def test_an_invalid_url_is_a_config_error(tmp_path: Path, url: str) -> None:
    with pytest.raises(ConfigError, match="URL") as caught:
        Crossref(base_url=url, cache=Cache(tmp_path / "c.sqlite3"))
    assert repr(url) in str(caught.value)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(ConfigError):
        Crossref.from_env({"ACUREFS_CROSSREF_URL": url or "mailto:x"}, use_cache=False)


def test_an_unusable_cache_surfaces_as_config_error(
    crossref_server: FakeCrossref, make_source: MakeSource, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    bad = tmp_path / "file" / "c.sqlite3"
    source = make_source(crossref_server, cache=Cache(bad))
    with pytest.raises(ConfigError, match="file"):
        source.works([BMJ])
    assert crossref_server.count() == 0


# --- faults ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "retry_after"),
    [
        pytest.param("list", 2, id="list-2s"),
        pytest.param("list", 7, id="list-7s"),
        pytest.param("single", 3, id="single-3s"),
    ],
)
def test_429_waits_for_retry_after_and_loses_nothing(
    lax_server: FakeCrossref, make_source: MakeSource, route: Any, retry_after: int
) -> None:
    sleeps = Sleeps()
    source = make_source(lax_server, sleep=sleeps)
    lax_server.faults.fail_next(1, status=429, retry_after=retry_after, route=route)
    wanted = [*CORPUS_DOIS[:6], UNKNOWN]
    found = source.works(wanted)
    assert sorted(found) == sorted(d.lower() for d in wanted)
    assert all(found[d.lower()].record is not None for d in CORPUS_DOIS[:6])
    assert found[UNKNOWN].record is None
    assert lax_server.count(status=429) == 1
    assert max(sleeps.waits) >= retry_after
    assert source.stats.rate_limited == 1
    assert source.stats.retries == 1
    statuses = [r.status for r in lax_server.requests if r.route == route]
    assert statuses[:2] == [429, 200 if route == "list" else 404]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_twice_then_success_is_retried(
    lax_server: FakeCrossref, make_source: MakeSource, status: int
) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    lax_server.faults.fail_next(2, status=status)
    answer = source.search(BMJ_REFERENCE)
    assert answer is not None
    assert answer.candidates[0].record.doi == BMJ
    assert [r.status for r in lax_server.requests] == [status, status, 200]
    assert source.stats.retries == 2


class FakeTime:
    """A clock and a sleep that moves it: the limiter and the retries on one fake timeline."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def test_backoff_grows(lax_server: FakeCrossref, make_source: MakeSource) -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=5, base=1.0, cap=100.0)
    # the Plus pool announces 150/s, so the limiter's own waits stay far below the backoff
    source = make_source(
        lax_server, token=TOKEN, retry=policy, sleep=fake.sleep, clock=fake.clock, use_cache=False
    )
    lax_server.faults.fail_next(4, status=503)
    assert source.search(BMJ_REFERENCE) is not None
    backoff = [w for w in fake.waits if w >= 0.1]
    assert len(backoff) == 4
    for attempt, wait in enumerate(backoff):  # full jitter: within [half, all] of base * 2**n
        assert 0.5 * 2**attempt <= wait <= 2**attempt


def test_backoff_is_capped(lax_server: FakeCrossref, make_source: MakeSource) -> None:
    fake = FakeTime()
    policy = RetryPolicy(attempts=4, base=10.0, cap=12.0)
    source = make_source(
        lax_server, token=TOKEN, retry=policy, sleep=fake.sleep, clock=fake.clock, use_cache=False
    )
    lax_server.faults.fail_next(3, status=502)
    assert source.search(BMJ_REFERENCE) is not None
    assert max(fake.waits) <= 12.0


def test_persistent_503_raises_source_unavailable(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    lax_server.faults.always = 503
    source = make_source(lax_server, retry=RetryPolicy(attempts=2), sleep=Sleeps())
    with pytest.raises(SourceUnavailableError, match="503") as caught:
        source.search(BMJ_REFERENCE)
    assert isinstance(caught.value.__cause__, httpx2.HTTPStatusError)
    assert 2 <= lax_server.count() <= 3
    assert lax_server.count(status=503) == lax_server.count()


def test_attempts_counts_every_request(lax_server: FakeCrossref, make_source: MakeSource) -> None:
    lax_server.faults.always = 503
    source = make_source(lax_server, retry=RetryPolicy(attempts=2), sleep=Sleeps())
    with pytest.raises(SourceUnavailableError, match="after 2 attempts"):
        source.search(BMJ_REFERENCE)
    assert lax_server.count() == 2


def _inject(server: FakeCrossref, kind: str, n: int, route: Any) -> None:
    faults = server.faults
    if kind == "malformed":
        faults.malformed_next(n, route=route)
    elif kind == "html":
        faults.html_next(n, route=route)
    elif kind == "drop":
        faults.drop_next(n, route=route)
    elif kind == "slow":
        faults.slow_next(n, seconds=2, route=route)
    else:
        faults.fail_next(n, status=int(kind), route=route)


def _search(source: Crossref) -> Any:
    answer = source.search(BMJ_REFERENCE)
    assert answer is not None
    assert answer.candidates[0].record.doi == BMJ
    return answer


def _single(source: Crossref) -> Any:
    # the list request finds nothing for an unknown DOI; the fault hits /works/{doi}
    found = source.works([UNKNOWN])
    assert found[UNKNOWN].record is None
    return found


OPERATIONS = [
    pytest.param("list", _search, id="search"),
    pytest.param("single", _single, id="single"),
]

# What each fault looks like underneath: the library exception the translation starts from.
FAULTS = [
    pytest.param("malformed", json.JSONDecodeError, id="malformed-json"),
    pytest.param("html", habanero.exceptions.RequestError, id="html-200"),
    pytest.param("drop", httpx2.TransportError, id="dropped"),
    pytest.param("slow", httpx2.TimeoutException, id="slow"),
    pytest.param("503", httpx2.HTTPStatusError, id="503"),
]


@pytest.mark.parametrize(("kind", "underneath"), FAULTS)
@pytest.mark.parametrize(("route", "operation"), OPERATIONS)
def test_a_fault_is_retried(
    lax_server: FakeCrossref,
    make_source: MakeSource,
    kind: str,
    underneath: type[BaseException],
    route: str,
    operation: Callable[[Crossref], Any],
) -> None:
    source = make_source(lax_server, timeout=0.5, sleep=Sleeps())
    _inject(lax_server, kind, 1, route)
    operation(source)
    assert lax_server.faults.pending == 0
    assert source.stats.retries == 1


@pytest.mark.parametrize(("kind", "underneath"), FAULTS)
@pytest.mark.parametrize(("route", "operation"), OPERATIONS)
def test_a_persistent_fault_is_source_unavailable(
    lax_server: FakeCrossref,
    make_source: MakeSource,
    kind: str,
    underneath: type[BaseException],
    route: str,
    operation: Callable[[Crossref], Any],
) -> None:
    attempts = 1 if kind == "slow" else 2  # each slow attempt costs the 0.5 s timeout
    source = make_source(
        lax_server, timeout=0.5, retry=RetryPolicy(attempts=attempts), sleep=Sleeps()
    )
    _inject(lax_server, kind, attempts, route)
    with pytest.raises(SourceUnavailableError) as caught:
        operation(source)
    exc = caught.value
    assert type(exc) is SourceUnavailableError
    assert exc.__cause__ is not None
    assert any(isinstance(e, underneath) for e in chain(exc)[1:])
    assert source.stats.retries == attempts - 1
    assert source.cache is not None
    assert len(source.cache) == 0  # nothing half-answered was cached


@pytest.mark.parametrize(
    ("status", "route", "operation"),
    [
        pytest.param(400, "list", _search, id="400-search"),
        pytest.param(400, "single", _single, id="400-single"),
        pytest.param(401, "list", _search, id="401"),
        pytest.param(403, "list", _search, id="403"),
    ],
)
def test_a_client_error_is_source_response_error_without_retry(
    lax_server: FakeCrossref,
    make_source: MakeSource,
    status: int,
    route: Any,
    operation: Callable[[Crossref], Any],
) -> None:
    sleeps = Sleeps()
    source = make_source(lax_server, sleep=sleeps)
    lax_server.faults.fail_next(1, status=status, route=route)
    with pytest.raises(SourceResponseError, match=str(status)) as caught:
        operation(source)
    assert caught.value.__cause__ is not None
    assert lax_server.count(status=status) == 1
    assert source.stats.retries == 0


def test_a_validation_failure_is_source_response_error_without_retry(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    with pytest.raises(SourceResponseError, match="400") as caught:
        source.search(BMJ_REFERENCE, rows=5000)  # Crossref allows at most 1000 rows
    assert isinstance(caught.value.__cause__, habanero.exceptions.RequestError)
    assert [r.status for r in lax_server.requests] == [400]


@pytest.mark.parametrize(
    "operation",
    [
        pytest.param(lambda s: s.search(BMJ_REFERENCE), id="search"),
        pytest.param(lambda s: s.works([BMJ, "10.7326/m16-2367"]), id="works"),
        pytest.param(lambda s: s.notices([BMJ], since="2020-01-01"), id="notices"),
    ],
)
def test_a_404_on_a_list_route_is_source_response_error(
    lax_server: FakeCrossref, make_source: MakeSource, operation: Callable[[Crossref], Any]
) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    lax_server.faults.fail_next(1, status=404, route="list")
    with pytest.raises(AcurefsError) as caught:
        operation(source)
    assert isinstance(caught.value, SourceResponseError)


# --- limits ------------------------------------------------------------------------------------


def test_polite_limits_are_kept(crossref_server: FakeCrossref, make_source: MakeSource) -> None:
    source = make_source(crossref_server)
    unknown = [f"10.5555/acurefs.unknown-{i:02d}" for i in range(40)]
    queries = [f"acupuncture chronic pain trial {i}" for i in range(10)]
    # 10 callers at once: 4 share 40 single-record look-ups, 6 share 10 searches
    with ThreadPoolExecutor(max_workers=10) as pool:
        looked_up = [pool.submit(source.works, unknown[i::4]) for i in range(4)]
        searched = [
            pool.submit(lambda qs: [source.search(q) for q in qs], queries[i::6]) for i in range(6)
        ]
        answers = [a for f in searched for a in f.result()]
        found = {d: w for f in looked_up for d, w in f.result().items()}
    assert sorted(found) == sorted(unknown)
    assert len(answers) == 10
    assert all(a is not None for a in answers)
    # 40 look-ups and 4 + 10 searches; on a loaded machine a slow answer may be asked again
    # (a retry the source counts), never more.
    sent = crossref_server.count(route="single") + crossref_server.count(route="list")
    assert crossref_server.count(route="single") >= 40
    assert crossref_server.count(route="list") >= 4 + 10
    assert sent == 40 + 4 + 10 + source.stats.retries
    # The starts are spaced 5% wider than the limit, but a request held up on its way on a
    # loaded machine (reproduced with four busy processes beside the test) can land inside the
    # window the next one closes: at most one such refusal, and every refusal is honoured
    # (counted, paused for, retried).
    assert crossref_server.rate_limited <= 1
    assert crossref_server.count(status=429) == source.stats.rate_limited <= 1
    assert source.stats.retries >= source.stats.rate_limited
    assert crossref_server.peak_in_flight("polite") <= POLITE_LIMITS.concurrency
    assert {r.pool for r in crossref_server.requests} == {"polite"}


@pytest.mark.parametrize(
    ("announced", "route", "operation", "expected"),
    [
        pytest.param(
            PoolLimits(single=10, list=20, concurrency=3),
            "list",
            lambda s: s.search(BMJ_REFERENCE),
            Limits(single=10, list=20, concurrency=3),
            id="list-20",
        ),
        pytest.param(
            PoolLimits(single=25, list=3, concurrency=5),
            "single",
            lambda s: s.works([UNKNOWN]),
            Limits(single=25, list=3, concurrency=5),
            id="single-25-concurrency-5",
        ),
        pytest.param(
            PoolLimits(single=4, list=1, concurrency=1),
            "list",
            lambda s: s.search(BMJ_REFERENCE),
            Limits(single=10, list=1, concurrency=1),
            id="shrinks",
        ),
    ],
)
def test_the_limiter_resizes_from_the_answer_headers(
    crossref_factory: CrossrefFactory,
    make_source: MakeSource,
    announced: PoolLimits,
    route: str,
    operation: Callable[[Crossref], Any],
    expected: Limits,
) -> None:
    server = crossref_factory(limits=RateLimits(polite=announced))
    source = make_source(server)
    assert source.limiter.limits == POLITE_LIMITS
    operation(source)
    assert source.limiter.limits == expected


def test_a_shrunken_concurrency_is_kept(
    crossref_factory: CrossrefFactory, make_source: MakeSource
) -> None:
    server = crossref_factory(
        limits=RateLimits(polite=PoolLimits(single=20, list=10, concurrency=1))
    )
    server.faults.latency = 0.05  # long enough for requests to overlap if they could
    source = make_source(server)
    source.search("warm up: learn the limits")
    server.reset_log()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(source.search, [f"acupuncture {i}" for i in range(6)]))
    assert server.peak_in_flight() == 1
    assert server.rate_limited == 0


# --- cache -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "same_source", [pytest.param(True, id="same-source"), pytest.param(False, id="new-source")]
)
def test_a_second_run_is_answered_from_the_cache(
    lax_server: FakeCrossref, make_source: MakeSource, tmp_path: Path, same_source: bool
) -> None:
    wanted = [*CORPUS_DOIS, UNKNOWN]
    first = make_source(lax_server, sleep=Sleeps())
    before = first.works(wanted)
    searched = first.search(BMJ_REFERENCE)
    lax_server.reset_log()
    second = (
        first
        if same_source
        else make_source(lax_server, sleep=Sleeps(), cache=Cache(tmp_path / "c.sqlite3"))
    )
    hits = second.stats.cache_hits
    after = second.works(wanted)
    again = second.search(BMJ_REFERENCE)
    assert lax_server.count() == 0
    assert second.stats.cache_hits - hits == len(wanted) + 1
    assert {d: w.record for d, w in after.items()} == {d: w.record for d, w in before.items()}
    assert after[UNKNOWN].record is None
    assert again is not None
    assert searched is not None
    assert again.candidates == searched.candidates


def test_refresh_asks_again(lax_server: FakeCrossref, make_source: MakeSource) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    source.works([BMJ])
    lax_server.reset_log()
    assert source.works([BMJ], refresh=True)[BMJ].record is not None
    assert lax_server.count() == 1


def test_a_search_with_other_rows_is_not_the_cached_one(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    source.search(BMJ_REFERENCE)
    source.search(" ".join(BMJ_REFERENCE.split(" ")))  # same words, same key
    assert lax_server.count() == 1
    source.search(BMJ_REFERENCE, rows=2)
    assert lax_server.count() == 2


def test_rows_written_already_expired_are_fetched_again(
    lax_server: FakeCrossref, make_source: MakeSource, tmp_path: Path
) -> None:
    # a clock 31 days behind writes rows whose 30-day life is over by today's clock
    behind = Cache(tmp_path / "c.sqlite3", clock=lambda: time.time() - 31 * DAY)
    make_source(lax_server, sleep=Sleeps(), cache=behind).works([BMJ, UNKNOWN])
    make_source(lax_server, sleep=Sleeps(), cache=behind).search(BMJ_REFERENCE)
    lax_server.reset_log()
    source = make_source(lax_server, sleep=Sleeps(), cache=Cache(tmp_path / "c.sqlite3"))
    source.works([BMJ, UNKNOWN])
    source.search(BMJ_REFERENCE)
    assert lax_server.count() == 3  # list, single 404, search
    assert source.stats.cache_hits == 0


class MovableClock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_rows_expire_on_the_cache_clock(
    lax_server: FakeCrossref, make_source: MakeSource, tmp_path: Path
) -> None:
    clock = MovableClock()
    source = make_source(
        lax_server, sleep=Sleeps(), cache=Cache(tmp_path / "c.sqlite3", clock=clock)
    )
    source.works([BMJ])
    lax_server.reset_log()
    clock.now += 31 * DAY
    source.works([BMJ])
    assert lax_server.count() == 1


def test_a_404_is_cached_with_the_shorter_ttl(
    lax_server: FakeCrossref, make_source: MakeSource, tmp_path: Path
) -> None:
    cache = Cache(tmp_path / "c.sqlite3")
    source = make_source(lax_server, sleep=Sleeps(), cache=cache)
    source.works([BMJ, UNKNOWN])
    missing = cache.get(f"work:{UNKNOWN}")
    found = cache.get(f"work:{BMJ}")
    assert missing is not None
    assert found is not None
    assert missing.status == 404
    assert found.status == 200
    assert missing.expires - missing.fetched == pytest.approx(cache.negative_ttl)
    assert found.expires - found.fetched == pytest.approx(cache.ttl)
    assert cache.negative_ttl < cache.ttl


def test_the_cache_stays_sound(lax_server: FakeCrossref, make_source: MakeSource) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    source.works([*CORPUS_DOIS, UNKNOWN])
    source.search(BMJ_REFERENCE)
    assert source.cache is not None
    assert source.cache.integrity() == "ok"
    db = sqlite3.connect(source.cache.path)
    try:
        rows = db.execute("SELECT key, body FROM answers").fetchall()
    finally:
        db.close()
    assert len(rows) == len(CORPUS_DOIS) + 2
    for _, body in rows:
        json.loads(body)


# --- offline -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written_days_ago",
    [pytest.param(0, id="fresh"), pytest.param(400, id="long-expired")],
)
def test_offline_answers_from_the_cache_only(
    lax_server: FakeCrossref, make_source: MakeSource, tmp_path: Path, written_days_ago: int
) -> None:
    path = tmp_path / "c.sqlite3"
    online = make_source(
        lax_server,
        sleep=Sleeps(),
        cache=Cache(path, clock=lambda: time.time() - written_days_ago * DAY),
    )
    online.works([BMJ, UNKNOWN])
    online.search(BMJ_REFERENCE)
    lax_server.reset_log()
    offline = make_source(lax_server, sleep=Sleeps(), cache=Cache(path), offline=True)
    found = offline.works([BMJ, UNKNOWN, CORPUS_DOIS[1]])
    assert sorted(found) == sorted([BMJ, UNKNOWN])  # the uncached DOI is left out
    assert found[BMJ].record is not None
    assert found[UNKNOWN].record is None
    cached_search = offline.search(BMJ_REFERENCE)
    assert cached_search is not None
    assert cached_search.candidates[0].record.doi == BMJ
    assert offline.search("a reference nobody searched for") is None
    assert lax_server.count() == 0
    assert offline.stats.total_requests == 0


def test_offline_without_a_cache_checks_nothing(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    source = make_source(lax_server, sleep=Sleeps(), use_cache=False, offline=True)
    assert source.works([BMJ]) == {}
    assert source.search(BMJ_REFERENCE) is None
    assert lax_server.count() == 0


def test_offline_notices_refuse_rather_than_ask(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    source = make_source(lax_server, sleep=Sleeps(), offline=True)
    with pytest.raises(SourceUnavailableError, match="Offline"):
        source.notices([BMJ], since="2020-01-01")
    assert lax_server.count() == 0


# --- notices -----------------------------------------------------------------------------------


def test_notices_batch_updates_filters(lax_server: FakeCrossref, make_source: MakeSource) -> None:
    found = make_source(lax_server, sleep=Sleeps()).notices(
        [CORRECTED_DOI, RETRACTED_DOI, BMJ], since="2000-01-01"
    )
    assert sorted(found) == sorted([CORRECTED_DOI, RETRACTED_DOI])
    assert {(u.type, u.doi) for u in found[CORRECTED_DOI]} == {
        ("correction", CORRECTION_NOTICE_DOI),
        ("erratum", ERRATUM_NOTICE_DOI),
    }
    assert [(u.type, u.doi) for u in found[RETRACTED_DOI]] == [
        ("retraction", RETRACTION_NOTICE_DOI)
    ]
    (request,) = lax_server.requests
    assert request.params["filter"][0].endswith("from-created-date:2000-01-01")
    assert f"updates:{BMJ}" in request.params["filter"][0]


def test_notices_since_leaves_older_ones_out(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    assert (
        make_source(lax_server, sleep=Sleeps()).notices([RETRACTED_DOI], since="2020-01-01") == {}
    )


# --- registration agency (doi.org) -------------------------------------------------------------


class DoiOrg(httpx2.BaseTransport):
    """doi.org's ``/ra/{doi}`` as a transport (the seam ``Crossref(transport=)``); other hosts
    go to the network as usual."""

    def __init__(self, answers: Mapping[str, bytes], *, refuse: bool = False) -> None:
        self.answers = answers
        self.refuse = refuse
        self.sent: list[str] = []
        self.inner = httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.host != "doi.org":
            return self.inner.handle_request(request)
        self.sent.append(str(request.url))
        if self.refuse:
            raise httpx2.ConnectError("connection refused", request=request)
        body = self.answers[str(request.url).rsplit("/ra/", 1)[1]]
        return httpx2.Response(
            200, headers={"Content-Type": "application/json"}, content=body, request=request
        )

    def close(self) -> None:
        self.inner.close()


def _ra(doi: str, agency: str) -> bytes:
    return json.dumps([{"DOI": doi, "RA": agency}]).encode()


def _ra_status(doi: str, status: str) -> bytes:
    return json.dumps([{"DOI": doi, "status": status}]).encode()


@pytest.mark.parametrize(
    ("doi", "body", "agency"),
    [
        pytest.param(BMJ, _ra(BMJ, "Crossref"), "Crossref", id="crossref"),
        pytest.param(
            "10.5281/zenodo.1", _ra("10.5281/zenodo.1", "DataCite"), "DataCite", id="datacite"
        ),
        pytest.param(UNKNOWN, _ra_status(UNKNOWN, "DOI does not exist"), None, id="unknown"),
        pytest.param("10.x", _ra_status("10.x", "Invalid DOI"), None, id="invalid"),
        pytest.param("10.5555/empty", b"[]", None, id="empty-answer"),
    ],
)
def test_registration_agency_asks_doi_org_once(
    make_source: MakeSource, doi: str, body: bytes, agency: str | None
) -> None:
    adapter = DoiOrg({doi: body})
    source = make_source(transport=adapter)
    assert source.registration_agency(doi) == agency
    assert source.registration_agency(doi) == agency  # from the cache
    assert adapter.sent == [f"https://doi.org/ra/{doi}"]
    assert source.stats.requests["doi.org"] == 1


@pytest.mark.parametrize(
    ("answers", "refuse"),
    [
        pytest.param({BMJ: b"<html>maintenance</html>"}, False, id="not-json"),
        pytest.param({}, True, id="connection-refused"),
    ],
)
def test_registration_agency_failure_is_source_unavailable(
    make_source: MakeSource, answers: dict[str, bytes], refuse: bool
) -> None:
    source = make_source(transport=DoiOrg(answers, refuse=refuse))
    with pytest.raises(SourceUnavailableError, match=r"doi\.org") as caught:
        source.registration_agency(BMJ)
    assert caught.value.__cause__ is not None


def test_registration_agency_offline_asks_nobody(make_source: MakeSource) -> None:
    adapter = DoiOrg({})
    assert make_source(transport=adapter, offline=True).registration_agency(BMJ) is None
    assert adapter.sent == []


# --- the cached search key ---------------------------------------------------------------------


def test_searches_are_cached_under_a_hash_of_rows_and_query(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    source = make_source(lax_server, sleep=Sleeps())
    source.search(BMJ_REFERENCE)
    assert source.cache is not None
    digest = hashlib.sha256(f"5\n{BMJ_REFERENCE}".encode()).hexdigest()
    cached = source.cache.get(f"search:{digest}")
    assert cached is not None
    assert cached.body[0]["record"]["DOI"].lower() == BMJ
    assert cached.url is not None
    assert "query.bibliographic" in cached.url


# --- limits and connections shared per endpoint ------------------------------------------------


def test_sources_of_one_endpoint_share_their_limiter(
    crossref_server: FakeCrossref, make_source: MakeSource
) -> None:
    first = make_source(crossref_server)
    second = make_source(crossref_server, use_cache=False)
    assert second.limiter is first.limiter
    assert make_source(crossref_server, mailto=None).limiter is not first.limiter  # public pool
    assert make_source(crossref_server, sleep=Sleeps()).limiter is not first.limiter
    assert make_source(crossref_server, limits=POLITE_LIMITS).limiter is not first.limiter


def test_what_one_source_learns_the_next_one_starts_from(
    crossref_factory: CrossrefFactory, make_source: MakeSource
) -> None:
    announced = PoolLimits(single=25, list=7, concurrency=2)
    server = crossref_factory(limits=RateLimits(polite=announced))
    first = make_source(server)
    first.search(BMJ_REFERENCE)
    first.close()
    later = make_source(server, use_cache=False)
    assert later.limiter.limits == Limits(single=10, list=7, concurrency=2)


def test_sources_of_one_endpoint_share_their_connections(
    crossref_server: FakeCrossref, make_source: MakeSource
) -> None:
    first = make_source(crossref_server, use_cache=False)
    first.works([BMJ])
    first.close()  # the shared connections stay open for the next source
    make_source(crossref_server, use_cache=False).works([UNKNOWN])
    ports = [r.client_port for r in crossref_server.requests]
    assert len(ports) == 2
    assert ports[0] == ports[1]  # one kept-alive connection for both


def test_a_transport_gives_a_source_connections_of_its_own(
    crossref_server: FakeCrossref, make_source: MakeSource
) -> None:
    transport = RecordingTransport()
    own = make_source(crossref_server, use_cache=False, transport=transport)
    own.works([BMJ])
    make_source(crossref_server, use_cache=False).works([UNKNOWN])
    assert len(transport.responses) == 1
    ports = [r.client_port for r in crossref_server.requests]
    assert ports[0] != ports[1]


# --- a stop: nothing leaves once it is set -----------------------------------------------------


def test_a_stopped_view_sends_nothing(lax_server: FakeCrossref, make_source: MakeSource) -> None:
    source = make_source(lax_server, use_cache=False)
    stop = threading.Event()
    view = source.with_stop(stop)
    assert view.search(BMJ_REFERENCE) is not None
    stop.set()
    for ask in (
        lambda: view.search("another query"),
        lambda: view.works([BMJ]),
        lambda: view.registration_agency(BMJ),
    ):
        with pytest.raises(SourceUnavailableError, match="Stopped"):
            ask()
    assert lax_server.count() == 1
    assert source.search("the source itself is not stopped") is not None
    assert view.stats is source.stats


def test_a_stop_cuts_the_wait_before_a_retry_short(
    lax_server: FakeCrossref, make_source: MakeSource
) -> None:
    lax_server.faults.always = 503
    source = make_source(lax_server, use_cache=False, retry=RetryPolicy(attempts=3, base=60.0))
    stop = threading.Event()
    view = source.with_stop(stop)
    failed: list[BaseException] = []

    def search() -> None:
        try:
            view.search(BMJ_REFERENCE)
        except SourceUnavailableError as exc:
            failed.append(exc)

    worker = threading.Thread(target=search)
    worker.start()
    deadline = time.monotonic() + 10
    while lax_server.count() < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()  # the worker now waits 30-60 s before its retry: the stop ends that wait
    worker.join(10)
    assert not worker.is_alive()
    assert [str(e) for e in failed] == ["Stopped: not sending the request for a search"]
    assert lax_server.count() == 1
