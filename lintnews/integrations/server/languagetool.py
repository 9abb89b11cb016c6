"""LanguageTool's API v2 on top of lintnews: parse a /v2/check request, answer with matches.

A match counts `offset` and `length` in UTF-16 code units, as LanguageTool
and its clients do. Rule ids are lintnews codes (`LN201`), category ids are
lintnews categories in LanguageTool's style (`CAPITALIZATION`). A suggestion
that replaces more than the finding's span (removing a whole line) widens the
match to the span every replacement covers, so that each `replacements[].value`
replaces exactly `text[offset:offset+length]`, as clients apply them.

`level=default` reports errors and warnings; `level=picky` adds the notes
(severity info).
"""
from __future__ import annotations

import json
import re

from lintnews import __version__
from dataclasses import dataclass, replace
from lintnews.config import Config, apply_overrides
from lintnews.finding import Finding, Severity
from lintnews.text.positions import Utf16Offsets

#: What /v2/languages lists: lintnews checks English news text.
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
]
_NAMES = {lang["longCode"].lower(): lang["name"] for lang in LANGUAGES}

#: LanguageTool's issue types (clients colour by them) for lintnews's categories.
ISSUE_TYPES = {
    "meta": "uncategorized",
    "mixed-script": "misspelling",
    "untranslated": "non-conformance",
    "capitalization": "misspelling",
    "transliteration": "misspelling",
    "boilerplate": "non-conformance",
    "quotes": "typographical",
    "encoding": "typographical",
    "spacing": "whitespace",
    "duplication": "duplication",
    "translation": "grammar",
    "style": "style",
}
_CONTEXT = 40  # code points of context on each side, as LanguageTool shows


class RequestError(ValueError):
    """A request lintnews cannot answer; str() says why, for the client (HTTP 400)."""


def software() -> dict:
    return {"name": "lintnews", "version": __version__, "buildDate": None, "apiVersion": 1,
            "premium": False, "status": ""}


@dataclass(frozen=True)
class CheckRequest:
    text: str                               # what is linted
    original: str                           # what the client's offsets count in
    language: str
    spans: tuple[tuple[int, int, int], ...] = ()   # annotation: (text start, original start, length)
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False
    picky: bool = False
    #: LanguageTool's browser extension checks a text twice, with mode=allButTextLevelOnly
    #: and mode=textLevelOnly; lintnews answers the first with every finding, the second with none.
    text_level_only: bool = False

    def to_original(self, offset: int, end: bool = False) -> int:
        """A code-point offset in `text` as one in `original` (the annotated document).

        At the border of a piece of markup, a start goes after the markup and an
        end before it, so a match never takes markup in."""
        if not self.spans:
            return offset
        if end:
            for start, orig, length in self.spans:
                if start < offset <= start + length:
                    return orig + offset - start
        best = 0
        for start, orig, length in self.spans:
            if start > offset:
                break
            best = orig + min(offset - start, length)
        return best

    def plain_between(self, start: int, end: int) -> bool:
        """True when text[start:end] is one piece of the annotation's plain text."""
        if not self.spans:
            return True
        return any(s <= start and end <= s + n for s, _o, n in self.spans)


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _category_key(value: str) -> str:
    return value.strip().lower().replace("_", "-")


