"""The doubtful forms of citation markers: digits no pattern can tell from a number on
its own (set off by a space, glued to a word, after a quote, a lost dash's range). Each is a
:class:`Candidate`; :mod:`acurefs.claims.decode` decides, article by article, which to take."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Span
from ..text import LETTER
from .numbered import COUNTING_WORDS

ORDER_SLACK = 3
"""How far past the highest number cited so far a new number may be (a marker missed in a
figure or table must not stop the rest)."""
SPACED_SLACK = 6
"""The same for digits set off after a sentence and before a capital (``care. 12,13 A``):
the form says more, and copies of two-column PDFs shuffle paragraphs."""

# Each form opens with a literal or a set of characters and checks what comes before with a
# look-behind *after* it (``\.(?<=\b\d\.)``, not ``(?<=\b\d)\.``): the engine then skips
# ahead to where the literal is instead of trying the look-behind at every character of
# the article, which made these passes the slowest part of reading long articles.
_LIST = r"\d{1,3}(?:[ \t]?[,–-][ \t]?\d{1,3})*"
_SPACED = re.compile(
    rf"[.!?](?:(?<=[{LETTER}%)\]”’\"'][.!?])|(?<=\b(?:1[89]|20)\d\d[.!?]))[”’\"')]?"
    r"(?P<gap>[ \t]{1,2}|[ \t]*\n)"
    rf"(?P<list>{_LIST}(?:,[ \t]*\n[ \t]*{_LIST})?)(?=[ \t]*(?:\n|$)|[ \t]+[“\"‘(]?[A-Z]|[ \t]+(?:1[89]|20)\d\d[ \t]+[a-z])"
    r"(?![ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?[ \t]+\d)"
)
"""Digits set off after a sentence's end: ``patients. 14,15 Several``, ``counted. 3 Most``, a
pair cut by a hard-wrapped line's end (``home. 1,`` / ``3 Ask``); not a day and its month
(``... signed. 2 Oct 2024: ...``)."""
_NOT_A_PAIR = (
    r"(?![ \t]+(?:and|or|to|&)[ \t]+\d|[ \t]+[ap]\.?m\b|"
    r"[ \t]+(?:or|to)[ \t]+(?:more|fewer|less|older|younger|over|under|above|below)\b)"
)
"""Not ``2 or 3 times``, ``1, 2 and 3``: a number paired with another is a count; nor ``1 or
more needles``, a count's bound; nor ``8 a.m.``, a time."""
_AFTER_COMMA = re.compile(
    rf"(?<=[{LETTER}]),[ \t](?P<list>\d{{1,2}}(?:,\d{{1,2}})*){_NOT_A_PAIR}(?=[ \t]+(?:the|a|an|and|but|which|who|"
    r"whose|that|this|these|those|their|its|it|they|we|in|with|as|although|while|whereas|whilst|"
    r"so|because|since|however|yet|or|nor|not|both|each|where|when)\b)"
)
"""Digits after a comma and before a word no count is followed by: ``colleagues, 2 the``."""
_WORD_GLUED = re.compile(
    r"(?<![A-Za-z0-9])(?!(?:mm|cm|km|kg|mg|ml|dl|nm|mmol|mcg|ug|µg|sq|ft|in)\d)"
    r"(?P<word>[A-Z]?[a-z]{2,}(?:[-'’][a-z]{2,})?)(?P<list>\d{1,2}(?:[,–-]\d{1,2})*)"
    r"(?=[ \t]+[a-z(]|[ \t]+[—–][ \t]|[,;:.)](?:\s|$)|[ \t]*\n|$)"
)
"""Digits glued to a lower-case word: ``Smith1 and``, ``Bulletin2 was``, ``reviews7.``,
``weeks3 — even`` (not
``LI4``, ``ST36``, ``CD4``: capitals and digits name things)."""
_CAPITALS_GLUED = re.compile(
    r"(?<![\w(/.-])[A-Z]{3,6}(?P<list>\d)(?=[ \t]+[a-z]|[,;:.](?:[ \t]|\n|$))"
)
"""A digit glued to a word in capitals: ``fewer in the USA6 and``, ``writing in the BMJ6
both``. Capitals and a digit mostly name things (``SGLT2``, ``AREDS2``; with two capitals,
``CD4``, ``LI4``, never taken), so these are taken only for a list entry no other marker cites
(:func:`_uncited`), and only where the name is printed once."""
CAPITALS_FORM = "a digit glued to a word in capitals"
_ABBREVIATED = re.compile(
    r"\b(?i:no|nos|vol|fig|figs|p|pp|ch|sec|art|ref|refs|pt|rev|ver|ed|edn)\.[ \t]*\n?[ \t]*$"
)
"""An abbreviation's stop, not a sentence's end: ``No. 4``, ``Vol. 12``, ``Fig. 2``, a form's
``rev. 4``, an edition's ``ed. 2``."""
_AFTER_QUOTE = re.compile(
    rf"(?P<list>\d(?:(?<=[{LETTER}%][”’\"')]\d)|(?<=[a-z]\.\)\d)|(?<=[”’\"]\)\d)|(?<=\d\)\d)|"
    rf"(?<=[{LETTER}%][.!?,][”’\"]\d))"
    r"\d{0,2}(?:[,–-]\d{1,3})*)(?=[ \t]|[.,;:](?:\s|$)|\n|$)"
)
"""Digits glued after a closing quote or parenthesis: ``theory”2``, ``million)4``,
``(over 65)1.``, ``(Rollins et al.)6 and``, ``“ultra-processed foods,”1``,
``(NutriNet-Santé)5``."""
_AFTER_ET_AL = re.compile(
    r"\bet[ \t]al\.?[ \t](?P<list>\d{1,3}(?:,[ \t]?\d{1,3})*)(?=[ \t]+[a-z(]|[,;:.](?:\s|$))"
)
"""Digits set off after "et al", where a name cites its paper: ``Lee et al 1 which``."""
_BEFORE_STOP = re.compile(
    r"(?<=[a-z])[ \t](?P<list>\d{1,2}(?:[–-]\d{1,2})?(?:[ \t]?,[ \t]?\d{1,2}(?:[–-]\d{1,2})?)*)"
    r"(?=[.,;:](?:[ \t]|\n|$))"
)
"""Digits set off by a space after a word and before its punctuation, where a copied page
lost the superscript: ``much of it 1. Two``, ``disease 1, 2. Cohort``, ``matter 3, 5-7.``.
Words that take a number (``type 2.``, ``stage 3,``, an age: ``I am 34,``) are left out by :data:`~acurefs.claims.numbered.COUNTING_WORDS`."""
SPACED_FORM = "digits set off after the end of a sentence"
WORD_GLUED_FORM = "digits glued to a word"
_VARIANT = "|".join(rf"(?<=\brs\d{{{n}}}\.)" for n in range(3, 11))
"""A genetic variant's number (``rs4149056``), one fixed-width look-behind per length."""
_AFTER_NUMBER = re.compile(
    r"\.(?:(?<=[0-9A-Za-z]-\d\d\.)|(?<=\b[A-Z]\d\d\d\.)|(?<=\b[A-Z]\d{4}\.)|(?<=\b[A-Z]{2}\d\d\.)|(?<=[A-Z]{3}\d\.)|"
    r"(?<=\b[A-Z]\d\d\.)(?=\d{1,2},)|(?<=/m[23]\.)|(?<=[A-Z]\d[A-Z]\d\.)|" + _VARIANT + r")"
    r"(?P<list>\d{1,3}(?:[,–-]\d{1,3})*)(?=[ \t]+[A-Z]|[ \t]*(?:\n|$))"
)
"""Digits glued after the full stop of a name ending in a number: ``COVID-19.4 In``, ``E.
coli O157.4 Most``, ``called AREDS2.3 Ten-year``, ``vitamin B12.1,2 In`` (a list: B12.1 may be
a name), a road's (``the A4067.4 Officers``), a gene's or an enzyme's (``block CYP3A4.1
Similar``, ``SLCO1B1.2``), a variant's (``rs4149056.4 Check``), or of a unit's exponent, ``10
µg/m3.3 Most``."""
_AFTER_DIGIT = re.compile(
    r"\.(?:(?<=\b\d\.)|(?<=\b\d\d\.))(?P<list>\d{1,2}(?:,\d{1,2})+)(?=[ \t]+[A-Z]|[ \t]*(?:\n|$))"
)
"""A list of digits glued after a one- or two-digit number's full stop, at a sentence's end:
``the time they are 8.1,2``, ``aged 5 to 14.1,6`` (a decimal takes no comma list after it)."""
_AFTER_WHOLE_NUMBER = re.compile(
    r"\.(?:(?<=\b\d\d\.)|(?<=\b\d\d\d\.))(?P<list>\d)"
    r"(?=[ \t]+(?!(?:Celsius|Fahrenheit|Kelvin|Gy|Hz|Pa|Sv)\b)[A-Z][a-z]{2,}\b|[ \t]*(?:\n|$))"
)
"""One digit after a whole number's stop, before a capitalised word that opens the next
sentence or at a paragraph's end: ``between the ages of 11 and 15.4 Closer to home``, ``below
350.1 The``, ``before the age of 35.6`` (a decimal would need its own stop to end the
sentence); only when the digit is exactly the next citation."""
_AFTER_YEAR = re.compile(
    r"(?<=\b(?:1[89]|20)\d\d),(?P<list>\d{1,2}(?:[,–-]\d{1,2})*)(?=[ \t]+[a-z])"
)
"""Digits glued after a year's comma, before a word in lower case: ``in 2019,2 the``."""
_SPACED_BOTH = re.compile(
    r"(?<=[A-Za-z”’\"')])[ \t](?P<list>\d{1,2}(?:,\d{1,2})*)[ \t](?=[,;][ \t])"
)
"""Digits with a space on both sides before a comma: a flattened superscript (``group 3 ,
which``, ``the WHO "five moments" 5 , which``); nobody types a number so."""

