"""Start-up: tables kept between processes or built lazily never change a finding.

A corrupt, truncated or stale table-cache file is ignored and rebuilt; a
folder that cannot be written only means nothing is kept; the tables read back
(rules, entity table, word list) equal the ones built from scratch; the
uncompiled stand-ins for big patterns find what the patterns find.
"""
from __future__ import annotations

import ast
import json
import os
import re
import stat
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.run import tablecache

from lintnews.text import wordlist
from lintnews.kinds.common import (
    _LEFT_BOUNDARY, _RIGHT_BOUNDARY, WordStartTerms, starts_word, term_pattern, trie_pattern,
)
from lintnews.families.names.entities import build_table
from lintnews.engine.rulefiles import BUILTIN_RULES, load_rules, load_rules_cached
from lintnews.text.termindex import BoundedTerms

ARTICLE = (
    "Kiev.- Officials in kyiv said the mayor of Kharkov spoke , and Maria Zajarova "
    "said the attack “would not go unanswered. Residents of Kharkiv and Kyiv "
    "spoke to the Benedettowho reporters.\n"
)
RULE = """
[[rule]]
code = "NEWS101"
name = "house-word"
kind = "substitution"
category = "style"
severity = "warning"
summary = "The house writes {new}."
[rule.swap]
"{old}" = "{new}"
[[rule.examples]]
text = "The {old} came."
expect = ["NEWS101"]
[[rule.examples]]
text = "The {new} came."
"""


def _findings(run_cli, folder: Path, *args: str, env=None) -> list[tuple]:
    result = run_cli("check", "--no-cache", "--format", "json", *args, "article.txt", cwd=folder, env=env)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return [(f["rule"], f["offset"], f["end_offset"], f["message"])
            for item in report["files"] for f in item["findings"]]


def _intact(path: Path) -> bool:
    data = path.read_bytes()
    magic, key, crc = tablecache._HEADER.unpack_from(data)
    return (magic == tablecache.MAGIC and key.hex().startswith(path.stem.rsplit("-", 1)[1])
            and zlib.crc32(data[tablecache._HEADER.size:]) == crc)


@pytest.fixture
def article(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_warm_cold_and_no_cache_give_the_same_findings(run_cli, article, tmp_path):
    cache = tmp_path / "tables"
    env = {tablecache.ENV: str(cache)}
    cold = _findings(run_cli, article, env=env)
    files = sorted(p.name.split("-")[0] for p in cache.iterdir())
    assert files == ["boilerplate", "entities", "patterns", "rules", "words"]
    warm = _findings(run_cli, article, env=env)
    off = _findings(run_cli, article, env={tablecache.ENV: ""})
    assert cold == warm == off
    assert {"LN201", "LN202", "LN203", "LN605"} <= {f[0] for f in cold}


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_cache_file_is_rebuilt(run_cli, article, tmp_path, damage):
    cache = tmp_path / "tables"
    env = {tablecache.ENV: str(cache)}
    expected = _findings(run_cli, article, env=env)
    good = {p: p.read_bytes() for p in cache.iterdir()}
    for path, data in good.items():
        if damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "flip":  # same length, one byte changed in the payload
            middle = len(data) // 2
            path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1:])
        elif damage == "garbage":
            path.write_bytes(b"\x00not a table" * 100)
        else:
            path.write_bytes(b"")
    result = run_cli("check", "--no-cache", "--format", "json", "article.txt", cwd=article, env=env)
    assert "Traceback" not in result.stderr
    assert _findings(run_cli, article, env=env) == expected
    assert sorted(cache.iterdir()) == sorted(good) and all(map(_intact, cache.iterdir()))


