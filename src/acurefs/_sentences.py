"""Cutting an article's body into claims: sentences, list items and headings, with spans.

Articles copied from the web put one paragraph on a line; text wrapped at a
fixed width puts a paragraph on several. :func:`segment` tells the two apart and
splits paragraphs into sentences, keeping a sentence's trailing citation markers
(``alone.4``, ``... care. [5][6]``) with the sentence they close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._models import Marker, Span

_BULLET = re.compile(
    r"^[ \t]*(?:[-*+•‣◦▪●○–][ \t]+|\d{1,3}[.)][ \t]+|\(\d{1,3}\)[ \t]+|[a-z][.)][ \t]+)"
)
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*")
_SENTENCE_START = re.compile(r"[\s]+(?=[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ¿¡])")
_ABBREVIATIONS = frozenset(
    """e.g i.e etc vs al fig figs dr mr mrs ms prof st no nos vol approx ca cf jr sr inc ltd co
    dept univ est u.s u.k e.u a.m p.m ph.d m.d b.sc m.sc jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
_RULE = re.compile(r"^[ \t]*(?:[=]{3,}|[-]{3,}|[*]{3,}|[_]{3,}|(?:[*_-][ \t]*){3,})[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of body text that becomes one claim."""

    span: Span
    kind: str
    section: str | None


def segment(text: str, markers: tuple[Marker, ...] = ()) -> tuple[Segment, ...]:
    """Cut ``text`` (the body, reference list blanked out) into claim segments."""
    lines = _lines(text)
    wrapped = _is_wrapped([t for _, t in lines])
    marker_at = {m.span.start: m.span.end for m in markers}
    segments: list[Segment] = []
    section: str | None = None
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal section
        if not paragraph:
            return
        start = paragraph[0][0]
        end = paragraph[-1][0] + len(paragraph[-1][1].rstrip())
        start += len(paragraph[0][1]) - len(paragraph[0][1].lstrip())
        paragraph.clear()
        if _is_heading(text[start:end], start, end, marker_at):
            segments.append(Segment(Span(start, end), "heading", section))
            section = " ".join(text[start:end].split())
            return
        for span in _sentences(text, start, end, marker_at):
            segments.append(Segment(span, "sentence", section))

    for offset, line in lines:
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if _RULE.match(line) or _TABLE_RULE.match(line):
            if stripped[0] in "=-" and len(paragraph) == 1:
                # A Setext underline: the line above is a heading.
                first_offset, first_line = paragraph[0]
                paragraph.clear()
                start = first_offset + len(first_line) - len(first_line.lstrip())
                end = first_offset + len(first_line.rstrip())
                segments.append(Segment(Span(start, end), "heading", section))
                section = " ".join(text[start:end].split())
            else:
                flush()
            continue
        heading = _MD_HEADING.match(line)
        bullet = _BULLET.match(line)
        if heading:
            flush()
            start = offset + heading.end()
            end = offset + len(line.rstrip())
            if end > start:
                segments.append(Segment(Span(start, end), "heading", section))
                section = text[start:end].strip().strip("#").strip()
            continue
        if bullet:
            flush()
            start = offset + bullet.end()
            end = offset + len(line.rstrip())
            if end > start:
                segments.append(Segment(Span(start, end), "list-item", section))
            continue
        if (
            segments
            and segments[-1].kind == "list-item"
            and wrapped
            and line[:1] in " \t"
            and not paragraph
        ):
            # A wrapped list item continues on an indented line.
            last = segments[-1]
            segments[-1] = Segment(
                Span(last.span.start, offset + len(line.rstrip())), last.kind, last.section
            )
            continue
        paragraph.append((offset, line))
        if not wrapped:
            flush()
    flush()
    return tuple(segments)


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _is_wrapped(lines: list[str]) -> bool:
    """Whether the text is hard-wrapped at a fixed width (paragraphs span several lines)."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return False
    longest = lengths[int(len(lengths) * 0.95) - 1 if len(lengths) >= 20 else -1]
    long_lines = sum(1 for n in lengths if n >= 50)
    return longest <= 100 and long_lines >= max(3, len(lengths) // 3)


def _is_heading(chunk: str, start: int, end: int, marker_at: dict[int, int]) -> bool:
    words = chunk.split()
    if not words or len(words) > 12 or "\n" in chunk.strip():
        return False
    if chunk.rstrip()[-1] in '.!?:;,"”…':
        return False
    return not any(start <= s < end for s in marker_at)


def _sentences(text: str, start: int, end: int, marker_at: dict[int, int]) -> list[Span]:
    spans = []
    sentence_start = start
    pos = start
    while pos < end:
        match = _BOUNDARY.search(text, pos, end)
        if match is None:
            break
        cut = match.end()
        # Markers closing the sentence stay with it: "alone.4", "care. [5][6]".
        while True:
            gap = len(text[cut:end]) - len(text[cut:end].lstrip(" \t\xa0\u202f"))
            nxt = cut + gap
            if cut in marker_at:
                cut = marker_at[cut]
            elif gap and nxt in marker_at and _closing_marker(text, marker_at, nxt, end):
                cut = marker_at[nxt]
            else:
                break
            trailing = _BOUNDARY.match(text, cut, end)  # "...care [4]." punctuation after markers
            if trailing:
                cut = trailing.end()
        pos = max(cut, match.end())
        if cut >= end:
            break
        if not _SENTENCE_START.match(text, cut, end):
            continue
        if match.group(0)[0] == "." and _abbreviation(text, sentence_start, match.start()):
            continue
        spans.append(_trim(text, sentence_start, cut))
        sentence_start = cut
    spans.append(_trim(text, sentence_start, end))
    return [s for s in spans if s.end > s.start]


def _closing_marker(text: str, marker_at: dict[int, int], at: int, end: int) -> bool:
    """A marker after "sentence. " closes that sentence unless a new sentence clearly starts it."""
    return text[at] in "[(¹²³⁴⁵⁶⁷⁸⁹⁰" or text[at].isdigit()


def _abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    word = _WORD_BEFORE.search(text, sentence_start, dot)
    if word is None:
        return False
    token = word.group(1).lower().strip(".")
    if token in _ABBREVIATIONS:
        return True
    # A single capital initial ("J. Smith"), but not a sentence ending in a one-letter word like "I".
    return len(token) == 1 and text[dot - 1].isupper() and token != "i"


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
