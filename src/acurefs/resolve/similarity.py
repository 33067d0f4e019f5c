"""Comparing bibliographic strings fairly: titles, names, journals, volumes and pages.

Printed references and publishers' metadata differ in case, accents, punctuation,
hyphenation and abbreviation (``Ann Intern Med`` for *Annals of Internal
Medicine*). These helpers put both sides in one form before comparing; the
matcher (:mod:`.matching`) and the record checks (:mod:`.checks`) share them.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..text import fold, is_particle

_JOURNAL_SMALL_WORDS = frozenset("of the and in for on de la le du des der und et a an its".split())
"""Words a journal's name may drop when abbreviated (``J Am Coll Cardiol``)."""


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
    return re.split(r"\s*[:?]\s+|\s+[-–—]\s+|\.\s+", title, maxsplit=1)[0].strip()


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


def journal_matches(printed: str, *published: str | None) -> bool:
    """Whether a printed journal name names the same journal as any published form.

    Abbreviations are read word by word: each printed word must begin like the
    corresponding word of the full name and keep its letters in order
    (``Natl`` - *National*, ``Intern`` - *Internal*), skipping the full name's
    small words (of, the, and...). ``Medicine (Baltimore)`` matches *Medicine*.
    """
    printed_words = [w for w in fold(_drop_place(printed)).split() if w not in _JOURNAL_SMALL_WORDS]
    if not printed_words:
        return False
    for name in published:
        if not name:
            continue
        full_words = [w for w in fold(_drop_place(name)).split() if w not in _JOURNAL_SMALL_WORDS]
        if not full_words:
            continue
        if printed_words == full_words or "".join(printed_words) == "".join(full_words):
            return True
        if _abbreviates(printed_words, full_words) or _abbreviates(full_words, printed_words):
            return True
    return False


def _drop_place(name: str) -> str:
    """``Medicine (Baltimore)`` -> ``Medicine``; ``Spine (Phila Pa 1976)`` -> ``Spine``."""
    return re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()


def _abbreviates(short: list[str], full: list[str]) -> bool:
    if len(short) != len(full):
        return False
    return all(_abbreviates_word(s, f) for s, f in zip(short, full, strict=True))


def _abbreviates_word(short: str, full: str) -> bool:
    if short == full:
        return True
    if not short or not full or short[0] != full[0] or len(short) > len(full):
        return False
    it = iter(full)
    return all(ch in it for ch in short)  # letters in order: "natl" in "national"


def number_key(value: str) -> str:
    """A volume, issue or page for comparison: folded, spaceless, leading zeros dropped."""
    return fold(value).replace(" ", "").lstrip("0") or "0"


def same_number(printed: str | None, published: str | None) -> float | None:
    """1.0 when a printed volume or issue equals the published one, 0.0 when not, None if either is missing."""
    if not printed or not published:
        return None
    return 1.0 if number_key(printed) == number_key(published) else 0.0


def first_page_agrees(printed: str, first_page: str | None, article_number: str | None) -> bool:
    """Whether a printed first page or article number is the record's first page or article number.

    Publishers put an e-locator in either field or both, so both are looked at.
    """
    return number_key(printed) in {number_key(x) for x in (first_page, article_number) if x}
