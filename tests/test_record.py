"""`lintnews.text.record` behaves as `dataclasses` does for the options lintnews uses."""
from __future__ import annotations

import dataclasses
import pickle
from collections import Counter
from typing import ClassVar

import pytest

from lintnews.text import record
def _pair(**options):
    """The same class body decorated by `dataclasses` and by `record`."""

    def body():
        class Item:
            """An item."""

            LIMIT: ClassVar[int] = 3
            name: str
            count: int = 1
            tags: list = None  # replaced below
            seen: Counter = None
            note: str = ""

        return Item

    made = []
    for module in (dataclasses, record):
        cls = body()
        cls.tags = module.field(default_factory=list)
        cls.seen = module.field(default_factory=Counter, compare=False, repr=False)
        made.append(module.dataclass(**options)(cls))
    return made


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"slots": True}, {"frozen": True, "slots": True}])
def test_init_repr_eq_hash_match_dataclasses(options):
    for cls in _pair(**options):
        a = cls("x", 2, ("t",), note="n")
        b = cls("x", 2, ("t",), note="n")
        c = cls("y")
        assert (a.name, a.count, a.tags, a.note, a.seen) == ("x", 2, ("t",), "n", Counter())
        assert (c.count, c.tags, c.note) == (1, [], "")
        assert c.tags is not cls("z").tags  # a factory, not a shared default
        assert repr(a) == "_pair.<locals>.body.<locals>.Item(name='x', count=2, tags=('t',), note='n')"
        assert a == b and a != c and (a == "x") is False
        b.seen["k"] += 1 if not options.get("frozen") else 0
        assert a == b  # compare=False
        assert cls.LIMIT == 3 and "LIMIT" not in [f.name for f in (record if hasattr(cls, "__record_fields__") else dataclasses).fields(cls)]
        if options.get("frozen"):
            assert hash(a) == hash(b)
        else:
            with pytest.raises(TypeError):
                hash(a)
        if options.get("slots"):
            assert not hasattr(a, "__dict__")
        with pytest.raises(TypeError):
            cls()


def test_frozen_refuses_assignment_and_deletion():
    _, cls = _pair(frozen=True)
    item = cls("x")
    with pytest.raises(record.FrozenInstanceError):
        item.name = "y"
    with pytest.raises(AttributeError):
        del item.count
    assert item.name == "x"


@pytest.mark.parametrize("options", [{"frozen": True, "slots": True}, {"frozen": True}, {}])
def test_pickle_round_trip(options):
    _, cls = _pair(**options)
    globals()["Item"] = cls  # pickle finds classes by module and name
    cls.__qualname__ = "Item"
    try:
        item = cls("x", 2, ["t"])
        again = pickle.loads(pickle.dumps(item))
        assert again == item and again.tags == ["t"]
    finally:
        del globals()["Item"]


def test_replace_and_fields():
    _, cls = _pair(frozen=True)
    item = cls("x", 2)
    other = record.replace(item, count=5)
    assert (other.name, other.count, item.count) == ("x", 5, 2)
    assert [f.name for f in record.fields(cls)] == ["name", "count", "tags", "seen", "note"]
    with pytest.raises(TypeError):
        record.fields(object())


def test_fields_are_inherited_in_order():
    @record.dataclass
    class Base:
        path: str
        errors: list = record.field(default_factory=list)

    @record.dataclass
    class Child(Base):
        line: int = 0

    child = Child("a.txt", line=3)
    assert (child.path, child.errors, child.line) == ("a.txt", [], 3)
    assert [f.name for f in record.fields(Child)] == ["path", "errors", "line"]
    assert repr(child) == "test_fields_are_inherited_in_order.<locals>.Child(path='a.txt', errors=[], line=3)"


def test_hand_written_init_is_kept():
    @record.dataclass(frozen=True, slots=True, init=False)
    class Point:
        x: int
        y: int = 0

        def __init__(self, x, y=0):
            object.__setattr__(self, "x", x * 10)
            object.__setattr__(self, "y", y)

    assert (Point(1).x, Point(1, 2).y) == (10, 2)
    assert Point(1) == Point(1) and Point(1) != Point(2)


def test_a_class_own_init_is_kept_as_dataclasses_keeps_it():
    for module in (dataclasses, record):
        @module.dataclass
        class Doubled:
            x: int

            def __init__(self, x):
                self.x = x * 2

        assert Doubled(2).x == 4 and Doubled(2) == Doubled(2)
