"""The example site's search in headless Chromium: every query of
content/search-tests.yaml typed into the real search box.

* kbgen's search must put the expected answer in the top 3 for >= 95 % of
  the queries, and agree with `kbgen search` (the Python ranker on the same
  payload) on the first result for >= 95 %;
* the same queries run against Material's default search (lunr + lunr-languages
  "es") on the same content, for the comparison reported in
  kbgen/search/README.md (no threshold: it is the baseline).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from test_search_helpers import build_material_site, install_assets, settle, write_payload

ROOT = Path(__file__).resolve().parent.parent
QUERIES = yaml.safe_load((ROOT / "content" / "search-tests.yaml").read_text("utf-8"))


def _project():
    from kbgen.checks import Options
    from kbgen.engine import analyse

    r = analyse(str(ROOT / "content"), Options(today=dt.date(2026, 11, 29), search=False))
    return r.project


def href_id(href: str) -> str | None:
    u = urlsplit(href)
    parts = [p for p in u.path.split("/") if p]
    if not parts:
        return None
    if parts[0] == "faq":
        return u.fragment or None
    if parts[0] in ("politicas", "tiendas") and len(parts) >= 2:
        return parts[1]
    if parts[0] == "contacto":
        return "contacto"
    return None


RESULTS_JS = """() => Array.from(document.querySelectorAll('.md-search-result__item')).map(
    li => Array.from(li.querySelectorAll('a.md-search-result__link')).map(a => a.href))"""


def run_queries(page, base: str, queries: list[str], ours: bool) -> dict[str, list[str]]:
    """Type each query into Material's search box; answer ids in result order."""
    page.goto(base + "index.html")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('nicializ')",
                           timeout=15000)
    out = {}
    for q in queries:
        box.fill("")
        page.wait_for_timeout(50)
        box.type(q, delay=5)
        last = settle(page, RESULTS_JS)
        ids: list[str] = []
        for group in last or []:
            links = group
            if ours:  # one answer per item: the anchored link, or the page
                anchored = [h for h in group if "#" in h]
                links = anchored[:1] or group[:1]
            for h in links:
                i = href_id(h)
                if i and i not in ids:
                    ids.append(i)
        out[q] = ids
    return out


@pytest.fixture(scope="module")
def kbgen_site(built_site, tmp_path_factory):
    """The example site built by `kbgen build`; if the plugin did not write
    kbgen's payload yet, it is written here (a private copy)."""
    site = tmp_path_factory.mktemp("kbsite") / "site"
    shutil.copytree(built_site, site)
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    if "kbgen" not in index.get("config", {}):
        from kbgen.search.build import payload_for_project
        install_assets(site)
        write_payload(site, payload_for_project(_project()))
    return site


def test_example_queries_in_the_real_search_box(kbgen_site, serve_dir, browser, capsys):
    from kbgen.search import load_index_from_dir, search

    base = serve_dir(kbgen_site)
    page = browser.new_page()
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(base) else None)
    queries = [t["query"] for t in QUERIES]
    got = run_queries(page, base, queries, ours=True)
    page.close()
    index = load_index_from_dir(kbgen_site)
    found, agree, misses = 0, 0, []
    for t in QUERIES:
        ids = got[t["query"]]
        cli = [r.id for r in search(index, t["query"], 3)]
        if t["expect"] in ids[:3]:
            found += 1
        else:
            misses.append(f"{t['query']!r}: expected {t['expect']}, browser {ids[:3]}")
        if ids[:1] == cli[:1]:
            agree += 1
    n = len(QUERIES)
    with capsys.disabled():
        print(f"\nkbgen search, real search box: {found}/{n} in top 3; CLI agrees on the first result {agree}/{n}")
        for m in misses:
            print("  miss", m)
    assert n >= 40
    assert found >= 0.95 * n, misses
    assert agree >= 0.95 * n
    assert external == []


def test_material_default_search_on_the_same_content(tmp_path, serve_dir, browser, capsys):
    """Baseline: Material's own search (lunr + lunr-languages es) on the same documents."""
    from kbgen.search.project import project_docs

    site = build_material_site(tmp_path / "plain", project_docs(_project()), plain_material=True)
    base = serve_dir(site)
    page = browser.new_page()
    got = run_queries(page, base, [t["query"] for t in QUERIES], ours=False)
    page.close()
    found = sum(t["expect"] in got[t["query"]][:3] for t in QUERIES)
    with capsys.disabled():
        print(f"\nMaterial default search, same content: {found}/{len(QUERIES)} in top 3")
    out = os.environ.get("KBGEN_SEARCH_BASELINE_OUT")
    if out:
        Path(out).write_text(json.dumps({"found": found, "n": len(QUERIES), "results": got}, ensure_ascii=False))
    assert found < len(QUERIES)  # it is the baseline; kbgen's test above must do better
