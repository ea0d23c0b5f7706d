"""Checks shared between two processes (``Options.jobs``): the same findings as one process, and
a check that fails still fails — whichever process it ran in."""
from __future__ import annotations

import datetime as dt

import pytest

import kbgen.checks as C
from kbgen.checks import Options
from kbgen.engine import analyse
from malformed.support import make_base

TODAY = dt.date(2026, 11, 29)


def _keys(result):
    return [(f.rule, f.severity, str(f.loc), f.message) for f in result.findings]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return make_base(tmp_path_factory.mktemp("par"), faqs=240, stores=24, seed=5)


@pytest.mark.parametrize("search", [False, True])
def test_two_processes_find_exactly_what_one_finds(generated, search):
    one = analyse(str(generated / "content"), Options(today=TODAY, search=search, jobs=1))
    two = analyse(str(generated / "content"), Options(today=TODAY, search=search, jobs=2))
    assert _keys(one) == _keys(two)
    assert one.findings, "the generated content has near-duplicate questions: something to compare"


def test_the_example_content_too(project):
    one = analyse(str(project / "content"), Options(today=TODAY, jobs=1))
    two = analyse(str(project / "content"), Options(today=TODAY, jobs=2))
    assert _keys(one) == _keys(two)


def test_a_check_that_raises_still_raises(project, monkeypatch):
    C.load_families()

    def broken(project, options):
        raise RuntimeError("a check broke")

    monkeypatch.setattr(C, "CHECKS", [broken] + list(C.CHECKS))
    with pytest.raises(RuntimeError, match="a check broke"):
        analyse(str(project / "content"), Options(today=TODAY, search=False, jobs=2))


def test_without_fork_the_checks_run_here(project, monkeypatch):
    import os
    monkeypatch.delattr(os, "fork")
    one = analyse(str(project / "content"), Options(today=TODAY, search=False, jobs=2))
    assert _keys(one) == _keys(analyse(str(project / "content"), Options(today=TODAY, search=False)))


@pytest.fixture
def forked(monkeypatch):
    """The pids of the processes forked from here (to see that each was reaped)."""
    import os
    pids = []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids


def _reaped(pid: int) -> bool:
    import os
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_content_with_errors_gives_the_same_findings_and_leaves_no_child(generated, tmp_path, forked):
    """The children load the content themselves (forked before loading): a file with errors is
    reported once, by this process, and what the checks find is the same as with one process."""
    import shutil
    content = tmp_path / "content"
    shutil.copytree(generated / "content", content)
    faq = sorted((content / "faq").glob("*.yaml"))[0]
    faq.write_text(faq.read_text(encoding="utf-8") + "\n  - id: [roto\n", encoding="utf-8")
    one = analyse(str(content), Options(today=TODAY, search=False, jobs=1))
    two = analyse(str(content), Options(today=TODAY, search=False, jobs=2))
    assert _keys(one) == _keys(two)
    assert [f.rule for f in two.findings].count("KB100") == 1
    assert forked and all(_reaped(pid) for pid in forked)


def test_unusable_content_ends_the_children_it_forked(tmp_path, forked):
    """No site.yaml: this process stops with a usage error, and the children forked to share the
    checks are ended and reaped, not left running."""
    from kbgen.loaders.content import UsageError
    (tmp_path / "content").mkdir()
    with pytest.raises(UsageError):
        analyse(str(tmp_path / "content"), Options(today=TODAY, search=False, jobs=3))
    assert len(forked) == 2 and all(_reaped(pid) for pid in forked)


class _Note(str):
    pass


class _Special(C.Finding):
    pass


def test_a_childs_findings_reach_the_parent_unchanged():
    """Plain findings go as marshal'd tuples, anything else (a str subclass, a subclass of Finding)
    by pickle: either way the parent gets equal findings of the same types."""
    from kbgen.checks import _decode, _encode
    from kbgen.findings import Finding, Loc
    Note, Special = _Note, _Special
    plain = {0: [Finding("KB301", "error", Loc("content/faq/a.yaml", 3, 9), "teléfono «x»", "envios")], 4: []}
    for done, kind in ((plain, b"m"), ({1: [Finding("KB1", "error", Loc("x"), Note("m"))]}, b"p"),
                       ({2: [Special("KB2", "warning", Loc("y", 2, 2), "m", "s")]}, b"p")):
        files = (("content/site.yaml", 120, 1764400000123456789),)
        data = _encode(files, done)
        assert data[:1] == kind
        files_back, back = _decode(data)
        assert files_back == files and back == done
        assert [type(f) for fs in back.values() for f in fs] == [type(f) for fs in done.values() for f in fs]


