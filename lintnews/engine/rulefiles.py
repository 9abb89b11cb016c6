"""Loading and validating rule data: `rules/*.toml` and a newsroom's own folders.

A rule file is TOML. Each `[[rule]]` table declares one rule of a *kind*
(substitution, capitalization, existence, or a kind a family module adds) with its code, name, category, severity, documentation and
examples; the kind reads the rest. Other top-level tables (`[[entity]]`,
`[profile.ap]`, ...) are data that kinds and checks look up by name.

A broken file is a `RuleFileError` naming the file, the line and the reason;
nothing is half-loaded. "Broken" covers every way a file can be bad: not a
regular file (a FIFO would hang the read), not UTF-8, not TOML, nested too
deeply, or a `message` that is more than a template. A message names its
fields only (`{found}`, `{expected}`): no attribute or index access, no
conversion, and a width of at most `MAX_FIELD_WIDTH`, so a rule file can
neither reach into lintnews's objects nor ask for gigabytes of padding.
"""
from __future__ import annotations

import regex

from functools import lru_cache
from pathlib import Path

from dataclasses import dataclass, field
from lintnews.errors import RuleFileError
from lintnews.finding import Severity
from lintnews.model import CATEGORIES, Example, Rule

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, Callable, Iterable, TypeVar
    T = TypeVar("T")
    from lintnews.engine.ruledata import RuleData

_PACKAGE = Path(__file__).resolve().parent.parent
BUILTIN_RULES = _PACKAGE / "rules"  # the rule data, package data of lintnews


CODE_PATTERN = regex.compile(r"^[A-Z]{2,8}[0-9]{3}$")
_NUMBERS = regex.compile(r"[0-9]+")
NAME_PATTERN = regex.compile(r"^[a-z][a-z0-9-]*$")
#: Kinds whose rules offer their fix unless they say `fixable = false`.
FIXABLE_KINDS = frozenset({"substitution"})
_COMMON_KEYS = {
    "code", "name", "kind", "category", "severity", "summary", "doc", "examples",
    "fixable", "message",
}


@dataclass
class RuleEntry:
    """One `[[rule]]` table: its Rule metadata, its kind and its raw data."""

    rule: Rule
    kind: str
    data: dict[str, Any]
    path: Path
    line: int

    def error(self, reason: str, value: str | None = None) -> RuleFileError:
        """An error about this rule, at the line of `value` if it can be found."""
        line = self.line_of(value) if value is not None else self.line
        return RuleFileError(self.path, line, f"rule {self.rule.code}: {reason}")

    def line_of(self, value: str) -> int:
        """The line of this rule's table where the string `value` is written.

        Looked up only when reporting an error; the rule's first line when
        the value cannot be found as written (escapes, multi-line strings).
        """
        forms = {value, value.replace("\\", "\\\\").replace('"', '\\"')}
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return self.line
        for number in range(max(self.line, 1), len(lines) + 1):
            text = lines[number - 1]
            if number > self.line and text.strip() == "[[rule]]":
                break
            if any(form in text for form in forms):
                return number
        return self.line


