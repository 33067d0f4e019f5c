"""The local index measured: accuracy in a closed world, speed on one core and through the
command line, a Dask cluster's speed-up, and how query time and size grow with the index.

    python benchmarks/index.py accuracy [--withheld 0.10] [--seed 7] [--errors]
    python benchmarks/index.py cli [--articles 20] [--per-article 50]
    python benchmarks/index.py dask [--workers 1 2 4] [--articles 40]
    python benchmarks/index.py scale [--sizes 17015 170000 1700000] [--queries 1000] [--plot FILE]

The closed world is built like ``match_accuracy.py``'s: glutton's 17,015 gold records as
Crossref-shaped works (10% of the DOIs withheld: their references must stay unresolved), plus
the real Crossref records of ``../shared/eval/crossref-records``. Every glutton string is then
parsed and resolved against the index (``accuracy``), one process pinned to one core. ``cli``
and ``dask`` run articles made of glutton strings (50 references each) through
``acurefs resolve --index``. ``scale`` adds varied synthetic records (titles, names and
journals drawn from the real ones) to reach each size, and measures the build, the file and
the searches. Results are written up in docs/index.md.

The data is read in place (``--shared``, ``$ACUREFS_SHARED``, else ``../shared``); where it is
absent the script prints one ``skipped`` line and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import acurefs  # noqa: E402
from acurefs.resolve.lock import Lock  # noqa: E402
from acurefs.sources.index import LocalIndex, build_index  # noqa: E402
from eval_data import resolve_shared  # noqa: E402
from match_accuracy import glutton_work, is_label_error  # noqa: E402

GLUTTON = Path("eval") / "glutton" / "references-doi-matching.json.gz"
CROSSREF_RECORDS = Path("eval") / "crossref-records"


# --- the closed world ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class World:
    rows: list[dict[str, Any]]
    withheld: set[str]
    works: Path
    """JSON Lines of the glutton works kept in the index."""
    records: Path
    """The real Crossref records."""


def closed_world(shared: Path, folder: Path, withheld_share: float, seed: int) -> World:
    with gzip.open(shared / GLUTTON, "rt", encoding="utf-8") as handle:
        rows = json.load(handle)
    dois = sorted({r["doi"].lower() for r in rows})
    withheld = set(random.Random(seed).sample(dois, round(len(dois) * withheld_share)))
    works = folder / "glutton-works.jsonl"
    seen: set[str] = set()
    with works.open("w", encoding="utf-8") as out:
        for row in rows:
            doi = row["doi"].lower()
            if doi not in withheld and doi not in seen:
                seen.add(doi)
                out.write(json.dumps(glutton_work(row)) + "\n")
    return World(rows, withheld, works, shared / CROSSREF_RECORDS)


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def accuracy(args: argparse.Namespace, shared: Path, folder: Path) -> None:
    world = closed_world(shared, folder, args.withheld, args.seed)
    built = build_index(folder / "closed.sqlite3", [world.works, world.records])
    print(
        f"index: {built.works:,} works ({built.added:,} added, {built.notices} notices) "
        f"built in {built.seconds:.1f} s; {len(world.withheld):,} gold DOIs withheld"
    )
    pinned = pin_one_core()
    index = LocalIndex(folder / "closed.sqlite3")
    strings = [row["reference"] for row in world.rows]
    index.search(strings[0])  # opens the file: not part of the measurement
    wall, cpu = time.perf_counter(), time.process_time()
    refs = [acurefs.parse_reference(s) for s in strings]
    resolved = acurefs.resolve(refs, source=index, lock=Lock(()))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{len(refs):,} references parsed, searched, matched and checked in {wall:.1f} s "
        f"({len(refs) / wall:,.0f} a second; CPU {cpu:.1f} s, {len(refs) / cpu:,.0f} a CPU-second), "
        f"one process {pinned}"
    )
    print(score(world, resolved, errors=args.errors))


def score(world: World, resolved: Sequence[acurefs.Reference], *, errors: bool) -> str:
    by_doi = {row["doi"].lower(): row for row in world.rows}
    proposed = correct = in_index = found = on_withheld = label_errors = withheld_labels = 0
    verdicts: Counter[str] = Counter()
    listing = []
    for row, ref in zip(world.rows, resolved, strict=True):
        res = ref.resolution
        assert res is not None
        verdicts[res.verdict.value] += 1
        gold = row["doi"].lower()
        held = gold in world.withheld
        predicted = res.doi if res.verdict.value in ("verified", "mismatch") else None
        in_index += not held
        found += not held and predicted == gold
        if predicted is None:
            continue
        proposed += 1
        correct += predicted == gold
        on_withheld += held
        if predicted != gold:
            label = is_label_error(row["reference"], row, by_doi.get(predicted))
            label_errors += label
            withheld_labels += label and held
            kind = "LABEL ERROR" if label else "FALSE MATCH"
            listing.append(
                f"{kind} ({'withheld' if held else 'in index'}): {row['reference']!r}\n  gold {gold}\n  got  {predicted}"
            )
    withheld = sum(1 for row in world.rows if row["doi"].lower() in world.withheld)
    lines = [
        f"references {len(world.rows):,} (gold withheld from the index: {withheld:,})",
        f"DOIs proposed {proposed:,}, correct {correct:,}, false matches {proposed - correct} "
        f"({on_withheld} on withheld works: {on_withheld / max(1, withheld):.2%} of them; "
        f"{on_withheld - withheld_labels} ({(on_withheld - withheld_labels) / max(1, withheld):.2%}) "
        "once label errors are set aside)",
        f"precision {correct / proposed:.4f}  recall {found / in_index:.4f}",
        f"gold labels the string contradicts (match_accuracy.is_label_error): {label_errors}; "
        f"precision with those set aside {correct / max(1, proposed - label_errors):.4f}",
        "verdicts: " + ", ".join(f"{k} {v:,}" for k, v in verdicts.most_common()),
    ]
    return "\n".join(lines + (listing if errors else []))


# --- articles through the command line, and on a cluster -------------------------------------


def write_articles(world: World, folder: Path, articles: int, per_article: int, seed: int) -> int:
    """Articles of glutton strings (one line each), every reference cited once."""
    rng = random.Random(seed)
    chosen = rng.sample(world.rows, articles * per_article)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(articles):
        rows = chosen[n * per_article : (n + 1) * per_article]
        body = " ".join(
            f"Finding {k} was reported in a trial [{k}]." for k in range(1, len(rows) + 1)
        )
        refs = "".join(
            f"{k}. {' '.join(row['reference'].split())}\n" for k, row in enumerate(rows, 1)
        )
        (folder / f"article-{n:03d}.md").write_text(
            f"# Article {n}\n\n{body}\n\n## References\n\n{refs}", encoding="utf-8"
        )
    return articles * per_article


def run_cli(index: Path, articles: Path, *extra: str) -> tuple[float, str]:
    """Seconds ``acurefs resolve --index`` takes over the articles, and what it printed."""
    command = [
        sys.executable,
        "-m",
        "acurefs",
        "resolve",
        "-q",
        "--index",
        str(index),
        *extra,
        str(articles),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=articles.parent)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"acurefs failed ({done.returncode}): {done.stderr.strip()}")
    return seconds, done.stdout


def resolutions(index: Path, articles: Path, *extra: str) -> list[Any]:
    """Every reference's resolution as ``resolve --json`` prints it (not timed)."""
    _, text = run_cli(index, articles, "--json", *extra)
    return [r.get("resolution") for d in json.loads(text)["documents"] for r in d["references"]]


