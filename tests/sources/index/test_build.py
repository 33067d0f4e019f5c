"""Building the local index: counts, updates, notices, problems located, resumable after a kill."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from acurefs.sources.index import LocalIndex, build_index
from tests.fake_crossref import NOTICE_DOIS, fixture_records, notice, work
from tests.fake_crossref.fixtures import RETRACTED_DOI

from .conftest import write_jsonl


def _dump(path: Path) -> dict[str, Any]:
    """Everything a build leaves in the file, for comparing two builds."""
    conn = sqlite3.connect(path)
    try:
        return {
            "works": sorted(conn.execute("SELECT doi, year, body FROM works")),
            "updates": sorted(conn.execute("SELECT * FROM updates")),
            "terms": sorted(conn.execute("SELECT * FROM terms")),
            "matches": sorted(
                conn.execute(
                    "SELECT doi FROM works JOIN fts ON fts.rowid = works.id WHERE fts MATCH 'acupuncture'"
                )
            ),
        }
    finally:
        conn.close()


def _position(path: Path) -> int:
    """How far the build writing ``path`` has read its file (0 while it cannot be told)."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            (done,) = conn.execute("SELECT coalesce(max(position), 0) FROM sources").fetchone()
    except sqlite3.Error:
        return 0
    return int(done)


