"""The versioned JSON report: every report acurefs builds matches ``docs/report-schema.json``.

The reports are real runs: the bundled corpus offline from its lock (and without one),
against the loopback Crossref (a first run, then a retraction measured against that run
as ``--baseline``), with suppressions (active, expired, matching nothing), and articles
without references. :func:`build_reports` is shared with ``test_report_formats.py``.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import acurefs
from acurefs.report.job import validate
from acurefs.report.model import render_report, report_json
from acurefs.report.suppressions import Config, load_config
from tests.fake_crossref import FakeCrossref, fixture_records

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "report-schema.json"
RETRACTED_DOI = "10.1136/bmj.j1284"
TODAY = dt.date(2026, 6, 1)
"""The day suppressions are judged on: one expires before it, one after."""
SUPPRESSIONS = """\
[[suppress]]
reference = "kim2016safety"
code = "pages-missing"
reason = "Medicine's print edition | has *no* article numbers"
expires = 2027-06-30

[[suppress]]
reference = "acupuncture-immune-system.txt#1"
code = "malformed-reference"
reason = "The publisher's page is gone; the title is all we have"

[[suppress]]
reference = "chen2017management"
code = "doi-missing"
reason = "Was fine until the DOI got printed"
expires = 2026-01-31

[[suppress]]
reference = "nosuch2020reference"
code = "retracted"
reason = "Matches nothing"
"""
NO_REFERENCES = "Acupuncture is old.\n\nIt is also popular in some places.\n"
MARKERS_WITHOUT_LIST = "Acupuncture is old [1].\n\nIt is popular [2, 3].\n"

Report = dict[str, Any]


def _offline(cache_dir: Path) -> acurefs.Crossref:
    return acurefs.Crossref(offline=True, cache=acurefs.Cache(cache_dir / "cache.sqlite3"))


def _loopback(server: FakeCrossref, cache: acurefs.Cache) -> acurefs.Crossref:
    return acurefs.Crossref(base_url=server.url, mailto="tests@example.org", cache=cache)


def build_reports(tmp: Path) -> dict[str, Report]:
    """One JSON report per situation a report has to describe, keyed by a test id."""
    reports: dict[str, Report] = {}
    with ExitStack() as stack:

        def offline(name: str) -> acurefs.Crossref:
            return stack.enter_context(closing(_offline(tmp / name)))

        reports["bundled-offline-lock"] = report_json(
            validate(source=offline("c1"), offline=True, config=Config())
        )
        reports["bundled-offline-no-lock"] = report_json(
            validate(source=offline("c2"), offline=True, lock=acurefs.Lock(()), config=Config())
        )
        config = tmp / "acurefs.toml"
        config.write_text(SUPPRESSIONS, encoding="utf-8")
        reports["suppressions"] = report_json(
            validate(source=offline("c3"), offline=True, config=config, today=TODAY)
        )
        for name, text in (
            ("no-references", NO_REFERENCES),
            ("markers-no-list", MARKERS_WITHOUT_LIST),
        ):
            document = acurefs.parse_document(text, format="text", name=f"{name}.txt")
            reports[name] = report_json(
                validate(
                    document,
                    source=offline(name),
                    offline=True,
                    lock=acurefs.Lock(()),
                    config=Config(),
                )
            )
    server = FakeCrossref(fixture_records()).start()
    cache = acurefs.Cache(tmp / "loopback" / "cache.sqlite3")
    try:
        with closing(_loopback(server, cache)) as source:
            first = report_json(validate(source=source, config=Config()))
        baseline = tmp / "first.json"
        baseline.write_text(json.dumps(first), encoding="utf-8")
        server.retract(
            RETRACTED_DOI,
            notice_doi="10.5555/fx.notice",
            date="2026-11-01",
            source="retraction-watch",
        )
        with closing(_loopback(server, cache)) as source:
            drift = report_json(validate(source=source, baseline=baseline, config=Config()))
    finally:
        server.stop()
    assert not server.errors, server.errors
    reports["loopback-first"] = first
    reports["loopback-retracted-vs-baseline"] = drift
    return reports


REPORT_IDS = (
    "bundled-offline-lock",
    "bundled-offline-no-lock",
    "suppressions",
    "no-references",
    "markers-no-list",
    "loopback-first",
    "loopback-retracted-vs-baseline",
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    return build_reports(tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["report_version"] == {"const": 1}


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in REPORT_IDS])
def test_report_validates_against_the_schema(
    reports: dict[str, Report], validator: Draft202012Validator, name: str
) -> None:
    assert _errors(validator, reports[name]) == []


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in REPORT_IDS])
def test_json_format_is_the_report_itself(reports: dict[str, Report], name: str) -> None:
    assert json.loads(render_report(reports[name], "json")) == reports[name]


def _references(report: Report) -> list[dict[str, Any]]:
    return [r for d in report["documents"] for r in d["references"]]


def test_the_situations_are_the_ones_described(reports: dict[str, Report]) -> None:
    """Each report really shows what its id says (else the schema test proves little)."""
    offline = reports["bundled-offline-lock"]
    assert offline["run"]["offline"]
    assert offline["run"]["compared_with"]["kind"] == "lock"
    assert offline["summary"]["references"] == len(_references(offline)) > 0

    unlocked = reports["bundled-offline-no-lock"]
    assert {r["resolution"]["verdict"] for r in _references(unlocked)} == {"not-checked"}

    drift = reports["loopback-retracted-vs-baseline"]
    assert drift["run"]["compared_with"]["kind"] == "baseline"
    assert drift["run"]["compared_with"]["path"].endswith("first.json")
    assert [(c["kind"], c["code"]) for c in drift["headline"]["new"]] == [
        ("new-finding", "retracted")
    ]
    assert reports["loopback-first"]["run"]["requests"]["total"] > 0

    suppressed = reports["suppressions"]
    assert suppressed["run"]["config"].endswith("acurefs.toml")
    assert suppressed["summary"]["suppressed"] == 2
    by_reference = [s for r in _references(suppressed) for s in r["suppressed"]]
    by_document = [s for d in suppressed["documents"] for s in d["suppressed"]]
    assert [s["code"] for s in by_reference] == ["pages-missing"]
    assert by_reference[0]["suppression"]["expires"] == "2027-06-30"
    assert [s["code"] for s in by_document] == ["malformed-reference"]
    assert by_document[0]["suppression"]["expires"] is None
    assert sorted(n["code"] for n in suppressed["notes"]) == [
        "suppression-expired",
        "suppression-unused",
    ]

    for name in ("no-references", "markers-no-list"):
        (document,) = reports[name]["documents"]
        assert document["references"] == []
    (document,) = reports["markers-no-list"]["documents"]
    assert {f["code"] for f in document["findings"]} == {"dangling-marker"}


def _set(path: str, value: Any) -> Callable[[Report], None]:
    """A mutation setting the value at a ``/``-separated path (list indexes as numbers)."""

    def mutate(report: Report) -> None:
        *parents, last = path.split("/")
        node: Any = report
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str) -> Callable[[Report], None]:
    def mutate(report: Report) -> None:
        *parents, last = path.split("/")
        node: Any = report
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return mutate


_RETRACTION = "documents/2/references/0"
"""acupuncture-pain-evidence.txt's reference 1, retracted in the drift report."""
MUTATIONS = [
    pytest.param(_set("report_version", 2), id="wrong-report-version"),
    pytest.param(_set("surprise", True), id="extra-top-level-key"),
    pytest.param(_set(f"{_RETRACTION}/findings/1/severity", "fatal"), id="unknown-severity"),
    pytest.param(_set(f"{_RETRACTION}/findings/1/colour", "red"), id="extra-finding-key"),
    pytest.param(_set(f"{_RETRACTION}/resolution/verdict", "fine"), id="unknown-verdict"),
    pytest.param(_set(f"{_RETRACTION}/extra", 1), id="extra-reference-key"),
    pytest.param(_set(f"{_RETRACTION}/line", "32"), id="line-as-string"),
    pytest.param(_set(f"{_RETRACTION}/printed_sha256", "abc"), id="short-hash"),
    pytest.param(_set("headline/new/0/severity", "critical"), id="unknown-change-severity"),
    pytest.param(_set("summary/verdicts/great", 1), id="unknown-verdict-count"),
    pytest.param(_set("summary/findings/fatal", 1), id="unknown-severity-count"),
    pytest.param(_set("summary/documents", None), id="null-count"),
    pytest.param(_set("run/fail_on", "sometimes"), id="unknown-fail-on"),
    pytest.param(_set("run/compared_with/kind", "guess"), id="unknown-comparison"),
    pytest.param(_delete("headline/text"), id="missing-headline-text"),
    pytest.param(_delete(f"{_RETRACTION}/cited_by"), id="missing-cited-by"),
    pytest.param(_set("documents/2/format", "pdf"), id="unknown-document-format"),
]


