"""APA's forms for media and several undated works, catalogue numbers, and preprint servers
(the fifty-second grey set's forms; the entries here are written for these tests)."""

from __future__ import annotations

import pytest

from acurefs import parse_reference
from acurefs.models import Kind


@pytest.mark.parametrize("suffix", ["-a", "-b", "a"])
def test_an_undated_works_letter_among_several_undated_ones(suffix: str) -> None:
    ref = parse_reference(
        f"Arthritis Foundation. (n.d.{suffix}). Yoga for arthritis. Retrieved November 11,"
        " 2020, from https://www.arthritis.org/health-wellness/yoga"
    )
    assert ref.title == "Yoga for arthritis"
    assert ref.year is None
    assert ref.container is None


@pytest.mark.parametrize(
    ("text", "family", "title"),
    [
        (
            "Dubner, S. J. (Host). (2024, January 18). Are you caught in a social media trap?"
            " [Audio podcast episode]. In Freakonomics Radio. Freakonomics, LLC."
            " https://freakonomics.com/podcast/social-media-trap/",
            "Dubner",
            "Are you caught in a social media trap?",
        ),
        (
            "Attenborough, D. (Presenter), & Fothergill, A. (Producer). (2019). Our planet"
            " [TV series]. Netflix.",
            "Attenborough",
            "Our planet",
        ),
    ],
)
def test_a_role_after_a_name_and_the_media_note_after_a_title(
    text: str, family: str, title: str
) -> None:
    ref = parse_reference(text)
    assert ref.authors[0].family == family
    assert ref.title == title
    assert "[" not in (ref.publisher or "") + (ref.container or "")


def test_a_catalogue_number_with_letters_is_no_container() -> None:
    ref = parse_reference(
        "Australian Institute of Health and Welfare (2021). Potentially preventable"
        " hospitalisations in Australia by small geographic areas 2017-18. Cat. no. HSE 236."
        " Canberra: AIHW."
    )
    assert ref.kind is Kind.REPORT
    assert ref.container is None
    assert ref.publisher == "AIHW"
    assert ref.title is not None
    assert ref.title.endswith("2017-18")


@pytest.mark.parametrize("server", ["medRxiv", "bioRxiv", "Research Square", "SSRN"])
def test_a_preprint_server_stands_where_a_journal_does(server: str) -> None:
    ref = parse_reference(
        f"Davies NG, Barnard RC. Estimated transmissibility of a new variant in England."
        f" {server}. https://doi.org/10.1101/2020.12.24.20248822"
    )
    assert ref.journal == server
    assert ref.title == "Estimated transmissibility of a new variant in England"


def test_a_version_abbreviated_inside_a_title_does_not_end_it() -> None:
    ref = parse_reference(
        "Singapore Optometric Association. (2024). Orthokeratology fitting and management"
        " guidelines (Ver. 1.0). https://example.org/soa-guideline-2024.pdf"
    )
    assert ref.title == "Orthokeratology fitting and management guidelines (Ver. 1.0)"
    assert ref.container is None


def test_springer_natures_last_author_with_initials_without_stops() -> None:
    ref = parse_reference(
        "Schaffer, A.L., Dobbins, T.A. & Pearson, SA. Interrupted time series analysis using"
        " ARIMA models. BMC Med Res Methodol 21, 58 (2021)."
    )
    assert [(p.family, p.initials) for p in ref.authors] == [
        ("Schaffer", "AL"),
        ("Dobbins", "TA"),
        ("Pearson", "SA"),
    ]
    assert ref.title == "Interrupted time series analysis using ARIMA models"


