"""LN5xx encoding: mojibake, and invisible or control characters in the prose.

Mojibake is UTF-8 read as Windows-1252 or Latin-1: `â€™` for `’`, `Ã©` for
`é`, `Â©` for `©`. ftfy knows how to undo it, but it is slow to run and to
import, so it sits behind a prefilter: pure-ASCII prose cannot be
mojibake and costs one `str.isascii()`; otherwise one regex looks for a
UTF-8 lead byte's Latin-1/1252 form followed by continuation-byte forms, and
only the lines where it matches go to `ftfy.fix_encoding` (encoding repairs
only: it never straightens curly quotes).

The prose uses U+FFFC as a placeholder for inline code and URLs; it is not a
character of the text and is never reported.
"""
from __future__ import annotations

import re
import regex

import unicodedata

from lintnews.finding import SAFE, UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.patterns import deferred_regex

MOJIBAKE = Rule(
    code="LN501",
    name="mojibake",
    category="encoding",
    severity=Severity.ERROR,
    fixable=True,
    summary="Text decoded with the wrong encoding (mojibake), such as “â€™” for “’”.",
    doc=(
        "UTF-8 text read as Windows-1252 or Latin-1 turns every accented letter and\n"
        "typographic mark into two or three odd characters: “donâ€™t”, “cafÃ©”,\n"
        "“Â© 2024”. The repair comes from ftfy's encoding fixes (`fix_encoding`),\n"
        "which never change quotes or anything else, so the fix is safe.\n\n"
        "Only lines that contain the characteristic sequences reach ftfy, and ftfy\n"
        "itself declines to change text that is plausibly correct (“naïve”, “à la”)."
    ),
    examples=(
        Example("The minister said it wasn<marker>â€™</marker>t over.", ("LN501",),
                fixed="The minister said it wasn’t over."),
        Example("The caf<marker>Ã©</marker> reopened on Monday.", ("LN501",),
                fixed="The café reopened on Monday."),
        Example("The café reopened on Monday, said the minister’s naïve aide.", ()),
    ),
    messages={
        "default": "“{found}” is mojibake (text decoded with the wrong encoding): it should read “{fixed}”.",
        "partial": "“{found}” is mojibake (text decoded with the wrong encoding) that has lost some of its "
                   "bytes: it can be repaired only in part (“{fixed}”); restore it from the source.",
    },
)

INVISIBLE = Rule(
    code="LN502",
    name="invisible-character",
    category="encoding",
    severity=Severity.WARNING,
    fixable=True,
    summary="An invisible or control character in the text: zero-width, bidi mark, soft hyphen, U+FFFD.",
    doc=(
        "Scraped and converted text carries characters a reader cannot see but\n"
        "search, spell-checking and copy-paste trip over:\n"
        "- control characters (U+0000–U+001F except tab and line breaks, DEL, C1);\n"
        "- zero-width space, word joiner and a byte-order mark inside the text;\n"
        "- zero-width (non-)joiners between Latin letters (they are legitimate in\n"
        "  emoji sequences and in Persian or Indic scripts, and not reported there);\n"
        "- bidi marks and embeddings in a paragraph with no right-to-left script;\n"
        "- U+FFFD, the replacement character left where a byte could not be\n"
        "  decoded (the original character is lost: no fix);\n"
        "- a soft hyphen inside a word or at its edge;\n"
        "- a no-break space at the edge of a line (beside another space it makes a\n"
        "  doubled space: LN603).\n"
        "A line holding nothing but zero-width characters or no-break spaces is a\n"
        "spacer paragraph of the page's layout (<p>&#8203;</p>), not text, and is\n"
        "not reported.\n"
        "Removal is offered as a safe fix where nothing else can be meant."
    ),
    examples=(
        Example("The talks<marker>\u200b</marker> resumed on Monday.", ("LN502",),
                fixed="The talks resumed on Monday."),
        Example("Officials in Ky<marker>\u00ad</marker>iv said so.", ("LN502",),
                fixed="Officials in Kyiv said so."),
        Example("The price rose by 10\u00a0% and the team 👩\u200d🔬 said so.", ()),
    ),
    messages={
        "default": "Here is {what}: remove it.",
        "space": "Here is {what}: replace it with a space.",
        "restore": "Here is {what}: restore the lost character by hand.",
        "line-edge": "A no-break space at the start or end of a line: remove it.",
    },
)

#: A UTF-8 lead byte as Latin-1/1252 followed by continuation bytes as Latin-1/1252.
_CONT = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# Plain character classes: the standard `re` scans them about eight times as
# fast as `regex`, with the same matches.
_SUSPECT = re.compile(
    f"[\xc2-\xdf][{_CONT}]|[\xe0-\xef][{_CONT}]{{2}}|[\xf0-\xf4][{_CONT}]{{3}}"
)

