"""What kind of work an entry without a journal tail cites: web page, report, guideline, book,
chapter or news, from the words the entry prints (:func:`kind_of`)."""

from __future__ import annotations

import re

from ..identifiers import DEPOSITS
from ..models import Kind
from .bodies import ORG_WORDS, is_news_outlet, looks_like_organisation, names_news
from .books import BOOK_PUBLISHERS
from .grey import GUIDANCE_NUMBER, GreyParts
from .house import BODY_ABBREVIATION, DRUG_LABEL, SITE_ADDRESS
from .laws import INSTRUMENTS_ABROAD
from .titles import tab_title

_GUIDELINE = re.compile(
    r"(?i)\bguidelines?\b|\bguidance\b|\brecommendations?\b|\bposition\s+(?:statement|paper|stand)\b|"
    r"\bconsensus\s+statement\b|\bpractice\s+parameter|\bstandards?\s+of\s+(?:medical\s+)?care\b|"
    r"\bclinical\s+considerations\b|\bjoint\s+national\s+committee\b|\bcodes?\s+of\s+(?:conduct|practice)\b|\b(?:NG|CG|PH|QS)\s?\d{1,3}\b|"
    r"^(?:gu[ií]as?|protocolos?|lineamientos?|directrices|diretrizes|lignes\s+directrices|"
    r"leitlinien?)\b"
)
"""Guideline words; in Spanish, Portuguese, French and German a title that opens on one
(``Guía para la vigilancia...``, ``Protocolo de vigilancia...``, ``Lineamiento táctico...``),
and Spanish's protocols for surveillance or care, technical guidance and instructions
anywhere (:data:`_GUIDELINE_ABROAD`)."""
_GUIDELINE_ABROAD = re.compile(
    r"(?i)\bprotocolos?\s+(?:de\s+|para\s+)?(?:vigilancia|preparaci[oó]n|manejo|atenci[oó]n|"
    r"diagn[oó]stico|tratamiento)\b|\borientaci[oó]n(?:es)?\s+t[eé]cnicas?\b|\bnorma\s+t[eé]cnica\b|"
    r"\binstru(?:ye|ctivo|cciones)\b"
)
"""``Actualización protocolo vigilancia ...``, ``Orientación técnica para ...``, ``Instruye
indicaciones sobre ...``: guidance, unless a law approves it (a law stays a report)."""
_REPORT = re.compile(
    r"(?i)\breports?\b|\brapport\s+(?:19|20)\d\d:\d|\bdata\s+brief\b|\bbriefing\b|\bwhite\s+paper\b|\bworking\s+paper\b|"
    r"\btechnical\s+(?:report|paper|document|series)\b|\bstatistics\b|\bstatistical\b|\bsurvey\b|"
    r"\bsurveillance\b|\bstrategy\b|\b(?:action|long\s+term)\s+plan\b|\bframework\b|"
    r"\bresults\s+from\b|\bpatterns\s+and\s+trends\b|\btrends\b|\bestimates\b|\bfact\s?book\b|"
    r"\bmonograph\b|\bmanual\b|\bevidence\s+(?:review|summary|report)\b|\binquiry\b|"
    r"\bconsultation\b|\bprofile\b|\bpolicy\b|\bresponse\b|\bindustry\b|\bcensus\b|"
    r"\bprevalence\b|\bsession\b|\bcall\s+to\s+action\b|\bdata\s+brief\b|\bpaper\s+\d|"
    r"\w*rapport(?:en|er|erna)?\b|\binformes?\b|\bbolet[ií]n\b|\balerta\s+epidemiol[oó]gica\b|"
    r"\brelat[oó]rios?\b|\w*bericht\b"
)
"""Report words, and in Swedish, Dutch, French, Spanish, Portuguese and German
(``Årsrapport``, ``Folkhälsorapport``, ``Informe``, ``Alerta Epidemiológica``, ``Jahresbericht``)."""
LEGISLATION = re.compile(
    rf"(?i)^(?:the\s+)?(?:loi|decreto\s+ley|{INSTRUMENTS_ABROAD})(?:\s+[^\W\d]+)?"
    r"(?:\s+n(?:o|º|°|ro)s?\.?)?\s*\d|"
    r"^(?:real\s+decreto|instruc(?:i[oó]n|ción|ção))\s+[\w-]*\d|"  # "Real Decreto 39/1997", "Instrución IS-47"
    r"^(?:ustawa|rozporz[aą]dzenie(?:\s+[^\W\d]+){0,3})\s+z\s+(?:dnia|dn\.)\s+\d|"  # Poland's
    r"\bnoteikumi\s+nr\.?\s*\d|"  # Latvia's Cabinet regulations: "MK ... noteikumi Nr.7"
    r"^(?:закон|наредба|указ|постановление|приказ|распоряжение)\b|"  # in Cyrillic
    r"^(?:the\s+)?(?:constituci[oó]n|constitui[cç][aã]o)\b|^(?:the\s+)?constitution\s+of\b|"
    r"^[^.]{2,140}\b(?:act|bill|regulations)(?:\s+of)?,?\s+\(?(?:1[89]|20)\d\d\)?$|"
    r"\b(?:regulation|directive|decision)\s+\((?:eu|ec|eec|euratom)\)\s+(?:no\s+)?\d{4}/\d|"
    r"\b(?:directive|decision)\s+\d{4}/\d+/(?:eu|ec|eec)\b"
)
"""A law, decree, resolution, bill or constitution by the name it opens on: ``Ley 100 de 1993``,
``Decreto No. 3518 de 2006``, ``Lei nº 8.080``, ``Mental Health Act 1983``, ``Constitución
Política de Colombia``, ``Real Decreto 39/1997``, ``Ustawa z dnia 5 grudnia 2008 r.``, ``MK
05.01.1999. noteikumi Nr.7``, ``Закон за здравето``. Lists file them as reports."""
_GUIDELINE_ADDRESS = re.compile(r"(?i)/guid(?:ance|elines?)/")
_ARTICLE_ADDRESS = re.compile(
    r"(?i)^https?://(?:[\w-]+\.)*(?:thelancet\.com/(?:journals|pb-assets)/|jamanetwork\.com/journals/|"
    r"nejm\.org/doi/|bmj\.com/content/\d|academic\.oup\.com/[\w-]+/article|"
    r"sciencedirect\.com/science/article/|link\.springer\.com/article/|onlinelibrary\.wiley\.com/doi/|"
    r"journals\.plos\.org/\w+/article|tandfonline\.com/doi/|journals\.sagepub\.com/doi/|"
    r"ahajournals\.org/doi/|frontiersin\.org/articles?/|mdpi\.com/\d{4}-\d{3}[\dX]/|"
    r"biomedcentral\.com/articles/|cdc\.gov/eid/article/|cochranelibrary\.com/cdsr/doi/|"
    r"nature\.com/articles/s\d)"
)
"""The address of an article's page at a journal's publisher (``www.thelancet.com/journals/lancet/
article/...``, ``jamanetwork.com/journals/jama/fullarticle/...``, CDC's *Emerging Infectious
Diseases* at ``wwwnc.cdc.gov/eid/article/...``): an entry that gives only a title and this
address cites a journal article."""
_BOOK_TITLE = re.compile(
    r"(?i)\b(?:book|handbook|textbook|encyclopa?edia|dictionary|companion|principles\s+and\s+practice)\b"
)
_FACT_SHEET = re.compile(r"(?i)\bfact\s?sheets?\b")
_BOOK_ADDRESS = re.compile(
    r"(?i)^https?://(?:[\w-]+\.)*(?:amazon\.[a-z.]+/|amzn\.to/|books\.google\.[a-z.]+/|"
    r"worldcat\.org/|goodreads\.com/book|openlibrary\.org/(?:works|books)/|[\w-]+\.bibliocommons\.com/|"
    r"[\w.-]*spydus\.[a-z.]+/|[\w.-]*exlibrisgroup\.com/|[^\s?#]*/(?:opac|OPAC|primo-explore)/)"
)
"""A bookshop's or a library catalogue's page (``amzn.to/...``, ``books.google.com/books?id=``,
``worldcat.org/...``, a public library's catalogue, ``.../spydus.exe/ENQ/OPAC/...``): what a list
links a book to."""


