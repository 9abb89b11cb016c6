"""The garbage collector paused during start-up runs again after it."""
from __future__ import annotations



from lintnews.run import tablecache



CLEAN_ARTICLE = """# Council approves the new bus routes

The city council voted on Tuesday to approve three new bus routes, the mayor's
office said in a statement. The routes will link the northern suburbs with the
central station and are expected to start running in the spring.

"We have listened to residents," the transport director told reporters. The
plan, which costs about $4 million, was first proposed two years ago.

Opposition members said the money could have been spent on repairing roads,
but the vote passed by a wide margin.
"""


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

