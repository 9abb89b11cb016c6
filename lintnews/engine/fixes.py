"""Applying fixes: the one place where lintnews changes a text or a file.

A finding's `Fix` is one or more edits (offset, end_offset, replacement) of
the original text with an applicability: safe, unsafe or display-only. This
module

- picks each finding's first allowed fix (safe ones always, unsafe ones only
  when asked, display-only ones never; the edits of one fix become one edit
  spanning them) and resolves overlapping edits the same way every time:
  edits are ordered by (start, longest first, replacement, rule) and an edit
  that overlaps one already taken waits for the next pass;
- re-lints the fixed text and fixes again until nothing changes, at most
  `MAX_PASSES` times, so a second run finds nothing left to fix;
- writes a file back atomically (a temporary file in the same folder, then
  `os.replace`), keeping its mode, encoding, byte-order mark and line endings,
  and refuses to write when the file changed after it was read;
- makes the unified diff that `--diff` prints.

`fix` is a pure function of a text, so a worker process can call it.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from dataclasses import dataclass, field
from lintnews.finding import Finding

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable, Iterable, Sequence

#: Re-lint and fix at most this many times; a rule that keeps rewriting its own
#: output (a cycle) stops here instead of looping forever.
MAX_PASSES = 10


class FixError(Exception):
    """A fix that cannot be written; str() is a one-line message naming the file."""


@dataclass(frozen=True, slots=True)
class PlacedEdit:
    """Replace text[start:end] with `replacement`: a fix placed in the text, with its rule."""

    start: int
    end: int
    replacement: str
    rule: str = ""

    def order(self) -> tuple:
        return (self.start, -self.end, self.replacement, self.rule)


@dataclass
class FixOutcome:
    """The fixed text, how many findings were fixed, and what is left."""

    text: str
    fixed: int = 0
    remaining: Sequence[Finding] = ()
    passes: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def chosen_edit(finding: Finding, unsafe: bool = False, text: str | None = None) -> PlacedEdit | None:
    """The edit `--fix` would make for a finding: its first allowed fix (safe;
    unsafe too when `unsafe`; never display-only). The edits of a fix of several
    become one edit from the first to the last, keeping the `text` between them."""
    for fix in finding.fixes:
        if fix.allowed(unsafe):
            edits = fix.edits
            if len(edits) == 1:
                e = edits[0]
                return PlacedEdit(e.offset, e.end_offset, e.replacement, finding.rule)
            edits = sorted(edits, key=lambda e: (e.offset, e.end_offset))
            if text is None or any(a.end_offset > b.offset for a, b in zip(edits, edits[1:])):
                return None
            parts = [edits[0].replacement]
            for before, e in zip(edits, edits[1:]):
                parts += [text[before.end_offset:e.offset], e.replacement]
            return PlacedEdit(edits[0].offset, edits[-1].end_offset, "".join(parts), finding.rule)
    return None


def select_edits(edits: Iterable[PlacedEdit]) -> list[PlacedEdit]:
    """Non-overlapping edits in text order, chosen the same way for any input order.

    Two edits conflict when their spans overlap, or when both insert at the
    same point; touching spans do not conflict. Identical edits count once.
    """
    taken: list[PlacedEdit] = []
    for edit in sorted(set(edits), key=PlacedEdit.order):
        if taken:
            last = taken[-1]
            if edit.start < last.end:
                continue
            if edit.start == edit.end == last.start == last.end:
                continue
        taken.append(edit)
    return taken


def apply_edits(text: str, edits: Sequence[PlacedEdit]) -> str:
    """Apply non-overlapping edits given in text order (see `select_edits`)."""
    parts = []
    pos = 0
    for edit in edits:
        parts.append(text[pos:edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def newline_of(text: str) -> str:
    """The text's line ending: "\\r\\n" when every line break is CRLF, else "\\n"."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf == text.count("\n") else "\n"


def _adapt(replacement: str, newline: str) -> str:
    if newline == "\n" or "\n" not in replacement:
        return replacement
    return replacement.replace("\r\n", "\n").replace("\n", newline)


def fix_once(text: str, findings: Iterable[Finding], unsafe: bool = False,
             exclude: frozenset = frozenset()) -> tuple[str, list[PlacedEdit], int]:
    """One pass: the text with the chosen edits applied, the edits, findings fixed.

    Edits whose (start, end, replacement) is in `exclude` are not made.
    """
    newline = newline_of(text)
    chosen: list[tuple[Finding, PlacedEdit]] = []
    for f in findings:
        edit = chosen_edit(f, unsafe, text)
        if edit is not None and 0 <= edit.start <= edit.end <= len(text):
            edit = PlacedEdit(edit.start, edit.end, _adapt(edit.replacement, newline), edit.rule)
            if (edit.start, edit.end, edit.replacement) not in exclude:
                chosen.append((f, edit))
    edits = select_edits(e for _, e in chosen)
    spans = {(e.start, e.end, e.replacement) for e in edits}
    fixed = sum(1 for _, e in chosen if (e.start, e.end, e.replacement) in spans)
    return apply_edits(text, edits), edits, fixed


