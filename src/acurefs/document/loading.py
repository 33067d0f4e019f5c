"""Loading articles: bytes to text, format detection, and HTML to text with its markers kept.

The rest of the pipeline works on plain text. For HTML, this module extracts
the text (block elements become line breaks, ``<ol>`` items get their numbers,
``<sup>`` contents are remembered as marker candidates, link targets are kept)
and remembers which source line each piece of text came from.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import re
from array import array
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..errors import DocumentError, UnsupportedFormatError
from ..models import Block, BlockKind, Span
from .markdown import INLINE_HTML, blank_inline_html, prepare_markdown

ARTICLE_FORMATS = ("text", "markdown", "html")
_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
ARTICLE_SUFFIXES = frozenset(_SUFFIXES)
MAX_BYTES = 20 * 1024 * 1024
_LINE_BREAK = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Link:
    """A link target in the extracted text: ``href`` covers ``[start, end)``."""

    start: int
    end: int
    href: str


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article's text ready for the pipeline, with what the loader saw on the way."""

    text: str
    format: str
    sup_spans: tuple[tuple[int, int], ...] = ()
    """Spans of ``<sup>`` contents (HTML only): marker candidates."""
    links: tuple[Link, ...] = ()
    blocks: tuple[Block, ...] = ()
    """What the loader set aside from the body: Markdown front matter, code, comments and
    tables; HTML navigation, footers, forms, code and tables."""
    body: str | None = field(default=None, repr=False)
    """The text the pipeline reads, when it differs from :attr:`text` (Markdown with code,
    comments, tables and inline tags blanked out); same length, same line breaks."""
    line_offsets: tuple[int, ...] = field(default=(), repr=False)
    line_numbers: tuple[int, ...] = field(default=(), repr=False)
    """For HTML: text offsets where a source line begins and that line's number."""
    _breaks: array[int] = field(init=False, repr=False, compare=False)
    """Otherwise: the offsets of the text's line breaks, so finding a line is a bisection
    (``line_of`` runs once per marker, claim and reference; counting from the start each
    time made a long article quadratic)."""

    def __post_init__(self) -> None:
        breaks = () if self.line_offsets else (m.start() for m in _LINE_BREAK.finditer(self.text))
        object.__setattr__(self, "_breaks", array("q", breaks))

    def line_of(self, offset: int) -> int:
        """The 1-based source line of a text offset."""
        if self.line_offsets:
            i = bisect.bisect_right(self.line_offsets, offset) - 1
            return self.line_numbers[max(i, 0)]
        return bisect.bisect_left(self._breaks, offset) + 1


