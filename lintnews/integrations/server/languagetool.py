"""LanguageTool's API v2 on top of lintnews: parse a /v2/check request, answer with matches.

The answer has every field LanguageTool's own serializer writes
(`RuleMatchesAsJsonSerializer`), with the same JSON types, so that any
LanguageTool client reads it. A match counts `offset` and `length` in UTF-16
code units, as LanguageTool and its clients do, in the document the client
sent: the `text`, or for `data` the annotated document with its markup. Rule
ids are lintnews codes (`LN201`), category ids are lintnews categories in
LanguageTool's style (`CAPITALIZATION`). A fix that replaces more than
the finding's span (removing a whole line) widens the match to the span every
replacement covers, so that each `replacements[].value` replaces exactly
`text[offset:offset+length]`, as clients apply them.

`level=default` reports errors and warnings; `level=picky` adds the notes
(severity info). Under `language=auto` a text that is not English is
answered with its language and only the findings that hold in any language
(mixed scripts, encoding damage): lintnews's other rules are about English.
"""
from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, replace

from lintnews import __version__
from lintnews.config import Config, apply_overrides, code_selected
from lintnews.finding import SAFE, Finding, Severity
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
#: Names of the variants a client may prefer for the languages lintnews can detect.
_VARIANT_NAMES = {
    "de-de": "German (Germany)", "de-at": "German (Austria)", "de-ch": "German (Swiss)",
    "pt-pt": "Portuguese (Portugal)", "pt-br": "Portuguese (Brazil)", "nl-be": "Dutch (Belgium)",
}

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
#: Categories whose findings hold in a text of any language.
ANY_LANGUAGE = frozenset({"mixed-script", "encoding"})
_CONTEXT = 40  # characters of context on each side, as LanguageTool shows
_SAMPLE = 5000  # characters of a text that language detection reads
_MIN_LETTERS = 20  # fewer letters than this: too little to call a text foreign
_FOREIGN_CONFIDENCE = 0.8


class RequestError(ValueError):
    """A request lintnews cannot answer; str() says why, for the client (HTTP 400)."""


def build_date() -> str:
    """The date this copy of lintnews was built or installed (its version file's), as LanguageTool gives one."""
    from lintnews import _version

    try:
        stamp = os.stat(_version.__file__).st_mtime
    except (OSError, TypeError):
        stamp = 0.0
    return time.strftime("%Y-%m-%d", time.gmtime(stamp))


