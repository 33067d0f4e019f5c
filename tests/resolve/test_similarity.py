"""Comparing bibliographic strings: folding, titles, surnames, journal abbreviations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acurefs.resolve.similarity import (
    fold,
    journal_matches,
    main_title,
    same_family,
    title_similarity,
)


@pytest.mark.parametrize(
    ("printed", "published", "same"),
    [
        pytest.param("Ann Intern Med", "Annals of Internal Medicine", True, id="nlm-abbreviation"),
        pytest.param("Annals of internal medicine", "Annals of Internal Medicine", True, id="case"),
        pytest.param(
            "Clinical journal of pain", "The Clinical Journal of Pain", True, id="article"
        ),
        pytest.param(
            "Proc Natl Acad Sci U S A", "Proc. Natl. Acad. Sci. U.S.A.", True, id="dotted"
        ),
        pytest.param("J Neurosci", "The Journal of Neuroscience", True, id="contraction"),
        pytest.param("Medicine (Baltimore)", "Medicine", True, id="place"),
        pytest.param("Spine", "Spine (Phila Pa 1976)", True, id="place-published"),
        pytest.param("BMJ", "BMJ", True, id="acronym"),
        pytest.param("Pain", "Pain Medicine", False, id="different-journal"),
        pytest.param("J Pain", "Pain", False, id="extra-word"),
        pytest.param("Ann Surg", "Annals of Internal Medicine", False, id="other-annals"),
        pytest.param("Acupunct Med", "Acupuncture in Medicine", True, id="small-word-dropped"),
        pytest.param(
            "Journals of Gerontology",
            "The Journals of Gerontology Series A: Biological Sciences and Medical Sciences",
            True,
            id="before-series",
        ),
        pytest.param(
            "Circulation",
            "Circulation: Cardiovascular Quality and Outcomes",
            False,
            id="sibling-after-colon",
        ),
    ],
)
def test_journal_matches(printed: str, published: str, same: bool) -> None:
    assert journal_matches(printed, published) is same


def test_journal_matches_either_published_form() -> None:
    assert journal_matches(
        "Auton Neurosci", "Autonomic Neuroscience: Basic and Clinical", "Auton Neurosci"
    )
    assert not journal_matches("Auton Neurosci", None, None)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("van de Wiel", "Wiel", True, id="particles"),
        pytest.param("Schröck", "Schrock", True, id="accents"),
        pytest.param("Al-Chalabi", "Al Chalabi", True, id="hyphen"),
        pytest.param("Lee", "Li", False, id="short-different"),
        pytest.param("Chen", "Cheng", False, id="prefix-too-close"),
        pytest.param("Garcia", "Garcia-Marquez", True, id="double-barrelled"),
    ],
)
def test_same_family(a: str, b: str, same: bool) -> None:
    assert same_family(a, b) is same


def test_title_similarity_ignores_case_and_punctuation() -> None:
    assert (
        title_similarity(
            "Acupuncture for Acute Low-Back Pain.", "acupuncture for acute low back pain"
        )
        == 1.0
    )
    assert title_similarity("Acupuncture for chronic pain", "Aspirin for acute stroke") < 0.6


def test_main_title() -> None:
    assert main_title("Acupuncture modulates immunity in sepsis: Toward a protocol") == (
        "Acupuncture modulates immunity in sepsis"
    )


@given(st.text(max_size=80))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
