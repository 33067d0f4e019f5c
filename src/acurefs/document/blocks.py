"""Telling the body from the chrome: which lines of an article are not prose.

Pages copied from the web carry their site with them: navigation, share and follow
lines, bylines and dates, cookie banners, footers; journal pages carry their own
bibliographic header (``J Pain Res. 2019 Mar 4;12:811.``), author lists with affiliation
numbers, article history; reports carry table rows and figure placeholders. None of it is a
claim, and digits in it are never citations. :func:`set_aside` finds those lines, each with
the rule that caught it; the caller blanks them out of the body (the document keeps them as
:class:`~acurefs.models.Block`\\ s, so nothing is lost).

The rules look at one line at a time (its words, punctuation, numbers and separators),
then at where it sits: short lines without sentence punctuation before the article's first
line of prose or after its last one are page furniture (the title among them: it is not a
claim either), except a heading that introduces prose. A line that holds an explicit citation marker is never
called chrome.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..claims.sentences import is_wrapped
from ..models import Block, BlockKind, Span
from ..text import LINE_OPENING
from .furniture import (
    AFFILIATION_LINE,
    ATTRIBUTION,
    AUTHOR_NOTE,
    BACK_MATTER,
    BARS,
    BODY_HEADING,
    BYLINE,
    COMMENTS_HEADING,
    CONTACT,
    COOKIES,
    DATE_LINE,
    DECLARATION,
    INTERFACE,
    JOURNAL_LINE,
    LINK_DEFINITION,
    LIST_BULLET,
    MARKUP_LINE,
    METADATA,
    NOTE_LINE,
    PAGE_FOOTER,
    PRESS_RELEASE,
    REGULATORY,
    RELATED_HEADING,
    RELATED_TITLE_WORDS,
    RUNNING_HEAD,
    SENTENCE_STOP,
    SIGNATURE,
    SMALL_PRINT,
    STAMPED,
    author_list,
    cites_at_its_end,
    completes_lead_in,
    heads_over_a_break,
    menu,
    navigation,
    page_furniture,
)

_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*")
_SENTENCE_END = SENTENCE_STOP
_SUP_NUMBERS = re.compile(r"\[?\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]?")
_EXPLICIT_MARKER = re.compile(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\]|\[\^[^\]\s]+\]|[¹²³⁴⁵⁶⁷⁸⁹]")
_GLUED_MARKER = re.compile(r"(?<=[a-z%)”’\"])[.,;:]?\d{1,3}(?:[,–-]\d{1,3})*(?=[\s.,;:]|$)")
"""Digits glued after a word or its punctuation (``writer.1``): a line that may cite."""
_CITED_END = re.compile(r"(?<=[a-z%)”’\"])[.,;:]\d{1,3}(?:[,–-]\d{1,3})*\s*$")
"""Digits glued after the stop that ends a caption (``... after colorectal surgery.4–6``): the
caption cites its sources, as a sentence of the article does."""
_SEPARATOR = re.compile(r"\s(?:\||›|»|>|·|∙|•|/|—)\s|\s\|\s?|\s?\|\s")
_NUMBER_TOKEN = re.compile(r"^[(\[]?[<>≤≥~+-]?\d[\d,.:;%–-]*[)\]+%]?;?$")
_COLUMNS = re.compile(r"\S(?:\t| {2,})\S")
_FIGURE = re.compile(
    r"^\s*[\[(]\s*(?:figure|fig\.?|image|photo|graphic|chart|infographic|video|table)\b[^\])]*[\])]\s*$",
    re.I,
)
_CAPTION = re.compile(
    r"^\s*(?:table|figure|fig\.?|box|panel|chart|graph)\s+[A-Z]?\d{1,2}[a-z]?\s*[.:|–-]\s+\S"
    r"|^\s*(?-i:TABLE|FIGURE|FIG\.|BOX)\s+[A-Z]?\d{1,2}[a-z]?\s+(?-i:[A-Z])",
    re.I,
)
"""A table or figure caption: ``Table 1. Typical daily doses``; the data it heads are not claims."""
_HASHTAGS = re.compile(r"\s*(?:#\w+[\s,]*){2,}")
_MERGE_TAG = re.compile(r"\{\{\s*[\w.]+\s*(?:\|[^}\n]{0,60})?\}\}|\*\|[A-Z_]+\|\*")
"""An e-mail template's unfilled merge tag: ``{{first_name}}``, ``*|FNAME|*``."""
_PRICE_END = re.compile(
    r"(?:[£$€]\s?\d[\d,.]*|\b(?:GBP|USD|EUR|AUD|CAD|NZD)\s?\d[\d,.]*)\s*\.?\s*$"
)
"""A short line ending in a price: a product or a fee (``Saline rinse kit 60 sachets £9.50``)."""
_CONTENTS = re.compile(
    r"^\s*(?:contents|table\s+of\s+contents|in\s+this\s+(?:article|post|page)|"
    r"on\s+this\s+page|jump\s+to)\s*:?\s*$",
    re.I,
)
_RUNNING_HEADER = re.compile(r"\S\s{3,}\S")
_STATEMENT = re.compile(
    r"[^.!?]*?[.!](?:[\"”’')\]]*(?:\[\d[\d,\s–-]*\]|[\d,–-]{1,12}|[¹²³⁰-⁹⁻,˒‧]+)?)(?=\s|$)"
)
"""A stretch ending with a full stop or an exclamation mark, and its trailing markers."""
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_DIRECTIVE = re.compile(r"^#[a-z][a-z ]{0,30}:[^\s:]{1,40}$")
"""A card deck's or a config's directive line: ``#separator:tab``, ``#tags column:5``."""
_MARKUP_AROUND = re.compile(r"^[#>*_\s]+|[*_\s]+$")
"""Markdown emphasis and heading marks around a line (``*By Priya Raman · 8 min read*``)."""
_EMPHASIS_LINE = re.compile(r"^\s*(?:\*{1,2}|_{1,2})[^*_\n].*(?:\*{1,2}|_{1,2})\s*$")
"""A line set wholly in italics or bold: a standfirst or a colophon when it stands alone."""
_DISCLAIMER = re.compile(
    r"^\s*(?:editor'?s?’?s?\s+note|disclaimer|medical\s+disclaimer|note\s+to\s+readers)\b|"
    r"\bfor\s+(?:general\s+)?information(?:al)?\s+(?:purposes\s+)?only\b|"
    r"\bnot\s+(?:a\s+substitute\s+for|intended\s+as)\s+(?:professional\s+)?medical\s+advice",
    re.I,
)
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
_EDIT_LINK = re.compile(
    r"\[(?:edit|citation\s+needed|clarification\s+needed|better\s+source\s+needed|"
    r"medical\s+citation\s+needed|unreliable\s+medical\s+source\??|page\s+needed|"
    r"failed\s+verification|dubious(?:\s+[–-]\s+discuss)?|who\?|when\?|according\s+to\s+whom\?|"
    r"verification\s+needed|non-primary\s+source\s+needed)\]",
    re.I,
)
"""Wikipedia's edit links and inline tags (``[citation needed]``): furniture inside prose."""

