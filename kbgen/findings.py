"""Locations and findings: the one currency between loaders, checks and reports."""
from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


class Loc(namedtuple("Loc", "path line col", defaults=(1, 1))):
    """A place in a content file: path relative to the project root, 1-based line and column.

    A named tuple rather than a frozen dataclass: the loader makes one for every YAML node
    (134,000 at 5,000 FAQs) and a frozen dataclass's ``__init__`` cost more than parsing them.
    Ordered, hashed and printed as before (``Loc(path='x', line=1, col=1)``)."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Finding:
    """One problem found: its rule, severity, place, message in the site's language, and subject."""

    rule: str  # e.g. "KB103"
    severity: Severity
    loc: Loc
    message: str
    subject: str = ""  # the store, channel, promise, FAQ or policy concerned

    @property
    def path(self) -> str:
        return self.loc.path

    @property
    def line(self) -> int:
        return self.loc.line

    @property
    def column(self) -> int:
        return self.loc.col

    def sort_key(self):
        return (self.loc.path, self.loc.line, self.loc.col, self.rule, self.message)


class ContentError(Exception):
    """A problem found while loading content: carries a finding."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


@dataclass
class Findings:
    """Findings collected while loading, in the order found."""

    items: list[Finding] = field(default_factory=list)

    def add(self, rule: str, severity: Severity, loc: Loc, message: str, subject: str = "") -> None:
        self.items.append(Finding(rule, severity, loc, message, subject))

    def error(self, rule: str, loc: Loc, message: str, subject: str = "") -> None:
        self.add(rule, "error", loc, message, subject)

    def warning(self, rule: str, loc: Loc, message: str, subject: str = "") -> None:
        self.add(rule, "warning", loc, message, subject)
