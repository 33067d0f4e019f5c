"""Dates printed in references that are not the work's year: when a page was read, updated.

Web references print when they were read (``Accessed March 3, 2021``, ``[cited 2024
Mar 1]``, ``(accessed 7 Sep 2020)``, ``Retrieved 19 April 2007 from``, ``Date accessed:
March 18, 2020``) and when the page was published or revised (``Published 2020``,
``Updated June 2, 2022``, ``Last reviewed: 12 May 2021``). The access date is kept as an
ISO date (:attr:`Reference.accessed`) and is never the work's year; a publication or
update date gives the year when nothing else does.
"""

from __future__ import annotations

import re

from ..text import Keyed

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
"""A month's name or abbreviation, case-insensitive (compile with ``re.I``)."""
_DATE_TOKEN = rf"(?:{MONTH_WORD}|\d{{1,4}}(?:st|nd|rd|th)?)"
_DATE = rf"{_DATE_TOKEN}(?:(?:[\s,./-]{{1,3}}|(?<=[A-Za-z.])(?=\d{{4}}\b)|(?<=\d)(?=[A-Za-z]{{3}})){_DATE_TOKEN}){{0,3}}"
"""A date of one to four parts in any order: ``Jan. 28, 2022``, ``2020 Apr 19``, ``7 Sep 2020``,
and a month glued to its day or its year (``25 Sep2014``, ``07May2015``)."""
_GLUED_YEAR = re.compile(
    r"(?<=[A-Za-z])(?=\d{4}\b)|(?<=\b\d\d)(?=[A-Za-z]{3})|(?<=\b\d)(?=[A-Za-z]{3})"
)
"""Where a month runs into its year or its day with no space: ``Sep2014``, ``07May2015``."""
_ACCESS = re.compile(
    rf"(?i)(?P<open>[\[(]\s*)?(?:date\s+)?(?:last\s+)?(?<![A-Za-z])"
    rf"(?:acc?ess?ed|retr(?:ie|ei|i)ved|cited|viewed|consulted|visited|downloaded)(?:\s*on)?\s*:?\s*"
    rf"(?P<date>{_DATE})\s*(?(open)[\])])(?:\s*,?\s*from\b\s*:?)?"
    r"(?:\s*[,;]?\s*(?:(?:but|and)\s+)?(?:now\s+)?no\s+longer\s+(?:available|online|accessible)\b)?"
)
"""An access phrase, with a dead link's remark after it (``Accessed 3 April 2002, no longer
available``)."""
_UNCLOSED = re.compile(r"[\[(]\s*$")
"""A bracket opened before an access phrase and never closed."""
_MLA_WEB = re.compile(rf"(?i)(?<![\w/.])web\.\s+(?P<date>{_DATE})\s*\.?\s*$")
"""MLA 7's medium and the day the page was read, closing the entry: ``Web. 12 Jan. 2017.``"""
_NO_PUBLISHER = re.compile(r"\bN\.\s?p\.,?\s*")
"""MLA's ``N.p.``: no publisher printed."""
_RETRIEVED_FROM = re.compile(
    r"(?i)\b(?:(?:retrieved|accessed|available)\s+(?:from|at|online)|dispon[ií]vel\s+em|"
    r"disponible\s+(?:en|sur)|verf[üu]gbar\s+unter|beschikbaar\s+(?:via|op)|recuperado\s+de|"
    r"abgerufen\s+von)\b\s*:?|,\s*(?:van|from)\s*(?:(?=https?://)|[.,;]?\s*$)"
)
"""``Retrieved from``, ``Available at``, and the same in Portuguese (ABNT's ``Disponível
em:``), Spanish, French, German and Dutch."""
_FOREIGN_MONTH_NAMES = (
    (1, ("janeiro", "enero", "ene", "janvier", "janv", "januar", "januari", "gennaio", "gen", "ocak")),
    (2, ("fevereiro", "fev", "febrero", "février", "févr", "februar", "februari", "febbraio", "şubat")),
    (3, ("março", "marzo", "mars", "märz", "maart", "mrt", "mart")),
    (4, ("abril", "abr", "avril", "avr", "aprile", "nisan")),
    (5, ("maio", "mai", "mayo", "mei", "maggio", "mag", "maj", "mayıs")),
    (6, ("junho", "junio", "juin", "juni", "giugno", "giu", "haziran")),
    (7, ("julho", "julio", "juillet", "juil", "juli", "luglio", "lug", "temmuz")),
    (8, ("agosto", "ago", "août", "augustus", "augusti", "ağustos")),
    (9, ("setembro", "set", "septiembre", "septembre", "settembre", "eylül")),
    (10, ("outubro", "out", "octubre", "octobre", "okt", "oktober", "ottobre", "ott", "ekim")),
    (11, ("novembro", "noviembre", "novembre", "kasım")),
    (12, ("dezembro", "dez", "diciembre", "dic", "décembre", "déc", "dezember", "desember", "dicembre", "aralık")),
)  # fmt: skip
_FOREIGN_MONTHS = {name: month for month, names in _FOREIGN_MONTH_NAMES for name in names}
"""Months in the languages health writers' lists come in besides English (Portuguese, Spanish,
French, German, Dutch, Italian, Norwegian, Swedish, Turkish; where the English name or its
first three letters differ)."""
_FOREIGN_MONTH = r"(?:" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + r")\.?"
_FOREIGN_TOKEN = rf"{_FOREIGN_MONTH}|{_DATE_TOKEN}"
_FOREIGN_ACCESS = re.compile(
    r"(?i)(?P<open>[\[(]\s*)?(?<![^\W\d_])(?:acess(?:o|ado)\s+em|consultad[oa]\s+(?:el|en|em)|"
    r"accedido\s+(?:el|en)|fecha\s+de\s+consulta|consulté\s+le|abgerufen\s+am|zugriff\s+am|"
    r"geraadpleegd\s+op|opgehaald\s+op|recuperad[oa](?:\s+(?:el|en))?|consultato\s+(?:il|in)|"
    rf"hentet|h[äa]mtad|haettu)\s*:?\s*(?P<date>(?:{_FOREIGN_TOKEN})(?:(?:[\s,./-]{{1,3}}(?:de\s+)?)"
    rf"(?:{_FOREIGN_TOKEN})){{0,3}})\s*(?(open)[\])])(?:\s*,?\s*(?:van|from|de|von|sur)\b\s*:?)?"
)
"""An access phrase in Portuguese (``Acesso em: 10 out. 2019``), Spanish (``Recuperado 30 de
abril de 2022, de``), French, German, Dutch (``Geraadpleegd op 3 mei 2024, van``), Italian,
Norwegian or Danish (``Hentet november 2022``), Swedish or Finnish."""
_ANY_MONTH = rf"(?:{_FOREIGN_MONTH}|{MONTH_WORD})"
_CLOSING_DATE = re.compile(
    rf"(?i)(?:\b\d{{1,2}}\.?\s+(?:de\s+)?{_ANY_MONTH},?\s+(?:de\s+)?|"
    rf"\b{_ANY_MONTH}\s+\d{{1,2}},?\s+)(?P<year>(?:1[6-9]|20)\d\d)\)?[.\s]*$"
)


