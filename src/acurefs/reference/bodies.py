"""Organisations as authors: whether a segment names a body (``NHS``, ``World Health
Organization``, ``Centers for disease control and prevention``) and the collective
:class:`~acurefs.models.Person` s it names."""

from __future__ import annotations

import re

from ..models import Person
from .names import FOREIGN_ORG_HEADS, VANCOUVER_AUTHORS
from .tails import MONTH, YEAR
from .titles import DOCUMENT_WORDS, is_journal_name

ORG_WORDS = re.compile(
    r"(?i)\b(?:organi[sz]ation|institutes?|institution|association|society|college|academy|"
    r"agency|cent(?:er|re)s?|department|dept|ministry|council|committee|commission|foundation|"
    r"federation|board|office|bureau|services?|administration|authority|trust|network|"
    r"collaboration|consortium|task\s?force|initiative|alliance|coalition|university|hospital|clinic|"
    r"united\s+nations|"
    r"laboratory|programme|program|partnership|government|parliament|house\s+of\s+commons|fund|"
    r"observatory|directorate|inspectorate|registry|project|tribunal|ombudsman|team|"
    r"inc|ltd|llc|plc|gmbh|corporation|"
    rf"senate|congress|staff|library|statistics|health\s+england|public\s+health\s+\w+|nhs\b\s*\w*|"
    rf"{FOREIGN_ORG_HEADS})\b"
)
ACRONYM_NAME = re.compile(
    r"^(?:[A-Z][A-Za-z0-9&.-]{0,3}[A-Z0-9.](?:\s*\([^)]{2,80}\))?|\([A-Z]{2,8}\)\s*\S+|"
    r"[A-Z]{2,8}(?:/[A-Z]{2,8})+)$"
)

COUNTRY_CHARITY = re.compile(
    r"(?:[A-Z][\w'’-]+\s+(?:[+&]\s+)?){1,3}"
    r"(?:UK|USA|Australia|Canada|Ireland|Scotland|Wales|Cymru|New\s+Zealand|India|Africa)"
)
"""A charity named for its cause and its country: ``Diabetes UK``, ``Asthma + Lung UK``,
``Alzheimer Scotland``, ``Diabetes Australia`` (no person's initials: ``UK``)."""


_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&]{1,11}\)$")


