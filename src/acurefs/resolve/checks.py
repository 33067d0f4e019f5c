"""Checking what a reference prints against what the publisher deposited, field by field.

Each difference is a :class:`~acurefs.Finding` with the field, the printed value,
the published value and a one-line message; notices about the work (retraction,
correction, expression of concern, withdrawal) are findings too. The verdict
follows from the findings: ``verified`` when nothing above ``info`` differs,
``mismatch`` otherwise (a real work, cited with wrong or missing details).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..models import Finding, Record, Reference, Severity, Update, Verdict
from ..reference.tails import split_pages
from ..text import fold
from .similarity import (
    first_page_agrees,
    journal_matches,
    number_key,
    numbers_agree,
    same_family,
    title_similarity,
)

TITLE_SAME = 0.95
"""Title agreement (after folding case, accents and punctuation) below which titles differ."""

_NOTICE_CODES = {
    "retraction": ("retracted", Severity.ERROR, "has been retracted"),
    "partial_retraction": ("retracted", Severity.ERROR, "has been partly retracted"),
    "removal": ("withdrawn", Severity.ERROR, "has been removed"),
    "withdrawal": ("withdrawn", Severity.ERROR, "has been withdrawn"),
    "expression_of_concern": (
        "expression-of-concern",
        Severity.WARNING,
        "carries an expression of concern",
    ),
}
_CORRECTION_TYPES = frozenset(("correction", "erratum", "corrigendum", "addendum", "clarification"))


def check_record(reference: Reference, record: Record) -> list[Finding]:
    """Every difference between the printed reference and the published record."""
    found: list[Finding] = []
    for check in _CHECKS:
        finding = check(reference, record)
        if finding is not None:
            found.append(finding)
    found.extend(notice_findings(reference, record.updates))
    return found


def verdict_for(findings: Iterable[Finding]) -> Verdict:
    """``verified`` unless a metadata finding above ``info`` says the citation is wrong."""
    for f in findings:
        if f.severity is not Severity.INFO and f.code.endswith(("-mismatch", "-missing")):
            return Verdict.MISMATCH
    return Verdict.VERIFIED


def notice_findings(reference: Reference, updates: Iterable[Update]) -> list[Finding]:
    """Findings for notices about the cited work (Crossref's ``updated-by``)."""
    found = []
    for update in updates:
        kind = update.type.lower().replace("-", "_").replace(" ", "_")
        if kind in _NOTICE_CODES:
            code, severity, phrase = _NOTICE_CODES[kind]
        elif kind in _CORRECTION_TYPES:
            code, severity, phrase = "corrected", Severity.INFO, "has a correction"
        else:
            continue
        who = f" ({update.source})" if update.source else ""
        when = f" on {update.date}" if update.date else ""
        notice = f"; notice doi:{update.doi}" if update.doi else ""
        detail = {
            k: v
            for k, v in (
                ("notice_doi", update.doi),
                ("source", update.source),
                ("date", update.date),
                ("type", update.type),
            )
            if v
        }
        found.append(
            Finding.about(
                reference,
                code,
                severity,
                f"The cited work {phrase}{when}{who}{notice}",
                field="updated-by",
                found=update.doi,
                detail=detail,
            )
        )
    return found


def _difference(
    reference: Reference,
    code: str,
    severity: Severity,
    field: str,
    printed: object,
    published: object,
    message: str,
) -> Finding:
    """A finding comparing one printed field with its published value."""
    return Finding.about(
        reference,
        code,
        severity,
        message,
        field=field,
        printed=None if printed is None else str(printed),
        found=None if published is None else str(published),
    )


def _doi(reference: Reference, record: Record) -> Finding | None:
    if reference.doi or not record.doi:  # a PubMed record may have no DOI
        return None
    return _difference(
        reference,
        "doi-missing",
        Severity.INFO,
        "doi",
        None,
        record.doi,
        f"No DOI printed; the work's DOI is {record.doi}",
    )


def _title(reference: Reference, record: Record) -> Finding | None:
    if not reference.title or not record.title:
        return None
    published = record.full_title or record.title
    similarity = max(title_similarity(reference.title, t) for t in (record.title, published))
    if similarity >= TITLE_SAME:
        return None
    printed, whole = fold(reference.title), fold(published)
    if whole.startswith(printed) and len(printed) < len(whole):
        message = f"Title is cut short: the published title is {published!r}"
    else:
        message = f"Title printed as {reference.title!r}; published as {published!r}"
    return _difference(
        reference, "title-mismatch", Severity.WARNING, "title", reference.title, published, message
    )


def _authors(reference: Reference, record: Record) -> Finding | None:
    printed = [p for p in reference.authors if not p.collective]
    published = [p for p in record.authors if not p.collective]
    if not printed or not published:
        return None
    first, their_first = printed[0].vancouver(), published[0].vancouver()
    if not same_family(printed[0].family, published[0].family):
        message = f"First author printed as {first}; published {their_first}"
        return _difference(
            reference, "author-mismatch", Severity.WARNING, "author", first, their_first, message
        )
    strangers = [
        p for p in printed[1:] if not any(same_family(p.family, q.family) for q in published)
    ]
    if strangers:
        names = ", ".join(p.vancouver() for p in strangers)
        everyone = ", ".join(p.vancouver() for p in published)
        message = f"Not among the published authors: {names}"
        return _difference(
            reference, "author-mismatch", Severity.WARNING, "author", names, everyone, message
        )
    if not reference.authors_truncated and len(printed) < len(published):
        message = f"{len(printed)} authors printed without 'et al.'; the work has {len(published)}"
        return _difference(
            reference,
            "author-mismatch",
            Severity.INFO,
            "author",
            len(printed),
            len(published),
            message,
        )
    return None


def _year(reference: Reference, record: Record) -> Finding | None:
    if reference.year is None or record.year is None or reference.year == record.year:
        return None
    severity = Severity.INFO if abs(reference.year - record.year) == 1 else Severity.WARNING
    message = f"Year printed as {reference.year}; published {record.year}"
    return _difference(
        reference, "year-mismatch", severity, "year", reference.year, record.year, message
    )


def _journal(reference: Reference, record: Record) -> Finding | None:
    published = record.journal or record.journal_abbrev
    if (
        not reference.journal
        or not published
        or journal_matches(reference.journal, record.journal, record.journal_abbrev)
    ):
        return None
    message = f"Journal printed as {reference.journal!r}; published in {published!r}"
    return _difference(
        reference,
        "journal-mismatch",
        Severity.WARNING,
        "journal",
        reference.journal,
        published,
        message,
    )


def _number_field(field: str) -> Callable[[Reference, Record], Finding | None]:
    """The check of one numbered field (``volume``, ``issue``)."""

    def check(reference: Reference, record: Record) -> Finding | None:
        printed, published = getattr(reference, field), getattr(record, field)
        if not printed or not published or numbers_agree(printed, published):
            return None
        message = f"{field.capitalize()} printed as {printed}; published {published}"
        return _difference(
            reference, f"{field}-mismatch", Severity.WARNING, field, printed, published, message
        )

    return check


def _pages(reference: Reference, record: Record) -> Finding | None:
    printed_first = reference.first_page or reference.article_number
    published_first = record.first_page or record.article_number
    published = record.pages or record.article_number
    if not printed_first:
        # Only a reference that prints where the work appeared (journal, volume) misses its pages.
        if not published_first or not (reference.journal or reference.volume):
            return None
        what = "article number" if record.article_number and not record.pages else "pages"
        message = f"No {what} printed; published {what} {published}"
        return _difference(
            reference, "pages-missing", Severity.WARNING, "pages", None, published, message
        )
    if not published_first:
        return None
    printed = reference.pages or printed_first
    if first_page_agrees(printed_first, record.first_page, record.article_number):
        if not (reference.last_page and record.pages and "-" in record.pages):
            return None
        _, last = split_pages(record.pages)
        if not last or number_key(last) == number_key(reference.last_page):
            return None
        printed = reference.pages or printed
    message = f"Pages printed as {printed}; published {published}"
    return _difference(
        reference, "pages-mismatch", Severity.WARNING, "pages", printed, published, message
    )


_CHECKS: tuple[Callable[[Reference, Record], Finding | None], ...] = (
    _doi,
    _title,
    _authors,
    _year,
    _journal,
    _number_field("volume"),
    _number_field("issue"),
    _pages,
)
"""The field checks, in the order their findings are listed."""
