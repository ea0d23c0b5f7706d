"""The scale benchmark: one run measures everything issue 9 asks and writes bench/RESULTS.md.

    NO_MKDOCS_2_WARNING=1 python -m bench.run            # ~2 minutes on 2 cores
    python -m bench.run --repeat 5 --profile             # median of 5 runs; cProfile of the 5k build

Measured in one run, each command in its own process (wall time, peak RSS of that process
from ``wait4``):

* ``kbgen check --no-search`` and ``kbgen build`` at 1,000 FAQs / 100 stores and at
  5,000 FAQs / 500 stores (content from ``bench.generate``, same seed);
* the baseline: a hand-made plain Material site of the same 1,000 FAQs — one page per FAQ,
  default navigation (every page in the nav), Material's search plugin — built with
  ``mkdocs build``.

Reported: wall time, peak memory, output size (bytes of every file in site/), the search
payload loaded before the first result (raw and gzip) and the ratios against the targets.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

from .generate import generate

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TODAY = "2026-11-29"
SIZES = [(1000, 100), (5000, 500)]
TARGETS = {
    "time_vs_baseline": 0.10,   # kbgen build @1k <= 10 % of the baseline's time
    "linear": 5.5,              # build @5k <= 5.5 x build @1k
    "output_vs_baseline": 0.03,  # output @5k <= 3 % of 5 x baseline output @1k
    "check_vs_build": 0.20,     # check --no-search <= 20 % of build
    "memory_mb": 1024,          # peak RSS @5k <= 1 GB
}


# ------------------------------------------------------------------------------ measuring
def run(cmd: list[str], cwd: str, label: str, log_dir: str, env: dict | None = None) -> dict:
    """Run ``cmd``; wall time and the peak RSS of that very process (``wait4``)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", **(env or {}))
    out_path = os.path.join(log_dir, f"{label}.log")
    with open(out_path, "wb") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "rc": proc.returncode,
            "cpu": usage.ru_utime + usage.ru_stime, "log": out_path}


def repeat(n: int, cmd, cwd, label, log_dir, ok=(0,), env=None) -> dict:
    return interleaved(n, [(cmd, label)], cwd, log_dir, ok, env)[0]


def interleaved(n: int, cmds: list, cwd, log_dir, ok=(0,), env=None) -> list[dict]:
    """``n`` runs of each (command, label), taken in turns (a, b, a, b…): the machine is shared, and
    a slower minute then weighs on both commands of a ratio alike. The median of each."""
    runs: list[list] = [[] for _ in cmds]
    for i in range(n):
        for (cmd, label), done in zip(cmds, runs):
            r = run(cmd, cwd, f"{label}-{i + 1}", log_dir, env)
            if r["rc"] not in ok:
                with open(r["log"], encoding="utf-8", errors="replace") as fh:
                    tail = fh.read()[-3000:]
                raise SystemExit(f"{' '.join(cmd)} (in {cwd}) exited {r['rc']}:\n{tail}")
            done.append(r)
    return [{"wall": statistics.median(r["wall"] for r in rs), "walls": [r["wall"] for r in rs],
             "rss_mb": max(r["rss_mb"] for r in rs), "cpu": statistics.median(r["cpu"] for r in rs)} for rs in runs]


def tree_size(path: str) -> tuple[int, int]:
    """(bytes, files) of every regular file below ``path``."""
    total = files = 0
    for folder, _, names in os.walk(path):
        for n in names:
            p = os.path.join(folder, n)
            if os.path.isfile(p) and not os.path.islink(p):
                total += os.path.getsize(p)
                files += 1
    return total, files


def gz(path: str) -> int:
    with open(path, "rb") as fh:
        return len(gzip.compress(fh.read(), 9, mtime=0))


