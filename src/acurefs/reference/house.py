"""How entries of house styles, and of manuals' rarer forms, begin.

Sites and apps print their sources their own way. One such way, seen on an Italian health
dashboard's bibliography: the names in bold, a comma, the year and a colon before the title
in quotes (``**Humana Vox, 2023**: "Battito cardiaco..." [leggi di più](url)``); the
emphasis is gone by the time the entry is read here. And APA, for a page with neither
author nor title that can stand first, opens with the date: ``(2023, March 15). Vital Signs.
Cleveland Clinic. Retrieved ...``. NLM puts a government body under its country:
``Ireland. Department of Health. (2019) Title``. A library's catalogue line (ISBD) puts who is
responsible after the title and a slash: ``Title / Statistics South Africa. Pretoria: ...``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..models import Person
from .tails import MONTH

_NAMES_YEAR_COLON = re.compile(
    r"^(?P<names>[^\d:\"“”()]{2,160}?),\s*(?P<year>1[6-9]\d\d|20\d\d)[a-z]?\s*:\s+"
    r"(?P<rest>[\"“].+)$"
)
"""Names, a comma, the year and a colon before a quoted title (``Humana Vox, 2023: "..."``,
``Kosuke Inoue, Amanda E. Paluch, 2023: "..."``)."""
_DATE_FIRST = re.compile(r"^\((?P<year>1[6-9]\d\d|20\d\d)[a-z]?(?:[-,][^()]{0,30})?\)$")
"""A date in parentheses standing alone as an entry's first segment."""
_LONE_NAME = re.compile(r"(?P<name>[A-Z][^()]{1,60}?)\s*\((?P<year>1[6-9]\d\d|20\d\d)\)")
"""An entry's only words, a name and its year: ``Wikipedia (2020)`` (a name: every word
capitalised; ``Data on COVID-19 coronavirus pandemic (2020)`` is a title)."""
_ONE_NAME = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]+")
"""One word with a capital inside it, a site's or brand's name (``PharmaBraille``, ``EyDer``)."""
_AGENCY_UNDER_PLACE = re.compile(
    r"^(?P<place>[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)?)\.\s+(?P<body>[A-Z][^.()]{2,100}?)\.\s*"
    r"\(?(?P<year>1[6-9]\d\d|20\d\d)[a-z]?\)?\.?\s+(?P<rest>\S.*)$"
)
"""A government body under its country, as NLM prints it: ``Ireland. Department of Health.
(2019) Title``, ``Colombia. Congreso de la República. (2013). Decreto ...``."""
_BODY_YEAR = re.compile(
    r"^(?P<body>(?P<acronym>[A-Z]{2,8}(?=\s+\d|\s+\())?(?:\s*\([A-Z][^()]{3,100}\))?"
    r"(?(acronym)|[A-Z][^.()\d]{1,100}?\s[A-Z][^\s.()\d]*(?:\s\([A-Z][A-Za-z&]{1,11}\))?))"
    r"\s+(?P<year>1[6-9]\d\d|20\d\d)[a-z]?\.\s+"
    r"(?P<rest>\S.*)$"
)
"""A body and its year before a stop, Harvard's way without parentheses, as Australia's
agencies print it: ``AIHW 2003. Title``, ``ABS (Australian Bureau of Statistics) 2016. Title``,
``Australian Institute of Health and Welfare (AIHW) 2019. Title`` (a body's name, its last word
capitalised; not a title that ends on its year: ``World malaria report 2019. Geneva: WHO``,
``Programme for the year 2018.``)."""
SITE_ADDRESS = re.compile(
    r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|co|ac|nhs|blog|info|"
    r"uk|au|ca|ie|nz|za|in|us|eu)(?:\.[a-z]{2})?/?"
)
"""A site's address standing as a name (``www.nhs.uk``, ``https://www.helpguide.org``)."""
_ACRONYM_BODY = re.compile(r"(?=[^.:]*\b[A-Z]{3,}\b)[A-Z][^.():|]{1,40}")


