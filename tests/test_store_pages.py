"""Issue 6: store pages, the stores index and the contact page; the open-now indicator computed in
the browser (headless Chromium with a fixed clock and time zone); the feedback widget."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kbgen import hours as H
from kbgen.checks import Options
from kbgen.engine import analyse

from conftest import ROOT, TODAY

MAD, UTC = ZoneInfo("Europe/Madrid"), dt.timezone.utc
BUILD = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="module")
def project():
    return analyse(str(ROOT / "content"), Options(today=BUILD, search=False)).project


def html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()
    return re.sub(r" ([:,.)])", r"\1", text)


# ------------------------------------------------------------------ the pages as built

def test_store_page_sections_and_links(built_site, project):
    page = html(built_site, "tiendas/madrid-centro")
    s = project.stores["madrid-centro"]
    assert 'href="tel:+34910123457"' in page
    assert f'href="mailto:{s.email}"' in page
    assert "https://www.openstreetmap.org/?mlat=40.41350&amp;mlon=-3.70420" in page
    for anchor in ("esta-semana", "horario-habitual", "horario-especial", "festivos"):
        assert f'id="{anchor}"' in page
    # no-JavaScript fallback: today's hours as of the build
    fallback = re.search(r'data-kb-hours="kb-hours-madrid-centro"[^>]*>(.*?)</div>', page).group(1)
    assert text_of(fallback) == "Hoy, domingo 29 de noviembre de 2026: cerrado"
    # "Esta semana": today and the next six days, holidays applied
    week = page.split('id="esta-semana"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", week, re.S)
    assert len(rows) == 7 and text_of(rows[0][0]).startswith("Hoy")
    for (label, hours), x in zip(rows, H.effective_week(s.schedule, BUILD, 7)):
        assert text_of(hours).startswith(H.fmt_intervals(x.intervals))
    # the next 60 days' exceptions: holidays (7 and 8 December in Madrid) and special hours
    special = text_of(page.split('id="horario-especial"')[1].split("<h2")[0])
    for needle in ("Lunes 7 de diciembre de 2026: cerrado", "Martes 8 de diciembre de 2026: cerrado (Inmaculada",
                   "Domingo 13 de diciembre de 2026: 11:00–15:00", "Jueves 24 de diciembre de 2026: 09:30–14:00",
                   "Jueves 7 de enero de 2027: cerrado (Inventario)"):
        assert needle in special
    assert "2 de mayo de 2027" not in special  # further than 60 days
    holidays = text_of(page.split('id="festivos"')[1].split("</ul>")[0])
    assert "Fiesta de la Comunidad de Madrid" in holidays  # regional
    assert "Fiesta Nacional de Cataluña" not in holidays


def test_regional_holidays_per_store(built_site):
    bcn = text_of(html(built_site, "tiendas/barcelona-gracia").split('id="festivos"')[1].split("</ul>")[0])
    assert "Sábado 11 de septiembre de 2027: Fiesta Nacional de Cataluña" in bcn
    assert "Sábado 26 de diciembre de 2026: San Esteban" in bcn
    assert "Fiesta de la Comunidad de Madrid" not in bcn
    sev = html(built_site, "tiendas/sevilla-triana")
    assert 'id="festivos"' not in sev and "Abrimos en horario habitual los días festivos" in sev


def test_canary_store_says_its_time_zone(built_site):
    page = html(built_site, "tiendas/las-palmas")
    assert "hora de Canarias" in page
    data = json.loads(re.search(r'<script type="application/json" class="kb-hours-data" id="kb-hours-las-palmas">'
                                r"(.*?)</script>", page).group(1))
    assert data["tz"] == "Atlantic/Canary" and data["from"] == "2026-11-28"
    assert "(hora de Canarias)" in html(built_site, "tiendas")


def test_embedded_hours_match_the_engine(built_site, project):
    for sid, s in project.stores.items():
        page = html(built_site, f"tiendas/{sid}")
        raw = re.search(rf'id="kb-hours-{sid}">(.*?)</script>', page).group(1)
        assert "<" not in raw
        assert json.loads(raw) == H.browser_data(s.schedule, BUILD)


def test_contact_page_channels(built_site, project):
    page = html(built_site, "contacto")
    for ch in project.contact.channels:
        has = f'data-kb-hours="kb-hours-canal-{ch.id}"' in page
        assert has == (ch.schedule is not None), ch.id
    assert 'href="tel:+34910123456"' in page and 'href="mailto:ayuda@latuerca.example"' in page
    assert 'href="https://wa.me/34612345678"' in page
    text = text_of(page)
    assert "Tiempo de respuesta: te respondemos en 24 horas como máximo" in text
    assert "te respondemos en 2 horas como máximo" in text
    assert "Sin atención los días festivos" in text


def test_stores_index_has_an_indicator_per_store(built_site, project):
    page = html(built_site, "tiendas")
    for sid in project.stores:
        assert f'data-kb-hours="kb-hours-{sid}"' in page and f'id="kb-hours-{sid}"' in page


# ------------------------------------------------------------------ in the browser

def at(y, mo, d, h, mi=0, tz=MAD):
    return dt.datetime(y, mo, d, h, mi, tzinfo=tz)


INDICATOR_CASES = [
    # (what, instant, browser's own time zone, {store: expected}, {channel: expected})
    ("open", at(2026, 11, 30, 12), "Europe/Madrid",
     {"madrid-centro": "Abierto ahora · cierra a las 14:00", "las-palmas": "Abierto ahora · cierra a las 13:30",
      "valencia-ruzafa": "Cerrado · abre a las 16:30"},
     {"telefono": "Disponible ahora · hasta las 20:00", "whatsapp": "Disponible ahora · hasta las 21:00"}),
    ("closed, Sunday", at(2026, 11, 29, 12), "America/New_York",
     {"madrid-centro": "Cerrado · abre mañana a las 9:30", "barcelona-gracia": "Cerrado · abre mañana a las 9:00"},
     {"telefono": "No disponible · vuelve mañana a las 9:00"}),
    ("just before closing", at(2026, 11, 30, 20, 29), "Asia/Tokyo",
     {"madrid-centro": "Abierto ahora · cierra a las 20:30",
      "las-palmas": "Abierto ahora · cierra a las 19:30"},  # 19:29 in Las Palmas
     {"whatsapp": "Disponible ahora · hasta las 21:00", "telefono": "No disponible · vuelve mañana a las 9:00"}),
    ("closing minute", at(2026, 11, 30, 20, 30), "Europe/Madrid",
     {"madrid-centro": "Cerrado · abre mañana a las 9:30"}, {}),
    ("lunch break", at(2026, 11, 30, 15), "UTC",
     {"madrid-centro": "Cerrado · abre a las 17:00", "las-palmas": "Cerrado · abre a las 16:00"}, {}),
    ("Madrid holiday", at(2026, 12, 7, 12), "Europe/Madrid",
     {"madrid-centro": "Cerrado (Lunes siguiente a Día de la Constitución Española) · abre el miércoles a las 9:30",
      "barcelona-gracia": "Abierto ahora · cierra a las 20:00"},
     {"telefono": "No disponible (Lunes siguiente a Día de la Constitución Española) · vuelve el miércoles a las 9:00"}),
    ("national holiday", at(2026, 12, 8, 12), "Europe/Madrid",
     {"madrid-centro": "Cerrado (Inmaculada Concepción) · abre mañana a las 9:30",
      "sevilla-triana": "Abierto ahora · cierra a las 14:00"}, {}),
    ("DST night, March", dt.datetime(2027, 3, 28, 1, 30, tzinfo=UTC), "America/New_York",
     {"madrid-centro": "Cerrado · abre mañana a las 9:30", "las-palmas": "Cerrado · abre mañana a las 9:00"}, {}),
    ("first opening after the March change", dt.datetime(2027, 3, 29, 7, 30, tzinfo=UTC), "UTC",
     {"madrid-centro": "Abierto ahora · cierra a las 14:00", "las-palmas": "Cerrado · abre a las 9:00"}, {}),
    ("DST night, October", dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC), "Europe/Madrid",  # 02:30 CET, again
     {"madrid-centro": "Cerrado · abre el martes a las 9:30",  # Monday 1 November is a holiday
      "las-palmas": "Cerrado · abre el martes a las 9:00"},
     {"whatsapp": "No disponible · vuelve el martes a las 9:00"}),
]


def read_indicators(page) -> dict:
    out = {}
    for el in page.locator("[data-kb-hours]").all():
        out[el.get_attribute("data-kb-hours")] = (el.inner_text().strip(), el.get_attribute("data-state"))
    return out


@pytest.mark.parametrize("what,instant,browser_tz,stores,channels", INDICATOR_CASES, ids=[c[0] for c in INDICATOR_CASES])
def test_indicator_in_the_browser(browser, built_site, serve_dir, project, what, instant, browser_tz, stores, channels):
    base = serve_dir(built_site)
    ctx = browser.new_context(timezone_id=browser_tz, locale="es-ES")
    try:
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.clock.set_fixed_time(instant)
        for sid, expected in stores.items():
            page.goto(base + f"tiendas/{sid}/")
            text, state = read_indicators(page)[f"kb-hours-{sid}"]
            assert text == expected, (what, sid)
            assert text == H.describe(project.stores[sid].schedule, instant)
            assert state == ("open" if expected.startswith("Abierto") else "closed")
        if stores:  # the index says the same
            page.goto(base + "tiendas/")
            found = read_indicators(page)
            for sid, expected in stores.items():
                assert found[f"kb-hours-{sid}"][0] == expected
        if channels:
            page.goto(base + "contacto/")
            found = read_indicators(page)
            for cid, expected in channels.items():
                assert found[f"kb-hours-canal-{cid}"][0] == expected, (what, cid)
                assert expected == H.describe(project.channel(cid).schedule, instant, "channel")
        assert errors == []
    finally:
        ctx.close()


def test_without_javascript_the_fallback_stays(browser, built_site, serve_dir):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(serve_dir(built_site) + "tiendas/madrid-centro/")
        assert page.locator("[data-kb-hours]").inner_text() == "Hoy, domingo 29 de noviembre de 2026: cerrado"
    finally:
        ctx.close()


def test_outside_the_embedded_dates_the_fallback_stays(browser, built_site, serve_dir):
    ctx = browser.new_context(timezone_id="Europe/Madrid")
    try:
        page = ctx.new_page()
        page.clock.set_fixed_time(at(2028, 6, 1, 12))
        page.goto(serve_dir(built_site) + "tiendas/madrid-centro/")
        assert page.locator("[data-kb-hours]").inner_text().startswith("Hoy, domingo 29 de noviembre de 2026")
    finally:
        ctx.close()


def test_indicator_follows_the_clock(browser, built_site, serve_dir):
    """The page refreshes its indicator: open at 13:59, closed after 14:00 without reloading."""
    ctx = browser.new_context(timezone_id="Europe/Madrid")
    try:
        page = ctx.new_page()
        page.clock.install(time=at(2026, 11, 30, 13, 59))
        page.goto(serve_dir(built_site) + "tiendas/madrid-centro/")
        el = page.locator("[data-kb-hours]")
        assert el.inner_text() == "Abierto ahora · cierra a las 14:00"
        page.clock.run_for(90_000)
        assert el.inner_text() == "Cerrado · abre a las 17:00"
    finally:
        ctx.close()


def test_indicator_after_instant_navigation(browser, built_site, serve_dir):
    """Material's navigation.instant swaps pages without reloading: the indicators still update."""
    base = serve_dir(built_site)
    ctx = browser.new_context(timezone_id="Europe/Madrid")
    try:
        page = ctx.new_page()
        page.clock.set_fixed_time(at(2026, 11, 30, 12))
        page.goto(base)
        page.click(f"article a[href='{base}tiendas/']")
        page.wait_for_url(base + "tiendas/")
        page.wait_for_function("document.querySelector('[data-kb-hours=\"kb-hours-madrid-centro\"][data-state]')")
        assert read_indicators(page)["kb-hours-madrid-centro"] == ("Abierto ahora · cierra a las 14:00", "open")
        page.click("article a[href*='madrid-centro']")
        page.wait_for_url("**/tiendas/madrid-centro/")
        page.wait_for_function("document.querySelector('h1') && document.querySelector('h1').textContent"
                               ".startsWith('La Tuerca Madrid') && document.querySelector('[data-kb-hours][data-state]')")
        assert read_indicators(page) == {"kb-hours-madrid-centro": ("Abierto ahora · cierra a las 14:00", "open")}
        assert page.evaluate("getComputedStyle(document.querySelector('[data-kb-hours]')).color") == "rgb(27, 127, 59)"
    finally:
        ctx.close()


