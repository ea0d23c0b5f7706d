"""Accent-insensitive folding that keeps ñ distinct."""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:
        return c
    if low == "ñ":
        return "ñ"
    base = unicodedata.normalize("NFD", low)
    return base[0] if len(base) > 1 and all(unicodedata.combining(x) for x in base[1:]) else low


class _FoldTable(dict):
    """str.translate table that folds each code point the first time it is seen."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_char(chr(code))
        return out


_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """Lowercase and strip accents character by character (keeps ñ); same length as ``text``,
    so positions found in the result are positions in the original."""
    return text.translate(_TABLE)


def fold(text: str) -> str:
    """Lowercase, strip accents (á->a, ü->u, ñ stays ñ), collapse whitespace, trim."""
    return _WS.sub(" ", fold_same_length(text)).strip()
