"""Corpora: several articles read together, the bundled one by default."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import DocumentError
from ..models import Corpus
from .assemble import load_document
from .loading import ARTICLE_SUFFIXES


def bundled_refs_dir() -> Path:
    """Where the bundled corpus lives: inside the installed package, or ``refs/`` in a checkout."""
    packaged = resources.files("acurefs").joinpath("refs")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "refs"
    if checkout.is_dir():
        return checkout
    raise DocumentError(
        "The bundled corpus (refs/) is missing from this installation"
    )  # pragma: no cover


def article_paths(directory: Path) -> list[Path]:
    """The article files of a directory: known suffixes, READMEs and hidden files left out."""
    return sorted(
        p
        for p in directory.iterdir()
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith((".", "_"))
        and not p.stem.upper().startswith("README")
    )


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Read every article of a directory (the bundled ``refs/`` when ``path`` is None), or one file."""
    directory = bundled_refs_dir() if path is None else Path(path)
    if not directory.exists():
        raise DocumentError(f"No such file or directory: {str(directory)!r}")
    if directory.is_file():
        return Corpus(documents=(load_document(directory),), path=str(directory))
    paths = article_paths(directory)
    if not paths:
        raise DocumentError(f"{str(directory)!r} holds no articles (.txt, .md, .html)")
    return Corpus(documents=tuple(load_document(p) for p in paths), path=str(directory))
