"""Shared fixtures: a private copy of the example project, and a headless Chromium."""
from __future__ import annotations

import http.server
import os
import shutil
import socketserver
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-29"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def copy_project(dest: Path) -> Path:
    """content/, mkdocs.yml and theme/ of the example, copied to ``dest``."""
    shutil.copytree(ROOT / "content", dest / "content", symlinks=True)
    shutil.copytree(ROOT / "theme", dest / "theme")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def build_in(proj: Path, site_dir: Path | None = None) -> Path:
    """`kbgen build --today TODAY` run in ``proj`` (where its mkdocs.yml is); returns the site folder."""
    from kbgen.cli import main
    site = site_dir or proj / "site"
    cwd = os.getcwd()
    os.chdir(proj)
    try:
        assert main(["build", "--today", TODAY, "--site-dir", str(site)]) == 0
    finally:
        os.chdir(cwd)
    return site


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The example site, built once per test session with `kbgen build`."""
    return build_in(copy_project(tmp_path_factory.mktemp("example")))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve_dir():
    """serve_dir(path) -> base URL of a local HTTP server for that folder."""
    servers = []

    def start(path: Path) -> str:
        handler = lambda *a, **kw: _Quiet(*a, directory=str(path), **kw)  # noqa: E731
        srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}/"

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. In CI a browser that cannot start fails the test."""
    try:
        from playwright.sync_api import sync_playwright
        pw = sync_playwright().start()
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover - depends on the machine
        if os.environ.get("CI"):
            pytest.fail(f"headless Chromium could not start: {exc}")
        pytest.skip(f"headless Chromium not available: {exc}")
    yield b
    b.close()
    pw.stop()
