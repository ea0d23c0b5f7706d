"""kbgen new faq|policy|store: valid files, comments kept, never overwrite, prompts only with a terminal."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
import yaml

from kbgen import scaffold
from kbgen.checks import Options
from kbgen.engine import analyse

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def content(tmp_path):
    dst = tmp_path / "content"
    shutil.copytree(ROOT / "content", dst)
    return dst


def run(*argv, stdin=subprocess.DEVNULL):
    return subprocess.run([sys.executable, "-m", "kbgen.cli", "new", *argv, "--today", "2026-11-29"],
                          capture_output=True, text=True, stdin=stdin)


def findings(content):
    res = analyse(str(content), Options(today=TODAY, search=False))
    assert not res.unreadable
    return res.findings


def kb1(content):
    return [f for f in findings(content) if f.rule.startswith("KB1")]


def schema_ok(kind, path: Path):
    """The file validates against the schema its first line points to."""
    import json
    text = path.read_text(encoding="utf-8")
    first = text.split("\n", 2)[1 if text.startswith("---\n") else 0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema_path = (path.parent / first.split("=", 1)[1]).resolve()
    assert schema_path == (path.parent.parent / ".schema" / f"{kind}.json").resolve()
    data = yaml.load(text[4:text.index("\n---", 3)] if text.startswith("---\n") else text, Loader=yaml.BaseLoader)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    # BaseLoader reads every scalar as text, as kbgen does; booleans are the only non-text values we write
    jsonschema.validate(_typed(data), schema)


def _typed(v):
    if isinstance(v, dict):
        return {k: _typed(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_typed(x) for x in v]
    return {"true": True, "false": False}.get(v, v)


# ------------------------------------------------------------------ faq
COMMENTED = """\
# Preguntas sobre envíos. Revisadas por logística cada trimestre.
category: Envíos y entregas   # el título de la página
questions:
  # --- plazos ---
  - id: plazo-entrega
    q: ¿Cuánto tarda en llegar mi pedido?
    a: |
      Llega en {{ delivery.peninsula }}.   # no es un comentario: es texto del bloque
    keywords: [plazo, "cuándo llega"]   # comentario en línea
    reviewed: 2026-10-14
    owner: logistica

  - id: envio-canarias
    q: ¿Hacéis envíos a las islas Canarias?
    a: Sí, en {{ delivery.canarias }}.
    reviewed: 2026-10-14
    owner: logistica
    # nota del editor sobre esta entrada

