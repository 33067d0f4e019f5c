"""Read and check the parameters of ``GET /works`` the way Crossref does.

:func:`parse_list_query` turns the query string into a :class:`ListQuery` or raises
:class:`InvalidQueryError` carrying every problem found (Crossref's ``validation-failure``
message lists them all). Filters are grouped by name: values of one name are ORed, different
names ANDed, as Crossref does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .records import doi_key, work_date

__all__ = [
    "FILTERS",
    "LIST_PARAMETERS",
    "MAX_OFFSET",
    "MAX_ROWS",
    "SELECTABLE_FIELDS",
    "SORT_FIELDS",
    "InvalidQueryError",
    "ListQuery",
    "ValidationIssue",
    "matches_filters",
    "parse_list_query",
]

DEFAULT_ROWS = 20
MAX_ROWS = 1000
MAX_OFFSET = 10000

# Crossref's answer to an unknown ``select`` lists exactly these.
SELECTABLE_FIELDS = frozenset(
    {
        "abstract", "URL", "resource", "member", "posted", "score", "created", "degree",
        "update-policy", "short-title", "license", "ISSN", "container-title", "issued", "update-to",
        "issue", "prefix", "approved", "indexed", "article-number", "clinical-trial-number",
        "accepted", "author", "group-title", "DOI", "is-referenced-by-count", "updated-by", "event",
        "chair", "standards-body", "original-title", "funder", "translator", "published", "archive",
        "published-print", "alternative-id", "subject", "subtitle", "published-online",
        "publisher-location", "content-domain", "reference", "title", "link", "type", "publisher",
        "volume", "references-count", "ISBN", "issn-type", "assertion", "deposited", "page",
        "content-created", "short-container-title", "relation", "editor",
    }
)  # fmt: skip

FIELD_QUERIES = frozenset({"bibliographic", "title", "author", "container-title"})
"""The ``query.<name>`` parameters this server searches."""

LIST_PARAMETERS = frozenset(
    {"query", "filter", "rows", "offset", "select", "sort", "order", "facet", "cursor"}
    | {"sample", "mailto"}
)

SORT_FIELDS: Mapping[str, str | None] = {
    "score": None,
    "relevance": None,
    "created": "created",
    "deposited": "deposited",
    "updated": "deposited",
    "indexed": "indexed",
    "published": "published",
    "issued": "issued",
    "published-print": "published-print",
    "published-online": "published-online",
    "is-referenced-by-count": "is-referenced-by-count",
    "references-count": "references-count",
}
"""``sort`` values and the work field each sorts on (``None``: by score)."""

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class ValidationIssue:
    """One entry of Crossref's ``validation-failure`` message."""

    type: str
    value: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"type": self.type, "value": self.value, "message": self.message}


class InvalidQueryError(ValueError):
    """The query string was refused; ``issues`` says why, all at once."""

    def __init__(self, issues: Sequence[ValidationIssue]) -> None:
        super().__init__("; ".join(issue.message for issue in issues))
        self.issues = tuple(issues)


Predicate = Callable[[Mapping[str, Any]], bool]


