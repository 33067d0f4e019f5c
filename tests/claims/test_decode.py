"""Decoding doubtful markers with what the article tells: its list and its order of citation.

The sentences are written for these tests in the shapes scraped pages and PDFs have.
"""

from __future__ import annotations

import dataclasses

import pytest

from acurefs.claims.candidates import candidates, numbers_of
from acurefs.claims.decode import decode, follows_order
from acurefs.claims.markers import find_markers
from acurefs.models import Marker, MarkerStyle, Span


def glued(text: str, digits: str, *, style: MarkerStyle = MarkerStyle.SUPERSCRIPT) -> Marker:
    """The explicit marker ``digits`` at its (only) place after punctuation in ``text``."""
    start = text.index("." + digits) + 1 if "." + digits in text else text.index(digits)
    numbers = numbers_of(digits)
    assert numbers is not None
    return Marker(digits, numbers, Span(start, start + len(digits)), style)


def after(text: str, place: str) -> Marker:
    """The explicit marker that ends ``place`` (``"better.12"``), found where ``place`` is."""
    word, digits = place.strip().rsplit(".", 1)
    start = text.index(place) + len(word) + 1
    numbers = numbers_of(digits)
    assert numbers is not None
    return Marker(digits, numbers, Span(start, start + len(digits)), MarkerStyle.SUPERSCRIPT)


def run(
    text: str, markers: list[Marker], known: range | list[int]
) -> list[tuple[str, tuple[int, ...]]]:
    taken = bytearray(len(text))
    for m in markers:
        taken[m.span.start : m.span.end] = b"\x01" * (m.span.end - m.span.start)
    return [(m.text, m.numbers) for m in decode(text, markers, taken, known)]


def test_digits_set_off_after_a_sentence_continue_the_order() -> None:
    text = (
        "Pain is common worldwide.1 Its costs are high. 2,3 Most episodes settle in weeks.4 "
        "Exercise helps most patients. 5 Several trials agree.\n"
    )
    markers = [glued(text, "1"), glued(text, "4")]
    assert run(text, markers, range(1, 9)) == [
        ("1", (1,)),
        ("2,3", (2, 3)),
        ("4", (4,)),
        ("5", (5,)),
    ]


def test_a_number_out_of_order_or_off_the_list_is_not_a_marker() -> None:
    text = "Pain is common worldwide.1 It was first described in 1990. 2017 Reports followed.\n"
    assert run(text, [glued(text, "1")], range(1, 9)) == [("1", (1,))]
    text = "Pain is common worldwide.1 A later trial was larger. 9 People withdrew.\n"
    assert run(text, [glued(text, "1")], range(1, 12)) == [("1", (1,))]  # 9 jumps too far
    text = "Pain is common worldwide.1 A later trial was larger. 2 People withdrew.\n"
    assert run(text, [glued(text, "1")], [1]) == [("1", (1,))]  # the list has no 2


def test_words_and_quotes_with_glued_digits() -> None:
    text = (
        "Pain is common worldwide.1 The review by Smith2 and the “gate control” theory”3 "
        "were both discussed, as was the LI4 point and ST36.\n"
    )
    assert run(text, [glued(text, "1")], range(1, 6)) == [
        ("1", (1,)),
        ("2", (2,)),
        ("3", (3,)),
    ]


def test_a_lost_dash_is_restored_when_the_range_continues_the_order() -> None:
    text = (
        "Needling is safe.13 Serious harm is rare.4 Soreness and bruising are common.57 "
        "Fainting happens.8\n"
    )
    markers = [glued(text, d) for d in ("13", "4", "57", "8")]
    assert run(text, markers, range(1, 10)) == [
        ("13", (1, 2, 3)),
        ("4", (4,)),
        ("57", (5, 6, 7)),
        ("8", (8,)),
    ]
    # With a list that has 13 and 57, two markers jump far ahead: no evidence of order, no split.
    assert run(text, markers, range(1, 60))[0] == ("13", (13,))
    # One far-ahead flattened marker in an ordered article is a lost comma: "¹²" is 1,2.
    lost = "Pressure is common.12 Few control it.3 Salt matters.4 Exercise helps.5\n"
    first = [glued(lost, d) for d in ("12", "3", "4", "5")]
    assert [n for _, n in run(lost, first, range(1, 20))] == [(1, 2), (3,), (4,), (5,)]
    ahead = "Safe.13 Rare.14 Common.15 Fainting.16\n"
    in_order = [glued(ahead, d) for d in ("13", "14", "15", "16")]
    assert [n for _, n in run(ahead, in_order, range(1, 60))] == [(13,), (14,), (15,), (16,)]