PROSE_WORDS = 8
"""A line of at least this many words ending like a sentence is prose."""
SHORT_LINE = 10
TAIL_PROSE_WORDS = 30
"""Words of prose the lines after the last reference list may hold and still be the page
around the article (an author's note: ``Rachel Penhallow is a health journalist ...``)."""
"""Lines up to this many words without sentence punctuation may be furniture."""


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    in_prose: bool = False
    """Part of a paragraph of prose (lines without a blank line between, a sentence among
    them): position never makes it furniture, and only the strong rules apply."""
    cited: bool = False
    """Holds a superscript citation (``<sup>1–3</sup>``) that its text no longer shows."""

    def cites(self) -> bool:
        """Whether the line carries a citation marker: a line that cites is the article's."""
        return self.cited or bool(_EXPLICIT_MARKER.search(self.text))

    @property
    def stripped(self) -> str:
        return self.text.strip()


_RUNNING_FOOT = "running head or foot of a page"
_NEXT_HEAD = "the next page's running head, inside a sentence the page break cut"


def set_aside(
    text: str,
    *,
    skip: Iterable[tuple[int, int]] = (),
    links: Sequence[tuple[int, int]] = (),
    sups: Sequence[tuple[int, int]] = (),
    after_list: int | None = None,
    list_starts: Sequence[int] = (),
) -> tuple[Block, ...]:
    """The lines of ``text`` that are not the article's prose, each with why.

    ``skip`` are spans already handled (the reference lists): their lines are left alone
    and count as neither prose nor furniture. ``links`` are the spans of link texts (HTML):
    a line that is all links is navigation. ``sups`` are the spans of superscripts: a line
    with a numbered one cites. ``after_list`` is where the last reference list ends: what
    follows it, when nothing there cites and it is shorter than what comes before, is the
    page around the article (:func:`_after_the_list`). ``list_starts`` are where the
    reference lists begin: a list among the reader comments is a comment's own sources.
    """
    lines = _lines(text, list(skip))
    _mark_cited(lines, text, sups)
    _mark_prose_paragraphs(lines)
    blocks: dict[int, Block] = {}
    link_spans = sorted(links)
    for i, line in enumerate(lines):
        found = _by_itself(line, link_spans)
        if found is not None:
            kind, reason = found
            blocks[i] = Block(kind, Span(line.start, line.end), reason)
    _table_headers(lines, blocks)
    _contents_entries(lines, blocks)
    _reader_comments(lines, blocks, list_starts)
    _related_links(lines, blocks)
    _attributed_quotes(lines, blocks)
    _header_continuations(lines, blocks)
    _furniture_around_prose(lines, blocks)
    if after_list is not None:
        _after_the_list(lines, blocks, after_list)
    _author_notes(lines, blocks)
    feet = [i for i, block in blocks.items() if block.reason == _RUNNING_FOOT]
    for i in heads_over_a_break([line.text for line in lines], feet):
        blocks.setdefault(
            i, Block(BlockKind.CHROME, Span(lines[i].start, lines[i].end), _NEXT_HEAD)
        )
    paged = page_furniture([line.text for line in lines], blocks.keys(), lambda i: lines[i].cites())
    for i, why in paged.items():
        blocks[i] = Block(BlockKind.CHROME, Span(lines[i].start, lines[i].end), why)
    out = list(blocks.values())
    out.extend(_edit_links(text, lines, blocks))
    out.sort(key=lambda b: b.span.start)
    return tuple(out)


