"""Synonym groups applied at index time."""
from __future__ import annotations

from importlib import resources

import yaml

from .textproc import analyze_pairs


def default_synonyms() -> dict[str, list[str]]:
    """kbgen's shipped Spanish retail list (``data/synonyms_es.yaml``)."""
    raw = resources.files("kbgen.search").joinpath("data/synonyms_es.yaml").read_text("utf-8")
    data = yaml.safe_load(raw) or {}
    return {str(k): [str(v) for v in (vs or [])] for k, vs in data.items()}


def merge_synonyms(*maps: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Union of synonym maps; the same key's lists are concatenated (order kept, no duplicates)."""
    out: dict[str, list[str]] = {}
    for m in maps:
        for k, vs in (m or {}).items():
            lst = out.setdefault(str(k), [])
            for v in vs or []:
                if str(v) not in lst:
                    lst.append(str(v))
    return out


class SynonymGroups:
    """Groups of phrases; each phrase is analysed to a tuple of index terms."""

    def __init__(self, synonyms: dict[str, list[str]]):
        self.groups: list[list[tuple[str, ...]]] = []
        self.surfaces: list[tuple[str, str]] = []  # (surface, term) of every member word
        for key in sorted(synonyms):
            members: list[tuple[str, ...]] = []
            for phrase in [key, *synonyms[key]]:
                pairs = analyze_pairs(phrase)
                terms = tuple(t for _, t in pairs)
                if terms and terms not in members:
                    members.append(terms)
                    self.surfaces.extend(pairs)
            if len(members) > 1:
                self.groups.append(members)

    def expand(self, sequences: list[list[str]], present: set[str] | None = None) -> list[str]:
        """Terms to add to a document whose fields have these term sequences
        (none of the document's own terms, ``present``)."""
        added: list[str] = []
        present_terms = set()
        for seq in sequences:
            present_terms.update(seq)
        exclude = present_terms | (present or set())
        for members in self.groups:
            hit = [m for m in members if _contains(sequences, m, present_terms)]
            if not hit:
                continue
            for m in members:
                if m in hit:
                    continue
                for t in m:
                    if t not in exclude and t not in added:
                        added.append(t)
        return added


def _contains(sequences: list[list[str]], phrase: tuple[str, ...], present: set[str]) -> bool:
    if any(t not in present for t in phrase):
        return False
    if len(phrase) == 1:
        return True
    n = len(phrase)
    for seq in sequences:
        for i in range(len(seq) - n + 1):
            if tuple(seq[i:i + n]) == phrase:
                return True
    return False
