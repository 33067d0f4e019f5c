"""Reading Crossref REST API work JSON into :class:`~acurefs.Record`, and writing it back.

The reader takes the ``message`` of ``/works/{doi}`` or one item of ``/works?...``
``message.items``. Real records are untidy (tags and newlines in titles, ``&amp;`` in
journal names, ``[[null]]`` dates, empty lists, duplicated ISSNs), so every field is read
leniently: a value of the wrong shape is left out, never raised on. Only a record with no
usable ``DOI`` raises :class:`~acurefs.SourceResponseError`.

Pages and article numbers are kept as Crossref holds them: ``page`` goes to
:attr:`Record.pages` (dashes normalised) and ``article-number`` to
:attr:`Record.article_number`; one is never guessed from the other. Publishers put an
e-locator in either field or in both (PLOS: ``page: e0163945`` only; PeerJ and Elsevier:
both; APS and Springer: ``article-number`` only), and some ``article-number`` values are
internal identifiers beside a real page range (Cambridge's ``S0269964801153015``), so
whoever compares a printed locator should look at both fields.

:func:`record_to_crossref` writes the inverse shape, so a cached or locked record reads
back equal: ``record_from_crossref(record_to_crossref(r)) == r`` for every record the
reader produces.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any

from ...errors import SourceResponseError
from ...identifiers import normalize_doi
from ...models import Person, Record, Update, initials_of

__all__ = [
    "clean_text",
    "notice_updates",
    "record_from_crossref",
    "record_to_crossref",
    "updates_from_crossref",
]

# Where the year comes from, best first: ``issued`` is Crossref's own earliest date.
_DATE_FIELDS = ("issued", "published-print", "published-online", "published", "created")

# Any markup in the raw JSON text (a literal "<" there is always escaped as "&lt;").
_ANY_TAG = r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>"
# Markup that only shows after unescaping ("&lt;scp&gt;"): known names only, so "p < 0.05" stays.
_KNOWN_TAG = (
    r"(?i:</?(?:(?:jats|mml):[\w.-]+|i|b|u|em|strong|italic|bold|sub|sup|sc|scp|small|span"
    r"|p|br|title|subtitle|math|m[a-z]+)(?:\s[^<>]*)?/?>)"
)
_ANY_TAG_RUN = re.compile(f"(?:{_ANY_TAG})+")
_KNOWN_TAG_RUN = re.compile(f"(?:{_KNOWN_TAG})+")
_TAG_NAME = re.compile(r"</?(?:[\w.-]+:)?([\w.-]+)")
# Tags that separate words however they sit: a subtitle glued to its title.
_BLOCK_TAGS = frozenset({"p", "br", "title", "subtitle", "label", "sec", "div"})
# Tags around whole words: publishers often drop the spaces around them ("of<i>Homo</i>sp.").
_WORD_TAGS = frozenset({"i", "b", "em", "strong", "italic", "bold", "math"})
_SCRIPT_TAGS = frozenset({"sub", "sup"})
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212\ufe58\ufe63\uff0d-]\s*")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LOOSE_BRACKET = re.compile(r"[(\[]\s|\s[)\].,;]")


def _untag(match: re.Match[str]) -> str:
    """What a run of adjacent tags becomes: a space where it separates words, else nothing."""
    names = {n.lower() for n in _TAG_NAME.findall(match.group())}
    if names & _BLOCK_TAGS:
        return " "
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if names & _SCRIPT_TAGS or not names & _WORD_TAGS:
        return ""
    if (before.islower() or before in (",", ";", ":")) and after.isalpha():
        return " "
    # A formula glued to words on both sides: "with<math>L1</math>Data".
    return " " if "math" in names and before.isalnum() and after.isalnum() else ""


def clean_text(value: str) -> str:
    """Plain text of a Crossref string: tags stripped, entities unescaped, whitespace collapsed.

    Idempotent, so a cleaned value written back (escaped) reads back unchanged.
    """
    if "<" not in value and "&" not in value:  # no markup, no entity: whitespace only (fast)
        text = " ".join(value.split())
        return _tidy_brackets(text) if _LOOSE_BRACKET.search(text) else text
    text = html.unescape(_ANY_TAG_RUN.sub(_untag, value))
    while True:  # escaped markup, unescaped above; repeat until stripping uncovers no new tag
        stripped = _KNOWN_TAG_RUN.sub(_untag, text)
        if stripped == text:
            break
        text = stripped
    return _tidy_brackets(" ".join(text.split()))


def _tidy_brackets(text: str) -> str:
    # Newlines around tags leave "( Tridacna maxima )" and "Women in Ming China ."
    text = re.sub(r"([(\[])\s+", r"\1", text)
    return re.sub(r"\s+([)\].,;])", r"\1", text)


def _first(value: object) -> object:
    """The first non-empty item of a list, or the value itself."""
    if isinstance(value, (list, tuple)):
        return next((v for v in value if v not in (None, "", [])), None)
    return value


def _text(value: object) -> str | None:
    """A cleaned string from a string, a number or a list of them; None when empty."""
    if value is None:  # most fields of most records: absent (the checks below add up)
        return None
    if type(value) is str:
        return clean_text(value) or None
    value = _first(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return clean_text(str(value)) or None


def _first_text(value: object) -> str | None:
    """The first list item that cleans to a non-empty string."""
    if value is None:
        return None
    items = value if isinstance(value, (list, tuple)) else [value]
    return next((t for t in map(_text, items) if t), None)


def _int(value: object) -> int | None:
    """An int from an int, an integral float or a string of decimal digits (not "²")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    return None