def _lines(text: str, skip: list[tuple[int, int]]) -> list[_Line]:
    """The non-empty lines outside ``skip``."""
    out = []
    position = 0
    skip.sort()
    k = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        while k < len(skip) and skip[k][1] <= start:
            k += 1
        if k < len(skip) and skip[k][0] < end and start < skip[k][1]:
            continue
        if raw.strip():
            out.append(_Line(start, end, raw))
    return out


def _mark_cited(lines: Sequence[_Line], text: str, sups: Sequence[tuple[int, int]]) -> None:
    """Mark the lines holding a superscript of citation numbers after some words (one pass
    over both); one opening its line numbers an affiliation or a footnote instead."""
    numbered = sorted(s for s in sups if _SUP_NUMBERS.fullmatch(text[s[0] : s[1]].strip()))
    k = 0
    for line in lines:
        while k < len(numbered) and numbered[k][0] < line.start:
            k += 1
        j = k
        while j < len(numbered) and numbered[j][0] < line.end and not line.cited:
            line.cited = not LINE_OPENING.fullmatch(text[line.start : numbered[j][0]])
            j += 1


def _mark_prose_paragraphs(lines: Sequence[_Line]) -> None:
    """Group lines into paragraphs and mark those holding a sentence of prose (a wrapped
    paragraph's short first line is prose like the rest). Text hard-wrapped at a fixed width
    runs a paragraph over adjacent lines; text copied from the web puts one on each line."""
    wrapped = is_wrapped([line.text for line in lines])
    start = 0
    for i in range(1, len(lines) + 1):
        if wrapped and i < len(lines) and lines[i].start == lines[i - 1].end + 1:
            continue
        paragraph = lines[start:i]
        if _prose_paragraph(" ".join(line.stripped for line in paragraph)):
            for line in paragraph:
                line.in_prose = True
        start = i


