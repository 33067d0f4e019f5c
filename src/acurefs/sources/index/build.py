"""Building the local index from Crossref work records: streamed, batched, resumable.

Records are read one at a time (:mod:`.readers`), turned into :class:`~acurefs.Record`
by the Crossref reader, and written in batches, each batch one transaction with the
note of how far its file has been read. A build killed at any moment leaves the index as
it was after the last batch, and running the same command again goes on from there:
files read to the end are not read again, and a file read halfway is read on from its
last batch. A DOI seen again (in a later file, or a later build) replaces the record
held. When anything changed, the word counts are refreshed, the full-text index is
merged into one segment, and the file is left in rollback-journal mode, one
self-contained file to copy to the machines that read it.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import SourceResponseError
from ...models import Record, Update
from ...text import iso_utc
from ..crossref.records import notice_updates, record_from_crossref
from . import store
from .readers import Item, Skip, Where, read_file, source_files

log = logging.getLogger(__name__)

BATCH = 2000
"""Records per transaction: large enough to be fast, small enough to bound memory."""

Progress = Callable[[int, int], None]
"""Called as ``progress(bytes_read, bytes_in_all_files)`` while a build reads."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: files read, records added and updated, and everything skipped."""

    path: str
    files: int
    """Files read (wholly or from where a killed build stopped)."""
    unchanged: int
    """Files already read to the end by an earlier build, and not changed since: not read again."""
    records: int
    """Records read from the files this time."""
    added: int
    updated: int
    notices: int
    """Notices (``update-to``) linked to the works they are about."""
    skipped: tuple[Skip, ...]
    """Records that could not be used, each with its file and line."""
    broken: tuple[Skip, ...]
    """Files that could not be read to the end (missing, truncated, not JSON), and where they stop."""
    works: int
    """Works the index holds after the build."""
    seconds: float

    @property
    def ok(self) -> bool:
        """True when every file was read to the end (skipped records may remain)."""
        return not self.broken


@dataclass
class _Tally:
    files: int = 0
    unchanged: int = 0
    records: int = 0
    added: int = 0
    updated: int = 0
    notices: int = 0
    skipped: list[Skip] = field(default_factory=list)
    broken: list[Skip] = field(default_factory=list)
    bytes_done: int = 0


def build_index(
    path: str | Path,
    sources: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    batch: int = BATCH,
) -> BuildReport:
    """Add the works of ``sources`` (files or directories) to the index at ``path``.

    The index is created when absent. Problems are data: each record that cannot be used
    and each file that cannot be read to the end is in the report, with its file and line.
    """
    started = time.perf_counter()
    target = Path(path)
    conn = store.connect(target, write=True)
    tally = _Tally()
    try:
        files = _files(sources, tally)
        total = sum(_size(f) for f in files)
        for file in files:
            _read_into(conn, file, tally, batch, _reporter(progress, tally, total))
        _finish(conn)
        works = store.counts(conn)["works"]
    finally:
        conn.close()
    return BuildReport(
        path=str(target),
        files=tally.files,
        unchanged=tally.unchanged,
        records=tally.records,
        added=tally.added,
        updated=tally.updated,
        notices=tally.notices,
        skipped=tuple(tally.skipped),
        broken=tuple(tally.broken),
        works=works,
        seconds=time.perf_counter() - started,
    )


def _reporter(progress: Progress | None, tally: _Tally, total: int) -> Callable[[int], None]:
    def report(done_in_file: int) -> None:
        if progress is not None:
            progress(min(total, tally.bytes_done + done_in_file), total)

    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _files(sources: Iterable[str | Path], tally: _Tally) -> list[Path]:
    """Every source file, in order; a missing path or an empty directory is a broken source."""
    files: list[Path] = []
    for source in sources:
        path = Path(source)
        if not path.exists():
            tally.broken.append(Skip(Where(str(path), 0, 0), "no such file or directory", True))
            continue
        found = source_files(path)
        if not found:
            why = "a directory without .json, .json.gz, .jsonl or .jsonl.gz files"
            tally.broken.append(Skip(Where(str(path), 0, 0), why, True))
        files.extend(found)
    return list(dict.fromkeys(files))


