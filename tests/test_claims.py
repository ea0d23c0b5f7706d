"""Claims read from promise sentences, and their verdicts against one operations.yaml.

Each row of CORPUS is a sentence, the first claim expected from it (metric, value) and
the verdict of that claim against OPS (the worst over the zones/channels it covers).
``None`` as metric means "no claim at all"; ``None`` as verdict means "judged elsewhere"
(opening hours are checked against the stores, not operations.yaml).
"""
from __future__ import annotations

import pytest

from kbgen.promises import Verdict, judge, lookup, parse_duration, parse_percent, worst
from kbgen.text.claims import Span, claim_from_spec, extract_claims, fmt_span, looks_like_promise

OPS = {
    "delivery": {"peninsula": "48h-72h", "baleares": "3d-5d", "canarias": "5d-10d"},
    "order_cutoff": "14:00",
    "returns": {"window": "30d", "free": False, "refund_within": "14d"},
    "first_response": {"correo": "24h", "whatsapp": "2h", "chat": "5m", "formulario": "48h"},
    "max_discount": "20%",
    "free_shipping_from": 50,
    "store_pickup": {"ready_within": "24h-48h"},
}


def M(n):  # minutes
    return Span(n, n)


def H(a, b=None):
    return Span(a * 60, (b if b is not None else a) * 60)


def D(a, b=None):
    return Span(a * 1440, (b if b is not None else a) * 1440)


MON_SAT = frozenset(range(6))
MON_FRI = frozenset(range(5))
ALL = frozenset(range(7))


def row(text, metric=None, value=None, verdict=None, lang="es", **attrs):
    return pytest.param(text, metric, value, verdict, lang, attrs, id=text[:60])


NO = "no claim"

