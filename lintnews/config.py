"""Configuration: defaults < pyproject.toml [tool.lintnews] < .lintnews.toml < flags.

The configuration of a file is found by walking up from the file's folder to
the first folder holding `.lintnews.toml` or a `pyproject.toml` with a
`[tool.lintnews]` table; when both are there, `.lintnews.toml` wins key by key.
Paths in a file (`rules`) are relative to that file's folder. An unknown key or
a bad value is a `ConfigError` naming the file and the key.
"""
from __future__ import annotations

import fnmatch
from functools import lru_cache
from pathlib import Path

from dataclasses import dataclass, fields, replace
from lintnews.finding import Severity

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")


class ConfigError(Exception):
    """A configuration that cannot be used; str() names the file and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # empty: every rule, the built-in ones and a newsroom's own
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = Severity.WARNING
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    style: str = "default"
    rules: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    quoted_severity: str = "lower"
    quotes: str = ""  # "curly", "straight", "any"; empty: the style profile's convention
    language_detector: str = "langdetect"
    root: str = ""
    source: str = ""

    def severity_overrides(self) -> dict[str, Severity]:
        """Rule code or prefix -> its severity. A Config made in Python may name
        severities as the files do (`Config(severity={"LN201": "error"})`)."""
        return {code: Severity.parse(value) if isinstance(value, str) else value
                for code, value in dict(self.severity).items()}

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """Codes ignored for `path` by `per-file-ignores` (globs relative to root)."""
        if not self.per_file_ignores:
            return ()
        rel = _relative(path, self.root)
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                codes.extend(ignored)
        return tuple(codes)

    def rule_folders(self) -> tuple[Path, ...]:
        base = Path(self.root) if self.root else Path.cwd()
        return tuple((base / p).resolve() for p in self.rules)


def _relative(path: str, root: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix() if root else path
    except ValueError:
        return Path(path).as_posix()


_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Config) if f.name not in ("root", "source")}


def parse_table(table: dict[str, Any], source: str) -> dict[str, Any]:
    """Validate a `[tool.lintnews]` table into Config field values."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{source}: unknown key '{key}' (known keys: {known})")
        name = _KEYS[key]
        try:
            out[name] = _convert(name, value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: bad value for '{key}': {exc}") from None
    return out


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of strings")
    return tuple(value)


def _codes(value: Any) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in _strings(value))
    for code in codes:
        if not code or not code[:2].isalpha():
            raise ValueError(f"'{code}' is not a rule code or prefix")
    return codes


def _convert(name: str, value: Any) -> Any:
    if name in ("select", "ignore", "extend_select"):
        return _codes(value)
    if name in ("include", "exclude", "rules", "allow"):
        return _strings(value)
    if name == "respect_gitignore":
        if not isinstance(value, bool):
            raise TypeError("expected true or false")
        return value
    if name == "fail_on":
        if not isinstance(value, str):
            raise TypeError("expected error, warning or info")
        return Severity.parse(value)
    if name == "severity":
        if not isinstance(value, dict):
            raise TypeError("expected a table of CODE = \"error|warning|info\"")
        return tuple(sorted((k.upper(), Severity.parse(v)) for k, v in value.items()))
    if name == "per_file_ignores":
        if not isinstance(value, dict):
            raise TypeError("expected a table of \"glob\" = [codes]")
        return tuple(sorted((k, _codes(v)) for k, v in value.items()))
    if name == "style":
        if not isinstance(value, str) or not value.strip():
            raise TypeError("expected the name of a style profile")
        return value.strip()
    if name == "quoted_severity":
        if value not in ("lower", "same", "off"):
            raise ValueError("expected 'lower', 'same' or 'off'")
        return value
    if name == "quotes":
        if value not in ("curly", "straight", "any"):
            raise ValueError("expected 'curly', 'straight' or 'any' (the house's quotation marks)")
        return value
    if name == "language_detector":
        if value not in ("langdetect", "lingua"):
            raise ValueError("expected 'langdetect' or 'lingua'")
        return value
    raise TypeError(name)  # pragma: no cover


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed TOML file, or a ConfigError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    import tomllib  # only where a configuration file is found

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


@lru_cache(maxsize=1024)
def config_for_folder(folder: Path) -> Config:
    """The configuration that applies to files in `folder` (before flags)."""
    for current in (folder, *folder.parents):
        values: dict[str, Any] = {}
        sources = []
        pyproject = current / "pyproject.toml"
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool", {}).get("lintnews")
            if tool is not None:
                if not isinstance(tool, dict):
                    raise ConfigError(f"{pyproject}: [tool.lintnews] must be a table")
                values.update(parse_table(tool, str(pyproject)))
                sources.append(str(pyproject))
        dotfile = current / ".lintnews.toml"
        if dotfile.is_file():
            values.update(parse_table(_read_toml(dotfile), str(dotfile)))
            sources.append(str(dotfile))
        if sources:
            return Config(**values, root=str(current), source=sources[-1])
    return Config()


def load_config(path: Path | None, overrides: dict[str, Any] | None = None,
                config_file: Path | None = None) -> Config:
    """The configuration for a file (or the current folder), with flags on top."""
    if config_file is not None:
        data = _read_toml(config_file)
        table = data.get("tool", {}).get("lintnews", data) if config_file.name == "pyproject.toml" else data
        base = Config(**parse_table(table, str(config_file)),
                      root=str(config_file.resolve().parent), source=str(config_file))
    else:
        folder = (path.parent if path is not None and not path.is_dir() else path) or Path.cwd()
        base = config_for_folder(folder.resolve())
    return apply_overrides(base, overrides or {})


def apply_overrides(config: Config, overrides: dict[str, Any]) -> Config:
    """Flags beat files; `extend_select` and `ignore` from flags add to the file's."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if "extend_select" in values:
        values["extend_select"] = config.extend_select + tuple(values["extend_select"])
    if "extend_ignore" in values:
        values["ignore"] = config.ignore + tuple(values.pop("extend_ignore"))
    return replace(config, **values) if values else config


def matches_globs(path: str, patterns: tuple[str, ...]) -> bool:
    name = Path(path).name
    posix = Path(path).as_posix()
    return any(
        fnmatch.fnmatch(name, p) or fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(posix, f"*/{p}")
        for p in patterns
    )


def code_selected(code: str, config: Config) -> bool:
    """Ruff's rule: the longest matching prefix among select and ignore decides."""
    best_len, selected = (0, True) if not config.select else (-1, False)
    for prefix in config.select + config.extend_select:
        if code.startswith(prefix) and len(prefix) > best_len:
            best_len, selected = len(prefix), True
    for prefix in config.ignore:
        if code.startswith(prefix) and len(prefix) >= best_len:
            best_len, selected = len(prefix), False
    return selected


__all__ = [
    "Config", "ConfigError", "load_config", "apply_overrides", "code_selected",
    "matches_globs", "parse_table", "DEFAULT_INCLUDE",
]
