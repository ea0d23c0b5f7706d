"""Snowball's Spanish stemmer, the one both the checks and the search use.

PyStemmer (Snowball's C library) when it is installed, as kbgen's dependencies ask; otherwise
``snowballstemmer``'s pure-Python port, about twenty times slower. Both are generated from the
same ``spanish.sbl`` and give the same stems (tests/test_search_pipeline.py compares them, and the
browser's port in ``kbgen/assets/search/snowball-es.js``, over thousands of words).
"""
from __future__ import annotations

try:
    import Stemmer as _c
except ImportError:  # pragma: no cover - PyStemmer is a dependency
    _c = None

if _c is not None:
    stem_word = _c.Stemmer("spanish").stemWord
    IMPLEMENTATION = "PyStemmer"
else:
    from snowballstemmer.spanish_stemmer import SpanishStemmer

    stem_word = SpanishStemmer().stemWord
    IMPLEMENTATION = "snowballstemmer"
