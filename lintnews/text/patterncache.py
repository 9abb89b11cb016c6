"""Compiled regular expressions kept between processes.

`regex.compile` parses and translates a pattern in Python: 0.1–5 ms a
pattern, and a one-article run compiles some sixty of them, a quarter of its
time. What the translation produces is plain data (a list of integers, the
group tables, the named lists) that the compiler hands to one C function,
`_regex.compile`; the standard `re` does the same with `_sre.compile`. This
module keeps that data in the table cache (`tablecache`), so a later process
builds each pattern object from it in microseconds, without parsing.

    from lintnews.text.patterncache import compile_regex, compile_re
    _WORD = compile_regex(r"\\p{L}+")       # as regex.compile(r"\\p{L}+")

- **Exact**: the stored arguments are the ones the module's own compiler
  passed to its C function for the same source, flags, named lists and module
  version (all in the key), so the object built from them is the object
  `regex.compile` (`re.compile`) returns. Whatever cannot be captured that
  way (a locale-sensitive pattern, an unexpected library version) is compiled
  as usual and not stored.
- **Safe**: the store is one table-cache file, checked like every other (key,
  CRC, owner); anything wrong with it means compiling as usual. With the table
  cache off (`LINTNEWS_TABLE_CACHE_DIR=`) nothing is read or written.
- **Written once**: patterns compiled for the first time are added to the
  store when the process ends (`save`, registered with `atexit`; worker
  processes call it when they finish).

- **Without `regex`'s Python half**: building a stored pattern needs only
  `regex`'s C module, which is loaded by itself (the package's parser is
  ~7 ms to import); the package is imported when a pattern must be compiled
  or a replacement template parsed. Modules name flags (`IGNORECASE`, ...)
  and `escape` from here, with `regex`'s values (tested).

The same store keeps two other kinds of small derived data that would
otherwise be rebuilt on every run: the byte code of the methods `record`
generates for each record class (`compile_source`), and plain values parsed
from a text, such as a repository's configuration file (`cached_value`,
keyed by the whole text, so an edited file is parsed again).

This relies on how the two modules call their C compilers, which is not a
public interface: the store's key holds the C module's file (path, size,
time) and Python's version, and capture checks the shape of what it sees,
so a library that changes only means compiling as usual.
"""
from __future__ import annotations

import atexit
import marshal
from _thread import RLock, get_ident  # `threading` is ~1 ms to import, for one lock

#: At most this many patterns are kept (data patterns of a newsroom's rules
#: vary with its rule files; the built-in ones are a few hundred).
MAX_PATTERNS = 4000

_lock = RLock()
_store: dict[bytes, bytes] | None = None  # key digest -> marshalled arguments
_added: dict[bytes, bytes] = {}  # compiled in this process, not yet saved
#: key digest -> pattern object built in this process: the same source gives
#: the same object again, as `regex.compile`'s and `re.compile`'s own caches do
_built: dict[bytes, object] = {}
_MAX_BUILT = 1000
_saving_registered = False


# The `regex` module's flag values, so that a module can name them without
# importing `regex` (tests check each against the module's own).
ASCII = A = 0x80
IGNORECASE = I = 0x2
LOCALE = L = 0x4
MULTILINE = M = 0x8
DOTALL = S = 0x10
UNICODE = U = 0x20
VERBOSE = X = 0x40
REVERSE = R = 0x400
VERSION1 = V1 = 0x100
VERSION0 = V0 = 0x2000
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")


def escape(text: str) -> str:
    """`regex.escape(text)` (special characters and blanks escaped), without importing `regex`."""
    return "".join("\\" + c if c in _METACHARS or c.isspace() else c for c in text)


def compile_regex(source: str, flags: int = 0, **named_lists):
    """`regex.compile(source, flags, **named_lists)`, from the store when it holds it."""
    if flags & LOCALE or not isinstance(source, str) or not _enabled():
        return _regex_module().compile(source, flags, **named_lists)
    c_module, signature = _regex_c()
    if c_module is None:  # the C module was not found where expected: compile as usual
        return _regex_module().compile(source, flags, **named_lists)
    lists = tuple(sorted((name, tuple(sorted(values))) for name, values in named_lists.items()))
    key = _key("regex", signature, _default_version(), source, int(flags), lists)
    return _pattern(key, c_module.compile, lambda: _capture_regex(source, flags, named_lists))


def compile_re(source: str, flags: int = 0):
    """`re.compile(source, flags)`, from the store when it holds it."""
    import re

    if flags & re.LOCALE or flags & re.DEBUG or not isinstance(source, str) or not _enabled():
        return re.compile(source, flags)
    import sys

    key = _key("re", sys.version, source, int(flags))
    return _pattern(key, lambda *args: re._compiler._sre.compile(*args), lambda: _capture_re(source, int(flags)))


