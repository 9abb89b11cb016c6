"""Positions in UTF-16, UTF-8 and UTF-32 units (lintnews.text.positions), used by the server and the LSP."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lintnews.text.positions import Lines, Utf16Offsets, units

TEXT = st.text(alphabet=st.sampled_from(list("ab \r\n€ñ😀𝔸\u2028")), max_size=40)


def _units(text: str, encoding: str) -> int:
    codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
    return len(text.encode(codec)) // {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]


@given(TEXT)
def test_utf16_offsets_match_the_encoding(text):
    conv = Utf16Offsets(text)
    for i in range(len(text) + 1):
        assert conv.to_utf16(i) == _units(text[:i], "utf-16")
        assert conv.from_utf16(conv.to_utf16(i)) == i


@given(TEXT, st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_line_positions_round_trip(text, encoding):
    lines = Lines(text)
    for i in range(len(text) + 1):
        if i and text[i - 1] == "\r" and text[i:i + 1] == "\n":
            continue  # between \r and \n: not a position an editor can name
        line, character = lines.position(i, encoding)
        before = text[:i]
        assert line == before.count("\n") + before.count("\r") - before.count("\r\n")
        assert lines.offset(line, character, encoding) == i
        assert units(text[lines.starts[line]:i], encoding) == character


def test_the_unicode_line_separator_is_not_a_line_break():
    # the protocol ends lines at \r\n, \r and \n only (str.splitlines also splits at U+2028)
    lines = Lines("a\u2028b\nc")
    assert lines.position(2) == (0, 2) and lines.position(4) == (1, 0)


def test_a_position_past_the_line_end_is_clamped():
    lines = Lines("ab😀\ncd")
    assert lines.offset(0, 99) == 3 and lines.offset(5, 0) == 6
    assert lines.offset(0, 3, "utf-16") == 3  # inside the emoji's surrogate pair: after it