def author_before_date(pieces: Sequence[str], is_date: Callable[[str], bool]) -> bool:
    """Whether APA's first segment is its author though it reads like no name: a site's
    address (a citation generator's ``www.nhs.uk. (2020). Title``), or a short name holding an
    acronym (``ECESA plus members. (2017). Title. United Nations``) when a longer title and
    more follow the date (``Brain PET scan. (n.d.). MedlinePlus`` is a title, then its site)."""
    if len(pieces) < 3 or pieces[1][:1] != "(" or not is_date(pieces[1]):
        return False
    if SITE_ADDRESS.fullmatch(pieces[0]):
        return True
    longer = len(pieces[2].split()) > len(pieces[0].split())
    return bool(_ACRONYM_BODY.fullmatch(pieces[0])) and longer and len(pieces) >= 4


_GIVEN_THEN_FAMILY = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.?)*(?:\s+[A-Z][\w’'-]*[a-z]){1,2}$")
"""A person's name with the given name first: ``Amanda E. Paluch``, ``Kosuke Inoue``."""


def names_year_colon(
    text: str, organisation: Callable[[str], bool]
) -> tuple[tuple[Person, ...], int, str] | None:
    """The authors, year and the rest (the quoted title on) of ``Names, 2023: "Title"...``;
    None for any other entry. The names are people when there are several, each given name
    first, or one with an initial; one name without (``Humana Vox``) is the site's, as is
    anything ``organisation`` says names one."""
    match = _NAMES_YEAR_COLON.match(text)
    if match is None:
        return None
    printed = match.group("names").strip()
    names = [n.strip() for n in printed.split(",")]
    people = all(_GIVEN_THEN_FAMILY.match(n) for n in names) and (len(names) > 1 or "." in names[0])
    if people and not organisation(printed):
        authors = tuple(Person(family=n.split()[-1], given=" ".join(n.split()[:-1])) for n in names)
    else:
        authors = (Person(family=printed, collective=True),)
    return authors, int(match.group("year")), match.group("rest")


def house_lead(
    text: str,
    pieces: Sequence[str],
    organisation: Callable[[str], bool],
    split: Callable[[str], list[str]],
) -> tuple[tuple[Person, ...], int | None, list[str]] | None:
    """The authors, the year and the segments after them of an entry that opens with the
    date alone (no author) or in the ``Names, 2023: "Title"`` house style; None for others.
    ``pieces`` are the entry's segments, ``split`` cuts text into segments."""
    if len(pieces) > 1 and (date := _DATE_FIRST.match(pieces[0])):
        return (), int(date.group("year")), list(pieces[1:])
    lone = _LONE_NAME.fullmatch(pieces[0].strip(" .")) if len(pieces) == 1 else None
    if lone and all(word[:1].isupper() for word in lone.group("name").split()):
        # "Wikipedia (2020). [address, access date]": a site's name and year, no title
        return (Person(family=lone.group("name"), collective=True),), int(lone.group("year")), []
    if len(pieces) == 1 and _ONE_NAME.fullmatch(pieces[0].strip(" .")):
        # "PharmaBraille. [address, access date]": one word, a site's name, no title
        return (Person(family=pieces[0].strip(" ."), collective=True),), None, []
    if (agency := agency_lead(text, organisation)) is not None:
        return (Person(family=agency[0], collective=True),), agency[1], split(agency[2])
    house = names_year_colon(text, organisation)
    if house is None:
        return None
    authors, year, rest = house
    return authors, year, split(rest)


def body_year_in_parentheses(text: str, organisation: Callable[[str], bool]) -> str:
    """``AIHW 2003. Title`` as ``AIHW (2003). Title``, so it is read like any entry by a body;
    any other text as it is."""
    body = _BODY_YEAR.match(text)
    if body is None or not (body.group("acronym") or organisation(body.group("body"))):
        return text
    return f"{body.group('body')} ({body.group('year')}). {body.group('rest')}"


def agency_lead(text: str, organisation: Callable[[str], bool]) -> tuple[str, int, str] | None:
    """The body (``Ireland. Department of Health``), year and rest of an entry that opens
    with a government body under its country; None for any other."""
    agency = _AGENCY_UNDER_PLACE.match(text)
    if (
        agency is None
        or not organisation(agency.group("body"))
        or organisation(agency.group("place"))
    ):
        return None
    name = f"{agency.group('place')}. {agency.group('body')}"
    return name, int(agency.group("year")), agency.group("rest")


_CATALOGUE = re.compile(
    r"^(?P<title>[^/]{12,300}?)[ \t]+/[ \t]+(?P<by>[A-Z][^/\d.:;]{2,100}?)(?:\.[ \t]+|[ \t]+[-–—][ \t]+)"
    r"(?P<rest>[A-Z][^:/]{1,40}:[ \t]*[^:/]{2,100}?[,;][ \t]*(?:1[6-9]\d\d|20\d\d)\b.*)$"
)
"""A catalogue line: the title, a slash, who is responsible, then place, publisher and year
(``Title / Ministerio de Salud - Lima: Ministerio de Salud; 2021``)."""


def catalogue_order(text: str) -> str:
    """A catalogue line in the order a reference list prints it (``Responsible. Title. Place:
    Publisher, Year``), so it is read like any other; any other text as it is."""
    match = _CATALOGUE.match(text)
    if match is None or len(match.group("by").split()) > 10:
        return text
    title, by = match.group("title").strip(), match.group("by").strip(" ,")
    return f"{by}. {title}. {match.group('rest')}"


PRESS_THEN_PLACE = re.compile(
    r",\s*(?!(?:Vol|No|Nr|Issue|Part)\b)(?P<publisher>[A-Z][^,():‘’“”]{1,60}?)\s*\(\s*"
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)[a-z]*\b)"
    r"[A-Z][^():,]{1,40},\s*"
    r"(?P<year>1[6-9]\d\d|20\d\d)\s*\)\.?$"
)
"""An older British book's facts: the publisher, then place and year in parentheses
(``Orr, J.B., Food, Health and Income, Macmillan (London, 1937)``)."""
PUBLISHER_PLACE_YEAR = re.compile(
    r";\s*(?P<publisher>[A-Z](?:[^;:.]|\.(?!\s)){1,80}?):\s*(?P<place>[A-Z][\w .'-]{1,40}(?:,\s*[A-Z][\w .'-]{1,30}){0,2})"
    r"(?:,\s*(?P<year>1[6-9]\d\d|20\d\d)[a-z]?)?(?:;\s*pp?\.\s*\d+(?:\s*[-–]\s*\d+)?)?[.,]?\s*$"
)
"""MDPI's and ACS's book facts after a semicolon: ``Title; Springer: Berlin, Germany, 2019``,
a chapter's pages after them (``...; pp. 10-20``); the year may have been read off already."""


