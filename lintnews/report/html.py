"""The HTML report for editors: one self-contained page, no network resources.

Each article's text is shown as written, with every finding highlighted in
place and coloured by category. Clicking a highlight (or pressing Enter on it)
shows the message and the suggested change; hovering shows them too. A side
list groups the findings by category, with filters by category and by how
serious they are; a summary sits at the top; a report of several files has a
file list. Everything works from the keyboard: Tab moves between highlights,
`n`/`p` jump to the next or previous finding, Escape closes the details.

The page needs every result before it can write the summary, so this reporter
(unlike the others) keeps the results of the run in memory. The stylesheet
and the script are package data (`html_report.css`, `html_report.js`) and
are inlined into the page.
"""
from __future__ import annotations

import json
from html import escape
from importlib import resources
from typing import TYPE_CHECKING

from lintnews._version import __version__
from lintnews.finding import SAFE
from lintnews.report.base import BaseReporter

if TYPE_CHECKING:
    from typing import TextIO

#: Plain-language names of the categories, for readers who never saw a linter.
CATEGORY_LABELS = {
    "meta": ("Checker settings", "A problem with lintnews instructions written in the text."),
    "mixed-script": ("Mixed alphabets", "Letters from another alphabet that look like Latin ones."),
    "untranslated": ("Left untranslated", "Passages still in the source language."),
    "capitalization": ("Capital letters", "Names that need a capital letter."),
    "transliteration": ("Spelling of names", "Names spelled the Russian or Spanish way, or two ways."),
    "boilerplate": ("Web page leftovers", "Menus, teasers and buttons copied with the article."),
    "quotes": ("Quotation marks", "Unclosed, unmatched or foreign quotation marks."),
    "encoding": ("Garbled characters", "Broken or invisible characters."),
    "spacing": ("Spacing and punctuation", "Missing, doubled or misplaced spaces and words."),
    "duplication": ("Repeated text", "Sentences or paragraphs that appear twice."),
    "translation": ("Translation mistakes", "Traces of the source language and known mistranslations."),
    "style": ("House style", "Differences from the house style."),
}
SEVERITY_LABELS = {"error": "Must fix", "warning": "Please check", "info": "Note"}
_SEVERITIES = ("error", "warning", "info")


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, (category.replace("-", " ").capitalize(), ""))[0]


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def fix_text(f) -> tuple[str, bool] | None:
    """The suggested change in words (its first fix's), and whether it is safe; None without one."""
    if not f.fixes:
        return None
    fix = f.fixes[0]
    safe = fix.applicability is SAFE
    if len(fix.edits) != 1 or "\n" in fix.edits[0].replacement:
        return "Replace this passage (run lintnews with --diff to see the new text).", safe
    replacement = fix.edits[0].replacement
    if not replacement:
        return "Remove this text.", safe
    from lintnews.report.wording import shown

    return f"Replace {shown(f.excerpt)} with {shown(replacement)}.", safe


def render_text(text: str, findings: list, ids: list[str]) -> str:
    """The escaped text with one <mark> per finding, nested where spans nest.

    A span that crosses the end of an enclosing one is cut at that end, so the
    marks always nest and each finding keeps exactly one highlight.
    """
    order = sorted(range(len(findings)), key=lambda i: (findings[i].offset, -findings[i].end_offset, i))
    out: list[str] = []
    stack: list[int] = []  # end offsets of the open marks, innermost last
    pos = 0

    def close() -> None:
        nonlocal pos
        end = stack.pop()
        out.append(escape(text[pos:end], quote=False))
        out.append("</mark>")
        pos = end

    for i in order:
        f = findings[i]
        start = max(f.offset, pos)
        while stack and stack[-1] <= start:
            close()
        out.append(escape(text[pos:start], quote=False))
        pos = start
        end = max(start, min(f.end_offset, stack[-1]) if stack else f.end_offset)
        out.append(_mark(f, ids[i]))
        if end == start:
            out.append("</mark>")
        else:
            stack.append(end)
    while stack:
        close()
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def _mark(f, fid: str) -> str:
    hint = f.message
    fix = fix_text(f)
    if fix is not None:
        hint += " Suggested change: " + fix[0]
    return (f'<mark class="finding cat-{escape(f.category)} sev-{f.severity}" data-id="{fid}" '
            f'tabindex="0" role="button" title="{escape(hint)}" '
            f'aria-label="{escape(category_label(f.category))}: {escape(hint)}">')


