"""Search payload size at 500 and 5,000 FAQs (raw and gzip).

    python3 bench/search_size.py [--json]

Two synthetic corpora, both deterministic:

* ``retail``: FAQs made from a Spanish hardware-retail vocabulary (questions
  and 3-5 sentence answers with products, services, places, numbers);
* ``prose``: answers cut from real Spanish prose (../shared/seeds), a far
  larger vocabulary than any help centre: a worst case for the term list.

What the browser loads before the first result: ``search/search_index.json``
(ranking index, fetched by Material at page load), the worker scripts, and the
display shards of the results shown (fetched on the first query). Compared
with lunr.py's own serialised index and with the size of a Material-style
full-text index of the same documents.
"""
from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kbgen.search import SearchDoc, build_search_payload, load_index  # noqa: E402
from kbgen.search.build import SHARD_SIZE, _prepare, build_lunr, shard_path  # noqa: E402
from kbgen.search.synonyms import default_synonyms  # noqa: E402

PRODUCTS = """taladro atornillador amoladora sierra caladora lijadora martillo destornillador alicates llave inglesa
cinta métrica nivel escalera carretilla pala rastrillo manguera aspersor cortacésped desbrozadora motosierra
pintura esmalte barniz imprimación rodillo brocha pistola de pintura masilla silicona cola adhesivo tornillo
tuerca arandela taco clavo bisagra cerradura candado bombín pomo manilla cadena cable enchufe interruptor
bombilla lámpara foco regleta alargador pilas batería cargador linterna estufa radiador ventilador deshumidificador
grifo ducha inodoro cisterna fregadero sifón tubería codo válvula termo calentador bomba de agua depósito
tablero contrachapado aglomerado melamina listón moldura rodapié tarima parquet azulejo baldosa cemento mortero
yeso escayola ladrillo bloque arena grava saco guantes gafas casco mascarilla botas chaleco arnés buzo
bicicleta rueda cámara cubierta freno cadena de bici sillín manillar pedal cambio casco de bici candado de bici
barbacoa carbón mueble de jardín sombrilla toldo piscina depurador cloro cortina persiana estor mosquitera
estantería armario caja de herramientas organizador gancho soporte balda escuadra sargento tornillo de banco
soldador estaño multímetro detector compresor pistola de silicona grapadora remachadora ingletadora fresadora""".split()
SERVICES = """corte de tableros copia de llaves mezcla de pintura afilado alquiler de herramientas montaje de muebles
reparación de bicicletas instalación de grifos recogida de residuos presupuesto a medida entrega a domicilio
recogida en tienda envío urgente tarjeta profesional financiación garantía ampliada""".split("\n")
PLACES = """Madrid Barcelona Valencia Sevilla Zaragoza Málaga Murcia Palma Bilbao Alicante Córdoba Valladolid Vigo Gijón
Granada Oviedo Pamplona Almería Santander Burgos Salamanca Logroño Badajoz Huelva Cádiz Tarragona León Lleida
Las Palmas Tenerife Ibiza Menorca Ceuta Melilla Canarias Baleares Andorra Portugal Francia""".split()
VERBS = """comprar devolver cambiar reparar montar instalar pintar cortar medir pedir recoger enviar pagar cancelar
modificar reservar alquilar afilar limpiar mantener elegir usar cargar guardar proteger conectar ajustar sustituir
solicitar consultar revisar probar desmontar limpiar""".split()
QUESTIONS = [
    "¿Puedo {verb} {product} en {place}?", "¿Cuánto cuesta {service} para {product}?",
    "¿Cómo {verb} {product} si soy cliente profesional?", "¿Tenéis {product} en la tienda de {place}?",
    "¿Qué garantía tiene {product}?", "¿Hacéis {service} en {place}?", "¿Cuánto tarda {service}?",
    "¿Qué necesito para {verb} {product}?", "¿Se puede {verb} {product} comprado en la web?",
    "¿Cuál es el plazo para {verb} {product}?", "¿Dónde está {product} en la tienda de {place}?",
]
SENTENCES = [
    "Sí, puedes {verb} {product} en cualquiera de nuestras tiendas en un plazo de {n} días.",
    "El servicio de {service} cuesta {n},{m} € y lo hacemos en el momento si hay disponibilidad.",
    "Para {verb} {product} necesitas el tique de compra o el correo de confirmación del pedido.",
    "En {place} tenemos {product} en exposición; pregunta en el mostrador por las medidas disponibles.",
    "Los pedidos a {place} llegan en {n} a {m} días laborables desde que confirmamos el pago.",
    "La garantía de {product} es de {n} años por defectos de fabricación, con el tique o la factura.",
    "Si {product} llega dañado, escríbenos en {n} horas con fotos del embalaje y lo cambiamos sin coste.",
    "Con la tarjeta profesional tienes un {n} % de descuento en {product} y en {service}.",
    "Recuerda que {service} no está disponible los domingos ni los festivos de {place}.",
    "Te recomendamos {verb} {product} con guantes y gafas de protección.",
]