def test_without_a_list_only_the_exact_order_after_an_explicit_marker() -> None:
    text = "Pain is common.1 Costs are high. 2 Many improve. 5 Most settle.\n"
    assert run(text, [glued(text, "1")], []) == [("1", (1,)), ("2", (2,))]


def test_an_article_out_of_order_gets_no_doubtful_marker() -> None:
    text = "A.7 B.2 C.9 D.1 E. 3 Then.\n"
    markers = [glued(text, d) for d in ("7", "2", "9", "1")]
    assert not follows_order(markers)
    assert [n for _, n in run(text, markers, range(1, 10))] == [(7,), (2,), (9,), (1,)]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, 14,000 people took part.",
        "Doses of 5 mg and 10 mg were tested; 3 of 40 patients withdrew.",
        "Scores on the SF-12 and the 5-HT3 receptor were measured at LI4 and ST36.",
        "The Health2Go app costs $5.",
    ],
)
def test_prose_numbers_are_not_even_candidates(text: str) -> None:
    assert candidates(text, bytearray(len(text))) == []


def test_markers_keep_their_evidence() -> None:
    text = "Pain is common worldwide.1 Its costs are high. 2 Most settle.\n"
    taken = bytearray(len(text))
    first = glued(text, "1")
    taken[first.span.start : first.span.end] = b"\x01"
    out = decode(text, [first], taken, range(1, 4))
    assert out[0].evidence == ("form: digits glued after punctuation (a flattened superscript)",)
    assert out[1].evidence == (
        "form: digits set off after the end of a sentence",
        "in the reference list",
        "order: 2 next in the order of first citation (1 before)",
    )


def test_a_lost_dash_is_never_read_backwards() -> None:
    # "²¹" in a list of 19: 2-1 is no range (found by the property test in test_markers.py).
    markers = find_markers("²¹", known=range(1, 20))
    assert all(m.numbers for m in markers)


def test_digits_set_off_before_the_stop() -> None:
    # A copied page that lost its superscripts: "much of it 1. Two", "disease 1, 2. Cohort".
    text = (
        "Little food holds much of it 1. Skin makes most of it in summer 2. "
        "Low levels go with disease 2, 3. People with type 2. Note 3: tips."
    )
    markers = find_markers(text, known=range(1, 5))
    assert [(m.text, m.numbers) for m in markers] == [("1", (1,)), ("2", (2,)), ("2, 3", (2, 3))]
    assert (
        markers[0].evidence[0] == "form: digits set off before the punctuation that ends a clause"
    )


def test_digits_set_off_before_the_stop_may_mix_a_single_and_a_range() -> None:
    # A clinic newsletter's "tests matter 3, 5-7." (the fifty-fifth marker set's form,
    # written for this test): one list of a single and a range, not a lone "3".
    text = (
        "Early lung disease often causes no symptoms at all, so the yearly tests matter 3, 5-7. "
        "Dust limits were lowered in 2014. Masks help 8.\n"
    )
    markers = find_markers(text, known=range(1, 9))
    assert [(m.text, m.numbers) for m in markers] == [("3, 5-7", (3, 5, 6, 7)), ("8", (8,))]


def test_digits_glued_after_a_stop_and_a_closing_quote() -> None:
    text = 'The report called it "a strong effect in women of that age."3 Later work agreed.'
    markers = find_markers(text, known=range(1, 5))
    assert [(m.text, m.numbers) for m in markers] == [("3", (3,))]


def test_a_summary_that_cites_the_end_of_a_range_first_still_restores_the_dash() -> None:
    # A leaflet's key points cite 7-8 (flattened "78") before the body reaches 6.
    text = (
        "Most get better.12 Few need an X-ray.34 Early movement helps.78 Sprains are "
        "common.1 Some last.2 Staff check the rules.34 Ice helps.5 Braces help.68\n"
    )
    places = ("better.12", "X-ray.34", "helps.78", "common.1 ", "last.2", "rules.34")
    markers = [after(text, p) for p in (*places, "Ice helps.5", "help.68")]
    assert [n for _, n in run(text, markers, range(1, 9))] == [
        (1, 2),
        (3, 4),
        (7, 8),
        (1,),
        (2,),
        (3, 4),
        (5,),
        (6, 7, 8),
    ]


