"""Locations and findings: the one currency between loaders, checks and reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a content file: path relative to the project root, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Finding:
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
    items: list[Finding] = field(default_factory=list)

    def add(self, rule: str, severity: Severity, loc: Loc, message: str, subject: str = "") -> None:
        self.items.append(Finding(rule, severity, loc, message, subject))

    def error(self, rule: str, loc: Loc, message: str, subject: str = "") -> None:
        self.add(rule, "error", loc, message, subject)

    def warning(self, rule: str, loc: Loc, message: str, subject: str = "") -> None:
        self.add(rule, "warning", loc, message, subject)