SPANISH = [
    # --- delivery: broken (operations: península 48-72 h, Baleares 3-5 d, Canarias 5-10 d)
    row("Entrega en 24 horas en toda la península.", "delivery", H(24), "broken", zone="peninsula"),
    row("Entrega en 24 horas.", "delivery", H(24), "broken", zone=None),
    row("Recíbelo en 24h.", "delivery", H(24), "broken"),
    row("Tu pedido en casa en 24h.", "delivery", H(24), "broken"),
    row("Entregamos al día siguiente en la península.", "delivery", D(1), "broken", zone="peninsula"),
    row("Pide hoy y recíbelo mañana.", "delivery", D(1), "broken"),
    row("Entrega en 24-48 h en península.", "delivery", H(24, 48), "broken", zone="peninsula"),
    row("Entrega en 2 días laborables en la península.", "delivery", D(2), "broken", business_days=True),
    row("Envío express en un día.", "delivery", D(1), "broken"),
    row("Los pedidos a Baleares llegan en 48 horas.", "delivery", H(48), "broken", zone="baleares"),
    row("Entregamos en Canarias en una semana.", "delivery", D(7), "broken", zone="canarias"),
    row("Entrega en toda España en 72 horas.", "delivery", H(72), "broken", zone=None),
    row("Recibirás tu pedido en un máximo de 3 días en Canarias.", "delivery", D(3), "broken", zone="canarias"),
    row("Entrega urgente en el mismo día en Madrid.", "delivery", Span(0, 720), "broken"),
    row("Entrega en dos días hábiles a la península.", "delivery", D(2), "broken", business_days=True),
    row("Envíos a la península en 24 a 48 horas.", "delivery", H(24, 48), "broken", zone="peninsula"),
    row("Entre 24 y 48 horas tendrás tu pedido en la península.", "delivery", H(24, 48), "broken"),
    row("Entrega en 3 días laborables a Baleares.", "delivery", D(3), "broken", zone="baleares"),
    row("Pide antes de las 18:00 y lo entregamos en 3 días en la península.", "delivery", D(3), "broken",
        cutoff=18 * 60),
    row("¡Envío en 48h a Baleares!", "delivery", H(48), "broken", zone="baleares"),
    # --- delivery: kept / over
    row("Entrega en 72 horas en toda la península.", "delivery", H(72), "kept", zone="peninsula"),
    row("Entrega en 48-72 horas en la península.", "delivery", H(48, 72), "kept"),
    row("Los pedidos a Baleares llegan en 3-5 días.", "delivery", D(3, 5), "kept", zone="baleares"),
    row("Envíos a Canarias en 5 a 10 días.", "delivery", D(5, 10), "kept", zone="canarias"),
    row("Entrega en 15 días en toda España.", "delivery", D(15), "kept"),
    row("Entrega en 7 días en la península.", "delivery", D(7), "over"),
    row("Entrega en 3 días laborables en la península.", "delivery", D(3), "kept", business_days=True),
    row("Pide antes de las 14:00 y lo recibes en 3 días en la península.", "delivery", D(3), "kept",
        cutoff=14 * 60),
    row("Recibe tu pedido en Canarias en dos semanas.", "delivery", D(14), "kept", zone="canarias"),
    # --- return window (operations: 30 d)
    row("30 días para devolver tu compra.", "returns.window", D(30), "kept"),
    row("Tienes 30 días para devolver cualquier artículo.", "returns.window", D(30), "kept"),
    row("Devoluciones durante un mes.", "returns.window", Span(43200, 43200), "kept"),
    row("Tienes hasta 30 días para devolverlo.", "returns.window", D(30), "kept"),
    row("Dispones de 14 días naturales para devolver el producto.", "returns.window", D(14), "over"),
    row("Tienes 60 días para devolver tu compra.", "returns.window", D(60), "broken"),
    row("Devoluciones hasta 45 días después de la compra.", "returns.window", D(45), "broken"),
    row("Plazo de devolución de 2 meses.", "returns.window", Span(86400, 86400), "broken"),
    row("Cambios y devoluciones en 30 días hábiles.", "returns.window", D(30), "broken", business_days=True),
    row("Tienes 15 días para cambiar tu producto.", "returns.window", D(15), "over"),
    row("Devolver es fácil: tienes 100 días.", "returns.window", D(100), "broken"),
    # --- refund (operations: 14 d)
    row("Reembolso en 5 días hábiles.", "returns.refund_within", D(5), "broken", business_days=True),
    row("Te devolvemos el dinero en 14 días como máximo.", "returns.refund_within", D(14), "kept"),
    row("Te reembolsamos en 48 horas.", "returns.refund_within", H(48), "broken"),
    row("El reembolso se hace en un máximo de 30 días.", "returns.refund_within", D(30), "over"),
    row("Devolvemos el importe en 7 días.", "returns.refund_within", D(7), "broken"),
    row("Recibirás el reembolso en 2 semanas.", "returns.refund_within", D(14), "kept"),
    row("El abono se realiza en 10 días.", "returns.refund_within", D(10), "broken"),
    # --- free returns / free shipping (returns.free: false, free_shipping_from: 50)
    row("Devoluciones gratuitas.", "returns.free", True, "broken"),
    row("Devolución gratis en todos los pedidos.", "returns.free", True, "broken"),
    row("Las devoluciones son gratis.", "returns.free", True, "broken"),
    row("Devoluciones sin coste alguno.", "returns.free", True, "broken"),
    row("Las devoluciones no son gratuitas.", "returns.free", False, "kept"),
    row("Los gastos de devolución corren a cargo del cliente.", "returns.free", False, "kept"),
    row("Envío gratis a partir de 50 €.", "shipping.free", True, "kept", threshold=50),
    row("Envío gratis a la península a partir de 50 €.", "shipping.free", True, "kept", zone="peninsula"),
    row("Envío gratis en pedidos superiores a 30 €.", "shipping.free", True, "broken", threshold=30),
    row("Envío gratis.", "shipping.free", True, "broken", threshold=None),
    row("Sin gastos de envío desde 60 €.", "shipping.free", True, "kept", threshold=60),
    row("Gastos de envío gratis por compras de 100 € o más.", "shipping.free", True, "kept", threshold=100),
    row("Portes gratis en pedidos de más de 1.000 €.", "shipping.free", True, "kept", threshold=1000),
    row("Entrega gratuita en toda España.", "shipping.free", True, "broken"),
    # --- first response (correo 24 h, WhatsApp 2 h, chat 5 min, formulario 48 h)
    row("Te respondemos en menos de 1 hora.", "first_response", H(1), "broken", channel=None),
    row("Respuesta en 10 horas por correo.", "first_response", H(10), "broken", channel="correo"),
    row("Te contestamos por WhatsApp en 2 horas como máximo.", "first_response", H(2), "kept", channel="whatsapp"),
    row("Respondemos tus correos en 24 horas.", "first_response", H(24), "kept", channel="correo"),
    row("Te respondemos por correo en 48 horas.", "first_response", H(48), "over", channel="correo"),
    row("En el chat te atendemos en 5 minutos.", "first_response", M(5), "kept", channel="chat"),
    row("Te atendemos en el chat en menos de 2 minutos.", "first_response", M(2), "broken", channel="chat"),
    row("Respuesta en media hora por WhatsApp.", "first_response", M(30), "broken", channel="whatsapp"),
    row("Contestamos al formulario en 72 horas.", "first_response", H(72), "kept", channel="formulario"),
    row("Te respondemos en 3 días por cualquier canal.", "first_response", D(3), "kept"),
    # --- discounts (max_discount 20 %)
    row("Hasta un 30 % de descuento en herramientas.", "discount", 30, "broken", op="at_most"),
    row("-30% en toda la tienda.", "discount", 30, "broken", op="equals"),
    row("30% de descuento en taladros.", "discount", 30, "broken"),
    row("30 % dto. en pintura.", "discount", 30, "broken"),
    row("Hasta un 20 % de descuento en herramientas eléctricas.", "discount", 20, "kept"),
    row("Rebajas del 10 al 25 %.", "discount", 25, "broken", op="at_most"),
    row("Ahorra un 15 % en jardín.", "discount", 15, "kept"),
    row("Descuento del 12,5 % para socios.", "discount", 12.5, "kept"),
    row("Hasta -50 % en liquidación.", "discount", 50, "broken", op="at_most"),
    # --- opening (judged against the stores by the caller)
    row("Abierto 7 días a la semana.", "opening.days_per_week", 7, None),
    row("Nuestras tiendas abren todos los días.", "opening.days_per_week", 7, None),
    row("Abrimos los domingos.", "opening.sunday", True, None),
    row("Cerrado los domingos.", "opening.sunday", False, None),
    row("Abierto 24 horas.", "opening.24h", True, None),
    row("Abrimos de lunes a sábado de 9 a 21 h.", "opening.hours", (MON_SAT, ((540, 1260),)), None),
    row("Horario: de lunes a viernes de 9:30 a 14:00 y de 17:00 a 20:30.", "opening.hours",
        (MON_FRI, ((570, 840), (1020, 1230))), None),
    row("Atención telefónica de lunes a viernes de 9 a 20 h.", "opening.hours", (MON_FRI, ((540, 1200),)), None,
        channel="telefono"),
    row("Los sábados abrimos de 10 a 14 h.", "opening.hours", (frozenset({5}), ((600, 840),)), None),
    row("Abierto todos los días de 8 a 22 h.", "opening.hours", (ALL, ((480, 1320),)), None),
    # --- not promises (prices, sizes, years, phones, order numbers, warranty, past facts, questions)
    row("El taladro cuesta 30 €.", NO),
    row("Tornillo de 30 mm de acero inoxidable.", NO),
    row("Desde 2015 cuidamos de tu casa.", NO),
    row("Llámanos al 910 123 456.", NO),
    row("Tu pedido nº 123456 está en camino.", NO),
    row("Todos los taladros tienen 3 años de garantía.", NO),
    row("Las baterías tienen 30 días de garantía.", NO),
    row("Garantía de 30 días en productos reacondicionados.", NO),
    row("Hace 30 días cambiamos de almacén.", NO),
    row("El año pasado entregábamos en 24 horas.", NO),
    row("¿Cuánto tarda en llegar mi pedido?", NO),
    row("¿Puedo devolver un producto después de 30 días?", NO),
    row("El 95 % de nuestros clientes repite.", NO),
    row("Todos los precios incluyen el 21 % de IVA.", NO),
    row("Si tu pedido no ha llegado en 7 días, escríbenos.", NO),
    row("No garantizamos la entrega en 24 horas en agosto.", NO),
    row("Los pedidos confirmados antes de las 14:00 salen del almacén ese mismo día.", NO),
    row("Te lo guardamos en tienda durante 15 días.", NO),
    row("Oferta válida durante 30 días.", NO),
    row("Financiación en 12 meses sin intereses.", NO),
    row("Entregamos de 9 a 14 h.", NO),
    row("Cortamos tableros de 2 metros a medida.", NO),
    row("Llevamos 40 años en el barrio.", NO),
    row("El envío a Canarias cuesta 12,95 €.", NO),
    row("Los envíos tardan al menos 3 días.", NO),
    row("Recoge tu pedido en tienda en 2 horas.", NO),
    row("Si hay que cambiar piezas, la reparación tarda 2-5 días.", NO),
    # --- more ways of saying it
    row("Dinero devuelto en 14 días.", "returns.refund_within", D(14), "kept"),
    row("Dispones de un plazo de 30 días naturales desde la entrega para devolver el producto.",
        "returns.window", D(30), "kept"),
    row("¡Pídelo hoy y lo tienes mañana!", "delivery", D(1), "broken"),
    row("Te llamamos en menos de 5 minutos.", "first_response", M(5), "unknown_setting", channel="telefono"),
    row("Entregamos en 24 h en península, 48 h en Baleares y 72 h en Canarias.", "delivery", H(24), "broken",
        zone="peninsula"),
    row("Abrimos domingos y festivos de 10 a 14 h.", "opening.hours", (frozenset({6}), ((600, 840),)), None),
    row("Si tienes dudas, escríbenos a ayuda@latuerca.example; te contestamos en 24 horas como máximo.",
        "first_response", H(24), "kept", channel="correo"),
    row("Sí, escríbenos al +34 612 345 678; te contestamos en 2 horas como máximo.", "first_response", H(2),
        "kept", channel="whatsapp"),
]

