"""Findings: the immutable records every check produces and every reporter reads.

A finding's position is given twice: as 0-based code-point offsets into the
decoded text (end exclusive) and as 1-based line and column (end column
exclusive). Both always describe the same span; `Document.finding` computes the
second from the first so that no check ever counts lines itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How serious a finding is; ordered, so `--fail-on` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (use error, warning or info)"
            ) from None

    def lowered(self) -> "Severity":
        """One step less serious, never below info."""
        return Severity(max(self.value - 1, Severity.INFO.value))


@dataclass(frozen=True, slots=True, init=False)
class Suggestion:
    """A proposed edit: replace text[offset:end_offset] with `replacement`.

    A safe suggestion can be applied by `--fix` without a human looking; an unsafe
    one (removing a block, renaming across a document) needs `--unsafe-fixes`.
    """

    replacement: str
    offset: int
    end_offset: int
    safe: bool = True

    def to_dict(self) -> dict:
        return {
            "replacement": self.replacement,
            "safe": self.safe,
            "offset": self.offset,
            "end_offset": self.end_offset,
        }


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One problem in one document."""

    rule: str
    name: str
    category: str
    severity: Severity
    offset: int
    end_offset: int
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    message: str
    suggestions: tuple[Suggestion, ...] = field(default=())

    @property
    def fixable(self) -> bool:
        return bool(self.suggestions)

    def sort_key(self) -> tuple:
        return (self.offset, self.end_offset, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "excerpt": self.excerpt,
            "message": self.message,
            "suggestions": [s.to_dict() for s in self.suggestions],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(
            rule=data["rule"],
            name=data["name"],
            category=data["category"],
            severity=Severity.parse(data["severity"]),
            offset=data["offset"],
            end_offset=data["end_offset"],
            line=data["line"],
            column=data["column"],
            end_line=data["end_line"],
            end_column=data["end_column"],
            excerpt=data["excerpt"],
            message=data["message"],
            suggestions=tuple(
                Suggestion(s["replacement"], s["offset"], s["end_offset"], s["safe"])
                for s in data.get("suggestions", ())
            ),
        )


# Hand-written __init__s: a frozen dataclass's generated one calls
# object.__setattr__ once per field, which made building a finding cost
# twice what the slot descriptors below cost. A file can have millions.
def _setters(cls, names: str):
    return [getattr(cls, name).__set__ for name in names.split()]


_S = _setters(Suggestion, "replacement offset end_offset safe")


def _suggestion_init(self, replacement: str, offset: int, end_offset: int, safe: bool = True,
                     _s0=_S[0], _s1=_S[1], _s2=_S[2], _s3=_S[3]) -> None:
    _s0(self, replacement)
    _s1(self, offset)
    _s2(self, end_offset)
    _s3(self, safe)


_F = _setters(Finding, "rule name category severity offset end_offset line column end_line end_column "
                       "excerpt message suggestions")


def _finding_init(self, rule: str, name: str, category: str, severity: Severity, offset: int,
                  end_offset: int, line: int, column: int, end_line: int, end_column: int,
                  excerpt: str, message: str, suggestions: tuple[Suggestion, ...] = (),
                  _f=tuple(_F)) -> None:
    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12 = _f
    f0(self, rule)
    f1(self, name)
    f2(self, category)
    f3(self, severity)
    f4(self, offset)
    f5(self, end_offset)
    f6(self, line)
    f7(self, column)
    f8(self, end_line)
    f9(self, end_column)
    f10(self, excerpt)
    f11(self, message)
    f12(self, suggestions)


Suggestion.__init__ = _suggestion_init  # type: ignore[method-assign]
Finding.__init__ = _finding_init  # type: ignore[method-assign]

