"""Checks see prose, never the original text or its markup.

A check reads `doc.prose` and the Document's analyses; where a fix must
reach past the prose (a whole line with its line break), it asks the
Document (`removal`, `line_removal`), which knows the original text.
"""
from __future__ import annotations

import ast
from pathlib import Path

from lintnews.finding import UNSAFE, Edit
from lintnews.markup import make_document

PACKAGE = Path(__file__).resolve().parent.parent / "lintnews"
#: What a Document holds of the original file and its markup.
RAW = {"text", "comments", "format", "_segments", "_seg_starts"}


def raw_reads(source: str) -> list[tuple[int, str]]:
    """(line, attribute) of every read of a raw attribute on a name `doc`."""
    return [(node.lineno, node.attr) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr in RAW
            and isinstance(node.value, ast.Name) and node.value.id in ("doc", "document")]


def test_the_finder_sees_raw_reads():
    assert raw_reads("def f(doc):\n    return doc.text[:3] + doc.prose\n") == [(2, "text")]
    assert raw_reads("x = doc.comments\ny = hit.text\n") == [(1, "comments")]


def test_no_check_or_kind_reads_the_original_text_or_markup():
    found = {str(path.relative_to(PACKAGE.parent)): reads
             for folder in ("checks", "kinds") for path in sorted((PACKAGE / folder).glob("*.py"))
             if (reads := raw_reads(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_removal_takes_the_line_break_after_the_span():
    text = "Keep this.\r\nDrop this.\r\nKeep that.\n"
    doc = make_document(text, "a.txt")
    start = doc.prose.index("Drop")
    fix = doc.removal(start, start + len("Drop this."))
    assert (fix.edits[0].offset, fix.edits[0].end_offset) == (text.index("Drop"), text.index("Keep that."))


def test_line_removal_takes_markdown_marks_and_the_blank_line_after():
    text = "A paragraph.\n\n- **Share this article**\n\nAnother paragraph.\n"
    doc = make_document(text, "a.md")
    start = doc.prose.index("Share")
    fix = doc.line_removal(start, start + len("Share this article"))
    assert fix.applicability is UNSAFE
    assert fix.edits == (Edit(text.index("- **"), text.index("Another"), ""),)


def test_line_removal_keeps_other_text_on_the_line():
    text = "A paragraph. Share this article\nAnother paragraph.\n"
    doc = make_document(text, "a.txt")
    start = doc.prose.index("Share")
    fix = doc.line_removal(start, start + len("Share this article"))
    assert (fix.edits[0].offset, fix.edits[0].end_offset) == (start, start + len("Share this article"))


def test_line_removal_at_the_end_leaves_one_line_break():
    text = "A paragraph.\n\n\nShare this article\n"
    doc = make_document(text, "a.txt")
    start = doc.prose.index("Share")
    fix = doc.line_removal(start, start + len("Share this article"))
    assert (fix.edits[0].offset, fix.edits[0].end_offset) == (text.index("\n") + 1, len(text))
