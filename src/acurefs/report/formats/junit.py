"""The validation report as JUnit XML, for the test views of CI systems (GitLab, Jenkins, GitHub).

Each article is a ``<testsuite>``; each reference is a ``<testcase>`` (``classname`` the
article, ``name`` ``[n] key``) and one more test case per article holds its structural
findings (dangling markers, numbering gaps, malformed references). An error finding is a
``<failure>`` whose ``type`` is the finding code; warnings, info and suppressed findings go
to ``<system-out>`` so they are visible without failing the build; a reference nobody could
check (verdict ``not-checked``) is ``<skipped>``. Configuration notes (an expired or unused
suppression) get a suite of their own. ``failures`` counts failed test cases, not
``<failure>`` elements, as JUnit does.

acurefs does not time references one by one: ``<testsuites time>`` is the run's wall time
and test cases report ``0``.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ...models import Verdict
from ..schema import (
    DocumentJSON,
    FindingJSON,
    ReferenceJSON,
    ReportJSON,
    SuppressedFindingJSON,
)
from .common import verdict_of

STRUCTURE_CASE = "article structure"
"""The name of the test case that holds an article's structural findings."""
CONFIG_SUITE = "acurefs configuration"
_NOT_CHECKED = Verdict.NOT_CHECKED.value
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot carry even escaped (control characters pasted into an article)."""


def render(report: ReportJSON) -> str:
    """The report as a JUnit XML document (UTF-8, with an XML declaration)."""
    run = report["run"]
    root = ET.Element("testsuites", name="acurefs")
    timestamp = _timestamp(run.get("started"))
    for doc in report["documents"]:
        suite = _suite(root, doc["name"], timestamp)
        _properties(suite, report, doc)
        for ref in doc["references"]:
            _reference_case(suite, doc, ref)
        _case(
            suite,
            doc["name"],
            STRUCTURE_CASE,
            doc["findings"],
            doc.get("suppressed") or (),
            skipped=None,
            file=doc.get("path"),
        )
        _count(suite)
    notes = report.get("notes") or ()
    if notes:
        suite = _suite(root, CONFIG_SUITE, timestamp)
        _case(suite, CONFIG_SUITE, "suppressions", notes, (), skipped=None, file=run.get("config"))
        _count(suite)
    for name in ("tests", "failures", "errors", "skipped"):
        root.set(name, str(sum(int(s.get(name, "0")) for s in root)))
    root.set("time", _seconds(run.get("started"), run.get("finished")))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _element(
    parent: ET.Element, tag: str, text: str | None = None, **attributes: str | None
) -> ET.Element:
    """A child element; attributes that are None are left out, and text is made XML-safe."""
    element = ET.SubElement(
        parent, tag, {k: _NOT_XML.sub("\ufffd", v) for k, v in attributes.items() if v is not None}
    )
    if text is not None:
        element.text = _NOT_XML.sub("\ufffd", text)
    return element


def _suite(root: ET.Element, name: str, timestamp: str | None) -> ET.Element:
    return _element(root, "testsuite", name=name, timestamp=timestamp)


def _properties(suite: ET.Element, report: ReportJSON, doc: DocumentJSON) -> None:
    """What a reader of one suite needs to know about the run it came from."""
    run = report["run"]
    compared = run.get("compared_with")
    values = {
        "acurefs.version": report["generator"]["version"],
        "report_version": report.get("report_version"),
        "path": doc.get("path"),
        "format": doc.get("format"),
        "offline": run.get("offline"),
        "partial": run.get("partial"),
        "source": run["source"].get("url"),
        "compared_with": (compared["path"] or compared["kind"]) if compared else None,
        "headline": report["headline"]["text"],
    }
    props = _element(suite, "properties")
    for name, value in values.items():
        if value is not None:
            text = str(value).lower() if isinstance(value, bool) else str(value)
            _element(props, "property", name=name, value=text)


def _reference_case(suite: ET.Element, doc: DocumentJSON, ref: ReferenceJSON) -> None:
    res = ref.get("resolution")
    verdict = verdict_of(ref)
    number = f"[{ref['number']}]" if ref.get("number") is not None else "[-]"
    name = f"{number} {ref['key']}".rstrip()
    status = f"verdict: {verdict}; DOI: {(res.get('doi') if res else None) or '-'}"
    skipped = None
    if verdict == _NOT_CHECKED:
        reason = res.get("reason") if res else None
        skipped = f"not checked: {reason or 'no answer from the source, cache or lock'}"
    _case(
        suite,
        doc["name"],
        name,
        ref["findings"],
        ref.get("suppressed") or (),
        skipped=skipped,
        file=doc.get("path"),
        line=ref.get("line"),
        status=status,
    )


def _case(
    suite: ET.Element,
    classname: str,
    name: str,
    findings: Sequence[FindingJSON],
    suppressed: Sequence[SuppressedFindingJSON],
    *,
    skipped: str | None,
    file: str | None,
    line: int | None = None,
    status: str | None = None,
) -> None:
    """One test case: a failure per error finding, the rest as text; skipped if unchecked."""
    case = _element(
        suite,
        "testcase",
        classname=classname,
        name=name,
        time="0",
        file=file or None,
        line=None if line is None else str(line),
    )
    errors = [f for f in findings if f["severity"] == "error"]
    for finding in errors:
        _element(
            case,
            "failure",
            _described(finding),
            type=finding["code"],
            message=_oneline(finding["message"]),
        )
    if skipped is not None and not errors:
        _element(case, "skipped", message=skipped)
    out = [status] if status else []
    out += [_described(f) for f in findings if f["severity"] != "error"]
    out += [
        f"suppressed: {_described(f)} (reason: {f['suppression']['reason']})" for f in suppressed
    ]
    if out:
        _element(case, "system-out", "\n".join(out))


def _described(finding: FindingJSON) -> str:
    where = f"line {finding['line']}: " if finding.get("line") is not None else ""
    return f"{where}{finding['severity']} [{finding['code']}] {finding['message']}"


def _oneline(text: str) -> str:
    """Attribute values: line breaks would be normalised to spaces by parsers anyway."""
    return " ".join(text.split())


def _count(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    failed = sum(1 for c in cases if c.find("failure") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failed))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")


def _timestamp(value: str | None) -> str | None:
    """JUnit's timestamp: ISO 8601 without a zone (the report's times are UTC)."""
    when = _parse(value)
    return when.replace(tzinfo=None).isoformat() if when else None


def _seconds(started: str | None, finished: str | None) -> str:
    start, end = _parse(started), _parse(finished)
    if start is None or end is None:
        return "0"
    return f"{max(0.0, (end - start).total_seconds()):.3f}"


def _parse(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(dt.timezone.utc) if when.tzinfo else when
