"""The report formats rendered from the JSON report: JUnit XML, SARIF 2.1.0, Markdown; the CLI.

The reports are the real runs of ``test_report_json.build_reports``. SARIF is checked
against the official schema when ``ACUREFS_SARIF_SCHEMA`` names it (``.ci/run`` fetches
it from npm; it is not on PyPI and is not committed), and structurally always.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

from acurefs.cli import main
from acurefs.document.corpus import bundled_refs_dir
from acurefs.report.formats import junit as _report_junit
from acurefs.report.formats import markdown as _report_markdown
from acurefs.report.formats import sarif as _report_sarif
from acurefs.report.formats import text as _report_text
from acurefs.report.model import render_report
from tests.report.test_model import REPORT_IDS, SCHEMA_PATH, build_reports

REFS_DIR = bundled_refs_dir()  # the articles the reports name: in the checkout, or the wheel
SARIF_SCHEMA_ENV = "ACUREFS_SARIF_SCHEMA"
HOW_TO_GET_SARIF_SCHEMA = (
    f"set {SARIF_SCHEMA_ENV} to the SARIF 2.1.0 schema: `npm pack @microsoft/jest-sarif@1.0.0-beta.0"
    " && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz` gives"
    " package/lib/schemas/sarif-2.1.0-rtm.5.json (.ci/run does this)"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BY_REPORT = [pytest.param(name, id=name) for name in REPORT_IDS]

Report = dict[str, Any]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    return build_reports(tmp_path_factory.mktemp("reports"))


def _sarif_validator() -> Validator | None:
    path = os.environ.get(SARIF_SCHEMA_ENV)
    if not path or not Path(path).is_file():
        return None
    schema = json.loads(Path(path).read_text(encoding="utf-8"))
    cls = validator_for(schema, default=Draft7Validator)  # the rtm.5 file says draft-04
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture(scope="module")
def sarif_schema() -> Validator:
    validator = _sarif_validator()
    if validator is None:
        pytest.skip(f"No SARIF schema: {HOW_TO_GET_SARIF_SCHEMA}")
    return validator


def _findings(report: Report) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any] | None, Any]]:
    """(document, reference or None, finding) for every active and suppressed finding."""
    for doc in report["documents"]:
        for finding in [*doc["findings"], *doc["suppressed"]]:
            yield doc, None, finding
        for ref in doc["references"]:
            for finding in [*ref["findings"], *ref["suppressed"]]:
                yield doc, ref, finding


# JUnit ------------------------------------------------------------------------------------


def _junit(report: Report) -> ET.Element:
    return ET.fromstring(_report_junit.render(report).encode("utf-8"))


@pytest.mark.parametrize("name", BY_REPORT)
def test_junit_has_a_suite_per_article_and_a_case_per_reference(
    reports: dict[str, Report], name: str
) -> None:
    report = reports[name]
    root = _junit(report)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    expected = [d["name"] for d in report["documents"]]
    if report["notes"]:
        expected.append(_report_junit.CONFIG_SUITE)
    assert list(suites) == expected
    for doc in report["documents"]:
        suite = suites[doc["name"]]
        cases = suite.findall("testcase")
        names = [f"[{r['number']}] {r['key']}" for r in doc["references"]]
        assert [c.get("name") for c in cases] == [*names, _report_junit.STRUCTURE_CASE]
        assert {c.get("classname") for c in cases} == {doc["name"]}
        groups = [r["findings"] for r in doc["references"]] + [doc["findings"]]
        for case, findings in zip(cases, groups, strict=True):
            errors = [f for f in findings if f["severity"] == "error"]
            failures = case.findall("failure")
            assert [f.get("type") for f in failures] == [f["code"] for f in errors]
            assert [f.get("message") for f in failures] == [f["message"] for f in errors]
            others = [f for f in findings if f["severity"] != "error"]
            out = case.findtext("system-out") or ""
            assert all(f"[{f['code']}] {f['message']}" in out for f in others)
        verdicts = [(r["resolution"] or {}).get("verdict") for r in doc["references"]]
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
        assert suite.get("skipped") == str(verdicts.count("not-checked"))
        assert suite.get("errors") == "0"
        assert float(suite.get("time") or "x") >= 0
    for attribute in ("tests", "failures", "errors", "skipped"):
        total = sum(int(s.get(attribute) or "x") for s in suites.values())
        assert root.get(attribute) == str(total)
    assert float(root.get("time") or "x") >= 0


@pytest.mark.parametrize("name", BY_REPORT)
def test_junit_fails_once_per_error_finding(reports: dict[str, Report], name: str) -> None:
    report = reports[name]
    errors = [
        f for _, _, f in _findings(report) if f["severity"] == "error" and "suppression" not in f
    ]
    assert len(_junit(report).findall(".//failure")) == len(errors)


def test_junit_skips_unchecked_references(reports: dict[str, Report]) -> None:
    root = _junit(reports["bundled-offline-no-lock"])
    skipped = root.findall(".//testcase/skipped")
    assert len(skipped) == reports["bundled-offline-no-lock"]["summary"]["references"]
    assert all((s.get("message") or "").startswith("not checked: offline") for s in skipped)


def test_junit_escapes_what_xml_cannot_carry(reports: dict[str, Report]) -> None:
    report = copy.deepcopy(reports["loopback-retracted-vs-baseline"])
    finding = report["documents"][2]["references"][0]["findings"][1]
    finding["message"] = "A <b>\"quoted\"</b> & 'odd' \x01 message\nover two lines"
    report["documents"][2]["references"][0]["key"] = "a&b<c>"
    root = _junit(report)
    (failure,) = root.findall(".//failure[@type='retracted']")
    assert failure.get("message") == "A <b>\"quoted\"</b> & 'odd' \ufffd message over two lines"
    assert "[1] a&b<c>" in [c.get("name") for c in root.iter("testcase")]


# SARIF ------------------------------------------------------------------------------------


def _sarif(report: Report, root: Path = REFS_DIR.parent) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_report_sarif.render(report, root=root))
    return data


@pytest.mark.parametrize("name", BY_REPORT)
def test_sarif_validates_against_the_official_schema(
    reports: dict[str, Report], sarif_schema: Validator, name: str
) -> None:
    errors = [e.message for e in sarif_schema.iter_errors(_sarif(reports[name]))]
    assert errors == []


def test_sarif_schema_catches_a_broken_log(
    reports: dict[str, Report], sarif_schema: Validator
) -> None:
    log = _sarif(reports["loopback-retracted-vs-baseline"])
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(sarif_schema.iter_errors(log))


@pytest.mark.parametrize("name", BY_REPORT)
def test_sarif_has_one_result_per_finding_at_the_reference_line(
    reports: dict[str, Report], name: str
) -> None:
    report = reports[name]
    log = _sarif(report)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "acurefs"
    assert driver["version"] == report["generator"]["version"]
    assert driver["informationUri"].startswith("https://")
    items = list(_findings(report))
    codes = {f["code"] for _, _, f in items} | {n["code"] for n in report["notes"]}
    assert [r["id"] for r in driver["rules"]] == sorted(codes)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    assert len(results) == len(items) + len(report["notes"])
    for result, (doc, ref, finding) in zip(results, items, strict=False):
        assert result["ruleId"] == finding["code"]
        assert driver["rules"][result["ruleIndex"]]["id"] == finding["code"]
        assert result["level"] == LEVELS[finding["severity"]]
        assert finding["message"] in result["message"]["text"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        if doc["path"] is None:  # parsed from a string: the name is all there is
            assert artifact == {"uri": doc["name"]}
        else:
            assert artifact == {"uri": f"refs/{doc['name']}", "uriBaseId": "SRCROOT"}
        line = (ref or finding)["line"]
        assert location["physicalLocation"]["region"]["startLine"] == line
        related = result.get("relatedLocations", [])
        cited = ref["cited_by"] if ref else []
        assert [r["physicalLocation"]["region"]["startLine"] for r in related] == cited
        assert ("suppressions" in result) == ("suppression" in finding)
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == REFS_DIR.parent.as_uri() + "/"


def test_sarif_lines_point_into_the_article(reports: dict[str, Report]) -> None:
    """The reference's line holds its printed text; each related line holds a citing claim."""
    report = reports["loopback-retracted-vs-baseline"]
    results = _sarif(report)["runs"][0]["results"]
    checked = 0
    for result in results:
        if not result.get("relatedLocations"):
            continue
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        lines = (REFS_DIR.parent / uri).read_text(encoding="utf-8").splitlines()
        (doc,) = [d for d in report["documents"] if uri.endswith(d["name"])]
        (ref,) = [r for r in doc["references"] if r["number"] == result["properties"]["number"]]
        start = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert " ".join(ref["raw"].split()[:4]) in " ".join(lines[start - 1].split())
        for related in result["relatedLocations"]:
            line = related["physicalLocation"]["region"]["startLine"]
            text = related["message"]["text"].removeprefix("Cited here: ")
            assert " ".join(text.split()[:4]) in " ".join(lines[line - 1].split())
            assert f"[{ref['number']}]" in lines[line - 1] or str(ref["number"]) in lines[line - 1]
            checked += 1
    assert checked > 10


