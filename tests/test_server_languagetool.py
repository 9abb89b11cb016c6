"""`lintnews server` against LanguageTool's own clients and serializer, request by request.

- ltex-ls and LTeX+ (LanguageToolHttpInterface.kt) send a form-encoded body
  labelled `Content-Type: application/json`, through Java's HttpClient, which
  also offers an HTTP/2 upgrade (`Upgrade: h2c`) on a plain-http connection.
- LanguageTool's browser extension sends its form with XMLHttpRequest and no
  Content-Type of its own, so the browser labels it `text/plain;charset=UTF-8`.
- The answer has the fields LanguageTool's `RuleMatchesAsJsonSerializer`
  writes, with the same JSON types.
The requests are built here byte for byte, from those clients' own code.
"""
from __future__ import annotations

import http.client
import json
from urllib.parse import quote, quote_plus

import httpx
import pytest

# Our own short texts: an emoji (two UTF-16 units) before the damaged name.
ARTICLE = "Residents 😀 of kyiv cheered.\n"
GERMAN = ("Sehr geehrte Damen und Herren, vielen Dank für Ihre Nachricht. Wir melden uns "
          "in der nächsten Woche bei Ihnen, sobald die Unterlagen vollständig sind.\n")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def java_urlencode(value: str) -> str:
    """java.net.URLEncoder.encode(value, "utf-8"): letters, digits and `.-*_` kept, space as `+`."""
    return quote_plus(value, safe="*").replace("~", "%7E")


def encode_uri_component(value: str) -> str:
    """JavaScript's encodeURIComponent."""
    return quote(value, safe="!'()*-._~")


