"""Finding an article's reference list and cutting it into numbered entries.

A reference list is either introduced by a heading (References, Sources, Bibliography, Notes,
...) and read up to the next heading, or is a *trailing* numbered list - nothing but boilerplate
after it - whose items read like references (DOIs, links, journal punctuation, author lists) or
whose numbers the body cites. Markdown footnote definitions (``[^1]: ...``) are entries wherever
they stand. A numbered list in the body (``1. Relieves pain.``) is not a reference list: its
items read like prose, prose follows it, or they carry citation markers themselves.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..models import Span
from ..text import NAME_PARTICLE_PATTERN, roman_number
from .entries import CHAT_PREFIX, Entry, entry_end, page_turn, run_in_lists
from .furniture import COMMENTS_HEADING, REFERENCES_HEADING
from .unnumbered import STRONG, reads_like_a_reference, reference_like, unnumbered_entries

# Any other heading-like line ends a section: Markdown headings, or short title lines before a blank.
_OTHER_HEADING = re.compile(
    r"(?m)^[ \t]*(?:#{1,6}[ \t]+\S.*|(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)[ \t]*:?)[ \t]*$"
)
# Entry numbers run to six digits: a list of 100,000 entries is long, but still a list. An
# entry may name itself ("Ref. 1 Flouris AD, ...", "Reference 2: ...") as its markers do, or
# carry its number as a superscript ("¹ van der Steen JT, ...", typed "^1 Wang QP, ...").
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NUMBER_GROUPS = ("linked", "bracket", "paren", "dot", "alone", "refword", "superscript", "caret")
_ITEM = re.compile(
    r"(?m)(?:^|(?<=\t))(?P<indent>[ \t]*)(?:[-*•][ \t]+)?"  # after a tab: a field of an export
    rf"(?:{CHAT_PREFIX})?"  # a chat message's time and sender: "[04.03.2025 14:21] Pavel Zhuk: "
    r"(?:(?:\[(?P<roman>[ivxlc]{1,7})\]|(?P<roman_bare>i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)\.?)[ \t]+(?=[A-Z])|\[(?P<linked>\d{1,6})\]\(#[^)\s]*\)(?:[ \t]*\n(?:[ \t]*\n)?(?=[ \t]*[A-Za-z]))?|\\?\[(?P<bracket>\d{1,6})[ \t]?\\?\](?!:[ \t]*<?(?:https?://|www\.|#|/))|\((?P<paren>\d{1,6})\)|(?P<dot>\d{1,6})[.)](?P<also>(?:,[ \t]?\d{1,3}\))+)?(?=[ \t]|$)|"
    r"(?:Ref(?:erence)?|REF)\.?[ \t]?(?P<refword>\d{1,6})[.:)]?[ \t]+(?=[A-Z])|"
    r"(?P<superscript>[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})[.)]?[ \t]+(?=[^\W\d_]|\[)|"
    r"\^(?P<caret>\d{1,3})\^?[.)]?[ \t]+(?=[A-Z])|"
    r"\[\^(?P<foot>[^\]\s]+)\]:|(?:(?:Footnote|Note|Reference)[ \t]+)?(?P<alone>\d{1,3})[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    r"(?!(?:Footnote|Note|Reference)[ \t]+\d)(?=[A-Z]|[a-z]{1,3}[ \t][A-Z]))[ \t]*"
)
_BARE_NUMBER_ITEM = re.compile(
    r"(?m)^(?P<indent>[ \t]*)(?P<bare>\d{1,6})(?:[ \t]+[-–—·•|])?[ \t]+"
    rf"(?=[A-Z\[]|(?:{NAME_PARTICLE_PATTERN}[ \t]+){{1,2}}[A-Z])"
)
"""``1 Chen L, ...``, ``1 - Chen L, ...``, ``1 · Chen L, ...``, ``7 van Nood E, ...`` or ``1 van de
Sande WW, ...``: entries numbered without a stop."""
_RULE_LINE = re.compile(r"(?m)^[ \t]*(?:_{5,}|-{5,}|\*{5,}|={5,})[ \t]*$")
"""A horizontal rule: a document's endnotes often follow one, with no heading."""
_BACKLINKS = re.compile(r"^(?:\^|↑)(?:[ \t]+a(?:[ \t]+[b-z]|[ \t]+a[a-z])*(?=[ \t]))?[ \t]*")
"""Wikipedia's links back to where an entry is cited: ``^ a b c Goadsby PJ ...`` (the letters
run from ``a``: ``^ de Jager J`` keeps its particle)."""
_NUMERIC_BRACKET = re.compile(r"\[\d{1,3}(?:[,–-]\s*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹]")
_BODY_MARKER = re.compile(
    r"\[(\d{1,3})(?:[,–-]\s*\d{1,3})*\]|<sup>|([¹²³⁴⁵⁶⁷⁸⁹])|[a-z][.,](\d{1,3})(?=\s|$)"
)
# A line reads like a sentence when a lowercase word comes before the stop that ends it: two
# searches, not one pattern with ".*" between them (that tried every word of a long line).
_LOWER_WORD = re.compile(r"\b[a-z]\w*\b")
_CLOSING_STOP = re.compile(r"[.!?][\"”’)]?\s*$")