def test_a_file_saved_between_the_two_loadings_makes_this_process_check_alone(generated, tmp_path, monkeypatch):
    """Forked before loading, the child reads the content on its own. If a file changes between
    this process's reading and the child's, the child's findings are not used: this process runs
    every check itself, on what it read."""
    import os
    import shutil
    import time
    import kbgen.engine as E
    content = tmp_path / "content"
    shutil.copytree(generated / "content", content)
    expected = _keys(analyse(str(content), Options(today=TODAY, search=False, jobs=1)))
    faq = sorted((content / "faq").glob("*.yaml"))[0]
    edited = tmp_path / "edited"
    parent = os.getpid()
    real_load = E.load_project

    child_loaded = tmp_path / "child-loaded"

    def wait_for(marker):
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)

    def load_around_an_edit(path, *args):
        if os.getpid() != parent:  # the child reads the content only once the "editor" has saved
            wait_for(edited)
            result = real_load(path, *args)
            child_loaded.touch()
            return result
        result = real_load(path, *args)
        faq.write_text(faq.read_text(encoding="utf-8").replace("  - id: ", "  - id: x", 1), encoding="utf-8")
        edited.touch()
        wait_for(child_loaded)  # then both check at once: the child takes its share from the queue
        return result

    monkeypatch.setattr(E, "load_project", load_around_an_edit)
    ran_here = []
    C.load_families()
    spies = []
    for fn in C.CHECKS:
        def spy(project, options, _fn=fn):
            ran_here.append((os.getpid(), _fn.__name__))
            if os.getpid() == parent and len(ran_here) == 1:
                time.sleep(0.3)  # this process's first check is long: the child surely takes others
            return _fn(project, options)
        spy.__name__ = fn.__name__
        spy.__dict__.update(fn.__dict__)
        spies.append(spy)
    monkeypatch.setattr(C, "CHECKS", spies)
    two = analyse(str(content), Options(today=TODAY, search=False, jobs=2))
    assert edited.exists()
    assert _keys(two) == expected  # what this process read: the content before the edit
    here = {name for pid, name in ran_here if pid == parent}
    assert here == {fn.__name__ for fn in C.selected(Options(search=False))}


def test_a_child_leaves_out_the_offline_records_and_the_suppressions(generated):
    """A forked child loads the content without what only the checks kept in the parent read
    (CHILD_SKIPS): those parts are NotLoaded, which refuses to be read, and the files it would
    have read are still listed, so the two loadings compare."""
    from kbgen.checks import CHILD_SKIPS
    from kbgen.loaders.content import load_project
    from kbgen.model import NotLoaded
    full, _, _ = load_project(str(generated / "content"))
    part, _, _ = load_project(str(generated / "content"), CHILD_SKIPS)
    assert full.offline and isinstance(part.offline, NotLoaded) and isinstance(part.suppressions, NotLoaded)
    assert part.files_read == full.files_read and any("/offline/" in f[0] for f in full.files_read)
    with pytest.raises(RuntimeError, match="not loaded"):
        list(part.offline)
    with pytest.raises(ValueError, match="cannot leave out"):
        load_project(str(generated / "content"), {"faq"})  # only what no later part of the loading needs
    assert len(list(part.questions())) == len(list(full.questions())) > 200
    C.load_families()
    pinned = {fn.__name__ for fn in C.CHECKS if getattr(fn, "kb_reads", frozenset()) & CHILD_SKIPS}
    assert pinned == {"offline_vs_online", "freshness_offline"}


def test_a_check_reading_what_a_child_left_out_is_run_here(generated, monkeypatch, tmp_path):
    """A check that reads the offline records without saying so (``reads``) fails in a child that
    left them out: its findings are not lost, this process runs every check itself."""
    import os
    C.load_families()
    parent = os.getpid()
    log = tmp_path / "ran"  # a file: the child's memory is its own

    def counts_offline(project, options):
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        yield C.Finding("KB999", "warning", C.Loc("x"), f"{len(project.offline)} records")

    def slow_here(fn):
        def run(project, options):
            if os.getpid() == parent:
                time.sleep(0.3)  # this process's own first check is long: the child takes counts_offline
            return fn(project, options)
        run.__name__ = fn.__name__
        run.__dict__.update(fn.__dict__)
        return run

    import time
    checks = [slow_here(fn) if fn.__name__ == "offline_vs_online" else fn for fn in C.CHECKS]
    monkeypatch.setattr(C, "CHECKS", checks + [counts_offline])
    monkeypatch.setitem(C.HEAVY, "counts_offline", 99)  # first in the queue
    two = analyse(str(generated / "content"), Options(today=TODAY, search=False, jobs=2))
    ran = [int(x) for x in log.read_text().split()]
    assert [pid != parent for pid in ran] == [True, False]  # it failed in the child, then ran here
    one = analyse(str(generated / "content"), Options(today=TODAY, search=False, jobs=1))
    assert _keys(two) == _keys(one) and any(f.rule == "KB999" for f in two.findings)