def format_for(path: str | Path) -> str | None:
    """The format a file name implies, or None."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def check_format(format: str) -> str:
    """``format`` if acurefs knows it; raises :class:`UnsupportedFormatError` otherwise."""
    fmt = format.lower().strip()
    if fmt in ("txt", "plain"):
        fmt = "text"
    if fmt in ("md",):
        fmt = "markdown"
    if fmt in ("htm",):
        fmt = "html"
    if fmt not in ARTICLE_FORMATS:
        raise UnsupportedFormatError(
            f"Unknown document format {format!r}: use one of {', '.join(ARTICLE_FORMATS)}"
        )
    return fmt


def read_path(path: str | Path) -> str:
    """The text of an article file; a clear :class:`DocumentError` for anything that is not one."""
    p = Path(path)
    if not p.exists():
        raise DocumentError(f"No such file: {str(path)!r}")
    if p.is_dir():
        raise DocumentError(f"{str(path)!r} is a directory, not an article file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(f"{str(path)!r} is too large for an article ({size:,} bytes)")
        data = p.read_bytes()
    except PermissionError as exc:
        raise DocumentError(f"Cannot read {str(path)!r}: permission denied") from exc
    except OSError as exc:
        raise DocumentError(f"Cannot read {str(path)!r}: {exc.strerror or exc}") from exc
    return decode(data, name=str(path))


def decode(data: bytes, *, name: str = "<input>") -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse binary and empty input."""
    if not data.strip():
        raise DocumentError(f"{name!r} is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{name!r} is not valid UTF-16 text: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name!r} looks like a binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name!r} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 100):
        raise DocumentError(f"{name!r} looks like a binary file, not an article")
    if not text.strip():
        raise DocumentError(f"{name!r} is empty")
    return text


_HTML_SNIFF = re.compile(r"(?is)^\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)")
_TAGS = re.compile(r"(?i)</?(?:p|div|br|li|ol|ul|h[1-6]|sup|a|span|table|body|article)\b[^>]*>")
_MARKDOWN_SNIFF = re.compile(r"(?m)^(?:#{1,6}\s|\[\^\w+\]:|\s*[-*]\s+\S.*\]\()|\]\((?:https?://|#)")


def sniff_format(text: str) -> str:
    """Guess the format of text that came without a file name (stdin)."""
    head = text[:4096]
    if _HTML_SNIFF.match(head) or len(_TAGS.findall(head)) >= 3:
        return "html"
    if _MARKDOWN_SNIFF.search(head):
        return "markdown"
    return "text"


def load_text(text: str, format: str) -> Loaded:
    """Prepare ``text`` of the given format for the pipeline."""
    fmt = check_format(format)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "html":
        return _html_to_text(text)
    if fmt == "markdown":
        prepared = prepare_markdown(text)
        return Loaded(
            text=text,
            format=fmt,
            sup_spans=prepared.sup_spans,
            blocks=prepared.blocks,
            body=prepared.text,
        )
    body = without_line_numbers(text)
    if INLINE_HTML.search(text):  # "<sup>1</sup>", "<br>" in a card deck's export
        body, sups = blank_inline_html(body or text)
        return Loaded(text=text, format=fmt, sup_spans=sups, body=body)
    return Loaded(text=text, format=fmt, body=body)


_LINE_NUMBER = re.compile(r"(?m)^[ \t]*(\d{1,5})(?=[ \t]+\S)")
LINE_NUMBERED = 0.5
"""The share of an article's non-blank lines that must open with a line number, each one more
than the last, for them to be a PDF's line numbers."""
WRAPPED_SHARE = 0.2
"""The share of numbered lines that must go on with a sentence (a lower-case word after the
number): line numbers count a page's wrapped lines; a list numbers its items."""


def without_line_numbers(text: str) -> str | None:
    """The text with a PDF's line numbers blanked (``43 Introduction`` / ``44 Dengue is the
    most...``, the reference list's ``228 1. Bhatt S...`` too), same length; None when its
    lines do not carry them. A number counts where the line before or after carries the one
    before or after it."""
    found = list(_LINE_NUMBER.finditer(text))
    numbered = [
        m
        for i, m in enumerate(found)
        if (i and int(found[i - 1].group(1)) + 1 == int(m.group(1)))
        or (i + 1 < len(found) and int(found[i + 1].group(1)) == int(m.group(1)) + 1)
    ]
    lines = sum(1 for line in text.split("\n") if line.strip())
    if len(numbered) < 10 or len(numbered) < LINE_NUMBERED * lines:
        return None
    going_on = sum(1 for m in numbered if text[m.end() : m.end() + 40].strip()[:1].islower())
    if going_on < WRAPPED_SHARE * len(numbered):
        return None  # "1 Smith J. ...", "2 Preheat...": a list's numbers, not a page's lines
    chars = list(text)
    for m in numbered:
        chars[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
    return "".join(chars)


# --- HTML -----------------------------------------------------------------------------------

_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "caption",
        "nav",
        "form",
        "hr",
        "address",
        "details",
        "summary",
    ]
)
_SKIP = frozenset(
    ("script", "style", "head", "template", "noscript", "svg", "math", "button", "select")
)
_NOTE_ANCHOR = re.compile(
    r"#(?:fn|footnote|note|endnote|ref|cite[_-]?note|cite|bib|r|b)[-_:.]?[\w-]*?\d{1,3}$", re.I
)
"""A link to a note or reference of the page (``#footnote-2``, ``#fn3``, ``#cite_note-4``,
``#ref-5``): where its text is a number, it is a marker set apart as a superscript is, and
never furniture, whatever its role says (Org mode's ``role="doc-backlink"`` on its markers)."""
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


