"""Citation markers in an article's body, in every form these articles use.

``procedures.1`` and ``symptoms,3`` (superscripts flattened to digits glued after
punctuation), ``[1]``, ``[5][6]``, ``[2,3]``, ``[4-6]``, ``(1, 2)``, ``¹²``, ``¹⁻³``,
HTML ``<sup>1</sup>``, Markdown footnotes ``[^1]`` and numeric links ``[1](#ref1)``.

Prose numbers are not markers: ``14,000+``, ``80,000``, ``6-12 months``, ``2.5 mg``,
``p<0.05``, years, list numbering. The rules that keep them out: a glued
superscript must follow punctuation that follows a letter (never a digit), and
have at most three digits; bracketed and parenthesised markers hold only small
numbers, commas and ranges; a parenthesised number that opens an enumeration
(``: (1) rest, (2) ice``) is not a citation.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable

from ..models import Marker, MarkerStyle, Span
from ..text import LETTER, LINE_OPENING, roman_number
from .decode import decode, form_evidence

MAX_NUMBER = 999
MAX_RANGE = 100

_DASH_ENTITY = r"&(?:[nm]dash|#821[12]|#x201[34]);"
"""An en or em dash left as an HTML entity by a copy from a page's source (``2&ndash;4``)."""
_NUM_LIST = (
    rf"\d{{1,3}}(?:\s*(?:--?|[–—]|{_DASH_ENTITY})\s*\d{{1,3}})?"
    rf"(?:\s*[,;]\s*\d{{1,3}}(?:\s*(?:--?|[–—]|{_DASH_ENTITY})\s*\d{{1,3}})?)*"
)
"""Numbers and ranges; a range's dash may be Pandoc's and LaTeX's ``--`` (``^3--6^``)."""
_PAGES = r"(?:,?[ \t]+pp?\.?[ \t]?\d+(?:[-–]\d+)?)"
_BRACKET = re.compile(
    rf"\[(?:[ \t](?=\d{{1,3}}[ \t]*[,;–-]))?(?P<list>{_NUM_LIST}){_PAGES}?[ \t]?\](?P<link>\([^)\s]*\)?)?"
    r"(?::[ \t]?\d+(?:[-–]\d+)?(?!\d))?"
    r"(?!:[ \t]*(?:<?https?:|<?www\.|/|#|\n|$|\S+[ \t]*(?:[\x22'(][^\n]*)?(?:\n|$)))"
)
"""``[2]``, ``[2, p. 6]``; not ``[2]: https://...`` or ``[3]: docs/setup.md`` (link
definitions: an address or one word, and the line ends), but ``[7]:1349`` and
``[7]: 1349`` (a page of 7, as Wikipedia prints them), and ``“drying the womb”[3]: there
were...`` (a marker before a colon)."""
_BRACKET_RANGE = re.compile(
    r"\[(?P<o1>\[)?(?P<first>\d{1,3})\](?(o1)\])(?P<link>\([^)\s]*\))?[ \t]?[-–—][ \t]?"
    r"\[(?P<o2>\[)?(?P<last>\d{1,3})\](?(o2)\])(?:\([^)\s]*\))?"
)
"""A range written as two markers and a dash: IEEE's ``[3]–[5]``, pandoc's linked
``[1](#ref-a)–[3](#ref-c)``, linked brackets ``[[3]](#ref-3)–[[7]](#ref-7)``."""
_ROMAN_BRACKET = re.compile(r"(?<![\w\[])\[(?P<numeral>[ivxlc]{1,7})\](?![\w(\[])")
_ROMAN_GLUED = re.compile(
    r"(?<=[a-z%)”’\"])[.,;:](?P<numerals>[ivx]{1,5}(?:,[ivx]{1,5})*)(?=[ \t]+[A-Za-z]|[ \t]*(?:\n|$)|\[)"
)
"""Word's endnote marks flattened onto the word before them: ``areas.i Alcohol``,
``started,ii and``, ``alcohol.ii,iii``."""
_HANDLE_BEFORE = re.compile(r"(?:^|\s)[@#][\w.]*$")
"""A social handle or tag running up to the digits (``@ben.lifts.99``)."""
_LINK_TAIL = re.compile(r"\]\([^)\s]*\)")
_CARET = re.compile(rf"(?P<caret>\^\^?)(?P<list>{_NUM_LIST})(?P=caret)")
"""Pandoc's Markdown superscript: ``weeks.^6^``, ``^1,3^``, ``^1^^2^``; TiddlyWiki's
``^^1-3^^``."""
_LATEX_SUP = re.compile(
    rf"\$\^\{{(?P<math>{_NUM_LIST})\}}\$|\\textsuperscript\{{(?P<tex>{_NUM_LIST})\}}|"
    rf"(?<![\w$])\^\{{(?P<bare>{_NUM_LIST})\}}"
)
"""LaTeX's superscript, as notes and Notion exports write it: ``$^{1}$``, ``$^{4,5}$``,
``\textsuperscript{3}``, ``^{2}`` (``x^{2}`` is a power)."""
_OPEN_CARET = re.compile(rf"(?<!\[)\^(?:\((?P<paren>{_NUM_LIST})\)|(?P<list>{_NUM_LIST}))(?![\d^])")
"""A superscript typed with an opening caret only, as Reddit and plain-text writers do:
``health.^1,2``, ``^(3)``."""
_TRUSTED_SOURCE = re.compile(
    r"\((?P<list>\d{1,3}[ \t]*Trusted[ \t]+Source(?:[ \t]*,[ \t]*\d{1,3}[ \t]*Trusted[ \t]+Source)*)\)"
)
"""A health site's numbered source links flattened to text: ``(1Trusted Source)``,
``(2Trusted Source, 3Trusted Source)``."""
_LINKED_BRACKET = re.compile(
    rf"\[[\\ ]?\[(?P<list>{_NUM_LIST})[\\ ]?\]\](?:\[[^\]\s]{{1,30}}\]|\([^)\s]*\))"
)
"""A bracketed number that is a Markdown link: ``[[3]][3]`` (reference style), ``[[3]](#r3)``,
and with its inner brackets escaped as web clippers write them, ``[\\[5,6\\]](url#ref-5)``."""
_REF_LIST = r"\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*(?:[,;&]|and)\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*"
_REF_WORD = re.compile(
    rf"[\[(](?:(?i:see|cf\.?)[ \t]+)?(?i:refs?|references?)\.?[ \t]*(?P<list>{_REF_LIST})[\])]"
    rf"|\[(?i:footnotes?|notes?|fn|references?|citations?)\.?[ \t]*(?P<noted>{_NUM_LIST})\]"
    rf"|(?:(?<![\w(\[])(?i:see)|[-–—])[ \t]+(?P<bare>(?i:refs?|references?)\.?[ \t]+"
    rf"(?P<said>{_REF_LIST}))(?![\d/:]|\.\d)"
)
"""``[Ref 1]``, ``(Ref. 3)``, ``(refs 2, 5)``, ``(see refs 4 & 6)``, and in the text after
"see" or a dash (``see ref 5 for the details``, ``- ref 3 again``); a note in square brackets
only (a parenthesis may point at a table's note): ``[footnote 3]`` as GOV.UK prints its
notes, ``[note 2]``."""
_SUBSECTION_BEFORE = re.compile(r"\d\([a-z]{1,4}\)$")
"""A statute's lettered subsection right before a parenthesis: ``501(c)(3)``."""
_PHONE_AFTER = re.compile(r"[ \t]?\d{3}[-. \t]\d{4}\b")
"""The rest of a telephone number after its area code in parentheses: ``(312) 555-0147``."""
_NOTE_WORD = re.compile(r"\[(?i:footnotes?|notes?|fn)\b")
_PLAIN_BRACKET = re.compile(r"\[(?<![\w\[]\[)\d{1,3}(?:[,–-]\d{1,3})*\](?![(\[:])")
PLAIN_BRACKETS = 3
"""Plain bracketed numbers an article needs before its ``[note 1]`` marks are read as a
second group of notes (Wikipedia's ``Notes``), not as citations of its references."""
_CAPITALS_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,5}$")
_CAPITALS_NAME = re.compile(r"[ \t]+[a-z]")
"""A capitalised token, a stop, digits and a word in lower case: a variant's or a strain's
name (``GII.4 genotype``), not a sentence closed by a flattened superscript."""
FOOTNOTE_MARK = re.compile(r"\[(?:(?<=\S\[)|(?<!\S\[)(?!\^[^\]\s]+\]:))\^(?P<label>[^\]\s]+)\]")
"""A footnote's mark, ``[^1]``; one opening its line before a colon defines the note
(``[^1]: Smith J...``), one after a word cites it (``SYGMA 1[^1]: as-needed ...``)."""
_PAREN = re.compile(rf"\((?P<list>{_NUM_LIST})\)")
_UNCLOSED_PAREN = re.compile(
    rf"[.!?][ \t]+(?P<open>\((?P<list>{_NUM_LIST}))[ \t]*(?=\n[ \t]*\n|\s*\Z)"
)
"""``... already recommend. (3`` ending a paragraph: a marker whose parenthesis was never closed."""
_GLUED = re.compile(
    rf"(?<=[{LETTER}%)\]\"”’'])(?P<punct>[.,;:!?])(?P<list>\d{{1,3}}(?:(?:[-–,]|{_DASH_ENTITY})\d{{1,3}})*"
    r"(?:,[ \t]\d{1,3}(?=[ \t]*(?:\n|$)|[ \t]+[A-Z]))?)"
    rf"(?:\(pp?\d+(?:[-–]\d+)?\))?(?=[\s\"”’)\]]|$|(?:(?<=[a-z]{{2}}\.\d)|(?<=[a-z]{{2}}\.\d\d))[,;]\s)"
)
"""``alone.4``; a pair spaced after its comma at a sentence's end, ``days.4, 1``; with AMA's
page locator, ``advice.2(p1796)``, ``group.5(pp363-364)``; before a guideline's grade,
``events.1, level I``."""
# Digits glued to the end of a word before punctuation ("reviews7.") or at a line's end (a PDF's
# "in the United States3" / "and are ..."): accepted only when they cite numbers the reference
# list has, because words like "COVID19." and "B12," look the same.
_WORD_GLUED = re.compile(
    rf"(?<=[{LETTER}]{{2}}[a-zß-ÿ])(?P<list>\d{{1,2}}(?:(?:[-–,]|{_DASH_ENTITY})\d{{1,2}})*)"
    r"(?=[.,;:](?:\s|$)|[ \t]*(?:\n|$))"
)
_PERCENT_GLUED = re.compile(
    r"(?<=\d%)(?P<list>\d{1,2}(?:[-–,]\d{1,2})*)(?=[ \t]+[a-z]|[.,;:](?:\s|$))"
)
"""Digits glued after a percentage (``59.1%2 of girls``): a percent sign ends its number, so
what follows is a flattened superscript, for numbers the list has."""
_UNIT_GLUED = re.compile(
    r"(?<![\w.,/-])\d{1,6}(?:[.,]\d{1,3})?[ \t]?"  # a quantity standing alone, not "NPC1L1"
    r"(?:[µμnmk]?g|mcg|IU|[mµμnp]?mol|[mdµμ]?[lL])(?:/(?:[mdµμ]?[lL]|kg|d|day))?"
    r"(?P<list>\d{1,2}(?:[-–,]\d{1,2})*)(?=[.,;:]?(?:\s|$))"
)
"""Digits glued after a quantity's unit (``under 2000 g1,6.``, ``65 nmol/l1 between``): a unit of
mass, amount or volume takes no exponent, so what follows is a flattened superscript, for numbers
the list has. Units of length take squares and cubes (``kg/m2``, ``µg/m3``), and are not here."""
_NAMED_BEFORE = re.compile(
    r"(?:\b(?:[Ee]qs?\.|[Ee]quations?|[Pp]aragraphs?|[Pp]aras?\.|Sections?|Figs?\.|Figures?|"
    r"Tables?|Steps?|Claims?|Chapters?|Statements?|Appendix|Annex|Articles?|Clauses?|Schedules?|"
    r"[Ii]tems?|Pages?:))"
    r"[ \t]*(?:\[\d{1,3}\][ \t]*(?:to|and|-|–)[ \t]*)?$"
)
"""A word that numbers a thing right before a bracket or parenthesis: ``Eq. (2)``, ``paragraphs
[6] to [9]``, ``Table (3)``, a digest's ``item [2]``: the thing's number, not a citation.
Capitalised but for paragraphs, equations and items: "reasonable first steps [3]" and "not a
magic line (1)" cite."""
_SHORT_NUMBER_BEFORE = re.compile(r"(?<![\d,])(?<!\d\.)\d{1,3}[a-z]?$")
"""A short number glued before a parenthesis, ``section 2(4)``, ``Article 10(2)``, ``s.37(1)``:
a subsection; a flattened marker after a year (``2019(4)``) or a decimal is not this."""
_HALF_PAREN = re.compile(
    rf"(?<=[{LETTER}%])(?P<list>\d{{1,3}}(?:[-–,]\d{{1,3}})*)\)(?=[.,;:]|\s|$)"
)
"""Japan's superscript with its closing parenthesis alone, flattened: ``in the clinic1).``,
``months2),``, ``every morning1-3).``; taken for numbers the list has, where no parenthesis
was opened before it on its line."""
_NAME_GLUED = re.compile(
    r"(?<![\w-])(?P<name>(?=[\w]*[A-Z])[0-9A-Za-z]*[A-Z][0-9A-Za-z]*[A-Za-z])"
    r"(?P<list>\d{1,2}(?:,\d{1,2})*)(?=[.,;:](?:\s|$)|[ \t]*(?:\n|$))"
)
"""Digits glued to a name in capitals before punctuation or at a line's end (``the 4AT3.``, a
slide's bullet ``... in the whole EU/EEA1``): a marker only when
the name stands alone elsewhere (twice, or once where the text defines it: ``test (20WBCT)``),
the name with the digits nowhere else, and the list has the numbers."""
_DEFINED_NAME = re.compile(r"\(([0-9A-Za-z]+)\)")
"""A name defined in parentheses after its long form: ``clotting test (20WBCT)``."""
_WORD = re.compile(r"(?<![\w-])[0-9A-Za-z]+(?![\w-])")
"""A word standing alone (not part of ``COVID-19``), to count the names a text uses."""
NAME_SEEN = 2
"""Times a name must stand alone elsewhere before digits glued to it are read as a marker."""
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_UNICODE = re.compile(
    rf"(?P<open>⁽)?(?P<list>[{_SUPERSCRIPT_DIGITS}]+(?:\s?[⁻–\-,˒‧·]\s?[{_SUPERSCRIPT_DIGITS}]+)*)"
    r"(?(open)⁾)(?![⁺⁻])"
)
"""``¹²``, ``¹⁻³``, in superscript parentheses ``⁽¹⁾``; not an ion's charge, ``Mg²⁺``."""
# Exponents, not citations: "kg/m²", "cm³", "x²", "10⁶".
_UNIT_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:m|cm|mm|km|µm|nm|ml|mL|L|g|kg|mg|s|ft|in|x|y|n|I|R|r|T|χ)|\b10|[²³])$"
)
_DIGIT_BEFORE = re.compile(r"\d$")
_CARET_BEFORE = re.compile(r"\^\d{1,3}$")
_FORMULA_BEFORE = re.compile(r"[÷×=]\s?[\w()]{1,20}$")
"""The term of a formula a square or cube follows: ``weight (kg) ÷ height²``, ``= r²``."""
# A glued superscript after a year that ends a sentence: "updated in 2017.2 Acupuncture ...",
# "brought in after 2003.1,2 Heat ..."
_AFTER_YEAR = re.compile(
    r"(?<=\b(?:1[6-9]|20)\d\d)\.(?P<list>\d{1,3}(?:[,–-]\d{1,3})*)(?=\s+[A-Z])"
)
_TO_ASCII = str.maketrans(_SUPERSCRIPT_DIGITS + "⁻˒‧·", "0123456789-,,,")
_NUMBERING_WORD = re.compile(
    r"\b(?i:fig|figs|no|nos|vol|p|pp|ch|chap|sec|eq|eqs|tab|ver|v|ref|refs|col)$|"
    r"\b(?:Figure|Table|Version|Step|Phase|Stage|Type|Grade|Level|Class|Part|Page|Item|"
    r"FIGURE|TABLE|STEP|PHASE|STAGE|TYPE|GRADE|LEVEL|CLASS|PART|PAGE|ITEM)$"
)
"""What numbers a thing when digits are glued after its stop: an abbreviation (``Fig.1``,
``No.2``, ``p.5``) or a capitalised label (``Step.3``). A lower-case word ending a
sentence (``as a first step.3``) is a sentence with a flattened superscript."""
_REFERENCE_STYLE_LINK = re.compile(r"\[[^\]\d][^\]]*\]$")
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")
_RANGE_DASH = re.compile(r"\s*(?:--?|[–—])\s*")
_DASH_ENTITIES = re.compile(_DASH_ENTITY)
_ENUMERATION_BEFORE = re.compile(r"(?:^|[:;,]|\band|\bor)\s*$")
_ITEM_ONE = re.compile(r"\(1\)\s+[a-z]")
_ITEM_TWO = re.compile(r"\(2\)\s+[a-z]")
_ITEM_MORE = re.compile(r"\([3-9]\)\s+[a-z]")


