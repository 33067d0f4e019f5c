"""Markdown links in a printed reference: ``[Title](url)`` opening it, ``Title. [Site](url)``,
``Who, [Title](url)``, ``"[Title](url)." *Newspaper*``; and the identifiers an address holds."""

from __future__ import annotations

import re
from typing import Protocol

from ..identifiers import LINK_ADDRESS, MARKDOWN_LINK, find_doi, find_pmcid, find_pmid
from ..models import Person
from ..text import fold
from .bodies import looks_like_organisation, organisations
from .house import title_then_body
from .laws import DESIGNATION
from .names import GIVEN_NAMES, given_first_people
from .segments import segments
from .tails import MONTH, YEAR


class LinkFields(Protocol):
    """What a reference's reading has so far, as far as its links fill it in."""

    authors: tuple[Person, ...]
    authors_truncated: bool
    title: str | None
    year: int | None
    url: str | None
    container: str | None
    doi: str | None
    pmid: str | None
    pmcid: str | None


_LINK_SITE_PREFIX = re.compile(r"^(?P<site>[^:–—-]{2,60}?)\s*(?::|\s[-–—|])\s+(?P<title>\S.*)$")
_LINK_SITE_SUFFIX = re.compile(r"^(?P<title>\S.{2,}?)\s+[|—]\s+(?P<site>[^|—]{2,60})$")
"""A page's title as browsers show it, ``Let teenagers sleep | Scientific American``,
``Hospital trolleys: numbers — Irish Association for Emergency Medicine``."""
_WHOLE_ENTRY = re.compile(rf"\S[.?!]\s+\S.*\S[.?!]\s+\S|\S[.?!]\s+\S.*\b{YEAR}\b")
"""Link text holding a whole entry: two sentences' ends, or one and a year."""
_LINK_COMMA_SITE = re.compile(
    r"^(?P<title>\S+\s+\S+\s.*?[^\s,]),\s+"
    r"(?P<site>[A-Z][\w&'’-]*(?:\.(?:org|com|net|gov)|(?:\s[A-Z][\w&'’-]*){1,3}))$"
)
"""A link's text with the site after the title's last comma: ``Title, IEEE Spectrum``,
``Title, NPR.org`` (one word is as likely a place: ``Alcohol-related deaths, UK``)."""
_LINK_NAMES_FIRST = re.compile(
    r"^(?P<names>[A-Z][\w'’-]+\s+et\s+al\.?),\s+(?P<title>[A-Z0-9“\"].{10,})$"
)
"""A link's text that names its first author before the title: ``Wu et al., Title`` (``Wang and
Zhang, Title`` is left alone: ``Alcohol and Drugs, A guide`` reads the same)."""
_LINK_BY = re.compile(
    r"^(?P<title>\S.{3,}?),?\s+by\s+(?P<names>[A-Z][^()]{2,150}?)(?:\s+\((?:eds?|editors?)\.?\))?$"
)
"""A link's text that names the work, then ``by`` who wrote it: ``Pain is Really Strange, by
Steve Haines & Sophie Standing``."""
_LANGUAGE = re.compile(r"[A-Z]{2}")
_LANGUAGE_LINKS = re.compile(r"(?:\s*[|,]?\s*\[[A-Z]{2}\]\(https?://[^)\s]+\))+\.?")
_LATER_LINK = re.compile(rf"\[(?P<text>[^\]]{{1,300}})\]\((?P<url>https?://{LINK_ADDRESS}+)\)")
_RESOLVER = re.compile(r"(?i)https?://(?:dx\.)?doi\.org/")
"""DOI's resolver: an address there is the work's DOI."""
_ADDRESS_TEXT = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?")
"""Link text that is an address, not a title."""
_LINK_YEAR = re.compile(rf"\s+\((?P<year>{YEAR})\)$")
_AFTER_DATE = re.compile(rf"\(\s*{YEAR}[a-z]?(?:,[^()]{{1,30}})?\)\.?\s*$")
"""The date in parentheses that APA prints before the title."""
_DATE_AFTER_NAMES = re.compile(rf",\s+(?:{MONTH}\s+\d{{1,2}},\s+)?(?P<year>{YEAR})[a-z]?$")
"""The date after who wrote a linked title: ``Ryan Tibshirani, September 21, 2020. [Title](url)``."""
_LINK_WORDS = re.compile(
    r"(?i)^(?:pdf|link|here|online|website|web\s*site|full\s+text|pubmed\b.*|pmc\b.*|doi\b.*|source|"
    r"(?:click\s+)?here|read\s+(?:more|it\s+here|online)|more|view|download|leggi(?:\s+(?:di\s+)?pi[uù])?|"
    r"leer\s+m[aá]s|ver\s+m[aá]s|saiba\s+mais|leia\s+mais|lire\s+la\s+suite|en\s+savoir\s+plus|"
    r"weiterlesen|mehr\s+lesen|lees\s+meer|les\s+mer|l[aä]s\s+mer|amazon|google\s+books|worldcat)$"
)
"""Link texts that say where to click, not what the link is: ``[read more](url)``, Italian
``[leggi di più](url)``, Spanish ``[leer más](url)``, French, German, Dutch, Scandinavian."""


