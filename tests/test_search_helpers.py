"""Helpers for the search tests: a page that loads kbgen's search JS, and a
throwaway Material site with kbgen's search worker and payload."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "kbgen" / "assets" / "search"
JS_FILES = ("lunr.min.js", "snowball-es.js", "kbsearch.js")


def js_page(dest: Path, payload: dict[str, bytes] | None = None) -> Path:
    """A folder with kbgen's search scripts, an index.html loading them and the payload files."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in JS_FILES:
        shutil.copy(ASSETS / name, dest / name)
    scripts = "".join(f'<script src="{n}"></script>' for n in JS_FILES)
    (dest / "index.html").write_text(f"<!doctype html><meta charset=utf-8><title>t</title>{scripts}", "utf-8")
    write_payload(dest, payload or {})
    return dest


def browser_rankings(browser, serve_dir, folder: Path, queries) -> dict:
    """The browser's full ranking of each query on ``js_page`` ``folder``'s payload:
    {query: [[doc, score, sorted term indexes], ...]}, as ``Index.rank_docs`` gives them in Python."""
    page = browser.new_page()
    try:
        page.goto(serve_dir(folder) + "index.html")
        return page.evaluate("""async (qs) => {
            const r = await fetch("search/search_index.json");
            const idx = new KBSearch.Index((await r.json()).config.kbgen);
            const out = {};
            for (const q of qs) out[q] = idx.rankDocs(q).ranked.map(x => [x.doc, x.score, Array.from(x.terms).sort((a, b) => a - b)]);
            return out;
        }""", list(queries))
    finally:
        page.close()


def write_payload(site: Path, payload: dict[str, bytes]) -> None:
    for path, data in payload.items():
        p = site / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def install_assets(site: Path) -> None:
    dest = site / "assets" / "kbgen" / "search"
    dest.mkdir(parents=True, exist_ok=True)
    for f in ASSETS.iterdir():
        if f.is_file():
            shutil.copy(f, dest / f.name)


def build_material_site(dest: Path, docs, plain_material: bool = False) -> Path:
    """A small MkDocs + Material site whose pages hold ``docs`` (SearchDoc) at their URLs.

    With ``plain_material`` the site keeps Material's own search (no kbgen
    theme override, no kbgen payload): the baseline to compare with.
    """
    pages: dict[str, list] = {}
    for d in docs:
        page = d.url.split("#")[0]
        pages.setdefault(page, []).append(d)
    src = dest / "docs"
    src.mkdir(parents=True, exist_ok=True)
    (src / "index.md").write_text("# Ayuda\n\nCentro de ayuda de prueba.\n", "utf-8")
    for page, ds in pages.items():
        if not page:
            continue
        md = src / (page.rstrip("/") + ".md")
        md.parent.mkdir(parents=True, exist_ok=True)
        title = ds[0].section or ds[0].title
        lines = [f"# {title}", ""]
        for d in ds:
            if "#" in d.url:
                lines += [f"## {d.title} {{ #{d.url.split('#', 1)[1]} }}", ""]
            lines += [d.text, ""]
        md.write_text("\n".join(lines), "utf-8")
    theme = "" if plain_material else f"  custom_dir: {ROOT / 'theme'}\n"
    (dest / "mkdocs.yml").write_text(
        "site_name: Ayuda de prueba\n"
        "docs_dir: docs\n"
        "site_dir: site\n"
        "use_directory_urls: true\n"
        "theme:\n"
        "  name: material\n"
        "  language: es\n"
        "  font: false\n"
        f"{theme}"
        "  features:\n"
        "    - search.highlight\n"
        "    - search.suggest\n"
        "plugins:\n"
        "  - search\n"
        "markdown_extensions:\n"
        "  - attr_list\n"
        "  - toc:\n"
        "      permalink: true\n", "utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(dest / "mkdocs.yml")],
                   check=True, env=env, cwd=dest)
    site = dest / "site"
    if not plain_material:
        from kbgen.search import build_search_payload
        install_assets(site)
        write_payload(site, build_search_payload(list(docs), {}))
    return site


def js_eval(page, expr: str, arg=None):
    return page.evaluate(expr, arg)


def dumps(x) -> str:
    return json.dumps(x, ensure_ascii=False)


def settle(page, js: str = "() => document.querySelector('.md-search-result__list').innerHTML"):
    """Wait until ``js`` (by default the result list) has given the same value for 250 ms — the
    results of the last keystroke, not a late re-render of an earlier one; returns that value."""
    last, same = None, 0
    for _ in range(100):
        page.wait_for_timeout(50)
        cur = page.evaluate(js)
        same = same + 1 if cur == last else 0
        last = cur
        if same >= 5:
            break
    return last
