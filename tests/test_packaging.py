"""The bundled corpus ships inside the wheel and works from it, far from the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(p.name for p in (ROOT / "refs").glob("*.txt"))
_NO_BACKEND = (
    "No matching distribution",
    "Could not find a version",
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ProxyError",
    "Could not fetch URL",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built wheel unzipped into a directory outside the repository."""
    build = tmp_path_factory.mktemp("wheel")
    assert not build.resolve().is_relative_to(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(build), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        output = result.stdout + result.stderr
        if any(sign in output for sign in _NO_BACKEND):
            pytest.skip(f"cannot fetch the build backend (no network?): {output.strip()[-300:]}")
        pytest.fail(f"pip wheel failed:\n{output}")
    (wheel,) = build.glob("acurefs-*.whl")
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def test_wheel_holds_the_bundled_articles(site: Path) -> None:
    assert BUNDLED  # the checkout has them
    shipped = sorted(p.name for p in (site / "acurefs" / "refs").glob("*.txt"))
    assert shipped == BUNDLED
    for name in BUNDLED:
        assert (site / "acurefs" / "refs" / name).read_bytes() == (
            ROOT / "refs" / name
        ).read_bytes()


def test_wheel_holds_the_package_and_entry_point(site: Path) -> None:
    assert (site / "acurefs" / "__init__.py").is_file()
    assert (site / "acurefs" / "py.typed").is_file()
    (entry_points,) = site.glob("acurefs-*.dist-info/entry_points.txt")
    assert "acurefs = acurefs.cli:main" in entry_points.read_text(encoding="utf-8")


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter from ``cwd``, far from the checkout."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_installed_corpus_loads_outside_the_checkout(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r}); import acurefs; "
        "c = acurefs.load_corpus(); print(len(c.documents), len(c.references)); "
        "print(acurefs.__file__); print(c.path)"
    )
    result = _python(code, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    counts, module_file, corpus_path = result.stdout.splitlines()
    assert counts == "5 13"
    assert Path(module_file).resolve().is_relative_to(site.resolve())
    assert Path(corpus_path).resolve() == (site / "acurefs" / "refs").resolve()


def test_installed_cli_runs_on_the_bundled_corpus(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("cli")
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r}); from acurefs.cli import main; "
        "raise SystemExit(main(['bib', '--csl']))"
    )
    result = _python(code, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"id":') == 13
