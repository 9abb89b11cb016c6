"""Markup readers: what is prose, what is not, and exact original offsets."""
from __future__ import annotations

from lintnews.markup import format_for, make_document
from tests.helpers import lint, spans


def test_format_for_suffixes():
    assert [format_for(p) for p in ("a.md", "b.MARKDOWN", "c.html", "d.htm", "e.txt", None)] == [
        "markdown", "markdown", "html", "html", "plain", "plain"]


def test_markdown_skips_front_matter_code_and_urls():
    text = ("---\ntitle: kyiv\n---\n"
            "Intro about kyiv.\n\n"
            "```\nkyiv = 1\n```\n\n"
            "    kyiv indented code\n\n"
            "Inline `kyiv` and <https://kyiv.example/kyiv> and https://x.example/kyiv.\n\n"
            "[kyiv link text](https://kyiv.example) and ![kyiv](img/kyiv.png)\n\n"
            "[ref]: https://kyiv.example/kyiv\n"
            "<!-- kyiv in a comment -->\n")
    found = spans(lint(text, "a.md"), "LN201")
    first = text.index("Intro about kyiv") + len("Intro about ")
    link = text.index("[kyiv link") + 1
    assert found == [("kyiv", first, first + 4), ("kyiv", link, link + 4)]


def test_markdown_heading_and_emphasis_markers_are_not_prose():
    doc = make_document("# Kyiv **today**\n\n> quoted _line_\n", "a.md")
    assert "#" not in doc.prose and "*" not in doc.prose and ">" not in doc.prose
    assert "Kyiv today" in doc.prose and "quoted line" in doc.prose


def test_html_text_nodes_only_with_entities_decoded():
    text = ('<html><head><style>.kyiv{}</style><script>var kyiv;</script></head>'
            '<body><p title="kyiv">News from <b>kyiv</b>&rsquo;s centre</p>'
            '<pre>kyiv</pre><code>kyiv</code><!-- kyiv --></body></html>')
    found = spans(lint(text, "a.html"), "LN201")
    start = text.index("<b>kyiv") + 3
    assert found == [("kyiv", start, start + 4)]
    doc = make_document(text, "a.html")
    assert "kyiv’s centre" in doc.prose


def test_html_block_tags_separate_paragraphs():
    doc = make_document("<p>One.</p><p>Two.</p>", "a.html")
    assert [doc.prose[s:e] for s, e in doc.paragraphs] == ["One.", "Two."]


def test_plain_text_urls_and_emails_are_not_prose():
    text = "Write to press@kyiv.example or see https://news.example/kyiv today, kyiv said."
    found = spans(lint(text), "LN201")
    start = text.rindex("kyiv")
    assert found == [("kyiv", start, start + 4)]
