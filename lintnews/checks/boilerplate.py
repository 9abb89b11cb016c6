"""LN3xx: lines a scraper or CMS left in the article (the `boilerplate` rule kind).

The phrases are data (`rules/boilerplate.toml`, and a newsroom's own files):

    [[rule]]
    kind = "boilerplate"
    role = "widget"        # widget | teaser | meta | credit
    [rule.phrases]         # per language; matched against a WHOLE line, any case
    en = ["Exit mobile version", "Follow us on {network}", "Read more …", "… All rights reserved"]
    [rule.edge_phrases]    # suspect only among the first or last lines of the article
    en = ["Comments"]

In a phrase, `…` at its end (or start) stands for a short tail (at most 16
words) and `{name}` for any entry of the `[placeholders]` table `name`
(`{network}`: Facebook, Telegram, ...). A phrase is matched against a whole
line of prose, after leading bullets and trailing punctuation are set aside,
so a sentence that merely uses the words never matches.

Roles:
  widget  the line is a page widget (share, subscribe, cookie, copyright);
  teaser  the line heads a block of links to other articles ("Related
          articles"), which is reported as ONE finding spanning the heading
          and the teaser headlines and `...` snippets after it; or it is a
          one-line teaser ("You may be interested in: <headline>");
  meta    a CMS meta line ("First modification:", "Source article");
  credit  an agency credit ("With Reuters and EFE"): legitimate, so its rule
          should be `info`.

Every finding suggests removing the line or block, line break included (an
unsafe fix). Phrases sharing a first word (or, for `… tail` phrases, a last
word) compile into one pattern, on first use; a line short enough to be
boilerplate is tried only against the group of its own first and last word.
"""
from __future__ import annotations

import regex

from ..finding import Severity, Suggestion
from ..lazy import lazy_regex
from ..registry import Check
from ..kinds.common import format_message
from ..patterncache import compile_regex

ROLES = ("widget", "teaser", "meta", "credit", "structure")
MAX_LINE = 200  # longer lines are prose (a teaser snippet is judged apart)
EDGE = 3  # lines at each end of the article where edge phrases count

_LEAD = compile_regex(r"[\s\-–—•*·>|#►▶→»]*")
_TAIL = r"\S+(?:\s+\S+){0,15}"
_SEPARATOR = r"\s*[:|\-–—]\s*"
_SNIPPET_END = lazy_regex(r"(?:\.\.\.|…)\s*$")
_FIRST_WORD = compile_regex(r"\w+|\S")
_LAST_WORD = compile_regex(r"(?r)(?:\w+|\S)")
_TRAIL_CHARS = " \t:.!›»>→|…"
_MARKUP = lazy_regex(r"<[^>]*>|\]\([^)]*\)|[#>*+\-_`\[\]\s\d.]")

DEFAULT_MESSAGES = {
    "widget": "“{found}” is part of the website's page, not of the article: remove the line.",
    "teaser": "“{found}” points readers to other articles; the scraper left it, it is not part of this article: remove it.",
    "meta": "“{found}” is a note from the publishing system, not part of the article: remove the line.",
    "credit": "“{found}” credits news agencies; keep it only if your house style prints such credits.",
}


def build(entries, ruleset):
    from ..tablecache import cached_pickle

    owners, edge_owners = {}, {}
    groups = []
    structure = None
    for entry in entries:
        if entry.data.get("role") not in ROLES:
            raise entry.error(f"'role' must be one of: {', '.join(ROLES)}")
    # credits first: "Source: Reuters" is a credit before it is a meta line
    phrase_entries = [e for e in entries if e.data["role"] != "structure"]
    for entry in entries:
        if entry.data["role"] == "structure":
            structure = _structure(entry, ruleset)
    for n, entry in enumerate(sorted(phrase_entries, key=lambda e: e.data.get("role") != "credit")):
        role = entry.data.get("role")
        format_message(entry, DEFAULT_MESSAGES[role], found="x")
        phrases = _phrase_table(entry, "phrases", required=True)
        edge = _phrase_table(entry, "edge_phrases", required=False)
        for group, items, table in ((f"r{n}", phrases, owners), (f"e{n}", edge, edge_owners)):
            table[group] = entry
            groups.append((group, entry, items))
    # the phrase patterns' sources are data: kept in the table cache between processes
    matcher = cached_pickle("boilerplate", ruleset.cache_key, lambda: _build_matcher(groups, ruleset))
    rules = tuple(e.rule for e in entries)
    credit = _agency_credit(ruleset)

    def run(doc, ctx):
        found = list(_scan(doc, ctx, matcher, owners, edge_owners, credit))
        if structure is None or not ctx.enabled(structure[0].rule.code):
            yield from (f for f, _first, _last in found)
            return
        yield from _structural(doc, structure, found, lambda s, e: _match(doc.prose, s, e, matcher) is not None)

    return [Check(rules, run)]


