"""Resolving a corpus on a Dask cluster: each worker resolves whole articles against a local index.

The articles (parsed where the command runs) go to the workers of an existing
``dask.distributed`` cluster, one task per article. Each worker opens the index read-only
from a path it can reach (shared storage, or its own copy at the same path), once per
process, and resolves the article exactly as a one-process run would: the same
:func:`~acurefs.resolve.resolver.resolve`, the same lock, the same index, so the
results are the same, reference by reference. A worker that dies takes its tasks with
it, and the scheduler runs them again on another worker.

Beside each resolved article a task returns what it asked the index and what the index
answered (:class:`Answers`), so the validation job can be run where the command runs
from those answers (:class:`ReplayedIndex`) without asking the index again.

Dask is an optional extra (``pip install 'acurefs[dask]'``); it is imported only here,
and only when a cluster is used.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document.assemble import ArticleText
from ..errors import ConfigError, DocumentError, SourceUnavailableError
from ..identifiers import normalize_doi
from ..models import Corpus, Document
from ..sources.base import SearchAnswer, Work
from ..sources.index import LocalIndex
from .lock import Lock, printed_hash
from .resolver import Progress, resolve

SearchKey = tuple[str, int, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
"""A search as asked: the query, the rows, the field queries and the filters (sorted)."""


@dataclass
class Answers:
    """What an index answered during a run: searches, works and registration agencies."""

    searches: dict[SearchKey, SearchAnswer] = field(default_factory=dict)
    works: dict[str, Work | None] = field(default_factory=dict)
    """Works by DOI; None for a DOI the index did not answer for (left unchecked)."""
    agencies: dict[str, str | None] = field(default_factory=dict)
    """Registration agencies by DOI; None where the index could not tell."""

    def update(self, other: Answers) -> None:
        self.searches.update(other.searches)
        self.works.update(other.works)
        self.agencies.update(other.agencies)


def search_key(
    query: str,
    rows: int,
    fields: Mapping[str, str] | None,
    filters: Mapping[str, str] | None,
) -> SearchKey:
    return (
        query,
        rows,
        tuple(sorted((fields or {}).items())),
        tuple(sorted((filters or {}).items())),
    )


class RecordingIndex:
    """A local index that remembers every answer it gives (for :class:`ReplayedIndex`)."""

    def __init__(self, index: LocalIndex) -> None:
        self.index = index
        self.name = index.name
        self.answers = Answers()
        self._lock = threading.Lock()

    def works(self, dois: Iterable[str]) -> dict[str, Work]:
        wanted = list(dict.fromkeys(normalize_doi(d) for d in dois if d))
        found = self.index.works(wanted)
        with self._lock:
            self.answers.works.update({d: found.get(d) for d in wanted})
        return found

    def search(
        self,
        query: str,
        *,
        rows: int = 5,
        fields: Mapping[str, str] | None = None,
        filters: Mapping[str, str] | None = None,
    ) -> SearchAnswer:
        answer = self.index.search(query, rows=rows, fields=fields, filters=filters)
        with self._lock:
            self.answers.searches[search_key(query, rows, fields, filters)] = answer
        return answer

    def registration_agency(self, doi: str) -> str | None:
        doi = normalize_doi(doi)
        try:
            agency = self.index.registration_agency(doi)
        except SourceUnavailableError:
            with self._lock:
                self.answers.agencies[doi] = None
            raise
        with self._lock:
            self.answers.agencies[doi] = agency
        return agency


class ReplayedIndex:
    """The answers the workers recorded, as a metadata source that describes itself as the
    index did; a question they did not answer goes to the index itself, when it is reachable."""

    offline = True

    def __init__(self, answers: Answers, index: LocalIndex) -> None:
        self.answers = answers
        self.index = index
        self.name = index.name

    def describe(self) -> Mapping[str, str]:
        return self.index.describe()

    def usage(self) -> tuple[Mapping[str, int], int]:
        return self.index.usage()

    def works(self, dois: Iterable[str]) -> dict[str, Work]:
        wanted = list(dict.fromkeys(normalize_doi(d) for d in dois if d))
        missing = [d for d in wanted if d not in self.answers.works]
        found = self.index.works(missing) if missing else {}
        for doi in wanted:
            work = self.answers.works.get(doi)
            if work is not None:
                found[doi] = work
        return found

    def search(
        self,
        query: str,
        *,
        rows: int = 5,
        fields: Mapping[str, str] | None = None,
        filters: Mapping[str, str] | None = None,
    ) -> SearchAnswer:
        answer = self.answers.searches.get(search_key(query, rows, fields, filters))
        if answer is not None:
            return answer
        return self.index.search(query, rows=rows, fields=fields, filters=filters)

    def registration_agency(self, doi: str) -> str | None:
        doi = normalize_doi(doi)
        if doi not in self.answers.agencies:
            return self.index.registration_agency(doi)
        agency = self.answers.agencies[doi]
        if agency is None:
            return self.index.registration_agency(doi)  # raises: the index cannot tell
        return agency


@dataclass(frozen=True, slots=True)
class ArticleJob:
    """What a worker needs besides the article: where the index is, and the lock."""

    index: str
    complete: bool
    lock: Lock
    record: bool = False
    """Send back every answer the index gave (for :class:`ReplayedIndex`)."""


ArticleTask = Callable[[Document, ArticleJob], tuple[Document, Answers]]
"""What a worker runs for one article."""

ATTEMPTS = 3
"""Times an article is submitted before a cluster that keeps losing it fails the run."""
CONNECT_TIMEOUT = 10.0
"""Seconds to try to reach the scheduler."""

_OPEN: dict[tuple[str, bool], LocalIndex] = {}
_OPEN_LOCK = threading.Lock()


def worker_index(path: str, complete: bool) -> LocalIndex:
    """The index at ``path``, opened once per worker process and kept for its next tasks."""
    with _OPEN_LOCK:
        index = _OPEN.get((path, complete))
        if index is None:
            index = _OPEN[(path, complete)] = LocalIndex(path, complete=complete)
        return index


def resolve_article(document: Document, job: ArticleJob) -> tuple[Document, Answers]:
    """One article resolved against the worker's index, and the index's answers (when asked)."""
    index = worker_index(job.index, job.complete)
    if not job.record:
        return resolve(document, source=index, lock=job.lock), Answers()
    recording = RecordingIndex(index)
    resolved = resolve(document, source=recording, lock=job.lock)
    return resolved, recording.answers


@dataclass(frozen=True, slots=True)
class ClusterRun:
    """A corpus resolved on a cluster, and every answer the index gave for it."""

    corpus: Corpus
    answers: Answers
    workers: int


def resolve_on_cluster(
    corpus: Corpus,
    *,
    index: LocalIndex | str | Path,
    scheduler: str | Any,
    lock: Lock | None = None,
    progress: Progress | None = None,
    task: ArticleTask = resolve_article,
    timeout: float = CONNECT_TIMEOUT,
    answers: bool = False,
) -> ClusterRun:
    """Resolve every article of ``corpus`` on the Dask cluster at ``scheduler``.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``;
    ``index`` is the index's path as the workers see it. ``lock`` answers for references
    the index cannot (default: none). ``task`` is what each worker runs per article (tests
    wrap it). ``timeout`` is how long to try to reach the scheduler, in seconds. ``answers``
    sends back every answer the index gave (what :class:`ReplayedIndex` replays). A worker
    that cannot open the index fails the run with a ConfigError.
    """
    distributed = _distributed()
    where = index if isinstance(index, LocalIndex) else LocalIndex(index)
    the_lock = lock if lock is not None else Lock(())
    client, owned = _client(distributed, scheduler, timeout)
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        if workers == 0:
            raise ConfigError(f"The Dask cluster at {scheduler!r} has no workers")

        def submit(document: Document) -> Any:
            job = ArticleJob(
                str(where.path), where.complete, _lock_for(the_lock, document), record=answers
            )
            return client.submit(task, document, job, pure=False)

        results = _collect(distributed, client, submit, corpus.documents, progress)
    finally:
        if owned:
            client.close()
    given = Answers()
    for _, recorded in results:
        given.update(recorded)
    resolved = dataclasses.replace(corpus, documents=tuple(doc for doc, _ in results))
    return ClusterRun(resolved, given, workers)


def parse_article(article: ArticleText) -> Document | DocumentError:
    """One article parsed on a worker; an article that cannot be parsed gives its error."""
    try:
        return article.parse()
    except DocumentError as exc:
        return exc


def parse_on_cluster(
    articles: Sequence[ArticleText], scheduler: str | Any, *, timeout: float = CONNECT_TIMEOUT
) -> list[Document | DocumentError]:
    """The articles parsed by the workers of the Dask cluster at ``scheduler`` (an address or
    a ``distributed.Client``), in order: the same parser as here, so the same documents.
    Parsing is most of what a command does before resolving; on a cluster it is spread too."""
    if not articles:
        return []
    distributed = _distributed()
    client, owned = _client(distributed, scheduler, timeout)
    try:
        futures = client.map(parse_article, list(articles), pure=False)
        try:
            return list(client.gather(futures))
        except Exception as exc:  # a worker's death or the scheduler's (parse_article keeps
            # an article's own DocumentError as its result): the cluster failed
            raise SourceUnavailableError(
                f"The Dask cluster could not parse the articles: {exc}"
            ) from exc
    finally:
        if owned:
            client.close()


def _lock_for(lock: Lock, document: Document) -> Lock:
    """The lock's entries for this article's printed references (what the resolver can ask
    for), in order: each task carries only those."""
    printed = {printed_hash(ref) for ref in document.references}
    entries = tuple(e for e in lock.entries if e.printed_sha256 in printed)
    return dataclasses.replace(lock, entries=entries)


def _collect(
    distributed: Any,
    client: Any,
    submit: Callable[[Document], Any],
    documents: Sequence[Document],
    progress: Progress | None,
) -> list[tuple[Document, Answers]]:
    """Every article's result, in order, fetched as each task ends (references counted for
    ``progress``). An article whose result was lost with its worker is submitted again."""
    futures = {submit(doc): i for i, doc in enumerate(documents)}
    tries = dict.fromkeys(range(len(documents)), 1)
    results: dict[int, tuple[Document, Answers]] = {}
    total, done = sum(len(d.references) for d in documents), 0
    if progress is not None:
        progress(0, total)
    queue = distributed.as_completed(
        list(futures), with_results=True, raise_errors=False, loop=client.loop
    )
    try:
        for future, result in queue:
            i = futures.pop(future)
            if future.status == "error":
                _raise_task_error(documents[i], future.exception())
            if not isinstance(result, tuple):  # cancelled: lost with a worker, or forgotten
                if tries[i] >= ATTEMPTS:
                    raise SourceUnavailableError(
                        f"The Dask cluster lost {documents[i].name!r} {tries[i]} times: {result!r}"
                    )
                tries[i] += 1
                again = submit(documents[i])
                futures[again] = i
                queue.add(again)
                continue
            results[i] = result
            done += len(documents[i].references)
            if progress is not None:
                progress(done, total)
    finally:
        for future in futures:
            future.cancel()
    return [results[i] for i in range(len(documents))]


def _raise_task_error(document: Document, error: BaseException) -> None:
    """A task's error, as acurefs's: the index that cannot be opened, or a cluster that failed."""
    if isinstance(error, ConfigError):
        raise ConfigError(f"A Dask worker could not open the index: {error}") from error
    if type(error).__name__ == "KilledWorker":  # the workers running it kept dying
        raise SourceUnavailableError(
            f"The Dask workers running {document.name!r} kept dying: {error}"
        ) from error
    raise error


@contextlib.contextmanager
def connected(address: str, *, timeout: float = CONNECT_TIMEOUT) -> Iterator[Any]:
    """A ``distributed.Client`` of the cluster at ``address``, closed after; one line of
    ConfigError when the scheduler cannot be reached or has no workers."""
    client, _ = _client(_distributed(), address, timeout)
    try:
        if not client.scheduler_info().get("workers"):
            raise ConfigError(f"The Dask cluster at {address!r} has no workers")
        yield client
    finally:
        client.close()


def _client(distributed: Any, scheduler: str | Any, timeout: float) -> tuple[Any, bool]:
    if not isinstance(scheduler, str):
        return scheduler, False
    try:
        return distributed.Client(scheduler, timeout=timeout, set_as_default=False), True
    except OSError as exc:
        raise ConfigError(f"Cannot reach the Dask scheduler at {scheduler!r}: {exc}") from exc


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ConfigError(
            "Running on a Dask cluster needs dask.distributed: pip install 'acurefs[dask]'"
        ) from exc
    return distributed
