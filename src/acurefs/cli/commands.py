"""The ``acurefs`` command: a thin layer over the public API.

Text for people on stdout, ``--json`` for programs. Errors are one line on
stderr and a non-zero exit: 2 for usage, input and configuration errors, 3 when
Crossref cannot be reached or fails during the run (infrastructure, not content),
and for ``validate`` when not one reference could be checked.

Every article that can be read is read and reported; each one that cannot is one
error line (and, with ``--json``, an entry of ``errors``), and the exit code is at
least 2. A path that does not exist stops the command before anything is read.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from ..document.corpus import bundled_refs_dir
from ..errors import AcurefsError, ConfigError, InputError, SourceError
from ..export.bibtex import to_bibtex
from ..export.citations import citation_keys
from ..export.csl import to_csl_json
from ..models import Corpus, Reference, Verdict, at_or_above
from ..report.formats import REPORT_SUFFIXES
from ..report.model import EXIT_INTERRUPTED, EXIT_UNCHECKED
from ..resolve.distributed import parse_on_cluster
from ..resolve.lock import Lock, lock_path
from ..resolve.resolver import resolve, source_failure
from ..sources.cache import CACHE_FILE, Cache
from ..sources.crossref import Crossref
from ..sources.index import LocalIndex
from ..sources.pubmed import PubMed
from ..sources.retry import RetryPolicy
from ..sources.settings import Settings, read_sources
from ..text import plural
from . import views
from .index_command import cluster, index_source, resolve_corpus, run_index, validate_corpus
from .inputs import InputProblem, Inputs, parse_here, read_inputs
from .json_views import corpus_json
from .parser import EXIT_USAGE, build_parser

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREACHABLE = EXIT_UNCHECKED

log = logging.getLogger("acurefs")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    _configure_logging(args.verbose)
    try:
        return _run(args)
    except SourceError as exc:  # unreachable, or answers acurefs cannot use: not the content
        return _fail(str(exc), EXIT_UNREACHABLE)
    except AcurefsError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("acurefs: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head`
        return EXIT_OK


def _configure_logging(verbosity: int) -> None:
    if verbosity <= 0:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"acurefs: error: {message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    if args.command == "index":
        return run_index(args)
    plan = None
    if args.command == "validate":
        plan = _report_plan(getattr(args, "report_items", None) or [])
    with cluster(args) as client:
        parse = parse_here if client is None else partial(parse_on_cluster, scheduler=client)
        inputs = read_inputs(args.paths, args.input_format, recursive=args.recursive, parse=parse)
        if client is not None:
            args.scheduler = client  # the articles go back to the same cluster to be resolved
        if not args.paths and not args.quiet:
            print(_bundled_note(), file=sys.stderr)
        try:
            code = _dispatch(args, inputs, plan)
        finally:
            for problem in inputs.problems:  # one line each, after what could be read
                print(f"acurefs: error: {problem.error}", file=sys.stderr)
    return max(code, EXIT_USAGE) if inputs.problems else code


def _bundled_note() -> str:
    """Which copy of the bundled corpus a run without PATH reads, and how to read another."""
    bundled = bundled_refs_dir().resolve()
    note = f"acurefs: no PATH given: reading the bundled corpus at {bundled}"
    here = Path("refs").resolve()
    if here.is_dir() and here != bundled:
        note += f" (not ./refs: give refs to check {here})"
    return note


def _dispatch(
    args: argparse.Namespace, inputs: Inputs, plan: list[tuple[str, str | None]] | None
) -> int:
    if plan is not None:
        return _validate_command(args, inputs, plan)
    if args.command == "resolve":
        return _resolve_command(args, inputs)
    corpus = with_lock(inputs.corpus, args.lock)
    problems = inputs.problems
    if args.command == "check":
        show = "all" if args.all_claims else "cited"
        _show(
            args.json, corpus, problems, show, lambda: views.render_corpus(corpus, show_claims=show)
        )
        return _exit_for(corpus, args.fail_on)
    if args.command == "claims":
        show = "cited" if args.cited else "all"
        _show(
            args.json,
            corpus,
            problems,
            show,
            lambda: views.render_claims(corpus, cited_only=args.cited),
        )
        return EXIT_OK
    if args.command == "refs":
        _show(args.json, corpus, problems, "none", lambda: views.render_references(corpus))
        return EXIT_OK
    if args.command == "bib":
        text = (
            json.dumps(to_csl_json(corpus.references), indent=2, ensure_ascii=False) + "\n"
            if args.csl
            else to_bibtex(corpus.references)
        )
        if corpus.documents or not problems:
            _write_text(text, args.output)
        return EXIT_OK
    raise InputError(f"Unknown command {args.command!r}")  # pragma: no cover - argparse guards this


def _show(
    as_json: bool,
    corpus: Corpus,
    problems: Sequence[InputProblem],
    claims: str,
    render: Callable[[], str],
) -> None:
    """The corpus for programs (with the inputs that could not be read) or for people."""
    if as_json:
        data = corpus_json(corpus, claims=claims)
        data["errors"] = [{"path": p.path, "error": p.error} for p in problems]
        _write_json(data, sys.stdout)
    elif corpus.documents or not problems:
        print(render())


def with_lock(corpus: Corpus, option: str | None) -> Corpus:
    """The corpus with each reference resolved from its lockfile, when there is one (offline)."""
    path = lock_path(corpus, option)
    if path is None or not path.is_file():
        if option:
            raise ConfigError(f"No lockfile at {option!r}")
        return corpus
    return resolve(corpus, source=Lock.load(path))


def _source(args: argparse.Namespace) -> Crossref | LocalIndex:
    """The source the command-line options and the environment describe: the local index
    (``--index``), else Crossref."""
    index = index_source(args)
    if index is not None:
        return index
    cache = None
    if args.cache_dir:
        cache = Cache(Path(args.cache_dir) / CACHE_FILE)
    return Crossref.from_env(
        mailto=args.mailto,
        base_url=args.crossref_url,
        offline=args.offline or None,
        cache=cache,
        use_cache=not args.no_cache,
        timeout=args.timeout,
        retry=RetryPolicy(attempts=max(0, args.retries) + 1),
    )


def _pubmed(args: argparse.Namespace) -> PubMed | None:
    """PubMed, when ``--sources`` (else ``ACUREFS_SOURCES``, by default ``crossref,pubmed``)
    names it; never beside a local index (an offline world of its own)."""
    if getattr(args, "index", None):
        return None
    problems: list[str] = []
    sources = (
        read_sources(args.sources, "--sources", problems)
        if args.sources
        else Settings.from_env().sources
    )
    if problems:
        raise ConfigError("; ".join(problems))
    if "pubmed" not in sources:
        return None
    cache = Cache(Path(args.cache_dir) / CACHE_FILE) if args.cache_dir else None
    return PubMed.from_env(
        email=args.ncbi_email or args.mailto,
        api_key=args.ncbi_api_key,
        base_url=args.pubmed_url,
        offline=args.offline or None,
        cache=cache,
        use_cache=not args.no_cache,
        timeout=args.timeout,
        retry=RetryPolicy(attempts=max(0, args.retries) + 1),
    )


def _report_plan(items: Sequence[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """(format, file) pairs: a ``--format`` goes with the ``-o`` after it; the rest to stdout."""
    plan: list[tuple[str, str | None]] = []
    to_stdout: list[str] = []
    pending: str | None = None
    for kind, value in items:
        if kind == "format":
            if pending is not None:
                to_stdout.append(pending)
            pending = value
            continue
        fmt = pending or REPORT_SUFFIXES.get(Path(value).suffix.lower())
        if fmt is None:
            raise ConfigError(
                f"Cannot tell the report format of {value!r}: give --format before it"
            )
        plan.append((fmt, value))
        pending = None
    if pending is not None:
        to_stdout.append(pending)
    if len(to_stdout) > 1:
        raise ConfigError("Only one report can go to standard output: give -o FILE for the others")
    if to_stdout or not plan:
        plan.append(((to_stdout or ["text"])[0], None))
    return plan


def _validate_command(
    args: argparse.Namespace, inputs: Inputs, plan: list[tuple[str, str | None]]
) -> int:
    corpus = inputs.corpus
    if not corpus.documents:
        return EXIT_USAGE  # nothing could be read: the problems say why
    source = _source(args)
    pubmed = _pubmed(args)
    path = lock_path(corpus, args.lock)
    lock = Lock.load(path) if path is not None and path.is_file() else None
    with _progress(args.quiet, len(corpus.references)) as progress, _closing(source, pubmed):
        report = validate_corpus(args, corpus, source, lock, progress, pubmed)
    data = report.to_dict()
    for fmt, output in plan:
        _write_text(report.render(fmt), output)
    if not any(output is None for _, output in plan):
        print(data["headline"]["text"])
    if args.update_lock:
        held = _lock_held_back(report.run.partial, report.exit_code == EXIT_UNCHECKED, inputs)
        if held is None:
            note = "Accepted by acurefs validate --update-lock."
            _write_lock(report.corpus.references, _writable_lock(path), note, args.quiet)
        elif not report.run.partial:
            print(f"acurefs: the lockfile was not updated: {held}", file=sys.stderr)
    if report.exit_code == EXIT_INTERRUPTED:
        print("acurefs: interrupted: the report is partial", file=sys.stderr)
    elif report.exit_code == EXIT_UNCHECKED:
        _fail(report.run.reason or "no reference could be checked", EXIT_UNCHECKED)
    return report.exit_code


def _lock_held_back(partial: bool, unchecked: bool, inputs: Inputs) -> str | None:
    """Why the lockfile must not be rewritten from this run, or None when it may be."""
    if partial:
        return "the run is partial"
    if unchecked:
        return "no reference could be checked"
    if inputs.problems:
        return "some articles could not be read, and their references would be dropped"
    return None


def _resolve_command(args: argparse.Namespace, inputs: Inputs) -> int:
    corpus = inputs.corpus
    if not corpus.documents:
        return EXIT_USAGE  # nothing could be read: the problems say why
    source = _source(args)
    pubmed = _pubmed(args)
    path = lock_path(corpus, args.lock)
    lock = Lock.load(path) if path is not None and path.is_file() else Lock(())
    with _progress(args.quiet, len(corpus.references)) as progress, _closing(source, pubmed):
        resolved = resolve_corpus(args, corpus, source, lock, progress, pubmed)
    failure = source_failure(resolved.references)
    if args.update_lock:
        held = _lock_held_back(failure is not None, False, inputs)
        if held is None:
            note = "Resolved through Crossref by acurefs."
            if pubmed is not None:
                note = "Resolved through Crossref and PubMed by acurefs."
            _write_lock(resolved.references, _writable_lock(path), note, args.quiet)
        else:
            print(f"acurefs: the lockfile was not updated: {held}", file=sys.stderr)
    if args.json:
        data = corpus_json(resolved, claims="cited")
        data["errors"] = [{"path": p.path, "error": p.error} for p in inputs.problems]
        _write_json(data, sys.stdout)
    else:
        print(views.render_resolutions(resolved))
    if isinstance(source, Crossref):
        log.info(
            "Crossref requests: %s; cache hits: %d", source.stats.requests, source.stats.cache_hits
        )
    if failure is not None:
        unchecked = sum(1 for r in resolved.references if _not_checked(r))
        return _fail(f"{failure}; {plural(unchecked, 'reference')} not checked", EXIT_UNCHECKED)
    return EXIT_OK


def _not_checked(ref: Reference) -> bool:
    return ref.resolution is None or ref.resolution.verdict is Verdict.NOT_CHECKED


def _writable_lock(path: Path | None) -> Path:
    if path is None:
        raise ConfigError("Where should the lockfile go? Give --lock FILE")
    installed = bundled_refs_dir()
    if path.parent.resolve() == installed.resolve() and "site-packages" in str(installed):
        raise ConfigError(
            "The bundled corpus is installed read-only: give --lock FILE to write a lockfile"
        )
    return path


@contextmanager
def _closing(*sources: Crossref | LocalIndex | PubMed | None) -> Iterator[None]:
    """Close the sources' connections and caches when the command ends, whatever happens."""
    try:
        yield
    finally:
        for source in sources:
            if source is not None:
                source.close()


@contextmanager
def _progress(quiet: bool, total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal (stderr), nothing otherwise."""
    if quiet or not sys.stderr.isatty() or total < 2:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=total, unit="ref", desc="resolving", file=sys.stderr, leave=False)

    def update(done: int, _total: int) -> None:
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def _write_lock(references: Sequence[Reference], target: Path, note: str, quiet: bool) -> None:
    """Accept these references' resolutions into the lockfile, with their citation keys."""
    keys = citation_keys(references)
    Lock.from_references(references, keys=keys, note=note).write(target)
    if not quiet:
        print(f"acurefs: wrote {target}", file=sys.stderr)


def _exit_for(corpus: Corpus, fail_on: str) -> int:
    findings = list(corpus.findings) + [
        f for r in corpus.references if r.resolution for f in r.resolution.findings
    ]
    return EXIT_FINDINGS if at_or_above(findings, fail_on) else EXIT_OK


def _write_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _write_text(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot write {output!r}: {exc.strerror or exc}") from exc
