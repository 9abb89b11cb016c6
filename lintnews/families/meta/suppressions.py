"""LN001: a suppression comment that names a code no rule has."""
from __future__ import annotations

from lintnews.finding import Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.engine.suppression import directives

UNKNOWN_CODE = Rule(
    code="LN001",
    name="unknown-suppression-code",
    category="meta",
    severity=Severity.WARNING,
    summary="A lintnews-disable comment names a rule code that does not exist.",
    doc=(
        "A suppression comment that names an unknown code silences nothing, which is\n"
        "almost always a typo (LN210 for LN201) or a rule that was renamed. Codes are\n"
        "prefixes: `LN2` names every LN2xx rule and is valid."
    ),
    examples=(
        Example("<marker><!-- lintnews-disable LN999 --></marker>\nKyiv.\n", ("LN001",), "example.md",
                fixed=False),
        Example("<!-- lintnews-disable LN2 -->\nkyiv.\n", (), "example.md"),
    ),
    messages={"default": "This suppression comment names “{code}”, which is not a lintnews rule code, so it "
                         "silences nothing. Run `lintnews rules` for the list."},
)


@check(UNKNOWN_CODE)
def unknown_suppression_codes(doc, ctx):
    codes = ctx.rules.by_code
    for d in directives(doc):
        for code in d.codes:
            if not any(known.startswith(code) for known in codes):
                yield doc.finding(UNKNOWN_CODE, d.start, d.end, {"code": code}, original=True)


CHECKS = [unknown_suppression_codes]
