"""kbgen's cache folder: holiday calendars and compiled templates are kept between runs, never
change a result, and a broken or missing cache only means computing again."""
import datetime as dt
import os

import pytest

import kbgen.hours as H
from kbgen.cache import cache_dir


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KBGEN_NO_CACHE", raising=False)
    H._holiday_calendar.cache_clear()
    yield tmp_path
    H._holiday_calendar.cache_clear()


def test_holiday_calendar_is_read_back_from_the_cache_identically(fresh_cache):
    computed = H._compute_holiday_calendar("ES", "MD", 2027)
    first = H._holiday_calendar("ES", "MD", 2027)
    files = [f for _, _, fs in os.walk(fresh_cache) for f in fs]
    assert files == ["ES-MD-2027.json"]
    H._holiday_calendar.cache_clear()
    again = H._holiday_calendar("ES", "MD", 2027)
    assert first == again == computed
    assert again[dt.date(2027, 1, 6)] == "Epifanía del Señor"
    assert any("Comunidad de Madrid" in name for name in again.values())


def test_a_corrupt_cache_file_is_computed_again(fresh_cache):
    H._holiday_calendar("ES", "CT", 2027)
    [path] = [os.path.join(d, f) for d, _, fs in os.walk(fresh_cache) for f in fs]
    with open(path, "w") as fh:
        fh.write('{"not a date": 3')
    H._holiday_calendar.cache_clear()
    assert H._holiday_calendar("ES", "CT", 2027) == H._compute_holiday_calendar("ES", "CT", 2027)


def test_no_cache_when_switched_off_or_not_writable(fresh_cache, monkeypatch):
    monkeypatch.setenv("KBGEN_NO_CACHE", "1")
    assert cache_dir("x") is None
    assert any("Andalucía" in name for name in H._holiday_calendar("ES", "AN", 2027).values())
    assert not any(fs for _, _, fs in os.walk(fresh_cache))
    monkeypatch.delenv("KBGEN_NO_CACHE")
    blocker = fresh_cache / "kbgen"
    blocker.write_text("a file where the folder goes")
    assert cache_dir("x") is None


# ------------------------------------------------------------------ compiled regular expressions

def _kbgen(args, env, cwd):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "kbgen.cli", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_regexes_compiled_by_a_run_are_made_again_identically_from_the_cache(fresh_cache, tmp_path):
    """The first ``kbgen check`` stores the patterns it compiled; a later process makes each one
    from its stored code, and it equals (flags, pattern and code) what re.compile makes."""
    import subprocess
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "XDG_CACHE_HOME": str(fresh_cache)}
    env.pop("KBGEN_NO_CACHE", None)
    first = _kbgen(["check", "--today", "2026-11-29"], env, root)
    assert first.returncode == 0, first.stdout + first.stderr
    names = sorted(os.listdir(fresh_cache / "kbgen" / "regex"))
    assert [n.split("-cpython-")[1] for n in names] == ["check.derived.marshal", "check.marshal"]  # each command its own
    probe = r"""
import re, sys
from re import _compiler
sys.argv = ["kbgen", "check"]
import kbgen.regexcache as rc
loaded = sorted(rc._loaded, key=repr)
assert len(loaded) > 150, len(loaded)
bad = [k for k in loaded if re._cache[k] != _compiler.compile(k[1], k[2])]
assert not bad, bad[:3]
import kbgen.checks, kbgen.text.claims
kbgen.checks.load_families()
print(len(loaded))
"""
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 150
    second = _kbgen(["check", "--today", "2026-11-29"], env, root)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)


