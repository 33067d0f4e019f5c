"""Claims: each segment of the body with the markers inside it and the references they cite."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..models import Claim, Marker, Reference
from .sentences import segment


def claims_of(
    body: str,
    text: str,
    markers: Sequence[Marker],
    references: Mapping[int, Reference],
    *,
    document: str,
    line_of: Callable[[int], int],
) -> list[Claim]:
    """The claims of a body (``text`` with the reference list blanked out), in order.

    ``markers`` are the body's markers in order; ``references`` the reference list by
    number; ``line_of`` gives the source line of a text offset.
    """
    claims = []
    cites: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[Reference, ...]]] = {}
    i = 0
    for seg in segment(body, tuple(markers)):
        while i < len(markers) and markers[i].span.start < seg.span.start:
            i += 1
        j = i
        while j < len(markers) and markers[j].span.end <= seg.span.end:
            j += 1
        inside = tuple(markers[i:j])
        numbers = tuple(dict.fromkeys(n for m in inside for n in m.numbers))
        if numbers not in cites:
            # Claims citing the same numbers share the tuples: a long article repeats them.
            cited = tuple(references[n] for n in numbers if n in references)
            cites[numbers] = (numbers, cited)
        numbers, cited = cites[numbers]
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
