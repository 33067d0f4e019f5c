"""Organisations that wrote journal articles, pages cited by their browser tab's title, the
word for no author, and a bracket left open before an access date.

The entries are written for these tests after the forms of the thirty-eighth grey set (a
continuing-education course's list, a dietetics guideline's list, a state health
department's course, a baby-record's resource links, a journal article's New Zealand
sources); the works are real.
"""

from __future__ import annotations

import pytest

from acurefs import Kind, parse_reference


@pytest.mark.parametrize(
    ("text", "author", "title", "journal", "year"),
    [
        (
            "American Diabetes Association (ADA). Classification and diagnosis of diabetes. "
            "Diabetes Care 2016;39(Suppl 1):S13-S22.",
            "American Diabetes Association (ADA)",
            "Classification and diagnosis of diabetes",
            "Diabetes Care",
            2016,
        ),
        (
            "American Academy of Pediatrics, Committee on Nutrition. (2001). The use and misuse "
            "of fruit juice in pediatrics. Pediatrics, 107(5), 1210-1213.",
            "American Academy of Pediatrics, Committee on Nutrition",
            "The use and misuse of fruit juice in pediatrics",
            "Pediatrics",
            2001,
        ),
        (
            "American Academy of Pediatrics. (2012). Breastfeeding and the use of human milk. "
            "Pediatrics, 129(3), e827-e841.",
            "American Academy of Pediatrics",
            "Breastfeeding and the use of human milk",
            "Pediatrics",
            2012,
        ),
        (
            "Centers for Disease Control and Prevention (2011). Vital signs: current cigarette "
            "smoking among adults aged 18 years and older. MMWR, 60(35), 1207-1212.",
            "Centers for Disease Control and Prevention",
            "Vital signs: current cigarette smoking among adults aged 18 years and older",
            "MMWR",
            2011,
        ),
    ],
)
def test_an_organisation_with_its_acronym_unit_or_year_wrote_the_article(
    text: str, author: str, title: str, journal: str, year: int
) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.JOURNAL_ARTICLE
    assert [(p.family, p.collective) for p in ref.authors] == [(author, True)]
    assert (ref.title, ref.journal, ref.year) == (title, journal, year)


@pytest.mark.parametrize(
    ("text", "title", "site", "kind"),
    [
        (
            "Healthy eating for children - Dietitians of Canada",
            "Healthy eating for children",
            "Dietitians of Canada",
            Kind.WEB_PAGE,
        ),
        (
            "Teething: What to do - Canadian Paediatric Society - Caring for Kids",
            "Teething: What to do",
            "Caring for Kids",
            Kind.WEB_PAGE,
        ),
        (
            "Is my baby getting enough milk? – Raising Children Network",
            "Is my baby getting enough milk?",
            "Raising Children Network",
            Kind.WEB_PAGE,
        ),
        ("Back pain - NHS", "Back pain", "NHS", Kind.WEB_PAGE),
        (
            "Safe sleep guidance for infants | Public Health Agency of Canada",
            "Safe sleep guidance for infants",
            "Public Health Agency of Canada",
            Kind.GUIDELINE,
        ),
    ],
)
def test_a_page_cited_by_its_tabs_title(text: str, title: str, site: str, kind: Kind) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.container, ref.kind) == (title, site, kind)
    assert ref.authors == ()


@pytest.mark.parametrize(
    "text",
    [
        "Vitamin D - Health Professional Fact Sheet",  # the part after the dash names a document
        "COVID-19 vaccines - What You Need To Know",  # ... or asks a question
        "Sleep in children - a review of 2019 evidence",  # a lower-case part, and a year
    ],
)
def test_a_dash_inside_a_title_names_no_site(text: str) -> None:
    ref = parse_reference(text)
    assert ref.container is None
    assert ref.title == text


@pytest.mark.parametrize(
    ("text", "title", "journal"),
    [
        (
            "Anon. ISMP Medication Safety Alert!, 2007;12:1-2.",
            None,
            "ISMP Medication Safety Alert!",
        ),
        (
            "Anonymous. Acupuncture for back pain. Lancet 2001;357:1.",
            "Acupuncture for back pain",
            "Lancet",
        ),
        (
            "[Anonymous]. Acupuncture for back pain. Lancet 2001;357:1.",
            "Acupuncture for back pain",
            "Lancet",
        ),
    ],
)
def test_anon_is_no_author_and_no_title(text: str, title: str | None, journal: str) -> None:
    ref = parse_reference(text)
    assert ref.authors == ()
    assert (ref.title, ref.journal) == (title, journal)