def _build_matcher(groups, ruleset) -> "_Matcher":
    values = _placeholder_values(ruleset)
    placeholders = _placeholders(values)
    matcher = _Matcher()
    for group, entry, items in groups:
        for phrase in items:
            source = _phrase_regex(entry, phrase, placeholders)
            if entry.data["role"] == "teaser":  # also "Read also: <headline>"
                source = f"(?:{source})(?:{_SEPARATOR}(?P<tail>{_TAIL}))?"
            matcher.add(phrase.strip(), f"(?P<{group}>{source})", values)
    return matcher


class _Matcher:
    """Phrases grouped by their first word (or, for `… tail` phrases, last word).

    A line is tried only against the phrases that share its first or last
    word, each group compiled into one pattern on first use (once per process).
    """

    def __init__(self) -> None:
        self.by_first: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        self._compiled: dict[tuple[str, str], "regex.Pattern"] = {}

    def add(self, phrase: str, source: str, values: dict[str, list[str]]) -> None:
        if phrase.startswith("…"):
            self.by_last.setdefault(_word(phrase.rstrip("… "), -1), []).append(source)
            return
        head = regex.match(r"\{(\w+)\}", phrase)
        for start in values.get(head.group(1), []) if head else [phrase]:
            self.by_first.setdefault(_word(start, 0), []).append(source)

    def fullmatch(self, text: str, start: int, end: int):
        first = _FIRST_WORD.match(text, start, end)
        last = _LAST_WORD.search(text, start, end)
        for table, word, key in ((self.by_first, first, "first"), (self.by_last, last, "last")):
            word = word.group().casefold() if word else ""
            if word in table:
                key = (word, key)
                pattern = self._compiled.get(key)
                if pattern is None:
                    pattern = self._compiled[key] = compile_regex("|".join(table[word]), regex.IGNORECASE)
                hit = pattern.fullmatch(text, start, end)
                if hit:
                    return hit
        return None


def _word(text: str, index: int) -> str:
    words = _FIRST_WORD.findall(text)
    return words[index].casefold() if words else ""


