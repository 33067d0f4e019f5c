"""``kill -9`` in the middle of ``acurefs resolve``: the cache and the lockfile survive whole.

The child runs the real command against the loopback server (slowed down so that a run takes
a few seconds) and is killed once the server has answered a few requests. Then: the SQLite
cache passes its integrity check and holds only whole JSON answers, the lockfile is absent
or whole, and a second run finishes without asking again for anything the first run cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from acurefs import Lock, load_corpus
from acurefs.document.corpus import bundled_refs_dir
from tests.conftest import CrossrefFactory
from tests.fake_crossref import FakeCrossref, LoggedRequest

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL and a POSIX shell script are needed"
)

KILL_AFTER = 3
"""Requests the server must have answered before the child is killed."""


def write_runner(tmp_path: Path) -> Path:
    """A script that starts nothing itself: it becomes ``python -m acurefs resolve ...``."""
    script = tmp_path / "run-resolve.sh"
    script.write_text(
        "#!/bin/sh\n"
        "# usage: run-resolve.sh CACHE_DIR ARGS...; exec, so the pid killed is acurefs itself\n"
        'ACUREFS_CACHE_DIR="$1"\n'
        "export ACUREFS_CACHE_DIR\n"
        "shift\n"
        f'exec "{sys.executable}" -m acurefs resolve "$@"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def child_environment() -> dict[str, str]:
    """This environment without any ACUREFS_* setting (the script sets the cache dir)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("ACUREFS_")}


def cache_keys(request: LoggedRequest) -> set[str]:
    """The cache keys an answer to this request is stored under (see acurefs.sources.crossref.adapter)."""
    if request.route == "single" and request.doi:
        return {f"work:{request.doi.lower()}"}
    params = request.params
    if "query.bibliographic" in params:
        rows, query = params["rows"][0], params["query.bibliographic"][0]
        return {"search:" + hashlib.sha256(f"{rows}\n{query}".encode()).hexdigest()}
    keys: set[str] = set()
    for text in params.get("filter", ()):
        for part in text.split(","):
            name, _, value = part.partition(":")
            if name == "doi":
                keys.add(f"work:{value.lower()}")
    return keys


def request_identity(request: LoggedRequest) -> tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    return request.path, tuple(sorted(request.params.items()))


def read_cache(path: Path) -> tuple[str, dict[str, object]]:
    """(PRAGMA integrity_check, every row's decoded body by key); raises if a body is torn."""
    db = sqlite3.connect(path)
    try:
        (integrity,) = db.execute("PRAGMA integrity_check").fetchone()
        rows = db.execute("SELECT key, status, body FROM answers").fetchall()
    finally:
        db.close()
    bodies = {}
    for key, status, body in rows:
        assert status in (200, 404), (key, status)
        bodies[key] = json.loads(body)
    return integrity, bodies


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(bundled_refs_dir().glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def test_kill_9_leaves_a_sound_cache_and_lock_and_nothing_is_asked_twice(
    tmp_path: Path, articles: Path, crossref_factory: CrossrefFactory
) -> None:
    server: FakeCrossref = crossref_factory(latency=0.3)
    runner = write_runner(tmp_path)
    cache_dir = tmp_path / "cache"
    lock_path = tmp_path / "acurefs.lock.json"
    command = [
        str(runner),
        str(cache_dir),
        str(articles),
        "--crossref-url",
        server.url,
        "--mailto",
        "x@y.org",
        "--sources",  # Crossref alone: PubMed is not on loopback here, and nothing leaves it
        "crossref",
        "--update-lock",
        "--lock",
        str(lock_path),
        "--quiet",
    ]

    # 1. Start, wait for a few answers, kill -9 before the run can finish.
    child = subprocess.Popen(
        command,
        env=child_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while server.count() < KILL_AFTER and child.poll() is None:
            assert time.monotonic() < deadline, "the child sent too few requests in 30 s"
            time.sleep(0.01)
        assert child.poll() is None, (
            f"the run ended before it could be killed: {child.stderr.read() if child.stderr else ''!r}"
        )
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:  # pragma: no cover - only when an assertion fired above
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
        if child.stderr is not None:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    time.sleep(0.4)  # let answers the server was still sending reach the log
    before_kill = server.requests
    assert len(before_kill) >= KILL_AFTER

    # 2. What the kill left behind is whole.
    cache_file = cache_dir / "crossref.sqlite3"
    assert cache_file.is_file()
    integrity, cached = read_cache(cache_file)
    assert integrity == "ok"
    assert cached, "no answer was cached before the kill: the test proves nothing"
    if lock_path.exists():
        json.loads(lock_path.read_text(encoding="utf-8"))

    # 3. Run again to completion.
    server.reset_log()
    finished = subprocess.run(
        command, env=child_environment(), capture_output=True, text=True, timeout=120, check=False
    )
    assert finished.returncode in (0, 1), finished.stderr
    after_kill = server.requests

    # Nothing the first run had cached was asked for again ...
    asked_again = [r for r in after_kill if cache_keys(r) & set(cached)]
    assert asked_again == []
    # ... in particular no answered request of the first run was repeated word for word.
    answered_and_cached = {
        request_identity(r)
        for r in before_kill
        if r.status in (200, 404) and cache_keys(r) and cache_keys(r) <= set(cached)
    }
    assert answered_and_cached
    assert not answered_and_cached & {request_identity(r) for r in after_kill}

    # 4. The cache is still sound and the lockfile now lists every reference.
    integrity, _ = read_cache(cache_file)
    assert integrity == "ok"
    text = lock_path.read_text(encoding="utf-8")
    json.loads(text)
    lock = Lock.load(lock_path)
    references = load_corpus(articles).references
    assert references
    missing = [r.raw[:60] for r in references if lock.entry_for(r) is None]
    assert missing == []
    assert len(lock.entries) == len(references)
    assert not list(tmp_path.glob(".acurefs.lock.json.*.tmp"))