def _prose_paragraph(text: str) -> bool:
    """A sentence of prose: at least :data:`PROSE_WORDS` words, four of them lower-case,
    ending with a full stop or an exclamation mark (a question is often a heading)."""
    for sentence in _STATEMENT.findall(text):
        words = _WORD.findall(sentence)
        if len(words) >= PROSE_WORDS and sum(w[0].islower() for w in words) >= 4:
            return True
    return False


def _by_itself(line: _Line, links: Sequence[tuple[int, int]]) -> tuple[BlockKind, str] | None:
    """What a line is on its own (None: prose, a heading or a list item, for now)."""
    text = _MARKUP_AROUND.sub("", line.stripped)
    words = _WORD.findall(text)
    found = _header_or_figure(line, text, words)
    if found is not None or line.cites():
        return found  # a line that cites is the article's
    return _furniture(line, text, words, links)


def _header_or_figure(line: _Line, text: str, words: Sequence[str]) -> tuple[BlockKind, str] | None:
    """A figure, caption, table row, a journal's header or back matter, a running head."""
    if _FIGURE.match(text):
        return BlockKind.FIGURE, "figure placeholder"
    if (
        len(words) <= 25
        and _CAPTION.match(text)
        and not line.cites()
        and not _CITED_END.search(text)
    ):
        return BlockKind.FIGURE, "table or figure caption"
    if len(words) <= 40 and (METADATA.match(text) or BACK_MATTER.match(text)):
        return BlockKind.HEADER, "article history or metadata"
    if LINK_DEFINITION.match(line.stripped):
        return BlockKind.CHROME, "a Markdown link definition"
    if _DIRECTIVE.match(line.stripped):
        return BlockKind.HEADER, "an export's directive (#separator:tab)"
    if len(words) <= 16 and RUNNING_HEAD.match(text) and not line.cites():
        return BlockKind.CHROME, _RUNNING_FOOT
    if _table_row(text) and not line.cites():
        return BlockKind.TABLE, "table row"
    if len(words) <= 20 and JOURNAL_LINE.search(text) and not _long_sentence(text, words):
        return BlockKind.HEADER, "journal citation line"
    if AFFILIATION_LINE.match(text) and len(words) <= 30:
        return BlockKind.HEADER, "affiliation"
    if author_list(text):
        return BlockKind.HEADER, "author list with affiliation numbers"
    return None


