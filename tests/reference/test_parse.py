"""Reference parsing: one printed reference in, fields out; never raises, never loses the input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acurefs import Kind, parse_reference
from acurefs.reference.parse import split_pages

# (raw, expected fields); "authors" lists Vancouver forms of the people.
CASES = [
    pytest.param(
        "Chen L, Michalsen A. Management of Chronic Pain Using Complementary and Integrative "
        "Medicine. BMJ. 2017;357:j1284.",
        {
            "authors": ["Chen L", "Michalsen A"],
            "title": "Management of Chronic Pain Using Complementary and Integrative Medicine",
            "journal": "BMJ",
            "year": 2017,
            "volume": "357",
            "article_number": "j1284",
            "first_page": None,
            "kind": Kind.JOURNAL_ARTICLE,
        },
        id="vancouver-e-locator-bmj",
    ),
    pytest.param(
        "Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, subacute, and "
        "chronic low back pain: a clinical practice guideline from the American College of Physicians. "
        "Annals of internal medicine. 2017;166(7):514-530.",
        {
            "authors": ["Qaseem A", "Wilt TJ", "McLean RM", "Forciea MA"],
            "journal": "Annals of internal medicine",
            "year": 2017,
            "volume": "166",
            "issue": "7",
            "pages": "514-530",
            "first_page": "514",
            "last_page": "530",
        },
        id="vancouver-full",
    ),
    pytest.param(
        "Lee J-H, Choi T-Y, Lee MS, Lee H, Shin B-C, Lee H. Acupuncture for acute low back pain: "
        "a systematic review. Clinical journal of pain. 2013;29(2):172-185.",
        {"authors": ["Lee J-H", "Choi T-Y", "Lee MS", "Lee H", "Shin B-C", "Lee H"], "issue": "2"},
        id="vancouver-hyphenated-initials",
    ),
    pytest.param(
        "Yuan J, Purepong N, Kerr DP, Park J, Bradbury I, McDonough S. Effectiveness of acupuncture "
        "for low back pain: a systematic review. Spine. 2008;33(23):E887-E900.",
        {"first_page": "E887", "last_page": "E900", "journal": "Spine"},
        id="vancouver-lettered-pages",
    ),
    pytest.param(
        "Han D-G, Koh W, Shin J-S, et al. Cervical surgery rate in neck pain patients with and without "
        "acupuncture treatment: a retrospective cohort study. Acupuncture in Medicine. 2019;37(5):268-276.",
        {"authors": ["Han D-G", "Koh W", "Shin J-S"], "authors_truncated": True},
        id="vancouver-et-al",
    ),
    pytest.param(
        "Li J, Li YX, Luo LJ. The effectiveness and safety of acupuncture for knee osteoarthritis: An "
        "overview of systematic reviews. Medicine (Baltimore). 2019;98(28):e16301.",
        {"journal": "Medicine (Baltimore)", "issue": "28", "article_number": "e16301"},
        id="vancouver-journal-with-parenthesis",
    ),
    pytest.param(
        "Kim M-R, Shin J-S, Lee J, et al. Safety of acupuncture and pharmacopuncture in 80,523 "
        "musculoskeletal disorder patients. Medicine. 2016;95(18).",
        {"volume": "95", "issue": "18", "pages": None, "article_number": None, "year": 2016},
        id="vancouver-no-pages",
    ),
    pytest.param(
        "Witt CM, Jena S. Acupuncture for patients with chronic neck pain. Pain. 2006;125(1-2):98-106.",
        {"issue": "1-2", "first_page": "98", "last_page": "106", "journal": "Pain"},
        id="vancouver-issue-range",
    ),
    pytest.param(
        "Qaseem A, Wilt TJ, Forciea MA; Clinical Guidelines Committee of the American College of "
        "Physicians. Noninvasive treatments for low back pain. Ann Intern Med. 2017 Apr 4;166(7):514-30. "
        "doi: 10.7326/M16-2367. Epub 2017 Feb 14. PMID: 28192789.",
        {
            "authors": [
                "Qaseem A",
                "Wilt TJ",
                "Forciea MA",
                "Clinical Guidelines Committee of the American College of Physicians",
            ],
            "title": "Noninvasive treatments for low back pain",
            "journal": "Ann Intern Med",
            "last_page": "530",
            "doi": "10.7326/m16-2367",
            "pmid": "28192789",
        },
        id="pubmed-style-group-author-doi-pmid",
    ),
    pytest.param(
        "Lorincz A, Nusser Z: Cell-type-dependent molecular composition of the \naxon initial segment. "
        "J Neurosci 2008, 28(53):14329-40.",
        {
            "authors": ["Lorincz A", "Nusser Z"],
            "title": "Cell-type-dependent molecular composition of the axon initial segment",
            "journal": "J Neurosci",
            "year": 2008,
            "last_page": "14340",
        },
        id="bmc",
    ),
    pytest.param(
        "Barold SS, Ilercil A, Herweg B (2008) Echocardiograhic opti-\nmization of the atrioventricular "
        "intervals. Europace 10:88-95",
        {"title": "Echocardiograhic optimization of the atrioventricular intervals", "year": 2008},
        id="springer-hyphenation",
    ),
    pytest.param(
        "Fuligni, A. J. (1998). Authority, autonomy, and parent-adolescent conflict. Developmental "
        "Psychology, 34, 782-792.",
        {
            "authors": ["Fuligni AJ"],
            "journal": "Developmental Psychology",
            "volume": "34",
            "year": 1998,
        },
        id="apa",
    ),
    pytest.param(
        "Smith, J. A., & Jones, B. (2019). A title: with a subtitle. Journal of Things, 12(3), 45–67. "
        "https://doi.org/10.1000/xyz123",
        {"authors": ["Smith JA", "Jones B"], "issue": "3", "doi": "10.1000/xyz123", "url": None},
        id="apa-doi-url",
    ),
    pytest.param(
        "Stringer, J. L., Belaguli, N. S., and Balasubramanyam, A. (2002). Developmental expression of "
        "serum response factor. Brain Res. Dev. Brain Res. 138, 81-86.",
        {"journal": "Brain Res. Dev. Brain Res", "volume": "138", "first_page": "81"},
        id="frontiers-dotted-journal",
    ),
    pytest.param(
        "Lander, E. S. et al. Initial sequencing and analysis of the human genome. Nature 409, 860–921 (2001).",
        {"authors": ["Lander ES"], "authors_truncated": True, "journal": "Nature", "year": 2001},
        id="nature",
    ),
    pytest.param(
        "[Acupuncture and its ability to restore and maintain immune balance](",
        {
            "title": "Acupuncture and its ability to restore and maintain immune balance",
            "url": None,
            "kind": Kind.UNKNOWN,
        },
        id="markdown-link-cut-off",
    ),
    pytest.param(
        "[Acupuncture: How It Works](https://my.clevelandclinic.org/health/treatments/acupuncture)",
        {
            "title": "Acupuncture: How It Works",
            "url": "https://my.clevelandclinic.org/health/treatments/acupuncture",
            "kind": Kind.WEB_PAGE,
        },
        id="markdown-link",
    ),
    pytest.param(
        "https://www.nccih.nih.gov/health/acupuncture-what-you-need-to-know",
        {
            "url": "https://www.nccih.nih.gov/health/acupuncture-what-you-need-to-know",
            "kind": Kind.WEB_PAGE,
        },
        id="bare-url",
    ),
    pytest.param("doi:10.1136/bmj.j1284", {"doi": "10.1136/bmj.j1284"}, id="doi-prefix"),
    pytest.param(
        "https://doi.org/10.1136/BMJ.J1284.",
        {"doi": "10.1136/bmj.j1284", "url": None},
        id="doi-url",
    ),
    pytest.param(
        "http://dx.doi.org/10.1097/MD.0000000000016301",
        {"doi": "10.1097/md.0000000000016301"},
        id="doi-dx",
    ),
    pytest.param(
        "Vickers AJ, et al. Acupuncture for chronic pain. Arch Intern Med. 2012;172(19):1444-53. "
        "PMID: 22965186; PMCID: PMC3658605.",
        {"pmid": "22965186", "pmcid": "PMC3658605", "last_page": "1453"},
        id="pmid-pmcid",
    ),
    pytest.param(
        "Maciocia G. The Foundations of Chinese Medicine. 3rd ed. Edinburgh: Elsevier; 2015.",
        {
            "title": "The Foundations of Chinese Medicine",
            "publisher": "Elsevier",
            "year": 2015,
            "kind": Kind.BOOK,
        },
        id="book",
    ),
    pytest.param(
        "World Health Organization. Acupuncture: review and analysis of reports on controlled clinical "
        "trials. Geneva: WHO; 2002.",
        {"authors": ["World Health Organization"], "kind": Kind.REPORT, "year": 2002},
        id="organisation-author-report",
    ),
    pytest.param(
        "8. Chen L. A title. BMJ. 2017;357:j1284.",
        {"number": 8, "authors": ["Chen L"]},
        id="list-number",
    ),
    pytest.param(
        "Acupuncture: How It Works, Benefits, and Results for Pain. Cleveland Clinic. "
        "https://my.clevelandclinic.org/health/treatments/acupuncture. Accessed May 5, 2024.",
        {
            "title": "Acupuncture: How It Works, Benefits, and Results for Pain",
            "container": "Cleveland Clinic",
            "journal": None,
            "year": None,
            "accessed": "2024-05-05",
            "kind": Kind.WEB_PAGE,
        },
        id="web-page-accessed",
    ),
    pytest.param(
        "National Collaboration for Youth (2004). Youth development worker competencies. Retrieved "
        "on April 19, 2007 from http://www.nydic.org/nydic/staffing/profdevelopment.htm.",
        {"year": 2004, "url": "http://www.nydic.org/nydic/staffing/profdevelopment.htm"},
        id="retrieved-on",
    ),
    pytest.param(
        "Lu, M.C. and N. Halfon, Racial and ethnic disparities in birth outcomes: a life-course "
        "perspective. Matern Child Health J, 2003. 7(1): p. 13-30.",
        {
            "authors": ["Lu MC", "Halfon N"],
            "title": "Racial and ethnic disparities in birth outcomes: a life-course perspective",
        },
        id="harvard-and-given-first",
    ),
    pytest.param(
        "Lind, E. Allen, and Tom R. Tyler (1988), The Social Psychology of Procedural Justice.",
        {"authors": ["Lind EA", "Tyler TR"], "year": 1988},
        id="chicago-full-names",
    ),
    pytest.param(
        "Highly cited papers in acupuncture research. Acupunct Med. 2010;28(1):1-5.",
        {"title": "Highly cited papers in acupuncture research", "journal": "Acupunct Med"},
        id="cited-in-title",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_parse_reference_fields(raw: str, expected: dict[str, object]) -> None:
    ref = parse_reference(raw)
    assert ref.raw == raw
    for name, value in expected.items():
        if name == "authors":
            assert [p.vancouver() for p in ref.authors] == value
        else:
            assert getattr(ref, name) == value, name


@pytest.mark.parametrize(
    ("pages", "first", "last"),
    [
        pytest.param("514-30", "514", "530", id="abbreviated"),
        pytest.param("1444-53", "1444", "1453", id="abbreviated-4"),
        pytest.param("98-106", "98", "106", id="full"),
        pytest.param("E887-E900", "E887", "E900", id="lettered"),
        pytest.param("199-9", "199", "199", id="same-page"),
        pytest.param("12", "12", None, id="single"),
        pytest.param("3443 - 3455", "3443", "3455", id="spaced"),
        pytest.param("45–67", "45", "67", id="en-dash"),
    ],
)
def test_split_pages(pages: str, first: str, last: str | None) -> None:
    assert split_pages(pages) == (first, last)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("(((((", id="parens"),
        pytest.param("1.", id="number-only"),
        pytest.param("et al.", id="et-al"),
        pytest.param("[](", id="empty-link"),
        pytest.param("2017;166(7):514-530", id="tail-only"),
        pytest.param("A" * 5000, id="long"),
        pytest.param("Smith J, " * 400 + "Title. J. 2001;1:1.", id="many-authors"),
        # Nothing but the signs of a grey reference: no segment is left for authors.
        "2nd ed.",
        "Available from: [Internet]",
        "accessed Cited [Internet]",
    ],
)
def test_parse_reference_odd_input(raw: str) -> None:
    ref = parse_reference(raw)
    assert ref.raw == raw


_printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF), max_size=300
)
_REFERENCE_PIECES = (
    "Available from:",
    "n.d.",
    "2nd ed.",
    "3rd\nedition",
    "[Internet]",
    "Retrieved\tfrom",
    "Report No. 5",
    "published on May 3",
    "fact sheet",
    "PRESS RELEASE",
    "ISBN 978-0-19",
    "accessed 1 March 2024",
    "[cited 2024 Mar 1]",
    "Smith J,",
    "WHO.",
    "Title.Journal",
    "at:http://x.example",
    "(2019).",
    "J Pain.",
    "2019;12:3-4.",
    "*Italic*",
    "In:",
    "eds.",
    "London: Press;",
    "https://a.example/b",
    "doi:10.1000/x1",
    ",",
    ".",
    ":",
    "(",
    ")",
)
_piece_soup = st.lists(st.sampled_from(_REFERENCE_PIECES), max_size=10).map(" ".join)
"""The words references are made of, in any order: reaches the readers' rarer branches."""


