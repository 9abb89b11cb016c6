"""Fixes: choosing edits, applying them, writing files back as they were, and the CLI flags."""
from __future__ import annotations

import re
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews import Config, lint_text
from lintnews.finding import DISPLAY_ONLY, SAFE, UNSAFE, Finding, Fix, Severity
from lintnews.engine.fixes import (PlacedEdit, FixError, apply_edits, fix, fix_once, newline_of, select_edits,
                            unified_diff, write_atomic)

NAMES = Config(select=("LN201", "LN202"))


def names_lint(text: str) -> list[Finding]:
    return lint_text(text, NAMES, "article.txt")


def finding(start, end, replacement, applicability=SAFE, rule="LN999") -> Finding:
    return Finding(rule, "test-rule", "style", Severity.WARNING, start, end, 1, start + 1, 1, end + 1,
                   "", "msg", (Fix.replace(start, end, replacement, applicability),))


BOILERPLATE_RULE = '''
[[rule]]
code = "NEWS391"
name = "exit-mobile-version"
kind = "existence"
category = "boilerplate"
severity = "warning"
fixable = true
summary = "A button label left by the scraper."
message = "“{found}” is a leftover of the web page."
tokens = ["Exit mobile version"]
scope = "line"
remove = true
[[rule.examples]]
text = "Exit mobile version"
expect = ["NEWS391"]
[[rule.examples]]
text = "The exit was closed."
'''


@pytest.fixture
def rules_dir(tmp_path):
    folder = tmp_path / "myrules"
    folder.mkdir()
    (folder / "boilerplate.toml").write_text(BOILERPLATE_RULE, encoding="utf-8")
    return folder


# -- choosing and applying edits -----------------------------------------------------------

def test_overlapping_edits_keep_the_earliest_and_widest():
    edits = [PlacedEdit(4, 8, "B"), PlacedEdit(0, 6, "A"), PlacedEdit(6, 9, "C"), PlacedEdit(9, 9, "D"),
             PlacedEdit(9, 9, "E")]
    assert select_edits(edits) == [PlacedEdit(0, 6, "A"), PlacedEdit(6, 9, "C"), PlacedEdit(9, 9, "D")]
    assert apply_edits("0123456789", select_edits(edits)) == "ACD9"


def test_identical_edits_from_two_findings_apply_once_and_both_count():
    text = "In kyiv."
    new, edits, fixed = fix_once(text, [finding(3, 7, "Kyiv", rule="LN1"), finding(3, 7, "Kyiv", rule="LN2")])
    assert (new, fixed) == ("In Kyiv.", 2)
    assert len(edits) == 1


def test_unsafe_suggestions_wait_for_unsafe_fixes():
    f = finding(0, 5, "", UNSAFE)
    assert fix_once("Menu\nText", [f])[0] == "Menu\nText"
    assert fix_once("Menu\nText", [f], unsafe=True)[0] == "Text"


def test_replacements_take_the_texts_line_ending():
    assert newline_of("a\r\nb\r\n") == "\r\n" and newline_of("a\nb\r\n") == "\n"
    text = "One.\r\nTwo.\r\n"
    assert fix_once(text, [finding(4, 4, "\nNew.")])[0] == "One.\r\nNew.\r\nTwo.\r\n"


edit_lists = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 6), st.sampled_from(["", "x", "YY", "\n"])),
    max_size=8,
).map(lambda items: [PlacedEdit(s, min(s + n, 30), r) for s, n, r in items])


@given(edit_lists, st.randoms(use_true_random=False))
def test_edit_choice_does_not_depend_on_the_order_findings_come_in(edits, rnd):
    shuffled = list(edits)
    rnd.shuffle(shuffled)
    assert select_edits(edits) == select_edits(shuffled)


@given(edit_lists)
def test_text_outside_every_proposed_span_never_changes(edits):
    text = "abcdefghijklmnopqrstuvwxyz0123"
    chosen = select_edits(edits)
    for a, b in zip(chosen, chosen[1:]):
        assert a.end <= b.start
    out = apply_edits(text, chosen)
    # rebuild the expected output from the untouched pieces and the replacements
    pieces, pos = [], 0
    for e in chosen:
        pieces += [text[pos:e.start], e.replacement]
        pos = e.end
    assert out == "".join(pieces) + text[pos:]


# -- fixing real findings ------------------------------------------------------------------

WORDS = ["kyiv", "Kiev", "Kyiv", "KYIV", "officials", "in", "said", "chicken", "Kiev's",
         "#kyiv", "the", "Kievan", "Rus", "kyivan"]
texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", ", ", ". ", "\n", "\r\n", "\n\n"])),
    max_size=25,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=150, deadline=None)