def _enumerations(text: str) -> set[int]:
    """Starts of "(1) word ... (2) word" sequences in one sentence: enumerations, not citations.

    Each ``(1)`` looks up to the next full stop. The items are found once in the whole text and
    looked up by position, so a long sentence with many ``(1)`` is not read again for each.
    """
    found: set[int] = set()
    twos = [m.start() for m in _ITEM_TWO.finditer(text)]
    mores = [m.start() for m in _ITEM_MORE.finditer(text)]
    window_end = -1  # the full stop ending the sentence of the last (1), or the text's end
    listed_to = -1  # the items (3) to (9) before this point are in ``found``
    for match in _ITEM_ONE.finditer(text):
        start = match.start()
        if window_end < match.end():
            dot = text.find(".", match.end())
            window_end = dot if dot > 0 else len(text)
        i = bisect.bisect_left(twos, start)
        if i == len(twos) or twos[i] >= window_end:
            continue
        found.update((start, twos[i]))
        if listed_to < window_end:
            lo = bisect.bisect_left(mores, start)
            found.update(mores[lo : bisect.bisect_left(mores, window_end)])
            listed_to = window_end
    return found


def _line_head(text: str, start: int, reach: int) -> str | None:
    """The text from the start of the line to ``start``; None when the line starts more than
    ``reach`` characters back (the look back is bounded, so a long line stays linear)."""
    line_start = text.rfind("\n", max(0, start - reach), start) + 1
    if line_start == 0 and start > reach:
        return None
    return text[line_start:start]


