"""The records acurefs produces: immutable, typed, and serialisable to JSON.

Everything parsed keeps its provenance: the raw text it came from, the document
it sits in, and where (character span into :attr:`Document.text`, 1-based line
in the original source). States and kinds are enums whose values are the strings
the JSON forms carry.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")


class _StrEnum(str, enum.Enum):
    """An enum whose members are their string values (in f-strings, JSON and comparisons)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Severity(_StrEnum):
    """How much a finding matters. Ordered: ``INFO < WARNING < ERROR``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error: sort by ``-rank`` for the worst first."""
        return _SEVERITY_RANK[self]

    @classmethod
    def worst_first(cls) -> tuple[Severity, ...]:
        """Every severity, errors first: the order reports list them in."""
        return (cls.ERROR, cls.WARNING, cls.INFO)


OMIT_EMPTY = {"omit_empty": True}  # field metadata: to_dict() leaves out None and empty values
_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def severity_counts(severities: Iterable[Severity]) -> dict[str, int]:
    """How many of each severity: ``{"error": 1, "warning": 0, "info": 2}``."""
    counts = {s.value: 0 for s in Severity.worst_first()}
    for severity in severities:
        counts[severity.value] += 1
    return counts


def severity_phrase(counts: Mapping[str, int], *, zeros: bool = False) -> str:
    """``1 error, 2 warnings, 3 info`` (severities with none left out unless ``zeros``)."""
    parts = []
    for severity in Severity.worst_first():
        n = counts.get(severity.value, 0)
        if n or zeros:
            word = severity.value
            parts.append(f"{n} {word}" if n == 1 or severity is Severity.INFO else f"{n} {word}s")
    return ", ".join(parts)


def at_or_above(findings: Iterable[Finding], fail_on: str) -> bool:
    """Whether a finding is at or above severity ``fail_on`` (``never`` never is)."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)


class Kind(_StrEnum):
    """What kind of work a reference points to, as far as its printed text tells."""

    JOURNAL_ARTICLE = "journal-article"
    BOOK = "book"
    CHAPTER = "chapter"
    """A chapter in an edited book (``In: Editor A, ed. Book``)."""
    REPORT = "report"
    """A technical, agency, government or institutional report, a fact sheet in print."""
    GUIDELINE = "guideline"
    """A stand-alone clinical or public-health guideline or recommendation."""
    WEB_PAGE = "web-page"
    """A page of a web site (a patient page, an online fact sheet)."""
    NEWS = "news"
    """A newspaper, magazine or news-site article, a press release."""
    UNKNOWN = "unknown"


class ClaimKind(_StrEnum):
    """What stretch of an article's body a claim is."""

    SENTENCE = "sentence"
    LIST_ITEM = "list-item"
    HEADING = "heading"


class MarkerStyle(_StrEnum):
    """How a citation marker is printed."""

    SUPERSCRIPT = "superscript"
    """Digits glued after punctuation or a word: a superscript flattened to text (``alone.4``)."""
    BRACKET = "bracket"
    """``[2]``, ``[2,3]``, ``[4-6]``."""
    PAREN = "paren"
    """``(1, 2)``."""
    UNICODE = "unicode"
    """Unicode superscript digits: ``¹⁻³``."""
    SUP = "sup"
    """HTML ``<sup>1</sup>``."""
    FOOTNOTE = "footnote"
    """Markdown ``[^1]`` or ``[^smith]``."""
    LINK = "link"
    """A numeric link: ``[1](#ref1)``."""


class BlockKind(_StrEnum):
    """A stretch of an article that is not prose: kept in the document, never a claim."""

    CHROME = "chrome"
    """Site furniture: navigation, share and follow lines, bylines, dates, footers, cookie text."""
    HEADER = "header"
    """The article's own bibliographic header: journal citation line, affiliations, history."""
    CODE = "code"
    """Code blocks and inline code (``scores[2]`` is an index, not a citation)."""
    TABLE = "table"
    """Table rows: numbers in cells are data."""
    FRONT_MATTER = "front-matter"
    """YAML front matter of a Markdown file."""
    COMMENT = "comment"
    """HTML comments in Markdown."""
    FIGURE = "figure"
    """Figure placeholders and captions' labels (``[Figure 2: ...]``)."""


