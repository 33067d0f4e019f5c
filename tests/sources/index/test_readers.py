"""Reading Crossref work records from files: every shape, streamed, every problem located."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acurefs.sources.index.readers import Item, Skip, read_file, source_files

WORKS = [
    {"DOI": "10.5555/a", "title": ["First"]},
    {"DOI": "10.5555/b", "title": ["Second <i>work</i>"], "volume": "12"},
    {"DOI": "10.5555/c", "author": [{"family": "Lee", "given": "J"}]},
]


def _read(path: Path, **kwargs: Any) -> tuple[list[Item], list[Skip]]:
    entries = list(read_file(path, **kwargs))
    return (
        [e for e in entries if isinstance(e, Item)],
        [e for e in entries if isinstance(e, Skip)],
    )


def _write(path: Path, text: str) -> Path:
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param("w.jsonl", "".join(json.dumps(w) + "\n" for w in WORKS), id="jsonl"),
        pytest.param("w.jsonl.gz", "".join(json.dumps(w) + "\n" for w in WORKS), id="jsonl-gz"),
        pytest.param("w.json", json.dumps(WORKS, indent=2), id="list"),
        pytest.param("w.json.gz", json.dumps({"items": WORKS}), id="public-data-file"),
        pytest.param(
            "w.json",
            json.dumps({"status": "ok", "message": {"total-results": 3, "items": WORKS}}),
            id="api-answer",
        ),
    ],
)
def test_every_shape_gives_the_works_in_order(tmp_path: Path, name: str, text: str) -> None:
    items, skips = _read(_write(tmp_path / name, text), chunk=7)
    assert [i.value for i in items] == WORKS
    assert [i.where.position for i in items] == [0, 1, 2]
    assert skips == []


def test_one_work_alone_is_read(tmp_path: Path) -> None:
    items, skips = _read(_write(tmp_path / "one.json", json.dumps(WORKS[0])))
    assert [i.value for i in items] == [WORKS[0]]
    assert skips == []


def test_a_bad_line_is_skipped_with_its_line_and_reading_goes_on(tmp_path: Path) -> None:
    text = json.dumps(WORKS[0]) + "\n\n{not json\n" + json.dumps(WORKS[1]) + "\n"
    items, skips = _read(_write(tmp_path / "w.jsonl", text))
    assert [i.value for i in items] == WORKS[:2]
    assert [i.where.line for i in items] == [1, 4]
    (skip,) = skips
    assert skip.where.line == 3
    assert not skip.ends_file
    assert str(skip).startswith(f"{tmp_path / 'w.jsonl'}:3: not JSON")


def test_items_of_a_json_document_report_the_line_they_start_on(tmp_path: Path) -> None:
    items, _ = _read(_write(tmp_path / "w.json", json.dumps(WORKS, indent=1)), chunk=5)
    assert [i.where.line for i in items] == [2, 8, 15]


def test_a_truncated_gz_keeps_what_was_read_and_says_where_it_stops(tmp_path: Path) -> None:
    lines = "".join(
        json.dumps({"DOI": f"10.5555/{n}", "title": ["x" * 200]}) + "\n" for n in range(200)
    )
    whole = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items, skips = _read(path)
    assert 0 < len(items) < 200
    assert [i.value["DOI"] for i in items] == [f"10.5555/{n}" for n in range(len(items))]
    (skip,) = skips
    assert skip.ends_file
    assert f"breaks off after {len(items)} items" in skip.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("", "the file is empty", id="empty"),
        pytest.param("42", "expected a JSON list or object", id="number"),
        pytest.param('{"total": 3}', "without 'items'", id="object-without-items"),
        pytest.param('[{"DOI": "10.5555/a"}, {"DOI": ', "not JSON", id="cut-list"),
        pytest.param('[{"DOI": "10.5555/a"}] [', "unexpected text", id="trailing"),
    ],
)
def test_a_broken_document_is_one_skip_after_what_could_be_read(
    tmp_path: Path, text: str, reason: str
) -> None:
    items, skips = _read(_write(tmp_path / "w.json", text), chunk=4)
    (skip,) = skips
    assert skip.ends_file
    assert reason in skip.reason
    assert all(i.value == {"DOI": "10.5555/a"} for i in items)


def test_unreadable_and_unknown_files_are_skips(tmp_path: Path) -> None:
    (skip,) = list(read_file(tmp_path / "missing.jsonl"))
    assert isinstance(skip, Skip)
    assert skip.ends_file
    assert "cannot read" in skip.reason
    (other,) = list(read_file(_write(tmp_path / "notes.txt", "hello")))
    assert isinstance(other, Skip)
    assert "not a source file" in other.reason


def test_a_directory_gives_its_source_files_sorted(tmp_path: Path) -> None:
    for name in ("b.json.gz", "a.jsonl", "c.txt", ".hidden.json"):
        _write(tmp_path / name, "[]")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "d.ndjson", "")
    found = [p.relative_to(tmp_path).as_posix() for p in source_files(tmp_path)]
    assert found == ["a.jsonl", "b.json.gz", "sub/d.ndjson"]


_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(
    works=st.lists(st.dictionaries(st.text(max_size=6), _JSON_VALUE, max_size=4), max_size=6),
    indent=st.sampled_from([None, 0, 1, 3]),
    chunk=st.integers(min_value=1, max_value=40),
    wrapped=st.booleans(),
)
def test_any_json_list_streams_back_unchanged(
    tmp_path_factory: pytest.TempPathFactory,
    works: list[dict[str, Any]],
    indent: int | None,
    chunk: int,
    wrapped: bool,
) -> None:
    """Whatever the values, spacing and chunk size, the items come back whole and in order."""
    document: Any = {"items": works} if wrapped else works
    path = tmp_path_factory.mktemp("stream") / "w.json"
    path.write_text(json.dumps(document, indent=indent), encoding="utf-8")
    items, skips = _read(path, chunk=chunk)
    assert [i.value for i in items] == works
    assert skips == []
