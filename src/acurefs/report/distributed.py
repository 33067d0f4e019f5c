"""The validation job with its references resolved on a Dask cluster.

The workers resolve the articles against the local index
(:func:`~acurefs.resolve.distributed.resolve_on_cluster`) and send back, with each
article, every answer the index gave. The job then runs here, as it always does
(:func:`~acurefs.report.job.validate`: the lock, the baseline, suppressions, drift, the
report), with those answers as its source: it asks the same questions, so it gets the
same answers and writes the same report as a run on one machine, without searching the
index again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..models import Corpus
from ..resolve.distributed import ArticleTask, ReplayedIndex, resolve_article, resolve_on_cluster
from ..resolve.lock import Lock, lock_for
from ..resolve.resolver import Progress
from ..sources.index import LocalIndex
from .job import validate
from .model import Report
from .schema import ReportJSON
from .suppressions import Config


def validate_on_cluster(
    corpus: Corpus,
    *,
    index: LocalIndex | str | Path,
    scheduler: str | Any,
    lock: Lock | str | Path | None = None,
    baseline: ReportJSON | Mapping[str, object] | str | Path | None = None,
    config: Config | str | Path | None = None,
    fail_on: str = "error",
    progress: Progress | None = None,
    today: dt.date | None = None,
    task: ArticleTask = resolve_article,
) -> Report:
    """:func:`~acurefs.report.job.validate` for ``corpus``, its references resolved on the
    Dask cluster at ``scheduler`` against the index at ``index`` (a path the workers reach)."""
    where = index if isinstance(index, LocalIndex) else LocalIndex(index)
    the_lock = lock_for(corpus, lock)
    run = resolve_on_cluster(
        corpus,
        index=where,
        scheduler=scheduler,
        lock=the_lock,
        progress=progress,
        task=task,
        answers=True,
    )
    replayed = ReplayedIndex(run.answers, where)
    return validate(
        corpus,
        source=replayed,
        lock=the_lock,
        baseline=baseline,
        config=config,
        fail_on=fail_on,
        offline=False,
        today=today,
    )
