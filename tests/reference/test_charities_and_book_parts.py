"""Charities named for their country, and the parts of books as older lists print them.

The entries are written for these tests after the forms of the forty-second grey set (a
university repository's Harvard list, a guideline site's Vancouver list, a 1990s asthma
page); the works and bodies are real.
"""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference
from acurefs.reference.bodies import looks_like_organisation


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "Diabetes UK (2024) Diabetes in numbers. Available at https://www.diabetes.org.uk/"
            "professionals/statistics (Accessed 2/5/25)",
            "Diabetes UK",
        ),
        (
            "Asthma + Lung UK (2023) What is asthma? Available at https://www.asthmaandlung.org.uk/"
            "conditions/asthma (Accessed 14 June 2024)",
            "Asthma + Lung UK",
        ),
        (
            "Diabetes Australia. Gestational diabetes. Canberra: Diabetes Australia; 2020.",
            "Diabetes Australia",
        ),
    ],
)
def test_a_charity_named_for_its_country_is_the_author(text: str, author: str) -> None:
    ref = parse_reference(text)
    assert [(p.family, p.collective) for p in ref.authors][:1] == [(author, True)]


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("Diabetes UK", True),
        ("Alzheimer Scotland", True),
        ("Arthritis Ireland", True),
        ("Living with diabetes in the UK", False),
    ],
)
def test_country_charities(name: str, organisation: bool) -> None:
    assert looks_like_organisation(name) is organisation


def test_a_person_with_the_initials_uk_among_others_stays_a_person() -> None:
    ref = parse_reference("Kumar UK, Singh R. Neem in dentistry. J Dent. 2015;3(2):4-9.")
    assert [(p.family, p.initials) for p in ref.authors] == [("Kumar", "UK"), ("Singh", "R")]
    assert ref.kind is Kind.JOURNAL_ARTICLE


def test_a_chapter_whose_editors_are_named_in_full() -> None:
    # "In: William W. Busse and Stephen T. Holgate, ed.": the initials inside full names end
    # neither the editors nor the book's signs.
    ref = parse_reference(
        "Howell JBL. Asthma: clinical descriptions and definitions. In: William W. Busse and "
        "Stephen T. Holgate, ed. Asthma and Rhinitis. Blackwell Scientific Publications. "
        "Boston, MA, 1995: Chapter 1."
    )
    assert ref.kind is Kind.CHAPTER
    assert ref.title == "Asthma: clinical descriptions and definitions"
    assert ref.container == "Asthma and Rhinitis"
    assert ref.year == 1995


@pytest.mark.parametrize(
    ("printed", "accessed"),
    [
        ("Accessed 15/8/25", "2025-08-15"),  # UK Harvard: the day first, a two-digit year
        ("Accessed: 28/06/2016", "2016-06-28"),
        ("Accessed 9/15/2022", "2022-09-15"),  # the month first: fifteen is no month
        ("accessed 3.11.2022", "2022-11-03"),  # a dotted date is Europe's, the day first
        ("Accessed 30.05.98", "1998-05-30"),
        ("Accessed 3/9/2020", "3/9/2020"),  # the 3rd of September or March the 9th: as printed
    ],
)
def test_an_access_date_in_digits_is_read_where_it_can_only_be_one_day(
    printed: str, accessed: str
) -> None:
    ref = parse_reference(
        f"Diabetes UK (2025) Diabetes education. Available at https://www.diabetes.org.uk/"
        f"education ({printed})"
    )
    assert ref.accessed == accessed
    assert ref.year == 2025


def test_a_guideline_series_named_in_the_container() -> None:
    ref = parse_reference(
        "NICE (2022) Type 2 diabetes in adults: management. NICE guidelines (NG28). Available "
        "at: Recommendations | Type 2 diabetes in adults | Guidance | NICE (Accessed 30.05.23)"
    )
    assert ref.kind is Kind.GUIDELINE
    assert ref.title == "Type 2 diabetes in adults: management"


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        # an inquiry's endnotes (the forty-third grey set's form; the reports are real)
        (
            "World Health Organization, Joint external evaluation of IHR core capacities of New "
            "Zealand (Geneva, 2 September 2019), pp 35-36, https://www.who.int/publications/i/"
            "item/WHO-WHE-CPI-2019.63",
            "Joint external evaluation of IHR core capacities of New Zealand",
            2019,
        ),
        (
            "Ministry of Health, Briefing to the Incoming Minister of Health, 2017: The New "
            "Zealand Health and Disability System (Wellington, 7 December 2017), "
            "https://www.health.govt.nz/publications/briefing-to-the-incoming-minister",
            "Briefing to the Incoming Minister of Health, 2017: The New Zealand Health and "
            "Disability System",
            2017,
        ),
    ],
)
def test_a_notes_place_and_date_at_its_end(text: str, title: str, year: int) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.year, ref.kind) == (title, year, Kind.REPORT)
    assert ref.authors[0].family in ("World Health Organization", "Ministry of Health")


def test_a_year_alone_in_parentheses_is_no_notes_date() -> None:
    ref = parse_reference(
        "World Health Organization. (2024). https://www.who.int/news-room/fact-sheets/detail/"
        "adolescent-mental-health"
    )
    assert ref.authors[0].family == "World Health Organization"
    assert ref.year == 2024


