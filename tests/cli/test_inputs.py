"""Reading the command line's articles, then parsing them (here, or wherever ``parse`` says)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from acurefs.cli.inputs import InputProblem, parse_here, read_inputs
from acurefs.document.assemble import ArticleText
from acurefs.errors import DocumentError
from acurefs.models import Document

ARTICLE = "Needling eased pain.1\n\nReferences\n1. Doe J. Needling. BMJ. 2010;1:1-9.\n"


def test_articles_are_read_then_parsed_by_the_parser_given(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")  # a problem when read
    seen: list[str] = []

    def parse(articles: Sequence[ArticleText]) -> list[Document | DocumentError]:
        seen.extend(a.name for a in articles)
        out = parse_here(articles)
        return [
            DocumentError("b.txt could not be parsed") if a.name == "b.txt" else d
            for a, d in zip(articles, out, strict=True)
        ]

    inputs = read_inputs([str(tmp_path)], None, parse=parse)
    assert seen == ["a.txt", "b.txt"]  # all at once, in order, after reading
    assert [d.name for d in inputs.corpus.documents] == ["a.txt"]
    assert [p.error for p in inputs.problems] == [  # in the order of the files
        "b.txt could not be parsed",
        f"{str(tmp_path / 'c.txt')!r} is empty",
    ]
    assert all(isinstance(p, InputProblem) for p in inputs.problems)


def test_parsing_here_gives_what_parse_document_gives(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_inputs([f"{tmp_path}/./a.md"], None).corpus.documents
    assert (doc.name, doc.format, doc.path) == ("a.md", "markdown", f"{tmp_path}/./a.md")
    assert [r.number for r in doc.references] == [1]
