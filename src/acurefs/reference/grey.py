"""References to what is not a journal article: web pages, reports, guidelines, books, chapters, news.

Health writers cite NHS, NIH, WHO, CDC, NICE and Mayo Clinic pages, fact sheets, reports,
guidelines and books, printed in NLM (``Title [Internet]. Place: Publisher; 2024 [cited
...]. Available from: URL``), AMA (``Title. Site. Published 2020. Accessed March 3,
2021. URL``), APA (``Org. (2020). Title. Site. URL``), Harvard (``Org (2017) Title.
Available at: URL (Accessed: 3 March 2021).``) and bare (``Title. Site. URL``) styles.
Such an entry has no source tail of volume and pages; it is read as segments between
full stops: an organisation (or people) as author, the work's title, then where it
appeared (the site, the book of a chapter, the newspaper) and who published it, with the
year. :func:`acurefs.reference.kinds.kind_of` tells web page, report, guideline, book, chapter
and news apart from the words the entry uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Person
from ..text import fold
from .bodies import (
    SMALL_WORDS,
    all_organisations,
    is_news_outlet,
    looks_like_a_name,
    looks_like_organisation,
    organisations,
)
from .house import (
    DAY_MONTH_YEAR,
    DRUG_LABEL,
    NAME_THEN_DATE,
    PAREN_FACTS,
    PRESS_THEN_PLACE,
    PUBLISHER_PLACE_YEAR,
    REPORT_OF_YEAR,
    STANDARD,
    UNPUBLISHED,
    author_before_date,
    house_lead,
    report_code,
    title_then_body,
)
from .laws import SHORT_TITLE, own_title, read_designation
from .names import (
    GIVEN_FIRST,
    NOT_SURNAMES,
    WHO_THEN_QUOTED,
    AuthorBlock,
    as_printed,
    given_first_people,
    quoted_then_who,
    read_authors,
)
from .notes import EDITION, ISBN, NO_DATE, clean_body
from .segments import segments
from .tails import MONTH
from .titles import DOCUMENT_WORDS, bare_title

_YEAR = r"(?:1[6-9]|20)\d{2}"
_ONLINE = re.compile(
    r"(?i)\[(?:internet|online|homepage|web ?page|web ?site|database online|online database)\]|"
    r"\((?:online|internet)\)"
)
_PAGE_COUNT = re.compile(
    r"(?i)(?:^|[.,;]\s*)(?:pp?\.?\s*\d+(?:\s*[-–]\s*\d+)?|\d+\s+pp?\.?)\s*(?=[.,;]|$)"
)
_PLACE_PUBLISHER = re.compile(
    rf"^(?P<place>[A-Z][\w .,'()-]{{1,50}}?)\s*:\s*(?P<publisher>[^:;]{{2,120}}?)"
    rf"(?:\s*[;,]?\s*(?P<year>{_YEAR})[a-z]?(?:\s*[-–:]\s*[^;]*)?)?\s*$"
)
_PUBLISHER_YEAR = re.compile(
    rf"^(?P<publisher>[^;]{{2,120}}?)\s*[;,]?\s*\(?(?P<year>{_YEAR})[a-z]?\)?(?:[:;,].*)?$"
)
_YEAR_ONLY = re.compile(
    rf"^\(?(?:(?:[A-Za-z]{{3,9}}\.?\s+)?\d{{1,2}},?\s+)?(?:[A-Za-z]{{3,9}}\.?,?\s+)?(?P<year>{_YEAR})[a-z]?"
    rf"(?:-\d\d?-\d\d?|\s*,\s*(?:[A-Za-z]{{3,9}}\.?(?:\s+\d{{1,2}})?|\d{{1,2}}\.?\s+[^\W\d]{{3,12}}\.?))?\)?$"
)
"""A segment that is a date: ``2020``, ``(2020, May 4)``, ``(2019-01-22)``, ``(March, 2018)``,
with the day first as other languages put it, ``(2020, 16 diciembre)``, ``(2021, 1. februar)``."""
_LEADING_YEAR_PAREN = re.compile(
    rf"^\s*[(\[]\s*(?:[A-Za-z]{{3,9}}\.?,?\s+(?:\d{{1,2}},?\s+)?|(?:\d{{1,2}}/){{1,2}})?(?P<year>{_YEAR})[a-z]?"
    rf"(?:-\d\d?(?:-\d\d?)?)?(?:\s*,[^)\]]{{0,30}})?\s*[)\]]\s*[.,:]?\s*"
)
"""APA's and Harvard's date after the authors: ``(2020)``, ``(2020, May 4)``, ``(2010-11-17)``,
``(December, 2004)``."""
_TRAILING_YEAR = re.compile(
    rf"(?:,\s*(?P<month>{MONTH}\s+)?|\s+\(\s*)(?P<year>{_YEAR})[a-z]?(?:,[^)]{{0,20}})?\)?$"
)
"""A year (``, 2020``, `` (2020)``) or a month and year (``, January 2021``) ending a title."""
_GENRES = frozenset(
    "speech press release news release blog blog post video podcast infographic fact sheet "
    "factsheet editorial commentary interview".split()
) | {"press release", "news release", "blog post", "fact sheet"}
_QUOTED_BY = re.compile(
    r"^[\"“](?P<title>[^\"”]{3,200}?)[.,]?[\"”]\s+by\s+(?P<who>[A-Z][^,.]{2,80}?)"
    r"(?:[,.]\s*(?P<rest>.*))?$"
)
"""A quoted title and who wrote it: ``"Title" by Health Promotion Board, 9 December 2020``."""
GUIDANCE_NUMBER = (
    r"(?:(?:clinical|practice)\s+)?guid(?:elines?|ance)\s+(?:no\.?\s*|number\s+)?\d{1,4}"
)
"""A guideline's number: ``Guideline no. 73``, ``Clinical Guidance 127``."""
_GENRE_PIECE = re.compile(
    r"(?i)(?:an?\s+|the\s+)?(?:(?:policy|discussion|working|briefing|technical|research|occasional|"
    r"position|consultation|white|green|background|issues?|evidence|information|interim|final|"
    r"consensus|joint|summary)\s+){1,2}(?:papers?|reports?|statements?|stand|brief|documents?)"
    r"(?:\s+(?:of|from|by|for)\s+.{2,120})?|"
    r"(?:an?\s+)?(?:(?:national|clinical|practice|evidence-based)\s+){0,3}guidelines?|"
    rf"{GUIDANCE_NUMBER}"
)
"""What a document is, said on its own after the title (``Policy Paper``, ``A position
statement of the Australian Diabetes Society``, ``A national clinical guideline``,
``Guideline no. 73``, ``Clinical Guidance 121``): a note that tells the kind, not the site."""
_SITE_WORDS = re.compile(r"(?i)\b(?:web\s?site|homepage|home\s+page|portal)$")
_ORG_THEN_YEAR = re.compile(
    rf"^(?P<org>[^():]{{2,160}}?(?:\([^)]{{1,80}}\))?)\s*\(\s*(?P<year>{_YEAR})[a-z]?[^)]{{0,30}}\)\s*[.,]?\s*(?P<rest>.*)$"
)
_NAMES_COMMA_YEAR = re.compile(rf"^(?P<names>[^\d]{{2,160}}?),\s*(?P<year>{_YEAR})[a-z]?$")
"""UK Harvard's authors then year: ``MULVEY, S., 2006``."""
_TRAILING_MONTH = re.compile(rf",\s*{MONTH}(?:\s+\d{{1,2}})?$")
_CAPITALS = re.compile(r"\b([A-Z])([A-Z'’-]{2,})\b")
_CHAPTER = re.compile(r"(?i)^(?:pp?\.\s*\d+(?:\s*[-–]\s*\d+)?\s+)?in:?\s+")
"""``In: Book``, and ASA's ``Pp. 101-113 in Book``: a chapter's book follows."""
_CHAPTER_PAGES = re.compile(r",?\s*\(\s*pp?\.\s*\d+(?:\s*[-–]\s*\d+)?\s*\)")
"""A chapter's pages after its book, APA's ``Book title (pp. 371-432)``."""
_ORG_CODE_TITLE = re.compile(
    r"^(?P<org>[A-Z]{2,8})\s+(?P<code>[A-Z]{0,3}\s?\d{1,4})\s+(?P<title>[A-Z].{3,})$"
)
"""A body, its document's number, the title: ``NICE NG69 Eating disorders``, ``SIGN 153 ...``."""
_ORG_LEAD = re.compile(r"^(?P<org>[^,:]{2,120})\s*[,:]\s+(?P<rest>[A-Z0-9\"“‘'].{8,})$")
_EDITORS = re.compile(r"(?i)(?:,?\s*\(?\beds?\b\.?\)?|\beditors?\b|\bedited\s+by\b)")
_SITE_SUFFIX = re.compile(
    rf"\s+(?:--|[-–—|])\s+(?P<site>[^-–—|]{{2,60}}?)(?:\s*{DAY_MONTH_YEAR})?$"
)
_QUOTED = re.compile(r"^[\"“‘']{1,2}(?P<title>.+?)[.,?!]?[\"”’']{1,2}$")


