"""The scheduled validation job: resolve, re-check, compare with the last run, report.

Night after night the same references are checked, so the job is cheap: DOIs
already known (printed, or accepted in the lock) are re-fetched fresh in batches
of 50; new retraction, correction and concern notices since the last run are
looked for with a few ``filter=updates:...`` queries; searches come from the
cache. The report's headline is what changed since the previous run (a
``--baseline`` report, else the lockfile).

The job takes any metadata source. What it asks beyond resolving is optional:
a source that can re-fetch past its cache and answer from its cache alone
(:class:`~acurefs.sources.base.RefreshableSource`), list notices since a date
(:class:`~acurefs.sources.base.NoticeSource`), and say what it is and what the run
cost (:class:`~acurefs.sources.base.DescribedSource`). The source given is never
changed: an interrupted run goes on with the source's cache-only view.

A run does not pass when it could not do its job: when the source failed during it
(the report is partial, and says why) or when not one reference could be checked
(offline with neither cache nor lock knowing them, say), the exit code is 3.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..document.corpus import load_corpus
from ..errors import ConfigError, SourceError
from ..export.citations import CitationKeys, citation_keys
from ..identifiers import normalize_doi
from ..models import Corpus, Document, Finding, Reference, Update, Verdict
from ..resolve.checks import notice_findings
from ..resolve.claim_audit import CLAIM_CODES
from ..resolve.lock import Lock, lock_for, printed_hash
from ..resolve.resolver import Progress, Resolver, checked_nothing, resolve_with
from ..sources.base import DescribedSource, MetadataSource, NoticeSource, RefreshableSource
from ..sources.crossref import Crossref
from ..sources.pubmed import PubMed
from ..sources.settings import Settings
from ..text import iso_utc
from .drift import (
    Change,
    FindingState,
    ReferenceState,
    changes_since,
    finding_changes,
    finding_state,
    finding_states_from_report,
    sort_changes,
    state_of,
    states_from_lock,
    states_from_report,
)
from .model import EXIT_INTERRUPTED, EXIT_UNCHECKED, Report, RunInfo, exit_code_for
from .schema import ComparedWithJSON, ReportJSON
from .suppressions import Config, Suppressible, apply_suppressions, find_config, load_config

log = logging.getLogger(__name__)


def validate(
    target: Corpus | Document | None = None,
    *,
    source: MetadataSource | None = None,
    pubmed: PubMed | None = None,
    lock: Lock | str | Path | None = None,
    baseline: ReportJSON | Mapping[str, object] | str | Path | None = None,
    config: Config | str | Path | None = None,
    fail_on: str = "error",
    offline: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Report:
    """Validate every reference of ``target`` (the bundled corpus by default) and report.

    ``source`` is any metadata source (Crossref from the environment by default);
    ``pubmed`` a second source asked after it (from the environment, ``ACUREFS_SOURCES``,
    when ``source`` is not given);
    ``offline`` answers from its cache and the lock only. ``baseline`` is a previous
    run's JSON report (a path or the loaded dict); without one, the lockfile is the
    previous state. ``config`` is a configuration file (or a loaded :class:`Config`);
    by default the nearest ``acurefs.toml`` or ``pyproject.toml`` with
    ``[tool.acurefs]`` above the articles.
    """
    owned = Crossref.from_env(offline=offline or None) if source is None else None
    if owned is not None and pubmed is None and "pubmed" in Settings.from_env().sources:
        pubmed = own_pubmed = PubMed.from_env(offline=offline or None)
    else:
        own_pubmed = None
    try:
        job = _Job(
            corpus=_as_corpus(target),
            source=source or cast(MetadataSource, owned),
            offline=offline,
            progress=progress,
            pubmed=pubmed,
        )
        return job.run(lock, baseline, config, fail_on, today or dt.date.today())
    finally:
        for made in (owned, own_pubmed):
            if made is not None:
                made.close()


@dataclass(frozen=True, slots=True)
class _Previous:
    """What the last run knew, what it was, and since when notices are new."""

    states: list[ReferenceState] | None = None
    compared_with: ComparedWithJSON | None = None
    since: str | None = None
    findings: list[FindingState] | None = None
    """The articles' own findings (claims, markers); a lockfile does not record them."""


