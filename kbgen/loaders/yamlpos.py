"""YAML with positions: every value keeps its file, line and column, and its text as written.

PyYAML's YAML 1.1 resolver turns an unquoted ``13:00`` into 780, ``2026-12-24`` into a
date and ``no`` into False.  We compose the node graph instead and keep every plain
scalar as the string the editor wrote; typing happens later, against the schema.
Duplicate keys (which PyYAML silently overwrites) are reported, and alias expansion
is bounded so an "alias bomb" cannot exhaust memory.

Two ways to the same tree: an ordinary document is read in one pass over libyaml's events
(``_compose_fast``); anything unusual (anchors, aliases, merge keys, tags, errors, very deep
nesting) goes the general way, PyYAML's composer and ``_Converter``, which also words the errors.
tests/test_loader_units.py and tests/test_hypothesis_content.py check that both agree.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from dataclasses import dataclass, field

import yaml

from ..findings import ContentError, Finding, Loc
from ..messages import msg

MAX_NODES = 200_000
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


@lru_cache(maxsize=64)
def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """(newlines before ``offset``, characters since the last of them) in ``text``. Long texts
    keep their line starts (a 100 KB paragraph with a finding per line would otherwise be read
    from its start once per finding)."""
    if len(text) < 4096:
        return text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1)
    starts = _line_starts(text)
    nl = bisect_right(starts, offset) - 1
    return nl, offset - starts[nl]


@dataclass(slots=True)
class YNode:
    """A node of a located YAML tree: where it starts."""

    loc: Loc


@dataclass(slots=True)
class YScalar(YNode):
    """A scalar as written (the text, never a YAML 1.1 type) and where each part of it comes from."""

    value: str | None
    style: str | None = None  # None (plain), "'", '"', "|", ">"
    body_line: int = 0  # for block scalars: first content line (1-based)
    indent: int = 0  # for block scalars: indentation of the content
    segments: tuple = ()  # folded text (">" or multi-line plain): (line, col, length) of each source line

    def loc_at(self, offset: int) -> Loc:
        """The file position of character ``offset`` of the value."""
        if self.segments:  # folded: each source line became one stretch of the value, joined by one char
            pos = 0
            for line, col, length in self.segments:
                if offset <= pos + length:
                    return Loc(self.loc.path, line, col + max(0, offset - pos))
                pos += length + 1
            line, col, length = self.segments[-1]
            return Loc(self.loc.path, line, col + length)
        nl, col_in_line = line_and_column(self.value or "", offset)
        if self.style in ("|", ">"):
            return Loc(self.loc.path, self.body_line + nl, self.indent + col_in_line + 1)
        if nl:
            return Loc(self.loc.path, self.loc.line + nl, col_in_line + 1)
        quote = 1 if self.style in ("'", '"') else 0
        return Loc(self.loc.path, self.loc.line, self.loc.col + quote + col_in_line)


@dataclass(slots=True)
class YMap(YNode):
    """A mapping: each key's located key node and value node, in the order written."""

    items: dict[str, tuple[YScalar, YNode]] = field(default_factory=dict)

    def get(self, key: str) -> YNode | None:
        pair = self.items.get(key)
        return pair[1] if pair else None

    def key_loc(self, key: str) -> Loc:
        pair = self.items.get(key)
        return pair[0].loc if pair else self.loc


@dataclass(slots=True)
class YSeq(YNode):
    """A list of located nodes."""

    items: list[YNode] = field(default_factory=list)


class _Converter:
    def __init__(self, path: str, lines: list[str], lang: str = "es"):
        self.path = path
        self.lines = lines
        self.lang = lang
        self.count = 0
        self.duplicates: list[Finding] = []

    def loc(self, node) -> Loc:
        m = node.start_mark
        return Loc(self.path, m.line + 1, m.column + 1)

    def convert(self, node) -> YNode:
        self.count += 1
        if self.count > MAX_NODES:
            raise ContentError(Finding("KB100", "error", self.loc(node), msg("yaml.too.many", self.lang, n=MAX_NODES)))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return YSeq(self.loc(node), [self.convert(n) for n in node.value])
        out = YMap(self.loc(node))
        for knode, vnode in node.value:
            if knode.tag == "tag:yaml.org,2002:merge" or (isinstance(knode, yaml.ScalarNode) and knode.value == "<<" and not knode.style):
                merged = self.convert(vnode)
                for m in merged.items if isinstance(merged, YSeq) else [merged]:
                    if isinstance(m, YMap):
                        for k, pair in m.items.items():
                            out.items.setdefault(k, pair)
                continue
            key = self.convert(knode)
            if not isinstance(key, YScalar):
                raise ContentError(Finding("KB109", "error", key.loc, msg("yaml.key.not.word", self.lang)))
            name = key.value if key.value is not None else "null"
            if name in out.items:
                first = out.items[name][0].loc
                self.duplicates.append(Finding("KB107", "error", key.loc,
                                               msg("yaml.duplicate.key", self.lang, name=name, line=first.line)))
            out.items[name] = (key, self.convert(vnode))
        return out

    def scalar(self, node) -> YScalar:
        loc = self.loc(node)
        style = node.style or None  # libyaml says "" for a plain scalar
        value: str | None = node.value
        if style is None and node.tag in ("tag:yaml.org,2002:null",) or (style is None and _NULL.match(value or "")):
            value = None
        return _scalar(self.lines, loc, value, style, node.start_mark.line, node.start_mark.column,
                       node.end_mark.line, node.end_mark.column)