def _read_into(
    conn: sqlite3.Connection,
    file: Path,
    tally: _Tally,
    batch: int,
    report: Callable[[int], None],
) -> None:
    """Read one file into the index, from where an earlier build left it."""
    key, size, mtime = _identity(file)
    row = conn.execute(
        "SELECT size, mtime_ns, position, finished FROM sources WHERE path = ?", (key,)
    ).fetchone()
    same = row is not None and (row[0], row[1]) == (size, mtime)
    if same and row[3]:
        tally.unchanged += 1
        tally.bytes_done += size
        report(0)
        return
    resume = row[2] if same else 0
    tally.files += 1
    records: list[Record] = []
    notices: list[tuple[str, Update]] = []
    position, finished = resume, True
    for entry in read_file(file, on_bytes=report):
        if isinstance(entry, Skip):
            (tally.broken if entry.ends_file else tally.skipped).append(entry)
            finished = finished and not entry.ends_file
            continue
        if entry.where.position < resume:
            continue  # written by the build that was stopped
        tally.records += 1
        position = entry.where.position + 1
        work = _work(entry)
        if isinstance(work, Skip):
            tally.skipped.append(work)
        else:
            records.append(work[0])
            notices.extend(work[1])
        if len(records) + len(notices) >= batch:
            _write(conn, records, notices, tally, (key, size, mtime, position, False))
            records, notices = [], []
    _write(conn, records, notices, tally, (key, size, mtime, position, finished))
    tally.bytes_done += size


def _identity(file: Path) -> tuple[str, int, int]:
    """The file's absolute path, size and modification time: the same file, unchanged, or not."""
    stat = file.stat()
    return str(file.resolve()), stat.st_size, stat.st_mtime_ns


def _work(item: Item) -> tuple[Record, list[tuple[str, Update]]] | Skip:
    """The record of one item, and the notices it carries; a Skip saying why it cannot be used."""
    value = item.value
    if not isinstance(value, dict):
        return Skip(item.where, f"not a work record (a JSON {type(value).__name__})")
    try:
        record = record_from_crossref(value)
    except SourceResponseError:
        return Skip(
            item.where, f"a work without a usable DOI: {value.get('DOI', '<missing>')!r:.80}"
        )
    return record, notice_updates(value) if value.get("update-to") else []


def _write(
    conn: sqlite3.Connection,
    records: Sequence[Record],
    notices: Sequence[tuple[str, Update]],
    tally: _Tally,
    source: tuple[str, int, int, int, bool],
) -> None:
    """One batch and how far its file is read, in one transaction."""
    with store.transaction(conn):
        written = store.put(conn, records, notices)
        conn.execute(
            "INSERT OR REPLACE INTO sources (path, size, mtime_ns, position, finished) "
            "VALUES (?, ?, ?, ?, ?)",
            (*source[:4], int(source[4])),
        )
        if records or notices:
            store.set_meta(conn, {"updated": iso_utc(), "terms": "stale", "optimized": "no"})
    tally.added += written.added
    tally.updated += written.updated
    tally.notices += written.notices


def _finish(conn: sqlite3.Connection) -> None:
    """After a build that changed something: word counts, one FTS5 segment, one file."""
    info = store.meta(conn)
    if info.get("terms") != "fresh":
        store.refresh_terms(conn)
    if info.get("optimized") != "yes":
        with store.transaction(conn):
            conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
            store.set_meta(conn, {"optimized": "yes", **store.counts(conn)})
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.OperationalError as exc:  # someone is reading it: it stays in WAL mode
        log.info("The index stays in WAL mode (%s): it is sound, in two or three files", exc)
