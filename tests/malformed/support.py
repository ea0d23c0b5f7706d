"""Shared by the robustness tests: a small generated project, running kbgen on it (in a child
process or in this one, always bounded in time), hashing site/ and reading findings."""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `bench` is a folder of the repository, not an installed package
    sys.path.insert(0, str(ROOT))

TODAY = "2026-11-29"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
FINDING = re.compile(r"^(?P<path>[^\n:]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>KB\d{3}) (?P<sev>error|warning|info): "
                     r"(?P<msg>.*)$", re.M)


def make_base(dest: Path, faqs: int = 12, stores: int = 3, seed: int = 7) -> Path:
    """A small, consistent generated project (mkdocs.yml, theme/, content/)."""
    from bench.generate import generate
    generate(str(dest), faqs=faqs, stores=stores, seed=seed, search_tests=3)
    return dest


def copy_project(src: Path, dest: Path) -> Path:
    """The project without its site/ (symlinks copied as links, never followed)."""
    shutil.copytree(src, dest, symlinks=True, ignore=shutil.ignore_patterns("site", ".site*"))
    return dest


def old_site(project: Path) -> str:
    """A previous site/ (a few files, a sub-folder) and its hash."""
    site = project / "site"
    (site / "faq").mkdir(parents=True)
    (site / "index.html").write_text("<h1>sitio anterior</h1>\n", encoding="utf-8")
    (site / "faq" / "index.html").write_text("<p>preguntas</p>\n", encoding="utf-8")
    (site / "sitemap.xml").write_bytes(b"<urlset/>\n")
    return tree_hash(site)


def tree_hash(folder: Path) -> str:
    """One hash of every file's path and bytes below ``folder`` (symlinks by target)."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            p = os.path.join(dirpath, name)
            h.update(os.path.relpath(p, folder).encode() + b"\0")
            if os.path.islink(p):
                h.update(b"link:" + os.readlink(p).encode())
            else:
                with open(p, "rb") as fh:
                    h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def file_hashes(folder: Path) -> dict[str, str]:
    out = {}
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            p = os.path.join(dirpath, name)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, folder)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def leftovers(project: Path) -> list[str]:
    """Temporary build folders beside site/ (a killed or failed build must not leave them in site/'s place)."""
    return sorted(n for n in os.listdir(project) if n.startswith(".site-"))


# ------------------------------------------------------------------ running kbgen
DRIVER = r"""
import contextlib, io, json, os, sys, time
os.chdir(sys.argv[1])
from kbgen.cli import main
res = {}
for cmd in sys.argv[3:]:
    out, err = io.StringIO(), io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main([cmd, "--today", sys.argv[2]])
    res[cmd] = {"rc": rc, "out": out.getvalue(), "err": err.getvalue(), "seconds": time.perf_counter() - t}
sys.__stdout__.write(json.dumps(res))
"""


def run_child(project: Path, commands=("check", "build"), timeout: float = 90) -> dict:
    """``kbgen check`` then ``kbgen build`` in one child process (bounded by ``timeout``).

    Returns {command: {rc, out, err}} plus "_proc": {rc, stderr}. An exception kbgen lets escape
    ends the child with a traceback on its stderr; a hang is killed and reported as rc None."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-c", DRIVER, str(project), TODAY, *commands], env=env,
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        return {"_proc": {"rc": None, "stderr": (exc.stderr or b"").decode("utf-8", "replace"),
                          "seconds": time.perf_counter() - t}}
    res = {}
    if p.returncode == 0:
        try:
            res = json.loads(p.stdout.decode("utf-8"))
        except ValueError:
            res = {}
    res["_proc"] = {"rc": p.returncode, "stderr": p.stderr.decode("utf-8", "replace"),
                    "seconds": time.perf_counter() - t}
    return res


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: int):
    """Bound an in-process run (SIGALRM; Python code only — a runaway regex is not interrupted)."""
    def on_alarm(signum, frame):
        raise Hang(f"kbgen did not finish in {seconds} s")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run_inprocess(project: Path, command: str, *extra: str, seconds: int = 60) -> tuple[int, str, str]:
    """``kbgen <command>`` in this process, in ``project``: (exit code, stdout, stderr)."""
    from kbgen.cli import main
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(project)
    try:
        with time_limit(seconds), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main([command, "--today", TODAY, *extra])
    finally:
        os.chdir(cwd)
    return rc, out.getvalue(), err.getvalue()


def findings(text: str) -> list[dict]:
    return [m.groupdict() for m in FINDING.finditer(text)]
