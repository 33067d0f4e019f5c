"""Reading Crossref work JSON into records, and writing records back (``acurefs.sources.crossref.records``)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acurefs.errors import SourceResponseError
from acurefs.identifiers import is_doi, normalize_doi
from acurefs.models import Person, Record, Update
from acurefs.sources.crossref.records import (
    clean_text,
    notice_updates,
    record_from_crossref,
    record_to_crossref,
    updates_from_crossref,
)

EVAL_FILES = {"habanero": "habanero_works.json", "rcrossref": "rcrossref_works.json"}
# SOURCES.md: 4 habanero records carry updated-by/update-to, 19 rcrossref records update-to.
MIN_WITH_UPDATES = {"habanero": 4, "rcrossref": 19}

RETRACTED = {
    "DOI": "10.1016/S0140-6736(97)11096-0",
    "title": ["Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive disorder"],
    "updated-by": [
        {
            "DOI": "10.1016/S0140-6736(10)60175-4",
            "type": "retraction",
            "label": "Retraction",
            "source": "retraction-watch",
            "updated": {"date-parts": [[2010, 2, 6]], "date-time": "2010-02-06T00:00:00Z"},
        },
        {
            "DOI": "https://doi.org/10.1016/S0140-6736(04)15715-2",
            "type": "Expression-of-Concern",
            "label": "Expression of concern",
            "source": "publisher",
            "updated": {"date-time": "2004-03-06T00:00:00Z"},
        },
        {
            "DOI": "10.1016/S0140-6736(99)00001-X",
            "type": "correction",
            "source": "publisher",
            "updated": {"date-parts": [["1999", "3"]]},
        },
        {"DOI": "10.1016/x", "label": "no type: skipped"},
    ],
}

NOTICE = {
    "DOI": "10.1016/S0140-6736(10)60175-4",
    "type": "journal-article",
    "title": ["Retraction—Ileal-lymphoid-nodular hyperplasia"],
    "update-to": [
        {
            "DOI": "10.1016/S0140-6736(97)11096-0",
            "type": "retraction",
            "label": "Retraction",
            "updated": {"date-parts": [[2010, 2, 6]]},
        },
        {
            "DOI": "10.1016/S0140-6736(97)11096-0",
            "type": "expression_of_concern",
            "source": "retraction-watch",
            "updated": {"date-parts": [[2010]]},
        },
        {"type": "correction"},
    ],
}


def fields(record: Record, expected: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``record`` named in ``expected``."""
    return {name: getattr(record, name) for name in expected}


