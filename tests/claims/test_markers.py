"""Citation markers in the body, in every form, and the prose numbers that are not markers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import acurefs
from acurefs.claims.markers import MAX_NUMBER, MAX_RANGE, _Markers, expand, find_markers
from acurefs.models import Marker, MarkerStyle
from tests.claims.growth import LINEAR_BOUND, CopyCountingText, growth


def _found(
    text: str,
    *,
    sup_spans: list[tuple[int, int]] | None = None,
    known: list[int] | None = None,
    footnote_labels: dict[str, int] | None = None,
) -> list[tuple[str, tuple[int, ...], str]]:
    markers = find_markers(
        text, sup_spans=sup_spans or (), known=known or (), footnote_labels=footnote_labels
    )
    return [(m.text, m.numbers, m.style) for m in markers]


# --- expand ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        pytest.param("1", (1,), id="one"),
        pytest.param("2,3", (2, 3), id="comma"),
        pytest.param("2, 3", (2, 3), id="comma-space"),
        pytest.param("4-6", (4, 5, 6), id="hyphen-range"),
        pytest.param("4–6", (4, 5, 6), id="en-dash-range"),
        pytest.param("4 — 6", (4, 5, 6), id="em-dash-spaced"),
        pytest.param("1,3-5,9", (1, 3, 4, 5, 9), id="mixed"),
        pytest.param("1;2", (1, 2), id="semicolon"),
        pytest.param("0", None, id="zero"),
        pytest.param("6-2", None, id="backwards"),
        pytest.param("3-3", None, id="empty-range"),
        pytest.param("1-200", None, id="range-too-long"),
        pytest.param(str(MAX_NUMBER + 1), None, id="too-large"),
        pytest.param("1,,2", None, id="empty-part"),
    ],
)
def test_expand(numbers: str, expected: tuple[int, ...] | None) -> None:
    assert expand(numbers) == expected


def test_expand_limits() -> None:
    assert expand(f"1-{1 + MAX_RANGE}") == tuple(range(1, 2 + MAX_RANGE))
    assert expand(str(MAX_NUMBER)) == (MAX_NUMBER,)


# --- every marker form -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "medical procedures.1 Acupuncture", [("1", (1,), "superscript")], id="glued-period"
        ),
        pytest.param("improve symptoms,3 while", [("3", (3,), "superscript")], id="glued-comma"),
        pytest.param("than usual care alone.4", [("4", (4,), "superscript")], id="glued-end"),
        pytest.param("pain relief.12 More", [("12", (12,), "superscript")], id="glued-two-digits"),
        pytest.param("pain relief.1,2 More", [("1,2", (1, 2), "superscript")], id="glued-list"),
        pytest.param("pain relief.1-3 More", [("1-3", (1, 2, 3), "superscript")], id="glued-range"),
        pytest.param(
            "pain relief.1–3 More", [("1–3", (1, 2, 3), "superscript")], id="glued-en-dash"
        ),
        pytest.param('the "gate".4', [("4", (4,), "superscript")], id="glued-after-quote"),
        pytest.param("about 45%.3", [("3", (3,), "superscript")], id="glued-after-percent"),
        pytest.param("homeostasis [1].", [("[1]", (1,), "bracket")], id="bracket"),
        pytest.param("care.[1]", [("[1]", (1,), "bracket")], id="bracket-glued"),
        pytest.param(
            "management [5][6].",
            [("[5]", (5,), "bracket"), ("[6]", (6,), "bracket")],
            id="adjacent-brackets",
        ),
        pytest.param("trials [2,3].", [("[2,3]", (2, 3), "bracket")], id="bracket-list"),
        pytest.param("trials [1, 2].", [("[1, 2]", (1, 2), "bracket")], id="bracket-list-spaced"),
        pytest.param("trials [4-6].", [("[4-6]", (4, 5, 6), "bracket")], id="bracket-range"),
        pytest.param("trials [4–6].", [("[4–6]", (4, 5, 6), "bracket")], id="bracket-en-dash"),
        pytest.param("trials [1;2]", [("[1;2]", (1, 2), "bracket")], id="bracket-semicolon"),
        pytest.param("trials (1).", [("(1)", (1,), "paren")], id="paren"),
        pytest.param("trials (1, 2).", [("(1, 2)", (1, 2), "paren")], id="paren-list"),
        pytest.param("trials (4–6).", [("(4–6)", (4, 5, 6), "paren")], id="paren-range"),
        pytest.param("pain¹ eases", [("¹", (1,), "unicode")], id="unicode"),
        pytest.param("pain.² It", [("²", (2,), "unicode")], id="unicode-after-period"),
        pytest.param("pain¹⁰ eases", [("¹⁰", (10,), "unicode")], id="unicode-two-digits"),
        pytest.param("pain¹⁻³ eases", [("¹⁻³", (1, 2, 3), "unicode")], id="unicode-range"),
        pytest.param("pain¹˒² eases", [("¹˒²", (1, 2), "unicode")], id="unicode-list"),
        pytest.param("pain¹,² eases", [("¹,²", (1, 2), "unicode")], id="unicode-comma"),
        pytest.param("reduces pain.[^1]", [("[^1]", (1,), "footnote")], id="footnote"),
        pytest.param("reduces pain [1](#ref1).", [("[1](#ref1)", (1,), "link")], id="numeric-link"),
    ],
)
def test_marker_forms(text: str, expected: list[tuple[str, tuple[int, ...], str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A large-scale study on 14,000+ neck pain patients", id="thousands-plus"),
        pytest.param("approximately 80,000 patients", id="thousands"),
        pytest.param("lasted up to 6-12 months.", id="month-range"),
        pytest.param("a dose of 2.5 mg daily", id="decimal-dose"),
        pytest.param("was significant (p<0.05).", id="p-value"),
        pytest.param("was significant (p = 0.03).", id="p-equals"),
        pytest.param("The updated 2017 clinical practice guideline", id="year"),
        pytest.param("In 2019, a review (2019) found", id="year-comma-and-paren"),
        pytest.param("from 1990 to 2000.", id="year-end"),
        pytest.param("See Fig. 2 for details.", id="fig-spaced"),
        pytest.param("see Fig.2.", id="fig-glued"),
        pytest.param("in Table 3, results", id="table"),
        pytest.param("see No.5 and p.7", id="numbering-words"),
        pytest.param("Type 2 diabetes. Phase 3.", id="type-phase"),
        pytest.param("in 3.5% of cases", id="percent"),
        pytest.param("(95% CI 1.2-3.4)", id="confidence-interval"),
        pytest.param("(n = 120)", id="sample-size"),
        pytest.param("ages 18–65.", id="age-range"),
        pytest.param("COVID-19. Vitamin B12.", id="names-with-digits"),
        pytest.param("a ratio of 3:1 at 10:30.", id="ratios-times"),
        pytest.param("version 2.0.", id="version"),
        pytest.param("BMI over 30 kg/m² and x² test", id="unit-superscripts"),
        pytest.param("risks: (1) bleeding, (2) bruising", id="enumeration"),
        pytest.param("(1) Rest the joint", id="enumeration-at-line-start"),
        pytest.param("the array[0] and [2020]", id="zero-and-year-in-brackets"),
        pytest.param("see [the review][2] here", id="reference-style-link"),
        pytest.param("[1]: https://example.org", id="link-definition"),
        pytest.param("[^1]: Smith J. A title.", id="footnote-definition"),
        pytest.param("1. Relieves pain.\n2. Reduces inflammation.", id="list-numbering"),
        pytest.param("Thanks @ana.runs.12 for asking!", id="social-handle"),
        pytest.param("The EAACI/GA²LEN guideline advises it.", id="superscript-inside-a-name"),
    ],
)
def test_prose_numbers_are_not_markers(text: str) -> None:
    assert _found(text) == []


def test_digits_glued_to_a_word_need_a_known_number() -> None:
    text = "as shown in reviews7. Also COVID19. and B12."
    assert _found(text) == []
    assert _found(text, known=[7]) == [("7", (7,), "superscript")]


def test_sup_spans_are_markers() -> None:
    text = "Pain eases.1 It is safe.2,3 Dose 2nd."
    sup = [(11, 12), (24, 27), (34, 36)]
    assert _found(text, sup_spans=sup) == [
        ("1", (1,), "sup"),
        ("2,3", (2, 3), "sup"),
    ]


def test_sup_span_with_brackets_and_spaces() -> None:
    text = "Pain[1, 2] eases."
    assert _found(text, sup_spans=[(4, 10)]) == [("[1, 2]", (1, 2), "sup")]


def test_sup_unit_exponent_is_not_a_marker() -> None:
    text = "BMI over 30 kg/m2 was excluded."
    start = text.index("2 was")
    assert _found(text, sup_spans=[(start, start + 1)]) == []


def test_sup_split_by_trailing_comma() -> None:
    text = "Pain eases.1,2 More."
    start = text.index("1,2")
    found = _found(text, sup_spans=[(start, start + 2), (start + 2, start + 3)])
    assert [numbers for _, numbers, _ in found] == [(1,), (2,)]


def test_glued_marker_after_a_year() -> None:
    text = "The guideline was updated in 2017.2 Acupuncture works."
    assert _found(text, known=[1, 2]) == [("2", (2,), "superscript")]
    # a pair or a range after the year (the seventy-second set's heat-wave page)
    text = "Cities brought in heat plans after 2003.1,2\n\nHeat kills."
    assert _found(text, known=[1, 2]) == [("1,2", (1, 2), "superscript")]
    text = "Cities brought in heat plans after 2003.1-3 Heat kills."
    assert _found(text, known=[1, 2, 3]) == [("1-3", (1, 2, 3), "superscript")]


def test_a_glued_pair_spaced_after_its_comma_at_a_sentences_end() -> None:
    # The seventy-second set's wildfire report: "clean-air days.4, 1" ending a paragraph.
    text = "Keep sport for clean-air days.4, 1\nMasks help little."
    assert _found(text, known=[1, 2, 3, 4]) == [("4, 1", (4, 1), "superscript")]
    # Not a count that goes on inside the sentence: "... in 2020.4, 5 of whom ..."
    text = "Most were seen.4, 5 of whom had asthma."
    assert _found(text, known=[1, 2, 3, 4, 5]) == [("4", (4,), "superscript")]


def test_enumeration_after_a_word_is_not_a_marker() -> None:
    assert _found("Patients were randomized to (1) acupuncture or (2) sham needling.") == []


def test_power_of_ten_is_not_a_marker() -> None:
    assert _found("Cultures reached 10⁶ cells per mL.") == []


def test_named_footnote_labels_map_to_numbers() -> None:
    text = "Pain eases.[^smith] It is safe.[^doe]"
    assert _found(text, footnote_labels={"smith": 1}) == [("[^smith]", (1,), "footnote")]


def test_markers_are_sorted_with_spans_into_the_text() -> None:
    text = "Pain [3] eases.1 It is safe (2). Really¹⁻³."
    markers = find_markers(text)
    assert [m.numbers for m in markers] == [(3,), (1,), (2,), (1, 2, 3)]
    for marker in markers:
        assert text[marker.span.start : marker.span.end] == marker.text
        assert marker.line is None


def test_glued_superscript_span_is_only_the_digits() -> None:
    text = "than usual care alone.4"
    (marker,) = find_markers(text)
    assert text[: marker.span.start].endswith("alone.")


def test_a_bracketed_list_with_spaces_inside() -> None:
    # A forum post's "[ 1 , 2 ]" (the fifty-eighth marker set's form, written for this test)
    # is a list; a shop's "Quantity [ 1 ]" spinner is no marker.
    text = "Many people feel nothing at all [ 1 , 2 ]. Quantity [ 1 ] ADD TO CART"
    markers = find_markers(text, known=range(1, 3))
    assert [(text[m.span.start : m.span.end], m.numbers) for m in markers] == [
        ("[ 1 , 2 ]", (1, 2))
    ]


def test_a_forums_page_list_is_no_marker() -> None:
    # SMF's "Pages: [1] 2   Go Down" over a thread (the fifty-eighth marker set's form,
    # written for this test): the current page's number, not a citation.
    text = "Pages: [1] 2   Go Down\n\nTears are common in older adults [1]."
    markers = find_markers(text, known=range(1, 3))
    assert [(m.span.start, m.numbers) for m in markers] == [(text.rindex("[1]"), (1,))]


def test_superscript_parentheses_belong_to_the_marker() -> None:
    # "minutes⁽¹⁾⁽²⁾" (the fifty-sixth marker set's Tumblr post, written for this test): the
    # marker is the whole "⁽¹⁾", so the statement keeps no empty "⁽⁾"; an unclosed "⁽" is not
    # the marker's, and an ion's charge is no marker.
    text = "Attacks last two minutes⁽¹⁾⁽²⁾. Some last longer ⁽³⁻⁵⁾. Then⁽⁶ and Mg²⁺ fall."
    markers = find_markers(text, known=range(1, 7))
    assert [(text[m.span.start : m.span.end], m.numbers) for m in markers] == [
        ("⁽¹⁾", (1,)),
        ("⁽²⁾", (2,)),
        ("⁽³⁻⁵⁾", (3, 4, 5)),
        ("⁶", (6,)),
    ]


@pytest.mark.parametrize("dash", ["&ndash;", "&#8211;", "&#x2013;", "&mdash;"])
def test_a_range_whose_dash_leaked_as_an_html_entity(dash: str) -> None:
    # A newsletter copied from its HTML source keeps "likely.2&ndash;4" (the fifty-fifth
    # marker set's form, written for this test): one range, not a "4" after a semicolon.
    text = f"Further attacks become much more likely.2{dash}4 Older work found the same.[6]"
    markers = find_markers(text)
    assert [m.numbers for m in markers] == [(2, 3, 4), (6,)]
    assert text[markers[0].span.start : markers[0].span.end] == f"2{dash}4"
    assert expand(f"5{dash}7") == (5, 6, 7)


# --- properties --------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "pain", "Acupuncture", " ", " ", ".", ",", "1", "12", "2017", "14,000+", "6-12", "2.5",
        "[1]", "[2,3]", "[4–6]", "(1, 2)", "¹", "²³", "⁻", "[^1]", "[^x]", "(", ")", "[", "]",
        "%", "Fig.", "\n", "-", "–", ";", ":",
    ]
)  # fmt: skip


@given(st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=200)))
@settings(max_examples=300, deadline=None)
def test_find_markers_never_crashes_and_keeps_provenance(text: str) -> None:
    markers = find_markers(text, known=range(1, 20), footnote_labels={"x": 3})
    previous_end = 0
    for marker in markers:
        assert text[marker.span.start : marker.span.end] == marker.text
        assert marker.span.start >= previous_end  # sorted, never overlapping
        previous_end = marker.span.end
        assert marker.numbers
        assert all(0 < n <= MAX_NUMBER for n in marker.numbers)
        assert marker.style in {
            "superscript",
            "bracket",
            "paren",
            "unicode",
            "sup",
            "footnote",
            "link",
        }


@given(
    st.lists(st.integers(min_value=1, max_value=99), min_size=1, max_size=4, unique=True),
    st.sampled_from(["[{}]", "({})", ".{}", "[^{}]"]),
)
@settings(max_examples=100, deadline=None)
def test_bracketed_lists_round_trip(numbers: list[int], form: str) -> None:
    if form == "[^{}]":
        numbers = numbers[:1]
    listed = ",".join(str(n) for n in numbers)
    text = "Acupuncture eases pain" + form.format(listed) + " in trials"
    (marker,) = find_markers(text)
    assert marker.numbers == tuple(numbers)


# Growth with the input, as counts and ratios, never seconds (see tests/claims/growth.py).


def test_find_markers_reads_a_long_enumeration_a_bounded_number_of_times() -> None:
    """Each "(1)" used to copy the text up to the next full stop: quadratic without one."""
    plain = "Patients chose (1) rest or (2) ice, then [3] " * 2000
    text = CopyCountingText(plain)
    markers = find_markers(text)
    assert {m.text for m in markers} == {"[3]"}  # "(1) rest ... (2) ice" is an enumeration
    assert len(markers) == 2000
    assert text.copied <= 10 * len(plain), text.copied / len(plain)


def _add_backwards(text: str) -> list[Marker]:
    found = _Markers(text, set())
    for start in range(len(text) - 4, -1, -4):
        found.add(start, start + 2, (1,), MarkerStyle.BRACKET)
    return found.markers


def test_markers_added_out_of_order_grow_linearly() -> None:
    """Each marker used to be inserted into two sorted lists: a shift of every marker after it.

    ``find_markers`` adds one form at a time, so a form found late lands before markers of
    forms found earlier. Driven directly: the per-marker pattern work hides the shifts at
    sizes a test can afford.
    """
    assert len(_add_backwards(" " * 40)) == 10
    ratio = growth(lambda n: " " * (4 * n), _add_backwards, 15_000)
    assert ratio < LINEAR_BOUND, ratio


# --- forms a held-out set showed (tests/data/articles-heldout); the examples are made up -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doses under 1 g helped most [2, p. 6].", [("[2, p. 6]", (2,), MarkerStyle.BRACKET)]),
        ("The effect was small [3, pp. 2–4].", [("[3, pp. 2–4]", (3,), MarkerStyle.BRACKET)]),
        ("Heel pain is common.[1]: 2159 Most", [("[1]: 2159", (1,), MarkerStyle.BRACKET)]),
        ("It helped.2(p1796) Most", [("2(p1796)", (2,), MarkerStyle.SUPERSCRIPT)]),
        ("Magnesium (Mg²⁺) matters.", []),  # an ion's charge
        ("[1]: https://example.org/a", []),  # a link definition
    ],
)
def test_locators_and_charges(text: str, expected: list[tuple[str, tuple[int, ...], str]]) -> None:
    assert _found(text, known=[1, 2, 3]) == expected


def test_a_stop_inside_a_marker_ends_no_sentence() -> None:
    doc = acurefs.parse_document(
        "Doses under 1 g helped most [2, p. 6]. Higher doses did not [1].\n\n"
        "References\n1. Doe J. One. BMJ. 2010;1:1.\n2. Roe K. Two. BMJ. 2011;2:2.\n",
        format="text",
    )
    assert [c.numbers for c in doc.claims if c.cited] == [(2,), (1,)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It helped for two weeks.^6^ Parents", [("^6^", (6,), MarkerStyle.SUP)]),
        ("Shown twice ^1,3^ and ^1^^2^.", [("^1,3^", (1, 3), MarkerStyle.SUP), ("^1^", (1,), MarkerStyle.SUP), ("^2^", (2,), MarkerStyle.SUP)]),
        ("An area of 5 m^2^ and x^2^.", []),  # exponents
        # An opening caret alone, as Reddit and plain text type a superscript.
        ("It is one of the best-proven things.^1,2 In the review,^3 nets helped.^(6)", [("^1,2", (1, 2), MarkerStyle.SUP), ("^3", (3,), MarkerStyle.SUP), ("^(6)", (6,), MarkerStyle.SUP)]),
        ("An area of 5 m^2 and x^2 and 10^6 and 2^3; see ^9.", []),  # powers, a number the list lacks
        # LaTeX superscripts, as a Notion export writes them; x^{2} is a power.
        ("Same methods $^{1}$. Accidents $^{2,3}$ and \\textsuperscript{6}.", [("$^{1}$", (1,), MarkerStyle.SUP), ("$^{2,3}$", (2, 3), MarkerStyle.SUP), ("\\textsuperscript{6}", (6,), MarkerStyle.SUP)]),
        ("A square of x^{2} or 5 m^{2} or 10$^{6}$.", []),
        ("Zinc helps (1Trusted Source).", [("(1Trusted Source)", (1,), MarkerStyle.PAREN)]),
        ("Lozenges (2Trusted Source, 3Trusted Source) too.", [("(2Trusted Source, 3Trusted Source)", (2, 3), MarkerStyle.PAREN)]),
        ("Last Update: October 6, 2026. Next", []),  # a date, not a marker
        ("Counts below 1000 per mm3 in adults.", []),  # a unit
    ],
)  # fmt: skip
def test_caret_superscripts_and_site_source_links(
    text: str, expected: list[tuple[str, tuple[int, ...], str]]
) -> None:
    assert _found(text, known=[1, 2, 3, 6]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salt raises blood pressure [Ref 1].", [("[Ref 1]", (1,), MarkerStyle.BRACKET)]),
        ("It helped (Refs. 2, 5) in adults.", [("(Refs. 2, 5)", (2, 5), MarkerStyle.PAREN)]),
        ("Oats are often fine (refs 4, 5) for most.", [("(refs 4, 5)", (4, 5), MarkerStyle.PAREN)]),
        # GOV.UK prints its notes as "[footnote 3]"; a note word needs square brackets.
        (
            "It is 96% effective[footnote 3] and safe.",
            [("[footnote 3]", (3,), MarkerStyle.BRACKET)],
        ),
        ("Measles spreads fast.[Note 1]", [("[Note 1]", (1,), MarkerStyle.BRACKET)]),
        ("The table lists it (note 2) for adults.", []),
        # A bracket that labels its line is an option or an entry, not a citation.
        ("Which is you?\n[1] I already eat 30 g a day\n[2] somewhere in the middle", []),
        ("Fibre helps [1].\n- [2] is the trial we discussed", [("[1]", (1,), MarkerStyle.BRACKET)]),
        # A web clipper escapes a linked marker's inner brackets: one marker, link and all.
        (
            "Trials are small.[\\[5,6\\]](https://a.example/b#ref-5) People stop.",
            [("[\\[5,6\\]](https://a.example/b#ref-5)", (5, 6), MarkerStyle.LINK)],
        ),
        ("Smith J. Gut. 2017;63(5):354-364.", []),  # a journal issue
        ("Your practice used a calculator called QRISK3.", []),  # a product's name
    ],
)
def test_reference_words_issues_and_names(
    text: str, expected: list[tuple[str, tuple[int, ...], str]]
) -> None:
    assert _found(text, known=[1, 2, 3, 4, 5]) == expected


def test_a_bracketed_number_that_is_a_markdown_link_is_one_marker() -> None:
    text = "no better than placebo.[[3]][3] Older adults who trained.[[4]](#ref4)"
    assert _found(text, known=[3, 4]) == [
        ("[[3]][3]", (3,), MarkerStyle.LINK),
        ("[[4]](#ref4)", (4,), MarkerStyle.LINK),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Case 1: an acute fracture with oedema\n", id="case-label"),
        pytest.param("Question 2: which sign favours a metastasis?\n", id="question-label"),
        pytest.param("# Model card for skinscan-effnet-b3\n", id="model-name"),
    ],
)
def test_numbered_labels_and_names_are_not_doubtful_markers(text: str) -> None:
    """Even when the list holds the number and it would be next in order."""
    assert find_markers(text, known={1, 2, 3}) == ()


def test_a_lower_case_word_ending_a_sentence_takes_a_flattened_superscript() -> None:
    found = find_markers("It is advice for later, not a first step.3 Next, the plan.", known={3})
    assert [(m.text, m.numbers) for m in found] == [("3", (3,))]
    assert find_markers("Go on to Step.3 of the plan.", known={3}) == ()


def test_a_range_between_two_linked_brackets_is_one_marker() -> None:
    text = "Three approaches work [[3]](#ref-3)–[[7]](#ref-7). Outdoor time helps.[[8]](#ref-8)"
    assert _found(text, known=range(1, 9)) == [
        ("[[3]](#ref-3)–[[7]](#ref-7)", (3, 4, 5, 6, 7), MarkerStyle.LINK),
        ("[[8]](#ref-8)", (8,), MarkerStyle.LINK),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A trial's name ending in a digit, then its stop, then the flattened superscript.
        ("Zinc helped.1 Lutein was used in a trial called AREDS2.2 It was safe.", [1, 2]),
        # A one-digit number ends the sentence, a list of citations after its stop.
        ("Hearing is back to normal by the time they are 8.1,2\nMost need nothing.", [1, 2]),
        # A decimal, or a number whose stop no list follows, is not a marker.
        ("Zinc helped.1 Scores went from 8.1 to 9 in a year.", [1]),
    ],
)
def test_digits_after_the_stop_of_a_name_or_a_number(text: str, expected: list[int]) -> None:
    found = find_markers(text, known={1, 2, 3})
    assert [n for m in found for n in m.numbers] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A unit's exponent, then the stop and the flattened superscript, at a line's end.
        ("Pollution harms.1 The limit is 40 µg/m3 but the guideline is 10 µg/m3.2\nMore.", [1, 2]),
        # A vitamin's name, then its stop and a list.
        ("Metformin helps.1 Long use lowers vitamin B12.2,3 In a trial, more fell.", [1, 2, 3]),
        # A whole number's stop, one digit, a new sentence: the next citation only.
        (
            "Pollution harms.1 Lungs grew between the ages of 11 and 15.2 Closer to home, less.",
            [1, 2],
        ),
        ("Pollution harms.1 Lungs grew.2 The mean score was 15.1 Closer to home, less.", [1, 2]),
        ("Pollution harms.1 The body was at 37.2 Celsius for a day.", [1]),
    ],
)
def test_digits_after_units_vitamins_and_whole_numbers(text: str, expected: list[int]) -> None:
    found = find_markers(text, known={1, 2, 3, 4})
    assert [n for m in found for n in m.numbers] == expected


def test_a_strains_name_is_not_a_flattened_superscript() -> None:
    text = (
        "Norovirus spreads fast [1]. It sickens many [2]. It costs much [3]. Most recover [4]. "
        "The GII.4 genotype dominates, and the GII.4 Sydney variant spread in 2012 [5]."
    )
    found = find_markers(text, known={1, 2, 3, 4, 5})
    assert [m.numbers for m in found] == [(1,), (2,), (3,), (4,), (5,)]


def test_a_wikis_notes_group_is_not_its_references() -> None:
    text = (
        "Norovirus spreads fast.[1] It was seen in 1972,[2] the first such virus.[note 1] "
        "It costs much.[3]"
    )
    assert [m.text for m in find_markers(text, known={1, 2, 3})] == ["[1]", "[2]", "[3]"]
    # GOV.UK's "[footnote 3]" alone stays a citation.
    assert [m.text for m in find_markers("It is 96% effective[footnote 3].", known={3})] == [
        "[footnote 3]"
    ]


def test_a_footnote_mark_after_a_word_cites_even_before_a_colon() -> None:
    text = "- SYGMA 1[^1]: budesonide as needed worked.\n\n[^1]: O'Byrne PM. N Engl J Med. 2018.\n"
    found = find_markers(text, known={1})
    assert [(m.text, m.numbers) for m in found] == [("[^1]", (1,))]


@pytest.mark.parametrize(
    "text",
    [
        "Most people improve.1 Call (312) 555-0147 to book a check.",  # an area code
        "Most people improve.1 Call us Mon-Fri, 8 a.m. to 5 p.m., or write.",  # a time
    ],
)
def test_phone_numbers_and_times_are_not_markers(text: str) -> None:
    assert [m.numbers for m in find_markers(text, known=set(range(1, 10)))] == [(1,)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sun harms.1 Risk rose when use started before the age of 35.2\n\nMore.", [1, 2]),
        ("Sun harms.1 It affects children aged 5 to 14.1,2 Children in damp homes.", [1, 1, 2]),
        ("Sun harms.1 They waited until their count fell below 350.2 The trial.", [1, 2]),
    ],
)
def test_a_marker_after_a_whole_numbers_stop(text: str, expected: list[int]) -> None:
    found = find_markers(text, known={1, 2, 3})
    assert [n for m in found for n in m.numbers] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The twenty-first set's forms (written for this test): references named in words.
        ("Both trials point the same way (refs 4 & 6).", [(4, 6)]),
        ("Start early, ideally after an evaluation (see ref 3).", [(3,)]),
        ("Start with solids, in line with family habits - ref 3 again.", [(3,)]),
        ("Four doses now suffice - see ref 5 for the details of that schedule.", [(5,)]),
        ("Our ref 12/345 is on the letter; see ref 2023-11 in the file.", []),  # not a list's
    ],
)
def test_references_named_in_words(text: str, expected: list[tuple[int, ...]]) -> None:
    assert [m.numbers for m in find_markers(text, known=set(range(1, 8)))] == expected


def test_a_parenthesis_left_open_at_a_paragraph_end() -> None:
    text = "Manipulation helped as much as exercise. (3\n\nPut plainly, it is an option.1"
    assert [m.numbers for m in find_markers(text, known={1, 2, 3})] == [(3,), (1,)]
    wrapped = "The dose was halved. (3\nmonths later) it was stopped."  # the line goes on
    assert find_markers(wrapped, known={1, 2, 3}) == ()


def test_digits_glued_to_a_name_the_text_uses_alone() -> None:
    text = "The 4AT takes two minutes. Nurses liked the 4AT. Its sensitivity was 0.88 for the 4AT3."
    assert [m.numbers for m in find_markers(text, known={1, 2, 3})] == [(3,)]
    # A name never printed alone, or printed with the same digits again, is the name.
    assert find_markers("Cases of COVID19. Most COVID19 cases were mild.", known={19}) == ()
    assert find_markers("Test with SF36. The SF was short.", known={36}) == ()
    # The forty-third set's guideline: a name defined once, then glued to its marker.
    text = "The whole blood clotting test (20WBCT) takes 20 minutes. The 20WBCT4\nis cheap."
    assert [m.numbers for m in find_markers(text, known={1, 2, 3, 4})] == [(4,)]
    # Defined only after the digits, or never: the name with its digits stays a name.
    assert find_markers("Use the 20WBCT4\nfirst. The test (20WBCT) is cheap.", known={4}) == ()


def test_a_names_number_counts_in_brackets_and_carets_side_by_side() -> None:
    # The forty-sixth and forty-seventh sets' forms (written for this test).
    cited = "Salt is high.1 Pressure rises.2 Strokes follow.3 Deaths too.4 Bread.5 Cuts work.6\n"
    # "Stata 17;": software and its version, never the range 1-7 with its dash lost
    text = cited + "Analysis: paired t-test, Stata 17; p<0.05 considered significant.\n"
    assert [m.numbers for m in find_markers(text, known=set(range(1, 9)))][-1] == (6,)
    # "(2 with women, 2 with men)": the second count of a list opened inside a parenthesis
    text = "Salt is high.1 Pressure rises.2\nWe will hold 4 groups (2 with women, 2 with men).\n"
    assert [m.numbers for m in find_markers(text, known=set(range(1, 9)))] == [(1,), (2,)]
    # "^4 ^5": two typed superscripts side by side; the first is no base of a power
    text = "Smoke builds up^4 ^5 and better ventilation helps."
    assert [m.numbers for m in find_markers(text, known=set(range(1, 9)))] == [(4,), (5,)]


def test_set_off_digits_after_a_number_at_a_lines_end_and_before_a_year() -> None:
    # The fiftieth set's insurer article, its markers set off by spaces (written for this
    # test): "above 300. 3" ends a line, "did. 4 2020 was ..." opens the next sentence on a year.
    text = (
        "Smoke harms lungs. 1 Hearts suffer too. 2 On bad days the index goes above 300. 3\n"
        "Fires kill many people. 4 2020 was the worst year on record.\n"
    )
    assert [m.numbers for m in find_markers(text, known=set(range(1, 7)))] == [
        (1,),
        (2,),
        (3,),
        (4,),
    ]


def test_a_set_off_pair_cut_by_a_hard_wrapped_lines_end() -> None:
    # The seventy-second set's leaflet from a PDF: "home. 1," ends a line, "3 Ask" opens
    # the next; the pair is 1 and 3.
    text = (
        "Delirium is common. 1 It can be prevented. 2, 3 Most people get better, but some\n"
        "stay confused for weeks after they go home. 1,\n3 Ask us about a follow-up visit.\n"
    )
    found = [m.numbers for m in find_markers(text, known={1, 2, 3})]
    assert found == [(1,), (2, 3), (1, 3)]


def test_a_marker_glued_after_a_parenthesis_closing_on_a_stop() -> None:
    text = "Most mothers stop early.1-5 Support pays back (Rollins et al.)6 and it helps.7"
    found = find_markers(text, known=set(range(1, 8)))
    assert [m.numbers for m in found] == [(1, 2, 3, 4, 5), (6,), (7,)]


def test_digits_glued_to_names_grow_linearly() -> None:
    """Each ``4AT3.`` candidate looks its name up in one count of the text's words, not by
    searching the whole text again: a page of thousands of them stays linear."""

    def page(n: int) -> str:
        return "The 4AT helps. The 4AT is short. " + " ".join(
            f"Test T{k}X{k % 7 + 1}." for k in range(n)
        )

    ratio = growth(page, lambda text: find_markers(text, known=set(range(1, 8))), 4_000)
    assert ratio < LINEAR_BOUND, ratio


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The twenty-fifth set's forms (written for this test).
        (
            "Processed foods were first grouped.1 The fourth group, “ultra-processed foods,”2 grew.",
            [(1,), (2,)],
        ),
        (
            "Diets were compared.1 A French cohort (NutriNet-Santé)2 found more heart disease.",
            [(1,), (2,)],
        ),
        (
            "Diets were compared.1 People ate more and gained two pounds in two weeks2 — even so.",
            [(1,), (2,)],
        ),
        (
            "Diets were compared.1 Interns worked longer (the “intervention schedule”)2 and erred.",
            [(1,), (2,)],
        ),
        ("Muscle grew in every age group, though less with age\n(1). Lifting drives it.", [(1,)]),
    ],
)
def test_markers_after_quotes_names_and_dashes(text: str, expected: list[tuple[int, ...]]) -> None:
    assert [m.numbers for m in find_markers(text, known={1, 2, 3})] == expected


def test_markers_set_off_by_spaces_fill_the_gaps_of_glued_ones() -> None:
    # Glued markers 2, 3 and 7 alone look out of order (7 far ahead of 3); the digits set off
    # after sentences' ends, all in the list, fill the gaps, and all are read.
    text = (
        "Most students sleep badly. 1 Our survey agreed. Reaction slows at 0.05%. 2 After more, "
        "it is above the limit in Malaysia.2 Debt builds up.3 Interns erred more. 4 They failed "
        "at night. 5 Sleep consolidates memory. 6 Avoid caffeine after 3pm.7 Keep a routine.7"
    )
    found = find_markers(text, known=set(range(1, 8)))
    assert [n for m in found for n in m.numbers] == [1, 2, 2, 3, 4, 5, 6, 7, 7]


@pytest.mark.parametrize(
    "text",
    [
        # The twenty-sixth set's furniture (written for this test): numbers after a label's
        # abbreviation, a statute's subsection, a tower in an address.
        "Most babies settle.1 Spring 2025 | Vol. 12, No. 1\nMore.2",
        "Most babies settle.1 Caring at home – Family Guide No. 2\nMore.2",
        "Most babies settle.1 The foundation is a 501(c)(3) nonprofit organization.",
        "Most babies settle.1 Kalma Inc., 28/F Tower 2, Ayala Triangle, Makati City.",
    ],
)
def test_furniture_numbers_are_not_markers(text: str) -> None:
    numbers = [m.numbers for m in find_markers(text, known={1, 2, 3})]
    assert numbers in ([(1,)], [(1,), (2,)])


@pytest.mark.parametrize(
    "text",
    [
        # The twenty-seventh set's forms (written for this test): a number in parentheses the
        # list lacks is an age or a count, not a citation; a count's bound after a comma.
        "Thread: DS (14) has asthma, the nurse says use a spacer. Spacers help [1].",
        "Spacers help [1]. Mine (17) was the same and it got better [2].",
        "Spacers help.1 Code 99213 Office visit, 1 or more problems; low complexity.",
        # The twenty-eighth set's: a statute's subsection after its section, a day and month
        # after a sentence's end.
        "Spacers help.1 Most recover.2\n\n1. In terms of section 26(2)(a), she died on 4 May.\n",
        "Spacers help.1 Most recover.2\n14 Jan 2025: 4,000 signatures! Thank you all.\n"
        "2 Oct 2024: We passed 1,000 in the first month.\n",
    ],
)
def test_ages_and_bounds_are_not_markers(text: str) -> None:
    numbers = [m.numbers for m in find_markers(text, known={1, 2, 3})]
    assert numbers in ([(1,)], [(1,), (2,)])


def test_a_marker_before_a_colon_and_a_link_definition() -> None:
    # The twenty-ninth set's form (written for this test): "[3]:" then prose is a marker;
    # "[3]: docs/setup.md" and "[4]: https://..." ending their lines define links.
    text = (
        'Nets do the opposite of "drying the womb"[3]: miscarriages fell [1].\n'
        "[2]: docs/setup.md\n[4]: https://example.org/a\n"
    )
    found = find_markers(text, known={1, 2, 3, 4})
    assert [m.numbers for m in found] == [(3,), (1,)]


def test_japans_superscripts_keep_only_their_closing_parenthesis() -> None:
    # The twenty-eighth set's form (written for this test): "clinic1)." with the list's
    # numbers; not "(vitamin B2)", whose parenthesis was opened before it on its line.
    text = (
        "Salt raises blood pressure in older adults1). Potassium lowers it2,3), and walking "
        "helps too1-3). Riboflavin (vitamin B2) is in milk."
    )
    found = find_markers(text, known={1, 2, 3})
    assert [m.numbers for m in found] == [(1,), (2, 3), (1, 2, 3)]


def test_a_marker_glued_before_a_guidelines_grade() -> None:
    # A clinical practice guideline's PDF text (the thirty-fourth set's form, written for this
    # test): each statement's marker, then its level of evidence after a comma; a room's
    # number after a capital is no marker.
    text = (
        "Oral rehydration had fewer serious adverse events.1, level I Nasogastric fluids are an "
        "alternative.2, level III Zinc shortens diarrhoea.3; grade A. Visit Room G.14, 9am to 5pm."
    )
    assert [m.numbers for m in find_markers(text, known={1, 2, 3, 14})] == [(1,), (2,), (3,)]


def test_an_age_after_i_am_is_no_marker() -> None:
    # A question page (the thirty-fifth set's form, written for this test) whose answers set
    # their markers off by a space: "I am 34," is the asker's age, not references 3 and 4.
    text = (
        "Ibuprofen eases dental pain 1, 2. Paracetamol adds to it 3. Is it safe together? "
        "I am 34, otherwise healthy, and take nothing else. Both are fine at normal doses 4."
    )
    found = [m.numbers for m in find_markers(text, known={1, 2, 3, 4})]
    assert (3, 4) not in found
    assert (34,) not in found


def test_a_patents_claim_number_is_no_marker_and_a_roads_number_takes_one() -> None:
    # The thirty-sixth set's forms, written for this test: a patent's dependent claims name
    # the claim they depend on ("claim 1,"), and a council report's footnote is glued to a
    # road's number ("the A4067.4 Officers").
    claims = (
        "Probiotics shortened diarrhoea 1. The composition of claim 1, further comprising "
        "trehalose. The composition for use according to claim 2, wherein the dose is daily."
    )
    assert [m.numbers for m in find_markers(claims, known={1, 2})] == [(1,)]
    road = (
        "Speeds fell on residential roads.3 The evidence is weakest for roads like the A4067.4 "
        "Officers have proposed exceptions."
    )
    assert [m.numbers for m in find_markers(road, known={1, 2, 3, 4})] == [(3,), (4,)]


def test_numbered_things_an_equation_a_subsection_a_statement_and_a_date_are_no_markers() -> None:
    # The thirty-eighth set's forms, written for this test: a determination's paragraphs
    # cross-referred in brackets, a statute's subsection, a preprint's equations, a consensus
    # statement's number, a heterogeneity statistic, days of a month after "on".
    text = (
        "As paragraphs [6] to [9] show, falls were common [2]. The inquiry was held under "
        "section 2(4) of the Act. Substituting Eq. (1) into Eq. (2) gives the rate (3). "
        "Statement 1. Athletes need an ECG. Heterogeneity will be assessed with the I² "
        "statistic. The inquiry sat on 14, 15 and 17 April 2025."
    )
    found = [m.numbers for m in find_markers(text, known=set(range(1, 10)))]
    assert found == [(2,), (3,)]
    # Words that only end a sentence before its marker keep it.
    cited = "Fibre is a reasonable first step [3]. Ten thousand is not a magic line (1)."
    assert [m.numbers for m in find_markers(cited, known={1, 2, 3})] == [(3,), (1,)]


def test_digits_glued_after_a_percentage() -> None:
    # A grant application's flattened superscript after a percent sign (the thirty-eighth
    # set's form, written for this test), for numbers the list has.
    text = "In the last survey, 59.1%2 of girls were anaemic, against 31.4%3."
    assert [m.numbers for m in find_markers(text, known={1, 2, 3})] == [(2,), (3,)]
    assert [m.numbers for m in find_markers(text, known={1})] == []


def test_a_route_number_is_no_marker() -> None:
    # A school nurse's newsletter (the thirty-ninth set's form, written for this test): a
    # road's number before a stop is not a marker set off by a space.
    text = "A nit comb costs about $12.99 at the pharmacy on Route 3. Lice spread by contact 3."
    assert [(m.numbers, m.span.start) for m in find_markers(text, known={1, 2, 3})] == [
        ((3,), text.rindex("3"))
    ]


def test_a_radio_channel_is_no_marker() -> None:
    # A mine's toolbox talk (the fortieth set's form, written for this test): a channel's
    # number before a stop is not a marker set off by a space.
    text = (
        "Dust kills miners slowly 1. Report a broken fan to Control on Ch 2. Wet drilling helps 2."
    )
    assert [(m.numbers, m.span.start) for m in find_markers(text, known={1, 2})] == [
        ((1,), text.index("1")),
        ((2,), text.rindex("2")),
    ]


def test_the_next_count_of_a_list_after_a_comma_is_no_marker() -> None:
    # A Quora answer (the fortieth set's form, written for this test): "4 cups a day, 2 with
    # meals" counts cups twice; "Kim and colleagues, 2 the authors" still cites.
    text = (
        "Tea binds iron, Kim and colleagues, 1 the authors of a trial, found. Her diary: "
        "ferritin 6 ng/mL, 4 cups of tea a day, 2 with meals."
    )
    assert [m.numbers for m in find_markers(text, known={1, 2})] == [(1,)]


def test_a_subsection_after_an_abbreviated_section_and_a_marker_after_a_quote() -> None:
    # A freedom-of-information letter and an OCR'd circular (the forty-first set's forms,
    # written for this test): "s.37(1)" is a subsection; digits set off after a closing
    # quote and before a spaced comma are a flattened superscript.
    text = (
        "Released in part under s.37(1) of the Act. "
        'Staff follow the "five moments" 1 , listed below.'
    )
    assert [(m.numbers, m.span.start) for m in find_markers(text, known={1})] == [
        ((1,), text.index(" 1 ,") + 1)
    ]


def test_a_square_in_a_formula_is_no_marker() -> None:
    # A clinic's page (the forty-second set's form, written for this test): "height²" after a
    # division sign is a square; "helps²" at a sentence's end still cites.
    text = "BMI is weight (kg) ÷ height² (m²). Surgery helps². The area = r² here."
    assert [(m.numbers, m.span.start) for m in find_markers(text, known={1, 2})] == [
        ((2,), text.index("helps²") + 5)
    ]


def test_a_digests_item_number_is_no_marker() -> None:
    # A disease-alert post (the forty-third set's form, written for this test): items headed
    # "[1]" and "[2]", a moderator's comment that refers to "item [2]".
    text = "[2] Follow-up: contacts tested\nThe contacts in item [2] took a full course [1]."
    assert [m.numbers for m in find_markers(text, known={1, 2})] == [(1,)]


def test_digits_glued_after_a_quantitys_unit() -> None:
    # A poster and a shop's page (the fortieth and forty-second sets' forms, written for this
    # test): a superscript flattened onto a unit of mass or amount, for numbers the list has.
    text = "Babies born under 2000 g1,6. The mean rose to 65 nmol/l1 between 2000 and 2011."
    assert [m.numbers for m in find_markers(text, known={1, 6})] == [(1, 6), (1,)]
    # A unit of length takes a square, a gene's name its digits, and a number the list lacks is data.
    text = "Dose 30 mg/m2 daily. It blocks the NPC1L1 transporter. Take 5 g7 now."
    assert find_markers(text, known={1, 2, 6}) == ()


def test_digits_glued_to_a_name_at_a_lines_end() -> None:
    # Lecture slides (the fortieth set's form, written for this test): a bullet ends on a name
    # the slides use alone elsewhere, with the superscript flattened onto it.
    text = (
        "Romania uses the most antibiotics in the EEA1\nThe EEA mean is lower.\n"
        "The EEA data are yearly.\n"
    )
    assert [m.numbers for m in find_markers(text, known={1})] == [(1,)]


def test_a_range_cited_again_set_off_after_a_sentence_with_its_dash_lost() -> None:
    # An NGO's annual report (the forty-fourth set's form, written for this test): the
    # superscripts came out set off by spaces, and "35" after 3, 4 and 5 cites 3-5 again.
    text = (
        "Typhoid is common in the city. 1 Vaccines help. 2 A trial in Malawi worked. 3 One in "
        "Nepal worked. 4 One in Dhaka worked. 5 The three trials tell one story. 35 On this "
        "evidence the country acted."
    )
    assert [m.numbers for m in find_markers(text, known=range(1, 6))][-1] == (3, 4, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Shops are at Terminal 1, gates C10 to C24. Flying raises the risk of clots. 1",
        "Uptake is lowest in SIMD quintile 1. Vaccination prevents cancer. 1",
        "See Assignment 1, submitted in May. Boosters restore protection. 1",
    ],
)
def test_a_terminal_a_quintile_and_an_assignment_take_a_number(text: str) -> None:
    # The forty-fourth set's forms (written for this test): the number after these words
    # counts or names a thing; the one after the last stop cites.
    assert [(m.numbers, m.span.start) for m in find_markers(text, known={1})] == [
        ((1,), text.rindex("1"))
    ]


def test_a_forms_revision_number_is_no_marker() -> None:
    # An ethics committee's form (the forty-fifth set's form, written for this test): "rev. 4"
    # at a line's end numbers the form's revision.
    text = "APPLICATION FOR ETHICAL REVIEW    Form F02, rev. 4\nScreening finds early disease. 4\n"
    assert [(m.numbers, m.span.start) for m in find_markers(text, known={1, 2, 3, 4})] == [
        ((4,), text.rindex("4"))
    ]


def test_set_off_digits_after_a_name_must_be_next_in_the_order() -> None:
    # The seventy-second set's factory page (written for this test): "in Hall 4," is a hall,
    # not a first citation of 4; after a name, set-off digits cite only the next number.
    text = "From 3 November, ear defenders are required in Hall 4, not only at the presses.\n"
    assert find_markers(text, known=set(range(1, 6))) == ()
    cited = "Noise damages hearing.1 Plugs help.2 Training helps.3\n"
    text = cited + "The study at Volvo 4, the largest, found fewer cases.\n"
    assert [m.numbers for m in find_markers(text, known=set(range(1, 6)))][-1] == (4,)
    # An article that sets its markers off so (before its stops) may cite out of order
    # after a name too: "used in the United Kingdom 9," (the first held-out set's review).
    spaced = (
        "Oily fish holds much of it 1. Vitamin D3 raises levels more reliably 7. The cut-off"
        " is 25 nmol/L, the threshold used in the United Kingdom 9, although others differ."
        " Trials found no effect on falls 2. Nor on fractures 3.\n"
    )
    found = [m.numbers for m in find_markers(spaced, known=set(range(1, 10)))]
    assert found == [(1,), (7,), (9,), (2,), (3,)]


@pytest.mark.parametrize(
    "text",
    [
        "Patients were turned every 2, 3 or 4 hours on the ward.",
        "The paper appeared in the Medical Monthly, volume 2.",
        "It was printed in issue 4, with a reply.",
    ],
)
def test_a_number_a_word_takes_is_no_set_off_marker(text: str) -> None:
    # The seventy-fifth set's essay and wiki notes (written for this test).
    cited = "Ulcers are common.1 Turning helps.2 Foam helps.3 Tilt helps.4\n"
    found = find_markers(cited + text + "\n", known={1, 2, 3, 4})
    assert [m.numbers for m in found] == [(1,), (2,), (3,), (4,)]


def test_set_off_digits_after_a_comma_before_not() -> None:
    # The seventy-sixth set's letter (written for this test): "for years, 4 not in those".
    text = (
        "Weight came back.1 Benefits faded.2 Pressure rose again.3 Events fell in people who"
        " stayed on treatment for years, 4 not in those on a short course.\n"
    )
    assert [m.numbers for m in find_markers(text, known={1, 2, 3, 4})][-1] == (4,)
