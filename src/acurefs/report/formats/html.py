"""The validation report as one self-contained HTML page, the file people open from CI artifacts.

Rendered from the JSON report (:func:`acurefs._report.report_json`), like every other format.
The page loads nothing: CSS and a few lines of script are inline, and a Content-Security-Policy
forbids any fetch, so it reads the same from a CI artifact, a mail attachment or offline. The
only links out are ``https://doi.org/`` links for DOIs. The script merely adds two filters; with
scripting off every reference and finding is shown. Every string from the report is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from html import escape
from typing import Any, cast
from urllib.parse import quote

from ...text import plural
from ..schema import (
    ChangeJSON,
    ClaimJSON,
    DocumentJSON,
    FindingJSON,
    HeadlineJSON,
    ReferenceJSON,
    ReportJSON,
    RunJSON,
    SummaryJSON,
    SuppressedFindingJSON,
)
from .common import VERDICTS, active_findings, counts_of, rank, verdict_of

_MARKS = {
    "verified": "✓",
    "mismatch": "≠",
    "unresolved": "✗",
    "ambiguous": "≈",
    "non-scholarly": "◇",
    "not-checked": "–",
}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_STANDING_MARKS = {
    "verified": "✓",
    "questionable": "!",
    "retracted-source": "✗",
    "unverifiable": "?",
    "unsupported": "○",
    "not-evidential": "·",
}
_STANDING_COLOURS = {
    "verified": "verified",
    "questionable": "mismatch",
    "retracted-source": "unresolved",
    "unverifiable": "not-checked",
    "unsupported": "ambiguous",
    "not-evidential": "not-checked",
}
"""Each standing's colours, borrowed from the verdict palette (light and dark)."""