def _date_parts(date: object) -> tuple[int, ...]:
    """``(year[, month[, day]])`` of a Crossref date object; ``()`` when it holds none."""
    if date is None or not isinstance(date, Mapping):
        return ()
    parts = _first(date.get("date-parts"))
    if not isinstance(parts, (list, tuple)):
        parts = [parts]
    ints = [_int(p) for p in parts[:3]]
    if not ints or ints[0] is None:
        stamp = date.get("date-time")
        match = _ISO_DATE.match(stamp) if isinstance(stamp, str) else None
        ints = [int(g) for g in match.groups() if g] if match else []
    out: list[int] = []
    for value, high in zip(ints, (9999, 12, 31), strict=False):
        if value is None or not 1 <= value <= high:
            break
        out.append(value)
    return tuple(out)


def _iso_date(date: object) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` of a Crossref date object."""
    parts = _date_parts(date)
    return "-".join(f"{p:0{4 if i == 0 else 2}d}" for i, p in enumerate(parts)) or None


def _update_type(value: object) -> str | None:
    """Crossref's canonical update type: ``Expression-of-Concern`` -> ``expression_of_concern``."""
    text = _text(value)
    return re.sub(r"[\s-]+", "_", text.lower()) if text else None


def _doi(value: object) -> str | None:
    value = _first(value)
    if not isinstance(value, str):
        return None
    doi = normalize_doi(value)
    return doi if doi.startswith("10.") and "/" in doi else None


def _entries(value: object) -> list[Mapping[str, Any]]:
    """The dict items of a list (or a lone dict); anything else yields nothing."""
    if value is None:
        return []
    items = [value] if isinstance(value, Mapping) else value
    if not isinstance(items, (list, tuple)):
        return []
    return [item for item in items if isinstance(item, Mapping)]


def _update(entry: Mapping[str, Any], *, doi: str | None, source: str | None) -> Update | None:
    kind = _update_type(entry.get("type"))
    if kind is None:
        return None
    raw_source = entry.get("source")
    return Update(
        type=kind,
        doi=doi,
        source=raw_source.strip() or source if isinstance(raw_source, str) else source,
        label=_text(entry.get("label")),
        date=_iso_date(entry.get("updated")),
    )


def updates_from_crossref(work: Mapping[str, object]) -> tuple[Update, ...]:
    """The notices Crossref lists about a work (its ``updated-by``), in order."""
    found = (
        _update(e, doi=_doi(e.get("DOI")), source=None) for e in _entries(work.get("updated-by"))
    )
    return tuple(u for u in found if u is not None)


def notice_updates(notice_work: Mapping[str, object]) -> list[tuple[str, Update]]:
    """``(target DOI, Update)`` for each work a notice (a retraction, a correction) updates.

    Read from the notice's ``update-to``; the update's DOI is the notice's own and its
    source defaults to ``publisher`` (older records leave it out). This is how notices
    found by a ``filter=updates:DOI`` query become updates of the works they are about.
    """
    own = _own_doi(notice_work)
    pairs: list[tuple[str, Update]] = []
    for entry in _entries(notice_work.get("update-to")):
        target = _doi(entry.get("DOI"))
        update = _update(entry, doi=own, source="publisher")
        if target is not None and update is not None:
            pairs.append((target, update))
    return pairs


def _own_doi(work: object) -> str:
    doi = _doi(work.get("DOI")) if isinstance(work, Mapping) else None
    if doi is None:
        shown = work.get("DOI", "<missing>") if isinstance(work, Mapping) else work
        raise SourceResponseError(f"Crossref work without a usable DOI: {shown!r:.200}")
    return doi


def _person(entry: Mapping[str, Any]) -> Person | None:
    """A ``Person`` from an author entry; an entry with only ``name`` is a group author."""
    family, given = _text(entry.get("family")), _text(entry.get("given"))
    if family is None and given is None:
        name = _text(entry.get("name"))
        return Person(family=name, collective=True) if name else None
    if family is None:  # a mononym deposited as a given name only
        family, given = given, None
    given = given or ""
    initials = entry.get("initials")  # not Crossref's: written by record_to_crossref
    return Person(
        family=family or "",
        given=given,
        initials=initials if isinstance(initials, str) else initials_of(given),
        suffix=_text(entry.get("suffix")) or "",
    )


def _authors(value: object) -> tuple[Person, ...]:
    """Authors in order; the one marked ``sequence: first`` goes first if it is not already."""
    kept = [(e, p) for e in _entries(value) if (p := _person(e)) is not None]
    firsts = [i for i, (e, _) in enumerate(kept) if e.get("sequence") == "first"]
    if firsts and kept[0][0].get("sequence") != "first":
        kept.insert(0, kept.pop(firsts[0]))
    return tuple(p for _, p in kept)


def _unique(values: object, read: Callable[[object], str | None]) -> tuple[str, ...]:
    """Each readable item of a list once, in order."""
    items = values if isinstance(values, (list, tuple)) else [values]
    out = dict.fromkeys(v for v in map(read, items) if v)
    return tuple(out)


def _issn(value: object) -> str | None:
    return value.strip().upper() or None if isinstance(value, str) else None


def _pages(value: object) -> str | None:
    text = _text(value)
    return _DASHES.sub("-", text) if text else None


def record_from_crossref(work: Mapping[str, object]) -> Record:
    """A :class:`Record` from a Crossref work; raises ``SourceResponseError`` only without a DOI."""
    doi = _own_doi(work)
    year = next((d[0] for f in _DATE_FIELDS if (d := _date_parts(work.get(f)))), None)
    return Record(
        doi=doi,
        title=_first_text(work.get("title")),
        subtitle=_first_text(work.get("subtitle")),
        authors=_authors(work.get("author")),
        journal=_first_text(work.get("container-title")),
        journal_abbrev=_first_text(work.get("short-container-title"))
        or _first_text(work.get("container-title-short")),
        year=year,
        volume=_text(work.get("volume")),
        issue=_text(work.get("issue")),
        pages=_pages(work.get("page")),
        article_number=_text(work.get("article-number")),
        type=_text(work.get("type")),
        publisher=_text(work.get("publisher")),
        issn=_unique(work.get("ISSN"), _issn),
        updates=updates_from_crossref(work),
        updates_to=_unique([e.get("DOI") for e in _entries(work.get("update-to"))], _doi),
    )


def _escape(value: str) -> str:
    return html.escape(value, quote=False)


def _date_object(iso: str) -> dict[str, Any]:
    match = _ISO_DATE.fullmatch(iso)
    if match is None:  # not a date the reader writes; keep it where the reader looks last
        return {"date-time": iso}
    return {"date-parts": [[int(g) for g in match.groups() if g]]}


def _author_entry(person: Person, index: int) -> dict[str, Any]:
    entry: dict[str, Any] = {"sequence": "first" if index == 0 else "additional"}
    if person.collective:
        entry["name"] = _escape(person.family)
        return entry
    entry["family"] = _escape(person.family)
    if person.given:
        entry["given"] = _escape(person.given)
    if person.suffix:
        entry["suffix"] = _escape(person.suffix)
    if person.initials != initials_of(person.given):
        entry["initials"] = person.initials
    return entry


def _update_entry(update: Update) -> dict[str, Any]:
    entry: dict[str, Any] = {"type": _escape(update.type)}
    if update.doi is not None:
        entry["DOI"] = update.doi
    if update.source is not None:
        entry["source"] = update.source
    if update.label is not None:
        entry["label"] = _escape(update.label)
    if update.date is not None:
        entry["updated"] = _date_object(update.date)
    return entry


def record_to_crossref(record: Record) -> dict[str, Any]:
    """A minimal Crossref work dict holding everything in ``record`` (the reader's inverse)."""
    work: dict[str, Any] = {"DOI": record.doi}
    lists = {
        "title": record.title,
        "subtitle": record.subtitle,
        "container-title": record.journal,
        "short-container-title": record.journal_abbrev,
    }
    work.update({key: [_escape(v)] for key, v in lists.items() if v is not None})
    if record.authors:
        work["author"] = [_author_entry(p, i) for i, p in enumerate(record.authors)]
    if record.year is not None:
        work["issued"] = {"date-parts": [[record.year]]}
    strings = {
        "volume": record.volume,
        "issue": record.issue,
        "page": record.pages,
        "article-number": record.article_number,
        "type": record.type,
        "publisher": record.publisher,
    }
    work.update({key: _escape(v) for key, v in strings.items() if v is not None})
    if record.issn:
        work["ISSN"] = list(record.issn)
    if record.updates:
        work["updated-by"] = [_update_entry(u) for u in record.updates]
    if record.updates_to:
        work["update-to"] = [{"DOI": doi} for doi in record.updates_to]
    return work