def test_browser_sentences_match_the_engine(browser, built_site, serve_dir):
    """kbgen.js and kbgen.hours.describe agree, minute by minute, on nights past midnight, both DST
    changes, holidays and the Canary Islands, whatever the visitor's own time zone."""
    from test_hours import SCHEDULES

    windows = [(dt.datetime(2026, 10, 23, 18, tzinfo=UTC), 60), (dt.datetime(2027, 3, 26, 18, tzinfo=UTC), 60),
               (dt.datetime(2026, 12, 4, 18, tzinfo=UTC), 100), (dt.datetime(2026, 12, 24, 6, tzinfo=UTC), 60),
               (dt.datetime(2027, 8, 6, 6, tzinfo=UTC), 30)]
    instants = [start + dt.timedelta(minutes=15 * i) for start, hours in windows for i in range(hours * 4)]
    ms = [int(t.timestamp() * 1000) for t in instants]
    ctx = browser.new_context(timezone_id="Pacific/Auckland")
    try:
        page = ctx.new_page()
        page.goto(serve_dir(built_site) + "tiendas/")
        page.wait_for_function("window.kbgenHours !== undefined")
        for name, sch in SCHEDULES.items():
            for kind in ("store", "channel"):
                data = H.browser_data(sch, dt.date(2026, 10, 1), kind=kind)
                got = page.evaluate("([d, ms]) => ms.map(t => (window.kbgenHours.sentence(d, t) || [null])[0])",
                                    [data, ms])
                want = [H.describe(sch, t, kind) for t in instants]
                bad = [(t.isoformat(), g, w) for t, g, w in zip(instants, got, want) if g != w]
                assert not bad, (name, kind, bad[:5])
    finally:
        ctx.close()


