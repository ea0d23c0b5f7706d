"""Realistic help-centre content at any size, for the benchmark and the robustness tests.

    python -m bench.generate OUT --faqs 1000 --stores 100 [--seed 1] [--today 2026-11-29]

writes a complete project into OUT: ``mkdocs.yml`` and ``theme/`` (copied from the
repository) and ``content/`` with

* ``N`` FAQ entries in realistic Spanish categories (service categories written by hand,
  product categories composed from templates x products, every question different),
  answers in Markdown with ``{{ references }}`` and short links (``faq:id``, ``policy:slug``);
* ``M`` stores in real Spanish cities (postal codes, phone prefixes, regions for the
  regional public holidays, Atlantic/Canary for the Canary Islands), with varied weeks,
  special hours (Christmas Eve, December Sunday openings, inventory and refurbishment
  closures, summer holidays in Catalonia) and ``public_holidays``;
* offline records that match the stores: door signage transcribed by staff
  (``offline/carteles.yaml``: phones, addresses, hours and dates written the ways
  people write them) and the store system's export (``offline/sistema-tiendas.csv``);
* contact channels, operations, promises the operations keep, policies, synonyms and
  search tests (queries typed like customers: no accents, lower case).

The output only depends on the arguments (``--seed``, ``--today``): same arguments, same
bytes. ``kbgen check`` on it reports no errors.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = dt.date(2026, 11, 29)

# --------------------------------------------------------------------------------------- places
# city, postal prefix, phone prefix, region (ISO 3166-2:ES), time zone, lat, lon
CITIES = [
    ("Madrid", "28", "91", "MD", "Europe/Madrid", 40.4168, -3.7038),
    ("Barcelona", "08", "93", "CT", "Europe/Madrid", 41.3874, 2.1686),
    ("Valencia", "46", "96", "VC", "Europe/Madrid", 39.4699, -0.3763),
    ("Sevilla", "41", "954", "AN", "Europe/Madrid", 37.3891, -5.9845),
    ("Zaragoza", "50", "976", "AR", "Europe/Madrid", 41.6488, -0.8891),
    ("Málaga", "29", "952", "AN", "Europe/Madrid", 36.7213, -4.4214),
    ("Murcia", "30", "968", "MC", "Europe/Madrid", 37.9922, -1.1307),
    ("Palma", "07", "971", "IB", "Europe/Madrid", 39.5696, 2.6502),
    ("Las Palmas de Gran Canaria", "35", "928", "CN", "Atlantic/Canary", 28.1235, -15.4363),
    ("Bilbao", "48", "944", "PV", "Europe/Madrid", 43.2630, -2.9350),
    ("Alicante", "03", "965", "VC", "Europe/Madrid", 38.3452, -0.4810),
    ("Córdoba", "14", "957", "AN", "Europe/Madrid", 37.8882, -4.7794),
    ("Valladolid", "47", "983", "CL", "Europe/Madrid", 41.6523, -4.7245),
    ("Vigo", "36", "986", "GA", "Europe/Madrid", 42.2406, -8.7207),
    ("Gijón", "33", "985", "AS", "Europe/Madrid", 43.5322, -5.6611),
    ("Lugo", "27", "982", "GA", "Europe/Madrid", 43.0097, -7.5567),
    ("Granada", "18", "958", "AN", "Europe/Madrid", 37.1773, -3.5986),
    ("Vitoria-Gasteiz", "01", "945", "PV", "Europe/Madrid", 42.8467, -2.6716),
    ("Santa Cruz de Tenerife", "38", "922", "CN", "Atlantic/Canary", 28.4636, -16.2518),
    ("Pamplona", "31", "948", "NC", "Europe/Madrid", 42.8125, -1.6458),
    ("Santander", "39", "942", "CB", "Europe/Madrid", 43.4623, -3.8100),
    ("Logroño", "26", "941", "RI", "Europe/Madrid", 42.4627, -2.4450),
    ("Badajoz", "06", "924", "EX", "Europe/Madrid", 38.8794, -6.9707),
    ("Toledo", "45", "925", "CM", "Europe/Madrid", 39.8628, -4.0273),
    ("Salamanca", "37", "923", "CL", "Europe/Madrid", 40.9701, -5.6635),
    ("Burgos", "09", "947", "CL", "Europe/Madrid", 42.3439, -3.6969),
    ("Almería", "04", "950", "AN", "Europe/Madrid", 36.8340, -2.4637),
    ("Cádiz", "11", "956", "AN", "Europe/Madrid", 36.5271, -6.2886),
    ("Girona", "17", "972", "CT", "Europe/Madrid", 41.9794, 2.8214),
    ("Tarragona", "43", "977", "CT", "Europe/Madrid", 41.1189, 1.2445),
    ("Castellón de la Plana", "12", "964", "VC", "Europe/Madrid", 39.9864, -0.0513),
    ("León", "24", "987", "CL", "Europe/Madrid", 42.5987, -5.5671),
    ("Albacete", "02", "967", "CM", "Europe/Madrid", 38.9943, -1.8585),
    ("Ourense", "32", "988", "GA", "Europe/Madrid", 42.3358, -7.8639),
    ("Huesca", "22", "974", "AR", "Europe/Madrid", 42.1401, -0.4089),
    ("Cáceres", "10", "927", "EX", "Europe/Madrid", 39.4753, -6.3724),
]
BARRIOS = ["Centro", "Norte", "Sur", "Este", "Oeste", "Estación", "Puerto", "Universidad", "Ensanche",
           "Casco Antiguo", "San José", "Los Remedios", "La Paz", "El Carmen", "Santa Ana", "San Antonio",
           "Las Flores", "El Pilar", "La Florida", "San Pablo", "Parque Central", "Polígono Sur", "La Estrella",
           "El Molino", "Las Delicias", "San Lorenzo", "La Fuensanta", "El Rosario", "Villa Verde", "Arrabal",
           "La Magdalena", "El Castillo", "Buenavista", "Los Pinos", "El Prado"]
STREET_TYPES = [("Calle", "C/"), ("Calle", "C/"), ("Calle", "C/"), ("Calle", "Calle"), ("Avenida", "Avda."),
                ("Avenida", "Av."), ("Plaza", "Pza."), ("Paseo", "Pº")]
STREET_NAMES = ["Mayor", "Real", "del Carmen", "de San Francisco", "de la Constitución", "de Colón",
                "del Doctor Fleming", "de Cervantes", "de Goya", "de la Paz", "de Alfonso XIII", "del Sol",
                "de los Reyes Católicos", "de la Libertad", "de Blas de Lezo", "del Rosario", "de Santa Clara",
                "de la Ribera", "de la Industria", "de las Huertas", "de Pío XII", "del Mercado", "de la Estación",
                "de Andalucía", "de Castilla", "de Galicia", "del Pintor Sorolla", "de Miguel Hernández",
                "de Rosalía de Castro", "de Antonio Machado", "de Federico García Lorca", "de la Marina",
                "de los Almendros", "del Olivo", "de la Fuente", "del General Prim", "de Valencia",
                "de Isabel la Católica", "de Juan de Austria", "de la Merced", "del Pilar", "de San Vicente"]
NOTES = [
    "Aparcamiento gratuito para clientes en el sótano del edificio.",
    "Acceso sin escalones y probador de herramientas a la entrada.",
    "Servicio de copia de llaves y de mandos de garaje en el mostrador.",
    "Taller de afilado y pequeñas reparaciones: deja la herramienta y te avisamos cuando esté lista.",
    "Corte de tableros a medida en el momento, con canteado bajo pedido.",
    "Zona de carga y descarga en la puerta trasera para furgonetas.",
    "Mezcla de pinturas a la carta con carta de colores completa.",
    "Punto de recogida de pedidos online junto a las cajas.",
    "Alquiler de maquinaria: hormigoneras, andamios y martillos demoledores.",
    "Tienda para profesionales con mostrador de venta rápida.",
    "Punto limpio para pilas, bombillas y pequeños aparatos eléctricos.",
    "Se aceptan perros atados en toda la tienda.",
]

# --------------------------------------------------------------------------------------- weeks
# Each pattern: list of (day-key, value) as an editor writes it; value is a list of "HH:MM-HH:MM" or "closed".
WEEKS = [
    [("mon-fri", ["09:30-14:00", "17:00-20:30"]), ("sat", ["10:00-14:00"]), ("sun", "closed")],
    [("mon-sat", ["09:00-21:00"]), ("sun", "closed")],
    [("mon-sun", ["10:00-22:00"])],
    [("mon", ["16:30-20:00"]), ("tue-fri", ["09:00-13:30", "16:30-20:00"]), ("sat", ["09:30-13:30"]),
     ("sun", "closed")],
    [("mon-fri", ["07:30-15:30"]), ("sat", ["08:00-13:00"]), ("sun", "closed")],
    [("mon-sat", ["10:00-14:00", "17:30-21:00"]), ("sun", "closed")],
    [("mon-fri", ["08:00-20:00"]), ("sat", ["09:00-14:00", "16:00-20:00"]), ("sun", ["10:00-14:00"])],
    [("lun-vie", ["09:00-13:30", "16:00-19:30"]), ("sáb", ["09:30-13:30"]), ("dom", "cerrado")],
    [("lun-jue", ["09:00-14:00", "16:30-20:00"]), ("vie", ["09:00-20:00"]), ("sáb", ["10:00-14:00"]),
     ("dom", "cerrado")],
    [("mon-fri", ["08:30-20:30"]), ("sat-sun", "closed")],
]
DAY_KEYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
            "lun": 0, "mar": 1, "mié": 2, "jue": 3, "vie": 4, "sáb": 5, "dom": 6}
ES_DAYS = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre"]


def _days(key: str) -> list[int]:
    a, _, b = key.partition("-")
    lo, hi = DAY_KEYS[a], DAY_KEYS[b or a]
    return [(lo + i) % 7 for i in range((hi - lo) % 7 + 1)]


def _minutes(t: str) -> int:
    h, m = t.split(":")
    return int(h) * 60 + int(m)


def _hhmm(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


def _shift(week, delta: int):
    """The pattern with every time moved by ``delta`` minutes."""
    out = []
    for key, value in week:
        if isinstance(value, str):
            out.append((key, value))
            continue
        ivs = []
        for iv in value:
            a, b = (_minutes(x) for x in iv.split("-"))
            ivs.append(f"{_hhmm(a + delta)}-{_hhmm(b + delta)}")
        out.append((key, ivs))
    return out


def _per_day(week) -> list[list[str]]:
    days: list = [None] * 7
    for key, value in week:
        for d in _days(key):
            days[d] = [] if isinstance(value, str) else list(value)
    return days


# ----------------------------------------------------------------------------- spoken forms
def _spoken_time(m: int, style: int) -> str:
    h, mi = divmod(m, 60)
    if style == 0:
        return f"{h}:{mi:02d}"
    if style == 1:
        return f"{h}" if not mi else f"{h}.{mi:02d}"
    return f"{h}" if not mi else f"{h}:{mi:02d}"


def spoken_hours(intervals: list[str], rnd: random.Random) -> str:
    """How staff write a day's hours on a door sign: '9:30 a 14:00 y 17:00 a 20:30', 'de 9 a 21h'."""
    if not intervals:
        return rnd.choice(["cerrado", "Cerrado"])
    style = rnd.randrange(3)
    parts = []
    for iv in intervals:
        a, b = (_minutes(x) for x in iv.split("-"))
        sa, sb = _spoken_time(a, style), _spoken_time(b, style)
        parts.append(f"de {sa} a {sb}h" if style == 2 else f"{sa} a {sb}" if style == 0 else f"{sa} a {sb}h")
    return " y ".join(parts)


