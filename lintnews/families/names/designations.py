"""LN217: a designation whose Cyrillic letters were read as Latin look-alikes, or with a case ending.

A translation engine copies a Cyrillic capital that looks like a Latin one
instead of transliterating it: С-300 (S-300) becomes “C-300”, Панцирь-С1
“Pantsir-C1”, Х-101 (Kh-101) “X-101”. The designations are data
(`[[designation]]` in `rules/names-designations.toml`: the English and the
Cyrillic designation); the misreading is derived from them (`misreading`).
A case ending on the designation's word is read from the Cyrillic too
(`case_readings`: Pantsirya-S1, Formuli-1). A misreading that is also another product's name (a C-class car, a NASA
X-plane) is reported only in a sentence that names a weapon, in a text that
names one of the countries of `[designation-context]`.
"""
from __future__ import annotations

import re

import regex

from lintnews.errors import RuleFileError
from lintnews.finding import SAFE, UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.romanize import romanize
from lintnews.text.literals import find_all

LOOKALIKE_DESIGNATION = Rule(
    code="LN217", name="lookalike-designation", category="transliteration",
    severity=Severity.WARNING, fixable=True,
    summary="A Russian designation with Cyrillic letters read as Latin look-alikes or a case ending: “C-300” for S-300, “Formuli-1”.",
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
        "A designation of one word and one code also gets the Russian and\n"
        "Ukrainian case endings of its word, romanized from the Cyrillic:\n"
        "Pantsirya-S1, Iskandera-M, Formuli-1 (Формули-1, of Formula 1); those\n"
        "are nothing else, and reported anywhere, with a safe fix.\n"
        "A newsroom adds designations with its own `[[designation]]` tables."
    ),
    examples=(
        Example("Russia moved <marker>C-400</marker> air defence systems to Crimea.", ("LN217",),
                fixed="Russia moved S-400 air defence systems to Crimea."),
        Example("Two <marker>Pantsir-C1s</marker> guarded the base.", ("LN217",),
                fixed="Two Pantsir-S1s guarded the base."),
        Example("The race of <marker>Formuli-1</marker> and two <marker>Iskandera-M</marker> launchers.", ("LN217",),
                fixed="The race of Formula 1 and two Iskander-M launchers."),
        Example("Russia moved S-400 air defence systems to Crimea; a C-130 Hercules landed; Formula 1."),
        Example("The Mercedes C-300 and the new X-59 jet were on show in Moscow. A missile flew."),
    ),
    messages={
        "default": "“{found}” has Cyrillic letters read as Latin look-alikes ({native}): write “{fixed}”.",
        "case": "“{found}” keeps a Russian or Ukrainian case ending ({native}): write “{fixed}”.",
    },
)

#: Cyrillic capitals and the Latin letters they look like.
LOOKALIKES = str.maketrans("АВЕКМНОРСТУХ", "ABEKMHOPCTYX")
#: What may follow a designation: a model suffix (PMU, V4, M) and an English plural.
_TAIL = r"(?:[A-Z]{1,4}\d?)?s?(?![\w-])"


_PARTS = re.compile(r"[- ]")


def misreading(english: str, native: str) -> str | None:
    """The designation as an engine that copies look-alike letters writes it, or
    None when it is the English one or a letter has no look-alike."""
    eng_parts, nat_parts = _PARTS.split(english), native.split("-")
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
    return None if out == eng_parts else "-".join(out)


#: Russian (and Ukrainian) case endings of a noun by its last letter: genitive,
#: dative, accusative, instrumental, locative (Формула-1 -> Формулы-1, Формули-1).
_CASES = {"а": ("ы", "и", "е", "у", "ой", "ою"), "ь": ("я", "ю", "ем", "е", "и"), "й": ("я", "ю", "ем", "е")}
_AFTER_CONSONANT = ("а", "у", "ом", "е", "и")
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяіїє")


def case_readings(english: str, native: str) -> list[str]:
    """The designation with a Russian or Ukrainian case ending on its word
    (Formuli-1, Pantsirya-S1), romanized from the Cyrillic (BGN/PCGN, и as i, ы
    as y); the code part as written in English or as its look-alike misreading.
    Only a designation of one word and one code (Формула-1, Панцирь-С1)."""
    eng_parts, nat_parts = _PARTS.split(english), native.split("-")
    if len(nat_parts) != 2 or len(eng_parts) != 2 or not any(c.islower() for c in nat_parts[0]):
        return []
    word = nat_parts[0]
    last = word[-1:].lower()
    if last in _CASES:
        stem, endings = word[:-1], _CASES[last]
    elif last not in _CYRILLIC_VOWELS:
        stem, endings = word, _AFTER_CONSONANT
    else:
        return []
    codes = {eng_parts[1]}
    misread = misreading(english, native)
    if misread is not None:
        codes.add(misread.split("-", 1)[1])
    out = {f"{form}-{code}" for form in (romanize(stem + e, "ru") for e in endings)
           if form != eng_parts[0] for code in codes}
    return sorted(out)


class Designations:
    """The misreadings of the rule set's designations, one pattern."""

    def __init__(self, ruleset) -> None:
        #: written form -> (English designation, Cyrillic, needs a context, message template)
        self.table: dict[str, tuple[str, str, bool, str]] = {}
        for path, rows in ruleset.table("designation"):
            for raw in rows if isinstance(rows, list) else [rows]:
                english, native = raw.get("english"), raw.get("native")
                if not isinstance(english, str) or not isinstance(native, str):
                    raise RuleFileError(path, None, "a [[designation]] needs 'english' and 'native'")
                wrong = misreading(english, native)
                if wrong is not None:
                    self.table[wrong] = (english, native, bool(raw.get("context", True)), "default")
                for form in case_readings(english, native):  # a case form is nothing else
                    self.table.setdefault(form, (english, native, False, "case"))
        weapons: list[str] = []
        countries: list[str] = []
        for path, raw in ruleset.table("designation-context"):
            if not isinstance(raw, dict):
                raise RuleFileError(path, None, "'designation-context' must be a table of word lists")
            weapons += raw.get("weapons", [])
            countries += raw.get("countries", [])
        # the first word runs (C, X, Pantsir, Formuli): the document's words must have one
        self.first_words = frozenset(regex.match(r"\w+", w).group() for w in self.table)
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


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


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
    if data.pattern is None or data.first_words.isdisjoint(doc.word_set):
        return
    in_country = None
    starts = sorted(i for word in data.first_words & doc.word_set for i in find_all(prose, word + "-"))
    for m in filter(None, (data.pattern.match(prose, i) for i in starts)):
        english, native, needs_context, template = data.table[m.group(1)]
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
                          [(fixed, UNSAFE if needs_context else SAFE)], template=template)


CHECKS = [lookalike_designations]
