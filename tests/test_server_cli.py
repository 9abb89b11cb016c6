"""The optional commands: a clear message without their extra, and a core that never loads them."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

OPTIONAL = ("starlette", "uvicorn", "pygls", "lsprotocol", "multipart", "httpx")


def _blocking(tmp_path, *names):
    """A folder that, first on sys.path, makes these packages fail to import (as if not installed)."""
    for name in names:
        pkg = tmp_path / "blocked" / name
        pkg.mkdir(parents=True)
        (pkg / "__init__.py").write_text(f"raise ImportError('no module named {name}')\n")
    return tmp_path / "blocked"


@pytest.mark.parametrize("command, names, extra", [
    ("server", ("starlette", "uvicorn"), "lintnews[server]"),
    ("lsp", ("pygls", "lsprotocol"), "lintnews[lsp]"),
])
def test_a_missing_extra_is_named_with_exit_status_2(run_cli, tmp_path, command, names, extra):
    blocked = _blocking(tmp_path, *names)
    result = run_cli(command, env={"PYTHONPATH": f"{blocked}{os.pathsep}{ROOT}"})
    assert result.returncode == 2
    assert f"pip install '{extra}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_importing_lintnews_and_checking_never_loads_the_extras(tmp_path):
    (tmp_path / "story.md").write_text("Officials in kyiv said so.\n", encoding="utf-8")
    probe = (
        "import sys, json, lintnews\n"
        "from lintnews.run.cli import main\n"
        "lintnews.lint_text('in kyiv')\n"
        "status = main(['check', '--no-cache', '-q', '-j', '1', 'story.md'])\n"
        f"print(json.dumps([status, sorted(m for m in sys.modules if m.split('.')[0] in {OPTIONAL!r})]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                          env=env, timeout=120)
    status, loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert status == 1 and loaded == []


def test_help_lists_the_optional_commands(run_cli):
    result = run_cli("--help")
    assert "server" in result.stdout and "lsp" in result.stdout and "lintnews[server]" in result.stdout
