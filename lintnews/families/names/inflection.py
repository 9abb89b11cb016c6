"""Names as other languages and the Russian and Ukrainian cases spell them.

Generated when the names table is built (and cached with it), from the data
of `rules/names-schemes.toml` (`[[scheme]]`, `[[case-form]]`, `[inflection]`):

- each `[[scheme]]` romanizes the Ukrainian Cyrillic of every place of at
  least `min-population` inhabitants, every hand-written Ukrainian place and
  the surname of every listed Ukrainian person the way another language
  does (Czech Buča and Zelenskyj, French Boutcha, Spanish Jerson): variants of
  that language's origin (LN203);
- the schemes with `language = "ru"` spell the Russian and Belarusian people
  and cities of the hand-written tables from their Russian Cyrillic (German
  Lawrow, Czech Šojgu, Polish Ławrow); these are reported anywhere;
- each `[[case-form]]` puts the Russian and Ukrainian case and adjective
  endings on the English form and the Russian-derived forms of the same places
  (Bucha: Buchi, Buche; Kharkov: Kharkove; Kakhovka: Kakhovskaya): variants
  of origin "case-form" (LN214).

A generated form never replaces a literal of the tables, is never an
English word, and (but for the Russian schemes' forms of listed Russians) is guarded (reported only where the document context puts
it in Ukraine; never a safe fix): a case form or a foreign spelling of one
Ukrainian name can be another name elsewhere.
"""
from __future__ import annotations

import regex

from lintnews.errors import RuleFileError
from lintnews.families.names.records import Hit

#: The guard of generated forms (see `gazetteer`): generated, so needs a Ukrainian context.
GUARD = "g"
#: The guard of generated forms that are reported only right before "district" (Buchan district).
DISTRICT_GUARD = "gd"
#: The guard of generated forms that are reported only where a place stands: before
#: "district" or after "the city of" (an adjective Lutsky alone is as often a surname).
PLACE_GUARD = "gp"
POSITIONS = {"any": GUARD, "district": DISTRICT_GUARD, "place": PLACE_GUARD}
#: What follows a form of `position = "district"`: a district (raion) of a Ukrainian oblast.
DISTRICT_AFTER = regex.compile(r"[ \u00a0](?:district|districts|raion|raions|Raion|Raions|District|Districts)\b")
#: What comes before a form of `position = "place"` (besides `DISTRICT_AFTER` after it).
PLACE_BEFORE = regex.compile(r"\b(?:[Cc]ity|[Tt]own|[Vv]illage|[Ss]ettlement) of[ \u00a0]$")


def in_position(guard: str, prose: str, start: int, end: int) -> bool:
    """Does a generated form with `guard` stand where its position allows?"""
    if guard == DISTRICT_GUARD:
        return DISTRICT_AFTER.match(prose, end) is not None
    if guard == PLACE_GUARD:
        return DISTRICT_AFTER.match(prose, end) is not None or \
            PLACE_BEFORE.search(prose, max(0, start - 20), start) is not None
    return True
_VOWELS = frozenset("аеєиіїоуюяыэё")
_SOFT = frozenset("єюяіїь")


class Scheme:
    def __init__(self, path, raw) -> None:
        def table(key):
            value = raw.get(key, {})
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise RuleFileError(path, None, f"scheme {raw.get('name')!r}: '{key}' must be a table of strings")
            return value

        self.name = raw.get("name")
        self.origin = raw.get("origin")
        if not isinstance(self.name, str) or not isinstance(self.origin, str):
            raise RuleFileError(path, None, "a [[scheme]] needs 'name' and 'origin'")
        self.language = raw.get("language", "uk")
        if self.language not in ("uk", "ru"):
            raise RuleFileError(path, None, f"scheme {self.name!r}: 'language' must be \"uk\" or \"ru\"")
        self.letters = table("letters")
        self.initial = table("initial")
        self.soft = table("soft")
        self.before_soft = table("before-soft")

    def romanize(self, native: str) -> str | None:
        """`native` (Ukrainian Cyrillic) in this scheme; None if a letter is unknown."""
        out = []
        low = native.lower()
        for i, ch in enumerate(low):
            if not ch.isalpha() and ch not in "’'":
                out.append(ch)
                continue
            prev = low[i - 1] if i else ""
            nxt = low[i + 1] if i + 1 < len(low) else ""
            if (not prev or not prev.isalpha() or prev in _VOWELS) and ch in self.initial:
                text = self.initial[ch]
            elif prev and prev.isalpha() and prev not in _VOWELS and ch in self.soft:
                text = self.soft[ch]
            elif nxt in _SOFT and ch in self.before_soft:
                text = self.before_soft[ch]
            else:
                text = self.letters.get(ch)
                if text is None:
                    return None
            out.append(text)
        result = "".join(out)
        # capitalise as the native name is (each word, each part of a hyphenated name)
        words = []
        for word, nword in zip(result.split(" "), native.split(" ")):
            parts = [p[:1].upper() + p[1:] if n[:1].isupper() else p for p, n in zip(word.split("-"), nword.split("-"))]
            words.append("-".join(parts))
        return " ".join(words)


