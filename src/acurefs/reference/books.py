"""What marks a book or a chapter in a reference: the place and publisher, ``In:`` and its
editors, an edition."""

from __future__ import annotations

import re

from ..text import UPPER
from .tails import YEAR

_PLACE_PUBLISHER_YEAR = rf"[A-Z][\w .'()-]{{1,40}}(?:,\s*[A-Z][\w.]{{1,12}}\.?)?\s*:\s*[A-Z][^:;.]{{2,80}}[;,]\s*{YEAR}\b"
BOOK_SIGNS = re.compile(
    rf"[.,]\s+In:?\s+(?:[^.]|(?<=\b[A-Z])\.){{0,200}}?(?:\beds?\b\.?|\beditors?\b|\bEdited\s+by\b)"
    rf"|\.\s{_PLACE_PUBLISHER_YEAR}"
    r"|[.,]\s+In:?\s+[A-Z*‘“\"](?:[^.]|(?<=\b[A-Z])\.|(?<=\b[Ee]d)\.|(?<=\b[Ee]ds)\.){0,200}?"
    r"\(?\bpp?\.\s*\d"
    r"|[’'”\"]\s+in:?\s+[^.]{0,200}?\((?:eds?|editors?)\.?\)"
)
"""A book or chapter: ``In: Editors, eds. Book``, ``Place: Publisher; 2007``, APA's ``In
Book title (pp. 371-432)``, Harvard's ``'Chapter' in Editor, A. (eds.) Book``; and at the
start, :data:`BOOK_START` (apart, so that every branch here starts with what it matches)."""
BOOK_START = re.compile(_PLACE_PUBLISHER_YEAR)
PUBLISHED_AT = re.compile(r"[A-Z][\w .'-]{1,40}:\s*(?P<publisher>[A-Z][^:;.()]{2,80})")
"""``New York: Oxford University Press``: where a book was published, and by whom."""
BOOK_HINTS = re.compile(
    r"(?i)\b(?:\d+(?:st|nd|rd|th)\s+ed\b|edition|eds?\.|editors?|publishers?|press\b|in:)"
)
# Books: "3rd ed. Edinburgh: Elsevier; 2015" (the year is the tail, already cut off).
BOOK_TAIL = re.compile(
    rf"(?:^|(?<=[.,]\s))(?P<place>[{UPPER}][\w ,'’-]{{1,40}}?)\s*:\s*(?P<publisher>[{UPPER}0-9][^:;.]{{1,79}}?)\s*[;,.]?\s*$"
)
TRAILING_EDITION = re.compile(
    r"(?i)[.,]?\s*\d+(?:st|nd|rd|th)\s+(?:ed\.?|edition)\s*$|[.,]?\s*(?:rev(?:ised)?\.?\s+)?ed(?:ition)?\.?\s*$"
)
# A chapter or a paper in proceedings: "Title. In: Editors, eds. Book" / "Title. In Proc. ..."
CONTAINER = re.compile(r"[.,]\s+In:?\s+(?=[\w\"“])")
BOOK_PUBLISHERS = re.compile(
    r"(?i)\b(?:press|publishing|publishers?|books|elsevier|springer|wiley|mcgraw|lippincott|"
    r"saunders|churchill\s+livingstone|mosby|penguin|random\s+house|harper|simon\s*&\s*schuster|"
    r"routledge|sage|crc|thieme|karger|wolters\s+kluwer|blackwell|oxford|cambridge|raven|"
    r"jones\s*&\s*bartlett|pearson|norton|little,?\s+brown|bantam|hay\s+house|rodale|basic\s+books)\b"
)
"""A book publisher's name or a word of one, read where the text says it is a publisher's."""
_JOURNAL_SLOT_PUBLISHERS = re.compile(
    r"(?i)\b(?:press|publishing|publishers?|books|elsevier|springer(?:-verlag)?|wiley|crc|routledge|"
    r"mcgraw[- ]hill|lippincott|saunders|mosby|penguin|thieme|karger|pearson)\b"
)
"""The publishers :func:`names_a_publisher` knows where a journal would stand: fewer than
:data:`BOOK_PUBLISHERS` (not Oxford, Cambridge or Sage, which open journals' names too)."""
_JOURNAL_WORDS = re.compile(
    r"(?i)\b(?:journal|review|annals|archives|bulletin|quarterly|proceedings|letters|reports|"
    r"research|medicine|science|magazine)\b"
)


def names_a_publisher(name: str) -> bool:
    """A book publisher, with its place perhaps (``Springer-Verlag New York``, ``Chapman and
    Hall/CRC Florida``), and no word of a journal's name (``Oxford Review of ...``)."""
    return bool(_JOURNAL_SLOT_PUBLISHERS.search(name)) and not _JOURNAL_WORDS.search(name)
