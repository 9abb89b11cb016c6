"""The command line: arguments, the run over files, and exit codes.

    lintnews check PATH...      lint files and folders (`-` reads stdin)
    lintnews rules              list every rule
    lintnews rule CODE          print one rule's documentation

Exit codes (`ExitStatus`): 0 clean, 1 findings at or above the fail level,
2 usage, configuration or read errors. No user error prints a traceback.
"""
from __future__ import annotations

import argparse
import sys
from enum import IntEnum
from pathlib import Path
from typing import Any, Sequence, TextIO

from . import __version__
from .atomic import atomic_text_file
from .config import ConfigError, load_config
from .finding import Severity
from .rules import RuleFileError

COMMANDS = ("check", "rules", "rule")


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 with usage, which is what we want
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _encoding(value: str) -> str:
    from .source import check_encoding

    try:
        return check_encoding(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lintnews", description=(
        "A linter for news text damaged by machine translation and web scraping."))
    parser.add_argument("--version", action="version", version=f"lintnews {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files and folders")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="files or folders to lint; - reads standard input")
    out = check.add_argument_group("output")
    out.add_argument("--format", default="text", choices=_formats(),
                     help="report format (default: text)")
    out.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    out.add_argument("--no-source", action="store_true", help="text format: do not show source lines")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour in the text report (default: auto; NO_COLOR is honoured)")
    sel = check.add_argument_group("rule selection")
    sel.add_argument("--select", type=_codes, metavar="CODES", help="only these codes or prefixes (LN2,LN301)")
    sel.add_argument("--extend-select", type=_codes, metavar="CODES", help="add codes to the selection")
    sel.add_argument("--ignore", type=_codes, metavar="CODES", help="ignore these codes or prefixes")
    sel.add_argument("--style", metavar="NAME", help="house-style profile (default, ap, bbc, reuters, guardian, ...)")
    sel.add_argument("--rules", action="append", metavar="DIR", help="an extra rule folder (repeatable)")
    sel.add_argument("--allow", action="append", metavar="PHRASE", help="a word or phrase never flagged (repeatable)")
    files = check.add_argument_group("files")
    files.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching")
    files.add_argument("--include", action="append", metavar="GLOB", help="file globs to lint in folders")
    files.add_argument("--exclude", action="append", metavar="GLOB", help="globs to skip in folders")
    files.add_argument("--stdin-filename", metavar="NAME", help="name (and so format) of the text read from -")
    files.add_argument("--encoding", metavar="CODEC", type=_encoding, help="read files in this encoding (default: UTF-8)")
    ex = check.add_argument_group("exit status")
    ex.add_argument("--fail-on", choices=("error", "warning", "info"),
                    help="lowest severity that makes the exit status 1 (default: warning)")
    ex.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--rules", action="append", metavar="DIR", help="an extra rule folder")

    rule = sub.add_parser("rule", help="print one rule's documentation")
    rule.add_argument("code")
    rule.add_argument("--rules", action="append", metavar="DIR", help="an extra rule folder")
    return parser


def _formats() -> list[str]:
    from .reporters import REPORTERS

    return sorted(REPORTERS)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "check")
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return ExitStatus.OK
        if args.command == "rules":
            return cmd_rules(args, sys.stdout)
        if args.command == "rule":
            return cmd_rule(args, sys.stdout)
        return cmd_check(args)
    except UsageError as exc:
        _error(str(exc))
        return ExitStatus.ERROR
    except (ConfigError, RuleFileError) as exc:
        _error(str(exc))
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _quiet_broken_pipe()
        return ExitStatus.ERROR


def _error(message: str) -> None:
    sys.stderr.write(f"lintnews: error: {message}\n")


def _stdout() -> TextIO:
    """Standard output that writes back the bytes of a file name that is not
    valid UTF-8 (they reach us surrogateescape'd) instead of crashing on them."""
    if getattr(sys.stdout, "errors", None) == "strict" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="surrogateescape")
    return sys.stdout