def schemes(ruleset) -> list[Scheme]:
    out = []
    for path, tables in ruleset.table("scheme"):
        for raw in tables if isinstance(tables, list) else [tables]:
            out.append(Scheme(path, raw))
    return out


def case_forms(ruleset, position: str = "any") -> list[tuple[str, tuple[str, ...], bool]]:
    """(ending, forms, only on the Russian-derived forms) of every [[case-form]] of
    `position` ("any"; "district": reported only right before a word such as
    "district", `DISTRICT_AFTER`; "place": there or after "the city of"), longest
    ending first."""
    out = []
    for path, tables in ruleset.table("case-form"):
        for raw in tables if isinstance(tables, list) else [tables]:
            ending, forms, of = raw.get("ending"), raw.get("forms"), raw.get("of", "all")
            if not isinstance(ending, str) or not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                raise RuleFileError(path, None, "a [[case-form]] needs 'ending' and 'forms', a list")
            if of not in ("all", "russian-derived"):
                raise RuleFileError(path, None, "[[case-form]]: 'of' must be \"all\" or \"russian-derived\"")
            where = raw.get("position", "any")
            if where not in POSITIONS:
                raise RuleFileError(path, None, "[[case-form]]: 'position' must be \"any\", \"district\" or \"place\"")
            if where == position:
                out.append((ending, tuple(forms), of == "russian-derived"))
    out.sort(key=lambda item: len(item[0]), reverse=True)
    return out


def min_population(ruleset) -> int:
    value = 0
    for path, table in ruleset.table("inflection"):
        value = table.get("min-population", value) if isinstance(table, dict) else value
        if not isinstance(value, int):
            raise RuleFileError(path, None, "'inflection': 'min-population' must be a whole number")
    return value


def inflect(form: str, case_forms, russian: bool = False) -> list[str]:
    """The case forms of one place name (its last word inflected) by the longest
    ending it has; `russian`: the form is a Russian-derived one."""
    out: list[str] = []
    matched = 0
    for ending, forms, russian_only in case_forms:
        if len(ending) < matched:
            break
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            matched = len(ending)
            if russian or not russian_only:
                stem = form[: len(form) - len(ending)]
                out += [stem + f for f in forms]
    return out


def add_forms(b, ruleset, places, people, russian=()) -> None:
    """Add the generated variants to builder `b`.

    `places`: (entity, Russian-derived forms) of each Ukrainian place;
    `people`: the listed Ukrainian persons (their native name's last word is
    the surname); `russian`: the hand-written Russian and Belarusian people
    and cities (spelt by the `language = "ru"` schemes)."""
    from lintnews.text.wordlist import is_word

    all_schemes = schemes(ruleset)
    endings = case_forms(ruleset)
    positional = [(POSITIONS[p], case_forms(ruleset, p)) for p in ("district", "place")]

    def add(literal: str, hit: Hit) -> None:
        if literal in b.hits or " " in literal and literal.split()[-1] in b.hits:
            return
        # an English word is never a variant, but before "district" (Buchan district)
        if len(literal) < 5 or (hit.guard not in (DISTRICT_GUARD, PLACE_GUARD) and is_word(literal.lower())):
            return
        b.hits[literal] = hit
        if hit.guard not in (DISTRICT_GUARD, PLACE_GUARD):
            b.known.update(literal.lower().split())

    ukrainian_schemes = [s for s in all_schemes if s.language == "uk"]
    russian_schemes = [s for s in all_schemes if s.language == "ru"]
    for entity, russian_forms in places:
        english = entity.forms[0]
        for scheme in ukrainian_schemes:
            form = scheme.romanize(entity.native)
            if form and form not in entity.forms:
                add(form, Hit(entity, "variant", form=english, origin=scheme.origin, part="place",
                              guard=GUARD, safe=False))
        for base, is_russian in ((english, False), *((f, True) for f in russian_forms)):
            for form in inflect(base, endings, is_russian):
                add(form, Hit(entity, "variant", form=english, origin="case-form", part="place",
                              guard=GUARD, safe=False))
            for guard, position_endings in positional:
                for form in inflect(base, position_endings, is_russian):
                    add(form, Hit(entity, "variant", form=english, origin="case-form", part="place",
                                  guard=guard, safe=False))
    for entity in people:
        surname, native = entity.forms[0], entity.native.split()[-1]
        for scheme in ukrainian_schemes:
            form = scheme.romanize(native)
            if form and form not in entity.forms:
                add(form, Hit(entity, "variant", form=surname, origin=scheme.origin, part="surname",
                              guard=GUARD, safe=False))
    for entity in russian:
        # "Аляксандр Лукашэнка / Александр Лукашенко": the Russian form
        native = entity.native.split(" / ")[-1]
        if entity.is_person:
            native, part = native.split()[-1], "surname"
        else:
            part = "place"
        for scheme in russian_schemes:
            form = scheme.romanize(native)
            if form and form not in entity.forms:
                add(form, Hit(entity, "variant", form=entity.forms[0], origin=scheme.origin, part=part, safe=False))
