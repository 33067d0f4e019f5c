"""Field-level scoring of a reference parser against gold references.

A parser is any callable from a reference string to a reference-like object
(:class:`ReferenceLike`: ``acurefs.Reference`` fits). Every field is compared
after the same normalisation of prediction and gold (:func:`normalise`), so case,
accents, punctuation, spacing and line-break hyphenation do not count.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from eval_data import GoldReference


class PersonLike(Protocol):
    """What the scorer reads of an author."""

    @property
    def family(self) -> str: ...


class ReferenceLike(Protocol):
    """What the scorer reads of a parsed reference."""

    @property
    def authors(self) -> Sequence[PersonLike]: ...
    @property
    def title(self) -> str | None: ...
    @property
    def journal(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...
    @property
    def volume(self) -> str | None: ...
    @property
    def first_page(self) -> str | None: ...


Predictor = Callable[[str], ReferenceLike]
"""A reference parser under test."""

_LINE_BREAK_HYPHEN: Final = re.compile(r"-[ \t]*\r?\n\s*([^\W\d_])")
_NOT_ALNUM: Final = re.compile(r"[\W_]+")


def _join_hyphenated(match: re.Match[str]) -> str:
    following = match.group(1)
    return following if following.islower() else match.group(0)


def normalise(text: str) -> str:
    """The comparison key of a field value.

    NFKC; hyphenation at line breaks removed (``inde-\\npendently``, a lowercase
    letter after the break); accents stripped; casefolded; then every character
    that is not a letter or digit dropped.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _LINE_BREAK_HYPHEN.sub(_join_hyphenated, text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text.casefold()))


def predicted(reference: ReferenceLike, name: str) -> str | None:
    """The parser's value for field ``name`` as a string, or None when it gave none."""
    value: str | int | None
    if name == "author":
        value = reference.authors[0].family if reference.authors else None
    elif name in ("title", "journal", "year", "volume", "first_page"):
        value = getattr(reference, name)
    else:
        raise ValueError(f"Unknown field: {name!r}")
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


_PARTICLE_WORDS: Final = (
    "da dal dalla das de del della den der des di do dos du la le te ten ter van von zu zur"
)
PARTICLES: Final = frozenset(_PARTICLE_WORDS.split())
"""Words that may lead a family name, and that some gold drops (``Vogli`` for ``De Vogli``)."""


def without_particles(family: str) -> str:
    """``family`` without its leading particles (``de la Torre`` -> ``Torre``); never empty."""
    words = family.split()
    while len(words) > 1 and normalise(words[0]) in PARTICLES:
        words.pop(0)
    return " ".join(words)


def matches(name: str, prediction: str, gold: GoldReference) -> bool:
    """Whether ``prediction`` equals one of the gold values accepted for field ``name``.

    Years compare as integers; family names compare with and without leading
    particles; everything else by :func:`normalise`.
    """
    accepted = gold.accepted(name)
    if name == "year":
        return any(_as_int(prediction) == _as_int(value) for value in accepted)
    key = normalise(prediction)
    if not key:
        return False
    if any(key == normalise(value) for value in accepted):
        return True
    if name == "author":
        bare = normalise(without_particles(prediction))
        return any(bare == normalise(without_particles(value)) for value in accepted)
    return False


def _as_int(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Counts for one field over the records whose gold has it."""

    field: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else 0.0


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A gold field the parser got wrong (``wrong``) or did not give (``missed``)."""

    field: str
    kind: str
    gold: GoldReference
    predicted: str | None


@dataclass(frozen=True, slots=True)
class Crash:
    """A reference string on which the parser raised."""

    gold: GoldReference
    error: str


@dataclass(frozen=True, slots=True)
class DatasetScore:
    """A parser's result on one data set."""

    dataset: str
    references: int
    fields: tuple[FieldScore, ...]
    mismatches: tuple[Mismatch, ...]
    crashes: tuple[Crash, ...]
    seconds: float
    """Time spent inside the parser."""

    def field(self, name: str) -> FieldScore:
        """The score of field ``name``."""
        for score in self.fields:
            if score.field == name:
                return score
        raise KeyError(name)


def score(
    dataset: str,
    golds: Sequence[GoldReference],
    predictor: Predictor,
    fields: Iterable[str],
    *,
    clock: Callable[[], float] = time.perf_counter,
) -> DatasetScore:
    """Run ``predictor`` once on each gold reference, in order, and score ``fields``.

    A field counts as predicted only on records whose gold has it. An exception
    from the parser is recorded as a :class:`Crash` and counts as no prediction.
    """
    names = tuple(fields)
    counts = {name: [0, 0, 0] for name in names}  # gold, predicted, correct
    mismatches: list[Mismatch] = []
    crashes: list[Crash] = []
    seconds = 0.0
    for gold in golds:
        start = clock()
        try:
            reference: ReferenceLike | None = predictor(gold.raw)
        except Exception as exc:  # the parser's bug is data here, not the harness's
            reference = None
            crashes.append(Crash(gold, f"{type(exc).__name__}: {exc}"))
        seconds += clock() - start
        for name in names:
            if name not in gold.fields:
                continue
            value = predicted(reference, name) if reference is not None else None
            tally = counts[name]
            tally[0] += 1
            if value is None:
                mismatches.append(Mismatch(name, "missed", gold, None))
                continue
            tally[1] += 1
            if matches(name, value, gold):
                tally[2] += 1
            else:
                mismatches.append(Mismatch(name, "wrong", gold, value))
    return DatasetScore(
        dataset=dataset,
        references=len(golds),
        fields=tuple(FieldScore(name, *counts[name]) for name in names),
        mismatches=tuple(mismatches),
        crashes=tuple(crashes),
        seconds=seconds,
    )