def _opens_line(text: str, start: int, end: int) -> bool:
    """Whether a bracket labels its line: nothing but a bullet before it, words after it."""
    head = _line_head(text, start, 8)
    return (
        head is not None
        and not head.strip(" \t-*+•>")
        and text[end : end + 1] == " "
        and text[end + 1 : end + 2].isalnum()
    )


def expand(numbers: str) -> tuple[int, ...] | None:
    """``"2,3"`` -> (2, 3); ``"4-6"`` -> (4, 5, 6). None when it is not a plausible citation list."""
    out: list[int] = []
    for part in _LIST_SEPARATOR.split(_DASH_ENTITIES.sub("–", numbers).strip()):
        if not part:
            return None
        bounds = _RANGE_DASH.split(part)
        if any(b.startswith("0") for b in bounds):
            return None  # "(02) 9555 0142" is a phone number: a citation never has a leading 0
        if len(bounds) == 1:
            value = int(bounds[0])
            if not 0 < value <= MAX_NUMBER:
                return None
            out.append(value)
            continue
        low, high = int(bounds[0]), int(bounds[1])
        if not 0 < low < high <= MAX_NUMBER or high - low > MAX_RANGE:
            return None
        out.extend(range(low, high + 1))
    return tuple(out)


def _before(text: str, start: int) -> str:
    """The four characters before ``start``, spaces left by blanked tags skipped
    (``kg/m<sup>2</sup>`` in Markdown reads ``kg/m     2``)."""
    end = start
    while end > 0 and start - end < 40 and text[end - 1] == " ":
        end -= 1
    return text[max(0, end - 4) : end]