FINDERS = (("doi", find_doi), ("pmid", find_pmid), ("pmcid", find_pmcid))


def identifiers_in(url: str, fields: LinkFields) -> None:
    """The DOI, PMID or PMCID an address holds (``.../content/10.1101/...``,
    ``pubmed.ncbi.nlm.nih.gov/31234567/``, ``.../pmc/articles/PMC1234567/``), where not read yet."""
    for name, finder in FINDERS:
        if getattr(fields, name) is None and (inner := finder(url)) is not None:
            setattr(fields, name, inner.value)


def take_markdown_link(line: str, fields: LinkFields) -> str:
    """A Markdown link: ``[title](url)`` opening the entry (possibly cut off before its closing
    parenthesis), or ``Title. [Site](url)`` later in it (the site is the container)."""
    link = MARKDOWN_LINK.match(line)
    if link is not None:
        text, fields.url = link.group("text").strip().rstrip("."), link.group("url") or None
        if fields.url:
            identifiers_in(fields.url, fields)
        after = line[link.end() :].strip()
        if DESIGNATION.match(text) and after.strip(" .,;"):
            return text + " " + after  # "[Decreto N°64](url), Decreta ..."
        first = segments(after)[:1]
        if first and len(first[0].split()) >= 3 and looks_like_organisation(text):
            fields.authors = organisations(text)  # "[OMS](url) 10 menaces pour la santé ... OMS."
            return after
        if _ADDRESS_TEXT.fullmatch(text):  # "[www.ahp.org.za](www.ahp.org.za) 'Title.'"
            fields.url = fields.url or text
            return line[link.end() :].lstrip(" –—-:")
        if dated := _LINK_YEAR.search(text):  # "[National Health Amendment Bill (2019)](url)"
            fields.year, text = int(dated.group("year")), text[: dated.start()]
        if _WHOLE_ENTRY.search(text) and not line[link.end() :].strip(" .,;"):
            return text + "."  # "[HAS. Title. January 2021.](url)": the whole entry is linked
        if (by := _LINK_BY.match(text)) and GIVEN_NAMES.match(by.group("names")):
            # "[Manage Your Pain, by Michael Nicholas & Lois Tonkin](catalogue)": a book's
            # title and who wrote it, given names first
            fields.authors, text = given_first_people(by.group("names")), by.group("title")
        if names := _LINK_NAMES_FIRST.match(text):
            # "[Wu et al., Nowcasting the outbreak ...](url)": who wrote it, then the title
            fields.authors = (Person(family=names.group("names").split()[0]),)
            fields.authors_truncated = True
            text = names.group("title")
        site = _LINK_SITE_PREFIX.match(text)
        suffix = _LINK_SITE_SUFFIX.match(text)
        if (dashed := _site_by_address(text, fields.url)) is not None:
            fields.container, text = (
                dashed  # "[Dementia Statistics - Alzheimer's Research UK](...)"
            )
        elif suffix and "—" in text and looks_like_organisation(suffix.group("site")):
            fields.container, text = suffix.group("site"), suffix.group("title")
        elif site and looks_like_organisation(site.group("site")):
            fields.container, text = site.group("site"), site.group("title")
        elif suffix:
            fields.container, text = suffix.group("site"), suffix.group("title")
        elif named := title_then_body(text, looks_like_organisation):
            text, fields.container, fields.year = named[0], named[1], named[2] or fields.year
        elif comma_site := _LINK_COMMA_SITE.match(text):
            # "[Will Protests Increase the Spread of COVID-19?, IEEE Spectrum](url)"
            fields.container, text = comma_site.group("site"), comma_site.group("title")
        fields.title = text
        return line[link.end() :]
    return _later_link(line, fields)


_DASHED = re.compile(r"^(?P<first>\S.+?)\s[-–]\s(?P<last>[^-–]{2,60})$")


def _site_by_address(text: str, url: str | None) -> tuple[str, str] | None:
    """The site and the title of a link's text ``Title - Site`` or ``Site - Title``: the
    side that names the link's host (``Mayo Clinic`` for ``www.mayoclinic.org``, ``British
    Medical Journal`` for ``www.bmj.com``) is the site; None when neither side or both do."""
    dashed = _DASHED.match(text)
    if dashed is None or not url:
        return None
    first, last = dashed.group("first").strip(), dashed.group("last").strip()
    if _site_like(last, url) and not names_host(first, url):
        return last, first
    if _site_like(first, url) and not names_host(last, url):
        return first, last
    return None


def _site_like(name: str, url: str) -> bool:
    """A site's name: a few words, no colon (``DMSC: Thailand testing data`` is a title), that
    name the host."""
    return len(name.split()) <= 6 and ":" not in name and names_host(name, url)


