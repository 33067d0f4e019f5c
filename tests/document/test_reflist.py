"""Finding the reference list and cutting it into numbered entries."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from acurefs.document.body import body_view
from acurefs.document.reflist import ReferenceSection, find_reference_section
from acurefs.models import Span
from tests.claims.growth import LINEAR_BOUND, growth

BODY = "Acupuncture eases pain [1]. It is safe [2]. Trials agree [3].\n\n"
REF1 = "Smith J. A title. BMJ. 2017;1:1-2."
REF2 = "Doe J. Another title. Pain. 2018;2:3-4."
REF3 = "Roe J. Third title. Spine. 2019;3:5-6."


def _numbered(prefix: str = "{n}. ") -> str:
    return "".join(prefix.format(n=n) + ref + "\n" for n, ref in enumerate((REF1, REF2, REF3), 1))


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        pytest.param("References", "References", id="references"),
        pytest.param("REFERENCES:", "REFERENCES", id="upper-colon"),
        pytest.param("## References", "References", id="markdown-h2"),
        pytest.param("**References**", "References", id="bold"),
        pytest.param("__Sources__", "Sources", id="underscore-bold"),
        pytest.param("Sources", "Sources", id="sources"),
        pytest.param("Bibliography", "Bibliography", id="bibliography"),
        pytest.param("### Notes", "Notes", id="notes"),
        pytest.param("Reference list", "Reference list", id="reference-list"),
        pytest.param("Works cited", "Works cited", id="works-cited"),
        pytest.param("  References  ", "References", id="indented"),
        # The eleventh held-out set's headings, written for this test.
        pytest.param("Sources (since someone always asks):", "Sources", id="with-aside"),
        pytest.param("Where this advice comes from", "Where this advice comes from", id="where"),
        pytest.param("Key references", "Key references", id="key-references"),
        # The fifteenth set's: a report's endnotes, chapter by chapter.
        pytest.param("Endnotes: Chapter 3", "Endnotes", id="endnotes-of-a-chapter"),
        # The sixteenth set's: a heading in two languages, and one that says where it is used.
        pytest.param("Ngā tohutoro | References", "References", id="bilingual-before"),
        pytest.param("References / Références", "References", id="bilingual-after"),
        pytest.param("References used in this fact sheet", "References", id="used-in"),
        # The twenty-eighth set's: an abstract book's heading in East Asian brackets.
        pytest.param("【References】", "References", id="east-asian-brackets"),
        # The thirty-second set's: a podcast's and a video's list of what was discussed.
        pytest.param("Papers mentioned in this episode", "Papers mentioned", id="papers-mentioned"),
        pytest.param(
            "Studies discussed in the video:", "Studies discussed", id="studies-discussed"
        ),
        # The forty-fifth set's: a forum reply's own short list under a bold abbreviation.
        pytest.param("**Refs**", "Refs", id="refs-bold"),
        pytest.param("Refs.", "Refs.", id="refs-stop"),
        # The fifty-sixth set's: a docsify page's heading with its anchor.
        pytest.param("## References :id=references", "References", id="docsify-anchor"),
        # The fifty-seventh set's: a one-page site's heading.
        pytest.param("Where this comes from", "Where this comes from", id="where-this-comes-from"),
    ],
)
def test_heading_forms(heading: str, title: str) -> None:
    text = BODY + heading + "\n" + _numbered()
    section = find_reference_section(text)
    assert section is not None
    assert section.heading == title
    assert [e.number for e in section.entries] == [1, 2, 3]
    assert [e.text for e in section.entries] == [REF1, REF2, REF3]
    heading_text = text[section.spans[0].start : section.spans[0].end]
    assert heading_text.lstrip().startswith(heading.strip())


@pytest.mark.parametrize(
    "prefix",
    [
        pytest.param("{n}. ", id="dot"),
        pytest.param("{n}) ", id="paren-close"),
        pytest.param("[{n}] ", id="bracket"),
        pytest.param("({n}) ", id="paren"),
        pytest.param("  {n}. ", id="indented"),
        pytest.param("- {n}. ", id="bullet-then-number"),
        pytest.param("{n} ", id="bare-number"),
        pytest.param("{n} · ", id="bare-number-middle-dot"),  # a Carrd page's list
    ],
)
def test_numbering_forms(prefix: str) -> None:
    section = find_reference_section(BODY + "References\n" + _numbered(prefix))
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(1, REF1), (2, REF2), (3, REF3)]


def test_a_markdown_list_that_numbers_every_entry_one() -> None:
    # Markdown renders "1." on every item as 1, 2, 3 (the fifty-sixth marker set's docsify
    # page, written for this test).
    section = find_reference_section(BODY + "## References\n\n" + _numbered("1. "))
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(1, REF1), (2, REF2), (3, REF3)]


def test_entry_spans_cover_the_numbered_line() -> None:
    text = BODY + "References\n" + _numbered()
    section = find_reference_section(text)
    assert section is not None
    for entry in section.entries:
        assert text[entry.span.start : entry.span.end] == f"{entry.number}. {entry.text}"


def test_section_span_runs_from_heading_to_last_entry() -> None:
    text = BODY + "References\n" + _numbered()
    section = find_reference_section(text)
    assert section is not None
    assert len(section.spans) == 1
    assert text[section.spans[0].start : section.spans[0].end] == "References\n" + _numbered()[:-1]


def test_wrapped_entry_keeps_its_continuation_line() -> None:
    text = (
        "Pain eases.1\n\nReferences\n"
        "  1. Smith J, Doe J. A long title that wraps\n"
        "     onto the next line. BMJ. 2017;1:1-2.\n"
        "  2. Doe J. Another. Pain. 2018;2:3-4.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    first, second = section.entries
    assert first.text == (
        "Smith J, Doe J. A long title that wraps\n     onto the next line. BMJ. 2017;1:1-2."
    )
    assert second.text == "Doe J. Another. Pain. 2018;2:3-4."


def test_blank_lines_between_entries() -> None:
    section = find_reference_section(BODY + "References\n\n" + _numbered().replace("\n", "\n\n"))
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_unnumbered_list_after_heading() -> None:
    text = "Acupuncture eases pain.\n\nReferences\n" + REF1 + "\n" + REF2 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(None, REF1), (None, REF2)]


def test_unnumbered_bulleted_list_after_heading() -> None:
    text = "Acupuncture eases pain.\n\n## Sources\n\n- " + REF1 + "\n* " + REF2 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [e.text for e in section.entries] == [REF1, REF2]


def test_trailing_numbered_list_without_heading() -> None:
    text = BODY + _numbered()
    section = find_reference_section(text)
    assert section is not None
    assert section.heading is None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_body_list_is_not_a_reference_list() -> None:
    text = (
        "Acupuncture has three effects:\n\n"
        "  1. Relieves pain.\n  2. Reduces inflammation.\n  3. Restores homeostasis.\n\n"
        "Perhaps the most important effect is homeostasis.\n"
    )
    assert find_reference_section(text) is None


def test_body_list_before_the_heading_stays_in_the_body() -> None:
    text = (
        "Acupuncture has three effects:\n\n1. Relieves pain.\n2. Reduces inflammation.\n\n"
        "It is supported by trials.1\n\nReferences\n1. " + REF1 + "\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text for e in section.entries] == [REF1]
    assert section.spans[0].start == text.index("References")


def test_no_reference_list() -> None:
    assert find_reference_section("Acupuncture eases pain. It is safe.") is None


def test_footnote_definitions_without_heading() -> None:
    text = "Pain eases.[^1] It is safe.[^2]\n\n[^1]: " + REF1 + "\n\n[^2]: " + REF2 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(1, REF1), (2, REF2)]


def test_named_footnote_keeps_its_label() -> None:
    text = "Pain eases.[^smith]\n\n[^smith]: " + REF1 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.label, e.text) for e in section.entries] == [(None, "smith", REF1)]


def test_adjacent_footnote_definitions_stay_apart() -> None:
    text = "Pain eases.[^1] It is safe.[^2]\n\n[^1]: " + REF1 + "\n[^2]: " + REF2 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(1, REF1), (2, REF2)]


def test_footnotes_under_a_heading_are_read_once() -> None:
    text = "Pain eases.[^1] It is safe.[^2]\n\n## References\n\n[^1]: " + REF1 + "\n\n[^2]: "
    text += REF2 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(1, REF1), (2, REF2)]


def test_references_followed_by_a_notes_section() -> None:
    text = (
        "Acupuncture eases pain.1\n\nReferences\n1. "
        + REF1
        + "\n\nNotes\nThis article is not medical advice.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries if e.number is not None] == [1]
    assert section.entries[0].text == REF1


def test_prose_between_a_body_list_and_a_trailing_reference_list_stays_body() -> None:
    text = (
        "Acupuncture has three effects:\n\n1. Relieves pain.\n2. Reduces inflammation.\n"
        "3. Restores homeostasis.\n\nIt helps [1]. It is safe [2].\n\n"
        "1. " + REF1 + "\n2. " + REF2 + "\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text for e in section.entries] == [REF1, REF2]
    assert "It helps [1]." in body_view(text, section)


def test_numbered_list_followed_by_prose_is_not_a_reference_list() -> None:
    text = (
        "Acupuncture has been studied for decades:\n\n"
        "1. In 1997, the NIH consensus statement endorsed it.\n"
        "2. In 2012, a large meta-analysis confirmed benefits.\n\n"
        "It works for back pain.\n"
    )
    assert find_reference_section(text) is None


def test_footnote_definitions_after_a_trailing_list_leave_the_body() -> None:
    text = "Pain eases.[^1]\n\n1. " + REF2 + "\n\n[^1]: " + REF1 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert REF1 not in body_view(text, section)


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param("\n\nFeatured Posts\nRecent Posts\n", id="footer-after-blank"),
        pytest.param("\n\n\nShare this article.\n", id="footer-after-two-blanks"),
    ],
)
def test_prose_after_the_list_is_not_an_entry(tail: str) -> None:
    text = BODY + "References\n" + _numbered().rstrip("\n") + tail
    section = find_reference_section(text)
    assert section is not None
    assert section.entries[-1].text == REF3
    assert tail.strip().split("\n")[0] in body_view(text, section)


def test_body_view_blanks_the_list_and_keeps_offsets() -> None:
    text = BODY + "References\n" + _numbered()
    section = find_reference_section(text)
    view = body_view(text, section)
    assert len(view) == len(text)
    assert view.count("\n") == text.count("\n")
    assert view.startswith(BODY)
    assert "Smith" not in view
    assert "References" not in view
    assert body_view(text, None) == text


# --- properties --------------------------------------------------------------------------------

_LINES = st.lists(
    st.sampled_from(
        [
            "Acupuncture eases pain [1].",
            "It lasted 6-12 months.2",
            "References",
            "## Sources",
            "1. " + REF1,
            "2. " + REF2,
            "[3] " + REF3,
            "   continued on an indented line.",
            "- a bullet",
            "12 Smith",
            "",
            "",
        ]
    ),
    max_size=25,
).map("\n".join)


@given(st.one_of(_LINES, st.text(max_size=300)))
@settings(max_examples=300, deadline=None)
@example(
    "Acupuncture eases pain [1].\nReferences\n1. Smith J. A title. BMJ. 2017;1:1-2.\n"
    "It lasted 6-12 months.2\n\nAcupuncture eases pain [1].\n   continued on an indented line.\n"
    "1. Smith J. A title. BMJ. 2017;1:1-2."
)  # an entry joined over a repeated line taken for a running head
def test_find_reference_section_never_crashes_and_never_loses_input(text: str) -> None:
    """Entries lie inside the section; outside the section, the body view is the text itself."""
    section = find_reference_section(text)
    view = body_view(text, section)
    assert len(view) == len(text)
    if section is None:
        assert view == text
        return
    inside = [False] * len(text)
    for span in section.spans:
        assert 0 <= span.start <= span.end <= len(text)
        for i in range(span.start, span.end):
            inside[i] = True
    for i, (original, blanked) in enumerate(zip(text, view, strict=True)):
        if not inside[i] or original == "\n":
            assert blanked == original
        else:
            assert blanked == " "
    for entry in section.entries:
        assert 0 <= entry.span.start <= entry.span.end <= len(text)
        assert _in_order(entry.text, text[entry.span.start : entry.span.end])
        assert all(inside[i] for i in range(entry.span.start, entry.span.end))


def _in_order(entry: str, span: str) -> bool:
    """Every word of an entry stands in its span, in order: an entry a page break cut in two
    is joined over the page's furniture (:func:`acurefs.document.entries.page_turn`), so it is
    not always one run of the span's text, but nothing in it is invented."""
    pos = 0
    for word in entry.split():
        pos = span.find(word, pos)
        if pos < 0:
            return False
        pos += len(word)
    return True


