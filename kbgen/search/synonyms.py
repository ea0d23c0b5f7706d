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
        # first term of a member -> groups having such a member: a group can only be hit when
        # the first term of one of its members is present, so only those groups are looked at
        self._by_first: dict[str, list[int]] = {}
        for g, members in enumerate(self.groups):
            for m in members:
                lst = self._by_first.setdefault(m[0], [])
                if not lst or lst[-1] != g:
                    lst.append(g)

    def expand(self, sequences: list[list[str]], present: set[str] | None = None) -> list[str]:
        """Terms to add to a document whose fields have these term sequences
        (none of the document's own terms, ``present``).

        Groups are visited in their order, like a scan over all groups, but only those that
        can be hit (``_by_first``), so the cost follows the document, not the synonym list."""
        added: list[str] = []
        present_terms = set()
        for seq in sequences:
            present_terms.update(seq)
        firsts = present_terms.intersection(self._by_first)
        if not firsts:
            return added
        candidates = set()
        for t in firsts:
            candidates.update(self._by_first[t])
        exclude = present_terms | (present or set())
        seen = set()
        for g in sorted(candidates):
            members = self.groups[g]
            hit = [m for m in members
                   if (m[0] in present_terms if len(m) == 1 else _contains(sequences, m, present_terms))]
            if not hit:
                continue
            for m in members:
                if m in hit:
                    continue
                for t in m:
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
