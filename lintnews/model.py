"""What a rule, a rule example and a check are: plain records.

Every other module may import these, and this module imports only the
standard library, so the records can never take part in an import circle.
`registry` adds the `@check` decorator; `engine` finds the checks.
"""
from __future__ import annotations

from collections import abc

from dataclasses import dataclass, field

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any

CATEGORIES = (
    "meta",
    "mixed-script",
    "untranslated",
    "capitalization",
    "transliteration",
    "boilerplate",
    "quotes",
    "encoding",
    "spacing",
    "duplication",
    "translation",
    "style",
)


#: How an example marks the span of a finding, as LanguageTool's rules do.
MARKER = ("<marker>", "</marker>")


@dataclass(frozen=True)
class Example:
    """A text a rule must fire on (`expect` lists codes) or stay silent on (empty).

    An example that fires says where and what: its text marks the span of
    each finding of the expected codes, `Officials in <marker>kyiv</marker>
    said.`, and `fixed` is the text once their fixes are applied, or False
    when they offer none. The markers are taken out of `text` when the
    example is made; their offsets are kept in `spans`.
    """

    text: str
    expect: tuple[str, ...] = ()
    filename: str = "example.txt"
    config: tuple[tuple[str, object], ...] = ()
    #: the text after applying the findings' fixes; False: no fix; None: not said
    fixed: str | bool | None = None
    #: (start, end) of each marked finding in `text` (made from the markers)
    spans: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if MARKER[0] in self.text or MARKER[1] in self.text:
            text, spans = unmark(self.text)
            object.__setattr__(self, "text", text)
            object.__setattr__(self, "spans", spans)

    @property
    def fires(self) -> bool:
        return bool(self.expect)

    @property
    def marked(self) -> str:
        """The text with its spans marked again."""
        return mark(self.text, self.spans)


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text without its `<marker>` tags, and the spans they enclosed."""
    opening, closing = MARKER
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = pos = 0
    while True:
        start = marked.find(opening, pos)
        if start < 0:
            break
        end = marked.find(closing, start)
        inner = marked[start + len(opening):end]
        if end < 0 or opening in inner:
            raise ValueError(f"a {opening} without its {closing} in {marked!r}")
        out.append(marked[pos:start])
        length += start - pos
        spans.append((length, length + len(inner)))
        out.append(inner)
        length += len(inner)
        pos = end + len(closing)
    rest = marked[pos:]
    if closing in rest:
        raise ValueError(f"a {closing} without its {opening} in {marked!r}")
    out.append(rest)
    return "".join(out), tuple(spans)


def mark(text: str, spans) -> str:
    """`text` with each (start, end) of `spans` (not overlapping) between markers."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out += [text[pos:start], MARKER[0], text[start:end], MARKER[1]]
        pos = end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Rule:
    """The stable, documented unit a user selects, ignores and looks up.

    `severity` is a `finding.Severity` (not imported here: see the module
    docstring).
    """

    code: str
    name: str
    category: str
    severity: Any
    summary: str
    doc: str = ""
    examples: tuple[Example, ...] = ()
    fixable: bool = False
    origin: str = ""
    #: The rule's message templates by name ("default" first), with named
    #: fields that a check fills (`Document.finding`): `"Write “{fix}”."`.
    messages: abc.Mapping = field(default_factory=dict, compare=False)

    def message(self, template: str, arguments: abc.Mapping) -> str:
        """The message `template` filled with `arguments`."""
        try:
            text = self.messages[template]
        except KeyError:
            raise ValueError(f"rule {self.code} has no message template {template!r}: "
                             f"give its Rule messages={{{template!r}: ...}}") from None
        try:
            return text.format_map(arguments)
        except (KeyError, IndexError) as missing:
            raise ValueError(f"rule {self.code}'s message template {template!r} needs "
                             f"the argument {missing}") from None

    def describe(self) -> str:
        """The full documentation `lintnews rule CODE` prints."""
        lines = [
            f"{self.code} {self.name}",
            "",
            f"Category: {self.category}    Default severity: {self.severity}    "
            f"Fixable: {'yes' if self.fixable else 'no'}",
            f"Defined in: {self.origin}" if self.origin else "",
            "",
            self.summary,
        ]
        if self.doc.strip():
            lines += ["", self.doc.strip()]
        fire = [e for e in self.examples if e.fires]
        quiet = [e for e in self.examples if not e.fires]
        if fire:
            lines += ["", "Fires on:"] + [f"    {e.text.strip()}" for e in fire]
        if quiet:
            lines += ["", "Stays silent on:"] + [f"    {e.text.strip()}" for e in quiet]
        if self.messages:
            lines += ["", "Messages:"] + [f"    {name}: {text}" for name, text in self.messages.items()]
        return "\n".join(line for line in lines if line is not None).replace("\n\n\n", "\n\n")


#: `fn(doc, ctx)`: a `document.Document` and an `engine.Context`, yielding Findings.
#: (From `collections.abc`, which is loaded anyway: `typing` is not, at run time.)
CheckFunction = abc.Callable[..., abc.Iterable]


@dataclass(frozen=True)
class Check:
    """Code that reports the findings of `rules` in a Document."""

    rules: tuple[Rule, ...]
    run: CheckFunction = field(compare=False)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rules)