def names_host(name: str, url: str) -> bool:
    """Whether ``name`` names the host of ``url``: spelt out (``mayoclinic``), by its initials
    (``bmj``), or by an acronym it holds (``NCBI`` for ``www.ncbi.nlm.nih.gov``)."""
    host = re.sub(r"^(?:https?://)?(?:www\d?\.)?", "", url.lower()).split("/", 1)[0]
    labels = [label for label in host.split(".")[:-1] if len(label) >= 3]
    words = re.findall(r"[^\W_]+", name.replace("'", "").replace("’", ""))
    squashed = fold("".join(words)).replace(" ", "")
    initials = "".join(w[0] for w in words if w[:1].isupper()).lower()
    acronyms = {w.lower() for w in words if len(w) >= 2 and w.isupper()}
    for label in labels:
        if label in (squashed, initials) or label in acronyms:
            return True
        if len(label) >= 5 and (label in squashed or (len(squashed) >= 5 and squashed in label)):
            return True
        if _clipped(label, [fold(w).replace(" ", "") for w in words]):
            return True
    return False


def _clipped(label: str, words: list[str]) -> bool:
    """Whether ``label`` runs the first letters of two or more of ``words`` together, in
    order (``alzint``: the first letters of ``Alzheimer's International``)."""
    pos = used = 0
    for word in words:
        common = 0
        while (
            common < len(word) and pos + common < len(label) and word[common] == label[pos + common]
        ):
            common += 1
        if common >= 3 or (common and common == len(word)):
            pos, used = pos + common, used + 1
        if pos == len(label):
            return used >= 2
    return False


def _later_link(line: str, fields: LinkFields) -> str:
    """A link inside the entry: its title (quoted, in italics, or after who wrote it), a
    site, or the work in each language it is in."""
    later = _LATER_LINK.search(line)
    if later is None:
        return line
    fields.url = later.group("url")
    resolved = _RESOLVER.match(fields.url) and _ADDRESS_TEXT.fullmatch(later.group("text"))
    if fields.doi is None and resolved and (doi := find_doi(fields.url)) is not None:
        fields.doi = doi.value  # "[https://doi.org/10.1016/...](https://doi.org/10.1016/...)"
    if _LANGUAGE.fullmatch(later.group("text")):
        # "Title, Body, 2020 | [EN](url), [EL](url)": the work in each language it is in
        return _LANGUAGE_LINKS.sub("", line).strip()
    label = later.group("text").strip()
    if label[:1] in '"“‘' and _ADDRESS_TEXT.fullmatch(label.strip('"“”‘’ ')):
        return (line[: later.start()] + line[later.end() :]).strip()  # '["https://..."](...)'
    quoted = line[later.start() - 1 : later.start()] in "\"“‘'" or label[:1] in '*_"“‘'
    if quoted and not _LINK_WORDS.match(label.strip("*_ ")):
        # '"[Title](url)." *Los Angeles Times*', "[*Where There Is No Doctor*](url)": a title
        return (line[: later.start()] + label.strip("*_") + line[later.end() :]).strip()
    if (who := _link_authors(line[: later.start()], label)) is not None:
        fields.authors, fields.authors_truncated = who  # "ECDC, [Title](url), 2020"
        fields.title = label
        if fields.year is None and (
            dated := _DATE_AFTER_NAMES.search(line[: later.start()].rstrip(",. "))
        ):
            fields.year = int(dated.group("year"))  # "Ryan Tibshirani, September 21, 2020. [Title]"
        if fields.doi is None and (doi := find_doi(fields.url)) is not None:
            fields.doi = doi.value  # "Larremore et al. [Title](https://doi.org/10.1101/...)"
        return line[later.end() :].strip(" ,.")
    if _AFTER_DATE.search(line, 0, later.start()) and not _LINK_WORDS.match(label):
        # APA's title linked after the date: "Lim, T.J. (1948, November 28). [Title](url)."
        return (line[: later.start()] + label + line[later.end() :]).strip()
    if not _LINK_WORDS.match(label) and not label.startswith(("http", "www.")):
        fields.container = label  # "Title. [Site](url)"; not an address shown as its own link
    return (line[: later.start()] + line[later.end() :]).strip()


def _link_authors(before: str, label: str) -> tuple[tuple[Person, ...], bool] | None:
    """Who wrote a linked title, when only they come before it (``ISTAT, [Title](url)``,
    ``Daniel B Larremore et al. [Title](url)``); None when the link names a site or a document."""
    who = before.strip()
    if not who.endswith((",", ".")) or len(label.split()) < 2 or _LINK_WORDS.match(label):
        return None
    who = _DATE_AFTER_NAMES.sub("", who.rstrip(",. "))  # "Alex Reinhart, October 12, 2020."
    truncated = bool(et_al := re.search(r",?\s+et\s+al\.?$", who))
    who = who[: et_al.start()] if et_al else who
    if not who or len(who.split()) > 24 or re.search(r"[\d:;\"“”()\[\]]", who):
        return None
    if GIVEN_NAMES.match(who) and not looks_like_organisation(who):
        return given_first_people(who), truncated
    if len(who.split()) <= 8 and (
        looks_like_organisation(who) or (len(who.split()) <= 4 and not truncated)
    ):
        return organisations(who), truncated
    return None
