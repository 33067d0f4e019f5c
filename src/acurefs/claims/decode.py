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
from collections.abc import Callable, Iterable, Iterator, Sequence

from ..models import Marker, MarkerStyle
from .candidates import (
    CAPITALS_FORM,
    ORDER_SLACK,
    SPACED_FORM,
    SPACED_SLACK,
    SPACED_STYLE,
    WORD_GLUED_FORM,
    Candidate,
    candidates,
    numbers_of,
)

_SPLITTABLE = (MarkerStyle.SUPERSCRIPT, MarkerStyle.UNICODE)
"""Forms whose dashes and commas a copy can lose (flattened superscripts, ``¹²``); ``[13]``
is thirteen."""
IN_ORDER = 0.8
"""The share of the explicit markers' new numbers that must come in ascending order for the
article to count as numbered by first citation (an alphabetical list is not)."""


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
        unordered = _unordered(markers, known_set)
        if _glues_markers(unordered):
            glued = (WORD_GLUED_FORM, CAPITALS_FORM)
            stray = [c for c in pending if c.form in glued]
            _uncited(stray, unordered, known_set, text, line_of)
        return unordered
    sets_off = _sets_off_markers(pending, known_set)
    if not sets_off:
        pending = [c for c in pending if not c.spaced]
    out: list[Marker] = []
    left: list[Candidate] = []
    k = 0
    for marker in sorted(markers, key=lambda m: m.span.start):
        while k < len(pending) and pending[k].span.start < marker.span.start:
            if not _consider(pending[k], order, out, text, line_of, sets_off, anchored=bool(out)):
                left.append(pending[k])
            k += 1
        marker = _restored(marker, order)
        order.take(marker.numbers)
        out.append(marker)
    for candidate in pending[k:]:
        if not _consider(candidate, order, out, text, line_of, sets_off, anchored=bool(out)):
            left.append(candidate)
    _take_stray(left, out, pending, known_set, text, line_of)
    return out


_FULL_NAME = re.compile(
    r"(?<![\w.])[A-Z][a-z]+[ \t]+(?:[A-Z]\.?[ \t]+)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?$"
)
"""A person's full name the digits are glued to (``Murray Thomson5 found``): in an article
whose superscripts came out glued, the marker of an entry no other marker cites."""


def _take_stray(
    left: Sequence[Candidate],
    out: list[Marker],
    pending: Sequence[Candidate],
    known_set: set[int],
    text: str,
    line_of: Callable[[int], int] | None,
) -> None:
    """The digits the order left that still cite an entry no other marker cites: set off
    after sentences, glued to capitals or to a person's full name, as the article prints its
    markers."""
    glues = _glues_markers(out)
    forms = {CAPITALS_FORM} if glues else set()
    if _sets_off_markers(pending, known_set):
        forms.add(SPACED_FORM)
    stray = [
        c
        for c in left
        if (c.form in forms and not c.spaced)
        or (
            glues
            and c.form == WORD_GLUED_FORM
            and _FULL_NAME.search(text, max(0, c.span.start - 60), c.span.start)
        )
    ]
    if stray:
        _uncited(stray, out, known_set, text, line_of)


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
    reads, one way only, as a range of entries in the list is that range: every one of them
    cited before (``point the same way.25`` after 2, 3, 4 and 5 in a list of nine: cited
    again), or one of them cited by no other marker (``weeks.23`` in a list of seven where
    nothing else cites 2: an article cites every entry it lists)."""
    out: list[Marker] = []
    seen: set[int] = set()
    printed = {n for marker in markers for n in marker.numbers}
    for marker in sorted(markers, key=lambda m: m.span.start):
        evidence = marker.evidence or form_evidence(marker.style)
        numbers = marker.numbers
        if marker.style in _SPLITTABLE and len(numbers) == 1 and known and numbers[0] not in known:
            reading = _unordered_split(str(numbers[0]), known, seen, printed)
            if reading is not None:
                numbers, why = reading
                evidence = (*evidence, why)
        seen.update(numbers)
        out.append(dataclasses.replace(marker, numbers=numbers, evidence=evidence))
    return out


def _unordered_split(
    digits: str, known: set[int], seen: set[int], printed: set[int]
) -> tuple[tuple[int, ...], str] | None:
    """The one range ``digits`` reads as with its dash restored, all in the list, and why."""
    readings = []
    for low, high in _cuts(digits):
        cited = range(low, high + 1)
        if all(n in seen for n in cited):
            readings.append((low, high, "every one of them cited before"))
        elif all(n in known for n in cited) and (alone := [n for n in cited if n not in printed]):
            readings.append((low, high, f"which cites {_show(alone)}, cited by no other marker"))
    if len(readings) != 1:
        return None
    low, high, because = readings[0]
    why = f"lost dash: {digits} is not in the list; read as {low}-{high}, {because}"
    return tuple(range(low, high + 1)), why


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
    for low, high in _cuts(digits):
        if low in known and high in known:
            return range(low, high + 1)
    return ()


def _cuts(digits: str) -> Iterator[tuple[int, int]]:
    """Each range ``digits`` can be with a dash put back: ``257`` is 2-57 or 25-7 (not: its
    ends must rise), ``105`` is no 1-05."""
    for cut in range(1, len(digits)):
        if digits[cut] != "0" and 0 < (low := int(digits[:cut])) < (high := int(digits[cut:])):
            yield low, high


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
    for low, high in _cuts(digits):
        cited = range(low, high + 1)
        if (
            low <= order.highest + ORDER_SLACK
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
    sets_off: bool,
    *,
    anchored: bool,
) -> bool:
    """Take a candidate the list and the order support (without a list: the order exactly,
    after at least one explicit marker); whether it was taken. Digits set off after a name
    (``in Hall 4,``) cite only the next number, unless the article sets its markers off so."""
    numbers = numbers_of(candidate.digits)
    if numbers is None or (candidate.new_only and any(n in order.seen for n in numbers)):
        return False
    if candidate.form == CAPITALS_FORM:
        return False  # only ever for an entry cited nowhere else (_uncited)
    evidence = [f"form: {candidate.form}"]
    if order.known:
        strict = candidate.named and not sets_off  # a name takes a number too
        if order.fits(numbers, slack=candidate.slack, strict=strict):
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
    spaced = candidate.form == SPACED_FORM and not candidate.spaced
    return spaced or candidate.form == WORD_GLUED_FORM


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
