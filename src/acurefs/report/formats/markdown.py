"""The validation report as GitHub-flavoured Markdown, for a pull-request comment.

What is new since the last run comes first (the headline in bold, then the list of
changes), then a one-row summary table, then each article: its structural findings and
a table of its references (number, key, verdict, DOI linked to doi.org, findings) folded
in ``<details>`` (unfolded when it holds an error). Every piece of report text is
escaped, so a ``|`` or a ``*`` in a printed title cannot break a table or start
emphasis. GitHub refuses comments over 65,536 characters: the articles that do not fit
under :data:`MAX_CHARS` are left out, with a note saying how many.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from ...models import Severity, severity_counts, severity_phrase
from ...text import plural
from ..schema import (
    ChangeJSON,
    DocumentJSON,
    FindingJSON,
    ReferenceJSON,
    ReportJSON,
    SuppressedFindingJSON,
)
from .common import VERDICTS, active_findings, local_index, tally, verdict_of

MAX_CHARS = 65_000
"""Below GitHub's limit for a comment (65,536), with room for a bot's own header."""
NEW_SHOWN = 10
"""Changes listed openly; the rest of the list is folded."""
NEW_MAX = 100
"""Changes listed at all (the JSON report has every one)."""
FINDINGS_SHOWN = 5
"""Structural findings listed openly before the rest are folded."""
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
"""Characters Markdown, GitHub's tables, HTML or math could read as syntax: backslash-escaped.
(With ``[`` and ``]`` escaped no link can form, so parentheses may stay as they are.)"""
_NOTE_ROOM = 400
"""Characters kept free for the truncation note."""


def render(report: ReportJSON, *, max_chars: int = MAX_CHARS) -> str:
    """The report as a Markdown comment of at most ``max_chars`` characters."""
    head = _head(report)
    tail = _tail(report)
    fresh = _fresh(report)
    documents = report["documents"]
    shown = [d for d in documents if d["references"] or active_findings(d) or d.get("suppressed")]
    quiet = [d["name"] for d in documents if d not in shown]
    if quiet:
        tail.insert(0, f"No references and no findings: {', '.join(_escape(n) for n in quiet)}.")
        tail.insert(1, "")
    budget = max_chars - _size(head) - _size(tail) - _NOTE_ROOM
    body: list[str] = []
    left_out = 0
    for i, doc in enumerate(shown):
        section = _section(doc, fresh)
        lines = section.lines()
        if _size(lines) <= budget:
            body += lines
            budget -= _size(lines)
            continue
        partial = section.fitted(budget)
        if partial:
            body += partial
            left_out = len(shown) - i - 1
        else:
            left_out = len(shown) - i
        note = (
            f"_Truncated to stay under GitHub's comment limit: {left_out} of {len(shown)} "
            "articles not shown here; the JSON, HTML or SARIF report has everything._"
            if left_out
            else "_Truncated to stay under GitHub's comment limit: the JSON, HTML or SARIF "
            "report has every reference._"
        )
        body += [note, ""]
        break
    text = "\n".join([*head, *body, *tail]).rstrip() + "\n"
    return _cut(text, max_chars)


@dataclass(frozen=True, slots=True)
class _Section:
    """One article: what is always shown, then table rows that may be cut short."""

    lead: list[str]
    table_head: list[str]
    rows: list[str]
    close: list[str]

    def lines(self) -> list[str]:
        return [*self.lead, *self.table_head, *self.rows, *self.close]

    def fitted(self, budget: int) -> list[str]:
        """As many rows as fit in ``budget`` characters, and a row saying how many did not."""
        fixed = self.lead + self.table_head + self.close
        if not self.rows or _size(fixed) + 200 > budget:
            return []
        room = budget - _size(fixed) - 200
        kept: list[str] = []
        for row in self.rows:
            if _size([row]) > room:
                break
            kept.append(row)
            room -= _size([row])
        if not kept:
            return []
        missing = len(self.rows) - len(kept)
        more = f"| … | _{missing} more references not shown_ | | | |"
        return [*self.lead, *self.table_head, *kept, more, *self.close]


def _head(report: ReportJSON) -> list[str]:
    """The heading, the headline and the new changes, the summary table."""
    headline = report["headline"]
    lines = ["## acurefs", "", f"**{_escape(headline['text'])}**", ""]
    changes = list(headline["new"])
    items = [_change(c) for c in changes[:NEW_MAX]]
    lines += items[:NEW_SHOWN]
    if len(items) > NEW_SHOWN:
        lines += [
            "",
            f"<details><summary>{len(changes) - NEW_SHOWN} more changes</summary>",
            "",
            *items[NEW_SHOWN:],
        ]
        if len(changes) > NEW_MAX:
            lines.append(f"- … and {len(changes) - NEW_MAX} more (see the JSON report)")
        lines += ["", "</details>"]
    if items:
        lines.append("")
    if report["run"].get("partial"):
        why = report["run"].get("reason") or "it was interrupted, or its source failed"
        lines += [
            "> [!WARNING]",
            f"> Partial run: {why}. References it could not check are not-checked.",
            "",
        ]
    summary = report["summary"]
    verdicts = summary["verdicts"]
    named = [v for v in VERDICTS if v in verdicts] + sorted(set(verdicts) - set(VERDICTS))
    columns = [
        ("Articles", summary["documents"]),
        ("References", summary["references"]),
        *((_escape(v), verdicts[v]) for v in named),
        ("Errors", summary["findings"]["error"]),
        ("Warnings", summary["findings"]["warning"]),
        ("Info", summary["findings"]["info"]),
        ("Suppressed", summary["suppressed"]),
    ]
    lines += [
        "| " + " | ".join(name for name, _ in columns) + " |",
        "|" + "--:|" * len(columns),
        "| " + " | ".join(str(n) for _, n in columns) + " |",
        "",
    ]
    return lines


def _change(change: ChangeJSON) -> str:
    document, number, key = change["document"], change["number"], change["key"]
    where = [_escape(document)] if document else []
    if number is not None:
        where.append(f"\\[{number}\\]")
    elif change.get("line") is not None:
        where.append(f"line {change.get('line')}")
    if key:
        where.append(_escape(key))
    place = f" {' '.join(where)}:" if where else ":"
    return f"- **{change['severity']}** {_code(change['kind'])}{place} {_escape(change['message'])}"


def _section(doc: DocumentJSON, fresh: set[_Fresh]) -> _Section:
    references = doc["references"]
    counts = severity_counts(Severity(f["severity"]) for f in active_findings(doc))
    suppressed = len(doc.get("suppressed") or ()) + sum(
        len(r.get("suppressed") or ()) for r in references
    )
    status = [plural(len(references), "reference")]
    if any(counts.values()):
        status += severity_phrase(counts).split(", ")
    if suppressed:
        status.append(f"{suppressed} suppressed")
    lead = [f"### {_escape(doc['name'])}", "", " · ".join(status), ""]
    structure = [_finding(f) for f in doc["findings"]]
    structure += [_suppressed(f) for f in doc.get("suppressed") or ()]
    if structure:
        lead += ["Article structure:", "", *structure[:FINDINGS_SHOWN]]
        if len(structure) > FINDINGS_SHOWN:
            folded = len(structure) - FINDINGS_SHOWN
            lead += ["", f"<details><summary>{folded} more</summary>", ""]
            lead += [*structure[FINDINGS_SHOWN:], "", "</details>"]
        lead.append("")
    if not references:
        return _Section(lead, [], [], [])
    has_error = any(f["severity"] == "error" for r in references for f in r["findings"])
    verdicts = tally(verdict_of(r) for r in references)
    summary = ", ".join(f"{n} {v}" for v, n in verdicts.items())
    table_head = [
        f"<details{' open' if has_error else ''}><summary>References: {_escape(summary)}</summary>",
        "",
        "| # | Key | Verdict | DOI | Findings |",
        "|--:|---|---|---|---|",
    ]
    rows = [_row(doc["name"], r, fresh) for r in references]
    return _Section(lead, table_head, rows, ["", "</details>", ""])


def _row(document: str, ref: ReferenceJSON, fresh: set[_Fresh]) -> str:
    res = ref.get("resolution")
    doi = res.get("doi") if res else None
    link = f"[{_escape(doi)}](https://doi.org/{quote(doi, safe='/:;')})" if doi else "–"
    notes = []
    for finding in ref["findings"]:
        new = (document, ref.get("number"), finding["code"]) in fresh
        notes.append(("**new** " if new else "") + _finding(finding, bullet=False))
    notes += [_suppressed(f, bullet=False) for f in ref.get("suppressed") or ()]
    number = str(ref["number"]) if ref.get("number") is not None else "–"
    cells = [number, _escape(ref["key"]) or "–", _escape(verdict_of(ref)), link, "<br>".join(notes)]
    return "| " + " | ".join(cells) + " |"


def _finding(finding: FindingJSON, *, bullet: bool = True) -> str:
    line = f"line {finding['line']}: " if bullet and finding.get("line") is not None else ""
    text = f"**{finding['severity']}** {_code(finding['code'])} {line}{_escape(finding['message'])}"
    return f"- {text}" if bullet else text


def _suppressed(finding: SuppressedFindingJSON, *, bullet: bool = True) -> str:
    reason = _escape(finding["suppression"]["reason"])
    text = f"suppressed {_code(finding['code'])} ({reason})"
    return f"- {text}" if bullet else text


def _tail(report: ReportJSON) -> list[str]:
    """Configuration notes and a small-print line about the run."""
    lines = [f"- {_finding(n, bullet=False)}" for n in report.get("notes") or ()]
    if lines:
        lines = ["Configuration:", "", *lines, ""]
    run = report["run"]
    version = report["generator"]["version"]
    requests = run["requests"]
    facts = [f"acurefs {_escape(str(version))}"]
    if local_index(run):
        facts.append(f"local index {_escape(str(run['source'].get('url', '')))}, no network")
    else:
        facts.append(
            f"{requests.get('total', 0)} Crossref requests, {run.get('cache_hits', 0)} cached answers"
        )
        if run.get("offline"):
            facts.append("offline")
    facts.append(f"exit {run.get('exit_code', 0)} (fail on {_escape(str(run.get('fail_on')))})")
    facts.append(f"finished {_escape(str(run.get('finished', '')))}")
    return [*lines, f"<sub>{' · '.join(facts)}</sub>"]


_Fresh = tuple[str | None, int | None, str | None]
"""(document, number, code) of a finding the headline lists as new."""


def _fresh(report: ReportJSON) -> set[_Fresh]:
    """(document, number, code) of the findings the headline lists as new."""
    return {
        (c.get("document"), c.get("number"), c.get("code"))
        for c in report["headline"]["new"]
        if c.get("code")
    }


def _escape(text: str) -> str:
    """Report text made inert: on one line, with Markdown and HTML specials escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _code(text: str) -> str:
    """A finding code or change kind as inline code (they never hold a backtick; be sure)."""
    plain = " ".join(str(text).replace("`", "'").split())
    return f"`{plain}`"


def _size(lines: Sequence[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def _cut(text: str, max_chars: int) -> str:
    """The last resort when even the headline and summary are too long: cut at a line."""
    if len(text) <= max_chars:
        return text
    note = "\n\n_Truncated to stay under GitHub's comment limit; see the JSON report._\n"
    room = max(0, max_chars - len(note))
    kept = text[:room]
    if "\n" in kept:
        kept = kept[: kept.rindex("\n")]
    return (kept + note)[:max_chars]
