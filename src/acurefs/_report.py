"""The validation report: one model, one versioned JSON form, every output format rendered from it.

:func:`report_json` is the canonical form (``docs/report-schema.json`` describes it;
``report_version`` changes when a field changes meaning). The text, JUnit, SARIF,
Markdown and HTML renderers read that JSON, so a report can also be re-rendered
from a saved JSON file, and a previous run's JSON is the ``--baseline`` of the next.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._citation import citation_keys
from ._config import Suppressed
from ._drift import Change
from ._exceptions import UnsupportedFormatError
from ._lock import printed_hash
from ._models import Corpus, Finding, Reference, Severity
from ._version import __version__

REPORT_VERSION = 1
FORMATS = ("text", "json", "junit", "sarif", "markdown", "html")
SUFFIXES = {
    ".txt": "text",
    ".json": "json",
    ".xml": "junit",
    ".sarif": "sarif",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


@dataclass(frozen=True, slots=True)
class RunInfo:
    """How the run went: when, against what, at what cost, compared with what."""

    started: str
    finished: str
    partial: bool = False
    offline: bool = False
    source: Mapping[str, Any] = field(default_factory=dict)
    requests: Mapping[str, int] = field(default_factory=dict)
    cache_hits: int = 0
    fail_on: str = "error"
    compared_with: Mapping[str, Any] | None = None
    config: str | None = None
    lock: str | None = None
    root: str | None = None
    """The working directory of the run: article paths in SARIF are relative to it."""


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

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON form (``docs/report-schema.json``)."""
        return report_json(self)

    def render(self, format: str) -> str:
        """The report as text, json, junit, sarif, markdown or html."""
        return render_report(self.to_dict(), format)


