"""The records of the names table: an entity (a person or a place) and a hit
(what one literal of the table stands for). Kept apart from the table's
builder (`entities`) so that the generated tables' loader (`gazetteer`) can
make them without importing the builder that calls it.
"""
from __future__ import annotations

from collections import namedtuple

# Named tuples, not dataclasses: the table cache holds thousands of these, and
# a tuple unpickles faster than an object's dict. Made with
# `collections.namedtuple`; the fields and their defaults are the same.


class Entity(namedtuple(
        "Entity",
        ("id", "type", "native", "forms", "given", "short", "country", "source", "where", "gazetteer"),
        defaults=((), (), "", "", "", False))):
    """A person or a place.

    `id`, `type` ("person" or a kind of place), `native` (the native
    spelling), `forms` (the accepted English forms), then, optional: `given`
    (given-name forms), `short` (short forms), `country`, `source`, `where`,
    and `gazetteer`: from the generated tables (gazetteer, people list), so
    not a LN201 term and never a target of near-name matching.
    """

    __slots__ = ()

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


class Hit(namedtuple(
        "Hit",
        ("entity", "role", "form", "origin", "given", "part", "replacement", "safe", "lowercase",
         "guard", "renamed", "old_native"),
        defaults=("", "", "", "surname", "", True, False, "", 0, ""))):
    """What one literal of the pattern stands for.

    - `entity`: the Entity;
    - `role`: "accepted", "variant" or "exception";
    - `form`: accepted: the form; variant: the surname/place form it replaces;
    - `origin`;
    - `given`: a variant of a full name: the given name to write;
    - `part`: which part of the native name the variant renders ("surname");
    - `replacement`: a fixed replacement (historical names);
    - `safe` (True);
    - `lowercase`: the literal is the lowercase spelling of a variant;
    - `guard`: why the variant is reported only in a Ukrainian context (see gazetteer);
    - `renamed`: a former name: the year the place was renamed (0);
    - `old_native`: a former name: its native spelling.
    """

    __slots__ = ()