def _segments(lines: list[str], first_line: int, first_col: int, end_line: int, end_col: int, style) -> tuple:
    """(line, col, length) of every non-blank source line of a folded or multi-line plain scalar
    (marks are 0-based, as the parsers give them)."""
    first = first_line + (1 if style == ">" else 0)
    out = []
    for i in range(first, min(end_line + 1, len(lines))):
        text = lines[i]
        start = first_col if (i == first_line) else len(text) - len(text.lstrip(" "))
        body = text[start:].rstrip()
        if i == end_line and style is None:
            body = text[start:end_col].rstrip()
        if body:
            out.append((i + 1, start + 1, len(body)))
    return tuple(out)


def _scalar(lines: list[str], loc: Loc, value, style, line: int, col: int, end_line: int, end_col: int) -> YScalar:
    """A located scalar; folded, multi-line and block scalars also get where each source line went."""
    if style is None and end_line == line:  # the common case: a one-line plain scalar
        return YScalar(loc, value, None)
    segments: tuple = ()
    if style == ">" or (style is None and end_line > line):
        segments = _segments(lines, line, col, end_line, end_col, style)
    body_line = indent = 0
    if style in ("|", ">"):
        body_line = loc.line + 1
        for i in range(loc.line, min(len(lines), loc.line + 200)):
            text = lines[i]
            if text.strip():
                body_line = i + 1
                indent = len(text) - len(text.lstrip(" "))
                break
    return YScalar(loc, value, style, body_line, indent, segments)


try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml
    _CParser = None

if _CParser is not None:
    class _FastLoader(yaml.composer.Composer, _CParser, yaml.resolver.Resolver):
        """libyaml's scanner and parser (about 7x faster than PyYAML's) under PyYAML's Python composer:
        the same node tree, and a deeply nested document raises RecursionError instead of
        overflowing the C stack (libyaml's own composer recurses in C and crashes the process)."""

        def __init__(self, stream):
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)


# Where libyaml is more lenient than PyYAML (found by tests/test_hypothesis_content.py): tabs, NEL,
# line/paragraph separators and stray BOMs inside the text, "|#" / ">#" block headers, "?@" and "?`"
# in flow collections, and tags. Such texts go to PyYAML alone, so every file reads as it always did.
_LENIENT = re.compile(r"[\t\x85\u2028\u2029\ufeff]|[|>][-+0-9]*#|\?[@`]|(?:^|[\s\[{,])!")
_LENIENT_CHARS = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")
_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")
_TAG = re.compile(r"(?:^|[\s\[{,])!")


def _lenient(text: str) -> bool:
    """Whether ``_LENIENT`` matches, without scanning the text with it (a tenth of a second at 5,000
    FAQs): each of its alternatives needs a character that ``in`` finds at memory speed."""
    if any(c in text for c in _LENIENT_CHARS):
        return True
    if "#" in text and _HEADER_COMMENT.search(text):
        return True
    if "?" in text and ("?@" in text or "?`" in text):
        return True
    return "!" in text and _TAG.search(text) is not None


def _compose(text: str):
    if _CParser is not None and not _lenient(text):
        try:
            loader = _FastLoader(text)
            try:
                return loader.get_single_node()
            finally:
                loader.dispose()
        except (yaml.YAMLError, UnicodeError, ValueError):
            pass  # let PyYAML word the error, as it always has
    return yaml.compose(text, Loader=yaml.SafeLoader)


class _Fallback(Exception):
    """The document needs what only the full reader does (anchors, aliases, merge keys, very deep
    nesting, a complex key, several documents, a node limit): read it the general way."""


_MAX_FAST_DEPTH = 64  # deeper documents take the general path, which words "too deep" as it always has
_NULL_START = frozenset("~nN")


def _put(items: dict, key: YScalar, node: YNode, duplicates: list, lang: str) -> None:
    """``key: node`` into a mapping's items; a key said twice is KB107 (the last value is kept)."""
    name = key.value if key.value is not None else "null"
    if name in items:
        duplicates.append(Finding("KB107", "error", key.loc, msg(
            "yaml.duplicate.key", lang, name=name, line=items[name][0].loc.line)))
    items[name] = (key, node)


