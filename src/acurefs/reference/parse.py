"""Reading one printed reference into fields: ``parse_reference(text) -> Reference``.

The parser works from both ends of the string. Identifiers (DOI, PMID, PMCID,
URL) are found and cut out first. The *source tail* - year, volume, issue and
pages (:mod:`.tails`) - is read from the end. The author list (:mod:`.names`) is
read from the start. What lies between is the title followed by the journal
(:mod:`.titles`), or a book's title and publisher.

It never raises on a string: what it cannot read stays in ``raw``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from ..identifiers import REPOSITORY_DOI, find_url
from ..models import Kind, Person, Reference
from ..text import UPPER, Keyed
from .bodies import is_news_outlet, looks_like_organisation, published_by
from .books import (
    BOOK_HINTS,
    BOOK_SIGNS,
    BOOK_START,
    BOOK_TAIL,
    CONTAINER,
    PUBLISHED_AT,
    TRAILING_EDITION,
    names_a_publisher,
)
from .cleaning import clean, coded_kind
from .dates import (
    closing_date_year,
    take_access_date,
    take_published_date,
    take_read_after_address,
)
from .grey import (
    BODY_BARE_YEAR,
    GreyParts,
    mark_online,
    read_grey,
)
from .house import (
    BODY_ABBREVIATION,
    DAY_MONTH_YEAR,
    DRUG_LABEL,
    PRESS_THEN_PLACE,
    PUBLISHER_PLACE_YEAR,
    REPORT_OF_YEAR,
    STANDARD,
    THESIS,
    agency_lead,
    body_year_in_parentheses,
    catalogue_order,
    facts_after_title,
    title_then_body,
)
from .kinds import LEGISLATION, by_address, kind_of, meeting, tab_page
from .laws import DESIGNATION, SHORT_TITLE, without_eu_designation
from .links import FINDERS, identifiers_in, take_markdown_link
from .lists import Listed, as_listed
from .names import (
    GIVEN_FIRST,
    GIVEN_FIRST_YEAR,
    GIVEN_NAMES,
    GROUP_AUTHOR,
    GROUP_YEAR,
    QUOTED_THEN_REST,
    after_names,
    given_first_people,
    read_authors,
    without_anonymous,
)
from .notes import EDITION, NO_DATE
from .segments import segments
from .tails import MONTH, YEAR, Tail, date_tail, find_tail, is_article_number, split_pages
from .titles import (
    clean_title,
    is_journal_name,
    site_name,
    split_title_journal,
    without_designation,
    without_series,
)

# Trailing matter that follows the source tail and is not part of any field.
_TRAILERS = re.compile(
    r"""(?ix)
    \s*(?:
        \[(?:pubmed|google\s+scholar|crossref|pmc\s+free\s+article|ref\s+list|cross\s*ref|medline|
            article\s+in\s+[a-z]+|epub\s+ahead\s+of\s+print|internet|abstract|review|english|[a-z ]{0,12}abstract)[^\]]*\]
      | \((?:in\s+press|epub\s+ahead\s+of\s+print|abstract|review)\)
      | epub(?:\s+ahead\s+of\s+print)?(?:\s+\d{4}(?:\s+\w+){0,2})?\.?
      | (?:review|english|abstract|erratum\s+in[^.]*)\.
      | (?:available\s+(?:at|from|online)\s*:?|accessed|retrieved|cited|viewed)\b[^.]*\.?
      | licen[cs]e\s*:?\s*CC[\s-]BY[\w\s.-]*\.?                # WHO's "Licence: CC BY-NC-SA 3.0 IGO."
      | \(?doi\s*:?\s*\)?
      | pmid\s*:?
      | \(\s*\)
      | [.,;:]
    )\s*$
    """
)
_LIST_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?!\d))\s*")
_REFERRAL = re.compile(
    r"^(?:See(?:\s+also)?|Source[sd]?|Cf\.?|Adapted\s+from|(?:Suggested\s+)?[Cc]itation|"
    r"Cite\s+(?:this\s+\w+\s+)?as|How\s+to\s+cite(?:\s+this\s+\w+)?)\s*:\s*(?=\S)"
)
"""A note's referral before its reference: ``See:``, ``Source:``, ``Adapted from:``, and a
record's ``Citation:``, ``Suggested citation:``, ``Cite as:``."""
_LEAD_IN = re.compile(
    r"[A-Z][^“\"()\n]{0,120}?,\s+(?:see(?:\s+also)?|cf\.)\s+(?=[A-Z“\"])|"
    r"(?:Calculated|Adapted|Derived|Quoted|Cited|Taken|Data)\s+(?:from|in)\s+(?=[A-Z“\"])"
)
"""A discursive note's words before the reference it gives: ``On the growth of the epidemic,
see K. M. Flegal et al., ...``, ``Calculated from U.S. Census, ...``."""
_CITED_PAGES = re.compile(r"\s*\(\s*pp?\.\s*\d+(?:\s*,\s*\d+)+\s*\)")
"""Pages cited here and there in a work (``(pp. 8, 54)``): no volume and pages of a journal."""
_SPACES = re.compile(r"\s+")
# "Accessed May 5, 2024.", "[cited 2020 Jan 3]", "Retrieved on 19 April 2007 from": when a web
# page was read, not when the work appeared.
_ACCESS_WORD = Keyed(
    r"(?i)\b(?:accessed|retrieved|cited|viewed|last\s+updated)\b",
    ("accessed", "retrieved", "cited", "viewed", "updated"),
)
_ACCESS_DATE = re.compile(
    rf"(?i)\[?\b(?:accessed|retrieved|cited|viewed|last\s+updated)\b(?:\s+on)?\s*:?\s*"
    rf"(?=\d|{MONTH})[^.\]]*(?:\d{{4}}|\d{{1,2}})\]?(?:\s+from\b)?\.?"
)
_ITALIC_JOURNAL = re.compile(r"[*_](?<![*\w][*_])(?![\s*_])[^*_]{2,80}(?<![\s*_])[*_](?![*\w])")
_JOURNAL_YEAR_TAIL = re.compile(
    rf"\.\s+[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*){{0,5}}\.?\s+{YEAR}[a-z]?\s*;"
)
_EDITED = re.compile(r"(?i)\((?:eds?|editors?)\.?\)\.?[,\s]")
"""APA's edited book: ``Torino, G. C., & Sue, D. W. (Eds.). (2019). Title``."""
_ORGANISATION_YEAR = re.compile(rf"^(?P<org>[^(),.;:]{{2,120}}?)\s*\(\s*{YEAR}[a-z]?\s*\)")
_ORGANISATION_TITLE = re.compile(r"^(?P<org>[^,:\"“(]{2,80}?)\s*(?:[,:]\s+[\"“]|:\s+(?=[A-Z]))")
"""An organisation, then its page's title: ``Skin Cancer Foundation, "Guide"``, ``NPR: Title``."""
_SITE_AND_DATE = re.compile(rf"\s(?:--|[–—|])\s[^-–—|]{{2,60}}?{DAY_MONTH_YEAR}\.?$")
"""A page's title, its site after a dash and the date: ``Title -- The Economist (23 September
2010)``."""
_DATE_IN_PARENTHESES = re.compile(r"\)\.?\s+\S")
"""A date that closes its parentheses and has words after it: APA's after the authors."""
_DASH_BODY = re.compile(r"\s(?:--|[-–—|])\s(?P<body>[A-Z][^-–—|.:;]{2,60}?)\.?$")
"""A title's last words after a dash: the body that published it (``Best Interest Meetings
Guidance – Social Care Institute for Excellence``)."""
_RETRIEVED_FROM = Keyed(r"(?i)\bretrieved\s+from\b", ("retrieved",))
_DOCUMENT_TITLE = re.compile(
    r"(?i)\b(?:report\s+(?:of|on|to|from)|guidelines?\s+(?:for|on)|guidance\s+(?:for|on)|"
    r"fact\s+sheet|white\s+paper|position\s+statement|consensus\s+statement|"
    r"codes?\s+of\s+(?:conduct|practice))\b"
)
_GREY_SIGNS = Keyed(
    r"(?i)\[(?:internet|online|press release)\]|\bavailable\s+(?:from|at|online)\b|"
    r"\b(?:publication|report|paper)\s+no\.?\s*\d|\bn\.\s?d\.|"
    r"\bretrieved\s+from\b|\b(?:published|updated|last\s+reviewed)\s+(?:on\s+)?\w+|"
    r"\bISBN\b|\b\d+(?:st|nd|rd|th)\s+(?:ed\b|edition)|\b(?:fact\s+sheet|press\s+release)\b|"
    rf"{DRUG_LABEL.pattern}",
    (
        *("internet", "online", "press release", "available", "publication", "report", "paper"),
        *("n.d", "n. d", "retrieved", "published", "updated", "reviewed", "isbn"),
        *("st ed", "nd ed", "rd ed", "th ed", "fact sheet"),
        *("package insert", "prescribing information", "product characteristics"),
        "product monograph",
    ),
)
_MAX_TRAILERS = 12
"""Trailers dropped at most: real references carry a few ("[PubMed]", "Epub...", "doi:")."""
_YEAR_PAREN = re.compile(
    rf"\.?\s*[(\[]\s*(?:\d\d?/(?:\d\d?/)?|{MONTH}\s+\d\d?,?\s+)?(?P<year>{YEAR})[a-z]?(?:\s*,\s*[^)\]]{{0,30}})?\s*[)\]]\s*[.,:]?\s*"
    rf"|\s*[,.]?\s*(?P<bare>{YEAR})[a-z]?(?:\s*[.:,]\s*|\s+(?=[{UPPER}\"“]))"
)
_BARE_OPENS = re.compile(r"[a-z]?\s+(?=\S)")
"""After a bare year, no stop or comma: the year opens the title when a tail gives the year."""
_QUOTED_THEN_YEAR = re.compile(
    rf"[“\"‘'](?P<title>[^“”\"‘’]{{3,300}}?)[,.]?[”\"’']\s*\((?P<year>{YEAR})\)(?:\s*pp?\.?\s*[\d–-]+)?"
)
_SITE_AS_AUTHOR = re.compile(r"\.?\s+\((?:n\.\s?d\.?|(?:1[6-9]|20)\d\d[a-z]?(?:,[^()]{1,30})?)\)")
"""APA's date right after a site's address that opens the entry: the site is its author."""
_ACT_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
"""The year in a law's designation, however it is joined (``39/1997``, ``05.01.1999``)."""
_ANY_YEAR = re.compile(rf"(?<![\d/.:-])({YEAR})[a-z]?(?![\d/-])")


