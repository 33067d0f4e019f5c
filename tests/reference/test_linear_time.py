"""Reading a reference takes time in proportion to its length, whatever the string holds.

Damaged strings repeat one piece thousands of times (``[^`` after a broken footnote, an
author list that never ends): a pattern that backtracks turns them quadratic. Each case
times a 1,000- and a 10,000-character string and asserts a ratio (linear is 10, quadratic
100), never seconds; CPU time, the best of three, so a busy machine does not decide.
"""

from __future__ import annotations

import time

import pytest

from acurefs import parse_reference

ADVERSARIAL = (
    "[^",
    "[",
    "(",
    "pp. ",
    "no. ",
    "ed. ",
    "vol. ",
    "AB. ",
    "A. ",
    "A.B. ",
    "I. ",
    "doi:",
    "10.1/",
    "n.d. ",
    "Ab, A., ",
    "Smith J, ",
    "et al. ",
    "1;",
    "1(",
    "2020 ",
    "2020, 1(2):3-",
    "Accessed ",
    "cited 2020 ",
    "In: ",
    "Vitamin D ",
    "? ",
    "‘",
    "*a",
    "[x](",
    "http://",
    " // ",  # GOST's marks
    " / ",
    ". – ",
    "Иванов И.И. ",
    "2010. – Т. 5, № 2. ",
)
FLOOR = 0.002
"""Seconds below which a short parse counts as this long (timer resolution and noise)."""


def _cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        parse_reference(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", [pytest.param(u, id=repr(u)) for u in ADVERSARIAL])
def test_parsing_time_grows_linearly(unit: str) -> None:
    short = unit * (1000 // len(unit))
    long = unit * (10000 // len(unit))
    ratio = _cpu_seconds(long) / max(_cpu_seconds(short), FLOOR)
    assert ratio < 30, f"{unit!r}: 10x the length took {ratio:.0f}x the time"


def test_nothing_is_lost_from_a_long_damaged_string() -> None:
    text = "[^" * 5000
    ref = parse_reference(text)
    assert ref.raw == text
