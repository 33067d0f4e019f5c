"""A Crossref-compatible REST API on loopback, its fixture records and record builders.

``from tests.fake_crossref import FakeCrossref, fixture_records`` works from the repository
root under pytest and from ``benchmarks/`` scripts that put the root on ``sys.path``.
"""

from .faults import Fault, Faults
from .fixtures import (
    CORPUS_DOIS,
    DISTRACTOR_DOIS,
    NOTICE_DOIS,
    EvalDataNotFoundError,
    eval_crossref_records,
    fixture_records,
)
from .limits import DEFAULT_LIMITS, PoolLimits, RateLimits
from .records import date_parts, notice, stamp, update_entry, work
from .server import FakeCrossref, LoggedRequest

__all__ = [
    "CORPUS_DOIS",
    "DEFAULT_LIMITS",
    "DISTRACTOR_DOIS",
    "NOTICE_DOIS",
    "EvalDataNotFoundError",
    "FakeCrossref",
    "Fault",
    "Faults",
    "LoggedRequest",
    "PoolLimits",
    "RateLimits",
    "date_parts",
    "eval_crossref_records",
    "fixture_records",
    "notice",
    "stamp",
    "update_entry",
    "work",
]
