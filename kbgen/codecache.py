"""The methods ``dataclasses`` writes for kbgen's classes, kept compiled in the cache folder.

For each ``@dataclass`` Python writes the source of its methods (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``; a frozen class also ``__setattr__`` and ``__delattr__``) and compiles
each with ``exec``: for the 37 classes a ``kbgen check`` imports that took about 10 ms of every
run, a third of importing kbgen. The source depends only on the class's fields and options, not
on the content, so the compiled code is kept in ``<cache>/code/<python>-<command>.marshal``, as
Python keeps a module's bytecode and :mod:`kbgen.regexcache` the compiled regular expressions.

:func:`preload` (run when the ``kbgen`` command imports kbgen, before the modules that define the
classes) reads the file and gives the ``dataclasses`` module an ``exec`` of its own that runs the
stored code of a source text it has already seen, and compiles any other as ``exec`` does. The
same code object runs either way: ``compile`` of the same text gives an equal code object, which
tests/test_cache.py checks for every method of every class. :func:`save` (run by the ``kbgen``
command as it exits) stores what this run compiled that the file does not have yet.

This relies on ``dataclasses`` writing each method with ``_create_fn``, which calls ``exec`` by
name (CPython 3.11 and 3.12); where it does not (3.13 builds a class's methods another way) nothing
is changed. Only the ``kbgen`` command does it — kbgen imported as a library (by MkDocs, by the
tests) leaves ``dataclasses`` alone — and ``KBGEN_NO_CACHE=1``, another Python or a damaged file
only mean compiling as usual.
"""
from __future__ import annotations

import builtins
import sys

FORMAT = 1  # part of the file's name: a change to how the code is compiled here starts a new file
MAX_ENTRIES = 2000  # a file that would grow beyond this is written anew with this run's new code
_stored: dict = {}  # source text -> code object, from the file
_new: dict = {}  # source text -> code object, compiled by this process
_installed = False


def _file() -> str | None:
    from .regexcache import command, command_file
    if command() == "lib":
        return None
    return command_file("code", f"-O{sys.flags.optimize}-v{FORMAT}")


def _exec(source, globals=None, locals=None, /):
    """``exec`` for ``dataclasses``: a source text's stored code when there is one."""
    if type(source) is str:
        code = _stored.get(source) or _new.get(source)
        if code is None:
            # as dataclasses' own ``exec`` compiles it: with no ``from __future__`` of this module
            code = _new[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    return builtins.exec(source, globals, locals)


def preload() -> int:
    """Give ``dataclasses`` the cached ``exec`` (only in the ``kbgen`` command); how many stored
    code objects it has."""
    global _installed
    path = _file()
    if path is None or sys.implementation.name != "cpython":
        return 0
    import dataclasses
    if "exec" in vars(dataclasses) or not hasattr(dataclasses, "_create_fn"):
        return 0  # someone else's exec, or a dataclasses that does not compile methods this way
    from .regexcache import _read
    data = _read(path)
    if isinstance(data, dict):
        code_type = type(_file.__code__)
        _stored.update((k, v) for k, v in data.items() if type(k) is str and type(v) is code_type)
    dataclasses.exec = _exec
    _installed = True
    return len(_stored)


def uninstall() -> None:
    """``dataclasses`` with the builtin ``exec`` again (for the tests)."""
    global _installed
    import dataclasses
    if vars(dataclasses).get("exec") is _exec:
        del dataclasses.exec
    _installed = False


def save() -> int:
    """Store the code this process compiled that the file does not have yet; how many texts."""
    if not _installed or not _new:
        return 0
    path = _file()
    if path is None:
        return 0
    from .regexcache import _write
    entries = dict(_stored)
    if len(entries) + len(_new) > MAX_ENTRIES:
        entries = {}
    entries.update(_new)
    if not _write(path, entries):
        return 0
    n = len(_new)
    _stored.update(_new)
    _new.clear()
    return n
