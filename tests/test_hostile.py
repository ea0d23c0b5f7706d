"""Issue 9: hostile content never breaks out of its place in the page.

Every text field that reaches the site — the business and store names, store notes and special
hours notes, category names and descriptions, questions, answers and keywords, policy titles,
summaries and bodies, extra pages, channel labels, notes and URLs, promise texts, offline
records — gets script tags, a ``</script>`` breakout, ``<!--``, quote-breaking ``onmouseover``
attributes, ``javascript:`` URLs, ``<img onerror>`` and, in Markdown, attribute lists and
script links. The content must still check clean (the hostile text is just text), the site
builds, and in Chromium no dialog opens and no injected element or handler exists on any page,
in the JSON-LD, in the search results, or in the findings banner that ``kbgen serve`` shows.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from malformed.support import ROOT, copy_project, findings, make_base, run_inprocess

TODAY = "2026-11-29"


def payload(n: int) -> str:
    """Plain-text attacks, numbered so that a leak says which field it came from."""
    return (f' <script>alert({n})</script> </script><script>alert({n})</script> <!-- '
            f'" onmouseover="alert({n})" data-kbx="{n}" \' onmouseover=\'alert({n})\' data-kbx=\'{n}\' '
            f'<img src=x onerror=alert({n}) data-kbx={n}> javascript:alert({n}) <svg onload=alert({n})> --> ')


def md_payload(n: int) -> str:
    """Attacks that only mean something in Markdown."""
    return (payload(n) + f"\n\n[pulsa aquí](javascript:alert({n})) [y aquí]( JaVaScRiPt:alert({n})) "
            f"![foto](https://img.example/x.png){{: onerror=\"alert({n})\" data-kbx=\"{n}\" }}\n\n"
            f"Un párrafo con atributos\n{{: onclick=\"alert({n})\" data-kbx=\"{n}\" }}\n\n"
            f"<a href=\"javascript:alert({n})\" data-kbx=\"{n}\">enlace</a> "
            f"<iframe srcdoc=\"<script>alert({n})</script>\" data-kbx=\"{n}\"></iframe>\n\n"
            f"[ref][r{n}]\n\n[r{n}]: javascript:alert({n})\n")


class Injector:
    def __init__(self):
        self.fields: dict[int, str] = {}

    def text(self, where: str, original) -> str:
        n = len(self.fields) + 1
        self.fields[n] = where
        return f"{original or ''}{payload(n)}".strip()

    def md(self, where: str, original) -> str:
        n = len(self.fields) + 1
        self.fields[n] = where
        return f"{original or ''}\n\n{md_payload(n)}"


def _load(path: Path):
    from kbgen.loaders.yamlpos import parse_yaml, to_plain
    tree, problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert not problems, problems
    return to_plain(tree)


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def make_hostile(proj: Path) -> Injector:
    inj = Injector()
    c = proj / "content"
    site = _load(c / "site.yaml")
    site["name"] = inj.text("site.name", site["name"])
    site["description"] = inj.md("site.description", site.get("description"))
    _dump(c / "site.yaml", site)
    names = {}
    for f in sorted((c / "stores").glob("*.yaml")):
        st = _load(f)
        st["name"] = names[f.stem] = inj.text(f"store {f.stem} name", st["name"])
        st["notes"] = inj.md(f"store {f.stem} notes", st.get("notes"))
        for sp in st.get("special_hours", []):
            sp["note"] = inj.text(f"store {f.stem} special note", sp.get("note"))
        _dump(f, st)
    rows = list(csv.reader(io.StringIO((c / "offline/sistema-tiendas.csv").read_text(encoding="utf-8"))))
    for row in rows:
        if row and row[0] in names:
            row[1] = names[row[0]]  # the store system knows the same (hostile) name
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (c / "offline/sistema-tiendas.csv").write_text(buf.getvalue(), encoding="utf-8")
    off = _load(c / "offline/carteles.yaml")
    off["source"] = inj.text("offline source", off["source"])
    for sid, rec in off["stores"].items():
        for sp in rec.get("special_hours", []):
            sp["note"] = inj.text(f"offline {sid} note", sp.get("note"))
    _dump(c / "offline/carteles.yaml", off)
    contact = _load(c / "contact.yaml")
    contact["intro"] = inj.md("contact.intro", contact.get("intro"))
    for ch in contact["channels"]:
        ch["label"] = inj.text(f"channel {ch['id']} label", ch.get("label"))
        ch["notes"] = inj.md(f"channel {ch['id']} notes", ch.get("notes"))
        if ch["kind"] == "social":
            ch["url"] = "javascript:alert(999)//https://www.facebook.com/latuerca"
            ch["value"] = inj.text(f"channel {ch['id']} value", "Facebook")
    _dump(c / "contact.yaml", contact)
    promises = _load(c / "promises.yaml")
    for pr in promises["promises"]:
        pr["text"] = inj.text(f"promise {pr['id']}", pr["text"])
        pr["published_in"] = [inj.text(f"promise {pr['id']} channel", x) for x in pr.get("published_in", [])][:1]
    _dump(c / "promises.yaml", promises)
    for f in sorted((c / "faq").glob("*.yaml")):
        cat = _load(f)
        cat["category"] = inj.text(f"category {f.stem}", cat["category"])
        cat["description"] = inj.md(f"category {f.stem} description", cat.get("description"))
        for q in cat["questions"]:
            q["q"] = inj.text(f"faq {q['id']} q", q["q"])
            q["a"] = inj.md(f"faq {q['id']} a", q["a"])
            q["keywords"] = list(q.get("keywords", [])) + [inj.text(f"faq {q['id']} keyword", "clave")]
        _dump(f, cat)
    for f in sorted((c / "policies").glob("*.md")):
        fm_text, body = f.read_text(encoding="utf-8")[4:].split("\n---\n", 1)
        fm = yaml.safe_load(fm_text)
        fm["title"] = inj.text(f"policy {f.stem} title", fm["title"])
        fm["summary"] = inj.text(f"policy {f.stem} summary", fm.get("summary"))
        fm["reviewed"] = str(fm["reviewed"])
        f.write_text("---\n" + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"
                     + inj.md(f"policy {f.stem} body", body), encoding="utf-8")
    (c / "pages" / "hostil.md").write_text("---\ntitle: " + json.dumps(inj.text("page title", "Página")) + "\n---\n"
                                           + inj.md("page body", "Texto de una página extra."), encoding="utf-8")
    return inj


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    proj = make_base(tmp_path_factory.mktemp("hostile"))
    inj = make_hostile(proj)
    return proj, inj


def test_hostile_content_checks_clean_and_builds(hostile):
    proj, inj = hostile
    rc, out, err = run_inprocess(proj, "check")
    errors = [f for f in findings(out) if f["sev"] == "error"]
    assert rc == 0 and not errors, out[-4000:]
    rc, out, err = run_inprocess(proj, "build")
    assert rc == 0, err[-4000:]
    assert (proj / "site" / "index.html").exists()


# ------------------------------------------------------------------ in the browser
PROBE = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = (a.value || '').replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}="${a.value}"`);
      if (a.name === 'data-kbx') bad.push(`${el.tagName} data-kbx=${a.value}`);
      if (['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href'].includes(a.name)
          && (v.startsWith('javascript:') || v.startsWith('vbscript:') || a.name === 'srcdoc'))
        bad.push(`${el.tagName} ${a.name}="${a.value}"`);
    }
    if (['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push(el.tagName);
  }
  for (const s of document.querySelectorAll('script:not([src])')) {
    const t = s.textContent;
    if (/json/.test(s.type)) {  // JSON-LD and embedded data: must still be one intact JSON value
      try { JSON.parse(t); } catch (e) { bad.push(`${s.type} does not parse: ${e}`); }
    } else if (/alert\\(/.test(t)) bad.push('inline script with alert: ' + t.slice(0, 80));
  }
  if (window.__kbx !== undefined) bad.push('window.__kbx set');
  return bad;
}"""


