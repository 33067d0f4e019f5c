"""Reading E-utilities answers into :class:`~acurefs.Record`: efetch XML and esummary JSON.

``efetch`` (``db=pubmed&retmode=xml``) answers a ``PubmedArticleSet`` of ``PubmedArticle``
elements: ``MedlineCitation`` (PMID, ``Article`` with journal, title, pagination, abstract,
authors and ``PublicationTypeList``; ``MeshHeadingList``; ``CommentsCorrectionsList``) and
``PubmedData/ArticleIdList`` (the DOI and PMCID). ``esummary`` (``retmode=json``) answers
``result`` keyed by PMID (``uids`` lists them) with ``title``, ``authors``, ``source``,
``fulljournalname``, ``pubdate``, ``volume``, ``issue``, ``pages``, ``pubtype`` and
``articleids``; an unknown PMID carries ``error``.

Every field is read leniently, as Crossref's are: what has the wrong shape is left out.
PubMed abbreviates page ranges (``514-30`` is 514-530): they are written out in full.
Notices come from ``CommentsCorrections`` (``RetractionIn``, ``PartialRetractionIn``,
``ErratumIn``, ``ExpressionOfConcernIn``) and the ``Retracted Publication`` type, each an
:class:`~acurefs.Update` with source ``pubmed``. A record without a DOI keeps ``doi`` empty.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from typing import Any

from ...errors import SourceResponseError
from ...identifiers import normalize_doi
from ...models import Person, Record, Update, initials_of

__all__ = [
    "NOTICE_TYPES",
    "expand_pages",
    "record_from_article",
    "records_from_efetch",
    "records_from_esummary",
    "split_efetch",
]

SOURCE = "pubmed"
NOTICE_TYPES = {
    "RetractionIn": "retraction",
    "PartialRetractionIn": "partial_retraction",
    "ErratumIn": "erratum",
    "ExpressionOfConcernIn": "expression_of_concern",
}
"""``CommentsCorrections`` reference types that are notices about the work, as update types."""
RETRACTED_TYPE = "Retracted Publication"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PAGES = re.compile(r"^\s*([A-Za-z]*)(\d+)\s*[-\u2013]\s*([A-Za-z]*)(\d+)\s*$")
_TRAILING_DOT = re.compile(r"(?<![.\s][A-Z])\.\s*$")


def records_from_efetch(text: str | bytes) -> list[Record]:
    """The records of an efetch ``PubmedArticleSet`` (book articles are skipped)."""
    return [r for r in (_article(a) for a in _articles(text)) if r is not None]


def split_efetch(text: str | bytes) -> dict[str, str]:
    """Each ``PubmedArticle`` of an efetch answer as its own XML, by PMID (what is cached)."""
    out = {}
    for article in _articles(text):
        pmid = _text(article.find("MedlineCitation/PMID"))
        if pmid and pmid.isdigit():
            out[pmid] = ET.tostring(article, encoding="unicode")
    return out


def record_from_article(xml: str) -> Record | None:
    """The record of one ``PubmedArticle`` (as :func:`split_efetch` gives it)."""
    try:
        return _article(ET.fromstring(xml))
    except ET.ParseError as exc:
        raise SourceResponseError(f"A cached PubMed article is not XML: {exc}") from exc


def _articles(text: str | bytes) -> list[ET.Element]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise SourceResponseError(f"PubMed's efetch answer is not XML: {exc}") from exc
    if root.tag == "eFetchResult" or root.find("ERROR") is not None:
        raise SourceResponseError(f"PubMed's efetch refused: {_text(root.find('ERROR'))!r}")
    if root.tag != "PubmedArticleSet":
        raise SourceResponseError(f"PubMed's efetch answered <{root.tag}>, not a PubmedArticleSet")
    return list(root.iter("PubmedArticle"))


def _article(article: ET.Element) -> Record | None:
    citation = article.find("MedlineCitation")
    pmid = _text(citation.find("PMID")) if citation is not None else None
    if citation is None or not pmid or not pmid.isdigit():
        return None
    body = citation.find("Article")
    if body is None:
        return None
    ids = _article_ids(article)
    doi = ids.get("doi") or _elocation(body, "doi")
    journal = body.find("Journal")
    issue = journal.find("JournalIssue") if journal is not None else None
    types = tuple(t for t in (_text(e) for e in body.iter("PublicationType")) if t)
    return Record(
        doi=normalize_doi(doi) if doi else "",
        title=_title(
            _all_text(body.find("ArticleTitle")) or _all_text(body.find("VernacularTitle"))
        ),
        authors=tuple(p for p in (_author(a) for a in body.iter("Author")) if p is not None),
        journal=_text(journal.find("Title")) if journal is not None else None,
        journal_abbrev=_text(journal.find("ISOAbbreviation")) if journal is not None else None,
        year=_year(issue) or _article_year(body),
        volume=_text(issue.find("Volume")) if issue is not None else None,
        issue=_text(issue.find("Issue")) if issue is not None else None,
        pages=_pagination(body),
        article_number=None if body.find("Pagination") is not None else _elocation(body, "pii"),
        type="journal-article",
        issn=tuple(i for i in (_text(e) for e in journal.iter("ISSN")) if i)
        if journal is not None
        else (),
        updates=tuple(_notices(citation, types)),
        pmid=pmid,
        pmcid=ids.get("pmc"),
        publication_types=types,
        abstract=_abstract(body.find("Abstract")),
        mesh=tuple(_mesh(citation)),
    )


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split()) or None


def _all_text(element: ET.Element | None) -> str | None:
    """An element's text with its inline markup (``<i>``, ``<sup>``) flattened."""
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _title(title: str | None) -> str | None:
    """PubMed's title without the closing period it adds, nor the brackets of a translation."""
    if not title:
        return None
    if title.startswith("[") and title.rstrip(".").endswith("]"):
        title = title.rstrip(".")[1:-1]
    return _TRAILING_DOT.sub("", title) or None


