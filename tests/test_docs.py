"""The documentation's examples run, and print what the documentation says they print.

Each page is a session: its ``python`` blocks run in order in one namespace, from the
repository root, and a block followed by a ``text`` block must print that text (lines
compared with trailing spaces dropped; ``...`` in the expected text stands for anything,
whole lines included). A block that does not compile is a signature, not an example, and is skipped.
Examples that talk to Crossref use the loopback server of the test suite: its address in a
page (``http://127.0.0.1:8765``) is replaced by the running server's.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_crossref import FakeCrossref, fixture_records

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCUMENTED_SERVER = "http://127.0.0.1:8765"
_BLOCK = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```\s*$", re.S | re.M)


def examples(page: Path) -> list[tuple[str, str | None]]:
    """(code, expected output or None) for each python block of a page, in order."""
    blocks = [
        (m.group("lang"), m.group("body"), m.end())
        for m in _BLOCK.finditer(page.read_text("utf-8"))
    ]
    text = page.read_text("utf-8")
    out: list[tuple[str, str | None]] = []
    for i, (lang, body, end) in enumerate(blocks):
        if lang != "python":
            continue
        expected = None
        if i + 1 < len(blocks) and blocks[i + 1][0] == "text":
            between = text[end : text.index("```text", end)]
            if not between.strip():
                expected = blocks[i + 1][1]
        out.append((body, expected))
    return out


def _matches(expected: str, actual: str) -> bool:
    want = [line.rstrip() for line in expected.rstrip("\n").split("\n")]
    got = [line.rstrip() for line in actual.rstrip("\n").split("\n")]
    pattern = "\n".join(re.escape(line).replace(re.escape("..."), ".*?") for line in want)
    return re.fullmatch(pattern, "\n".join(got), re.S) is not None


@pytest.fixture
def in_root(tmp_path: Path) -> Iterator[None]:
    """Run in a scratch directory that sees the repository's ``refs/`` (examples write files)."""
    before = Path.cwd()
    (tmp_path / "refs").symlink_to(ROOT / "refs")
    os.chdir(tmp_path)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.mark.parametrize("page", [pytest.param(p, id=p.name) for p in PAGES if examples(p)])
def test_examples_print_what_the_page_says(page: Path, in_root: None, tmp_path: Path) -> None:
    server = FakeCrossref(fixture_records(), enforce=False).start()
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    failures = []
    try:
        for n, (code, expected) in enumerate(examples(page), start=1):
            code = code.replace(DOCUMENTED_SERVER, server.url)
            code = code.replace("/tmp/acurefs-example", str(tmp_path / "example"))
            try:
                compiled = compile(code, f"{page.name} example {n}", "exec")
            except SyntaxError:
                continue  # a signature, not an example
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compiled, namespace)
            output = printed.getvalue().replace(server.url, DOCUMENTED_SERVER)
            output = output.replace(str(tmp_path / "example"), "/tmp/acurefs-example")
            if expected is not None and not _matches(expected, output):
                failures.append(f"example {n}:\n--- page says\n{expected}--- prints\n{output}")
    finally:
        server.stop()
    assert not failures, "\n".join(failures)