def test_a_reports_number_closing_its_title_and_a_tribunal() -> None:
    ref = parse_reference(
        "Waitangi Tribunal. (2019). Hauora: Report on Stage One of the Health Services and "
        "Outcomes Kaupapa Inquiry (Report No. Wai 2575). https://forms.justice.govt.nz/search/"
        "Documents/WT/wt_DOC_152801817/Hauora%20W.pdf."
    )
    assert ref.title == (
        "Hauora: Report on Stage One of the Health Services and Outcomes Kaupapa Inquiry"
    )
    assert ref.authors[0].family == "Waitangi Tribunal"


def test_a_broadcasters_news_page_in_vancouver_style() -> None:
    ref = parse_reference(
        "Radio New Zealand. One in five specialist referrals declined last year [Internet]. "
        "Wellington: RNZ; [cited 2026 Jun 1]. Available from: https://www.rnz.co.nz/news/"
        "health/595607/one-in-five-specialist-referrals-declined"
    )
    assert ref.kind is Kind.NEWS


def test_a_bare_date_after_the_address_is_when_the_page_was_read() -> None:
    # MLA as students type it (the forty-fourth grey set's form; the article is real)
    ref = parse_reference(
        "Findlay, Leanne. “Depression and suicidal ideation among Canadians aged 15-24.” "
        "Statistics Canada. 2017. http://www.statcan.gc.ca/pub/82-003-x/2017001/article/"
        "14697-eng.htm. February 10, 2018"
    )
    assert (ref.year, ref.accessed) == (2017, "2018-02-10")
    assert ref.url is not None
    assert ref.url.endswith("14697-eng.htm")
    # with no year before the address, the date is the work's own
    ref = parse_reference(
        "“Sleep and mood.” Sleep Foundation. https://www.sleepfoundation.org/mood. March 3, 2021"
    )
    assert ref.year == 2021


def test_a_title_opening_with_a_question_then_a_review_of_services() -> None:
    ref = parse_reference(
        "Care Quality Commission (2019) Are we listening? A review of children and young "
        "people’s mental health services [Online]. Available at https://www.cqc.org.uk/"
        "publications/themed-work/are-we-listening (Accessed 12 March 2020)."
    )
    assert ref.title == (
        "Are we listening? A review of children and young people’s mental health services"
    )


def test_a_stop_inside_a_quoted_title_and_a_container_glued_to_its_quote() -> None:
    # MLA as students type it (the forty-fourth grey set's forms; the items are real)
    ref = parse_reference(
        "Chai, Carmen. “These 3 Groups Are at 'High Risk' of Mental Health Issues in Canada. "
        "Here's Why.” Global News, 1 May 2017,"
    )
    assert ref.title == (
        "These 3 Groups Are at 'High Risk' of Mental Health Issues in Canada. Here's Why"
    )
    ref = parse_reference(
        "Abdelmahmoud, Elamin. “I Sure As Hell Wouldn’t Want To Be A Student Now: An Open "
        "Letter To Margaret Wente.”Chatelaine, 2017. http://www.chatelaine.com/opinion/"
        "campus-mental-health/. February 10, 2018."
    )
    assert ref.title == (
        "I Sure As Hell Wouldn’t Want To Be A Student Now: An Open Letter To Margaret Wente"
    )
    assert ref.year == 2017


@pytest.mark.parametrize(
    "text",
    [
        # a statistics body's reports read on its site (the forty-fifth grey set's form)
        "Australian Institute of Health and Welfare 2021. Cancer in Australia 2021. Cat. no. "
        "CAN 144, Accessed: October 2022; https://www.aihw.gov.au/reports/cancer/"
        "cancer-in-australia-2021",
        "Australian Institute of Health and Welfare. (2023). Heart, stroke and vascular "
        "disease: Australian facts. Retrieved from https://www.aihw.gov.au/reports/"
        "heart-stroke-vascular-diseases/hsvd-facts",
    ],
)
def test_a_government_bodys_report_read_on_its_site(text: str) -> None:
    assert parse_reference(text).kind is Kind.REPORT


def test_a_government_page_that_is_no_report_stays_a_page() -> None:
    ref = parse_reference(
        "Healthdirect. Heart attack. Accessed 3 March 2024. https://www.healthdirect.gov.au/"
        "heart-attack"
    )
    assert ref.kind is Kind.WEB_PAGE


def test_a_body_its_bare_year_and_a_comma_australian_style() -> None:
    ref = parse_reference(
        "Australian Institute of Health and Welfare (AIHW) 2023, Heart, stroke and vascular "
        "disease: Australian facts, viewed 30 March 2023, https://www.aihw.gov.au/reports/"
        "heart-stroke-vascular-diseases/hsvd-facts"
    )
    assert ref.authors[0].family == "Australian Institute of Health and Welfare (AIHW)"
    assert (ref.year, ref.accessed) == (2023, "2023-03-30")


def test_a_body_its_bare_year_and_a_title_with_nothing_after() -> None:
    ref = parse_reference("Australian Bureau of Statistics 2023, National Health Survey 2022.")
    assert ref.authors[0].family == "Australian Bureau of Statistics"
    assert (ref.title, ref.year, ref.kind) == ("National Health Survey 2022", 2023, Kind.REPORT)