def test_a_changed_rule_file_is_not_served_from_the_cache(run_cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (tmp_path / ".lintnews.toml").write_text('rules = ["rules"]\n', encoding="utf-8")
    (tmp_path / "article.txt").write_text("The gadget came, then the widget.\n", encoding="utf-8")
    env = {tablecache.ENV: str(tmp_path / "tables")}
    (rules / "house.toml").write_text(RULE.format(old="gadget", new="device"), encoding="utf-8")
    first = [f for f in _findings(run_cli, tmp_path, env=env) if f[0] == "NEWS101"]
    assert [(s, e) for _r, s, e, _m in first] == [(4, 10)]
    (rules / "house.toml").write_text(RULE.format(old="widget", new="device"), encoding="utf-8")
    second = [f for f in _findings(run_cli, tmp_path, env=env) if f[0] == "NEWS101"]
    assert [(s, e) for _r, s, e, _m in second] == [(26, 32)]


def test_a_cache_folder_that_cannot_be_written_still_lints(run_cli, article, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    expected = _findings(run_cli, article, env={tablecache.ENV: ""})
    result = run_cli("check", "--no-cache", "--format", "json", "article.txt", cwd=article,
                     env={tablecache.ENV: str(blocker / "tables")})
    assert result.returncode == 1 and result.stderr == ""
    assert _findings(run_cli, article, env={tablecache.ENV: str(blocker / "tables")}) == expected


def test_a_read_only_cache_folder_is_read_but_not_written(monkeypatch, tmp_path):
    cache = tmp_path / "tables"
    monkeypatch.setenv(tablecache.ENV, str(cache))
    tablecache.write("probe", b"k" * 32, b"payload")
    assert tablecache.read("probe", b"k" * 32) == b"payload"
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        tablecache.write("other", b"k" * 32, b"payload")  # no error, whoever runs the tests
        assert tablecache.read("probe", b"k" * 32) == b"payload"
        assert tablecache.read("probe", b"x" * 32) is None  # another key is a miss
    finally:
        cache.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("size", [100, tablecache.MAP_FROM + 17])  # read, and mapped
def test_a_stored_table_reads_back_and_a_damaged_one_is_refused(monkeypatch, tmp_path, size):
    import mmap

    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    payload = bytes(range(256)) * (size // 256) + b"end"
    tablecache.write("probe", b"k" * 32, payload)
    view = tablecache.read("probe", b"k" * 32)
    assert view == payload and isinstance(view.obj, mmap.mmap) == (size >= tablecache.MAP_FROM)
    del view
    path = tablecache.path_for("probe", b"k" * 32)
    data = bytearray(path.read_bytes())
    data[-2] ^= 0x20  # one bit of the payload
    path.write_bytes(bytes(data))
    assert tablecache.read("probe", b"k" * 32) is None
    path.write_bytes(bytes(data[: len(data) // 2]))  # cut short
    assert tablecache.read("probe", b"k" * 32) is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_table_file_owned_by_another_user_is_not_read(monkeypatch, tmp_path):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    tablecache.write("probe", b"k" * 32, b"payload")
    assert tablecache.read("probe", b"k" * 32) == b"payload"
    os.chown(tablecache.path_for("probe", b"k" * 32), 4242, -1)
    assert tablecache.read("probe", b"k" * 32) is None


def test_cached_rules_and_entities_equal_the_built_ones(monkeypatch, tmp_path):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    built = load_rules((BUILTIN_RULES,))
    for _ in range(2):  # the second round reads what the first stored
        cached = load_rules_cached()
        assert cached.cache_key is not None
        assert (cached.entries, cached.tables, cached.files) == (built.entries, built.tables, built.files)
        table, fresh = cached.data.entities, build_table(built)
        assert table.hits == fresh.hits and set(table.known) == set(fresh.known)
        assert table.near_forms == fresh.near_forms and table.entities == fresh.entities


def test_the_stored_word_table_answers_like_the_dict(monkeypatch, tmp_path):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    wordlist._frequencies.cache_clear()
    try:
        built = wordlist.frequencies("ru")  # the smallest list
        wordlist._frequencies.cache_clear()
        stored = wordlist.frequencies("ru")
        assert isinstance(built, dict) and isinstance(stored, wordlist.WordTable)
        assert len(stored) == len(built) and dict(stored.items()) == built
        assert stored.get("no such word") is None and "no such word" not in stored
        assert stored.get(42, 0) == 0 and "\ud800" not in stored
        probes = list(built)[:50] + ["no such word", "Москва", ""]
        answers = [stored.get(w) for w in probes]
        stored._lookups = wordlist.PROMOTE_AFTER  # a corpus run: a dict answers from now on
        assert [stored.get(w) for w in probes] == answers
        assert wordlist.frequencies("ru") == built and isinstance(wordlist.frequencies("ru"), dict)
    finally:
        wordlist._frequencies.cache_clear()


def test_frequencies_is_one_table_whatever_the_call():
    assert wordlist.frequencies() is wordlist.frequencies("en")


_TERMS = ["Kyiv", "Kyiv Metro", "Kiev", "KIEV", "Igor Klymenko", "O'Brien", "-Kyiv",
          "’s", "ab", "ab cd", "cd", "Kyïv", "İstanbul", "cd-ab ab", "Sr."]
_ALPHABET = list("abcdKyivKIEVO'Brien-’s İstanbulïSr\u0301\u200c_1. \n")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join))
def test_bounded_terms_find_what_the_trie_pattern_finds(text):
    pattern = re.compile(_LEFT_BOUNDARY + "(?:" + trie_pattern(_TERMS) + ")" + _RIGHT_BOUNDARY)
    index = BoundedTerms(_TERMS)
    assert [m.span() for m in index.finditer(text)] == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join))
def test_word_start_terms_give_a_word_start_caller_the_same_matches(text):
    def kept(matches):
        return [m.span() for m in matches if starts_word(text, m.start()) or text[m.start() - 1] == "-"]

    # the terms between word boundaries, as the trie pattern with a left boundary finds them
    bounded = re.compile(_LEFT_BOUNDARY + "(?:" + trie_pattern(_TERMS) + ")" + _RIGHT_BOUNDARY)
    assert kept(WordStartTerms(_TERMS).finditer(text)) == kept(bounded.finditer(text))
    old = kept(term_pattern(_TERMS).finditer(text))  # also matched inside words
    new = kept(WordStartTerms(_TERMS).finditer(text))
    # A match inside a word hid one at the next word start; no longer: where
    # the old pattern found a term at a word start, a term is found there
    # too, or one from an earlier word start runs into it (the old pattern's
    # matches inside a word shifted where its later matches began: in
    # `Kyivcd-ab ab cd` it found `cd`, the new finds `ab cd` holding it).
    assert all(any(s < o_end and o_start < e for s, e in new) for o_start, o_end in old)


@pytest.mark.parametrize("text, old, new", [
    ("Kyivcd-ab ab cd", (13, 15), (10, 15)),  # found by the property above: `ab cd` holds `cd`
    ("Kyivcd-ab ab cd-ab ab", (13, 21), (10, 15)),  # ... and `cd-ab ab` overlaps `ab cd`
])
def test_a_word_start_match_may_take_the_place_of_the_old_patterns(text, old, new):
    found = [m.span() for m in WordStartTerms(_TERMS).finditer(text)]
    assert new in found and old not in found
    assert old in [m.span() for m in term_pattern(_TERMS).finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join))
def test_word_start_terms_find_the_same_in_a_large_text_by_the_compiled_pattern(text):
    small = WordStartTerms(_TERMS)
    large = WordStartTerms(_TERMS)
    large.LARGE_TEXT = 0  # every text counts as large: the compiled pattern's path
    assert [m.span() for m in large.finditer(text)] == [m.span() for m in small.finditer(text)]
    if any(m for m in large.finditer(text)):
        assert large._pattern is not None and large._index is None


def test_a_match_inside_a_word_no_longer_hides_a_name_at_the_next_word():
    terms = ["iv kharkiv", "kharkiv"]
    text = "kyiv kharkiv"
    assert [m.span() for m in term_pattern(terms).finditer(text)] == [(2, 12)]  # inside "kyiv": dropped
    assert [m.span() for m in WordStartTerms(terms).finditer(text)] == [(5, 12)]


def test_word_start_terms_build_nothing_for_a_text_that_cannot_match():
    terms = WordStartTerms(["kyiv", "kryvyi rih"])
    assert list(terms.finditer("Officials in Kyiv and Kryvyi Rih.")) == []
    assert terms._index is None
    assert [m.span() for m in terms.finditer("in kryvyi rih")] == [(3, 13)]
    assert terms._index is not None
    phrase = WordStartTerms(["in the framework of"])  # gated by its longest word
    assert list(phrase.finditer("in the end, in the city of")) == [] and phrase._index is None
    assert [m.span() for m in phrase.finditer("in the framework of")] == [(0, 19)]
    punctuation = WordStartTerms(["--"])  # no word to look for: never gated
    assert [m.span() for m in punctuation.finditer("a -- b")] == [(2, 4)]
    words = frozenset({"in", "kryvyi", "rih"})  # a Document's word set saves finding the runs again
    assert [m.span() for m in terms.finditer("in kryvyi rih", words)] == [(3, 13)]


def test_the_near_index_built_per_letter_finds_the_closest_form():
    from lintnews.families.names.near import NearIndex, distance, max_edits

    forms = ["kharkiv", "kherson", "kramatorsk", "mariupol", "melitopol", "zaporizhzhia", "zakharova"]
    index = NearIndex(forms)
    for word in ["kharkovk", "khersonn", "kramatorks", "mariupl", "melitopolia", "zaporozhye",
                 "zajarova", "odesa", "", "k"]:
        limit = max_edits(len(word))
        close = [(distance(word, f, limit), f) for f in forms if word and f[0] == word[0]]
        close = [(d, f) for d, f in close if d <= min(limit, max_edits(len(f)))]
        found = index.nearest(word)
        if not close:
            assert found is None, word
        else:
            assert found is not None and found[1] == min(close)[0] and (found[1], found[0]) in close
    assert set(index._by_letter) <= {"k", "m", "z", "o"}


def test_a_lazy_pattern_compiles_on_first_use_and_answers_like_the_pattern():
    import regex

    from lintnews.text.lazy import lazy_re, lazy_regex

    source, words = r"(?<!\w)\L<words>(?!\w)", ["kyiv", "kharkiv"]
    lazy = lazy_regex(source, regex.IGNORECASE, words=words)
    assert "_compiled" not in vars(lazy)
    eager = regex.compile(source, regex.IGNORECASE, words=words)
    text = "Kyiv and KHARKIV, not Kyivan."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)] == [(0, 4), (9, 16)]
    assert isinstance(lazy.compiled(), regex.Pattern) and lazy.compiled() is lazy.compiled()
    assert (lazy.pattern, lazy.flags) == (eager.pattern, eager.flags)
    assert lazy.sub("X", text) == eager.sub("X", text) and lazy.search("in kyiv").span() == (3, 7)
    plain = lazy_re(r"\d+")
    assert plain.findall("a 12 b 3") == ["12", "3"] and plain.split("a1b") == ["a", "b"]
    assert plain.fullmatch("42") and not plain.match("x42")
    with pytest.raises(AttributeError):
        plain._no_such_attribute


