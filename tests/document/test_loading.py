"""Loading articles: bytes to text, format names and sniffing, HTML to text with markers kept."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import acurefs
from acurefs import DocumentError, UnsupportedFormatError
from acurefs.document.loading import (
    MAX_BYTES,
    Loaded,
    check_format,
    decode,
    format_for,
    load_text,
    read_path,
    sniff_format,
)
from tests.claims.growth import LINEAR_BOUND, growth

# --- format names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("article.txt", "text", id="txt"),
        pytest.param("article.TEXT", "text", id="text-upper"),
        pytest.param("article.md", "markdown", id="md"),
        pytest.param("article.markdown", "markdown", id="markdown"),
        pytest.param("dir/article.html", "html", id="html"),
        pytest.param("article.HTM", "html", id="htm-upper"),
        pytest.param("article.xhtml", "html", id="xhtml"),
        pytest.param("article.pdf", None, id="pdf"),
        pytest.param("article", None, id="no-suffix"),
    ],
)
def test_format_for(name: str, expected: str | None) -> None:
    assert format_for(name) == expected


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [
        pytest.param("text", "text", id="text"),
        pytest.param("txt", "text", id="txt"),
        pytest.param("plain", "text", id="plain"),
        pytest.param(" Markdown ", "markdown", id="markdown-spaced"),
        pytest.param("md", "markdown", id="md"),
        pytest.param("HTML", "html", id="html-upper"),
        pytest.param("htm", "html", id="htm"),
    ],
)
def test_check_format_accepts_aliases(given_name: str, expected: str) -> None:
    assert check_format(given_name) == expected


@pytest.mark.parametrize(
    "bad", [pytest.param("pdf", id="pdf"), pytest.param("", id="empty"), pytest.param("x", id="x")]
)
def test_check_format_rejects_unknown(bad: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=re.escape(repr(bad))):
        check_format(bad)


def test_unsupported_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Unknown document format"):
        check_format("docx")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!DOCTYPE html><p>Pain.</p>", "html", id="doctype"),
        pytest.param("  <html><body>x</body></html>", "html", id="html-tag"),
        pytest.param("<p>a</p><p>b</p><sup>1</sup>", "html", id="three-tags"),
        pytest.param("# Title\n\nPain eases.", "markdown", id="atx-heading"),
        pytest.param("Pain eases.[^1]\n\n[^1]: Smith J.", "markdown", id="footnote-definition"),
        pytest.param("See [the study](https://example.org).", "markdown", id="link"),
        pytest.param("Pain eases.1\n\nReferences\n1. Smith J.", "text", id="plain"),
        pytest.param("Dose < 5 mg and > 2 mg.", "text", id="angle-brackets"),
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


# --- bytes to text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"Pain eases.", "Pain eases.", id="utf8"),
        pytest.param("Café – ¹²".encode(), "Café – ¹²", id="utf8-non-ascii"),
        pytest.param(codecs.BOM_UTF8 + b"Pain.", "Pain.", id="utf8-bom-dropped"),
        pytest.param("Pain é.".encode("utf-16"), "Pain é.", id="utf16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + "Pain.".encode("utf-16-be"), "Pain.", id="utf16-be"),
        pytest.param(b"a\tb\r\nc\fd", "a\tb\r\nc\fd", id="ordinary-controls"),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b" \n\t \n", "is empty", id="whitespace"),
        pytest.param(codecs.BOM_UTF8 + b"  ", "is empty", id="bom-only"),
        pytest.param(b"PK\x03\x04\x00\x00binary", "binary", id="nul-bytes"),
        pytest.param(b"caf\xe9 au lait", r"not UTF-8 .*0xe9 at offset 3", id="latin1"),
        pytest.param(b"\xff\xfe\x00", "not valid UTF-16", id="utf16-odd-length"),
        pytest.param(bytes(range(1, 32)) * 20, "binary", id="control-characters"),
    ],
)
def test_decode_refuses(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        decode(data, name="in.txt")


def test_decode_error_quotes_the_name() -> None:
    with pytest.raises(DocumentError, match=re.escape("'my file.txt'")):
        decode(b"", name="my file.txt")


@given(st.binary(max_size=300))
@settings(max_examples=200, deadline=None)
def test_decode_never_crashes(data: bytes) -> None:
    """Any bytes either decode to text or raise DocumentError, nothing else."""
    try:
        text = decode(data)
    except DocumentError:
        return
    assert text.strip()


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
@settings(max_examples=200, deadline=None)
def test_decode_keeps_utf8_text(text: str) -> None:
    """UTF-8 text with few control characters comes back unchanged."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100) or text.startswith("\ufeff"):
        return
    assert decode(text.encode("utf-8")) == text


