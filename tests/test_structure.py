"""KB6xx — links and structure: one failing and one passing example per rule."""
from __future__ import annotations

import datetime as dt
import itertools
import random
import shutil
from pathlib import Path

import hypothesis
import hypothesis.strategies
import pytest

from kbgen.checks import Options, explain
from kbgen.checks.structure import Tokenizer, heading_ids, near_duplicates
from kbgen.engine import analyse

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 29)
RULES = ["KB601", "KB602", "KB603", "KB604", "KB605", "KB606", "KB607"]


@pytest.fixture
def content(tmp_path):
    dst = tmp_path / "content"
    shutil.copytree(ROOT / "content", dst)
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def kb6(content):
    res = analyse(str(content), Options(today=TODAY, search=False))
    assert not res.unreadable
    return [f for f in res.findings if f.rule.startswith("KB6")]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, l in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in l)


def link_in_answer(content, link: str) -> Path:
    """A new entry at the end of faq/envios.yaml whose answer (a block scalar indented 6) has the link."""
    f = content / "faq" / "envios.yaml"
    with open(f, "a", encoding="utf-8") as fh:
        fh.write("\n  - id: enlace-prueba\n    q: ¿Dónde está la prueba de enlaces?\n    a: |\n"
                 f"      Primera línea.\n      Mira {link}. Fin.\n    reviewed: 2026-11-01\n    owner: logistica\n")
    return f


def test_every_rule_is_documented():
    for code in RULES:
        assert explain(code) is not None and len(explain(code).doc) > 60, code


def test_example_content_has_no_kb6_findings():
    assert kb6(ROOT / "content") == []


# ------------------------------------------------------------------ KB601 broken links
@pytest.mark.parametrize("link, hint", [
    ("[la política](../politicas/devolucion.md)", '"../politicas/devoluciones.md"'),
    ("[la política](politicas/devoluciones.md)", "faq/politicas/devoluciones.md"),
    ("[otra](faq:plazo-entregas)", "faq:plazo-entrega"),
    ("[la política](policy:devolucion)", "policy:devoluciones"),
    ("[la tienda](tienda:madrid)", "tienda:madrid-centro"),
    ("[otra](faq:plazo-entrega#x)", "no lleva #ancla"),
    ("[url](../../politicas/devolucion/)", "no es una página del sitio"),
    ("[url](../politicas/devoluciones/)", "escribe en su lugar el enlace a la página ../politicas/devoluciones.md"),
    ("[url](https://ayuda.latuerca.example/tiendas/bilbao/)", "no es una página del sitio"),
    ("[pág](pagina:contacto)", "no es un tipo de enlace"),
    ("[img](../img/mapa.png)", "no está en content/pages"),
])
def test_kb601_broken_link_with_file_and_line(content, link, hint):
    f = link_in_answer(content, link)
    fs = [x for x in kb6(content) if x.rule == "KB601"]
    assert len(fs) == 1, fs
    (x,) = fs
    assert x.severity == "error" and x.subject == "enlace-prueba"
    assert x.loc.path.endswith("faq/envios.yaml")
    assert x.line == line_of(f, "Mira ")
    assert x.column == 7 + len("Mira ") + link.index("](") + 2  # text starts at column 7; column of the target
    assert hint in x.message, x.message


@pytest.mark.parametrize("link", [
    "[la política](../politicas/devoluciones.md)",
    "[la política](../politicas/devoluciones.md#plazo-y-condiciones)",
    "[otra pregunta](envios.md#envio-canarias)",
    "[otra pregunta](../faq/devoluciones.md#como-devolver)",
    "[otra](faq:como-devolver)",
    "[la política](policy:garantia)",
    "[la política](politica:garantia)",
    "[tienda](store:madrid-centro)",
    "[tiendas](../tiendas/index.md)",
    "[contacto](../contacto.md#correo)",
    "[inicio](../index.md)",
    "[url](../../politicas/devoluciones/)",
    "[url](/tiendas/madrid-centro/)",
    "[url](https://ayuda.latuerca.example/faq/envios/#plazo-entrega)",
    "[fuera](https://www.boe.es/)",
    "[mail](mailto:ayuda@latuerca.example)",
    "`[no es un enlace](faq:nada)`",
])
def test_kb601_working_links(content, link):
    link_in_answer(content, link)
    assert kb6(content) == []