def closing_date_year(text: str) -> int | None:
    """The year of a whole date that ends an entry (``... 19 de diciembre de 2011.``, ``...
    June 3, 2021``): the day a law, a notice or a news item came out."""
    match = _CLOSING_DATE.search(text[-60:])
    return int(match.group("year")) if match else None


_TURKISH_ACCESS = re.compile(
    rf"(?i)(?P<date>(?:{_FOREIGN_TOKEN})(?:[\s,./-]{{1,3}}(?:{_FOREIGN_TOKEN})){{0,3}})\s+tarihinde\s+"
    r"(?:(?P<url>\S+)\s+)?adresinden\s+eri[şs]il(?:di|mi[şs]tir)\.?"
)
"""Turkish puts the date first and the address inside the phrase: ``23 Mayıs 2020 tarihinde
https://... adresinden erişildi`` (the address stays, the rest is the access date; the
address may already have been taken out)."""
_PUBLISHED = re.compile(
    rf"(?i)(?<![\w])(?:(?:page\s+)?last\s+(?:updated|reviewed|modified)|updated|published"
    rf"(?:\s+online)?|reviewed|modified|posted|revised)(?:\s+on)?\s*:?\s*(?P<date>{_DATE})"
)
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")


def iso_date(text: str) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` of a printed date; None without a year.

    Parts may come in any order (``Jan. 28, 2022``, ``2015 15th January``, ``1999,
    January 4``). A date of digits alone is read where it can only be one date (``15/8/25``,
    ``9/15/2022``, Europe's dotted ``3.11.2022``); ``3/10/2021`` is ambiguous and left as
    printed.
    """
    if numeric := _NUMERIC_DATE.fullmatch(text.strip(" ,.")):
        return _numeric_date(numeric) or text.strip(" ,.")
    tokens = [t for t in re.split(r"[\s,./-]+", text.strip().lower()) if t]
    year = month = day = None
    numbers = []
    for token in tokens:
        if len(token) == 4 and token.isdigit():
            year = int(token)
        elif token[:3] in _MONTHS and re.fullmatch(MONTH_WORD, token, re.I):
            month = _MONTHS[token[:3]]
        elif day_match := _DAY.match(token):
            numbers.append(int(day_match.group(1)))
        elif (word := token.rstrip(".")) in _FOREIGN_MONTHS:
            month = _FOREIGN_MONTHS[word]
    if year is None:
        return None
    if month is None:
        return str(year) if not numbers else text.strip()
    if len(numbers) == 1 and 1 <= numbers[0] <= 31:
        day = numbers[0]
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?:(?P=sep)|(?<=\.\d\d)\s)(?P<year>\d{4}|\d{2})"
)
"""A date of digits alone: ``15/8/2025``, ``28/06/16``, ``14.12.2022``, ``10.12 2019``."""


def _numeric_date(match: re.Match[str]) -> str | None:
    """The ISO date a digits-only date can only be; None when day and month could swap. A
    two-digit year is of the web's years (``16`` is 2016, ``98`` is 1998)."""
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if len(match.group("year")) == 2:
        year += 1900 if year >= 90 else 2000
    if match.group("sep") == "." or a > 12 or a == b:
        day, month = a, b  # Europe's dotted dates are day first
    elif b > 12:
        day, month = b, a  # "9/15/2022": the United States' month first
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_ACCESS_WORD = Keyed(
    r"(?i)accessed|retrieved|cited|viewed|consulted|visited|downloaded|available|acc?ess?ed|retrived|retreived|"
    r"consult|accedido|abgerufen|zugriff|geraadpleegd|dispon|verf[üu]gbar|beschikbaar|recuperad|"
    r"opgehaald|hentet|h[äa]mtad|haettu|tarihinde|,\s*(?:van|from)\s*(?:http|[.,;]?\s*$)",
    (
        "accessed", "retrieved", "cited", "viewed", "consult", "visited", "downloaded",
        "available", "acess", "accedido", "abgerufen", "zugriff", "geraadpleegd", "dispon",
        "verfugbar", "beschikbaar", "recuperad", "opgehaald", "hentet", "hamtad", "haettu",
        "retrived", "retreived", "accesed",
        "van", "from", "tarihinde",
    ),
)  # fmt: skip
"""Any word an access phrase needs: most references have none, and the phrases are not read."""


_SEEN_ON = re.compile(
    r"(?:[\"”]|\.(?=\s))\s*(?P<year>(?:19|20)\d\d)(?:\s+edition)?\s*\((?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+"
    r"(?:19|20)\d\d)\)\s*\.?\s*$"
)
"""A consumer site's sources (HowStuffWorks'): a quoted title, the year, then the day the
page was read in parentheses, ``"What is Sleep Deprivation?" 2017 (Feb. 17, 2017)``."""


_READ_AFTER_ADDRESS = re.compile(
    rf"(?i)\s(?P<date>{MONTH_WORD}\s+\d{{1,2}},?\s+(?:19|20)\d\d|"
    rf"\d{{1,2}}\s+{MONTH_WORD}\s+(?:19|20)\d\d)\.?\s*$"
)
"""A full date after the address that closes an entry, with no word before it: the day the
page was read (MLA's place for it), when the entry gave its own year before the address."""


def take_read_after_address(text: str) -> tuple[str, str | None]:
    """``text`` without a bare date closing it after the address, and that date (ISO where it
    can be read): MLA as students type it, ``... 2017. http://www.chatelaine.com/...
    February 10, 2018.``"""
    if "http" not in text and "www." not in text:
        return text, None
    last = _READ_AFTER_ADDRESS.search(text, max(0, len(text) - 40))
    if last is None:
        return text, None
    before = text[: last.start()].rstrip(" .,")
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    if not token.startswith(("http", "www.")) or not _YEAR.search(
        before, 0, len(before) - len(token)
    ):
        return text, None
    date = last.group("date")
    return before, iso_date(date) or date


def take_access_date(text: str) -> tuple[str, str | None]:
    """``text`` without its access phrase, and the access date (ISO where it can be read)."""
    if text.endswith(")") and ('"' in text or "“" in text) and (seen := _SEEN_ON.search(text)):
        date = seen.group("date")
        return text[: seen.start("year")] + seen.group("year"), iso_date(date) or date
    if "Web." in text and (web := _MLA_WEB.search(text)):  # MLA 7: "... 2007. Web. 20 Mar. 2013."
        date = _GLUED_YEAR.sub(" ", web.group("date"))
        rest = _NO_PUBLISHER.sub("", text[: web.start()]).rstrip()  # "N.p., n.d.": none printed
        return rest, iso_date(date) or date.strip(" ,.")
    if not _ACCESS_WORD.search(text):
        return text, None
    found: str | None = None
    out: list[str] = []
    pos = 0
    if "tarihinde" in text and (turkish := _TURKISH_ACCESS.search(text)):
        # Turkish: the address stays where the phrase was, the date is when it was read.
        when = iso_date(turkish.group("date")) or turkish.group("date")
        kept = text[: turkish.start()] + (turkish.group("url") or "") + text[turkish.end() :]
        rest, other = take_access_date(kept)
        return rest, other or when
    matches = sorted(
        [*_ACCESS.finditer(text), *_FOREIGN_ACCESS.finditer(text)], key=lambda m: m.start()
    )
    for match in matches:
        if match.start() < pos:
            continue
        date = _GLUED_YEAR.sub(" ", match.group("date") or "")  # "25 Sep2014"
        if found is None and date and (_YEAR.search(date) or _NUMERIC_DATE.search(date)):
            found = iso_date(date) or date.strip(" ,.")
        before = text[pos : match.start()]
        if match.group("open") is None:
            before = _UNCLOSED.sub("", before)  # "Available from:[accessed 18 August 2010."
        out.append(before)
        pos = match.end()
    out.append(text[pos:])
    rest = _RETRIEVED_FROM.sub(" ", "".join(out))
    return " ".join(rest.split()), found


def take_published_date(text: str) -> tuple[str, int | None]:
    """``text`` without ``Published ...``, ``Updated ...``, ``Last reviewed ...``; the year."""
    year: int | None = None
    out: list[str] = []
    pos = 0
    for match in _PUBLISHED.finditer(text):
        found = _YEAR.search(match.group("date"))
        if found is None:
            continue
        if year is None:
            year = int(found.group(1))
        out.append(text[pos : match.start()])
        pos = match.end()
    out.append(text[pos:])
    return " ".join("".join(out).split()), year
