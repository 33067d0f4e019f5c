"""Assembling a Document: load, find the reference list, parse it, find markers, cut claims, report.

This is the offline pipeline end to end; each stage lives in its own module.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

from ._exceptions import DocumentError
from ._identifiers import find_doi
from ._loading import Loaded, check_format, format_for, load_text, read_path, sniff_format
from ._markers import find_markers
from ._models import Claim, Document, Finding, Marker, Reference, Severity
from ._reflist import Entry, body_view, find_reference_section
from ._refparse import parse_reference
from ._sentences import segment

_CUT_LINK = re.compile(r"^\s*\[[^\]]+\]\(\s*$")


def parse_document(
    text: str, *, format: str = "text", name: str | None = None, path: str | None = None
) -> Document:
    """Read an article given as a string.

    ``format`` is ``"text"``, ``"markdown"`` or ``"html"`` (``"auto"`` guesses from the content).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_document() takes the article as str, not {type(text).__name__}")
    fmt = sniff_format(text) if format == "auto" else check_format(format)
    if not text.strip():
        raise DocumentError(f"{name or 'the article'!r} is empty")
    doc_name = name or "<article>"
    loaded = load_text(text, fmt)
    section = find_reference_section(loaded.text)
    entries = _number_named_footnotes(section.entries if section else ())
    references = tuple(_reference(entry, loaded, doc_name) for entry in entries)
    numbers = {r.number for r in references if r.number is not None}
    labels = {e.label: e.number for e in entries if e.label and e.number is not None}
    body = body_view(loaded.text, section)
    markers = tuple(
        dataclasses.replace(m, line=loaded.line_of(m.span.start))
        for m in find_markers(
            body, sup_spans=loaded.sup_spans, known=numbers, footnote_labels=labels
        )
    )
    by_number = {r.number: r for r in references if r.number is not None}
    claims = tuple(_claims(body, loaded, markers, by_number, doc_name))
    findings = _findings(references, markers, entries, doc_name, has_list=section is not None)
    return Document(
        name=doc_name,
        format=fmt,
        text=loaded.text,
        references=references,
        claims=claims,
        markers=markers,
        findings=findings,
        path=path,
    )


def load_document(path: str | Path, *, format: str | None = None) -> Document:
    """Read an article file. The format comes from ``format``, else the suffix, else the content."""
    text = read_path(path)
    fmt = check_format(format) if format else (format_for(path) or sniff_format(text))
    return parse_document(text, format=fmt, name=Path(path).name, path=str(path))


def _number_named_footnotes(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Named footnotes (``[^smith]``) are numbered after the numbered entries, in order."""
    taken = [e.number for e in entries if e.number is not None]
    following = max(taken, default=0) + 1
    out = []
    for entry in entries:
        if entry.label is not None and entry.number is None:
            entry = dataclasses.replace(entry, number=following)
            following += 1
        out.append(entry)
    return tuple(out)


def _reference(entry: Entry, loaded: Loaded, document: str) -> Reference:
    ref = parse_reference(entry.text, number=entry.number)
    url = ref.url
    doi = ref.doi
    for link in loaded.links:
        # HTML: a link inside the entry gives its address even when the text does not print it.
        if entry.span.start <= link.start < entry.span.end:
            found = find_doi(link.href)
            if found and not doi:
                doi = found.value
            elif not url and link.href.startswith(("http://", "https://")):
                url = link.href
    return dataclasses.replace(
        ref,
        raw=entry.text,
        number=entry.number,
        url=url,
        doi=doi,
        document=document,
        line=loaded.line_of(entry.span.start),
        span=entry.span,
    )


def _claims(
    body: str,
    loaded: Loaded,
    markers: tuple[Marker, ...],
    by_number: dict[int, Reference],
    document: str,
) -> list[Claim]:
    claims = []
    i = 0
    for seg in segment(body, markers):
        inside = []
        while i < len(markers) and markers[i].span.start < seg.span.start:
            i += 1
        j = i
        while j < len(markers) and markers[j].span.end <= seg.span.end:
            inside.append(markers[j])
            j += 1
        numbers = tuple(dict.fromkeys(n for m in inside for n in m.numbers))
        claims.append(
            Claim(
                text=loaded.text[seg.span.start : seg.span.end],
                document=document,
                span=seg.span,
                line=loaded.line_of(seg.span.start),
                kind=seg.kind,
                section=seg.section,
                markers=tuple(inside),
                numbers=numbers,
                references=tuple(by_number[n] for n in numbers if n in by_number),
            )
        )
    return claims


def _findings(
    references: tuple[Reference, ...],
    markers: tuple[Marker, ...],
    entries: tuple[Entry, ...],
    document: str,
    *,
    has_list: bool,
) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    numbered = [r for r in references if r.number is not None]
    numbers = {r.number for r in numbered}
    for marker in markers:
        for n in marker.numbers:
            if n in numbers:
                continue
            where = (
                "the reference list has no entry"
                if has_list
                else "the article has no reference list"
            )
            findings.append(
                Finding(
                    code="dangling-marker",
                    severity=Severity.ERROR,
                    message=f"Marker {marker.text.strip()!r} cites reference {n}, but {where} {n}"
                    if has_list
                    else f"Marker {marker.text.strip()!r} cites reference {n}, but {where}",
                    document=document,
                    line=marker.line,
                    span=marker.span,
                    number=n,
                )
            )
    counts = Counter(r.number for r in numbered)
    for ref in numbered:
        if counts[ref.number] > 1 and ref is next(r for r in numbered if r.number == ref.number):
            message = f"Reference number {ref.number} is used {counts[ref.number]} times"
            findings.append(Finding.about(ref, "duplicate-number", Severity.ERROR, message))
    if numbers:
        present = sorted(n for n in numbers if n is not None)
        missing = [n for n in range(1, present[-1] + 1) if n not in numbers]
        for n in missing:
            before = max((m for m in present if m < n), default=None)
            after = min(m for m in present if m > n)
            anchor = next(r for r in numbered if r.number == after)
            jump = f"jumps from {before} to {after}" if before is not None else f"starts at {after}"
            findings.append(
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
    cited = {n for m in markers for n in m.numbers}
    for ref in numbered:
        if ref.number not in cited:
            message = f"Reference {ref.number} is never cited in the text"
            findings.append(Finding.about(ref, "uncited-reference", Severity.WARNING, message))
    for ref in references:
        problem = _malformed(ref)
        if problem:
            which = f"Reference {ref.number}" if ref.number is not None else "A reference"
            findings.append(
                Finding.about(ref, "malformed-reference", Severity.WARNING, f"{which} {problem}")
            )
    findings.sort(key=lambda f: (f.line or 0, f.span.start if f.span else 0, f.code))
    return tuple(findings)


def _malformed(ref: Reference) -> str | None:
    if not ref.raw.strip():
        return "is empty"
    if not any(ch.isalpha() for ch in ref.raw):
        return "has no words: nothing can be read from it"
    if _CUT_LINK.match(ref.raw):
        return "is a link cut off before its address: only the title is printed"
    if not (ref.title or ref.journal or ref.doi or ref.url or ref.pmid or ref.pmcid):
        return "could not be read: no title, journal or identifier found"
    return None