def parse_check(fields: dict[str, str]) -> CheckRequest:
    """A /v2/check request from its form fields; RequestError when malformed."""
    has_text, has_data = "text" in fields, "data" in fields
    if has_text == has_data:
        raise RequestError("give exactly one of the fields 'text' and 'data'")
    language = fields.get("language", "").strip()
    if not language:
        raise RequestError("the field 'language' is required (e.g. en-US, or auto)")
    if language.lower() != "auto" and not language.lower().startswith("en"):
        raise RequestError(f"lintnews checks English text only, not '{language}' (use en-US or auto)")
    level = fields.get("level", "default").strip().lower() or "default"
    if level not in ("default", "picky"):
        raise RequestError(f"'level' must be default or picky, not '{level}'")
    enabled_only = fields.get("enabledOnly", "false").strip().lower()
    if enabled_only not in ("true", "false", ""):
        raise RequestError("'enabledOnly' must be true or false")
    if has_text:
        text, original, spans = fields["text"], fields["text"], ()
    else:
        text, original, spans = _annotation(fields["data"])
    request = CheckRequest(
        text=text, original=original, language=language, spans=spans,
        enabled_rules=tuple(c.upper() for c in _list(fields.get("enabledRules"))),
        disabled_rules=tuple(c.upper() for c in _list(fields.get("disabledRules"))),
        enabled_categories=tuple(_category_key(c) for c in _list(fields.get("enabledCategories"))),
        disabled_categories=tuple(_category_key(c) for c in _list(fields.get("disabledCategories"))),
        enabled_only=enabled_only == "true", picky=level == "picky",
        text_level_only=fields.get("mode", "").strip() == "textLevelOnly",
    )
    if request.enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise RequestError("'enabledOnly=true' needs 'enabledRules' or 'enabledCategories'")
    return request


def _annotation(data: str) -> tuple[str, str, tuple[tuple[int, int, int], ...]]:
    """The plain text of LanguageTool's annotated `data`, the document it stands for, and
    where each piece of plain text sits in that document."""
    try:
        parsed = json.loads(data)
    except ValueError:
        raise RequestError("'data' is not valid JSON") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise RequestError("'data' must be a JSON object with an 'annotation' list")
    plain: list[str] = []
    original: list[str] = []
    spans = []
    at = orig_at = 0
    for item in items:
        if not isinstance(item, dict):
            raise RequestError("each annotation item must be an object")
        if isinstance(item.get("text"), str) and "markup" not in item:
            piece = item["text"]
            spans.append((at, orig_at, len(piece)))
            plain.append(piece)
            original.append(piece)
            at += len(piece)
            orig_at += len(piece)
        elif isinstance(item.get("markup"), str):
            interpret = item.get("interpretAs", "")
            if not isinstance(interpret, str):
                raise RequestError("'interpretAs' must be a string")
            spans.append((at, orig_at, 0))
            plain.append(interpret)
            original.append(item["markup"])
            at += len(interpret)
            orig_at += len(item["markup"])
        else:
            raise RequestError("each annotation item needs 'text' or 'markup' (a string)")
    return "".join(plain), "".join(original), tuple(spans)


def config_for(request: CheckRequest, base: Config, known: set[str]) -> Config:
    """The configuration a request asks for: its rule lists on top of the server's.

    Ids that are not lintnews codes (a client's list of LanguageTool rules it
    turned off) are ignored rather than refused.
    """
    enabled = tuple(c for c in request.enabled_rules if c in known)
    disabled = tuple(c for c in request.disabled_rules if c in known)
    if request.enabled_only:
        # only categories named: every rule, filtered by category afterwards
        config = replace(base, select=enabled, extend_select=())
        return apply_overrides(config, {"extend_ignore": disabled or None})
    return apply_overrides(base, {"extend_select": enabled or None, "extend_ignore": disabled or None})


def keep(finding: Finding, request: CheckRequest) -> bool:
    """Whether a finding passes the request's level and category lists."""
    if finding.severity < Severity.WARNING and not request.picky and finding.rule not in request.enabled_rules:
        return False
    if finding.category in request.disabled_categories:
        return False
    if request.enabled_only and request.enabled_categories:
        return finding.category in request.enabled_categories or finding.rule in request.enabled_rules
    return True


def response(request: CheckRequest, findings: list[Finding], rules: dict) -> dict:
    """The /v2/check answer for the findings of `request.text`."""
    units = Utf16Offsets(request.original)
    matches = [match(f, request, units, rules.get(f.rule)) for f in findings
               if keep(f, request) and not request.text_level_only]
    name = _NAMES.get(request.language.lower(), "English (US)")
    code = request.language if request.language.lower() != "auto" else "en-US"
    return {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": {"name": name, "code": code,
                     "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 1.0}},
        "matches": matches,
    }


