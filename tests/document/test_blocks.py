"""Telling the body from the chrome, and Markdown made ready for the text pipeline.

The lines here are written for these tests in the shapes real pages have (site headers,
share lines, bylines, journal header lines, affiliations, tables); no page's text is copied.
"""

from __future__ import annotations

import pytest

from acurefs.document.blocks import set_aside
from acurefs.document.markdown import prepare_markdown
from acurefs.models import BlockKind

PROSE = (
    "Acupuncture eased chronic knee pain more than sham needling in a large trial of adults.3\n"
    "The benefit was modest and faded over the following year in most of the patients.4\n"
)


def aside(text: str) -> dict[str, tuple[BlockKind, str]]:
    """Each set-aside line's text, with its kind and reason."""
    return {text[b.span.start : b.span.end].strip(): (b.kind, b.reason) for b in set_aside(text)}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Home > Blog > Knee pain", BlockKind.CHROME),
        ("Share: Facebook | Pinterest | Email", BlockKind.CHROME),
        ("Facebook Basic Square", BlockKind.CHROME),
        ("top of page", BlockKind.CHROME),
        ("Posted by Mia Lund, L.Ac. on 2 March 2022 in Research", BlockKind.CHROME),
        ("Medically reviewed by Omar Haddad, PharmD", BlockKind.CHROME),
        ("Sep 18, 2023", BlockKind.CHROME),
        ("♡ 42 💬 7 ↗", BlockKind.CHROME),
        ("Tags: knee, osteoarthritis, needling", BlockKind.CHROME),
        ("Page 2 of 3", BlockKind.CHROME),
        (
            "We use cookies to give you the best experience. Accept all or manage settings.",
            BlockKind.CHROME,
        ),
        ("Clinic News | Winter 2022 | Issue 7", BlockKind.CHROME),
        ("Table 2. Doses used in the trials", BlockKind.FIGURE),
        ("Read more: Five myths about back pain", BlockKind.CHROME),
        ("ADVERTISEMENT", BlockKind.CHROME),
        ('Retrieved from "https://en.wikipedia.org/w/index.php?title=Sciatica"', BlockKind.CHROME),
        (
            "Text is available under the Creative Commons Attribution-ShareAlike License.",
            BlockKind.CHROME,
        ),
        ("Address correspondence to Ana Ruiz, MD, at ana@example.org.", BlockKind.CHROME),
        ("Ana Ruiz, MD Department of Medicine, Riverside Hospital, Leeds, UK", BlockKind.HEADER),
        ("Tagged: sleep, heat, acupressure", BlockKind.CHROME),
        ("Sort by: Best", BlockKind.CHROME),
        ("R. Hughes1, T. Mbeki1,3, L. Carter2", BlockKind.HEADER),
        ("EDIT 2: thanks for all the replies!", BlockKind.CHROME),
        ("Photo: a cup of tea beside a box of lozenges", BlockKind.CHROME),
        ("Related reads: Five evening habits | Is magnesium safe?", BlockKind.CHROME),
        ("J Pain Res. 2019 Mar 4;12:811.", BlockKind.HEADER),
        ("Aust Fam Physician 2014; 43 (5): . || doi: 10.5555/afp.2014.43", BlockKind.HEADER),
        ("Received: 3 May 2021; Accepted: 9 June 2021; Published: 1 July 2021", BlockKind.HEADER),
        ("2 Department of Rheumatology, Hillside Hospital, Northbrook, UK", BlockKind.HEADER),
        ("Mia Lund1, Omar Haddad2", BlockKind.HEADER),
        ("© 2022 Riverside Clinic. All rights reserved.", BlockKind.HEADER),
        ("40-59 38,905 3,980 (2,311 ; 6,045)", BlockKind.TABLE),
        ("[Figure 2: Cases by age group]", BlockKind.FIGURE),
        # Controls, shop lines and templates (the held-out sets' pages showed them).
        ("Add to basket", BlockKind.CHROME),
        ("Like (87) Quote Reply Report", BlockKind.CHROME),
        ("Photo by Ana Ruiz on Unsplash", BlockKind.CHROME),
        ("Leave a reply", BlockKind.CHROME),
        ("1.2K followers", BlockKind.CHROME),
        ("#KneePain #Acupuncture #Physio", BlockKind.CHROME),
        ("Dear {{ first_name }}, here is this month's issue.", BlockKind.CHROME),
        ("Clinic News · Issue 12 · May 2025 · By Dr Mia Lund", BlockKind.CHROME),
        ("Knee support sleeve, size M £14.99", BlockKind.CHROME),
        ("Follow-up session (30 min) GBP 45.", BlockKind.CHROME),
        ("Use code KNEE10 for 10% off your first order.", BlockKind.CHROME),
        # Markup, tasks, properties and declarations (the seventh and eighth sets' pages).
        ("- [ ] Update the knee leaflet by Friday", BlockKind.CHROME),
        ("- [x] Book the next journal club", BlockKind.CHROME),
        ('[details="Sources (click to open)"]', BlockKind.CHROME),
        ("collapsed:: true", BlockKind.CHROME),
        ("SCHEDULED: <2026-04-14 Tue>", BlockKind.CHROME),
        ("I would halve the dose. [name=Tom K.] [time=Wed, Mar 11, 2026]", BlockKind.CHROME),
        ("The authors have declared no competing interest.", BlockKind.CHROME),
        ("This study was funded by the Hillside Research Trust (grant 2022-04).", BlockKind.CHROME),
        ("May be an image of text that says 'NOVA 4'", BlockKind.CHROME),
        ("Rated 4.8 out of 5 by 12,809 members", BlockKind.CHROME),
        ("Responses (48)", BlockKind.CHROME),
        # Back matter, PDF heads and feet, small print, link definitions (the tenth set's pages).
        ("Competing interests None declared.", BlockKind.HEADER),
        ("Contributors HO drafted the letter; DR-W revised it.", BlockKind.HEADER),
        (
            "Provenance and peer review Not commissioned; internally peer reviewed.",
            BlockKind.HEADER,
        ),
        ("KEYWORDS arthroplasty, education, exercise, knee osteoarthritis", BlockKind.HEADER),
        ("46 LINDQVIST ET AL.", BlockKind.CHROME),
        ("LINDQVIST ET AL. 45", BlockKind.CHROME),
        ("45 | press.example/journal/mcr © 2025 Northfield Academic Press", BlockKind.CHROME),
        ("TABLE 1 Core non-surgical treatments and typical doses", BlockKind.FIGURE),
        ("[6]: https://pubmed.example/55501006", BlockKind.CHROME),
        ("*Prices are for a 35-year-old non-smoker with a £250 excess.", BlockKind.CHROME),
        ("†Per condition, per plan year.", BlockKind.CHROME),
        (
            "Authorised and regulated by the Financial Conduct Authority (FRN 555014).",
            BlockKind.CHROME,
        ),
        ("Harbourline Health is a trading name of Harbourline Insurance Ltd.", BlockKind.CHROME),
        (
            "We'd like to use additional cookies to understand how you use the site.",
            BlockKind.CHROME,
        ),
        ("ENDS", BlockKind.CHROME),
        ("From: Department for Health and Community Care", BlockKind.CHROME),
        ("Is this page useful? Yes No Report a problem with this page", BlockKind.CHROME),
        # E-mail, leaflet and app-page lines (the eleventh set's pages).
        ("Subject: Practice Bulletin 14/26: flu clinics and BP monitors", BlockKind.CHROME),
        ("FYI - see item 2 about the monitors, we still have 14 in the cupboard", BlockKind.CHROME),
        (
            "This email and any attachments are confidential and intended only for the named recipient.",
            BlockKind.CHROME,
        ),
        ("Written by: Dr Chiara Benvenuti (Physiatrist)", BlockKind.CHROME),
        ("Tel. 555-0137 (from Monday to Friday, from 8.30 to 13.00)", BlockKind.CHROME),
        ("Download this leaflet as a PDF (318 KB) Print Listen to this page", BlockKind.CHROME),
        ("Try Mindloom free for 7 days", BlockKind.CHROME),
        ("Rated 4.8 ★ from 23K ratings.", BlockKind.CHROME),
        ("Trial registration: ISRCTN55501234.", BlockKind.CHROME),
        ("Graham, 71, day therapy patient", BlockKind.CHROME),
        ("Continue reading", BlockKind.CHROME),
        ("Opening hours: Mon-Thu 8.00-18.00, Fri 8.00-15.00", BlockKind.CHROME),
        (
            "Subscribe Log in using your username and password Buy this article (£32)",
            BlockKind.CHROME,
        ),
        ("Get 10% off your first order, plus our monthly newsletter.", BlockKind.CHROME),
        ("Get our monthly injury-prevention email", BlockKind.CHROME),
        ("★★★★★ 4.8 (1,314 reviews)", BlockKind.CHROME),
        ("All content is available under an open government licence.", BlockKind.CHROME),
        ("Last revised by Dr Priya Raman on 12 Oct 2026", BlockKind.CHROME),
        ("Developed by: SkinLens Lab (university research group)", BlockKind.CHROME),
        # The twelfth set's pages: phone lines, e-mail and newspaper furniture.
        ("Booking line: 555-0181 (Monday to Friday, 8.30am to 5pm).", BlockKind.CHROME),
        ("Text CHECK to 555-0182 for a free postal test kit.", BlockKind.CHROME),
        ("Page last reviewed: 14 September 2026", BlockKind.CHROME),
        ("If this email does not display properly, view it in your browser.", BlockKind.CHROME),
        ('Hi {{ subscriber.first_name | default: "there" }},', BlockKind.CHROME),
        ("You're getting this because you signed up for The Fibre Fix.", BlockKind.CHROME),
        ("Continued on page 23", BlockKind.CHROME),
        ("Comments are closed for this article.", BlockKind.CHROME),
        # Jekyll: a Liquid tag, a Liquid output and a kramdown attribute list on their own line.
        ('{% include figure.html image="/img/a.png" caption="Fig 1" %}', BlockKind.CHROME),
        ("{{ page.date | date: '%d %B %Y' }}", BlockKind.CHROME),
        ("{: .notice--info}", BlockKind.CHROME),
        # The sixteenth set's pages: callouts, bots, comment heads, chapters, repeated heads.
        ("> [!tip] Exam pearl", BlockKind.CHROME),
        ("I am a bot, and this action was performed automatically.", BlockKind.CHROME),
        ("@drpriya 2 weeks ago (edited)", BlockKind.CHROME),
        ("06:40 PREDIMED and the retraction", BlockKind.CHROME),
        ("Sore throats matter (continued)", BlockKind.CHROME),
        ("Ask the Pharmacist (continued from page 22)", BlockKind.CHROME),
        # The seventeenth set's leaflet: a footer that counts its pages.
        ("TH-07-EN  |  version 4  |  14-01-2026          page 2 of 3", BlockKind.CHROME),
        ("Page 3 / 4   Travel Clinic Amstelland", BlockKind.CHROME),
        # The thirty-sixth set's patent page: a tab's label and its count alone on a line.
        ("Images (3)", BlockKind.CHROME),
        ("Cited By (12)", BlockKind.CHROME),
        # The forty-fifth set's patent page: a row of tabs, one of them a tally of nothing.
        (
            "Info: Non-patent citations (6), Cited by (0), Legal events, Similar documents",
            BlockKind.CHROME,
        ),
        ("Description | Reviews (3) | Shipping", BlockKind.CHROME),
        # The thirty-seventh set's draft guideline, printed with a word processor's balloons.
        ("Deleted: (3)", BlockKind.CHROME),
        ("Commented [DW3]: Agree, say it in bold.", BlockKind.CHROME),
        # Two items set apart by a middle dot, one of them stamping the page (the sixty-fourth
        # to sixty-seventh sets' forms): a date, an edit, a review, a reading time.
        ("Dr. Amina Yusuf, GP · 4 min read", BlockKind.CHROME),
        ("March 6, 2025 · Tomas Berg, PharmD", BlockKind.CHROME),
        ("Shared from Notion · Last edited 02.03.2025", BlockKind.CHROME),
        ("*12 May 2025 · Dr Ana Costa, podiatrist*", BlockKind.CHROME),
        # A deck's slide label, a tap hint, a quiz's options, a pharmacist's signature (the
        # sixty-eighth set's forms).
        ("Slide 3 of 9 — Why does my heel hurt?", BlockKind.CHROME),
        ("(Tap ⓘ for more)", BlockKind.CHROME),
        ("Quick quiz: Which vitamin do we make in sunlight? ○ A ○ C ○ D", BlockKind.CHROME),
        ("Rhiannon Price, MPharm", BlockKind.HEADER),
    ],
)
def test_furniture_lines_are_set_aside(line: str, kind: BlockKind) -> None:
    found = aside(PROSE + "\n" + line + "\n\n" + PROSE)
    assert found[line][0] is kind, found