@dataclass(frozen=True, slots=True)
class ReferenceSection:
    """Where the reference list is and what it holds."""

    spans: tuple[Span, ...]
    """Regions of the text that belong to the reference list (not to the body)."""
    heading: str | None
    entries: tuple[Entry, ...]
    lists: tuple[tuple[Span, tuple[Entry, ...]], ...] = ()
    """An article with a list per section (each numbered from 1): each list's span and
    entries, in order. Empty when the article has one list (:attr:`entries`)."""


@dataclass(frozen=True, slots=True)
class _Item:
    number: int | None
    label: str | None
    footnote: bool
    start: int
    text_start: int
    line_end: int
    also: tuple[int, ...] = ()  # more numbers of one note: DokuWiki's "3), 5)"


def find_reference_section(text: str) -> ReferenceSection | None:
    """The reference list of an article, or None when it has none. An article with a list
    at the end of each section, each numbered from 1, has them all in :attr:`lists`."""
    items = _before_comments(text, _items(text))
    footnotes = _footnote_entries(text, items)
    run_in = run_in_lists(text)
    outside = _outside([span for span, _ in run_in])
    numbered = [i for i in items if not i.footnote and outside(i.start)]
    several = sorted([*_lists_per_section(text, numbered), *run_in], key=lambda c: c[0].start)
    if len(several) == 1 and run_in and not _under_heading(text, numbered):
        ((span, entries),) = several
        return ReferenceSection(
            (span, *(e.span for e in footnotes)), "references", entries + footnotes
        )
    if len(several) < 2:
        several = []
    if several:
        spans = [span for span, _ in several]
        spans.extend(e.span for e in footnotes)
        entries = tuple(e for _, list_entries in several for e in list_entries) + footnotes
        return ReferenceSection(tuple(spans), "references", entries, tuple(several))
    runs = _page_foot_notes(text)
    if any(run[0].number == 1 for run in runs[1:]):  # each page's notes from 1, under a rule
        feet = tuple(e for run in runs for e in run)
        pages = tuple((Span(run[0].span.start, run[-1].span.end), run) for run in runs)
        return ReferenceSection(tuple(e.span for e in feet), None, feet, pages)
    found = (
        _under_heading(text, numbered) or _trailing_run(text, numbered) or _bare_after_rule(text)
    )
    if found is None:
        if footnotes:
            return ReferenceSection(tuple(e.span for e in footnotes), None, footnotes)
        feet = tuple(e for run in runs for e in run)
        if feet:
            return ReferenceSection(tuple(e.span for e in feet), None, feet)
        return None
    heading, span, entries = found
    spans = [span]
    if notes := _notes_beside(text, numbered, span, entries):
        where, cited = notes
        spans = sorted([where, span])
        entries = cited + entries if where.start < span.start else entries + cited
    spans.extend(e.span for e in footnotes if not (span.start <= e.span.start < span.end))
    return ReferenceSection(tuple(spans), heading, entries + footnotes)