def test_kb601_links_are_relative_to_the_page_the_text_is_on(content):
    # a policy is on politicas/<slug>.md: a sibling policy is "garantia.md", an FAQ page "../faq/x.md"
    pol = content / "policies" / "envios.md"
    pol.write_text(pol.read_text(encoding="utf-8") + "\nVer [garantía](garantia.md), [FAQ](../faq/envios.md#plazo-entrega)"
                   " y [mal](faq/envios.md).\n", encoding="utf-8")
    # store notes are on tiendas/<id>.md
    store = content / "stores" / "madrid-centro.yaml"
    edit(store, "Tienda principal", "Ver [garantía](../politicas/garantia.md) y [otra](barcelona-gracia.md). Tienda principal")
    # a page of content/pages is at the root
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "sobre-nosotros.md").write_text(
        "---\ntitle: Sobre nosotros\n---\n# Sobre nosotros\n\nLee [devoluciones](politicas/devoluciones.md) "
        "y [esto](../politicas/devoluciones.md).\n", encoding="utf-8")
    fs = [x for x in kb6(content) if x.rule == "KB601"]
    assert sorted((Path(x.path).name, x.subject) for x in fs) == [("envios.md", "envios"), ("sobre-nosotros.md", "sobre-nosotros")]
    assert all(x.severity == "error" for x in fs)
    bad = next(x for x in fs if x.subject == "sobre-nosotros")
    assert bad.line == 6


def test_kb601_reference_style_links(content):
    pol = content / "policies" / "garantia.md"
    pol.write_text(pol.read_text(encoding="utf-8") + "\nVer [la otra][d].\n\n[d]: ../politicas/devoluciones.md\n"
                   "[e]: devolucion.md\n", encoding="utf-8")
    (x,) = [x for x in kb6(content) if x.rule == "KB601"]
    assert "devolucion.md" in x.message and x.line == line_of(pol, "[e]:")


# ------------------------------------------------------------------ KB602 anchors
def test_kb602_unknown_anchor(content):
    link_in_answer(content, "[p](../politicas/devoluciones.md#plazos)")
    (x,) = kb6(content)
    assert x.rule == "KB602" and x.severity == "warning" and "#plazos" in x.message


def test_kb602_known_anchor_and_heading_ids():
    assert heading_ids("## Cómo hacer la devolución\n\n### Otra { #mi-id }\n\nTítulo\n------\n") == {
        "como-hacer-la-devolucion", "mi-id", "titulo"}
    assert "plazo-y-condiciones" in heading_ids((ROOT / "content/policies/devoluciones.md").read_text())


# ------------------------------------------------------------------ KB603 / KB604 duplicates
def add_question(content, category: str, qid: str, q: str) -> None:
    f = content / "faq" / f"{category}.yaml"
    with open(f, "a", encoding="utf-8") as fh:
        fh.write(f"\n  - id: {qid}\n    q: {q}\n    a: Una respuesta.\n    reviewed: 2026-11-01\n    owner: x\n")


def test_kb603_same_question_twice(content):
    add_question(content, "envios", "cuanto-tarda-2", "¿cuanto tarda en llegar mi pedido")
    (x,) = kb6(content)
    assert x.rule == "KB603" and x.severity == "error" and "plazo-entrega" in x.message


def test_kb604_near_duplicate_names_both_ids_and_files(content):
    add_question(content, "devoluciones", "tiempo-devolver-producto", "¿Cuánto tiempo tengo para devolver un producto?")
    add_question(content, "pedidos", "tiempo-devolver-compra", "¿Cuánto tiempo tengo para devolver una compra?")
    (x,) = kb6(content)
    assert x.rule == "KB604" and x.severity == "warning"
    assert "tiempo-devolver-producto" in x.message and "tiempo-devolver-compra" in x.message
    assert "faq/devoluciones.yaml" in x.message and "faq/pedidos.yaml" in x.path


def test_kb604_different_questions_pass(content):
    add_question(content, "envios", "envio-andorra", "¿Hacéis envíos a Andorra?")
    add_question(content, "envios", "envio-portugal", "¿Hacéis envíos a Portugal?")
    add_question(content, "envios", "tarda-canarias", "¿Cuánto tarda el envío a Canarias?")
    add_question(content, "envios", "tarda-baleares", "¿Cuánto tarda el envío a Baleares?")
    assert kb6(content) == []


def test_kb604_synonyms_count_as_the_same_word(content):
    # synonyms.yaml says tique: [ticket, …]; the example has "¿Puedo devolver un producto sin el tique de compra?"
    add_question(content, "pedidos", "devolver-sin-ticket-2", "¿Puedo devolver un producto sin ticket?")
    (x,) = kb6(content)
    assert x.rule == "KB604" and "devolver-sin-ticket" in x.message


def test_kb604_can_be_silenced_with_a_reason(content):
    add_question(content, "devoluciones", "tiempo-devolver-producto", "¿Cuánto tiempo tengo para devolver un producto?")
    f = content / "faq" / "pedidos.yaml"
    with open(f, "a", encoding="utf-8") as fh:
        fh.write('\n  - id: tiempo-devolver-compra\n    # kbgen: ignore KB604 reason="pregunta distinta: compras online"\n'
                 "    q: ¿Cuánto tiempo tengo para devolver una compra?\n    a: Otra.\n    reviewed: 2026-11-01\n    owner: x\n")
    assert kb6(content) == []


