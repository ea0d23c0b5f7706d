"""kbgen's cache folder: things that do not depend on the content and are slow to make again on
every run (the theme's compiled templates, public-holiday calendars). Deleting it is always safe;
``KBGEN_NO_CACHE=1`` switches it off."""
from __future__ import annotations

import os


def cache_dir(name: str) -> str | None:
    """``$XDG_CACHE_HOME/kbgen/NAME`` (``~/.cache/kbgen/NAME``), created if needed; None when it
    cannot be written or ``KBGEN_NO_CACHE`` is set."""
    if os.environ.get("KBGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "kbgen", name)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def read_json(path: str):
    """The JSON in ``path``, or None if it is missing or unreadable."""
    import json
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def write_json(path: str, data) -> None:
    """Write ``data`` to ``path`` as JSON (see :func:`write_atomic`)."""
    import json
    write_atomic(path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def write_atomic(path: str, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically (a concurrent reader sees the old file or the new
    one); False if it could not be written, which only means the next run computes it again."""
    import tempfile
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


def prune(folder: str, most: int, keep: int) -> int:
    """When ``folder`` holds more than ``most`` files, remove the least recently written until
    ``keep`` are left (the files are remade when next needed); how many were removed. For caches
    whose keys change with something outside kbgen (Jinja's include the template's path: every
    project folder adds its own set)."""
    try:
        entries = [e for e in os.scandir(folder) if e.is_file(follow_symlinks=False)]
    except OSError:
        return 0
    if len(entries) <= most:
        return 0
    def written(e) -> float:
        try:
            return e.stat(follow_symlinks=False).st_mtime
        except OSError:
            return 0.0
    removed = 0
    for e in sorted(entries, key=lambda e: (written(e), e.name))[: len(entries) - keep]:
        try:
            os.unlink(e.path)
            removed += 1
        except OSError:
            pass
    return removed