def test_a_bracket_left_open_before_an_access_date_is_no_title() -> None:
    ref = parse_reference(
        "Statistics New Zealand. 2007. QuickStats about Maori. Available from:[accessed 7 "
        "November 2009."
    )
    assert ref.title == "QuickStats about Maori"
    assert ref.accessed == "2009-11-07"
    assert "[" not in (ref.container or "")
    ref = parse_reference("Te Wherowhero, Potatau. Available from:[accessed 18 August 2010.")
    assert ref.title is not None
    assert "[" not in ref.title


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            "Sorrenson MPK, ed. Na to hoa aroha: from your dear friend. Auckland: Auckland "
            "University Press; 1986.",
            "Na to hoa aroha: from your dear friend",
            "Auckland University Press",
        ),
        (
            "Dew K, Davis P, eds. Health and society in Aotearoa New Zealand. Auckland: Oxford "
            "University Press; 2005.",
            "Health and society in Aotearoa New Zealand",
            "Oxford University Press",
        ),
    ],
)
def test_the_editors_role_after_their_names_is_no_title(
    text: str, title: str, publisher: str
) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.BOOK
    assert (ref.authors[0].family, ref.title, ref.publisher) == (
        text.split()[0],
        title,
        publisher,
    )


def test_a_home_made_volume_and_pages_after_the_journal() -> None:
    # "Pediatrics. Vol. 116:1036-1046.": the volume's word is no journal.
    ref = parse_reference(
        "American Academy of Pediatrics, Committee on Environmental Health. (2005). Lead "
        "exposure in children: prevention, detection, and management. Pediatrics. Vol. "
        "116:1036-1046."
    )
    assert (ref.journal, ref.volume, ref.pages, ref.year) == (
        "Pediatrics",
        "116",
        "1036-1046",
        2005,
    )


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "Australian Institute of Health and Welfare (AIHW) 2020. Alcohol, tobacco and other "
            "drugs in Australia. Canberra: AIHW.",
            "Australian Institute of Health and Welfare (AIHW)",
        ),
        (
            "Organisation for Economic Co-operation and Development (OECD) 2021. Health at a "
            "Glance 2021: OECD Indicators. Paris: OECD Publishing.",
            "Organisation for Economic Co-operation and Development (OECD)",
        ),
    ],
)
def test_a_body_its_acronym_and_its_year_before_a_stop(text: str, author: str) -> None:
    # Australia's agencies' Harvard: "Body (ABBR) 2020. Title".
    ref = parse_reference(text)
    assert [(p.family, p.collective) for p in ref.authors] == [(author, True)]
    assert ref.year in (2020, 2021)


@pytest.mark.parametrize(
    ("text", "journal", "kind"),
    [
        (
            "Bearer CF, O'Riordan MA, et al. Lead exposure from blood transfusion to premature "
            "infants. J Pediatr.",
            "J Pediatr",
            Kind.JOURNAL_ARTICLE,
        ),
        (
            "Smith J. Acupuncture for neck pain. Acta Paediatr.",
            "Acta Paediatr",
            Kind.JOURNAL_ARTICLE,
        ),
        # Not a journal's name alone: nothing is vouched for.
        ("Smith J. Acupuncture for neck pain. Why it works.", None, Kind.UNKNOWN),
        ("Smith J. Acupuncture for neck pain. Why it works, 1 of 2.", None, Kind.UNKNOWN),
        # A volume and an issue vouch for it: APA's tail with the article number left out.
        (
            "Hiltz SR. Learning networks. Journal of Learning Networks, 1 (1).",
            "Journal of Learning Networks",
            Kind.JOURNAL_ARTICLE,
        ),
    ],
)
def test_a_journals_name_alone_after_the_title(text: str, journal: str | None, kind: Kind) -> None:
    # A hospital page's list that kept only the journal's abbreviation, no year or volume.
    ref = parse_reference(text)
    assert (ref.journal, ref.kind) == (journal, kind)


