"""How well the claim audit does, on labelled sentences and planted contradictions.

    python benchmarks/claims_accuracy.py [--sentences FILE ...] [--planted FILE ...]
                                         [--details] [--write-docs]

* **Evidential** (``acurefs.claims.evidential.assess``): on labelled sentences (the format is in
  ``tests/data/claims/README.md``), recall on evidential sentences, the share of
  non-evidential sentences flagged, and precision.
* **Names a source** (the cue that makes an uncited claim ask for possible sources,
  ``acurefs.resolve.suggest.cues_of(text).specific``): precision and recall against the
  labels' ``names_source``.
* **Planted contradictions**: each case is a cited sentence and the records of the works it
  cites (the format is in ``tests/data/claims-heldout/README.md``); the sentence is parsed in a
  one-paragraph article, its references resolved to the records, and the audit's findings
  compared with the expected ``(code, number)`` pairs. A planted contradiction is *found* when
  its pair is reported; a *false alarm* is a reported pair no case expects.
* **The bundled corpus**, resolved from its lock offline: its claims' standing and the
  contradictions found (the goal is none: its cited claims agree with their references).

The default sets are the project's (``tests/data/claims``) and the two held-out sets
(``tests/data/claims-heldout``, ``tests/data/claims-heldout-2``) where present.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import acurefs
from acurefs.claims.audit import contradictions
from acurefs.claims.evidential import assess
from acurefs.claims.standing import standing_summary
from acurefs.models import Person, Record, Resolution, Verdict
from acurefs.resolve.suggest import cues_of

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "written for the project": ROOT / "tests" / "data" / "claims",
    "held out": ROOT / "tests" / "data" / "claims-heldout",
    "held out, second set": ROOT / "tests" / "data" / "claims-heldout-2",
    "held out, third set": ROOT / "tests" / "data" / "claims-heldout-3",
    "held out, fourth set": ROOT / "tests" / "data" / "claims-heldout-4",
    "held out, fifth set": ROOT / "tests" / "data" / "claims-heldout-5",
    "held out, sixth set": ROOT / "tests" / "data" / "claims-heldout-6",
    "held out, seventh set": ROOT / "tests" / "data" / "claims-heldout-7",
    "held out, eighth set": ROOT / "tests" / "data" / "claims-heldout-8",
    "held out, ninth set": ROOT / "tests" / "data" / "claims-heldout-9",
    "held out, tenth set": ROOT / "tests" / "data" / "claims-heldout-10",
    "held out, eleventh set": ROOT / "tests" / "data" / "claims-heldout-11",
    "held out, twelfth set": ROOT / "tests" / "data" / "claims-heldout-12",
    "held out, thirteenth set": ROOT / "tests" / "data" / "claims-heldout-13",
    "held out, fourteenth set": ROOT / "tests" / "data" / "claims-heldout-14",
    "held out, fifteenth set": ROOT / "tests" / "data" / "claims-heldout-15",
    "held out, sixteenth set": ROOT / "tests" / "data" / "claims-heldout-16",
    "held out, seventeenth set": ROOT / "tests" / "data" / "claims-heldout-17",
    "held out, eighteenth set": ROOT / "tests" / "data" / "claims-heldout-18",
    "held out, nineteenth set": ROOT / "tests" / "data" / "claims-heldout-19",
    "held out, twentieth set": ROOT / "tests" / "data" / "claims-heldout-20",
    "held out, twenty-first set": ROOT / "tests" / "data" / "claims-heldout-21",
    "held out, twenty-second set": ROOT / "tests" / "data" / "claims-heldout-22",
    "held out, twenty-third set": ROOT / "tests" / "data" / "claims-heldout-23",
    "held out, twenty-fourth set": ROOT / "tests" / "data" / "claims-heldout-24",
    "held out, twenty-fifth set": ROOT / "tests" / "data" / "claims-heldout-25",
    "held out, twenty-sixth set": ROOT / "tests" / "data" / "claims-heldout-26",
    "held out, twenty-seventh set": ROOT / "tests" / "data" / "claims-heldout-27",
    "held out, twenty-eighth set": ROOT / "tests" / "data" / "claims-heldout-28",
    "held out, twenty-ninth set": ROOT / "tests" / "data" / "claims-heldout-29",
    "held out, thirtieth set": ROOT / "tests" / "data" / "claims-heldout-30",
    "held out, thirty-first set": ROOT / "tests" / "data" / "claims-heldout-31",
    "held out, thirty-second set": ROOT / "tests" / "data" / "claims-heldout-32",
    "held out, thirty-third set": ROOT / "tests" / "data" / "claims-heldout-33",
    "held out, thirty-fourth set": ROOT / "tests" / "data" / "claims-heldout-34",
    "held out, thirty-fifth set": ROOT / "tests" / "data" / "claims-heldout-35",
    "held out, thirty-sixth set": ROOT / "tests" / "data" / "claims-heldout-36",
    "held out, thirty-seventh set": ROOT / "tests" / "data" / "claims-heldout-37",
    "held out, thirty-eighth set": ROOT / "tests" / "data" / "claims-heldout-38",
    "held out, thirty-ninth set": ROOT / "tests" / "data" / "claims-heldout-39",
    "held out, fortieth set": ROOT / "tests" / "data" / "claims-heldout-40",
    "held out, forty-first set": ROOT / "tests" / "data" / "claims-heldout-41",
    "held out, forty-second set": ROOT / "tests" / "data" / "claims-heldout-42",
    "held out, forty-third set": ROOT / "tests" / "data" / "claims-heldout-43",
    "held out, forty-fourth set": ROOT / "tests" / "data" / "claims-heldout-44",
    "held out, forty-fifth set": ROOT / "tests" / "data" / "claims-heldout-45",
    "held out, forty-sixth set": ROOT / "tests" / "data" / "claims-heldout-46",
    "held out, forty-seventh set": ROOT / "tests" / "data" / "claims-heldout-47",
    "held out, forty-eighth set": ROOT / "tests" / "data" / "claims-heldout-48",
    "held out, forty-ninth set": ROOT / "tests" / "data" / "claims-heldout-49",
    "held out, fiftieth set": ROOT / "tests" / "data" / "claims-heldout-50",
    "held out, fifty-first set": ROOT / "tests" / "data" / "claims-heldout-51",
    "held out, fifty-second set": ROOT / "tests" / "data" / "claims-heldout-52",
    "held out, fifty-third set": ROOT / "tests" / "data" / "claims-heldout-53",
    "held out, fifty-fourth set": ROOT / "tests" / "data" / "claims-heldout-54",
    "held out, fifty-fifth set": ROOT / "tests" / "data" / "claims-heldout-55",
    "held out, fifty-sixth set": ROOT / "tests" / "data" / "claims-heldout-56",
    "held out, fifty-seventh set": ROOT / "tests" / "data" / "claims-heldout-57",
    "held out, fifty-eighth set": ROOT / "tests" / "data" / "claims-heldout-58",
    "held out, fifty-ninth set": ROOT / "tests" / "data" / "claims-heldout-59",
    "held out, sixtieth set": ROOT / "tests" / "data" / "claims-heldout-60",
    "held out, sixty-first set": ROOT / "tests" / "data" / "claims-heldout-61",
    "held out, sixty-second set": ROOT / "tests" / "data" / "claims-heldout-62",
    "held out, sixty-third set": ROOT / "tests" / "data" / "claims-heldout-63",
}
DOCS = ROOT / "docs" / "claims.md"
_START = "<!-- claims-accuracy:start -->"
_END = "<!-- claims-accuracy:end -->"
_RECORD_FIELDS = {"title", "subtitle", "journal", "journal_abbrev", "year", "volume", "issue"}
_RECORD_FIELDS |= {"pages", "type", "publisher"}


@dataclass
class Binary:
    """Counts of a yes/no decision against its labels."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, got: bool, want: bool, text: str) -> None:
        if got and want:
            self.tp += 1
        elif got:
            self.fp += 1
            self.misses.append(f"flagged, labelled no: {text}")
        elif want:
            self.fn += 1
            self.misses.append(f"missed, labelled yes: {text}")
        else:
            self.tn += 1

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def flagged(self) -> float:
        """The share of 'no' items said 'yes'."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0


def sentence_scores(path: Path) -> tuple[int, Binary, Binary]:
    sentences = json.loads(path.read_text(encoding="utf-8"))["sentences"]
    evidential, names = Binary(), Binary()
    for s in sentences:
        evidential.add(assess(s["text"]).evidential, bool(s["evidential"]), s["text"])
        names.add(cues_of(s["text"]).specific, bool(s.get("names_source")), s["text"])
    return len(sentences), evidential, names


@dataclass
class Planted:
    """Planted contradictions found, missed and invented."""

    cases: int = 0
    controls: int = 0
    expected: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    false_alarms: Counter[str] = field(default_factory=Counter)
    unread: int = 0
    misses: list[str] = field(default_factory=list)


def _record(case_id: str, number: str, data: dict[str, Any]) -> Record:
    values = {k: v for k, v in data.items() if k in _RECORD_FIELDS}
    authors = tuple(
        # a group author as Crossref gives it ({"name": ...}), kept as its reader keeps it
        Person(family=a["name"], collective=True)
        if "name" in a
        else Person(family=a.get("family", ""), given=a.get("given", ""))
        for a in data.get("authors", ())
    )
    return Record(doi=f"10.5555/planted.{case_id}.{number}", authors=authors, **values)


def planted_scores(path: Path) -> Planted:
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    out = Planted()
    for case in cases:
        out.cases += 1
        expected = Counter((e["code"], int(e["number"])) for e in case["expect"])
        if not expected:
            out.controls += 1
        out.expected.update(code for code, _ in expected.elements())
        numbers = sorted(int(n) for n in case["records"])
        listing = "\n".join(
            f"{n}. Doe J. Work number {n}. J Test. 2000;{n}:1-9."
            for n in range(1, max(numbers) + 1)
        )
        doc = acurefs.parse_document(
            f"{case['sentence']}\n\nReferences\n{listing}\n", name=case["id"], format="text"
        )
        refs = []
        for ref in doc.references:
            data = case["records"].get(str(ref.number))
            if data is not None:
                rec = _record(case["id"], str(ref.number), data)
                ref = dataclasses.replace(
                    ref, resolution=Resolution(Verdict.VERIFIED, doi=rec.doi, record=rec)
                )
            refs.append(ref)
        cited = doc.with_references(refs).cited_claims
        if sorted({n for c in cited for n in c.numbers}) != numbers:
            out.unread += 1
            out.misses.append(f"{case['id']}: markers read {[c.numbers for c in cited]}")
        got = Counter((f.code, f.number or 0) for c in cited for f in contradictions(c))
        hit = got & expected
        out.found.update(code for code, _ in hit.elements())
        wrong = got - expected
        out.false_alarms.update(code for code, _ in wrong.elements())
        for code, number in (expected - got).elements():
            out.misses.append(f"{case['id']}: missed {code} #{number}: {case['sentence']}")
        for code, number in wrong.elements():
            out.misses.append(f"{case['id']}: false alarm {code} #{number}: {case['sentence']}")
    return out


def bundled() -> tuple[str, int]:
    corpus = acurefs.resolve(acurefs.load_corpus(), offline=True)
    claims = [c for d in corpus for c in d.claims]
    found = sum(len(contradictions(c)) for c in claims if c.cited)
    return standing_summary(claims), found


def report(
    sentence_sets: Sequence[tuple[str, Path]], planted_sets: Sequence[tuple[str, Path]]
) -> tuple[str, list[str]]:
    misses: list[str] = []
    lines = [
        "Evidential claims and claims that name a source, on labelled sentences:",
        "",
        "| sentences | n | evidential recall | non-evidential flagged | precision "
        "| names a source: recall | precision |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path in sentence_sets:
        n, ev, names = sentence_scores(path)
        lines.append(
            f"| {name} | {n} | {ev.recall:.3f} ({ev.tp}/{ev.tp + ev.fn}) | "
            f"{ev.flagged:.1%} ({ev.fp}/{ev.fp + ev.tn}) | {ev.precision:.3f} | "
            f"{names.recall:.3f} ({names.tp}/{names.tp + names.fn}) | {names.precision:.3f} |"
        )
        misses += [f"{name}: evidential {m}" for m in ev.misses]
        misses += [f"{name}: names a source {m}" for m in names.misses]
    if planted_sets:
        lines += [
            "",
            "Planted contradictions:",
            "",
            "| set | cases | controls | code | planted | found | false alarms |",
            "| --- | ---: | ---: | --- | ---: | ---: | ---: |",
        ]
    for name, path in planted_sets:
        p = planted_scores(path)
        codes = sorted(set(p.expected) | set(p.false_alarms))
        for code in codes:
            lines.append(
                f"| {name} | {p.cases} | {p.controls} | `{code}` | {p.expected[code]} | "
                f"{p.found[code]} | {p.false_alarms[code]} |"
            )
        lines.append(
            f"| {name} | | | all | {sum(p.expected.values())} | {sum(p.found.values())} | "
            f"{sum(p.false_alarms.values())} |"
        )
        if p.unread:
            lines.append(f"| {name} | | | markers not read as labelled | {p.unread} | | |")
        misses += [f"{name}: {m}" for m in p.misses]
    summary, found = bundled()
    lines += ["", f"Bundled corpus (resolved from its lock): {summary}; contradictions: {found}."]
    return "\n".join(lines), misses


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="claims_accuracy.py", description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", action="append", type=Path, metavar="FILE")
    parser.add_argument("--planted", action="append", type=Path, metavar="FILE")
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--write-docs", action="store_true", help=f"rewrite the tables in {DOCS}")
    args = parser.parse_args(argv)
    if args.sentences or args.planted:
        sentence_sets = [(str(p), p) for p in args.sentences or ()]
        planted_sets = [(str(p), p) for p in args.planted or ()]
    else:
        sentence_sets = [
            (name, d / "sentences.json")
            for name, d in SETS.items()
            if (d / "sentences.json").is_file()
        ]
        planted_sets = [
            (name, d / "planted.json") for name, d in SETS.items() if (d / "planted.json").is_file()
        ]
    text, misses = report(sentence_sets, planted_sets)
    print(text)
    if args.details:
        print("\n".join(misses))
    if args.write_docs:
        page = DOCS.read_text(encoding="utf-8")
        start, end = page.index(_START) + len(_START), page.index(_END)
        DOCS.write_text(page[:start] + "\n" + text + "\n" + page[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
