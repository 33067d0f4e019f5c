"""CSL-JSON export: valid items whose ids are the BibTeX keys."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import acurefs
from acurefs import Kind, Person, Reference, to_bibtex, to_csl_json

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "corpus.csl.json"
UPDATE_GOLDEN = os.environ.get("ACUREFS_UPDATE_GOLDEN") == "1"

# The part of the CSL-JSON schema (citation-style-language/schema, csl-data.json) acurefs writes.
_NAME = {
    "type": "object",
    "properties": {
        "family": {"type": "string", "minLength": 1},
        "given": {"type": "string"},
        "suffix": {"type": "string"},
        "literal": {"type": "string", "minLength": 1},
    },
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
    "additionalProperties": False,
}
CSL_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type"],
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "type": {
                "enum": [
                    "article-journal",
                    "book",
                    "chapter",
                    "report",
                    "webpage",
                    "article-newspaper",
                    "document",
                ]
            },
            "author": {"type": "array", "items": _NAME, "minItems": 1},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "container-title-short": {"type": "string"},
            "publisher": {"type": "string"},
            "volume": {"type": "string"},
            "issue": {"type": "string"},
            "page": {"type": "string"},
            "number": {"type": "string"},
            "DOI": {"type": "string"},
            "PMID": {"type": "string"},
            "PMCID": {"type": "string"},
            "URL": {"type": "string"},
            "note": {"type": "string"},
            "genre": {"type": "string"},
            "accessed": {"type": "object", "required": ["date-parts"]},
            "issued": {
                "type": "object",
                "required": ["date-parts"],
                "properties": {
                    "date-parts": {
                        "type": "array",
                        "items": {
                            "type": "array",
                            "items": {"type": "integer"},
                            "minItems": 1,
                            "maxItems": 3,
                        },
                        "minItems": 1,
                        "maxItems": 2,
                    }
                },
            },
        },
        "additionalProperties": False,
    },
}


@pytest.fixture(scope="module")
def corpus() -> acurefs.Corpus:
    return acurefs.load_corpus()


def test_corpus_matches_golden_file(corpus: acurefs.Corpus) -> None:
    text = json.dumps(to_csl_json(corpus.references), indent=2, ensure_ascii=False) + "\n"
    if UPDATE_GOLDEN:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), (
        "CSL-JSON output changed; review it and rerun with ACUREFS_UPDATE_GOLDEN=1"
    )


def test_corpus_items_are_valid(corpus: acurefs.Corpus) -> None:
    items = to_csl_json(corpus.references)
    jsonschema.validate(items, CSL_SCHEMA)
    assert len(items) == 13


def test_corpus_round_trips_through_json(corpus: acurefs.Corpus) -> None:
    items = to_csl_json(corpus.references)
    assert json.loads(json.dumps(items, ensure_ascii=False)) == items


def test_ids_are_the_bibtex_keys(corpus: acurefs.Corpus) -> None:
    keys = [e.key for e in bibtexparser.parse_string(to_bibtex(corpus.references)).entries]
    assert [item["id"] for item in to_csl_json(corpus.references)] == keys


def test_corpus_journal_article(corpus: acurefs.Corpus) -> None:
    items = {item["id"]: item for item in to_csl_json(corpus.references)}
    qaseem = items["qaseem2017noninvasive"]
    assert qaseem["type"] == "article-journal"
    assert qaseem["author"][:2] == [
        {"family": "Qaseem", "given": "A."},
        {"family": "Wilt", "given": "T. J."},
    ]
    assert qaseem["container-title"] == "Annals of internal medicine"
    assert qaseem["issued"] == {"date-parts": [[2017]]}
    assert (qaseem["volume"], qaseem["issue"], qaseem["page"]) == ("166", "7", "514-530")
    assert items["chen2017management"]["number"] == "j1284"
    assert "note" in items["han2019cervical"]  # et al.
    assert items["acupunctureability"] == {
        "id": "acupunctureability",
        "type": "document",
        "title": "Acupuncture and its ability to restore and maintain immune balance",
    }


@pytest.mark.parametrize(
    ("kind", "csl_type"),
    [
        pytest.param(Kind.JOURNAL_ARTICLE, "article-journal", id="article"),
        pytest.param(Kind.BOOK, "book", id="book"),
        pytest.param(Kind.CHAPTER, "chapter", id="chapter"),
        pytest.param(Kind.REPORT, "report", id="report"),
        pytest.param(Kind.GUIDELINE, "report", id="guideline"),
        pytest.param(Kind.WEB_PAGE, "webpage", id="web-page"),
        pytest.param(Kind.NEWS, "article-newspaper", id="news"),
        pytest.param(Kind.UNKNOWN, "document", id="unknown"),
    ],
)
def test_types(kind: Kind, csl_type: str) -> None:
    (item,) = to_csl_json([Reference(raw="x", title="A title", journal="Pain", kind=kind)])
    assert item["type"] == csl_type


def test_names_identifiers_and_collisions() -> None:
    authors = (
        Person("World Health Organization", collective=True),
        Person("King", given="Martin Luther", suffix="Jr"),
        Person("Lee", initials="J-H"),
    )
    first = Reference(
        raw="x",
        authors=authors,
        title="Acupuncture guidelines",
        year=2020,
        doi="10.1000/xyz",
        pmid="123",
        pmcid="PMC456",
        url="https://example.org/who",
        publisher="WHO Press",
        kind=Kind.BOOK,
    )
    second = Reference(raw="y", authors=authors, title="Acupuncture again", year=2020)
    items = to_csl_json([first, second])
    jsonschema.validate(items, CSL_SCHEMA)
    assert [i["id"] for i in items] == ["who2020acupuncture", "who2020acupunctureb"]
    assert items[0]["author"] == [
        {"literal": "World Health Organization"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr"},
        {"family": "Lee", "given": "J.-H."},
    ]
    assert (items[0]["DOI"], items[0]["PMID"], items[0]["PMCID"]) == (
        "10.1000/xyz",
        "123",
        "PMC456",
    )
    assert items[0]["URL"] == "https://example.org/who"
    assert items[0]["publisher"] == "WHO Press"


def test_no_references() -> None:
    assert to_csl_json([]) == []


_TEXT = st.text(min_size=1, max_size=30).filter(str.strip)


@given(
    title=_TEXT,
    journal=st.none() | _TEXT,
    year=st.none() | st.integers(min_value=1600, max_value=2100),
    families=st.lists(_TEXT, max_size=3),
    kind=st.sampled_from(list(Kind)),
)
@settings(max_examples=100, deadline=None)
def test_generated_items_are_valid_json_with_bibtex_keys(
    title: str, journal: str | None, year: int | None, families: list[str], kind: Kind
) -> None:
    ref = Reference(
        raw="generated",
        title=title,
        journal=journal,
        year=year,
        authors=tuple(Person(f) for f in families),
        kind=kind,
    )
    items = to_csl_json([ref])
    jsonschema.validate(items, CSL_SCHEMA)
    assert json.loads(json.dumps(items)) == items
    assert items[0]["title"] == title
    if year is not None:
        assert items[0]["issued"]["date-parts"] == [[year]]
    library = bibtexparser.parse_string(to_bibtex([ref]))
    assert [e.key for e in library.entries] == [items[0]["id"]]
