"""The snapshot of the bundled corpus's works (docs/examples/bundled-works.jsonl) is current,
and an index built from it validates the bundled corpus with no network."""

from __future__ import annotations

from pathlib import Path

from tools.bundled_works import SNAPSHOT, snapshot

import acurefs
from acurefs.sources.index import LocalIndex, build_index

ROOT = Path(__file__).resolve().parents[3]


def test_the_snapshot_is_not_stale() -> None:
    lock = acurefs.Lock.load(ROOT / "refs" / "acurefs.lock.json")
    assert (ROOT / SNAPSHOT).read_text(encoding="utf-8") == snapshot(lock), (
        "docs/examples/bundled-works.jsonl is stale: run "
        "`python tools/bundled_works.py -o docs/examples/bundled-works.jsonl`"
    )


def test_the_bundled_corpus_validates_against_an_index_of_the_snapshot(tmp_path: Path) -> None:
    report = build_index(tmp_path / "corpus.sqlite3", [ROOT / SNAPSHOT])
    assert report.works == 10
    result = acurefs.validate(source=LocalIndex(tmp_path / "corpus.sqlite3"))
    verdicts = [r.resolution.verdict for r in result.corpus.references if r.resolution]
    assert acurefs.Verdict.NOT_CHECKED not in verdicts
    assert verdicts.count(acurefs.Verdict.VERIFIED) == 6
    assert result.run.source["name"] == "local-index"
    assert result.run.requests == {}
