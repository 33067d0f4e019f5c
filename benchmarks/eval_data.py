"""Labelled reference strings from the shared evaluation data, read in place.

Three data sets, one loader each, all returning :class:`GoldReference` records:
the GROBID citation corpus (strict-Vancouver subset), biblio-glutton's
DOI-matching set and AnyStyle's gold set minus its core set. The data is public
data from other projects under their own licences (see ``SOURCES.md`` beside
it): it is read where it lies and never copied into this repository.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final

REPO_ROOT: Final = Path(__file__).resolve().parents[1]
DEFAULT_SHARED: Final = REPO_ROOT.parent / "shared"
SHARED_ENV: Final = "ACUREFS_SHARED"

DATASETS: Final = ("grobid", "glutton", "anystyle")
"""Data set names, in the order reports list them."""

FIELDS: Final = ("author", "title", "journal", "year", "volume", "first_page")
"""Gold field names. ``author`` is the first author's family name."""

GROBID_CORPUS: Final = Path("grobid-citations") / "corpus"
GLUTTON_FILE: Final = Path("glutton") / "references-doi-matching.json.gz"
ANYSTYLE_GOLD: Final = Path("anystyle") / "gold.xml"
ANYSTYLE_CORE: Final = Path("anystyle") / "core.xml"

_TEI_NS: Final = "{http://www.tei-c.org/ns/1.0}"


class EvalDataNotFoundError(FileNotFoundError):
    """A data set's file or folder is not where the shared data should hold it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Evaluation data not found: {str(path)!r}")
        self.path = path


@dataclass(frozen=True, slots=True)
class GoldReference:
    """One labelled reference string: what a parser reads and what it should find.

    ``fields`` holds the gold values present for this record (names from
    :data:`FIELDS`); a field absent here is not scored on this record.
    ``alternatives`` lists further values also accepted as correct (used for the
    AnyStyle first author, whose name order is not labelled).
    """

    dataset: str
    raw: str
    source: str
    """Where the record sits: ``file#index`` (0-based within the file)."""
    fields: Mapping[str, str] = field(default_factory=dict, hash=False)
    alternatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)

    def accepted(self, name: str) -> tuple[str, ...]:
        """Every gold value accepted for field ``name`` (empty if it has no gold)."""
        if name not in self.fields:
            return ()
        return (self.fields[name], *self.alternatives.get(name, ()))


def _gold(
    dataset: str,
    raw: str,
    source: str,
    fields: Mapping[str, str | None],
    alternatives: Mapping[str, tuple[str, ...]] | None = None,
) -> GoldReference:
    """A :class:`GoldReference` keeping only fields whose gold has some letter or digit."""
    kept = {k: v.strip() for k, v in fields.items() if v is not None and _has_alnum(v)}
    alts = {k: v for k, v in (alternatives or {}).items() if k in kept and v}
    return GoldReference(
        dataset=dataset,
        raw=raw,
        source=source,
        fields=MappingProxyType(kept),
        alternatives=MappingProxyType(alts),
    )


