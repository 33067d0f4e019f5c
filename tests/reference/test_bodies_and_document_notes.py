"""Bodies named the ways guideline and report lists name them, and notes that say what a
document is (the forty-sixth grey set's forms; the entries are typed for these tests from the
bibliographic facts of real works)."""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference
from acurefs.reference.bodies import looks_like_organisation


@pytest.mark.parametrize(
    "name",
    [
        "Global Initiative for Asthma",
        "Taskforce for Lung Health",
        "Scottish Intercollegiate Guidelines Network (SIGN)",
    ],
)
def test_an_initiative_a_taskforce_and_a_network_with_its_acronym_are_bodies(name: str) -> None:
    assert looks_like_organisation(name)


def test_a_body_then_its_reports_title_and_a_bare_year() -> None:
    ref = parse_reference(
        "Taskforce for Lung Health. A National Five Year Plan for Lung Health. 2018."
    )
    assert ref.authors[0].family == "Taskforce for Lung Health"
    assert ref.authors[0].collective
    assert (ref.title, ref.year) == ("A National Five Year Plan for Lung Health", 2018)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Scottish Intercollegiate Guidelines Network (SIGN). Management of diabetes. "
            "Guideline no. 116. 2010. www.sign.ac.uk/assets/sign116.pdf",
            "Management of diabetes",
        ),
        (
            "Scottish Intercollegiate Guidelines Network (SIGN). Management of diabetes. "
            "A national clinical guideline. Edinburgh: SIGN; 2010.",
            "Management of diabetes",
        ),
        (
            "National Institute for Health and Clinical Excellence (NICE). Hypertension. "
            "Clinical Guidance 127; 2011. guidance.nice.org.uk/CG127",
            "Hypertension",
        ),
    ],
)
def test_a_note_naming_a_guideline_tells_the_kind_and_is_no_container(
    text: str, title: str
) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.GUIDELINE
    assert ref.title == title
    if "Network" in text:  # a note on its own, not "Clinical Guidance 127; 2011"
        assert ref.container is None or "uideline" not in ref.container


def test_a_part_of_the_body_before_the_title_is_an_author_too() -> None:
    ref = parse_reference(
        "Centers for Medicare and Medicaid Services. Office of Minority Health. The CMS "
        "equity plan for improving quality in Medicare. September 2015. Accessed May 31, "
        "2023. https://www.cms.gov/about-cms/omh/equity-plan.pdf"
    )
    assert [p.family for p in ref.authors] == [
        "Centers for Medicare and Medicaid Services",
        "Office of Minority Health",
    ]
    assert ref.title == "The CMS equity plan for improving quality in Medicare"


def test_a_second_segment_that_is_the_title_is_not_taken_for_a_part_of_the_body() -> None:
    ref = parse_reference(
        "Ministry of Health. Department of Health statistics yearbook 2010. Sofia: NCHI; 2011."
    )
    assert [p.family for p in ref.authors] == ["Ministry of Health"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Whelton PK, Carey RM, Aronow WS, et al. 2017 ACC/AHA guideline for the prevention, "
            "detection, evaluation, and management of high blood pressure in adults. "
            "Hypertension. 2018;71(6):e13-e115.",
            "2017 ACC/AHA guideline for the prevention, detection, evaluation, and management "
            "of high blood pressure in adults",
        ),
        (
            "Alzheimer's Association. 2008 Alzheimer's disease facts and figures. "
            "Alzheimers Dement. 2008;4(2):110-133.",
            "2008 Alzheimer's disease facts and figures",
        ),
    ],
)
def test_a_year_that_opens_a_journal_articles_title_stays_in_it(text: str, title: str) -> None:
    ref = parse_reference(text)
    assert ref.title == title
    assert ref.kind is Kind.JOURNAL_ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        "Smith J. 2008. Acupuncture for pain. Pain. 2008;4(2):110-133.",
        "Smith J 2008 Acupuncture for pain. Pain 4(2):110-133.",
    ],
)
def test_a_year_after_the_names_is_still_the_year(text: str) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.year) == ("Acupuncture for pain", 2008)


