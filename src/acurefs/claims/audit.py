"""The claim audit: what a cited statement says about its reference, against the reference's record.

A statement often describes the work it cites: "a 2013 systematic review", "the 2017
guideline from the American College of Physicians", "published in Archives of Internal
Medicine", "approximately 80,000 patients". Each marker backs the stretch of its claim
before it (:attr:`Marker.supports`), so in "A 2013 review found X,3 while a 2008 review
found Y.4" the 2013 review is reference 3. After resolving, what that stretch says is
compared with the record of the work, and only a positive contradiction is reported,
never an absence: a year two or more years off, a study design of another family, a journal
or organisation other than the record's, a count the record's title does not allow.
:func:`support_of` then says how well each claim stands on what it cites.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import (
    Claim,
    ClaimKind,
    Finding,
    Marker,
    Record,
    Reference,
    Severity,
    Verdict,
)
from ..text import RENAMED_JOURNALS, fold, journal_initials, journal_matches
from .counts import WORD_HYPHEN, counts, tolerance, within_count
from .evidential import ASSERTING_CUES, assess
from .linking import supported_spans
from .organisations import (
    ACCORDING_TO,
    BODY_OF_WORDS,
    ORG_HEAD,
    ORG_NAME,
    same_organisation,
    without_description,
)
from .standing import support_of_uncited

UNCITED_CLAIM = "uncited-claim"
_SHOWN_CUES = (*ASSERTING_CUES, "number", "comparison", "prevalence", "cost")
"""The cues an uncited-claim message names: what makes the claim need a source."""

YEAR_SLACK = 1
"""Years a claim may be off from its record (print and online dates differ)."""

_DESIGNS: tuple[tuple[str, str, str], ...] = (
    (
        "individual patient data meta-analysis",
        "review",
        r"individual\s+(?:patient|participant)\s+data",
    ),
    ("network meta-analysis", "review", r"network\s+meta-?analys[ie]s"),
    (
        "overview of reviews",
        "review",
        r"overview\s+of\s+(?:systematic\s+)?reviews|umbrella\s+review|"
        r"review\s+of\s+(?:systematic\s+)?(?:reviews|meta-?analyses)",
    ),
    (
        "meta-analysis",
        "review",
        r"meta-?analy(?:s[ie]s|tic)",  # "A Meta-analytic Review"
    ),
    (
        "pooled analysis",
        "review",
        r"(?:pooled|combined)\s+analys[ie]s|\bpooled\s+(?:(?:about|around|some|"
        r"more\s+than|over|nearly|almost)\s+)?(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials|cohorts|"
        r"data)\b|\bpooling\b",
    ),
    ("systematic review", "review", r"systematic(?:ally)?\s+review"),
    (
        "review",
        "review",
        r"\b(?:narrative|literature|scoping)\s+review|\breview\s+(?:article|of)\b"
        # "a review of more than 120 patients", "a review of the records": a case review
        r"(?!\s+(?:(?:more\s+than|over|about|nearly|almost|some)\s+)?\d[\d,]*\s+(?:patients|cases|"
        r"charts|records|people|children|adults|deaths)\b|\s+(?:their\s+|the\s+)?(?:medical\s+|hospital\s+)?"
        r"(?:records|charts|case\s+notes)\b)"
        # "a review by researchers at ...", "a 2019 review found": a review, its author or verb
        r"|\b(?:a|the)\s+(?:(?:\d{4}|recent|large|new|major)\s+){0,2}review\s+(?:by|from|"
        r"published|found|showed|concluded|suggests|suggested|reported)\b",
    ),
    (
        "randomized trial",
        "trial",
        r"randomi[sz]ed(?:[\s,]+(?!trials?\b)[\w-]+){0,5}?[\s,]+trials?|\bRCTs?\b|"
        r"(?<!non-)(?<!non)(?<!not\s)randomi[sz]ed(?:[\s,]+(?!stud(?:y|ies)\b)[\w-]+){0,5}?[\s,]+"
        r"stud(?:y|ies)",
    ),
    (
        "trial",
        "trial",
        r"\b(?:a|an|the|this|one|single)\s+(?:(?!trials?\b)[\w-]+[\s,]+){0,4}?trial\b(?!s)|"
        r"^\s*trial\s+of\b|:\s*(?:a|an)?\s*(?:[\w-]+[\s,]+){0,5}?trial\s*$",
    ),
    ("retrospective cohort", "cohort", r"retrospective\s+(?:\w+\s+)?cohort"),
    (
        "prospective cohort",
        "cohort",
        r"prospective\s+(?:\w+\s+)?cohort|prospective\s+follow-up\s+stud",
    ),
    (
        "cohort",
        "cohort",
        r"\bcohort\s+stud|:\s*(?:a|an)?\s*(?:[\w-]+\s+){0,3}?cohort\s*$|"
        r"\bpopulation[- ]based\s+cohort\b|"  # "35 year follow-up of population based cohort"
        r"\bfollow-?up\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?cohort\b|"
        r"\b(?:in|from)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?cohort\s+of\b",  # "in a cohort of US firefighters"
    ),
    ("case-control", "case-control", r"case[- ]control"),
    ("cross-sectional", "cross-sectional", r"cross[- ]sectional"),
    ("survey", "cross-sectional", r"\bsurvey\b"),
    ("case report", "case", r"case\s+(?:reports?|series)"),
    ("guideline", "guideline", r"\b(?:clinical\s+practice\s+)?guidelines?\b|\bguidance\b"),
)
"""Study designs, most specific first, with the family they belong to (only designs of
different families, or cohorts of opposite direction, contradict each other). A trial is a
design only in the singular ("a 2013 trial", "Trial of..."): "trials have shown" names the
studies a review pooled as often as one trial."""
_POOLED_FAMILIES = frozenset(("trial", "cohort", "case-control", "cross-sectional"))
"""Designs a review's title names after it are what it pooled: "an umbrella review of
meta-analyses of randomized clinical trials" is a review."""
_POOLED_STUDIES = re.compile(
    r"\b(?:of|from|in|across)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:randomi[sz]ed|controlled|prospective|retrospective|population-based|"
    r"case[-\u2010\u2011\u2013 ]control|cross[-\u2010\u2011\u2013 ]sectional|cohort|clinical)[\s,]+)+"
    r"(?:stud(?:ies)|trials|cohorts|surveys)\b",
    re.I,
)
"""Studies a title says the work analysed ("an individual level analysis of five major
case\u2013control studies", "an analysis from two case-control studies"): what it pooled, not
its own design."""
_SEVERAL_STUDIES = re.compile(
    r"(?:\b(?:of|from|in|across)|:)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:stud(?:ies)|trials|cohorts)\b",
    re.I,
)
"""A title that says its work analysed several studies of its own ("...: two prospective
longitudinal cohort studies"): a pooled analysis, as a claim that says "pooling" calls it (one
that says "meta-analysis" names another design)."""
_PUBLICATION_TYPES: dict[str, tuple[str, str]] = {
    "Meta-Analysis": ("meta-analysis", "review"),
    "Network Meta-Analysis": ("network meta-analysis", "review"),
    "Systematic Review": ("systematic review", "review"),
    "Review": ("review", "review"),
    "Scoping Review": ("review", "review"),
    "Randomized Controlled Trial": ("randomized trial", "trial"),
    "Controlled Clinical Trial": ("trial", "trial"),
    "Pragmatic Clinical Trial": ("randomized trial", "trial"),
    "Clinical Trial": ("trial", "trial"),
    "Equivalence Trial": ("trial", "trial"),
    "Case Reports": ("case report", "case"),
    "Practice Guideline": ("guideline", "guideline"),
    "Guideline": ("guideline", "guideline"),
}
"""PubMed publication types that name a design, with its family. Types that name none
(``Journal Article``, ``Comparative Study``, ``Research Support, ...``) are not read, nor is
``Observational Study`` (a cohort, a case-control and a cross-sectional study alike): a
missing design is never a contradiction."""
_DESIGN_PATTERNS = [(name, family, re.compile(p, re.I)) for name, family, p in _DESIGNS]
_YEAR_OF_WORK = re.compile(
    r"\b(?:a|an|the|this|that|one|two|three|their|its|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<year>(?:19|20)\d\d)(?!\s+(?:[\w-]+\s+)?(?:trials|studies|patients|people|participants|cases)\b)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:reviews?|meta-?analys\w+|trials?|experiments?|summar(?:y|ies)|"
    r"stud(?:y|ies)|guidelines?|(?:re-?)?analys\w+|reports?|surveys?|statements?|papers?|"
    r"recommendations?|overviews?|follow-?ups?|updates?|analyses|papers?|(?:case\s+)?definitions?|"
    r"criteria|replications?|evaluations?|assessments?|classifications?|monographs?)\b|"
    r"\b(?:reports?|reviews?|surveys?|statements?|guidelines?|estimates?)\s+(?:of|for)\s+(?P<of>(?:19|20)\d\d)\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:counted|found|showed|reported|estimated|said|says|put|recorded|concluded|warned|noted))|"
    r"\b(?:published|updated|released|appeared|reported|presented|writing|reporting|"
    r"first\s+(?:validated|described|developed|introduced|proposed|devised))\s+"
    r"(?:[\w–-]+\s+){0,8}?in\s+(?:(?:early|mid|late)[- ]?)?(?:(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\s+)?(?P<in>(?:19|20)\d\d)\b|"
    r"\b(?:stud(?:y|ies)|trials?|reviews?|meta-?analys[ie]s|analys[ie]s|reports?|surveys?|"
    r"papers?|estimates?|guidelines?|series)\s+from\s+(?P<from>(?:19|20)\d\d)\b(?!\s*(?:to|-|–|and)\s*\d)|"
    r"^\W*(?:(?:and|but|while|whereas|then|yet)\s+)?in\s+(?P<lead>(?:19|20)\d\d),?\s+"
    r"(?:the|a|an|two|three)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:trials?|stud(?:y|ies)|reviews?|meta-?analys[ie]s|reports?|surveys?|guidelines?)\b|"
    r"\bin\s+(?P<then>(?:19|20)\d\d),\s+(?:\w+\s+){0,6}?(?:researchers|scientists|investigators|"
    r"authors|a\s+team|\w+ologists|physicians|doctors|surgeons|clinicians|economists|"
    r"statisticians)\b(?:\s+\w+){0,8}?\s+(?:reported|published|found|showed)\b|"
    r"^\W*(?:(?:and|but|while|whereas|then|yet)\s+)?in\s+(?P<named>(?:19|20)\d\d),?\s+(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?:of|and|et\s+al\.?|"
    r"(?-i:[A-Z][\w'’-]+))){0,7}\s+(?:published|described|reported|proposed|introduced)\b|"
    r"(?:['’]s|s['’])\s+(?:[a-z][\w-]*\s+){0,2}?(?P<own>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:reviews?|meta-?analys\w+|trials?|(?:re-?)?analys[ie]s|papers?|experiments?|"
    r"stud(?:y|ies)|guidelines?|guidance|reports?|surveys?|statements?|recommendations?|"
    r"reaffirmations?|updates?)\b",
    re.I,
)
"""A year the text gives the work itself: "a 2013 systematic review", "the updated 2017
guideline", "published in JAMA in 2012", "first reported in 1996", "first validated in 2011",
"a JAMA study from 1998",
"Rosenthal's 1988 paper", "Kasmire and colleagues' 2012 analysis".
A year not attached to a work ("since 2015, trials have...", "studies from 2000 to 2010") is
not read."""
_VENUE = re.compile(
    r"\b(?:in\s+the(?=\s+(?:(?:New\s+England|British|American|International|European|Canadian|"
    r"Australian)\s+Journal|Journal\s+of|Annals\s+of|Archives\s+of)\b)|"
    r"[Pp]ublished\s+(?:in\s+(?:19|20)\d\d,?\s+)?in|[Aa]ppeared\s+(?:in\s+(?:19|20)\d\d,?\s+)?in|(?:[Rr]e)?[Pp]rinted\s+in|in\s+the\s+journal|in\s+[Tt]he(?=\s+(?:Lancet|BMJ|JAMA)\b)|"
    r"(?:[Ww]riting|[Rr]eporting|stud(?:y|ies)|trials?|reviews?|analys[ie]s|meta-analys[ie]s|papers?|"
    r"reports?|articles?|surveys?|research|letters?|editorials?|estimates?|summar(?:y|ies)|data|"
    r"[Rr]eported)\s+in(?:\s+the)?(?=\s+[A-Z])|\bissue\s+of(?:\s+the)?(?=\s+[A-Z])|"
    r"\bin\s+(?:19|20)\d\d,?\s+in(?:\s+the)?(?=\s+[A-Z])|\bin(?=\s+(?:JAMA|BMJ|NEJM|PLOS|Nature|Science|"
    r"Pediatrics|Circulation)\b)|"  # "described in 2000 in Nature", "of 88,140 adults in JAMA ..."
    r"(?:^|(?<=\b[Ii]n\s\d{4}\s)|(?<=\b[Ii]n\s\d{4},\s))"  # "In 2006 The Lancet reported"
    r"(?=(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*\s+|of\s+|and\s+){1,8}(?:published|ran|carried|reported)\b)|"
    r"(?=[Tt]he\s+(?:Lancet|BMJ|JAMA|NEJM)['’]s\s)|"  # "The Lancet's case series of 528 ..."
    r"\b[Aa]n?\s+(?:(?:19|20)\d\d\s+)?(?=(?:JAMA|BMJ|NEJM|Lancet)\s+(?:[\w-]+\s+)?"
    r"(?:trials?|stud(?:y|ies)|reviews?|meta-analys[ie]s|analys[ie]s|papers?|reports?)\b))\s*"
    r"(?:the\s+)?(?P<venue>[A-Z][\w&'’-]*(?:\s+(?:of|and|for|the|in|&|[A-Z][\w&'’()-]*)){0,12})"
)
_COCHRANE_REVIEW = re.compile(r"\bCochrane\s+(?:systematic\s+)?reviews?\b")
COCHRANE = "Cochrane Database of Systematic Reviews"
"""Where "a Cochrane review" appeared."""
_JOURNAL_WORD = re.compile(
    r"\b(?:Journal|Medicine|Medical|Medica|Medicina|Acta|Revista|Lancet|BMJ|JAMA|NEJM|CMAJ|MMWR|BJOG|BJGP|"
    r"JACC|JNCI|Annals|Archives|Reviews?|Reports?|Research|"
    r"Science|Nature|PNAS|Pain|Proceedings|Bulletin|Cochrane|Database|Clinical|Therap\w*|Health|"
    r"Surgery|Oncology|Cardiology|Neurology|Psychiatry|Pediatrics|Paediatrics|PLOS|PLoS|Prevention|"
    r"Eurosurveillance|Surveillance|"
    r"Acupuncture|Spine|Rheumatology|Anesthesia|Anaesthesia|Physiotherapy|Practice|Letters|"
    r"Physician|Practitioner|Nurs\w*|Pharmacist|Dentist\w*|"  # a journal named for its readers
    r"Cancer|Thorax|Chest|Circulation|Heart|Stroke|Hypertension|Blood|Gut|Brain|Diabetes\w*|"
    r"\w+ologi(?:a|ca|e)|\w+ology|Obesity|Nutrition|Epidemiology|Gastroenterology|Hepatology|Allergy|Immunology|"
    r"Endocrinology|Dermatology|Ophthalmology|Urology|Reproduction|Fertility|Sterility|"
    r"Obstetrics|Gynecology|Gynaecology|Sleep|Thorax|Cell|Pharmacology|Toxicology|Addiction|"
    r"Diseases|Infectious|Microbiology|Virology|Genetics|Genomics|Neuroscience|Psychology|"
    r"Nursing|Dentistry|Pathology|Radiology|Physiology|Biology|Vaccines?)\b"
)
"""A venue the text names must look like a journal ("published in December" is not one)."""
_ORGANISATION = re.compile(
    r"(?:\b(?:[Ff]rom|[Bb]y|[Oo]f)\s+[Tt]he\s+|\b[Tt]he\s+(?=(?:[A-Z][\w&'’-]*\s+){1,7}?\S+['’]s\s))(?P<org>(?:[A-Z][\w&'’-]*\s+){0,6}(?:College|Association|Society|"
    r"Organi[sz]ation|Institutes?|Academy|Agency|Centers?|Centres?|Department|Task\s+Force|"
    r"Foundation|Council|Collaboration|Committee|Federation)(?:\s+(?:of|for|on)\s+(?:the\s+)?"
    r"[A-Z][\w&'’-]*(?:\s+(?:and\s+)?[A-Z][\w&'’-]*){0,4})?)"
)
_FOUND = (
    r"\s+found(?=\s+(?:that|no|not|too|little|insufficient|limited|some|only|evidence|moderate)\b)"
)
"""A body that found something, the verb right after its name (``the USPSTF found too little
evidence``; not ``An IVF trial found``: a trial, not the body, found it)."""
_ISSUED = re.compile(
    rf"\b(?P<org>{ORG_NAME}|[A-Z]{{3,6}}|{BODY_OF_WORDS})(?=['’]s\s|(?<=s)['’]\s|{_FOUND}|\s+(?:\w+\s+){{0,2}}?(?:guidelines?|guidance|"
    r"reports?|statements?|recommend\w*|classif\w*|ranks?|says?|estimates?|advises?|advised|"
    r"stud(?:y|ies)(?=\s+(?:of|in|found|showed|published)\b)|"
    r"estimated(?=\s+(?:that|there|the|in|about|around|more))|"
    r"counted|logged|recorded|call(?:s|ed)\s+for|urge[sd]?|wants?|(?:has\s+|have\s+)?set(?=\s+(?:a|an|the)\s)|"
    r"reached|reported(?=\s+(?:in\s+(?:19|20)\d\d\s+)?that\b)|warned(?=\s+(?:\w+\s+){0,4}?that\b)|"
    r"concluded|states?|warns?|(?:has\s+|have\s+)?(?:cleared|approved|authori[sz]ed|banned|licensed|"
    r"moved|placed|listed|designated|declared|ordered|recalled|suspended|withdrew|revoked|decided|"
    r"linked|added)|"
    r"stopped\s+(?:registering|approving|licensing|authori[sz]ing)|"
    r"adopted(?=\s+(?:[\w-]+\s+){0,3}?(?:limits?|bans?|laws?|rules?|regulations?|resolutions?|"
    r"polic(?:y|ies)|recommendations?|guidelines?|targets?|standards?|strateg(?:y|ies)|thresholds?\b)))\b)"
)
"""An organisation as the issuer of what the claim reports: "The World Health Organization
classifies...", "the American Academy of Sleep Medicine's 2016 guideline", "NICE guidance
recommends..."."""
_ACCORDING_TO = re.compile(ACCORDING_TO)
_ISSUED_BY = re.compile(
    r"\b(?:recommended|advised|endorsed|approved|licensed|classified|issued|published)\s+by\s+"
    rf"(?:the\s+)?(?P<org>{ORG_NAME}|[A-Z]{{3,6}}\b)"
)
""""... are recommended by NICE as first-line treatment": the issuer after a passive verb."""
_TITLE_ISSUER = re.compile(
    rf"(?P<org>{ORG_NAME}|\b[A-Z]{{3,6}}\b)\s+(?:(?:19|20)\d\d\s+)?(?i:(?:(?:clinical(?:\s+practice)?|"
    r"evidence-based|consensus)\s+)?(?:guidelines?|guidance|position\s+statement|"
    r"consensus\s+statement|recommendations?))\b"
)
"""An organisation a record's title names as its issuer: "An American Academy of Sleep
Medicine Clinical Practice Guideline", "ESC 2019 guidelines"."""
_TITLE_UPDATE = re.compile(r"\b(?P<org>[A-Z]{3,6})\s+(?:19|20)\d\d\s+update\b")
"""The issuer of a guideline's update, in a title that says it is a guideline: "Guidelines
on the prevention of foot ulcers in persons with diabetes (IWGDF 2019 update)"."""


