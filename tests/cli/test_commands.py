"""The ``acurefs`` command: a thin layer over the public API, one-line errors, no tracebacks."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import bibtexparser
import pytest

import acurefs
from acurefs.cli import main
from acurefs.document.corpus import bundled_refs_dir

REFS_DIR = Path(__file__).resolve().parents[2] / "refs"
PAIN = "acupuncture-pain-evidence.txt"
IMMUNE = "acupuncture-immune-system.txt"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """The two bundled articles with references, copied where no lockfile is."""
    directory = tmp_path / "articles"
    directory.mkdir()
    for name in (PAIN, IMMUNE):
        shutil.copy(REFS_DIR / name, directory / name)
    return directory


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACUREFS_")}
    return subprocess.run(
        [sys.executable, "-m", "acurefs", *args],
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=env,
        check=False,
    )


def _assert_one_line_error(stderr: str, *fragments: str) -> None:
    assert "Traceback" not in stderr
    assert stderr.startswith("acurefs: error: ")
    assert stderr.endswith("\n")
    assert stderr.count("\n") == 1
    for fragment in fragments:
        assert fragment in stderr


# --- help and version ----------------------------------------------------------------------------


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("check", "claims", "refs", "bib"):
        assert command in out
    assert "bundled corpus" in out


@pytest.mark.parametrize(
    "command", [pytest.param(c, id=c) for c in ("check", "claims", "refs", "bib")]
)
def test_command_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: acurefs {command}" in out
    assert "--input-format" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"acurefs {acurefs.__version__}\n"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: acurefs" in capsys.readouterr().out


# --- check ----------------------------------------------------------------------------------------


def test_check_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    for name in (PAIN, IMMUNE, "how-does-acupuncture-work.txt"):
        assert name in out
    assert "5 articles, " in out.splitlines()[-1]
    assert " 13 references, " in out.splitlines()[-1]
    assert "dangling-marker" in out


def test_check_without_path_says_which_copy_of_the_corpus_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "refs").mkdir()  # a checkout's own refs/, which is not what is read
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    (note,) = capsys.readouterr().err.splitlines()
    assert note == (
        f"acurefs: no PATH given: reading the bundled corpus at {bundled_refs_dir().resolve()} "
        f"(not ./refs: give refs to check {(tmp_path / 'refs').resolve()})"
    )
    assert main(["check", "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_check_json_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["acurefs"] == acurefs.__version__
    assert data["summary"]["documents"] == 5
    assert data["summary"]["references"] == 13
    assert data["summary"]["findings"]["error"] >= 1


def test_check_text(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(articles)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (
        "2 articles, 45 claims (16 cited), 13 references, 1 error, 22 warnings"
    )  # the warnings: 16 evidential claims without a source, 6 about the references
    assert out.count("uncited-claim") == 16
    assert "top of page" not in out  # site chrome is not a claim
    assert "[5] (no such reference)" in out
    assert "chen2017management" in out


def test_check_json_single_file(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(articles / PAIN)]) == 0
    data = json.loads(capsys.readouterr().out)
    (document,) = data["documents"]
    assert document["name"] == PAIN
    assert document["counts"] == {"claims": 26, "cited_claims": 10, "markers": 11, "references": 8}
    assert [c["numbers"] for c in document["claims"]][:3] == [[1], [1], [1]]
    assert {f["code"] for f in document["findings"]} == {"uncited-claim"}


def test_check_all_claims(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--json", "--all-claims", str(articles / PAIN)])
    assert len(json.loads(capsys.readouterr().out)["documents"][0]["claims"]) == 26


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        pytest.param("never", 0, id="never"),
        pytest.param("error", 1, id="error"),
        pytest.param("warning", 1, id="warning"),
    ],
)
def test_check_fail_on(
    articles: Path, fail_on: str, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--fail-on", fail_on, str(articles / IMMUNE)]) == code
    # The pain article's only warnings are evidential claims without a source.
    assert main(["check", "--fail-on", fail_on, str(articles / PAIN)]) == (fail_on == "warning")
    capsys.readouterr()


def test_check_several_paths(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(articles / PAIN), str(articles / IMMUNE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data["documents"]] == [PAIN, IMMUNE]


def test_check_format_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<p>Pain eases.<sup>1</sup></p>", encoding="utf-8")
    assert main(["check", "--json", "--input-format", "html", str(path)]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert document["format"] == "html"
    assert [f["code"] for f in document["findings"]] == ["dangling-marker"]


# --- claims, refs, bib -----------------------------------------------------------------------------


def test_claims(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", str(articles / PAIN)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 26
    assert lines[0].startswith(f"{PAIN}:1: sentence  [1]")
    assert lines[0].endswith("medical procedures.")


def test_claims_cited_json(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--cited", "--json", str(articles / IMMUNE)]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert [c["numbers"] for c in document["claims"]] == [[1], [2], [2], [3], [4], [5, 6]]
    assert document["claims"][-1]["dangling"] == [5]


def test_refs(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refs", str(articles / PAIN)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{PAIN}:32: [1] journal-article\n")
    assert "    authors    Chen L, Michalsen A\n" in out
    assert "    journal    BMJ\n" in out


def test_refs_json(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refs", "--json", str(articles)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["references"] == 13
    assert all(d["claims"] == [] for d in data["documents"])


def test_bib_to_stdout(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bib", str(articles)]) == 0
    out = capsys.readouterr().out
    library = bibtexparser.parse_string(out)
    assert library.failed_blocks == []
    assert len(library.entries) == 13
    assert out == acurefs.to_bibtex(acurefs.load_corpus(articles).references)


def test_bib_to_file(articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.bib"
    assert main(["bib", "-o", str(target), str(articles / PAIN)]) == 0
    assert capsys.readouterr().out == ""
    entries = bibtexparser.parse_string(target.read_text(encoding="utf-8")).entries
    assert entries[0].key == "chen2017management"


def test_bib_csl(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bib", "--csl", str(articles / PAIN)]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 8
    assert items[0]["id"] == "chen2017management"
    assert items[0]["type"] == "article-journal"


def test_bib_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bib"]) == 0
    library = bibtexparser.parse_string(capsys.readouterr().out)
    assert library.failed_blocks == []
    assert len(library.entries) == 13


def test_bib_to_unwritable_place(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bib", "-o", str(tmp_path / "no" / "such" / "dir.bib"), str(articles)]) == 2
    captured = capsys.readouterr()
    _assert_one_line_error(captured.err, "Cannot write")


# --- stdin ------------------------------------------------------------------------------------------


def test_stdin_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, (REFS_DIR / PAIN).read_bytes())
    assert main(["claims", "--cited", "--json", "-"]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert document["name"] == "<stdin>"
    assert len(document["claims"]) == 10


def test_stdin_html_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"<!DOCTYPE html><p>Pain eases.<sup>1</sup></p>")
    assert main(["check", "--json", "-"]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert document["format"] == "html"
    assert document["counts"]["markers"] == 1


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(b"", "'<stdin>' is empty", id="empty"),
        pytest.param(b"\x00\x01\x02", "binary", id="binary"),
        pytest.param(b"caf\xe9", "not UTF-8", id="invalid-utf8"),
    ],
)
def test_stdin_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, fragment: str
) -> None:
    _stdin(monkeypatch, data)
    assert main(["check", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    _assert_one_line_error(captured.err, fragment)


# --- errors through main() ------------------------------------------------------------------------


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Café au lait.".encode("latin-1"))
    (tmp_path / "no-articles").mkdir()
    (tmp_path / "no-articles" / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Pain eases.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        pytest.param(["check", "{dir}/missing.txt"], "No such file", id="missing-file"),
        pytest.param(["claims", "{dir}/no-articles"], "holds no articles", id="no-articles"),
        pytest.param(["refs", "{dir}/empty.txt"], "is empty", id="empty-file"),
        pytest.param(["check", "{dir}/blank.md"], "is empty", id="blank-file"),
        pytest.param(["bib", "{dir}/binary.txt"], "binary", id="binary-file"),
        pytest.param(["check", "{dir}/latin1.txt"], "not UTF-8", id="invalid-utf8"),
        pytest.param(
            ["check", "--input-format", "pdf", "{dir}/good.txt"],
            "Unknown document format 'pdf'",
            id="format",
        ),
        pytest.param(["check", "--input-format", "docx"], "'docx'", id="format-without-path"),
        pytest.param(
            ["check", "{dir}/good.txt", "{dir}/missing.md"], "missing.md", id="second-path-missing"
        ),
    ],
)
def test_input_errors(
    bad_inputs: Path, capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    argv = [a.format(dir=bad_inputs) for a in args]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    _assert_one_line_error(captured.err, fragment)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param(["--frobnicate"], id="unknown-option"),
        pytest.param(["check", "--frobnicate"], id="unknown-command-option"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    _assert_one_line_error(capsys.readouterr().err)


def test_bad_choice_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--fail-on", "sometimes"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "sometimes" in err


# --- as a process --------------------------------------------------------------------------------


def test_process_check_bundled_corpus(tmp_path: Path) -> None:
    result = _run("check", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["documents"] == 5
    assert data["summary"]["references"] == 13


def test_process_stdin(tmp_path: Path) -> None:
    result = _run("claims", "--cited", "-", stdin=(REFS_DIR / IMMUNE).read_bytes(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("<stdin>:") == 6


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        pytest.param(["check", "missing.txt"], "No such file", id="missing-file"),
        pytest.param(["check", "binary.txt"], "binary", id="binary-file"),
        pytest.param(["refs", "latin1.txt"], "not UTF-8", id="invalid-utf8"),
        pytest.param(["bib", "no-articles"], "holds no articles", id="no-articles"),
        pytest.param(["check", "--input-format", "rtf", "good.txt"], "'rtf'", id="unknown-format"),
    ],
)
def test_process_errors(bad_inputs: Path, args: list[str], fragment: str) -> None:
    result = _run(*args, cwd=bad_inputs)
    assert result.returncode == 2
    assert result.stdout == ""
    _assert_one_line_error(result.stderr, fragment)


def test_process_empty_stdin(tmp_path: Path) -> None:
    result = _run("check", "-", stdin=b"", cwd=tmp_path)
    assert result.returncode == 2
    _assert_one_line_error(result.stderr, "empty")


def test_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("acurefs")
    if not script.exists():
        pytest.skip(f"no console script beside {sys.executable}")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stdout == f"acurefs {acurefs.__version__}\n"
    result = subprocess.run(
        [str(script), "check", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    _assert_one_line_error(result.stderr, "No such file")


# --- one bad input does not hide the others --------------------------------------------------------

GOOD = (
    "Acupuncture eases chronic pain.1\n\n"
    "1. Chen L, Michalsen A. Management of chronic pain using complementary and integrative "
    "medicine. BMJ. 2017;357:j1284.\n"
)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """good.txt, empty.md and binary.txt side by side."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return folder


