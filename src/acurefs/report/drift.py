"""What changed since the last run: the headline of every validation report.

The previous state comes from a previous run's JSON report (``--baseline``) or,
without one, from the lockfile. Each reference is matched by its document and
printed text; then new and vanished findings (a retraction, a DOI that stopped
resolving), changed DOIs, verdicts and published metadata, and references added
or removed become :class:`Change` records.

An article's own findings (a dangling marker, an evidential claim without a source, a
claim its reference contradicts) are compared too, when the previous state is a report
(a lockfile records references only). A claim finding is matched by its article, code,
reference number and the claim's words, not its line, so text added above a claim does
not make its finding new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Finding, Person, Record, Reference, Severity, Verdict, _StrEnum
from ..resolve.lock import Lock, printed_hash, record_from_json
from ..text import without_group_prefix, words_folded
from .schema import ReportJSON

_RECORD_FIELDS = ("title", "journal", "year", "volume", "issue", "pages", "article_number", "type")
_QUIET_CODES = frozenset(("doi-missing",))
"""Codes whose disappearance is not news (the writer added the DOI)."""
_DOUBTFUL = frozenset((Verdict.UNRESOLVED, Verdict.AMBIGUOUS, Verdict.MISMATCH))
"""Verdicts a reference should not have moved to: the change is a warning."""


class ChangeKind(_StrEnum):
    """What kind of thing changed since the previous run."""

    NEW_FINDING = "new-finding"
    FINDING_GONE = "finding-gone"
    DOI_STOPPED_RESOLVING = "doi-stopped-resolving"
    DOI_CHANGED = "doi-changed"
    VERDICT_CHANGED = "verdict-changed"
    METADATA_CHANGED = "metadata-changed"
    REFERENCE_ADDED = "reference-added"
    REFERENCE_REMOVED = "reference-removed"


@dataclass(frozen=True, slots=True)
class ReferenceState:
    """What one run knew about one reference."""

    document: str | None
    number: int | None
    printed_sha256: str
    key: str
    doi: str | None
    verdict: Verdict
    codes: tuple[str, ...]
    record: Record | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One thing that is new since the previous run."""

    kind: ChangeKind
    severity: Severity
    message: str
    document: str | None = None
    number: int | None = None
    key: str | None = None
    code: str | None = None
    detail: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    line: int | None = None
    """Where an article's own finding is (a claim's line); None for a reference's change."""


@dataclass(frozen=True, slots=True)
class FindingState:
    """One of an article's own findings, as one run saw it (not a reference's)."""

    document: str | None
    code: str
    number: int | None
    anchor: str
    """What the finding is about, without its place: the claim's words, folded, for a
    claim finding; else the message (which names numbers, never lines)."""
    severity: Severity
    message: str
    line: int | None = None
    claim: str | None = None

    @property
    def identity(self) -> tuple[str | None, str, int | None, str]:
        return (self.document, self.code, self.number, self.anchor)


def finding_state(finding: Finding) -> FindingState:
    claim = finding.detail.get("claim")
    return FindingState(
        document=finding.document,
        code=finding.code,
        number=finding.number,
        anchor=_anchor(claim, finding.message),
        severity=finding.severity,
        message=finding.message,
        line=finding.line,
        claim=claim,
    )


def _anchor(claim: str | None, message: str) -> str:
    return words_folded(claim) if claim else message


def state_of(reference: Reference, key: str, findings: Sequence[Finding]) -> ReferenceState:
    res = reference.resolution
    return ReferenceState(
        document=reference.document,
        number=reference.number,
        printed_sha256=printed_hash(reference),
        key=key,
        doi=res.doi if res else None,
        verdict=res.verdict if res else Verdict.NOT_CHECKED,
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
            e.verdict,
            tuple(sorted(set(e.findings))),
            e.record,
        )
        for e in lock.entries
    ]


def states_from_report(data: ReportJSON) -> list[ReferenceState]:
    """The reference states a previous JSON report recorded."""
    out = []
    for doc in data.get("documents") or ():
        for ref in doc.get("references") or ():
            resolution = ref.get("resolution")
            codes = {f["code"] for f in ref.get("findings") or ()} | {
                f["code"] for f in ref.get("suppressed") or ()
            }
            record = resolution.get("record") if resolution else None
            verdict = resolution.get("verdict") if resolution else None
            out.append(
                ReferenceState(
                    document=doc.get("name"),
                    number=ref.get("number"),
                    printed_sha256=str(ref.get("printed_sha256") or ""),
                    key=str(ref.get("key") or ""),
                    doi=resolution.get("doi") if resolution else None,
                    verdict=Verdict(verdict) if verdict else Verdict.NOT_CHECKED,
                    codes=tuple(sorted(codes)),
                    record=record_from_json(record) if isinstance(record, dict) else None,
                )
            )
    return out


