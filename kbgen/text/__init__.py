"""Pure text parsers: phones, e-mails, addresses, hours, dates (no file I/O)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextMatch:
    """Something found in a text: ``text[start:end] == raw``; ``value`` is its normalised form."""

    start: int
    end: int
    raw: str
    value: object
