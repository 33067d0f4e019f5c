"""How many glutton gold titles are cut short, and the title F1 that leaves reachable.

    python benchmarks/title_ceiling.py [--shared DIR] [--examples N]

PubMed Central's metadata drops italic text, so a glutton gold title often stops
where a species or gene name was set in italics. Compared as the scorer compares
(:func:`eval_scoring.normalise`), a gold title that is a strict beginning of the
title acurefs reads from the same string is one of two things:

- acurefs read on past the end of the title (what follows the gold starts a new
  sentence: ``... fastest drummer. Neurosci``, ``... disease.Blood``): acurefs's error;
- otherwise the gold is cut short (``... active against`` + `` Escherichia coli
  biofilms``): no parser that reads the whole printed title can match it.

The title F1 of a parser right everywhere else is at most ``(gold - cut) / gold``
(one prediction per gold title). Exits 0 with a "skipped" line when the data is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence

import acurefs
import eval_data
import eval_report
from eval_data import EvalDataNotFoundError
from eval_scoring import normalise

_NEW_SENTENCE = re.compile(r"[\"'’”]?[.?!](?:\s|[A-Z])")
"""What follows the gold when acurefs read on into the journal: ``. Neurosci``."""


def _after(gold: str, read: str) -> str:
    """The part of ``read`` after the stretch that normalises to ``gold``."""
    for end in range(len(read) + 1):
        if normalise(read[:end]) == gold:
            return read[end:]
    return ""


def classify(gold: str, read: str) -> str | None:
    """``"cut"`` (the gold stops short), ``"overrun"`` (acurefs read on past the title) or None.

    None when the gold is not a strict beginning of the title read.
    """
    want, got = normalise(gold), normalise(read)
    if not (want and len(got) > len(want) and got.startswith(want)):
        return None
    return "overrun" if _NEW_SENTENCE.match(_after(want, read)) else "cut"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="title_ceiling.py", description="Count glutton gold titles cut short."
    )
    parser.add_argument("--shared", metavar="DIR", help="the shared folder holding eval/")
    parser.add_argument(
        "--examples", type=int, default=5, metavar="N", help="print N cut titles (default 5)"
    )
    args = parser.parse_args(argv)
    data = eval_data.eval_dir(eval_data.resolve_shared(args.shared))
    try:
        golds = eval_data.load_glutton(data)
    except EvalDataNotFoundError as exc:
        print(f"title_ceiling: skipped: {exc}")
        return 0
    titled = [g for g in golds if "title" in g.fields]
    cut, overrun = [], 0
    for gold in titled:
        read = acurefs.parse_reference(gold.raw).title or ""
        kind = classify(gold.fields["title"], read)
        if kind == "overrun":
            overrun += 1
        elif kind == "cut":
            cut.append((gold.fields["title"], read))
    share = len(cut) / len(titled)
    print(
        f"gold titles {len(titled):,}; a strict beginning of the title acurefs reads: "
        f"{len(cut) + overrun:,}"
    )
    print(f"  acurefs read on past the title: {overrun:,}")
    print(f"  gold cut short: {len(cut):,} ({share:.1%})")
    print(f"title F1 ceiling for a parser that reads whole titles: {1 - share:.3f}")
    for want, read in cut[: max(args.examples, 0)]:
        print(f"  gold {want!r}\n  read {read!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    eval_report.run(main)
