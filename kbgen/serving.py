"""``kbgen serve``: MkDocs' live-reloading preview, watching content/ too, with the findings on every page.

The server is MkDocs' own (``mkdocs.livereload``); what differs from ``mkdocs serve``:

* every configuration load goes through ``hook(config)`` (set by the CLI), which switches the kbgen
  plugin to banner mode — findings are shown at the top of every page instead of stopping the build —
  and adds the content folder to the watched paths;
* if a build fails anyway (a file the renderer cannot cope with), the preview is not left showing the
  last good site: every page is replaced by a page with the error and the current findings, and the
  next good build replaces it again;
* a port already in use is a one-line message, not a traceback.

``kbgen build`` and ``mkdocs build`` never set banner mode, so the published site has no banner.
"""
from __future__ import annotations

import html
import logging
import os
import shutil
import sys
import tempfile
from typing import Callable
from urllib.parse import urlsplit

log = logging.getLogger("mkdocs.kbgen.serve")


def _setup_logging() -> None:
    root = logging.getLogger("mkdocs")
    if not any(getattr(h, "_kbgen", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._kbgen = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.INFO)


def _content_dir(config) -> str | None:
    plugin = config.plugins.get("kbgen")
    if plugin is None:
        return None
    base = os.path.dirname(config.config_file_path or "mkdocs.yml")
    return os.path.join(base, plugin.config.content)


def fallback_page(error: str, findings: list) -> str:
    """A page shown instead of the site when the build failed: the error and the findings."""
    items = "".join(
        f"<li><code>{html.escape(f.rule)}</code> {html.escape(f.severity)} — <code>{html.escape(str(f.loc))}</code>: "
        f"{html.escape(f.message)}</li>" for f in findings if f.severity != "info")
    return ("<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>kbgen: la vista previa falló</title>"
            "<style>body{font-family:sans-serif;margin:2rem}.kb-banner{border:2px solid #c62828;padding:1rem;"
            "background:#ffebee}</style></head><body>"
            "<div class=\"kb-banner\" id=\"kbgen-findings\" role=\"alert\">"
            f"<strong>kbgen: no se pudo generar la vista previa</strong><p><code>{html.escape(error)}</code></p>"
            f"<ul>{items}</ul><p>Corrige el contenido: la página se recargará sola.</p></div></body></html>")


def _write_fallback(site_dir: str, config, exc: BaseException) -> None:
    findings = []
    content = _content_dir(config) if config is not None else None
    if content:
        try:
            from .checks import Options
            from .engine import analyse
            today = os.environ.get("KBGEN_TODAY")
            import datetime as dt
            opts = Options(today=dt.date.fromisoformat(today) if today else dt.date.today(), search=False)
            res = analyse(content, opts)
            findings = res.unreadable + res.findings
        except Exception as inner:  # the preview must keep running whatever the content says
            log.error(f"kbgen: the content could not be checked either: {inner}")
    page = fallback_page(f"{type(exc).__name__}: {exc}", findings)
    pages = [os.path.join(d, n) for d, _, names in os.walk(site_dir) for n in names if n.endswith(".html")]
    for path in pages or [os.path.join(site_dir, "index.html")]:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(page)


def serve(config_path: str, dev_addr: str, hook: Callable) -> int:
    """Serve the site with live reload until interrupted. Returns an exit code."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.livereload import LiveReloadServer, _serve_url

    if not os.path.exists(config_path):
        sys.stderr.write(f"{config_path}: no such file; run kbgen serve where mkdocs.yml is, or pass --config\n")
        return 2
    _setup_logging()
    site_dir = tempfile.mkdtemp(prefix="kbgen_serve_")

    def get_config():
        cfg = load_config(config_file=config_path, site_dir=site_dir, dev_addr=dev_addr)
        hook(cfg)
        return cfg

    try:
        config = get_config()
    except ConfigurationError as exc:
        sys.stderr.write(f"{config_path}: {exc}\n")
        shutil.rmtree(site_dir, ignore_errors=True)
        return 2
    if config.plugins.get("kbgen") is None:
        sys.stderr.write(f"{config_path}: the kbgen plugin is not enabled; add '- kbgen' under plugins:\n")
        shutil.rmtree(site_dir, ignore_errors=True)
        return 2
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(cfg=None):
        log.info("Building the preview...")
        if cfg is None:
            cfg = get_config()
            cfg.site_url = serve_url
        try:
            build(cfg, serve_url=serve_url, dirty=False)
        except Exception as exc:  # keep serving; show the problem on every page
            log.error(f"kbgen: the preview could not be built: {exc}")
            _write_fallback(site_dir, cfg, exc)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)

    def error_handler(code):
        if code in (404, 500):
            page = os.path.join(site_dir, f"{code}.html")
            if os.path.isfile(page):
                with open(page, "rb") as fh:
                    return fh.read()
        return None

    server.error_handler = error_handler

    def stop(signum, frame):  # ``kill``, a closed terminal: stop as Ctrl+C does, and clean up
        raise KeyboardInterrupt

    import signal
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            signal.signal(sig, stop)
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        for d in config.theme.dirs[:1]:  # the custom_dir (theme/), not the installed theme
            if os.path.isdir(d) and not d.startswith(sys.prefix):
                server.watch(d)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except OSError as exc:
            sys.stderr.write(f"kbgen serve: cannot listen on {host}:{port} ({exc.strerror or exc}); "
                             "pass another --dev-addr, e.g. 127.0.0.1:8001\n")
            return 2
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
