"""The HTTP application: routes, limits, the bearer token, CORS and access logs.

Requests are read here, bounded in size, and handed as plain data to
`jobs` in a pool of worker processes (`workers`), so linting never blocks the
event loop and never shares state between requests. Each request gets a time
limit, and a job past it is stopped with its worker. Only the host names in
`Settings.allowed_hosts` are answered (DNS rebinding cannot reach a server on
localhost). Every failure is a JSON error (`{"error": ..., "status": ...}`),
never a traceback: a body nested too deep or holding a lone surrogate is a
400. LanguageTool's API (/v2/) answers its failures in plain text
(`Error: ...`), as LanguageTool does. The access log is one JSON object per
line and never contains the
text of an article (nor the query string, which may carry it).
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from contextlib import asynccontextmanager
from importlib import resources
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lintnews import __version__
from dataclasses import dataclass
from lintnews.config import Config
from lintnews.integrations.server import jobs
from lintnews.integrations.server.languagetool import LANGUAGES, RequestError
from lintnews.integrations.server.workers import Busy, JobFailed, Pool

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any, Callable

access_log = logging.getLogger("lintnews.integrations.server.access")
error_log = logging.getLogger("lintnews.integrations.server.error")

#: Static files of the review page (package data next to this module, and
#: the HTML report's stylesheet, whose category colours the page reuses).
_STATIC = {
    "/review.js": ("lintnews.integrations.server", "review.js", "text/javascript; charset=utf-8"),
    "/review.css": ("lintnews.integrations.server", "review.css", "text/css; charset=utf-8"),
    "/report.css": ("lintnews.report", "html_report.css", "text/css; charset=utf-8"),
}


@dataclass(frozen=True)
class Settings:
    config: Config = Config()
    max_bytes: int = 2_000_000
    timeout: float = 30.0
    workers: int = 2
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    #: Host names (the `Host` header, without port) this server answers; "*" for any.
    allowed_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")


class HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise HTTPError(400, "bad Content-Length")
        if int(declared) > limit:
            raise HTTPError(413, f"the request is larger than the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPError(413, f"the request is larger than the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def form_fields(body: bytes, query: str) -> dict[str, str]:
    """LanguageTool's form fields: the body read as a form whatever its Content-Type
    (ltex-ls labels its form application/json, the browser extension's comes as
    text/plain), then the query string's fields on top, as LanguageTool reads them."""
    fields: dict[str, str] = {}
    for source in (body, query):
        try:
            raw = source.decode("utf-8") if isinstance(source, bytes) else source
            parsed = parse_qs(raw, keep_blank_values=True, max_num_fields=200, errors="strict")
        except (UnicodeDecodeError, ValueError):
            raise HTTPError(400, "the form is not valid UTF-8 form-encoded data") from None
        fields.update({k: v[0] for k, v in parsed.items()})
    return fields


async def json_body(request: Request, limit: int) -> Any:
    body = await read_body(request, limit)
    return parse_json(body, "the body")


def parse_json(data: bytes | str, what: str) -> Any:
    """JSON from a client: a 400 for bad UTF-8, bad JSON, nesting too deep or a lone surrogate."""
    try:
        value = json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
    except (UnicodeDecodeError, ValueError):
        raise HTTPError(400, f"{what} is not valid UTF-8 JSON") from None
    except RecursionError:
        raise HTTPError(400, f"{what} is nested too deeply") from None
    try:  # "\ud800" is valid JSON, but no text can hold a lone surrogate
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise HTTPError(400, f"{what} holds a lone surrogate (\\ud800-\\udfff), which is not text") from None
    except RecursionError:
        raise HTTPError(400, f"{what} is nested too deeply") from None
    return value


