"""How well acurefs maps an article's cited sentences to their references, on labelled articles.

    python benchmarks/markers_accuracy.py [--articles DIR ...] [--details] [--write-docs]

Each article ``NAME.txt|.md|.html`` in a directory has a ``NAME.labels.json`` (the format is in
``tests/data/articles/README.md``): every cited sentence as a snippet with the numbers it cites
and a snippet of each cited entry, chrome and other non-claims, and sentences with prose
numbers that cite nothing. For each article:

* a **cited sentence is right** when the claim holding its snippet cites exactly its numbers and
  each number points at the entry holding the label's ``refs`` snippet;
* a **false cite** is a number a claim cites that its label does not give (a claim no label
  names cites nothing);
* a **chrome claim** is a claim holding a ``not_claims`` snippet;
* **prose lost** counts ``no_citation`` snippets (body sentences that cite nothing) that no
  claim holds and a chrome block does: prose taken for site furniture, the price of a
  chrome rule that reaches too far. (A heading or a list's number is not lost.)

The default sets are the project's own: ``tests/data/articles`` (written for this project),
``tests/data/articles-heldout`` (written later by someone who had not read the rules) and the
bundled corpus (labels in ``tests/data/bundled.labels.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import acurefs

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"
HELD_OUT = ROOT / "tests" / "data" / "articles-heldout"
HELD_OUT_2 = ROOT / "tests" / "data" / "articles-heldout-2"
HELD_OUT_3 = ROOT / "tests" / "data" / "articles-heldout-3"
HELD_OUT_4 = ROOT / "tests" / "data" / "articles-heldout-4"
HELD_OUT_5 = ROOT / "tests" / "data" / "articles-heldout-5"
HELD_OUT_6 = ROOT / "tests" / "data" / "articles-heldout-6"
HELD_OUT_7 = ROOT / "tests" / "data" / "articles-heldout-7"
HELD_OUT_8 = ROOT / "tests" / "data" / "articles-heldout-8"
HELD_OUT_9 = ROOT / "tests" / "data" / "articles-heldout-9"
HELD_OUT_10 = ROOT / "tests" / "data" / "articles-heldout-10"
HELD_OUT_11 = ROOT / "tests" / "data" / "articles-heldout-11"
HELD_OUT_12 = ROOT / "tests" / "data" / "articles-heldout-12"
HELD_OUT_13 = ROOT / "tests" / "data" / "articles-heldout-13"
HELD_OUT_14 = ROOT / "tests" / "data" / "articles-heldout-14"
HELD_OUT_15 = ROOT / "tests" / "data" / "articles-heldout-15"
HELD_OUT_16 = ROOT / "tests" / "data" / "articles-heldout-16"
HELD_OUT_17 = ROOT / "tests" / "data" / "articles-heldout-17"
HELD_OUT_18 = ROOT / "tests" / "data" / "articles-heldout-18"
HELD_OUT_19 = ROOT / "tests" / "data" / "articles-heldout-19"
HELD_OUT_20 = ROOT / "tests" / "data" / "articles-heldout-20"
HELD_OUT_21 = ROOT / "tests" / "data" / "articles-heldout-21"
HELD_OUT_22 = ROOT / "tests" / "data" / "articles-heldout-22"
HELD_OUT_23 = ROOT / "tests" / "data" / "articles-heldout-23"
HELD_OUT_24 = ROOT / "tests" / "data" / "articles-heldout-24"
HELD_OUT_25 = ROOT / "tests" / "data" / "articles-heldout-25"
HELD_OUT_26 = ROOT / "tests" / "data" / "articles-heldout-26"
HELD_OUT_27 = ROOT / "tests" / "data" / "articles-heldout-27"
HELD_OUT_28 = ROOT / "tests" / "data" / "articles-heldout-28"
HELD_OUT_29 = ROOT / "tests" / "data" / "articles-heldout-29"
HELD_OUT_30 = ROOT / "tests" / "data" / "articles-heldout-30"
HELD_OUT_31 = ROOT / "tests" / "data" / "articles-heldout-31"
HELD_OUT_32 = ROOT / "tests" / "data" / "articles-heldout-32"
HELD_OUT_33 = ROOT / "tests" / "data" / "articles-heldout-33"
HELD_OUT_34 = ROOT / "tests" / "data" / "articles-heldout-34"
HELD_OUT_35 = ROOT / "tests" / "data" / "articles-heldout-35"
HELD_OUT_36 = ROOT / "tests" / "data" / "articles-heldout-36"
HELD_OUT_37 = ROOT / "tests" / "data" / "articles-heldout-37"
HELD_OUT_38 = ROOT / "tests" / "data" / "articles-heldout-38"
HELD_OUT_39 = ROOT / "tests" / "data" / "articles-heldout-39"
HELD_OUT_40 = ROOT / "tests" / "data" / "articles-heldout-40"
HELD_OUT_41 = ROOT / "tests" / "data" / "articles-heldout-41"
HELD_OUT_42 = ROOT / "tests" / "data" / "articles-heldout-42"
HELD_OUT_43 = ROOT / "tests" / "data" / "articles-heldout-43"
HELD_OUT_44 = ROOT / "tests" / "data" / "articles-heldout-44"
HELD_OUT_45 = ROOT / "tests" / "data" / "articles-heldout-45"
HELD_OUT_46 = ROOT / "tests" / "data" / "articles-heldout-46"
HELD_OUT_47 = ROOT / "tests" / "data" / "articles-heldout-47"
HELD_OUT_48 = ROOT / "tests" / "data" / "articles-heldout-48"
HELD_OUT_49 = ROOT / "tests" / "data" / "articles-heldout-49"
HELD_OUT_50 = ROOT / "tests" / "data" / "articles-heldout-50"
HELD_OUT_51 = ROOT / "tests" / "data" / "articles-heldout-51"
HELD_OUT_52 = ROOT / "tests" / "data" / "articles-heldout-52"
HELD_OUT_53 = ROOT / "tests" / "data" / "articles-heldout-53"
HELD_OUT_54 = ROOT / "tests" / "data" / "articles-heldout-54"
HELD_OUT_55 = ROOT / "tests" / "data" / "articles-heldout-55"
HELD_OUT_56 = ROOT / "tests" / "data" / "articles-heldout-56"
HELD_OUT_57 = ROOT / "tests" / "data" / "articles-heldout-57"
HELD_OUT_58 = ROOT / "tests" / "data" / "articles-heldout-58"
HELD_OUT_59 = ROOT / "tests" / "data" / "articles-heldout-59"
HELD_OUT_60 = ROOT / "tests" / "data" / "articles-heldout-60"
HELD_OUT_61 = ROOT / "tests" / "data" / "articles-heldout-61"
HELD_OUT_62 = ROOT / "tests" / "data" / "articles-heldout-62"
HELD_OUT_63 = ROOT / "tests" / "data" / "articles-heldout-63"
HELD_OUT_64 = ROOT / "tests" / "data" / "articles-heldout-64"
HELD_OUT_65 = ROOT / "tests" / "data" / "articles-heldout-65"
HELD_OUT_66 = ROOT / "tests" / "data" / "articles-heldout-66"
HELD_OUT_67 = ROOT / "tests" / "data" / "articles-heldout-67"
HELD_OUT_68 = ROOT / "tests" / "data" / "articles-heldout-68"
HELD_OUT_69 = ROOT / "tests" / "data" / "articles-heldout-69"
HELD_OUT_70 = ROOT / "tests" / "data" / "articles-heldout-70"
HELD_OUT_71 = ROOT / "tests" / "data" / "articles-heldout-71"
HELD_OUT_72 = ROOT / "tests" / "data" / "articles-heldout-72"
HELD_OUT_73 = ROOT / "tests" / "data" / "articles-heldout-73"
HELD_OUT_74 = ROOT / "tests" / "data" / "articles-heldout-74"
HELD_OUT_75 = ROOT / "tests" / "data" / "articles-heldout-75"
HELD_OUT_76 = ROOT / "tests" / "data" / "articles-heldout-76"
BUNDLED_LABELS = ROOT / "tests" / "data" / "bundled.labels.json"
DOCS = ROOT / "docs" / "markers.md"
_START = "<!-- markers-accuracy:start -->"
_END = "<!-- markers-accuracy:end -->"


@dataclass
class Score:
    """What one article (or a total) got right and wrong."""

    name: str
    cited: int = 0
    right: int = 0
    false_cites: int = 0
    chrome_claims: int = 0
    prose_lost: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.cited += other.cited
        self.right += other.right
        self.false_cites += other.false_cites
        self.chrome_claims += other.chrome_claims
        self.prose_lost += other.prose_lost

    @property
    def share(self) -> float:
        return self.right / self.cited if self.cited else 1.0


def _flat(text: str) -> str:
    return " ".join(text.split())


def labelled(directory: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each article of a directory with its labels."""
    for labels in sorted(directory.glob("*.labels.json")):
        stem = labels.name.removesuffix(".labels.json")
        article = next((p for p in directory.glob(stem + ".*") if p != labels), None)
        if article is not None:
            yield article, json.loads(labels.read_text(encoding="utf-8"))


