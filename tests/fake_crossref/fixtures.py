"""The fixture records: the works the bundled corpus cites, and works that invite wrong matches.

Corpus records carry the published facts gathered by hand in ``shared/corpus-metadata.json``
(DOIs, titles, authors with given names, journals, years, volume/issue/pages/article
numbers), written out here as Python data so the test suite runs without ``../shared``. A
fact not confirmed there is absent here (the 10.1155 review has no journal or volume; the
second "Lee H" of 10.1097/AJP.0b013e31824909f9 has no given name). The cited work without a
DOI (Witt et al., Pain 2006) has no record: a resolver must find nothing for it.

Everything under the ``10.5555`` test prefix is invented: **distractors** (near-identical
titles by other authors or in other years or journals, the same first author in other
years, neighbours in the same journal issue, a preprint of a corpus work, JATS markup and
accents in titles), a correction and an erratum of 10.1001/archinternmed.2012.3654, a
retracted work with its notice (the ``updated-by`` side from Retraction Watch) and an
expression of concern. Publisher names and member ids are illustrative.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .records import Author, date_parts, doi_key, notice, update_entry, work

__all__ = [
    "CONCERN_NOTICE_DOI",
    "CORPUS_DOIS",
    "CORRECTED_DOI",
    "CORRECTION_NOTICE_DOI",
    "DISTRACTOR_DOIS",
    "ERRATUM_NOTICE_DOI",
    "EVAL_RECORD_FILES",
    "NOTICE_DOIS",
    "RETRACTED_DOI",
    "RETRACTION_NOTICE_DOI",
    "UNDER_CONCERN_DOI",
    "EvalDataNotFoundError",
    "corpus_records",
    "distractor_records",
    "eval_crossref_records",
    "fixture_records",
    "notice_records",
]

Work = dict[str, Any]

CORRECTED_DOI = "10.1001/archinternmed.2012.3654"
CORRECTION_NOTICE_DOI = "10.5555/fx.vickers-correction"
ERRATUM_NOTICE_DOI = "10.5555/fx.vickers-erratum"
RETRACTED_DOI = "10.5555/fx.retracted-2015"
RETRACTION_NOTICE_DOI = "10.5555/fx.retraction-2019"
UNDER_CONCERN_DOI = "10.5555/fx.migraine-2017"
CONCERN_NOTICE_DOI = "10.5555/fx.concern-2020"

_ATC = "for the Acupuncture Trialists' Collaboration"
_ACP = "for the Clinical Guidelines Committee of the American College of Physicians"


_LIU_AUTHORS: list[Author] = [
    ("Liu", "Zhifeng"),
    ("Jiao", "Yi"),
    ("Yu", "Tianyuan"),
    ("Wang", "Hourong"),
    ("Zhang", "Yingqi"),
    ("Liu", "Di"),
    ("Xu", "Yajing"),
    ("Guan", "Qian"),
    ("Lu", "Mengqian"),
]


def corpus_records() -> list[Work]:
    """The 11 cited works that have a DOI, as ``shared/corpus-metadata.json`` states them."""
    return [
        work(
            doi="10.1136/bmj.j1284",
            title="Management of chronic pain using complementary and integrative medicine",
            authors=[("Chen", "Lucy"), ("Michalsen", "Andreas")],
            journal="BMJ",
            journal_abbrev="BMJ",
            year=2017,
            volume="357",
            article_number="j1284",
        ),
        work(
            doi="10.7326/M16-2367",
            title=(
                "Noninvasive Treatments for Acute, Subacute, and Chronic Low Back Pain: A Clinical"
                " Practice Guideline From the American College of Physicians"
            ),
            authors=[
                ("Qaseem", "Amir"),
                ("Wilt", "Timothy J."),
                ("McLean", "Robert M."),
                ("Forciea", "Mary Ann"),
                _ACP,
            ],
            journal="Annals of Internal Medicine",
            journal_abbrev="Ann Intern Med",
            year=2017,
            month=4,
            day=4,
            volume="166",
            issue="7",
            page="514-530",
            created="2017-02-14",
            # Online on 14 February, in print on 4 April: Crossref's issued is the earlier.
            extra={
                "published-online": date_parts(2017, 2, 14),
                "issued": date_parts(2017, 2, 14),
                "published": date_parts(2017, 2, 14),
            },
        ),
        work(
            doi="10.1097/AJP.0b013e31824909f9",
            title="Acupuncture for Acute Low Back Pain: A Systematic Review",
            authors=[
                ("Lee", "Jun-Hwan"),
                ("Choi", "Tae-Young"),
                ("Lee", "Myeong Soo"),
                ("Lee", "Hyangsook"),
                ("Shin", "Byung-Cheul"),
                ("Lee", None),
            ],
            journal="The Clinical Journal of Pain",
            journal_abbrev="Clin J Pain",
            year=2013,
            month=2,
            volume="29",
            issue="2",
            page="172-185",
        ),
        work(
            doi="10.1097/BRS.0b013e318186b276",
            title="Effectiveness of Acupuncture for Low Back Pain: A Systematic Review",
            authors=[
                ("Yuan", "Jing"),
                ("Purepong", "Nithima"),
                ("Kerr", "Daniel Paul"),
                ("Park", "Jongbae"),
                ("Bradbury", "Ian"),
                ("McDonough", "Suzanne"),
            ],
            journal="Spine",
            journal_abbrev="Spine (Phila Pa 1976)",
            year=2008,
            volume="33",
            issue="23",
            page="E887-E900",
        ),
        work(
            doi="10.1136/acupmed-2018-011724",
            title=(
                "Cervical surgery rate in neck pain patients with and without acupuncture"
                " treatment: a retrospective cohort study"
            ),
            authors=[
                ("Han", "Dong-geun"),
                ("Koh", "Wonil"),
                ("Shin", "Joon-Shik"),
                ("Lee", "Jinho"),
                ("Lee", "Yoon Jae"),
                ("Kim", "Me-riong"),
                ("Kang", "Kyungwon"),
                ("Shin", "Byung-Cheul"),
                ("Cho", "Jae-Heung"),
                ("Kim", "Nam-Kwen"),
                ("Ha", "In-Hyuk"),
            ],
            journal="Acupuncture in Medicine (journal of the British Medical Acupuncture Society)",
            journal_abbrev="Acupunct Med",
            year=2019,
            volume="37",
            issue="5",
            page="268-276",
        ),
        work(
            doi="10.1097/MD.0000000000016301",
            title=(
                "The effectiveness and safety of acupuncture for knee osteoarthritis: An overview"
                " of systematic reviews"
            ),
            authors=[
                ("Li", "Juan"),
                ("Li", "Yu-Xi"),
                ("Luo", "Liao-Jun"),
                ("Ye", "Jing"),
                ("Zhong", "Dong-Ling"),
                ("Xiao", "Qi-Wei"),
                ("Zheng", "Hui"),
                ("Geng", "Chun-Mei"),
                ("Jin", "Rong-Jiang"),
                ("Liang", "Fan-Rong"),
            ],
            journal="Medicine",
            journal_abbrev="Medicine (Baltimore)",
            year=2019,
            volume="98",
            issue="28",
            article_number="e16301",
        ),
        work(
            doi="10.1097/MD.0000000000003635",
            title=(
                "Safety of Acupuncture and Pharmacopuncture in 80,523 Musculoskeletal Disorder"
                " Patients: A Retrospective Review of Internal Safety Inspection and Electronic"
                " Medical Records"
            ),
            authors=[
                ("Kim", "Me-Riong"),
                ("Shin", "Joon-Shik"),
                ("Lee", "Jinho"),
                ("Lee", "Yoon Jae"),
                ("Ahn", "Yong-Jun"),
                ("Park", "Ki Byung"),
                ("Lee", "Hwa Dong"),
                ("Lee", "Yoonmi"),
                ("Kim", "Sung Geun"),
                ("Ha", "In-Hyuk"),
            ],
            journal="Medicine",
            journal_abbrev="Medicine (Baltimore)",
            year=2016,
            month=5,
            volume="95",
            issue="18",
            article_number="e3635",
        ),
        work(
            doi="10.1155/2022/8528938",
            title=(
                "A Review on the Immunomodulatory Mechanism of Acupuncture in the Treatment of"
                " Inflammatory Bowel Disease"
            ),
            authors=_LIU_AUTHORS,
            year=2022,
            article_number="8528938",
        ),
        work(
            doi="10.3390/vetsci8080149",
            title=(
                "Research Progress on the Mechanism of the Acupuncture Regulating"
                " Neuro-Endocrine-Immune Network System"
            ),
            authors=[
                ("Cui", "Jingwen"),
                ("Song", "Wanrong"),
                ("Jin", "Yipeng"),
                ("Xu", "Huihao"),
                ("Fan", "Kai"),
                ("Lin", "Degui"),
                ("Hao", "Zhihui"),
                ("Lin", "Jiahao"),
            ],
            journal="Veterinary Sciences",
            journal_abbrev="Vet Sci",
            year=2021,
            volume="8",
            issue="8",
            article_number="149",
        ),
        work(
            doi="10.1016/j.autneu.2021.102793",
            title="Acupuncture modulates immunity in sepsis: Toward a science-based protocol",
            authors=[
                ("Pan", "Wei-Xing"),
                ("Fan", "Arthur Yin"),
                ("Chen", "Shaozong"),
                ("Alemi", "Sarah Faggert"),
            ],
            journal="Autonomic Neuroscience: Basic and Clinical",
            journal_abbrev="Auton Neurosci",
            year=2021,
            volume="232",
            article_number="102793",
        ),
        work(
            doi=CORRECTED_DOI,
            title="Acupuncture for Chronic Pain: Individual Patient Data Meta-analysis",
            authors=[
                ("Vickers", "Andrew J."),
                ("Cronin", "Angel M."),
                ("Maschino", "Alexandra C."),
                ("Lewith", "George"),
                ("MacPherson", "Hugh"),
                ("Foster", "Nadine E."),
                ("Sherman", "Karen J."),
                ("Witt", "Claudia M."),
                ("Linde", "Klaus"),
                _ATC,
            ],
            journal="Archives of Internal Medicine",
            journal_abbrev="Arch Intern Med",
            year=2012,
            volume="172",
            issue="19",
            page="1444-1453",
        ),
    ]


def _d(
    suffix: str,
    title: str,
    authors: list[Author],
    journal: str | None,
    abbrev: str | None,
    year: int,
    volume: str | None = None,
    issue: str | None = None,
    page: str | None = None,
    article_number: str | None = None,
    **more: Any,
) -> Work:
    """A distractor under the 10.5555 test prefix."""
    return work(
        doi=f"10.5555/fx.{suffix}",
        title=title,
        authors=authors,
        journal=journal,
        journal_abbrev=abbrev,
        year=year,
        volume=volume,
        issue=issue,
        page=page,
        article_number=article_number,
        **more,
    )


_NEUROSCI = "Autonomic Neuroscience: Basic and Clinical"
_ACUP_MED = "Acupuncture in Medicine (journal of the British Medical Acupuncture Society)"


def distractor_records() -> list[Work]:
    """Invented works that a careless matcher would take for a corpus work (10.5555 DOIs)."""
    ann, aim = "Annals of Internal Medicine", "Ann Intern Med"
    return [
        # Witt et al. 2006 (no DOI): same words, other authors, years and journals.
        _d("neck-2014", "Acupuncture for chronic neck pain",
           [("Okafor", "Chidi"), ("Lindqvist", "Maria")],
           "Pain Medicine", "Pain Med", 2014, "15", "3", "401-409"),
        _d("neck-patients-2009",
           "Acupuncture for patients with chronic neck pain: a pragmatic randomized trial",
           [("Hartmann", "Julia"), ("Novak", "Petr"), ("Ito", "Kenji")],
           "Pain Practice", "Pain Pract", 2009, "9", "5", "345-352"),
        # Lee et al. 2013.
        _d("acute-lbp-2016", "Acupuncture for acute low back pain",
           [("Moreau", "Claire"), ("Singh", "Arjun")],
           "Complementary Therapies in Medicine", "Complement Ther Med", 2016, "26", None,
           "120-127"),
        _d("acute-lbp-meta-2019",
           "Acupuncture for Acute Low Back Pain: A Systematic Review and Meta-Analysis",
           [("Park", "Soo-Jin"), ("Kim", "Tae-Hun")],
           "Pain Physician", "Pain Physician", 2019, "22", "4", "E233-E245"),
        _d("cjp-29-2", "Pain catastrophizing and outcomes of acute low back pain",
           [("Brennan", "Fiona")],
           "The Clinical Journal of Pain", "Clin J Pain", 2013, "29", "2", "186-192"),
        # Yuan et al. 2008: similar title, look-alike surnames; a neighbour in the issue.
        _d("chronic-lbp-2012",
           "Effectiveness of Acupuncture for Chronic Low Back Pain: A Systematic Review",
           [("Yuen", "Ka Wai"), ("Purdy", "Neil")],
           "Spine", "Spine (Phila Pa 1976)", 2012, "37", "10", "879-888"),
        _d("spine-33-23", "Massage therapy for low back pain: a randomized trial",
           [("Delgado", "Rosa")],
           "Spine", "Spine (Phila Pa 1976)", 2008, "33", "23", "E879-E886"),
        # Chen and Michalsen 2017: near-identical title; the same first author in 2019.
        _d("cam-pain-2013",
           "Management of chronic pain using complementary and alternative medicine",
           [("Morgan", "Ruth"), ("Adeyemi", "Tunde")],
           "Journal of Pain Research", "J Pain Res", 2013, "6", None, "211-219"),
        _d("chen-2019", "Integrative medicine for chronic pain in primary care",
           [("Chen", "Lucy"), ("Ortiz", "Marco")],
           "BMJ", "BMJ", 2019, "364", None, None, "l521"),
        # Qaseem et al. 2017: the systematic review behind a guideline; the same issue.
        _d("noninvasive-2016",
           "Noninvasive Treatments for Acute, Subacute, and Chronic Low Back Pain: A Systematic"
           " Review",
           [("Ramos", "Elena"), ("Whitfield", "Owen")], ann, aim, 2016, "165", "3", "201-212"),
        _d("aim-166-7", "Nonpharmacologic therapies for chronic pain: a narrative review",
           [("Thornton", "Grace")], ann, aim, 2017, "166", "7", "493-505"),
        # Han et al. 2019: the same first author a year later; the same issue.
        _d("cervical-2020",
           "Cervical surgery rates in patients with neck pain: a nationwide cohort study",
           [("Han", "Dong-geun"), ("Park", "Min-Ji")],
           _ACUP_MED, "Acupunct Med", 2020, "38", "2", "101-108"),
        _d("acupmed-37-5", "Electroacupuncture for postoperative ileus: a pilot trial",
           [("Zhou", "Wei")], _ACUP_MED, "Acupunct Med", 2019, "37", "5", "277-284"),
        # Li et al. 2019: a systematic review with nearly its title; markup and accents.
        _d("knee-oa-2021",
           "The effectiveness and safety of acupuncture for knee osteoarthritis: a systematic"
           " review and meta-analysis",
           [("Li", "Jing"), ("Wang", "Rui")],
           "Medicine", "Medicine (Baltimore)", 2021, "100", "12", None, "e25123"),
        _d("knee-jats",
           "Acupuncture and <i>moxibustion</i> for knee\n osteoarthritis: an overview",
           [("Sørensen", "Mette"), ("Müller", "Jürgen")],
           "Medicine", "Medicine (Baltimore)", 2020, "99", "4", None, "e18950"),
        _d("medicine-98-28", "Yoga for chronic low back pain: a study protocol",
           [("Gupta", "Anil")],
           "Medicine", "Medicine (Baltimore)", 2019, "98", "28", None, "e16250"),
        # Kim et al. 2016: the same first author, a prospective survey; a title + subtitle.
        _d("safety-2018",
           "Safety of Acupuncture and Pharmacopuncture: A Prospective Multicenter Survey",
           [("Kim", "Me-Riong"), ("Ha", "In-Hyuk")],
           "Medicine", "Medicine (Baltimore)", 2018, "97", "20", None, "e10730"),
        _d("safety-subtitle-2017", "Safety of acupuncture",
           [("Shin", "Joon-Shik")],
           "Journal of Acupuncture Research", "J Acupunct Res", 2017, "34", "1", "1-9",
           subtitle="a retrospective review of 80,000 musculoskeletal patients"),
        # Liu et al. 2022: its own preprint (same title and authors, a year earlier).
        _d("ibd-preprint-2021",
           "A Review on the Immunomodulatory Mechanism of Acupuncture in the Treatment of"
           " Inflammatory Bowel Disease",
           _LIU_AUTHORS,
           None, None, 2021, type="posted-content", publisher="Research Square Platform LLC",
           extra={"subtype": "preprint", "institution": [{"name": "Research Square"}]}),
        _d("ibd-2023",
           "Immunomodulatory mechanisms of acupuncture in inflammatory bowel disease: a review",
           [("Liu", "Zhen"), ("Gao", "Yan")],
           "Frontiers in Immunology", "Front Immunol", 2023, "14", None, None, "1123456"),
        # Cui et al. 2021 and Pan et al. 2021.
        _d("immune-2020",
           "Research Progress on the Mechanism of Acupuncture Regulating the Immune System",
           [("Cui", "Jing"), ("Zhao", "Lei")],
           "Veterinary Sciences", "Vet Sci", 2020, "7", "3", None, "101"),
        _d("sepsis-2021",
           "Electroacupuncture modulates immunity in sepsis: an experimental study",
           [("Pan", "Wei"), ("Fan", "Arthur Yin")],
           _NEUROSCI, "Auton Neurosci", 2021, "232", None, None, "102800"),
        # Vickers et al. 2012: the same first author later; the same issue.
        _d("vickers-2016",
           "Long-term effects of acupuncture for chronic pain: a follow-up meta-analysis",
           [("Vickers", "Andrew J."), ("Lindgren", "Emily A."), _ATC],
           "The Journal of Pain", "J Pain", 2016, "17", "3", "301-312"),
        _d("aim-172-19", "Yoga and education for chronic low back pain: a randomized trial",
           [("Ashworth", "Karen")],
           "Archives of Internal Medicine", "Arch Intern Med", 2012, "172", "19", "1454-1460"),
        _d("chronic-pain-2008", "Acupuncture for chronic pain",
           [("Lund", "Karin")],
           "Deutsches Ärzteblatt International", "Dtsch Ärztebl Int", 2008, "105", "45",
           "786-792"),
        # Other types: a book chapter and a data set.
        _d("chapter-2014", "Acupuncture for chronic pain", [("MacLeod", "Hugh")],
           "Evidence-Based Complementary Medicine", None, 2014, None, None, "45-62",
           type="book-chapter", isbn=["9780000000002"]),
        _d("atc-data-2012",
           "Acupuncture Trialists' Collaboration: pooled trial data set", [],
           None, None, 2012, type="dataset", publisher="Example Data Repository"),
        # Works the notices are about.
        _d("retracted-2015",
           "Acupuncture reduces chronic low back pain: a randomized sham-controlled trial",
           [("Ferrante", "Marco"), ("Kowalczyk", "Anna")],
           "Pain Research and Management", "Pain Res Manag", 2015, "20", "2", "77-84"),
        _d("migraine-2017", "Acupuncture for migraine prophylaxis: a multicentre trial",
           [("Brandt", "Lena")], "Cephalalgia", "Cephalalgia", 2017, "37", "8", "700-709"),
    ]  # fmt: skip


def notice_records(targets: Mapping[str, Mapping[str, Any]]) -> list[Work]:
    """The notices, built against the works they name (``targets`` by DOI)."""
    vickers, retracted = targets[CORRECTED_DOI], targets[RETRACTED_DOI]
    return [
        notice(
            doi=CORRECTION_NOTICE_DOI,
            target=vickers,
            type="correction",
            date="2013-01-14",
            title="Error in Figure 2",
        ),
        notice(
            doi=ERRATUM_NOTICE_DOI,
            target=vickers,
            type="erratum",
            date="2013-05-27",
            title="Errors in Author Affiliations",
        ),
        notice(
            doi=RETRACTION_NOTICE_DOI,
            target=retracted,
            type="retraction",
            date="2019-03-12",
            title="Retraction notice",
        ),
        notice(
            doi=CONCERN_NOTICE_DOI,
            target=targets[UNDER_CONCERN_DOI],
            type="expression_of_concern",
            date="2020-06-01",
            title="Expression of concern",
        ),
    ]


_UPDATED_BY_SOURCE = {RETRACTION_NOTICE_DOI: "retraction-watch"}


def fixture_records() -> list[Work]:
    """Fresh copies of every fixture record, with both sides of each notice filled in."""
    works = corpus_records() + distractor_records()
    by_doi = {w["DOI"]: w for w in works}
    notices = notice_records(by_doi)
    for item in notices:
        for entry in item["update-to"]:
            target = by_doi[entry["DOI"]]
            target.setdefault("updated-by", []).append(
                update_entry(
                    item["DOI"],
                    type=entry["type"],
                    updated=entry["updated"]["date-time"][:10],
                    source=_UPDATED_BY_SOURCE.get(item["DOI"], "publisher"),
                    label=entry["label"],
                )
            )
    return works + notices


CORPUS_DOIS: tuple[str, ...] = tuple(w["DOI"] for w in corpus_records())
DISTRACTOR_DOIS: tuple[str, ...] = tuple(w["DOI"] for w in distractor_records())
NOTICE_DOIS: tuple[str, ...] = (
    CORRECTION_NOTICE_DOI,
    ERRATUM_NOTICE_DOI,
    RETRACTION_NOTICE_DOI,
    CONCERN_NOTICE_DOI,
)

# -- real Crossref records, read in place from the shared evaluation data -------------------

EVAL_RECORD_FILES = ("habanero_works.json", "rcrossref_works.json")


class EvalDataNotFoundError(FileNotFoundError):
    """The shared evaluation data is not there; tests should skip, quoting the message."""


def _works_in(data: Any) -> Iterator[Work]:
    """Work records in a file: bare works, envelopes, work lists, or lists of any of these."""
    if isinstance(data, list):
        for item in data:
            yield from _works_in(item)
    elif isinstance(data, Mapping):
        if "message" in data:
            yield from _works_in(data["message"])
        elif "items" in data:
            yield from _works_in(data["items"])
        elif isinstance(data.get("DOI"), str):
            yield dict(data)


def eval_crossref_records(shared_dir: str | os.PathLike[str]) -> list[Work]:
    """Real Crossref work records from ``<shared>/eval/crossref-records``, first of each DOI.

    Raises :class:`EvalDataNotFoundError` (a ``FileNotFoundError``) when the files are absent.
    """
    folder = Path(shared_dir) / "eval" / "crossref-records"
    paths = [folder / name for name in EVAL_RECORD_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise EvalDataNotFoundError(
            f"shared Crossref records not found: {', '.join(missing)}"
            " (point ACUREFS_SHARED at the shared/ folder)"
        )
    return _unique(w for p in paths for w in _works_in(json.loads(p.read_text("utf-8"))))


def _unique(works: Iterable[Work]) -> list[Work]:
    seen: set[str] = set()
    kept: list[Work] = []
    for item in works:
        key = doi_key(str(item["DOI"]))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
