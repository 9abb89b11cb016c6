#!/usr/bin/env python3
"""Propose LN807 entries: names of outlets and bodies translated word by word.

Reads tools/data/ru-uk-names.tsv (a Russian or Ukrainian name and the English
name it uses itself) and tools/data/ru-uk-glossary.tsv (word stems and the
English words MT renders them with), translates every name word by word in
every combination of the glossary's senses, and prints each rendering that is
not the name's own English as a TOML `[[rule.term]]` table for a person to
review before it goes into lintnews/rules/calques.toml. A rendering that is
an ordinary English phrase in lowercase would be too (“new newspaper”), so
only the capitalised rendering is proposed; one that the English name
already uses (Servant of the People) is left out; a name with a word the
glossary lacks is reported on standard error.

    python3 tools/propose_translated_names.py > /tmp/names.toml

This is a tool: lintnews never reads these TSV files.
"""
from __future__ import annotations

import argparse
import sys
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def senses(word: str, glossary: dict[str, list[str]]) -> list[str] | None:
    """The English of `word` by its longest stem in `glossary`, or None."""
    low = word.lower()
    for stem in sorted(glossary, key=len, reverse=True):
        if low.startswith(stem):
            return glossary[stem]
    return None


def renderings(name: str, glossary: dict[str, list[str]]) -> list[str] | None:
    """Every word-by-word English of `name`, or None when a word is not in the glossary."""
    choices = []
    for word in name.split():
        english = senses(word, glossary)
        if english is None:
            return None
        choices.append(english)
    return [" ".join(combo) for combo in product(*choices)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", default=str(HERE / "data" / "ru-uk-names.tsv"))
    ap.add_argument("--glossary", default=str(HERE / "data" / "ru-uk-glossary.tsv"))
    args = ap.parse_args(argv)
    try:
        names = read_tsv(Path(args.names))
        glossary = {row[0].lower(): row[1].split("|") for row in read_tsv(Path(args.glossary))}
    except (OSError, IndexError) as exc:
        print(f"propose_translated_names: cannot read the data: {exc}", file=sys.stderr)
        return 2
    seen: set[str] = set()
    for cyrillic, english in names:
        found = renderings(cyrillic, glossary)
        if found is None:
            print(f"propose_translated_names: no glossary entry for a word of {cyrillic!r}", file=sys.stderr)
            continue
        for text in found:
            if text.lower() == english.lower() or text.lower() in english.lower() or text in seen:
                continue
            seen.add(text)
            print(f"[[rule.term]]  # {cyrillic}")
            print(f'found = "{text}"')
            print(f'expected = "{english}"')
            print(f'reason = "{cyrillic} is {english} in English"')
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
