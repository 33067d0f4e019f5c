"""JSON shapes for programs, and records' own ``to_dict()`` / ``to_json()``."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import acurefs
from acurefs import (
    Claim,
    Finding,
    Kind,
    Marker,
    Person,
    Record,
    Reference,
    Resolution,
    Severity,
    Span,
    Verdict,
    parse_document,
)
from acurefs.cli.json_views import (
    claim_json,
    corpus_json,
    document_json,
    findings_summary,
    reference_json,
)

ARTICLE = (
    "Acupuncture eases pain [1]. Sleep improves.2 Costs fall [3].\n\n"
    "References\n"
    "1. Chen L, Michalsen A. Management of chronic pain. BMJ. 2017;357:j1284.\n"
    "2. Doe J. Needling and sleep. Pain. 2018;12(2):30-41.\n"
)


@pytest.fixture(scope="module")
def doc() -> acurefs.Document:
    return parse_document(ARTICLE, name="a.txt")


@pytest.fixture(scope="module")
def corpus() -> acurefs.Corpus:
    return acurefs.load_corpus()


# --- records ------------------------------------------------------------------------------------

RECORDS = [
    pytest.param(Span(3, 9), id="span"),
    pytest.param(Person("Lee", given="Jun-Hwan", initials="J-H"), id="person"),
    pytest.param(
        Finding("dangling-marker", Severity.ERROR, "no entry 5", "a.txt", 3, Span(1, 4), 5),
        id="finding",
    ),
    pytest.param(Marker("[2,3]", (2, 3), Span(10, 15), "bracket", 2), id="marker"),
    pytest.param(
        Reference(
            raw="Chen L. Pain. BMJ. 2017;357:j1284.",
            number=1,
            authors=(Person("Chen", initials="L"),),
            title="Pain",
            journal="BMJ",
            year=2017,
            kind=Kind.JOURNAL_ARTICLE,
            span=Span(0, 30),
            resolution=Resolution(
                Verdict.VERIFIED,
                doi="10.1136/bmj.j1284",
                record=Record(doi="10.1136/bmj.j1284", authors=(Person("Chen", given="Lucy"),)),
                score=0.97,
            ),
        ),
        id="reference-with-resolution",
    ),
]


@pytest.mark.parametrize("record", RECORDS)
def test_record_json_round_trip(record: Any) -> None:
    data = record.to_dict()
    assert json.loads(record.to_json()) == data
    assert set(data) == {f.name for f in dataclasses.fields(record)}


def test_enums_and_tuples_become_json_types() -> None:
    finding = Finding("numbering-gap", Severity.WARNING, "gap", span=Span(1, 2))
    data = finding.to_dict()
    assert data["severity"] == "warning"
    assert data["span"] == {"start": 1, "end": 2}
    marker = Marker("¹⁻³", (1, 2, 3), Span(0, 3), "unicode").to_dict()
    assert marker["numbers"] == [1, 2, 3]
    reference = Reference(raw="x", kind=Kind.BOOK).to_dict()
    assert reference["kind"] == "book"
    assert reference["authors"] == []


def test_to_json_keeps_unicode_and_passes_options() -> None:
    marker = Marker("¹", (1,), Span(0, 1), "unicode")
    assert "¹" in marker.to_json()
    assert "\\u00b9" in marker.to_json(ensure_ascii=True)
    assert marker.to_json(indent=2).startswith("{\n  ")


def test_document_to_dict_holds_everything(doc: acurefs.Document) -> None:
    data = json.loads(doc.to_json())
    assert data == doc.to_dict()
    assert data["text"] == doc.text
    assert [c["text"] for c in data["claims"]] == [c.text for c in doc.claims]
    assert data["claims"][0]["references"][0]["number"] == 1


def test_corpus_to_json(corpus: acurefs.Corpus) -> None:
    data = json.loads(corpus.to_json())
    assert len(data["documents"]) == 5
    assert sum(len(d["references"]) for d in data["documents"]) == 13


def test_span_rejects_bad_ranges() -> None:
    with pytest.raises(ValueError, match="Invalid span"):
        Span(5, 2)
    with pytest.raises(ValueError, match="Invalid span"):
        Span(-1, 2)


def test_span_contains_and_orders() -> None:
    span = Span(2, 8)
    assert len(span) == 6
    assert 2 in span
    assert 8 not in span
    assert Span(3, 5) in span
    assert Span(1, 5) not in span
    assert "x" not in span
    assert sorted([Span(5, 6), Span(1, 9), Span(1, 2)]) == [Span(1, 2), Span(1, 9), Span(5, 6)]


def test_severity_ranks() -> None:
    assert [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)] == [0, 1, 2]
    assert str(Severity.ERROR) == "error"


def test_records_hash_and_compare() -> None:
    assert Span(1, 2) == Span(1, 2)
    assert hash(Person("Lee", initials="J")) == hash(Person("Lee", initials="J"))
    a = Finding("x", Severity.INFO, "m", detail={"a": "1"})
    b = Finding("x", Severity.INFO, "m", detail={"b": "2"})
    assert a == b
    assert hash(a) == hash(b)


@pytest.mark.parametrize(
    ("person", "printed"),
    [
        pytest.param(Person("Lee", initials="J-H"), "Lee J-H", id="initials"),
        pytest.param(Person("Wilt", given="Timothy J."), "Wilt TJ", id="given"),
        pytest.param(Person("Chen", given="Lucy", suffix="Jr"), "Chen L Jr", id="suffix"),
        pytest.param(Person("WHO", collective=True), "WHO", id="collective"),
        pytest.param(Person("Madonna"), "Madonna", id="family-only"),
    ],
)
def test_person_vancouver(person: Person, printed: str) -> None:
    assert str(person) == printed


# --- shapes for programs ------------------------------------------------------------------------


def test_claim_json(doc: acurefs.Document) -> None:
    data = claim_json(doc.claims[1])
    assert data == {
        "text": "Sleep improves.2",
        "statement": "Sleep improves.",
        "kind": "sentence",
        "section": None,
        "line": 1,
        "span": {"start": 28, "end": 44},
        "cited": True,
        "numbers": [2],
        "dangling": [],
        "markers": [
            {
                "text": "2",
                "numbers": [2],
                "span": {"start": 43, "end": 44},
                "style": "superscript",
                "line": 1,
                "supports": {"start": 28, "end": 43},  # "Sleep improves." before the marker
                "evidence": ["form: digits glued after punctuation (a flattened superscript)"],
                "group": 0,
            }
        ],
        "evidential": True,  # "improves": an effect, which needs a source
        "cues": ["efficacy"],
        "support": None,  # known once resolved
        "findings": [],
        "suggestions": [],
    }
    assert claim_json(doc.claims[2])["dangling"] == [3]


def test_reference_json_drops_the_document(doc: acurefs.Document) -> None:
    reference = doc.references[0]
    assert reference.span is not None
    data = reference_json(reference)
    assert "document" not in data
    assert data["number"] == 1
    assert data["journal"] == "BMJ"
    assert data["span"] == {"start": reference.span.start, "end": reference.span.end}


@pytest.mark.parametrize(
    ("claims", "count"),
    [
        pytest.param("all", 3, id="all"),
        pytest.param("cited", 3, id="cited"),
        pytest.param("none", 0, id="none"),
    ],
)
def test_document_json(doc: acurefs.Document, claims: str, count: int) -> None:
    data = document_json(doc, claims=claims)
    assert data["name"] == "a.txt"
    assert data["format"] == "text"
    assert data["counts"] == {"claims": 3, "cited_claims": 3, "markers": 3, "references": 2}
    assert len(data["claims"]) == count
    assert [f["code"] for f in data["findings"]] == ["dangling-marker"]
    assert data["summary"] == {"error": 1, "warning": 0, "info": 0}
    assert json.loads(json.dumps(data)) == data


def test_corpus_json(corpus: acurefs.Corpus) -> None:
    data = corpus_json(corpus, claims="cited")
    uncited = sum(1 for c in corpus.claims if c.evidential and not c.cited)
    assert uncited == sum(1 for f in corpus.findings if f.code == "uncited-claim") > 50
    assert data["acurefs"] == acurefs.__version__
    assert data["summary"] == {
        "documents": 5,
        "claims": len(corpus.claims),
        "cited_claims": 16,
        "references": 13,
        "findings": {"error": 1, "warning": 6 + uncited, "info": 0},
    }
    assert sum(len(d["claims"]) for d in data["documents"]) == 16
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_claims_list_numbers_not_references(corpus: acurefs.Corpus) -> None:
    data = corpus_json(corpus)
    for document in data["documents"]:
        for claim in document["claims"]:
            assert "references" not in claim


def test_findings_summary_counts_every_severity() -> None:
    findings = [
        Finding("a", Severity.ERROR, "m"),
        Finding("b", Severity.WARNING, "m"),
        Finding("c", Severity.WARNING, "m"),
    ]
    assert findings_summary(findings) == {"error": 1, "warning": 2, "info": 0}
    assert findings_summary([]) == {"error": 0, "warning": 0, "info": 0}


@given(
    st.text(max_size=40),
    st.lists(st.integers(min_value=1, max_value=999), max_size=5),
    st.sampled_from(["sentence", "list-item", "heading"]),
)
@settings(max_examples=100, deadline=None)
def test_claim_json_round_trips_any_text(text: str, numbers: list[int], kind: str) -> None:
    claim = Claim(
        text=text,
        document="d",
        span=Span(0, len(text)),
        line=1,
        kind=kind,
        numbers=tuple(numbers),
    )
    data = claim_json(claim)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["text"] == text
    assert data["dangling"] == numbers
    assert json.loads(claim.to_json()) == claim.to_dict()
