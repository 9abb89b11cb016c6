"""lintnews uses other packages (the standard library included) through their public names only.

A library release must not be able to break every run: no import of a module or
name that starts with `_` from another package, and no attribute starting with
`_` read from another package's module. Dunders (`__version__`, `__file__`) are
public.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lintnews"


#: Public names that start with an underscore: documented as public by their package.
DOCUMENTED = {"os._exit", "sys._getframe"}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(source: str) -> list[str]:
    """Each use of another package's private name in `source`, as `line: what`."""
    tree = ast.parse(source)
    external: set[str] = set()  # local names bound to another package's modules or objects
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "lintnews":
                    continue
                if any(_private(part) for part in alias.name.split(".")):
                    found.append(f"{node.lineno}: import {alias.name}")
                external.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level or (node.module or "").split(".")[0] == "lintnews":
                continue
            module = node.module or ""
            if any(_private(part) for part in module.split(".")):
                found.append(f"{node.lineno}: from {module} import ...")
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"{node.lineno}: from {module} import {alias.name}")
                external.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in external and ast.unparse(node) not in DOCUMENTED:
                found.append(f"{node.lineno}: {ast.unparse(node)}")
    return sorted(set(found))


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_name_of_another_package(path: Path):
    assert private_uses(path.read_text(encoding="utf-8")) == []


def test_the_walker_sees_private_imports_and_attributes():
    source = (
        "import regex._main\nfrom re import _compiler\nfrom hashlib import _sha2 as s\n"
        "import argparse\nfrom langdetect import detector_factory\n"
        "x = detector_factory._factory\nargparse.ArgumentParser._get_formatter\n"
        "from lintnews.text import _own\nself._private = 1\nimport regex\nregex.__version__\n"
    )
    assert private_uses(source) == [
        "1: import regex._main", "2: from re import _compiler", "3: from hashlib import _sha2",
        "6: detector_factory._factory", "7: argparse.ArgumentParser._get_formatter",
    ]