def spoken_date(d: dt.date, rnd: random.Random) -> str:
    style = rnd.randrange(3)
    if style == 0:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == 1:
        return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"
    return d.isoformat()


def spoken_phone(e164_local: str, rnd: random.Random) -> str:
    """'912345678' -> '912 34 56 78', '+34912345678', '912 345 678'..."""
    n = e164_local
    return rnd.choice([f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"+34{n}", f"{n[:3]} {n[3:6]} {n[6:]}",
                       f"+34 {n[:3]} {n[3:6]} {n[6:]}"])


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def fold_query(text: str) -> str:
    """A customer's query: lower case, no accents, no punctuation."""
    return " ".join(slug(text).split("-"))


# ------------------------------------------------------------------------------ YAML writing
def q(s: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.rstrip("\n").split("\n"))


def flow_list(items) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


# ------------------------------------------------------------------------------------ stores
def _next(today: dt.date, month: int, day: int) -> dt.date:
    d = dt.date(today.year, month, day)
    return d if d > today else dt.date(today.year + 1, month, day)


def make_stores(n: int, rnd: random.Random, today: dt.date) -> list[dict]:
    stores, used_ids, used_phones = [], set(), set()
    barrios = {c[0]: rnd.sample(BARRIOS, len(BARRIOS)) for c in CITIES}
    for i in range(n):
        city = CITIES[i % len(CITIES)] if i < len(CITIES) else rnd.choice(CITIES[:20] if rnd.random() < .7 else CITIES)
        name, cp, pprefix, region, tz, lat, lon = city
        left = barrios[name]
        barrio = left.pop() if left else f"Zona {len(used_ids)}"
        sid = slug(f"{name.split(' de ')[0] if len(name) > 20 else name} {barrio}")
        k = 2
        while sid in used_ids:
            sid, k = f"{sid}-{k}", k + 1
        used_ids.add(sid)
        while True:
            phone = pprefix + "".join(str(rnd.randrange(10)) for _ in range(9 - len(pprefix)))
            if phone not in used_phones and phone[3] != "0":
                used_phones.add(phone)
                break
        stype, abbrev = rnd.choice(STREET_TYPES)
        street_name = rnd.choice(STREET_NAMES)
        if stype == "Plaza" and street_name.startswith("de la Constitución"):
            street_name = "de España"
        number = rnd.randint(1, 180)
        postal = f"{cp}{rnd.randint(1, 80):03d}"
        week = _shift(rnd.choice(WEEKS), rnd.choice([0, 0, 0, 30, -30]))
        days = _per_day(week)
        special = []
        eve = _next(today, 12, 24)
        if days[eve.weekday()]:
            special.append(("date", eve, "09:30-14:00" if rnd.random() < .6 else "10:00-15:00", "Nochebuena"))
        nye = _next(today, 12, 31)
        if days[nye.weekday()]:
            special.append(("date", nye, "09:30-14:00", "Nochevieja"))
        if not days[6] and rnd.random() < .4:  # December Sunday openings
            d = _next(today, 12, 13)
            while d.weekday() != 6:
                d += dt.timedelta(days=1)
            special.append(("date", d, "11:00-15:00", "Domingo de apertura navideña"))
        if rnd.random() < .5:
            d = _next(today, 1, rnd.randint(8, 28))
            special.append(("date", d, None, "Cerrado por inventario"))
        if rnd.random() < .15:
            d = _next(today, 2, rnd.randint(2, 14))
            special.append(("range", (d, d + dt.timedelta(days=rnd.randint(2, 5))), None, "Cerrado por reformas"))
        if region == "CT" and rnd.random() < .6:
            d = _next(today, 8, 9)
            special.append(("range", (d, d + dt.timedelta(days=13)), None, "Vacaciones de verano"))
        special.sort(key=lambda s: s[1] if s[0] == "date" else s[1][0])
        stores.append({
            "id": sid, "name": f"La Tuerca {name if len(name) <= 20 else name.split(' de ')[0]} {barrio}",
            "street": f"{stype} {street_name} {number}", "stype": stype, "abbrev": abbrev,
            "sname": street_name, "number": number, "postal": postal, "city": name, "region": region,
            "tz": tz, "lat": round(lat + rnd.uniform(-.04, .04), 4), "lon": round(lon + rnd.uniform(-.04, .04), 4),
            "phone": phone, "email": f"{sid.replace('-', '.')}@latuerca.example", "week": week, "days": days,
            "special": special, "holidays": "regular" if week == WEEKS[2] or rnd.random() < .1 else "closed",
            "notes": rnd.sample(NOTES, rnd.randint(0, 2)),
        })
    return stores


def store_yaml(s: dict, site_region: str, site_tz: str) -> str:
    p = s["phone"]
    out = [f"name: {q(s['name'])}", "address:", f"  street: {q(s['street'])}", f'  postal_code: "{s["postal"]}"',
           f"  city: {q(s['city'])}", "  country: ES", f"geo: {{lat: {s['lat']}, lon: {s['lon']}}}",
           f'phone: "+34 {p[:3]} {p[3:6]} {p[6:]}"', f"email: {s['email']}"]
    if s["tz"] != site_tz:
        out.append(f"timezone: {s['tz']}")
    if s["region"] != site_region:
        out.append(f"subdivision: {s['region']}")
    if s["notes"]:
        out.append("notes: >-\n  " + "\n  ".join(s["notes"]))
    out.append("hours:")
    for key, value in s["week"]:
        if isinstance(value, str):
            out.append(f"  {key}: {value}")
        elif len(value) == 1:
            out.append(f'  {key}: "{value[0]}"')
        else:
            out.append(f"  {key}: {flow_list(value)}")
    if s["special"]:
        out.append("special_hours:")
        for kind, when, hours, note in s["special"]:
            out.append(f"  - date: {when.isoformat()}" if kind == "date"
                       else f"  - dates: {when[0].isoformat()}..{when[1].isoformat()}")
            out.append(f'    hours: "{hours}"' if hours else "    closed: true")
            out.append(f"    note: {q(note)}")
    out.append(f"public_holidays: {s['holidays']}")
    return "\n".join(out) + "\n"


def offline_yaml(stores: list[dict], rnd: random.Random, today: dt.date) -> str:
    captured = today - dt.timedelta(days=rnd.randint(5, 25))
    out = [f"source: {q('Carteles de puerta, revisión de ' + MONTHS[captured.month - 1])}",
           f"captured: {captured.isoformat()}", "stores:"]
    for s in stores:
        out.append(f"  {s['id']}:")
        out.append(f"    phone: {q(spoken_phone(s['phone'], rnd))}")
        num = rnd.choice([f"{s['number']}", f"nº {s['number']}"])
        addr = f"{s['abbrev']} {s['sname']}, {num}, {s['postal']} {s['city']}"
        out.append(f"    address: {q(addr)}")
        out.append("    hours:")
        days = s["days"]
        d = 0
        while d < 7:  # group equal consecutive days as a sign does: lun-vie, sáb, dom
            e = d
            while e + 1 < 7 and days[e + 1] == days[d]:
                e += 1
            key = ES_DAYS[d] if d == e else f"{ES_DAYS[d]}-{ES_DAYS[e]}"
            out.append(f"      {key}: {q(spoken_hours(days[d], rnd))}")
            d = e + 1
        if s["special"]:
            out.append("    special_hours:")
            for kind, when, hours, note in s["special"]:
                if kind == "date":
                    out.append(f"      - date: {q(spoken_date(when, rnd))}")
                else:
                    out.append(f"      - dates: {q(spoken_date(when[0], rnd) + '..' + spoken_date(when[1], rnd))}")
                out.append(f"        hours: {q(spoken_hours([hours], rnd))}" if hours else "        closed: true")
                out.append(f"        note: {q(note)}")
    return "\n".join(out) + "\n"