def severity_counts(findings: Sequence[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity.value] += 1
    return counts


def exit_code_for(findings: Sequence[Finding], fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on`` (``never`` never fails), else 0."""
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0


def headline(changes: Sequence[Change], compared_with: Mapping[str, Any] | None) -> str:
    """One line people read first: what is new since the last run."""
    if compared_with is None:
        return "First run: no previous report or lockfile to compare with."
    if not changes:
        return f"Nothing new since the last run ({_described(compared_with)})."
    counts = {
        s: sum(1 for c in changes if c.severity is s)
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    }
    parts = [
        f"{n} {s.value}{'s' if n != 1 and s is not Severity.INFO else ''}"
        for s, n in counts.items()
        if n
    ]
    kinds = sorted({c.kind for c in changes if c.severity is not Severity.INFO}) or sorted(
        {c.kind for c in changes}
    )
    return (
        f"New since the last run ({_described(compared_with)}): {len(changes)} change"
        f"{'s' * (len(changes) != 1)} ({', '.join(parts)}): {', '.join(kinds)}."
    )


def _described(compared_with: Mapping[str, Any]) -> str:
    kind = compared_with.get("kind")
    when = compared_with.get("when")
    what = "the baseline report" if kind == "baseline" else "the lockfile"
    return f"{what}{', ' + str(when) if when else ''}"


def finding_json(finding: Finding) -> dict[str, Any]:
    data = finding.to_dict()
    data["span"] = finding.span.to_dict() if finding.span else None
    return data


def change_json(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "severity": change.severity.value,
        "message": change.message,
        "document": change.document,
        "number": change.number,
        "key": change.key,
        "code": change.code,
        "detail": dict(change.detail),
    }


def _reference_json(
    ref: Reference,
    key: str,
    active: Sequence[Finding],
    silenced: Sequence[Suppressed],
    cited_by: list[int],
) -> dict[str, Any]:
    res = ref.resolution
    return {
        "number": ref.number,
        "key": key,
        "line": ref.line,
        "raw": ref.raw,
        "printed_sha256": printed_hash(ref),
        "kind": ref.kind.value,
        "parsed": {
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
        },
        "resolution": {
            "verdict": res.verdict.value,
            "doi": res.doi,
            "score": res.score,
            "reason": res.reason,
            "provenance": res.provenance.to_dict() if res.provenance else None,
            "record": res.record.to_dict() if res.record else None,
        }
        if res
        else None,
        "findings": [finding_json(f) for f in active],
        "suppressed": [_suppressed_json(s) for s in silenced],
        "cited_by": cited_by,
    }


def _suppressed_json(item: Suppressed) -> dict[str, Any]:
    data = finding_json(item.finding)
    rule = item.suppression
    data["suppression"] = {
        "reason": rule.reason,
        "expires": rule.expires.isoformat() if rule.expires else None,
        "source": rule.source,
    }
    return data


def report_json(report: Report) -> dict[str, Any]:
    """The report in its versioned JSON form (``docs/report-schema.json``)."""
    keys = citation_keys(report.corpus.references)
    active_ids = {id(f) for f in report.findings}
    documents = []
    verdicts: dict[str, int] = {}
    for doc in report.corpus.documents:
        references = []
        for ref in doc.references:
            own = ref.resolution.findings if ref.resolution else ()
            active = [f for f in own if id(f) in active_ids]
            silenced = [s for s in report.suppressed if any(s.finding is f for f in own)]
            cited_by = list(
                dict.fromkeys(
                    c.line for c in doc.claims if ref.number is not None and ref.number in c.numbers
                )
            )
            references.append(
                _reference_json(ref, keys.get(id(ref), ""), active, silenced, cited_by)
            )
            verdict = ref.resolution.verdict.value if ref.resolution else "not-checked"
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
        documents.append(
            {
                "name": doc.name,
                "path": doc.path,
                "format": doc.format,
                "references": references,
                "claims": [
                    {
                        "line": c.line,
                        "text": c.text,
                        "numbers": list(c.numbers),
                        "span": c.span.to_dict(),
                    }
                    for c in doc.cited_claims
                ],
                "findings": [finding_json(f) for f in doc.findings if id(f) in active_ids],
                "suppressed": [
                    _suppressed_json(s)
                    for s in report.suppressed
                    if any(s.finding is f for f in doc.findings)
                ],
            }
        )
    run = report.run
    total = sum(run.requests.values())
    everything = list(report.findings) + list(report.notes)
    return {
        "report_version": REPORT_VERSION,
        "generator": {"name": "acurefs", "version": __version__},
        "run": {
            "started": run.started,
            "finished": run.finished,
            "partial": run.partial,
            "offline": run.offline,
            "source": dict(run.source),
            "requests": {**dict(run.requests), "total": total},
            "cache_hits": run.cache_hits,
            "fail_on": run.fail_on,
            "exit_code": report.exit_code,
            "compared_with": dict(run.compared_with) if run.compared_with else None,
            "config": run.config,
            "lock": run.lock,
            "root": run.root,
        },
        "headline": {
            "text": headline(report.changes, run.compared_with),
            "new": [change_json(c) for c in report.changes],
        },
        "summary": {
            "documents": len(report.corpus.documents),
            "references": len(report.corpus.references),
            "claims": len(report.corpus.claims),
            "cited_claims": sum(1 for c in report.corpus.claims if c.cited),
            "verdicts": verdicts,
            "findings": severity_counts(everything),
            "suppressed": len(report.suppressed),
        },
        "documents": documents,
        "notes": [finding_json(f) for f in report.notes],
    }


_RENDERERS = {
    "text": "_report_text",
    "junit": "_report_junit",
    "sarif": "_report_sarif",
    "markdown": "_report_markdown",
    "html": "_report_html",
}


def render_report(data: Mapping[str, Any], fmt: str) -> str:
    """The JSON report rendered in one of :data:`FORMATS` (each format is its own module)."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt not in _RENDERERS:
        raise UnsupportedFormatError(
            f"Unknown report format {fmt!r}: use one of {', '.join(FORMATS)}"
        )
    module = importlib.import_module(f"acurefs.{_RENDERERS[fmt]}")
    return str(module.render(data))