# --- reading files -----------------------------------------------------------------------------


def test_read_path_reads_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Acupuncture eases pain.¹".encode())
    assert read_path(path) == "Acupuncture eases pain.¹"


def test_read_path_missing(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="No such file"):
        read_path(tmp_path / "missing.txt")


def test_read_path_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="is a directory"):
        read_path(tmp_path)


def test_read_path_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 20 MB written
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(DocumentError, match="too large"):
        read_path(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b"\x00\x01\x02\x03", "binary", id="binary"),
        pytest.param(b"\x80abc", "not UTF-8", id="invalid-utf8"),
    ],
)
def test_read_path_refuses(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=message):
        read_path(path)


# --- load_text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a\r\nb", "a\nb", id="crlf"),
        pytest.param("a\rb", "a\nb", id="cr"),
        pytest.param("a\nb\n", "a\nb\n", id="lf"),
    ],
)
def test_load_text_normalises_line_breaks(text: str, expected: str) -> None:
    loaded = load_text(text, "text")
    assert loaded.text == expected
    assert loaded.format == "text"
    assert loaded.sup_spans == ()


def test_load_text_line_of_plain_text() -> None:
    loaded = load_text("one\ntwo\nthree", "markdown")
    assert loaded.format == "markdown"
    assert [loaded.line_of(i) for i in (0, 4, 8, 12)] == [1, 2, 3, 3]


def test_load_text_unknown_format() -> None:
    with pytest.raises(UnsupportedFormatError):
        load_text("x", "rtf")


# --- HTML --------------------------------------------------------------------------------------

HTML_ARTICLE = """<!DOCTYPE html>
<html><head><title>Not body</title><style>p { color: red }</style></head>
<body><script>var x = "[1]";</script>
<h1>Acupuncture</h1>
<p>Acupuncture eases pain.<sup><a href="#r1">1</a></sup> It is safe &amp; cheap.<sup>2,3</sup></p>
<p>First line<br>second line</p>
<ol start="3"><li>three</li><li value="7">seven</li><li>eight</li></ol>
<ul><li>bullet</li></ul>
<pre>keep   the
spaces</pre>
</body></html>"""


@pytest.fixture(scope="module")
def html_loaded() -> Loaded:
    return load_text(HTML_ARTICLE, "html")


def test_html_drops_head_script_and_style(html_loaded: Loaded) -> None:
    assert "Not body" not in html_loaded.text
    assert "color" not in html_loaded.text
    assert "var x" not in html_loaded.text
    assert html_loaded.text.startswith("Acupuncture\n\n")


def test_html_decodes_entities(html_loaded: Loaded) -> None:
    assert "safe & cheap." in html_loaded.text
    assert "&amp;" not in html_loaded.text


def test_html_keeps_sup_spans(html_loaded: Loaded) -> None:
    contents = [html_loaded.text[a:b] for a, b in html_loaded.sup_spans]
    assert contents == ["1", "2,3"]


def test_html_keeps_links(html_loaded: Loaded) -> None:
    assert [(html_loaded.text[k.start : k.end], k.href) for k in html_loaded.links] == [
        ("1", "#r1")
    ]


def test_html_numbers_ordered_list_items(html_loaded: Loaded) -> None:
    assert "\n3. three\n7. seven\n8. eight\n" in html_loaded.text
    assert "\n- bullet\n" in html_loaded.text


def test_html_br_and_blocks_break_lines(html_loaded: Loaded) -> None:
    assert "First line\nsecond line" in html_loaded.text


def test_html_pre_keeps_whitespace(html_loaded: Loaded) -> None:
    assert "keep   the\nspaces" in html_loaded.text


def test_html_lines_point_into_the_source(html_loaded: Loaded) -> None:
    text = html_loaded.text
    assert html_loaded.line_of(text.index("Acupuncture eases")) == 5
    assert html_loaded.line_of(text.index("First line")) == 6
    assert html_loaded.line_of(text.index("3. three")) == 7


