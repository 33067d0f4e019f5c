"""The loopback PubMed's records: the works the bundled corpus cites, and invented ones.

Corpus articles carry the facts of ``shared/corpus-metadata.json`` (PMIDs, PMCIDs, DOIs,
titles, authors, journals, years, volume, issue, pages), written out here so the suite runs
without ``../shared``. Where that file has no confirmed PMID (Chen 2017, Lee 2013, Yuan
2008, Cui 2021) the PMID here is a **placeholder** in the unassigned ``99000000`` range:
the loopback world needs one to measure linking, and a real PMID is never guessed.
Publication types are the generic ``Journal Article`` plus only what the work's own title
says (a guideline, a systematic review, a cohort study); no corpus work gets an abstract.

Everything with a PMID from ``98000000`` on is invented for tests (its DOIs are under the
``10.5555`` test prefix): a retraction PubMed knows and Crossref does not, a trial whose
abstract gives its size, a case report, and two neighbours in one journal issue that make
ECitMatch ambiguous.
"""

from __future__ import annotations

from .articles import Article

__all__ = [
    "CASE_REPORT_PMID",
    "PLACEHOLDER_PMIDS",
    "PUBMED_ONLY_RETRACTED_DOI",
    "TRIAL_PMID",
    "corpus_articles",
    "fixture_articles",
    "invented_articles",
]

PLACEHOLDER_PMIDS = ("99000001", "99000003", "99000004", "99000010")
PUBMED_ONLY_RETRACTED_DOI = "10.5555/pm.retracted-2018"
TRIAL_PMID = "98000002"
CASE_REPORT_PMID = "98000003"


def _people(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n.rsplit(" ", 1)[0], n.rsplit(" ", 1)[1]) for n in names)


def corpus_articles() -> list[Article]:
    """The works the bundled articles cite, as PubMed holds them."""
    return [
        Article(
            pmid="99000001",
            doi="10.1136/bmj.j1284",
            title="Management of chronic pain using complementary and integrative medicine",
            authors=_people("Chen L", "Michalsen A"),
            journal="BMJ (Clinical research ed.)",
            abbrev="BMJ",
            year=2017,
            volume="357",
            medline_pages="j1284",
        ),
        Article(
            pmid="28192789",
            doi="10.7326/M16-2367",
            title="Noninvasive Treatments for Acute, Subacute, and Chronic Low Back Pain: "
            "A Clinical Practice Guideline From the American College of Physicians",
            authors=_people("Qaseem A", "Wilt TJ", "McLean RM", "Forciea MA"),
            collective="Clinical Guidelines Committee of the American College of Physicians",
            journal="Annals of internal medicine",
            abbrev="Ann Intern Med",
            year=2017,
            volume="166",
            issue="7",
            medline_pages="514-530",
            types=("Journal Article", "Practice Guideline"),
        ),
        Article(
            pmid="99000003",
            doi="10.1097/AJP.0b013e31824909f9",
            title="Acupuncture for acute low back pain: a systematic review",
            authors=_people("Lee JH", "Choi TY", "Lee MS", "Lee H", "Shin BC", "Lee H"),
            journal="The Clinical journal of pain",
            abbrev="Clin J Pain",
            year=2013,
            volume="29",
            issue="2",
            medline_pages="172-85",
            types=("Journal Article", "Systematic Review"),
        ),
        Article(
            pmid="99000004",
            doi="10.1097/BRS.0b013e318186b276",
            title="Effectiveness of acupuncture for low back pain: a systematic review",
            authors=_people(
                "Yuan J", "Purepong N", "Kerr DP", "Park J", "Bradbury I", "McDonough S"
            ),
            journal="Spine",
            abbrev="Spine (Phila Pa 1976)",
            year=2008,
            volume="33",
            issue="23",
            medline_pages="E887-900",
            types=("Journal Article", "Systematic Review"),
        ),
        Article(
            pmid="16781068",
            title="Acupuncture for patients with chronic neck pain",
            authors=_people(
                "Witt CM", "Jena S", "Brinkhaus B", "Liecker B", "Wegscheider K", "Willich SN"
            ),
            journal="Pain",
            abbrev="Pain",
            year=2006,
            volume="125",
            issue="1-2",
            medline_pages="98-106",
        ),
        Article(
            pmid="31429587",
            doi="10.1136/acupmed-2018-011724",
            title="Cervical surgery rate in neck pain patients with and without acupuncture "
            "treatment: a retrospective cohort study",
            authors=_people(
                "Han DG",
                "Koh W",
                "Shin JS",
                "Lee J",
                "Lee YJ",
                "Kim MR",
                "Kang K",
                "Shin BC",
                "Cho JH",
                "Kim NK",
                "Ha IH",
            ),
            journal="Acupuncture in medicine : journal of the British Medical Acupuncture Society",
            abbrev="Acupunct Med",
            year=2019,
            volume="37",
            issue="5",
            medline_pages="268-276",
        ),
        Article(
            pmid="31305415",
            doi="10.1097/MD.0000000000016301",
            title="The effectiveness and safety of acupuncture for knee osteoarthritis: "
            "An overview of systematic reviews",
            authors=_people(
                "Li J",
                "Li YX",
                "Luo LJ",
                "Ye J",
                "Zhong DL",
                "Xiao QW",
                "Zheng H",
                "Geng CM",
                "Jin RJ",
                "Liang FR",
            ),
            journal="Medicine",
            abbrev="Medicine (Baltimore)",
            year=2019,
            volume="98",
            issue="28",
            medline_pages="e16301",
        ),
        Article(
            pmid="27149503",
            doi="10.1097/MD.0000000000003635",
            title="Safety of Acupuncture and Pharmacopuncture in 80,523 Musculoskeletal Disorder "
            "Patients: A Retrospective Review of Internal Safety Inspection and Electronic "
            "Medical Records",
            authors=_people(
                "Kim MR",
                "Shin JS",
                "Lee J",
                "Lee YJ",
                "Ahn YJ",
                "Park KB",
                "Lee HD",
                "Lee Y",
                "Kim SG",
                "Ha IH",
            ),
            journal="Medicine",
            abbrev="Medicine (Baltimore)",
            year=2016,
            volume="95",
            issue="18",
            medline_pages="e3635",
        ),
        Article(
            pmid="35075366",
            pmcid="PMC8783701",
            doi="10.1155/2022/8528938",
            title="A Review on the Immunomodulatory Mechanism of Acupuncture in the Treatment "
            "of Inflammatory Bowel Disease",
            authors=_people(
                "Liu Z", "Jiao Y", "Yu T", "Wang H", "Zhang Y", "Liu D", "Xu Y", "Guan Q", "Lu M"
            ),
            journal="Evidence-based complementary and alternative medicine : eCAM",
            abbrev="Evid Based Complement Alternat Med",
            year=2022,
            medline_pages="8528938",
        ),
        Article(
            pmid="99000010",
            doi="10.3390/vetsci8080149",
            title="Research Progress on the Mechanism of the Acupuncture Regulating "
            "Neuro-Endocrine-Immune Network System",
            authors=_people("Cui J", "Song W", "Jin Y", "Xu H", "Fan K", "Lin D", "Hao Z", "Lin J"),
            journal="Veterinary sciences",
            abbrev="Vet Sci",
            year=2021,
            volume="8",
            issue="8",
            medline_pages="149",
        ),
        Article(
            pmid="33684727",
            doi="10.1016/j.autneu.2021.102793",
            title="Acupuncture modulates immunity in sepsis: Toward a science-based protocol",
            authors=_people("Pan WX", "Fan AY", "Chen S", "Alemi SF"),
            journal="Autonomic neuroscience : basic & clinical",
            abbrev="Auton Neurosci",
            year=2021,
            volume="232",
            medline_pages="102793",
        ),
        Article(
            pmid="22965186",
            pmcid="PMC3658605",
            doi="10.1001/archinternmed.2012.3654",
            title="Acupuncture for chronic pain: individual patient data meta-analysis",
            authors=_people(
                "Vickers AJ",
                "Cronin AM",
                "Maschino AC",
                "Lewith G",
                "MacPherson H",
                "Foster NE",
                "Sherman KJ",
                "Witt CM",
                "Linde K",
            ),
            collective="Acupuncture Trialists' Collaboration",
            journal="Archives of internal medicine",
            abbrev="Arch Intern Med",
            year=2012,
            volume="172",
            issue="19",
            medline_pages="1444-53",
            types=("Journal Article", "Meta-Analysis"),
        ),
    ]