def test_sarif_paths_outside_the_root_stay_absolute(
    reports: dict[str, Report], tmp_path: Path
) -> None:
    result = _sarif(reports["bundled-offline-lock"], root=tmp_path)["runs"][0]["results"][0]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"].startswith("file:///")
    assert "uriBaseId" not in artifact


def _fingerprints(log: Mapping[str, Any]) -> list[str]:
    return [r["partialFingerprints"][_report_sarif.FINGERPRINT] for r in log["runs"][0]["results"]]


def test_sarif_fingerprints_are_unique_and_stable(reports: dict[str, Report]) -> None:
    first = _fingerprints(_sarif(reports["loopback-first"]))
    drift_report = reports["loopback-retracted-vs-baseline"]
    drift = _fingerprints(_sarif(drift_report))
    assert len(set(first)) == len(first)
    assert len(set(drift)) == len(drift)
    assert set(first) <= set(drift)
    assert len(set(drift) - set(first)) == 1  # the retraction
    moved = copy.deepcopy(drift_report)
    for doc in moved["documents"]:
        for ref in doc["references"]:
            ref["line"] += 5
            for finding in [*ref["findings"], *doc["findings"]]:
                finding["line"] = (finding["line"] or 0) + 5
    assert _fingerprints(_sarif(moved)) == drift


