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

Once a text has given one Ukrainian a Russian given name, the same given
names alone (her husband Igor) and the other Russian given names alone are
reported too, unless the text also writes that given name before a surname
that is not Ukrainian (Igor Konashenkov: then "Igor" alone may be him).
The fix names the Ukrainian form and is never safe: the person may be a
Russian after all.
"""
from __future__ import annotations

import regex

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


def find(doc, ukrainian_of: dict[str, str], hits, where, covered_at, listed: bool = False):
    """Yield (start, end, russian, ukrainian, surname or "") of each Russified given name of `doc`.

    `hits`: the names table's literals (a listed person's country decides);
    `where`: the document's `Whereabouts`; `covered_at(start, end)`: True where
    the names table already found a name; `listed`: the tables found a listed
    Ukrainian with a Russian given name in this text already."""
    prose = doc.prose
    full: list[tuple[int, int, str, str]] = []
    bare: list[tuple[int, int, str]] = []
    foreign_given: set[str] = set()
    found = sorted((start, name) for name in doc.word_set.intersection(ukrainian_of)
                   for start in doc.word_starts(name))
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
            foreign_given.add(name)
            continue
        full.append((start, end, name, surname))
    found_any = listed
    for start, end, name, surname in full:
        if where.in_ukraine(start, end):
            found_any = True
            yield start, end, name, ukrainian_of[name], surname
    if not found_any:
        return
    for start, end, name in bare:
        if name not in foreign_given and where.in_ukraine(start, end):
            yield start, end, name, ukrainian_of[name], ""