def test_html_line_of_text_after_newline_in_a_text_node() -> None:
    loaded = load_text("<p>First sentence.\nSecond sentence.</p>", "html")
    assert loaded.line_of(loaded.text.index("Second")) == 2


def test_html_unclosed_and_stray_tags_do_not_crash() -> None:
    loaded = load_text("<p>Pain<sup>1<p>More</li></ol></sup><b>bold", "html")
    assert "Pain" in loaded.text
    assert "More" in loaded.text
    assert "bold" in loaded.text


_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=2, max_size=8), min_size=1
)
_TAGS = st.sampled_from(
    ["p", "div", "sup", "li", "ol", "ul", "h2", "br", "span", "a", "b", "em", "pre", "section"]
)


@given(st.lists(st.tuples(_WORDS, _TAGS, st.booleans()), min_size=1, max_size=12))
@settings(max_examples=150, deadline=None)
def test_html_never_loses_words(pieces: list[tuple[list[str], str, bool]]) -> None:
    """Every word of the body survives extraction, whatever the tags around it."""
    source = "".join(
        f"<{tag}>{' '.join(words)}" + (f"</{tag}>" if close else "") for words, tag, close in pieces
    )
    loaded = load_text(source, "html")
    found = loaded.text.split()
    for words, _, _ in pieces:
        for word in words:
            assert any(word in token for token in found), word
    for start, end in loaded.sup_spans:
        assert 0 <= start < end <= len(loaded.text)
    assert all(loaded.line_of(i) == 1 for i in range(0, len(loaded.text), 7))


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_html_extraction_never_crashes(source: str) -> None:
    loaded = load_text(source, "html")
    assert loaded.format == "html"
    for start, end in loaded.sup_spans:
        assert 0 <= start < end <= len(loaded.text)
    for link in loaded.links:
        assert 0 <= link.start < link.end <= len(loaded.text)


@given(st.text(alphabet="ab\n\r", max_size=60))
@settings(max_examples=200, deadline=None)
def test_line_of_plain_text_counts_the_line_breaks_before(text: str) -> None:
    loaded = load_text(text, "markdown")
    for offset in range(len(loaded.text) + 2):
        assert loaded.line_of(offset) == loaded.text.count("\n", 0, offset) + 1


# --- growth with the input: ratios, never seconds (see tests/claims/growth.py) --------------

_LINE = "Pain eased.\n"


def _lines_of_every_line(text: str) -> list[int]:
    loaded = load_text(text, "text")
    return [loaded.line_of(offset) for offset in range(0, len(loaded.text), len(_LINE))]


def test_line_of_plain_text_grows_linearly() -> None:
    """A line used to be found by counting line breaks from the start, once per call."""
    assert _lines_of_every_line(_LINE * 3) == [1, 2, 3]
    ratio = growth(lambda n: _LINE * n, _lines_of_every_line, 80_000)
    assert ratio < LINEAR_BOUND, ratio


def _html(source: str) -> Loaded:
    return load_text(source, "html")


def test_html_empty_blocks_grow_linearly() -> None:
    """Each block used to walk back over every line break written since the last text."""
    assert _html("<p>x</p>" + "<br><div></div>" * 3).text == "x\n\n\n\n\n"
    ratio = growth(lambda n: "<p>x</p>" + "<br><div></div>" * n, _html, 4000)
    assert ratio < LINEAR_BOUND, ratio


def test_html_furniture_is_set_aside_and_kept() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav>"
        "<article><p>Needling eased knee pain in a large trial.<sup>1</sup></p>"
        "<aside class='author-bio'><p>Tom has treated patients since 2009.</p></aside>"
        "<div class='share-buttons'>Share this post</div></article>"
        "<h2>References</h2><ol><li>Doe J. Knee pain. BMJ. 2010;1:1-9.</li></ol>"
        "<footer><p>Copyright 2024 Clinic Ltd. All rights reserved.</p></footer></body></html>"
    )
    doc = acurefs.parse_document(page, format="html")
    assert [c.statement for c in doc.claims if c.kind is not acurefs.ClaimKind.HEADING] == [
        "Needling eased knee pain in a large trial."
    ]
    reasons = {b.reason for b in doc.blocks}
    assert {"HTML navigation", "HTML footer", "HTML aside marked as page furniture"} <= reasons
    assert "HTML div marked as page furniture" in reasons
    assert "Tom has treated patients" in doc.text  # set aside, not lost


