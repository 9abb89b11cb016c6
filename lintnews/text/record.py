"""Plain record classes, built the way `dataclasses` builds them, at a fraction of the start-up cost.

lintnews declares some thirty small record classes (Rule, Finding, Config,
...). `dataclasses` makes each one by generating and `exec`-ing four or five
functions, and importing it pulls in `inspect` (and with it `ast`, `dis`,
`tokenize`): together over 10 ms of every run, which is a tenth of the time
a pre-commit hook on one article may take. This module offers the subset of
`dataclasses` lintnews uses, under the same names, so a module writes

    from lintnews.text.record import dataclass, field, replace

    @dataclass(frozen=True, slots=True)
    class Segment:
        start: int
        end: int
        notes: list[str] = field(default_factory=list, compare=False)

and gets what `dataclasses` would give: an `__init__` taking the fields in
order with their defaults (`default=`, `default_factory=`), a `__repr__` and
an `__eq__` over the fields (`repr=False`, `compare=False` leave one out), a
`__hash__` for frozen classes (and none for mutable ones), attributes that
cannot be set on a frozen instance (`FrozenInstanceError`), `__slots__` on
request (frozen slotted instances still pickle), fields inherited from a
record base class, and `replace(obj, **changes)` / `fields(cls)`. All
methods of a class are generated as one piece of source, compiled once and
kept between processes with the compiled patterns (`patterncache`), as
Python keeps a module's byte code: compiling it was most of a class's cost. Annotations are read as
written (`from __future__ import annotations`); a `ClassVar[...]` one is not
a field. Not supported (and not used here): `order`, `kw_only`,
`InitVar`, `__post_init__`, `unsafe_hash`.
"""
from __future__ import annotations

