"""Scores as text for a terminal and as Markdown for the docs page, and mismatch listings."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Final, NoReturn

from eval_scoring import Crash, DatasetScore, FieldScore, Mismatch

_HEADER: Final = ("field", "gold", "predicted", "correct", "P", "R", "F1")


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _row(score: FieldScore) -> tuple[str, ...]:
    return (
        score.field,
        f"{score.gold:,}",
        f"{score.predicted:,}",
        f"{score.correct:,}",
        _ratio(score.precision),
        _ratio(score.recall),
        f"{score.f1:.3f}",
    )


def _speed(result: DatasetScore) -> str:
    rate = result.references / result.seconds if result.seconds > 0 else float("inf")
    return f"{result.seconds:.2f} s in the parser ({rate:,.0f} references/s)"


def text_table(result: DatasetScore, title: str) -> str:
    """An aligned plain-text table of one data set's scores, with a heading and a footer."""
    rows = [_HEADER, *(_row(s) for s in result.fields)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADER))]
    lines = [f"{title} ({result.references:,} references)"]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  " + "  ".join(cells))
    lines.append(f"  crashes: {len(result.crashes):,}; {_speed(result)}")
    return "\n".join(lines)


def markdown_table(result: DatasetScore) -> str:
    """A Markdown table of one data set's scores, with a line on crashes below."""
    lines = [
        "| " + " | ".join(_HEADER) + " |",
        "| --- | " + " | ".join("---:" for _ in _HEADER[1:]) + " |",
    ]
    lines += ["| " + " | ".join(_row(s)) + " |" for s in result.fields]
    lines.append("")
    lines.append(f"Parser exceptions: {len(result.crashes):,}.")
    return "\n".join(lines)


def mismatch_lines(mismatches: Iterable[Mismatch]) -> Iterator[str]:
    """One block per mismatch: where, what kind, the raw string, the gold values, the prediction."""
    for item in mismatches:
        gold = item.gold
        accepted = " | ".join(repr(v) for v in gold.accepted(item.field))
        yield f"--- {gold.dataset} {gold.source}: {item.field} {item.kind}"
        yield f"raw:  {gold.raw!r}"
        yield f"gold: {accepted}"
        yield f"pred: {item.predicted!r}"


def run(main: Callable[[], int]) -> NoReturn:
    """Exit with ``main()``'s status; a closed pipe (``| head``) ends the run quietly."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would fail again flushing stdout at exit: send what is left to devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    raise SystemExit(status)


def crash_lines(crashes: Iterable[Crash]) -> Iterator[str]:
    """One block per parser exception: where, the raw string, the error."""
    for crash in crashes:
        yield f"--- {crash.gold.dataset} {crash.gold.source}: crash"
        yield f"raw:   {crash.gold.raw!r}"
        yield f"error: {crash.error}"
