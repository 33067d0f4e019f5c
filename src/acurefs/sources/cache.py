"""A persistent cache of metadata answers, in SQLite, safe against a killed process.

One row per answer: a work by DOI (``work:<doi>``, a 200 or a 404), a search
(``search:<hash>``), a DOI's registration agency (``agency:<doi>``). Each write
is one transaction in a WAL-mode database, so ``kill -9`` at any moment leaves
either the old row or the new one, never a torn file; finished work is never
asked for again. Rows expire after a time to live; an offline run may still
read expired rows (stale is better than nothing when nothing else is allowed).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .settings import Settings

CACHE_FILE = "crossref.sqlite3"
DEFAULT_TTL = 30 * 24 * 3600.0
"""Works and searches are kept 30 days before they are asked for again."""
DEFAULT_NEGATIVE_TTL = 24 * 3600.0
"""A 404 is asked for again after a day: DOIs get registered late."""
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    body TEXT,
    url TEXT,
    fetched REAL NOT NULL,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class CachedAnswer:
    """An answer as it was stored: HTTP status, decoded JSON body, where and when it came from."""

    key: str
    status: int
    body: Any
    url: str | None
    fetched: float
    expires: float

    def fresh(self, now: float) -> bool:
        return now < self.expires


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``ACUREFS_CACHE_DIR``, else the platform's user cache directory + ``acurefs``.

    ``ACUREFS_CACHE_DIR`` is read through :class:`~acurefs.sources.settings.Settings`, so
    a bad ``ACUREFS_*`` value is a :class:`~acurefs.errors.ConfigError` here too.
    """
    env = os.environ if environ is None else environ
    explicit = Settings.from_env(env).cache_dir
    if explicit is not None:
        return explicit
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "acurefs"
    if os.name == "nt":
        base = env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "acurefs" / "Cache"
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "acurefs"


class Cache:
    """The answer cache. Thread-safe; opened lazily, so constructing one does no I/O."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        ttl: float = DEFAULT_TTL,
        negative_ttl: float = DEFAULT_NEGATIVE_TTL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path) if path is not None else default_cache_dir() / CACHE_FILE
        self.ttl = ttl
        self.negative_ttl = negative_ttl
        self._clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def __repr__(self) -> str:
        return f"Cache({str(self.path)!r}, ttl={self.ttl:g})"

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(
                    self.path, timeout=30, check_same_thread=False, isolation_level=None
                )
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.executescript(_SCHEMA)
                db.execute(
                    "INSERT OR IGNORE INTO meta(name, value) VALUES ('schema', ?)",
                    (str(SCHEMA_VERSION),),
                )
            except sqlite3.DatabaseError as exc:
                raise ConfigError(f"Cannot open the cache at {str(self.path)!r}: {exc}") from exc
            except OSError as exc:
                raise ConfigError(
                    f"Cannot create the cache at {str(self.path)!r}: {exc.strerror or exc}"
                ) from exc
            self._db = db
        return self._db

    def now(self) -> float:
        """The cache's clock (time to live is judged on it)."""
        return self._clock()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def get(self, key: str) -> CachedAnswer | None:
        """The stored answer for ``key`` (fresh or not), or None."""
        with self._lock:
            row = (
                self._connect()
                .execute(
                    "SELECT key, status, body, url, fetched, expires FROM answers WHERE key = ?",
                    (key,),
                )
                .fetchone()
            )
        return _answer(row) if row else None

    def get_many(self, keys: Iterable[str]) -> dict[str, CachedAnswer]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, CachedAnswer] = {}
        with self._lock:
            db = self._connect()
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, status, body, url, fetched, expires FROM answers WHERE key IN ({marks})",
                    chunk,
                ).fetchall()
                for row in rows:
                    found[row[0]] = _answer(row)
        return found

    def put(
        self, key: str, status: int, body: Any, *, url: str | None = None, ttl: float | None = None
    ) -> None:
        """Store one answer, atomically."""
        self.put_many([(key, status, body, url)], ttl=ttl)

    def put_many(
        self, items: Iterable[tuple[str, int, Any, str | None]], *, ttl: float | None = None
    ) -> None:
        """Store several answers in one transaction: all of them or none."""
        now = self._clock()
        rows = []
        for key, status, body, url in items:
            life = ttl if ttl is not None else (self.ttl if status < 400 else self.negative_ttl)
            rows.append((key, status, json.dumps(body, ensure_ascii=False), url, now, now + life))
        if not rows:
            return
        with self._lock:
            db = self._connect()
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(
                    "INSERT OR REPLACE INTO answers(key, status, body, url, fetched, expires) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def delete(self, key: str) -> None:
        with self._lock:
            self._connect().execute("DELETE FROM answers WHERE key = ?", (key,))

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._connect().execute("SELECT COUNT(*) FROM answers").fetchone()
        return int(count)

    def integrity(self) -> str:
        """SQLite's own integrity check: ``"ok"`` when the file is sound."""
        with self._lock:
            (result,) = self._connect().execute("PRAGMA integrity_check").fetchone()
        return str(result)


def _answer(row: tuple[Any, ...]) -> CachedAnswer:
    key, status, body, url, fetched, expires = row
    return CachedAnswer(
        key, int(status), json.loads(body) if body else None, url, float(fetched), float(expires)
    )
