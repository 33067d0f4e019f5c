"""The public face: ``acurefs.__all__`` is pinned, and everything it names exists."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

import acurefs

EXPECTED_ALL = [
    "AcurefsError",
    "Block",
    "BlockKind",
    "Cache",
    "Candidate",
    "Claim",
    "ClaimKind",
    "ConfigError",
    "Corpus",
    "Crossref",
    "Document",
    "DocumentError",
    "Finding",
    "InputError",
    "Kind",
    "Limits",
    "LinkStatus",
    "Linked",
    "LocalIndex",
    "Lock",
    "LockError",
    "Marker",
    "MarkerStyle",
    "MetadataSource",
    "Person",
    "Provenance",
    "PubMed",
    "Record",
    "Reference",
    "Report",
    "Resolution",
    "RetryPolicy",
    "SearchAnswer",
    "Severity",
    "SourceError",
    "SourceResponseError",
    "SourceUnavailableError",
    "Span",
    "Suggestion",
    "Support",
    "UnsupportedFormatError",
    "Update",
    "Verdict",
    "Work",
    "__version__",
    "load_corpus",
    "load_document",
    "parse_document",
    "parse_reference",
    "resolve",
    "to_bibtex",
    "to_csl_json",
    "validate",
]

RECORDS = ["Claim", "Corpus", "Document", "Finding", "Marker", "Person", "Reference", "Span"]


def test_all_is_pinned() -> None:
    assert acurefs.__all__ == EXPECTED_ALL


def test_all_has_no_duplicates() -> None:
    assert len(set(acurefs.__all__)) == len(acurefs.__all__)


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in EXPECTED_ALL])
def test_every_name_exists(name: str) -> None:
    assert hasattr(acurefs, name)
    assert getattr(acurefs, name) is not None


def test_public_names_are_reexported_from_the_stages() -> None:
    """The public face re-exports: every public name is defined in a stage or shared module
    (``acurefs.document.assemble``, ``acurefs.models``...), never in ``acurefs`` itself, and
    ``acurefs`` is the one place its users import from (the stages may move)."""
    stages = {"document", "claims", "reference", "sources", "resolve", "export", "report", "cli"}
    shared = {"models", "errors", "identifiers", "text", "_version"}
    for name in acurefs.__all__:
        obj = getattr(acurefs, name)
        module = getattr(obj, "__module__", None)
        if module is not None and module.startswith("acurefs"):
            parts = module.split(".")
            assert len(parts) >= 2, (name, module)
            assert parts[1] in stages | shared, (name, module)


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in RECORDS])
def test_records_are_frozen_slotted_dataclasses(name: str) -> None:
    cls = getattr(acurefs, name)
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen
    assert "__slots__" in cls.__dict__
    assert callable(cls.to_dict)
    assert callable(cls.to_json)


@pytest.mark.parametrize(
    ("name", "parameters"),
    [
        pytest.param("parse_reference", {"text": None, "number": "kw"}, id="parse_reference"),
        pytest.param("load_document", {"path": None, "format": "kw"}, id="load_document"),
        pytest.param(
            "parse_document", {"text": None, "format": "kw", "name": "kw"}, id="parse_document"
        ),
        pytest.param("load_corpus", {"path": None}, id="load_corpus"),
        pytest.param("to_bibtex", {"references": None}, id="to_bibtex"),
        pytest.param("to_csl_json", {"references": None}, id="to_csl_json"),
    ],
)
def test_function_signatures(name: str, parameters: dict[str, str | None]) -> None:
    signature = inspect.signature(getattr(acurefs, name))
    for parameter, kind in parameters.items():
        assert parameter in signature.parameters, (name, parameter)
        if kind == "kw":
            assert signature.parameters[parameter].kind is inspect.Parameter.KEYWORD_ONLY


def test_defaults() -> None:
    assert inspect.signature(acurefs.parse_document).parameters["format"].default == "text"
    assert inspect.signature(acurefs.load_document).parameters["format"].default is None
    assert inspect.signature(acurefs.load_corpus).parameters["path"].default is None


@pytest.mark.parametrize(
    ("name", "base"),
    [
        pytest.param("InputError", ValueError, id="InputError"),
        pytest.param("DocumentError", acurefs.InputError, id="DocumentError"),
        pytest.param("UnsupportedFormatError", acurefs.InputError, id="UnsupportedFormatError"),
        pytest.param("ConfigError", acurefs.InputError, id="ConfigError"),
        pytest.param("LockError", acurefs.InputError, id="LockError"),
        pytest.param("SourceError", acurefs.AcurefsError, id="SourceError"),
        pytest.param("SourceUnavailableError", acurefs.SourceError, id="SourceUnavailableError"),
        pytest.param("SourceResponseError", acurefs.SourceError, id="SourceResponseError"),
    ],
)
def test_exception_hierarchy(name: str, base: type[Exception]) -> None:
    cls = getattr(acurefs, name)
    assert issubclass(cls, base)
    assert issubclass(cls, acurefs.AcurefsError)


def test_version_is_a_string() -> None:
    assert isinstance(acurefs.__version__, str)
    assert acurefs.__version__.count(".") >= 1
