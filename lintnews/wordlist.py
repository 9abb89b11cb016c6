"""Word lists with frequencies, from the maintained pyspellchecker package.

Used where a check must know whether a token is a real word: glued words
(`Benedettowho` is not a word, `Benedetto` + `who` are), names near a known
entity (`Kharkovk` is not an English word), and the cheap language gate.
pyspellchecker ships lowercase word → frequency tables for English (about
160,000 words), Spanish, German, French, Italian, Portuguese, Russian and
others. A table loads in about 0.1 s, so it loads lazily, on first use, once
per process.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "ru", "nl")


@lru_cache(maxsize=None)
def frequencies(lang: str = "en") -> dict[str, int]:
    """The word → frequency table of a language (lowercase words)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no word list for language '{lang}'")
    data = (resources.files("spellchecker") / "resources" / f"{lang}.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


def frequency(word: str, lang: str = "en") -> int:
    """How common `word` is in the language's table (0 when absent)."""
    return frequencies(lang).get(word.lower(), 0)


def is_word(word: str, lang: str = "en", min_frequency: int = 1) -> bool:
    """True when `word` is in the language's table at least `min_frequency` times."""
    return frequency(word, lang) >= min_frequency
