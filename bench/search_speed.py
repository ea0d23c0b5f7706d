"""Keystroke to rendered results in Chromium, on a Material site with 5,000 FAQs.

    python3 bench/search_speed.py [N]

Builds a throwaway MkDocs + Material site (theme/ with kbgen's worker, the
kbgen payload), opens it in Debian's Chromium, types queries one character at
a time into the real search box and measures, in the page's clock, from each
keydown to the moment the result list is re-rendered.
"""
from __future__ import annotations

import functools
import http.server
import socketserver
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from search_size import retail_docs  # noqa: E402
from test_search_helpers import build_material_site  # noqa: E402

QUERIES = ["devolver taladro", "cuanto tarda envio canarias", "garantia amoladora", "copia de llaves madrid",
           "tarjeta profesional descuento", "bicicleta freno", "pintura esmalte", "cortacesped"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

OBSERVE = """() => {
  window.__kb = {down: [], render: []};
  document.addEventListener('keydown', () => window.__kb.down.push(performance.now()), true);
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(() => window.__kb.render.push(performance.now())).observe(list, {childList: true});
}"""


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        t = time.time()
        site = build_material_site(Path(tmp), retail_docs(n))
        print(f"{n} FAQs: site and payload built in {time.time() - t:.1f} s")

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *a):
                pass

        srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{srv.server_address[1]}/"
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = b.new_page()
            t0 = time.time()
            page.goto(base)
            box = page.locator("input.md-search__input")
            box.click()
            page.wait_for_function(
                "!document.querySelector('.md-search-result__meta').textContent.includes('nicializ')", timeout=60000)
            print(f"page load to search ready: {time.time() - t0:.2f} s")
            page.evaluate(OBSERVE)
            lat, firsts = [], []
            for q in QUERIES:
                first = True
                box.fill("")
                page.wait_for_timeout(200)
                for i, ch in enumerate(q):
                    page.evaluate("() => { window.__kb.down = []; window.__kb.render = []; }")
                    page.keyboard.type(ch)
                    try:
                        page.wait_for_function("window.__kb.render.length > 0", timeout=2000)
                    except Exception:
                        continue  # nothing to render (one letter, a stop word, a space)
                    page.wait_for_timeout(30)
                    d, r = page.evaluate("[window.__kb.down[0], window.__kb.render[0]]")
                    ms = r - d
                    lat.append(ms)
                    if first:
                        firsts.append(ms)
                        first = False
            b.close()
        srv.shutdown()
        lat.sort()
        p95 = lat[int(0.95 * (len(lat) - 1))]
        print(f"keystroke -> rendered results over {len(lat)} keystrokes: median {statistics.median(lat):.1f} ms, "
              f"p95 {p95:.1f} ms, max {lat[-1]:.1f} ms; first results of each query (display shards fetched): "
              f"median {statistics.median(firsts):.1f} ms")


if __name__ == "__main__":
    main()