def test_a_database_online_is_a_web_page_and_the_note_leaves_the_title() -> None:
    ref = parse_reference(
        "Lexicomp [database online]. Hudson, OH: Wolters Kluwer; 2024. Accessed March 5, 2024."
    )
    assert ref.kind is Kind.WEB_PAGE
    assert ref.title == "Lexicomp"


def test_a_body_then_a_dash_then_its_pages_title() -> None:
    ref = parse_reference("British Heart Foundation - Annual heart statistics report")
    assert ref.authors[0].family == "British Heart Foundation"
    assert (ref.title, ref.kind) == ("Annual heart statistics report", Kind.REPORT)
    tab = parse_reference("Healthy bodies for children and teens - Dietitians of Canada")
    assert (tab.title, tab.container, tab.authors) == (
        "Healthy bodies for children and teens",
        "Dietitians of Canada",
        (),
    )


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        # A council's house style (the forty-seventh grey set's form; entries typed for this
        # test): who wrote the page, a comma, its title in sentence case, the day it was read.
        (
            "Action on Smoking and Health, Young people and smoking [Accessed 21 February 2024]",
            "Action on Smoking and Health",
            "Young people and smoking",
        ),
        (
            "March of Dimes, Smoking during pregnancy [Accessed 22 February 2024]",
            "March of Dimes",
            "Smoking during pregnancy",
        ),
        (
            "DHSC Media Team, Creating a smokefree generation: what you need to know "
            "[Accessed 21 February 2024]",
            "DHSC Media Team",
            "Creating a smokefree generation: what you need to know",
        ),
    ],
)
def test_a_body_a_comma_and_its_pages_title(text: str, author: str, title: str) -> None:
    ref = parse_reference(text)
    assert [p.family for p in ref.authors] == [author]
    assert ref.title == title
    assert ref.accessed is not None


@pytest.mark.parametrize(
    "text",
    [
        "Electronic Cigarettes, What is the bottom line? [Accessed 3 March 2020]",
        "Asthma Attack Symptoms, Mayo Clinic [Accessed 3 March 2020]",
    ],
)
def test_a_topic_in_capitals_then_a_comma_is_no_author(text: str) -> None:
    assert not parse_reference(text).authors


def test_cite_them_rights_page_with_no_author_a_title_its_year_and_a_paper() -> None:
    # Harvard (Cite Them Right) for a page with no author (the forty-eighth grey set's form;
    # the entries are typed for this test): the title, the year, the site or paper.
    ref = parse_reference(
        "Heatwave deaths rose sharply last summer, figures show (2023) The Guardian. "
        "Available at: https://www.theguardian.com/society/2023/heat (Accessed: 6 March 2024)."
    )
    assert (ref.title, ref.year, ref.container) == (
        "Heatwave deaths rose sharply last summer, figures show",
        2023,
        "The Guardian",
    )
    assert ref.kind is Kind.NEWS
    page = parse_reference(
        "Routine MMR vaccination recommendations: For Providers (2021) Centers for Disease "
        "Control and Prevention. Available at: https://www.cdc.gov/vaccines/mmr.html "
        "(Accessed: 6 March 2024)."
    )
    assert (page.title, page.year) == (
        "Routine MMR vaccination recommendations: For Providers",
        2021,
    )


def test_an_address_glued_to_the_day_it_was_read() -> None:
    ref = parse_reference(
        "National Cancer Institute (2021). 'HPV vaccine safety'. Retrieved from "
        "https://www.cancer.gov/news-events/hpv-safety(retrieved on 1st June 2023)."
    )
    assert ref.url == "https://www.cancer.gov/news-events/hpv-safety"
    assert ref.accessed == "2023-06-01"


def test_whos_licence_note_is_no_title() -> None:
    ref = parse_reference(
        "Global strategy on digital health 2020-2025. Geneva: World Health Organization; 2021. "
        "Licence: CC BY-NC-SA 3.0 IGO."
    )
    assert ref.title == "Global strategy on digital health 2020-2025"


