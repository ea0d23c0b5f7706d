"""Issue 9, safe publishing: a ``kbgen build`` killed with SIGKILL in the middle of writing the
site leaves the previous site/ intact and nothing in its place; the next build cleans up after
it; two builds at once are serialised and site/ is always one whole build, never a mix and
never missing; a crash half-way through the swap is repaired by the next build."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from malformed.support import ROOT, TODAY, copy_project, leftovers, make_base, old_site, tree_hash
from kbgen.publish import publish

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))


def _build(proj: Path, today: str = TODAY, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kbgen.cli", "build", "--today", today], cwd=proj, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def _files_below(folder: str) -> int:
    return sum(len(f) for _, _, f in os.walk(folder))


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """Enough content for MkDocs to spend a few seconds writing pages."""
    return make_base(tmp_path_factory.mktemp("big"), faqs=600, stores=60, seed=3)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return make_base(tmp_path_factory.mktemp("small"), faqs=20, stores=3, seed=5)


def test_sigkill_in_the_middle_of_writing_the_site(big, tmp_path):
    proj = copy_project(big, tmp_path / "p")
    before = old_site(proj)
    proc = _build(proj)
    deadline = time.monotonic() + 300
    killed_with = None
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            temps = [os.path.join(proj, t, "new") for t in leftovers(proj)]
            written = sum(_files_below(t) for t in temps if os.path.isdir(t))
            if written >= 20:  # MkDocs is writing pages into the temporary folder: kill it now
                killed_with = written
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
    finally:
        proc.wait(timeout=60)
    assert killed_with, f"the build finished (exit {proc.returncode}) before it could be killed mid-way"
    assert proc.returncode == -signal.SIGKILL
    assert (proj / "site").is_dir() and not (proj / "site").is_symlink()
    assert tree_hash(proj / "site") == before, "the killed build changed the previous site/"
    # what the killed build left is beside site/, never in its place; the next build removes it
    assert leftovers(proj), "expected the killed build's temporary folder beside site/"
    done = subprocess.run([sys.executable, "-m", "kbgen.cli", "build", "--today", TODAY], cwd=proj, env=ENV,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not leftovers(proj)
    assert (proj / "site" / "index.html").read_text(encoding="utf-8").count("</html>") == 1
    assert tree_hash(proj / "site") != before


def test_concurrent_builds_never_leave_a_mixed_or_missing_site(small, tmp_path):
    proj = copy_project(small, tmp_path / "p")
    old_site(proj)
    refs = {}
    for today in ("2026-11-29", "2026-12-02"):  # two different outputs (store pages, sitemap dates)
        p = _build(proj, today)
        assert p.wait(timeout=600) == 0, p.stderr.read().decode()[-2000:]
        refs[today] = tree_hash(proj / "site")
    assert len(set(refs.values())) == 2
    missing = []
    stop = threading.Event()

    def watch():  # site/ must exist at every instant: the swap is one atomic rename
        while not stop.is_set():
            if not (proj / "site" / "index.html").exists():
                missing.append(time.monotonic())
            time.sleep(0.001)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        procs = [_build(proj, "2026-11-29"), _build(proj, "2026-12-02"), _build(proj, "2026-11-29")]
        codes = [p.wait(timeout=600) for p in procs]
    finally:
        stop.set()
        watcher.join()
    assert codes == [0, 0, 0], [p.stderr.read().decode()[-1500:] for p in procs]
    assert not missing, f"site/ was missing {len(missing)} times during the builds"
    assert tree_hash(proj / "site") in refs.values(), "site/ is not one whole build"
    assert not leftovers(proj)


# ------------------------------------------------------------------ publish() itself
def _writer(files: dict[str, str]):
    def build(out: str) -> None:
        for rel, text in files.items():
            path = os.path.join(out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
    return build


def test_a_failing_build_changes_nothing(tmp_path):
    before = old_site(tmp_path)

    for exc in (RuntimeError, KeyboardInterrupt):
        def build(out, exc=exc):
            _writer({"index.html": "a medias"})(out)
            raise exc("stop")
        with pytest.raises(exc):
            publish(str(tmp_path / "site"), build)
        assert tree_hash(tmp_path / "site") == before
        assert not leftovers(tmp_path)


def test_a_build_that_writes_nothing_changes_nothing(tmp_path):
    before = old_site(tmp_path)
    with pytest.raises(OSError):
        publish(str(tmp_path / "site"), lambda out: None)
    assert tree_hash(tmp_path / "site") == before
    assert not leftovers(tmp_path)


def test_first_build_without_a_previous_site(tmp_path):
    publish(str(tmp_path / "site"), _writer({"index.html": "nuevo"}))
    assert (tmp_path / "site" / "index.html").read_text() == "nuevo"
    assert not leftovers(tmp_path)


def test_a_swap_killed_half_way_is_repaired_by_the_next_build(tmp_path):
    """Killed between moving site/ aside and moving the new one in (the path without renameat2):
    site/ is missing and the previous one sits in the leftover. The next build puts it back
    first, so even if that build fails, visitors get the previous site."""
    before = old_site(tmp_path)
    crashed = tmp_path / ".site-crashed"
    crashed.mkdir()
    (tmp_path / "site").rename(crashed / "previous")
    (crashed / "new").mkdir()
    (crashed / "new" / "index.html").write_text("a medias")
    assert not (tmp_path / "site").exists()

    def failing(out):
        raise RuntimeError("this build fails too")

    with pytest.raises(RuntimeError):
        publish(str(tmp_path / "site"), failing)
    assert tree_hash(tmp_path / "site") == before
    assert not leftovers(tmp_path)
    publish(str(tmp_path / "site"), _writer({"index.html": "nuevo"}))
    assert (tmp_path / "site" / "index.html").read_text() == "nuevo"


def test_leftovers_of_killed_builds_are_removed(tmp_path):
    old_site(tmp_path)
    for n in ("abc", "def"):
        (tmp_path / f".site-{n}" / "new" / "faq").mkdir(parents=True)
    (tmp_path / ".site-abc" / "new" / "faq" / "index.html").write_text("a medias")
    publish(str(tmp_path / "site"), _writer({"index.html": "nuevo"}))
    assert not leftovers(tmp_path)
    assert (tmp_path / "site" / "index.html").read_text() == "nuevo"


def test_site_folder_with_glob_characters(tmp_path):
    site = tmp_path / "sitio[1]"
    publish(str(site), _writer({"index.html": "uno"}))
    (tmp_path / ".sitio[1]-viejo").mkdir()
    publish(str(site), _writer({"index.html": "dos"}))
    assert (site / "index.html").read_text() == "dos"
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".sitio[1]-")]