_TURN_TO_LATER = re.compile(
    r"(?:[,;]\s*|\s)(?:but|while|whereas|yet|though|although|however)\s*,?\s+"
    r"(?:(?:a|an|the|one|two|three|several|many|some)\s+)?(?:much\s+)?"
    r"(?:later|subsequent|newer|more\s+recent|recent|follow-?up)\b",
    re.I,
)
"""A turn from an earlier work to the one a marker cites: "NASA's 1989 study tested plants in
chambers, but a later analysis found ...". What comes before it describes another work."""


@dataclass(frozen=True, slots=True)
class Described:
    """What a stretch of a claim says about the work it cites."""

    years: tuple[int, ...] = ()
    designs: tuple[tuple[str, str], ...] = ()
    """(design, family) pairs, most specific first."""
    venues: tuple[str, ...] = ()
    venue_text: tuple[str, ...] = ()
    """What follows each venue's first word in the text, to the end of its clause: a journal
    whose name holds a comma ("Cancer Epidemiology, Biomarkers & Prevention") is read to its
    first comma, and agrees when the text goes on with the rest of the record's name."""
    organisations: tuple[str, ...] = ()
    counts: tuple[tuple[int, str, str], ...] = ()
    """(number, unit family, qualifier): ``(80000, "people", "approximate")``."""


