"""Reading one printed reference into fields: ``parse_reference(text) -> Reference``.

The parser works from both ends of the string. Identifiers (DOI, PMID, PMCID,
URL) are found and cut out first. The *source tail* - year, volume, issue and
pages in one of the styles medicine uses (``2017;166(7):514-530``,
``2008, 28(53):14329-40``, ``34(4), 782-792``, ``409, 860-921 (2001)``) - is
read from the end. The author list is read from the start. What lies between
is the title followed by the journal, split where the journal's (often
abbreviated) name begins.

It never raises on a string: what it cannot read stays in ``raw``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ._identifiers import find_doi, find_pmcid, find_pmid, find_url
from ._models import Kind, Person, Reference
from ._names import LETTER, LOWER, UPPER, read_authors

_YEAR = r"(?:1[6-9]|20)\d{2}"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Fall|Autumn|Winter)\.?"
)
_DATE_EXTRA = rf"(?:\s+{_MONTH}(?:\s*[-/–]\s*{_MONTH})?(?:\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)?)?"
_VOL = r"\d+[A-Za-z]?(?:\s*(?:Suppl|Supplement|Pt|Part|Spec\s*No)\.?\s*\d*[A-Za-z]?)?"
_ISS = r"\(\s*(?P<iss>[^()]{1,24}?)\s*\)"
_PAGE = r"[A-Za-z]{0,4}\d+[A-Za-z]{0,2}"
_DASH = r"\s*[-–—‐‑−]+\s*"
_PAGES = rf"{_PAGE}(?:{_DASH}{_PAGE})?(?![\w])"


@dataclass(frozen=True, slots=True)
class _Tail:
    start: int
    end: int
    year: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    style: str


# Source tails, each read by its own pattern; the one ending nearest the end of the string wins.
_TAILS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        # Vancouver/NLM/AMA: 2017;166(7):514-530 / 2017 Apr 4;166(7):514-30 / 2016;95(18) / 2017;357:j1284
        "vancouver",
        re.compile(
            rf"(?<![\w])(?P<year>{_YEAR})[a-z]?{_DATE_EXTRA}\s*;\s*"
            rf"(?:(?P<vol>{_VOL})\s*)?(?:{_ISS})?\s*(?::\s*(?P<pages>{_PAGES}))?"
        ),
    ),
    (
        # BMC: J Neurosci 2008, 28(53):14329-40
        "bmc",
        re.compile(
            rf"(?<![\w])(?P<year>{_YEAR})[a-z]?\s*,\s*(?P<vol>{_VOL})\s*(?:{_ISS})?\s*:\s*"
            rf"(?P<pages>{_PAGES})"
        ),
    ),
    (
        # IEEE and others: vol. 12, no. 3, pp. 45-67, Mar. 2009
        "ieee",
        re.compile(
            rf"(?i)\bvol\.?\s*(?P<vol>{_VOL})\s*,\s*(?:no\.?|issue)\s*(?P<iss>[\w\-–/]+)"
            rf"(?:\s*,\s*pp?\.?\s*(?P<pages>{_PAGES}))?"
            rf"(?:\s*,\s*(?:{_MONTH}\s*)?(?P<year>{_YEAR}))?"
        ),
    ),
    (
        # Elsevier physics: Phys. Lett. B 123 (1983) 45-50
        "volume-year-pages",
        re.compile(
            rf"(?<=[\s.])(?P<vol>\d+[A-Za-z]?)\s*\((?P<year>{_YEAR})\)\s*,?\s*(?P<pages>{_PAGES})"
        ),
    ),
    (
        # APA/Harvard: Developmental Psychology, 34(4), 782-792 / , 34, pp. 782-792
        "apa",
        re.compile(
            rf",\s*(?:vol\.?\s*)?(?P<vol>{_VOL})\s*(?:{_ISS})?\s*,\s*(?:pp?\.?\s*)?(?P<pages>{_PAGES})"
        ),
    ),
    (
        # Springer and Vancouver without a year in the tail: Europace 10:88-95 / Anal Chem 77(23):7572-80
        "colon",
        re.compile(rf"(?<=[\s.,])(?P<vol>{_VOL})\s*(?:{_ISS})?\s*:\s*(?P<pages>{_PAGES})"),
    ),
    (
        # Nature, Frontiers: Nature 409, 860-921 (2001) / Brain Res. 138, 81-86
        "space",
        re.compile(
            rf"(?<=[\s.])(?P<vol>\d+[A-Za-z]?)\s*(?:{_ISS})?\s*,\s*(?:pp?\.?\s*)?(?P<pages>{_PAGES})"
            rf"(?:\s*\((?P<year>{_YEAR})\))?"
        ),
    ),
    (
        # A year alone after the journal: Medicine. 2016. / J Pain. 2019 Mar.
        "year",
        re.compile(rf"(?<=[.;,]\s)(?P<year>{_YEAR}){_DATE_EXTRA}(?=\s*[.;]?\s*$)"),
    ),
)

# A character each tail pattern needs, to skip the ones that cannot match.
_TAIL_NEEDS = {
    "vancouver": ";",
    "bmc": ":",
    "ieee": "vV",
    "volume-year-pages": "(",
    "apa": ",",
    "colon": ":",
    "space": ",",
    "year": "",
}

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
      | \(?doi\s*:?\s*\)?
      | pmid\s*:?
      | \(\s*\)
      | [.,;:]
    )\s*$
    """
)
_LIST_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?!\d))\s*")
_HYPHEN_BREAK = re.compile(rf"(?<=[{LETTER}])[-‐]\s*\n\s*(?=[{LOWER}])")
_SPACES = re.compile(r"\s+")
# "Accessed May 5, 2024.", "[cited 2020 Jan 3]", "Retrieved on 19 April 2007 from": when a web
# page was read, not when the work appeared.
_ACCESS_WORD = re.compile(r"(?i)\b(?:accessed|retrieved|cited|viewed|last\s+updated)\b")
_ACCESS_DATE = re.compile(
    rf"(?i)\[?\b(?:accessed|retrieved|cited|viewed|last\s+updated)\b(?:\s+on)?\s*:?\s*"
    rf"(?=\d|{_MONTH})[^.\]]*(?:\d{{4}}|\d{{1,2}})\]?(?:\s+from\b)?\.?"
)
_LINE_NUMBER = re.compile(r"\n[ \t]*\d{1,3}\.[ \t]*\n")
_LEADING_ET_AL = re.compile(r"^,?\s*et\.?\s*al\b\.?,?\s*")
_MARKDOWN_LINK = re.compile(r"^\s*\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]*)\)?\s*")
_SPLIT_POINT = re.compile(
    r"(?<=[^\s.][.?!])\s+(?=[\w\"“'‘(\[])|(?<=[?!])\s+|(?<=[.?!][\"”’'])\s*(?=\S)"
)
_SPACE_BEFORE_PERIOD = re.compile(r"\s+\.(?=\s|[A-Z])")
_QUOTED = re.compile(
    r"^(?:[\"“”]\s*(?P<title>.+?)\s*[.?!,]?\s*[\"”“]|[‘']\s*(?P<single>.+?)\s*[.?!,]?\s*[’'])(?=\s|$|[.,;:])"
)
# Words of abbreviated journal names (NLM/ISO 4), for titles that run into the journal without a stop.
_JOURNAL_WORDS = frozenset(
    """J Am Br Eur Int Res Rev Clin Med Biol Chem Sci Ann Arch Proc Natl Acad Soc Genet Hum Mol
    Cell Neurosci Neurol Neurophysiol Neurochem Psychiatry Psychol Immunol Cancer Physiol
    Pharmacol Surg Obstet Gynecol Pediatr Endocrinol Metab Nutr Gastroenterol Cardiol Lett Bull
    Trans Can Jpn Chin Acta Exp Dev Opin Curr Trends Nat Nucleic Acids Rep Treat Dis Infect
    Microbiol Virol Bacteriol Biochem Biophys Appl Phys Ophthalmol Otolaryngol Dermatol Radiol
    Urol Nephrol Hepatol Oncol Hematol Rheumatol Orthop Anesth Anaesth Anesthesiol Emerg Crit
    Care Respir Pulm Allergy Vet Dent Oral Public Health Epidemiol Stat Comp Comput Eng Mater
    Environ Ecol Evol Zool Bot Plant Agric Food Toxicol Pharm Ther Drug Drugs Syst Neurobiol
    Brain Behav Cogn Sleep Pain Spine Bone Joint Arthritis Rheum North Engl Assoc Coll Ser Gen
    Intern Fam Pract Nurs Rehabil Sports Occup Ind Biomed Biomater Tissue Stem Genome Genomics
    Hered Chromosome Mutat Mutation Carcinog Carcinogenesis Immun Invest Lab Pathol Cytol
    Histol Anat Embryol Reprod Fertil Steril Androl Perinatol Neonatal Matern Child Adolesc
    Aging Gerontol Geriatr Vasc Heart Circ Hypertens Thromb Haemost Blood Transfus Kidney Liver
    Lung Thorac Chest Gut Skin Eye Ear Nose Mar Fish Aquat Insect Entomol Parasitol Trop Hyg
    Mycol Protoc Methods Tech Technol Biotechnol Bioeng Biomech Ergon Imaging Magn Reson
    Ultrasound Nucl Radiat Photochem Photobiol Laser Opt Spectrosc Anal Inorg Org Polym Colloid
    Interface Surf Catal Electrochem Chim Geophys Geol Meteorol Oceanogr Astron Astrophys Math
    Theor Quant Acoust Mech Fluid Therm Energy Fuel Nanotechnol Nano Scand Aust Ital Ger Fr
    Dtsch Wochenschr Z Zh Klin Arzneimittelforschung Bras Esp Mex Afr Arab Asian Korean Semin
    Adv Annu Dig Pediatrics Lancet Science Nature Neuron Physiology Circulation
    Psychopharmacology Endocrinology Gastroenterology Hepatology Radiology Diabetes
    Diabetologia Oncogene Virology Biochemistry Genetics Development Immunity Medicine Obes
    Obesity Cytokine Biopolymers Biomaterials Neuropsychologia Neuroreport Neuroscience
    Neuropharmacology Chemother Antimicrob Agents Bioinform Brief Reproduction Virol Silico
    Proteins Structure Function Sante""".split()
)
_JOURNAL_STOPWORDS = frozenset("of and the in for de la le der und des du et".split())
_YEAR_PAREN = re.compile(
    rf"\s*[(\[]\s*(?P<year>{_YEAR})[a-z]?(?:\s*,\s*[^)\]]{{0,30}})?\s*[)\]]\s*[.,:]?\s*"
    rf"|\s*[,.]?\s*(?P<bare>{_YEAR})[a-z]?(?:\s*[.:,]\s*|\s+(?=[{UPPER}\"“]))"
)
_ANY_YEAR = re.compile(rf"(?<![\d/.:-])({_YEAR})[a-z]?(?![\d/-])")
_ABBREV_WORD = re.compile(
    rf"^(?:[{UPPER}][{LOWER}]{{0,6}}|[{UPPER}]{{1,5}}|of|and|the|in|for|de|et|la|der|und|&|[{UPPER}]\.)$"
)
_BRACKET_NOTE = re.compile(
    r"\s*\[(?:[^\]]*(?:article|in\s+\w+ese|internet|review)[^\]]*)\]\s*$", re.I
)
_BOOK_HINTS = re.compile(
    r"(?i)\b(?:\d+(?:st|nd|rd|th)\s+ed\b|edition|eds?\.|editors?|publishers?|press|in:)"
)
# Books: "3rd ed. Edinburgh: Elsevier; 2015" (the year is the tail, already cut off).
_BOOK_TAIL = re.compile(
    rf"(?:^|(?<=[.,]\s))(?P<place>[{UPPER}][\w ,'’-]{{1,40}}?)\s*:\s*(?P<publisher>[^:;.]{{2,80}}?)\s*[;,.]?\s*$"
)
_EDITION = re.compile(
    r"(?i)[.,]?\s*\d+(?:st|nd|rd|th)\s+(?:ed\.?|edition)\s*$|[.,]?\s*(?:rev(?:ised)?\.?\s+)?ed(?:ition)?\.?\s*$"
)
# A chapter or a paper in proceedings: "Title. In: Editors, eds. Book" / "Title. In Proc. ..."
_CONTAINER = re.compile(r"[.,]\s+In:?\s+(?=[\w\"“])")
# An organisation as author: "World Health Organization. Title..."
_GROUP_AUTHOR = re.compile(
    r"(?P<name>(?:[A-Z][\w’'&-]*\s+){0,6}(?:Organi[sz]ation|Association|College|Institute|Society|Committee|"
    r"Agency|Centers?|Centres?|Department|Ministry|Council|Foundation|Collaboration|Group|Service|"
    r"Administration|Board|Academy|Federation|Network|Office|Clinic)(?:\s+(?:of|for|on|and|the|&)?\s*[A-Z][\w’'&-]*){0,6})"
    r"\s*[.:]\s+(?=\S)"
)


