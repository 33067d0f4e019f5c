"""Markers in the forms the fifty-first held-out set showed, in articles written for these
tests: a PDF's page number beside its running head, a lost-dash range glued to a word that
cites a range again, a wiki's page after its marker, Pandoc's ``--`` range, a school's
``Form 1``. The references are real works; the articles are made up.
"""

from __future__ import annotations

import acurefs

_REFERENCES = """
References
1. Sterne JAC, Savovic J, Page MJ, et al. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ. 2019;366:l4898.
2. Higgins JPT, Thompson SG. Quantifying heterogeneity in a meta-analysis. Stat Med. 2002;21(11):1539-58.
3. Egger M, Davey Smith G, Schneider M, Minder C. Bias in meta-analysis detected by a simple, graphical test. BMJ. 1997;315(7109):629-34.
4. DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials. 1986;7(3):177-88.
5. Page MJ, McKenzie JE, Bossuyt PM, et al. The PRISMA 2020 statement: an updated guideline for reporting systematic reviews. BMJ. 2021;372:n71.
6. Guyatt GH, Oxman AD, Vist GE, et al. GRADE: an emerging consensus on rating quality of evidence and strength of recommendations. BMJ. 2008;336(7650):924-6.
7. Moher D, Liberati A, Tetzlaff J, Altman DG. Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement. BMJ. 2009;339:b2535.
8. Schulz KF, Altman DG, Moher D. CONSORT 2010 statement: updated guidelines for reporting parallel group randomised trials. BMJ. 2010;340:c332.
"""


def _cited(text: str, fmt: str = "text") -> dict[str, tuple[int, ...]]:
    """Each cited sentence (its words, spaced once) and the numbers its markers cite."""
    doc = acurefs.parse_document(text, format=fmt)
    return {
        " ".join(c.text.split()): tuple(n for m in c.markers for n in m.numbers)
        for c in doc.claims
        if c.markers
    }


def _of(cited: dict[str, tuple[int, ...]], opening: str) -> tuple[int, ...]:
    (numbers,) = [found for sentence, found in cited.items() if sentence.startswith(opening)]
    return numbers


def test_a_page_number_beside_a_running_head_does_not_break_a_sentence() -> None:
    head, foot = "HARBOUR HEALTH TRUST · ANNUAL REPORT 2024", "Harbour Health Trust · 2024"
    text = (
        f"{head}\n4\n"
        "Reviews of trials judge each one's risk of bias with a set tool,1 and they\n"
        "measure how much the trials disagree.2 In small reviews a funnel plot\n"
        "can show that small trials with dull results were never\n"
        f"5\n{foot}\n{head}\n6\n"
        "published.3 Pooling then weights each trial by its size.4 Reviews now\n"
        "report their methods in a set order.5\n"
        f"7\n{foot}\n" + _REFERENCES
    )
    cited = _cited(text)
    assert _of(cited, "In small reviews a funnel plot can show") == (3,)
    assert not any(key.startswith(("6 ", "5 ")) for key in cited)


def test_a_lost_dash_range_glued_to_a_word_may_cite_a_range_again() -> None:
    text = (
        "Reviews judge bias with a tool.1 They measure disagreement.2 Funnel plots show\n"
        "missing trials.3 Pooling weights trials by size.4 Reviews report how they\n"
        "searched.5 They rate the evidence.6 They also list what they excluded.7 These\n"
        "checklists57 are why reviews read alike today. Trials report to their own.8\n"
        + _REFERENCES
    )
    cited = _cited(text)
    assert _of(cited, "These checklists57 are why") == (5, 6, 7)


def test_a_wikis_page_number_after_its_marker_ends_no_sentence_late() -> None:
    html = (
        "<html><body><p>Funnel plots were proposed to show small-study effects."
        '<sup class="reference"><a href="#cite_note-3">[3]</a></sup>'
        '<sup class="reference nowrap"><span title="Page: 631">: 631</span></sup> '
        "Heterogeneity is measured with I squared."
        '<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>'
        "<h2>References</h2><ol>"
        + "".join(f"<li>{line[3:]}</li>" for line in _REFERENCES.strip().splitlines()[1:])
        + "</ol></body></html>"
    )
    cited = _cited(html, "html")
    assert _of(cited, "Funnel plots were proposed") == (3,)
    assert _of(cited, "Heterogeneity is measured") == (2,)


def test_pandocs_double_hyphen_range() -> None:
    text = (
        "Reviews rate bias with set tools.^1^ Most of what we know comes from a few "
        "guidelines.^3--6^ Trials follow their own.^8^\n" + _REFERENCES
    )
    cited = _cited(text, "markdown")
    assert _of(cited, "Most of what we know") == (3, 4, 5, 6)