_C0 = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_C1 = "\x80-\x9f"
_ZERO_WIDTH = "\u200b\u2060\ufeff"
_JOINERS = "\u200c\u200d"
_BIDI = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_INVISIBLE = re.compile(
    f"[{_C0}{_C1}{_ZERO_WIDTH}{_JOINERS}{_BIDI}\ufffd\u00ad]|\u00a0"
)
_ASCII_CONTROL = re.compile(f"[{_C0}]")
_BIDI_CHARS = frozenset("\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F)))
                        + "".join(map(chr, range(0x2066, 0x206A))))
_rtl = deferred_regex(r"[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]")
_LATIN = regex.compile(r"\p{Script=Latin}")
_non_latin_letter = deferred_regex(r"[^\P{L}\p{Script=Latin}]")


#: What every suspect sequence starts with: one class, which `re` scans for far
#: faster than for the alternation of `_SUSPECT`.
_LEAD = re.compile("[\xc2-\xf4]")


def _suspects(prose: str):
    """The matches of `_SUSPECT.finditer(prose)`, tried only where a lead character is."""
    pos = 0
    while (lead := _LEAD.search(prose, pos)) is not None:
        m = _SUSPECT.match(prose, lead.start())
        if m is None:
            pos = lead.start() + 1
            continue
        yield m
        pos = m.end()


def _lines_with_mojibake(prose: str):
    """(start, end) of every line containing a mojibake-looking sequence."""
    last_end = -1
    for m in _suspects(prose):
        if m.start() < last_end:
            continue
        start = prose.rfind("\n", 0, m.start()) + 1
        end = prose.find("\n", m.end())
        end = len(prose) if end == -1 else end
        last_end = end
        yield start, end


@check(MOJIBAKE)
def mojibake(doc, ctx):
    prose = doc.prose
    if prose.isascii():
        return
    fix_encoding = None
    for start, end in _lines_with_mojibake(prose):
        if fix_encoding is None:
            from ftfy import fix_encoding  # a slow import: only when a line is suspect
        line = prose[start:end]
        fixed = fix_encoding(line)
        if fixed == line or not _plausible(fixed):
            continue
        for i1, i2, j1, j2 in _merged(_edits(line, fixed)):
            bad, good = line[i1:i2], fixed[j1:j2]
            if _incomplete(good):  # bytes were lost on the way: the repair is only partial
                yield doc.finding(MOJIBAKE, start + i1, start + i2, {"found": bad, "fixed": good},
                                  template="partial")
                continue
            yield doc.finding(MOJIBAKE, start + i1, start + i2, {"found": bad, "fixed": good}, [(good, SAFE)])


def _edits(line: str, fixed: str):
    """The changed spans (i1, i2, j1, j2), widened over neighbouring non-ASCII letters.

    A minimal diff of “Â©” → “©” deletes only “Â”; widening shows the reader the
    whole damaged sequence and its repair.
    """
    from difflib import SequenceMatcher  # only for a line with mojibake

    ops = SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        low = ops[k - 1][1] if k else 0
        high = ops[k + 1][2] if k + 1 < len(ops) else i2
        while i1 > low and _widens(line[i1 - 1]):
            i1, j1 = i1 - 1, j1 - 1
        while i2 < high and _widens(line[i2]):
            i2, j2 = i2 + 1, j2 + 1
        yield i1, i2, j1, j2


def _merged(edits):
    """Widened edits that touch or overlap become one, so no two findings overlap."""
    current = None
    for edit in edits:
        if current is not None and edit[0] <= current[1]:
            current = (current[0], max(current[1], edit[1]), current[2], max(current[3], edit[3]))
            continue
        if current is not None:
            yield current
        current = edit
    if current is not None:
        yield current


def _incomplete(good: str) -> bool:
    """Whether a repair still holds mojibake, or a word mixing Latin letters
    with another script's (“МоÑква”: the byte 0x81 of “с” was lost)."""
    return bool(_SUSPECT.search(good)) or any(
        _LATIN.search(word) and _non_latin_letter().search(word) for word in good.split())


def _plausible(fixed: str) -> bool:
    """A repair that yields unassigned, private-use or control characters is a
    wrong guess (bytes read as UTF-8 that never were), not a repair."""
    return not any(unicodedata.category(ch) in ("Cn", "Co", "Cc") and ch not in "\t\n\r"
                   for ch in fixed if not ch.isascii())


def _widens(ch: str) -> bool:
    return not ch.isascii() and not ch.isspace()


