"""acurefs: articles citing numbered references in, verified citation data out."""

from ._bibtex import to_bibtex
from ._cache import Cache
from ._corpus import load_corpus
from ._crossref import Candidate, Crossref, RetryPolicy, SearchAnswer, Work
from ._csl import to_csl_json
from ._document import load_document, parse_document
from ._exceptions import (
    AcurefsError,
    ConfigError,
    DocumentError,
    InputError,
    LockError,
    SourceError,
    SourceResponseError,
    SourceUnavailableError,
    UnsupportedFormatError,
)
from ._lock import Lock
from ._models import (
    Claim,
    Corpus,
    Document,
    Finding,
    Kind,
    Marker,
    Person,
    Provenance,
    Record,
    Reference,
    Resolution,
    Severity,
    Span,
    Update,
    Verdict,
)
from ._ratelimit import Limits
from ._refparse import parse_reference
from ._report import Report
from ._resolve import MetadataSource, resolve
from ._validate import validate
from ._version import __version__

__all__ = [
    "AcurefsError",
    "Cache",
    "Candidate",
    "Claim",
    "ConfigError",
    "Corpus",
    "Crossref",
    "Document",
    "DocumentError",
    "Finding",
    "InputError",
    "Kind",
    "Limits",
    "Lock",
    "LockError",
    "Marker",
    "MetadataSource",
    "Person",
    "Provenance",
    "Record",
    "Reference",
    "Report",
    "Resolution",
    "RetryPolicy",
    "SearchAnswer",
    "Severity",
    "SourceError",
    "SourceResponseError",
    "SourceUnavailableError",
    "Span",
    "UnsupportedFormatError",
    "Update",
    "Verdict",
    "Work",
    "__version__",
    "load_corpus",
    "load_document",
    "parse_document",
    "parse_reference",
    "resolve",
    "to_bibtex",
    "to_csl_json",
    "validate",
]
