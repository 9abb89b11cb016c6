"""Hostile files on a shared machine (issue 25): caches and `--fix` cannot be redirected.

Each test plants what an attacker or a careless user would (a symlink named
as a cache entry, a FIFO, a link out of the linted tree, a read-only or
hard-linked file) and shows the defence.
"""
from __future__ import annotations

import json
import os
import stat
import threading

import pytest

from lintnews.config import Config
from lintnews.engine import atomic
from lintnews.finding import Finding
from lintnews.run.cache import Cache
from lintnews.run.private import folder_problem, open_private, read_private

DAMAGED = b"Officials in kyiv said so.\n"
FIXED = b"Officials in Kyiv said so.\n"


def within(seconds, fn, *args):
    """fn(*args) in a thread; fails (instead of hanging the suite) if it blocks."""
    box = {}

    def call():
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller
            box["error"] = exc

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{fn.__name__} blocked"
    if "error" in box:
        raise box["error"]
    return box.get("value")


def a_finding(offset=13, end=17):
    return Finding(rule="LN201", name="x", category="names", severity="warning", offset=offset,
                   end_offset=end, line=1, column=offset + 1, end_line=1, end_column=end + 1,
                   excerpt="kyiv", message="m")


# -- the findings cache (.lintnews_cache) ---------------------------------------------------

def stored_entry(folder):
    cache = Cache(folder)
    key = cache.key(DAMAGED, "a.txt", Config(), None)
    cache.put(key, [a_finding()])
    version, name = key
    return cache, key, folder / version / name[:2] / f"{name}.json"


