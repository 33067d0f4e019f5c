"""Decoding an article's citation markers as a whole, not each match alone.

The explicit forms (``[3]``, ``<sup>3</sup>``, ``[^3]``, ``³``, ``(3)``, ``alone.3``) are
found by :mod:`acurefs.claims.markers`. Pages copied from the web and from PDFs also print
markers no pattern can tell from a number on its own:

- set off by a space: ``...for most patients. 14,15 Several trials``, ``in 2011. 3 Later``,
  ``Kim and colleagues, 2 the authors``;
- glued to a word: ``the review by Smith1 and``, ``the Bulletin2 was``;
- glued after a closing quote or parenthesis: ``the “gate control” theory”2``,
  ``($2 million)4 in``;
- ranges whose dash was lost: ``bruising.57`` for 5-7 in a list of nine.

These are *candidates*. The article decides: its reference list says which numbers exist,
and numbered styles introduce new numbers in ascending order, so ``14,15`` right after
13 was cited is a citation and ``2017`` is not. A candidate is taken only when every
number it cites is in the list and is either cited before or the next new numbers
(:data:`ORDER_SLACK`); without a list, only when it continues the order exactly. A
flattened range whose number the list does not have, or that jumps far ahead, is read with
its dash restored when the range continues the order. Every marker keeps the evidence it
was taken on (:attr:`Marker.evidence`); doubtful ones are left out: a marker that is not
there costs more than one missed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..models import Marker, MarkerStyle, Span
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
    rf"(?P<list>{_LIST})(?=[ \t]*(?:\n|$)|[ \t]+[“\"‘(]?[A-Z]|[ \t]+(?:1[89]|20)\d\d[ \t]+[a-z])"
    r"(?![ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?[ \t]+\d)"
)
"""Digits set off after a sentence's end: ``patients. 14,15 Several``, ``counted. 3 Most``;
not a day and its month (``... signed. 2 Oct 2024: ...``)."""
_NOT_A_PAIR = (
    r"(?![ \t]+(?:and|or|to|&)[ \t]+\d|[ \t]+[ap]\.?m\b|"
    r"[ \t]+(?:or|to)[ \t]+(?:more|fewer|less|older|younger|over|under|above|below)\b)"
)
"""Not ``2 or 3 times``, ``1, 2 and 3``: a number paired with another is a count; nor ``1 or
more needles``, a count's bound; nor ``8 a.m.``, a time."""
_AFTER_COMMA = re.compile(
    rf"(?<=[{LETTER}]),[ \t](?P<list>\d{{1,2}}(?:,\d{{1,2}})*){_NOT_A_PAIR}(?=[ \t]+(?:the|a|an|and|but|which|who|"
    r"whose|that|this|these|those|their|its|it|they|we|in|with|as|although|while|whereas|whilst|"
    r"so|because|since|however|yet|or|nor|both|each|where|when)\b)"
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
_CAPITALS_FORM = "a digit glued to a word in capitals"
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
_SPACED_FORM = "digits set off after the end of a sentence"
_WORD_GLUED_FORM = "digits glued to a word"
_AFTER_NUMBER = re.compile(
    r"\.(?:(?<=[0-9A-Za-z]-\d\d\.)|(?<=\b[A-Z]\d\d\d\.)|(?<=\b[A-Z]\d{4}\.)|(?<=\b[A-Z]{2}\d\d\.)|(?<=[A-Z]{3}\d\.)|"
    r"(?<=\b[A-Z]\d\d\.)(?=\d{1,2},)|(?<=/m[23]\.))"
    r"(?P<list>\d{1,3}(?:[,–-]\d{1,3})*)(?=[ \t]+[A-Z]|[ \t]*(?:\n|$))"
)
"""Digits glued after the full stop of a name ending in a number: ``COVID-19.4 In``, ``E.
coli O157.4 Most``, ``called AREDS2.3 Ten-year``, ``vitamin B12.1,2 In`` (a list: B12.1 may be
a name), a road's (``the A4067.4 Officers``), or of a unit's exponent, ``10 µg/m3.3 Most``."""
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
    r"that|which|who|whose|the|and|but|while|whereas|although|because|mostly|also|found|showed|"
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
    rf"{_NOT_A_PAIR}(?=[ \t]+[A-Z][a-z]|[ \t]+(?:{_CLAUSE_WORDS})\b|[ \t]*(?:\n|$))"
)
"""The same after a number's full stop or comma: ``people over 60. 1 In a study``,
``than taking 4,000, 2 while``."""
_COUNTED = frozenset((_BEFORE_STOP, _SPACED_MID))
"""Forms whose digits may be the number a word before them takes (``type 2``)."""
_IN_SPACED_STYLE = frozenset((_SPACED_MID, _SPACED_AFTER_NUMBER))
"""Forms taken only where the article's superscripts are set off by spaces
(:data:`SPACED_STYLE`), and only in the exact order."""
SPACED_STYLE = 2
"""Digits set off after sentences, all in the list, an article needs before its other
set-off digits are read as markers too."""

