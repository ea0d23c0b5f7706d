"""Findings out: text for people, JSON for tools, GitHub annotations, SARIF 2.1.0."""
from __future__ import annotations

import os
from urllib.parse import quote

from . import __version__
from .checks import RULES, load_families
from .findings import Finding


def _subject_json(f: Finding) -> dict:
    return {"rule": f.rule, "severity": f.severity, "path": f.path, "line": f.line, "column": f.column,
            "message": f.message, "subject": f.subject}


def summary(findings: list[Finding]) -> dict:
    return {"errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings),
            "infos": sum(f.severity == "info" for f in findings)}


def as_text(findings: list[Finding]) -> str:
    lines = [f"{f.loc}: {f.rule} {f.severity}: {f.message}" for f in findings]
    s = summary(findings)
    if findings:
        lines.append(f"{s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} note(s)")
    else:
        lines.append("no findings: the content is consistent")
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding]) -> str:
    s = summary(findings)
    import json  # here, not at the top: only this path needs it
    return json.dumps({"findings": [_subject_json(f) for f in findings],
                       "summary": {"errors": s["errors"], "warnings": s["warnings"]}},
                      ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    load_families()
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in findings:
        rule = RULES.get(f.rule)
        title = f"{f.rule} {rule.name}" if rule else f.rule
        props = f"file={_gh_escape(f.path, True)},line={f.line},col={f.column},title={_gh_escape(title, True)}"
        out.append(f"::{level[f.severity]} {props}::{_gh_escape(f.message)}")
    return "\n".join(out) + ("\n" if out else "")


def as_sarif(findings: list[Finding]) -> str:
    load_families()
    rules = sorted(RULES.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    level = {"error": "error", "warning": "warning", "info": "note"}
    results = []
    for f in findings:
        res = {"ruleId": f.rule, "level": level[f.severity], "message": {"text": f.message},
               "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(f.path.replace(os.sep, "/"))},
                                                   "region": {"startLine": f.line, "startColumn": f.column}}}]}
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        if f.subject:
            res["properties"] = {"subject": f.subject}
        results.append(res)
    doc = {
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "kbgen", "version": __version__, "informationUri": "https://github.com/kbgen/kbgen",
                "rules": [{"id": r.code, "name": r.name, "shortDescription": {"text": r.name.replace("-", " ")},
                           "fullDescription": {"text": r.doc},
                           "defaultConfiguration": {"level": level.get(r.severity, "error")}} for r in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    import json  # here, not at the top: only this path needs it
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "sarif": as_sarif}


def render(findings: list[Finding], fmt: str) -> str:
    return FORMATS[fmt](findings)