def offline_csv(stores: list[dict], today: dt.date) -> str:
    rows = [f"# source: Exportación del sistema de gestión de tiendas",
            f"# captured: {(today - dt.timedelta(days=3)).isoformat()}",
            "store,name,address,phone,email,mon,tue,wed,thu,fri,sat,sun"]
    for s in stores:
        hours = [" ".join(d) if d else "cerrado" for d in s["days"]]
        addr = f'"{s["street"]}, {s["postal"]} {s["city"]}"'
        rows.append(",".join([s["id"], s["name"], addr, "+34" + s["phone"], s["email"], *hours]))
    return "\n".join(rows) + "\n"


# ------------------------------------------------------------------------------------- FAQs
# Service categories: hand-written entries (id, question, answer, keywords).
SERVICE = {
    "envios": ("Envíos y entregas", "Plazos, costes y destinos de los pedidos que te llevamos a casa o a una tienda.",
               "logistica", [
        ("plazo-entrega", "¿Cuánto tarda en llegar mi pedido?",
         "En la península, los pedidos llegan en {{ delivery.peninsula }} desde que los confirmamos.\n"
         "Si lo haces un día laborable antes de las {{ order_cutoff }}, sale del almacén ese mismo día.",
         ["cuándo llega", "plazo de entrega", "tiempo de envío", "tarda"]),
        ("envio-canarias", "¿Hacéis envíos a las islas Canarias?",
         "Sí, enviamos a todas las islas y el pedido llega en {{ delivery.canarias }}.\n"
         "El transportista puede cobrarte el IGIC y el despacho de aduana al entregarlo.",
         ["canarias", "tenerife", "gran canaria", "igic", "aduana"]),
        ("envio-baleares", "¿Cuál es el plazo de entrega en Mallorca, Menorca e Ibiza?",
         "Los pedidos a Baleares llegan en {{ delivery.baleares }}, porque el transporte incluye un trayecto en barco.",
         ["baleares", "mallorca", "menorca", "ibiza"]),
        ("gastos-envio", "¿Cuánto cuesta el envío a domicilio?",
         "El envío a la península es gratis en pedidos a partir de {{ free_shipping_from }} €.\n"
         "Por debajo de ese importe el coste depende del peso y lo ves en la cesta antes de pagar.",
         ["portes", "gastos de envío", "envío gratis"]),
        ("retraso-entrega", "Mi pedido no ha llegado y ya ha pasado el plazo, ¿qué hago?",
         "Revisa el enlace de seguimiento que te enviamos por correo.\n"
         "Si no ves nada raro, escríbenos a {{ channels.correo.value }} con el número de pedido y abrimos una "
         "incidencia con la agencia.", ["no llega", "retraso", "perdido", "incidencia"]),
        ("paquete-danado", "¿Qué hago si el paquete llega roto o abierto?",
         "Anota «mercancía dañada» en el albarán antes de firmar y mándanos fotos de la caja y del producto.\n"
         "Te enviamos uno nuevo o te devolvemos el dinero.", ["roto", "dañado", "golpeado"]),
        ("cambiar-direccion-entrega", "¿Puedo cambiar la dirección de entrega después de pagar?",
         "Sí, mientras el pedido no haya salido del almacén: llámanos al {{ channels.telefono.value }}.",
         ["dirección", "cambiar domicilio"]),
    ]),
    "devoluciones": ("Devoluciones y cambios", "Cómo devolver o cambiar un artículo y cuándo recibes el dinero.",
                     "atencion-cliente", [
        ("plazo-devolucion", "¿Cuánto tiempo tengo para devolver un artículo?",
         "Tienes {{ returns.window }} desde la entrega o desde la fecha del tique. Lee la "
         "[política de devoluciones](policy:devoluciones).", ["plazo", "devolver", "días para devolver"]),
        ("devolver-sin-ticket", "¿Puedo devolver un producto sin el tique de compra?",
         "Sí, si pagaste con tarjeta o con tu cuenta: buscamos la compra con la tarjeta o tu correo.\n"
         "Sin ningún justificante te ofrecemos un vale por el importe.", ["sin ticket", "sin recibo", "perdí el tique"]),
        ("reembolso", "¿Cuándo me devolvéis el dinero de una devolución?",
         "Hacemos el reembolso en {{ returns.refund_within }} como máximo, por el mismo medio de pago.",
         ["reembolso", "devolución del dinero", "abono"]),
        ("devolver-compra-web-tienda", "¿Puedo devolver en una tienda algo que compré en la web?",
         "Sí, en cualquiera de nuestras [tiendas](store:{store0}) con el número de pedido.",
         ["devolver en tienda", "compra online"]),
        ("cambiar-articulo", "¿Puedo cambiar un artículo por otro modelo?",
         "Sí, dentro del plazo de devolución: te abonamos la diferencia o te la cobramos.", ["cambio", "otro modelo"]),
        ("recogida-devolucion", "¿Venís a casa a recoger la devolución?",
         "Sí, pedimos la recogida al transportista desde tu cuenta; la recogida tiene coste.",
         ["recogida", "devolución a domicilio"]),
    ]),
    "pagos": ("Pagos y facturas", "Formas de pago, facturas y cargos.", "administracion", [
        ("formas-pago", "¿Qué formas de pago aceptáis?",
         "Tarjeta, Bizum, transferencia y pago en tienda al recoger el pedido.", ["tarjeta", "bizum", "pagar"]),
        ("factura-compra", "¿Cómo consigo la factura de mi compra?",
         "En tu cuenta, en «Mis pedidos», puedes descargar la factura con tus datos fiscales.",
         ["factura", "nif", "datos fiscales"]),
        ("cargo-duplicado", "Me habéis cobrado dos veces el mismo pedido, ¿qué hago?",
         "Escríbenos a {{ channels.correo.value }} con el número de pedido y un extracto del banco.",
         ["doble cargo", "cobro duplicado"]),
        ("pago-plazos", "¿Puedo pagar a plazos?", "Sí, en compras grandes puedes financiar el pago con tu banco.",
         ["financiar", "plazos", "cuotas"]),
    ]),
    "pedidos": ("Pedidos", "Hacer, seguir, modificar o cancelar un pedido.", "atencion-cliente", [
        ("seguimiento-pedido", "¿Dónde está mi pedido?",
         "Con el enlace de seguimiento del correo de confirmación ves en qué punto está.",
         ["seguimiento", "localizar", "dónde está"]),
        ("cancelar-pedido", "¿Puedo cancelar un pedido?",
         "Sí, mientras no haya salido del almacén, desde «Mis pedidos».", ["anular", "cancelar"]),
        ("recogida-tienda", "¿Puedo comprar en la web y recoger el pedido en una tienda?",
         "Sí: te avisamos cuando esté listo, normalmente en {{ store_pickup.ready_within }}, y te lo guardamos "
         "durante {{ store_pickup.hold }}.", ["recoger en tienda", "click and collect"]),
        ("pedido-incompleto", "Me ha llegado el pedido incompleto, ¿qué hago?",
         "A veces un pedido llega en varios paquetes; si no es así, escríbenos con el número de pedido.",
         ["falta", "incompleto"]),
    ]),
    "cuenta": ("Cuenta y datos personales", "Tu cuenta, la contraseña y tus datos.", "atencion-cliente", [
        ("recuperar-contrasena", "No recuerdo mi contraseña, ¿cómo entro en mi cuenta?",
         "Pulsa «¿Has olvidado tu contraseña?» y te enviamos un enlace para crear otra.", ["contraseña", "acceso"]),
        ("borrar-cuenta", "¿Cómo borro mi cuenta y mis datos?",
         "Escríbenos desde el correo de la cuenta; lee también la [política de privacidad](policy:privacidad).",
         ["baja", "rgpd", "borrar datos"]),
        ("cambiar-correo-cuenta", "¿Cómo cambio el correo electrónico de mi cuenta?",
         "En «Mis datos» puedes cambiarlo; te enviamos un enlace para confirmarlo.", ["email", "cambiar correo"]),
    ]),
    "atencion-cliente": ("Atención al cliente", "Cómo contactar con nosotros y cuándo te respondemos.",
                         "atencion-cliente", [
        ("contactar", "¿Cómo puedo contactar con vosotros?",
         "Por teléfono ({{ channels.telefono.value }}), por WhatsApp, por el chat de la web o por correo.",
         ["teléfono", "contacto", "llamar"]),
        ("respuesta-correo", "¿Cuándo me contestáis si escribo un correo?",
         "Te respondemos en {{ first_response.correo }} como máximo.", ["correo", "respuesta"]),
        ("respuesta-whatsapp", "¿Atendéis por WhatsApp?",
         "Sí, en el {{ channels.whatsapp.value }}; respondemos en {{ first_response.whatsapp }} como máximo.",
         ["whatsapp", "mensaje"]),
        ("hoja-reclamaciones", "¿Cómo pongo una reclamación?",
         "Pide la hoja de reclamaciones en cualquier tienda o escríbenos; te respondemos por escrito.",
         ["queja", "reclamación"]),
    ]),
    "tiendas": ("Tiendas y horarios", "Dónde están nuestras tiendas, sus horarios y sus servicios.", "tiendas", [
        ("tiendas-horario", "¿Dónde consulto el horario de mi tienda?",
         "Cada tienda tiene su página con el horario de la semana y los próximos días con horario especial. "
         "Empieza por la [página de tu tienda](store:{store0}).", ["horario", "abierto"]),
        ("tiendas-festivos", "¿Abrís los días festivos?",
         "Cada tienda sigue el calendario de festivos de su comunidad autónoma: consulta su página antes de ir.", ["festivo", "puente", "domingo"]),
        ("tiendas-cita", "¿Puedo pedir cita para que me asesoren en la tienda?",
         "Sí, llama a tu tienda o pídelo por el chat de la web y te reservamos un rato con un especialista.",
         ["cita", "asesoramiento", "especialista"]),
    ]),
    "taller": ("Taller y reparaciones", "Afilado, reparación y mantenimiento en nuestras tiendas.", "taller", [
        ("taller-presupuesto", "¿Cuánto tardáis en darme un presupuesto de reparación?",
         "Te damos presupuesto en {{ workshop.quote_within }}; si lo aceptas, la reparación con cambio de piezas "
         "tarda {{ workshop.repair }}.", ["presupuesto", "reparar", "taller"]),
        ("taller-afilado", "¿Afiláis cuchillas de cortacésped y cadenas de motosierra?",
         "Sí, en las tiendas con taller. Déjalas en el mostrador y te avisamos cuando estén listas.",
         ["afilar", "cadena", "cuchilla"]),
        ("taller-bicicletas", "¿Reparáis bicicletas?",
         "En las tiendas con taller de bicicletas hacemos puestas a punto, cambios de cubierta y ajustes de frenos.",
         ["bici", "pinchazo", "frenos"]),
    ]),
    "tarjeta-cliente": ("Tarjeta de cliente y descuentos", "Ventajas de la tarjeta La Tuerca y cómo usarlas.",
                        "marketing", [
        ("tarjeta-ventajas", "¿Qué ventajas tiene la tarjeta de cliente?",
         "Acumulas saldo en cada compra y recibes ofertas de hasta un {{ max_discount }} de descuento.",
         ["tarjeta", "puntos", "saldo"]),
        ("tarjeta-alta", "¿Cómo me hago la tarjeta de cliente?",
         "En cualquier tienda o en la web, gratis, con tu correo y tu móvil.", ["alta", "hacerse socio"]),
        ("descuento-profesionales", "¿Tenéis descuentos para profesionales?",
         "Sí, con la cuenta de profesional tienes precios especiales y factura mensual.",
         ["autónomo", "empresa", "profesional"]),
    ]),
}