class Support(_StrEnum):
    """How well a claim stands on what it cites (the claim audit)."""

    VERIFIED = "verified"
    """Every cited reference is verified, and nothing the claim says contradicts its record."""
    QUESTIONABLE = "questionable"
    """A cited reference is cited with wrong details, or the claim contradicts its record."""
    RETRACTED_SOURCE = "retracted-source"
    """A cited work has been retracted or withdrawn."""
    UNVERIFIABLE = "unverifiable"
    """A cited reference could not be resolved, or a marker cites a number with no reference."""
    UNSUPPORTED = "unsupported"
    """An evidential claim that cites nothing."""
    NOT_EVIDENTIAL = "not-evidential"
    """Not a checkable claim (advice, a definition, a heading...), citing nothing."""


class Verdict(_StrEnum):
    """The outcome of checking one reference against a metadata source."""

    VERIFIED = "verified"
    """Resolved to a work whose metadata agrees with what is printed."""
    MISMATCH = "mismatch"
    """A real work, cited with wrong or missing details."""
    UNRESOLVED = "unresolved"
    """No work found that matches well enough: possibly fabricated."""
    AMBIGUOUS = "ambiguous"
    """Several works match about equally well."""
    NON_SCHOLARLY = "non-scholarly"
    """A web page or other entry that is not expected to have a DOI."""
    NOT_CHECKED = "not-checked"
    """Not checked: offline and found neither in the cache nor in the lock."""


class _JSONable:
    """Mixin giving dataclass records ``to_dict()`` and ``to_json()``."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """A plain dict of JSON types (enums as their values, tuples as lists)."""
        out = _to_plain(self)
        assert isinstance(out, dict)
        return out

    def to_json(self, **kwargs: Any) -> str:
        """This record as a JSON string (``kwargs`` go to :func:`json.dumps`)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)


def _to_plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _to_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get("json", True)
            and not (f.metadata.get("omit_empty") and getattr(value, f.name) in (None, (), ""))
        }
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _to_plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True, order=True)
class Span(_JSONable):
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Invalid span: [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def __contains__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self.start <= other.start and other.end <= self.end
        if isinstance(other, int):
            return self.start <= other < self.end
        return False


@dataclass(frozen=True, slots=True)
class Person(_JSONable):
    """An author. ``collective`` marks a group author (a committee, a consortium)."""

    family: str
    given: str = ""
    """Given names as printed or published ("Lucy", "Timothy J."); empty when only initials are known."""
    initials: str = ""
    """Initials without periods or spaces, hyphens kept ("L", "TJ", "J-H")."""
    suffix: str = ""
    collective: bool = False

    def __str__(self) -> str:
        return self.vancouver()

    def vancouver(self) -> str:
        """The name as Vancouver style prints it: ``Lee J-H``."""
        if self.collective:
            return self.family
        parts = [self.family]
        if self.initials or self.given:
            parts.append(self.initials or initials_of(self.given))
        if self.suffix:
            parts.append(self.suffix)
        return " ".join(parts)


def initials_of(given: str) -> str:
    """Initials of given names: ``"Jun-Hwan"`` -> ``"J-H"``, ``"Timothy J."`` -> ``"TJ"``."""
    out = []
    for word in given.replace(".", " ").split():
        pieces = [p for p in word.split("-") if p]
        if not pieces:
            continue
        if len(pieces) > 1:
            out.append("-".join(p[0].upper() for p in pieces))
        elif word.isupper() and len(word) <= 3:
            out.append(word)  # already initials ("TJ")
        else:
            out.append(word[0].upper())
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Finding(_JSONable):
    """A problem found in an article or a reference, with where it is.

    ``field``, ``printed`` and ``found`` are set when the finding compares a
    printed value with a published one (``found`` is the source's value).
    """

    code: str
    severity: Severity
    message: str
    document: str | None = None
    line: int | None = None
    span: Span | None = None
    number: int | None = None
    """The reference or marker number the finding is about, if any."""
    field: str | None = None
    printed: str | None = None
    found: str | None = None
    detail: dict[str, str] = dataclasses.field(default_factory=dict, hash=False, compare=False)
    """Extra facts for programs (the notice DOI of a retraction, a candidate's DOI and score)."""

    @classmethod
    def about(
        cls,
        reference: Reference,
        code: str,
        severity: Severity,
        message: str,
        **extra: Any,
    ) -> Finding:
        """A finding located where ``reference`` is printed (document, line, span, number)."""
        return cls(
            code=code,
            severity=severity,
            message=message,
            document=reference.document,
            line=reference.line,
            span=reference.span,
            number=reference.number,
            **extra,
        )

    def __str__(self) -> str:
        where = self.document or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.severity}: [{self.code}] {self.message}"