def _pattern(key: bytes, build, capture):
    """The pattern under `key`: the one built in this process, or `build(*args)`
    from the stored arguments, or `capture()`'s (pattern, arguments), stored."""
    pattern = _built.get(key)
    if pattern is not None:
        return pattern
    args = _lookup(key)
    if args is not None:
        try:
            return _keep(key, build(*args))
        except Exception:  # noqa: BLE001 - a stored entry that does not build is compiled anew
            pass
    pattern, args = capture()
    if args is not None:
        _remember(key, args)
    return _keep(key, pattern)


def compile_source(source: str, filename: str):
    """`compile(source, filename, "exec")`, from the store when it holds it: the
    functions `record` generates for each record class (byte code, as Python
    keeps it in `__pycache__`, keyed here by the Python version and the source)."""
    import sys

    if not _enabled():
        return compile(source, filename, "exec")
    key = _key("code", sys.version, filename, source)
    blob = _stored_blob(key)
    if blob is not None:
        try:
            code = marshal.loads(blob)
            if type(code) is type(_key.__code__):
                return code
        except Exception:  # noqa: BLE001 - compiled anew below
            pass
    code = compile(source, filename, "exec")
    _remember_blob(key, marshal.dumps(code))
    return code


def cached_value(kind: str, source: str, build):
    """`build()` for `source`, a small plain value (dicts, lists, strings,
    numbers) that an earlier process may have built and stored: the parsed
    configuration file of a repository (`tomllib` is ~5 ms to import and
    parse, on every run of a hook). Keyed by `kind` and the whole `source`, so
    another text is another entry. A value marshal cannot hold (a TOML date)
    is returned and not stored."""
    if not _enabled():
        return build()
    key = _key("value", kind, source)
    blob = _stored_blob(key)
    if blob is not None:
        try:
            return marshal.loads(blob)
        except Exception:  # noqa: BLE001 - built anew below
            pass
    value = build()
    try:
        blob = marshal.dumps(value)
    except ValueError:
        return value
    _remember_blob(key, blob)
    return value


def save() -> None:
    """Add the patterns compiled in this process to the store; failures are ignored."""
    from lintnews.run import tablecache
    with _lock:
        if not _added:
            return
        added = dict(_added)
        _added.clear()
    try:
        current = _read()
        current.update(added)
        if len(current) > MAX_PATTERNS:  # keep the newest: dicts keep insertion order
            current = dict(list(current.items())[-MAX_PATTERNS:])
        tablecache.write("patterns", _store_key(), marshal.dumps(current))
    except Exception:  # noqa: BLE001 - a store that cannot be written is no store
        pass


_C_MODULE: tuple | None = None


def _regex_c() -> tuple:
    """(`regex`'s C module, a signature of its file), loaded without the Python
    half of `regex` (its parser, ~7 ms to import) when that is not imported yet;
    (None, None) when it cannot be found."""
    global _C_MODULE
    if _C_MODULE is None:
        _C_MODULE = _load_regex_c()
    return _C_MODULE


def _load_regex_c() -> tuple:
    import os
    import sys

    try:
        from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
        from importlib.util import find_spec, module_from_spec, spec_from_file_location

        module = sys.modules.get("regex._regex")
        path = getattr(module, "__file__", None)
        if path is None:
            spec = find_spec("regex")  # finds the package without importing it
            folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
            names = [f for f in os.listdir(folder) if f.startswith("_regex.") and f.endswith(tuple(EXTENSION_SUFFIXES))]
            if len(names) != 1:
                return None, None
            path = os.path.join(folder, names[0])
        info = os.stat(path)
        signature = f"{path}|{info.st_size}|{info.st_mtime_ns}"
        if module is None:
            loader = ExtensionFileLoader("regex._regex", path)
            module = module_from_spec(spec_from_file_location("regex._regex", path, loader=loader))
            loader.exec_module(module)
            module = sys.modules.setdefault("regex._regex", module)  # `regex` itself finds it there
        return module, signature
    except Exception:  # noqa: BLE001 - then `regex` is imported and used as usual
        return None, None


def _regex_module():
    """The `regex` package, imported now if it was not."""
    import sys

    import regex

    if "regex._regex" in sys.modules and not hasattr(regex, "_regex"):
        regex._regex = sys.modules["regex._regex"]  # loaded here first, not through the package
    return regex


