"""``LocalIndex``: the local index as a metadata source, read-only, touching no network.

It answers what ``resolve()`` and ``validate()`` ask of Crossref (works by DOI, a
bibliographic search with field queries and publication-date filters, the registration
agency) from the SQLite file :func:`~acurefs.sources.index.build.build_index` writes.
The matching and validation rules are the same: only the candidates come from the index.

One connection serves every call (opened on first use, guarded by a lock); queries
are prepared once and cached by SQLite; decoded records are kept in a small cache, so
the record a search found is not decoded again when the resolver asks for it by DOI.
A ``LocalIndex`` pickles as its path and options, and opens its own connection
wherever it is unpickled (a Dask worker, say).
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import SourceUnavailableError
from ...identifiers import normalize_doi
from ...models import Record, Reference, Update
from ..base import Candidate, SearchAnswer, Work
from . import store
from .query import match_expression, rank_expression, wanted, year_range

SEARCH_ROWS = 5
RECORD_CACHE = 16384
"""Decoded records kept (by DOI): a search's candidates, asked for again by DOI."""
RELATIVE_SCORE = 0.5
"""Candidates scoring less than this share of the best one's BM25 are left out: they share
few of the words that matter, and each one costs a decoding and a comparison. Measured on
4,000 strings of the closed-world benchmark: the same precision and recall, matching in a
third of the time."""
TERM_CACHE = 65536
"""Word frequencies kept; most words of most references are common ones, asked again."""
TERMS_IN_MEMORY = 400_000
"""An index counting no more words than this has all its word counts read once, when it is
opened (a few megabytes; 37,000 words for glutton's 17,000 works, read in 20 ms): a search
then asks the file for its ranking only. A larger index reads the counts it needs as
searches ask for them, and keeps :data:`TERM_CACHE` of them."""


@dataclass(frozen=True, slots=True)
class IndexInfo:
    """What an index holds, and when it was built and last changed."""

    path: str
    format: str
    works: int
    notices: int
    terms: int | None
    """Distinct words counted; None when a build was stopped before counting them."""
    created: str | None
    updated: str | None
    bytes: int
    sources: int
    """Source files read to the end."""


