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
        # A group is hit when one of its members occurs in the document. A one-word member
        # occurs when its term is present (``_word_groups``); a phrase must also occur as
        # consecutive terms (``_phrase_groups``, by first term, checked with ``_contains``).
        self._word_groups: dict[str, list[int]] = {}
        self._phrase_groups: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        # every member term of a group, in member order, once: what a hit group adds, less the
        # document's own terms (a hit member's terms are all the document's own)
        self._terms: list[list[str]] = []
        for g, members in enumerate(self.groups):
            for m in members:
                if len(m) == 1:
                    self._word_groups.setdefault(m[0], []).append(g)
                else:
                    self._phrase_groups.setdefault(m[0], []).append((g, m))
            self._terms.append(list(dict.fromkeys(t for m in members for t in m)))

    def expand(self, sequences: list[list[str]], present: set[str] | None = None) -> list[str]:
        """Terms to add to a document whose fields have these term sequences
        (none of the document's own terms, ``present``).

        Only the groups a present term can hit are looked at, in group order, so the cost
        follows the document, not the synonym list."""
        added: list[str] = []
        present_terms = set()
        for seq in sequences:
            present_terms.update(seq)
        hit = set()
        for t in present_terms.intersection(self._word_groups):
            hit.update(self._word_groups[t])
        for t in present_terms.intersection(self._phrase_groups):
            for g, phrase in self._phrase_groups[t]:
                if g not in hit and _contains(sequences, phrase, present_terms):
                    hit.add(g)
        if not hit:
            return added
        exclude = present_terms | present if present else present_terms
        seen = set()
        for g in sorted(hit):
            for t in self._terms[g]:
                if t not in exclude and t not in seen:
                    seen.add(t)
                    added.append(t)
        return added


def _contains(sequences: list[list[str]], phrase: tuple[str, ...], present: set[str]) -> bool:
    for t in phrase:
        if t not in present:
            return False
    if len(phrase) == 1:
        return True
    n = len(phrase)
    first = phrase[0]
    for seq in sequences:
        for i in range(len(seq) - n + 1):
            if seq[i] == first and tuple(seq[i:i + n]) == phrase:
                return True
    return False
