"""Store pages, the stores index and the contact page: everything on the site that shows hours.

Hours come from the engine (:mod:`kbgen.hours`) only. Each open-now indicator is an element
``data-kb-hours="ID"`` whose text, as of the build, is today's hours (the no-JavaScript
fallback), next to ``<script type="application/json" id="ID">`` with the exact hours of the
next ~400 days; ``assets/kbgen.js`` turns it into "Abierto ahora · cierra a las 20:30" in the
store's time zone.
"""
from __future__ import annotations

import datetime as dt
import re

from .. import hours as H
from ..hours import DAY_NAMES_ES, fmt_intervals
from . import jsonld
from .markup import date_es, esc, json_for_script, md_text
from .pages import GeneratedPage
from .urls import CONTACT, STORES_INDEX, store_src

KINDS_ES = {"phone": "Teléfono", "email": "Correo electrónico", "whatsapp": "WhatsApp", "chat": "Chat",
            "form": "Formulario", "social": "Redes sociales", "postal": "Correo postal"}
ZONES_ES = {"Atlantic/Canary": "hora de Canarias", "Europe/Madrid": "hora peninsular"}
EXCEPTION_DAYS = 60


# ------------------------------------------------------------------ pieces

def tel_href(phone: str) -> str:
    """``+34 910 123 457`` -> ``tel:+34910123457``."""
    return "tel:" + re.sub(r"[^\d+]", "", phone or "")


def osm_url(geo) -> str:
    return (f"https://www.openstreetmap.org/?mlat={geo.lat:.5f}&mlon={geo.lon:.5f}"
            f"#map=18/{geo.lat:.5f}/{geo.lon:.5f}")


def zone_label(tz: str) -> str:
    return ZONES_ES.get(tz, f"hora de {tz}")


def hours_text(intervals, reason: str = "") -> str:
    return fmt_intervals(intervals) + (f" ({reason})" if reason else "")


def indicator(ident: str, schedule, today: dt.date, kind: str = "store", tag: str = "div") -> tuple[str, str]:
    """(element, data script) of an open-now indicator. The element's text is the fallback."""
    x = H.day(schedule, today)
    fallback = f"Hoy, {date_es(today, weekday=True)}: {hours_text(x.intervals, x.reason)}"
    el = (f'<{tag} class="kb-open-now" data-kb-hours="{esc(ident)}" role="status" aria-live="polite">'
          f'<span class="kb-open-now__fallback">{esc(fallback)}</span></{tag}>')
    data = H.browser_data(schedule, today, kind=kind)
    script = f'<script type="application/json" class="kb-hours-data" id="{esc(ident)}">{json_for_script(data)}</script>'
    return el, script


def week_table(schedule) -> list[str]:
    """The regular week as a Markdown table."""
    rows = ["| Día | Horario |", "|---|---|"]
    for d in range(7):
        rows.append(f"| {DAY_NAMES_ES[d].capitalize()} | {md_text(fmt_intervals(schedule.week[d]))} |")
    return rows


def effective_table(schedule, today: dt.date, n: int = 7) -> list[str]:
    """The next ``n`` days with holidays and special hours applied."""
    rows = ['| Día | Horario |', '|---|---|']
    for x in H.effective_week(schedule, today, n):
        label = date_es(x.date, weekday=True).rsplit(" de ", 1)[0]  # "lunes 30 de noviembre"
        label = f"**Hoy**, {md_text(label)}" if x.date == today else md_text(label.capitalize())
        note = f" — {md_text(x.reason)}" if x.reason else ""
        rows.append(f"| {label} | {md_text(fmt_intervals(x.intervals))}{note} |")
    return rows


def exceptions_list(schedule, today: dt.date, n: int = EXCEPTION_DAYS) -> list[str]:
    out = []
    for first, last, iv, reason in H.exception_runs(schedule, today, n):
        when = date_es(first, weekday=True) if first == last else f"del {date_es(first)} al {date_es(last)}"
        out.append(f"- **{md_text(when.capitalize())}**: {md_text(fmt_intervals(iv))} ({md_text(reason)})")
    return out


def channel_link(ch) -> str:
    v = ch.value or ""
    if ch.kind == "phone":
        return f'<a href="{esc(tel_href(v))}">{esc(v)}</a>'
    if ch.kind == "whatsapp":
        digits = "".join(c for c in v if c.isdigit())
        return f'<a href="https://wa.me/{esc(digits)}">{esc(v)}</a>'
    if ch.kind == "email":
        return f'<a href="mailto:{esc(v)}">{esc(v)}</a>'
    if ch.url:
        safe = ch.url if ch.url.startswith(("https://", "http://", "/")) else "#"
        return f'<a href="{esc(safe)}">{esc(ch.value or ch.url)}</a>'
    return esc(v)


