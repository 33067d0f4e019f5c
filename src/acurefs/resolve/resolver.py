"""Resolving references: every reference gets a Resolution (DOI, record, verdict, findings).

``resolve()`` takes a document, a corpus or references and returns the same kind
of object with each reference's ``.resolution`` filled in and claims pointing at
the resolved references. Printed DOIs are looked up in batches and checked, never
trusted; references without one are searched for and the candidates validated
(:mod:`acurefs._matching`). Offline, answers come from the cache, then the lock;
what neither holds is ``not-checked``.

A source that fails during a run (unreachable after its retries, or answering what
acurefs cannot use) is not asked again: every answer received so far is kept, what
it had not answered comes from its cache and the lock, and the rest is
``not-checked`` with a ``not-checked`` finding quoting the source's error. Nothing is
sent once a run is over: the workers are stopped before their next request.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, overload

from ..errors import SourceError, SourceUnavailableError
from ..identifiers import normalize_doi
from ..models import (
    Corpus,
    Document,
    Finding,
    Provenance,
    Record,
    Reference,
    Resolution,
    Severity,
    Verdict,
)
from ..reference.cleaning import looks_like_two_references
from ..sources.base import (
    MetadataSource,
    RefreshableSource,
    Work,
    concurrency,
)
from ..sources.crossref import Crossref
from ..sources.pubmed import PubMed
from ..sources.settings import Settings
from .asking import cached_only, search_query, stoppable, takes_parsed
from .checks import check_record, notice_findings, verdict_for
from .claim_audit import audit
from .lock import Lock, lock_for, printed_hash, resolution_from_entry
from .matching import Decision, Outcome, decide, evidence_for, non_scholarly
from .pubmed import link_pubmed, locked_findings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while references are resolved."""

NOT_CHECKED = "not-checked"
"""The code of the finding on a reference left unchecked because the source failed."""

T = TypeVar("T", Document, Corpus)


@dataclass(frozen=True, slots=True)
class SearchAgain:
    """A printed or locked DOI that could not stand: search for the work, carrying these findings."""

    findings: tuple[Finding, ...] = ()


@overload
def resolve(
    target: T,
    *,
    source: MetadataSource | Lock | None = ...,
    offline: bool = ...,
    lock: Lock | str | Path | None = ...,
    progress: Progress | None = ...,
    pubmed: PubMed | None = ...,
) -> T: ...


@overload
def resolve(
    target: Iterable[Reference],
    *,
    source: MetadataSource | Lock | None = ...,
    offline: bool = ...,
    lock: Lock | str | Path | None = ...,
    progress: Progress | None = ...,
    pubmed: PubMed | None = ...,
) -> list[Reference]: ...


def resolve(
    target: Document | Corpus | Iterable[Reference],
    *,
    source: MetadataSource | Lock | None = None,
    offline: bool = False,
    lock: Lock | str | Path | None = None,
    progress: Progress | None = None,
    pubmed: PubMed | None = None,
) -> Document | Corpus | list[Reference]:
    """Resolve every reference of a document, a corpus, or a list of references.

    ``source`` defaults to Crossref configured from the environment (``ACUREFS_*``),
    through the cache; pass ``acurefs.Crossref(...)``, a :class:`Lock` (answers from
    the lock only) or any :class:`MetadataSource`. ``offline=True`` never touches the
    network. ``lock`` (a path or a Lock; by default the ``acurefs.lock.json`` beside
    the articles, if any) answers for references the source cannot check.

    ``pubmed`` (an ``acurefs.PubMed``) is asked second, for PMIDs, publication types,
    abstracts and notices (:mod:`acurefs.resolve.pubmed`). With no ``source``, both come
    from the environment: ``ACUREFS_SOURCES`` (default ``crossref,pubmed``) says which.

    A source that fails during the run does not make this raise: see the module
    docstring (:func:`source_failure` tells whether it happened).
    """
    references = list(target.references) if isinstance(target, (Document, Corpus)) else list(target)
    the_lock = lock_for(target, lock)
    owned: list[Crossref | PubMed] = []
    if isinstance(source, Lock):
        metadata: MetadataSource | None = None
        the_lock = source
    elif source is None:
        crossref = Crossref.from_env(offline=offline or None)
        metadata = crossref
        owned.append(crossref)
        if pubmed is None and "pubmed" in Settings.from_env().sources:
            pubmed = PubMed.from_env(offline=offline or None)
            owned.append(pubmed)
    else:
        metadata = source
    resolver = Resolver(metadata, the_lock, offline=offline, progress=progress, pubmed=pubmed)
    try:
        return resolve_with(resolver, target, references)
    finally:
        for made in owned:
            made.close()


