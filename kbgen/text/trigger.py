"""Triggers: one cheap regex that says whether a text can hold anything a set of scanners reads.

The prose scanners (claims, opening hours) are many patterns each, and most sentences of a help
site hold nothing they read ("Lleva el tique a la tienda."). A trigger finds, in one pass, a
*piece* that every match of one of the scanners' patterns contains — a digit, "gratis",
"todos\\s+los\\s+dias", "domingo" — so that a text or sentence without any is skipped unread.

The pieces are read from the compiled patterns themselves (``pieces_of``, over the parsed regex),
so a trigger follows every change to the patterns it stands for: of a sequence the most selective
element counts, of alternatives the pieces of all of them, and a part that can match without fixed
text (``\\w+``, an optional group) gives none. The pieces are then joined into one regex with
shared prefixes factored out (``trie``), which the regex engine only tries at their first letters.

A piece has no lookaround, so finding one in a sentence means finding it in the text around the
sentence too: a text without any piece has no sentence with one. Digits are left to ``DIGIT``
(one fast search), which callers run first.
"""
from __future__ import annotations

import functools
import re
import re._constants as _sre
import re._parser as _sre_parse
from typing import Iterable, Optional

from .fold import is_latin1

DIGIT = re.compile(r"\d")
DIGIT_PIECE = (r"\d",)  # the piece "any digit": DIGIT looks for it


def any_digit(text: str) -> bool:
    """Whether ``text`` holds a digit: what ``DIGIT`` (``\\d``, any Unicode decimal digit) finds, three
    times faster. Below U+0100 the only decimal digits are 0-9, so a text all of whose characters are
    there (it encodes as Latin-1: most Spanish and English text) is looked through for those ten
    characters, each at memory speed; any other text is searched with ``DIGIT``."""
    if not is_latin1(text):
        return DIGIT.search(text) is not None
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text
            or "6" in text or "7" in text or "8" in text or "9" in text)


@functools.lru_cache(maxsize=16)
def has_digit(text: str) -> bool:
    """``any_digit`` of a whole text. Several scanners ask it of the same whole text in turn
    (phones, addresses, claims): the last texts' answers are remembered. For whole texts only: a
    slice is a new string each time (use ``any_digit``)."""
    return any_digit(text)

_SPACES = (r"\s*", r"\s+")


def _space_token(op, av) -> Optional[str]:
    r"""``\s+`` / ``\s*`` for a repeated whitespace class (kept in a piece: "todos\s+los\s+dias")."""
    if op is _sre.MAX_REPEAT and list(av[2]) == [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])]:
        return r"\s*" if av[0] == 0 else r"\s+"
    return None


def _rank(pieces: set) -> tuple:
    """How selective "one of these pieces" is: the fewer letters its shortest piece has, the more
    text contains one; a digit costs nothing (it is looked for anyway)."""
    letters = [99 if p == DIGIT_PIECE else sum(1 for t in p if t not in _SPACES) for p in pieces]
    return min(letters), -len(pieces)


def _required(items) -> Optional[set]:
    r"""Pieces of text, one of which every match of the parsed pattern ``items`` contains: tuples of
    regex tokens (a literal character, ``\s+`` or ``\s*``), ``DIGIT_PIECE`` for any digit; None
    when no piece is certain (the part can match without fixed text)."""
    best: Optional[set] = None
    run: list[str] = []

    def offer(pieces: Optional[set]) -> None:
        nonlocal best
        if pieces and (best is None or _rank(pieces) > _rank(best)):
            best = pieces

    def close_run() -> None:
        while run and run[-1] in _SPACES:
            run.pop()
        if run:
            offer({DIGIT_PIECE} if any(t.isdigit() for t in run) else {tuple(run)})
        run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(re.escape(chr(av)))
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # consumes nothing: the characters on either side are next to each other
        elif _space_token(op, av) and run:
            run.append(_space_token(op, av))
        else:
            close_run()
            if op is _sre.SUBPATTERN and not (av[1] & re.I):
                offer(_required(av[3]))
            elif op is _sre.BRANCH:
                alts = [_required(a) for a in av[1]]
                offer(None if None in alts else set().union(*alts))
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                offer(_required(av[2]))
            elif op is _sre.IN and av == [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]:
                offer({DIGIT_PIECE})
    close_run()
    return best


def pieces_of(*patterns: re.Pattern) -> Optional[set]:
    """The pieces of each pattern together (a match of any of them contains one of the pieces);
    None if one of the patterns has none (or ignores case: its pieces could be written any way)."""
    out: set = set()
    for rx in patterns:
        pieces = None if rx.flags & re.I else _required(_sre_parse.parse(rx.pattern, rx.flags))
        if pieces is None:
            return None
        out |= pieces
    return out


def tokens(phrase: str) -> tuple[str, ...]:
    r"""A literal phrase as trie tokens; a space stands for ``\s+`` as in claims' ``_alt``."""
    return tuple(r"\s+" if c == " " else re.escape(c) for c in phrase)


def trie(entries: Iterable[tuple[tuple[str, ...], str]]) -> str:
    """One regex matching any (tokens, then suffix) entry, shared prefixes factored out ("ab|ac" ->
    "a(?:b|c)"): the engine tries a few branches per position, and only at their first letters.
    An entry that ends with no suffix makes the entries it is a prefix of unnecessary."""
    root: dict = {}
    for toks, suffix in entries:
        node = root
        for t in toks:
            node = node.setdefault(t, {})
        node.setdefault(None, set()).add(suffix)

    def emit(node: dict) -> str:
        ends = node.get(None, set())
        if "" in ends:
            return ""  # already a match: what would follow adds nothing
        alts = [t + emit(node[t]) for t in sorted(k for k in node if k is not None)] + sorted(ends)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def trigger(*patterns: re.Pattern, extra: Iterable[tuple[tuple[str, ...], str]] = ()) -> re.Pattern:
    """A regex that finds one of the pieces of ``patterns`` (or an ``extra`` entry: tokens and a
    regex suffix) wherever one of the patterns matches; digits are left to DIGIT. It matches
    everywhere when a pattern has no piece (nothing can then be skipped).

    The trigger's text is kept in the cache folder (``regexcache.derived``), keyed by the patterns,
    ``extra`` and this module's own source: deriving it parses every pattern again."""
    from .. import regexcache
    extra = list(extra)
    key = repr(([(p.pattern, p.flags) for p in patterns], extra))
    text = regexcache.derived(__file__, key)
    if text is None:
        pieces = pieces_of(*patterns)
        text = "" if pieces is None else trie([*extra, *((p, "") for p in pieces if p != DIGIT_PIECE)])
        regexcache.remember(__file__, key, text)
    return re.compile(text)
