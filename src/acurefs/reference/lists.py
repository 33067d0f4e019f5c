"""Entries of lists that are not bibliographies: a reading list's book, a news round-up's item.

A health service's or a charity's reading list prints a book as its title, then who wrote
it, given names first, and perhaps its publisher and year (``Coming Through Depression
Author Tony Bates, 2011``; ``The Body Keeps the Score by Bessel van der Kolk (2014)``;
``Title by Andy McNeil and Pamela Gabbay, Springer Publishing Company, 2018.``). A news
round-up prints each item's date first, then its headline and the outlet after a dash
(``Feb 4 2015 Mr Alzheimer's And Me: TV film helps children understand - The Guardian``).
Neither form has a journal's source tail, and a bibliography's reader takes their first
words for authors; these readers take the whole entry or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Person
from .bodies import ORG_WORDS, is_news_outlet, looks_like_organisation, organisations
from .dates import MONTH_WORD
from .house import STANDARD
from .names import GIVEN_NAMES, VANCOUVER_AUTHORS, given_first_people, read_authors
from .segments import segments
from .tails import YEAR as _YEAR

_BY = re.compile(r",?\s+(?:by|By|Written\s+by|Authors?:?)\s+(?=[A-Z])")
"""Where a reading list's title ends and who wrote it begins: ``by``, or the label ``Author``."""
_TITLE = re.compile(r"[A-Z0-9][^“”\"()\[\]]{2,200}")
"""A book's title as a reading list prints it: no quotation marks, no year in parentheses."""
_CLOSING_YEAR = re.compile(
    rf"(?:[,.;]\s*|\s+\(?|\s*\()(?:(?i:{MONTH_WORD}),?\s+)?(?P<year>{_YEAR})\)?\.?$"
)
_ISBN = re.compile(r",?\s*\bISBN(?:-1[03])?:?\s*[\dXx-]{10,17}")
_CREDENTIAL = re.compile(r",\s*(?:MD|DVM|VMD|PhD|RN|MBBS|DO|DDS|MPH|FRCS|LCSW|PsyD)\b\.?(?=,|$)")
_EDITORS = re.compile(r"\s*\((?:eds?|editors?)\.?\)")
_STOP = re.compile(r"(?<![A-Z])\.\s+")
"""A stop that ends a segment: not an initial's (``Alan L. Rubin``)."""
_OUTLET_GENRE = re.compile(
    r"[:;,]\s+(?P<outlet>[A-Z][\w.&'’ -]{1,40}?)\s+(?:article|piece|column|op-ed|story|essay|"
    r"interview|feature)$"
)
"""An annotated list's outlet and genre after the title: ``Title: New York Times article``."""
_ANNOTATION = re.compile(r"[A-Z][a-z]*(?:\s+[^\s\d]+){5,}\.?")
"""A note in sentences after the book (six words or more, no digits): what the list says
of it."""
_PUBLISHER = re.compile(
    r"(?i)\b(?:press|publish\w*|books|company|ltd|inc|llc|media|house|group|editions?)\b"
)

_GROUP_WORDS = frozenset(
    """primary general public health care national royal clinical medical community family
    families mental local social age sex region regions type state states country countries
    all other practitioners team teams nurses doctors patients parents children workers
    members experts professionals group groups users people women men adults""".split()
)
"""Words that name a group or a kind, not a person: ``Audit by Primary Health Care Teams``,
``Deaths by Age Group``."""


@dataclass(frozen=True, slots=True)
class Listed:
    """What a reading list's or a news round-up's entry says."""

    title: str
    people: tuple[Person, ...] = ()
    where: str | None = None
    """The publisher of a book, the outlet of a news item."""
    year: int | None = None
    named: bool = False
    """A title and who issued it, nothing else: its words tell the kind (``Title (Body 2014)``)."""


def reading_list_book(line: str) -> Listed | None:
    """A book as a reading list prints it: title, ``by`` (or ``Author``) and names given
    first, then perhaps the publisher and the year; None for any other entry."""
    line = line.strip()
    for by in _BY.finditer(line, 0, 220):  # a title is shorter than that
        title = line[: by.start()].strip()
        if (
            not _TITLE.fullmatch(title)
            or len(segments(title)) != 1
            or VANCOUVER_AUTHORS.match(title)
        ):
            continue  # "Cho SG, Cui J, Kim D. A Procedure ... by Impact Testing. J ...": an article
        read = _who_and_publisher(line[by.end() :])
        if read is not None:
            people, publisher, year = read
            title = title.rstrip(" ,;:‘’'")  # "Somebody I Used to Know‘ by ...": a lost quote
            if genre := _OUTLET_GENRE.search(title):  # "Title: New York Times article by ..."
                title, publisher = title[: genre.start()], genre.group("outlet")
            return Listed(title=title, people=people, where=publisher, year=year)
    return None