def parse_reference(text: str, *, number: int | None = None) -> Reference:
    """Read a printed reference into fields.

    Never raises: anything the parser cannot place stays in :attr:`Reference.raw`
    (which is ``text`` unchanged).
    """
    if not isinstance(text, str):  # callers from untyped code
        raise TypeError(f"parse_reference() takes a str, not {type(text).__name__}")
    try:
        return _parse(text, number)
    except RecursionError:  # pragma: no cover - pathological input; keep the raw text
        return Reference(raw=text, number=number)


@dataclass(slots=True)
class _Fields:
    """What the parser has read so far; it becomes the :class:`Reference`."""

    authors: tuple[Person, ...] = ()
    authors_truncated: bool = False
    title: str | None = None
    journal: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    article_number: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    publisher: str | None = None
    container: str | None = None
    accessed: str | None = None
    kind: Kind | None = None

    def reference(self, raw: str, number: int | None) -> Reference:
        # Empty strings are fields not read: None, as in every other Reference.
        read: dict[str, Any] = {
            k: v if (v := getattr(self, k)) != "" else None for k in _FIELD_NAMES
        }
        read["title"], read["authors"] = without_anonymous(read["title"], self.authors)
        coded = coded_kind(raw)  # "Title [J]. Journal": what the list says the work is
        read["kind"] = Kind(coded) if coded else self.kind or self._kind(raw)
        if read["kind"] is Kind.BOOK and read["title"]:
            read["title"] = without_series(read["title"])
        elif read["kind"] in _DESIGNATED and read["title"]:
            read["title"] = without_designation(
                read["title"]
            )  # "Title (Green-top Guideline No. 60)"
        if read["kind"] in _UNPLACED and (presented := meeting(raw, read["container"])):
            read["kind"], read["container"] = Kind.CHAPTER, presented  # a conference's paper
        return Reference(raw=raw, number=number, **read)

    def _kind(self, raw: str) -> Kind:
        if self.journal and (self.volume or self.year or self.doi or is_journal_name(self.journal)):
            return Kind.JOURNAL_ARTICLE
        if (self.doi or self.pmid or self.pmcid) and self.title:
            return Kind.JOURNAL_ARTICLE  # PubMed and PMC hold journal articles
        said = raw.replace(self.url, " ") if self.url else raw  # "/pressreleases/" is no press
        if self.publisher or (BOOK_HINTS.search(said) and not self.journal):
            return Kind.BOOK
        if self.url and not self.journal:
            addressed = by_address(self.url)  # "[Title](https://amzn.to/...)": a book
            return addressed if addressed is not None else Kind.WEB_PAGE
        return Kind.UNKNOWN


