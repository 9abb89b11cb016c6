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
  structure  no phrases: the page classifier's furniture blocks (LN305,
          `kinds/furniture.py`), into which phrase findings inside a block fold.

Every finding suggests removing the line or block, line break included (an
unsafe fix). Phrases sharing a first word (or, for `… tail` phrases, a last
word) compile into one pattern, on first use; a line short enough to be
boilerplate is tried only against the group of its own first and last word.
"""
from __future__ import annotations

import regex

from lintnews.model import Check
from lintnews.kinds.common import templated
from lintnews.families.boilerplate.furniture import FURNITURE_MESSAGES, structure_findings, structure_rule
from lintnews.text.patterns import deferred_regex

ROLES = ("widget", "teaser", "meta", "credit", "structure")
MAX_LINE = 200  # longer lines are prose (a teaser snippet is judged apart)
EDGE = 3  # lines at each end of the article where edge phrases count

_LEAD = regex.compile(r"[\s\-–—•*·>|#►▶→»]*")
_TAIL = r"\S+(?:\s+\S+){0,15}"
_SEPARATOR = r"\s*[:|\-–—]\s*"
_snippet_end = deferred_regex(r"(?:\.\.\.|…)\s*$")
_FIRST_WORD = regex.compile(r"\w+|\S")
_LAST_WORD = regex.compile(r"(?r)(?:\w+|\S)")
_placeholder = deferred_regex(r"(\{\w+\})")  # `{agency}` in a phrase: a list of values
_placeholder_head = deferred_regex(r"\{(\w+)\}")
_TRAIL_CHARS = " \t:.!›»>→|…"

DEFAULT_MESSAGES = {
    "widget": "“{found}” is part of the website's page, not of the article: remove the line.",
    "teaser": "“{found}” points readers to other articles; the scraper left it, it is not part of this article: remove it.",
    "meta": "“{found}” is a note from the publishing system, not part of the article: remove the line.",
    "credit": "“{found}” credits news agencies; keep it only if your house style prints such credits.",
}
#: After a teaser's message when the lines after it go with it.
TEASER_LINES = " The {teasers} teaser lines after it go with it."


def build(entries, ruleset):
    from lintnews.run.tablecache import cached_data

    owners, edge_owners = {}, {}
    groups = []
    structure = None
    for entry in entries:
        if entry.data.get("role") not in ROLES:
            raise entry.error(f"'role' must be one of: {', '.join(ROLES)}")
    entries = [_templated(e) for e in entries]
    # credits first: "Source: Reuters" is a credit before it is a meta line
    phrase_entries = [e for e in entries if e.data["role"] != "structure"]
    for entry in entries:
        if entry.data["role"] == "structure":
            structure = structure_rule(entry, ruleset)
    for n, entry in enumerate(sorted(phrase_entries, key=lambda e: e.data.get("role") != "credit")):
        phrases = _phrase_table(entry, "phrases", required=True)
        edge = _phrase_table(entry, "edge_phrases", required=False)
        for group, items, table in ((f"r{n}", phrases, owners), (f"e{n}", edge, edge_owners)):
            table[group] = entry
            groups.append((group, entry, items))
    # the phrase patterns' sources are data: kept in the table cache between processes
    matcher = _Matcher.from_data(cached_data("boilerplate", ruleset.cache_key,
                                             lambda: _build_matcher(groups, ruleset).data(), _Matcher.valid))
    rules = tuple(e.rule for e in entries)
    credit = _agency_credit(ruleset)

    def run(doc, ctx):
        found = list(_scan(doc, ctx, matcher, owners, edge_owners, credit))
        if structure is None or not ctx.enabled(structure[0].rule.code):
            yield from (f for f, _first, _last in found)
            return
        yield from structure_findings(doc, structure, doc_lines(doc), found,
                                       lambda s, e: _match(doc.prose, s, e, matcher) is not None)

    return [Check(rules, run)]


def _templated(entry):
    """The entry with its rule's message templates (`kinds.common.templated`)."""
    from dataclasses import replace

    role = entry.data["role"]
    if role == "structure":
        return templated(entry, FURNITURE_MESSAGES)
    entry = templated(entry, {"default": DEFAULT_MESSAGES[role]}, found="x")
    messages = {**entry.rule.messages, "with-teasers": entry.rule.messages["default"] + TEASER_LINES}
    return replace(entry, rule=replace(entry.rule, messages=messages))


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

    def data(self) -> dict:
        """The phrase patterns' sources as plain data (kept in the table cache)."""
        return {"by_first": self.by_first, "by_last": self.by_last}

    @classmethod
    def from_data(cls, data: dict) -> "_Matcher":
        matcher = cls()
        matcher.by_first, matcher.by_last = data["by_first"], data["by_last"]
        return matcher

    @staticmethod
    def valid(data) -> bool:
        """Whether data read back has the shape `data()` gives."""
        return isinstance(data, dict) and all(
            isinstance(data.get(key), dict) and all(
                isinstance(word, str) and isinstance(sources, list) and all(isinstance(s, str) for s in sources)
                for word, sources in data[key].items())
            for key in ("by_first", "by_last"))

    def add(self, phrase: str, source: str, values: dict[str, list[str]]) -> None:
        if phrase.startswith("…"):
            self.by_last.setdefault(_word(phrase.rstrip("… "), -1), []).append(source)
            return
        head = _placeholder_head().match(phrase)
        for start in values.get(head.group(1), []) if head else [phrase]:
            self.by_first.setdefault(_word(start, 0), []).append(source)

    def fullmatch(self, text: str, start: int, end: int):
        first = _FIRST_WORD.match(text, start, end)
        if first is not None:
            word = first.group().casefold()
            if word in self.by_first:
                hit = self._pattern(word, "first").fullmatch(text, start, end)
                if hit:
                    return hit
        if self.by_last:
            last = _LAST_WORD.search(text, start, end)
            if last is not None:
                word = last.group().casefold()
                if word in self.by_last:
                    return self._pattern(word, "last").fullmatch(text, start, end)
        return None

    def _pattern(self, word: str, side: str) -> "regex.Pattern":
        key = (word, side)
        pattern = self._compiled.get(key)
        if pattern is None:
            table = self.by_first if side == "first" else self.by_last
            pattern = self._compiled[key] = regex.compile("|".join(table[word]), regex.IGNORECASE)
        return pattern