def test_importing_the_checks_compiles_no_lazy_pattern():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import lintnews.run.cli, lintnews.engine.lint, lintnews.markup.html, lintnews.markup.markdown\n"
        "from lintnews.text.lazy import LazyPattern\n"
        "from lintnews.engine.lint import python_checks\n"
        "python_checks()\n"
        "lazy = [(m, k) for m, mod in list(sys.modules.items()) if m.startswith('lintnews')\n"
        "        for k, v in vars(mod).items() if isinstance(v, LazyPattern)]\n"
        "done = [x for x in lazy if '_compiled' in vars(getattr(sys.modules[x[0]], x[1]))]\n"
        "print(len(lazy), done)\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(root)}, check=True).stdout.split(" ", 1)
    assert int(out[0]) > 40 and out[1].strip() == "[]"


def _foreign_look_ungated(word):
    """`names.foreign.foreign_look` as it was before its cheap gate (patterns compiled up front)."""
    import regex

    from lintnews.families.names.foreign import _plain

    low = word.lower()
    plain = _plain(low)
    if regex.search(r"\p{Ll}(?:jov|jova|jev|jeva|jenko|jenka)$", plain):
        return "Spanish", "a Spanish “j” where English writes “kh”"
    accent = regex.search(r"[áéíóú]", low)
    if accent and regex.search(r"(?:ov|ova|ev|eva|yov|yova|enko|ko|sky|ski|skiy|skyi|skaya|uk|yuk|chuk|ich|vich|"
                               r"ei|iy|yi|insk|ansk|ensk|orsk|grad|gorod|ivka|ovka|iv)$", plain):
        return "Spanish", f"a Spanish accent ({accent.group()}) on a Slavic name"
    if "schtsch" in plain:
        return "German", "German “schtsch” where English writes “shch”"
    german_end = regex.search(r"(?:ow|owa|ew|ewa|jew|jewa|ij|yj|ja|aw|uk|enko|in|ina)$", plain)
    if regex.search(r"tsch[aeiouj]", plain) and (low.startswith("w") or german_end):
        return "German", "German “tsch” where English writes “ch”"
    if low.startswith("w") and german_end and regex.search(r"(?:ij|yj|jew|jewa)$", plain):
        return "German", "a German “W” and ending where English writes “V”"
    return None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["W", "w", "j", "J", "tsch", "sch", "ov", "ova", "enko", "ij", "jew", "a", "e",
                                 "i", "o", "u", "k", "á", "é", "É", "ó", "a\u0301", "ew", "in", "Sajar", "ko"]),
                min_size=1, max_size=8).map("".join))
