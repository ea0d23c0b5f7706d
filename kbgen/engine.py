"""Load, check, silence: the library call the CLI and the MkDocs plugin share."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field

from .checks import CHILD_SKIPS, Options, Shared, run_checks, selected
from .findings import Finding
from .loaders.content import load_project
from .messages import msg
from .model import Project


@dataclass
class Result:
    """What ``analyse`` gives: the project, its findings, what could not be read, what was silenced."""

    project: Project
    findings: list[Finding]
    unreadable: list[Finding] = field(default_factory=list)
    silenced: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.unreadable) or self.errors > 0 or (strict and self.warnings > 0)

    @property
    def exit_code(self) -> int:
        return 2 if self.unreadable else 0


def apply_suppressions(findings: list[Finding], project: Project, options: Options):
    """Drop findings silenced by a ``kbgen: ignore`` on their line or the line above.

    A suppression without a reason silences nothing and is KB190; an expired one is KB191."""
    kept, silenced, extra = [], [], []
    active = {}
    for s in project.suppressions:
        if not s.reason:
            extra.append(Finding("KB190", "error", s.loc, msg("ignore.no.reason", options.lang, rules=",".join(s.rules))))
            continue
        if s.until and s.until < options.today:
            extra.append(Finding("KB191", "warning", s.loc, msg("ignore.expired", options.lang,
                                                                date=s.until.isoformat())))
            continue
        for line in (s.loc.line, s.loc.line + 1):
            for r in s.rules:
                active[(s.loc.path, line, r)] = s
    for f in findings:
        if (f.loc.path, f.loc.line, f.rule) in active:
            silenced.append(f)
        else:
            kept.append(f)
    return kept + extra, silenced


class _CollectorSpared:
    """Keep Python's cyclic garbage collector off the project while it is loaded and checked.

    Loading builds hundreds of thousands of long-lived objects and no cyclic garbage, and each of
    the collector's passes re-scans all of them: that took half of the loading time and a sixth of
    the checks' at 5,000 FAQs. So the collector is paused while loading (``__enter__``), and once
    the project is loaded it is set aside with whatever else is alive (``loaded``: ``gc.freeze``)
    while the checks run. On the way out everything is handed back to the collector
    (``gc.unfreeze``): nothing is kept from it beyond one ``analyse``, so a long ``kbgen serve``
    still collects its old projects."""

    def __enter__(self) -> "_CollectorSpared":
        self.was_enabled = gc.isenabled()
        gc.disable()
        return self

    def loaded(self) -> None:
        gc.freeze()
        if self.was_enabled:
            gc.enable()

    def __exit__(self, *exc) -> None:
        gc.unfreeze()
        if self.was_enabled:
            gc.enable()


def _load(content_dir: str, options: Options, collector: _CollectorSpared, skip: frozenset = frozenset()):
    """(project, findings, unreadable), the project set aside from the collector (``loaded``) and
    ``options.lang`` the site's language."""
    project, findings, unreadable = load_project(content_dir, skip)
    collector.loaded()
    options.lang = project.site.language
    return project, findings, unreadable


def _load_for_checks(content_dir: str, options: Options, skip: frozenset):
    """In a forked child (checks.Shared): the project and options to check, or None. The project
    stays set aside from the collector while the child checks it (the child ends with os._exit).
    ``skip``: what the child leaves out (the checks that read it stay in the parent)."""
    project, _, unreadable = _load(content_dir, options, _CollectorSpared().__enter__(), skip)
    return None if unreadable else (project, options)


def analyse(content_dir: str, options: Options | None = None) -> Result:
    """Load ``content_dir``, check it, apply the suppressions. With ``options.jobs > 1`` the
    checks are shared with processes forked before loading, each loading the content itself
    (checks.Shared): the findings are the same, sooner."""
    options = options or Options()
    shared = None
    if options.jobs > 1:
        # The children leave out what only a few checks read (CHILD_SKIPS), and those checks run here;
        # not when this process keeps the search tests too (options.search): it is the slower one then.
        skip = frozenset() if options.search else CHILD_SKIPS
        shared = Shared(selected(options), options.jobs, lambda: _load_for_checks(content_dir, options, skip), skip)
    try:
        with _CollectorSpared() as collector:
            project, findings, unreadable = _load(content_dir, options, collector)
            findings = list(findings)
            if not unreadable:
                findings += run_checks(project, options, shared)
    finally:
        if shared is not None:
            shared.close()
    findings, silenced = apply_suppressions(findings, project, options)
    uniq = {(f.rule, f.loc, f.message): f for f in findings}
    ordered = sorted(uniq.values(), key=Finding.sort_key)
    return Result(project, ordered, sorted(unreadable, key=Finding.sort_key), silenced)
