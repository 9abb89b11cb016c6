"""The README's Neovim snippets, followed in a real headless Neovim by tools/check_neovim.py.

Neovim is not a Python package: the run is skipped when `nvim` is not
installed (Debian: `apt-get install neovim`, which is 0.7.2 on Debian 12).
The snippet for the installed version must start the server and get the
diagnostic; the other one must at least compile in Neovim's Lua.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import check_neovim  # noqa: E402

NVIM = shutil.which("nvim")
needs_nvim = pytest.mark.skipif(NVIM is None, reason="nvim is not installed (apt-get install neovim)")


def test_the_readme_has_a_snippet_for_each_neovim_api():
    found = check_neovim.snippets((ROOT / "README.md").read_text(encoding="utf-8"))
    assert set(found) == {"0.11", "0.7"}
    assert "vim.lsp.config(" in found["0.11"] and "vim.lsp.enable(" in found["0.11"]
    assert "vim.lsp.start_client(" in found["0.7"] and "vim.lsp.buf_attach_client(" in found["0.7"]
    for snippet in found.values():
        assert '{ "lintnews", "lsp" }' in snippet


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "check_neovim.py"),
                           "--bin", str(Path(sys.executable).parent), *args],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
@needs_nvim
def test_the_snippet_for_the_installed_neovim_gets_diagnostics():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"LN201"' in result.stdout and '"lintnews"' in result.stdout


@pytest.mark.slow
@needs_nvim
def test_the_other_snippet_compiles_and_a_broken_one_does_not(tmp_path):
    other = "0.7" if check_neovim.nvim_version(NVIM) >= (0, 11) else "0.11"
    result = run_check("--syntax-only", "--snippet", other)
    assert result.returncode == 0, result.stdout + result.stderr
    # the check can fail: the same snippet with a bracket missing does not compile
    broken = check_neovim.snippets((ROOT / "README.md").read_text(encoding="utf-8"))[other].replace("})", "}", 1)
    outcome = check_neovim.run(NVIM, broken, True, None)
    assert outcome["compiled"] is False and outcome["error"]
