"""Entries of reading lists and news round-ups (:mod:`acurefs.reference.lists`).

The entries are written for these tests after the forms of the thirtieth grey set (a health
service's bibliotherapy list, a charity's news round-up); the books are real works, the
headlines made up.
"""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference
from acurefs.reference.lists import dated_headline, reading_list_book, title_then_who


@pytest.mark.parametrize(
    ("text", "title", "families", "publisher", "year"),
    [
        (
            "Overcoming Insomnia and Sleep Problems Author Colin Espie, 2006",
            "Overcoming Insomnia and Sleep Problems",
            ["Espie"],
            None,
            2006,
        ),
        (
            "Mind Over Mood Authors Dennis Greenberger & Christine A. Padesky, 2015.",
            "Mind Over Mood",
            ["Greenberger", "Padesky"],
            None,
            2015,
        ),
        (
            "Mind Over Mood by Dennis Greenberger and Christine A. Padesky, Guilford Press, 2015.",
            "Mind Over Mood",
            ["Greenberger", "Padesky"],
            "Guilford Press",
            2015,
        ),
        ("Feeling Good by David D. Burns (1980)", "Feeling Good", ["Burns"], None, 1980),
        (
            "The Body Keeps the Score, by Bessel van der Kolk. Penguin, 2015.",
            "The Body Keeps the Score",
            ["van der Kolk"],
            "Penguin",
            2015,
        ),
        ("Why We Sleep by Matthew Walker", "Why We Sleep", ["Walker"], None, None),
    ],
)
def test_a_reading_lists_book(
    text: str, title: str, families: list[str], publisher: str | None, year: int | None
) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.BOOK
    assert ref.title == title
    assert [a.family for a in ref.authors] == families
    assert (ref.publisher, ref.year) == (publisher, year)


def test_given_names_stay_with_their_family_names() -> None:
    ref = parse_reference("Mind Over Mood Authors Dennis Greenberger & Christine A. Padesky, 2015.")
    assert [(a.family, a.given) for a in ref.authors] == [
        ("Greenberger", "Dennis"),
        ("Padesky", "Christine A."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Multidisciplinary audit by Primary Health Care Teams, 1993",  # a group, not people
        "Deaths by Age Group, Australia 2019",
        "Stand by Me Foundation, 2019",
        "Smith J. Stress induced by Heat Waves. J Therm Biol 2010;35:1-5.",  # a title's "by"
        "“Reading fiction and empathy.” by Jane Doe. 2024.",  # a quoted title: an article's
        "Jones A (2019) Care by Design: A Review. London: King's Fund.",
    ],
)
def test_what_is_not_a_reading_lists_book(text: str) -> None:
    assert reading_list_book(text) is None


@pytest.mark.parametrize(
    ("text", "title", "outlet", "year"),
    [
        (
            "March 3 2021 Night shifts linked to higher blood pressure - The Irish Times",
            "Night shifts linked to higher blood pressure",
            "The Irish Times",
            2021,
        ),
        (
            "12 March 2020: Pandemic declared as cases pass 100,000 - BBC News",
            "Pandemic declared as cases pass 100,000",
            "BBC News",
            2020,
        ),
        (
            "Oct 5  Flu clinics open at the community centre",
            "Flu clinics open at the community centre",
            None,
            None,
        ),
        (
            "Sept 9 2016 Nurses' phone line hears from carers - Wessex Radio (audio)",
            "Nurses' phone line hears from carers",
            "Wessex Radio",
            2016,
        ),
        (
            "Apr 2 2019 Gardening eases loneliness, survey finds - Dorset Echo website",
            "Gardening eases loneliness, survey finds",
            "Dorset Echo",
            2019,
        ),
        (
            "Jun 14 2018 Care home residents try music therapy - University of Kent,113907,en.php",
            "Care home residents try music therapy",
            "University of Kent",
            2018,
        ),
    ],
)
def test_a_news_round_ups_item(text: str, title: str, outlet: str | None, year: int | None) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.NEWS
    assert (ref.title, ref.container, ref.year) == (title, outlet, year)
    assert ref.authors == ()


@pytest.mark.parametrize(
    "text",
    [
        "May 2020 Annual report of the health board",  # a month and year, no day: no item's date
        "Jan 5 2020 Smith J, Jones K. A trial of it. BMJ 2020;368:m1.",  # a source tail after it
        "June 11 2014 Obituary",  # too short for a headline
    ],
)
def test_what_is_not_a_news_round_ups_item(text: str) -> None:
    assert dated_headline(text) is None


