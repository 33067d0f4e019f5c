"""The benchmark harness: its loaders on the real shared data, its rules, its yardsticks.

Tests marked ``eval`` read ``../shared/eval`` (or ``$ACUREFS_SHARED/eval``) and skip
where it is absent. The harness lives in ``benchmarks/``, outside the package, and
its modules import each other by bare name, so that folder goes on ``sys.path``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

eval_data: Any = importlib.import_module("eval_data")
eval_docs: Any = importlib.import_module("eval_docs")
eval_predictors: Any = importlib.import_module("eval_predictors")
eval_scoring: Any = importlib.import_module("eval_scoring")
title_ceiling: Any = importlib.import_module("title_ceiling")

DATASETS = ("grobid", "glutton", "anystyle")


@pytest.fixture(scope="module")
def data() -> Path:
    """The shared ``eval`` folder, or a skip naming where it was looked for."""
    path = eval_data.eval_dir(eval_data.resolve_shared(None))
    if not path.is_dir():
        pytest.skip(f"evaluation data not found at {str(path)!r} (set ACUREFS_SHARED)")
    return Path(path)


@pytest.fixture(scope="module")
def loaded(data: Path) -> dict[str, tuple[Any, ...]]:
    """Every data set, loaded once for the module."""
    out: dict[str, tuple[Any, ...]] = {}
    for name in DATASETS:
        try:
            out[name] = eval_data.LOADERS[name](data)
        except eval_data.EvalDataNotFoundError as exc:
            pytest.skip(f"{name}: {exc}")
    return out


@pytest.mark.eval
def test_glutton_has_every_record(loaded: dict[str, tuple[Any, ...]]) -> None:
    golds = loaded["glutton"]
    assert len(golds) == 17_015
    assert sum("author" in g.fields for g in golds) == 11_871
    assert any("\n" in g.raw for g in golds), "raw strings keep their line breaks"


@pytest.mark.eval
def test_anystyle_is_gold_minus_core(loaded: dict[str, tuple[Any, ...]]) -> None:
    golds = loaded["anystyle"]
    assert len(golds) == 1_460  # 1,669 gold sequences, 209 of them also in core
    assert all(g.raw and g.source.startswith("gold.xml#") for g in golds)


@pytest.mark.eval
def test_grobid_strict_vancouver_subset(data: Path, loaded: dict[str, tuple[Any, ...]]) -> None:
    assert len(eval_data.read_grobid_bibls(data)) == 8_678
    golds = loaded["grobid"]
    assert 1_300 <= len(golds) <= 1_500
    assert sum(g.source.startswith("citations.xml#") for g in golds) > 0.9 * len(golds)
    assert all({"author", "year", "volume", "first_page"} <= set(g.fields) for g in golds)


@pytest.mark.eval
@pytest.mark.parametrize("dataset", DATASETS)
def test_oracle_scores_one_everywhere(dataset: str, loaded: dict[str, tuple[Any, ...]]) -> None:
    golds = loaded[dataset]
    fields = eval_data.SCORED_FIELDS[dataset]
    result = eval_scoring.score(dataset, golds, eval_predictors.oracle(golds), fields)
    assert not result.crashes
    assert not result.mismatches
    for field in result.fields:
        assert field.gold > 0
        assert (field.precision, field.recall, field.f1) == (1.0, 1.0, 1.0), field


@pytest.mark.eval
@pytest.mark.parametrize("dataset", DATASETS)
def test_empty_predictor_recalls_nothing(dataset: str, loaded: dict[str, tuple[Any, ...]]) -> None:
    golds = loaded[dataset]
    fields = eval_data.SCORED_FIELDS[dataset]
    result = eval_scoring.score(dataset, golds, eval_predictors.empty(golds), fields)
    for field in result.fields:
        assert (field.predicted, field.correct, field.recall, field.f1) == (0, 0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("author", "surname"),
    [
        pytest.param("Lee J-H, Choi T-Y", "Lee", id="hyphenated-initials"),
        pytest.param("van de Wiel MA", "van de Wiel", id="particles"),
        pytest.param("Anderson FA Jr, Wheeler HB", "Anderson", id="suffix"),
        pytest.param("Borer ET, Harpole WS, et al.", "Borer", id="et-al"),
        pytest.param("Palombo Kinne E", "Palombo Kinne", id="two-word-surname"),
        pytest.param("A. Cau, R. Kuiper", None, id="given-first"),
        pytest.param("Bykov A.M.", None, id="periods"),
        pytest.param("Chelluri L L, Pinsky MR", None, id="doubled-initials"),
        pytest.param("Walter SD, for the Lung Group", None, id="group-in-list"),
    ],
)
def test_vancouver_surname(author: str, surname: str | None) -> None:
    assert eval_data.vancouver_surname(author) == surname


@pytest.mark.parametrize(
    ("author", "names"),
    [
        pytest.param("Bergk, V., Haefeli, W. E.", ("Bergk",), id="family-comma"),
        pytest.param("O. Ambacher, B. Foutz", ("Ambacher",), id="initials-first"),
        pytest.param("J. van der Berg and K. Li", ("van der Berg",), id="particles-last"),
        pytest.param("Molander P, Farkkila M", ("Molander",), id="vancouver"),
        pytest.param(
            "Karen Yagdjian and Anahit Galstian.",
            ("Karen Yagdjian", "Karen", "Yagdjian"),
            id="order-unknown",
        ),
        pytest.param("———.", (), id="repeated-author-dash"),
    ],
)
def test_first_author_names(author: str, names: tuple[str, ...]) -> None:
    assert eval_data.first_author_names(author) == names


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param("Endo-\nscopic Sphincterotomy.", "endoscopicsphincterotomy", id="hyphen"),
        pytest.param("Nüsslein-Volhard", "nussleinvolhard", id="accents"),
        pytest.param("ﬁve  “quoted” words", "fivequotedwords", id="nfkc-punctuation"),
    ],
)
def test_normalise(text: str, key: str) -> None:
    assert eval_scoring.normalise(text) == key


def test_docs_section_keeps_the_rest_of_the_page() -> None:
    page = "intro\n<!-- results:start -->\nold\n<!-- results:end -->\noutro\n"
    new = eval_docs.replace_section(page, "results", "new")
    assert new == "intro\n<!-- results:start -->\nnew\n<!-- results:end -->\noutro\n"
    assert eval_docs.replace_section("intro\n", "speed", "x").startswith("intro\n\n<!-- speed")


@pytest.mark.parametrize(
    ("field", "prediction", "gold", "expected"),
    [
        pytest.param("author", "De Vogli", "Vogli", True, id="particle-dropped-in-gold"),
        pytest.param("author", "Wiel", "van de Wiel", True, id="particle-dropped-in-prediction"),
        pytest.param("author", "Vogli", "Voglio", False, id="other-name"),
        pytest.param("year", "1999", "1999", True, id="year"),
        pytest.param("title", "—", "A title", False, id="punctuation-only"),
    ],
)
def test_matches(field: str, prediction: str, gold: str, expected: bool) -> None:
    reference = eval_data.GoldReference("test", "raw", "test#0", {field: gold})
    assert eval_scoring.matches(field, prediction, reference) is expected


@pytest.mark.parametrize(
    ("gold", "read", "kind"),
    [
        (
            "Antimicrobial dendrimer active against",
            "Antimicrobial dendrimer active against Escherichia coli biofilms",
            "cut",
        ),
        ("Diabetic gastroparesis", "Diabetic gastroparesis: a review of medical treatments", "cut"),
        (
            "Tapping performance of the world's fastest drummer",
            "Tapping performance of the world's fastest drummer. Neurosci",
            "overrun",
        ),
        ("Iron overload in thalassemia", "Iron overload in thalassemia.Blood", "overrun"),
        ("Iron overload in thalassemia", "Iron overload in thalassemia", None),
        ("Iron overload", "Copper overload in thalassemia", None),
        ("", "Any title", None),
    ],
)
def test_title_ceiling_tells_a_cut_gold_from_an_overrun(
    gold: str, read: str, kind: str | None
) -> None:
    assert title_ceiling.classify(gold, read) == kind
