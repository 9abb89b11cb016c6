"""LN305: page furniture found by the page's structure, next to its legitimate twins."""
from __future__ import annotations

from helpers import apply_suggestions, lint, only

BODY = [
    "The council approved the new budget on Tuesday after a long debate about the cost of the old bridge.",
    "The mayor said the vote was a victory for the people of the city and for the businesses on both banks.",
    "Opposition members said they would keep fighting the plan in the courts and at the next election.",
    "The bridge, which was built in 1962, has been closed to lorries since the spring because of cracks.",
    "Engineers expect the repairs to take two years, and a ferry will carry cars while the work goes on.",
]
MENU = ["Home", "News", "World", "Business", "Sport", "Culture"]
SHARE = ["Share", "Facebook", "Twitter", "WhatsApp", "Email", "Print", "Copy article link"]
LANGUAGES = ["English", "Español", "Français", "Русский", "Türkçe", "العربية"]
TEASERS = ["Most read in World", "Floods close roads in the north", "Minister resigns over expenses",
           "Storm warning for the coast"]
FOOTER = ["About us", "Contact us", "Privacy policy", "© 2024 Example Media"]


def page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def ln305(text, filename="page.txt"):
    return only(lint(text, filename=filename), "LN305")


def lines_of(text, finding):
    return text[finding.offset:finding.end_offset].split("\n")


def test_menu_share_bar_teasers_and_footer_around_an_article():
    text = page(["Council approves budget - The Example Times"], MENU, ["Council approves budget", "By Jane Doe"],
                BODY, SHARE, TEASERS, FOOTER)
    found = ln305(text)
    blocks = [(lines_of(text, f)[0], lines_of(text, f)[-1]) for f in found]
    assert ("Home", "Culture") in blocks
    assert ("Share", "Copy article link") in blocks
    assert ("Most read in World", "Storm warning for the coast") in blocks
    assert ("About us", "© 2024 Example Media") in blocks
    menu = next(f for f in found if f.excerpt.startswith("Home"))
    assert "menu" in menu.message and "6 lines" in menu.message
    share = next(f for f in found if f.excerpt.startswith("Share"))
    assert "share bar" in share.message
    teasers = next(f for f in found if f.excerpt.startswith("Most read"))
    assert "teaser list" in teasers.message
    assert all(f.severity.name == "WARNING" and f.category == "boilerplate" for f in found)
    # headline, byline and every body line stay
    flagged = {line for f in found for line in lines_of(text, f)}
    assert not flagged & set(BODY + ["Council approves budget", "By Jane Doe"])


def test_page_title_tail_is_reported_alone():
    text = page(["Council approves budget - The Example Times"], MENU, ["Council approves budget"], BODY, SHARE)
    tail = [f for f in ln305(text) if f.line == 1]
    assert [(f.excerpt, f.column) for f in tail] == [(" - The Example Times", 24)]
    assert "website's name" in tail[0].message


def test_the_fix_removes_the_furniture_and_keeps_the_article():
    text = page(MENU, BODY, SHARE, FOOTER)
    fixed = apply_suggestions(text, ln305(text))
    assert fixed == page(BODY)


def test_language_menu_cookie_notice_and_ticker_are_named():
    cookie = ["We use cookies to improve your experience on our site and to show you relevant ads.",
              "Accept all cookies", "Manage preferences"]
    ticker = ["Breaking News", "Live: storm reaches the coast", "Just in: minister resigns"]
    text = page(LANGUAGES, ticker, BODY, SHARE, cookie)
    kinds = {lines_of(text, f)[0]: f.message for f in ln305(text)}
    assert "language menu" in kinds["English"]
    assert "ticker" in kinds["Breaking News"]
    assert "cookie notice" in kinds["We use cookies to improve your experience on our site and to show you relevant ads."]


def test_signature_code_after_a_wire_story():
    text = page(MENU, BODY, ["bur-jc/mmp/rmb"], SHARE)
    found = ln305(text)
    signature = [f for f in found if f.excerpt == "bur-jc/mmp/rmb"]
    assert len(signature) == 1 and "signature code" in signature[0].message


def test_a_clean_article_with_lists_tables_poem_and_names_is_silent():
    article = page(
        ["Council approves budget", "By Jane Doe", "Published 14 March 2024"],
        BODY[:2],
        ["What the budget pays for", "Bridge repairs", "School meals", "Road safety", "Libraries"],
        BODY[2:3],
        ["Results", "Ward 1 1,204 980", "Ward 2 2,310 1,102", "Ward 3 870 1,455"],
        ["Councillors who voted against:", "Anna Smith", "Brian Jones", "Carla Ruiz", "David Chen"],
        ["The poet laureate read a verse at the meeting:", "The river bends", "the bridge holds",
         "the town goes home", "across the water"],
        ["Opposition members said on Facebook and Twitter that they would keep fighting the plan in court."],
        BODY[3:],
        ["Home 3 Away 1"],
    )
    assert [f for f in lint(article) if f.category == "boilerplate"] == []