_ASIDE_TAGS = {
    "nav": (BlockKind.CHROME, "HTML navigation"),
    "footer": (BlockKind.CHROME, "HTML footer"),
    "form": (BlockKind.CHROME, "HTML form"),
    "code": (BlockKind.CODE, "HTML code"),
    "pre": (BlockKind.CODE, "HTML preformatted text"),
    "table": (BlockKind.TABLE, "HTML table"),
}
"""Elements whose text is never the article's prose."""
_CHROME_NAMES = frozenset(
    """nav navbar navigation menu breadcrumb breadcrumbs share sharing share-buttons social
    social-share cookie cookies cookie-banner consent site-footer sidebar widget related
    related-posts comments comment-list newsletter subscribe advert advertisement ads promo
    skip-link masthead site-header toolbar bio biography byline author-bio rtn backlink footer
    backref""".split()
)
"""Class, id and role names of page furniture (``<div class="share-buttons">``), read
word by word (``site-nav``, ``social_share``)."""
_NOT = frozenset(("not", "non", "no"))
_REFERENCE_NAMES = frozenset(
    "references reference refs reflist footnotes footnote bibliography citations notes".split()
)
"""Names that mark a reference list, which is never furniture whatever else the name says."""
_ARTICLE_NAMES = frozenset("article content main post entry story".split())
"""A division that holds the page's article (``<div class="article">``)."""
_CONTENT_NAMES = frozenset("message post text content article entry story body wrap bubble".split())
_PART_NAMES = frozenset("footer info views date meta author header counter reactions time".split())
"""A widget that holds the page's own messages (Telegram's ``tgme_widget_message_wrap``,
``..._text``) is no furniture; its footer, views, date and author are."""
_AUTHOR_LIST = re.compile(r"auth|contrib|\bnames?\b")
"""A list inside a list item whose class names authors (HighWire's ``cit-auth-list``)."""
_NAMED_FURNITURE = "HTML {} marked as page furniture"
"""Why an element whose class, id or role names furniture is set aside."""
_HIDDEN_NAMES = frozenset(
    "wb-inv sr-only visually-hidden visuallyhidden screen-reader-text screenreader-only".split()
)
"""Classes of text only screen readers say (``<span class="wb-inv">Footnote </span>5``): not
what the page shows."""
_TOOLTIP = re.compile(r"(?:[\w-]*-)?tooltip(?:text)?", re.I)


def _hidden(attributes: dict[str, str | None]) -> bool:
    """An element the page does not show in its text: for screen readers only, or a box shown
    on hover (wikiHow's ``<span class="reference-tooltip">X Trustworthy Source ... Go to
    source</span>``). A tab's panel hidden until clicked is the page's text, and is read."""
    classes = (attributes.get("class") or "").split()
    return bool(_HIDDEN_NAMES.intersection(classes)) or any(map(_TOOLTIP.fullmatch, classes))


_LAYOUT_NAMES = frozenset(
    "bodytable templatecontainer layout wrapper container email-body main-table".split()
)
"""Names of tables that lay a page out (e-mail newsletters): their cells are the article."""


def _layout_table(attributes: dict[str, str | None], names: str) -> bool:
    """A table that lays a page out: ``role="presentation"``, a layout name, or the borderless,
    paddingless, spaceless table of an e-mail template."""
    if "presentation" in names or _LAYOUT_NAMES & set(names.split()):
        return True
    return all(attributes.get(k) == "0" for k in ("border", "cellpadding", "cellspacing"))


