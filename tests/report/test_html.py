"""The HTML report: well-formed, self-contained, escaped, complete, and visible in a real browser.

The pure-Python tests parse the page with :mod:`html.parser` into a small tree. The browser
tests (``-m browser``) open it in headless Chromium, let a probe script measure every reference
row (computed style, layout box, hit test), and read the verdicts back from ``--dump-dom``.
"""

from __future__ import annotations

import copy
import re
import shutil
import struct
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import acurefs
from acurefs.report.formats.common import SEVERITIES, VERDICTS
from acurefs.report.formats.html import _CSS, render
from acurefs.report.job import validate
from acurefs.report.model import render_report, report_json
from tests.fake_crossref import FakeCrossref, fixture_records

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed: apt-get install chromium"
)
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"' & </td></table>"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Node:
    """One element of the parsed page: enough of a DOM to query by tag, class and attribute."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
        ]


class _TreeBuilder(HTMLParser):
    """Builds :class:`Node` trees and fails on any end tag that does not close the open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed: {[n.tag for n in builder.stack[1:]]}"
    return builder.root


def _bundled_offline(config: Path | None = None) -> dict[str, Any]:
    source = acurefs.Crossref(offline=True, use_cache=False)
    try:
        return report_json(validate(offline=True, source=source, config=config))
    finally:
        source.close()


@pytest.fixture(scope="module")
def offline_report() -> dict[str, Any]:
    """The bundled corpus from its lock: nothing new, no network."""
    return _bundled_offline()


@pytest.fixture(scope="module")
def retracted_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The bundled corpus against a loopback Crossref where one cited work was just retracted."""
    with FakeCrossref(fixture_records()) as server:
        server.retract(
            "10.1136/bmj.j1284", notice_doi="10.5555/fx.notice", date="2026-11-01", source="rw"
        )
        cache = acurefs.Cache(tmp_path_factory.mktemp("cache") / "c")
        source = acurefs.Crossref(base_url=server.url, mailto="x@example.org", cache=cache)
        try:
            data = report_json(validate(source=source))
        finally:
            source.close()
    assert not server.errors
    return data


@pytest.fixture(scope="module")
def suppressed_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The bundled corpus with one finding suppressed and one suppression matching nothing."""
    config = tmp_path_factory.mktemp("config") / "acurefs.toml"
    config.write_text(
        '[[suppress]]\nreference = "kim2016safety"\ncode = "pages-missing"\n'
        'reason = "Print edition has no article numbers <b>"\n\n'
        '[[suppress]]\nreference = "nobody2020"\ncode = "title-mismatch"\nreason = "stale"\n',
        encoding="utf-8",
    )
    return _bundled_offline(config)


REPORTS = [pytest.param(name, id=name) for name in ("offline", "retracted", "suppressed")]


@pytest.fixture(params=REPORTS)
def report(request: pytest.FixtureRequest) -> dict[str, Any]:
    data: dict[str, Any] = request.getfixturevalue(f"{request.param}_report")
    return data


