"""lintnews: a linter for news text damaged by machine translation and web scraping.

The core API is pure and picklable, so it works the same in a process pool,
in Spark or in Dask:

    >>> from lintnews import lint_text
    >>> [f.excerpt for f in lint_text("Officials in kyiv said so.")]
    ['kyiv']
"""
from __future__ import annotations

from lintnews._version import __version__

from lintnews.config import Config
from lintnews.finding import Applicability, Edit, Finding, Fix, Severity


def lint_text(text: str, config: Config | None = None, filename: str = "<text>",
              fmt: str | None = None) -> list[Finding]:
    """Lint `text` and return its findings, sorted by position.

    `filename` picks the markup (`.md`, `.html`, plain otherwise) unless `fmt`
    ("plain", "markdown", "html") is given.
    """
    from lintnews.engine.lint import context_for, lint_document
    from lintnews.markup import make_document

    ctx = context_for(config or Config())
    return lint_document(make_document(text, filename, fmt), ctx)


__all__ = ["lint_text", "Config", "Finding", "Fix", "Edit", "Applicability", "Severity", "__version__"]
