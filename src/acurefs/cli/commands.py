"""The ``acurefs`` command: a thin layer over the public API.

Text for people on stdout, ``--json`` for programs. Errors are one line on
stderr and a non-zero exit: 2 for usage, input and configuration errors, 3 when
Crossref cannot be reached (infrastructure, not content).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from ..document.assemble import load_document, parse_document
from ..document.corpus import bundled_refs_dir, load_corpus
from ..document.loading import check_format, decode, sniff_format
from ..errors import AcurefsError, ConfigError, InputError, SourceError
from ..export.bibtex import to_bibtex
from ..export.citations import citation_keys
from ..export.csl import to_csl_json
from ..models import Corpus, Document, Reference, at_or_above
from ..report.formats import REPORT_SUFFIXES
from ..report.job import validate
from ..resolve.lock import Lock, lock_path
from ..resolve.resolver import resolve
from ..sources.cache import CACHE_FILE, Cache
from ..sources.crossref import Crossref
from ..sources.retry import RetryPolicy
from . import views
from .json_views import corpus_json
from .parser import EXIT_USAGE, build_parser

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREACHABLE = 3
EXIT_INTERRUPTED = 130

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
    if args.command == "validate":
        plan = _report_plan(getattr(args, "report_items", None) or [])
        return _validate_command(args, read_inputs(args.paths, args.input_format), plan)
    corpus = read_inputs(args.paths, args.input_format)
    if args.command == "resolve":
        return _resolve_command(args, corpus)
    corpus = with_lock(corpus, args.lock)
    if args.command == "check":
        show = "all" if args.all_claims else "cited"
        if args.json:
            _write_json(corpus_json(corpus, claims=show), sys.stdout)
        else:
            print(views.render_corpus(corpus, show_claims=show))
        return _exit_for(corpus, args.fail_on)
    if args.command == "claims":
        if args.json:
            _write_json(corpus_json(corpus, claims="cited" if args.cited else "all"), sys.stdout)
        else:
            print(views.render_claims(corpus, cited_only=args.cited))
        return EXIT_OK
    if args.command == "refs":
        if args.json:
            _write_json(corpus_json(corpus, claims="none"), sys.stdout)
        else:
            print(views.render_references(corpus))
        return EXIT_OK
    if args.command == "bib":
        text = (
            json.dumps(to_csl_json(corpus.references), indent=2, ensure_ascii=False) + "\n"
            if args.csl
            else to_bibtex(corpus.references)
        )
        _write_text(text, args.output)
        return EXIT_OK
    raise InputError(f"Unknown command {args.command!r}")  # pragma: no cover - argparse guards this


def read_inputs(paths: Sequence[str], input_format: str | None) -> Corpus:
    """The articles named on the command line; the bundled corpus when there are none."""
    fmt = check_format(input_format) if input_format else None
    if not paths:
        return load_corpus()
    documents: list[Document] = []
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            text = decode(data, name="<stdin>")
            documents.append(parse_document(text, format=fmt or sniff_format(text), name="<stdin>"))
        elif Path(path).is_dir():
            documents.extend(load_corpus(path).documents)
        else:
            documents.append(load_document(path, format=fmt))
    single = len(paths) == 1 and paths[0] != "-"
    return Corpus(documents=tuple(documents), path=paths[0] if single else None)


def with_lock(corpus: Corpus, option: str | None) -> Corpus:
    """The corpus with each reference resolved from its lockfile, when there is one (offline)."""
    path = lock_path(corpus, option)
    if path is None or not path.is_file():
        if option:
            raise ConfigError(f"No lockfile at {option!r}")
        return corpus
    return resolve(corpus, source=Lock.load(path))


def _source(args: argparse.Namespace) -> Crossref:
    """The Crossref source the command-line options and the environment describe."""
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
    args: argparse.Namespace, corpus: Corpus, plan: list[tuple[str, str | None]]
) -> int:
    source = _source(args)
    path = lock_path(corpus, args.lock)
    lock = Lock.load(path) if path is not None and path.is_file() else None
    with _progress(args.quiet, len(corpus.references)) as progress, _closing(source):
        report = validate(
            corpus,
            source=source,
            lock=lock,
            baseline=args.baseline,
            config=args.config,
            fail_on=args.fail_on,
            offline=args.offline,
            progress=progress,
        )
    data = report.to_dict()
    for fmt, output in plan:
        _write_text(report.render(fmt), output)
    if not any(output is None for _, output in plan):
        print(data["headline"]["text"])
    if args.update_lock and not report.run.partial:
        target = _writable_lock(path)
        note = "Accepted by acurefs validate --update-lock."
        _write_lock(report.corpus.references, target, note)
        if not args.quiet:
            print(f"acurefs: wrote {target}", file=sys.stderr)
    if report.run.partial:
        print("acurefs: interrupted: the report is partial", file=sys.stderr)
    return report.exit_code


def _resolve_command(args: argparse.Namespace, corpus: Corpus) -> int:
    source = _source(args)
    path = lock_path(corpus, args.lock)
    lock = Lock.load(path) if path is not None and path.is_file() else Lock(())
    with _progress(args.quiet, len(corpus.references)) as progress, _closing(source):
        resolved = resolve(
            corpus, source=source, offline=args.offline, lock=lock, progress=progress
        )
    if args.update_lock:
        target = _writable_lock(path)
        _write_lock(resolved.references, target, "Resolved through Crossref by acurefs.")
        if not args.quiet:
            print(f"acurefs: wrote {target}", file=sys.stderr)
    if args.json:
        _write_json(corpus_json(resolved, claims="cited"), sys.stdout)
    else:
        print(views.render_resolutions(resolved))
    log.info(
        "Crossref requests: %s; cache hits: %d", source.stats.requests, source.stats.cache_hits
    )
    return EXIT_OK


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
def _closing(source: Crossref) -> Iterator[None]:
    """Close the source's connections and cache when the command ends, whatever happens."""
    try:
        yield
    finally:
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


def _write_lock(references: Sequence[Reference], target: Path, note: str) -> None:
    """Accept these references' resolutions into the lockfile, with their citation keys."""
    keys = citation_keys(references)
    Lock.from_references(references, keys=keys, note=note).write(target)


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