@dataclass(slots=True)
class GreyParts:
    """What an entry without a journal source tail says (filled step by step)."""

    authors: tuple[Person, ...] = ()
    truncated: bool = False
    title: str | None = None
    container: str | None = None
    publisher: str | None = None
    year: int | None = None
    chapter: bool = False
    book_like: bool = False
    """An edition or editors: a book."""
    law: bool = False
    """A law, decree or order cited by its designation (:mod:`.laws`)."""
    standard: bool = False
    """A standard cited by its code (``ISO 15189: ...``): its issuing body's report."""
    isbn: bool = False
    """An ISBN: a book, or an organisation's report (agencies give their reports one)."""
    printed: bool = False
    """A place and publisher: printed matter (a book, or an organisation's report)."""
    online: bool = False
    """``[Internet]``, ``[online]``: NLM's mark of a web publication."""
    marked: str | None = None
    """The segment NLM marks ``[Internet]``: the work's title, or a homepage's name when it
    opens the entry."""
    notes: list[str] = field(default_factory=list)
    """Segments that are not names or dates (``NCHS data brief, no 61``, ``NG70``): they tell the kind."""


_MARKED = re.compile(
    r"(?:^|(?<=[.?!])\s)\s*(?P<title>[^.?!\[\]]{3,300}?)\s*\[(?:internet|online)\]", re.I
)
"""The segment before NLM's ``[Internet]``."""


