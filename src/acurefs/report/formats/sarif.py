"""The validation report as SARIF 2.1.0, for code-scanning views (GitHub, GitLab, Azure DevOps).

One run; the tool's rules are the finding codes the report uses. Each finding is a
result at the line of its reference in the article (structural findings: at their own
line), with the claims citing that reference as related locations, so a reviewer sees
where the doubtful citation is used. Suppressed findings are results too, carrying an
``external`` suppression with its reason, so code-scanning views list them as
suppressed instead of forgetting them. ``partialFingerprints`` hash the article name,
the reference's printed text and the code: they survive line shifts and reruns
elsewhere, and change when the reference is edited.

Article paths become URIs relative to ``root`` (the current directory by default, i.e.
the checkout a CI job runs in) under the base id ``SRCROOT``; a path outside ``root``
stays an absolute ``file:`` URI.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

from ..schema import DocumentJSON, FindingJSON, ReferenceJSON, ReportJSON, SuppressionJSON
from .common import rank, verdict_of

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/acurefs/"
BASE_ID = "SRCROOT"
FINGERPRINT = "acurefs/v1"
"""The ``partialFingerprints`` key (SARIF's ``name/vN`` convention)."""
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_CLAIM_CHARS = 200
"""How much of a citing claim a related location's message quotes."""

RULES = {
    "dangling-marker": "A citation marker cites a number the reference list does not have",
    "duplicate-number": "Two references carry the same number",
    "numbering-gap": "The reference list skips a number",
    "uncited-reference": "A reference is never cited in the text",
    "malformed-reference": "A reference is too damaged to identify the work",
    "unresolved": "No published work matches the reference: it may be fabricated",
    "ambiguous": "Several published works match the reference about equally well",
    "doi-missing": "The reference prints no DOI although the work has one",
    "doi-mismatch": "The printed DOI belongs to another work",
    "doi-not-found": "The printed DOI does not resolve",
    "title-mismatch": "The printed title differs from the published one",
    "author-mismatch": "The printed authors differ from the published ones",
    "year-mismatch": "The printed year differs from the published one",
    "journal-mismatch": "The printed journal differs from the published one",
    "volume-mismatch": "The printed volume differs from the published one",
    "issue-mismatch": "The printed issue differs from the published one",
    "pages-mismatch": "The printed pages differ from the published ones",
    "pages-missing": "The reference prints no pages or article number",
    "retracted": "The cited work has been retracted",
    "withdrawn": "The cited work has been withdrawn or removed",
    "expression-of-concern": "The cited work carries an expression of concern",
    "corrected": "The cited work has a correction",
    "not-checked": "The reference could not be checked: its source failed or could not be asked",
    "uncited-claim": "An evidential claim cites no source",
    "claim-year-mismatch": "The claim gives its source another year than the cited work's",
    "claim-design-mismatch": "The claim gives its source another study design than the cited work's",
    "claim-source-mismatch": "The claim names another journal or organisation than the cited work's",
    "claim-count-mismatch": "The claim's count of patients or studies disagrees with the cited work",
    "suppression-expired": "A suppression in the configuration has expired",
    "suppression-unused": "A suppression in the configuration matches no finding",
}
"""Short descriptions of the finding codes acurefs knows (others get a generic one)."""


def _invocation(run: Any) -> dict[str, Any]:
    """The run, and why it is partial when it is (a tool execution notification)."""
    invocation: dict[str, Any] = {
        "executionSuccessful": not run.get("partial", False),
        "exitCode": run.get("exit_code", 0),
        "startTimeUtc": run["started"],
        "endTimeUtc": run["finished"],
    }
    if run.get("reason"):
        invocation["toolExecutionNotifications"] = [
            {"level": "warning", "message": {"text": run["reason"]}}
        ]
    return invocation


def render(report: ReportJSON, *, root: str | Path | None = None) -> str:
    """The report as a SARIF 2.1.0 log (JSON text); paths relative to ``root`` (default: cwd)."""
    return json.dumps(sarif_log(report, root=root), indent=2, ensure_ascii=False) + "\n"


def sarif_log(report: ReportJSON, *, root: str | Path | None = None) -> dict[str, Any]:
    """The SARIF log as a dict (what :func:`render` serialises)."""
    if root is None:
        root = report["run"].get("root") or Path.cwd()
    base = Path(root).resolve()
    run = report["run"]
    generator = report["generator"]
    items = list(_items(report))
    rules = _rules(items)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    seen: dict[str, int] = {}
    results = [_result(item, index, base, seen) for item in items]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "acurefs",
                        "version": str(generator.get("version") or "0"),
                        "semanticVersion": str(generator.get("version") or "0"),
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [_invocation(run)],
                "originalUriBaseIds": {BASE_ID: {"uri": base.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "report_version": report.get("report_version"),
                    "headline": report["headline"]["text"],
                    "summary": report["summary"],
                    "compared_with": run.get("compared_with"),
                },
            }
        ],
    }


