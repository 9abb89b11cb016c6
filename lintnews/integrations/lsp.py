"""`lintnews lsp`: a language server on stdio for Markdown, plain text and HTML.

Diagnostics come on open, on save and on change (debounced), from
`lint_text` with the configuration `check` would use for the file
(pyproject.toml / .lintnews.toml found from the file's folder). A diagnostic's
`code` is the rule code, with `codeDescription` linking the rule's
documentation (by default the page `lintnews server` serves at
/rules/CODE; `--docs-url` sets another template). Code actions offer each
finding's suggestions, safe ones first, and "fix all safe problems in this
file", which runs the same `fixes.fix` as `check --fix`.

Positions are sent in the encoding agreed at initialisation: UTF-16 unless
the client offers UTF-8 or UTF-32 (pygls picks the client's first choice).
Documents sync incrementally: a client sends only what each keystroke
changed (whole-document changes work too). lintnews applies each change
itself, counting lines as the protocol does (`\n`, `\r\n`, `\r`), and hands
pygls the whole new text: pygls counts lines at more characters (U+2028,
U+0085, form feed ...), which scraped text holds, and would put an edit after
one in the wrong place. "Fix all" is one small edit per changed stretch, so
an editor keeps the cursor and the text between the fixes.

This module imports pygls only inside `main` and `build_server`, so the
command line can name the missing extra instead of failing with a traceback.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from lintnews import __version__

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Sequence

EXTRA_MISSING = ("lintnews lsp needs the optional packages pygls and lsprotocol: "
                 "pip install 'lintnews[lsp]'")
DEFAULT_DOCS_URL = "http://127.0.0.1:8081/rules/{code}"
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "plain", "text": "plain"}
CONFIG_FILES = ("pyproject.toml", ".lintnews.toml")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lintnews lsp", description=(
        "Run the lintnews language server on standard input and output."))
    p.add_argument("--docs-url", default=DEFAULT_DOCS_URL, metavar="TEMPLATE",
                   help="link of a rule's documentation; {code} is replaced by the rule code "
                        f"(default {DEFAULT_DOCS_URL}, served by `lintnews server`)")
    p.add_argument("--debounce", type=float, default=0.3, metavar="SECONDS",
                   help="wait this long after the last change before linting (default 0.3)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        sys.stderr.write(f"lintnews: error: {EXTRA_MISSING}\n")
        return 2
    args = build_parser().parse_args(argv)
    build_server(args.docs_url, args.debounce).start_io()
    return 0


def apply_changes(text: str, changes, encoding: str) -> str:
    """`text` after a didChange's changes, in order: a change with a range replaces
    that range (lines counted as the protocol counts them), one without replaces all."""
    from lintnews.text.positions import Lines

    for change in changes:
        where = getattr(change, "range", None)
        if where is None:
            text = change.text
            continue
        lines = Lines(text)
        start = lines.offset(where.start.line, where.start.character, encoding)
        end = max(start, lines.offset(where.end.line, where.end.character, encoding))
        text = text[:start] + change.text + text[end:]
    return text


def minimal_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits of `old`, in order and apart, turning it into `new`:
    one per changed stretch, each trimmed to the characters that change."""
    import difflib
    import re

    token = re.compile(r"\w+|\s+|[^\w\s]")
    a = [m.group() for m in token.finditer(old)]
    b = [m.group() for m in token.finditer(new)]
    at_a, at_b = [0], [0]
    for t in a:
        at_a.append(at_a[-1] + len(t))
    for t in b:
        at_b.append(at_b[-1] + len(t))
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start, end, new_start, new_end = at_a[i1], at_a[i2], at_b[j1], at_b[j2]
        while start < end and new_start < new_end and old[start] == new[new_start]:
            start, new_start = start + 1, new_start + 1
        while end > start and new_end > new_start and old[end - 1] == new[new_end - 1]:
            end, new_end = end - 1, new_end - 1
        edits.append((start, end, new[new_start:new_end]))
    return edits