def test_a_number_off_the_list_is_read_as_a_range_cited_before() -> None:
    text = "Rules help.3 They are reliable.4 Staff use the rules.34 Fractures are rare.5\n"
    markers = [glued(text, d) for d in ("3", "4", "34", "5")]
    assert [n for _, n in run(text, markers, range(1, 9))] == [(3,), (4,), (3, 4), (5,)]
    # A number the list holds stays as it is, cited before or not.
    assert [n for _, n in run(text, markers, range(1, 40))][2] == (34,)


def test_digits_after_et_al_and_after_a_parenthesis_with_a_number() -> None:
    text = (
        "Nausea is common.1 The review by Lee et al 2 which pooled 59 trials agreed. "
        "Levels are low in older adults (over 65)3. In 2019 et al 2019 is no marker.\n"
    )
    first = glued(text, "1")
    assert run(text, [first], range(1, 6)) == [("1", (1,)), ("2", (2,)), ("3", (3,))]


def test_an_article_marked_up_throughout_gets_no_plain_digit_candidates() -> None:
    text = "Ulcers are common.A1 Turning them 2, 3 or 4 hours apart made no difference.A2 Beds.A3\n"
    sups = []
    for digits in ("1", "2", "3"):
        start = text.index("A" + digits) + 1
        sups.append(Marker(digits, (int(digits),), Span(start, start + 1), MarkerStyle.SUP))
    assert [n for _, n in run(text, sups, range(1, 9))] == [(1,), (2,), (3,)]
    # The same digits with flattened superscripts are candidates, and "2," is one.
    flat = [dataclasses.replace(m, style=MarkerStyle.SUPERSCRIPT) for m in sups]
    assert len(run(text, flat, range(1, 9))) > 3


def test_an_article_in_superscript_digits_throughout_gets_no_plain_digit_candidates() -> None:
    text = "Pain is common.¹ Costs are high.² It got 20 mg, 4 with placebo.³ Beds.⁴\n"
    marks = [
        Marker(d, (n,), Span(text.index(d), text.index(d) + 1), MarkerStyle.UNICODE)
        for n, d in enumerate("¹²³⁴", start=1)
    ]
    assert [n for _, n in run(text, marks[:3], range(1, 9))] == [(1,), (2,), (3,)]


def test_a_chapters_notes_start_where_its_list_starts() -> None:
    # Notes 12 to 19: the first citation is 12, and "1315" is 13-15.
    text = "Placebos help.12 The response is several things.1315 Expectation matters.16\n"
    markers = [after(text, p) for p in ("help.12", "things.1315", "matters.16")]
    assert [n for _, n in run(text, markers, range(12, 20))] == [(12,), (13, 14, 15), (16,)]


def test_years_codes_labels_and_spaced_commas() -> None:
    text = (
        "Stroke is common.1 Between 1990 and 2019,2 the number grew. "
        "Illness is caused by E. coli O157.3 Most cases are mild. "
        "In the group 4 , which was small, pressure fell.\nGoal 5: support people.\n"
    )
    found = run(text, [glued(text, "1")], range(1, 6))
    assert found == [("1", (1,)), ("2", (2,)), ("3", (3,)), ("4", (4,))]  # "Goal 5:" is a label


def test_digits_glued_after_a_genes_or_a_variants_name_that_ends_a_sentence() -> None:
    # The seventy-fourth set's forms (written for this test): an enzyme's name, a variant's.
    text = (
        "Codeine needs CYP2D6.1 Some drugs block CYP3A4.2 Carriers of rs4149056.3 Most"
        " people with SLCO1B1.4 The CYP2D6 test is cheap.\n"
    )
    found = run(text, [glued(text, "1")], range(1, 5))
    assert found == [("1", (1,)), ("2", (2,)), ("3", (3,)), ("4", (4,))]
    # Not a number the list lacks, and not past the order: "CYP2C19.7 Most" is a name.
    found = run("Codeine needs CYP2D6.1 Clopidogrel needs CYP2C19.7 Most\n", [], range(1, 5))
    assert found == [("1", (1,))]


def test_a_capitalised_word_and_its_number_before_a_colon_is_a_label() -> None:
    text = (
        "Company helps.1 Loneliness harms.2 Sunday 1 March, Lent 3: Evensong. Psalm 4: read it.\n"
    )
    found = run(text, [glued(text, "1"), glued(text, "2")], range(1, 7))
    assert found == [("1", (1,)), ("2", (2,))]