def test_a_source_tooltip_is_not_the_pages_text() -> None:
    # A how-to page (the thirty-seventh set's form, written for this test): each marker is
    # followed by a box shown on hover, whose words would otherwise run into the next
    # sentence; a footnote plugin's marker whose class names a tooltip stays.
    page = (
        "<html><body><p>Cooling eases the pain.<sup><a href='#n1'>[1]</a></sup>"
        "<span class='reference-tooltip'><span>X</span> Trustworthy Source NHS "
        "<a href='#'>Go to source</a></span> Twenty minutes of water means fewer grafts."
        "<sup><a href='#n2'>[2]</a></sup><span class='reference-tooltip'>X Research source "
        "<a href='#'>Go to source</a></span> Ice harms skin."
        "<sup class='footnote_plugin_tooltip_text'>3</sup></p>"
        "<h2>References</h2><ol><li>NHS. Burns and scalds. 2023. https://www.nhs.uk/burns</li>"
        "<li>Griffin B, et al. Cool running water first aid. Ann Surg. 2020;272(6):1163-8.</li>"
        "<li>Mayo Clinic. Burns: first aid. 2024. https://www.mayoclinic.org/burns</li></ol>"
        "</body></html>"
    )
    doc = acurefs.parse_document(page, format="html")
    assert "Trustworthy Source" not in doc.text
    assert [(c.statement, c.numbers) for c in doc.cited_claims] == [
        ("Cooling eases the pain.", (1,)),
        ("Twenty minutes of water means fewer grafts.", (2,)),
        ("Ice harms skin.", (3,)),
    ]


def test_screen_reader_text_and_layout_tables() -> None:
    page = (
        "<html><body><table border='0' cellpadding='0' cellspacing='0' width='100%'><tr><td>"
        "<p>Cutting salt lowers blood pressure.<sup><a href='#fn1'>"
        "<span class='wb-inv'>Footnote </span>1</a></sup></p>"
        "<table border='1'><tr><td>Age</td><td>45-64</td></tr></table>"
        "</td></tr></table>"
        "<h2>References</h2><ol><li>He FJ. Salt and blood pressure. BMJ. 2013;346:f1325.</li></ol>"
        "</body></html>"
    )
    doc = acurefs.parse_document(page, format="html")
    (claim,) = doc.cited_claims  # the layout table holds the article
    assert claim.statement == "Cutting salt lowers blood pressure."
    assert claim.numbers == (1,)
    assert "Footnote" not in doc.text  # only screen readers say it
    assert [b.reason for b in doc.blocks if b.kind is acurefs.BlockKind.TABLE] == ["HTML table"]


def test_a_class_that_says_what_it_is_not_is_no_furniture() -> None:
    # Weebly wraps a page's body in class="wsite-elements wsite-not-footer": not a footer.
    html = (
        "<html><body><div class='wsite-elements wsite-not-footer'>"
        "<p>Untreated sleep apnoea roughly doubles the risk of a road crash.<sup>1</sup></p></div>"
        "<div class='wsite-footer'><p>Registered charity no. 12 in 2019.<sup>1</sup></p></div>"
        "<h2>References</h2><ol><li>Tregear S, Reston J, Schoelles K, Phillips B. Obstructive "
        "sleep apnea and risk of motor vehicle crash. J Clin Sleep Med. 2009;5(6):573-81.</li></ol>"
        "</body></html>"
    )
    doc = acurefs.parse_document(html, format="html")
    cited = [" ".join(c.text.split()) for c in doc.cited_claims]
    assert len(cited) == 1  # the body's sentence; the footer's is furniture
    assert cited[0].startswith("Untreated sleep apnoea roughly doubles")


