"""The scheduled validation job: resolve, re-check, compare with the last run, report.

Night after night the same references are checked, so the job is cheap: DOIs
already known (printed, or accepted in the lock) are re-fetched fresh in batches
of 50; new retraction, correction and concern notices since the last run are
looked for with a few ``filter=updates:...`` queries; searches come from the
cache. The report's headline is what changed since the previous run (a
``--baseline`` report, else the lockfile).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ._citation import citation_keys
from ._config import Config, apply_suppressions, find_config, load_config
from ._corpus import load_corpus
from ._crossref import Crossref
from ._drift import ReferenceState, compare, state_of, states_from_lock, states_from_report
from ._exceptions import ConfigError
from ._identifiers import normalize_doi
from ._lock import Lock, printed_hash
from ._models import Corpus, Document, Finding, Reference, Update
from ._report import Report, RunInfo, exit_code_for
from ._resolve import Progress, Resolver, lock_for, resolve_with
from ._validation import notice_findings

EXIT_INTERRUPTED = 130


def validate(
    target: Corpus | Document | None = None,
    *,
    source: Crossref | None = None,
    lock: Lock | str | Path | None = None,
    baseline: Mapping[str, Any] | str | Path | None = None,
    config: Config | str | Path | None = None,
    fail_on: str = "error",
    offline: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Report:
    """Validate every reference of ``target`` (the bundled corpus by default) and report.

    ``baseline`` is a previous run's JSON report (a path or the loaded dict); without
    one, the lockfile is the previous state. ``config`` is a configuration file (or a
    loaded :class:`Config`); by default the nearest ``acurefs.toml`` or ``pyproject.toml``
    with ``[tool.acurefs]`` above the articles.
    """
    crossref = source if source is not None else Crossref.from_env(offline=offline or None)
    try:
        return _validate(
            target,
            crossref,
            lock,
            baseline,
            config,
            fail_on,
            offline,
            progress,
            today or dt.date.today(),
        )
    finally:
        if source is None:
            crossref.close()


def _validate(
    target: Corpus | Document | None,
    crossref: Crossref,
    lock: Lock | str | Path | None,
    baseline: Mapping[str, Any] | str | Path | None,
    config: Config | str | Path | None,
    fail_on: str,
    offline: bool,
    progress: Progress | None,
    today: dt.date,
) -> Report:
    started = _now()
    corpus = _as_corpus(target)
    the_lock = lock_for(corpus, lock)
    previous, compared_with, since = _previous_state(baseline, the_lock)
    settings = _config(corpus, config)

    interrupted = False
    known = _known_dois(corpus, the_lock, previous)
    try:
        if known and not crossref.offline:
            crossref.works(known, refresh=True)  # batched, 50 a request: the night's re-check
    except KeyboardInterrupt:
        interrupted = True
        crossref.offline = True  # what is left comes from the cache and the lock
    resolver = Resolver(crossref, the_lock or Lock(()), offline=crossref.offline, progress=progress)
    try:
        resolved = resolve_with(resolver, corpus, list(corpus.references))
    except KeyboardInterrupt:
        # Stopped outside the searches: report what the cache and the lock already hold.
        interrupted = True
        crossref.offline = True
        resolver = Resolver(crossref, the_lock or Lock(()), offline=True)
        resolved = resolve_with(resolver, corpus, list(corpus.references))
    assert isinstance(resolved, Corpus)
    interrupted = interrupted or resolver.interrupted
    if since and not crossref.offline and not interrupted:
        try:
            resolved = _with_new_notices(resolved, crossref, since)
        except KeyboardInterrupt:
            interrupted = True

    keys = citation_keys(resolved.references)
    items: list[tuple[Reference | None, str | None, Finding]] = []
    for doc in resolved.documents:
        refs = {r.number: r for r in doc.references}
        for finding in doc.findings:
            items.append(
                (refs.get(finding.number), keys.get(id(refs.get(finding.number))), finding)
            )
        for ref in doc.references:
            for finding in ref.resolution.findings if ref.resolution else ():
                items.append((ref, keys.get(id(ref)), finding))
    kept, silenced, notes = apply_suppressions(items, settings.suppressions, today=today)

    current = [
        state_of(
            ref, keys.get(id(ref), ""), list(ref.resolution.findings) if ref.resolution else []
        )
        for ref in resolved.references
    ]
    findings_by_identity = {
        (ref.document, printed_hash(ref)): list(ref.resolution.findings) if ref.resolution else []
        for ref in resolved.references
    }
    changes = compare(previous, current, findings_by_identity) if previous is not None else []
    run = RunInfo(
        started=started,
        finished=_now(),
        partial=interrupted,
        offline=crossref.offline,
        source={"name": "crossref", "url": crossref.base_url, "pool": crossref.pool},
        requests=dict(crossref.stats.requests),
        cache_hits=crossref.stats.cache_hits,
        fail_on=fail_on,
        compared_with=compared_with,
        config=settings.path,
        lock=the_lock.path if the_lock else None,
        root=str(Path.cwd()),
    )
    active = tuple(kept)
    return Report(
        corpus=resolved,
        findings=active,
        suppressed=tuple(silenced),
        changes=tuple(changes),
        run=run,
        notes=tuple(notes),
        exit_code=EXIT_INTERRUPTED if interrupted else exit_code_for([*active, *notes], fail_on),
    )


def _now() -> str:
    return (
        dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


def _as_corpus(target: Corpus | Document | None) -> Corpus:
    if target is None:
        return load_corpus()
    if isinstance(target, Document):
        return Corpus(documents=(target,), path=target.path)
    return target


def _previous_state(
    baseline: Mapping[str, Any] | str | Path | None, lock: Lock | None
) -> tuple[list[Any] | None, dict[str, Any] | None, str | None]:
    """(previous states, what they are, since when notices are new)."""
    if baseline is not None:
        data = baseline if isinstance(baseline, Mapping) else _read_baseline(baseline)
        when = str((data.get("run") or {}).get("finished") or "") or None
        path = None if isinstance(baseline, Mapping) else str(baseline)
        return (
            states_from_report(data),
            {"kind": "baseline", "path": path, "when": when},
            _date(when),
        )
    if lock is not None:
        when = lock.generated if lock.generated and lock.generated[:1].isdigit() else None
        return (
            states_from_lock(lock),
            {"kind": "lock", "path": lock.path, "when": when},
            _date(when),
        )
    return None, None, None


def _read_baseline(path: str | Path) -> Mapping[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"No baseline report at {str(path)!r}") from exc
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{str(path)!r} is not a JSON report: {exc}") from exc
    if not isinstance(data, dict) or data.get("report_version") != 1:
        raise ConfigError(f"{str(path)!r} is not an acurefs JSON report (report_version 1)")
    return data


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


def _known_dois(
    corpus: Corpus, lock: Lock | None, previous: Sequence[ReferenceState] | None
) -> list[str]:
    """DOIs worth re-checking tonight: printed ones, the lock's, and the last run's."""
    dois = [normalize_doi(r.doi) for r in corpus.references if r.doi]
    if lock is not None:
        for ref in corpus.references:
            entry = lock.entry_for(ref)
            if entry is not None and entry.doi:
                dois.append(entry.doi)
    dois.extend(s.doi for s in previous or () if s.doi)
    return list(dict.fromkeys(dois))


def _with_new_notices(corpus: Corpus, crossref: Crossref, since: str) -> Corpus:
    """Add findings for notices created since the last run that the records do not list yet."""
    resolved = [
        r for r in corpus.references if r.resolution and r.resolution.doi and r.resolution.record
    ]
    if not resolved:
        return corpus
    found = crossref.notices(
        [r.resolution.doi for r in resolved if r.resolution and r.resolution.doi], since=since
    )
    if not found:
        return corpus

    def updated(ref: Reference) -> Reference:
        res = ref.resolution
        if res is None or res.doi is None or res.record is None:
            return ref
        known = {u.doi for u in res.record.updates}
        fresh: Sequence[Update] = [u for u in found.get(res.doi, []) if u.doi not in known]
        if not fresh:
            return ref
        record = dataclasses.replace(res.record, updates=(*res.record.updates, *fresh))
        findings = (*res.findings, *notice_findings(ref, fresh))
        return dataclasses.replace(
            ref, resolution=dataclasses.replace(res, record=record, findings=findings)
        )

    documents = []
    for doc in corpus.documents:
        refs = tuple(updated(r) for r in doc.references)
        by_number = {r.number: r for r in refs if r.number is not None}
        claims = tuple(
            dataclasses.replace(
                c, references=tuple(by_number[n] for n in c.numbers if n in by_number)
            )
            for c in doc.claims
        )
        documents.append(dataclasses.replace(doc, references=refs, claims=claims))
    return dataclasses.replace(corpus, documents=tuple(documents))