class _Extractor(HTMLParser):
    """Collects text from HTML with line breaks for blocks, list numbers, sup spans and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.offsets: list[int] = []
        self.lines: list[int] = []
        self.sups: list[tuple[int, int]] = []
        self._last_note: tuple[int, int] | None = None
        self._space_before_words: int | None = None
        """Where a note's number linked back to its marker ended: words run into it there."""
        self.links: list[Link] = []
        self._skip = 0
        self._sup_start: list[int] = []
        self._link_start: list[tuple[int, str]] = []
        self._lists: list[list[int]] = []  # stack of [is_ordered, next_number, inline]
        self._inline = 0  # open lists of a reference's authors, written on its line
        self._pre = 0
        # Open elements whose text is set aside: tag, start, kind, reason, nesting depth.
        self._aside: list[tuple[str, int, BlockKind, str, int]] = []
        self._open: dict[str, int] = {}
        self.blocks: list[Block] = []
        self._item_open = False  # a list item's number was written and nothing since
        self._hidden_tag: str | None = None  # an element only screen readers say, while in it
        self._hidden_nest = 0
        self._breaks_at_end = 0  # line breaks since the last text that is not spaces

    def _emit(self, text: str, line: int | None = None) -> None:
        if not text:
            return
        self.offsets.append(self.length)
        self.lines.append(self.getpos()[0] if line is None else line)
        self.parts.append(text)
        self.length += len(text)
        stripped = text.rstrip("\n")
        breaks = len(text) - len(stripped)
        # Kept as text is written: walking back over the parts on every block made a run of
        # empty blocks quadratic.
        self._breaks_at_end = breaks if stripped.strip(" ") else self._breaks_at_end + breaks

    def _newline(self, count: int = 1) -> None:
        """End the current block with ``count`` line breaks (not counting ones already there)."""
        if self.length == 0:
            return
        if self._breaks_at_end < count:
            self._emit("\n" * (count - self._breaks_at_end))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden_tag is not None:
            self._hidden_nest += tag == self._hidden_tag and tag not in _VOID
            return
        if tag in _SKIP:
            self._skip += 1
            return
        if self._skip:
            return
        attributes = dict(attrs)
        if tag not in _VOID and _hidden(attributes):
            self._hidden_tag, self._hidden_nest = tag, 1
            return
        names = " ".join(attributes.get(k) or "" for k in ("class", "id")).lower()
        inline_list = tag in ("ol", "ul") and bool(self._lists) and bool(_AUTHOR_LIST.search(names))
        if (self._inline or inline_list) and tag in ("ol", "ul", "li"):
            pass  # a reference's authors marked up as a list: they stay on its line
        elif self._item_open and tag in _BLOCK and tag not in ("ol", "ul", "li"):
            pass  # "<li><p>text</p></li>": the paragraph continues the item's line
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "pre"):
            self._newline(2)
        elif tag == "br":
            self._emit("\n")
        elif tag in ("td", "th") and self.parts and not self.parts[-1].endswith(("\n", " ", "\t")):
            self._emit("\t")  # cells apart: "45-64\t2,417", not "45-642,417"
        elif tag in _BLOCK:
            self._newline(1)
        if tag == "pre":
            self._pre += 1
        self._open_aside(tag, attributes)
        if tag in ("ol", "ul"):
            start = attributes.get("start") or "1"
            self._lists.append([tag == "ol", int(start) if start.isdigit() else 1, inline_list])
            self._inline += inline_list
        elif tag == "li" and self._inline:
            pass
        elif tag == "li":
            if self._lists and self._lists[-1][0]:
                value = attributes.get("value")
                if value and value.isdigit():
                    self._lists[-1][1] = int(value)
                self._emit(f"{self._lists[-1][1]}. ")
                self._lists[-1][1] += 1
            else:
                self._emit("- ")
            self._item_open = True
        elif tag == "sup":
            self._sup_start.append(self.length)
        elif tag == "a":
            self._link_start.append((self.length, attributes.get("href") or ""))

    def _open_aside(self, tag: str, attributes: dict[str, str | None]) -> None:
        """Start setting aside an element of furniture, code or data."""
        if tag in _VOID:
            return
        depth = self._open[tag] = self._open.get(tag, 0) + 1
        aside = _ASIDE_TAGS.get(tag)
        names = " ".join(attributes.get(k) or "" for k in ("class", "id", "role")).lower()
        words = re.split(r"[\s_-]+", names)
        # "wsite-not-footer" (Weebly's content), "non-sidebar": the name says what it is not
        tokens = set(words) - {b for a, b in itertools.pairwise(words) if a in _NOT}
        if tag == "table" and _layout_table(attributes, names):
            aside = None  # a table that lays the page out holds the article, not data
        if tag in ("main", "article") or attributes.get("role") == "main":
            # What holds the article is not furniture, whatever its class says
            # (<body class="nav-fixed">, <div class="page-navbar"> around <main>).
            self._aside = [a for a in self._aside if a[3] != _NAMED_FURNITURE.format(a[0])]
        if tag == "h1" or (tag == "div" and _ARTICLE_NAMES & tokens):
            # ASP.NET's <form> around the whole page (Kentico, SharePoint), an old layout
            # <table> (SPIP's): they hold the article, not a search box or a table of data
            self._aside = [a for a in self._aside if a[0] not in ("form", "table")]
        if (
            aside is None
            and tag not in ("html", "body", "main", "article")
            and not (tag == "a" and _NOTE_ANCHOR.match(attributes.get("href") or ""))
            and _CHROME_NAMES & tokens
            and not _REFERENCE_NAMES & tokens
            and not (
                _CHROME_NAMES & tokens == {"widget"}
                and _CONTENT_NAMES & tokens
                and not _PART_NAMES & tokens
            )
        ):
            aside = (BlockKind.CHROME, _NAMED_FURNITURE.format(tag))
        if aside is not None:
            self._aside.append((tag, self.length, aside[0], aside[1], depth))

    def _close_aside(self, tag: str) -> None:
        depth = self._open.get(tag, 0)
        if not depth:
            return
        self._open[tag] = depth - 1
        for k in range(len(self._aside) - 1, -1, -1):
            name, start, kind, reason, opened = self._aside[k]
            if name == tag and opened == depth:
                del self._aside[k]
                if self.length > start:
                    self.blocks.append(Block(kind, Span(start, self.length), reason))
                return

    def _numbers_its_line(self, start: int) -> bool:
        """Whether the link just closed is a number of one to three digits that opens its line
        and runs into the words after it: a note's number linked back to where it is cited."""
        text = self.parts[-1] if self.parts and self.length - len(self.parts[-1]) == start else ""
        before = self.parts[-2] if len(self.parts) > 1 else "\n"
        return 1 <= len(text) <= 3 and text.isdigit() and before.endswith("\n")

    def _note_anchor(self, start: int) -> None:
        """Two links to notes with nothing between them (Substack's ``smoking.<a>2</a><a>4</a>``):
        two markers, as two superscripts are, not the number 24 nor the range 2-4."""
        last = self._last_note
        if last is not None and last[1] == start and not self._sup_start:
            if last not in self.sups[-2:]:  # added with the link before, or as its <sup>
                self.sups.append(last)
            self.sups.append((start, self.length))
        self._last_note = (start, self.length)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden_tag is not None:
            if tag == self._hidden_tag:
                self._hidden_nest -= 1
                if not self._hidden_nest:
                    self._hidden_tag = None
            return
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag == "li":
            self._item_open = False
        self._close_aside(tag)
        if tag == "sup" and self._sup_start:
            start = self._sup_start.pop()
            if self.length > start:
                self.sups.append((start, self.length))
        elif tag == "a" and self._link_start:
            start, href = self._link_start.pop()
            if href and self.length > start:
                self.links.append(Link(start, self.length, href))
                if _NOTE_ANCHOR.match(href):
                    self._note_anchor(start)
                elif href.startswith("#") and self._numbers_its_line(start):
                    self._space_before_words = self.length
        elif tag in ("ol", "ul") and self._lists:
            if self._lists.pop()[2]:
                self._inline -= 1
                return
            self._newline(1)
        elif tag == "li" and self._inline:
            return
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "pre"):
            self._newline(2)
        elif tag in _BLOCK:
            self._newline(1)

    def handle_data(self, data: str) -> None:
        if self._skip or self._hidden_tag is not None:
            return
        if self._pre:
            self._emit(data)
            return
        line = self.getpos()[0]
        # One piece per source line, so every offset maps back to the line it came from.
        for n, piece in enumerate(data.split("\n")):
            piece = re.sub(r"[ \t\r\f]+", " ", piece)
            if n:
                piece = " " + piece
            if piece.strip() == "" and (not self.parts or self.parts[-1].endswith(("\n", " "))):
                continue
            if self.parts and self.parts[-1].endswith(("\n", " ")):
                piece = piece.lstrip(" ")
            if piece and self._space_before_words == self.length and piece[0].isalpha():
                self._emit(" ")  # LibreOffice's note number runs into the author: "1Quint JK"
            if piece:
                self._emit(piece, line + n)
                if piece.strip():
                    self._item_open = False


def _html_to_text(source: str) -> Loaded:
    parser = _Extractor()
    parser.feed(source)
    parser.close()
    text = "".join(parser.parts)
    # Trailing spaces before line breaks carry nothing; keep offsets stable by not collapsing them.
    return Loaded(
        text=text,
        format="html",
        sup_spans=tuple(parser.sups),
        links=tuple(parser.links),
        blocks=tuple(sorted(parser.blocks, key=lambda b: b.span.start)),
        line_offsets=tuple(parser.offsets),
        line_numbers=tuple(parser.lines),
    )