ENGLISH = [
    row("Next-day delivery.", "delivery", D(1), "broken", lang="en"),
    row("Delivered within 3 business days.", "delivery", D(3), "broken", lang="en", business_days=True),
    row("Free shipping over €50.", "shipping.free", True, "kept", lang="en", threshold=50),
    row("Free shipping on orders over 20 €.", "shipping.free", True, "broken", lang="en", threshold=20),
    row("We reply within 2 hours.", "first_response", H(2), "broken", lang="en"),
    row("We reply to emails within 24 hours.", "first_response", H(24), "kept", lang="en", channel="correo"),
    row("Our live chat answers in 5 minutes.", "first_response", M(5), "kept", lang="en", channel="chat"),
    row("30-day returns.", "returns.window", D(30), "kept", lang="en"),
    row("You have 60 days to return any item.", "returns.window", D(60), "broken", lang="en"),
    row("Returns accepted within 14 days.", "returns.window", D(14), "over", lang="en"),
    row("Free returns.", "returns.free", True, "broken", lang="en"),
    row("Refund within 5 business days.", "returns.refund_within", D(5), "broken", lang="en", business_days=True),
    row("We refund your money within two weeks.", "returns.refund_within", D(14), "kept", lang="en"),
    row("Up to 30% off power tools.", "discount", 30, "broken", lang="en", op="at_most"),
    row("Save 10% on garden furniture.", "discount", 10, "kept", lang="en"),
    row("Delivery to the Canary Islands in 5-10 days.", "delivery", D(5, 10), "kept", lang="en", zone="canarias"),
    row("Delivery to mainland Spain in 3 days.", "delivery", D(3), "kept", lang="en", zone="peninsula"),
    row("Same-day delivery in Madrid.", "delivery", Span(0, 720), "broken", lang="en"),
    row("Orders placed before 6pm ship the same day.", "delivery", Span(0, 720), "broken", lang="en",
        cutoff=18 * 60),
    row("Open 7 days a week.", "opening.days_per_week", 7, None, lang="en"),
    row("Open 24 hours.", "opening.24h", True, None, lang="en"),
    row("Open Monday to Saturday from 9am to 9pm.", "opening.hours", (MON_SAT, ((540, 1260),)), None, lang="en"),
    # not promises
    row("This drill costs €30.", NO, lang="en"),
    row("Screws 30 mm long.", NO, lang="en"),
    row("Founded in 2015.", NO, lang="en"),
    row("Call us on +34 910 123 456.", NO, lang="en"),
    row("All drills come with a 3-year warranty.", NO, lang="en"),
    row("Batteries have a 30-day warranty.", NO, lang="en"),
    row("We moved our warehouse 30 days ago.", NO, lang="en"),
    row("How long does delivery take?", NO, lang="en"),
    row("Delivery takes at least 3 days.", NO, lang="en"),
    row("Prices include 21% VAT.", NO, lang="en"),
    row("Feel free to return any item within 60 days.", "returns.window", D(60), "broken", lang="en"),
    row("Free next-day delivery on orders over £40.", "shipping.free", True, "broken", lang="en", threshold=40),
    row("Money back within 14 days.", "returns.refund_within", D(14), "kept", lang="en"),
]