class LocalIndex:
    """The local index at ``path`` as a metadata source (see the module docstring).

    ``complete=True`` says the index holds all of Crossref (built from the whole public
    data file): a DOI it lacks is then one Crossref lacks. By default an index is a
    subset, and a DOI it lacks is left unchecked (the lock answers for it, if it can).
    Nothing is opened until the first question.
    """

    name = "local-index"

    def __init__(self, path: str | Path, *, complete: bool = False) -> None:
        self.path = Path(path)
        self.complete = complete
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._records: OrderedDict[str, Record] = OrderedDict()
        self._df: dict[str, int] = {}
        self._all_terms = False
        """Whether ``_df`` holds every word of the index (a word it lacks is in no work)."""
        self._works = 0
        self._fresh_terms = True
        self._retrieved: str | None = None
        self._uri = self.path.absolute().as_uri()

    def __repr__(self) -> str:
        return f"LocalIndex({str(self.path)!r})"

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "complete": self.complete}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], complete=state["complete"])  # type: ignore[misc]

    def __enter__(self) -> LocalIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (it reopens if the index is asked again)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # --- what reports say about the source -------------------------------------------------

    offline = True
    """The index never touches the network."""

    def describe(self) -> Mapping[str, str]:
        return {"name": self.name, "url": self._uri}

    def usage(self) -> tuple[Mapping[str, int], int]:
        """No requests are sent; nothing comes from a cache of answers."""
        return {}, 0

    def info(self) -> IndexInfo:
        """What the index holds (opens it: a missing or foreign file is a ConfigError)."""
        with self._lock:
            conn = self._open()
            about = store.meta(conn)
            held = store.counts(conn)
            (terms,) = conn.execute("SELECT count(*) FROM terms").fetchone()
            (sources,) = conn.execute("SELECT count(*) FROM sources WHERE finished").fetchone()
        return IndexInfo(
            path=str(self.path),
            format=about.get("format", "?"),
            works=held["works"],
            notices=held["notices"],
            terms=int(terms) if about.get("terms") == "fresh" else None,
            created=about.get("created"),
            updated=about.get("updated"),
            bytes=self.path.stat().st_size,
            sources=int(sources),
        )

    # --- the connection --------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """The connection, opened on first use (the caller holds the lock)."""
        if self._conn is None:
            conn = store.connect(self.path, write=False)
            about = store.meta(conn)
            self._works = int(about.get("works") or store.counts(conn)["works"])
            self._fresh_terms = about.get("terms") == "fresh"
            self._retrieved = about.get("updated")
            if self._fresh_terms:
                self._read_all_terms(conn)
            self._conn = conn
        return self._conn

    def _read_all_terms(self, conn: sqlite3.Connection) -> None:
        """Every word count, when the index counts few enough words (:data:`TERMS_IN_MEMORY`)."""
        sql = "SELECT count(*) FROM (SELECT 1 FROM terms LIMIT ?)"
        (held,) = conn.execute(sql, (TERMS_IN_MEMORY + 1,)).fetchone()
        self._all_terms = False
        if held <= TERMS_IN_MEMORY:
            self._df = dict(conn.execute("SELECT term, df FROM terms").fetchall())
            self._all_terms = True

    # --- works by DOI ----------------------------------------------------------------------

    def works(self, dois: Iterable[str]) -> dict[str, Work]:
        """The records the index holds for these DOIs. A DOI it lacks is left out (not
        checked), or, for a ``complete`` index, answered with no record."""
        wanted_dois = list(dict.fromkeys(normalize_doi(d) for d in dois if d))
        with self._lock:
            found = self._records_for(wanted_dois)
        out = {
            doi: Work(doi, record, f"{self._uri}#{doi}", self._retrieved)
            for doi, record in found.items()
        }
        if self.complete:
            for doi in wanted_dois:
                out.setdefault(doi, Work(doi, None, f"{self._uri}#{doi}", self._retrieved))
        return out

    def _records_for(self, dois: list[str]) -> dict[str, Record]:
        """Records by DOI, from the cache or the file (the caller holds the lock)."""
        found = {d: r for d in dois if (r := self._cached(d)) is not None}
        missing = [d for d in dois if d not in found]
        conn = self._open()
        for part in store.chunks(missing):
            marks = ",".join("?" * len(part))
            sql = f"SELECT doi, noticed, body FROM works WHERE doi IN ({marks})"
            found.update(self._decoded(conn.execute(sql, part).fetchall()))
        return found

    def _decoded(self, rows: list[tuple[str, int, str]]) -> dict[str, Record]:
        """Records from stored rows (DOI, has notices, body), with their notices, cached."""
        flagged = [doi for doi, noticed, _ in rows if noticed]
        notices = store.notices_about(self._open(), flagged) if flagged else {}
        out = {}
        for doi, _, body in rows:
            record = store.decode(body)
            known = {(u.doi, u.type) for u in record.updates}
            extra = tuple(u for u in notices.get(doi, ()) if (u.doi, u.type) not in known)
            if extra:
                record = _with_updates(record, extra)
            out[doi] = record
            self._records[doi] = record
            if len(self._records) > RECORD_CACHE:
                self._records.popitem(last=False)
        return out

    def _cached(self, doi: str) -> Record | None:
        record = self._records.get(doi)
        if record is not None:
            self._records.move_to_end(doi)
        return record

    # --- search ----------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        rows: int = SEARCH_ROWS,
        fields: Mapping[str, str] | None = None,
        filters: Mapping[str, str] | None = None,
        reference: Reference | None = None,
    ) -> SearchAnswer:
        """The best few works for a reference string, as Crossref's ``query.bibliographic``.

        ``fields`` searches a field only (``title``, ``author``, ``container-title``);
        ``filters`` keeps works published in a range of years (``from-pub-date``,
        ``until-pub-date``). Scores are BM25, unnormalised, like Crossref's. ``reference`` is
        the query already parsed (the resolver has it): the string is not parsed again.
        """
        query = " ".join(query.split())[:1000]
        want = wanted(query, fields, reference)
        low, high = year_range(filters)
        with self._lock:
            conn = self._open()
            expression = match_expression(want, self._frequencies, self._works)
            found = self._ranked(conn, expression, rows, low, high) if expression else []
            best = found[0][1] if found else 0.0
            kept = [row for row in found if row[1] >= best * RELATIVE_SCORE]
            records = self._rows_decoded([(doi, noticed, body) for doi, _, noticed, body in kept])
        candidates = tuple(Candidate(records[doi], round(score, 4)) for doi, score, _, _ in kept)
        return SearchAnswer(query, candidates, self._uri, self._retrieved)

    def _ranked(
        self,
        conn: sqlite3.Connection,
        expression: str,
        rows: int,
        low: int | None,
        high: int | None,
    ) -> list[tuple[str, float, int, str]]:
        """The best works for a match, best first: (DOI, score, has notices, body); one query."""
        rank = rank_expression()
        if low is None and high is None:
            sql = (
                f"SELECT works.doi, hit.score, works.noticed, works.body FROM "
                f"(SELECT rowid, {rank} AS score FROM fts WHERE fts MATCH ? ORDER BY 2 LIMIT ?)"
                " AS hit JOIN works ON works.id = hit.rowid ORDER BY hit.score"
            )
            found = conn.execute(sql, (expression, rows)).fetchall()
        else:
            sql = (
                f"SELECT works.doi, {rank}, works.noticed, works.body FROM fts "
                "JOIN works ON works.id = fts.rowid "
                "WHERE fts MATCH ? AND works.year BETWEEN ? AND ? ORDER BY 2 LIMIT ?"
            )
            bounds = (low if low is not None else -9999, high if high is not None else 9999)
            found = conn.execute(sql, (expression, *bounds, rows)).fetchall()
        return [(doi, -float(score), noticed, body) for doi, score, noticed, body in found]

    def _rows_decoded(self, rows: list[tuple[str, int, str]]) -> dict[str, Record]:
        """Records for stored rows, from the cache where it has them (the caller holds the lock)."""
        out = {doi: r for doi, _, _ in rows if (r := self._cached(doi)) is not None}
        out.update(self._decoded([row for row in rows if row[0] not in out]))
        return out

    def _frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many works each word occurs in (the caller holds the lock)."""
        wanted_terms = list(terms)
        missing = [] if self._all_terms else [t for t in wanted_terms if t not in self._df]
        if missing:
            conn = self._open()
            table = "terms" if self._fresh_terms else "vocab"
            column = "df" if self._fresh_terms else "doc"
            for part in store.chunks(missing):
                marks = ",".join("?" * len(part))
                sql = f"SELECT term, {column} FROM {table} WHERE term IN ({marks})"
                found = dict(conn.execute(sql, part).fetchall())
                if len(self._df) > TERM_CACHE:
                    self._df.clear()
                self._df.update({t: int(found.get(t, 0)) for t in part})
        return {t: self._df.get(t, 0) for t in wanted_terms}

    # --- what the index cannot know ---------------------------------------------------------

    def registration_agency(self, doi: str) -> str | None:
        """``Crossref`` for a DOI the index holds; for any other, the index cannot tell."""
        doi = normalize_doi(doi)
        with self._lock:
            held = self._records_for([doi])
        if doi in held:
            return "Crossref"
        raise SourceUnavailableError(
            f"DOI {doi} is not in the local index {str(self.path)!r}, which cannot tell "
            "which agency registered it"
        )


def _with_updates(record: Record, extra: tuple[Update, ...]) -> Record:
    return dataclasses.replace(record, updates=(*record.updates, *extra))