def find_markers(
    text: str,
    *,
    sup_spans: Iterable[tuple[int, int]] = (),
    known: Iterable[int] = (),
    footnote_labels: dict[str, int] | None = None,
    line_of: Callable[[int], int] | None = None,
) -> tuple[Marker, ...]:
    """Every citation marker in ``text`` (the article body, reference list blanked out).

    ``sup_spans`` are the spans of HTML ``<sup>`` contents; ``known`` the numbers the
    reference list carries (used only for the riskiest forms, digits glued to a word or
    after a number); ``footnote_labels`` maps non-numeric footnote labels to entry numbers;
    ``line_of`` gives each marker its line (none without it).
    Forms are tried from the most to the least explicit; where two overlap the first wins.
    The doubtful forms (digits set off by a space, glued to a word or a quote, ranges that
    lost their dash) are then decoded with the article's list and order of citation
    (:mod:`acurefs.claims.decode`); every marker keeps the evidence it was taken on.
    """
    found = _Markers(text, set(known), line_of)
    found.sups(sup_spans)
    found.footnotes(footnote_labels or {})
    found.carets()
    found.trusted_sources()
    found.ref_words()
    found.bracket_ranges()
    found.linked_brackets()
    found.brackets()
    found.romans()
    found.parens()
    found.unicode()
    found.glued()
    decoded = decode(text, found.in_order(), found.taken, found.known, line_of)
    return tuple(sorted(decoded, key=lambda m: m.span.start))