def bundled() -> Iterator[tuple[Path, dict[str, Any]]]:
    """The bundled corpus with its labels."""
    labels = json.loads(BUNDLED_LABELS.read_text(encoding="utf-8"))
    for name, label in labels["articles"].items():
        yield ROOT / "refs" / name, label


def score_article(path: Path, label: dict[str, Any]) -> Score:
    doc = acurefs.load_document(path)
    score = Score(path.name)
    claims = [(c, _flat(c.text)) for c in doc.claims]
    expected: dict[int, set[int]] = {}
    for item in label.get("cited", ()):
        score.cited += 1
        snippet = _flat(item["snippet"])
        found = [i for i, (_, text) in enumerate(claims) if snippet in text]
        if not found:
            score.misses.append(f"no claim holds {item['snippet']!r}")
            continue
        i = found[0]
        claim = claims[i][0]
        expected.setdefault(i, set()).update(item["numbers"])
        if _right(claim, item):
            score.right += 1
        else:
            score.misses.append(
                f"{item['snippet']!r}: cites {list(claim.numbers)}, label {item['numbers']}"
            )
    for i, (claim, text) in enumerate(claims):
        wrong = set(claim.numbers) - expected.get(i, set())
        if wrong:
            score.false_cites += len(wrong)
            score.misses.append(f"false cite {sorted(wrong)} in {text[:80]!r}")
        for snippet in label.get("not_claims", ()):
            if _flat(snippet) in text:
                score.chrome_claims += 1
                score.misses.append(f"chrome claim {text[:80]!r}")
                break
    chrome = [
        _flat(doc.text[b.span.start : b.span.end])
        for b in doc.blocks
        if b.kind is acurefs.BlockKind.CHROME
    ]
    for snippet in label.get("no_citation", ()):
        flat = _flat(snippet)
        if any(flat in text for text in chrome) and not any(flat in text for _, text in claims):
            score.prose_lost += 1
            score.misses.append(f"prose lost {snippet!r}")
    return score