@pytest.mark.parametrize("text, metric, value, verdict, lang, attrs", SPANISH + ENGLISH)
def test_corpus(text, metric, value, verdict, lang, attrs):
    claims = extract_claims(text, lang)
    if metric == NO:
        assert claims == [], claims
        return
    assert claims, f"no claim read from {text!r}"
    claim = claims[0]
    assert (claim.metric, claim.value) == (metric, value)
    for name, expected in attrs.items():
        assert getattr(claim, name) == expected, name
    assert claim.sentence == text.strip()
    verdicts = judge(claim, OPS)
    assert worst(verdicts) == verdict, verdicts


def test_corpus_size():
    spanish = [p for p in SPANISH]
    english = [p for p in ENGLISH]
    quiet = [p for p in SPANISH + ENGLISH if p.values[1] == NO or p.values[3] == "kept"]
    assert len(spanish) >= 90 and len(english) >= 25 and len(quiet) >= 25


# ------------------------------------------------------------------ several claims, positions


def test_several_claims_in_one_sentence():
    text = "Tienes 30 días para devolver y te reembolsamos en 5 días hábiles."
    got = [(c.metric, c.value, c.business_days) for c in extract_claims(text)]
    assert got == [("returns.window", D(30), False), ("returns.refund_within", D(5), True)]


