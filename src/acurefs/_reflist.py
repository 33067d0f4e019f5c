"""Finding an article's reference list and cutting it into numbered entries.

A reference list is either introduced by a heading (References, Sources,
Bibliography, Notes, ...), or is a trailing numbered list whose items read like
references (years, DOIs, links, journal punctuation, Vancouver author lists) or
whose numbers the body cites. Markdown footnote definitions (``[^1]: ...``) are
entries wherever they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._models import Span

_HEADING = re.compile(
    r"(?im)^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*"
    r"(?P<title>references?|reference\s+list|sources?(?:\s+cited)?|bibliography|notes|endnotes|"
    r"footnotes|citations?|works\s+cited|literature(?:\s+cited)?|cited\s+literature|"
    r"references\s+and\s+notes|scientific\s+references|studies\s+cited|research\s+cited)"
    r"[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$"
)
_ITEM = re.compile(
    r"(?m)^(?P<indent>[ \t]*)(?:[-*•][ \t]+)?"
    r"(?:\[(?P<bracket>\d{1,4})\]|\((?P<paren>\d{1,4})\)|(?P<dot>\d{1,4})[.)](?=[ \t]|$)|"
    r"\[\^(?P<foot>[^\]\s]+)\]:)[ \t]*"
)
_BARE_NUMBER_ITEM = re.compile(r"(?m)^(?P<indent>[ \t]*)(?P<bare>\d{1,4})[ \t]+(?=[A-Z\[])")
_REFERENCE_LIKE = re.compile(
    r"(?x)\b(?:1[6-9]|20)\d{2}\b|\b10\.\d{4,9}/|https?://|www\.|\]\(|\bet\s+al\b|\bdoi\b|\bPMID\b"
    r"|\d+\s*\(\s*\d+\s*\)\s*:\s*\d+|;\s*\d+\s*[(:]"
    r"|^\s*[A-Z][\w'’-]+\s+[A-Z]{1,3}[,.]"
)
_BODY_MARKER = re.compile(r"\[(\d{1,3})(?:[,–-]\s*\d{1,3})*\]|<sup>|[¹²³⁴⁵⁶⁷⁸⁹]")


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a reference list, its number (None when unnumbered) and where it sits."""

    number: int | None
    text: str
    """The entry without its number prefix; line breaks of wrapped entries kept."""
    span: Span
    """The whole entry, number included."""
    label: str | None = None
    """The label of a non-numeric Markdown footnote (``[^smith]``)."""


@dataclass(frozen=True, slots=True)
class ReferenceSection:
    """Where the reference list is and what it holds."""

    spans: tuple[Span, ...]
    """Regions of the text that belong to the reference list (not to the body)."""
    heading: str | None
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class _Item:
    number: int | None
    label: str | None
    footnote: bool
    start: int
    text_start: int
    line_end: int


def find_reference_section(text: str) -> ReferenceSection | None:
    """The reference list of an article, or None when it has none."""
    footnotes = _footnote_entries(text)
    heading = None
    for heading in _HEADING.finditer(text):  # noqa: B007 - the last heading wins
        pass
    if heading is not None:
        entries = _entries(text, heading.end(), numbered_only=False)
        entries = entries + footnotes
        if entries:
            end = max(e.span.end for e in entries)
            spans = [Span(heading.start(), end)]
            spans.extend(e.span for e in footnotes if e.span.start < heading.start())
            return ReferenceSection(tuple(spans), heading.group("title").strip(), entries)
    run = _trailing_run(text)
    if run:
        entries = run + footnotes
        spans = [Span(run[0].span.start, run[-1].span.end)]
        spans.extend(e.span for e in footnotes if e.span.start < run[0].span.start)
        return ReferenceSection(tuple(spans), None, entries)
    if footnotes:
        return ReferenceSection(tuple(e.span for e in footnotes), None, footnotes)
    return None


def _items(text: str, start: int, end: int | None = None) -> list[_Item]:
    items = []
    stop = len(text) if end is None else end
    for match in _ITEM.finditer(text, start, stop):
        number: int | None = None
        label = None
        for group in ("bracket", "paren", "dot"):
            if match.group(group):
                number = int(match.group(group))
        if match.group("foot"):
            label = match.group("foot")
            if label.isdigit():
                number, label = int(label), None
        line_end = text.find("\n", match.end())
        items.append(
            _Item(
                number,
                label,
                match.group("foot") is not None,
                match.start(),
                match.end(),
                len(text) if line_end < 0 else line_end,
            )
        )
    return items