def _update_to(work: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [u for u in work.get("update-to") or () if isinstance(u, Mapping)]


def _date_bound(value: str, *, end: bool) -> tuple[int, int, int] | None:
    found = _DATE.match(value)
    if not found:
        return None
    year, month, day = found.groups()
    bound = (int(year), int(month or (12 if end else 1)), int(day or (31 if end else 1)))
    if not (1 <= bound[1] <= 12 and 1 <= bound[2] <= 31):
        return None
    return bound


def _date_filter(fields: Sequence[str], *, end: bool) -> Callable[[str], Predicate | None]:
    def build(value: str) -> Predicate | None:
        bound = _date_bound(value, end=end)
        if bound is None:
            return None

        def check(work: Mapping[str, Any]) -> bool:
            for name in fields:
                when = work_date(work, name)
                if when is not None:
                    return when <= bound if end else when >= bound
            return False

        return check

    return build


def _field_equals(name: str, normalise: Callable[[str], str]) -> Callable[[str], Predicate]:
    def build(value: str) -> Predicate:
        wanted = normalise(value)

        def check(work: Mapping[str, Any]) -> bool:
            found = work.get(name)
            values = found if isinstance(found, list) else [found]
            return any(isinstance(v, str) and normalise(v) == wanted for v in values)

        return check

    return build


def _updates(value: str) -> Predicate:
    wanted = doi_key(value)
    return lambda work: any(doi_key(str(u.get("DOI", ""))) == wanted for u in _update_to(work))


def _update_type(value: str) -> Predicate:
    return lambda work: any(u.get("type") == value for u in _update_to(work))


def _is_update(value: str) -> Predicate | None:
    if value not in ("true", "false", "1", "0", "t", "f"):
        return None
    wanted = value in ("true", "1", "t")
    return lambda work: bool(_update_to(work)) == wanted


def _issn(text: str) -> str:
    return text.replace("-", "").upper()


FILTERS: Mapping[str, Callable[[str], Predicate | None]] = {
    "doi": _field_equals("DOI", doi_key),
    "updates": _updates,
    "is-update": _is_update,
    "update-type": _update_type,
    "type": _field_equals("type", str),
    "prefix": _field_equals("prefix", str.lower),
    "member": _field_equals("member", str),
    "issn": _field_equals("ISSN", _issn),
    "container-title": _field_equals("container-title", str.casefold),
    "from-created-date": _date_filter(("created",), end=False),
    "until-created-date": _date_filter(("created",), end=True),
    "from-update-date": _date_filter(("deposited",), end=False),
    "until-update-date": _date_filter(("deposited",), end=True),
    "from-deposit-date": _date_filter(("deposited",), end=False),
    "until-deposit-date": _date_filter(("deposited",), end=True),
    "from-index-date": _date_filter(("indexed",), end=False),
    "until-index-date": _date_filter(("indexed",), end=True),
    "from-pub-date": _date_filter(("published", "issued"), end=False),
    "until-pub-date": _date_filter(("published", "issued"), end=True),
}
"""Supported filters: name -> builder of a predicate from the value (``None``: invalid value)."""


@dataclass(frozen=True, slots=True)
class ListQuery:
    """A checked ``GET /works`` query."""

    searches: tuple[tuple[str, str], ...] = ()
    """``(field, text)`` pairs; ``field`` is a key of ``search.FIELD_EXTRACTORS``."""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    predicates: tuple[tuple[Predicate, ...], ...] = ()
    """One tuple per filter name: a work passes if, for every tuple, one predicate holds."""
    rows: int = DEFAULT_ROWS
    offset: int = 0
    select: tuple[str, ...] | None = None
    sort: str | None = None
    descending: bool = True
    cursor: str | None = None
    sample: int | None = None
    search_terms: str | None = None


def matches_filters(query: ListQuery, work: Mapping[str, Any]) -> bool:
    """Whether ``work`` passes every filter of ``query``."""
    return all(any(p(work) for p in group) for group in query.predicates)


def _integer(
    params: Mapping[str, Sequence[str]],
    name: str,
    default: int,
    limit: int,
    issues: list[ValidationIssue],
) -> int:
    raw = params.get(name, [None])[-1]
    if raw is None:
        return default
    if raw.isdigit() and int(raw) <= limit:
        return int(raw)
    issues.append(
        ValidationIssue(
            "integer-not-valid",
            raw,
            f"Integer specified as {raw} but must be a positive integer less than or equal"
            f" to {limit}.",
        )
    )
    return default


def _parse_filters(
    raw: Sequence[str], issues: list[ValidationIssue]
) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[Predicate, ...], ...]]:
    grouped: dict[str, list[str]] = {}
    predicates: dict[str, list[Predicate]] = {}
    for text in raw:
        for part in filter(None, text.split(",")):
            name, sep, value = part.partition(":")
            name = name.strip()
            if not sep or name not in FILTERS:
                issues.append(
                    ValidationIssue(
                        "filter-not-available",
                        name,
                        f"Filter {name} specified but there is no such filter for this route."
                        f" Valid filters for this route are: {', '.join(sorted(FILTERS))}",
                    )
                )
                continue
            predicate = FILTERS[name](value)
            if predicate is None:
                boolean = name == "is-update"
                expected = "true or false" if boolean else "a date as yyyy, yyyy-MM or yyyy-MM-dd"
                issues.append(
                    ValidationIssue(
                        "boolean-not-valid" if boolean else "date-not-valid",
                        value,
                        f"Filter {name} specified as {value} but must be {expected}.",
                    )
                )
                continue
            grouped.setdefault(name, []).append(value)
            predicates.setdefault(name, []).append(predicate)
    return (
        {k: tuple(v) for k, v in grouped.items()},
        tuple(tuple(v) for v in predicates.values()),
    )