class _Job:
    """One validation run: its corpus, its source, and whether it was interrupted or lost
    its source."""

    def __init__(
        self,
        *,
        corpus: Corpus,
        source: MetadataSource,
        offline: bool,
        progress: Progress | None,
        pubmed: PubMed | None = None,
    ) -> None:
        self.corpus = corpus
        self.pubmed = pubmed
        self.offline = offline or (isinstance(source, DescribedSource) and source.offline)
        self.source = _cached_only(source) if offline else source
        self.described = source
        self.progress = progress
        self.interrupted = False
        self.failure: str | None = None
        """The source's error when it failed during the run: nothing more is asked of it."""

    def run(
        self,
        lock: Lock | str | Path | None,
        baseline: ReportJSON | Mapping[str, object] | str | Path | None,
        config: Config | str | Path | None,
        fail_on: str,
        today: dt.date,
    ) -> Report:
        started = iso_utc()
        the_lock = lock_for(self.corpus, lock)
        previous = _previous_state(baseline, the_lock)
        settings = _config(self.corpus, config)
        resolved = self._resolve(the_lock or Lock(()), previous)
        keys = citation_keys(resolved.references)
        kept, silenced, notes = apply_suppressions(
            _suppressible(resolved, keys), settings.suppressions, today=today
        )
        changes = []
        if previous.states is not None:
            changes = changes_since(previous.states, _states(resolved, keys), _findings(resolved))
        if previous.findings is not None:
            changes = sort_changes([*changes, *_article_changes(previous.findings, resolved)])
        active = tuple(kept)
        run = self._run_info(started, fail_on, previous, settings, the_lock)
        return Report(
            corpus=resolved,
            findings=active,
            suppressed=tuple(silenced),
            changes=tuple(changes),
            run=dataclasses.replace(run, reason=self._reason(resolved.references)),
            notes=tuple(notes),
            exit_code=self._exit_code(resolved.references, [*active, *notes], fail_on),
        )

    def _exit_code(
        self, references: Sequence[Reference], findings: Sequence[Finding], fail_on: str
    ) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.failure is not None or checked_nothing(references):
            return EXIT_UNCHECKED
        return exit_code_for(findings, fail_on)

    def _reason(self, references: Sequence[Reference]) -> str | None:
        """One line on why the run is partial or checked nothing; None when it did its job."""
        unchecked = [r for r in references if _verdict(r) is Verdict.NOT_CHECKED]
        if self.interrupted:
            return "interrupted: the report is partial"
        if self.failure is not None and checked_nothing(references):
            return f"{self.failure}; no reference could be checked"
        if self.failure is not None:
            rest = (
                f"{len(unchecked)} of {len(references)} references not checked"
                if unchecked
                else "the rest came from the cache and the lock"
            )
            return f"{self.failure}; the report is partial: {rest}"
        if not checked_nothing(references):
            return None
        if self.offline:
            return "no reference could be checked: offline, and neither the cache nor the lock knows them"
        reasons = dict.fromkeys(r.resolution.reason for r in unchecked if r.resolution)
        why = "; ".join(reason for reason in reasons if reason) or "no answer for any of them"
        return f"no reference could be checked: {why}"

    def _asks_pubmed(self) -> bool:
        """Whether PubMed is re-checked: online, Crossref not lost, the run not interrupted."""
        return (
            self.pubmed is not None
            and not self.offline
            and self.failure is None
            and not self.interrupted
        )

    def _resolve(self, lock: Lock, previous: _Previous) -> Corpus:
        """Re-check the known DOIs, resolve every reference, add notices since the last run."""
        known = _known_dois(self.corpus, lock, previous.states)
        try:
            if known and not self.offline and isinstance(self.source, RefreshableSource):
                self.source.refresh(known)  # batched, 50 a request: the night's re-check
        except KeyboardInterrupt:
            self._stop()
        except SourceError as exc:
            self.failure = str(exc)  # the resolver asks it nothing more: cache and lock
        try:
            if known and self.pubmed is not None and self._asks_pubmed():
                self.pubmed.refresh(known)  # PubMed's notices too: a retraction only it has
        except KeyboardInterrupt:
            self._stop()
        except SourceError as exc:
            log.info("PubMed's re-check failed: %s; its cached answers stand", exc)
        references = list(self.corpus.references)
        resolver = Resolver(
            self.source,
            lock,
            offline=self.offline,
            progress=self.progress,
            failure=self.failure,
            pubmed=self.pubmed,
        )
        try:
            resolved = resolve_with(resolver, self.corpus, references)
        except KeyboardInterrupt:
            # Stopped outside the searches: report what the cache and the lock already hold.
            self._stop()
            resolver = Resolver(self.source, lock, offline=True, failure=self.failure)
            resolved = resolve_with(resolver, self.corpus, references)
        assert isinstance(resolved, Corpus)
        self.interrupted = self.interrupted or resolver.interrupted
        self.failure = self.failure or resolver.failure
        if previous.since and not self.offline and not self.interrupted and not self.failure:
            resolved = self._notices(resolved, previous.since)
        return resolved

    def _notices(self, resolved: Corpus, since: str) -> Corpus:
        """``resolved`` with the notices since the last run (unchanged if they cannot be had)."""
        try:
            return _with_new_notices(resolved, self.source, since)
        except KeyboardInterrupt:
            self.interrupted = True
        except SourceError as exc:
            self.failure = str(exc)
        return resolved

    def _stop(self) -> None:
        """Ctrl-C: what is left comes from the cache and the lock."""
        self.interrupted = True
        self.offline = True
        self.source = _cached_only(self.source)

    def _run_info(
        self,
        started: str,
        fail_on: str,
        previous: _Previous,
        settings: Config,
        lock: Lock | None,
    ) -> RunInfo:
        described = self.described
        if isinstance(described, DescribedSource):
            about, (requests, cache_hits) = described.describe(), described.usage()
        else:
            about, requests, cache_hits = {"name": described.name}, {}, 0
        return RunInfo(
            started=started,
            finished=iso_utc(),
            partial=self.interrupted or self.failure is not None,
            offline=self.offline,
            source=dict(about),
            requests=dict(requests),
            cache_hits=cache_hits,
            fail_on=fail_on,
            compared_with=previous.compared_with,
            config=settings.path,
            lock=lock.path if lock else None,
            root=str(Path.cwd()),
        )