def _agency_credit(ruleset):
    """A line that is only a copyright sign and agency names: a credit, not a footer."""
    agencies = _placeholder_values(ruleset).get("agency")
    if not agencies:
        return None
    one = "|".join(regex.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return compile_regex(
        rf"\s*(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?:{one})(?:\s*(?:/|,|and|&)\s*(?:{one}))*\.?\s*",
        regex.IGNORECASE,
    )


def _placeholder_values(ruleset) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for _path, table in ruleset.table("placeholders"):
        for name, values in table.items():
            found.setdefault(name, []).extend(values)
    return found


def _placeholders(values: dict[str, list[str]]) -> dict[str, str]:
    joiner = r"\s*(?:,|/|&|\band\b|\bor\b|\by\b|\bo\b|\bи\b|\bта\b|\bund\b|\bet\b)\s*"
    out = {}
    for name, items in values.items():
        one = "|".join(regex.escape(v) for v in sorted(items, key=len, reverse=True))
        out[name] = f"(?:{one})(?:{joiner}(?:{one}))*"
    return out


def _phrase_table(entry, key, required):
    table = entry.data.get(key)
    if table is None and not required:
        return []
    if not isinstance(table, dict) or not table or not all(
        isinstance(v, list) and all(isinstance(p, str) and p.strip() for p in v) for v in table.values()
    ):
        raise entry.error(f"'{key}' must be a table of language = [phrases]")
    return [p for phrases in table.values() for p in phrases]


def _phrase_regex(entry, phrase: str, placeholders: dict[str, str]) -> str:
    phrase = phrase.strip()
    head = tail = ""
    if phrase.startswith("…"):
        head, phrase = _TAIL + r"\s*", phrase[1:].strip()
    if phrase.endswith("…"):
        tail, phrase = r"\s*" + _TAIL, phrase[:-1].strip()
    out = []
    for piece in regex.split(r"(\{\w+\})", phrase):
        if piece.startswith("{") and piece.endswith("}"):
            if piece[1:-1] not in placeholders:
                raise entry.error(f"unknown placeholder {piece} (define it under [placeholders])")
            out.append(placeholders[piece[1:-1]])
        else:
            out.append(r"\s+".join(regex.escape(w) for w in piece.split(" ")) if piece.strip() else r"\s*")
    return head + "".join(out) + tail


def doc_lines(doc) -> list[tuple[int, int]]:
    """The Document's prose lines with text, once per Document (shared by both passes)."""
    cached = getattr(doc, "_boilerplate_lines", None)
    if cached is None:
        cached = _lines(doc.prose)
        try:
            doc._boilerplate_lines = cached
        except AttributeError:  # pragma: no cover - a Document with slots
            pass
    return cached


def _lines(prose: str) -> list[tuple[int, int]]:
    """Prose spans of the lines with text, surrounding spaces trimmed."""
    spans = []
    pos = 0
    for line in prose.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and prose[start] in " \t\r":
            start += 1
        while end > start and prose[end - 1] in " \t\r":
            end -= 1
        if prose[start:end].strip("\ufffc "):  # a URL alone is not a line of text
            spans.append((start, end))
    return spans


def _scan(doc, ctx, matcher, owners, edge_owners, credit=None):
    prose = doc.prose
    lines = doc_lines(doc)
    last = len(lines) - 1
    index = 0
    while index <= last:
        start, end = lines[index]
        hit = _match(prose, start, end, matcher) if end - start <= MAX_LINE else None
        group = _group(hit, owners, edge_owners)
        entry = owners.get(group)
        if entry is None and group in edge_owners and (index < EDGE or index > last - EDGE):
            entry = edge_owners[group]
        if entry is not None and credit is not None and credit.fullmatch(prose, start, end):
            entry = None  # "© Reuters" under a photo or a wire story credits the agency
        if entry is None or not ctx.enabled(entry.rule.code):
            index += 1
            continue
        stop = index
        teaser_line = entry.data["role"] == "teaser" and bool(hit.group("tail"))
        if entry.data["role"] == "teaser" and not teaser_line:
            stop = _teaser_block(prose, lines, index)
        found = prose[start:end]
        message = format_message(entry, DEFAULT_MESSAGES[entry.data["role"]], found=found)
        if stop > index:
            message += f" The {stop - index} teaser lines after it go with it."
        block_end = lines[stop][1]
        yield (doc.finding(entry.rule, start, block_end, message,
                           [_removal(doc, start, block_end)]), index, stop)
        index = stop + 1


def _match(prose, start, end, matcher):
    core_start = _LEAD.match(prose, start, end).end()
    core = prose[core_start:end].rstrip(_TRAIL_CHARS)
    return matcher.fullmatch(prose, core_start, core_start + len(core)) if core else None


def _group(hit, owners, edge_owners) -> str | None:
    if hit is None:
        return None
    for group in (*owners, *edge_owners):
        if group in hit.groupdict() and hit.group(group) is not None:
            return group
    return None


def _teaser_block(prose, lines, head) -> int:
    """Index of the last line of the teaser block that starts at line `head`."""
    last = len(lines) - 1
    stop = head
    kinds = []
    for i in range(head + 1, last + 1):
        start, end = lines[i]
        text = prose[start:end]
        if _SNIPPET_END.search(text) and end - start <= 400:
            kinds.append("snippet")
        elif end - start <= 120 and len(text.split()) <= 18 and text[-1] not in ".:;," and (
            text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'«"
        ):
            kinds.append("headline")
        else:
            break
        stop = i
    if stop == last:
        return stop  # a block that runs to the end of the article: all of it
    while kinds and kinds[-1] == "headline":  # mid-article: keep up to the last snippet
        kinds.pop()
        stop -= 1
    return stop


def _removal(doc, start, end) -> Suggestion:
    """Remove prose [start, end) with its whole lines, leaving no blank line behind."""
    o_start, o_end = doc.to_original(start, end)
    text = doc.text
    line_start = text.rfind("\n", 0, o_start) + 1
    line_end = text.find("\n", o_end)
    line_end = len(text) if line_end == -1 else line_end
    outside = text[line_start:o_start] + text[o_end:line_end]
    if _MARKUP.sub("", outside):
        return Suggestion("", o_start, o_end, safe=False)  # other text shares the line
    o_start, o_end = line_start, line_end
    while o_end < len(text) and text[o_end] in " \t\r\n":
        o_end += 1
    if o_end == len(text):  # at the end: take the blank lines before, keep one line break
        back = o_start
        while back > 0 and text[back - 1] in " \t\r\n":
            back -= 1
        newline = text.find("\n", back)
        if back > 0 and 0 <= newline < line_start:
            o_start = newline + 1
    return Suggestion("", o_start, o_end, safe=False)


# -- LN305: furniture found by the page's structure ----------------------------

STRUCTURE_MESSAGE = (
    "These {count} lines look like a {kind} of the web page around the article, not part of it "
    "(“{first}”): remove them."
)
STRUCTURE_MESSAGE_ONE = "“{first}” looks like a {kind} of the web page around the article, not part of it: remove the line."
#: Blocks of links to other articles: their lines are headlines, prose an
#: editor may keep as links, so damage inside them is still reported. Every
#: other block of page furniture explains what lies inside it (lintnews.overlap).
LINK_KINDS = frozenset({"teaser list", "link list"})
_BLOCK_OPENING, _BLOCK_KIND_END = "lines look like a ", " of the web page"


def furniture_block_kind(message: str) -> str | None:
    """The kind of block an LN305 block finding names (from its message), or None."""
    at = message.find(_BLOCK_OPENING)
    end = message.find(_BLOCK_KIND_END, at)
    if at < 0 or end < 0 or not message.startswith("These "):
        return None
    return message[at + len(_BLOCK_OPENING):end]


SENTENCE_MESSAGE = "“{found}” is a sentence from a {kind} of the web page, joined into the article's text: remove it."
TITLE_TAIL_MESSAGE = "“{found}” is the website's name added to the page title, not part of the headline: remove it."


def _structure(entry, ruleset):
    from ..blocks.features import Vocabulary

    table = entry.data.get("vocabulary", {})
    if not isinstance(table, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) and p.strip() for p in v) for v in table.values()
    ):
        raise entry.error("'vocabulary' must be a table of kind = [words and phrases]")
    agencies = frozenset(
        w.casefold() for _path, t in ruleset.table("placeholders") for w in t.get("agency", ()) if " " not in w
    )
    return entry, Vocabulary.from_table(table), agencies


