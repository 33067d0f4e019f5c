"""The articles a command line names: read first, then parsed, here or on a Dask cluster.

Reading (files, directories, standard input) happens where the command runs. Parsing is
the costly part (markers, sentences, claims, each reference), and independent from one
article to the next, so it can run elsewhere: a command that resolves on a Dask cluster
has its articles parsed by the cluster's workers too
(:func:`acurefs.resolve.distributed.parse_on_cluster`), with the same parser and the same
results. Every input that cannot be read or parsed becomes one :class:`InputProblem`, in
the order the inputs were named.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..document.assemble import ArticleText, read_article
from ..document.corpus import article_paths, load_corpus
from ..document.loading import ARTICLE_SUFFIXES, check_format, decode, sniff_format
from ..errors import DocumentError
from ..models import Corpus, Document
from ..resolve.distributed import parse_article


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read as an article: the path, and why (one line)."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class Inputs:
    """The articles the command line names, and the inputs among them that could not be read."""

    corpus: Corpus
    problems: tuple[InputProblem, ...] = ()


Parser = Callable[[Sequence[ArticleText]], list[Document | DocumentError]]
"""Parses articles, in order; an article that cannot be parsed gives its error."""


def parse_here(articles: Sequence[ArticleText]) -> list[Document | DocumentError]:
    """Each article parsed in this process, as a worker parses it."""
    return [parse_article(article) for article in articles]


def read_inputs(
    paths: Sequence[str],
    input_format: str | None,
    *,
    recursive: bool = False,
    parse: Parser = parse_here,
) -> Inputs:
    """The articles named on the command line (the bundled corpus when there are none).

    Every file that can be read is; each one that cannot becomes an :class:`InputProblem`.
    A path that does not exist is a mistake in the command: :class:`DocumentError`, and
    nothing is read. A directory gives its article files (``recursive``: its
    subdirectories' too, hidden ones left out); one with none is a problem. ``parse``
    parses what was read (here by default).
    """
    fmt = check_format(input_format) if input_format else None
    if not paths:
        return Inputs(load_corpus())
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise DocumentError("; ".join(f"No such file or directory: {p!r}" for p in missing))
    read: list[tuple[str, ArticleText | InputProblem]] = []
    for path in paths:
        try:
            if path == "-":
                read.append((path, _stdin(fmt)))
            elif Path(path).is_dir():
                read.extend(_directory(Path(path), fmt, recursive))
            else:
                read.append((path, read_article(path, format=fmt)))
        except DocumentError as exc:
            read.append((path, InputProblem(path, str(exc))))
    texts = [item for _, item in read if isinstance(item, ArticleText)]
    parsed = iter(parse(texts))
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for path, item in read:
        if isinstance(item, InputProblem):
            problems.append(item)
        elif isinstance(result := next(parsed), DocumentError):
            problems.append(InputProblem(item.path or path, str(result)))
        else:
            documents.append(result)
    single = len(paths) == 1 and paths[0] != "-"
    corpus = Corpus(documents=tuple(documents), path=paths[0] if single else None)
    return Inputs(corpus, tuple(problems))


def _stdin(fmt: str | None) -> ArticleText:
    text = decode(sys.stdin.buffer.read(), name="<stdin>")
    return ArticleText(text, fmt or sniff_format(text), "<stdin>")


def _directory(
    directory: Path, fmt: str | None, recursive: bool
) -> list[tuple[str, ArticleText | InputProblem]]:
    """The directory's articles, each named by its path below ``directory``; problems noted."""
    problems: list[InputProblem] = []
    files = _article_files(directory, recursive, problems)
    out: list[tuple[str, ArticleText | InputProblem]] = [(p.path, p) for p in problems]
    if not files and not problems:
        below = " (nor do its subdirectories)" if recursive else ""
        suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
        problem = f"{str(directory)!r} holds no articles{below}: {suffixes}"
        out.append((str(directory), InputProblem(str(directory), problem)))
    for path in files:
        try:
            name = path.relative_to(directory).as_posix()  # "sub/name.md" below the directory
            out.append((str(path), read_article(path, format=fmt, name=name)))
        except DocumentError as exc:
            out.append((str(path), InputProblem(str(path), str(exc))))
    return out


def _article_files(directory: Path, recursive: bool, problems: list[InputProblem]) -> list[Path]:
    """The article files of ``directory`` (``article_paths``), then of its subdirectories."""
    try:
        found = article_paths(directory)
        subdirectories = sorted(
            p
            for p in directory.iterdir()
            if recursive and p.is_dir() and not p.is_symlink() and not p.name.startswith((".", "_"))
        )
    except OSError as exc:
        problems.append(
            InputProblem(str(directory), f"Cannot read {str(directory)!r}: {exc.strerror or exc}")
        )
        return []
    for subdirectory in subdirectories:
        found.extend(_article_files(subdirectory, recursive, problems))
    return found
