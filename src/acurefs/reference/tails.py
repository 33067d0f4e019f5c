"""Source tails: the year, volume, issue and pages at the end of a printed reference.

Medicine prints them in a handful of styles (``2017;166(7):514-530``,
``2008, 28(53):14329-40``, ``34(4), 782-792``, ``409, 860-921 (2001)``, ``vol. 12,
no. 3, pp. 45-67``); each has its own pattern and the match ending nearest the end
of the string wins. Pages are split into first and last page, expanding the
abbreviated last page (``514-30`` is 514-530).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = r"(?:1[6-9]|20)\d{2}"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Fall|Autumn|Winter)\.?"
)
DATE_EXTRA = rf"(?:\s+{MONTH}(?:\s*[-/–]\s*{MONTH})?(?:\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)?)?"
_VOL_REST = (
    r"[A-Za-z]?(?:\s*(?:Suppl|Supplement|Pt|Part|Spec\s*No)\.?\s*"
    rf"(?:{MONTH}\s+\d{{1,2}}(?!\d)|\d*[A-Za-z]?))?"
)
"""A volume's part: ``Suppl 1``, ``Pt B``, and MJA's dated supplement ``Suppl Jul 16``."""
_VOL = rf"\d+{_VOL_REST}"
_ISS = r"\(\s*(?P<iss>[^()]{1,24}?)\s*\)"
_PAGE = r"[A-Za-z]{0,4}\d+[A-Za-z]{0,2}"
_DASH = r"\s*[-–—‐‑−]+\s*"
_PAGES = rf"{_PAGE}(?:{_DASH}{_PAGE})?(?![\w])"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Tail:
    """The year, volume, issue and pages read from the end of a reference, and where they sit."""

    start: int
    end: int
    year: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    style: str


# Source tails, each read by its own pattern; the one ending nearest the end of the string wins.
# Each pattern starts with a character it matches, its look-behind after it: the regex engine
# then skips to the places that can match instead of trying every position of the string.
_TAILS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        # Vancouver/NLM/AMA: 2017;166(7):514-530 / 2017 Apr 4;166(7):514-30 / 2016;95(18) /
        # 2017;357:j1284, and the slips 1992; 16::111-122 and 1990; 249, pages 771-774
        "vancouver",
        re.compile(
            rf"(?P<year>{YEAR})(?<!\w.{{4}})[a-z]?{DATE_EXTRA}\s*;\s*"
            rf"(?:(?P<vol>{_VOL})\s*)?(?:{_ISS})?"
            rf"(?:\s*(?::{{1,2}}|,\s*(?:pages?|pp?\.?)(?=\s*\d))\s*(?P<pages>{_PAGES}))?"
        ),
    ),
    (
        # BMC: J Neurosci 2008, 28(53):14329-40
        "bmc",
        re.compile(
            rf"(?P<year>{YEAR})(?<!\w.{{4}})[a-z]?\s*,\s*(?P<vol>{_VOL})\s*(?:{_ISS})?\s*:\s*"
            rf"(?P<pages>{_PAGES})"
        ),
    ),
    (
        # IEEE and others: vol. 12, no. 3, pp. 45-67, Mar. 2009; British Harvard: Vol. 17. No.
        # 24. pp 3330-3337
        "ieee",
        re.compile(
            rf"(?i)v(?<!\wv)ol\.?\s*(?P<vol>{_VOL})\s*[,.]\s*(?:no\.?|issue)\s*(?P<iss>[\w\-–/]+)"
            rf"(?:\s*[,.]\s*pp?\.?\s*(?P<pages>{_PAGES}))?"
            rf"(?:\s*,\s*(?:{MONTH}\s*)?(?P<year>{YEAR}))?"
        ),
    ),
    (
        # Chicago: Journal 29, no. 3 (October 2019): 3-6 / Building and Environment 114 (2017): 178-186
        # (a comma for the colon: "303, no. 3 (2010), 242-249")
        "chicago",
        re.compile(
            rf"(?P<vol>\d(?<=\s\d)\d*[A-Za-z]?)(?:\s*,\s*no\.\s*(?P<iss>[\w\-–/]{{1,12}}))?\s*"
            rf"\((?:{MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{YEAR})\)\s*[:,]\s*(?P<pages>{_PAGES})"
        ),
    ),
    (
        # Elsevier physics: Phys. Lett. B 123 (1983) 45-50
        "volume-year-pages",
        re.compile(
            rf"(?P<vol>\d(?<=[\s.]\d)\d*[A-Za-z]?)\s*\((?P<year>{YEAR})\)\s*,?\s*(?P<pages>{_PAGES})"
        ),
    ),
    (
        # LWW's journal sites: Clinical Journal of Sport Medicine: July 2018 – Volume 28 – Issue 4 –
        # p 401-405
        "lww",
        re.compile(
            rf"(?:{MONTH}\s+)?(?P<year>{YEAR})\s*[-–—]\s*Volume\s+(?P<vol>\d+[A-Za-z]?)\s*[-–—]\s*"
            rf"Issue\s+(?P<iss>[\w/-]{{1,12}})\s*[-–—]\s*pp?\.?\s*(?P<pages>{_PAGES})"
        ),
    ),
    (
        # ACS and MDPI: J. Am. Chem. Soc. 2020, 142, 100-110 / Nutrients 2020, 12(3), 3456
        "acs",
        re.compile(
            rf"(?P<year>{YEAR})(?<=[\s.]\d{{4}})[a-z]?\s*,\s*(?P<vol>{_VOL})\s*(?:{_ISS})?\s*,\s*"
            rf"(?:pp?\.?\s*)?(?P<pages>{_PAGES})"
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
        # APA for an article numbered online, its number left out: BMC Public Health, 22(1).
        "apa-issue",
        re.compile(
            r",\s*(?P<vol>\d(?<=[\s,]\d)\d{0,2})\s*\((?P<iss>\d{1,3}(?:\s*[-–/]\s*\d{1,3})?)\)"
            r"(?=\s*\.?\s*$)"
        ),
    ),
    (
        # Springer and Vancouver without a year in the tail: Europace 10:88-95 / Anal Chem
        # 77(23):7572-80 / a home-made list's Pediatrics. Vol. 116:1036-1046
        "colon",
        re.compile(
            rf"(?:\b[Vv]ol(?:ume)?\.?\s*)?(?P<vol>\d(?<=[\s.,]\d)\d*{_VOL_REST})\s*(?:{_ISS})?\s*:\s*(?P<pages>{_PAGES})"
        ),
    ),
    (
        # Nature, Frontiers: Nature 409, 860-921 (2001) / Brain Res. 138, 81-86 (not a count,
        # "of 89,756 cases")
        "space",
        re.compile(
            rf"(?P<vol>\d(?<=[\s.]\d)\d*[A-Za-z]?)(?!,\d{{3}}(?![\d–-]))\s*(?:{_ISS})?\s*,\s*"
            rf"(?:pp?\.?\s*)?(?P<pages>{_PAGES})(?:\s*\((?P<year>{YEAR})\))?"
        ),
    ),
    (
        # A year alone after the journal: Medicine. 2016. / J Pain. 2019 Mar.
        "year",
        re.compile(rf"(?P<year>{YEAR})(?<=[.;,]\s.{{4}}){DATE_EXTRA}(?=\s*[.;]?\s*$)"),
    ),
)

# A character each tail pattern needs, to skip the ones that cannot match.
_TAIL_NEEDS = {
    "vancouver": ";",
    "bmc": ":",
    "ieee": "vV",
    "chicago": "(",
    "volume-year-pages": "(",
    "lww": "V",
    "acs": ",",
    "apa": ",",
    "apa-issue": "(",
    "colon": ":",
    "space": ",",
    "year": "",
}


def find_tail(body: str) -> Tail | None:
    """The source tail ending nearest the end of ``body`` (ties: the more specific style)."""
    best: Tail | None = None
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
            best = Tail(
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


def is_article_number(page: str) -> bool:
    """An e-locator or article number (``e16301``, ``j1284``, ``8528938``) rather than a page."""
    return bool(re.fullmatch(r"[A-Za-z]{1,4}\d{3,}|\d{6,}", page))


_MONTH_BEFORE = re.compile(rf"(?i)\b{MONTH}[ \t]*$")


def date_tail(body: str, tail: Tail | None) -> re.Match[str] | None:
    """The month before a tail that is really a date (``September 18, 2021`` read as volume 18,
    page 2021), or None."""
    if (
        tail is None
        or tail.volume is None
        or not tail.volume.isdigit()
        or int(tail.volume) > 31
        or tail.pages is None
        or not re.fullmatch(YEAR, tail.pages)
    ):
        return None
    return _MONTH_BEFORE.search(body, max(0, tail.start - 12), tail.start)