def test_a_damaged_regex_cache_only_means_compiling_again(fresh_cache):
    import re
    import kbgen.regexcache as rc
    folder = fresh_cache / "kbgen" / "regex"
    folder.mkdir(parents=True)
    path = rc._file()
    assert path and os.path.dirname(path) == str(folder)
    for junk in (b"not marshal", __import__("marshal").dumps([("a(", 0, 32, b"\x00\x01", 0, {}, ())]),
                 __import__("marshal").dumps([("x", 0, 32, b"\x11\x00\x00\x00" * 3, 0, {}, ())]),  # invalid code
                 __import__("marshal").dumps([(1, 2, 3)])):
        with open(path, "wb") as fh:
            fh.write(junk)
        rc._loaded.clear()
        assert rc.preload() == 0
        assert not rc._loaded
    assert re.compile(r"(?P<h>\d{1,2}):(?P<m>\d\d)").match("13:00")["m"] == "00"


def test_no_regex_cache_when_switched_off(fresh_cache, monkeypatch):
    import kbgen.regexcache as rc
    monkeypatch.setenv("KBGEN_NO_CACHE", "1")
    assert rc.preload() == 0 and rc.save() == 0
    assert not any(fs for _, _, fs in os.walk(fresh_cache))


@pytest.mark.parametrize("argv,name", [
    (["-m", "check", "--no-search"], "check"),  # what sys.argv is while `python -m kbgen.cli` imports kbgen
    (["/usr/local/bin/kbgen", "build", "--today", "2026-11-29"], "build"),
    (["/src/kbgen/cli.py", "check"], "check"),
    (["/usr/bin/mkdocs", "build"], "lib"),
    (["pytest", "check"], "lib"),
    (["kbgen"], "lib"),
])
def test_each_kbgen_command_keeps_its_own_regex_file(monkeypatch, argv, name):
    import sys
    import kbgen.regexcache as rc
    monkeypatch.setattr(sys, "argv", argv)
    assert rc.command() == name


def test_a_trigger_read_back_from_the_cache_is_the_one_derived(fresh_cache, monkeypatch):
    """Triggers (kbgen.text.trigger) are derived by parsing the scanners' patterns; the derived text
    is kept with the checksum of trigger.py, and read back only while that file is unchanged."""
    import re
    import kbgen.regexcache as rc
    import kbgen.text.trigger as T
    from kbgen.text import claims
    monkeypatch.setattr(rc, "_derived", None)
    monkeypatch.setattr(rc, "_derived_new", {})
    monkeypatch.setattr(rc, "_sources", {})
    patterns = (claims._PROMISE_WORDS, claims._PROMISE_MARK)
    made = T.trigger(*patterns)
    assert made.pattern == T.trie((p, "") for p in T.pieces_of(*patterns) if p != T.DIGIT_PIECE)
    assert rc._derived_new and rc.save() >= 0 and not rc._derived_new
    monkeypatch.setattr(rc, "_derived", None)
    key = repr(([(p.pattern, p.flags) for p in patterns], []))
    assert rc.derived(T.__file__, key) == made.pattern
    assert T.trigger(*patterns) == made and not rc._derived_new  # from the cache
    rc._sources[T.__file__] += 1  # as if trigger.py had changed
    assert rc.derived(T.__file__, key) is None
    assert re.compile(made.pattern).search("envío gratis en 24 horas")


# ------------------------------------------------------------------ methods written by dataclasses

_CODE_PROBE = r"""
import dataclasses, importlib, json, sys
sys.argv = ["kbgen", "check"]
import kbgen, kbgen.codecache as cc
stored = dict(cc._stored)
import kbgen.cli, kbgen.checks, kbgen.text.claims, kbgen.text.times, kbgen.search.engine
kbgen.checks.load_families()
bad = [s for s, code in stored.items() if code != compile(s, "<string>", "exec", dont_inherit=True)]
classes = [c for mod in list(sys.modules.values()) if (getattr(mod, "__name__", "") or "").startswith("kbgen")
           for c in vars(mod).values() if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == mod.__name__]
methods = [(c.__qualname__, n, repr(getattr(vars(c)[n], "__annotations__", None))) for c in classes for n in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__")
           if getattr(vars(c).get(n), "__code__", None) is not None and vars(c)[n].__code__.co_filename == "<string>"]
print(json.dumps({"stored": len(stored), "new": len(cc._new), "bad": len(bad), "classes": len(classes),
                  "methods": sorted(methods), "installed": cc._installed}))
"""