def _notes_beside(
    text: str, items: list[_Item], span: Span, entries: tuple[Entry, ...]
) -> tuple[Span, tuple[Entry, ...]] | None:
    """Chicago's notes and bibliography: beside a list of works printed without numbers, the
    notes under a heading of their own (``Notes``), numbered from 1, that the text cites by
    those numbers (half of them at least)."""
    if any(e.number is not None for e in entries):
        return None
    for _, heading, notes in _headed_lists(text, items):
        numbers = {e.number for e in notes}
        if None in numbers or notes[0].number != 1:
            continue
        where = Span(heading.start(), max(e.span.end for e in notes))
        if where.start < span.end and span.start < where.end:
            continue  # the list of works itself
        cited = _cited_between(text, 0, min(where.start, span.start))
        if len(cited & numbers) * 2 >= len(numbers):
            return where, notes
    return None


def _before_comments(text: str, items: list[_Item]) -> list[_Item]:
    """The items before the page's reader comments, when some come before them: comments
    numbered by the page (``1. Riaan V.`` under ``2 thoughts on “...”``) are no list. A
    comment that brings its own sources keeps its list: a run numbered from 1 whose every
    entry reads like a reference, cited by the comment above it."""
    for line in re.finditer(r"(?m)^[ \t]*(\S.*?)[ \t]*$", text):
        if COMMENTS_HEADING.match(line.group(1)):
            before = [i for i in items if i.start < line.start()]
            if not before:
                return items
            after = [i for i in items if i.start >= line.start() and not i.footnote]
            starts = [i.start for i in items]
            since = line.start()  # a comment's list is cited by the comment above it
            for run in _runs(text, after):
                stop = _next_start(starts, run[-1].start, len(text))
                entries = _numbered_entries(text, run, stop)
                if (
                    run[0].number == 1
                    and all(reads_like_a_reference(e.text) for e in entries)
                    and _cited_between(text, since, run[0].start) & {e.number for e in entries}
                ):
                    before.extend(run)
                    since = entries[-1].span.end
            return before
    return items


def _outside(spans: list[Span]) -> Callable[[int], bool]:
    """Whether an offset falls outside all of ``spans`` (in order, not overlapping)."""
    starts = [span.start for span in spans]

    def outside(offset: int) -> bool:
        k = bisect.bisect_right(starts, offset) - 1
        return k < 0 or offset >= spans[k].end

    return outside


def _next_start(starts: list[int], offset: int, end: int) -> int:
    """The first of ``starts`` (in order) after ``offset``; ``end`` when there is none."""
    after = bisect.bisect_right(starts, offset)
    return starts[after] if after < len(starts) else end


def _items(text: str) -> list[_Item]:
    items = []
    for match in _ITEM.finditer(text):
        number: int | None = None
        label = None
        for group in _NUMBER_GROUPS:
            if match.group(group):
                number = int(match.group(group).translate(_SUPERSCRIPT_DIGITS))
        if roman := match.group("roman") or match.group("roman_bare"):
            number = roman_number(roman)  # Word's endnotes: "[iv] ...", "iv Holmes J, ..."
            if number is None:
                continue  # "[civil]"-like letters that are no numeral
        if match.group("foot"):
            label = match.group("foot")
            if label.isdigit():
                number, label = int(label), None
        line_end = text.find("\n", match.end())
        rest = text[match.end() : len(text) if line_end < 0 else line_end]
        if match.group("dot") and len(match.group("dot")) >= 4 and not rest.strip():
            continue  # "    2020." alone: the year that ends an entry wrapped onto a new line
        items.append(
            _Item(
                number,
                label,
                match.group("foot") is not None,
                match.start(),
                match.end(),
                len(text) if line_end < 0 else line_end,
                tuple(int(n) for n in re.findall(r"\d+", match.group("also") or "")),
            )
        )
    return items


def _footnote_entries(text: str, items: list[_Item]) -> tuple[Entry, ...]:
    out = []
    starts = [i.start for i in items]
    for n, item in enumerate(items):
        if not item.footnote:
            continue
        limit = starts[n + 1] if n + 1 < len(starts) else len(text)
        end = entry_end(text, item.line_end, limit)
        out.append(
            Entry(
                item.number,
                text[item.text_start : end].strip(),
                Span(item.start, end),
                item.label if item.label is not None else str(item.number),
            )
        )
    return tuple(out)


