"""An entry of a reference list, and the lists run into their label on one line.

Abstract books and slides print a list after its label on the same line (``References: [1]
Apfel CC, ... [2] Gan TJ, ...``): the entries are cut at each number that goes on from the
one before, not at a volume or a page.
"""

from __future__ import annotations

import re
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
    r"(?im)^[ \t]*(?:\d{1,3}\.[ \t]+)?(?:references?|refs?|sources?|literature)[ \t]*:?[ \t]*(?=(?:\[1\]|1\.)[ \t])"
)
"""A list run into its label on one line, as abstract books print it: ``References: [1]
Apfel CC, ... 1999;91(3):693-700. [2] Gan TJ, ...``."""
_RUN_IN_NUMBER = re.compile(
    r"(?:^|(?<=[ \t]))(?:\[(?P<bracket>\d{1,3})\]|(?P<dot>\d{1,3})\.)[ \t]+(?=\S)"
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
            number = int(match.group("bracket") or match.group("dot"))
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
