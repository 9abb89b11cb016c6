"""The HTML report in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Playwright never downloads a browser here: it launches /usr/bin/chromium. The
test skips when that browser or Playwright is missing, except under CI, where
`.ci/run` installs both and a skip would hide a broken report.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT

# a real browser: its start alone takes more than the quick suite's 5 s a test
pytestmark = pytest.mark.slow

DOCS_SCREENSHOT = ROOT / "docs" / "html-report.png"

# Two short articles of our own, damaged the ways the report must show.
ARTICLE = """# Talks resume in Kyiv

Officials in kyiv said on Monday that the talks would resume next week.

The delegation from Kiev arrived late, the ministry said in a statement.

Exit mobile version

Negotiators in kyiv described the first session as «constructive».
"""
SECOND = "The mayor of kyiv opened the new bridge.\nExit mobile version\n"

@pytest.fixture
def report(run_cli, tmp_path):
    """Write two articles and make the report with -o report.html."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "talks.md").write_text(ARTICLE, encoding="utf-8")
    (news / "bridge.txt").write_text(SECOND, encoding="utf-8")
    findings = json.loads(run_cli("check", "--format", "json", "news").stdout)
    result = run_cli("check", "news", "-o", "report.html")
    assert result.returncode == 1, result.stderr
    return tmp_path / "report.html", findings


def save_docs_screenshot(page, path: Path = DOCS_SCREENSHOT) -> Path:
    """The README's picture of the report: the page as an editor first sees it, one finding open."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=False)
    return path


def test_report_in_chromium(browser, report, tmp_path):
    path, findings = report
    by_file = {f["path"]: f["findings"] for f in findings["files"]}
    total = sum(len(v) for v in by_file.values())
    assert total == 8  # talks.md: 2 kyiv, Kiev, the button line, « and »; bridge.txt: kyiv, the button line

    page = browser.new_page(viewport={"width": 1280, "height": 860})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: requests.append(req.url))
    page.goto(path.as_uri())

    # every finding has exactly one highlight, in place
    marks = page.locator("mark.finding")
    assert marks.count() == total
    assert page.locator(".headline").inner_text() == "lintnews found 8 problems in 2 files."
    files = page.locator("button.file")
    assert files.all_inner_texts() == ["news/bridge.txt\n2", "news/talks.md\n6"]

    # the first file is shown; switch to talks.md and click its Kiev finding in the side list
    files.nth(1).click()
    talks = page.locator('article.doc[data-file="1"]')
    assert talks.is_visible() and not page.locator('article.doc[data-file="0"]').is_visible()
    assert talks.locator("mark.finding").all_inner_texts() == [
        "kyiv", "Kiev", "Exit mobile version", "kyiv", "«", "»"]
    page.locator('.flist[data-file="1"] button.item', has_text="Kiev").click()
    detail = page.locator("#detail")
    assert detail.is_visible()
    assert detail.locator(".kind").inner_text() == "Spelling of names · Please check"
    assert detail.locator(".where").inner_text() == "Line 5, column 21 of news/talks.md"
    assert detail.locator(".message").inner_text().startswith(
        "“Kiev” is the Russian-derived spelling of Київ: English news writes “Kyiv”.")
    assert detail.locator(".fix").inner_text().startswith("Suggested change: Replace “Kiev” with “Kyiv”.")
    assert "active" in talks.locator("mark.finding", has_text="Kiev").get_attribute("class")

    # clicking a highlight in the text shows its own details; hovering shows the hint
    boiler = talks.locator("mark.finding", has_text="Exit mobile version")
    assert "Suggested change: Remove this text." in boiler.get_attribute("title")
    boiler.click()
    assert detail.locator(".kind").inner_text() == "Web page leftovers · Please check"
    assert "only with --fix --unsafe-fixes" in detail.locator(".fix").inner_text()

    # keyboard: n goes to the next finding and focuses it, Enter opens, Escape closes
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.textContent") == "kyiv"
    assert detail.locator(".where").inner_text() == "Line 9, column 16 of news/talks.md"
    page.keyboard.press("Escape")
    assert not detail.is_visible()
    page.keyboard.press("Enter")
    assert detail.is_visible() and detail.locator(".rule").inner_text() == "Rule LN201 (lowercase-proper-noun)"

    # filters: hiding a category hides its list entries and un-colours its highlights
    page.locator('input[data-filter="category"][value="capitalization"]').uncheck()
    assert page.locator('.flist[data-file="1"] button.item:visible').count() == 4
    assert talks.locator("mark.finding.off").count() == 2
    page.locator('input[data-filter="severity"][value="warning"]').uncheck()
    assert page.locator('.flist[data-file="1"] button.item:visible').count() == 0
    page.locator('input[data-filter="category"][value="capitalization"]').check()
    assert page.locator('.flist[data-file="1"] button.item:visible').count() == 2
    page.locator('input[data-filter="severity"][value="warning"]').check()
    assert talks.locator("mark.finding.off").count() == 0

    assert errors == []
    assert [u for u in requests if not u.startswith("file://")] == []

    page.locator('.flist[data-file="1"] button.item', has_text="Kiev").click()
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert save_docs_screenshot(page).stat().st_size > 10_000
    page.close()