_CLAUSE_WORDS = (
    r"that|which|who|whose|the|and|but|while|whereas|although|because|mostly|much|also|found|showed|"
    r"reported|suggested|concluded|was|were|is|are|has|have|had|suggests?|shows?|finds?|"
    r"indicates?|confirms?"
)
_SPACED_MID = re.compile(
    r"(?:,[ \t](?<=[a-z],[ \t])|,[ \t](?<=[a-z][”\"’'],[ \t])| (?<=[a-z] )|\t(?<=[a-z]\t))"
    r"(?P<list>\d{1,2}(?:[ \t]?[,–-][ \t]?\d{1,2})*)"
    rf"{_NOT_A_PAIR}(?=[ \t]+(?:{_CLAUSE_WORDS}|[a-z]{{3,}}ed)\b)"
)
"""In an article whose superscripts came out set off by spaces, digits between a word (or
its comma) and the word that goes on with the clause: ``Morton and colleagues 1 that
pooled``, ``0.4 g/kg each, 2 mostly because``, ``known as "Bug Busting", 5 cleared``."""
_SPACED_AFTER_NUMBER = re.compile(
    r"[.,](?<=\d[.,])[ \t](?P<list>\d{1,2}(?:,[ \t]?\d{1,2})*)"
    rf"{_NOT_A_PAIR}(?=[ \t]+(?:[A-Z][a-z]|A[ \t]+\w)|[ \t]+(?:{_CLAUSE_WORDS})\b|[ \t]*(?:\n|$))"
)
"""The same after a number's full stop or comma: ``people over 60. 1 In a study``,
``over 40. 2 A German study``, ``than taking 4,000, 2 while``."""
_COUNTED = frozenset((_BEFORE_STOP, _SPACED_MID))
"""Forms whose digits may be the number a word before them takes (``type 2``)."""
_IN_SPACED_STYLE = frozenset((_SPACED_MID, _SPACED_AFTER_NUMBER))
"""Forms taken only where the article's superscripts are set off by spaces
(:data:`SPACED_STYLE`), and only in the exact order."""
SPACED_STYLE = 2
"""Digits set off after sentences, all in the list, an article needs before its other
set-off digits are read as markers too."""