def _entries(text: str, start: int, *, numbered_only: bool) -> tuple[Entry, ...]:
    """Cut ``text[start:]`` into entries: numbered items with their continuation lines."""
    items = [i for i in _items(text, start) if not i.footnote]
    if not items:
        items = _bare_items(text, start)
    if not items:
        if numbered_only:
            return ()
        return _unnumbered_entries(text, start)
    entries: list[Entry] = []
    preamble = text[start : items[0].start].strip()
    if preamble and not numbered_only:
        entries.extend(_unnumbered_entries(text, start, items[0].start))
    for i, item in enumerate(items):
        next_start = items[i + 1].start if i + 1 < len(items) else len(text)
        end = _entry_end(text, item.line_end, next_start)
        body = text[item.text_start : end]
        entries.append(Entry(item.number, body.strip(), Span(item.start, end), item.label))
    return tuple(entries)


def _bare_items(text: str, start: int) -> list[_Item]:
    items = []
    for match in _BARE_NUMBER_ITEM.finditer(text, start):
        line_end = text.find("\n", match.end())
        items.append(
            _Item(
                int(match.group("bare")),
                None,
                False,
                match.start(),
                match.end(),
                len(text) if line_end < 0 else line_end,
            )
        )
    return items


def _entry_end(text: str, line_end: int, limit: int) -> int:
    """An entry runs on over continuation lines; a blank line then unindented prose ends it."""
    end = line_end
    pos = line_end
    while pos < limit:
        nxt = text.find("\n", pos + 1)
        nxt = limit if nxt < 0 or nxt > limit else nxt
        line = text[pos + 1 : nxt]
        if not line.strip():
            # Blank: the entry continues only if an indented line follows.
            after = nxt
            following_end = text.find("\n", after + 1)
            following = text[after + 1 : following_end if following_end >= 0 else len(text)]
            if following.startswith((" ", "\t")) and following.strip() and after < limit:
                pos = nxt
                continue
            break
        end = nxt
        pos = nxt
    return min(end, limit)


def _unnumbered_entries(text: str, start: int, end: int | None = None) -> tuple[Entry, ...]:
    stop = len(text) if end is None else end
    entries = []
    pos = start
    for line in text[start:stop].split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or set(stripped) <= set("-*_=#"):
            continue
        lead = len(line) - len(line.lstrip())
        bullet = re.match(r"[-*•][ \t]+", stripped)
        body = stripped[bullet.end() :] if bullet else stripped
        entries.append(Entry(None, body, Span(line_start + lead, line_start + len(line.rstrip()))))
    return tuple(entries)


def _footnote_entries(text: str) -> tuple[Entry, ...]:
    if "[^" not in text:
        return ()
    out = []
    for item in _items(text, 0):
        if item.footnote:
            end = _entry_end(text, item.line_end, len(text))
            out.append(
                Entry(
                    item.number,
                    text[item.text_start : end].strip(),
                    Span(item.start, end),
                    item.label,
                )
            )
    return tuple(out)


def _trailing_run(text: str) -> tuple[Entry, ...] | None:
    """The last run of numbered items that reads like a reference list."""
    items = [i for i in _items(text, 0) if not i.footnote and i.number is not None]
    if not items:
        return None
    runs: list[list[_Item]] = [[items[0]]]
    for item in items[1:]:
        previous = runs[-1][-1]
        between = text[previous.line_end : item.start]
        # Items stay in one run while only blank or continuation lines separate them.
        if between.count("\n\n\n") == 0 and _continuation_only(between):
            runs[-1].append(item)
        else:
            runs.append([item])
    cited = {int(m.group(1)) for m in _BODY_MARKER.finditer(text) if m.group(0).startswith("[")}
    for run in reversed(runs):
        entries = _entries(text, run[0].start, numbered_only=True)
        entries = tuple(e for e in entries if e.span.start <= run[-1].start)
        if not entries:
            continue
        alike = sum(1 for e in entries if _REFERENCE_LIKE.search(e.text))
        numbers = {e.number for e in entries}
        if alike * 2 >= len(entries) or (cited and len(cited & numbers) * 2 >= len(numbers)):
            return entries
    return None


def _continuation_only(between: str) -> bool:
    lines = [line for line in between.split("\n")[1:] if line.strip()]
    return len(lines) <= 6


def body_view(text: str, section: ReferenceSection | None) -> str:
    """``text`` with the reference list blanked out (offsets and line breaks kept)."""
    if section is None:
        return text
    chars = list(text)
    for span in section.spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