def _furniture(
    line: _Line, text: str, words: Sequence[str], links: Sequence[tuple[int, int]]
) -> tuple[BlockKind, str] | None:
    """Page furniture: bylines, footers, controls, small print, navigation, links."""
    if len(words) <= 25 and BYLINE.match(text):
        return BlockKind.CHROME, "byline, date or page furniture"
    if len(words) <= 40 and PAGE_FOOTER.match(text):
        return BlockKind.CHROME, "page furniture (read more, licence, advert, correspondence)"
    if MARKUP_LINE.match(line.stripped) or DECLARATION.match(text):
        return BlockKind.CHROME, "markup, a task, a property or a declaration, not prose"
    if len(words) <= 15 and INTERFACE.match(text):
        return BlockKind.CHROME, "a control or notice of the page (buttons, likes, sign-in)"
    if _HASHTAGS.fullmatch(line.stripped) or _MERGE_TAG.search(text):
        return BlockKind.CHROME, "hashtags or an e-mail template's merge tag"
    if len(words) <= 30 and text.count(" · ") >= 2:
        return BlockKind.CHROME, "metadata line (items set apart by ·)"
    if len(words) <= 20 and text.count(" · ") == 1 and STAMPED.search(text):
        return BlockKind.CHROME, "byline or date stamp (two items set apart by ·)"
    if len(words) <= 10 and _PRICE_END.search(text):
        return BlockKind.CHROME, "a product or fee with its price"
    if len(words) <= 30 and SIGNATURE.match(text):
        return BlockKind.HEADER, "signature or author with degrees"
    if len(words) <= 60 and COOKIES.search(text):
        return BlockKind.CHROME, "cookie notice"
    if len(words) <= 40 and (NOTE_LINE.match(line.stripped) or REGULATORY.search(text)):
        return BlockKind.CHROME, "small print: a keyed note or a legal line"
    if len(words) <= 30 and SMALL_PRINT.search(text):
        return BlockKind.CHROME, "small print: a keyed note or a legal line"
    if len(words) <= 12 and ATTRIBUTION.match(text):
        return BlockKind.CHROME, _ATTRIBUTED
    if len(words) <= 25 and PRESS_RELEASE.match(text):
        return BlockKind.CHROME, "press release or government page furniture"
    if len(words) <= 60 and _DISCLAIMER.search(text):
        return BlockKind.CHROME, "note or disclaimer"
    if len(words) <= 25 and CONTACT.search(text):
        return BlockKind.CHROME, "contact details"
    if _CONTENTS.match(text):
        return BlockKind.CHROME, "table of contents"
    if line.in_prose:
        return None  # the weaker rules below are for lines standing alone
    if DATE_LINE.match(text):
        return BlockKind.CHROME, "date"
    if not words or sum(ch.isalnum() for ch in text) * 2 < len(text.replace(" ", "")):
        return BlockKind.CHROME, "icons or symbols"
    if _links_only(line, text, links):
        return BlockKind.CHROME, "links only"
    if len(words) <= 15 and navigation(words):
        return BlockKind.CHROME, "navigation words"
    if len(words) <= 20 + 10 * bool(BARS.search(text)) and menu(text):
        return BlockKind.CHROME, "menu or header line"
    if len(words) <= 8 and _RUNNING_HEADER.search(text) and not _SENTENCE_END.search(text):
        return BlockKind.CHROME, "running header or footer"
    return None


def _long_sentence(text: str, words: Sequence[str]) -> bool:
    """A long sentence that happens to name a citation is prose."""
    return len(words) >= 12 and bool(_SENTENCE_END.search(text))


def _table_row(text: str) -> bool:
    """Mostly numbers (``20-39 41,230 2,417 (1,102 ; 5,236)``), or columns with numbers."""
    tokens = text.replace("|", " ").split()
    numeric = sum(1 for t in tokens if _NUMBER_TOKEN.match(t))
    if numeric >= 3 and numeric * 2 >= len(tokens):
        return True
    return (
        numeric >= 2
        and len(tokens) <= 20
        and len(_COLUMNS.findall(text)) >= 2
        and not _SENTENCE_END.search(text)
        and not _EXPLICIT_MARKER.search(text)
    )


def _links_only(line: _Line, text: str, links: Sequence[tuple[int, int]]) -> bool:
    """A line that is nothing but links (Markdown ``[x](y)`` or HTML anchors): navigation."""
    bare = LIST_BULLET.sub("", text)
    if _MARKDOWN_LINK.search(bare):
        rest = _MARKDOWN_LINK.sub("", bare)
        return not re.sub(r"[\s|·•,/>›»-]", "", rest)
    if not links:
        return False
    letters = [i for i in range(line.start, line.end) if line.text[i - line.start].isalnum()]
    if not letters:
        return False
    covered = sum(1 for i in letters if _inside(links, i))
    return covered == len(letters)


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _table_headers(lines: Sequence[_Line], blocks: dict[int, Block]) -> None:
    """The short line just above a run of table rows is its header row."""
    for i in range(1, len(lines)):
        if (
            i in blocks
            and blocks[i].kind is BlockKind.TABLE
            and (i - 1) not in blocks
            and not _SENTENCE_END.search(lines[i - 1].stripped)
            and len(_WORD.findall(lines[i - 1].stripped)) <= 12
        ):
            line = lines[i - 1]
            blocks[i - 1] = Block(BlockKind.TABLE, Span(line.start, line.end), "table header row")


