"""Located YAML and small values: the traps measured on these machines, one test each."""
from __future__ import annotations

import hypothesis
import hypothesis.strategies as st
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


# ------------------------------------------------------------------ the fast readers agree with the general ones
def test_lenient_prefilter_is_the_pattern():
    from kbgen.loaders.yamlpos import _LENIENT, _lenient
    samples = ["a: b\n", "a: |#\n", "a: >-2#x", "a: '#'", "x: ?@", "? `", "a: !!str x", "a:!x", "!x", "[!x]",
               "a:\tb", "a\x85b", "a\u2028", "\ufeffa", "a # c\n", "a: b!", "{a: !b}", "a: |\n  #\n", "?", "#", "!"]
    for text in samples:
        assert _lenient(text) == bool(_LENIENT.search(text)), text


def _general(text):
    from kbgen.loaders import yamlpos
    saved = yamlpos._compose_fast

    def refuse(*args):
        raise yamlpos._Fallback
    yamlpos._compose_fast = refuse
    try:
        return parse_yaml(text, "x.yaml")
    finally:
        yamlpos._compose_fast = saved


def _shape(tree, problems):
    from kbgen.loaders.yamlpos import YSeq

    def walk(n):
        if n is None:
            return None
        if isinstance(n, YScalar):
            return ("s", n.value, n.style, tuple(n.loc), n.body_line, n.indent, n.segments)
        if isinstance(n, YSeq):
            return ("l", tuple(n.loc), [walk(x) for x in n.items])
        return ("m", tuple(n.loc), [(k, walk(kn), walk(v)) for k, (kn, v) in n.items.items()])
    return walk(tree), [(p.rule, tuple(p.loc), p.message) for p in problems]


@pytest.mark.parametrize("src", [
    "a: 1\na: 2\n", "- a\n- b: c\n  b: d\n", "x: |\n  uno\n  dos\n", "y: >\n  uno\n  dos\n\n  tres\n",
    "z: texto\n  largo\n", "", "# c\n", "---\n", "--- a\n", "a: b\n---\nc: d\n", "~: 1\n: 2\n",
    "a: null\nb: ~\nc: Null\nd: ''\ne:\nf: nulo\n", "[a, {b: c}, [d]]", "a: &x 1\nb: *x\n", "<<: {a: 1}\n",
    "? [a]\n: b\n", "a: {b: 1, b: 2}\n", "k: 'quoted\n  two'\n", 'k: "dq\\n"\n', "a:\n  - - - x\n",
    "a: " + "[" * 70 + "]" * 70 + "\n", "a: [1, 2\n", "a: 'x\n", "- a\n" * 50,
])
def test_fast_reader_builds_the_general_tree(src):
    """libyaml's events read straight into the located tree give the tree (and the duplicate keys, and
    the errors) that PyYAML's composer and the converter give."""
    assert _shape(*parse_yaml(src, "x.yaml")) == _shape(*_general(src))


def _twin_or_none(cls, data):
    from pydantic import ValidationError

    from kbgen import model as m
    try:
        return m.from_pydantic(m.pydantic_model(cls).model_validate(data))
    except ValidationError:
        return None


SPELLINGS = ["", "x", "true", "false", "True", "False", "TRUE", "yes", "no", "Yes", "on", "off", "1", "0", "-0",
             "007", " 3", "3", "-3", "+3", "3.0", "1_000", "40.4168", "-3.70", "-91", "90", "180.5", "1e3", "nan",
             "2026-01-05", "2026-02-30", "2026-1-5", "2026-01-05T00:00", "20260105", "es", "en", "EN", "closed",
             "Cerrado", " habitual ", "regular", "phone", "telephone", "13:00-14:00", "closed\n", None]


@pytest.mark.parametrize("cls_name", ["Site", "Store", "Channel", "SpecialHours", "Geo", "Category", "Question",
                                      "Promise", "ClaimSpec", "PolicyMeta", "OfflineFile", "OfflineStore"])
def test_fast_model_reader_never_reads_differently_from_pydantic(cls_name):
    """Every field of every content class, written in many spellings: what the fast reader accepts,
    pydantic accepts too, with the same value (what it refuses, pydantic then decides)."""
    from kbgen import model as m
    from kbgen.loaders.typed import NeedsPydantic, read_model
    from kbgen.loaders.yamlpos import to_plain
    cls = getattr(m, cls_name)
    minimal = {
        "Site": "name: A\n", "Store": "name: A\naddress: {street: s, postal_code: '1', city: c}\nhours: {mon: closed}\n",
        "Channel": "id: a\nkind: phone\n", "SpecialHours": "date: 2026-01-05\n", "Geo": "lat: 1\nlon: 2\n",
        "Category": "category: A\n", "Question": "id: a\nq: b\na: c\n", "Promise": "id: a\ntext: b\n",
        "ClaimSpec": "metric: a\n", "PolicyMeta": "title: A\n", "OfflineFile": "source: a\n", "OfflineStore": "name: a\n",
    }[cls_name]
    checked = 0
    for field in cls.model_fields:
        for value in SPELLINGS + [["a", "b"], [None], {"k": "v"}, {"k": None}, {"k": ["a"]}, []]:
            tree, problems = parse_yaml(minimal, "x.yaml")
            node, _ = parse_yaml(yaml_dump({field: value}), "x.yaml")
            tree.items[field] = node.items[field]
            try:
                fast = read_model(cls, tree)
            except NeedsPydantic:
                continue
            slow = _twin_or_none(cls, to_plain(tree))
            assert slow is not None, (cls_name, field, value)
            assert fast.model_dump() == slow.model_dump(), (cls_name, field, value)
            checked += 1
    assert checked