def cli(args: argparse.Namespace, shared: Path, folder: Path) -> None:
    world = closed_world(shared, folder, 0.10, args.seed)
    build_index(folder / "closed.sqlite3", [world.works, world.records])
    total = write_articles(world, folder / "articles", args.articles, args.per_article, args.seed)
    seconds, _ = run_cli(folder / "closed.sqlite3", folder / "articles")
    found = resolutions(folder / "closed.sqlite3", folder / "articles")
    accepted = sum(1 for r in found if r and r["verdict"] in ("verified", "mismatch"))
    print(
        f"acurefs resolve --index: {args.articles} articles, {total:,} references in {seconds:.2f} s "
        f"({total / seconds:,.0f} a second, start-up included; {accepted:,} resolved), "
        f"{os.cpu_count()} cores"
    )


def dask(args: argparse.Namespace, shared: Path, folder: Path) -> None:
    import distributed

    world = closed_world(shared, folder, 0.10, args.seed)
    build_index(folder / "closed.sqlite3", [world.works, world.records])
    total = write_articles(world, folder / "articles", args.articles, args.per_article, args.seed)
    alone, _ = run_cli(folder / "closed.sqlite3", folder / "articles")
    expected = resolutions(folder / "closed.sqlite3", folder / "articles")
    print(f"one process: {total:,} references in {alone:.2f} s ({total / alone:,.0f} a second)")
    for workers in args.workers:
        with distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # a free port on loopback: 8787 may be taken
        ) as cluster:
            address = str(cluster.scheduler_address)
            run_cli(
                folder / "closed.sqlite3", folder / "articles", "--scheduler", address
            )  # warm the workers
            seconds, _ = run_cli(
                folder / "closed.sqlite3", folder / "articles", "--scheduler", address
            )
            found = resolutions(
                folder / "closed.sqlite3", folder / "articles", "--scheduler", address
            )
        same = found == expected
        print(
            f"{workers} worker{'s' if workers > 1 else ''}: {seconds:.2f} s ({total / seconds:,.0f} a second), "
            f"speed-up {alone / seconds:.2f}x; identical to one process: {same}"
        )


