"""Closed-world matching accuracy: glutton's reference strings resolved against their own records.

The 17,015 gold records of biblio-glutton's DOI-matching set are converted, in
memory, into Crossref-shaped works and served by the loopback Crossref server
(tests/fake_crossref), with 10% of the sampled references' gold works withheld
from the index so that a false match can happen. Each sampled reference string
is parsed and resolved by acurefs exactly as against the real API (search, then
validate). The server announces Plus-pool limits, so the run takes minutes.

    python benchmarks/match_accuracy.py [--shared DIR] [--sample 2000] [--withheld 0.10] [--seed 7]
                                        [--errors] [--write-docs]

Precision = correct DOIs / DOIs proposed; recall = correct DOIs / references whose
gold work is in the index. A DOI proposed for a withheld reference is a false match.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.fake_crossref import FakeCrossref  # noqa: E402
from tests.fake_crossref.limits import PoolLimits, RateLimits  # noqa: E402

import acurefs  # noqa: E402
from acurefs.resolve.lock import Lock  # noqa: E402
from acurefs.resolve.similarity import title_in_text  # noqa: E402
from acurefs.sources.cache import Cache  # noqa: E402
from acurefs.sources.crossref import Crossref  # noqa: E402
from acurefs.sources.limits import Limits  # noqa: E402
from eval_data import resolve_shared  # noqa: E402

PLUS_LIMITS = RateLimits(
    public=PoolLimits(single=150, list=150, concurrency=8),
    polite=PoolLimits(single=150, list=150, concurrency=8),
    plus=PoolLimits(single=150, list=150, concurrency=8),
)
PUBLISHED = {
    "biblio-glutton": (0.9733, 0.9552, 0.9642),
    "Crossref REST API": (0.9719, 0.9426, 0.9569),
}


@dataclass(frozen=True, slots=True)
class Outcome:
    raw: str
    gold: str
    withheld: bool
    predicted: str | None
    verdict: str
    reason: str | None
    label_error: bool = False
    """The proposed DOI differs from the gold one, and the gold record contradicts the string."""


def is_label_error(raw: str, gold: dict[str, Any] | None, proposed: dict[str, Any] | None) -> bool:
    """A gold label the reference string itself contradicts (the rule is deliberately narrow).

    Counted only when the proposed work's title appears in the string and its volume and
    first page are the printed ones, while the gold work's volume and first page are both
    other than printed and the gold first page appears nowhere in the string. (Two
    references run together in one string print both first pages: they stay false matches.)
    """
    if gold is None or proposed is None:
        return False
    ref = acurefs.parse_reference(raw)
    if not ref.volume or not (ref.first_page or ref.article_number):
        return False
    page = (ref.first_page or ref.article_number or "").lower()

    def agrees(row: dict[str, Any]) -> tuple[bool, bool]:
        return (
            str(row.get("volume") or "") == ref.volume,
            str(row.get("firstPage") or "").lower() == page,
        )

    proposed_title = title_in_text(str(proposed.get("atitle") or ""), raw) >= 0.95
    gold_page = str(gold.get("firstPage") or "")
    gold_page_printed = bool(gold_page) and re.search(
        rf"(?<![0-9]){re.escape(gold_page)}(?![0-9])", raw
    )
    return (
        proposed_title
        and not gold_page_printed
        and agrees(proposed) == (True, True)
        and agrees(gold) == (False, False)
    )


def glutton_work(row: dict[str, Any]) -> dict[str, Any]:
    """A Crossref-shaped work from one glutton gold record (the fields glutton has)."""
    work: dict[str, Any] = {"DOI": row["doi"], "type": "journal-article"}
    if row.get("atitle"):
        work["title"] = [row["atitle"]]
    if row.get("firstAuthor"):
        work["author"] = [{"family": row["firstAuthor"], "sequence": "first", "affiliation": []}]
    if row.get("jtitle"):
        work["container-title"] = [row["jtitle"]]
    if row.get("volume"):
        work["volume"] = row["volume"]
    if row.get("firstPage"):
        work["page"] = row["firstPage"]
    return work


def run(
    shared: Path, sample: int, withheld_share: float, seed: int
) -> tuple[list[Outcome], float, int]:
    with gzip.open(shared / "eval" / "glutton" / "references-doi-matching.json.gz") as handle:
        rows = json.load(handle)
    rng = random.Random(seed)
    chosen = rng.sample(rows, min(sample, len(rows)))
    gold_dois = sorted({r["doi"].lower() for r in chosen})
    withheld = set(rng.sample(gold_dois, round(len(gold_dois) * withheld_share)))
    works: dict[str, dict[str, Any]] = {}
    for row in rows:
        doi = row["doi"].lower()
        if doi not in withheld and doi not in works:
            works[doi] = glutton_work(row)
    with (
        FakeCrossref(list(works.values()), limits=PLUS_LIMITS, enforce=True) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        source = Crossref(
            base_url=server.url,
            mailto="bench@example.org",
            token="benchmark-token",
            cache=Cache(Path(tmp) / "cache.sqlite3"),
            limits=Limits(single=150, list=150, concurrency=8),
        )
        refs = [acurefs.parse_reference(r["reference"]) for r in chosen]
        started = time.perf_counter()
        resolved = acurefs.resolve(refs, source=source, lock=Lock(()))
        elapsed = time.perf_counter() - started
        requests = server.count()
    by_doi = {row["doi"].lower(): row for row in rows}
    outcomes = []
    for row, ref in zip(chosen, resolved, strict=True):
        res = ref.resolution
        assert res is not None
        predicted = res.doi if res.verdict.value in ("verified", "mismatch") else None
        gold = row["doi"].lower()
        label_error = bool(predicted and predicted != gold) and is_label_error(
            row["reference"], row, by_doi.get(predicted or "")
        )
        outcomes.append(
            Outcome(
                raw=row["reference"],
                gold=gold,
                withheld=gold in withheld,
                predicted=predicted,
                verdict=res.verdict.value,
                reason=res.reason,
                label_error=label_error,
            )
        )
    return outcomes, elapsed, requests


def scores(outcomes: list[Outcome]) -> dict[str, float | int]:
    proposed = [o for o in outcomes if o.predicted]
    correct = sum(1 for o in proposed if o.predicted == o.gold)
    in_index = sum(1 for o in outcomes if not o.withheld)
    found = sum(1 for o in outcomes if not o.withheld and o.predicted == o.gold)
    precision = correct / len(proposed) if proposed else 0.0
    recall = found / in_index if in_index else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    label_errors = sum(1 for o in proposed if o.label_error)
    kept = len(proposed) - label_errors
    adjudicated = correct / kept if kept else 0.0
    return {
        "label_errors": label_errors,
        "precision_adjudicated": adjudicated,
        "references": len(outcomes),
        "withheld": sum(1 for o in outcomes if o.withheld),
        "proposed": len(proposed),
        "correct": correct,
        "false_matches": len(proposed) - correct,
        "false_on_withheld": sum(1 for o in proposed if o.withheld),
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def report(
    result: dict[str, float | int], elapsed: float, requests: int, outcomes: list[Outcome]
) -> str:
    verdicts = Counter(o.verdict for o in outcomes)
    lines = [
        f"references {result['references']:,} (gold withheld from the index: {result['withheld']:,})",
        f"DOIs proposed {result['proposed']:,}, correct {result['correct']:,}, "
        f"false matches {result['false_matches']} ({result['false_on_withheld']} on withheld works)",
        f"precision {result['precision']:.4f}  recall {result['recall']:.4f}  F1 {result['f1']:.4f}",
        f"gold labels the string contradicts (see is_label_error): {result['label_errors']}; "
        f"precision with those set aside {result['precision_adjudicated']:.4f}",
        "verdicts: " + ", ".join(f"{k} {v}" for k, v in verdicts.most_common()),
        f"{elapsed:.1f} s for {requests:,} requests ({elapsed / max(1, len(outcomes)) * 1000:.0f} ms per reference)",
    ]
    for name, (p, r, f) in PUBLISHED.items():
        lines.append(
            f"  published, {name} (real Crossref, indicative): P {p:.4f}  R {r:.4f}  F1 {f:.4f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", help="the shared directory (default: $ACUREFS_SHARED or ../shared)"
    )
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--withheld", type=float, default=0.10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", action="store_true", help="list false matches and misses")
    parser.add_argument(
        "--write-docs", action="store_true", help="write the results into docs/matching.md"
    )
    args = parser.parse_args(argv)
    shared = resolve_shared(args.shared)
    data = shared / "eval" / "glutton" / "references-doi-matching.json.gz"
    if not data.is_file():
        print(f"skipped: {data} is absent")
        return 0
    outcomes, elapsed, requests = run(shared, args.sample, args.withheld, args.seed)
    result = scores(outcomes)
    text = report(result, elapsed, requests, outcomes)
    print(text)
    if args.errors:
        for o in outcomes:
            if o.predicted and o.predicted != o.gold:
                kind = "LABEL ERROR" if o.label_error else "FALSE MATCH"
                where = "withheld" if o.withheld else "in index"
                print(f"\n{kind} ({where}): {o.raw!r}\n  gold {o.gold}\n  got  {o.predicted}")
        for o in outcomes:
            if not o.withheld and o.predicted is None:
                print(f"\nMISSED [{o.verdict}] {o.raw!r}\n  gold {o.gold}\n  {o.reason}")
    if args.write_docs:
        write_docs(text, args)
    return 0


def write_docs(text: str, args: argparse.Namespace) -> None:
    path = ROOT / "docs" / "matching.md"
    command = (
        f"python benchmarks/match_accuracy.py --sample {args.sample} --withheld {args.withheld} "
        f"--seed {args.seed} --write-docs"
    )
    block = f"<!-- results:start -->\n```\n$ {command}\n{text}\n```\n<!-- results:end -->"
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if "<!-- results:start -->" in current:
        head, _, rest = current.partition("<!-- results:start -->")
        _, _, tail = rest.partition("<!-- results:end -->")
        current = head + block + tail
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    path.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
