"""An installed (non-editable) lintnews finds its rule data inside the wheel."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_installed_package_ships_rules(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    probe = ("import json, lintnews, lintnews.engine.rulefiles as r; "
             "print(json.dumps([lintnews.__file__, str(r.BUILTIN_RULES), "
             "sorted(p.name for p in r.BUILTIN_RULES.glob('*.toml'))]))")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        pytest.skip("lintnews is not installed in this interpreter")
    package_file, rules_dir, files = json.loads(proc.stdout)
    if (Path(package_file).resolve().parent.parent / "pyproject.toml").is_file():
        # an editable install, of this checkout or another one
        pytest.skip("lintnews is installed in editable mode; the wheel layout is not in use")
    assert Path(rules_dir) == Path(package_file).parent / "rules"
    assert sorted(p.name for p in (ROOT / "lintnews" / "rules").glob("*.toml")) == files


def test_every_source_package_is_found_by_pyproject():
    import tomllib

    find = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]["find"]
    assert find["include"] == ["lintnews*"]
    folders = {p.parent for p in (ROOT / "lintnews").rglob("*") if p.suffix in (".py", ".toml", ".txt")
               and "__pycache__" not in p.parts and "examples" not in p.parts}
    without_init = sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").is_file())
    assert without_init == [], f"a folder of the package needs an __init__.py: {without_init}"
