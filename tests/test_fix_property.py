"""Safe fixes are safe: after `--fix`, no finding at warning or above that the text had not.

A "new" finding is one whose (rule, excerpt) occurs more often in the fixed
text than in the original. Texts mix damaged news pieces (names, mojibake
that lost bytes, control characters between scripts, quotes) with arbitrary
characters and markup.

Examples: `FIX_PROPERTY_EXAMPLES` (default 1000, as CI runs it); the local
check in docs/robustness.md ran 20,000.
"""
from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lintnews import Severity, lint_text
from lintnews.finding import SAFE, UNSAFE, Fix
from lintnews.engine.fixes import fix

EXAMPLES = int(os.environ.get("FIX_PROPERTY_EXAMPLES", "1000"))

PIECES = [
    "Kyiv", "kyiv", "Kiev", "Kharkov", "Odessa", "Zelensky", "said", "the", "officials", " ", "  ",
    "\n", "\n\n", "\r\n", ".", ",", " ,", "!", "?", "«", "»", "“", "”", "\"", "'", "’",
    "Москва", "Киев", "сказали", "и", "Ð¸", "ÐœÐ¾ÑÐºÐ²Ð°", "ÑÐºÐ°Ð·Ð°Ð»Ð¸", "Ã©", "â€™", "cafÃ©",
    "\x07", "\x00", "\x1b", "\u200b", "\u00ad", "\u00a0", "\u200e", "\ufffd",
    "Exit mobile version", "Related articles", "Read more:", "Photo:", "www.kyiv.example",
]
MARKUP = {"a.txt": [], "a.md": ["# ", "> ", "- ", "`", "**", "[", "](", ")", "<!-- ", " -->"],
          "a.html": ["<p>", "</p>", "<b>", "</b>", "<br>", "&nbsp;", "&amp;"]}


def texts(name):
    piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=4),
                      *([st.sampled_from(MARKUP[name])] if MARKUP[name] else []))
    return st.lists(piece, max_size=30).map("".join)


def warning_keys(findings):
    return Counter((f.rule, f.excerpt) for f in findings if f.severity >= Severity.WARNING)


def check_no_new_finding(text, name):
    before = lint_text(text, filename=name)
    outcome = fix(text, before, lambda new: lint_text(new, filename=name))
    after = lint_text(outcome.text, filename=name)
    new = warning_keys(after) - warning_keys(before)
    assert not new, (text, outcome.text, new)


@pytest.mark.slow  # a thousand generated texts in three markups
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(MARKUP)).flatmap(lambda name: st.tuples(st.just(name), texts(name))))
def test_fixes_make_no_new_finding_at_warning_or_above(case):
    name, text = case
    check_no_new_finding(text, name)


def test_mojibake_that_lost_bytes_gets_no_safe_fix():
    damaged = "Москва и Киев сказали.\n".encode().replace(b"\x81", b"").decode("cp1252", "ignore")
    found = {f.excerpt: f for f in lint_text(damaged) if f.rule == "LN501"}
    assert found["ÐœÐ¾ÑÐºÐ²Ð°"].fixes == ()  # would be “МоÑква”: Latin Ñ inside a Cyrillic word
    assert "lost some of its bytes" in found["ÐœÐ¾ÑÐºÐ²Ð°"].message
    kiev = found["ÐšÐ¸ÐµÐ²"]
    assert kiev.fixes == (Fix.replace(kiev.offset, kiev.end_offset, "Киев", SAFE),)
    check_no_new_finding(damaged, "a.txt")


def test_removing_a_control_between_two_scripts_is_not_safe():
    found = [f for f in lint_text("Moscow\x07Москва said.\n") if f.rule == "LN502"]
    assert [(f.offset, f.fixes) for f in found] == [(6, (Fix.replace(6, 7, "", UNSAFE),))]
    same = [f for f in lint_text("Ky\x07iv said.\n") if f.rule == "LN502"]
    assert same[0].fixes == (Fix.replace(2, 3, "", SAFE),)


def test_a_pass_that_would_make_a_new_finding_takes_that_edit_back():
    from lintnews.finding import Finding

    def finding(rule, start, end, excerpt, fixes=()):
        return Finding(rule=rule, name="x", category="c", severity=Severity.WARNING, offset=start,
                       end_offset=end, line=1, column=start + 1, end_line=1, end_column=end + 1,
                       excerpt=excerpt, message="m", fixes=tuple(fixes))

    text = "ab cd"
    first = [finding("T1", 0, 2, "ab", [Fix.replace(0, 2, "AB", SAFE)]),
             finding("T2", 3, 5, "cd", [Fix.replace(3, 5, "X", SAFE)])]

    def relint(new):  # "X" is itself a problem; "AB" is fine
        return [finding("T3", new.index("X"), new.index("X") + 1, "X")] if "X" in new else []

    outcome = fix(text, first, relint)
    assert outcome.text == "AB cd" and outcome.fixed == 1
