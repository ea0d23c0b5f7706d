"""Located YAML straight into the content classes of ``kbgen/model.py``: the fast path of validation.

A file that is plainly valid — every key known, every value of its declared type, written the
ordinary way — is read here in one walk over its located tree, each object keeping the mapping
it came from (its positions). Anything else raises ``NeedsPydantic`` and the caller validates the
file with the classes' pydantic twins, which decide and word the errors exactly as before.

So this reader may refuse what pydantic would accept (``closed: on``, ``order: " 3"``: the twin
accepts them, only more slowly), but must never accept what pydantic refuses, nor read a value
differently: tests/test_loader_units.py compares the two on every type and many spellings.
"""
from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Any, Callable, Literal, Union

from .. import model as m
from .yamlpos import YMap, YNode, YScalar, YSeq


class NeedsPydantic(Exception):
    """The node is not plainly valid for its type: let the pydantic twin decide (and word why)."""


_NEEDS = NeedsPydantic  # raised as the class: an instance kept here would hold on to its last traceback

# Spellings whose meaning is certain; pydantic's wider lax rules ("1", "on", " 7", "2026-01-05T00:00")
# are left to it.
_BOOLS = {"true": True, "false": False, "True": True, "False": False, "yes": True, "no": False}
_INT = re.compile(r"0|-?[1-9][0-9]{0,15}")
_FLOAT = re.compile(r"-?[0-9]{1,6}(?:\.[0-9]{1,17})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Reader = Callable[[YNode], Any]
_READERS: dict[Any, Reader] = {}


def read_model(cls: type, node: YNode) -> Any:
    """An object of content class ``cls`` from a located mapping; NeedsPydantic if not plainly valid."""
    if type(node) is not YMap:
        raise _NEEDS
    items = node.items
    plan = _plan(cls)
    if len(items) > len(plan) or not items.keys() <= cls.model_fields.keys():
        raise _NEEDS  # an unknown key
    values: dict[str, Any] = {}
    for name, read, required, default in plan:
        pair = items.get(name)
        if pair is None:
            if required:
                raise _NEEDS
            values[name] = default()
        else:
            values[name] = read(pair[1])
    values["_node"] = node
    values["_loc"] = node.loc
    obj = object.__new__(cls)
    obj.__dict__ = values
    return obj


_PLANS: dict[type, list] = {}


def _plan(cls: type) -> list:
    """(field, reader, required, default factory) for each field of ``cls``, built once."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        for name, f in cls.model_fields.items():
            read = reader(f.annotation)
            if f.ge is not None or f.le is not None:
                read = _bounded(read, f.ge, f.le)
            plan.append((name, read, f.required, _default_factory(f)))
        _PLANS[cls] = plan
    return plan


def _default_factory(f: m.FieldInfo) -> Callable[[], Any]:
    if isinstance(f.default, (list, dict)):
        return f.make_default
    default = f.default
    return lambda: default


def reader(ann: Any) -> Reader:
    """The reader of a located node for type ``ann`` (built once per type)."""
    read = _READERS.get(ann)
    if read is None:
        read = _READERS[ann] = _make_reader(ann)
    return read


def _make_reader(ann: Any) -> Reader:
    if isinstance(ann, type) and issubclass(ann, m.Located):
        return lambda node: read_model(ann, node)
    simple = _SIMPLE.get(ann)
    if simple is not None:
        return simple
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin is typing.Annotated:
        return _annotated(args[0], ann.__metadata__)
    if origin is Literal:
        return _literal(args)
    if origin is list:
        return _list(reader(args[0]))
    if origin is dict and args[0] is str:
        return _dict(reader(args[1]))
    if origin is Union:
        return _union(args)
    raise TypeError(f"kbgen.loaders.typed: no reader for {ann!r}; add one")  # a new kind of field


def _str(node: YNode) -> str:
    if type(node) is YScalar and node.value is not None:
        return node.value
    raise _NEEDS


def _bool(node: YNode) -> bool:
    if type(node) is YScalar:
        value = _BOOLS.get(node.value)
        if value is not None:
            return value
    raise _NEEDS


def _int(node: YNode) -> int:
    if type(node) is YScalar and node.value is not None and _INT.fullmatch(node.value):
        return int(node.value)
    raise _NEEDS


def _float(node: YNode) -> float:
    if type(node) is YScalar and node.value is not None and _FLOAT.fullmatch(node.value):
        return float(node.value)
    raise _NEEDS


def _date(node: YNode) -> dt.date:
    if type(node) is YScalar and node.value is not None and _DATE.fullmatch(node.value):
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            pass
    raise _NEEDS


def _none(node: YNode) -> None:
    if type(node) is YScalar and node.value is None:
        return None
    raise _NEEDS


_SIMPLE: dict[Any, Reader] = {str: _str, bool: _bool, int: _int, float: _float, dt.date: _date, type(None): _none}


def _bounded(read: Reader, ge, le) -> Reader:
    def bounded(node: YNode):
        value = read(node)
        if (ge is not None and not value >= ge) or (le is not None and not value <= le):
            raise _NEEDS
        return value
    return bounded


def _literal(options: tuple) -> Reader:
    allowed = frozenset(options)

    def literal(node: YNode):
        if type(node) is YScalar and node.value in allowed:
            return node.value
        raise _NEEDS
    return literal


def _annotated(base: Any, metadata: tuple) -> Reader:
    """``Annotated[Literal[...], Before(f)]``: ``f`` maps the text as written, then the literal checks it."""
    befores = [a.func for a in metadata if isinstance(a, m.Before)]
    if len(befores) != len(metadata) or typing.get_origin(base) is not Literal:
        raise TypeError(f"kbgen.loaders.typed: no reader for Annotated[{base!r}, ...]")
    allowed = frozenset(typing.get_args(base))

    def annotated(node: YNode):
        if type(node) is YScalar and node.value is not None:
            value = node.value
            for f in befores:
                value = f(value)
            if value in allowed:
                return value
        raise _NEEDS
    return annotated


def _list(item: Reader) -> Reader:
    def read_list(node: YNode) -> list:
        if type(node) is YSeq:
            return [item(n) for n in node.items]
        raise _NEEDS
    return read_list


def _dict(value: Reader) -> Reader:
    def read_dict(node: YNode) -> dict:
        if type(node) is YMap:
            return {k: value(v) for k, (_, v) in node.items.items()}
        raise _NEEDS
    return read_dict


def _union(members: tuple) -> Reader:
    """``Optional[X]`` and ``Union[str, list[str], None]``: a scalar goes to the one scalar member
    (null to None), a list to the list member, a mapping to the mapping member; anything ambiguous
    is left to pydantic."""
    scalar = [a for a in members if a is not type(None) and typing.get_origin(a) not in (list, dict)
              and not (isinstance(a, type) and issubclass(a, m.Located))]
    seqs = [a for a in members if typing.get_origin(a) is list]
    maps = [a for a in members if typing.get_origin(a) is dict or (isinstance(a, type) and issubclass(a, m.Located))]
    nullable = type(None) in members
    if len(scalar) > 1 or len(seqs) > 1 or len(maps) > 1:
        raise TypeError(f"kbgen.loaders.typed: no reader for {Union[members]!r}")
    read_scalar = reader(scalar[0]) if scalar else None
    read_seq = reader(seqs[0]) if seqs else None
    read_map = reader(maps[0]) if maps else None

    def union(node: YNode):
        kind = type(node)
        if kind is YScalar:
            if node.value is None and nullable:
                return None
            if read_scalar is not None:
                return read_scalar(node)
        elif kind is YSeq:
            if read_seq is not None:
                return read_seq(node)
        elif read_map is not None:
            return read_map(node)
        raise _NEEDS
    return union
