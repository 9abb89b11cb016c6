"""Patterns compiled where they are first needed, not when their module is imported.

Most of a check's patterns serve text that few articles have (a Cyrillic
run, an HTML page's furniture, a list of figures): compiling them at import
would cost every process, while this way a clean article pays only for what
it uses.

    _byline = deferred_regex(r"^by\\s+\\S", regex.IGNORECASE)
    ...
    if _byline().match(line): ...

`deferred_regex(...)` is a function without arguments that compiles the
pattern on its first call (`functools.cache`) and gives the same pattern
object ever after.
"""
from __future__ import annotations

import re
from functools import cache

import regex


def deferred_regex(source: str, flags: int = 0):
    """A function that gives `regex.compile(source, flags)`, compiled on its first call."""
    return cache(lambda: regex.compile(source, flags))


def deferred_re(source: str, flags: int = 0):
    """A function that gives `re.compile(source, flags)`, compiled on its first call."""
    return cache(lambda: re.compile(source, flags))
