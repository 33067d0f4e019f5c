"""acurefs validate: exit codes, drift between runs, suppressions, nightly cost."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import acurefs
from acurefs import Cache, Crossref, RetryPolicy
from acurefs.cli import main
from acurefs.document.corpus import bundled_refs_dir
from acurefs.report.job import validate
from acurefs.report.model import report_json
from acurefs.sources.limits import close_endpoints
from tests.fake_crossref import FakeCrossref
from tests.fake_crossref.fixtures import RETRACTED_DOI

MAILTO = "tests@example.org"
CLEAN = (
    "Acupuncture eases back pain.1\n\n"
    "1. Yuan J, Purepong N, Kerr DP, Park J, Bradbury I, McDonough S. Effectiveness of acupuncture "
    "for low back pain: a systematic review. Spine. 2008;33(23):E887-E900. "
    "doi:10.1097/BRS.0b013e318186b276\n"
)
RETRACTED = (
    "Acupuncture eases chronic low back pain.1\n\n"
    "1. Ferrante M, Kowalczyk A. Acupuncture reduces chronic low back pain: a randomized "
    f"sham-controlled trial. Pain Res Manag. 2015;20(2):77-84. doi:{RETRACTED_DOI}\n"
)


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACUREFS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ACUREFS_CROSSREF_URL", raising=False)


def article(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


_OPEN: list[Crossref] = []


def source(server: FakeCrossref, tmp_path: Path, **kwargs: Any) -> Crossref:
    made = Crossref(
        base_url=server.url, mailto=MAILTO, cache=Cache(tmp_path / "c.sqlite3"), **kwargs
    )
    _OPEN.append(made)
    return made


@pytest.fixture(autouse=True)
def close_sources() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(CLEAN, 0, id="clean-article"),
        pytest.param(RETRACTED, 1, id="retracted-reference"),
    ],
)
def test_exit_codes_for_content(
    crossref_server: FakeCrossref, tmp_path: Path, text: str, code: int
) -> None:
    path = article(tmp_path, text)
    argv = ["validate", str(path), "--crossref-url", crossref_server.url, "--mailto", MAILTO, "-q"]
    assert main(argv) == code


def test_exit_code_for_a_bad_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--fail-on", "sometimes"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_exit_code_when_crossref_answers_only_503(
    crossref_factory: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = crossref_factory(enforce=False)
    server.faults.always = 503
    path = article(tmp_path, CLEAN)
    # Retries back off for real: keep the run short with one retry (the command's own option).
    argv = ["validate", str(path), "--crossref-url", server.url, "--mailto", MAILTO, "-q"]
    assert main([*argv, "--retries", "1"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("acurefs: error: Crossref unreachable")
    assert err.count("\n") == 1


def test_fail_on_threshold(crossref_server: FakeCrossref, tmp_path: Path) -> None:
    path = article(tmp_path, CLEAN.replace("E887-E900", "E880-E900"))  # a pages-mismatch warning
    base = ["validate", str(path), "--crossref-url", crossref_server.url, "--mailto", MAILTO, "-q"]
    assert main(base) == 0
    assert main([*base, "--fail-on", "warning"]) == 1
    assert main([*base, "--fail-on", "never"]) == 0


def test_a_new_retraction_is_new_only_in_the_run_that_sees_it(
    crossref_server: FakeCrossref, tmp_path: Path
) -> None:
    corpus = acurefs.load_corpus()
    first = report_json(validate(corpus, source=source(crossref_server, tmp_path)))
    assert not [c for c in first["headline"]["new"] if c["code"] == "retracted"]

    crossref_server.retract(
        "10.1136/bmj.j1284", notice_doi="10.5555/fx.bmj-notice", date="2026-11-20"
    )
    second = report_json(validate(corpus, source=source(crossref_server, tmp_path), baseline=first))
    new = [c for c in second["headline"]["new"] if c["code"] == "retracted"]
    assert len(new) == 1
    assert new[0]["severity"] == "error"
    assert new[0]["key"] == "chen2017management"
    assert "New since the last run" in second["headline"]["text"]
    assert second["run"]["exit_code"] == 1

    third = report_json(validate(corpus, source=source(crossref_server, tmp_path), baseline=second))
    assert third["headline"]["new"] == []
    assert third["headline"]["text"].startswith("Nothing new since the last run")
    retracted = [
        f
        for d in third["documents"]
        for r in d["references"]
        for f in r["findings"]
        if f["code"] == "retracted"
    ]
    assert len(retracted) == 1  # still reported, just not new


def test_the_nightly_run_is_cheap(crossref_server: FakeCrossref, tmp_path: Path) -> None:
    corpus = acurefs.load_corpus()
    first = report_json(validate(corpus, source=source(crossref_server, tmp_path)))
    crossref_server.reset_log()
    second = report_json(validate(corpus, source=source(crossref_server, tmp_path), baseline=first))
    # 10 known DOIs re-checked in one batch, and one notices query: no search is sent again.
    assert second["run"]["requests"]["total"] == crossref_server.count() == 2
    assert all("query.bibliographic" not in r.params for r in crossref_server.requests)


def test_offline_validation_uses_the_lock_and_sends_nothing(tmp_path: Path) -> None:
    report = validate(
        source=Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3")), offline=True
    )
    data = report_json(report)
    assert data["run"]["requests"]["total"] == 0
    assert data["summary"]["verdicts"].get("not-checked", 0) == 0
    assert data["headline"]["new"] == []


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "bundled"
    folder.mkdir()
    for item in bundled_refs_dir().iterdir():
        if item.suffix in (".txt", ".json") and item.name != "acupuncture.json":
            shutil.copy(item, folder)
    return folder


def test_suppressions(bundled_copy: Path, tmp_path: Path) -> None:
    (bundled_copy / "acurefs.toml").write_text(
        "[[suppress]]\n"
        'reference = "kim2016safety"\ncode = "pages-missing"\n'
        'reason = "Medicine prints no article numbers"\nexpires = 2999-01-01\n\n'
        "[[suppress]]\n"
        'reference = "acupuncture-immune-system.txt#5"\ncode = "dangling-marker"\n'
        'reason = "reference 5 was removed upstream"\nexpires = 2000-01-01\n\n'
        "[[suppress]]\n"
        'reference = "nobody2020nothing"\ncode = "title-mismatch"\nreason = "stale"\n',
        encoding="utf-8",
    )
    corpus = acurefs.load_corpus(bundled_copy)
    report = validate(
        corpus, source=Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3")), offline=True
    )
    assert [s.finding.code for s in report.suppressed] == ["pages-missing"]
    assert {n.code for n in report.notes} == {"suppression-expired", "suppression-unused"}
    assert "pages-missing" not in {f.code for f in report.findings}
    assert "dangling-marker" in {
        f.code for f in report.findings
    }  # the expired one silences nothing
    data = report_json(report)
    assert data["summary"]["suppressed"] == 1
    kim = next(r for d in data["documents"] for r in d["references"] if r["key"] == "kim2016safety")
    assert kim["suppressed"][0]["suppression"]["reason"] == "Medicine prints no article numbers"


def test_update_lock_accepts_the_current_state(
    crossref_server: FakeCrossref, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = article(tmp_path, CLEAN)
    lock = tmp_path / "articles" / "acurefs.lock.json"
    argv = ["validate", str(path), "--crossref-url", crossref_server.url, "--mailto", MAILTO, "-q"]
    assert main([*argv, "--update-lock"]) == 0
    data = json.loads(lock.read_text(encoding="utf-8"))
    assert [r["doi"] for r in data["references"]] == ["10.1097/brs.0b013e318186b276"]
    capsys.readouterr()
    assert main([*argv, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["run"]["compared_with"]["kind"] == "lock"
    assert report["headline"]["new"] == []


def test_a_damaged_baseline_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "old.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["validate", "--offline", "--baseline", str(bad), "-q"]) == 2
    assert "not an acurefs JSON report" in capsys.readouterr().err


def test_ctrl_c_writes_a_partial_report(crossref_factory: Any, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    # Answers far slower than the wait below: the interrupt lands while requests are in
    # flight however many the client sends at once.
    server = crossref_factory(latency=5.0)
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(bundled_refs_dir() / "acupuncture-pain-evidence.txt", folder)
    out = tmp_path / "report.json"
    env = dict(os.environ, ACUREFS_CACHE_DIR=str(tmp_path / "cache"))
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "acurefs",
            "validate",
            str(folder),
            "--crossref-url",
            server.url,
            "--mailto",
            MAILTO,
            "-q",
            "--format",
            "json",
            "-o",
            str(out),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell that runs the suite in the background (nohup ... &) starts it with SIGINT
        # ignored, and children inherit that: give the child the default, as a terminal does.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    started = time.monotonic()
    while server.peak_in_flight() < 1 and time.monotonic() < started + 20:
        time.sleep(0.05)  # until the first request has reached the server
    waited = time.monotonic() - started
    finished_first = child.poll() is not None
    child.send_signal(signal.SIGINT)
    output, err = child.communicate(timeout=30)
    seen = f"waited {waited:.1f} s, requests {server.count()}, exited first: {finished_first}"
    assert child.returncode == 130, f"{seen}; stdout {output[-500:]!r}; stderr {err[-500:]!r}"
    assert "Traceback" not in err
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["run"]["partial"] is True
    verdicts = [r["resolution"]["verdict"] for d in report["documents"] for r in d["references"]]
    assert len(verdicts) == 8
    assert "not-checked" in verdicts


def test_a_structural_finding_can_be_suppressed(bundled_copy: Path, tmp_path: Path) -> None:
    (bundled_copy / "acurefs.toml").write_text(
        "[[suppress]]\n"
        'reference = "acupuncture-immune-system.txt#5"\ncode = "dangling-marker"\n'
        'reason = "reference 5 was removed on purpose"\n',
        encoding="utf-8",
    )
    corpus = acurefs.load_corpus(bundled_copy)
    offline = Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3"))
    report = validate(corpus, source=offline, offline=True)
    assert "dangling-marker" not in {f.code for f in report.findings}
    assert [s.finding.code for s in report.suppressed] == ["dangling-marker"]
    assert report.notes == ()
    assert report.exit_code == 0


def test_formats_pair_with_the_output_after_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "r.json", tmp_path / "r.sarif"
    argv = ["validate", "--offline", "-q", "-o", str(first), "--format", "sarif", "-o", str(second)]
    main(argv)
    assert json.loads(first.read_text(encoding="utf-8"))["report_version"] == 1
    assert json.loads(second.read_text(encoding="utf-8"))["version"] == "2.1.0"
    capsys.readouterr()
    main(["validate", "--offline", "-q", "-o", str(first), "--format", "markdown"])
    assert json.loads(first.read_text(encoding="utf-8"))["report_version"] == 1
    assert capsys.readouterr().out.startswith("## acurefs")


def test_a_refusing_crossref_is_exit_3(
    crossref_factory: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = crossref_factory(enforce=False)
    server.faults.always = 400
    path = article(tmp_path, CLEAN)
    argv = ["validate", str(path), "--crossref-url", server.url, "--mailto", MAILTO, "-q"]
    assert main(argv) == 3
    assert capsys.readouterr().err.startswith("acurefs: error: Crossref refused")


def test_without_a_lock_the_last_runs_dois_are_checked_again(
    crossref_server: FakeCrossref, tmp_path: Path
) -> None:
    # No DOI printed and no lockfile: the DOI comes from a search, then from the baseline.
    text = CLEAN.replace(" doi:10.1097/BRS.0b013e318186b276", "")
    corpus = acurefs.load_corpus(article(tmp_path, text))
    first = report_json(
        validate(corpus, source=source(crossref_server, tmp_path), lock=acurefs.Lock(()))
    )
    crossref_server.retract("10.1097/brs.0b013e318186b276", notice_doi="10.5555/fx.spine-notice")
    crossref_server.reset_log()
    second = report_json(
        validate(
            corpus, source=source(crossref_server, tmp_path), lock=acurefs.Lock(()), baseline=first
        )
    )
    assert [c["code"] for c in second["headline"]["new"]] == ["retracted"]
    assert all("query.bibliographic" not in r.params for r in crossref_server.requests)


def test_a_partial_baseline_reports_nothing_new_about_unchecked_references(
    crossref_server: FakeCrossref, tmp_path: Path
) -> None:
    corpus = acurefs.load_corpus()
    full = report_json(validate(corpus, source=source(crossref_server, tmp_path)))
    partial = json.loads(json.dumps(full))
    for doc in partial["documents"]:
        for ref in doc["references"]:
            ref["resolution"]["verdict"] = "not-checked"
            ref["findings"] = []
    after = report_json(
        validate(corpus, source=source(crossref_server, tmp_path), baseline=partial)
    )
    assert after["headline"]["new"] == []


# --- a run that could not do its job does not pass ---------------------------------------------


@pytest.fixture
def fresh_endpoints() -> Iterator[None]:
    """No limits learnt nor connections kept from other tests (a port can come back)."""
    close_endpoints()
    yield
    close_endpoints()


def test_an_offline_run_that_checks_nothing_exits_3_and_writes_its_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = article(tmp_path, CLEAN)  # no lock beside it, and an empty cache
    report_file = tmp_path / "report.json"
    code = main(["validate", "--offline", "-q", str(path), "--format", "text", "-o", "-"])
    out, err = capsys.readouterr()
    assert code == 3
    assert err == (
        "acurefs: error: no reference could be checked: offline, and neither the cache nor "
        "the lock knows them\n"
    )
    head = out.splitlines()[:4]
    assert any(line.startswith("OFFLINE: ") for line in head), out
    assert any(line.startswith("NOTHING CHECKED: ") for line in head), out
    assert main(["validate", "--offline", "-q", str(path), "-o", str(report_file)]) == 3
    data = json.loads(report_file.read_text(encoding="utf-8"))
    assert data["run"]["exit_code"] == 3
    assert data["summary"]["verdicts"] == {"not-checked": 1}
    capsys.readouterr()


def test_an_offline_run_that_checks_something_passes(tmp_path: Path) -> None:
    report = validate(
        source=Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3")), offline=True
    )  # the bundled corpus and its lock
    assert report.exit_code == 1  # its dangling marker, as ever
    assert report.run.reason is None
    assert "OFFLINE: " in report.render("text").splitlines()[1]


def test_acurefs_offline_must_be_a_boolean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACUREFS_OFFLINE", "maybe")
    path = article(tmp_path, CLEAN)
    assert main(["validate", "-q", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("acurefs: error: ACUREFS_OFFLINE='maybe' is not a boolean")
    monkeypatch.setenv("ACUREFS_OFFLINE", "Yes")  # read as offline, not as online
    assert main(["validate", "-q", str(path)]) == 3
    assert "offline" in capsys.readouterr().err


def _losing_server(crossref_factory: Any) -> FakeCrossref:
    """The fixture records, answering four requests, then 503 to everything."""
    server: FakeCrossref = crossref_factory(enforce=False, latency=0.02)
    server.faults.fail_after(4, status=503)
    return server


def test_a_source_lost_mid_run_makes_a_partial_report_that_exits_3(
    crossref_factory: Any, tmp_path: Path, fresh_endpoints: None
) -> None:
    server = _losing_server(crossref_factory)
    corpus = acurefs.load_corpus()
    lost = Crossref(
        base_url=server.url,
        mailto=MAILTO,
        cache=Cache(tmp_path / "c.sqlite3"),
        retry=RetryPolicy(attempts=2, base=0.05, cap=0.1),
    )
    _OPEN.append(lost)
    report = validate(corpus, source=lost, lock=acurefs.Lock(()))
    returned = time.monotonic()
    assert report.exit_code == 3
    assert report.run.partial is True
    assert report.run.reason is not None
    assert report.run.reason.startswith("Crossref unreachable after 2 attempts")
    assert "the report is partial" in report.run.reason
    data = report_json(report)
    assert data["run"]["partial"] is True
    assert data["run"]["exit_code"] == 3
    unchecked = [
        r for d in data["documents"] for r in d["references"]
        if r["resolution"]["verdict"] == "not-checked"
    ]  # fmt: skip
    assert unchecked
    assert all([f["code"] for f in r["findings"]] == ["not-checked"] for r in unchecked)
    assert 0 < len(unchecked) < data["summary"]["references"]
    text = report.render("text").splitlines()
    assert text[1].startswith("PARTIAL: the source failed during the run (Crossref unreachable")
    time.sleep(0.3)
    assert all(r.started <= returned for r in server.requests)


def test_the_command_reports_a_lost_source_in_one_line_and_writes_the_report(
    crossref_factory: Any, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    server = _losing_server(crossref_factory)
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(bundled_refs_dir() / "acupuncture-pain-evidence.txt", folder)
    out = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACUREFS_")}
    env["ACUREFS_CACHE_DIR"] = str(tmp_path / "cache")
    argv = ["validate", str(folder), "--crossref-url", server.url, "--mailto", MAILTO]
    argv += ["--sources", "crossref"]  # the child must not ask NCBI's real address
    child = subprocess.run(  # a real process: no test harness catches what it logs
        [sys.executable, "-m", "acurefs", *argv, "--retries", "1", "-q", "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 3, child.stderr
    assert child.stderr.count("\n") == 1, child.stderr
    assert child.stderr.startswith("acurefs: error: Crossref unreachable after 2 attempts")
    assert "the report is partial" in child.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["run"]["partial"] is True
    assert report["run"]["exit_code"] == 3
    assert child.stdout == report["headline"]["text"] + "\n"


def test_a_partial_run_does_not_update_the_lock(
    crossref_factory: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fresh_endpoints: None,
) -> None:
    server = _losing_server(crossref_factory)
    path = article(tmp_path, CLEAN.replace(" doi:10.1097/BRS.0b013e318186b276", ""))
    argv = ["validate", str(path), "--crossref-url", server.url, "--mailto", MAILTO, "-q"]
    server.faults.always = 503
    assert main([*argv, "--retries", "0", "--update-lock"]) == 3
    assert not (path.parent / "acurefs.lock.json").exists()
    capsys.readouterr()


def test_a_list_per_section_is_cited_by_its_own_section(tmp_path: Path) -> None:
    folder = tmp_path / "two-lists"
    folder.mkdir()
    (folder / "digest.md").write_text(
        "## Sleep\n\nNeedling helped sleep.[1]\n\n### References\n\n"
        "1. Doe J. Sleep and needling. Sleep Med. 2010;1:1-9.\n\n"
        "## Knees\n\nExercise helped knees.[1] Weight loss helped too.[2]\n\n### References\n\n"
        "1. Roe K. Knees and exercise. BMJ. 2012;2:3-4.\n"
        "2. Poe L. Knees and weight. Lancet. 2013;3:5-6.\n",
        encoding="utf-8",
    )
    report = validate(
        acurefs.load_corpus(folder),
        source=Crossref(offline=True, cache=Cache(tmp_path / "c.sqlite3")),
        offline=True,
    )
    (doc,) = report_json(report)["documents"]
    assert [(r["number"], r["cited_by"]) for r in doc["references"]] == [
        (1, [3]),
        (1, [11]),  # not line 3: that 1 is the first list's
        (2, [11]),
    ]
