"""The bundled corpus in refs/: the articles as given, and the files acurefs generates from them."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import bibtexparser
import pytest
from tools.curated_lock import curated_lock, seed_names

import acurefs
from acurefs.document.corpus import bundled_refs_dir

REFS = bundled_refs_dir()
SHARED = Path(
    os.environ.get("ACUREFS_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)

# sha256 of the five seed articles (../shared/seeds), which refs/ must hold unchanged.
SEEDS = {
    "how-does-acupuncture-work.txt": "b00300b9680cd2eb",
    "acupuncture-chronic-pain-7-ways.txt": "11b8af16f0b612a0",
    "science-behind-acupuncture-chronic-pain.txt": "0b3e4fb28b5f1e9d",
    "acupuncture-immune-system.txt": "169158901830aac1",
    "acupuncture-pain-evidence.txt": "a9a4d7a841794b2d",
}


def resolved_corpus() -> acurefs.Corpus:
    return acurefs.resolve(
        acurefs.load_corpus(), source=acurefs.Lock.load(REFS / "acurefs.lock.json")
    )


@pytest.mark.parametrize(("name", "digest"), sorted(SEEDS.items()), ids=sorted(SEEDS))
def test_articles_are_the_seeds_byte_for_byte(name: str, digest: str) -> None:
    assert hashlib.sha256((REFS / name).read_bytes()).hexdigest().startswith(digest)


def test_readme_maps_every_article_to_its_seed() -> None:
    names = seed_names((REFS / "README.md").read_text(encoding="utf-8"))
    assert sorted(names.values()) == sorted(SEEDS)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason=f"no seeds at {SHARED / 'seeds'}")
def test_seeds_in_shared_match_refs() -> None:
    names = seed_names((REFS / "README.md").read_text(encoding="utf-8"))
    for seed, name in names.items():
        assert (SHARED / "seeds" / seed).read_bytes() == (REFS / name).read_bytes(), name


def test_bibtex_is_not_stale() -> None:
    expected = acurefs.to_bibtex(resolved_corpus().references)
    assert (REFS / "acupuncture.bib").read_text(encoding="utf-8") == expected, (
        "refs/acupuncture.bib is stale: run `acurefs bib -o refs/acupuncture.bib`"
    )


def test_csl_json_is_not_stale() -> None:
    expected = json.dumps(
        acurefs.to_csl_json(resolved_corpus().references), indent=2, ensure_ascii=False
    )
    assert (REFS / "acupuncture.json").read_text(encoding="utf-8") == expected + "\n", (
        "refs/acupuncture.json is stale: run `acurefs bib --csl -o refs/acupuncture.json`"
    )


def test_every_reference_is_in_the_bibtex() -> None:
    corpus = resolved_corpus()
    library = bibtexparser.parse_string((REFS / "acupuncture.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    keys = {entry.key for entry in library.entries}
    from acurefs.export.citations import citation_keys

    mapping = citation_keys(corpus.references)
    assert len(corpus.references) == 13
    for ref in corpus.references:
        assert mapping[ref.identity] in keys, ref.label


def test_lock_lists_every_reference() -> None:
    lock = acurefs.Lock.load(REFS / "acurefs.lock.json")
    corpus = acurefs.load_corpus()
    for ref in corpus.references:
        entry = lock.entry_for(ref)
        assert entry is not None, ref.label
        assert entry.provenance is not None
        assert entry.provenance.source == "curated"


@pytest.mark.skipif(
    not (SHARED / "corpus-metadata.json").is_file(), reason=f"no {SHARED / 'corpus-metadata.json'}"
)
def test_lock_is_not_stale() -> None:
    metadata = json.loads((SHARED / "corpus-metadata.json").read_text(encoding="utf-8"))
    names = seed_names((REFS / "README.md").read_text(encoding="utf-8"))
    expected = curated_lock(acurefs.load_corpus(), metadata, names).to_json()
    actual = json.loads((REFS / "acurefs.lock.json").read_text(encoding="utf-8"))
    assert actual == expected, (
        "refs/acurefs.lock.json is stale: run "
        "`python tools/curated_lock.py ../shared/corpus-metadata.json -o refs/acurefs.lock.json`"
    )


@pytest.mark.parametrize(
    ("document", "number", "verdict", "codes"),
    [
        pytest.param(
            "acupuncture-pain-evidence.txt", 1, "verified", {"doi-missing"}, id="bmj-e-locator"
        ),
        pytest.param("acupuncture-pain-evidence.txt", 2, "verified", {"doi-missing"}, id="annals"),
        pytest.param(
            "acupuncture-pain-evidence.txt", 5, "unresolved", {"unresolved"}, id="witt-no-doi"
        ),
        pytest.param(
            "acupuncture-pain-evidence.txt",
            8,
            "mismatch",
            {"doi-missing", "pages-missing"},
            id="kim-no-pages",
        ),
        pytest.param(
            "acupuncture-immune-system.txt",
            4,
            "mismatch",
            {"doi-missing", "title-mismatch"},
            id="wrong-subtitle",
        ),
        pytest.param(
            "acupuncture-immune-system.txt", 1, "unresolved", {"unresolved"}, id="unidentified"
        ),
    ],
)
def test_bundled_verdicts_offline(
    document: str, number: int, verdict: str, codes: set[str]
) -> None:
    corpus = resolved_corpus()
    doc = corpus.document(document)
    assert doc is not None
    ref = doc.reference(number)
    assert ref is not None
    assert ref.resolution is not None
    assert ref.resolution.verdict.value == verdict
    assert {f.code for f in ref.resolution.findings} == codes
    # claims reach the resolved references
    for claim in doc.claims_citing(number):
        assert any(r.resolution is not None for r in claim.references)