@pytest.mark.parametrize(
    ("work", "expected"),
    [
        pytest.param(
            {
                "DOI": "10.1136/BMJ.J1284",
                "title": ["Smoking cessation: a randomised trial"],
                "container-title": ["BMJ"],
                "short-container-title": ["BMJ"],
                "volume": "357",
                "article-number": "j1284",
                "issued": {"date-parts": [[2017, 3, 22]]},
                "ISSN": ["0959-8138", "1756-1833", "0959-8138"],
            },
            {
                "doi": "10.1136/bmj.j1284",
                "journal": "BMJ",
                "journal_abbrev": "BMJ",
                "year": 2017,
                "volume": "357",
                "pages": None,
                "article_number": "j1284",
                "issn": ("0959-8138", "1756-1833"),
            },
            id="bmj-article-number",
        ),
        pytest.param(
            {"DOI": "10.1136/bmj.j1284", "page": "j1284"},
            {"pages": "j1284", "article_number": None},
            id="bmj-elocator-in-page-kept-as-page",
        ),
        pytest.param(
            {
                "DOI": "doi:10.7326/M14-2697",
                "page": "514 – 530",
                "volume": 163,
                "issue": ["7"],
                "container-title": ["Annals of Internal Medicine"],
                "published-print": {"date-parts": [[2015, 10]]},
            },
            {
                "doi": "10.7326/m14-2697",
                "pages": "514-530",
                "volume": "163",
                "issue": "7",
                "year": 2015,
            },
            id="annals-page-range",
        ),
        pytest.param(
            {
                "DOI": "10.1016/S0140-6736(20)30925-9",
                "author": [
                    {"name": "GBD 2019 Diseases and Injuries Collaborators", "sequence": "first"},
                    {"given": "Christopher J. L.", "family": "Murray", "sequence": "additional"},
                    {
                        "given": "Jun-Hwan",
                        "family": "Lee",
                        "suffix": "Jr.",
                        "sequence": "additional",
                    },
                ],
            },
            {
                "authors": (
                    Person(family="GBD 2019 Diseases and Injuries Collaborators", collective=True),
                    Person(family="Murray", given="Christopher J. L.", initials="CJL"),
                    Person(family="Lee", given="Jun-Hwan", initials="J-H", suffix="Jr."),
                )
            },
            id="organisation-author",
        ),
        pytest.param(
            {
                "DOI": "10.1/authors",
                "author": [
                    {"sequence": "additional", "affiliation": []},
                    {"given": "Ann", "family": "Second", "sequence": "additional"},
                    {"given": "Bo", "family": "First", "sequence": "first"},
                    {"given": "Sudesiqin", "sequence": "additional"},
                    {"family": None, "given": None},
                    "not a dict",
                ],
            },
            {
                "authors": (
                    Person(family="First", given="Bo", initials="B"),
                    Person(family="Second", given="Ann", initials="A"),
                    Person(family="Sudesiqin"),
                )
            },
            id="authors-out-of-order-nameless-mononym",
        ),
        pytest.param(
            {
                "DOI": "10.1/jats",
                "title": [
                    "<jats:italic>Acupuncture</jats:italic> for\n   chronic pain in"
                    "<i>Homo sapiens</i>: CO<sub>2</sub> &amp; Na<sup>+</sup>"
                ],
                "subtitle": ["", "a trial with<mml:math><mml:mi>N</mml:mi></mml:math>=&#8201;12"],
            },
            {
                "title": "Acupuncture for chronic pain in Homo sapiens: CO2 & Na+",
                "subtitle": "a trial with N= 12",  # a thin space is whitespace
            },
            id="jats-mathml-entities-newlines",
        ),
        pytest.param(
            {
                "DOI": "10.1007/978-3-030-12345-6_7",
                "type": "book-chapter",
                "title": ["Needling techniques"],
                "container-title": ["Acupuncture in Practice", "Lecture Notes in Medicine"],
                "publisher": "Springer International Publishing",
                "page": "101-120",
                "issued": {"date-parts": [[None]]},
                "published-print": {"date-parts": [["2019"]]},
                "ISBN": ["9783030123456"],
            },
            {
                "type": "book-chapter",
                "journal": "Acupuncture in Practice",
                "publisher": "Springer International Publishing",
                "year": 2019,
                "issn": (),
            },
            id="book-chapter-null-issued",
        ),
        pytest.param(
            {
                "DOI": "10.31219/osf.io/abcde",
                "type": "posted-content",
                "title": "A preprint with a string title",
                "container-title": [],
                "short-container-title": None,
                "created": {"date-parts": [[None]], "date-time": "2021-05-04T10:00:00Z"},
                "volume": None,
                "ISSN": "not a list",
            },
            {
                "title": "A preprint with a string title",
                "journal": None,
                "journal_abbrev": None,
                "year": 2021,
                "volume": None,
                "issn": ("NOT A LIST",),
            },
            id="posted-content-odd-shapes",
        ),
        pytest.param(
            {
                "DOI": ["10.5061/DRYAD.1"],
                "type": "dataset",
                "title": [],
                "author": None,
                "issued": {"date-parts": [["²⁰¹⁷"]]},
            },
            {"doi": "10.5061/dryad.1", "title": None, "authors": (), "year": None},
            id="dataset-empty-everything",
        ),
        pytest.param(
            {"DOI": "10.1126/science.169.3946.635", "container-title-short": "Science"},
            {"journal_abbrev": "Science"},
            id="old-container-title-short",
        ),
    ],
)
def test_record_from_crossref(work: dict[str, Any], expected: dict[str, Any]) -> None:
    assert fields(record_from_crossref(work), expected) == expected


