"""The command line: arguments, the run over files, and exit codes.

    lintnews check PATH...      lint files and folders (`-` reads stdin)
    lintnews rules              list every rule
    lintnews rule CODE          print one rule's documentation
    lintnews server             LanguageTool-compatible HTTP server (extra `server`)
    lintnews lsp                language server on stdio (extra `lsp`)

Exit codes (`ExitStatus`): 0 clean, 1 findings at or above the fail level,
2 usage, configuration or read errors. No user error prints a traceback.
"""
from __future__ import annotations

import argparse
import sys
from enum import IntEnum
from pathlib import Path

from lintnews._version import __version__
from lintnews.config import ConfigError, load_config
from lintnews.finding import Severity
from lintnews.run.gcpause import pause, resume
from lintnews.engine.rulefiles import RuleFileError

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any, Sequence, TextIO

COMMANDS = ("check", "rules", "rule", "server", "lsp")
#: Commands whose code and options live in an optional extra's module.
EXTRA_COMMANDS = {"server": "lintnews.integrations.server.main", "lsp": "lintnews.integrations.lsp"}
#: Module -> the package that provides it, for lintnews's required dependencies
#: (pyproject.toml): a Python without one gets a message, not a traceback.
REQUIRED_PACKAGES = {"regex": "regex", "_regex": "regex", "ftfy": "ftfy", "langdetect": "langdetect",
                     "rich": "rich", "spellchecker": "pyspellchecker", "selectolax": "selectolax"}


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


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more, not '{value}'")
    return jobs


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _encoding(value: str) -> str:
    from lintnews.run.source import check_encoding

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
    out.add_argument("--format", choices=_formats(),
                     help="report format (default: text, or the one -o FILE's suffix names)")
    out.add_argument("-o", "--output", metavar="FILE",
                     help="write the report to FILE (.html, .sarif and .json pick the format)")
    out.add_argument("--statistics", action="store_true",
                     help="print how many findings each rule has instead of the findings")
    out.add_argument("--no-source", action="store_true", help="text format: do not show source lines")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour in the text report (default: auto; NO_COLOR is honoured)")
    fixes = check.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true",
                       help="apply safe fixes and write the files (standard input: print the fixed text)")
    fixes.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also apply unsafe fixes (removing a block, renaming)")
    fixes.add_argument("--fix-read-only", action="store_true",
                       help="with --fix, also write files that are read-only (refused otherwise)")
    fixes.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff, write nothing; exit 1 if there are any")
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
    files.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false", default=None,
                       help="in folders, lint files that git ignores too")
    files.add_argument("--stdin-filename", metavar="NAME", help="name (and so format) of the text read from -")
    files.add_argument("--encoding", metavar="CODEC", type=_encoding, help="read files in this encoding (default: UTF-8)")
    run = check.add_argument_group("speed and corpora")
    run.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                     help="worker processes (default: the number of cores; 1 runs in this process)")
    run.add_argument("--no-cache", action="store_true",
                     help="do not read or write the findings cache (.lintnews_cache)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    run.add_argument("--jsonl", metavar="FILE",
                     help="lint the records of a JSON Lines corpus (- reads standard input)")
    run.add_argument("--text-field", default="text", metavar="NAME",
                     help="--jsonl: the field holding the text (default: text)")
    run.add_argument("--id-field", default="id", metavar="NAME",
                     help="--jsonl: the field identifying a record (default: id)")
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

    sub.add_parser("server", add_help=False, help="serve LanguageTool's HTTP API and a review page "
                   "(pip install 'lintnews[server]'; see lintnews server --help)")
    sub.add_parser("lsp", add_help=False, help="run the language server on stdio "
                   "(pip install 'lintnews[lsp]'; see lintnews lsp --help)")
    return parser


def _formats() -> list[str]:
    from lintnews.report import REPORTERS

    return sorted(REPORTERS)