_CSS = (
    """
:root{color-scheme:light dark;--bg:#f4f5f7;--panel:#ffffff;--text:#1b1f24;--muted:#59636e;
--line:#d8dde3;--soft:#eef0f3;--link:#0b57d0;--verified-bg:#d8f1e0;--verified-fg:#0b5527;
--mismatch-bg:#fdebc4;--mismatch-fg:#713c00;--unresolved-bg:#fde0de;--unresolved-fg:#9a1b14;
--ambiguous-bg:#ebe2fa;--ambiguous-fg:#55289a;--non-scholarly-bg:#d9ecf9;--non-scholarly-fg:#0a4a73;
--not-checked-bg:#e6e9ed;--not-checked-fg:#3a4350;--error:#b42318;--error-bg:#fee4e2;
--warning:#8a4b00;--warning-bg:#fef0c7;--info:#1d4f9c;--info-bg:#e3ecfb}
@media screen and (prefers-color-scheme:dark){:root{--bg:#0e1116;--panel:#161b22;--text:#e6e9ee;
--muted:#9aa5b1;--line:#2d3440;--soft:#1d232c;--link:#7cb3ff;--verified-bg:#123a22;
--verified-fg:#8fe3ae;--mismatch-bg:#3f2b08;--mismatch-fg:#f7c96e;--unresolved-bg:#481a18;
--unresolved-fg:#ffa39c;--ambiguous-bg:#2f2248;--ambiguous-fg:#cdb6f7;--non-scholarly-bg:#0d2f47;
--non-scholarly-fg:#93cff6;--not-checked-bg:#2a3039;--not-checked-fg:#c4cad3;--error:#ff8a80;
--error-bg:#4a1a17;--warning:#f5c35c;--warning-bg:#3f2d0a;--info:#8fb8ff;--info-bg:#172a4a}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,"Helvetica Neue","Liberation Sans","DejaVu Sans",Arial,sans-serif}
main{max-width:1240px;margin:0 auto;padding:20px 24px 40px}
a{color:var(--link)}h1{font-size:22px;margin:0}h2{font-size:18px;margin:0}
h3{font-size:14px;margin:18px 0 8px}summary{cursor:pointer}summary h3{display:inline}
code,.mono{font-family:"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;
font-size:12.5px}
.muted{color:var(--muted)}.small{font-size:12px}
header.top,section.doc>header{display:flex;justify-content:space-between;align-items:baseline;
gap:12px;flex-wrap:wrap;margin-bottom:14px}
.panel,section.doc{background:var(--panel);border:1px solid var(--line);border-radius:8px;
padding:16px 18px;margin:0 0 16px}
.headline{border-left:6px solid var(--line)}.headline.worst-error{border-left-color:var(--error)}
.headline.worst-warning{border-left-color:var(--warning)}
.headline.worst-info{border-left-color:var(--info)}
.headline p{font-size:16px;font-weight:600;margin:0}
.changes{list-style:none;margin:10px 0 0;padding:0}
.changes li{display:grid;grid-template-columns:72px 150px 280px 1fr;gap:10px;justify-items:start;
align-items:baseline;padding:6px 0;border-top:1px solid var(--soft)}
.partial{background:var(--warning-bg);color:var(--warning);border-color:var(--warning);
font-weight:600}
.grid{display:grid;grid-template-columns:1.25fr 1fr;gap:16px;margin-bottom:16px}.grid .panel{margin:0}
dl.info{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.info dt{color:var(--muted)}dl.info dd{margin:0;overflow-wrap:anywhere}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0 12px}
.count{border:1px solid var(--line);border-radius:6px;padding:6px 10px;min-width:88px}
.count b{display:block;font-size:20px;line-height:1.2}
.badge,.sev{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;
font-weight:600;white-space:nowrap;border:1px solid transparent}
.badge.zero{background:transparent;border-style:dashed;font-weight:500}
"""
    + "".join(
        f".v-{v}{{background:var(--{v}-bg);color:var(--{v}-fg);border-color:var(--{v}-fg)}}"
        for v in VERDICTS
    )
    + "".join(
        f".badge.st-{st}{{background:var(--{v}-bg);color:var(--{v}-fg);border-color:var(--{v}-fg)}}"
        f"table.claims tr.st-{st}{{border-left-color:var(--{v}-fg)}}"
        for st, v in _STANDING_COLOURS.items()
    )
    + """
.sev{border-radius:4px;padding:0 6px;text-transform:uppercase;font-size:11px;letter-spacing:.03em}
.s-error{background:var(--error-bg);color:var(--error)}
.s-warning{background:var(--warning-bg);color:var(--warning)}
.s-info{background:var(--info-bg);color:var(--info)}
.exit-1{color:var(--error);font-weight:700}.exit-0{color:var(--verified-fg);font-weight:700}
.status{margin-left:10px;border:1px solid currentColor;border-radius:999px;padding:2px 10px}
nav ol{margin:0;padding-left:20px;columns:2}nav li{margin:2px 0}
.toolbar{display:flex;gap:18px;align-items:center;margin:0 0 12px}.toolbar[hidden]{display:none}
section.doc.empty{padding:10px 18px}section.doc.empty ul{margin:6px 0 0;padding-left:20px}
section.doc>header{margin:0}section.doc>details{margin-top:10px}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:7px 8px;border-top:1px solid var(--line);
overflow-wrap:break-word}
thead th{font-size:12px;color:var(--muted);font-weight:600;border:0;border-bottom:2px solid var(--line)}
.claims th:nth-child(1){width:56px}.claims th:nth-child(3){width:132px}
.claims th:nth-child(4){width:150px}table.claims tbody tr{border-left:4px solid transparent}
.possible{margin-top:6px;font-size:12.5px}.possible ul{margin:2px 0 0;padding-left:18px}
.refs th:nth-child(1){width:36px}.refs th:nth-child(2){width:172px}
.refs th:nth-child(3){width:118px}.refs th:nth-child(4){width:152px}.refs th:nth-child(6){width:30%}
table.refs tbody tr{border-left:4px solid transparent}
table.refs tr.worst-error{border-left-color:var(--error)}
table.refs tr.worst-warning{border-left-color:var(--warning)}tr:target{background:var(--soft)}
.marker{display:inline-block;min-width:22px;text-align:center;border:1px solid var(--line);
border-radius:4px;padding:0 4px;margin-right:3px;text-decoration:none;font-size:12px}
.marker.dangling{color:var(--error);border-color:var(--error);border-style:dashed}
ul.findings{list-style:none;margin:0;padding:0;font-size:13px}ul.findings li{margin:0 0 6px}
ul.findings li.sev-info,ul.findings li.suppressed{color:var(--muted)}
ul.findings li.suppressed .msg{text-decoration:line-through}
li.suppressed .sev{background:var(--soft);color:var(--muted)}
.vs{display:grid;grid-template-columns:max-content 1fr;gap:0 8px;margin:3px 0 0 2px;
font-size:12.5px}.vs dt{color:var(--muted)}.vs dd{margin:0}
.vs dd.printed{color:var(--unresolved-fg)}.vs dd.found{color:var(--verified-fg)}
body.only-problems tr.worst-none,body.only-problems tr.worst-info{display:none}
body.hide-info li.sev-info{display:none}
footer{margin-top:24px;font-size:12px;color:var(--muted);text-align:center}
@media print{body{background:#fff;font-size:11px}.toolbar,nav{display:none}
main{max-width:none;padding:0}.panel{break-inside:avoid}tr{break-inside:avoid}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
"""
)

