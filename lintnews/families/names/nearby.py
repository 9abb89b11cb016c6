"""Places of a neighbouring country left with a case ending by translation (LN214).

Text translated from Russian or Ukrainian about Belarus keeps the source's case
endings on its towns, and machine translation mangles them further: Bobruska
(Бобруйска, genitive of Bobruisk), Osipovich (под Осиповичами, Osipovichi),
Baranovic (Барановицкий, Baranovichi). The towns come from a generated list
(`rules/names-belarus-places.txt`, `rules/names-lithuania-places.txt`,
GeoNames, CC BY 4.0, by `tools/gen_places_nearby.py`) named in a rule file:

    [[nearby-places]]
    country = "Belarus"
    file = "names-belarus-places.txt"
    context = ["Belarus", "Belarusian", "Minsk"]   # words that put a text there
    endings = []    # nominative endings the source language replaces (Lithuanian -is: Radviliškis)

A capitalised word that is no known name and no English word is that town when

- its `stem_key` is the town's or its stem's (a final case ending dropped,
  and the plural ending -i, -y of the town: Osipovich, Baranovic for
  Osipovichi, Baranovichi; and the town's own nominative
  ending, `endings`: Radvilishki for Radviliškis), with four consonants or
  more; or
- it is one letter from the town with a Russian case ending (Bobruska for
  Bobruiska, of Bobruisk);

and only in a text that names the country (its context words) at least
`MIN_CONTEXT` times. After a given name it is a person (Ivan Osipovich).
"""
from __future__ import annotations

from pathlib import Path

from lintnews.errors import RuleFileError
from lintnews.families.names.near import NearIndex, distance, max_edits
from lintnews.families.names.sounds import stem_key
from lintnews.families.names.listfiles import data_lines

#: How often a text names the country (context words) before its towns are looked for.
MIN_CONTEXT = 2
#: Endings a Russian case puts on a town name ending in a consonant (Bobruisk: Bobruiska,
#: Bobruiske, Bobruisku, Bobruiskom) and on one ending in -a.
_AFTER_CONSONANT = ("a", "e", "u", "om")
_AFTER_A = ("y", "e", "u", "oy")
#: The plural ending of town names (Osipovichi, Baranovichi, Dokshytsy): its stem is the town too.
_PLURAL = ("i", "y")


class Place(tuple):
    """(English form, native names, country)."""

    __slots__ = ()

    @property
    def english(self) -> str:
        return self[0]

    @property
    def native(self) -> str:
        return self[1]

    @property
    def country(self) -> str:
        return self[2]


class NearbyPlaces:
    """The towns of one country, by stem key and by case form (see module doc)."""

    def __init__(self, country: str, context: tuple[str, ...], rows, endings: tuple[str, ...] = ()) -> None:
        self.country = country
        self.context = context
        self._rows, self._endings = rows, endings
        self._built = False

    def _build(self) -> None:
        """Read the towns and index them: on the first text about the country."""
        rows, endings, country = self._rows, self._endings, self.country
        self._built = True
        self.by_stem: dict[str, Place | None] = {}
        self.by_form: dict[str, Place | None] = {}
        self.spellings: set[str] = set()
        for english, native, spellings in rows:
            place = Place((english, native, country))
            for spelling in (english, *spellings):
                if " " in spelling or "-" in spelling:
                    continue
                self.spellings.add(spelling.lower())
                for stem in (spelling, *(spelling[:-len(e)] for e in endings + _PLURAL
                                         if spelling.endswith(e) and len(spelling) - len(e) >= 4)):
                    key = stem_key(stem)
                    if len(key.split("/", 1)[0]) >= 4:
                        self._put(self.by_stem, key, place)
                low = spelling.lower()
                endings = _AFTER_A if low.endswith("a") else _AFTER_CONSONANT if low[-1] not in "aeiouy" else ()
                stem = low[:-1] if low.endswith("a") else low
                for ending in endings:
                    self._put(self.by_form, stem + ending, place)
        self._near = NearIndex([f for f in self.by_form if len(f) >= 6])

    @staticmethod
    def _put(table: dict, key: str, place: Place) -> None:
        old = table.get(key, place)
        table[key] = place if old is not None and old.english == place.english else None

    def match(self, word: str) -> "Place | None":
        """The town `word` is with a case ending, or None (see module doc)."""
        if not self._built:
            self._build()
        low = word.lower()
        if low in self.spellings:
            return None
        place = self.by_stem.get(stem_key(word))
        if place is None and len(low) >= 6 and low[-1] in "aeiouy" and low[-2] not in "aeiouy":
            place = self.by_stem.get(stem_key(word[:-1]))  # a case ending on the stem (Radvilishki)
        if place is not None:
            return place
        if len(low) < 6:
            return None
        close = self._near.nearest(low)
        if close is None or close[1] > 1 or distance(low, close[0], max_edits(len(low))) > 1:
            return None
        return self.by_form.get(close[0])


def load(ruleset) -> list[NearbyPlaces]:
    out = []
    for path, tables in ruleset.table("nearby-places"):
        for raw in tables if isinstance(tables, list) else [tables]:
            country, name, context = raw.get("country"), raw.get("file"), raw.get("context")
            endings = raw.get("endings", [])
            if not isinstance(country, str) or not isinstance(name, str) or not isinstance(context, list) \
                    or not all(isinstance(w, str) for w in context + endings):
                raise RuleFileError(path, None, "[[nearby-places]] needs 'country', 'file' and 'context', a list "
                                                "(and 'endings', a list)")
            out.append(NearbyPlaces(country, tuple(context), _Rows(Path(path).parent / name), tuple(endings)))
    return out


class _Rows:
    """The rows of a towns file, read when iterated (`NearbyPlaces._build`)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self):
        return _rows(self.path)


def _rows(path: Path):
    for number, line in data_lines(path, "the list of places"):
        cols = line.split("\t")
        if len(cols) != 5:
            raise RuleFileError(path, number, "a place has five tab-separated columns")
        english, russian, belarusian, _population, spellings = cols
        native = " / ".join(n for n in (belarusian, russian) if n)
        yield english, native, tuple(filter(None, spellings.split("|")))
