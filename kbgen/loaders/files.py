"""Reading files safely: every failure becomes a finding with a position, never a traceback."""
from __future__ import annotations

import errno
import functools
import os
import stat

from ..findings import Finding, Loc
from ..messages import msg

MAX_BYTES = 5 * 1024 * 1024


class Unreadable(Exception):
    """A file or folder that cannot be read at all (exit code 2)."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def display_path(path: str) -> str:
    """The path as findings show it: relative to the working folder, unless it lies outside it."""
    return _display_path(path, os.getcwd())


@functools.lru_cache(maxsize=4096)
def _display_path(path: str, cwd: str) -> str:
    """Remembered: the loader asks several times per file, and ``relpath`` costs more than reading a small file."""
    rel = os.path.relpath(path, cwd)
    return path if rel.startswith("..") else rel


_OS_REASONS_ES = {errno.EACCES: "permiso denegado", errno.EPERM: "operación no permitida",
                  errno.ENOENT: "no existe", errno.ELOOP: "demasiados enlaces simbólicos",
                  errno.ENAMETOOLONG: "el nombre es demasiado largo", errno.EIO: "error de entrada/salida",
                  errno.ENOTDIR: "una parte de la ruta no es una carpeta"}


def _reason(exc: OSError, lang: str) -> str:
    """Why the system could not read a file, in the site's language where we know the words."""
    if lang != "en" and exc.errno in _OS_REASONS_ES:
        return _OS_REASONS_ES[exc.errno]
    return exc.strerror or str(exc)


def read_text(path: str, lang: str = "es", seen: list | None = None) -> tuple[str | None, Finding | None]:
    """The file's text (BOM and CRLF removed), or a finding saying why it cannot be used.

    Messages are in ``lang`` (the site's language). ``seen`` gets (path, size, modification time
    in ns) of the regular file opened: what was read, to compare two readings of the content."""
    shown = display_path(path)
    fd = -1
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then says what it is
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise Unreadable(Finding("KB100", "error", Loc(shown), msg("file.is.folder", lang)))
        if not stat.S_ISREG(st.st_mode):  # a pipe, a socket, /dev/zero...: reading could hang or never end
            raise Unreadable(Finding("KB100", "error", Loc(shown), msg("file.not.regular", lang)))
        size = st.st_size
        if seen is not None:
            seen.append((path, size, st.st_mtime_ns))
        if size <= MAX_BYTES:
            data = _read_at_most(fd, size, MAX_BYTES + 1)
            size = len(data)
        if size > MAX_BYTES:
            return None, Finding("KB100", "error", Loc(shown), msg("file.too.big", lang, size=size // (1024 * 1024),
                                                                   max=MAX_BYTES // (1024 * 1024)))
    except Unreadable:
        raise
    except OSError as exc:
        raise Unreadable(Finding("KB100", "error", Loc(shown),
                                 msg("file.unreadable", lang, reason=_reason(exc, lang)))) from None
    finally:
        if fd != -1:
            os.close(fd)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Finding("KB100", "error", Loc(shown, line, col), msg("file.not.utf8", lang))
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        return None, Finding("KB100", "error", Loc(shown), msg("file.nul", lang))
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _read_at_most(fd: int, expected: int, limit: int) -> bytes:
    """At most ``limit`` bytes of the open file ``fd``, asking first for the ``expected`` size and one
    more (a file that grew since ``fstat`` is read on). Reading with ``limit`` as the size would
    make a buffer of the whole limit (5 MB) for every file, and cost more than the reading."""
    chunks, total, want = [], 0, min(expected + 1, limit)
    while total < limit:
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = min(limit - total, 1 << 16)
    return b"".join(chunks)


def list_files(folder: str, *exts: str, lang: str = "es") -> list[str]:
    """Files directly in ``folder`` with one of ``exts``, sorted; hidden files skipped."""
    if not os.path.isdir(folder):
        if os.path.lexists(folder):
            raise Unreadable(Finding("KB100", "error", Loc(display_path(folder)), msg("folder.is.file", lang)))
        return []
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise Unreadable(Finding("KB100", "error", Loc(display_path(folder)),
                                 msg("folder.unlistable", lang, reason=_reason(exc, lang)))) from None
    return [os.path.join(folder, n) for n in names
            if not n.startswith(".") and n.lower().endswith(exts)]