def mark_online(text: str, parts: GreyParts) -> None:
    """NLM's ``[Internet]`` and the segment it marks (the work's title), if ``text`` has them."""
    if _ONLINE.search(text):
        parts.online = True
        if marked := _MARKED.search(text):
            parts.marked = parts.marked or " ".join(marked.group("title").split())


def read_grey(text: str, parts: GreyParts) -> GreyParts:
    """Read an entry's authors, title, container, publisher and year into ``parts``."""
    if EDITION.search(text):
        parts.book_like = True
    if ISBN.search(text):
        parts.isbn = True
    mark_online(text, parts)
    if label := DRUG_LABEL.search(text):
        parts.notes.append(label.group(0))  # "[package insert]": gone from the title, kept here
    if standard := STANDARD.match(text):
        parts.standard = True
        parts.notes.append(standard.group("code"))  # "ISO-15189: Title": the standard's number
        text = text[standard.end() :]
    text = clean_body(EDITION.sub(". ", text))
    if SHORT_TITLE.match(text.strip(" .")):
        parts.title = text.strip(" .")  # "Disabled Persons (Services, ...) Act 1986": a law's name
        return parts
    if (law := read_designation(text)) is not None:
        parts.law, parts.year = True, parts.year or law.year
        pieces = segments(law.rest)
        parts.title = (own_title(pieces.pop(0)) if pieces else None) if law.titled else law.printed
        for piece in pieces:
            _source(piece, parts)
        return parts
    if (chicago := GIVEN_FIRST.match(text)) and not looks_like_organisation(chicago.group("names")):
        # Chicago's notes: "Shaun Dreisbach, “Title,” Glamour, June 2012", "John Piper, A
        # Hunger for God (Wheaton, IL: Crossway, 1997)": given names first, then a comma.
        parts.authors = given_first_people(chicago.group("names"))
        text = text[chicago.end("names") :].lstrip(" ,")
    if (quoted := _QUOTED_BY.match(text)) is not None:  # '"Title" by Body, 9 December 2020'
        who = quoted.group("who")
        named = looks_like_organisation(who) or not re.fullmatch(
            r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+", who
        )
        parts.authors = organisations(who) if named else given_first_people(who)
        text = f"{quoted.group('title')}. {quoted.group('rest') or ''}"
    if facts := (
        PAREN_FACTS.search(text)
        or PRESS_THEN_PLACE.search(text)
        or PUBLISHER_PLACE_YEAR.search(text)
    ):
        # Chicago: "A Hunger for God (Wheaton, IL: Crossway, 1997)"
        parts.publisher = facts.group("publisher").strip()
        year = facts.group("year")  # MDPI's facts may have had their year read off
        parts.year = parts.year or (int(year) if year else None)
        parts.printed = True
        text = text[: facts.start()].rstrip(" ,.")
    elif note := _NOTE_FACTS.search(text):
        # An inquiry's endnotes: "Body, Title (Geneva, 2 September 2019), pp 35-36"
        parts.year = parts.year or int(note.group("year") or note.group("dated"))
        parts.printed = parts.printed or note.group("place") is not None
        text = text[: note.start()].rstrip(" ,.")
    pieces = _authors(text, parts)
    pieces = _chapter(pieces, parts)
    _title(pieces, parts)
    for piece in pieces[1:]:
        _source(piece, parts)
    return parts