@pytest.mark.parametrize(
    "line",
    [
        "Acupuncture eased chronic knee pain more than sham needling in a large trial.3",
        "Share your experience with your acupuncturist before the first session begins.",
        "A review of 12 trials found benefits at 8 weeks in 1,200 adults [2].",
        "Most people need 4 to 8 sessions, each lasting 20 to 30 minutes.",
        "Follow-up at 12 months showed that 64% kept the benefit.5",
        "In 2019, 14,000 people in Germany took part in a trial of needling.6",
        "By inserting needles at specific points, acupuncture is thought to calm the nerves.",
        "Published in 2019, the trial enrolled 300 adults with knee pain.",
        "Updated guidance recommends exercise before any needling.",
        "A course of needling in the trial cost the health service about £300 per patient.",
        "Likes and shares do not make a treatment work.",
        "Photographs of the knee showed less swelling after 6 weeks.",
        "The authors of the trial found less pain at 12 weeks.",
        "This study was small, but its results matched the larger trials.",
        "Funding cuts reduced the number of physiotherapists in 2019.",
        "Contributors to the review found benefits in 9 of 12 trials.",
        "*Most* people need no X-ray at all.",
        "From 2019 the service offered 6 sessions.",
        "Try to walk for 30 minutes a day; free classes help many people start.",
        "Subjects in the trial were aged 40 to 70.",
        "Get moving: 30 minutes of walking a day cut the risk of falls by a third.",
        "Reading labels helps; continue reading them after the first week.",
        "Doses of 100-1000 mg a day were tested in the trials.",
        "The phone line number of the trial was not the point: 6 in 10 people called back.",
        "Hearing loss is common (2)",
        "Aspirin (1), Warfarin (2), Heparin (3)",
        "Comments from patients (2), carers (3) and nurses (4) were read twice.",
        "Ice packs help · but only for the first two days after the injury in 2025.",
    ],
)
def test_prose_stays(line: str) -> None:
    assert line not in aside(PROSE + "\n" + line + "\n\n" + PROSE)