def _pages(site: Path) -> list[str]:
    out = []
    for dirpath, _, names in os.walk(site):
        for n in names:
            if n.endswith(".html"):
                rel = os.path.relpath(os.path.join(dirpath, n), site).replace(os.sep, "/")
                out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return sorted(out)


def _offline_page(browser, base: str):
    """A page that only reaches the local server (the hostile images point elsewhere)."""
    page = browser.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    return page


def _visit(browser, base: str, rels: list[str], inj: Injector) -> list[str]:
    page = _offline_page(browser, base)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    problems = []
    try:
        for rel in rels:
            page.goto(base + rel, wait_until="load")
            page.wait_for_timeout(50)
            bad = page.evaluate(PROBE)
            if dialogs or bad:
                who = {inj.fields.get(int(x)) for x in "".join(dialogs + bad).split("alert(")[1:]
                       for x in [x.split(")")[0]] if x.isdigit()}
                problems.append(f"/{rel}: dialogs {dialogs} injected {bad[:5]} (fields: {sorted(w for w in who if w)})")
                dialogs.clear()
    finally:
        page.close()
    return problems


def test_no_script_runs_and_nothing_is_injected_on_any_page(hostile, browser, serve_dir):
    proj, inj = hostile
    site = proj / "site"
    if not (site / "index.html").exists():
        assert run_inprocess(proj, "build")[0] == 0
    pages = _pages(site)
    assert len(pages) >= 15, pages
    problems = _visit(browser, serve_dir(site), pages, inj)
    assert not problems, "\n".join(problems)
    # the hostile text is still there, as text: escaped, not dropped
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;script&gt;alert(1)" in html


