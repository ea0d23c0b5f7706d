"""Issue 6: schema.org JSON-LD on every page (parsed with extruct), its values against the model and
the hours engine, safe embedding of hostile values, and the sitemap with the site's URL."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import extruct
import pytest

from kbgen import hours as H
from kbgen.checks import Options
from kbgen.engine import analyse

from conftest import ROOT, TODAY, copy_project

SITE_URL = "https://ayuda.latuerca.example/"
BUILD = dt.date.fromisoformat(TODAY)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOSTILE = "</script><script>alert(1)</script>"
HOSTILE_TITLE = "</title><script>alert(3)</script>"


@pytest.fixture(scope="module")
def project():
    return analyse(str(ROOT / "content"), Options(today=BUILD, search=False)).project


def pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        yield ("" if rel == "." else rel + "/"), path.read_text(encoding="utf-8")


def jsonld_of(page: str, url: str) -> list:
    """Every JSON-LD object of a page: parsed strictly (json.loads) and by extruct, which must agree."""
    raw = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    strict = [json.loads(r) for r in raw]
    found = extruct.extract(page, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert found == strict
    return strict


def by_type(site: Path) -> dict:
    out: dict = {}
    for rel, page in pages(site):
        for obj in jsonld_of(page, SITE_URL + rel):
            out.setdefault(obj["@type"], {})[rel] = obj
    return out


def test_every_page_parses_and_types_are_where_they_belong(built_site, project):
    types = by_type(built_site)
    assert set(types) == {"FAQPage", "HardwareStore"}
    assert set(types["FAQPage"]) == {f"faq/{c.slug}/" for c in project.categories}
    assert set(types["HardwareStore"]) == {f"tiendas/{sid}/" for sid in project.stores}


def test_faq_pages(built_site, project):
    faq = by_type(built_site)["FAQPage"]
    for c in project.categories:
        obj = faq[f"faq/{c.slug}/"]
        assert obj["@context"] == "https://schema.org" and obj["name"] == c.title
        assert [q["name"] for q in obj["mainEntity"]] == [project.text("faq.q", q.id) for q in c.questions]
        assert all(q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer"
                   and q["acceptedAnswer"]["text"] for q in obj["mainEntity"])


def week_of(specs) -> list:
    week = [set() for _ in range(7)]
    for s in specs:
        for day in s.get("dayOfWeek", []):
            week[DAYS.index(day.rsplit("/", 1)[-1])].add((s["opens"], s["closes"]))
    return week


@pytest.mark.parametrize("sid", ["madrid-centro", "barcelona-gracia", "las-palmas", "sevilla-triana",
                                 "valencia-ruzafa"])
def test_store_business(built_site, project, sid):
    s = project.stores[sid]
    obj = by_type(built_site)["HardwareStore"][f"tiendas/{sid}/"]
    assert obj["name"] == s.name and obj["telephone"] == s.phone and obj["email"] == s.email
    assert obj["url"] == f"{SITE_URL}tiendas/{sid}/"
    assert obj["address"] == {"@type": "PostalAddress", "streetAddress": s.address.street,
                              "postalCode": s.address.postal_code, "addressLocality": s.address.city,
                              "addressCountry": "ES"}
    assert obj["geo"] == {"@type": "GeoCoordinates", "latitude": s.geo.lat, "longitude": s.geo.lon}
    specs = obj["openingHoursSpecification"]
    assert all(x["@type"] == "OpeningHoursSpecification" for x in specs)
    weekly = [x for x in specs if "validFrom" not in x]
    assert all("dayOfWeek" in x for x in weekly)
    assert week_of(weekly) == [{(H.fmt_time(iv.start), H.fmt_time(iv.end)) for iv in day} for day in s.schedule.week]
    special = [x for x in specs if "validFrom" in x]
    got = {}
    for x in special:
        assert "dayOfWeek" not in x
        got.setdefault((x["validFrom"], x["validThrough"]), set()).add((x["opens"], x["closes"]))
    want = {}
    for first, last, iv, _ in H.exception_runs(s.schedule, BUILD, 365):
        want[(first.isoformat(), last.isoformat())] = ({(H.fmt_time(i.start), H.fmt_time(i.end)) for i in iv}
                                                       or {("00:00", "00:00")})
    assert got == want


def test_store_special_hours_values(built_site):
    stores = by_type(built_site)["HardwareStore"]

    def specials(sid):
        return {(x["validFrom"], x["validThrough"], x["opens"], x["closes"])
                for x in stores[f"tiendas/{sid}/"]["openingHoursSpecification"] if "validFrom" in x}

    mad, bcn, sev = specials("madrid-centro"), specials("barcelona-gracia"), specials("sevilla-triana")
    assert ("2026-12-08", "2026-12-08", "00:00", "00:00") in mad  # national holiday, closed
    assert ("2026-12-07", "2026-12-07", "00:00", "00:00") in mad  # Madrid's moved holiday
    assert ("2026-12-07", "2026-12-07", "00:00", "00:00") not in bcn
    assert ("2026-12-24", "2026-12-24", "09:30", "14:00") in mad  # special hours
    assert ("2026-12-13", "2026-12-13", "11:00", "15:00") in mad  # special Sunday opening
    assert ("2027-08-09", "2027-08-22", "00:00", "00:00") in bcn  # a closed range, one entry
    assert ("2027-09-11", "2027-09-11", "00:00", "00:00") in bcn  # Catalonia's day
    assert ("2026-12-08", "2026-12-08", "00:00", "00:00") not in sev  # opens on holidays
    assert ("2026-12-25", "2026-12-25", "00:00", "00:00") in sev  # ...except Christmas (special)
    assert not any(v[0] < TODAY for v in mad | bcn | sev)  # nothing already past


def test_sitemap_uses_the_site_url(built_site, project):
    xml = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    assert locs and all(loc.startswith(SITE_URL) for loc in locs)
    for want in ["", "contacto/", "tiendas/", *(f"tiendas/{sid}/" for sid in project.stores),
                 *(f"faq/{c.slug}/" for c in project.categories)]:
        assert SITE_URL + want in locs


# ------------------------------------------------------------------ a hostile store name

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    proj = copy_project(tmp_path_factory.mktemp("hostile"))
    path = proj / "content" / "stores" / "madrid-centro.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^name: .*$", "name: " + json.dumps(HOSTILE), text, count=1, flags=re.M)
    text = re.sub(r"^notes: >-$", "notes: >-\n  " + HOSTILE.replace("1", "2") + " &amp; <!-- x", text, count=1,
                  flags=re.M)
    path.write_text(text, encoding="utf-8")
    path = proj / "content" / "stores" / "barcelona-gracia.yaml"
    text = re.sub(r"^name: .*$", "name: " + json.dumps(HOSTILE_TITLE), path.read_text(encoding="utf-8"), count=1,
                  flags=re.M)
    path.write_text(text, encoding="utf-8")
    from conftest import build_in
    return build_in(proj, proj / "out")


def test_hostile_name_stays_data(hostile_site):
    page = (hostile_site / "tiendas" / "madrid-centro" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in page
    objs = jsonld_of(page, SITE_URL + "tiendas/madrid-centro/")
    assert [o["name"] for o in objs] == [HOSTILE]
    assert objs[0]["openingHoursSpecification"]  # the rest of the object survived
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.startswith("&lt;/script&gt;&lt;script&gt;alert(1)")
    assert [o["name"] for o in jsonld_of((hostile_site / "tiendas" / "barcelona-gracia" / "index.html").read_text(
        encoding="utf-8"), SITE_URL)] == [HOSTILE_TITLE]
    for rel, other in pages(hostile_site):
        assert "<script>alert(" not in other, rel
        jsonld_of(other, SITE_URL + rel)


def test_hostile_name_neither_breaks_the_page_nor_runs(browser, hostile_site, serve_dir):
    base = serve_dir(hostile_site)
    ctx = browser.new_context(timezone_id="Europe/Madrid")
    try:
        page = ctx.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.clock.set_fixed_time(dt.datetime(2026, 11, 30, 12, tzinfo=dt.timezone.utc))
        for rel in ("tiendas/madrid-centro/", "tiendas/barcelona-gracia/", "tiendas/", "", "contacto/"):
            page.goto(base + rel)
            page.wait_for_load_state("load")
            if rel == "tiendas/madrid-centro/":
                assert page.locator("h1").first.evaluate("e => e.firstChild.textContent") == HOSTILE
                assert page.locator("[data-kb-hours]").inner_text() == "Abierto ahora · cierra a las 14:00"
                data = page.evaluate("""() => [...document.querySelectorAll('script[type="application/ld+json"]')]
                                          .map(s => JSON.parse(s.textContent))""")
                assert [d["name"] for d in data] == [HOSTILE]
                assert HOSTILE in page.title()
            if rel == "tiendas/barcelona-gracia/":
                assert page.title().startswith(HOSTILE_TITLE)
                assert page.locator("[data-kb-hours]").inner_text() == "Abierto ahora · cierra a las 20:00"
            if rel == "tiendas/":
                assert HOSTILE in page.locator("table").first.inner_text()
        assert dialogs == [] and errors == []
    finally:
        ctx.close()