def create_app(settings: Settings) -> Starlette:
    pool = Pool(settings.workers)

    def authorised(request: Request, fields: dict[str, str] | None = None) -> bool:
        if settings.token is None:
            return True
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if not given and fields:  # LanguageTool clients send their key as a form field
            given = fields.get("apiKey", "")
        return hmac.compare_digest(given.encode(), settings.token.encode())

    def endpoint(handler: Callable, guarded: bool = True) -> Callable:
        async def run(request: Request) -> Response:
            try:
                if guarded and request.url.path.startswith("/api/") and not authorised(request):
                    raise HTTPError(401, "a bearer token is required (Authorization: Bearer TOKEN)")
                return await handler(request)
            except HTTPError as exc:
                return error(exc.status, str(exc))
            except RequestError as exc:
                return error(400, str(exc))
            except Busy as exc:
                return error(503, str(exc))
            except JobFailed as exc:
                error_log.error(json.dumps({"event": "error", "path": request.url.path, "error": str(exc)}))
                return error(500, "internal error")
            except Exception as exc:  # a bug: answer 500, log one line, keep serving
                error_log.error(json.dumps({"event": "error", "path": request.url.path,
                                            "error": type(exc).__name__}))
                return error(500, "internal error")
        return run

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "name": "lintnews", "version": __version__})

    async def languages(request: Request) -> Response:
        return JSONResponse(LANGUAGES)

    def languagetool_endpoint(handler: Callable) -> Callable:
        """A route of LanguageTool's API: its errors are plain text (`Error: ...`), as LanguageTool sends them."""
        json_errors = endpoint(handler, False)

        async def run(request: Request) -> Response:
            response = await json_errors(request)
            if response.status_code < 400 or not isinstance(response, JSONResponse):
                return response
            message = json.loads(response.body).get("error", "")
            return Response(f"Error: {message}\n", status_code=response.status_code,
                            media_type="text/plain; charset=utf-8", headers=_extra_headers(response))
        return run

    async def check(request: Request) -> Response:
        body = await read_body(request, settings.max_bytes) if request.method == "POST" else b""
        fields = form_fields(body, request.url.query)
        if not authorised(request, fields):
            raise HTTPError(401, "a bearer token or apiKey is required")
        if "data" in fields:  # its JSON is read in the worker; what would crash it is refused here
            try:
                parse_json(fields["data"], "the data field")
            except HTTPError as exc:
                if "not valid" not in str(exc):
                    raise
        rule_url = str(request.base_url).rstrip("/") + "/rules/{code}"
        return JSONResponse(await pool.run(settings.timeout, jobs.languagetool_check, fields, settings.config,
                                           rule_url))

    async def lint(request: Request) -> Response:
        body = await json_body(request, settings.max_bytes)
        report = await pool.run(settings.timeout, jobs.native_lint, body, settings.config)
        return Response(report, media_type="application/json")

    async def apply(request: Request) -> Response:
        body = await json_body(request, settings.max_bytes)
        return JSONResponse(await pool.run(settings.timeout, jobs.apply_suggestions, body))

    async def rule_doc(request: Request) -> Response:
        from lintnews.engine.lint import build_rules

        code = request.path_params["code"].upper()
        rule = build_rules(settings.config.rule_folders()).by_code.get(code)
        if rule is None:
            raise HTTPError(404, f"no rule {code}")
        return Response(rule.describe() + "\n", media_type="text/plain; charset=utf-8")

    async def page(request: Request) -> Response:
        from lintnews.report.html import CATEGORY_LABELS, SEVERITY_LABELS
        from lintnews.report.wording import MARK_NAMES

        html = resources.files("lintnews.integrations.server").joinpath("review.html").read_text(encoding="utf-8")
        labels = json.dumps({"categories": CATEGORY_LABELS, "severities": SEVERITY_LABELS, "marks": MARK_NAMES},
                            ensure_ascii=False)
        html = html.replace("{version}", __version__).replace("{labels}", labels.replace("<", "\\u003c"))
        return Response(html, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": "default-src 'self'; object-src 'none'"})

    async def static(request: Request) -> Response:
        package, name, media = _STATIC[request.url.path]
        return Response(resources.files(package).joinpath(name).read_text(encoding="utf-8"), media_type=media)

    routes = [
        Route("/health", endpoint(health, False)),
        # "//v2/...": a client that joins its setting "http://host:8081/" and "/v2/check" (LTeX+)
        *(Route(prefix + "/v2/languages", languagetool_endpoint(languages)) for prefix in ("", "/")),
        *(Route(prefix + "/v2/check", languagetool_endpoint(check), methods=["GET", "POST"])
          for prefix in ("", "/")),
        Route("/api/lint", endpoint(lint), methods=["POST"]),
        Route("/api/apply", endpoint(apply), methods=["POST"]),
        Route("/rules/{code}", endpoint(rule_doc, False)),
        Route("/", endpoint(page, False)),
        *(Route(path, endpoint(static, False)) for path in _STATIC),
    ]

    @asynccontextmanager
    async def lifespan(app):
        await pool.warm()
        try:
            yield
        finally:
            pool.stop()

    middleware = [Middleware(AccessLog)]
    if "*" not in settings.allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts)))
    if settings.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                     allow_methods=["GET", "POST"],
                                     allow_headers=["Authorization", "Content-Type"]))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.pool = pool
    return app


def _extra_headers(response: Response) -> dict[str, str]:
    """The headers of `response` other than its body's (a Retry-After, say)."""
    return {k: v for k, v in response.headers.items() if k.lower() not in ("content-type", "content-length")}


class AccessLog:
    """One JSON line per request: method, path, status, sizes, time. Never the body or query."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        state = {"status": 500, "in": 0, "out": 0}

        async def counting_receive():
            message = await receive()
            if message["type"] == "http.request":
                state["in"] += len(message.get("body", b""))
            return message

        async def counting_send(message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
            elif message["type"] == "http.response.body":
                state["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, counting_send)
        finally:
            client = scope.get("client") or ("", 0)
            access_log.info(json.dumps({
                "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "client": client[0], "method": scope.get("method"), "path": scope.get("path"),
                "status": state["status"], "bytes_in": state["in"], "bytes_out": state["out"],
                "ms": round((time.perf_counter() - start) * 1000, 1),
            }))
