"""`lintnews server`: its options, the safety checks before binding, and the uvicorn run.

This module imports nothing optional at the top, so the command line can
load it and say which extra is missing instead of failing with a traceback.
"""
from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import socket
import sys
from pathlib import Path

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Sequence

EXTRA_MISSING = ("lintnews server needs the optional packages starlette and uvicorn: "
                 "pip install 'lintnews[server]'")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lintnews server", description=(
        "Serve LanguageTool's HTTP API (/v2/check, /v2/languages), lintnews's own JSON API "
        "(/api/lint) and a review page for editors (/)."))
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; any other needs --token-file)")
    p.add_argument("--port", type=int, default=8081, help="port (default 8081; 0 picks a free one)")
    p.add_argument("--token-file", metavar="FILE",
                   help="require 'Authorization: Bearer TOKEN' (or LanguageTool's apiKey field), "
                        "TOKEN being this file's first line")
    p.add_argument("--cors-origin", action="append", metavar="ORIGIN", default=[],
                   help="allow browser requests from this origin, e.g. https://cms.example.org (repeatable)")
    p.add_argument("--max-bytes", type=int, default=2_000_000, metavar="N",
                   help="largest request body accepted, in bytes (default 2000000); larger gets 413")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="time limit for one request's linting (default 30)")
    p.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1), metavar="N",
                   help="worker processes that lint (default: the number of cores, at most 4)")
    p.add_argument("--allow-host", action="append", metavar="NAME", default=[],
                   help="a host name clients may use in the Host header (repeatable; default: "
                        "localhost and the --host address; * allows any)")
    p.add_argument("--max-connections", type=int, default=1000, metavar="N",
                   help="open connections served at once; more get 503 (default 1000, at most "
                        "what the process may open)")
    p.add_argument("--header-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="close a connection whose request headers take longer than this (default 10)")
    p.add_argument("--config", metavar="FILE",
                   help="configuration file (default: found from the current folder as `check` finds it)")
    return p


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _fail(message: str) -> int:
    sys.stderr.write(f"lintnews: error: {message}\n")
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        return _fail(EXTRA_MISSING)
    from lintnews.config import ConfigError, load_config
    from lintnews.engine.lint import context_for
    from lintnews.engine.rulefiles import RuleFileError
    from lintnews.integrations.server.app import Settings, create_app

    args = build_parser().parse_args(argv)
    token = None
    if args.token_file:
        try:
            lines = Path(args.token_file).read_text(encoding="utf-8").strip().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"cannot read a token from {args.token_file}: {getattr(exc, 'strerror', None) or exc}")
        if not lines:
            return _fail(f"the token file {args.token_file} is empty: put a token of at least 16 "
                         "characters on its first line")
        token = lines[0].strip()
        if len(token) < 16:
            return _fail(f"the token in {args.token_file} is too short: use at least 16 characters")
    if not is_loopback(args.host) and token is None:
        return _fail(f"refusing to listen on {args.host} without --token-file: anyone on the "
                     "network could use the server")
    if (args.max_bytes < 1 or args.timeout <= 0 or args.workers < 1 or args.max_connections < 1
            or args.header_timeout <= 0):
        return _fail("--max-bytes, --timeout, --workers, --max-connections and --header-timeout "
                     "must be positive")
    try:
        config = load_config(Path.cwd(), None, Path(args.config) if args.config else None)
        context_for(config)  # an unknown style or rule code, a broken rule file: say so now
    except (ConfigError, RuleFileError) as exc:
        return _fail(str(exc))
    settings = Settings(config=config, max_bytes=args.max_bytes, timeout=args.timeout,
                        workers=args.workers, token=token, cors_origins=tuple(args.cors_origin),
                        allowed_hosts=allowed_hosts(args.host, args.allow_host))
    try:
        family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
        # proto=IPPROTO_TCP: asyncio then sets TCP_NODELAY on each connection; with proto 0
        # it does not, and Nagle's algorithm delays every reply on a kept-alive connection
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((args.host, args.port))
    except OSError as exc:
        return _fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    _configure_logging()
    host, port = sock.getsockname()[:2]
    url = f"http://{'[' + host + ']' if family == socket.AF_INET6 else host}:{port}"
    logging.getLogger("lintnews.integrations.server").info(json.dumps({"event": "listening", "url": url,
                                                          "workers": args.workers}))
    from lintnews.integrations.server.protocol import protocol_with_header_timeout

    # uvicorn's h11 protocol (not httptools): with httptools a request offering an HTTP/2 upgrade
    # (`Upgrade: h2c`, sent by Java's HttpClient, so by ltex-ls) reaches the app without its body
    server = uvicorn.Server(uvicorn.Config(
        create_app(settings), log_config=None, access_log=False, timeout_keep_alive=5, lifespan="on",
        http=protocol_with_header_timeout(args.header_timeout),
        limit_concurrency=connection_limit(args.max_connections)))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    return 0


def allowed_hosts(host: str, extra: list[str]) -> tuple[str, ...]:
    """The Host header values to answer: localhost, the address listened on, and --allow-host.

    A wildcard address (0.0.0.0, ::) names no host: then only --allow-host and
    localhost are answered, unless --allow-host '*'.
    """
    names = ["localhost", "127.0.0.1", "::1", *extra]
    if host not in ("0.0.0.0", "::", ""):
        names.append(host.strip("[]"))
    return tuple(dict.fromkeys(name.lower() for name in names))


def connection_limit(wanted: int) -> int:
    """`wanted`, lowered to what the process may open (its descriptor limit, raised
    to the hard limit first), less a reserve for the workers and files."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard != resource.RLIM_INFINITY and soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        if soft != resource.RLIM_INFINITY:
            return max(1, min(wanted, soft - 64))
    except (ImportError, ValueError, OSError):
        pass
    return wanted


class _JsonLines(logging.Formatter):
    """Messages that are already JSON pass through; others (uvicorn's) are wrapped, without tracebacks."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if message.startswith("{"):
            return message
        entry = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"), "level": record.levelname.lower(),
                 "logger": record.name, "message": message}
        if record.exc_info and record.exc_info[1] is not None:
            entry["error"] = type(record.exc_info[1]).__name__
        return json.dumps(entry)


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonLines())
    handler.addFilter(_RateLimit())
    for name, level in (("lintnews.integrations.server", logging.INFO), ("uvicorn", logging.WARNING),
                        ("uvicorn.error", logging.WARNING), ("asyncio", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler] if name in ("lintnews.integrations.server", "uvicorn",
                                                   "asyncio") else []
        logger.setLevel(level)
        logger.propagate = name == "uvicorn.error"


class _RateLimit(logging.Filter):
    """At most `per_second` warnings and errors a second (access lines are not limited): a
    flood of failing connections (out of descriptors) must not flood the log."""

    def __init__(self, per_second: int = 20) -> None:
        super().__init__()
        self.per_second, self.second, self.count, self.dropped = per_second, 0, 0, 0

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        second = int(record.created)
        if second != self.second:
            if self.dropped:
                record.msg = f"{record.getMessage()} ({self.dropped} similar lines dropped)"
                record.args = ()
            self.second, self.count, self.dropped = second, 0, 0
        self.count += 1
        if self.count > self.per_second:
            self.dropped += 1
            return False
        return True