def _who_and_publisher(rest: str) -> tuple[tuple[Person, ...], str | None, int | None] | None:
    """The people, the publisher and the year after a reading list's ``by`` (an ISBN and a
    credential after a name, ``DVM``, are neither)."""
    year = None
    rest = _ISBN.sub("", rest)
    if closing := _CLOSING_YEAR.search(rest):
        year, rest = int(closing.group("year")), rest[: closing.start()]
    rest = _CREDENTIAL.sub("", _EDITORS.sub("", rest)).strip(" .,;")
    split = _STOP.split(rest, maxsplit=1)
    names, after = split[0], split[1] if len(split) > 1 else ""
    if _ANNOTATION.fullmatch(after):
        after = ""  # "... by Atul Gawande. Empowers those of us ...": the list's own note
    pieces = [p.strip() for p in names.split(",")]
    taken: list[str] = []
    for piece in pieces:
        if _PUBLISHER.search(piece) or ORG_WORDS.search(piece) or looks_like_organisation(piece):
            break
        if not GIVEN_NAMES.match(", ".join([*taken, piece])) or _GROUP_WORDS.intersection(
            piece.lower().split()
        ):
            break
        taken.append(piece)
    if not taken:
        return None
    publisher = ", ".join([*pieces[len(taken) :], *([after] if after else [])]).strip(" .,;")
    if publisher and (len(publisher.split()) > 8 or re.search(r"\d", publisher)):
        return None  # more than a publisher's name: not a reading list's line
    return given_first_people(", ".join(taken)), publisher or None, year


_DATED = re.compile(
    rf"^(?P<date>(?i:{MONTH_WORD})\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+(?P<year>{_YEAR}))?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_WORD}),?(?:\s+(?P<year2>{_YEAR}))?)"
    r"(?:\s*[-–—:|])?\s+(?P<rest>[\"“‘'A-Z0-9].{8,})$"
)
"""A news round-up's item, its date first: ``Feb 4 2015 Headline - Outlet``, ``Sept 26
Headline``, ``12 March 2020: Headline``."""
_OUTLET = re.compile(r"\s+(?:-{1,2}|[–—|])\s+(?P<outlet>[A-Z][^-–—|.!?]{1,60})$")
_FORMAT = re.compile(r"(?i)\s*\((?:audio|video|podcast|pdf|radio|tv|film)\)$")
_LOST_LINK = re.compile(r",[\w.,/-]*\d[\w.,/-]*$")
"""A lost link's tail glued to an outlet's name: ``University of St Andrews,251236,en.php``."""
_GENRE = re.compile(r"(?i)\s+(?:web\s?site|site|web\s?page|online)$")


def dated_headline(line: str) -> Listed | None:
    """A news item as a round-up prints it, its date first, then the headline and perhaps
    the outlet after a dash; None for any other entry."""
    match = _DATED.match(line.strip())
    if match is None:
        return None
    rest = _LOST_LINK.sub("", match.group("rest").strip())
    if _CLOSING_YEAR.search(rest) or re.search(r"\d+\s*\(\d+\)\s*:|;\s*\d", rest):
        return None  # a year or a source tail after the headline: some other form
    where = None
    if outlet := _OUTLET.search(rest):
        where = _GENRE.sub("", _FORMAT.sub("", outlet.group("outlet"))).strip()
        if len(where.split()) <= 7:
            rest = rest[: outlet.start()]
        else:
            where = None
    title = rest.strip(" .,;")
    if len(title.split()) < 3:
        return None
    year = match.group("year") or match.group("year2")
    return Listed(title=title, where=where or None, year=int(year) if year else None)


_OUTLET_MARK = re.compile(r"^\*\*(?P<outlet>[^*]{2,60})\*\*(?:\s*\([^()]{2,30}\))?$")
_DAY_AND_YEAR = re.compile(
    rf"^(?:\d{{1,2}}\s+(?i:{MONTH_WORD})|(?i:{MONTH_WORD})\s+\d{{1,2}},?)\s+(?P<year>{_YEAR})$"
)


def as_listed(line: str) -> Listed | None:
    """The entry as a list that is no bibliography prints it, or None."""
    if STANDARD.match(line):
        return None  # "ISO-15189: Title": a standard, read as a body's report
    return (
        reading_list_book(line)
        or dated_headline(line)
        or headline_outlet_date(line)
        or title_then_who(line)
        or title_dash_authors(line)
        or title_by_body(line)
    )


_TITLE_DASH_AUTHORS = re.compile(
    rf"^(?P<title>[^“”\"]{{6,250}}?)\s+[–—-]\s+(?P<who>[A-Z][^()–—\d]{{1,150}}?)\s*"
    rf"\((?P<year>{_YEAR})\)\.?\s*(?P<rest>[^()\d]{{0,120}})$"
)
_EDITION_AFTER = re.compile(
    r"\s*\((?:\d+(?:st|nd|rd|th)\s+ed(?:ition|n)?\.?|[^()]*edition)\)$", re.I
)


