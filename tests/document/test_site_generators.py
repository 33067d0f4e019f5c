"""Forms that static-site generators, notebooks and slide tools print (the sixth held-out
set found them): each case here is written for this project, not copied from that set."""

from __future__ import annotations

import acurefs
from acurefs import parse_document

LIST = (
    "1. Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.\n\n"
    "2. Doe J. Needling and mood. Pain. 2018;12(2):30-41.\n\n"
    "3. Smith J. Needling and stress. BMJ. 2017;357:j1284.\n\n"
    "4. Lee K. Needling in the clinic. Spine. 2020;45(1):10-20.\n\n"
    "5. Kim H. Needling and fatigue. Lancet. 2021;398:100-9.\n"
)


def cited(doc: acurefs.Document) -> list[tuple[tuple[int, ...], str]]:
    return [(c.numbers, c.statement[:30]) for c in doc.claims if c.cited]


def test_a_range_written_as_two_markers_and_a_dash() -> None:
    text = (
        "Most clinics now follow the same protocol [3]–[5]. An earlier audit disagreed [1].\n\n"
        "References\n\n" + LIST
    )
    doc = parse_document(text, format="text")
    assert [c[0] for c in cited(doc)] == [(3, 4, 5), (1,)]


def test_pandoc_linked_range_in_escaped_brackets() -> None:
    text = (
        "Home readings beat clinic readings \\[[1](#ref-roe)–[3](#ref-smith)\\]. "
        "Stress plays a part \\[[2](#ref-doe)\\].\n\n## References\n\n" + LIST
    )
    doc = parse_document(text, format="markdown")
    assert [c[0] for c in cited(doc)] == [(1, 2, 3), (2,)]


def test_two_markers_that_do_not_rise_stay_two() -> None:
    text = "Both audits agree [4]-[2]. Nothing else.\n\nReferences\n\n" + LIST
    doc = parse_document(text, format="text")
    assert cited(doc)[0][0] == (4, 2)


def test_a_superscript_a_markdown_link_wraps_ends_its_sentence() -> None:
    text = (
        "Sleep improved in the first trial.[<sup>1</sup>](#references) Mood did not change "
        "in the second one.[<sup>2</sup>](#references)\n\n## References\n\n" + LIST
    )
    doc = parse_document(text, format="markdown")
    assert cited(doc) == [
        ((1,), "Sleep improved in the first tr"),
        ((2,), "Mood did not change in the sec"),
    ]
    assert all("](#references)" not in c.statement for c in doc.claims)


def test_a_slide_bullet_with_a_superscript_is_not_page_furniture() -> None:
    text = (
        "---\nmarp: true\n---\n\n# Needling in 2024\n\nJournal club, room 3\n\n---\n\n"
        "## Why it matters\n\n- Two trials changed practice<sup>1,2</sup>\n\n---\n\n"
        "## The first trial\n\nThe first trial randomised adults with insomnia to needling or "
        "sham needling and followed them for a year.<sup>1</sup>\n\n## References\n\n" + LIST
    )
    doc = parse_document(text, format="markdown")
    assert ((1, 2), "Two trials changed practice") in cited(doc)


def test_an_affiliation_superscript_does_not_make_a_line_cite() -> None:
    html = (
        "<html><body><h1>Needling and sleep</h1><p>Ann Roe<sup>1</sup>, Bo Poe<sup>2</sup></p>"
        "<ol><li><sup>1</sup>Department of Sleep, Example University</li>"
        "<li><sup>2</sup>Pain Service, Example Hospital</li></ol>"
        "<p>Needling improved sleep in adults with insomnia over one year of follow-up.<sup>1</sup></p>"
        "<h2>References</h2><ol><li>Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.</li>"
        "<li>Doe J. Needling and mood. Pain. 2018;12(2):30-41.</li></ol></body></html>"
    )
    doc = parse_document(html, format="html")
    assert [c[0] for c in cited(doc)] == [(1,)]


def test_a_body_whose_class_names_navigation_still_holds_the_article() -> None:
    html = (
        '<html><body class="nav-fixed"><nav class="navbar"><a href="/">Home</a> '
        '<a href="/about">About</a></nav><div class="page-columns page-navbar">'
        '<main class="content"><h1>Clocks and hearts</h1><p>Heart attacks rose a little in '
        "the week after the spring clock change in a national register.<sup>1</sup></p>"
        '<div id="refs" class="references"><ol><li>Roe A, Poe B. Needling and sleep. Sleep. '
        "2019;42(3):1-9.</li></ol></div></main></div></body></html>"
    )
    doc = parse_document(html, format="html")
    assert [c[0] for c in cited(doc)] == [(1,)]
    assert not any("Heart attacks" in doc.text[b.span.start : b.span.end] for b in doc.blocks)
    assert any(
        b.kind.value == "chrome" and "Home" in doc.text[b.span.start : b.span.end]
        for b in doc.blocks
    )


