"""How the time and memory of reading an article grow with its size.

    python benchmarks/scaling.py [--quick] [--skip-cap] [--repeats N] [--timeout S]
        [--write-docs]

Four articles are grown by repetition: the bundled evidence article
(``refs/acupuncture-pain-evidence.txt``, whole, reference list included); one line of
``'Acupuncture helps pain.1 '`` repeated (no line break, no reference list: the
adversarial case); and a Markdown and an HTML article written for this benchmark
(headings, several marker forms, a list, a numbered reference list with DOIs). Each
is written to a temporary file at 0.5, 1 and 2 MB and at the loader's 20 MiB cap.

For each file, a fresh Python process times ``acurefs.parse_document`` on the file's
text (parsing only: no start-up, no reading), and another runs the whole
``python -m acurefs check -q FILE`` (start-up included, output thrown away). Each is
timed in CPU seconds (user and system: other work on a shared machine barely moves them)
and wall-clock seconds. The peak memory of each is the kernel's ``ru_maxrss`` for that
one child (read with ``os.wait4``: ``getrusage(RUSAGE_CHILDREN)`` reports the same figure,
as a maximum over every child so far). The small sizes keep the run with the least CPU
time of ``--repeats``.

Goals, checked at the end: the 2 MB / 0.5 MB CPU time ratio at most 5 (linear work
gives 4), and every 20 MiB article read in under 60 s (wall clock) and 1 GiB. ``--quick`` times 0.25, 0.5
and 1 MB once each and skips the 20 MiB files; ``--skip-cap`` only skips them. To time
another acurefs (the one before a change, say), put it first on ``PYTHONPATH``: the
children inherit it. A child still running after ``--timeout`` seconds is stopped and
shown as ``> S``. ``--write-docs`` rewrites the results section of ``docs/scaling.md``.
Exits 1 when a goal is missed, 2 when acurefs cannot be imported. Linux only
(``os.wait4``; ``ru_maxrss`` in KiB).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import eval_docs
import eval_report
from eval_data import REPO_ROOT

MB: Final = 1_000_000
MiB: Final = 1024 * 1024
CAP: Final = 20 * MiB
"""The loader's limit (``acurefs.document.loading.MAX_BYTES``): the largest article read."""
SIZES: Final = (MB // 2, MB, 2 * MB)
QUICK_SIZES: Final = (MB // 4, MB // 2, MB)
MAX_RATIO: Final = 5.0
"""Largest over smallest of the sizes above (4 times the input): linear work gives 4."""
MAX_SECONDS: Final = 60.0
MAX_PEAK: Final = 1024**3
DOCS_PAGE: Final = REPO_ROOT / "docs" / "scaling.md"
SECTION: Final = "results"
EVIDENCE: Final = REPO_ROOT / "refs" / "acupuncture-pain-evidence.txt"
INTRO: Final = """\
# Scaling: time and memory against the size of an article

Reading an article should take time in proportion to its length. `benchmarks/scaling.py`
grows four articles by repetition (the bundled evidence article, one line of
`'Acupuncture helps pain.1 '`, and a Markdown and an HTML article written for the
benchmark) and times `acurefs.parse_document` and `acurefs check -q` on each, in fresh
processes, with their peak memory. The section below is rewritten by
`python benchmarks/scaling.py --write-docs`.
"""

MARKDOWN_UNIT: Final = """\
# Needles and the aching back

Acupuncture puts very fine needles into chosen points of the skin. In trials with people
who had lived with low back pain for months, it eased pain a little more than usual care
alone [1]. A pooled analysis of individual patients came to the same view for neck, back
and knee pain [2,3].

## What the trials compared

Most trials set real needling against a sham, e.g. shallow needles at points that are not
used in practice [4]. The gap between the two was small but lasted over 12 months [2-4].
Side effects were rare and mild, such as a bruise or brief soreness.[5]

- A session usually lasts 20 to 30 minutes.
- A course often runs for 6 to 12 sessions [3].

The [guideline summary](https://example.org/guideline) says how clinicians weigh this.

## References

1. Hart P, Osei K. Needling for chronic low back pain: a randomised trial. J Pain Res. 2019;12(4):211-219. doi:10.5555/acurefs.scaling.1
2. Lindqvist M, Rao S, Baptiste C. Acupuncture for chronic pain: a meta-analysis of individual patients. Pain Med. 2018;19(9):1702-1714. doi:10.5555/acurefs.scaling.2
3. Okafor N, Weiss D. How many sessions? Dose and response in acupuncture trials. Complement Ther Med. 2020;48:102265.
4. Brennan A, Kowalski T. Sham needles and what they control for. BMC Complement Med. 2017;17(1):88. doi:10.5555/acurefs.scaling.4
5. Duarte R, Hughes E, Sato Y. Adverse events after acupuncture: a prospective survey. Acupunct Med. 2016;34(3):190-196.

"""

HTML_HEAD: Final = (
    '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
    "<title>Acupuncture and headache</title></head>\n<body>\n"
)
HTML_UNIT: Final = """\
<article>
<h1>Acupuncture and tension headache</h1>
<p>People with frequent tension-type headaches had fewer headache days after a course of
acupuncture than with usual care<sup>1</sup>. The benefit held when needling was set
against a sham procedure<sup>2,3</sup>.</p>
<p>Trials differ in how many sessions they offer, from 6 to 15 over 8 weeks<sup>2</sup>,
and the effect on how bad a headache is was smaller than on how often it came<sup>4</sup>.</p>
<ul><li>Each session lasts about half an hour.</li>
<li>The benefit was still seen at 3 and 6 months<sup>3</sup>.</li></ul>
<h2>References</h2>
<ol>
<li>Moreau L, Tan W. Acupuncture for frequent tension-type headache: a randomised trial.
<i>Headache Med</i>. 2018;9(2):45-53.
<a href="https://doi.org/10.5555/acurefs.scaling.11">doi:10.5555/acurefs.scaling.11</a></li>
<li>Abara J, Nyström H. Real and sham needling in headache: a systematic review.
<i>Cephalalgia Rep</i>. 2019;2:1-12.
<a href="https://doi.org/10.5555/acurefs.scaling.12">doi:10.5555/acurefs.scaling.12</a></li>
<li>Castell F, Imai R, Oduya B. Six months after acupuncture for headache: a follow-up study.
<i>J Headache Pain</i>. 2021;22(1):31.</li>
<li>Petrov D. Frequency and intensity as outcomes of headache trials. <i>Headache</i>.
2015;55(6):801-809. <a href="https://example.org/petrov2015">full text</a></li>
</ol>
</article>
"""
HTML_TAIL: Final = "</body>\n</html>\n"


@dataclass(frozen=True, slots=True)
class Article:
    """An article grown to a size by repeating its middle."""

    name: str
    format: str
    suffix: str
    unit: str
    head: str = ""
    tail: str = ""

    def write(self, path: Path, size: int) -> None:
        """The article with its middle repeated to at most ``size`` bytes (at least once).

        Written a piece at a time: a child's peak memory counts its parent's at the fork,
        so this process stays small.
        """
        fixed = len((self.head + self.tail).encode())
        times = max(1, (size - fixed) // len(self.unit.encode()))
        per_piece = max(1, MiB // len(self.unit))
        with path.open("w", encoding="utf-8") as out:
            out.write(self.head)
            for done in range(0, times, per_piece):
                out.write(self.unit * min(per_piece, times - done))
            out.write(self.tail)


@dataclass(frozen=True, slots=True)
class Run:
    """One child process: wall-clock and CPU seconds (None when it was stopped at the
    timeout) and peak bytes."""

    seconds: float | None
    peak: int
    output: str = ""
    cpu: float | None = None
    """User and system time: what the ratios use, as other work on the machine barely moves it."""


@dataclass(frozen=True, slots=True)
class Row:
    """One article at one size: ``parse_document`` and the ``check -q`` command."""

    article: str
    size: int
    parse: Run
    cli: Run
    counts: str
    """Claims, markers and references parse_document found."""


def articles() -> tuple[Article, ...]:
    """The four articles, the bundled one read from ``refs/``."""
    evidence = EVIDENCE.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    return (
        Article("evidence (text)", "text", ".txt", evidence),
        Article("one line (text)", "text", ".txt", "Acupuncture helps pain.1 "),
        Article("Markdown", "markdown", ".md", MARKDOWN_UNIT),
        Article("HTML", "html", ".html", HTML_UNIT, HTML_HEAD, HTML_TAIL),
    )


def run_child(command: Sequence[str], *, timeout: float, keep_output: bool = False) -> Run:
    """Run ``command``, its output kept or thrown away; stop it after ``timeout`` seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, stdout=out if keep_output else subprocess.DEVNULL, stderr=err
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                return Run(None, usage.ru_maxrss * 1024)
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            tail = err.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{tail}")
        out.seek(0)
        return Run(seconds, usage.ru_maxrss * 1024, out.read().decode(), cpu)


def _best(runs: Sequence[Run]) -> Run:
    """The run with the least CPU time (a stopped one counts as slowest), the highest peak."""
    done = [r for r in runs if r.seconds is not None]
    peak = max(r.peak for r in runs)
    if not done:
        return Run(None, peak)
    fastest = min(done, key=lambda r: r.cpu or 0.0)
    return Run(fastest.seconds, peak, fastest.output, fastest.cpu)


def measure(article: Article, size: int, folder: Path, *, repeats: int, timeout: float) -> Row:
    """Write ``article`` at ``size`` and time both children on it."""
    slug = re.sub(r"\W+", "-", article.name).strip("-").lower()
    path = folder / f"{slug}-{size}{article.suffix}"
    article.write(path, size)
    parse_command = [sys.executable, __file__, "--child-parse", str(path), article.format]
    cli_command = [sys.executable, "-m", "acurefs", "check", "-q", str(path)]
    parse = _best(
        [
            _parse_run(run_child(parse_command, timeout=timeout, keep_output=True))
            for _ in range(repeats)
        ]
    )
    cli = _best([run_child(cli_command, timeout=timeout) for _ in range(repeats)])
    counts = "-"
    if parse.output:
        found = json.loads(parse.output)
        counts = f"{found['claims']:,} / {found['markers']:,} / {found['references']:,}"
    row = Row(article.name, path.stat().st_size, parse, cli, counts)
    path.unlink()
    return row


def _parse_run(run: Run) -> Run:
    """The child's own timing of ``parse_document`` in place of the whole process's."""
    if not run.output:
        return run
    found = json.loads(run.output)
    return Run(found["seconds"], run.peak, run.output, found["cpu"])


def parse_child(path: str, format: str) -> int:
    """In the child: time ``parse_document`` on the file's text; print seconds and counts."""
    try:
        import acurefs
    except ImportError as exc:
        print(f"scaling: acurefs cannot be imported: {exc}", file=sys.stderr)
        return 2
    text = Path(path).read_text(encoding="utf-8")
    start, cpu = time.perf_counter(), time.process_time()
    doc = acurefs.parse_document(text, format=format, name=Path(path).name)
    times = {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}
    counts = {"claims": len(doc.claims), "markers": len(doc.markers)}
    print(json.dumps({**times, **counts, "references": len(doc.references)}))
    return 0


def _seconds(run: Run, timeout: float) -> str:
    """CPU and wall-clock seconds, ``> timeout`` for a stopped run."""
    if run.seconds is None:
        return f"> {timeout:.0f} | > {timeout:.0f}"
    return f"{run.cpu or 0.0:.2f} | {run.seconds:.2f}"


def _size(size: int) -> str:
    return f"{size / MiB:.1f} MiB" if size > 10 * MB else f"{size / MB:.2f} MB"


def table(rows: Sequence[Row], timeout: float) -> list[str]:
    """The rows as a Markdown table."""
    lines = [
        "| article | size | `parse_document` CPU s | wall s | peak MiB "
        "| `check -q` CPU s | wall s | peak MiB | claims / markers / references |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.article} | {_size(row.size)} | {_seconds(row.parse, timeout)} "
            f"| {row.parse.peak / MiB:.0f} | {_seconds(row.cli, timeout)} "
            f"| {row.cli.peak / MiB:.0f} | {row.counts} |"
        )
    return lines


def verdicts(rows: Sequence[Row], sizes: Sequence[int]) -> tuple[list[str], bool]:
    """Each article's time ratio and the 20 MiB goals, as lines; and whether all were met."""
    lines = []
    met = True
    for name in dict.fromkeys(r.article for r in rows):
        mine = [r for r in rows if r.article == name]
        small, large = mine[0], mine[len(sizes) - 1]
        for label, pick in (("parse_document", _parse), ("check -q", _cli)):
            first, last = pick(small).cpu, pick(large).cpu
            ratio = last / first if first and last else float("inf")
            ok = ratio <= MAX_RATIO
            met &= ok
            lines.append(
                f"- {name}, `{label}`: {_size(large.size)} / {_size(small.size)} "
                f"= {ratio:.1f} in CPU time ({'ok' if ok else 'MISSED'}, goal at most {MAX_RATIO:g})"
            )
        for big in mine[len(sizes) :]:
            for label, run in (("parse_document", big.parse), ("check -q", big.cli)):
                ok = run.seconds is not None and run.seconds < MAX_SECONDS and run.peak < MAX_PEAK
                met &= ok
                lines.append(
                    f"- {name}, `{label}` at {_size(big.size)}: "
                    f"{'stopped' if run.seconds is None else f'{run.seconds:.1f} s'}, "
                    f"{run.peak / MiB:.0f} MiB ({'ok' if ok else 'MISSED'}, goal under "
                    f"{MAX_SECONDS:.0f} s and {MAX_PEAK // MiB} MiB)"
                )
            lines.append(_growth_to_cap(name, large, big))
    return lines, met


def _growth_to_cap(name: str, large: Row, big: Row) -> str:
    """The CPU time ratio from the largest small size to the cap, beside the size ratio."""
    sizes = big.size / large.size
    ratios = []
    for label, pick in (("parse_document", _parse), ("check -q", _cli)):
        first, last = pick(large).cpu, pick(big).cpu
        ratios.append(f"`{label}` {last / first:.1f}" if first and last else f"`{label}` -")
    return (
        f"- {name}, {_size(big.size)} / {_size(large.size)} in CPU time: "
        f"{', '.join(ratios)} (the size grew {sizes:.1f} times; for information)"
    )


def _parse(row: Row) -> Run:
    return row.parse


def _cli(row: Row) -> Run:
    return row.cli


def _docs_body(
    rows: Sequence[Row], lines: Sequence[str], args: argparse.Namespace, load: str
) -> str:
    cores = os.cpu_count() or 1
    return "\n".join(
        [
            "## Results",
            "",
            f"Measured {eval_docs.provenance()}, on {eval_docs.cpu_model()} ({cores} cores),",
            f"with `python benchmarks/scaling.py --write-docs` ({args.repeats} runs per small size,",
            "the one with the least CPU time kept; one run at 20 MiB). Ratios are of CPU time;",
            f"load average before and after the run: {load}.",
            "",
            *table(rows, args.timeout),
            "",
            *lines,
        ]
    )


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scaling.py", description="Time and memory of reading an article, by size."
    )
    parser.add_argument("--quick", action="store_true", help="0.25-1 MB, one run, no 20 MiB")
    parser.add_argument("--skip-cap", action="store_true", help="no 20 MiB articles")
    parser.add_argument("--repeats", type=int, default=3, metavar="N", help="runs per small size")
    parser.add_argument(
        "--timeout", type=float, default=600.0, metavar="S", help="stop a child after S seconds"
    )
    parser.add_argument("--write-docs", action="store_true", help=f"rewrite {DOCS_PAGE.name}")
    parser.add_argument(
        "--child-parse", nargs=2, metavar=("FILE", "FORMAT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.write_docs and (args.quick or args.skip_cap):
        parser.error("--write-docs takes a full run: no --quick or --skip-cap")
    if args.quick:
        args.repeats = 1
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; the exit status is the return value."""
    args = _arguments(argv)
    if args.child_parse:
        return parse_child(*args.child_parse)
    try:
        from acurefs.document.loading import MAX_BYTES
    except ImportError as exc:
        print(f"scaling: acurefs cannot be imported: {exc}", file=sys.stderr)
        return 2
    if MAX_BYTES != CAP:
        print(f"scaling: the loader's cap is now {MAX_BYTES:,} bytes; CAP says {CAP:,}")
    sizes = QUICK_SIZES if args.quick else SIZES
    load_before = os.getloadavg()[0]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="acurefs-scaling-") as folder:
        for article in articles():
            for size in (*sizes, *(() if args.quick or args.skip_cap else (MAX_BYTES,))):
                repeats = 1 if size > 10 * MB else args.repeats
                row = measure(article, size, Path(folder), repeats=repeats, timeout=args.timeout)
                rows.append(row)
                print(table([row], args.timeout)[-1], flush=True)
    lines, met = verdicts(rows, sizes)
    load = f"{load_before:.2f} and {os.getloadavg()[0]:.2f}"
    print("\n".join(["", *table(rows, args.timeout), "", *lines, f"- load average: {load}"]))
    if args.write_docs:
        page = DOCS_PAGE.read_text(encoding="utf-8") if DOCS_PAGE.is_file() else INTRO
        DOCS_PAGE.write_text(
            eval_docs.replace_section(page, SECTION, _docs_body(rows, lines, args, load)),
            encoding="utf-8",
        )
        print(f"wrote {DOCS_PAGE}")
    return 0 if met else 1


if __name__ == "__main__":
    eval_report.run(main)
