"""Spanish search: one pipeline, two runtimes (Python here, the browser in
``kbgen/assets/search``). See ``kbgen/search/README.md``."""
from __future__ import annotations

from .build import SearchDoc, build_search_payload, plain_text
from .engine import (SearchIndex, SearchMiss, SearchResult, load_index, load_index_from_dir, run_search_tests,
                     search)
from .synonyms import default_synonyms, merge_synonyms
from .textproc import analyze, fold, stem, tokenize

__all__ = [
    "SearchDoc",
    "SearchIndex",
    "SearchResult",
    "build_search_payload",
    "load_index",
    "load_index_from_dir",
    "search",
    "run_search_tests",
    "SearchMiss",
    "default_synonyms",
    "merge_synonyms",
    "analyze",
    "fold",
    "stem",
    "tokenize",
    "plain_text",
]
