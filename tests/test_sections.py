"""Sections end to end after a header (`lintnews.text.sections`), the layout of mapped table files."""
from __future__ import annotations

import json

import pytest

from lintnews.text.sections import header, pack, unpack


def test_sections_read_back_as_views_with_their_fields():
    data = pack((3, "little"), (b"abc", b"", b"de"))
    fields, sections = unpack(data)
    assert fields == (3, "little") and [bytes(s) for s in sections] == [b"abc", b"", b"de"]
    assert all(isinstance(s, memoryview) for s in sections)
    assert header(data)[:2] == ((3, "little"), (3, 0, 2))


@pytest.mark.parametrize("data, reason", [
    (pack((1,), (b"abc",))[:-1], "wrong size"),  # cut short
    (pack((1,), (b"abc",)) + b"x", "wrong size"),  # longer than its sections
    (len(json.dumps([1, [-1]])).to_bytes(4, "little") + json.dumps([1, [-1]]).encode(), "no length"),
    (len(json.dumps([1, 2])).to_bytes(4, "little") + json.dumps([1, 2]).encode(), "no section header"),
    (b"\x05\x00\x00\x00" + b"\xff\xfe[1]x", "no section header"),  # not ASCII JSON
])
def test_bytes_that_are_not_such_sections_are_refused(data, reason):
    with pytest.raises(ValueError, match=reason):
        unpack(data)