class Reporter(BaseReporter):
    needs_text = True

    def __init__(self, stream: TextIO, **_options) -> None:
        self.stream = stream
        self.results: list = []

    def start(self) -> None:
        pass

    def file(self, result) -> None:
        self.results.append(result)

    def finish(self, summary) -> None:
        data: dict[str, dict] = {}
        files_nav, lists, articles = [], [], []
        categories: dict[str, int] = {}
        for n, result in enumerate(self.results):
            ids = [f"f{n}-{k}" for k in range(len(result.findings))]
            for fid, f in zip(ids, result.findings):
                categories[f.category] = categories.get(f.category, 0) + 1
                fix = fix_text(f)
                data[fid] = {
                    "file": n, "path": result.path, "rule": f.rule, "name": f.name,
                    "category": f.category, "categoryLabel": category_label(f.category),
                    "severity": str(f.severity), "severityLabel": SEVERITY_LABELS[str(f.severity)],
                    "line": f.line, "column": f.column, "excerpt": f.excerpt, "message": f.message,
                    "fix": fix[0] if fix else None, "safe": fix[1] if fix else None,
                }
            files_nav.append(self._file_button(n, result))
            lists.append(self._side_list(n, result, ids))
            articles.append(self._article(n, result, ids))
        page = _PAGE.format(
            version=escape(__version__),
            css=_asset("html_report.css"),
            js=_asset("html_report.js"),
            summary=self._summary(summary, categories),
            files_title="Articles" if len(self.results) != 1 else "Article",
            files="".join(files_nav),
            category_filters="".join(self._filter("category", c, category_label(c), n, f"cat-{c}")
                                     for c, n in _by_category_order(categories)),
            severity_filters="".join(self._filter("severity", s, SEVERITY_LABELS[s],
                                                  summary.by_severity.get(s, 0), f"sev-{s}")
                                     for s in _SEVERITIES if summary.by_severity.get(s)),
            lists="".join(lists),
            articles="".join(articles) or '<p class="empty">No files were checked.</p>',
            data=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"),
        )
        self.stream.write(page)

    @staticmethod
    def _summary(summary, categories: dict[str, int]) -> str:
        total = summary.findings
        files = summary.files
        head = (f"lintnews found <strong>{total} problem{'s' if total != 1 else ''}</strong> in "
                f"<strong>{files} file{'s' if files != 1 else ''}</strong>.")
        if total == 0:
            head = f"lintnews found no problems in {files} file{'s' if files != 1 else ''}."
        parts = [f'<p class="headline">{head}</p>']
        sev = [f'<span class="pill sev-{s}">{summary.by_severity[s]} {SEVERITY_LABELS[s].lower()}</span>'
               for s in _SEVERITIES if summary.by_severity.get(s)]
        if sev:
            parts.append(f'<p class="severities">{" ".join(sev)}</p>')
        if summary.errors:
            parts.append(f'<p class="read-errors">{summary.errors} file(s) could not be read.</p>')
        if categories:
            chips = "".join(
                f'<li class="chip cat-{escape(c)}" title="{escape(CATEGORY_LABELS.get(c, ("", ""))[1])}">'
                f'<span class="swatch"></span>{escape(category_label(c))} <b>{n}</b></li>'
                for c, n in _by_category_order(categories))
            parts.append(f'<ul class="chips" aria-label="Problems by kind">{chips}</ul>')
        parts.append('<p class="howto">Click a highlighted passage or a problem in the list to see what is '
                     'wrong and the suggested change. Keys: <kbd>Tab</kbd> moves between highlights, '
                     '<kbd>n</kbd>/<kbd>p</kbd> go to the next or previous problem, <kbd>Esc</kbd> '
                     'closes the details.</p>')
        return "".join(parts)

    @staticmethod
    def _file_button(n: int, result) -> str:
        count = len(result.findings)
        badge = "!" if result.error else str(count)
        return (f'<li><button type="button" class="file" data-file="{n}" '
                f'aria-label="{escape(result.path)}: {badge} problem(s)">'
                f'<span class="path">{escape(result.path)}</span>'
                f'<span class="count{" zero" if not count and not result.error else ""}">{badge}</span>'
                f'</button></li>')

    @staticmethod
    def _filter(kind: str, value: str, label: str, count: int, cls: str) -> str:
        return (f'<label class="filter {escape(cls)}"><input type="checkbox" checked '
                f'data-filter="{kind}" value="{escape(value)}"><span class="swatch"></span>'
                f'{escape(label)} <b>{count}</b></label>')

    @staticmethod
    def _side_list(n: int, result, ids: list[str]) -> str:
        groups: dict[str, list[str]] = {}
        for fid, f in zip(ids, result.findings):
            text = f.excerpt if len(f.excerpt) <= 40 else f.excerpt[:37] + "…"
            groups.setdefault(f.category, []).append(
                f'<li><button type="button" class="item sev-{f.severity}" data-id="{fid}" '
                f'data-category="{escape(f.category)}" data-severity="{f.severity}">'
                f'<span class="line">line {f.line}</span> '
                f'<span class="excerpt">{escape(text.replace(chr(10), " ")) or "(here)"}</span> '
                f'<span class="msg">{escape(f.message)}</span></button></li>')
        body = "".join(
            f'<section class="group cat-{escape(c)}" data-category="{escape(c)}">'
            f'<h3><span class="swatch"></span>{escape(category_label(c))} '
            f'<span class="n">{len(items)}</span></h3><ol>{"".join(items)}</ol></section>'
            for c, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))
        if not body:
            body = '<p class="empty">No problems in this file.</p>'
        return f'<div class="flist" data-file="{n}">{body}</div>'

    @staticmethod
    def _article(n: int, result, ids: list[str]) -> str:
        count = len(result.findings)
        if result.error:
            body = f'<p class="read-error">This file could not be checked: {escape(result.error)}</p>'
        elif result.text is None:
            body = '<p class="empty">The text is not available.</p>'
        else:
            body = f'<div class="text">{render_text(result.text, result.findings, ids)}</div>'
        meta = "no problems" if count == 0 else f"{count} problem{'s' if count != 1 else ''}"
        return (f'<article class="doc" data-file="{n}" aria-labelledby="doc-title-{n}">'
                f'<h2 id="doc-title-{n}">{escape(result.path)} <span class="meta">{meta}</span></h2>'
                f'{body}</article>')


def _by_category_order(categories: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lintnews {version}">
<title>lintnews report</title>
<style>
{css}
</style>
</head>
<body>
<a class="skip" href="#texts">Skip to the text</a>
<header class="top">
<h1>Proofreading report</h1>
{summary}
</header>
<div class="layout">
<aside class="side" aria-label="Files and problems">
<section class="files"><h2>{files_title}</h2><ul>{files}</ul></section>
<section class="filters" aria-label="Filters">
<fieldset><legend>Kind of problem</legend>{category_filters}</fieldset>
<fieldset><legend>How serious</legend>{severity_filters}</fieldset>
</section>
<section class="problems"><h2>Problems in this file</h2>{lists}</section>
</aside>
<main id="texts">
<section id="detail" class="detail" aria-live="polite" hidden tabindex="-1">
<button type="button" class="close" aria-label="Close the details">×</button>
<p class="kind"></p>
<p class="where"></p>
<p class="message"></p>
<p class="fix"></p>
<p class="rule"></p>
</section>
{articles}
</main>
</div>
<script type="application/json" id="findings">{data}</script>
<script>
{js}
</script>
</body>
</html>
"""
