"""Forms the fortieth grey set showed, written here as other works: addresses in angle
brackets, dead-link remarks, pinpoint locators, statistics catalogue numbers, a document's
genre said on its own, NLM's closing ``[Internet]`` and deposits in repositories."""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference


def test_an_address_in_angle_brackets_leaves_nothing_behind() -> None:
    # MJA and older Vancouver lists print "<http://...>".
    ref = parse_reference(
        "Australian Health Ministers. National mental health plan 2003-2008. Canberra: AGPS, "
        "2003. <http://www.health.gov.au/plan.pdf> (accessed Jun 2004)."
    )
    assert (ref.title, ref.publisher, ref.url) == (
        "National mental health plan 2003-2008",
        "AGPS",
        "http://www.health.gov.au/plan.pdf",
    )
    assert ref.container is None
    assert ref.kind is Kind.REPORT
    # A DOI's address in angle brackets: the brackets go with it.
    ref = parse_reference(
        "Smith J, Lee K. Study protocol for a walking trial. 2023 [cited 2023 Jan 31] "
        "<https://doi.org/10.5281/zenodo.1234567>"
    )
    assert ref.title == "Study protocol for a walking trial"
    assert ref.container is None
    assert ref.journal is None


def test_a_dead_links_remark_after_the_access_date() -> None:
    ref = parse_reference(
        "Stepping Out Newsletter. March 2003. Available at <http://www.example.org/b.asp>. "
        "Accessed 3 April 2004, no longer available."
    )
    assert ref.accessed == "2004-04-03"
    assert ref.container is None
    assert ref.title == "Stepping Out Newsletter"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("SACN (2015) Carbohydrates and Health; p.31, para 4.5", "Carbohydrates and Health"),
        ("NICE (2019) Hypertension in adults, p. 12", "Hypertension in adults"),
        (
            "WHO (2015) Guideline: sugars intake for adults, pp. 4-6",
            "Guideline: sugars intake for adults",
        ),
    ],
)
def test_where_the_writer_cited_in_the_work_is_no_part_of_its_title(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_a_statistics_offices_catalogue_number() -> None:
    for text in (
        "Australian Bureau of Statistics. (2015). National Aboriginal and Torres Strait Islander "
        "Social Survey, 2014-15. Cat. no. (4714.0) Canberra: ABS",
        "Australian Bureau of Statistics. National Health Survey: first results, 2017-18. ABS "
        "cat. no. 4364.0.55.001. Canberra: ABS, 2018.",
    ):
        ref = parse_reference(text)
        assert (ref.kind, ref.container or ref.publisher) == (Kind.REPORT, "ABS"), text


def test_a_documents_genre_said_on_its_own_is_no_site() -> None:
    ref = parse_reference(
        "Department of National Treasury. Taxation of sugar-sweetened beverages. Policy Paper. "
        "Pretoria: National Treasury, 2016."
    )
    assert (ref.title, ref.container or ref.publisher, ref.kind) == (
        "Taxation of sugar-sweetened beverages",
        "National Treasury",
        Kind.REPORT,
    )
    # "A position statement of ..." says what the work is: a guideline.
    ref = parse_reference(
        "Australian Diabetes Society. A new blood glucose management algorithm for type 2 "
        "diabetes. A position statement of the Australian Diabetes Society. Australia: "
        "Australian Diabetes Society, 2014. [Online] (accessed 23 March 2015)."
    )
    assert ref.kind is Kind.GUIDELINE
    assert ref.container is None
    assert ref.publisher == "Australian Diabetes Society"


def test_nlms_internet_mark_closing_the_entry_still_marks_the_title() -> None:
    # "Body. Title [Internet]. [cited ...]. URL": once the access date and the address are
    # read off, [Internet] closes the entry; it still says which segment is the title.
    ref = parse_reference(
        "Open Knowledge Foundation. CKAN [Internet]. [cited 2023 May 9]. <https://ckan.org/>"
    )
    assert [p.family for p in ref.authors] == ["Open Knowledge Foundation"]
    assert (ref.title, ref.container) == ("CKAN", None)
    ref = parse_reference("OpenAIRE. Argos [Internet]. [cited 2023 May 9].")
    assert [p.family for p in ref.authors] == ["OpenAIRE"]
    assert ref.title == "Argos"


def test_a_deposit_in_a_repository_is_no_journal_article() -> None:
    # Zenodo's DOI (10.5281) names a deposited protocol or plan, not an article.
    ref = parse_reference(
        "Lopez M, Berg N, Haas F. EU-HEALTH - WP3 - Data Management Plan. 2023 [cited 2023 "
        "Feb 22]; <https://doi.org/10.5281/zenodo.7572373>"
    )
    assert ref.kind is Kind.REPORT
    assert ref.title == "EU-HEALTH - WP3 - Data Management Plan"
    assert ref.journal is None
    assert ref.doi == "10.5281/zenodo.7572373"
    # A journal's DOI still reads as its article.
    ref = parse_reference("Smith J. Acupuncture for pain. BMJ. 2017;357:j1. doi:10.1136/bmj.j1")
    assert ref.kind is Kind.JOURNAL_ARTICLE


def test_et_all_is_a_slip_for_et_al() -> None:
    ref = parse_reference(
        "Smith J, Jones K, et all. Acupuncture for chronic pain. BMJ 2017;357:j1."
    )
    assert ref.authors_truncated
    assert [p.family for p in ref.authors] == ["Smith", "Jones"]
    assert ref.title == "Acupuncture for chronic pain"
    # "all" as a word stays one.
    ref = parse_reference("Patel R. Vaccines for all. Lancet 2021;397:1.")
    assert ref.title == "Vaccines for all"


def test_a_quoted_title_and_who_wrote_it() -> None:
    # The forty-first set's form, written for this test: '"Title" by Body, date, address'.
    ref = parse_reference(
        '"5 Myths About Sunscreen" by Health Promotion Board, 3 May 2021, https://www.example.sg'
    )
    assert [(p.family, p.collective) for p in ref.authors] == [("Health Promotion Board", True)]
    assert (ref.title, ref.year) == ("5 Myths About Sunscreen", 2021)
    ref = parse_reference('"Sleep and you" by Mary Jones, 2021, https://www.example.org/sleep')
    assert [(p.family, p.given) for p in ref.authors] == [("Jones", "Mary")]
    assert ref.title == "Sleep and you"