@pytest.mark.parametrize(
    "caption",
    [
        "Table 1. Randomised trials of acupuncture after colorectal surgery.4-6",
        "Table 2. PEN-FAST points, adapted from Trubiano et al.4",
        "Figure 1. Visits before and after the protocol, which follows the guideline.5",
    ],
)
def test_a_caption_that_cites_its_sources_is_the_articles(caption: str) -> None:
    # Digits glued after the caption's last stop, as a copied journal page prints them; a
    # caption without them (and one ending on a unit, "kg/m2") stays a caption.
    assert caption not in aside(PROSE + "\n" + caption + "\n\n" + PROSE)
    plain = "Table 3. Body mass index at entry, kg/m2"
    assert aside(PROSE + "\n" + plain + "\n\n" + PROSE)[plain][0] is BlockKind.FIGURE


def test_a_line_ending_with_superscript_commas_is_prose() -> None:
    # A Telegram post: Unicode superscripts joined by a modifier comma, "hope.¹˒²˒⁵⁻⁶".
    item = "• Use repellent with at least 20% DEET"
    text = (
        PROSE + "\n\n" + item + "\n"
        "• For fever, take paracetamol ONLY, at most 4 g a day for adults\n\n"
        "Bottom line: dengue is common and usually mild, but vaccines give real hope.¹˒²˒⁵⁻⁶\n"
    )
    assert item not in aside(text)


