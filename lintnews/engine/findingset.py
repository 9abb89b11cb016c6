"""The findings of one document, held compactly and built into Findings on demand.

A hostile file can have millions of findings (a 10 MB line of `kyiv kyiv
...` has three million). As Finding objects, with their own message, excerpt
and fix, they take about 400 bytes each; here a finding is three
machine integers (start, end, and an index into a table of what findings
share: rule, severity, message, fixes relative to the span, template and
arguments), about 20
bytes, and `FindingSet` yields Finding objects one at a time as it is
iterated. Line, column and excerpt are computed from the text when a finding
is built, exactly as `Document.finding` computes them.

`collect` is the engine's filtering and ordering (duplicates, `allow`
phrases, per-file ignores, suppression comments, severity overrides) done
as a stream: the findings of each check are merged in position order
(`heapq.merge`, which keeps ties in check order as a stable sort of the
concatenation would), so no step holds a Python object per finding.
"""
from __future__ import annotations

import re

from array import array
from bisect import bisect_right
from collections import abc
from functools import lru_cache

from lintnews.finding import DISPLAY_ONLY, SAFE, Edit, Finding, Fix

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable, Iterable, Iterator, Sequence

_SURROGATE = re.compile("[\ud800-\udfff]")


class FindingSet(abc.Sequence):  # of Findings
    """A sequence of Findings of one text, stored as integers (see the module docstring)."""

    __slots__ = ("_text", "_line_starts", "_starts", "_ends", "_kinds", "_table", "_order")

    def __init__(self, text: str, line_starts: Sequence[int], starts: array, ends: array,
                 kinds: array, table: list[tuple], order: array) -> None:
        self._text = text
        self._line_starts = line_starts
        self._starts, self._ends, self._kinds = starts, ends, kinds
        self._table = table
        self._order = order

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._build(i) for i in self._order[index]]
        return self._build(self._order[index])

    def __iter__(self) -> Iterator[Finding]:
        build = self._build
        for i in self._order:
            yield build(i)

    def __eq__(self, other) -> bool:
        if isinstance(other, (FindingSet, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FindingSet({list(self)!r})"

    def __reduce__(self):
        # to another process (a worker's result) as it is held: the text and a few arrays,
        # not a Finding object per finding (millions, for a hostile file)
        return FindingSet, (self._text, list(self._line_starts), self._starts, self._ends, self._kinds,
                            self._table, self._order)

    @classmethod
    def empty(cls) -> "FindingSet":
        """No findings (of a file that could not be read)."""
        return cls.of("", ())

    @classmethod
    def of(cls, text: str, findings: Iterable[Finding]) -> "FindingSet":
        """The FindingSet of Findings of `text` already filtered and ordered (as the
        engine leaves them: read back from the cache, re-linted after a fix)."""
        from lintnews.document import LineIndex

        collector = Collector(text, LineIndex(text).starts)
        collector.add_all(findings, _any_rule)
        return collector.finish(None, _no_override)

    def counts(self) -> Iterator[tuple[tuple, int]]:
        """(table entry, number of findings) for each kind of finding: cheap totals."""
        tally: dict[int, int] = {}
        kinds = self._kinds
        for i in self._order:
            k = kinds[i]
            tally[k] = tally.get(k, 0) + 1
        for k, n in tally.items():
            yield self._table[k], n

    def _build(self, i: int) -> Finding:
        start, end = self._starts[i], self._ends[i]
        rule, name, category, severity, message, fixes, template, arguments = self._table[self._kinds[i]]
        starts = self._line_starts
        line = bisect_right(starts, start)
        end_line = line if end < (starts[line] if line < len(starts) else end + 1) else bisect_right(starts, end)
        if not fixes:
            built = ()
        elif len(fixes) == 1 and len(fixes[0][1]) == 1 and type(fixes[0][1][0]) is str:  # the usual one
            built = (Fix((Edit(start, end, fixes[0][1][0]),), fixes[0][0]),)
        else:
            built = tuple(Fix(tuple(Edit(start, end, e) if type(e) is str else e for e in edits), applicability)
                          for applicability, edits in fixes)
        return Finding(
            rule, name, category, severity, start, end,
            line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1,
            self._text[start:end], message, built, template, arguments,
        )

    def report_rows(self) -> Iterator[tuple]:
        """What the text report shows of each finding, in order, without building
        the Findings: (line, column, end_line, end_column, rule, category,
        message, first fix as (replacement of its first edit, applicability) or None,
        severity)."""
        starts, ends, kinds, table = self._starts, self._ends, self._kinds, self._table
        line_starts = self._line_starts
        n_lines = len(line_starts)
        for i in self._order:
            start, end = starts[i], ends[i]
            rule, _name, category, severity, message, fixes = table[kinds[i]][:6]
            line = bisect_right(line_starts, start)
            end_line = line if end < (line_starts[line] if line < n_lines else end + 1) \
                else bisect_right(line_starts, end)
            first = (_replacement(fixes[0][1][0]), fixes[0][0]) if fixes else None
            yield (line, start - line_starts[line - 1] + 1, end_line, end - line_starts[end_line - 1] + 1,
                   rule, category, message, first, severity)

    def json_texts(self, dumps: Callable[[object], str]) -> Iterator[str]:
        """`dumps(f.to_dict())` for each finding f, in order, without building the Findings.

        `dumps` is the reporters' `json.dumps` with its default separators;
        what findings of one kind share is dumped once. A finding whose text
        holds a lone surrogate (for which the reporters escape the whole
        record) is dumped whole, as before.
        """
        starts, ends, kinds, text = self._starts, self._ends, self._kinds, self._text
        line_starts = self._line_starts
        n_lines = len(line_starts)
        templates: dict[int, tuple | None] = {}
        for i in self._order:
            k = kinds[i]
            if k in templates:
                template = templates[k]
            else:
                template = templates[k] = _shared_json_template(self._table[k], dumps)
            start, end = starts[i], ends[i]
            excerpt = text[start:end]
            if template is None or not (excerpt.isascii() or not _has_surrogate(excerpt)):
                yield dumps(self._build(i).to_dict())
                continue
            line = bisect_right(line_starts, start)
            end_line = line if end < (line_starts[line] if line < n_lines else end + 1) \
                else bisect_right(line_starts, end)
            head, tail, pieces, rest = template
            # the pieces of a finding's suggestions and fixes: text, or where the
            # finding's own span goes (an edit of its own span)
            spans = "".join(p if type(p) is str else f"{start}, \"end_offset\": {end}" for p in pieces)
            yield (f"{head}{line}, \"column\": {start - line_starts[line - 1] + 1}, "
                   f"\"end_line\": {end_line}, \"end_column\": {end - line_starts[end_line - 1] + 1}, "
                   f"\"offset\": {start}, \"end_offset\": {end}, \"excerpt\": {dumps(excerpt)}"
                   f"{tail}{spans}{rest}")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _replacement(edit) -> str:
    return edit if type(edit) is str else edit.replacement


_OWN_SPAN = None  # in a JSON template's pieces: the finding's offset and end_offset


@lru_cache(maxsize=4096)
def _shared_json_template(entry: tuple, dumps) -> tuple | None:
    """`_json_template`, kept for the process: a corpus repeats its kinds of
    finding (the same rule, message and fix) from file to file."""
    return _json_template(entry, dumps)


def _json_template(entry: tuple, dumps) -> tuple | None:
    """(head, tail, pieces, rest) of the JSON record of a table entry (`Finding.to_dict`
    with the line, column and excerpt left out: they are per finding); None when one
    of its strings holds a lone surrogate."""
    rule, name, category, severity, message, fixes, template, arguments = entry
    strings = [rule, name, category, str(severity), message, template]
    strings += [_replacement(e) for _a, edits in fixes for e in edits]
    strings += [k for k, _v in arguments] + [v for _k, v in arguments if type(v) is str]
    if any(not s.isascii() and _has_surrogate(s) for s in strings):
        return None
    head = (f"{{\"rule\": {dumps(rule)}, \"name\": {dumps(name)}, \"category\": {dumps(category)}, "
            f"\"severity\": {dumps(str(severity))}, \"line\": ")
    tail = f", \"message\": {dumps(message)}, \"suggestions\": ["
    pieces: list = []

    def edit_pieces(edit, head: str, tail: str) -> None:
        if type(edit) is str:  # replaces the finding's own span
            pieces.extend((head.format(replacement=dumps(edit)), _OWN_SPAN, tail))
        else:
            pieces.append(head.format(replacement=dumps(edit.replacement))
                          + f"{edit.offset}, \"end_offset\": {edit.end_offset}" + tail)

    first = True
    for applicability, edits in fixes:  # Fix.suggestion: one-edit fixes that may be applied
        if applicability is DISPLAY_ONLY or len(edits) != 1:
            continue
        safe = dumps(applicability is SAFE)
        edit_pieces(edits[0], ("" if first else ", ") + "{{\"replacement\": {replacement}, \"safe\": "
                    + safe.replace("{", "{{") + ", \"offset\": ", "}")
        first = False
    pieces.append("], \"fixes\": [")
    for n, (applicability, edits) in enumerate(fixes):
        pieces.append(("" if n == 0 else ", ") + f"{{\"applicability\": {dumps(applicability.value)}, \"edits\": [")
        for m, edit in enumerate(edits):
            edit_pieces(edit, ("" if m == 0 else ", ") + "{{\"offset\": ",
                        f", \"replacement\": {dumps(_replacement(edit))}}}")
        pieces.append("]}")
    rest = f"], \"template\": {dumps(template)}, \"arguments\": {dumps(dict(arguments))}}}"
    return head, tail, pieces, rest


class Collector:
    """Takes the findings of each check, then orders and filters them (`finish`)."""

    def __init__(self, text: str, line_starts: Sequence[int]) -> None:
        self._text, self._line_starts = text, line_starts
        # offsets in 4 bytes each while they fit (a text under 4 G characters)
        wide = "I" if len(text) < 2 ** 32 - 1 and array("I").itemsize == 4 else "q"
        self._starts = array(wide)
        self._ends = array(wide)
        self._kinds = array(wide)
        self._table: list[tuple] = []
        self._index: dict[tuple, int] = {}
        self._runs: list[tuple[int, int]] = []
        self._run_start = 0

    def __len__(self) -> int:
        return len(self._starts)

    def add_all(self, findings: Iterable[Finding], keep: Callable[[str], bool]) -> None:
        """Add one check's findings (those whose rule `keep` accepts) as one run."""
        index, table = self._index, self._table
        starts_append, ends_append, kinds_append = self._starts.append, self._ends.append, self._kinds.append
        for f in findings:
            if not keep(f.rule):
                continue
            start, end = f.offset, f.end_offset
            fixes = f.fixes
            if len(fixes) == 1 and len(fixes[0].edits) == 1 and fixes[0].edits[0].offset == start \
                    and fixes[0].edits[0].end_offset == end:  # the usual one
                fixes = ((fixes[0].applicability, (fixes[0].edits[0].replacement,)),)
            elif fixes:  # an edit of the finding's own span is its replacement alone
                fixes = tuple(
                    (fix.applicability,
                     tuple(e.replacement if (e.offset == start and e.end_offset == end) else e
                           for e in fix.edits))
                    for fix in fixes)
            key = (f.rule, f.name, f.category, f.severity, f.message, fixes, f.template, f.arguments)
            k = index.get(key)
            if k is None:
                k = index[key] = len(table)
                table.append(key)
            starts_append(start)
            ends_append(end)
            kinds_append(k)
        if len(self._starts) > self._run_start:
            self._runs.append((self._run_start, len(self._starts)))
            self._run_start = len(self._starts)

    def finish(self, keep: Callable[[int, int, str], bool] | None,
               severity_of: Callable[[str], object | None]) -> FindingSet:
        """Order the findings, drop duplicates and those `keep(start, end, rule)`
        refuses, apply `severity_of(rule)` (None: unchanged) -- what the engine
        did to a list of Findings, done as a stream."""
        starts, ends, kinds, table = self._starts, self._ends, self._kinds, self._table
        # the first of two findings for the same span and rule or the same edit:
        # the most serious, then by rule
        def order_key(i: int) -> tuple:
            entry = table[kinds[i]]
            return (starts[i], ends[i], -entry[3], entry[0])

        runs = []
        for lo, hi in self._runs:
            indices = range(lo, hi)
            previous = None
            for i in indices:
                key = order_key(i)
                if previous is not None and key < previous:
                    indices = sorted(indices, key=order_key)  # stable: ties keep check order
                    break
                previous = key
            runs.append(indices)
        if len(runs) > 1:
            from heapq import merge

            merged = merge(*runs, key=order_key)
        else:
            merged = runs[0] if runs else ()

        order = array(self._starts.typecode)
        group: list[tuple] = []  # (rule, message, index) of one span, sorted on output
        seen: set = set()
        seen_at = -1
        overridden: dict[int, int] = {}
        span = None
        for i in merged:
            start, end, k = starts[i], ends[i], kinds[i]
            entry = table[k]
            rule = entry[0]
            if start != seen_at:
                seen.clear()
                seen_at = start
            key = (rule, end)
            fixes = entry[5]
            # the same edit: the finding's own span and its first replacement
            same_fix = (end, _replacement(fixes[0][1][0])) if fixes else None
            if key in seen or (same_fix is not None and same_fix in seen):
                continue
            seen.add(key)
            if same_fix is not None:
                seen.add(same_fix)
            if keep is not None and not keep(start, end, rule):
                continue
            severity = severity_of(rule)
            if severity is not None and severity != entry[3]:
                new = overridden.get(k)
                if new is None:
                    changed = (*entry[:3], severity, *entry[4:])
                    new = self._index.get(changed)
                    if new is None:
                        new = self._index[changed] = len(table)
                        table.append(changed)
                    overridden[k] = new
                kinds[i] = new
                entry = table[new]
            if (start, end) != span:
                _flush(group, order)
                span = (start, end)
            group.append((rule, entry[4], i))
        _flush(group, order)
        return FindingSet(self._text, self._line_starts, starts, ends, kinds, table, order)


def _flush(group: list, order: array) -> None:
    if len(group) == 1:
        order.append(group[0][2])
    elif group:
        group.sort(key=lambda g: (g[0], g[1]))
        order.extend(g[2] for g in group)
    group.clear()


def _any_rule(_rule: str) -> bool:
    return True


def _no_override(_rule: str) -> None:
    return None