_NOTE_FACTS = re.compile(
    rf"(?:\s*\(\s*(?:(?P<place>[A-Z][^():,\d]{{1,40}}),\s*(?:\d{{1,2}}\s+)?(?:{MONTH}\s+)?|"
    rf"(?:\d{{1,2}}\s+)?{MONTH}\s+)(?P<year>{_YEAR})\s*\)|,\s*(?:\d{{1,2}}\s+)?{MONTH}\s+(?P<dated>{_YEAR}))"
    r"(?:,\s*pp?\.?\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)?\s*[.,]?\s*$"
)
"""A note's place and date at its end, a page after them: ``(Geneva, 2 September 2019), pp
35-36``, ``(October 2019), p 20``, ``, 7 April 2020, pp 5-6`` (a year alone in parentheses
is APA's date, not a note's)."""


def _authors(text: str, parts: GreyParts) -> list[str]:
    """Take the authors (people, or organisations) off the front; the segments that remain."""
    pieces = segments(text)
    if not pieces:  # nothing but signs and dates ("2nd ed.", "Available from: [Internet]")
        return pieces
    if parts.authors:
        return _after_year(pieces, parts)
    if (opened := _opening(text, pieces, parts)) is not None:
        return opened
    if (dated := _name_then_date(text)) is not None:
        # APA, Harvard as people type them: "Marcin (2017, June 27). Title. Site",
        # "Breastcanceruk. (2024) Title", "Author not listed (2018, May 30). Title"
        name, year, rest = dated
        block = read_authors(name)
        if looks_like_organisation(name):
            parts.authors = organisations(name)  # "NHS England (2018)"
        elif block.authors and block.end >= len(name) - 1:
            parts.authors, parts.truncated = block.authors, block.truncated  # "Krumholz HM"
        elif not _NOBODY.fullmatch(name):
            parts.authors = (Person(name),)
        parts.year = parts.year or year
        return rest
    if (comma := _NAMES_COMMA_YEAR.match(pieces[0])) and len(pieces) > 1:
        # UK Harvard: "MULVEY, S., 2006. Title", "National ... (NICE), 2015. Title"; surnames
        names = comma.group("names")  # in capitals, as UK Harvard prints them, read as names
        block = read_authors(_CAPITALS.sub(lambda m: m.group(1) + m.group(2).lower(), names))
        if looks_like_organisation(names):
            parts.authors = organisations(names)
        elif block.authors and all(p.initials for p in block.authors):
            parts.authors = tuple(as_printed(p, names) for p in block.authors)
            parts.truncated = block.truncated
        if parts.authors:
            parts.year = parts.year or int(comma.group("year"))
            return pieces[1:]
    if (headed := _body_then_year(pieces, parts)) is not None:
        return headed
    if len(pieces) > 1 and (looks_like_organisation(pieces[0]) or all_organisations(pieces[0])):
        parts.authors = organisations(pieces[0])
        if len(pieces) > 3 and _SUB_UNIT.fullmatch(pieces[1]):  # "CMS. Office of Minority Health."
            parts.authors += organisations(pieces.pop(1))
        return _after_year(pieces[1:], parts)
    if (led := _led_by_body(pieces, parts)) is not None:
        return led
    block = read_authors(text)
    if block.authors and _people_not_words(text, block):
        parts.authors, parts.truncated = block.authors, block.truncated
        return _after_year(segments(text[block.end :].lstrip(" .,:;")), parts)
    if _named_first(pieces):
        parts.authors = organisations(pieces[0])
        return _after_year(pieces[1:], parts)
    return pieces


def _led_by_body(pieces: list[str], parts: GreyParts) -> list[str] | None:
    """A body before the title in the first segment, after a comma or a colon, or with the
    work's code; the segments after it, or None."""
    if code := _ORG_CODE_TITLE.match(pieces[0]):
        parts.authors = organisations(code.group("org"))
        parts.notes.append(code.group("code"))
        return [code.group("title"), *pieces[1:]]
    if (lead := _ORG_LEAD.match(pieces[0])) is None:
        return None
    if looks_like_organisation(lead.group("org")):
        # "WHO, Naming the coronavirus disease..." / "World Health Organization: Statement on..."
        parts.authors = organisations(lead.group("org"))
        return [lead.group("rest"), *pieces[1:]]
    comma = pieces[0][len(lead["org"]) :].lstrip()[:1] == ","
    if len(pieces) == 1 and comma and (named := _name_then_title(lead["org"], lead["rest"])):
        parts.authors = named  # "March of Dimes, Smoking during pregnancy [Accessed ...]"
        return [lead["rest"]]
    return None