def _lists_per_section(text: str, items: list[_Item]) -> list[tuple[Span, tuple[Entry, ...]]]:
    """Every headed list that reads like references, when there are several and each one's
    numbering starts again at 1 (a list cut in two by a page break continues its numbers:
    that is one list). A Q&A page's posts each end with their own ``[1]`` list, headed or
    not: a headless run of bracketed entries counts too when every entry reads like a
    reference and the text since the list before it cites it."""
    headed = [c for c in _headed_lists(text, items) if c[0]]
    out = []
    for _, heading, entries in headed:
        numbers = [e.number for e in entries if e.number is not None]
        if not numbers or numbers[0] != 1:
            return []
        entries = _until_restart(entries)
        out.append((Span(heading.start(), max(e.span.end for e in entries)), entries))
    if len(out) >= 1:
        out = sorted([*out, *_headless_lists(text, items, out)], key=lambda c: c[0].start)
    return out if len(out) >= 2 else []


def _until_restart(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A headed list's entries up to where its numbering starts again (the next post's list)."""
    kept: list[Entry] = []
    for entry in entries:
        last = kept[-1].number if kept else None
        if last is not None and entry.number is not None and entry.number <= last:
            break
        kept.append(entry)
    return tuple(kept)


def _headless_lists(
    text: str, items: list[_Item], headed: list[tuple[Span, tuple[Entry, ...]]]
) -> list[tuple[Span, tuple[Entry, ...]]]:
    """Runs of ``[1] Author. Title. Journal. Year`` (or ``1. ...``) entries outside the headed
    lists, each from 1 and cited by the text since the list before it (one bisecting pass)."""
    found: list[tuple[Span, tuple[Entry, ...]]] = []
    spans = sorted(span for span, _ in headed)
    outside = _outside(spans)
    span_ends = sorted(span.end for span in spans)
    starts = [i.start for i in items]
    last_found = 0
    for run in _runs(text, items):
        if run[0].number != 1 or not outside(run[0].start):
            continue
        marks = {text[i.start : i.text_start].lstrip()[:1] for i in run}
        if not marks <= set("[0123456789"):
            continue  # "[1]" or "1.": not a caret's, a superscript's or a word's numbering
        entries = _numbered_entries(text, run, _next_start(starts, run[-1].start, len(text)))
        if not all(STRONG.search(e.text) for e in entries) or (
            marks != {"["}
            and (len(entries) < 2 or not all(reads_like_a_reference(e.text) for e in entries))
        ):
            continue  # "1. Smith et al. agree.": a body's numbered point, not a list
        span = Span(run[0].start, entries[-1].span.end)
        e = bisect.bisect_right(span_ends, span.start)
        before = max(span_ends[e - 1] if e else 0, last_found)
        if _cited_between(text, before, span.start) & {e.number for e in entries}:
            found.append((span, entries))
            last_found = span.end
    return found


def _cited_between(text: str, start: int, stop: int) -> set[int]:
    """The numbers the markers between two offsets cite: ``[3]``, ``³``, ``pain.3``."""
    hits = _BODY_MARKER.finditer(text, start, stop)
    return {int(n.translate(_SUPERSCRIPT_DIGITS)) for m in hits for n in m.groups() if n}


def _under_heading(text: str, items: list[_Item]) -> tuple[str, Span, tuple[Entry, ...]] | None:
    """The best headed section: the last heading whose entries read like references."""
    candidates = _headed_lists(text, items)
    if not candidates:
        return None
    good = [c for c in candidates if c[0]]
    _, heading, entries = (good or candidates)[-1]
    end = max(e.span.end for e in entries)
    return heading.group("title").strip(), Span(heading.start(), end), entries


def _headed_lists(
    text: str, items: list[_Item]
) -> list[tuple[bool, re.Match[str], tuple[Entry, ...]]]:
    """Each reference-list heading with its entries, and whether they read like references."""
    candidates = []
    headings = list(REFERENCES_HEADING.finditer(text))
    # "References (cont.)" after a page break goes on with the list above it
    headings = [h for k, h in enumerate(headings) if not (k and _CONTINUED.search(h.group(0)))]
    starts = [i.start for i in items]  # in order: the items under a heading are a slice
    for n, heading in enumerate(headings):
        stop = _section_stop(
            text, heading.end(), headings[n + 1].start() if n + 1 < len(headings) else len(text)
        )
        first = bisect.bisect_left(starts, heading.end())
        inside = items[first : bisect.bisect_left(starts, stop)]
        if not inside or inside[0].number != 1:  # "(08) 5550 1172" is no entry 8
            bare = _bare_items(text, heading.end(), stop)
            inside = bare if bare and bare[0].number == 1 else inside or bare
        inside, stop = _while_ascending(text, inside, stop)
        entries = (
            _numbered_entries(text, inside, stop)
            if inside
            else unnumbered_entries(text, heading.end(), stop)
        )
        entries = tuple(e for e in entries if e.text)
        if not entries:
            continue
        alike = sum(1 for e in entries if reads_like_a_reference(e.text))
        candidates.append((alike * 2 >= len(entries), heading, entries))
    return candidates


_A_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_CONTINUED = re.compile(r"(?i)\((?:cont(?:inued|['’]d)?\.?)\)|\bcontinued\W*$")
_TITLE_LINE = re.compile(r"\n[ \t]*\n[ \t]*(?P<title>[A-Z][\w’' -]{2,40}:?)[ \t]*\n")
"""A short title on a line of its own after a blank line (``Further reading``)."""


def _likelier_list(
    text: str, first: list[_Item], first_stop: int, then: list[_Item], stop: int
) -> tuple[list[_Item], int]:
    """Of two lists under one heading, the one more of whose entries read like references:
    ``References`` over ``Further reading`` (the first, on a tie), ``Notes to editors`` under
    ``Background reading``."""
    then, stop = _while_ascending(text, then, stop)

    def alike(items: list[_Item]) -> int:
        return sum(reads_like_a_reference(text[i.text_start : i.line_end]) for i in items)

    return (then, stop) if alike(then) > alike(first) else (first, first_stop)


def _while_ascending(text: str, items: list[_Item], stop: int) -> tuple[list[_Item], int]:
    """The items up to the first whose number does not follow on and that does not read like a
    reference (``2. Irritable bowel syndrome`` after entries 1 to 4, a chapter's heading in
    capitals after 1 and 2, ``6  SUPPORTING FAMILIES``, a forum's vote count ``412`` over ``Reply``
    after 4; a second entry 2 that reads like a reference is a duplicate, and stays), and where."""
    for k in range(1, len(items)):
        before, number = items[k - 1].number, items[k].number
        if before is not None and number is not None and number <= before:
            title = _TITLE_LINE.search(text, items[k - 1].line_end, items[k].start)
            if title is not None:  # a list of its own under a title of its own, from 1 again
                return _likelier_list(text, items[:k], title.start("title"), items[k:], stop)
        line = text[items[k].text_start : items[k].line_end]
        jumps = before is not None and number is not None and number > before + 1
        if (
            before is not None
            and number is not None
            and (number <= before or (jumps and (line.isupper() or number > before + 20)))
            and not reads_like_a_reference(line)
        ):
            return items[:k], items[k].start
    return items, stop


def _section_stop(text: str, start: int, limit: int) -> int:
    """A section runs to the next heading of another kind (a Markdown or bold title); a
    ``# `` line reading like a reference is Jira's or Textile's numbered entry, no heading."""
    for other in _OTHER_HEADING.finditer(text, start, limit):
        line = other.group(0).strip()
        if not (line.startswith("# ") and reads_like_a_reference(line)):
            return other.start()
    return limit