def _references(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [ref for doc in data["documents"] for ref in doc["references"]]


# --- the page as a document --------------------------------------------------------------


def test_page_is_well_formed_html5(report: dict[str, Any]) -> None:
    page = render(report)
    root = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    (html,) = root.find_all("html")
    assert html.attrs["lang"] == "en"
    assert any(m.attrs.get("charset") == "utf-8" for m in root.find_all("meta"))
    (title,) = root.find_all("title")
    assert title.text.startswith("acurefs report:")
    assert all(th.attrs.get("scope") in ("col", "row") for th in root.find_all("th"))
    assert "prefers-color-scheme:dark" in page
    assert "@media print" in page


def test_render_report_dispatches_to_html(offline_report: dict[str, Any]) -> None:
    assert render_report(offline_report, "html") == render(offline_report)


_LINK = re.compile(
    r"""\b(?:href|src|srcset|action|poster|formaction)\s*=\s*["']?([^"'\s>]*)""", re.I
)
_FETCH = re.compile(r"""\bsrc\s*=|url\(|@import""", re.I)


def test_page_loads_nothing_and_links_only_to_doi_org(report: dict[str, Any]) -> None:
    page = render(report)
    links = _LINK.findall(page)
    assert [u for u in links if not u.startswith(("#", "https://doi.org/10."))] == []
    assert any(u.startswith("https://doi.org/10.") for u in links)
    assert _FETCH.findall(page) == []
    assert "default-src 'none'" in page  # and the browser refuses any fetch that slips in


def test_every_in_page_link_has_a_target_except_dangling_markers(report: dict[str, Any]) -> None:
    root = parse(render(report))
    ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    targets = {a.attrs["href"][1:] for a in root.find_all("a") if a.attrs["href"].startswith("#")}
    assert targets - ids == set()
    assert len(ids) == len([n for n in root.iter() if "id" in n.attrs])  # ids are unique


def test_nothing_is_hidden_without_scripting(report: dict[str, Any]) -> None:
    root = parse(render(report))
    hidden = [n for n in root.iter() if "hidden" in n.attrs]
    assert [n.classes for n in hidden] == [{"toolbar"}]  # the filters appear only with JS
    assert all("open" in d.attrs for d in root.find_all("details"))


# --- content -----------------------------------------------------------------------------


def test_one_row_per_reference_with_its_verdict_badge(report: dict[str, Any]) -> None:
    root = parse(render(report))
    rows = root.find_all("tr", "ref")
    expected = _references(report)
    assert len(rows) == len(expected) == report["summary"]["references"]
    for row, ref in zip(rows, expected, strict=True):
        verdict = (ref["resolution"] or {}).get("verdict", "not-checked")
        (badge,) = row.find_all("span", "badge")
        assert f"v-{verdict}" in badge.classes
        assert badge.text.strip().endswith(verdict)
        assert row.attrs["data-key"] == ref["key"]
        assert row.find_all("th")[0].text == str(ref["number"])


def test_headline_changes_come_first_in_order(retracted_report: dict[str, Any]) -> None:
    root = parse(render(retracted_report))
    sections = [n for n in root.iter() if n.tag in ("section", "nav")]
    assert sections[0].attrs["id"] == "headline"
    assert "worst-error" in sections[0].classes
    changes = sections[0].find_all("li", "change")
    new = retracted_report["headline"]["new"]
    assert [c.text for c in changes] != []
    assert all(ch["message"] in li.text for li, ch in zip(changes, new, strict=True))
    assert "sev-error" in changes[0].classes
    assert "retracted" in changes[0].text


def test_findings_show_printed_and_published_values(offline_report: dict[str, Any]) -> None:
    root = parse(render(offline_report))
    compared = root.find_all("dl", "vs")
    mismatches = [f for r in _references(offline_report) for f in r["findings"] if f["printed"]]
    assert len(compared) == len(mismatches) > 0
    assert compared[0].find_all("dd", "found")[0].text == mismatches[0]["found"]


def test_suppressed_findings_are_greyed_with_their_reason(
    suppressed_report: dict[str, Any],
) -> None:
    root = parse(render(suppressed_report))
    (row,) = [r for r in root.find_all("tr", "ref") if r.attrs["data-key"] == "kim2016safety"]
    (item,) = row.find_all("li", "suppressed")
    assert "pages-missing" in item.text
    assert "Print edition has no article numbers <b>" in item.text
    (notes,) = [n for n in root.find_all("section") if n.attrs.get("id") == "notes"]
    assert "suppression-unused" in notes.text


def test_dangling_markers_and_structural_findings_sit_in_the_article(
    offline_report: dict[str, Any],
) -> None:
    root = parse(render(offline_report))
    (article,) = [s for s in root.find_all("section", "doc") if "immune" in s.attrs.get("id", "")]
    (dangling,) = article.find_all("span", "dangling")
    assert dangling.text.startswith("5")
    codes = {c.text for li in article.find_all("li") for c in li.find_all("code")}
    assert {"dangling-marker", "numbering-gap"} <= codes


def test_partial_run_is_announced(offline_report: dict[str, Any]) -> None:
    data = copy.deepcopy(offline_report)
    data["run"]["partial"] = True
    root = parse(render(data))
    assert [n.text for n in root.iter() if n.attrs.get("role") == "alert"]
    assert "partial" in root.find_all("span", "status")[0].text


def _first_ref(data: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in _references(data) if r["findings"] and r["resolution"])


HOSTILE_PLACES: list[Any] = [
    pytest.param(lambda d: _first_ref(d).__setitem__("raw", HOSTILE), id="reference-text"),
    pytest.param(lambda d: _first_ref(d).__setitem__("key", HOSTILE), id="citation-key"),
    pytest.param(
        lambda d: _first_ref(d)["resolution"].__setitem__("doi", "10.1/" + HOSTILE), id="doi"
    ),
    pytest.param(
        lambda d: _first_ref(d)["findings"][0].update(message=HOSTILE, printed=HOSTILE),
        id="finding",
    ),
    pytest.param(
        lambda d: next(x for x in d["documents"] if x["claims"])["claims"][0].update(text=HOSTILE),
        id="claim-text",
    ),
    pytest.param(lambda d: d["documents"][0].__setitem__("name", HOSTILE), id="article-name"),
    pytest.param(lambda d: d["headline"].__setitem__("text", HOSTILE), id="headline"),
    pytest.param(lambda d: d["run"]["source"].__setitem__("url", HOSTILE), id="source-url"),
]


@pytest.mark.parametrize("plant", HOSTILE_PLACES)
def test_hostile_text_renders_as_text(
    offline_report: dict[str, Any], plant: Callable[[dict[str, Any]], None]
) -> None:
    data = copy.deepcopy(offline_report)
    plant(data)
    page = render(data)
    root = parse(page)
    assert len(root.find_all("script")) == 1  # only the page's own
    assert root.find_all("img") == []
    assert not any(k.startswith("on") for n in root.iter() for k in n.attrs)
    assert HOSTILE in root.text
    assert "<script>alert" not in page


# --- colours -----------------------------------------------------------------------------


def _palette(scheme: str) -> dict[str, str]:
    start = _CSS.index("prefers-color-scheme:dark") if scheme == "dark" else 0
    block = _CSS[start : _CSS.index("}", start)]
    return dict(re.findall(r"--([\w-]+):(#[0-9a-f]{6})", block))


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, bl = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", [pytest.param(s, id=s) for s in ("light", "dark")])
def test_verdict_colours_are_distinct_and_legible(scheme: str) -> None:
    palette = _palette(scheme)
    assert len({palette[f"{v}-bg"] for v in VERDICTS}) == len(VERDICTS)
    pairs = [(f"{v}-fg", f"{v}-bg") for v in VERDICTS] + [(s, f"{s}-bg") for s in SEVERITIES]
    pairs += [(f"{v}-fg", "panel") for v in VERDICTS] + [(s, "panel") for s in SEVERITIES]
    pairs += [(t, b) for t in ("text", "muted", "link") for b in ("panel", "bg", "soft")]
    weak = {p: round(_contrast(palette[p[0]], palette[p[1]]), 2) for p in pairs}
    assert {p: c for p, c in weak.items() if c < 4.5} == {}
    assert all(f".v-{v}{{" in _CSS for v in VERDICTS)


# --- in a real browser -------------------------------------------------------------------

_PROBE = """<script>
if (PROBE_FILTER) document.querySelector('input[data-toggle="only-problems"]').click();
const rows = document.querySelectorAll("tr.ref");
for (const row of rows) {
  row.scrollIntoView({block: "center"});
  const seen = [row.querySelector("th"), row.querySelector("td"), row.querySelector(".badge")]
    .every((part) => {
      const box = part.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return part.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
        && box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= innerWidth
        && hit !== null && part.contains(hit);
    });
  row.dataset.visible = seen ? "yes" : "no";
}
document.body.dataset.probed = String(rows.length);
</script></body>"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000", *args,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _probed(tmp_path: Path, data: dict[str, Any], *, only_problems: bool) -> Node:
    page = render(data).replace(
        "</body>", _PROBE.replace("PROBE_FILTER", str(only_problems).lower())
    )
    target = tmp_path / "report.html"
    target.write_text(page, encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", target.as_uri()).stdout
    root = parse(dom.replace("<!DOCTYPE html>", ""))
    (body,) = root.find_all("body")
    assert body.attrs.get("data-probed") == str(data["summary"]["references"]), "probe did not run"
    return root


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize(
    "name", [pytest.param("offline", id="offline"), pytest.param("retracted", id="retracted")]
)
def test_every_reference_is_visible_in_chromium(
    request: pytest.FixtureRequest, tmp_path: Path, name: str
) -> None:
    data = request.getfixturevalue(f"{name}_report")
    rows = _probed(tmp_path, data, only_problems=False).find_all("tr", "ref")
    assert Counter(r.attrs["data-key"] for r in rows) == Counter(
        r["key"] for r in _references(data)
    )
    assert {r.attrs["data-key"]: r.attrs["data-visible"] for r in rows} == {
        r["key"]: "yes" for r in _references(data)
    }


@pytest.mark.browser
@needs_chromium
def test_problem_filter_hides_clean_rows_and_the_probe_sees_it(
    tmp_path: Path, retracted_report: dict[str, Any]
) -> None:
    rows = _probed(tmp_path, retracted_report, only_problems=True).find_all("tr", "ref")
    expected = {
        r["key"]: "yes" if {f["severity"] for f in r["findings"]} & {"error", "warning"} else "no"
        for r in _references(retracted_report)
    }
    assert {r.attrs["data-key"]: r.attrs["data-visible"] for r in rows} == expected
    assert set(expected.values()) == {"yes", "no"}


@pytest.mark.browser
@needs_chromium
def test_screenshot_is_a_png_1280_wide(tmp_path: Path, retracted_report: dict[str, Any]) -> None:
    target = tmp_path / "report.html"
    target.write_text(render(retracted_report), encoding="utf-8")
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--hide-scrollbars", target.as_uri())
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1280, 2000)
    assert len(png) > 20_000  # a rendered page, not a blank one


_CLAIMS_PROBE = """<script>
const claimRows = document.querySelectorAll("table.claims tbody tr");
const inView = (part) => {
  if (part === null) return false;
  part.scrollIntoView({block: "center"});
  const box = part.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return part.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
    && box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= innerWidth
    && hit !== null && part.contains(hit);
};
for (const row of claimRows) {
  const badge = row.querySelector(".badge");
  row.dataset.visible = inView(row.querySelector("td")) ? "yes" : "no";
  row.dataset.badge = badge === null ? "none" : (inView(badge) ? "yes" : "no");
  row.dataset.colour = getComputedStyle(row).borderLeftColor;
}
for (const box of document.querySelectorAll(".possible")) {
  box.dataset.visible = inView(box.querySelector("b")) ? "yes" : "no";
}
document.body.dataset.probed = String(claimRows.length);
</script></body>"""


@pytest.mark.browser
@needs_chromium
def test_claims_view_shows_each_claim_with_its_standing_in_chromium(
    tmp_path: Path, retracted_report: dict[str, Any]
) -> None:
    page = render(retracted_report).replace("</body>", _CLAIMS_PROBE)
    target = tmp_path / "claims.html"
    target.write_text(page, encoding="utf-8")
    root = parse(_chromium(tmp_path, "--dump-dom", target.as_uri()).stdout)
    rows = [
        r
        for t in root.find_all("table", "claims")
        for r in t.find_all("tr")
        if "data-visible" in r.attrs
    ]
    claims = [c for doc in retracted_report["documents"] for c in doc["claims"]]
    assert len(rows) == len(claims) > 0
    assert {r.attrs["data-visible"] for r in rows} == {"yes"}
    assert {r.attrs["data-badge"] for r in rows} == {"yes"}  # every claim shows its standing
    # Standing is a colour too: rows of different standing get different border colours.
    by_standing: dict[str, set[str]] = {}
    for row in rows:
        standing = next(c.removeprefix("st-") for c in row.classes if c.startswith("st-"))
        by_standing.setdefault(standing, set()).add(row.attrs["data-colour"])
    assert len(by_standing) >= 2
    assert all(len(colours) == 1 for colours in by_standing.values())
    assert len({next(iter(c)) for c in by_standing.values()}) == len(by_standing)
    possible = root.find_all("div", "possible")
    suggested = sum(1 for c in claims if c.get("suggestions"))
    assert len(possible) == suggested >= 1  # the Archives of Internal Medicine claim
    assert all(box.attrs.get("data-visible") == "yes" for box in possible)
