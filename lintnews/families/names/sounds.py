"""Transliteration-insensitive keys for names: one key for every spelling of a name.

Two keys, both a dict lookup per word:

- `sound_key(word)`: the key of a name's spellings through the romanization
  schemes of Slavic names (KMU, BGN/PCGN, scholarly, German, Czech, Polish,
  Spanish, French): diacritics spelt out (š → sh), the letters one Cyrillic
  letter becomes in different schemes made one (kh/h/g/ch for х and г;
  c/ts/tz/cz/č for ц and ч; y/i/j for и, і, й; zh/z/ž for ж; w/v; doubled
  letters once), each run of vowels kept as one of three classes (a; e, i,
  y; o, u): Petrov and Petrova, Garin and Giron keep apart.
  Zaluzhny, Zaluzhnyi and Zalužnyj share one key; Havrylytsia, Gavrilitsa
  and Gavrilica another.
- `stem_key(word)`: `sound_key` without a final case ending (Pantsirei,
  Panciry and Pantsir), for grouping the spellings of one text.
- `round_trip_key(word)`: the key of a Western name written in Cyrillic and
  romanized back (Scholz → Шольц → Sholts; Baerbock → Бербок → Berbok;
  Verstappen → Ферстаппен → Ferstapen; Hamilton → Хэмилтон → Chemilton):
  the same collapses, plus the vowels Russian spelling merges (ae/ä/e, oo/ou/u,
  ie/e) and a silent final e, with the vowels themselves kept, so
  that the key stays as long as the name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters with diacritics the schemes use, spelt out before the accents go.
_SPELL = str.maketrans({
    "š": "sh", "č": "ch", "ž": "zh", "ś": "s", "ć": "c", "ź": "z", "ż": "zh", "ř": "rzh",
    "ł": "l", "ñ": "n", "ß": "ss", "ä": "e", "æ": "e", "ö": "e", "ü": "u", "ğ": "",
    "ş": "sh", "ç": "ch", "ț": "ts", "ţ": "ts", "ș": "sh", "ş": "sh", "ı": "i", "đ": "d", "ŭ": "u",
})
# Longest first: (spelling, class letter); one pass left to right.
_BARE = str.maketrans({"ł": "l", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae", "ø": "o"})
_SOUND_UNITS = (
    ("shch", "S"), ("sch", "S"), ("szcz", "S"), ("tsch", "C"), ("tch", "C"), ("cz", "C"),
    ("sz", "S"), ("sh", "S"), ("zh", "Z"), ("kh", "H"), ("ch", "C"), ("ts", "C"), ("tz", "C"),
    ("ck", "K"), ("ph", "F"), ("x", "KS"), ("q", "K"), ("c", "C"), ("h", "H"), ("g", "H"),
    ("k", "K"), ("w", "V"), ("v", "V"), ("f", "F"), ("z", "Z"), ("s", "S"), ("j", "i"),
)
_VOWELS = frozenset("aeiouy")
_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "o", "u": "o"}


def plain(word: str) -> str:
    """`word` in lowercase, its scheme letters spelt out and other accents dropped."""
    low = word.lower().translate(_SPELL)
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


def bare(word: str) -> str:
    """`word` in lowercase without its diacritics, as English news drops them (Pécresse → pecresse)."""
    low = word.lower().translate(_BARE)
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


def _units(low: str, units) -> list[str]:
    """`low` read left to right as the units of `units` (the first spelling listed
    that starts at a place wins), any other character as itself."""
    findall, unit_of = _reader(units)
    pieces = findall(low)
    return list(map(unit_of, pieces, pieces))


@lru_cache(maxsize=8)
def _reader(units) -> tuple:
    """One pattern of the spellings in their listed order, then any character:
    `re` tries the alternatives in order at each place, as a loop over `units` would."""
    pattern = re.compile("|".join(re.escape(spelling) for spelling, _unit in units) + "|.", re.DOTALL)
    return pattern.findall, dict(reversed(units)).get


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """One key for a name's spellings across the romanization schemes (see module doc)."""
    units = _units(plain(word), _SOUND_UNITS)
    consonants: list[str] = []
    vowels: list[str] = []
    previous_vowel = False
    for unit in units:
        if unit in _VOWELS:
            # a run of vowels counts once, as its last letter (ia, ya: a)
            if previous_vowel:
                vowels[-1] = _VOWEL_CLASS[unit]
            else:
                vowels.append(_VOWEL_CLASS[unit])
            previous_vowel = True
            continue
        previous_vowel = False
        if not consonants or consonants[-1] != unit:
            consonants.append(unit)
    return f"{''.join(consonants)}/{''.join(vowels)}"


_CASE_VOWELS = frozenset("eiy")
#: The final vowels of a Russian case or plural (-ы, -ей) and of the adjective
#: endings -ий, -ій, -ый: not a single -i or -e, which make other names in other
#: languages (Hamid and Hamidi, Ross and Rossi, Brown and Browne).
_CASE_RUNS = frozenset(("y", "ei", "ey", "yi", "iy", "ii", "yy"))


@lru_cache(maxsize=65536)
def stem_key(word: str) -> str:
    """`sound_key` of `word` without a final Russian case or adjective ending after a
    consonant (`_CASE_RUNS`): Pantsirei and Panciry are Pantsir, Zaluzhnyi is Zaluzhny.
    A final a stays (Petrova is not Petrov), and so do a single i and e."""
    low = plain(word)
    i = len(low)
    while i and low[i - 1] in _CASE_VOWELS:
        i -= 1
    if low[i:] in _CASE_RUNS and i >= 4 and low[i - 1] not in _VOWELS:
        return sound_key(low[:i])
    return sound_key(low)


# The round trip: what the vowels of a Western name become in Russian and back.
_TRIP_UNITS = (
    ("sch", "S"), ("tsch", "C"), ("sh", "S"), ("zh", "Z"), ("kh", "H"), ("ch", "H"),
    ("ts", "C"), ("tz", "C"), ("ck", "K"), ("ph", "F"), ("th", "T"), ("x", "KS"), ("qu", "KV"),
    ("q", "K"), ("ae", "e"), ("oe", "u"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "e"),
    ("ey", "ei"), ("ay", "ei"), ("h", "H"), ("g", "H"), ("k", "K"), ("w", "F"), ("v", "F"),
    ("f", "F"), ("z", "C"), ("s", "S"), ("j", "i"), ("y", "i"), ("a", "e"),
)


@lru_cache(maxsize=65536)
def round_trip_key(word: str) -> str:
    """The key a Western name keeps through a Russian round trip (see module doc)."""
    low = plain(word)
    if len(low) > 3 and low.endswith("ie"):
        low = low[:-1]  # Valérie
    elif len(low) > 3 and low.endswith("e") and low[-2] not in _VOWELS:
        low = low[:-1]  # Pécresse: the silent e
    # c before e, i, y is an s; else a k
    chars = []
    for i, c in enumerate(low):
        if c == "c" and not low.startswith(("ch", "ck", "cz"), i):
            nxt = low[i + 1:i + 2]
            c = "s" if nxt in ("e", "i", "y") else "k"
        chars.append(c)
    units = _units("".join(chars), _TRIP_UNITS)
    out: list[str] = []
    for unit in units:
        if not out or out[-1] != unit:
            out.append(unit)
    return "".join(out)
