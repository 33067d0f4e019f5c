"""MLA 7's medium and access date, editions, Chicago's facts without a colon, stops without a
space, and addresses that tell what a work is not.

The entries are written for these tests after the forms of the thirty-fourth grey set (student
sites' MLA 7, a library exhibit's captions, a nutrition app's hand-typed list); the works are
real, the addresses' paths made up.
"""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference


@pytest.mark.parametrize(
    ("text", "year", "accessed"),
    [
        ('"Choking: First Aid." Mayo Clinic. N.p., n.d. Web. 12 Jan. 2017.', None, "2017-01-12"),
        (
            'Lowrey, Annie. "Homeless Rates Held Level Amid Recession." The New York Times. '
            "The New York Times, 10 Dec. 2012. Web. 02 Apr. 2013.",
            2012,
            "2013-04-02",
        ),
    ],
)
def test_mla_7s_web_and_the_day_it_was_read(text: str, year: int | None, accessed: str) -> None:
    ref = parse_reference(text)
    assert (ref.year, ref.accessed) == (year, accessed)  # the day read is never the year
    assert ref.publisher != "N.p"  # MLA's "no publisher"


def test_mla_7s_undated_page() -> None:
    ref = parse_reference('"Choking: First Aid." Mayo Clinic. N.p., n.d. Web. 12 Jan. 2017.')
    assert (ref.kind, ref.title, ref.container) == (
        Kind.WEB_PAGE,
        "Choking: First Aid",
        "Mayo Clinic",
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Skinner, S. (2005). Understanding clinical investigations: a quick reference manual "
            "(Second edition.). Bailliere Tindall.",
            "Understanding clinical investigations: a quick reference manual",
        ),
        (
            "Lee, Vivian S. The Long Fix: Solving America's Health Care Crisis. First edition, "
            "W.W. Norton & Company, 2020.",
            "The Long Fix: Solving America's Health Care Crisis",
        ),
        (
            "Last, J. (2001). A Dictionary of Epidemiology. 4th Edition. Oxford University Press.",
            "A Dictionary of Epidemiology",
        ),
    ],
)
def test_an_edition_is_no_part_of_a_field(text: str, title: str) -> None:
    ref = parse_reference(text)
    assert ref.title == title
    assert "ition" not in (ref.container or "") + (ref.publisher or "")


def test_chicagos_facts_with_a_comma_for_the_colon() -> None:
    ref = parse_reference(
        "Josephine A. Dolan, Nursing in Society: A Historical Perspective, 14th edition "
        "(Philadelphia, Saunders, 1978)."
    )
    assert ref.kind is Kind.BOOK
    assert [a.family for a in ref.authors] == ["Dolan"]
    assert (ref.title, ref.publisher, ref.year) == (
        "Nursing in Society: A Historical Perspective",
        "Saunders",
        1978,
    )
    place = parse_reference(
        "U.S. Surgeon General, “Overweight and Obesity: Health Consequences” (Rockville, MD, 2001)."
    )
    assert place.publisher != "MD"  # a place and its state, no publisher


def test_a_stop_without_a_space_still_ends_a_segment() -> None:
    ref = parse_reference(
        "World Health Organization.BMI classifications. 2006. Retrieved from "
        "http://apps.who.int/bmi/index.jsp?introPage=intro_3.html"
    )
    assert ref.title == "BMI classifications"
    assert [a.family for a in ref.authors] == ["World Health Organization"]
    site = parse_reference('Acne.Org, "Sunscreen and acne"')
    assert "Acne. Org" not in (site.title or "")  # a site's name keeps its stop


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "http://www.brighamandwomens.org/about_bwh/publicaffairs/news/pressreleases/"
            "PressRelease.aspx?PageID=1148",
            Kind.WEB_PAGE,  # "press" in an address is no publisher's
        ),
        (
            "Florence Nightingale, [*Notes on Nursing: What It Is, and What It Is Not*]"
            "(https://bc-primo.hosted.exlibrisgroup.com/permalink/f/abc/ALMA123) "
            "(London: Harrison, 1860).",
            Kind.BOOK,  # a library catalogue's record
        ),
    ],
)
def test_what_an_address_tells(text: str, kind: Kind) -> None:
    assert parse_reference(text).kind is kind