_reference_like = st.builds(
    lambda a, t, j, y, v, p: f"{a} {t}. {j}. {y};{v}:{p}.",
    st.from_regex(
        r"[A-Z][a-z]{1,10} [A-Z]{1,3}(, [A-Z][a-z]{1,10} [A-Z]{1,2}){0,4}\.", fullmatch=True
    ),
    st.from_regex(r"[A-Z][a-z ]{5,60}[a-z]", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){0,2}", fullmatch=True),
    st.integers(1900, 2030),
    st.integers(1, 400),
    st.integers(1, 9000),
)


@given(_printable)
@settings(max_examples=300, deadline=None)
def test_never_raises_and_keeps_raw(text: str) -> None:
    ref = parse_reference(text)
    assert ref.raw == text
    assert ref.year is None or 1600 <= ref.year <= 2099


@given(_piece_soup)
@settings(max_examples=400, deadline=None)
def test_reference_pieces_in_any_order_never_raise(text: str) -> None:
    ref = parse_reference(text)
    assert ref.raw == text


@given(_reference_like)
@settings(max_examples=200, deadline=None)
def test_generated_vancouver_fields_come_from_the_input(text: str) -> None:
    ref = parse_reference(text)
    assert ref.raw == text
    assert ref.authors, text
    spaced = " ".join(text.split())
    for value in (ref.title, ref.journal, ref.volume, ref.first_page):
        assert value is not None, text
        assert value in spaced
    assert ref.year is not None
    assert str(ref.year) in text


