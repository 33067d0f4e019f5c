"""The rate limiter on a fake timeline: spacing per route, concurrency, pauses, header updates."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Mapping

import pytest

from acurefs.sources.limits import (
    IDLE_CONNECTIONS,
    LIST,
    POLITE_LIMITS,
    PUBLIC_LIMITS,
    SINGLE,
    Endpoint,
    Limits,
    RateLimiter,
    close_endpoints,
    parse_interval,
    shared_endpoint,
)


class FakeClock:
    """A monotonic clock that moves only when the limiter sleeps on it."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


def limiter(
    limits: Limits = POLITE_LIMITS, *, margin: float = 0.05
) -> tuple[RateLimiter, FakeClock]:
    clock = FakeClock()
    return RateLimiter(limits, margin=margin, clock=clock, sleep=clock.sleep), clock


# --- spacing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limits", "route", "expected"),
    [
        pytest.param(POLITE_LIMITS, SINGLE, 0.1, id="polite-single-10/s"),
        pytest.param(POLITE_LIMITS, LIST, 1 / 3, id="polite-list-3/s"),
        pytest.param(PUBLIC_LIMITS, SINGLE, 0.2, id="public-single-5/s"),
        pytest.param(PUBLIC_LIMITS, LIST, 1.0, id="public-list-1/s"),
        pytest.param(
            Limits(single=20, list=4, concurrency=2, interval=2.0), LIST, 0.5, id="2s-window"
        ),
    ],
)
def test_spacing_follows_the_route_rate(limits: Limits, route: str, expected: float) -> None:
    rl, _ = limiter(limits, margin=0.0)
    assert rl.spacing(route) == pytest.approx(expected)


def test_margin_widens_the_spacing() -> None:
    rl, _ = limiter(POLITE_LIMITS, margin=0.05)
    assert rl.spacing(SINGLE) == pytest.approx(0.105)


@pytest.mark.parametrize(
    ("route", "n", "gap"),
    [
        pytest.param(SINGLE, 5, 0.105, id="single"),
        pytest.param(LIST, 4, 0.35, id="list"),
    ],
)
def test_starts_are_spaced_evenly(route: str, n: int, gap: float) -> None:
    rl, clock = limiter()
    starts = []
    for _ in range(n):
        with rl.slot(route):
            starts.append(clock())
    assert starts[0] == 1000.0  # the first request goes at once
    assert [b - a for a, b in itertools.pairwise(starts)] == pytest.approx([gap] * (n - 1))
    assert clock.sleeps == pytest.approx([gap] * (n - 1))


def test_routes_are_spaced_independently() -> None:
    rl, clock = limiter()
    with rl.slot(LIST):
        pass
    with rl.slot(SINGLE):  # a list start does not delay a single-record start
        pass
    assert clock.sleeps == []


def test_an_idle_limiter_does_not_wait() -> None:
    rl, clock = limiter()
    with rl.slot(LIST):
        pass
    clock.now += 10.0  # long after the spacing
    with rl.slot(LIST):
        pass
    assert clock.sleeps == []


# --- concurrency -------------------------------------------------------------------------------


