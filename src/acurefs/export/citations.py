"""What an exported citation says about a reference: printed fields, corrected by a resolution.

When a reference was resolved to a work (verdict ``verified`` or ``mismatch``),
the export takes the published metadata (full author names, the journal's full
title, the right pages) and the DOI; otherwise it keeps what was printed.
Both exporters (BibTeX, CSL-JSON) read this one view, and both use the same
citation keys.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Kind, Person, Reference, ReferenceIdentity, Verdict

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "for",
        "and",
        "to",
        "with",
        "from",
        "by",
        "at",
        "is",
        "are",
        "as",
        "or",
        "its",
        "into",
        "via",
        "vs",
        "versus",
    ]
)
_TRUSTED = (Verdict.VERIFIED, Verdict.MISMATCH)


@dataclass(frozen=True, slots=True)
class Citation:
    """The fields an exporter writes for one work, and the references that cite it."""

    key: str
    kind: Kind
    authors: tuple[Person, ...]
    authors_truncated: bool
    title: str | None
    journal: str | None
    journal_abbrev: str | None
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    article_number: str | None
    doi: str | None
    pmid: str | None
    pmcid: str | None
    url: str | None
    publisher: str | None
    references: tuple[Reference, ...]
    """Every reference (document, number) this entry stands for."""


def citation_from(reference: Reference, key: str = "") -> Citation:
    """The export view of one reference (with its resolution's record, when trusted)."""
    record = None
    resolution = reference.resolution
    if resolution is not None and resolution.verdict in _TRUSTED:
        record = resolution.record
    if record is None:
        return Citation(
            key=key,
            kind=reference.kind,
            authors=reference.authors,
            authors_truncated=reference.authors_truncated,
            title=reference.title,
            journal=reference.journal,
            journal_abbrev=None,
            year=reference.year,
            volume=reference.volume,
            issue=reference.issue,
            pages=_pages(reference),
            article_number=reference.article_number,
            doi=reference.doi,
            pmid=reference.pmid,
            pmcid=reference.pmcid,
            url=reference.url,
            publisher=reference.publisher,
            references=(reference,),
        )
    kind = Kind.JOURNAL_ARTICLE if record.type in (None, "journal-article") else reference.kind
    if record.type in ("book", "monograph", "edited-book", "reference-book"):
        kind = Kind.BOOK
    return Citation(
        key=key,
        kind=kind,
        authors=record.authors or reference.authors,
        authors_truncated=reference.authors_truncated and not record.authors,
        title=record.full_title or reference.title,
        journal=record.journal or reference.journal,
        journal_abbrev=record.journal_abbrev,
        year=record.year or reference.year,
        volume=record.volume or reference.volume,
        issue=record.issue or reference.issue,
        pages=record.pages or (None if record.article_number else _pages(reference)),
        article_number=record.article_number or reference.article_number,
        doi=record.doi,
        pmid=reference.pmid,
        pmcid=reference.pmcid,
        url=reference.url,
        publisher=record.publisher or reference.publisher,
        references=(reference,),
    )


def _pages(reference: Reference) -> str | None:
    if reference.first_page and reference.last_page:
        return f"{reference.first_page}-{reference.last_page}"
    return reference.pages or reference.first_page


def citations(references: Iterable[Reference]) -> list[Citation]:
    """One citation per distinct work, in order of first appearance, with unique keys.

    The same work cited by several references (same DOI, or same first author,
    year and title) becomes one entry that lists all of them.
    """
    merged: list[Citation] = []
    index: dict[str, int] = {}
    for ref in references:
        cit = citation_from(ref)
        identity = _identity(cit)
        if identity is not None and identity in index:
            i = index[identity]
            merged[i] = _with_reference(merged[i], ref)
            continue
        if identity is not None:
            index[identity] = len(merged)
        merged.append(cit)
    keys = assign_keys(merged)
    return [_with_key(c, k) for c, k in zip(merged, keys, strict=True)]


def _identity(cit: Citation) -> str | None:
    if cit.doi:
        return "doi:" + cit.doi.lower()
    if cit.title and (cit.authors or cit.year):
        family = _ascii(cit.authors[0].family).lower() if cit.authors else ""
        return f"t:{family}:{cit.year}:{_ascii(cit.title).lower()}"
    return None


def _with_reference(cit: Citation, ref: Reference) -> Citation:
    return dataclasses.replace(cit, references=(*cit.references, ref))


def _with_key(cit: Citation, key: str) -> Citation:
    return dataclasses.replace(cit, key=key)


def assign_keys(items: Sequence[Citation]) -> list[str]:
    """Readable keys (``chen2017management``); later collisions get ``b``, ``c``, ... appended."""
    seen: dict[str, int] = {}
    keys = []
    for cit in items:
        base = base_key(cit.authors, cit.year, cit.title)
        count = seen.get(base, 0)
        seen[base] = count + 1
        keys.append(base if count == 0 else base + _suffix(count))
    return keys


def _suffix(count: int) -> str:
    letters = ""
    n = count + 1  # the second entry gets "b"
    while n > 0:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def base_key(authors: Sequence[Person], year: int | None, title: str | None) -> str:
    """``chen2017management``: first author's family name, year, first significant title word."""
    words = [w for w in _words(title or "") if w not in _STOPWORDS]
    if authors and _words(authors[0].family):
        who = "".join(_words(authors[0].family))
        if authors[0].collective:
            who = "".join(w[0] for w in _words(authors[0].family) if w not in _STOPWORDS) or who
    else:
        who = words.pop(0) if words else "ref"
    what = words[0] if words else ""
    return f"{who}{year or ''}{what}" or "ref"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ascii(text).lower())


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


CitationKeys = dict[ReferenceIdentity, str]
"""Citation keys by :attr:`Reference.identity` (document, number, printed text)."""


def citation_keys(references: Iterable[Reference]) -> CitationKeys:
    """Each reference's citation key, looked up by its identity, as the exporters assign them."""
    return {ref.identity: cit.key for cit in citations(references) for ref in cit.references}