def test_sarif_marks_the_new_finding(reports: dict[str, Report]) -> None:
    results = _sarif(reports["loopback-retracted-vs-baseline"])["runs"][0]["results"]
    states = {(r["ruleId"], r.get("baselineState")) for r in results if "baselineState" in r}
    assert ("retracted", "new") in states
    assert {s for code, s in states if code != "retracted"} == {"unchanged"}


def test_sarif_shows_suppressions_and_configuration_notes(reports: dict[str, Report]) -> None:
    report = reports["suppressions"]
    results = _sarif(report)["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == report["summary"]["suppressed"]
    reasons = {s["suppression"]["reason"] for _, _, s in _findings(report) if "suppression" in s}
    assert {r["suppressions"][0]["justification"] for r in suppressed} == reasons
    assert {r["suppressions"][0]["kind"] for r in suppressed} == {"external"}
    notes = {r["ruleId"]: r for r in results if r["ruleId"].startswith("suppression-")}
    assert notes["suppression-expired"]["level"] == "warning"
    assert notes["suppression-unused"]["level"] == "note"
    uri = notes["suppression-expired"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].endswith("acurefs.toml")


# Markdown ---------------------------------------------------------------------------------

_CELL = re.compile(r"(?<!\\)\|")


def test_markdown_puts_the_headline_and_what_is_new_first(reports: dict[str, Report]) -> None:
    report = reports["loopback-retracted-vs-baseline"]
    lines = _report_markdown.render(report).splitlines()
    content = [line for line in lines if line]
    assert content[0] == "## acurefs"
    assert content[1].startswith("**New since the last run")
    assert content[1].endswith("**")
    assert "`new-finding`" in content[2]
    assert "retracted" in content[2]
    assert content[3].startswith("| Articles | References |")
    summary = report["summary"]
    counts = [int(c) for c in _CELL.split(content[5])[1:-1]]
    assert counts[:2] == [summary["documents"], summary["references"]]
    assert counts[-4:] == [*summary["findings"].values(), summary["suppressed"]]


@pytest.mark.parametrize("name", BY_REPORT)
def test_markdown_tables_have_a_row_per_reference(reports: dict[str, Report], name: str) -> None:
    report = reports[name]
    text = _report_markdown.render(report)
    assert len(text) <= _report_markdown.MAX_CHARS
    assert text.count("<details") == text.count("</details>")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "](" in line]
    linked = [r for d in report["documents"] for r in d["references"] if r["resolution"]]
    linked = [r for r in linked if r["resolution"]["doi"]]
    assert len(rows) == len(linked)
    for ref in linked:
        doi = ref["resolution"]["doi"]
        assert f"(https://doi.org/{doi})" in text
    for table in _tables(text):
        assert {len(_CELL.split(row)) for row in table} == {len(_CELL.split(table[0]))}


