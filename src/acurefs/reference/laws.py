"""Laws, decrees and orders cited by their designation: ``Republic Act No. 4073: An Act
further liberalizing ...``, ``Administrative Order No. 5, s. 2000: Guidelines on ...``,
``Presidential Decree No. 384 January 30, 1974: Amending ...``, ``Decreto No. 3518 de 2006.``

The designation (the kind of instrument and its number) is no author: nobody is named
before it. A title that follows a colon or a dash is the instrument's own; without one, the
designation is the title, as lists print it. The year is the series' (``s. 1965``) or the
date's printed with the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INSTRUMENTS_ABROAD = (
    r"decreto|ley|lei|d[ée]cret|decree|resoluci[oó]n|resolu[cç][aã]o|portaria|acuerdo|"
    r"arr[êe]t[ée]|ordenanza"
)
"""The names of laws, decrees and resolutions in Spanish, Portuguese and French (and
``decree``), lower case: one list for :data:`DESIGNATION` and :data:`.kinds.LEGISLATION`."""
_INSTRUMENT = (
    r"act|order|proclamation|ordinance|circular|memorandum(?:[ \t]+circular)?|resolution|"
    rf"directive|regulation|law|bill|{INSTRUMENTS_ABROAD}"
)
_YEAR = r"(?:1[89]|20)\d\d"
DESIGNATION = re.compile(
    rf"^(?:[A-ZÁÉÍÓÚ][\w'’-]*[ \t]+){{0,3}}(?i:{_INSTRUMENT})(?:[ \t]+[A-Z][^\W\d]+)?[ \t]+"
    r"(?i:nos?|nr|n[º°o]|number)\.?"
    r"[ \t]*\d[\w/-]*(?:\.\w[\w/-]*)*(?:[ \t]*[-–][ \t]*[A-Z](?!\w))?"
    rf"(?:,?[ \t]*(?:s\.|[Ss]eries[ \t]+of)[ \t]*(?P<series>{_YEAR}))?"
    rf"(?:,?[ \t]+de[ \t]+(?:\d{{1,2}}[ \t]+de[ \t]+[^\W\d]+[ \t]+de[ \t]+)?(?P<de>{_YEAR}))?"
    rf"(?:,?[ \t]+(?:dated[ \t]+)?[A-Z][a-z]+\.?[ \t]+\d{{1,2}},?[ \t]+(?P<dated>{_YEAR}))?"
)
"""A designation opening an entry: one to three capitalised words ending on an instrument's
name, perhaps one word naming its sort (``Decreto Legislativo``, ``Resolución Ministerial``),
its number (``No. 26 – A``), and the series or date printed with it."""
_TITLE_AFTER = re.compile(r"^[ \t]*(?::|[-–—][ \t])[ \t]*(?=\S)")
_NAMED_AFTER = re.compile(
    rf"^[ \t]*,?[ \t]*(?=(?:[Aa]n[ \t]+)?(?=[A-Z])(?i:{_INSTRUMENT})[ \t]+[^\W\d])"
)
"""A name that is itself an instrument's after the designation, with a comma or not: ``Ley
N° 26842, Ley General de Salud``, ``Ley N° 30895 Ley que Fortalece ...``."""
_SAID_AFTER = re.compile(
    rf"^[ \t]*(?:del?[ \t]+\d{{1,2}}[ \t]+de[ \t]+[^\W\d]+(?:[ \t]+de)?[ \t]+(?P<on>{_YEAR}))?[ \t]*,[ \t]*"
    r"(?=[A-ZÁÉÍÓÚ][a-záéíóúñ]+[ \t]+\S)"
)
"""What the instrument does, after a comma and perhaps its date: ``Decreto N°64, Decreta Alerta
Sanitaria ...``, ``Resolución N°1162 del 24 de agosto de 2022, Aprueba protocolo ...``."""
_AMENDED = re.compile(
    r"[ \t]*,?[ \t]*(?i:y[ \t]+sus[ \t]+modificatorias|as[ \t]+amended|"
    r"e[ \t]+suas[ \t]+altera[çc][õo]es|et[ \t]+ses[ \t]+modifications)[ \t.]*$"
)
"""``and its amendments`` after a law's name: a note on the citation, not the name."""


@dataclass(frozen=True, slots=True)
class Designation:
    """A law's designation opening an entry, and what follows it."""

    printed: str
    """The designation as printed: ``Republic Act No. 4073``."""
    year: int | None
    titled: bool
    """A title follows the designation after a colon or a dash (the instrument's own)."""
    rest: str
    """The entry after the designation (and after the colon or dash)."""


SHORT_TITLE = re.compile(
    rf"^[A-Z][^.:;“”\"]{{2,140}}?\b(?:Act|Bill|Regulations|Rules|Order)(?:\s+of)?,?\s+\(?{_YEAR}\)?$"
)
"""A statute or statutory instrument named by its short title alone, its year the title's last
word: ``The Chronically Sick and Disabled Persons Act 1970``, ``Disabled Persons (Services,
Consultation and Representation) Act 1986``, ``The Health and Social Care Act 2008 (Regulated
Activities) Regulations 2014``. The whole name is the title; the words in it are no authors."""


_EU_DESIGNATION = re.compile(
    rf"\s*\(?(?:(?:Regulation|Directive|Decision)\s+\((?:EU|EC|EEC|Euratom)\)\s+(?:No\s+)?"
    rf"(?P<year>{_YEAR})/\d+|(?:Directive|Decision)\s+(?P<old>{_YEAR})/\d+/(?:EU|EC|EEC))\)?"
)
"""The European Union's designation of a law (``Regulation (EU) 2016/679``, ``Directive
2001/83/EC``): an identifier, not a title; its year is the law's."""


def without_eu_designation(text: str) -> tuple[str, int | None]:
    """``text`` without an EU law's designation in parentheses after its name, and the law's
    year (``The General Data Protection Regulation (GDPR) (Regulation (EU) 2016/679)``)."""
    found = _EU_DESIGNATION.search(text)
    if found is None or found.start() == 0:
        return text, None
    dated = int(found.group("year") or found.group("old"))
    return (text[: found.start()] + text[found.end() :]).strip(), dated


def read_designation(text: str) -> Designation | None:
    """The designation ``text`` opens on, or None."""
    match = DESIGNATION.match(text)
    if match is None:
        return None
    year = match.group("series") or match.group("de") or match.group("dated")
    rest = text[match.end() :]
    said = _SAID_AFTER.match(rest)
    opener = _TITLE_AFTER.match(rest) or _NAMED_AFTER.match(rest) or said
    year = year or (said.group("on") if said else None)
    printed = text[: match.end()].strip()
    return Designation(
        printed,
        int(year) if year else None,
        opener is not None,
        rest[opener.end() :] if opener else rest,
    )


def own_title(name: str) -> str:
    """A law's name without the note that it stands as amended (``..., y sus modificatorias``)."""
    return _AMENDED.sub("", name) or name