_FORMS = (
    (_SPACED, SPACED_FORM, SPACED_SLACK),
    (_BEFORE_STOP, "digits set off before the punctuation that ends a clause", SPACED_SLACK),
    (_AFTER_NUMBER, "digits after a full stop that ends a name with a number", ORDER_SLACK),
    (_AFTER_DIGIT, "digits glued after a number's full stop", ORDER_SLACK),
    (_AFTER_WHOLE_NUMBER, "a digit glued after a number's full stop, before a sentence", 1),
    (_AFTER_YEAR, "digits glued after a year and its comma", ORDER_SLACK),
    (_SPACED_BOTH, "digits set off on both sides before a comma", ORDER_SLACK),
    (_AFTER_COMMA, "digits set off after a comma", ORDER_SLACK),
    (_WORD_GLUED, WORD_GLUED_FORM, ORDER_SLACK),
    (_AFTER_QUOTE, "digits glued after a closing quote or parenthesis", ORDER_SLACK),
    (_AFTER_ET_AL, 'digits set off after "et al"', ORDER_SLACK),
    (_SPACED_MID, "digits set off inside a clause, as the article sets off its markers", 1),
    (_SPACED_AFTER_NUMBER, "digits set off after a number, as the article sets off its markers", 1),
    (_CAPITALS_GLUED, CAPITALS_FORM, 0),
)
"""Each doubtful form, what to call it, and how far ahead of the order it may cite."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of digits that may be a citation marker, and the form it has."""

    span: Span
    digits: str
    form: str
    slack: int = ORDER_SLACK
    spaced: bool = False
    """Taken only where the article sets off its markers with spaces."""
    new_only: bool = False
    """Taken only as the next new citation, never as one cited before (``15.4``)."""
    named: bool = False
    """Set off after a capitalised word inside a sentence (``Stata 17;``): the name's number
    more likely than a marker, so never read with a lost dash."""


