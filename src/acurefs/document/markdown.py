"""Markdown as writers keep it in repositories, made ready for the text pipeline.

What is not prose is blanked out (spaces, line breaks kept, so every offset and line stays
where it was) and recorded as a :class:`~acurefs.models.Block`: YAML front matter, fenced
and indented code (a notebook's printed output), inline code (``scores[2]`` is an index),
HTML comments, ``<style>`` and ``<script>``, tables (pipe tables and HTML tables: numbers in
cells are data). Inline HTML tags are blanked and the contents of
``<sup>`` remembered as marker candidates, as for HTML (``<sup>4</sup>``,
``<sup><a href="#fn:4">4</a></sup>``), and MyST's ``{sup}`4``` role. Escaped brackets ``\\[2–4\\]`` read as brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block, BlockKind, Span

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?:---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)|\+\+\+[ \t]*\n(?:.*\n)*?\+\+\+)[ \t]*(?:\n|\Z)"
)
"""YAML (``---``) or TOML (``+++``, Hugo's) front matter."""
_FENCE = re.compile(r"(?m)^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})[^\n]*\n")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|\{/\*.*?(?:\*/\}|\Z)", re.S)
"""HTML comments, and MDX's ``{/* ... */}``."""
_HTML_TABLE = re.compile(r"<table\b.*?(?:</table\s*>|\Z)", re.S | re.I)
_STYLE_SCRIPT = re.compile(r"<(?P<tag>style|script)\b[^>]*>.*?(?:</(?P=tag)\s*>|\Z)", re.S | re.I)
"""A notebook's ``<style scoped>`` or a page's ``<script>``: never prose."""
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_CONTAINER = re.compile(r"^[ ]{0,3}(?:!!!|\?\?\?\+?|===\+?)[ \t]")
"""An admonition (``!!! tip``, ``??? note``) or a content tab (``=== "DOACs"``) of MkDocs and
Python-Markdown: its content is indented four spaces, and is prose, not code."""
_INLINE_CODE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>[^\n]{1,1000}?)(?<!`)(?P=ticks)(?!`)")
"""Inline code on one line (bounded, so a stray backtick costs little)."""
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_SUP = re.compile(r"<sup\b[^>]*>(?P<content>.{0,300}?)</sup\s*>", re.S | re.I)
_ESCAPED = re.compile(r"\\([\[\]])")
_SUP_ROLE = re.compile(r"(?:\{sup\}|:sup:)`(?P<content>[^`\n]{1,40})`")
"""MyST's and reStructuredText's superscript role (``{sup}`3-4```, ``:sup:`2```): its
content is a superscript, as ``<sup>`` is."""


@dataclass(frozen=True, slots=True)
class PreparedMarkdown:
    """Markdown with what is not prose blanked out, and what was."""

    text: str
    blocks: tuple[Block, ...]
    sup_spans: tuple[tuple[int, int], ...]


def prepare_markdown(text: str) -> PreparedMarkdown:
    """Blank out front matter, code, comments, tables and tags (see the module docstring)."""
    chars = list(text)
    blocks: list[Block] = []

    def blank(start: int, end: int, kind: BlockKind | None, reason: str) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
        if kind is not None:
            blocks.append(Block(kind, Span(start, end), reason))

    front = _FRONT_MATTER.match(text)
    if front:
        kind = "TOML" if front.group(0).lstrip("\ufeff").startswith("+") else "YAML"
        blank(0, front.end(), BlockKind.FRONT_MATTER, f"{kind} front matter")
    for start, end in _fenced_blocks(text, front.end() if front else 0):
        blank(start, end, BlockKind.CODE, "fenced code")
    for start, end in _indented_blocks("".join(chars)):
        blank(start, end, BlockKind.CODE, "indented code")
    current = "".join(chars)
    for match in _COMMENT.finditer(current):
        blank(match.start(), match.end(), BlockKind.COMMENT, "HTML comment")
    current = "".join(chars)
    for match in _STYLE_SCRIPT.finditer(current):
        blank(match.start(), match.end(), BlockKind.CODE, f"HTML {match.group('tag').lower()}")
    current = "".join(chars)
    for match in _HTML_TABLE.finditer(current):
        blank(match.start(), match.end(), BlockKind.TABLE, "HTML table")
    for start, end in _pipe_tables("".join(chars)):
        blank(start, end, BlockKind.TABLE, "table")
    roles = []
    for match in _SUP_ROLE.finditer("".join(chars)):  # before inline code: it wears backticks
        blank(match.start(), match.start("content"), None, "")
        blank(match.end("content"), match.end(), None, "")
        roles.append((match.start("content"), match.end("content")))
    current = "".join(chars)
    for match in _INLINE_CODE.finditer(current):
        blank(match.start(), match.end(), BlockKind.CODE, "inline code")
    sups = sorted([*roles, *_blank_tags(chars, "".join(chars))])
    # "\[8\]." reads " [8 ].": each backslash becomes a space before its bracket.
    prepared = _ESCAPED.sub(lambda m: " " + m.group(1), "".join(chars))
    blocks.sort(key=lambda b: b.span.start)
    return PreparedMarkdown(prepared, tuple(blocks), tuple(sups))


