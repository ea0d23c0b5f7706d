"""The rule registry: every rule has a code, a severity, a one-paragraph doc and a check.

A check is a pure function ``(project, options) -> iterable of Finding``; it never reads
files. Rule families live one module each (``validation``, ``offline``, ``text``...).
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..findings import Finding


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    doc: str


@dataclass
class Options:
    today: dt.date = field(default_factory=dt.date.today)
    strict: bool = False
    search: bool = True  # run the search tests (KB7xx): needs the index built
    lang: str = "es"
    jobs: int = 1  # processes the checks share (forked once the content is loaded; see run_checks)


RULES: dict[str, Rule] = {}
CHECKS: list[Callable] = []
FAMILIES = ("validation", "offline", "text", "promises", "freshness", "structure", "findability")


def rule(code: str, name: str, doc: str, severity: str = "error") -> Rule:
    r = Rule(code, name, severity, " ".join(doc.split()))
    RULES[code] = r
    return r


def check(fn: Callable) -> Callable:
    CHECKS.append(fn)
    return fn


def load_families() -> None:
    for fam in FAMILIES:
        try:
            importlib.import_module(f"{__name__}.{fam}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{fam}":
                raise


# Two families can see the same sentence: an opening-hours statement in site text is both a
# KB304 (text vs the stores' data) and a KB407 (opening promise). Report it once, as the first.
SHADOWED_BY = {"KB407": "KB304"}


# What each check costs, roughly (CPU at 5,000 FAQs, bench/RESULTS.md): shared checks start with
# the heaviest, so that no process is left with a long one at the end. Only the order changes.
HEAVY = {"search_tests": 70, "promises_vs_operations": 19, "structure_duplicates": 16, "text_vs_data": 14,
         "offline_vs_online": 10, "freshness_placeholders": 5, "structure_links": 4}


def run_checks(project, options: Options) -> list[Finding]:
    load_families()
    fns = [fn for fn in CHECKS if options.search or not fn.__name__.startswith("search")]
    per_check = _run_shared(fns, project, options) if options.jobs > 1 else None
    if per_check is None:
        per_check = [list(fn(project, options)) for fn in fns]
    out = [f for found in per_check for f in found]
    seen = {(f.rule, f.loc.path, f.loc.line) for f in out}
    return [f for f in out
            if not (f.rule in SHADOWED_BY and (SHADOWED_BY[f.rule], f.loc.path, f.loc.line) in seen)]


def _run_shared(fns: list, project, options: Options):
    """The checks shared by this process and ``options.jobs - 1`` forked children, each taking
    the next check from a common queue as soon as it is free; the findings per check, in ``fns``
    order — the lists a serial run gives. Checks are pure functions of the loaded project, which
    the children have from the fork. None when the checks must run here serially (no fork on
    this system, or a child failed: a check that raises then raises here, as it would serially)."""
    import os
    import pickle
    if not hasattr(os, "fork") or len(fns) < 2 or len(fns) > 255:
        return None
    queue_r, queue_w = os.pipe()  # one byte per check: reads of one byte from a pipe are atomic
    order = sorted(range(len(fns)), key=lambda i: (-HEAVY.get(fns[i].__name__, 0), i))
    os.write(queue_w, bytes(order[1:]))
    os.close(queue_w)
    os.set_blocking(queue_r, False)
    first = order[0]  # the heaviest stays here: the search tests leave the site's search payload here

    def work(done: dict) -> dict:
        while True:
            try:
                b = os.read(queue_r, 1)
            except BlockingIOError:
                b = b""
            if not b:
                return done
            done[b[0]] = list(fns[b[0]](project, options))

    children = []  # (pid, read end of its results)
    for _ in range(min(options.jobs, len(fns)) - 1):
        result_r, result_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(result_r)
            os.close(result_w)
            break
        if pid == 0:  # a child: its share of the checks, pickled to the parent; never returns
            code = 1
            try:
                os.close(result_r)
                for _, fd in children:
                    os.close(fd)
                data = pickle.dumps(work({}), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(result_w, "wb") as fh:
                    fh.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(result_w)
        children.append((pid, result_r))
    try:
        done = work({first: list(fns[first](project, options))})
    except BaseException:
        for pid, fd in children:  # a closed pipe ends a child still writing; then reap it
            os.close(fd)
            os.waitpid(pid, 0)
        raise
    finally:
        os.close(queue_r)
    failed = False  # with no child, this process took every check from the queue
    for pid, fd in children:
        with os.fdopen(fd, "rb") as fh:
            data = fh.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed = True
            continue
        try:
            done.update(pickle.loads(data))
        except Exception:
            failed = True
    if failed:
        return None
    return [done[i] if i in done else list(fns[i](project, options)) for i in range(len(fns))]


def explain(code: str) -> Rule | None:
    load_families()
    return RULES.get(code.upper())
