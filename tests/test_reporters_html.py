"""The HTML report's page, without a browser: marks, nesting, escaping, no network."""
from __future__ import annotations

import json
import re

from lintnews.finding import Finding, Severity
from lintnews.report.html import render_text


def f(start, end, category="spacing") -> Finding:
    return Finding("LN999", "x", category, Severity.WARNING, start, end, 1, 1, 1, 1, "", "m")


def bare(html: str) -> str:
    return re.sub(r"<mark [^>]*>", "<m>", html)


def test_marks_nest_and_crossing_spans_are_cut_at_the_enclosing_end():
    text = "0123456789"
    found = [f(2, 8), f(0, 4), f(3, 5), f(6, 9), f(9, 9)]
    html = render_text(text, found, ["a", "b", "c", "d", "e"])
    assert bare(html) == "<m>01<m>2<m>3</mark></mark></mark>45<m>678</mark><m></mark>9"
    assert html.count("<mark ") == 5
    assert re.sub(r"<[^>]+>", "", html) == text


def test_text_is_escaped():
    html = render_text("<b>kyiv</b> & co", [f(3, 7)], ["a"])
    assert bare(html) == "&lt;b&gt;<m>kyiv</mark>&lt;/b&gt; &amp; co"


def test_report_page_from_the_cli(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("# Talks\n\nOfficials in kyiv said Kiev was calm. </script>\n")
    (tmp_path / "b.txt").write_text("All calm in Kyiv.\n")
    result = run_cli("check", "a.md", "b.txt", "missing.txt", "-o", "report.html")
    assert result.returncode == 2  # the missing file
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<mark class="finding') == 2
    assert 'class="finding cat-capitalization sev-error" data-id="f0-0"' in page
    assert "lintnews found <strong>2 problems</strong> in <strong>3 files</strong>." in page
    assert "1 file(s) could not be read." in page
    # self-contained: nothing is fetched from anywhere
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|@import|url\(", page)
    assert "http://" not in page and "https://" not in page
    data = json.loads(re.search(r'<script type="application/json" id="findings">(.*?)</script>',
                                page, re.S).group(1))
    assert data["f0-0"]["message"] == "“kyiv” is a proper noun: write “Kyiv”."
    assert data["f0-0"]["fix"] == "Replace “kyiv” with “Kyiv”."
    assert data["f0-1"]["categoryLabel"] == "Spelling of names"
    assert page.count("</script>") == 2  # the article's "</script>" is escaped
