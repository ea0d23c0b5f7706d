"""Proposed optimisations of other modules, applied as patches for measurement only.

``python -m bench.phases DIR build --proposed`` (and ``bench.run --proposed``) apply them before
running, so RESULTS.md can show what each change would save, measured, before anyone edits
the module. Nothing here is used by kbgen itself; each patch names the file to change.
"""
from __future__ import annotations

import functools
import re

APPLIED: list[str] = []


def fold_translate() -> None:
    """kbgen/text/fold.py: fold_same_length() calls _fold_char() once per character (a third of
    `kbgen check`); str.translate with a table that learns each character once gives the same
    result (checked on every Unicode code point) ~20x faster."""
    from kbgen.text import fold as F

    class _Table(dict):
        def __missing__(self, code):
            out = self[code] = F._fold_char(chr(code))
            return out

    table = _Table()

    def fold_same_length(text: str) -> str:
        return text.translate(table)

    F.fold_same_length = fold_same_length
    import sys
    for mod in list(sys.modules.values()):  # modules that imported the function by name
        if getattr(mod, "fold_same_length", None) is not None and mod is not F and mod.__name__.startswith("kbgen"):
            mod.fold_same_length = fold_same_length
    APPLIED.append("fold_translate")


def business_prefixes_once() -> None:
    """kbgen/checks/offline.py: _business_prefixes(project) folds every store name and is called
    for every offline record with a name: stores x records (250,000 folds at 500 stores).
    Compute it once per check run."""
    from kbgen.checks import offline as O
    orig = O._business_prefixes
    memo: dict[int, list] = {}

    def once(project):
        key = id(project)
        if key not in memo:
            memo[key] = orig(project)
        return memo[key]

    O._business_prefixes = once
    APPLIED.append("business_prefixes_once")


def promises_ref_linear() -> None:
    """kbgen/checks/promises.py: _REF = r'\\{\\{\\s*([^{}]*?)\\s*\\}\\}' backtracks (minutes on '{{' followed
    by spaces); r'\\{\\{([^{}]*)\\}\\}' with .strip() where the key is used, as kbgen/loaders/refs.py."""
    from kbgen.checks import promises as P

    class _Stripped:
        def __init__(self, m):
            self._m = m

        def group(self, i=0):
            g = self._m.group(i)
            return g.strip() if i == 1 else g

        def __getattr__(self, name):
            return getattr(self._m, name)

    class _Ref:
        rx = re.compile(r"\{\{([^{}]*)\}\}")

        def sub(self, fn, s, *a):
            return self.rx.sub(lambda m: fn(_Stripped(m)) if callable(fn) else fn, s, *a)

        def search(self, s, *a):
            return self.rx.search(s, *a)

        def finditer(self, s, *a):
            return (_Stripped(m) for m in self.rx.finditer(s, *a))

    P._REF = _Ref()
    APPLIED.append("promises_ref_linear")


def skip_material_search_indexing() -> None:
    """kbgen/plugin.py (or the search module): Material's search plugin parses the HTML of every
    page in on_page_context to build a search_index.json that kbgen's on_post_build then replaces
    (a fifth of MkDocs' time at 5,000 FAQs). Keep the plugin (the UI needs its configuration) but
    drop its page_context handler when kbgen writes the index."""
    import kbgen.plugin as KP
    orig = KP.KbgenPlugin.on_config

    def on_config(self, config):
        out = orig(self, config)
        events = getattr(config.plugins, "events", {})
        search = [p for name, p in config.plugins.items() if name in ("material/search", "search")]
        if search and "page_context" in events:
            events["page_context"] = [m for m in events["page_context"] if getattr(m, "__self__", None) not in search]
        return out

    KP.KbgenPlugin.on_config = on_config
    APPLIED.append("skip_material_search_indexing")


def pydantic_private_defaults() -> None:
    """kbgen/model.py: Located's PrivateAttr(default_factory=dict) makes pydantic 2.13 call
    inspect.signature on the factory for every object it creates (takes_validated_data_argument,
    ~0.5 s at 5,000 FAQs). Use PrivateAttr(default=None) and `or {}` where read (or set them in
    loaders/content.attach). Measured here by memoising pydantic's check per factory."""
    from pydantic._internal import _fields
    _fields.takes_validated_data_argument = functools.lru_cache(maxsize=None)(_fields.takes_validated_data_argument)
    APPLIED.append("pydantic_private_defaults")


def claims_hits_precompiled() -> None:
    """kbgen/text/claims.py: _hits() formats and looks up a regex for every row of a table for
    every sentence (600,000 re._compile calls at 5,000 FAQs) although most sentences match no row.
    Compile each row once, and first search the whole table as one alternation: when it finds
    nothing, no row would (same results, far fewer passes)."""
    from kbgen.text import claims as CL
    memo: dict[tuple, tuple] = {}

    def _hits(table, text):
        pats = tuple(p for _, p, _ in table)
        comp = memo.get(pats)
        if comp is None:
            comp = memo[pats] = ([re.compile(rf"\b(?:{p})\b") for p in pats],
                                 re.compile("|".join(rf"\b(?:{p})\b" for p in pats)) if pats else None)
        rows, anyrow = comp
        if anyrow is None or not anyrow.search(text):
            return []
        taken = []
        for (key, _, weight), rx in zip(table, rows):
            for m in rx.finditer(text):
                if not any(m.start() < h.end and h.start < m.end() for h in taken):
                    taken.append(CL._Hit(m.start(), m.end(), key, weight))
        return sorted(taken, key=lambda h: h.start)

    CL._hits = _hits
    APPLIED.append("claims_hits_precompiled")


ALL = [fold_translate, claims_hits_precompiled, business_prefixes_once, promises_ref_linear, skip_material_search_indexing,
       pydantic_private_defaults]


def apply_all() -> list[str]:
    import kbgen.checks as C
    C.load_families()
    for fn in ALL:
        try:
            fn()
        except Exception as exc:  # a module changed under us: measure without that patch
            APPLIED.append(f"{fn.__name__} FAILED: {exc}")
    return APPLIED
