"""The rule registry: every rule has a code, a severity, a one-paragraph doc and a check.

A check is a pure function ``(project, options) -> iterable of Finding``; it never reads
files. Rule families live one module each (``validation``, ``offline``, ``text``...).
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..findings import Finding, Loc


@dataclass(frozen=True)
class Rule:
    """A rule of the registry: code (KB103), name, severity and its one-paragraph doc."""

    code: str
    name: str
    severity: str
    doc: str


@dataclass
class Options:
    """How the checks run: as of which day, strictness, search tests, language, processes."""

    today: dt.date = field(default_factory=dt.date.today)
    strict: bool = False
    search: bool = True  # run the search tests (KB7xx): needs the index built
    lang: str = "es"
    jobs: int = 1  # processes the checks share (engine.analyse forks them before loading; see Shared)


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


# What a forked child leaves out when it loads the content (``load_project(skip=...)``, see Shared):
# parts only a few checks read, which then always run in the parent.
CHILD_SKIPS = frozenset({"offline", "suppressions"})


def reads(*parts: str) -> Callable:
    """Declares that a check reads parts of the project a forked child may leave out
    (``CHILD_SKIPS``): the check then runs in the parent process."""
    def mark(fn: Callable) -> Callable:
        fn.kb_reads = frozenset(parts)
        return fn
    return mark


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


def selected(options: Options) -> list[Callable]:
    """The checks a run with ``options`` makes, in registry order."""
    load_families()
    return [fn for fn in CHECKS if options.search or not fn.__name__.startswith("search")]


def run_checks(project, options: Options, shared: "Shared | None" = None) -> list[Finding]:
    """Every selected check's findings, in registry order. With ``shared`` (forked before the
    content was loaded, see :class:`Shared`) or ``options.jobs > 1`` the checks are shared between
    processes; the findings are the same."""
    fns = selected(options)
    if shared is None and options.jobs > 1:
        shared = Shared(fns, options.jobs, lambda: (project, options))  # the children have the project from the fork
    per_check = shared.run(project, options) if shared is not None else None
    if per_check is None:
        per_check = [list(fn(project, options)) for fn in fns]
    out = [f for found in per_check for f in found]
    seen = {(f.rule, f.loc.path, f.loc.line) for f in out}
    return [f for f in out
            if not (f.rule in SHADOWED_BY and (SHADOWED_BY[f.rule], f.loc.path, f.loc.line) in seen)]


def _encode(files, done: dict) -> bytes:
    """What a child sends the parent: the files it read (``Project.files_read``) and its findings per
    check. ``marshal`` of plain tuples when every finding is a plain Finding (the usual case: marshal
    and its tuples cost less than importing pickle), else pickle."""
    import marshal
    try:
        if all(type(f) is Finding and type(f.loc) is Loc for found in done.values() for f in found):
            return b"m" + marshal.dumps((files, {i: [(f.rule, f.severity, tuple(f.loc), f.message, f.subject)
                                                     for f in found] for i, found in done.items()}))
    except ValueError:  # a value marshal cannot write
        pass
    import pickle
    return b"p" + pickle.dumps((files, done), protocol=pickle.HIGHEST_PROTOCOL)


def _decode(data: bytes) -> tuple:
    if data[:1] == b"m":
        import marshal
        files, done = marshal.loads(data[1:])
        return files, {i: [Finding(rule, sev, Loc(*loc), message, subject) for rule, sev, loc, message, subject in found]
                       for i, found in done.items()}
    import pickle
    return pickle.loads(data[1:])


class Shared:
    """The checks ``fns`` shared by this process and ``jobs - 1`` forked children, each taking the
    next check from a common queue as soon as it is free (heaviest first).

    Checks are pure functions of the loaded project; a child gets it, and the options, from
    ``load()`` (None: the content is unreadable, there is nothing to check). Forked once the
    project is loaded, ``load`` just returns it: the child has it from the fork. Forked before,
    ``load`` loads the same content, so each child loads it itself while this process does the
    same, and the children do not share this process's memory page by page (the copy-on-write a
    child's first touch of a page costs). Loading is deterministic; and a child's results are used
    only if it read the very files this process read (paths, sizes and modification times, in
    order): a file saved in between makes this process run the checks itself.

    :meth:`run` gives the findings per check, in ``fns`` order — the lists a serial run gives — or
    None when the checks must run here serially: no fork on this system, or a child failed (a check
    that raises then raises here, as it would serially). :meth:`close` ends children still at work."""

    def __init__(self, fns: list, jobs: int, load: Callable[[], Optional[tuple]], skips: frozenset = frozenset()):
        import os
        self.fns = fns
        self.children: list = []  # (pid, read end of its results)
        self.queue_r = None
        # checks that read what the children leave out (``skips``, see ``reads``) run here
        self.pinned = [i for i, fn in enumerate(fns) if getattr(fn, "kb_reads", frozenset()) & skips]
        shared = [i for i in range(len(fns)) if i not in self.pinned]
        if not hasattr(os, "fork") or len(shared) < 2 or len(fns) > 255 or jobs < 2:
            return
        queue_r, queue_w = os.pipe()  # one byte per check: reads of one byte from a pipe are atomic
        order = sorted(shared, key=lambda i: (-HEAVY.get(fns[i].__name__, 0), i))
        # The heaviest stays here (the search tests leave the site's search payload here), unless some
        # checks must run here anyway: then this process runs those first and the queue has the rest.
        self.first = None if self.pinned else order[0]
        os.write(queue_w, bytes(order if self.pinned else order[1:]))
        os.close(queue_w)
        os.set_blocking(queue_r, False)
        self.queue_r = queue_r
        for _ in range(min(jobs, len(fns)) - 1):
            result_r, result_w = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(result_r)
                os.close(result_w)
                break
            if pid == 0:  # a child: its share of the checks, sent to the parent; never returns
                self._child(result_r, result_w, load)
            os.close(result_w)
            self.children.append((pid, result_r))

    def _child(self, result_r: int, result_w: int, load) -> None:
        import os
        code = 1
        try:
            os.close(result_r)
            for _, fd in self.children:
                os.close(fd)
            loaded = load()
            done = {} if loaded is None else self._work({}, *loaded)
            data = _encode(None if loaded is None else loaded[0].files_read, done)
            with os.fdopen(result_w, "wb") as fh:
                fh.write(data)
            code = 0
        finally:
            os._exit(code)

    def _work(self, done: dict, project, options: Options) -> dict:
        import os
        while True:
            try:
                b = os.read(self.queue_r, 1)
            except BlockingIOError:
                b = b""
            if not b:
                return done
            done[b[0]] = list(self.fns[b[0]](project, options))

    def run(self, project, options: Options):
        import os
        if self.queue_r is None:
            return None
        fns = self.fns
        try:
            done = {} if self.first is None else {self.first: list(fns[self.first](project, options))}
            for i in self.pinned:
                done[i] = list(fns[i](project, options))
            done = self._work(done, project, options)
        except BaseException:
            self.close()
            raise
        os.close(self.queue_r)
        self.queue_r = None
        failed = False  # with no child, this process took every check from the queue
        for pid, fd in self.children:
            with os.fdopen(fd, "rb") as fh:
                data = fh.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed = True
                continue
            try:
                files, found = _decode(data)
            except Exception:
                failed = True
                continue
            if files != project.files_read:  # a file changed between this process's reading and the child's
                failed = True
                continue
            done.update(found)
        self.children = []
        if failed:
            return None
        return [done[i] if i in done else list(fns[i](project, options)) for i in range(len(fns))]

    def close(self) -> None:
        """End the children still at work (the checks will not run, or one failed here)."""
        import os
        if self.queue_r is not None:
            os.close(self.queue_r)
            self.queue_r = None
        if self.children:
            import signal  # not imported for nothing after every run (0.7 ms)
        for pid, fd in self.children:
            os.close(fd)
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            os.waitpid(pid, 0)
        self.children = []


def explain(code: str) -> Rule | None:
    load_families()
    return RULES.get(code.upper())