def test_short_lines_before_and_after_the_article() -> None:
    text = (
        "Riverside Acupuncture Clinic\n"
        "Patient leaflet 12\n\n"
        "Understanding needling\n" + PROSE + "\nFeatured Posts\nRecent Posts\nbottom of page\n"
    )
    found = aside(text)
    assert found["Riverside Acupuncture Clinic"][1] == "title or page header before the article"
    assert "Patient leaflet 12" in found
    assert "Understanding needling" not in found  # a heading right above prose
    assert {"Featured Posts", "Recent Posts", "bottom of page"} <= set(found)


def test_a_table_header_row_and_its_rows() -> None:
    text = PROSE + "\nAge group Population Cases (95% UI)\n20-39 41,230 2,417 (1,102 ; 5,236)\n"
    found = aside(text)
    assert found["Age group Population Cases (95% UI)"] == (BlockKind.TABLE, "table header row")


def test_contents_and_edit_links() -> None:
    text = "Contents\nhide\n1 Burden\n2 Medicines\n\n" + PROSE + "\nBurden[edit]\n" + PROSE
    found = aside(text)
    assert {"Contents", "1 Burden", "2 Medicines"} <= set(found)
    assert found["[edit]"] == (BlockKind.CHROME, "edit link")
    assert "Burden[edit]" not in found