def _numbered_entries(text: str, items: list[_Item], stop: int) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    counts: Counter[str] = Counter()

    def repeated(line: str) -> bool:  # a running head: the document prints it again
        if not counts:
            counts.update(raw.strip() for raw in text.split("\n"))
        return bool(line) and counts[line] > 1

    lazy = len(items) >= 3 and all(i.number == 1 for i in items)  # Markdown's "1." for 1, 2, 3...
    for n, item in enumerate(items):
        limit = items[n + 1].start if n + 1 < len(items) else stop
        end = entry_end(text, item.line_end, limit)
        body = _BACKLINKS.sub("", text[item.text_start : end].strip(), count=1)
        between = n + 1 < len(items)  # the last entry's rest would be whatever follows the list
        if (
            between
            and (not body.endswith(".") or not _A_YEAR.search(body))
            and (turned := page_turn(text, end, limit, repeated))
        ):
            # "... substance produced by" | page 3 of 4 | "Staphylococcus ... 1995;33:729-33."
            body, end = f"{body} {text[turned.start : turned.end].strip()}", turned.end
        entries.append(Entry(n + 1 if lazy else item.number, body, Span(item.start, end)))
        entries += [Entry(also, body, Span(item.start, end)) for also in item.also]
    return tuple(entries)


def _bare_after_rule(text: str) -> tuple[str | None, Span, tuple[Entry, ...]] | None:
    """Endnotes numbered without a stop under the last horizontal rule ("1 Tinetti ME, ..."),
    when they run 1, 2, 3... to the end and most read like references."""
    rules = list(_RULE_LINE.finditer(text))
    if not rules:
        return None
    start = rules[-1].end()
    items = _bare_items(text, start, len(text))
    if len(items) < 2 or [i.number for i in items] != list(range(1, len(items) + 1)):
        return None
    entries = _numbered_entries(text, items, len(text))
    if sum(1 for e in entries if reads_like_a_reference(e.text)) * 2 < len(entries):
        return None
    if _prose_after(text, entries[-1].span.end):
        return None
    return None, Span(items[0].start, entries[-1].span.end), entries


