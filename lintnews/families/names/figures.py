"""Western names that went through Cyrillic and came back (LN212).

Text translated from Russian or Ukrainian writes a Western name as the
Cyrillic spelling read letter by letter: Scholz → Шольц → Sholts, Baerbock →
Бербок → Berbok, Verstappen → Ферстаппен → Ferstapen, Hamilton → Хэмилтон →
Chemilton. An unknown capitalised word whose round-trip key
(`sounds.round_trip_key`) is the key of the surname of a listed public
figure, and that is not that surname, is reported with the figure's name.

The list: `[world-figures] files` in a rule file (the built-in one is
`rules/names-world-figures.txt`: heads of state and government, ministers,
party leaders, EU and UN officials, athletes in the news; one "Given
Surname<TAB>role" a line). A key that two listed surnames share
(Michel, Michal) finds neither.

After the figure's given name as listed, a surname with the same consonants
through the round trip is that figure too (Joe Baden, Wopke Gokstra:
`Figures.after_given`), and before the listed surname, a given name that is
the listed one after a round trip is its back-transliteration (Maya Sandu:
`Figures.given_spelling`).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lintnews.errors import RuleFileError
from lintnews.families.names.sounds import bare, round_trip_key, sound_key
from lintnews.families.names.listfiles import data_lines


_PARTICLES = frozenset(("Le", "La", "De", "Van", "Von", "Di", "Da", "Del"))


class Figure(tuple):
    """(full name, given name, surname, role)."""

    __slots__ = ()

    @property
    def name(self) -> str:
        return self[0]

    @property
    def given(self) -> str:
        return self[1]

    @property
    def surname(self) -> str:
        return self[2]

    @property
    def role(self) -> str:
        return self[3]


def _split(name: str) -> tuple[str, str]:
    """Given name and surname: particles (von der, Le, De, da) go with the surname."""
    words = name.split()
    i = len(words) - 1
    while i > 1 and (words[i - 1][:1].islower() or words[i - 1] in _PARTICLES):
        i -= 1
    return " ".join(words[:i]), " ".join(words[i:])


#: Words before a name that are not a given name: titles and offices.
TITLES = frozenset((
    "President", "Chancellor", "Minister", "Premier", "Prime", "Secretary", "Foreign", "Defence", "Defense",
    "General", "Gen", "Mr", "Mrs", "Ms", "Dr", "Senator", "Governor", "Mayor", "Speaker", "Commissioner",
    "Chairman", "Chairwoman", "Leader", "King", "Queen", "Emir", "Prince", "Princess", "Sheikh", "Pope",
    "Ambassador", "Envoy", "Judge", "Vice", "Deputy", "Driver", "Coach", "Captain", "Colonel", "Admiral",
    "Chief", "Head", "Director", "Candidate", "Sir", "Lord", "Lady", "Dame", "Presidents", "Ministers",
))


class Figures:
    """The listed figures by the round-trip key of their surname (and given name)."""

    def __init__(self, paths=()) -> None:
        self.by_key: dict[str, Figure | None] = {}
        #: sound key (`sounds.sound_key`) of a surname -> the surname (None: two share it)
        self.by_sound: dict[str, str | None] = {}
        self._by_given: dict[str, list[Figure]] | None = None
        self._surnames: frozenset[str] | None = None
        for path in paths:
            for number, line in data_lines(path, "the list of figures"):
                cols = line.split("\t")
                if len(cols[0].split()) < 2:
                    raise RuleFileError(path, number, "a figure is 'Given Surname<TAB>role'")
                given, surname = _split(cols[0])
                figure = Figure((cols[0], given, surname, cols[1].strip() if len(cols) > 1 else ""))
                last = surname.split()[-1]
                key = round_trip_key(last)
                old = self.by_key.get(key, figure)
                self.by_key[key] = figure if old is not None and old.surname == surname else None
                key = sound_key(last)
                old_surname = self.by_sound.get(key, last)
                self.by_sound[key] = last if old_surname == last else None

    def by_given(self) -> dict[str, list[Figure]]:
        """The figures by the first word of their given name (Joe -> Joe Biden), made on first use."""
        if self._by_given is None:
            self._by_given = {}
            for figure in self.by_key.values():
                if figure is not None and figure.given:
                    self._by_given.setdefault(figure.given.split()[0], []).append(figure)
        return self._by_given

    def after_given(self, given: str, word: str, titled: bool) -> "Figure | None":
        """The figure named `given` whose surname `word` is with its vowels changed (Joe Baden,
        Wopke Gokstra): the given name written as listed, the surname's consonants kept
        through the round trip, and `word` not the surname itself. Three consonants or
        fewer (Biden, Bodin) only when `titled`: a title stands before the given name."""
        for figure in self.by_given().get(given, ()):
            last = figure.surname.split()[-1]
            if bare(word) == bare(last) or len(word) < 4:
                continue
            consonants = skeleton(last)
            if skeleton(word) == consonants and (titled or len(consonants) >= 4):
                return figure
        return None

    def surnames(self) -> frozenset[str]:
        """The last word of every listed surname."""
        if self._surnames is None:
            self._surnames = frozenset(f.surname.split()[-1] for f in self.by_key.values() if f is not None)
        return self._surnames

    def given_spelling(self, word: str, surname: str) -> "Figure | None":
        """The figure with surname `surname` whose given name `word` is after a round trip
        but not as listed (Maya Sandu for Maia Sandu)."""
        figure = self.by_key.get(round_trip_key(surname))
        if figure is None or figure.surname.split()[-1] != surname or not figure.given:
            return None
        first = figure.given.split()[0]
        if bare(word) != bare(first) and round_trip_key(word) == round_trip_key(first):
            return figure
        return None

    def __len__(self) -> int:
        return len(self.by_key)

    def data(self) -> dict:
        """The two indexes as plain data (kept in the table cache)."""
        return {"by_key": {k: list(f) if f is not None else None for k, f in self.by_key.items()},
                "by_sound": self.by_sound}

    @classmethod
    def from_data(cls, data: dict) -> "Figures":
        figures = cls()
        figures.by_key = {k: Figure(f) if f is not None else None for k, f in data["by_key"].items()}
        figures.by_sound = data["by_sound"]
        return figures

    @staticmethod
    def valid(data) -> bool:
        """Whether data read back has the shape `data()` gives."""
        if not (isinstance(data, dict) and isinstance(data.get("by_key"), dict)
                and isinstance(data.get("by_sound"), dict)):
            return False
        return (all(f is None or (isinstance(f, list) and len(f) == 4 and all(isinstance(x, str) for x in f))
                    for f in data["by_key"].values())
                and all(v is None or isinstance(v, str) for v in data["by_sound"].values()))

    def match(self, word: str) -> "Figure | None":
        """The figure whose surname `word` is after a round trip, if it is not the surname itself."""
        figure = self.by_key.get(round_trip_key(word))
        if figure is None:
            return None
        if bare(word) == bare(figure.surname.split()[-1]):
            return None
        return figure

    def official(self, word: str) -> str:
        """The listed surname that `word` is a spelling of (by `sound_key`), or ""."""
        return self.by_sound.get(sound_key(word)) or ""

    @staticmethod
    def same_given(word: str, figure: Figure) -> bool:
        first = figure.given.split()[0] if figure.given else ""
        return bool(first) and (bare(word) == bare(first) or round_trip_key(word) == round_trip_key(first))

    @staticmethod
    def evidence(figure: Figure) -> tuple[str, ...]:
        """Words of which one must be in the text: the given name, the role's capitalised
        words of four letters or more (German, Formula; not US, EU: too common)."""
        words = [w.strip("(),") for w in figure.role.split()]
        return tuple(figure.given.split()[:1] + [w for w in words if w[:1].isupper() and len(w) >= 4])



_VOWEL_LETTERS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants of `word`'s round-trip key: what MT keeps when it guesses the vowels
    (Biden and Baden; Hoekstra, Gukstra and Gokstra)."""
    return "".join(c for c in round_trip_key(word) if c not in _VOWEL_LETTERS)



def load_figures(ruleset) -> Figures:
    """The Figures of a rule set's lists, from the table cache when an earlier
    process built them (the keys cost a pass of `sounds` over every name),
    keyed by the rule set and the lists' bytes."""
    from lintnews.run import tablecache

    paths = figure_files(ruleset)
    key = None
    if ruleset.cache_key is not None:
        parts = []
        try:
            for path in paths:
                parts += [str(path), tablecache.sha256(Path(path).read_bytes()).hexdigest()]
        except OSError:  # reported by building
            parts = None
        if parts is not None:
            key = tablecache.digest("figures", ruleset.cache_key.hex(), *parts)
    return Figures.from_data(tablecache.cached_data("figures", key, lambda: Figures(paths).data(), Figures.valid))


def figure_files(ruleset) -> list[Path]:
    out = []
    for path, table in ruleset.table("world-figures"):
        files = table.get("files", []) if isinstance(table, dict) else None
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise RuleFileError(path, None, "'world-figures' needs 'files', a list of file names")
        out += [Path(path).parent / name for name in files]
    return out
