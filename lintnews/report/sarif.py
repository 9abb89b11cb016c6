"""SARIF 2.1.0, the static-analysis format GitHub code scanning and editors read.

One run with lintnews as `tool.driver`: each rule that has findings is
described in `driver.rules` (id, name, short and full description, help, the
default level and the category), each finding is a `result` with its region
(lines, columns, `charOffset` and `charLength`) and, when it has one, a `fix`
with the replacement. Columns and offsets count Unicode code points
(`columnKind: unicodeCodePoints`), as every lintnews report does; end columns
are exclusive, as SARIF's are.

Results are streamed; the rules they used are written after them.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from lintnews._version import __version__
from lintnews.finding import SAFE
from lintnews.report.base import BaseReporter

if TYPE_CHECKING:
    from typing import Callable, TextIO

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative URI for a path as shown (`-` is standard input)."""
    if path == "-":
        return "stdin"
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix().removeprefix("./"))


class Reporter(BaseReporter):
    needs_text = False

    def __init__(self, stream: TextIO, rules: Callable[[], dict] | None = None, **_options) -> None:
        self.stream = stream
        self.rules = rules
        self.count = 0
        self.used: dict[str, int] = {}  # rule code -> index in driver.rules
        self.seen: dict[str, object] = {}  # rule code -> a finding, for unknown rules
        self.notifications: list[dict] = []

    def start(self) -> None:
        self.stream.write(f'{{"$schema": "{SCHEMA_URI}", "version": "2.1.0", "runs": [{{"results": [')

    def file(self, result) -> None:
        uri = artifact_uri(result.path)
        if result.error:
            self.notifications.append({
                "level": "error",
                "message": {"text": result.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
        for f in result.findings:
            self.stream.write(",\n" if self.count else "\n")
            self.stream.write(json.dumps(self._result(f, uri), ensure_ascii=False))
            self.count += 1

    def _result(self, f, uri: str) -> dict:
        index = self.used.setdefault(f.rule, len(self.used))
        self.seen.setdefault(f.rule, f)
        region = {
            "startLine": f.line, "startColumn": f.column,
            "endLine": f.end_line, "endColumn": f.end_column,
            "charOffset": f.offset, "charLength": f.end_offset - f.offset,
            "snippet": {"text": f.excerpt},
        }
        out = {
            "ruleId": f.rule,
            "ruleIndex": index,
            "level": LEVELS[str(f.severity)],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
            "properties": {"category": f.category, "template": f.template, "arguments": f.details},
        }
        fixes = [fix for fix in f.fixes if fix.applicable]  # a display-only fix is no change to make
        if fixes:
            out["fixes"] = [self._fix(fix, uri) for fix in fixes]
        return out

    @staticmethod
    def _fix(fix, uri: str) -> dict:
        edits = fix.edits
        replacement = edits[0].replacement if len(edits) == 1 else "\n"
        if replacement:
            what = f"Replace with “{replacement}”" if "\n" not in replacement else "Replace"
        else:
            what = "Remove"
        safe = fix.applicability is SAFE
        return {
            "description": {"text": f"{what} ({'safe' if safe else 'unsafe: review it'})"},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{
                    "deletedRegion": {"charOffset": e.offset, "charLength": e.end_offset - e.offset},
                    "insertedContent": {"text": e.replacement},
                } for e in edits],
            }],
            "properties": {"safe": safe, "applicability": fix.applicability.value},
        }

    def _rule(self, code: str, known: dict) -> dict:
        rule = known.get(code)
        if rule is None:  # a rule this run's configuration does not describe
            f = self.seen[code]
            return {"id": code, "name": f.name, "shortDescription": {"text": f.name},
                    "properties": {"category": f.category}}
        help_text = rule.describe()
        return {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": (rule.doc.strip() or rule.summary)},
            "help": {"text": help_text, "markdown": _markdown(rule)},
            "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
            "properties": {"category": rule.category, "fixable": rule.fixable,
                           "tags": [rule.category]},
        }

    def finish(self, summary) -> None:
        known = self.rules() if (self.rules and self.used) else {}
        driver = {
            "name": "lintnews",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [self._rule(code, known) for code in self.used],
        }
        invocation = {"executionSuccessful": not summary.errors}
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        tail = {"tool": {"driver": driver}, "invocations": [invocation],
                "columnKind": "unicodeCodePoints"}
        self.stream.write("\n], " if self.count else "], ")
        self.stream.write(json.dumps(tail, ensure_ascii=False)[1:])
        self.stream.write("]}\n")


def _markdown(rule) -> str:
    lines = [f"**{rule.code} {rule.name}** ({rule.category}, {rule.severity})", "", rule.summary]
    if rule.doc.strip():
        lines += ["", rule.doc.strip()]
    fire = [e.text.strip() for e in rule.examples if e.fires]
    quiet = [e.text.strip() for e in rule.examples if not e.fires]
    if fire:
        lines += ["", "Reported:"] + [f"- {t}" for t in fire]
    if quiet:
        lines += ["", "Not reported:"] + [f"- {t}" for t in quiet]
    return "\n".join(lines)