def test_zones_pair_with_durations():
    text = "Entrega en 24 h en península y 72 h en Baleares y Canarias."
    got = [(c.zone, c.value) for c in extract_claims(text)]
    assert got == [("peninsula", H(24)), ("baleares", H(72)), ("canarias", H(72))]
    text = "Para Canarias, entrega en 5-10 días, y para la península en 48 h."
    assert [(c.zone, c.value) for c in extract_claims(text)] == [("canarias", D(5, 10)), ("peninsula", H(48))]


def test_excepted_zones_are_not_judged():
    (claim,) = extract_claims("Entrega en 3 días en toda España excepto Baleares y Canarias.")
    assert (claim.zone, claim.except_zones) == (None, ("baleares", "canarias"))
    assert [(v.setting_path, v.status) for v in judge(claim, OPS)] == [("delivery.peninsula", "kept")]


def test_context_fills_what_the_sentence_leaves_unsaid():
    text = "Tienes 30 días desde que recibes el pedido o desde la compra en tienda."
    assert extract_claims(text) == []
    assert looks_like_promise(text)
    (claim,) = extract_claims(text, context="¿Cómo devuelvo un producto?")
    assert (claim.metric, claim.value) == ("returns.window", D(30))
    assert not looks_like_promise(text, context="¿Cómo devuelvo un producto?")
    text = "Sí, enviamos a todas las islas y el pedido llega en 5-10 días."
    (claim,) = extract_claims(text, context="¿Hacéis envíos a las islas Canarias?")
    assert (claim.zone, worst(judge(claim, OPS))) == ("canarias", "kept")
    (claim,) = extract_claims("Te respondemos en 2 horas.", context="¿Atendéis por WhatsApp?")
    assert claim.channel == "whatsapp"


def test_free_shipping_and_returns_together():
    claims = extract_claims("Envío y devolución gratis a partir de 50 €.")
    assert {(c.metric, c.value) for c in claims} == {("shipping.free", True), ("returns.free", True)}


def test_claim_positions_point_at_the_sentence():
    text = "Somos una ferretería de barrio. Entrega en 24 horas en la península.\n\nOtra cosa."
    (claim,) = extract_claims(text)
    assert text[claim.start:claim.end] == "Entrega en 24 horas en la península."
    assert claim.sentence == "Entrega en 24 horas en la península."


def test_wrapped_lines_stay_one_sentence():
    text = "Devolvemos el importe en el mismo medio de pago, en\n14 días como máximo desde que recibimos el artículo."
    (claim,) = extract_claims(text)
    assert (claim.metric, claim.value) == ("returns.refund_within", D(14))


def test_list_items_are_sentences():
    text = "- Entrega en 24 h\n- Devoluciones gratis\n- Hasta un 10 % de descuento"
    assert [c.metric for c in extract_claims(text)] == ["delivery", "returns.free", "discount"]


def test_cutoff_later_than_operations_is_broken():
    (claim,) = extract_claims("Pide antes de las 18:00 y lo recibes en 3 días en la península.")
    verdicts = {v.metric: v for v in judge(claim, OPS)}
    assert verdicts["delivery"].status == "kept"
    assert verdicts["order_cutoff"].status == "broken"
    assert verdicts["order_cutoff"].actual == "antes de las 14:00"


# ------------------------------------------------------------------ verdict details


def test_verdict_texts_read_as_spanish():
    (claim,) = extract_claims("Entrega en 24 horas en toda la península.")
    (v,) = judge(claim, OPS)
    assert v == Verdict("broken", "delivery", "24 horas", "48–72 horas", "delivery.peninsula")
    assert "24 horas" in v.message and "48–72 horas" in v.message
    (claim,) = extract_claims("Hasta un 30 % de descuento.")
    (v,) = judge(claim, OPS)
    assert (v.promised, v.actual, v.setting_path) == ("hasta un 30 %", "20 %", "max_discount")
    (claim,) = extract_claims("Entrega en 2 días laborables en Baleares.")
    (v,) = judge(claim, OPS)
    assert (v.promised, v.actual) == ("2 días laborables", "3–5 días")


