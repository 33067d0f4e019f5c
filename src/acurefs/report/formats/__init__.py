"""Report formats: the JSON report rendered for people and for CI systems.

Each format is one module reading the typed JSON report (:mod:`acurefs.report.schema`):
plain text (:mod:`.text`), JUnit XML (:mod:`.junit`), SARIF 2.1.0 (:mod:`.sarif`),
GitHub Markdown (:mod:`.markdown`) and a self-contained HTML page (:mod:`.html`);
:mod:`.common` holds what they share.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ...errors import UnsupportedFormatError
from ..schema import ReportJSON
from . import html, junit, markdown, sarif, text

REPORT_FORMATS = ("text", "json", "junit", "sarif", "markdown", "html")
REPORT_SUFFIXES = {
    ".txt": "text",
    ".json": "json",
    ".xml": "junit",
    ".sarif": "sarif",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
"""The report format a file name's suffix implies."""


def _json(report: ReportJSON) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


_RENDERERS: dict[str, Callable[[ReportJSON], str]] = {
    "text": text.render,
    "json": _json,
    "junit": junit.render,
    "sarif": sarif.render,
    "markdown": markdown.render,
    "html": html.render,
}


def render_report(report: ReportJSON, fmt: str) -> str:
    """The JSON report rendered in one of :data:`REPORT_FORMATS`."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UnsupportedFormatError(
            f"Unknown report format {fmt!r}: use one of {', '.join(REPORT_FORMATS)}"
        )
    return renderer(report)
