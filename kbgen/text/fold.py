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


def fold_same_length(text: str) -> str:
    """Lowercase and strip accents character by character (keeps ñ); same length as ``text``,
    so positions found in the result are positions in the original."""
    return "".join(_fold_char(c) for c in text)


def fold(text: str) -> str:
    """Lowercase, strip accents (á->a, ü->u, ñ stays ñ), collapse whitespace, trim."""
    return _WS.sub(" ", fold_same_length(text)).strip()
