"""Compiled regular expressions kept in the cache folder between runs.

kbgen compiles a few hundred regular expressions each time it starts (the prose scanners'
patterns, the address and claim recognisers, PyYAML's and phonenumbers' own): about 50 ms of
pure-Python work in ``re``'s parser and compiler, paid again by every ``kbgen check``. Their
compiled form does not depend on the content, only on the pattern and the Python that runs it,
so it is kept in ``<cache>/regex/<python>-<command>.marshal``, as Python keeps a module's
bytecode. Next to it, ``….derived.marshal`` keeps texts derived from patterns (the triggers of
``kbgen.text.trigger``), keyed by the patterns and the checksum of the module that derives them.

:func:`preload` (run when ``kbgen`` is imported) gives ``re``'s own per-process cache the
patterns compiled by an earlier run, made from their stored code by ``_sre.compile``, the call
``re.compile`` ends with; any ``re.compile``/``re.search`` of the same pattern and flags then
returns it. :func:`save` (run by the ``kbgen`` command as it exits) stores the ones this run
compiled that the file does not have yet. A pattern made from the cache compares equal to one
``re.compile`` makes (same flags, pattern and code), which tests/test_cache.py checks.

This uses CPython's private ``re._cache``, ``re._parser``, ``re._compiler`` and
``_sre.compile``; the file is keyed by the exact Python version, and anything unexpected
(another Python, a damaged file) only means the patterns are compiled as usual.
``KBGEN_NO_CACHE=1`` switches it off.
"""
from __future__ import annotations

import os
import re
import sys

MAX_ENTRIES = 1500  # a file that would grow beyond this is written anew with this run's new patterns
_loaded: set = set()  # keys of re._cache this process took from the file
_in_file: set = set()  # keys the file had when this process read it
_derived: dict | None = None  # texts derived from patterns (kbgen.text.trigger), by source file and key
_derived_new: dict = {}
_sources: dict = {}  # source file -> checksum of its text
COMMANDS = ("check", "build", "serve", "search", "review", "signage", "new", "explain", "schema")


def command() -> str:
    """The ``kbgen`` subcommand this process runs ("lib" when kbgen is imported otherwise, e.g. by
    MkDocs): each keeps its own file, so that ``kbgen check`` reads only the patterns it compiles.
    Some libraries build a pattern from a set (Jinja's lexer), so its text changes from one
    process to the next and a build adds one to its file: the cap keeps that bounded."""
    argv = sys.argv  # ["-m", ...] while ``python -m kbgen.cli`` imports the package
    if len(argv) > 1 and argv[1] in COMMANDS and os.path.basename(argv[0]) in ("kbgen", "cli.py", "kbgen.exe", "-m"):
        return argv[1]
    return "lib"


def command_file(folder_name: str, tag: str = "") -> str | None:
    """``<cache>/<folder_name>/<python version>-<implementation><tag>-<command>.marshal``: a cache file
    of this Python and this ``kbgen`` command; None when the cache folder is off or not writable."""
    from .cache import cache_dir
    folder = cache_dir(folder_name)
    if folder is None:
        return None
    version = "-".join(str(v) for v in sys.version_info[:3]) + "-" + sys.implementation.name + tag
    return os.path.join(folder, f"{version}-{command()}.marshal")


def _file() -> str | None:
    return command_file("regex")


_CODE = "I"  # the code of a compiled pattern, stored as bytes: an array of C unsigned ints


def _supported() -> bool:
    if not (sys.implementation.name == "cpython" and isinstance(getattr(re, "_cache", None), dict)
            and hasattr(re, "_compiler") and hasattr(re, "_parser")):
        return False
    from array import array
    return getattr(re._compiler._sre, "CODESIZE", 0) == array(_CODE).itemsize