# ------------------------------------------------------------------ feedback widget

FEEDBACK = """
extra:
  analytics:
    feedback:
      title: ¿Te ha sido útil?
      endpoint: /api/feedback
      ratings:
        - icon: material/emoticon-happy-outline
          name: Sí, me ha ayudado
          data: 1
          note: ¡Gracias!
        - icon: material/emoticon-sad-outline
          name: No me ha ayudado
          data: 0
          note: Gracias. <a href="../../contacto/">Contacta con nosotros</a> y te ayudamos.
"""


def build_copy(proj: Path, extra_yaml: str = "") -> Path:
    """Build a copy whose mkdocs.yml has ``extra_yaml`` in place of the example's ``extra:`` block."""
    cfg = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg.split("\nextra:\n", 1)[0] + "\n"
    (proj / "mkdocs.yml").write_text(cfg + extra_yaml, encoding="utf-8")
    from conftest import build_in
    return build_in(proj, proj / "out")


@pytest.fixture(scope="module")
def feedback_site(tmp_path_factory):
    from conftest import copy_project
    return build_copy(copy_project(tmp_path_factory.mktemp("feedback")), FEEDBACK)


def test_feedback_only_on_faq_and_policy_pages(feedback_site):
    assert 'class="md-feedback"' in html(feedback_site, "faq/envios")
    assert 'class="md-feedback"' in html(feedback_site, "politicas/devoluciones")
    assert "¿Te ha sido útil?" in html(feedback_site, "faq/envios")
    for rel in ("", "tiendas", "tiendas/madrid-centro", "contacto"):
        assert 'class="md-feedback"' not in (feedback_site / rel / "index.html").read_text(encoding="utf-8"), rel


