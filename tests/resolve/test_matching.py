"""Search, then validate: which candidate a reference cites, and refusing when unsure."""

from __future__ import annotations

import pytest

from acurefs import Person, Record, parse_reference
from acurefs.resolve.matching import decide

QASEEM = Record(
    doi="10.7326/m16-2367",
    title="Noninvasive Treatments for Acute, Subacute, and Chronic Low Back Pain: A Clinical Practice "
    "Guideline From the American College of Physicians",
    authors=(Person("Qaseem", "Amir"), Person("Wilt", "Timothy J.")),
    journal="Annals of Internal Medicine",
    journal_abbrev="Ann Intern Med",
    year=2017,
    volume="166",
    issue="7",
    pages="514-530",
)
PRINTED = (
    "Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, subacute, and chronic "
    "low back pain: a clinical practice guideline from the American College of Physicians. Annals of "
    "internal medicine. 2017;166(7):514-530."
)


def distractor(**changes: object) -> Record:
    fields = {
        "doi": "10.5555/other",
        "title": "Noninvasive treatments for low back pain",
        "authors": (Person("Chou", "Roger"),),
        "journal": "Annals of Internal Medicine",
        "year": 2017,
        "volume": "166",
        "issue": "7",
        "pages": "493-505",
    }
    fields.update(changes)
    return Record(**fields)  # type: ignore[arg-type]


def test_accepts_the_right_work_among_distractors() -> None:
    ref = parse_reference(PRINTED)
    decision = decide(
        ref, [distractor(), QASEEM, distractor(doi="10.5555/b", year=2016, volume="165")]
    )
    assert decision.outcome == "accepted"
    assert decision.best is not None
    assert decision.best.record.doi == QASEEM.doi


def test_no_candidates_is_unresolved() -> None:
    decision = decide(parse_reference(PRINTED), [])
    assert decision.outcome == "unresolved"


@pytest.mark.parametrize(
    "candidate",
    [
        pytest.param(distractor(), id="same-journal-issue-other-paper"),
        pytest.param(
            distractor(
                title=QASEEM.title, authors=(Person("Chou", "Roger"),), year=2007, volume="147"
            ),
            id="same-title-other-authors-year-volume",
        ),
        pytest.param(
            distractor(title="Correction: " + str(QASEEM.title), authors=QASEEM.authors),
            id="a-correction-notice",
        ),
        pytest.param(
            distractor(authors=QASEEM.authors, volume="150", pages="1-10"),
            id="same-author-other-volume-page",
        ),
    ],
)
def test_never_accepts_a_wrong_work_when_the_right_one_is_missing(candidate: Record) -> None:
    decision = decide(parse_reference(PRINTED), [candidate])
    assert decision.outcome != "accepted"


def test_two_equally_good_works_are_ambiguous() -> None:
    twin = Record(
        **{**{k: getattr(QASEEM, k) for k in QASEEM.__dataclass_fields__}, "doi": "10.5555/twin"}
    )
    decision = decide(parse_reference(PRINTED), [QASEEM, twin])
    assert decision.outcome == "ambiguous"


def test_a_mangled_title_is_accepted_on_structured_agreement() -> None:
    ref = parse_reference(
        "Qaseem A, Wilt TJ. Noninvasve tretments. Ann Intern Med. 2017;166(7):514-30."
    )
    decision = decide(ref, [QASEEM])
    assert decision.outcome == "accepted"


def test_title_only_reference_needs_a_near_identical_title() -> None:
    ref = parse_reference("[Noninvasive treatments for acute pain](")
    assert decide(ref, [QASEEM]).outcome == "unresolved"


def test_the_next_part_of_a_series_is_not_the_cited_part() -> None:
    # Same authors, journal and volume; another part number and first page.
    ref = parse_reference(
        "Oxman AD, Schunemann HJ, Fretheim A (2006) Improving the use of research evidence in "
        "guideline development 2: priority setting. Health Res Policy Syst 4:14."
    )
    other_part = Record(
        doi="10.1186/1478-4505-4-22",
        title="Improving the use of research evidence in guideline development: 10. Integrating values",
        authors=(Person("Oxman", "Andrew D"),),
        journal="Health Res Policy Syst",
        year=2006,
        volume="4",
        article_number="22",
    )
    assert decide(ref, [other_part]).outcome == "unresolved"


# --- a misremembered subtitle ------------------------------------------------------------------

REMEMBERED = "[Acupuncture for chronic pain in primary care: what patients need to know](https://a.example/x)"
THE_WORK = Record(
    doi="10.5555/main-title",
    title="Acupuncture for chronic pain in primary care: a systematic review of randomized trials",
    authors=(Person("Vickers", "Andrew J."),),
    journal="Pain",
    year=2019,
)


def test_a_distinctive_main_title_with_another_subtitle_is_the_work() -> None:
    decision = decide(parse_reference(REMEMBERED), [THE_WORK])
    assert decision.outcome == "accepted"
    assert decision.best is not None
    assert decision.best.record.doi == THE_WORK.doi
    assert "subtitle" in decision.reason


def test_the_subtitle_shows_in_a_title_mismatch() -> None:
    from acurefs.resolve.checks import check_record

    (finding,) = [
        f for f in check_record(parse_reference(REMEMBERED), THE_WORK) if f.code == "title-mismatch"
    ]
    assert finding.printed is not None
    assert "what patients need to know" in finding.printed
    assert finding.found is not None
    assert "systematic review of randomized trials" in finding.found


@pytest.mark.parametrize(
    ("printed", "candidates"),
    [
        pytest.param(
            "[Acupuncture for pain: what patients need](https://a.example/x)",
            [Record(doi="10.5555/short", title="Acupuncture for pain: a review")],
            id="main-title-too-short",
        ),
        pytest.param(
            REMEMBERED,
            [
                THE_WORK,
                Record(doi="10.5555/twin", title=THE_WORK.title.replace("a systematic", "an")),
            ],
            id="two-works-share-it",
        ),
        pytest.param(
            "Vickers AJ. " + REMEMBERED[1:].split("](")[0] + ". 2011.",
            [THE_WORK],
            id="year-conflicts",
        ),
    ],
)
def test_a_main_title_alone_is_not_enough_when(printed: str, candidates: list[Record]) -> None:
    assert decide(parse_reference(printed), candidates).outcome != "accepted"
