"""An entry cut into segments at the full stops that end them: not after initials or
abbreviations, not inside a quoted title, a question mark only before a short segment."""

from __future__ import annotations

import re

from .bodies import looks_like_organisation
from .names import NOT_SURNAMES

_ABBREVIATIONS = frozenset(
    """u.s u.k co corp dept no nos vol ed eds edn st dr mr mrs ms prof jr sr e.g i.e etc vs
    pp p ch chap govt univ assoc natl int intl approx fig minn calif mass penn wash n.y d.c ver""".split()
)
_SEGMENT_END = re.compile(
    r"(?<=[^\s])([.?!])([\"”’']{0,2})(?:\s+|(?<=”)(?=[A-Z]))(?=\S)|(?<=[^\s]),([\"”])\s+(?=\S)|"
    r"(?<=[^\s])(”),\s+(?=\S)"
)
"""A stop (and a closing quote) before the next segment; a comma inside a closing quote ends
a quoted title too (``"Reserve Unveils a Key Procedure," The New York Times``)."""

_SITE_END = re.compile(r"\.(?:com|org|net|gov|edu|info)\.?\s*$", re.I)
"""A quoted title that ends on a site's domain (``“Title. Statistics at NationMaster.Com.”``):
the site was quoted with it."""


def segments(text: str) -> list[str]:
    """``text`` cut at full stops that end a segment (not after initials or abbreviations).

    A question or exclamation mark ends a segment only before a short one (a site's name):
    ``Still Confused About Masks? Here's the Science...`` is one title.
    """
    out: list[str] = []
    start = 0
    seen, quoted = 0, False  # whether a curly quote is open at ``seen``
    for match in _SEGMENT_END.finditer(text):
        for char in text[seen : match.start()]:  # one pass over the text in all
            quoted = (quoted or char == "“") and char != "”"
        seen = match.start()
        rest = text[match.end() : match.end() + 300].split("”", 1)
        if (
            quoted
            and "”" not in match.group(0)
            and len(rest) == 2
            and not _SITE_END.search(rest[0])
        ):
            continue  # a stop inside a quoted title: “... in Canada. Here's Why.”
        if match.group(3) or match.group(4):  # ',"' or '”,': a quoted title closed
            out.append(text[start : match.end(3) if match.group(3) else match.end(4)].strip())
            start = match.end()
            continue
        word = re.search(r"([\w.]+)$", text[max(start, match.start() - 40) : match.start()])
        token = word.group(1).lower().strip(".") if word else ""
        quoted_next = text[match.end() : match.end() + 1] in ('"', "“")
        if (
            match.group(1) == "."
            and not quoted_next  # "Hershey, Robert D., Jr. "Title,"": a quoted title follows
            and (token in _ABBREVIATIONS or _initial(token, text, match, start))
            and not (token in ("ed", "eds") and text[: match.start() - 3].rstrip().endswith(","))
        ):
            continue
        if match.group(1) in "?!" and not _short_next(text, match.end()):
            continue
        out.append(text[start : match.end(2)].strip())
        start = match.end()
    out.append(text[start:].strip())
    return [s.strip(" .,;") for s in out if s.strip(" .,;")]


def _short_next(text: str, at: int) -> bool:
    following = re.match(r"[^.?!]*", text[at:])
    nxt = following.group(0) if following else ""
    return len(nxt.split()) <= 4 or looks_like_organisation(nxt)


def _initial(token: str, text: str, match: re.Match[str], start: int) -> bool:
    """Initials before the stop (``Smith J.``, ``S.A.``), but not a lone ``I``, and not the
    capital ending a title (``...Calcium and Vitamin D.``): names are short or listed."""
    before = text[match.start() - 1]
    if not before.isupper():
        return False
    if not ((len(token) == 1 and before != "I") or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)):
        return False
    so_far = text[start : match.start()]
    if len(so_far) > 300:
        return False  # no list of names runs that long without a stop
    before_word = re.search(r"(\w+)\s+\w$", so_far)
    if before_word and before_word.group(1).lower() in NOT_SURNAMES:
        return False  # "... and Vitamin D. Washington": a title's last word
    names = re.split(r",|\s+(?:and|&)\s+", _IN_EDITORS.sub("", so_far))
    return len(so_far.split()) <= 3 or all(len(p.split()) <= 3 for p in names)


_IN_EDITORS = re.compile(r"^\s*In:?\s+")
"""A chapter's ``In:`` before its editors' names (``In: William W. Busse and Stephen T. ...``)."""
