"""Module-level patterns compiled on first use, not at import.

A one-article run (the pre-commit case) imports every check module, but a
typical article reaches only some of their patterns: the Cyrillic, RTL,
Spanish-punctuation or HTML ones never run on plain English news. Compiling
them all at import cost a noticeable part of that run's start-up, mostly in
the `regex` module's parser. So a module writes

    _DATELINE = lazy_regex(r"...", regex.IGNORECASE)
    _MARKS = lazy_re(r"[“”]")

and uses it exactly like the compiled pattern, through its attributes
(`.search`, `.finditer`, `.sub`, `.match`, `.pattern`, ...): the first
attribute read compiles it (same source, flags and keyword arguments as the
eager call) and from then on the pattern's attributes are read from the
instance, at the cost of an ordinary attribute lookup.

A `LazyPattern` is not a `Pattern`: do not pass one where the type is
checked or a pattern is expected as an argument (`regex.sub(LAZY, ...)`,
`isinstance`, a dict key, pickling); use `.compiled()` there.
"""
from __future__ import annotations

TYPE_CHECKING = False  # not `typing`, ~3 ms to import: annotations only
if TYPE_CHECKING:
    from typing import Any, Callable


_PUBLIC: dict[type, list[str]] = {}  # pattern type -> its public attribute names


class LazyPattern:
    """A pattern compiled by `compile(source, flags, **kwargs)` on first attribute access."""

    def __init__(self, compile: Callable[..., Any], source: str, flags: int = 0, **kwargs: Any) -> None:
        self._compile = compile
        self._source = source
        self._flags = flags
        self._kwargs = kwargs

    def compiled(self):
        """The compiled pattern (compiled now if it was not yet)."""
        pattern = self.__dict__.get("_compiled")
        if pattern is None:
            pattern = self._compile(self._source, self._flags, **self._kwargs)
            # Copy the pattern's public attributes onto the instance, so that later
            # reads are plain instance-dict hits and never come back to __getattr__.
            names = _PUBLIC.get(type(pattern))
            if names is None:  # once per pattern type (re's, regex's): `dir` is slow
                names = _PUBLIC[type(pattern)] = [n for n in dir(pattern) if not n.startswith("_")]
            for name in names:
                self.__dict__[name] = getattr(pattern, name)
            self.__dict__["_compiled"] = pattern
        return pattern

    def __getattr__(self, name: str) -> Any:
        # Only called for a name the instance does not have yet: not compiled, or private.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        state = "compiled" if "_compiled" in self.__dict__ else "not compiled"
        return f"<LazyPattern {self._source[:40]!r} ({state})>"


def lazy_regex(source: str, flags: int = 0, **kwargs: Any) -> LazyPattern:
    """`regex.compile(source, flags, **kwargs)`, done on first use."""
    return LazyPattern(_regex_compile, source, flags, **kwargs)


def lazy_re(source: str, flags: int = 0) -> LazyPattern:
    """`re.compile(source, flags)`, done on first use."""
    from lintnews.text.patterncache import compile_re

    return LazyPattern(compile_re, source, flags)


def _regex_compile(source: str, flags: int = 0, **kwargs: Any):
    from lintnews.text.patterncache import compile_regex

    return compile_regex(source, flags, **kwargs)
