"""Reference lists as wiki markup and chat copies print them (the sixty-third held-out set's
forms: a Jira issue, a TiddlyWiki file, a Skype chat). The articles are written for these
tests; the references are real works.
"""

from __future__ import annotations

import acurefs

_SEAQUIST = (
    "Seaquist ER, Anderson J, Childs B, et al. Hypoglycemia and diabetes: a report of a "
    "workgroup. Diabetes Care. 2013;36(5):1384-1395."
)
_SLAMA = (
    "Slama G, Traynard PY, Desplanque N, et al. The search for an optimized treatment of "
    "hypoglycemia. Arch Intern Med. 1990;150(3):589-593."
)


def _cited(doc: acurefs.Document) -> list[tuple[tuple[int, ...], list[str]]]:
    return [
        (c.numbers, [r.raw.split(" ")[0] for r in c.references]) for c in doc.claims if c.markers
    ]


def test_jira_headings_and_hash_numbered_entries() -> None:
    text = (
        "h2. Background\n"
        "Insulin and sulfonylureas cause most episodes in hospital.^1^ Tablets raise glucose "
        "faster than gel.^2^\n\n"
        "h3. References\n"
        f"# {_SEAQUIST}\n# {_SLAMA}\n\n"
        "Attachments\nhypo_flowchart_v3.pdf    182 kB\n\nActivity\n"
        "Layla added a comment - 03/Mar/25 10:12 AM\nPharmacy confirmed 200 tubes.\n"
    )
    doc = acurefs.parse_document(text)
    assert [(r.number, r.raw.split(" ")[0]) for r in doc.references] == [
        (1, "Seaquist"),
        (2, "Slama"),
    ]
    assert _cited(doc) == [((1,), ["Seaquist"]), ((2,), ["Slama"])]


def test_a_markdown_heading_still_ends_a_list() -> None:
    text = (
        "Most episodes follow insulin [1].\n\n## References\n\n1. " + _SEAQUIST + "\n\n"
        "# About the author\n\nLayla is a diabetes nurse in Kuwait City.\n"
    )
    doc = acurefs.parse_document(text, format="markdown")
    assert [r.number for r in doc.references] == [1]


def test_tiddlywiki_double_carets_close_their_sentence() -> None:
    text = (
        "The pain cannot be put down to any other dental problem.^^2^^ The usual explanation "
        "is the hydrodynamic theory.^^1,2^^\n\nReferences\n1. "
        + _SEAQUIST
        + "\n2. "
        + _SLAMA
        + "\n"
    )
    assert _cited(acurefs.parse_document(text)) == [
        ((2,), ["Slama"]),
        ((1, 2), ["Seaquist", "Slama"]),
    ]


def test_a_chat_reply_with_its_own_list_after_its_time_and_sender() -> None:
    text = (
        "[04.03.2025 14:12] Alena K.: Hypoglycaemia follows insulin in most cases.1 Tablets "
        "work faster than gel.2\n"
        "Refs:\n1. " + _SEAQUIST + "\n2. " + _SLAMA + "\n"
        "[04.03.2025 14:20] Pavel Z.: Good. Gel barely moved glucose at ten minutes in one "
        "study.1\n"
        "[04.03.2025 14:21] Pavel Z.: 1. " + _SLAMA + "\n"
        "[04.03.2025 14:25] Alena K.: thanks, will add it.\n"
    )
    doc = acurefs.parse_document(text)
    assert _cited(doc) == [((1,), ["Seaquist"]), ((2,), ["Slama"]), ((1,), ["Slama"])]


def test_a_card_decks_export_with_html_tags_and_tab_separated_fields() -> None:
    # An Anki deck exported as text (the sixty-third set's form): directive lines, fields
    # parted by tabs, <sup> markers and a source list joined by <br> in one field.
    text = (
        "#separator:tab\n#html:true\n#tags column:5\n"
        "Basic\tDeck::Lows\tFastest fix?\tTablets raise glucose faster than gel.<sup>2</sup>"
        "\tdiabetes\n"
        "Basic\tDeck::Lows\tWho is at risk?\tInsulin causes most episodes.<sup>1</sup><br>"
        "Lows blunt warning symptoms.<sup>1,2</sup>\tdiabetes\n"
        "Basic\tDeck::Sources\tSources\t1. " + _SEAQUIST + "<br>2. " + _SLAMA + "\tsources\n"
    )
    doc = acurefs.parse_document(text)
    assert [(r.number, r.raw.split(" ")[0]) for r in doc.references] == [
        (1, "Seaquist"),
        (2, "Slama"),
    ]
    assert _cited(doc) == [
        ((2,), ["Slama"]),
        ((1,), ["Seaquist"]),
        ((1, 2), ["Seaquist", "Slama"]),
    ]


def test_reference_headings_in_other_languages() -> None:
    # A French post with a "Bibliographie" after each section (the sixty-fifth set's form);
    # "Références", "Literatur", "Bibliografía" head lists as "References" does.
    for heading in ("**Bibliographie**", "Références", "Literatur", "Bibliografía"):
        text = (
            "## Les premières semaines\n\nMost episodes follow insulin [1]. Tablets work "
            f"faster [2].\n\n{heading}\n\n1. {_SEAQUIST}\n2. {_SLAMA}\n\n"
            "## Après trois mois\n\nGel barely moved glucose at ten minutes [1].\n\n"
            f"{heading}\n\n1. {_SLAMA}\n"
        )
        doc = acurefs.parse_document(text, format="markdown")
        assert _cited(doc) == [((1,), ["Seaquist"]), ((2,), ["Slama"]), ((1,), ["Slama"])]