@dataclass(frozen=True, slots=True)
class _Item:
    """One finding to report, with the article and reference it belongs to."""

    finding: FindingJSON
    doc: DocumentJSON | None
    """None for a configuration note."""
    ref: ReferenceJSON | None
    """The reference the finding is about (for a structural finding: the one its number names)."""
    structural: bool
    new: bool | None
    """Whether the finding is new since the run compared with (None: not compared)."""

    @property
    def suppression(self) -> SuppressionJSON | None:
        return cast(Mapping[str, Any], self.finding).get("suppression")


def _items(report: ReportJSON) -> Iterator[_Item]:
    """Every finding in report order: per article its structure, then each reference."""
    compared = report["run"].get("compared_with") is not None
    fresh = {
        (c.get("document"), c.get("number"), c.get("code"))
        for c in report["headline"]["new"]
        if c["kind"] in ("new-finding", "doi-stopped-resolving")
    }
    added = {
        (c.get("document"), c.get("number"))
        for c in report["headline"]["new"]
        if c["kind"] == "reference-added"
    }
    for doc in report["documents"]:
        for finding in [*doc["findings"], *(doc.get("suppressed") or ())]:
            yield _Item(finding, doc, _numbered(doc, finding.get("number")), True, None)
        for ref in doc["references"]:
            for finding in [*ref["findings"], *(ref.get("suppressed") or ())]:
                where = (doc["name"], ref.get("number"))
                new = (*where, finding["code"]) in fresh or where in added
                yield _Item(finding, doc, ref, False, new if compared else None)
    for note in report.get("notes") or ():
        yield _Item(note, None, None, False, None)


def _numbered(doc: DocumentJSON, number: int | None) -> ReferenceJSON | None:
    if number is None:
        return None
    return next((r for r in doc["references"] if r.get("number") == number), None)


def _rules(items: Sequence[_Item]) -> list[dict[str, Any]]:
    """One rule per code used, at the highest severity the report gives it."""
    levels: dict[str, str] = {}
    for item in items:
        code, severity = item.finding["code"], item.finding["severity"]
        if code not in levels or rank(severity) > rank(levels[code]):
            levels[code] = severity
    return [
        {
            "id": code,
            "name": "".join(part.capitalize() for part in code.split("-")),
            "shortDescription": {"text": RULES.get(code, f"acurefs finding {code}")},
            "defaultConfiguration": {"level": LEVELS[severity]},
        }
        for code, severity in sorted(levels.items())
    ]