_DESIGNATED = (Kind.GUIDELINE, Kind.REPORT, Kind.WEB_PAGE)
_UNPLACED = (Kind.UNKNOWN, Kind.BOOK, Kind.REPORT, Kind.WEB_PAGE)
"""Kinds an entry is given for want of a better: a paper presented at a meeting is none."""
_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(_Fields))


def _parse(raw: str, number: int | None) -> Reference:
    line, number = _strip_list_number(clean(raw), number)
    fields = _Fields()
    line = take_markdown_link(_without_lead_in(raw, line, fields), fields)
    line, read_on = take_read_after_address(line)
    line = _take_identifiers(line, fields)
    signs = bool(_GREY_SIGNS.search(line))
    online = bool(_RETRIEVED_FROM.search(line))
    line, fields.accessed = take_access_date(line)
    fields.accessed = fields.accessed or read_on
    line, published = take_published_date(line)
    if not line.strip(" .,;:()[]"):
        return fields.reference(raw, number)
    if not fields.title and not fields.url and (tab := tab_page(line)):
        fields.title, fields.container, fields.kind, by = tab
        fields.year = published
        if by:  # "Stroke Association - Stroke Statistics": the body, then its page
            fields.authors = (Person(family=by, collective=True),)
        return fields.reference(raw, number)
    if not fields.title and (listed := as_listed(line)):
        _take_listed(listed, fields, published)
        return fields.reference(raw, number)
    body = body_year_in_parentheses(catalogue_order(_drop_trailers(line)), looks_like_organisation)
    tail = find_tail(body)
    if _not_a_journal_article(body, tail, fields, signs=signs):
        if DESIGNATION.match(body) or STANDARD.match(body):
            tail = None  # "Presidential Decree No. 384 January 30, 1974: Title": no source tail
        elif tail is not None and (month := date_tail(body, tail)) is not None:
            published = published or int(tail.pages or 0)  # a news item's date
            if not _DATE_IN_PARENTHESES.match(body, tail.end):
                body = body[: month.start()].rstrip(" ,;([")
            tail = None  # "Abadie, R. (September 14, 2017). “Title.”": APA's date, month first
        _take_grey(body, tail, fields, published, online=online, printed=line)
        return fields.reference(raw, number)
    if italic := _ITALIC_JOURNAL.search(body):
        _take_italic_journal(body, italic, fields)
        return fields.reference(raw, number)
    if fields.title and fields.authors:  # a link and who came before it gave both
        middle, year = body[: tail.start if tail else len(body)].strip(" .,;:"), None
    else:
        middle, year = _take_authors(body, tail, fields)
    _take_title(middle, tail, fields)
    if tail is None and fields.title and (facts := facts_after_title(fields.title)):
        fields.title, fields.publisher = facts  # "Title (New York: Knopf, 2007)": a book
    if tail is None and fields.url and fields.title and not fields.publisher:
        site = site_name(middle, fields.title)
        if site:
            fields.publisher = site
            fields.kind = Kind.WEB_PAGE
    if tail:
        _take_tail(fields, tail)
    years = _ANY_YEAR.findall(body)  # the last year printed, when no tail gave one
    year = year or (str(published) if published else None) or (years[-1] if years else None)
    if year:
        fields.year = int(year)
    return fields.reference(raw, number)


