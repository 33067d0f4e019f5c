"""The lockfile: round trip, atomic writes, lookups by printed text, clear errors."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import acurefs
from acurefs import Lock, LockError, Verdict
from acurefs.document.corpus import bundled_refs_dir
from acurefs.export.citations import citation_keys
from acurefs.resolve.lock import LOCK_VERSION, lock_from_references, printed_hash, write_atomic

BUNDLED = bundled_refs_dir() / "acurefs.lock.json"


def test_round_trip(tmp_path: Path) -> None:
    lock = Lock.load(BUNDLED)
    path = lock.write(tmp_path / "acurefs.lock.json")
    again = Lock.load(path)
    assert again.entries == lock.entries
    assert json.loads(path.read_text(encoding="utf-8"))["acurefs_lock"] == LOCK_VERSION


def test_lock_from_resolved_references_keeps_everything() -> None:
    corpus = acurefs.resolve(acurefs.load_corpus(), source=Lock.load(BUNDLED))
    lock = lock_from_references(corpus.references, keys=citation_keys(corpus.references))
    assert len(lock.entries) == len(corpus.references)
    by_key = {e.key: e for e in lock.entries}
    kim = by_key["kim2016safety"]
    assert kim.doi == "10.1097/md.0000000000003635"
    assert kim.verdict is Verdict.MISMATCH
    assert "pages-missing" in kim.findings
    assert kim.record is not None
    assert kim.record.article_number == "e3635"


def test_entry_found_by_printed_text_when_the_document_is_renamed() -> None:
    lock = Lock.load(BUNDLED)
    ref = acurefs.load_corpus().references[5]
    moved = dataclasses.replace(ref, document="renamed.txt", number=99)
    entry = lock.entry_for(moved)
    assert entry is not None
    assert entry.printed_sha256 == printed_hash(ref)


def test_an_edited_reference_is_not_found() -> None:
    lock = Lock.load(BUNDLED)
    ref = acurefs.load_corpus().references[5]
    assert lock.entry_for(dataclasses.replace(ref, raw=ref.raw + " Edited.")) is None


def test_whitespace_does_not_change_the_hash() -> None:
    ref = acurefs.parse_reference("Chen L. A  title.\nBMJ. 2017;357:j1284.")
    assert printed_hash(ref) == printed_hash(
        dataclasses.replace(ref, raw="Chen L. A title. BMJ. 2017;357:j1284.")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{not json", "not valid JSON", id="not-json"),
        pytest.param(
            '{"acurefs_lock": 99, "references": []}', "not an acurefs lockfile", id="version"
        ),
        pytest.param('{"acurefs_lock": 1}', "no list of references", id="no-references"),
        pytest.param(
            '{"acurefs_lock": 1, "references": [{"verdict": "great"}]}',
            "malformed entry",
            id="bad-entry",
        ),
    ],
)
def test_damaged_lockfiles_raise_lock_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "acurefs.lock.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LockError, match=message):
        Lock.load(path)


def test_missing_lockfile(tmp_path: Path) -> None:
    with pytest.raises(LockError, match="No lockfile"):
        Lock.load(tmp_path / "nope.json")


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_atomic_write_to_a_file_in_a_missing_directory_creates_it(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "lock.json"
    write_atomic(target, "x")
    assert target.read_text(encoding="utf-8") == "x"


def test_bundled_lock_says_it_is_curated() -> None:
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    assert "not from Crossref" in data["note"]
    assert {r["provenance"]["source"] for r in data["references"]} == {"curated"}