def test_kramdown_footnotes_with_backlinks_and_a_footer_after_them() -> None:
    html = (
        "<html><body><article><p>Ibuprofen blocks the site aspirin needs.<sup><a href='#fn:roe' "
        "class='footnote'>1</a></sup> The regulator warned about it in 2006.<sup>"
        "<a href='#fn:doe' class='footnote'>2</a></sup></p>"
        "<div class='footnotes' role='doc-endnotes'><ol>"
        "<li id='fn:roe'><p>Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.&nbsp;"
        "<a href='#fnref:roe' class='reversefootnote'>&#8617;</a></p></li>"
        "<li id='fn:doe'><p>Food and Drug Administration. Information for professionals: "
        "ibuprofen and aspirin. September 2006.&nbsp;<a href='#fnref:doe'>&#8617;</a></p></li>"
        "</ol></div></article><footer><p>Notes from a pharmacist in Leeds, written on "
        "weekends and checked by nobody else.</p></footer></body></html>"
    )
    doc = parse_document(html, format="html")
    assert [r.number for r in doc.references] == [1, 2]
    assert [c[0] for c in cited(doc)] == [(1,), (2,)]
    assert not [f for f in doc.findings if f.code == "dangling-marker"]


def test_notebook_output_and_styles_are_not_prose() -> None:
    text = (
        "Sleep improved with needling.[^1]\n\n```python\ndf.describe()\n```\n\n"
        "    Outcome\n    0    500\n    1    268\n    Name: count, dtype: int64\n\n"
        "<style scoped>\n    .dataframe tbody tr th {\n        vertical-align: top;\n    }\n"
        "</style>\n\nMood did not change.[^2]\n\n"
        "- a list item\n\n    its indented second paragraph stays prose.\n\n"
        "[^1]: Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.\n"
        "[^2]: Doe J. Needling and mood. Pain. 2018;12(2):30-41.\n"
    )
    doc = parse_document(text, format="markdown")
    texts = [c.text for c in doc.claims]
    assert not any("dtype" in t or "vertical-align" in t for t in texts)
    assert any("indented second paragraph stays prose" in t for t in texts)
    reasons = {b.reason for b in doc.blocks}
    assert {"indented code", "HTML style"} <= reasons


def test_footnotes_are_numbered_in_the_order_the_body_first_cites_them() -> None:
    text = (
        "Paracetamol is the drug most often taken in overdose.[^3] Acetylcysteine prevents "
        "liver injury when given early.[^1] The first nomogram dates from 1974.[^2] "
        "Overdose remains common.[^3]\n\n"
        "[^1]: Doe J. Needling and mood. Pain. 2018;12(2):30-41.\n"
        "[^2]: Smith J. Needling and stress. BMJ. 2017;357:j1284.\n"
        "[^3]: Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.\n"
    )
    doc = parse_document(text, format="markdown")
    assert [c[0] for c in cited(doc)] == [(1,), (2,), (3,), (1,)]
    by_number = {r.number: r.title for r in doc.references}
    assert by_number[1] == "Needling and sleep"  # [^3], cited first
    assert by_number[2] == "Needling and mood"


def test_a_year_alone_on_a_wrapped_line_does_not_break_the_list() -> None:
    text = (
        "Insulin errors cause harm [3]. Basal-bolus dosing reached targets [4].\n\n"
        "REFERENCES\n\n"
        "[1] J. Roe, Pharmacology for Nursing Care, 10th ed. St. Louis, MO: Elsevier,\n"
        "    2019.\n"
        "[2] M. Harding, Medical-Surgical Nursing, 11th ed. St. Louis, MO: Elsevier,\n"
        "    2020.\n"
        '[3] A. Doe, "Insulin errors in hospital," Diabetes Care, vol. 40, no. 1, pp. 1-9, 2017.\n'
        '[4] G. Umpierrez et al., "Basal-bolus insulin," Diabetes Care, vol. 30, no. 9,\n'
        "    pp. 2181-2186, 2007.\n"
    )
    doc = parse_document(text, format="text")
    assert [r.number for r in doc.references] == [1, 2, 3, 4]
    assert [c[0] for c in cited(doc)] == [(3,), (4,)]