@dataclass(frozen=True, slots=True)
class Update(_JSONable):
    """A notice about a work: a retraction, correction, expression of concern or withdrawal."""

    type: str
    """Crossref's update type: ``retraction``, ``correction``, ``expression_of_concern``, ``withdrawal``..."""
    doi: str | None = None
    """The DOI of the notice."""
    source: str | None = None
    """Who reported it: ``publisher`` or ``retraction-watch`` (through Crossref), ``pubmed``."""
    label: str | None = None
    date: str | None = None
    """ISO date of the update."""


@dataclass(frozen=True, slots=True)
class Record(_JSONable):
    """A work as a metadata source (Crossref, or a curated snapshot) holds it."""

    doi: str
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[Person, ...] = ()
    journal: str | None = None
    journal_abbrev: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    article_number: str | None = None
    type: str | None = None
    publisher: str | None = None
    issn: tuple[str, ...] = ()
    updates: tuple[Update, ...] = ()
    """Notices about this work (Crossref's ``updated-by``)."""
    updates_to: tuple[str, ...] = ()
    """DOIs this record is itself a notice about (Crossref's ``update-to``)."""
    pmid: str | None = field(default=None, metadata=OMIT_EMPTY)
    pmcid: str | None = field(default=None, metadata=OMIT_EMPTY)
    publication_types: tuple[str, ...] = field(default=(), metadata=OMIT_EMPTY)
    abstract: str | None = field(default=None, metadata=OMIT_EMPTY)
    mesh: tuple[str, ...] = field(default=(), metadata=OMIT_EMPTY)  # major topics end in "*"

    @property
    def first_page(self) -> str | None:
        if not self.pages:
            return None
        return self.pages.split("-")[0].strip() or None

    @property
    def full_title(self) -> str | None:
        if self.title and self.subtitle and self.subtitle.lower() not in self.title.lower():
            return f"{self.title}: {self.subtitle}"
        return self.title


@dataclass(frozen=True, slots=True)
class Provenance(_JSONable):
    """Where a resolution came from: ``crossref`` (with URL and time) or ``curated`` (with sources)."""

    source: str
    url: str | None = None
    retrieved: str | None = None
    """ISO 8601 time the record was retrieved."""
    sources: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution(_JSONable):
    """What checking a reference against a metadata source found."""

    verdict: Verdict
    doi: str | None = None
    record: Record | None = None
    score: float | None = None
    findings: tuple[Finding, ...] = ()
    reason: str | None = None
    """Why there is no DOI, or why the best candidate was rejected."""
    provenance: Provenance | None = None
    linked: tuple[Linked, ...] = field(default=(), metadata=OMIT_EMPTY)
    """What further sources (PubMed) said; what they add is merged into :attr:`record`."""

    @property
    def pmid(self) -> str | None:
        """The work's PMID, from the record or a further source that found it."""
        records = [self.record, *(link.record for link in self.linked)]
        return next((r.pmid for r in records if r is not None and r.pmid), None)


class LinkStatus(_StrEnum):
    """What a further source (PubMed) said: ``found`` the work, ``not-found`` (nothing it
    holds fits the printed fields), ``not-checked`` (offline and not cached, or it failed)."""

    FOUND = "found"
    NOT_FOUND = "not-found"
    NOT_CHECKED = "not-checked"


@dataclass(frozen=True, slots=True)
class Linked(_JSONable):
    """What a further metadata source said about a reference: its record of the work (whose DOI
    may be empty), found ``via`` ``doi``, ``printed-pmid``, ``printed-pmcid``, ``ecitmatch``..."""

    source: str
    status: LinkStatus
    record: Record | None = None
    via: str | None = None
    url: str | None = None
    retrieved: str | None = None
    reason: str | None = None