@pytest.mark.parametrize("concurrency", [pytest.param(1, id="one"), pytest.param(3, id="three")])
def test_requests_in_flight_stay_within_the_concurrency_limit(concurrency: int) -> None:
    # Real threads and a real clock: rates high enough that only the concurrency bound bites.
    rl = RateLimiter(Limits(single=10_000, list=10_000, concurrency=concurrency))
    in_flight = 0
    peak = 0
    lock = threading.Lock()

    def request() -> None:
        nonlocal in_flight, peak
        with rl.slot(SINGLE):
            with lock:
                in_flight += 1
                peak = max(peak, in_flight)
            time.sleep(0.02)
            with lock:
                in_flight -= 1

    threads = [threading.Thread(target=request) for _ in range(4 * concurrency + 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not any(t.is_alive() for t in threads)
    assert peak == concurrency


def test_a_slot_is_given_back_when_the_request_raises() -> None:
    rl, _ = limiter(Limits(single=10, list=3, concurrency=1))
    with pytest.raises(RuntimeError, match="boom"), rl.slot(SINGLE):
        raise RuntimeError("boom")
    done = threading.Event()

    def again() -> None:
        with rl.slot(SINGLE):
            done.set()

    t = threading.Thread(target=again)
    t.start()
    t.join(5)
    assert done.is_set()


def test_growing_concurrency_wakes_waiting_threads() -> None:
    rl = RateLimiter(Limits(single=10_000, list=10_000, concurrency=1))
    rl.acquire(SINGLE)  # the only slot is taken
    entered = threading.Event()

    def waiter() -> None:
        with rl.slot(SINGLE):
            entered.set()

    t = threading.Thread(target=waiter)
    t.start()
    assert not entered.wait(0.1)
    rl.update(SINGLE, {"x-concurrency-limit": "2"})
    assert entered.wait(5)
    t.join(5)
    rl.release()


# --- pause (Retry-After) -----------------------------------------------------------------------


@pytest.mark.parametrize("seconds", [pytest.param(1.0, id="1s"), pytest.param(7.5, id="7.5s")])
def test_pause_holds_every_route(seconds: float) -> None:
    rl, clock = limiter()
    rl.pause(seconds)
    with rl.slot(SINGLE):
        started_single = clock()
    with rl.slot(LIST):
        started_list = clock()
    assert started_single == pytest.approx(1000.0 + seconds)
    assert started_list == pytest.approx(1000.0 + seconds)


def test_a_shorter_pause_does_not_cut_a_longer_one() -> None:
    rl, clock = limiter()
    rl.pause(5.0)
    rl.pause(1.0)
    with rl.slot(SINGLE):
        assert clock() == pytest.approx(1005.0)


def test_a_pause_that_has_passed_costs_nothing() -> None:
    rl, clock = limiter()
    rl.pause(2.0)
    clock.now += 3.0
    with rl.slot(SINGLE):
        pass
    assert clock.sleeps == []


# --- update from headers -----------------------------------------------------------------------


def headers(
    limit: str | None = None, interval: str | None = None, concurrency: str | None = None
) -> dict[str, str]:
    found = {
        "x-rate-limit-limit": limit,
        "x-rate-limit-interval": interval,
        "x-concurrency-limit": concurrency,
    }
    return {k: v for k, v in found.items() if v is not None}


@pytest.mark.parametrize(
    ("route", "announced", "expected"),
    [
        pytest.param(
            SINGLE, headers("10", "1s", "3"), Limits(10, 3, 3, 1.0), id="polite-single-as-published"
        ),
        pytest.param(LIST, headers("20", "1s", "3"), Limits(10, 20, 3, 1.0), id="list-20"),
        pytest.param(
            SINGLE, headers("50", "1s", "5"), Limits(50, 3, 5, 1.0), id="single-and-concurrency"
        ),
        pytest.param(LIST, headers("3", "500ms", "3"), Limits(10, 3, 3, 0.5), id="interval-500ms"),
        pytest.param(LIST, headers("3", "1s"), Limits(10, 3, 3, 1.0), id="interval-1s"),
        pytest.param(LIST, headers("3", "2m"), Limits(10, 3, 3, 120.0), id="interval-2m"),
        pytest.param(SINGLE, headers(" 12 "), Limits(12, 3, 3, 1.0), id="spaces-around-number"),
        pytest.param(
            SINGLE, headers(concurrency="2.0"), Limits(10, 3, 2, 1.0), id="concurrency-as-float"
        ),
    ],
)
def test_update_resizes_from_headers(
    route: str, announced: dict[str, str], expected: Limits
) -> None:
    rl, _ = limiter(POLITE_LIMITS)
    rl.update(route, announced)
    assert rl.limits == expected


@pytest.mark.parametrize(
    "announced",
    [
        pytest.param({}, id="no-headers"),
        pytest.param(headers("lots", "soon", "many"), id="words"),
        pytest.param(headers("", "", ""), id="empty"),
        pytest.param(headers("0", "0s", "0"), id="zeros"),
        pytest.param(headers("-5", "-1s", "-2"), id="negative"),
        pytest.param(headers("nan", "nans", "nan"), id="nan"),
        pytest.param(headers(interval="1 fortnight"), id="unknown-unit"),
        pytest.param(headers(interval="ms"), id="unit-without-number"),
    ],
)
def test_garbage_headers_change_nothing(announced: dict[str, str]) -> None:
    rl, _ = limiter(POLITE_LIMITS)
    rl.update(SINGLE, announced)
    assert rl.limits == POLITE_LIMITS


@pytest.mark.parametrize(
    "announced",
    [
        pytest.param(headers(concurrency="inf"), id="concurrency-inf"),
        pytest.param(headers(limit="inf"), id="limit-inf"),
        pytest.param(headers(limit="Infinity", concurrency="1e999"), id="infinity-spelled-out"),
    ],
)
def test_non_finite_headers_change_nothing(announced: Mapping[str, str]) -> None:
    rl, _ = limiter(POLITE_LIMITS)
    rl.update(SINGLE, announced)
    assert rl.limits == POLITE_LIMITS


def test_update_changes_spacing_of_later_starts() -> None:
    rl, clock = limiter(POLITE_LIMITS, margin=0.0)
    with rl.slot(LIST):
        pass
    rl.update(LIST, headers("1", "1s"))
    with rl.slot(LIST):
        pass
    with rl.slot(LIST):
        pass
    # the second start was booked at 1/3 s before the update; the third waits a whole second
    assert clock.sleeps == pytest.approx([1 / 3, 1.0])


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        pytest.param("1s", 1.0, id="1s"),
        pytest.param("500ms", 0.5, id="500ms"),
        pytest.param("2m", 120.0, id="2m"),
        pytest.param("1h", 3600.0, id="1h"),
        pytest.param("1.5s", 1.5, id="decimal"),
        pytest.param("3", 3.0, id="no-unit-is-seconds"),
        pytest.param(" 1s ", 1.0, id="spaces"),
        pytest.param("0s", None, id="zero"),
        pytest.param("-1s", None, id="negative"),
        pytest.param("", None, id="empty"),
        pytest.param("1 day", None, id="unknown-unit"),
        pytest.param("s", None, id="no-number"),
        pytest.param("1s;2s", None, id="two-values"),
    ],
)
def test_parse_interval(text: str, seconds: float | None) -> None:
    assert parse_interval(text) == (pytest.approx(seconds) if seconds is not None else None)


