"""The progress bar: stderr only, only on a terminal, only for long runs of the text format."""
from __future__ import annotations

import io

from lintnews.run.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_no_bar_in_machine_formats_when_quiet_or_off_a_terminal():
    terminal = _Terminal()
    assert Progress.for_run("text", False, 10_000, terminal).enabled
    assert not Progress.for_run("json", False, 10_000, terminal).enabled
    assert not Progress.for_run("jsonl", False, 10_000, terminal).enabled
    assert not Progress.for_run("text", True, 10_000, terminal).enabled
    assert not Progress.for_run("text", False, 10_000, io.StringIO()).enabled


def test_a_short_run_shows_no_bar():
    clock = _Clock()
    progress = Progress(10, _Terminal(), clock=clock)
    list(progress.track(range(10)))
    assert not progress.showing and progress.done == 10


def test_the_bar_appears_once_the_run_is_slow_and_holds_report_text():
    clock, err, out = _Clock(), _Terminal(), _Terminal()
    progress = Progress(10, err, clock=clock)
    report = progress.hold(out)
    for n in progress.track(range(10)):
        report.write(f"finding {n}\n")
        clock.now += 0.3
        if n == 3:
            assert out.getvalue() == "finding 0\nfinding 1\nfinding 2\nfinding 3\n"
        if n == 4:
            assert progress.showing
            assert "finding 4" not in out.getvalue()
    progress.close()
    assert out.getvalue() == "".join(f"finding {n}\n" for n in range(10))
    assert "lintnews" in err.getvalue() and "finding" not in err.getvalue()


def test_many_files_show_the_bar_at_once():
    progress = Progress(10_000, _Terminal(), clock=_Clock())
    assert not progress.showing
    progress.advance()
    assert progress.showing
    progress.close()
    assert not progress.showing


def test_a_report_to_a_file_is_never_held():
    progress = Progress(10_000, _Terminal(), clock=_Clock())
    plain = io.StringIO()
    assert progress.hold(plain) is plain
