"""Russified given names of Ukrainians who are in no list (LN211).

Machine translation from Russian, and from Ukrainian through a Russian
pivot, gives every Ukrainian the Russian form of his given name: Olga
Sukhenko for Olha, Igor Klimenko for Ihor, Sergey Sidorenko for Serhiy. The
people lists catch the listed ones; this finds the others:

- a Russian given name (the `[given-names]` table read backwards: Igor →
  Ihor, Aleksandr → Oleksandr) before a surname of Ukrainian shape (-enko,
  -chuk, -uk, -ko, -ych, -yshyn, -skyi ...) or of a listed Ukrainian,
- in a text the document context puts in Ukraine (`context.Whereabouts`),
- not before a surname the lists give to a Russian or a Belarusian
  (Alexander Lukashenko), and never a name the tables already report.

A Russian given name before the Russian reading of a listed Ukrainian's
surname (Andrei Beletsky: Андрій Білецький read as Андрей Белецкий) is that
person when the given names agree and the surnames share a sound key
(`people_by_sound`): the whole name is reported with the listed form.

Once a text has given one Ukrainian a Russian given name, the same given
names alone (her husband Igor) and the other Russian given names alone are
reported too, unless the text also writes that given name before a surname
that is not Ukrainian (Igor Konashenkov: then "Igor" alone may be him).
The fix names the Ukrainian form and is never safe: the person may be a
Russian after all.
"""
from __future__ import annotations

import regex

from lintnews.families.names.runs import starts as word_starts
from lintnews.families.names.sounds import sound_key

#: A surname of Ukrainian shape: the endings Ukrainian surnames have and
#: Russian ones (almost) never do, and the Ukrainian romanization of -ський, -ич.
UKRAINIAN_SURNAME = regex.compile(
    r"(?:enko|chuk|iuk|yuk|[^aeiou]uk|ko|ych|yshyn|ishyn|iak|skyi|tskyi|zkyi|nyi|ii|iv)$")
_NEXT_WORD = regex.compile(r"[ \u00a0](\p{Lu}[\p{Ll}’'-]+)")


