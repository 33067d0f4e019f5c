"""The ``acurefs`` command: a thin layer over the public API.

Text for people on stdout, ``--json`` for programs. Errors are one line on
stderr and a non-zero exit: 2 for usage, input and configuration errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import _render
from ._bibtex import to_bibtex
from ._corpus import load_corpus
from ._csl import to_csl_json
from ._document import load_document, parse_document
from ._exceptions import AcurefsError, InputError
from ._loading import check_format, decode, sniff_format
from ._models import Corpus, Document, Severity
from ._serialize import corpus_json
from ._version import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

_EPILOG = "With no PATH, acurefs reads the bundled corpus (five acupuncture articles). PATH '-' reads stdin."


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and our exit code for usage mistakes."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="acurefs",
        description="Read articles that cite numbered references: claims, parsed references, BibTeX.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"acurefs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, epilog=_EPILOG)
        p.add_argument(
            "paths", nargs="*", metavar="PATH", help="article files or directories ('-' for stdin)"
        )
        p.add_argument(
            "--format",
            dest="input_format",
            metavar="FORMAT",
            help="input format when it cannot be told from the file name: text, markdown, html",
        )
        return p

    check = command("check", "Every article: its claims, references and findings.")
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

    bib = command("bib", "The references as BibTeX (or CSL-JSON) for writers.")
    bib.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    bib.add_argument(
        "--csl", action="store_true", help="write CSL-JSON (for Pandoc, Zotero) instead of BibTeX"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _run(args)
    except AcurefsError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("acurefs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head`
        return EXIT_OK


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"acurefs: error: {message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    corpus = read_inputs(args.paths, args.input_format)
    if args.command == "check":
        if args.json:
            _write_json(
                corpus_json(corpus, claims="all" if args.all_claims else "cited"), sys.stdout
            )
        else:
            print(_render.render_corpus(corpus, show_claims="all" if args.all_claims else "cited"))
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
    return Corpus(documents=tuple(documents))


def _exit_for(corpus: Corpus, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in corpus.findings) else EXIT_OK


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
