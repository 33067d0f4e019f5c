"""Linking resolved references to PubMed: PMIDs, publication types, abstracts, MeSH, notices.

After the first source (Crossref) has answered, each reference is looked up in PubMed,
cheapest way first, every step batched over the whole run:

1. a printed PMID (efetch) and a printed PMCID (a ``[pmcid]`` search), checked against
   the printed fields, never trusted: a PMID naming another paper is ``pmid-mismatch``, and
   PMCID digits printed as a PMID are recognised as such;
2. the DOI Crossref accepted: a ``[doi]`` search (50 DOIs a request), then efetch;
3. the rest: ECitMatch (journal, year, volume, first page, first author; one request for
   every citation), then a field-tagged ``esearch`` per reference still without a record.
   Every candidate is re-checked against the printed fields with the matcher Crossref's
   candidates go through (:func:`~acurefs.resolve.matching.decide`), and a candidate with
   another DOI than the one Crossref accepted is refused: PubMed never swaps in a paper.

What PubMed adds is merged into the resolution's record (PMID, PMCID, publication types,
abstract, MeSH, notices with source ``pubmed``) and what it said is kept in
:attr:`Resolution.linked`. Where the two sources disagree on year, pages or title, a
``source-disagreement`` finding says so and Crossref's value stays in the record. A
reference Crossref could not resolve and PubMed can is resolved from PubMed's record.
PubMed failing leaves every Crossref answer as it was, its link ``not-checked``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import SourceError
from ..models import (
    Finding,
    Linked,
    LinkStatus,
    Provenance,
    Record,
    Reference,
    Resolution,
    Severity,
    Verdict,
)
from ..reference.cleaning import looks_like_two_references
from ..sources.pubmed import PubMed
from ..sources.pubmed.citmatch import MatchStatus, citation_query
from ..text import iso_utc
from .checks import check_record, notice_findings, verdict_for
from .matching import Outcome, decide, evidence_for, non_scholarly
from .similarity import first_page_agrees, title_similarity

log = logging.getLogger(__name__)

SOURCE = "pubmed"
PMID_MISMATCH = "pmid-mismatch"
PMCID_MISMATCH = "pmcid-mismatch"
DISAGREEMENT = "source-disagreement"
NOT_CHECKED = "pubmed-not-checked"
TITLE_AGREES = 0.9
"""Title agreement between the two sources' records below which they are said to differ."""
_RESOLVED = (Verdict.VERIFIED, Verdict.MISMATCH)
_STOP_WORDS = frozenset("with from that this their into over after among versus between".split())


@dataclass(frozen=True, slots=True)
class _Found:
    """PubMed's record for one reference, how it was found, and findings on the way."""

    record: Record | None
    via: str | None = None
    findings: tuple[Finding, ...] = ()
    score: float | None = None


def link_pubmed(
    references: Mapping[str, Reference],
    resolutions: Mapping[str, Resolution],
    pubmed: PubMed,
) -> dict[str, Resolution]:
    """Each resolution with what PubMed says about its reference (see the module docstring)."""
    try:
        found = _Linker(pubmed, references, resolutions).run()
    except SourceError as exc:
        log.info("PubMed failed: %s; Crossref's answers stand", exc)
        return {
            d: r if _web_page(references[d], r) else _not_checked(references[d], r, str(exc))
            for d, r in resolutions.items()
        }
    out = {}
    for digest, res in resolutions.items():
        ref = references[digest]
        if _web_page(ref, res):
            out[digest] = res
        elif digest not in found:
            out[digest] = _not_checked(ref, res, "offline, and PubMed's answer is not cached")
        else:
            out[digest] = _merged(ref, res, found[digest])
    return out


