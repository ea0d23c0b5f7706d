"""The rule registry: every rule has a code, a severity, a one-paragraph doc and a check.

A check is a pure function ``(project, options) -> iterable of Finding``; it never reads
files. Rule families live one module each (``validation``, ``offline``, ``text``...).
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..findings import Finding


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    doc: str


@dataclass
class Options:
    today: dt.date = field(default_factory=dt.date.today)
    strict: bool = False
    search: bool = True  # run the search tests (KB7xx): needs the index built
    lang: str = "es"


RULES: dict[str, Rule] = {}
CHECKS: list[Callable] = []
FAMILIES = ("validation", "offline", "text", "promises", "freshness", "structure", "findability")


def rule(code: str, name: str, doc: str, severity: str = "error") -> Rule:
    r = Rule(code, name, severity, " ".join(doc.split()))
    RULES[code] = r
    return r


def check(fn: Callable) -> Callable:
    CHECKS.append(fn)
    return fn


def load_families() -> None:
    for fam in FAMILIES:
        try:
            importlib.import_module(f"{__name__}.{fam}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{fam}":
                raise


# Two families can see the same sentence: an opening-hours statement in site text is both a
# KB304 (text vs the stores' data) and a KB407 (opening promise). Report it once, as the first.
SHADOWED_BY = {"KB407": "KB304"}


def run_checks(project, options: Options) -> list[Finding]:
    load_families()
    out: list[Finding] = []
    for fn in CHECKS:
        if fn.__name__.startswith("search") and not options.search:
            continue
        out.extend(fn(project, options))
    seen = {(f.rule, f.loc.path, f.loc.line) for f in out}
    return [f for f in out
            if not (f.rule in SHADOWED_BY and (SHADOWED_BY[f.rule], f.loc.path, f.loc.line) in seen)]


def explain(code: str) -> Rule | None:
    load_families()
    return RULES.get(code.upper())
