"""The local index's SQLite file: its schema, and reading and writing works in batches.

One file holds everything:

* ``works``: one row per DOI (lower case), the record in the Crossref shape that
  :func:`~acurefs.sources.crossref.records.record_to_crossref` writes (so it reads back
  equal), its year for publication-date filters, and whether ``updates`` holds notices
  about it (so reading a work without any asks nothing more);
* ``fts``: an FTS5 table over the fields matching needs (title, people, journal, numbers),
  contentless (the text lives in ``works``), its ``rowid`` the work's ``id``;
* ``updates``: notices (retractions, corrections, expressions of concern) by the DOI they
  are about, read from the notices' ``update-to``; they become the ``updated-by`` of the
  work when it is read, whichever of the two was added first;
* ``terms``: how many works each indexed word occurs in, refreshed when a build ends, so a
  search can pick the words that tell works apart without asking FTS5;
* ``sources``: how far each source file has been read, so a killed build continues;
* ``meta``: the format version, when the index was created and last changed, and counts.

Words are folded by :func:`acurefs.text.fold` before FTS5 sees them, for the index and for
queries alike, so both sides always agree on what a word is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...models import Record, Update
from ...text import fold, iso_utc
from ..crossref.records import record_from_crossref, record_to_crossref

FORMAT = "acurefs-index/1"
"""The format of the file; an index of another format is refused, never changed."""
COLUMNS = ("title", "people", "venue", "numbers")
"""The FTS5 columns, in order."""
CHUNK = 500
"""Values per ``IN (...)`` list (SQLite allows 32,766 parameters; smaller lists plan better)."""

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS works (
    id INTEGER PRIMARY KEY,
    doi TEXT NOT NULL UNIQUE,
    year INTEGER,
    noticed INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
    target TEXT NOT NULL,
    notice TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (target, notice, type)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    {", ".join(COLUMNS)}, content='', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'row');
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    position INTEGER NOT NULL,
    finished INTEGER NOT NULL
) WITHOUT ROWID;
"""


def connect(path: Path, *, write: bool) -> sqlite3.Connection:
    """A connection to the index at ``path``: read-only, or for a build (created if absent).

    A read-only connection never changes the file, so workers can share one copy; a
    missing file, or one that is not an acurefs index, is a :class:`ConfigError`.
    """
    try:
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
        else:
            if not path.is_file():
                raise ConfigError(
                    f"No index at {str(path)!r}: build one with 'acurefs index build {path} SOURCE...'"
                )
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages
        _check_format(conn, path, write=write)
    except sqlite3.DatabaseError as exc:
        raise ConfigError(f"{str(path)!r} is not an acurefs index: {exc}") from exc
    return conn


def _check_format(conn: sqlite3.Connection, path: Path, *, write: bool) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.OperationalError as exc:  # no meta table: another SQLite file
        raise ConfigError(f"{str(path)!r} is not an acurefs index") from exc
    if row is None and write:
        now = iso_utc()
        with transaction(conn):
            set_meta(conn, {"format": FORMAT, "created": now, "updated": now})
        return
    if row is None or row[0] != FORMAT:
        found = row[0] if row else "none"
        raise ConfigError(
            f"{str(path)!r} is not an index of format {FORMAT} (found {found}): build it anew"
        )


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: all of it lands, or none of it (a killed build included)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def set_meta(conn: sqlite3.Connection, values: Mapping[str, object]) -> None:
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [(k, str(v)) for k, v in values.items()],
    )


def words(*texts: str | None) -> str:
    """The folded words of some texts, space-separated: what FTS5 indexes and is asked."""
    return " ".join(fold(t) for t in texts if t).strip()


def columns(record: Record) -> tuple[str, str, str, str]:
    """The text of each FTS5 column for a record (title, people, venue, numbers)."""
    people = [p.family for p in record.authors]
    numbers = (
        str(record.year) if record.year else None,
        record.volume,
        record.issue,
        record.pages,
        record.article_number,
    )
    return (
        words(record.title, record.subtitle),
        words(*people),
        words(record.journal, record.journal_abbrev),
        words(*numbers),
    )


def encode(record: Record) -> str:
    """The stored form of a record: compact Crossref JSON (notices about it live in ``updates``)."""
    return json.dumps(record_to_crossref(record), ensure_ascii=False, separators=(",", ":"))


def decode(body: str) -> Record:
    return record_from_crossref(json.loads(body))


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(frozen=True, slots=True)
class Written:
    """What one batch did to the index."""

    added: int
    updated: int
    notices: int