class _Linker:
    """The lookups, step by step; ``found`` holds each reference's answer as it comes."""

    def __init__(
        self,
        pubmed: PubMed,
        references: Mapping[str, Reference],
        resolutions: Mapping[str, Resolution],
    ) -> None:
        self.pubmed = pubmed
        self.references = references
        self.resolutions = resolutions
        self.found: dict[str, _Found] = {}
        self.carried: dict[str, tuple[Finding, ...]] = {}

    def run(self) -> dict[str, _Found]:
        wanted = {
            d: r
            for d, r in self.references.items()
            if not _web_page(r, self.resolutions[d]) and not (non_scholarly(r) and not self._doi(d))
        }
        self._printed(wanted)
        self._by_doi([d for d in wanted if d not in self.found])
        self._citmatch([d for d in wanted if d not in self.found])
        self._esearch([d for d in wanted if d not in self.found])
        for digest in wanted:
            if digest not in self.found and not self.pubmed.offline:
                self.found[digest] = _Found(None, findings=self.carried.get(digest, ()))
        return self.found

    def _doi(self, digest: str) -> str | None:
        res = self.resolutions[digest]
        return res.doi if res.verdict in _RESOLVED and res.record is not None else None

    def _accept(self, digest: str, record: Record, via: str, score: float | None = None) -> None:
        self.found[digest] = _Found(record, via, self.carried.get(digest, ()), score)

    # --- printed identifiers ---------------------------------------------------------------

    def _printed(self, wanted: Mapping[str, Reference]) -> None:
        pmids = {d: r.pmid for d, r in wanted.items() if r.pmid}
        pmcids = {d: r.pmcid.upper() for d, r in wanted.items() if r.pmcid and not r.pmid}
        records = self.pubmed.fetch(pmids.values()) if pmids else {}
        misfits = {}
        for digest, pmid in pmids.items():
            record = records.get(pmid)
            if record is not None and self._fits(digest, record):
                self._accept(digest, record, "printed-pmid")
            elif pmid in records:
                misfits[digest] = pmid
        # A printed PMID that does not fit may be a PMCID's digits: asked with the PMCIDs.
        by_pmcid = self._pmcids([*pmcids.values(), *(f"PMC{p}" for p in misfits.values())])
        for digest, pmid in misfits.items():
            self._misfit(digest, pmid, records[pmid], by_pmcid.get(f"PMC{pmid}"))
        for digest, pmcid in pmcids.items():
            record = by_pmcid.get(pmcid)
            if record is not None and self._fits(digest, record):
                self._accept(digest, record, "printed-pmcid")

    def _pmcids(self, pmcids: Iterable[str]) -> dict[str, Record]:
        wanted = list(dict.fromkeys(p.upper() for p in pmcids))
        if not wanted:
            return {}
        term = " OR ".join(f"{p}[pmcid]" for p in wanted)
        pmids = self.pubmed.esearch(term, retmax=len(wanted) * 2) or ()
        records = self.pubmed.fetch(pmids)
        return {r.pmcid: r for r in records.values() if r is not None and r.pmcid in wanted}

    def _misfit(
        self, digest: str, pmid: str, record: Record | None, as_pmcid: Record | None
    ) -> None:
        """A printed PMID that names no work or another: a finding, unless its digits are
        this work's PMCID (then the work is found, and the finding says so)."""
        ref = self.references[digest]
        if as_pmcid is not None and self._fits(digest, as_pmcid):
            message = _pmcid_as_pmid(pmid, as_pmcid.pmid)
            finding = _pmid_finding(ref, pmid, as_pmcid.pmid, message)
            self.found[digest] = _Found(as_pmcid, "printed-pmcid", (finding,))
            return
        if record is None:
            message = f"PMID {pmid} does not exist in PubMed"
            found = None
        else:
            message = f"PMID {pmid} belongs to a different work: {record.title or 'untitled'!r}"
            found = record.title
        self.carried[digest] = (_pmid_finding(ref, pmid, found, message),)

    def _fits(self, digest: str, record: Record) -> bool:
        """Whether PubMed's record can be the work this reference prints (and Crossref found)."""
        ref, doi = self.references[digest], self._doi(digest)
        if doi and record.doi and record.doi != doi:
            return False
        if doi and record.doi == doi:
            return True
        evidence = evidence_for(ref, record)
        if evidence.vetoed is not None:
            return False
        if ref.title and evidence.title is not None and evidence.title < 0.6:
            return (evidence.author or 0.0) >= 1.0 and (evidence.page or 0.0) >= 1.0
        return True

    # --- by DOI, then by citation ----------------------------------------------------------

    def _by_doi(self, digests: list[str]) -> None:
        dois = {d: doi for d in digests if (doi := self._doi(d))}
        if not dois:
            return
        answers = self.pubmed.by_doi(dois.values())
        for digest, doi in dois.items():
            if doi not in answers:
                continue
            record = answers[doi]
            if record is not None:
                self._accept(digest, record, "doi")

    def _citmatch(self, digests: list[str]) -> None:
        queries = {
            d: q for d in digests if (q := citation_query(self.references[d], d[:16])) is not None
        }
        if not queries:
            return
        matches = self.pubmed.citmatch(list(queries.values()))
        candidates = {
            d: m.pmids
            for d, q in queries.items()
            if (m := matches.get(q.key)) and m.status in (MatchStatus.FOUND, MatchStatus.AMBIGUOUS)
        }
        records = self.pubmed.fetch(p for pmids in candidates.values() for p in pmids)
        for digest, pmids in candidates.items():
            self._choose(digest, [records.get(p) for p in pmids], "ecitmatch")

    def _esearch(self, digests: list[str]) -> None:
        terms = {d: t for d in digests if (t := search_term(self.references[d]))}
        answers: dict[str, tuple[str, ...]] = {}
        for digest, term in terms.items():
            pmids = self.pubmed.esearch(term, retmax=5)
            if pmids is not None:
                answers[digest] = pmids
        records = self.pubmed.fetch(p for pmids in answers.values() for p in pmids)
        for digest, pmids in answers.items():
            self._choose(digest, [records.get(p) for p in pmids], "esearch")

    def _choose(self, digest: str, records: list[Record | None], via: str) -> None:
        """Accept the candidate the matcher accepts, and only one that fits Crossref's DOI."""
        eligible = [r for r in records if r is not None and self._fits(digest, r)]
        if not eligible or looks_like_two_references(self.references[digest].raw):
            return  # two references run together: which one ECitMatch read is anyone's guess
        decision = decide(self.references[digest], eligible)
        if decision.outcome is Outcome.ACCEPTED and decision.best is not None:
            self._accept(digest, decision.best.record, via, decision.best.score)