def _without_lead_in(raw: str, line: str, fields: _Fields) -> str:
    """The entry without a bold title's markup, a referral, a lead-in (``..., see``) or the
    pages the writer cited."""
    if "**" in raw[:8] and (bold := _BOLD_FIRST.match(raw)):
        line = _title_after_authors(line, bold.group("title").strip().rstrip("."), fields)
    if ":" in line[:24]:
        line = _REFERRAL.sub("", line, count=1)
    if (", see " in line[:130] or ", cf. " in line[:130] or " from " in line[:20]) and (
        lead := _LEAD_IN.match(line)
    ):
        line = line[lead.end() :]
    return _CITED_PAGES.sub("", line) if "(p" in line else line


_BOLD_FIRST = re.compile(r"^\s*(?:\d{1,3}[.)]\s*)?\*\*\*?(?P<title>[^*\n]{3,200}?)\*\*")
_GIVEN_THEN_REST = re.compile(r"^,\s*(?P<names>[^(),][^()]{2,200}?)\s*(?P<rest>\(.*|$)")
"""A reading list's entry that opens on its title in bold: ``**Gordis Epidemiology.** Gordis,
L. (2014). Philadelphia: Elsevier``."""


def _title_after_authors(line: str, title: str, fields: _Fields) -> str:
    """``Title. Authors (Year). Rest`` as lists usually print it, ``Authors (Year). Title.
    Rest``, when what follows the bold title reads as authors; names given first after a comma
    (``***Poor Economics***, Abhijit Banerjee and Esther Duflo (...)``) are its authors and the
    title is read; else the line as it is."""
    if not line.lstrip("* ").startswith(title):
        return line
    rest = line.lstrip("* ")[len(title) :].lstrip(" .*")
    given = _GIVEN_THEN_REST.match(rest)
    if given and GIVEN_NAMES.match(given.group("names")):
        fields.authors, fields.title = given_first_people(given.group("names")), title
        return given.group("rest")
    block = read_authors(rest)
    if not block.authors or block.end < 3:
        return line
    year = _YEAR_PAREN.match(rest, block.end)
    cut = year.end() if year and year.group("year") else block.end
    return f"{rest[:cut].strip(' .,')}. {title}. {rest[cut:].strip(' .,')}"


