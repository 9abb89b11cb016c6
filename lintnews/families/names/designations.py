"""LN217: a weapon designation whose Cyrillic letters were read as Latin look-alikes.

A translation engine copies a Cyrillic capital that looks like a Latin one
instead of transliterating it: С-300 (S-300) becomes “C-300”, Панцирь-С1
“Pantsir-C1”, Х-101 (Kh-101) “X-101”. The designations are data
(`[[designation]]` in `rules/names-designations.toml`: the English and the
Cyrillic designation); the misreading is derived from them (`misreading`).
A misreading that is also another product's name (a C-class car, a NASA
X-plane) is reported only in a sentence that names a weapon, in a text that
names one of the countries of `[designation-context]`.
"""
from __future__ import annotations

import regex

from lintnews.errors import RuleFileError
from lintnews.finding import SAFE, UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check

LOOKALIKE_DESIGNATION = Rule(
    code="LN217", name="lookalike-designation", category="transliteration",
    severity=Severity.WARNING, fixable=True,
    summary="A Russian weapon designation with Cyrillic letters read as Latin look-alikes: “C-300” for S-300.",
    doc=(
        "Cyrillic С, Х, Р, В, Н look like Latin C, X, P, B, H, and a translation\n"
        "engine copies the look-alike instead of transliterating the letter:\n"
        "С-400 becomes “C-400” (S-400), Панцирь-С1 “Pantsir-C1” (Pantsir-S1),\n"
        "Х-101 “X-101” (Kh-101), ТОС-1А “TOC-1A” (TOS-1A). The designations are\n"
        "`[[designation]]` tables in `rules/names-designations.toml` (the\n"
        "English designation as the agencies write it and the Cyrillic one, from\n"
        "the Russian Ministry of Defence's and the makers' designations); the\n"
        "misreading is derived from the Cyrillic letters, and a suffix or an\n"
        "English plural after it is kept (C-300PMU, C-400s). Where the\n"
        "misreading is also something else (`context = true`: a Mercedes C 300,\n"
        "a C-130 is another number; NASA's X-59) it is reported only in a\n"
        "sentence that names a weapon (missile, air defence, launcher ...) in a\n"
        "text that names Russia, Ukraine, Belarus or Syria, and its fix needs\n"
        "review; Pantsir-C1 and TOC-1A are nothing else, and their fix is safe.\n"
        "A newsroom adds designations with its own `[[designation]]` tables."
    ),
    examples=(
        Example("Russia moved <marker>C-400</marker> air defence systems to Crimea.", ("LN217",),
                fixed="Russia moved S-400 air defence systems to Crimea."),
        Example("Two <marker>Pantsir-C1s</marker> guarded the base.", ("LN217",),
                fixed="Two Pantsir-S1s guarded the base."),
        Example("Russia moved S-400 air defence systems to Crimea; a C-130 Hercules landed."),
        Example("The Mercedes C-300 and the new X-59 jet were on show in Moscow. A missile flew."),
    ),
    messages={"default": "“{found}” has Cyrillic letters read as Latin look-alikes ({native}): write “{fixed}”."},
)

#: Cyrillic capitals and the Latin letters they look like.
LOOKALIKES = str.maketrans("АВЕКМНОРСТУХ", "ABEKMHOPCTYX")
#: What may follow a designation: a model suffix (PMU, V4, M) and an English plural.
_TAIL = r"(?:[A-Z]{1,4}\d?)?s?(?![\w-])"


def misreading(english: str, native: str) -> str | None:
    """The designation as an engine that copies look-alike letters writes it, or
    None when it is the English one or a letter has no look-alike."""
    eng_parts, nat_parts = english.split("-"), native.split("-")
    if len(eng_parts) != len(nat_parts):
        return None
    out = []
    for eng, nat in zip(eng_parts, nat_parts):
        if any(c.islower() for c in nat):  # a word (Панцирь): the English word
            out.append(eng)
            continue
        read = nat.translate(LOOKALIKES)
        if any("\u0400" <= c <= "\u04ff" for c in read):
            return None
        out.append(read)
    written = "-".join(out)
    return None if written == english else written


class Designations:
    """The misreadings of the rule set's designations, one pattern."""

    def __init__(self, ruleset) -> None:
        self.table: dict[str, tuple[str, str, bool]] = {}
        for path, rows in ruleset.table("designation"):
            for raw in rows if isinstance(rows, list) else [rows]:
                english, native = raw.get("english"), raw.get("native")
                if not isinstance(english, str) or not isinstance(native, str):
                    raise RuleFileError(path, None, "a [[designation]] needs 'english' and 'native'")
                wrong = misreading(english, native)
                if wrong is not None:
                    self.table[wrong] = (english, native, bool(raw.get("context", True)))
        weapons: list[str] = []
        countries: list[str] = []
        for path, raw in ruleset.table("designation-context"):
            if not isinstance(raw, dict):
                raise RuleFileError(path, None, "'designation-context' must be a table of word lists")
            weapons += raw.get("weapons", [])
            countries += raw.get("countries", [])
        # a literal gate per first part (C-, X-, Pantsir-): cheap before the pattern
        self.gates = tuple(sorted({w.split("-")[0] + "-" for w in self.table}))
        alternatives = "|".join(regex.escape(w) for w in sorted(self.table, key=len, reverse=True))
        self.pattern = regex.compile(rf"(?<![\w-])({alternatives}){_TAIL}") if self.table else None
        self.weapons = _words_pattern(weapons)
        self.countries = _words_pattern(countries)


def _words_pattern(words: list[str]):
    if not words:
        return None
    lower = sorted({w for w in words if w.islower() or not w.isupper()}, key=len, reverse=True)
    upper = sorted({w for w in words if w.isupper()}, key=len, reverse=True)
    parts = []
    if lower:
        parts.append("(?i:" + "|".join(regex.escape(w) for w in lower) + ")")
    if upper:
        parts.append("|".join(regex.escape(w) for w in upper))
    return regex.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


_SENTENCE_END = regex.compile(r"[.!?](?=\s)|\n")


def _sentence(prose: str, start: int, end: int) -> str:
    """The sentence around prose[start:end] (a line ends one too)."""
    begin = max(0, start - 400)
    for m in _SENTENCE_END.finditer(prose, begin, start):
        begin = m.end()
    stop = _SENTENCE_END.search(prose, end)
    return prose[begin:stop.start() if stop else len(prose)]


@check(LOOKALIKE_DESIGNATION)
def lookalike_designations(doc, ctx):
    prose = doc.prose
    if "-" not in prose:
        return
    data = ctx.ruleset.memo("names-designations", Designations)
    if data.pattern is None or not any(gate in prose for gate in data.gates):
        return
    in_country = None
    for m in data.pattern.finditer(prose):
        english, native, needs_context = data.table[m.group(1)]
        if needs_context:
            if in_country is None:
                in_country = data.countries is not None and data.countries.search(prose) is not None
            if not in_country or data.weapons is None or \
                    data.weapons.search(_sentence(prose, m.start(), m.end())) is None:
                continue
        found = m.group()
        fixed = english + found[len(m.group(1)):]
        yield doc.finding(LOOKALIKE_DESIGNATION, m.start(), m.end(),
                          {"found": found, "native": native, "fixed": fixed},
                          [(fixed, UNSAFE if needs_context else SAFE)])


CHECKS = [lookalike_designations]
