"""Plain-text views for people: what ``acurefs check``, ``claims`` and ``refs`` print."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from ..claims.standing import standing_summary
from ..export.citations import CitationKeys, citation_keys
from ..models import (
    Claim,
    Corpus,
    Document,
    Finding,
    Reference,
    Suggestion,
    Verdict,
    severity_counts,
    severity_phrase,
)
from ..text import plural

WIDTH = 100


def short_reference(ref: Reference) -> str:
    """``Chen L et al., 2017, BMJ`` - enough to recognise a reference in a line of output.

    One author is named alone, two are both named (``Vickers AJ and Linde K``), three or
    more (or a list cut short by "et al.") are the first and "et al.".
    """
    names = [p.vancouver() for p in ref.authors]
    if len(names) == 2 and not ref.authors_truncated:
        who = f"{names[0]} and {names[1]}"
    elif names and (len(names) > 1 or ref.authors_truncated):
        who = f"{names[0]} et al."
    else:
        who = names[0] if names else ""
    source = ref.journal or ref.container or ref.publisher or ""
    bits = [b for b in (who, str(ref.year) if ref.year else "", source) if b]
    if not bits:
        return _clip(ref.title or ref.raw, 60)
    return ", ".join(bits)


def resolution_note(ref: Reference) -> str:
    res = ref.resolution
    if res is None:
        return ""
    doi = f"doi:{res.doi}" if res.doi else "no DOI"
    return f"{doi} [{res.verdict}]"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def finding_line(f: Finding) -> str:
    where = f"L{f.line}" if f.line is not None else ""
    return f"  {where:<5} {f.severity.value:<7} {f.code:<22} {f.message}"


def all_findings(doc: Document) -> list[Finding]:
    """The document's findings and its references' (from their resolutions), in line order."""
    found = list(doc.findings)
    for ref in doc.references:
        if ref.resolution:
            found.extend(ref.resolution.findings)
    found.sort(key=lambda f: (f.line or 0, f.span.start if f.span else 0, f.code))
    return found


def render_document(
    doc: Document, *, show_claims: str = "cited", keys: CitationKeys | None = None
) -> str:
    keys = keys if keys is not None else citation_keys(doc.references)
    lines = [_document_header(doc)]
    if doc.references:
        lines.append("  References")
        for ref in doc.references:
            number = f"[{ref.number}]" if ref.number is not None else "[-]"
            key = keys.get(ref.identity, "")
            extra = resolution_note(ref) or ref.kind.value
            lines.append(f"    {number:<5} {_clip(short_reference(ref), 50):<50} {key:<22} {extra}")
    claims = (
        doc.claims
        if show_claims == "all"
        else tuple(c for c in doc.claims if c.cited or c.suggestions)
    )
    if claims:
        lines.append("  Claims" + (" citing references" if show_claims != "all" else ""))
        for claim in claims:
            lines.extend(_claim_lines(claim))
    findings = all_findings(doc)
    if findings:
        lines.append("  Findings")
        lines.extend("  " + finding_line(f) for f in findings)
    return "\n".join(lines)


def _document_header(doc: Document) -> str:
    cited = len(doc.cited_claims)
    return (
        f"{doc.name}  ({doc.format}; {len(doc.claims)} claims, {cited} cited; "
        f"{len(doc.references)} references; {_count_findings(all_findings(doc))})\n"
        f"  {standing_summary(doc.claims)}"
    )


def _claim_lines(claim: Claim) -> list[str]:
    """The claim's statement (its markers taken out: ``months.1`` reads ``months.``), then one
    line per number it cites."""
    head = f"    L{claim.line:<4} "
    standing = f"  [{claim.support.value}]" if claim.support else ""
    text = textwrap.shorten(
        claim.statement, WIDTH - len(head) - len(standing) - 2, placeholder=" …"
    )
    out = [f"{head}{text}{standing}"]
    by_number = {r.number: r for r in claim.references}
    for n in claim.numbers:
        ref = by_number.get(n)
        if ref is None:
            out.append(f"           -> [{n}] (no such reference)")
        else:
            note = resolution_note(ref)
            out.append(
                f"           -> [{n}] {_clip(short_reference(ref), 60)}"
                + (f"  {note}" if note else "")
            )
    for suggestion in claim.suggestions:
        out.append(f"           possible source (not cited): {suggestion_line(suggestion)}")
    return out


def suggestion_line(suggestion: Suggestion) -> str:
    """A possible source in brief: who, when, where, its DOI, and why it matched."""
    record = suggestion.record
    names = [str(p) for p in record.authors[:1]]
    who = (names[0] + (" et al." if len(record.authors) > 1 else "")) if names else ""
    where = ", ".join(str(x) for x in (who, record.year, record.journal) if x)
    why = "; ".join(suggestion.reasons)
    return f"{where} doi:{suggestion.doi} (score {suggestion.score:.2f}: {why})"


def _count_findings(findings: Iterable[Finding]) -> str:
    phrase = severity_phrase(severity_counts(f.severity for f in findings))
    return phrase or "no findings"


def render_corpus(corpus: Corpus, *, show_claims: str = "cited") -> str:
    keys = citation_keys(corpus.references)
    blocks = [render_document(d, show_claims=show_claims, keys=keys) for d in corpus.documents]
    every = [f for d in corpus.documents for f in all_findings(d)]
    claims = corpus.claims
    summary = (
        f"{plural(len(corpus.documents), 'article')}, {len(claims)} claims "
        f"({sum(1 for c in claims if c.cited)} cited), {len(corpus.references)} references, "
        f"{_count_findings(every)}"
    )
    return "\n\n".join(blocks) + "\n\n" + summary


def render_claims(corpus: Corpus, *, cited_only: bool) -> str:
    lines = []
    for doc in corpus.documents:
        claims = doc.cited_claims if cited_only else doc.claims
        for claim in claims:
            numbers = ",".join(str(n) for n in claim.numbers)
            tag = f"[{numbers}]" if numbers else ""
            lines.append(
                f"{doc.name}:{claim.line}: {claim.kind:<9} {tag:<8} {' '.join(claim.statement.split())}"
            )
    return "\n".join(lines)


def render_references(corpus: Corpus) -> str:
    lines = []
    for doc in corpus.documents:
        for ref in doc.references:
            number = ref.number if ref.number is not None else "-"
            lines.append(f"{doc.name}:{ref.line}: [{number}] {ref.kind.value}")
            authors = ", ".join(p.vancouver() for p in ref.authors) + (
                ", et al." if ref.authors_truncated else ""
            )
            for label, value in (
                ("authors", authors),
                ("title", ref.title),
                ("journal", ref.journal),
                ("year", ref.year),
                ("volume", ref.volume),
                ("issue", ref.issue),
                ("pages", ref.pages),
                ("article", ref.article_number),
                ("doi", ref.doi),
                ("pmid", ref.pmid),
                ("pmcid", ref.pmcid),
                ("url", ref.url),
                ("publisher", ref.publisher),
                ("resolution", resolution_note(ref)),
            ):
                if value:
                    lines.append(f"    {label:<10} {value}")
    return "\n".join(lines)


def render_resolutions(corpus: Corpus) -> str:
    """What ``acurefs resolve`` prints: each reference's verdict, DOI and findings."""
    lines = []
    counts: dict[str, int] = {}
    for doc in corpus.documents:
        if not doc.references:
            continue
        lines.append(doc.name)
        for ref in doc.references:
            res = ref.resolution
            number = f"[{ref.number}]" if ref.number is not None else "[-]"
            verdict = (res.verdict if res else Verdict.NOT_CHECKED).value
            counts[verdict] = counts.get(verdict, 0) + 1
            doi = res.doi if res and res.doi else "-"
            lines.append(f"  {number:<5} {verdict:<13} {doi:<34} {_clip(short_reference(ref), 40)}")
            for f in res.findings if res else ():
                lines.append(f"          {f.severity.value:<7} {f.code:<22} {f.message}")
    summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    lines.append(f"\n{plural(sum(counts.values()), 'reference')}: {summary or 'none'}")
    return "\n".join(lines)