def _strip_list_number(line: str, number: int | None) -> tuple[str, int | None]:
    """The entry without a leading list number (``[3]``, ``(3)``, ``3.``), and that number."""
    stripped = _LIST_NUMBER.sub("", line, count=1)
    if stripped != line and number is None:
        digits = re.match(r"\D*(\d+)", line)
        number = int(digits.group(1)) if digits else None
    return stripped, number


def _not_a_journal_article(body: str, tail: Tail | None, fields: _Fields, *, signs: bool) -> bool:
    """A page, report, guideline, book or chapter: no article identifier, no volume and pages
    at the end, and a sign of what it is instead (an address, an access date, ``[Internet]``,
    an organisation as author, a place and publisher, an edition)."""
    if (fields.doi and not REPOSITORY_DOI.match(fields.doi)) or fields.pmid or fields.pmcid:
        return False
    if DESIGNATION.match(body) or STANDARD.match(body):
        return True  # "Republic Act No. 4073: An Act ...", "ISO-15189: ...": whatever its numbers
    if QUOTED_THEN_REST.match(body):
        return True  # "'Title', Elspeth McLean, Otago Daily Times, 16 February 2020"
    if REPORT_OF_YEAR.search(body) or THESIS.search(body):
        return True  # "Title. Rapport 2022:7. Body (ABBR).", "Title (Master's thesis)."
    if _ITALIC_JOURNAL.search(body):
        # "Org. *Title*. 2nd ed. Place: Publisher": a book; "In I.E. Olkin (Ed.), _Book_": a chapter
        return bool(EDITION.search(body) or _EDITED.search(body[:400]))
    if BOOK_SIGNS.search(body) or BOOK_START.match(body) or PRESS_THEN_PLACE.search(body):
        return True  # "In: Editors, eds. Book" / "Place: Publisher; 2007:106" / "Macmillan (London, 1937)"
    if PUBLISHER_PLACE_YEAR.search(body):
        return True  # MDPI's "Title; Springer: Berlin, Germany, 2019"
    if date_tail(body, tail) is not None:
        return True  # "The Guardian, September 18, 2021": a date, not a volume and pages
    if (tail is not None and tail.style != "year") or _JOURNAL_YEAR_TAIL.search(body):
        return False
    if (given := GIVEN_FIRST.match(body)) and not looks_like_organisation(given.group("names")):
        return True  # Chicago's notes: "Shaun Dreisbach, “Title,” Glamour"
    if _EDITED.search(body[:400]) or EDITION.search(body):
        return True  # "(Eds.). (2019). Title" / "The study skills handbook. 5th edn. London"
    if signs or fields.url or fields.accessed or fields.title or _GREY_SIGNS.search(body):
        return True
    if NO_DATE.search(body):  # "(n.d.)", "(s. f.)", "(o.J.)": no journal article goes undated
        return True
    if agency_lead(body, looks_like_organisation) is not None:
        return True  # "Ireland. Department of Health. (2019) Title": a body under its country
    if LEGISLATION.search(body) or any(LEGISLATION.search(s) for s in segments(body[:300])[:3]):
        return True  # "Ley 100 de 1993: Por la cual...", "Decreto No 596 de 2011. [Body]."
    lead = (
        _ORGANISATION_YEAR.match(body)
        or BODY_BARE_YEAR.match(body)
        or _ORGANISATION_TITLE.match(body)
    )
    if lead and looks_like_organisation(lead.group("org")):
        return True  # "The King's Fund (2014) A new...", "Skin Cancer Foundation, "Guide"", "NPR: Title"
    if _SITE_AND_DATE.search(body) or title_then_body(body, looks_like_organisation):
        return True  # "How obesity ... -- BBCNews (03 February 2011)", "Title, Body (ABBR)"
    dash = _DASH_BODY.search(body) if tail is None else None
    if dash and (looks_like_organisation(dash["body"]) or is_news_outlet(dash["body"])):
        return True  # "Title – Social Care Institute for Excellence", "Headline - The Guardian"
    # Only the first and the last segment matter here: read them from the ends of the string.
    first = next(iter(segments(body[:400])), "")  # none in a string of stops alone
    last = next(reversed(segments(body[-300:])), "") if body else ""
    if _DOCUMENT_TITLE.search(first):
        return True  # "Fifth Report of the Joint National Committee ...": a report, no journal
    if first != body.strip(" .") and published_by(last):
        return True  # "... The King's Fund; 2021", "... London, Innys and Manhy, 1933"
    if tail is None and last != first and (is_news_outlet(last) or BODY_ABBREVIATION.match(last)):
        return True  # "Dancel, R. (2019). Title. The Straits Times", "Title. Body (ABBR)"
    if tail is None and _ends_on_a_name(body):
        return True  # "Brooker, C. (2010). Medical dictionary. Elsevier.": no volume, no pages
    return looks_like_organisation(first) and len(first) < len(body)


