"""BibTeX export through bibtexparser v2: entry types, keys, names, escaping, round trips."""

from __future__ import annotations

import os
import re
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import acurefs
from acurefs import Kind, Person, Record, Reference, Resolution, Verdict, to_bibtex
from acurefs.export.bibtex import format_person, latex_decode, latex_escape, protect

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "corpus.bib"
UPDATE_GOLDEN = os.environ.get("ACUREFS_UPDATE_GOLDEN") == "1"


def _parse(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return library


def _fields(text: str) -> dict[str, dict[str, str]]:
    return {e.key: {f.key: f.value for f in e.fields} for e in _parse(text).entries}


def _one(reference: Reference) -> tuple[str, str, dict[str, str]]:
    (entry,) = _parse(to_bibtex([reference])).entries
    return entry.entry_type, entry.key, {f.key: f.value for f in entry.fields}


def _article(**fields: object) -> Reference:
    values: dict[str, object] = {
        "raw": "printed",
        "authors": (Person("Chen", initials="L"), Person("Michalsen", initials="A")),
        "title": "Management of chronic pain",
        "journal": "BMJ",
        "year": 2017,
        "kind": Kind.JOURNAL_ARTICLE,
    }
    values.update(fields)
    return Reference(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def corpus() -> acurefs.Corpus:
    return acurefs.load_corpus()


# --- golden file and round trip over the bundled corpus -----------------------------------------


def test_corpus_matches_golden_file(corpus: acurefs.Corpus) -> None:
    text = to_bibtex(corpus.references)
    if UPDATE_GOLDEN:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), (
        "BibTeX output changed; review it and rerun with ACUREFS_UPDATE_GOLDEN=1"
    )


def test_corpus_round_trip(corpus: acurefs.Corpus) -> None:
    library = _parse(to_bibtex(corpus.references))
    entries = library.entries
    assert len(entries) == len(corpus.references) == 13
    assert len({e.key for e in entries}) == 13
    refs = {(r.title or "").casefold(): r for r in corpus.references}
    for entry in entries:
        fields = {f.key: latex_decode(f.value) for f in entry.fields}
        ref = refs[fields["title"].casefold()]
        assert fields["title"] == ref.title
        if ref.journal:
            assert fields["journal"] == ref.journal
        if ref.year:
            assert fields["year"] == str(ref.year)
        if ref.volume:
            assert fields["volume"] == ref.volume
        if ref.issue:
            assert fields["number"] == ref.issue
        if ref.first_page and ref.last_page:
            assert fields["pages"] == f"{ref.first_page}--{ref.last_page}"
        expected_type = "article" if ref.kind is Kind.JOURNAL_ARTICLE else "misc"
        assert entry.entry_type == expected_type


def test_corpus_keys(corpus: acurefs.Corpus) -> None:
    keys = [e.key for e in _parse(to_bibtex(corpus.references)).entries]
    assert keys[5:] == [
        "chen2017management",
        "qaseem2017noninvasive",
        "lee2013acupuncture",
        "yuan2008effectiveness",
        "witt2006acupuncture",
        "han2019cervical",
        "li2019effectiveness",
        "kim2016safety",
    ]
    assert all(re.fullmatch(r"[a-z0-9]+", k) for k in keys)


def test_corpus_authors_and_protection(corpus: acurefs.Corpus) -> None:
    fields = _fields(to_bibtex(corpus.references))
    assert fields["chen2017management"]["author"] == "Chen, L. and Michalsen, A."
    assert fields["chen2017management"]["journal"] == "{BMJ}"
    assert fields["lee2013acupuncture"]["author"].startswith("Lee, J.-H. and Choi, T.-Y.")
    assert fields["han2019cervical"]["author"].endswith(" and others")
    assert fields["yuan2008effectiveness"]["pages"] == "E887--E900"
    assert fields["chen2017management"]["pages"] == "j1284"


# --- entry types and fields ---------------------------------------------------------------------


def test_journal_article_with_identifiers() -> None:
    ref = _article(
        volume="357",
        issue="7",
        first_page="514",
        last_page="530",
        doi="10.1136/bmj.j1284",
        pmid="28438745",
        pmcid="PMC5399875",
        url="https://www.bmj.com/content/357/bmj.j1284",
    )
    entry_type, key, fields = _one(ref)
    assert (entry_type, key) == ("article", "chen2017management")
    assert fields == {
        "author": "Chen, L. and Michalsen, A.",
        "title": "Management of chronic pain",
        "journal": "{BMJ}",
        "year": "2017",
        "volume": "357",
        "number": "7",
        "pages": "514--530",
        "doi": "10.1136/bmj.j1284",
        "pmid": "28438745",
        "pmcid": "PMC5399875",
        "url": "https://www.bmj.com/content/357/bmj.j1284",
    }


def test_web_page_is_online_with_url() -> None:
    # A web page is biblatex's and pandoc's @online (the issue on real-world input); it was @misc.
    ref = Reference(
        raw="printed",
        title="Acupuncture: how it works",
        journal="Cleveland Clinic",
        year=2023,
        url="https://my.clevelandclinic.org/health/treatments/4767-acupuncture",
        kind=Kind.WEB_PAGE,
    )
    entry_type, key, fields = _one(ref)
    assert entry_type == "online"
    assert key == "acupuncture2023how"
    assert fields["url"] == "https://my.clevelandclinic.org/health/treatments/4767-acupuncture"
    assert fields["howpublished"] == "Cleveland Clinic"
    assert "journal" not in fields


def test_book() -> None:
    ref = Reference(
        raw="printed",
        authors=(Person("Deadman", initials="P"),),
        title="A manual of acupuncture",
        publisher="Journal of Chinese Medicine Publications",
        year=2007,
        kind=Kind.BOOK,
    )
    entry_type, key, fields = _one(ref)
    assert (entry_type, key) == ("book", "deadman2007manual")
    assert fields["publisher"] == "Journal of Chinese Medicine Publications"
    assert fields["author"] == "Deadman, P."


def test_article_number_as_pages() -> None:
    _, _, fields = _one(_article(article_number="e16301"))
    assert fields["pages"] == "e16301"


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        pytest.param("514-530", "514--530", id="hyphen"),
        pytest.param("514–530", "514--530", id="en-dash"),
        pytest.param("514 - 530", "514--530", id="spaced"),
        pytest.param("514", "514", id="single"),
    ],
)
def test_pages_use_double_dash(pages: str, expected: str) -> None:
    _, _, fields = _one(_article(pages=pages))
    assert fields["pages"] == expected