def test_lines_to_skip_are_left_alone() -> None:
    text = PROSE + "\nReferences\n1. Doe J. Needling. Pain. 2020;1:1-2.\n"
    start = text.index("References")
    assert all(b.span.start < start for b in set_aside(text, skip=[(start, len(text))]))


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_code_comments_front_matter_and_tables_are_blanked() -> None:
    source = (
        "---\ntitle: Sleep [1]\n---\n\n"
        "Sleep matters.[^1] The third night is `scores[2]`.\n\n"
        "<!-- add [^8] later -->\n\n"
        "```python\nprint(scores[2])\n```\n\n"
        "| Age | Cases |\n|---|---|\n| 45-64 | 2,417 (1,102 ; 5,236) |\n\n"
        'Escaped markers \\[2–4\\]. A sup<sup>4</sup> and a link<sup><a href="#fn:5">5</a></sup>.\n'
    )
    prepared = prepare_markdown(source)
    assert len(prepared.text) == len(source)
    assert prepared.text.count("\n") == source.count("\n")
    for gone in ("title: Sleep", "scores[2]", "add [^8]", "print(", "2,417", "<sup>", "href"):
        assert gone not in prepared.text
    assert "Sleep matters.[^1]" in prepared.text
    assert " [2–4 ]." in prepared.text
    assert [prepared.text[a:b] for a, b in prepared.sup_spans] == ["4", "5"]
    kinds = [(b.kind, b.reason) for b in prepared.blocks]
    assert kinds == [
        (BlockKind.FRONT_MATTER, "YAML front matter"),
        (BlockKind.CODE, "inline code"),
        (BlockKind.COMMENT, "HTML comment"),
        (BlockKind.CODE, "fenced code"),
        (BlockKind.TABLE, "table"),
    ]


def test_a_setext_heading_is_not_a_table_or_front_matter() -> None:
    source = "Knee pain\n=========\n\nExercise helps.[1]\n\nWhat works\n----------\n\nText.\n"
    prepared = prepare_markdown(source)
    assert prepared.text == source
    assert prepared.blocks == ()


def test_toml_front_matter_is_blanked() -> None:
    source = '+++\ntitle = "Fish oil [2]"\ndate = 2024-01-02\n+++\n\nFish oil helps.[^1]\n'
    prepared = prepare_markdown(source)
    assert "Fish oil [2]" not in prepared.text
    assert "Fish oil helps.[^1]" in prepared.text
    assert [(b.kind, b.reason) for b in prepared.blocks] == [
        (BlockKind.FRONT_MATTER, "TOML front matter")
    ]


def test_mdx_comments_are_blanked() -> None:
    prepared = prepare_markdown("Sleep improved.[^1]\n\n{/* TODO(ref 6): add the 2020 audit */}\n")
    assert "TODO" not in prepared.text
    assert any(b.reason == "HTML comment" for b in prepared.blocks)


def test_reader_comments_after_their_heading_are_set_aside() -> None:
    text = (
        PROSE
        + "\n14 Comments\n\nKaren W. - October 4, 2026 at 7:12 am\n"
        + "I'm 52 and started lifting three times a week in January, and my knees feel better.\n\n"
        + "Great progress Karen!\n"
    )
    found = aside(text)
    assert found["14 Comments"][0] is BlockKind.CHROME
    assert found["Great progress Karen!"][1] == "reader comments"
    assert not any(line in found for line in PROSE.splitlines())


def test_a_comments_link_under_the_byline_does_not_set_the_article_aside() -> None:
    # A WordPress post's "Leave a comment" link under its byline (the fifty-fifth marker
    # set's form, written for this test): the cited article below it is the article's, and
    # only the real comments heading at the end opens the readers' comments.
    text = (
        "Winter skin and psoriasis\n\nPosted on January 12, 2026 by Dana Roy\n\n"
        "Leave a comment\n\n"
        "Psoriasis is more common further from the equator, where winters are long.[1]\n\n"
        "Narrowband light therapy clears plaques in most adults within three months.[2]\n\n"
        "Leave a Reply\n\nGreat post, thanks for the winter tips!\n"
    )
    found = aside(text)
    assert found["Leave a comment"][0] is BlockKind.CHROME
    assert not any(line.startswith(("Psoriasis", "Narrowband")) for line in found)
    assert found["Great post, thanks for the winter tips!"][1] == "reader comments"


@pytest.mark.parametrize("heading", ["4. Response", "4.1 Responses", "3. Replies"])
def test_a_numbered_section_on_the_response_is_not_reader_comments(heading: str) -> None:
    # An outbreak report's "4. Response" section (the twenty-sixth marker set's form, written
    # for this test) is the report's own prose, not readers' comments after their heading.
    text = PROSE + f"\n{heading}\n" + PROSE
    assert not any(reason == "reader comments" for _, reason in aside(text).values())