_IN_A_RELATIVE_CLAUSE = re.compile(r"(?i)\b(?:where|when)\b[^,;]*$")
"""``... in the area where Trolli first described konzo in 1938, ...``: who first described
something there is not the work the sentence cites."""


def described(text: str) -> Described:
    """The year, design, venue, organisation and counts a stretch of text attributes to a work."""
    years = tuple(
        int(
            m.group("year")
            or m.group("in")
            or m.group("own")
            or m.group("then")
            or m.group("from")
            or m.group("lead")
            or m.group("named")
            or m.group("of")
        )
        for m in _YEAR_OF_WORK.finditer(text)
        if not _IN_A_RELATIVE_CLAUSE.search(text, max(0, m.start() - 60), m.start())
        or not m.group(0).lower().startswith("first")
    )
    venues = [
        (venue, text[m.start("venue") :])
        for m in _VENUE.finditer(text)
        if _JOURNAL_WORD.search(venue := re.sub(r"['’]s$", "", _trim_small_words(m.group("venue"))))
    ]
    bodies = [v for v, _ in venues if _BODY_NOT_JOURNAL.search(v)]  # "The ... Federation reported"
    venues = [(v, rest) for v, rest in venues if v not in bodies]
    if not venues and (cochrane := _COCHRANE_REVIEW.search(text)):
        # "a Cochrane review" appeared in the Cochrane Database, unless the text names where
        # it was printed too ("... published in the BMJ", an abridged version elsewhere)
        venues.append((COCHRANE, text[cochrane.start() :]))
    return Described(
        years=years,
        designs=_designs(_DATA_FROM.sub(" ", _COUNTED_STUDIES.sub(" ", text))),
        venues=tuple(v for v, _ in venues),
        venue_text=tuple(rest for _, rest in venues),
        organisations=tuple(
            dict.fromkeys([*_issuers(text), *(_without_article(b) for b in bodies)])
        ),
        counts=tuple(counts(text)),
    )