def main(argv: Sequence[str] | None = None) -> int:
    pause()  # until the rules are built (lintnews.run.gcpause)
    try:
        return _main(argv)
    finally:
        resume()


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "check")
    if argv and argv[0] in EXTRA_COMMANDS:
        from importlib import import_module

        resume()  # a server runs for hours: its garbage must be collected
        return import_module(EXTRA_COMMANDS[argv[0]]).main(argv[1:])
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
    except OutputError as exc:
        _error(str(exc))
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _quiet_broken_pipe()
        return ExitStatus.ERROR
    except ModuleNotFoundError as exc:
        package = REQUIRED_PACKAGES.get((exc.name or "").partition(".")[0])
        if package is None:
            raise  # not a dependency that can be missing: a bug, shown as one
        _error(f"the package '{package}' that lintnews needs is not installed in this Python "
               f"({sys.executable}): pip install {package}, or install lintnews again")
        return ExitStatus.ERROR



def _error(message: str) -> None:
    sys.stderr.write(f"lintnews: error: {message}\n")


class OutputError(Exception):
    """The report could not be written (a full disk, a closed device): exit 2, not 1."""


def _report_file(path: str) -> TextIO:
    """The -o report file; a path that cannot be written is a usage error.

    A regular file (or a new one) is written atomically; a device or pipe
    that exists (`-o /dev/stdout`) is written to as it is, never replaced.
    """
    import os
    import stat

    from lintnews.engine.atomic import atomic_text_file  # only with -o

    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError(f"cannot write the report to {path}: {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(f"cannot write the report to {path}: it is a folder; give a file name")
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            return _DeviceReport(open(path, "w", encoding="utf-8", errors="surrogateescape"))
        return atomic_text_file(path)
    except OSError as exc:
        raise UsageError(f"cannot write the report to {path}: {exc.strerror or exc}") from None


class _DeviceReport:
    """A report written straight to a device or pipe: nothing to rename at the end."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __getattr__(self, name: str):
        return getattr(self.stream, name)

    def write(self, text: str) -> int:
        return self.stream.write(text)

    def commit(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        try:
            self.stream.close()
        except OSError:
            pass


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
        "respect_gitignore": args.respect_gitignore,
        "fail_on": Severity.parse(args.fail_on) if args.fail_on else None,
    }


_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".sarif": "sarif", ".json": "json"}


def report_format(args: argparse.Namespace) -> str:
    """--format, else the format -o's file suffix names, else text."""
    if args.format:
        return args.format
    if args.output:
        return _SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "text")
    return "text"


