"""Comparing what a reference prints with what the publisher deposited, field by field.

Each difference is a :class:`~acurefs.Finding` with the field, the printed value,
the published value and a one-line message; notices about the work (retraction,
correction, expression of concern, withdrawal) are findings too. The verdict
follows from the findings: ``verified`` when nothing above ``info`` differs,
``mismatch`` otherwise (a real work, cited with wrong or missing details).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ._matching import _number_key
from ._models import Finding, Record, Reference, Severity, Update, Verdict
from ._refparse import split_pages
from ._text import fold, journal_matches, same_family, title_similarity

_Add = Callable[[str, Severity, "str | None", object, object, str], None]
"""The signature of the local ``add`` helper that records one finding."""

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


def validate(reference: Reference, record: Record) -> list[Finding]:
    """Every difference between the printed reference and the published record."""
    found: list[Finding] = []

    def add(
        code: str,
        severity: Severity,
        field: str | None,
        printed: object,
        published: object,
        message: str,
    ) -> None:
        found.append(
            Finding.about(
                reference,
                code,
                severity,
                message,
                field=field,
                printed=None if printed is None else str(printed),
                found=None if published is None else str(published),
            )
        )

    if not reference.doi:
        add(
            "doi-missing",
            Severity.INFO,
            "doi",
            None,
            record.doi,
            f"No DOI printed; the work's DOI is {record.doi}",
        )
    _title(reference, record, add)
    _authors(reference, record, add)
    if reference.year is not None and record.year is not None and reference.year != record.year:
        severity = Severity.INFO if abs(reference.year - record.year) == 1 else Severity.WARNING
        add(
            "year-mismatch",
            severity,
            "year",
            reference.year,
            record.year,
            f"Year printed as {reference.year}; published {record.year}",
        )
    published_journal = record.journal or record.journal_abbrev
    if (
        reference.journal
        and published_journal
        and not journal_matches(reference.journal, record.journal, record.journal_abbrev)
    ):
        add(
            "journal-mismatch",
            Severity.WARNING,
            "journal",
            reference.journal,
            published_journal,
            f"Journal printed as {reference.journal!r}; published in {published_journal!r}",
        )
    for field in ("volume", "issue"):
        printed, published = getattr(reference, field), getattr(record, field)
        if printed and published and _number_key(printed) != _number_key(published):
            add(
                f"{field}-mismatch",
                Severity.WARNING,
                field,
                printed,
                published,
                f"{field.capitalize()} printed as {printed}; published {published}",
            )
    _pages(reference, record, add)
    found.extend(notice_findings(reference, record.updates))
    return found


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


def verdict_for(findings: Iterable[Finding]) -> Verdict:
    """``verified`` unless a metadata finding above ``info`` says the citation is wrong."""
    for f in findings:
        if f.severity is not Severity.INFO and f.code.endswith(("-mismatch", "-missing")):
            return Verdict.MISMATCH
    return Verdict.VERIFIED


def _title(reference: Reference, record: Record, add: _Add) -> None:
    if not reference.title or not record.title:
        return
    published = record.full_title or record.title
    similarity = max(title_similarity(reference.title, t) for t in (record.title, published))
    if similarity >= TITLE_SAME:
        return
    printed, whole = fold(reference.title), fold(published)
    if whole.startswith(printed) and len(printed) < len(whole):
        message = f"Title is cut short: the published title is {published!r}"
    else:
        message = f"Title printed as {reference.title!r}; published as {published!r}"
    add("title-mismatch", Severity.WARNING, "title", reference.title, published, message)


def _authors(reference: Reference, record: Record, add: _Add) -> None:
    printed = [p for p in reference.authors if not p.collective]
    published = [p for p in record.authors if not p.collective]
    if not printed or not published:
        return
    if not same_family(printed[0].family, published[0].family):
        add(
            "author-mismatch",
            Severity.WARNING,
            "author",
            printed[0].vancouver(),
            published[0].vancouver(),
            f"First author printed as {printed[0].vancouver()}; published {published[0].vancouver()}",
        )
        return
    strangers = [
        p for p in printed[1:] if not any(same_family(p.family, q.family) for q in published)
    ]
    if strangers:
        names = ", ".join(p.vancouver() for p in strangers)
        add(
            "author-mismatch",
            Severity.WARNING,
            "author",
            names,
            ", ".join(p.vancouver() for p in published),
            f"Not among the published authors: {names}",
        )
    elif not reference.authors_truncated and len(printed) < len(published):
        add(
            "author-mismatch",
            Severity.INFO,
            "author",
            str(len(printed)),
            str(len(published)),
            f"{len(printed)} authors printed without 'et al.'; the work has {len(published)}",
        )


def _pages(reference: Reference, record: Record, add: _Add) -> None:
    printed_first = reference.first_page or reference.article_number
    published_first = record.first_page or record.article_number
    if not printed_first:
        # Only a reference that prints where the work appeared (journal, volume) is missing its pages.
        if published_first and (reference.journal or reference.volume):
            what = "article number" if record.article_number and not record.pages else "pages"
            add(
                "pages-missing",
                Severity.WARNING,
                "pages",
                None,
                record.pages or record.article_number,
                f"No {what} printed; published {what} {record.pages or record.article_number}",
            )
        return
    if not published_first:
        return
    alternatives = {_number_key(x) for x in (record.first_page, record.article_number) if x}
    if _number_key(printed_first) not in alternatives:
        add(
            "pages-mismatch",
            Severity.WARNING,
            "pages",
            reference.pages or printed_first,
            record.pages or record.article_number,
            f"Pages printed as {reference.pages or printed_first}; published {record.pages or record.article_number}",
        )
        return
    if reference.last_page and record.pages and "-" in record.pages:
        _, last = split_pages(record.pages)
        if last and _number_key(last) != _number_key(reference.last_page):
            add(
                "pages-mismatch",
                Severity.WARNING,
                "pages",
                reference.pages,
                record.pages,
                f"Pages printed as {reference.pages}; published {record.pages}",
            )