def test_claim_without_zone_is_judged_in_every_zone():
    (claim,) = extract_claims("Entrega en 5 días.")
    got = {v.setting_path: v.status for v in judge(claim, OPS)}
    assert got == {"delivery.peninsula": "kept", "delivery.baleares": "kept", "delivery.canarias": "broken"}


def test_unknown_settings():
    (claim,) = extract_claims("Entrega en 3 días en Ceuta.")
    (v,) = judge(claim, OPS)
    assert (v.status, v.setting_path) == ("unknown_setting", "delivery.ceuta")
    (claim,) = extract_claims("Hasta un 10 % de descuento.")
    assert worst(judge(claim, {})) == "unknown_setting"
    (claim,) = extract_claims("Envío gratis a partir de 50 €.")
    (v,) = judge(claim, {"delivery": {}})
    assert (v.status, v.setting_path) == ("unknown_setting", "free_shipping_from")
    (claim,) = extract_claims("Te respondemos por Telegram en 2 horas.")
    assert all(v.status != "unknown_setting" for v in judge(claim, OPS))  # no channel named: all channels
    v = judge(claim_from_spec({"metric": "first_response.telegram", "at_most": "2h"}), OPS)[0]
    assert (v.status, v.setting_path) == ("unknown_setting", "first_response.telegram")
    v = judge(claim_from_spec({"metric": "delivery.peninsula", "at_most": "24h"}), {"delivery": {"peninsula": "pronto"}})[0]
    assert v.status == "unknown_setting" and v.note


def test_business_days_rules():
    # at most N business days is compared as N calendar days (the stricter reading)
    claim = claim_from_spec({"metric": "delivery.peninsula", "at_most": "3d", "business_days": True})
    assert worst(judge(claim, OPS)) == "kept"  # 72 h <= 3 days
    # an at-least window in business days lasts up to N + 2*ceil(N/5) calendar days
    claim = claim_from_spec({"metric": "returns.window", "at_least": "25d", "business_days": True})
    assert worst(judge(claim, OPS)) == "broken"  # 25 business days can span 35 calendar days
    claim = claim_from_spec({"metric": "returns.window", "at_least": "20d", "business_days": True})
    assert worst(judge(claim, OPS)) == "kept"  # up to 28 calendar days <= 30
    claim = claim_from_spec({"metric": "returns.window", "at_least": "14d", "business_days": True})
    assert worst(judge(claim, OPS)) == "kept"  # up to 20 calendar days <= 30


def test_opening_claims_are_left_to_the_caller():
    (claim,) = extract_claims("Abrimos los domingos.")
    assert judge(claim, OPS) == []


def test_email_channel_finds_correo_setting():
    claim = claim_from_spec({"metric": "first_response", "channel": "email", "at_most": "12h"})
    (v,) = judge(claim, OPS)
    assert (v.status, v.setting_path) == ("broken", "first_response.correo")


# ------------------------------------------------------------------ explicit claims and parsers


@pytest.mark.parametrize(
    "spec, metric, op, value, extra",
    [
        ({"metric": "delivery.peninsula", "at_most": "24h"}, "delivery", "at_most", H(24), {"zone": "peninsula"}),
        ({"metric": "delivery", "at_most": "2d-4d"}, "delivery", "at_most", D(2, 4), {"zone": None}),
        ({"metric": "returns.window", "at_least": "30d"}, "returns.window", "at_least", D(30), {}),
        ({"metric": "first_response.correo", "at_most": "10h"}, "first_response", "at_most", H(10),
         {"channel": "correo"}),
        ({"metric": "first_response.chat", "at_most": "45m"}, "first_response", "at_most", M(45), {}),
        ({"metric": "max_discount", "at_most": "30%"}, "discount", "at_most", 30, {}),
        ({"metric": "returns.free", "equals": True}, "returns.free", "is_true", True, {}),
        ({"metric": "returns.free", "is_true": True}, "returns.free", "is_true", True, {}),
        ({"metric": "free_shipping_from", "at_most": 50}, "shipping.free", "is_true", True, {"threshold": 50}),
        ({"metric": "store_pickup.ready_within", "at_most": "24h"}, "store_pickup.ready_within", "at_most",
         H(24), {}),
    ],
)
def test_claim_from_spec(spec, metric, op, value, extra):
    claim = claim_from_spec(spec)
    assert (claim.metric, claim.op, claim.value) == (metric, op, value)
    assert claim.setting == {"discount": "max_discount", "shipping.free": "free_shipping_from"}.get(
        metric, spec["metric"])
    for name, expected in extra.items():
        assert getattr(claim, name) == expected


