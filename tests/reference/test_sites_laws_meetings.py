"""Sites named in link texts, laws by their short titles, APA's dates as people type them,
and papers presented at meetings.

The entries are written for these tests after the forms of the thirty-third grey set (a
student app's link list, a care site's list of Acts, a research institute's conference
papers); the works are real, the links' paths made up.
"""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference
from acurefs.reference.links import names_host


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("Mayo Clinic", "https://www.mayoclinic.org/diseases-conditions/x"),
        ("British Medical Journal", "https://www.bmj.com/content/1/x"),
        ("NCBI", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/"),
        ("Alzheimer's International", "https://www.alzint.org/about/x"),
        ("Medical News Today", "https://www.medicalnewstoday.com/articles/1"),
        ("American Cancer Society", "https://www.cancer.org/cancer/x.html"),
    ],
)
def test_a_name_that_names_the_host(name: str, url: str) -> None:
    assert names_host(name, url)


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("Smoking and Dementia", "https://www.alzheimersresearchuk.org/blog/x"),
        ("Dementia Statistics", "https://www.alzint.org/about/x"),
        ("Ovarian Cancer", "https://www.mayoclinic.org/x"),
    ],
)
def test_a_title_that_does_not(name: str, url: str) -> None:
    assert not names_host(name, url)


@pytest.mark.parametrize(
    ("text", "title", "site"),
    [
        (
            "[Sleep deprivation and dementia - Alzheimer's Research UK]"
            "(https://www.alzheimersresearchuk.org/blog/sleep/)",
            "Sleep deprivation and dementia",
            "Alzheimer's Research UK",
        ),
        (
            "[Dementia Statistics - Alzheimer's International](https://www.alzint.org/about/x/)",
            "Dementia Statistics",  # not taken for an organisation for its word "Statistics"
            "Alzheimer's International",
        ),
        (
            "[Mayo Clinic - Ovarian Cancer](https://www.mayoclinic.org/diseases-conditions/x)",
            "Ovarian Cancer",
            "Mayo Clinic",
        ),
        (
            "[Association between smoking and dementia - British Medical Journal]"
            "(https://www.bmj.com/content/362/bmj.k2927)",
            "Association between smoking and dementia",
            "British Medical Journal",
        ),
    ],
)
def test_a_link_text_with_its_site_after_a_dash(text: str, title: str, site: str) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.container) == (title, site)


def test_a_dash_inside_a_title_is_no_site() -> None:
    ref = parse_reference(
        "[DMSC: Thailand laboratory testing data - weekly summary reports]"
        "(https://service.dmsc.moph.go.th/labscovid19/indexen.php)"
    )
    assert ref.title == "Thailand laboratory testing data - weekly summary reports"


@pytest.mark.parametrize(
    ("text", "title", "body", "kind"),
    [
        (
            "Best Interests Decisions Guidance – Social Care Institute for Excellence",
            "Best Interests Decisions Guidance",
            "Social Care Institute for Excellence",
            Kind.GUIDELINE,
        ),
        (
            "Smoking ban cut heart attack admissions - The Guardian",
            "Smoking ban cut heart attack admissions",
            "The Guardian",
            Kind.NEWS,
        ),
    ],
)
def test_a_title_and_its_body_after_a_dash(text: str, title: str, body: str, kind: Kind) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.container, ref.kind) == (title, body, kind)
    assert ref.authors == ()


