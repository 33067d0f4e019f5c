"""``LocalIndex`` as a metadata source: the same rules as Crossref, candidates from the file."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import acurefs
from acurefs import ConfigError, InputError, Lock, SourceUnavailableError, Verdict
from acurefs.sources.base import DescribedSource, MetadataSource
from acurefs.sources.index import LocalIndex
from tests.fake_crossref import CORPUS_DOIS, PoolLimits, RateLimits
from tests.fake_crossref.fixtures import RETRACTED_DOI

VICKERS = (
    "Vickers AJ, Cronin AM, Maschino AC, et al. Acupuncture for chronic pain: individual patient "
    "data meta-analysis. Arch Intern Med. 2012;172(19):1444-53."
)


def test_it_is_a_metadata_source_that_describes_itself(fixture_index: Path) -> None:
    index = LocalIndex(fixture_index)
    assert isinstance(index, MetadataSource)
    assert isinstance(index, DescribedSource)
    assert index.offline
    assert index.describe() == {"name": "local-index", "url": fixture_index.absolute().as_uri()}
    assert index.usage() == ({}, 0)


def test_search_finds_the_work_first(fixture_index: Path) -> None:
    answer = LocalIndex(fixture_index).search(VICKERS)
    assert answer.candidates[0].record.title == (
        "Acupuncture for Chronic Pain: Individual Patient Data Meta-analysis"
    )
    assert answer.candidates[0].record.doi == "10.1001/archinternmed.2012.3654"
    assert [c.score for c in answer.candidates] == sorted(
        (c.score for c in answer.candidates), reverse=True
    )


def test_works_by_doi_and_what_the_index_lacks(fixture_index: Path) -> None:
    index = LocalIndex(fixture_index)
    found = index.works(["https://doi.org/10.1136/BMJ.J1284", "10.5555/not-held"])
    assert list(found) == ["10.1136/bmj.j1284"]  # a DOI it lacks is left unchecked
    complete = LocalIndex(fixture_index, complete=True).works(["10.5555/not-held"])
    assert complete["10.5555/not-held"].record is None
    assert index.registration_agency("10.1136/bmj.j1284") == "Crossref"
    with pytest.raises(SourceUnavailableError, match="cannot tell"):
        index.registration_agency("10.5555/not-held")


def test_field_queries_and_year_filters(fixture_index: Path) -> None:
    index = LocalIndex(fixture_index)
    plain = index.search("acupuncture chronic pain", rows=20)
    years = {c.record.year for c in plain.candidates}
    assert len(years) > 2
    filtered = index.search(
        "acupuncture chronic pain",
        rows=20,
        filters={"from-pub-date": "2012", "until-pub-date": "2012-12"},
    )
    assert filtered.candidates
    assert {c.record.year for c in filtered.candidates} == {2012}
    fielded = index.search(
        "acupuncture", rows=3, fields={"container-title": "Archives of Internal Medicine"}
    )
    assert fielded.candidates[0].record.journal == "Archives of Internal Medicine"
    with pytest.raises(InputError, match="cannot search the field 'publisher'"):
        index.search("x", fields={"publisher": "BMJ"})
    with pytest.raises(InputError, match="cannot filter by 'type'"):
        index.search("x", filters={"type": "journal-article"})


def test_a_search_without_a_known_word_finds_nothing(fixture_index: Path) -> None:
    assert LocalIndex(fixture_index).search("zzqx wvvq").candidates == ()


def test_resolving_the_bundled_corpus_agrees_with_crossref(
    fixture_index: Path, crossref_factory: Any, tmp_path: Path
) -> None:
    """Same records, same rules: the same DOI and verdict for every reference of the corpus."""
    corpus = acurefs.load_corpus()
    fast = PoolLimits(single=1000, list=1000, concurrency=8)
    server = crossref_factory(limits=RateLimits(public=fast, polite=fast, plus=fast), enforce=False)
    local = acurefs.resolve(corpus, source=LocalIndex(fixture_index), lock=Lock(()))
    online = acurefs.resolve(
        corpus,
        source=acurefs.Crossref(
            base_url=server.url,
            cache=acurefs.Cache(tmp_path / "c.sqlite3"),
            limits=acurefs.Limits(single=1000, list=1000, concurrency=4),
        ),
        lock=Lock(()),
    )
    pairs = [
        ((a.resolution.doi, a.resolution.verdict), (b.resolution.doi, b.resolution.verdict))
        for a, b in zip(local.references, online.references, strict=True)
        if a.resolution and b.resolution
    ]
    assert len(pairs) == len(corpus.references)
    assert [a for a, _ in pairs] == [b for _, b in pairs]
    # Each answer says where it came from: the index, not Crossref.
    assert {
        r.resolution.provenance.source
        for r in local.references
        if r.resolution and r.resolution.provenance
    } == {"local-index"}
    held = {doi.lower() for doi in CORPUS_DOIS}
    assert sum(1 for (doi, _), _ in pairs if doi in held) >= 8


def test_a_retracted_work_is_reported_offline(fixture_index: Path) -> None:
    ref = acurefs.parse_reference(f"doi:{RETRACTED_DOI}")
    (resolved,) = acurefs.resolve([ref], source=LocalIndex(fixture_index), lock=Lock(()))
    assert resolved.resolution is not None
    assert resolved.resolution.verdict is Verdict.VERIFIED
    assert "retracted" in [f.code for f in resolved.resolution.findings]


def test_a_held_doi_missing_from_a_subset_index_falls_back_to_the_lock(fixture_index: Path) -> None:
    ref = acurefs.parse_reference(
        "Nobody A. Unknown work. J Nowhere. 2001;1:1-2. doi:10.5555/not-held"
    )
    (resolved,) = acurefs.resolve([ref], source=LocalIndex(fixture_index), lock=Lock(()))
    assert resolved.resolution is not None
    assert resolved.resolution.verdict is Verdict.NOT_CHECKED
    assert resolved.resolution.reason == "neither the local index nor the lock has it"


def test_it_pickles_as_its_path_and_reopens(fixture_index: Path) -> None:
    index = LocalIndex(fixture_index, complete=True)
    index.search(VICKERS)
    copy = pickle.loads(pickle.dumps(index))
    assert (copy.path, copy.complete) == (index.path, True)
    assert copy.search(VICKERS) == index.search(VICKERS)


def test_it_never_writes_the_file(fixture_index: Path) -> None:
    before = fixture_index.stat().st_mtime_ns
    with LocalIndex(fixture_index) as index:
        index.search(VICKERS)
        index.works(CORPUS_DOIS)
    assert fixture_index.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "No index at", id="missing"),
        pytest.param(
            b"not a database at all, just some bytes" * 40, "is not an acurefs index", id="text"
        ),
        pytest.param("sqlite", "is not an acurefs index", id="other-sqlite"),
    ],
)
def test_a_file_that_is_not_an_index_is_one_config_error(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "x.sqlite3"
    if content == "sqlite":
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(ConfigError, match=message):
        LocalIndex(path).search(VICKERS)


def test_the_resolver_hands_the_index_the_parsed_reference(
    fixture_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index does not parse a query string the resolver has already parsed."""
    from acurefs.sources.index import query

    parsed: list[str] = []
    real = query.parse_reference

    def counting(text: str) -> acurefs.Reference:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(query, "parse_reference", counting)
    ref = acurefs.parse_reference(VICKERS)
    (resolved,) = acurefs.resolve([ref], source=LocalIndex(fixture_index), lock=Lock(()))
    assert resolved.resolution is not None
    assert resolved.resolution.verdict is Verdict.VERIFIED
    assert parsed == []  # the search used the resolver's parse
    LocalIndex(fixture_index).search(VICKERS)  # a string alone is parsed, as before
    assert parsed == [VICKERS]