def test_nices_number_closing_a_title_says_guideline() -> None:
    # The number stays in the title, as NICE prints it (test_sites_laws_meetings).
    ref = parse_reference(
        "NICE (2019) Hypertension in adults: diagnosis and management (NG136). Available at: "
        "https://www.nice.org.uk/guidance/ng136 (Accessed: 2 May 2024)."
    )
    assert ref.kind is Kind.GUIDELINE


def test_a_word_of_a_papers_name_inside_a_title_makes_no_paper() -> None:
    ref = parse_reference(
        "NHS Digital (2025) Mental Health Services Monthly Statistics – ADHD Waiting Times and "
        "Referrals. Available at: https://digital.nhs.uk/statistics (Accessed: 25 February 2026)."
    )
    assert ref.kind is not Kind.NEWS
    assert ref.title == (
        "Mental Health Services Monthly Statistics – ADHD Waiting Times and Referrals"
    )


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        # R's citation() for a package's book (the forty-ninth grey set's form; bibliographic
        # facts of real books): the publisher and its place, then the year.
        (
            "H. Wickham. ggplot2: Elegant Graphics for Data Analysis. Springer-Verlag New York, 2016.",
            "Springer-Verlag New York",
        ),
        (
            "Y. Xie. Dynamic Documents with R and knitr. Chapman and Hall/CRC, Boca Raton, 2015.",
            None,  # read as a book by its place and publisher, with no publisher kept
        ),
    ],
)
def test_a_book_in_rs_citation_form(text: str, publisher: str | None) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.BOOK
    assert ref.journal is None
    assert publisher is None or ref.publisher == publisher


def test_a_journal_named_for_its_publishers_city_stays_a_journal() -> None:
    ref = parse_reference(
        "Smith J. Consent in surgery. Cambridge Quarterly of Healthcare Ethics, 2016."
    )
    assert ref.kind is Kind.JOURNAL_ARTICLE


@pytest.mark.parametrize(
    "url",
    [
        "https://www.ctvnews.ca/health/sars-lessons-help-canada-prep-1.4823362",
        "https://www.channelnewsasia.com/asia/dengue-fever-plummet-1949581",
    ],
)
def test_news_sites_by_their_address(url: str) -> None:
    ref = parse_reference(
        f"Osman, L. (2020, February 22). SARS lessons help Canada prep. Retrieved from {url}"
    )
    assert ref.kind is Kind.NEWS


@pytest.mark.parametrize("gap", ["…", "...", ". . .", "... &", "… &"])
def test_apa_sevens_ellipsis_before_the_last_author(gap: str) -> None:
    ref = parse_reference(
        f"Zhou, F., Yu, T., Du, R., Fan, G., Liu, Y., Liu, Z., {gap} Cao, B. (2020). Clinical "
        "course and risk factors for mortality of adult inpatients with COVID-19 in Wuhan, China: "
        "a retrospective cohort study. The Lancet, 395(10229), 1054–1062."
    )
    assert [p.family for p in ref.authors][-1] == "Cao"
    assert ref.authors_truncated
    assert ref.title is not None
    assert ref.title.startswith("Clinical course")


def test_mlas_site_name_before_its_address_is_the_container() -> None:
    ref = parse_reference(
        "Cancer Council. “Preventing Skin Cancer.” Www.cancer.org.au, 2023, "
        "www.cancer.org.au/cancer-information/causes-and-prevention/sun-safety/preventing-skin-cancer."
    )
    assert ref.url == (
        "https://www.cancer.org.au/cancer-information/causes-and-prevention/sun-safety/"
        "preventing-skin-cancer"
    )
    assert ref.container == "Www.cancer.org.au"


@pytest.mark.parametrize(
    "text",
    [
        "Scottish Intercollegiate Guidelines Network (SIGN). Management of patients with "
        "dementia. SIGN publication no 86. Edinburgh: SIGN; 2006.",
        "National Institute for Health and Clinical Excellence (NICE). Donepezil, galantamine, "
        "rivastigmine and memantine for the treatment of Alzheimer's disease. Technology "
        "appraisal 111. London: NICE; 2007.",
    ],
)
def test_a_sign_publication_and_a_technology_appraisal_are_guidance(text: str) -> None:
    assert parse_reference(text).kind is Kind.GUIDELINE