def search_payload(site: str) -> dict:
    """What a visitor downloads under site/search/ before seeing the first result.

    Material's front end fetches ``search/search_index.json`` at page load. kbgen's search
    (``kbgen/search/build.py``) keeps the ranking index in that file and the display data in
    shards (``search/kbgen/docs-*.json``), fetched only for the results shown: the first
    result costs the index plus one shard — counted here as the largest shard (worst case)."""
    try:
        from kbgen.search import build as sb
        index_rel, shard_dir = getattr(sb, "INDEX_PATH", "search/search_index.json"), getattr(sb, "SHARD_DIR", "search/kbgen")
    except Exception:  # the search module is not there: Material's own search
        index_rel, shard_dir = "search/search_index.json", "search/kbgen"
    files = []
    root = os.path.join(site, "search")
    for folder, _, names in os.walk(root):
        for n in sorted(names):
            p = os.path.join(folder, n)
            files.append((os.path.relpath(p, site).replace(os.sep, "/"), os.path.getsize(p), gz(p)))
    files.sort()
    index = [f for f in files if f[0] == index_rel]
    shards = [f for f in files if f[0].startswith(shard_dir + "/")]
    first = index + ([max(shards, key=lambda f: f[1])] if shards else [])
    return {"files": files, "first": first, "raw": sum(f[1] for f in first), "gzip": sum(f[2] for f in first),
            "all_raw": sum(f[1] for f in files), "all_gzip": sum(f[2] for f in files), "shards": len(shards)}


# ------------------------------------------------------------------------------ baseline
_SHORT = re.compile(r"\]\((faq|policy|store):([A-Za-z0-9_-]+)\)")


