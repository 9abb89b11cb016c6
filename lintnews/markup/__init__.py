"""Markup readers: turn a file's text into a Document whose prose is worth linting.

Each reader knows one format and records what it removes, so that every
finding still points into the original file. `read_document` picks the reader
from the file name.
"""
from __future__ import annotations

from pathlib import PurePath

from lintnews.document import Document

FORMATS = ("plain", "markdown", "html")
_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_for(path: str | None) -> str:
    """The markup format a file name implies; plain text when unknown."""
    if not path:
        return "plain"
    return _SUFFIXES.get(PurePath(path).suffix.lower(), "plain")


def make_document(text: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Build the Document for `text`, reading its markup."""
    fmt = fmt or format_for(path)
    if fmt == "markdown":
        from lintnews.markup.markdown import read
    elif fmt == "html":
        from lintnews.markup.html import read
    else:
        from lintnews.markup.plain import read
    return read(text, path)
