"""Entries of reading lists and news round-ups (:mod:`acurefs.reference.lists`).

The entries are written for these tests after the forms of the thirtieth grey set (a health
service's bibliotherapy list, a charity's news round-up); the books are real works, the
headlines made up.
"""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference
from acurefs.reference.lists import dated_headline, reading_list_book


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
