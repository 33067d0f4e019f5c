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
    container: str | None = None
    """Where a work that is not a journal article appeared: the site, the book, the newspaper."""
    accessed: str | None = None

    @property
    def export_kind(self) -> Kind:
        """The kind both exporters write: an article without a journal is a plain document
        (styles need the journal of an article), so BibTeX and CSL-JSON always agree."""
        if self.kind is Kind.JOURNAL_ARTICLE and not self.journal:
            return Kind.UNKNOWN
        return self.kind


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
            container=reference.container,
            accessed=reference.accessed,
        )
    kind = _RECORD_KINDS.get(record.type or "journal-article", reference.kind)
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
        doi=record.doi or None,  # a work PubMed alone holds may have none
        pmid=record.pmid or reference.pmid,  # PubMed's PMID, not a printed one it refuted
        pmcid=record.pmcid or reference.pmcid,
        url=reference.url,
        publisher=record.publisher or reference.publisher,
        references=(reference,),
        container=None if kind is Kind.JOURNAL_ARTICLE else reference.container,
        accessed=reference.accessed,
    )


_RECORD_KINDS = {
    "journal-article": Kind.JOURNAL_ARTICLE,
    "book": Kind.BOOK,
    "monograph": Kind.BOOK,
    "edited-book": Kind.BOOK,
    "reference-book": Kind.BOOK,
    "book-chapter": Kind.CHAPTER,
    "book-section": Kind.CHAPTER,
    "report": Kind.REPORT,
    "posted-content": Kind.REPORT,
    "standard": Kind.GUIDELINE,
}
"""Crossref's work types and the kinds they export as (others keep the printed kind)."""


def _pages(reference: Reference) -> str | None:
    if reference.first_page and reference.last_page:
        return f"{reference.first_page}-{reference.last_page}"
    return reference.pages or reference.first_page


def citations(references: Iterable[Reference]) -> list[Citation]:
    """One citation per distinct work, in order of first appearance, with unique keys.

    The same work cited by several references (same DOI, or same first author, year and
    title, with no journal, volume, pages or DOI that disagree) becomes one entry that
    lists all of them. Two works that merely share an author, a year and a title stay two.
    """
    merged: list[Citation] = []
    index: dict[str, list[int]] = {}
    for ref in references:
        if not isinstance(ref, Reference):
            raise TypeError(
                f"Exporters take Reference records, not {type(ref).__name__}: "
                "parse strings with acurefs.parse_reference first"
            )
        cit = citation_from(ref)
        identity = _identity(cit)
        same = next(
            (i for i in index.get(identity or "", []) if not _conflict(merged[i], cit)), None
        )
        if same is not None:
            merged[same] = _with_reference(merged[same], ref)
            continue
        if identity is not None:
            index.setdefault(identity, []).append(len(merged))
        merged.append(cit)
    keys = assign_keys(merged)
    return [_with_key(c, k) for c, k in zip(merged, keys, strict=True)]


def _conflict(a: Citation, b: Citation) -> bool:
    """Whether two entries that look alike print something that tells them apart."""
    for x, y in ((a.doi, b.doi), (a.volume, b.volume), (a.pages, b.pages)):
        if x and y and x.lower() != y.lower():
            return True
    if a.journal and b.journal and _ascii(a.journal).lower() != _ascii(b.journal).lower():
        return True
    return bool(a.article_number and b.article_number and a.article_number != b.article_number)


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
    """Readable keys (``chen2017management``), unique: later collisions get ``b``, ``c``, ...

    A suffixed key never takes a key another entry has or will have as its own
    (``acupuncture`` + ``b`` is not the base key of a title "Acupuncture B"'s entry).
    """
    bases = [base_key(cit.authors, cit.year, cit.title) for cit in items]
    taken: set[str] = set()
    counts: dict[str, int] = {}
    keys = []
    reserved = set(bases)
    for base in bases:
        key = base
        if key in taken:
            count = counts.get(base, 1)
            while (key := base + _suffix(count)) in taken or key in reserved:
                count += 1
            counts[base] = count + 1
        taken.add(key)
        keys.append(key)
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