def _error_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert all(line.startswith("acurefs: error: ") for line in lines), stderr
    return lines


@pytest.mark.parametrize(
    ("command", "shows_good"),
    [
        pytest.param(["check"], lambda out: "good.txt" in out, id="check"),
        pytest.param(["claims"], lambda out: out.startswith("good.txt:1:"), id="claims"),
        pytest.param(["refs"], lambda out: out.startswith("good.txt:3: [1]"), id="refs"),
        pytest.param(["bib"], lambda out: "@article{chen2017management," in out, id="bib"),
        pytest.param(
            ["resolve", "--offline", "--cache-dir", "{cache}"],
            lambda out: out.startswith("good.txt\n"),
            id="resolve",
        ),
    ],
)
def test_every_readable_file_is_reported_and_each_bad_one_is_a_line(
    mixed: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    shows_good: Any,
) -> None:
    argv = [a.format(cache=tmp_path / "cache") for a in command]
    paths = [str(mixed / "good.txt"), str(mixed / "empty.md"), str(mixed / "binary.txt")]
    assert main([*argv, *paths]) == 2
    out, err = capsys.readouterr()
    assert shows_good(out), out
    assert _error_lines(err) == [
        f"acurefs: error: {str(mixed / 'empty.md')!r} is empty",
        f"acurefs: error: {str(mixed / 'binary.txt')!r} looks like a binary file, not an article",
    ]


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["check"], id="check"),
        pytest.param(["claims"], id="claims"),
        pytest.param(["refs"], id="refs"),
        pytest.param(["resolve", "--offline", "--cache-dir", "{cache}"], id="resolve"),
    ],
)
def test_json_carries_an_error_entry_per_bad_file(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    argv = [a.format(cache=tmp_path / "cache") for a in command]
    assert main([*argv, "--json", str(mixed / "good.txt"), str(mixed / "empty.md")]) == 2
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data["documents"]] == ["good.txt"]
    assert data["errors"] == [
        {"path": str(mixed / "empty.md"), "error": f"{str(mixed / 'empty.md')!r} is empty"}
    ]