def search_term(ref: Reference) -> str | None:
    """A field-tagged PubMed search for a reference: title words and first author, else
    journal, volume and first page; None when it prints too little."""
    author = ref.first_author
    stripped = (w.strip(".,:;()[]?!'") for w in (ref.title or "").replace('"', " ").split())
    words = [w for w in stripped if len(w) > 3 and w.lower() not in _STOP_WORDS][:8]
    if len(words) >= 3:
        term = " AND ".join(f"{w}[ti]" for w in words)
        if author is not None and not author.collective:
            term += f" AND {author.family}[1au]"
        return term
    first_page = ref.first_page or ref.article_number
    if ref.journal and ref.volume and first_page:
        return f'"{ref.journal}"[ta] AND {ref.volume}[vi] AND {first_page}[pg]'
    return None


# --- what the answers make of a resolution ---------------------------------------------------


def _merged(ref: Reference, res: Resolution, found: _Found) -> Resolution:
    record = found.record
    if record is None:
        link = Linked(SOURCE, LinkStatus.NOT_FOUND, reason="PubMed has no record that fits")
        if not found.findings:
            return dataclasses.replace(res, linked=(link,))
        findings = (*res.findings, *found.findings)
        return dataclasses.replace(
            res, findings=findings, verdict=_verdict(res, findings), linked=(link,)
        )
    link = Linked(
        SOURCE,
        LinkStatus.FOUND,
        record=record,
        via=found.via,
        url=f"https://pubmed.ncbi.nlm.nih.gov/{record.pmid}/",
        retrieved=iso_utc(),
    )
    if res.record is None or res.verdict not in _RESOLVED:
        return _from_pubmed(ref, res, found, link)
    merged = _with_pubmed(res.record, record)
    added = merged.updates[len(res.record.updates) :]
    findings = (
        *res.findings,
        *found.findings,
        *_pmcid_check(ref, record),
        *disagreements(ref, res.record, record),
        *notice_findings(ref, added),
    )
    return dataclasses.replace(
        res, record=merged, findings=findings, verdict=_verdict(res, findings), linked=(link,)
    )


def _from_pubmed(ref: Reference, res: Resolution, found: _Found, link: Linked) -> Resolution:
    """A reference Crossref did not resolve, resolved from PubMed's record."""
    assert found.record is not None
    carried = [f for f in res.findings if f.code in ("doi-mismatch", "doi-not-found")]
    findings = (
        *carried,
        *found.findings,
        *_pmcid_check(ref, found.record),
        *check_record(ref, found.record),
    )
    return Resolution(
        verdict=verdict_for(findings),
        doi=found.record.doi or None,
        record=found.record,
        score=round(found.score, 4) if found.score is not None else res.score,
        findings=findings,
        reason=None,
        provenance=Provenance(
            source=SOURCE, url=link.url, retrieved=link.retrieved, note=f"found by {found.via}"
        ),
        linked=(link,),
    )


def _verdict(res: Resolution, findings: Iterable[Finding]) -> Verdict:
    return verdict_for(findings) if res.verdict in _RESOLVED else res.verdict


def _with_pubmed(record: Record, pubmed: Record) -> Record:
    """Crossref's record with what only PubMed holds; a notice Crossref has is not repeated."""
    known = {_family(u.type) for u in record.updates}
    notices = tuple(u for u in pubmed.updates if _family(u.type) not in known)
    return dataclasses.replace(
        record,
        pmid=pubmed.pmid,
        pmcid=record.pmcid or pubmed.pmcid,
        publication_types=pubmed.publication_types,
        abstract=record.abstract or pubmed.abstract,
        mesh=pubmed.mesh,
        updates=(*record.updates, *notices),
    )


