"""The SQLite answer cache: round trips, time to live, atomic writes, where it lives, bad paths."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from acurefs import Cache, ConfigError
from acurefs.sources.cache import DEFAULT_NEGATIVE_TTL, DEFAULT_TTL, default_cache_dir

DAY = 24 * 3600.0


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cache(tmp_path: Path, clock: FakeClock) -> Any:
    opened = Cache(tmp_path / "c.sqlite3", clock=clock)
    yield opened
    opened.close()


# --- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "status", "body", "url"),
    [
        pytest.param(
            "work:10.1136/bmj.j1284",
            200,
            {"DOI": "10.1136/bmj.j1284", "title": ["Management of chronic pain"]},
            "http://127.0.0.1/works?filter=doi:10.1136/bmj.j1284",
            id="work",
        ),
        pytest.param("work:10.5555/unknown", 404, None, None, id="not-found"),
        pytest.param(
            "search:" + "ab" * 32,
            200,
            [{"record": {"DOI": "10.1/x"}, "score": 12.5}],
            "http://x/works?query.bibliographic=a",
            id="search",
        ),
        pytest.param("agency:10.1/x", 200, "DataCite", "https://doi.org/ra/10.1/x", id="agency"),
        pytest.param(
            "work:10.5555/ünïcode", 200, {"title": ["Ärzteblatt <i>JATS</i>\n"]}, None, id="unicode"
        ),
        pytest.param("search:empty", 200, [], None, id="empty-list"),
    ],
)
def test_put_then_get_round_trips(
    cache: Cache, clock: FakeClock, key: str, status: int, body: Any, url: str | None
) -> None:
    cache.put(key, status, body, url=url)
    answer = cache.get(key)
    assert answer is not None
    assert (answer.key, answer.status, answer.body, answer.url) == (key, status, body, url)
    assert answer.fetched == clock.now


def test_get_of_an_unknown_key_is_none(cache: Cache) -> None:
    assert cache.get("work:10.5555/never") is None


def test_put_replaces_an_older_answer(cache: Cache, clock: FakeClock) -> None:
    cache.put("work:a", 404, None)
    clock.now += 60
    cache.put("work:a", 200, {"DOI": "a"})
    answer = cache.get("work:a")
    assert answer is not None
    assert (answer.status, answer.body, answer.fetched) == (200, {"DOI": "a"}, clock.now)
    assert len(cache) == 1


@pytest.mark.parametrize("n", [pytest.param(3, id="few"), pytest.param(1234, id="over-500-chunk")])
def test_get_many_finds_every_stored_key(cache: Cache, n: int) -> None:
    cache.put_many((f"work:10.5555/{i}", 200, {"i": i}, None) for i in range(n))
    wanted = [f"work:10.5555/{i}" for i in range(n)] + ["work:missing", "work:10.5555/0"]
    found = cache.get_many(wanted)
    assert set(found) == {f"work:10.5555/{i}" for i in range(n)}
    assert all(found[f"work:10.5555/{i}"].body == {"i": i} for i in range(n))
    assert len(cache) == n


def test_put_many_is_all_or_nothing(cache: Cache) -> None:
    cache.put("work:kept", 200, {"v": 1})
    rows = [("work:kept", 200, {"v": 2}, None), ("work:bad", 200, {"x": object()}, None)]
    with pytest.raises(TypeError):
        cache.put_many(rows)
    kept = cache.get("work:kept")
    assert kept is not None
    assert kept.body == {"v": 1}
    assert cache.get("work:bad") is None


def test_delete(cache: Cache) -> None:
    cache.put("work:a", 200, {})
    cache.delete("work:a")
    assert cache.get("work:a") is None
    assert len(cache) == 0


def test_concurrent_writers_lose_nothing(cache: Cache) -> None:
    def write(start: int) -> None:
        for i in range(start, start + 50):
            cache.put(f"work:{i}", 200, {"i": i})

    threads = [threading.Thread(target=write, args=(k * 50,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(cache) == 300
    assert cache.integrity() == "ok"


def test_a_second_cache_on_the_same_file_sees_the_rows(tmp_path: Path) -> None:
    first = Cache(tmp_path / "c.sqlite3")
    second = Cache(tmp_path / "c.sqlite3")
    try:
        first.put("work:a", 200, {"DOI": "a"})
        answer = second.get("work:a")
        assert answer is not None
        assert answer.body == {"DOI": "a"}
    finally:
        first.close()
        second.close()


# --- time to live ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "ttl", "life"),
    [
        pytest.param(200, None, DEFAULT_TTL, id="found-30-days"),
        pytest.param(404, None, DEFAULT_NEGATIVE_TTL, id="not-found-1-day"),
        pytest.param(410, None, DEFAULT_NEGATIVE_TTL, id="gone-1-day"),
        pytest.param(200, 60.0, 60.0, id="explicit-ttl"),
        pytest.param(404, 60.0, 60.0, id="explicit-ttl-wins-over-negative"),
    ],
)
def test_rows_expire_after_their_time_to_live(
    cache: Cache, clock: FakeClock, status: int, ttl: float | None, life: float
) -> None:
    cache.put("work:a", status, None, ttl=ttl)
    answer = cache.get("work:a")
    assert answer is not None
    assert answer.expires - answer.fetched == pytest.approx(life)
    assert answer.fresh(clock.now + life - 1)
    assert not answer.fresh(clock.now + life)
    clock.now += life + 1  # expired rows stay readable (offline runs use them)
    assert cache.get("work:a") is not None


def test_negative_answers_expire_sooner_than_found_ones() -> None:
    assert DEFAULT_NEGATIVE_TTL < DEFAULT_TTL


def test_ttls_are_configurable(tmp_path: Path, clock: FakeClock) -> None:
    cache = Cache(tmp_path / "c.sqlite3", ttl=100.0, negative_ttl=10.0, clock=clock)
    try:
        cache.put_many([("work:a", 200, {}, None), ("work:b", 404, None, None)])
        found = cache.get_many(["work:a", "work:b"])
        assert found["work:a"].expires == clock.now + 100.0
        assert found["work:b"].expires == clock.now + 10.0
    finally:
        cache.close()


# --- the file ----------------------------------------------------------------------------------


def test_constructing_does_no_io(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "c.sqlite3"
    cache = Cache(path)
    assert not path.parent.exists()
    assert repr(cache) == f"Cache({str(path)!r}, ttl={DEFAULT_TTL:g})"
    cache.put("work:a", 200, {})
    assert path.is_file()
    cache.close()


def test_the_database_is_sound_and_in_wal_mode(cache: Cache) -> None:
    cache.put_many((f"work:{i}", 200, {"i": i}, None) for i in range(20))
    assert cache.integrity() == "ok"
    db = sqlite3.connect(cache.path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone() == ("1",)
        bodies = [row[0] for row in db.execute("SELECT body FROM answers")]
    finally:
        db.close()
    assert len(bodies) == 20


def test_close_then_use_reopens(cache: Cache) -> None:
    cache.put("work:a", 200, {"v": 1})
    cache.close()
    cache.close()  # idempotent
    answer = cache.get("work:a")
    assert answer is not None
    assert answer.body == {"v": 1}


# --- where it lives ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param(
            {"ACUREFS_CACHE_DIR": "/srv/acurefs-cache"}, Path("/srv/acurefs-cache"), id="explicit"
        ),
        pytest.param(
            {"ACUREFS_CACHE_DIR": "/srv/c", "XDG_CACHE_HOME": "/xdg"},
            Path("/srv/c"),
            id="explicit-wins",
        ),
        pytest.param(
            {"ACUREFS_CACHE_DIR": "~/acurefs-cache"},
            Path("~/acurefs-cache").expanduser(),
            id="tilde-expanded",
        ),
    ],
)
def test_acurefs_cache_dir_moves_the_default_cache(environ: dict[str, str], expected: Path) -> None:
    assert default_cache_dir(environ) == expected


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="XDG layout is for Linux and BSDs")
@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param({"XDG_CACHE_HOME": "/xdg"}, Path("/xdg/acurefs"), id="xdg"),
        pytest.param({}, Path.home() / ".cache" / "acurefs", id="home"),
        pytest.param(
            {"ACUREFS_CACHE_DIR": ""}, Path.home() / ".cache" / "acurefs", id="empty-ignored"
        ),
    ],
)
def test_default_cache_dir_without_acurefs_cache_dir(
    environ: dict[str, str], expected: Path
) -> None:
    assert default_cache_dir(environ) == expected


def test_the_default_cache_file_follows_acurefs_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACUREFS_CACHE_DIR", str(tmp_path / "moved"))
    cache = Cache()  # no I/O until used
    assert cache.path == tmp_path / "moved" / "crossref.sqlite3"
    cache.put("work:a", 200, {})
    assert (tmp_path / "moved" / "crossref.sqlite3").is_file()
    cache.close()


# --- bad places --------------------------------------------------------------------------------


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "plain-file").write_text("not a directory\n")
    return tmp_path / "plain-file" / "c.sqlite3"


def _a_directory(tmp_path: Path) -> Path:
    (tmp_path / "c.sqlite3").mkdir()
    return tmp_path / "c.sqlite3"


def _not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not an SQLite database, just some text " * 100)
    return path


def _read_only_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "sub" / "c.sqlite3"


def _proc(tmp_path: Path) -> Path:
    return Path("/proc/acurefs-no-such-dir/c.sqlite3")


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(_under_a_file, id="parent-is-a-file"),
        pytest.param(_a_directory, id="path-is-a-directory"),
        pytest.param(_not_a_database, id="not-a-database"),
        pytest.param(
            _read_only_dir,
            id="read-only-directory",
            marks=pytest.mark.skipif(
                sys.platform == "win32" or os.geteuid() == 0,
                reason="permissions do not bind root (see the /proc case)",
            ),
        ),
        pytest.param(
            _proc,
            id="read-only-filesystem",
            marks=pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc"),
        ),
    ],
)
def test_an_unusable_cache_path_is_a_config_error_naming_it(tmp_path: Path, where: Any) -> None:
    path = where(tmp_path)
    cache = Cache(path)
    try:
        with pytest.raises(ConfigError) as caught:
            cache.put("work:a", 200, {})
        assert str(path) in str(caught.value)
        with pytest.raises(ConfigError):
            cache.get("work:a")
    finally:
        cache.close()
        if path.parent.parent.name == "ro":
            path.parent.parent.chmod(0o700)
