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
    probe = ("import json, lintnews, lintnews.rules as r; "
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
    assert Path(rules_dir).name == "rule_data"
    assert sorted(p.name for p in (ROOT / "rules").glob("*.toml")) == files


def test_every_source_package_is_listed_in_pyproject():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "lintnews").rglob("__init__.py")}
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