# --- growth ------------------------------------------------------------------------------------


def synthetic_works(rows: list[dict[str, Any]], count: int, seed: int) -> Iterator[dict[str, Any]]:
    """``count`` varied Crossref-shaped works: words, names and journals from the real records,
    title words drawn with Zipf-like weights, so common and rare words grow as in real data."""
    rng = random.Random(seed)
    words: Counter[str] = Counter()
    for row in rows:
        words.update(
            w for w in re.findall(r"[A-Za-z][a-z]+", row.get("atitle") or "") if len(w) > 2
        )
    vocabulary = [w for w, _ in words.most_common()]
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(vocabulary))))
    names = sorted({row["firstAuthor"] for row in rows if row.get("firstAuthor")})
    journals = sorted({row["jtitle"] for row in rows if row.get("jtitle")})
    for n in range(count):
        title = " ".join(
            rng.choices(vocabulary, cum_weights=weights, k=rng.randint(5, 14))
        ).capitalize()
        first = rng.randint(1, 2500)
        authors = [
            {
                "family": rng.choice(names),
                "given": rng.choice("ABCDEFGHJKLMNPRST"),
                "sequence": "additional",
            }
            for _ in range(rng.randint(1, 8))
        ]
        authors[0]["sequence"] = "first"
        yield {
            "DOI": f"10.99999/synthetic.{seed}.{n}",
            "type": "journal-article",
            "title": [title],
            "author": authors,
            "container-title": [rng.choice(journals)],
            "issued": {"date-parts": [[rng.randint(1950, 2025)]]},
            "volume": str(rng.randint(1, 400)),
            "issue": str(rng.randint(1, 12)),
            "page": f"{first}-{first + rng.randint(2, 20)}",
        }


def scale(args: argparse.Namespace, shared: Path, folder: Path) -> None:
    world = closed_world(shared, folder, 0.10, args.seed)
    base = sum(1 for _ in world.works.open(encoding="utf-8"))
    rng = random.Random(args.seed)
    sample = rng.sample(world.rows, args.queries)
    refs = [acurefs.parse_reference(row["reference"]) for row in sample]
    from acurefs.resolve.asking import search_query

    queries = [search_query(ref) for ref in refs]
    table = []
    extra = folder / "synthetic.jsonl"
    written = 0
    for size in sorted(args.sizes):
        path = folder / f"scale-{size}.sqlite3"
        seconds = float("nan")
        if not (args.reuse and path.is_file()):
            more = max(0, size - base - written)
            with extra.open("a", encoding="utf-8") as out:
                for record in synthetic_works(world.rows, more, seed=written + 1):
                    out.write(json.dumps(record) + "\n")
            written += more
            path.unlink(missing_ok=True)
            seconds = build_index(path, [world.works, extra] if written else [world.works]).seconds
        index = LocalIndex(path)
        index.search(queries[0])
        started = time.perf_counter()
        for query in queries:
            index.search(query)
        per_query = (time.perf_counter() - started) / len(queries)
        resolved = acurefs.resolve(refs, source=index, lock=Lock(()))
        right = sum(
            1
            for row, ref in zip(sample, resolved, strict=True)
            if ref.resolution and ref.resolution.doi == row["doi"].lower()
        )
        wrong = sum(
            1
            for row, ref in zip(sample, resolved, strict=True)
            if ref.resolution
            and ref.resolution.doi
            and ref.resolution.doi != row["doi"].lower()
            and ref.resolution.verdict.value in ("verified", "mismatch")
        )
        works = index.info().works
        row = (works, seconds, path.stat().st_size, per_query, right / len(refs), wrong)
        table.append(row)
        print(
            f"{row[0]:>10,} works: built in {row[1]:7.1f} s, {row[2] / 1e6:8.1f} MB "
            f"({row[2] / row[0]:.0f} B a work), search {row[3] * 1000:.2f} ms, "
            f"right DOI {row[4]:.3f}, wrong DOI {row[5]} (of {len(refs)})",
            flush=True,
        )
    extrapolate(table)
    if args.plot:
        Path(args.plot).write_text(plot(table), encoding="utf-8")
        print(f"plot written to {args.plot}")