def raw_post(server, path: str, headers: list[tuple[str, str]], body: bytes) -> tuple[int, dict, bytes]:
    """POST exactly these headers and body (http.client adds none of its own)."""
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        conn.putrequest("POST", path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers:
            conn.putheader(name, value.replace("{host}", f"{host}:{port}"))
        conn.endheaders(body)
        reply = conn.getresponse()
        return reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read()
    finally:
        conn.close()


def ltex_request(server, fields: dict[str, str], path: str = "/v2/check") -> tuple[int, dict, bytes]:
    """ltex-ls's request: createRequestBody's form, sent by java.net.http.HttpClient.newHttpClient()."""
    body = "&".join(f"{java_urlencode(k)}={java_urlencode(v)}" for k, v in fields.items()).encode("utf-8")
    headers = [  # what Java's HttpClient (HTTP_2 preferred, plain http) sends, in its order
        ("Connection", "Upgrade, HTTP2-Settings"),
        ("Content-Length", str(len(body))),
        ("Host", "{host}"),
        ("HTTP2-Settings", "AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA"),
        ("Upgrade", "h2c"),
        ("User-Agent", "Java-http-client/17.0.9"),
        ("Content-Type", "application/json"),  # set by LanguageToolHttpInterface, though the body is a form
    ]
    return raw_post(server, path, headers, body)


def test_ltex_ls_exact_request_gets_matches_in_utf16_of_the_annotated_document(server):
    # a LaTeX paragraph as LTeX annotates it: markup, markup read as text, plain text
    annotation = [
        {"text": "Residents 😀 of "},
        {"markup": "\\textbf{"},
        {"text": "kyiv"},
        {"markup": "}"},
        {"text": " met "},
        {"markup": "\\cite{un}", "interpretAs": "officials"},
        {"text": " in Kiev.\n"},
    ]
    document = "".join(item.get("text", item.get("markup", "")) for item in annotation)
    fields = {"language": "en-US", "data": json.dumps({"annotation": annotation}, ensure_ascii=False),
              "motherTongue": "de-DE", "level": "picky", "enabledRules": "LN201"}
    status, headers, body = ltex_request(server, fields)
    assert status == 200, body
    assert headers["content-type"].startswith("application/json")
    matches = json.loads(body)["matches"]
    found = []
    for m in matches:
        units = document.encode("utf-16-le")
        found.append((m["rule"]["id"], units[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le"),
                      [r["value"] for r in m["replacements"]]))
        assert isinstance(m["sentence"], str)  # ltex-ls reads it with asString
    assert found == [("LN201", "kyiv", ["Kyiv"]), ("LN202", "Kiev", ["Kyiv"])]
    assert matches[0]["offset"] == utf16("Residents 😀 of \\textbf{")


@pytest.mark.parametrize("path", ["/v2/check", "//v2/check"])
def test_ltex_plus_with_a_trailing_slash_in_its_setting(server, path):
    # LTeX+ joins `uriString + "/v2/check"`: "http://127.0.0.1:8081/" gives //v2/check
    status, _headers, body = ltex_request(server, {"language": "en-US", "data": json.dumps(
        {"annotation": [{"text": ARTICLE}]})}, path)
    assert status == 200, body
    assert [(m["rule"]["id"], m["offset"]) for m in json.loads(body)["matches"]] == [
        ("LN201", utf16("Residents 😀 of "))]


def extension_request(server, fields: list[tuple[str, str]]) -> tuple[int, dict, bytes]:
    """The browser extension's request: XMLHttpRequest.send(params) with a string and no
    Content-Type set, which the browser sends as text/plain;charset=UTF-8."""
    body = "&".join(f"{k}={v}" for k, v in fields).encode("utf-8")
    headers = [("Host", "{host}"), ("Content-Length", str(len(body))),
               ("Content-Type", "text/plain;charset=UTF-8"), ("Accept", "*/*"),
               ("Origin", "chrome-extension://oldceeleldhonbafppcapldpdifcinji")]
    return raw_post(server, "/v2/check", headers, body)


def test_browser_extension_data_request(server):
    # webextension/bs/common.js (getCheckResult): the fields in its order, values as it encodes them
    data = json.dumps({"text": ARTICLE, "metaData": {"EmailToAddress": "", "FullName": ""}}, separators=(",", ":"))
    status, _headers, body = extension_request(server, [
        ("disabledRules", "WHITESPACE_RULE"), ("useragent", "webextension-chrome"),
        ("data", encode_uri_component(data)), ("language", "auto"),
        ("preferredVariants", "en-GB,de-DE,pt-PT,ca-ES")])
    assert status == 200, body
    answer = json.loads(body)
    assert answer["language"]["code"] == "en-GB" and answer["language"]["detectedLanguage"]["code"] == "en-GB"
    (m,) = answer["matches"]
    assert (m["rule"]["id"], m["offset"], m["length"]) == ("LN201", utf16("Residents 😀 of "), 4)
    # the popup reads the error out of the context: context.text.substr(context.offset, length)
    context = m["context"]["text"].encode("utf-16-le")
    start = 2 * m["context"]["offset"]
    assert context[start:start + 2 * m["length"]].decode("utf-16-le") == "kyiv"


def test_browser_extension_annotated_data_request_twice(server):
    # the extension's annotated text of an HTML field, checked in its two passes
    annotation = [{"text": "Residents 😀 of "}, {"markup": "<b>"}, {"text": "kyiv"}, {"markup": "</b>"},
                  {"markup": "<br>", "interpretAs": "\n"}, {"text": "Officials said so.\n"}]
    document = "".join(item.get("text", item.get("markup", "")) for item in annotation)
    data = encode_uri_component(json.dumps({"annotation": annotation}, separators=(",", ":")))
    answers = []
    for mode in ("allButTextLevelOnly", "textLevelOnly"):
        status, _headers, body = extension_request(server, [
            ("data", data), ("textSessionId", "1234:5678"), ("enableHiddenRules", "true"),
            ("level", "default"), ("language", "auto"), ("noopLanguages", "de,fr"),
            ("preferredLanguages", "en,de"), ("preferredVariants", "en-US,de-DE"),
            ("mode", mode), ("allowIncompleteResults", "true"), ("useragent", "webextension-chrome-ng")])
        assert status == 200, body
        answers.append(json.loads(body))
    first, second = answers
    (m,) = first["matches"]
    assert m["offset"] == utf16("Residents 😀 of <b>") and m["length"] == 4
    assert m["context"]["text"] == document.replace("\n", " ")  # LanguageTool shows the document, markup and all
    assert m["context"]["offset"] == utf16("Residents 😀 of <b>")
    assert second["matches"] == []
    assert first["sentenceRanges"] == [[0, utf16("Residents 😀 of <b>kyiv")],
                                       [utf16(document) - len("Officials said so.\n"), utf16(document) - 1]]


@pytest.mark.parametrize("content_type", [None, "application/json", "text/plain;charset=UTF-8",
                                          "application/x-www-form-urlencoded; charset=utf-8"])
def test_a_post_body_is_a_form_whatever_its_content_type(server, content_type):
    headers = {"content-type": content_type} if content_type else {}
    response = httpx.post(server.url + "/v2/check", content=f"language=en&text={quote(ARTICLE)}".encode(),
                          headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    assert [m["rule"]["id"] for m in response.json()["matches"]] == ["LN201"]


def test_the_query_string_overrides_the_body_as_in_languagetool(server):
    response = httpx.post(server.url + "/v2/check?language=en-GB", data={"language": "en-US", "text": ARTICLE},
                          timeout=30)
    assert response.json()["language"]["code"] == "en-GB"


# LanguageTool's RuleMatchesAsJsonSerializer (languagetool-core, org.languagetool.tools): every
# field it writes and its JSON type. "?" marks a field it writes only sometimes.
STR, INT, NUM, BOOL = str, int, (int, float), bool
LANGUAGETOOL_RESPONSE = {
    "software": {"name": STR, "version": STR, "buildDate": STR, "apiVersion": INT, "premium": BOOL,
                 "premiumHint?": STR, "status": STR},
    "warnings": {"incompleteResults": BOOL, "incompleteResultsReason?": STR},
    "language": {"name": STR, "code": STR, "spellCheckOnly?": BOOL,
                 "detectedLanguage": {"name": STR, "code": STR, "confidence": NUM, "spellCheckOnly?": BOOL,
                                      "source": STR}},
    "matches": [{
        "message": STR, "shortMessage?": STR,
        "replacements": [{"value": STR, "shortDescription?": STR, "suffix?": STR, "type?": STR,
                          "autoCorrect?": BOOL, "confidence?": NUM}],
        "offset": INT, "length": INT,
        "context": {"text": STR, "offset": INT, "length": INT},
        "sentence?": STR,
        "type": {"typeName": STR},
        "rule": {"id": STR, "subId?": STR, "sourceFile?": STR, "description": STR, "issueType": STR,
                 "tempOff?": BOOL, "urls?": [{"value": STR}], "category": {"id": STR, "name": STR},
                 "isPremium?": BOOL, "tags?": [STR]},
        "ignoreForIncompleteSentence": BOOL, "contextForSureMatch": INT,
    }],
    "hiddenMatches?": list,
    "ignoreRanges?": [{"from": INT, "to": INT, "language": {"code": STR}}],
    "sentenceRanges": [[INT]],
    "extendedSentenceRanges": [{"from": INT, "to": INT, "detectedLanguages": [{"language": STR, "rate": NUM}]}],
}


def differences(value, spec, where: str = "") -> list[str]:
    """Where `value` departs from LanguageTool's field list and types."""
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            return [f"{where or '(top)'}: an object expected, got {type(value).__name__}"]
        out = []
        names = {key.rstrip("?"): key for key in spec}
        for key, sub in spec.items():
            name = key.rstrip("?")
            if name in value:
                out += differences(value[name], sub, f"{where}.{name}")
            elif not key.endswith("?"):
                out.append(f"{where}.{name}: missing")
        out += [f"{where}.{name}: not a LanguageTool field" for name in value if name not in names]
        return out
    if isinstance(spec, list):
        if not isinstance(value, list):
            return [f"{where}: a list expected, got {type(value).__name__}"]
        return [d for item in value for d in (differences(item, spec[0], f"{where}[]") if spec else [])]
    if isinstance(value, bool) and spec is not BOOL:
        return [f"{where}: a boolean where LanguageTool writes {spec}"]
    return [] if isinstance(value, spec) else [f"{where}: {type(value).__name__}, not {spec}"]


@pytest.mark.parametrize("fields", [
    {"text": ARTICLE + "He said  “so ” .\n", "language": "en-US", "level": "picky"},
    {"data": json.dumps({"annotation": [{"markup": "<p>"}, {"text": ARTICLE}, {"markup": "</p>"}]}),
     "language": "auto"},
])
def test_the_answer_has_languagetools_fields_and_types(server, fields):
    response = httpx.post(server.url + "/v2/check", data=fields, timeout=30)
    answer = response.json()
    assert response.headers["content-type"].startswith("application/json")
    assert differences(answer, LANGUAGETOOL_RESPONSE) == []
    assert len(answer["matches"]) >= 1
    # every match names its rule's documentation, which the server serves
    for m in answer["matches"]:
        (url,) = m["rule"]["urls"]
        assert url["value"].endswith(f"/rules/{m['rule']['id']}")
        assert httpx.get(url["value"], timeout=30).status_code == 200
    assert answer["software"]["buildDate"][:2] == "20"
    assert all(len(r) == 2 and r[0] <= r[1] for r in answer["sentenceRanges"])
    assert [[e["from"], e["to"]] for e in answer["extendedSentenceRanges"]] == answer["sentenceRanges"]


def test_the_field_check_catches_a_departure():
    # the comparison itself: a null buildDate, a missing source, an extra field
    answer = {"software": {"name": "x", "version": "1", "buildDate": None, "apiVersion": 1, "premium": False,
                           "status": ""},
              "warnings": {"incompleteResults": False},
              "language": {"name": "E", "code": "en", "detectedLanguage": {"name": "E", "code": "en",
                                                                           "confidence": 1.0}},
              "matches": [], "sentenceRanges": [], "extendedSentenceRanges": [], "extra": 1}
    assert differences(answer, LANGUAGETOOL_RESPONSE) == [
        ".software.buildDate: NoneType, not <class 'str'>",
        ".language.detectedLanguage.source: missing",
        ".extra: not a LanguageTool field"]


def test_a_german_text_under_auto_is_german_and_gets_no_untranslated_finding(server):
    answer = httpx.post(server.url + "/v2/check", data={"text": GERMAN, "language": "auto",
                                                       "preferredVariants": "en-US,de-DE"}, timeout=30).json()
    detected = answer["language"]["detectedLanguage"]
    assert (detected["code"], detected["name"]) == ("de-DE", "German (Germany)")
    assert detected["confidence"] >= 0.8 and detected["source"] == "langdetect"
    assert answer["language"]["code"] == "de-DE"
    assert answer["matches"] == []
    # with language=en the client asked for English: the passage is untranslated
    english = httpx.post(server.url + "/v2/check", data={"text": GERMAN, "language": "en-US"}, timeout=30).json()
    assert [m["rule"]["id"] for m in english["matches"]] == ["LN103"]


def test_a_foreign_text_under_auto_keeps_the_findings_of_any_language(server):
    # a Latin word with a Cyrillic look-alike letter is damage in German text too
    text = GERMAN.replace("Nachricht", "Nachriсht")  # Cyrillic с
    answer = httpx.post(server.url + "/v2/check", data={"text": text, "language": "auto"}, timeout=30).json()
    assert answer["language"]["detectedLanguage"]["code"] == "de"
    assert [m["rule"]["id"] for m in answer["matches"]] == ["LN101"]


def test_an_english_text_with_a_foreign_sentence_stays_english(server):
    text = ("Officials met in Berlin on Monday to discuss the talks. One of them told reporters that "
            "the meeting went well and that more talks were planned. “Wir melden uns in der nächsten Woche "
            "bei Ihnen,” he said.\n")
    answer = httpx.post(server.url + "/v2/check", data={"text": text, "language": "auto"}, timeout=30).json()
    assert answer["language"]["detectedLanguage"]["code"] == "en-US"


@pytest.mark.parametrize("fields, message", [
    ({"text": "a"}, "'language' is required"),
    ({"text": "a", "data": "{}", "language": "en"}, "exactly one"),
    ({"data": '{"text": "a", "annotation": []}', "language": "en"}, "not both"),
    ({"data": '{"annotation": [{"text": "a", "markup": "<b>"}]}', "language": "en"}, "not both"),
])
def test_errors_are_plain_text_as_languagetool_sends_them(server, fields, message):
    response = httpx.post(server.url + "/v2/check", data=fields, timeout=30)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text.startswith("Error: ") and message in response.text


def test_a_display_only_hint_is_no_replacement(server):
    # LN101 on a Cyrillic initial knows the Latin letter only as a hint; LN201's fix is a replacement
    text = "Officials in kyiv met the explorer \u0412. K. Arsenyev.\n"
    answer = httpx.post(server.url + "/v2/check", data={"text": text, "language": "en-US"}, timeout=30).json()
    assert [(m["rule"]["id"], [r["value"] for r in m["replacements"]]) for m in answer["matches"]] == [
        ("LN201", ["Kyiv"]), ("LN101", [])]
    assert "write the Latin “B.”" in answer["matches"][1]["message"]