def _quiet_broken_pipe() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def flag_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The configuration values the flags set (None where a flag is absent)."""
    return {
        "select": tuple(args.select) if args.select else None,
        "extend_select": tuple(args.extend_select) if args.extend_select else None,
        "extend_ignore": tuple(args.ignore) if args.ignore else None,
        "style": args.style,
        "rules": tuple(str(Path(r).resolve()) for r in args.rules) if args.rules else None,
        "allow": tuple(args.allow) if args.allow else None,
        "include": tuple(args.include) if args.include else None,
        "exclude": tuple(args.exclude) if args.exclude else None,
        "fail_on": Severity.parse(args.fail_on) if args.fail_on else None,
    }


def cmd_check(args: argparse.Namespace) -> int:
    from .files import discover
    from .reporters import get_reporter, needs_text
    from .results import Summary
    from .runner import Runner

    runner = Runner(
        flag_overrides(args),
        Path(args.config) if args.config else None,
        args.encoding,
        keep_text=needs_text(args.format),
        stdin_folder=Path(args.stdin_filename).parent if args.stdin_filename else None,
    )
    fail_on = runner.config_for(Path.cwd()).fail_on
    colour = {"auto": None, "always": True, "never": False}[args.color]
    # -o: a temp file renamed over FILE only when the report is complete (Ctrl-C: no half report)
    stream: TextIO = atomic_text_file(args.output) if args.output else _stdout()
    try:
        reporter = get_reporter(args.format, stream, colour=colour if args.output is None else False,
                                show_source=not args.no_source)
        summary = Summary()
        worst: Severity | None = None
        reporter.start()
        for target in targets(args, runner, discover):
            result = runner.process(target)
            if result.skipped:
                sys.stderr.write(f"lintnews: note: {result.error}\n")
            elif result.error is not None:
                _error(result.error)
            summary.add(result)
            for f in result.findings:
                worst = f.severity if worst is None or f.severity > worst else worst
            reporter.file(result)
        reporter.finish(summary)
        if stream is not sys.stdout:
            stream.commit()
    finally:
        if stream is not sys.stdout:
            stream.close()
        else:
            stream.flush()
    if summary.errors:
        return ExitStatus.ERROR
    if args.exit_zero or worst is None or worst < fail_on:
        return ExitStatus.OK
    return ExitStatus.FINDINGS


def targets(args, runner, discover):
    """The Targets of a run: standard input, or the files under the paths."""
    from .runner import Target

    if "-" in args.paths:
        if args.paths != ["-"]:
            raise UsageError("- (standard input) cannot be mixed with paths")
        yield Target(None, args.stdin_filename or "-")
        return
    seen = 0
    for path, shown, error in discover(args.paths, runner.config_for):
        seen += 1
        yield Target(path, shown, error)
    if seen == 0:
        sys.stderr.write("lintnews: no files to lint\n")


def cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    rules = _all_rules(args)
    if args.format == "json":
        import json

        out.write(json.dumps([
            {"code": r.code, "name": r.name, "category": r.category, "severity": str(r.severity),
             "fixable": r.fixable, "summary": r.summary} for r in rules
        ], indent=2, ensure_ascii=False) + "\n")
        return ExitStatus.OK
    width = max(len(r.name) for r in rules)
    out.write(f"{'CODE':<8} {'NAME':<{width}} {'CATEGORY':<15} {'SEVERITY':<8} FIX  SUMMARY\n")
    for r in rules:
        out.write(f"{r.code:<8} {r.name:<{width}} {r.category:<15} {str(r.severity):<8} "
                  f"{'yes' if r.fixable else 'no ':<4} {r.summary}\n")
    return ExitStatus.OK


def cmd_rule(args: argparse.Namespace, out: TextIO) -> int:
    code = args.code.strip().upper()
    for rule in _all_rules(args):
        if rule.code == code or rule.name == args.code.strip().lower():
            out.write(rule.describe() + "\n")
            return ExitStatus.OK
    _error(f"unknown rule '{args.code}' (see `lintnews rules`)")
    return ExitStatus.ERROR


def _all_rules(args):
    from .engine import build_rules

    folders = tuple(Path(r).resolve() for r in (args.rules or ()))
    if not folders:
        config = load_config(Path.cwd())
        folders = config.rule_folders()
    return build_rules(folders).sorted_rules()