def test_lists_and_subheadings_inside_a_scraped_body_are_not_flagged():
    inner = ["Key points", "Bridge repairs", "School meals", "Road safety", "Results", "Ward 1 1,204 980"]
    text = page(MENU, ["Council approves budget", "By Jane Doe"], BODY[:2], inner, BODY[2:], SHARE, FOOTER)
    flagged = {line for f in ln305(text) for line in lines_of(text, f)}
    assert not flagged & set(inner + BODY)
    assert {"Home", "Facebook", "About us"} <= flagged


def test_an_article_about_facebook_and_twitter_is_prose_not_a_share_bar():
    body = BODY + [
        "Facebook and Twitter removed the accounts on Monday, a spokesperson for Facebook said.",
        "Twitter said it would share its findings with researchers and with the electoral commission.",
    ]
    text = page(MENU, body, SHARE)
    flagged = {line for f in ln305(text) for line in lines_of(text, f)}
    assert not flagged & set(body)


def test_a_short_text_or_a_text_without_furniture_is_never_a_page():
    assert ln305(page(["Home", "News"], BODY[:2])) == []
    assert ln305(page(["Council approves budget", "By Jane Doe"], BODY, ["Share your views with the council."])) == []


def test_furniture_sentences_inside_a_joined_line_are_reported_alone():
    prose = " ".join(BODY * 3)
    line = f"Share on Facebook Twitter WhatsApp. {prose} Follow us on Facebook and Twitter. {prose}"
    text = line + "\n"
    found = ln305(text)
    assert [f.excerpt for f in found] == ["Share on Facebook Twitter WhatsApp.", "Follow us on Facebook and Twitter."]
    assert all("joined" in f.message for f in found)


def test_a_long_clean_paragraph_is_silent():
    text = " ".join(BODY * 6) + " Readers shared the story on Facebook.\n"
    assert ln305(text) == []


