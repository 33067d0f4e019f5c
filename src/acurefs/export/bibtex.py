"""BibTeX export, written through bibtexparser v2 (a Library of Entry objects and its writer).

Values are LaTeX-escaped (``& % $ # _ { } ~ ^ \\``), UTF-8 is kept, and capitals
that a style must not lower-case (acronyms, proper nouns in sentence-case
titles) are protected with braces: ``{BMJ}``. :func:`latex_decode` undoes the
escaping, so a round trip gives the original values back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.writer import BibtexFormat

from ..models import Kind, Person, Reference
from .citations import Citation, citations

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
_DECODE_RE = re.compile(
    r"\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\[{}&%$#_]|[{}]"
)
_DECODE = {v: k for k, v in _SPECIALS.items()}


def latex_escape(text: str) -> str:
    """Escape the characters LaTeX treats specially."""
    return _SPECIAL_RE.sub(lambda m: _SPECIALS[m.group(0)], text)


def latex_decode(value: str) -> str:
    """Undo :func:`latex_escape` and drop protecting braces."""
    return _DECODE_RE.sub(lambda m: _DECODE.get(m.group(0), ""), value)


def protect(text: str, *, sentence_case: bool | None = None) -> str:
    """Escape ``text`` and brace the words whose capitals must survive a style's case changes.

    Acronyms and mixed-case words (``BMJ``, ``IL-6``, ``McDonald``) are always protected.
    In a sentence-case title, capitalised words after the first are proper nouns and are
    protected too; in a Title Case title they are not (styles may lower-case them).
    """
    if sentence_case is None:
        sentence_case = _is_sentence_case(text)
    out = []
    first = True
    for match in re.finditer(r"\S+|\s+", text):
        token = match.group(0)
        if token.isspace():
            out.append(token)
            continue
        escaped = latex_escape(token)
        core = token.strip("\"'“”‘’()[],.;:!?")
        needs = _has_inner_capital(core) or (
            sentence_case and not first and core[:1].isupper() and any(c.isalpha() for c in core)
        )
        out.append("{" + escaped + "}" if needs else escaped)
        first = first and not any(c.isalpha() for c in token)
        if token.endswith((":", ".", "?", "!")):
            first = True  # a subtitle starts with a capital of its own
    return "".join(out)


def _has_inner_capital(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and any(c.isupper() for c in letters[1:])


def _is_sentence_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    if len(words) < 3:
        return True
    capitalised = sum(1 for w in words[1:] if w[0].isupper())
    return capitalised / (len(words) - 1) < 0.5


def format_person(person: Person) -> str:
    """``Family, Given`` (or dotted initials); a group author as one braced name."""
    if person.collective:
        return "{" + latex_escape(person.family) + "}"
    family = latex_escape(person.family)
    if " " in person.family or family != person.family:
        # "van de Wiel", "Fischer Hansen": keep the family name whole; a name with TeX specials
        # is braced too, or bibtexparser splits "and \&..." as if it were a separator.
        family = "{" + family + "}"
    given = person.given or dotted_initials(person.initials)
    given_text = latex_escape(given)
    if given_text != given:
        given_text = "{" + given_text + "}"
    if person.suffix:
        return f"{family}, {latex_escape(person.suffix)}, {given_text}"
    return f"{family}, {given_text}" if given else family


def dotted_initials(initials: str) -> str:
    """``TJ`` -> ``T. J.``; ``J-H`` -> ``J.-H.``"""
    parts = []
    for group in re.findall(r"[^\W\d_](?:-[^\W\d_])*", initials):
        parts.append("-".join(ch + "." for ch in group.split("-")))
    return " ".join(parts)


ENTRY_TYPES = {
    Kind.JOURNAL_ARTICLE: "article",
    Kind.BOOK: "book",
    Kind.CHAPTER: "incollection",
    Kind.REPORT: "techreport",
    Kind.GUIDELINE: "techreport",
    Kind.WEB_PAGE: "online",
    Kind.NEWS: "article",
    Kind.UNKNOWN: "misc",
}
"""BibTeX entry types by kind: ``@online`` is biblatex's and pandoc's web page (classic
BibTeX styles print it as ``@misc``); a guideline is a ``@techreport`` of type Guideline;
news is an ``@article`` in a newspaper (``entrysubtype = newspaper``)."""
_CONTAINER_FIELD = {Kind.CHAPTER: "booktitle", Kind.NEWS: "journal", Kind.WEB_PAGE: "organization"}


def entry_type(kind: Kind, *, journal: bool = True) -> str:
    """The entry type of a kind (an article without a journal is ``@misc``: styles need one)."""
    if kind is Kind.JOURNAL_ARTICLE and not journal:
        return "misc"
    return ENTRY_TYPES[kind]


def to_entry(cit: Citation) -> model.Entry:
    """One bibtexparser Entry for a citation."""
    kind = cit.export_kind
    fields = [*_names_and_title(cit), *_source(cit, kind), *_numbers(cit), *_identifiers(cit)]
    if not fields:
        fields.append(("note", latex_escape(cit.references[0].raw)))
    return model.Entry(entry_type(kind), cit.key, [model.Field(k, v) for k, v in fields])


def _names_and_title(cit: Citation) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    names = [format_person(p) for p in cit.authors]
    if cit.authors_truncated:
        names.append("others")
    if names:
        fields.append(("author", " and ".join(names)))
    if cit.title:
        fields.append(("title", protect(cit.title)))
    return fields


def _source(cit: Citation, kind: Kind) -> list[tuple[str, str]]:
    """Where the work appeared: journal, book, site, newspaper, publisher or institution."""
    fields: list[tuple[str, str]] = []
    if kind is Kind.JOURNAL_ARTICLE and cit.journal:
        fields.append(("journal", protect(cit.journal, sentence_case=False)))
    elif cit.journal:
        fields.append(("howpublished", protect(cit.journal, sentence_case=False)))
    if cit.container and kind in _CONTAINER_FIELD:
        fields.append((_CONTAINER_FIELD[kind], protect(cit.container, sentence_case=False)))
    elif cit.container:
        fields.append(("howpublished", protect(cit.container, sentence_case=False)))
    if kind is Kind.NEWS:
        fields.append(("entrysubtype", "newspaper"))
    if kind in (Kind.REPORT, Kind.GUIDELINE):
        institution = cit.publisher or next((p.family for p in cit.authors if p.collective), None)
        if institution:
            fields.append(("institution", protect(institution, sentence_case=False)))
        if kind is Kind.GUIDELINE:
            fields.append(("type", "Guideline"))
    elif cit.publisher:
        fields.append(("publisher", protect(cit.publisher, sentence_case=False)))
    return fields


def _numbers(cit: Citation) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if cit.year:
        fields.append(("year", str(cit.year)))
    if cit.volume:
        fields.append(("volume", latex_escape(cit.volume)))
    if cit.issue:
        fields.append(("number", latex_escape(cit.issue)))
    if cit.pages:
        fields.append(("pages", latex_escape(re.sub(r"\s*[-–—]+\s*", "--", cit.pages))))
    elif cit.article_number:
        fields.append(("pages", latex_escape(cit.article_number)))
    return fields


def _identifiers(cit: Citation) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if cit.doi:
        fields.append(("doi", _verbatim(cit.doi)))
    if cit.pmid:
        fields.append(("pmid", latex_escape(cit.pmid)))
    if cit.pmcid:
        fields.append(("pmcid", latex_escape(cit.pmcid)))
    if cit.url:
        fields.append(("url", _verbatim(cit.url)))
    if cit.accessed:
        fields.append(("urldate", latex_escape(cit.accessed)))
    return fields


def _verbatim(value: str) -> str:
    """URLs and DOIs are written as printed; only unbalanced braces and TeX comment signs are escaped."""
    value = value.replace("%", r"\%")
    if value.count("{") != value.count("}"):
        value = value.replace("{", r"\{").replace("}", r"\}")
    return value


def to_library(references: Iterable[Reference]) -> Library:
    """A bibtexparser Library with one entry per distinct work."""
    library = Library()
    for cit in citations(references):
        library.add(to_entry(cit))
    return library


def to_bibtex(references: Iterable[Reference]) -> str:
    """The references as a BibTeX string (one entry per distinct work, stable readable keys)."""
    library = to_library(references)
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]
    fmt.indent = "  "
    fmt.block_separator = "\n"
    text: str = write_string(library, bibtex_format=fmt)
    return text.strip() + "\n" if text.strip() else ""