@pytest.mark.parametrize("heading", ["14 Comments", "1.2k Responses", "Responses (48)"])
def test_comment_counts_still_open_reader_comments(heading: str) -> None:
    text = PROSE + f"\n{heading}\n\nGreat progress Karen!\n"
    assert aside(text)["Great progress Karen!"][1] == "reader comments"


def test_related_links_after_their_heading_are_set_aside() -> None:
    text = (
        PROSE
        + "\nRelated articles\n5 stretches for people who sit all day\n"
        + "Why do my gums bleed when I floss?\n\n"
        + "Gum disease affects about half of adults over 30, and most cases respond to care.\n"
    )
    found = aside(text)
    assert found["Related articles"][0] is BlockKind.CHROME
    assert found["Why do my gums bleed when I floss?"][1] == "related links"
    assert (
        "Gum disease affects about half of adults over 30, and most cases respond to care."
        not in found
    )


def test_a_quotation_above_its_attribution_is_set_aside() -> None:
    text = (
        PROSE
        + "\n\u201cThe fan lives on my bedside table now.\u201d\nGraham, 71, day therapy patient\n\n"
        + PROSE
    )
    found = aside(text)
    assert (
        found["\u201cThe fan lives on my bedside table now.\u201d"][1]
        == "a quotation above its attribution"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Free click & collect on orders over £15 | Find a store | Sign in | Basket (0)",
        "Thornfield Renal Society | TRS-PS-2026-03 | Blood pressure in kidney disease Page 1 of 3",
        "Blog > Men's Health > Should I have a prostate test?",
        "You might also like: Dry eye explained | Pet allergies | Myths about antihistamines",
    ],
)
def test_a_line_of_parts_between_pipes_or_a_breadcrumb_is_a_menu(line: str) -> None:
    found = aside("\n" + line + "\n\n" + PROSE + "\n" + line + "\n")
    # A header that counts its pages is a running head first.
    assert found[line] in (
        (BlockKind.CHROME, "menu or header line"),
        (BlockKind.CHROME, "running head or foot of a page"),
    )


@pytest.mark.parametrize(
    "line",
    [
        "Choose one: walk daily | swim twice a week | cycle. Then keep a diary of every session.",
        "Pain fell in the trial. Patients slept better > most reported less fatigue > all stayed.",
    ],
)
def test_a_line_with_a_sentence_between_its_separators_is_not_a_menu(line: str) -> None:
    found = aside("\n" + line + "\n\n" + PROSE)
    assert found.get(line, (None, ""))[1] != "menu or header line"


@pytest.mark.parametrize(
    "line", ["— View replies (2)", "View all 14 comments", "Show more replies", "See 3 answers"]
)
def test_a_forums_reply_controls_are_chrome(line: str) -> None:
    found = aside(PROSE + "\n" + line + "\n\n" + PROSE)
    assert found[line][0] is BlockKind.CHROME


@pytest.mark.parametrize(
    "line",
    [
        "Home Get support Quit aids Medicines Pregnancy For professionals Contact",
        "Give blood Give plasma Find a session My account Help",
    ],
)
def test_a_menu_bar_copied_without_separators_is_chrome(line: str) -> None:
    found = aside("\n" + line + "\n\n" + PROSE)
    assert found[line] == (BlockKind.CHROME, "menu or header line")


@pytest.mark.parametrize(
    "line",
    [
        "What to Do at Home When Your Child Has a Fever",  # one menu word: a heading
        "Help at home",  # too short for a menu bar
    ],
)
def test_a_heading_with_a_menu_word_stays(line: str) -> None:
    found = aside("\n" + line + "\n" + PROSE)
    assert line not in found


def test_a_note_about_the_writer_after_the_last_citation_is_chrome() -> None:
    note = "Dr Jo Marsh is a GP in the valley and writes about sleep."
    found = aside(PROSE + "\n" + note + "\n")
    assert found[note] == (BlockKind.CHROME, "a note about the writer")
    # Before a citation it is the article's: "Dr Jo Marsh is a GP who led the trial.5"
    assert note not in aside(note + "\n" + PROSE)
    # A drug is not a writer.
    assert "Aspirin is a drug that thins the blood." not in aside(
        PROSE + "\nAspirin is a drug that thins the blood.\n"
    )


