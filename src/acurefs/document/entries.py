"""An entry of a reference list, where it ends (over a page break too), and the lists run into
their label on one line.

Abstract books and slides print a list after its label on the same line (``References: [1]
Apfel CC, ... [2] Gan TJ, ...``): the entries are cut at each number that goes on from the
one before, not at a volume or a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Span


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


_RUN_IN = re.compile(
    r"(?im)^[ \t]*(?:\d{1,3}\.[ \t]+)?(?:references?|refs?|sources?|literature)[ \t]*:?[ \t]*(?=(?:\[1\]|\(1\)|1\.)[ \t])"
)
"""A list run into its label on one line, as abstract books print it: ``References: [1]
Apfel CC, ... 1999;91(3):693-700. [2] Gan TJ, ...``, ``References: (1) Moja L, ...``."""
_RUN_IN_NUMBER = re.compile(
    r"(?:^|(?<=[ \t]))(?:\[(?P<bracket>\d{1,3})\]|\((?P<paren>\d{1,3})\)|(?P<dot>\d{1,3})\.)[ \t]+(?=\S)"
)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def run_in_lists(text: str) -> list[tuple[Span, tuple[Entry, ...]]]:
    """Each run-in list: its entries numbered 1, 2, 3... in order, up to the paragraph's end."""
    out = []
    labels = list(_RUN_IN.finditer(text))
    for k, label in enumerate(labels):
        limit = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        blank = _BLANK_LINE.search(text, label.end(), limit)  # bounded: linear in the text
        end = blank.start() if blank else limit
        eol = text.find("\n", label.end(), end)  # a slide's "8. References 1. ...": its line
        end = eol if eol >= 0 and label.group(0).lstrip()[:1].isdigit() else end
        starts: list[tuple[int, int, int]] = []
        for match in _RUN_IN_NUMBER.finditer(text, label.end(), end):
            number = int(match.group("bracket") or match.group("paren") or match.group("dot"))
            if number == len(starts) + 1:  # the next entry, not a volume or a page ("2020. 12")
                starts.append((number, match.start(), match.end()))
        if not starts:
            continue
        stops = [start for _, start, _ in starts[1:]] + [end]
        entries = tuple(
            Entry(number, text[body:stop].strip(), Span(start, stop))
            for (number, start, body), stop in zip(starts, stops, strict=True)
        )
        out.append((Span(label.start(), end), entries))
    return out


_PAGE_FURNITURE = re.compile(
    r"(?i)\b(?:page|p\.|slide)\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}\b|\((?:cont(?:inued|['’]d)?\.?)\)|"
    r"^\s*(?:page\s+)?\d{1,4}\s*$"
)
"""A line a page break puts inside a list: the page's running head or foot (``... · page 3 of
4``, ``Slide 15 of 16 · References (cont.)``) or its number alone."""


def page_turn(text: str, end: int, limit: int, repeated: Callable[[str], bool]) -> Span | None:
    """The rest of an entry that a page break cut in two: after the entry's last line (``end``),
    blank lines and one to four lines of page furniture (a page's number, or a line the
    document repeats: its running head), then the lines up to ``limit`` (the next entry),
    three at most; None unless the furniture is there and the rest holds words."""
    lines = text[end:limit].split("\n")
    pos, furniture = end + len(lines[0]) + 1, 0  # past the entry's own last line
    for line in lines[1:]:
        page = len(line) <= 100 and (_PAGE_FURNITURE.search(line) or repeated(line.strip()))
        if line.strip() and not page:
            if not 1 <= furniture <= 4:
                return None
            rest = text[pos:limit].rstrip()
            return Span(pos, pos + len(rest)) if rest.count("\n") < 3 else None
        furniture += bool(line.strip())
        pos += len(line) + 1
    return None


CHAT_PREFIX = (
    r"\[\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AP]M)?\][ \t]+"
    r"[^:\n\[\]]{1,40}:[ \t]+"
)
"""A chat message's time and sender, as Skype and WhatsApp copy them: a message begins."""
_NEXT_MESSAGE = re.compile(CHAT_PREFIX)


def entry_end(text: str, line_end: int, limit: int) -> int:
    """An entry runs on over continuation lines; a blank line then unindented text ends it."""
    end = min(line_end, limit)
    pos = end
    while pos < limit:
        nxt = text.find("\n", pos + 1)
        nxt = limit if nxt < 0 or nxt > limit else nxt
        line = text[pos + 1 : nxt]
        if _NEXT_MESSAGE.match(line):
            break  # the next chat message: "[04.03.2025 14:20] Pavel Zhuk: Looks good."
        if not line.strip():
            # Blank: the entry continues only if an indented line follows.
            following_end = text.find("\n", nxt + 1)
            following = text[nxt + 1 : following_end if following_end >= 0 else len(text)]
            if nxt < limit and following.startswith((" ", "\t")) and following.strip():
                pos = nxt
                continue
            break
        end = nxt
        pos = nxt
    return min(end, limit)
