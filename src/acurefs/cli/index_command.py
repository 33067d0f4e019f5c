"""``acurefs index`` (build, info), and the ``--index`` and ``--scheduler`` options of
``resolve`` and ``validate``: the command line over :mod:`acurefs.sources.index` and the
Dask runner."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import ConfigError
from ..models import Corpus
from ..report.distributed import validate_on_cluster
from ..report.job import validate
from ..report.model import Report
from ..resolve.distributed import connected, resolve_on_cluster
from ..resolve.lock import Lock
from ..resolve.resolver import Progress, resolve
from ..sources.index import BuildReport, LocalIndex, Skip, build_index
from ..sources.pubmed import PubMed
from ..text import plural

EXIT_OK = 0
EXIT_BROKEN_SOURCES = 2
SHOWN_SKIPS = 20
"""Skipped records listed one by one; the rest are counted."""


def add_index_parser(sub: Any) -> None:
    """``acurefs index build INDEX SOURCE...`` and ``acurefs index info INDEX``."""
    about = "A local index of Crossref records, to resolve and validate without the network."
    index = sub.add_parser("index", help=about, description=about)
    actions = index.add_subparsers(
        dest="index_command", metavar="ACTION", required=True, parser_class=type(index)
    )
    build = actions.add_parser(
        "build",
        help="add Crossref work records to an index (created if absent)",
        description="Add Crossref work records to an index (created if absent). A DOI already "
        "held is updated. Run it again after an interruption: it goes on where it stopped.",
    )
    build.add_argument("index", metavar="INDEX", help="the index file (SQLite)")
    build.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="Crossref's public data file (a directory of .json.gz), .jsonl[.gz] or .json[.gz]",
    )
    info = actions.add_parser(
        "info", help="what an index holds", description="What an index holds."
    )
    info.add_argument("index", metavar="INDEX", help="the index file")
    for action in (build, info):
        action.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        action.add_argument(
            "-v", "--verbose", action="count", default=0, help="log what happens (-vv: more)"
        )


def add_index_options(parser: argparse.ArgumentParser) -> None:
    """``--index`` and ``--scheduler`` for ``resolve`` and ``validate``."""
    group = parser.add_argument_group("local index")
    group.add_argument(
        "--index",
        metavar="INDEX",
        help="resolve against this local index (acurefs index build) instead of Crossref: "
        "no network",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="spread the articles over the workers of this Dask cluster (tcp://HOST:PORT); "
        "each worker opens INDEX at the same path; needs --index and acurefs[dask]",
    )


def index_source(args: argparse.Namespace) -> LocalIndex | None:
    """The local index the options name (checked now: a bad path stops the command), or None."""
    if getattr(args, "scheduler", None) and not getattr(args, "index", None):
        raise ConfigError("--scheduler needs --index: the workers resolve against a local index")
    if not getattr(args, "index", None):
        return None
    index = LocalIndex(args.index)
    index.info()  # a missing or foreign file is one line of error, before any work
    return index


@contextmanager
def cluster(args: argparse.Namespace) -> Iterator[Any]:
    """The Dask cluster ``--scheduler`` names (a client, closed after), or None without one.
    The index is checked first: a bad path stops the command before any work is sent."""
    address = getattr(args, "scheduler", None)
    if not address or not getattr(args, "index", None):
        yield None
        return
    index_source(args)
    with connected(address) as client:
        yield client


def resolve_corpus(
    args: argparse.Namespace,
    corpus: Corpus,
    source: Any,
    lock: Lock,
    progress: Progress | None,
    pubmed: PubMed | None = None,
) -> Corpus:
    """``resolve``'s work: on the cluster when ``--scheduler`` is given, else here."""
    if getattr(args, "scheduler", None):
        run = resolve_on_cluster(
            corpus, index=source, scheduler=args.scheduler, lock=lock, progress=progress
        )
        return run.corpus
    return resolve(
        corpus, source=source, offline=args.offline, lock=lock, progress=progress, pubmed=pubmed
    )


def validate_corpus(
    args: argparse.Namespace,
    corpus: Corpus,
    source: Any,
    lock: Lock | None,
    progress: Progress | None,
    pubmed: PubMed | None = None,
) -> Report:
    """``validate``'s work: its references resolved on the cluster when ``--scheduler`` is given."""
    if getattr(args, "scheduler", None):
        return validate_on_cluster(
            corpus,
            index=source,
            scheduler=args.scheduler,
            lock=lock,
            baseline=args.baseline,
            config=args.config,
            fail_on=args.fail_on,
            progress=progress,
        )
    return validate(
        corpus,
        source=source,
        pubmed=pubmed,
        lock=lock,
        baseline=args.baseline,
        config=args.config,
        fail_on=args.fail_on,
        offline=args.offline,
        progress=progress,
    )


def run_index(args: argparse.Namespace) -> int:
    """``acurefs index build`` or ``acurefs index info``."""
    if args.index_command == "info":
        info = LocalIndex(args.index).info()
        terms = f"{info.terms:,}" if info.terms is not None else "not counted (build again)"
        print(f"index     {info.path} ({info.bytes / 1e6:,.1f} MB, {info.format})")
        print(f"works     {info.works:,}")
        print(f"notices   {info.notices:,} (retractions, corrections, concerns linked to works)")
        print(f"words     {terms}")
        print(f"sources   {plural(info.sources, 'file')} read to the end")
        print(f"created   {info.created}")
        print(f"updated   {info.updated}")
        return EXIT_OK
    with _bytes_bar(args.quiet) as progress:
        report = build_index(args.index, args.sources, progress=progress)
    _print_build(report)
    return EXIT_OK if report.ok else EXIT_BROKEN_SOURCES


def _print_build(report: BuildReport) -> None:
    unchanged = f", {report.unchanged} unchanged and not read again" if report.unchanged else ""
    print(
        f"read {plural(report.records, 'record')} from {plural(report.files, 'file')}"
        f"{unchanged} in {report.seconds:.1f} s: {report.added:,} added, {report.updated:,} "
        f"updated, {plural(report.notices, 'notice')} linked; the index holds "
        f"{report.works:,} works"
    )
    _print_skips(report.skipped)
    for broken in report.broken:
        print(f"acurefs: error: {broken}", file=sys.stderr)


def _print_skips(skipped: Sequence[Skip]) -> None:
    if not skipped:
        return
    print(f"skipped {plural(len(skipped), 'record')}:", file=sys.stderr)
    for skip in skipped[:SHOWN_SKIPS]:
        print(f"  {skip}", file=sys.stderr)
    if len(skipped) > SHOWN_SKIPS:
        print(f"  ... and {len(skipped) - SHOWN_SKIPS} more", file=sys.stderr)


@contextmanager
def _bytes_bar(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar in bytes on a terminal (stderr), nothing otherwise."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(unit="B", unit_scale=True, desc="indexing", file=sys.stderr, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()