def test_updated_by() -> None:
    assert updates_from_crossref(RETRACTED) == (
        Update(
            "retraction",
            "10.1016/s0140-6736(10)60175-4",
            "retraction-watch",
            "Retraction",
            "2010-02-06",
        ),
        Update(
            "expression_of_concern",
            "10.1016/s0140-6736(04)15715-2",
            "publisher",
            "Expression of concern",
            "2004-03-06",
        ),
        Update("correction", "10.1016/s0140-6736(99)00001-x", "publisher", None, "1999-03"),
    )
    assert record_from_crossref(RETRACTED).updates == updates_from_crossref(RETRACTED)


def test_notice_updates() -> None:
    notice = "10.1016/s0140-6736(10)60175-4"
    target = "10.1016/s0140-6736(97)11096-0"
    assert notice_updates(NOTICE) == [
        (target, Update("retraction", notice, "publisher", "Retraction", "2010-02-06")),
        (target, Update("expression_of_concern", notice, "retraction-watch", None, "2010")),
    ]
    assert record_from_crossref(NOTICE).updates_to == (target,)


@pytest.mark.parametrize(
    "work",
    [
        pytest.param({}, id="no-doi"),
        pytest.param({"DOI": None}, id="null"),
        pytest.param({"DOI": ""}, id="empty"),
        pytest.param({"DOI": 10.1}, id="number"),
        pytest.param({"DOI": "not a doi"}, id="not-a-doi"),
    ],
)
def test_no_usable_doi_raises(work: dict[str, Any]) -> None:
    with pytest.raises(SourceResponseError, match="without a usable DOI"):
        record_from_crossref(work)
    with pytest.raises(SourceResponseError):
        notice_updates(work)


def test_error_quotes_the_doi() -> None:
    with pytest.raises(SourceResponseError, match="'not a doi'"):
        record_from_crossref({"DOI": "not a doi"})


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param(
            "Effect of<i>Burkholderia</i>BS001", "Effect of Burkholderia BS001", id="glued-italics"
        ),
        pytest.param("PPAR<i>α</i>Agonist", "PPARα Agonist", id="italic-inside-word"),
        pytest.param("5,7-Dimethyl-1<i>H</i>-indole", "5,7-Dimethyl-1H-indole", id="locant"),
        pytest.param(
            "A &lt;scp&gt;DC‐DC&lt;/scp&gt; converter", "A DC‐DC converter", id="escaped-tags"
        ),
        pytest.param("p &lt; 0.05 &amp; more", "p < 0.05 & more", id="escaped-text-kept"),
        pytest.param(
            "INFANT&lt;subtitle&gt;Treatment&lt;/subtitle&gt;", "INFANT Treatment", id="subtitle"
        ),
        pytest.param(
            "clams (\n  <i>Tridacna</i>\n  ) distractible",
            "clams (Tridacna) distractible",
            id="brackets",
        ),
        pytest.param(
            "in the<mml:math><mml:mn>88</mml:mn></mml:math>nucleus", "in the 88 nucleus", id="math"
        ),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


# Text with the characters markup, entities and whitespace are made of.
_raw_text = st.text(
    alphabet=st.one_of(st.sampled_from(list("<>&;#/ib \n\t()[].,-–")), st.characters()),
    max_size=30,
)
_text = _raw_text.map(clean_text).filter(bool)
_maybe_text = st.none() | _text
_doi = (
    st.from_regex(r"10\.[0-9]{4,6}/[A-Za-z0-9._;()/:<>-]{1,20}", fullmatch=True)
    .map(normalize_doi)
    .filter(lambda d: is_doi(d) and normalize_doi(d) == d)
)
_date = st.one_of(
    st.integers(1, 9999).map(lambda y: f"{y:04d}"),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()),
)


@st.composite
def _persons(draw: st.DrawFn) -> Person:
    if draw(st.booleans()):
        return Person(family=draw(_text), collective=True)
    given = draw(st.just("") | _text)
    initials = draw(st.just(None) | st.text(max_size=4))
    person = Person(family=draw(_text), given=given, suffix=draw(st.just("") | _text))
    return person if initials is None else Person(person.family, given, initials, person.suffix)