@given(
    st.text(alphabet="ab \n", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=5),
)
@settings(max_examples=200, deadline=None)
def test_body_view_blanks_overlapping_spans_once(text: str, bounds: list[tuple[int, int]]) -> None:
    spans = tuple(Span(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds)
    view = body_view(text, ReferenceSection(spans, None, ()))
    expected = [
        " " if ch != "\n" and any(s.start <= i < s.end for s in spans) else ch
        for i, ch in enumerate(text)
    ]
    assert view == "".join(expected)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        pytest.param("123456. " + REF3, 123456, id="dot"),
        pytest.param("123456) " + REF3, 123456, id="parenthesis"),
        pytest.param("[123456] " + REF3, 123456, id="bracket"),
        pytest.param("(123456) " + REF3, 123456, id="paren"),
        pytest.param("10000. " + REF3, 10000, id="five-digits"),
    ],
)
def test_entry_numbers_run_to_six_digits(line: str, number: int) -> None:
    text = BODY + "References\n" + _numbered() + line + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [
        (1, REF1),
        (2, REF2),
        (3, REF3),
        (number, REF3),
    ]


def test_bare_entry_numbers_run_to_six_digits() -> None:
    text = BODY + "References\n" + "99999 " + REF1 + "\n" + "100000 " + REF2 + "\n"
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(99999, REF1), (100000, REF2)]


