"""Closed-world PubMed linking: glutton's PMID-labelled strings matched to PMIDs without a DOI.

The 14,093 records of biblio-glutton's DOI-matching set that carry a PMID are turned, in
memory, into PubMed articles (PMID, title, first author, journal, volume, first page; the
gold has no year, so each article takes the first year printed in its string) and served by
the loopback E-utilities (tests/fake_eutils). A seeded sample of the strings is parsed and
linked exactly as a reference Crossref could not resolve is: ECitMatch, then a field-tagged
esearch, every candidate re-checked against the printed fields. 10% of the sampled strings
have their gold article withheld from the world, so a wrong PMID can happen.

    python benchmarks/pubmed_linking.py [--shared DIR] [--sample 1000] [--withheld 0.10] [--seed 7]

Right = the gold PMID; wrong = another PMID (for a withheld string, any PMID); none = no PMID.
Requests are counted at the server; the client's limiter is opened up (loopback), so the run
measures requests, not NCBI's pace.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.fake_eutils import Article, FakeEutils  # noqa: E402

import acurefs  # noqa: E402
from acurefs.models import Resolution, Verdict  # noqa: E402
from acurefs.resolve.lock import printed_hash  # noqa: E402
from acurefs.resolve.pubmed import link_pubmed  # noqa: E402
from acurefs.sources.cache import Cache  # noqa: E402
from acurefs.sources.limits import Limits  # noqa: E402
from acurefs.sources.pubmed import PubMed  # noqa: E402
from eval_data import resolve_shared  # noqa: E402

GLUTTON = Path("eval") / "glutton" / "references-doi-matching.json.gz"
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-2]\d)\b")


def article(gold: dict[str, Any]) -> Article | None:
    """The PubMed article of one gold record; None when it lacks what an article needs."""
    year = _YEAR.search(gold["reference"])
    if not (gold.get("atitle") and gold.get("jtitle") and year):
        return None
    return Article(
        pmid=str(gold["pmid"]),
        title=" ".join(str(gold["atitle"]).split()),
        journal=str(gold["jtitle"]),
        abbrev=str(gold["jtitle"]),
        year=int(year.group(1)),
        volume=str(gold.get("volume") or ""),
        pages=str(gold.get("firstPage") or ""),
        authors=((str(gold["firstAuthor"]), ""),) if gold.get("firstAuthor") else (),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared data folder (default ../shared)")
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--withheld", type=float, default=0.10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", action="store_true", help="print every wrong PMID")
    args = parser.parse_args()
    shared = resolve_shared(args.shared)
    with gzip.open(shared / GLUTTON, "rt", encoding="utf-8") as handle:
        golds = [g for g in json.load(handle) if g.get("pmid")]
    articles = {a.pmid: a for g in golds if (a := article(g)) is not None}
    usable = [g for g in golds if str(g["pmid"]) in articles]
    rng = random.Random(args.seed)
    sample = rng.sample(usable, min(args.sample, len(usable)))
    withheld = {str(g["pmid"]) for g in sample[: int(len(sample) * args.withheld)]}
    world = [a for pmid, a in articles.items() if pmid not in withheld]
    print(
        f"{len(golds):,} PMID-labelled strings; {len(articles):,} usable as articles; "
        f"sample {len(sample):,} (seed {args.seed}), {len(withheld)} withheld"
    )
    references = {}
    for gold in sample:
        ref = acurefs.parse_reference(" ".join(gold["reference"].split()))
        references[printed_hash(ref)] = (ref, str(gold["pmid"]))
    unresolved = {d: Resolution(Verdict.UNRESOLVED) for d in references}
    with tempfile.TemporaryDirectory() as tmp, FakeEutils(world, enforce=False) as server:
        pubmed = PubMed(
            base_url=server.url,
            email="bench@example.org",
            cache=Cache(Path(tmp) / "c.sqlite3"),
            limits=Limits(single=10_000, list=10_000, concurrency=1),
        )
        started = time.perf_counter()
        linked = link_pubmed({d: r for d, (r, _) in references.items()}, unresolved, pubmed)
        seconds = time.perf_counter() - started
        by_utility = Counter(r.utility for r in server.requests)
        limited = server.count(status=429)
    outcomes: Counter[str] = Counter()
    vias: Counter[str] = Counter()
    for digest, (_ref, gold_pmid) in references.items():
        pmid = linked[digest].pmid
        if pmid is None:
            outcomes["withheld-none" if gold_pmid in withheld else "none"] += 1
        elif gold_pmid in withheld or pmid != gold_pmid:
            outcomes["wrong"] += 1
            if args.errors:
                theirs = articles.get(pmid)
                print(f"WRONG {pmid} for gold {gold_pmid}: {_ref.raw[:150]!r}")
                print(f"      got: {theirs.title if theirs else '?'!r} ({theirs and theirs.year})")
        else:
            outcomes["right"] += 1
            vias.update(link.via or "?" for link in linked[digest].linked)
    present = len(references) - len([d for d, (_, p) in references.items() if p in withheld])
    proposed = outcomes["right"] + outcomes["wrong"]
    print(
        f"right {outcomes['right']:,} of {present:,} in the world "
        f"({outcomes['right'] / max(present, 1):.1%}); wrong {outcomes['wrong']} "
        f"(precision {outcomes['right'] / max(proposed, 1):.2%}); none {outcomes['none']}; "
        f"withheld and rightly none {outcomes['withheld-none']} of {len(withheld)}"
    )
    print(f"found by: {dict(vias)}")
    total = sum(by_utility.values())
    print(
        f"requests: {total:,} ({total / max(len(references), 1):.2f} per reference) "
        f"{dict(by_utility)}; 429s: {limited}; {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