def _result(item: _Item, index: Mapping[str, int], base: Path, seen: dict[str, int]) -> Any:
    finding, doc, ref = item.finding, item.doc, item.ref
    code = finding["code"]
    result: dict[str, Any] = {
        "ruleId": code,
        "ruleIndex": index[code],
        "level": LEVELS[finding["severity"]],
        "message": {"text": _message(finding, ref, item.structural)},
    }
    if doc is not None:
        line = finding.get("line")
        if ref is not None and not item.structural:
            line = ref.get("line") or line
        result["locations"] = [_location(doc["path"], doc["name"], line, base)]
        if ref is not None and not item.structural and ref.get("cited_by"):
            result["relatedLocations"] = _related(doc, ref, base)
    elif document := finding.get("document"):
        result["locations"] = [_location(document, document, None, base)]
    result["partialFingerprints"] = {FINGERPRINT: _fingerprint(item, seen)}
    if item.new is not None:
        result["baselineState"] = "new" if item.new else "unchanged"
    if item.suppression is not None:
        suppression: dict[str, Any] = {
            "kind": "external",
            "status": "accepted",
            "justification": item.suppression["reason"],
        }
        if source := item.suppression.get("source"):
            suppression["location"] = _location(source, source, None, base)
        if item.suppression.get("expires"):
            suppression["properties"] = {"expires": item.suppression["expires"]}
        result["suppressions"] = [suppression]
    result["properties"] = {
        k: v
        for k, v in (
            ("document", doc["name"] if doc else finding.get("document")),
            ("number", finding.get("number")),
            ("key", ref.get("key") if ref else None),
            ("verdict", verdict_of(ref) if ref and ref.get("resolution") else None),
            ("field", finding.get("field")),
            ("printed", finding.get("printed")),
            ("found", finding.get("found")),
        )
        if v is not None
    }
    return result


def _message(finding: FindingJSON, ref: ReferenceJSON | None, structural: bool) -> str:
    """The finding's message, naming the reference it is about (alert lists show no context)."""
    if ref is None or structural:
        return str(finding["message"])
    number = f"[{ref['number']}] " if ref.get("number") is not None else ""
    return f"Reference {number}{ref.get('key') or ''}".rstrip() + f": {finding['message']}"


def _location(path: str | None, name: str, line: int | None, base: Path) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": _artifact(path, name, base)}
    if line is not None:
        location["region"] = {"startLine": line}
    return {"physicalLocation": location}


def _artifact(path: str | None, name: str, base: Path) -> dict[str, Any]:
    """The file as a URI relative to ``base`` when it lies inside it, else an absolute one."""
    if path is None:
        return {"uri": quote(name)}  # read from stdin: the name is all there is
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": BASE_ID}


def _related(doc: DocumentJSON, ref: ReferenceJSON, base: Path) -> list[dict[str, Any]]:
    """One location per claim citing the reference, quoting the claim."""
    claims = [c for c in doc.get("claims") or () if ref.get("number") in c["numbers"]]
    out = []
    for i, line in enumerate(ref["cited_by"], start=1):
        location = _location(doc.get("path"), doc["name"], line, base)
        claim = next((c for c in claims if c["line"] == line), None)
        if claim is not None:
            claims.remove(claim)
            text = " ".join(claim["text"].split())
            if len(text) > _CLAIM_CHARS:
                text = text[: _CLAIM_CHARS - 1] + "\u2026"
            location["message"] = {"text": f"Cited here: {text}"}
        else:
            location["message"] = {"text": "Cited here"}
        out.append({"id": i, **location})
    return out


def _fingerprint(item: _Item, seen: dict[str, int]) -> str:
    """A hash that stays put while the reference's printed text does (line numbers may move).

    Findings sharing every part (two dangling markers citing the same missing number) are
    told apart by their order of appearance.
    """
    finding = item.finding
    if item.doc is None:  # a configuration note
        detail = finding.get("detail") or {}
        parts = [
            "config",
            Path(str(finding.get("document") or "")).name,
            str(detail.get("reference") or ""),
            str(detail.get("code") or ""),
        ]
    else:
        identity = item.ref["printed_sha256"] if item.ref else f"#{finding.get('number')}"
        scope = "structure" if item.structural else "reference"
        parts = [scope, item.doc["name"], identity]
    parts.append(finding["code"])
    basis = "\0".join(parts)
    seen[basis] = seen.get(basis, 0) + 1
    digest = hashlib.sha256(f"{basis}\0{seen[basis]}".encode()).hexdigest()
    return f"{digest}:{seen[basis]}"
