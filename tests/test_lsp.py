"""`lintnews lsp` driven by a real client: a JSON-RPC client of our own over the server's stdio.

The client speaks the Language Server Protocol's framing (Content-Length
headers) to a `python -m lintnews lsp` subprocess, opens a Markdown article
with an emoji before its damaged names, and applies the quick fixes it gets
back, counting positions in the encoding it negotiated (UTF-16 or UTF-32).
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytest.importorskip("pygls")

ARTICLE = "# Talks\n\nResidents 😀 of kyiv met the Kiev mayor.\n\nExit mobile version\n"


class Client:
    """A minimal LSP client: requests, notifications, and the server's messages in a queue."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen([sys.executable, "-m", "lintnews", "lsp", "--debounce", "0.2"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd, env=env)
        self.messages: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(out.read(length)))

    def shut_down(self) -> None:
        """The protocol's orderly end: shutdown, exit, and the server leaves with status 0."""
        assert self.request("shutdown", None) is None
        self.notify("exit", None)
        assert self.proc.wait(20) == 0

    def kill(self) -> str:
        """Stop the server if it still runs; its standard error."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        return self.proc.stderr.read().decode("utf-8", "replace")

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict | None) -> object:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, predicate, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(message)
            if message.get("method") == "window/logMessage":
                continue
            if "method" in message and "id" in message:  # a request from the server: answer it
                self.send({"id": message["id"], "result": None})
            if predicate(message):
                return message
        raise AssertionError(f"no such message within {timeout} s; got {self.seen[-5:]}")

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri
                            and (version is None or m["params"].get("version") == version))
        return message["params"]["diagnostics"]


def offset(text: str, position: dict, encoding: str) -> int:
    """The str index of an LSP position (this test's own count, not lintnews's)."""
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[:position["line"]])
    line = lines[position["line"]]
    units = 0
    for i, ch in enumerate(line):
        if units >= position["character"]:
            return before + i
        units += len(ch.encode("utf-16-le")) // 2 if encoding == "utf-16" else 1
    return before + len(line)


def apply(text: str, edits: list[dict], encoding: str) -> str:
    spans = sorted(((offset(text, e["range"]["start"], encoding), offset(text, e["range"]["end"], encoding),
                     e["newText"]) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / ".lintnews.toml").write_text('ignore = ["LN3"]\n', encoding="utf-8")
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("offered, encoding", [(None, "utf-16"), (["utf-32", "utf-16"], "utf-32")])
def test_diagnostics_and_quick_fixes(workspace, offered, encoding):
    client = Client(workspace)
    uri = (workspace / "story.md").as_uri()
    capabilities = {"textDocument": {"publishDiagnostics": {"versionSupport": True},
                                     "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                                         "valueSet": ["quickfix", "source.fixAll"]}}}}}
    if offered:
        capabilities["general"] = {"positionEncodings": offered}
    try:
        init = client.request("initialize", {"processId": os.getpid(), "rootUri": workspace.as_uri(),
                                             "capabilities": capabilities})
        assert init["capabilities"]["positionEncoding"] == encoding
        assert init["serverInfo"]["name"] == "lintnews"
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})

        # on open: the two name findings; the boilerplate line is ignored by the workspace's .lintnews.toml
        diags = client.diagnostics(uri, 1)
        assert [(d["code"], d["severity"], d["source"]) for d in diags] == [
            ("LN201", 1, "lintnews"), ("LN202", 2, "lintnews")]
        kyiv = diags[0]
        column = 16 if encoding == "utf-16" else 15  # "Residents 😀 of ": the emoji is 2 UTF-16 units
        assert kyiv["range"] == {"start": {"line": 2, "character": column},
                                 "end": {"line": 2, "character": column + 4}}
        assert kyiv["codeDescription"]["href"].endswith("/rules/LN201")
        assert "proper noun" in kyiv["message"]

        # the quick fix for kyiv, then "fix all safe problems"
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": kyiv["range"],
            "context": {"diagnostics": [kyiv], "only": ["quickfix"]}})
        titles = [a["title"] for a in actions]
        assert titles == ["LN201: replace “kyiv” with “Kyiv”", "Fix all safe problems in this file (lintnews)"]
        assert actions[0]["isPreferred"] is True and actions[0]["kind"] == "quickfix"
        fixed = apply(ARTICLE, actions[0]["edit"]["changes"][uri], encoding)
        assert fixed == ARTICLE.replace("kyiv", "Kyiv")
        everything = apply(ARTICLE, actions[1]["edit"]["changes"][uri], encoding)
        assert everything == ARTICLE.replace("kyiv", "Kyiv").replace("Kiev", "Kyiv")
        source = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": kyiv["range"],
            "context": {"diagnostics": [], "only": ["source.fixAll"]}})
        assert [a["kind"] for a in source] == ["source.fixAll.lintnews"]

        # on change (debounced: two quick edits, one run, for the last version)
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                 "contentChanges": [{"text": ARTICLE + "x"}]})
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                                 "contentChanges": [{"text": fixed}]})
        assert [d["code"] for d in client.diagnostics(uri, 3)] == ["LN202"]
        assert not [m for m in client.seen if m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == 2]

        # on save, and again when the workspace configuration changes
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert [d["code"] for d in client.diagnostics(uri, 3)] == ["LN202"]
        (workspace / ".lintnews.toml").write_text('ignore = ["LN3", "LN202"]\n', encoding="utf-8")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": (workspace / ".lintnews.toml").as_uri(), "type": 2}]})
        assert client.diagnostics(uri, 3) == []

        client.shut_down()
    finally:
        stderr = client.kill()
    assert "Traceback" not in stderr, stderr


def test_utf8_is_used_when_the_client_prefers_it(workspace):
    client = Client(workspace)
    uri = (workspace / "story.md").as_uri()
    try:
        init = client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(),
                                             "capabilities": {"general": {"positionEncodings": ["utf-8"]}}})
        assert init["capabilities"]["positionEncoding"] == "utf-8"
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})
        kyiv = client.diagnostics(uri, 1)[0]
        assert kyiv["range"]["start"] == {"line": 2, "character": len("Residents 😀 of ".encode("utf-8"))}
        client.shut_down()
    finally:
        client.kill()


def test_incremental_changes_and_fix_all_as_separate_edits(workspace):
    client = Client(workspace)
    uri = (workspace / "notes.md").as_uri()
    # U+2028 is no line break for the protocol (pygls's own copy splits lines there)
    opened = "# Talks\u2028Notes\n\nThe mayor spoke.\n"
    try:
        init = client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(),
                                             "capabilities": {"textDocument": {
                                                 "publishDiagnostics": {"versionSupport": True}}}})
        assert init["capabilities"]["textDocumentSync"]["change"] == 2  # TextDocumentSyncKind.Incremental
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": opened}})
        assert client.diagnostics(uri, 1) == []

        # typing: a new line after the heading, then a word inside the last line, each sent as the change alone
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
             "text": "Residents 😀 of kyiv cheered.\n"}]})
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 3, "character": 4}, "end": {"line": 3, "character": 4}},
             "text": "Kiev "}]})
        text = "# Talks\u2028Notes\nResidents 😀 of kyiv cheered.\n\nThe Kiev mayor spoke.\n"
        diags = client.diagnostics(uri, 3)
        assert [(d["code"], d["range"]) for d in diags] == [
            ("LN201", {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 20}}),
            ("LN202", {"start": {"line": 3, "character": 4}, "end": {"line": 3, "character": 8}})]

        # fix all: one small edit per change, not one edit over both lines
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diags[0]["range"],
            "context": {"diagnostics": [], "only": ["source.fixAll"]}})
        edits = actions[0]["edit"]["changes"][uri]
        assert [(e["range"]["start"]["line"], e["range"]["end"]["line"]) for e in edits] == [(1, 1), (3, 3)]
        assert all(len(e["newText"]) <= 3 for e in edits)
        assert apply(text, edits, "utf-16") == text.replace("kyiv", "Kyiv").replace("Kiev", "Kyiv")

        # a replacement over a line break, then a whole-document change, still agree with the client
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [
            {"range": {"start": {"line": 1, "character": 28}, "end": {"line": 3, "character": 0}}, "text": " "}]})
        assert [d["range"]["start"] for d in client.diagnostics(uri, 4)] == [
            {"line": 1, "character": 16}, {"line": 1, "character": 33}]
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5},
                                                 "contentChanges": [{"text": "In Kiev.\n"}]})
        assert [d["range"]["start"] for d in client.diagnostics(uri, 5)] == [{"line": 0, "character": 3}]
        client.shut_down()
    finally:
        stderr = client.kill()
    assert "Traceback" not in stderr, stderr


def test_minimal_edits_rebuild_the_new_text_with_one_small_edit_per_change():
    from hypothesis import given, settings, strategies as st

    from lintnews.integrations.lsp import minimal_edits

    def rebuilt(old, edits):
        for start, end, new in reversed(edits):
            old = old[:start] + new + old[end:]
        return old

    old = "Residents 😀 of kyiv met the Kiev mayor .\nThe end.\n"
    new = "Residents 😀 of Kyiv met the Kyiv mayor.\nThe end.\n"
    kiev, space = old.index("Kiev"), old.index(" .")
    assert minimal_edits(old, new) == [(old.index("kyiv"), old.index("kyiv") + 1, "K"),
                                       (kiev + 1, kiev + 3, "yi"), (space, space + 1, "")]
    assert minimal_edits(old, old) == []

    @settings(max_examples=300, deadline=None)
    @given(st.text("ab c,.\né😀", max_size=30), st.text("ab c,.\né😀", max_size=30))
    def check(a, b):
        edits = minimal_edits(a, b)
        assert rebuilt(a, edits) == b
        assert all(e1[1] < e2[0] for e1, e2 in zip(edits, edits[1:]))  # in order, apart

    check()
def _started(workspace) -> "Client":
    client = Client(workspace)
    client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(), "capabilities": {}})
    client.notify("initialized", {})
    return client


def test_a_range_on_line_minus_one_gets_an_invalid_params_error(workspace):
    client = _started(workspace)
    try:
        uri = (workspace / "story.md").as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})
        client.diagnostics(uri)
        client.send({"id": 99, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 1}},
            "context": {"diagnostics": []}}})
        reply = client.wait(lambda m: m.get("id") == 99 and "method" not in m)
        assert reply["error"]["code"] == -32602
        client.shut_down()  # and the server still answers
    finally:
        client.kill()


def test_exit_without_shutdown_is_status_1(workspace):
    client = _started(workspace)
    try:
        client.notify("exit", None)
        assert client.proc.wait(20) == 1
    finally:
        client.kill()


def test_a_long_one_line_document_is_answered(workspace):
    client = _started(workspace)
    try:
        uri = (workspace / "long.md").as_uri()
        text = "Officials in kyiv said so. " * 4000  # 100 KB on one line, thousands of findings
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        diagnostics = client.diagnostics(uri)
        assert len(diagnostics) >= 4000 and diagnostics[-1]["range"]["start"]["line"] == 0
        end = {"line": 0, "character": len(text)}
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": end},
            "context": {"diagnostics": [], "only": ["source.fixAll"]}})
        assert actions and actions[0]["edit"]["changes"][uri]
        client.shut_down()
    finally:
        client.kill()


@pytest.mark.parametrize("disabled_support", [True, False])
def test_a_display_only_fix_is_a_disabled_action_or_none(workspace, disabled_support):
    client = Client(workspace)
    text = "The explorer \u0412. K. Arsenyev mapped the coast.\n"
    uri = (workspace / "initial.md").as_uri()
    code_action = {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}}
    if disabled_support:
        code_action["disabledSupport"] = True
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": workspace.as_uri(),
                                      "capabilities": {"textDocument": {"codeAction": code_action}}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        (initial,) = client.diagnostics(uri)
        assert initial["code"] == "LN101"
        assert initial["data"]["template"] == "initial-or-name"
        assert initial["data"]["arguments"]["latin"] == "B"
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": initial["range"],
            "context": {"diagnostics": [initial], "only": ["quickfix"]}})
        if disabled_support:  # shown, never an edit
            assert [(a["title"], "edit" in a, "reason" in a["disabled"]) for a in actions] == [
                ("LN101: write “B” (a hint)", False, True), ("LN101: write “V” (a hint)", False, True)]
        else:
            assert actions == []
        client.shut_down()
    finally:
        stderr = client.kill()
    assert "Traceback" not in stderr, stderr