def test_search_results_do_not_run_hostile_text(hostile, browser, serve_dir):
    proj, inj = hostile
    site = proj / "site"
    if not (site / "index.html").exists():
        assert run_inprocess(proj, "build")[0] == 0
    base = serve_dir(site)
    page = _offline_page(browser, base)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(base, wait_until="load")
        box = page.locator("input.md-search__input")
        shown = {}
        for query in ("alert", "script onerror", "pedido", "javascript"):
            box.click()
            box.fill("")
            box.type(query, delay=10)
            page.wait_for_timeout(700)
            results = page.locator(".md-search-result__item")
            shown[query] = results.count()
            if results.count():  # hover every result, the way a visitor would
                for i in range(min(results.count(), 5)):
                    results.nth(i).hover()
            bad = page.evaluate(PROBE)
            assert not dialogs and not bad, (query, dialogs, bad[:5])
        assert shown["pedido"] > 0 and shown["alert"] > 0, f"the search showed no results: {shown}"
    finally:
        page.close()


def test_findings_banner_of_kbgen_serve_escapes_hostile_text(hostile, browser, serve_dir, tmp_path):
    """``kbgen serve`` shows the findings on every page; their messages quote content values."""
    proj, inj = hostile
    banner = copy_project(proj, tmp_path / "banner")
    cfg = (banner / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "  - kbgen:\n      content: content\n", "  - kbgen:\n      content: content\n      banner: true\n      today: '2026-11-29'\n")
    assert "banner: true" in cfg
    # a few findings that quote hostile values: an offline name that differs, an unknown reference
    csv_path = banner / "content/offline/sistema-tiendas.csv"
    rows = csv_path.read_text(encoding="utf-8").split("\n")
    rows[3] = rows[3].replace("La Tuerca", "<script>alert(4242)</script> La Tuerca", 1)
    csv_path.write_text("\n".join(rows), encoding="utf-8")
    (banner / "mkdocs-banner.yml").write_text(cfg, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-banner.yml", "-d", "site-banner"],
                       cwd=banner, env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    site = banner / "site-banner"
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "kbgen-findings" in html, "the banner is not on the page"
    problems = _visit(browser, serve_dir(site), ["", "contacto/", "tiendas/"], inj)
    assert not problems, "\n".join(problems)