@pytest.fixture(scope="module")
def no_feedback_site(tmp_path_factory):
    from conftest import copy_project
    return build_copy(copy_project(tmp_path_factory.mktemp("nofeedback")))


def test_feedback_off_when_not_configured(no_feedback_site):
    for rel in ("faq/envios", "politicas/devoluciones", "tiendas/madrid-centro"):
        assert "md-feedback" not in html(no_feedback_site, rel)


def test_feedback_works_without_an_analytics_provider(browser, feedback_site, serve_dir):
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        beacons = []
        page.route("**/api/feedback", lambda route: (beacons.append(route.request.post_data), route.fulfill(status=204)))
        page.goto(serve_dir(feedback_site) + "faq/envios/")
        form = page.locator("form.md-feedback")
        assert form.is_visible()
        page.evaluate("document.addEventListener('kbgen:feedback', e => { window.__vote = e.detail })")
        form.locator("button[data-md-value='1']").click()
        assert page.evaluate("window.__vote") == {"page": "/faq/envios/", "data": "1"}
        assert page.locator(".md-feedback__note [data-md-value='1']").is_visible()
        page.wait_for_timeout(300)
        assert beacons and json.loads(beacons[0]) == {"page": "/faq/envios/", "data": "1"}
    finally:
        ctx.close()
