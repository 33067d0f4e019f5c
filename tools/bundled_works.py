"""A snapshot of the works the bundled corpus cites, as Crossref JSON Lines, for a local index.

The records come from the bundled lock (``refs/acurefs.lock.json``: hand-checked published
metadata, provenance ``curated``), written in the Crossref shape acurefs reads, one work a
line, sorted by DOI. With it, a local index can be built and the bundled corpus validated
against it from a fresh clone, with no network (see ``docs/index.md``)::

    python tools/bundled_works.py -o docs/examples/bundled-works.jsonl
    acurefs index build corpus.sqlite3 ../shared/eval/crossref-records docs/examples/bundled-works.jsonl
    acurefs validate --index corpus.sqlite3
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from acurefs.document.corpus import bundled_refs_dir
from acurefs.resolve.lock import Lock
from acurefs.sources.crossref.records import record_to_crossref

SNAPSHOT = Path("docs") / "examples" / "bundled-works.jsonl"


def snapshot(lock: Lock) -> str:
    """One Crossref-shaped work per line for every record the lock holds, sorted by DOI."""
    records = {e.record.doi: e.record for e in lock.entries if e.record is not None}
    lines = (
        json.dumps(record_to_crossref(records[doi]), ensure_ascii=False, sort_keys=True)
        for doi in sorted(records)
    )
    return "".join(line + "\n" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/bundled_works.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("-o", "--output", help=f"where to write it (default: stdout; {SNAPSHOT})")
    args = parser.parse_args(argv)
    text = snapshot(Lock.load(bundled_refs_dir() / "acurefs.lock.json"))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