def title_dash_authors(line: str) -> Listed | None:
    """A book with its title first, then a dash and its authors and year as APA prints them
    (``Coping with sorrow on the loss of your pet (3rd ed.) – Anderson, M. (1996). US:
    DogEar Publishing.``): a pet-loss or a support group's reading list; None for any other."""
    match = _TITLE_DASH_AUTHORS.match(line.strip())
    if match is None:
        return None
    who = match.group("who").strip(" ,")
    block = read_authors(who)
    if not block.authors or len(who[block.end :].strip(" .,")) > 0:
        return None  # not authors alone: "Title - Site Name (2019)"
    place_publisher = match.group("rest").strip(" .")
    publisher = place_publisher.split(":", 1)[-1].strip() or None
    title = _EDITION_AFTER.sub("", match.group("title").strip(" .,"))
    return Listed(title=title, people=block.authors, where=publisher, year=int(match.group("year")))


_TITLE_BY_BODY = re.compile(
    r"^(?P<title>[^()“”\"]{10,250}?)\s*\(\s*(?:(?:[A-Z][\w-]*\s+){1,4})?by\s+(?P<who>[A-Z][^()]{3,200})\)\.?$"
)


def title_by_body(line: str) -> Listed | None:
    """A title, then the body that issued it in parentheses (``Guidance on ... Monitoring in
    Singapore (by Chapter of Gastroenterologists, College of Physicians, Singapore)``, ``(Joint
    Consensus Statement by ... and ...)``): the first body is the author; None for any other."""
    match = _TITLE_BY_BODY.match(line.strip())
    if match is None:
        return None
    first = re.split(r"\s+and\s+(?=[A-Z])", match.group("who").strip())[0]
    if not any(looks_like_organisation(part) for part in first.split(",")):
        return None
    title = match.group("title").strip(" .,")
    return Listed(title=title, people=(Person(family=first, collective=True),), named=True)


def headline_outlet_date(line: str) -> Listed | None:
    """A press page's item: the headline, the outlet (in bold, or a news outlet by name) and
    perhaps the day, after commas (``Test and trace system will start on Thursday, **BBC**,
    27 May 2020``); None for any other entry."""
    pieces = [p.strip() for p in line.strip().rstrip(" ,.").split(", ")]
    year = None
    if len(pieces) >= 3 and (dated := _DAY_AND_YEAR.match(pieces[-1])):
        year, pieces = int(dated.group("year")), pieces[:-1]
    if len(pieces) < 2:
        return None
    outlet, headline = pieces[-1], ", ".join(pieces[:-1])
    marked = _OUTLET_MARK.match(outlet)
    name = re.sub(r"\s*\([^()]{2,30}\)$", "", marked.group("outlet") if marked else outlet).strip()
    if not (marked or is_news_outlet(name)) or len(headline.split()) < 4 or "*" in headline:
        return None
    if not re.search(r"\b[a-z]{3,}\b", headline) or len(segments(headline)) != 1:
        return None  # names, or sentences: not a headline
    if "_" in headline or any(p[:1] in "'‘\"“«" for p in pieces[:-1]):
        return None  # "'NZ 35th ...', Elspeth McLean, Outlet": a quoted title and its writer
    return Listed(title=headline, where=name, year=year)


_TITLE_THEN_WHO = re.compile(
    rf"^(?P<title>[^(),;“”\"‘’]{{6,250}}?)\s*(?:[:–—-]\s*(?P<lead>[A-Z][\w’'-]+)\s*)?:?\s*"
    rf"\((?P<who>[^(),:;\d]{{0,80}}?)\s*(?P<year>{_YEAR})\)\.?$"
)
"""A title, then who issued it and the year in parentheses, as a body's reading list prints
it: ``Compassion in Practice (CNO England 2012)``, ``More Care Less Pathway – Neuberger
(2013)``, ``Dying without dignity: ... care (May 2015)``."""
_HONORIFIC = re.compile(
    r"^(?:the\s+)?(?:rt\.?\s*hon\.?\s+)?(?:lord|lady|baroness|sir|dame|dr|prof)\.?\s+", re.I
)
_MONTHS_ONLY = re.compile(rf"^(?i:{MONTH_WORD})$")


def title_then_who(line: str) -> Listed | None:
    """``Title (Body 2014)``: the title, who issued it and the year; None for any other entry."""
    match = _TITLE_THEN_WHO.match(line.strip())
    if match is None:
        return None
    title = match.group("title").strip(" .:–—-")
    who = _HONORIFIC.sub("", match.group("lead") or match.group("who").strip(" ,"))
    if len(segments(title)) != 1 or len(title.split()) < 2 or VANCOUVER_AUTHORS.match(title):
        return None
    if not who and len(title.split()) < 4:
        return None  # "Diabetes UK (2019)": a name and its year, for the general reader
    people: tuple[Person, ...] = ()
    if who and not _MONTHS_ONLY.match(who):
        if looks_like_organisation(who) or re.fullmatch(r"[A-Z]{2,8}", who) or len(who.split()) > 3:
            people = organisations(who)
        elif GIVEN_NAMES.match(who):
            people = given_first_people(who)
        elif re.fullmatch(r"[A-Z][\w’'-]+", who):
            people = (Person(family=who),)
        else:
            people = organisations(who)
    return Listed(title=title, people=people, year=int(match.group("year")), named=True)
