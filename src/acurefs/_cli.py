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
from typing import Any, NoReturn, TextIO

from . import _render
from ._bibtex import to_bibtex
from ._cache import CACHE_FILE, Cache
from ._corpus import bundled_refs_dir, load_corpus
from ._crossref import DEFAULT_ATTEMPTS, DEFAULT_BASE_URL, Crossref, RetryPolicy
from ._csl import to_csl_json
from ._document import load_document, parse_document
from ._exceptions import AcurefsError, ConfigError, InputError, SourceError
from ._loading import check_format, decode, sniff_format
from ._lock import LOCK_NAME, Lock
from ._models import Corpus, Document, Severity
from ._report import FORMATS, SUFFIXES
from ._resolve import default_lock_path, resolve
from ._serialize import corpus_json
from ._validate import validate
from ._version import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_INTERRUPTED = 130

_EPILOG = (
    "With no PATH, acurefs reads the bundled corpus (five acupuncture articles). PATH '-' reads stdin. "
    "Environment: ACUREFS_MAILTO, ACUREFS_CROSSREF_TOKEN, ACUREFS_CROSSREF_URL, ACUREFS_CACHE_DIR, "
    "ACUREFS_OFFLINE."
)
log = logging.getLogger("acurefs")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and our exit code for usage mistakes."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="acurefs",
        description="Read articles that cite numbered references: claims, parsed references, "
        "Crossref checks, BibTeX.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"acurefs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str, *, crossref: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, epilog=_EPILOG)
        p.add_argument(
            "paths", nargs="*", metavar="PATH", help="article files or directories ('-' for stdin)"
        )
        p.add_argument(
            "--input-format", dest="input_format", metavar="FORMAT", help="text, markdown or html"
        )
        p.add_argument(
            "--lock",
            metavar="FILE",
            help=f"the lockfile (default: {LOCK_NAME} beside the articles)",
        )
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        p.add_argument(
            "-v", "--verbose", action="count", default=0, help="log what happens (-vv: more)"
        )
        if crossref:
            group = p.add_argument_group("Crossref")
            group.add_argument(
                "--mailto", help="your e-mail, for Crossref's polite pool (ACUREFS_MAILTO)"
            )
            group.add_argument(
                "--crossref-url",
                help=f"the Crossref API (ACUREFS_CROSSREF_URL; default {DEFAULT_BASE_URL})",
            )
            group.add_argument("--cache-dir", help="where answers are cached (ACUREFS_CACHE_DIR)")
            group.add_argument(
                "--no-cache", action="store_true", help="neither read nor write the cache"
            )
            group.add_argument(
                "--offline", action="store_true", help="never touch the network: cache and lock"
            )
            group.add_argument(
                "--timeout", type=float, default=20.0, help="seconds per request (default 20)"
            )
            group.add_argument(
                "--retries",
                type=int,
                default=DEFAULT_ATTEMPTS - 1,
                help=f"retries after a failed request, with growing waits (default {DEFAULT_ATTEMPTS - 1})",
            )
        return p

    check = command(
        "check",
        "Every article: its claims, references (with DOIs and verdicts from the lock) and findings.",
    )
    check.add_argument("--json", action="store_true", help="JSON for programs")
    check.add_argument(
        "--all-claims", action="store_true", help="show every claim, not only cited ones"
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="never",
        help="exit 1 when a finding at or above this severity exists (default: never)",
    )

    claims = command("claims", "The claims (sentences, list items) and the references each cites.")
    claims.add_argument("--json", action="store_true", help="JSON for programs")
    claims.add_argument(
        "--cited", action="store_true", help="only claims that carry citation markers"
    )

    refs = command("refs", "The references, parsed into fields.")
    refs.add_argument("--json", action="store_true", help="JSON for programs")

    bib = command("bib", "The references as BibTeX (or CSL-JSON) for writers, DOIs from the lock.")
    bib.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    bib.add_argument(
        "--csl", action="store_true", help="write CSL-JSON (for Pandoc, Zotero) instead of BibTeX"
    )

    res = command(
        "resolve", "Resolve every reference through Crossref and check its metadata.", crossref=True
    )
    res.add_argument("--json", action="store_true", help="JSON for programs")
    res.add_argument("--update-lock", action="store_true", help="write the results to the lockfile")

    val = command(
        "validate",
        "The scheduled job: resolve and validate every reference, report what broke and what is new.",
        crossref=True,
    )
    val.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="exit 1 when a finding at or above this severity exists (default: error)",
    )
    val.add_argument(
        "--format",
        dest="format",
        action=_InOrder,
        choices=FORMATS,
        metavar="FORMAT",
        help=f"report format ({', '.join(FORMATS)}) for the -o that follows it; "
        "one without a following -o goes to stdout",
    )
    val.add_argument(
        "-o",
        "--output",
        dest="output",
        action=_InOrder,
        metavar="FILE",
        help="write a report to FILE (the --format before it, else the suffix's); repeatable",
    )
    val.add_argument(
        "--baseline",
        metavar="FILE",
        help="a previous run's JSON report: what is new is relative to it",
    )
    val.add_argument(
        "--config", metavar="FILE", help="acurefs.toml or pyproject.toml with [tool.acurefs]"
    )
    val.add_argument(
        "--update-lock", action="store_true", help="accept the current state into the lockfile"
    )
    return parser


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
            print(_render.render_corpus(corpus, show_claims=show))
        return _exit_for(corpus, args.fail_on)
    if args.command == "claims":
        if args.json:
            _write_json(corpus_json(corpus, claims="cited" if args.cited else "all"), sys.stdout)
        else:
            print(_render.render_claims(corpus, cited_only=args.cited))
        return EXIT_OK
    if args.command == "refs":
        if args.json:
            _write_json(corpus_json(corpus, claims="none"), sys.stdout)
        else:
            print(_render.render_references(corpus))
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


def lock_path(corpus: Corpus, option: str | None) -> Path | None:
    """The lockfile these articles use: ``--lock``, else beside the articles, else the bundled one."""
    if option:
        return Path(option)
    path = default_lock_path(corpus)
    if path is None and corpus.path is None and all(d.path for d in corpus.documents):
        first = Path(str(corpus.documents[0].path)) if corpus.documents else None
        path = first.parent / LOCK_NAME if first else None
    return path


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


class _InOrder(argparse.Action):
    """Keeps ``--format`` and ``-o`` in the order given, so each format pairs with the next file."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        items = list(getattr(namespace, "report_items", None) or [])
        items.append((self.dest, values))
        namespace.report_items = items


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
        fmt = pending or SUFFIXES.get(Path(value).suffix.lower())
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
        Lock.from_references(report.corpus.references, note=note).write(target)
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
        Lock.from_references(
            resolved.references, note="Resolved through Crossref by acurefs."
        ).write(target)
        if not args.quiet:
            print(f"acurefs: wrote {target}", file=sys.stderr)
    if args.json:
        _write_json(corpus_json(resolved, claims="cited"), sys.stdout)
    else:
        print(_render.render_resolutions(resolved))
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


def _exit_for(corpus: Corpus, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    findings = list(corpus.findings) + [
        f for r in corpus.references if r.resolution for f in r.resolution.findings
    ]
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in findings) else EXIT_OK


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