def resolve_with(
    resolver: Resolver,
    target: Document | Corpus | Iterable[Reference],
    references: Sequence[Reference],
) -> Document | Corpus | list[Reference]:
    """Run ``resolver`` over ``references`` and put the results back into ``target``'s shape."""
    resolutions = resolver.run(references)
    resolved = [
        dataclasses.replace(r, resolution=res)
        for r, res in zip(references, resolutions, strict=True)
    ]
    if isinstance(target, (Document, Corpus)):
        return audit(target.with_references(resolved), resolver.suggestion_source())
    return resolved


class Resolver:
    """Resolves references against a metadata source, falling back to a lock."""

    def __init__(
        self,
        source: MetadataSource | None,
        lock: Lock | None,
        *,
        offline: bool = False,
        progress: Progress | None = None,
        rows: int = 5,
        failure: str | None = None,
        pubmed: PubMed | None = None,
    ) -> None:
        self.source = source
        self.pubmed = pubmed
        """The second source (PubMed), asked after the first for what it adds."""
        self.lock = lock
        self.offline = offline
        self.progress = progress
        self.rows = rows
        self.interrupted = False
        """Set when Ctrl-C stopped the run: unanswered references are ``not-checked``."""
        self.failure = failure
        """Why the source failed during the run (its error message), else None. Given, the
        source is not asked at all: answers come from its cache and the lock alone."""
        self._asked = source
        """The source as this run asks it: a view its stop silences."""
        self._takes_parsed = source is not None and takes_parsed(source)
        self._stop = threading.Event()
        self._done = 0
        self._total = 0

    def run(self, references: Sequence[Reference]) -> list[Resolution]:
        # The same printed reference in several places is resolved once.
        unique: dict[str, Reference] = {}
        for ref in references:
            unique.setdefault(printed_hash(ref), ref)
        self._total = len(unique)
        self._done = 0
        self._tick(0)
        answers = self._answers(unique)
        if self.pubmed is not None and self._second_source_asked():
            view = self.pubmed.cached_only() if self.offline else self.pubmed
            answers = link_pubmed(unique, answers, view)
        if self._done < self._total:
            self._tick(self._total - self._done)
        out = []
        for ref in references:
            res = answers[printed_hash(ref)]
            out.append(_located(res, ref))
        return out

    def _second_source_asked(self) -> bool:
        """PubMed is asked when the first source answered: not for a lock alone, nor after
        the first source failed or the run was interrupted (the run is partial then)."""
        return self.source is not None and self.failure is None and not self.interrupted

    def suggestion_source(self) -> MetadataSource | None:
        """What the claim audit may search for the works claims name: the source (its cache
        alone when offline), or nothing when there is none or it failed or was interrupted."""
        if self.source is None or self.failure is not None or self.interrupted:
            return None
        if self.offline and isinstance(self.source, RefreshableSource):
            return self.source.cached_only()
        return self.source  # online, or a local source (no cache to keep to)

    def _tick(self, step: int = 1) -> None:
        self._done += step
        if self.progress is not None:
            self.progress(min(self._done, self._total), self._total)

    def _answers(self, unique: dict[str, Reference]) -> dict[str, Resolution]:
        """Every reference's resolution: from the source, else (failed) its cache and the lock."""
        if self.source is None:
            return {digest: self._from_lock(ref) for digest, ref in unique.items()}
        if self.failure is not None:
            return self._without_source(unique)
        answers: dict[str, Resolution] = {}
        self._stop = threading.Event()
        self._asked = stoppable(self.source, self._stop)
        self._takes_parsed = takes_parsed(self._asked)
        try:
            self._ask(unique, answers)
        except SourceError as exc:
            self._lose(exc)
            missing = {d: r for d, r in unique.items() if d not in answers}
            answers.update(self._without_source(missing))
        finally:
            self._stop.set()  # the run is over: a worker still running sends nothing more
        return answers

    def _lose(self, exc: SourceError) -> None:
        """The source failed: ask it nothing more."""
        self.failure = self.failure or str(exc)
        self._stop.set()
        log.info("%s: the rest comes from the cache and the lock, or is not checked", exc)

    def _without_source(self, missing: dict[str, Reference]) -> dict[str, Resolution]:
        """What the failed source's cache and the lock hold; the rest is not-checked, saying why."""
        view = self.source if self.offline else cached_only(self.source)
        fallback = Resolver(view, self.lock, offline=True, rows=self.rows, failure=self.failure)
        answers: dict[str, Resolution] = {}
        if view is not None:
            with contextlib.suppress(SourceError):  # not even its cache answers: the lock alone
                fallback._ask(missing, answers)
        for digest, ref in missing.items():
            answers.setdefault(digest, fallback._from_lock(ref))
        return answers

    def _ask(self, unique: dict[str, Reference], answers: dict[str, Resolution]) -> None:
        """Resolve through the source, putting each answer into ``answers`` as it comes."""
        to_search: dict[str, SearchAgain] = {}
        locked = self._locked_dois(unique)
        for digest, ref in unique.items():
            if ref.doi or digest in locked:
                continue
            if non_scholarly(ref):
                answers[digest] = Resolution(
                    Verdict.NON_SCHOLARLY,
                    reason="a web page without a DOI: not expected in Crossref",
                )
                self._tick()
            else:
                to_search[digest] = SearchAgain()
        for digest, outcome in self._by_doi(unique, locked).items():
            if isinstance(outcome, SearchAgain):
                to_search[digest] = outcome
            else:
                answers[digest] = outcome
                self._tick()
        if to_search:
            searched: dict[str, Resolution] = {}
            try:
                self._searches(unique, to_search, searched)
            finally:
                answers.update(searched)
            answers.update(self._with_canonical_records(searched, unique))

    def _by_doi(
        self, unique: dict[str, Reference], locked: dict[str, str]
    ) -> dict[str, Resolution | SearchAgain]:
        """References with a printed DOI, or one the lock accepted, checked against its work."""
        assert self._asked is not None
        printed = {d: normalize_doi(r.doi) for d, r in unique.items() if r.doi}
        wanted = [*printed.values(), *locked.values()]
        works = self._asked.works(wanted) if wanted else {}
        out: dict[str, Resolution | SearchAgain] = {}
        for digest, doi in locked.items():
            out[digest] = self._check_locked_doi(unique[digest], doi, works.get(doi))
        for digest, doi in printed.items():
            out[digest] = self._check_printed_doi(unique[digest], works.get(doi))
        return out

    def _searches(
        self,
        unique: dict[str, Reference],
        to_search: dict[str, SearchAgain],
        answers: dict[str, Resolution],
    ) -> None:
        """Run the searches into ``answers``. Ctrl-C keeps what was answered and marks the rest
        not checked; a failure stops every worker before its next request, keeps what was
        answered and is raised. A source that takes one search at a time (the local index)
        is asked in this thread: a worker thread would only add its hand-offs."""
        workers = concurrency(self._asked)
        if workers == 1:
            self._searches_inline(unique, to_search, answers)
            return
        pool = ThreadPoolExecutor(max_workers=workers)
        futures = {
            pool.submit(self._search, unique[digest], again.findings): digest
            for digest, again in to_search.items()
        }
        try:
            for future in as_completed(futures):
                answers[futures[future]] = future.result()
                self._tick()
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            self._interrupted(to_search, answers)
            return
        except BaseException:
            self._stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            answers.update(_answered(futures))
            raise
        pool.shutdown()

    def _searches_inline(
        self,
        unique: dict[str, Reference],
        to_search: dict[str, SearchAgain],
        answers: dict[str, Resolution],
    ) -> None:
        """:meth:`_searches` one after another, in this thread, with the same outcomes."""
        try:
            for digest, again in to_search.items():
                answers[digest] = self._search(unique[digest], again.findings)
                self._tick()
        except KeyboardInterrupt:
            self._interrupted(to_search, answers)
        except BaseException:
            self._stop.set()
            raise

    def _interrupted(self, to_search: Mapping[str, object], answers: dict[str, Resolution]) -> None:
        """Ctrl-C: nothing more is sent; what was not answered is marked not checked."""
        self.interrupted = True
        self._stop.set()
        for digest in to_search:
            answers.setdefault(
                digest, Resolution(Verdict.NOT_CHECKED, reason="interrupted before it was checked")
            )

    def _with_canonical_records(
        self, searched: dict[str, Resolution], unique: dict[str, Reference]
    ) -> dict[str, Resolution]:
        """Validate accepted search results against the work's own record, not the search hit.

        A search answer is trimmed and may be older than the work's record (a retraction
        since); the records of the accepted DOIs are fetched in batches (usually cached).
        """
        accepted = {
            d: r
            for d, r in searched.items()
            if r.doi and r.record is not None and r.verdict in (Verdict.VERIFIED, Verdict.MISMATCH)
        }
        if not accepted or self._asked is None or self.interrupted:
            return searched
        try:
            fresh = self._asked.works(r.doi for r in accepted.values() if r.doi)
        except KeyboardInterrupt:
            self.interrupted = True
            return searched
        out = dict(searched)
        for digest, res in accepted.items():
            work = fresh.get(res.doi or "")
            if work is None or work.record is None or work.record == res.record:
                continue
            carried = [f for f in res.findings if f.code in ("doi-mismatch", "doi-not-found")]
            again = self._accepted(
                unique[digest],
                work.record,
                res.score or 0.0,
                res.provenance or self._provenance(work.url, work.retrieved),
            )
            if carried:
                again = dataclasses.replace(
                    again, verdict=Verdict.MISMATCH, findings=(*carried, *again.findings)
                )
            out[digest] = again
        return out

    def _check_printed_doi(self, ref: Reference, work: Work | None) -> Resolution | SearchAgain:
        """A resolution for a reference that prints a DOI, or findings to carry into a search."""
        assert ref.doi is not None
        if work is None:
            return self._from_lock(ref)
        if work.record is None:
            return self._unknown_doi(ref, ref.doi)
        evidence = evidence_for(ref, work.record)
        # Only what the reference prints can contradict the DOI: a bare DOI stands on its own.
        different = evidence.vetoed is not None or (
            bool(ref.title)
            and evidence.title is not None
            and evidence.title < 0.6
            and (evidence.author or 0.0) < 1.0
        )
        if not different:
            provenance = self._provenance(work.url, work.retrieved)
            return self._accepted(ref, work.record, evidence.score, provenance)
        title = work.record.title or "another work"
        mismatch = Finding.about(
            ref,
            "doi-mismatch",
            Severity.ERROR,
            f"DOI {ref.doi} belongs to a different work: {title!r}",
            field="doi",
            printed=ref.doi,
            found=title,
        )
        return SearchAgain((mismatch,))

    def _unknown_doi(self, ref: Reference, doi: str) -> Resolution | SearchAgain:
        """A printed DOI the source does not know: another agency's, or one nobody knows."""
        assert self._asked is not None
        try:
            agency = self._asked.registration_agency(doi)
        except SourceUnavailableError as exc:
            # Crossref does not know it, and nobody could say who does: not "not found".
            finding = Finding.about(
                ref,
                NOT_CHECKED,
                Severity.WARNING,
                f"Not checked: DOI {doi} is not in Crossref and its registration agency "
                f"could not be asked ({exc})",
                field="doi",
                printed=doi,
            )
            return SearchAgain((finding,))
        if agency and agency.lower() != "crossref":
            finding = Finding.about(
                ref,
                "doi-not-found",
                Severity.INFO,
                f"DOI {doi} is registered with {agency}, not Crossref",
                field="doi",
                printed=doi,
            )
            return Resolution(
                Verdict.NOT_CHECKED,
                doi=normalize_doi(doi),
                reason=f"registered with {agency}, not Crossref: its metadata is not checked",
                findings=(finding,),
            )
        finding = Finding.about(
            ref,
            "doi-not-found",
            Severity.ERROR,
            f"DOI {doi} does not resolve: no registration agency knows it",
            field="doi",
            printed=doi,
        )
        return SearchAgain((finding,))

    def _locked_dois(self, unique: dict[str, Reference]) -> dict[str, str]:
        """References the lock resolved to a DOI (and print none): re-checked by DOI, not searched."""
        if self.lock is None:
            return {}
        out = {}
        for digest, ref in unique.items():
            if ref.doi:
                continue
            entry = self.lock.entry_for(ref)
            if (
                entry is not None
                and entry.doi
                and entry.verdict in (Verdict.VERIFIED, Verdict.MISMATCH)
            ):
                out[digest] = normalize_doi(entry.doi)
        return out

    def _check_locked_doi(
        self, ref: Reference, doi: str, work: Work | None
    ) -> Resolution | SearchAgain:
        """The lock's DOI, checked again against the work's current record."""
        if work is None:
            return self._from_lock(ref)  # offline and not cached: the lock's own record
        if work.record is None:
            gone = Finding.about(
                ref,
                "doi-not-found",
                Severity.ERROR,
                f"DOI {doi}, accepted in the lock, no longer resolves",
                field="doi",
                found=doi,
            )
            return SearchAgain((gone,))
        entry = self.lock.entry_for(ref) if self.lock else None
        evidence = evidence_for(ref, work.record)
        if evidence.vetoed is not None:
            return SearchAgain()  # the printed reference no longer fits the locked work
        score = entry.score if entry and entry.score is not None else evidence.score
        return self._accepted(ref, work.record, score, self._provenance(work.url, work.retrieved))

    def _provenance(self, url: str | None, retrieved: str | None) -> Provenance:
        """Where an answer came from: the source by its name (``crossref``, ``local-index``)."""
        return Provenance(
            source=getattr(self.source, "name", "crossref"), url=url, retrieved=retrieved
        )

    def _search(self, ref: Reference, carried: tuple[Finding, ...]) -> Resolution:
        assert self._asked is not None
        if self._takes_parsed:
            answer = self._asked.search(search_query(ref), rows=self.rows, reference=ref)  # type: ignore[call-arg]
        else:
            answer = self._asked.search(search_query(ref), rows=self.rows)
        if answer is None:
            fallback = self._from_lock(ref)
            return dataclasses.replace(fallback, findings=(*carried, *fallback.findings))
        decision = decide(ref, [c.record for c in answer.candidates])
        provenance = self._provenance(answer.url, answer.retrieved)
        if decision.outcome is Outcome.ACCEPTED and looks_like_two_references(ref.raw):
            decision = Decision(
                Outcome.UNRESOLVED, decision.best, None, "two references seem to run together"
            )
        if decision.outcome is Outcome.ACCEPTED and decision.best is not None:
            res = self._accepted(ref, decision.best.record, decision.best.score, provenance)
            if carried and ref.doi and normalize_doi(ref.doi) != decision.best.record.doi:
                res = dataclasses.replace(
                    res, verdict=Verdict.MISMATCH, findings=(*carried, *res.findings)
                )
            return res
        return self._not_accepted(ref, decision, provenance, carried)

    def _accepted(
        self, ref: Reference, record: Record, score: float, provenance: Provenance
    ) -> Resolution:
        findings = check_record(ref, record)
        return Resolution(
            verdict=verdict_for(findings),
            doi=record.doi,
            record=record,
            score=round(score, 4),
            findings=tuple(findings),
            provenance=provenance,
        )

    def _not_accepted(
        self,
        ref: Reference,
        decision: Decision,
        provenance: Provenance,
        carried: tuple[Finding, ...],
    ) -> Resolution:
        best = decision.best
        detail: dict[str, str] = {}
        if best is not None:
            detail = {"candidate_doi": best.record.doi, "candidate_score": f"{best.score:.2f}"}
            if best.record.title:
                detail["candidate_title"] = best.record.title
        if (
            decision.outcome is Outcome.AMBIGUOUS
            and best is not None
            and decision.runner_up is not None
        ):
            other = decision.runner_up.record
            detail["runner_up_doi"] = other.doi
            finding = Finding.about(
                ref,
                "ambiguous",
                Severity.WARNING,
                f"Matches {best.record.doi} and {other.doi} about equally well; not choosing",
                detail=detail,
            )
            verdict = Verdict.AMBIGUOUS
        else:
            candidate = f"; best candidate {best.record.doi} ({decision.reason})" if best else ""
            finding = Finding.about(
                ref,
                "unresolved",
                Severity.WARNING,
                f"No published work matches this reference{candidate or ': ' + decision.reason}",
                detail=detail,
            )
            verdict = Verdict.UNRESOLVED
        return Resolution(
            verdict=verdict,
            score=best.score if best else None,
            findings=(*carried, finding),
            reason=decision.reason,
            provenance=provenance,
        )

    def _from_lock(self, ref: Reference) -> Resolution:
        entry = self.lock.entry_for(ref) if self.lock else None
        if entry is None and self.failure is not None:
            return not_checked(ref, self.failure)
        if entry is None:
            if getattr(self.source, "name", None) == "local-index":
                reason = "neither the local index nor the lock has it"
            elif self.source:
                reason = "offline, and neither the cache nor the lock has it"
            else:
                reason = "not in the lock"
            return Resolution(Verdict.NOT_CHECKED, reason=reason)
        res = resolution_from_entry(entry)
        if entry.record is not None and entry.verdict in (Verdict.VERIFIED, Verdict.MISMATCH):
            findings = [*check_record(ref, entry.record), *locked_findings(ref, res)]
            return dataclasses.replace(res, verdict=verdict_for(findings), findings=tuple(findings))
        if entry.record is not None:
            return dataclasses.replace(
                res, findings=tuple(notice_findings(ref, entry.record.updates))
            )
        if res.verdict in (Verdict.UNRESOLVED, Verdict.AMBIGUOUS):
            code = res.verdict.value
            message = "Not resolved to a published work" if code == "unresolved" else "Ambiguous"
            reason = f": {res.reason}" if res.reason else ""
            finding = Finding.about(ref, code, Severity.WARNING, message + reason)
            return dataclasses.replace(res, findings=(finding,))
        return res