#: How many times one pass may take back the edits that made new findings.
MAX_RETRIES = 5


def fix(text: str, findings: Sequence[Finding], relint: Callable[[str], list[Finding]],
        unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Fix `text` until no applicable fix is left (or `max_passes` is reached).

    `findings` are the findings of `text`; `relint(new_text)` lints a fixed
    text. The outcome's `remaining` are the findings of the final text.

    A fix must not make a new problem: when the re-linted text has a finding
    at warning or above that the text before had not (the same rule and
    excerpt, counted), the edits at that finding are taken back and the pass
    is made again without them; a new finding no edit touches drops the pass.
    """
    outcome = FixOutcome(text, remaining=findings)
    seen = {text}
    while outcome.passes < max_passes:
        step = _safe_pass(outcome.text, outcome.remaining, relint, unsafe)
        if step is None:
            break
        new_text, edits, fixed, relinted = step
        outcome.passes += 1
        outcome.fixed += fixed
        for e in edits:
            outcome.by_rule[e.rule] = outcome.by_rule.get(e.rule, 0) + 1
        outcome.text = new_text
        outcome.remaining = relinted
        if new_text in seen:  # a cycle between rules: stop where we are
            break
        seen.add(new_text)
    return outcome


def _safe_pass(text: str, findings: list[Finding], relint, unsafe: bool):
    """(new text, edits, fixed, its findings) of one pass that adds no finding; None if none can."""
    exclude: set = set()
    for _ in range(MAX_RETRIES + 1):
        new_text, edits, fixed = fix_once(text, findings, unsafe, frozenset(exclude))
        if not edits or new_text == text:
            return None
        relinted = relint(new_text)
        new = introduced(findings, relinted)
        if not new:
            return new_text, edits, fixed, relinted
        culprits = _edits_at(edits, new)
        if not culprits:
            return None
        exclude.update((e.start, e.end, e.replacement) for e in culprits)
    return None


def introduced(before: Iterable[Finding], after: Iterable[Finding]) -> list[Finding]:
    """The findings at warning or above of `after` that `before` has not (by rule and excerpt)."""
    from collections import Counter

    from lintnews.finding import Severity

    def key(f: Finding) -> tuple[str, str]:
        return f.rule, f.excerpt

    had = Counter(key(f) for f in before if f.severity >= Severity.WARNING)
    has = Counter(key(f) for f in after if f.severity >= Severity.WARNING)
    surplus = {k for k, n in has.items() if n > had.get(k, 0)}
    return [f for f in after if f.severity >= Severity.WARNING and key(f) in surplus]


def _edits_at(edits: Sequence[PlacedEdit], findings: Sequence[Finding]) -> list[PlacedEdit]:
    """The edits (in text order) whose output touches one of `findings` (offsets in the new text)."""
    spans = []
    shift = 0
    for e in edits:
        start = e.start + shift
        spans.append((start, start + len(e.replacement), e))
        shift += len(e.replacement) - (e.end - e.start)
    return [e for start, end, e in spans
            if any(start <= f.end_offset and f.offset <= end for f in findings)]


def unified_diff(old: str, new: str, path: str) -> str:
    """The unified diff of a fix, as `--diff` prints it ("" when nothing changes)."""
    if old == new:
        return ""
    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}")
    # lines keep their own endings (CRLF stays CRLF, so `git apply` accepts the diff)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def _lines(text: str) -> list[str]:
    """Lines split at \\n only (str.splitlines also splits at U+2028, form feeds...)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def encode(text: str, encoding: str, bom: bytes, shown: str) -> bytes:
    try:
        return bom + text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise FixError(f"{shown}: the fixed text has “{exc.object[exc.start:exc.end]}”, "
                       f"which {encoding} cannot hold; file left unchanged") from None


def write_atomic(path: Path, data: bytes, expected: bytes | None, shown: str | None = None,
                 allow_read_only: bool = False) -> None:
    """Replace the file at `path` with `data` through `atomic.atomic_write`.

    When `expected` is given and the file's bytes are no longer those, the file
    changed after it was read and nothing is written. A symlink, a file with
    other hard links, metadata that cannot be kept and (unless
    `allow_read_only`) a read-only file are refused. Every failure becomes a
    one-line FixError naming the file; the original is then untouched.
    """
    import os

    from lintnews.engine.atomic import FileChangedError, RefusedError, atomic_write

    shown = shown or str(path)
    try:
        atomic_write(path, data, expected, allow_read_only=allow_read_only)
    except FileChangedError:
        raise FixError(f"{shown}: changed while lintnews was reading it; not fixed, run again") from None
    except RefusedError as exc:
        hint = " (--fix-read-only writes it anyway)" if exc.reason.startswith("is read-only") else ""
        raise FixError(f"{shown}: {exc.reason}{hint}") from None
    except PermissionError:
        folder = Path(path).parent
        if not os.access(folder, os.W_OK):
            raise FixError(f"{shown}: its folder {folder} cannot be written (a fix writes a new file "
                           "beside the old one and renames it); not fixed") from None
        raise FixError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise FixError(f"{shown}: cannot write ({exc.strerror or exc})") from None