# A complete source tail ("7, 366-378." / "143:251-256.") followed by the author list of another
# reference ("van Duinen, H.," / "Nishibori, A.,"): two references run together in one entry.
_RUN_TOGETHER = re.compile(
    rf"\d+(?:\s*\([^)]{{1,12}}\))?\s*[,:(]\s*\d+\s*[-–]\s*\d+\.?(?:\s*\((?:1[6-9]|20)\d\d\))?(?:\s+doi:\s*\S*)?\s+(?:\d{{1,3}}\.\s+)?"
    rf"(?:(?:van|von|de|der|den|di|da|du|le|la)\s+)*[{UPPER}][{LOWER}'’-]+(?:\s+[{UPPER}][{LOWER}'’-]+)?,\s+[{UPPER}]\.(?:\s?[{UPPER}]\.)*,"
)


def looks_like_two_references(text: str) -> bool:
    """Whether a string holds two references run together (an extraction accident)."""
    return bool(_RUN_TOGETHER.search(clean(text)))


def clean(text: str) -> str:
    """One line, normalised: joined line breaks (undoing hyphenation), single spaces."""
    text = unicodedata.normalize("NFC", text)
    if "\n" in text:
        text = _LINE_NUMBER.sub(" ", text)  # "Gaber \n94. \nAO." - a PDF's line number
        text = _HYPHEN_BREAK.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    if " ." in text:
        text = _SPACE_BEFORE_PERIOD.sub(
            ". ", text
        )  # "motor skill .Exp Brain Res" -> "skill. Exp ..."
    return text


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


