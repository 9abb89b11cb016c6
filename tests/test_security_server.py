"""The server on a network (issue 25): slow senders, hostile bodies, DNS rebinding, runaway checks."""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

from lintnews.integrations.server.languagetool import sentence  # noqa: E402
from lintnews.integrations.server.workers import Busy, Pool  # noqa: E402

from conftest import ROOT  # noqa: E402
from server_process import ServerProcess  # noqa: E402


@pytest.fixture(scope="module")
def strict_server():
    proc = ServerProcess("--header-timeout", "1")
    yield proc
    log = proc.stop()
    assert "Traceback" not in log, log


def test_half_sent_headers_are_timed_out(strict_server):
    host, port = strict_server.url.rsplit("/", 1)[1].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b"GET /health HTTP/1.1\r\nHo")
        started = time.monotonic()
        assert conn.recv(100) == b""  # closed by the server, not by our 30 s timeout
        assert time.monotonic() - started < 25


def test_a_kept_alive_connection_that_stalls_is_closed_too(strict_server):
    host, port = strict_server.url.rsplit("/", 1)[1].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        reply = b""
        while not reply.endswith(b"}"):  # the whole answer: headers, then the JSON body
            chunk = conn.recv(1000)
            assert chunk, reply
            reply += chunk
        assert b"200 OK" in reply
        conn.sendall(b"GET /health HTTP/1.1\r\nHo")
        assert conn.recv(100) == b""


def test_an_unknown_host_header_is_refused(strict_server):
    rebound = httpx.get(strict_server.url + "/health", headers={"Host": "attacker.example"}, timeout=30)
    assert rebound.status_code == 400
    assert httpx.get(strict_server.url + "/health", headers={"Host": "localhost:1"}, timeout=30).status_code == 200


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"text": "a\\ud800b"}'])
def test_deep_or_surrogate_json_is_a_400(strict_server, body):
    response = httpx.post(strict_server.url + "/api/lint", content=body, timeout=30)
    assert response.status_code == 400, response.text
    assert response.json()["status"] == 400


@pytest.mark.parametrize("data", ['{"text": "a\\udc80"}', "[" * 100_000 + "]" * 100_000])
def test_a_hostile_data_field_is_a_400(strict_server, data):
    response = httpx.post(strict_server.url + "/v2/check", data={"language": "en-US", "data": data}, timeout=30)
    assert response.status_code == 400, response.text


def test_an_empty_token_file_is_a_message(tmp_path):
    token = tmp_path / "token"
    token.write_text("\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "lintnews", "server", "--token-file", str(token)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert "is empty" in done.stderr and "Traceback" not in done.stderr


def test_a_job_past_its_time_limit_is_stopped_with_its_worker():
    async def scenario():
        pool = Pool(1)
        try:
            before = await pool.run(120, os.getpid)
            with pytest.raises(Busy, match="stopped"):
                await pool.run(0.5, time.sleep, 600)
            after = await pool.run(120, os.getpid)  # answered: the sleeping job no longer holds it
            return before, after, len(pool.all)
        finally:
            pool.stop()

    before, after, workers = asyncio.run(scenario())
    assert before != after and workers == 1


def test_sentence_of_a_long_line_with_many_findings():
    line = "kyiv " * 2000
    assert sentence(line, 5, 9) == line[:1000].strip()  # bounded: not the whole line once per finding
    assert sentence(line, 5000, 5004) == line[4500:5500].strip()
    assert sentence("kyiv " * 100, 5, 9) == ("kyiv " * 100).strip()
    text = "First one. Officials in kyiv said so! Next"
    start = text.index("kyiv")
    assert sentence(text, start, start + 4) == "Officials in kyiv said so!"


def test_lsp_positions_agree_with_a_scan_and_cost_a_bisection():
    pytest.importorskip("pygls")
    from lintnews.integrations.lsp import PositionIndex
    from lintnews.text.positions import Lines

    text = "a😀b\r\nкийв 😀x\rz\n" + "kyiv " * 20_000
    for enc in ("utf-16", "utf-8", "utf-32"):
        fast, slow = PositionIndex(text, enc), Lines(text)
        for offset in list(range(0, 20)) + [len(text) - 3, len(text)]:
            assert fast.position(offset) == slow.position(offset, enc)
            line, character = slow.position(offset, enc)
            assert fast.offset(line, character) == slow.offset(line, character, enc)
        assert fast.offset(-1, 5) == 0 and fast.offset(99, 0) == len(text)
        assert fast.offset(0, 99) == slow.offset(0, 99, enc)
