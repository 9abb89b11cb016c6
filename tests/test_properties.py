"""Properties that hold for any text, checked with hypothesis.

For plain, Markdown and HTML input alike: no exception escapes; every
finding's offsets lie inside the text; its excerpt is text[offset:end_offset];
line and column agree with the offsets (computed here independently, with
\\r\\n, \\r and \\n each ending a line); the JSON report round-trips through
Finding.from_dict; every suggestion's span lies inside the text; and applying
the safe fixes changes nothing outside their spans and is idempotent where the
fixes do not overlap.

Profiles (select with HYPOTHESIS_PROFILE): `ci` (default, 300 examples per
test, a few seconds) and `dev` (5,000 examples per test). The number of cases
run is printed at the end of the session (`-s` shows it) and recorded in
docs/robustness.md.
"""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lintnews import Finding, lint_text
from lintnews.finding import SAFE
from lintnews.report.json import Reporter
from lintnews.engine.findingset import FindingSet
from lintnews.engine.results import FileResult, Summary

settings.register_profile("ci", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CASES: dict[str, int] = {}

# Pieces of news text and its damage, so that checks actually fire, mixed
# with arbitrary characters, markup and every kind of line break.
NEWSY = [
    "Kyiv", "kyiv", "Kiev", "KIEV", "chicken Kiev", "Кyiv", "Zelensky", "Zelenskyy", "said", "the",
    "«", "»", "“", "”", "\"", "'", "’", "„", " ,", ".", "..", "!", "?", " ", "  ", "\t",
    "\n", "\r\n", "\r", "\n\n", "\u2028", "\u0301", "e\u0301", "👩\u200d👩\u200d👧", "\u200b",
    "שלום", "مرحبا", "\u202e", "Ã©", "â€™", "\ufeff", "\ufffc", "\x00", "\x1b",
    "Related articles", "Exit mobile version", "You may be interested in:", "Москва.-",
    "http://kyiv.example/kyiv", "www.kiev.example", "a@kyiv.example", "#kyiv", "@kyiv",
]
MARKDOWN = ["# ", "> ", "- ", "1. ", "`", "```\n", "**", "_", "[", "](", ")", "![", "<!-- ",
            " -->", "<!-- lintnews-disable LN201 -->", "<!-- lintnews-enable -->",
            "<!-- lintnews-disable-next-line -->", "---\n", "    ", "&amp;", "&#x4B;"]
HTML = ["<p>", "</p>", "<b>", "</b>", "<br>", "<script>", "</script>", "<pre>", "</pre>", "<!--",
        "-->", "&nbsp;", "&amp;", "&lt;", "&#1050;", "&bogus;", "<a href=\"http://kyiv.example\">",
        "</a>", "<", ">", "<code>kyiv</code>"]


def texts(extra):
    piece = st.one_of(st.sampled_from(NEWSY), st.sampled_from(extra), st.text(max_size=6))
    return st.lists(piece, max_size=40).map("".join)


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of `offset`, counted by hand: \\r\\n, \\r and \\n end a line."""
    line, start, i = 1, 0, 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 >= offset:  # offset inside a \r\n: still on this line
                break
            i += 2
            line, start = line + 1, i
            continue
        i += 1
        if ch in "\r\n":
            line, start = line + 1, i
    return line, offset - start + 1


def check_properties(text: str, filename: str) -> None:
    findings = lint_text(text, filename=filename)
    for f in findings:
        assert 0 <= f.offset <= f.end_offset <= len(text), f
        assert f.excerpt == text[f.offset:f.end_offset], f
        assert (f.line, f.column) == expected_position(text, f.offset), f
        assert (f.end_line, f.end_column) == expected_position(text, f.end_offset), f
        for s in (e for x in f.fixes for e in x.edits):
            assert 0 <= s.offset <= s.end_offset <= len(text), (f, s)
        assert Finding.from_dict(json.loads(json.dumps(f.to_dict()))) == f
    check_json_report(text, filename, findings)
    check_fixes(text, filename, findings)


def check_json_report(text, filename, findings):
    import io

    stream = io.StringIO()
    reporter = Reporter(stream)
    summary = Summary()
    result = FileResult(filename, FindingSet.of(text, findings))
    reporter.start()
    reporter.file(result)
    summary.add(result)
    reporter.finish(summary)
    data = json.loads(stream.getvalue())
    assert [Finding.from_dict(d) for d in data["files"][0]["findings"]] == findings


def check_fixes(text, filename, findings):
    """Apply non-overlapping safe fixes: outside their spans nothing changes;
    and fixing is idempotent."""
    edits, last = [], -1
    for f in findings:
        for x in f.fixes[:1]:
            s = x.edits[0]
            if x.applicability is SAFE and s.offset >= last and s.offset < s.end_offset:
                edits.append((s.offset, s.end_offset, s.replacement))
                last = s.end_offset
    if not edits:
        return
    fixed, pos, parts, spans, shift = text, 0, [], [], 0
    for start, end, replacement in edits:
        parts.append(text[pos:start])
        parts.append(replacement)
        spans.append((start + shift, start + shift + len(replacement)))
        shift += len(replacement) - (end - start)
        pos = end
    parts.append(text[pos:])
    fixed = "".join(parts)
    # nothing outside the spans changed
    outside_before = "".join(text[a:b] for a, b in _gaps([(s, e) for s, e, _ in edits], len(text)))
    outside_after = "".join(fixed[a:b] for a, b in _gaps(spans, len(fixed)))
    assert outside_before == outside_after
    # idempotent: fixing to the end, then fixing again, changes nothing more
    # (one fix may reveal another: repaired mojibake can show a stray ¡)
    from lintnews.engine.fixes import fix

    def relint(t):
        return lint_text(t, filename=filename)

    once = fix(text, findings, relint)
    assert fix(once.text, relint(once.text), relint).text == once.text


def _gaps(spans, length):
    pos = 0
    for start, end in spans:
        yield pos, start
        pos = end
    yield pos, length


@pytest.mark.slow
@pytest.mark.parametrize("filename,extra", [
    ("article.txt", NEWSY), ("article.md", MARKDOWN), ("article.html", HTML)],
    ids=["plain", "markdown", "html"])
def test_properties_hold_for_any_text(filename, extra):
    key = filename.rsplit(".", 1)[1]

    @given(texts(extra))
    def run(text):
        CASES[key] = CASES.get(key, 0) + 1
        check_properties(text, filename)

    run()


@given(st.text(alphabet=st.characters(codec=None, categories=None), max_size=200))
def test_any_unicode_including_surrogates(text):
    """Arbitrary code points, lone surrogates included: nothing escapes."""
    CASES["unicode"] = CASES.get("unicode", 0) + 1
    for name in ("a.txt", "a.md", "a.html"):
        check_properties(text, name)


def test_expected_position_is_right():
    text = "ab\r\ncd\re\nf"
    assert [expected_position(text, i) for i in (0, 2, 3, 4, 7, 9, 10)] == [
        (1, 1), (1, 3), (1, 4), (2, 1), (3, 1), (4, 1), (4, 2)]


def _cases_summary() -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(CASES.items()))


@pytest.fixture(scope="module", autouse=True)
def _report_cases():
    yield
    print(f"\n[hypothesis profile {settings.default.max_examples} examples/test] cases run: "
          f"{_cases_summary()}")