def retail_docs(n: int, seed: int = 1) -> list[SearchDoc]:
    rnd = random.Random(seed)
    cats = ["Pedidos", "Envíos", "Devoluciones", "Pagos", "Tiendas", "Taller", "Servicios", "Productos", "Cuenta",
            "Garantía", "Profesionales", "Jardín", "Pintura", "Electricidad", "Fontanería", "Madera"]
    out = []
    for i in range(n):
        f = dict(product=rnd.choice(PRODUCTS), service=rnd.choice(SERVICES).strip(), place=rnd.choice(PLACES),
                 verb=rnd.choice(VERBS), n=rnd.randint(2, 90), m=rnd.randint(2, 99))
        q = rnd.choice(QUESTIONS).format(**f)
        sents = []
        for _ in range(rnd.randint(3, 5)):
            f.update(product=rnd.choice(PRODUCTS), verb=rnd.choice(VERBS), n=rnd.randint(2, 90))
            sents.append(rnd.choice(SENTENCES).format(**f))
        cat = cats[i * len(cats) // n]
        slug = re.sub(r"[^a-z]+", "-", cat.lower())
        out.append(SearchDoc(f"faq-{i}", "faq", q, " ".join(sents), f"faq/{slug}/#faq-{i}",
                             [f["product"], f["service"]][: rnd.randint(0, 2)], cat))
    return out


def prose_docs(n: int, seed: int = 2) -> list[SearchDoc]:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    text = " ".join(p.read_text("utf-8", "ignore") for p in seeds)
    sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 < len(s.strip()) < 300]
    if not sents:
        return retail_docs(n, seed)
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        q = rnd.choice(sents)[:90]
        a = " ".join(rnd.choice(sents) for _ in range(rnd.randint(2, 4)))
        out.append(SearchDoc(f"faq-{i}", "faq", "¿" + q.rstrip(".") + "?", a, f"faq/c{i // 300}/#faq-{i}",
                             [], f"Categoría {i // 300}"))
    return out


def gz(b: bytes) -> int:
    return len(gzip.compress(b, 9, mtime=0))


QUERIES = ["devolver taladro", "cuanto tarda envio canarias", "garantia amoladora", "copia de llaves madrid",
           "pintura", "tarjeta profesional descuento", "bicicleta freno", "tiket", "envio gratis", "cortacesped"]


