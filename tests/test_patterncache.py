"""Patterns rebuilt from the store behave exactly as freshly compiled ones, and a
warm one-article run parses no pattern at all."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import regex

from lintnews.text import patterncache

from lintnews.run import tablecache
ROOT = Path(__file__).resolve().parent.parent

PATTERNS = [  # (source, flags, named lists)
    (r"(?<![\p{L}\p{N}])(?:\L<fw>)(?![\p{L}\p{N}])", regex.IGNORECASE, {"fw": ["per", "la", "und das"]}),
    (r"(?P<quote>[“”\"])(?P<body>[^“”\"]{1,40})(?P=quote)?", 0, {}),
    (r"(?x) \b (\p{Lu}\p{Ll}+) \s+ \1 \b  # a doubled capitalised word", 0, {}),
    (r"(?r)(?:\w+|\S)", 0, {}),
    (r"(?:kyiv|kiev){e<=1}", regex.BESTMATCH, {}),
    (r"\p{Script=Cyrillic}+", regex.VERSION1, {}),
]
RE_PATTERNS = [(r"(?P<a>[“”])\s+(\w+)", 8), (r"\b[A-Z][a-z]+(?=\s)", 0), ("[\ud800-\udfff]", 0)]
SAMPLE = "Per la Kyiv “quoted words” und das Київ kiev Kiev Kiev Mr Mr. Ä€ \udcff the end"

SCRIPT = textwrap.dedent("""
    import json, re, sys, regex
    from lintnews.text import patterncache
    if sys.argv[1] == "forbid-parsing":
        def refuse(*args, **kwargs):
            raise AssertionError("parsed a pattern")
        regex._main._compile = refuse
        re._compiler.compile = refuse
    out = []
    for source, flags, lists in json.loads(sys.argv[2]):
        p = patterncache.compile_regex(source, flags, **lists)
        out.append([p.pattern, int(p.flags), sorted(p.groupindex.items()),
                    [m.span() for m in p.finditer(sys.argv[4])], p.sub("<>", sys.argv[4])])
    for source, flags in json.loads(sys.argv[3]):
        p = patterncache.compile_re(source, flags)
        out.append([p.pattern, int(p.flags), sorted(p.groupindex.items()),
                    [m.span() for m in p.finditer(sys.argv[4])], p.sub("<>", sys.argv[4])])
    print(json.dumps(out))
""")


def _expected() -> list:
    import re

    out = []
    for source, flags, lists in PATTERNS:
        p = regex.compile(source, flags, **lists)
        out.append([p.pattern, int(p.flags), sorted(p.groupindex.items()),
                    [list(m.span()) for m in p.finditer(SAMPLE)], p.sub("<>", SAMPLE)])
    for source, flags in RE_PATTERNS:
        p = re.compile(source, flags)
        out.append([p.pattern, int(p.flags), sorted(p.groupindex.items()),
                    [list(m.span()) for m in p.finditer(SAMPLE)], p.sub("<>", SAMPLE)])
    return json.loads(json.dumps(out))


def _child(mode: str, cache: str) -> list:
    env = {**os.environ, tablecache.ENV: cache, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-c", SCRIPT, mode, json.dumps(PATTERNS), json.dumps(RE_PATTERNS), SAMPLE]
    result = subprocess.run(args, env=env, capture_output=True, text=True, errors="surrogateescape")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_stored_pattern_matches_as_the_compiled_one(tmp_path):
    cache = tmp_path / "tables"
    expected = _expected()
    assert _child("compile", str(cache)) == expected
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["patterns"]
    assert _child("forbid-parsing", str(cache)) == expected  # rebuilt without the parsers


def test_without_a_table_cache_nothing_is_kept(tmp_path):
    assert _child("compile", "") == _expected()
    with pytest.raises(AssertionError):  # nothing stored: the parser is needed again
        _child("forbid-parsing", "")


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_a_damaged_store_is_ignored(tmp_path, damage):
    cache = tmp_path / "tables"
    _child("compile", str(cache))
    (store,) = cache.iterdir()
    data = store.read_bytes()
    store.write_bytes(data[: len(data) // 2] if damage == "truncate" else b"\0junk" * 50)
    assert _child("compile", str(cache)) == _expected()
    assert _child("forbid-parsing", str(cache)) == _expected()  # the store was written again


def test_a_locale_flagged_pattern_is_not_stored(tmp_path, monkeypatch):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path))
    monkeypatch.setattr(patterncache, "_added", {})
    monkeypatch.setattr(patterncache, "_store", {})
    monkeypatch.setattr(patterncache, "_built", {})
    pattern = patterncache.compile_regex(rb"\w+", regex.LOCALE)
    assert pattern.findall(b"ab cd") == [b"ab", b"cd"]
    assert patterncache._added == {}
    patterncache.compile_regex(r"\w+ \d", 0)
    assert len(patterncache._added) == 1


def test_the_key_does_not_depend_on_how_often_its_parts_are_referenced():
    # marshal.dumps marks objects referenced more than once, so it would give
    # other bytes for the same parts: every run then missed a few patterns
    source = "".join(["(?:ab", "|cd)"])  # a fresh string, referenced once
    shared = [source] * 50
    assert patterncache._key("regex", "sig", 8192, source, 2, ()) == \
        patterncache._key("regex", "sig", 8192, str(shared[0]), 2, ()) == \
        patterncache._key("regex", "sig", 8192, "(?:ab|cd)", 2, ())


def test_patterns_without_the_python_half_of_regex(tmp_path):
    """A warm run builds its patterns from `regex`'s C module alone; the flag
    values and `escape` the modules use instead of `regex`'s are the same."""
    for name in ("ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "UNICODE", "VERBOSE",
                 "REVERSE", "VERSION0", "VERSION1", "I", "M", "S", "X", "R", "V0", "V1"):
        assert getattr(patterncache, name) == int(getattr(regex, name)), name
    for text in ("a.b", "x y\tz", "()[]{}?*+|^$\\.-#&~", "ü—«» ‘’", "", "Kyiv (Київ)"):
        assert patterncache.escape(text) == regex.escape(text)
    _child("compile", str(tmp_path))
    script = ("import sys\nfrom lintnews.text import patterncache\n"
              "p = patterncache.compile_regex(r'(?P<w>\\p{L}+)\\s+(\\d+)', patterncache.IGNORECASE)\n"
              "print(p.findall('Київ 12 x'), p.split('a 1 b'), sorted(m for m in sys.modules if m.startswith('regex')))\n")
    env = {**os.environ, tablecache.ENV: str(tmp_path), "PYTHONPATH": str(ROOT)}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert "'regex._main'" in first.stdout  # compiled by regex itself the first time
    assert again.stdout.strip() == "[('Київ', '12')] ['', 'a', '1', ' b'] ['regex._regex']"


