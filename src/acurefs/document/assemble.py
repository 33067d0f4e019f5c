"""Assembling a Document: load, find the reference list, parse it, find markers, cut claims, report.

This is the offline pipeline end to end; each step lives in its own module.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from ..claims.audit import assessed
from ..claims.linking import claims_of
from ..claims.markers import FOOTNOTE_MARK, find_markers
from ..errors import DocumentError
from ..identifiers import find_doi
from ..models import Block, Document, Finding, Marker, Reference, Span
from ..reference.parse import parse_reference
from .body import body_view, prose_body, undefined_footnotes, without_furniture
from .entries import Entry
from .findings import structural_findings
from .loading import Link, Loaded, check_format, format_for, load_text, read_path, sniff_format
from .reflist import ReferenceSection, find_reference_section
from .unnumbered import reads_like_a_reference


def parse_document(
    text: str, *, format: str | None = "text", name: str | None = None, path: str | None = None
) -> Document:
    """Read an article given as a string.

    ``format`` is ``"text"``, ``"markdown"`` or ``"html"``; ``"auto"`` or None guesses it
    from the content.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_document() takes the article as str, not {type(text).__name__}")
    if format is not None and not isinstance(format, str):
        raise TypeError(
            f"parse_document() takes format as str or None, not {type(format).__name__}"
        )
    fmt = sniff_format(text) if format in (None, "auto") else check_format(format)
    if not text.strip():
        raise DocumentError(f"{name or 'the article'!r} is empty")
    doc_name = name or "<article>"
    loaded = load_text(text, fmt)
    source = loaded.body if loaded.body is not None else loaded.text
    section = find_reference_section(source)
    entries = _numbered(section.entries if section else (), source, loaded)
    references = _references(entries, section, loaded, doc_name)
    labels = {e.label: e.number for e in entries if e.label and e.number is not None}
    body, blocks = prose_body(body_view(source, section), loaded, section)
    markers = grouped_markers(body, loaded, section, references, labels)
    by_key = {(r.group, r.number): r for r in references if r.number is not None}
    claims, furniture = without_furniture(
        claims_of(body, body, markers, by_key, document=doc_name, line_of=loaded.line_of)
    )
    claims = [assessed(c) for c in claims]
    placed = {m.span: m for c in claims for m in c.markers}  # with the stretch each one backs
    markers = tuple(placed.get(m.span, m) for m in markers)
    findings = _per_list(references, markers, document=doc_name, has_list=section is not None)
    findings.extend(undefined_footnotes(body, labels, document=doc_name, line_of=loaded.line_of))
    findings.extend(f for c in claims for f in c.findings)
    return Document(
        name=doc_name,
        format=fmt,
        text=loaded.text,
        references=references,
        claims=tuple(claims),
        markers=markers,
        findings=tuple(sorted(findings, key=_reading_order)),
        path=path,
        blocks=_located((*blocks, *furniture), loaded),
    )


def _per_list(
    references: Sequence[Reference], markers: Sequence[Marker], *, document: str, has_list: bool
) -> list[Finding]:
    """The structural findings of each reference list with the markers that point into it,
    grouped in one pass each (an article may have a list per section)."""
    refs_of: dict[int, list[Reference]] = {0: []}
    for ref in references:
        refs_of.setdefault(ref.group, []).append(ref)
    markers_of: dict[int, list[Marker]] = {}
    for marker in markers:
        markers_of.setdefault(marker.group, []).append(marker)
    findings: list[Finding] = []
    for group in sorted(refs_of):
        findings.extend(
            structural_findings(
                refs_of[group], markers_of.get(group, []), document=document, has_list=has_list
            )
        )
    return findings


def _references(
    entries: Sequence[Entry], section: ReferenceSection | None, loaded: Loaded, document: str
) -> tuple[Reference, ...]:
    """The entries parsed, each with the links inside it and the list it belongs to."""
    group_of = {
        e.span.start: g
        for g, (_, listed) in enumerate(section.lists if section else ())
        for e in listed
    }
    links = _links_within(loaded.links, [entry.span for entry in entries])
    return tuple(
        dataclasses.replace(
            _reference(entry, inside, loaded, document), group=group_of.get(entry.span.start, 0)
        )
        for entry, inside in zip(entries, links, strict=True)
    )


def grouped_markers(
    body: str,
    loaded: Loaded,
    section: ReferenceSection | None,
    references: Sequence[Reference],
    labels: dict[str, int],
) -> tuple[Marker, ...]:
    """The body's markers, each read against the reference list of its own section: an
    article with a list per section has its markers decoded section by section."""
    lists = section.lists if section else ()
    scopes = [(0, len(body))]
    if len(lists) > 1:
        ends = [span.end for span, _ in lists]
        starts = [span.start for span, _ in lists]
        scopes = [
            (ends[g - 1] if g else 0, starts[g] if g + 1 < len(lists) else len(body))
            for g in range(len(lists))
        ]
    sups = sorted(s for s in loaded.sup_spans if body[s[0] : s[1]].strip())
    known: dict[int, set[int]] = {}
    for ref in references:
        if ref.number is not None:
            known.setdefault(ref.group, set()).add(ref.number)
    out: list[Marker] = []
    for group, (start, end) in enumerate(scopes):
        inside = sups[bisect.bisect_left(sups, (start, 0)) : bisect.bisect_left(sups, (end, 0))]
        found = find_markers(
            body[start:end],
            sup_spans=[(a - start, b - start) for a, b in inside],
            known=known.get(group, set()),
            footnote_labels=labels if group == 0 else {},
            line_of=_shifted(loaded.line_of, start),
        )
        if start == 0 and group == 0:
            out.extend(found)  # one list: the markers stand where they were found
            continue
        out.extend(
            dataclasses.replace(m, span=Span(m.span.start + start, m.span.end + start), group=group)
            for m in found
        )
    return tuple(out)


