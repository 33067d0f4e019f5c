"""The validation report as plain text, for people reading a terminal or a cron mail."""

from __future__ import annotations

from ...models import severity_phrase
from ...text import plural
from ..schema import ReportJSON
from .common import counts_of, rank, verdict_of


def render(report: ReportJSON, *, verbose: bool = False) -> str:
    """Headline first, then each article's references with their verdicts and findings."""
    run = report["run"]
    summary = report["summary"]
    lines = [report["headline"]["text"]]
    for change in report["headline"]["new"]:
        where = (
            f"{change.get('document') or ''}#{change['number']}"
            if change.get("number") is not None
            else ""
        )
        lines.append(
            f"  {change['severity']:<7} {change['kind']:<22} {where:<40} {change['message']}"
        )
    if run.get("partial"):
        lines.append("PARTIAL: the run was interrupted; unanswered references are not-checked.")
    lines.append("")
    for doc in report["documents"]:
        problems = [*doc["findings"], *(f for r in doc["references"] for f in r["findings"])]
        shown = problems if verbose else [f for f in problems if f["severity"] != "info"]
        if not doc["references"] and not shown:
            continue
        lines.append(doc["name"])
        for ref in doc["references"]:
            res = ref.get("resolution")
            number = f"[{ref['number']}]" if ref.get("number") is not None else "[-]"
            doi = (res.get("doi") if res else None) or "-"
            lines.append(f"  {number:<5} {verdict_of(ref):<13} {doi:<34} {ref['key']}")
        for finding in sorted(shown, key=lambda f: (-rank(f["severity"]), f.get("line") or 0)):
            line = f"L{finding['line']}" if finding.get("line") is not None else ""
            lines.append(
                f"    {line:<5} {finding['severity']:<7} {finding['code']:<22} {finding['message']}"
            )
        lines.append("")
    for note in report.get("notes") or ():
        lines.append(f"config: {note['severity']}: [{note['code']}] {note['message']}")
    counts = summary["findings"]
    verdicts = ", ".join(
        f"{n} {v}" for v, n in sorted(summary["verdicts"].items(), key=lambda kv: -kv[1])
    )
    lines.append(
        f"{summary['documents']} articles, {summary['references']} references ({verdicts or 'none'}); "
        + severity_phrase(counts_of(counts), zeros=True)
        + (f", {summary['suppressed']} suppressed" if summary["suppressed"] else "")
    )
    requests = run["requests"]
    lines.append(
        f"Crossref: {plural(requests.get('total', 0), 'request')} ({requests.get('list', 0)} list, "
        f"{requests.get('single', 0)} single), {run['cache_hits']} answers from the cache; "
        f"exit {run['exit_code']} (fail on {run['fail_on']})"
    )
    return "\n".join(lines).rstrip() + "\n"
