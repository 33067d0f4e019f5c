"""The shapes of the JSON report, as types: what ``docs/report-schema.json`` describes.

The report's JSON form is what every renderer reads and what a later run reads
back as its baseline, so its shape is typed here once. A test checks that each
TypedDict names exactly the keys its schema definition requires.
"""

from __future__ import annotations

from typing import TypedDict


class SpanJSON(TypedDict):
    start: int
    end: int


class FindingJSON(TypedDict):
    code: str
    severity: str
    message: str
    document: str | None
    line: int | None
    span: SpanJSON | None
    number: int | None
    field: str | None
    printed: str | None
    found: str | None
    detail: dict[str, str]


class SuppressionJSON(TypedDict):
    reason: str
    expires: str | None
    source: str | None


class SuppressedFindingJSON(FindingJSON):
    suppression: SuppressionJSON


class PersonJSON(TypedDict):
    family: str
    given: str
    initials: str
    suffix: str
    collective: bool


class UpdateJSON(TypedDict):
    type: str
    doi: str | None
    source: str | None
    label: str | None
    date: str | None


class _RecordRequired(TypedDict):
    doi: str
    title: str | None
    subtitle: str | None
    authors: list[PersonJSON]
    journal: str | None
    journal_abbrev: str | None
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    article_number: str | None
    type: str | None
    publisher: str | None
    issn: list[str]
    updates: list[UpdateJSON]
    updates_to: list[str]


class RecordJSON(_RecordRequired, total=False):
    """A record; what PubMed adds is present only when known."""

    pmid: str
    pmcid: str
    publication_types: list[str]
    abstract: str
    mesh: list[str]


class ProvenanceJSON(TypedDict):
    source: str
    url: str | None
    retrieved: str | None
    sources: list[str]
    note: str | None


class ResolutionJSON(TypedDict):
    verdict: str
    doi: str | None
    score: float | None
    reason: str | None
    provenance: ProvenanceJSON | None
    record: RecordJSON | None


class ParsedJSON(TypedDict):
    authors: list[str]
    authors_truncated: bool
    title: str | None
    journal: str | None
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    pmid: str | None
    pmcid: str | None
    url: str | None


class ReferenceJSON(TypedDict):
    number: int | None
    key: str
    line: int | None
    raw: str
    printed_sha256: str
    kind: str
    parsed: ParsedJSON
    resolution: ResolutionJSON | None
    findings: list[FindingJSON]
    suppressed: list[SuppressedFindingJSON]
    cited_by: list[int]
    group: int
    """Which reference list holds it (absent in reports written before lists per section: 0)."""


class SuggestionJSON(TypedDict):
    doi: str
    score: float
    reasons: list[str]
    title: str | None
    authors: list[str]
    journal: str | None
    year: int | None


class ClaimJSON(TypedDict):
    line: int
    text: str
    numbers: list[int]
    span: SpanJSON
    statement: str
    evidential: bool
    cues: list[str]
    support: str | None
    suggestions: list[SuggestionJSON]
    group: int


class DocumentJSON(TypedDict):
    name: str
    path: str | None
    format: str
    references: list[ReferenceJSON]
    claims: list[ClaimJSON]
    findings: list[FindingJSON]
    suppressed: list[SuppressedFindingJSON]


class ChangeJSON(TypedDict):
    kind: str
    severity: str
    message: str
    document: str | None
    number: int | None
    line: int | None
    key: str | None
    code: str | None
    detail: dict[str, str]


class SourceJSON(TypedDict, total=False):
    name: str
    url: str
    pool: str


class ComparedWithJSON(TypedDict):
    kind: str
    path: str | None
    when: str | None


class RunJSON(TypedDict):
    started: str
    finished: str
    partial: bool
    offline: bool
    source: SourceJSON
    requests: dict[str, int]
    cache_hits: int
    fail_on: str
    exit_code: int
    compared_with: ComparedWithJSON | None
    config: str | None
    lock: str | None
    root: str | None
    reason: str | None


class SeverityCountsJSON(TypedDict):
    error: int
    warning: int
    info: int


class SummaryJSON(TypedDict):
    documents: int
    references: int
    claims: int
    cited_claims: int
    evidential_claims: int
    supports: dict[str, int]
    verdicts: dict[str, int]
    findings: SeverityCountsJSON
    suppressed: int


class HeadlineJSON(TypedDict):
    text: str
    new: list[ChangeJSON]


class GeneratorJSON(TypedDict):
    name: str
    version: str


class ReportJSON(TypedDict):
    report_version: int
    generator: GeneratorJSON
    run: RunJSON
    headline: HeadlineJSON
    summary: SummaryJSON
    documents: list[DocumentJSON]
    notes: list[FindingJSON]