def _ends_on_a_name(body: str) -> bool:
    """An APA entry whose title is followed by a short name and nothing else: who published
    it (or, where it is one, the journal, printed without volume or pages)."""
    block = read_authors(body)
    year = _YEAR_PAREN.match(body, block.end) if block.authors else None
    if year is None or year.group("year") is None:
        return False  # not plainly people, then the year in parentheses: a journal reading
    rest = segments(body[year.end() :])
    return len(rest) >= 2 and len(rest[-1].split()) <= 8 and not re.search(r"\d", rest[-1])


def _take_grey(
    body: str,
    tail: Tail | None,
    fields: _Fields,
    published: int | None,
    *,
    printed: str,
    online: bool,
) -> None:
    """Read an entry that cites no journal article (see :mod:`.grey`) into ``fields``;
    ``printed`` is the entry before its trailers went (a closing ``[Internet]`` marks the title)."""
    parts = GreyParts(title=fields.title, container=fields.container, online=online)
    mark_online(printed, parts)
    parts.year = published or fields.year  # a link's own date: "Name, May 3, 2020. [Title](url)"
    if tail is not None and REPORT_OF_YEAR.search(body, max(0, tail.start - 16)):
        tail = None  # "Rapport 2022:7": a report's number, not a volume and pages
    if tail is not None and tail.style != "year":
        _take_tail(fields, tail)  # a chapter's pages: "...; 1995; 1:619-635"
        if tail.year:
            parts.year = int(tail.year)
        elif fields.volume and re.fullmatch(YEAR, fields.volume):
            parts.year, fields.volume = int(fields.volume), None  # "London: Tindall; 1994:521-630"
        body = body[: tail.start]
    elif tail is not None and tail.year:
        parts.year = int(tail.year)
        body = body[: body.rfind(tail.year)] if tail.year in body else body
    body, eu_year = without_eu_designation(body)  # "(Regulation (EU) 2016/679)": a law's
    parts.year, parts.law = parts.year or eu_year, eu_year is not None
    thesis = THESIS.search(body)
    read_grey(THESIS.sub("", body) if thesis else body, parts)
    if parts.title and (oscola := _QUOTED_THEN_YEAR.fullmatch(parts.title)):
        # OSCOLA: 'Body, “Title” (2020) p.37 <url> accessed ...': the year and page after it
        parts.title, parts.year = oscola.group("title"), parts.year or int(oscola.group("year"))
    _later_years(body, parts)
    if not fields.authors:  # a link, or who came before it, may have named them
        fields.authors, fields.authors_truncated = parts.authors, parts.truncated
    dash = _DASH_BODY.search(parts.title) if parts.title and not parts.container else None
    if dash and parts.title and is_news_outlet(dash["body"]):  # "Ban cuts cases - The Guardian"
        parts.title, parts.container = parts.title[: dash.start()], dash["body"]
    if parts.title and not parts.publisher and (facts := facts_after_title(parts.title)):
        parts.title, parts.publisher = facts  # "Title, Body, London (July 2008)"
    fields.title, fields.publisher, fields.year = parts.title, parts.publisher, parts.year
    if (
        parts.container
        and is_journal_name(parts.container)
        and not fields.url
        and not fields.accessed
    ):
        fields.journal, fields.kind = parts.container, Kind.JOURNAL_ARTICLE
        return
    fields.container = parts.container
    address = fields.url or (f"https://doi.org/{fields.doi}" if fields.doi else None)
    fields.kind = kind_of(parts, accessed=fields.accessed is not None, url=address)
    if thesis and fields.kind in (Kind.UNKNOWN, Kind.BOOK, Kind.WEB_PAGE):
        fields.kind = Kind.REPORT  # a thesis: no kind of its own here, a report's nearest


