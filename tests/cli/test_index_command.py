"""``acurefs index build|info`` and ``resolve``/``validate`` with ``--index`` and ``--scheduler``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from acurefs.cli import main
from tests.fake_crossref import fixture_records

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "docs" / "examples" / "bundled-works.jsonl"
PAIN = str(ROOT / "refs" / "acupuncture-pain-evidence.txt")


def _one_line_error(stderr: str, *fragments: str) -> None:
    assert "Traceback" not in stderr
    assert stderr.startswith("acurefs: error: ")
    assert stderr.count("\n") == 1
    for fragment in fragments:
        assert fragment in stderr


@pytest.fixture
def index(tmp_path: Path) -> Path:
    works = tmp_path / "fixtures.jsonl"
    works.write_text("".join(json.dumps(w) + "\n" for w in fixture_records()), encoding="utf-8")
    assert (
        main(["index", "build", "-q", str(tmp_path / "i.sqlite3"), str(works), str(SNAPSHOT)]) == 0
    )
    return tmp_path / "i.sqlite3"


def test_build_then_info(index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["index", "info", str(index)]) == 0
    out = capsys.readouterr().out
    assert f"works     {len(fixture_records())}" in out
    assert "notices   4" in out


def test_build_counts_and_locates_what_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "w.jsonl"
    source.write_text(
        '{"DOI": "10.5555/a", "title": ["A"]}\n{"title": ["no DOI"]}\n', encoding="utf-8"
    )
    assert main(["index", "build", str(tmp_path / "i.sqlite3"), str(source)]) == 0
    captured = capsys.readouterr()
    assert "read 2 records from 1 file" in captured.out
    assert "1 added" in captured.out
    assert f"skipped 1 record:\n  {source}:2: a work without a usable DOI" in captured.err


def test_a_missing_source_is_an_error_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "index",
                "build",
                str(tmp_path / "i.sqlite3"),
                str(SNAPSHOT),
                str(tmp_path / "nope.jsonl"),
            ]
        )
        == 2
    )
    captured = capsys.readouterr()
    assert "the index holds 10 works" in captured.out
    _one_line_error(captured.err, "nope.jsonl: no such file or directory")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["index", "info", "{missing}"], id="info"),
        pytest.param(["resolve", "--index", "{missing}", PAIN], id="resolve"),
        pytest.param(["validate", "--index", "{missing}", PAIN], id="validate"),
    ],
)
def test_a_missing_index_is_one_line(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.sqlite3")
    assert main([a.replace("{missing}", missing) for a in args]) == 2
    _one_line_error(capsys.readouterr().err, "No index at", "acurefs index build")


def test_scheduler_needs_an_index(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "--scheduler", "tcp://127.0.0.1:9", PAIN]) == 2
    _one_line_error(capsys.readouterr().err, "--scheduler needs --index")


def test_resolve_and_validate_with_the_index_touch_no_network(
    index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["resolve", "--json", "--index", str(index), PAIN]) == 0
    data = json.loads(capsys.readouterr().out)
    verdicts = [r["resolution"]["verdict"] for d in data["documents"] for r in d["references"]]
    assert "not-checked" not in verdicts
    assert verdicts.count("verified") >= 6
    assert main(["validate", "--index", str(index), "--format", "json", PAIN]) in (0, 1)
    data = json.loads(capsys.readouterr().out)
    assert data["run"]["source"]["name"] == "local-index"
    assert data["run"]["requests"] == {"total": 0}
    assert main(["validate", "--index", str(index), "--format", "text", PAIN]) in (0, 1)
    text = capsys.readouterr().out
    assert f"Local index {index.absolute().as_uri()}: no network" in text
    assert "Crossref:" not in text
    assert "OFFLINE" not in text  # a local index is not a Crossref run gone offline
    assert main(["validate", "--index", str(index), "--format", "markdown", PAIN]) in (0, 1)
    text = capsys.readouterr().out
    small_print = text.rsplit("<sub>", 1)[-1]  # Markdown escapes the path's underscores
    assert "local index file://" in small_print
    assert ", no network" in small_print
    assert "Crossref requests" not in small_print
    assert "offline" not in small_print


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # a free port on loopback: 8787 may be taken
    ) as cluster:
        yield str(cluster.scheduler_address)


@pytest.mark.parametrize("command", ["resolve", "validate"])
def test_on_a_cluster_the_output_is_the_one_process_output(
    index: Path, scheduler: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = [str(ROOT / "refs")]
    capsys.readouterr()
    alone_code = main(
        [
            command,
            "--index",
            str(index),
            "--lock",
            str(ROOT / "refs" / "acurefs.lock.json"),
            *articles,
        ]
    )
    alone = capsys.readouterr().out
    code = main(
        [
            command,
            "--index",
            str(index),
            "--scheduler",
            scheduler,
            "--lock",
            str(ROOT / "refs" / "acurefs.lock.json"),
            *articles,
        ]
    )
    assert (code, capsys.readouterr().out) == (alone_code, alone)


def test_on_a_cluster_the_workers_parse_the_articles_too(
    index: Path, scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    distributed = pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(
        "Needling eased pain in a large trial.1\n\nReferences\n1. Vickers AJ, Cronin AM. "
        "Acupuncture for chronic pain. Arch Intern Med. 2012;172(19):1444-53.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "# Notes\n\nNo references here, only advice.\n", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")  # a problem when read
    with distributed.Client(scheduler, set_as_default=False) as client:
        capsys.readouterr()
        with distributed.get_task_stream(client=client) as stream:  # every task run meanwhile
            code = main(
                [
                    "resolve",
                    "--json",
                    "--index",
                    str(index),
                    "--scheduler",
                    scheduler,
                    str(tmp_path),
                ]
            )
        out, err = capsys.readouterr()
        keys = [str(task["key"]) for task in stream.data]
    # The two articles read went to the workers to be parsed, then to be resolved.
    assert sum("parse_article" in key for key in keys) == 2
    assert sum("resolve_article" in key for key in keys) == 2
    assert code == 2  # the empty file is a problem, reported after what could be read
    data = json.loads(out)
    assert [d["name"] for d in data["documents"]] == ["a.txt", "b.md"]
    assert "empty.txt' is empty" in err