def _tables(text: str) -> list[list[str]]:
    """The Markdown tables of ``text``, each as its lines (header, delimiter, rows)."""
    tables: list[list[str]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    return tables


def test_markdown_escapes_report_text(reports: dict[str, Report]) -> None:
    report = copy.deepcopy(reports["loopback-retracted-vs-baseline"])
    ref = report["documents"][2]["references"][0]
    ref["findings"][1]["message"] = "A | B with *stars*, _under_ and <b>tags</b> [x](y)"
    text = _report_markdown.render(report)
    (row,) = [line for line in text.splitlines() if line.startswith(f"| 1 | {ref['key']} |")]
    assert len(_CELL.split(row)) == 7
    assert r"A \| B with \*stars\*, \_under\_ and \<b\>tags\</b\> \[x\](y)" in row
    assert "<b>" not in text


def _many(report: Report, copies: int) -> Report:
    big = copy.deepcopy(report)
    template = big["documents"][2]
    big["documents"] = [dict(template, name=f"article-{i}.txt") for i in range(copies)]
    return big


def test_markdown_leaves_out_articles_beyond_the_comment_limit(reports: dict[str, Report]) -> None:
    big = _many(reports["loopback-retracted-vs-baseline"], 300)
    text = _report_markdown.render(big)
    assert 60_000 < len(text) <= _report_markdown.MAX_CHARS
    assert text.startswith("## acurefs\n\n**New since the last run")
    assert re.search(r"_Truncated .*: \d+ of 300 articles not shown", text)
    assert text.count("<details") == text.count("</details>")
    assert text.rstrip().endswith("</sub>")


def test_markdown_cuts_a_long_table_short(reports: dict[str, Report]) -> None:
    big = copy.deepcopy(reports["loopback-retracted-vs-baseline"])
    refs = big["documents"][2]["references"]
    big["documents"][2]["references"] = [dict(refs[i % len(refs)], number=i) for i in range(1000)]
    text = _report_markdown.render(big, max_chars=20_000)
    assert len(text) <= 20_000
    assert re.search(r"\| … \| _\d+ more references not shown_ \|", text)
    assert text.count("<details") == text.count("</details>")


def test_markdown_never_exceeds_a_tiny_limit(reports: dict[str, Report]) -> None:
    text = _report_markdown.render(reports["loopback-retracted-vs-baseline"], max_chars=300)
    assert len(text) <= 300
    assert text.startswith("## acurefs")
    assert "Truncated" in text


def test_markdown_shows_suppressions(reports: dict[str, Report]) -> None:
    text = _report_markdown.render(reports["suppressions"])
    assert r"suppressed `pages-missing` (Medicine's print edition \| has \*no\* article" in text
    assert "`suppression-expired`" in text
    assert "`suppression-unused`" in text


# Text -------------------------------------------------------------------------------------


def _status(report: Report) -> list[str]:
    """The lines between the headline and the first blank line that are not changes."""
    lines = _report_text.render(report).splitlines()
    top = lines[1 : lines.index("")] if "" in lines else lines[1:]
    return [line for line in top if not line.startswith("  ")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("bundled-offline-lock", ["OFFLINE"], id="offline-lock"),
        pytest.param(
            "bundled-offline-no-lock", ["OFFLINE", "NOTHING CHECKED"], id="offline-no-lock"
        ),
        pytest.param("no-references", ["OFFLINE"], id="offline-no-references"),
        pytest.param("loopback-first", [], id="online"),
    ],
)
def test_text_says_near_the_top_what_the_run_could_not_do(
    reports: dict[str, Report], name: str, expected: list[str]
) -> None:
    assert [line.split(":")[0] for line in _status(reports[name])] == expected


def test_text_counts_what_an_offline_run_left_unchecked(reports: dict[str, Report]) -> None:
    (offline, nothing) = _status(reports["bundled-offline-no-lock"])
    total = reports["bundled-offline-no-lock"]["summary"]["references"]
    assert f"({total} of {total} references not-checked)" in offline
    assert reports["bundled-offline-no-lock"]["run"]["exit_code"] == 3
    assert nothing == "NOTHING CHECKED: not one reference could be checked."


