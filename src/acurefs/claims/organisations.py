"""How a claim names an organisation: the evidential test and the claim audit read the same names.

A name is a few capitalised words and a head word (``American Academy of Pediatrics``,
``Gambling Commission``, ``Occupational Safety and Health Administration``), or the head
first with what it is of, for or on (``Association for Palliative Medicine``,
``International Working Group on the Diabetic Foot``).
"""

from __future__ import annotations

import re

from ..text import fold

ORG_HEAD = (
    r"(?:College|Association|Society|Organi[sz]ation|Institutes?|Academy|Agency|Administration|"
    r"Centers?|Centres?|Department|Task\s+Force|Foundation|Council|Collaboration|Committee|"
    r"Federation|Clinic|Commission|Group|Board|Panel|Alliance|Consortium|Authority|Service|"
    r"Executive|Inspectorate|Directorate|Ministry|Bank|Office)"
)
"""The words an organisation's name ends on, or opens with."""
_OF = r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:and\s+|the\s+)?[A-Z][\w&'’-]*){0,4}"
ORG_NAME = rf"(?:(?:[A-Z][\w&'’-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?){{1,6}}{ORG_HEAD}(?:{_OF})?|{ORG_HEAD}{_OF})"
"""An organisation's name, as a regular expression (no groups)."""

_PROPER = r"(?!(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\w&'’-]*"
_JOIN = r"\s+(?:(?:of|for|on|and|&)\s+(?:the\s+)?)?"
PLACE = (
    r"(?:UK|U\.K\.|England|Scotland|Wales|Ireland|Britain|Canada|Australia|America|USA|US|"
    r"NZ|New\s+Zealand|Europe|India|Africa|International|Worldwide|Global)"
)
"""Where a body's name can end: "Cancer Research UK", "Statistics Canada", "Diabetes Australia"."""
_DESCRIBED = (
    r"(?:[a-z][\w-]*\s+){0,3}?(?:charity|organi[sz]ation|group|agency|society|foundation|"
    r"association|regulator|watchdog|body)\s+(?=[A-Z])"
)
NAMED_BODY = (
    rf"(?:(?<=the\s){_DESCRIBED}[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){{0,4}}|"
    rf"(?:(?<=the\s){_PROPER}(?:{_JOIN}{_PROPER}){{0,5}}"
    rf"|{_PROPER}(?:{_JOIN}{_PROPER}){{0,4}}\s+{PLACE}\b"
    rf"|{_PROPER}(?:{_JOIN}{_PROPER}){{2,5}}))"
)
"""A body named without a head word, where the text sets it apart as a name: after "the"
("the Polaris Observatory"), ending on a place ("Cancer Research UK", "Statistics Canada"), or
three capitalised words or more ("Public Health England"), or after what it is ("the mental
health charity Mind"). Two capitalised words alone are as likely a person ("Anthony Fauci"),
and titles and months never start a name."""
BODY_OF_WORDS = rf"(?!(?:The|A|An|{PLACE})\b)(?:{_PROPER}(?:\s+{_PROPER}){{2,4}}|{_PROPER}(?:\s+{_PROPER}){{0,3}}\s+{PLACE}\b)"
"""A body named by three to five capitalised words with nothing between them (``Public Health
England``, ``Cancer Research UK``), or ending on a place (``Health Canada``): the narrow form a
name takes as the subject of "advises"."""
ACCORDING_TO = rf"\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<org>{ORG_NAME}|[A-Z]{{3,6}}\b|{NAMED_BODY})"
"""Who a claim says it is "according to": "according to NICE", "according to the Mayo Clinic",
"according to Cancer Research UK" (a person is not an organisation). One named group, ``org``."""
_DESCRIPTION = re.compile(rf"^{_DESCRIBED}")


def without_description(name: str) -> str:
    """A body's name without what the text says it is: "mental health charity Mind" -> "Mind"."""
    return _DESCRIPTION.sub("", name)


PARENT_BODIES: dict[str, tuple[str, ...]] = {
    "National Institute for Occupational Safety and Health": (
        "Centers for Disease Control and Prevention",
        "Department of Health and Human Services",
    ),
    "National Center for Health Statistics": (
        "Centers for Disease Control and Prevention",
        "Department of Health and Human Services",
    ),
    "Centers for Disease Control and Prevention": ("Department of Health and Human Services",),
    "Food and Drug Administration": ("Department of Health and Human Services",),
    "National Institutes of Health": ("Department of Health and Human Services",),
    "Agency for Healthcare Research and Quality": ("Department of Health and Human Services",),
    "National Cancer Institute": (
        "National Institutes of Health",
        "Department of Health and Human Services",
    ),
    "Office of Dietary Supplements": (
        "National Institutes of Health",
        "Department of Health and Human Services",
    ),
    "International Agency for Research on Cancer": ("World Health Organization",),
    "Public Health England": ("Department of Health and Social Care",),
    "UK Health Security Agency": ("Department of Health and Social Care",),
}
"""Bodies that are part of another: a claim that names the parent of a report's issuer (the CDC
for a NIOSH document) does not contradict it."""


def same_organisation(a: str, b: str) -> bool:
    """The same name, one inside the other, or an acronym of the other (``NICE``: National
    Institute for Health and Care Excellence; ``AASM``), or a body and the body it is part of
    (NIOSH is part of the CDC): a part's work is its parent's too."""
    if _same_name(a, b):
        return True
    return any(
        (_same_name(b, part) and any(_same_name(a, p) for p in parents))
        or (_same_name(a, part) and any(_same_name(b, p) for p in parents))
        for part, parents in PARENT_BODIES.items()
    )


def _same_name(a: str, b: str) -> bool:
    for fa, fb in ((fold(a), fold(b)), (fold(_plain(a)), fold(_plain(b)))):
        if fa in fb or fb in fa:
            return True
    return _acronym_of(a, b) or _acronym_of(b, a)


_BRACKETED = re.compile(r"\s*\([^()]{1,12}\)")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")


def _plain(name: str) -> str:
    """A name without its acronym in brackets and with its initials' stops dropped:
    ``Cholesterol Treatment Trialists' (CTT) Collaboration``, ``U.S. Preventive ...``."""
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), _BRACKETED.sub("", name))


def _acronym_of(short: str, name: str) -> bool:
    if not re.fullmatch(r"[A-Z]{3,6}", short):
        return False
    if re.search(rf"\b{short}\b", name):
        return True
    # a word in capitals gives all its letters: "USPSTF" is "US Preventive Services Task Force"
    words = re.findall(r"[A-Z][\w-]*", name)
    initials = iter("".join(w if w.isupper() and len(w) <= 3 else w[0] for w in words))
    return all(letter in initials for letter in short)  # in order, words may be skipped
