"""The measured sections of ``docs/accuracy.md`` and the facts that date them.

Each benchmark owns one section between ``<!-- NAME:start -->`` and
``<!-- NAME:end -->`` and rewrites only that; everything else on the page is
left as it is. A missing page is created with an introduction to the data and
the rules.
"""

from __future__ import annotations

import datetime
import platform
from pathlib import Path
from typing import Final

from eval_data import REPO_ROOT

DOCS_PAGE: Final = REPO_ROOT / "docs" / "accuracy.md"
CPUINFO: Final = Path("/proc/cpuinfo")


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def replace_section(page: str, name: str, body: str) -> str:
    """``page`` with the text between section ``name``'s markers replaced by ``body``.

    A page without both markers, in order, gets the section appended.
    """
    start, end = _markers(name)
    section = f"{start}\n{body.strip()}\n{end}"
    head, found, rest = page.partition(start)
    if found and end in rest:
        return head + section + rest.partition(end)[2]
    return page.rstrip("\n") + "\n\n" + section + "\n"


def write_section(name: str, body: str, page: Path = DOCS_PAGE) -> Path:
    """Rewrite section ``name`` of ``page``, creating the page with :data:`INTRO` if missing."""
    text = page.read_text(encoding="utf-8") if page.is_file() else INTRO
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(replace_section(text, name, body), encoding="utf-8")
    return page


def acurefs_version() -> str:
    """The installed acurefs version, or ``unknown``."""
    try:
        from acurefs import __version__
    except ImportError:
        return "unknown"
    return str(__version__)


def cpu_model(cpuinfo: Path = CPUINFO) -> str:
    """The CPU model name from ``/proc/cpuinfo``, else what :mod:`platform` knows."""
    try:
        lines = cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        key, _, value = line.partition(":")
        if key.strip() == "model name" and value.strip():
            return value.strip()
    return platform.processor() or platform.machine() or "unknown"


def provenance(today: datetime.date | None = None) -> str:
    """When and with what a result was measured.

    ``2026-05-01, acurefs 0.1.0, CPython 3.11.7 on Linux``
    """
    day = (today or datetime.date.today()).isoformat()
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{day}, acurefs {acurefs_version()}, {python} on {platform.system()}"


INTRO: Final = """\
# Parsing accuracy and speed

How well and how fast `acurefs.parse_reference` reads printed references, field by
field. The labelled data is public data from other projects, read in place from the
shared evaluation folder (`../shared/eval` next to the repository, or `--shared DIR`,
or the environment variable `ACUREFS_SHARED` naming the shared folder); none of it,
converted or not, is copied into this repository. The sections between the
`results` and `speed` markers are rewritten by the benchmarks; edit anything else.

## Data sets

**GROBID citation corpus, strict-Vancouver subset.** `grobid-citations/corpus/*.xml`,
the citation training corpus of [GROBID](https://github.com/kermitt2/grobid)
(`grobid-trainer/resources/dataset/citation/corpus`; annotated data under CC-BY,
attribution: GROBID, kermitt2/grobid contributors). 468 TEI files, 8,678 `<bibl>`
elements, with the TEI namespace or without. The parser reads a bibl's text content
with whitespace collapsed; strings with encoding damage are kept, they are real.
The *strict-Vancouver* subset keeps a bibl when

- every comma-separated name in its first `<author>` element is a surname followed
  by 1-4 capital initials without periods (`Lee J-H`, `van de Wiel MA`; a `Jr`/`III`
  suffix and a final `et al` allowed; a second word that itself looks like initials
  refuses the name, as in the damaged `Chelluri L L`), and
- its text holds `yyyy;vol(iss):page` (issue optional, spaces allowed around `;`,
  `(` and `:`: `2017;166(7):514-530`, `1984; 17:471-480`).

Gold: first author = the text before the first initials group of that `<author>`;
title = `title[@level="a"]`; journal = `title[@level="j"]`; year = the first
four-digit year of `<date>`; volume = `biblScope[@unit="volume"]` (or `@type="vol"`);
first page = `biblScope[@unit="page"]` (or `@type="pp"`): its `@from`, else its text
before the first dash. Scored: author, title, journal, year, volume, first page.

**biblio-glutton DOI-matching set.** `glutton/references-doi-matching.json.gz` from
[biblio-glutton](https://github.com/kermitt2/biblio-glutton) (`doc/`, Apache-2.0):
17,015 reference strings extracted from PubMed Central PDFs by GROBID, with line breaks
and hyphenation kept; the parser reads them as they are. Gold: `firstAuthor`, `atitle`,
`jtitle`, `volume`, `firstPage`. Some records lack a gold field (`firstAuthor` is
missing on about 5,100): a field is scored only on records whose gold has it. The
gold is the metadata of the work the string was matched to, not a labelling of the
string: about 1 % of gold first authors, journals, volumes and first pages do not
occur in the string at all (a string holding two references run together, a wrong
match), which caps recall near 0.99. About 120 strings occur twice with different
gold; both records are kept.

**AnyStyle gold minus core.** `anystyle/gold.xml` without the sequences whose text
also appears in `anystyle/core.xml`, from [AnyStyle](https://github.com/inukshuk/anystyle)
(`res/parser/`, BSD-2-Clause, copyright Sylvester Keil). Many citation styles. The
parser reads a sequence's labelled tokens joined by spaces. Scored: first author,
title (`<title>`), journal (`<journal>` only; a container title is not a journal).
First author: the `<author>` label's first person is the text before the first `,`,
`;`, `and`, `&` or `et`. Initials (1-4 capitals, with or without periods) tell the
name order: the family name is the run of other words after the last initial
(`J. van der Berg`), else before the first (`van de Wiel MA`). Without initials the
order is unknown (`Karen Yagdjian`, `Bajos Nathalie`), so any leading or trailing
run of words is accepted. Year, issue and pages are not scored: in Vancouver
strings AnyStyle labels them inside `volume`.

## Scoring

Per field, on the records whose gold has the field: precision = correct / predicted,
recall = correct / gold, F1 their harmonic mean. A field is predicted when the parser
gives a non-blank value; the first author's family name is `authors[0].family`, the
first page is `first_page`. Prediction and gold are normalised alike: Unicode NFKC,
hyphenation at line breaks removed (`-` and a line break before a lowercase letter),
accents stripped, casefolded, and every character that is not a letter or digit
removed, so case, punctuation, spacing and hyphens do not count. Years compare as
integers. First authors also match without leading particles (`de`, `van`, `von`,
`di`, `la`... on either side), because glutton's gold drops them (`Vogli` for
`De Vogli`). A parser exception counts as no prediction and is listed.

## Commands

```sh
python benchmarks/parse_accuracy.py --dataset all --write-docs
python benchmarks/parse_speed.py --write-docs
```

<!-- results:start -->
Not measured yet.
<!-- results:end -->

<!-- speed:start -->
Not measured yet.
<!-- speed:end -->
"""