_SUB_UNIT = re.compile(
    r"(?:Office|Division|Bureau|Branch|Unit|(?:National\s+)?Cent(?:er|re)|Department|Directorate)"
    r"\s+(?:of|for|on)(?:\s+(?:of|for|on|and|the|&))?(?:\s+[A-Z][\w'’&-]*(?:\s+(?:of|for|on|and|the|&))*)+"
)
"""A part of the body named before it (``Office of Minority Health``), before the title."""


def _name_then_title(name: str, rest: str) -> tuple[Person, ...] | None:
    """Who wrote a page, a comma, then the page's title in sentence case (a council's house
    style): a body named in capitals with a small word or an acronym (``Action on Smoking and
    Health``, ``DHSC Media Team``); None for a title then its site (``Asthma, Mayo Clinic``) and
    for two capitalised words, a person as often as a topic (``Electronic Cigarettes, What is
    the bottom line?``)."""
    words = name.split()
    if not 2 <= len(words) <= 7 or DOCUMENT_WORDS.search(name):
        return None
    if looks_like_organisation(rest) or looks_like_a_name(rest):
        return None
    if not all(
        w[:1].isupper() or w in SMALL_WORDS or re.fullmatch(r"\([A-Z]{2,8}\)", w) for w in words
    ):
        return None
    prose = [w for w in rest.split() if w[:1].islower() and w not in SMALL_WORDS]
    if len(prose) < 2 and not rest.rstrip().endswith("?"):
        return None
    if any(w in SMALL_WORDS or (w.isupper() and len(w) >= 3) for w in words):  # not "Alex RK"
        return organisations(name)
    return None


BODY_BARE_YEAR = re.compile(
    rf"^(?P<org>[^\d():,]{{2,160}}?(?:\s*\([^)]{{1,80}}\))?)\s+(?P<year>{_YEAR})[a-z]?,\s+(?P<rest>\S.*)$"
)
"""Australian government style: a body, its year with no parentheses, a comma, the title."""


def _body_then_year(pieces: list[str], parts: GreyParts) -> list[str] | None:
    """A body, then its year in parentheses (``NHS England (2018)``) or bare before a comma
    (``Australian Bureau of Statistics 2023, National Health Survey 2022``: the year in the
    title is the title's); the segments after, or None."""
    first = _ORG_THEN_YEAR.match(pieces[0])
    if first and looks_like_organisation(first.group("org")):
        parts.authors = organisations(first.group("org"))
        parts.year = parts.year or int(first.group("year"))
        rest = [first.group("rest")] if first.group("rest") else []
        return [*rest, *pieces[1:]]
    bare = BODY_BARE_YEAR.match(pieces[0])
    if bare is None or not looks_like_organisation(bare.group("org")):
        return None
    parts.authors = organisations(bare.group("org"))
    parts.year = int(bare.group("year"))
    return [bare.group("rest"), *pieces[1:]]


_WIKIPEDIA = re.compile(r"(?i)wikip[eé]dia(?:,?\s+(?:the\s+)?free\s+encyclopa?edia)?")
_NOBODY = re.compile(
    r"(?i)author\s+not\s+(?:listed|known|given)|anon(?:ymous)?|unknown|n\.?\s?a\.?"
)


_RETRIEVAL = re.compile(r"(?i)^\W*(?:retrieved|available|accessed|online|https?:|www\.)")


def _opening(text: str, pieces: list[str], parts: GreyParts) -> list[str] | None:
    """A house style's opening, or a page's title, year and site alone; the segments after."""
    if opening := house_lead(text, pieces, looks_like_organisation, segments):
        parts.authors, parts.year = opening[0], parts.year or opening[1]
        return opening[2]
    if len(pieces) == 1 and (named := title_then_body(text, looks_like_organisation)):
        parts.title, parts.container, parts.year = named[0], named[1], parts.year or named[2]
        return []  # "Title, Open Data Institute, 2020": a site's list of sources
    if (titled := _title_year_site(text)) is not None:
        # '“Asthma” (2020). Mayo Clinic', 'Pulse & Heart Rate (2018) Cleveland Clinic.'
        parts.year = parts.year or titled[1]
        return [titled[0], *titled[2]]
    return None


_TITLE_YEAR = re.compile(
    rf"^(?P<title>[^()]{{2,200}}?)\s*\(\s*(?P<year>{_YEAR})[a-z]?\s*\)\.?\s+(?P<rest>\S.*)$"
)


