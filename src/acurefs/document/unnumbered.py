"""Signs that a line reads like a reference, and a list whose entries carry no numbers."""

from __future__ import annotations

import re

from ..models import Span
from .entries import Entry

# Strong signs that an entry is a reference, and a weak one (a year alone). NLM's place,
# publisher and year (``Wellington: Ministry of Health; 2021``) are one.
STRONG = re.compile(
    r"(?x)\b10\.\d{4,9}/|https?://|www\.|\]\(|\bet\s+al\b|\bdoi\b|\bPMID\b|\bISBN\b"
    r"|(?<!\d)\d+\s*\(\s*[\w-]+\s*\)\s*:\s*\w+|(?:1[6-9]|20)\d{2}\s*;\s*\d+|\b\d+\s*:\s*\d+\s*[-–]\s*\d+"
    r"|^\s*\[?[A-Z][\w'’-]+,?\s+(?:[A-Z]{1,3}|[A-Z]\.\s?(?:[A-Z]\.)?)[,.;]"
    r"|\((?:1[6-9]|20)\d{2}[a-z]?\)|\b(?:J|Journal|Proc|Ann|Arch|Rev)\b\.?\s"
    r"|\b[A-Z][a-z]+:\s*[A-Z][^:;.\n]{2,80};\s*(?:1[6-9]|20)\d{2}\b"
)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d{2}\b")


def unnumbered_entries(text: str, start: int, stop: int) -> tuple[Entry, ...]:
    """A list's entries one a line (a wrapped entry going on over the next), or numbered by
    ``# `` as Jira numbers them."""
    entries: list[Entry] = []
    pos = start
    hashed = 0  # entries numbered by "# " so far
    for line in text[start:stop].split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or set(stripped) <= set("-*_=#") or stripped.startswith("[^"):
            continue
        lead = len(line) - len(line.lstrip())
        bullet = re.match(r"[-*•#][ \t]+", stripped)
        body = stripped[bullet.end() :] if bullet else stripped
        numbered = bullet is not None and stripped[0] == "#"  # "# Seaquist ER, ...": Jira's
        hashed += numbered
        end = line_start + len(line.rstrip())
        last = entries[-1] if entries else None
        if (
            last is not None
            and not bullet
            and _goes_on(last.text, body, text[last.span.end : line_start])
        ):
            # a wrapped entry: "... peppermint oil in the" / "treatment of irritable bowel ..."
            entries[-1] = Entry(
                last.number, text[last.span.start : end], Span(last.span.start, end)
            )
            continue
        if hashed and not numbered:
            break  # the numbered list ended: what follows is the page's ("Attachments")
        entries.append(Entry(hashed if numbered else None, body, Span(line_start + lead, end)))
    return _before_the_pages_own(entries)


_TITLE_ONLY = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,4}:?")
"""A short title on a line of its own, with no stop: ``Related papers``, ``More from us``."""


def _before_the_pages_own(entries: list[Entry]) -> tuple[Entry, ...]:
    """The entries before a short title line after which nothing reads like a reference (no
    sign, not even a year): what follows is the page's own (``Related papers``, ``Download
    PDF``, its cookie notice), not the list's."""
    k = len(entries)
    while k and reference_like(entries[k - 1].text) == 0:
        k -= 1
    titled = next(
        (n for n in range(k, len(entries)) if _TITLE_ONLY.fullmatch(entries[n].text)), None
    )
    if titled is None or not any(reads_like_a_reference(e.text) for e in entries[:titled]):
        return tuple(entries)
    return tuple(entries[:titled])


def _goes_on(entry: str, line: str, between: str) -> bool:
    """Whether a line continues the entry above it (no blank line between): it opens in lower
    case or with the year and volume (``2004;19(3):271-279.``), or the entry stopped mid-way."""
    if between.count("\n") != 1:
        return False
    if line[:1].islower() or _YEAR_VOLUME.match(line):
        return True
    # an entry stopped mid-way goes on, unless the line is a reference of its own (and a lone
    # "History" is no entry to go on)
    return (
        entry[-1:] not in ".?!)]"
        and reads_like_a_reference(entry)
        and not reads_like_a_reference(line)
    )


_YEAR_VOLUME = re.compile(r"(?:1[6-9]|20)\d{2}\s*[;:(]")


def reads_like_a_reference(entry: str) -> bool:
    """Whether an entry carries a strong sign of being a reference (a DOI, a link, journal
    punctuation, an author list, a year in parentheses)."""
    return reference_like(entry) >= 1.0


def reference_like(entry: str) -> float:
    """1 for an entry with a strong sign of being a reference (or a note's backlink ``↩``, as
    kramdown, pandoc and Hugo print them), 0.5 for a year alone, else 0."""
    if STRONG.search(entry) or "↩" in entry:
        return 1.0
    return 0.5 if _YEAR.search(entry) else 0.0
