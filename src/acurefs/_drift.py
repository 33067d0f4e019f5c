"""What changed since the last run: the headline of every validation report.

The previous state comes from a previous run's JSON report (``--baseline``) or,
without one, from the lockfile. Each reference is matched by its document and
printed text; then new and vanished findings (a retraction, a DOI that stopped
resolving), changed DOIs, verdicts and published metadata, and references added
or removed become :class:`Change` records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._lock import Lock, printed_hash, record_from_json
from ._models import Finding, Person, Record, Reference, Severity

_RECORD_FIELDS = ("title", "journal", "year", "volume", "issue", "pages", "article_number", "type")
_QUIET_CODES = frozenset(("doi-missing",))
"""Codes whose disappearance is not news (the writer added the DOI)."""
_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


@dataclass(frozen=True, slots=True)
class ReferenceState:
    """What one run knew about one reference."""

    document: str | None
    number: int | None
    printed_sha256: str
    key: str
    doi: str | None
    verdict: str
    codes: tuple[str, ...]
    record: Record | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One thing that is new since the previous run."""

    kind: str
    """``new-finding``, ``finding-gone``, ``doi-stopped-resolving``, ``doi-changed``,
    ``verdict-changed``, ``metadata-changed``, ``reference-added`` or ``reference-removed``."""
    severity: Severity
    message: str
    document: str | None = None
    number: int | None = None
    key: str | None = None
    code: str | None = None
    detail: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def state_of(reference: Reference, key: str, findings: Sequence[Finding]) -> ReferenceState:
    res = reference.resolution
    return ReferenceState(
        document=reference.document,
        number=reference.number,
        printed_sha256=printed_hash(reference),
        key=key,
        doi=res.doi if res else None,
        verdict=res.verdict.value if res else "not-checked",
        codes=tuple(sorted({f.code for f in findings})),
        record=res.record if res else None,
    )


def states_from_lock(lock: Lock) -> list[ReferenceState]:
    return [
        ReferenceState(
            e.document,
            e.number,
            e.printed_sha256,
            e.key,
            e.doi,
            e.verdict.value,
            tuple(sorted(set(e.findings))),
            e.record,
        )
        for e in lock.entries
    ]


def states_from_report(data: Mapping[str, Any]) -> list[ReferenceState]:
    """The reference states a previous JSON report recorded."""
    out = []
    for doc in data.get("documents") or ():
        for ref in doc.get("references") or ():
            resolution = ref.get("resolution") or {}
            codes = {f["code"] for f in ref.get("findings") or ()} | {
                f["code"] for f in ref.get("suppressed") or ()
            }
            record = resolution.get("record")
            out.append(
                ReferenceState(
                    document=doc.get("name"),
                    number=ref.get("number"),
                    printed_sha256=str(ref.get("printed_sha256") or ""),
                    key=str(ref.get("key") or ""),
                    doi=resolution.get("doi"),
                    verdict=str(resolution.get("verdict") or "not-checked"),
                    codes=tuple(sorted(codes)),
                    record=record_from_json(record) if isinstance(record, dict) else None,
                )
            )
    return out


def compare(
    previous: Iterable[ReferenceState],
    current: Iterable[ReferenceState],
    findings: Mapping[tuple[str | None, str], Sequence[Finding]],
) -> list[Change]:
    """The changes from ``previous`` to ``current``; ``findings`` by (document, printed hash)."""
    before = {(s.document, s.printed_sha256): s for s in previous}
    now = {(s.document, s.printed_sha256): s for s in current}
    changes: list[Change] = []
    for identity, state in now.items():
        old = before.get(identity)
        if state.verdict == "not-checked" or (old is not None and old.verdict == "not-checked"):
            continue  # a partial run knows nothing about it: no news either way
        if old is None:
            changes.append(
                _change(
                    state,
                    "reference-added",
                    Severity.INFO,
                    f"New reference: {state.key or state.number}",
                )
            )
            continue
        changes.extend(_compare_one(old, state, findings.get(identity, ())))
    for identity, old in before.items():
        if identity not in now:
            changes.append(
                _change(
                    old,
                    "reference-removed",
                    Severity.INFO,
                    f"Reference removed or edited: {old.key or old.number}",
                )
            )
    changes.sort(key=lambda c: (-c.severity.rank, c.document or "", c.number or 0, c.kind))
    return changes


def _compare_one(
    old: ReferenceState, new: ReferenceState, findings: Sequence[Finding]
) -> list[Change]:
    out = []
    by_code = {f.code: f for f in findings}
    for code in sorted(set(new.codes) - set(old.codes)):
        finding = by_code.get(code)
        severity = finding.severity if finding else Severity.INFO
        if code == "doi-not-found" and old.doi:
            out.append(
                _change(
                    new,
                    "doi-stopped-resolving",
                    Severity.ERROR,
                    f"DOI {old.doi} no longer resolves",
                    code,
                )
            )
            continue
        message = finding.message if finding else f"New finding: {code}"
        out.append(_change(new, "new-finding", severity, message, code))
    for code in sorted(set(old.codes) - set(new.codes) - _QUIET_CODES):
        out.append(_change(new, "finding-gone", Severity.INFO, f"No longer found: {code}", code))
    if old.doi and new.doi and old.doi != new.doi:
        out.append(
            _change(
                new,
                "doi-changed",
                Severity.WARNING,
                f"Resolved to {new.doi}, no longer {old.doi}",
                detail={"before": old.doi, "after": new.doi},
            )
        )
    if old.verdict != new.verdict and new.verdict != "not-checked":
        severity = (
            Severity.WARNING
            if new.verdict in ("unresolved", "ambiguous", "mismatch")
            else Severity.INFO
        )
        out.append(
            _change(
                new,
                "verdict-changed",
                severity,
                f"Verdict {old.verdict} -> {new.verdict}",
                detail={"before": old.verdict, "after": new.verdict},
            )
        )
    if old.record is not None and new.record is not None and old.doi == new.doi:
        differences = _record_differences(old.record, new.record)
        if differences:
            out.append(
                _change(
                    new,
                    "metadata-changed",
                    Severity.INFO,
                    "Crossref's record changed: " + "; ".join(differences),
                )
            )
    return out


def _record_differences(old: Record, new: Record) -> list[str]:
    out = []
    for name in _RECORD_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a and b and str(a) != str(b):
            out.append(f"{name} {a!r} -> {b!r}")
    old_authors = [_author_key(p) for p in old.authors]
    new_authors = [_author_key(p) for p in new.authors]
    if old_authors and new_authors and old_authors != new_authors:
        out.append("authors changed")
    return out


def _author_key(person: Person) -> str:
    """A surname for comparison; a group's name without "for the" / "on behalf of"."""
    name = person.family.strip().lower()
    return re.sub(r"^(?:for|on behalf of)\s+(?:the\s+)?", "", name)


def _change(
    state: ReferenceState,
    kind: str,
    severity: Severity,
    message: str,
    code: str | None = None,
    detail: dict[str, str] | None = None,
) -> Change:
    return Change(
        kind, severity, message, state.document, state.number, state.key or None, code, detail or {}
    )


def severity_named(name: str) -> Severity:
    return _SEVERITY.get(name, Severity.INFO)