def _parse(raw: str, number: int | None) -> Reference:
    line = clean(raw)
    stripped = _LIST_NUMBER.sub("", line, count=1)
    if stripped != line and number is None:
        digits = re.match(r"\D*(\d+)", line)
        number = int(digits.group(1)) if digits else None
    line = stripped

    fields: dict[str, object] = {}
    link = _MARKDOWN_LINK.match(line)
    if link:
        # A Markdown link "[title](url)", possibly cut off before the closing parenthesis.
        fields["title"] = link.group("text").strip().rstrip(".")
        url = link.group("url") or None
        rest = line[link.end() :]
        if url:
            fields["url"] = url
        line = rest

    line, ids = _cut_identifiers(line)
    fields.update(ids)
    if not line.strip(" .,;:()[]"):
        return _finish(raw, number, fields)

    body = _ACCESS_DATE.sub(" ", line) if _ACCESS_WORD.search(line) else line
    # Drop trailers ("[PubMed]", "Epub 2019 Jul 23.", "Accessed ...") repeatedly.
    while True:
        body = body.rstrip(" .,;:")
        if not body or body[-1].isdigit():
            break  # the common case: the string ends with its pages
        trailer = _TRAILERS.search(body, max(0, len(body) - 160))
        if trailer is None or trailer.start() == trailer.end():
            break
        body = body[: trailer.start()]

    tail = _find_tail(body)
    head_end = tail.start if tail else len(body)

    block = read_authors(body)
    pos = block.end
    if block.authors:
        fields["authors"] = block.authors
        fields["authors_truncated"] = block.truncated
    year: str | None = tail.year if tail else None
    year_match = _YEAR_PAREN.match(body, pos) if pos < head_end else None
    if year_match and (block.authors or year_match.group("year")):
        year = year or year_match.group("year") or year_match.group("bare")
        pos = year_match.end()

    middle = body[pos:head_end] if pos < head_end else ""
    middle = middle.strip(" .,;:")
    if block.authors and middle[:2].lower() == "et":
        et_al = _LEADING_ET_AL.match(middle)
        if et_al:
            fields["authors_truncated"] = True
            middle = middle[et_al.end() :]
    if not block.authors and "title" not in fields:
        group = _GROUP_AUTHOR.match(middle)
        if group:
            fields["authors"] = (Person(family=group.group("name"), collective=True),)
            middle = middle[group.end() :]
    book = _BOOK_TAIL.search(middle) if tail is None or tail.style == "year" else None
    container = _CONTAINER.search(middle)
    if container and "In:" not in container.group(0) and tail is not None and tail.style != "year":
        container = None  # "... methylation. In Silico Biol 1999;1:175" is a journal, not a book
    if book and "title" not in fields:
        fields["publisher"] = book.group("publisher").strip()
        title, journal = _clean_title(_EDITION.sub("", middle[: book.start()])), None
        fields["kind"] = Kind.BOOK
    elif container and "title" not in fields:
        title, journal = _clean_title(middle[: container.start()]), None
        fields["kind"] = Kind.BOOK
    elif "title" not in fields:
        title, journal = _split_title_journal(middle, tail is not None)
    else:
        title, journal = None, (middle or None) if tail else None
    if title:
        fields["title"] = title
    if journal:
        fields["journal"] = journal

    if tail is None and fields.get("url") and "title" in fields and not fields.get("publisher"):
        site = _site_name(middle, str(fields["title"]))
        if site:
            fields["publisher"] = site
            fields["kind"] = Kind.WEB_PAGE
    if tail:
        _take_tail(fields, tail)
    if year is None:
        year = _fallback_year(body)
    if year:
        fields["year"] = int(year)
    return _finish(raw, number, fields)


