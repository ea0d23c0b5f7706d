"""CPU time per phase of one ``kbgen`` command, without a profiler's distortion (CPU time, so that
other processes on the machine do not blur it).

    python -m bench.phases DIR build|check [--today 2026-11-29]

Runs the command in this process with timers around: loading content/, every check
function, rendering the pages, MkDocs' page rendering (Markdown, templates), the search
payload and the publishing swap. Prints JSON {phase: seconds} (the last line of stdout).
"""
from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import sys
import time
from collections import defaultdict

TIMES: dict[str, float] = defaultdict(float)
_STACK: list[str] = []


def timed(label: str, fn):
    @functools.wraps(fn)
    def wrapper(*a, **kw):
        t0 = time.process_time()
        try:
            result = fn(*a, **kw)
            if hasattr(result, "__next__"):  # a generator check: time its consumption
                result = list(result)
            return result
        finally:
            TIMES[label] += time.process_time() - t0
    return wrapper


def patch(obj, name: str, label: str) -> None:
    if hasattr(obj, name):
        setattr(obj, name, timed(label, getattr(obj, name)))


def install() -> None:
    import kbgen.checks as checks
    import kbgen.engine as engine
    checks.load_families()
    for i, fn in enumerate(checks.CHECKS):
        checks.CHECKS[i] = timed(f"check {fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}", fn)
    patch(engine, "load_project", "load content/")
    patch(engine, "apply_suppressions", "suppressions + sort")
    try:
        import kbgen.plugin as plugin
        patch(plugin, "render_pages", "render pages (kbgen Markdown)")
        patch(plugin.KbgenPlugin, "on_post_build", "kbgen on_post_build (search payload, extras)")
        patch(plugin.KbgenPlugin, "on_page_context", "kbgen on_page_context")
    except ImportError:
        pass
    import mkdocs.commands.build as mb
    import mkdocs.structure.pages as sp
    patch(sp.Page, "render", "mkdocs Markdown -> HTML")
    patch(mb, "_build_theme_template", "mkdocs theme templates (404, sitemap)")
    patch(mb, "_build_template", "mkdocs theme templates: Jinja")
    patch(mb, "_build_page", "mkdocs pages: Jinja + write")
    patch(mb, "build", "mkdocs build (total)")
    try:
        import mkdocs.contrib.search as ms
        patch(ms.SearchPlugin, "on_page_context", "mkdocs search plugin (collect)")
        patch(ms.SearchPlugin, "on_post_build", "mkdocs search plugin (write index)")
    except ImportError:
        pass
    import kbgen.publish as pub
    patch(pub, "publish", "publish (incl. mkdocs build)")


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    folder, command, rest = args[0], args[1], args[2:]
    if "--today" not in rest:
        rest += ["--today", "2026-11-29"]
    if command == "check" and "--no-search" not in rest:
        rest.append("--no-search")
    if "--jobs" not in rest:  # every check in this process, where the timers are
        rest += ["--jobs", "1"]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(folder)
    t0 = time.process_time()
    install()
    TIMES["imports + patching"] = time.process_time() - t0
    from kbgen.cli import main as kb
    out, err = io.StringIO(), io.StringIO()
    t1 = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = kb([command] + rest)
    TIMES["total (in process)"] = time.process_time() - t1
    print(json.dumps({"rc": rc, "times": dict(sorted(TIMES.items(), key=lambda kv: -kv[1]))},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
