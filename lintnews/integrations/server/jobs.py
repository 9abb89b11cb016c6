"""The work behind each HTTP request, as pure functions a worker process can run.

Every function takes plain data (the request's fields, the server's base
`Config`) and returns plain data; nothing is kept between calls except what
lintnews itself caches per process (the compiled rules). Linting and fixing
go through the same code as `lintnews check`: `lint_text`, the JSON reporter,
`fixes.select_edits` and `fixes.apply_edits`.
"""
from __future__ import annotations

import io

from lintnews import lint_text
from dataclasses import replace
from lintnews.config import Config, ConfigError, parse_table
from lintnews.integrations.server.languagetool import (
    RequestError, any_language, config_for, detect, parse_check, response)

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any

#: Keys a request's own `config` may not set: they name files on the server.
_SERVER_ONLY = ("rules",)


def watch_parent(parent: int, interval: float = 0.5) -> None:
    """A worker's initializer: end this worker when the server that started it
    is gone. A spawned worker that is busy when the server stops (a check past
    its time limit, a server killed) would otherwise live on as an orphan."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="lintnews-parent-watch", daemon=True).start()


def warm(_: Any = None) -> bool:
    """Compile the rules once in a fresh worker, before the first request waits for it."""
    lint_text("Officials in kyiv said so.")
    return True


def languagetool_check(fields: dict[str, str], base: Config, rule_url: str | None = None) -> dict:
    """POST /v2/check: LanguageTool's answer for a form's fields; `rule_url`
    (`http://host/rules/{code}`) links each match's rule."""
    from lintnews.engine.lint import build_rules

    request = parse_check(fields)
    rules = build_rules(base.rule_folders()).by_code
    config = config_for(request, base, set(rules))
    detected = detect(request, config.language_detector)
    if not detected.english:
        config = any_language(config, rules)
    findings = _lint(request.text, config, "<text>", "plain") if config is not None else []
    return response(request, findings, rules, detected, rule_url)


def native_lint(body: Any, base: Config) -> str:
    """POST /api/lint: the `lintnews-report/1` document, exactly as `check --format json` writes it."""
    from lintnews.report.json import Reporter
    from lintnews.engine.findingset import FindingSet
    from lintnews.engine.results import FileResult, Summary

    text, filename, config = _native_request(body, base)
    findings = _lint(text, config, filename, None)
    result = FileResult(filename, FindingSet.of(text, findings))
    summary = Summary()
    summary.add(result)
    out = io.StringIO()
    reporter = Reporter(out)
    reporter.start()
    reporter.file(result)
    reporter.finish(summary)
    return out.getvalue()


def apply_suggestions(body: Any) -> dict:
    """POST /api/apply: the text with the chosen suggestions applied (the review page's result).

    `edits` are suggestions as the report gives them (`offset`, `end_offset`,
    `replacement`, in code points); overlapping ones are resolved as `--fix`
    resolves them, and the answer says which were applied.
    """
    from lintnews.engine.fixes import PlacedEdit, apply_edits, select_edits

    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise RequestError("the body must be a JSON object with a string 'text'")
    text = body["text"]
    raw = body.get("edits", [])
    if not isinstance(raw, list):
        raise RequestError("'edits' must be a list")
    edits = []
    for item in raw:
        try:
            start, end, new = int(item["offset"]), int(item["end_offset"]), item["replacement"]
        except (KeyError, TypeError, ValueError):
            raise RequestError("each edit needs 'offset', 'end_offset' and 'replacement'") from None
        if not isinstance(new, str) or not 0 <= start <= end <= len(text):
            raise RequestError(f"edit {start}-{end} is outside the text")
        edits.append(PlacedEdit(start, end, new))
    chosen = select_edits(edits)
    return {"text": apply_edits(text, chosen), "applied": len(chosen), "skipped": len(set(edits)) - len(chosen)}


def _native_request(body: Any, base: Config) -> tuple[str, str, Config]:
    if not isinstance(body, dict):
        raise RequestError("the body must be a JSON object: {\"text\": ..., \"filename\"?: ..., \"config\"?: {...}}")
    text, filename, table = body.get("text"), body.get("filename", "<text>"), body.get("config")
    if not isinstance(text, str):
        raise RequestError("'text' must be a string")
    if not isinstance(filename, str) or not filename or len(filename) > 1000:
        raise RequestError("'filename' must be a file name")
    config = base
    if table is not None:
        if not isinstance(table, dict):
            raise RequestError("'config' must be an object, like [tool.lintnews] in pyproject.toml")
        for key in _SERVER_ONLY:
            if key in table:
                raise RequestError(f"'config.{key}' names files on the server; set it in the server's own configuration")
        try:
            config = replace(base, **parse_table(table, "the request's config"))
        except ConfigError as exc:
            raise RequestError(str(exc)) from None
    return text, filename, config


def _lint(text: str, config: Config, filename: str, fmt: str | None):
    try:
        return lint_text(text, config, filename, fmt)
    except ConfigError as exc:
        raise RequestError(str(exc)) from None
