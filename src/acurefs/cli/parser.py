"""The command line's grammar: commands, their options, and one-line usage errors."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from .._version import __version__
from ..report.formats import REPORT_FORMATS
from ..resolve.lock import LOCK_NAME
from ..sources.crossref.adapter import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from ..sources.pubmed.adapter import DEFAULT_BASE_URL as PUBMED_URL
from ..sources.retry import DEFAULT_ATTEMPTS
from .index_command import add_index_options, add_index_parser

EXIT_USAGE = 2
FAIL_ON = ("error", "warning", "info", "never")

_EPILOG = (
    "With no PATH, acurefs reads the bundled corpus (five acupuncture articles). PATH '-' reads stdin. "
    "Every readable article is reported; each unreadable one is an error line and the exit code "
    "is at least 2. "
    "Environment: ACUREFS_MAILTO, ACUREFS_CROSSREF_TOKEN, ACUREFS_CROSSREF_URL, ACUREFS_CACHE_DIR, "
    "ACUREFS_OFFLINE (1, 0, true, false, yes or no)."
)


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and our exit code for usage mistakes."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="acurefs",
        description="Read articles that cite numbered references: claims, parsed references, "
        "Crossref checks, BibTeX.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"acurefs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _check(sub)
    _claims(sub)
    _refs(sub)
    _bib(sub)
    _resolve(sub)
    _validate(sub)
    add_index_parser(sub)
    return parser


def _command(
    sub: argparse._SubParsersAction[_Parser], name: str, help: str, *, crossref: bool = False
) -> argparse.ArgumentParser:
    """A command with the options every command shares (and Crossref's, for those that ask it)."""
    p = sub.add_parser(name, help=help, description=help, epilog=_EPILOG)
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files or directories ('-' for stdin)"
    )
    p.add_argument(
        "--input-format", dest="input_format", metavar="FORMAT", help="text, markdown or html"
    )
    p.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help="read the articles in a directory's subdirectories too (hidden ones are skipped)",
    )
    p.add_argument(
        "--lock", metavar="FILE", help=f"the lockfile (default: {LOCK_NAME} beside the articles)"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "-v", "--verbose", action="count", default=0, help="log what happens (-vv: more)"
    )
    if crossref:
        _crossref_options(p)
        _pubmed_options(p)
    return p


def _crossref_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("Crossref")
    group.add_argument("--mailto", help="your e-mail, for Crossref's polite pool (ACUREFS_MAILTO)")
    group.add_argument(
        "--crossref-url",
        help=f"the Crossref API (ACUREFS_CROSSREF_URL; default {DEFAULT_BASE_URL})",
    )
    group.add_argument("--cache-dir", help="where answers are cached (ACUREFS_CACHE_DIR)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    group.add_argument(
        "--offline", action="store_true", help="never touch the network: cache and lock"
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds per request (default {DEFAULT_TIMEOUT:g})",
    )
    group.add_argument(
        "--retries",
        type=int,
        default=DEFAULT_ATTEMPTS - 1,
        help=f"retries after a failed request, with growing waits (default {DEFAULT_ATTEMPTS - 1})",
    )


def _pubmed_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("PubMed (the second source)")
    group.add_argument(
        "--sources",
        help="the metadata sources to ask, a comma list (ACUREFS_SOURCES; default crossref,pubmed)",
    )
    group.add_argument(
        "--pubmed-url",
        help=f"the E-utilities address (ACUREFS_PUBMED_URL; default {PUBMED_URL})",
    )
    group.add_argument(
        "--ncbi-api-key", help="an NCBI API key: 10 requests a second (ACUREFS_NCBI_API_KEY)"
    )
    group.add_argument(
        "--ncbi-email", help="your e-mail, sent to NCBI with each request (ACUREFS_NCBI_EMAIL)"
    )


def _fail_on(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=default,
        help=f"exit 1 when a finding at or above this severity exists (default: {default})",
    )


def _check(sub: argparse._SubParsersAction[_Parser]) -> None:
    check = _command(
        sub,
        "check",
        "Every article: its claims, references (with DOIs and verdicts from the lock) and findings.",
    )
    check.add_argument("--json", action="store_true", help="JSON for programs")
    check.add_argument(
        "--all-claims", action="store_true", help="show every claim, not only cited ones"
    )
    _fail_on(check, "never")


def _claims(sub: argparse._SubParsersAction[_Parser]) -> None:
    claims = _command(
        sub, "claims", "The claims (sentences, list items) and the references each cites."
    )
    claims.add_argument("--json", action="store_true", help="JSON for programs")
    claims.add_argument(
        "--cited", action="store_true", help="only claims that carry citation markers"
    )


def _refs(sub: argparse._SubParsersAction[_Parser]) -> None:
    refs = _command(sub, "refs", "The references, parsed into fields.")
    refs.add_argument("--json", action="store_true", help="JSON for programs")


def _bib(sub: argparse._SubParsersAction[_Parser]) -> None:
    bib = _command(
        sub, "bib", "The references as BibTeX (or CSL-JSON) for writers, DOIs from the lock."
    )
    bib.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    bib.add_argument(
        "--csl", action="store_true", help="write CSL-JSON (for Pandoc, Zotero) instead of BibTeX"
    )


def _resolve(sub: argparse._SubParsersAction[_Parser]) -> None:
    res = _command(
        sub,
        "resolve",
        "Resolve every reference through Crossref and check its metadata.",
        crossref=True,
    )
    res.add_argument("--json", action="store_true", help="JSON for programs")
    res.add_argument("--update-lock", action="store_true", help="write the results to the lockfile")
    add_index_options(res)


def _validate(sub: argparse._SubParsersAction[_Parser]) -> None:
    val = _command(
        sub,
        "validate",
        "The scheduled job: resolve and validate every reference, report what broke and what is new.",
        crossref=True,
    )
    _fail_on(val, "error")
    val.add_argument(
        "--format",
        dest="format",
        action=_InOrder,
        choices=REPORT_FORMATS,
        metavar="FORMAT",
        help=f"report format ({', '.join(REPORT_FORMATS)}) for the -o that follows it; "
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
    add_index_options(val)