def test_json_without_bad_files_has_no_errors(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--json", str(articles)]) == 0
    assert json.loads(capsys.readouterr().out)["errors"] == []


def test_a_bad_file_in_a_directory_does_not_hide_the_others(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--json", str(mixed)]) == 2
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data["documents"]] == ["good.txt"]
    assert sorted(e["path"] for e in data["errors"]) == [
        str(mixed / "binary.txt"),
        str(mixed / "empty.md"),
    ]


def test_a_directory_without_articles_is_an_error_line_beside_the_others(
    bad_inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["refs", str(bad_inputs / "good.txt"), str(bad_inputs / "no-articles")])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == "\n"  # good.txt has no references: an empty listing
    (line,) = _error_lines(err)
    assert "no-articles" in line
    assert "holds no articles" in line


def test_validate_reports_the_readable_files_and_exits_at_least_2(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mixed / "good.txt").unlink()
    for name in (PAIN, "acurefs.lock.json"):
        shutil.copy(REFS_DIR / name, mixed / name)
    report = tmp_path / "report.json"
    argv = ["validate", "--offline", "-q", "--cache-dir", str(tmp_path / "cache")]
    code = main([*argv, str(mixed), "-o", str(report), "--update-lock"])
    out, err = capsys.readouterr()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [d["name"] for d in data["documents"]] == [PAIN]
    assert data["run"]["exit_code"] == 0  # the lock knows every reference of the article
    assert code == 2  # the worse of the report's 0 and the unreadable files' 2
    assert out == data["headline"]["text"] + "\n"
    lines = err.splitlines()
    assert lines[0] == (
        "acurefs: the lockfile was not updated: some articles could not be read, "
        "and their references would be dropped"
    )
    assert len(_error_lines("\n".join(lines[1:]))) == 2


def test_validate_exit_code_is_the_worse_of_the_report_and_the_inputs(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["validate", "--offline", "-q", "--cache-dir", str(tmp_path / "cache"), str(mixed)]
    assert main(argv) == 3  # nothing could be checked (no lock, no cache): 3 beats 2
    err = capsys.readouterr().err
    assert "no reference could be checked" in err
    assert err.count("\n") == 3


# --- -r/--recursive -----------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """top.txt, 2024/index.md, 2024/deep/index.md, and hidden or non-article files."""
    root = tmp_path / "site"
    for relative in ("top.txt", "2024/index.md", "2024/deep/index.md", ".git/HEAD.txt"):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOOD, encoding="utf-8")
    (root / "2024" / "README.md").write_text("# Notes\n", encoding="utf-8")
    (root / "2024" / "data.csv").write_text("a,b\n", encoding="utf-8")
    (root / "_drafts").mkdir()
    (root / "_drafts" / "draft.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty").mkdir()
    return root


def test_a_directory_is_read_flat_without_recursive(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--json", str(tree)]) == 0
    assert [d["name"] for d in json.loads(capsys.readouterr().out)["documents"]] == ["top.txt"]


@pytest.mark.parametrize(
    "flag", [pytest.param("-r", id="r"), pytest.param("--recursive", id="long")]
)
def test_recursive_reads_subdirectories_too(
    tree: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    assert main(["check", "--json", flag, str(tree)]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert [d["name"] for d in documents] == ["top.txt", "2024/index.md", "2024/deep/index.md"]
    assert documents[2]["path"] == str(tree / "2024" / "deep" / "index.md")


def test_recursive_finds_articles_only_below(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "only.md").write_text(GOOD, encoding="utf-8")
    assert main(["refs", str(tmp_path / "a")]) == 2
    assert "holds no articles" in capsys.readouterr().err
    assert main(["refs", "-r", str(tmp_path / "a")]) == 0
    assert capsys.readouterr().out.startswith("b/only.md:3: [1]")


def test_recursive_with_no_article_anywhere_is_an_error_line(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "-r", str(tree / "empty")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = _error_lines(captured.err)
    assert "holds no articles (nor do its subdirectories)" in line