def _default_version() -> int:
    """`regex.DEFAULT_VERSION` (a program may change it), VERSION0 until `regex` is imported."""
    import sys

    module = sys.modules.get("regex")
    return int(getattr(module, "DEFAULT_VERSION", VERSION0)) if module is not None else VERSION0


def _keep(key: bytes, pattern):
    if len(_built) >= _MAX_BUILT:
        _built.clear()
    _built[key] = pattern
    return pattern


def _enabled() -> bool:
    """Whether there is a table cache to keep patterns in; without one, the
    modules' own compilers (and their in-process caches) are used as they are."""
    from lintnews.run import tablecache
    return tablecache.folder() is not None


def _key(*parts) -> bytes:
    """A digest of `parts` (strings, ints and tuples of them). Not of
    `marshal.dumps(parts)`: marshal marks objects that are referenced more than
    once, so the same parts can give other bytes from one moment to the next."""
    from lintnews.run.tablecache import sha256

    return sha256(repr(parts).encode("utf-8", "surrogatepass")).digest()


def _store_key() -> bytes:
    from lintnews.run import tablecache
    return tablecache.digest("patterns", str(marshal.version))


def _read() -> dict[bytes, bytes]:
    from lintnews.run import tablecache
    if tablecache.folder() is None:
        return {}
    payload = tablecache.read("patterns", _store_key())
    if payload is None:
        return {}
    try:
        data = marshal.loads(payload)
    except Exception:  # noqa: BLE001
        return {}
    if not isinstance(data, dict):
        return {}
    return data


def _stored_blob(key: bytes) -> bytes | None:
    global _store
    store = _store
    if store is None:
        with _lock:
            if _store is None:
                _store = _read()
            store = _store
    return store.get(key)


def _lookup(key: bytes):
    blob = _stored_blob(key)
    if blob is None:
        return None
    try:
        args = marshal.loads(blob)
    except Exception:  # noqa: BLE001
        return None
    return args if isinstance(args, tuple) else None


def _remember(key: bytes, args: tuple) -> None:
    try:
        blob = marshal.dumps(args)
    except ValueError:  # something marshal cannot hold: not stored
        return
    _remember_blob(key, blob)


def _remember_blob(key: bytes, blob: bytes) -> None:
    global _saving_registered
    with _lock:
        if _store is not None:
            _store[key] = blob
        _added[key] = blob
        if not _saving_registered:
            _saving_registered = True
            atexit.register(save)


class _Recorder:
    """Stands in for a C compiler module while one pattern is compiled: records
    the arguments of the calls this thread makes, forwards everything."""

    def __init__(self, real) -> None:
        self._real = real
        self._thread = get_ident()
        self.calls: list[tuple] = []

    def compile(self, *args):
        if get_ident() == self._thread:
            self.calls.append(args)
        return self._real.compile(*args)

    def __getattr__(self, name):
        return getattr(self._real, name)


def _capture_regex(source: str, flags: int, named_lists: dict):
    """(pattern, the arguments of its C compilation or None), compiled by `regex` itself."""
    regex = _regex_module()
    main = getattr(regex, "_main", None)
    if not all(hasattr(main, name) for name in ("_regex", "_compile", "_locale_sensitive")):
        return regex.compile(source, flags, **named_lists), None  # another regex: compiled as usual
    with _lock:
        real = main._regex
        recorder = _Recorder(real)
        main._regex = recorder
        try:
            pattern = main._compile(source, flags, False, named_lists, False)
        finally:
            main._regex = real
    args = recorder.calls[0] if len(recorder.calls) == 1 else None
    if args is None or len(args) != 11 or main._locale_sensitive.get((type(source), source), True):
        return pattern, None
    return pattern, _plain(args)


def _capture_re(source: str, flags: int):
    import re

    compiler = getattr(re, "_compiler", None)
    if not (hasattr(compiler, "_sre") and hasattr(compiler, "compile")):
        return re.compile(source, flags), None  # another Python: compiled as usual
    with _lock:
        real = compiler._sre
        recorder = _Recorder(real)
        compiler._sre = recorder
        try:
            pattern = compiler.compile(source, flags)
        finally:
            compiler._sre = real
    args = recorder.calls[0] if len(recorder.calls) == 1 else None
    if args is None or len(args) != 6:
        return pattern, None
    return pattern, _plain(args)


def _plain(args: tuple) -> tuple:
    """The arguments with flags (an enum) and opcodes (named int constants) as
    plain ints, which marshal can hold: `int(x)` equals x for each."""
    return tuple(int(a) if isinstance(a, int) and type(a) is not int
                 else list(map(int, a)) if isinstance(a, list) and a and isinstance(a[0], int)
                 else a for a in args)