def _title_year_site(text: str) -> tuple[str, int, list[str]] | None:
    """A page's title, its year and the site alone after it: ``“Asthma” (2020). Mayo
    Clinic``, ``Pulse & Heart Rate (2018) Cleveland Clinic.`` (not ``NHS England (2018)
    Title``: an organisation's name comes first there, and a title after its date)."""
    match = _TITLE_YEAR.match(text)
    if match is None:
        return None
    title = match.group("title").strip(" .")
    rest = [p for p in segments(match.group("rest")) if not _RETRIEVAL.match(p)]
    site = _RETRIEVAL_TAIL.sub("", rest[0]).strip(" .") if len(rest) == 1 else ""
    if not site or looks_like_organisation(title):
        return None
    if not (looks_like_organisation(site) or is_news_outlet(site)):
        return None  # "Title (2023) The Guardian": a paper's site too
    quoted = title[:1] in '“"‘' and title[-1:] in '”"’'
    named = read_authors(title)
    if not quoted and named.authors and named.end >= len(title) - 1 and "&" not in title:
        return None  # "Smith J (2018) Mayo Clinic": a person's name before the date
    return title, int(match.group("year")), [site]


_RETRIEVAL_TAIL = re.compile(r"(?i)\s+(?:retrieved|accessed|available)\b.*$")


def _name_then_date(text: str) -> tuple[str, int, list[str]] | None:
    """The name, year and following segments of ``Name (2017, June 27). Title. Site``; None
    when the name is no name (a title), or when only a site follows the date: APA puts a
    page's title first when it has no author (``Epigenetics. (2007, July 24). PBS NOVA``)."""
    match = NAME_THEN_DATE.match(text)
    if match is None:
        return None
    name = match.group("name").strip(" .")
    rest = segments(match.group("rest"))
    site = fold(rest[-1]) == fold(name) if len(rest) >= 2 else False  # "Naître et grandir"
    if not (
        _NOBODY.fullmatch(name) or looks_like_a_name(name) or looks_like_organisation(name) or site
    ):
        return None
    # A stop before the date ends a title (APA without author); a name runs into its date.
    titled = text[match.end("name") : match.start("year")].lstrip().startswith(".")
    if titled and len([piece for piece in rest if not _RETRIEVAL.match(piece)]) < 2:
        return None
    return name, int(match.group("year")), rest


def _named_first(pieces: list[str]) -> bool:
    """``Grand View Research. (n.d.). Title``, ``NewHope360. A sentence-case title``,
    ``Hartford HealthCare. Title. Hartford HealthCare``: a short name before the title is
    its author. (``Acupuncture. Natural Medicines Comprehensive Database`` is a title first.)"""
    if author_before_date(pieces, lambda p: bool(_YEAR_ONLY.match(p) or NO_DATE.fullmatch(p))):
        return True  # "www.stylist.co.uk. (n.d.). Title", "ECESA plus members. (2017). Title"
    if len(pieces) < 2 or not looks_like_a_name(pieces[0]) or looks_like_organisation(pieces[1]):
        return False
    name, following = pieces[0], pieces[1:]
    if _YEAR_ONLY.match(following[0]) or NO_DATE.fullmatch(following[0]):
        dated = following[0].startswith(("(", "["))
        following = following[1:]  # APA: the date after the author
        if not following:
            return False
        # A date in parentheses is APA's mark of the author before it, when a title (words
        # in lower case) follows, however short: not a site (``Epigenetics. (2007). PBS NOVA``).
        words = following[0].split()
        if dated and any(w[:1].islower() and w not in SMALL_WORDS for w in words):
            return len(words) >= 2
        return len(words) >= max(3, len(name.split()) + 1)
    if name in following[1:]:
        return True  # the site named again after the title
    if _QUOTED.match(following[0]):
        return True  # MLA: "Harvard Health Publishing. “The Gender Gap in Health.” Accessed..."
    prose = [w for w in following[0].split() if w[:1].islower() and w not in SMALL_WORDS]
    return len(prose) >= 2


def _people_not_words(text: str, block: AuthorBlock) -> bool:
    """Whether an author block read from a page or report entry really names people.

    ``Vitamin D Market Size`` and ``Procedure Manual.`` read like names; people end their
    segment (a stop, a colon, a year in parentheses), and one "person" with no initials
    and no comma is more likely a title word or an organisation.
    """
    rest = text[block.end : block.end + 3]
    listed = len(block.authors) >= 2 and all(p.initials for p in block.authors)
    if (
        rest
        and not listed
        and not re.match(r"\s*(?:[.:,;]|\(|\[)", rest)
        and text[block.end - 1] != "."
    ):
        return False
    first = block.authors[0]
    if len(block.authors) == 1 and first.family.lower() in NOT_SURNAMES:
        return False  # "Vitamin D", "Hepatitis B", "Type 2"
    if len(block.authors) == 1 and block.style == "lenient":
        person = block.authors[0]
        head = text[: block.end]
        if "," not in head and (person.given or not person.initials):
            return False
    return not looks_like_organisation(text[: block.end])


