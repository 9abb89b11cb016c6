"""`lintnews server` with real clients: language_tool_python, httpx, raw sockets.

One server runs for the module (a subprocess on a free loopback port); a
second one, with a token, CORS and a small size limit, checks the options.
"""
from __future__ import annotations

import json
import os
import socket

import httpx
import jsonschema
import pytest

from conftest import ROOT
from server_process import ServerProcess

SCHEMA = json.loads((ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8"))
# Our own short damaged text: an emoji (two UTF-16 units) before a lowercase name.
EMOJI_TEXT = "Residents 😀🇺🇦 of kyiv cheered as the Kiev mayor spoke.\n"
TOKEN = "s3cret-token-for-tests-0123456789"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check(server, **fields) -> httpx.Response:
    return httpx.post(server.url + "/v2/check", data=fields, timeout=30)


def test_language_tool_python_gets_matches_with_replacements(server, tmp_path, monkeypatch):
    import language_tool_python
    from language_tool_python import download_lt, utils

    def no_download(*args, **kwargs):  # a guard: the client must never fetch LanguageTool
        raise AssertionError("language_tool_python tried to download LanguageTool")

    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    monkeypatch.setattr(download_lt.LocalLanguageTool, "download", no_download)
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        matches = tool.check(EMOJI_TEXT)
        found = [(m.rule_id, EMOJI_TEXT[m.offset:m.offset + m.error_length], m.replacements)
                 for m in matches]
        assert found == [("LN201", "kyiv", ["Kyiv"]), ("LN202", "Kiev", ["Kyiv"])]
        assert matches[0].category == "CAPITALIZATION"
        assert matches[0].rule_issue_type == "misspelling"
        assert "proper noun" in matches[0].message
        assert utils.correct(EMOJI_TEXT, matches) == EMOJI_TEXT.replace("kyiv", "Kyiv").replace("Kiev", "Kyiv")
    finally:
        tool.close()
    assert not (tmp_path / "ltp").exists()


def test_offsets_count_utf16_code_units(server):
    body = check(server, text=EMOJI_TEXT, language="auto").json()
    assert body["software"]["name"] == "lintnews"
    assert body["language"]["code"] == "en-US"
    first = body["matches"][0]
    start = EMOJI_TEXT.index("kyiv")
    assert (first["offset"], first["length"]) == (utf16(EMOJI_TEXT[:start]), 4)
    assert first["offset"] == start + 3  # three astral characters before it, one extra unit each
    encoded = EMOJI_TEXT.encode("utf-16-le")
    assert encoded[2 * first["offset"]:2 * (first["offset"] + first["length"])].decode("utf-16-le") == "kyiv"
    ctx = first["context"]
    assert ctx["text"].encode("utf-16-le")[2 * ctx["offset"]:2 * (ctx["offset"] + ctx["length"])] \
        .decode("utf-16-le") == "kyiv"
    assert first["sentence"] == EMOJI_TEXT.strip()
    assert first["type"] == {"typeName": "UnknownWord"}
    assert first["rule"]["category"] == {"id": "CAPITALIZATION", "name": "Capital letters"}
    assert set(first) >= {"message", "shortMessage", "replacements", "offset", "length", "context",
                          "sentence", "type", "rule"}


def test_a_wider_fix_widens_the_match_so_the_replacement_applies(server):
    text = "The talks went on.\nExit mobile version\nThe mayor left.\n"
    body = check(server, text=text, language="en-GB").json()
    [boiler] = [m for m in body["matches"] if m["rule"]["category"]["id"] == "BOILERPLATE"]
    start, end = boiler["offset"], boiler["offset"] + boiler["length"]
    assert "Exit mobile version" in text[start:end]
    fixed = text[:start] + boiler["replacements"][0]["value"] + text[end:]
    assert fixed == "The talks went on.\nThe mayor left.\n"


def test_annotation_data_offsets_count_the_markup(server):
    data = {"annotation": [{"markup": "<p>"}, {"text": "Officials in 🎉 "}, {"markup": "<b>"},
                           {"text": "kyiv"}, {"markup": "</b>"}, {"text": " said so."},
                           {"markup": "</p>", "interpretAs": "\n\n"}]}
    body = check(server, data=json.dumps(data), language="en-US").json()
    original = "<p>Officials in 🎉 <b>kyiv</b> said so.</p>"
    [m] = body["matches"]
    assert m["rule"]["id"] == "LN201"
    assert m["offset"] == utf16(original[:original.index("kyiv")]) and m["length"] == 4
    assert m["replacements"] == [{"value": "Kyiv"}]


def test_rule_and_category_selection(server):
    both = {m["rule"]["id"] for m in check(server, text=EMOJI_TEXT, language="en").json()["matches"]}
    assert both == {"LN201", "LN202"}

    def ids(**fields):
        return [m["rule"]["id"] for m in check(server, text=EMOJI_TEXT, language="en", **fields).json()["matches"]]

    assert ids(disabledRules="LN201,WHITESPACE_RULE") == ["LN202"]  # unknown LanguageTool ids are ignored
    assert ids(enabledRules="LN202", enabledOnly="true") == ["LN202"]
    assert ids(disabledCategories="CAPITALIZATION") == ["LN202"]
    assert ids(enabledCategories="TRANSLITERATION", enabledOnly="true") == ["LN202"]


def test_level_picky_adds_notes(server):
    text = "Officials said  that the mayor of kyiv came.\n"  # a doubled space is a note (info)
    default = [m["rule"]["id"] for m in check(server, text=text, language="en").json()["matches"]]
    picky = check(server, text=text, language="en", level="picky").json()["matches"]
    assert default == ["LN201"]
    assert [(m["rule"]["id"], m["offset"], m["length"], m["replacements"]) for m in picky] == [
        ("LN603", 14, 2, [{"value": " "}]), ("LN201", 34, 4, [{"value": "Kyiv"}])]


def test_languages_and_health(server):
    langs = httpx.get(server.url + "/v2/languages").json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in langs
    assert httpx.get(server.url + "/health").json()["status"] == "ok"


def test_native_api_writes_the_cli_json_report(server, run_cli):
    text = "Officials in kyiv said.\n\nExit mobile version\n"
    response = httpx.post(server.url + "/api/lint", json={"text": text, "filename": "story.md"})
    assert response.status_code == 200
    report = response.json()
    jsonschema.validate(report, SCHEMA)
    cli = json.loads(run_cli("check", "--format", "json", "--stdin-filename", "story.md", "-", stdin=text).stdout)
    assert report["files"][0]["findings"] == cli["files"][0]["findings"]
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["LN201", "LN301"]
    configured = httpx.post(server.url + "/api/lint", json={"text": text, "config": {"ignore": ["LN3"]}}).json()
    assert [f["rule"] for f in configured["files"][0]["findings"]] == ["LN201"]


def test_apply_uses_the_fix_resolution_of_the_cli(server):
    body = {"text": "in kyiv and kyiv", "edits": [
        {"offset": 3, "end_offset": 7, "replacement": "Kyiv"},
        {"offset": 3, "end_offset": 5, "replacement": "XX"},  # overlaps the first: skipped
        {"offset": 12, "end_offset": 16, "replacement": "Kyiv"}]}
    assert httpx.post(server.url + "/api/apply", json=body).json() == {
        "text": "in Kyiv and Kyiv", "applied": 2, "skipped": 1}


@pytest.mark.parametrize("path, kwargs, message", [
    ("/v2/check", {"data": {"language": "en-US"}}, "exactly one"),
    ("/v2/check", {"data": {"language": "en-US", "text": "a", "data": "{}"}}, "exactly one"),
    ("/v2/check", {"data": {"language": "en-US", "data": "{not json"}}, "not valid JSON"),
    ("/v2/check", {"data": {"language": "en-US", "data": '{"annotation": [{"x": 1}]}'}}, "'text' or 'markup'"),
    ("/v2/check", {"data": {"text": "a"}}, "'language' is required"),
    ("/v2/check", {"data": {"text": "a", "language": "en", "level": "loud"}}, "level"),
    ("/v2/check", {"content": b"text=\xff\xfe&language=en",
                   "headers": {"content-type": "application/x-www-form-urlencoded"}}, "UTF-8"),
    ("/v2/check", {"content": b'{"text": "a"}', "headers": {"content-type": "application/json"}}, "form-encoded"),
    ("/api/lint", {"content": b'{"text": '}, "not valid UTF-8 JSON"),
    ("/api/lint", {"json": ["text"]}, "JSON object"),
    ("/api/lint", {"json": {"text": 5}}, "'text' must be a string"),
    ("/api/lint", {"json": {"text": "a", "config": {"colour": "red"}}}, "unknown key 'colour'"),
    ("/api/lint", {"json": {"text": "a", "config": {"select": ["ZZ9"]}}}, "not a rule code"),
    ("/api/lint", {"json": {"text": "a", "config": {"rules": ["/etc"]}}}, "server's own configuration"),
    ("/api/apply", {"json": {"text": "ab", "edits": [{"offset": 1, "end_offset": 9, "replacement": ""}]}},
     "outside the text"),
])
def test_malformed_requests_get_400_with_a_clear_error(server, path, kwargs, message):
    response = httpx.post(server.url + path, timeout=30, **kwargs)
    assert response.status_code == 400, response.text
    if path.startswith("/v2/"):  # LanguageTool's API: plain text, as LanguageTool answers
        assert response.headers["content-type"].startswith("text/plain")
        assert response.text.startswith("Error: ") and message in response.text
    else:
        assert response.json()["status"] == 400
        assert message in response.json()["error"]


def test_a_30_mb_body_gets_413_and_the_server_keeps_serving(server):
    big = b"text=" + b"a" * (30 * 1024 * 1024) + b"&language=en"
    response = httpx.post(server.url + "/v2/check", content=big, timeout=60,
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413
    assert response.text.startswith("Error: ") and "limit of 2000000 bytes" in response.text
    # without a Content-Length (chunked), the limit holds while reading
    def chunks():
        for _ in range(40):
            yield b"a" * 100_000

    response = httpx.post(server.url + "/api/lint", content=chunks(), timeout=60)
    assert response.status_code == 413
    assert check(server, text="Officials in kyiv said.", language="en").json()["matches"][0]["rule"]["id"] == "LN201"


def test_a_malformed_http_request_is_refused_and_the_server_keeps_serving(server):
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n")
        assert sock.recv(1000).startswith(b"HTTP/1.1 400")
    assert httpx.get(server.url + "/health").status_code == 200


def test_access_log_is_json_lines_without_article_text(server):
    marker = "Zyxwvutsrqp"
    check(server, text=f"{marker} said in kyiv.", language="en")
    httpx.get(server.url + "/v2/check", params={"text": marker, "language": "en"})
    log = server.read_log()
    assert marker not in log
    entries = [json.loads(line) for line in log.splitlines()]
    assert entries[0]["event"] == "listening"
    checks = [e for e in entries if e.get("path") == "/v2/check" and e.get("status") == 200]
    assert checks and set(checks[-1]) == {"time", "client", "method", "path", "status", "bytes_in",
                                         "bytes_out", "ms"}
    assert "Traceback" not in log


def test_rule_documentation_is_served(server):
    doc = httpx.get(server.url + "/rules/ln201")
    assert doc.status_code == 200 and doc.text.startswith("LN201")
    assert httpx.get(server.url + "/rules/LN999").status_code == 404


def test_no_cors_headers_unless_an_origin_is_configured(server):
    response = httpx.post(server.url + "/api/lint", json={"text": "a"},
                          headers={"origin": "https://cms.example.org"})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers


def test_token_cors_and_size_limit_options(tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    proc = ServerProcess("--token-file", str(token_file), "--cors-origin", "https://cms.example.org",
                         "--max-bytes", "1000")
    try:
        url = proc.url
        assert httpx.post(url + "/api/lint", json={"text": "a"}).status_code == 401
        assert httpx.post(url + "/v2/check", data={"text": "a", "language": "en"}).status_code == 401
        auth = {"authorization": f"Bearer {TOKEN}"}
        assert httpx.post(url + "/api/lint", json={"text": "in kyiv"}, headers=auth).status_code == 200
        assert httpx.post(url + "/v2/check", data={"text": "in kyiv", "language": "en",
                                                   "apiKey": TOKEN}).status_code == 200
        assert httpx.get(url + "/health").status_code == 200
        big = httpx.post(url + "/api/lint", json={"text": "x" * 2000}, headers=auth)
        assert big.status_code == 413 and big.json()["status"] == 413
        preflight = httpx.options(url + "/api/lint", headers={
            "origin": "https://cms.example.org", "access-control-request-method": "POST",
            "access-control-request-headers": "authorization,content-type"})
        assert preflight.headers["access-control-allow-origin"] == "https://cms.example.org"
        other = httpx.post(url + "/api/lint", json={"text": "a"},
                           headers={**auth, "origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    finally:
        log = proc.stop()
    assert TOKEN not in log and "Traceback" not in log


def test_time_limit_per_request():
    proc = ServerProcess("--timeout", "0.001")
    try:
        # about a second of work (1.7 MB), a thousand times the limit even on a busy machine
        text = "Officials in kyiv said the talks would resume next week.\n" * 30000
        response = httpx.post(proc.url + "/api/lint", json={"text": text}, timeout=60)
        assert response.status_code == 503
        assert "longer than" in response.json()["error"]
        assert httpx.get(proc.url + "/health").status_code == 200
    finally:
        log = proc.stop()
    assert "Traceback" not in log


def test_refuses_a_public_address_without_a_token(run_cli):
    result = run_cli("server", "--host", "0.0.0.0", "--port", "0")
    assert result.returncode == 2
    assert "without --token-file" in result.stderr and "Traceback" not in result.stderr


def test_the_browser_extensions_second_pass_gets_no_duplicates(server):
    # LanguageTool's browser extension sends each text twice: mode=allButTextLevelOnly, then textLevelOnly
    first = check(server, text=EMOJI_TEXT, language="auto", mode="allButTextLevelOnly").json()["matches"]
    second = check(server, text=EMOJI_TEXT, language="auto", mode="textLevelOnly").json()["matches"]
    assert [m["rule"]["id"] for m in first] == ["LN201", "LN202"] and second == []


def test_a_bad_configuration_stops_the_server_before_it_listens(run_cli, tmp_path):
    (tmp_path / ".lintnews.toml").write_text('style = "tabloid-shouting"\n', encoding="utf-8")
    result = run_cli("server", "--port", "0", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown style 'tabloid-shouting'" in result.stderr and "Traceback" not in result.stderr


def test_a_worker_ends_when_the_server_that_started_it_is_gone(tmp_path):
    """A busy worker of a server that was killed does not live on as an orphan."""
    import subprocess
    import sys
    import time

    script = (
        "import multiprocessing, os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from lintnews.integrations.server import jobs\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context('spawn'),\n"
        "                               initializer=jobs.watch_parent, initargs=(os.getpid(), 0.1))\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    pool.submit(time.sleep, 60)  # busy, as a check past its time limit is\n"
        "    time.sleep(0.3)\n"
        "    os._exit(0)  # the server killed: no shutdown of the pool\n"
    )
    (tmp_path / "server.py").write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, str(tmp_path / "server.py")], capture_output=True, text=True,
                         timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    worker = int(out.stdout.split()[0])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, 9)
        raise AssertionError("the worker outlived its server")