def _compose_fast(text: str, path: str, lines: list[str], lang: str):
    """The located tree straight from libyaml's events: (tree or None, duplicate-key findings).

    The same tree the general path (PyYAML's composer, then ``_Converter``) builds, in one pass
    and without PyYAML's intermediate nodes or resolver — loading was mostly that. It covers
    plain documents only and raises ``_Fallback`` for anything else (anchors and aliases, ``<<``,
    tags, a mapping or list used as a key, a second document, nesting deeper than
    ``_MAX_FAST_DEPTH``, more than ``MAX_NODES`` nodes), and lets libyaml's errors through for
    the caller to re-read the text with PyYAML, which words them as it always has."""
    Scalar, MapStart, SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    MapEnd, SeqEnd, DocEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.DocumentEndEvent
    new_loc = tuple.__new__  # Loc(...) without a Python call: one per node
    parser = _CParser(text)
    try:
        get = parser.get_event
        get()  # StreamStart
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            return None, []
        if not isinstance(event, yaml.DocumentStartEvent):
            raise _Fallback
        root = None
        items = seq = key = None  # the open mapping's items and its pending key, or the open list
        stack: list = []  # the enclosing collections' (items, seq)
        duplicates: list[Finding] = []
        count = 0
        while True:
            event = get()
            kind = type(event)
            if kind is Scalar:
                count += 1
                if event.anchor is not None or event.tag is not None or count > MAX_NODES:
                    raise _Fallback
                mark = event.start_mark
                loc = new_loc(Loc, (path, mark.line + 1, mark.column + 1))
                style = event.style or None
                value = event.value
                end = event.end_mark
                if style is None:
                    if (not value or value[0] in _NULL_START) and _NULL.match(value):
                        value = None
                    node = YScalar(loc, value, None) if end.line == mark.line else \
                        _scalar(lines, loc, value, None, mark.line, mark.column, end.line, end.column)
                elif style == '"' or style == "'":
                    node = YScalar(loc, value, style)
                else:
                    node = _scalar(lines, loc, value, style, mark.line, mark.column, end.line, end.column)
                if items is not None:
                    if key is None:
                        if style is None and value == "<<":
                            raise _Fallback  # a merge key
                        key = node
                        continue
                    _put(items, key, node, duplicates, lang)
                    key = None
                elif seq is not None:
                    seq.append(node)
                else:
                    root = node
            elif kind is MapStart or kind is SeqStart:
                count += 1
                if event.anchor is not None or event.tag is not None or count > MAX_NODES \
                        or len(stack) >= _MAX_FAST_DEPTH:
                    raise _Fallback
                mark = event.start_mark
                loc = new_loc(Loc, (path, mark.line + 1, mark.column + 1))
                node = YMap(loc, {}) if kind is MapStart else YSeq(loc, [])
                if items is not None:
                    if key is None:
                        raise _Fallback  # a mapping or a list as a key
                    _put(items, key, node, duplicates, lang)
                    key = None
                elif seq is not None:
                    seq.append(node)
                else:
                    root = node
                stack.append((items, seq))
                items, seq = (node.items, None) if kind is MapStart else (None, node.items)
            elif kind is MapEnd or kind is SeqEnd:
                items, seq = stack.pop()
            elif kind is DocEnd:
                if not isinstance(get(), yaml.StreamEndEvent):
                    raise _Fallback  # a second document: the general path words that error
                return root, duplicates
            else:  # an alias
                raise _Fallback
    finally:
        parser.dispose()


# PyYAML words its problems in English: the ones an editor meets, said in Spanish ("{x}": what it quotes).
_PROBLEMS_ES = (
    (r"^found character (.*) that cannot start any token", "un valor no puede empezar por {x}"),
    (r"^mapping values are not allowed here", "hay un ':' donde no se espera (¿un texto con ':' sin comillas, "
                                              "o una clave mal sangrada?)"),
    (r"^could not find expected ':'", "falta el ':' detrás de una clave"),
    (r"^found undefined alias (.*)", "el alias {x} no está definido antes con &"),
    (r"^second occurrence", "ya hay más arriba un ancla (&) con este nombre"),
    (r"^expected indentation indicator", "detrás de | o > solo puede ir un número del 1 al 9"),
    (r"^expected chomping or indentation indicators", "detrás de | o > solo puede ir +, - o un número del 1 al 9"),
    (r"^expected alphabetic or numeric character", "el nombre de un ancla (&) o de un alias (*) solo puede "
                                                   "llevar letras y números"),
    (r"^found unexpected end of stream", "el archivo termina antes de tiempo (¿unas comillas sin cerrar?)"),
    (r"^found unknown escape character (.*)", "{x} no vale detrás de \\ entre comillas dobles "
                                             "(usa comillas simples o escribe \\\\)"),
    (r"^expected ',' or '\]'", "falta una coma o el ']' que cierra la lista"),
    (r"^expected ',' or '\}'", "falta una coma o la '}' que cierra el bloque"),
    (r"^expected <block end>", "la sangría no cuadra con la de las líneas de arriba"),
    (r"^(?:expected a single document|but found another document)",
     "hay más de un documento (una línea --- en medio); deja solo uno"),
    (r"^expected the node content", "falta un valor"),
    (r"^expected a comment or a line break", "sobra texto detrás del valor"),
    (r"^mapping keys are not allowed here", "aquí no se espera una clave"),
    (r"^sequence entries are not allowed here", "aquí no se espera un elemento de lista ('- …')"),
    (r"^found unexpected document separator", "hay una línea --- o ... que no se espera"),
    (r"^invalid indentation or unclosed", "la sangría está mal o falta cerrar un '[' o una '{'"),
    (r"^did not find expected key", "falta una clave o la sangría no cuadra"),
    (r"^did not find expected '-' indicator", "falta el '-' de un elemento de lista o la sangría no cuadra"),
    (r"^did not find expected (?:node content|alphabetic or numeric character)", "falta un valor"),
    (r"^found a tab character", "hay un tabulador"),
)


