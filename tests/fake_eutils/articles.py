"""PubMed articles for the loopback E-utilities server, and how each utility shows them."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class Article:
    """One PubMed record. ``authors`` are (family, initials); ``notices`` are
    (RefType, RefSource, PMID) of ``CommentsCorrections``; ``medline_pages`` is the
    shortened MEDLINE form (``514-30``) when the record has no StartPage/EndPage."""

    pmid: str
    title: str
    journal: str
    abbrev: str
    year: int
    volume: str = ""
    issue: str = ""
    pages: str = ""
    medline_pages: str = ""
    doi: str = ""
    pmcid: str = ""
    authors: tuple[tuple[str, str], ...] = ()
    given: tuple[str, ...] = ()
    types: tuple[str, ...] = ("Journal Article",)
    abstract: str = ""
    abstract_sections: tuple[tuple[str, str], ...] = ()
    mesh: tuple[tuple[str, bool], ...] = ()
    notices: tuple[tuple[str, str, str], ...] = ()
    elocation_pii: str = ""
    collective: str = ""

    def xml(self) -> str:
        return (
            '<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
            f'<PMID Version="1">{self.pmid}</PMID>'
            f'<Article PubModel="Print-Electronic">{self._journal()}'
            f"<ArticleTitle>{escape(self.title)}.</ArticleTitle>{self._pagination()}"
            f"{self._elocations()}{self._abstract()}{self._authors()}<Language>eng</Language>"
            "<PublicationTypeList>"
            + "".join(
                f'<PublicationType UI="D0{n:05d}">{escape(t)}</PublicationType>'
                for n, t in enumerate(self.types)
            )
            + "</PublicationTypeList></Article>"
            f"{self._comments()}{self._mesh()}</MedlineCitation>"
            "<PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
            f'<ArticleId IdType="pubmed">{self.pmid}</ArticleId>'
            + (f'<ArticleId IdType="doi">{escape(self.doi)}</ArticleId>' if self.doi else "")
            + (f'<ArticleId IdType="pmc">{self.pmcid}</ArticleId>' if self.pmcid else "")
            + "</ArticleIdList></PubmedData></PubmedArticle>\n"
        )

    def _journal(self) -> str:
        volume = f"<Volume>{escape(self.volume)}</Volume>" if self.volume else ""
        issue = f"<Issue>{escape(self.issue)}</Issue>" if self.issue else ""
        return (
            '<Journal><ISSN IssnType="Print">0000-0000</ISSN><JournalIssue CitedMedium="Print">'
            f"{volume}{issue}<PubDate><Year>{self.year}</Year><Month>{_MONTHS[0]}</Month></PubDate>"
            f"</JournalIssue><Title>{escape(self.journal)}</Title>"
            f"<ISOAbbreviation>{escape(self.abbrev)}</ISOAbbreviation></Journal>"
        )

    def _pagination(self) -> str:
        if self.medline_pages:
            return f"<Pagination><MedlinePgn>{escape(self.medline_pages)}</MedlinePgn></Pagination>"
        if not self.pages:
            return ""
        start, _, end = self.pages.partition("-")
        last = f"<EndPage>{escape(end)}</EndPage>" if end else ""
        return (
            f"<Pagination><StartPage>{escape(start)}</StartPage>{last}"
            f"<MedlinePgn>{escape(self.pages)}</MedlinePgn></Pagination>"
        )

    def _elocations(self) -> str:
        out = ""
        if self.elocation_pii:
            out += (
                f'<ELocationID EIdType="pii" ValidYN="Y">{escape(self.elocation_pii)}</ELocationID>'
            )
        if self.doi:
            out += f'<ELocationID EIdType="doi" ValidYN="Y">{escape(self.doi)}</ELocationID>'
        return out

    def _abstract(self) -> str:
        if self.abstract_sections:
            inner = "".join(
                f"<AbstractText Label={quoteattr(label)}>{escape(text)}</AbstractText>"
                for label, text in self.abstract_sections
            )
            return f"<Abstract>{inner}</Abstract>"
        if self.abstract:
            return f"<Abstract><AbstractText>{escape(self.abstract)}</AbstractText></Abstract>"
        return ""

    def _authors(self) -> str:
        people = []
        for n, (family, initials) in enumerate(self.authors):
            given = self.given[n] if n < len(self.given) else ""
            fore = f"<ForeName>{escape(given)}</ForeName>" if given else ""
            people.append(
                f'<Author ValidYN="Y"><LastName>{escape(family)}</LastName>{fore}'
                f"<Initials>{escape(initials)}</Initials></Author>"
            )
        if self.collective:
            people.append(
                f'<Author ValidYN="Y"><CollectiveName>{escape(self.collective)}</CollectiveName></Author>'
            )
        if not people:
            return ""
        return f'<AuthorList CompleteYN="Y">{"".join(people)}</AuthorList>'

    def _comments(self) -> str:
        if not self.notices:
            return ""
        inner = "".join(
            f'<CommentsCorrections RefType="{kind}"><RefSource>{escape(source)}</RefSource>'
            f'<PMID Version="1">{pmid}</PMID></CommentsCorrections>'
            for kind, source, pmid in self.notices
        )
        return f"<CommentsCorrectionsList>{inner}</CommentsCorrectionsList>"

    def _mesh(self) -> str:
        if not self.mesh:
            return ""
        inner = "".join(
            f'<MeshHeading><DescriptorName UI="D000{n:03d}" MajorTopicYN="{"Y" if major else "N"}">'
            f"{escape(name)}</DescriptorName></MeshHeading>"
            for n, (name, major) in enumerate(self.mesh)
        )
        return f"<MeshHeadingList>{inner}</MeshHeadingList>"

    def summary(self) -> dict[str, object]:
        ids = [{"idtype": "pubmed", "idtypen": 1, "value": self.pmid}]
        if self.doi:
            ids.append({"idtype": "doi", "idtypen": 3, "value": self.doi})
        if self.pmcid:
            ids.append({"idtype": "pmc", "idtypen": 8, "value": self.pmcid})
        return {
            "uid": self.pmid,
            "pubdate": f"{self.year} Jan",
            "source": self.abbrev,
            "authors": [
                {"name": f"{family} {initials}", "authtype": "Author", "clusterid": ""}
                for family, initials in self.authors
            ],
            "title": self.title + ".",
            "volume": self.volume,
            "issue": self.issue,
            "pages": self.medline_pages or self.pages,
            "pubtype": list(self.types),
            "articleids": ids,
            "fulljournalname": self.journal,
            "elocationid": f"doi: {self.doi}" if self.doi else "",
        }