def _page_foot_notes(text: str) -> list[tuple[Entry, ...]]:
    """Notes at the foot of each page of a document copied from a PDF, under no heading, run
    by run: lines ``1 Holmes J, ... Lancet. 2014;383:1655-64.``, the numbering going on from
    one page's run to the next (1 to 4, then 5 and 6) or, under a rule (``_____``, a footnote
    separator), starting again at 1 on each page; every note reading like a reference, and
    each run cited by the text before it. A note runs on over indented lines (the page's
    footer may follow it unindented); under a rule, over unindented lines too, up to a blank
    line, the next note or a page's number."""
    items = _bare_items(text, 0, len(text))
    numbers = [i.number or 0 for i in items]
    if len(items) < 2 or numbers[0] != 1:
        return []
    if any(b not in (a + 1, 1) for a, b in itertools.pairwise(numbers)):
        return []
    runs: list[list[Entry]] = []
    ruled = False
    for item in items:
        head = item.start  # the end of the last line with words before the note
        while head and text[head - 1].isspace():
            head -= 1
        after_rule = bool(_RULE_LINE.match(text, text.rfind("\n", 0, head) + 1, head))
        ruled = after_rule or (ruled and not text[runs[-1][-1].span.end : item.start].strip())
        end = item.line_end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[end + 1 : nxt]
            if not line.strip() or not (line[:1].isspace() or (ruled and _note_goes_on(line))):
                break
            end = nxt
        entry = Entry(item.number, text[item.text_start : end].strip(), Span(item.start, end))
        if not reads_like_a_reference(entry.text):
            return []
        if runs and not text[runs[-1][-1].span.end : item.start].strip():
            if entry.number != (runs[-1][-1].number or 0) + 1:
                return []
            runs[-1].append(entry)
        elif runs and entry.number != (runs[-1][-1].number or 0) + 1 and not after_rule:
            return []  # numbering starts again only under a page's rule
        else:
            runs.append([entry])
    before = 0
    for run in runs:
        cited = {
            int(m.group(1) or m.group(2))
            for m in _FOOT_MARKER.finditer(text, before, run[0].span.start)
        }
        if not cited & {e.number for e in run}:
            return []
        before = run[-1].span.end
    return [tuple(run) for run in runs]


def _note_goes_on(line: str) -> bool:
    """An unindented line under a rule going on with a note: no next note, no ``Page 2 of 3``."""
    return not _BARE_NUMBER_ITEM.match(line) and not _PAGE_NUMBER.search(line)


_PAGE_NUMBER = re.compile(r"\b(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?\s*$", re.I)
_FOOT_MARKER = re.compile(r"\[(\d{1,3})\]|[a-z%)][.,;](\d{1,3})(?=\s|$)")
"""A marker that cites a page's notes: ``[2]``, or digits glued after a word's stop (``year.1``)."""


def _bare_items(text: str, start: int, stop: int) -> list[_Item]:
    """Entries numbered without a stop ("1 Chen L, ..."), read only under a heading."""
    items = []
    for match in _BARE_NUMBER_ITEM.finditer(text, start, stop):
        line_end = text.find("\n", match.end())
        end = len(text) if line_end < 0 else line_end
        items.append(_Item(int(match.group("bare")), None, False, match.start(), match.end(), end))
    return items