PAREN_FACTS = re.compile(
    r"\(\s*[A-Z](?:[^():]{1,40}:|[^():,]{1,40},\s*(?=[A-Z][a-z]{2}))\s*(?P<publisher>[^():]{2,80}?),\s*"
    r"(?P<year>1[6-9]\d\d|20\d\d)\s*\)"
    r"(?:,\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)?\.?$"
)
"""Chicago's publication facts in parentheses: ``(Wheaton, IL: Crossway, 1997)``, the place
set off by a comma (``(Philadelphia, Saunders, 1978)``), and a note's page after them (``(New
York: St. Martin's, 1996), 69``)."""


_CITY = (
    r"(?:London|Oxford|Cambridge|Edinburgh|Glasgow|Dublin|Manchester|Bristol|Leeds|Birmingham|"
    r"Basingstoke|Abingdon|Maidenhead|Buckingham|Chichester|Harlow|Hove|Milton\s+Keynes|Cardiff|"
    r"Belfast|New\s+York|Boston|Philadelphia|Chicago|Baltimore|Washington(?:,?\s+D\.?C\.?)?|"
    r"San\s+Francisco|Los\s+Angeles|Menlo\s+Park|Thousand\s+Oaks|St\.?\s+Louis|Toronto|Ottawa|"
    r"Sydney|Melbourne|Wellington|Auckland|Geneva|Brussels|Paris|Berlin|Amsterdam|New\s+Delhi)"
)
"""Where books and reports are most often published: a fact list, for the Harvard tails below."""
_NOT_BEFORE_PLACE = r"(?<!\bin)(?<!\bof)(?<!\bfor)(?<!\bfrom)(?<!\bto)(?<!\band)(?<!\bacross)"
_PLACE_THEN_WHO = (
    rf"{_CITY}(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?,\s*"
    rf"(?P<publisher{{n}}>[A-Z][^,():;.]{{{{1,60}}}}?)(?:\s+{MONTH})?(?:,?\s*(?:1[6-9]|20)\d\d)?"
)
_FACTS_AT_END = re.compile(
    rf"(?:,\s*(?:{_PLACE_THEN_WHO.format(n=1)}|(?P<body>[A-Z][^,():;.]{{1,60}}?),\s*{_CITY}"
    rf"(?:\s*\([^()]{{1,60}}\))?)|{_NOT_BEFORE_PLACE}\s+{_PLACE_THEN_WHO.format(n=2)})\s*\.?$"
)
"""British Harvard's facts after a title with no stop between: the place, then who published
it (``..., Menlo Park, California, Addison-Wesley 1984``, ``... education London, NMC September
2010``), or who, then the place (``..., Nursing and Midwifery Council, London (July 2008)``).
Not a place the title is about (``Health in London, ...``)."""


