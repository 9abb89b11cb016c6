"""Findings: the immutable records every check produces and every reporter reads.

A finding's message is its rule's template filled with its arguments, which
it keeps; its fixes are edits with an applicability (safe, unsafe,
display-only), as ruff's are.

A finding's position is given twice: as 0-based code-point offsets into the
decoded text (end exclusive) and as 1-based line and column (end column
exclusive). Both always describe the same span; `Document.finding` computes the
second from the first so that no check ever counts lines itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum


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


class Applicability(Enum):
    """When a fix may be applied (as ruff's fixes say it).

    SAFE: by `--fix`, without a human looking. UNSAFE: only with
    `--unsafe-fixes` (removing a block, a name lintnews is not sure of).
    DISPLAY_ONLY: shown to the user as a hint, never applied (lintnews knows
    the right form, but not that replacing the span is the whole repair).
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"

    def __str__(self) -> str:
        return self.value


SAFE, UNSAFE, DISPLAY_ONLY = Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[offset:end_offset] (original code-point offsets) with `replacement`."""

    offset: int
    end_offset: int
    replacement: str

    def to_dict(self) -> dict:
        return {"offset": self.offset, "end_offset": self.end_offset, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """One way to repair a finding: edits made together, and when they may be made."""

    edits: tuple[Edit, ...]
    applicability: Applicability = SAFE

    @classmethod
    def replace(cls, offset: int, end_offset: int, replacement: str,
                applicability: Applicability = SAFE) -> "Fix":
        """A fix of one edit."""
        return cls((Edit(offset, end_offset, replacement),), applicability)

    @property
    def applicable(self) -> bool:
        """Whether a fix run may make it at all (safe or unsafe, not display-only)."""
        return self.applicability is not DISPLAY_ONLY

    def allowed(self, unsafe: bool = False) -> bool:
        """Whether `--fix` (or `--fix --unsafe-fixes` when `unsafe`) makes this fix."""
        return self.applicability is SAFE or (unsafe and self.applicability is UNSAFE)

    def to_dict(self) -> dict:
        return {"applicability": self.applicability.value, "edits": [e.to_dict() for e in self.edits]}

    @classmethod
    def from_dict(cls, data: dict) -> "Fix":
        return cls(tuple(Edit(e["offset"], e["end_offset"], e["replacement"]) for e in data["edits"]),
                   Applicability(data["applicability"]))

    def suggestion(self) -> dict | None:
        """This fix as an entry of the JSON report's `suggestions` (version 1's one-edit
        form): None for a display-only fix or one of several edits."""
        if self.applicability is DISPLAY_ONLY or len(self.edits) != 1:
            return None
        edit = self.edits[0]
        return {"replacement": edit.replacement, "safe": self.applicability is SAFE,
                "offset": edit.offset, "end_offset": edit.end_offset}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one document.

    `message` is the rule's message template `template` (`Rule.messages`)
    filled with `arguments`, which the finding keeps as (name, value) pairs:
    the values a consumer would otherwise parse back out of the message, and
    any other machine-readable detail of the check (an LN305 block's `kind`).
    `fixes` are alternatives, best first.
    """

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
    fixes: tuple[Fix, ...] = ()
    template: str = "default"
    #: (name, value) pairs, values str, int or float: a tuple keeps the finding hashable
    arguments: tuple[tuple[str, object], ...] = ()

    @property
    def fixable(self) -> bool:
        """Whether a fix run can repair it (a display-only fix does not count)."""
        return any(f.applicability is not DISPLAY_ONLY for f in self.fixes)

    @property
    def details(self) -> dict:
        """The arguments as a dict."""
        return dict(self.arguments)

    def detail(self, name: str, default=None):
        for key, value in self.arguments:
            if key == name:
                return value
        return default

    def sort_key(self) -> tuple:
        return (self.offset, self.end_offset, self.rule, self.message)

    def json_suggestions(self) -> list[dict]:
        """The JSON report's `suggestions`: the one-edit safe and unsafe fixes."""
        return [s for s in (f.suggestion() for f in self.fixes) if s is not None]

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
            "suggestions": self.json_suggestions(),
            "fixes": [f.to_dict() for f in self.fixes],
            "template": self.template,
            "arguments": dict(self.arguments),
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
            fixes=tuple(Fix.from_dict(f) for f in data.get("fixes", ())),
            template=data.get("template", "default"),
            arguments=tuple(data.get("arguments", {}).items()),
        )


# Finding's __init__ sets its slots through their descriptors: the generated
# one of a frozen dataclass calls object.__setattr__ per field, which shows
# in a text with tens of thousands of findings (docs/performance.md).
_SETTERS = tuple(getattr(Finding, name).__set__ for name in (
    "rule name category severity offset end_offset line column end_line end_column excerpt message fixes "
    "template arguments").split())


def _finding_init(self, rule, name, category, severity, offset, end_offset, line, column, end_line, end_column,
                  excerpt, message, fixes=(), template="default", arguments=(), _s=_SETTERS) -> None:
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14 = _s
    s0(self, rule)
    s1(self, name)
    s2(self, category)
    s3(self, severity)
    s4(self, offset)
    s5(self, end_offset)
    s6(self, line)
    s7(self, column)
    s8(self, end_line)
    s9(self, end_column)
    s10(self, excerpt)
    s11(self, message)
    s12(self, fixes)
    s13(self, template)
    s14(self, arguments)


Finding.__init__ = _finding_init  # type: ignore[method-assign]