@pytest.mark.parametrize("mutate", MUTATIONS)
def test_a_broken_report_fails_validation(
    reports: dict[str, Report],
    validator: Draft202012Validator,
    mutate: Callable[[Report], None],
) -> None:
    report = copy.deepcopy(reports["loopback-retracted-vs-baseline"])
    assert report["documents"][2]["references"][0]["findings"][1]["code"] == "retracted"
    mutate(report)
    assert _errors(validator, report)


def test_a_broken_suppression_fails_validation(
    reports: dict[str, Report], validator: Draft202012Validator
) -> None:
    report = copy.deepcopy(reports["suppressions"])
    (item,) = [s for r in _references(report) for s in r["suppressed"]]
    item["suppression"]["why"] = "extra"
    assert _errors(validator, report)
    del item["suppression"]["why"]
    item["extra"] = 1
    assert _errors(validator, report)


def test_suppression_config_is_read_as_written(tmp_path: Path) -> None:
    """The fixture's configuration means what the report tests assume."""
    path = tmp_path / "acurefs.toml"
    path.write_text(SUPPRESSIONS, encoding="utf-8")
    rules = load_config(path).suppressions
    assert [r.expired(TODAY) for r in rules] == [False, False, True, False]


def test_grey_literature_and_a_list_per_section_validate(
    validator: Draft202012Validator, tmp_path: Path
) -> None:
    """Every kind a reference can have, and the list a reference and a claim belong to."""
    folder = tmp_path / "digest"
    folder.mkdir()
    (folder / "digest.md").write_text(
        "## Sleep\n\nNeedling helped sleep.[1]\n\n### References\n\n"
        "1. National Institute for Health and Care Excellence. Insomnia: guideline NG1. "
        "London: NICE; 2020. Available from: https://www.nice.org.uk/guidance/ng1\n\n"
        "## Knees\n\nExercise helped knees.[1]\n\n### References\n\n"
        "1. Roe K. Knees and exercise. BMJ. 2012;2:3-4.\n",
        encoding="utf-8",
    )
    data = report_json(
        validate(
            acurefs.load_corpus(folder),
            source=acurefs.Crossref(offline=True, cache=acurefs.Cache(tmp_path / "c")),
            offline=True,
        )
    )
    assert _errors(validator, data) == []
    (doc,) = data["documents"]
    assert [(r["group"], r["number"], r["kind"]) for r in doc["references"]] == [
        (0, 1, "guideline"),
        (1, 1, "journal-article"),
    ]
    assert [(c["group"], c["numbers"]) for c in doc["claims"] if c["numbers"]] == [
        (0, [1]),
        (1, [1]),
    ]
    page = render_report(data, "html")
    assert page.count('id="') == len(set(re.findall(r'id="([^"]+)"', page)))  # ids unique
    for target in re.findall(r'class="marker" href="#([^"]+)"', page):
        assert f'id="{target}"' in page
