"""The entity table: every `[[entity]]` of every rule folder, compiled once.

An entity is one person or place with its accepted English forms and the
variants to report (see `rules/names-ukraine-places.toml` for the format).
`load_table(ruleset)` (what `ruleset.data.entities` holds) turns all of them
into one `NameTable`: a dict from each literal as it may appear in text to a
`Hit` saying what it is, and ONE index (`termindex.BoundedTerms`) that finds
them all in a single pass, as a trie pattern between word boundaries would, without compiling one.
Persons also get their full names (given name + surname) as literals,
so that `Igor Klymenko` can be reported while `Igor` alone is left alone.
The table is built once per process and set of rule folders (kept in the
rule set's `RuleData`), and kept between processes in the table cache
(`lintnews.run.tablecache`), keyed by the rule files and lintnews's code, in a
form read per lookup (`names.compact`), not unpickled whole.
"""
from __future__ import annotations

from pathlib import Path

from dataclasses import dataclass, field
from lintnews.errors import RuleFileError
from lintnews.text.termindex import BoundedTerms
from lintnews.families.names.records import Entity, Hit

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lintnews.families.names.compact import CompactTable

ORIGINS = {
    "russian-derived": "Russian-derived",
    "romanization": "non-standard romanization",
    "spanish": "Spanish",
    "german": "German",
    "french": "French",
    "italian": "Italian",
    "polish": "Polish",
    "czech": "Czech",
    "portuguese": "Portuguese",
    "typo": "misspelling",
    "historical": "historical",
    "renamed": "renamed",
    "case-form": "Russian or Ukrainian case form",
}
# When a full name combines two variants, the more telling origin names it.
_ORIGIN_RANK = {"typo": 0, "romanization": 1, "historical": 1, "russian-derived": 2}
_ENTITY_KEYS = {
    "id", "type", "country", "native", "forms", "short", "given", "source", "note",
    "variants", "given-variants", "exceptions",
}
_VARIANT_KEYS = {"form", "origin", "alone", "safe", "replacement", "source", "note", "native"}


@dataclass
class NameTable:
    entities: list[Entity]
    hits: dict[str, Hit]
    #: Finds every literal of `hits` between word boundaries (`finditer`).
    index: BoundedTerms
    #: Lowercase single words that are known names (accepted, variant, given,
    #: and their feminine or plural forms): never "near" another name.
    known: set[str] = field(default_factory=set)
    #: Lowercase single-word forms (accepted and variants) a misspelling may be near.
    near_forms: dict[str, Entity] = field(default_factory=dict)
    #: Words that put a place in Ukraine (oblast names, "Ukraine", "raion"...):
    #: a guarded variant is reported only near one of them.
    context: tuple[str, ...] = ()
    #: Given names (Ukrainian and Russian forms): a guarded variant after one
    #: is a person's surname (Evgeny Kulikov), not a place.
    given_names: frozenset[str] = frozenset()

    def hand_entities(self) -> list[Entity]:
        """The entities of the hand-written `[[entity]]` tables (not the gazetteer's)."""
        return [e for e in self.entities if not e.gazetteer]


def load_table(ruleset) -> "NameTable | CompactTable":
    """The table as an earlier process stored it (`names.compact`), else built and stored."""
    from lintnews.run import tablecache
    from lintnews.families.names import compact

    key = ruleset.cache_key
    if key is not None:
        data = tablecache.read("entities", key)
        if data is not None:
            try:
                return compact.loads(data)
            except Exception:  # noqa: BLE001 - a table that does not read back is rebuilt
                pass
    table = build_table(ruleset)
    if key is not None:
        tablecache.write("entities", key, lambda: compact.dumps(table))
    return table


def _entity_lines(path: Path) -> list[int]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [i + 1 for i, text in enumerate(lines) if text.strip() == "[[entity]]"]


def _strings(raw, key: str, fail, required: bool = False) -> tuple[str, ...]:
    value = raw.get(key, None)
    if value is None:
        if required:
            raise fail(f"missing '{key}'")
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"'{key}' must be a list of non-empty strings")
    return tuple(value)


def _variants(raw, key: str, fail, alone_default: bool) -> list[dict]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise fail(f"'{key}' must be a list of {{ form = ..., origin = ... }} tables")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("form"), str) or not item["form"].strip():
            raise fail(f"each of '{key}' needs a 'form'")
        unknown = set(item) - _VARIANT_KEYS
        if unknown:
            raise fail(f"variant '{item['form']}': unknown key(s) {', '.join(sorted(unknown))}")
        if item.get("origin") not in ORIGINS:
            raise fail(f"variant '{item['form']}': 'origin' must be one of {', '.join(ORIGINS)}")
        # A historical name is right in a historical text, which lintnews cannot tell
        # from a current one: its fix waits for a person unless the data says otherwise.
        out.append({"alone": alone_default, "safe": item["origin"] != "historical", **item})
    return out


def _parse_entity(raw, path: Path, line: int | None) -> tuple[Entity, list, list, tuple]:
    where = f"{path}:{line}" if line else str(path)

    def fail(reason: str) -> RuleFileError:
        label = raw.get("id", "?") if isinstance(raw, dict) else "?"
        return RuleFileError(path, line, f"entity {label}: {reason}")

    if not isinstance(raw, dict):
        raise fail("an [[entity]] must be a table")
    unknown = set(raw) - _ENTITY_KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_ENTITY_KEYS))})")
    for key in ("id", "type", "native"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"missing or empty '{key}'")
    entity = Entity(
        id=raw["id"], type=raw["type"], native=raw["native"],
        forms=_strings(raw, "forms", fail, required=True),
        given=_strings(raw, "given", fail),
        short=_strings(raw, "short", fail),
        country=str(raw.get("country", "")), source=str(raw.get("source", "")), where=where,
    )
    variants = _variants(raw, "variants", fail, alone_default=True)
    given_variants = _variants(raw, "given-variants", fail, alone_default=False)
    if given_variants and not entity.given:
        raise fail("'given-variants' needs 'given', the accepted given name")
    exceptions = _strings(raw, "exceptions", fail)
    return entity, variants, given_variants, exceptions


