"""Reading the names family's plain-text lists: one record a line, `#` comments."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lintnews.errors import RuleFileError


def data_lines(path: Path, what: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line of `path` that is neither blank nor a
    comment; a file that cannot be read is a RuleFileError saying it is `what`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot read {what}: {exc.strerror or exc}") from None
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line