def finding_states_from_report(data: ReportJSON) -> list[FindingState]:
    """The articles' own findings a previous JSON report recorded, suppressed ones included."""
    out = []
    for doc in data.get("documents") or ():
        for f in [*(doc.get("findings") or ()), *(doc.get("suppressed") or ())]:
            claim = (f.get("detail") or {}).get("claim")
            out.append(
                FindingState(
                    document=f.get("document") or doc.get("name"),
                    code=str(f["code"]),
                    number=f.get("number"),
                    anchor=_anchor(claim, str(f.get("message") or "")),
                    severity=Severity(f["severity"]),
                    message=str(f.get("message") or ""),
                    line=f.get("line"),
                    claim=claim,
                )
            )
    return out


def finding_changes(
    previous: Iterable[FindingState], current: Iterable[FindingState]
) -> list[Change]:
    """Articles' own findings that appeared or went away, each counted (two dangling ``[5]``
    markers are two findings; a third one is new)."""
    before, now = list(previous), list(current)
    changes = [
        _finding_change(s, ChangeKind.NEW_FINDING, s.severity, s.message)
        for s in _beyond(now, before)
    ]
    for state in _beyond(before, now):
        what = f"{state.code}: {_quoted(state.claim)}" if state.claim else state.message
        message = f"No longer found: {what}"
        changes.append(_finding_change(state, ChangeKind.FINDING_GONE, Severity.INFO, message))
    return changes


def _beyond(these: list[FindingState], those: list[FindingState]) -> list[FindingState]:
    """The states of ``these`` that ``those`` does not account for, identity by identity."""
    left = Counter(s.identity for s in those)
    out = []
    for state in these:
        if left[state.identity] > 0:
            left[state.identity] -= 1
        else:
            out.append(state)
    return out


def _quoted(claim: str) -> str:
    words = " ".join(claim.split())
    return f'"{words[:77]}..."' if len(words) > 80 else f'"{words}"'


def _finding_change(
    state: FindingState, kind: ChangeKind, severity: Severity, message: str
) -> Change:
    detail = {"claim": state.claim} if state.claim else {}
    return Change(
        kind, severity, message, state.document, state.number, None, state.code, detail, state.line
    )


def changes_since(
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
        if Verdict.NOT_CHECKED in (state.verdict, old.verdict if old else None):
            continue  # a partial run knows nothing about it: no news either way
        if old is None:
            changes.append(
                _change(
                    state,
                    ChangeKind.REFERENCE_ADDED,
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
                    ChangeKind.REFERENCE_REMOVED,
                    Severity.INFO,
                    f"Reference removed or edited: {old.key or old.number}",
                )
            )
    return sort_changes(changes)


def sort_changes(changes: Iterable[Change]) -> list[Change]:
    """Errors first, then warnings and info; within each, by article, number and line."""
    return sorted(
        changes,
        key=lambda c: (-c.severity.rank, c.document or "", c.number or 0, c.line or 0, c.kind),
    )


def _compare_one(
    old: ReferenceState, new: ReferenceState, findings: Sequence[Finding]
) -> list[Change]:
    out = _finding_changes(old, new, findings)
    if old.doi and new.doi and old.doi != new.doi:
        message = f"Resolved to {new.doi}, no longer {old.doi}"
        detail = {"before": old.doi, "after": new.doi}
        out.append(_change(new, ChangeKind.DOI_CHANGED, Severity.WARNING, message, detail=detail))
    if old.verdict != new.verdict and new.verdict is not Verdict.NOT_CHECKED:
        severity = Severity.WARNING if new.verdict in _DOUBTFUL else Severity.INFO
        message = f"Verdict {old.verdict} -> {new.verdict}"
        detail = {"before": old.verdict.value, "after": new.verdict.value}
        out.append(_change(new, ChangeKind.VERDICT_CHANGED, severity, message, detail=detail))
    if old.record is not None and new.record is not None and old.doi == new.doi:
        differences = _record_differences(old.record, new.record)
        if differences:
            message = "Crossref's record changed: " + "; ".join(differences)
            out.append(_change(new, ChangeKind.METADATA_CHANGED, Severity.INFO, message))
    return out


def _finding_changes(
    old: ReferenceState, new: ReferenceState, findings: Sequence[Finding]
) -> list[Change]:
    """Findings that appeared (a DOI that stopped resolving is its own kind) or went away."""
    out = []
    by_code = {f.code: f for f in findings}
    for code in sorted(set(new.codes) - set(old.codes)):
        finding = by_code.get(code)
        if code == "doi-not-found" and old.doi:
            message = f"DOI {old.doi} no longer resolves"
            kind, severity = ChangeKind.DOI_STOPPED_RESOLVING, Severity.ERROR
        else:
            message = finding.message if finding else f"New finding: {code}"
            kind, severity = ChangeKind.NEW_FINDING, finding.severity if finding else Severity.INFO
        out.append(_change(new, kind, severity, message, code))
    for code in sorted(set(old.codes) - set(new.codes) - _QUIET_CODES):
        message = f"No longer found: {code}"
        out.append(_change(new, ChangeKind.FINDING_GONE, Severity.INFO, message, code))
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
    return without_group_prefix(person.family.strip().lower())


def _change(
    state: ReferenceState,
    kind: ChangeKind,
    severity: Severity,
    message: str,
    code: str | None = None,
    detail: dict[str, str] | None = None,
) -> Change:
    return Change(
        kind, severity, message, state.document, state.number, state.key or None, code, detail or {}
    )