_BODY_NOT_JOURNAL = re.compile(
    rf"^(?!.*\b(?:Journal|Annals|Archives|Proceedings|Bulletin|Transactions)\b).*\b{ORG_HEAD}$"
)
"""A name that ends as a body's does (``The International Diabetes Federation``) and names no
journal's word: the body that reported, not where it was printed."""


def _without_article(name: str) -> str:
    return re.sub(r"^(?:The|An?)\s+", "", name)


def _issuers(text: str) -> tuple[str, ...]:
    """The organisations a text says issued a work, without a leading article."""
    found = [m.group("org") for m in _ORGANISATION.finditer(text)]
    found += [m.group("org") for m in _ISSUED.finditer(text)]
    found += [m.group("org") for m in _ACCORDING_TO.finditer(text)]
    found += [m.group("org") for m in _ISSUED_BY.finditer(text)]
    names = [
        without_description(re.sub(r"^(?:The|An?)\s+|['’]s$", "", " ".join(n.split())))
        for n in found
    ]
    return tuple(dict.fromkeys(n for n in names if n))


def _trim_small_words(name: str) -> str:
    """``Lancet in`` -> ``Lancet``: a name does not end on a joining word."""
    words = name.split()
    while words and words[-1].lower() in ("of", "and", "for", "the", "in", "&"):
        words.pop()
    return " ".join(words)


