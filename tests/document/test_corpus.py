"""Corpora: the bundled articles by default, or a directory or file of one's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import bibtexparser
import pytest

import acurefs
from acurefs import Corpus, DocumentError, load_corpus
from acurefs.document.corpus import article_paths, bundled_refs_dir

REFS_DIR = Path(__file__).resolve().parents[2] / "refs"
BUNDLED = [
    "acupuncture-chronic-pain-7-ways.txt",
    "acupuncture-immune-system.txt",
    "acupuncture-pain-evidence.txt",
    "how-does-acupuncture-work.txt",
    "science-behind-acupuncture-chronic-pain.txt",
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def test_bundled_corpus(corpus: Corpus) -> None:
    assert [d.name for d in corpus] == BUNDLED
    assert len(corpus) == 5
    assert len(corpus.references) == 13
    assert corpus.path is not None
    assert sorted(p.name for p in Path(corpus.path).glob("*.txt")) == BUNDLED


def test_bundled_dir_matches_the_checkout() -> None:
    bundled = bundled_refs_dir()
    assert bundled.is_dir()
    for name in BUNDLED:
        assert (bundled / name).read_bytes() == (REFS_DIR / name).read_bytes()


def test_corpus_aggregates(corpus: Corpus) -> None:
    assert corpus.claims == tuple(c for d in corpus.documents for c in d.claims)
    assert len(corpus.claims) == sum(len(d.claims) for d in corpus)
    assert [r.number for r in corpus.references] == [1, 2, 3, 4, 6, 1, 2, 3, 4, 5, 6, 7, 8]
    codes = sorted({f.code for f in corpus.findings})
    assert codes == ["dangling-marker", "malformed-reference", "numbering-gap", "uncited-claim"]
    assert sum(1 for c in corpus.claims if c.cited) == 16


def test_corpus_document_lookup(corpus: Corpus) -> None:
    doc = corpus.document("acupuncture-pain-evidence.txt")
    assert doc is not None
    assert doc.path is not None
    assert Path(doc.path).name == doc.name
    assert corpus.document("missing.txt") is None


def test_corpus_exports(corpus: Corpus) -> None:
    # Records do not export themselves (records < export): the exporters take the references.
    assert not hasattr(corpus, "to_bibtex")
    assert len(acurefs.to_csl_json(corpus.references)) == 13
    library = bibtexparser.parse_string(acurefs.to_bibtex(corpus.references))
    assert len(library.entries) == 13


def test_load_corpus_of_a_directory(tmp_path: Path) -> None:
    shutil.copy(REFS_DIR / "acupuncture-pain-evidence.txt", tmp_path / "b.txt")
    (tmp_path / "a.md").write_text("# Title\n\nPain eases [1].\n", encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>Pain eases.<sup>1</sup></p>", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Not an article\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    (tmp_path / "_draft.txt").write_text("draft\n", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.txt").write_text("nested\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [(d.name, d.format) for d in corpus] == [
        ("a.md", "markdown"),
        ("b.txt", "text"),
        ("c.html", "html"),
    ]
    assert corpus.path == str(tmp_path)
    errors = [d.name for d in corpus if any(f.severity == "error" for f in d.findings)]
    assert errors == ["a.md", "c.html"]  # markers without a reference list


def test_article_paths_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("z.TXT", "m.htm", "a.markdown", "README.txt", "notes.pdf"):
        (tmp_path / name).write_text("Pain eases.\n", encoding="utf-8")
    assert [p.name for p in article_paths(tmp_path)] == ["a.markdown", "m.htm", "z.TXT"]


def test_load_corpus_of_one_file() -> None:
    path = REFS_DIR / "acupuncture-immune-system.txt"
    corpus = load_corpus(path)
    assert [d.name for d in corpus] == [path.name]
    assert corpus.path == str(path)


def test_load_corpus_accepts_a_string_path() -> None:
    assert len(load_corpus(str(REFS_DIR))) == 5


def test_load_corpus_missing(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="No such file or directory"):
        load_corpus(tmp_path / "nowhere")


def test_load_corpus_without_articles(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="holds no articles"):
        load_corpus(tmp_path)


def test_load_corpus_with_an_unreadable_article(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Pain eases.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(DocumentError, match=r"bad\.txt"):
        load_corpus(tmp_path)


def test_corpus_serialises(corpus: Corpus) -> None:
    data = corpus.to_dict()
    assert [d["name"] for d in data["documents"]] == BUNDLED
    assert data["path"] == corpus.path