def test_foreign_look_gate_changes_no_answer(word):
    from lintnews.families.names.foreign import foreign_look

    assert foreign_look(word) == _foreign_look_ungated(word)
    for name in ("Tkajenko", "Serguéi", "Wjatscheslaw", "Schtschukin", "Wladyslaw", "Jiménez", "Kharkiv"):
        assert foreign_look(name) == _foreign_look_ungated(name)


CLEAN_ARTICLE = """# Council approves the new bus routes

The city council voted on Tuesday to approve three new bus routes, the mayor's
office said in a statement. The routes will link the northern suburbs with the
central station and are expected to start running in the spring.

"We have listened to residents," the transport director told reporters. The
plan, which costs about $4 million, was first proposed two years ago.

Opposition members said the money could have been spent on repairing roads,
but the vote passed by a wide margin.
"""
#: Modules a `check` of one clean ASCII Markdown article never needs: the
#: diff of a mojibake repair, git for folder walks, the atomic writer for -o,
#: worker signals, HTML entities, the language detectors and the encoding
#: fixer, the config parser (no config, tables from the table cache), JSON,
#: OpenSSL (the table cache's keys use Python's own SHA-256), and `inspect`
#: with `ast` and `dis` (what `dataclasses` and `pkgutil.iter_modules` import),
#: `typing` (annotations only) and `threading` (the pattern store's one lock).
#: (`tempfile` and `zipfile` are not listed: this machine's `site` hook imports them.)
NOT_IMPORTED = ("difflib", "subprocess", "lintnews.engine.atomic", "signal", "html", "html.entities",
                "langdetect", "lingua", "ftfy", "tomllib", "json", "multiprocessing",
                "lintnews.engine.fixes", "lintnews.markup.html", "hashlib", "_hashlib",
                "dataclasses", "inspect", "ast", "dis", "pkgutil", "typing", "threading")