# ------------------------------------------------------------------ pages

def stores_index(r) -> GeneratedPage:
    p, today = r.p, r.today
    lines = ["# Nuestras tiendas", "", "| Tienda | Dirección | Teléfono | Hoy |", "|---|---|---|---|"]
    scripts = []
    for sid in sorted(p.stores, key=lambda s: (p.stores[s].address.city, s)):
        s = p.stores[sid]
        phone = f'<a href="{esc(tel_href(s.phone))}">{esc(s.phone)}</a>' if s.phone else ""
        if s.schedule:
            el, script = indicator(f"kb-hours-{sid}", s.schedule, today, tag="span")
            scripts.append(script)
            if s.schedule.timezone != p.site.timezone:
                el += f' <small class="kb-tz">({esc(zone_label(s.schedule.timezone))})</small>'
        else:
            el = ""
        lines.append(f"| [{md_text(s.name)}]({sid}.md) | {md_text(s.address.one_line())} | {phone} | {el} |")
    lines.append("")
    return GeneratedPage(STORES_INDEX, "Tiendas", "\n".join(lines), kind="stores", after_html=scripts)


def store(r, sid: str) -> GeneratedPage:
    p, today = r.p, r.today
    s = p.stores[sid]
    src = store_src(sid)
    sch = s.schedule
    a = s.address
    el, script = indicator(f"kb-hours-{sid}", sch, today)
    lines = [f"# {md_text(s.name)}", "", el, ""]
    if sch.timezone != p.site.timezone:
        lines += [f'<p class="kb-tz">Todas las horas de esta tienda están en {esc(zone_label(sch.timezone))}.</p>', ""]
    lines += [f"**Dirección:** {md_text(a.street)}, {md_text(a.postal_code)} {md_text(a.city)}", ""]
    if s.geo:
        lines += [f'<a class="kb-map" href="{esc(osm_url(s.geo))}">Ver en el mapa (OpenStreetMap)</a>', ""]
    if s.phone:
        lines += [f'**Teléfono:** <a href="{esc(tel_href(s.phone))}">{esc(s.phone)}</a>', ""]
    if s.email:
        lines += [f'**Correo:** <a href="mailto:{esc(s.email)}">{esc(s.email)}</a>', ""]
    notes = p.text("store.notes", sid)
    if notes:
        lines += [r.md(notes, src), ""]
    lines += ["## Esta semana { #esta-semana }", "", *effective_table(sch, today), ""]
    lines += ["## Horario habitual { #horario-habitual }", "", *week_table(sch), ""]
    lines += ["## Próximos días con horario especial { #horario-especial }", ""]
    lines += exceptions_list(sch, today) or [f"No hay cambios de horario en los próximos {EXCEPTION_DAYS} días."]
    lines.append("")
    if sch.public_holidays == "closed":
        lines += ["## Festivos en los que cerramos { #festivos }", ""]
        hol = H.closing_holidays(sch, today, 365)
        lines += [f"- {md_text(date_es(d, weekday=True).capitalize())}: {md_text(n)}" for d, n in hol] \
            or ["Ninguno en los próximos doce meses."]
        lines.append("")
    else:
        lines += ["Abrimos en horario habitual los días festivos, salvo los indicados arriba.", ""]
    return GeneratedPage(src, s.name, "\n".join(lines), [jsonld.local_business(p, s, today)], kind="store",
                         after_html=[script])


def contact(r) -> GeneratedPage:
    p, today = r.p, r.today
    lines = ["# Contacto", ""]
    scripts = []
    intro = p.text("contact.intro", "contact")
    if intro:
        lines += [r.md(intro, CONTACT), ""]
    for ch in p.contact.channels:
        label = p.text("channel.label", ch.id) or ch.title
        lines += [f"## {md_text(label)} {{ #{ch.id} }}", "", f"*{KINDS_ES[ch.kind]}*", "", channel_link(ch), ""]
        if ch.schedule:
            el, script = indicator(f"kb-hours-canal-{ch.id}", ch.schedule, today, kind="channel")
            scripts.append(script)
            lines += [el, "", *week_table(ch.schedule), ""]
            exc = exceptions_list(ch.schedule, today)
            if exc:
                lines += [f"Cambios de horario en los próximos {EXCEPTION_DAYS} días:", "", *exc, ""]
            if ch.schedule.public_holidays == "closed":
                lines += ["Sin atención los días festivos.", ""]
        if ch.response:
            lines += [f"**Tiempo de respuesta:** te respondemos en {md_text(ch.response.human())} como máximo.", ""]
        notes = p.text("channel.notes", ch.id)
        if notes:
            lines += [r.md(notes, CONTACT), ""]
    return GeneratedPage(CONTACT, "Contacto", "\n".join(lines), kind="contact", after_html=scripts)
