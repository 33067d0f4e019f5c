"""Shared text vocabulary: letters, folding, name particles, plurals and timestamps.

One copy of each small rule the stages share, so that the reference parser, the
matcher and the reports agree on what a letter, a surname particle or "now" is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

_SCRIPTS = (*range(0x41, 0x250), *range(0x400, 0x460))
UPPER = "".join(chr(c) for c in _SCRIPTS if chr(c).isupper())
"""Upper-case letters of the Latin (accented ones included) and Cyrillic alphabets (for regex
character classes). Not Greek: a Greek letter in a reference is a prefix (``α-tocopherol``,
``TNF-α``), never a name's initial."""
LOWER = "".join(chr(c) for c in _SCRIPTS if chr(c).islower() or chr(c) == "ß")
"""Lower-case letters of the same alphabets."""
LETTER = UPPER + LOWER

NAME_PARTICLES = (
    "van von de del della dela der den di da dos das du le la ter ten el al bin ben zu vander "
    "van't op het 't dal degli lo sive y e d'"
).split()
"""Words written in lower case before a family name (``van de Wiel``, ``de Roever``)."""
NAME_PARTICLE_PATTERN = (
    "(?:" + "|".join(re.escape(p) for p in sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
)
"""A regex alternation of :data:`NAME_PARTICLES`, longest first."""
_PARTICLE_WORDS = frozenset(NAME_PARTICLES)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_JOURNAL_SMALL_WORDS = frozenset("of the and in for on de la le du des der und et a an its".split())
"""Words a journal's name may drop when abbreviated (``J Am Coll Cardiol``)."""
_GROUP_PREFIX = re.compile(r"(?i)^(?:for|on behalf of)\s+(?:the\s+)?")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-folded, accent-free, punctuation-free words separated by single spaces."""
    if not text.isascii():  # ASCII has no accents to strip: most titles skip the walk
        text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", text.casefold()).strip()


class Keyed:
    """A regex searched only in text that holds one of the words no match can do without.

    A walk of a long alternation over every position of a reference costs tens of
    microseconds; a few substring tests cost one. ``keys`` must be *necessary*: every match
    of ``pattern`` contains one of them, in lower case, with runs of white space written as
    one space (so ``available\\s+from`` is keyed by ``available``, ``fact\\s+sheet`` by ``fact
    sheet``). Text that is not ASCII is always searched: case folding in other scripts can
    match an ASCII letter (the Kelvin sign matches ``k``). Results are the pattern's own.
    """

    __slots__ = ("keys", "pattern")

    def __init__(self, pattern: str, keys: tuple[str, ...]) -> None:
        self.pattern = re.compile(pattern)
        self.keys = keys

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            probe = " ".join(text.lower().split())
            if not any(key in probe for key in self.keys):
                return None
        return self.pattern.search(text)


def is_particle(word: str) -> bool:
    """Whether ``word`` is a surname particle (``van``, ``de``, ``ter``...), in any case."""
    return word.lower() in _PARTICLE_WORDS


def without_group_prefix(name: str) -> str:
    """A group author's name without "for the" / "on behalf of" (``for the ACP`` -> ``ACP``)."""
    return _GROUP_PREFIX.sub("", name)


def plural(count: int, word: str, plural_form: str | None = None) -> str:
    """``1 article``, ``2 articles``; ``plural_form`` for irregular words (``info`` stays ``info``)."""
    return f"{count} {word if count == 1 else (plural_form or word + 's')}"


def iso_utc(when: float | None = None) -> str:
    """A UTC time to the second in ISO 8601 with ``Z``: now, or the epoch seconds ``when``."""
    moment = (
        dt.datetime.now(dt.timezone.utc)
        if when is None
        else dt.datetime.fromtimestamp(when, dt.timezone.utc)
    )
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


RENAMED_JOURNALS = {
    fold(old): new
    for old, new in (
        ("Archives of Internal Medicine", "JAMA Internal Medicine"),
        ("Archives of General Psychiatry", "JAMA Psychiatry"),
        ("Archives of Neurology", "JAMA Neurology"),
        ("Archives of Dermatology", "JAMA Dermatology"),
        ("Archives of Surgery", "JAMA Surgery"),
        ("Archives of Ophthalmology", "JAMA Ophthalmology"),
        ("Archives of Pediatrics & Adolescent Medicine", "JAMA Pediatrics"),
        (
            "Archives of Otolaryngology - Head & Neck Surgery",
            "JAMA Otolaryngology-Head & Neck Surgery",
        ),
        ("BMC Complementary and Alternative Medicine", "BMC Complementary Medicine and Therapies"),
    )
}
"""Journals renamed, by their former name: a sentence may name the journal as it is called
now for a paper its record files under the old name (the Archives became JAMA's titles in
2013; BMC's complementary-medicine journal was renamed in 2020)."""


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
        if printed_words == _before_series(name):
            return True  # "Journals of Gerontology": "... Gerontology Series A: Biological ..."
        if _abbreviates(printed_words, full_words) or _abbreviates(full_words, printed_words):
            return True
    return False


def _before_series(name: str) -> list[str]:
    """A journal's words before its series (``The Journals of Gerontology`` of ``The Journals
    of Gerontology Series A: Biological Sciences``; not before a colon: ``Circulation:
    Cardiovascular Quality and Outcomes`` is another journal than *Circulation*)."""
    words = fold(_drop_place(name)).split()
    cut = next((i for i, w in enumerate(words) if w in ("series", "section")), len(words))
    return [w for w in words[:cut] if w not in _JOURNAL_SMALL_WORDS]


def journal_initials(name: str) -> str:
    """The initials of a journal's name without its small words: ``nejm`` for *New England
    Journal of Medicine*, ``jama`` for *Journal of the American Medical Association*."""
    return "".join(w[0] for w in fold(_drop_place(name)).split() if w not in _JOURNAL_SMALL_WORDS)


def _drop_place(name: str) -> str:
    """``Medicine (Baltimore)`` -> ``Medicine``; ``Spine (Phila Pa 1976)`` -> ``Spine``."""
    if "(" not in name:  # most journal names: nothing in parentheses
        return name.strip()
    return _PARENTHESES.sub(" ", name).strip()


_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")


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


_ROMAN = re.compile(r"c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_number(numeral: str) -> int | None:
    """The value of a lower-case Roman numeral (``iv`` is 4), as Word numbers its endnotes;
    None for letters that are no numeral."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


LINE_OPENING = re.compile(r"[^\S\n]*(?:[-*•]|\d{1,3}[.)])?[^\S\n]*[\[(]?")
"""What may stand before a superscript that labels its line (an affiliation, a note at the
page's foot): spaces, a list number or bullet, an opening bracket."""


def words_folded(text: str) -> str:
    """``text`` with its spacing and case set aside: how a claim's words are matched."""
    return " ".join(text.split()).casefold()
