"""`lintnews lsp`: a language server on stdio for Markdown, plain text and HTML.

Diagnostics come on open, on save and on change (debounced), from
`lint_text` with the configuration `check` would use for the file
(pyproject.toml / .lintnews.toml found from the file's folder). A diagnostic's
`code` is the rule code, with `codeDescription` linking the rule's
documentation (by default the page `lintnews server` serves at
/rules/CODE; `--docs-url` sets another template), and its `data` the
finding's message template and arguments. Code actions offer each finding's
fixes, safe ones first, and "fix all safe problems in this file", which runs
the same `fixes.fix` as `check --fix`. A display-only fix (a hint lintnews
never applies) is offered as a disabled action with no edit when the client
shows disabled actions, and not at all when it does not.

Positions are sent in the encoding agreed at initialisation: UTF-16 unless
the client offers UTF-8 or UTF-32 (pygls picks the client's first choice).
Documents sync incrementally: a client sends only what each keystroke
changed (whole-document changes work too). lintnews applies each change
itself, counting lines as the protocol does (`\n`, `\r\n`, `\r`), and hands
pygls the whole new text: pygls counts lines at more characters (U+2028,
U+0085, form feed ...), which scraped text holds, and would put an edit after
one in the wrong place. "Fix all" is one small edit per changed stretch, so
an editor keeps the cursor and the text between the fixes.
They are converted through an index of the text's line starts and wide
characters (`PositionIndex`), so a one-line document with thousands of
findings costs a bisection per position, not a scan of its line; linting
runs in a thread, never on the event loop that answers the client.

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
#: The method a request with parameters of the wrong types is turned into, to answer it with an error.
INVALID_PARAMS = "lintnews/invalidParams"


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
    server = build_server(args.docs_url, args.debounce)
    server.start_io()
    return server.lintnews_exit_code  # 1 for `exit` without `shutdown`, as the protocol says


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


#: A changed line longer than this is given as one edit over its changed stretch,
#: not diffed word by word (the word diff grows with the square of the line).
WORD_DIFF_MAX = 2000


def minimal_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits of `old`, in order and apart, turning it into `new`:
    one per changed stretch, each trimmed to the characters that change.

    Lines are aligned first; a changed line is diffed word by word, or, when
    it is very long, given as one edit from its first to its last change."""
    import difflib

    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    starts_old, starts_new = [0], [0]
    for line in old_lines:
        starts_old.append(starts_old[-1] + len(line))
    for line in new_lines:
        starts_new.append(starts_new[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                a, b = old_lines[i1 + k], new_lines[j1 + k]
                if a != b:
                    edits.extend((starts_old[i1 + k] + x, starts_old[i1 + k] + y, r)
                                 for x, y, r in _line_edits(a, b))
            continue
        a, b = old[starts_old[i1]:starts_old[i2]], new[starts_new[j1]:starts_new[j2]]
        edits.extend((starts_old[i1] + x, starts_old[i1] + y, r) for x, y, r in _trimmed(a, b, 0, len(a), 0, len(b)))
    return edits


def _line_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """The edits of one changed line: word by word, or one trimmed edit for a very long line."""
    import difflib
    import re

    if max(len(old), len(new)) > WORD_DIFF_MAX:
        return _trimmed(old, new, 0, len(old), 0, len(new))
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
        if tag != "equal":
            edits.extend(_trimmed(old, new, at_a[i1], at_a[i2], at_b[j1], at_b[j2]))
    return edits


def _trimmed(old: str, new: str, start: int, end: int, new_start: int, new_end: int) -> list[tuple[int, int, str]]:
    """old[start:end] -> new[new_start:new_end] as one edit without its unchanged ends (none if equal)."""
    while start < end and new_start < new_end and old[start] == new[new_start]:
        start, new_start = start + 1, new_start + 1
    while end > start and new_end > new_start and old[end - 1] == new[new_end - 1]:
        end, new_end = end - 1, new_end - 1
    if start == end and new_start == new_end:
        return []
    return [(start, end, new[new_start:new_end])]


class PositionIndex:
    """(line, character) in an encoding <-> code-point offset, for one text.

    The characters wider than one unit (astral ones in UTF-16, non-ASCII ones
    in UTF-8) are listed once with a running sum of their extra units, so both
    directions are bisections; `Lines` gives the line starts.
    """

    def __init__(self, text: str, encoding: str) -> None:
        import re

        from lintnews.text.positions import Lines

        self.text, self.encoding, self.lines = text, encoding, Lines(text)
        self.wide: list[int] = []
        self.extra = [0]  # extra[k]: the extra units of the first k wide characters
        if encoding in ("utf-16", "utf-8"):
            wide = re.compile(r"[\U00010000-\U0010ffff]" if encoding == "utf-16" else r"[^\x00-\x7f]")
            total = 0
            for m in wide.finditer(text):
                self.wide.append(m.start())
                total += 1 if encoding == "utf-16" else len(m.group().encode("utf-8", "surrogatepass")) - 1
                self.extra.append(total)

    def _units_before(self, offset: int) -> int:
        from bisect import bisect_left

        return offset + self.extra[bisect_left(self.wide, offset)]

    def position(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        offset = max(0, min(offset, len(self.text)))
        starts = self.lines.starts
        line = bisect_right(starts, offset) - 1
        return line, self._units_before(offset) - self._units_before(starts[line])

    def offset(self, line: int, character: int) -> int:
        """The first offset of `line` at or past `character` units (clamped to the line)."""
        starts = self.lines.starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start, end = starts[line], self.lines.line_end(line)
        target = self._units_before(start) + max(character, 0)
        lo, hi = start, end
        while lo < hi:
            mid = (lo + hi) // 2
            if self._units_before(mid) >= target:
                hi = mid
            else:
                lo = mid + 1
        return lo


def build_server(docs_url: str = DEFAULT_DOCS_URL, debounce: float = 0.3):
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.protocol import LanguageServerProtocol
    from pygls.protocol.language_server import lsp_method
    from pygls.uris import to_fs_path

    from lintnews import lint_text
    from lintnews.config import Config, ConfigError, config_for_folder, load_config
    from lintnews.finding import SAFE, Severity
    from lintnews.engine.fixes import fix
    from lintnews.report.html import fix_text
    from lintnews.engine.rulefiles import RuleFileError

    severities = {Severity.ERROR: types.DiagnosticSeverity.Error,
                  Severity.WARNING: types.DiagnosticSeverity.Warning,
                  Severity.INFO: types.DiagnosticSeverity.Information}
    from pygls.exceptions import JsonRpcInvalidParams
    from pygls.protocol import JsonRPCRequestMessage

    class Protocol(LanguageServerProtocol):
        """pygls's protocol with two changes: document changes are applied by
        `apply_changes` (the protocol's line breaks), and a request whose
        parameters do not fit the protocol's types (a position on line -1) is
        answered with an InvalidParams error instead of being dropped unanswered."""

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

        def structure_message(self, data):
            try:
                return super().structure_message(data)
            except JsonRpcInvalidParams:
                if isinstance(data, dict) and "id" in data and "method" in data:
                    return JsonRPCRequestMessage(id=data["id"], method=INVALID_PARAMS, jsonrpc="2.0",
                                                 params=None)
                raise

    server = LanguageServer("lintnews", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                            protocol_cls=Protocol)
    server.lintnews_exit_code = 0
    shut_down: list[bool] = []

    @server.feature(INVALID_PARAMS)
    def invalid_params(ls, params) -> None:
        raise JsonRpcInvalidParams("invalid params: a value does not fit the protocol's types "
                                   "(a negative line or character?)")

    @server.feature(types.SHUTDOWN)
    def on_shutdown(ls, params) -> None:
        shut_down.append(True)

    @server.feature(types.EXIT)
    def on_exit(ls, params) -> None:
        server.lintnews_exit_code = 0 if shut_down else 1

    pending: dict[str, asyncio.Task] = {}
    told: set[str] = set()  # configuration errors already shown

    def encoding() -> str:
        chosen = server.workspace.position_encoding or "utf-16"
        return str(getattr(chosen, "value", chosen))

    def shows_disabled() -> bool:
        """Whether the client shows disabled code actions (a display-only fix)."""
        document = server.client_capabilities.text_document
        actions = document.code_action if document is not None else None
        return bool(actions is not None and actions.disabled_support)

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

    def index(text: str) -> PositionIndex:
        """The position index of `text` in the agreed encoding (the last one is kept)."""
        enc = encoding()
        known = last_index[0]
        if known is None or known.text is not text or known.encoding != enc:
            known = last_index[0] = PositionIndex(text, enc)
        return known

    last_index: list = [None]

    def to_range(lines: PositionIndex, start: int, end: int) -> types.Range:
        return types.Range(types.Position(*lines.position(start)), types.Position(*lines.position(end)))

    def diagnostic(f, lines: PositionIndex) -> types.Diagnostic:
        return types.Diagnostic(
            range=to_range(lines, f.offset, f.end_offset),
            message=f.message,
            severity=severities[f.severity],
            code=f.rule,
            code_description=types.CodeDescription(href=docs_url.format(code=f.rule)),
            source="lintnews",
            data={"template": f.template, "arguments": f.details},
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
        lines = await asyncio.get_running_loop().run_in_executor(None, index, text)
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
    async def code_action(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        doc = server.workspace.get_text_document(uri)
        if not lintable(doc):
            return []
        text = doc.source
        loop = asyncio.get_running_loop()
        lines = await loop.run_in_executor(None, index, text)
        start = lines.offset(params.range.start.line, params.range.start.character)
        end = lines.offset(params.range.end.line, params.range.end.character)
        findings, problem = await loop.run_in_executor(None, lint_or_error, doc, text)  # off the event loop
        tell(problem)
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
                for n, x in enumerate(f.fixes):
                    title = _title(f, x, fix_text)
                    if not x.applicable:
                        if shows_disabled():
                            quick.append((2, n, types.CodeAction(
                                title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                disabled=types.CodeActionDisabled(
                                    reason="a hint: lintnews does not make this change, check the text first"))))
                        continue
                    safe = x.applicability is SAFE
                    quick.append((0 if safe else 1, n, types.CodeAction(
                        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                        is_preferred=safe and n == 0,
                        edit=types.WorkspaceEdit(changes={uri: [
                            types.TextEdit(to_range(lines, e.offset, e.end_offset), e.replacement)
                            for e in x.edits]}))))
            actions.extend(a for _, _, a in sorted(quick, key=lambda item: (item[0], item[1])))
        fix_all = None
        if any(x.applicability is SAFE for f in findings for x in f.fixes):
            outcome = await loop.run_in_executor(None, fix, text, findings, lambda new: lint_or_error(doc, new)[0])
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


def _title(f, fix, fix_text) -> str:
    from lintnews.finding import DISPLAY_ONLY, SAFE

    safe = "" if fix.applicability is SAFE else " (check first)"
    if len(fix.edits) != 1:
        return f"{f.rule}: apply the suggested change{safe}"
    s = fix.edits[0]
    if fix.applicability is DISPLAY_ONLY and s.replacement:
        from lintnews.report.wording import shown

        return f"{f.rule}: write {shown(s.replacement)} (a hint)"
    if not s.replacement:
        return f"{f.rule}: remove this text{safe}"
    if s.offset == f.offset and s.end_offset == f.end_offset and "\n" not in s.replacement:
        from lintnews.report.wording import shown

        return f"{f.rule}: replace {shown(f.excerpt)} with {shown(s.replacement)}{safe}"
    described = fix_text(f)
    return f"{f.rule}: {described[0] if described else 'apply the suggested change'}{safe}"
