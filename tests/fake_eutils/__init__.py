"""An E-utilities-compatible server on loopback (``FakeEutils``) and its fixture articles.

``from tests.fake_eutils import FakeEutils, fixture_articles`` works under pytest and from
``benchmarks/`` scripts that put the repository root on ``sys.path``.
"""

from .articles import Article
from .fixtures import (
    CASE_REPORT_PMID,
    PLACEHOLDER_PMIDS,
    PUBMED_ONLY_RETRACTED_DOI,
    TRIAL_PMID,
    corpus_articles,
    fixture_articles,
    invented_articles,
)
from .server import FakeEutils, LoggedRequest

__all__ = [
    "CASE_REPORT_PMID",
    "PLACEHOLDER_PMIDS",
    "PUBMED_ONLY_RETRACTED_DOI",
    "TRIAL_PMID",
    "Article",
    "FakeEutils",
    "LoggedRequest",
    "corpus_articles",
    "fixture_articles",
    "invented_articles",
]
