"""Proposed optimisations of other modules, applied as patches for measurement only.

``python -m bench.phases DIR build --proposed`` (and ``bench.run --proposed``) apply them before
running, so RESULTS.md can show what each change would save, measured, before anyone edits
the module. Nothing here is used by kbgen itself; each patch names the file to change.
"""
from __future__ import annotations

APPLIED: list[str] = []

# Applied for real in 42fd893 (measured here first): fold by translate table, business prefixes once
# per run, claim tables compiled once, no pydantic private factories, Material's search plugin no
# longer indexing the pages kbgen's index replaces.


def loc_copies_itself() -> None:
    """kbgen/findings.py: Loc is frozen, so copying it can return it. pydantic deep-copies
    Located's default ``_loc`` (Loc("?")) for every object it creates — 10,736 deepcopy calls at
    5,000 FAQs, ~0.2 s of loading. Add ``__copy__``/``__deepcopy__`` returning ``self`` (or make
    the default None with a fallback in ``loc``)."""
    from kbgen.findings import Loc
    Loc.__copy__ = lambda self: self
    Loc.__deepcopy__ = lambda self, memo: self
    APPLIED.append("loc_copies_itself")


ALL = [loc_copies_itself]


def apply_all() -> list[str]:
    import kbgen.checks as C
    C.load_families()
    for fn in ALL:
        try:
            fn()
        except Exception as exc:  # a module changed under us: measure without that patch
            APPLIED.append(f"{fn.__name__} FAILED: {exc}")
    return APPLIED