# Product categories: (slug, title, description, owner, products [(name, gender)], uses)
PRODUCTS = [
    ("herramientas-electricas", "Herramientas eléctricas", "Taladros, sierras, lijadoras y baterías.", "producto-herramienta",
     [("taladro percutor", "m"), ("atornillador de batería", "m"), ("amoladora angular", "f"), ("sierra de calar", "f"),
      ("sierra circular", "f"), ("lijadora orbital", "f"), ("martillo perforador", "m"), ("multiherramienta oscilante", "f"),
      ("fresadora de madera", "f"), ("cepillo eléctrico", "m"), ("pistola de calor", "f"), ("ingletadora", "f"),
      ("lijadora de banda", "f"), ("taladro de columna", "m"), ("soldador inverter", "m"), ("clavadora eléctrica", "f")],
     ["hacer agujeros en hormigón",
      "cortar chapa metálica",
      "lijar una puerta vieja",
      "atornillar tarima de exterior",
      "quitar azulejos del baño",
      "cortar tableros de melamina",
      "montar muebles de cocina",
      "abrir rozas en ladrillo",
      "decapar la pintura de una ventana",
      "hacer ingletes de rodapié",
      "pulir una mesa de madera",
      "soldar una reja de hierro",
      "cortar perfiles de aluminio",
      "colgar estanterías en pladur",
      "rebajar una puerta que roza",
      "clavar los listones de una valla"]),
    ("herramientas-manuales", "Herramientas manuales", "Llaves, alicates, martillos y medición.", "producto-herramienta",
     [("juego de llaves fijas", "m"), ("destornillador de precisión", "m"), ("alicate universal", "m"),
      ("martillo de carpintero", "m"), ("sargento de apriete", "m"), ("nivel de burbuja", "m"), ("flexómetro", "m"),
      ("serrucho de costilla", "m"), ("formón", "m"), ("llave inglesa", "f"), ("cúter profesional", "m"),
      ("caja de herramientas", "f"), ("medidor láser", "m"), ("tenaza de armador", "f"), ("lima de escofina", "f"),
      ("remachadora manual", "f")],
     ["montar muebles en kit",
      "cambiar un enchufe",
      "ajustar las bisagras de un armario",
      "medir una habitación entera",
      "colgar cuadros rectos",
      "cortar molduras de escayola",
      "aflojar tuercas oxidadas",
      "tallar madera a mano",
      "reparar una bicicleta",
      "encolar una silla que cojea",
      "abrir cajas de cartón grueso",
      "nivelar una encimera",
      "cortar ferralla de obra",
      "desmontar un grifo viejo",
      "llevar las herramientas a la obra",
      "limar una puerta que no cierra"]),
    ("pinturas", "Pinturas y barnices", "Pintura, barniz, brochas y preparación de superficies.", "producto-decoracion",
     [("pintura plástica", "f"), ("esmalte sintético", "m"), ("barniz para exteriores", "m"), ("lasur", "m"),
      ("imprimación antióxido", "f"), ("pintura para azulejos", "f"), ("pintura de pizarra", "f"),
      ("rodillo antigota", "m"), ("brocha de cerdas naturales", "f"), ("cinta de carrocero", "f"),
      ("pintura para suelos de garaje", "f"), ("pintura antihumedad", "f"), ("decapante", "m"),
      ("pistola de pintura", "f"), ("masilla de alisar", "f"), ("aceite de teca", "m")],
     ["pintar un techo con humedad",
      "renovar una valla de madera",
      "proteger una reja del óxido",
      "pintar los azulejos de la cocina",
      "hacer una pared de pizarra",
      "pintar el suelo del garaje",
      "restaurar un mueble antiguo",
      "pintar una fachada",
      "barnizar un parqué",
      "pintar una habitación infantil",
      "quitar pintura vieja de una puerta",
      "pintar radiadores",
      "tapar grietas antes de pintar",
      "pintar sin dejar marcas de rodillo",
      "proteger muebles de teca",
      "conseguir un color exacto de muestra"]),
    ("fontaneria", "Fontanería", "Grifos, cisternas, tuberías y desatascos.", "producto-instalaciones",
     [("grifo monomando", "m"), ("mecanismo de cisterna", "m"), ("sifón de lavabo", "m"), ("latiguillo", "m"),
      ("llave de paso", "f"), ("cinta de teflón", "f"), ("desatascador", "m"), ("flexo de ducha", "m"),
      ("termo eléctrico", "m"), ("grupo de presión", "m"), ("tubería multicapa", "f"), ("válvula antirretorno", "f"),
      ("descalcificador", "m"), ("filtro de agua", "m"), ("bomba sumergible", "f"), ("reductor de presión", "m")],
     ["cambiar el grifo de la cocina",
      "arreglar una cisterna que pierde agua",
      "desatascar el lavabo",
      "cortar el agua de un baño",
      "instalar un termo nuevo",
      "subir la presión de la ducha",
      "quitar la cal del agua",
      "renovar las tuberías de un piso antiguo",
      "sustituir el sifón de la bañera",
      "sellar una rosca que gotea",
      "vaciar un sótano inundado",
      "bajar la presión de la instalación",
      "montar un filtro bajo el fregadero",
      "conectar la lavadora",
      "cambiar el flexo de la ducha",
      "evitar golpes de ariete en las tuberías"]),
    ("electricidad", "Electricidad e iluminación", "Bombillas, enchufes, cables y protección.", "producto-instalaciones",
     [("bombilla LED", "f"), ("regleta con interruptor", "f"), ("enchufe inteligente", "m"), ("cable eléctrico", "m"),
      ("interruptor diferencial", "m"), ("tira LED", "f"), ("foco con sensor de movimiento", "m"),
      ("timbre inalámbrico", "m"), ("portalámparas", "m"), ("detector de tensión", "m"), ("mecanismo de interruptor", "m"),
      ("alargador de jardín", "m"), ("lámpara de techo", "f"), ("temporizador de enchufe", "m"),
      ("placa solar portátil", "f"), ("caja de empalmes", "f")],
     ["iluminar un pasillo oscuro",
      "cambiar un enchufe viejo",
      "controlar la luz desde el móvil",
      "iluminar el jardín de noche",
      "ahorrar en la factura de la luz",
      "poner luz bajo los muebles de cocina",
      "llevar corriente hasta la terraza",
      "instalar un timbre sin obras",
      "proteger la instalación de un piso antiguo",
      "comprobar si un cable tiene corriente",
      "encender la luz del garaje al entrar",
      "conectar varios aparatos en el escritorio",
      "programar el encendido de un radiador",
      "cargar el móvil en una acampada",
      "cambiar una lámpara de techo",
      "ordenar los cables del salón"]),
    ("jardin", "Jardín y riego", "Césped, riego, poda y herramientas de jardín.", "producto-jardin",
     [("cortacésped", "m"), ("manguera extensible", "f"), ("programador de riego", "m"), ("desbrozadora", "f"),
      ("tijera de podar", "f"), ("motosierra", "f"), ("kit de riego por goteo", "m"), ("aspersor oscilante", "m"),
      ("abono para césped", "m"), ("semilla de césped", "f"), ("compostador", "m"), ("cortasetos", "m"),
      ("soplador de hojas", "m"), ("escarificador", "m"), ("malla de sombreo", "f"), ("biotrituradora", "f")],
     ["segar un césped grande",
      "regar el huerto en vacaciones",
      "limpiar un terreno con zarzas",
      "podar árboles frutales",
      "cortar leña para la chimenea",
      "regar macetas en la terraza",
      "recuperar un césped amarillo",
      "sembrar césped nuevo",
      "hacer compost en casa",
      "recortar un seto alto",
      "recoger hojas en otoño",
      "airear el césped en primavera",
      "dar sombra al huerto",
      "triturar restos de poda",
      "regar una parcela grande",
      "mantener un jardín pequeño"]),
    ("cerrajeria", "Cerrajería y copias de llaves", "Cerraduras, copias de llaves y seguridad en casa.", "producto-seguridad",
     [("copia de llave", "f"), ("cerradura de seguridad", "f"), ("bombín antibumping", "m"), ("candado de alta seguridad", "m"),
      ("caja fuerte", "f"), ("mirilla digital", "f"), ("cerrojo de sobreponer", "m"), ("llave de coche con chip", "f"),
      ("mando de garaje", "m"), ("cierrapuertas", "m"), ("buzón", "m"), ("cerradura inteligente", "f"),
      ("barra antipánico", "f"), ("escudo protector", "m"), ("llave de seguridad", "f"), ("pasador de ventana", "m")],
     ["hacer copia de una llave de seguridad",
      "cambiar la cerradura al mudarme",
      "proteger la puerta contra el bumping",
      "cerrar un trastero",
      "guardar documentos en casa",
      "ver quién llama sin abrir",
      "reforzar la puerta de la calle",
      "duplicar la llave del coche",
      "abrir el garaje con un mando nuevo",
      "que la puerta del portal cierre sola",
      "cambiar el buzón de la comunidad",
      "abrir la puerta con el móvil",
      "instalar una salida de emergencia en un local",
      "proteger el bombín de la puerta",
      "tener una sola llave para todas las puertas",
      "asegurar las ventanas de un bajo"]),
    ("tornilleria", "Tornillería y fijaciones", "Tacos, tornillos y anclajes para cada pared.", "producto-herramienta",
     [("taco de nailon", "m"), ("tornillo para madera", "m"), ("anclaje químico", "m"), ("taco para pladur", "m"),
      ("tirafondo", "m"), ("remache", "m"), ("brida de nailon", "f"), ("escarpia", "f"), ("varilla roscada", "f"),
      ("tornillo autorroscante", "m"), ("clavo de acero", "m"), ("soporte de estantería", "m"), ("taco basculante", "m"),
      ("perno de anclaje", "m"), ("arandela", "f"), ("tuerca autoblocante", "f")],
     ["colgar un mueble pesado en ladrillo hueco",
      "fijar una barandilla en hormigón",
      "colgar cuadros en pladur",
      "montar una estructura de madera",
      "colgar un toldo",
      "unir chapas metálicas",
      "sujetar cables a la pared",
      "colgar macetas del techo",
      "fijar un soporte de televisión",
      "atornillar en perfiles metálicos",
      "clavar zócalos de madera",
      "poner baldas en la pared",
      "colgar un espejo grande",
      "anclar una caseta al suelo",
      "evitar que una tuerca se afloje",
      "repartir el apriete de un tornillo"]),
    ("maderas", "Maderas y corte de tableros", "Tableros, listones y corte a medida.", "producto-madera",
     [("tablero de contrachapado", "m"), ("tablero de DM", "m"), ("listón de pino", "m"), ("tarima flotante", "f"),
      ("canto termoadhesivo", "m"), ("encimera de madera", "f"), ("panel de OSB", "m"), ("rodapié", "m"),
      ("moldura decorativa", "f"), ("madera tratada para exterior", "f"), ("tablero de melamina", "m"),
      ("puerta de armario", "f"), ("tablero alistonado", "m"), ("celosía de madera", "f"), ("tarima de exterior", "f"),
      ("viga de madera", "f")],
     ["hacer una estantería a medida",
      "forrar un armario empotrado",
      "hacer una jardinera",
      "montar un altillo",
      "cambiar las puertas de la cocina",
      "construir una caseta de jardín",
      "poner suelo en una habitación",
      "cantear tableros cortados",
      "hacer una encimera nueva",
      "cubrir una pared con paneles",
      "rematar el suelo junto a la pared",
      "decorar un techo",
      "hacer un banco de exterior",
      "cerrar una terraza con celosía",
      "hacer una mesa de comedor",
      "reforzar una pérgola"]),
    ("climatizacion", "Climatización y calefacción", "Estufas, aire acondicionado y ventilación.", "producto-instalaciones",
     [("estufa de pellets", "f"), ("radiador de aceite", "m"), ("aire acondicionado portátil", "m"),
      ("ventilador de techo", "m"), ("deshumidificador", "m"), ("termostato programable", "m"), ("calefactor cerámico", "m"),
      ("purgador de radiador", "m"), ("estufa de leña", "f"), ("emisor térmico", "m"), ("tubo de chimenea", "m"),
      ("humidificador", "m"), ("estufa de gas", "f"), ("cortina de aire", "f"), ("climatizador evaporativo", "m"),
      ("bomba de calor", "f")],
     ["calentar un piso pequeño",
      "calentar el baño por la mañana",
      "refrescar un dormitorio sin obra",
      "mover el aire del salón en verano",
      "quitar la humedad de un sótano",
      "ahorrar en calefacción",
      "calentar una oficina",
      "purgar los radiadores antes del invierno",
      "calentar una casa de campo",
      "evitar condensación en las ventanas",
      "instalar la salida de humos de una estufa",
      "mejorar el aire seco en invierno",
      "calentar un local con la puerta abierta",
      "refrescar una terraza cubierta",
      "climatizar toda la casa",
      "mantener la temperatura por la noche"]),
    ("bano-cocina", "Baño y cocina", "Mamparas, grifería, muebles y accesorios.", "producto-decoracion",
     [("mampara de ducha", "f"), ("silicona sanitaria", "f"), ("grifo de cocina", "m"), ("fregadero", "m"),
      ("tapa de inodoro", "f"), ("espejo con luz", "m"), ("extractor de baño", "m"), ("campana extractora", "f"),
      ("columna de ducha", "f"), ("mueble de lavabo", "m"), ("plato de ducha", "m"), ("toallero eléctrico", "m"),
      ("vinilo para azulejos", "m"), ("barra de cortina", "f"), ("dosificador de jabón", "m"), ("escurreplatos", "m")],
     ["cambiar la bañera por un plato de ducha",
      "renovar las juntas del baño",
      "modernizar la cocina sin obras",
      "instalar un fregadero nuevo",
      "cambiar la tapa del inodoro",
      "iluminar el espejo del baño",
      "quitar el vaho de un baño sin ventana",
      "sacar los humos de la cocina",
      "mejorar la ducha sin obras",
      "ganar espacio bajo el lavabo",
      "tapar azulejos viejos",
      "secar toallas en invierno",
      "colgar una cortina de ducha",
      "ordenar el fregadero",
      "reformar el baño de un piso de alquiler",
      "montar una mampara en una bañera"]),
    ("proteccion-laboral", "Protección laboral", "Guantes, gafas, calzado y ropa de trabajo.", "producto-seguridad",
     [("guantes anticorte", "m"), ("gafas de protección", "f"), ("botas de seguridad", "f"), ("mascarilla FFP2", "f"),
      ("protector auditivo", "m"), ("casco de obra", "m"), ("chaleco de alta visibilidad", "m"), ("rodillera", "f"),
      ("arnés anticaídas", "m"), ("pantalla de soldadura", "f"), ("mono de trabajo", "m"), ("faja lumbar", "f"),
      ("guantes de nitrilo", "m"), ("pantalla facial", "f"), ("zapatos de seguridad", "m"), ("ropa ignífuga", "f")],
     ["trabajar con la radial",
      "lijar paredes",
      "pintar con pistola",
      "trabajar en un tejado",
      "soldar en el taller",
      "manipular productos químicos",
      "trabajar en una obra",
      "cortar con motosierra",
      "trabajar de noche en la carretera",
      "podar árboles altos",
      "limpiar con lejía",
      "colocar suelo de rodillas",
      "levantar sacos de cemento",
      "trabajar cerca de una llama",
      "usar un martillo demoledor",
      "cortar chapa en el taller"]),
    ("adhesivos", "Adhesivos y selladores", "Colas, siliconas, espumas y cintas.", "producto-herramienta",
     [("adhesivo de montaje", "m"), ("espuma de poliuretano", "f"), ("masilla para madera", "f"), ("cola blanca", "f"),
      ("pegamento instantáneo", "m"), ("sellador de juntas", "m"), ("cinta americana", "f"), ("resina epoxi", "f"),
      ("silicona neutra", "f"), ("cinta de doble cara", "f"), ("cola de contacto", "f"), ("masilla de poliuretano", "f"),
      ("pistola de silicona", "f"), ("adhesivo para PVC", "m"), ("cinta aislante", "f"), ("mortero cola", "m")],
     ["pegar un espejo en la pared",
      "pegar zócalos sin clavos",
      "sellar una ventana de aluminio",
      "reparar un plástico roto",
      "pegar piedra natural",
      "pegar cristal",
      "rellenar huecos entre marcos",
      "tapar agujeros en madera",
      "encolar una silla",
      "sellar la bañera",
      "reparar una manguera de urgencia",
      "colgar fotos sin taladrar",
      "pegar suelo de PVC",
      "aislar un empalme eléctrico",
      "colocar azulejos nuevos",
      "reparar una pieza de metal"]),
    ("almacenaje", "Almacenaje y organización", "Estanterías, cajas y orden en casa y en el taller.", "producto-decoracion",
     [("estantería metálica", "f"), ("caja de ordenación", "f"), ("armario de resina", "m"), ("gancho de pared", "m"),
      ("carro de herramientas", "m"), ("panel perforado", "m"), ("organizador de tornillos", "m"), ("baúl de exterior", "m"),
      ("perchero", "m"), ("zapatero", "m"), ("estante flotante", "m"), ("caseta de jardín", "f"), ("cajonera", "f"),
      ("soporte para bicicletas", "m"), ("armario metálico", "m"), ("cesta de almacenaje", "f")],
     ["ordenar el garaje",
      "aprovechar un trastero",
      "guardar cosas en el balcón",
      "organizar una habitación pequeña",
      "colgar herramientas en el taller",
      "guardar tornillos por tamaños",
      "guardar bicicletas en casa",
      "ordenar el armario de la entrada",
      "guardar los cojines de la terraza",
      "guardar zapatos en el recibidor",
      "montar una estantería en la bodega",
      "guardar productos de limpieza",
      "llevar herramientas por el taller",
      "guardar juguetes",
      "ordenar la despensa",
      "guardar herramientas de jardín"]),
    ("alquiler-maquinaria", "Alquiler de maquinaria", "Máquinas de obra y limpieza por días.", "tiendas",
     [("hormigonera", "f"), ("andamio", "m"), ("martillo demoledor", "m"), ("pulidora de suelos", "f"),
      ("fregadora industrial", "f"), ("hidrolimpiadora", "f"), ("escalera telescópica", "f"), ("generador eléctrico", "m"),
      ("compresor de aire", "m"), ("cortadora de azulejos", "f"), ("motoazada", "f"), ("regla vibrante", "f"),
      ("rozadora", "f"), ("dumper", "m"), ("vibrador de hormigón", "m"), ("ahoyador", "m")],
     ["hacer hormigón para una solera",
      "pintar una fachada alta",
      "romper un suelo de baldosa",
      "pulir un suelo de terrazo",
      "limpiar un local después de una obra",
      "limpiar la terraza",
      "llegar a un techo alto",
      "tener luz en una obra sin corriente",
      "pintar con compresor",
      "cortar azulejos grandes",
      "preparar la tierra del huerto",
      "nivelar una solera de hormigón",
      "abrir rozas para la instalación eléctrica",
      "mover escombros",
      "compactar hormigón",
      "plantar árboles en fila"]),]


