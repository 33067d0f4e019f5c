"""Throughput against Crossref's polite-pool limits: batched look-ups, searches, the cache.

A loopback Crossref (tests/fake_crossref) serves generated records with 150 ms of
latency on every answer and the polite pool's limits enforced (10 single-record and
3 list requests per second, 3 in flight; every request here carries a ``mailto``).
Three measurements, each first run on a fresh temporary cache:

(a) references that print their DOI: ``Crossref.works()`` (50 DOIs per
    ``filter=doi:`` request) and ``acurefs.resolve`` against a plain loop of habanero
    ``works(ids=doi)`` calls, one DOI at a time, waiting out ``Retry-After`` on a 429;
(b) references without a DOI: ``acurefs.resolve`` searches each one;
(c) the same acurefs runs again through a second ``Crossref`` on the same cache file.

    python benchmarks/throughput.py [--references 500] [--latency 0.15] [--quick] [--write-docs]

``--quick`` runs 100 references (a smoke run); ``--write-docs`` writes docs/throughput.md.
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import shlex
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import habanero  # noqa: E402
import httpx2  # noqa: E402
from tests.fake_crossref import FakeCrossref, LoggedRequest, RateLimits, work  # noqa: E402

import acurefs  # noqa: E402

MAILTO = "throughput-benchmark@example.org"
"""Puts every request in the polite pool."""
POLITE = RateLimits().polite
BATCH = 50
"""DOIs per ``filter=doi:`` list request (acurefs's batch size)."""
SEED = 2026
SPEEDUP_BAR = 5.0
BOUND_FACTOR = 1.5
CACHED_BAR = 1.0
"""Seconds allowed for a cached run of all the references."""

T = TypeVar("T")

# --- generated records ---------------------------------------------------------------------

_WORDS = (
    "acupuncture electroacupuncture moxibustion needling sham placebo randomised controlled "
    "trial pilot cohort systematic review meta-analysis chronic acute pain low back neck knee "
    "osteoarthritis migraine headache tension-type insomnia depression anxiety nausea vomiting "
    "chemotherapy postoperative pregnancy labour infertility menopause hot flushes fibromyalgia "
    "irritable bowel syndrome dyspepsia stroke rehabilitation dysphagia hypertension obesity "
    "smoking cessation allergic rhinitis asthma urinary incontinence overactive bladder "
    "xerostomia fatigue cancer survivors older adults children adolescents women veterans "
    "primary care emergency department outcomes costs effectiveness safety adverse events "
    "functional magnetic resonance imaging brain connectivity autonomic heart rate variability "
    "cortisol inflammation cytokines endorphins point specificity deqi sensation expectancy"
).split()
_LINKS = ("for", "in", "versus", "and", "with", "after", "among", "during")
_SUFFIXES = (
    "a randomised controlled trial",
    "a multicentre pragmatic trial",
    "a systematic review and meta-analysis",
    "a prospective cohort study",
    "protocol for a randomised trial",
    "a pilot study",
    "secondary analysis of a trial",
    "a cross-sectional survey",
)
_FAMILIES = (
    "Smith Johnson Lee Park Kim Chen Wang Zhang Liu Li Nguyen Garcia Martinez Rossi Bianchi "
    "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Dubois Moreau Laurent Bernard "
    "Tanaka Suzuki Takahashi Sato Watanabe Ito Yamamoto Kowalski Nowak Jensen Hansen Nielsen "
    "Andersson Johansson Karlsson Silva Santos Oliveira Costa Pereira Brown Taylor Wilson Davies "
    "Evans Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood"
).split()
_INITIALS = ("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T")
_JOURNALS = (
    ("Journal of Clinical Acupuncture", "J Clin Acupunct"),
    ("Acupuncture in Medicine", "Acupunct Med"),
    ("Pain Medicine", "Pain Med"),
    ("European Journal of Pain", "Eur J Pain"),
    ("Complementary Therapies in Medicine", "Complement Ther Med"),
    ("Journal of Integrative Medicine", "J Integr Med"),
    ("BMC Complementary Medicine and Therapies", "BMC Complement Med Ther"),
    ("Clinical Journal of Pain", "Clin J Pain"),
    ("Journal of Pain Research", "J Pain Res"),
    ("Headache: The Journal of Head and Face Pain", "Headache"),
    ("Sleep Medicine", "Sleep Med"),
    ("Supportive Care in Cancer", "Support Care Cancer"),
    ("Journal of Alternative and Complementary Medicine", "J Altern Complement Med"),
    ("Evidence-Based Complementary and Alternative Medicine", "Evid Based Complement Alternat Med"),
    ("Neuroscience Letters", "Neurosci Lett"),
    ("Autonomic Neuroscience", "Auton Neurosci"),
    ("Journal of Rehabilitation Medicine", "J Rehabil Med"),
    ("Integrative Cancer Therapies", "Integr Cancer Ther"),
    ("Archives of Physical Medicine and Rehabilitation", "Arch Phys Med Rehabil"),
    ("Journal of Traditional Chinese Medicine", "J Tradit Chin Med"),
)


def bench_doi(index: int) -> str:
    return f"10.5555/acurefs-bench.{index:05d}"


def make_records(count: int, seed: int = SEED) -> list[dict[str, Any]]:
    """``count`` Crossref-shaped journal articles, the same for the same seed."""
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    titles: set[str] = set()
    while len(records) < count:
        head = " ".join(rng.sample(_WORDS, rng.randint(2, 4)))
        tail = " ".join(rng.sample(_WORDS, rng.randint(2, 4)))
        title = f"{head} {rng.choice(_LINKS)} {tail}".capitalize()
        if rng.random() < 0.6:
            title += f": {rng.choice(_SUFFIXES)}"
        if title.lower() in titles:
            continue
        titles.add(title.lower())
        authors = [
            (rng.choice(_FAMILIES), ". ".join(rng.sample(_INITIALS, rng.randint(1, 2))) + ".")
            for _ in range(rng.randint(1, 6))
        ]
        journal, abbrev = rng.choice(_JOURNALS)
        first = rng.randint(1, 1900)
        records.append(
            work(
                doi=bench_doi(len(records)),
                title=title,
                authors=authors,
                journal=journal,
                journal_abbrev=abbrev,
                year=rng.randint(1995, 2025),
                month=rng.randint(1, 12),
                volume=str(rng.randint(1, 60)),
                issue=str(rng.randint(1, 12)),
                page=f"{first}-{first + rng.randint(3, 14)}",
            )
        )
    return records


def _short_range(page: str) -> str:
    """``1234-1245`` -> ``1234-45``, as Vancouver prints page ranges."""
    first, _, last = page.partition("-")
    keep = 0
    while keep < len(first) and keep < len(last) and first[keep] == last[keep]:
        keep += 1
    return f"{first}-{last[keep:]}" if len(last) == len(first) and keep else page


def vancouver(record: dict[str, Any], *, with_doi: bool) -> str:
    """The record as a Vancouver reference string (``doi:`` at the end when asked)."""
    names = ", ".join(
        f"{a['family']} {a.get('given', '').replace('.', '').replace(' ', '')}".strip()
        for a in record["author"]
    )
    year = record["issued"]["date-parts"][0][0]
    text = (
        f"{names}. {record['title'][0]}. {record['short-container-title'][0]}. "
        f"{year};{record['volume']}({record['issue']}):{_short_range(record['page'])}."
    )
    return f"{text} doi:{record['DOI']}" if with_doi else text


# --- runs --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """One timed run: what it did, how long it took, what the server saw."""

    name: str
    references: int
    seconds: float
    requests: int
    rate_limited: int
    outcome: str
    """What came back, e.g. ``500/500 records`` or ``497 verified``."""
    complete: bool
    """Every reference got an answer (a record, or a resolution that is not ``not-checked``)."""
    start_gap: float | None
    """Mean seconds between consecutive request starts, as the server logged them."""
    peak_in_flight: int


def _timed(server: FakeCrossref, call: Callable[[], T]) -> tuple[T, float, list[LoggedRequest]]:
    server.reset_log()
    started = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - started
    return result, seconds, server.requests


def _gap(log: Sequence[LoggedRequest]) -> float | None:
    starts = sorted(r.started for r in log)
    if len(starts) < 2:
        return None
    return (starts[-1] - starts[0]) / (len(starts) - 1)


def _run(
    name: str,
    server: FakeCrossref,
    references: int,
    call: Callable[[], T],
    judge: Callable[[T], tuple[str, bool]],
) -> Run:
    print(f"  {name} ...", file=sys.stderr, flush=True)
    result, seconds, log = _timed(server, call)
    outcome, complete = judge(result)
    return Run(
        name=name,
        references=references,
        seconds=seconds,
        requests=len(log),
        rate_limited=sum(1 for r in log if r.status == 429),
        outcome=outcome,
        complete=complete,
        start_gap=_gap(log),
        peak_in_flight=server.peak_in_flight("polite"),
    )


def habanero_loop(url: str, dois: Sequence[str]) -> dict[str, dict[str, Any]]:
    """What a naive user writes: one ``works(ids=doi)`` per DOI, waiting out 429s."""
    cr = habanero.Crossref(base_url=url, mailto=MAILTO)
    found: dict[str, dict[str, Any]] = {}
    for doi in dois:
        while True:
            try:
                answer = cr.works(ids=doi)
            except httpx2.HTTPStatusError as exc:
                if exc.response.status_code != 429:
                    raise
                time.sleep(float(exc.response.headers.get("retry-after") or 1))
                continue
            found[doi] = answer["message"]
            break
    return found


def source(url: str, cache: Path) -> acurefs.Crossref:
    """acurefs's Crossref as a user configures it: polite pool, limits from the answers."""
    return acurefs.Crossref(base_url=url, mailto=MAILTO, cache=acurefs.Cache(cache))


def _judge_works(wanted: Sequence[str]) -> Callable[[dict[str, Any]], tuple[str, bool]]:
    def judge(found: dict[str, Any]) -> tuple[str, bool]:
        got = 0
        for doi in wanted:
            answer = found.get(doi)
            record = getattr(answer, "record", answer)
            got += record is not None
        return f"{got}/{len(wanted)} records", got == len(wanted)

    return judge


def _judge_resolved(
    expected: Sequence[str],
) -> Callable[[list[acurefs.Reference]], tuple[str, bool]]:
    def judge(resolved: list[acurefs.Reference]) -> tuple[str, bool]:
        verified = correct = checked = 0
        for ref, doi in zip(resolved, expected, strict=True):
            res = ref.resolution
            if res is None or res.verdict is acurefs.Verdict.NOT_CHECKED:
                continue
            checked += 1
            verified += res.verdict is acurefs.Verdict.VERIFIED
            correct += res.doi == doi
        text = f"{verified}/{len(expected)} verified, {correct} right DOI"
        if checked < len(expected):
            text += f", {len(expected) - checked} not checked"
        return text, checked == len(expected)

    return judge


@dataclass(frozen=True, slots=True)
class Results:
    references: int
    records: int
    latency: float
    runs: dict[str, Run]


def measure(references: int, latency: float) -> Results:
    records = make_records(max(1000, 2 * references + 200))
    with_doi = records[:references]
    without_doi = records[references : 2 * references]
    dois = [r["DOI"] for r in with_doi]
    doi_refs = [acurefs.parse_reference(vancouver(r, with_doi=True)) for r in with_doi]
    search_refs = [acurefs.parse_reference(vancouver(r, with_doi=False)) for r in without_doi]
    search_dois = [r["DOI"] for r in without_doi]
    no_lock = acurefs.Lock(())
    runs: dict[str, Run] = {}
    n = references
    with (
        FakeCrossref(records, limits=RateLimits(), enforce=True, latency=latency) as server,
        tempfile.TemporaryDirectory(prefix="acurefs-throughput-") as tmp_dir,
    ):
        tmp = Path(tmp_dir)
        print(f"{len(records):,} records on {server.url}, latency {latency:.3f} s", file=sys.stderr)

        runs["habanero"] = _run(
            "habanero works(ids=doi), one per DOI",
            server,
            n,
            lambda: habanero_loop(server.url, dois),
            _judge_works(dois),
        )
        # Each acurefs job runs twice on its own cache: cold, then again with everything cached.
        jobs: list[
            tuple[str, str, Callable[[acurefs.Crossref], Any], Callable[[Any], tuple[str, bool]]]
        ] = [
            ("works", "Crossref.works(DOIs)", lambda cr: cr.works(dois), _judge_works(dois)),
            (
                "resolve_doi",
                "resolve, DOI printed",
                lambda cr: acurefs.resolve(doi_refs, source=cr, lock=no_lock),
                _judge_resolved(dois),
            ),
            (
                "resolve_search",
                "resolve, no DOI (searches)",
                lambda cr: acurefs.resolve(search_refs, source=cr, lock=no_lock),
                _judge_resolved(search_dois),
            ),
        ]
        for suffix, prefix in (("", "acurefs "), ("_cached", "cached: ")):
            for key, label, job, judge in jobs:
                cache = tmp / key / "cache.sqlite3"
                cache.parent.mkdir(exist_ok=True)
                crossref = source(server.url, cache)
                try:
                    runs[key + suffix] = _run(
                        prefix + label, server, n, partial(job, crossref), judge
                    )
                finally:
                    crossref.close()
        if server.errors:
            raise RuntimeError(f"the loopback server failed while answering: {server.errors!r}")
    return Results(references=n, records=len(records), latency=latency, runs=runs)


# --- bars and report ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    what: str
    measured: str
    target: str
    passed: bool


def doi_bound(references: int) -> float:
    """Seconds for ``references`` DOIs at 50 per list request and 3 list requests per second."""
    return math.ceil(references / BATCH) / POLITE.list


def search_bound(references: int) -> float:
    """Seconds for one search per reference at 3 list requests per second."""
    return references / POLITE.list


def bars(results: Results) -> list[Bar]:
    runs = results.runs
    n = results.references
    out: list[Bar] = []
    naive = runs["habanero"].seconds
    for key, label in (("works", "Crossref.works"), ("resolve_doi", "resolve")):
        run = runs[key]
        speedup = naive / run.seconds
        out.append(
            Bar(
                f"(a) speed-up over the habanero loop, {label}",
                f"{speedup:.1f}x",
                f">= {SPEEDUP_BAR:.0f}x",
                speedup >= SPEEDUP_BAR,
            )
        )
    bound = doi_bound(n)
    for key, label in (("works", "Crossref.works"), ("resolve_doi", "resolve")):
        run = runs[key]
        out.append(
            Bar(
                f"(a) {label} against the bound {math.ceil(n / BATCH)} requests / 3 per s = {bound:.2f} s",
                f"{run.seconds:.2f} s ({run.seconds / bound:.2f}x)",
                f"<= {BOUND_FACTOR}x ({BOUND_FACTOR * bound:.2f} s)",
                run.seconds <= BOUND_FACTOR * bound,
            )
        )
    search = runs["resolve_search"]
    bound = search_bound(n)
    out.append(
        Bar(
            f"(b) resolve against the bound {n} searches / 3 per s = {bound:.1f} s",
            f"{search.seconds:.1f} s ({search.seconds / bound:.2f}x)",
            f"<= {BOUND_FACTOR}x ({BOUND_FACTOR * bound:.1f} s)",
            search.seconds <= BOUND_FACTOR * bound,
        )
    )
    out.append(
        Bar(
            "(b) no 429, or every 429 retried and nothing lost",
            f"{search.rate_limited} x 429; {search.outcome}",
            "0 x 429, or every reference resolved",
            search.rate_limited == 0 or search.complete,
        )
    )
    for key in ("works", "resolve_doi"):
        run = runs[key]
        if run.rate_limited:
            out.append(
                Bar(
                    f"(a) {run.name}: every 429 retried and nothing lost",
                    f"{run.rate_limited} x 429; {run.outcome}",
                    "every reference answered",
                    run.complete,
                )
            )
    for key in ("works_cached", "resolve_doi_cached", "resolve_search_cached"):
        run = runs[key]
        out.append(
            Bar(
                f"(c) {run.name}: wall time",
                f"{run.seconds:.3f} s",
                f"< {CACHED_BAR:.0f} s",
                run.seconds < CACHED_BAR,
            )
        )
        out.append(
            Bar(
                f"(c) {run.name}: requests",
                f"{run.requests}",
                "0",
                run.requests == 0 and run.complete,
            )
        )
    return out


def runs_table(results: Results) -> str:
    lines = [
        "| run | refs | wall time | requests | 429s | mean start gap | peak in flight | answers |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for run in results.runs.values():
        gap = f"{run.start_gap:.3f} s" if run.start_gap is not None else "-"
        lines.append(
            f"| {run.name} | {run.references} | {run.seconds:.3f} s | {run.requests} "
            f"| {run.rate_limited} | {gap} | {run.peak_in_flight} | {run.outcome} |"
        )
    return "\n".join(lines)


def bars_table(found: Sequence[Bar]) -> str:
    lines = ["| bar | measured | target | result |", "| --- | --- | --- | --- |"]
    for bar in found:
        verdict = "PASS" if bar.passed else "FAIL"
        lines.append(f"| {bar.what} | {bar.measured} | {bar.target} | {verdict} |")
    return "\n".join(lines)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


_ABOUT = """\
The loopback server answers after {latency:.0f} ms and refuses with 429 (`Retry-After: 1`)
any request over the polite pool's limits, counted in sliding one-second windows: at most
{single} single-record requests (`/works/{{doi}}`) and {lists} list requests (`/works?...`) admitted
per second, and at most {concurrency} in flight. Those limits set the
physical bounds. A DOI look-up can carry {batch} DOIs in one `filter=doi:` list request, so
{n} DOIs need {batches} list requests, and {lists} list requests per second cannot finish them
in less than about {batches}/{lists} = {doi_bound:.2f} s. A reference without a DOI needs one
bibliographic search, a list request of its own, so {n} of them cannot take less than
{n}/{lists} = {search_bound:.0f} s however the work is spread over threads: the search run is
rate-bound by design, and the bar asks only that acurefs stay within {factor}x of the bound
without tripping the limits. The plain habanero loop asks for one DOI per request and waits
for each answer, so it is bound by latency ({n} x {latency:.0f} ms, plus a new connection per
request) rather than by the rate limit. A second run through the same cache file must
answer from SQLite alone: the server's request log must stay empty.

"Mean start gap" is the mean time between consecutive request starts as the server logged
them; acurefs spaces list requests 1/{lists} s apart plus a 5% margin, which keeps the sliding
window from ever counting a fourth request. Every acurefs first run uses a fresh temporary
cache, never the user's."""


def page(results: Results, found: Sequence[Bar], command: str) -> str:
    n = results.references
    about = _ABOUT.format(
        latency=results.latency * 1000,
        single=POLITE.single,
        lists=POLITE.list,
        concurrency=POLITE.concurrency,
        batch=BATCH,
        n=n,
        batches=math.ceil(n / BATCH),
        doi_bound=doi_bound(n),
        search_bound=search_bound(n),
        factor=BOUND_FACTOR,
    )
    passed = sum(b.passed for b in found)
    return (
        "# Throughput against Crossref's rate limits\n\n"
        "How fast acurefs resolves references when Crossref's polite-pool limits are the\n"
        "constraint, measured by `benchmarks/throughput.py` against the loopback Crossref\n"
        "server of the test suite. This page is written by the benchmark; edit the script,\n"
        "not the page.\n\n"
        f"- date: {datetime.now(timezone.utc).date().isoformat()}\n"
        f"- acurefs {acurefs.__version__}, habanero {habanero.__version__}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})\n"
        f"- CPU: {cpu_model()}\n"
        f"- {results.records:,} generated records, {n} references per run, "
        f"{results.latency * 1000:.0f} ms latency per answer, polite limits enforced "
        f"({POLITE.single} single/s, {POLITE.list} list/s, {POLITE.concurrency} in flight)\n\n"
        "```sh\n"
        f"{command}\n"
        "```\n\n"
        "## Runs\n\n"
        f"{runs_table(results)}\n\n"
        f"## Bars ({passed} of {len(found)} passed)\n\n"
        f"{bars_table(found)}\n\n"
        "## What the bounds mean\n\n"
        f"{about}\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--references", type=int, default=500, help="references per run")
    parser.add_argument("--latency", type=float, default=0.15, help="seconds per answer")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 100 references")
    parser.add_argument("--write-docs", action="store_true", help="write docs/throughput.md")
    args = parser.parse_args(args_list)
    references = 100 if args.quick else args.references
    if references < 1:
        parser.error(f"--references must be at least 1, not {references!r}")
    results = measure(references, args.latency)
    found = bars(results)
    print(runs_table(results))
    print()
    print(bars_table(found))
    print(f"\n{sum(b.passed for b in found)} of {len(found)} bars passed")
    if args.write_docs:
        path = ROOT / "docs" / "throughput.md"
        command = shlex.join(["python", "benchmarks/throughput.py", *args_list])
        path.write_text(page(results, found, command), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