def put(
    conn: sqlite3.Connection,
    records: Sequence[Record],
    notices: Sequence[tuple[str, Update]],
) -> Written:
    """Add or replace works (a DOI already held is updated) and store notices; no transaction
    of its own (the caller's batch is one)."""
    latest = {r.doi: r for r in records}  # the last of a DOI seen twice in the batch wins
    known: dict[str, tuple[int, str]] = {}
    for part in chunks(list(latest)):
        marks = ",".join("?" * len(part))
        sql = f"SELECT doi, id, body FROM works WHERE doi IN ({marks})"
        known.update((doi, (key, body)) for doi, key, body in conn.execute(sql, part))
    old_rows = [(key, *columns(decode(body))) for key, body in known.values()]
    conn.executemany(
        "INSERT INTO fts (fts, rowid, title, people, venue, numbers) VALUES ('delete', ?, ?, ?, ?, ?)",
        old_rows,
    )
    (top,) = conn.execute("SELECT coalesce(max(id), 0) FROM works").fetchone()
    noticed = _noticed(conn, list(latest), notices)
    rows, texts = [], []
    for record in latest.values():
        if record.doi in known:
            key = known[record.doi][0]
        else:
            top += 1
            key = top
        rows.append((key, record.doi, record.year, int(record.doi in noticed), encode(record)))
        texts.append((key, *columns(record)))
    conn.executemany(
        "INSERT OR REPLACE INTO works (id, doi, year, noticed, body) VALUES (?, ?, ?, ?, ?)", rows
    )
    conn.executemany(
        "INSERT INTO fts (rowid, title, people, venue, numbers) VALUES (?, ?, ?, ?, ?)", texts
    )
    conn.executemany(
        "INSERT OR REPLACE INTO updates (target, notice, type, body) VALUES (?, ?, ?, ?)",
        [(target, u.doi or "", u.type, _update_json(u)) for target, u in notices],
    )
    conn.executemany(
        "UPDATE works SET noticed = 1 WHERE doi = ?", [(t,) for t in {t for t, _ in notices}]
    )
    return Written(len(latest) - len(known), len(known), len(notices))


def _noticed(
    conn: sqlite3.Connection, dois: list[str], notices: Sequence[tuple[str, Update]]
) -> set[str]:
    """Which of these works have notices about them (stored before, or in this batch)."""
    found = {target for target, _ in notices}
    for part in chunks(dois):
        marks = ",".join("?" * len(part))
        sql = f"SELECT DISTINCT target FROM updates WHERE target IN ({marks})"
        found.update(target for (target,) in conn.execute(sql, part))
    return found


def _update_json(update: Update) -> str:
    fields = {"type": update.type, "doi": update.doi, "source": update.source}
    fields.update(label=update.label, date=update.date)
    return json.dumps({k: v for k, v in fields.items() if v is not None}, ensure_ascii=False)


def _update(body: str) -> Update:
    data = json.loads(body)
    return Update(
        type=data["type"],
        doi=data.get("doi"),
        source=data.get("source"),
        label=data.get("label"),
        date=data.get("date"),
    )


def notices_about(conn: sqlite3.Connection, dois: Iterable[str]) -> dict[str, list[Update]]:
    """The notices stored for these DOIs (from the notices' ``update-to``), oldest first."""
    wanted = list(dict.fromkeys(dois))
    found: dict[str, list[Update]] = {}
    for part in chunks(wanted):
        marks = ",".join("?" * len(part))
        sql = f"SELECT target, body FROM updates WHERE target IN ({marks})"
        for target, body in conn.execute(sql, part):
            found.setdefault(target, []).append(_update(body))
    for updates in found.values():
        updates.sort(key=lambda u: (u.date or "", u.doi or "", u.type))
    return found


def refresh_terms(conn: sqlite3.Connection) -> int:
    """Count again how many works each word occurs in (one pass over the FTS5 index)."""
    with transaction(conn):
        conn.execute("DELETE FROM terms")
        conn.execute("INSERT INTO terms (term, df) SELECT term, doc FROM vocab")
        set_meta(conn, {"terms": "fresh"})
    (count,) = conn.execute("SELECT count(*) FROM terms").fetchone()
    return int(count)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many works and notices the index holds."""
    (works,) = conn.execute("SELECT count(*) FROM works").fetchone()
    (notices,) = conn.execute("SELECT count(*) FROM updates").fetchone()
    return {"works": int(works), "notices": int(notices)}