def _designs(text: str) -> tuple[tuple[str, str], ...]:
    """The designs a text names, most specific first; a guideline first of all (a guideline
    that "supports a trial of" a diet recommends a trial, it is not one)."""
    found: list[tuple[str, str]] = []
    text = WORD_HYPHEN.sub("-", text)  # Crossref's titles: "Meta\u2010Analysis"
    for name, family, pattern in _DESIGN_PATTERNS:
        if pattern.search(text) and not any(family == f for _, f in found):
            found.append((name, family))
    found.sort(key=lambda design: design[1] != "guideline")
    return tuple(found)


def assessed(claim: Claim) -> Claim:
    """``claim`` with its evidential decision and cues; citing nothing, an evidential claim
    gets an ``uncited-claim`` finding and the standing ``unsupported``."""
    if claim.kind is not ClaimKind.SENTENCE and claim.kind is not ClaimKind.LIST_ITEM:
        return claim
    decision = assess(claim.statement, claim.kind)
    findings = tuple(f for f in claim.findings if f.code != UNCITED_CLAIM)
    if decision.evidential and not claim.cited:
        cues = [c for c in decision.cues if c in _SHOWN_CUES] or list(decision.cues)
        findings += (
            Finding(
                code=UNCITED_CLAIM,
                severity=Severity.WARNING,
                message=f"Evidential claim without a source ({', '.join(cues)})",
                document=claim.document,
                line=claim.line,
                span=claim.span,
                detail={"cues": ", ".join(decision.cues), "claim": claim.statement},
            ),
        )
    return dataclasses.replace(
        claim,
        evidential=decision.evidential,
        cues=decision.cues,
        findings=findings,
        support=None if claim.cited else support_of_uncited(decision.evidential),
    )