def test_entry_with_nothing_readable_keeps_the_raw_text() -> None:
    entry_type, key, fields = _one(Reference(raw="A 50% cut & paste"))
    assert (entry_type, key) == ("misc", "ref")
    assert fields == {"note": r"A 50\% cut \& paste"}


def test_no_references_no_output() -> None:
    assert to_bibtex([]) == ""


def test_output_ends_with_one_newline(corpus: acurefs.Corpus) -> None:
    text = to_bibtex(corpus.references)
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")


# --- keys ---------------------------------------------------------------------------------------


def test_key_collisions_get_letters() -> None:
    refs = [_article(title=f"Acupuncture study {n}") for n in range(1, 5)]
    keys = [e.key for e in _parse(to_bibtex(refs)).entries]
    assert keys == [
        "chen2017acupuncture",
        "chen2017acupunctureb",
        "chen2017acupuncturec",
        "chen2017acupunctured",
    ]


def test_same_work_twice_is_one_entry() -> None:
    first = _article(doi="10.1136/bmj.j1284", number=1)
    again = _article(doi="10.1136/BMJ.J1284", number=4, title="Other printing")
    same_title = _article(number=5)
    assert len(_parse(to_bibtex([first, again])).entries) == 1
    assert len(_parse(to_bibtex([_article(number=2), same_title])).entries) == 1