def _cut_identifiers(line: str) -> tuple[str, dict[str, object]]:
    found: dict[str, object] = {}
    for name, finder in (("doi", find_doi), ("pmid", find_pmid), ("pmcid", find_pmcid)):
        while (hit := finder(line)) is not None:
            found.setdefault(name, hit.value)
            line = (line[: hit.start] + " " + line[hit.end :]).strip()
    while (hit := find_url(line)) is not None:
        if "doi.org/" not in hit.value.lower():
            found.setdefault("url", hit.value)
        line = (line[: hit.start] + " " + line[hit.end :]).strip()
    if found:
        line = _SPACES.sub(" ", line)
    return line, found


def _find_tail(body: str) -> _Tail | None:
    best: _Tail | None = None
    best_key: tuple[int, int] | None = None
    window = max(0, len(body) - 200)
    recent = body[window:]
    for priority, (style, pattern) in enumerate(_TAILS):
        needed = _TAIL_NEEDS[style]
        if needed and not any(ch in recent for ch in needed):
            continue
        last = None
        for last in pattern.finditer(body, window):  # noqa: B007 - we want the last match
            pass
        if last is None and window:
            for last in pattern.finditer(body):  # noqa: B007
                pass
        if last is None or last.start() == 0:
            continue
        groups = last.groupdict()
        if style not in ("year",) and not (
            groups.get("vol") or groups.get("pages") or groups.get("iss")
        ):
            continue
        key = (last.end(), -priority)
        if best_key is None or key > best_key:
            best_key = key
            best = _Tail(
                start=last.start(),
                end=last.end(),
                year=groups.get("year"),
                volume=_clean_value(groups.get("vol")),
                issue=_clean_value(groups.get("iss")),
                pages=_clean_value(groups.get("pages")),
                style=style,
            )
    return best