def test_the_collector_paused_for_start_up_runs_again_after_it(tmp_path, monkeypatch):
    import gc

    from lintnews.run import gcpause
    from lintnews.run.cli import main

    assert gc.isenabled()
    gcpause.pause()
    assert not gc.isenabled()
    gcpause.pause()  # a second pause changes nothing
    gcpause.resume()
    assert gc.isenabled()
    gc.disable()  # the caller's own choice is left alone
    try:
        gcpause.pause()
        gcpause.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
    (tmp_path / "article.md").write_text(CLEAN_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(tablecache.ENV, "")
    assert main(["check", "--no-cache", "article.md"]) == 0 and gc.isenabled()
    assert main(["rules"]) == 0 and gc.isenabled()  # no rules built: resumed on the way out


def test_the_table_cache_hashes_like_hashlib():
    import hashlib

    for data in (b"", b"lintnews", bytes(range(256)) * 40):
        assert tablecache.sha256(data).digest() == hashlib.sha256(data).digest()
    h = tablecache.sha256(b"a")
    h.update(b"b")
    assert h.hexdigest() == hashlib.sha256(b"ab").hexdigest()


def test_the_parser_needs_no_shutil_and_formats_help_as_argparse_does(monkeypatch):
    import argparse
    import subprocess
    import sys

    from lintnews.run import cli
    root = Path(__file__).resolve().parent.parent
    code = ("import sys\nbefore = 'shutil' in sys.modules\nfrom lintnews.run.cli import build_parser\n"
            "build_parser().parse_args(['check', 'a.md'])\nprint(before or 'shutil' not in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(root)}, check=True).stdout
    assert out.strip() == "True"
    for columns in ("40", "132"):
        monkeypatch.setenv("COLUMNS", columns)
        parser = cli.build_parser()
        check = parser._subparsers._group_actions[0].choices["check"]
        ours = check.format_help()
        check._get_formatter = argparse.ArgumentParser._get_formatter.__get__(check)  # argparse's own
        assert ours == check.format_help() and "--no-cache" in ours


def test_a_long_running_command_gets_the_collector_back(monkeypatch):
    import gc
    import types

    from lintnews.run import cli

    from lintnews.run import gcpause
    seen = []
    fake = types.ModuleType("fake_server")
    fake.main = lambda argv: seen.append(gc.isenabled()) or 0
    monkeypatch.setitem(__import__("sys").modules, "fake_server", fake)
    monkeypatch.setitem(cli.EXTRA_COMMANDS, "server", "fake_server")
    gcpause.pause()  # as `python -m lintnews` does before its imports
    assert cli.main(["server"]) == 0
    assert seen == [True] and gc.isenabled()