@pytest.mark.parametrize(
    "text",
    [
        "The Chronically Sick and Disabled Persons Act 1970",
        "Disabled Persons (Services, Consultation and Representation) Act 1986",
        "The Health and Social Care Act 2008 (Regulated Activities) Regulations 2014",
    ],
)
def test_a_law_by_its_short_title(text: str) -> None:
    ref = parse_reference(text)
    assert ref.title == text  # the whole name; its words are nobody's
    assert ref.authors == ()
    assert ref.kind is Kind.REPORT
    assert ref.year is None  # the year is part of the name


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        (
            "Heimer, R. (September 14, 2017). “Syringe services and hepatitis C.” "
            "Annual Conference of the Society. York, UK.",
            "Syringe services and hepatitis C",
            2017,
        ),
        (
            "Wechsler H, Davenport A, Dowdall G, Moeykens B, & Castillo S. (06/1994). "
            "Health and behavioral consequences of binge drinking in college. Poster.",
            "Health and behavioral consequences of binge drinking in college",
            1994,
        ),
        (
            "Simonsen L, Reichert TA, Viboud C, Blackwelder WC, Taylor RJ, Miller MA. (2005). "
            "Impact of influenza vaccination on seasonal mortality in the US elderly population. "
            "Arch Intern Med. 165(3):265-72.",
            "Impact of influenza vaccination on seasonal mortality in the US elderly population",
            2005,
        ),
    ],
)
def test_a_date_in_parentheses_after_the_authors(text: str, title: str, year: int) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.year) == (title, year)


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        (
            "Wechsler H, Davenport A, Dowdall G. (06/1994). Binge drinking in college. Poster "
            "presented at the annual meeting of the Research Society on Alcoholism, Maui, HI.",
            "annual meeting of the Research Society on Alcoholism",
        ),
        (
            "Heimer, R. (2017). “Syringe services and hepatitis C.” Third International "
            "Symposium in Qualitative Health Research. University College London.",
            "Third International Symposium in Qualitative Health Research",
        ),
    ],
)
def test_a_paper_presented_at_a_meeting(text: str, meeting: str) -> None:
    ref = parse_reference(text)
    assert (ref.kind, ref.container) == (Kind.CHAPTER, meeting)


def test_a_report_on_a_conference_stays_a_report() -> None:
    ref = parse_reference(
        "World Health Organization. Report of the Third Global Ministerial Conference on Road "
        "Safety. Geneva: WHO; 2020."
    )
    assert ref.kind is not Kind.CHAPTER


def test_an_eu_law_by_its_name_and_designation() -> None:
    ref = parse_reference(
        "The General Data Protection Regulation (GDPR) (Regulation (EU) 2016/679)"
    )
    assert ref.title == "The General Data Protection Regulation (GDPR)"
    assert (ref.kind, ref.year) == (Kind.REPORT, 2016)


def test_a_code_of_conduct_is_guidance() -> None:
    ref = parse_reference("The Code of Conduct for Healthcare Support Workers in England")
    assert ref.kind is Kind.GUIDELINE
    assert ref.authors == ()


def test_a_news_outlets_address_tells_a_news_item() -> None:
    ref = parse_reference(
        "Fitzsimons, T. (2019, November 20). Violence against trans people rose in 2019. "
        "Retrieved from https://www.nbcnews.com/feature/nbc-out/violence-n1086521"
    )
    assert ref.kind is Kind.NEWS
    page = parse_reference(
        "Medical News Today. (2019). Social activity and dementia. "
        "https://www.medicalnewstoday.com/articles/326064"
    )
    assert page.kind is not Kind.NEWS  # a health site whose name holds "News"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("RCOG (2011). Cervical cerclage (Green-top Guideline No. 60).", "Cervical cerclage"),
        (
            "RCOG (2012). Reducing the risk of venous thromboembolism (Good Practice No. 7).",
            "Reducing the risk of venous thromboembolism",
        ),
        (
            "RCOG (2010). Understanding how risk is discussed in healthcare (Patient information).",
            "Understanding how risk is discussed in healthcare",
        ),
        (
            "NICE. Obesity: identification, assessment and management (CG43). London: NICE; 2006.",
            "Obesity: identification, assessment and management (CG43)",  # NICE's title ends so
        ),
    ],
)
def test_a_documents_designation_after_its_title(text: str, title: str) -> None:
    assert parse_reference(text).title == title
