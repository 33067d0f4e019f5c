"""The records a :class:`~tests.fake_crossref.server.FakeCrossref` serves, with their indexes.

A :class:`WorkStore` keeps works by DOI (compared case-insensitively), the BM25 indexes that
search them and a reverse index from a DOI to the notices whose ``update-to`` names it. All
methods take one lock, so tests may change records while a client is querying. Stored
records are private copies and are never changed in place (every change builds a new dict),
so an answer being serialised is never torn by a concurrent update.
"""

from __future__ import annotations

import base64
import copy
import random
import threading
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from .query import ListQuery, matches_filters
from .records import doi_key, stamp, work_date
from .search import FIELD_EXTRACTORS, BM25Index

__all__ = ["ListResult", "WorkStore", "decode_cursor", "encode_cursor"]

Work = dict[str, Any]

FILTER_ONLY_SCORE = 1.0
"""The ``score`` of items listed by filters alone (no search terms)."""


def encode_cursor(offset: int) -> str:
    """An opaque ``next-cursor`` token that resumes at ``offset``."""
    return "DnF1ZXJ5" + base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def decode_cursor(token: str) -> int | None:
    """The offset a cursor resumes at: ``*`` starts, unknown tokens give ``None``."""
    if token == "*":
        return 0
    try:
        text = base64.urlsafe_b64decode(token.removeprefix("DnF1ZXJ5")).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    kind, _, number = text.partition(":")
    return int(number) if kind == "offset" and number.isdigit() else None


class ListResult:
    """One page of a list query: the items (already projected by ``select``) and the total."""

    __slots__ = ("items", "total")

    def __init__(self, items: list[Work], total: int) -> None:
        self.items = items
        self.total = total


