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