def _word(text: str, index: int) -> str:
    words = _FIRST_WORD.findall(text)
    return words[index].casefold() if words else ""


def _agency_credit(ruleset):
    """A line that is only a copyright sign and agency names: a credit, not a
    footer. A function that gives the pattern, compiled on its first call (a
    line a phrase rule reports), or None without agencies."""
    agencies = _placeholder_values(ruleset).get("agency")
    if not agencies:
        return None
    one = "|".join(regex.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return deferred_regex(
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
    for piece in _placeholder().split(phrase):
        if piece.startswith("{") and piece.endswith("}"):
            if piece[1:-1] not in placeholders:
                raise entry.error(f"unknown placeholder {piece} (define it under [placeholders])")
            out.append(placeholders[piece[1:-1]])
        else:
            out.append(r"\s+".join(regex.escape(w) for w in piece.split(" ")) if piece.strip() else r"\s*")
    return head + "".join(out) + tail


def doc_lines(doc) -> list[tuple[int, int]]:
    """The Document's prose lines with text, once per Document (shared by both passes)."""
    return doc.memo("boilerplate-lines", _lines)


def _lines(doc) -> list[tuple[int, int]]:
    """Prose spans of the lines with text, surrounding spaces trimmed."""
    prose = doc.prose
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
        if entry is not None and credit is not None and credit().fullmatch(prose, start, end):
            entry = None  # "© Reuters" under a photo or a wire story credits the agency
        if entry is None or not ctx.enabled(entry.rule.code):
            index += 1
            continue
        stop = index
        teaser_line = entry.data["role"] == "teaser" and bool(hit.group("tail"))
        if entry.data["role"] == "teaser" and not teaser_line:
            stop = _teaser_block(prose, lines, index)
        block_end = lines[stop][1]
        arguments = {"found": prose[start:end], "teasers": stop - index} if stop > index else {"found": prose[start:end]}
        yield (doc.finding(entry.rule, start, block_end, arguments, [doc.line_removal(start, block_end)],
                           template="with-teasers" if stop > index else "default"), index, stop)
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
        if _snippet_end().search(text) and end - start <= 400:
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
