"""The validation report as plain text, for people reading a terminal or a cron mail.

A run that did not check everything says so right under the headline line: partial
(and why, when its source failed), offline, or not one reference checked.
"""

from __future__ import annotations

from ...models import Verdict, severity_phrase
from ...resolve.resolver import NOT_CHECKED
from ...text import plural
from ..schema import ReportJSON
from .common import change_place, counts_of, local_index, rank, verdict_of


def render(report: ReportJSON, *, verbose: bool = False) -> str:
    """Headline first, then each article's references with their verdicts and findings."""
    run = report["run"]
    summary = report["summary"]
    lines = [report["headline"]["text"], *status_lines(report)]
    for change in report["headline"]["new"]:
        where = change_place(change)
        lines.append(
            f"  {change['severity']:<7} {change['kind']:<22} {where:<40} {change['message']}"
        )
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
        f"{plural(summary['documents'], 'article')}, {plural(summary['references'], 'reference')} "
        f"({verdicts or 'none'}); "
        + severity_phrase(counts_of(counts), zeros=True)
        + (f", {summary['suppressed']} suppressed" if summary["suppressed"] else "")
    )
    requests = run["requests"]
    exit_part = f"exit {run['exit_code']} (fail on {run['fail_on']})"
    if local_index(run):
        lines.append(f"Local index {run['source'].get('url', '')}: no network; {exit_part}")
    else:
        lines.append(
            f"Crossref: {plural(requests.get('total', 0), 'request')} "
            f"({requests.get('list', 0)} list, {requests.get('single', 0)} single), "
            f"{run['cache_hits']} answers from the cache; {exit_part}"
        )
    return "\n".join(lines).rstrip() + "\n"


def status_lines(report: ReportJSON) -> list[str]:
    """What the run could not do, one line each: partial, offline, nothing checked."""
    run, summary = report["run"], report["summary"]
    total = summary["references"]
    unchecked = summary["verdicts"].get(Verdict.NOT_CHECKED.value, 0)
    lines = []
    lost = _source_error(report)
    if run.get("partial") and lost:
        lines.append(
            f"PARTIAL: the source failed during the run ({lost}); "
            f"{plural(unchecked, 'reference')} not-checked."
        )
    elif run.get("partial"):
        lines.append(
            "PARTIAL: the run was cut short (interrupted, or its source failed); "
            "unanswered references are not-checked."
        )
    if run.get("offline") and not local_index(run):
        lines.append(
            "OFFLINE: nothing was asked of Crossref; answers came from the cache and the lock "
            f"({unchecked} of {plural(total, 'reference')} not-checked)."
        )
    if total and unchecked == total:
        lines.append("NOTHING CHECKED: not one reference could be checked.")
    return lines


def _source_error(report: ReportJSON) -> str | None:
    """The source's error, from a reference it left not-checked (its resolution's reason)."""
    for doc in report["documents"]:
        for ref in doc["references"]:
            findings = [*ref["findings"], *ref["suppressed"]]
            res = ref.get("resolution")
            if res and any(f["code"] == NOT_CHECKED for f in findings):
                return res.get("reason") or None
    return None