def candidates(text: str, taken: bytearray) -> list[Candidate]:
    """The doubtful forms in ``text`` that no marker already holds (``taken``: one byte per
    character, set where a marker sits)."""
    found: dict[int, Candidate] = {}
    for pattern, form, slack in _FORMS:
        for match in pattern.finditer(text):
            start, end = match.start("list"), match.end("list")
            if start in found or taken.find(1, start, end) >= 0:
                continue
            if pattern is _SPACED and _ABBREVIATED.search(text, max(0, start - 12), start):
                continue  # "Vol. 12, No. 1", "Family Guide No. 4": a number after its label
            if pattern in _COUNTED and (
                _word_before(text, start) in COUNTING_WORDS or _label(text, start, end)
            ):
                continue  # "people with type 2.", "at stage 3,", "Lent 2:": a number the word takes
            if pattern is _AFTER_COMMA and _parallel_count(text, start):
                continue  # "4 cups of tea a day, 2 with meals": the next count of a list
            if pattern is _CAPITALS_GLUED and text.count(match.group()) > 1:
                continue  # "CD4 count" again and again: a name
            if (
                "gap" in pattern.groupindex
                and "\n" in match.group("gap")
                and _heading_after(text, end)
            ):
                continue  # "...shown.\n3 Results": a numbered heading, not a marker
            found[start] = Candidate(
                Span(start, end),
                match.group("list"),
                form,
                slack,
                spaced=pattern in _IN_SPACED_STYLE,
                new_only=pattern is _AFTER_WHOLE_NUMBER,
                named=pattern in _COUNTED and _name_before(text, start),
            )
    out: list[Candidate] = []
    for k in sorted(found):  # a candidate inside another ("3" of "1,\n3") is the other's
        if not out or found[k].span.start >= out[-1].span.end:
            out.append(found[k])
    return out


def _parallel_count(text: str, start: int) -> bool:
    """Whether the clause before a candidate's comma opens on a count (``4 cups of tea a day,
    2 with meals``): the number after the comma counts the same things, as a list does."""
    comma = text.rfind(",", 0, start)
    clause = _CLAUSE_BREAK.split(text[max(0, comma - 200) : comma])[-1]
    return bool(_OPENS_ON_COUNT.match(clause))


_CLAUSE_BREAK = re.compile(r"[;:!?\n(]|[.,](?=\s)")
_OPENS_ON_COUNT = re.compile(r"\s*\d[\d,.]*\s+[a-z]")
"""A count and the lower-case word it counts (``4 cups``; not a marker before a sentence,
``4 Drinking water ...``)."""


def _label(text: str, start: int, end: int) -> bool:
    """``Lent 2:``, ``Psalm 23:``: a capitalised word and its number before a colon."""
    return text[end : end + 1] == ":" and _printed_word_before(text, start)[:1].isupper()


def _name_before(text: str, start: int) -> bool:
    """Whether a capitalised word inside a sentence comes right before the candidate's space
    (``paired t-test, Stata 17;``; not a sentence's first word)."""
    match = re.search(
        r"(?:^|(?P<stop>[.!?:]\s+)|\s)[A-Z][A-Za-z]+[ \t]$", text[max(0, start - 30) : start]
    )
    return match is not None and match.group("stop") is None and match.start() > 0


def _word_before(text: str, start: int) -> str:
    """The word before a candidate's space, lower-cased."""
    return _printed_word_before(text, start).lower()


def _printed_word_before(text: str, start: int) -> str:
    """The word before a candidate's space, as printed ("" when there is none)."""
    match = re.search(r"([A-Za-z]+)[ \t]*$", text[max(0, start - 30) : start])
    return match.group(1) if match else ""


def _heading_after(text: str, end: int) -> bool:
    """Whether the rest of the line after ``end`` is short, as a numbered heading's is."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    return len(rest.split()) < 6


def numbers_of(digits: str) -> tuple[int, ...] | None:
    """``"14,15"`` -> (14, 15); ``"4-6"`` -> (4, 5, 6); None for what cannot cite."""
    out: list[int] = []
    for part in re.split(r"[ \t]?,\s*", digits.strip()):
        bounds = re.split(r"[ \t]?[–-][ \t]?", part)
        if not all(b.isdigit() and not b.startswith("0") for b in bounds) or len(bounds) > 2:
            return None  # "02" is an area code or a day, never a citation
        if len(bounds) == 1:
            if int(bounds[0]) == 0:
                return None
            out.append(int(bounds[0]))
            continue
        low, high = int(bounds[0]), int(bounds[1])
        if not 0 < low < high or high - low > 100:
            return None
        out.extend(range(low, high + 1))
    return tuple(out) or None