@pytest.mark.parametrize(
    ("text", "title", "family", "publisher", "year"),
    [
        # A pet-loss reading list's books: the title, a dash, the authors as APA prints them
        # (the thirty-ninth grey set's form; the entries are written for this test).
        (
            "Coping with sorrow on the loss of your pet (3rd ed.) – Anderson, M. (1996). US: "
            "DogEar Publishing.",
            "Coping with sorrow on the loss of your pet",
            "Anderson",
            "DogEar Publishing",
            1996,
        ),
        (
            "Pet loss – a guide for owners – Smith, J. and Jones, K. (2010). London: Kennel Books.",
            "Pet loss – a guide for owners",
            "Smith",
            "Kennel Books",
            2010,
        ),
        # A bookseller's line: "Title by Given and Given Family, Publisher, ISBN (Year)".
        (
            "Goodbye My Friend by Herb and Mary Montgomery, Montgomery Press, ISBN 1879779005 "
            "(2001)",
            "Goodbye My Friend",
            "Montgomery",
            "Montgomery Press",
            2001,
        ),
        (
            "Pets Living with Cancer by Robin Downing, DVM, American Animal Hospital "
            "Association, ISBN 1583260226 (April, 2000)",
            "Pets Living with Cancer",
            "Downing",
            "American Animal Hospital Association",
            2000,
        ),
    ],
)
def test_a_reading_lists_book_titled_first(
    text: str, title: str, family: str, publisher: str, year: int
) -> None:
    ref = parse_reference(text)
    assert ref.kind is Kind.BOOK
    assert (ref.title, ref.authors[0].family, ref.publisher, ref.year) == (
        title,
        family,
        publisher,
        year,
    )


def test_a_couple_shares_a_family_name() -> None:
    ref = parse_reference("Goodbye My Friend by Herb and Mary Montgomery (2001)")
    assert [(p.given, p.family) for p in ref.authors] == [
        ("Herb", "Montgomery"),
        ("Mary", "Montgomery"),
    ]


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (
            "Guidance on Oesophageal Manometry in Singapore (by Chapter of Gastroenterologists, "
            "College of Physicians, Singapore)",
            "Guidance on Oesophageal Manometry in Singapore",
            "Chapter of Gastroenterologists, College of Physicians, Singapore",
        ),
        (
            "Thromboembolism in Pregnancy, Recommendations for Prevention (Joint Consensus "
            "Statement by College of Obstetricians & Gynaecologists, Singapore and Singapore "
            "Cardiac Society)",
            "Thromboembolism in Pregnancy, Recommendations for Prevention",
            "College of Obstetricians & Gynaecologists, Singapore",
        ),
    ],
)
def test_a_title_then_the_body_that_issued_it_in_parentheses(
    text: str, title: str, body: str
) -> None:
    # A college's list of its guidelines (the thirty-ninth grey set's form).
    ref = parse_reference(text)
    assert ref.title == title
    assert [(p.family, p.collective) for p in ref.authors] == [(body, True)]
    assert ref.kind is Kind.GUIDELINE


def test_a_person_in_parentheses_after_a_title_is_no_body() -> None:
    assert parse_reference("Mindfulness for beginners (by Jon Kabat-Zinn)").authors == ()


@pytest.mark.parametrize(
    ("text", "author", "year", "accessed"),
    [
        # A consumer explainer's sources (the thirty-ninth grey set's form; the entries are
        # written for this test): the year, then the day the page was read in parentheses.
        (
            'Sleep Foundation. "How Much Sleep Do We Need?" 2020 (Mar. 3, 2021)',
            "Sleep Foundation",
            2020,
            "2021-03-03",
        ),
        ('"Hospice Benefits." 2019 (Feb. 18, 2021)', None, 2019, "2021-02-18"),
        (
            'Hospice Foundation (HF). "Facts and Figures." 2015 edition (June 2, 2017)',
            "Hospice Foundation (HF)",
            2015,
            "2017-06-02",
        ),
    ],
)
def test_a_year_then_the_day_the_page_was_read(
    text: str, author: str | None, year: int, accessed: str
) -> None:
    ref = parse_reference(text)
    assert (ref.kind, ref.year, ref.accessed) == (Kind.WEB_PAGE, year, accessed)
    assert (ref.authors[0].family if ref.authors else None) == author
    assert ref.container is None


def test_a_news_items_date_in_parentheses_is_no_access_date() -> None:
    # No year before it, no quoted title: a publication date, as before.
    ref = parse_reference("Smith J. Sleep and memory. The Guardian (March 3, 2020)")
    assert ref.accessed is None