@pytest.mark.parametrize(
    ("text", "families", "title", "journal", "numbers"),
    [
        pytest.param(
            "Sung, H.; Ferlay, J.; Bray, F. Global Cancer Statistics 2020: GLOBOCAN Estimates of "
            "Incidence and Mortality. CA Cancer J. Clin. 2021, 71, 209–249. [Google Scholar] "
            "[CrossRef] [PubMed]",
            ["Sung", "Ferlay", "Bray"],
            "Global Cancer Statistics 2020: GLOBOCAN Estimates of Incidence and Mortality",
            "CA Cancer J. Clin",
            (2021, "71", None, "209-249"),
            id="mdpi",
        ),
        pytest.param(
            "Ruan, Y.; Brenner, D.R. Long-term projections of cancer incidence in Canada. Prev. "
            "Med. 2023, 168, 107425.",
            ["Ruan", "Brenner"],
            "Long-term projections of cancer incidence in Canada",
            "Prev. Med",
            (2023, "168", None, None),
            id="mdpi-article-number",
        ),
        pytest.param(
            "Lee, A.; Park, S.; Kim, J. Vitamin D and falls. Nutrients 2020, 12(3), 845.",
            ["Lee", "Park", "Kim"],
            "Vitamin D and falls",
            "Nutrients",
            (2020, "12", "3", "845"),
            id="mdpi-issue",
        ),
    ],
)
def test_acs_and_mdpi_authors_by_semicolons_and_year_volume_pages(
    text: str,
    families: list[str],
    title: str,
    journal: str,
    numbers: tuple[int, str, str | None, str | None],
) -> None:
    # ACS and MDPI (written for this test, in the forty-first grey set's journal entries' form):
    # "Family, I.; Family, I. Title. Journal Year, Volume, Pages."
    ref = parse_reference(text)
    assert [p.family for p in ref.authors] == families
    assert (ref.title, ref.journal) == (title, journal)
    assert (ref.year, ref.volume, ref.issue, ref.pages) == numbers


