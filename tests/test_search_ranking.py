"""Ranking on a small document set: accents, word forms, synonyms, typos, FAQ
first, exact above fuzzy -- in Python, the same numbers in Chromium, and through
Material's real search box on a throwaway MkDocs site."""
from __future__ import annotations

import pytest

from kbgen.search import SearchDoc, build_search_payload, load_index, search
from test_search_helpers import browser_rankings, build_material_site, js_page, settle

DOCS = [
    SearchDoc("plazo-entrega", "faq", "¿Cuánto tarda en llegar mi pedido?",
              "Los pedidos a la península llegan en 48-72 h. A Baleares en 3-5 días y a Canarias en 5-10 días laborables.",
              "faq/envios/#plazo-entrega", ["cuándo llega", "retraso", "plazo"], "Envíos y entregas"),
    SearchDoc("envio-canarias", "faq", "¿Enviáis a Canarias, Ceuta y Melilla?",
              "Sí, enviamos a las islas Canarias. El envío tarda entre 5 y 10 días y puede tener costes de aduana (DUA).",
              "faq/envios/#envio-canarias", ["islas", "aduana"], "Envíos y entregas"),
    SearchDoc("gastos-envio", "faq", "¿Cuánto cuesta el envío?",
              "El envío es gratis en pedidos de más de 50 €. Por debajo, cuesta 4,95 €.",
              "faq/envios/#gastos-envio", ["portes"], "Envíos y entregas"),
    SearchDoc("devolver-sin-ticket", "faq", "¿Puedo devolver un artículo sin ticket?",
              "Sin el ticket de compra no podemos devolverte el importe, pero te ofrecemos un vale si encontramos la compra.",
              "faq/devoluciones/#devolver-sin-ticket", ["tique perdido"], "Devoluciones y cambios"),
    SearchDoc("plazo-devolucion", "faq", "¿Cuánto tiempo tengo para devolver un producto?",
              "Tienes 30 días desde la compra para devolverlo en cualquier tienda.",
              "faq/devoluciones/#plazo-devolucion", [], "Devoluciones y cambios"),
    SearchDoc("reembolso", "faq", "¿Cuándo me abonáis el dinero?",
              "Te abonamos el importe en un máximo de 14 días en la misma forma de pago.",
              "faq/devoluciones/#reembolso", [], "Devoluciones y cambios"),
    SearchDoc("cambio-talla", "faq", "¿Puedo cambiar la talla de unos guantes?",
              "Sí, puedes cambiar la talla de la ropa de trabajo en tienda en 30 días.",
              "faq/devoluciones/#cambio-talla", [], "Devoluciones y cambios"),
    SearchDoc("taller-bicis", "faq", "¿Reparáis bicicletas?",
              "Nuestro taller de bicis ajusta frenos, cambia cámaras y revisa cambios.",
              "faq/servicios/#taller-bicis", ["pinchazo"], "Servicios"),
    SearchDoc("anos-garantia", "faq", "¿Cuántos años de garantía tienen las herramientas?",
              "Las herramientas eléctricas tienen 3 años de garantía.", "faq/servicios/#anos-garantia", [], "Servicios"),
    SearchDoc("tabla-medidas", "faq", "¿Dónde está la tabla de medidas?",
              "La tabla con las medidas de la ropa está en la ficha de cada producto.", "faq/servicios/#tabla-medidas", [], "Servicios"),
    SearchDoc("devoluciones", "policy", "Plazo para devolver",
              "Dispones de 30 días naturales desde la entrega para devolver cualquier artículo sin usar.",
              "politicas/devoluciones/#plazo", [], "Política de devoluciones"),
    SearchDoc("envios", "policy", "Plazos de entrega",
              "Los pedidos a la península tardan en llegar de 48 a 72 horas; a Canarias, de 5 a 10 días.",
              "politicas/envios/#plazos", [], "Política de envíos"),
    SearchDoc("madrid-centro", "store", "La Tuerca Madrid Centro",
              "Calle de Atocha 12, 28012 Madrid. Abrimos de lunes a viernes de 9:30 a 20:30.",
              "tiendas/madrid-centro/", ["tienda", "horario", "Madrid"], "Tiendas"),
    SearchDoc("contacto", "contact", "Contacto",
              "Teléfono +34 910 123 456. Correo ayuda@latuerca.example. WhatsApp +34 612 345 678.",
              "contacto/", ["teléfono", "email", "whatsapp"], "Contacto"),
]
SYNONYMS = {"arreglar": ["reparar", "reparación", "taller"], "reembolso": ["devolución del dinero", "abonar"]}

