"""Shared fixtures: where ../shared is, and a way to run the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_TABLE_CACHE: list[str] = []


def pytest_configure(config):
    """Tests keep built tables in a folder of their own, never the user's cache."""
    import tempfile

    _TABLE_CACHE.append(tempfile.mkdtemp(prefix="lintnews-tables-"))
    os.environ["LINTNEWS_TABLE_CACHE_DIR"] = _TABLE_CACHE[-1]


def pytest_unconfigure(config):
    import shutil

    for folder in _TABLE_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def run_cli(tmp_path):
    """Run `python -m lintnews ARGS` in a folder (tmp_path by default)."""

    def run(*args, cwd=None, stdin=None, env=None):
        full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "lintnews", *map(str, args)],
            cwd=cwd or tmp_path, input=stdin, capture_output=True, env=full_env,
            text=isinstance(stdin, str) or stdin is None, timeout=120,
        )

    return run


# Debian's chromium, driven by Playwright, which never downloads a browser here.
CHROMIUM = os.environ.get("LINTNEWS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for a module's tests; a skip when it or Playwright is
    missing, except under CI, where `.ci/run` installs both and a skip would hide
    a broken page."""
    import shutil

    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is not installed"
    if missing is None and not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        missing = f"{CHROMIUM} is not installed"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test must run in CI, but {missing}")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server():
    """A `lintnews server` on a free local port for a test module; its log must hold no traceback."""
    from server_process import ServerProcess

    proc = ServerProcess()
    yield proc
    log = proc.stop()
    assert "Traceback" not in log, log
