"""The package's modules form no import circle.

Every module of `lintnews` is parsed with `ast` (not imported), every import
counts, including those inside functions and under `TYPE_CHECKING` -- a
circle hidden in a function still ties two modules together, and a
type-only import is a dependency a reader has to follow. The graph of
intra-package imports must be acyclic; a failure names the circle.
"""
from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lintnews"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, name: str, is_package: bool, modules: set[str]) -> set[str]:
    """The package modules that module `name` (whose code is `source`) imports,
    anywhere in its body."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from . import x` imports the module x when there is one
            targets = [f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in modules else stem
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    graph = {module_name(p): imports_of(p.read_text(encoding="utf-8"), module_name(p),
                                        p.name == "__init__.py", modules) for p in paths}
    # importing a submodule runs its package's __init__ first: an edge to a
    # package's module is an edge to the package too
    for deps in graph.values():
        for dep in list(deps):
            parent = dep.rpartition(".")[0]
            while parent:
                deps.add(parent)
                parent = parent.rpartition(".")[0]
    for name, deps in graph.items():
        deps.discard(name)
        # a package's own __init__ is run before its submodules: not a circle
        for dep in list(deps):
            if name.startswith(dep + "."):
                deps.discard(dep)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of the graph (as a closed path), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if dep not in state:
                found = visit(dep)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_parser_sees_imports_inside_functions_and_relative_ones():
    source = textwrap.dedent("""
        import os
        from ..finding import Finding
        def later():
            from ..engine import lint
            from ..kinds import common
            import lintnews.kinds.common
    """)
    modules = {"lintnews", "lintnews.finding", "lintnews.engine", "lintnews.engine.lint", "lintnews.kinds",
               "lintnews.kinds.common", "lintnews.run", "lintnews.run.cli", "lintnews.families",
               "lintnews.families.names", "lintnews.families.names.kind"}
    assert imports_of(source, "lintnews.run.cli", False, modules) == {
        "lintnews.finding", "lintnews.engine.lint", "lintnews.kinds.common"}
    assert imports_of("from ...finding import F", "lintnews.families.names.kind", False, modules) == {
        "lintnews.finding"}
    assert imports_of("from .common import x", "lintnews.kinds", True, modules) == {"lintnews.kinds.common"}


def test_the_cycle_finder_names_the_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "d": {"a", "b"}}) is None


def test_no_import_circles():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_build_checks_alone_in_a_fresh_interpreter():
    """Every kind the built-in rules use is registered by `lintnews.kinds`
    itself: no other module has to be imported first."""
    code = textwrap.dedent("""
        from lintnews.kinds import build_checks
        from lintnews.engine.rulefiles import BUILTIN_RULES, load_rules
        checks = build_checks(load_rules([BUILTIN_RULES]))
        print(sorted(code for c in checks for code in c.codes))
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True,
                         text=True, check=True).stdout
    assert "'LN804'" in out and "'LN201'" in out


def test_boilerplate_kind_is_built_without_the_checks_package():
    """The boilerplate kind (LN301–LN305) is registered by `lintnews.kinds`:
    building it from the rule data imports no family's code checks."""
    code = textwrap.dedent("""
        import sys
        from lintnews.kinds import build_checks
        from lintnews.engine.rulefiles import BUILTIN_RULES, load_rules
        checks = build_checks(load_rules([BUILTIN_RULES]))
        print(sorted(code for c in checks for code in c.codes if code.startswith("LN3")))
        print(sorted(m for m in sys.modules if m.startswith("lintnews.families.") and m.endswith(".checks")))
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert out == ["['LN301', 'LN302', 'LN303', 'LN304', 'LN305']", "[]"]