def test_a_references_authors_marked_up_as_a_list_stay_on_its_line() -> None:
    html = (
        "<html><body><p>Loneliness predicts death (<a class='xref-bibr' href='#ref-1'>1</a>)."
        "</p><h2>References</h2><ol class='cit-list'><li><span class='ref-label'>1.</span>"
        "<a class='rev-xref-ref' href='#xref-1'>&#x21B5;</a><div class='cit'>"
        "<ol class='cit-auth-list'><li>Roe A, </li><li>Poe B</li></ol>. Needling and sleep. "
        "Sleep. 2019;42(3):1-9.</div></li></ol></body></html>"
    )
    doc = parse_document(html, format="html")
    assert [r.number for r in doc.references] == [1]
    ref = doc.references[0]
    assert [p.family for p in ref.authors] == ["Roe", "Poe"]
    assert ref.title == "Needling and sleep"


def test_a_heading_written_as_an_outliner_bullet() -> None:
    text = (
        "- Iron deficiency is common in young women [1].\n"
        "- Alternate-day dosing absorbs better [2].\n"
        "- ## References\n"
        "\t- Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.\n"
        "\t- Doe J. Needling and mood. Pain. 2018;12(2):30-41.\n"
    )
    doc = parse_document(text, format="markdown")
    assert [r.number for r in doc.references if r.number] == [1, 2]
    assert [c[0] for c in cited(doc)] == [(1,), (2,)]


def test_words_roman_endnotes() -> None:
    text = (
        "Dose vancomycin by the area under the curve.[i] Aim for 400 to 600 mg·h/L.[ii] "
        "Troughs alone mislead.[iii]\n\n"
        "[i] Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.\n\n"
        "[ii] Doe J. Needling and mood. Pain. 2018;12(2):30-41.\n\n"
        "[iii] Smith J. Needling and stress. BMJ. 2017;357:j1284.\n"
    )
    doc = parse_document(text, format="text")
    assert [r.number for r in doc.references] == [1, 2, 3]
    assert [c[0] for c in cited(doc)] == [(1,), (2,), (3,)]


def test_words_roman_endnotes_flattened_onto_their_words() -> None:
    # A Word briefing pasted as text (the seventy-sixth set's form, written for this test):
    # "areas.i", "started,ii", "alcohol.ii,iii" and a list numbered "i Roe A, ...".
    text = (
        "Deaths fell in the most deprived areas.i Sales fell after the policy started,ii and"
        " later too.\n\nThe fall was largest among the households that bought the most.ii,iii\n\nEndnotes\n"
        "i Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.\n"
        "ii Doe J. Needling and mood. Pain. 2018;12(2):30-41.\n"
        "iii Smith J. Needling and stress. BMJ. 2017;357:j1284.\n"
    )
    doc = parse_document(text, format="text")
    assert [r.number for r in doc.references] == [1, 2, 3]
    assert [m.numbers for m in doc.markers] == [(1,), (2,), (2, 3)]
    # One such mark alone, with no other, is a word's ending: "(see appendix.i)" is not taken.
    alone = text.replace("started,ii", "started").replace("most.ii,iii", "most")
    assert [m.numbers for m in parse_document(alone, format="text").markers] == []


def test_a_roman_numeral_the_list_does_not_hold_is_no_marker() -> None:
    text = (
        "Stage [iv] disease is rare [1].\n\nReferences\n\n1. Roe A. Needling. Sleep. 2019;42:1-9.\n"
    )
    doc = parse_document(text, format="text")
    assert [m.numbers for m in doc.markers] == [(1,)]


def test_a_units_letter_before_the_stop_ends_the_sentence() -> None:
    text = (
        "Aim for a level of 2 mmol/L.[1] Higher levels harm the kidneys.[2]\n\n"
        "References\n\n1. Roe A. Needling. Sleep. 2019;42:1-9.\n2. Doe J. Mood. Pain. 2018;12:30-41.\n"
    )
    doc = parse_document(text, format="text")
    assert [c[0] for c in cited(doc)] == [(1,), (2,)]


def test_an_author_line_with_accented_names_is_not_cited() -> None:
    html = (
        "<html><body><h1>Loneliness and the heart</h1><p>Ana Brennan<sup>1</sup>, Tomasz "
        "Wiśniewski<sup>1,2</sup>, Hamish R. Falconer<sup>2</sup></p>"
        "<p>Loneliness was linked with coronary disease in a large review of cohorts.<sup>1</sup></p>"
        "<h2>References</h2><ol><li>Roe A, Poe B. Needling and sleep. Sleep. 2019;42(3):1-9.</li>"
        "<li>Doe J. Needling and mood. Pain. 2018;12(2):30-41.</li></ol></body></html>"
    )
    doc = parse_document(html, format="html")
    assert [c[0] for c in cited(doc)] == [(1,)]