def _later_years(body: str, parts: GreyParts) -> None:
    """A law's day, else a year printed anywhere, else the year a law's name gives."""
    if LEGISLATION.search(parts.title or "") and (closing := closing_date_year(body)):
        parts.year = closing  # a law's day: "Decreto No 596 de 2011. ... 19 de diciembre de 2011."
    if parts.year is None and not NO_DATE.search(body):
        parts.year = _grey_year(body, parts.title)
    if (
        parts.year is None
        and parts.title
        and LEGISLATION.search(parts.title)
        and not SHORT_TITLE.match(parts.title)
    ):
        # "Real Decreto 39/1997, de 17 de xaneiro"; not "... Act 2016", a year ending a name
        act = _ACT_YEAR.search(parts.title[:80])
        if act is not None and act.end() < len(parts.title.rstrip(" .")):
            parts.year = int(act.group(1))


def _take_listed(listed: Listed, fields: _Fields, published: int | None) -> None:
    """A reading list's book, a news item, a body's titled work (:mod:`.lists`) into ``fields``."""
    fields.title, fields.year = listed.title, listed.year or published
    if listed.named:
        parts = GreyParts(title=listed.title, authors=listed.people, year=fields.year)
        fields.authors, fields.kind = listed.people, kind_of(parts, accessed=False, url=fields.url)
        return
    if listed.people and not (listed.where and is_news_outlet(listed.where)):
        fields.authors, fields.publisher, fields.kind = listed.people, listed.where, Kind.BOOK
        return
    fields.authors, fields.container, fields.kind = listed.people, listed.where, Kind.NEWS


def _take_italic_journal(body: str, italic: re.Match[str], fields: _Fields) -> None:
    """``Jensen MD et al. Title. *Circulation* 2014``: Markdown italics mark the journal."""
    block = read_authors(body)
    fields.authors, fields.authors_truncated = block.authors, block.truncated
    start, year = block.end, None
    dated = _YEAR_PAREN.match(body, start) if block.authors else None
    if (
        dated
        and dated.group("bare")
        and body[dated.end("bare") : dated.end("bare") + 1] not in ".:,"
    ):
        dated = None  # "2013 AHA/ACC/TOS guideline ...": a year that opens the title
    if dated and dated.end() <= italic.start():
        year, start = dated.group("year") or dated.group("bare"), dated.end()
    middle = body[start : italic.start()].strip(" .,;:")
    middle, truncated = after_names(middle)
    fields.authors_truncated = fields.authors_truncated or truncated
    after = body[italic.end() :]
    years = _ANY_YEAR.findall(after) or _ANY_YEAR.findall(body)
    fields.year = int(year or years[0]) if year or years else None
    if not middle:  # "Starfield B. (1992) _Primary Care_. New York: OUP": the italics are the title
        fields.title = clean_title(italic.group(0).strip("*_ "))
        if published := PUBLISHED_AT.match(after.strip(" .,;")):
            fields.publisher = published.group("publisher").strip()
        fields.kind = Kind.BOOK
        return
    venue, fields.title = italic.group(0).strip("*_ "), clean_title(middle)
    tail = find_tail(after)
    if tail is None and is_news_outlet(venue):
        fields.container, fields.kind = (
            venue,
            Kind.NEWS,
        )  # "Z Miller, "Title", _Boston Globe_, 2021"
        return
    fields.journal = venue
    if tail:
        _take_tail(fields, tail)
    fields.kind = Kind.JOURNAL_ARTICLE


def _grey_year(body: str, title: str | None) -> int | None:
    """A year printed outside the title (a year inside it is part of its name)."""
    rest = body.replace(title, " ") if title else body
    years = _ANY_YEAR.findall(rest)
    return int(years[-1]) if years else None


def _take_identifiers(line: str, fields: _Fields) -> str:
    """Cut out every DOI, PMID, PMCID and URL (keeping the first of each)."""
    found = False
    pos = 0
    while (url := find_url(line[pos:])) is not None:
        start, end = pos + url.start, pos + url.end
        if "doi.org/" in url.value.lower() or (start == 0 and _SITE_AS_AUTHOR.match(line, end)):
            pos = end  # the DOI finder reads it below; "www.nhs.uk. (2020). Title": the author
            continue
        # An address is kept whole; a DOI or PMCID inside it (".../content/10.1101/...") is
        # read from it too.
        fields.url = fields.url or url.value
        identifiers_in(url.value, fields)
        line = (line[:start] + " " + line[end:]).strip()
        pos = start
        found = True
    for name, finder in FINDERS:
        while (hit := finder(line)) is not None:
            if getattr(fields, name) is None:
                setattr(fields, name, hit.value)
            line = (line[: hit.start] + " " + line[hit.end :]).strip()
            found = True
    return _SPACES.sub(" ", line.replace("<>", " ").replace("< >", " ")) if found else line


