"""References in the Russian standard's form (GOST 7.1 and 7.0.5), as lists from Russia,
Belarus, Ukraine, Kazakhstan and Bulgaria print them, in Cyrillic or transliterated, read as
the Vancouver form the parser knows.

``Иванов И.И. Заглавие // Журнал. – 2010. – Т. 5, № 2. – С. 10–15.`` is an article:
``//`` opens the work it appeared in, ``. –`` separates the parts, ``Т.`` is the volume,
``№`` the issue and ``С.`` the pages, so it reads as ``Иванов И.И. Заглавие. Журнал.
2010;5(2):10–15.`` A book, ``Шахотько Л.П. Заглавие / Л.П. Шахотько. – Минск: Наука и
техника, 2009. – 439 с.``, loses its statement of who wrote it (the authors open the entry)
and its page count: ``Шахотько Л.П. Заглавие. Минск: Наука и техника, 2009.`` Where the
title comes first, the names after its slash are the authors and move to the front.
"""

from __future__ import annotations

import re

from .tails import YEAR

_SIGNS = re.compile(r"\s//\s|\.\s[–—]\s|[А-Яа-яЁё]|\[Elektronnyy\s+resurs\]")
"""What a GOST entry prints and others do not: ``//``, ``. –``, Cyrillic, the tag of an online
resource transliterated."""
_RESOURCE = re.compile(
    r"\s*\[(?:Электронный\s+ресурс|Elektronnyy\s+resurs|Electronic\s+resource)\]"
)
_ACCESS = re.compile(r"(?i)\b(?:Режим\s+доступа|Rezhim\s+dostupa)\s*:")
_AREA = re.compile(r"\.\s[–—]\s")
"""The stop and dash between a GOST entry's parts: ``Заглавие. – Минск``."""
_PLACE = r"[A-ZА-ЯЁ][\w-]*(?:\s[\w-]+){0,2}\.?:\s"
"""A place of publication before its publisher: ``Минск:``, ``М.:``, ``New York:``."""
_AREA_SPACED = re.compile(rf"\s[–—]\s(?=(?:{_PLACE}|{YEAR}\b|[TТСCSP]\.\s?\d|№))")
"""A dash between parts after no stop: ``Belarus / L.P. Shahotko – Minsk: ...``."""
_IN = re.compile(r"\s//\s")
_YEAR_DASH = re.compile(r"(?<=\w)\.?\s?[-–—]\s?(?=" + YEAR + r"\.?\s*$)")
"""``N. Engl. J. Med.-1982``: the year after a dash at the entry's end."""
_ET_AL = re.compile(r"\s+и\s+др\.")
_NUMBERS = re.compile(
    rf"(?P<year>{YEAR})[a-zа-я]?\s*[.,]\s*"
    r"(?:(?:Т|T|Tom|Том|Vol|vol)\.?\s*(?P<volume>\d{1,4})\s*[.,]?\s*)?"
    r"(?:(?:№|N|No|no|Nr|Вып|Vyp)\.?\s*(?P<issue>\d{1,4}(?:\s*\(\d{1,4}\))?)\s*[.,]?\s*)?"
    r"(?:(?:С|C|S|P|pp?)\.\s*(?P<pages>\d{1,6}(?:\s*[-–]\s*\d{1,6})?))?\s*\.?\s*$"
)
"""A journal's numbers at the entry's end, GOST's way: ``2010. Т. 5, № 2. С. 10–15``,
``2013, no. 5 (67)``."""
_LOCATOR = re.compile(
    rf"(?<={YEAR})\.?\s+(?:[СCSP]\.\s*\d{{1,5}}(?:\s*[-–]\s*\d{{1,5}})?(?:\s*,\s*\d{{1,5}})*|\d{{1,5}}\s*[сcsp]\.)\.?\s*$"
)
"""After a book's year, the pages cited (``С. 145, 148``) or its page count (``439 с.``)."""
_RESPONSIBILITY = re.compile(
    rf"\s/\s(?P<who>[^/]{{2,200}}?)(?P<end>[.;]?\s+(?={_PLACE})|\.?\s*$|;\s*)"
)
"""A title's statement of who wrote or edited it: `` / Л.П. Шахотько`` before the place."""
_FAMILY_FIRST = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’-]+,?\s+[A-ZА-ЯЁ]\.")
"""An entry opening on a name, family first: ``Шахотько Л.П.``, ``Shahotko, L.P.``."""
_CITIES = {"М": "Москва", "M": "Moscow", "СПб": "Санкт-Петербург", "SPb": "St Petersburg"}
_CITY = re.compile(r"(?<![\w.])(?P<city>М|M|СПб|SPb)\.\s?:\s")
"""The two cities GOST abbreviates before a publisher: ``М.: Наука``, ``СПб.: Питер``."""
_EDITED = re.compile(r"(?i)^(?:под\s+(?:общ\.\s+)?ред|pod\s+red|ed\.?\s+by|сост|sost)\b")


def from_gost(text: str) -> str:
    """``text`` with GOST's marks read as Vancouver's; unchanged where it prints none."""
    if not _SIGNS.search(text):
        return text
    text = _RESOURCE.sub("", text)
    text = _ACCESS.sub("Available from:", text)
    text = _ET_AL.sub(" et al.", text)
    text = _AREA.sub(". ", text)
    text = _AREA_SPACED.sub(". ", text)
    text = _CITY.sub(lambda m: f"{_CITIES[m.group('city')]}: ", text)
    text = _responsibility(text)
    if _IN.search(text):
        text = _IN.sub(lambda m: " " if text[m.start() - 1] == "." else ". ", text, count=1)
        text = _YEAR_DASH.sub(". ", text)
        text = _vancouver_numbers(text)
    text = _LOCATOR.sub(".", text)
    return text


def _responsibility(text: str) -> str:
    """The statement after a title's slash dropped; its names moved to the front where no
    name opens the entry."""
    found = _RESPONSIBILITY.search(text)
    if found is None:
        return text
    who = found.group("who").strip(" .;")
    rest = text[: found.start()] + ". " + text[found.end() :]
    if _FAMILY_FIRST.match(text) or _EDITED.match(who):
        return rest  # the authors are named already, or these are the editors
    return f"{who}. {rest}" if re.search(r"[A-ZА-ЯЁ]\.", who) else rest


def _vancouver_numbers(text: str) -> str:
    """A journal's year, volume, issue and pages at the end, as ``2010;5(2):10–15``."""
    found = _NUMBERS.search(text)
    if found is None or not (found.group("volume") or found.group("issue") or found.group("pages")):
        return text
    volume, issue, pages = found.group("volume", "issue", "pages")
    issue = issue.split("(")[0].strip() if issue else None
    numbers = f"{found.group('year')};{volume or ''}{f'({issue})' if issue else ''}"
    return text[: found.start()] + numbers + (f":{pages}." if pages else ".")
