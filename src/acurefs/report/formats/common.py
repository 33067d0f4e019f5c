"""What the report renderers share: reading the JSON report's findings, verdicts and counts."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import Severity, Verdict
from ..schema import (
    ChangeJSON,
    DocumentJSON,
    FindingJSON,
    ReferenceJSON,
    RunJSON,
    SeverityCountsJSON,
)

VERDICTS = tuple(v.value for v in Verdict)
"""Every verdict, in the order summaries list them."""
SEVERITIES = tuple(s.value for s in Severity.worst_first())
"""Every severity, worst first."""


def rank(severity: str) -> int:
    """A severity's rank (2 error, 1 warning, 0 info): sort by ``-rank(...)`` for the worst first."""
    return Severity(severity).rank


def verdict_of(ref: ReferenceJSON) -> str:
    """A reference's verdict; ``not-checked`` when the run has none for it."""
    res = ref.get("resolution")
    return (res.get("verdict") if res else None) or Verdict.NOT_CHECKED.value


def active_findings(doc: DocumentJSON) -> list[FindingJSON]:
    """An article's active findings: its own, then its references'."""
    return [*doc["findings"], *(f for r in doc["references"] for f in r["findings"])]


def counts_of(counts: SeverityCountsJSON) -> dict[str, int]:
    """The summary's severity counts as a plain mapping, worst first."""
    return {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]}


def tally(values: Iterable[str]) -> dict[str, int]:
    """How often each value occurs, the most frequent first."""
    out: dict[str, int] = {}
    for value in values:
        out[value] = out.get(value, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def change_place(change: ChangeJSON) -> str:
    """Where a change is: ``article.txt#3`` for a reference, ``article.txt:L12`` for an
    article's own finding (a claim's), else nothing."""
    document = change.get("document") or ""
    if change.get("number") is not None:
        return f"{document}#{change['number']}"
    if change.get("line") is not None:
        return f"{document}:L{change['line']}"
    return ""


def local_index(run: RunJSON) -> bool:
    """Whether the run answered from a local index (no network, nothing "offline" about it)."""
    return run.get("source", {}).get("name") == "local-index"