_GUIDELINE_SERIES = re.compile(
    r"(?i)\bguidelines?\s*[(\[]?\s*(?:NG|CG|PH|QS|SG)\s?\d{1,3}\b|"
    rf"\b{GUIDANCE_NUMBER}\b|"
    r"\bSIGN\s+(?:publication\s+)?(?:no\.?|number)\s*\d{1,3}\b|"
    r"\btechnology\s+appraisal\s+(?:guidance\s+)?(?:no\.?\s*|TA)?\d{1,3}\b"
)
"""A guideline series and its number where the container names it: ``NICE guidelines
(NG28)``, ``NICE guideline [CG90]``, ``Clinical Guidance 127``."""


def _guidance(said: str, url: str | None) -> bool:
    """Guideline words in the title or notes, in English or abroad, or a guidance address."""
    if _GUIDELINE.search(said) or _GUIDELINE_ABROAD.search(said):
        return True
    return bool(url and _GUIDELINE_ADDRESS.search(url))


def by_address(url: str, said: str = "") -> Kind | None:
    """The kind an address tells: a bookshop's or catalogue's page (a book), a journal's
    article page (an article, unless report words in ``said`` say otherwise), or None."""
    if _BOOK_ADDRESS.match(url):
        return Kind.BOOK
    if _ARTICLE_ADDRESS.match(url) and not _REPORT.search(said):
        return Kind.JOURNAL_ARTICLE
    if _NEWS_ADDRESS.match(url):
        return Kind.NEWS
    if _DEPOSIT_ADDRESS.match(url):
        return Kind.REPORT
    return None