def facts_after_title(title: str) -> tuple[str, str] | None:
    """A book's title and publisher when the publication facts were read into the title:
    Chicago's in parentheses (``Real Food: What to Eat and Why (New York: Bloomsbury, 2006)``,
    a note's page after them) or British Harvard's after a comma (:data:`_FACTS_AT_END`);
    None when the title ends otherwise."""
    facts = PAREN_FACTS.search(title)
    if facts is not None and facts.start() > 0:
        return title[: facts.start()].rstrip(" ,."), facts.group("publisher").strip()
    facts = _FACTS_AT_END.search(title)
    if facts is None or len(title[: facts.start()].split()) < 3:
        return None
    publisher = facts.group("publisher1") or facts.group("publisher2") or facts.group("body")
    return title[: facts.start()].rstrip(" ,."), publisher.strip()


UNPUBLISHED = re.compile(
    r"(?i)(?:unpublished|ongepubliceerd|no\s+publicad[oa]|in[eé]dit[oa]?|non\s+publi[eé]|"
    r"unver[öo]ffentlicht|upublisert|opublicerad)\b"
)
"""A segment saying the work was never published (``Unpublished document``, ``inédito``): said
of it, no place or publisher."""


_TITLE_THEN_BODY = re.compile(
    r"^(?P<title>[^.|()]{6,240}?[^\s,]),\s+(?:(?:published|issued|utgivna?|utgivet|utgiven|udgivet|"
    r"uitgegeven)\s+(?:by|av|af|door)\s+)?(?P<body>[^,.;:|()]{2,120}?(?:\s?\([A-Za-z]{2,10}\))?)"
    r"(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?\s*[.|]?$"
)
"""A whole entry of three parts, commas between them: ``Title, Body, 2020``, ``Människorna i
Sverige, Statistiska centralbyrån (SCB)``, ``Title, Socialstyrelsen 2022``, ``Title, utgivna av
Body (CES)`` ("published by")."""


def title_then_body(
    text: str, organisation: Callable[[str], bool]
) -> tuple[str, str, int | None] | None:
    """The title, the body and the year of an entry printed as ``Title, Body(, Year)`` and
    nothing else (a site's list of sources; a link's text ``Title, Site``); None when what
    follows the title's last comma names no body."""
    match = _TITLE_THEN_BODY.match(text.strip())
    if match is None:
        return None
    body, title = match.group("body").strip(), match.group("title").strip()
    if len(body) < 3 or _NOT_A_TITLE.search(title) or _PLACE.fullmatch(body):
        return None  # "..., Long Beach, CA": a place; "Smith, 2001, Title, ...": author-date
    if organisation(title) or not (
        organisation(body) or BODY_ABBREVIATION.search(body) or _DOMAIN.search(body)
    ):
        return None
    year = match.group("year")
    return title, body, int(year) if year else None


_NOT_A_TITLE = re.compile(
    r",\s*(?:1[6-9]|20)\d\d\s*,|\b(?:Division|Department|Office|Agency|Ministry|Bureau|Unit)$"
)
"""A year between commas (an author-date entry), or a body's unit before another body."""
_PLACE = re.compile(r"USA|UAE|England|Scotland|Wales|Ireland|Canada|Australia|India|Europe")
BODY_ABBREVIATION = re.compile(r"^[A-Z][^()]{3,}\([A-Z]{2,8}\)$")
"""A body's name with its initials: ``Centrum för arbets- och miljömedicin (CAMM)``."""
_DOMAIN = re.compile(r"^[A-Za-z][\w-]*\.(?:org|com|net|gov|edu)$", re.I)
"""A site named by its domain: ``NPR.org``."""