def test_near_duplicates_are_a_subset_of_candidates():
    rnd = random.Random(3)
    vocab = [f"w{i}" for i in range(60)]
    sets = [frozenset(rnd.sample(vocab, rnd.randint(2, 8))) for _ in range(600)]
    cands = {(i, j) for i, j in itertools.combinations(range(len(sets)), 2)
             if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= 0.5}
    near = near_duplicates(sets)
    assert near and {(i, j) for i, j, _ in near} <= cands and all(s >= 0.6 for *_, s in near)


def test_near_duplicates_match_comparing_every_pair():
    """_candidates joins on pairs of rare tokens; it must find every pair comparing all pairs finds."""
    import math
    rnd = random.Random(11)
    vocab = [f"w{i}" for i in range(30)] + ["envio", "devolucion", "tienda"] * 5
    sets = [frozenset(rnd.sample(vocab, rnd.randint(1, 12))) for _ in range(500)]
    df = {}
    for s in sets:
        for t in s:
            df[t] = df.get(t, 0) + 1
    w = {t: math.log(1 + len(sets) / c) for t, c in df.items()}
    brute = []
    for i, j in itertools.combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        if len(a & b) / len(a | b) < 0.5 - 1e-9:
            continue
        shared = sum(w[t] for t in a & b)
        total = shared + sum(w[t] for t in a ^ b)
        if total and shared / total >= 0.6 - 1e-9:
            brute.append((i, j))
    assert brute and [(i, j) for i, j, _ in near_duplicates(sets, 0.6, 0.5)] == brute


def test_tokenizer_folds_and_stems():
    tok = Tokenizer()
    assert tok("¿Cuánto tarda el envío?") == tok("cuanto tardan los envios")
    tok = Tokenizer({"tique": ["ticket", "factura simplificada"]})
    assert tok("sin ticket") == tok("sin tique") and tok("factura") != tok("tique")


# ------------------------------------------------------------------ KB605-607 empty things
def test_kb605_empty_category(content):
    (content / "faq" / "vacia.yaml").write_text("category: Vacía\nquestions: []\n", encoding="utf-8")
    (x,) = kb6(content)
    assert x.rule == "KB605" and x.severity == "error" and x.line == 2


def test_kb606_empty_answer(content):
    add_question(content, "envios", "envio-andorra", "¿Hacéis envíos a Andorra?")
    edit(content / "faq" / "envios.yaml", "    a: Una respuesta.\n", '    a: ""\n')
    (x,) = kb6(content)
    assert x.rule == "KB606" and x.severity == "error" and x.subject == "envio-andorra"


def test_kb607_policy_without_body(content):
    (content / "policies" / "cookies.md").write_text("---\ntitle: Cookies\nreviewed: 2026-11-01\nowner: web\n---\n\n",
                                                   encoding="utf-8")
    (x,) = kb6(content)
    assert x.rule == "KB607" and x.severity == "error" and x.subject == "cookies"


def test_kb605_607_pass_with_content(content):
    (content / "faq" / "nueva.yaml").write_text(
        "category: Nueva\nquestions:\n  - id: una\n    q: ¿Una pregunta nueva?\n    a: Sí.\n", encoding="utf-8")
    (content / "policies" / "cookies.md").write_text("---\ntitle: Cookies\n---\nUsamos cookies técnicas.\n",
                                                   encoding="utf-8")
    assert kb6(content) == []


def test_near_duplicates_match_brute_force():
    """The weighted join finds exactly the pairs a comparison of all pairs finds."""
    import math
    from collections import Counter
    for seed, size, vocab_size in ((5, 500, 30), (6, 300, 80), (8, 400, 12)):
        rnd = random.Random(seed)
        vocab = [f"w{i}" for i in range(vocab_size)]
        sets = [frozenset(rnd.sample(vocab, rnd.randint(0, 9))) for _ in range(size)]
        sets += [sets[k] for k in range(0, size, 37)]  # some identical sets
        df = Counter(tok for s in sets for tok in s)
        weight = {tok: math.log(1 + len(sets) / c) for tok, c in df.items()}
        for threshold, candidate in ((0.6, 0.5), (0.4, 0.3), (0.8, 0.7)):
            brute = []
            for i, j in itertools.combinations(range(len(sets)), 2):
                a, b = sets[i], sets[j]
                if not a or not b or len(a & b) / len(a | b) < candidate - 1e-9:
                    continue
                shared = sum(weight[t] for t in a & b)
                sim = shared / (shared + sum(weight[t] for t in a ^ b))
                if sim >= threshold - 1e-9:
                    brute.append((i, j))
            assert [(i, j) for i, j, _ in near_duplicates(sets, threshold, candidate)] == brute


@hypothesis.settings(max_examples=400, deadline=None)
@hypothesis.given(hypothesis.strategies.text(max_size=60))
def test_heading_ids_are_the_ones_markdown_gives(title):
    from markdown.extensions.toc import slugify as markdown_slugify
    from kbgen.checks.structure import slugify
    assert slugify(title, "-") == markdown_slugify(title, "-")