# query -> expected first result
FIRST = {
    # accents
    "devolucion sin ticket": "devolver-sin-ticket",
    "cuanto tarda mi pedido": "plazo-entrega",
    "años garantia": "anos-garantia",
    # word forms: plural/singular, verb forms
    "devoluciones": "plazo-devolucion",
    "herramienta": "anos-garantia",
    "enviais canarias": "envio-canarias",
    "tardara en llegar": "plazo-entrega",
    # synonyms, both directions
    "arreglar frenos": "taller-bicis",
    "reembolso": "reembolso",
    "horario tienda madrid": "madrid-centro",
    # typos
    "devolucion sin tiket": "devolver-sin-ticket",
    "devolucoin sin ticket": "devolver-sin-ticket",
    "bicicltas": "taller-bicis",
    "whatsap": "contacto",
    "herramientsa electricas": "anos-garantia",
    # typing: the last word is completed
    "gara": "anos-garantia",
    "pinch": "taller-bicis",
}


@pytest.fixture(scope="module")
def payload():
    return build_search_payload(DOCS, SYNONYMS)


@pytest.fixture(scope="module")
def index(payload):
    return load_index(payload)


def ids(index, q, n=5):
    return [r.id for r in search(index, q, n)]


@pytest.mark.parametrize("query,expected", FIRST.items())
def test_first_result(index, query, expected):
    assert ids(index, query)[:1] == [expected], search(index, query, 5)


def test_payload_is_deterministic(payload):
    assert build_search_payload(list(DOCS), dict(SYNONYMS)) == payload
    assert "search/search_index.json" in payload
    assert any(p.startswith("search/kbgen/docs-") for p in payload)


def test_enye_is_not_n(index):
    assert "anos-garantia" in ids(index, "años")
    assert "anos-garantia" not in ids(index, "ano")


def test_faq_first_among_close_scores():
    same = "Las tarjetas regalo se pueden usar en la web y en todas las tiendas."
    docs = [SearchDoc("pol", "policy", "Tarjetas regalo", same, "politicas/regalo/#uso", [], "Política comercial"),
            SearchDoc("faq", "faq", "Tarjetas regalo", same, "faq/pagos/#regalo", [], "Pagos")]
    idx = load_index(build_search_payload(docs, {}))
    assert ids(idx, "tarjeta regalo") == ["faq", "pol"]
    # ... but only among close scores: a clearly better policy section stays first
    docs[0] = SearchDoc("pol", "policy", "Tarjetas regalo: caducidad y uso de la tarjeta regalo",
                        same + " La tarjeta regalo caduca al año.", "politicas/regalo/#uso", ["tarjeta regalo"], "")
    docs[1] = SearchDoc("faq", "faq", "¿Qué formas de pago aceptáis?", "Tarjeta, Bizum y tarjeta regalo.",
                        "faq/pagos/#formas", [], "Pagos")
    idx = load_index(build_search_payload(docs, {}))
    assert ids(idx, "tarjeta regalo") == ["pol", "faq"]


def test_faq_question_outranks_a_mention_in_an_answer(index):
    assert ids(index, "tabla")[0] == "tabla-medidas"