def _fenced_blocks(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of fenced code blocks (an unclosed fence runs to the end, as CommonMark says)."""
    spans: list[tuple[int, int]] = []
    position = start
    while True:
        opening = _FENCE.search(text, position)
        if opening is None:
            return spans
        fence = opening.group("fence")
        closing = re.compile(rf"(?m)^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end_match = closing.search(text, opening.end())
        end = end_match.end() if end_match else len(text)
        spans.append((opening.start(), end))
        position = end


def _indented_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of indented code (a notebook's printed output): lines indented four spaces or a
    tab after a blank line, unless a list item (CommonMark) or an admonition or a content tab
    above them owns the indent."""
    spans: list[tuple[int, int]] = []
    position = 0
    previous_blank = True
    in_list = False
    start = end = -1
    for line in text.split("\n"):
        blank_line = not line.strip()
        indented = not blank_line and line.startswith(("    ", "\t"))
        if indented and (start >= 0 or (previous_blank and not in_list)):
            if start < 0:
                start = position
            end = position + len(line)
        elif not blank_line:
            if start >= 0:
                spans.append((start, end))
                start = -1
            owns = _LIST_ITEM.match(line) or _CONTAINER.match(line)
            in_list = bool(owns) or (in_list and not previous_blank)
        position += len(line) + 1
        previous_blank = blank_line
    if start >= 0:
        spans.append((start, end))
    return spans


def _pipe_tables(text: str) -> list[tuple[int, int]]:
    """Spans of pipe tables: a header row, a ``|---|---|`` rule, and the rows after it."""
    spans = []
    lines = text.split("\n")
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    i = 1
    while i < len(lines):
        if _TABLE_RULE.match(lines[i]) and "|" in lines[i - 1]:
            first = i - 1
            last = i
            while last + 1 < len(lines) and "|" in lines[last + 1] and lines[last + 1].strip():
                last += 1
            spans.append((offsets[first], offsets[last] + len(lines[last])))
            i = last + 1
        else:
            i += 1
    return spans


_BREAK = re.compile(r"<br\s*/?>", re.I)
INLINE_HTML = re.compile(r"<(?:sup|br)\b[^<>\n]{0,80}>", re.I)
"""A ``<sup>`` or ``<br>`` tag: text that carries HTML's inline markup (a card deck's or a
form's export)."""


def blank_inline_html(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text that carries HTML's inline tags: each ``<br>`` a line break, the other tags
    blanked, ``<sup>`` contents remembered as marker candidates (offsets kept)."""
    chars = list(_BREAK.sub(lambda m: "\n" + " " * (len(m.group()) - 1), text))
    sups = _blank_tags(chars, "".join(chars))
    return "".join(chars), tuple(sups)


def _blank_tags(chars: list[str], text: str) -> list[tuple[int, int]]:
    """Blank inline HTML tags; the spans of ``<sup>`` contents are marker candidates."""
    sups = []
    for match in _SUP.finditer(text):
        content = match.group("content")
        inner = _TAG.sub(lambda m: " " * len(m.group()), content)
        if inner.strip():
            start = match.start("content") + (len(inner) - len(inner.lstrip()))
            end = match.end("content") - (len(inner) - len(inner.rstrip()))
            sups.append((start, end))
    for match in _TAG.finditer(text):
        for i in range(match.start(), match.end()):
            if chars[i] != "\n":
                chars[i] = " "
    return sups
