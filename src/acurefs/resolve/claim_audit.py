"""The claim audit after resolving: contradictions, suggestions and each claim's standing.

Parsing decides which claims are evidential and finds those citing nothing
(``uncited-claim``). Once the references are resolved, this step compares each cited
claim with its references' records (:func:`acurefs.claims.audit.contradictions`), asks
the metadata source for the works uncited claims name (:mod:`acurefs.resolve.suggest`)
and sets :attr:`Claim.support`. The claim findings are kept on the claim and added to its
document's findings, so every report shows them where the claim is.
"""

from __future__ import annotations

import dataclasses
import logging

from ..claims.audit import contradictions
from ..claims.standing import support_of
from ..errors import SourceError
from ..models import Claim, Corpus, Document, Finding, Suggestion
from ..sources.base import MetadataSource
from .suggest import suggestions_for

log = logging.getLogger(__name__)

CLAIM_CODES = (
    "claim-year-mismatch",
    "claim-design-mismatch",
    "claim-source-mismatch",
    "claim-count-mismatch",
)
"""The findings this step makes; an earlier audit's are replaced, never repeated."""


def audit_document(document: Document, source: MetadataSource | None = None) -> Document:
    """``document`` with its claims audited; ``source`` (when it can search) makes suggestions."""
    claims: list[Claim] = []
    added: list[Finding] = []
    for claim in document.claims:
        found = tuple(contradictions(claim)) if claim.cited else ()
        suggestions = (
            _suggestions(claim, source)
            if source is not None and claim.evidential and not claim.cited
            else ()
        )
        audited = dataclasses.replace(
            claim,
            findings=(*_kept(claim), *found),
            suggestions=suggestions,
        )
        claims.append(dataclasses.replace(audited, support=support_of(audited)))
        added.extend(found)
    findings = [f for f in document.findings if f.code not in CLAIM_CODES]
    return dataclasses.replace(document, claims=tuple(claims), findings=(*findings, *added))


def _suggestions(claim: Claim, source: MetadataSource) -> tuple[Suggestion, ...]:
    """Possible sources for one claim; none when the source cannot be asked (logged): a
    suggestion is an aid, and its absence is never read as "no source exists"."""
    try:
        return suggestions_for(claim, source)
    except SourceError as exc:
        log.info("No suggestions for the claim on line %s: %s", claim.line, exc)
        return ()


def _kept(claim: Claim) -> tuple[Finding, ...]:
    """A claim's findings from parsing (``uncited-claim``); an earlier audit's are redone."""
    return tuple(f for f in claim.findings if f.code not in CLAIM_CODES)


def audit(target: Document | Corpus, source: MetadataSource | None = None) -> Document | Corpus:
    """The claim audit of a resolved document or corpus (see the module docstring)."""
    if isinstance(target, Document):
        return audit_document(target, source)
    return dataclasses.replace(
        target, documents=tuple(audit_document(d, source) for d in target.documents)
    )
