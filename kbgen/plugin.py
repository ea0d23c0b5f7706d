"""The MkDocs plugin: a thin shell that loads content/, checks it and adds the generated pages.

``plugins: [kbgen]`` in mkdocs.yml makes ``mkdocs build``/``mkdocs serve`` work; ``kbgen build``
uses the same plugin, handing it the already-checked project.
"""
from __future__ import annotations

import datetime as dt
import logging
import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from .cache import cache_dir, prune
from .checks import Options
from .engine import Result, analyse
from .render.markup import esc, json_for_script, sanitize_markdown
from .render.pages import put_fragments, render_pages
from .render.urls import CONTACT, HOME, STORES_INDEX, category_src, policy_src

log = logging.getLogger("mkdocs.plugins.kbgen")
ASSETS = os.path.join(os.path.dirname(__file__), "assets")
MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def nav_once():
    """``{% call kbgen_nav_once(page) %}…{% endcall %}`` (theme/main.html): the navigation of a page
    that is not in it depends only on the folder the page is in (its links are relative), so it
    is rendered once per folder and build — 500 store pages, one navigation."""
    import posixpath
    rendered: dict = {}

    def once(page, caller):
        key = posixpath.dirname(page.url.rstrip("/"))
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]
    return once


class KbgenConfig(Config):
    content = c.Type(str, default="content")
    today = c.Optional(c.Type(str))
    strict = c.Type(bool, default=False)
    banner = c.Type(bool, default=False)  # show findings on every page (kbgen serve)


class KbgenPlugin(BasePlugin[KbgenConfig]):
    def __init__(self):
        super().__init__()
        self.preloaded: Result | None = None  # set by `kbgen build` to avoid loading twice
        self.today: dt.date | None = None
        self.result: Result | None = None
        self.pages = {}

    def content_dir(self, config) -> str:
        base = os.path.dirname(config.config_file_path or "mkdocs.yml")
        return os.path.join(base, self.config.content)

    def on_config(self, config):
        if self.today is None:
            self.today = (dt.date.fromisoformat(self.config.today) if self.config.today
                          else dt.date.fromisoformat(os.environ["KBGEN_TODAY"]) if os.environ.get("KBGEN_TODAY")
                          else dt.date.today())
        result = self.preloaded or analyse(self.content_dir(config), Options(today=self.today, strict=self.config.strict))
        self.preloaded = None
        self.result = result
        from .report import as_text
        if result.failed(self.config.strict) and not self.config.banner:
            raise PluginError("kbgen found errors in the content; nothing was built:\n"
                              + as_text(result.unreadable + result.findings))
        for f in result.findings:
            log.warning(f"{f.loc}: {f.rule} {f.severity}: {f.message}") if f.severity != "info" else None
        p = result.project
        # MkDocs' templates print the site name and nav titles without escaping: escape them here
        config.site_name = esc(p.site.name)
        if p.site.url:
            config.site_url = p.site.url.rstrip("/") + "/"
        config.theme["language"] = p.site.language
        config.nav = [
            {"Inicio": HOME},
            {"Preguntas frecuentes": [{esc(cat.title): category_src(cat.slug)} for cat in p.categories]},
            {"Políticas": [{esc(pol.title): policy_src(pol.slug)} for pol in p.policies]},
            {"Tiendas": STORES_INDEX},
            {"Contacto": CONTACT},
        ]
        css = "assets/kbgen/kbgen.css"
        if css not in [str(x) for x in config.extra_css]:
            config.extra_css.append(css)
        js = "assets/kbgen/kbgen.js"
        if os.path.exists(os.path.join(ASSETS, "kbgen.js")) and js not in [str(x) for x in config.extra_javascript]:
            config.extra_javascript.append(js)
        self._skip_material_indexing(config)
        return config

    @staticmethod
    def _skip_material_indexing(config) -> None:
        """Material's search plugin parses every page for a search_index.json that on_post_build
        replaces with kbgen's: keep the plugin (the search box needs it) but drop that work."""
        events = getattr(config.plugins, "events", {})
        search = [p for name, p in config.plugins.items() if name in ("material/search", "search")]
        if search and "page_context" in events:
            events["page_context"] = [m for m in events["page_context"]
                                      if getattr(m, "__self__", None) not in search]

    def on_files(self, files, config):
        self.pages = {pg.src: pg for pg in render_pages(self.result.project, self.today)}
        for pg in self.pages.values():
            existing = files.get_file_from_path(pg.src)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, pg.src, content=pg.markdown))
        for f in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_ASSETS)]:
            files.remove(f)  # Material's search worker and its lunr: kbgen's worker replaces them
        for folder, _, names in sorted(os.walk(ASSETS)):
            for name in sorted(names):
                if name.endswith(".md"):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, ASSETS).replace(os.sep, "/")
                files.append(File.generated(config, f"assets/kbgen/{rel}", abs_src_path=path))
        return files

    def on_env(self, env, config, files):
        """Keep the theme's compiled templates between builds: compiling Material's ~40 Jinja
        templates is a tenth of a 1,000-FAQ build. Jinja's own bytecode cache checks each
        template's source and the Python version, so an edited template is compiled again."""
        folder = cache_dir("jinja2")
        if folder:
            from jinja2 import FileSystemBytecodeCache
            prune(folder, most=1000, keep=500)  # each project folder adds its own ~40 (the key has the path)
            env.bytecode_cache = FileSystemBytecodeCache(folder)
        env.globals["kbgen_nav_once"] = nav_once()
        return env

    def on_page_markdown(self, markdown, page, config, files):
        """Extra pages editors write in content/pages/ get what kbgen's own pages get: raw HTML,
        attribute lists and script links neutralised (unless site.allow_html), an escaped title."""
        if page.file.src_uri in self.pages or self.result is None:
            return markdown
        site = self.result.project.site
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = esc(page.meta["title"])
        return sanitize_markdown(markdown, site.allow_html)

    def on_page_content(self, html, page, config, files):
        pg = self.pages.get(page.file.src_uri)
        return put_fragments(html, pg.fragments) if pg is not None else html

    def on_page_context(self, context, page, config, nav):
        pg = self.pages.get(page.file.src_uri)
        if pg is not None:
            page.meta["kbgen_jsonld"] = [json_for_script(d) for d in pg.jsonld]
            page.meta["kbgen_kind"] = pg.kind
        if self.config.banner and self.result is not None:
            page.meta["kbgen_findings"] = [
                {"rule": f.rule, "severity": f.severity, "where": str(f.loc), "message": f.message}
                for f in (self.result.unreadable + self.result.findings) if f.severity != "info"]
        return context

    def on_serve(self, server, config, builder):
        """``mkdocs serve`` rebuilds when content/ changes, not only docs_dir."""
        server.watch(os.path.abspath(self.content_dir(config)))
        return server

    @event_priority(-50)  # after Material's search plugin, whose search_index.json ours replaces
    def on_post_build(self, config):
        from .render.site_extras import write_extras
        write_extras(self.result.project, config.site_dir)