def extrapolate(
    table: list[tuple[int, float, int, float, float, int]], target: int = 165_000_000
) -> None:
    """Size and build time for Crossref's 165 million works, from the largest index measured."""
    works, seconds, size, *_ = table[-1]
    factor = target / works
    print(
        f"extrapolated to {target / 1e6:.0f} million works (linear in size and build time from "
        f"{works:,}): {size * factor / 1e9:,.0f} GB, built in {seconds * factor / 3600:,.1f} h on one core"
    )
    if len(table) >= 2:
        (w0, _, _, q0, *_), (w1, _, _, q1, *_) = table[-2], table[-1]
        import math

        slope = math.log(q1 / q0) / math.log(w1 / w0) if q0 > 0 and w1 > w0 else 0.0
        print(
            f"search time grows as works^{slope:.2f} between the two largest indexes: "
            f"about {q1 * factor**slope * 1000:.1f} ms a search at {target / 1e6:.0f} million (extrapolated)"
        )


def plot(table: list[tuple[int, float, int, float, float, int]]) -> str:
    """An SVG of search time and size (MB) against works, both axes logarithmic."""
    import math

    width, height, pad = 640, 360, 60
    xs = [math.log10(r[0]) for r in table]
    series = {
        "search (ms)": ([r[3] * 1000 for r in table], "#1f77b4"),
        "size (MB)": ([r[2] / 1e6 for r in table], "#d62728"),
    }
    values = [v for vs, _ in series.values() for v in vs]
    low, high = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))

    def px(x: float) -> float:
        return pad + (x - x0) / max(1e-9, x1 - x0) * (width - 2 * pad)

    def py(v: float) -> float:
        return height - pad - (math.log10(v) - low) / max(1e-9, high - low) * (height - 2 * pad)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">'
    ]
    parts.append(f'<rect width="{width}" height="{height}" fill="white"/>')
    for e in range(x0, x1 + 1):
        parts.append(
            f'<line x1="{px(e)}" y1="{pad}" x2="{px(e)}" y2="{height - pad}" stroke="#ddd"/>'
        )
        parts.append(
            f'<text x="{px(e)}" y="{height - pad + 18}" text-anchor="middle">10^{e}</text>'
        )
    for e in range(low, high + 1):
        parts.append(
            f'<line x1="{pad}" y1="{py(10**e)}" x2="{width - pad}" y2="{py(10**e)}" stroke="#ddd"/>'
        )
        parts.append(f'<text x="{pad - 6}" y="{py(10**e) + 4}" text-anchor="end">10^{e}</text>')
    parts.append(
        f'<text x="{width / 2}" y="{height - 15}" text-anchor="middle">works in the index</text>'
    )
    for n, (name, (vs, colour)) in enumerate(series.items()):
        points = " ".join(f"{px(x):.1f},{py(v):.1f}" for x, v in zip(xs, vs, strict=True))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        for x, v in zip(xs, vs, strict=True):
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(v):.1f}" r="3" fill="{colour}"/>')
        parts.append(f'<text x="{pad + 10}" y="{pad - 25 + 15 * n}" fill="{colour}">{name}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("accuracy", "cli", "dask", "scale"))
    parser.add_argument(
        "--shared", help="the shared directory (default: $ACUREFS_SHARED or ../shared)"
    )
    parser.add_argument(
        "--workdir", help="where indexes and articles go (default: a temporary directory)"
    )
    parser.add_argument("--withheld", type=float, default=0.10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", action="store_true", help="list false matches")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--sizes", type=int, nargs="+", default=[17015, 170_000, 1_700_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--plot", help="write the growth plot (SVG) here")
    parser.add_argument(
        "--reuse", action="store_true", help="scale: measure the indexes --workdir already holds"
    )
    args = parser.parse_args(argv)
    shared = resolve_shared(args.shared)
    if not (shared / GLUTTON).is_file():
        print(f"skipped: {shared / GLUTTON} is absent")
        return 0
    steps = {"accuracy": accuracy, "cli": cli, "dask": dask, "scale": scale}
    with tempfile.TemporaryDirectory(prefix="acurefs-index-") as tmp:
        folder = Path(args.workdir) if args.workdir else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        steps[args.step](args, shared, folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