def test_text_says_why_a_run_is_partial(reports: dict[str, Report]) -> None:
    report = copy.deepcopy(reports["loopback-first"])
    report["run"]["partial"] = True
    assert _status(report) == [
        "PARTIAL: the run was cut short (interrupted, or its source failed); "
        "unanswered references are not-checked."
    ]
    ref = next(r for d in report["documents"] for r in d["references"])
    why = "Crossref unreachable after 6 attempts for a search: HTTP 503"
    ref["resolution"] = {**ref["resolution"], "verdict": "not-checked", "reason": why}
    ref["findings"] = [{**_FINDING, "code": "not-checked", "message": f"Not checked: {why}"}]
    report["summary"]["verdicts"] = {"not-checked": 1}
    assert _status(report) == [
        f"PARTIAL: the source failed during the run ({why}); 1 reference not-checked."
    ]


def test_every_format_says_why_a_run_is_partial(
    reports: dict[str, Report], sarif_schema: Validator
) -> None:
    report = copy.deepcopy(reports["loopback-first"])
    why = "the source failed: Crossref unreachable after 6 attempts (HTTP 503)"
    report["run"].update(partial=True, reason=why, exit_code=3)
    assert f"Partial run: {why}." in render_report(report, "markdown")
    assert "yes: the source failed" in render_report(report, "html")
    log = _sarif(report)
    assert not list(sarif_schema.iter_errors(log))
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 3
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == why


_FINDING: dict[str, Any] = {
    "code": "",
    "severity": "warning",
    "message": "",
    "document": None,
    "line": None,
    "span": None,
    "number": None,
    "field": None,
    "printed": None,
    "found": None,
    "detail": {},
}


# CLI --------------------------------------------------------------------------------------


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled articles and their lock copied into ``refs/`` under a fresh working dir."""
    refs = tmp_path / "refs"
    refs.mkdir()
    for path in [*REFS_DIR.glob("*.txt"), REFS_DIR / "acurefs.lock.json"]:
        shutil.copy(path, refs / path.name)
    (tmp_path / "acurefs.toml").write_text("", encoding="utf-8")  # no stray configuration
    monkeypatch.setenv("ACUREFS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_writes_every_format_in_one_run(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["validate", "refs", "--offline", "-q"]
    for fmt, name in (("json", "X.json"), ("sarif", "X.sarif"), ("junit", "X.xml")):
        argv += ["--format", fmt, "-o", name]
    code = main([*argv, "--format", "markdown", "-o", "X.md"])
    out, err = capsys.readouterr()
    assert err == ""
    data = json.loads((workdir / "X.json").read_text(encoding="utf-8"))
    assert code == data["run"]["exit_code"] == 1  # the bundled corpus has a dangling marker
    assert out == data["headline"]["text"] + "\n"
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    sarif = json.loads((workdir / "X.sarif").read_text(encoding="utf-8"))
    validator = _sarif_validator()
    if validator is not None:
        assert list(validator.iter_errors(sarif)) == []
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
        if r["ruleId"] not in ("suppression-unused", "uncited-claim")
    }
    assert uris == {"refs/acupuncture-immune-system.txt", "refs/acupuncture-pain-evidence.txt"}
    # Every article has evidential claims without a source, located at the claim.
    uncited = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "uncited-claim"]
    assert (
        len({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in uncited})
        == 5
    )
    junit = ET.fromstring((workdir / "X.xml").read_bytes())
    assert junit.get("failures") == "1"
    assert (workdir / "X.md").read_text(encoding="utf-8") == render_report(data, "markdown")


@pytest.mark.parametrize(
    ("output", "check"),
    [
        pytest.param("report.sarif", lambda t: json.loads(t)["version"] == "2.1.0", id="sarif"),
        pytest.param("report.xml", lambda t: ET.fromstring(t).tag == "testsuites", id="junit"),
        pytest.param("report.md", lambda t: t.startswith("## acurefs\n"), id="markdown"),
        pytest.param("report.json", lambda t: json.loads(t)["report_version"] == 1, id="json"),
    ],
)
def test_cli_infers_the_format_from_the_suffix(
    workdir: Path, capsys: pytest.CaptureFixture[str], output: str, check: Any
) -> None:
    code = main(["validate", "refs", "--offline", "-q", "-o", output])
    assert code == 1
    assert check((workdir / output).read_text(encoding="utf-8"))
    assert capsys.readouterr().err == ""


def test_cli_refuses_an_unknown_suffix(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "refs", "--offline", "-q", "-o", "report.weird"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("acurefs: error: ")
    assert err.count("\n") == 1
    assert "'report.weird'" in err
    assert not (workdir / "report.weird").exists()