def not_checked(ref: Reference, why: str) -> Resolution:
    """A reference the source failed to check: ``not-checked``, with a finding saying why."""
    finding = Finding.about(ref, NOT_CHECKED, Severity.WARNING, f"Not checked: {why}")
    return Resolution(Verdict.NOT_CHECKED, reason=why, findings=(finding,))


def source_failure(references: Iterable[Reference]) -> str | None:
    """Why the source failed while these references were resolved (a ``not-checked``
    finding's reason), or None when it did not."""
    for ref in references:
        res = ref.resolution
        if res is not None and any(f.code == NOT_CHECKED for f in res.findings):
            return res.reason
    return None


def checked_nothing(references: Iterable[Reference]) -> bool:
    """True when there are references and not one of them could be checked."""
    verdicts = [r.resolution.verdict if r.resolution else Verdict.NOT_CHECKED for r in references]
    return bool(verdicts) and all(v is Verdict.NOT_CHECKED for v in verdicts)


def _answered(futures: Mapping[Future[Resolution], str]) -> dict[str, Resolution]:
    """The resolutions of the searches that finished without an error."""
    return {
        digest: future.result()
        for future, digest in futures.items()
        if future.done() and not future.cancelled() and future.exception() is None
    }


def _located(res: Resolution, ref: Reference) -> Resolution:
    """The same resolution with its findings placed at this reference (shared ones were resolved once)."""
    place = (ref.document, ref.line, ref.span, ref.number)
    if all((f.document, f.line, f.span, f.number) == place for f in res.findings):
        return res  # already placed here (a reference printed once): nothing to copy
    moved = tuple(
        dataclasses.replace(
            f, document=ref.document, line=ref.line, span=ref.span, number=ref.number
        )
        for f in res.findings
    )
    return dataclasses.replace(res, findings=moved)
