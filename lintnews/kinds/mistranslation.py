"""The `mistranslation` kind (LN804 and a newsroom's own): known mistranslations
and calques, kept as data. Each `[[rule.term]]` has the phrase found, the
English it should be and the reason, which the message gives."""
from __future__ import annotations

from lintnews.model import Check
from lintnews.kinds.common import WordStartTerms, format_message, match_case, starts_word

_MISTRANSLATION_MESSAGE = "“{found}” is a mistranslation: write “{expected}” ({reason})."


def build(entries, ruleset):
    """The `mistranslation` kind: `[[rule.term]]` tables of found, expected, reason."""
    table: dict[str, tuple] = {}
    seen: set[str] = set()
    for entry in entries:
        terms = entry.data.get("term")
        if not isinstance(terms, list) or not terms:
            raise entry.error("a mistranslation rule needs [[rule.term]] tables")
        format_message(entry, _MISTRANSLATION_MESSAGE, found="x", expected="y", reason="z", source="s")
        for term in terms:
            if not all(isinstance(term.get(k), str) and term[k] for k in ("found", "expected", "reason")):
                raise entry.error("each [[rule.term]] needs 'found', 'expected' and 'reason'")
            found = term["found"]
            if found.lower() in seen:
                raise entry.error(f"the phrase '{found}' is listed twice")
            seen.add(found.lower())
            # the case forms a phrase takes in running text: one case-sensitive
            # pattern keeps the regex module's literal fast path
            for form in (found, found[0].upper() + found[1:], found.upper()):
                table[form] = (entry, term)
    pattern = WordStartTerms(table)
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        # a document holding no phrase's longest word is skipped (WordStartTerms)
        for m in pattern.finditer(prose, doc.word_set):
            start, end = m.span()
            if not starts_word(prose, start):
                continue
            entry, term = table[m.group()]
            if not ctx.enabled(entry.rule.code):
                continue
            found = m.group()
            expected = match_case(term["expected"], found)
            if found[0].isupper() and not expected[0].isupper():
                expected = expected[0].upper() + expected[1:]
            message = format_message(entry, _MISTRANSLATION_MESSAGE, found=found, expected=expected,
                                     reason=term["reason"], source=term.get("source", ""))
            yield doc.finding(entry.rule, start, end, message, [(expected, bool(term.get("safe", False)))])

    return [Check(rules, run)]
