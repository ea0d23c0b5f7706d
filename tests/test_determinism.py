"""Issue 9, determinism: the same content and ``--today`` give a byte-identical site/ — built in
another folder, with another hash seed, time zone and locale, a while later, and over an
existing site. Every file is hashed; a difference names the file and shows where it starts."""
from __future__ import annotations

import difflib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from malformed.support import ROOT, TODAY, copy_project, file_hashes, make_base


def build(proj: Path, **env) -> None:
    e = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), **env)
    p = subprocess.run([sys.executable, "-m", "kbgen.cli", "build", "--today", TODAY], cwd=proj, env=e,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]


def _first_difference(a: Path, b: Path) -> str:
    x, y = a.read_bytes(), b.read_bytes()
    try:
        lines = list(difflib.unified_diff(x.decode().splitlines(), y.decode().splitlines(), lineterm="", n=0))
        return "\n".join(line[:300] for line in lines[:8])
    except UnicodeDecodeError:
        i = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
        return f"binary, first differing byte at {i} ({len(x)} vs {len(y)} bytes)"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    base = make_base(tmp_path_factory.mktemp("det"), faqs=60, stores=6, seed=11)
    a = copy_project(base, tmp_path_factory.mktemp("a") / "one")
    b = copy_project(base, tmp_path_factory.mktemp("b") / "other-folder")
    # one with kbgen's cache folder switched off, the other filling a new one: caches never show
    build(a, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C.UTF-8", KBGEN_NO_CACHE="1")
    time.sleep(1.1)  # a second later: no build time may leak into the output
    build(b, PYTHONHASHSEED="2", TZ="America/Mexico_City", LC_ALL="C",
          XDG_CACHE_HOME=str(tmp_path_factory.mktemp("cache")))
    return a, b


def test_two_builds_are_byte_identical(two_builds):
    a, b = two_builds
    ha, hb = file_hashes(a / "site"), file_hashes(b / "site")
    assert len(ha) > 20
    assert sorted(ha) == sorted(hb), f"different files: {sorted(set(ha) ^ set(hb))[:10]}"
    diffs = [rel for rel in sorted(ha) if ha[rel] != hb[rel]]
    assert not diffs, f"{len(diffs)} files differ, e.g. {diffs[0]}:\n" + _first_difference(a / "site" / diffs[0],
                                                                                       b / "site" / diffs[0])


def test_rebuild_over_an_existing_site_is_identical(two_builds):
    a, _ = two_builds
    before = file_hashes(a / "site")
    build(a, PYTHONHASHSEED="3")  # with the user's cache folder, filled by earlier builds
    assert file_hashes(a / "site") == before


def test_no_absolute_paths_or_build_dates_in_the_output(two_builds):
    a, b = two_builds
    for rel, _ in sorted(file_hashes(a / "site").items()):
        data = (a / "site" / rel).read_bytes()
        assert str(a).encode() not in data, f"{rel} contains the build folder's path"
    sitemap = (a / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{TODAY}</lastmod>" in sitemap