def _numbered_list(n: int) -> str:
    return "".join(f"{k}. Author A. Title {k}. J Pain. 2020;{k}:1-9.\n" for k in range(1, n + 1))


def test_a_list_of_100000_entries_reads_every_entry() -> None:
    """Numbers past 9,999 used to be glued into the text of entry 9,999."""
    section = find_reference_section(BODY + "References\n\n" + _numbered_list(100_000))
    assert section is not None
    assert section.heading == "References"
    assert [e.number for e in section.entries] == list(range(1, 100_001))
    assert all(
        e.text == f"Author A. Title {k}. J Pain. 2020;{k}:1-9."
        for k, e in enumerate(section.entries, 1)
    )


def test_a_long_reference_list_grows_linearly() -> None:
    """Reading the entries stays linear: 100,000 of them take seconds, not minutes."""
    ratio = growth(
        lambda n: BODY + "References\n\n" + _numbered_list(n), find_reference_section, 4000
    )
    assert ratio < LINEAR_BOUND, ratio


_PART = "# Part\n\nText cites [1].\n\n## References\n\n1. Smith J. A title. J Pain. 2020;1:1-9.\n\n"


def test_many_reference_headings_grow_linearly() -> None:
    """Each heading used to look at every numbered item of the article for its own."""
    section = find_reference_section(_PART * 3)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 1, 1]  # a list per part
    assert len(section.lists) == 3
    ratio = growth(lambda n: _PART * n, find_reference_section, 2000)
    assert ratio < LINEAR_BOUND, ratio


_TRAILING_LIST = "Body text.\n\n1. " + REF1 + "\n2. " + REF2 + "\n\n"


