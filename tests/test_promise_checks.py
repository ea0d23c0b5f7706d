"""KB4xx — promises vs operations, end to end through ``kbgen check``.

Each broken promise is planted alone in a copy of the example content (the ``project``
fixture) and must make ``kbgen check`` exit 1 with a KB4xx finding on the right line,
about the right subject; kept and over-deliverable promises must not fail.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbgen.checks import explain
from kbgen.cli import main

TODAY = "2026-11-29"
RULES = ["KB401", "KB402", "KB403", "KB404", "KB405", "KB406", "KB407", "KB408", "KB409", "KB410", "KB411",
         "KB412", "KB413", "KB420"]


# ------------------------------------------------------------------ helpers

def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(path: Path, marker: str) -> int:
    """1-based line of the first line containing ``marker``."""
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if marker in line:
            return i
    raise AssertionError(f"{marker!r} not in {path}")


def check(capsys, proj: Path, *extra: str) -> tuple[int, list[dict]]:
    rc = main(["check", "--content", str(proj / "content"), "--today", TODAY, "--format", "json", "--no-search",
               *extra])
    doc = json.loads(capsys.readouterr().out)
    return rc, doc["findings"]


def kb4(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["rule"].startswith("KB4")]


def add_promise(proj: Path, pid: str, text: str, extra: str = "") -> Path:
    path = proj / "content" / "promises.yaml"
    append(path, f"  - id: {pid}\n    text: {text}\n    published_in: [radio, Google Ads]\n{extra}")
    return path


# ------------------------------------------------------------------ rules and the example

def test_every_rule_is_documented():
    for code in RULES:
        r = explain(code)
        assert r is not None and len(r.doc) > 80, code
    assert explain("KB410").severity == "warning"
    assert explain("KB411").severity == "warning"
    assert explain("KB420").severity == "info"
    assert explain("KB401").severity == "error"


def test_example_content_passes(capsys, project):
    rc, fs = check(capsys, project)
    assert rc == 0
    assert [f for f in kb4(fs) if f["severity"] in ("error", "warning")] == []


def test_example_content_passes_in_place(capsys):
    root = Path(__file__).resolve().parent.parent
    rc, fs = check(capsys, root)
    assert [f for f in kb4(fs) if f["severity"] == "error"] == []


# ------------------------------------------------------------------ broken promises, one at a time

def _plant_promise_text_window(proj):
    p = proj / "content" / "promises.yaml"
    edit(p, "text: 30 días para devolver tu compra", "text: 60 días para devolver tu compra")
    return p, "60 días para devolver", "folleto-devolucion-30-dias"


def _plant_promise_text_discount(proj):
    p = proj / "content" / "promises.yaml"
    edit(p, "Hasta un 20 % de descuento", "Hasta un 40 % de descuento")
    return p, "Hasta un 40 %", "campana-descuento-herramientas"


def _plant_claim_delivery(proj):
    p = proj / "content" / "promises.yaml"
    edit(p, "text: Entrega en 72 horas en toda la península", "text: Entrega en 24 horas en toda la península")
    edit(p, "claim: {metric: delivery.peninsula, at_most: 72h}", "claim: {metric: delivery.peninsula, at_most: 24h}")
    return p, "at_most: 24h", "banner-entrega-72h"


def _plant_claim_refund(proj):
    p = proj / "content" / "promises.yaml"
    edit(p, "el dinero en 14 días como máximo", "el dinero en 5 días como máximo")
    edit(p, "at_most: 14d}", "at_most: 5d}")
    return p, "at_most: 5d", "reembolso-14-dias"


def _plant_claim_free_shipping(proj):
    p = proj / "content" / "promises.yaml"
    edit(p, "a partir de 50 €", "a partir de 30 €")
    edit(p, "claim: {metric: free_shipping_from, at_most: 50}", "claim: {metric: free_shipping_from, at_most: 30}")
    return p, "free_shipping_from, at_most: 30", "envio-gratis-50"


def _plant_claim_response(proj):
    p = proj / "content" / "promises.yaml"
    edit(p, "por WhatsApp en 2 horas como máximo", "por WhatsApp en 30 minutos como máximo")
    edit(p, "claim: {metric: first_response.whatsapp, at_most: 2h}",
         "claim: {metric: first_response.whatsapp, at_most: 30m}")
    return p, "at_most: 30m", "whatsapp-2-horas"


def _plant_claim_other_setting(proj):
    p = add_promise(proj, "presupuesto-24h", "Presupuesto del taller en 24 horas",
                    "    claim: {metric: workshop.quote_within, at_most: 24h}\n")
    return p, "workshop.quote_within", "presupuesto-24h"


def _plant_faq_delivery(proj):
    p = proj / "content" / "faq" / "envios.yaml"
    edit(p, "      Si lo haces un día laborable antes",
         "      Y si tienes prisa, te lo entregamos en 24 horas.\n      Si lo haces un día laborable antes")
    return p, "te lo entregamos en 24 horas", "plazo-entrega"


def _plant_faq_free_returns(proj):
    p = proj / "content" / "faq" / "devoluciones.yaml"
    edit(p, "      Puedes llevarlo a cualquiera de nuestras tiendas",
         "      La devolución es gratis.\n      Puedes llevarlo a cualquiera de nuestras tiendas")
    return p, "La devolución es gratis", "como-devolver"


def _plant_faq_discount(proj):
    p = proj / "content" / "faq" / "pagos.yaml"
    edit(p, "      Escríbelo en la casilla", "      Este mes, hasta un 50 % de descuento en jardín.\n      Escríbelo en la casilla")
    return p, "hasta un 50 %", "codigo-descuento"


def _plant_faq_cutoff(proj):
    p = proj / "content" / "faq" / "envios.yaml"
    edit(p, "      Si lo haces un día laborable antes",
         "      Pide antes de las 18:00 y te lo entregamos en 72 horas en la península.\n"
         "      Si lo haces un día laborable antes")
    return p, "Pide antes de las 18:00", "plazo-entrega"


def _plant_policy_window(proj):
    p = proj / "content" / "policies" / "devoluciones.md"
    edit(p, "Tienes {{ returns.window }} para devolver", "Tienes 60 días para devolver")
    return p, "Tienes 60 días para devolver", "devoluciones"


def _plant_policy_refund(proj):
    p = proj / "content" / "policies" / "devoluciones.md"
    edit(p, "Devolvemos el importe en el mismo medio de pago que usaste, en\n{{ returns.refund_within }} como",
         "Devolvemos el importe en el mismo medio de pago que usaste, en\n3 días como")
    return p, "Devolvemos el importe en el mismo medio", "devoluciones"


def _plant_channel_response(proj):
    p = proj / "content" / "contact.yaml"
    edit(p, "response_time: 24h", "response_time: 4h")
    return p, "response_time: 4h", "correo"


def _plant_promise_opening_sunday(proj):
    p = add_promise(proj, "domingos", "Abrimos los domingos en todas nuestras tiendas")
    return p, "Abrimos los domingos", "domingos"


def _plant_promise_opening_7_days(proj):
    p = add_promise(proj, "siete-dias", "Nuestras tiendas abren 7 días a la semana")
    return p, "7 días a la semana", "siete-dias"


def _plant_faq_opening_channel(proj):
    p = proj / "content" / "faq" / "atencion-cliente.yaml"
    edit(p, "atiende de lunes a viernes de 9:00 a 20:00", "atiende de lunes a viernes de 8:00 a 22:00")
    return p, "de 8:00 a 22:00", "horario-telefono"


def _plant_store_notes_opening(proj):
    p = proj / "content" / "stores" / "sevilla-triana.yaml"
    edit(p, "  Taller de bicicletas.", "  Abrimos los domingos de 10 a 14 h. Taller de bicicletas.")
    return p, "Abrimos los domingos", "sevilla-triana"


def _plant_english_promise(proj):
    p = add_promise(proj, "next-day", "Next-day delivery on the Spanish mainland")
    return p, "Next-day delivery", "next-day"


PLANTS = [
    ("promise text, return window", _plant_promise_text_window, "KB402"),
    ("promise text, discount", _plant_promise_text_discount, "KB406"),
    ("explicit claim, delivery", _plant_claim_delivery, "KB401"),
    ("explicit claim, refund", _plant_claim_refund, "KB403"),
    ("explicit claim, free shipping", _plant_claim_free_shipping, "KB404"),
    ("explicit claim, response time", _plant_claim_response, "KB405"),
    ("explicit claim, other setting", _plant_claim_other_setting, "KB409"),
    ("FAQ answer, delivery", _plant_faq_delivery, "KB401"),
    ("FAQ answer, free returns", _plant_faq_free_returns, "KB404"),
    ("FAQ answer, discount", _plant_faq_discount, "KB406"),
    ("FAQ answer, order cutoff", _plant_faq_cutoff, "KB408"),
    ("policy body, return window", _plant_policy_window, "KB402"),
    ("policy body, refund", _plant_policy_refund, "KB403"),
    ("channel response_time", _plant_channel_response, "KB405"),
    ("opening promise, Sundays", _plant_promise_opening_sunday, "KB407"),
    ("opening promise, 7 days a week", _plant_promise_opening_7_days, "KB407"),
    ("FAQ answer, channel hours", _plant_faq_opening_channel, "KB407"),
    # the same sentence is also a KB304 (text vs stores), which shadows KB407 on that line
    ("store notes, Sundays", _plant_store_notes_opening, "KB304"),
    ("English promise, next-day delivery", _plant_english_promise, "KB401"),
]


@pytest.mark.parametrize("plant,code", [(p, c) for _, p, c in PLANTS], ids=[n for n, _, _ in PLANTS])
def test_broken_promise_fails_the_check(capsys, project, plant, code):
    path, marker, subject = plant(project)
    rc, fs = check(capsys, project)
    assert rc == 1
    hits = [f for f in fs if f["rule"] == code]
    assert hits, f"no {code} in {[(f['rule'], f['message']) for f in fs]}"
    f = hits[0]
    assert f["severity"] == "error"
    assert f["subject"] == subject
    assert Path(f["path"]).name == path.name
    assert f["line"] == line_of(path, marker)
    assert not [x for x in fs if x["rule"].startswith("KB1")]  # the planted content is still valid


def test_message_names_promise_places_and_both_values(capsys, project):
    _plant_claim_delivery(project)
    rc, fs = check(capsys, project)
    [f] = [x for x in fs if x["rule"] == "KB401"]
    msg = f["message"]
    assert "banner-entrega-72h" in msg
    assert "banner de la web" in msg and "Google Ads" in msg  # published_in
    assert "24 horas" in msg and "48–72 horas" in msg  # promised and operational
    assert "delivery.peninsula" in msg and "operations.yaml:4" in msg  # the setting's place


def test_general_opening_promise_names_every_closed_store(capsys, project):
    _plant_promise_opening_sunday(project)
    rc, fs = check(capsys, project)
    [f] = [x for x in fs if x["rule"] == "KB407"]
    for name in ("Madrid Centro", "Barcelona Gràcia", "Valencia Ruzafa", "Sevilla Triana", "Las Palmas"):
        assert name in f["message"]
    assert "madrid-centro.yaml:" in f["message"]


def test_opening_promise_naming_a_store_is_judged_against_that_store(capsys, project):
    # Las Palmas opens 09:00-13:30 Monday to Friday: kept for it, broken for the chain
    add_promise(project, "las-palmas-mananas", "La Tuerca Las Palmas abre de lunes a viernes de 9 a 13 h")
    rc, fs = check(capsys, project)
    assert rc == 0, kb4(fs)
    add_promise(project, "todas-mananas", "Abrimos de lunes a viernes de 9 a 13 h")
    rc, fs = check(capsys, project)
    assert rc == 1
    [f] = [x for x in fs if x["rule"] == "KB407"]
    assert f["subject"] == "todas-mananas"
    assert "Madrid Centro" in f["message"] and "Las Palmas" not in f["message"]


# ------------------------------------------------------------------ what must not fail

@pytest.mark.parametrize("text", [
    "Entrega en 72 horas en la península",
    "Devuelve tu compra durante 30 días",
    "Hasta un 15 % de descuento en pintura",
    "Envío gratis a la península en pedidos de más de 60 €",
    "Te respondemos por correo en 24 horas",
    "Abrimos de martes a viernes de 10 a 13 h",
])
def test_kept_promise_passes(capsys, project, text):
    add_promise(project, "ok", text)
    rc, fs = check(capsys, project)
    assert rc == 0, kb4(fs)
    assert kb4(fs) == []


def test_over_deliverable_promise_is_info(capsys, project):
    add_promise(project, "siete-dias-entrega", "Entrega en 7 días en la península")
    rc, fs = check(capsys, project)
    assert rc == 0
    [f] = kb4(fs)
    assert f["rule"] == "KB420" and f["severity"] == "info" and f["subject"] == "siete-dias-entrega"
    assert "7 días" in f["message"] and "48–72 horas" in f["message"]


def test_over_deliverable_channel_response_time_is_info(capsys, project):
    edit(project / "content" / "contact.yaml", "response_time: 48h", "response_time: 5d")
    rc, fs = check(capsys, project)
    assert rc == 0
    assert [(f["rule"], f["subject"]) for f in kb4(fs)] == [("KB420", "formulario")]


def test_values_written_through_references_are_not_rechecked(capsys, project):
    # the FAQ writes {{ delivery.peninsula }}: consistent by construction; the banner's claim breaks
    edit(project / "content" / "operations.yaml", "peninsula: 48h-72h", "peninsula: 72h-96h")
    rc, fs = check(capsys, project)
    assert rc == 1
    assert {f["subject"] for f in kb4(fs) if f["severity"] == "error"} == {"banner-entrega-72h"}


def test_referenced_setting_in_the_sentence_is_not_rechecked(capsys, project):
    # the threshold comes from {{ free_shipping_from }}: right by construction, even without "€"
    add_promise(project, "gratis-ref", "Envío gratis en pedidos de más de {{ free_shipping_from }}")
    rc, fs = check(capsys, project)
    assert rc == 0 and kb4(fs) == []
    # the cutoff comes from {{ order_cutoff }}, but the 24 hours are written by hand: broken
    p = add_promise(project, "cutoff-ref", "Entrega en 24 horas en la península si pides antes de las {{ order_cutoff }}")
    rc, fs = check(capsys, project)
    assert rc == 1
    assert [(f["rule"], f["subject"], f["line"]) for f in kb4(fs)] == [("KB401", "cutoff-ref", line_of(p, "cutoff-ref") + 1)]


def test_expired_promise_is_left_to_freshness(capsys, project):
    add_promise(project, "vieja", "Entrega en 24 horas en la península", "    valid_until: 2026-11-01\n")
    rc, fs = check(capsys, project)
    assert [f for f in kb4(fs) if f["subject"] == "vieja"] == []
    assert any(f["rule"] == "KB506" and f["subject"] == "vieja" for f in fs) or not any(
        f["rule"].startswith("KB5") for f in fs)


# ------------------------------------------------------------------ warnings

def test_missing_setting_is_a_warning(capsys, project):
    p = add_promise(project, "ceuta", "Entrega en 48 horas en Ceuta")
    rc, fs = check(capsys, project)
    assert rc == 0
    [f] = kb4(fs)
    assert (f["rule"], f["severity"], f["subject"]) == ("KB410", "warning", "ceuta")
    assert "delivery.ceuta" in f["message"] and f["line"] == line_of(p, "Ceuta")
    rc, _ = check(capsys, project, "--strict")
    assert rc == 1


def test_channel_without_first_response_setting_is_a_warning(capsys, project):
    append(project / "content" / "contact.yaml", "  - id: telegram\n    kind: chat\n"
           "    url: https://t.me/latuerca\n    response_time: 1h\n")
    rc, fs = check(capsys, project)
    assert rc == 0
    assert [(f["rule"], f["subject"]) for f in kb4(fs)] == [("KB410", "telegram")]
    assert "first_response.telegram" in kb4(fs)[0]["message"]


def test_unreadable_promise_is_a_warning_naming_the_sentence(capsys, project):
    add_promise(project, "rapida", "Entrega ultrarrápida garantizada siempre")
    rc, fs = check(capsys, project)
    assert rc == 0
    [f] = kb4(fs)
    assert (f["rule"], f["subject"]) == ("KB411", "rapida")
    assert "Entrega ultrarrápida garantizada siempre" in f["message"]


def test_promise_with_nothing_to_check_is_a_warning(capsys, project):
    add_promise(project, "garantia", "Garantía de 3 años en herramienta eléctrica")
    rc, fs = check(capsys, project)
    assert rc == 0
    assert [(f["rule"], f["subject"]) for f in kb4(fs)] == [("KB411", "garantia")]


def test_invalid_claim_is_an_error(capsys, project):
    p = add_promise(project, "pronto", "Entrega pronto", "    claim: {metric: delivery.peninsula, at_most: pronto}\n")
    rc, fs = check(capsys, project)
    assert rc == 1
    [f] = kb4(fs)
    assert (f["rule"], f["subject"], f["line"]) == ("KB412", "pronto", line_of(p, "at_most: pronto"))


def test_text_that_disagrees_with_its_claim_is_a_warning(capsys, project):
    p = project / "content" / "promises.yaml"
    edit(p, "text: Entrega en 72 horas en toda la península", "text: Entrega en 24 horas en toda la península")
    rc, fs = check(capsys, project)
    assert rc == 0  # the claim (72 h) is what is judged, and it is kept
    [f] = kb4(fs)
    assert (f["rule"], f["subject"], f["line"]) == ("KB413", "banner-entrega-72h", line_of(p, "Entrega en 24 horas"))


# ------------------------------------------------------------------ language

def test_messages_in_english(capsys, project):
    edit(project / "content" / "site.yaml", "language: es", "language: en")
    _plant_claim_delivery(project)
    rc, fs = check(capsys, project)
    [f] = [x for x in fs if x["rule"] == "KB401"]
    assert "promises 24 hours" in f["message"] and "operations deliver in 48–72 hours" in f["message"]


def test_messages_in_spanish(capsys, project):
    _plant_claim_delivery(project)
    rc, fs = check(capsys, project)
    [f] = [x for x in fs if x["rule"] == "KB401"]
    assert "promete 24 horas" in f["message"] and "operaciones entregan en 48–72 horas" in f["message"]