def _contents_entries(lines: Sequence[_Line], blocks: dict[int, Block]) -> None:
    """The short lines after a "Contents" line, up to the first that is not short, are its entries."""
    for i in range(len(lines)):
        block = blocks.get(i)
        if block is None or block.reason != "table of contents":
            continue
        j = i + 1
        while j < len(lines) and (
            (j in blocks and blocks[j].kind is BlockKind.CHROME) or _short_fragment(lines[j])
        ):
            if j not in blocks:
                blocks[j] = Block(
                    BlockKind.CHROME, Span(lines[j].start, lines[j].end), "table of contents"
                )
            j += 1


HEADER_LINES_CARRIED = 4
"""Lines a header line carries on to below it: a wrapped affiliation or title runs a few lines;
a PDF's text with no blank line would otherwise carry the header through the whole body."""
_SECTION_LABEL = re.compile(r"[A-Z][a-z]{2,15}(?:\s[a-z]{2,10})?:\s+[A-Z]")
"""A structured abstract's section opening its line: the header above it has ended."""


def _header_continuations(lines: Sequence[_Line], blocks: dict[int, Block]) -> None:
    """A header line wrapped onto the next (``...Malmö,`` / ``Sweden; 3 Primary Care ...``):
    the lines right under it, up to a blank line, continue it unless they read as prose."""
    carried: dict[int, int] = {}  # how far each carried line is from its header line
    for i in range(len(lines) - 1):
        block = blocks.get(i)
        if block is None or block.kind is not BlockKind.HEADER:
            continue
        j = i + 1
        if (
            j not in blocks
            and carried.get(i, 0) < HEADER_LINES_CARRIED
            and lines[j].start == lines[i].end + 1
            and not lines[j].cites()
            and not (_is_prose(lines[j]) and len(_WORD.findall(lines[j].text)) > SHORT_LINE)
            and not _SECTION_LABEL.match(lines[j].stripped)  # "Background: Delirium is ..."
            and not BODY_HEADING.fullmatch(lines[j].stripped)  # "Introduction": the body begins
        ):
            blocks[j] = Block(block.kind, Span(lines[j].start, lines[j].end), block.reason)
            carried[j] = carried.get(i, 0) + 1


def _is_prose(line: _Line) -> bool:
    """A line of the article's prose: long enough, and ending like a statement (a question
    is often a heading)."""
    text = LIST_BULLET.sub("", line.stripped)
    end = _SENTENCE_END.search(text)
    return len(_WORD.findall(text)) >= PROSE_WORDS and end is not None and end.group()[0] != "?"


def _reader_comments(
    lines: Sequence[_Line], blocks: dict[int, Block], list_starts: Sequence[int] = ()
) -> None:
    """Everything after a comments heading (``14 Comments``, ``Comments (86)``, ``Leave a
    reply``) is the readers', not the article's: set aside to the end (a reference list
    there is already out of the lines). A comment that brings its own list of sources is
    kept where it cites (a line with a marker, or digits glued after a word, above the
    comments' last list): a thread's reply with its references makes claims of its own.

    A heading with more citing lines after it than before is a link to the comments (a
    blog's ``Leave a comment`` under its byline), not their start: it alone is set aside.
    """
    before = 0  # citing lines above the line looked at
    after = sum(line.cites() for line in lines)
    for i, line in enumerate(lines):
        after -= line.cites()
        if not COMMENTS_HEADING.match(line.stripped):
            before += line.cites()
            continue
        if after <= before:
            last_list = max((s for s in list_starts if s > line.end), default=-1)
            for j in range(i, len(lines)):
                if j > i and lines[j].end < last_list and _may_cite(lines[j]):
                    continue  # a comment citing its own sources
                blocks.setdefault(
                    j,
                    Block(BlockKind.CHROME, Span(lines[j].start, lines[j].end), "reader comments"),
                )
            return
        blocks.setdefault(
            i, Block(BlockKind.CHROME, Span(line.start, line.end), "a link to the comments")
        )