def test_cache_folders_are_private(tmp_path):
    _cache, _key, entry = stored_entry(tmp_path / "c")
    for folder in (tmp_path / "c", entry.parent.parent, entry.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_cache_entry_round_trips_and_is_checked_against_the_text(tmp_path):
    cache, key, _entry = stored_entry(tmp_path / "c")
    assert [f.offset for f in Cache(tmp_path / "c").get(key, DAMAGED.decode())] == [13]
    assert Cache(tmp_path / "c").get(key, "short") is None  # an offset outside the text: a miss


def test_a_symlinked_cache_entry_is_not_read(tmp_path):
    cache, key, entry = stored_entry(tmp_path / "c")
    planted = tmp_path / "planted.json"  # a file of mine, with bytes someone else chose
    planted.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(planted)
    assert Cache(tmp_path / "c").get(key, DAMAGED.decode()) is None


def test_a_cache_entry_is_never_written_through_a_link(tmp_path):
    cache, key, entry = stored_entry(tmp_path / "c")
    dotfile = tmp_path / "bashrc"
    dotfile.write_bytes(b"export PATH=/usr/bin\n")
    entry.unlink()
    entry.symlink_to(dotfile)
    Cache(tmp_path / "c").put(key, [a_finding()])
    assert dotfile.read_bytes() == b"export PATH=/usr/bin\n"


def test_a_fifo_in_place_of_a_cache_entry_does_not_hang(tmp_path):
    cache, key, entry = stored_entry(tmp_path / "c")
    entry.unlink()
    os.mkfifo(entry)
    assert within(5, Cache(tmp_path / "c").get, key, DAMAGED.decode()) is None


def test_an_entry_moved_to_another_key_is_a_miss(tmp_path):
    cache, key, entry = stored_entry(tmp_path / "c")
    other = Cache(tmp_path / "c").key(b"Other text.\n", "b.txt", Config(), None)
    moved = tmp_path / "c" / other[0] / other[1][:2] / f"{other[1]}.json"
    moved.parent.mkdir(mode=0o700, exist_ok=True)
    moved.write_bytes(entry.read_bytes())
    assert Cache(tmp_path / "c").get(other, "Other text.\n") is None


def test_an_entry_with_values_of_the_wrong_type_is_a_miss(tmp_path):
    cache, key, entry = stored_entry(tmp_path / "c")
    data = json.loads(entry.read_bytes())
    data["findings"][0]["offset"] = "13"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert Cache(tmp_path / "c").get(key, DAMAGED.decode()) is None


def test_a_folder_others_can_write_to_is_refused(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    assert "can be written by other users" in folder_problem(folder)
    cache = Cache(folder)
    key = cache.key(DAMAGED, "a.txt", Config(), None)
    cache.put(key, [a_finding()])
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_file_or_folder_of_another_user_is_refused(tmp_path):
    mine = tmp_path / "mine.bin"
    mine.write_bytes(b"data")
    assert read_private(mine) == b"data"
    os.chown(mine, 4321, 4321)
    assert open_private(mine) is None
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    os.chown(folder, 4321, 4321)
    assert "belongs to another user" in folder_problem(folder)


def test_the_cli_warns_once_about_a_shared_cache_folder(run_cli, tmp_path):
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    shared = tmp_path / "cache"
    shared.mkdir()
    shared.chmod(0o777)
    result = run_cli("check", "a.txt", env={"LINTNEWS_CACHE_DIR": str(shared)})
    assert result.returncode == 1
    assert result.stderr.count("can be written by other users") == 1
    assert list(shared.iterdir()) == []


# -- --fix stays in the tree and keeps what it cannot change ----------------------------------

def test_fix_does_not_follow_a_link_out_of_the_tree(run_cli, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    dotfile = outside / "dotfile"
    dotfile.write_bytes(b"Secret notes: kyiv.\n")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "README.md").symlink_to("../outside/dotfile")
    (tree / "a.md").write_bytes(DAMAGED)
    (tree / "inside.md").symlink_to("a.md")
    result = run_cli("check", "tree", "--fix")
    assert dotfile.read_bytes() == b"Secret notes: kyiv.\n"
    assert "tree/README.md: a symlink to" in result.stderr and "outside the folders" in result.stderr
    assert (tree / "a.md").read_bytes() == FIXED  # a link inside the tree is fine
    assert (tree / "inside.md").is_symlink()
    report = run_cli("check", "tree", "--no-cache")
    assert "Secret notes" not in report.stdout  # nor are its excerpts printed


def test_fix_refuses_a_read_only_file_unless_asked(run_cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(DAMAGED)
    path.chmod(0o444)
    refused = run_cli("check", "a.md", "--fix")
    assert path.read_bytes() == DAMAGED
    assert refused.returncode == 2
    assert "a.md: is read-only; not written (--fix-read-only writes it anyway)" in refused.stderr
    allowed = run_cli("check", "a.md", "--fix", "--fix-read-only")
    assert path.read_bytes() == FIXED, allowed.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_fix_does_not_split_hard_links(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(DAMAGED)
    os.link(path, tmp_path / "b.md")
    with pytest.raises(atomic.RefusedError, match="has 2 hard links"):
        atomic.atomic_write(path, FIXED, DAMAGED)
    assert path.read_bytes() == (tmp_path / "b.md").read_bytes() == DAMAGED


def test_fix_refuses_a_fifo(tmp_path):
    path = tmp_path / "a.md"
    os.mkfifo(path)
    with pytest.raises(atomic.RefusedError, match="not a regular file"):
        within(5, atomic.atomic_write, path, FIXED, DAMAGED)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_fix_keeps_the_owner(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(DAMAGED)
    os.chown(path, 4321, 4322)
    atomic.atomic_write(path, FIXED, DAMAGED)
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322) and path.read_bytes() == FIXED


def test_fix_refuses_an_owner_it_cannot_keep(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(DAMAGED)
    real_inspect = atomic._inspect

    def inspect(*args):  # the file belongs to someone else, as for a user who is not root
        info = real_inspect(*args)
        return os.stat_result((*info[:4], info.st_uid + 1, *info[5:]))

    def fchown(fd, uid, gid):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic, "_inspect", inspect)
    monkeypatch.setattr(os, "fchown", fchown)
    with pytest.raises(atomic.RefusedError, match="cannot keep"):
        atomic.atomic_write(path, FIXED, DAMAGED)
    assert path.read_bytes() == DAMAGED and os.listdir(tmp_path) == ["a.md"]


def test_fix_keeps_extended_attributes(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(DAMAGED)
    try:
        os.setxattr(path, "user.origin", b"wire")
    except OSError:
        pytest.skip("no user extended attributes on this file system")
    atomic.atomic_write(path, FIXED, DAMAGED)
    assert os.getxattr(path, "user.origin") == b"wire" and path.read_bytes() == FIXED


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write any folder")
def test_a_read_only_folder_is_named_as_the_reason(tmp_path):
    from lintnews.engine.fixes import FixError, write_atomic

    path = tmp_path / "a.md"
    path.write_bytes(DAMAGED)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(FixError, match="its folder .* cannot be written"):
            write_atomic(path, FIXED, DAMAGED, "a.md")
    finally:
        tmp_path.chmod(0o755)


# -- the table cache (rules, names, word lists) -------------------------------------------

def test_a_table_cache_file_holding_a_pickle_runs_no_code(monkeypatch, tmp_path):
    import pickle
    import zlib

    from lintnews.engine.rulefiles import BUILTIN_RULES, load_rules, load_rules_cached
    from lintnews.run import tablecache

    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    key = load_rules_cached().cache_key
    path = tablecache.path_for("rules", key)
    data = pickle.dumps(Payload())
    path.write_bytes(tablecache._HEADER.pack(tablecache.MAGIC, key, zlib.crc32(data)) + data)
    cached = load_rules_cached()
    assert not marker.exists()
    assert cached.entries == load_rules((BUILTIN_RULES,)).entries


def test_a_symlinked_table_cache_file_is_not_read(monkeypatch, tmp_path):
    from lintnews.run import tablecache

    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    tablecache.write("probe", b"k" * 32, b"payload")
    path = tablecache.path_for("probe", b"k" * 32)
    planted = tmp_path / "fixture.bin"  # a file of mine, holding what someone else wrote
    planted.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(planted)
    assert tablecache.read("probe", b"k" * 32) is None


def test_a_table_cache_link_is_never_written_through(monkeypatch, tmp_path):
    from lintnews.run import tablecache

    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    tablecache.write("probe", b"k" * 32, b"payload")
    path = tablecache.path_for("probe", b"k" * 32)
    bashrc = tmp_path / "bashrc"
    bashrc.write_bytes(b"alias ll='ls -l'\n")
    path.unlink()
    path.symlink_to(bashrc)
    tablecache.write("probe", b"k" * 32, b"other payload")
    assert bashrc.read_bytes() == b"alias ll='ls -l'\n"


def test_a_fifo_table_cache_file_does_not_hang(monkeypatch, tmp_path):
    from lintnews.run import tablecache

    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    tablecache.write("probe", b"k" * 32, b"payload")
    path = tablecache.path_for("probe", b"k" * 32)
    path.unlink()
    os.mkfifo(path)
    assert within(5, tablecache.read, "probe", b"k" * 32) is None


def test_a_shared_table_cache_folder_is_refused_with_a_message(run_cli, tmp_path):
    shared = tmp_path / "team-cache"
    shared.mkdir()
    shared.chmod(0o777)
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    result = run_cli("check", "--no-cache", "a.txt", env={"LINTNEWS_TABLE_CACHE_DIR": str(shared)})
    assert result.returncode == 1 and "LN201" in result.stdout
    assert result.stderr.count(f"the cache folder {shared} can be written by other users") == 1
    assert list(shared.iterdir()) == []


def test_the_table_cache_folder_is_created_private(monkeypatch, tmp_path):
    from lintnews.run import tablecache

    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "new" / "tables"))
    tablecache.write("probe", b"k" * 32, b"payload")
    assert stat.S_IMODE((tmp_path / "new" / "tables").stat().st_mode) == 0o700
