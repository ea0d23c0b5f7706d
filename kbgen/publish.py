"""Safe publishing: build into a temporary folder beside site/, then swap it in atomically.

A failed or killed build never touches the previous site/; a lock serialises concurrent builds;
leftovers of a killed build are removed by the next one.
"""
from __future__ import annotations

import ctypes
import fcntl
import glob
import os
import shutil
import tempfile
from contextlib import contextmanager

_RENAME_EXCHANGE = 2


class BuildFailed(Exception):
    pass


@contextmanager
def build_lock(site_dir: str):
    path = os.path.join(os.path.dirname(os.path.abspath(site_dir)), f".{os.path.basename(site_dir)}.lock")
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _exchange(a: str, b: str) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn(-100, os.fsencode(a), -100, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _cleanup(parent: str, name: str) -> None:
    site = os.path.join(parent, name)
    for leftover in sorted(glob.glob(os.path.join(glob.escape(parent), f".{glob.escape(name)}-*"))):
        if not os.path.exists(site) and os.path.isdir(os.path.join(leftover, "previous")):
            os.rename(os.path.join(leftover, "previous"), site)  # a swap killed half-way: restore
        shutil.rmtree(leftover, ignore_errors=True)


def publish(site_dir: str, build) -> None:
    """Run ``build(tmp_dir)`` and make its output ``site_dir``; on any exception nothing changes."""
    site_dir = os.path.abspath(site_dir)
    parent, name = os.path.dirname(site_dir), os.path.basename(site_dir)
    os.makedirs(parent, exist_ok=True)
    with build_lock(site_dir):
        _cleanup(parent, name)
        work = tempfile.mkdtemp(prefix=f".{name}-", dir=parent)
        new = os.path.join(work, "new")
        try:
            build(new)
            os.chmod(new, 0o755)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        if os.path.exists(site_dir) and _exchange(new, site_dir):
            pass  # new now holds the previous site
        else:
            if os.path.exists(site_dir):
                os.rename(site_dir, os.path.join(work, "previous"))
            os.rename(new, site_dir)
        shutil.rmtree(work, ignore_errors=True)
