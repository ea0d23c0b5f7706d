"""YAML with positions: every value keeps its file, line and column, and its text as written.

PyYAML's YAML 1.1 resolver turns an unquoted ``13:00`` into 780, ``2026-12-24`` into a
date and ``no`` into False.  We compose the node graph instead and keep every plain
scalar as the string the editor wrote; typing happens later, against the schema.
Duplicate keys (which PyYAML silently overwrites) are reported, and alias expansion
is bounded so an "alias bomb" cannot exhaust memory.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..findings import ContentError, Finding, Loc

MAX_NODES = 200_000
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


@dataclass
class YNode:
    loc: Loc


@dataclass
class YScalar(YNode):
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
        text = self.value or ""
        before = text[:offset]
        nl = before.count("\n")
        col_in_line = offset - (before.rfind("\n") + 1)
        if self.style in ("|", ">"):
            return Loc(self.loc.path, self.body_line + nl, self.indent + col_in_line + 1)
        if nl:
            return Loc(self.loc.path, self.loc.line + nl, col_in_line + 1)
        quote = 1 if self.style in ("'", '"') else 0
        return Loc(self.loc.path, self.loc.line, self.loc.col + quote + col_in_line)


@dataclass
class YMap(YNode):
    items: dict[str, tuple[YScalar, YNode]] = field(default_factory=dict)

    def get(self, key: str) -> YNode | None:
        pair = self.items.get(key)
        return pair[1] if pair else None

    def key_loc(self, key: str) -> Loc:
        pair = self.items.get(key)
        return pair[0].loc if pair else self.loc


@dataclass
class YSeq(YNode):
    items: list[YNode] = field(default_factory=list)


class _Converter:
    def __init__(self, path: str, lines: list[str]):
        self.path = path
        self.lines = lines
        self.count = 0
        self.duplicates: list[Finding] = []

    def loc(self, node) -> Loc:
        m = node.start_mark
        return Loc(self.path, m.line + 1, m.column + 1)

    def convert(self, node) -> YNode:
        self.count += 1
        if self.count > MAX_NODES:
            raise ContentError(Finding("KB100", "error", self.loc(node),
                f"the file expands to more than {MAX_NODES} values (anchors and aliases "
                "repeated too often?); write the values out or split the file"))
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
                raise ContentError(Finding("KB109", "error", key.loc,
                    "a key must be a plain word, not a list or a mapping"))
            name = key.value if key.value is not None else "null"
            if name in out.items:
                first = out.items[name][0].loc
                self.duplicates.append(Finding("KB107", "error", key.loc,
                    f'key "{name}" appears twice in the same block (first at line {first.line}); '
                    "YAML keeps only the last one — delete or merge one of them"))
            out.items[name] = (key, self.convert(vnode))
        return out

    def segments(self, node, style) -> tuple:
        """(line, col, length) of every non-blank source line of a folded or multi-line plain scalar."""
        first = node.start_mark.line + (1 if style == ">" else 0)
        out = []
        for i in range(first, min(node.end_mark.line + 1, len(self.lines))):
            text = self.lines[i]
            start = node.start_mark.column if (i == node.start_mark.line) else len(text) - len(text.lstrip(" "))
            body = text[start:].rstrip()
            if i == node.end_mark.line and style is None:
                body = text[start:node.end_mark.column].rstrip()
            if body:
                out.append((i + 1, start + 1, len(body)))
        return tuple(out)

    def scalar(self, node) -> YScalar:
        loc = self.loc(node)
        style = node.style or None  # libyaml says "" for a plain scalar
        value: str | None = node.value
        if style is None and node.tag in ("tag:yaml.org,2002:null",) or (style is None and _NULL.match(value or "")):
            value = None
        ys = YScalar(loc, value, style)
        if style == ">" or (style is None and node.end_mark.line > node.start_mark.line):
            ys.segments = self.segments(node, style)
        if style in ("|", ">"):
            ys.body_line = loc.line + 1
            for i in range(loc.line, min(len(self.lines), loc.line + 200)):
                text = self.lines[i]
                if text.strip():
                    ys.body_line = i + 1
                    ys.indent = len(text) - len(text.lstrip(" "))
                    break
        return ys


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


def _compose(text: str):
    if _CParser is not None and not _LENIENT.search(text):
        try:
            loader = _FastLoader(text)
            try:
                return loader.get_single_node()
            finally:
                loader.dispose()
        except (yaml.YAMLError, UnicodeError, ValueError):
            pass  # let PyYAML word the error, as it always has
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_finding(path: str, exc: yaml.YAMLError, text: str = "") -> Finding:
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        pos = min(max(exc.position, 0), len(text))  # the reader gives a position, not a mark
        line, col = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        return Finding("KB100", "error", Loc(path, line, col),
            f"this is not valid YAML: an invisible control character (U+{exc.character:04X}) is here; "
            "delete it (it often comes from text pasted out of another program)")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    hint = "check the indentation and that text with ':' or '#' is in quotes"
    if "\t" in problem or "'\\t'" in problem or re.search(r"\btabs?\b", problem.lower()):
        hint = "indent with spaces, not tabs"
    return Finding("KB100", "error", Loc(path, line, col), f"this is not valid YAML ({problem}); {hint}")


def parse_yaml(text: str, path: str) -> tuple[YNode | None, list[Finding]]:
    """Parse one YAML document into a located tree. Returns (tree or None, findings)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        root = _compose(text)
    except yaml.YAMLError as exc:
        return None, [_syntax_finding(path, exc, text)]
    except RecursionError:
        return None, [Finding("KB100", "error", Loc(path), "the YAML is nested too deeply; flatten it")]
    if root is None:
        return None, []
    conv = _Converter(path, text.splitlines())
    try:
        tree = conv.convert(root)
    except ContentError as exc:
        return None, [exc.finding]
    except RecursionError:
        return None, [Finding("KB100", "error", Loc(path), "the YAML is nested too deeply (a recursive alias?); flatten it")]
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