def test_an_article_that_sets_off_its_markers_gets_them_inside_clauses_too() -> None:
    # A PDF copy: every superscript came out set off by spaces ("type 2" is no marker).
    text = (
        "A review by Lee and colleagues 1 that pooled 40 trials found a plateau. 1 "
        "Benefit levelled off for people over 60. 2 In a later study, taking 8,000 steps "
        "beat taking 4,000, 3 while fewer helped less. 4 Most walk 2 or 3 times a day. "
        "Meals of 0.4 g/kg each, 5 mostly for ease, suit people with type 2, who eat less.\n"
    )
    found = [("1", (1,)), ("1", (1,)), ("2", (2,)), ("3", (3,)), ("4", (4,)), ("5", (5,))]
    assert run(text, [], range(1, 6)) == found


def test_a_word_that_takes_a_number_does_not_take_one_after_its_comma() -> None:
    # A magazine copied from a PDF, its superscripts set off by spaces: "year 7" is a school
    # year, but in "a year, 7 much of it" the comma parts the word from the digit.
    text = (
        "Most cases are viral. 1 Drops rarely help. 2 They cost a lot, several million a "
        "year, 3 much of it wasted. Pupils in year 4 stay home.\n"
    )
    assert run(text, [], range(1, 5)) == [("1", (1,)), ("2", (2,)), ("3", (3,))]


def test_set_off_digits_after_a_quoted_name_and_before_a_verb_in_the_past() -> None:
    # A school letter copied from a PDF: its superscripts came out set off by spaces.
    text = (
        "A lotion worked in one trial 1 and better than another lotion in a second. 2 Use it "
        'twice. If you would rather not, wet combing, known as "Bug Busting", 3 cleared lice '
        "in many children. 4 Ask the school nurse, aged 5 helped, about it.\n"
    )
    found = [("1", (1,)), ("2", (2,)), ("3", (3,)), ("4", (4,))]
    assert run(text, [], range(1, 6)) == found


def test_digits_inside_clauses_need_the_article_to_set_off_its_markers() -> None:
    text = (
        "A review by Lee and colleagues 1 that pooled 40 trials found a plateau.1 "
        "Benefit levelled off for people over 60. 2 In a later study, fewer helped less.2\n"
    )
    markers = [glued(text, "1"), glued(text, "2")]
    assert run(text, markers, range(1, 6)) == [("1", (1,)), ("2", (2,))]
    assert [m.span.start for m in markers] == [text.index(".1") + 1, text.index(".2") + 1]


def test_a_number_paired_with_another_is_a_count() -> None:
    text = "Pain is common.1 Do 8 reps, 2 or 3 times a day, 1, 2 and 3 sets, 2 to 4 weeks.\n"
    assert run(text, [glued(text, "1")], range(1, 6)) == [("1", (1,))]


def test_set_off_digits_out_of_order_are_taken_for_list_entries_cited_nowhere_else() -> None:
    # A copied blog post whose list is not in the order of first citation: its first
    # citation is 9. Each set-off group cites entries no other marker cites.
    text = (
        "Risk climbs from levels many people call normal. 9 Large pooled analyses agree, "
        "and each drop of 10 mmHg cuts events by a fifth. 2, 6 In the trial,1 targets fell. "
        "A whole week of readings gives a truer picture. 7 Home readings helped.3 "
        "A later trial agreed.4 A review pooled them.5 Readings on 2 May. 8 Clinics opened.\n"
    )
    markers = [glued(text, "1"), glued(text, "3"), glued(text, "4"), glued(text, "5")]
    found = run(text, markers, range(1, 11))
    assert ("9", (9,)) in found
    assert ("2, 6", (2, 6)) in found
    assert ("7", (7,)) in found
    assert ("8", (8,)) in found
    # Evidence names why: no order supports these, the list does.
    taken = bytearray(len(text))
    why = {m.text: m.evidence for m in decode(text, markers, taken, range(1, 11))}
    assert any("cited nowhere else" in e for e in why["9"])


def test_set_off_digits_citing_an_entry_cited_elsewhere_stay_out_of_order() -> None:
    text = (
        "Risk climbs from levels many people call normal. 9 Large pooled analyses agree. 7 "
        "Home readings helped.1 A later trial agreed.2 A review pooled them.3 "
        "They saw it again in 1999. 9 People withdrew.\n"
    )
    markers = [glued(text, "1"), glued(text, "2"), glued(text, "3")]
    found = run(text, markers, range(1, 10))
    assert found.count(("9", (9,))) == 1  # the second 9 is a number: 9 is cited already
    # One group set off so is no style: without a second, nothing out of order is taken.
    text = "Risk climbs from levels many people call normal. 9 Large trials agree.1 And more.2\n"
    assert run(text, [glued(text, "1"), glued(text, "2")], range(1, 10)) == [
        ("1", (1,)),
        ("2", (2,)),
    ]


