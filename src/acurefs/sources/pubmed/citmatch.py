"""ECitMatch: PMIDs for citations given as journal, year, volume, first page and first author.

A request carries ``bdata``: one citation a line (lines joined by ``\\r``), each
``journal|year|volume|first_page|author|key|``. The answer is plain text, one line a
citation: the same fields with the PMID appended, ``NOT_FOUND;reason`` (``INVALID_JOURNAL``...)
or ``AMBIGUOUS`` with the candidates; a line may be missing altogether. ECitMatch leans on
journal, volume and page: its PMID is a candidate to check against the printed fields,
never an answer.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...models import Reference

__all__ = ["CitationMatch", "CitationQuery", "MatchStatus", "citation_query", "read_answer"]

_UNSAFE = re.compile(r"[|\r\n]+")
_PMID = re.compile(r"\b\d{1,9}\b")


class MatchStatus(str, enum.Enum):
    """What ECitMatch answered for one citation."""

    FOUND = "found"
    NOT_FOUND = "not-found"
    AMBIGUOUS = "ambiguous"
    MISSING = "missing"
    """No line came back for it."""


@dataclass(frozen=True, slots=True)
class CitationQuery:
    """One citation as ECitMatch takes it; ``key`` ties the answer line to it."""

    journal: str
    year: str
    volume: str
    first_page: str
    author: str
    key: str

    def line(self) -> str:
        """``journal|year|volume|first_page|author|key|``, each field cleaned of separators."""
        fields = (self.journal, self.year, self.volume, self.first_page, self.author, self.key)
        return "|".join(_UNSAFE.sub(" ", f).strip() for f in fields) + "|"


@dataclass(frozen=True, slots=True)
class CitationMatch:
    """ECitMatch's answer for one citation: the PMID found, the candidates, or why none."""

    key: str
    status: MatchStatus
    pmids: tuple[str, ...] = ()
    reason: str | None = None


def citation_query(reference: Reference, key: str) -> CitationQuery | None:
    """The ECitMatch citation for a reference, or None when it prints too little to ask
    (a journal and at least two of year, volume and first page are needed)."""
    journal = reference.journal
    first_page = reference.first_page or reference.article_number or ""
    known = [x for x in (reference.year, reference.volume, first_page) if x]
    if not journal or len(known) < 2:
        return None
    author = reference.first_author
    name = ""
    if author is not None and not author.collective:
        name = f"{author.family} {author.initials}".strip()
    return CitationQuery(
        journal=journal,
        year=str(reference.year or ""),
        volume=reference.volume or "",
        first_page=first_page,
        author=name,
        key=key,
    )


def read_answer(text: str, keys: Iterable[str]) -> dict[str, CitationMatch]:
    """Every asked key's match, ``MISSING`` for a key no line answers."""
    wanted = list(keys)
    found: dict[str, CitationMatch] = {}
    for line in text.splitlines():
        parts = line.strip().split("|")
        if len(parts) < 7:
            continue
        key, answer = parts[5].strip(), parts[6].strip()
        if key in wanted and key not in found:
            found[key] = _match(key, answer)
    return {
        k: found.get(k, CitationMatch(k, MatchStatus.MISSING, reason="no line")) for k in wanted
    }


def _match(key: str, answer: str) -> CitationMatch:
    if answer.isdigit():
        return CitationMatch(key, MatchStatus.FOUND, (answer,))
    if answer.upper().startswith("AMBIGUOUS"):
        rest = answer[len("AMBIGUOUS") :]
        pmids = tuple(p for p in _PMID.findall(rest) if len(p) >= 4)
        return CitationMatch(key, MatchStatus.AMBIGUOUS, pmids, reason=answer)
    reason = answer.split(";", 1)[1] if ";" in answer else answer or "empty answer"
    return CitationMatch(key, MatchStatus.NOT_FOUND, reason=reason)