def supported_stretches(claim: Claim) -> list[tuple[Marker, str]]:
    """Each marker of a claim with the text it backs (see :attr:`Marker.supports`)."""
    spans = [m.supports for m in claim.markers]
    if any(span is None for span in spans):  # markers built by hand
        spans = list(supported_spans(claim.span, claim.markers))
    offset = claim.span.start
    return [
        (marker, claim.text[span.start - offset : span.end - offset])
        for marker, span in zip(claim.markers, spans, strict=True)
        if span is not None
    ]


def contradictions(claim: Claim) -> list[Finding]:
    """Every positive contradiction between what the claim says and its references' records."""
    by_number = {r.number: r for r in claim.references}
    found: list[Finding] = []
    for marker, text in supported_stretches(claim):
        turns = list(_TURN_TO_LATER.finditer(text))
        said = described(text[turns[-1].start() :] if turns else text)
        for number in marker.numbers:
            ref = by_number.get(number)
            record = _trusted_record(ref)
            if ref is None or record is None:
                continue
            found.extend(_compare(claim, ref, record, said))
    return found


def _trusted_record(ref: Reference | None) -> Record | None:
    res = ref.resolution if ref is not None else None
    if res is None or res.verdict not in (Verdict.VERIFIED, Verdict.MISMATCH):
        return None
    return res.record


def _compare(claim: Claim, ref: Reference, record: Record, said: Described) -> list[Finding]:
    found = []
    for check in (_year, _design, _source, _count):
        result = check(said, record)
        if result is not None:
            code, printed, published, why = result
            found.append(_finding(claim, ref, code, printed, published, why))
    return found


def _finding(
    claim: Claim, ref: Reference, code: str, printed: str, published: str, why: str
) -> Finding:
    return Finding(
        code=code,
        severity=Severity.WARNING,
        message=f"The claim says {printed} of reference {ref.number}, but {why}",
        document=claim.document,
        line=claim.line,
        span=claim.span,
        number=ref.number,
        field=code.removeprefix("claim-").removesuffix("-mismatch"),
        printed=printed,
        found=published,
        detail={"claim": claim.statement, **({"doi": d} if (d := _doi(ref)) else {})},
    )