def _shifted(line_of: Callable[[int], int], start: int) -> Callable[[int], int]:
    """``line_of`` for offsets counted from ``start``."""
    return lambda offset: line_of(offset + start)


def _reading_order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line or 0, finding.span.start if finding.span else 0, finding.code)


def _located(blocks: Sequence[Block], loaded: Loaded) -> tuple[Block, ...]:
    """The set-aside blocks in reading order, each with its line."""
    return tuple(
        dataclasses.replace(b, line=loaded.line_of(b.span.start))
        for b in sorted(blocks, key=lambda b: b.span.start)
    )


@dataclasses.dataclass(frozen=True, slots=True)
class ArticleText:
    """An article read but not yet parsed: its text, its format and what to call it (it
    travels to where it is parsed: a Dask worker, :func:`acurefs.resolve.distributed.parse_on_cluster`)."""

    text: str
    format: str
    name: str
    path: str | None = None

    def parse(self) -> Document:
        return parse_document(self.text, format=self.format, name=self.name, path=self.path)


def read_article(
    path: str | Path, *, format: str | None = None, name: str | None = None
) -> ArticleText:
    """An article file read, not yet parsed. The format comes from ``format``, else the
    suffix, else the content; the name is the file's unless ``name`` is given."""
    text = read_path(path)
    fmt = check_format(format) if format else (format_for(path) or sniff_format(text))
    return ArticleText(text, fmt, name or Path(path).name, str(path))


def load_document(path: str | Path, *, format: str | None = None) -> Document:
    """Read an article file. The format comes from ``format``, else the suffix, else the content."""
    return read_article(path, format=format).parse()


_STRONG_MARKER = re.compile(
    r"\[\d{1,3}(?:[,–-]\s*\d{1,3})*\]|\(\d{1,3}[ \t]*Trusted[ \t]+Source|\^\d{1,3}(?:[,–-]\d{1,3})*\^"
)
"""Markers no prose number looks like: the body cites by number."""


def _numbered(entries: tuple[Entry, ...], source: str, loaded: Loaded) -> tuple[Entry, ...]:
    """The entries with numbers where the list prints none: named footnotes after the
    numbered entries; and an unnumbered list whose body cites by number (a health site's
    "Sources" with ``(3Trusted Source)`` in the text) numbered in order, counting only the
    entries that read like references (not "Share this article")."""
    entries = _number_named_footnotes(_footnotes_in_citing_order(entries, source))
    if not entries or any(e.number is not None or e.label for e in entries):
        return entries
    cites = itertools.islice(_STRONG_MARKER.finditer(source), 2)
    if len(loaded.sup_spans) + sum(1 for _ in cites) < 2:
        return entries
    out, number = [], 0
    for entry in entries:
        if reads_like_a_reference(entry.text):
            number += 1
            entry = dataclasses.replace(entry, number=number)
        out.append(entry)
    return tuple(out)


def _footnotes_in_citing_order(entries: tuple[Entry, ...], source: str) -> tuple[Entry, ...]:
    """A list made only of Markdown footnotes is numbered as renderers number it: by the order
    in which the body first cites each (``[^3]`` cited first is note 1); notes never cited
    follow, in the order they are defined."""
    if not entries or any(e.label is None for e in entries):
        return entries
    defined = {e.label for e in entries}
    order: dict[str, int] = {}
    for match in FOOTNOTE_MARK.finditer(source):
        label = match.group("label")
        if label in defined and label not in order:
            order[label] = len(order) + 1
    for entry in entries:
        if entry.label not in order:
            order[str(entry.label)] = len(order) + 1
    return tuple(dataclasses.replace(e, number=order[str(e.label)]) for e in entries)


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


def _links_within(links: Sequence[Link], spans: Sequence[Span]) -> list[list[Link]]:
    """For each span, the links that start inside it, in the loader's order.

    A bisection per span: looking at every link for every entry was quadratic in a long list.
    """
    order = sorted(range(len(links)), key=lambda k: links[k].start)
    starts = [links[k].start for k in order]
    within = []
    for span in spans:
        picked = order[
            bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)
        ]
        within.append([links[k] for k in sorted(picked)])
    return within


def _reference(entry: Entry, links: Sequence[Link], loaded: Loaded, document: str) -> Reference:
    ref = parse_reference(entry.text, number=entry.number)
    url = ref.url
    doi = ref.doi
    for link in links:
        # HTML: a link inside the entry gives its address even when the text does not print it.
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