def measure(docs: list[SearchDoc]) -> dict:
    t = time.time()
    payload = build_search_payload(docs, {})
    build_s = time.time() - t
    main = payload["search/search_index.json"]
    shards = {k: v for k, v in payload.items() if k.startswith("search/kbgen/")}
    idx = load_index(payload)
    # display shards the worker fetches for the first query (top 20 results)
    first = []
    for q in QUERIES:
        ranked = idx.rank_docs(q)[:20]
        need = sorted({d // SHARD_SIZE for d, *_ in ranked})
        kbm = json.loads(main)["config"]["kbgen"]
        names = [shard_path(kbm["shard_base"], k) for k in need]
        first.append((sum(len(shards[p]) for p in names), sum(gz(shards[p]) for p in names)))
    js_dir = ROOT / "kbgen" / "assets" / "search"
    js = b"".join((js_dir / n).read_bytes() for n in ("worker.js", "lunr.min.js", "snowball-es.js", "kbsearch.js"))
    # lunr.py's own serialised index of the same fields, and a Material-style full-text index
    prep = _prepare(docs, default_synonyms())
    _, lunr_index = build_lunr(prep)
    lunr_json = json.dumps(lunr_index.serialize(), separators=(",", ":")).encode()
    material_like = json.dumps({"docs": [{"location": d.url, "title": d.title, "text": d.text} for d in docs]},
                               ensure_ascii=False, separators=(",", ":")).encode()
    kb = json.loads(main)["config"]["kbgen"]
    worst_first = max(first, key=lambda x: x[1])
    avg_first = (sum(a for a, _ in first) // len(first), sum(b for _, b in first) // len(first))
    return {
        "docs": len(docs),
        "terms": len(idx.terms),
        "words": len(idx.word_list),
        "build_seconds": round(build_s, 2),
        "index_raw": len(main), "index_gzip": gz(main),
        "index_parts_gzip": {k: gz(json.dumps(kb[k], ensure_ascii=False).encode()) for k in
                             ("terms", "post", "flen", "vocab", "kinds", "stop")},
        "worker_js_raw": len(js), "worker_js_gzip": gz(js),
        "first_query_shards_avg_raw": avg_first[0], "first_query_shards_avg_gzip": avg_first[1],
        "first_query_shards_max_gzip": worst_first[1],
        "before_first_result_gzip": gz(main) + gz(js) + worst_first[1],
        "all_shards_raw": sum(len(v) for v in shards.values()), "all_shards_gzip": sum(gz(v) for v in shards.values()),
        "lunr_serialized_raw": len(lunr_json), "lunr_serialized_gzip": gz(lunr_json),
        "material_like_full_text_raw": len(material_like), "material_like_full_text_gzip": gz(material_like),
    }


def main() -> None:
    results = {}
    for corpus, gen in (("retail", retail_docs), ("prose", prose_docs)):
        for n in (500, 5000):
            results[f"{corpus}-{n}"] = measure(gen(n))
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
        return
    kb = lambda x: f"{x / 1024:7.1f} KB"  # noqa: E731
    for name, r in results.items():
        print(f"\n== {name}: {r['docs']} FAQs, {r['terms']} terms, {r['words']} words, built in {r['build_seconds']} s")
        print(f"  search_index.json (ranking)      raw {kb(r['index_raw'])}   gzip {kb(r['index_gzip'])}")
        print(f"    gzip by part: " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in r["index_parts_gzip"].items()))
        print(f"  worker scripts                   raw {kb(r['worker_js_raw'])}   gzip {kb(r['worker_js_gzip'])}")
        print(f"  shards for the first query (avg) raw {kb(r['first_query_shards_avg_raw'])}   "
              f"gzip {kb(r['first_query_shards_avg_gzip'])}  (max gzip {kb(r['first_query_shards_max_gzip'])})")
        print(f"  => loaded before the first result, gzip (index + scripts + worst shards): "
              f"{kb(r['before_first_result_gzip'])}")
        print(f"  all display shards               raw {kb(r['all_shards_raw'])}   gzip {kb(r['all_shards_gzip'])}")
        print(f"  lunr.py serialised index         raw {kb(r['lunr_serialized_raw'])}   gzip {kb(r['lunr_serialized_gzip'])}")
        print(f"  Material-style full-text index   raw {kb(r['material_like_full_text_raw'])}   "
              f"gzip {kb(r['material_like_full_text_gzip'])}")


if __name__ == "__main__":
    main()