def test_a_school_form_and_its_number_is_no_marker() -> None:
    text = (
        "Reviews rate bias with set tools.1 Reviews also measure disagreement.2\n"
        "The talk is given to pupils in Form 1. A second talk follows in Form 3.\n"
        "Small trials with dull results go unpublished.3\n" + _REFERENCES
    )
    cited = _cited(text)
    assert not any("Form" in key for key in cited)


def test_markers_joined_by_a_comma_both_close_the_sentence() -> None:
    text = (
        "Reviews rate bias with set tools.<sup>1</sup> For most reviews the benefits of a tool "
        "outweigh its cost.<sup>[2](#ref-2),[3](#ref-3)</sup> For small reviews a funnel plot "
        "shows missing trials.<sup>4</sup>\n" + _REFERENCES
    )
    cited = _cited(text, "markdown")
    assert _of(cited, "For most reviews the benefits") == (2, 3)
    assert _of(cited, "For small reviews a funnel plot") == (4,)


def test_a_pool_lane_and_its_number_is_no_marker() -> None:
    text = (
        "Reviews rate the bias of each trial. 1 They also measure how much trials disagree. 2\n"
        "Funnel plots show missing trials. 3\n"
        "Swimming: the pool, Fridays 10.30am, lane 4 is ours.\n"
        "Pooling weights each trial by its size. 4\n" + _REFERENCES
    )
    assert not any("lane" in sentence for sentence in _cited(text))


def test_a_spaced_range_before_a_verb_in_the_present() -> None:
    text = (
        "Reviews rate the bias of each trial. 1 They also measure how much trials disagree. 2\n"
        "Funnel plots show missing trials. 3 The findings on pooling and on\n"
        "weights 4 – 6 suggest that small trials matter less. Trials report their own. 7\n"
        + _REFERENCES
    )
    assert _of(_cited(text), "The findings on pooling") == (4, 5, 6)


def test_a_line_that_ends_on_a_comma_goes_on_below() -> None:
    text = (
        "Reviews judge the bias of each trial with a set tool [1]. Pooling weights trials by size [2].\n"
        "Funnel plots show trials that were never published, as in a large review [3],\n"
        "and in a later study of registries [4] the same pattern held.\n"
        "Trials report to their own checklist [5].\n" + _REFERENCES
    )
    cited = _cited(text)
    assert _of(cited, "Funnel plots show trials") == (3, 4)


def test_a_top_few_and_its_number_is_no_marker() -> None:
    # A skin clinic's blog (the fifty-sixth set's form, written for this test): "your own
    # top 3." counts triggers; the spaced digits before the stop cite nothing there.
    text = (
        "Heat, sun and spicy food set off flushing in many people 2, 3. Keep a diary and you "
        "will usually find your own top 3. Gentle cleansers help 5.\n" + _REFERENCES
    )
    cited = _cited(text)
    assert not any(sentence.endswith("top 3.") for sentence in cited)
    assert cited["Gentle cleansers help 5."] == (5,)


def test_a_spaced_marker_after_a_number_before_a_sentence_opening_on_a() -> None:
    # The sixty-eighth set's form (written for this test): digits set off after a number's
    # stop, before "A German study"; the article cites 5 before 2.
    text = (
        "Bias is judged with a set tool. 1 Reviews measure disagreement. 1,5\n"
        "Funnel plots help in reviews of more than 10. 2 A simple test can show the gap. 3\n"
        "Pooling weights trials by size. 4\n"
        + _REFERENCES.replace("\n6.", "\nX6.").split("\nX6.")[0]
    )
    cited = _cited(text)
    assert _of(cited, "Funnel plots help in reviews") == (2,)


def test_digits_glued_to_an_authors_full_name_cite_an_entry_cited_nowhere_else() -> None:
    # The sixty-eighth set's form (written for this test): an article whose superscripts came
    # out glued, and "David Moher8 found" for the one entry no other marker cites, far
    # ahead of the order; digits glued to a word that is no name stay unread.
    body = (
        "Bias is judged with a set tool.1 Reviews measure disagreement.2 Funnel plots help.3\n"
        "Pooling weights trials by size.4\n"
    )
    cited = _cited(body + "In Canada, David Moher8 found that reviews grew longer.\n" + _REFERENCES)
    assert _of(cited, "In Canada, David Moher") == (8,)
    lone = _cited(body + "In Canada, fish oil tablets8 were sold out.\n" + _REFERENCES)
    assert not any("tablets" in key for key in lone)
