"""The names table kept in the table cache (`lintnews.families.names.compact`).

Read back, it answers like the table built from the rule files; a stored
table of another layout, a damaged one or one owned by another user is not
used, and the table is built (and, where it can be, stored) again.
"""
from __future__ import annotations

import marshal
import os
import sys

import pytest

from lintnews.run import tablecache
from lintnews.families.names import compact
from lintnews.families.names.entities import build_table
from lintnews.engine.rulefiles import BUILTIN_RULES, load_rules, load_rules_cached

TEXT = ("Officials in Kiev and kyiv said Maria Zajarova met Volodymyr Zelensky in Kharkov; "
        "KIEV, Artemovsk and the Kyiv Pechersk Lavra. Evgeny Kulikov spoke in Gorodok district.")


@pytest.fixture(scope="module")
def built():
    return build_table(load_rules((BUILTIN_RULES,)))


def _same(table, fresh) -> None:
    assert dict(table.hits.items()) == fresh.hits and len(table.hits) == len(fresh.hits)
    assert table.entities == fresh.entities and table.hand_entities() == fresh.hand_entities()
    assert set(table.known) == fresh.known and all(w in table.known for w in list(fresh.known)[:500]) and table.near_forms == fresh.near_forms
    assert table.context == fresh.context and table.given_names == fresh.given_names
    assert table.index.parts() == fresh.index.parts()
    spans = [m.span() for m in fresh.index.finditer(TEXT)]
    assert [m.span() for m in table.index.finditer(TEXT)] == spans and len(spans) >= 8


def test_the_compact_table_answers_like_the_built_one(built):
    table = compact.loads(compact.dumps(built))
    assert isinstance(table, compact.CompactTable)
    for literal in ("Kiev", "KIEV", "kyiv", "Zajarova", "Artemovsk"):
        hit = table.hits[literal]
        assert hit == built.hits[literal] and hit is table.hits[literal]  # built once
    assert "no such name" not in table.hits and table.hits.get("no such name") is None
    assert ("no such name" in table.known) is False
    _same(table, built)
    hand = table.hand_entities()
    assert hand and not any(e.gazetteer for e in hand) and len(hand) < len(table.entities)


def test_one_entity_is_one_object_across_its_hits(built):
    table = compact.loads(compact.dumps(built))
    assert table.hits["Kiev"].entity is table.hits["kyiv"].entity is table.hits["KIEV"].entity
    assert table.hits["Kiev"].entity.id == built.hits["Kiev"].entity.id


def test_a_text_without_names_decodes_no_hit(built):
    table = compact.loads(compact.dumps(built))
    assert list(table.index.finditer("The council met on Tuesday to vote on buses.")) == []
    assert table.hits._numbers is None and table._hit_records is None and table._entities == {}


def test_a_short_text_looks_its_words_up_and_a_long_one_decodes_the_index(built):
    table = compact.loads(compact.dumps(built))
    runs = table.index.parts()[0]
    expected = [m.span() for m in built.index.finditer(TEXT)]
    assert [m.span() for m in table.index.finditer(TEXT)] == expected
    assert runs._dict is None  # a few dozen words: looked up one by one
    filler = " ".join(f"word{i}" for i in range(compact.DECODE_INDEX_FROM + 1))
    long_text = TEXT + " " + filler + " " + TEXT
    assert [m.span() for m in table.index.finditer(long_text)] == [m.span() for m in built.index.finditer(long_text)]
    assert runs._dict is not None  # many words: decoded whole, intersected in C
    assert dict(runs) == built.index.parts()[0] and "Kiev" in runs and "word1" not in runs


def test_the_index_is_decoded_once_a_process_has_asked_about_many_words(built):
    table = compact.loads(compact.dumps(built))
    runs = table.index.parts()[0]
    texts = [f"{TEXT} " + " ".join(f"w{n}x{i}" for i in range(400)) for n in range(20)]
    for n, text in enumerate(texts):  # a corpus of short texts: each alone would be looked up
        assert [m.span() for m in table.index.finditer(text)] == [m.span() for m in built.index.finditer(text)]
        if runs._dict is not None:
            break
    assert runs._dict is not None and n < 10


def test_the_table_is_stored_once_and_read_back(monkeypatch, tmp_path, built):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    first = load_rules_cached().data.entities  # builds and stores
    second = load_rules_cached().data.entities  # a new RuleSet: reads the stored table
    assert isinstance(second, compact.CompactTable) and not isinstance(first, compact.CompactTable)
    _same(second, built)
    stored = list((tmp_path / "tables").glob("entities-*.bin"))
    assert len(stored) == 1
    layout, byteorder, lengths, _start = compact.header(tablecache.read("entities", load_rules_cached().cache_key))
    assert layout == compact.LAYOUT and byteorder == sys.byteorder and len(lengths) == 12


@pytest.mark.parametrize("payload", [
    compact.pack(compact.LAYOUT - 1, sys.byteorder, (b"",) * 12),  # a stored table of another layout
    compact.pack(compact.LAYOUT, "middle", (b"",) * 12),  # written by a machine of another byte order
    compact.pack(compact.LAYOUT, sys.byteorder, (b"",) * 11),  # sections missing
    compact.pack(compact.LAYOUT, sys.byteorder, (b"",) * 12) + b"more",  # longer than its sections
    marshal.dumps((2, sys.byteorder, (b"",) * 6)),  # the layout before sections were laid end to end
    b"\x00 not marshal data",
    __import__("pickle").dumps({"a pickle": "of the old format"}),
])
def test_a_stale_or_foreign_stored_table_is_rebuilt(monkeypatch, tmp_path, built, payload):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    key = load_rules_cached().cache_key
    tablecache.write("entities", key, payload)  # intact (right key and CRC), wrong content
    table = load_rules_cached().data.entities
    assert not isinstance(table, compact.CompactTable)
    _same(table, built)
    assert isinstance(load_rules_cached().data.entities, compact.CompactTable)  # stored again


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_stored_table_owned_by_another_user_is_not_read(monkeypatch, tmp_path, built):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    load_rules_cached().data.entities
    key = load_rules_cached().cache_key
    path = tablecache.path_for("entities", key)
    assert tablecache.read("entities", key) is not None
    os.chown(path, 4242, -1)
    table = load_rules_cached().data.entities
    assert not isinstance(table, compact.CompactTable)
    _same(table, built)


def test_an_unreadable_list_is_a_rule_file_error_naming_it(tmp_path):
    import pytest
    from lintnews.errors import RuleFileError
    from lintnews.families.names.listfiles import data_lines
    (tmp_path / "ok.txt").write_text("# a comment\n\nKyiv\tКиїв\n", encoding="utf-8")
    assert list(data_lines(tmp_path / "ok.txt", "the list")) == [(3, "Kyiv\tКиїв")]
    with pytest.raises(RuleFileError, match="cannot read the list of places"):
        list(data_lines(tmp_path / "missing.txt", "the list of places"))


def test_find_all_gives_every_start_overlapping_ones_too():
    from lintnews.text.literals import find_all
    assert list(find_all("aaa-aa", "aa")) == [0, 1, 4]
    assert list(find_all("Kyiv", "Lviv")) == []