@pytest.mark.parametrize(
    "spec, status",
    [
        ({"metric": "delivery.peninsula", "at_most": "24h"}, "broken"),
        ({"metric": "delivery.peninsula", "at_most": "72h"}, "kept"),
        ({"metric": "returns.refund_within", "at_most": "14d"}, "kept"),
        ({"metric": "first_response.whatsapp", "at_most": "2h"}, "kept"),
        ({"metric": "free_shipping_from", "at_most": 50}, "kept"),
        ({"metric": "max_discount", "at_most": "25%"}, "broken"),
        ({"metric": "returns.free", "equals": "true"}, "broken"),
        ({"metric": "store_pickup.ready_within", "at_most": "24h"}, "broken"),
        ({"metric": "store_pickup.ready_within", "at_most": "4d"}, "over"),
        ({"metric": "workshop.quote_within", "at_most": "48h"}, "unknown_setting"),
    ],
)
def test_spec_verdicts(spec, status):
    assert worst(judge(claim_from_spec(spec), OPS)) == status


@pytest.mark.parametrize("spec", [{}, {"metric": "delivery"}, {"metric": "delivery", "at_most": "pronto"},
                                  {"metric": "delivery", "at_most": "1d", "at_least": "2d"},
                                  {"metric": "max_discount", "at_most": "mucho"}])
def test_bad_specs_raise(spec):
    with pytest.raises(ValueError):
        claim_from_spec(spec)


@pytest.mark.parametrize(
    "text, span, shown",
    [
        ("45m", M(45), "45 minutos"),
        ("10h", H(10), "10 horas"),
        ("3d", D(3), "3 días"),
        ("2d-4d", D(2, 4), "2–4 días"),
        ("48h-72h", H(48, 72), "48–72 horas"),
        ("48-72h", H(48, 72), "48–72 horas"),
        ("24h", H(24), "24 horas"),
        ("1h", H(1), "1 hora"),
        ("30d", D(30), "30 días"),
        ("24 horas", H(24), "24 horas"),
    ],
)
def test_parse_duration(text, span, shown):
    assert parse_duration(text) == span
    assert str(parse_duration(text)) == shown


@pytest.mark.parametrize("bad", ["", "pronto", "24", "h24", "72h-48h", True])
def test_parse_duration_rejects(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


def test_parse_percent_and_lookup():
    assert parse_percent("15%") == 15 and parse_percent("15 %") == 15 and parse_percent(20) == 20
    with pytest.raises(ValueError):
        parse_percent("quince")
    assert lookup(OPS, "delivery.Península") == "48h-72h"
    assert repr(lookup(OPS, "delivery.ceuta")) == "MISSING"


def test_fmt_span_business_days():
    assert fmt_span(D(1), business_days=True) == "1 día laborable"
    assert fmt_span(D(2, 3), business_days=True) == "2–3 días laborables"


# ------------------------------------------------------------------ reads like a promise


LOOKS = [
    pytest.param(*row, id=row[0][:40]) for row in [
        ("Entregas rapidísimas, siempre.", True),
        ("Envío gratis para socios.", False),  # understood: a claim, not a warning
        ("Devoluciones gratis en tienda.", False),
        ("Te respondemos en un plis plas, siempre.", True),
        ("Entrega en 24 horas.", False),
        ("Recibirás tu pedido en un abrir y cerrar de ojos, 100 % garantizado.", True),
        ("El envío cuesta 4,95 €.", False),
        ("Tu pedido nº 123456 se entregó ayer.", False),
        ("¿Cuánto tarda la entrega?", False),
        ("Nos encanta el bricolaje.", False),
        ("Abierto de 9 a 14.", True),
    ]
]


@pytest.mark.parametrize("sentence, expected", LOOKS)
def test_looks_like_promise(sentence, expected):
    assert looks_like_promise(sentence, "es") is expected


# ------------------------------------------------------------------ which sentences are read at all
# extract_claims reads a text, then a sentence, only when its trigger finds something every claim
# needs. The trigger must never hide a claim: it has to fire on every match of every scanner's
# pattern, on every sentence of the corpora that holds a claim, and reading with or without it
# must give the same claims.

import re  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import kbgen.text.claims as claims_module  # noqa: E402

SCANNER_PATTERNS = ["_DURATION", "_RELATIVE", "_INTERVALS", "_OPEN_24", "_DAYS_PER_WEEK", "_SUNDAY_OPEN",
                    "_SUNDAY_CLOSED", "_FREE", "_NOT_FREE_RETURNS", "_PERCENT"]


@pytest.mark.parametrize("name", SCANNER_PATTERNS)
def test_trigger_fires_on_every_match_of_each_scanner(name):
    rx = getattr(claims_module, name)
    examples = 40 if name == "_INTERVALS" else 300  # _INTERVALS needs digits only; its examples are slow to make

    @settings(max_examples=examples, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rx))
    def run(text):
        assert rx.search(text)
        assert claims_module._may_claim(text), text

    run()


