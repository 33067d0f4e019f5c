"""CSL-JSON export, for Pandoc, Zotero and citeproc processors.

Same entries, keys and kinds as the BibTeX export (:mod:`.citations`). An article number
goes to ``page`` when the work has no page range, as BibTeX's ``pages`` does: citeproc
styles print ``page`` and drop ``number`` for articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..models import Kind, Reference
from .bibtex import dotted_initials
from .citations import Citation, citations

_TYPES = {
    Kind.JOURNAL_ARTICLE: "article-journal",
    Kind.BOOK: "book",
    Kind.CHAPTER: "chapter",
    Kind.REPORT: "report",
    Kind.GUIDELINE: "report",
    Kind.WEB_PAGE: "webpage",
    Kind.NEWS: "article-newspaper",
    Kind.UNKNOWN: "document",
}


def to_csl_item(cit: Citation) -> dict[str, Any]:
    """One CSL-JSON item."""
    kind = cit.export_kind
    item: dict[str, Any] = {"id": cit.key, "type": _TYPES[kind]}
    if kind is Kind.GUIDELINE:
        item["genre"] = "Guideline"
    if cit.authors:
        item["author"] = [
            {"literal": p.family}
            if p.collective
            else {
                k: v
                for k, v in (
                    ("family", p.family),
                    ("given", p.given or dotted_initials(p.initials)),
                    ("suffix", p.suffix),
                )
                if v
            }
            for p in cit.authors
        ]
    for name, value in (
        ("title", cit.title),
        ("container-title", cit.journal or cit.container),
        ("container-title-short", cit.journal_abbrev),
        ("publisher", cit.publisher),
        ("volume", cit.volume),
        ("issue", cit.issue),
        ("page", cit.pages or cit.article_number),
        ("number", cit.article_number),
        ("DOI", cit.doi),
        ("PMID", cit.pmid),
        ("PMCID", cit.pmcid),
        ("URL", cit.url),
    ):
        if value:
            item[name] = value
    if cit.year:
        item["issued"] = {"date-parts": [[cit.year]]}
    if cit.accessed and (parts := _date_parts(cit.accessed)):
        item["accessed"] = {"date-parts": [parts]}
    if cit.authors_truncated:
        item["note"] = "Author list truncated (et al.) as printed."
    return item


def to_csl_json(references: Iterable[Reference]) -> list[dict[str, Any]]:
    """The references as CSL-JSON items (one per distinct work)."""
    return [to_csl_item(c) for c in citations(references)]


def _date_parts(iso: str) -> list[int] | None:
    """``2024-03-01`` -> ``[2024, 3, 1]``; None for a date not read into ISO form."""
    pieces = iso.split("-")
    if not all(p.isdigit() for p in pieces) or not 1 <= len(pieces) <= 3:
        return None
    return [int(p) for p in pieces]
