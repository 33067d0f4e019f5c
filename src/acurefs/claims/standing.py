"""Each claim's standing on what it cites (:class:`~acurefs.Support`) and an article's summary."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim, Support, Verdict
from ..text import plural


def support_of_uncited(evidential: bool) -> Support:
    return Support.UNSUPPORTED if evidential else Support.NOT_EVIDENTIAL


_UNVERIFIABLE = frozenset(
    (Verdict.UNRESOLVED, Verdict.AMBIGUOUS, Verdict.NOT_CHECKED, Verdict.NON_SCHOLARLY)
)
_RETRACTED = frozenset(("retracted", "withdrawn"))


def support_of(claim: Claim) -> Support:
    """How well a claim stands on what it cites (see :class:`~acurefs.Support`)."""
    if not claim.cited:
        return support_of_uncited(claim.evidential)
    resolutions = [r.resolution for r in claim.references]
    if any(res and any(f.code in _RETRACTED for f in res.findings) for res in resolutions):
        return Support.RETRACTED_SOURCE
    mismatch = any(res and res.verdict is Verdict.MISMATCH for res in resolutions)
    if mismatch or any(f.code.startswith("claim-") for f in claim.findings):
        return Support.QUESTIONABLE
    if claim.dangling or any(res is None or res.verdict in _UNVERIFIABLE for res in resolutions):
        return Support.UNVERIFIABLE
    return Support.VERIFIED


def standing_summary(claims: Sequence[Claim]) -> str:
    """One line on an article's claims: ``42 claims: 28 evidential, 10 of them cited, 8
    verified; 18 evidential claims without a source``. Standings count once resolved."""
    evidential = [c for c in claims if c.evidential]
    cited = [c for c in evidential if c.cited]
    verified = sum(1 for c in cited if c.support is Support.VERIFIED)
    head = (
        f"{plural(len(claims), 'claim')}: {len(evidential)} evidential, {len(cited)} of them cited"
    )
    if any(c.support is not None for c in cited):
        head += f", {verified} verified"
    uncited = len(evidential) - len(cited)
    return head + f"; {plural(uncited, 'evidential claim')} without a source"