def cmd_check(args: argparse.Namespace) -> int:
    from lintnews.run.files import discover
    from lintnews.run.parallel import default_jobs, process_targets
    from lintnews.run.progress import Progress
    from lintnews.report import get_reporter, needs_text
    from lintnews.engine.results import Summary
    from lintnews.run.runner import Runner

    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes applies with --fix or --diff")
    if args.fix_read_only and not args.fix:
        raise UsageError("--fix-read-only applies with --fix")
    fmt = report_format(args)
    fix_mode = "diff" if args.diff else "fix" if args.fix else None
    stdin = "-" in args.paths
    cache_dir = None
    if not (args.no_cache or stdin or args.jsonl or fix_mode):
        from lintnews.run.cache import default_cache_dir
        from lintnews.run.private import folder_problem

        cache_dir = default_cache_dir()
        try:
            problem = folder_problem(cache_dir, create=False)
        except OSError:  # a folder that cannot be created: simply no cache
            problem, cache_dir = None, None
        if problem is not None:
            sys.stderr.write(f"lintnews: warning: {problem}\n")
            cache_dir = None
    runner = Runner(
        flag_overrides(args),
        Path(args.config) if args.config else None,
        args.encoding,
        keep_text=needs_text(fmt) and not args.statistics,
        stdin_folder=Path(args.stdin_filename).parent if args.stdin_filename else None,
        cache_dir=cache_dir,
        fix=fix_mode,
        unsafe_fixes=args.unsafe_fixes,
        roots=None if stdin or args.jsonl else tuple(args.paths),
        fix_read_only=args.fix_read_only,
    )
    config = runner.config_for(Path.cwd())
    fail_on = config.fail_on
    jobs = args.jobs or default_jobs()
    if args.jsonl:
        from lintnews.run.corpus import lint_corpus

        if args.paths != ["."]:
            raise UsageError("--jsonl reads its records from one file; do not give paths too")
        total, results = None, lint_corpus(args.jsonl, runner, jobs, args.text_field,
                                                  args.id_field, args.stdin_filename)
    else:
        todo = list(targets(args, runner, discover))
        total, results = len(todo), process_targets(runner, todo, jobs)
    progress = Progress.for_run(fmt, args.quiet, total)
    colour = {"auto": None, "always": True, "never": False}[args.color]
    stdin_fix = fix_mode == "fix" and args.paths == ["-"]
    # --fix on standard input prints the fixed text on stdout, so the report goes to stderr
    console: TextIO = sys.stderr if stdin_fix else _stdout()
    # -o: a temp file renamed over FILE only when the report is complete (Ctrl-C: no half report)
    stream: TextIO = _report_file(args.output) if args.output else console
    try:
        if fix_mode == "diff":
            reporter = _NoReport()
        else:
            reporter = get_reporter("statistics" if args.statistics else fmt, progress.hold(stream),
                                    colour=colour if args.output is None else False,
                                    show_source=not args.no_source, json=fmt == "json",
                                    rules=lambda: _rules_of(config))
        summary = Summary()
        worst: Severity | None = None
        fixed = changed = 0
        errors = progress.hold(sys.stderr)
        reporter.start()
        for result in progress.track(results):
            if result.skipped:
                errors.write(f"lintnews: note: {result.error}\n")
            elif result.error is not None:
                errors.write(f"lintnews: error: {result.error}\n")
            summary.add(result)
            here = result.worst()
            if here is not None and (worst is None or here > worst):
                worst = here
            fixed += result.fixed
            changed += _fix_output(result)
            reporter.file(result)
        progress.close()
        reporter.finish(summary)
        if stream is not console:
            stream.commit()
        else:
            stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk or device: the report is incomplete, which is not "findings"
        where = f" to {args.output}" if args.output else ""
        raise OutputError(f"cannot write the report{where}: {exc.strerror or exc}") from None
    finally:
        progress.close()
        if stream is not console:
            stream.close()
        else:
            try:
                stream.flush()
            except OSError:
                pass
    if fix_mode is not None:
        _fix_note(fix_mode, fixed, changed)
    if summary.errors:
        return ExitStatus.ERROR
    if fix_mode == "diff":
        return ExitStatus.FINDINGS if changed and not args.exit_zero else ExitStatus.OK
    if args.exit_zero or worst is None or worst < fail_on:
        return ExitStatus.OK
    return ExitStatus.FINDINGS


class _NoReport:
    """--diff prints diffs, not findings."""

    def start(self) -> None: ...
    def file(self, result) -> None: ...
    def finish(self, summary) -> None: ...


def _fix_output(result) -> int:
    """Print what --diff or --fix on stdin produce for a file; 1 if it changed."""
    if result.diff:
        sys.stdout.write(result.diff)
    if result.fixed_output is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.fixed_output)
        sys.stdout.buffer.flush()
    return 1 if result.fixed else 0


def _fix_note(mode: str, fixed: int, files: int) -> None:
    if mode == "diff":
        note = f"Would fix {fixed} finding(s) in {files} file(s)." if fixed else "No fixes available."
    else:
        note = f"Fixed {fixed} finding(s) in {files} file(s)." if fixed else "Nothing to fix."
    sys.stderr.write(note + "\n")


def _rules_of(config) -> dict:
    """Every rule known under `config` (for reporters that describe rules)."""
    from lintnews.engine.lint import build_rules

    return build_rules(config.rule_folders()).by_code


def targets(args, runner, discover):
    """The Targets of a run: standard input, or the files under the paths."""
    from lintnews.run.runner import Target

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
    from lintnews.engine.lint import build_rules

    folders = tuple(Path(r).resolve() for r in (args.rules or ()))
    if not folders:
        config = load_config(Path.cwd())
        folders = config.rule_folders()
    return build_rules(folders).sorted_rules()
