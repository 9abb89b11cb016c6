"""Corpus mode: lint the records of a JSON Lines file, for data teams.

    lintnews check --jsonl corpus.jsonl --text-field text --id-field id --format jsonl

Each line is one JSON object; the text is in `--text-field` and the record's
identity in `--id-field` (the line number when a record has none). `-` reads
standard input. Records are read one at a time and linted as they come, in
batches on every core, and their results come back in input order, so memory
stays bounded by a few batches however large the corpus is. A line that is
not a JSON object with a string text is reported as an error for that line,
and the run goes on.

All records share the configuration of the current folder. They are plain
text unless `--stdin-filename` names a markup format (`x.md`, `x.html`).
"""
from __future__ import annotations

import json
import sys
from itertools import chain, islice
from pathlib import Path

from dataclasses import dataclass
from lintnews.engine.results import FileResult
from lintnews.run.runner import Runner

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any, BinaryIO, Iterable, Iterator

#: A batch sent to a worker holds at most this many records or characters.
BATCH_RECORDS = 64
BATCH_CHARS = 256 * 1024


@dataclass
class RecordResult(FileResult):
    """The findings of one corpus record; `path` is its id as text."""

    record_id: Any = None


@dataclass(frozen=True)
class Record:
    line: int
    record_id: Any
    text: str | None
    error: str | None = None


def read_records(stream: Iterable[bytes], name: str, text_field: str = "text",
                 id_field: str = "id") -> Iterator[Record]:
    """The records of a JSON Lines stream, read lazily, one line at a time."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield Record(number, number, None, f"{name}:{number}: not a valid JSON line ({exc})")
            continue
        if not isinstance(data, dict):
            yield Record(number, number, None, f"{name}:{number}: expected a JSON object")
            continue
        text = data.get(text_field)
        record_id = data.get(id_field, number)
        if not isinstance(text, str):
            yield Record(number, record_id, None,
                         f"{name}:{number}: no text in field '{text_field}' (see --text-field)")
            continue
        yield Record(number, record_id, text)


def lint_corpus(source: str, runner: Runner, jobs: int, text_field: str = "text",
                id_field: str = "id", filename: str | None = None) -> Iterator[RecordResult]:
    """Lint every record of the JSON Lines file `source` (`-`: standard input)."""
    name = "<stdin>" if source == "-" else source
    if source == "-":
        stream: BinaryIO = sys.stdin.buffer
    else:
        try:
            stream = open(source, "rb")
        except OSError as exc:
            yield RecordResult(name, error=f"{name}: cannot read ({exc.strerror or exc})", record_id=None)
            return
    try:
        yield from lint_records(read_records(stream, name, text_field, id_field), runner, jobs, filename)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def lint_records(records: Iterable[Record], runner: Runner, jobs: int,
                 filename: str | None = None) -> Iterator[RecordResult]:
    """Lint records as they come, on up to `jobs` processes, in input order."""
    settings = (runner.config_for(Path.cwd()), filename or "record.txt", runner.keep_text)
    records = iter(records)
    first = list(islice(records, 3))
    records = chain(first, records)
    if jobs <= 1 or len(first) < 3:
        _set_settings(*settings)
        for record in records:
            yield _lint(record)
        return
    from lintnews.run.parallel import ordered_map

    runner.context(settings[0])  # compile once here: forked workers inherit it
    for batch in ordered_map(_lint_batch, _batches(records), jobs, _set_settings, settings):
        yield from batch


def _batches(records: Iterable[Record]) -> Iterator[list[Record]]:
    batch: list[Record] = []
    size = 0
    for record in records:
        batch.append(record)
        size += len(record.text or "")
        if len(batch) >= BATCH_RECORDS or size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


_SETTINGS: tuple | None = None


def _set_settings(config, filename: str, keep_text: bool) -> None:
    from lintnews.engine.lint import context_for

    global _SETTINGS
    _SETTINGS = (context_for(config), filename, keep_text)


def _lint(record: Record) -> RecordResult:
    from lintnews.engine.lint import findings_of
    from lintnews.markup import make_document

    shown = str(record.record_id)
    if record.error is not None:
        return RecordResult(shown, error=record.error, record_id=record.record_id)
    ctx, filename, keep_text = _SETTINGS
    findings = findings_of(make_document(record.text, filename), ctx)
    return RecordResult(shown, findings, None, record.text if keep_text else None,
                        record_id=record.record_id)


def _lint_batch(batch: list[Record]) -> list[RecordResult]:
    return [_lint(r) for r in batch]
