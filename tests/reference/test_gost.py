"""References in the Russian standard's form (GOST), in Cyrillic and transliterated.

The entries are written for these tests after the forms of the twenty-eighth grey set
(Belarusian and Bulgarian lists); the bibliographic facts are real works'.
"""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference
from acurefs.reference.gost import from_gost


def test_a_book_with_its_pages_cited() -> None:
    ref = parse_reference(
        "Шахотько Л.П. Рождаемость в Белоруссии. Минск: Наука и техника, 1975. С. 145."
    )
    assert ref.kind is Kind.BOOK
    assert [a.family for a in ref.authors] == ["Шахотько"]
    assert ref.title == "Рождаемость в Белоруссии"
    assert ref.publisher == "Наука и техника"
    assert ref.year == 1975


def test_a_book_with_its_statement_of_authors_and_page_count() -> None:
    ref = parse_reference(
        "Shahotko, L.P. Model demograficheskogo razvitiya Respubliki Belarus / L.P. Shahotko. "
        "– Minsk: Belaruskaya navuka, 2009. – 439 s."
    )
    assert ref.kind is Kind.BOOK
    assert [a.family for a in ref.authors] == ["Shahotko"]
    assert ref.title == "Model demograficheskogo razvitiya Respubliki Belarus"
    assert (ref.publisher, ref.year) == ("Belaruskaya navuka", 2009)


def test_authors_after_the_title_and_an_editor() -> None:
    ref = parse_reference(
        "Демографическое развитие и трудовые ресурсы / Раков А.А., Ткаченко С.С. и др.; "
        "Минск: Наука и техника, 1988. С. 29."
    )
    assert [a.family for a in ref.authors] == ["Раков", "Ткаченко"]
    assert ref.authors_truncated
    assert ref.title == "Демографическое развитие и трудовые ресурсы"
    edited = parse_reference(
        "Антонов А.И. Демографические процессы в России XXI века / Под ред. Антонова А.И. "
        "М.: Грааль, 2002. С. 93-103."
    )
    assert [a.family for a in edited.authors] == ["Антонов"]
    assert edited.title == "Демографические процессы в России XXI века"
    assert (edited.kind, edited.publisher, edited.year) == (Kind.BOOK, "Грааль", 2002)


@pytest.mark.parametrize(
    ("text", "journal", "numbers"),
    [
        (
            "Mullan F. Community-oriented primary care: an agenda for the 80’s "
            "// N. Engl. J. Med.-1982.",
            "N. Engl. J. Med",
            (1982, None, None, None),
        ),
        (
            "Иванов И.И. Заболеваемость туберкулезом в России // Проблемы туберкулеза. – 2010. "
            "– Т. 88, № 2. – С. 10–15.",
            "Проблемы туберкулеза",
            (2010, "88", "2", "10-15"),
        ),
    ],
)
def test_an_article_in_the_journal_after_two_slashes(
    text: str, journal: str, numbers: tuple[object, ...]
) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.JOURNAL_ARTICLE
    assert ref.journal == journal
    assert "//" not in (ref.title or "")
    assert (ref.year, ref.volume, ref.issue, ref.pages) == numbers


@pytest.mark.parametrize(
    "text",
    [
        "Smith J. HIV / AIDS in Europe. London: Penguin, 2002.",
        "World Health Organization. Obesity. https://www.who.int/a//b (accessed 2020).",
        "Doe J. Pain relief. BMJ 2010;340:c1.",
    ],
)
def test_other_entries_are_left_as_they_are(text: str) -> None:
    assert from_gost(" ".join(text.split())) == text
