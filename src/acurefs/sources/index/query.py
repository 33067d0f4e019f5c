"""Which words a search of the local index asks for, and the FTS5 query that asks.

Asking FTS5 for every word of a reference string is slow (common words such as "of",
"j" or a year match most of the index, and every match is ranked) and not even good:
the co-authors of a reference print names that occur in thousands of other works.
Crossref's ``query.bibliographic`` is answered from the words that tell works apart, so
the string is parsed (:func:`acurefs.parse_reference`) and the search asks for:

* the title's rarest words (at most :data:`TITLE_WORDS`), the words that tell one work
  from another;
* the first author's family name, the first page or article number, and the volume;
* when no title could be read, the rarest words of the whole string instead.

Words that occur in too many works (:data:`COMMON_SHARE`, :data:`COMMON_CAP`) are left
out, unless nothing else is left: they would make the search slow and tell little. FTS5 then ranks
the works holding any of the words by BM25, the title counting most. The matching rules
(:mod:`acurefs.resolve.matching`) decide between the candidates, as with Crossref.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ...errors import InputError
from ...models import Reference
from ...reference.parse import parse_reference
from .store import COLUMNS, words

TITLE_WORDS = 6
"""The rarest title words a search asks for."""
LOOSE_WORDS = 8
"""The rarest words asked for when the string has no title the parser could read."""
COMMON_SHARE = 0.003
"""Words in more than this share of the works are too common to ask for, when they are in
more than :data:`COMMON_FLOOR` works (a small index keeps its few words); words in more than
:data:`COMMON_CAP` works always are (a large index stays fast)."""
COMMON_FLOOR = 20
COMMON_CAP = 2000
WEIGHTS = (4.0, 1.5, 1.0, 1.0)
"""BM25 weight of each FTS5 column: title, people, venue, numbers (as matching weighs them)."""
FIELDS = {"title": "title", "author": "people", "container-title": "venue"}
"""Crossref field queries the index answers, and the column each one searches."""


@dataclass(frozen=True, slots=True)
class Wanted:
    """The words a search could ask for, before their frequencies are known."""

    title: tuple[str, ...]
    """Title words (or the whole string's, when ``loose``)."""
    other: tuple[str, ...]
    """First author, first page or article number, volume."""
    fielded: tuple[tuple[str, tuple[str, ...]], ...]
    """(column, words) of field queries: words searched in that column only."""
    loose: bool

    def all(self) -> set[str]:
        return {*self.title, *self.other, *(w for _, ws in self.fielded for w in ws)}


def wanted(
    query: str, fields: Mapping[str, str] | None = None, parsed: Reference | None = None
) -> Wanted:
    """The words of a reference string (parsed, unless the caller already did: ``parsed``)
    and of field queries."""
    ref = parsed if parsed is not None else parse_reference(query)
    title = _split(ref.title)
    other: list[str] = []
    if ref.first_author is not None and not ref.first_author.collective:
        other.extend(_split(ref.first_author.family))
    other.extend(_split(ref.first_page or ref.article_number, ref.volume))
    fielded = []
    for name, text in (fields or {}).items():
        column = FIELDS.get(name)
        if column is None:
            known = ", ".join(sorted(FIELDS))
            raise InputError(f"The local index cannot search the field {name!r} (it can: {known})")
        fielded.append((column, tuple(_split(text))))
    loose = not title
    if loose:
        title = _split(query)
    return Wanted(tuple(title), tuple(dict.fromkeys(other)), tuple(fielded), loose)


def _split(*texts: str | None) -> list[str]:
    """Distinct folded words of two letters or more (one letter tells nothing apart)."""
    return list(dict.fromkeys(w for w in words(*texts).split() if len(w) > 1))


def match_expression(
    want: Wanted, frequency: Callable[[Iterable[str]], Mapping[str, int]], works: int
) -> str | None:
    """The FTS5 ``MATCH`` expression for a search, or None when no word is in the index."""
    df = frequency(want.all())
    common = max(COMMON_FLOOR, min(COMMON_SHARE * works, COMMON_CAP))
    limit = LOOSE_WORDS if want.loose else TITLE_WORDS
    title = _rarest(want.title, df, common, limit) or _rarest(want.title, df, None, 2)
    terms = [*title, *_rarest(want.other, df, common, len(want.other))]
    parts = [" OR ".join(f'"{w}"' for w in terms)] if terms else []
    for column, asked in want.fielded:
        kept = _rarest(asked, df, common, len(asked)) or _rarest(asked, df, None, 2)
        if kept:
            parts.append(f"{{{column}}} : ({' OR '.join(chr(34) + w + chr(34) for w in kept)})")
    return " OR ".join(parts) or None


def _rarest(
    candidates: Sequence[str], df: Mapping[str, int], common: float | None, limit: int
) -> list[str]:
    """Up to ``limit`` of the words that are in the index (and not common), rarest first."""
    present = [(df[w], w) for w in candidates if df.get(w, 0) > 0]
    kept = sorted(p for p in present if common is None or p[0] <= common)
    return [w for _, w in kept[:limit]]


def rank_expression() -> str:
    """The SQL ranking of a match (lower is better): BM25 with :data:`WEIGHTS`."""
    assert len(WEIGHTS) == len(COLUMNS)
    return f"bm25(fts, {', '.join(str(w) for w in WEIGHTS)})"


def year_range(filters: Mapping[str, str] | None) -> tuple[int | None, int | None]:
    """The publication years ``from-pub-date`` and ``until-pub-date`` allow (by year)."""
    low = high = None
    for name, value in (filters or {}).items():
        if name not in ("from-pub-date", "until-pub-date"):
            raise InputError(
                f"The local index cannot filter by {name!r} (it can: from-pub-date, until-pub-date)"
            )
        year = value.strip()[:4]
        if not year.isdigit():
            raise InputError(
                f"The filter {name}={value!r} needs a date: YYYY, YYYY-MM or YYYY-MM-DD"
            )
        if name == "from-pub-date":
            low = int(year)
        else:
            high = int(year)
    return low, high