@given(texts)
def test_fixing_changes_only_reported_spans(text):
    findings = names_lint(text)
    outcome = fix(text, findings, names_lint)
    spans = sorted({(min(f.offset, *(e.offset for x in f.fixes for e in x.edits)),
                     max(f.end_offset, *(e.end_offset for x in f.fixes for e in x.edits)))
                    for f in findings if f.fixes})
    pattern, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        pattern += [re.escape(text[pos:start]), "(.*?)"]
        pos = end
    pattern.append(re.escape(text[pos:]))
    assert re.fullmatch("".join(pattern), outcome.text, re.DOTALL), (text, outcome.text)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_fixing_twice_equals_fixing_once(text):
    once = fix(text, names_lint(text), names_lint)
    twice = fix(once.text, names_lint(once.text), names_lint)
    assert twice.text == once.text
    assert twice.fixed == 0
    assert not [f for f in once.remaining if any(x.applicability is SAFE for x in f.fixes)]


def test_fix_relints_until_nothing_is_left():
    outcome = fix("kyiv and Kiev, kyiv.", names_lint("kyiv and Kiev, kyiv."), names_lint)
    assert (outcome.text, outcome.fixed, outcome.remaining, outcome.passes) == ("Kyiv and Kyiv, Kyiv.", 3, [], 1)
    assert outcome.by_rule == {"LN201": 2, "LN202": 1}


def test_fix_stops_on_a_cycle_and_at_the_bound():
    def flip(text):  # a rule pair that rewrites A to B and B to A forever
        return [finding(0, 1, "B" if text[0] == "A" else "A")]

    cycle = fix("A", flip("A"), flip)
    assert cycle.passes == 2 and cycle.text == "A"

    def grow(text):  # a rule that always wants one more character
        return [finding(len(text), len(text), "x")]

    grown = fix("", grow(""), grow, max_passes=4)
    assert (grown.passes, grown.text) == (4, "xxxx")


def test_unified_diff_keeps_line_endings_and_marks_a_missing_final_newline():
    assert unified_diff("same", "same", "a.txt") == ""
    diff = unified_diff("kyiv\r\nend", "Kyiv\r\nend", "a.txt")
    assert diff == ("--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-kyiv\r\n+Kyiv\r\n end\n"
                    "\\ No newline at end of file\n")


# -- writing files -------------------------------------------------------------------------