def test_the_content_of_admonitions_and_tabs_is_prose_not_code() -> None:
    source = (
        "## Warfarin or a DOAC?\n\n"
        '=== "DOACs"\n\n    DOACs prevented more strokes than warfarin.[^ruff]\n\n'
        '??? note "Why"\n\n    Some people need warfarin.[^inr]\n\n'
        "Text.\n\n    print(scores[2])\n"
    )
    prepared = prepare_markdown(source)
    assert "DOACs prevented more strokes" in prepared.text
    assert "Some people need warfarin" in prepared.text
    assert "print(" not in prepared.text  # indented code after a paragraph is still code


def test_an_author_list_closed_by_a_group_is_a_header() -> None:
    line = "Anna Visser1, Tomás Ferreira2,3, Hana Price4 and the DAPA-CKD patient partners"
    found = aside(line + "\n\n" + PROSE)
    assert found[line] == (BlockKind.HEADER, "author list with affiliation numbers")


def test_an_author_list_with_japans_affiliation_marks_is_a_header() -> None:
    # The twenty-eighth set's form (written for this test): the presenter marked with a
    # circle, each affiliation number closed by a parenthesis.
    line = "○Mika Sato1), Ren Kobayashi2), Yuto Hayashi1,3)"
    found = aside(line + "\n\n" + PROSE)
    assert found[line] == (BlockKind.HEADER, "author list with affiliation numbers")


def test_a_shops_offer_inside_a_prose_line_is_chrome() -> None:
    from acurefs.document.blocks import furniture_sentence

    found = furniture_sentence("Use code PRIYA15 for 15% off your first order.")
    assert found is not None
    assert found[0] is BlockKind.CHROME
    assert furniture_sentence("Use a code word with your doctor to say you need help.") is None


def test_a_line_repeated_on_each_page_is_its_running_head() -> None:
    head = "Policy Research | Minimum unit pricing for alcohol"
    foot = "www.briefings.example                    2"
    text = (
        f"{head}\n\n{PROSE}\n{foot}\n\n{head}\n\n{PROSE}\n"
        "www.briefings.example                    3\n"
        # A section's heading and its line in the contents are no running head.
        "\n1. Working nights without wearing yourself out\n\n"
        "1. Working nights without wearing yourself out\n\n" + PROSE
    )
    found = aside(text)
    assert found[head][0] is BlockKind.CHROME
    assert "1. Working nights without wearing yourself out" not in found


def test_author_names_with_particles_and_the_abstract_under_them() -> None:
    authors = "Tan Mei Ling1, Nur Aisyah binte Rahman1,2, Muhammad Faizal bin Ismail2"
    text = (
        "Brushing without chlorhexidine on a medical ICU\n"
        f"{authors}\n"
        "1Medical Intensive Care Unit, Bay General Hospital\n"
        "Background: Pneumonia on a ventilator remains a common complication of intensive\n"
        "care, and a review found that oral care with chlorhexidine reduces it.1\n"
    )
    found = aside(text)
    assert found[authors][0] is BlockKind.HEADER
    assert not any(key.startswith("Background") for key in found)


def test_a_bulleted_list_that_finishes_its_lead_in_is_the_pages_text() -> None:
    # A pharmacy poster: after the last paragraph, "... IF:" and the cases that finish it.
    items = ["• you have trouble breathing or chest pain", "• a fever lasts more than 3 days"]
    text = PROSE + "\nSEE A DOCTOR IF:\n" + "\n".join(items) + "\n"
    found = aside(text)
    assert not any(item in found for item in items)
    # Short lines after the article that finish nothing stay furniture.
    assert "Share this page" in aside(PROSE + "\nShare this page\n")


def test_initials_first_authors_with_superscript_affiliations_are_a_header() -> None:
    # A conference poster through pdftotext (the twenty-second set's form, written for this test).
    authors = "J. de Vries¹, M. Bakker², S. El Amrani¹, P. Jansen¹˒³"
    text = (
        "Screening for delirium on a trauma unit:\n"
        f"{authors}\n"
        "¹ Department of Geriatric Medicine, Example Hospital, Leiden\n\n"
        "BACKGROUND\nDelirium is common in older people and is linked with death.1\n"
    )
    assert aside(text)[authors][0] is BlockKind.HEADER
    assert "Delirium is common in older people and is linked with death.1" not in aside(text)