@pytest.mark.parametrize(
    ("build", "n"),
    [
        pytest.param(lambda n: _TRAILING_LIST + "word " * n, 200_000, id="long-line-after-a-list"),
        pytest.param(
            lambda n: BODY + "References\n1. " + "1" * n, 200_000, id="digits-in-an-entry"
        ),
    ],
)
def test_long_lines_around_a_list_grow_linearly(build: Callable[[int], str], n: int) -> None:
    """Two patterns used to retry at every word of a line, or every digit of a number."""
    ratio = growth(build, find_reference_section, n)
    assert ratio < LINEAR_BOUND, ratio


def test_entries_numbered_with_a_typed_caret() -> None:
    # The forty-ninth set's science-fair paper (written for this test): "^1 Wang QP, ..."
    section = find_reference_section(BODY + "REFERENCES\n" + _numbered("^{n} "))
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    assert [e.text for e in section.entries] == [REF1, REF2, REF3]


def test_a_heading_that_names_its_part() -> None:
    text = BODY + "Sources for Part 1\n" + _numbered()
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_escaped_brackets_blanked_by_the_markdown_reader() -> None:
    # "\[1\] Vickers AJ ..." reaches the list reader as " [1 ] Vickers AJ ...".
    text = BODY + "## References {#references}\n\n" + _numbered(" [{n} ] ")
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_numbers_on_their_own_lines_with_comments_after() -> None:
    # A newsletter's footnotes: the number, a blank line, the entry; reader comments follow.
    entries = "".join(f"{n}\n\n{ref}\n\n" for n, ref in enumerate((REF1, REF2, REF3), 1))
    comments = "12 Likes\n\nI tried this for a month and slept much better, thank you.\n"
    section = find_reference_section(BODY + entries + comments)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_footnotes_as_links_and_as_labelled_numbers() -> None:
    linked = "".join(
        f"[{n}](#footnote-anchor-{n})\n\n{ref}\n\n" for n, ref in enumerate((REF1, REF2, REF3), 1)
    )
    section = find_reference_section(BODY + "---\n\n" + linked)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    labelled = "".join(
        f"Footnote {n}\n\n{ref}\n\n{n}\n\n" for n, ref in enumerate((REF1, REF2, REF3), 1)
    )  # each entry followed by its "return to footnote" number
    section = find_reference_section(BODY + "Footnotes\n\n" + labelled)
    assert section is not None
    assert [(e.number, e.text[:5]) for e in section.entries] == [
        (1, REF1[:5]),
        (2, REF2[:5]),
        (3, REF3[:5]),
    ]


