"""References parsed per second by ``acurefs.parse_reference``, on one core.

    python benchmarks/parse_speed.py [--shared DIR] [--repeats N] [--limit N]
        [--predictor oracle|empty|MODULE:NAME] [--write-docs]

Parses every glutton reference string (17,015, as extracted from PDFs) in one
process pinned to one CPU where the OS allows, after a short warm-up, several
timed times; reports the median and the best run. Exits 0 with a "skipped" line
when the data is absent, 2 when the parser cannot be imported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import eval_data
import eval_docs
import eval_predictors
import eval_report
from eval_data import EvalDataNotFoundError
from eval_scoring import Predictor

SPEED_SECTION = "speed"
WARM_UP = 500
"""References parsed once, untimed, before the timed runs."""


@dataclass(frozen=True, slots=True)
class SpeedResult:
    """Wall-clock seconds of each timed pass over the same reference strings."""

    references: int
    runs: tuple[float, ...]
    crashes: int
    """Parser exceptions in one pass."""

    @property
    def median_rate(self) -> float:
        """References per second in the median run."""
        return self.references / statistics.median(self.runs)

    @property
    def best_rate(self) -> float:
        """References per second in the fastest run."""
        return self.references / min(self.runs)


def pin_to_one_cpu() -> int | None:
    """Pin this process to the first CPU it may use; that CPU, or None where unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def _one_pass(strings: Sequence[str], predictor: Predictor) -> int:
    crashes = 0
    for raw in strings:
        try:
            predictor(raw)
        except Exception:  # counted, not timed apart: a crash is part of the parser's cost
            crashes += 1
    return crashes


def measure(
    strings: Sequence[str],
    predictor: Predictor,
    *,
    repeats: int,
    clock: Callable[[], float] = time.perf_counter,
) -> SpeedResult:
    """Parse ``strings`` ``repeats`` times after a warm-up, timing each pass."""
    _one_pass(strings[:WARM_UP], predictor)
    runs: list[float] = []
    crashes = 0
    for _ in range(repeats):
        start = clock()
        crashes = _one_pass(strings, predictor)
        runs.append(clock() - start)
    return SpeedResult(references=len(strings), runs=tuple(runs), crashes=crashes)


def summary(result: SpeedResult) -> str:
    """One line: median and best rate, time per reference, runs and crashes."""
    per_reference = 1e6 / result.median_rate
    return (
        f"Median {result.median_rate:,.0f} references/s ({per_reference:,.1f} µs per reference), "
        f"best {result.best_rate:,.0f} references/s; {result.references:,} references × "
        f"{len(result.runs)} runs; parser exceptions per run: {result.crashes:,}"
    )


def _docs_body(result: SpeedResult, cpu: str, pinned: int | None) -> str:
    core = "pinned to one core" if pinned is not None else "one process, not pinned"
    return "\n".join(
        [
            "## Speed",
            "",
            f"Measured {eval_docs.provenance()}, on {cpu} ({core}), with",
            "`python benchmarks/parse_speed.py --write-docs`: every glutton reference",
            f"string parsed once per run after a {WARM_UP}-string warm-up.",
            "",
            summary(result) + ".",
        ]
    )


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="parse_speed.py", description="Time a reference parser on the glutton strings."
    )
    parser.add_argument("--shared", metavar="DIR", help="the shared folder holding eval/")
    parser.add_argument("--repeats", type=int, default=5, metavar="N", help="timed runs")
    parser.add_argument("--limit", type=int, metavar="N", help="time only the first N strings")
    eval_predictors.add_option(parser)
    parser.add_argument(
        "--write-docs", action="store_true", help=f"rewrite the speed in {eval_docs.DOCS_PAGE}"
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.write_docs and (
        args.limit is not None or args.predictor != eval_predictors.DEFAULT_PREDICTOR
    ):
        parser.error("--write-docs takes a full run: no --limit, default parser")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the speed benchmark; the exit status is the return value."""
    args = _arguments(argv)
    try:
        factory = eval_predictors.resolve(args.predictor)
    except eval_predictors.PredictorUnavailableError as exc:
        print(f"parse_speed: {exc}", file=sys.stderr)
        return 2
    data = eval_data.eval_dir(eval_data.resolve_shared(args.shared))
    try:
        golds = eval_data.load_glutton(data)
    except EvalDataNotFoundError as exc:
        print(f"parse_speed: skipped: {exc}")
        return 0
    golds = golds[: args.limit] if args.limit is not None else golds
    pinned = pin_to_one_cpu()
    cpu = eval_docs.cpu_model()
    result = measure([g.raw for g in golds], factory(golds), repeats=args.repeats)
    where = f"CPU {pinned}" if pinned is not None else "no CPU pinning"
    print(f"parser: {eval_predictors.describe(args.predictor)}; {cpu} ({where})")
    print(summary(result))
    if args.write_docs:
        page = eval_docs.write_section(SPEED_SECTION, _docs_body(result, cpu, pinned))
        print(f"wrote {page}")
    return 0


if __name__ == "__main__":
    eval_report.run(main)
