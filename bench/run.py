"""The scale benchmark: one run measures everything issue 9 asks and writes bench/RESULTS.md.

    NO_MKDOCS_2_WARNING=1 python -m bench.run            # ~2 minutes on 2 cores
    python -m bench.run --repeat 3 --profile             # median of 3 runs; cProfile of the 5k build

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
import pstats
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
def run(cmd: list[str], cwd: str, label: str, log_dir: str) -> dict:
    """Run ``cmd``; wall time and the peak RSS of that very process (``wait4``)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    out_path = os.path.join(log_dir, f"{label}.log")
    with open(out_path, "wb") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "rc": proc.returncode,
            "cpu": usage.ru_utime + usage.ru_stime, "log": out_path}


def repeat(n: int, cmd, cwd, label, log_dir, ok=(0,)) -> dict:
    runs = []
    for i in range(n):
        r = run(cmd, cwd, f"{label}-{i + 1}", log_dir)
        if r["rc"] not in ok:
            with open(r["log"], encoding="utf-8", errors="replace") as fh:
                tail = fh.read()[-3000:]
            raise SystemExit(f"{' '.join(cmd)} (in {cwd}) exited {r['rc']}:\n{tail}")
        runs.append(r)
    return {"wall": statistics.median(r["wall"] for r in runs), "walls": [r["wall"] for r in runs],
            "rss_mb": max(r["rss_mb"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs)}


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


# ------------------------------------------------------------------------------ profile
PHASES = [  # (label, function name as pstats shows it: file suffix, function)
    ("load content/ (YAML, validation, references)", "loaders/content.py", "load_project"),
    ("all checks (KB1xx-KB7xx)", "checks/__init__.py", "run_checks"),
    ("render pages to Markdown (kbgen)", "render/pages.py", "render_pages"),
    ("MkDocs: Markdown -> HTML (all pages)", "mkdocs/structure/pages.py", "render"),
    ("MkDocs: theme templates (all pages)", "mkdocs/commands/build.py", "_build_page"),
    ("MkDocs: Material search index (plugin)", "mkdocs/contrib/search/__init__.py", "on_post_build"),
    ("kbgen search payload (on_post_build)", "render/site_extras.py", "write_extras"),
    ("MkDocs: copy static files", "mkdocs/structure/files.py", "copy_static_files"),
    ("publish (swap into site/)", "kbgen/publish.py", "publish"),
]


def profile(cmd: list[str], cwd: str, out_prof: str, log_dir: str) -> dict:
    r = run([sys.executable, "-m", "cProfile", "-o", out_prof] + cmd, cwd, os.path.basename(out_prof), log_dir)
    if r["rc"] != 0:
        raise SystemExit(f"profiling {cmd} failed, see {r['log']}")
    st = pstats.Stats(out_prof)
    total = max(v[3] for v in st.stats.values())  # cumulative time of the outermost call
    phases = []
    for label, suffix, fn in PHASES:
        cum = sum(v[3] for (file, _, name), v in st.stats.items() if name == fn and file.replace(os.sep, "/").endswith(suffix))
        phases.append((label, cum))
    own = sorted(((v[2], f"{os.path.basename(file)}:{line}({name})") for (file, line, name), v in st.stats.items()),
                 reverse=True)[:15]
    return {"total": total, "phases": phases, "top_own": own, "wall": r["wall"]}


# ------------------------------------------------------------------------------ report
def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB" if n >= 1e5 else f"{n / 1e3:,.1f} kB"


def write_report(res: dict, path: str) -> None:
    b, k1, k5 = res["baseline"], res["kbgen"][1000], res["kbgen"][5000]
    ratios = [
        ("kbgen build @1k / baseline build @1k", k1["build"]["wall"] / b["build"]["wall"], "≤", TARGETS["time_vs_baseline"], "%"),
        ("kbgen build @5k / kbgen build @1k (5× content)", k5["build"]["wall"] / k1["build"]["wall"], "≤", TARGETS["linear"], "×"),
        ("output @5k+500 / (5 × baseline output @1k)", k5["out_bytes"] / (5 * b["out_bytes"]), "≤", TARGETS["output_vs_baseline"], "%"),
        ("check --no-search / build @1k", k1["check"]["wall"] / k1["build"]["wall"], "≤", TARGETS["check_vs_build"], "%"),
        ("check --no-search / build @5k", k5["check"]["wall"] / k5["build"]["wall"], "≤", TARGETS["check_vs_build"], "%"),
        ("peak memory @5k (build)", k5["build"]["rss_mb"], "≤", TARGETS["memory_mb"], "MB"),
        ("peak memory @5k (check)", k5["check"]["rss_mb"], "≤", TARGETS["memory_mb"], "MB"),
    ]

    def fmt(v, unit):
        return f"{v * 100:.1f} %" if unit == "%" else f"{v:.2f}×" if unit == "×" else f"{v:,.0f} MB"

    lines = [
        "# kbgen at scale — benchmark results", "",
        f"Measured {res['when']} on {res['machine']} by `python -m bench.run{res['args']}` "
        f"(every figure below comes from that one run; times are the median of {res['repeat']} run(s), "
        "each command in its own process; memory is the peak RSS of that process).", "",
        "## Targets", "",
        "| ratio | measured | target | |", "|---|---:|---:|---|",
    ]
    for name, v, op, t, unit in ratios:
        ok = v <= t
        lines.append(f"| {name} | {fmt(v, unit)} | {op} {fmt(t, unit)} | {'met' if ok else '**MISSED**'} |")
    lines += ["", "## Measurements", "",
              "| run | content | wall time | CPU | peak memory | output | files | search before 1st result (raw / gzip) |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    lines.append(f"| baseline `mkdocs build` (plain Material) | {b['faqs']} FAQs = {b['pages']} pages | "
                 f"{b['build']['wall']:.1f} s | {b['build']['cpu']:.1f} s | {b['build']['rss_mb']:,.0f} MB | "
                 f"{mb(b['out_bytes'])} | {b['out_files']:,} | {mb(b['search']['raw'])} / {mb(b['search']['gzip'])} |")
    for n, m in SIZES:
        k = res["kbgen"][n]
        for cmd in ("check", "build"):
            r = k[cmd]
            label = "`kbgen check --no-search`" if cmd == "check" else "`kbgen build`"
            out = (f"{mb(k['out_bytes'])} | {k['out_files']:,} | {mb(k['search']['raw'])} / {mb(k['search']['gzip'])}"
                   if cmd == "build" else "— | — | —")
            lines.append(f"| {label} | {n:,} FAQs, {m} stores | {r['wall']:.2f} s | {r['cpu']:.2f} s | "
                         f"{r['rss_mb']:,.0f} MB | {out} |")
    lines += ["", "All runs of each command (wall seconds): " + "; ".join(
        f"{lbl} {', '.join(f'{w:.2f}' for w in r['walls'])}" for lbl, r in
        [("baseline", b["build"])] + [(f"{c}@{n // 1000}k", res["kbgen"][n][c]) for n, _ in SIZES for c in ("check", "build")]),
        "", "### Search payload before the first result", "",
        "Material's front end fetches `search/search_index.json` on page load; kbgen's worker then fetches the "
        "display shard (`search/kbgen/docs-*.json`) of the results it shows — counted as the largest shard.", ""]
    for label, s in [("baseline @1k", b["search"])] + [(f"kbgen @{n // 1000}k", res["kbgen"][n]["search"]) for n, _ in SIZES]:
        first = ", ".join(f"`{f}` {mb(r)} ({mb(g)} gz)" for f, r, g in s["first"]) or "—"
        lines.append(f"- {label}: {first}; every file under search/: {mb(s['all_raw'])} ({mb(s['all_gzip'])} gz), "
                     f"{s['shards']} shard(s)")
    if res.get("profile"):
        lines += ["", "## Where the time goes (cProfile)", ""]
        for label, p in res["profile"].items():
            lines += [f"### {label}: {p['total']:.1f} s under the profiler ({p['wall']:.1f} s wall)", "",
                      "| phase | cumulative s | share |", "|---|---:|---:|"]
            for name, cum in p["phases"]:
                if cum:
                    lines.append(f"| {name} | {cum:.2f} | {cum / p['total'] * 100:.0f} % |")
            lines += ["", "Most own time: " + "; ".join(f"{name} {t:.2f} s" for t, name in p["top_own"][:10]), ""]
    if res.get("notes"):
        lines += ["## Notes", "", res["notes"].strip(), ""]
    lines += ["## Reproduce", "", "```sh", "pip install -e '.[test]'",
              f"NO_MKDOCS_2_WARNING=1 python -m bench.run{res['args']}",
              "# the content alone, at any size:",
              "python -m bench.generate /tmp/kb5k --faqs 5000 --stores 500 && cd /tmp/kb5k && "
              f"kbgen check --no-search --today {TODAY}", "```", ""]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description="kbgen scale benchmark (issue 9)")
    ap.add_argument("--work", default=os.path.join(HERE, "out"), help="work folder (default bench/out)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each kbgen command (median reported)")
    ap.add_argument("--baseline-repeat", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="also cProfile check and build at 5k")
    ap.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--notes", default=os.path.join(HERE, "NOTES.md"),
                    help="Markdown appended under 'Notes' in RESULTS.md (analysis written by hand)")
    args = ap.parse_args(argv)
    os.makedirs(args.work, exist_ok=True)
    logs = os.path.join(args.work, "logs")
    os.makedirs(logs, exist_ok=True)
    kbgen = [sys.executable, "-m", "kbgen.cli"]
    res = {"kbgen": {}, "repeat": args.repeat, "when": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
           "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
           "args": "".join(a for a in [f" --repeat {args.repeat}" if args.repeat != 3 else "",
                                       " --profile" if args.profile else ""])}
    for n, m in SIZES:
        proj = os.path.join(args.work, f"kb{n}")
        generate(proj, faqs=n, stores=m, seed=1)
        print(f"[bench] {n} FAQs / {m} stores: check...", flush=True)
        check = repeat(args.repeat, kbgen + ["check", "--no-search", "--today", TODAY], proj, f"check{n}", logs)
        print(f"[bench] {n} FAQs / {m} stores: build...", flush=True)
        build = repeat(args.repeat, kbgen + ["build", "--today", TODAY], proj, f"build{n}", logs)
        size, files = tree_size(os.path.join(proj, "site"))
        res["kbgen"][n] = {"check": check, "build": build, "out_bytes": size, "out_files": files,
                           "search": search_payload(os.path.join(proj, "site"))}
        print(f"[bench]   check {check['wall']:.2f} s, build {build['wall']:.2f} s, {mb(size)}", flush=True)
    base = os.path.join(args.work, "baseline1000")
    pages = make_baseline(os.path.join(args.work, "kb1000"), base)
    print(f"[bench] baseline: mkdocs build of {pages} pages...", flush=True)
    bb = repeat(args.baseline_repeat, [sys.executable, "-m", "mkdocs", "build", "-q"], base, "baseline", logs)
    size, files = tree_size(os.path.join(base, "site"))
    res["baseline"] = {"build": bb, "faqs": 1000, "pages": pages, "out_bytes": size, "out_files": files,
                       "search": search_payload(os.path.join(base, "site"))}
    print(f"[bench]   baseline {bb['wall']:.1f} s, {mb(size)}", flush=True)
    if args.profile:
        proj = os.path.join(args.work, "kb5000")
        res["profile"] = {
            "kbgen build @5k": profile(["-m", "kbgen.cli", "build", "--today", TODAY], proj,
                                       os.path.join(args.work, "build5000.prof"), logs),
            "kbgen check --no-search @5k": profile(["-m", "kbgen.cli", "check", "--no-search", "--today", TODAY], proj,
                                                   os.path.join(args.work, "check5000.prof"), logs),
        }
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
