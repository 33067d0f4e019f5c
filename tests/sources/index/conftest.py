"""An index built from the loopback Crossref's fixture records, shared by the index tests."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from acurefs.sources.index import build_index
from tests.fake_crossref import fixture_records


def write_jsonl(path: Path, works: Iterable[Mapping[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(w) + "\n" for w in works), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def fixture_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of every fixture record (works, distractors, notices): do not write to it."""
    folder = tmp_path_factory.mktemp("index")
    source = write_jsonl(folder / "fixtures.jsonl", fixture_records())
    report = build_index(folder / "fixtures.sqlite3", [source])
    assert report.ok
    assert not report.skipped
    return folder / "fixtures.sqlite3"
