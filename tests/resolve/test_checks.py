"""Printed versus published: one finding per difference, and notices about the work."""

from __future__ import annotations

import dataclasses

import pytest

from acurefs import Person, Record, Severity, Update, Verdict, parse_reference
from acurefs.resolve.checks import check_record, notice_findings, verdict_for

RECORD = Record(
    doi="10.1097/brs.0b013e318186b276",
    title="Effectiveness of Acupuncture for Low Back Pain: A Systematic Review",
    authors=(Person("Yuan", "Jing"), Person("Purepong", "Nithima"), Person("Kerr", "Daniel Paul")),
    journal="Spine",
    journal_abbrev="Spine (Phila Pa 1976)",
    year=2008,
    volume="33",
    issue="23",
    pages="E887-E900",
)
GOOD = (
    "Yuan J, Purepong N, Kerr DP. Effectiveness of acupuncture for low back pain: a systematic review. "
    "Spine. 2008;33(23):E887-E900."
)


def codes(text: str, record: Record = RECORD) -> dict[str, Severity]:
    return {f.code: f.severity for f in check_record(parse_reference(text), record)}


def test_a_faithful_citation_has_only_the_missing_doi() -> None:
    findings = check_record(parse_reference(GOOD), RECORD)
    assert [f.code for f in findings] == ["doi-missing"]
    assert findings[0].found == RECORD.doi
    assert verdict_for(findings) is Verdict.VERIFIED


@pytest.mark.parametrize(
    ("printed", "code", "field", "printed_value", "found_value"),
    [
        pytest.param(
            GOOD.replace("2008;", "2005;"), "year-mismatch", "year", "2005", "2008", id="year"
        ),
        pytest.param(
            GOOD.replace(";33(", ";34("), "volume-mismatch", "volume", "34", "33", id="volume"
        ),
        pytest.param(
            GOOD.replace("(23)", "(22)"), "issue-mismatch", "issue", "22", "23", id="issue"
        ),
        pytest.param(
            GOOD.replace("E887-E900", "E880-E900"),
            "pages-mismatch",
            "pages",
            "E880-E900",
            "E887-E900",
            id="first-page",
        ),
        pytest.param(
            GOOD.replace("E887-E900", "E887-E901"),
            "pages-mismatch",
            "pages",
            "E887-E901",
            "E887-E900",
            id="last-page",
        ),
        pytest.param(
            GOOD.replace(":E887-E900", ""),
            "pages-missing",
            "pages",
            None,
            "E887-E900",
            id="no-pages",
        ),
        pytest.param(
            GOOD.replace("Spine.", "Pain."),
            "journal-mismatch",
            "journal",
            "Pain",
            "Spine",
            id="journal",
        ),
        pytest.param(
            GOOD.replace("Yuan J", "Yang J"),
            "author-mismatch",
            "author",
            "Yang J",
            "Yuan J",
            id="first-author",
        ),
        pytest.param(
            GOOD.replace("Effectiveness of", "Efficacy of"),
            "title-mismatch",
            "title",
            None,
            None,
            id="title",
        ),
    ],
)
def test_each_difference_is_a_finding(
    printed: str, code: str, field: str, printed_value: str | None, found_value: str | None
) -> None:
    findings = {f.code: f for f in check_record(parse_reference(printed), RECORD)}
    assert code in findings
    finding = findings[code]
    assert finding.field == field
    assert finding.message
    if printed_value is not None:
        assert finding.printed == printed_value
    if found_value is not None:
        assert finding.found == found_value
    assert verdict_for(findings.values()) is Verdict.MISMATCH


def test_one_year_apart_is_only_info() -> None:
    assert codes(GOOD.replace("2008;", "2009;"))["year-mismatch"] is Severity.INFO


def test_a_supplement_said_on_one_side_only_is_the_same_volume() -> None:
    # MJA prints a supplement's date with its volume ("175 Suppl Jul 16"); Crossref may file
    # the volume alone. The same volume, not a difference; another volume still is one.
    record = dataclasses.replace(
        RECORD,
        journal="Medical Journal of Australia",
        journal_abbrev="Med J Aust",
        year=2001,
        volume="175",
        issue=None,
        pages="S48-S51",
    )
    text = (
        "Yuan J, Purepong N, Kerr DP. Effectiveness of acupuncture for low back pain: a "
        "systematic review. Med J Aust 2001; 175 Suppl Jul 16: S48-S51."
    )
    assert parse_reference(text).volume == "175 Suppl Jul 16"
    assert "volume-mismatch" not in codes(text, record)
    assert "volume-mismatch" not in codes(text.replace("Suppl Jul 16", "Suppl 1"), record)
    assert "volume-mismatch" in codes(text.replace("175 Suppl", "176 Suppl"), record)


def test_a_cut_short_title_says_so() -> None:
    ref = parse_reference("[Effectiveness of Acupuncture for Low Back Pain](")
    (finding,) = [f for f in check_record(ref, RECORD) if f.code == "title-mismatch"]
    assert "cut short" in finding.message


def test_missing_article_number_is_pages_missing() -> None:
    record = Record(
        doi="10.1136/bmj.j1284",
        title="T",
        journal="BMJ",
        year=2017,
        volume="357",
        article_number="j1284",
    )
    findings = {
        f.code: f for f in check_record(parse_reference("Chen L. T. BMJ. 2017;357."), record)
    }
    assert "article number" in findings["pages-missing"].message


@pytest.mark.parametrize(
    ("kind", "code", "severity"),
    [
        pytest.param("retraction", "retracted", Severity.ERROR, id="retraction"),
        pytest.param("withdrawal", "withdrawn", Severity.ERROR, id="withdrawal"),
        pytest.param(
            "expression_of_concern", "expression-of-concern", Severity.WARNING, id="concern"
        ),
        pytest.param("correction", "corrected", Severity.INFO, id="correction"),
        pytest.param("erratum", "corrected", Severity.INFO, id="erratum"),
    ],
)
def test_notices_become_findings(kind: str, code: str, severity: Severity) -> None:
    update = Update(type=kind, doi="10.5555/notice", source="retraction-watch", date="2024-05-01")
    (finding,) = notice_findings(parse_reference(GOOD), [update])
    assert finding.code == code
    assert finding.severity is severity
    assert finding.detail["notice_doi"] == "10.5555/notice"
    assert finding.detail["source"] == "retraction-watch"
    assert "10.5555/notice" in finding.message


def test_new_versions_are_not_notices() -> None:
    assert (
        notice_findings(parse_reference(GOOD), [Update(type="new_version", doi="10.5555/x")]) == []
    )