def test_a_pdfs_header_does_not_run_through_a_body_with_no_blank_line() -> None:
    # A journal review's PDF text (the thirty-fourth set's forms, written for this test):
    # no blank line anywhere; the header carries on to a few lines under it, no further; an
    # affiliation glued to its number and a page number beside the journal's citation are
    # furniture; a Malaysian "s/o" is part of an author's name.
    authors = "Siti Hajar1, Arun Kumar s/o Rajan2, Lee Wen3"
    body = [
        "Enteric fever remains a major cause of illness in South",
        "Asia, where the burden of disease is highest. Blood culture",
        "is positive in only about half of cases, and the classic",
        "signs are neither sensitive nor specific for the disease.",
        "Most cases in the region are now resistant to older drugs.",
    ]
    text = "\n".join(
        [
            "Borneo J Med. 2024;8(2):41-46.    doi: 10.5555/bjm.2024.0208",
            "REVIEW ARTICLE",
            "Typhoid in the clinic: what to know",
            authors,
            "Keywords: typhoid, Salmonella Typhi, azithromycin.",
            "Introduction",
            *body,
            "1Department of Medicine, Kuching Hospital; 2Department of",
            "42                  Borneo J Med 2024;8(2)                  Open Access",
            "Children under 15 years accounted for most of the cases seen.",
        ]
    )
    found = aside(text)
    assert found[authors][0] is BlockKind.HEADER
    assert not any(line in found for line in body[2:])
    assert found["1Department of Medicine, Kuching Hospital; 2Department of"][0] is BlockKind.HEADER
    assert found["42                  Borneo J Med 2024;8(2)                  Open Access"][0] in (
        BlockKind.CHROME,
        BlockKind.HEADER,
    )
    assert "Children under 15 years accounted for most of the cases seen." not in found


def test_a_bulleted_take_home_point_that_cites_is_the_articles_text() -> None:
    # Lecture slides (the fortieth set's form, written for this test): after the last
    # paragraph, short bulleted points whose last word carries flattened citation digits.
    point = "• Most colds settle without antibiotics3-5"
    found = aside(PROSE + "\nTake-home messages\n" + point + "\n")
    assert point not in found
    # A unit's exponent is no citation: the point stays furniture.
    unit = "• CD4 count below 200 cells/mm3"
    assert unit in aside(PROSE + "\n" + unit + "\n")


def test_an_author_list_after_a_preprints_line_number_is_a_header() -> None:
    # A line-numbered preprint (the forty-fourth set's form, written for this test): the
    # author line opens on its line number.
    line = "4    Nguyen Thi Thu Ha1, Hoang Van Duc2, Le Minh Chau1,3, Pham Quoc Bao2*"
    found = aside(line + "\n\n" + PROSE)
    assert found[line] == (BlockKind.HEADER, "author list with affiliation numbers")


def test_the_next_pages_running_head_inside_a_sentence_the_break_cut() -> None:
    # A practice leaflet flattened from its PDF (the fifty-sixth marker set's form, written
    # for this test): page 1's foot, then page 2's running head printed once, both inside a
    # sentence that goes on in lower case below them.
    text = (
        "Raynaud's phenomenon: cold fingers and what helps\n\n"
        "The usual first medicine is nifedipine, often started at 5 mg twice a day and\n\n"
        "Northgate Surgery · PI-27 · Page 1 of 2\n"
        "Raynaud's phenomenon – patient information\n\n"
        "increased slowly.7,8 It cut the number of attacks by a modest amount.8\n\n"
        "Smoking makes attacks worse\n\n"
        "Northgate Surgery · PI-27 · Page 2 of 2\n"
        "Further help\n\n"
        "Ask at reception for a leaflet on gloves.\n"
    )
    found = aside(text)
    assert found["Raynaud's phenomenon – patient information"][0] is BlockKind.CHROME
    assert "Further help" not in found  # the sentence before that foot had ended


def test_a_slides_point_citing_with_glued_digits_is_no_page_header() -> None:
    # Slides printed as notes pages (the sixty-second set's form, written for this test):
    # short bullets above the first sentence of prose, citing with digits glued to their
    # last word, are the slide's points, not the page's header.
    text = (
        "Slide 2\nWhat is bruxism?\n"
        "\u2022 Two forms: awake bruxism and sleep bruxism1\n"
        "\u2022 Not always a disorder in healthy people1,4\n"
        "Notes: The consensus split the two forms because their causes differ in most adults.1\n"
    )
    found = aside(text)
    assert "\u2022 Two forms: awake bruxism and sleep bruxism1" not in found
    assert "\u2022 Not always a disorder in healthy people1,4" not in found
    assert found["Slide 2"][0] is BlockKind.CHROME
