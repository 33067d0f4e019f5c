"""Cutting an article's body into claims: sentences, list items and headings, with spans.

Articles copied from the web put one paragraph on a line; text wrapped at a
fixed width puts a paragraph on several. :func:`segment` tells the two apart and
splits paragraphs into sentences, keeping a sentence's trailing citation markers
(``alone.4``, ``... care. [5][6]``) with the sentence they close.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import ClaimKind, Marker, Span

_BULLET = re.compile(
    r"^[ \t]*(?:[-*+•‣◦▪●○–][ \t]+|\d{1,3}[.)][ \t]+|\(\d{1,3}\)[ \t]+|[a-z][.)][ \t]+)"
)
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_BOUNDARY = re.compile(
    r"[.!?…]+[\"”’')\]]*|[\U0001F300-\U0001FAFF\u2600-\u27BF]+(?=\s+[A-Z][a-z]+\s+[a-z])"
)
"""A sentence's end: its stop, or an emoji closing it in a caption (``(4) 🤯 Spreading``)."""
_PAGE_AFTER_MARKER = re.compile(r":[ \t\xa0]?(?:pp?\.[ \t]?)?\d{1,5}(?:[-–]\d{1,5})?(?=\s)")
"""The page a wiki's marker cites (``delicacy.[5]: 957 Museum``): the marker's, not a sentence."""
_LETTERED_NOTE = re.compile(r"[ \t]?\[(?:[a-z]|note[ \t]\d{1,3})\](?=\s)")
"""A wiki's lettered note after a marker (``(ICSD-3).[3]: 240 [a] Pain``): it closes the
sentence with the marker."""
_SENTENCE_START = re.compile(r"[\s]+(?=[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ¿¡])")
_LOWER_START = re.compile(r"[ \t]+[a-z][a-z'’]+\s")
_ABBREVIATIONS = frozenset(
    """e.g i.e etc vs al fig figs dr mr mrs ms prof st no nos vol approx ca cf jr sr inc ltd co
    dept univ est u.s u.k e.u a.m p.m ph.d m.d b.sc m.sc jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
WRAPPED_SHARE = 0.7
"""A line this share of the column's width or more is a full line of a wrapped paragraph."""
NARROW_LINES = 8
"""Full lines a narrow column needs before it is read as wrapped."""
_OPEN_END = re.compile(r"(?<![A-Z])[a-z]{1,20}[,-]?$|[,;]$")
"""A line that stops after a word in lower case, its comma or half of it (``speeds up
accli-``, a word broken at the line's end): a sentence going on."""
_NUMBER_END = re.compile(r"(?<![A-Za-z])[a-z]{2,20}[ \t]+\d[\d.,]*(?:[-–]\d[\d.,]*)?%?$")
"""A line that stops on a number after a word in lower case (``at least 18``)."""
FULL_LINE = 60
"""Characters of a line stopped mid-sentence that make it a full line of a wrapped paragraph
(not a heading): the line after it goes on with it even when it opens with a capital."""
OPEN_PART = 40
"""Characters the last, unfinished sentence of such a line needs (``... score. View this email
in your browser`` is a short phrase after a sentence, not a wrapped one)."""
OPEN_WORDS = 4
"""Words a line needs before its open end is read as a sentence going on (not a label)."""
_RULE = re.compile(r"^[ \t]*(?:[=]{3,}|[-]{3,}|[*]{3,}|[_]{3,}|(?:[*_-][ \t]*){3,})[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of body text that becomes one claim."""

    span: Span
    kind: ClaimKind
    section: str | None


def segment(text: str, markers: tuple[Marker, ...] = ()) -> tuple[Segment, ...]:
    """Cut ``text`` (the body, reference list blanked out) into claim segments."""
    lines = _lines(text)
    segmenter = _Segmenter(text, {m.span.start: m.span.end for m in markers})
    wrapped = is_wrapped([t for _, t in lines])
    width = _width([t for _, t in lines]) if wrapped else 0
    for (offset, line), (_, after) in itertools.pairwise([*lines, (len(text), "")]):
        ends = not segmenter.paragraph or (segmenter.held and not line.lstrip()[:1].islower())
        if width and ends and _heads_paragraph(line, after, width):
            segmenter.flush()
            segmenter.titled(offset, line)
            continue
        segmenter.line(offset, line, wrapped=wrapped)
    segmenter.flush()
    return tuple(_items_by_sentence(text, segmenter))


def _items_by_sentence(text: str, segmenter: _Segmenter) -> list[Segment]:
    """Each sentence of a list item is a claim of its own when two or more of them cite
    (``2. Your heart. A review of 34 studies found ...2 Research also links it with
    diabetes.1``), as in a paragraph; an item whose one marker closes it stays whole
    (``Breathless at rest, or confused? Descend now and get help.1,4``)."""
    out: list[Segment] = []
    for seg in segmenter.segments:
        if seg.kind is ClaimKind.LIST_ITEM:
            spans = _sentences(
                text, seg.span.start, seg.span.end, segmenter.marker_at, segmenter.marker_starts
            )
            starts = segmenter.marker_starts
            if sum(_has_marker(starts, s.start, s.end) for s in spans) >= 2:  # cite apart
                out.extend(Segment(span, seg.kind, seg.section) for span in spans)
                continue
        out.append(seg)
    return out


class _Segmenter:
    """Reads a body line by line into headings, list items and the sentences of paragraphs."""

    def __init__(self, text: str, marker_at: dict[int, int]) -> None:
        self.text = text
        self.marker_at = marker_at
        self.marker_starts = sorted(marker_at)
        self.marker_before = {end: start for start, end in marker_at.items()}
        self.segments: list[Segment] = []
        self.section: str | None = None
        self.paragraph: list[tuple[int, str]] = []
        self.held = False
        """The paragraph stopped mid-sentence: the next line goes on with it if it opens in
        lower case."""
        self.gap = False
        """A blank line came after the line that stopped mid-sentence."""
        self.on_a_number = False
        """The held paragraph stopped on a number: only a line in lower case goes on with it."""

    def line(self, offset: int, line: str, *, wrapped: bool) -> None:
        """Take one line: it ends, continues or opens a paragraph, or is a heading or item."""
        stripped = line.strip()
        if self.held and stripped:
            on_a_number, self.held, self.on_a_number = self.on_a_number, False, False
            opens_with_marker = offset + len(line) - len(line.lstrip()) in self.marker_at
            goes_on = (
                stripped[0].islower()
                or opens_with_marker  # "... on a one-leg landing" / "[1].": its marker wrapped
                or (self._next_line(line) and not self.gap and not on_a_number)
            )
            if not goes_on:
                self.flush()  # the open line did not go on here after all
        if not stripped:
            self.gap = self.held  # a blank line after a line stopped mid-sentence
            self._hold_or_flush()
        elif _RULE.match(line) or _TABLE_RULE.match(line):
            self._rule(stripped)
        elif heading := _MD_HEADING.match(line):
            self.flush()
            self._heading(offset + heading.end(), offset + len(line.rstrip()))
        elif bullet := _BULLET.match(line):
            self.flush()
            self._item(offset + bullet.end(), offset + len(line.rstrip()))
        elif ((wrapped and line[:1] in " \t") or stripped[0].islower()) and self._continues_item(
            offset
        ):
            # A wrapped list item continues on an indented line, or on a line that opens in
            # the middle of a sentence (a PDF's bullet: "not always" / "completely.12").
            last = self.segments[-1]
            span = Span(last.span.start, offset + len(line.rstrip()))
            self.segments[-1] = Segment(span, last.kind, last.section)
        else:
            offset, line = self._after_a_wrapped_marker(offset, line)
            if line.strip():  # nothing left after a marker the sentence before took
                self.paragraph.append((offset, line))
                if not wrapped:
                    self._hold_or_flush()

    def _after_a_wrapped_marker(self, offset: int, line: str) -> tuple[int, str]:
        """A marker opening a line, right below a sentence that ended on the line before
        (``... and lifestyle.`` / ``2 A large review also ...``), is that sentence's: it
        joins the sentence, and the line goes on after it."""
        start = offset + len(line) - len(line.lstrip())
        end = self.marker_at.get(start)
        if end is None or self.paragraph or not self.segments:
            return offset, line
        last = self.segments[-1]
        between = self.text[last.span.end : start]
        if last.kind is not ClaimKind.SENTENCE or between.strip() or between.count("\n") != 1:
            return offset, line
        if self.text[last.span.end - 1 : last.span.end] not in (".", "!", "?"):
            return offset, line
        self.segments[-1] = Segment(Span(last.span.start, end), last.kind, last.section)
        return end, self.text[end : offset + len(line)]

    def _next_line(self, line: str) -> bool:
        """A line right below one stopped mid-sentence that goes on with it though it opens
        with a digit or a capital: "... in adults aged" / "50 and over in ...", a full line
        "... the WHO Surgical Safety" / "Checklist, whose ..." (not a list item)."""
        stripped = line.strip()
        full = bool(self.paragraph) and _full_line(self.paragraph[-1][1])
        return (
            stripped[0].isdigit() or (full and len(stripped) >= FULL_LINE // 2)
        ) and not _BULLET.match(line)

    def _hold_or_flush(self) -> None:
        """At a paragraph's end: hold it open when it stops mid-sentence, else end it. It
        stops mid-sentence after a word in lower case (``... over a``: a page's foot or a blank
        line cut it, and a line opening in lower case goes on with it; a wrapped line's end
        too), or on a number after one (``... and at least 18`` / ``hours after ...``, ``... by
        around 4-5%`` / ``in low- and ...``: only a line in lower case goes on with it)."""
        words = sum(len(line.split()) for _, line in self.paragraph[-OPEN_WORDS:])
        if not self.paragraph or words < OPEN_WORDS:
            self.flush()
        elif _OPEN_END.search(self._last_words()):
            self.held = True
        elif _NUMBER_END.search(self.paragraph[-1][1].rstrip()):
            self.held = self.on_a_number = True
        else:
            self.flush()

    def _last_words(self) -> str:
        """The paragraph's last line, without a marker that ends it (``... in the United
        States3`` / ``and are ...``)."""
        offset, last = self.paragraph[-1][0], self.paragraph[-1][1].rstrip()
        if (start := self.marker_before.get(offset + len(last))) is not None and start > offset:
            last = last[: start - offset].rstrip()
        return last

    def flush(self) -> None:
        """End the paragraph being read: a heading, or its sentences."""
        self.held = self.on_a_number = False
        if not self.paragraph:
            return
        first_offset, first_line = self.paragraph[0]
        last_offset, last_line = self.paragraph[-1]
        start = first_offset + len(first_line) - len(first_line.lstrip())
        end = last_offset + len(last_line.rstrip())
        self.paragraph.clear()
        if _is_heading(self.text[start:end], start, end, self.marker_starts):
            self._heading(start, end)
            return
        for span in _sentences(self.text, start, end, self.marker_at, self.marker_starts):
            self.segments.append(Segment(span, ClaimKind.SENTENCE, self.section))

    def titled(self, offset: int, line: str) -> None:
        """A heading right above its paragraph, with no blank line between."""
        start = offset + len(line) - len(line.lstrip())
        end = offset + len(line.rstrip())
        if _is_heading(self.text[start:end], start, end, self.marker_starts):
            self._heading(start, end)
        else:
            self.line(offset, line, wrapped=True)

    def _rule(self, stripped: str) -> None:
        """A horizontal rule or table rule; under a single line, a Setext heading's underline."""
        if stripped[0] in "=-" and len(self.paragraph) == 1:
            offset, line = self.paragraph[0]
            self.paragraph.clear()
            start = offset + len(line) - len(line.lstrip())
            self._heading(start, offset + len(line.rstrip()))
        else:
            self.flush()

    def _heading(self, start: int, end: int) -> None:
        if end <= start:
            return
        self.segments.append(Segment(Span(start, end), ClaimKind.HEADING, self.section))
        self.section = " ".join(self.text[start:end].split()).strip("#").strip() or None

    def _item(self, start: int, end: int) -> None:
        """A list item; bullets inside its line (a slide's ``... stomach². • Bacteria ...``,
        copied from a deck) part it into items of their own."""
        for bullet in _INLINE_BULLET.finditer(self.text, start, end):
            if bullet.start() > start:
                self.segments.append(
                    Segment(Span(start, bullet.start()), ClaimKind.LIST_ITEM, self.section)
                )
            start = bullet.end()
        if end > start:
            self.segments.append(Segment(Span(start, end), ClaimKind.LIST_ITEM, self.section))

    def _continues_item(self, offset: int) -> bool:
        """Whether the line at ``offset`` comes right after a list item (no blank line)."""
        if self.paragraph or not self.segments:
            return False
        last = self.segments[-1]
        between = self.text[last.span.end : offset]
        return last.kind is ClaimKind.LIST_ITEM and between.count("\n") == 1


_INLINE_BULLET = re.compile(r"[ \t]+[•▪●◦‣][ \t]+")
"""A bullet inside a line: a slide's points run together by a copy."""


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _width(lines: list[str]) -> int:
    """The column's width: its longest lines, an odd longer one (a URL, a table) aside."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return 0
    return lengths[int(len(lengths) * 0.95) - 1 if len(lengths) >= 20 else -1]


def _full_line(line: str) -> bool:
    """A full line of prose stopped mid-sentence: long, and not a title in capitals
    (``After the Weight Comes Off - Obesity Drugs as Long-Term Therapy``)."""
    words = line.split()
    capitals = sum(1 for w in words if w[:1].isupper())
    open_part = re.split(r"[.!?]\s+", line.strip())[-1]  # what the last sentence has so far
    return (
        len(line.strip()) >= FULL_LINE and len(open_part) >= OPEN_PART and capitals * 2 < len(words)
    )


def _heads_paragraph(line: str, after: str, width: int) -> bool:
    """In hard-wrapped text, a short line with no closing punctuation right above a line
    that opens with a capital is a heading (``Medication`` / ``The prescription medicine
    ...``): a wrapped paragraph's only short line is its last."""
    text, following = line.strip(), after.strip()
    return (
        bool(text and following)
        and len(line.rstrip()) < WRAPPED_SHARE * width
        and text[-1] not in '.!?:;,"”…-'
        and (following[0].isupper() or following[0] in "\"“‘'(")
        and not _BULLET.match(line)
        and not _MD_HEADING.match(line)
        and not text.startswith(("|", ">"))
    )


def is_wrapped(lines: list[str]) -> bool:
    """Whether the text is hard-wrapped at a fixed width (paragraphs span several lines)."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return False
    longest = _width(lines)
    long_lines = sum(1 for n in lengths if n >= 50)
    if longest > 100:
        return False
    return long_lines >= max(3, len(lengths) // 3) or _narrow_columns(lines, longest)


def _narrow_columns(lines: list[str], longest: int) -> bool:
    """A narrow column (a poster's, a leaflet's): most of its full lines run on into the next
    line mid-sentence, where a page with a paragraph on each line ends them with a stop."""
    full = run_on = 0
    for line, after in itertools.pairwise(lines):
        text = line.rstrip()
        if len(text) < WRAPPED_SHARE * longest or not after.strip() or _BULLET.match(line):
            continue
        full += 1
        run_on += not text.endswith((".", "!", "?", ":", ";"))
    return full >= NARROW_LINES and run_on * 2 > full


def _is_heading(chunk: str, start: int, end: int, marker_starts: list[int]) -> bool:
    """A short line with no closing punctuation and no marker (``marker_starts`` sorted)."""
    words = chunk.split(maxsplit=12)  # 13 parts mean more than 12 words; no need to split them all
    if not words or len(words) > 12 or "\n" in chunk.strip():
        return False
    if chunk.rstrip()[-1] in '.!?:;,"”…':
        return False
    return not _has_marker(marker_starts, start, end)


def _has_marker(marker_starts: list[int], start: int, end: int) -> bool:
    """Whether a marker starts in ``[start, end)`` (``marker_starts`` sorted)."""
    i = bisect.bisect_left(marker_starts, start)
    return i < len(marker_starts) and marker_starts[i] < end


def _sentences(
    text: str, start: int, end: int, marker_at: dict[int, int], starts: Sequence[int] = ()
) -> list[Span]:
    """The sentences of one paragraph; ``starts`` are the markers' starts, sorted (a stop
    inside a marker, ``[3, pp. 2-4]``, ends nothing)."""
    spans = []
    sentence_start = start
    pos = start
    while pos < end:
        match = _BOUNDARY.search(text, pos, end)
        if match is None:
            break
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside >= 0 and marker_at[starts[inside]] > match.start():
            pos = marker_at[starts[inside]]
            continue
        cut = match.end()
        # Markers closing the sentence stay with it: "alone.4", "care. [5][6]".
        while True:
            nxt = cut  # spaces before a set-off marker, counted in place (no copy of the rest)
            while nxt < end and text[nxt] in " \t\xa0\u202f\n":  # a wrapped line may come first
                nxt += 1
            if cut in marker_at:
                cut = marker_at[cut]
                page = _PAGE_AFTER_MARKER.match(text, cut, end)
                cut = page.end() if page else cut
                note = _LETTERED_NOTE.match(text, cut, end)
                cut = note.end() if note else cut
            elif nxt > cut and nxt in marker_at and _opens_like_a_marker(text[nxt]):
                cut = marker_at[nxt]
            elif text[cut : cut + 1] in (",", ";") and cut + 1 in marker_at:
                cut = marker_at[cut + 1]  # "risks.[8](#ref-8),[9](#ref-9) For": both close it
            else:
                break
            trailing = _BOUNDARY.match(text, cut, end)  # "...care [4]." punctuation after markers
            if trailing:
                cut = trailing.end()
        pos = max(cut, match.end())
        if cut >= end:
            break
        if not _SENTENCE_START.match(text, cut, end) and not (
            _closes_marker(starts, marker_at, match.start()) and _LOWER_START.match(text, cut, end)
        ):
            continue
        if match.group(0)[0] == "." and _abbreviation(text, sentence_start, match.start()):
            continue
        spans.append(_trim(text, sentence_start, cut))
        sentence_start = cut
    spans.append(_trim(text, sentence_start, end))
    return [s for s in spans if s.end > s.start]


def _closes_marker(starts: Sequence[int], marker_at: dict[int, int], stop: int) -> bool:
    """Whether a marker ends right at ``stop`` (``two minutes⁽¹⁾⁽²⁾.``): after such a stop a
    sentence may open in lower case, as a post written all in lower case has it (``two
    minutes⁽¹⁾⁽²⁾. there's no blood test``)."""
    k = bisect.bisect_right(starts, stop - 1) - 1
    return k >= 0 and marker_at[starts[k]] == stop


def _opens_like_a_marker(char: str) -> bool:
    """A marker set off after "sentence. " that starts with a bracket, a parenthesis or a digit
    closes that sentence (``care. [5][6]``, ``patients. 14,15``)."""
    return char in "[(¹²³⁴⁵⁶⁷⁸⁹⁰" or char.isdigit()


def _abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    # The word before the dot (letters, digits, "_" and dots; a line break may sit between),
    # read backwards: a regular expression searched from the sentence start was quadratic.
    end = dot - 1 if dot > sentence_start and text[dot - 1] == "\n" else dot
    word = end
    while word > sentence_start and (text[word - 1].isalnum() or text[word - 1] in "._"):
        word -= 1
    if word == end:
        return False
    token = text[word:end].lower().strip(".")
    if token in _ABBREVIATIONS:
        return True
    # A single capital initial ("J. Smith"), but not a sentence ending in a one-letter word like
    # "I", nor a unit's letter after a slash ("600 mg/L."; "mmol/L.").
    return (
        len(token) == 1
        and text[dot - 1].isupper()
        and token != "i"
        and not (word > sentence_start and text[word - 1] == "/")
    )


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
