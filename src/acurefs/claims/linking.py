"""Claims: each segment of the body with the markers inside it and the references they cite."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from ..models import Claim, Marker, Reference, Span
from .sentences import segment


def claims_of(
    body: str,
    text: str,
    markers: Sequence[Marker],
    references: Mapping[tuple[int, int], Reference],
    *,
    document: str,
    line_of: Callable[[int], int],
) -> list[Claim]:
    """The claims of a body (``text`` with the reference list blanked out), in order.

    ``markers`` are the body's markers in order; ``references`` the reference lists by
    (list, number) (:attr:`Reference.group`; 0 for an article's only list); ``line_of``
    gives the source line of a text offset.
    """
    claims = []
    cites: dict[tuple[int, tuple[int, ...]], tuple[tuple[int, ...], tuple[Reference, ...]]] = {}
    i = 0
    for seg in segment(body, tuple(markers)):
        while i < len(markers) and markers[i].span.start < seg.span.start:
            i += 1
        j = i
        while j < len(markers) and markers[j].span.end <= seg.span.end:
            j += 1
        inside = tuple(
            dataclasses.replace(marker, supports=span)
            for marker, span in zip(
                markers[i:j], supported_spans(seg.span, markers[i:j]), strict=True
            )
        )
        numbers = tuple(dict.fromkeys(n for m in inside for n in m.numbers))
        group = inside[0].group if inside else 0
        if (group, numbers) not in cites:
            # Claims citing the same numbers share the tuples: a long article repeats them.
            cited = tuple(references[(group, n)] for n in numbers if (group, n) in references)
            cites[(group, numbers)] = (numbers, cited)
        numbers, cited = cites[(group, numbers)]
        claims.append(
            Claim(
                text=text[seg.span.start : seg.span.end],
                document=document,
                span=seg.span,
                line=line_of(seg.span.start),
                kind=seg.kind,
                section=seg.section,
                markers=inside,
                numbers=numbers,
                references=cited,
            )
        )
    return claims


def supported_spans(claim_span: Span, markers: Sequence[Marker]) -> list[Span]:
    """The stretch each marker backs: from the end of the marker before it (or the claim's
    start) to its own start. A marker that opens the claim backs the text after it, up to
    the next marker."""
    spans = []
    start = claim_span.start
    for i, marker in enumerate(markers):
        end = marker.span.start
        if end <= start:  # a leading marker: it backs what follows
            following = markers[i + 1].span.start if i + 1 < len(markers) else claim_span.end
            spans.append(Span(marker.span.end, max(marker.span.end, following)))
        else:
            spans.append(Span(start, end))
        start = max(start, marker.span.end)
    return spans