def _related_links(lines: Sequence[_Line], blocks: dict[int, Block]) -> None:
    """A related-pages heading (``Related articles``, ``You may also like``) and the titles
    under it, each a short line of its own that cites nothing, up to the first prose."""
    for i, line in enumerate(lines):
        if not RELATED_HEADING.match(line.stripped):
            continue
        j = i
        while j < len(lines) and (j == i or _link_title(lines[j])):
            blocks.setdefault(
                j, Block(BlockKind.CHROME, Span(lines[j].start, lines[j].end), "related links")
            )
            j += 1


_ATTRIBUTED = "who said a quoted line"
"""The reason an attribution line is set aside; the quotation above it follows it."""


def _attributed_quotes(lines: Sequence[_Line], blocks: dict[int, Block]) -> None:
    """A quotation set apart above its attribution (``“The fan lives on my bedside table.”``
    then ``Graham, 71, day therapy patient``): a voice on the page, not the article's claim."""
    for i, block in list(blocks.items()):
        if block.reason != _ATTRIBUTED or i == 0 or (i - 1) in blocks:
            continue
        quote = lines[i - 1]
        if quote.stripped[:1] in "“\"‘'" and not quote.cites():
            blocks[i - 1] = Block(
                BlockKind.CHROME, Span(quote.start, quote.end), "a quotation above its attribution"
            )


def _link_title(line: _Line) -> bool:
    """A line that reads as another page's title: short, one line, no marker, not prose."""
    return (
        not line.in_prose
        and not line.cites()
        and len(_WORD.findall(line.stripped)) <= RELATED_TITLE_WORDS
        and not _is_prose(line)
    )


def _furniture_around_prose(lines: Sequence[_Line], blocks: dict[int, Block]) -> None:
    """Short lines without sentence punctuation before the first prose line or after the last
    are page furniture, except a heading above prose."""
    prose = [
        i
        for i, line in enumerate(lines)
        if i not in blocks and (line.in_prose or _is_prose(line)) and not _standalone_emphasis(line)
    ]
    if not prose:
        return
    first, last = prose[0], prose[-1]
    for i in range(first):
        if i in blocks or not (_short_fragment(lines[i]) or _standalone_emphasis(lines[i])):
            continue
        if _introduces_prose(lines, i, blocks) or cites_at_its_end(lines[i].stripped):
            continue  # a heading above prose; a slide's point citing with glued digits
        blocks[i] = Block(
            BlockKind.CHROME,
            Span(lines[i].start, lines[i].end),
            "title or page header before the article",
        )
    texts = [line.stripped for line in lines]
    for i in range(last + 1, len(lines)):
        if i in blocks or not (_short_fragment(lines[i]) or _standalone_emphasis(lines[i])):
            continue
        if completes_lead_in(texts, i) or cites_at_its_end(texts[i]):
            continue  # "SEE A DOCTOR IF:" / "• a fever lasts more than 3 days": the page's text
        if not _introduces_prose(lines, i, blocks):
            blocks[i] = Block(
                BlockKind.CHROME, Span(lines[i].start, lines[i].end), "after the article"
            )


def _after_the_list(lines: Sequence[_Line], blocks: dict[int, Block], end: int) -> None:
    """The lines after the article's last reference list, when none of them cites, they are
    fewer characters than the lines before it and hold at most :data:`TAIL_PROSE_WORDS`
    words of prose: an author's note, "read next", sign-up and footer lines. An article
    does not go on, uncited, after its references; a newsletter's next item does."""
    tail = [i for i, line in enumerate(lines) if line.start >= end]
    if not tail or any(_may_cite(lines[i]) for i in tail):
        return
    before = sum(len(line.stripped) for line in lines[: tail[0]])
    if sum(len(lines[i].stripped) for i in tail) >= before:
        return
    prose = sum(len(_WORD.findall(lines[i].text)) for i in tail if lines[i].in_prose)
    if prose > TAIL_PROSE_WORDS:
        return  # a newsletter's next item, not a note about the author
    for i in tail:
        if i not in blocks:
            span = Span(lines[i].start, lines[i].end)
            blocks[i] = Block(BlockKind.CHROME, span, "after the article's reference list")


