"""No lost text: `atomic_write` leaves the original intact whatever goes wrong."""
from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from lintnews.engine import atomic
from lintnews.engine.atomic import FileChangedError, atomic_write

from conftest import ROOT

ORIGINAL = "Officials in kyiv said so.\r\nSecond line.\r\n".encode()
FIXED = "Officials in Kyiv said so.\r\nSecond line.\r\n".encode()


@pytest.fixture(params=["tmpfile", "named"])
def mode(request, monkeypatch):
    """Run each test with the anonymous O_TMPFILE and with a named temp file."""
    if request.param == "tmpfile" and not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE on this system")
    monkeypatch.setattr(atomic, "USE_TMPFILE", request.param == "tmpfile")
    return request.param


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.md"
    path.write_bytes(ORIGINAL)
    path.chmod(0o640)
    return path


def assert_untouched(path):
    assert path.read_bytes() == ORIGINAL
    assert os.listdir(path.parent) == [path.name], "a temporary file was left behind"


def test_writes_new_bytes_and_keeps_mode(article, mode):
    atomic_write(article, FIXED, ORIGINAL)
    assert article.read_bytes() == FIXED
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert os.listdir(article.parent) == ["article.md"]


def test_new_file_without_expected_original(tmp_path, mode):
    path = tmp_path / "new.txt"
    atomic_write(path, b"hello", None)
    assert path.read_bytes() == b"hello"
    assert os.listdir(tmp_path) == ["new.txt"]


def test_a_symlink_is_refused_never_written_through(article, mode):
    link = article.parent / "link.md"
    link.symlink_to(article.name)
    with pytest.raises(atomic.RefusedError, match="symbolic link"):
        atomic_write(link, FIXED, ORIGINAL)
    assert link.is_symlink() and os.readlink(link) == article.name
    assert article.read_bytes() == ORIGINAL


def test_refuses_when_file_changed_on_disk(article, mode):
    article.write_bytes(ORIGINAL + b"An editor added this.\r\n")
    with pytest.raises(FileChangedError, match="article.md: changed on disk since lintnews read it"):
        atomic_write(article, FIXED, ORIGINAL)
    assert article.read_bytes() == ORIGINAL + b"An editor added this.\r\n"
    assert os.listdir(article.parent) == ["article.md"]


def test_refuses_when_file_changed_same_size(article, mode):
    changed = ORIGINAL.replace(b"Second", b"Fourth")
    article.write_bytes(changed)
    with pytest.raises(FileChangedError):
        atomic_write(article, FIXED, ORIGINAL)
    assert article.read_bytes() == changed


def test_refuses_when_file_deleted(article, mode):
    article.unlink()
    with pytest.raises(FileChangedError):
        atomic_write(article, FIXED, ORIGINAL)
    assert os.listdir(article.parent) == []


def test_refuses_when_changed_while_writing(article, mode, monkeypatch):
    """The second check, just before the rename, catches an edit made meanwhile."""
    def edit(point):
        if point == "written":
            article.write_bytes(b"edited meanwhile\n")
    monkeypatch.setattr(atomic, "_hook", edit)
    with pytest.raises(FileChangedError):
        atomic_write(article, FIXED, ORIGINAL)
    assert article.read_bytes() == b"edited meanwhile\n"
    assert os.listdir(article.parent) == ["article.md"]


def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("call", ["write", "fsync", "replace", "fchmod"])
def test_disk_full_leaves_original_intact(article, mode, monkeypatch, call):
    monkeypatch.setattr(atomic.os, call, _enospc)
    with pytest.raises(OSError) as info:
        atomic_write(article, FIXED, ORIGINAL)
    assert info.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert_untouched(article)


def test_disk_full_after_a_partial_write(article, mode, monkeypatch):
    """The disk fills after half the data went out: the half-file is removed."""
    real_write = os.write
    calls = []

    def half_then_full(fd, data):
        if calls:
            raise OSError(errno.ENOSPC, "No space left on device")
        calls.append(1)
        return real_write(fd, bytes(data[: len(data) // 2]))

    monkeypatch.setattr(atomic.os, "write", half_then_full)
    with pytest.raises(OSError):
        atomic_write(article, FIXED, ORIGINAL)
    monkeypatch.undo()
    assert calls == [1]
    assert_untouched(article)


@pytest.mark.parametrize("point", ["written", "before-replace"])
def test_keyboard_interrupt_leaves_no_temp_file(article, mode, monkeypatch, point):
    def interrupt(at):
        if at == point:
            raise KeyboardInterrupt
    monkeypatch.setattr(atomic, "_hook", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(article, FIXED, ORIGINAL)
    assert_untouched(article)


KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from lintnews.engine import atomic
    def hook(point):
        if point == sys.argv[2]:
            print("ready", flush=True)
            time.sleep(60)

    atomic._hook = hook
    atomic.USE_TMPFILE = sys.argv[3] == "tmpfile"
    atomic.atomic_write(sys.argv[1], b"NEW CONTENT", open(sys.argv[1], "rb").read())
""")


def _kill_at(path, point, mode):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path), point, mode],
                            stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def test_sigkill_between_write_and_rename_leaves_nothing(article):
    """With O_TMPFILE the written data has no name yet: the kernel frees it."""
    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE on this system")
    _kill_at(article, "written", "tmpfile")
    assert_untouched(article)


def test_sigkill_with_named_temp_keeps_original(article):
    """Without O_TMPFILE a SIGKILL (which no program can catch) may leave the
    named temp file, but never a damaged original."""
    _kill_at(article, "written", "named")
    assert article.read_bytes() == ORIGINAL
    leftovers = [n for n in os.listdir(article.parent) if n != article.name]
    assert all(n.startswith(".article.md.") and n.endswith(atomic.TEMP_SUFFIX) for n in leftovers)