def _intact(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.execute("INSERT INTO fts (fts, rank) VALUES ('integrity-check', 0)")
    finally:
        conn.close()


def test_a_build_counts_what_it_read_and_the_index_holds_it(tmp_path: Path) -> None:
    records = fixture_records()
    source = write_jsonl(tmp_path / "w.jsonl", records)
    report = build_index(tmp_path / "i.sqlite3", [source])
    assert (report.files, report.records, report.added, report.updated) == (
        1,
        len(records),
        len(records),
        0,
    )
    assert report.notices == len(NOTICE_DOIS)
    assert report.works == len(records)
    assert report.ok
    _intact(tmp_path / "i.sqlite3")
    info = LocalIndex(tmp_path / "i.sqlite3").info()
    assert (info.works, info.notices, info.sources) == (len(records), len(NOTICE_DOIS), 1)
    assert info.terms
    assert info.terms > 100


def test_a_second_build_of_the_same_files_reads_nothing(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "w.jsonl", fixture_records())
    build_index(tmp_path / "i.sqlite3", [source])
    again = build_index(tmp_path / "i.sqlite3", [source])
    assert (again.files, again.unchanged, again.records, again.added) == (0, 1, 0, 0)


def test_a_doi_seen_again_is_updated_and_searched_by_its_new_words(tmp_path: Path) -> None:
    first = work(doi="10.5555/Changing", title="Moxibustion for breech presentation", year=2010)
    build_index(tmp_path / "i.sqlite3", [write_jsonl(tmp_path / "a.jsonl", [first])])
    second = work(
        doi="10.5555/changing", title="Electroacupuncture for postoperative ileus", year=2011
    )
    report = build_index(tmp_path / "i.sqlite3", [write_jsonl(tmp_path / "b.jsonl", [second])])
    assert (report.added, report.updated, report.works) == (0, 1, 1)
    _intact(tmp_path / "i.sqlite3")
    index = LocalIndex(tmp_path / "i.sqlite3")
    (record,) = [w.record for w in index.works(["10.5555/changing"]).values()]
    assert record is not None
    assert record.title == "Electroacupuncture for postoperative ileus"
    assert [
        c.record.doi for c in index.search("Electroacupuncture postoperative ileus").candidates
    ] == ["10.5555/changing"]
    assert index.search("Moxibustion breech presentation").candidates == ()


@pytest.mark.parametrize("notice_first", [True, False], ids=["notice-first", "work-first"])
def test_a_notice_becomes_the_updated_by_of_its_work_in_either_order(
    tmp_path: Path, notice_first: bool
) -> None:
    target = work(doi="10.5555/target", title="Acupuncture for hot flushes", year=2012)
    retraction = notice(
        doi="10.5555/retraction", target=target, type="retraction", date="2014-02-03"
    )
    files = [
        write_jsonl(tmp_path / "n.jsonl", [retraction]),
        write_jsonl(tmp_path / "w.jsonl", [target]),
    ]
    build_index(tmp_path / "i.sqlite3", files if notice_first else files[::-1])
    record = LocalIndex(tmp_path / "i.sqlite3").works(["10.5555/target"])["10.5555/target"].record
    assert record is not None
    (update,) = record.updates
    assert (update.type, update.doi, update.date) == (
        "retraction",
        "10.5555/retraction",
        "2014-02-03",
    )


def test_records_without_a_doi_are_skipped_with_file_and_line(tmp_path: Path) -> None:
    text = "\n".join(
        [
            json.dumps(work(doi="10.5555/ok", title="Fine")),
            json.dumps({"title": ["No DOI"]}),
            "[1, 2]",
            "{oops",
        ]
    )
    source = tmp_path / "w.jsonl"
    source.write_text(text + "\n", encoding="utf-8")
    report = build_index(tmp_path / "i.sqlite3", [source])
    assert report.added == 1
    assert report.ok
    assert [(s.where.line, s.reason.split(":")[0]) for s in report.skipped] == [
        (2, "a work without a usable DOI"),
        (3, "not a work record (a JSON list)"),
        (4, "not JSON"),
    ]


def test_missing_and_truncated_sources_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", fixture_records())
    cut = tmp_path / "cut.json.gz"
    whole = gzip.compress(json.dumps({"items": fixture_records()}).encode())
    cut.write_bytes(whole[: len(whole) - 40])
    (tmp_path / "empty").mkdir()
    report = build_index(
        tmp_path / "i.sqlite3", [tmp_path / "missing.jsonl", cut, good, tmp_path / "empty"]
    )
    assert not report.ok
    reasons = {Path(b.where.path).name: b.reason for b in report.broken}
    assert set(reasons) == {"missing.jsonl", "cut.json.gz", "empty"}
    assert reasons["missing.jsonl"] == "no such file or directory"
    assert "breaks off" in reasons["cut.json.gz"]
    assert reasons["empty"].startswith("a directory without")
    assert report.works == len(fixture_records())
    # A truncated file is never taken for a finished one: the next build reads it again.
    again = build_index(tmp_path / "i.sqlite3", [cut])
    assert again.files == 1
    assert not again.ok


def test_an_interrupted_build_continues_where_it_stopped(tmp_path: Path) -> None:
    records = [
        work(doi=f"10.5555/w{n:04d}", title=f"Trial number {n} of needling", year=2000 + n % 20)
        for n in range(900)
    ]
    source = write_jsonl(tmp_path / "w.jsonl", records)
    seen = []

    def stop_after_two_batches(done: int, total: int) -> None:
        seen.append(done)
        if _position(tmp_path / "i.sqlite3") >= 200:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_index(tmp_path / "i.sqlite3", [source], batch=100, progress=stop_after_two_batches)
    _intact(tmp_path / "i.sqlite3")
    rest = build_index(tmp_path / "i.sqlite3", [source], batch=100)
    assert 0 < rest.records < 900
    assert rest.added == rest.records
    assert rest.works == 900
    build_index(tmp_path / "once.sqlite3", [source])
    assert _dump(tmp_path / "i.sqlite3") == _dump(tmp_path / "once.sqlite3")


def test_a_killed_build_leaves_a_sound_index_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    """``kill -9`` in the middle of a real build (a subprocess), then the same command again."""
    records = [
        work(doi=f"10.5555/k{n:05d}", title=f"Acupoint {n} study", year=1990 + n % 30)
        for n in range(20000)
    ]
    source = write_jsonl(tmp_path / "w.jsonl", records)
    index = tmp_path / "i.sqlite3"
    command = [sys.executable, "-m", "acurefs", "index", "build", "-q", str(index), str(source)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if index.exists() and _position(index) >= 4000:
                break
            time.sleep(0.01)
        if process.poll() is not None:
            pytest.skip("the build finished before it could be killed")
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    _intact(index)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert LocalIndex(index).info().works == len(records)
    _intact(index)
    build_index(tmp_path / "once.sqlite3", [source])
    assert _dump(index) == _dump(tmp_path / "once.sqlite3")


def test_an_index_is_left_as_one_self_contained_file(fixture_index: Path) -> None:
    assert not Path(f"{fixture_index}-wal").exists()
    conn = sqlite3.connect(fixture_index)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_a_retraction_is_found_offline(fixture_index: Path) -> None:
    record = LocalIndex(fixture_index).works([RETRACTED_DOI])[RETRACTED_DOI].record
    assert record is not None
    assert [u.type for u in record.updates] == ["retraction"]
    assert record.updates[0].source == "retraction-watch"