_FORMS = (
    (_SPACED, _SPACED_FORM, SPACED_SLACK),
    (_BEFORE_STOP, "digits set off before the punctuation that ends a clause", SPACED_SLACK),
    (_AFTER_NUMBER, "digits after a full stop that ends a name with a number", ORDER_SLACK),
    (_AFTER_DIGIT, "digits glued after a number's full stop", ORDER_SLACK),
    (_AFTER_WHOLE_NUMBER, "a digit glued after a number's full stop, before a sentence", 1),
    (_AFTER_YEAR, "digits glued after a year and its comma", ORDER_SLACK),
    (_SPACED_BOTH, "digits set off on both sides before a comma", ORDER_SLACK),
    (_AFTER_COMMA, "digits set off after a comma", ORDER_SLACK),
    (_WORD_GLUED, _WORD_GLUED_FORM, ORDER_SLACK),
    (_AFTER_QUOTE, "digits glued after a closing quote or parenthesis", ORDER_SLACK),
    (_AFTER_ET_AL, 'digits set off after "et al"', ORDER_SLACK),
    (_SPACED_MID, "digits set off inside a clause, as the article sets off its markers", 1),
    (_SPACED_AFTER_NUMBER, "digits set off after a number, as the article sets off its markers", 1),
    (_CAPITALS_GLUED, _CAPITALS_FORM, 0),
)
"""Each doubtful form, what to call it, and how far ahead of the order it may cite."""
_SPLITTABLE = (MarkerStyle.SUPERSCRIPT, MarkerStyle.UNICODE)
"""Forms whose dashes and commas a copy can lose (flattened superscripts, ``¹²``); ``[13]``
is thirteen."""
IN_ORDER = 0.8
"""The share of the explicit markers' new numbers that must come in ascending order for the
article to count as numbered by first citation (an alphabetical list is not)."""


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
    return [found[k] for k in sorted(found)]


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
    match = re.search(r"([A-Za-z]+),?[ \t]*$", text[max(0, start - 30) : start])
    return match.group(1) if match else ""


