"""Located YAML and small values: the traps measured on these machines, one test each."""
from __future__ import annotations

import pytest

from kbgen.loaders.yamlpos import YScalar, locate, parse_yaml, to_plain
from kbgen.values import human_value, parse_duration


def test_plain_scalars_keep_the_text_as_written():
    tree, problems = parse_yaml("a: 13:00\nb: 09:30\nc: 2026-12-24\nd: no\ne: 28012\nf: ~\n", "x.yaml")
    assert problems == []
    assert to_plain(tree) == {"a": "13:00", "b": "09:30", "c": "2026-12-24", "d": "no", "e": "28012", "f": None}


def test_duplicate_keys_are_reported_with_both_lines():
    tree, problems = parse_yaml("name: A\nphone: 1\nname: B\n", "x.yaml")
    [p] = problems
    assert p.rule == "KB107" and p.loc.line == 3 and "la primera en la línea 1" in p.message
    assert to_plain(tree)["name"] == "B"


def test_alias_bomb_is_bounded():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        prev = chr(97 + i)
    tree, problems = parse_yaml(bomb, "bomb.yaml")
    assert tree is None and problems[0].rule == "KB100" and "alias" in problems[0].message


def test_syntax_error_has_a_position_and_a_hint():
    tree, problems = parse_yaml("a: [1, 2\nb: 3\n", "x.yaml")
    assert tree is None and problems[0].rule == "KB100" and problems[0].loc.line >= 1
    tree, problems = parse_yaml("a:\n\t- 1\n", "x.yaml")
    assert "tabuladores" in problems[0].message


@pytest.mark.parametrize("src,needle,line,col", [
    ("a: |\n  uno\n  dos tres\n", "tres", 3, 7),
    ("a: >-\n  uno\n  dos tres\n", "tres", 3, 7),
    ("a: texto largo\n  sigue aqui\n", "aqui", 2, 9),
    ('a: "hola mundo"\n', "mundo", 1, 10),
    ("a: hola mundo\n", "mundo", 1, 9),
])
def test_positions_inside_text_values(src, needle, line, col):
    tree, _ = parse_yaml(src, "x.yaml")
    node = tree.get("a")
    assert isinstance(node, YScalar)
    loc = node.loc_at(node.value.index(needle))
    assert (loc.line, loc.col) == (line, col)


def test_locate_walks_keys_and_indexes():
    tree, _ = parse_yaml("s:\n  - id: a\n  - id: b\n    x: [1, 2]\n", "x.yaml")
    assert locate(tree, ("s", 1, "x", 1)).line == 4
    assert locate(tree, ("s", 1, "id"), key=True).col == 5


@pytest.mark.parametrize("text,lo,hi,human", [
    ("45m", 45, 45, "45 minutos"), ("10h", 600, 600, "10 horas"), ("3d", 4320, 4320, "3 días"),
    ("2d-4d", 2880, 5760, "2-4 días"), ("48h-72h", 2880, 4320, "48-72 horas"), ("1d", 1440, 1440, "1 día"),
])
def test_durations(text, lo, hi, human):
    d = parse_duration(text)
    assert (d.min, d.max, d.human()) == (lo, hi, human)


@pytest.mark.parametrize("bad", ["", "10", "diez horas", "4d-2d", "3x"])
def test_bad_durations(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


def test_human_values_for_references():
    assert human_value("15%") == "15 %" and human_value("14:00") == "14:00" and human_value("false") == "no"