def _forms(name: str, g: str) -> dict:
    return {"p": name, "un": ("un " if g == "m" else "una ") + name, "el": ("el " if g == "m" else "la ") + name,
            "lo": "lo" if g == "m" else "la", "o": "o" if g == "m" else "a"}


# Product templates: (key, question, answer sentences). Slots: {p} {un} {el} {El} {lo} {o} {u} {el2}.
# Every question names a product and a use ({u}); two questions of one template never share either,
# so that no two questions have most of their words in common (KB604).
TEMPLATES = [
    ("elegir", "¿Qué {p} me conviene comprar para {u}?",
     ["Depende sobre todo de cuánto lo vayas a usar.",
      "Para {u} busca {un} con buena potencia y accesorios del tamaño adecuado; si es para trabajos puntuales, "
      "la gama de bricolaje es suficiente.",
      "En la tienda te lo dejamos probar antes de comprar{lo}."]),
    ("accesorios", "¿Qué accesorios y recambios de {p} necesito para {u}?",
     ["Tenemos recambios originales de las marcas que vendemos y accesorios compatibles.",
      "Para {u} lo habitual es cambiar antes los consumibles que más se gastan.",
      "Lleva la pieza gastada o una foto de la placa de características y te buscamos la referencia."]),
    ("garantia", "¿Cubre la garantía {el} si {lo} uso para {u}?",
     ["La garantía cubre los defectos de fabricación, también si usas {el} para {u}.",
      "No cubre el desgaste normal ni los golpes. Guarda el tique o la factura.",
      "Consulta las condiciones en la [política de garantía](policy:garantia)."]),
    ("alquilar", "¿Cuánto cuesta alquilar {un} por días para {u}?",
     ["En muchas tiendas alquilamos por días la maquinaria más cara.",
      "Pregunta en tu tienda si {el} está en el catálogo de alquiler y reserva con antelación los fines de semana.",
      "Se paga una fianza que te devolvemos al entregar la máquina limpia."]),
    ("reparar", "Se me estropeó {el} al {u}, ¿lo reparáis en el taller?",
     ["Sí, llévalo al mostrador del taller de tu tienda.",
      "Te damos presupuesto en {{ workshop.quote_within }} y, si lo aceptas, la reparación con cambio de piezas "
      "tarda {{ workshop.repair }}.",
      "Si está en garantía, la reparación no te cuesta nada."]),
    ("devolver", "¿Puedo devolver {el} si al final no me sirve para {u}?",
     ["Si está completo y sin usar, sí, dentro de {{ returns.window }}.",
      "Si ya lo has usado y tiene desgaste, no podemos aceptarlo como devolución.",
      "Más detalles en la [política de devoluciones](policy:devoluciones)."]),
    ("mantenimiento", "¿Qué mantenimiento necesita {el} si {lo} uso a menudo para {u}?",
     ["Límpialo después de cada uso y guárdalo en un sitio seco.",
      "Revisa de vez en cuando las piezas que más se gastan y cámbialas antes de que fallen.",
      "En el taller de la tienda hacemos revisiones de mantenimiento."]),
    ("seguridad", "¿Qué equipo de protección llevo al usar {el} para {u}?",
     ["Usa siempre gafas de protección y guantes adecuados.",
      "Para {u} añade protección auditiva y mascarilla si se levanta polvo.",
      "Tienes todo en la sección de [protección laboral](faq:{protect})."]),
    ("disponible", "¿Hay {p} disponible en tienda para {u} este fin de semana?",
     ["En la ficha del producto de la web, pulsa «Ver disponibilidad en tiendas».",
      "También puedes llamar a tu tienda; el teléfono está en su [página](store:{store0}).",
      "Si no hay unidades, te lo llevamos a la tienda para que lo recojas sin gastos."]),
    ("recoger", "¿Puedo comprar {el} en la web y recoger{lo} en tienda para {u}?",
     ["Sí: elige «Recoger en tienda» al pagar.",
      "Te avisamos cuando esté listo, normalmente en {{ store_pickup.ready_within }}, y lo guardamos "
      "{{ store_pickup.hold }}."]),
    ("empezar", "Es la primera vez que uso {un} para {u}, ¿algún consejo?",
     ["Empieza por leer el manual y practica en una pieza que no te importe estropear.",
      "En muchas tiendas organizamos talleres de iniciación; pregunta por el calendario.",
      "Si tienes dudas al elegir, el personal de la tienda te orienta sin compromiso."]),
    ("tamano", "¿Qué tamaño o potencia de {p} hace falta para {u}?",
     ["Mide bien el hueco o la pieza antes de ir a la tienda y haz una foto.",
      "Para {u} suele bastar con un tamaño medio; si dudas, trae las medidas y te ayudamos.",
      "Recuerda que los productos cortados a medida no se pueden devolver."]),
    ("profesional", "¿Tenéis {p} de gama profesional para {u} todos los días?",
     ["Sí, en la sección de profesionales tenemos modelos más robustos.",
      "Con la cuenta de profesional tienes [precios especiales](faq:descuento-profesionales)."]),
    ("probar", "¿Puedo probar {el} en la tienda antes de comprar{lo} para {u}?",
     ["Sí, en la zona de pruebas de la tienda puedes ver cómo funciona.",
      "Pide a un vendedor que te lo prepare con el accesorio adecuado para {u}."]),
    ("tiempo", "¿Cuánto se tarda en {u} con {un}?",
     ["Depende de la superficie y de tu experiencia.",
      "Con {un} adecuad{o} y los accesorios correctos se trabaja mucho más rápido que a mano.",
      "Prepara antes la zona de trabajo: es lo que más tiempo ahorra."]),
    ("rendimiento", "¿Por qué {el} no rinde bien al {u}?",
     ["Lo más habitual es que el accesorio no sea el adecuado o esté gastado.",
      "Para {u} necesitas un accesorio específico; cámbialo y prueba de nuevo.",
      "Si sigue igual, tráelo al taller y lo revisamos."]),
    ("exterior", "¿Sirve {el} para {u} en el exterior o con lluvia?",
     ["Mira el grado de protección en la ficha del producto.",
      "Si no está preparad{o} para exterior, úsa{lo} solo a cubierto y guárda{lo} en un sitio seco."]),
    ("diferencia", "¿Qué diferencia hay entre {el} y {el2} para {u}?",
     ["Los dos sirven para trabajos parecidos, pero no son intercambiables.",
      "Para {u}, **{el}** da mejor acabado; **{el2}** es más versátil.",
      "Si dudas, cuéntanos el trabajo que tienes entre manos y te aconsejamos."]),
    ("curso", "¿Organizáis talleres para aprender a {u} con {el}?",
     ["Sí, muchas tiendas organizan talleres prácticos en grupos pequeños.",
      "Pregunta en tu tienda por el calendario: son gratuitos con la tarjeta de cliente."]),
    ("segunda-mano", "¿Vendéis {p} de exposición o de segunda mano para {u}?",
     ["A veces tenemos unidades de exposición a mejor precio, con la misma garantía.",
      "Pregunta en tu tienda: las unidades cambian cada semana."]),
    ("envio", "¿Me llega {el} a casa a tiempo para {u} el sábado?",
     ["A la península los pedidos llegan en {{ delivery.peninsula }}; a Baleares en {{ delivery.baleares }}.",
      "Si lo necesitas antes, cómpralo en la web y recógelo en tu tienda."]),
    ("instalar", "¿Me instaláis {el} a domicilio para {u}?",
     ["En algunas ciudades tenemos instaladores de confianza que te dan presupuesto sin compromiso.",
      "Pregunta en tu tienda: te damos cita y el precio cerrado antes de empezar."]),
    ("regalo", "Quiero regalar {un} a alguien que quiere {u}, ¿se puede cambiar sin tique?",
     ["Sí: pide un tique regalo al pagar; con él se puede cambiar dentro de {{ returns.window }}.",
      "Con el tique regalo no se ve el precio y el cambio se hace por vale o por otro producto."]),
]
TIPS = [
    "Conserva el tique de compra en un lugar seguro.",
    "Si vas a la tienda, lleva fotos y medidas: así acertarás a la primera.",
    "En la web puedes ver la disponibilidad en cada tienda antes de ir.",
    "El personal de la tienda te puede enseñar a usarlo antes de que te lo lleves.",
    "Para trabajos grandes, pregunta por el alquiler de maquinaria.",
    "Puedes pedir consejo por el chat de la web sin salir de casa.",
    "Con la tarjeta de cliente acumulas saldo en cada compra.",
    "Si lo compras para un trabajo concreto, cuéntanoslo y te recomendamos los accesorios.",
]
OWNERS = ["logistica", "atencion-cliente", "tiendas", "administracion", "marketing", "taller"]
PROTECT = "proteccion-laboral"