def _problem_es(problem: str) -> str:
    for pattern, words in _PROBLEMS_ES:
        m = re.match(pattern, problem)
        if m:
            return words.replace("{x}", m.group(1) if m.groups() else "")
    return ""


def _syntax_finding(path: str, exc: yaml.YAMLError, text: str = "", lang: str = "es") -> Finding:
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        pos = min(max(exc.position, 0), len(text))  # the reader gives a position, not a mark
        line, col = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        return Finding("KB100", "error", Loc(path, line, col), msg("yaml.control", lang, code=f"{exc.character:04X}"))
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    hint = msg("yaml.hint", lang)
    if "\t" in problem or "'\\t'" in problem or re.search(r"\btabs?\b", problem.lower()):
        hint = msg("yaml.hint.tabs", lang)
    detail = _problem_es(problem) if lang != "en" else ""
    return Finding("KB100", "error", Loc(path, line, col),
                   msg("yaml.syntax", lang, problem=problem, hint=hint, detail=f": {detail}" if detail else ""))


def parse_yaml(text: str, path: str, lang: str = "es") -> tuple[YNode | None, list[Finding]]:
    """Parse one YAML document into a located tree. Returns (tree or None, findings).

    The findings' messages are in ``lang``, the site's language."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if _CParser is not None and not _lenient(text):
        try:
            return _compose_fast(text, path, text.splitlines(), lang)
        except _Fallback:
            pass
        except (yaml.YAMLError, UnicodeError, ValueError):
            return _parse_general(text, path, lang, fast=False)  # PyYAML words the error
        except RecursionError:
            pass
    return _parse_general(text, path, lang)


def _parse_general(text: str, path: str, lang: str, fast: bool = True) -> tuple[YNode | None, list[Finding]]:
    """Any YAML: PyYAML's composer (over libyaml's parser when ``fast`` and the text allows), then
    the located tree; what ``_compose_fast`` leaves to it (anchors, aliases, errors...)."""
    try:
        root = _compose(text) if fast else yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return None, [_syntax_finding(path, exc, text, lang)]
    except RecursionError:
        return None, [Finding("KB100", "error", Loc(path), msg("yaml.too.deep", lang))]
    if root is None:
        return None, []
    conv = _Converter(path, text.splitlines(), lang)
    try:
        tree = conv.convert(root)
    except ContentError as exc:
        return None, [exc.finding]
    except RecursionError:
        return None, [Finding("KB100", "error", Loc(path), msg("yaml.too.deep.alias", lang))]
    return tree, conv.duplicates


def to_plain(node: YNode | None):
    """The located tree as plain Python (dicts, lists, strings, None) for schema validation."""
    if node is None:
        return None
    if isinstance(node, YScalar):
        return node.value
    if isinstance(node, YSeq):
        return [to_plain(n) for n in node.items]
    return {k: to_plain(v) for k, (_, v) in node.items.items()}


def locate(node: YNode | None, path: tuple, key: bool = False) -> Loc | None:
    """The position of the value at ``path`` (keys and list indexes) below ``node``.

    Walks as far as the path exists; with ``key=True`` the last step gives the key's position.
    """
    cur = node
    best = node.loc if node else None
    for i, step in enumerate(path):
        if isinstance(cur, YMap) and isinstance(step, str) and step in cur.items:
            k, v = cur.items[step]
            if key and i == len(path) - 1:
                return k.loc
            cur = v
        elif isinstance(cur, YSeq) and isinstance(step, int) and 0 <= step < len(cur.items):
            cur = cur.items[step]
        else:
            break
        best = cur.loc
    return best