def russian_to_ukrainian(given_map: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Russian given name → the Ukrainian form (the first the table gives)."""
    out: dict[str, str] = {}
    for ukrainian, russian_forms in given_map.items():
        for russian in russian_forms:
            out.setdefault(russian, ukrainian)
    return out


def people_by_sound(entities, given_map: dict[str, tuple[str, ...]]) -> dict:
    """(Russian given name, sound key of the surname) -> the listed Ukrainian it may be, or
    None when two share it: Andrei + the key of Beletsky (Белецкий, the Russian reading of
    Білецький) -> Andriy Biletskyi. `sounds.sound_key` makes the vowels і, и, е one class."""
    out: dict = {}
    for e in entities:
        if not e.is_person or e.country != "UA" or not e.given or not e.forms:
            continue
        surname = e.forms[0]
        key = sound_key(surname)
        if len(surname) < 5 or len(key.split("/", 1)[0]) < 3:
            continue
        for russian in given_map.get(e.given[0], ()):
            old = out.get((russian, key), e)
            out[(russian, key)] = e if old is not None and old.id == e.id else None
    return out


def find(doc, ukrainian_of: dict[str, str], hits, where, covered_at, listed: bool = False, person_of=None):
    """Yield (start, end, russian, ukrainian, surname or "", person or None) of each Russified
    given name of `doc`.

    `hits`: the names table's literals (a listed person's country decides);
    `where`: the document's `Whereabouts`; `covered_at(start, end)`: True where
    the names table already found a name; `listed`: the tables found a listed
    Ukrainian with a Russian given name in this text already; `person_of(russian,
    surname)`: the listed Ukrainian whose name this is in its Russian reading
    (`people_by_sound`), or None: then the finding (`person` set) spans the full name."""
    prose = doc.prose
    full: list[tuple[int, int, str, str]] = []
    bare: list[tuple[int, int, str]] = []
    foreign_given: set[str] = set()
    found = sorted((start, name) for name in doc.word_set.intersection(ukrainian_of)
                   for start in word_starts(doc, name))
    for start, name in found:
        end = start + len(name)
        if (start and prose[start - 1] in "-‐") or covered_at(start, end):
            continue
        after = _NEXT_WORD.match(prose, end)
        if after is None:
            bare.append((start, end, name))
            continue
        surname = after.group(1)
        if not surname[-1].isalpha():
            surname = surname.rstrip("’'-")
        hit = hits[surname] if surname in hits else None
        person = hit is not None and hit.entity.is_person
        country = hit.entity.country if person else ""
        if country and country != "UA":
            foreign_given.add(name)
            continue
        if country != "UA" and (len(surname) < 5 or not UKRAINIAN_SURNAME.search(surname)):
            # asked only in Ukraine (the listed people's keys are built on first need)
            reading = person_of(name, surname) if person_of is not None and hit is None and len(surname) >= 5 \
                and where.in_ukraine(start, end) else None
            if reading is not None:
                full.append((start, after.start(1) + len(surname), name, surname, reading))
                continue
            foreign_given.add(name)
            continue
        full.append((start, end, name, surname, None))
    found_any = listed
    for start, end, name, surname, person in full:
        if where.in_ukraine(start, end):
            found_any = True
            yield start, end, name, ukrainian_of[name], surname, person
    if not found_any:
        return
    for start, end, name in bare:
        if name not in foreign_given and where.in_ukraine(start, end):
            yield start, end, name, ukrainian_of[name], "", None


# -- Russian patronymics of Ukrainians -----------------------------------------
PATRONYMIC_ENDINGS = ("ovna", "evna", "ovich", "evich")


def may_hold_patronymic(prose: str) -> bool:
    """Can a word of `prose` end with one of `PATRONYMIC_ENDINGS`? Each holds "vna" or
    "vich": two scans of the text (`str.find`, in C) before any word is visited."""
    return "vna" in prose or "vich" in prose


def patronymic_runs(prose: str) -> set[str]:
    """The runs of `prose` (`\\w+` of `re`: `str.isalnum()` or _) that end with one of
    `PATRONYMIC_ENDINGS`: where each ending stands (`str.find`), not every word visited."""
    found: set[str] = set()
    size = len(prose)
    for ending in PATRONYMIC_ENDINGS:
        i = prose.find(ending)
        while i != -1:
            end = i + len(ending)
            if end == size or not (prose[end].isalnum() or prose[end] == "_"):
                start = i
                while start and (prose[start - 1].isalnum() or prose[start - 1] == "_"):
                    start -= 1
                found.add(prose[start:end])
            i = prose.find(ending, i + 1)
    return found
_WORD_BEFORE = regex.compile(r"(\p{Lu}[\p{Ll}’'-]+)[ \u00a0]$")


def ukrainian_patronymic(word: str, ukrainian_of: dict[str, str]) -> str:
    """The Ukrainian (KMU 2010) form of Russian-form patronymic `word`, or "" when its stem is not known.

    Ivanovna → Ivanivna, Yaroslavovich → Yaroslavovych, Aleksandrovna →
    Oleksandrivna, Sergeevich → Serhiiovych."""
    ending = next((e for e in PATRONYMIC_ENDINGS if word.endswith(e)), "")
    stem = word[:-len(ending)] if ending else ""
    if len(stem) < 3 or not stem[0].isupper():
        return ""
    given = ""
    for candidate in (stem, stem + "i", stem + "y"):
        if candidate in ukrainian_of:
            given = ukrainian_of[candidate]
            break
    if not given:
        if ending.startswith("e") or stem[-1] in "aeiouy":
            return ""
        given = stem  # Ivan, Yaroslav, Bohdan: one form in both languages
    female = ending.endswith("na")
    if given.endswith("iy"):
        given = given[:-1] + "i"
    if given.endswith("o"):
        base = given[:-1]
        return base + ("ivna" if female else "ovych")
    if given.endswith("a"):
        return given + ("ivna" if female else "iovych")
    if given.endswith("i"):
        return given + ("vna" if female else "ovych")
    return given + ("ivna" if female else "ovych")


def patronymics(doc, ukrainian_of: dict[str, str], hits, where, covered_at):
    """Yield (start, end, russian, ukrainian) of each Russian-form patronymic of a Ukrainian in `doc`.

    A female patronymic (-ovna, -evna) after a given name; a male one (-ovich,
    -evich) only with a surname of Ukrainian shape before the given name or
    after the patronymic (Abramovich, Shushkevich alone are surnames).
    `where`: a callable giving the document's `Whereabouts`, asked only when
    a patronymic is found."""
    prose = doc.prose
    if not may_hold_patronymic(prose):
        return
    words = [w for w in patronymic_runs(prose) if w[:1].isupper()]
    for word in sorted(words):
        ukrainian = ukrainian_patronymic(word, ukrainian_of)
        if not ukrainian or ukrainian == word:
            continue
        for start in word_starts(doc, word):
            end = start + len(word)
            before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
            if before is None or covered_at(start, end):
                continue
            if not word.endswith("na"):
                after = _NEXT_WORD.match(prose, end)
                earlier = _WORD_BEFORE.search(prose, max(0, before.start() - 30), before.start())
                surnames = [m.group(1) for m in (after, earlier) if m is not None]
                if not any(_ukrainian_surname(s, hits) for s in surnames):
                    continue
            if where().in_ukraine(start, end):
                yield start, end, word, ukrainian


def _ukrainian_surname(word: str, hits) -> bool:
    hit = hits[word] if word in hits else None
    if hit is not None and hit.entity.is_person:
        return hit.entity.country == "UA"
    return len(word) >= 5 and UKRAINIAN_SURNAME.search(word) is not None
