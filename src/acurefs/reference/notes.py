"""What an entry says about itself besides its work: no date, an edition, an ISBN, a catalogue
number, where it is available, when it was cited; and the entry cleaned of them."""

from __future__ import annotations

import re

from .house import MEDIUM_NOTES

_AVAILABLE = re.compile(
    r"(?i)\bavailable(?:\s+(?:from|at|online|on))?\s*:?(?=\s|$|[.,;])|\bURL\b\s*:?(?=\s|$)"
)
EDITION = re.compile(
    r"(?i)[,.]?\s*[\[(]?\s*(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|revised|rev\.?)\s+(?:edition|edn\.?|ed\.?)(?:\s*\.?\s*[\])])?\s*,?|"
    r",?\s*\bedn\.?\s*\d+"
)
NO_DATE = re.compile(
    r"(?i)[(\[]\s*(?:n\.\s?d|u\.\s?d|s\.\s?f|s\.\s?d|o\.\s?j|z\.\s?j|no\s+date|undated|"
    r"date\s+unknown|sin\s+fecha|sem\s+data|sans\s+date|senza\s+data|ohne\s+jahr)\.?(?:-?[a-z])?\s*[)\]]|"
    r"\bn\.d\.?"
)
"""No date, ``(n.d.)`` (APA's ``(n.d.-a)`` for the first of several), also as Norwegian
``(u.d.)``, Spanish ``(s.f.)``, German ``(o.J.)``..."""
_BRACKETED_DATES = re.compile(
    r"(?i)\[[^\]]*\b(?:updated|cited|reviewed|modified|accessed|revised)\b[^\]]*\]|\[about\s[^\]]*\]"
)
ISBN = re.compile(r"(?i)\bISBN(?:-1[03])?:?\s*[\d-]{9,17}[\dX]?")
_CATALOGUE = re.compile(
    r"(?i)\b(?:ABS\s+)?cat(?:alogue|\.)?\s*(?:no\.?|number)\s*:?\s*\(?(?-i:[A-Z]{2,4}\s+)?\d(?:[\d.]*\d)?\)?"
)
"""A statistics office's catalogue number: ``ABS cat. no. 4364.0.55.001``, the Australian
Institute of Health and Welfare's ``Cat. no. HSE 236``."""

_EMPTY_PARENTHESES = re.compile(r"\(\s*([,;.:]?)\s*\)")
"""Parentheses left empty once an address and access date were read off, ``(, )``; a stop
an edition left in them (``(5th ed.)`` read off) still ends its segment."""


def clean_body(text: str) -> str:
    """The entry without ``[Internet]``, ``Available from:``, page counts and ISBNs."""
    text = _BRACKETED_DATES.sub(" ", MEDIUM_NOTES.sub(" ", text))
    text = _AVAILABLE.sub(" ", text)
    text = _EMPTY_PARENTHESES.sub(r"\1 ", ISBN.sub(" ", _CATALOGUE.sub(" ", text)))
    text = NO_DATE.sub(". (n.d.). ", text)
    text = re.sub(r"\s+([.,;:])", r"\1", " ".join(text.split()))
    text = re.sub(r",(?:\s*,)+", ",", text)  # "”, , février": an address cut from between
    return re.sub(r"([.,;:])(?:\s+[.,;:])+", r"\1", text).strip(" .,;")
