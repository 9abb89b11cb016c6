"""The names table as the table cache keeps it: plain data, decoded per lookup.

The table holds ~13,000 literals standing for ~3,700 people and places
(`entities.NameTable`). Unpickling it whole, thousands of `Hit` and `Entity`
tuples, took ~20 ms of every process, and a text meets a handful of them.
This format is `marshal`led plain data (no code runs when it is read, unlike a
pickle; the table cache still reads only the user's own files) in sections
decoded when first needed:

- the index: first word run -> the literals that begin with it (what
  `termindex.BoundedTerms` looks words up in) and the few odd literals;
- literal -> record number, an open-addressing hash table looked up in its
  bytes (`wordlist.WordTable`: nothing to decode);
- the records of hits and of entities, each `marshal`led on its own and
  decoded one at a time, when a literal found needs it;
- the lowercase words known to be names (for LN205/LN206), a hash table too;
- the small rest: near-name forms, context words, given names, which
  entities are hand-written.

`CompactTable` answers like the `NameTable` it was made from (a test compares
every attribute); `dumps(table)` / `loads(data)` convert.
"""
from __future__ import annotations

import marshal
import sys
from array import array
from collections.abc import Mapping

from ..termindex import BoundedTerms
from ..wordlist import WordTable, build_bytes
from .records import Entity, Hit

TYPE_CHECKING = False  # not `typing`, ~3 ms to import: annotations only
if TYPE_CHECKING:
    from typing import Iterator

#: Changing the layout below must change this (and `tablecache.FORMAT`).
LAYOUT = 2


class _Records:
    """Records `marshal`led one by one into a blob, decoded by number."""

    def __init__(self, offsets: bytes, blob: bytes) -> None:
        self._offsets = array("I")
        self._offsets.frombytes(offsets)
        self._blob = blob

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> tuple:
        return marshal.loads(self._blob[self._offsets[i]:self._offsets[i + 1]])

    @staticmethod
    def pack(records) -> tuple[bytes, bytes]:
        offsets, blob = array("I", [0]), bytearray()
        for record in records:
            blob += marshal.dumps(record)
            offsets.append(len(blob))
        return offsets.tobytes(), bytes(blob)


class _Hits(Mapping):
    """literal -> Hit, each Hit built when first asked for."""

    def __init__(self, table: "CompactTable") -> None:
        self._table = table
        self._numbers: dict[str, int] | None = None
        self._made: dict[int, Hit] = {}

    def _index(self) -> "WordTable":
        if self._numbers is None:
            self._numbers = WordTable(self._table._sections[1])
        return self._numbers

    def __getitem__(self, literal: str) -> Hit:
        number = self._index()[literal]
        hit = self._made.get(number)
        if hit is None:
            row = self._table._hit_rows()[number]
            hit = self._made[number] = Hit(self._table.entity(row[0]), *row[1:])
        return hit

    def __contains__(self, literal: object) -> bool:
        return literal in self._index()

    def __iter__(self) -> Iterator[str]:
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())


class CompactTable:
    """A `NameTable` read from `dumps`' bytes; see the module docstring."""

    def __init__(self, sections: tuple) -> None:
        self._sections = sections
        by_run, odd = marshal.loads(sections[0])
        self.index = BoundedTerms.from_parts(by_run, odd)
        self.hits = _Hits(self)
        (self._listed, self._hand, near, context, given_names) = marshal.loads(sections[5])
        self._near = near
        self.context: tuple[str, ...] = context
        self.given_names: frozenset[str] = given_names
        self._entity_records: _Records | None = None
        self._hit_records: _Records | None = None
        self._entities: dict[int, Entity] = {}
        self._known: WordTable | None = None
        self._near_forms: dict[str, Entity] | None = None

    def _hit_rows(self) -> _Records:
        if self._hit_records is None:
            self._hit_records = _Records(*marshal.loads(self._sections[2]))
        return self._hit_records

    def entity(self, number: int) -> Entity:
        found = self._entities.get(number)
        if found is None:
            if self._entity_records is None:
                self._entity_records = _Records(*marshal.loads(self._sections[3]))
            found = self._entities[number] = Entity(*self._entity_records[number])
        return found

    @property
    def entities(self) -> list[Entity]:
        return [self.entity(i) for i in range(self._listed)]

    def hand_entities(self) -> list[Entity]:
        """The entities of the hand-written `[[entity]]` tables (not the gazetteer's)."""
        return [self.entity(i) for i in self._hand]

    @property
    def known(self) -> "WordTable":
        """The known lowercase names: a hash table read from its bytes (`in` only)."""
        if self._known is None:
            self._known = WordTable(self._sections[4])
        return self._known

    @property
    def near_forms(self) -> dict[str, Entity]:
        if self._near_forms is None:
            self._near_forms = {form: self.entity(i) for form, i in self._near.items()}
        return self._near_forms


def dumps(table) -> bytes:
    """The bytes `loads` reads back as a table equal to `table` (a `NameTable`)."""
    numbers: dict[int, int] = {}
    entities: list[Entity] = []

    def number(entity: Entity) -> int:
        found = numbers.get(id(entity))
        if found is None:
            found = numbers[id(entity)] = len(entities)
            entities.append(entity)
        return found

    for entity in table.entities:
        number(entity)
    listed = len(entities)
    literal_numbers: dict[str, int] = {}
    rows: list[tuple] = []
    row_of: dict[int, int] = {}
    for literal, hit in table.hits.items():
        row = row_of.get(id(hit))
        if row is None:
            row = row_of[id(hit)] = len(rows)
            rows.append((number(hit.entity), *hit[1:]))
        literal_numbers[literal] = row
    near = {form: number(entity) for form, entity in table.near_forms.items()}
    hand = tuple(i for i in range(listed) if not entities[i].gazetteer)
    sections = (
        marshal.dumps(table.index.parts()),
        build_bytes(literal_numbers),
        marshal.dumps(_Records.pack(rows)),
        marshal.dumps(_Records.pack(tuple(e) for e in entities)),
        build_bytes(dict.fromkeys(table.known, 1)),
        marshal.dumps((listed, hand, near, tuple(table.context), frozenset(table.given_names))),
    )
    return marshal.dumps((LAYOUT, sys.byteorder, sections))


def loads(data) -> CompactTable:
    """The table `dumps` wrote; ValueError when `data` is not one."""
    layout, byteorder, sections = marshal.loads(data)  # the arrays are in the machine's order
    if layout != LAYOUT or byteorder != sys.byteorder or not isinstance(sections, tuple) or len(sections) != 6:
        raise ValueError("not a names table of this layout")
    return CompactTable(sections)
