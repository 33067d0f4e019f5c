"""Comparing bibliographic strings fairly: titles, names, journals, volumes and pages.

Printed references and publishers' metadata differ in case, accents, punctuation,
hyphenation and abbreviation (``Ann Intern Med`` for *Annals of Internal
Medicine*). These helpers put both sides in one form before comparing; the
matcher (:mod:`.matching`) and the record checks (:mod:`.checks`) share them.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..text import fold, is_particle, journal_matches

__all__ = [
    "family_key",
    "first_page_agrees",
    "fold",
    "journal_matches",
    "main_title",
    "number_key",
    "same_family",
    "same_number",
    "title_in_text",
    "title_similarity",
]


def title_similarity(printed: str, published: str) -> float:
    """0..1: how alike two titles are, ignoring case, accents, punctuation and spacing."""
    a, b = fold(printed), fold(published)
    if not a or not b:
        return 0.0
    if a.replace(" ", "") == b.replace(" ", ""):
        return 1.0
    return max(fuzz.ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", ""))) / 100.0


def title_in_text(title: str, text: str) -> float:
    """0..1: how well a published title appears inside a raw reference string."""
    a, b = fold(title), fold(text)
    if len(a) < 12 or not b:
        return 0.0
    if len(a) > len(b):
        # partial_ratio aligns the shorter string: a short text is not "containing" a long title.
        return fuzz.ratio(a, b) / 100.0
    return fuzz.partial_ratio(a, b) / 100.0


def main_title(title: str) -> str:
    """The title before its subtitle (``Acupuncture modulates immunity in sepsis``)."""
    return _SUBTITLE_BREAK.split(title, maxsplit=1)[0].strip()


_SUBTITLE_BREAK = re.compile(r"\s*[:?]\s+|\s+[-–—]\s+|\.\s+")


def family_key(name: str) -> str:
    """A surname for comparison: folded, particles and spaces dropped (``van de Wiel`` -> ``wiel``)."""
    words = [w for w in fold(name).split() if not is_particle(w)]
    return "".join(words) or fold(name).replace(" ", "")


def same_family(a: str, b: str) -> bool:
    """Whether two surnames are the same person's, allowing particles, hyphens and damage."""
    ka, kb = family_key(a), family_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    # "Kim" vs "Kim-Lee", "Garcia" vs "Garcia Marquez": one is the start of the other
    short, long = sorted((ka, kb), key=len)
    if len(short) >= 3 and long.startswith(short) and len(long) - len(short) >= 3:
        return True
    return len(short) >= 5 and fuzz.ratio(ka, kb) >= 90


def number_key(value: str) -> str:
    """A volume, issue or page for comparison: folded, spaceless, leading zeros dropped."""
    return fold(value).replace(" ", "").lstrip("0") or "0"


def same_number(printed: str | None, published: str | None) -> float | None:
    """1.0 when a printed volume or issue equals the published one, 0.0 when not, None if either is missing."""
    if not printed or not published:
        return None
    return 1.0 if numbers_agree(printed, published) else 0.0


_PART = re.compile(r"(?i)^(\d+)\s*(?:suppl(?:ement)?|pt|part|spec\s*no)\b")
"""A volume and its part: ``175 Suppl Jul 16``, ``62 Pt 2``."""


def numbers_agree(printed: str, published: str) -> bool:
    """Whether a printed volume or issue is the published one: the same, or the same volume
    with its supplement or part said on one side only (``175 Suppl 1`` and ``175``: Crossref
    files a supplement's number under the volume or the issue, as the publisher sent it)."""
    if number_key(printed) == number_key(published):
        return True
    a, b = _PART.match(printed.strip()), _PART.match(published.strip())
    if bool(a) == bool(b):
        return False
    part, plain = (a, published) if a else (b, printed)
    return part is not None and number_key(part.group(1)) == number_key(plain)


def first_page_agrees(printed: str, first_page: str | None, article_number: str | None) -> bool:
    """Whether a printed first page or article number is the record's first page or article number.

    Publishers put an e-locator in either field or both, so both are looked at.
    """
    return number_key(printed) in {number_key(x) for x in (first_page, article_number) if x}
