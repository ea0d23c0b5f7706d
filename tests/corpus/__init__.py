"""The planted-difference and benign-variant corpus (differences.yaml, benign.yaml) and the helpers
that apply one entry to a copy of the example content and run the checks on it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 29)


def load(name: str) -> list[dict]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def plant(content: Path, entry: dict) -> Path:
    """Apply ``entry`` (file, old, new) to the content folder; returns the changed file."""
    path = content / entry["file"]
    text = path.read_text(encoding="utf-8")
    assert text.count(entry["old"]) == 1, f"{entry['id']}: {entry['old']!r} must occur once in {entry['file']}"
    path.write_text(text.replace(entry["old"], entry["new"]), encoding="utf-8")
    return path


def line_of(path: Path, needle) -> int:
    """Line of ``needle``; ``[needle, nth]`` for its nth occurrence, ``[needle, nth, delta]`` for a line near it."""
    nth, delta = 1, 0
    if isinstance(needle, (list, tuple)):
        needle, nth, delta = (list(needle) + [1, 0][len(needle) - 1:])[:3]
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            nth -= 1
            if nth == 0:
                return i + delta
    raise AssertionError(f"{needle!r} not in {path}")


def column_of(path: Path, line: int, needle: str) -> int:
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    assert needle in text, f"{needle!r} not on line {line} of {path}"
    return text.index(needle) + 1


def findings(content: Path, today: dt.date = TODAY, lang: str | None = None):
    """Every finding of ``kbgen check`` on ``content`` (without the search tests)."""
    from kbgen.checks import Options
    from kbgen.engine import analyse
    result = analyse(str(content), Options(today=today, search=False))
    assert not result.unreadable, result.unreadable
    return result.findings


def family(rule: str) -> str:
    return rule[:3]