@pytest.mark.parametrize(
    ("text", "kind", "title", "container", "publisher", "year"),
    [
        pytest.param(
            "Smith, J. Book Title; Springer: Berlin, Germany, 2019.",
            Kind.BOOK,
            "Book Title",
            None,
            "Springer",
            2019,
            id="book",
        ),
        pytest.param(
            "World Health Organization. Global Report on Diabetes; WHO: Geneva, Switzerland, 2016.",
            Kind.REPORT,
            "Global Report on Diabetes",
            None,
            "WHO",
            2016,
            id="report",
        ),
        pytest.param(
            "Smith, J. Chapter title. In Book Title; Jones, K., Ed.; Springer: Berlin, Germany, "
            "2019; pp. 10–20.",
            Kind.CHAPTER,
            "Chapter title",
            "Book Title",
            "Springer",
            2019,
            id="chapter",
        ),
    ],
)
def test_mdpi_books_reports_and_chapters(
    text: str, kind: Kind, title: str, container: str | None, publisher: str, year: int
) -> None:
    # MDPI's "Title; Publisher: City, Country, Year." (the forty-first grey set's form).
    ref = parse_reference(text)
    assert (ref.kind, ref.title, ref.container, ref.publisher, ref.year) == (
        kind,
        title,
        container,
        publisher,
        year,
    )


