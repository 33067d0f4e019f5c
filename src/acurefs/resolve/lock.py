"""The lockfile: the accepted resolution of every reference, so runs can work offline and diff.

``acurefs.lock.json`` holds, per reference, its citation key, a hash of the
printed text, the DOI, the record fields the check used, the score, the verdict
and where the answer came from (``crossref`` with URL and time, or ``curated``
with its sources). It is written atomically: a temporary file in the same
directory, flushed and synced, then renamed over the old one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import LockError
from ..models import (
    Corpus,
    Document,
    Linked,
    LinkStatus,
    Person,
    Provenance,
    Record,
    Reference,
    ReferenceIdentity,
    Resolution,
    Update,
    Verdict,
)
from ..text import iso_utc

LOCK_NAME = "acurefs.lock.json"
LOCK_VERSION = 1


def printed_hash(reference: Reference) -> str:
    """The hash of what a reference prints (whitespace-insensitive), to notice edits."""
    return hashlib.sha256(" ".join(reference.raw.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class LockEntry:
    """The accepted state of one reference."""

    key: str
    document: str | None
    number: int | None
    printed_sha256: str
    doi: str | None
    verdict: Verdict
    score: float | None
    record: Record | None
    provenance: Provenance | None
    findings: tuple[str, ...] = ()
    reason: str | None = None
    linked: tuple[Linked, ...] = ()
    """What further sources (PubMed) said, as the run heard it."""


@dataclass(frozen=True, slots=True)
class Lock:
    """A lockfile's entries, looked up by reference."""

    entries: tuple[LockEntry, ...]
    path: str | None = None
    note: str | None = None
    generated: str | None = None

    name = "lock"

    @classmethod
    def from_references(
        cls,
        references: Sequence[Reference],
        *,
        keys: Mapping[ReferenceIdentity, str] | None = None,
        note: str | None = None,
    ) -> Lock:
        """A lock accepting the current resolution of every resolved reference.

        ``keys`` are the references' citation keys (``acurefs.export.citations.citation_keys``),
        recorded so suppressions and reports can name references by key.
        """
        return lock_from_references(references, keys=keys, note=note)

    def entry_for(self, reference: Reference) -> LockEntry | None:
        """The entry for a reference: same document and printed text, else same printed text."""
        digest = printed_hash(reference)
        fallback = None
        for entry in self.entries:
            if entry.printed_sha256 != digest:
                continue
            if entry.document == reference.document and entry.number == reference.number:
                return entry
            fallback = fallback or entry
        return fallback

    @classmethod
    def load(cls, path: str | Path) -> Lock:
        """Read a lockfile; a clear :class:`LockError` when it is missing or damaged."""
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise LockError(f"No lockfile at {str(path)!r}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise LockError(f"Cannot read the lockfile {str(path)!r}: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise LockError(
                f"The lockfile {str(path)!r} is not valid JSON (line {exc.lineno})"
            ) from exc
        return cls.from_json(data, path=str(p))

    @classmethod
    def from_json(cls, data: Any, *, path: str | None = None) -> Lock:
        where = repr(path) if path else "the lockfile"
        if not isinstance(data, dict) or data.get("acurefs_lock") != LOCK_VERSION:
            raise LockError(f"{where} is not an acurefs lockfile (version {LOCK_VERSION})")
        rows = data.get("references")
        if not isinstance(rows, list):
            raise LockError(f"{where} has no list of references")
        try:
            entries = tuple(_entry_from_json(row) for row in rows)
        except (KeyError, TypeError, ValueError) as exc:
            raise LockError(f"{where} has a malformed entry: {exc}") from exc
        return cls(entries, path=path, note=data.get("note"), generated=data.get("generated"))

    def to_json(self) -> dict[str, Any]:
        return {
            "acurefs_lock": LOCK_VERSION,
            "generated_by": f"acurefs {__version__}",
            "generated": self.generated or iso_utc(),
            "note": self.note,
            "references": [_entry_to_json(e) for e in self.entries],
        }

    def write(self, path: str | Path | None = None) -> Path:
        """Write atomically to ``path`` (or where it was read from)."""
        target = Path(path or self.path or LOCK_NAME)
        text = json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"
        write_atomic(target, text)
        return target


def lock_from_references(
    references: Sequence[Reference],
    *,
    keys: Mapping[ReferenceIdentity, str] | None = None,
    note: str | None = None,
    generated: str | None = None,
) -> Lock:
    """A lock holding the current resolution of every reference that has one."""
    keys = keys or {}
    entries = []
    for ref in references:
        res = ref.resolution
        if res is None:
            continue
        entries.append(
            LockEntry(
                key=keys.get(ref.identity, ""),
                document=ref.document,
                number=ref.number,
                printed_sha256=printed_hash(ref),
                doi=res.doi,
                verdict=res.verdict,
                score=res.score,
                record=res.record,
                provenance=res.provenance,
                findings=tuple(f.code for f in res.findings),
                reason=res.reason,
                linked=res.linked,
            )
        )
    return Lock(tuple(entries), note=note, generated=generated)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise LockError(f"Cannot write {str(path)!r}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _entry_to_json(entry: LockEntry) -> dict[str, Any]:
    row: dict[str, Any] = {
        "key": entry.key,
        "document": entry.document,
        "number": entry.number,
        "printed_sha256": entry.printed_sha256,
        "doi": entry.doi,
        "verdict": entry.verdict.value,
        "score": entry.score,
        "reason": entry.reason,
        "findings": list(entry.findings),
        "record": record_to_json(entry.record) if entry.record else None,
        "provenance": entry.provenance.to_dict() if entry.provenance else None,
    }
    if entry.linked:  # only when a further source was asked: older locks read the same
        row["linked"] = [link.to_dict() for link in entry.linked]
    return row


def _entry_from_json(row: Mapping[str, Any]) -> LockEntry:
    provenance = row.get("provenance")
    return LockEntry(
        key=str(row.get("key") or ""),
        document=row.get("document"),
        number=row.get("number"),
        printed_sha256=str(row["printed_sha256"]),
        doi=row.get("doi"),
        verdict=Verdict(row["verdict"]),
        score=row.get("score"),
        record=record_from_json(row["record"]) if row.get("record") else None,
        provenance=Provenance(
            source=str(provenance["source"]),
            url=provenance.get("url"),
            retrieved=provenance.get("retrieved"),
            sources=tuple(provenance.get("sources") or ()),
            note=provenance.get("note"),
        )
        if isinstance(provenance, dict)
        else None,
        findings=tuple(row.get("findings") or ()),
        reason=row.get("reason"),
        linked=tuple(linked_from_json(link) for link in row.get("linked") or ()),
    )


def record_to_json(record: Record) -> dict[str, Any]:
    return record.to_dict()


def record_from_json(data: Mapping[str, Any]) -> Record:
    """The inverse of :meth:`Record.to_dict`."""
    return Record(
        doi=str(data["doi"]),
        title=data.get("title"),
        subtitle=data.get("subtitle"),
        authors=tuple(
            Person(
                family=str(p.get("family") or ""),
                given=str(p.get("given") or ""),
                initials=str(p.get("initials") or ""),
                suffix=str(p.get("suffix") or ""),
                collective=bool(p.get("collective")),
            )
            for p in data.get("authors") or ()
        ),
        journal=data.get("journal"),
        journal_abbrev=data.get("journal_abbrev"),
        year=data.get("year"),
        volume=data.get("volume"),
        issue=data.get("issue"),
        pages=data.get("pages"),
        article_number=data.get("article_number"),
        type=data.get("type"),
        publisher=data.get("publisher"),
        issn=tuple(data.get("issn") or ()),
        updates=tuple(
            Update(
                type=str(u["type"]),
                doi=u.get("doi"),
                source=u.get("source"),
                label=u.get("label"),
                date=u.get("date"),
            )
            for u in data.get("updates") or ()
        ),
        updates_to=tuple(data.get("updates_to") or ()),
        pmid=data.get("pmid"),
        pmcid=data.get("pmcid"),
        publication_types=tuple(data.get("publication_types") or ()),
        abstract=data.get("abstract"),
        mesh=tuple(data.get("mesh") or ()),
    )


def linked_from_json(data: Mapping[str, Any]) -> Linked:
    """The inverse of :meth:`Linked.to_dict`."""
    return Linked(
        source=str(data["source"]),
        status=LinkStatus(data["status"]),
        record=record_from_json(data["record"]) if data.get("record") else None,
        via=data.get("via"),
        url=data.get("url"),
        retrieved=data.get("retrieved"),
        reason=data.get("reason"),
    )


def resolution_from_entry(entry: LockEntry) -> Resolution:
    """A resolution as the lock recorded it (findings are recomputed by the caller)."""
    return Resolution(
        verdict=entry.verdict,
        doi=entry.doi,
        record=entry.record,
        score=entry.score,
        reason=entry.reason,
        provenance=entry.provenance,
        linked=entry.linked,
    )


def lock_path(
    target: Document | Corpus | Iterable[Reference], option: str | Path | None = None
) -> Path | None:
    """Where the lockfile of these articles lives: ``option`` if given, else beside the articles.

    For a corpus read from a directory that is the directory; for files, the first
    file's directory (the bundled corpus carries its own lock that way).
    """
    if option:
        return Path(option)
    if isinstance(target, Corpus) and target.path:
        p = Path(target.path)
        return (p if p.is_dir() else p.parent) / LOCK_NAME
    if isinstance(target, Document) and target.path:
        return Path(target.path).parent / LOCK_NAME
    if isinstance(target, Corpus) and target.documents and target.documents[0].path:
        return Path(str(target.documents[0].path)).parent / LOCK_NAME
    return None


def lock_for(
    target: Document | Corpus | Iterable[Reference], lock: Lock | str | Path | None
) -> Lock | None:
    """The lock to use: the one given (or read from the path given), else the one beside the articles."""
    if isinstance(lock, Lock):
        return lock
    if lock is not None:
        return Lock.load(lock)
    path = lock_path(target)
    return Lock.load(path) if path is not None and path.is_file() else None