def report_code(piece: str) -> bool:
    """Report numbers and codes, not names: ``NG70``, ``publication no. 93-1088``, ``p. 1``."""
    return bool(
        re.fullmatch(
            r"(?i)(?:[A-Z]{1,4}\s?\d{1,4}|(?:report|rapport(?:er)?|informe|bericht|publication|paper|series|no|nos?|vol)\b.*\d.*|chap(?:ter)?\s*\d+|\d+|"
            r"[^,;:]{2,60}\bseries,?\s+(?:no\.?|number)\s*\d[\w.-]*)",
            piece,
        )
    )


REPORT_OF_YEAR = re.compile(
    r"(?i)\b(?:report|rapport|informe|bericht)\s+(?P<year>(?:19|20)\d\d):\d{1,3}\b"
)
"""A report numbered within its year, as Nordic agencies number them: ``Rapport 2022:7``."""
THESIS = re.compile(
    r"(?i)\s*[(\[](?:unpublished\s+)?(?:(?:master['’]?s|doctoral|ph\.?\s?d\.?|d\.?\s?phil\.?|honou?rs|"
    r"bachelor['’]?s|msc|mphil|ma|md|undergraduate|postgraduate)\s+)?(?:thesis|dissertation)\b[^)\]]{0,120}[)\]]"
)
"""APA's description of a thesis after its title: ``Title (Master's thesis)``, ``Title
[Doctoral dissertation, University of Leeds]``: what the work is, not its title."""


NAME_THEN_DATE = re.compile(
    rf"^(?P<name>[^().,;:]{{2,80}}?)\.?\s*\(\s*(?P<year>(?:1[6-9]|20)\d\d)[a-z]?"
    rf"(?:,\s*(?:{MONTH}(?:\s+\d{{1,2}})?|\d{{1,2}}\.?\s+[^\W\d]{{3,12}}\.?|[^\W\d]{{3,12}}\.?))?"
    r"\s*\)\.?\s+(?P<rest>\S.*)$"
)
"""A name, then the date in parentheses (``(2017, June 27)``, ``(2021, 1. februar)``,
``(2021, août)``), then the rest: the title first."""


DRUG_LABEL = re.compile(
    r"\b(?i:package\s+insert|prescribing\s+information|summary\s+of\s+product\s+characteristics|"
    r"product\s+monograph)\b"
)
"""A medicine's label, as the regulator approved it: a report of its maker, whatever its form
(``Synthroid [package insert]``, ``Movymia Summary of Product Characteristics``)."""


STANDARD = re.compile(
    r"^(?P<code>(?:ISO|IEC|EN|BS|ANSI|ASTM|DIN|AS/NZS|IEEE|CSA|CLSI)(?:[ /-](?:IEC|ISO|TS|TR|EN))*"
    r"[ -]?[A-Z]?\d{2,6}(?:[-.]\d{1,4})*(?::\d{4})?)\s*[:.,—–-]?\s+(?=[A-Z])"
)
"""A standard's code before its title: ``ISO-15189: Medical laboratories — ...``, ``IEC 62304:2006
Medical device software``, ``BS EN ISO 14971:2019 Medical devices``."""

MEDIUM_NOTES = re.compile(
    r"(?i)\[(?:internet|online|homepage|home page|web ?page|web ?site|database on the internet|"
    r"database online|online database|"
    r"press release|news release|monograph on the internet|electronic resource|e-?book|pdf|"
    r"serial on the internet|vid[eé]o(?: file| podcast)?|(?:audio |video )?podcast(?: episode| aflevering| folge)?|"
    r"tv series(?: episode)?|television series(?: episode)?|film|webcast|balado|fact sheet|speech|infographic|brochure|data ?set|"
    r"(?:powerpoint )?slides|webinar|poster|policy brief|pamphlet|leaflet|blog post|tweet|lecture|"
    r"presentation|mobile app|computer software|package insert|prescribing information)\]|\((?:online|internet|pdf)\)|\[\s*\]|"
    r"\((?:call|accession|shelf)\s+(?:no|number)\.?:[^)]{1,120}\)"
)
"""Notes of the medium (``[Internet]``, ``[Speech]``) and shelf marks (``(Call no.: ...)``)."""


DAY_MONTH_YEAR = r"\(\s*\d{1,2}\s+[A-Z][a-z]+\.?\s+(?P<year>(?:1[6-9]|20)\d\d)\s*\)"
"""A news item's date after its outlet: ``(23 September 2010)``."""