# Fin del archivo: no añadas nada debajo de esta línea.
"""


def test_new_faq_appends_and_keeps_comments(content):
    f = content / "faq" / "envios.yaml"
    f.write_text(COMMENTED, encoding="utf-8")
    out = run("faq", "--content", str(content), "--category", "envios", "--question", "¿Hacéis envíos a Andorra?")
    assert out.returncode == 0, out.stderr
    new = f.read_text(encoding="utf-8")
    expected_entry = ("\n  - id: haceis-envios-a-andorra\n    q: ¿Hacéis envíos a Andorra?\n    a: |\n"
                      "      PENDIENTE: escribe aquí la respuesta.\n    keywords: []\n    reviewed: 2026-11-29\n"
                      "    owner: logistica\n")
    marker = "    # nota del editor sobre esta entrada\n"
    assert new == COMMENTED.replace(marker, marker + expected_entry)
    for line in COMMENTED.split("\n"):
        assert line in new.split("\n")
    assert "faq/envios.yaml:20:" in out.stdout
    fs = findings(content)
    assert not [x for x in fs if x.rule.startswith("KB1")]
    mine = [x for x in fs if x.subject == "haceis-envios-a-andorra"]
    assert [(x.rule, x.severity) for x in mine] == [("KB507", "warning")]


def test_new_faq_after_a_block_answer_ending_in_hash_lines(content):
    f = content / "faq" / "envios.yaml"
    text = ("category: Envíos\nquestions:\n  - id: a1\n    q: ¿Uno?\n    owner: logistica\n    reviewed: 2026-11-01\n"
            "    a: |\n      Texto.\n\n      # no es un comentario\n\n  # este sí, de la entrada a1\n"
            "# y este es de después\nicon: material/truck\n")
    f.write_text(text, encoding="utf-8")
    assert run("faq", "--content", str(content), "--category", "envios", "--question", "¿Dos?").returncode == 0
    new = f.read_text(encoding="utf-8")
    assert new.index("# no es un comentario") < new.index("# este sí") < new.index("- id: dos") < new.index("# y este")
    res = analyse(str(content), Options(today=TODAY, search=False))
    a1 = next(q for q in res.project.questions() if q.id == "a1")
    assert a1.a == "Texto.\n\n# no es un comentario\n"
    assert not kb1(content)


def test_new_faq_in_example_category(content):
    before = (content / "faq" / "pedidos.yaml").read_text(encoding="utf-8")
    out = run("faq", "--content", str(content), "--category", "pedidos", "--question", "¿Puedo pagar: en efectivo #1?")
    assert out.returncode == 0, out.stderr
    after = (content / "faq" / "pedidos.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    res = analyse(str(content), Options(today=TODAY, search=False))
    q = next(q for q in res.project.questions() if q.id == "puedo-pagar-en-efectivo-1")
    assert q.q == "¿Puedo pagar: en efectivo #1?" and q.reviewed == TODAY and q.category == "pedidos"
    owners = [x.owner for x in res.project.questions() if x.category == "pedidos" and x.id != q.id]
    assert q.owner == max(set(owners), key=owners.count)
    assert not kb1(content)


def test_new_faq_by_category_title_and_explicit_id(content):
    out = run("faq", "--content", str(content), "--category", "Envíos y entregas", "--question", "¿Y a Andorra?",
              "--id", "envio-andorra")
    assert out.returncode == 0, out.stderr
    assert "  - id: envio-andorra\n" in (content / "faq" / "envios.yaml").read_text(encoding="utf-8")


def test_new_faq_never_reuses_an_id(content):
    f = content / "faq" / "envios.yaml"
    before = f.read_text(encoding="utf-8")
    out = run("faq", "--content", str(content), "--category", "envios", "--question", "¿Otra?", "--id", "plazo-entrega")
    assert out.returncode == 1 and "already used" in out.stderr
    assert f.read_text(encoding="utf-8") == before
    # an id slugified from the question that is taken gets a suffix
    for _ in range(2):
        assert run("faq", "--content", str(content), "--category", "envios", "--question", "Plazo entrega").returncode == 0
    text = f.read_text(encoding="utf-8")
    assert "- id: plazo-entrega-2\n" in text and "- id: plazo-entrega-3\n" in text
    assert not [x for x in findings(content) if x.rule == "KB106"]


def test_new_faq_new_category_file_has_schema_line(content):
    out = run("faq", "--content", str(content), "--category", "internacional", "--question", "¿Enviáis a Portugal?")
    assert out.returncode == 0, out.stderr
    path = content / "faq" / "internacional.yaml"
    schema_ok("faq", path)
    assert not kb1(content)


@pytest.mark.parametrize("questions", ["questions: []", "questions:", "questions: []   # vacía de momento"])
def test_new_faq_into_empty_category(content, questions):
    f = content / "faq" / "vacia.yaml"
    f.write_text(f"# sin preguntas aún\ncategory: Vacía\nowner: web\n{questions}\n", encoding="utf-8")
    out = run("faq", "--content", str(content), "--category", "vacia", "--question", "¿Primera?")
    assert out.returncode == 0, out.stderr
    text = f.read_text(encoding="utf-8")
    assert text.startswith("# sin preguntas aún\ncategory: Vacía\nowner: web\nquestions:")
    assert "vacía de momento" in text or "#" not in questions
    assert not kb1(content)
    assert not [x for x in findings(content) if x.rule == "KB605"]


def test_new_faq_refuses_a_broken_file(content):
    f = content / "faq" / "envios.yaml"
    f.write_text("category: Envíos\nquestions:\n  - id: a\n    q: [unclosed\n", encoding="utf-8")
    out = run("faq", "--content", str(content), "--category", "envios", "--question", "¿Algo?")
    assert out.returncode == 1 and "nothing" in out.stderr.lower() or "fix" in out.stderr
    assert f.read_text(encoding="utf-8") == "category: Envíos\nquestions:\n  - id: a\n    q: [unclosed\n"


# ------------------------------------------------------------------ policy, store
def test_new_policy(content):
    out = run("policy", "cookies", "--content", str(content), "--title", "Política de cookies")
    assert out.returncode == 0, out.stderr
    path = content / "policies" / "cookies.md"
    schema_ok("policy", path)
    fs = findings(content)
    assert not [x for x in fs if x.rule.startswith("KB1")]
    mine = [x for x in fs if x.subject == "cookies"]
    assert mine and {x.rule for x in mine} == {"KB507"} and all(x.severity == "warning" for x in mine)
    before = path.read_text(encoding="utf-8")
    again = run("policy", "cookies", "--content", str(content), "--title", "Otra")
    assert again.returncode == 1 and "never overwrites" in again.stderr
    assert path.read_text(encoding="utf-8") == before


def test_new_policy_slug_from_title(content):
    out = run("policy", "--content", str(content), "--title", "Política de envíos urgentes")
    assert out.returncode == 0, out.stderr
    assert (content / "policies" / "envios-urgentes.md").exists()


def test_new_store(content):
    out = run("store", "bilbao", "--content", str(content), "--name", "La Tuerca Bilbao")
    assert out.returncode == 0, out.stderr
    path = content / "stores" / "bilbao.yaml"
    schema_ok("store", path)
    res = analyse(str(content), Options(today=TODAY, search=False))
    assert not [x for x in res.findings if x.rule.startswith("KB1")]
    store = res.project.stores["bilbao"]
    assert store.name == "La Tuerca Bilbao" and all(store.schedule.week[d] for d in range(6))
    assert not store.schedule.week[6]
    assert any(x.rule == "KB507" and x.subject == "bilbao" for x in res.findings)
    before = path.read_text(encoding="utf-8")
    assert run("store", "bilbao", "--content", str(content), "--name", "X").returncode == 1
    assert path.read_text(encoding="utf-8") == before


def test_every_kind_in_one_copy_leaves_no_kb1(content):
    assert run("faq", "--content", str(content), "--category", "pagos", "--question", "¿Aceptáis Bizum?").returncode == 0
    assert run("policy", "cookies", "--content", str(content), "--title", "Cookies").returncode == 0
    assert run("store", "bilbao", "--content", str(content), "--name", "La Tuerca Bilbao").returncode == 0
    assert kb1(content) == []
    errors = [x for x in findings(content) if x.severity == "error" and x.rule[:3] in ("KB5", "KB6")]
    assert errors == []


# ------------------------------------------------------------------ terminal or not
def test_without_terminal_missing_options_are_usage_errors(content):
    out = run("faq", "--content", str(content), "--category", "envios")
    assert out.returncode == 2 and "--question" in out.stderr
    assert run("store", "--content", str(content)).returncode == 2
    assert run("policy", "x", "--content", str(content)).returncode == 2


def test_asks_for_what_is_missing(content):
    answers = iter(["envios", "¿Hacéis envíos a Gibraltar?"])
    asked = []

    def ask(prompt, default):
        asked.append(prompt)
        return next(answers)

    args = argparse.Namespace(kind="faq", ident=None, content=str(content), category=None, question=None, qid=None,
                              title=None, name=None, today=TODAY)
    assert scaffold.cli(args, ask=ask) == 0
    assert len(asked) == 2
    assert "- id: haceis-envios-a-gibraltar" in (content / "faq" / "envios.yaml").read_text(encoding="utf-8")


def test_prompts_on_a_real_terminal(content):
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kbgen.cli", "new", "faq", "--content", str(content),
                             "--category", "envios", "--today", "2026-11-29"],
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    buf = b""
    deadline = time.time() + 30
    while b"Question" not in buf and time.time() < deadline:
        if select.select([master], [], [], 0.5)[0]:
            try:
                buf += os.read(master, 1024)
            except OSError:
                break
    assert b"Question" in buf, buf
    os.write(master, "¿Hacéis envíos a Ceuta?\n".encode())
    assert proc.wait(timeout=30) == 0
    os.close(master)
    assert "- id: haceis-envios-a-ceuta" in (content / "faq" / "envios.yaml").read_text(encoding="utf-8")


def test_slugify():
    assert scaffold.slugify("¿Hacéis envíos a Andorra?") == "haceis-envios-a-andorra"
    assert scaffold.slugify("Año nuevo: ¿abrís?") == "ano-nuevo-abris"
    assert len(scaffold.slugify("palabra " * 30)) <= 60
