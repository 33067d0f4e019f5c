"""Possible sources for claims that name a work without citing it (implicit citations).

"A landmark analysis published in Archives of Internal Medicine found...", "the 2017
guideline from the American College of Physicians", "Vickers and colleagues": an
evidential claim with no marker that points at a specific work. Its cues (venue,
organisation, author, year, design, counts; :func:`acurefs.claims.audit.described`) and its
topic words make one search of the metadata source (field queries and publication-date
filters where the source takes them). Each candidate is then scored against the cues: a
cue the record contradicts rules it out, and what matched becomes the suggestion's
reasons. A suggestion is a possible source shown to the writer, never a resolution: the
claim's references do not change.

Only claims with a specific cue (a venue, an organisation, an author, a named trial or
cohort, or a year together with a design) are searched; the rest get no suggestion. A
design with a count ("a meta-analysis of 14 trials") is not enough: titles seldom carry
counts, so the search would rest on topic words alone.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..claims.audit import Described, described, record_designs
from ..claims.counts import within_count
from ..claims.organisations import NAMED_BODY, ORG_NAME
from ..models import Claim, Record, Suggestion
from ..sources.base import MetadataSource, SearchAnswer
from ..text import fold, journal_matches

ROWS = 10
"""Candidates asked for per claim."""
LIMIT = 3
"""Suggestions kept per claim, best first."""
MIN_SCORE = 0.6
"""The share of the claim's cues (weighted) a work must answer to be suggested."""

WEIGHTS = {
    "venue": 0.3,
    "organisation": 0.3,
    "author": 0.3,
    "study": 0.3,
    "year": 0.2,
    "design": 0.2,
    "count": 0.1,
    "topic": 0.3,
}
"""How much each cue counts in a suggestion's score (only the cues the claim gives count)."""