def _may_cite(line: _Line) -> bool:
    """A marker, or digits glued after a word (``writer.1``): a line that may cite."""
    return line.cites() or bool(_GLUED_MARKER.search(line.text))


def _author_notes(lines: Sequence[_Line], blocks: dict[int, Block]) -> None:
    """A note about the writer after the article's last citation (``Dr Helen Marsh is a GP
    in ...``): the page around the article, not a claim."""
    last = max((i for i, line in enumerate(lines) if _may_cite(line)), default=len(lines))
    for i in range(last + 1, len(lines)):
        if i not in blocks and AUTHOR_NOTE.match(lines[i].stripped):
            span = Span(lines[i].start, lines[i].end)
            blocks[i] = Block(BlockKind.CHROME, span, "a note about the writer")


def _standalone_emphasis(line: _Line) -> bool:
    """A line wholly in italics or bold, no marker in it: a standfirst or colophon."""
    return bool(_EMPHASIS_LINE.match(line.text)) and not line.cites()


def _short_fragment(line: _Line) -> bool:
    """A short line standing alone, without sentence punctuation or a marker (not a Markdown
    heading: its mark says what it is)."""
    text = line.stripped
    return (
        not line.in_prose
        and not _MARKDOWN_HEADING.match(line.text)
        and len(_WORD.findall(text)) <= SHORT_LINE
        and not _SENTENCE_END.search(text)
        and not line.cites()
    )


def _introduces_prose(lines: Sequence[_Line], i: int, blocks: dict[int, Block]) -> bool:
    """A heading: the next line (a blank line between at most) is prose, cites or is an item."""
    j = i + 1
    if j >= len(lines) or j in blocks or lines[j].start > lines[i].end + 2:
        return False
    following = lines[j]
    return (
        following.in_prose
        or _is_prose(following)
        or following.cites()
        or bool(LIST_BULLET.match(following.text) and _SENTENCE_END.search(following.text))
    )


def _edit_links(text: str, lines: Sequence[_Line], blocks: dict[int, Block]) -> list[Block]:
    """Wikipedia's ``[edit]`` and ``[citation needed]``: the tag is furniture, its line is not."""
    out = []
    for i, line in enumerate(lines):
        if i in blocks:
            continue
        for match in _EDIT_LINK.finditer(line.text):
            start = line.start + match.start()
            out.append(
                Block(BlockKind.CHROME, Span(start, start + len(match.group())), "edit link")
            )
    return out


def furniture_sentence(statement: str) -> tuple[BlockKind, str] | None:
    """A sentence inside a prose line that is furniture all the same (``Last reviewed: March
    2022.``, ``Unsubscribe | Update preferences``, a cookie or disclaimer sentence), or None."""
    text = _MARKUP_AROUND.sub("", statement.strip())
    words = _WORD.findall(text)
    if len(words) > 40:
        return None
    if BYLINE.match(text) or DATE_LINE.match(text):
        return BlockKind.CHROME, "byline, date or page furniture"
    if PAGE_FOOTER.match(text):
        return BlockKind.CHROME, "page furniture (read more, licence, advert, correspondence)"
    if COOKIES.search(text):
        return BlockKind.CHROME, "cookie notice"
    if _DISCLAIMER.search(text):
        return BlockKind.CHROME, "note or disclaimer"
    if METADATA.match(text):
        return BlockKind.HEADER, "article history or metadata"
    if len(words) <= 15 and (menu(text) or navigation(words)):
        return BlockKind.CHROME, "navigation words"
    if len(words) <= 15 and (INTERFACE.match(text) or SMALL_PRINT.search(text)):
        return BlockKind.CHROME, "a control or notice of the page (buttons, likes, sign-in)"
    return None