def test_the_same_source_gives_the_same_object(tmp_path, monkeypatch):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path))
    monkeypatch.setattr(patterncache, "_built", {})
    first = patterncache.compile_regex(r"(?i)\bkyiv\b", 0)
    assert patterncache.compile_regex(r"(?i)\bkyiv\b", 0) is first
    assert patterncache.compile_regex(r"(?i)\bkyiv\b", regex.MULTILINE) is not first
    assert patterncache.compile_re(r"\d+") is patterncache.compile_re(r"\d+")


def test_a_warm_run_parses_no_pattern(tmp_path):
    article = tmp_path / "article.md"
    article.write_text("# Talks in kyiv\n\nThe the officials met in Kyiv on Monday, “and talked.\n\n"
                       "Кyiv and Kharkiv were named. Ã© is mojibake.\n", encoding="utf-8")
    env = {**os.environ, tablecache.ENV: str(tmp_path / "tables"), "PYTHONPATH": str(ROOT)}
    count = textwrap.dedent("""
        import importlib.util, os, re, sys, regex
        calls = []
        skip = (os.path.dirname(re.__file__), os.path.dirname(regex.__file__), "patterncache.py")
        package = os.path.dirname(importlib.util.find_spec("lintnews").origin) + os.sep

        def ours():  # the nearest caller outside re, regex and the store is lintnews
            frame = sys._getframe(2)
            while frame and frame.f_code.co_filename.startswith(skip[:2]) or (
                    frame and frame.f_code.co_filename.endswith(skip[2])):
                frame = frame.f_back
            return frame is not None and frame.f_code.co_filename.startswith(package)

        def counted(real):
            def compile(*args, **kwargs):
                if ours():
                    calls.append(args[0])
                return real(*args, **kwargs)
            return compile

        regex._main._compile = counted(regex._main._compile)
        re._compiler.compile = counted(re._compiler.compile)
        from lintnews.run.cli import main
        try:
            main(["check", "--no-cache", "--format", "json", sys.argv[1]])
        except SystemExit:
            pass
        print("PARSED", len(calls), calls, file=sys.stderr)
    """)
    runs = [subprocess.run([sys.executable, "-c", count, str(article)], env=env, capture_output=True, text=True)
            for _ in range(2)]
    cold, warm = (int(r.stderr.rsplit("PARSED", 1)[1].split()[0]) for r in runs)
    assert cold > 20 and warm == 0, (cold, warm)
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout)
    assert {f["rule"] for f in json.loads(runs[1].stdout)["files"][0]["findings"]} >= {"LN101", "LN201", "LN604"}
