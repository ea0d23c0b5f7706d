"""The ``kbgen`` command: a thin shell over the library (engine, report, publish)."""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import os
import sys

from .checks import Options, explain
from .engine import analyse
from .loaders.content import UsageError
from .report import FORMATS, render

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date; write YYYY-MM-DD') from None


def _common(p: argparse.ArgumentParser, formats=tuple(FORMATS)) -> None:
    p.add_argument("--content", default="content", help="content folder (default: content)")
    p.add_argument("--format", default="text", choices=formats, help="output format")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p.add_argument("--today", type=_date, default=None, help="the date checks run as of (YYYY-MM-DD)")


def _jobs(p) -> None:
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="processes the checks share (default: the CPUs this process may use, at most 4)")


def default_jobs() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(4, cpus))


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, the parser of that one command (the others' options
    are not built: that took 2 ms of every ``kbgen check``)."""
    ap = argparse.ArgumentParser(prog="kbgen", description="Build and check a help centre from content/.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _commands(sub, only)
    return ap


class _Skipped:
    """Stands for the parser of a command ``parser(only=...)`` leaves out: its options go nowhere."""

    def add_argument(self, *args, **kwargs) -> None:
        pass


def _commands(sub, only: str | None) -> None:
    def add(name: str, help: str):
        return sub.add_parser(name, help=help) if only in (None, name) else _Skipped()

    p = add("check", help="validate content and run every consistency check")
    _common(p)
    p.add_argument("--no-search", action="store_true", help="skip the search tests (KB7xx)")
    _jobs(p)
    p = add("build", help="check, then build the site into site/")
    _jobs(p)
    _common(p)
    p.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    p.add_argument("--site-dir", default=None, help="output folder (default: site_dir of mkdocs.yml, site/)")
    p = add("serve", help="live preview with the findings shown on every page")
    _common(p)
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--dev-addr", default="127.0.0.1:8000")
    p = add("search", help="search the site from the terminal, with the site's ranking")
    _common(p, ("text", "json"))
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p = add("explain", help="what a rule checks, e.g. kbgen explain KB201")
    p.add_argument("rule")
    p.add_argument("--lang", choices=["es", "en"], default=None,
                   help="language of the explanation (default: language: of site.yaml, else es)")
    p.add_argument("--content", default="content", help="content folder whose site.yaml gives the language")
    p = add("schema", help="print the JSON Schema of a content file (or write them all)")
    p.add_argument("kind", nargs="?", default=None)
    p.add_argument("--out", default=None, help="folder to write every schema into")
    p = add("new", help="scaffold a valid faq, policy or store")
    p.add_argument("kind", choices=["faq", "policy", "store"])
    p.add_argument("ident", nargs="?", default=None)
    p.add_argument("--content", default="content")
    p.add_argument("--category")
    p.add_argument("--question")
    p.add_argument("--id", dest="qid")
    p.add_argument("--title")
    p.add_argument("--name")
    p.add_argument("--today", type=_date, default=None)
    p = add("signage", help="printable A4 door signs with each store's hours")
    p.add_argument("store", nargs="?", default=None)
    p.add_argument("--content", default="content")
    p.add_argument("--out", default="signage")
    p.add_argument("--today", type=_date, default=None)
    p = add("review", help="what each owner must re-check, most urgent first")
    p.add_argument("--content", default="content")
    p.add_argument("--owner", default=None)
    p.add_argument("--format", default="text", choices=["text", "markdown", "json"])
    p.add_argument("--today", type=_date, default=None)


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


# What the last command checked, kept referenced: when the ``kbgen`` command ends (``entry``) the
# process exits without freeing it object by object (30 ms of a 5,000-FAQ check); a caller of
# ``main()`` holds at most the last one.
_LAST_RESULT: list = []


def cmd_check(args) -> int:
    opts = Options(today=args.today or dt.date.today(), strict=args.strict, search=not args.no_search,
                   jobs=args.jobs or default_jobs())
    result = analyse(args.content, opts)
    _LAST_RESULT[:] = [result]
    _out(render(result.unreadable + result.findings, args.format))
    if result.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.failed(args.strict) else EXIT_OK


def cmd_build(args) -> int:
    from .publish import publish
    from mkdocs.config import load_config
    from mkdocs.commands.build import build as mk_build
    from mkdocs.exceptions import MkDocsException
    import logging

    today = args.today or dt.date.today()
    if not os.path.exists(args.config):
        sys.stderr.write(f"{args.config}: no such file; run kbgen build where mkdocs.yml is, or pass --config\n")
        return EXIT_USAGE
    result = analyse(args.content, Options(today=today, strict=args.strict, jobs=args.jobs or default_jobs()))
    findings = result.unreadable + result.findings
    if findings:
        sys.stderr.write(render(findings, "text") if args.format == "text" else "")
        if args.format != "text":
            _out(render(findings, args.format))
    if result.unreadable:
        return EXIT_USAGE
    if result.failed(args.strict):
        sys.stderr.write("kbgen: errors found; nothing was built and site/ is unchanged\n")
        return EXIT_FINDINGS
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(today.year, today.month, today.day,
                                                           tzinfo=dt.timezone.utc).timestamp()))
    logging.getLogger("mkdocs").setLevel(logging.ERROR)

    try:  # once: plugins (Material's search among them) are set up on every load
        cfg = load_config(config_file=args.config)
    except MkDocsException as exc:
        sys.stderr.write(f"{args.config}: {exc}\n")
        return EXIT_USAGE
    plugin = cfg.plugins.get("kbgen")
    if plugin is None:
        sys.stderr.write(f"{args.config}: the kbgen plugin is not enabled; add '- kbgen' under plugins:\n")
        return EXIT_USAGE
    site_dir = args.site_dir or cfg.site_dir

    def build(tmp: str) -> None:
        cfg["site_dir"] = tmp
        plugin.preloaded, plugin.today = result, today
        mk_build(cfg)

    # Keep the garbage collector from re-scanning the checked project (and all else alive now) all
    # through the MkDocs build: a tenth of the build at 1,000 FAQs. Handed back to it afterwards.
    gc.freeze()
    try:
        publish(site_dir, build)
    except MkDocsException as exc:
        sys.stderr.write(f"kbgen: the site could not be built ({exc}); site/ is unchanged\n")
        return EXIT_FINDINGS
    finally:
        gc.unfreeze()
    sys.stderr.write(f"kbgen: site built in {os.path.relpath(site_dir)}/\n")
    return EXIT_OK


def cmd_serve(args) -> int:
    os.environ["KBGEN_SERVE"] = "1"
    if args.today:
        os.environ["KBGEN_TODAY"] = args.today.isoformat()

    def hook(cfg):
        plugin = cfg.plugins.get("kbgen")
        if plugin is not None:
            plugin.config.banner = True
            plugin.config.content = os.path.relpath(os.path.abspath(args.content),
                                                    os.path.dirname(os.path.abspath(args.config)))
            cfg.watch.append(os.path.abspath(args.content))
    from . import serving
    return serving.serve(args.config, args.dev_addr, hook)


def cmd_search(args) -> int:
    from .search import load_index, search
    from .search.build import payload_for_project
    result = analyse(args.content, Options(today=args.today or dt.date.today(), search=False))
    if result.unreadable or result.errors:
        sys.stderr.write(render(result.unreadable + [f for f in result.findings if f.severity == "error"], "text"))
        return EXIT_USAGE if result.unreadable else EXIT_FINDINGS
    index = load_index(payload_for_project(result.project))
    hits = search(index, args.query, limit=args.limit)
    if args.format == "json":
        import json  # here, not at the top: only this path needs it
        _out(json.dumps({"results": [{"id": h.id, "title": h.title, "url": h.url, "score": round(h.score, 4)}
                                     for h in hits]}, ensure_ascii=False, indent=2) + "\n")
    else:
        _out("".join(f"{i}. {h.title}  ({h.url})  {h.score:.3f}\n" for i, h in enumerate(hits, 1))
             or "no results\n")
    return EXIT_OK


def cmd_explain(args) -> int:
    from .checks.docs_es import doc_in, severity_in
    from .loaders.content import site_language
    lang = args.lang or site_language(args.content)
    r = explain(args.rule)
    if r is None:
        sys.stderr.write(f'no rule "{args.rule}"; rules look like KB201 (families KB1xx to KB7xx)\n' if lang == "en" else
                         f'no hay ninguna regla "{args.rule}"; las reglas se escriben como KB201 '
                         '(familias KB1xx a KB7xx)\n')
        return EXIT_USAGE
    _out(f"{r.code} {r.name} ({severity_in(r.severity, lang)})\n\n{doc_in(r.code, lang)}\n")
    return EXIT_OK


def _delegate(module: str, func: str):
    def run(args) -> int:
        try:
            mod = importlib.import_module(f"kbgen.{module}")
        except ModuleNotFoundError:
            sys.stderr.write(f"kbgen {args.command}: not available in this version\n")
            return EXIT_USAGE
        return getattr(mod, func)(args)
    return run


COMMANDS = {
    "check": cmd_check, "build": cmd_build, "serve": cmd_serve, "search": cmd_search, "explain": cmd_explain,
    "schema": _delegate("schema", "cli"), "new": _delegate("scaffold", "cli"),
    "signage": _delegate("render.signage", "cli"), "review": _delegate("review", "cli"),
}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        sys.stderr.write(f"kbgen: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    """The ``kbgen`` command: :func:`main`, then out of the process without tearing the interpreter
    down object by object — freeing the loaded project and MkDocs' pages took a second of a
    5,000-FAQ build. Everything is written by then (MkDocs' files are closed, the site swapped
    in); standard output and error are flushed here. ``main()`` called from Python returns."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):  # a closed pipe (``kbgen check | head``): nothing more to say
        pass
    for module in ("regexcache", "codecache"):  # what this run compiled, for the next run
        try:
            importlib.import_module(f"kbgen.{module}").save()
        except Exception:
            pass
    os._exit(code)


if __name__ == "__main__":
    entry()