def test_a_qa_page_with_a_list_after_each_post() -> None:
    text = (
        "Does cracking your knuckles cause arthritis? One survey found no link [1].\n\n"
        "[1] deWeber K, Olszewski M, Ortolano R. Knuckle cracking and hand osteoarthritis. "
        "J Am Board Fam Med. 2011;24(2):169-174.\n\n"
        "2 Answers\n\n"
        "A one-person experiment over 60 years found no arthritis in either hand [1]. "
        "Imaging showed a gas cavity forming as the joint cracked [2].\n\n"
        "References\n\n"
        "[1] Unger DL. Does knuckle cracking lead to arthritis of the fingers? Arthritis Rheum. "
        "1998;41(5):949-950.\n"
        "[2] Kawchuk GN, Fryer J, Jaremko JL, et al. Real-time visualization of joint "
        "cavitation. PLoS One. 2015;10(4):e0119470.\n\n"
        "Another answer: the cavity is still visible twenty minutes later [1].\n\n"
        "[1] Kawchuk GN, Fryer J, Jaremko JL, et al. Real-time visualization of joint "
        "cavitation. PLoS One. 2015;10(4):e0119470.\n"
    )
    doc = parse_document(text, format="text")
    mapped = [(c.numbers, c.references[0].title) for c in doc.claims if c.cited]
    assert [t for _, t in mapped] == [
        "Knuckle cracking and hand osteoarthritis",
        "Does knuckle cracking lead to arthritis of the fingers?",
        "Real-time visualization of joint cavitation",
        "Real-time visualization of joint cavitation",
    ]
    assert not [f for f in doc.findings if f.code == "dangling-marker"]


def test_myst_superscript_role_is_a_marker() -> None:
    # Read the Docs pages written in MyST (the sixty-second set's form, written for this
    # test): {sup}`3-4` is a superscript, as <sup>3-4</sup> is, and no inline code.
    text = (
        "Most babies outgrow it within a year{sup}`1`. Oils may soften the scales{sup}`2,3`.\n"
        "Antifungal creams help stubborn cases{sup}`3-4`. Washing more does not help:sup:`5`.\n\n"
        "## References\n\n" + LIST
    )
    doc = parse_document(text, format="markdown")
    assert [c[0] for c in cited(doc)] == [(1,), (2, 3), (3, 4), (5,)]


def test_a_form_around_the_whole_page_holds_the_article() -> None:
    # ASP.NET WebForms sites (Kentico, SharePoint) wrap the whole page in one <form>.
    html = (
        '<html><body><form method="post" action="/page" id="form">'
        '<div class="header"><ul class="main-nav"><li><a href="/">Home</a></li></ul></div>'
        '<div class="article"><h1>Cold water and the heart</h1><p>Sudden immersion in cold '
        "water sets off a gasp reflex that can lead to drowning.<sup>1</sup></p>"
        "<h2>References</h2><ol><li>Tipton MJ. The initial responses to cold-water immersion "
        "in man. Clin Sci. 1989;77(6):581-588.</li></ol></div></form></body></html>"
    )
    doc = parse_document(html, format="html")
    assert [c[0] for c in cited(doc)] == [(1,)]
    search = (
        "<html><body><h1>Cold water</h1><p>Cold water shocks the body.<sup>1</sup></p><form "
        'class="signup"><p>Get our newsletter every week by email.</p></form><h2>References'
        "</h2><ol><li>Tipton MJ. The initial responses to cold-water immersion in man. Clin "
        "Sci. 1989;77(6):581-588.</li></ol></body></html>"
    )
    signup = parse_document(search, format="html")
    assert any(
        b.kind.value == "chrome" and "newsletter" in signup.text[b.span.start : b.span.end]
        for b in signup.blocks
    )


def test_an_old_layout_table_inside_a_search_form_holds_the_article() -> None:
    # SPIP's page (the sixty-eighth set's form, written for this test): the whole page in a
    # table with no border attribute, inside the search form; a data table in the text stays one.
    html = (
        '<html><body><form id="formulaire_recherche" action="spip.php"><table class="page" '
        'cellpadding="0" cellspacing="0"><tr><td class="bandeau"><input type="text" '
        'name="recherche"></td></tr><tr><td class="contenu"><h1>Salt and the eye</h1><p>Sea '
        "spray dries the surface of the eye.[1]</p><table><tr><td>Consultation</td><td>300 MAD"
        "</td></tr></table><h2>Notes</h2><ol><li>Tipton MJ. The initial responses to cold-water "
        "immersion in man. Clin Sci. 1989;77(6):581-588.</li></ol></td></tr></table></form>"
        "</body></html>"
    )
    doc = parse_document(html, format="html")
    assert [c[0] for c in cited(doc)] == [(1,)]
    assert any(
        b.kind.value == "table" and "300 MAD" in doc.text[b.span.start : b.span.end]
        for b in doc.blocks
    )