ReferenceIdentity = tuple["str | None", "int | None", str]
"""A reference's document, number and printed text (:attr:`Reference.identity`)."""


@dataclass(frozen=True, slots=True)
class Reference(_JSONable):
    """One entry of a reference list, parsed into fields.

    Whatever the parser could not read stays in :attr:`raw`. ``authors_truncated``
    records an "et al.": the printed list is not the whole list.
    """

    raw: str
    number: int | None = None
    authors: tuple[Person, ...] = ()
    authors_truncated: bool = False
    title: str | None = None
    journal: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    article_number: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    publisher: str | None = None
    container: str | None = None
    """Where a work that is not a journal article appeared: the web site, the book of a
    chapter, the newspaper (a journal article's is :attr:`journal`)."""
    accessed: str | None = None
    """When a web page was read (``2024-03-01``, ``2024-03``, or as printed): not its date."""
    kind: Kind = Kind.UNKNOWN
    document: str | None = None
    line: int | None = None
    span: Span | None = None
    resolution: Resolution | None = None
    group: int = 0
    """Which of the article's reference lists holds it: 0, unless the article has a list
    per section, each numbered from 1 (then 0, 1, 2... in reading order)."""

    @property
    def first_author(self) -> Person | None:
        return self.authors[0] if self.authors else None

    @property
    def identity(self) -> ReferenceIdentity:
        """``(document, number, raw)``: how a reference is looked up by value (citation keys, locks)."""
        return (self.document, self.number, self.raw)

    @property
    def label(self) -> str:
        """A short name for messages: ``acupuncture-research.txt #3``."""
        doc = self.document or "reference"
        return f"{doc} #{self.number}" if self.number is not None else doc


@dataclass(frozen=True, slots=True)
class Marker(_JSONable):
    """A citation marker in the body text: ``[2,3]``, ``alone.4``, ``¹⁻³``, ``<sup>1</sup>``."""

    text: str
    """The marker as it stands in the text (only the digits for a glued superscript)."""
    numbers: tuple[int, ...]
    """The numbers cited, ranges expanded, in order."""
    span: Span
    style: MarkerStyle
    line: int | None = None
    supports: Span | None = None
    """The stretch of its claim this marker backs: from the previous marker (or the claim's
    start) to this one, so "A 2013 review found X,3 while a 2008 review found Y.4" gives
    reference 3 the 2013 review and reference 4 the 2008 one."""
    evidence: tuple[str, ...] = ()
    """Why the marker was taken (its form, the list's numbers, the order of citation)."""
    group: int = 0
    """The reference list its numbers point into (:attr:`Reference.group`): the list of its
    own section."""


@dataclass(frozen=True, slots=True)
class Block(_JSONable):
    """A stretch of the article's text set aside from the body, and why."""

    kind: BlockKind
    span: Span
    reason: str
    """What gave it away: ``navigation words``, ``byline``, ``fenced code``, ``table row``..."""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Suggestion(_JSONable):
    """A work a claim may name without citing it: a possible source, not a resolution."""

    doi: str
    record: Record
    score: float
    """0..1: how many of the claim's cues the work answers, weighted."""
    reasons: tuple[str, ...]
    """What matched: ``venue: Archives of Internal Medicine``, ``year: 2012``, ``design: ...``."""


