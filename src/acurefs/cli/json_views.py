"""JSON shapes for programs: documents, claims and references without repetition.

A claim lists the *numbers* it cites; the references themselves appear once,
in their document's ``references``. Every shape carries the acurefs version.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .._version import __version__
from ..models import (
    Claim,
    Corpus,
    Document,
    Finding,
    Reference,
    Suggestion,
    severity_counts,
)


def reference_json(ref: Reference) -> dict[str, Any]:
    data = ref.to_dict()
    data.pop("document", None)
    return data


def claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "statement": claim.statement,
        "kind": claim.kind,
        "section": claim.section,
        "line": claim.line,
        "span": claim.span.to_dict(),
        "cited": claim.cited,
        "numbers": list(claim.numbers),
        "dangling": list(claim.dangling),
        "markers": [m.to_dict() for m in claim.markers],
        "evidential": claim.evidential,
        "cues": list(claim.cues),
        "support": claim.support.value if claim.support else None,
        "findings": [f.to_dict() for f in claim.findings],
        "suggestions": [suggestion_json(s) for s in claim.suggestions],
    }


def suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    """A possible source: the work in brief, why it matched, never a resolution."""
    record = suggestion.record
    return {
        "doi": suggestion.doi,
        "score": suggestion.score,
        "reasons": list(suggestion.reasons),
        "title": record.full_title,
        "authors": [str(p) for p in record.authors[:3]],
        "journal": record.journal,
        "year": record.year,
    }


def findings_summary(findings: Iterable[Finding]) -> dict[str, int]:
    return severity_counts(f.severity for f in findings)


def document_json(doc: Document, *, claims: str = "all") -> dict[str, Any]:
    """A document for programs. ``claims``: ``all``, ``cited`` or ``none``."""
    chosen: tuple[Claim, ...] = ()
    if claims == "all":
        chosen = doc.claims
    elif claims == "cited":
        chosen = doc.cited_claims
    return {
        "name": doc.name,
        "path": doc.path,
        "format": doc.format,
        "counts": {
            "claims": len(doc.claims),
            "cited_claims": len(doc.cited_claims),
            "markers": len(doc.markers),
            "references": len(doc.references),
        },
        "references": [reference_json(r) for r in doc.references],
        "claims": [claim_json(c) for c in chosen],
        "findings": [f.to_dict() for f in doc.findings],
        "summary": findings_summary(doc.findings),
    }


def corpus_json(corpus: Corpus, *, claims: str = "all") -> dict[str, Any]:
    return {
        "acurefs": __version__,
        "documents": [document_json(d, claims=claims) for d in corpus.documents],
        "summary": {
            "documents": len(corpus.documents),
            "claims": len(corpus.claims),
            "cited_claims": sum(1 for c in corpus.claims if c.cited),
            "references": len(corpus.references),
            "findings": findings_summary(corpus.findings),
        },
    }
