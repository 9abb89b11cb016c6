#!/usr/bin/env python3
"""Propose LN806 entries: Russian and Ukrainian acronyms in the Latin letters MT writes.

Reads tools/data/ru-uk-acronyms.tsv (Cyrillic acronym, language, English, kind)
and romanizes every acronym by the schemes machine translation uses: BGN/PCGN
for Russian (ЗСУ → ZSU, МЧС → MChS/MCHS), the Ukrainian national system KMU 2010
(Г → H, И → Y), and the French- and scholarly-style letters some engines fall
back on (Ж → J, Х → H, Ц → C, Ч → C). Each candidate is printed as a TOML
`[[rule.term]]` table for a person to review before it goes into
lintnews/rules/calques.toml; a candidate that is also an English word or a
common English acronym is printed commented out, with the reason, since the
rule would then need a context or an exception.

    python3 tools/propose_acronyms.py [--data FILE] > /tmp/candidates.toml

This is a tool: lintnews never reads the TSV.
"""
from __future__ import annotations

import argparse
import sys
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# Each Cyrillic capital and the Latin letters MT writes for it, the
# transliteration standard's first.
LETTERS = {
    "А": ["A"], "Б": ["B"], "В": ["V"], "Г": ["G", "H"], "Ґ": ["G"], "Д": ["D"],
    "Е": ["E", "YE"], "Є": ["YE", "IE", "E"], "Ё": ["YO", "E"], "Ж": ["ZH", "J"], "З": ["Z"],
    "И": ["I", "Y"], "І": ["I"], "Ї": ["YI", "I"], "Й": ["Y", "I", "J"], "К": ["K"], "Л": ["L"],
    "М": ["M"], "Н": ["N"], "О": ["O"], "П": ["P"], "Р": ["R"], "С": ["S"], "Т": ["T"],
    "У": ["U"], "Ф": ["F"], "Х": ["KH", "H"], "Ц": ["TS", "C"], "Ч": ["CH", "C"],
    "Ш": ["SH", "S"], "Щ": ["SHCH", "SCH"], "Ы": ["Y"], "Э": ["E"], "Ю": ["YU", "IU"],
    "Я": ["YA", "IA"],
}
# Ukrainian and Russian read some letters differently: keep each language's own.
ONLY = {"ru": {"Г": ["G"], "И": ["I"]}, "uk": {"Г": ["H"], "И": ["Y"]}}

# Real English acronyms a romanized form may collide with (written out; extend freely).
ENGLISH_ACRONYMS = {
    "AES", "APU", "ATO", "BMP", "BTR", "CIA", "DNR", "DRG", "ES", "FBI", "GES", "MID", "MO", "MVD",
    "NBU", "OP", "PPO", "RB", "RF", "SAU", "SK", "SMI", "SNG", "TEC", "UN", "US", "VR", "VSU",
}


def romanizations(acronym: str, lang: str) -> list[str]:
    """Every Latin form of `acronym`, in capitals and with multi-letter digraphs in mixed case."""
    choices = []
    for ch in acronym:
        options = LETTERS.get(ch)
        if options is None:
            return []
        if lang in ONLY and ch in ONLY[lang]:
            options = ONLY[lang][ch]
        choices.append(options)
    out: dict[str, None] = {}
    for combo in product(*choices):
        out["".join(combo)] = None
        mixed = "".join(part[0] + part[1:].lower() for part in combo)
        out[mixed] = None
    return list(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(HERE / "data" / "ru-uk-acronyms.tsv"))
    args = ap.parse_args(argv)
    try:
        from lintnews.text.wordlist import frequencies
        words = frequencies()
    except ImportError:
        words = {}
    try:
        rows = Path(args.data).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        print(f"propose_acronyms: cannot read {args.data}: {exc.strerror}", file=sys.stderr)
        return 2
    seen: set[str] = set()
    for row in rows:
        if not row.strip() or row.startswith("#"):
            continue
        cyrillic, langs, english, kind = row.split("\t")
        forms: dict[str, None] = {}
        for lang in langs.split("/"):
            forms.update(dict.fromkeys(romanizations(cyrillic, lang)))
        for form in forms:
            if form in seen:
                continue
            seen.add(form)
            doubt = []
            if form.upper() in ENGLISH_ACRONYMS:
                doubt.append("an English acronym")
            if words.get(form.lower(), 0) >= 100:
                doubt.append("an English word")
            prefix = "# " if doubt else ""
            print(f"{prefix}[[rule.term]]  # {cyrillic} ({langs}){': ' + ', '.join(doubt) if doubt else ''}")
            print(f'{prefix}found = "{form}"')
            print(f'{prefix}expected = "{english}"')
            print(f'{prefix}reason = "{cyrillic} romanized"')
            if kind == "legit":
                print(f"{prefix}derived-only = true")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
