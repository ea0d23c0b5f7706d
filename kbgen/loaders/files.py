"""Reading files safely: every failure becomes a finding with a position, never a traceback."""
from __future__ import annotations

import os
import stat

from ..findings import Finding, Loc

MAX_BYTES = 5 * 1024 * 1024


class Unreadable(Exception):
    """A file or folder that cannot be read at all (exit code 2)."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def display_path(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def read_text(path: str) -> tuple[str | None, Finding | None]:
    """The file's text (BOM and CRLF removed), or a finding saying why it cannot be used."""
    shown = display_path(path)
    fd = -1
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then says what it is
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise Unreadable(Finding("KB100", "error", Loc(shown),
                "this is a folder where a file was expected; remove or rename it"))
        if not stat.S_ISREG(st.st_mode):  # a pipe, a socket, /dev/zero...: reading could hang or never end
            raise Unreadable(Finding("KB100", "error", Loc(shown),
                "this is not a regular file (a pipe, a device or a socket); replace it with a text file"))
        size = st.st_size
        if size <= MAX_BYTES:
            with os.fdopen(fd, "rb") as fh:
                fd = -1
                data = fh.read(MAX_BYTES + 1)
            size = len(data)
        if size > MAX_BYTES:
            return None, Finding("KB100", "error", Loc(shown),
                f"the file is {size // (1024 * 1024)} MB; content files are limited to "
                f"{MAX_BYTES // (1024 * 1024)} MB — split it into several files")
    except Unreadable:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise Unreadable(Finding("KB100", "error", Loc(shown),
            f"cannot read this file ({reason}); check that it exists, is a regular file and is readable")) from None
    finally:
        if fd != -1:
            os.close(fd)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Finding("KB100", "error", Loc(shown, line, col),
            "the file is not UTF-8 text (saved as Latin-1/Windows?); save it again as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        return None, Finding("KB100", "error", Loc(shown), "the file contains NUL bytes; is it a binary file? save it as plain UTF-8 text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def list_files(folder: str, *exts: str) -> list[str]:
    """Files directly in ``folder`` with one of ``exts``, sorted; hidden files skipped."""
    if not os.path.isdir(folder):
        if os.path.lexists(folder):
            raise Unreadable(Finding("KB100", "error", Loc(display_path(folder)),
                "this is a file where a folder was expected; make it a folder of content files"))
        return []
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise Unreadable(Finding("KB100", "error", Loc(display_path(folder)),
            f"cannot list this folder ({exc.strerror}); check its permissions")) from None
    return [os.path.join(folder, n) for n in names
            if not n.startswith(".") and n.lower().endswith(exts)]