_EDITED_BY_THEM = re.compile(r"(?i)(?:\((?:eds?|editors?)\.?\)|eds?\.|editors?\b\.?)[,.]?\s+(?=\S)")
"""``(Eds.) From Neurons``, ``ed. Na to hoa aroha``, ``Editor. Medical Management``."""


def _after_year(pieces: list[str], parts: GreyParts) -> list[str]:
    """A year in parentheses right after the authors (APA, Harvard): ``(2020, May 4).``;
    APA's ``(Eds.).`` before it makes the authors a book's editors."""
    if pieces and re.fullmatch(r"(?i)\(?(?:eds?|editors?)\.?\)?\.?", pieces[0].strip()):
        parts.book_like = True
        pieces = pieces[1:]
    elif pieces and (eds := _EDITED_BY_THEM.match(pieces[0])):
        parts.book_like = True  # "Shonkoff, J.P. & Phillips, D.A. (Eds.) From Neurons to ..."
        pieces = [pieces[0][eds.end() :], *pieces[1:]]
    if pieces:
        match = _LEADING_YEAR_PAREN.match(pieces[0])
        if match:
            parts.year = parts.year or int(match.group("year"))
            rest = pieces[0][match.end() :].strip()
            pieces = [rest, *pieces[1:]] if rest else pieces[1:]
        elif _YEAR_ONLY.match(pieces[0]) and len(pieces) > 1:
            year = _YEAR_ONLY.match(pieces[0])
            assert year is not None
            parts.year = parts.year or int(year.group("year"))
            pieces = pieces[1:]
        elif NO_DATE.fullmatch(pieces[0] + ")" if pieces[0].endswith(".") else pieces[0]):
            pieces = pieces[1:]
    return pieces


_MDPI_EDITORS = re.compile(r";\s*[^;]{2,200}?,\s*Eds?\.?\s*$")


def _chapter(pieces: list[str], parts: GreyParts) -> list[str]:
    """``Title. In: Editors, eds. Book. ...``: the book becomes the container."""
    for i, piece in enumerate(pieces[1:], start=1):
        if not _CHAPTER.match(piece):
            continue
        parts.chapter = True
        inside = _CHAPTER.sub("", piece)
        rest = pieces[i + 1 :]
        inside = _MDPI_EDITORS.sub("", inside)  # MDPI: "In Book Title; Jones, K., Ed."
        editors = _EDITORS.search(inside)
        if editors and inside[editors.end() :].strip(" .,;:"):
            book = inside[
                editors.end() :
            ]  # "In: Goldman L, Schafer AI, eds. Goldman-Cecil Medicine"
        elif (editors or re.search(r"(?i)\bet\s+al\.?$", inside)) and rest:
            book, rest = rest[0], rest[1:]  # "In: McPhee SJ, et al. Book"
        else:
            book = inside  # "In Principles and Practice of ..., 2nd ed"
        book = _CHAPTER_PAGES.sub("", book.split(". Edited by")[0])
        parts.container = _unquote(book).strip(" ,.") or None
        return [*pieces[:i], *rest]
    return pieces


