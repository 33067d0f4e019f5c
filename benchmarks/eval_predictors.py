"""The parsers a benchmark can run: acurefs's own, any importable one, and two yardsticks.

``oracle`` answers every gold value (it must score 1.000 everywhere) and
``empty`` answers nothing (recall 0): they check the harness, not a parser.
"""

from __future__ import annotations

import argparse
import importlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, cast

from eval_data import GoldReference
from eval_scoring import Predictor

DEFAULT_PREDICTOR: Final = "acurefs:parse_reference"

PredictorFactory = Callable[[Sequence[GoldReference]], Predictor]
"""Makes the predictor for one data set (the oracle needs to see its gold)."""


class PredictorUnavailableError(ImportError):
    """The named parser cannot be imported."""


@dataclass(frozen=True, slots=True)
class Name:
    """A family name, as the oracle and the empty parser give them."""

    family: str


@dataclass(frozen=True, slots=True)
class Prediction:
    """A parsed reference as the yardsticks give it (the fields the scorer reads)."""

    authors: tuple[Name, ...] = ()
    title: str | None = None
    journal: str | None = None
    year: int | None = None
    volume: str | None = None
    first_page: str | None = None


def _from_gold(gold: GoldReference) -> Prediction:
    fields = gold.fields
    year = fields.get("year")
    return Prediction(
        authors=(Name(fields["author"]),) if "author" in fields else (),
        title=fields.get("title"),
        journal=fields.get("journal"),
        year=int(year) if year else None,
        volume=fields.get("volume"),
        first_page=fields.get("first_page"),
    )


def oracle(golds: Sequence[GoldReference]) -> Predictor:
    """A predictor answering the gold values of ``golds``.

    A raw string may occur more than once with different gold (glutton has such
    pairs), so repeats are answered in the order asked, cycling on reruns.
    """
    answers: dict[str, list[Prediction]] = defaultdict(list)
    for gold in golds:
        answers[gold.raw].append(_from_gold(gold))
    asked: dict[str, int] = defaultdict(int)

    def predict(raw: str) -> Prediction:
        options = answers.get(raw)
        if not options:
            return Prediction()
        turn = asked[raw]
        asked[raw] = turn + 1
        return options[turn % len(options)]

    return predict


def empty(golds: Sequence[GoldReference]) -> Predictor:
    """A predictor that finds nothing."""
    del golds

    def predict(raw: str) -> Prediction:
        del raw
        return Prediction()

    return predict


def imported(spec: str) -> Predictor:
    """The callable named ``module:attribute`` (``acurefs:parse_reference``)."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise PredictorUnavailableError(f"Not a module:attribute name: {spec!r}")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise PredictorUnavailableError(f"{spec} is not importable: {exc}") from exc
    function = getattr(module, attribute, None)
    if not callable(function):
        raise PredictorUnavailableError(
            f"{spec} is not importable yet ({module_name} has no {attribute})"
        )
    return cast(Predictor, function)


def resolve(spec: str) -> PredictorFactory:
    """The factory for ``oracle``, ``empty`` or an importable ``module:attribute``.

    Raises :class:`PredictorUnavailableError` at once if the parser cannot be imported.
    """
    if spec == "oracle":
        return oracle
    if spec == "empty":
        return empty
    function = imported(spec)

    def factory(golds: Sequence[GoldReference]) -> Predictor:
        del golds
        return function

    return factory


def describe(spec: str) -> str:
    """How reports name the parser."""
    return {"oracle": "oracle (gold values)", "empty": "empty (finds nothing)"}.get(spec, spec)


def add_option(parser: argparse.ArgumentParser) -> None:
    """The ``--predictor SPEC`` option the parsing benchmarks share."""
    parser.add_argument(
        "--predictor",
        default=DEFAULT_PREDICTOR,
        metavar="SPEC",
        help="oracle, empty or MODULE:NAME (default: %(default)s)",
    )