def _family(kind: str) -> str:
    kind = kind.lower().replace("-", "_")
    if kind in ("retraction", "partial_retraction", "withdrawal", "removal"):
        return "retraction"
    if kind in ("correction", "erratum", "corrigendum"):
        return "correction"
    return kind


def disagreements(ref: Reference, crossref: Record, pubmed: Record) -> list[Finding]:
    """Where the two sources' records of one work differ on year, first page or title."""
    out = []
    if crossref.year and pubmed.year and crossref.year != pubmed.year:
        severity = Severity.INFO if abs(crossref.year - pubmed.year) == 1 else Severity.WARNING
        out.append(_disagree(ref, "year", str(crossref.year), str(pubmed.year), severity))
    theirs = pubmed.first_page or pubmed.article_number
    if (
        theirs
        and (crossref.first_page or crossref.article_number)
        and not first_page_agrees(theirs, crossref.first_page, crossref.article_number)
    ):
        mine = crossref.pages or crossref.article_number or ""
        out.append(_disagree(ref, "pages", mine, pubmed.pages or theirs, Severity.WARNING))
    mine_title, their_title = crossref.full_title or crossref.title, pubmed.title
    if mine_title and their_title:
        similarity = max(
            title_similarity(their_title, t) for t in (mine_title, crossref.title or "")
        )
        if similarity < TITLE_AGREES:
            out.append(_disagree(ref, "title", mine_title, their_title, Severity.WARNING))
    return out


def _disagree(
    ref: Reference, field: str, crossref: str, pubmed: str, severity: Severity
) -> Finding:
    return Finding.about(
        ref,
        DISAGREEMENT,
        severity,
        f"Crossref and PubMed disagree on the {field}: {crossref!r} (Crossref) and "
        f"{pubmed!r} (PubMed); the record keeps Crossref's",
        field=field,
        printed=None,
        found=pubmed,
        detail={"crossref": crossref, "pubmed": pubmed},
    )


def locked_findings(ref: Reference, res: Resolution) -> list[Finding]:
    """What a locked resolution's PubMed answer says again offline: the sources' disagreements,
    a printed PMID or PMCID that is not the work's (the lock keeps the records, not findings)."""
    pubmed = next(
        (link.record for link in res.linked if link.status is LinkStatus.FOUND and link.record),
        None,
    )
    if pubmed is None or res.record is None:
        return []
    found = []
    if ref.pmid and pubmed.pmid and ref.pmid != pubmed.pmid:
        message = f"PMID {ref.pmid} is printed; the work's PMID is {pubmed.pmid}"
        if pubmed.pmcid == f"PMC{ref.pmid}":
            message = _pmcid_as_pmid(ref.pmid, pubmed.pmid)
        found.append(_pmid_finding(ref, ref.pmid, pubmed.pmid, message))
    found.extend(_pmcid_check(ref, pubmed))
    if res.provenance is None or res.provenance.source != SOURCE:
        found.extend(disagreements(ref, res.record, pubmed))
    return found


def _pmcid_check(ref: Reference, record: Record) -> list[Finding]:
    """A printed PMCID that is not the work's."""
    if not ref.pmcid or not record.pmcid or ref.pmcid.upper() == record.pmcid.upper():
        return []
    message = f"PMCID {ref.pmcid} is printed; the work's PMCID is {record.pmcid}"
    return [
        Finding.about(
            ref,
            PMCID_MISMATCH,
            Severity.WARNING,
            message,
            field="pmcid",
            printed=ref.pmcid,
            found=record.pmcid,
        )
    ]


def _pmcid_as_pmid(printed: str, pmid: str | None) -> str:
    return f"PMID {printed} is printed, but PMC{printed} is this work's PMCID; its PMID is {pmid}"


def _pmid_finding(ref: Reference, printed: str, found: str | None, message: str) -> Finding:
    return Finding.about(
        ref, PMID_MISMATCH, Severity.ERROR, message, field="pmid", printed=printed, found=found
    )


def _web_page(ref: Reference, res: Resolution) -> bool:
    """A web page printing no PubMed identifier: not looked up."""
    return res.verdict is Verdict.NON_SCHOLARLY and not (ref.pmid or ref.pmcid)


def _not_checked(ref: Reference, res: Resolution, why: str) -> Resolution:
    """PubMed could not answer: the resolution as it was (the lock's link, if it had one)."""
    if res.linked:
        return res
    link = Linked(SOURCE, LinkStatus.NOT_CHECKED, reason=why)
    finding = Finding.about(ref, NOT_CHECKED, Severity.INFO, f"PubMed not asked: {why}")
    return dataclasses.replace(res, linked=(link,), findings=(*res.findings, finding))


__all__ = [
    "DISAGREEMENT",
    "PMID_MISMATCH",
    "disagreements",
    "link_pubmed",
    "locked_findings",
    "search_term",
]