def _cached_only(source: MetadataSource) -> MetadataSource:
    """The source's cache-only view; a source without one is local and used as it is."""
    return source.cached_only() if isinstance(source, RefreshableSource) else source


def _verdict(ref: Reference) -> Verdict:
    return ref.resolution.verdict if ref.resolution else Verdict.NOT_CHECKED


def _as_corpus(target: Corpus | Document | None) -> Corpus:
    if target is None:
        return load_corpus()
    if isinstance(target, Document):
        return Corpus(documents=(target,), path=target.path)
    return target


def _suppressible(corpus: Corpus, keys: CitationKeys) -> list[Suppressible]:
    """Every finding of the run with the reference it is about (if any) and that one's key."""
    items: list[Suppressible] = []
    for doc in corpus.documents:
        refs = {r.number: r for r in doc.references}
        for finding in doc.findings:
            ref = refs.get(finding.number)
            items.append(Suppressible(ref, keys.get(ref.identity) if ref else None, finding))
        for ref in doc.references:
            for finding in ref.resolution.findings if ref.resolution else ():
                items.append(Suppressible(ref, keys.get(ref.identity), finding))
    return items


def _states(corpus: Corpus, keys: CitationKeys) -> list[ReferenceState]:
    return [
        state_of(ref, keys.get(ref.identity, ""), ref.resolution.findings if ref.resolution else ())
        for ref in corpus.references
    ]


def _findings(corpus: Corpus) -> dict[tuple[str | None, str], list[Finding]]:
    return {
        (ref.document, printed_hash(ref)): list(ref.resolution.findings) if ref.resolution else []
        for ref in corpus.references
    }