def _reads(key: str, attr: str) -> st.SearchStrategy[Any]:
    """Values of ``attr`` as the reader makes them from raw text under ``key``."""
    return _raw_text.map(
        lambda raw: getattr(record_from_crossref({"DOI": "10.1/x", key: raw}), attr)
    )


_update_type = st.sampled_from(
    ["retraction", "correction", "expression_of_concern"]
) | _raw_text.map(
    lambda raw: next((u.type for u in updates_from_crossref({"updated-by": [{"type": raw}]})), "x")
)
_updates = st.builds(
    Update,
    type=_update_type,
    doi=st.none() | _doi,
    source=st.sampled_from([None, "publisher", "retraction-watch"]),
    label=_maybe_text,
    date=st.none() | _date,
)
_records = st.builds(
    Record,
    doi=_doi,
    title=_maybe_text,
    subtitle=_maybe_text,
    authors=st.lists(_persons(), max_size=4).map(tuple),
    journal=_maybe_text,
    journal_abbrev=_maybe_text,
    year=st.none() | st.integers(1, 9999),
    volume=_maybe_text,
    issue=_maybe_text,
    pages=_reads("page", "pages"),
    article_number=_maybe_text,
    type=_maybe_text,
    publisher=_maybe_text,
    issn=st.lists(st.from_regex(r"[0-9]{4}-[0-9]{3}[0-9X]", fullmatch=True), unique=True).map(
        tuple
    ),
    updates=st.lists(_updates, max_size=3).map(tuple),
    updates_to=st.lists(_doi, max_size=3, unique=True).map(tuple),
)


@given(_raw_text)
def test_clean_text_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@given(_records)
def test_round_trip(record: Record) -> None:
    work = record_to_crossref(record)
    assert record_from_crossref(json.loads(json.dumps(work))) == record


# JSON of any shape, and lists of dicts with the keys Crossref's nested entries use.
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _raw_text,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(_raw_text, inner, max_size=2),
    max_leaves=4,
)
_crossref_keys = st.sampled_from(
    "title subtitle author issued created page volume ISSN updated-by update-to".split()
)
_entry_keys = st.sampled_from(
    "family given name sequence initials DOI type source updated date-parts date-time".split()
)
_entries = st.lists(st.dictionaries(_entry_keys, _json, max_size=4), max_size=3)


@given(st.dictionaries(_crossref_keys, _json | _entries | st.dictionaries(_entry_keys, _entries)))
def test_never_raises_with_a_doi(extra: dict[str, Any]) -> None:
    record_from_crossref({**extra, "DOI": "10.1/x"})


def _shared() -> Path:
    chosen = os.environ.get("ACUREFS_SHARED")
    return Path(chosen).expanduser() if chosen else Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(EVAL_FILES))
def test_real_records(name: str) -> None:
    path = _shared() / "eval" / "crossref-records" / EVAL_FILES[name]
    if not path.is_file():
        pytest.skip(f"real Crossref records not found at {str(path)!r} (set ACUREFS_SHARED)")
    works = json.loads(path.read_text("utf-8"))
    types: Counter[str] = Counter()
    with_updates = 0
    for work in works:
        record = record_from_crossref(work)
        assert record.doi, work.get("DOI")
        assert record_from_crossref(record_to_crossref(record)) == record, record.doi
        with_updates += bool(record.updates or record.updates_to)
        types.update(f"updated-by:{u.type}" for u in record.updates)
        types.update(f"update-to:{u.type}" for _, u in notice_updates(work))
    print(
        f"{name}: {len(works)} records, {with_updates} with updates: {dict(sorted(types.items()))}"
    )
    assert with_updates >= MIN_WITH_UPDATES[name]
    # habanero: corrections in updated-by; rcrossref: correction notices (update-to) only.
    kind = "updated-by" if name == "habanero" else "update-to"
    assert types[f"{kind}:correction"] > 0