def software() -> dict:
    return {"name": "lintnews", "version": __version__, "buildDate": build_date(), "apiVersion": 1,
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
    preferred_variants: tuple[str, ...] = ()
    #: LanguageTool's browser extension checks a text twice, with mode=allButTextLevelOnly
    #: and mode=textLevelOnly; lintnews answers the first with every finding, the second with none.
    text_level_only: bool = False

    @property
    def auto(self) -> bool:
        return self.language.lower() == "auto"

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


@dataclass(frozen=True)
class Detected:
    """The language a text is in, as LanguageTool's `detectedLanguage` gives it."""

    code: str          # a language code like en-US or de-DE
    name: str
    confidence: float
    source: str        # what said so: the detector's name, or "request" when the client named it

    @property
    def english(self) -> bool:
        return self.code.lower().startswith("en")

    def to_json(self) -> dict:
        return {"name": self.name, "code": self.code, "confidence": self.confidence, "source": self.source}


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _category_key(value: str) -> str:
    return value.strip().lower().replace("_", "-")


def parse_check(fields: dict[str, str]) -> CheckRequest:
    """A /v2/check request from its form fields; RequestError when malformed."""
    has_text, has_data = "text" in fields, "data" in fields
    if has_text == has_data:
        raise RequestError("give exactly one of the fields 'text' and 'data', form-encoded "
                           "(text=...&language=... as LanguageTool's API takes them)")
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
        text, original, spans = _data(fields["data"])
    request = CheckRequest(
        text=text, original=original, language=language, spans=spans,
        enabled_rules=tuple(c.upper() for c in _list(fields.get("enabledRules"))),
        disabled_rules=tuple(c.upper() for c in _list(fields.get("disabledRules"))),
        enabled_categories=tuple(_category_key(c) for c in _list(fields.get("enabledCategories"))),
        disabled_categories=tuple(_category_key(c) for c in _list(fields.get("disabledCategories"))),
        enabled_only=enabled_only == "true", picky=level == "picky",
        preferred_variants=_list(fields.get("preferredVariants")),
        text_level_only=fields.get("mode", "").strip() == "textLevelOnly",
    )
    if request.enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise RequestError("'enabledOnly=true' needs 'enabledRules' or 'enabledCategories'")
    return request


def _data(data: str) -> tuple[str, str, tuple[tuple[int, int, int], ...]]:
    """The plain text of LanguageTool's `data`, the document it stands for, and
    where each piece of plain text sits in that document.

    `data` is `{"text": ..., "metaData": {...}}` or `{"annotation": [...]}`,
    as LanguageTool's API takes it."""
    try:
        parsed = json.loads(data)
    except ValueError:
        raise RequestError("'data' is not valid JSON") from None
    if not isinstance(parsed, dict):
        raise RequestError("'data' must be a JSON object with a 'text' or an 'annotation' key")
    if "text" in parsed and "annotation" in parsed:
        raise RequestError("'data' takes either a 'text' or an 'annotation' key, not both")
    if "text" in parsed:
        if not isinstance(parsed["text"], str):
            raise RequestError("'data.text' must be a string")
        return parsed["text"], parsed["text"], ()
    items = parsed.get("annotation")
    if not isinstance(items, list):
        raise RequestError("'data' must be a JSON object with a 'text' or an 'annotation' key (a list)")
    plain: list[str] = []
    original: list[str] = []
    spans = []
    at = orig_at = 0
    for item in items:
        if not isinstance(item, dict):
            raise RequestError("each annotation item must be an object")
        if "text" in item and ("markup" in item or "interpretAs" in item):
            raise RequestError("an annotation item has 'text', or 'markup' with an optional 'interpretAs', not both")
        if isinstance(item.get("text"), str):
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


def any_language(config: Config, rules: dict) -> Config | None:
    """`config` keeping only the rules that hold in a text of any language, for a text
    that is not English (lintnews's other rules are about English); None when it
    keeps none."""
    kept = tuple(sorted(code for code, rule in rules.items()
                        if rule.category in ANY_LANGUAGE and code_selected(code, config)))
    return replace(config, select=kept, extend_select=(), ignore=()) if kept else None


def detect(request: CheckRequest, detector: str = "langdetect") -> Detected:
    """The language of the request's text: the client's, unless it asked for `auto`.

    Under `auto` a text is English unless the detector is sure of another
    language (a short or mixed text stays English: an English article may
    quote a foreign sentence, which LN103 then reports)."""
    if not request.auto:
        code = request.language
        return Detected(code, _NAMES.get(code.lower(), "English"), 1.0, "request")
    sample = request.text[:_SAMPLE]
    english = _variant("en", request.preferred_variants)
    if sum(1 for ch in sample if ch.isalpha()) >= _MIN_LETTERS:
        from lintnews.text.langid import LANGUAGE_NAMES, DetectorUnavailable, identify

        try:
            guesses = identify(sample, detector)
        except DetectorUnavailable:
            guesses = []
        if guesses:
            code, confidence = guesses[0]
            if code != "en" and confidence >= _FOREIGN_CONFIDENCE:
                variant = _variant(code, request.preferred_variants)
                name = _VARIANT_NAMES.get(variant.lower(), LANGUAGE_NAMES.get(code, code))
                return Detected(variant, name, round(confidence, 3), detector)
            if code == "en":
                return Detected(english, _NAMES.get(english.lower(), "English"), round(confidence, 3), detector)
    return Detected(english, _NAMES.get(english.lower(), "English"), 0.0, "default")


def _variant(code: str, preferred: tuple[str, ...]) -> str:
    """The client's preferred variant of a language (preferredVariants=en-GB,de-AT), else a default."""
    for variant in preferred:
        if variant.lower().split("-")[0] == code:
            return variant
    return "en-US" if code == "en" else code


def keep(finding: Finding, request: CheckRequest) -> bool:
    """Whether a finding passes the request's level and category lists."""
    if finding.severity < Severity.WARNING and not request.picky and finding.rule not in request.enabled_rules:
        return False
    if finding.category in request.disabled_categories:
        return False
    if request.enabled_only and request.enabled_categories:
        return finding.category in request.enabled_categories or finding.rule in request.enabled_rules
    return True


def response(request: CheckRequest, findings: list[Finding], rules: dict, detected: Detected | None = None,
             rule_url: str | None = None) -> dict:
    """The /v2/check answer for the findings of `request.text`.

    `rule_url` is a template (`http://host/rules/{code}`) for each rule's `urls`."""
    detected = detected or detect(request)
    units = Utf16Offsets(request.original)
    matches = [match(f, request, units, rules.get(f.rule), rule_url) for f in findings
               if keep(f, request) and not request.text_level_only
               and (detected.english or f.category in ANY_LANGUAGE)]
    if request.auto:
        language = {"name": detected.name, "code": detected.code}
    else:
        language = {"name": _NAMES.get(request.language.lower(), "English"), "code": request.language}
    ranges = sentence_ranges(request, units)
    base = detected.code.split("-")[0]
    return {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": {**language, "detectedLanguage": detected.to_json()},
        "matches": matches,
        "sentenceRanges": [[a, b] for a, b in ranges],
        "extendedSentenceRanges": [
            {"from": a, "to": b, "detectedLanguages": [{"language": base, "rate": detected.confidence}]}
            for a, b in ranges],
    }


def match(f: Finding, request: CheckRequest, units: Utf16Offsets, rule=None, rule_url: str | None = None) -> dict:
    from lintnews.report.html import category_label

    text = request.text
    start, end = f.offset, f.end_offset
    # safe ones first, else as given; a display-only fix is a hint in the message, not a replacement
    ordered = sorted((x for x in f.fixes if x.applicable), key=lambda x: x.applicability is not SAFE)
    for fix in ordered:
        for e in fix.edits:
            start, end = min(start, e.offset), max(end, e.end_offset)
    replacements = []
    if request.plain_between(start, end):
        for fix in ordered:
            parts, at = [], start
            for e in sorted(fix.edits, key=lambda e: e.offset):
                parts += [text[at:e.offset], e.replacement]
                at = e.end_offset
            value = "".join(parts) + text[at:end]
            if value not in replacements:
                replacements.append(value)
    o_start, o_end = request.to_original(start), request.to_original(end, end=True)
    if o_end < o_start:
        o_end = o_start
    offset = units.to_utf16(o_start)
    length = units.to_utf16(o_end) - offset
    issue = ISSUE_TYPES.get(f.category, "uncategorized")
    label = category_label(f.category)
    described = {
        "id": f.rule,
        "subId": f.name,
        "description": (rule.summary if rule is not None and rule.summary else f.name),
        "issueType": issue,
    }
    if rule_url:
        described["urls"] = [{"value": rule_url.format(code=f.rule)}]
    described["category"] = {"id": f.category.upper().replace("-", "_"), "name": label}
    return {
        "message": f.message,
        "shortMessage": label,
        "replacements": [{"value": v} for v in replacements],
        "offset": offset,
        "length": length,
        "context": context(request.original, o_start, o_end),
        "sentence": sentence(text, f.offset, f.end_offset),
        "type": {"typeName": "UnknownWord" if issue == "misspelling" else "Other"},
        "rule": described,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def context(document: str, start: int, end: int) -> dict:
    """LanguageTool's `context`: up to 40 characters each side of document[start:end],
    `...` where cut, line breaks as spaces; offset and length in UTF-16 units."""
    lo, hi = max(0, start - _CONTEXT), min(len(document), end + _CONTEXT)
    prefix = "..." if lo > 0 else ""
    before = prefix + document[lo:start]
    inside = document[start:end]
    shown = (before + inside + document[end:hi] + ("..." if hi < len(document) else "")).replace("\n", " ")
    return {"text": shown, "offset": _utf16_len(before), "length": _utf16_len(inside)}


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


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


def sentence_ranges(request: CheckRequest, units: Utf16Offsets) -> list[tuple[int, int]]:
    """[from, to) of each sentence of the text, in UTF-16 units of the client's document.

    A sentence ends after `.`, `!` or `?` before a space, and at a line break."""
    text = request.text
    out = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        j = i
        while j < n and text[j] not in "\n\r" and not (
                text[j] in ".!?" and (j + 1 == n or text[j + 1].isspace())):
            j += 1
        if j < n and text[j] in ".!?":
            j += 1
        start, end = request.to_original(i), request.to_original(j, end=True)
        out.append((units.to_utf16(start), units.to_utf16(max(start, end))))
        i = j
    return out


#: The longest `sentence` given with a match: a 40 KB line of findings would
#: otherwise answer with the whole line once per finding (hundreds of MB).
SENTENCE_MAX = 1000
_SENTENCE_START = re.compile(r"(?<=[\n\r])|(?<=[.!?]\s)")
_SENTENCE_END = re.compile(r"[\n\r]|[.!?](?=\s|\Z)")
_SENTENCES: tuple = (None, [], [])  # the last text, its sentence starts and ends