def test_a_semicolon_inside_a_books_title_is_no_publisher() -> None:
    ref = parse_reference(
        "Cage, John and Joan Retallack. Musicage: Cage Muses on Words; John Cage in "
        "Conversation. Hanover, NH: University Press of New England, 1996."
    )
    assert ref.publisher != "John Cage in Conversation"


def test_a_journal_sites_authors_with_degrees_and_its_month_volume_issue_page_tail() -> None:
    # LWW's journal sites (the thirty-ninth grey set's form, written for this test).
    ref = parse_reference(
        "Lindqvist, Anna T. MD*; Roeder, Jessica BA†; Bergman, Julie MA, ATC† Knee Pain in Young Runners: A "
        "Review, Clinical Journal of Sport Medicine: May 2019 – Volume 29 – Issue 3 – p 201-205"
    )
    assert [p.family for p in ref.authors] == ["Lindqvist", "Roeder", "Bergman"]
    assert ref.title == "Knee Pain in Young Runners: A Review"
    assert (ref.journal, ref.year, ref.volume, ref.issue, ref.pages) == (
        "Clinical Journal of Sport Medicine",
        2019,
        "29",
        "3",
        "201-205",
    )


def test_given_names_ending_on_an_initial_then_the_title() -> None:
    # "Family, Given I." then a capitalised title (LWW's journal sites, the thirty-ninth grey
    # set's form, written for this test): the initial closes the given names.
    ref = parse_reference(
        "Ortega, Maria C MD*; Young, Peter R MD†; Stone, Kurt P MD∥ Treatment and Return After Ankle "
        "Sprains, Clinical Journal of Sport Medicine: June 2010 – Volume 20 – Issue 2 – p 90-95"
    )
    assert [(p.family, p.initials) for p in ref.authors] == [
        ("Ortega", "MC"),
        ("Young", "PR"),
        ("Stone", "KP"),
    ]
    assert ref.title == "Treatment and Return After Ankle Sprains"
    assert ref.journal == "Clinical Journal of Sport Medicine"