_SCRIPT = """
for (const box of document.querySelectorAll("input[data-toggle]")) {
  box.addEventListener("change", () => document.body.classList.toggle(box.dataset.toggle, box.checked));
}
document.querySelector(".toolbar").hidden = false;
"""


def render(data: ReportJSON) -> str:
    """The whole page: headline, run and summary, contents, then one section per article."""
    run, summary, documents = data["run"], data["summary"], data["documents"]
    ids = _document_ids(doc["name"] for doc in documents)
    counts = summary["findings"]
    title = (
        f"acurefs report: {plural(counts.get('error', 0), 'error')}, "
        f"{plural(counts.get('warning', 0), 'warning')} in "
        f"{plural(summary['references'], 'reference')}"
    )
    body = [
        f'<header class="top"><h1>Reference check</h1><span class="muted">'
        f"{_e(run.get('finished'))} {_status(run)}</span></header>",
        _headline(data["headline"], dict(zip((d["name"] for d in documents), ids, strict=True))),
    ]
    if run.get("partial"):
        why = run.get("reason") or "it was interrupted, or its source failed"
        body.append(
            f'<p class="panel partial" role="alert">Partial run: {_e(why)}. The references '
            "it could not check are marked not-checked.</p>"
        )
    body.append(f'<div class="grid">{_run(run)}{_summary(summary)}</div>')
    body.append(_contents(documents, ids))
    body.append(
        '<div class="toolbar" hidden><label><input type="checkbox" data-toggle="only-problems"> '
        'Only references with errors or warnings</label><label><input type="checkbox" '
        'data-toggle="hide-info"> Hide info findings</label></div>'
    )
    pairs = list(zip(documents, ids, strict=True))
    body.extend(_document(doc, ident) for doc, ident in pairs if not _is_empty(doc))
    if empty := [(d, i) for d, i in pairs if _is_empty(d)]:
        items = "".join(
            f'<li id="{i}">{_e(d["name"])} <code class="muted">{_e(d.get("path"))}</code></li>'
            for d, i in empty
        )
        body.append(
            '<section class="doc empty" aria-label="Articles with nothing to check">'
            f"<h2>No numbered references or cited claims</h2><ul>{items}</ul></section>"
        )
    if data.get("notes"):
        body.append(
            '<section class="panel" id="notes"><h2>Configuration</h2>'
            f"{_findings(data['notes'])}</section>"
        )
    gen = data["generator"]
    body.append(
        f"<footer>Generated by {_e(gen['name'])} {_e(gen['version'])} "
        f"· report version {_e(data.get('report_version'))}</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + f"\n</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _headline(headline: HeadlineJSON, anchors: Mapping[str, str]) -> str:
    """What is new since the last run, first on the page; each change links to its reference."""
    changes = headline.get("new") or []
    items = []
    for change in changes:
        doc, number = change.get("document") or "", change.get("number")
        line = change.get("line")
        where = f" [{number}]" if number is not None else f" line {line}" if line else ""
        place = _e(doc + where)
        if doc in anchors:
            anchor = anchors[doc] + (f"-ref-{number}" if number is not None else "")
            place = f'<a href="#{_e(anchor)}">{place}</a>'
        if change.get("key"):
            place += f' <span class="muted small">{_e(change["key"])}</span>'
        detail = "".join(
            f' <span class="muted small">{_e(k)}: {_e(v)}</span>'
            for k, v in (change.get("detail") or {}).items()
        )
        items.append(
            f'<li class="change sev-{_e(change["severity"])}">{_sev(change["severity"])}'
            f"<code>{_e(change['kind'])}</code><span>{place}</span>"
            f"<span>{_e(change['message'])}{detail}</span></li>"
        )
    listing = f'<ul class="changes">{"".join(items)}</ul>' if items else ""
    return (
        f'<section class="panel headline worst-{_worst(changes)}" id="headline" '
        f'aria-label="New since the last run"><p>{_e(headline["text"])}</p>{listing}</section>'
    )


def _run(run: RunJSON) -> str:
    """When and against what the run went, what it cost, and how it ended."""
    source, requests = run.get("source") or {}, run.get("requests") or {}
    parts = ", ".join(f"{_e(n)} {_e(k)}" for k, n in requests.items() if k != "total")
    compared, code = run.get("compared_with"), run.get("exit_code", 0)
    rows = [
        ("Started", _e(run.get("started"))),
        ("Finished", _e(run.get("finished")) + _duration(run)),
        (
            "Source",
            f"{_e(source.get('name', '-'))} <code>{_e(source.get('url'))}</code>"
            + (f", {_e(source['pool'])} pool" if source.get("pool") else "")
            + (" (offline)" if run.get("offline") else ""),
        ),
        ("Requests", _e(requests.get("total", 0)) + (f" ({parts})" if parts else "")),
        ("Cache hits", _e(run.get("cache_hits", 0))),
        (
            "Exit code",
            f'<span class="exit-{1 if code else 0}">{_e(code)}</span> '
            f"{'fails' if code else 'passes'} (fail on {_e(run.get('fail_on', 'error'))})",
        ),
        ("Partial", f"yes: {run.get('reason') or 'cut short'}" if run.get("partial") else "no"),
        (
            "Compared with",
            _e(" ".join(str(compared.get(k) or "") for k in ("kind", "path")).strip())
            + (f", {_e(compared['when'])}" if compared.get("when") else "")
            if compared
            else "nothing (first run)",
        ),
    ]
    rows += [(k.title(), f"<code>{_e(run[k])}</code>") for k in ("config", "lock") if run.get(k)]
    items = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<section class="panel" aria-label="Run"><h2>Run</h2><dl class="info">{items}</dl></section>'


def _summary(summary: SummaryJSON) -> str:
    """Counts of articles and references, every verdict (a legend too) and every severity."""
    totals = (
        (summary["documents"], "articles"),
        (summary["references"], "references"),
        (summary["cited_claims"], f"cited claims of {_e(summary['claims'])}"),
        (summary.get("suppressed", 0), "suppressed"),
    )
    cards = "".join(f'<div class="count"><b>{_e(n)}</b>{label}</div>' for n, label in totals)
    verdicts = summary.get("verdicts") or {}
    known = [*VERDICTS, *(v for v in verdicts if v not in VERDICTS)]
    badges = " ".join(
        _badge(v, f"{verdicts.get(v, 0)} {v}", zero=not verdicts.get(v)) for v in known
    )
    sevs = " ".join(f"{_sev(s)} {_e(n)}" for s, n in counts_of(summary["findings"]).items())
    return (
        '<section class="panel" aria-label="Summary"><h2>Summary</h2>'
        f'<div class="counts">{cards}</div><h3>Verdicts</h3><div>{badges}</div>'
        f"<h3>Findings</h3><div>{sevs}</div></section>"
    )


def _contents(documents: Sequence[DocumentJSON], ids: Sequence[str]) -> str:
    items = []
    for doc, ident in zip(documents, ids, strict=True):
        worst = _worst(active_findings(doc))
        items.append(
            f'<li><a href="#{ident}">{_e(doc["name"])}</a> '
            f'<span class="muted small">{plural(len(doc["references"]), "reference")}</span>'
            + (f" {_sev(worst)}" if worst in ("error", "warning") else "")
            + "</li>"
        )
    return (
        f'<nav class="panel" aria-label="Articles"><h2>Articles</h2><ol>{"".join(items)}</ol></nav>'
    )


def _document(doc: DocumentJSON, ident: str) -> str:
    """One article: its structural findings, cited claims and reference table."""
    refs, claims = doc["references"], doc["claims"]
    parts = [
        f'<section class="doc" id="{ident}"><header><h2>{_e(doc["name"])}</h2>'
        f'<span class="muted small"><code>{_e(doc.get("path"))}</code> · '
        f"{_e(doc.get('format'))}</span></header>"
    ]
    if doc["findings"] or doc.get("suppressed"):
        parts.append(
            f"<h3>Article findings</h3>{_findings(doc['findings'], doc.get('suppressed'))}"
        )
    if claims:
        parts.append(_claims(claims, refs, ident))
    if refs:
        rows = "".join(_reference_row(ref, i, ident) for i, ref in enumerate(refs, 1))
        head = "".join(
            f'<th scope="col">{h}</th>'
            for h in ("#", "Key", "Verdict", "DOI", "Printed reference", "Findings")
        )
        parts.append(
            f'<h3>References ({len(refs)})</h3><table class="refs"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    return "".join(parts) + "</section>"


def _claims(claims: Sequence[ClaimJSON], refs: Sequence[ReferenceJSON], ident: str) -> str:
    """Claims coloured by standing, their markers linked to the reference rows (dangling
    ones flagged) and the works they name as possible sources."""
    listed = {(r.get("group", 0), r["number"]) for r in refs if r.get("number") is not None}
    rows, seen = [], set()
    for claim in claims:
        line = claim["line"]
        anchor = f' id="{ident}-L{_e(line)}"' if line not in seen else ""
        seen.add(line)
        group = claim.get("group", 0)
        markers = "".join(
            f'<a class="marker" href="#{ident}-ref-{_ref_id(group, n)}">{_e(n)}</a>'
            if (group, n) in listed
            else f'<span class="marker dangling" title="No reference {_e(n)} in the list">'
            f"{_e(n)} missing</span>"
            for n in claim["numbers"]
        )
        support = claim.get("support") or "unknown"
        rows.append(
            f'<tr{anchor} class="st-{_e(support)}"><th scope="row">{_e(line)}</th>'
            f"<td>{_e(claim['text'])}{_suggestions(claim)}</td><td>{_standing(claim)}</td>"
            f"<td>{markers}</td></tr>"
        )
    cited = sum(1 for c in claims if c["numbers"])
    return (
        f"<details open><summary><h3>Claims ({len(claims)}: {cited} cited)</h3></summary>"
        '<table class="claims"><thead><tr><th scope="col">Line</th><th scope="col">Claim</th>'
        '<th scope="col">Standing</th><th scope="col">References</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def _standing(claim: ClaimJSON) -> str:
    """The claim's standing as a badge (a mark and a word, never colour alone), with the
    cues of an evidential claim as its tooltip."""
    support = claim.get("support")
    if not support:
        return '<span class="muted">–</span>'
    cues = ", ".join(claim.get("cues") or ())
    title = f' title="cues: {_e(cues)}"' if cues else ""
    return (
        f'<span class="badge st-{_e(support)}"{title}><span aria-hidden="true">'
        f"{_STANDING_MARKS.get(support, '•')} </span>{_e(support)}</span>"
    )


def _suggestions(claim: ClaimJSON) -> str:
    """Works the claim names without citing them: shown as possible sources, never as citations."""
    items = []
    for s in claim.get("suggestions") or ():
        who = ", ".join(s["authors"][:1]) + (" et al." if len(s["authors"]) > 1 else "")
        where = ", ".join(str(x) for x in (who, s.get("year"), s.get("journal")) if x)
        items.append(
            f"<li>{_e(where)}: <i>{_e(s.get('title'))}</i> {_doi_link(s['doi'])} "
            f'<span class="muted">(score {s["score"]:.2f}; {_e("; ".join(s["reasons"]))})</span></li>'
        )
    if not items:
        return ""
    return (
        f'<div class="possible"><b>Possible source, not cited:</b><ul>{"".join(items)}</ul></div>'
    )


def _ref_id(group: int, number: int) -> str:
    """A reference row's anchor: ``3``, or ``2-3`` for number 3 of the article's third list."""
    return f"{group}-{number}" if group else str(number)


def _reference_row(ref: ReferenceJSON, position: int, ident: str) -> str:
    """Number, key, verdict badge (with score and reason), DOI, printed text, findings."""
    res = ref.get("resolution")
    verdict, number = verdict_of(ref), ref.get("number")
    anchor = (
        f"{ident}-ref-{_ref_id(ref.get('group', 0), number)}"
        if number is not None
        else f"{ident}-entry-{position}"
    )
    score = res.get("score") if res else None
    notes = [f"score {score:.2f}"] if score is not None else []
    reason = res.get("reason") if res else None
    notes += [reason] if reason else []
    cited = sorted(set(ref.get("cited_by") or []))
    lines = ", ".join(f'<a href="#{ident}-L{_e(n)}">{_e(n)}</a>' for n in cited)
    cited_on = (
        f'<div class="muted small">Cited on line{"s" * (len(cited) > 1)} {lines}</div>'
        if cited
        else ""
    )
    return (
        f'<tr id="{_e(anchor)}" class="ref worst-{_worst(ref["findings"])}" '
        f'data-verdict="{_e(verdict)}" data-key="{_e(ref["key"])}">'
        f'<th scope="row">{_e("–" if number is None else number)}</th>'
        f'<td class="mono">{_e(ref["key"] or "–")}</td><td>{_badge(verdict)}'
        + "".join(f'<div class="muted small">{_e(n)}</div>' for n in notes)
        + f"</td><td>{_doi_link((res.get('doi') if res else None) or ref['parsed'].get('doi'))}</td>"
        f"<td>{_e(ref['raw'])}{cited_on}</td>"
        f"<td>{_findings(ref['findings'], ref.get('suppressed'))}</td></tr>"
    )


def _findings(
    active: Iterable[FindingJSON], silenced: Iterable[SuppressedFindingJSON] | None = None
) -> str:
    """Active findings, worst first, then the suppressed ones (greyed, with their reason)."""
    ordered = sorted(active, key=lambda f: -rank(f["severity"]))
    items = [_finding(f) for f in ordered] + [_finding(f, suppressed=True) for f in silenced or ()]
    return f'<ul class="findings">{"".join(items)}</ul>'


def _finding(f: FindingJSON, *, suppressed: bool = False) -> str:
    """Severity, code and message; printed against published values; a suppression's reason."""
    extra = ""
    if f.get("printed") is not None:  # a comparison; for a missing value the message says it all
        extra += (
            f'<dl class="vs"><dt>printed</dt><dd class="printed">{_e(f["printed"])}</dd>'
            f'<dt>published</dt><dd class="found">{_e(f.get("found") or "—")}</dd></dl>'
        )
    detail = f.get("detail") or {}
    if detail.get("candidate_doi"):
        extra += (
            f'<div class="small">best candidate {_doi_link(detail["candidate_doi"])}'
            f" {_e(detail.get('candidate_title'))}</div>"
        )
    if suppressed:
        rule: Mapping[str, Any] = cast(Mapping[str, Any], f).get("suppression") or {}
        until = f", until {_e(rule['expires'])}" if rule.get("expires") else ""
        extra += f'<div class="small"><b>suppressed</b>: {_e(rule.get("reason") or "no reason")}{until}</div>'
    where = f'<span class="muted small">line {_e(f["line"])}</span> ' if f.get("line") else ""
    return (
        f'<li class="sev-{_e(f["severity"])}{" suppressed" * suppressed}">{_sev(f["severity"])} '
        f'<code>{_e(f["code"])}</code> {where}<span class="msg">{_e(f["message"])}</span>{extra}</li>'
    )


def _is_empty(doc: DocumentJSON) -> bool:
    """An article with nothing to show but its name (these are listed together at the end)."""
    return not (doc["references"] or doc["claims"] or doc["findings"] or doc.get("suppressed"))


def _worst(findings: Iterable[FindingJSON | ChangeJSON]) -> str:
    """The worst severity among findings or changes, ``none`` for none (a CSS class suffix)."""
    return max((f["severity"] for f in findings), key=rank, default="none")


def _document_ids(names: Iterable[str]) -> list[str]:
    """Readable, unique anchors from article names (``a-pain-evidence-txt``)."""
    ids: list[str] = []
    for name in names:
        base = "a-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "article")
        ident, n = base, 2
        while ident in ids:
            ident, n = f"{base}-{n}", n + 1
        ids.append(ident)
    return ids


def _doi_link(doi: str | None) -> str:
    if not doi:
        return '<span class="muted">–</span>'
    href = "https://doi.org/" + quote(doi, safe="/:;()._-")
    return f'<a class="mono" href="{_e(href)}">{_e(doi)}</a>'


def _badge(verdict: str, label: str | None = None, *, zero: bool = False) -> str:
    """A verdict badge: colour, a mark and the verdict's name, so colour is never alone."""
    return (
        f'<span class="badge v-{_e(verdict)}{" zero" * zero}"><span aria-hidden="true">'
        f"{_MARKS.get(verdict, '•')} </span>{_e(label or verdict)}</span>"
    )


def _status(run: RunJSON) -> str:
    code = run.get("exit_code", 0)
    word = ("partial, " if run.get("partial") else "") + ("fails" if code else "passes")
    return f'<span class="status exit-{1 if code else 0}">{word}: exit {_e(code)}</span>'


def _sev(severity: str) -> str:
    return f'<span class="sev s-{_e(severity)}">{_e(severity)}</span>'


def _duration(run: RunJSON) -> str:
    try:
        start = datetime.fromisoformat(str(run["started"]).replace("Z", "+00:00"))
        end = datetime.fromisoformat(str(run["finished"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return ""
    return f' <span class="muted">({(end - start).total_seconds():.0f} s)</span>'


def _e(value: Any) -> str:
    """Escaped for HTML text and attribute values; ``None`` is empty."""
    return "" if value is None else escape(str(value), quote=True)