def _has_alnum(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def resolve_shared(option: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """The shared folder: ``--shared``, else ``$ACUREFS_SHARED``, else ``../shared``.

    The one place the environment is read.
    """
    env = os.environ if environ is None else environ
    chosen = option or env.get(SHARED_ENV)
    return Path(chosen).expanduser() if chosen else DEFAULT_SHARED


def eval_dir(shared: Path) -> Path:
    """The ``eval`` folder inside the shared folder."""
    return shared / "eval"


# --- GROBID citation corpus ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GrobidBibl:
    """One ``<bibl>`` of the GROBID corpus, its labels read as printed (whitespace collapsed)."""

    raw: str
    source: str
    first_author: str | None
    """Text of the first ``<author>`` element (which may hold several people)."""
    article_title: str | None
    journal: str | None
    date: str | None
    volume: str | None
    page: str | None
    """First page: the ``@from`` attribute, else the page label's text before any dash."""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element) -> str:
    return _collapse("".join(element.itertext()))


_DASH: Final = re.compile(r"\s*[-‐‑‒–—−]")


def _first_page(element: ET.Element) -> str:
    start = element.get("from")
    if start:
        return start.strip()
    return _DASH.split(_text(element), maxsplit=1)[0].strip()


def _scope_kind(element: ET.Element) -> str:
    kind = (element.get("unit") or element.get("type") or "").strip().lower()
    return {"vol": "volume", "pp": "page", "pages": "page"}.get(kind, kind)


def _read_bibl(element: ET.Element, source: str) -> GrobidBibl:
    found: dict[str, str] = {}
    for child in element.iter():
        name = _local(child.tag)
        key: str | None = None
        if name == "author":
            key = "author"
        elif name == "title":
            key = {"a": "article_title", "j": "journal"}.get(child.get("level", ""))
        elif name == "date":
            key = "date"
        elif name == "biblScope":
            key = {"volume": "volume", "page": "page"}.get(_scope_kind(child))
        if key is None or key in found:
            continue  # keep the first of each label
        value = _first_page(child) if key == "page" else _text(child)
        if key == "date" and not value:
            value = child.get("when", "")
        found[key] = value
    return GrobidBibl(
        raw=_text(element),
        source=source,
        first_author=found.get("author"),
        article_title=found.get("article_title"),
        journal=found.get("journal"),
        date=found.get("date"),
        volume=found.get("volume"),
        page=found.get("page"),
    )


def _iter_bibls(path: Path) -> Iterator[ET.Element]:
    root = ET.parse(path).getroot()
    for element in root.iter():
        if _local(element.tag) == "bibl":
            yield element


def read_grobid_bibls(data: Path) -> tuple[GrobidBibl, ...]:
    """Every ``<bibl>`` of every corpus file (TEI namespace or none), in file-name order."""
    corpus = data / GROBID_CORPUS
    if not corpus.is_dir():
        raise EvalDataNotFoundError(corpus)
    out: list[GrobidBibl] = []
    for path in sorted(corpus.glob("*.xml")):
        for index, element in enumerate(_iter_bibls(path)):
            out.append(_read_bibl(element, f"{path.name}#{index}"))
    return tuple(out)


# A surname: words of letters (apostrophes, hyphens and damaged bytes allowed); words
# after the first may not look like an initials group, so "Chelluri L L" is refused.
_WORD: Final = r"[^\W\d_][^\s\d,.;:()]*"
_INITIALS: Final = r"(?:[A-Z]{1,4}|[A-Z](?:-[A-Z])+)"
_SURNAME: Final = rf"{_WORD}(?:\s+(?!{_INITIALS}(?:[\s,.:]|$)){_WORD})*?"
_SUFFIX: Final = r"(?:\s+(?:Jr|Sr|2nd|3rd|3d|II|III|IV)\.?)?"
_VANCOUVER_NAME: Final = re.compile(rf"({_SURNAME})\s+{_INITIALS}{_SUFFIX}\.?")
_ET_AL: Final = re.compile(r"\s*\bet\.?\s+al\b\.?$")
_SOURCE: Final = re.compile(
    r"(?<!\d)(?:1[6-9]|20)\d\d[a-z]?\s*;\s*\d+[A-Za-z]?"  # year; volume
    r"\s*(?:\([^()]+\))?"  # (issue), optional
    r"\s*:\s*[A-Za-z]{0,2}\d+"  # :first page
)


def vancouver_surname(author: str) -> str | None:
    """The first surname of a ``Surname AB, Surname CD`` author list, or None if not that style.

    Every comma-separated name must be a surname followed by 1-4 capital initials
    without periods (``Lee J-H`` hyphenated; a ``Jr``/``III`` suffix and a closing
    ``et al`` allowed). The surname is the text before the first initials group:
    ``"van de Wiel MA"`` -> ``"van de Wiel"``.
    """
    names = [name.strip() for name in author.split(",")]
    if names:
        names[-1] = _ET_AL.sub("", names[-1]).strip()
    if not names or not all(_VANCOUVER_NAME.fullmatch(n) for n in names if n):
        return None
    match = _VANCOUVER_NAME.fullmatch(names[0])
    return match.group(1) if match else None


def is_strict_vancouver(bibl: GrobidBibl) -> bool:
    """Whether a bibl is strict Vancouver: ``Surname AB,`` authors and ``yyyy;vol(iss):pages``.

    Spaces are allowed around ``;``, ``(`` and ``:`` (``1984; 17:471-480``).
    """
    return (
        bibl.first_author is not None
        and vancouver_surname(bibl.first_author) is not None
        and _SOURCE.search(bibl.raw) is not None
    )


_YEAR: Final = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def year_of(date: str | None) -> str | None:
    """The first four-digit year (1500-2099) in a date label, as a string."""
    match = _YEAR.search(date or "")
    return match.group(1) if match else None


def load_grobid_vancouver(data: Path) -> tuple[GoldReference, ...]:
    """The strict-Vancouver subset of the GROBID corpus (rule: :func:`is_strict_vancouver`)."""
    out: list[GoldReference] = []
    for bibl in read_grobid_bibls(data):
        if not is_strict_vancouver(bibl):
            continue
        surname = vancouver_surname(bibl.first_author or "")
        gold = {
            "author": surname,
            "title": bibl.article_title,
            "journal": bibl.journal,
            "year": year_of(bibl.date),
            "volume": bibl.volume,
            "first_page": bibl.page,
        }
        out.append(_gold("grobid", bibl.raw, bibl.source, gold))
    return tuple(out)


# --- biblio-glutton ------------------------------------------------------------------

_GLUTTON_FIELDS: Final = {
    "author": "firstAuthor",
    "title": "atitle",
    "journal": "jtitle",
    "volume": "volume",
    "first_page": "firstPage",
}


def load_glutton(data: Path) -> tuple[GoldReference, ...]:
    """All records of glutton's DOI-matching set; raw strings keep their line breaks."""
    path = data / GLUTTON_FILE
    if not path.is_file():
        raise EvalDataNotFoundError(path)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    out: list[GoldReference] = []
    for index, record in enumerate(records):
        gold = {name: record.get(key) for name, key in _GLUTTON_FIELDS.items()}
        out.append(_gold("glutton", record["reference"], f"{GLUTTON_FILE.name}#{index}", gold))
    return tuple(out)


# --- AnyStyle ---------------------------------------------------------------------------


def _sequences(path: Path) -> list[ET.Element]:
    if not path.is_file():
        raise EvalDataNotFoundError(path)
    return list(ET.parse(path).getroot().iter("sequence"))


def _sequence_text(sequence: ET.Element) -> str:
    return _collapse(" ".join(_text(child) for child in sequence))


def _label(sequence: ET.Element, tag: str) -> str | None:
    child = sequence.find(tag)
    return _text(child) if child is not None else None


_FIRST_PERSON_END: Final = re.compile(r"[,;]|\s(?:and|&|und|et)\s", re.IGNORECASE)
_NAME_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv", "2nd", "3rd"})


def _is_initials(token: str) -> bool:
    letters = "".join(ch for ch in token if ch.isalpha())
    return len(letters) <= 1 or (letters.isupper() and len(letters) <= 4)


def first_author_names(author: str) -> tuple[str, ...]:
    """The family names accepted for the first author of an AnyStyle ``<author>`` label.

    The first person is the text before the first ``,``, ``;``, ``and``, ``&``
    or ``et``. Initials (1-4 capitals, with or without periods) tell the order:
    the family name is the run of other words after the last initial
    (``J. van der Berg``) or, failing that, before the first (``van de Wiel MA``).
    Without initials (``Bergk``, ``Karen Yagdjian``, ``Bajos Nathalie``) the order
    is unknown, so any leading or trailing run of words is accepted. The first
    value is the whole run.
    """
    first = _FIRST_PERSON_END.split(_collapse(author), maxsplit=1)[0]
    tokens = [t.strip("()[]{}") for t in first.split()]
    tokens = [t for t in tokens if _has_alnum(t) and t.rstrip(".").lower() not in _NAME_SUFFIXES]
    initials = [i for i, t in enumerate(tokens) if _is_initials(t)]
    words = [t for i, t in enumerate(tokens) if i not in initials] or tokens
    if not words:
        return ()
    if initials and len(initials) < len(tokens):
        after = [t for t in tokens[initials[-1] + 1 :] if not _is_initials(t)]
        before = [t for t in tokens[: initials[0]] if not _is_initials(t)]
        run = after or before or words
        return (" ".join(run),)
    runs = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    runs += [" ".join(words[n:]) for n in range(1, len(words))]
    return tuple(dict.fromkeys(runs))


def load_anystyle(data: Path) -> tuple[GoldReference, ...]:
    """AnyStyle's gold sequences whose text is not also a core sequence (whitespace collapsed)."""
    core = {_sequence_text(s) for s in _sequences(data / ANYSTYLE_CORE)}
    out: list[GoldReference] = []
    for index, sequence in enumerate(_sequences(data / ANYSTYLE_GOLD)):
        raw = _sequence_text(sequence)
        if raw in core:
            continue
        names = first_author_names(_label(sequence, "author") or "")
        gold = {
            "author": names[0] if names else None,
            "title": _label(sequence, "title"),
            "journal": _label(sequence, "journal"),
        }
        source = f"{ANYSTYLE_GOLD.name}#{index}"
        out.append(_gold("anystyle", raw, source, gold, {"author": names[1:]}))
    return tuple(out)


LOADERS: Final = {
    "grobid": load_grobid_vancouver,
    "glutton": load_glutton,
    "anystyle": load_anystyle,
}
"""Each data set's loader, by name."""

SCORED_FIELDS: Final = {
    "grobid": ("author", "title", "journal", "year", "volume", "first_page"),
    "glutton": ("author", "title", "journal", "volume", "first_page"),
    "anystyle": ("author", "title", "journal"),
}
"""The fields scored on each data set."""

TITLES: Final = {
    "grobid": "GROBID citation corpus, strict-Vancouver subset",
    "glutton": "biblio-glutton DOI-matching set",
    "anystyle": "AnyStyle gold minus core",
}
