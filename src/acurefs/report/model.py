"""The validation report: one model, one versioned JSON form, every output format rendered from it.

:func:`report_json` is the canonical form (typed in :mod:`.schema`, described by
``docs/report-schema.json``; ``report_version`` changes when a field changes
meaning). The text, JUnit, SARIF, Markdown and HTML renderers (:mod:`.formats`)
read that JSON, so a report can also be re-rendered from a saved JSON file, and a
previous run's JSON is the ``--baseline`` of the next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from .._version import __version__
from ..export.citations import CitationKeys, citation_keys
from ..models import (
    Claim,
    Corpus,
    Document,
    Finding,
    Reference,
    Severity,
    Suggestion,
    Support,
    Verdict,
    at_or_above,
    severity_counts,
    severity_phrase,
)
from ..resolve.lock import printed_hash
from ..text import plural
from .drift import Change
from .formats import render_report
from .schema import (
    ChangeJSON,
    ClaimJSON,
    ComparedWithJSON,
    DocumentJSON,
    FindingJSON,
    ParsedJSON,
    ProvenanceJSON,
    RecordJSON,
    ReferenceJSON,
    ReportJSON,
    ResolutionJSON,
    RunJSON,
    SourceJSON,
    SuggestionJSON,
    SummaryJSON,
    SuppressedFindingJSON,
)
from .suppressions import Suppressed

REPORT_VERSION = 1
EXIT_UNCHECKED = 3
"""The run could not do its job: its source failed during it, or no reference could be checked."""
EXIT_INTERRUPTED = 130
"""Ctrl-C (SIGINT) stopped the run: the report is partial."""


@dataclass(frozen=True, slots=True)
class RunInfo:
    """How the run went: when, against what, at what cost, compared with what."""

    started: str
    finished: str
    partial: bool = False
    """Interrupted, or the source failed during the run: some references may be not-checked."""
    offline: bool = False
    source: Mapping[str, str] = field(default_factory=dict)
    requests: Mapping[str, int] = field(default_factory=dict)
    cache_hits: int = 0
    fail_on: str = "error"
    compared_with: ComparedWithJSON | None = None
    config: str | None = None
    lock: str | None = None
    root: str | None = None
    """The working directory of the run: article paths in SARIF are relative to it."""
    reason: str | None = None
    """Why the run is partial or checked nothing (one line), else None; the ``not-checked``
    findings carry the source's error for each reference."""


@dataclass(frozen=True, slots=True)
class Report:
    """A validation run's result: the resolved corpus, its findings, and what is new."""

    corpus: Corpus
    findings: tuple[Finding, ...]
    """Active findings (not suppressed), document and reference ones alike."""
    suppressed: tuple[Suppressed, ...]
    changes: tuple[Change, ...]
    run: RunInfo
    notes: tuple[Finding, ...] = ()
    """Findings about the configuration itself (an expired or unused suppression)."""
    exit_code: int = 0

    @property
    def new(self) -> tuple[Change, ...]:
        """The headline: changes since the previous run (errors first, then warnings, info)."""
        return self.changes

    def to_dict(self) -> ReportJSON:
        """The versioned JSON form (``docs/report-schema.json``)."""
        return report_json(self)

    def render(self, format: str) -> str:
        """The report as text, json, junit, sarif, markdown or html."""
        return render_report(self.to_dict(), format)