def _clean_value(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", value).strip(" .,")
    return value or None


def _take_tail(fields: dict[str, object], tail: _Tail) -> None:
    if tail.volume:
        fields["volume"] = tail.volume
    if tail.issue:
        fields["issue"] = tail.issue
    if tail.pages:
        first, last = split_pages(tail.pages)
        if last is None and _is_article_number(first):
            fields["article_number"] = first
        else:
            fields["first_page"] = first
            fields["pages"] = f"{first}-{last}" if last else first
            if last:
                fields["last_page"] = last


def split_pages(pages: str) -> tuple[str, str | None]:
    """First and last page, expanding the abbreviated last page: ``514-30`` -> (514, 530)."""
    parts = re.split(_DASH, pages.strip(), maxsplit=1)
    first = parts[0].strip()
    if len(parts) == 1 or not parts[1].strip():
        return first, None
    last = parts[1].strip()
    if (
        last.isdigit()
        and first.isdigit()
        and len(last) < len(first)
        and int(last) < int(first[-len(last) :]) + 10 ** len(last)
    ):
        expanded = first[: len(first) - len(last)] + last
        if int(expanded) >= int(first):
            last = expanded
    return first, last


def _is_article_number(page: str) -> bool:
    """An e-locator or article number (``e16301``, ``j1284``, ``8528938``) rather than a page."""
    return bool(re.fullmatch(r"[A-Za-z]{1,4}\d{3,}|\d{6,}", page))


def _split_title_journal(middle: str, has_tail: bool) -> tuple[str | None, str | None]:
    """Split "Title. Journal" at the point where the journal's name begins."""
    if not middle:
        return None, None
    quoted = _QUOTED.match(middle)
    if quoted:
        rest = middle[quoted.end() :].strip(" .,;:")
        inside = quoted.group("title") or quoted.group("single")
        return _clean_title(inside), (rest or None) if has_tail else None
    points = [m.end() for m in _SPLIT_POINT.finditer(middle)]
    if not points:
        if has_tail:
            start = _unpunctuated_journal_start(middle)
            if start == 0 and len(middle) < 40:
                return None, middle
            if start is not None and start > 0:
                return _clean_title(middle[:start]), middle[start:].strip(" .,;:") or None
        return _clean_title(middle), None
    if not has_tail:
        # No volume or pages: the first sentence is the title; what follows is not a journal we can vouch for.
        return _clean_title(middle[: points[0]]), None
    start = points[-1]
    # Extend the journal leftwards over abbreviated segments: "Brain Res. Dev. Brain Res."
    for i in range(len(points) - 1, 0, -1):
        segment = middle[points[i - 1] : points[i]].strip().rstrip(".")
        if _looks_like_abbreviation(segment):
            start = points[i - 1]
        else:
            break
    title = middle[:start].strip()
    journal = middle[start:].strip(" .,;:")
    if _reads_like_prose(journal):
        # "...in E. coli under starvation conditions EMBO J": the last stop was inside the title.
        inner = _unpunctuated_journal_start(journal)
        if inner:
            title = middle[: start + inner].strip()
            journal = journal[inner:].strip(" .,;:")
        else:
            title, journal = middle, ""
    return _clean_title(title) if title else None, journal or None


def _reads_like_prose(segment: str) -> bool:
    """Several lower-case content words: a title, not a journal's name."""
    words = segment.split()
    lower = sum(1 for w in words if w[:1].islower() and w not in _JOURNAL_STOPWORDS and len(w) > 3)
    return lower >= 3


def _unpunctuated_journal_start(middle: str) -> int | None:
    """Where the journal starts in "title words Journal Abbrev" printed without a full stop."""
    words = list(re.finditer(r"\S+", middle))
    start = None
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group(0).strip(",")
        bare = word.rstrip(".")
        known = (
            bare in _JOURNAL_WORDS
            or (len(bare) == 1 and bare.isupper())
            or (bare.isupper() and len(bare) <= 5)
        )
        capitalised = word[:1].isupper() and word[1:].islower()
        right_known = i + 1 < len(words) and words[i + 1].group(0).rstrip(".,") in _JOURNAL_WORDS
        last = i == len(words) - 1
        if (
            known
            or (word in ("of", "and", "&") and start is not None)
            or (capitalised and (right_known or last))
        ):
            start = words[i].start()
            continue
        break
    if (
        start is not None
        and middle[:start].strip()
        and not middle[:start].rstrip().endswith(("of", "and", "&"))
    ):
        return start
    return 0 if start == 0 else None


def _looks_like_abbreviation(segment: str) -> bool:
    words = segment.split()
    if not words or len(words) > 4:
        return False
    return all(_ABBREV_WORD.match(w.rstrip(".,")) for w in words)


def _looks_like_journal(segment: str) -> bool:
    words = segment.replace(".", " ").split()
    return bool(words) and all(
        w[0].isupper() or w in ("of", "and", "&", "the", "in", "for") for w in words
    )


_STRAY_NUMBER = re.compile(r"^\d{1,3}\.\s+(?=[A-Z])")


def _clean_title(title: str) -> str | None:
    title = _BRACKET_NOTE.sub("", title).strip()
    title = _STRAY_NUMBER.sub("", title)  # a line number of the PDF the reference came from
    title = title.strip(" ,;:")
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    if len(title) >= 2 and title[0] in "\"“‘'" and title[-1] in "\"”’'":
        title = title[1:-1].strip().rstrip(",.")
    return title or None


def _site_name(middle: str, title: str) -> str | None:
    """The short sentence after a web page's title: the site that published it."""
    rest = middle.split(title, 1)[1] if title in middle else ""
    rest = rest.strip(" .,;:-–|")
    words = rest.split()
    if 1 <= len(words) <= 6 and rest[:1].isupper():
        return rest.rstrip(".")
    return None


def _fallback_year(body: str) -> str | None:
    years = _ANY_YEAR.findall(body)
    return years[-1] if years else None


def _finish(raw: str, number: int | None, fields: dict[str, object]) -> Reference:
    kind = _kind(fields, raw)
    return Reference(
        raw=raw,
        number=number,
        authors=_tuple_people(fields.get("authors")),
        authors_truncated=bool(fields.get("authors_truncated", False)),
        title=_str(fields.get("title")),
        journal=_str(fields.get("journal")),
        year=fields["year"] if isinstance(fields.get("year"), int) else None,  # type: ignore[arg-type]
        volume=_str(fields.get("volume")),
        issue=_str(fields.get("issue")),
        pages=_str(fields.get("pages")),
        first_page=_str(fields.get("first_page")),
        last_page=_str(fields.get("last_page")),
        article_number=_str(fields.get("article_number")),
        doi=_str(fields.get("doi")),
        pmid=_str(fields.get("pmid")),
        pmcid=_str(fields.get("pmcid")),
        url=_str(fields.get("url")),
        publisher=_str(fields.get("publisher")),
        kind=kind,
    )


def _kind(fields: dict[str, object], raw: str) -> Kind:
    if isinstance(fields.get("kind"), Kind):
        return fields["kind"]  # type: ignore[return-value]
    if fields.get("journal") and (fields.get("volume") or fields.get("year") or fields.get("doi")):
        return Kind.JOURNAL_ARTICLE
    if fields.get("doi") and fields.get("title"):
        return Kind.JOURNAL_ARTICLE
    if fields.get("publisher") or (_BOOK_HINTS.search(raw) and not fields.get("journal")):
        return Kind.BOOK
    if fields.get("url") and not fields.get("journal"):
        return Kind.WEB_PAGE
    return Kind.UNKNOWN


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _tuple_people(value: object) -> tuple[Person, ...]:
    return value if isinstance(value, tuple) else ()
