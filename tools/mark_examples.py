#!/usr/bin/env python3
"""Mark the rule examples that fire: where each finding is, and the fixed text.

    python tools/mark_examples.py              # every built-in rule file and family module
    python tools/mark_examples.py FILE ...     # only these (.py or .toml), e.g. a newsroom's
    python tools/mark_examples.py --check      # list the examples not marked yet; exit 1 if any

An example that fires and does not yet say where and what is linted; the
findings of its expected codes give its `<marker>` tags (around each span,
inside the example's text) and its `fixed` text (the text once their fixes
are applied, unsafe ones too, in one pass as `--fix --unsafe-fixes` makes
it), or `fixed = false` / `fixed=False` when they offer no fix. In Python, a
text that is not a plain string literal gets explicit `spans=((start, end),)`
instead of markers. Examples that already have spans and `fixed` are left
as they are, so the tool can be run again after adding examples.

It writes what the rules do NOW. Read every change it prints before you
commit it: a span or a fix that is wrong is a bug in the rule, to be fixed
(or reported), not an example to freeze. `tests/test_rule_examples.py`
checks every example's spans and fixed text.
"""
from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintnews import Config, lint_text  # noqa: E402
from lintnews.engine.fixes import fix_once  # noqa: E402
from lintnews.engine.lint import build_rules  # noqa: E402
from lintnews.model import Example, mark, unmark  # noqa: E402

WIDTH = 96


def observe(example: Example, rules_folders: tuple[str, ...] = ()) -> tuple[tuple, str | bool]:
    """What an example does now: the sorted (start, end) of the findings of its
    expected codes, and the text after their fixes (False: they offer none)."""
    config = dict(example.config)
    if rules_folders:
        config["rules"] = tuple(config.get("rules", ())) + tuple(rules_folders)
    findings = [f for f in lint_text(example.text, Config(**config) if config else None, example.filename)
                if f.rule in example.expect]
    spans = tuple(sorted({(f.offset, f.end_offset) for f in findings}))
    fixed, edits, _count = fix_once(example.text, findings, unsafe=True)
    return spans, (fixed if edits else False)


# -- literals ---------------------------------------------------------------

def _escape(text: str, quote: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == quote:
            out.append("\\" + quote)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif not ch.isprintable():
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return "".join(out)


def py_literal(text: str, indent: int) -> str:
    """A double-quoted Python literal; long ones as adjacent literals, one per line."""
    body = _escape(text, '"')
    if len(body) + indent + 4 <= WIDTH:
        return f'"{body}"'
    pieces: list[str] = []
    for line in _lines(body):
        current = ""
        for part in _split_points(line):
            if current and len(current) + len(part) + indent + 2 > WIDTH:
                pieces.append(current)
                current = ""
            current += part
        pieces.append(current)
    return ("\n" + " " * indent).join(f'"{p}"' for p in pieces if p)


def _lines(body: str) -> list[str]:
    """`body` cut after each escaped newline (never inside another escape)."""
    lines, start, i = [], 0, 0
    while i < len(body):
        if body[i] == "\\":
            step = {"u": 6, "U": 10}.get(body[i + 1], 2)
            if body[i + 1] == "n":
                lines.append(body[start:i + 2])
                start = i + 2
            i += step
        else:
            i += 1
    lines.append(body[start:])
    return lines


def _split_points(body: str) -> list[str]:
    """`body` cut after each space (never inside an escape)."""
    parts, start, i = [], 0, 0
    while i < len(body):
        if body[i] == "\\":
            i += {"u": 6, "U": 10}.get(body[i + 1], 2)
            continue
        i += 1
        if body[i - 1] == " ":
            parts.append(body[start:i])
            start = i
    parts.append(body[start:])
    return [p for p in parts if p]


def toml_literal(value: str | bool, multiline: bool = False) -> str:
    """A TOML basic string (multi-line when asked and the value has lines), or false."""
    if value is False:
        return "false"
    if not (multiline and "\n" in value):
        return f'"{_escape(value, chr(34))}"'
    body = "\n".join(_escape(line, "") for line in value.split("\n")).replace('"""', '""\\"')
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    return f'"""\n{body}"""'


# -- Python sources -----------------------------------------------------------

def _offsets(source: str):
    lines = source.splitlines(keepends=True)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)

    def at(lineno: int, col: int) -> int:
        line = lines[lineno - 1]
        return starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8"))

    return at


def _known_examples(paths_rules) -> dict:
    """(text, expect) -> [(Example, rule code)] for every rule."""
    known: dict = {}
    for rule in paths_rules:
        for example in rule.examples:
            known.setdefault((example.text, example.expect), []).append((example, rule.code))
    return known