def _runs(text: str, items: list[_Item]) -> list[list[_Item]]:
    """Numbered items grouped into lists: numbering that restarts, or prose between, splits them."""
    runs: list[list[_Item]] = []
    for item in items:
        if item.number is None:
            continue
        if runs:
            previous = runs[-1][-1]
            between = text[previous.line_end : item.start]
            if (
                previous.number is not None
                and item.number > previous.number
                and (not _prose_between(between) or _page_break(between, item, previous))
            ):
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs


def _page_break(between: str, item: _Item, previous: _Item) -> bool:
    """A list going on past a page's or a post's break (``Dana W @dana.bsky.social · 7h``)."""
    lines = [line.strip() for line in between.split("\n")[1:] if line.strip()]
    return (
        item.number == (previous.number or 0) + 1
        and len(lines) <= 3  # a post's header and counter, a page's running head and number
        and all(len(line) <= 80 and not _reads_like_a_sentence(line) for line in lines)
    )


def _prose_between(between: str) -> bool:
    """Unindented text after a blank line: the list ended and prose came."""
    lines = between.split("\n")[1:]
    seen_blank = False
    for line in lines:
        if not line.strip():
            seen_blank = True
        elif seen_blank and not line[:1].isspace():
            return True
    return False


LAST_RUNS = 4
"""Numbered lists looked at from the end of an article for its reference list."""


RUN_GAP = 2
"""How far apart two entries of a list may be numbered (a copy may lose an entry or two)."""


def _counts_not_items(text: str, run: Sequence[_Item]) -> bool:
    """Numbers alone on their lines and far apart (``19``, ``27``): a post's reply and like
    counts, not a list's entries."""
    alone = all("\n" in text[i.start : i.text_start] for i in run)
    numbers = [i.number for i in run if i.number is not None]
    return alone and any(b - a > RUN_GAP for a, b in itertools.pairwise(numbers))


def _trailing_run(
    text: str, items: list[_Item]
) -> tuple[str | None, Span, tuple[Entry, ...]] | None:
    """The numbered list at the end of the article that reads like a reference list; or,
    when the last list is the body's (a parish magazine's course after its sources), the
    last earlier one in which every entry, three at least, reads like a reference."""
    runs = _runs(text, items)
    starts = [i.start for i in items]
    for k, run in enumerate(reversed(runs[-LAST_RUNS:])):  # bounded: linear in the text
        if _counts_not_items(text, run):
            continue  # "19", "27": a post's reply and like counts, not a list's numbers
        entries = _numbered_entries(text, run, _next_start(starts, run[-1].start, len(text)))
        end = entries[-1].span.end
        if sum(1 for e in entries if _NUMERIC_BRACKET.search(e.text)) * 2 >= len(entries):
            continue  # the items carry citation markers: body text, not references
        alike = sum(reference_like(e.text) for e in entries)
        every = len(entries) >= 3 and alike == len(entries)
        if k > 0 and not every:
            continue
        # Prose after the list means it was a list of the body, unless every entry reads
        # like a reference (a page's comments or footer can follow its notes).
        noted = all("↩" in e.text for e in entries)  # each links back to its marker: notes
        if _prose_after(text, end) and not (every or (noted and alike == len(entries))):
            continue
        before = text[: run[0].start]
        cited = {int(m.group(1)) for m in _BODY_MARKER.finditer(before) if m.group(1)}
        numbers = {e.number for e in entries}
        if alike * 2 >= len(entries) or (cited and len(cited & numbers) * 2 >= len(numbers)):
            return None, Span(run[0].start, end), entries
    return None


def _prose_after(text: str, end: int) -> bool:
    """Sentences or citation markers after the list: it was not at the end of the article."""
    for line in text[end:].split("\n"):
        stripped = line.strip()
        if not stripped or stripped.startswith("[^"):
            continue
        if COMMENTS_HEADING.match(stripped):
            return False  # the readers' comments after the notes are not the article's prose
        if _NUMERIC_BRACKET.search(stripped) or (
            len(stripped.split(maxsplit=4)) >= 4 and _reads_like_a_sentence(stripped)
        ):
            return True
    return False


def _reads_like_a_sentence(line: str) -> bool:
    stop = _CLOSING_STOP.search(line)
    word = _LOWER_WORD.search(line) if stop else None
    return word is not None and stop is not None and word.end() <= stop.start()
