"""CSL-JSON export, for Pandoc, Zotero and citeproc processors.

Same entries and keys as the BibTeX export (:mod:`acurefs._citation`).
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
    Kind.WEB_PAGE: "webpage",
    Kind.UNKNOWN: "document",
}


def to_csl_item(cit: Citation) -> dict[str, Any]:
    """One CSL-JSON item."""
    item: dict[str, Any] = {"id": cit.key, "type": _TYPES[cit.kind]}
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
        ("container-title", cit.journal),
        ("container-title-short", cit.journal_abbrev),
        ("publisher", cit.publisher),
        ("volume", cit.volume),
        ("issue", cit.issue),
        ("page", cit.pages),
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
    if cit.authors_truncated:
        item["note"] = "Author list truncated (et al.) as printed."
    return item


def to_csl_json(references: Iterable[Reference]) -> list[dict[str, Any]]:
    """The references as CSL-JSON items (one per distinct work)."""
    return [to_csl_item(c) for c in citations(references)]
