"""KB7xx: kbgen check runs content/search-tests.yaml against the site's own search index."""
from __future__ import annotations

import json

from kbgen.cli import main

from conftest import TODAY


def check(project, capsys):
    code = main(["check", "--content", str(project / "content"), "--today", TODAY, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def add_test(project, text):
    path = project / "content" / "search-tests.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path


def test_example_search_tests_pass(project, capsys):
    code, data = check(project, capsys)
    assert code == 0 and not [f for f in data["findings"] if f["rule"].startswith("KB7")]


def test_a_query_that_does_not_find_its_answer_is_kb701(project, capsys):
    path = add_test(project, "\n- query: horario tienda sevilla\n  expect: tarjeta-regalo\n")
    code, data = check(project, capsys)
    assert code == 1
    [f] = [f for f in data["findings"] if f["rule"] == "KB701"]
    assert f["subject"] == "tarjeta-regalo" and f["path"].endswith("search-tests.yaml")
    assert f["line"] == len(path.read_text(encoding="utf-8").splitlines()) - 1
    assert "horario tienda sevilla" in f["message"] and "primero sale" in f["message"]


def test_an_unknown_expected_answer_is_kb702(project, capsys):
    add_test(project, "\n- query: devolucion\n  expect: no-existe\n")
    code, data = check(project, capsys)
    assert code == 1 and [f for f in data["findings"] if f["rule"] == "KB702"]


def test_no_search_skips_the_search_tests(project, capsys):
    add_test(project, "\n- query: horario tienda sevilla\n  expect: tarjeta-regalo\n")
    assert main(["check", "--content", str(project / "content"), "--today", TODAY, "--no-search"]) == 0