_AUTHOR = re.compile(
    r"\b(?P<name>(?:Mac|Mc|O'|O’|De|Di|Du|Le|La)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)(?:\s+(?:and\s+(?:colleagues|co-?workers|"
    r"coauthors|co-authors|collaborators)|et\s+al\b|and\s+(?:his|her|their)\s+(?:team|"
    r"colleagues))|['’]s\s+(?:(?:19|20)\d\d\s+)?(?:landmark\s+|original\s+|first\s+|later\s+)?"
    r"(?:meta-?analysis|systematic\s+review|review|trial|study|cohort\s+study|experiment|paper|"
    r"team|group|analysis|data|findings|results)\b)"
)
_NOT_AUTHORS = frozenset(
    """Alzheimer Parkinson Crohn Hodgkin Huntington Down Graves Raynaud Tourette Cushing Addison
    Bell Hashimoto Asperger Kaposi Wilson Paget Perthes Osgood Women Men Children People Today
    Britain America England Scotland Wales Ireland Europe Australia Canada Japan China India
    Sweden Denmark Norway Finland Germany France Italy Spain World Nation Country Year""".split()
)
"""Capitalised words a possessive study follows that name no author: ``Parkinson's trial``
(a disease), ``Britain's biggest study`` (a country), ``Women's study``."""
_NAMED_STUDY = re.compile(
    r"\b(?P<name>(?=[A-Za-z0-9-]*[A-Z][a-z]{0,5}[A-Z])[A-Z][A-Za-z0-9-]{1,}[A-Za-z0-9](?:-[A-Z][a-z]+)?"
    r"(?:\s+(?:\d{1,2}|[A-Z]{2,5}))?)(?:\s+[a-z][\w-]*){0,3}\s+"
    r"(?:trials?|stud(?:y|ies)|cohort|survey)\b|"
    r"\b(?P<appositive>[A-Z]{3,}[A-Z0-9-]*),\s+the\s+(?:[\w-]+\s+){0,2}(?:trial|study|cohort)\b|"
    r"\b(?!(?:The|This|That|These|Those|Our|Their|Its|One|Each|Another|New|Recent|Large|In|A)\s)"
    r"(?P<titled>[A-Z][A-Za-z]+(?:['’]s?)?(?:\s+(?:of\s+|and\s+)?[A-Z][A-Za-z]+(?:['’]s?)?){0,4}"
    r"\s+(?:Study|Trial|Cohort|Initiative|Survey|Biobank|Audit)|"
    r"(?<=\b[Tt]he\s)[A-Z][A-Za-z]+(?:\s+(?:of\s+(?:the\s+)?|and\s+)?[A-Z][A-Za-z]+){1,4}"
    r"\s+(?:survey|study|trial|cohort|audit)|"
    r"(?:19|20)\d\d\s+Census)\b"
)
"""A trial or cohort with a name: "the VITAL trial", "the BrAIST trial", "the GERAC knee trial", "the HUNT cohort",
"the STEP 1 trial", "the CLARITY AD trial", "the WHI estrogen-plus-progestin trial", "the
Global Burden of Disease Study", "the Nurses' Health Study", "a UK Biobank study", "the
Barbados Health of the Nation survey" (its name in capitals, after "the")."""
_DATED_STUDY = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Tt]he(?:\s+same)?)\s+(?:(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}?(?:study|trial|survey|experiment|"
    r"analysis|replication|reanalysis|follow-?up)\b|(?:[A-Z][\w-]+\s+)?(?:study|trial|survey|experiment)\s+published\s+in\s+(?:19|20)\d\d\b)|"
    r"\b[A-Z][^\W\d_]+['’]s\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}?(?:study|trial|survey|experiment|analysis|"
    r"review|report|paper)\b"
)
"""One study and its year: "a 1999 study of older spouses", "A Norwegian study published in
2023": it names one work as well as its size would."""
_LED_BY = re.compile(
    r"(?:\b(?:stud(?:y|ies)|trials?|experiments?|reviews?|analys[ie]s|surveys?|papers?|articles?|"
    r"replications?|reanalys[ie]s|[Rr]esearch)"
    r",?\s+(?:\w+\s+)?(?:by|led\s+by|run\s+by)|\b(?:researchers|scientists|team),?\s+led\s+by|^\W*Led\s+by)\s+(?:[A-Z][a-z]+\s+)+?(?P<family>(?:Mc|Mac)?[A-Z][a-z]+)\b"
)
"""A work and who did it: "an experiment by Robert Emmons and Michael McCullough", "a 2005
online study led by Martin Seligman", "Led by Andrew Tagg, six doctors ..."."""
_ONE_STUDY = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,4}?(?:study|trial|survey|audit|cohort|registry|"
    r"meta-?analysis|review|overview|analysis|evaluation|follow-?up|replication|reanalysis)\s+(?:of|in|among|involving|following|"
    r"(?:that|which)\s+(?:followed|tracked|enrolled|included|surveyed|randomi[sz]ed|recruited))\s+"
    r"(?:(?:nearly|almost|about|around|roughly|over|more\s+than|some|just\s+over)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s+million|\d{2,}|half\s+a\s+million|"
    r"(?:a|one|two|\w+ty)\s+(?:thousand|million)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:trials|studies|cohorts|RCTs))"
    r"(?!\s*(?:%|per\s?cent|years?|months?|weeks?|days?|hours?|minutes?)\b)"
)
"""One study and its size: "A German survey of 4,869 adults", "a trial of 720 children", "a
Cochrane review of 22 trials", "a study of half a million Chinese adults": it names one work
as well as a year would (not "trials of 1,000 people", nor "a review of 12 years of data").
Every such sentence in the labelled sets is labelled as naming a source."""
_COUNTED_WORK = re.compile(
    r"\b(?:team|researchers|scientists|investigators|collaboration|consortium)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:pooled|followed|tracked|tested|enrolled|recruited|studied|surveyed|examined|(?:re)?analy[sz]ed)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:about\s+|more\s+than\s+|nearly\s+|over\s+)?\d{1,3}(?:,\d{3})+|"
    r"\b[Tt]he\s+(?:review|meta-?analysis|analysis|overview),?\s+(?:which\s+)?(?:drew\s+on|pooled|combined|covered)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:about\s+|more\s+than\s+|nearly\s+|over\s+)?\d{1,3}(?:,\d{3})+|"
    r"\b[Tt]he\s+\d{1,3}\s+(?:studies|trials|cohorts)\s+(?:together|combined|between\s+them)\b"
)
"""A work's size given by who did it or by the work named before: "A US team pooled data on
34,485 people", "Brazilian researchers tested 2,002 adults", "The review drew on studies of
more than 300,000 adults", "The 29 studies together recorded ...": one work, as its size says."""
_BODY_SAYS = re.compile(
    rf"\b(?:[Rr]esearchers|[Ss]cientists|[Aa]\s+team|[Aa]cademics)\s+(?:at|from)\s+(?:the\s+)?"
    rf"(?:University\s+of\s+[A-Z][\w-]+|[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){{0,3}}\s+University\b|"
    rf"{ORG_NAME})|"
    r"\b(?:[Rr]esearchers|[Ss]cientists|[Aa]\s+team)\s+(?:in|from)\s+(?-i:[A-Z][a-zà-ÿ]+)"
    r"(?:\s+and\s+(?-i:[A-Z][a-zà-ÿ]+))?\s+(?:[a-z]+ly\s+)?(?:showed|scanned|repeated|tested|gave|asked|"
    r"followed|measured|compared|recruited|randomi[sz]ed|ran|studied|surveyed|pooled|combined|"
    r"analy[sz]ed|reviewed|tracked)\b|"
    r"\b(?:[Rr]esearchers|[Ss]cientists|[Dd]octors|[Ss]urgeons|[Pp]hysicians|[Aa]\s+team)\s+at\s+an?\s+"
    r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?\s+(?:hospital|institute|university|clinic|"
    r"medical\s+cent(?:re|er)|research\s+cent(?:re|er))\b|"
    r"\b(?!(?:Many|Some|Most|Other|Few|These|Those|The|Several|Two|Three|Our|Their)\b)(?-i:[A-Z][a-z]+)"
    r"(?<!an)(?<!ish)(?<!ese)(?<!ch)(?<!i)\s+(?:researchers|scientists)\s+(?:found|followed|showed|"
    r"reported|tested|gave|asked|measured|compared|recruited|studied|surveyed|tracked)\b|"
    r"\b[Aa]n?\s+(?-i:[A-Z][\w&'’-]+)(?:\s+(?-i:[A-Z][\w&'’-]+)){0,3}\s+team\s+(?:that|which|who|"
    r"found|showed|reported|followed|tested|gave|asked|measured|compared|recruited|studied|surveyed)\b|"
    r"\b(?:[Ff]igures|[Dd]ata|[Ss]tatistics|[Nn]umbers)\s+(?:obtained\s+|released\s+|published\s+)?"
    r"(?:from|by)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:and\s+)?[A-Z][\w&'’-]*){0,4}\b|"
    rf"\b(?:the\s+)?(?:{ORG_NAME}|{NAMED_BODY})\s+(?:issued|published|released)\s+(?:a|an|its|new)\b|"
    r"\b(?P<acronym>[A-Z]{2,6})\s+(?:research|figures|data|analysis|survey)\s+(?:found|finds|shows?|"
    r"showed|suggests?|suggested|linked|tied)\b|"
    r"\b(?:[Ss]tud(?:y|ies)|[Tt]rials?|[Ss]urveys?)\s+(?:at|by|from)\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){0,6}?"
    r"(?:Institute|University|Hospital|Clinic|Centre|Center|College)\b|"
    r"\b(?:[A-Z][\w&'’-]*\s+){1,4}University\s+(?:study|trial|survey|analysis)\b|"
    rf"\b(?:stud(?:y|ies)|trials?|analys[ie]s|surveys?|reviews?)\s+by\s+the\s+(?:{ORG_NAME}|"
    r"(?:[A-Z][\w&'’-]*\s+){1,6}(?:Team|Investigators|Collaborators|Network))\b"
)
"""A body the claim takes its finding from, where it names no work: "researchers at the
University of Michigan found", "researchers in Kiel scanned", "doctors at a Boston hospital
swabbed", "A Harvard team that followed", "a team from Harvard and
Michigan ran", "Figures obtained from Westshire Police show", "the US Food and
Drug Administration issued a safety communication", "FA research found"."""
_GENERIC_ACRONYMS = frozenset(
    """RCT RCTS IVF HIV AIDS COVID SARS NHS USA CBT MRI ADHD PTSD IBS COPD ICU GP NIH CDC WHO FDA
    HPV DNA RNA HRT CBD THC BMI LDL HDL PCOS""".split()
)
"""Acronyms that name a kind of study or a topic, not one study ("an IVF trial")."""
_NOTICE_TITLE = re.compile(
    r"^\s*(?:errors?\b|erratum|corrigend|correction|retraction|retracted|notice of|"
    r"expression of concern|withdrawn|comment on|reply\b|response to)",
    re.I,
)
_STOPWORDS = frozenset(
    """a about above after again against all also although among an and any are as at be
    because been before being below between both but by can could did do does doing down
    during each even ever few for found from further had has have having here how however if
    in into is it its itself just less like made many may might more most much must no nor not
    now of off on once one only or other our out over own same shall she should showed shown
    so some such than that the their them then there these they this those through thus to too
    under until up upon very was were what when where which while who whom why will with within
    would yet landmark published journal analysis analyses study studies research researchers
    review reviews trial trials paper report reported reports found finds showed shows
    suggest suggests suggested significantly significant modestly effective effect effects
    compared usual people patients participants colleagues new large small recent recently
    evidence results result data well better best greater great""".split()
)


@dataclass(frozen=True, slots=True)
class WorkCues:
    """What a claim says about a work it names: the search's input and its yardstick."""

    said: Described
    authors: tuple[str, ...]
    topic: tuple[str, ...]
    """The claim's content words (folded), in order, without repeats."""
    studies: tuple[str, ...] = ()
    """Named trials and cohorts: ``VITAL``, ``GERAC``."""
    sized: bool = False
    """One study told by how many it took in or by its year: "a Canadian trial of 720
    children", "a 1999 study of older spouses"."""
    body: bool = False
    """A body the finding is from: "researchers at the University of Stirling found"."""

    @property
    def specific(self) -> bool:
        """Whether the claim points at one work: a venue, organisation, author or named
        study, a year with a design, or one study with its size or its year."""
        said = self.said
        return bool(
            said.venues
            or said.organisations
            or self.authors
            or self.studies
            or self.sized
            or self.body
            or (said.years and said.designs)
        )


def cues_of(text: str) -> WorkCues:
    """The cues a claim's text gives about the work it names."""
    said = described(text)  # "a Cochrane review" names its venue there
    authors = tuple(
        dict.fromkeys(
            [m.group("name") for m in _AUTHOR.finditer(text) if m.group("name") not in _NOT_AUTHORS]
            + [m.group("family") for m in _LED_BY.finditer(text)]
        )
    )
    studies = tuple(
        dict.fromkeys(
            name
            for m in _NAMED_STUDY.finditer(text)
            if (name := m.group("name") or m.group("titled") or m.group("appositive"))
            .split()[0]
            .split("-")[0]
            .upper()
            not in _GENERIC_ACRONYMS
        )
    )
    named = fold(" ".join([*said.venues, *said.organisations, *authors])).split()
    words = [
        w
        for w in fold(text).split()
        if len(w) >= 4 and not w.isdigit() and w not in _STOPWORDS and w not in named
    ]
    sized = bool(_ONE_STUDY.search(text) or _DATED_STUDY.search(text) or _COUNTED_WORK.search(text))
    body = any(m.group("acronym") not in _GENERIC_ACRONYMS for m in _BODY_SAYS.finditer(text))
    return WorkCues(said, authors, tuple(dict.fromkeys(words)), studies, sized, body)


def search_terms(cues: WorkCues) -> tuple[str, dict[str, str], dict[str, str]]:
    """The query, field queries and filters one search for the named work sends."""
    said = cues.said
    words = [*cues.topic, *(name for name, _ in said.designs[:1])]
    fields: dict[str, str] = {}
    if said.venues:
        fields["container-title"] = said.venues[0]
    if cues.authors:
        fields["author"] = " ".join(cues.authors)
    elif said.organisations:
        words.append(said.organisations[0])
    filters: dict[str, str] = {}
    if said.years:
        year = said.years[0]
        filters = {"from-pub-date": str(year - 1), "until-pub-date": str(year + 1)}
    return " ".join(words), fields, filters


def score(cues: WorkCues, record: Record) -> tuple[float, tuple[str, ...]] | None:
    """How well a record answers the claim's cues, and why; None when it contradicts one."""
    if record.updates_to or _NOTICE_TITLE.search(record.title or ""):
        return None  # a correction or retraction notice is never the work a claim names
    gained, possible, reasons = 0.0, 0.0, []
    for name, check in _CHECKS.items():
        outcome = check(cues, record)
        if outcome is None:
            continue  # the claim says nothing of this
        possible += WEIGHTS[name]
        if outcome is False:
            return None
        if outcome is not True:
            gained += WEIGHTS[name] * _share(name, outcome, cues)
            reasons.append(f"{name}: {outcome}")
    if not possible or not any(r.startswith("topic: ") for r in reasons):
        return None
    specific = ("venue: ", "organisation: ", "author: ", "study: ")
    if not any(r.startswith(specific) for r in reasons) and not (
        any(r.startswith("year: ") for r in reasons)
        and any(r.startswith("design: ") for r in reasons)
    ):
        return None
    return round(gained / possible, 3), tuple(reasons)


def _share(name: str, outcome: str, cues: WorkCues) -> float:
    """The topic counts by the share of the claim's words the title has (three are plenty)."""
    if name != "topic":
        return 1.0
    return min(1.0, len(outcome.split(", ")) / min(3, len(cues.topic)))


# Each check answers None (the claim gives no such cue), False (the record contradicts it),
# True (the record says nothing either way) or the text of the reason it matched.
_Outcome = bool | str | None


def _venue(cues: WorkCues, record: Record) -> _Outcome:
    if not cues.said.venues:
        return None
    venue = cues.said.venues[0]
    if not (record.journal or record.journal_abbrev):
        return True
    return venue if journal_matches(venue, record.journal, record.journal_abbrev) else False


def _organisation(cues: WorkCues, record: Record) -> _Outcome:
    if not cues.said.organisations:
        return None
    org = fold(cues.said.organisations[0])
    names = [p.family for p in record.authors if p.collective]
    names += [record.publisher or "", record.full_title or record.title or ""]
    return cues.said.organisations[0] if any(org in fold(n) for n in names if n) else False


def _author(cues: WorkCues, record: Record) -> _Outcome:
    if not cues.authors:
        return None
    families = {fold(p.family) for p in record.authors}
    found = [a for a in cues.authors if fold(a) in families]
    return ", ".join(found) if found else False


def _study(cues: WorkCues, record: Record) -> _Outcome:
    """A named trial counts only when the record's title names it too (``GERAC``); a title
    without the name neither matches nor rules the work out."""
    if not cues.studies:
        return None
    title = record.full_title or record.title or ""
    found = [n for n in cues.studies if re.search(rf"\b{re.escape(n)}\b", title)]
    return ", ".join(found) if found else True


def _year(cues: WorkCues, record: Record) -> _Outcome:
    if not cues.said.years:
        return None
    if record.year is None:
        return True
    year = cues.said.years[0]
    return str(record.year) if abs(record.year - year) <= 1 else False


def _design(cues: WorkCues, record: Record) -> _Outcome:
    if not cues.said.designs:
        return None
    theirs = record_designs(record)
    if not theirs:
        return True
    family = cues.said.designs[0][1]
    matching = [name for name, f in theirs if f == family]
    return matching[0] if matching else False


def _count(cues: WorkCues, record: Record) -> _Outcome:
    if not cues.said.counts:
        return None
    theirs = described(record.full_title or record.title or "").counts
    for number, family, qualifier in cues.said.counts:
        same = [n for n, f, _ in theirs if f == family]
        if not same:
            continue
        if not any(within_count(number, qualifier, n) for n in same):
            return False
        return f"{same[0]:,} {family}"
    return True


def _topic(cues: WorkCues, record: Record) -> _Outcome:
    if not cues.topic:
        return None
    title = set(fold(record.full_title or record.title or "").split())
    shared = [w for w in cues.topic if w in title or w.rstrip("s") in title]
    return ", ".join(shared) if shared else True


_CHECKS: Mapping[str, Callable[[WorkCues, Record], _Outcome]] = {
    "venue": _venue,
    "organisation": _organisation,
    "author": _author,
    "study": _study,
    "year": _year,
    "design": _design,
    "count": _count,
    "topic": _topic,
}


def suggestions_for(
    claim: Claim, source: MetadataSource, *, rows: int = ROWS, limit: int = LIMIT
) -> tuple[Suggestion, ...]:
    """Works a claim names without citing them, best first; () when it names none."""
    if claim.cited:
        return ()
    cues = cues_of(claim.statement)
    if not cues.specific:
        return ()
    answer = _ask(source, cues, rows)
    if answer is None:
        return ()
    scored = []
    for candidate in answer.candidates:
        result = score(cues, candidate.record)
        if result is not None and result[0] >= MIN_SCORE:
            scored.append(Suggestion(candidate.record.doi, candidate.record, *result))
    scored.sort(key=lambda s: -s.score)  # stable: the source's order breaks ties
    return tuple(scored[:limit])


def _ask(source: MetadataSource, cues: WorkCues, rows: int) -> SearchAnswer | None:
    query, fields, filters = search_terms(cues)
    if _takes_filters(source):
        search: Callable[..., SearchAnswer | None] = source.search
        return search(query, rows=rows, fields=fields, filters=filters)
    # A source without field queries and filters: the words alone.
    return source.search(" ".join([query, *fields.values()]), rows=rows)


def _takes_filters(source: MetadataSource) -> bool:
    try:
        parameters = inspect.signature(source.search).parameters
    except (TypeError, ValueError):
        return False
    return "fields" in parameters and "filters" in parameters