def test_a_digit_glued_to_capitals_cites_a_list_entry_cited_nowhere_else() -> None:
    text = (
        "Folate before conception prevents defects.1 Trials agree.2 Fortifying flour works: "
        "about 19% fewer in the USA4 and 46% fewer in Canada.3 SGLT2 tablets are another story.5\n"
    )
    markers = [glued(text, "1"), glued(text, "2"), glued(text, "3"), glued(text, "5")]
    found = run(text, markers, range(1, 6))
    assert ("4", (4,)) in found
    assert found.count(("2", (2,))) == 1  # SGLT2: 2 is cited already
    # A name printed twice (CD4 ... CD4) is a name, whatever the list lacks.
    text = (
        "Treatment starts early.1 Trials agree.2 Counts rose.3 The CD4 count matters, "
        "and a CD4 count above 500 is good.\n"
    )
    assert run(text, [glued(text, "1"), glued(text, "2"), glued(text, "3")], range(1, 6)) == [
        ("1", (1,)),
        ("2", (2,)),
        ("3", (3,)),
    ]
    # Without glued superscripts to go by (two only), capitals and a digit are a name.
    text = "Treatment starts early.1 Trials agree.2 The USA4 cohort was larger.\n"
    assert run(text, [glued(text, "1"), glued(text, "2")], range(1, 6)) == [
        ("1", (1,)),
        ("2", (2,)),
    ]


def test_a_lost_dash_in_an_article_out_of_order_reads_as_a_range_cited_before() -> None:
    # A leaflet whose list is not in the order of first citation (8 first), closing with a
    # summary whose dash the copy lost: 25 is no entry of nine; 2-5 were all cited before.
    text = (
        "The tube closes early.8 Taking it cut the risk by 72%.1 A trial in 1992 agreed.2 "
        "China saw the same.5 A review concurred,3 and flour helped.4 Folate goes with it,7 "
        "by a third.6 All point the same way.25 Some advise more.9\n"
    )
    markers = [glued(text, d) for d in ("8", "1", "2", "5", "3", "4", "7", "6", "25", "9")]
    assert not follows_order(markers, set(range(1, 10)))
    found = dict(run(text, markers, range(1, 10)))
    assert found["25"] == (2, 3, 4, 5)
    # Not all of a reading cited before, and every entry of it cited by a later marker: no
    # evidence, the number stays as printed.
    text = "A.8 B.1 C.5 All agree.27 D.2 E.3 F.4 G.6 H.7 I.9\n"
    markers = [after(text, p) for p in ("A.8", "B.1", "C.5", "agree.27", "D.2", "E.3", "F.4")]
    markers += [after(text, p) for p in ("G.6", "H.7", "I.9")]
    assert dict(run(text, markers, range(1, 10)))["27"] == (27,)


def test_a_lost_dash_out_of_order_reads_as_a_range_holding_an_entry_nothing_else_cites() -> None:
    # A practice newsletter copied as plain text, its list in no order of first citation (7
    # first): 23 is no entry of seven; 2-3 is the only reading, and nothing else cites 2.
    text = (
        "A third of children have warts.7 Most go away.6 Paint works a little.1 Freezing "
        "cured half at 13 weeks.3 On the soles neither worked, clearing 1 in 7 by 12 weeks.23 "
        "Duct tape looked good in one small trial4 but not in a larger study.5 So wait.1,6\n"
    )
    markers = [after(text, p) for p in ("warts.7", "away.6", "little.1", "weeks.3")]
    markers += [after(text, p) for p in ("weeks.23", "study.5", "wait.1,6")]
    assert not follows_order(markers, set(range(1, 8)))
    found = dict(run(text, markers, range(1, 8)))
    assert found["23"] == (2, 3)
    # A digit glued to a word, in an article whose superscripts came out glued: taken for
    # the one entry no other marker cites.
    assert found["4"] == (4,)
    taken = bytearray(len(text))
    why = {m.text: m.evidence for m in decode(text, markers, taken, range(1, 8))}
    assert "lost dash: 23 is not in the list; read as 2-3, which cites 2" in " ".join(why["23"])
    assert any("cited nowhere else" in e for e in why["4"])
    # A reading that runs past the list is none: the number stays as printed.
    text = "A.7 B.6 C.1 D.3 Both agree.234 E.5\n"
    markers = [after(text, p) for p in ("A.7", "B.6", "C.1", "D.3", "agree.234", "E.5")]
    assert dict(run(text, markers, range(1, 25)))["234"] == (234,)
