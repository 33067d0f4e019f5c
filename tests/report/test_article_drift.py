"""The nightly job's headline covers an article's own findings (claims, markers), not only
its references' findings, and a writer can silence one claim's finding."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import acurefs
from acurefs import Cache, Crossref
from acurefs.document.corpus import bundled_refs_dir
from acurefs.models import Finding, Severity
from acurefs.report.drift import ChangeKind, finding_changes, finding_state
from acurefs.report.job import validate
from acurefs.report.model import report_json
from acurefs.report.schema import ReportJSON

ARTICLE = "how-does-acupuncture-work.txt"
PLANTED = "A 2019 trial of 412 adults found that acupuncture cut migraine days by half."


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACUREFS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ACUREFS_CROSSREF_URL", raising=False)


@pytest.fixture
def articles(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for item in bundled_refs_dir().iterdir():
        if item.suffix in (".txt", ".json") and item.name != "acupuncture.json":
            shutil.copy(item, folder)
    return folder


def night(folder: Path, tmp_path: Path, baseline: ReportJSON | None = None) -> ReportJSON:
    offline = Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3"))
    report = validate(acurefs.load_corpus(folder), source=offline, offline=True, baseline=baseline)
    return report_json(report)


def claim_changes(data: ReportJSON) -> list[dict[str, object]]:
    return [dict(c) for c in data["headline"]["new"] if c["code"] == "uncited-claim"]


def test_a_new_uncited_claim_is_new_once_and_its_going_is_news(
    articles: Path, tmp_path: Path
) -> None:
    first = night(articles, tmp_path)
    assert claim_changes(first) == []  # a first run compares with the lock: no claims there

    # Night 2: the writer adds an unsourced finding at the top: every claim below moves down.
    path = articles / ARTICLE
    original = path.read_text(encoding="utf-8")
    path.write_text(f"{PLANTED}\n\n{original}", encoding="utf-8")
    second = night(articles, tmp_path, baseline=first)
    new = claim_changes(second)
    assert len(new) == 1, new
    assert new[0]["kind"] == "new-finding"
    assert new[0]["severity"] == "warning"
    assert new[0]["document"] == ARTICLE
    assert new[0]["line"] == 1
    assert new[0]["detail"] == {"claim": PLANTED}
    assert (
        "uncited-claim" in second["headline"]["text"] or "new-finding" in second["headline"]["text"]
    )
    text = acurefs.report.formats.render_report(second, "text")
    assert f"{ARTICLE}:L1" in text

    # Night 3: nothing changed, nothing is new (the claim is still reported, not as news).
    third = night(articles, tmp_path, baseline=second)
    assert third["headline"]["new"] == []
    still = [
        f for d in third["documents"] for f in d["findings"] if f["detail"].get("claim") == PLANTED
    ]
    assert [f["code"] for f in still] == ["uncited-claim"]

    # Night 4: the writer removes it again.
    path.write_text(original, encoding="utf-8")
    fourth = night(articles, tmp_path, baseline=third)
    gone = claim_changes(fourth)
    assert [(c["kind"], c["severity"]) for c in gone] == [("finding-gone", "info")]
    assert PLANTED[:40] in str(gone[0]["message"])


def test_a_claim_finding_can_be_suppressed_by_the_claims_words(
    articles: Path, tmp_path: Path
) -> None:
    path = articles / ARTICLE
    path.write_text(f"{PLANTED}\n\n{path.read_text(encoding='utf-8')}", encoding="utf-8")
    (articles / "acurefs.toml").write_text(
        "[[suppress]]\n"
        'claim = "cut  migraine days BY HALF"\n'  # spacing and case aside
        f'document = "{ARTICLE}"\n'
        'code = "uncited-claim"\nreason = "the trial is linked under the article"\n\n'
        "[[suppress]]\n"
        'claim = "cut migraine days by half"\ndocument = "another.txt"\n'
        'code = "uncited-claim"\nreason = "wrong article: silences nothing"\n',
        encoding="utf-8",
    )
    offline = Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3"))
    report = validate(acurefs.load_corpus(articles), source=offline, offline=True)
    silenced = [s.finding for s in report.suppressed]
    assert [f.detail["claim"] for f in silenced] == [PLANTED]
    assert PLANTED not in {f.detail.get("claim") for f in report.findings}
    unused = [n for n in report.notes if n.code == "suppression-unused"]
    assert len(unused) == 1
    assert "the claim 'cut migraine days by half' in another.txt" in unused[0].message
    # Other uncited claims of the article are still reported.
    assert any(f.code == "uncited-claim" and f.document == ARTICLE for f in report.findings)


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        (
            'reference = "a#1"\nclaim = "x"\ncode = "uncited-claim"\nreason = "r"\n',
            "names both a reference and a claim",
        ),
        ('document = "a.txt"\nreference = "a#1"\ncode = "c"\nreason = "r"\n', "but no claim"),
        ('code = "uncited-claim"\nreason = "r"\n', "has no reference (or claim)"),
    ],
)
def test_a_claim_suppression_is_checked(tmp_path: Path, toml: str, problem: str) -> None:
    config = tmp_path / "acurefs.toml"
    config.write_text("[[suppress]]\n" + toml, encoding="utf-8")
    with pytest.raises(acurefs.ConfigError, match=re.escape(problem)):
        acurefs.report.suppressions.load_config(config)


def _uncited(line: int, claim: str, document: str = "a.txt") -> Finding:
    return Finding(
        "uncited-claim",
        Severity.WARNING,
        "Evidential claim without a source (number)",
        document=document,
        line=line,
        detail={"claim": claim},
    )


def test_findings_are_matched_by_the_claims_words_and_counted() -> None:
    before = [
        finding_state(_uncited(3, "Two in five adults snore.")),
        finding_state(_uncited(9, "X")),
    ]
    after = [
        finding_state(_uncited(30, "Two  in five adults snore.")),  # moved, respaced
        finding_state(_uncited(40, "X")),
        finding_state(_uncited(41, "X")),  # the same sentence twice: the second is new
    ]
    changes = finding_changes(before, after)
    assert [(c.kind, c.line) for c in changes] == [(ChangeKind.NEW_FINDING, 41)]
    gone = finding_changes(after, before)
    assert [(c.kind, c.line) for c in gone] == [(ChangeKind.FINDING_GONE, 41)]
    # A structural finding has no claim: its message (numbers, never lines) identifies it.
    dangling = Finding(
        "dangling-marker", Severity.ERROR, "Marker '[5]' cites reference 5", "a.txt", 7, number=5
    )
    moved = Finding(
        "dangling-marker", Severity.ERROR, "Marker '[5]' cites reference 5", "a.txt", 70, number=5
    )
    assert finding_changes([finding_state(dangling)], [finding_state(moved)]) == []