def test_exact_match_above_fuzzy(index):
    # "talla" is in cambio-talla's question; "tabla" (edit distance 1) is in tabla-medidas' question
    got = ids(index, "talla")
    assert got[0] == "cambio-talla"
    if "tabla-medidas" in got:
        assert got.index("tabla-medidas") > got.index("cambio-talla")


def test_short_words_are_not_fuzzy(index):
    assert ids(index, "ano") == []  # 3 letters: no typo tolerance, and ñ is not n


def test_stop_words_only_finds_nothing(index):
    assert ids(index, "de la que el") == []


def test_results_carry_ids_titles_urls_scores(index):
    r = search(index, "arreglar frenos", 1)[0]
    assert (r.id, r.url, r.title) == ("taller-bicis", "faq/servicios/#taller-bicis", "¿Reparáis bicicletas?")
    assert r.score > 0


# ------------------------------------------------------------------ same ranking in Chromium

AGREE = list(FIRST) + ["plazo de entrega canarias", "tabla", "talla", "años", "ano", "de la que el",
                       "envio gratis", "ciudades", "d", "devol", "taller frenso", "ñ"]


def test_browser_ranking_equals_python(tmp_path, serve_dir, browser, payload, index):
    got = browser_rankings(browser, serve_dir, js_page(tmp_path / "js", payload), AGREE)
    for q in AGREE:
        assert [[d, s] for d, s, _ in got[q]] == [[d, s] for d, s, _, _ in index.rank_docs(q)], q


# ------------------------------------------------------------------ through Material's search box


@pytest.fixture(scope="module")
def material_site(tmp_path_factory):
    return build_material_site(tmp_path_factory.mktemp("msite"), DOCS)


def _results(page):
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        '.md-search-result__item')).map(li => {
            const links = Array.from(li.querySelectorAll('a.md-search-result__link'));
            const best = links.find(a => a.href.includes('#')) || links[0];
            return {href: best.getAttribute('href'), html: best.innerHTML};
        })""")


def test_material_search_box_uses_kbgen(material_site, serve_dir, browser):
    base = serve_dir(material_site)
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "faq/envios/")
    box = page.locator("input.md-search__input")
    box.click()
    box.type("devolucion sin tiket", delay=20)
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('encontrad')")
    page.wait_for_function("""() => { const a = document.querySelector('.md-search-result__item a[href*="#"]');
                                      return a && a.href.includes('devolver-sin-ticket'); }""")
    res = _results(page)
    assert "#devolver-sin-ticket" in res[0]["href"]
    assert "<mark>" in res[0]["html"]  # highlighted question / snippet
    assert "md-search-result__article" in res[0]["html"]
    # results while typing: a prefix already finds the answer
    box.fill("")
    box.type("bicic", delay=20)
    page.wait_for_function("""() => { const a = document.querySelector('.md-search-result__item a[href*="#"]');
                                      return a && a.href.includes('taller-bicis'); }""")
    settle(page)  # the results of "bic" may still be replaced by those of "bicic", taking the focus
    # keyboard: ArrowDown moves into the results, Enter opens the focused one
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert "faq/servicios/" in focused
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert "#taller-bicis" in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/faq/servicios/**taller-bicis*")
    assert errors == []
    assert all(u.startswith(base) for u in requests), [u for u in requests if not u.startswith(base)]
    assert any(u.endswith("assets/kbgen/search/worker.js") for u in requests)
    assert any("/search/kbgen/docs-" in u for u in requests)
    page.close()


def test_run_search_tests_names_query_expected_and_first(index):
    from kbgen.search import run_search_tests

    assert run_search_tests(index, [("arreglar frenos", "taller-bicis")]) == []
    [miss] = run_search_tests(index, [("arreglar frenos", "copia-llaves")])
    assert miss.query == "arreglar frenos" and miss.expect == "copia-llaves"
    assert miss.got[0].id == "taller-bicis"
    assert "arreglar frenos" in miss.message() and "copia-llaves" in miss.message() and "taller-bicis" in miss.message()
