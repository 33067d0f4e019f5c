"""How the cost of a call grows with its input: for the tests that reading stays linear.

Two measures, neither of them seconds (a test asserting seconds fails on a slow or
busy machine):

- :func:`growth` is the time on an input :data:`SCALE` (8) times larger divided by the
  time on the input itself: about 8 for linear work, 64 for quadratic. Tests assert
  it stays under :data:`LINEAR_BOUND`. Each size is timed three times with the garbage
  collector paused and the fastest run kept, and the small input is doubled until it
  takes :data:`MIN_SECONDS`, so timer noise stays small on a fast machine.
- :class:`CopyCountingText` is a ``str`` that counts the characters read out of it by
  indexing and slicing: copying the rest of a paragraph at each sentence shows as a
  count that grows with the square of the length.

Used by the tests of ``tests/claims`` and ``tests/document``; they are named
``test_*_grows_linearly`` (ratios) and ``test_*_a_bounded_number_of_times`` (counts).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import SupportsIndex, TypeVar, overload

SCALE = 8
LINEAR_BOUND = 24.0
"""Well above linear (8) and well below quadratic (64)."""
MIN_SECONDS = 0.05
REPEATS = 3
MAX_DOUBLINGS = 6

T = TypeVar("T")


def best_time(call: Callable[[T], object], argument: T, repeats: int = REPEATS) -> float:
    """The fastest of ``repeats`` runs of ``call(argument)``, the garbage collector paused."""
    times = []
    enabled = gc.isenabled()
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            call(argument)
            times.append(time.perf_counter() - start)
        finally:
            if enabled:
                gc.enable()
    return min(times)


def growth(build: Callable[[int], T], call: Callable[[T], object], n: int) -> float:
    """Time of ``call(build(8 * n))`` over time of ``call(build(n))``.

    ``n`` is doubled first (up to :data:`MAX_DOUBLINGS` times) until the small input
    takes at least :data:`MIN_SECONDS`.
    """
    small = build(n)
    small_time = best_time(call, small)
    for _ in range(MAX_DOUBLINGS):
        if small_time >= MIN_SECONDS:
            break
        n *= 2
        small = build(n)
        small_time = best_time(call, small)
    large = build(SCALE * n)
    return best_time(call, large) / small_time


class CopyCountingText(str):
    """A ``str`` counting the characters read out of it by ``text[i]`` and ``text[a:b]``.

    What comes out is a plain ``str``; searching it with a compiled pattern, or calling
    its methods, reads it without counting.
    """

    copied: int

    def __new__(cls, value: str) -> CopyCountingText:
        text = super().__new__(cls, value)
        text.copied = 0
        return text

    @overload
    def __getitem__(self, key: SupportsIndex) -> str: ...
    @overload
    def __getitem__(self, key: slice) -> str: ...
    def __getitem__(self, key: SupportsIndex | slice) -> str:
        piece = super().__getitem__(key)
        self.copied += len(piece)
        return piece