def test_a_reading_lists_note_after_the_book_is_no_publisher() -> None:
    ref = parse_reference(
        "Being Mortal: Illness, Medicine and What Matters in the End‘ by Atul Gawande. "
        "Helps families talk about what matters to them at the end."
    )
    assert ref.kind is Kind.BOOK
    assert ref.title == "Being Mortal: Illness, Medicine and What Matters in the End"
    assert [a.family for a in ref.authors] == ["Gawande"]
    assert ref.publisher is None


def test_an_outlet_and_genre_after_the_title() -> None:
    ref = parse_reference(
        "When the Nursing Home Is a Bad Fit: New York Times article by Paula Span. "
        "A reporter follows three families through the move."
    )
    assert ref.kind is Kind.NEWS
    assert (ref.title, ref.container) == ("When the Nursing Home Is a Bad Fit", "New York Times")
    assert [a.family for a in ref.authors] == ["Span"]


def test_an_articles_by_after_its_authors_is_no_reading_list() -> None:
    text = (
        "Cho SG, Cui J, Kim D. A procedure for response spectra based on model identification "
        "by Impact Testing. Journal of Nuclear Engineering Technology. Korean Nuclear Society. "
        "2011;43(6):573-582."
    )
    assert reading_list_book(text) is None
    assert parse_reference(text).kind is Kind.JOURNAL_ARTICLE


@pytest.mark.parametrize(
    ("text", "title", "outlet", "year"),
    [
        (
            "Contact tracing app trial to begin on the Isle of Wight, **BBC**, 4 May 2020, "
            "[link](https://www.bbc.co.uk/news/technology-52532435).",
            "Contact tracing app trial to begin on the Isle of Wight",
            "BBC",
            2020,
        ),
        (
            "Ministers back ‘test, trace and isolate’ plans, **Research Professional News**",
            "Ministers back ‘test, trace and isolate’ plans",
            "Research Professional News",
            None,
        ),
        (
            "NHS launches its test-and-trace system, **Financial Times** (print edition), "
            "28 May 2020.",
            "NHS launches its test-and-trace system",
            "Financial Times",
            2020,
        ),
    ],
)
def test_a_press_pages_item(text: str, title: str, outlet: str, year: int | None) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.NEWS
    assert (ref.title, ref.container, ref.year) == (title, outlet, year)


def test_a_quoted_title_and_its_writer_is_no_press_pages_item() -> None:
    ref = parse_reference("'Up to no good', Bruce Munro, Otago Daily Times, 19 August 2019.")
    assert ref.title == "Up to no good"
    assert [a.family for a in ref.authors] == ["Munro"]


@pytest.mark.parametrize(
    ("text", "title", "who", "year"),
    [
        (
            "Compassion in Practice (CNO England 2012)",
            "Compassion in Practice",
            "CNO England",
            2012,
        ),
        (
            "Principles of Nursing Practice: (RCN 2010)",
            "Principles of Nursing Practice",
            "RCN",
            2010,
        ),
        (
            "The Vale of Leven Hospital Inquiry (The Rt.Hon. Lord Maclean 2014)",
            "The Vale of Leven Hospital Inquiry",
            "Maclean",
            2014,
        ),
        ("More Care Less Pathway – Neuberger (2013)", "More Care Less Pathway", "Neuberger", 2013),
        (
            "Dying without dignity: an investigation of complaints about end of life care (May 2015)",
            "Dying without dignity: an investigation of complaints about end of life care",
            None,
            2015,
        ),
    ],
)
def test_a_title_then_who_issued_it(text: str, title: str, who: str | None, year: int) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.year) == (title, year)
    assert [a.family for a in ref.authors] == ([who] if who else [])


@pytest.mark.parametrize(
    "text",
    [
        "Orr, J.B., Food, Health and Income, Macmillan (London, 1937)",
        "G.A. Grabowski, Lancet 372, 1263 (2008)",
        "John Piper, A Hunger for God (Wheaton, IL: Crossway, 1997).",
        "Americans are fat, and expected to get a lot fatter -- MPR (17 November 2011)",
    ],
)
def test_what_is_not_a_title_then_who(text: str) -> None:
    assert title_then_who(text) is None