def _doi(ref: Reference) -> str | None:
    return ref.resolution.doi if ref.resolution else None


_Result = tuple[str, str, str, str] | None


def _year(said: Described, record: Record) -> _Result:
    if not said.years or record.year is None:
        return None
    if any(abs(y - record.year) <= YEAR_SLACK for y in said.years):
        return None
    year = said.years[0]
    return ("claim-year-mismatch", str(year), str(record.year), f"the work is from {record.year}")


def record_designs(record: Record) -> tuple[tuple[str, str], ...]:
    """The designs a record's title and PubMed publication types state; nothing when they
    state none. Designs named after a review's ("a meta-analysis of 26 randomised trials")
    are what it pooled, not its own."""
    title = _POOLED_STUDIES.sub(" ", record.full_title or record.title or "")
    starts = {name: m.start() for name, _, p in _DESIGN_PATTERNS if (m := p.search(title))}
    review = min((starts[n] for n, f, _ in _DESIGNS if f == "review" and n in starts), default=None)
    designs = [
        (name, family)
        for name, family in _designs(title)
        if review is None or family not in _POOLED_FAMILIES or starts[name] < review
    ]
    if re.search(r"\bnested\s+case[- ]control", title, re.I):
        designs.append(("cohort", "cohort"))  # a nested case-control study sits in a cohort
    for kind in record.publication_types:
        named = _PUBLICATION_TYPES.get(kind)
        if named is None and kind.startswith("Clinical Trial, Phase"):
            named = ("trial", "trial")
        if named is not None and not any(named[1] == f for _, f in designs):
            designs.append(named)
    return tuple(designs)


def _design(said: Described, record: Record) -> _Result:
    theirs = record_designs(record)
    if not said.designs or not theirs:
        return None
    mine_name, mine_family = said.designs[0]
    if mine_name == "pooled analysis" and _SEVERAL_STUDIES.search(
        record.full_title or record.title or ""
    ):
        return None  # "Pooling four cohort studies" of "...: two prospective cohort studies"
    families = {f for _, f in theirs}
    overview = mine_name == _OVERVIEW and all(n != _OVERVIEW for n, _ in theirs)
    if mine_family in families and not _opposite_cohorts(mine_name, theirs) and not overview:
        return None  # an overview of reviews claimed of a review of studies is not that review
    name = theirs[0][0]
    return ("claim-design-mismatch", _a(mine_name), name, f"the work is {_a(name)}")


def _a(name: str) -> str:
    """``name`` after its indefinite article: "a meta-analysis", "an overview of reviews"."""
    return ("an " if name[:1] in "aeiou" else "a ") + name


_OVERVIEW = "overview of reviews"


def _opposite_cohorts(mine: str, theirs: Sequence[tuple[str, str]]) -> bool:
    """A retrospective cohort claimed of a prospective one, or the other way round."""
    names = {n for n, _ in theirs}
    opposite = {
        "retrospective cohort": "prospective cohort",
        "prospective cohort": "retrospective cohort",
    }
    return opposite.get(mine) in names and mine not in names


def _source(said: Described, record: Record) -> _Result:
    published_in = record.journal or record.journal_abbrev
    for venue, printed in itertools.zip_longest(said.venues, said.venue_text, fillvalue=""):
        if (
            published_in
            and not _same_journal(venue, record)
            and not _goes_on(venue, printed, record)
        ):
            return (
                "claim-source-mismatch",
                f"published in {venue}",
                published_in,
                f"the work appeared in {published_in}",
            )
    named = _organisations_of(record)
    if not named and record.publisher and record.type in _ISSUED_TYPES:
        named = [record.publisher]  # a report's publisher is the body that issued it
    title = record.full_title or record.title or ""
    also = [n for n in (record.publisher, record.journal, title) if n]  # agree, never contradict
    for org in said.organisations:
        if named and not any(same_organisation(org, n) for n in [*named, *also]):
            return (
                "claim-source-mismatch",
                f"from {org}",
                "; ".join(named),
                f"the work is from {'; '.join(named)}",
            )
    return None


_ISSUED_TYPES = frozenset(("report", "report-component", "report-series", "standard"))
"""Crossref types whose publisher is the body that issued the work (a journal's is not)."""