def _structural(doc, structure, found, matcher_hit):
    """LN305 blocks; phrase findings inside a block are folded into it (one finding per block)."""
    from ..blocks.page import KIND_NAMES, analyse, blocks, joined_sentences

    entry, vocab, agencies = structure
    spans = doc_lines(doc)
    # a site phrase is certain furniture; an agency credit (info) is not
    known = {i for f, first, last in found if f.severity >= Severity.WARNING for i in range(first, last + 1)}
    page = analyse(doc.prose, spans, vocab, known, agencies, getattr(doc, "element_context", None))
    out = []
    for start, end, kind in joined_sentences(doc.prose, spans, vocab, matcher_hit):
        message = SENTENCE_MESSAGE.format(found=_clip(doc.prose[start:end]), kind=KIND_NAMES.get(kind, "block"))
        out.append(doc.finding(entry.rule, start, end, message, [("", False)]))
    if page is None:
        yield from out
        yield from (f for f, _first, _last in found)
        return
    covered = set()
    for block in blocks(page):
        start, end = spans[block.first][0], spans[block.last][1]
        count = block.last - block.first + 1
        first = _clip(doc.prose[spans[block.first][0]:spans[block.first][1]])
        kind = KIND_NAMES.get(block.kind, "block")
        template = STRUCTURE_MESSAGE if count > 1 else STRUCTURE_MESSAGE_ONE
        message = template.format(count=count, kind=kind, first=first)
        out.append(doc.finding(entry.rule, start, end, message, [_removal(doc, start, end)]))
        covered.update(range(block.first, block.last + 1))
    if page.title_tail is not None:
        start, end = page.title_tail
        found_text = doc.prose[start:end].strip()
        out.append(doc.finding(entry.rule, start, end, TITLE_TAIL_MESSAGE.format(found=found_text),
                               [("", False)]))
    for f, first, last in found:
        if not all(i in covered for i in range(first, last + 1)):
            out.append(f)
    yield from out


def _clip(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


CHECKS: list = []  # the checks are built from rules/boilerplate.toml by `build`