def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new", b"old")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_write_atomic_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"edited by someone else")
    with pytest.raises(FixError, match="changed while lintnews was reading it"):
        write_atomic(path, b"new", b"old", "a.txt")
    assert path.read_bytes() == b"edited by someone else"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_write_atomic_refuses_a_symlink(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(FixError, match="link.txt: is a symbolic link"):
        write_atomic(link, b"new", b"old", "link.txt")
    assert link.is_symlink() and target.read_bytes() == b"old"


# -- the command line ----------------------------------------------------------------------

def test_cli_fix_writes_safe_fixes_and_reports_what_is_left(run_cli, tmp_path, rules_dir):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Officials in kyiv said Kiev was calm.\nExit mobile version\n")
    path.chmod(0o600)
    result = run_cli("check", "--fix", "a.txt", "--rules", rules_dir, "--extend-select", "NEWS", "--ignore", "LN3")
    assert path.read_bytes() == b"Officials in Kyiv said Kyiv was calm.\nExit mobile version\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert result.returncode == 1  # the unsafe finding is left
    assert "a.txt:2:1: warning: NEWS391" in result.stdout and "LN201" not in result.stdout
    assert "Fixed 2 finding(s) in 1 file(s)." in result.stderr


def test_cli_unsafe_fixes_remove_the_block(run_cli, tmp_path, rules_dir):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Officials in kyiv said so.\nExit mobile version\nEnd.\n")
    result = run_cli("check", "--fix", "--unsafe-fixes", "a.txt", "--rules", rules_dir, "--extend-select", "NEWS", "--ignore", "LN3")
    assert path.read_bytes() == b"Officials in Kyiv said so.\nEnd.\n"
    assert result.returncode == 0, result.stderr
    assert "No findings in 1 file(s)." in result.stdout


def test_cli_unsafe_fixes_alone_is_a_usage_error(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("kyiv\n")
    result = run_cli("check", "--unsafe-fixes", "a.txt")
    assert result.returncode == 2
    assert "--unsafe-fixes applies with --fix or --diff" in result.stderr
    assert (tmp_path / "a.txt").read_text() == "kyiv\n"


@pytest.mark.parametrize("name,data,expected", [
    ("crlf.txt", b"In kyiv.\r\nAnd Kiev.\r\n", b"In Kyiv.\r\nAnd Kyiv.\r\n"),
    ("bom.md", b"\xef\xbb\xbfIn kyiv.\n", b"\xef\xbb\xbfIn Kyiv.\n"),
    ("utf16.txt", "\ufeffIn kyiv, caf\u00e9.\r\n".encode("utf-16-le"), "\ufeffIn Kyiv, caf\u00e9.\r\n".encode("utf-16-le")),
])
def test_cli_fix_keeps_encoding_bom_and_line_endings(run_cli, tmp_path, name, data, expected):
    (tmp_path / name).write_bytes(data)
    result = run_cli("check", "--fix", name)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_bytes() == expected


def test_cli_fix_in_a_legacy_encoding(run_cli, tmp_path):
    (tmp_path / "a.txt").write_bytes("Caf\u00e9 in Kiev.\n".encode("latin-1"))
    result = run_cli("check", "--fix", "--encoding", "latin-1", "a.txt")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.txt").read_bytes() == "Caf\u00e9 in Kyiv.\n".encode("latin-1")


def test_cli_diff_prints_the_change_and_writes_nothing(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Officials in kyiv said so.\nNothing else.\n")
    result = run_cli("check", "--diff", "a.txt")
    assert result.returncode == 1
    assert result.stdout == ("--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n"
                             "-Officials in kyiv said so.\n+Officials in Kyiv said so.\n Nothing else.\n")
    assert "Would fix 1 finding(s) in 1 file(s)." in result.stderr
    assert path.read_text() == "Officials in kyiv said so.\nNothing else.\n"
    run_cli("check", "--fix", "a.txt")
    again = run_cli("check", "--diff", "a.txt")
    assert (again.returncode, again.stdout) == (0, "")
    assert "No fixes available." in again.stderr


def test_cli_fix_on_stdin_prints_the_fixed_text(run_cli, tmp_path):
    data = "\ufeffOfficials in kyiv said so.\r\nKiev too.".encode("utf-8")
    result = run_cli("check", "--fix", "-", stdin=data)
    assert result.stdout == "\ufeffOfficials in Kyiv said so.\r\nKyiv too.".encode("utf-8")
    assert result.returncode == 0
    assert b"No findings" in result.stderr


def test_cli_fix_on_stdin_reports_what_is_left_on_stderr(run_cli, tmp_path, rules_dir):
    result = run_cli("check", "--fix", "-", "--rules", rules_dir, "--extend-select", "NEWS", "--ignore", "LN3", stdin="In kyiv.\nExit mobile version\n")
    assert result.stdout == "In Kyiv.\nExit mobile version\n"
    assert result.returncode == 1
    assert "-:2:1: warning: NEWS391" in result.stderr


# -- applicability: safe with --fix, unsafe with --unsafe-fixes, display-only never ---------

def test_applicability_decides_which_fixes_a_run_makes():
    text = "aa bb cc dd"
    findings = [finding(0, 2, "AA", SAFE), finding(3, 5, "BB", UNSAFE), finding(6, 8, "CC", DISPLAY_ONLY),
                # alternatives, best first: the hint is shown, the first fix allowed is made
                Finding("LN998", "test-rule", "style", Severity.WARNING, 9, 11, 1, 10, 1, 12, "dd", "msg",
                        (Fix.replace(9, 11, "D1", DISPLAY_ONLY), Fix.replace(9, 11, "D2", UNSAFE)))]
    assert fix_once(text, findings)[0] == "AA bb cc dd"
    assert fix_once(text, findings, unsafe=True)[0] == "AA BB cc D2"
    assert [f.fixable for f in findings] == [True, True, False, True]
    outcome = fix(text, findings, lambda new: [], unsafe=True)
    assert outcome.text == "AA BB cc D2" and outcome.fixed == 3


def test_the_edits_of_one_fix_are_made_together_or_not_at_all():
    from lintnews.finding import Edit as FindingEdit

    text = "say «no» now"
    both = Finding("LN999", "test-rule", "style", Severity.WARNING, 4, 8, 1, 5, 1, 9, "«no»", "msg",
                   (Fix((FindingEdit(4, 5, "“"), FindingEdit(7, 8, "”")), SAFE),))
    assert fix_once(text, [both])[0] == "say “no” now"
    # an edit of another finding inside the fix's stretch: the fix waits for the next pass
    inner = finding(5, 7, "NO", SAFE)
    new, edits, fixed = fix_once(text, [both, inner])
    assert (new, fixed) == ("say “no” now", 1)


def test_cli_never_applies_a_display_only_fix(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    text = "The explorer \u0412. K. Arsenyev mapped the coast.\n"
    path.write_text(text, encoding="utf-8")
    result = run_cli("check", "--fix", "--unsafe-fixes", "a.txt")
    assert path.read_text(encoding="utf-8") == text
    assert result.returncode == 1 and "LN101" in result.stdout
    assert "      = fix: replace with “B” (display-only)" in result.stdout
