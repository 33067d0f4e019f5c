"""E-utilities requests per reference on the bundled corpus, and what PubMed adds to Crossref.

Both loopback servers of the test suite are started (tests/fake_crossref, tests/fake_eutils,
NCBI's 3 requests a second enforced: a request over it is a 429) and the bundled articles are
resolved through Crossref alone, then through Crossref and PubMed, with fresh caches:

* batched: every reference of an article in one run (what ``acurefs resolve`` does);
* alone: each reference in a run of its own, the worst case per reference.

    python benchmarks/pubmed_requests.py [--article acupuncture-pain-evidence.txt]

The loopback PubMed holds the corpus works as ``tests/fake_eutils/fixtures.py`` writes them
(four PMIDs there are placeholders: see that file), so the counts measure linking and
batching, not NCBI's coverage.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_crossref import FakeCrossref, fixture_records  # noqa: E402
from tests.fake_eutils import FakeEutils, fixture_articles  # noqa: E402

import acurefs  # noqa: E402
from acurefs import Cache, Crossref, Lock, PubMed, Reference  # noqa: E402


def run(
    refs: list[Reference], crossref: FakeCrossref, eutils: FakeEutils, tmp: Path, pubmed: bool
) -> list[Reference]:
    # Every run's PubMed shares the process's limiter for the address (as Crossref's do):
    # one run after another keeps to 3 a second between them.
    cache = Cache(tmp / f"cache-{len(list(tmp.iterdir()))}.sqlite3")
    first = Crossref(base_url=crossref.url, mailto="bench@example.org", cache=cache)
    second = PubMed(base_url=eutils.url, email="bench@example.org", cache=cache) if pubmed else None
    try:
        return acurefs.resolve(refs, source=first, pubmed=second, lock=Lock(()))
    finally:
        first.close()
        if second is not None:
            second.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", default="acupuncture-pain-evidence.txt")
    args = parser.parse_args()
    corpus = acurefs.load_corpus()
    doc = corpus.document(args.article)
    if doc is None:
        print(f"No bundled article {args.article!r}", file=sys.stderr)
        return 2
    with (
        tempfile.TemporaryDirectory() as folder,
        FakeCrossref(fixture_records()) as crossref,
        FakeEutils(fixture_articles()) as eutils,
    ):
        tmp = Path(folder)
        refs = list(doc.references)
        both = run(refs, crossref, eutils, tmp, pubmed=True)
        batched = Counter(r.utility for r in eutils.requests)
        limited = eutils.count(status=429)
        with_pmid = sum(1 for r in both if r.resolution and r.resolution.pmid)
        total = sum(batched.values())
        print(
            f"{args.article}: {len(refs)} references, {with_pmid} with a PMID; batched: "
            f"{total} E-utilities requests ({total / len(refs):.2f} per reference) "
            f"{dict(batched)}; 429s: {limited}"
        )
        alone = []
        limited = 0
        for ref in refs:
            eutils.reset_log()
            run([ref], crossref, eutils, tmp, pubmed=True)
            alone.append((len(eutils.requests), ref.number))
            limited += eutils.count(status=429)
        print(
            "alone: requests per reference "
            + ", ".join(f"#{n}: {c}" for c, n in alone)
            + f"; worst {max(alone)[0]}; 429s: {limited}"
        )
        eutils.reset_log()
        all_refs = list(corpus.references)
        only = run(all_refs, crossref, eutils, tmp, pubmed=False)
        eutils.reset_log()
        both = run(all_refs, crossref, eutils, tmp, pubmed=True)
        print(
            f"bundled corpus: {len(all_refs)} references, "
            f"{len(eutils.requests)} E-utilities requests, 429s: {eutils.count(status=429)}"
        )
        added(only, both)
    return 0


def added(only: list[Reference], both: list[Reference]) -> None:
    """What the second source found that the first did not, reference by reference."""
    for first, second in zip(only, both, strict=True):
        a, b = first.resolution, second.resolution
        if a is None or b is None:
            continue
        notes = []
        if a.verdict != b.verdict:
            notes.append(f"verdict {a.verdict} -> {b.verdict}")
        if b.pmid:
            notes.append(f"PMID {b.pmid}")
        if b.record is not None:
            types = [t for t in b.record.publication_types if t != "Journal Article"]
            if types:
                notes.append("types " + ", ".join(types))
            if b.record.abstract:
                notes.append("abstract")
        new = sorted({f.code for f in b.findings} - {f.code for f in a.findings})
        if new:
            notes.append("new findings " + ", ".join(new))
        if notes:
            print(f"  {second.label}: " + "; ".join(notes))


if __name__ == "__main__":
    raise SystemExit(main())