def test_et_al_given_to_words_citation_manager_as_an_author() -> None:
    ref = parse_reference(
        "Peckham, H., de Gruijter, N., Raine, C., & al, e. (2020, December 9). Male sex"
        " identified by meta-analysis as a risk factor for death. doi:10.1038/s41467-020-19741-6"
    )
    assert [p.family for p in ref.authors] == ["Peckham", "de Gruijter", "Raine"]
    assert ref.authors_truncated
    assert ref.title == "Male sex identified by meta-analysis as a risk factor for death"


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        (
            "Bexa Inc. Evaluation of the bexa breast examination. https://example.org/nct1, 2024.",
            "Bexa Inc",
            "Evaluation of the bexa breast examination",
        ),
        (
            "Health Pills Ltd. Get-well tablets data sheet. www.example.govt.nz/get-well.htm",
            "Health Pills Ltd",
            "Get-well tablets data sheet",
        ),
        (
            "The Novel Coronavirus Pneumonia Emergency Response Epidemiology Team. The"
            " epidemiological characteristics of an outbreak. China CDC Weekly, 2020, 2(8):"
            " 113-122.",
            "The Novel Coronavirus Pneumonia Emergency Response Epidemiology Team",
            "The epidemiological characteristics of an outbreak",
        ),
    ],
)
def test_a_company_or_a_team_as_the_author(text: str, author: str, title: str) -> None:
    ref = parse_reference(text)
    assert [p.family for p in ref.authors] == [author]
    assert ref.authors[0].collective
    assert ref.title == title


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        ("Synthroid [package insert]. North Chicago, IL: AbbVie Inc.", "Synthroid", None),
        (
            "Movymia Summary of Product Characteristics, January 2021.",
            "Movymia Summary of Product Characteristics",
            2021,
        ),
        (
            "Moxifloxacin hydrochloride [prescribing information]. Silver Spring, MD: FDA; 2016.",
            "Moxifloxacin hydrochloride",
            2016,
        ),
    ],
)
def test_a_medicines_label_is_its_makers_report(text: str, title: str, year: int | None) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.REPORT
    assert ref.title == title
    assert ref.year == year


def test_a_titles_own_month_stays_when_the_year_was_read_before_it() -> None:
    ref = parse_reference(
        "APRA (Australian Prudential Regulation Authority) 2021a. Private health insurance"
        " membership and coverage, June 2021. Sydney: APRA."
    )
    assert ref.title == "Private health insurance membership and coverage, June 2021"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "ISO-15189: Medical laboratories — Requirements for quality and competence",
            "Medical laboratories — Requirements for quality and competence",
        ),
        (
            "IEC 62304:2006 Medical device software – software life cycle processes. Geneva:"
            " IEC; 2006.",
            "Medical device software – software life cycle processes",
        ),
    ],
)
def test_a_standards_code_before_its_title(text: str, title: str) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.REPORT
    assert ref.title == title


def test_a_page_of_wikipedia_in_nlms_form() -> None:
    ref = parse_reference(
        "ManageMyHealth data breach. Wikipedia [Internet]. [cited 2026 May 2]. Available from:"
        " https://en.wikipedia.org/wiki/ManageMyHealth_data_breach"
    )
    assert ref.title == "ManageMyHealth data breach"
    assert ref.container == "Wikipedia"
    assert ref.authors == ()


def test_apas_volume_and_issue_with_the_article_number_left_out() -> None:
    ref = parse_reference(
        "Eisenman, D. P., & Galway, L. P. (2022). The mental health and well-being effects of"
        " wildfire smoke: A scoping review. BMC Public Health, 22(1)."
        " https://doi.org/10.1186/s12889-022-14662-z"
    )
    assert ref.journal == "BMC Public Health"
    assert (ref.volume, ref.issue) == ("22", "1")
    # A report's year and number after its place is no volume and issue.
    ref = parse_reference(
        "Blessing V, Dave A, Varnai P (2017): Evidence on tools for decision-making."
        " Copenhagen, 2017 (54)."
    )
    assert ref.journal is None


@pytest.mark.parametrize(
    ("text", "accessed"),
    [
        (
            "Child Health Indicator. Retrived on17/09/2018. Available at http://example.gov.in/ch",
            "2018-09-17",
        ),
        (
            "Kenya survey 2014. Available on www.example.com/pr55.pdf [accessed on 07May2015].",
            "2015-05-07",
        ),
        ("NFHS-4 India report http://example.org/india.pdf accessed on 10.12 2019.", "2019-12-10"),
    ],
)
def test_access_dates_as_people_type_them(text: str, accessed: str) -> None:
    # A misspelt "Retrived" glued to "on", a month glued to its day, a year after a space.
    assert parse_reference(text).accessed == accessed
