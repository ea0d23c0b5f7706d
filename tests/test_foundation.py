"""Issue 2: the example content passes; one fault at a time fails with the right rule, file and line;
a failed build leaves site/ untouched; JSON output follows the contract; the real MkDocs build works."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kbgen.cli import main

from conftest import ROOT, TODAY


def run(args, cwd=None):
    """kbgen in a subprocess: (exit code, stdout, stderr)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    p = subprocess.run([sys.executable, "-m", "kbgen.cli", *args], cwd=cwd, capture_output=True, text=True,
                       env=env, timeout=180)
    return p.returncode, p.stdout, p.stderr


def check_json(content: Path, *extra):
    code, out, err = run(["check", "--content", str(content), "--today", TODAY, "--format", "json", *extra])
    assert "Traceback" not in err
    return code, json.loads(out)


def test_example_content_is_consistent(capsys):
    assert main(["check", "--content", str(ROOT / "content"), "--today", TODAY]) == 0
    assert "no findings" in capsys.readouterr().out


def line_of(path: Path, needle, nth: int = 1) -> int:
    if isinstance(needle, tuple):
        needle, nth = needle
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            nth -= 1
            if nth == 0:
                return i
    raise AssertionError(f"{needle!r} not in {path}")


# (file, text to replace, replacement, rule, text whose line the finding must be on)
FAULTS = [
    ("stores/madrid-centro.yaml", "name: La Tuerca Madrid Centro", "name: [La Tuerca", "KB100", None),
    ("policies/garantia.md", "owner: atencion-cliente\n---", "owner: atencion-cliente\n", "KB100", None),
    ("stores/madrid-centro.yaml", "phone: \"+34 910 123 457\"\n", "phone: \"+34 910 123 457\"\nadress: Atocha\n",
     "KB102", "adress:"),
    ("stores/madrid-centro.yaml", "  city: Madrid\n", "", "KB101", "street:"),
    ("stores/madrid-centro.yaml", "sat: 10:00-14:00", "sat: 10:00-25:00", "KB103", "sat: 10:00-25:00"),
    ("stores/madrid-centro.yaml", "sun: closed", "sun: lunch", "KB103", "sun: lunch"),
    ("stores/madrid-centro.yaml", 'mon-fri: ["09:30-14:00", "17:00-20:30"]',
     'mon-fri: ["09:30-14:00", "13:00-20:30"]', "KB104", "13:00-20:30"),
    ("stores/madrid-centro.yaml", "sun: closed", "sun: closed\n  fri: closed", "KB104", "fri: closed"),
    ("stores/madrid-centro.yaml", "  sun: closed\n", "", "KB105", "hours:"),
    ("faq/envios.yaml", "id: envio-canarias", "id: plazo-entrega", "KB106", ("id: plazo-entrega", 2)),
    ("stores/madrid-centro.yaml", "email: madrid.centro@latuerca.example",
     "email: madrid.centro@latuerca.example\nemail: otra@latuerca.example", "KB107", "email: otra@"),
    ("faq/envios.yaml", "{{ delivery.canarias }}", "{{ delivery.canaria }}", "KB108", "{{ delivery.canaria }}"),
    ("contact.yaml", "kind: email", "kind: telegram", "KB109", "kind: telegram"),
    ("stores/madrid-centro.yaml", "geo: {lat: 40.4135", "geo: {lat: norte", "KB109", "lat: norte"),
    ("stores/madrid-centro.yaml", "date: 2026-12-24", "date: 2026-12-34", "KB109", "date: 2026-12-34"),
    ("stores/madrid-centro.yaml", "  - date: 2027-01-07", "  - dates: 2027-01-09..2027-01-07", "KB110", "dates: 2027"),
    ("contact.yaml", "response_time: 24h", "response_time: un día", "KB111", "response_time: un día"),
    ("stores/madrid-centro.yaml", 'phone: "+34 910 123 457"', 'phone: "+34 910 12"', "KB112", "+34 910 12"),
    ("stores/madrid-centro.yaml", "email: madrid.centro@latuerca.example", "email: madrid.centro", "KB113",
     "email: madrid.centro"),
    ("faq/envios.yaml", "  - id: envio-canarias", "  # kbgen: ignore KB601\n  - id: envio-canarias", "KB190",
     "kbgen: ignore"),
    ("faq/envios.yaml", "questions:", "questions:\n\t- id: x", "KB100", None),
]