def make_baseline(project_dir: str, out: str) -> int:
    """A plain Material site of the same FAQs, as someone would write it by hand: one page per FAQ
    (docs/<category>/<id>.md), the policies, a home page; default nav; Material's search."""
    from kbgen.loaders.content import load_project
    project, _, unreadable = load_project(os.path.join(project_dir, "content"))
    assert not unreadable, unreadable
    docs = os.path.join(out, "docs")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(docs)
    where = {q.id: q.category for q in project.questions()}

    def links(text: str) -> str:
        def sub(m):
            kind, ident = m.group(1), m.group(2)
            if kind == "faq" and ident in where:
                return f"](../{where[ident]}/{ident}.md)"
            if kind == "policy":
                return f"](../politicas/{ident}.md)"
            return "](../index.md)"
        return _SHORT.sub(sub, text)

    pages = 0
    for c in project.categories:
        os.makedirs(os.path.join(docs, c.slug))
        for qu in c.questions:
            with open(os.path.join(docs, c.slug, f"{qu.id}.md"), "w", encoding="utf-8") as fh:
                fh.write(f"# {project.text('faq.q', qu.id)}\n\n{links(project.text('faq.a', qu.id))}\n")
            pages += 1
    os.makedirs(os.path.join(docs, "politicas"))
    for pol in project.policies:
        with open(os.path.join(docs, "politicas", f"{pol.slug}.md"), "w", encoding="utf-8") as fh:
            fh.write(f"# {pol.title}\n\n{project.text('policy.body', pol.slug)}\n")
        pages += 1
    with open(os.path.join(docs, "index.md"), "w", encoding="utf-8") as fh:
        fh.write(f"# {project.site.name}\n\nPreguntas frecuentes, políticas y contacto.\n")
    with open(os.path.join(out, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        fh.write(f"site_name: {project.site.name}\ntheme:\n  name: material\n  language: es\nplugins:\n  - search\n")
    return pages + 1


# ------------------------------------------------------------------------------ report
def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB" if n >= 1e5 else f"{n / 1e3:,.1f} kB"


def _ratios(res: dict, variant: str | None = None) -> list[tuple]:
    b = res["baseline"]

    def k(n, cmd):
        r = res["kbgen"][n]
        return (r[variant] if variant else r)[cmd]
    return [
        ("kbgen build @1k / baseline build @1k", k(1000, "build")["wall"] / b["build"]["wall"], TARGETS["time_vs_baseline"], "%"),
        ("kbgen build @5k / kbgen build @1k (5× content)", k(5000, "build")["wall"] / k(1000, "build")["wall"], TARGETS["linear"], "×"),
        ("output @5k+500 / (5 × baseline output @1k)", res["kbgen"][5000]["out_bytes"] / (5 * b["out_bytes"]), TARGETS["output_vs_baseline"], "%"),
        ("check --no-search / build @1k", k(1000, "check")["wall"] / k(1000, "build")["wall"], TARGETS["check_vs_build"], "%"),
        ("check --no-search / build @5k", k(5000, "check")["wall"] / k(5000, "build")["wall"], TARGETS["check_vs_build"], "%"),
        ("peak memory @5k (build)", k(5000, "build")["rss_mb"], TARGETS["memory_mb"], "MB"),
        ("peak memory @5k (check)", k(5000, "check")["rss_mb"], TARGETS["memory_mb"], "MB"),
    ]


def _fmt(v, unit):
    return f"{v * 100:.1f} %" if unit == "%" else f"{v:.2f}×" if unit == "×" else f"{v:,.0f} MB"


def write_report(res: dict, path: str) -> None:
    b = res["baseline"]
    nocache = all("nocache" in res["kbgen"][n] for n, _ in SIZES)
    lines = [
        "# kbgen at scale — benchmark results", "",
        f"Measured {res['when']} on {res['machine']} by `python -m bench.run{res['args']}`: every figure "
        f"below comes from that one run. Times are wall-clock, the median of {res['repeat']} run(s) of each "
        "command, each in its own process, `check` and `build` of one size taken in turns; memory is the "
        "peak RSS of that process (`wait4`). "
        f"Load average {res['load'][0][0]:.1f} before, {res['load'][1][0]:.1f} after (the machine is shared).", "",
        "## Targets", "",
        "| ratio | measured | target | |" + (" caches off (`KBGEN_NO_CACHE=1`) | |" if nocache else ""),
        "|---|---:|---:|---|" + ("---:|---|" if nocache else ""),
    ]
    now = _ratios(res)
    later = _ratios(res, "nocache") if nocache else [None] * len(now)
    for (name, v, t, unit), nxt in zip(now, later):
        row = f"| {name} | {_fmt(v, unit)} | ≤ {_fmt(t, unit)} | {'met' if v <= t else '**missed**'} |"
        if nxt:
            row += f" {_fmt(nxt[1], unit)} | {'met' if nxt[1] <= t else '**missed**'} |"
        lines.append(row)
    lines += ["", "## Measurements", "",
              "| run | content | wall time | CPU | peak memory | output | files | search before 1st result (raw / gzip) |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    lines.append(f"| baseline `mkdocs build` (plain Material) | {b['faqs']:,} FAQs = {b['pages']:,} pages | "
                 f"{b['build']['wall']:.1f} s | {b['build']['cpu']:.1f} s | {b['build']['rss_mb']:,.0f} MB | "
                 f"{mb(b['out_bytes'])} | {b['out_files']:,} | {mb(b['search']['raw'])} / {mb(b['search']['gzip'])} |")
    for n, m in SIZES:
        k = res["kbgen"][n]
        for variant in [None] + (["nocache"] if nocache else []):
            for cmd in ("check", "build"):
                r = (k[variant] if variant else k)[cmd]
                label = "`kbgen check --no-search`" if cmd == "check" else "`kbgen build`"
                if variant:
                    label += " *caches off*"
                out = (f"{mb(k['out_bytes'])} | {k['out_files']:,} | {mb(k['search']['raw'])} / {mb(k['search']['gzip'])}"
                       if cmd == "build" and not variant else "— | — | —")
                lines.append(f"| {label} | {n:,} FAQs, {m} stores | {r['wall']:.2f} s | {r['cpu']:.2f} s | "
                             f"{r['rss_mb']:,.0f} MB | {out} |")
    runs = [("baseline", b["build"])] + [(f"{c}@{n // 1000}k", res["kbgen"][n][c]) for n, _ in SIZES for c in ("check", "build")]
    lines += ["", "Every run (wall seconds): " + "; ".join(f"{lbl} {', '.join(f'{w:.2f}' for w in r['walls'])}"
                                                      for lbl, r in runs),
              "", "### Search payload before the first result", "",
              "Material's front end fetches `search/search_index.json` on page load. kbgen keeps only the ranking "
              "index there and fetches the display data of the results it shows from `search/kbgen/docs-*.json` "
              "shards: the first result costs the index plus one shard (counted here as the largest one).", ""]
    for label, s in [("baseline @1k", b["search"])] + [(f"kbgen @{n // 1000}k", res["kbgen"][n]["search"]) for n, _ in SIZES]:
        first = ", ".join(f"`{f}` {mb(r)} ({mb(g)} gzip)" for f, r, g in s["first"]) or "—"
        lines.append(f"- {label}: {first} = **{mb(s['raw'])} ({mb(s['gzip'])} gzip)**; all of search/: "
                     f"{mb(s['all_raw'])} ({mb(s['all_gzip'])} gzip) in {len(s['files'])} files")
    if res.get("profile"):
        lines += ["", "## Where the time goes", "",
                  "CPU seconds per phase at 5,000 FAQs / 500 stores, measured in one process by `python -m bench.phases` "
                  "(timers around each phase; CPU time, so other processes on the machine do not blur it). Phases nest: "
                  "*publish* contains *mkdocs build*, which contains *Markdown -> HTML*, *render pages* and the templates.", ""]
        labels = list(res["profile"])
        phases = []
        for d in res["profile"].values():
            for name in d["times"]:
                if name not in phases:
                    phases.append(name)
        lines += ["| phase | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
        for name in phases:
            vals = [res["profile"][lbl]["times"].get(name) for lbl in labels]
            if max(v or 0 for v in vals) >= 0.05:
                lines.append(f"| {name} | " + " | ".join(f"{v:.2f}" if v is not None else "" for v in vals) + " |")
    if res.get("notes"):
        lines += ["", res["notes"].strip(), ""]
    lines += ["", "## Reproduce", "", "```sh", "pip install -e '.[test]'",
              f"NO_MKDOCS_2_WARNING=1 python -m bench.run{res['args']}     # writes bench/RESULTS.md",
              "# the content alone, at any size, and the time per phase of one command:",
              "python -m bench.generate /tmp/kb5k --faqs 5000 --stores 500",
              "python -m bench.phases /tmp/kb5k build",
              "```", ""]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description="kbgen scale benchmark (issue 9)")
    ap.add_argument("--work", default=os.path.join(HERE, "out"), help="work folder (default bench/out)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each kbgen command (median reported; the machine is shared, so 5)")
    ap.add_argument("--baseline-repeat", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="also the CPU time per phase of check and build at 5k")
    ap.add_argument("--no-cache", action="store_true",
                    help="also measure kbgen with its cache folder switched off (KBGEN_NO_CACHE=1): what a first "
                         "build on a fresh machine costs")
    ap.add_argument("--keep", action="store_true", help="keep the built sites (the baseline's is ~0.4 GB)")
    ap.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--notes", default=os.path.join(HERE, "NOTES.md"),
                    help="Markdown appended under 'Notes' in RESULTS.md (analysis written by hand)")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite RESULTS.md from the last run's results.json (after editing NOTES.md)")
    args = ap.parse_args(argv)
    if args.report_only:
        with open(os.path.join(args.work, "results.json"), encoding="utf-8") as fh:
            res = json.load(fh)
        res["kbgen"] = {int(k): v for k, v in res["kbgen"].items()}
        if args.notes and os.path.exists(args.notes):
            with open(args.notes, encoding="utf-8") as fh:
                res["notes"] = fh.read()
        write_report(res, args.results)
        return 0
    os.makedirs(args.work, exist_ok=True)
    logs = os.path.join(args.work, "logs")
    os.makedirs(logs, exist_ok=True)
    kbgen = [sys.executable, "-m", "kbgen.cli"]
    os.environ["PYTHONPATH"] = REPO + os.pathsep + os.environ.get("PYTHONPATH", "")
    load_before = os.getloadavg()
    res = {"kbgen": {}, "repeat": args.repeat, "when": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
           "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
           "args": "".join(a for a in [f" --repeat {args.repeat}" if args.repeat != 5 else "",
                                       " --profile" if args.profile else "",
                                       " --no-cache" if args.no_cache else ""])}
    # kbgen's own bytecode compiled, as `pip install` does for an installed package (an editable
    # install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every run)
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(REPO, "kbgen")], check=True)
    # kbgen's cache folder (compiled templates, holiday calendars) starts empty: the first run fills it
    cache = os.path.join(args.work, "cache")
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["XDG_CACHE_HOME"] = cache
    for n, m in SIZES:
        proj = os.path.join(args.work, f"kb{n}")
        generate(proj, faqs=n, stores=m, seed=1)
        print(f"[bench] {n} FAQs / {m} stores: check and build, in turns...", flush=True)
        check_cmd = kbgen + ["check", "--no-search", "--today", TODAY]
        build_cmd = kbgen + ["build", "--today", TODAY]
        check, build = interleaved(args.repeat, [(check_cmd, f"check{n}"), (build_cmd, f"build{n}")], proj, logs)
        size, files = tree_size(os.path.join(proj, "site"))
        res["kbgen"][n] = {"check": check, "build": build, "out_bytes": size, "out_files": files,
                           "search": search_payload(os.path.join(proj, "site"))}
        print(f"[bench]   check {check['wall']:.2f} s, build {build['wall']:.2f} s, {mb(size)}", flush=True)
        if args.no_cache:
            off = {"KBGEN_NO_CACHE": "1"}
            ncheck, nbuild = interleaved(args.repeat, [(check_cmd, f"ncheck{n}"), (build_cmd, f"nbuild{n}")], proj, logs,
                                         env=off)
            res["kbgen"][n]["nocache"] = {"check": ncheck, "build": nbuild}
            nc = res["kbgen"][n]["nocache"]
            print(f"[bench]   caches off: check {nc['check']['wall']:.2f} s, build {nc['build']['wall']:.2f} s", flush=True)
        if not args.keep:
            shutil.rmtree(os.path.join(proj, "site"), ignore_errors=True)
    base = os.path.join(args.work, "baseline1000")
    pages = make_baseline(os.path.join(args.work, "kb1000"), base)
    print(f"[bench] baseline: mkdocs build of {pages} pages...", flush=True)
    bb = repeat(args.baseline_repeat, [sys.executable, "-m", "mkdocs", "build", "-q"], base, "baseline", logs)
    size, files = tree_size(os.path.join(base, "site"))
    res["baseline"] = {"build": bb, "faqs": 1000, "pages": pages, "out_bytes": size, "out_files": files,
                       "search": search_payload(os.path.join(base, "site"))}
    print(f"[bench]   baseline {bb['wall']:.1f} s, {mb(size)}", flush=True)
    if not args.keep:
        shutil.rmtree(os.path.join(base, "site"), ignore_errors=True)
    if args.profile:
        proj = os.path.join(args.work, "kb5000")
        res["profile"] = {}
        for label, cmd in [("kbgen build @5k", "build"), ("kbgen check --no-search @5k", "check")]:
            r = subprocess.run([sys.executable, "-m", "bench.phases", proj, cmd],
                               capture_output=True, text=True, cwd=REPO, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            res["profile"][label] = json.loads(r.stdout.strip().splitlines()[-1])
        if not args.keep:
            shutil.rmtree(os.path.join(proj, "site"), ignore_errors=True)
    res["load"] = (load_before, os.getloadavg())
    if args.notes and os.path.exists(args.notes):
        with open(args.notes, encoding="utf-8") as fh:
            res["notes"] = fh.read()
    with open(os.path.join(args.work, "results.json"), "w") as fh:
        json.dump(res, fh, indent=1, default=str)
    write_report(res, args.results)
    print(f"[bench] wrote {os.path.relpath(args.results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
