"""The HTML reader: the HTML5 parser decides what the text is, findings point at the source.

Each case is one where an HTML5 parser and a tag scanner read a page
differently, or where the source characters and the parsed text differ in
length (entities, CR LF, astral characters), so an offset could slip.
"""
from __future__ import annotations

from pathlib import Path

from lintnews.markup import make_document
from tests.helpers import apply_suggestions, lint, only, spans


def kyiv_at(text: str) -> list[int]:
    """Source offsets of the LN201 findings on `kyiv`, checked to cover exactly `kyiv`."""
    found = spans(lint(text, "a.html"), "LN201")
    assert all(text[s:e] == "kyiv" and excerpt == "kyiv" for excerpt, s, e in found), found
    return [s for _, s, _ in found]


def nth(text: str, needle: str, n: int = 1) -> int:
    at = -1
    for _ in range(n):
        at = text.index(needle, at + 1)
    return at


def test_finding_and_fix_land_on_the_word_inside_an_inline_element():
    text = "<p>The mayor of <b>kyiv</b> spoke.</p>"
    found = only(lint(text, "a.html"), "LN201")
    assert [(f.offset, f.end_offset, f.line, f.column) for f in found] == [(19, 23, 1, 20)]
    assert apply_suggestions(text, found) == "<p>The mayor of <b>Kyiv</b> spoke.</p>"


def test_fix_on_the_command_line_changes_only_that_word(run_cli, tmp_path: Path):
    page = tmp_path / "page.html"
    text = '<html><head><title>News</title></head>\r\n<body><p class="kyiv">The mayor of <b>kyiv</b> spoke.</p></body></html>\r\n'
    page.write_bytes(text.encode("utf-8"))
    proc = run_cli("check", "--fix", "--select", "LN201", page.name)
    assert page.read_bytes() == text.replace("<b>kyiv", "<b>Kyiv").encode("utf-8"), proc.stdout + proc.stderr


def test_title_is_prose_and_its_tags_are_text():
    text = "<title>A <b>kyiv</b> day</title><p>Quiet.</p>"
    doc = make_document(text, "a.html")
    assert "A <b>kyiv</b> day" in doc.prose  # a title cannot hold elements: a browser shows the tags
    assert kyiv_at(text) == [text.index("kyiv")]


def test_textarea_is_not_prose_even_with_tags_inside():
    text = "<textarea><b>kyiv</b> and </textarea> kyiv</textarea><p>kyiv</p>"
    doc = make_document(text, "a.html")
    assert "and" not in doc.prose
    # the first </textarea> ends it; the rest is page text, the stray end tag is nothing
    assert kyiv_at(text) == [nth(text, "kyiv", 2), nth(text, "kyiv", 3)]


def test_script_ends_at_the_first_end_tag_even_inside_a_string():
    text = '<script>var s = "</script><p>kyiv</p>";</script><p>kyiv</p>'
    # HTML5: the script ends at the first </script>; what follows is page text
    assert kyiv_at(text) == [nth(text, "kyiv"), nth(text, "kyiv", 2)]


def test_script_that_mentions_tags_is_one_raw_text():
    text = "<script>if (a < b) { el.innerHTML = '<p>kyiv</p>'; }</script><p>Mayor of kyiv.</p>"
    assert kyiv_at(text) == [nth(text, "kyiv", 2)]


def test_unclosed_script_and_comment_at_the_end_swallow_the_rest():
    for tail in ("<script>var x = 1; kyiv", "<!-- kyiv <p>kyiv"):
        text = "<p>Mayor of kyiv.</p>" + tail
        assert kyiv_at(text) == [text.index("kyiv")]


def test_abruptly_closed_comment_ends_at_once():
    text = "<p>In <!-->kyiv today</p>"
    # `<!-->` is a whole (empty) comment in HTML5; a scanner looking for `-->` ate the rest
    assert kyiv_at(text) == [text.index("kyiv")]
    assert make_document(text, "a.html").comments == [(6, 11, "")]


def test_lone_less_than_sign_is_text():
    text = "<p>If a < b then kyiv wins</p>"
    assert "a < b then kyiv" in make_document(text, "a.html").prose
    assert kyiv_at(text) == [text.index("kyiv")]


def test_attribute_values_are_never_text_quoted_or_not():
    text = '<p><a href=/kyiv>kyiv</a> and <a title="x > kyiv" data-x=\'kyiv>\'>kyiv</a></p>'
    doc = make_document(text, "a.html")
    assert "x >" not in doc.prose and doc.prose.count("kyiv") == 2
    assert kyiv_at(text) == [text.index(">kyiv<") + 1, text.index(">kyiv</a></p>") + 1]