# --- a stop cuts a real-time wait short --------------------------------------------------------


def test_a_set_stop_cuts_a_real_time_wait_short() -> None:
    rl = RateLimiter(Limits(single=0.1, list=0.1, concurrency=1))  # a start every 10.5 s
    with rl.slot(SINGLE):
        pass
    stop = threading.Event()
    threading.Timer(0.05, stop.set).start()
    started = time.monotonic()
    with rl.slot(SINGLE, stop=stop):
        waited = time.monotonic() - started
    assert stop.is_set()
    assert waited < 5.0


def test_an_injected_sleep_is_used_whatever_the_stop() -> None:
    rl, clock = limiter(Limits(single=1, list=1, concurrency=1), margin=0.0)
    stop = threading.Event()
    stop.set()
    with rl.slot(SINGLE, stop=stop):
        pass
    with rl.slot(SINGLE, stop=stop):
        pass
    assert clock.sleeps == [pytest.approx(1.0)]


# --- endpoints shared in the process -----------------------------------------------------------


class Pool:
    """Stands in for an HTTP client: counts how often it was opened and closed."""

    opened = 0

    def __init__(self) -> None:
        Pool.opened += 1
        self.closed = False

    def close(self) -> None:
        self.closed = True


def test_one_endpoint_per_address_and_pool() -> None:
    polite = shared_endpoint("http://127.0.0.1:9", "polite", POLITE_LIMITS)
    assert shared_endpoint("http://127.0.0.1:9", "polite", PUBLIC_LIMITS) is polite
    assert polite.limiter.limits == POLITE_LIMITS  # the first one sized it
    assert shared_endpoint("http://127.0.0.1:9", "public", PUBLIC_LIMITS) is not polite
    assert shared_endpoint("http://127.0.0.1:10", "polite", POLITE_LIMITS) is not polite


def test_what_a_limiter_learns_outlives_its_source() -> None:
    endpoint = shared_endpoint("http://127.0.0.1:9", "polite", POLITE_LIMITS)
    endpoint.limiter.update(LIST, {"x-rate-limit-limit": "7", "x-concurrency-limit": "2"})
    again = shared_endpoint("http://127.0.0.1:9", "polite", POLITE_LIMITS)
    assert again.limiter.limits == Limits(single=10, list=7, concurrency=2)
    close_endpoints()
    fresh = shared_endpoint("http://127.0.0.1:9", "polite", POLITE_LIMITS)
    assert fresh.limiter.limits == POLITE_LIMITS


def test_connections_are_opened_once_and_kept_between_uses() -> None:
    endpoint = shared_endpoint("http://127.0.0.1:9", "polite", POLITE_LIMITS)
    before = Pool.opened
    with endpoint.connection(Pool) as first:
        pass
    with endpoint.connection(Pool) as second:
        pass
    assert first is second
    assert Pool.opened == before + 1
    assert not first.closed
    close_endpoints()
    assert first.closed


def test_connections_idle_that_long_are_closed() -> None:
    clock = FakeClock()
    idle = Endpoint(RateLimiter(POLITE_LIMITS), clock=clock)
    with idle.connection(Pool) as pool:
        pass
    idle.close(idle_for=IDLE_CONNECTIONS)  # used just now: kept
    assert not pool.closed
    clock.now += IDLE_CONNECTIONS + 1
    idle.close(idle_for=IDLE_CONNECTIONS)
    assert pool.closed


def test_connections_in_use_are_not_closed_as_idle() -> None:
    clock = FakeClock()
    endpoint = Endpoint(RateLimiter(POLITE_LIMITS), clock=clock)
    with endpoint.connection(Pool) as pool:
        clock.now += IDLE_CONNECTIONS + 1
        endpoint.close(idle_for=IDLE_CONNECTIONS)
        assert not pool.closed