def looks_like_organisation(text: str) -> bool:
    """Whether a segment names an organisation (``NHS``, ``World Health Organization``,
    ``Centers for disease control and prevention``, ``PHE (Public Health England)``)."""
    text = text.strip(" .,;:")
    if not text or len(text) > 200 or ":" in text or "“" in text or '"' in text:
        return False  # a name holds no colon and no quoted title
    if ACRONYM_NAME.match(text) or COUNTRY_CHARITY.fullmatch(text):
        return True
    if VANCOUVER_AUTHORS.match(text):
        return False  # "Smith J. Public health in Wales": a person, then a title
    words = _ACRONYM_AFTER.sub("", text).split()  # "... Network (SIGN)": the name's last word
    if len(words) > 14 or not ORG_WORDS.search(text):
        return False
    if ORG_WORDS.fullmatch(words[-1]) and words[0][:1].isupper() and words[0] not in ("A", "An"):
        return True  # "... Task Force", "... Clinic", "Scottish Intercollegiate Guidelines Network"
    if DOCUMENT_WORDS.search(text):
        return False
    if ORG_WORDS.match(text):
        return True  # "Centers for ...", "Department of ..."
    # A title reads as prose: several lower-case words that are not "of", "and", "for"...
    prose = [w for w in words if w[:1].islower() and w not in SMALL_WORDS]
    capitals = [w for w in words if w[:1].isupper()]
    return len(prose) <= max(1, len(capitals) // 2)


def looks_like_a_name(text: str) -> bool:
    """A short name in capitals alone (``Hartford HealthCare``, ``Grand View Research``,
    ``NewHope360``): an organisation when a longer title follows it."""
    words = text.strip(" .,;").split()
    return (
        1 <= len(words) <= 4
        and ":" not in text
        and all(w[:1].isupper() or w[:1].isdigit() or w in SMALL_WORDS for w in words)
        and not DOCUMENT_WORDS.search(text)
    )


SMALL_WORDS = frozenset("of and for the on in to at &".split())


def organisations(text: str) -> tuple[Person, ...]:
    """One or several organisations as collective authors (``A, B, C.`` when each is one)."""
    text = text.strip(" .,;:")
    names = [n.strip() for n in re.split(r"\s*[;,]\s*", text)]
    if len(names) > 1 and all(looks_like_organisation(n) for n in names):
        return tuple(Person(family=n, collective=True) for n in names)
    if partners := _PARTNERS.search(text):
        # A survey's bodies: "Ministry of Health, Nepal; New ERA; and ICF", "NSO [Malawi] and ICF"
        names = [*re.split(r"\s*;\s*", text[: partners.start()]), partners.group(1)]
        return tuple(Person(family=n, collective=True) for n in names if n)
    return (Person(family=text, collective=True),)


_PARTNERS = re.compile(
    r"[;,]?\s+and\s+((?:[A-Z][\w&'’.-]*\s+){0,2}?[A-Z]{2,}(?:\s+[A-Z][\w.]*){0,2})$"
)
"""A body named by its acronym after the first's name (``and ICF``, ``and ICF International``,
``and ORC Macro``, ``and NHS Improvement``): a partner, not part of the first's name."""


def all_organisations(text: str) -> bool:
    names = [n for n in re.split(r"\s*[;,]\s*", text.strip(" .,;:")) if n]
    return len(names) > 1 and all(looks_like_organisation(n) for n in names)


_PUBLISHER_THEN_YEAR = re.compile(rf"^(?P<name>[^;]{{2,100}}?)\s*[;,]\s*{YEAR}[a-z]?$")
_BODY_THEN_MONTH = re.compile(rf"^(?P<name>[^;,]{{2,100}}?),\s*{MONTH}\.?\s+{YEAR}$")
"""A body and the month it issued the work: ``Cornucopia Institute, January 2008``."""
_PUBLISHER_WORDS = re.compile(r"(?i)\b(?:press|publish\w*|books|fund|trust|institute|foundation)\b")


def published_by(last: str) -> bool:
    """A closing ``Publisher; 2021`` or ``Place, Publisher, 1933``, not a journal and its year."""
    match = _PUBLISHER_THEN_YEAR.match(last)
    if match is None:
        dated = _BODY_THEN_MONTH.match(last)
        return dated is not None and looks_like_organisation(dated.group("name"))
    name = match.group("name").strip(" ,.;")
    if is_journal_name(name):
        return False
    return looks_like_organisation(name) or "," in name or bool(_PUBLISHER_WORDS.search(name))


_NEWS = re.compile(
    r"(?i)\b(?:new\s+york\s+times|ny\s?times|washington\s+post|wall\s+street\s+journal|"
    r"los\s+angeles\s+times|guardian|telegraph|independent|times|daily\s+\w+|bbc(?:\s?news)?|cnn|"
    r"npr|reuters|associated\s+press|ap\s+news|bloomberg|forbes|newsweek|the\s+atlantic|"
    r"sciencedaily|science\s+daily|stat\s+news|healthday|kaiser\s+health\s+news|"
    r"the\s+conversation|vox|usa\s+today|financial\s+times|economist|yahoo\s+(?:finance|news)|"
    r"huffpost|huffington\s+post|time\s+magazine|new\s+yorker|nbc\s+news|cbs\s+news|abc\s+news|"
    r"new\s+scientist|scientific\s+american|globe\s+and\s+mail|toronto\s+star|le\s+monde|"
    r"le\s+devoir|le\s+figaro|der\s+spiegel|sydney\s+morning\s+herald|irish\s+times|axios|politico|"
    r"fox\s+news|news|newspaper|gazette|herald|tribune|chronicle|magazine|boston\s+globe)\b"
)
_PAPER_WORDS = (
    r"times|news|newspaper|gazette|herald|tribune|chronicle|magazine|guardian|telegraph|independent"
)
"""Words any paper's name may hold."""
_NEWS_WORD = re.compile(rf"(?i)\b(?:{_PAPER_WORDS}|daily)\b")
_NEWS_WORD_LAST = re.compile(
    rf"(?i)\b(?:{_PAPER_WORDS})(?:\s+of\s+[A-Z][a-z]+)?(?=\s*(?:[,.;:(]|$))|^(?:the\s+)?daily\s+\w+"
)
_NEWS_NAME = re.compile(
    r"(?i)\b(?:new\s+york\s+times|washington\s+post|wall\s+street\s+journal|bbc|cnn|npr|reuters|"
    r"associated\s+press|bloomberg|forbes|newsweek|atlantic|stat\s+news|vox|usa\s+today|axios|politico|"
    r"economist|huffpost|le\s+monde|der\s+spiegel|globe\s+and\s+mail)\b"
)
"""Names of outlets that need no generic word at their end."""


def is_news_outlet(name: str) -> bool:
    """A newspaper, news agency or news site by its name (``The Straits Times``, ``Reuters``)."""
    name = name.strip(" .,")
    if not 0 < len(name.split()) <= 6 or not names_news(name):
        return False
    head = re.split(r"[,(]", name)[0].split()  # "FT Magazine, December 2008": before the date
    if any(
        not (w[:1].isupper() or w in SMALL_WORDS or w == "&") or any(c.isdigit() for c in w)
        for w in head
    ):
        return False  # "figures show (2023) The Guardian": words of a title, not a paper's name
    # A word any paper's name may hold ends the name ("The Straits Times", "Kaiser Health
    # News"); inside a title it is a word ("ADHD Waiting Times and Referrals")
    return (
        bool(_NEWS_NAME.search(name))
        or not _NEWS_WORD.search(name)
        or bool(_NEWS_WORD_LAST.search(name))
    )


def names_news(text: str) -> bool:
    """Words of a news outlet, and none of an organisation's (``Health News Service`` is one)."""
    return bool(_NEWS.search(text)) and not ORG_WORDS.search(text)
