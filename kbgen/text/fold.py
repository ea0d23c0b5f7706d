"""Accent-insensitive folding that keeps ñ distinct."""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


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


def _latin1_table() -> bytes:
    """_fold_char of each Latin-1 character as a bytes.translate table (each result is Latin-1 too:
    ``bytes`` would refuse anything else)."""
    return bytes(ord(_fold_char(chr(b))) for b in range(256))


_LATIN1 = _latin1_table()


def _fold_match(m: re.Match) -> str:
    return _TABLE[ord(m.group())]


def fold_same_length(text: str) -> str:
    """Lowercase and strip accents character by character (keeps ñ); same length as ``text``,
    so positions found in the result are positions in the original.

    The same as ``_fold_char`` on every character, computed the fast way: ``str.lower`` first
    (folding a character and folding its lower case give the same result, tested on every code
    point), then a byte table when the text is Latin-1 (most Spanish text), else a lookup for
    the non-ASCII characters only. Where ``str.lower`` is not one character for one (a character
    whose lower case is longer, "İ"; "Σ", which becomes "ς" at the end of a word), the text is
    folded character by character."""
    low = text.lower()
    if len(low) != len(text) or "\u03a3" in text:
        return text.translate(_TABLE)
    try:
        return low.encode("latin-1").translate(_LATIN1).decode("latin-1")
    except UnicodeEncodeError:  # "€", "’", "–"…: only the non-ASCII characters need the table
        return _NON_ASCII.sub(_fold_match, low)


def is_latin1(text: str) -> bool:
    """Whether every character of ``text`` is below U+0100 (most Spanish and English text): then
    none of the typographic dashes, quotes and spaces above it (U+2010…) can be in it."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def fold(text: str) -> str:
    """Lowercase, strip accents (á->a, ü->u, ñ stays ñ), collapse whitespace, trim."""
    return _WS.sub(" ", fold_same_length(text)).strip()