def mark_python(path: Path, known: dict, folders: tuple[str, ...], report: list[str]) -> str:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    at = _offsets(source)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Example"):
            continue
        keywords = {k.arg: k.value for k in node.keywords}
        if "fixed" in keywords and ("spans" in keywords or _has_markers(node)):
            continue
        expect_node = node.args[1] if len(node.args) > 1 else keywords.get("expect")
        try:
            expect = tuple(ast.literal_eval(expect_node)) if expect_node is not None else ()
        except ValueError:
            report.append(f"{path}:{node.lineno}: expect is not a literal; skipped")
            continue
        if not expect:
            continue
        text_node = node.args[0] if node.args else keywords.get("text")
        literal = isinstance(text_node, ast.Constant) and isinstance(text_node.value, str)
        text = text_node.value if literal else _evaluate(text_node)
        matches = known.get((text, expect)) if text is not None else None
        if not matches:
            report.append(f"{path}:{node.lineno}: no loaded rule has this example; skipped")
            continue
        example, code = matches[0]
        spans, fixed = observe(example, folders)
        last = max((n for n in [*node.args, *node.keywords]), key=lambda n: (n.end_lineno, n.end_col_offset))
        insert = at(last.end_lineno, last.end_col_offset)
        indent = text_node.col_offset
        extra = ""
        if literal:
            start = at(text_node.lineno, text_node.col_offset)
            end = at(text_node.end_lineno, text_node.end_col_offset)
            edits.append((start, end, py_literal(mark(text, spans), indent)))
        else:
            extra = f", spans={spans!r}"
        fixed_source = "False" if fixed is False else py_literal(fixed, indent + len("fixed="))
        edits.append((insert, insert, f"{extra},\n{' ' * indent}fixed={fixed_source}"))
        report.append(f"{path}:{node.lineno}: {code} {mark(text, spans)!r} -> {fixed!r}")
    for start, end, new in sorted(edits, reverse=True):
        source = source[:start] + new + source[end:]
    return source


def _has_markers(node: ast.Call) -> bool:
    first = node.args[0] if node.args else None
    return isinstance(first, ast.Constant) and isinstance(first.value, str) and "<marker>" in first.value


def _evaluate(node) -> str | None:
    try:
        value = eval(compile(ast.Expression(node), "<example>", "eval"), {"__builtins__": {}})  # noqa: S307
    except Exception:
        return None
    return value if isinstance(value, str) else None


# -- TOML rule files -----------------------------------------------------------

def mark_toml(path: Path, by_code: dict, folders: tuple[str, ...], report: list[str]) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    code = None
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped == "[[rule]]":
            code = None
        elif stripped.startswith("code = ") and code is None:
            code = tomllib.loads(stripped)["code"]
        if stripped != "[[rule.examples]]" or code not in by_code:
            out.append(line)
            i += 1
            continue
        # one example table: its lines up to the next table header
        j = i + 1
        while j < len(lines) and not (lines[j].lstrip().startswith("[") and _parses(lines[i + 1:j])):
            j += 1
        table = lines[i + 1:j]
        out.append(line)
        out.extend(_mark_table(path, i + 1, table, by_code[code], folders, report))
        i = j
    return "".join(out)


def _mark_table(path, lineno, table: list[str], rule, folders, report) -> list[str]:
    data = tomllib.loads("".join(table))
    expect = data.get("expect", [])
    expect = tuple([expect] if isinstance(expect, str) else expect)
    if not expect or ("fixed" in data and "<marker>" in data.get("text", "")):
        return table
    text, _spans = unmark(data["text"])
    example = next((e for e in rule.examples if e.text == text and e.expect == expect), None)
    if example is None:
        report.append(f"{path}:{lineno}: no loaded example of {rule.code} has this text; skipped")
        return table
    spans, fixed = observe(example, folders)
    # the lines of the `text = ...` value: the shortest run that parses
    start = next(k for k, line in enumerate(table) if line.lstrip().startswith("text"))
    end = next(k for k in range(start + 1, len(table) + 1) if _parses(table[start:k]))
    multiline = '"""' in table[start] or "\'\'\'" in table[start]
    new = [f"text = {toml_literal(mark(text, spans), multiline)}\n",
           f"fixed = {toml_literal(fixed, multiline)}\n"]
    kept = [line for line in table[end:] if not line.lstrip().startswith("fixed")]
    report.append(f"{path}:{lineno}: {rule.code} {mark(text, spans)!r} -> {fixed!r}")
    return table[:start] + new + kept


def _parses(lines: list[str]) -> bool:
    try:
        tomllib.loads("".join(lines))
    except tomllib.TOMLDecodeError:
        return False
    return True


# -- the command ------------------------------------------------------------------

def default_files() -> list[Path]:
    package = ROOT / "lintnews"
    files = sorted((package / "rules").glob("*.toml"))
    files += sorted(p for p in package.rglob("*.py") if "Example(" in p.read_text(encoding="utf-8"))
    return [p for p in files if p.name != "model.py" and "engine" not in p.parts]


def unmarked(rules) -> list[str]:
    return [f"{rule.code}: {example.text[:60]!r}" for rule in rules for example in rule.examples
            if example.fires and (not example.spans or example.fixed is None)]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    files = [Path(a).resolve() for a in argv if a != "--check"]
    folders = tuple(sorted({str(p.parent) for p in files if p.suffix == ".toml"
                            and not p.is_relative_to(ROOT / "lintnews")}))
    rules = build_rules(tuple(Path(f) for f in folders)).sorted_rules()
    if check:
        missing = unmarked(rules)
        print("\n".join(missing) or "every example that fires is marked")
        return 1 if missing else 0
    known = _known_examples(rules)
    by_code = {r.code: r for r in rules}
    report: list[str] = []
    for path in files or default_files():
        if path.suffix == ".py":
            new = mark_python(path, known, folders, report)
        else:
            new = mark_toml(path, by_code, folders, report)
        if new != path.read_text(encoding="utf-8"):
            path.write_text(new, encoding="utf-8")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