def _right(claim: acurefs.Claim, item: dict[str, Any]) -> bool:
    if set(claim.numbers) != set(item["numbers"]):
        return False
    by_number = {r.number: r for r in claim.references}
    for number, ref_snippet in zip(item["numbers"], item.get("refs") or (), strict=False):
        if ref_snippet is None:
            continue  # an article without a reference list
        ref = by_number.get(number)
        if ref is None or _flat(ref_snippet) not in _flat(ref.raw):
            return False
    return True


def run(
    sets: Sequence[tuple[str, list[tuple[Path, dict[str, Any]]]]],
) -> list[tuple[str, Score, list[Score]]]:
    out = []
    for name, items in sets:
        total = Score(name)
        scores = []
        for path, label in items:
            try:
                article = score_article(path, label)
            except acurefs.AcurefsError as exc:
                article = Score(path.name, cited=len(label.get("cited", ())))
                article.misses.append(f"could not read: {exc}")
            scores.append(article)
            total.add(article)
        out.append((name, total, scores))
    return out


def table(results: Sequence[tuple[str, Score, list[Score]]]) -> str:
    lines = [
        "| articles | cited sentences | mapped right | false cites | chrome claims | prose lost |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, total, scores in results:
        lines.append(
            f"| {name} ({len(scores)}) | {total.cited} | {total.right} ({total.share:.1%}) | "
            f"{total.false_cites} | {total.chrome_claims} | {total.prose_lost} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="markers_accuracy.py", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--articles",
        action="append",
        type=Path,
        metavar="DIR",
        help="a directory of labelled articles (repeatable; default: the project's)",
    )
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--write-docs", action="store_true", help=f"rewrite the table in {DOCS}")
    args = parser.parse_args(argv)
    if args.articles:
        sets = [(str(d), list(labelled(d))) for d in args.articles]
    else:
        sets = [
            ("written for the project", list(labelled(ARTICLES))),
            ("held out", list(labelled(HELD_OUT))),
            ("held out, second set", list(labelled(HELD_OUT_2))),
            ("held out, third set", list(labelled(HELD_OUT_3))),
            ("held out, fourth set", list(labelled(HELD_OUT_4))),
            ("held out, fifth set", list(labelled(HELD_OUT_5))),
            ("held out, sixth set", list(labelled(HELD_OUT_6))),
            ("held out, seventh set", list(labelled(HELD_OUT_7))),
            ("held out, eighth set", list(labelled(HELD_OUT_8))),
            ("held out, ninth set", list(labelled(HELD_OUT_9))),
            ("held out, tenth set", list(labelled(HELD_OUT_10))),
            ("held out, eleventh set", list(labelled(HELD_OUT_11))),
            ("held out, twelfth set", list(labelled(HELD_OUT_12))),
            ("held out, thirteenth set", list(labelled(HELD_OUT_13))),
            ("held out, fourteenth set", list(labelled(HELD_OUT_14))),
            ("held out, fifteenth set", list(labelled(HELD_OUT_15))),
            ("held out, sixteenth set", list(labelled(HELD_OUT_16))),
            ("held out, seventeenth set", list(labelled(HELD_OUT_17))),
            ("held out, eighteenth set", list(labelled(HELD_OUT_18))),
            ("held out, nineteenth set", list(labelled(HELD_OUT_19))),
            ("held out, twentieth set", list(labelled(HELD_OUT_20))),
            ("held out, twenty-first set", list(labelled(HELD_OUT_21))),
            ("held out, twenty-second set", list(labelled(HELD_OUT_22))),
            ("held out, twenty-third set", list(labelled(HELD_OUT_23))),
            ("held out, twenty-fourth set", list(labelled(HELD_OUT_24))),
            ("held out, twenty-fifth set", list(labelled(HELD_OUT_25))),
            ("held out, twenty-sixth set", list(labelled(HELD_OUT_26))),
            ("held out, twenty-seventh set", list(labelled(HELD_OUT_27))),
            ("held out, twenty-eighth set", list(labelled(HELD_OUT_28))),
            ("held out, twenty-ninth set", list(labelled(HELD_OUT_29))),
            ("held out, thirtieth set", list(labelled(HELD_OUT_30))),
            ("held out, thirty-first set", list(labelled(HELD_OUT_31))),
            ("held out, thirty-second set", list(labelled(HELD_OUT_32))),
            ("held out, thirty-third set", list(labelled(HELD_OUT_33))),
            ("held out, thirty-fourth set", list(labelled(HELD_OUT_34))),
            ("held out, thirty-fifth set", list(labelled(HELD_OUT_35))),
            ("held out, thirty-sixth set", list(labelled(HELD_OUT_36))),
            ("held out, thirty-seventh set", list(labelled(HELD_OUT_37))),
            ("held out, thirty-eighth set", list(labelled(HELD_OUT_38))),
            ("held out, thirty-ninth set", list(labelled(HELD_OUT_39))),
            ("held out, fortieth set", list(labelled(HELD_OUT_40))),
            ("held out, forty-first set", list(labelled(HELD_OUT_41))),
            ("held out, forty-second set", list(labelled(HELD_OUT_42))),
            ("held out, forty-third set", list(labelled(HELD_OUT_43))),
            ("held out, forty-fourth set", list(labelled(HELD_OUT_44))),
            ("held out, forty-fifth set", list(labelled(HELD_OUT_45))),
            ("held out, forty-sixth set", list(labelled(HELD_OUT_46))),
            ("held out, forty-seventh set", list(labelled(HELD_OUT_47))),
            ("held out, forty-eighth set", list(labelled(HELD_OUT_48))),
            ("held out, forty-ninth set", list(labelled(HELD_OUT_49))),
            ("held out, fiftieth set", list(labelled(HELD_OUT_50))),
            ("held out, fifty-first set", list(labelled(HELD_OUT_51))),
            ("held out, fifty-second set", list(labelled(HELD_OUT_52))),
            ("held out, fifty-third set", list(labelled(HELD_OUT_53))),
            ("held out, fifty-fourth set", list(labelled(HELD_OUT_54))),
            ("held out, fifty-fifth set", list(labelled(HELD_OUT_55))),
            ("held out, fifty-sixth set", list(labelled(HELD_OUT_56))),
            ("held out, fifty-seventh set", list(labelled(HELD_OUT_57))),
            ("held out, fifty-eighth set", list(labelled(HELD_OUT_58))),
            ("held out, fifty-ninth set", list(labelled(HELD_OUT_59))),
            ("held out, sixtieth set", list(labelled(HELD_OUT_60))),
            ("held out, sixty-first set", list(labelled(HELD_OUT_61))),
            ("held out, sixty-second set", list(labelled(HELD_OUT_62))),
            ("held out, sixty-third set", list(labelled(HELD_OUT_63))),
            ("held out, sixty-fourth set", list(labelled(HELD_OUT_64))),
            ("held out, sixty-fifth set", list(labelled(HELD_OUT_65))),
            ("held out, sixty-sixth set", list(labelled(HELD_OUT_66))),
            ("held out, sixty-seventh set", list(labelled(HELD_OUT_67))),
            ("held out, sixty-eighth set", list(labelled(HELD_OUT_68))),
            ("held out, sixty-ninth set", list(labelled(HELD_OUT_69))),
            ("held out, seventieth set", list(labelled(HELD_OUT_70))),
            ("held out, seventy-first set", list(labelled(HELD_OUT_71))),
            ("held out, seventy-second set", list(labelled(HELD_OUT_72))),
            ("held out, seventy-third set", list(labelled(HELD_OUT_73))),
            ("held out, seventy-fourth set", list(labelled(HELD_OUT_74))),
            ("held out, seventy-fifth set", list(labelled(HELD_OUT_75))),
            ("held out, seventy-sixth set", list(labelled(HELD_OUT_76))),
            ("bundled corpus", list(bundled())),
        ]
    results = run(sets)
    text = table(results)
    print(text)
    if args.details:
        for _, _, scores in results:
            for score in scores:
                for miss in score.misses:
                    print(f"{score.name}: {miss}")
    if args.write_docs:
        page = DOCS.read_text(encoding="utf-8")
        start, end = page.index(_START) + len(_START), page.index(_END)
        DOCS.write_text(page[:start] + "\n" + text + "\n" + page[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
