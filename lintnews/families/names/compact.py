"""The names table as the table cache keeps it: plain data, decoded per lookup.

The table holds ~13,000 literals standing for ~3,700 people and places
(`entities.NameTable`). Unpickling it whole, thousands of `Hit` and `Entity`
tuples, cost every process, and a text meets a handful of them.
This format is `marshal`led plain data (no code runs when it is read, unlike a
pickle; the table cache still reads only the user's own files) in sections
laid end to end after a small header of their lengths, each a view of the
cache file's bytes (mapped, not read: `tablecache.read`), decoded when first
needed:

- the index: first word run -> the literals that begin with it (what
  `termindex.BoundedTerms` looks words up in), stored twice: as a hash table
  of runs with records decoded one by one (a short text looks up its few
  hundred words), and as one marshalled dict, decoded whole once the process
  has asked about more than `DECODE_INDEX_FROM` words (then the set
  intersection runs in C); then the few odd literals;
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
from collections.abc import KeysView, Mapping

from lintnews.text.sections import header as sections_header, pack as sections_pack, unpack
from lintnews.text.termindex import BoundedTerms
from lintnews.text.wordlist import WordTable, build_bytes
from lintnews.families.names.records import Entity, Hit

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Iterator

#: Changing the layout below must change this (and `tablecache.FORMAT`).
LAYOUT = 3
#: Once a process has asked the index about more words than this (one long
#: text, or a few texts of a corpus), the whole index is decoded (one
#: `marshal.loads`) and intersected with each text's words in C; until then
#: each word is looked up in the stored hash table.
DECODE_INDEX_FROM = 3000
#: How many words' membership (`literal in hits`) a process keeps.
HELD_WORDS = 1 << 16


class _Records:
    """Records `marshal`led one by one into a blob, decoded by number."""

    def __init__(self, offsets: bytes | memoryview, blob: bytes | memoryview) -> None:
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
        self._by_literal: dict[str, Hit] = {}  # a name comes back in text after text
        self._held: dict[str, bool] = {}  # `in` answered so far, for a word that comes back

    def _index(self) -> "WordTable":
        if self._numbers is None:
            self._numbers = WordTable(self._table._sections[5])
        return self._numbers

    def __getitem__(self, literal: str) -> Hit:
        hit = self._by_literal.get(literal)
        if hit is not None:
            return hit
        number = self._index()[literal]
        hit = self._made.get(number)
        if hit is None:
            row = self._table._hit_rows()[number]
            hit = self._made[number] = Hit(self._table.entity(row[0]), *row[1:])
        self._by_literal[literal] = hit
        return hit

    def __contains__(self, literal: object) -> bool:
        if not isinstance(literal, str):
            return literal in self._index()
        held = self._held.get(literal)
        if held is None:
            held = literal in self._index()
            if len(self._held) < HELD_WORDS:
                self._held[literal] = held
        return held

    def __iter__(self) -> Iterator[str]:
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())


class _Runs(Mapping):
    """The index's first run -> its terms (longest first), as `BoundedTerms`
    asks for them: looked up in a stored hash table and decoded one entry at
    a time, until the process has asked about so many words that decoding
    the whole dict is cheaper (`DECODE_INDEX_FROM`)."""

    def __init__(self, numbers: memoryview, records: _Records, whole: memoryview) -> None:
        self._numbers = WordTable(numbers)
        self._records = records
        self._whole = whole
        self._dict: dict[str, tuple[str, ...]] | None = None
        self._keys: frozenset[str] | None = None  # the decoded dict's keys, for `keys() & words`
        self._asked = 0  # words looked up one by one so far

    def decoded(self) -> dict[str, tuple[str, ...]]:
        if self._dict is None:
            self._dict = marshal.loads(self._whole)
        return self._dict

    def __getitem__(self, run: str) -> tuple[str, ...]:
        if self._dict is not None:
            return self._dict[run]
        number = self._numbers.get(run)
        if number is None:
            raise KeyError(run)
        return self._records[number]

    def __contains__(self, run: object) -> bool:
        return run in self._dict if self._dict is not None else run in self._numbers

    def __iter__(self) -> Iterator[str]:
        return iter(self.decoded())

    def __len__(self) -> int:
        return len(self._numbers)

    def keys(self):
        return _RunKeys(self)


class _RunKeys(KeysView):
    """`runs.keys() & words`, the one set operation `termindex` does."""

    def __and__(self, words):
        runs = self._mapping
        if runs._dict is None:
            runs._asked += len(words)
            if runs._asked <= DECODE_INDEX_FROM:
                numbers = runs._numbers
                return {word for word in words if word in numbers}
        if runs._keys is None:
            runs._keys = frozenset(runs.decoded())
        return runs._keys & words  # set & set: the smaller side is visited

    __rand__ = __and__


class CompactTable:
    """A `NameTable` read from `dumps`' bytes; see the module docstring."""

    def __init__(self, sections: tuple) -> None:
        self._sections = sections
        (run_numbers, run_offsets, run_blob, whole_index, odd, _literals, _hit_offsets, _hit_blob,
         _entity_offsets, _entity_blob, _known, rest) = sections
        self.index = BoundedTerms.from_parts(
            _Runs(run_numbers, _Records(run_offsets, run_blob), whole_index), marshal.loads(odd))
        self.hits = _Hits(self)
        (self._listed, self._hand, near, context, given_names) = marshal.loads(rest)
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
            self._hit_records = _Records(self._sections[6], self._sections[7])
        return self._hit_records

    def entity(self, number: int) -> Entity:
        found = self._entities.get(number)
        if found is None:
            if self._entity_records is None:
                self._entity_records = _Records(self._sections[8], self._sections[9])
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
            self._known = WordTable(self._sections[10])
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
    by_run, odd = table.index.parts()
    by_run = dict(by_run)
    run_numbers = {run: i for i, run in enumerate(by_run)}
    sections = (
        build_bytes(run_numbers),
        *_Records.pack(by_run.values()),
        marshal.dumps(by_run),
        marshal.dumps(tuple(odd)),
        build_bytes(literal_numbers),
        *_Records.pack(rows),
        *_Records.pack(tuple(e) for e in entities),
        build_bytes(dict.fromkeys(table.known, 1)),
        marshal.dumps((listed, hand, near, tuple(table.context), frozenset(table.given_names))),
    )
    return pack(LAYOUT, sys.byteorder, sections)


def loads(data) -> CompactTable:
    """The table `dumps` wrote; ValueError when `data` is not one.

    The sections are views of `data` (the table cache maps the file): nothing
    is copied, and each is decoded when first needed."""
    fields, sections = unpack(data)  # the arrays are in the machine's order
    if fields != (LAYOUT, sys.byteorder) or len(sections) != 12:
        raise ValueError("not a names table of this layout")
    return CompactTable(tuple(sections))


def header(data) -> tuple:
    """(layout, byte order, section lengths, where the sections start) of `dumps`' bytes."""
    fields, lengths, start = sections_header(data)
    return (*fields, lengths, start)


def pack(layout: int, byteorder: str, sections: tuple) -> bytes:
    """The sections under a header, as `dumps` lays them out (tests make stale tables with it)."""
    return sections_pack((layout, byteorder), sections)
