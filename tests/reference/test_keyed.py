"""Keyed patterns: skipping text that holds none of the keys never changes a result.

Every :class:`acurefs.text.Keyed` of the package is found and checked, so a pattern keyed
later is checked too: its keys must be necessary (no match without one of them).
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import acurefs
from acurefs.text import Keyed


def _keyed_patterns() -> dict[str, Keyed]:
    found = {}
    for info in pkgutil.walk_packages(acurefs.__path__, "acurefs."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Keyed):
                found[f"{info.name}.{name}"] = value
    return found


KEYED = _keyed_patterns()


def _variants(word: str) -> list[str]:
    """A key as text may print it: any case, its spaces as other white space."""
    return [word, word.upper(), word.title(), word.replace(" ", "\n"), word.replace(" ", "\t  ")]


_WORDS = sorted({v for k in KEYED.values() for key in k.keys for v in _variants(key)})
_WORDS += ["from", "at", "on", "no.", "No 5", "sheet", "release", "1", "2019", "ed", "edition"]
_WORDS += ["from:", "[", "]", "(", ")", ".", ",", "Smith J", "Title", "\u212a", "ſ", "é"]
_texts = st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join) | st.lists(
    st.sampled_from(_WORDS), max_size=12
).map("".join)


def test_the_package_has_keyed_patterns() -> None:
    assert len(KEYED) >= 3


@pytest.mark.parametrize("name", sorted(KEYED))
@given(text=_texts)
@settings(max_examples=300, deadline=None)
def test_keyed_search_is_the_pattern_search(name: str, text: str) -> None:
    keyed = KEYED[name]
    got, want = keyed.search(text), keyed.pattern.search(text)
    assert (got and got.span()) == (want and want.span()), text


def test_a_key_that_is_not_necessary_is_caught() -> None:
    # The check above is not vacuous: keys that miss a form of the pattern change results.
    wrong = Keyed(r"(?i)available\s+from|isbn", ("available",))
    assert wrong.pattern.search("ISBN 978")
    assert wrong.search("ISBN 978") is None


def test_text_outside_ascii_is_always_searched() -> None:
    kelvin = Keyed(r"(?i)kit", ("kit",))  # U+212A KELVIN SIGN folds to "k"
    assert kelvin.search("\u212ait") is not None
    assert re.search(r"(?i)kit", "\u212ait")