def _worse(a: str, b: str) -> str:
    return a if _ORIGIN_RANK.get(a, 3) >= _ORIGIN_RANK.get(b, 3) else b


class _Builder:
    def __init__(self) -> None:
        self.hits: dict[str, Hit] = {}
        self.known: set[str] = set()
        self.near_forms: dict[str, Entity] = {}

    def add(self, literal: str, hit: Hit) -> None:
        for text in {literal, literal.upper()}:
            self._put(text, hit)

    def add_soft(self, literal: str, hit: Hit, upper: bool = True) -> None:
        """Add a generated literal unless the table already has it (hand data wins).

        `upper=False`: not its ALL CAPS spelling either (a village in a headline).
        """
        for text in {literal, literal.upper()} if upper else (literal,):
            if text not in self.hits:
                self.hits[text] = hit

    def _put(self, text: str, hit: Hit) -> None:
        old = self.hits.get(text)
        if old is None or old == hit:
            self.hits[text] = hit
            return
        if old.role == hit.role == "variant" and old.part == hit.part == "given" and old.given == hit.given:
            return  # the same given-name variant of two persons: same fix
        if old.role == "exception" or hit.role == "exception":
            self.hits[text] = old if old.role == "exception" else hit
            return
        raise RuleFileError(
            hit.entity.where.rsplit(":", 1)[0], None,
            f"'{text}' is both a {old.role} form of entity {old.entity.id} ({old.entity.where}) "
            f"and a {hit.role} form of entity {hit.entity.id} ({hit.entity.where})",
        )

    def know(self, form: str, entity: Entity, near: bool) -> None:
        for word in form.split():
            low = word.lower()
            self.known.add(low)
            if entity.is_person or entity.type in ("city", "town", "village", "region"):
                # feminine / masculine surnames (Peskova), adjectives (Luhanska)
                self.known.add(low[:-1] if low.endswith("a") else low + "a")
            self.known.update((low + "s", low + "n", low + "an", low + "ans"))
        if near and " " not in form and len(form) >= 6:
            self.near_forms.setdefault(form.lower(), entity)


def build_table(ruleset) -> NameTable:
    b = _Builder()
    entities: list[Entity] = []
    ids: dict[str, Entity] = {}
    for path, values in ruleset.table("entity"):
        if not isinstance(values, list):
            raise RuleFileError(path, None, "'entity' must be written as [[entity]] tables")
        lines = _entity_lines(Path(path))
        for index, raw in enumerate(values):
            line = lines[index] if index < len(lines) else None
            entity, variants, given_variants, exceptions = _parse_entity(raw, Path(path), line)
            if entity.id in ids:
                raise RuleFileError(path, line, f"entity id '{entity.id}' is already used at {ids[entity.id].where}")
            ids[entity.id] = entity
            entities.append(entity)
            _add_entity(b, entity, variants, given_variants, exceptions)
    from lintnews.families.names.gazetteer import add_all

    context, given_names = add_all(b, ruleset, entities)
    return NameTable(entities, b.hits, BoundedTerms(b.hits), b.known, b.near_forms, tuple(sorted(context)),
                     frozenset(given_names))


def _add_entity(b: _Builder, entity: Entity, variants, given_variants, exceptions) -> None:
    default = entity.forms[0]
    for form in entity.forms:
        b.add(form, Hit(entity, "accepted", form=form))
        if not form.islower():
            b._put(form.lower(), Hit(entity, "accepted", form=form, lowercase=True))
        b.know(form, entity, near=True)
    for form in entity.short:  # a short form (Donets for Siverskyi Donets) is never inconsistent
        b.add(form, Hit(entity, "accepted"))
        b.know(form, entity, near=True)
    for given in entity.given:
        b.know(given, entity, near=False)
    for v in variants:
        form, origin = v["form"], v["origin"]
        b.know(form, entity, near=origin != "historical")
        hit = Hit(entity, "variant", form=default, origin=origin,
                  replacement=v.get("replacement", ""), safe=bool(v["safe"]),
                  part="surname" if entity.is_person else "place")
        if v["alone"]:
            b.add(form, hit)
            if " " not in form and not form.islower():
                b._put(form.lower(), hit._replace(lowercase=True))
        for given in entity.given:
            b.add(f"{given} {form}", Hit(entity, "variant", form=default, origin=origin,
                                         given=given, part="full", safe=bool(v["safe"])))
    for gv in given_variants:
        gform, origin = gv["form"], gv["origin"]
        b.know(gform, entity, near=False)
        safe = bool(gv["safe"])
        if gv["alone"]:
            b.add(gform, Hit(entity, "variant", origin=origin, given=entity.given[0], part="given", safe=safe))
        for form in entity.forms:
            b.add(f"{gform} {form}", Hit(entity, "variant", form=form, origin=origin,
                                         given=entity.given[0], part="full", safe=safe))
        for v in variants:
            b.add(f"{gform} {v['form']}", Hit(entity, "variant", form=default, origin=_worse(v["origin"], origin),
                                              given=entity.given[0], part="full",
                                              safe=safe and bool(v["safe"])))
    for phrase in exceptions:
        hit = Hit(entity, "exception")
        b.add(phrase, hit)
        b._put(phrase[:1].swapcase() + phrase[1:], hit)
        b._put(phrase.lower(), hit)
