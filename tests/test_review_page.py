"""The review page of `lintnews server` in a real headless Chromium, as the HTML report is tested.

An editor pastes a damaged article, accepts two suggestions and rejects a
third; the downloaded text has exactly those two changes.
"""
from __future__ import annotations

import pytest

# a real browser: its start alone takes more than the quick suite's 5 s a test
pytestmark = pytest.mark.slow

# Our own article: an emoji before the first name, so the page must map code points to UTF-16.
ARTICLE = ("Residents 🎉 of kyiv cheered on Monday.\n\n"
           "The delegation from Kiev arrived late , the ministry said.\n")


def test_accept_two_reject_one_download(browser, server, tmp_path):
    # expect() polls from Playwright's side: the page's CSP forbids the eval wait_for_function needs
    from playwright.sync_api import expect

    context = browser.new_context(accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: requests.append(req.url))
    page.goto(server.url + "/")

    page.fill("#source", ARTICLE)
    page.click("#check")
    page.wait_for_selector("#results:not([hidden])")
    assert page.locator("#summary").inner_text() == "lintnews found 3 problems."
    assert page.locator("#text mark.finding").all_inner_texts() == ["kyiv", "Kiev", " ,"]
    assert page.locator("#text").text_content() == ARTICLE
    items = page.locator(".finding-item")
    assert items.count() == 3
    assert "Replace “kyiv” with “Kyiv”." in items.nth(0).inner_text()
    assert "Capital letters" in items.nth(0).locator(".kind").inner_text()

    items.nth(0).locator("button.accept").click()
    items.nth(1).locator("button.reject").click()
    items.nth(2).locator("button.accept").click()
    expect(page.locator("#changes")).to_have_text("2 changes")
    assert "accepted" in page.locator('#text mark[data-i="0"]').get_attribute("class")
    assert "rejected" in page.locator('#text mark[data-i="1"]').get_attribute("class")
    assert items.nth(1).locator(".verdict").inner_text() == "Rejected"

    with page.expect_download() as info:
        page.click("#download")
    download = info.value
    assert download.suggested_filename == "article-corrected.txt"
    saved = tmp_path / "corrected.txt"
    download.save_as(saved)
    expected = ARTICLE.replace("kyiv", "Kyiv").replace("late ,", "late,")
    assert saved.read_text(encoding="utf-8") == expected

    page.click("#copy")
    expect(page.locator("#status")).to_contain_text("clipboard")
    assert page.evaluate("navigator.clipboard.readText()") == expected

    # accept every safe change: the rejected one stays rejected
    page.click("#accept-safe")
    expect(page.locator("#changes")).to_have_text("2 changes")
    page.click("#reset")
    expect(page.locator("#changes")).to_have_text("0 changes")
    page.click("#accept-safe")
    expect(page.locator("#changes")).to_have_text("3 changes")
    assert page.locator("#result").input_value() == expected.replace("Kiev", "Kyiv")

    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    assert errors == []
    assert all(u.startswith(server.url) or u.startswith("blob:") for u in requests), requests
    context.close()


def test_upload_picks_the_format_from_the_file_name(browser, server, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Kyiv\n\nOfficials in kyiv said so.\n\n```\nkyiv in code\n```\n", encoding="utf-8")
    page = browser.new_page()
    page.goto(server.url + "/")
    page.set_input_files("#upload", str(story))
    page.wait_for_selector("#results:not([hidden])")
    # Markdown: the code block is not prose, so only the sentence's kyiv is flagged
    assert page.locator("#text mark.finding").all_inner_texts() == ["kyiv"]
    page.close()


def test_two_overlapping_changes_are_never_both_accepted(browser, server):
    from playwright.sync_api import expect

    # our own text: "kiev kiev" is a doubled word (LN604) over two misspelt names (LN202 each)
    text = "Officials in kiev kiev said the talks resumed.\n"
    page = browser.new_page()
    page.goto(server.url + "/")
    page.fill("#source", text)
    page.click("#check")
    page.wait_for_selector("#results:not([hidden])")
    items = page.locator(".finding-item")
    rules = [items.nth(i).locator(".kind").inner_text().rsplit(" · ", 1)[1] for i in range(items.count())]
    assert rules == ["LN202", "LN604", "LN202"]

    def accepted() -> list[int]:
        return [i for i in range(items.count()) if "accepted" in (items.nth(i).get_attribute("class") or "")]

    # every safe change: the doubled word is taken (the longer edit first, as --fix does), not the names inside it
    page.click("#accept-safe")
    expect(page.locator("#changes")).to_have_text("1 change")
    assert accepted() == [1]
    assert page.locator("#result").input_value() == "Officials in kiev said the talks resumed.\n"

    # accepting the first name withdraws the doubled word it overlaps, and says so
    items.nth(0).locator("button.accept").click()
    expect(page.locator("#changes")).to_have_text("1 change")
    assert accepted() == [0]
    assert items.nth(1).locator(".verdict").inner_text() == ""
    expect(page.locator("#status")).to_contain_text("LN604")
    # the second name overlaps only the doubled word: both names are made
    items.nth(2).locator("button.accept").click()
    expect(page.locator("#changes")).to_have_text("2 changes")
    assert accepted() == [0, 2]
    assert page.locator("#text mark.accepted").count() == 2
    assert page.locator("#result").input_value() == "Officials in Kyiv Kyiv said the talks resumed.\n"
    page.close()


def test_a_change_of_quotation_mark_names_the_marks(browser, server):
    page = browser.new_page()
    page.goto(server.url + "/")
    page.fill("#source", 'He said "we will stay” and left.\n')
    page.click("#check")
    page.wait_for_selector("#results:not([hidden])")
    assert page.locator(".finding-item .change").all_inner_texts() == [
        "Replace a straight quotation mark \" with a curly opening quotation mark “."]
    page.close()
