"""The records of the names table: an entity (a person or a place) and a hit
(what one literal of the table stands for). Kept apart from the table's
builder (`entities`) so that the generated tables' loader (`gazetteer`) can
make them without importing the builder that calls it.
"""
from __future__ import annotations

from typing import NamedTuple


class Entity(NamedTuple):
    # A NamedTuple, not a dataclass: the table cache holds thousands of these
    # and of Hit, and a tuple unpickles several times faster than an object's dict.
    id: str
    type: str
    native: str
    forms: tuple[str, ...]
    given: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    country: str = ""
    source: str = ""
    where: str = ""
    #: From the generated tables (gazetteer, people list): not a LN201 term,
    #: never a target of near-name matching.
    gazetteer: bool = False

    @property
    def is_person(self) -> bool:
        return self.type == "person"

    def native_part(self, part: str) -> str:
        """The native spelling of the surname, the given name or the full name."""
        words = self.native.split()
        if not self.is_person or len(words) < 2:
            return self.native
        if part == "surname":
            return words[-1]
        if part == "given":
            return " ".join(words[:-1])
        return self.native


class Hit(NamedTuple):
    """What one literal of the pattern stands for."""

    entity: Entity
    role: str                 # "accepted", "variant" or "exception"
    form: str = ""            # accepted: the form; variant: the surname/place form it replaces
    origin: str = ""
    given: str = ""           # variant of a full name: the given name to write
    part: str = "surname"     # which part of the native name the variant renders
    replacement: str = ""     # a fixed replacement (historical names)
    safe: bool = True
    lowercase: bool = False   # the literal is the lowercase spelling of a variant
    guard: str = ""           # why the variant is reported only in a Ukrainian context (see gazetteer)
    renamed: int = 0          # a former name: the year the place was renamed
    old_native: str = ""      # a former name: its native spelling