def yaml_dump(data) -> str:
    import yaml
    return yaml.safe_dump(data, allow_unicode=True)


def test_content_objects_keep_positions_and_the_old_api():
    from kbgen import model as m
    from kbgen.loaders.content import validate
    from kbgen.findings import Findings
    tree, _ = parse_yaml("category: Envíos\nquestions:\n  - id: plazo\n    q: ¿Cuándo?\n    a: |\n      En 48 h.\n",
                         "faq/envios.yaml")
    out = Findings()
    cat = validate(m.Category, tree, "faq/envios.yaml", out)
    assert out.items == [] and isinstance(cat, m.Category)
    q = cat.questions[0]
    assert (q.loc.line, q.loc_of("id").line, q.key_loc_of("a").col, q.has("a"), q.has("owner")) == (3, 3, 5, True, False)
    assert q.loc_at("a", 3) == m.Loc("faq/envios.yaml", 6, 10)
    assert q.model_dump() == {"id": "plazo", "q": "¿Cuándo?", "a": "En 48 h.\n", "keywords": [], "reviewed": None,
                              "owner": None}
    assert q.model_copy().loc == q.loc and q.model_copy(update={"id": "x"}).id == "x"
    fresh = m.Question(id="a", q="b", a="c")
    assert fresh.keywords == [] and fresh.keywords is not m.Question(id="a", q="b", a="c").keywords
    assert fresh.loc == m.Loc("?") and fresh.loc_of("id") == m.Loc("?") and not fresh.has("id")
    with pytest.raises(TypeError):
        m.Question(id="a", q="b")
    with pytest.raises(TypeError):
        m.Question(id="a", q="b", a="c", awnser="d")


def test_pydantic_errors_still_word_bad_content():
    from kbgen import model as m
    from kbgen.loaders.content import validate
    from kbgen.findings import Findings
    tree, _ = parse_yaml("name: A\naddress: {street: s, postal_code: '1', city: c}\nhours: {mon: closed}\n"
                         "geo: {lat: 200, lon: 2}\nadress: x\n", "stores/a.yaml")
    out = Findings()
    assert validate(m.Store, tree, "stores/a.yaml", out) is None
    got = sorted((f.rule, f.loc.line, f.loc.col) for f in out.items)
    assert got == [("KB102", 5, 1), ("KB109", 4, 12)]


def test_check_imports_neither_pydantic_nor_the_site_builders():
    """``kbgen check`` starts without pydantic (content is read by kbgen's own reader) and without
    MkDocs, Material, Markdown or Jinja (only ``kbgen build`` needs them)."""
    import subprocess
    import sys
    code = ("import sys, kbgen.cli, kbgen.engine, kbgen.checks as c; c.load_families(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'pydantic', 'mkdocs', 'material', 'markdown', 'jinja2', 'asyncio', 'holidays'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(st.text(alphabet="ab\n", max_size=9000), st.data())
def test_line_and_column_agrees_with_reading_the_text_before(text, data):  # noqa: D103
    from kbgen.loaders.yamlpos import line_and_column
    offset = data.draw(st.integers(0, len(text)))
    before = text[:offset]
    assert line_and_column(text, offset) == (before.count("\n"), offset - (before.rfind("\n") + 1))


def test_suppression_prefilter_never_skips_a_suppression():
    """scan_suppressions looks for "kbgen:" in the lowered text before using its case-insensitive
    pattern: every character the pattern accepts for a letter of "kbgen:" lowers to that letter
    (the Kelvin sign to "k"), so no file with a suppression is skipped."""
    import re
    import sys
    from kbgen.findings import Findings
    from kbgen.loaders.content import scan_suppressions
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for ch in "kbgen:":
        accepted = set(re.compile(re.escape(ch), re.I).findall(every))
        assert accepted and all(c.lower() == ch for c in accepted), (ch, accepted)
    for text in ('a: 1  # KBGEN: IGNORE KB301 reason="x"', 'a: 1  # \u212aBgen: ignore KB301 reason="x"',
                 '<!-- kbgen:ignore KB301 reason="x" -->'):
        assert len(scan_suppressions(text, "f.yaml", Findings())) == 1, text


def test_reading_a_file_asks_for_its_size_and_reads_on_if_it_grew(tmp_path):
    """read_text reads ``fstat``'s size and one byte more; a file that grew in between is read to
    its end, and never beyond the limit."""
    import os
    from kbgen.loaders.files import _read_at_most
    path = tmp_path / "f.yaml"
    body = ("pregunta: ¿abrís el domingo?\n" * 10_000).encode()
    path.write_bytes(body)
    for expected, limit, want in ((len(body), len(body) + 1, body), (10, len(body) + 1, body),
                                  (0, len(body) + 1, body), (len(body), 100, body[:100]), (5, 70_000, body[:70_000])):
        fd = os.open(path, os.O_RDONLY)
        try:
            assert _read_at_most(fd, expected, limit) == want
        finally:
            os.close(fd)
    path.write_bytes(b"")
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _read_at_most(fd, 0, 10) == b""
    finally:
        os.close(fd)