def _heading_after(text: str, end: int) -> bool:
    """Whether the rest of the line after ``end`` is short, as a numbered heading's is."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    return len(rest.split()) < 6


def numbers_of(digits: str) -> tuple[int, ...] | None:
    """``"14,15"`` -> (14, 15); ``"4-6"`` -> (4, 5, 6); None for what cannot cite."""
    out: list[int] = []
    for part in re.split(r"[ \t]?,[ \t]?", digits.strip()):
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


_MARKUP = frozenset((MarkerStyle.SUP, MarkerStyle.FOOTNOTE, MarkerStyle.LINK, MarkerStyle.UNICODE))
"""Forms that show the writer had superscripts (or footnotes, or links) to hand."""
MARKED_UP = 3
"""Markers in markup an article needs before its plain digits are taken for numbers only."""
STRAY_SHARE = 5
"""Explicit markers per flattened one below which the flattened ones are strays."""


class _Order:
    """The article's order of first citation, as it is read."""

    def __init__(self, known: set[int]) -> None:
        self.known = known
        self.seen: set[int] = set()
        self.highest = min(known) - 1 if known else 0
        """A chapter's notes may start at 12: its first citation is then 12, not 1."""

    def fits(
        self, numbers: Iterable[int], *, strict: bool = False, slack: int = ORDER_SLACK
    ) -> bool:
        """Every number is in the list (when there is one), and cited before or next."""
        slack = 1 if strict else slack
        nxt = self.highest
        for n in sorted(set(numbers)):
            if self.known and n not in self.known:
                return False
            if n in self.seen:
                continue
            if n > nxt + slack:
                return False
            nxt = max(nxt, n)
        return True

    def why(self, numbers: Sequence[int]) -> str:
        new = [n for n in numbers if n not in self.seen]
        if not new:
            return f"order: {_show(numbers)} cited before"
        before = f"{self.highest} before" if self.highest else "the first citation"
        return f"order: {_show(new)} next in the order of first citation ({before})"

    def take(self, numbers: Iterable[int]) -> None:
        for n in numbers:
            self.seen.add(n)
            self.highest = max(self.highest, n)


def _show(numbers: Sequence[int]) -> str:
    return ",".join(str(n) for n in numbers)


def decode(
    text: str,
    markers: Sequence[Marker],
    taken: bytearray,
    known: Iterable[int],
    line_of: Callable[[int], int] | None = None,
) -> list[Marker]:
    """The article's markers: the explicit ones (ranges with lost dashes restored) and the
    doubtful candidates the reference list and the order of citation support.

    An article whose explicit markers do not follow the order of first citation gets no
    doubtful candidate and no restored dash: the order is the evidence, and it has none.
    """
    known_set = set(known)
    order = _Order(known_set)
    markers = _in_its_style(markers, text)
    # An article that marks every citation it has with markup (<sup>, [^n], numeric links)
    # or superscript digits (¹²) had superscripts to hand: its plain digits are numbers,
    # not flattened citations.
    marked_up = len(markers) >= MARKED_UP and all(m.style in _MARKUP for m in markers)
    pending = [] if marked_up else candidates(text, taken)
    if not follows_order(markers, known_set) and not _filled_in_order(markers, pending, known_set):
        return _unordered(markers, known_set)
    if not _sets_off_markers(pending, known_set):
        pending = [c for c in pending if not c.spaced]
    out: list[Marker] = []
    left: list[Candidate] = []
    k = 0
    for marker in sorted(markers, key=lambda m: m.span.start):
        while k < len(pending) and pending[k].span.start < marker.span.start:
            if not _consider(pending[k], order, out, text, line_of, anchored=bool(out)):
                left.append(pending[k])
            k += 1
        marker = _restored(marker, order)
        order.take(marker.numbers)
        out.append(marker)
    for candidate in pending[k:]:
        if not _consider(candidate, order, out, text, line_of, anchored=bool(out)):
            left.append(candidate)
    forms = {_CAPITALS_FORM} if _glues_markers(out) else set()
    if _sets_off_markers(pending, known_set):
        forms.add(_SPACED_FORM)
    if forms:
        _uncited(
            [c for c in left if c.form in forms and not c.spaced], out, known_set, text, line_of
        )
    return out


def _glues_markers(markers: Sequence[Marker]) -> bool:
    """Whether the article's superscripts came out glued to the text: at least
    :data:`MARKED_UP` digits glued after punctuation."""
    return sum(m.style is MarkerStyle.SUPERSCRIPT for m in markers) >= MARKED_UP