def _title(pieces: list[str], parts: GreyParts) -> None:
    """The first segment is the work's title; ``Title - Site`` gives the site too.

    A genre word (``Speech``, ``Press release``) is not a title, and a site named before
    the page (``ChooseMyPlate.gov website. What Is MyPlate?``) is its container.
    """
    while pieces and pieces[0].lower() in _GENRES:
        pieces.pop(0)
    marked = parts.marked
    if len(pieces) >= 2 and marked and pieces[1] == marked and _WIKIPEDIA.fullmatch(marked):
        # "ManageMyHealth data breach. Wikipedia [Internet]. [cited ...]": the page, then its site
        parts.container = parts.container or pieces.pop(1)
    elif not parts.authors and len(pieces) >= 2 and pieces[1] == marked and _short_name(pieces[0]):
        # "Global Cancer Observatory. Cancer Over Time [Internet]. ...": who, then the title
        parts.authors = organisations(pieces.pop(0))
    homepage = not parts.authors and marked in (None, pieces[0] if pieces else None)
    if homepage and len(pieces) >= 3 and _PLACE_PUBLISHER.match(pieces[1]) and _titled(pieces[2]):
        # NLM, part of a homepage: "MedlinePlus [Internet]. Bethesda (MD): NLM; 2020. Heart attack"
        parts.container = parts.container or pieces[0]
        pieces[:] = [pieces[2], pieces[1], *pieces[3:]]
    if len(pieces) > 1 and _SITE_WORDS.search(pieces[0]) and parts.title is None:
        parts.container = parts.container or pieces.pop(0)
    if not pieces:
        return
    if (quoted := WHO_THEN_QUOTED.match(pieces[0])) and _short_name(quoted.group("who")):
        who = quoted.group("who")  # "Wikipédia, “Title”"; not a site's sections ("Obesity, Data")
        if "," not in who:
            parts.authors = parts.authors or organisations(who)
        pieces[0] = quoted.group("title")
    elif (news := quoted_then_who(pieces[0])) is not None:  # "'Title', Elspeth McLean, Outlet"
        pieces[:1], parts.authors = [news[0], *news[2]], parts.authors or news[1]
    title = _LOCATOR.sub("", _unquote(pieces[0]))
    year = _TRAILING_YEAR.search(title)
    if year and year.group("month") and parts.year:
        year = None  # "... coverage, June 2021" after "APRA 2021a.": the title's own month
    if year and len(title[: year.start()].split()) >= 2:
        parts.year = parts.year or int(year.group("year"))
        title = title[: year.start()]
    if " | " in title:  # a page's title as browsers show it: "Title | Section | Site"
        title, _, sites = title.partition(" | ")
        parts.container = parts.container or sites.rsplit(" | ", 1)[-1].strip(" .") or None
    site = _SITE_SUFFIX.search(title)
    dated = site is not None and site.group("year") is not None
    if dated and site is not None:
        parts.year = parts.year or int(site.group("year"))
    if site and (dated or looks_like_organisation(site.group("site")) or "." in site.group("site")):
        parts.container = parts.container or site.group("site").strip()
        title = title[: site.start()]
    parts.title = parts.title or bare_title(title.strip(" ,.;:"), pieces[1:2]) or None


_LOCATOR = re.compile(
    r"\s*(?:\(\s*pp?\.\s*\d[\d,\s–-]*\)|[,;]\s*pp?\.\s?\d+(?:\s*[-–]\s*\d+)?(?:,\s*paras?\.?\s*[\d.]+)?)$"
)
"""Where a writer cited in the work: ``Title (p. 14)``, ``Title, p.57, para 5.82``."""


def _short_name(piece: str) -> bool:
    """A name an author may have: a few words, no digits, no sentence."""
    return len(piece.split()) <= 6 and not re.search(r"[\d:;?!]", piece)


def _titled(piece: str) -> bool:
    """A segment that can be a title: words, not a date, a code or a page count."""
    piece = piece.strip(" ,.;:")
    return bool(re.search(r"[A-Za-z]{3}", piece)) and not (
        _YEAR_ONLY.match(piece) or report_code(piece) or NO_DATE.fullmatch(piece)
    )


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text[0] == text[-1] and text[0] in "*_":
        text = text[1:-1]  # a title still in Markdown's emphasis: "*Heat-health plans*"
    match = _QUOTED.match(text)
    return match.group("title") if match else text


def _source(piece: str, parts: GreyParts) -> None:
    """A later segment: a place and publisher, a publisher and year, a year, or the site."""
    piece = piece.strip(" ,.;:")
    if not piece or _PAGE_COUNT.fullmatch(piece) or NO_DATE.fullmatch(piece):
        return
    if report_code(piece) or UNPUBLISHED.match(piece) or _GENRE_PIECE.fullmatch(piece):
        parts.notes.append(piece)  # "Unpublished document", "NG70": said of it, no place
        if numbered := REPORT_OF_YEAR.search(piece):  # "Rapport 2022:7": the year's seventh
            parts.year = parts.year or int(numbered.group("year"))
        return
    if year := _YEAR_ONLY.match(piece):
        parts.year = parts.year or int(year.group("year"))
        return
    if place := _PLACE_PUBLISHER.match(piece):
        parts.publisher = parts.publisher or place.group("publisher").strip(" ,.")
        parts.printed = True
        if place.group("year"):
            parts.year = parts.year or int(place.group("year"))
        return
    if publisher := _PUBLISHER_YEAR.match(piece):
        name = publisher.group("publisher").strip(" ,.")
        parts.year = parts.year or int(publisher.group("year"))
        if name and not report_code(name):
            _site_or_publisher(name, parts)
        return
    _site_or_publisher(piece, parts)


def _site_or_publisher(name: str, parts: GreyParts) -> None:
    name = _TRAILING_MONTH.sub("", name) or name  # "Glamour, June" (its year read already)
    if re.fullmatch(MONTH, name):
        return  # "March, 2023": a date
    if parts.container is None:
        parts.container = name
    elif parts.publisher is None and name != parts.container:
        parts.publisher = name
