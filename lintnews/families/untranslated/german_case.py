"""LN104: a German name left in a case form after an English article.

A translation that keeps a German name keeps the case the German sentence
gave it: “told the Evangelischen Pressedienst” (dem Evangelischen
Pressedienst) for the Evangelischer Pressedienst, “on the Bayerischen
Rundfunk”. English quotes a German name in its nominative, or translates it.
Behind a literal test of the endings, each hit is judged where it stands.
"""
from __future__ import annotations

from lintnews.finding import Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.patterns import deferred_regex
from lintnews.text.literals import find_all

GERMAN_CASE_FORM = Rule(
    code="LN104", name="german-case-form-name", category="untranslated",
    severity=Severity.WARNING, fixable=False,
    summary="A German name left in a case form after “the”: “the Evangelischen Pressedienst”.",
    doc=(
        "A German adjective ending -ischen or -lichen before a capitalised noun,\n"
        "right after the English article “the”, is a German name left in the case\n"
        "the German sentence gave it (dative, genitive: dem Evangelischen\n"
        "Pressedienst). English writes the nominative (the Evangelischer\n"
        "Pressedienst, the Bayerischer Rundfunk) or the English name. The ending\n"
        "of the nominative depends on the noun's gender, so there is no fix.\n"
        "Not reported: the nominative forms (-ische, -ischer, -isches: Deutsche\n"
        "Welle, Süddeutsche Zeitung) and German text (der, des, dem are not “the”).\n"
        "Data: German grammar (weak and mixed adjective endings)."
    ),
    examples=(
        Example("The researcher told the <marker>Evangelischen Pressedienst</marker> (epd) on Monday.",
                ("LN104",), fixed=False),
        Example("The researcher told the Evangelischer Pressedienst and the Bayerische Rundfunk; "
                "laut dem Evangelischen Pressedienst."),
    ),
    messages={"default": "“{found}” is a German name in a case form (dative or genitive): write its "
                         "nominative or the English name."},
)

_ENDINGS = ("ischen ", "lichen ")
_name = deferred_regex(
    r"(?<![\p{L}\p{N}])[Tt]he[ \u00a0](\p{Lu}\p{Ll}+(?:isch|lich)en[ \u00a0]\p{Lu}\p{Ll}{3,})(?![\p{L}\-])")


@check(GERMAN_CASE_FORM)
def german_case_forms(doc, ctx):
    prose = doc.prose
    hits = sorted({i for ending in _ENDINGS for i in find_all(prose, ending)})
    last = -1
    for i in hits:
        start = max(0, i - 40)
        for m in _name().finditer(prose, start, min(len(prose), i + 60)):
            if m.start() <= last or not m.start(1) <= i < m.end(1):
                continue
            last = m.start()
            yield doc.finding(GERMAN_CASE_FORM, m.start(1), m.end(1), {"found": m.group(1)})



CHECKS = [german_case_forms]
