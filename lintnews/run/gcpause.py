"""The garbage collector paused while a command starts up.

Start-up (imports, the rule tables read from the table cache, the checks
built) allocates tens of thousands of objects that live until the process
exits; the cyclic collector walks them again and again for nothing (about a
tenth of a one-file `lintnews check`). `pause()` stops it; `resume()`, once
the rules are built, moves everything alive to the permanent generation
(`gc.freeze`: later collections skip it) and starts it again, so linting
many or huge files collects garbage as before. Only the first resume of a
process freezes: a program that calls `cli.main` again and again (a test
run) gets its garbage collected.
"""
from __future__ import annotations

import gc

_paused = False
_frozen = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    global _paused, _frozen
    if _paused:
        _paused = False
        if not _frozen:
            _frozen = True
            gc.freeze()
        gc.enable()