def _article_ids(article: ET.Element) -> dict[str, str]:
    ids: dict[str, str] = {}
    data = article.find("PubmedData/ArticleIdList")
    for element in data.iter("ArticleId") if data is not None else ():
        kind, value = element.get("IdType", ""), _text(element)
        if kind and value:
            ids.setdefault(kind, value.upper() if kind == "pmc" else value)
    return ids


def _elocation(body: ET.Element, kind: str) -> str | None:
    for element in body.iter("ELocationID"):
        if element.get("EIdType") == kind and element.get("ValidYN", "Y") == "Y":
            return _text(element)
    return None


def _author(element: ET.Element) -> Person | None:
    if element.get("ValidYN", "Y") != "Y":
        return None
    collective = _text(element.find("CollectiveName"))
    if collective:
        return Person(family=collective, collective=True)
    family = _text(element.find("LastName"))
    if not family:
        return None
    given = _text(element.find("ForeName")) or ""
    initials = _text(element.find("Initials")) or initials_of(given)
    suffix = _text(element.find("Suffix")) or ""
    return Person(family=family, given=given, initials=initials, suffix=suffix)


def _year(issue: ET.Element | None) -> int | None:
    date = issue.find("PubDate") if issue is not None else None
    if date is None:
        return None
    text = _text(date.find("Year")) or _text(date.find("MedlineDate")) or ""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _article_year(body: ET.Element) -> int | None:
    match = _YEAR.search(_text(body.find("ArticleDate/Year")) or "")
    return int(match.group(1)) if match else None


def _pagination(body: ET.Element) -> str | None:
    pagination = body.find("Pagination")
    if pagination is None:
        return None
    start, end = _text(pagination.find("StartPage")), _text(pagination.find("EndPage"))
    if start:
        return f"{start}-{end}" if end and end != start else start
    medline = _text(pagination.find("MedlinePgn"))
    return expand_pages(medline) if medline else None