def _same_journal(venue: str, record: Record) -> bool:
    """The journal (without an acronym before its name, ``JNCI: Journal of ...``), an
    abbreviation of it, or the family a section belongs to ("American Journal of Physiology"
    for its Regulatory, Integrative and Comparative section); a sibling ("JAMA Pediatrics"
    for JAMA) is another journal."""
    names = [n for n in (record.journal, record.journal_abbrev) if n]
    names += [RENAMED_JOURNALS[fold(n)] for n in names if fold(n) in RENAMED_JOURNALS]
    if journal_matches(venue, *names, *(_ACRONYM_FIRST.sub("", n) for n in names)):
        return True
    if re.fullmatch(r"[A-Z]{3,6}", venue):  # NEJM, JAMA, BMJ: the initials of the name
        initials = [journal_initials(n) for n in (record.journal, record.journal_abbrev) if n]
        if venue.lower() in initials or any(re.match(rf"{venue}\s*[.:]", n) for n in names):
            return True  # "BJOG: An International Journal ...", "MMWR. Morbidity and ..."
    acronyms = [n.lower() for n in names if re.fullmatch(r"[A-Z]{3,6}", n)]
    if acronyms and journal_initials(venue) in acronyms:
        return True  # "the British Medical Journal" for a record whose journal is "BMJ"
    said = fold(venue).split()
    return any(
        fold(_SECTION_BREAK.split(name, maxsplit=1)[0]).split() == said
        for name in (record.journal, record.journal_abbrev)
        if name
    )


def _goes_on(venue: str, printed: str, record: Record) -> bool:
    """Whether a venue read to a comma or a colon is the start of the record's journal, whose
    name goes on after it as the text does ("Cancer Epidemiology, Biomarkers & Prevention",
    "The Journal of Allergy and Clinical Immunology: In Practice")."""
    said, text = fold(venue), fold(printed.replace("&", " and "))
    return any(
        name.startswith(said + " ") and (text == name or text.startswith(name + " "))
        for journal in (record.journal, record.journal_abbrev)
        if journal
        and ("," in journal or ":" in journal)
        and (name := fold(journal.replace("&", " and ")))
    )


_COUNTED_STUDIES = re.compile(
    r"\b(?:(?:about|around|some|roughly|approximately|more\s+than|over|nearly|almost|"
    r"fewer\s+than|less\s+than|up\s+to)\s+)?(?:(?!(?:1[89]|20)\d\d\b)\d[\d,]*|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundreds\s+of|dozens\s+of)\s+(?:[\w-]+[\s,]+){0,3}?(?:trials|studies|cohorts)\b",
    re.I,
)
"""Studies a sentence counts (``across about 20 randomised trials``, ``About 70 cohort studies
were pooled``): what a review pooled, not the design of the work it cites. (``pooled ...
trials`` is read first, as a meta-analysis.)"""
_DATA_FROM = re.compile(r"\b(?:from|in)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?survey\b", re.I)
"""Where a work's data came from (``403,861 adults from a national health survey``): its
source, not its design."""
_ACRONYM_FIRST = re.compile(r"^[A-Z]{2,8}:\s+(?=\S)")
"""A journal's acronym before its name: ``JNCI: Journal of the National Cancer Institute``."""
_SECTION_BREAK = re.compile(r"\s*[-–—(]\s*")
"""Where a journal's family name ends and its section begins ("American Journal of
Physiology-Regulatory, ..."); a sibling goes on with a word ("The Lancet Oncology") or a
colon ("Circulation: Cardiovascular Quality and Outcomes", "JACC: Heart Failure")."""


def _organisations_of(record: Record) -> list[str]:
    """The organisations a record names: group authors and organisations in its title."""
    names = [p.family for p in record.authors if p.collective]
    title = record.full_title or record.title or ""
    names.extend(m.group("org") for m in _ORGANISATION.finditer(title))
    names.extend(
        re.sub(r"^(?:The|An?)\s+", "", m.group("org")) for m in _TITLE_ISSUER.finditer(title)
    )
    if re.search(r"\b(?:guidelines?|guidance)\b", title, re.I):
        names.extend(m.group("org") for m in _TITLE_UPDATE.finditer(title))
    return names


def _count(said: Described, record: Record) -> _Result:
    title = list(counts(record.full_title or record.title or ""))
    abstract = list(counts(record.abstract or ""))
    for number, family, qualifier in said.counts:
        in_title = [(n, q) for n, f, q in title if f == family]
        same_unit = in_title + [(n, q) for n, f, q in abstract if f == family]
        if not same_unit or any(within_count(number, qualifier, n, q) for n, q in same_unit):
            continue
        shown = ", ".join(f"{_BOUND.get(q, '')}{n:,}" for n, q in dict.fromkeys(same_unit))
        where = "title" if in_title and len(in_title) == len(same_unit) else "abstract"
        if in_title and len(in_title) < len(same_unit):
            where = "title and abstract"
        return (
            "claim-count-mismatch",
            f"{number:,} {family}",
            shown,
            f"the work reports {shown} in its {where} ({tolerance(qualifier)})",
        )
    return None


_BOUND = {"at least": "at least ", "at most": "at most "}
