"""LN305 on whole pages whose articles are lists or hold widgets (tests/fixtures/pages).

Each fixture is a page saved as text, one block a line, written for these
tests: a recipe, a meal plan, football results, a casualty list, a numbered
how-to, a meal plan without a digit, an advertisement slot between paragraphs or between
the items of a list of tour dates, an article with a video widget, one with an inline newsletter box, a
live blog. FURNITURE gives the lines of each that are page furniture; every
other line but the title is the article's.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import lint, only

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _lines(spec: str) -> set[int]:
    out: set[int] = set()
    for part in spec.split(","):
        first, _, last = part.partition("-")
        out.update(range(int(first), int(last or first) + 1))
    return out


FURNITURE = {
    "recipe.txt": _lines("2-11,16-20,45-52"),
    "mealplan.txt": _lines("2-8,46-52"),
    "results.txt": _lines("2-10,29-34"),
    "casualties.txt": _lines("2-8,25-30"),
    "howto.txt": _lines("2-9,23-28"),
    "plainlist.txt": _lines("2-8,32-36"),
    "adslot.txt": _lines("2-8,16,19-24"),
    "tourdates.txt": _lines("2-8,21-22,29-34"),
    "liveblog.txt": _lines("2-7,16,19,22-30"),
    "newsbox.txt": _lines("2-7,11-12,15-19,23-29"),
    "video.txt": _lines("2-10,17-19,23,25-31"),
}


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _covered(f) -> set[int]:
    """The lines a finding covers (a range that ends at column 1 stops before that line)."""
    last = f.end_line - 1 if f.end_column == 1 and f.end_line > f.line else f.end_line
    return set(range(f.line, last + 1))


def _article_lines(name: str, text: str) -> dict[int, str]:
    return {n: line for n, line in enumerate(text.split("\n"), 1)
            if line and n != 1 and n not in FURNITURE[name]}


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_no_article_line_is_reported_as_furniture(name):
    text = _page(name)
    article = _article_lines(name, text)
    found = only(lint(text, filename=name), "LN305")
    assert found, "the fixture is a page: its menu at least is reported"
    flagged = {n for f in found if f.line > 1 for n in _covered(f)}
    assert not flagged & set(article), [article[n] for n in sorted(flagged & set(article))]


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_no_fix_removes_a_long_sentence_of_the_article(name):
    text = _page(name)
    lines = text.split("\n")
    long_sentences = {n for n, line in _article_lines(name, text).items()
                      if len(line.split()) >= 15 and line.rstrip().endswith((".", "!", "?"))}
    assert long_sentences
    for f in only(lint(text, filename=name), "LN305"):
        for s in (e for x in f.fixes for e in x.edits):
            removed = text[s.offset:s.end_offset]
            for n in long_sentences:
                assert lines[n - 1] not in removed, (f.message, lines[n - 1])


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_a_list_in_the_article_is_neither_a_menu_nor_sentences_nor_repeats(name):
    text = _page(name)
    article = set(_article_lines(name, text))
    found = [f for f in lint(text, filename=name) if f.rule in ("LN305", "LN606", "LN701")]
    on_article = [(f.rule, f.line, f.excerpt) for f in found if f.line > 1 and _covered(f) & article]
    assert on_article == []


def test_the_meal_plan_repeats_list_lines_without_a_duplication_finding():
    text = _page("mealplan.txt")
    assert text.count("Snack: 1 apple and 2 tbsp. peanut butter.\n") == 3
    assert text.count("1 tsp. oil\n") == 4
    assert only(lint(text, filename="mealplan.txt"), "LN701") == []


def test_the_same_repeats_in_prose_are_still_reported():
    para = "The council met on Monday to discuss the budget for the new bridge."
    text = f"{para}\nOther news followed later in the day.\n{para}\n"
    found = only(lint(text), "LN701")
    assert [(f.line, f.excerpt) for f in found] == [(3, para)]


def test_a_lowercase_line_after_a_sentence_is_still_reported_outside_a_list():
    text = ("The attack came at night and lasted until the morning.\n"
            "the city was dark for three days after the power station was hit.\n")
    found = only(lint(text), "LN606")
    assert [(f.line, f.excerpt, f.fixes[0].edits[0].replacement) for f in found] == [(2, "the", "The")]


def test_a_numbered_step_in_lowercase_is_a_list_item():
    text = _page("howto.txt")
    assert "2. take a digital photo" in text
    assert only(lint(text, filename="howto.txt"), "LN606") == []


def _blocks(name: str) -> dict[tuple[int, int], str]:
    """(first line, last line) -> message of each LN305 block."""
    return {(f.line, max(_covered(f))): f.message for f in only(lint(_page(name), filename=name), "LN305")}


def test_a_video_widget_between_paragraphs_is_one_block_named_as_such():
    blocks = _blocks("video.txt")
    assert "video widget" in blocks[(17, 19)]
    assert "javascript notice" in blocks[(23, 23)]


def test_an_inline_newsletter_box_is_a_sign_up_box():
    blocks = _blocks("newsbox.txt")
    assert "sign-up box" in blocks[(15, 19)]
    assert "teaser list" in blocks[(23, 25)]


def test_read_time_is_named_apart_from_the_share_bar():
    blocks = _blocks("recipe.txt")
    assert "read time" in blocks[(16, 16)]
    assert "share bar" in blocks[(17, 20)]


def test_a_live_blog_keeps_its_entries_and_names_its_sign_off_and_caption():
    blocks = _blocks("liveblog.txt")
    sign_off = next(msg for (first, last), msg in blocks.items() if first <= 23 <= last)
    assert "live-blog sign-off" in sign_off
    assert "caption" in blocks[(26, 26)]
    assert not any(first <= n <= last for first, last in blocks for n in (17, 18, 20, 21))


def test_standfirst_and_byline_under_the_headline_are_the_articles():
    text = _page("recipe.txt")
    flagged = {n for f in only(lint(text, filename="recipe.txt"), "LN305") for n in _covered(f)}
    assert not flagged & {12, 13, 14, 15}  # headline, standfirst, byline, date


def test_a_site_name_after_the_titles_pipe_is_reported():
    found = [f for f in only(lint(_page("video.txt"), filename="video.txt"), "LN305") if f.line == 1]
    assert [f.excerpt for f in found] == [" | Example News"]


def test_the_findings_do_not_depend_on_the_hash_seed():
    """Two seeds that ordered a set differently gave two block names before (a tie in max())."""
    path = PAGES / "newsbox.txt"
    reports = []
    for seed in ("0", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "lintnews", "check", "--no-cache", "--format", "jsonl", str(path)],
                              capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent)
        assert proc.stdout.strip(), proc.stderr
        reports.append(proc.stdout)
    assert reports[0] == reports[1]
    assert "Newsletter Facebook Cookies" in reports[0]


def test_a_readers_comment_over_several_paragraphs_stays_in_the_comment_thread():
    body = (PAGES / "casualties.txt").read_text(encoding="utf-8").split("\n")[:24]
    thread = []
    for name, time_, place in (("riverfan", "May 2, 2024 at 6:34 am", "the bend near the farm"),
                               ("jk_77", "May 2, 2024 at 7:02 am", "the hill above the village"),
                               ("harbourview", "May 2, 2024 at 9:15 am", "the narrow bridge")):
        thread += [f"{name} says:", time_,
                   f"I have driven past {place} every week for thirty years and it has always been dangerous.",
                   f"The council was warned about {place} many times and did nothing until it was too late."]
    text = "\n".join(body + ["Leave a reply", "3 responses to “Coach crash”"] + thread) + "\n"
    flagged = {n for f in only(lint(text, filename="comments.txt"), "LN305") for n in _covered(f)}
    lines = text.split("\n")
    assert {n for n, line in enumerate(lines, 1) if line in thread} <= flagged
    assert not flagged & _article_lines("casualties.txt", text).keys() - set(range(25, len(lines) + 1))


def _measured(lines: list[str]):
    from lintnews.families.boilerplate.features import Vocabulary, measure, stoplist
    from lintnews.engine.lint import context_for
    from lintnews.config import Config

    entry = next(e for e in context_for(Config()).rules.ruleset.entries if e.rule.code == "LN305")
    vocab = Vocabulary.from_table(entry.data["vocabulary"])
    text = "\n".join(lines)
    out, pos = [], 0
    for line in lines:
        out.append(measure(text, pos, pos + len(line), stoplist("en"), vocab))
        pos += len(line) + 1
    return out


def test_a_list_of_dates_and_venues_is_the_articles_even_with_section_names_in_it():
    from lintnews.families.boilerplate.lists import content_lists

    tour = ["June 9 -- Coral Bay Amphitheatre, Tampa, FL", "June 12 -- Riverside Music Park, Raleigh, NC",
            "June 14 -- Home Savings Arena, Columbus, OH", "June 17 -- City Pavilion, Albany, NY",
            "June 20 -- Harbour Arena, Portland, ME"]
    menu = ["News", "Music", "Health", "Home", "Travel"]
    lines = _measured(tour + menu)
    textured, plain = content_lists(lines, [False] * len(lines), [False] * len(lines))
    assert textured == [(0, 4)]
    assert plain == []


def test_a_long_line_where_the_site_talks_to_its_reader_stays_furniture():
    lines = _page("video.txt").split("\n")
    pitch = "Click here to see every story that the newsroom has written about the floods over the last year."
    twin = "Rescue teams said they had seen every street in the town flooded at least once over the last year."
    for extra, flagged in ((pitch, True), (twin, False)):
        text = "\n".join(lines[:26] + [extra] + lines[26:])
        found = only(lint(text, filename="video.txt"), "LN305")
        assert any(27 in _covered(f) for f in found) is flagged, extra