_DEPOSIT_ADDRESS = re.compile(rf"(?i)^https?://(?:dx\.)?doi\.org/10\.(?:{DEPOSITS})/")
"""A DOI of Zenodo, figshare or OSF: a deposited protocol, plan or report (a work on a
journal's DOI is read as an article before its kind is asked)."""


_NEWS_ADDRESS = re.compile(
    r"(?i)^https?://(?:[\w-]+\.)*(?:(?:nbc|cbs|abc|fox|sky|ap|c?bc|ctv|global)news|channelnewsasia|nytimes|washingtonpost|"
    r"theguardian|cnn|reuters|npr|latimes|usatoday|theatlantic|statnews|telegraph|independent|"
    r"economist|bloomberg|politico|axios|huffpost|wsj|newsweek|theglobeandmail|thestar|smh|"
    r"irishtimes|theconversation)\.(?:com|org|co\.uk|ca|com\.au|ie)/|"
    r"^https?://(?:www\.)?(?:bbc\.(?:co\.uk|com)/news|time\.com/\d|cbc\.ca/news|abc\.net\.au/news|"
    r"rnz\.co\.nz/news|rte\.ie/news|sbs\.com\.au/news|stuff\.co\.nz/|nzherald\.co\.nz/|"
    r"straitstimes\.com/|scmp\.com/news|thehindu\.com/news|aljazeera\.com/news|dw\.com/en/)"
)
"""A news outlet's address (``www.nbcnews.com/...``, ``www.bbc.co.uk/news/...``): its news."""


_REPORT_ADDRESS = re.compile(
    r"(?i)^(?:https?://)?[\w.-]+\.gov(?:\.[a-z]{2})?/(?:[\w-]+/)?reports?/"
)
"""A government body's reports, by their address (``www.aihw.gov.au/reports/...``)."""
_BLOG_ADDRESS = re.compile(
    r"(?i)^https?://(?:[^/\s]*\bblog(?:s|spot)?\.[^/\s]*|[^/\s]+(?:/[^/\s]+)*?/blogs?/)"
)


def _a_page(said: str, parts: GreyParts, url: str | None) -> bool:
    """A fact sheet, a page a site is the author of (``www.nhs.uk. (2020). Title``), or a post
    on a blog (``https://delphi.cmu.edu/blog/2021/...``): a page, whatever report words its
    title holds."""
    by_site = any(SITE_ADDRESS.fullmatch(p.family) for p in parts.authors)
    return bool(_FACT_SHEET.search(said)) or by_site or bool(url and _BLOG_ADDRESS.match(url))


_PRESENTED = re.compile(
    r"(?i)\bpresented\s+at\s+(?:the\s+)?(?P<meeting>[^.,;]{4,160}?)"
    r"(?:,\s*[A-Z][^,.;]{1,40}){0,2}\.?\s*$"
)
"""A paper or poster ``presented at the annual meeting of X, Denver, CO.``: the meeting, not
the place."""
_MEETING = re.compile(
    r"(?i)\b(?:conference|symposium|annual\s+meeting|scientific\s+meeting|workshop)\b"
)


def meeting(raw: str, container: str | None) -> str | None:
    """The meeting a paper or poster was presented at (a chapter's container), or None:
    ``Poster presented at the annual meeting of X``, or a container naming a conference."""
    if "resented at" in raw and (presented := _PRESENTED.search(raw)):
        return presented["meeting"]
    if container and _MEETING.search(container) and not _REPORT.search(container):
        return container  # "“Title.” BSA Medical Sociology Group Annual Conference. York, UK."
    return None


