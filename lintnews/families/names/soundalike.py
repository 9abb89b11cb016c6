"""One name spelt two ways in one text, for any name (LN213).

Machine translation romanizes a name again at every occurrence, and the
schemes differ: Zaluzhnyi and Zaluzhny, Havrylytsia and Gavrilitsa, Rečan
and Recan in one article. The document's capitalised words are grouped by a
transliteration-insensitive key (`sounds.stem_key`: `sound_key` without a
final case ending, so Pantsirei and Panciry join Pantsir); in a group of several
spellings, each spelling other than the right one is reported. The right one
is the official form where the names table (an accepted form) or the list
of world figures knows it, else the spelling the text uses most; in a tie,
the one spelling in English letters (Recan, not Rečan); spellings that
differ only by a doubled letter (Mavrouianis, Mavrouiannis) are reported
without a fix, since either may be the right one; any other tie is left alone.

A name the text also writes in the nominative in -a is reported where it has
a case ending instead (Vasny beside Vasna: `spellings`).

Never grouped: English words (Hamas and Homs), known given names (Aleksandr
and Oleksandr may be two people), and spellings that the names table gives
to two different people or places. Two spellings each written after a
different given name (Mark Jansen, Eva Janssen) are two people.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from lintnews.families.names.sounds import bare, sound_key, stem_key

#: The shortest key (consonants and vowel count) worth grouping.
MIN_CONSONANTS = 3


def group_key(word: str) -> str:
    """The key `spellings` groups a spelling under (`stem_key`), or "" when it is too short to group."""
    key = stem_key(word)
    return key if len(key.split("/", 1)[0]) >= MIN_CONSONANTS else ""


_CASE_ENDINGS = frozenset("iyeu")
_VOWEL_LETTERS = frozenset("aeiouy")


def _case_stem(low: str) -> str:
    """`low` without its final vowel when a consonant stands before it, else ""."""
    if len(low) >= 5 and low[-1] in _VOWEL_LETTERS and low[-2] not in _VOWEL_LETTERS:
        return low[:-1]
    return ""


@lru_cache(maxsize=65536)
def case_key(word: str) -> tuple[str, str]:
    """("a", key) for a name in -a, ("case", key) for one with a case ending, else ("", "")."""
    low = bare(word)
    stem = _case_stem(low)
    if not stem:
        return "", ""
    if low.endswith("a"):
        return "a", sound_key(stem)
    return ("case", sound_key(stem)) if low[-1] in _CASE_ENDINGS else ("", "")


def spellings(keyed) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The document's spellings of one name, in one pass over its capitalised words:

    - by key, for the keys with two spellings or more (`group_key`);
    - {case form: the name in the nominative} for the names a text writes both in
      the nominative in -a and with a Russian or Ukrainian case ending -i, -y, -e,
      -u (Vasna, Vasny; Odesa, Odesy): machine translation declines a name it does
      not know (`case_key`).

    `keyed`: (word, (its `group_key`, *its `case_key`), ...) for each word, the keys
    ("", "", "") for a word that is no candidate; further items are not read."""
    by_key: dict[str, list[str]] = {}
    nominative: dict[str, str | None] = {}
    endings: list[tuple[str, str]] = []
    for word, (group, kind, key), *_rest in keyed:
        if group:
            by_key.setdefault(group, []).append(word)
        if not kind:
            continue
        if kind == "a":
            nominative[key] = word if nominative.get(key, word) == word else None
        else:
            endings.append((word, key))
    return ({key: found for key, found in by_key.items() if len(found) > 1},
            {word: nominative[key] for word, key in endings if nominative.get(key)})


def verdicts(spellings, counts: Counter, official, givens: dict[str, set[str]]):
    """(spelling, target) for each spelling to report in one group.

    `official(spelling)`: the accepted form it is (or "" when unknown), `givens`:
    the given names seen before each spelling."""
    known = {s: official(s) for s in spellings}
    targets = {f for f in known.values() if f}
    if len(targets) > 1:
        return []  # two known names that sound alike
    if targets:
        target = targets.pop()
    else:
        ranked = counts.most_common()
        if len(ranked) < 2:
            return []
        if ranked[0][1] == ranked[1][1]:
            # a tie: English spells in English letters (Recan, not Rečan)
            english = [s for s, n in ranked if n == ranked[0][1] and s.isascii()]
            if len(english) != 1 or all(s.isascii() for s, _n in ranked):
                return _doubled(spellings, givens)
            target = english[0]
        else:
            target = ranked[0][0]
    target_givens = givens.get(target, set())
    out = []
    for spelling in spellings:
        if spelling == target or bare(spelling) == bare(target):
            continue
        mine = givens.get(spelling, set())
        if mine and target_givens and not (mine & target_givens):
            continue  # Mark Jansen and Eva Janssen
        out.append((spelling, target))
    return out


#: The shortest spelling a tie of doubled letters is reported for.
MIN_DOUBLED = 7


def _single(word: str) -> str:
    """`word` in lowercase with each doubled letter written once (Mavrouiannis: mavrouianis)."""
    low = bare(word)
    return "".join(c for i, c in enumerate(low) if not i or c != low[i - 1])


def _doubled(spellings, givens: dict[str, set[str]]):
    """In a tie, spellings that differ only by a doubled letter (Mavrouianis, Mavrouiannis)
    are one name whichever is right: each is reported with target None (no fix)."""
    if len({_single(s) for s in spellings}) != 1 or min(map(len, spellings)) < MIN_DOUBLED:
        return []
    seen = [givens[s] for s in spellings if givens.get(s)]
    if len(seen) > 1 and not set.intersection(*seen):
        return []  # two people: Mark Jansen and Eva Janssen
    return [(s, None) for s in spellings]
