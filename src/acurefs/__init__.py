"""acurefs: articles citing numbered references in, verified citation data out.

The names in ``__all__`` are the stable API (a test pins them). The stages behind
them live in subpackages (document, claims, reference, sources, resolve, export,
report, cli) and may move between releases.
"""

import logging

from ._version import __version__
from .document.assemble import load_document, parse_document
from .document.corpus import load_corpus
from .errors import (
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
from .export.bibtex import to_bibtex
from .export.csl import to_csl_json
from .models import (
    Block,
    BlockKind,
    Claim,
    ClaimKind,
    Corpus,
    Document,
    Finding,
    Kind,
    Linked,
    LinkStatus,
    Marker,
    MarkerStyle,
    Person,
    Provenance,
    Record,
    Reference,
    Resolution,
    Severity,
    Span,
    Suggestion,
    Support,
    Update,
    Verdict,
)
from .reference.parse import parse_reference
from .report.job import validate
from .report.model import Report
from .resolve.lock import Lock
from .resolve.resolver import resolve
from .sources.base import Candidate, MetadataSource, SearchAnswer, Work
from .sources.cache import Cache
from .sources.crossref import Crossref
from .sources.index import LocalIndex
from .sources.limits import Limits
from .sources.pubmed import PubMed
from .sources.retry import RetryPolicy

logging.getLogger(__name__).addHandler(logging.NullHandler())  # no "no handlers" noise

__all__ = [
    "AcurefsError",
    "Block",
    "BlockKind",
    "Cache",
    "Candidate",
    "Claim",
    "ClaimKind",
    "ConfigError",
    "Corpus",
    "Crossref",
    "Document",
    "DocumentError",
    "Finding",
    "InputError",
    "Kind",
    "Limits",
    "LinkStatus",
    "Linked",
    "LocalIndex",
    "Lock",
    "LockError",
    "Marker",
    "MarkerStyle",
    "MetadataSource",
    "Person",
    "Provenance",
    "PubMed",
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
    "Suggestion",
    "Support",
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
