"""acurefs: articles citing numbered references in, verified citation data out."""

from ._bibtex import to_bibtex
from ._corpus import load_corpus
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
from ._refparse import parse_reference
from ._version import __version__

__all__ = [
    "AcurefsError",
    "Claim",
    "ConfigError",
    "Corpus",
    "Document",
    "DocumentError",
    "Finding",
    "InputError",
    "Kind",
    "LockError",
    "Marker",
    "Person",
    "Provenance",
    "Record",
    "Reference",
    "Resolution",
    "Severity",
    "SourceError",
    "SourceResponseError",
    "SourceUnavailableError",
    "Span",
    "UnsupportedFormatError",
    "Update",
    "Verdict",
    "__version__",
    "load_corpus",
    "load_document",
    "parse_document",
    "parse_reference",
    "to_bibtex",
    "to_csl_json",
]