def kind_of(parts: GreyParts, *, accessed: bool, url: str | None) -> Kind:
    """The kind of work an entry without a journal tail cites, from the words it prints.

    In order: a chapter's ``In:``; a newspaper or news site; a law's name; guideline words; a fact sheet (a
    page); an edition, an ISBN, a book's title or a book publisher; report words; NLM's
    ``[Internet]``; a place and publisher (an organisation's report, else a book); an address
    or an access date (a web page); an organisation alone (a report).
    """
    if parts.chapter:
        return Kind.CHAPTER
    if parts.standard:
        return Kind.REPORT  # a standard: its body's publication, numbered
    where = " ".join(filter(None, (parts.container, parts.publisher)))
    press = parts.printed and BOOK_PUBLISHERS.search(where)  # "Singapore: Straits Times Press"
    if where and names_news(where) and not press:
        return Kind.NEWS
    title = parts.title or ""
    said = " ".join([title, *parts.notes])
    organisation = any(p.collective for p in parts.authors)
    if parts.law:  # "Administrative Order No. 5, s. 2000: Guidelines on ..." issues a guideline
        return Kind.GUIDELINE if _GUIDELINE.search(title) else Kind.REPORT
    if LEGISLATION.search(title):
        return Kind.REPORT
    if _guidance(said, url) or _GUIDELINE_SERIES.search(parts.container or ""):
        return Kind.GUIDELINE
    if url and _NEWS_ADDRESS.match(url):  # "Radio New Zealand. Title. ... rnz.co.nz/news/..."
        return Kind.NEWS
    if url and _REPORT_ADDRESS.search(url):  # "aihw.gov.au/reports/cancer/cancer-in-australia"
        return Kind.REPORT
    if _a_page(said, parts, url):
        return Kind.WEB_PAGE  # fact sheets are pages of a site, printed or not; so is a site's own
    if parts.book_like or _BOOK_TITLE.search(title):
        return Kind.BOOK
    if parts.isbn:
        # An ISBN from a public body ("UNICEF. ... New York: UNICEF, 2014. ISBN ...") numbers a report
        by_body = organisation or (ORG_WORDS.search(where) and not BOOK_PUBLISHERS.search(where))
        return Kind.REPORT if by_body else Kind.BOOK
    if url and (addressed := by_address(url, said)) is not None:
        return addressed
    if _REPORT.search(said) or (url and url.lower().endswith(".pdf")):
        return Kind.REPORT
    if parts.online:
        return Kind.WEB_PAGE
    if DRUG_LABEL.search(said) and not url:
        return Kind.REPORT  # a medicine's label as its maker printed it; online, a page
    publisher_is_organisation = looks_like_organisation(parts.publisher or "")
    if parts.printed and BOOK_PUBLISHERS.search(where) and not organisation:
        return Kind.BOOK
    if parts.printed or (parts.publisher and not url):
        return Kind.REPORT if organisation or publisher_is_organisation else Kind.BOOK
    if url or accessed:
        return Kind.WEB_PAGE
    return _by_who_issued(parts, organisation)


def _by_who_issued(parts: GreyParts, organisation: bool) -> Kind:
    """An entry with no address, no access date and no words of its kind: who issued it."""
    if parts.container and parts.year and not organisation:
        if (
            not parts.authors
            and looks_like_organisation(parts.container)
            and not BOOK_PUBLISHERS.search(parts.container)
        ):
            return Kind.REPORT  # "Title. Public Health England (PHE); 2020.": a body's report
        return Kind.BOOK  # "Brooker, C. (2010). Medical dictionary. Elsevier.": its publisher
    body = parts.container or ""
    if (
        body
        and not parts.authors
        and (looks_like_organisation(body) or BODY_ABBREVIATION.search(body))
    ):
        return Kind.REPORT  # "Title, Statistiska centralbyrån (SCB)": a body's work
    return Kind.REPORT if organisation else Kind.UNKNOWN


def tab_page(text: str) -> tuple[str, str | None, Kind, str | None] | None:
    """A page cited by its browser tab's title (``Title - Site``): the title, the site, the
    kind (a news item on a news site, a guideline when the title says so, else a page) and
    the body that wrote it, when a body is named first (``Stroke Association - Stroke
    Statistics``: no site then, and a report when the title says so)."""
    halves = _BODY_DASH.split(text.strip().rstrip("."))
    if (
        len(halves) == 2
        and not re.search(r"\d|[.;]\s", text)
        and looks_like_organisation(halves[0])
        and not looks_like_organisation(halves[1])
    ):
        title = halves[1].strip()
        kind = Kind.REPORT if _REPORT.search(title) else Kind.WEB_PAGE
        return title, None, Kind.GUIDELINE if _guidance(title, None) else kind, halves[0].strip()
    tab = tab_title(text)
    if tab is None:
        return None
    if is_news_outlet(tab[1]):
        return tab[0], tab[1], Kind.NEWS, None
    return tab[0], tab[1], Kind.GUIDELINE if _guidance(tab[0], None) else Kind.WEB_PAGE, None


_BODY_DASH = re.compile(r"\s+[-–—]\s+")