def test_dataclass_methods_run_from_the_cache_are_the_code_python_compiles(fresh_cache, tmp_path):
    """The first ``kbgen check`` stores the code of the methods dataclasses wrote; a later process
    runs that stored code, and each code object equals what ``compile`` makes of the same text;
    the classes get the same methods either way."""
    import json
    import subprocess
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "XDG_CACHE_HOME": str(fresh_cache)}
    env.pop("KBGEN_NO_CACHE", None)

    def probe(extra_env=None):
        out = subprocess.run([sys.executable, "-c", _CODE_PROBE], env={**env, **(extra_env or {})},
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    cold = probe()
    assert cold["stored"] == 0 and cold["new"] > 100 and cold["installed"]
    first = _kbgen(["check", "--today", "2026-11-29"], env, root)
    assert first.returncode == 0, first.stdout + first.stderr
    assert sorted(os.listdir(fresh_cache / "kbgen" / "code"))[0].endswith("-check.marshal")
    warm = probe()
    assert warm["stored"] > 100 and warm["bad"] == 0
    assert warm["new"] < cold["new"]  # most methods came from the file
    assert warm["classes"] == cold["classes"] > 30 and warm["methods"] == cold["methods"]
    off = probe({"KBGEN_NO_CACHE": "1"})
    assert not off["installed"] and off["methods"] == cold["methods"]
    second = _kbgen(["check", "--today", "2026-11-29"], env, root)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)


def test_a_damaged_code_cache_only_means_compiling_again(fresh_cache, monkeypatch):
    import dataclasses
    import marshal
    import sys
    import kbgen.codecache as cc
    monkeypatch.setattr(sys, "argv", ["kbgen", "check"])
    monkeypatch.setattr(cc, "_stored", {})
    monkeypatch.setattr(cc, "_new", {})
    path = cc._file()
    for junk in (b"not marshal", marshal.dumps({"x": 1, 2: compile("y = 1", "<string>", "exec")}), marshal.dumps([1])):
        with open(path, "wb") as fh:
            fh.write(junk)
        try:
            assert cc.preload() == 0

            @dataclasses.dataclass(frozen=True)
            class P:
                a: int
                b: str = "x"

            assert P(1) == P(1, "x") and repr(P(2)).endswith("P(a=2, b='x')") and hash(P(1)) == hash(P(1))
            with pytest.raises(dataclasses.FrozenInstanceError):
                P(1).a = 2
        finally:
            cc.uninstall()
    assert "exec" not in vars(dataclasses)


def test_kbgen_as_a_library_leaves_dataclasses_alone(monkeypatch):
    import dataclasses
    import sys
    import kbgen.codecache as cc
    for argv in (["pytest"], ["/usr/bin/mkdocs", "build"]):
        monkeypatch.setattr(sys, "argv", argv)
        assert cc.preload() == 0 and "exec" not in vars(dataclasses)


def test_a_cache_folder_is_pruned_to_its_most_recent_files(tmp_path):
    """Jinja's bytecode cache keys include the template's path, so every project folder adds its
    own files: past a bound the least recently written go (kbgen.cache.prune)."""
    from kbgen.cache import prune
    for i in range(12):
        f = tmp_path / f"{i:02d}.cache"
        f.write_bytes(b"x")
        os.utime(f, (1_700_000_000 + i, 1_700_000_000 + i))
    assert prune(str(tmp_path), most=12, keep=4) == 0 and len(list(tmp_path.iterdir())) == 12
    assert prune(str(tmp_path), most=10, keep=4) == 8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["08.cache", "09.cache", "10.cache", "11.cache"]
    assert prune(str(tmp_path / "missing"), most=0, keep=0) == 0