def make_faqs(n: int, rnd: random.Random, stores: list[dict], today: dt.date) -> dict[str, dict]:
    """{category slug: {title, description, owner, questions: [...]}} with exactly n questions."""
    cats: dict[str, dict] = {}
    order = 0
    for slug_, (title, desc, owner, _) in SERVICE.items():
        cats[slug_] = {"title": title, "description": desc, "owner": owner, "order": order, "questions": []}
        order += 1
    for slug_, title, desc, owner, _, _ in PRODUCTS:
        cats[slug_] = {"title": title, "description": desc, "owner": owner, "order": order, "questions": []}
        order += 1
    seen_q: set[str] = set()
    used_ids: set[str] = set()
    store0 = stores[0]["id"] if stores else "?"

    def reviewed() -> dt.date:
        return today - dt.timedelta(days=rnd.randint(3, 170))

    def add(cat: str, qid: str, question: str, answer: str, keywords: list[str]) -> bool:
        key = fold_query(question)
        if key in seen_q or len(question) > 160:
            return False
        base, k = qid[:60].strip("-"), 2
        qid = base
        while qid in used_ids:
            qid, k = f"{base}-{k}", k + 1
        seen_q.add(key)
        used_ids.add(qid)
        cats[cat]["questions"].append({"id": qid, "q": question, "a": answer, "keywords": keywords,
                                       "reviewed": reviewed(), "owner": cats[cat]["owner"]})
        return True

    # 1. service entries first (round-robin across categories, so small sites have every category)
    queues = [(c, list(entries)) for c, (_, _, _, entries) in SERVICE.items()]
    count = 0
    while count < n and any(qs for _, qs in queues):
        for cat, qs in queues:
            if qs and count < n:
                qid, question, answer, kw = qs.pop(0)
                count += add(cat, qid, question, answer.replace("{store0}", store0), kw)
    # 2. store questions: parking, services, transport — for one store per city, at most n/20
    cities: set[str] = set()
    store_qs = ["¿Dónde aparcar cerca de la tienda de {x}?", "¿Qué servicios tiene la tienda de {x}?",
                "¿Cómo llegar en autobús a {x}?", "¿Hay taller de bicicletas en {x}?",
                "¿Se puede pagar con Bizum en la tienda de {x}?", "¿La tienda de {x} tiene zona de carga?"]
    barrio_seen: dict[str, int] = {}
    for s in stores:
        if count >= n or len(cities) >= n // 20:
            break
        if s["city"] in cities:
            continue
        cities.add(s["city"])
        place = s["name"].replace("La Tuerca ", "")
        barrio = place[len(s["city"]):].strip() if place.startswith(s["city"]) else place
        k = barrio_seen[barrio] = barrio_seen.get(barrio, -1) + 1
        question = store_qs[k % len(store_qs)].replace("{x}", place)
        answer = (f"Toda la información de la tienda de {place}, con su horario de esta semana, está en su "
                  f"[página](store:{s['id']}).\n\n" + ("\n".join(s["notes"]) if s["notes"] else rnd.choice(TIPS)))
        count += add("tiendas", f"tienda-{s['id']}", question, answer, [s["city"].lower(), "tienda"])
    # 3. product entries: template t pairs product i with use (i + offset_t) mod 16, so that two questions
    #    of one template share neither product nor use; the pairs are taken in a shuffled order
    combos = []
    for ci, (cslug, _, _, _, products, uses) in enumerate(PRODUCTS):
        for ti in range(len(TEMPLATES)):
            off = (ti * 7 + ci) % len(uses)
            for pi in range(len(products)):
                combos.append((ci, ti, pi, (pi + off) % len(uses)))
    rnd.shuffle(combos)
    for ci, ti, pi, ui in combos:
        if count >= n:
            break
        cslug, _, _, _, products, uses = PRODUCTS[ci]
        tkey, tq, tsentences = TEMPLATES[ti]
        name, g = products[pi]
        other = products[(pi + 1 + rnd.randrange(len(products) - 1)) % len(products)]
        f = _forms(name, g)
        f2 = _forms(*other)
        slots = {"p": f["p"], "un": f["un"], "el": f["el"], "El": f["el"][0].upper() + f["el"][1:], "lo": f["lo"],
                 "o": f["o"], "u": uses[ui], "p2": f2["p"], "el2": f2["el"], "store0": store0,
                 "protect": f"{PROTECT}"}

        def fill(t: str) -> str:
            return re.sub(r"\{(\w+)\}", lambda m: slots.get(m.group(1), m.group(0)), t)
        question = fill(tq)
        sentences = [fill(s) for s in tsentences]
        if "faq:{protect}" in " ".join(tsentences):  # a link to a category: point at its first question instead
            first = cats[PROTECT]["questions"]
            target = first[0]["id"] if first else None
            sentences = [s.replace(f"[protección laboral](faq:{PROTECT})",
                                   f"[protección laboral](faq:{target})" if target else "protección laboral")
                         for s in sentences]
        if "faq:descuento-profesionales" in " ".join(sentences) and "descuento-profesionales" not in used_ids:
            sentences = [s.replace("(faq:descuento-profesionales)", "") .replace("[precios especiales]",
                                                                                 "precios especiales")
                         for s in sentences]
        paras = [" ".join(sentences[:2])] + sentences[2:]
        if rnd.random() < .35:
            paras.append("Antes de empezar:\n\n" + "\n".join(f"- {t}" for t in rnd.sample(TIPS, 2)))
        else:
            paras.append(rnd.choice(TIPS))
        if rnd.random() < .2 and cats[cslug]["questions"]:
            rel = rnd.choice(cats[cslug]["questions"])
            paras.append(f"Te puede interesar: [{rel['q']}](faq:{rel['id']})")
        kw = [f["p"], slots["u"]] + rnd.sample(["precio", "marca", "modelo", "comprar", "tienda", "consejo"], 2)
        count += add(cslug, f"{tkey}-{slug(name)}", question, "\n\n".join(paras), kw)
    if count < n:
        raise SystemExit(f"bench.generate: can make at most {count} different questions")
    return {k: v for k, v in cats.items() if v["questions"]}


