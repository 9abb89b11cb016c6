"""LN218: a village's name garbled by translation, close to a place of the gazetteer.

A translation engine that does not know a village romanizes it afresh, often
wrongly: Мотижин (Motyzhyn) becomes “Motichyn”. At the scale of thousands of
villages any capitalised word is near one, so a word is judged only where the
text says it is a settlement: right after “village”, “settlement” or
“hamlet” (“the village Motichyn”, “the village of Motichyn”), in a text that
puts it in Ukraine (`context.Whereabouts`). It is reported when it is no
English word and no known name, and its `sound_key` is the key of exactly one
gazetteer place, or that key with one sibilant changed into another (ch, zh, sh,
z, ts, s: Мотижин read with ч), not the first consonant (the
key already makes the romanizations' letters one: kh/h/g, y/i; the vowels
must agree), with four consonants or more.
"""
from __future__ import annotations

import regex

from lintnews.finding import UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.families.names.context import Whereabouts
from lintnews.families.names.gazetteer import PLACE_TYPES
from lintnews.families.names.sounds import sound_key
from lintnews.run.tablecache import cached_data
from lintnews.text.literals import find_all

GARBLED_PLACE = Rule(
    code="LN218", name="garbled-place-name", category="transliteration",
    severity=Severity.WARNING, fixable=True,
    summary="A village's name garbled by translation, close to a Ukrainian place: “the village Motichyn” (Motyzhyn).",
    doc=(
        "Machine translation romanizes a village it does not know letter by\n"
        "letter, often wrongly: Мотижин (Motyzhyn) becomes “Motichyn”. A\n"
        "capitalised word right after “village”, “settlement” or “hamlet” (and\n"
        "“of”) in a text about Ukraine is compared with the Ukrainian places of\n"
        "the gazetteer (`rules/names-ukraine-gazetteer.txt`, GeoNames, CC BY\n"
        "4.0) by a transliteration-insensitive sound key (kh, h and g are one;\n"
        "y and i are one): when it is no English word and no known name, has\n"
        "four consonants or more, and exactly one place's key is the same or has\n"
        "one sibilant changed into another (ch, zh, sh, z, ts, s; not the first\n"
        "consonant, the vowels the same: ch for zh in Motichyn), that place is\n"
        "named. The fix is a guess and\n"
        "needs review. A word elsewhere in the sentence is never judged: the\n"
        "gazetteer's villages would make any name near one."
    ),
    examples=(
        Example("In Ukraine, the head of the village <marker>Motichyn</marker> was found dead.", ("LN218",),
                fixed="In Ukraine, the head of the village Motyzhyn was found dead."),
        Example("In Ukraine, the head of the village Motyzhyn was found dead; the village Orchard too."),
        Example("In France, the head of the village Motichyn was found dead."),
    ),
    messages={"default": "“{found}” is no known place: the Ukrainian place whose name is closest is "
                         "“{fixed}” ({native}); check the source."},
)

_AFTER_SOURCE = (
    r"(?<![\w-])(?:[Vv]illage|[Ss]ettlement|[Hh]amlet)s?(?:[ \u00a0]of)?[ \u00a0](\p{Lu}\p{Ll}{3,})(?![\w-])")
#: The literal tails of the words `_AFTER_SOURCE` starts with (one letter after the capital).
_TRIGGERS = ("illage", "ettlement", "amlet")
#: The sound-key units of the sibilants ж, ч, ш, щ, з, ц, с, which a translation
#: engine confuses most (Motichyn for Мотижин): the one consonant that may differ.
SIBILANTS = frozenset("CSZ")
#: Consonant units a key needs: with fewer, too many villages share a key.
MIN_CONSONANTS = 4


def _keyed_places(ruleset, table) -> dict[str, list[list[str]]]:
    """Sound key -> [[English form, native name], ...] of the gazetteer's Ukrainian
    places (kept in the table cache: the keys of three thousand names take a while)."""
    def build() -> dict[str, list[list[str]]]:
        by_key: dict[str, list[list[str]]] = {}
        for e in table.entities:
            if e.gazetteer and e.type in PLACE_TYPES and e.country == "UA":
                for form in e.forms:
                    if " " not in form and "-" not in form:
                        key = sound_key(form)
                        if len(key.partition("/")[0]) >= MIN_CONSONANTS:
                            by_key.setdefault(key, []).append([e.forms[0], e.native])
        return by_key

    return cached_data("names-village-keys", ruleset.cache_key, build, lambda value: isinstance(value, dict))


def sibilant_neighbours(key: str) -> list[str]:
    """`key` with one sibilant (not the first consonant) changed into another."""
    consonants, _, vowels = key.partition("/")
    out = []
    for i in range(1, len(consonants)):
        if consonants[i] in SIBILANTS:
            for other in SIBILANTS:
                if other != consonants[i]:
                    out.append(f"{consonants[:i]}{other}{consonants[i + 1:]}/{vowels}")
    return out


class Villages:
    """Gazetteer places by sound key."""

    def __init__(self, ruleset) -> None:
        table = ruleset.data.entities
        self.table = table
        self.by_key = _keyed_places(ruleset, table)
        self._nearest: dict[str, tuple[str, str] | None] = {}
        elsewhere: list[str] = []
        for _path, raw in ruleset.table("ukraine-context"):
            if isinstance(raw, dict):
                elsewhere += [w for w in raw.get("elsewhere", []) if isinstance(w, str)]
        self.context = (tuple(table.context), tuple(dict.fromkeys(elsewhere)))
        #: a word right after "village", "settlement" or "hamlet" (compiled on first use)
        self.after = regex.compile(_AFTER_SOURCE)

    def nearest(self, word: str) -> tuple[str, str] | None:
        """(English form, native name) of the one place whose key is `word`'s or one
        sibilant from it, else None (cached per word)."""
        try:
            return self._nearest[word]
        except KeyError:
            place = self._nearest[word] = self._find(word)
            return place

    def _find(self, word: str) -> tuple[str, str] | None:
        key = sound_key(word)
        if len(key.partition("/")[0]) < MIN_CONSONANTS:
            return None
        exact = self.by_key.get(key)
        found = exact or [p for k in sibilant_neighbours(key) for p in self.by_key.get(k, ())]
        places = {tuple(p) for p in found}
        return next(iter(places)) if len(places) == 1 else None


def _unknown(table, word: str) -> bool:
    from lintnews.text.wordlist import is_word

    low = word.lower()
    return word not in table.hits and low not in table.known and word not in table.given_names \
        and not is_word(low)



@check(GARBLED_PLACE)
def garbled_places(doc, ctx):
    prose = doc.prose
    starts = sorted(i - 1 for trigger in _TRIGGERS if trigger in prose for i in find_all(prose, trigger) if i)
    if not starts:
        return
    data = ctx.ruleset.memo("names-villages", Villages)
    where = None
    for m in filter(None, (data.after.match(prose, i) for i in starts)):
        word = m.group(1)
        place = data.nearest(word)
        if place is None or not _unknown(data.table, word):
            continue
        if where is None:
            where = Whereabouts(doc, *data.context)
        start, end = m.span(1)
        if not where.in_ukraine(start, end):
            continue
        fixed, native = place
        yield doc.finding(GARBLED_PLACE, start, end, {"found": word, "fixed": fixed, "native": native},
                          [(fixed, UNSAFE)])


CHECKS = [garbled_places]