class WorkStore:
    """Thread-safe records by DOI, with search indexes kept in step."""

    def __init__(self, records: Iterable[Mapping[str, Any]] = ()) -> None:
        self._lock = threading.RLock()
        self._works: dict[int, Work] = {}
        self._ids: dict[str, int] = {}
        self._next_id = 0
        self._indexes: dict[str, BM25Index] = {
            "bibliographic": BM25Index(FIELD_EXTRACTORS["bibliographic"])
        }
        self._notices: dict[str, set[int]] = {}
        for record in records:
            self.add(record)

    def __len__(self) -> int:
        with self._lock:
            return len(self._works)

    def __contains__(self, doi: object) -> bool:
        with self._lock:
            return isinstance(doi, str) and doi_key(doi) in self._ids

    # -- reading -------------------------------------------------------------------------

    def get(self, doi: str) -> Work | None:
        """The stored record for ``doi`` (do not mutate it), or ``None``."""
        with self._lock:
            key = self._ids.get(doi_key(doi))
            return None if key is None else self._works[key]

    def records(self) -> list[Work]:
        """Copies of every record, in insertion order."""
        with self._lock:
            return copy.deepcopy(list(self._works.values()))

    def dois(self) -> list[str]:
        """Every DOI, as stored, in insertion order."""
        with self._lock:
            return [str(w["DOI"]) for w in self._works.values()]

    # -- changing ------------------------------------------------------------------------

    def add(self, record: Mapping[str, Any]) -> None:
        """Add a new record; its DOI must not be present yet."""
        doi = self._doi_of(record)
        with self._lock:
            if doi_key(doi) in self._ids:
                raise ValueError(f"DOI already present: {doi!r}")
            self._store(self._next_id, record)
            self._next_id += 1

    def replace(self, record: Mapping[str, Any]) -> None:
        """Store ``record`` in place of the one with its DOI (or add it if absent)."""
        doi = self._doi_of(record)
        with self._lock:
            key = self._ids.get(doi_key(doi))
            if key is None:
                self.add(record)
            else:
                self._unstore(key)
                self._store(key, record)

    def update(self, doi: str, changes: Mapping[str, Any]) -> Work:
        """Set fields of a record (a ``None`` value removes the field); returns a copy."""
        with self._lock:
            current = self._require(doi)
            if "DOI" in changes and doi_key(str(changes["DOI"])) != doi_key(doi):
                raise ValueError(f"update cannot change the DOI of {doi!r}; use remove and add")
            record = dict(current)
            for name, value in changes.items():
                if value is None:
                    record.pop(name, None)
                else:
                    record[name] = value
            self.replace(record)
            return copy.deepcopy(self._require(doi))

    def remove(self, doi: str) -> Work:
        """Remove and return the record for ``doi``."""
        with self._lock:
            record = self._require(doi)
            self._unstore(self._ids[doi_key(doi)])
            return record

    def add_notice(self, notice: Mapping[str, Any], *, source: str | None = None) -> None:
        """Add a notice and give every work its ``update-to`` names the matching ``updated-by``.

        ``source`` overrides the notice's own ``source`` on the ``updated-by`` side (Crossref
        shows Retraction Watch as the source of retractions it learned from there).
        """
        with self._lock:
            self.replace(notice)
            now = datetime.now(timezone.utc)
            for entry in notice.get("update-to") or ():
                target = self.get(str(entry["DOI"]))
                if target is None:
                    continue
                back = dict(entry, DOI=notice["DOI"])
                if source is not None:
                    back["source"] = source
                kept = [
                    u
                    for u in target.get("updated-by") or ()
                    if doi_key(str(u.get("DOI", ""))) != doi_key(str(notice["DOI"]))
                    or u.get("type") != entry.get("type")
                ]
                self.update(
                    str(target["DOI"]), {"updated-by": [*kept, back], "indexed": stamp(now)}
                )

    # -- listing -------------------------------------------------------------------------

    def run(self, query: ListQuery, *, offset: int | None = None) -> ListResult:
        """Run a checked list query; ``offset`` overrides the query's (cursor paging)."""
        start = query.offset if offset is None else offset
        with self._lock:
            candidates = self._candidates(query)
            if query.searches:
                ranked, total = self._search(query, candidates, start)
            else:
                ids = sorted(
                    (i for i in (candidates if candidates is not None else self._works)),
                    key=lambda i: doi_key(str(self._works[i]["DOI"])),
                )
                ranked = [
                    (i, FILTER_ONLY_SCORE) for i in ids if matches_filters(query, self._works[i])
                ]
                total = len(ranked)
                ranked = self._sorted(query, ranked)
            if query.sample is not None:
                ranked = random.sample(ranked, min(query.sample, len(ranked)))
                page = ranked
            else:
                page = ranked[start : start + query.rows]
            items = [self._project(self._works[i], score, query.select) for i, score in page]
        return ListResult(items, total)

    # -- internals -----------------------------------------------------------------------

    @staticmethod
    def _doi_of(record: Mapping[str, Any]) -> str:
        doi = record.get("DOI")
        if not isinstance(doi, str) or not doi.strip():
            raise ValueError(f"record has no DOI: {dict(record)!r:.200}")
        return doi

    def _require(self, doi: str) -> Work:
        record = self.get(doi)
        if record is None:
            raise KeyError(f"no record for DOI {doi!r}")
        return record

    def _store(self, key: int, record: Mapping[str, Any]) -> None:
        work = copy.deepcopy(dict(record))
        work.pop("score", None)
        self._works[key] = work
        self._ids[doi_key(str(work["DOI"]))] = key
        for index in self._indexes.values():
            index.add(key, work)
        for entry in work.get("update-to") or ():
            if isinstance(entry, Mapping) and entry.get("DOI"):
                self._notices.setdefault(doi_key(str(entry["DOI"])), set()).add(key)

    def _unstore(self, key: int) -> None:
        work = self._works.pop(key)
        del self._ids[doi_key(str(work["DOI"]))]
        for index in self._indexes.values():
            index.remove(key)
        for entry in work.get("update-to") or ():
            if isinstance(entry, Mapping) and entry.get("DOI"):
                self._notices.get(doi_key(str(entry["DOI"])), set()).discard(key)

    def _index(self, field: str) -> BM25Index:
        index = self._indexes.get(field)
        if index is None:
            index = BM25Index(FIELD_EXTRACTORS[field])
            for key, work in self._works.items():
                index.add(key, work)
            self._indexes[field] = index
        return index

    def _candidates(self, query: ListQuery) -> set[int] | None:
        """Ids allowed by the ``doi`` and ``updates`` filters, looked up (not scanned)."""
        found: set[int] | None = None
        if "doi" in query.filters:
            found = {self._ids[k] for k in map(doi_key, query.filters["doi"]) if k in self._ids}
        if "updates" in query.filters:
            notices = set().union(
                *(self._notices.get(doi_key(v), set()) for v in query.filters["updates"])
            )
            found = notices if found is None else found & notices
        return found

    def _search(
        self, query: ListQuery, candidates: set[int] | None, start: int
    ) -> tuple[list[tuple[int, float]], int]:
        plain = not query.predicates and query.sort is None and query.sample is None
        if plain and len(query.searches) == 1:
            field, text = query.searches[0]
            # The best ``start + rows``: enough for the page the caller slices out.
            return self._index(field).top(text, start + query.rows)
        scores: dict[int, float] = {}
        for field, text in query.searches:
            for key, score in self._index(field).scores(text).items():
                scores[key] = scores.get(key, 0.0) + score
        ranked = [
            (key, score)
            for key, score in scores.items()
            if (candidates is None or key in candidates)
            and matches_filters(query, self._works[key])
        ]
        ranked.sort(key=lambda item: (-item[1], item[0]))
        return self._sorted(query, ranked), len(ranked)

    def _sorted(self, query: ListQuery, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
        if query.sort is None:
            return ranked if query.descending else ranked[::-1]
        name = query.sort

        def key(item: tuple[int, float]) -> tuple[Any, ...]:
            work = self._works[item[0]]
            value = work.get(name)
            if isinstance(value, int):
                return (value,)
            return work_date(work, name) or (0, 0, 0)

        return sorted(ranked, key=key, reverse=query.descending)

    @staticmethod
    def _project(work: Work, score: float, select: tuple[str, ...] | None) -> Work:
        if select is None:
            return {**work, "score": round(score, 7)}
        item = {name: work[name] for name in select if name in work}
        if "score" in select:
            item["score"] = round(score, 7)
        return item
