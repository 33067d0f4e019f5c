"""Cutting the body into claims: sentences, list items and headings, markers kept with them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acurefs.claims.markers import find_markers
from acurefs.claims.sentences import segment
from acurefs.models import Marker
from tests.claims.growth import LINEAR_BOUND, CopyCountingText, growth


def _segments(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.span.start : s.span.end]) for s in segment(text, find_markers(text))]


def _sentences(text: str) -> list[str]:
    return [t for _, t in _segments(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Pain eases. Sleep improves.", ["Pain eases.", "Sleep improves."], id="two"),
        pytest.param(
            "Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."], id="question-exclamation"
        ),
        pytest.param(
            "Smith et al. found a benefit. It lasted.",
            ["Smith et al. found a benefit.", "It lasted."],
            id="et-al",
        ),
        pytest.param(
            "See Fig. 2 for details. Good.", ["See Fig. 2 for details.", "Good."], id="fig"
        ),
        pytest.param(
            "E.g. needles help, i.e. a lot. Good.",
            ["E.g. needles help, i.e. a lot.", "Good."],
            id="eg-ie",
        ),
        pytest.param("Dr. Lee agrees. Good.", ["Dr. Lee agrees.", "Good."], id="dr"),
        pytest.param("J. Smith said so. Good.", ["J. Smith said so.", "Good."], id="initial"),
        pytest.param(
            "The effect was 3.5% larger. It lasted 6.5 months.",
            ["The effect was 3.5% larger.", "It lasted 6.5 months."],
            id="decimals",
        ),
        pytest.param("Pain fell by 45%. Good.", ["Pain fell by 45%.", "Good."], id="percent"),
        pytest.param(
            "Results were clear (see Table 1). Good.",
            ["Results were clear (see Table 1).", "Good."],
            id="parenthesis",
        ),
        pytest.param(
            'He said "it works." Then left.', ['He said "it works."', "Then left."], id="quote"
        ),
        pytest.param("Vitamin B12. Good.", ["Vitamin B12.", "Good."], id="digits-in-word"),
        pytest.param("No full stop at the end", ["No full stop at the end"], id="no-stop"),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("It helps.1 It is safe.2", ["It helps.1", "It is safe.2"], id="glued"),
        pytest.param(
            "It helps.1,2 It is safe.3-5", ["It helps.1,2", "It is safe.3-5"], id="glued-lists"
        ),
        pytest.param(
            "It improves symptoms,3 while care helps.4 Good.",
            ["It improves symptoms,3 while care helps.4", "Good."],
            id="glued-comma-mid-sentence",
        ),
        pytest.param(
            "Trials agree [4]. More (5). Also¹. End.",
            ["Trials agree [4].", "More (5).", "Also¹.", "End."],
            id="before-the-stop",
        ),
        pytest.param(
            "It helps. [1] It also helps. [2][3]",
            ["It helps. [1]", "It also helps. [2][3]"],
            id="after-the-stop-spaced",
        ),
        pytest.param(
            "It helps.[1] Good.[^2] More.² End.",
            ["It helps.[1]", "Good.[^2]", "More.²", "End."],
            id="after-the-stop-glued",
        ),
        pytest.param("Care [4]. Good.", ["Care [4].", "Good."], id="stop-after-marker"),
        pytest.param(
            "It is a parasomnia (ICSD-3).[3]: 240 [a] Pain is not part of it.[2]",
            ["It is a parasomnia (ICSD-3).[3]: 240 [a]", "Pain is not part of it.[2]"],
            id="wiki-page-and-lettered-note",
        ),
    ],
)
def test_closing_markers_stay_with_their_sentence(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_list_items_headings_and_sections() -> None:
    text = (
        "# Acupuncture\n\nIt has three effects:\n\n1. Relieves pain.\n2) Reduces inflammation.\n"
        "- bullet one\n* bullet two\n• bullet three\n(3) Restores homeostasis.\n\n"
        "## How it works\n\nNeedles help. Really.\n"
    )
    found = [(s.kind, text[s.span.start : s.span.end], s.section) for s in segment(text)]
    assert found == [
        ("heading", "Acupuncture", None),
        ("sentence", "It has three effects:", "Acupuncture"),
        ("list-item", "Relieves pain.", "Acupuncture"),
        ("list-item", "Reduces inflammation.", "Acupuncture"),
        ("list-item", "bullet one", "Acupuncture"),
        ("list-item", "bullet two", "Acupuncture"),
        ("list-item", "bullet three", "Acupuncture"),
        ("list-item", "Restores homeostasis.", "Acupuncture"),
        ("heading", "How it works", "Acupuncture"),
        ("sentence", "Needles help.", "How it works"),
        ("sentence", "Really.", "How it works"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        pytest.param("Neck pain", "heading", id="short-line"),
        pytest.param("Low back pain (LBP)", "heading", id="with-parenthesis"),
        pytest.param("Research suggests acupuncture may:", "sentence", id="colon"),
        pytest.param("Neck pain.", "sentence", id="stop"),
        pytest.param("Neck pain [1]", "sentence", id="with-marker"),
        pytest.param(
            "one two three four five six seven eight nine ten eleven twelve thirteen",
            "sentence",
            id="too-long",
        ),
    ],
)
def test_unmarked_headings(line: str, kind: str) -> None:
    text = "Intro paragraph.\n\n" + line + "\n\nBody text here."
    segments = _segments(text)
    assert segments[1] == (kind, line)


def test_a_post_in_lower_case_opens_a_sentence_after_a_stop_that_closes_a_marker() -> None:
    # A Tumblr post written all in lower case (the fifty-sixth marker set's form, written for
    # this test): a stop right after a marker ends the sentence; an uncited one still needs a
    # capital after it ("e.g. in", "about 50. most").
    text = (
        "each attack lasts about two minutes⁽¹⁾⁽²⁾. there's no blood test for it⁽²⁾. "
        "it's rare, e.g. in young people, and most are about 50. most are women."
    )
    assert _sentences(text) == [
        "each attack lasts about two minutes⁽¹⁾⁽²⁾.",
        "there's no blood test for it⁽²⁾.",
        "it's rare, e.g. in young people, and most are about 50. most are women.",
    ]


def test_a_list_item_goes_on_at_a_line_that_opens_in_lower_case() -> None:
    # A PDF's key points: each bullet wraps without an indent.
    text = (
        "Key points\n"
        "• Ankle sprains are common and most get better on their own, but not always\n"
        "completely.12\n"
        "• Most people with a twisted ankle do not need an X-ray.34\n"
        "\n"
        "Rest helps.\n"
    )
    assert _sentences(text)[1:] == [
        "Ankle sprains are common and most get better on their own, but not always\ncompletely.12",
        "Most people with a twisted ankle do not need an X-ray.34",
        "Rest helps.",
    ]
    # After a blank line, a line in lower case is not the item's.
    apart = "• Sprains are common\n\ncompletely healed ankles are rare.\n"
    assert _sentences(apart) == ["Sprains are common", "completely healed ankles are rare."]


def test_a_marker_wrapped_onto_a_line_of_its_own_stays_with_its_sentence() -> None:
    # The twenty-ninth set's form (written for this test): one line a paragraph, the marker
    # pushed onto the next line.
    text = (
        "Warm-ups take 15 to 20 minutes and most exercises use the ball [1].\n"
        "Landing softly is the habit we teach most, because most injuries happen on one leg\n"
        "[2].\n"
        "Training twice a week is enough [3].\n"
    )
    sentences = _sentences(text)
    assert len(sentences) == 3
    assert sentences[1].endswith("on one leg\n[2].")


def test_wrapped_paragraphs_join_lines() -> None:
    text = (
        "Acupuncture is a traditional practice from China that involves thin\n"
        "needles inserted at specific points of the body. A systematic review of\n"
        "acute low back pain concluded that acupuncture can effectively improve\n"
        "symptoms,1 while another review showed that combining acupuncture with\n"
        "usual care produced better results than usual care alone.2 Large studies\n"
        "of neck pain patients reported greater pain relief [3].\n"
    )
    sentences = _sentences(text)
    assert len(sentences) == 3
    assert sentences[1].startswith("A systematic review of\nacute")
    assert sentences[1].endswith("usual care alone.2")
    assert sentences[2].endswith("relief [3].")


def test_one_paragraph_per_line_is_not_joined() -> None:
    text = "Short line one\nShort line two\nShort line three\n"
    assert _segments(text) == [
        ("heading", "Short line one"),
        ("heading", "Short line two"),
        ("heading", "Short line three"),
    ]


def test_spans_exclude_surrounding_whitespace() -> None:
    text = "   Pain eases.   Sleep improves.   \n"
    for seg in segment(text):
        chunk = text[seg.span.start : seg.span.end]
        assert chunk == chunk.strip()


def test_sentence_ending_in_a_unit() -> None:
    assert _sentences("The dose was 2.5 mg. The effect was larger.") == [
        "The dose was 2.5 mg.",
        "The effect was larger.",
    ]


def test_month_abbreviation_does_not_end_a_sentence() -> None:
    assert _sentences("The study ran from Jan. 2019 to Dec. 2020. It ended.") == [
        "The study ran from Jan. 2019 to Dec. 2020.",
        "It ended.",
    ]


def test_marker_after_a_no_break_space_closes_the_sentence() -> None:
    assert _sentences("It eases pain.\xa0[3] More text.") == ["It eases pain.\xa0[3]", "More text."]


# --- properties --------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "pain", "Acupuncture", "needles", "trial", "et", "al.", "Fig.", "e.g.", "2.5", "mg.",
        "14,000+", "6-12", "2017", "[1]", "(2)", "[3-4]", "¹", "alone.4", "symptoms,3", "[^1]",
        "Dr.", "U.S.", "45%.", "Why?", "Yes!",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", " ", ". ", "\n", "\n\n", "\n- ", "\n1. ", "\n## ", "\t"])


@given(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=40))
@settings(max_examples=300, deadline=None)
def test_segment_never_crashes_and_never_loses_words(pieces: list[tuple[str, str]]) -> None:
    """Segments are ordered, disjoint and trimmed; every word lies inside one of them."""
    text = "".join(word + sep for word, sep in pieces)
    markers = find_markers(text)
    segments = segment(text, markers)
    previous_end = 0
    covered = [False] * len(text)
    for seg in segments:
        assert previous_end <= seg.span.start < seg.span.end <= len(text)
        previous_end = seg.span.end
        chunk = text[seg.span.start : seg.span.end]
        assert chunk == chunk.strip()
        assert seg.kind in {"sentence", "list-item", "heading"}
        for i in range(seg.span.start, seg.span.end):
            covered[i] = True
    for match in re.finditer(r"[A-Za-z]{2,}", text):
        assert all(covered[match.start() : match.end()]), match.group()
    for marker in markers:
        assert all(covered[marker.span.start : marker.span.end]), marker.text


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_segment_never_crashes_on_any_text(text: str) -> None:
    for seg in segment(text, find_markers(text)):
        assert 0 <= seg.span.start < seg.span.end <= len(text)


# Growth with the input, as counts and ratios, never seconds (see tests/claims/growth.py).


def test_segment_reads_a_one_line_article_a_bounded_number_of_times() -> None:
    """Each sentence boundary used to copy the rest of its paragraph: quadratic on one line."""
    plain = "Acupuncture helps pain.1 " * 4000
    text = CopyCountingText(plain)
    segments = segment(text, find_markers(plain))
    assert [plain[s.span.start : s.span.end] for s in segments[:2]] == [
        "Acupuncture helps pain.1",
        "Acupuncture helps pain.1",
    ]
    assert len(segments) == 4000
    assert text.copied <= 3 * len(plain), text.copied / len(plain)


def _paragraphs_with_markers(n: int) -> tuple[str, tuple[Marker, ...]]:
    body = "Acupuncture eased neck pain in two trials.1 Reviews agree.2\n\n" * n
    return body, find_markers(body)


def test_heading_check_grows_linearly_with_the_markers() -> None:
    """A short paragraph without a closing stop used to scan every marker for one inside it."""
    ratio = growth(_paragraphs_with_markers, lambda args: segment(*args), 4000)
    assert ratio < LINEAR_BOUND, ratio


def test_a_sentence_of_abbreviations_grows_linearly() -> None:
    """The word before each stop used to be searched for from the start of the sentence."""
    text = "Dr. Smith and Dr. Jones " * 3
    assert _sentences(text) == [text.strip()]
    ratio = growth(lambda n: "Dr. Smith and Dr. Jones " * n, segment, 16_000)
    assert ratio < LINEAR_BOUND, ratio


def test_a_sentence_cut_by_a_page_foot_goes_on_at_a_line_in_lower_case() -> None:
    # The foot ("Leaflet 12   Page 2 of 3") is blanked before claims are cut: a blank line.
    text = (
        "Most people keep their sight with injections. In a large trial, two medicines "
        "worked equally well over a\n\n"
        "year.7 The sooner treatment starts, the better.\n"
    )
    assert _sentences(text) == [
        "Most people keep their sight with injections.",
        "In a large trial, two medicines worked equally well over a\n\nyear.7",
        "The sooner treatment starts, the better.",
    ]


def test_an_open_line_before_a_capital_a_bullet_or_a_short_line_stays_apart() -> None:
    text = (
        "The clinic is open to anyone who is registered with a\n"
        "Practice in the town. Bring a list of medicines.\n\n"
        "What to bring to your appointment with the\n"
        "- your letter\n"
        "Side effects\n"
        "are listed in the leaflet.\n"
    )
    assert _sentences(text) == [
        "The clinic is open to anyone who is registered with a",
        "Practice in the town.",
        "Bring a list of medicines.",
        "What to bring to your appointment with the",
        "your letter",
        "Side effects",
        "are listed in the leaflet.",
    ]


def test_a_narrow_column_from_a_pdf_is_wrapped() -> None:
    # A poster's column: short lines that run on mid-sentence, some onto a capital.
    column = (
        "Metformin is the first-line tablet for the\n"
        "treatment of type 2 diabetes in adults and\n"
        "its long-term use is associated with lower\n"
        "vitamin levels in the blood of many of the\n"
        "people who take it. Deficiency was defined\n"
        "as a serum level below the cut-off in the\n"
        "British guideline and was measured in the\n"
        "clinic at the start of the audit period by\n"
        "the practice team on two separate visits.\n"
        "About one in ten of those tested had a low\n"
        "level, which is higher than the share in a\n"
        "national survey of people on the tablet.\n"
    )
    sentences = _sentences(column)
    assert len(sentences) == 3
    assert sentences[1].startswith("Deficiency was defined")
    assert sentences[1].endswith("two separate visits.")


def test_a_sentence_goes_on_past_a_page_foot_and_its_repeated_heading() -> None:
    from acurefs import parse_document

    text = (
        "Sore throats matter\n\nSchools with a clinic took part in a trial, and although the "
        "number of cases fell in schools with a clinic,1 the\n\n"
        "Leaflet RF-07 | Issued 03/2026 | Review 03/2029   Page 1 of 2\n\f\n"
        "Sore throats matter (continued)\n\n"
        "difference was too small to be sure it was not due to chance.2 Later work agreed.3\n\n"
        "References\n1. Lennon D. School clinics. BMJ. 2009;1:1.\n"
        "2. Lennon D. School trial. BMJ. 2009;2:2.\n3. Jack S. Programme. BMJ. 2018;3:3.\n"
    )
    claims = [c for c in parse_document(text).claims if c.numbers]
    assert [c.numbers for c in claims] == [(1, 2), (3,)]


def test_a_word_broken_at_a_page_foot_goes_on_after_it_and_headings_sit_on_their_paragraph() -> (
    None
):
    from acurefs import parse_document

    line = "The leaflet is wrapped at a fixed width, as a PDF copied to text is, so that"
    text = (
        f"{line}\nits lines run on into the next one and stop at the margin again.1\n\n"
        "Medication\nThe prescription medicine acetazolamide (Diamox) speeds up accli-\n\n"
        "TH-07-EN  |  version 4  |  14-01-2026                           page 2 of 3\n"
        "\fTravel Clinic  |  Altitude illness\n\n"
        "matisation, so that your body adapts to the altitude faster than without it.2\n"
        f"{line}\nits lines run on into the next one and stop at the margin again.1\n\n"
        "References\n1. Doe J. Wrapping. BMJ. 2009;1:1.\n2. Roe K. Altitude. BMJ. 2012;2:2.\n"
    )
    doc = parse_document(text, format="text")
    assert [c.statement for c in doc.claims if c.kind.value == "heading"] == ["Medication"]
    (claim,) = [c for c in doc.claims if c.numbers == (2,)]
    assert claim.statement.startswith("The prescription medicine")
    assert "accli-" in claim.statement
    assert "matisation" in claim.statement
    assert "page 2 of 3" not in claim.statement


def test_a_wrapped_paragraph_cut_by_a_page_break_after_a_short_last_line_goes_on() -> None:
    from acurefs import parse_document

    head = "Policy Research | Minimum unit pricing for alcohol in Wales\n\n"
    text = (
        head + "A later analysis added Welsh data and found that purchases fell in both\n"
        "countries compared with England, with the\n"
        "fall in Wales\n\n"
        "www.briefings.example                    2\n\n"
        + head
        + "similar in size to that in Scotland.1 Prices matter in every country we looked at.2\n"
        "www.briefings.example                    3\n\n"
        "References\n1. Anderson P. Purchases. Lancet. 2021;6:1.\n2. Roe K. Prices. BMJ. 2012;2:2.\n"
    )
    claims = [c for c in parse_document(text, format="text").claims if c.numbers]
    assert claims[0].numbers == (1,)
    assert claims[0].statement.startswith("A later analysis")


def test_the_sentences_of_a_list_item_cite_apart_when_each_cites() -> None:
    from acurefs import parse_document

    text = (
        "Night work matters.\n\n"
        "1. Your heart. A review of 34 studies found a higher risk of heart attack.1 Other work "
        "links shift work with diabetes.2\n"
        "2. Breathless at rest, or confused? Descend now and get help.1,2\n\n"
        "References\n1. Vyas MV. Shift work. BMJ. 2012;345:e4800.\n"
        "2. Kecklund G. Shift work. BMJ. 2016;355:i5210.\n"
    )
    cited = [
        (c.numbers, c.statement) for c in parse_document(text, format="text").claims if c.numbers
    ]
    assert [numbers for numbers, _ in cited] == [(1,), (2,), (1, 2)]
    assert cited[0][1].startswith("A review of 34 studies")
    assert cited[2][1].startswith("Breathless at rest")  # one marker closes it: one claim


def test_a_heading_after_a_paragraph_held_open_by_a_header() -> None:
    from acurefs import parse_document

    line = "Delirium is common in older people admitted to hospital and is linked with"
    text = (
        "Screening for delirium on a geriatric trauma unit:\na before and after study\n"
        "J. de Vries¹, M. Bakker², S. El Amrani¹, P. Jansen¹˒³\n\n"
        f"BACKGROUND\n{line}\ndeath and dementia.1\n"
        f"{line}\nlonger stays.2 {line}\nfalls.1\n\nAIM\nTo test a screening tool on our unit.\n\n"
        "References\n1. Doe J. Delirium. BMJ. 2009;1:1.\n2. Roe K. Stays. BMJ. 2012;2:2.\n"
    )
    doc = parse_document(text, format="text")
    headings = [c.statement for c in doc.claims if c.kind.value == "heading"]
    assert "BACKGROUND" in headings
    assert not any(c.statement.startswith("BACKGROUND") and c.numbers for c in doc.claims)


def test_a_line_opening_with_a_number_or_a_capital_goes_on_a_full_line() -> None:
    # Each paragraph on one line, wrapped by a newsletter at a fixed width (the twenty-fifth
    # set's forms, written for this test).
    short = "".join(f"Short line {n} of the newsletter.\n" for n in range(12))
    text = short + (
        "Shingrix was about 97% effective at preventing shingles in adults aged\n"
        "50 and over in its first large trial.\n"
        "We added a prompt to the sign-in, based on the widely used WHO Surgical Safety\n"
        "Checklist, whose introduction was followed by fewer deaths.\n"
        "After the Weight Comes Off - Obesity Drugs as Long-Term Therapy in Practice\n"
        "Anna Carter, MD, and Luis Ortega, MD\n"
    )
    spans = [text[s.span.start : s.span.end] for s in segment(text)]
    assert any(s.startswith("Shingrix") and "first large trial" in s for s in spans)
    assert any(s.startswith("We added") and "fewer deaths" in s for s in spans)
    assert not any(s.startswith("After the Weight") and "Anna" in s for s in spans)


def test_an_emoji_ends_a_captions_sentence() -> None:
    text = (
        "Protein kept muscle building going (4) 🤯 Spreading it over meals is a smart default (3)."
    )
    markers = find_markers(text, known={1, 2, 3, 4})
    spans = [text[s.span.start : s.span.end] for s in segment(text, markers)]
    assert len(spans) == 2
    assert spans[1].startswith("Spreading")


def test_a_marker_ending_a_long_line_does_not_end_its_sentence() -> None:
    # A PDF's lines run past a hundred characters (so the text is not read as wrapped), and a
    # flattened superscript ends one mid-sentence (the thirty-first set's form, written for
    # this test): the sentence goes on at the next line, and the glued digits are its marker.
    text = (
        "Falls send about 1 in 4 adults over 65 to an emergency department each year in the "
        "United Kingdom3\n"
        "and are a leading cause of injury deaths,2 with hip fractures the most common harm.2,4\n"
        "Strength and balance classes cut the rate of falls by about a quarter in trials.1\n"
    )
    markers = find_markers(text, known={1, 2, 3, 4})
    assert [m.numbers for m in markers] == [(3,), (2,), (2, 4), (1,)]
    spans = [text[s.span.start : s.span.end] for s in segment(text, markers)]
    assert len(spans) == 2
    assert spans[0].startswith("Falls")
    assert spans[0].endswith("harm.2,4")


def test_a_line_stopping_on_a_number_goes_on_only_in_lower_case() -> None:
    # Long PDF lines (the thirty-first set's forms, written for this test): a sentence broken
    # after "at least 18" or "around 4-5%" goes on at a line in lower case; a line in capitals
    # after a number opens a sentence of its own.
    text = (
        "Nitrogen dissolved during a dive can form bubbles as the cabin pressure falls (1). Divers "
        "should wait at least 18\n"
        "hours after several dives a day (2). These times come from chamber trials (3).\n"
        "Raising tobacco taxes is the surest single way to cut smoking. A 10% rise in price is "
        "generally expected to lower smoking by around 4-5%\n"
        "in low- and middle-income countries. 4\n"
        "Our dive centre on Harbour Road, next to the jetty and the fuel dock, has welcomed divers "
        "from all over since 2009\n"
        "Booking is open every day from the front desk of the resort.\n"
    )
    markers = find_markers(text, known={1, 2, 3, 4})
    spans = [text[s.span.start : s.span.end] for s in segment(text, markers)]
    assert any(s.startswith("Divers") and s.endswith("(2).") for s in spans)
    assert any(s.startswith("A 10% rise") and s.endswith("countries. 4") for s in spans)
    assert any(s.startswith("Our dive centre") and s.endswith("2009") for s in spans)


def test_a_marker_opening_the_next_line_is_the_sentence_befores() -> None:
    # A bulletin's PDF text with long lines (the thirty-second set's form, written for this
    # test): the marker set off after a sentence was wrapped onto the next line.
    text = (
        "Night work does more than disturb sleep. Nurses on rotating shifts have a higher risk of "
        "type 2 diabetes than day workers, even after allowing for weight.\n"
        "2 A large review also linked shift work to more heart attacks and strokes. 3\n"
    )
    markers = find_markers(text, known={1, 2, 3})
    spans = [text[s.span.start : s.span.end] for s in segment(text, markers)]
    assert any(s.startswith("Nurses") and s.endswith("weight.\n2") for s in spans)
    assert any(s.startswith("A large review") and s.endswith("strokes. 3") for s in spans)


def test_a_marker_alone_on_the_line_after_a_sentence_ends_it() -> None:
    # Found by the property test below: the marker took all that was on its line.
    text = "al.\n[^1] "
    spans = [text[s.span.start : s.span.end] for s in segment(text, find_markers(text))]
    assert spans == ["al.\n[^1]"]


def test_a_slides_bullets_run_into_one_line_are_items_of_their_own() -> None:
    # A deck's transcript copied as text (the sixty-first set's form, written for this test):
    # each slide one line, its points parted by "•".
    text = (
        "2. Why it happens • Most cases start in the mouth². • Tongue bacteria release sulphur¹. "
        "• Saliva holds many bacteria.\n"
    )
    assert _segments(text) == [
        ("list-item", "Why it happens"),
        ("list-item", "Most cases start in the mouth²."),
        ("list-item", "Tongue bacteria release sulphur¹."),
        ("list-item", "Saliva holds many bacteria."),
    ]
