"""Build Crossref-shaped work records (the ``message`` of ``GET /works/{doi}``) for fixtures.

The shape follows real REST API answers (see the habanero and rcrossref recordings under
``shared/eval/crossref-records``): absent facts are absent keys, never ``null``; titles and
container titles are lists; people are ``{given, family, sequence, affiliation}`` and groups
are ``{name, sequence, affiliation}``; dates are ``{"date-parts": [[y, m, d]]}``, with
``date-time`` and ``timestamp`` on the machine-made dates (created, deposited, indexed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

__all__ = [
    "DEFAULT_INDEXED",
    "Author",
    "DateLike",
    "date_parts",
    "doi_key",
    "notice",
    "stamp",
    "update_entry",
    "work",
    "work_date",
]

Work = dict[str, Any]
"""One work record: the JSON object Crossref returns as ``message`` for a DOI."""

Author = tuple[str, str | None] | str
"""``(family, given)`` for a person (``given`` may be ``None``), a bare string for a group."""

DateLike = date | datetime | str | tuple[int, ...]
"""A day: a ``date``/``datetime``, ``"YYYY-MM-DD"`` or ``(y, m, d)``."""

DEFAULT_INDEXED = datetime(2026, 1, 15, 6, 0, 0, tzinfo=timezone.utc)
"""When every fixture record was last "indexed", so the fixtures do not depend on the clock."""

# Publisher names by DOI prefix, for realistic ``publisher``/``member`` fields. Illustrative:
# nothing in the project reads these as facts.
_PUBLISHERS: Mapping[str, tuple[str, str]] = {
    "10.1001": ("American Medical Association (AMA)", "10"),
    "10.1016": ("Elsevier BV", "78"),
    "10.1097": ("Ovid Technologies (Wolters Kluwer Health)", "276"),
    "10.1136": ("BMJ", "239"),
    "10.1155": ("Hindawi Limited", "98"),
    "10.3390": ("MDPI AG", "1968"),
    "10.7326": ("American College of Physicians", "289"),
    "10.5555": ("Crossref Test Publisher (fixtures)", "7822"),
}


def doi_key(doi: str) -> str:
    """The form DOIs are compared in: lower case, no resolver prefix (DOIs are case-insensitive)."""
    text = doi.strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
            break
    return text.lower()


def _as_datetime(value: DateLike) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, str):
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    year, month, day = (*value, 1, 1)[:3]
    return datetime(year, month, day, tzinfo=timezone.utc)


def date_parts(year: int, month: int | None = None, day: int | None = None) -> dict[str, Any]:
    """A partial date as Crossref prints publication dates: ``{"date-parts": [[y, m?, d?]]}``."""
    parts = [year]
    if month is not None:
        parts.append(month)
        if day is not None:
            parts.append(day)
    return {"date-parts": [parts]}


def stamp(value: DateLike) -> dict[str, Any]:
    """A full machine date (``created``, ``deposited``, ``indexed``, ``updated``)."""
    moment = _as_datetime(value)
    return {
        "date-parts": [[moment.year, moment.month, moment.day]],
        "date-time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "timestamp": int(moment.timestamp() * 1000),
    }


def work_date(record: Mapping[str, Any], field: str) -> tuple[int, int, int] | None:
    """The ``(y, m, d)`` of a date field, missing month/day read as 1, or ``None``."""
    value = record.get(field)
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if not parts or not parts[0] or parts[0][0] is None:
        return None
    first = [int(p) for p in parts[0] if p is not None]
    year, month, day = (*first, 1, 1)[:3]
    return (year, month, day)


def _author(entry: Author, first: bool) -> dict[str, Any]:
    sequence = "first" if first else "additional"
    if isinstance(entry, str):
        return {"name": entry, "sequence": sequence, "affiliation": []}
    family, given = entry
    person: dict[str, Any] = {}
    if given:
        person["given"] = given
    person.update(family=family, sequence=sequence, affiliation=[])
    return person


def _listed(value: str | Sequence[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def work(
    *,
    doi: str,
    title: str | Sequence[str] | None = None,
    subtitle: str | Sequence[str] | None = None,
    authors: Sequence[Author] = (),
    journal: str | Sequence[str] | None = None,
    journal_abbrev: str | Sequence[str] | None = None,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    volume: str | None = None,
    issue: str | None = None,
    page: str | None = None,
    article_number: str | None = None,
    type: str = "journal-article",
    publisher: str | None = None,
    member: str | None = None,
    issn: Sequence[str] = (),
    isbn: Sequence[str] = (),
    created: DateLike | None = None,
    deposited: DateLike | None = None,
    indexed: DateLike = DEFAULT_INDEXED,
    reference_count: int = 0,
    is_referenced_by_count: int = 0,
    language: str | None = "en",
    extra: Mapping[str, Any] | None = None,
) -> Work:
    """A work record in Crossref's shape; ``None`` facts are left out, as Crossref does.

    ``created`` defaults to noon on the publication day (month/day read as 1 when unknown) and
    ``deposited`` to ``created``, so the record is deterministic. ``extra`` is merged last and
    may add any other field (``update-to``, ``abstract``, ...).
    """
    prefix = doi.split("/", 1)[0]
    known_publisher, known_member = _PUBLISHERS.get(prefix, ("Example Publisher", "0"))
    created_at = _as_datetime(created) if created is not None else None
    if created_at is None and year is not None:
        created_at = datetime(year, month or 1, day or 1, 12, tzinfo=timezone.utc)
    record: Work = {
        "indexed": stamp(indexed),
        "reference-count": reference_count,
        "publisher": publisher or known_publisher,
    }
    if issue is not None:
        record["issue"] = issue
    if journal_abbrev is not None:
        record["short-container-title"] = _listed(journal_abbrev)
    if year is not None:
        record["published-print"] = date_parts(year, month, day)
    record["DOI"] = doi
    record["type"] = type
    if created_at is not None:
        record["created"] = stamp(created_at)
    if page is not None:
        record["page"] = page
    record["source"] = "Crossref"
    record["is-referenced-by-count"] = is_referenced_by_count
    if title is not None:
        record["title"] = _listed(title)
    if subtitle is not None:
        record["subtitle"] = _listed(subtitle)
    record["prefix"] = prefix
    if volume is not None:
        record["volume"] = volume
    if authors:
        record["author"] = [_author(a, i == 0) for i, a in enumerate(authors)]
    record["member"] = member or known_member
    if journal is not None:
        record["container-title"] = _listed(journal)
    if language is not None:
        record["language"] = language
    deposited_at = deposited if deposited is not None else created_at
    if deposited_at is not None:
        record["deposited"] = stamp(deposited_at)
    record["resource"] = {"primary": {"URL": f"https://example.org/article/{doi}"}}
    if year is not None:
        record["issued"] = date_parts(year, month, day)
        record["published"] = date_parts(year, month, day)
    record["references-count"] = reference_count
    if issue is not None and year is not None:
        record["journal-issue"] = {"issue": issue, "published-print": date_parts(year, month)}
    if article_number is not None:
        record["article-number"] = article_number
    record["URL"] = f"https://doi.org/{doi}"
    if issn:
        record["ISSN"] = list(issn)
        record["issn-type"] = [{"value": v, "type": "print"} for v in issn]
    if isbn:
        record["ISBN"] = list(isbn)
        record["isbn-type"] = [{"value": v, "type": "print"} for v in isbn]
    if extra:
        record.update(extra)
    return record


_LABELS: Mapping[str, str] = {
    "retraction": "Retraction",
    "partial_retraction": "Partial retraction",
    "correction": "Correction",
    "erratum": "Erratum",
    "corrigendum": "Corrigendum",
    "expression_of_concern": "Expression of concern",
    "withdrawal": "Withdrawal",
    "removal": "Removal",
    "addendum": "Addendum",
    "clarification": "Clarification",
    "new_version": "New version",
}


def update_entry(
    doi: str,
    *,
    type: str,
    updated: DateLike,
    source: str = "publisher",
    label: str | None = None,
    record_id: int | None = None,
) -> dict[str, Any]:
    """One ``update-to``/``updated-by`` entry: ``{updated, DOI, type, source, label}``."""
    entry: dict[str, Any] = {
        "updated": stamp(updated),
        "DOI": doi,
        "type": type,
        "source": source,
        "label": label or _LABELS.get(type, type.replace("_", " ").capitalize()),
    }
    if record_id is not None:
        entry["record-id"] = record_id
    return entry


def notice(
    *,
    doi: str,
    target: Mapping[str, Any],
    type: str,
    date: DateLike,
    source: str = "publisher",
    title: str | None = None,
    label: str | None = None,
) -> Work:
    """A notice (retraction, correction, ...) about ``target``: a work carrying ``update-to``.

    It sits in the target's journal, with the target's ``volume`` unless given otherwise,
    created and deposited on ``date``.
    """
    when = _as_datetime(date)
    kind = label or _LABELS.get(type, type.replace("_", " ").capitalize())
    target_titles = target.get("title") or [""]
    journal = target.get("container-title")
    abbrev = target.get("short-container-title")
    return work(
        doi=doi,
        title=title or f"{kind}: {target_titles[0]}".rstrip(": "),
        journal=journal,
        journal_abbrev=abbrev,
        year=when.year,
        month=when.month,
        day=when.day,
        created=when + timedelta(hours=12),
        extra={
            "update-to": [
                update_entry(target["DOI"], type=type, updated=when, source=source, label=label)
            ]
        },
    )