@pytest.mark.parametrize(
    ("reference", "key"),
    [
        pytest.param(_article(title="The effect of needles"), "chen2017effect", id="stopword"),
        pytest.param(
            _article(authors=(Person("Müller", given="Jürgen"),)),
            "muller2017management",
            id="ascii-folded",
        ),
        pytest.param(
            _article(authors=(Person("World Health Organization", collective=True),)),
            "who2017management",
            id="collective",
        ),
        pytest.param(_article(authors=(), year=None), "managementchronic", id="title-only"),
        pytest.param(Reference(raw="x"), "ref", id="nothing"),
    ],
)
def test_key_shapes(reference: Reference, key: str) -> None:
    assert _one(reference)[1] == key


# --- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        pytest.param(Person("Chen", given="Lucy"), "Chen, Lucy", id="given"),
        pytest.param(Person("Wilt", initials="TJ"), "Wilt, T. J.", id="initials"),
        pytest.param(Person("Lee", initials="J-H"), "Lee, J.-H.", id="hyphenated-initials"),
        pytest.param(Person("Madonna"), "Madonna", id="family-only"),
        pytest.param(Person("van der Berg", given="Anna"), "{van der Berg}, Anna", id="particle"),
        pytest.param(Person("King", given="Martin", suffix="Jr"), "King, Jr, Martin", id="suffix"),
        pytest.param(
            Person("Agency for Research & Quality", collective=True),
            r"{Agency for Research \& Quality}",
            id="collective",
        ),
        pytest.param(Person("O'Neil", given="Zoë"), "O'Neil, Zoë", id="unicode-kept"),
    ],
)
def test_format_person(person: Person, expected: str) -> None:
    assert format_person(person) == expected


def test_et_al_becomes_and_others() -> None:
    _, _, fields = _one(_article(authors_truncated=True))
    assert fields["author"] == "Chen, L. and Michalsen, A. and others"


# --- escaping and protection --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        pytest.param("A & B", r"A \& B", id="ampersand"),
        pytest.param("50%", r"50\%", id="percent"),
        pytest.param("$5", r"\$5", id="dollar"),
        pytest.param("#1", r"\#1", id="hash"),
        pytest.param("a_b", r"a\_b", id="underscore"),
        pytest.param("{x}", r"\{x\}", id="braces"),
        pytest.param("~", r"\textasciitilde{}", id="tilde"),
        pytest.param("^", r"\textasciicircum{}", id="caret"),
        pytest.param("\\", r"\textbackslash{}", id="backslash"),
        pytest.param("Zoë – ¹²", "Zoë – ¹²", id="utf8-kept"),
    ],
)
def test_latex_escape(text: str, escaped: str) -> None:
    assert latex_escape(text) == escaped
    assert latex_decode(escaped) == text


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("Acupuncture in the BMJ", "Acupuncture in the {BMJ}", id="acronym"),
        pytest.param("Levels of IL-6 fall", "Levels of {IL-6} fall", id="mixed-with-digit"),
        pytest.param("The McDonald criteria", "The {McDonald} criteria", id="inner-capital"),
        pytest.param(
            "Acupuncture for chronic pain in patients from China",
            "Acupuncture for chronic pain in patients from {China}",
            id="sentence-case-proper-noun",
        ),
        pytest.param(
            "Acupuncture For Chronic Pain Management",
            "Acupuncture For Chronic Pain Management",
            id="title-case-not-protected",
        ),
        pytest.param("Pain: A review", "Pain: A review", id="subtitle-start"),
    ],
)
def test_protect(title: str, expected: str) -> None:
    assert protect(title) == expected
    assert latex_decode(protect(title)) == title


def test_specials_in_every_field_parse_back() -> None:
    ref = _article(
        title="50% of {patients} & 1 #trial_x ~ p^2 \\ $ cost",
        journal="J Pain & Res_",
        volume="1{2",
        issue="3}",
        doi="10.1000/a_b{c}",
        url="https://example.org/a_b?x=1%20&y=~z#frag",
    )
    _, _, fields = _one(ref)
    assert latex_decode(fields["title"]) == ref.title
    assert latex_decode(fields["journal"]) == ref.journal
    assert latex_decode(fields["volume"]) == ref.volume
    assert latex_decode(fields["number"]) == ref.issue
    assert fields["doi"] == "10.1000/a_b{c}"
    assert fields["url"] == r"https://example.org/a_b?x=1\%20&y=~z#frag"