def test_libreoffices_notes_number_their_entries() -> None:
    # LibreOffice Writer's HTML export (the fifty-seventh marker set's form, written for this
    # test): each note opens with its number linked back to where it is cited, and runs into
    # the author's name ("1Quint JK"); three adjacent anchors are three markers.
    notes = "".join(
        f'<div id="sdfootnote{n}"><p class="sdfootnote"><a class="sdfootnotesym" '
        f'name="sdfootnote{n}sym" href="#sdfootnote{n}anc">{n}</a>{ref}</p></div>\n'
        for n, ref in enumerate(
            (
                "Quint JK, Millett ERC, Joshi M, et al. Changes in the incidence of "
                "bronchiectasis in the UK. Eur Respir J. 2016;47(1):186-93.",
                "Wong C, Jayaram L, Karalus N, et al. Azithromycin for prevention of "
                "exacerbations in bronchiectasis. Lancet. 2012;380(9842):660-7.",
                "Altenburg J, de Graaff CS, Stienstra Y, et al. Effect of azithromycin "
                "maintenance treatment. JAMA. 2013;309(12):1251-9.",
            ),
            1,
        )
    )

    def anchor(n: int) -> str:
        return (
            f'<a class="sdfootnoteanc" name="sdfootnote{n}anc" href="#sdfootnote{n}sym">'
            f"<sup>{n}</sup></a>"
        )

    html = (
        "<html><body><p>Bronchiectasis is being diagnosed more often."
        f"{anchor(1)} Long-term macrolides cut flare-ups in two trials{anchor(2)}{anchor(3)}."
        f"</p>\n{notes}</body></html>"
    )
    doc = acurefs.parse_document(html, format="html", name="leaflet.html")
    assert [(r.number, r.raw.split(",")[0]) for r in doc.references] == [
        (1, "Quint JK"),
        (2, "Wong C"),
        (3, "Altenburg J"),
    ]
    assert [c.numbers for c in doc.cited_claims] == [(1,), (2, 3)]


def test_org_modes_markers_are_no_backlink_furniture() -> None:
    # Emacs Org mode's HTML export marks each marker role="doc-backlink" (the fifty-eighth
    # marker set's form, written for this test): a link to a note is a marker all the same.
    html = (
        '<html><body><p>About 27% of men develop a groin hernia.<sup><a id="fnr.1" '
        'class="footref" href="#fn.1" role="doc-backlink">1</a></sup> Femoral hernias should '
        'be repaired.<sup><a id="fnr.2" class="footref" href="#fn.2" role="doc-backlink">2</a>'
        '</sup></p>\n<h2>Footnotes</h2>\n<div class="footdef"><sup><a id="fn.1" '
        'class="footnum" href="#fnr.1" role="doc-backlink">1</a></sup> <div class="footpara">'
        '<p class="footpara">Kingsnorth A, LeBlanc K. Hernias: inguinal and incisional. '
        'Lancet. 2003;362(9395):1561-71.</p></div></div>\n<div class="footdef"><sup><a '
        'id="fn.2" class="footnum" href="#fnr.2" role="doc-backlink">2</a></sup> <div '
        'class="footpara"><p class="footpara">Gallegos NC, Dawson J, Jarvis M, Hobsley M. Risk '
        "of strangulation in groin hernias. Br J Surg. 1991;78(10):1171-3.</p></div></div>"
        "</body></html>"
    )
    doc = acurefs.parse_document(html, format="html", name="hernia.html")
    assert [c.numbers for c in doc.cited_claims] == [(1,), (2,)]


def test_a_notes_number_linked_back_keeps_its_stop() -> None:
    # Asciidoctor's notes print '<a href="#_footnoteref_1">1</a>. Author': the number and
    # its stop stay together ("1. Author"), unlike LibreOffice's "1Author".
    html = (
        '<html><body><p>Febrile seizures are common.<sup class="footnote">[<a '
        'class="footnote" href="#_footnotedef_1">1</a>]</sup> Most are simple.<sup '
        'class="footnote">[<a class="footnote" href="#_footnotedef_2">2</a>]</sup></p>\n'
        '<div id="footnotes"><div class="footnote" id="_footnotedef_1"><a '
        'href="#_footnoteref_1">1</a>. Patel N, Ram D, Swiderska N, et al. Febrile seizures. '
        'BMJ. 2015;351:h4240.</div>\n<div class="footnote" id="_footnotedef_2"><a '
        'href="#_footnoteref_2">2</a>. Leung AK, Hon KL, Leung TN. Febrile seizures: an '
        "overview. Drugs Context. 2018;7:212536.</div></div></body></html>"
    )
    doc = acurefs.parse_document(html, format="html", name="seizures.html")
    assert [(r.number, r.raw.split(",")[0]) for r in doc.references] == [
        (1, "Patel N"),
        (2, "Leung AK"),
    ]
