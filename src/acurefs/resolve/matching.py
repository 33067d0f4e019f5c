"""Search, then validate: deciding which candidate work a printed reference cites, if any.

Each candidate from a bibliographic search is compared with the parsed fields
(title, first author, year, journal with abbreviations, volume, issue, first page
or article number). The comparisons become one score in 0..1. A candidate is
accepted only above a threshold *and* with a clear lead over the runner-up;
otherwise the answer is ``ambiguous`` or ``unresolved`` with the best candidate
and why it was turned down. A false match is worse than no match: hard conflicts
(another volume *and* another page, another first author and a different title)
veto a candidate whatever its score.

The thresholds were calibrated on the closed-world benchmark
(``benchmarks/match_accuracy.py``, results in ``docs/matching.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Kind, Record, Reference, _StrEnum
from ..text import fold
from .similarity import (
    first_page_agrees,
    journal_matches,
    main_title,
    same_family,
    same_number,
    title_in_text,
    title_similarity,
)

ACCEPT = 0.75
"""Lowest score at which a candidate can be accepted."""
LEAD = 0.08
"""Least lead over the runner-up (a different work) for an acceptance."""
AMBIGUOUS = 0.6
"""Candidates scoring at least this, without a clear winner, make a reference ambiguous."""
MIN_TITLE = 0.8
"""Title agreement needed unless the structured fields agree on their own."""
TITLE_ALONE = 0.93
"""Title agreement needed when the title is all a reference prints."""

_WEIGHTS = {
    "title": 4.0,
    "author": 1.5,
    "year": 1.0,
    "journal": 1.0,
    "volume": 1.0,
    "page": 1.0,
    "issue": 0.5,
}
_NOTICE_TITLE = re.compile(
    r"(?i)^\s*(?:correction|erratum|corrigendum|retraction|retracted|expression of concern|withdrawal|notice of)"
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """How one candidate compares with the printed reference, field by field (1 agree, 0 conflict)."""

    record: Record
    title: float | None
    author: float | None
    year: float | None
    journal: float | None
    volume: float | None
    issue: float | None
    page: float | None
    score: float
    vetoed: str | None = None

    def agreements(self) -> list[str]:
        return [
            n for n in ("author", "year", "journal", "volume", "page") if getattr(self, n) == 1.0
        ]

    def conflicts(self) -> list[str]:
        return [
            n
            for n in ("author", "year", "journal", "volume", "issue", "page")
            if getattr(self, n) == 0.0
        ]


class Outcome(_StrEnum):
    """What matching decided about a reference's candidates."""

    ACCEPTED = "accepted"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of matching, the best candidate, the runner-up, and why."""

    outcome: Outcome
    best: Evidence | None
    runner_up: Evidence | None
    reason: str


def evidence_for(reference: Reference, record: Record) -> Evidence:
    """Compare a parsed reference with one candidate record."""
    title = _title(reference, record)
    author = _author(reference, record)
    year = _year(reference, record)
    journal = _journal(reference, record)
    volume = same_number(reference.volume, record.volume)
    issue = same_number(reference.issue, record.issue)
    page = _page(reference, record)
    parts = {
        "title": title,
        "author": author,
        "year": year,
        "journal": journal,
        "volume": volume,
        "page": page,
        "issue": issue,
    }
    weight = sum(_WEIGHTS[k] for k, v in parts.items() if v is not None)
    score = (
        sum(_WEIGHTS[k] * v for k, v in parts.items() if v is not None) / weight if weight else 0.0
    )
    vetoed = _veto(reference, record, parts)
    return Evidence(
        record, title, author, year, journal, volume, issue, page, round(score, 4), vetoed
    )


def decide(reference: Reference, candidates: Sequence[Record]) -> Decision:
    """Pick the candidate the reference cites, or say why none can be picked."""
    if not candidates:
        return Decision(Outcome.UNRESOLVED, None, None, "no candidate works were found")
    ranked = sorted(
        (evidence_for(reference, r) for r in candidates), key=lambda e: e.score, reverse=True
    )
    eligible = [e for e in ranked if e.vetoed is None]
    best = eligible[0] if eligible else None
    if best is None:
        top = ranked[0]
        return Decision(Outcome.UNRESOLVED, top, None, f"rejected: {top.vetoed}")
    runner = next((e for e in eligible[1:] if e.record.doi != best.record.doi), None)
    if not _strong_enough(best):
        named = _only_main_title(reference, eligible)
        if named is not None:
            return Decision(Outcome.ACCEPTED, named, None, _SUBTITLE_DIFFERS)
        return Decision(Outcome.UNRESOLVED, best, runner, _weakness(best))
    if runner is not None and best.score - runner.score < LEAD and runner.score >= AMBIGUOUS:
        return Decision(
            Outcome.AMBIGUOUS,
            best,
            runner,
            f"two works match about equally well ({best.score:.2f} and {runner.score:.2f})",
        )
    return Decision(Outcome.ACCEPTED, best, runner, "")


_SUBTITLE_DIFFERS = "the main title is the work's, word for word; the subtitle differs"
DISTINCTIVE_MAIN_TITLE = 5
"""Words a main title needs before it can identify a work on its own (a misremembered subtitle)."""


def _only_main_title(reference: Reference, eligible: Sequence[Evidence]) -> Evidence | None:
    """The one candidate whose main title is the printed one, word for word, when the printed
    main title is distinctive and nothing printed conflicts with the candidate.

    For a reference that prints a title only, with its subtitle misremembered: the finding
    ``title-mismatch`` then shows both subtitles.
    """
    if not reference.title or ":" not in reference.title:
        return None
    printed = fold(main_title(reference.title))
    if len(printed.split()) < DISTINCTIVE_MAIN_TITLE:
        return None
    same = {
        e.record.doi: e
        for e in eligible
        if any(fold(main_title(t)) == printed for t in (e.record.title, e.record.full_title) if t)
    }
    if len(same) != 1:
        return None
    (only,) = same.values()
    return None if only.conflicts() else only


def _strong_enough(e: Evidence) -> bool:
    if e.score < ACCEPT:
        return False
    others = [e.author, e.year, e.journal, e.volume, e.issue, e.page]
    if all(v is None for v in others):
        # The title is the only evidence: it must be all but identical.
        return e.title is not None and e.title >= TITLE_ALONE
    if (e.page == 0.0 or e.year == 0.0) and (e.title is None or e.title < TITLE_ALONE):
        # Same journal and volume but another first page (or year): a series' next part, a
        # companion paper. Only an all but identical title can say the printed page is a slip.
        return False
    if e.title is not None and e.title >= MIN_TITLE:
        return True
    # A mangled or missing title: the structured fields must agree on their own.
    agree = e.agreements()
    return (
        "author" in agree
        and {"volume", "page"} <= set(agree)
        and ("journal" in agree or "year" in agree)
    )


def _weakness(e: Evidence) -> str:
    if all(v is None for v in (e.author, e.year, e.journal, e.volume, e.issue, e.page)):
        return f"only the title can be compared, and it agrees {(e.title or 0.0):.0%} (needs {TITLE_ALONE:.0%})"
    if e.page == 0.0 or e.year == 0.0:
        field = "first page" if e.page == 0.0 else "year"
        why = f"the {field} differs and the title agrees only {(e.title or 0.0):.0%}"
    elif e.title is not None and e.title < MIN_TITLE:
        why = f"title agrees only {e.title:.0%}"
    else:
        why = f"score {e.score:.2f} is below {ACCEPT:.2f}"
    conflicts = e.conflicts()
    if conflicts:
        why += "; " + ", ".join(conflicts) + " differ"
    return why


def _veto(reference: Reference, record: Record, parts: dict[str, float | None]) -> str | None:
    """Conflicts that no score makes up for."""
    if parts["volume"] == 0.0 and parts["page"] == 0.0:
        return "both volume and first page differ"
    if parts["author"] == 0.0 and (parts["title"] or 0.0) < 0.95:
        return "the first author differs and the title is not the same"
    if parts["year"] == 0.0 and parts["volume"] == 0.0:
        return "both year and volume differ"
    if (
        record.title
        and _NOTICE_TITLE.match(record.title)
        and not (reference.title and _NOTICE_TITLE.match(reference.title))
    ):
        return "it is a correction or retraction notice, not the work itself"
    return None


_IN_TEXT_WEIGHT = 0.97
"""A published title found inside the raw string counts a little less than a printed title
that matches it, when the parser found a title."""


def _title(reference: Reference, record: Record) -> float | None:
    published = [t for t in (record.title, record.full_title) if t]
    if not published:
        return None
    scores = []
    if reference.title:
        for t in published:
            scores.append(title_similarity(reference.title, t))
            # A printed title that is the published main title alone, or adds a subtitle.
            if ":" in t or ":" in reference.title:
                scores.append(title_similarity(main_title(reference.title), main_title(t)) * 0.9)
        if max(scores) >= _IN_TEXT_WEIGHT:
            return max(scores)  # the title search below gives at most 0.97: it cannot win
    for t in published:
        if len(fold(t)) >= 20:
            scores.append(
                title_in_text(t, reference.raw) * (_IN_TEXT_WEIGHT if reference.title else 1.0)
            )
    return max(scores) if scores else None


def _author(reference: Reference, record: Record) -> float | None:
    people = [p for p in record.authors if not p.collective]
    first = next((p for p in reference.authors if not p.collective), None)
    if first is None or not people:
        return None
    if same_family(first.family, people[0].family):
        return 1.0
    if any(same_family(first.family, p.family) for p in people[1:4]):
        return 0.5
    return 0.0


def _year(reference: Reference, record: Record) -> float | None:
    if reference.year is None or record.year is None:
        return None
    gap = abs(reference.year - record.year)
    return 1.0 if gap == 0 else 0.5 if gap == 1 else 0.0


def _journal(reference: Reference, record: Record) -> float | None:
    if not reference.journal or not (record.journal or record.journal_abbrev):
        return None
    return 1.0 if journal_matches(reference.journal, record.journal, record.journal_abbrev) else 0.0


def _page(reference: Reference, record: Record) -> float | None:
    printed = reference.first_page or reference.article_number
    published = record.first_page or record.article_number
    if not printed or not published:
        return None
    return 1.0 if first_page_agrees(printed, record.first_page, record.article_number) else 0.0


def non_scholarly(reference: Reference) -> bool:
    """A web page or similar entry that is not expected to be in Crossref."""
    if reference.doi:
        return False
    return reference.kind is Kind.WEB_PAGE