def _drop_trailers(line: str) -> str:
    """The reference without access dates and trailers (``[PubMed]``, ``Epub 2019 Jul 23.``)."""
    body = _ACCESS_DATE.sub(" ", line) if _ACCESS_WORD.search(line) else line
    for _ in range(_MAX_TRAILERS):
        body = body.rstrip(" .,;:")
        if not body or body[-1].isdigit():
            return body  # the common case: the string ends with its pages
        trailer = _TRAILERS.search(body, max(0, len(body) - 160))
        if trailer is None or trailer.start() == trailer.end():
            return body
        body = body[: trailer.start()]
    return body


def _take_authors(body: str, tail: Tail | None, fields: _Fields) -> tuple[str, str | None]:
    """Read the authors (and a year printed after them); the middle of the reference and the year."""
    head_end = tail.start if tail else len(body)
    chicago = GIVEN_FIRST.match(body)
    if chicago and body[chicago.end()] in '“"' and not looks_like_organisation(chicago.group(1)):
        # Chicago's notes: "Scott L. Greer, ..., and Josep Figueras, “Title”, Journal 7, no. 8"
        fields.authors = given_first_people(chicago.group("names"))
        return body[chicago.end() : head_end].strip(" .,;:"), tail.year if tail else None
    dated = GIVEN_FIRST_YEAR.match(body)
    if dated and not looks_like_organisation(dated.group("names")):
        fields.authors = given_first_people(dated.group("names"))
        return body[dated.end() : head_end].strip(" .,;:"), tail.year if tail else dated.group(
            "year"
        )
    block = read_authors(body)
    pos = block.end
    if block.authors:
        fields.authors = block.authors
        fields.authors_truncated = block.truncated
    year = tail.year if tail else None
    year_match = _YEAR_PAREN.match(body, pos) if pos < head_end else None
    if (
        year_match
        and year_match.group("bare")
        and year
        and _BARE_OPENS.match(body, year_match.end("bare"))
    ):
        year_match = None  # "Whelton PK. 2017 ACC/AHA guideline ... 2018;71": opens the title
    if year_match and (block.authors or year_match.group("year")):
        year = year or year_match.group("year") or year_match.group("bare")
        pos = year_match.end()
    middle = body[pos:head_end].strip(" .,;:") if pos < head_end else ""
    if block.authors:
        middle, truncated = after_names(middle)
        fields.authors_truncated = fields.authors_truncated or truncated
    if not block.authors and fields.title is None:
        group = GROUP_AUTHOR.match(middle)
        if group:
            fields.authors = (Person(family=group.group("name"), collective=True),)
            dated = GROUP_YEAR.match(middle, group.end())
            year = year or group.group("year") or (dated.group("year") if dated else None)
            middle = middle[dated.end() if dated else group.end() :]
    return middle, year


def _take_title(middle: str, tail: Tail | None, fields: _Fields) -> None:
    """The title, and the journal or a book's publisher, from the middle of the reference."""
    if fields.title is not None:  # a Markdown link gave the title: the rest is the journal
        if tail and middle:
            fields.journal = middle
        return
    book = BOOK_TAIL.search(middle) if tail is None or tail.style == "year" else None
    container = CONTAINER.search(middle)
    if container and "In:" not in container.group(0) and tail is not None and tail.style != "year":
        container = None  # "... methylation. In Silico Biol 1999;1:175" is a journal, not a book
    if book:
        fields.publisher = book.group("publisher").strip()
        fields.title = clean_title(TRAILING_EDITION.sub("", middle[: book.start()]))
        fields.kind = Kind.BOOK
    elif container:
        fields.title = clean_title(middle[: container.start()])
        fields.kind = Kind.BOOK
    else:
        fields.title, fields.journal = split_title_journal(middle, tail is not None)
        if tail and tail.style == "year" and fields.journal and names_a_publisher(fields.journal):
            # R's citation(): "H. Wickham. ggplot2: .... Springer-Verlag New York, 2016."
            fields.publisher, fields.journal, fields.kind = fields.journal, None, Kind.BOOK


def _take_tail(fields: _Fields, tail: Tail) -> None:
    if tail.volume:
        fields.volume = tail.volume
    if tail.issue:
        fields.issue = tail.issue
    if tail.pages:
        first, last = split_pages(tail.pages)
        if last is None and is_article_number(first):
            fields.article_number = first
        else:
            fields.first_page = first
            fields.pages = f"{first}-{last}" if last else first
            if last:
                fields.last_page = last