@dataclass
class RuleSet:
    """Everything loaded from the rule folders of one configuration."""

    entries: list[RuleEntry] = field(default_factory=list)
    tables: dict[str, list[tuple[Path, Any]]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    #: The table-cache key of what is built from this rule set (None: not cached).
    cache_key: bytes | None = None

    def table(self, name: str) -> list[tuple[Path, Any]]:
        """Every value of a top-level table `name`, with the file it came from."""
        return self.tables.get(name, [])

    def memo(self, key: str, build: Callable[["RuleSet"], T]) -> T:
        """The data `key` derived from this rule set, built by `build(ruleset)` once.

        The one way a check keeps per-rule-set data (a table it reads, a
        pattern it compiles): built on first use, and kept as long as the rule
        set is (`engine.build_rules` keeps one per set of rule folders). It is
        not pickled with the rule set: the table cache stores the parsed files.
        """
        memo = self.__dict__.setdefault("_memo", {})
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = build(self)
            return value

    @property
    def data(self) -> "RuleData":
        """What the checks derive from this rule set's tables, typed (`lintnews.engine.ruledata`)."""
        return self.memo("rule-data", _rule_data)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_memo"}

    def by_kind(self) -> dict[str, list[RuleEntry]]:
        kinds: dict[str, list[RuleEntry]] = {}
        for entry in self.entries:
            kinds.setdefault(entry.kind, []).append(entry)
        return kinds


def _rule_data(ruleset: RuleSet) -> "RuleData":
    from lintnews.engine.ruledata import RuleData

    return RuleData(ruleset)


def rule_files(folders: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise RuleFileError(folder, None, "rule folder does not exist")
        files.extend(sorted(folder.glob("*.toml")))
    return files


#: The widest a message field may be padded (`{found:>20}`).
MAX_FIELD_WIDTH = 200
#: A rule file larger than this is refused rather than read.
MAX_RULE_FILE_BYTES = 64 << 20


def read_rule_file(path: Path) -> str:
    """The text of a rule file; a RuleFileError for anything but a regular UTF-8 file."""
    data = read_regular(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleFileError(path, line, f"not UTF-8 (byte {exc.start}: {exc.reason})") from None


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file, without blocking on a FIFO; a RuleFileError otherwise."""
    import os
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RuleFileError(path, None, "not a regular file (a FIFO, device or folder)")
        if info.st_size > MAX_RULE_FILE_BYTES:
            raise RuleFileError(path, None, f"larger than {MAX_RULE_FILE_BYTES >> 20} MB")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(MAX_RULE_FILE_BYTES + 1)
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return data


def parse_toml(path: Path, raw: str) -> dict:
    """TOML of a rule file; a RuleFileError (with the line where known) if it is not."""
    import tomllib  # not needed when the table cache holds the parsed rules

    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc))
        raise RuleFileError(path, line, f"not valid TOML: {exc}") from None
    except RecursionError:
        raise RuleFileError(path, None, "not valid TOML: arrays or tables nested too deeply") from None


def check_message(template: str) -> str | None:
    """Why `template` is not a plain message template (None when it is one)."""
    from string import Formatter

    try:
        parts = list(Formatter().parse(template))
    except ValueError as exc:
        return f"not a message template: {exc}"
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            return (f"the field {{{name}}} is not a plain name: a message may use fields such as "
                    "{found}, without attribute or index access")
        if conversion is not None:
            return f"the field {{{name}}} has a conversion (!{conversion}); use the plain field"
        if spec:
            if "{" in spec:
                return f"the field {{{name}}} has a nested field in its format"
            widths = [int(n) for n in _NUMBERS.findall(spec)]
            if any(n > MAX_FIELD_WIDTH for n in widths):
                return f"the field {{{name}}} asks for a width over {MAX_FIELD_WIDTH}"
            try:
                format("", spec)
            except ValueError:
                return f"the field {{{name}}} has a format that does not apply to text: {spec!r}"
    return None


def parse_rule_files(folders: Iterable[Path]) -> list:
    """[path, parsed TOML, line of each [[rule]]] of every rule file: plain data, for the cache."""
    parsed = []
    for path in rule_files(folders):
        raw = read_rule_file(path)
        data = parse_toml(path, raw)
        headers = [i + 1 for i, text in enumerate(raw.splitlines()) if text.strip() == "[[rule]]"]
        parsed.append([str(path), data, headers])
    return parsed


def load_rules(folders: Iterable[Path], parsed: list | None = None) -> RuleSet:
    """Load every rule file of `folders` (in order) into one RuleSet.

    `parsed` is what `parse_rule_files(folders)` gives (from the table cache);
    every rule is checked again either way.
    """
    ruleset = RuleSet()
    seen: dict[str, RuleEntry] = {}
    for name, data, headers in parse_rule_files(folders) if parsed is None else parsed:
        path = Path(name)
        ruleset.files.append(path)
        for index, table in enumerate(data.pop("rule", [])):
            line = headers[index] if index < len(headers) else None
            entry = _parse_entry(table, path, line)
            if entry.rule.code in seen:
                other = seen[entry.rule.code]
                raise RuleFileError(
                    path, line,
                    f"rule code {entry.rule.code} is already defined in {other.path}:{other.line}",
                )
            seen[entry.rule.code] = entry
            ruleset.entries.append(entry)
        for name, value in data.items():
            ruleset.tables.setdefault(name, []).append((path, value))
    return ruleset


def load_rules_cached(folders: tuple[Path, ...] = ()) -> RuleSet:
    """The built-in rules plus `folders`, parsed once and kept in the table cache.

    The key covers lintnews's version and code, every rule file's bytes and
    the Python version (`lintnews.run.tablecache`); the RuleSet then carries it,
    so that the tables built from it (names, ...) are cached under it too.
    A rule folder with an error is never cached: it is parsed, and reported,
    every time.
    """
    from lintnews.run import tablecache
    key = None
    if tablecache.folder() is not None:
        key = tablecache.digest("rules", ruleset_version(tuple(folders)), *map(str, folders))
    every = (BUILTIN_RULES, *folders)
    files = [str(path) for path in rule_files(every)]

    def valid(value) -> bool:  # the parsed files, as plain data, of exactly these files
        return (isinstance(value, list) and [item[0] if isinstance(item, list) and item else None
                                             for item in value] == files
                and all(len(item) == 3 and isinstance(item[1], dict) and isinstance(item[2], list)
                        and all(type(n) is int for n in item[2]) for item in value))

    parsed = tablecache.cached_data("rules", key, lambda: parse_rule_files(every), valid)
    ruleset = load_rules(every, parsed)
    ruleset.cache_key = key
    return ruleset

@lru_cache(maxsize=16)
def ruleset_version(folders: tuple[Path, ...]) -> str:
    """A hash of lintnews's version, its code and the rule files in `folders`."""
    from lintnews._version import __version__
    from lintnews.run.tablecache import sha256

    digest = sha256(__version__.encode())
    # lintnews's own files (code, built-in rules) change only when it is
    # installed or edited: their size and modification time stand for their
    # bytes, as for Python's byte code, without reading 1.3 MB every run
    for path, size, mtime in _own_files():
        digest.update(f"{path}\0{size}\0{mtime}\0".encode("utf-8", "surrogateescape"))
    files = []
    for folder in folders:
        files += sorted(Path(folder).glob("*.toml")) + sorted(Path(folder).glob("*.txt"))
    for path in files:
        try:
            data = read_regular(path)
        except RuleFileError:  # reported when the file is loaded
            continue
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + sha256(data).digest())
    return digest.hexdigest()[:20]


def _own_files() -> list[tuple[str, int, int]]:
    """(path, size, modification time) of lintnews's code and built-in rule
    files, in a stable order (strings from `os.scandir`, not Paths: ~130 files
    on every run)."""
    import os

    found: list[tuple[str, int, int]] = []

    def walk(folder: str, suffixes: tuple[str, ...], deep: bool) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.endswith(suffixes) and entry.is_file():
                try:
                    info = entry.stat()
                except OSError:
                    continue
                found.append((entry.path, info.st_size, info.st_mtime_ns))
            elif deep and entry.name != "__pycache__" and entry.is_dir():
                walk(entry.path, suffixes, deep)

    walk(str(_PACKAGE), (".py",), True)
    walk(str(BUILTIN_RULES), (".toml", ".txt"), False)
    return found


def _parse_entry(table: Any, path: Path, line: int | None) -> RuleEntry:
    def fail(reason: str) -> RuleFileError:
        label = table.get("code", "?") if isinstance(table, dict) else "?"
        return RuleFileError(path, line, f"rule {label}: {reason}")

    if not isinstance(table, dict):
        raise fail("a [[rule]] must be a table")
    for key in ("code", "name", "kind", "category", "severity", "summary"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise fail(f"missing or empty key '{key}'")
    if not CODE_PATTERN.match(table["code"]):
        raise fail("the code must be letters then three digits, like LN201 or NEWS101")
    if not NAME_PATTERN.match(table["name"]):
        raise fail("the name must be lowercase words joined by hyphens")
    if table["category"] not in CATEGORIES:
        raise fail(f"unknown category '{table['category']}' (one of: {', '.join(CATEGORIES)})")
    try:
        severity = Severity.parse(table["severity"])
    except ValueError as exc:
        raise fail(str(exc)) from None
    examples = _parse_examples(table.get("examples"), fail)
    rule = Rule(
        code=table["code"],
        name=table["name"],
        category=table["category"],
        severity=severity,
        summary=table["summary"].strip(),
        doc=str(table.get("doc", "")),
        examples=examples,
        fixable=bool(table.get("fixable", table["kind"] in FIXABLE_KINDS)),
        origin=f"{path.name}" if path.parent == BUILTIN_RULES else str(path),
    )
    data = {k: v for k, v in table.items() if k not in _COMMON_KEYS}
    if "message" in table:
        if not isinstance(table["message"], str):
            raise fail("'message' must be a string")
        problem = check_message(table["message"])
        if problem is not None:
            raise fail(problem)
        data["message"] = table["message"]
    return RuleEntry(rule, table["kind"], data, path, line or 0)


def _parse_examples(raw: Any, fail) -> tuple[Example, ...]:
    if raw is None:
        raise fail("no examples: every rule needs one that fires and one that does not")
    if not isinstance(raw, list):
        raise fail("'examples' must be a list of tables")
    examples = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise fail("each example needs a 'text'")
        expect = item.get("expect", [])
        if isinstance(expect, str):
            expect = [expect]
        config = item.get("config", {})
        if not isinstance(config, dict):
            raise fail("an example's 'config' must be a table")
        fixed = item.get("fixed")
        if fixed is not None and not isinstance(fixed, str) and fixed is not False:
            raise fail("an example's 'fixed' must be the fixed text, or false when there is no fix")
        try:
            examples.append(
                Example(
                    text=item["text"],
                    expect=tuple(expect),
                    filename=item.get("filename", "example.txt"),
                    config=tuple(sorted(config.items())),
                    fixed=fixed,
                )
            )
        except ValueError as exc:
            raise fail(f"an example's markers: {exc}") from None
    if not any(e.fires for e in examples) or all(e.fires for e in examples):
        raise fail("examples must include at least one that fires and one that stays silent")
    return tuple(examples)


def _toml_error_line(message: str) -> int | None:
    m = regex.compile(r"line (\d+)").search(message)
    return int(m.group(1)) if m else None