def preload() -> int:
    """Put the stored patterns in ``re``'s cache; how many."""
    if not _supported():
        return 0
    path = _file()
    if path is None:
        return 0
    entries = _read(path)
    if entries is None:
        return 0
    from array import array
    from re import _compiler
    sre_compile = _compiler._sre.compile
    cache = re._cache
    n = 0
    try:
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            key = (type(pattern), pattern, flags)
            _in_file.add(key)
            if key in cache:
                continue
            code = array(_CODE, code).tolist()
            cache[key] = sre_compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            _loaded.add(key)
            n += 1
    except Exception:  # not what this Python writes: forget the file's patterns
        for key in _loaded:
            cache.pop(key, None)
        _loaded.clear()
        _in_file.clear()
        return 0
    return n


def _source_sum(source_file: str) -> int:
    if source_file not in _sources:
        import zlib
        try:
            with open(source_file, "rb") as fh:
                _sources[source_file] = zlib.crc32(fh.read())
        except OSError:
            _sources[source_file] = -1
    return _sources[source_file]


def _derived_file() -> str | None:
    path = _file()
    return None if path is None else path[: -len(".marshal")] + ".derived.marshal"


def derived(source_file: str, key: str) -> str | None:
    """A text ``source_file`` derived from patterns (a trigger) and :func:`remember`-ed, by an earlier
    run or this one; None if unknown or if ``source_file`` has changed since."""
    global _derived
    if _derived is None:
        _derived = {}
        path = _derived_file() if _supported() else None
        data = _read(path) if path is not None else None
        if isinstance(data, dict):
            _derived = data
    value = _derived.get((source_file, _source_sum(source_file), key))
    return value if isinstance(value, str) else None


def remember(source_file: str, key: str, text: str) -> None:
    _derived_new[(source_file, _source_sum(source_file), key)] = text


def entry(pattern, flags: int) -> tuple:
    """What ``_sre.compile`` needs to make ``re.compile(pattern, flags)`` again (``re._compiler.compile``
    without its last step)."""
    from array import array
    from re import _compiler, _parser
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (str(pattern), int(flags), int(flags | p.state.flags), array(_CODE, code).tobytes(), int(p.state.groups - 1),
            {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))


def save() -> int:
    """Store the patterns this process compiled that the file does not have (and the texts derived
    from patterns); how many patterns."""
    if not _supported():
        return 0
    _save_derived()
    new = [key for key in list(re._cache) if key not in _in_file and isinstance(key[1], str)
           and isinstance(key[2], int) and not key[2] & re.DEBUG]
    if not new:
        return 0
    path = _file()
    if path is None:
        return 0
    old = _read(path)
    old = [e for e in old if isinstance(e, tuple) and len(e) == 7] if isinstance(old, list) else []
    known = {(e[0], e[1]) for e in old}
    made = []
    for _, pattern, flags in new:
        if (pattern, flags) in known:
            continue
        try:
            made.append(entry(pattern, flags))
        except Exception:
            continue
    if not made:
        return 0
    entries = old + made
    if len(entries) > MAX_ENTRIES:  # the file would be mostly old variants: start again
        entries = made
    if not _write(path, entries):
        return 0
    return len(made)


def _save_derived() -> None:
    if not _derived_new:
        return
    path = _derived_file()
    if path is None:
        return
    kept = {k: v for k, v in (_derived or {}).items() if _sources.get(k[0]) == k[1]}  # drop stale ones
    kept.update(_derived_new)
    _derived_new.clear()
    _write(path, kept)


def _read(path: str):
    """What the marshal file ``path`` holds, or None if it is missing or damaged."""
    import marshal
    try:
        with open(path, "rb") as fh:
            return marshal.loads(fh.read())  # marshal.load(fh) reads in small steps: 10x slower
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write(path: str, value) -> bool:
    import marshal
    from .cache import write_atomic
    try:
        data = marshal.dumps(value)
    except ValueError:  # something marshal cannot write
        return False
    return write_atomic(path, data)