def exit_code_for(findings: Sequence[Finding], fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on`` (``never`` never fails), else 0.

    This is the content's verdict; the job answers :data:`EXIT_UNCHECKED` or
    :data:`EXIT_INTERRUPTED` instead when the run could not do its job.
    """
    return 1 if at_or_above(findings, fail_on) else 0


def headline(changes: Sequence[Change], compared_with: ComparedWithJSON | None) -> str:
    """One line people read first: what is new since the last run."""
    if compared_with is None:
        return "First run: no previous report or lockfile to compare with."
    if not changes:
        return f"Nothing new since the last run ({_described(compared_with)})."
    counts = severity_phrase(severity_counts(c.severity for c in changes))
    kinds = sorted({c.kind for c in changes if c.severity is not Severity.INFO}) or sorted(
        {c.kind for c in changes}
    )
    return (
        f"New since the last run ({_described(compared_with)}): "
        f"{plural(len(changes), 'change')} ({counts}): {', '.join(kinds)}."
    )


def _described(compared_with: ComparedWithJSON) -> str:
    when = compared_with.get("when")
    what = "the baseline report" if compared_with.get("kind") == "baseline" else "the lockfile"
    return f"{what}{', ' + str(when) if when else ''}"


def finding_json(finding: Finding) -> FindingJSON:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "document": finding.document,
        "line": finding.line,
        "span": {"start": finding.span.start, "end": finding.span.end} if finding.span else None,
        "number": finding.number,
        "field": finding.field,
        "printed": finding.printed,
        "found": finding.found,
        "detail": dict(finding.detail),
    }


def change_json(change: Change) -> ChangeJSON:
    return {
        "kind": change.kind.value,
        "severity": change.severity.value,
        "message": change.message,
        "document": change.document,
        "number": change.number,
        "line": change.line,
        "key": change.key,
        "code": change.code,
        "detail": dict(change.detail),
    }


def report_json(report: Report) -> ReportJSON:
    """The report in its versioned JSON form (``docs/report-schema.json``)."""
    keys = citation_keys(report.corpus.references)
    active = frozenset(report.findings)
    documents = [_document_json(doc, keys, active, report.suppressed) for doc in report.corpus]
    return {
        "report_version": REPORT_VERSION,
        "generator": {"name": "acurefs", "version": __version__},
        "run": _run_json(report),
        "headline": {
            "text": headline(report.changes, report.run.compared_with),
            "new": [change_json(c) for c in report.changes],
        },
        "summary": _summary_json(report),
        "documents": documents,
        "notes": [finding_json(f) for f in report.notes],
    }


def _run_json(report: Report) -> RunJSON:
    run = report.run
    source: SourceJSON = {}
    for name in ("name", "url", "pool"):
        if name in run.source:
            source[name] = run.source[name]
    return {
        "started": run.started,
        "finished": run.finished,
        "partial": run.partial,
        "offline": run.offline,
        "source": source,
        "requests": {**dict(run.requests), "total": sum(run.requests.values())},
        "cache_hits": run.cache_hits,
        "fail_on": run.fail_on,
        "exit_code": report.exit_code,
        "compared_with": run.compared_with,
        "config": run.config,
        "lock": run.lock,
        "root": run.root,
        "reason": run.reason,
    }


def _summary_json(report: Report) -> SummaryJSON:
    verdicts: dict[str, int] = {}
    for ref in report.corpus.references:
        verdict = ref.resolution.verdict if ref.resolution else Verdict.NOT_CHECKED
        verdicts[verdict.value] = verdicts.get(verdict.value, 0) + 1
    everything = [*report.findings, *report.notes]
    counts = severity_counts(f.severity for f in everything)
    return {
        "documents": len(report.corpus.documents),
        "references": len(report.corpus.references),
        "claims": len(report.corpus.claims),
        "cited_claims": sum(1 for c in report.corpus.claims if c.cited),
        "evidential_claims": sum(1 for c in report.corpus.claims if c.evidential),
        "supports": _supports(report.corpus.claims),
        "verdicts": verdicts,
        "findings": {
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
        },
        "suppressed": len(report.suppressed),
    }


def _supports(claims: Sequence[Claim]) -> dict[str, int]:
    """Claims by standing, in the order of :class:`Support`; standings no claim has left out."""
    counts = {s.value: 0 for s in Support}
    for claim in claims:
        if claim.support is not None:
            counts[claim.support.value] += 1
    return {k: v for k, v in counts.items() if v}


def _document_json(
    doc: Document,
    keys: CitationKeys,
    active: frozenset[Finding],
    suppressed: Sequence[Suppressed],
) -> DocumentJSON:
    silenced = {s.finding: s for s in suppressed}
    citing = _citing_lines(doc)
    references = []
    for ref in doc.references:
        own = ref.resolution.findings if ref.resolution else ()
        references.append(
            _reference_json(
                ref,
                keys.get(ref.identity, ""),
                [f for f in own if f in active],
                [silenced[f] for f in own if f in silenced],
                citing.get((ref.group, ref.number), []) if ref.number is not None else [],
            )
        )
    return {
        "name": doc.name,
        "path": doc.path,
        "format": doc.format,
        "references": references,
        "claims": [_claim_json(c) for c in reported_claims(doc)],
        "findings": [finding_json(f) for f in doc.findings if f in active],
        "suppressed": [_suppressed_json(silenced[f]) for f in doc.findings if f in silenced],
    }


def _citing_lines(doc: Document) -> dict[tuple[int, int], list[int]]:
    """The lines of the claims citing each (list, number), each line once, in one pass (an
    article with a list per section has a number 1 in each)."""
    lines: dict[tuple[int, int], dict[int, None]] = {}
    for claim in doc.claims:
        for number in claim.numbers:
            lines.setdefault((claim.group, number), {})[claim.line] = None
    return {key: list(found) for key, found in lines.items()}


def _claim_json(claim: Claim) -> ClaimJSON:
    return {
        "line": claim.line,
        "text": claim.text,
        "numbers": list(claim.numbers),
        "span": {"start": claim.span.start, "end": claim.span.end},
        "statement": claim.statement,
        "evidential": claim.evidential,
        "cues": list(claim.cues),
        "support": claim.support.value if claim.support else None,
        "suggestions": [_suggestion_json(s) for s in claim.suggestions],
        "group": claim.group,
    }


def _suggestion_json(suggestion: Suggestion) -> SuggestionJSON:
    record = suggestion.record
    return {
        "doi": suggestion.doi,
        "score": suggestion.score,
        "reasons": list(suggestion.reasons),
        "title": record.full_title,
        "authors": [str(p) for p in record.authors[:3]],
        "journal": record.journal,
        "year": record.year,
    }


def reported_claims(doc: Document) -> tuple[Claim, ...]:
    """The claims a report lists: those citing something, the evidential ones and those
    with a possible source (not the advice, headings and asides)."""
    return tuple(c for c in doc.claims if c.cited or c.evidential or c.suggestions)


def _reference_json(
    ref: Reference,
    key: str,
    active: Sequence[Finding],
    silenced: Sequence[Suppressed],
    cited_by: list[int],
) -> ReferenceJSON:
    return {
        "number": ref.number,
        "key": key,
        "line": ref.line,
        "raw": ref.raw,
        "printed_sha256": printed_hash(ref),
        "kind": ref.kind.value,
        "parsed": _parsed_json(ref),
        "resolution": _resolution_json(ref),
        "findings": [finding_json(f) for f in active],
        "suppressed": [_suppressed_json(s) for s in silenced],
        "cited_by": cited_by,
        "group": ref.group,
    }


def _parsed_json(ref: Reference) -> ParsedJSON:
    return {
        "authors": [p.vancouver() for p in ref.authors],
        "authors_truncated": ref.authors_truncated,
        "title": ref.title,
        "journal": ref.journal,
        "year": ref.year,
        "volume": ref.volume,
        "issue": ref.issue,
        "pages": ref.pages or ref.article_number,
        "doi": ref.doi,
        "pmid": ref.pmid,
        "pmcid": ref.pmcid,
        "url": ref.url,
    }


def _resolution_json(ref: Reference) -> ResolutionJSON | None:
    res = ref.resolution
    if res is None:
        return None
    provenance = cast(ProvenanceJSON, res.provenance.to_dict()) if res.provenance else None
    record = cast(RecordJSON, res.record.to_dict()) if res.record else None
    return {
        "verdict": res.verdict.value,
        "doi": res.doi,
        "score": res.score,
        "reason": res.reason,
        "provenance": provenance,
        "record": record,
    }


def _suppressed_json(item: Suppressed) -> SuppressedFindingJSON:
    rule = item.suppression
    return {
        **finding_json(item.finding),
        "suppression": {
            "reason": rule.reason,
            "expires": rule.expires.isoformat() if rule.expires else None,
            "source": rule.source,
        },
    }
