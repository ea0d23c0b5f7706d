"""The Spanish search pipeline, Python side.

lowercase -> accent folding (keeps ñ) -> split on anything but [a-z0-9ñ]
-> Spanish stop words -> Snowball Spanish stemming.

``kbgen/assets/search/kbsearch.js`` implements exactly the same steps for the
browser (``KBSearch.fold``, ``tokenize``, ``analyze``) and the browser tests
compare both on the same words. Change one, change the other.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from ..text.stemmer import stem_word as _stem_word

_COMBINING = re.compile("[\u0300-\u036f]")
_WORD = re.compile("[a-z0-9ñ]+")


def fold(text: str) -> str:
    """Lowercase and strip diacritics, keeping ñ: "Año Más" -> "año mas".

    Same as JS ``s.toLowerCase().normalize("NFD").replace(/n\\u0303/g, "ñ")
    .replace(/[\\u0300-\\u036f]/g, "")``.
    """
    s = unicodedata.normalize("NFD", text.lower())
    s = s.replace("n\u0303", "ñ")
    return _COMBINING.sub("", s)


def tokenize(text: str) -> list[str]:
    """Folded word tokens: runs of [a-z0-9ñ] in ``fold(text)``."""
    return _WORD.findall(fold(text))


def _load_stopwords() -> frozenset[str]:
    raw = resources.files("kbgen.search").joinpath("data/stopwords_es.txt").read_text("utf-8")
    words = set()
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(fold(line))
    return frozenset(words)


STOP_WORDS: frozenset[str] = _load_stopwords()

@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Snowball Spanish stem of a folded token, plus a plural fix-up.

    Digits-only tokens are unchanged. Snowball leaves some plurals alone
    ("tickets", "años", "kits") or stops one step short ("talleres" ->
    "taller" while "taller" -> "tall"); for tokens of 4+ letters ending in
    "s": if Snowball changed nothing, stem the word without the "s"; if it
    only removed a final "es", stem the word without it. Both sides of the
    index (documents and queries) go through this same function.
    """
    if token.isdigit():
        return token
    s = _stem_word(token)
    if len(token) >= 4 and token[-1] == "s":
        if s == token:
            return stem(token[:-1])
        if token[-2] == "e" and s == token[:-2]:
            return stem(token[:-2])
    return s


def is_stop(token: str) -> bool:
    return token in STOP_WORDS


def analyze(text: str) -> list[str]:
    """Full pipeline: the index terms of ``text`` in order (stop words removed)."""
    return [stem(t) for t in tokenize(text) if t not in STOP_WORDS]


def analyze_pairs(text: str) -> list[tuple[str, str]]:
    """(folded surface word, term) for each non-stop-word token of ``text``."""
    return [(t, stem(t)) for t in tokenize(text) if t not in STOP_WORDS]
