"""Cleaning a printed reference before it is read: one line, its breaks undone.

A reference copied from a PDF or a web page carries the marks of its copy: words broken at a
line's end, a line's number, an address split by a wrapped line, a note's way back to its
marker, Markdown emphasis, stops glued to the next word. :func:`clean` undoes them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import LETTER, LOWER, NAME_PARTICLE_PATTERN, UPPER
from .gost import from_gost
from .tails import MONTH

_BROKEN_HOST = re.compile(
    r"https?://[\w-]+(?:\.[\w-]+)*\.\s+(?=[a-z0-9][\w-]*[./])|https?://\s+(?=[\w-]+\.[\w-])|"
    r"https?://[^\s/]+(?:/[^\s/]+)*/\s+(?=[\w-]+(?:/|\.\s?(?:pdf|html?|aspx?|php|docx?|xlsx?)\b))|"
    r"https?://\S+\.\s+(?=(?:pdf|html?|aspx?|php|docx?|xlsx?)\b)"
)
"""An address broken by a space after a stop in its host (``https://www. sciencedirect.com/``),
after its scheme (``http:// ihp.lk/``), after a slash before the next part of its path
(``/publications/ docs/HES1805.pdf``) or before a file's extension (``PHSR2012. pdf``): a
copy of a wrapped line. A host never ends on a stop."""
_HYPHEN_BREAK = re.compile(rf"[-‐](?<=[{LETTER}][-‐])\s*\n\s*(?=[{LOWER}])")
"""A word broken at a line's end (``Endo-\\nscopic``). Each pattern here that is searched in
every reference starts with what it matches, not with a look-behind: the regex engine then
skips to the places that can match instead of trying every position."""
_LINE_NUMBER = re.compile(r"\n[ \t]*\d{1,3}\.[ \t]*\n")
_SPACE_BEFORE_PERIOD = re.compile(r"\s+\.(?=\s|[A-Z])")

_EMPHASIS = re.compile(
    r"(?<![\w*\\])(\*{1,2})(?=[^\s*])([^*\n]+?)(?<=[^\s*])\1(?![\w*])(?!\s*[,.;]?\s*\d)"
)
"""Markdown emphasis that marks a work's own title (``(2022). *Mental Health*. https://``,
``In *Book title* (pp. 1-9)``), not a journal before its year or volume (``*Circulation*
2014``, ``*J Pain*, 28(6)``: the parser reads those as journals)."""
_EMPHASISED_LINK = re.compile(
    r"(?<![\w*])([_*]{1,2})(\[[^\[\]]{1,400}\]\([^()\s]{1,400}\))\1(?![\w*])"
)
"""A Markdown link in italics or bold: the link is what the parser reads (its text, a title)."""
_ITALIC_ET_AL = re.compile(r"(?<!\w)_(et\s+al\.?,?)_(?!\w)")
_WORD_ET_AL = re.compile(r",?\s*&\s*al,\s*e\.(?=\s|$)")
"""Word's citation manager given "et al." as an author's name: it prints ``Raine, C., & al,
e.``."""
_ET_ALL = re.compile(r"\bet\.?\s+all\b\.?(?=\s*[,.]?\s+[A-Z(]|\s*$)")
_LINK_TITLE = re.compile(r"\]\((\S{1,400}?)\s+(?:\"[^\"\n]{0,400}\"|'[^'\n]{0,400}')\)")
"""A Markdown link's title (its tooltip) after the address: ``[text](url "title")``."""
_ANGLED_LINK = re.compile(r"<\s*(\[[^\[\]]{1,400}\]\([^()\s]{1,400}\))\s*>")
_STRAY_STAR = re.compile(r"(?<![\w*])\*(?=\*\*[^\s*][^*\n]{0,300}?[^\s*]\*\*(?!\*))")
"""A third asterisk opening bold that closes with two (``***Carl J. Lavie, 2023**:``)."""
_YEAR_MONTH_DAY = re.compile(
    r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"(?:-(?P<day>\d{1,2}))?\b"
)
"""A date with its month's name between the year and the day (``2021-Apr-13``, ``2017-Dec``)."""
_MARKED_DEGREES = re.compile(
    r"\s+(?:(?:MD|PhD|DO|BA|BS|BSc|MA|MS|MSc|MPH|MBA|RN|ATC|PT|DPT|FRCS|FACS|FRCP|MBBS|BM)\.?,?\s*)+"
    r"[*†‡§∥¶]+(?:,\s*[*†‡§∥¶]+)*(?:\s*(;)|(?=\s+[A-Z]))"
)
"""A journal site's authors (LWW's): degrees and affiliation marks after each name, a
semicolon between people (``Feeley, Brian T. MD*; Agel, Julie MA, ATC† Title``); the last
one's marks end the authors."""


_ORDINAL_DAY = re.compile(
    r"(?i)\b((?:last\s+)?(?:accessed|retrieved|viewed)(?:\s+on)?:?)\s*([0-3]?\d)(?:st|nd|rd|th)\s*"
    rf"(?={MONTH})"
)
"""An access date's day with its ordinal before the month's name (British ``accessed 3rd
December 2021``, ``accessed 26thNovember 2021``), read as ``accessed 3 December 2021``."""
_GLUED_STOP = re.compile(
    r"(?<=[a-z]{2}\.)(?=[A-Z][a-z])(?!(?:Com|Org|Net|Gov|Edu)\b)|(?<=[a-z]{3}\.)(?=[A-Z]{2})|"
    r"(?<=[a-z]{2}\.)(?=(?:1[6-9]|20)\d\d\b)|"
    r"(?<=\bat:)(?=https?://|www\.)"
)
"""A stop with no space after it: ``Excellence.Dementia``, ``Organization.BMI``, ``for
All.2021``, ``at:http``; not a site's name (``NationMaster.Com``)."""
_GLUED_STOP_HINT = re.compile(r"\.[A-Z12]|at:[hw]")
"""What every :data:`_GLUED_STOP` has at its place (a walk of its look-behinds is slow)."""
_DOCUMENT_TYPE = re.compile(r"\s?\[(?:[JMCDRNSPAZG]|EB|[JMC]/OL|EB/OL|DB/OL|CP/DK)\](?=[\s.,;:]|$)")
_CODED_KIND = re.compile(r"\[(?P<code>[JMRND])(?:/OL)?\](?=[\s.,;:]|$)")
_CODES = {"J": "journal-article", "M": "book", "R": "report", "N": "news", "D": "report"}


def coded_kind(raw: str) -> str | None:
    """The kind GB/T 7714's code says a work is (``[J]`` an article, ``[M]`` a book, ``[R]`` a
    report, ``[N]`` a newspaper's, ``[D]`` a thesis, filed as a report); None for the codes
    that say only where it is (``[EB/OL]``, an online resource)."""
    match = _CODED_KIND.search(raw) if "[" in raw else None
    return _CODES[match.group("code")] if match else None


"""GB/T 7714's code for the kind of document after a title (``...in Sri Lanka[J].``,
``Title [M]. Beijing: ...``, ``[EB/OL]``): what the list says the work is, not its title."""
_FORMAT_NOTE = re.compile(
    r"\s*\((?:(?:pdf|docx?|xlsx?|html?)(?:,\s*[^()]{1,60})?|[\w-]+\.(?:se|no|dk|fi|nl|de|gr|uk|com|org|"
    r"net|gov))\)\.?$",
    re.I,
)
"""A note at the entry's end of the file's format or the site it is on: ``(pdf)``, ``(pdf,
medscinet.com)``, ``(mfof.se)``: no part of the work's title or its publisher."""
_ARCHIVED = re.compile(
    r"(?i)\s*(?:\(archived\s+by\s+webcite®?\s+at\s+[^()\s]*\)|\[webcite\s+cache\s+id\s+[^\]]*\])\.?"
)
"""Where WebCite archived the page (``(Archived by WebCite® at http://...)``, JMIR's ``[WebCite
Cache ID 746pXZ3d7]``): a note on the copy, no part of the work."""
_BACKLINK = re.compile(r"[↵↩⏎][\ufe0e\ufe0f]?\d*")
_ROLE = re.compile(
    r"(?<=[\w.])\s*\((?:Host|Co-host|Director|Producer|Executive\s+Producer|Writer|Presenter|"
    r"Interviewer|Speaker|Creator|Narrator|Moderator|Performer|Composer)s?\)(?=\s*[.,;&]|\s+and\s)"
)
"""APA's role after a name, for podcasts, videos and talks: ``Dubner, S. J. (Host).``: no part
of the name (an editor's ``(Ed.)`` is read with the book)."""
"""A note's way back to its marker (``↩``, ``↩2``, HighWire's ``↵``): never part of it."""
_BACKLINK_CHARS = "↵↩⏎"
_LINK_TOKEN = re.compile(r"(?i)^(?:<?https?://|<?www\.|doi:|10\.\d)")
_INNER_ADDRESS = re.compile(r"(?i)https?://|www\.")


def _day_month_year(match: re.Match[str]) -> str:
    day = match.group("day")
    return f"{day + ' ' if day else ''}{match.group('month')} {match.group('year')}"


def _unglued(text: str) -> str:
    """Spaces after stops that run into the next word or year, outside addresses and DOIs."""
    if _GLUED_STOP_HINT.search(text) is None:  # most references: nothing to look at word by word
        return text
    return " ".join(_unglued_word(word) for word in text.split(" "))


def _unglued_word(word: str) -> str:
    """One word unglued up to an address it runs into (``information.](http://www.Web...``)."""
    if _LINK_TOKEN.match(word):
        return word
    address = _INNER_ADDRESS.search(word)
    if address is None:
        return _GLUED_STOP.sub(" ", word)
    return _GLUED_STOP.sub(" ", word[: address.start()]) + word[address.start() :]


def _without_space(match: re.Match[str]) -> str:
    return match.group(0).rstrip()


_GUILLEMETS = re.compile(r"(?:(?<=^)|(?<=[,.:]\s))«\s*([^«»]{1,400}?)\s*»(?=\s*[,.;]|\s*$)")
"""A title in French quotation marks between commas or stops, ``Wikipédia, « Démographie du
Nigeria », ...`` (not a phrase quoted inside a title, ``La «serpiente» del gasto``)."""


@lru_cache(maxsize=64)  # the resolver cleans the string it searches for, then checks it
def clean(text: str) -> str:
    """One line, normalised: joined line breaks (undoing hyphenation), single spaces, no
    Markdown emphasis on a title, a space after a stop glued to the next word."""
    text = unicodedata.normalize("NFC", text)
    if "\n" in text:
        text = _LINE_NUMBER.sub(" ", text)  # "Gaber \n94. \nAO." - a PDF's line number
        text = _HYPHEN_BREAK.sub("", text)
    if any(char in text for char in _BACKLINK_CHARS):
        text = _BACKLINK.sub(" ", text)
    text = " ".join(text.split())
    if " // " in text or ". – " in text or ". — " in text or not text.isascii():
        text = from_gost(text)  # "Заглавие // Журнал. – 2010. – Т. 5, № 2. – С. 10–15."
    if "://" in text:
        for _ in range(3):  # "http:// ihp.lk/docs/ HP1607. pdf": one break after another
            joined = _BROKEN_HOST.sub(_without_space, text)
            if joined == text:
                break
            text = joined
    if any(mark in text for mark in "*†‡§∥¶"):
        text = _MARKED_DEGREES.sub(lambda m: m.group(1) or ".", text)  # "Feeley, B. MD*;"
    if "_et" in text:
        text = _ITALIC_ET_AL.sub(r"\1", text)  # "M Taquet, _et al._, Title"
    if "& al, e." in text:
        text = _WORD_ET_AL.sub(", et al.", text)  # "Raine, C., & al, e. (2020)"
    if " all" in text:
        text = _ET_ALL.sub("et al.", text)  # "Ahammed Benojoir et. all.": a slip for "et al."
    if "](" in text:
        text = _LINK_TITLE.sub(r"](\1)", text)  # '[text](url "title")': the link's tooltip
        text = _ANGLED_LINK.sub(r"\1", text)  # OSCOLA's '<[url](url)>'
        text = _EMPHASISED_LINK.sub(r"\2", text)  # "_[Health online 2013.](http://...)_"
    if "*" in text:
        text = _EMPHASIS.sub(r"\2", _STRAY_STAR.sub("", text))
    if "[" in text:
        text = _DOCUMENT_TYPE.sub("", text)
    if "(" in text and _ROLE.search(text, 0, 400):
        text = _ROLE.sub("", text, count=3)  # "Dubner, S. J. (Host). (2024, ...)"
    if "ebCite" in text:
        text = _ARCHIVED.sub("", text)
    if text.endswith((")", ").")):
        text = _FORMAT_NOTE.sub("", text)
    if "." in text:
        text = _unglued(text)
    if "-" in text:
        text = _YEAR_MONTH_DAY.sub(_day_month_year, text)  # "2021-Apr-13": "13 Apr 2021"
    if "ccessed" in text or "etrieved" in text or "iewed" in text:
        text = _ORDINAL_DAY.sub(r"\1 \2 ", text)  # "accessed 3rd December 2021"
    if "«" in text:
        text = _GUILLEMETS.sub(r"“\1”", text)  # French quotes, read as the English ones
    if " ," in text:
        text = text.replace(" ,", ",")  # "Levy ML , Andrews R": spaces before commas
    if " ." in text:
        text = _SPACE_BEFORE_PERIOD.sub(
            ". ", text
        )  # "motor skill .Exp Brain Res" -> "skill. Exp ..."
    return text


# A complete source tail ("7, 366-378." / "143:251-256.") followed by the author list of another
# reference ("van Duinen, H.," / "Nishibori, A.,"): two references run together in one entry.
_RUN_TOGETHER = re.compile(
    rf"\d+(?:\s*\([^)]{{1,12}}\))?\s*[,:(]\s*\d+\s*[-–]\s*\d+\.?(?:\s*\((?:1[6-9]|20)\d\d\))?(?:\s+doi:\s*\S*)?\s+(?:\d{{1,3}}\.\s+)?"
    rf"(?:{NAME_PARTICLE_PATTERN}\s+)*[{UPPER}][{LOWER}'’-]+(?:\s+[{UPPER}][{LOWER}'’-]+)?,\s+[{UPPER}]\.(?:\s?[{UPPER}]\.)*,"
)


def looks_like_two_references(text: str) -> bool:
    """Whether a string holds two references run together (an extraction accident)."""
    return bool(_RUN_TOGETHER.search(clean(text)))