def _uncited(
    left: Sequence[Candidate],
    out: list[Marker],
    known: set[int],
    text: str,
    line_of: Callable[[int], int] | None,
) -> None:
    """Digits the order did not support, taken when every number they cite is in the list
    and cited nowhere else in the article: digits set off after a sentence's end in an
    article whose superscripts came out set off so (its numbers need not come in the order
    of first citation: ``normal. 9 Large`` opening it), or a digit glued to capitals in one
    whose superscripts came out glued (``the USA6 and``). An article cites every entry it
    lists; an entry no marker cites is the better evidence that these digits are its marker."""
    cited = {n for marker in out for n in marker.numbers}
    for candidate in left:
        numbers = numbers_of(candidate.digits)
        if not numbers or any(n not in known or n in cited for n in numbers):
            continue
        cited.update(numbers)
        why = f"cited nowhere else: {_show(numbers)} in the list, and no other marker cites it"
        out.append(_marker(candidate, numbers, (f"form: {candidate.form}", why), text, line_of))


def _unordered(markers: Sequence[Marker], known: set[int]) -> list[Marker]:
    """The explicit markers of an article whose numbers do not come in the order of first
    citation: no order to restore a lost dash by, but a flattened number the list lacks that
    reads, one way only, as a range of entries all cited before it (``point the same way.25``
    after 2, 3, 4 and 5 in a list of nine) is that range cited again, not entry 25."""
    out: list[Marker] = []
    seen: set[int] = set()
    for marker in sorted(markers, key=lambda m: m.span.start):
        evidence = marker.evidence or form_evidence(marker.style)
        numbers = marker.numbers
        if marker.style in _SPLITTABLE and len(numbers) == 1 and known and numbers[0] not in known:
            digits = str(numbers[0])
            readings = [
                (low, high)
                for cut in range(1, len(digits))
                if digits[cut] != "0"
                and 0 < (low := int(digits[:cut])) < (high := int(digits[cut:]))
                and all(n in seen for n in range(low, high + 1))
            ]
            if len(readings) == 1:
                low, high = readings[0]
                numbers = tuple(range(low, high + 1))
                why = (
                    f"lost dash: {digits} is not in the list; read as {low}-{high}, "
                    "every one of them cited before"
                )
                evidence = (*evidence, why)
        seen.update(numbers)
        out.append(dataclasses.replace(marker, numbers=numbers, evidence=evidence))
    return out


def _filled_in_order(
    markers: Sequence[Marker], pending: Sequence[Candidate], known: set[int]
) -> bool:
    """Whether the explicit markers follow the order once the doubtful digits in the list fill
    the gaps between them: ``subjects. 1`` ... ``Malaysia.2`` ... ``work. 5`` ... ``3pm.7``
    (a 7 alone looks far ahead of a 3; with the 5 and 6 set off by spaces it is next)."""
    if not known or not pending:
        return False
    filled = [
        Marker(text=c.digits, numbers=numbers, span=c.span, style=MarkerStyle.SUPERSCRIPT)
        for c in pending
        if (numbers := numbers_of(c.digits)) and all(n in known for n in numbers)
    ]
    return bool(filled) and follows_order([*markers, *filled], known)


def _in_its_style(markers: Sequence[Marker], text: str) -> Sequence[Marker]:
    """An article that cites in brackets or markup throughout, with a stray digit or two
    glued after a capital's stop (``the GII.4 Sydney variant``, ``BA.2``), did not cite with
    those: they end a name (at most one in :data:`STRAY_SHARE` of its markers)."""
    glued = [m for m in markers if m.style is MarkerStyle.SUPERSCRIPT]
    marked = len(markers) - len(glued)
    if not glued or marked < MARKED_UP or len(glued) * STRAY_SHARE > marked:
        return markers
    return [
        m
        for m in markers
        if m.style is not MarkerStyle.SUPERSCRIPT or not _after_a_name(text, m.span.start)
    ]


def _after_a_name(text: str, start: int) -> bool:
    """Digits after a stop that follows a capital or a digit: ``GII.4``, ``BA.2``."""
    return text[start - 1 : start] == "." and bool(
        re.match(r"[A-Z0-9]", text[start - 2 : start - 1])
    )


