"""Field-level accuracy of ``acurefs.parse_reference`` on the shared labelled data.

    python benchmarks/parse_accuracy.py [--shared DIR] [--dataset NAME|all]
        [--errors FIELD [--kind wrong|missed] [--match REGEX] [--limit N]]
        [--sample N [--seed S]] [--predictor oracle|empty|MODULE:NAME] [--write-docs]

Prints precision, recall and F1 per field and data set; ``--errors`` lists the
misses of one field (``--errors crash`` lists parser exceptions). Exits 0 with a
"skipped" line when the data is absent, 2 when the parser cannot be imported.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator, Sequence
from itertools import islice

import eval_data
import eval_docs
import eval_predictors
import eval_report
from eval_data import DATASETS, SCORED_FIELDS, TITLES, EvalDataNotFoundError, GoldReference
from eval_scoring import DatasetScore, score

RESULTS_SECTION = "results"


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="parse_accuracy.py",
        description="Score a reference parser field by field on the shared labelled data.",
    )
    parser.add_argument("--shared", metavar="DIR", help="the shared folder holding eval/")
    parser.add_argument("--dataset", choices=[*DATASETS, "all"], default="all")
    parser.add_argument(
        "--errors",
        metavar="FIELD",
        choices=[*eval_data.FIELDS, "crash"],
        help="list the mismatches of FIELD (%(choices)s)",
    )
    parser.add_argument(
        "--kind", choices=["wrong", "missed", "all"], default="all", help="with --errors"
    )
    parser.add_argument("--match", metavar="REGEX", help="with --errors: raw strings matching")
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="with --errors: at most N (0: all)"
    )
    parser.add_argument("--sample", type=int, metavar="N", help="score N random references")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="with --sample")
    eval_predictors.add_option(parser)
    parser.add_argument(
        "--write-docs", action="store_true", help=f"rewrite the results in {eval_docs.DOCS_PAGE}"
    )
    args = parser.parse_args(argv)
    if args.limit < 0 or (args.sample is not None and args.sample < 1):
        parser.error("--limit takes N >= 0 and --sample N >= 1")
    if args.write_docs and (
        args.dataset != "all"
        or args.sample is not None
        or args.predictor != eval_predictors.DEFAULT_PREDICTOR
    ):
        parser.error("--write-docs takes a full run: --dataset all, no --sample, default parser")
    if args.match is not None:
        try:
            re.compile(args.match)
        except re.error as exc:
            parser.error(f"bad --match {args.match!r}: {exc}")
    return args


def _sample(golds: Sequence[GoldReference], size: int | None, seed: int) -> list[GoldReference]:
    """``size`` references drawn at random (kept in data order), or all of them."""
    if size is None or size >= len(golds):
        return list(golds)
    picked = sorted(random.Random(seed).sample(range(len(golds)), size))
    return [golds[i] for i in picked]


def _print_errors(result: DatasetScore, args: argparse.Namespace) -> None:
    pattern = re.compile(args.match) if args.match else None
    limit = args.limit or None
    lines: Iterator[str]
    if args.errors == "crash":
        crashes = [c for c in result.crashes if not pattern or pattern.search(c.gold.raw)]
        found = len(crashes)
        lines = eval_report.crash_lines(islice(crashes, limit))
    else:
        mismatches = [
            m
            for m in result.mismatches
            if m.field == args.errors
            and args.kind in ("all", m.kind)
            and (not pattern or pattern.search(m.gold.raw))
        ]
        found = len(mismatches)
        lines = eval_report.mismatch_lines(islice(mismatches, limit))
    for line in lines:
        print(line)
    shown = min(found, limit or found)
    print(f"=== {result.dataset}: {args.errors}: {shown} of {found} shown\n")


def _docs_body(results: Sequence[DatasetScore], predictor: str) -> str:
    parts = [
        "## Results",
        "",
        f"Measured {eval_docs.provenance()}, parser `{predictor}`, with",
        "`python benchmarks/parse_accuracy.py --dataset all --write-docs`.",
    ]
    for result in results:
        parts += ["", f"### {TITLES[result.dataset]} ({result.references:,} references)", ""]
        parts.append(eval_report.markdown_table(result))
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the accuracy benchmark; the exit status is the return value."""
    args = _arguments(argv)
    try:
        factory = eval_predictors.resolve(args.predictor)
    except eval_predictors.PredictorUnavailableError as exc:
        print(f"parse_accuracy: {exc}", file=sys.stderr)
        return 2
    data = eval_data.eval_dir(eval_data.resolve_shared(args.shared))
    if not data.is_dir():
        print(f"parse_accuracy: skipped: no evaluation data at {str(data)!r}")
        return 0
    names = DATASETS if args.dataset == "all" else (args.dataset,)
    results: list[DatasetScore] = []
    for name in names:
        try:
            golds = _sample(eval_data.LOADERS[name](data), args.sample, args.seed)
        except EvalDataNotFoundError as exc:
            print(f"{name}: skipped: {exc}")
            continue
        result = score(name, golds, factory(golds), SCORED_FIELDS[name])
        results.append(result)
        if args.errors and (args.errors == "crash" or args.errors in SCORED_FIELDS[name]):
            _print_errors(result, args)
    print(f"parser: {eval_predictors.describe(args.predictor)}; data: {data}")
    for result in results:
        print()
        print(eval_report.text_table(result, f"{result.dataset}: {TITLES[result.dataset]}"))
    if args.write_docs:
        if len(results) < len(names):
            print("docs not written: some data sets were skipped")
            return 0
        page = eval_docs.write_section(RESULTS_SECTION, _docs_body(results, args.predictor))
        print(f"\nwrote {page}")
    return 0


if __name__ == "__main__":
    eval_report.run(main)