def match(f: Finding, request: CheckRequest, units: Utf16Offsets, rule=None) -> dict:
    from lintnews.report.html import category_label

    text = request.text
    start, end = f.offset, f.end_offset
    ordered = sorted(f.suggestions, key=lambda s: not s.safe)  # safe ones first, else as given
    for s in ordered:
        start, end = min(start, s.offset), max(end, s.end_offset)
    replacements = []
    if request.plain_between(start, end):
        for s in ordered:
            value = text[start:s.offset] + s.replacement + text[s.end_offset:end]
            if value not in replacements:
                replacements.append(value)
    o_start, o_end = request.to_original(start), request.to_original(end, end=True)
    if o_end < o_start:
        o_end = o_start
    offset = units.to_utf16(o_start)
    length = units.to_utf16(o_end) - offset
    ctx_start, ctx_end = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    prefix = "..." if ctx_start > 0 else ""
    context = prefix + text[ctx_start:ctx_end] + ("..." if ctx_end < len(text) else "")
    ctx_units = Utf16Offsets(context)
    ctx_offset = ctx_units.to_utf16(len(prefix) + start - ctx_start)
    issue = ISSUE_TYPES.get(f.category, "uncategorized")
    label = category_label(f.category)
    return {
        "message": f.message,
        "shortMessage": label,
        "replacements": [{"value": v} for v in replacements],
        "offset": offset,
        "length": length,
        "context": {"text": context, "offset": ctx_offset,
                    "length": ctx_units.to_utf16(len(prefix) + end - ctx_start) - ctx_offset},
        "sentence": sentence(text, f.offset, f.end_offset),
        "type": {"typeName": "UnknownWord" if issue == "misspelling" else "Other"},
        "rule": {
            "id": f.rule,
            "subId": f.name,
            "description": (rule.summary if rule is not None and rule.summary else f.name),
            "issueType": issue,
            "category": {"id": f.category.upper().replace("-", "_"), "name": label},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def sentence(text: str, start: int, end: int) -> str:
    """The sentence (at most the line) around text[start:end].

    A sentence starts after a line break or after ".", "!" or "?" and a space,
    and ends at a line break or at such a mark before a space or the end; one
    longer than `SENTENCE_MAX` is cut to that many characters around the span. The
    boundaries of a text are found once (for the last text asked about) and
    bisected, so a line of thousands of findings is not walked once per finding.
    """
    from bisect import bisect_left, bisect_right

    global _SENTENCES
    known = _SENTENCES
    if known[0] is not text:
        known = _SENTENCES = (text, [m.start() for m in _SENTENCE_START.finditer(text)],
                              [m.start() for m in _SENTENCE_END.finditer(text)])
    _text, starts, ends = known
    i = bisect_right(starts, start)
    left = starts[i - 1] if i else 0
    j = bisect_left(ends, end)
    right = ends[j] if j < len(ends) else len(text)
    if right < len(text) and text[right] in ".!?":
        right += 1
    if right - left > SENTENCE_MAX:  # one "sentence" per finding: never the whole of a huge line
        left = max(left, start - SENTENCE_MAX // 2)
        right = min(right, max(end, left + SENTENCE_MAX))
    return text[left:right].strip()


#: The longest `sentence` given with a match: a 40 KB line of findings would
#: otherwise answer with the whole line once per finding (hundreds of MB).
SENTENCE_MAX = 1000
_SENTENCE_START = re.compile(r"(?<=[\n\r])|(?<=[.!?]\s)")
_SENTENCE_END = re.compile(r"[\n\r]|[.!?](?=\s|\Z)")
_SENTENCES: tuple = (None, [], [])  # the last text, its sentence starts and ends
