"""Issue 9, property-based: mutate valid content files (byte flips, deleted or repeated lines,
renamed keys, swapped values, shifted indentation) and kbgen still never crashes — it exits
0, 1 or 2, every finding points into the file it names, and a build that refuses leaves the
previous site/ byte-identical. Also: the fast YAML reader (libyaml under PyYAML's composer)
reads every input exactly as PyYAML alone does.

Runs in this process (kbgen.cli.main with captured output), a modest number of examples.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from malformed.support import (copy_project, findings, leftovers, make_base, old_site, run_inprocess,
                               tree_hash)

EXAMPLES = int(os.environ.get("KBGEN_HYPOTHESIS_EXAMPLES", "30"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, str, list[str]]:
    proj = make_base(tmp_path_factory.mktemp("hyp"))
    before = old_site(proj)
    files = sorted(str(p.relative_to(proj)) for p in (proj / "content").rglob("*")
                   if p.is_file() and p.suffix in (".yaml", ".md", ".csv"))
    return proj, before, files


# ------------------------------------------------------------------ mutations
KEY = re.compile(rb"^(\s*-?\s*)([A-Za-z_][\w-]*)(:)", re.M)


@st.composite
def mutation(draw, data: bytes):
    kind = draw(st.sampled_from(["flip", "delete", "duplicate", "rename", "swap", "indent", "truncate"]))
    lines = data.split(b"\n")
    if kind == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 6))):
            i = draw(st.integers(0, max(0, len(out) - 1)))
            out[i] = draw(st.sampled_from([0x09, 0x0A, 0x20, 0x22, 0x27, 0x3A, 0x2D, 0x23, 0x7B, 0x7D, 0x5B,
                                           0x26, 0x2A, 0x3E, 0x7C, 0x00, 0xC3, 0xFF, draw(st.integers(0, 255))]))
        return kind, bytes(out)
    if kind == "delete":
        i = draw(st.integers(0, len(lines) - 1))
        n = draw(st.integers(1, 3))
        return kind, b"\n".join(lines[:i] + lines[i + n:])
    if kind == "duplicate":
        i = draw(st.integers(0, len(lines) - 1))
        return kind, b"\n".join(lines[:i + 1] + [lines[i]] + lines[i + 1:])
    if kind == "indent":
        i = draw(st.integers(0, len(lines) - 1))
        lines[i] = draw(st.sampled_from([b" ", b"  ", b"\t", b""])) + lines[i].lstrip(b" ") \
            if draw(st.booleans()) else b" " + lines[i]
        return kind, b"\n".join(lines)
    if kind == "truncate":
        return kind, data[: draw(st.integers(0, len(data)))]
    keys = list(KEY.finditer(data))
    if not keys:
        return "none", data
    if kind == "rename":
        m = draw(st.sampled_from(keys))
        new = draw(st.sampled_from([b"nombre", b"hours", b"id", b"q", b"a", b"date", b"dates", b"closed",
                                    b"<<", b"null", b"true", b"123", b"m\xc3\xa1s", b"x y", b"stores"]))
        return kind, data[:m.start(2)] + new + data[m.end(2):]
    # swap the values of two "key: value" lines
    values = [i for i, line in enumerate(lines) if re.match(rb"^\s*-?\s*[\w-]+:\s*\S", line)]
    if len(values) < 2:
        return "none", data
    a, b = draw(st.sampled_from(values)), draw(st.sampled_from(values))
    ka, _, va = lines[a].partition(b":")
    kb, _, vb = lines[b].partition(b":")
    lines[a], lines[b] = ka + b":" + vb, kb + b":" + va
    return kind, b"\n".join(lines)


@st.composite
def mutated_file(draw, files: list[str], proj: Path):
    rel = draw(st.sampled_from(files))
    data = (proj / rel).read_bytes()
    kind, new = draw(mutation(data))
    return rel, kind, new


def _lines(data: bytes) -> int:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def test_mutated_content_never_crashes(project):
    proj, before, files = project

    @SETTINGS
    @given(st.data())
    def run(data):
        rel, kind, new = data.draw(mutated_file(files, proj))
        target = proj / rel
        original = target.read_bytes()
        target.write_bytes(new)
        try:
            rc, out, err = run_inprocess(proj, "check", seconds=60)
            assert rc in (0, 1, 2), (rc, out, err)
            assert "Traceback" not in out + err
            found = findings(out)
            if rc:
                assert found, f"exit {rc} without a path:line:col finding:\n{out}{err}"
            for f in found:
                assert int(f["line"]) >= 1 and int(f["col"]) >= 1, f
                if f["path"] == rel:
                    assert int(f["line"]) <= _lines(new) + 1, (f, _lines(new))
            if rc:  # a refused build must leave the previous site alone
                brc, bout, berr = run_inprocess(proj, "build", seconds=60)
                assert brc in (1, 2), (brc, berr)
                assert tree_hash(proj / "site") == before
                assert not leftovers(proj)
        finally:
            target.write_bytes(original)

    run()


# ------------------------------------------------------------------ the fast YAML reader
def _read_both(text: str):
    from kbgen.loaders import yamlpos
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def at_end(loc) -> bool:
        return loc.line > len(lines) or (loc.line == len(lines) and loc.col > len(lines[-1]))

    def describe(tree, problems):
        def walk(n):
            if n is None:
                return None
            if isinstance(n, yamlpos.YScalar):
                if n.value is None and n.style is None and at_end(n.loc):
                    # an empty value at the very end of the input: libyaml marks it on the next
                    # line, PyYAML after the last character; both are "the end of the file"
                    return ("s", None, None, "end")
                return ("s", n.value, n.style, n.loc.line, n.loc.col)
            if isinstance(n, yamlpos.YSeq):
                return ("l", n.loc.line, n.loc.col, [walk(x) for x in n.items])
            return ("m", n.loc.line, n.loc.col, [(k, walk(kn), walk(v)) for k, (kn, v) in n.items.items()])
        return walk(tree), [(p.rule, p.loc.line, p.loc.col, p.message) for p in problems]

    fast = describe(*yamlpos.parse_yaml(text, "x.yaml"))
    saved = yamlpos._CParser
    yamlpos._CParser = None
    try:
        slow = describe(*yamlpos.parse_yaml(text, "x.yaml"))
    finally:
        yamlpos._CParser = saved
    return fast, slow


YAML_ALPHABET = st.sampled_from(list("ab:- \n\t'\"#&*!|>[]{},?%@`0~.\\") + ["ñ", "é", "\u2028", "\x85", "\ufeff",
                                                                        "\x07", "<<", "---", "..."])


@SETTINGS
@given(st.lists(YAML_ALPHABET, max_size=60).map("".join))
def test_fast_yaml_reader_agrees_on_random_text(text):
    fast, slow = _read_both(text)
    assert fast == slow


def test_fast_yaml_reader_agrees_on_mutated_content(project):
    proj, _, files = project
    yaml_files = [f for f in files if f.endswith(".yaml")]

    @SETTINGS
    @given(st.data())
    def run(data):
        rel, kind, new = data.draw(mutated_file(yaml_files, proj))
        text = new.decode("utf-8", "replace").replace("\x00", "")
        fast, slow = _read_both(text)
        assert fast == slow, (rel, kind)

    run()