def faq_yaml(cat: dict) -> str:
    out = [f"category: {q(cat['title'])}", f"description: {q(cat['description'])}", f"order: {cat['order']}",
           "questions:"]
    for x in cat["questions"]:
        out += [f"  - id: {x['id']}", f"    q: {q(x['q'])}", "    a: " + block(x["a"], 6),
                f"    keywords: {flow_list(x['keywords'])}", f"    reviewed: {x['reviewed'].isoformat()}",
                f"    owner: {x['owner']}", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------------- the rest
SITE = """name: Ferretería La Tuerca
language: es
timezone: Europe/Madrid
country: ES
subdivision: MD
url: https://ayuda.latuerca.example
description: Respuestas sobre pedidos, devoluciones, tiendas y productos de {{ site.name }}.
"""
CONTACT = """intro: Elige el canal que prefieras; te atendemos en castellano.
channels:
  - id: telefono
    kind: phone
    label: Atención al cliente
    value: "+34 910 123 456"
    hours:
      mon-fri: "09:00-20:00"
      sat: "10:00-14:00"
      sun: closed
  - id: correo
    kind: email
    label: Correo de atención al cliente
    value: ayuda@latuerca.example
    response_time: 24h
  - id: whatsapp
    kind: whatsapp
    label: WhatsApp
    value: "+34 612 345 678"
    hours:
      lun-vie: "09:00-21:00"
      sáb: "10:00-14:00"
      dom: cerrado
    response_time: 2h
  - id: chat
    kind: chat
    label: Chat en la web
    url: https://www.latuerca.example/chat
    hours:
      mon-fri: "09:00-20:00"
      sat: "10:00-14:00"
      sun: closed
    response_time: 5m
  - id: formulario
    kind: form
    label: Formulario de contacto
    url: https://www.latuerca.example/contacto
    response_time: 48h
  - id: facebook
    kind: social
    label: Facebook
    url: https://www.facebook.com/latuerca
"""
OPERATIONS = """delivery:
  peninsula: 48h-72h
  baleares: 3d-5d
  canarias: 5d-10d
order_cutoff: "14:00"
returns:
  window: 30d
  free: false
  refund_within: 14d
first_response:
  correo: 24h
  whatsapp: 2h
  chat: 5m
  formulario: 48h
max_discount: 20%
free_shipping_from: 50
store_pickup:
  ready_within: 24h-48h
  hold: 15d
workshop:
  quote_within: 48h
  repair: 2d-5d
"""
# (id stem, text, claim or None, published in) — every one is kept by OPERATIONS
PROMISES = [
    ("entrega-72h", "Entrega en 72 horas en toda la península", "{metric: delivery.peninsula, at_most: 72h}",
     ["banner de la web", "Google Ads"]),
    ("devolucion-30-dias", "30 días para devolver tu compra", "{metric: returns.window, at_least: 30d}",
     ["folleto de tienda", "tique de compra"]),
    ("descuento-herramientas", "Hasta un 20 % de descuento en herramientas eléctricas",
     None, ["escaparates", "newsletter"]),
    ("whatsapp-2-horas", "Te respondemos por WhatsApp en 2 horas como máximo",
     "{metric: first_response.whatsapp, at_most: 2h}", ["página de contacto", "carteles de tienda"]),
    ("envio-gratis-50", "Envío gratis a la península a partir de 50 €", "{metric: free_shipping_from, at_most: 50}",
     ["banner de la web", "cesta de la compra"]),
    ("reembolso-14-dias", "Te devolvemos el dinero en 14 días como máximo",
     "{metric: returns.refund_within, at_most: 14d}", ["página de devoluciones", "folleto de tienda"]),
    ("canarias-10-dias", "Tu pedido en Canarias en 10 días como máximo", "{metric: delivery.canarias, at_most: 10d}",
     ["Instagram", "folleto de Canarias"]),
    ("presupuesto-taller", "Presupuesto del taller en 48 horas", "{metric: workshop.quote_within, at_most: 48h}",
     ["carteles de tienda", "newsletter"]),
]
POLICIES = {
    "devoluciones": ("Política de devoluciones", "Cómo devolver o cambiar un artículo y cuándo recibes el reembolso.",
                     "Tienes {{ returns.window }} para devolver cualquier artículo desde la entrega o la fecha del "
                     "tique.\n\n## Reembolso\n\nTe devolvemos el dinero en {{ returns.refund_within }} como máximo, "
                     "por el mismo medio de pago.\n\n## Qué no se puede devolver\n\nLos materiales cortados a medida "
                     "y la pintura mezclada a tu gusto. Si tienen un defecto, se aplica la [garantía](garantia.md).\n"),
    "garantia": ("Garantía", "Qué cubre la garantía y cómo reclamarla.",
                 "Todos los productos tienen la garantía legal. Cubre los defectos de fabricación.\n\n"
                 "## Cómo reclamarla\n\nLleva el producto y el tique a cualquier tienda o escríbenos a "
                 "{{ channels.correo.value }}.\n"),
    "envios": ("Envíos", "Plazos y costes de envío.",
               "| Destino | Plazo |\n|---|---|\n| Península | {{ delivery.peninsula }} |\n"
               "| Baleares | {{ delivery.baleares }} |\n| Canarias | {{ delivery.canarias }} |\n\n"
               "Antes de pagar, la cesta te muestra la fecha estimada de entrega de tu pedido.\n"),
    "privacidad": ("Política de privacidad", "Qué datos tratamos y cómo ejercer tus derechos.",
                   "{{ site.name }} trata tus datos para gestionar tus pedidos y tu cuenta.\n\n## Tus derechos\n\n"
                   "Puedes acceder, rectificar o borrar tus datos escribiendo a {{ channels.correo.value }}.\n"),
    "condiciones-compra": ("Condiciones de compra", "Las condiciones de venta en la web y en las tiendas.",
                           "Los precios incluyen el IVA. El pedido se confirma cuando recibimos el pago.\n\n"
                           "Consulta también la [política de devoluciones](devoluciones.md) y la de [envíos](envios.md).\n"),
    "tarjeta-cliente": ("Tarjeta de cliente", "Condiciones de la tarjeta La Tuerca.",
                        "La tarjeta es gratuita y personal. El saldo acumulado caduca a los dos años.\n"),
}
SYNONYMS = """reembolso: [devolución del dinero, abono, reintegro]
devolución: [devolver, retorno, desistimiento]
tique: [ticket, tiket, recibo, comprobante]
envío: [entrega, reparto, transporte, portes]
pedido: [compra, encargo, paquete]
taladro: [taladradora, broca]
"""


def generate(out: str, faqs: int = 40, stores: int = 5, seed: int = 1, today: dt.date = TODAY,
             search_tests: int | None = None, project: bool = True) -> str:
    """Write a project (mkdocs.yml, theme/, content/) into ``out``; return the content folder."""
    rnd = random.Random(f"{seed}-{faqs}-{stores}")
    content = os.path.join(out, "content")
    if os.path.exists(content):
        shutil.rmtree(content)
    for sub in ("stores", "faq", "policies", "offline", "pages"):
        os.makedirs(os.path.join(content, sub), exist_ok=True)

    def write(rel: str, text: str) -> None:
        with open(os.path.join(content, rel), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)

    if project:
        with open(os.path.join(REPO, "mkdocs.yml"), encoding="utf-8") as fh:
            write("../mkdocs.yml", fh.read())
        theme = os.path.join(out, "theme")
        if os.path.exists(theme):
            shutil.rmtree(theme)
        shutil.copytree(os.path.join(REPO, "theme"), theme)
    write("pages/.gitkeep", "")
    write("site.yaml", SITE)
    write("contact.yaml", CONTACT)
    write("operations.yaml", OPERATIONS)
    write("synonyms.yaml", SYNONYMS)
    st = make_stores(stores, rnd, today)
    for s in st:
        write(f"stores/{s['id']}.yaml", store_yaml(s, "MD", "Europe/Madrid"))
    if st:
        write("offline/carteles.yaml", offline_yaml(st, rnd, today))
    if st:
        write("offline/sistema-tiendas.csv", offline_csv(st, today))
    promises = ["promises:"]
    for i in range(max(len(PROMISES), faqs // 250)):
        stem, text, claim, where = PROMISES[i % len(PROMISES)]
        start = today - dt.timedelta(days=rnd.randint(10, 200))
        promises += [f"  - id: {stem}" + (f"-{i // len(PROMISES) + 1}" if i >= len(PROMISES) else ""),
                     f"    text: {q(text)}", f"    published_in: {flow_list(where)}"]
        promises += [f"    claim: {claim}"] if claim else []
        promises += [f"    valid_from: {start.isoformat()}",
                     f"    valid_until: {(today + dt.timedelta(days=rnd.randint(30, 300))).isoformat()}"]
    write("promises.yaml", "\n".join(promises) + "\n")
    for pslug, (title, summary, body) in POLICIES.items():
        reviewed = today - dt.timedelta(days=rnd.randint(5, 150))
        write(f"policies/{pslug}.md", f"---\ntitle: {q(title)}\nsummary: {q(summary)}\n"
                                      f"reviewed: {reviewed.isoformat()}\nowner: atencion-cliente\n---\n{body}")
    cats = make_faqs(faqs, rnd, st, today)
    for cslug, cat in cats.items():
        write(f"faq/{cslug}.yaml", faq_yaml(cat))
    # search tests: a customer's version of some questions (no accents, lower case)
    allq = [(x["id"], x["q"]) for c in cats.values() for x in c["questions"]]
    k = search_tests if search_tests is not None else min(len(allq), max(5, faqs // 50))
    picks = rnd.sample(allq, k) if k < len(allq) else allq
    write("search-tests.yaml", "".join(f"- query: {q(fold_query(question))}\n  expect: {qid}\n"
                                       for qid, question in sorted(picks)) or "[]\n")
    return content


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="project folder to write (content/ inside is replaced)")
    ap.add_argument("--faqs", type=int, default=1000)
    ap.add_argument("--stores", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--today", type=dt.date.fromisoformat, default=TODAY)
    ap.add_argument("--search-tests", type=int, default=None)
    args = ap.parse_args(argv)
    content = generate(args.out, args.faqs, args.stores, args.seed, args.today, args.search_tests)
    print(f"{content}: {args.faqs} FAQs, {args.stores} stores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