def test_character_references_decode_as_html5_says_and_keep_their_source_span():
    text = "<p>AT&amp T &notit; &#x80; &#0; &copy2024 &lt;b&gt; kyiv</p>"
    doc = make_document(text, "a.html")
    # legacy names decode without a semicolon, even before letters; &#x80; is windows-1252's euro
    assert "AT& T ¬it; € \ufffd ©2024 <b> kyiv" in doc.prose
    assert kyiv_at(text) == [text.index("kyiv")]
    euro = doc.prose.index("€")
    assert doc.to_original(euro, euro + 1) == (text.index("&#x80;"), text.index("&#x80;") + 6)


def test_misnested_formatting_keeps_both_words():
    text = "<p><b><i>kyiv</b> and kyiv</i></p>"
    assert kyiv_at(text) == [nth(text, "kyiv"), nth(text, "kyiv", 2)]


def test_stray_end_tag_inside_a_word_vanishes():
    text = "<p>The mayor of</span> kyiv spoke about ky</div>iv.</p>"
    doc = make_document(text, "a.html")
    # the parser ignores stray end tags: one text node, read as if they were not there
    assert "The mayor of kyiv spoke about kyiv." in doc.prose
    found = spans(lint(text, "a.html"), "LN201")
    word = text.index("ky</div>")
    assert found == [("kyiv", text.index("kyiv"), text.index("kyiv") + 4), ("ky</div>iv", word, word + 10)]


def test_foster_parented_table_text_keeps_its_source_place():
    text = "<table><tr><td>Cell about kyiv</td></tr>Loose kyiv text</table><p>After, kyiv.</p>"
    # the parser moves "Loose kyiv text" before the table; its offsets stay where it is written
    assert kyiv_at(text) == [nth(text, "kyiv"), nth(text, "kyiv", 2), nth(text, "kyiv", 3)]
    doc = make_document(text, "a.html")
    assert [doc.prose[s:e] for s, e in doc.paragraphs] == ["Cell about kyiv", "Loose kyiv text", "After, kyiv."]


def test_br_and_implied_end_tags_break_paragraphs_inline_tags_do_not():
    doc = make_document("One<br/>Two<p>Three<p>Four <b>Kyiv</b>’s<li>Five", "a.html")
    assert [doc.prose[s:e] for s, e in doc.paragraphs] == ["One", "Two", "Three", "Four Kyiv’s", "Five"]


def test_svg_cdata_is_not_prose():
    text = "<p>Map<svg><![CDATA[ kyiv <x> ]]></svg> of kyiv</p>"
    doc = make_document(text, "a.html")
    assert "<x>" not in doc.prose and doc.prose.count("kyiv") == 1
    assert kyiv_at(text) == [text.rindex("kyiv")]


def test_template_content_is_not_the_page():
    text = "<template><p>Mayor of kyiv</p></template><p>Mayor of kyiv</p>"
    # the parser keeps a template's content out of the page: the finding is on the visible copy
    assert kyiv_at(text) == [text.rindex("kyiv")]


def test_byte_order_mark_does_not_shift_offsets():
    text = "\ufeff<p>Mayor of kyiv.</p>"
    assert kyiv_at(text) == [text.index("kyiv")]


def test_crlf_and_astral_characters_before_a_finding():
    text = "<html>\r\n<body>\r\n<p>𝕏 café,\r\nthe mayor of kyiv</p>\r\n</body></html>\r\n"
    found = only(lint(text, "a.html"), "LN201")
    at = text.index("kyiv")
    assert [(f.offset, f.line, f.column) for f in found] == [(at, 4, 14)]
    assert apply_suggestions(text, found) == text.replace("kyiv", "Kyiv")


def test_comments_keep_their_source_spans_for_suppressions():
    text = "<p>One</p><!-- lintnews-disable LN201 --><p>kyiv</p><!--x--!><p>Two</p>"
    doc = make_document(text, "a.html")
    first = text.index("<!-- lint")
    second = text.index("<!--x")
    assert doc.comments == [(first, first + 31, " lintnews-disable LN201 "), (second, second + 9, "x")]


def test_element_context_comes_from_the_same_walk():
    text = ('<nav><a href="/">Home</a> <a href="/w">World</a></nav>'
            '<div class="share-bar">Share</div><article><p>The <a href="/k">mayor</a> spoke today.</p></article>')
    doc = make_document(text, "a.html")
    spans_ = [(s, e) for s, e in doc.paragraphs]
    assert [doc.prose[s:e] for s, e in spans_] == ["Home World", "Share", "The mayor spoke today."]
    lines = doc.element_context.lines(spans_)
    assert [(ln.link_density, ln.kind) for ln in lines] == [(1.0, "menu"), (0.0, "share"), (5 / 20, None)]
    # (each node's visible characters: "The", "mayor", "spoke today.")


def test_identical_text_in_moved_and_unmoved_nodes_still_maps_to_that_text():
    text = "<table><tr><td>kyiv</td></tr>kyiv</table>"
    assert kyiv_at(text) == [nth(text, "kyiv"), nth(text, "kyiv", 2)]