@dataclass(frozen=True, slots=True)
class Claim(_JSONable):
    """One sentence, list item or heading of an article's body, with what it cites."""

    text: str
    """The text as printed, markers included."""
    document: str
    span: Span
    line: int
    kind: ClaimKind = ClaimKind.SENTENCE
    section: str | None = None
    """The heading the claim sits under, if any."""
    markers: tuple[Marker, ...] = ()
    numbers: tuple[int, ...] = ()
    """Cited numbers, ranges expanded, in order of appearance, without repeats."""
    references: tuple[Reference, ...] = ()
    """The references the numbers point to (a dangling number has none)."""
    evidential: bool = False
    """Whether the claim asserts a checkable fact that needs a source (:attr:`cues` say why)."""
    cues: tuple[str, ...] = ()
    """The cues the evidential decision saw (``research-report``, ``number``, ``hedge``...)."""
    support: Support | None = None
    """How well the claim stands on what it cites; set by the claim audit after resolving."""
    findings: tuple[Finding, ...] = ()
    """What the claim audit found: an uncited evidential claim, a claim its reference contradicts."""
    suggestions: tuple[Suggestion, ...] = ()
    """Works the claim names without a number ("a 2012 meta-analysis in Archives of Internal
    Medicine") that a metadata source found: possible sources, never asserted as its citation."""

    @property
    def cited(self) -> bool:
        """Whether the claim carries citation markers."""
        return bool(self.markers)

    @property
    def statement(self) -> str:
        """The text with its markers taken out."""
        if not self.markers:
            return self.text
        pieces: list[str] = []
        pos = self.span.start
        for marker in self.markers:
            pieces.append(self.text[pos - self.span.start : marker.span.start - self.span.start])
            pos = marker.span.end
        pieces.append(self.text[pos - self.span.start :])
        joined = " ".join("".join(pieces).split())
        return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", joined)

    @property
    def group(self) -> int:
        """The reference list the claim's markers point into (:attr:`Reference.group`)."""
        return self.markers[0].group if self.markers else 0

    @property
    def dangling(self) -> tuple[int, ...]:
        """Cited numbers that no reference carries."""
        found = {r.number for r in self.references}
        return tuple(n for n in self.numbers if n not in found)


@dataclass(frozen=True, slots=True)
class Document(_JSONable):
    """An article: its body as claims, its reference list, its markers and findings."""

    name: str
    format: str
    text: str = field(repr=False)
    """The plain text acurefs works on; spans index into it (for HTML: the extracted text)."""
    references: tuple[Reference, ...] = ()
    claims: tuple[Claim, ...] = ()
    markers: tuple[Marker, ...] = ()
    findings: tuple[Finding, ...] = ()
    path: str | None = None
    blocks: tuple[Block, ...] = ()
    """What was set aside from the body (chrome, code, tables...): kept here, never claims."""

    def reference(self, number: int, group: int = 0) -> Reference | None:
        """The reference numbered ``number`` (in list ``group``), or None."""
        for ref in self.references:
            if ref.number == number and ref.group == group:
                return ref
        return None

    @property
    def cited_claims(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.cited)

    def claims_citing(self, number: int, group: int = 0) -> tuple[Claim, ...]:
        """The claims that cite reference ``number`` (of list ``group``)."""
        return tuple(c for c in self.claims if number in c.numbers and c.group == group)

    def with_references(self, references: Sequence[Reference]) -> Document:
        """This document with ``references`` in place of its own, and its claims pointing at them."""
        by_number = {(r.group, r.number): r for r in references if r.number is not None}
        claims = tuple(
            dataclasses.replace(
                c,
                references=tuple(
                    by_number[(c.group, n)] for n in c.numbers if (c.group, n) in by_number
                ),
            )
            for c in self.claims
        )
        return dataclasses.replace(self, references=tuple(references), claims=claims)


@dataclass(frozen=True, slots=True)
class Corpus(_JSONable):
    """Several articles read together (the bundled corpus by default)."""

    documents: tuple[Document, ...]
    path: str | None = None

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for d in self.documents for c in d.claims)

    @property
    def cited_claims(self) -> tuple[Claim, ...]:
        return tuple(c for d in self.documents for c in d.cited_claims)

    @property
    def blocks(self) -> tuple[Block, ...]:
        """What was set aside from the articles' bodies (chrome, code, tables...)."""
        return tuple(b for d in self.documents for b in d.blocks)

    @property
    def references(self) -> tuple[Reference, ...]:
        return tuple(r for d in self.documents for r in d.references)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for d in self.documents for f in d.findings)

    def document(self, name: str) -> Document | None:
        for doc in self.documents:
            if doc.name == name:
                return doc
        return None

    def with_references(self, references: Sequence[Reference]) -> Corpus:
        """This corpus with ``references`` (in document order) in place of its documents' own."""
        out, start = [], 0
        for doc in self.documents:
            count = len(doc.references)
            out.append(doc.with_references(references[start : start + count]))
            start += count
        return dataclasses.replace(self, documents=tuple(out))