def test_resolution_corrects_the_export() -> None:
    record = Record(
        doi="10.1136/bmj.j1284",
        title="Management of chronic pain using complementary and integrative medicine",
        authors=(Person("Chen", given="Lucy"), Person("Michalsen", given="Andreas")),
        journal="BMJ",
        year=2017,
        volume="357",
        article_number="j1284",
        type="journal-article",
    )
    printed = _article(year=2016)
    verified = _article(
        year=2016, resolution=Resolution(Verdict.VERIFIED, doi=record.doi, record=record)
    )
    unresolved = _article(year=2016, resolution=Resolution(Verdict.UNRESOLVED, record=record))
    entry_type, key, fields = _one(verified)
    assert (entry_type, key) == ("article", "chen2017management")
    assert fields["author"] == "Chen, Lucy and Michalsen, Andreas"
    assert fields["doi"] == "10.1136/bmj.j1284"
    assert fields["pages"] == "j1284"
    assert _one(unresolved)[1:] == _one(printed)[1:]


# --- properties: the round trip -----------------------------------------------------------------

_SPECIALS = "&%$#_{}~^\\"
_VALUE = st.text(
    alphabet=st.one_of(
        st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="@"),
        st.sampled_from(list(_SPECIALS)),
    ),
    min_size=1,
    max_size=40,
).filter(lambda v: v.strip() == v and v)
_NAME_WORD = st.text(
    alphabet=st.one_of(st.characters(categories=("L",)), st.sampled_from(list(_SPECIALS + "-'."))),
    min_size=1,
    max_size=10,
).filter(
    # A word led by a special ("\\&A", "&") is test_name_word_led_by_a_special below.
    lambda w: w.lower() not in ("and", "others") and w[0] not in _SPECIALS
)
_NAME = st.lists(_NAME_WORD, min_size=1, max_size=3).map(" ".join)


@given(
    title=_VALUE,
    journal=_VALUE,
    volume=_VALUE,
    issue=_VALUE,
    people=st.lists(st.tuples(_NAME, _NAME), min_size=1, max_size=3),
    truncated=st.booleans(),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_round_trip_of_generated_references(
    title: str,
    journal: str,
    volume: str,
    issue: str,
    people: list[tuple[str, str]],
    truncated: bool,
) -> None:
    authors = tuple(Person(family, given=given) for family, given in people)
    ref = Reference(
        raw="generated",
        authors=authors,
        authors_truncated=truncated,
        title=title,
        journal=journal,
        volume=volume,
        issue=issue,
        year=2020,
        kind=Kind.JOURNAL_ARTICLE,
    )
    text = to_bibtex([ref])
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert library.failed_blocks == []
    (entry,) = library.entries
    for field, value in (("title", title), ("journal", journal), ("volume", volume)):
        assert latex_decode(entry[field]) == value, field
    assert latex_decode(entry["number"]) == issue
    names = entry["author"]
    assert len(names) == len(authors) + truncated
    for person, name in zip(authors, names, strict=False):
        assert latex_decode(" ".join(name.von + name.last)) == person.family
        assert latex_decode(" ".join(name.first)) == person.given
    if truncated:
        assert names[-1].last == ["others"]


@pytest.mark.parametrize(
    ("family", "given_name"),
    [
        pytest.param("Smith", "J. &", id="word-only-a-special"),
        pytest.param("&Co", "Ann", id="family-led-by-ampersand"),
        pytest.param("~Lee", "Ann", id="family-led-by-tilde"),
    ],
)
def test_name_word_led_by_a_special(family: str, given_name: str) -> None:
    person = Person(family, given=given_name)
    ref = _article(authors=(person, Person("Chen", given="Lucy"), person))
    library = bibtexparser.parse_string(
        to_bibtex([ref]), append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert library.failed_blocks == []
    names = library.entries[0]["author"]
    assert len(names) == 3
    for name in (names[0], names[2]):
        assert latex_decode(" ".join(name.last)) == family
        assert latex_decode(" ".join(name.first)) == given_name


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_latex_decode_undoes_escape(text: str) -> None:
    assert latex_decode(latex_escape(text)) == text
    assert latex_decode(protect(text)) == text
