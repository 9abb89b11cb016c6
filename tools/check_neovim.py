"""Follow the README's Neovim instructions in a real, headless Neovim.

Takes a Lua snippet from the README's `lintnews lsp` section (the one for
Neovim 0.11+, or the one for 0.7 to 0.10), uses it as `init.lua`, opens a
damaged Markdown article, waits for the language server's diagnostics and
prints them as JSON. The exit status is 0 when Neovim got the expected
diagnostic (LN201 on "kyiv", at the right place), 1 when it did not, 2 when
the snippet cannot run here (no `nvim`, or one too old for the snippet).

    python tools/check_neovim.py             # the snippet for the installed Neovim
    python tools/check_neovim.py --snippet 0.7
    python tools/check_neovim.py --syntax-only --snippet 0.11   # compile it, run nothing

`lintnews` must be on PATH (the snippets run `lintnews lsp`), or give
`--bin DIR`, a folder put first on PATH.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "# Talks\n\nOfficials in kyiv said the talks would resume.\n"
EXPECTED = {"code": "LN201", "lnum": 2, "col": 13, "end_col": 17}

# Waits for diagnostics, writes what Neovim has, and quits; runs after the article is open.
CHECK_LUA = r"""
local out = os.getenv("LINTNEWS_NVIM_OUT")
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local clients = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
local names = {}
for _, c in ipairs(clients) do table.insert(names, c.name) end
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(found, { code = code, lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message })
end
local v = vim.version()
local f = io.open(out, "w")
f:write(vim.fn.json_encode({ version = { v.major, v.minor, v.patch }, clients = names, diagnostics = found }))
f:close()
vim.cmd("qa!")
"""

SYNTAX_LUA = r"""
local ok, err = loadfile(os.getenv("LINTNEWS_SNIPPET"))
local f = io.open(os.getenv("LINTNEWS_NVIM_OUT"), "w")
f:write(vim.fn.json_encode({ compiled = ok ~= nil, error = err and tostring(err) or vim.NIL }))
f:close()
vim.cmd("qa!")
"""


def snippets(readme: str) -> dict[str, str]:
    """The README's Neovim snippets by the first version they are for: {"0.11": ..., "0.7": ...}."""
    found = {}
    for version, body in re.findall(r"\*\*Neovim\*\* (0\.\d+)[^\n]*\n(?:[^\n]*\n)*?```lua\n(.*?)```", readme, re.S):
        found[version] = body
    return found


def nvim_version(nvim: str) -> tuple[int, int]:
    out = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=60).stdout
    major, minor = re.search(r"NVIM v(\d+)\.(\d+)", out).groups()
    return int(major), int(minor)


def run(nvim: str, snippet: str, syntax_only: bool, bin_dir: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="lintnews-nvim-") as tmp:
        folder = Path(tmp)
        (folder / "init.lua").write_text(snippet, encoding="utf-8")
        (folder / "check.lua").write_text(SYNTAX_LUA if syntax_only else CHECK_LUA, encoding="utf-8")
        (folder / "story.md").write_text(ARTICLE, encoding="utf-8")
        env = {**os.environ, "LINTNEWS_NVIM_OUT": str(folder / "out.json"),
               "LINTNEWS_SNIPPET": str(folder / "init.lua"),
               "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data"),
               "XDG_STATE_HOME": str(folder / "state"), "XDG_CACHE_HOME": str(folder / "cache")}
        if bin_dir:
            env["PATH"] = str(Path(bin_dir).resolve()) + os.pathsep + env.get("PATH", "")
        init = "NONE" if syntax_only else "init.lua"
        subprocess.run([nvim, "--headless", "-u", init, "-c", "luafile check.lua", "story.md"],
                       cwd=folder, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        out = folder / "out.json"
        return json.loads(out.read_text(encoding="utf-8")) if out.exists() else {"error": "Neovim wrote nothing"}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--snippet", choices=("0.11", "0.7"), help="which snippet (default: the one for this Neovim)")
    p.add_argument("--syntax-only", action="store_true", help="only compile the snippet with Neovim's Lua")
    p.add_argument("--nvim", default=os.environ.get("LINTNEWS_NVIM", "nvim"), help="the Neovim program")
    p.add_argument("--bin", help="a folder to put first on PATH (where `lintnews` is)")
    args = p.parse_args(argv)
    nvim = shutil.which(args.nvim)
    if nvim is None:
        print(f"check_neovim: {args.nvim} is not installed", file=sys.stderr)
        return 2
    version = nvim_version(nvim)
    choice = args.snippet or ("0.11" if version >= (0, 11) else "0.7")
    snippet = snippets((ROOT / "README.md").read_text(encoding="utf-8"))[choice]
    if not args.syntax_only and version < tuple(int(x) for x in choice.split(".")):
        print(f"check_neovim: the {choice} snippet needs Neovim {choice}; this is {version[0]}.{version[1]}",
              file=sys.stderr)
        return 2
    result = run(nvim, snippet, args.syntax_only, args.bin)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.syntax_only:
        return 0 if result.get("compiled") else 1
    got = [{k: d.get(k) for k in EXPECTED} for d in result.get("diagnostics", [])]
    return 0 if got == [EXPECTED] else 1


if __name__ == "__main__":
    sys.exit(main())