def test_foster_text_joined_with_the_text_before_the_table_is_found_in_each_place():
    text = ("<div>Before kyiv <table><tr><td>Cell kyiv</td></tr> loose kyiv <tr><td>x</td></tr>"
            "end kyiv</table></div>")
    # the parser joins "Before kyiv ", " loose kyiv " and "end kyiv" into one node ahead of the table
    assert kyiv_at(text) == [nth(text, "kyiv", n) for n in (1, 2, 3, 4)]


def test_a_node_that_cannot_be_found_is_left_out_not_placed_in_markup():
    from lintnews.markup.html import _DATA, _Item, _Reader

    text = '<p title="kyiv"><!-- kyiv -->Other</p><script>kyiv</script>'
    ghost = _Item("kyiv", True, _DATA, False, "", None, 0)
    assert _Reader(text, [ghost]).align() == []


# Generated pages: random mixes of the cases above, each word unique where it is text and
# repeated in attributes, comments and scripts; every word in the prose must map to itself.
_PIECES = [
    ("<p>{a}</p>", "a"), ("<b>{a}</b>", "a"), ("<a href=\"{b}\" title='x>{b}'>{a}</a>", "a"),
    ("<!-- {b} -->", ""), ("<script>var s='{b}</p>';</script>", ""), ("<style>.{b}{{}}</style>", ""),
    ("<table><tr><td>{a}</td></tr>{c}</table>", "ac"), ("<textarea><b>{b}</b></textarea>", ""),
    ("{a} &amp &notit; &#x80; ", "a"), ("<b><i>{a}</b>{c}</i>", "ac"), ("<p>{a} < {c}</p>", "ac"),
    ("</span>{a}", "a"), ("<svg><![CDATA[ {b} ]]></svg>", ""), ("\r\n{a}\r\n", "a"), ("<!-->{a}", "a"),
    ("<pre>{b}</pre>", ""), ("<ul><li>{a}<li>{c}</ul>", "ac"), ("<br/>{a}", "a"),
    ("<div data-x=\"{b}\">𝕏 {a}</div>", "a"), ("<table><tr><td>{a}</td></tr> {c} <tr><td>{d}</td></tr>{e}</table>", "acde"),
    ("<p title='{c}'>{a}<img alt=\"{a}\">{c}</p>", "ac"), ("<?xml {b}?>{a}", "a"),
    ("<table><tr><td>{a}<table><tr><td>{c}</td></tr>{d}</table></td></tr></table>", "acd"),
    ("<template><p>{b}</p></template>", ""), ("<p>Run <code>{b}</code> {a}</p>", "a"), ("<title>{a}</title>", "a"),
]


def test_generated_pages_map_every_word_to_its_own_text():
    import random

    import regex

    rng = random.Random(13)
    for _ in range(150):
        counter = iter(range(1, 10_000))
        parts, expected = [], set()
        for _ in range(rng.randrange(1, 10)):
            piece, real = rng.choice(_PIECES)
            words = {k: f"w{next(counter)}x" for k in "abcde"}
            parts.append(piece.format(**words))
            expected |= {words[k] for k in real}
        text = "".join(parts)
        doc = make_document(text, "a.html")
        found = set()
        for m in regex.finditer(r"w\d+x", doc.prose):
            s, e = doc.to_original(*m.span())
            assert text[s:e] == m.group(), (text, m.group())
            found.add(m.group())
        assert found == expected, text


def test_undecodable_bytes_before_a_finding_do_not_shift_it():
    text = b"<p>\xff\xfe Mayor of kyiv.</p>".decode("utf-8", "surrogateescape")
    # the parser cannot take lone surrogates; it reads U+FFFD in their place, one for one
    assert kyiv_at(text) == [text.index("kyiv")]


def test_tags_with_a_colon_are_elements_not_text():
    text = "<p class=MsoNormal>Mayor of kyiv<o:p></o:p></p>"
    # Word's <o:p> is an element to the parser (the scanner left it in the text)
    assert "o:p" not in make_document(text, "a.html").prose
    assert kyiv_at(text) == [text.index("kyiv")]


def test_the_reader_records_where_the_title_text_starts():
    page = "<html><head><title>\n  The headline.</title></head><body><p>The headline.</p></body></html>"
    doc = make_document(page, "a.html")
    title = doc.prose.index("The headline.")
    assert doc.title_starts == {title}
    assert doc.is_title(title) and not doc.is_title(doc.prose.rindex("The headline."))
    assert doc.to_original(title, title)[0] == page.index("The headline.")


def test_the_fallback_scanner_records_the_title_too():
    from lintnews.markup.html import scan

    page = "<html><head><title> The headline.</title></head><body><p>The headline.</p></body></html>"
    doc = scan(page, "a.html")
    assert doc.title_starts == {doc.prose.index("The headline.")}
    assert make_document("<title> The headline.\n", "a.txt").title_starts == frozenset()