@pytest.mark.parametrize("pattern", ["_PROMISE_MARK", "_WORDED_DURATION", r"\d"])
def test_looks_like_promise_prefilter_fires_on_promise_words_and_marks(pattern):
    mark = getattr(claims_module, pattern) if pattern.startswith("_") else re.compile(pattern)

    @settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(claims_module._PROMISE_WORDS), st.from_regex(mark))
    def run(words, marked):
        text = f"{words} {marked}"
        assert claims_module.may_look_like_promise(text), text

    run()


@pytest.mark.parametrize("text, metric, value, verdict, lang, attrs", SPANISH + ENGLISH)
def test_every_claim_of_the_corpus_triggers(text, metric, value, verdict, lang, attrs):
    folded = claims_module._fold(text)
    if metric != NO:
        assert claims_module._may_claim(folded)
    for start, end in claims_module.split_sentences(text):
        if claims_module._sentence_claims(folded[start:end]):
            assert claims_module._may_claim(folded[start:end]), text[start:end]


def _texts_of_the_example():
    from kbgen.engine import load_project
    from kbgen.model import REF
    from pathlib import Path
    project, _, _ = load_project(str(Path(__file__).resolve().parent.parent / "content"))
    questions = {q.id: q.q for q in project.questions()}
    for t in project.texts:
        masked = REF.sub(lambda m: " " * len(m.group(0)), t.raw)
        yield masked, questions.get(t.subject, "") if t.kind == "faq.a" else ""


def test_the_trigger_changes_no_claim(monkeypatch):
    texts = [(p.values[0], "") for p in SPANISH + ENGLISH] + list(_texts_of_the_example())
    texts += [(p.values[0], "") for p in LOOKS]
    with_trigger = [extract_claims(t, context=c) for t, c in texts]
    looks = [looks_like_promise(t) for t, _ in texts]
    gated = [claims_module.may_look_like_promise(t) for t, _ in texts]
    monkeypatch.setattr(claims_module, "_may_claim", lambda s: True)
    assert [extract_claims(t, context=c) for t, c in texts] == with_trigger
    assert any(with_trigger) and any(looks)
    assert all(g for g, lk in zip(gated, looks) if lk)


def test_required_pieces_are_read_from_the_pattern():
    from kbgen.text.trigger import pieces_of, trie, trigger
    pieces = pieces_of(re.compile(r"\bgratis\b|sin\s+(?:coste|gastos)|todos\s+los\s+dias|\d+\s*%"))
    shown = {"".join(p) for p in pieces}
    assert shown == {"gratis", "coste", "gastos", r"todos\s+los\s+dias", r"\d"}
    assert pieces_of(re.compile(r"\w+ing")) == {tuple("ing")}
    assert pieces_of(re.compile(r"[a-z]+|x")) is None  # no certain piece
    assert pieces_of(re.compile(r"gratis", re.I)) is None  # any case: no certain piece either
    assert trigger(re.compile(r"[a-z]+")).search("anything")  # then it fires everywhere
    assert trie([(tuple("ab"), ""), (tuple("ac"), ""), (tuple("abc"), "")]) == "a(?:b|c)"


def test_any_digit_finds_what_the_digit_pattern_finds():
    """trigger.any_digit looks for 0-9 by hand in Latin-1 text; it must agree with ``\\d`` (any Unicode
    decimal digit) on every character and on texts mixing scripts."""
    import sys
    from kbgen.text.trigger import DIGIT, any_digit, has_digit
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        if 0xD800 <= c <= 0xDFFF:
            continue
        assert any_digit(ch) == (DIGIT.search(ch) is not None) == any_digit("Abrimos á las " + ch + " h"), hex(c)
    for text in ("", "sin números", "Tienda nº ٣", "precio 5 €", "１２ horas", "entrega en २ días", "12:00"):
        assert any_digit(text) == has_digit(text) == (DIGIT.search(text) is not None), text


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text())
def test_any_digit_agrees_with_the_digit_pattern_on_any_text(text):
    from kbgen.text.trigger import DIGIT, any_digit
    assert any_digit(text) == (DIGIT.search(text) is not None)