class _Markers:
    """The markers found so far in one text, kept free of overlaps."""

    def __init__(
        self, text: str, known: set[int], line_of: Callable[[int], int] | None = None
    ) -> None:
        self.text = text
        self.known = known
        self.line_of = line_of
        self.markers: list[Marker] = []
        # One byte per character, set where a kept marker sits. Sorted lists of spans needed an
        # insertion in the middle for each marker of a later form: quadratic on a long article.
        self.taken = bytearray(len(text))
        # One tuple for each list of numbers: an article cites the same ones again and again.
        self._numbers: dict[tuple[int, ...], tuple[int, ...]] = {}

    def add(
        self, start: int, end: int, numbers: tuple[int, ...] | None, style: MarkerStyle
    ) -> None:
        """Keep a marker unless it cites nothing or overlaps one already kept."""
        if not numbers or self.taken.find(1, start, end) >= 0:
            return
        self.taken[start:end] = b"\x01" * (end - start)
        self.markers.append(
            Marker(
                text=self.text[start:end],
                numbers=self._numbers.setdefault(numbers, numbers),
                span=Span(start, end),
                style=style,
                line=self.line_of(start) if self.line_of else None,
                evidence=form_evidence(style),
            )
        )

    def in_order(self) -> tuple[Marker, ...]:
        return tuple(sorted(self.markers, key=lambda m: m.span.start))

    def sups(self, spans: Iterable[tuple[int, int]]) -> None:
        """HTML ``<sup>`` contents holding a citation list (not an exponent)."""
        for start, end in spans:
            content = self.text[start:end].strip().strip("[](),; ")
            if not re.fullmatch(_NUM_LIST, content):
                continue
            numbers = expand(content)
            if not self._exponent(_before(self.text, start), numbers) and not self._labels_line(
                start
            ):
                self.add(*self._wrapped(start, end), numbers, MarkerStyle.SUP)

    def _labels_line(self, start: int) -> bool:
        """A superscript opening its line (after a list number at most) labels it: an
        affiliation (``¹Department of...``) or a note at the page's foot, not a citation."""
        head = _line_head(self.text, start, 12)
        return head is not None and bool(LINE_OPENING.fullmatch(head))

    def _wrapped(self, start: int, end: int) -> tuple[int, int]:
        """A superscript a Markdown link wraps, ``[<sup>3</sup>](#refs)`` (its tags blanked
        to spaces), taken whole: the link belongs to the marker, not to the sentence."""
        text = self.text
        before = start
        while before > max(0, start - 12) and text[before - 1] == " ":
            before -= 1
        after = end
        while after < min(len(text), end + 12) and text[after] == " ":
            after += 1
        link = _LINK_TAIL.match(text, after)
        if before > 0 and text[before - 1] == "[" and link:
            return before - 1, link.end()
        return start, end

    def _exponent(self, before: str, numbers: tuple[int, ...] | None) -> bool:
        """Whether a superscript is a power, not a citation: after a unit or a variable
        (``m²``, ``x^2^``), or after a digit unless the list has those numbers (``3²``,
        ``2017<sup>3</sup>``)."""
        if _UNIT_BEFORE.search(before):
            return True
        return (
            bool(numbers)
            and bool(_DIGIT_BEFORE.search(before))
            and not set(numbers or ()) <= self.known
        )

    def footnotes(self, labels: dict[str, int]) -> None:
        """Markdown footnotes ``[^1]``, and ``[^smith]`` for the labels the list defines."""
        for match in FOOTNOTE_MARK.finditer(self.text):
            label = match.group("label")
            if label in labels:  # the note's number as rendered (the order of first citing)
                self.add(match.start(), match.end(), (labels[label],), MarkerStyle.FOOTNOTE)
            elif label.isdigit():
                self.add(match.start(), match.end(), expand(label), MarkerStyle.FOOTNOTE)

    def carets(self) -> None:
        """Pandoc superscripts ``^6^``, ``^1,3^`` (read like ``<sup>``); an opening caret
        alone (``faster.^4``, ``^(2)``) for numbers the list has (``x^2`` is a power)."""
        for match in _CARET.finditer(self.text):
            numbers = expand(match.group("list"))
            if not self._exponent(_before(self.text, match.start()), numbers):
                self.add(match.start(), match.end(), numbers, MarkerStyle.SUP)
        for match in _LATEX_SUP.finditer(self.text):
            numbers = expand(match.group("math") or match.group("tex") or match.group("bare"))
            if not self._exponent(_before(self.text, match.start()), numbers):
                self.add(match.start(), match.end(), numbers, MarkerStyle.SUP)
        for match in _OPEN_CARET.finditer(self.text):
            numbers = expand(match.group("list") or match.group("paren"))
            before = _before(self.text, match.start())
            power = _UNIT_BEFORE.search(before) or _DIGIT_BEFORE.search(before)
            if power and _CARET_BEFORE.search(before):
                power = None  # "builds up^4 ^5": the digit before is a marker, no base
            if numbers and set(numbers) <= self.known and not power:
                self.add(match.start(), match.end(), numbers, MarkerStyle.SUP)

    def linked_brackets(self) -> None:
        """``[[3]][3]``: one marker, the link's brackets included."""
        for match in _LINKED_BRACKET.finditer(self.text):
            self.add(match.start(), match.end(), expand(match.group("list")), MarkerStyle.LINK)

    def ref_words(self) -> None:
        """``[Ref 1]``, ``(Refs. 2, 5)``, ``[footnote 3]``."""
        plain = len(_PLAIN_BRACKET.findall(self.text)) >= PLAIN_BRACKETS
        for match in _REF_WORD.finditer(self.text):
            if plain and _NOTE_WORD.match(match.group(0)):
                continue  # "[2] ... [note 1]": a wiki's notes group, not its references
            style = MarkerStyle.BRACKET if match.group(0)[0] == "[" else MarkerStyle.PAREN
            listed = match.group("list") or match.group("noted") or match.group("said")
            listed = re.sub(r"\s*(?:&|and)\s*", ",", listed)
            start = match.start("bare") if match.group("bare") else match.start()
            self.add(start, match.end(), expand(listed), style)

    def trusted_sources(self) -> None:
        """``(1Trusted Source)``, ``(2Trusted Source, 3Trusted Source)``."""
        for match in _TRUSTED_SOURCE.finditer(self.text):
            numbers = tuple(int(n) for n in re.findall(r"\d+", match.group("list")))
            self.add(match.start(), match.end(), numbers or None, MarkerStyle.PAREN)

    def bracket_ranges(self) -> None:
        """``[3]–[5]``: one marker citing 3, 4 and 5 (a dash between two markers that do not
        rise is left to be read as two)."""
        for match in _BRACKET_RANGE.finditer(self.text):
            first, last = int(match.group("first")), int(match.group("last"))
            if first < last <= first + MAX_RANGE:
                style = MarkerStyle.LINK if match.group("link") else MarkerStyle.BRACKET
                self.add(match.start(), match.end(), expand(f"{first}-{last}"), style)

    def brackets(self) -> None:
        """``[1]``, ``[2,3]``, ``[4-6]`` and numeric links ``[1](#ref1)``."""
        text = self.text
        for match in _BRACKET.finditer(text):
            if text[match.start() - 1] == "]" and _REFERENCE_STYLE_LINK.search(
                text, max(0, match.start() - 200), match.start()
            ):
                continue  # "[text][1]": a Markdown reference-style link, not a citation
            if not match.group("link") and _opens_line(text, match.start(), match.end()):
                continue  # "[1] somewhere in the middle": an option's or an entry's label
            if _NAMED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                continue  # "paragraphs [6] to [9]": the paragraphs' numbers
            style = MarkerStyle.LINK if match.group("link") else MarkerStyle.BRACKET
            self.add(match.start(), match.end(), expand(match.group("list")), style)

    def romans(self) -> None:
        """Word's endnote marks ``[iv]``, or flattened onto their word (``areas.i``), for the
        numbers the list has (its entries are numbered ``[i]``, ``i``...): never taken where
        the list does not hold them."""
        for match in _ROMAN_BRACKET.finditer(self.text):
            number = roman_number(match.group("numeral"))
            if number is not None and number in self.known:
                self.add(match.start(), match.end(), (number,), MarkerStyle.BRACKET)
        glued = []  # flattened marks count only where the article prints two at least
        for match in _ROMAN_GLUED.finditer(self.text):
            numbers = tuple(roman_number(n) or 0 for n in match.group("numerals").split(","))
            if all(n in self.known for n in numbers):
                glued.append((match.start("numerals"), match.end(), numbers))
        for start, end, numbers in glued if len(glued) >= 2 else ():
            self.add(start, end, numbers, MarkerStyle.SUPERSCRIPT)

    def parens(self) -> None:
        """``(1, 2)``, unless it numbers an enumeration or a list."""
        text = self.text
        enumerated = _enumerations(text)
        for match in _PAREN.finditer(text):
            line_before = text[max(0, match.start() - 40) : match.start()].rsplit("\n", 1)[-1]
            after = text[match.end() : match.end() + 2]
            if match.start() in enumerated:
                continue  # "randomized to (1) acupuncture or (2) sham": an enumeration
            if _ENUMERATION_BEFORE.search(line_before) and re.match(r"\s[a-z]", after):
                continue  # "(1) rest, (2) ice": an enumeration
            if not line_before.strip() and text[match.end() : match.end() + 1] not in ".,;:":
                continue  # "(1) Something" opening a line: list numbering (not a wrapped "(2).")
            if (
                text[match.start() - 1 : match.start()].isdigit()
                and text[match.end() : match.end() + 1] == ":"
            ):
                continue  # "2017;63(5):354": a journal issue, not a citation
            if _PHONE_AFTER.match(text, match.end()):
                continue  # "(312) 555-0147": an area code
            if _NAMED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                continue  # "Eq. (2)", "Table (3)": an equation's or a table's number
            if (
                _SUBSECTION_BEFORE.search(text, max(0, match.start() - 8), match.start())
                or _SHORT_NUMBER_BEFORE.search(text, max(0, match.start() - 5), match.start())
                or (
                    text[match.start() - 1 : match.start()].isdigit()
                    and text[match.end() : match.end() + 1] == "("
                )
            ):
                continue  # "501(c)(3)", "section 26(2)(a)", "section 2(4)": a subsection
            numbers = expand(match.group("list"))
            if self.known and numbers and not set(numbers) & self.known:
                continue  # "DD (15) has low ferritin" beside a list of six: an age, a count
            self.add(match.start(), match.end(), numbers, MarkerStyle.PAREN)
        for match in _UNCLOSED_PAREN.finditer(text):
            numbers = expand(match.group("list"))
            if numbers and set(numbers) <= self.known:
                self.add(match.start("open"), match.end("list"), numbers, MarkerStyle.PAREN)

    def unicode(self) -> None:
        """Unicode superscripts ``¹²``, ``¹⁻³``, unless an exponent (``m²``, ``10⁶``)."""
        for match in _UNICODE.finditer(self.text):
            before = self.text[max(0, match.start() - 4) : match.start()]
            numbers = expand(match.group("list").translate(_TO_ASCII))
            if numbers in ((2,), (3,)) and _FORMULA_BEFORE.search(
                self.text, max(0, match.start() - 24), match.start()
            ):
                continue  # "weight (kg) ÷ height²": a square in a formula
            if before[-1:].isalpha() and self.text[match.end() : match.end() + 1].isalpha():
                continue  # "GA²LEN": a superscript inside a name, letters on both sides
            if not self._exponent(before, numbers) and not self._labels_line(match.start()):
                self.add(match.start(), match.end(), numbers, MarkerStyle.UNICODE)

    def glued(self) -> None:
        """Superscripts flattened to digits: after punctuation, after a year, glued to a word."""
        text = self.text
        for match in _GLUED.finditer(text):
            if _NUMBERING_WORD.search(text, max(0, match.start() - 12), match.start()):
                continue  # "Fig.1", "No.2", "p.5": a numbered thing, not a citation
            if _HANDLE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # "@ben.lifts.99", "#day.3": a handle or tag, not a sentence's end
            if _names_a_strain(text, match):
                continue  # "the GII.4 genotype", "BA.2 spread": a name, the sentence goes on
            numbers = expand(match.group("list").replace("–", "-"))
            self.add(match.start("list"), match.end(), numbers, MarkerStyle.SUPERSCRIPT)
        if not self.known:
            return
        for pattern in (_AFTER_YEAR, _WORD_GLUED, _PERCENT_GLUED, _UNIT_GLUED):
            for match in pattern.finditer(text):
                numbers = expand(match.group("list").replace("–", "-"))
                if numbers and set(numbers) <= self.known:
                    self.add(match.start("list"), match.end(), numbers, MarkerStyle.SUPERSCRIPT)
        for match in _HALF_PAREN.finditer(text):
            numbers = expand(match.group("list").replace("–", "-"))
            before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            if numbers and set(numbers) <= self.known and "(" not in before.rsplit(")", 1)[-1]:
                self.add(match.start("list"), match.end(), numbers, MarkerStyle.SUPERSCRIPT)
        words: Counter[str] | None = None  # counted once, on the first candidate
        defined: dict[str, int] | None = None
        for match in _NAME_GLUED.finditer(text):
            numbers = expand(match.group("list"))
            if not numbers or not set(numbers) <= self.known:
                continue
            words = words if words is not None else Counter(_WORD.findall(text))
            name, whole = match.group("name"), match.group("name") + match.group("list")
            if defined is None:  # "clotting test (20WBCT)": where each name is defined
                defined = {}
                for found in _DEFINED_NAME.finditer(text):
                    defined.setdefault(found.group(1), found.start())
            seen = words[name] >= NAME_SEEN or defined.get(name, len(text)) < match.start()
            if seen and words[whole] == 1:
                # "the 4AT3." where the text speaks of "the 4AT", and never again of "4AT3"
                self.add(match.start("list"), match.end(), numbers, MarkerStyle.SUPERSCRIPT)


def _names_a_strain(text: str, match: re.Match[str]) -> bool:
    """Capitals, a stop, digits and a word in lower case: ``GII.4 genotype``."""
    return (
        match.group("punct") == "."
        and bool(_CAPITALS_NAME.match(text, match.end()))
        and bool(_CAPITALS_BEFORE.search(text, max(0, match.start() - 12), match.start()))
    )
