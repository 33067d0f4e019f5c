"""A reader's comment that brings its own numbered sources (the fifty-ninth and sixty-first
held-out sets' forms: a forum post and a message board, each with a reply carrying a list of
its own, numbered from 1 again). The articles are written for these tests; the references
are real works.
"""

from __future__ import annotations

import acurefs

_POST = (
    "Club forum › Health\n\n"
    "Why do runners get a stitch?\n"
    "Posted by coach_mira · 2 days ago\n\n"
    "A stitch is a sharp pain under the ribs that many runners know well [1]. "
    "Big drinks just before a run seem to make it more likely [2].\n\n"
    "References\n"
    "1. Morton D, Callister R. Exercise-related transient abdominal pain (ETAP). "
    "Sports Med. 2015;45(1):23-35.\n"
    "2. Morton DP, Aragón-Vargas LF, Callister R. Effect of ingested fluid composition on "
    "exercise-related transient abdominal pain. Int J Sport Nutr Exerc Metab. "
    "2004;14(2):197-208.\n\n"
)
_REPLY_LIST = (
    '1. Plunkett BA, Hopkins WG. Investigation of the side pain "stitch" induced by running '
    "after fluid ingestion. Med Sci Sports Exerc. 1999;31(8):1169-1175.\n"
    "2. Morton DP, Callister R. Characteristics and etiology of exercise-related transient "
    "abdominal pain. Med Sci Sports Exerc. 2000;32(2):432-438.\n"
)


def _sources(text: str) -> dict[str, list[str]]:
    """Each cited sentence's opening words, and the first author of each entry it cites."""
    doc = acurefs.parse_document(text)
    return {
        " ".join(c.text.split()[:4]): [r.raw.split(",")[0] for r in c.references]
        for c in doc.claims
        if c.markers
    }


def test_a_reply_with_a_headed_list_cites_its_own_entries() -> None:
    text = (
        _POST
        + "4 comments\n\n"
        + "sam_runs · 1 day ago\n"
        + "An old trial from New Zealand had runners drink before running, and more got a "
        + "stitch [1]. Younger runners report stitches more often than older ones [2].\n"
        + "Sources:\n"
        + _REPLY_LIST
        + "reply · 3\n\n"
        + "coach_mira · 1 day ago\nThanks, useful!\n"
    )
    found = _sources(text)
    assert found["A stitch is a"] == ["Morton D"]
    assert found["Big drinks just before"] == ["Morton DP"]
    assert found["An old trial from"] == ["Plunkett BA"]
    assert found["Younger runners report stitches"] == ["Morton DP"]


def test_a_reply_with_a_headless_list_and_flattened_markers_is_kept() -> None:
    text = (
        _POST
        + "12 comments\nsorted by: top new old\n\n"
        + "sam_runs · 1 day ago\n"
        + "Good summary. An old trial from New Zealand had runners drink before running, "
        + "and more got a stitch.1 Younger runners report stitches more often than older ones.2\n\n"
        + _REPLY_LIST
        + "reply · 3\n\n"
        + "coach_mira · 1 day ago\nThanks, useful!\n"
    )
    doc = acurefs.parse_document(text)
    found = _sources(text)
    assert found["An old trial from"] == ["Plunkett BA"]
    assert found["Younger runners report stitches"] == ["Morton DP"]
    assert found["A stitch is a"] == ["Morton D"]
    # the thanks after the last list is still a reader's comment, not a claim
    assert not any("Thanks, useful" in c.text for c in doc.claims)


def test_comments_without_a_list_of_their_own_stay_aside() -> None:
    text = (
        _POST
        + "12 comments\n\n"
        + "sam_runs · 1 day ago\n"
        + "I get one every time I run after lunch, and it goes if I slow down for a minute.\n"
    )
    doc = acurefs.parse_document(text)
    assert not any("after lunch" in c.text for c in doc.claims)
    assert [r.number for r in doc.references] == [1, 2]