def _describe(ch: str) -> tuple[str, str | None, bool]:
    """(what it is, replacement or None, safe) for one invisible character."""
    cp = ord(ch)
    if ch == "\ufffd":
        return ("the replacement character U+FFFD, left where a byte could not be "
                "decoded; the original character is lost", None, False)
    if ch == "\u00ad":
        return "a soft hyphen (invisible, breaks search)", "", True
    if ch in "\x0b\x0c":
        return f"a control character (U+{cp:04X}, a page or line feed)", " ", False
    if cp < 0x20 or cp == 0x7F:
        return f"a control character (U+{cp:04X})", "", True
    if 0x80 <= cp <= 0x9F:
        return f"a C1 control character (U+{cp:04X}), usually an encoding error", "", False
    if ch in "\u200b\u2060\ufeff":
        return f"an invisible zero-width character (U+{cp:04X})", "", True
    if ch in _JOINERS:
        return f"an invisible zero-width joiner (U+{cp:04X}) inside a word", "", True
    return f"an invisible direction mark (U+{cp:04X})", "", True


def _is_latin_letter(prose: str, i: int) -> bool:
    return 0 <= i < len(prose) and bool(_LATIN.match(prose[i]))


@check(INVISIBLE)
def invisible_characters(doc, ctx):
    prose = doc.prose
    if prose.isascii() and not _ASCII_CONTROL.search(prose):
        return
    rtl_cache: dict[int, bool] = {}
    spacer_cache: list = [-1, -1, False]  # the current line's start, end and verdict
    for m in _INVISIBLE.finditer(prose):
        i, ch = m.start(), m.group()
        if ch == "\ufeff" and i == 0:
            continue
        if ch in _ZERO_WIDTH and _spacer_line(prose, i, spacer_cache):
            continue  # a spacer paragraph of the page's layout (<p>&#8203;</p>), not text
        if ch == "\u00a0":
            yield from _nbsp(doc, prose, i)
            continue
        if ch in _JOINERS and not (_is_latin_letter(prose, i - 1) and _is_latin_letter(prose, i + 1)):
            continue
        if ch == "\u00ad" and not (prose[i - 1:i].isalpha() or prose[i + 1:i + 2].isalpha()):
            continue  # a soft hyphen inside or at the edge of a word is reported, alone it is not
        if ch in _BIDI_CHARS:
            line_start = prose.rfind("\n", 0, i) + 1
            has_rtl = rtl_cache.get(line_start)
            if has_rtl is None:
                line_end = prose.find("\n", i)
                has_rtl = rtl_cache[line_start] = bool(
                    _rtl().search(prose, line_start, len(prose) if line_end == -1 else line_end))
            if has_rtl:
                continue
        what, replacement, safe = _describe(ch)
        if replacement == "" and _joins_scripts(prose, i):
            safe = False  # removing it would make one word of two scripts: a person decides
        fixes = [] if replacement is None else [(replacement, SAFE if safe else UNSAFE)]
        template = "default" if replacement == "" else "space" if replacement else "restore"
        severity = Severity.ERROR if ch == "\ufffd" else None
        yield doc.finding(INVISIBLE, i, i + 1, {"what": what, "character": f"U+{ord(ch):04X}"}, fixes,
                          severity=severity, template=template)


def _joins_scripts(prose: str, i: int) -> bool:
    """Whether prose[i] stands between letters of two scripts (Latin and Cyrillic, ...)."""
    before, after = prose[i - 1:i], prose[i + 1:i + 2]
    if not (before.isalpha() and after.isalpha()):
        return False
    return bool(_LATIN.match(before)) != bool(_LATIN.match(after)) or (
        not _LATIN.match(before) and _script_of(before) != _script_of(after))


def _script_of(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ")[0]


def _spacer_line(prose: str, i: int, line: list) -> bool:
    """True when the line of prose[i] holds only spaces and zero-width characters.

    `line` remembers the last line looked at ([start, end, verdict]): the
    matches come in order, so each line is measured once."""
    if not (line[0] <= i < line[1]):
        start = prose.rfind("\n", 0, i) + 1
        end = prose.find("\n", i)
        end = len(prose) if end == -1 else end
        line[:] = [start, end, not prose[start:end].strip(" \t\u00a0" + _ZERO_WIDTH)]
    return line[2]


def _nbsp(doc, prose: str, i: int):
    """A no-break space where an ordinary space belongs: beside a space, or at a line's edge."""
    before, after = prose[i - 1:i], prose[i + 1:i + 2]
    line_start = prose.rfind("\n", 0, i) + 1
    line_end = prose.find("\n", i)
    if not prose[line_start:len(prose) if line_end == -1 else line_end].strip():
        return  # a spacer line (<p>&nbsp;</p>): layout, not text
    if before in ("", "\n") or after in ("", "\n"):
        yield doc.finding(INVISIBLE, i, i + 1, {"character": "U+00A0"}, [("", SAFE)], template="line-edge")
    # A no-break space beside another space is a doubled space: LN603 (spacing).


CHECKS = [mojibake, invisible_characters]