def invented_articles() -> list[Article]:
    """Invented works (PMIDs from 98000000, DOIs under 10.5555) for the tests' own articles."""
    return [
        Article(
            pmid="98000001",
            doi=PUBMED_ONLY_RETRACTED_DOI,
            title="Electroacupuncture for chronic tension-type headache: a randomised trial",
            authors=_people("Okafor N", "Lindqvist B"),
            journal="Journal of headache research",
            abbrev="J Headache Res",
            year=2018,
            volume="12",
            issue="3",
            pages="201-210",
            types=("Journal Article", "Randomized Controlled Trial", "Retracted Publication"),
            notices=(("RetractionIn", "J Headache Res. 2021;15(1):5", "98000009"),),
        ),
        Article(
            pmid=TRIAL_PMID,
            doi="10.5555/pm.trial-2016",
            title="Acupuncture for chronic knee pain in primary care: a pragmatic trial",
            authors=_people("Mbeki T", "Haraldsen K"),
            journal="Journal of pragmatic trials",
            abbrev="J Pragmat Trials",
            year=2016,
            volume="8",
            issue="2",
            pages="55-67",
            types=("Journal Article", "Randomized Controlled Trial"),
            abstract_sections=(
                ("BACKGROUND", "Knee pain is common in primary care."),
                ("METHODS", "We randomly assigned 14,161 patients from 300 practices."),
                ("RESULTS", "Pain fell more with acupuncture (difference 0.4 points)."),
            ),
            mesh=(("Acupuncture Therapy", True), ("Knee Joint", False)),
        ),
        Article(
            pmid=CASE_REPORT_PMID,
            doi="10.5555/pm.case-2019",
            title="Pneumothorax after acupuncture of the upper back",
            authors=_people(
                "Varga E",
            ),
            journal="Journal of case reports in medicine",
            abbrev="J Case Rep Med",
            year=2019,
            volume="4",
            pages="11-13",
            types=("Case Reports",),
        ),
        Article(
            pmid="98000004",
            title="Moxibustion for breech presentation: a cohort study",
            authors=_people("Nakamura H", "Sato Y"),
            journal="Journal of obstetric practice",
            abbrev="J Obstet Pract",
            year=2015,
            volume="21",
            pages="301-309",
        ),
        Article(
            pmid="98000005",
            title="Cupping for neck pain: a pilot study",
            authors=_people(
                "Nakamura K",
            ),
            journal="Journal of obstetric practice",
            abbrev="J Obstet Pract",
            year=2014,
            volume="21",
            pages="301-302",
        ),
    ]


def fixture_articles() -> list[Article]:
    """Every fixture article: the corpus works and the invented ones."""
    return [*corpus_articles(), *invented_articles()]
