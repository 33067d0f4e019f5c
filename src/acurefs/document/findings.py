"""Structural findings about an article: what its markers and its reference list say together.

One function per finding code: ``dangling-marker``, ``duplicate-number``,
``numbering-gap``, ``uncited-reference`` and ``malformed-reference``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..identifiers import MARKDOWN_LINK
from ..models import Finding, Marker, Reference, Severity


def structural_findings(
    references: Sequence[Reference],
    markers: Sequence[Marker],
    *,
    document: str,
    has_list: bool,
) -> tuple[Finding, ...]:
    """Every structural finding of one article, in reading order."""
    numbered = [r for r in references if r.number is not None]
    findings = [
        *dangling_markers(numbered, markers, document=document, has_list=has_list),
        *duplicate_numbers(numbered),
        *numbering_gaps(numbered, document=document),
        *uncited_references(numbered, markers),
        *malformed_references(references),
    ]
    findings.sort(key=lambda f: (f.line or 0, f.span.start if f.span else 0, f.code))
    return tuple(findings)


def dangling_markers(
    numbered: Sequence[Reference], markers: Sequence[Marker], *, document: str, has_list: bool
) -> list[Finding]:
    """A marker citing a number the reference list does not have (or an article without one)."""
    numbers = {r.number for r in numbered}
    found = []
    for marker in markers:
        for n in marker.numbers:
            if n in numbers:
                continue
            why = (
                f"the reference list has no entry {n}"
                if has_list
                else "the article has no reference list"
            )
            found.append(
                Finding(
                    code="dangling-marker",
                    severity=Severity.ERROR,
                    message=f"Marker {marker.text.strip()!r} cites reference {n}, but {why}",
                    document=document,
                    line=marker.line,
                    span=marker.span,
                    number=n,
                )
            )
    return found


def duplicate_numbers(numbered: Sequence[Reference]) -> list[Finding]:
    """One finding per number that several references carry (at the first of them)."""
    counts = Counter(r.number for r in numbered)
    firsts: dict[int | None, Reference] = {}
    for ref in numbered:
        firsts.setdefault(ref.number, ref)
    return [
        Finding.about(
            ref,
            "duplicate-number",
            Severity.ERROR,
            f"Reference number {number} is used {counts[number]} times",
        )
        for number, ref in firsts.items()
        if counts[number] > 1
    ]


def numbering_gaps(numbered: Sequence[Reference], *, document: str) -> list[Finding]:
    """A number the list skips, located at the entry after the gap."""
    present = sorted({r.number for r in numbered if r.number is not None})
    if not present:
        return []
    first_with: dict[int | None, Reference] = {}
    for ref in numbered:
        first_with.setdefault(ref.number, ref)
    found = []
    for n in range(1, present[-1] + 1):
        if n in first_with:
            continue
        before = max((m for m in present if m < n), default=None)
        after = min(m for m in present if m > n)
        anchor = first_with[after]
        jump = f"jumps from {before} to {after}" if before is not None else f"starts at {after}"
        found.append(
            Finding(
                code="numbering-gap",
                severity=Severity.WARNING,
                message=f"The reference list {jump}: there is no reference {n}",
                document=document,
                line=anchor.line,
                span=anchor.span,
                number=n,
            )
        )
    return found


def uncited_references(numbered: Sequence[Reference], markers: Sequence[Marker]) -> list[Finding]:
    """A numbered reference that no marker cites."""
    cited = {n for m in markers for n in m.numbers}
    return [
        Finding.about(
            ref,
            "uncited-reference",
            Severity.WARNING,
            f"Reference {ref.number} is never cited in the text",
        )
        for ref in numbered
        if ref.number not in cited
    ]


def malformed_references(references: Sequence[Reference]) -> list[Finding]:
    """A reference too damaged to identify the work."""
    found = []
    for ref in references:
        problem = _malformed(ref)
        if problem:
            which = f"Reference {ref.number}" if ref.number is not None else "A reference"
            found.append(
                Finding.about(ref, "malformed-reference", Severity.WARNING, f"{which} {problem}")
            )
    return found


def _malformed(ref: Reference) -> str | None:
    if not ref.raw.strip():
        return "is empty"
    if not any(ch.isalpha() for ch in ref.raw):
        return "has no words: nothing can be read from it"
    if _cut_link(ref.raw):
        return "is a link cut off before its address: only the title is printed"
    if not (ref.title or ref.journal or ref.doi or ref.url or ref.pmid or ref.pmcid):
        return "could not be read: no title, journal or identifier found"
    return None


def _cut_link(raw: str) -> bool:
    """``[Title](`` and nothing after it: a Markdown link whose address was cut off."""
    link = MARKDOWN_LINK.match(raw)
    return (
        link is not None
        and not link.group("url")
        and link.end() == len(raw)
        and raw.rstrip().endswith("(")
    )