def _sets_off_markers(pending: Sequence[Candidate], known: set[int]) -> bool:
    """Whether the article's superscripts came out set off by spaces: at least
    :data:`SPACED_STYLE` digit groups after sentences' ends, every number in the list."""
    spaced = 0
    for candidate in pending:
        if candidate.slack != SPACED_SLACK or candidate.spaced:
            continue
        numbers = numbers_of(candidate.digits)
        spaced += bool(known and numbers and all(n in known for n in numbers))
    return spaced >= SPACED_STYLE


def follows_order(markers: Sequence[Marker], known: set[int] | None = None) -> bool:
    """Whether the article's markers introduce new numbers in the order of first citation
    (mostly): each new number near the smallest one not cited yet, or right after the
    highest (markers this pass has not found leave gaps). Numbers the list does
    not have (``known``) are read as lost dashes where they can be, else left out."""
    seen: set[int] = set()
    first = min(known) if known else 1  # a chapter's notes may start at 12
    lowest_unseen, highest, in_order, new, ahead = first, first - 1, 0, 0, 0
    for marker in sorted(markers, key=lambda m: m.span.start):
        numbers: Sequence[int] = marker.numbers
        flattened = marker.style in _SPLITTABLE and len(numbers) == 1
        if flattened and known and numbers[0] not in known:
            numbers = _any_split(str(numbers[0]), known)  # "57" in a list of nine: 5-7
        elif flattened and numbers[0] > highest + ORDER_SLACK and numbers[0] not in seen:
            ahead += 1  # far ahead, flattened: maybe a lost comma ("¹²" for 1,2); no evidence
            continue
        for n in numbers:
            if n in seen or (known and n not in known):
                continue
            new += 1
            # An alphabetical list jumps about far more.
            in_order += min(abs(n - lowest_unseen), abs(n - highest - 1)) <= ORDER_SLACK
            seen.add(n)
            highest = max(highest, n)
            while lowest_unseen in seen:
                lowest_unseen += 1
    if ahead > max(1, (1 - IN_ORDER) * len(markers)):
        return False  # many far ahead: numbered otherwise (an excerpt, an alphabetical list)
    return new < 3 or in_order >= IN_ORDER * new


def _any_split(digits: str, known: set[int]) -> Sequence[int]:
    """The first range ``digits`` reads as with a dash restored, both ends in the list."""
    for cut in range(1, len(digits)):
        if digits[cut] == "0":
            continue
        low, high = int(digits[:cut]), int(digits[cut:])
        if 0 < low < high and low in known and high in known:
            return range(low, high + 1)
    return ()


def _restored(marker: Marker, order: _Order, *, split: bool = True) -> Marker:
    """A flattened superscript whose number the list lacks read as a range whose dash was
    lost (``57`` -> 5-7, ``¹²`` -> 1,2) when exactly one such reading continues the order."""
    evidence = marker.evidence or form_evidence(marker.style)
    if (
        not split
        or marker.style not in _SPLITTABLE
        or len(marker.numbers) != 1
        or not order.known
        or (marker.numbers[0] in order.known and order.fits(marker.numbers))
    ):
        return marker if marker.evidence else dataclasses.replace(marker, evidence=evidence)
    (number,) = marker.numbers
    # A number the list lacks is no citation as it stands: a range of numbers cited before
    # ("needs one.34" after 3 and 4) is the better reading of it.
    reading = _lost_dash(str(number), order, repeats=number not in order.known)
    if reading is None:
        return marker if marker.evidence else dataclasses.replace(marker, evidence=evidence)
    low, high = reading
    numbers = tuple(range(low, high + 1))
    what = "is not in the list" if number not in order.known else "jumps far ahead of the order"
    why = f"lost dash: {number} {what}; read as {low}-{high}, which continues the order"
    return dataclasses.replace(marker, numbers=numbers, evidence=(*evidence, why))