__all__ = ["FrozenInstanceError", "dataclass", "field", "fields", "replace"]

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen record is set or deleted."""


class Field:
    """How one field behaves: its default, whether it is compared, shown, initialised."""

    __slots__ = ("name", "default", "default_factory", "compare", "repr", "init")

    def __init__(self, default=_MISSING, default_factory=_MISSING, compare=True, repr=True, init=True):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr
        self.init = init

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


def field(*, default=_MISSING, default_factory=_MISSING, compare: bool = True, repr: bool = True,
          init: bool = True) -> Field:
    """Describe one field, as `dataclasses.field` does."""
    return Field(default, default_factory, compare, repr, init)


def fields(obj) -> tuple[Field, ...]:
    """The fields of a record class or instance, in order."""
    try:
        return tuple(obj.__record_fields__)
    except AttributeError:
        raise TypeError("must be called with a record class or instance") from None


def replace(obj, /, **changes):
    """A copy of `obj` with some fields changed, made through its `__init__`."""
    for f in obj.__record_fields__:
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def dataclass(cls=None, /, *, frozen: bool = False, slots: bool = False, init: bool = True,
              eq: bool = True, repr: bool = True):
    """Make `cls` a record class (usable bare, `@dataclass`, or with options)."""

    def wrap(cls):
        return _build(cls, frozen, slots, init, eq, repr)

    return wrap if cls is None else wrap(cls)


def _is_classvar(annotation) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _build(cls, frozen: bool, slots: bool, init: bool, eq: bool, repr: bool):
    own = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        own.append(f)
    inherited = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get("__record_fields__", ()):
            inherited[f.name] = f
    for f in own:
        inherited.pop(f.name, None)
    all_fields = [*inherited.values(), *own]

    namespace: dict = {"_MISSING": _MISSING, "FrozenInstanceError": FrozenInstanceError, "_set": object.__setattr__}
    lines = []
    if init and "__init__" not in cls.__dict__:  # as dataclasses: a class's own __init__ stays
        params, assigned = [], []  # assigned: (field name, expression)
        for i, f in enumerate(all_fields):
            if f.default_factory is not _MISSING:
                namespace[f"_f{i}"] = f.default_factory
                if f.init:
                    params.append(f"{f.name}=_MISSING")
                    assigned.append((f.name, f"_f{i}() if {f.name} is _MISSING else {f.name}"))
                else:
                    assigned.append((f.name, f"_f{i}()"))
            elif f.default is not _MISSING:
                namespace[f"_d{i}"] = f.default
                if f.init:
                    params.append(f"{f.name}=_d{i}")
                    assigned.append((f.name, f.name))
                else:
                    assigned.append((f.name, f"_d{i}"))
            elif f.init:
                params.append(f.name)
                assigned.append((f.name, f.name))
        if frozen:  # a frozen record's own __setattr__ refuses: go around it
            body = [f"_set(self, {name!r}, {value})" for name, value in assigned]
        else:
            body = [f"self.{name} = {value}" for name, value in assigned]
        lines.append(f"def __init__(self, {', '.join(params)}):")
        lines.extend("    " + line for line in body or ["pass"])
    if repr and "__repr__" not in cls.__dict__:
        shown = [f.name for f in all_fields if f.repr]
        parts = ", ".join(f"{name}={{self.{name}!r}}" for name in shown)
        lines.append("def __repr__(self):")
        lines.append(f"    return f'{{type(self).__qualname__}}({parts})'")
    compared = [f.name for f in all_fields if f.compare]
    values = "(" + "".join(f"self.{name}, " for name in compared) + ")"
    if eq and "__eq__" not in cls.__dict__:
        other = "(" + "".join(f"other.{name}, " for name in compared) + ")"
        lines.append("def __eq__(self, other):")
        lines.append(f"    if other.__class__ is self.__class__: return {values} == {other}")
        lines.append("    return NotImplemented")
    if eq and frozen and "__hash__" not in cls.__dict__:
        lines.append("def __hash__(self):")
        lines.append(f"    return hash({values})")
    if frozen:
        lines.append("def __setattr__(self, name, value):")
        lines.append("    raise FrozenInstanceError(f'cannot assign to field {name!r}')")
        lines.append("def __delattr__(self, name):")
        lines.append("    raise FrozenInstanceError(f'cannot delete field {name!r}')")
    if frozen and slots:
        names = "(" + "".join(f"{f.name!r}, " for f in all_fields) + ")"
        lines.append("def __getstate__(self):")
        lines.append(f"    return [getattr(self, n) for n in {names}]")
        lines.append("def __setstate__(self, state):")
        lines.append(f"    for n, v in zip({names}, state): _set(self, n, v)")
    from lintnews.text.patterncache import compile_source  # byte code kept between processes, as .pyc is

    code = compile_source("\n".join(lines), f"<record {cls.__module__}.{cls.__qualname__}>")
    exec(code, namespace)  # noqa: S102 - the source is built above from field names
    methods = {k: v for k, v in namespace.items() if k.startswith("__") and callable(v)}
    if eq and not frozen and "__hash__" not in cls.__dict__:
        methods["__hash__"] = None  # a mutable record that compares by value is unhashable

    if slots:
        body = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
        for f in own:
            body.pop(f.name, None)  # defaults live in __init__, not in the class
        body["__slots__"] = tuple(f.name for f in own)
        body.update(methods)
        body["__record_fields__"] = tuple(all_fields)
        body["__match_args__"] = tuple(f.name for f in all_fields if f.init)
        new = type(cls)(cls.__name__, cls.__bases__, body)
        new.__qualname__ = cls.__qualname__
        return new
    for f in own:  # as in dataclasses: a default stays a class attribute, a Field does not
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is _MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in methods.items():
        setattr(cls, name, value)
        if value is not None:
            value.__qualname__ = f"{cls.__qualname__}.{name}"
    cls.__record_fields__ = tuple(all_fields)
    cls.__match_args__ = tuple(f.name for f in all_fields if f.init)
    return cls