def expand_pages(pages: str) -> str:
    """MEDLINE's shortened range written out: ``514-30`` -> ``514-530``, ``E887-900`` -> ``E887-E900``
    (the prefix of the first page carried over); anything else as printed."""
    first = pages.split(",")[0].strip()
    match = _PAGES.match(first)
    if not match:
        return first
    prefix, start, end_prefix, end = match.groups()
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return f"{prefix}{start}-{end_prefix or prefix}{end}"


def _abstract(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    parts = []
    for piece in element.iter("AbstractText"):
        text = _all_text(piece)
        if not text:
            continue
        label = piece.get("Label")
        parts.append(f"{label}: {text}" if label else text)
    return " ".join(parts) or None


def _mesh(citation: ET.Element) -> Iterable[str]:
    for heading in citation.iter("MeshHeading"):
        descriptor = heading.find("DescriptorName")
        name = _text(descriptor)
        if descriptor is not None and name:
            yield f"{name}*" if descriptor.get("MajorTopicYN") == "Y" else name


def _notices(citation: ET.Element, types: tuple[str, ...]) -> Iterable[Update]:
    seen: set[str] = set()
    for element in citation.iter("CommentsCorrections"):
        kind = NOTICE_TYPES.get(element.get("RefType", ""))
        if kind is None:
            continue
        notice_pmid = _text(element.find("PMID"))
        source = _text(element.find("RefSource"))
        seen.add(kind)
        label = "; ".join(x for x in (source, f"PMID {notice_pmid}" if notice_pmid else None) if x)
        yield Update(type=kind, source=SOURCE, label=label or None)
    if RETRACTED_TYPE in types and not seen & {"retraction", "partial_retraction"}:
        yield Update(type="retraction", source=SOURCE, label=RETRACTED_TYPE)


def records_from_esummary(data: Any) -> dict[str, Record | None]:
    """Records of an esummary JSON answer by PMID; None for a PMID PubMed does not know."""
    result = data.get("result") if isinstance(data, dict) else None
    if not isinstance(result, dict):
        error = data.get("error") if isinstance(data, dict) else None
        raise SourceResponseError(f"PubMed's esummary answer has no result ({error!r})")
    out: dict[str, Record | None] = {}
    for uid in result.get("uids") or []:
        item = result.get(str(uid))
        out[str(uid)] = _summary(str(uid), item) if isinstance(item, dict) else None
    return out


def _summary(pmid: str, item: Mapping[str, Any]) -> Record | None:
    if item.get("error"):
        return None
    ids = {
        str(i.get("idtype")): str(i.get("value"))
        for i in item.get("articleids") or []
        if isinstance(i, dict) and i.get("value")
    }
    year = _YEAR.search(str(item.get("pubdate") or ""))
    pages = str(item.get("pages") or "").strip()
    types = tuple(str(t) for t in item.get("pubtype") or [] if t)
    return Record(
        doi=normalize_doi(ids["doi"]) if ids.get("doi") else "",
        title=_title(" ".join(str(item.get("title") or "").split())),
        authors=tuple(_summary_author(a) for a in item.get("authors") or [] if _named(a)),
        journal=str(item.get("fulljournalname") or "") or None,
        journal_abbrev=str(item.get("source") or "") or None,
        year=int(year.group(1)) if year else None,
        volume=str(item.get("volume") or "") or None,
        issue=str(item.get("issue") or "") or None,
        pages=expand_pages(pages) if pages else None,
        type="journal-article",
        pmid=pmid,
        pmcid=(ids.get("pmc") or "").upper() or None,
        publication_types=types,
    )


def _named(author: Any) -> bool:
    return isinstance(author, dict) and bool(str(author.get("name") or "").strip())


def _summary_author(author: Mapping[str, Any]) -> Person:
    """``{"name": "Qaseem A", "authtype": "Author"}``: the last word is the initials."""
    name = " ".join(str(author["name"]).split())
    if author.get("authtype") == "CollectiveName":
        return Person(family=name, collective=True)
    family, _, initials = name.rpartition(" ")
    if not family or not initials.isupper():
        return Person(family=name)
    return Person(family=family, initials=initials)
