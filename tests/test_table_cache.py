"""The table cache: tables kept between processes never change a finding.

A corrupt, truncated or stale table-cache file is ignored and rebuilt; a
folder that cannot be written only means nothing is kept; the tables read back
(rules, entity table, word list) equal the ones built from scratch.
"""
from __future__ import annotations

import json
import os
import stat
import zlib
from pathlib import Path

import pytest

from lintnews.run import tablecache

from lintnews.text import wordlist
from lintnews.families.names.entities import build_table
from lintnews.engine.rulefiles import BUILTIN_RULES, load_rules, load_rules_cached


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
    assert files == ["boilerplate", "entities", "figures", "rules", "words"]
    warm = _findings(run_cli, article, env=env)
    off = _findings(run_cli, article, env={tablecache.ENV: ""})
    assert cold == warm == off
    assert {"LN201", "LN202", "LN203", "LN605"} <= {f[0] for f in cold}


@pytest.mark.slow
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


@pytest.mark.slow
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


def test_cached_world_figures_equal_the_built_ones(monkeypatch, tmp_path):
    from lintnews.families.names.figures import Figures, figure_files, load_figures

    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    ruleset = load_rules_cached()
    built = Figures(figure_files(ruleset))
    for _ in range(2):  # the second round reads what the first stored
        cached = load_figures(ruleset)
        assert (cached.by_key, cached.by_sound) == (built.by_key, built.by_sound)
        assert all(f is None or type(f) is type(built.match("Sholts")) for f in cached.by_key.values())
    assert list((tmp_path / "tables").glob("figures-*.bin"))
    assert cached.match("Sholts").surname == "Scholz" and cached.match("Scholz") is None


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