def _article_changes(previous: list[FindingState], corpus: Corpus) -> list[Change]:
    """The articles' own findings that are new or gone. A claim finding about a reference
    this run could not check is left out on both sides: an unchecked reference says
    nothing either way."""
    unchecked = {
        (r.document, r.number) for r in corpus.references if _verdict(r) is Verdict.NOT_CHECKED
    }

    def known(state: FindingState) -> bool:
        return not (state.code in CLAIM_CODES and (state.document, state.number) in unchecked)

    current = [finding_state(f) for doc in corpus.documents for f in doc.findings]
    return finding_changes(filter(known, previous), filter(known, current))


def _previous_state(
    baseline: ReportJSON | Mapping[str, object] | str | Path | None, lock: Lock | None
) -> _Previous:
    if baseline is not None:
        data = (
            cast(ReportJSON, baseline)
            if isinstance(baseline, Mapping)
            else _read_baseline(baseline)
        )
        when = str(data.get("run", {}).get("finished") or "") or None
        path = None if isinstance(baseline, Mapping) else str(baseline)
        compared: ComparedWithJSON = {"kind": "baseline", "path": path, "when": when}
        return _Previous(
            states_from_report(data), compared, _date(when), finding_states_from_report(data)
        )
    if lock is not None:
        when = lock.generated if lock.generated and lock.generated[:1].isdigit() else None
        compared = {"kind": "lock", "path": lock.path, "when": when}
        return _Previous(states_from_lock(lock), compared, _date(when))
    return _Previous()


def _read_baseline(path: str | Path) -> ReportJSON:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"No baseline report at {str(path)!r}") from exc
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{str(path)!r} is not a JSON report: {exc}") from exc
    if not isinstance(data, dict) or data.get("report_version") != 1:
        raise ConfigError(f"{str(path)!r} is not an acurefs JSON report (report_version 1)")
    return cast(ReportJSON, data)


def _date(when: str | None) -> str | None:
    return when[:10] if when and len(when) >= 10 else None


def _config(corpus: Corpus, config: Config | str | Path | None) -> Config:
    if isinstance(config, Config):
        return config
    if config is not None:
        return load_config(config)
    start = Path(corpus.path) if corpus.path else Path.cwd()
    if corpus.path is None and corpus.documents and corpus.documents[0].path:
        start = Path(str(corpus.documents[0].path))
    return load_config(find_config(start))


def _known_dois(corpus: Corpus, lock: Lock, previous: Sequence[ReferenceState] | None) -> list[str]:
    """DOIs worth re-checking tonight: printed ones, the lock's, and the last run's."""
    dois = [normalize_doi(r.doi) for r in corpus.references if r.doi]
    for ref in corpus.references:
        entry = lock.entry_for(ref)
        if entry is not None and entry.doi:
            dois.append(entry.doi)
    dois.extend(s.doi for s in previous or () if s.doi)
    return list(dict.fromkeys(dois))


def _with_new_notices(corpus: Corpus, source: MetadataSource, since: str) -> Corpus:
    """Add findings for notices created since the last run that the records do not list yet."""
    if not isinstance(source, NoticeSource):
        return corpus
    dois = [doi for r in corpus.references if (doi := _resolved_doi(r))]
    found = source.notices(dois, since=since) if dois else {}
    if not found:
        return corpus
    return corpus.with_references([_with_notices(r, found) for r in corpus.references])


def _resolved_doi(ref: Reference) -> str | None:
    """The DOI a reference was resolved to, when its record is known."""
    res = ref.resolution
    return res.doi if res is not None and res.record is not None else None


def _with_notices(ref: Reference, found: Mapping[str, Sequence[Update]]) -> Reference:
    """The reference with the notices its record does not list yet, and their findings."""
    res = ref.resolution
    if res is None or res.doi is None or res.record is None:
        return ref
    known = {u.doi for u in res.record.updates}
    fresh = [u for u in found.get(res.doi, []) if u.doi not in known]
    if not fresh:
        return ref
    record = dataclasses.replace(res.record, updates=(*res.record.updates, *fresh))
    findings = (*res.findings, *notice_findings(ref, fresh))
    return dataclasses.replace(
        ref, resolution=dataclasses.replace(res, record=record, findings=findings)
    )