def build_server(docs_url: str = DEFAULT_DOCS_URL, debounce: float = 0.3):
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.protocol import LanguageServerProtocol
    from pygls.protocol.language_server import lsp_method
    from pygls.uris import to_fs_path

    from lintnews import lint_text
    from lintnews.config import Config, ConfigError, config_for_folder, load_config
    from lintnews.finding import Severity
    from lintnews.engine.fixes import fix
    from lintnews.text.positions import Lines
    from lintnews.report.html import fix_text
    from lintnews.engine.rulefiles import RuleFileError

    severities = {Severity.ERROR: types.DiagnosticSeverity.Error,
                  Severity.WARNING: types.DiagnosticSeverity.Warning,
                  Severity.INFO: types.DiagnosticSeverity.Information}
    class Protocol(LanguageServerProtocol):
        @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
        def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
            """pygls's own handler, with the changes applied by `apply_changes`."""
            doc = self.workspace.get_text_document(params.text_document.uri)
            chosen = self.workspace.position_encoding or "utf-16"
            text = apply_changes(doc.source, params.content_changes, str(getattr(chosen, "value", chosen)))
            self.workspace.update_text_document(params.text_document,
                                                types.TextDocumentContentChangeWholeDocument(text=text))
            if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
                yield handler, (params,), None

    server = LanguageServer("lintnews", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                            protocol_cls=Protocol)
    pending: dict[str, asyncio.Task] = {}
    told: set[str] = set()  # configuration errors already shown

    def encoding() -> str:
        chosen = server.workspace.position_encoding or "utf-16"
        return str(getattr(chosen, "value", chosen))

    def lintable(doc) -> bool:
        if doc.language_id in LANGUAGE_FORMATS:
            return True
        from lintnews.markup import format_for

        name = Path(doc.path or doc.uri).name
        return name not in CONFIG_FILES and (format_for(name) != "plain" or name.endswith(".txt"))

    def config_of(doc) -> Config:
        if doc.path:
            return load_config(Path(doc.path))
        root = server.workspace.root_path
        return load_config(Path(root) if root else None)

    def lint_or_error(doc, text: str) -> tuple[list, str | None]:
        fmt = LANGUAGE_FORMATS.get(doc.language_id or "")
        try:
            return lint_text(text, config_of(doc), doc.path or doc.uri, fmt), None
        except (ConfigError, RuleFileError) as exc:
            return [], str(exc)

    def tell(problem: str | None) -> None:
        """Show a configuration error once (on the event loop's thread)."""
        if problem is not None and problem not in told:
            told.add(problem)
            server.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"lintnews: {problem}"))

    def lint(doc, text: str) -> list:
        findings, problem = lint_or_error(doc, text)
        tell(problem)
        return findings

    def to_range(lines: Lines, start: int, end: int) -> types.Range:
        enc = encoding()
        return types.Range(types.Position(*lines.position(start, enc)), types.Position(*lines.position(end, enc)))

    def diagnostic(f, lines: Lines) -> types.Diagnostic:
        return types.Diagnostic(
            range=to_range(lines, f.offset, f.end_offset),
            message=f.message,
            severity=severities[f.severity],
            code=f.rule,
            code_description=types.CodeDescription(href=docs_url.format(code=f.rule)),
            source="lintnews",
        )

    async def publish(uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        if uri not in server.workspace.text_documents:  # closed meanwhile
            return
        doc = server.workspace.get_text_document(uri)
        if not lintable(doc):
            return
        text, version = doc.source, doc.version
        findings, problem = await asyncio.get_running_loop().run_in_executor(None, lint_or_error, doc, text)
        tell(problem)
        current = server.workspace.text_documents.get(uri)
        if current is None or current.source != text:  # closed or edited meanwhile: a newer run publishes
            return
        lines = Lines(text)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[diagnostic(f, lines) for f in findings]))

    def schedule(uri: str, delay: float) -> None:
        old = pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.ensure_future(publish(uri, delay))
        pending[uri] = task
        task.add_done_callback(lambda t: pending.get(uri) is t and pending.pop(uri, None))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: types.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: types.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri, debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if Path(to_fs_path(uri) or uri).name in CONFIG_FILES:
            relint_all()
        else:
            schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: types.DidCloseTextDocumentParams) -> None:
        task = pending.pop(params.text_document.uri, None)
        if task is not None:
            task.cancel()
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(to_fs_path(c.uri) or c.uri).name in CONFIG_FILES for c in params.changes):
            relint_all()

    def relint_all() -> None:
        config_for_folder.cache_clear()  # a configuration file changed: find it again
        told.clear()
        for uri in list(server.workspace.text_documents):
            schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        doc = server.workspace.get_text_document(uri)
        if not lintable(doc):
            return []
        text = doc.source
        lines = Lines(text)
        enc = encoding()
        start = lines.offset(params.range.start.line, params.range.start.character, enc)
        end = lines.offset(params.range.end.line, params.range.end.character, enc)
        findings = lint(doc, text)
        only = params.context.only
        actions: list[types.CodeAction] = []

        def wanted(kind) -> bool:
            kind = kind.value
            return not only or any(kind == k or kind.startswith(f"{k}.") for k in (getattr(k, "value", k) for k in only))

        if wanted(types.CodeActionKind.QuickFix):
            here = [f for f in findings if f.offset <= end and start <= f.end_offset]
            quick = []
            for f in here:
                diag = diagnostic(f, lines)
                for n, s in enumerate(f.suggestions):
                    title = _title(f, s, fix_text)
                    quick.append((not s.safe, n, types.CodeAction(
                        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                        is_preferred=s.safe and n == 0,
                        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                            to_range(lines, s.offset, s.end_offset), s.replacement)]}))))
            actions.extend(a for _, _, a in sorted(quick, key=lambda item: (item[0], item[1])))
        fix_all = None
        if any(s.safe for f in findings for s in f.suggestions):
            outcome = fix(text, findings, lambda new: lint_or_error(doc, new)[0])
            if outcome.text != text:
                fix_all = types.WorkspaceEdit(changes={uri: [
                    types.TextEdit(to_range(lines, a, b), new) for a, b, new in minimal_edits(text, outcome.text)]})
        if fix_all is not None:
            title = "Fix all safe problems in this file (lintnews)"
            if wanted(types.CodeActionKind.QuickFix):
                actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, edit=fix_all))
            elif wanted(types.CodeActionKind.SourceFixAll):
                actions.append(types.CodeAction(title=title, kind=f"{types.CodeActionKind.SourceFixAll.value}.lintnews",
                                                edit=fix_all))
        return actions

    return server


def _title(f, s, fix_text) -> str:
    safe = "" if s.safe else " (check first)"
    if not s.replacement:
        return f"{f.rule}: remove this text{safe}"
    if s.offset == f.offset and s.end_offset == f.end_offset and "\n" not in s.replacement:
        from lintnews.report.wording import shown

        return f"{f.rule}: replace {shown(f.excerpt)} with {shown(s.replacement)}{safe}"
    described = fix_text(f)
    return f"{f.rule}: {described[0] if described else 'apply the suggested change'}{safe}"