@pytest.mark.parametrize("fault", FAULTS, ids=[f"{f[3]}-{i}" for i, f in enumerate(FAULTS)])
def test_one_fault_fails_with_rule_file_and_line(project, fault):
    rel, old, new, rule, line_text = fault
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the example changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, data = check_json(project / "content", "--no-search")
    assert code == 1
    hits = [f for f in data["findings"] if f["rule"] == rule]
    assert hits, data["findings"]
    f = hits[0]
    assert f["path"].endswith(rel) and f["severity"] == "error"
    if line_text is not None:
        assert f["line"] == line_of(path, line_text), f
    assert f["message"] and f["column"] >= 1


def test_non_utf8_file_is_reported(project):
    path = project / "content" / "faq" / "envios.yaml"
    path.write_bytes(path.read_bytes().replace("Envíos".encode(), "Envíos".encode("latin-1"), 1))
    code, data = check_json(project / "content", "--no-search")
    assert code == 1
    f = data["findings"][0]
    assert f["rule"] == "KB100" and f["path"].endswith("envios.yaml") and f["line"] == 1
    assert "UTF-8" in f["message"]


def test_unquoted_times_and_dates_are_read_as_written(project):
    """PyYAML 1.1 would read 13:00 as 780 and no as False: the loader keeps the text."""
    path = project / "content" / "stores" / "madrid-centro.yaml"
    path.write_text(path.read_text().replace("sat: 10:00-14:00", "sat: 13:00"), encoding="utf-8")
    code, data = check_json(project / "content", "--no-search")
    msgs = [f["message"] for f in data["findings"] if f["rule"] == "KB103"]
    assert any('"13:00" no es un horario de apertura' in m for m in msgs), data


def test_json_shape_follows_the_contract(project):
    path = project / "content" / "stores" / "madrid-centro.yaml"
    path.write_text(path.read_text().replace("sat: 10:00-14:00", "sat: 10:00-25:00"), encoding="utf-8")
    code, data = check_json(project / "content", "--no-search")
    assert set(data) == {"findings", "summary"}
    assert set(data["summary"]) == {"errors", "warnings"} and data["summary"]["errors"] >= 1
    for f in data["findings"]:
        assert set(f) == {"rule", "severity", "path", "line", "column", "message", "subject"}
        assert isinstance(f["line"], int) and isinstance(f["column"], int)
    assert data["findings"][0]["subject"] == "madrid-centro"


def test_text_format_is_path_line_col_rule(project):
    path = project / "content" / "stores" / "madrid-centro.yaml"
    path.write_text(path.read_text().replace("sat: 10:00-14:00", "sat: 10:00-25:00"), encoding="utf-8")
    code, out, err = run(["check", "--content", str(project / "content"), "--today", TODAY, "--no-search"])
    assert code == 1
    line = line_of(path, "10:00-25:00")
    assert f"content/stores/madrid-centro.yaml:{line}:" in out.replace(str(project) + "/", "")
    assert "KB103 error:" in out and "escribe HH:MM entre 00:00 y 24:00" in out


def test_usage_errors_exit_2(tmp_path):
    code, out, err = run(["check", "--content", str(tmp_path / "nope")])
    assert code == 2 and "no such content folder" in err and "Traceback" not in err
    code, out, err = run(["check", "--today", "29/11/2026"])
    assert code == 2


def tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def test_build_with_errors_leaves_site_untouched(project):
    code, out, err = run(["build", "--today", TODAY], cwd=project)
    assert code == 0, err
    site = project / "site"
    assert (site / "index.html").exists()
    before = tree_hash(site)
    path = project / "content" / "stores" / "madrid-centro.yaml"
    path.write_text(path.read_text().replace("sat: 10:00-14:00", "sat: 10:00-25:00"), encoding="utf-8")
    code, out, err = run(["build", "--today", TODAY], cwd=project)
    assert code == 1 and "KB103" in err and "Traceback" not in err
    assert tree_hash(site) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) in ([], [".site.lock"])


def test_site_has_every_page(built_site):
    for rel in ["index.html", "contacto/index.html", "tiendas/index.html", "sitemap.xml", "404.html"]:
        assert (built_site / rel).exists(), rel
    for cat in (ROOT / "content" / "faq").glob("*.yaml"):
        assert (built_site / "faq" / cat.stem / "index.html").exists()
    for pol in (ROOT / "content" / "policies").glob("*.md"):
        assert (built_site / "politicas" / pol.stem / "index.html").exists()
    for store in (ROOT / "content" / "stores").glob("*.yaml"):
        assert (built_site / "tiendas" / store.stem / "index.html").exists()
    html = (built_site / "faq" / "envios" / "index.html").read_text()
    assert 'id="plazo-entrega"' in html and "Revisado el" in html
    assert "48-72 horas" in html  # {{ delivery.peninsula }} resolved
    assert "{{" not in html


def test_navigation_stays_small(built_site):
    """Stores are reached from the stores index, not listed in every page's navigation."""
    html = (built_site / "faq" / "envios" / "index.html").read_text()
    nav = html[html.find('<nav class="md-nav md-nav--primary"'):html.find("</nav>", html.find('md-nav--primary'))]
    assert "tiendas/madrid-centro/" not in nav


def test_real_mkdocs_build_through_the_plugin(project):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KBGEN_TODAY=TODAY)
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "out")], cwd=project,
                       capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    assert (project / "out" / "tiendas" / "madrid-centro" / "index.html").exists()
    # and the plugin refuses to build inconsistent content
    path = project / "content" / "stores" / "madrid-centro.yaml"
    path.write_text(path.read_text().replace("sat: 10:00-14:00", "sat: 10:00-25:00"), encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "out2")], cwd=project,
                       capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 1 and "KB103" in p.stderr


def test_pages_in_chromium_are_spanish_with_search_and_no_errors(built_site, serve_dir, browser):
    base = serve_dir(built_site)
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for rel in ["", "faq/envios/", "politicas/devoluciones/", "tiendas/", "tiendas/madrid-centro/", "contacto/"]:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "es"
        assert page.locator("input.md-search__input").count() == 1
        assert page.locator("input.md-search__input").get_attribute("placeholder") == "Búsqueda"
    page.goto(base)
    assert page.locator(".kb-hero").inner_text().startswith("¿En qué podemos ayudarte?")
    assert page.locator(".kb-cards li").count() >= 5
    assert errors == []
    page.close()


@pytest.mark.parametrize("argv", [
    ["check"], ["check", "--no-search", "-j", "3", "--today", "2026-11-29", "--format", "json", "--strict"],
    ["build", "--site-dir", "out", "--config", "x.yml"], ["search", "devoluciones", "--limit", "3"],
    ["explain", "KB201"], ["explain", "kb201", "--lang", "en", "--content", "c"],
    ["schema", "faq", "--out", "s"], ["new", "faq", "--question", "¿Abrís?"],
    ["signage", "madrid-centro"], ["review", "--owner", "ana", "--format", "markdown"], ["serve", "--dev-addr", "0:1"],
])
def test_the_parser_of_one_command_reads_its_arguments_as_the_whole_parser(argv):
    """``kbgen X`` builds only X's parser (kbgen.cli.parser(only=X)); it reads X's arguments alike."""
    from kbgen.cli import parser
    assert vars(parser(argv[0]).parse_args(argv)) == vars(parser().parse_args(argv))


def test_a_mistyped_command_lists_every_command(capsys):
    from kbgen.cli import main
    with pytest.raises(SystemExit) as exc:
        main(["chek"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert all(c in err for c in ("'check'", "'build'", "'review'", "'signage'"))