def test_markdown_link_definitions_are_not_entries() -> None:
    text = (
        BODY + "## References\n\n" + _numbered() + "\n[1]: https://doi.org/10.1000/a\n"
        "[2]: https://doi.org/10.1000/b\n[3]: <https://doi.org/10.1000/c>\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text[:5] for e in section.entries] == [REF1[:5], REF2[:5], REF3[:5]]


def test_endnotes_under_a_rule_and_dashed_numbers_under_an_emoji_heading() -> None:
    endnotes = "".join(f"{n} {ref}\n" for n, ref in enumerate((REF1, REF2, REF3), 1))
    section = find_reference_section(BODY + "________________\n\n" + endnotes)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    dashed = "".join(f"{n} - {ref}\n" for n, ref in enumerate((REF1, REF2, REF3), 1))
    section = find_reference_section(BODY + "Sources 📚\n" + dashed)
    assert section is not None
    assert section.heading == "Sources"
    assert [e.number for e in section.entries] == [1, 2, 3]
    # A numbered list of the body under a rule is not endnotes.
    steps = "1 Walk daily for half an hour.\n2 Stretch every morning.\n"
    assert find_reference_section("Text.\n\n________________\n\n" + steps) is None


def test_run_in_lists_one_per_abstract() -> None:
    # An abstract book: each abstract's references run into their label on one line.
    first = "Needling eased labour pain [1]. Reviews agree [2].\n"
    second = "Risk scores help [1]. Each drug cuts risk [2].\n"
    text = (
        first
        + "References: 1. Smith CA. Acupuncture in labour. Cochrane Database Syst Rev. "
        + "2020;2:CD009232. 2. Levett KM. Acupressure in labour. BMC Complement Altern Med. "
        + "2014;14:234.\n\n"
        + second
        + "References: [1] Apfel CC. A simplified risk score. Anesthesiology. 1999;91(3):693-700. "
        + "[2] Apfel CC. A factorial trial. N Engl J Med. 2004;350(24):2441-51.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert len(section.lists) == 2
    assert [[e.number for e in entries] for _, entries in section.lists] == [[1, 2], [1, 2]]
    assert section.lists[1][1][0].text.startswith("Apfel CC. A simplified risk score.")
    # The volume, issue and pages in an entry are not entry numbers: "2020;2:" stays in it.
    assert "2020;2:CD009232." in section.lists[0][1][0].text


def test_a_reference_list_followed_by_a_numbered_list_of_the_body() -> None:
    # A parish magazine: its sources, then the programme of a course, numbered again.
    text = (
        BODY
        + "For anyone who wants to read further:\n"
        + _numbered()
        + "\nCOURSE PROGRAMME\n1. 24 February - The Good Samaritan\n2. 3 March - Strangers\n"
        + "3. 10 March - Loneliness in the Psalms\n\nAll are welcome; tea is served after each session.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text for e in section.entries] == [REF1, REF2, REF3]


def test_entries_that_name_themselves_as_their_markers_do() -> None:
    # A site's safety talk: "(Ref. 1)" in the text, "Ref. 1 Flouris AD, ..." in the list.
    text = (
        "Heat strain is common (Ref. 1). Cooling saves lives (Refs. 1, 2).\n\nREFERENCES\n"
        f"Ref. 1 {REF1}\nRef. 2 {REF2}\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2]
    assert section.entries[0].text == REF1


def test_notes_at_the_foot_of_each_page_of_a_pdf() -> None:
    # A briefing copied from a PDF: each page's notes at its foot, numbered on across pages,
    # no heading; the page's footer after them is no part of a note.
    text = (
        "Modelling suggested a minimum price would cut harmful drinking.1 Prices matter.2\n\n"
        f"1 {REF1}\n2 {REF2}\nwww.briefings.example                    2\n\n"
        "Deaths fell after the policy began.3\n\n"
        f"3 {REF3}\nwww.briefings.example                    3\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    assert [e.text for e in section.entries] == [REF1, REF2, REF3]
    # Numbered steps at a page's foot are no notes: they read like no reference.
    steps = "Do this first.1\n\n1 Walk daily for half an hour.\n2 Stretch every morning.\n"
    assert find_reference_section(steps) is None


def test_notes_under_a_footnote_rule_run_on_over_unindented_lines() -> None:
    # A submission copied from a PDF: each page's notes under a rule, wrapped at the margin
    # (no indent), numbered on across pages; one note is a report (place, publisher; year).
    text = (
        "Young people who vape are more likely to smoke.1 Retail outlets\n"
        "would fall,2 the plan said.\n\n_______________________\n"
        "1 Soneji S, Barrington-Trimis JL, Wills TA, et al. Association between initial use of\n"
        "e-cigarettes and subsequent cigarette smoking. JAMA Pediatr. 2017;171(8):788-797.\n"
        "2 Ministry of Health. Smokefree Aotearoa 2025 Action Plan.\n"
        "Wellington: Ministry of Health; 2021.\n\n"
        "Submission on the Bill                                        Page 1 of 2\n\n"
        "Adults who smoke quit more often with vapes.3\n\n_______________________\n"
        "3 Hajek P, Phillips-Waller A, Przulj D, et al. A randomized trial of e-cigarettes\n"
        "versus nicotine-replacement therapy. N Engl J Med. 2019;380(7):629-637.\n"
        "Submission on the Bill                                        Page 2 of 2\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    assert section.entries[1].text.endswith("Wellington: Ministry of Health; 2021.")
    assert section.entries[2].text.endswith("2019;380(7):629-637.")  # the page's number is not


def test_a_vote_count_after_a_list_is_no_entry() -> None:
    # A forum thread copied as text (the thirty-eighth set's form, written for this test): the
    # post's sources numbered 1 to 3, then the post's vote count alone on a line over its
    # buttons; a number far past the last entry that reads like no reference ends the list.
    text = (
        "Creatine is safe for healthy kidneys [1][2]. Long-term use too [3].\n\nSources:\n"
        f"1. {REF1}\n2. {REF2}\n3. {REF3}\n\n412\nReply\nAward\nShare\n\n"
        "u/lifter • 2y ago\nThanks, this helps.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_entries_numbered_with_superscripts() -> None:
    # A care home's newsletter: the list numbers its entries as the text cites them, "¹ van ...".
    text = (
        "Music helps.¹ Fluids help.²˒³\n\nReferences\n"
        f"¹ van der Steen JT. Music for dementia. Cochrane Database Syst Rev. 2018;7:CD003477.\n"
        f"² {REF2}\n³ {REF3}\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    assert section.entries[0].text.startswith("van der Steen JT.")


def test_a_list_of_notes_per_chapter_with_a_telephone_number_between() -> None:
    # A handbook: each chapter ends with "Notes" numbered from 1; a chapter's text gives an
    # area code in parentheses at a line's start, "(08) 5550 1172", which is no entry 8.
    text = (
        "Hearing may last to the end.1 Noisy breathing has no good treatment.2\n\nNotes\n"
        f"1  {REF1}\n2  {REF2}\n\nHandbook 2026 · Section 5          Page 34\n\n"
        "6  SUPPORTING FAMILIES\n\nFamilies value honesty.1\n"
        "If you are unwell, please call the coordinator on\n(08) 5550 1172 before 7.30 am.\n\n"
        f"Notes\n1  {REF3}\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [[e.number for e in entries] for _, entries in section.lists] == [[1, 2], [1]]


def test_a_second_list_under_a_title_of_its_own_is_not_the_references() -> None:
    refs = (
        "References\n1. Doe J, Roe K. Root extract for stress. Cureus. 2019;11(12):e6466.\n"
        "2. Lee A, Chan B. Sleep and anxiety. J Ethnopharmacol. 2020;253:112601.\n\n"
    )
    further = "Further reading\n1. Bone K. Phytotherapy. 2nd ed. Edinburgh: Churchill; 2013.\n"
    section = find_reference_section("Body text.1\n\n" + refs + further)
    assert section is not None
    assert [e.text[:3] for e in section.entries] == ["Doe", "Lee"]
    # Notes to editors, then the background reading the release cites: the latter.
    notes = (
        "Notes to editors\n1. The paper is published today in the Journal.\n"
        "2. The University is ranked highly for research.\n\n"
    )
    reading = (
        "Background reading\n1. Paluch AE, Bajpai S. Daily steps and mortality. "
        "Lancet Public Health. 2022;7(3):e219-e228.\n"
        "2. Saint-Maurice PF, Troiano RP. Step count and mortality. JAMA. 2020;323(12):1151-1160.\n"
        "3. Lee IM, Shiroma EJ. Step volume and mortality. JAMA Intern Med. 2019;179(8):1105-12.\n"
    )
    section = find_reference_section("Body text.1\n\n" + notes + reading)
    assert section is not None
    assert [e.text[:3] for e in section.entries] == ["Pal", "Sai", "Lee"]


def test_unnumbered_entries_wrapped_over_lines() -> None:
    text = (
        "Body text.\n\nReferences\n\n"
        "Ford AC, Talley NJ, et al. Effect of fibre and peppermint oil in the\n"
        "treatment of irritable bowel syndrome. BMJ. 2008;337:a2313.\n\n"
        "Madisch A, Holtmann G. Treatment of irritable bowel syndrome with herbs. Aliment Pharmacol Ther.\n"
        "2004;19(3):271-279.\n\n"
        "Zinc: fact sheet for health professionals. (2022). https://a.example/zinc/\n"
        "Common cold. (2024). https://a.example/cold/\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text[:6] for e in section.entries] == ["Ford A", "Madisc", "Zinc: ", "Common"]


def test_notes_followed_by_reader_comments_are_the_list() -> None:
    # A newsletter's saved page (the thirty-third set's form, written for this test): the
    # notes, one of them not reading like a journal reference, then the readers' comments.
    text = (
        BODY
        + "".join(f"{n}\n\n{ref}\n\n" for n, ref in enumerate((REF1, REF2, REF3), 1))
        + "4\n\nNational Institute for Health and Care Excellence. Sore throat: prescribing.\n\n"
        + "Discussion about this post\n\n"
        + "Had a sore throat of my own last month and waited it out. Better in five days!\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3, 4]


def test_comments_numbered_by_the_page_are_no_reference_list() -> None:
    # A WordPress page (the thirty-fourth set's form, written for this test): its notes,
    # then "2 thoughts on “...”" and the comments, numbered by the page.
    text = (
        BODY
        + "Notes\n"
        + "".join(f"{n}. {ref} ↩\n" for n, ref in enumerate((REF1, REF2, REF3), 1))
        + "Tags: backs, desks · Leave a comment\n\n"
        + "2 thoughts on “Do standing desks help your back?”\n\n"
        + "1. Pieter K.\n13 September 2024 at 19:42\n\nBought one last year, no regrets.\n\n"
        + "Reply\n2. Lindiwe M.\n14 September 2024 at 08:15\n\nPop in for a fitting.\n\nReply\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


@pytest.mark.parametrize(
    "heading", ["5. REFERENCES", "7 References", "VII. References", "4.3 Sources"]
)
def test_a_numbered_sections_heading_opens_the_list(heading: str) -> None:
    # An insurer's policy (the forty-third set's form, written for this test): sections
    # numbered "4. CODING", "5. REFERENCES", "6. POLICY HISTORY"; the list is the fifth's.
    text = (
        "1. COVERAGE\nSensors are covered for type 1 diabetes. 1, 2 Reviews agree. 3\n\n"
        + f"{heading}\n"
        + "".join(f"{n}. {ref}\n" for n, ref in enumerate((REF1, REF2, REF3), 1))
        + "\n6. POLICY HISTORY\n12-May-2025   Annual review; references 3 and 5 added\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_a_posts_reply_and_like_counts_are_no_list() -> None:
    # An X thread copied from the browser (the forty-fifth set's form, written for this test):
    # the sources after "Sources 👇" in the last post, then replies whose counts stand alone
    # on their lines ("19", "27").
    text = (
        "1/3 Mountain sickness is common above 2,500 m.¹ Fit people get it too.²\n14\n1.9K\n\n"
        "3/3 Go down if it gets worse.³ Sources 👇\n\n"
        + "".join(f"{n}. {ref}\n" for n, ref in enumerate((REF1, REF2, REF3), 1))
        + "Show less\n27\n340\n1.2K\n\nReplying to @doc\nAng Dorje\n@angdorje\n·\nApr 3\n"
        + "Sharing this with our guides.\n3\n19\n\nMeera K.\n@meerak\n·\nApr 4\n"
        + "Did 125 mg twice daily in 2023, no side effects.\n1\n4\n27\n\nRelevant people\nDr. Pasang\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_a_list_goes_on_past_a_posts_break() -> None:
    # A thread copied from the browser (the fifty-ninth set's form, written for this test):
    # the sources run over two posts, the second post's header and counter between them.
    text = (
        "Most children outgrow it.¹ Diet helps a little.² Medicine works best.³\n\n"
        "Sam Okafor @sam.example.social · 7h\n4/5 Sources\n"
        f"1. {REF1}\n2. {REF2}\n\n"
        "Sam Okafor @sam.example.social · 7h\n5/5\n"
        f"3. {REF3}\n\n"
        "Jo Bloggs @jo.example.social · 6h\nThis thread helped us a lot, thank you so much.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    assert section.entries[2].text == REF3


def test_a_list_does_not_go_on_past_prose() -> None:
    # A body's numbered steps, a paragraph, then the list starting again at 1: two lists.
    text = (
        "Try these steps.\n1. Drink more water.\n2. Eat more fibre.\n\n"
        "These steps help most children within weeks, as trials found.¹ ²\n\n"
        f"References\n1. {REF1}\n2. {REF2}\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text for e in section.entries] == [REF1, REF2]


def test_entries_numbered_without_a_stop_may_open_on_a_name_particle() -> None:
    text = (
        BODY
        + "References\n1 "
        + REF1
        + "\n2 "
        + REF2
        + "\n3 van Nood E, Vrieze A. Donor feces. N Engl J Med. 2013;368:407-15.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.number for e in section.entries] == [1, 2, 3]
    assert section.entries[2].text.startswith("van Nood E")


def test_a_note_cited_twice_under_two_numbers_is_both_entries() -> None:
    # DokuWiki prints a footnote cited twice once, under both numbers ("3), 5)"), as the
    # fifty-seventh set's page did (written for this test).
    text = (
        "Rest helps.1) Ice helps too.2) Splints work.3) Surgery rarely.4) Splints again.5)\n\n"
        f"1) \n{REF1}\n2) \n{REF2}\n3), 5) \n{REF3}\n4) \nPoe J. Fourth title. Gut. 2020;4:7-8.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    by_number = {e.number: e.text for e in section.entries}
    assert sorted(by_number) == [1, 2, 3, 4, 5]
    assert by_number[3] == by_number[5] == REF3


def test_a_replys_own_list_numbered_with_stops_and_cited_in_superscripts() -> None:
    # A course forum's question and its staff answer, each with a list from 1 (the sixtieth
    # set's form, written for this test): the answer's list has no heading, and its text
    # cites it in superscript digits.
    text = (
        "Question\nAdrenaline goes in the thigh¹. Early doses matter².\n\nSources:\n"
        f"1. {REF1}\n2. {REF2}\n\nReply\n\n1 Answer\n\nDr. Lee\nSTAFF\n\n"
        "Lie the patient flat¹. Steroids have no good trial evidence².\n\n"
        "1. Pumphrey RS. Fatal posture in anaphylactic shock. J Allergy Clin Immunol. "
        "2003;112(2):451-452.\n"
        "2. Choo KJ, Simons FE, Sheikh A. Glucocorticoids for the treatment of anaphylaxis. "
        "Cochrane Database Syst Rev. 2012;(4):CD007596.\n\nReply\nAdd comment\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert len(section.lists) == 2
    assert [e.text.split()[0] for _, entries in section.lists for e in entries] == [
        "Smith",
        "Doe",
        "Pumphrey",
        "Choo",
    ]


def test_a_bodys_numbered_point_after_the_list_is_not_a_replys_list() -> None:
    # A point numbered "1." that names authors ("Smith et al.") is no list of references.
    text = (
        "It is safe [1].\n\n"
        f"References\n1. {REF1}\n2. {REF2}\n\n"
        "Then a reader wrote:\n1. Smith et al. agree with the review.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text for e in section.entries] == [REF1, REF2]


def test_a_slides_run_in_references_after_its_number() -> None:
    # A deck's transcript (the sixty-first set's form): "8. References 1. ... 2. ...".
    text = (
        "2. Causes • Most cases start in the mouth². • Tongue bacteria matter¹.\n"
        f"8. References 1. {REF1} 2. {REF2}\n9. Thank you Questions?\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(1, REF1), (2, REF2)]


def test_a_run_in_list_numbered_in_parentheses() -> None:
    # A congress abstract (the seventy-fifth set's form): "References: (1) ... (2) ...".
    text = (
        "Delay is linked with deaths (1,2). Early surgery is advised (3).\n\n"
        f"References: (1) {REF1} (2) {REF2} (3) {REF3}\n\nDisclosures: none.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [(1, REF1), (2, REF2), (3, REF3)]


def test_a_list_a_page_break_cuts_goes_on_under_its_continued_heading() -> None:
    # Presenter notes copied from a deck (the sixty-seventh set's form, written for this test):
    # the heading after a separator, the list cut mid-entry by the page's foot and the next
    # slide's "References (cont.)".
    text = (
        "Slide 4 of 6 · Heat rash\nSweat ducts block in the heat. 1 Skin bacteria help. 2\n\n"
        "Slide 5 of 6 · References\n"
        f"1. {REF1}\n2. Doe J. The role of skin bacteria in\n\n"
        "Dune Tours · Induction pack · page 3 of 4\n\n"
        "Slide 6 of 6 · References (cont.)\n"
        f"blocked sweat ducts. Pain. 2018;2:3-4.\n3. {REF3}\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [(e.number, e.text) for e in section.entries] == [
        (1, REF1),
        (2, "Doe J. The role of skin bacteria in blocked sweat ducts. Pain. 2018;2:3-4."),
        (3, REF3),
    ]


def test_an_entry_goes_on_past_a_running_head_the_document_repeats() -> None:
    # A bulletin's list over two pages (the sixty-fifth set's form): the page's number, then
    # its running head, which the first page printed too; the entry's year on the next page.
    head = "Infection Unit bulletin · March 2025"
    text = (
        f"{head}\n\nSandflies spread it.1 Sores heal slowly.2\n\nReferences\n"
        f"1. {REF1}\n2. Doe J. Another title. Lancet.\n\n"
        f"Bulletin no. 12 – page 2/3\n{head}\n\n2018;392:951-70.\n3. {REF3}\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert section.entries[1].text == "Doe J. Another title. Lancet. 2018;392:951-70."
    assert [e.number for e in section.entries] == [1, 2, 3]


def test_text_after_a_lists_last_entry_is_not_taken_into_it() -> None:
    # A forum's second post after the first post's list: the last entry does not go on.
    text = (
        "Screening saves lives.1\n\nReferences\n"
        "1. Smith J. A title without its year\n\nReply\n\nSecond post: tests are cheap.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert section.entries[-1].text == "Smith J. A title without its year"


def test_notes_at_the_foot_of_each_page_numbered_from_1_on_every_page() -> None:
    # A report copied from a PDF (the seventieth set's form, written for this test): each
    # page's notes under a rule, numbered from 1 again; each page's markers cite its own.
    text = (
        "Acupuncture eased pain in a large trial.1 Safety was good.2\n\n"
        "________________________\n"
        "1 van de Sande WW. A first title here. PLoS Negl Trop Dis. 2013;7(11):e2550.\n"
        "2 Doe J. Another title. Pain. 2018;2:3-4.\n\n"
        "Annual report · page 1\n\n"
        "Trials agree on the effect.1\n\n"
        "________________________\n"
        f"1 {REF3}\n\n"
        "Annual report · page 2\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [[e.number for e in entries] for _, entries in section.lists] == [[1, 2], [1]]
    assert section.lists[0][1][0].text.startswith("van de Sande WW")


def test_notes_that_start_again_with_no_rule_are_no_pages_notes() -> None:
    text = (
        "Acupuncture eased pain in a large trial.1 Safety was good.2\n\n"
        f"1 {REF1}\n2 {REF2}\n\nTrials agree on the effect.1\n\n1 {REF3}\n"
    )
    section = find_reference_section(text)
    assert section is None or len(section.lists) < 2


CHICAGO = (
    "Night shifts disturb the body clock.1 Nurses on rotating shifts report more accidents"
    " on the drive home.2 Bright light early in a night shift can move the clock.3\n\n"
    "Notes\n"
    '1. Akerstedt, "Shift work and disturbed sleep/wakefulness," 151.\n'
    '2. Ftouni et al., "Objective and subjective measures of sleepiness," 1098.\n'
    '3. Eastman and Martin, "How to use light and dark," 185.\n\n'
    "Bibliography\n"
    "Akerstedt T. Shift work and disturbed sleep/wakefulness. Occup Med. 2003;53(2):89-94.\n"
    "Ftouni S, Sletten TL, Howard M, et al. Objective and subjective measures of sleepiness."
    " J Sleep Res. 2013;22(1):58-69.\n"
    "Eastman CI, Martin SK. How to use light and dark to produce circadian adaptation to"
    " night shift work. Ann Med. 1999;31(2):87-98.\n"
)


@pytest.mark.parametrize(
    "notes",
    [
        pytest.param(CHICAGO.split("Notes\n")[1].split("\n\n")[0], id="short-notes"),
        pytest.param(
            "1. Khat is the usual English spelling; in Yemen the plant is called qat.\n"
            "2. Prices are from the students' own market survey in March 2024.\n"
            "3. The leaves lose their strength within about 48 hours of harvest.",
            id="prose-notes",
        ),
    ],
)
def test_numbered_notes_beside_an_unnumbered_list_are_what_the_digits_cite(notes: str) -> None:
    # Chicago's notes and bibliography: the text cites the notes by number; the works are
    # listed after them without numbers. Both are kept, the notes numbered.
    text = CHICAGO.split("Notes\n")[0] + "Notes\n" + notes + "\n\n" + CHICAGO.split("\n\n")[-1]
    section = find_reference_section(text)
    assert section is not None
    numbered = [e for e in section.entries if e.number is not None]
    assert [e.number for e in numbered] == [1, 2, 3]
    assert numbered[1].text == notes.split("\n")[1][3:]
    works = [e.text for e in section.entries if e.number is None]
    assert len(works) == 3
    assert works[2].startswith("Eastman CI")
    assert "Nurses on rotating" not in "".join(text[s.start : s.end] for s in section.spans)


def test_a_numbered_list_the_text_does_not_cite_is_no_notes_beside_the_works() -> None:
    # "Key points" numbered under a heading that is no notes heading, never cited: the
    # unnumbered list alone is the reference list.
    text = CHICAGO.replace("drive home.2", "drive home").replace("clock.1", "clock")
    text = text.replace("the clock.3", "the clock")
    section = find_reference_section(text)
    assert section is not None
    assert all(e.number is None for e in section.entries)
    assert len(section.entries) == 3


def test_an_unnumbered_list_ends_at_a_title_after_which_nothing_reads_like_a_reference() -> None:
    # A copied paper page: its list, then the site's "Related papers", a link and its cookie
    # notice. Those are the page's own, not references; a title between references is kept.
    text = (
        CHICAGO.split("Notes\n")[0]
        + "References\n"
        + CHICAGO.split("Bibliography\n")[1]
        + "Related papers\n"
        + "Chewing and oral lesions in the Horn of Africa · 9 pages\n"
        + "Download PDF\n"
        + "This site uses cookies. By using our site, you agree to our use of cookies.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert [e.text[:8] for e in section.entries] == ["Akerstedt"[:8], "Ftouni S", "Eastman "]
    kept = text.replace("Related papers\n", "Related papers\n" + REF1 + "\n")
    section = find_reference_section(kept)
    assert section is not None
    assert [e.text for e in section.entries][3:5] == ["Related papers", REF1]