def _lost_dash(digits: str, order: _Order, *, repeats: bool = False) -> tuple[int, int] | None:
    """The range ``digits`` is with its dash restored, if exactly one reading fits.

    The range must bring a new number near the next one: a copy lost the dash of a
    citation that continues the order (a summary's bullets may have cited the range's end
    first: ``sprain.78`` early, ``ankle.68`` later). With ``repeats``, a range of numbers
    cited before fits too (for a number the list lacks)."""
    readings = []
    for cut in range(1, len(digits)):
        left, right = digits[:cut], digits[cut:]
        if right.startswith("0"):
            continue
        low, high = int(left), int(right)
        cited = range(low, high + 1)
        if (
            0 < low < high
            and low <= order.highest + ORDER_SLACK
            and (repeats or any(n not in order.seen for n in cited))
            and order.fits(cited)
        ):
            readings.append((low, high))
    return readings[0] if len(readings) == 1 else None


def _consider(
    candidate: Candidate,
    order: _Order,
    out: list[Marker],
    text: str,
    line_of: Callable[[int], int] | None,
    *,
    anchored: bool,
) -> bool:
    """Take a candidate the list and the order support (without a list: the order exactly,
    after at least one explicit marker); whether it was taken."""
    numbers = numbers_of(candidate.digits)
    if numbers is None or (candidate.new_only and any(n in order.seen for n in numbers)):
        return False
    if candidate.form == _CAPITALS_FORM:
        return False  # only ever for an entry cited nowhere else (_uncited)
    evidence = [f"form: {candidate.form}"]
    if order.known:
        if order.fits(numbers, slack=candidate.slack):
            evidence += ["in the reference list", order.why(numbers)]
        elif (
            len(numbers) == 1
            and not candidate.named
            and numbers[0] not in order.known
            and (split := _lost_dash(candidate.digits, order, repeats=_repeats(candidate)))
            is not None
        ):
            numbers = tuple(range(split[0], split[1] + 1))
            evidence += [f"lost dash: read as {split[0]}-{split[1]}", order.why(numbers)]
        else:
            return False
    elif anchored and order.fits(numbers, strict=True):
        evidence += ["no reference list", order.why(numbers)]
    else:
        return False
    out.append(_marker(candidate, numbers, tuple(evidence), text, line_of))
    order.take(numbers)
    return True


def _marker(
    candidate: Candidate,
    numbers: tuple[int, ...],
    evidence: tuple[str, ...],
    text: str,
    line_of: Callable[[int], int] | None,
) -> Marker:
    return Marker(
        text=text[candidate.span.start : candidate.span.end],
        numbers=numbers,
        span=candidate.span,
        style=MarkerStyle.SUPERSCRIPT,
        line=line_of(candidate.span.start) if line_of is not None else None,
        evidence=evidence,
    )


def _repeats(candidate: Candidate) -> bool:
    """Digits set off after a sentence's end, in an article that sets its markers off so, or
    glued to a word, may cite a range again with its dash lost (``story. 35 On`` after 3, 4
    and 5: 3-5; ``These trials57 are`` after 5, 6 and 7, in a list of eleven: 5-7)."""
    spaced = candidate.form == _SPACED_FORM and not candidate.spaced
    return spaced or candidate.form == _WORD_GLUED_FORM


def form_evidence(style: MarkerStyle) -> tuple[str, ...]:
    """What an explicit marker's form says, as its first piece of evidence (one tuple per
    style, shared by all its markers)."""
    return _FORM_EVIDENCE_TUPLES.get(style) or (style.value,)


_FORM_EVIDENCE = {
    MarkerStyle.SUPERSCRIPT: "form: digits glued after punctuation (a flattened superscript)",
    MarkerStyle.BRACKET: "form: numbers in square brackets",
    MarkerStyle.PAREN: "form: numbers in parentheses",
    MarkerStyle.UNICODE: "form: superscript digits",
    MarkerStyle.SUP: "form: a superscript (HTML <sup>, Markdown ^n^)",
    MarkerStyle.FOOTNOTE: "form: a Markdown footnote",
    MarkerStyle.LINK: "form: a numeric link",
}
_FORM_EVIDENCE_TUPLES = {style: (why,) for style, why in _FORM_EVIDENCE.items()}