def test_markdown_page_uses_the_reader_lines():
    text = "\n\n".join(["- [Home](/)\n- [News](/news)\n- [World](/world)\n- [Sport](/sport)\n- [Business](/b)"]
                       + BODY + ["Share on Facebook", "Share on Twitter", "Share by email"]) + "\n"
    found = ln305(text, filename="page.md")
    assert found and found[0].line == 1
    fixed = apply_suggestions(text, found)
    assert all(line in fixed for line in BODY) and "[Home]" not in fixed


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Council approves budget | The Example Times</title>
<script>var nav = "<nav>not a menu</nav>";</script><style>p { color: red }</style></head>
<body>
<header class="site-header"><nav class="main-menu"><ul>
<li><a href="/">Home</a></li><li><a href="/news">News &amp; Politics</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<!-- <p>a commented-out paragraph</p> -->
<article>
<h1>Council approves budget</h1>
<p class="byline">By Jane Doe</p>
<p>The council approved the new budget on Tuesday after a long debate about the cost of the old bridge.</p>
<p>The mayor said the vote was a victory for the people of the city and for the <a href="/b">businesses</a> on both banks.</p>
<ul><li>Bridge repairs</li><li>School meals</li><li>Road safety</li></ul>
<p>Opposition members said they would keep fighting the plan in the courts and at the next election.</p>
<p>The bridge, which was built in 1962, has been closed to lorries since the spring because of cracks.</p>
<p>Engineers expect the repairs to take two years, and a ferry will carry cars while the work goes on.</p>
<div class="social-share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
</article>
<aside class="related"><h2>Elsewhere</h2><ul>
<li><a href="/a">Floods close roads in the north</a></li>
<li><a href="/b">Minister resigns over expenses</a></li></ul></aside>
<footer><p><a href="/about">About</a></p><p><a href="/privacy">Privacy</a></p><p>&copy; 2024 Example Media</p></footer>
</body></html>
"""


def test_html_nav_share_aside_and_footer_by_their_elements():
    found = ln305(HTML_PAGE, filename="page.html")
    for f in found:  # exact offsets into the original file, entities and all
        assert f.excerpt == HTML_PAGE[f.offset:f.end_offset]
    starts = [f.excerpt.split("<")[0] for f in found]
    assert "Home" in starts and "Facebook" in starts and "Elsewhere" in starts and "About" in starts
    nav = next(f for f in found if f.excerpt.startswith("Home"))
    assert "News &amp; Politics" in nav.excerpt and nav.excerpt.endswith("Sport")
    flagged = " ".join(f.excerpt for f in found)
    for kept in ("By Jane Doe", "Council approves budget</h1>", "Bridge repairs", "businesses",
                 "not a menu", "commented-out"):
        assert kept not in flagged


def test_html_article_without_page_furniture_is_silent():
    article = HTML_PAGE.split("<article>")[1].split("<div class=\"social-share\">")[0]
    text = f"<html><body><article>{article}</article></body></html>"
    assert ln305(text, filename="a.html") == []


def test_html_broken_markup_keeps_offsets():
    text = HTML_PAGE.replace("</li>", "").replace("</p>", "").replace("&copy;", "&copy")
    found = ln305(text, filename="page.html")
    assert found
    for f in found:
        assert f.excerpt == text[f.offset:f.end_offset]
    assert any(f.excerpt.startswith("Home") for f in found)


CARDS = [
    "Politics", "Mayor faces questions over ferry contract", "By Tom Field",
    "The mayor was asked on Thursday to explain how the ferry contract was awarded without a tender, and why.",
    "Transport", "Bus fares to rise in the spring", "By Ana Ruiz",
    "Fares on the city's buses will rise by ten pence in April, the transport authority said on Monday night.",
    "Weather", "Storm closes the coast road", "By Lee Park",
    "The coast road was closed on Sunday after high winds brought down trees and power lines near the harbour.",
]


def test_teaser_cards_with_bylines_and_snippets_after_the_article():
    text = page(MENU, ["Council approves budget", "By Jane Doe"], BODY, SHARE, CARDS)
    found = ln305(text)
    flagged = {line for f in found for line in lines_of(text, f)}
    assert set(CARDS) <= flagged
    assert not flagged & set(BODY + ["By Jane Doe"])


def test_a_live_blog_with_recurring_times_keeps_its_entries():
    entries = []
    for time_, line in zip(("9:05 a.m.", "10:40 a.m.", "1:15 p.m.", "4:30 p.m."), BODY):
        entries += [time_, line]
    text = page(MENU, ["The latest: bridge vote"], entries, SHARE, FOOTER)
    flagged = {line for f in ln305(text) for line in lines_of(text, f)}
    assert not flagged & set(entries)
    assert {"Home", "Facebook"} <= flagged


def test_a_comment_thread_after_the_article():
    thread = []
    for name, time_ in (("riverfan", "May 2, 2024 at 6:34 am"), ("jk_77", "May 2, 2024 at 7:02 am"),
                        ("harbourview", "May 2, 2024 at 9:15 am")):
        thread += [f"{name} says:", time_,
                   "I drive over that bridge every day and I think the council should have fixed it years ago."]
    text = page(MENU, BODY, SHARE, ["3 responses to “Council approves budget”"], thread)
    flagged = {line for f in ln305(text) for line in lines_of(text, f)}
    assert set(thread) <= flagged
    assert not flagged & set(BODY)


def test_an_interview_with_speaker_lines_is_not_a_comment_thread():
    interview = []
    for speaker, line in zip(("The mayor says:", "Her opponent says:", "The engineer says:"), BODY[1:4]):
        interview += [speaker, line]
    text = page(MENU, BODY[:1], interview, BODY[4:], SHARE)
    flagged = {line for f in ln305(text) for line in lines_of(text, f)}
    assert not flagged & set(interview + BODY)


def test_a_photo_credit_above_the_body_is_the_articles_even_before_a_share_bar():
    credit = "Image copyright Getty Images"
    text = page(MENU, ["Council approves budget for the bridge", credit], SHARE, BODY, FOOTER)
    found = ln305(text)
    flagged = {line for f in found for line in lines_of(text, f)}
    assert credit not in flagged and "Council approves budget for the bridge" not in flagged
    assert {"Home", "Facebook", "About us"} <= flagged


def test_headline_byline_and_date_above_a_long_share_panel_are_kept():
    panel = [f"Share this with {n}" for n in ("Facebook", "Twitter", "WhatsApp", "Email", "Messenger")] * 3
    masthead = ["Council approves budget for the old bridge", "By Jane Doe", "14 March 2024"]
    text = page(["Council approves budget for the old bridge - The Example Times"], MENU, masthead, panel,
                BODY, FOOTER)
    flagged = {line for f in ln305(text) for line in lines_of(text, f)}
    assert not flagged & set(masthead + BODY)
    assert {"Home", "Share this with Facebook", "About us"} <= flagged
