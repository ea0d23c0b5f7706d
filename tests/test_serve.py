"""kbgen serve: a live preview that shows the findings banner within 5 s of breaking a file;
the published build (kbgen build, mkdocs build) never contains the banner.

The browser is the system Chromium driven by Playwright at /usr/bin/chromium (no downloaded browser). If it cannot
start, the test is skipped locally and FAILS when the environment variable CI is set.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BANNER = "#kbgen-findings"


@pytest.fixture
def project(tmp_path):
    for name in ("mkdocs.yml", "content", "theme"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    (tmp_path / "content" / "pages").mkdir(exist_ok=True)
    return tmp_path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env():
    e = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    e.pop("KBGEN_SERVE", None)
    return e


def wait_http(url: str, proc, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"kbgen serve exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"kbgen serve did not answer on {url}:\n{log.read_text()}")


def test_serve_shows_findings_banner_within_5s(project, browser, tmp_path):
    """Uses the session's shared Chromium (conftest.py): Playwright allows one sync driver per process.
    Stopped with SIGTERM, the preview removes the folder it built the site in."""
    port = free_port()
    log = project / "serve.log"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "kbgen.cli", "serve", "--config", str(project / "mkdocs.yml"),
                                 "--content", str(project / "content"), "--dev-addr", f"127.0.0.1:{port}",
                                 "--today", "2026-11-29"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT, env={**env(), "TMPDIR": str(tmp)})
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_http(base, proc, log)
        page = browser.new_page()
        try:
            page.goto(base + "tiendas/madrid-centro/", wait_until="load")
            assert page.locator(BANNER).count() == 0, "the example content should preview without findings"
            time.sleep(1.0)  # let the live-reload script connect
            store = project / "content" / "stores" / "madrid-centro.yaml"
            good = store.read_text(encoding="utf-8")
            assert "  sat: 10:00-14:00\n" in good
            store.write_text(good.replace("  sat: 10:00-14:00\n", "  sat: 10:00-25:00\n"), encoding="utf-8")
            t0 = time.monotonic()
            page.wait_for_selector(BANNER, timeout=5000)
            elapsed = time.monotonic() - t0
            text = page.locator(BANNER).inner_text()
            assert "KB103" in text and "madrid-centro.yaml:" in text and "25:00" in text
            print(f"\nbanner visible {elapsed:.2f} s after the file was broken")
            assert elapsed < 5
            # every preview page shows it, not only the page of the broken store
            page.goto(base + "faq/envios/", wait_until="load")
            assert "KB103" in page.locator(BANNER).inner_text()
            # fixing the file removes it
            store.write_text(good, encoding="utf-8")
            page.wait_for_selector(BANNER, state="detached", timeout=5000)
        finally:
            page.close()
    finally:
        assert [p.name for p in tmp.iterdir() if p.name.startswith("kbgen_serve_")], "the preview's folder"
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0 and not [p.name for p in tmp.iterdir() if p.name.startswith("kbgen_serve_")]


def test_serve_reports_busy_port(project):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "kbgen.cli", "serve", "--config", str(project / "mkdocs.yml"),
                              "--content", str(project / "content"), "--dev-addr", f"127.0.0.1:{port}",
                              "--today", "2026-11-29"], cwd=project, capture_output=True, text=True, env=env(),
                             timeout=120)
    assert out.returncode == 2 and "--dev-addr" in out.stderr


def test_fallback_page_when_the_build_crashes():
    from kbgen.findings import Finding, Loc
    from kbgen.serving import fallback_page
    html = fallback_page("ValueError: <boom>", [Finding("KB103", "error", Loc("content/x.yaml", 3, 4), "bad <time>")])
    assert 'id="kbgen-findings"' in html and "&lt;boom&gt;" in html and "content/x.yaml:3:4" in html


def html_files(site: Path):
    return [p for p in site.rglob("*.html")]


def test_published_build_has_no_banner(project):
    # a warning that the preview would show: an overdue review
    faq = project / "content" / "faq" / "envios.yaml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("reviewed: 2026-10-14", "reviewed: 2025-01-01", 1), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kbgen.cli", "build", "--config", str(project / "mkdocs.yml"),
                          "--content", str(project / "content"), "--site-dir", str(project / "site"),
                          "--today", "2026-11-29"], cwd=project, capture_output=True, text=True, env=env(), timeout=300)
    assert out.returncode == 0, out.stderr
    assert "KB501" in out.stderr  # the finding exists...
    pages = html_files(project / "site")
    assert len(pages) > 10
    for p in pages:  # ...but no published page shows it
        body = p.read_text(encoding="utf-8")
        assert "kbgen-findings" not in body and "kb-banner" not in body and "KB501" not in body, p
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                          "-d", str(project / "site-mkdocs")], cwd=project, capture_output=True, text=True,
                         env=dict(env(), KBGEN_TODAY="2026-11-29"), timeout=300)
    assert out.returncode == 0, out.stderr
    for p in html_files(project / "site-mkdocs"):
        assert "kbgen-findings" not in p.read_text(encoding="utf-8"), p
