"""GitHub Actions workflow commands, so findings appear as annotations on a pull request.

    ::error file=news/kyiv.md,line=3,col=14,endLine=3,endColumn=18,title=LN201::“kyiv” is a proper noun: write “Kyiv”.

Severity maps to the command: error → `error`, warning → `warning`,
info → `notice`. A finding over several lines has no `col` and `endColumn`:
GitHub takes columns only within one line. Values are escaped by the workflow-command rules: `%`, CR
and LF everywhere, and also `:` and `,` inside properties.
"""
from __future__ import annotations

from lintnews.report.base import BaseReporter
from lintnews.report.wording import shown

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}\n"


class Reporter(BaseReporter):
    def file(self, result) -> None:
        if result.error:
            self.stream.write(command("error", {"file": result.path, "title": "lintnews"}, result.error))
        for f in result.findings:
            message = f.message
            fix = next((x.edits[0] for x in f.fixes if len(x.edits) == 1), None)
            if fix is not None and fix.replacement and "\n" not in fix.replacement:
                message += f" Suggested fix: {shown(fix.replacement)}."
            elif fix is not None and not fix.replacement:
                message += " Suggested fix: remove it."
            where = {"file": result.path, "line": f.line, "col": f.column,
                     "endLine": f.end_line, "endColumn": f.end_column}
            if f.end_line != f.line:
                del where["col"], where["endColumn"]
            self.stream.write(command(_COMMAND[str(f.severity)], {**where, "title": f.rule}, message))

    def finish(self, summary) -> None:
        pass
