"""Identifiers printed in references: DOIs in every dress, PMIDs, PMCIDs, URLs, Markdown links.

Each finder returns the identifier and the span it occupied, so the reference
parser can cut it out and read the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

# A DOI is "10.<registrant>/<suffix>"; the suffix may hold almost anything.
# Printed DOIs end at whitespace; trailing sentence punctuation is not part of them.
_DOI_RE = re.compile(
    r"""(?ix)
    (?:
        (?:https?://)?(?:dx\.|www\.)?doi\.org/      # https://doi.org/..., dx.doi.org/...
      | \bdoi\s*[:=]?\s*                            # doi:10..., DOI 10..., doi=10...
      | \bdoi\.org/
    )?
    (?P<doi>10\.\d{4,9}/[^\s"<>{}\]|\\^`]+)
    """
)
_DOI_ONLY_RE = re.compile(r"^10\.\d{4,9}/\S+$")
DEPOSITS = r"5281|6084|17605"
"""The DOI prefixes of Zenodo, figshare and OSF: deposited documents (protocols, plans, reports)."""
REPOSITORY_DOI = re.compile(rf"10\.(?:{DEPOSITS}|5061|7910)/")
"""A repository's DOI (those three, Dryad's and Dataverse's data): no journal article."""
_PMID_RE = re.compile(r"\bPMID\s*:?\s*(?P<id>\d{1,9})\b", re.IGNORECASE)
_PUBMED_ADDRESS = re.compile(
    r"(?i)\b(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed|"
    r"europepmc\.org/(?:abstract|article)/MED)/(?P<id>\d{1,9})\b"
)
"""A PubMed record's address: ``https://pubmed.ncbi.nlm.nih.gov/31234567/``, the older
``www.ncbi.nlm.nih.gov/pubmed/31234567`` and Europe PMC's ``europepmc.org/article/MED/31234567``."""
_PMCID_RE = re.compile(r"\b(?:PMCID\s*:?\s*)?(?P<id>PMC\s?\d{4,9})\b", re.IGNORECASE)
_URL_RE = re.compile(
    r"""(?ix)
    (?P<url>
        (?:https?://|www\.|pubmed\.ncbi\.nlm\.nih\.gov/)     # PubMed's, printed bare by MLA
        (?:(?![\[(](?:accessed|cited|viewed|retrieved))[^\s<>"\]])+     # JMIR: "...chatbot[accessed ...]"
    )
    """
)
_TRAILING_PUNCT = ".,;:"
LINK_ADDRESS = r"(?:[^()\s]|\([^()\s]*\))"
"""A character of an address inside a Markdown link's parentheses, or a pair of parentheses the
address holds (``.../PIIS0140-6736(20)30260-9/fulltext``, ``.../wiki/Cholera_(disease)``)."""
MARKDOWN_LINK = re.compile(rf"^\s*\[(?P<text>[^\]]+)\]\(\s?(?P<url>{LINK_ADDRESS}*)\s?\)?\s*")
"""A Markdown link ``[text](url)`` opening a string; the closing parenthesis may be cut off."""


@dataclass(frozen=True, slots=True)
class Found:
    """An identifier found in a string, and the span ``[start, end)`` it occupied."""

    value: str
    start: int
    end: int


def _trim(value: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end of an identifier."""
    while value:
        last = value[-1]
        if (
            last in _TRAILING_PUNCT
            or last in "'’”"
            or (last == ")" and value.count("(") < value.count(")"))
            or (last == "]" and value.count("[") < value.count("]"))
        ):
            value = value[:-1]
        else:
            break
    return value


def normalize_doi(doi: str) -> str:
    """The canonical form of a DOI: no resolver prefix, lower case (DOIs are case-insensitive)."""
    doi = doi.strip()
    if "%" in doi:
        doi = unquote(doi)
    if not doi.startswith("10."):  # a bare DOI (most) has no resolver or "doi:" to drop
        doi = _DOI_PREFIX.sub("", _RESOLVER.sub("", doi))
    return _trim(doi).lower()


_RESOLVER = re.compile(r"(?i)^(?:https?://)?(?:dx\.|www\.)?doi\.org/")
_DOI_PREFIX = re.compile(r"(?i)^doi\s*:\s*")


def is_doi(text: str) -> bool:
    """Whether ``text`` is a bare DOI (``10.1136/bmj.j1284``)."""
    return bool(_DOI_ONLY_RE.match(text.strip()))


def find_doi(text: str) -> Found | None:
    """The first DOI in ``text``, in any dress (``doi:``, ``https://doi.org/``, ``dx.doi.org``)."""
    if "10." not in text:
        return None
    match = _DOI_RE.search(text)
    if match is None:
        return None
    doi = _trim(match.group("doi"))
    # A DOI glued to a following "PMID" or "." + "Epub" by PDF extraction.
    doi = re.split(r"(?i)(?<=\d)(?=PMID|PMCID|Epub)", doi)[0]
    end = match.start("doi") + len(doi)
    return Found(normalize_doi(doi), match.start(), end)


def find_pmid(text: str) -> Found | None:
    """A PubMed identifier printed as ``PMID: 12345678``, or the number in a PubMed address
    (the span is then the number's: callers cut out the address as a URL)."""
    lowered = text.lower()
    if "pmid" not in lowered and "pubmed" not in lowered and "/med/" not in lowered:
        return None
    match = _PMID_RE.search(text) or _PUBMED_ADDRESS.search(text)
    if match is None:
        return None
    return Found(match.group("id"), match.start(), match.end())


def find_pmcid(text: str) -> Found | None:
    """A PubMed Central identifier (``PMC3658605``), normalised without spaces."""
    if "pmc" not in text.lower():
        return None
    match = _PMCID_RE.search(text)
    if match is None:
        return None
    return Found(match.group("id").replace(" ", "").upper(), match.start(), match.end())


def find_url(text: str) -> Found | None:
    """The first web address in ``text`` (a doi.org address counts: callers look for DOIs first)."""
    if "http" not in text and "www." not in text.lower() and "pubmed." not in text:
        return None
    match = _URL_RE.search(text)
    if match is None:
        return None
    if "/" not in match.group("url").removeprefix("https://").removeprefix("http://"):
        # MLA names the site before the address: "Www.cancer.org.au, 2023, www.cancer.org.au/..."
        later = _URL_RE.search(text, match.end())
        if later and "/" in later.group("url").split("//", 1)[-1].rstrip("/"):
            match = later
    url = _trim(match.group("url"))
    if url.lower().startswith(("www.", "pubmed.")):
        url = "https://" + url
    start, end = match.start(), match.start() + len(_trim(match.group("url")))
    if text[start - 1 : start] == "<" and text[end : end + 1] == ">":
        start, end = start - 1, end + 1  # MJA, Vancouver's older form: "<http://...>"
    return Found(url, start, end)


def without_addresses(text: str) -> str:
    """``text`` with its web addresses blanked out (a search query needs none)."""
    return _URL_RE.sub(" ", text)