def parse_list_query(params: Mapping[str, Sequence[str]]) -> ListQuery:
    """Check ``params`` (as from ``urllib.parse.parse_qs``) and build the query."""
    issues: list[ValidationIssue] = []
    searches: list[tuple[str, str]] = []
    for name, values in params.items():
        if name.startswith("query."):
            if name[len("query.") :] in FIELD_QUERIES:
                searches.extend((name[len("query.") :], v) for v in values if v.strip())
                continue
        elif name == "query":
            searches.extend(("bibliographic", v) for v in values if v.strip())
            continue
        elif name in LIST_PARAMETERS:
            continue
        issues.append(
            ValidationIssue("parameter-not-allowed", name, f"This route does not support {name}")
        )
    rows = _integer(params, "rows", DEFAULT_ROWS, MAX_ROWS, issues)
    offset = _integer(params, "offset", 0, MAX_OFFSET, issues)
    sample = _integer(params, "sample", 0, 100, issues) if "sample" in params else None

    select: tuple[str, ...] | None = None
    if "select" in params:
        select = tuple(s for text in params["select"] for s in text.split(",") if s)
        for name in select:
            if name not in SELECTABLE_FIELDS:
                issues.append(
                    ValidationIssue(
                        "parameter-not-allowed",
                        name,
                        f"Field {name} specified but there is no such field. Valid selects for"
                        f" this route are: {', '.join(sorted(SELECTABLE_FIELDS))}",
                    )
                )

    filters, predicates = _parse_filters(params.get("filter", []), issues)

    sort = params.get("sort", [None])[-1]
    if sort is not None and sort not in SORT_FIELDS:
        issues.append(
            ValidationIssue(
                "sort-field-not-allowed",
                sort,
                f"Sort field {sort} is not allowed. Valid sort fields are:"
                f" {', '.join(SORT_FIELDS)}",
            )
        )
    order = params.get("order", ["desc"])[-1]
    if order not in ("asc", "desc"):
        issues.append(ValidationIssue("order-not-valid", order, "Order must be one of: asc, desc"))
    cursor = params.get("cursor", [None])[-1]
    if cursor is not None and "offset" in params:
        issues.append(
            ValidationIssue(
                "parameter-not-allowed", "offset", "Cursor and offset may not be used together"
            )
        )
    if issues:
        raise InvalidQueryError(issues)

    plain = params.get("query") or params.get("query.bibliographic")
    return ListQuery(
        searches=tuple(searches),
        filters=filters,
        predicates=predicates,
        rows=rows,
        offset=offset,
        select=select,
        sort=SORT_FIELDS.get(sort) if sort else None,
        descending=order == "desc",
        cursor=cursor,
        sample=sample,
        search_terms=plain[-1] if plain else None,
    )
