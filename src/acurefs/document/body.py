"""The article's body as prose: what is set aside from it, and what that leaves.

The loader sets aside what its format marks (Markdown code, comments, front matter and
tables; HTML navigation, footers, forms, code and tables); :func:`~acurefs.document.blocks.set_aside`
the lines that read as page furniture or as the article's own header. Both are blanked out
of the body (offsets and line breaks kept) before markers and claims are read, and kept in
the document as blocks. Sentences inside prose lines that are furniture all the same
(``Last reviewed: March 2022.``) are taken out of the claims afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from ..claims.markers import FOOTNOTE_MARK
from ..models import Block, Claim, Finding, Severity, Span
from .blocks import furniture_sentence, set_aside
from .loading import Loaded
from .reflist import ReferenceSection


def prose_body(
    body: str, loaded: Loaded, section: ReferenceSection | None = None
) -> tuple[str, tuple[Block, ...]]:
    """``body`` with everything that is not prose blanked out, and the blocks set aside
    (``section``: the reference lists, blanked out of ``body`` already)."""
    spans = section.spans if section else ()
    found = set_aside(
        body,
        links=[(link.start, link.end) for link in loaded.links],
        sups=loaded.sup_spans,
        after_list=max((s.end for s in spans), default=None),
        list_starts=[s.start for s in spans],
    )
    blocks = sorted((*loaded.blocks, *found), key=lambda b: b.span.start)
    return blank(body, blocks), tuple(blocks)


def blank(text: str, blocks: Iterable[Block]) -> str:
    """``text`` with each block's characters turned to spaces (line breaks kept)."""
    pieces = []
    done = 0
    for block in sorted(blocks, key=lambda b: b.span.start):
        start = max(block.span.start, done)
        if block.span.end <= start:
            continue
        pieces.append(text[done:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start : block.span.end]))
        done = block.span.end
    pieces.append(text[done:])
    return "".join(pieces)


def without_furniture(claims: Sequence[Claim]) -> tuple[list[Claim], list[Block]]:
    """The claims that are not furniture, and the ones that are as blocks (a claim that cites
    is always kept)."""
    kept: list[Claim] = []
    furniture: list[Block] = []
    for claim in claims:
        found = None if claim.markers else furniture_sentence(claim.statement)
        if found is None:
            kept.append(claim)
        else:
            kind, reason = found
            furniture.append(Block(kind, claim.span, reason))
    return kept, furniture


def undefined_footnotes(
    body: str,
    labels: Mapping[str, int],
    *,
    document: str,
    line_of: Callable[[int], int],
) -> tuple[Finding, ...]:
    """``[^knee]`` in the body with no ``[^knee]:`` definition: a marker that cites nothing."""
    found = []
    for match in FOOTNOTE_MARK.finditer(body):
        label = match.group("label")
        if label.isdigit() or label in labels:
            continue
        found.append(
            Finding(
                code="dangling-marker",
                severity=Severity.ERROR,
                message=f"Footnote {match.group()!r} has no definition: it cites nothing",
                document=document,
                line=line_of(match.start()),
                span=Span(match.start(), match.end()),
            )
        )
    return tuple(found)


def body_view(text: str, section: ReferenceSection | None) -> str:
    """``text`` with the reference list blanked out (offsets and line breaks kept)."""
    if section is None:
        return text
    pieces = []
    done = 0  # text before this offset is in ``pieces``
    for span in sorted(section.spans, key=lambda s: s.start):
        start = max(span.start, done)
        if span.end <= start:
            continue  # inside a span already blanked
        pieces.append(text[done:start])
        pieces.append("\n".join(" " * len(line) for line in text[start : span.end].split("\n")))
        done = span.end
    pieces.append(text[done:])
    return "".join(pieces)
