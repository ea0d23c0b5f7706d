"""Issue 3, reporting: text, json, github workflow commands and SARIF 2.1.0 (validated against the
schema shipped in tests/data), messages in the site's language, kbgen explain."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from kbgen.checks import RULES, load_families
from kbgen.cli import main
from kbgen.findings import Finding, Loc
from kbgen.report import as_github, as_json, as_sarif, as_text

from conftest import TODAY
from corpus import load, plant

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# ::error file=…,line=…,col=…,title=…::message — properties escape % \r \n : , and the message % \r \n
_PROP_VALUE = r"(?:[^%:,\r\n]|%25|%0D|%0A|%3A|%2C)*"
GITHUB_LINE = re.compile(
    r"^::(?:error|warning|notice) "
    rf"file={_PROP_VALUE},line=[1-9]\d*,col=[1-9]\d*,title={_PROP_VALUE}"
    r"::(?:[^%\r\n]|%25|%0D|%0A)*$")

AWKWARD = [
    Finding("KB201", "error", Loc("content/offline/carteles.yaml", 14, 7),
            "La Tuerca Madrid Centro, sábado: la tienda anuncia 10:00–14:00, la web dice cerrado "
            "(content/stores/madrid-centro.yaml:16:8)", "madrid-centro"),
    Finding("KB209", "warning", Loc("content/offline/a,b:c.yaml", 3, 1), "100% ilegible\nsegunda línea\r", "x"),
    Finding("KB304", "info", Loc("content/faq/envíos.yaml", 2, 9), "nota :: con dos puntos", "plazo"),
]


def _format_checker() -> jsonschema.FormatChecker:
    fc = jsonschema.FormatChecker()

    @fc.checks("uri")
    def _uri(value):  # an absolute URI: scheme and no spaces
        return isinstance(value, str) and bool(urlsplit(value).scheme) and not re.search(r"\s", value)

    @fc.checks("uri-reference")
    def _uri_reference(value):  # relative or absolute, percent-encoded (no spaces, no raw non-ASCII)
        return isinstance(value, str) and value.isascii() and not re.search(r"\s", value)

    return fc


def validate_sarif(doc: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=_format_checker()).validate(doc)


def test_schema_is_a_valid_draft7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert "subset" in SCHEMA["$comment"].lower()


def test_schema_rejects_what_sarif_rejects():
    good = json.loads(as_sarif(AWKWARD))
    validate_sarif(good)
    for breaks in (lambda d: d.pop("version"),
                   lambda d: d.update(version="2.0.0"),
                   lambda d: d["runs"][0]["tool"]["driver"].pop("name"),
                   lambda d: d["runs"][0]["results"][0].update(level="fatal"),
                   lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(startLine=0),
                   lambda d: d["runs"][0]["results"][0].update(message={}),
                   lambda d: d["runs"][0]["tool"]["driver"]["rules"][0].pop("id"),
                   lambda d: d["runs"][0]["results"][0].update(unknown=1)):
        bad = json.loads(json.dumps(good))
        breaks(bad)
        with pytest.raises(jsonschema.ValidationError):
            validate_sarif(bad)


def test_github_lines_are_workflow_commands():
    out = as_github(AWKWARD)
    lines = out.splitlines()
    assert len(lines) == len(AWKWARD)
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert lines[0].startswith("::error file=content/offline/carteles.yaml,line=14,col=7,title=KB201 ")
    assert "file=content/offline/a%2Cb%3Ac.yaml" in lines[1] and "100%25 ilegible%0Asegunda línea%0D" in lines[1]
    assert lines[1].startswith("::warning ") and lines[2].startswith("::notice ")


def test_sarif_has_one_rule_per_rule_with_its_doc():
    load_families()
    doc = json.loads(as_sarif(AWKWARD))
    validate_sarif(doc)
    driver = doc["runs"][0]["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(RULES) and len(ids) == len(set(ids))
    for r in driver["rules"]:
        assert r["fullDescription"]["text"] == RULES[r["id"]].doc and r["shortDescription"]["text"]
    for code in ("KB201", "KB202", "KB203", "KB204", "KB205", "KB206", "KB207", "KB208", "KB209", "KB210",
                 "KB301", "KB302", "KB303", "KB304", "KB305"):
        assert code in ids
    results = doc["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    for res, f in zip(results, AWKWARD):
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"] == f.rule
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
        assert res["properties"]["subject"] == f.subject
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "content/faq/env%C3%ADos.yaml"


def test_text_and_json_formats():
    text = as_text(AWKWARD)
    assert text.splitlines()[0] == ("content/offline/carteles.yaml:14:7: KB201 error: La Tuerca Madrid Centro, "
                                    "sábado: la tienda anuncia 10:00–14:00, la web dice cerrado "
                                    "(content/stores/madrid-centro.yaml:16:8)")
    data = json.loads(as_json(AWKWARD))
    assert data["summary"] == {"errors": 1, "warnings": 1}
    assert data["findings"][0] == {"rule": "KB201", "severity": "error", "path": "content/offline/carteles.yaml",
                                   "line": 14, "column": 7, "message": AWKWARD[0].message, "subject": "madrid-centro"}
    assert as_github([]) == "" and json.loads(as_sarif([]))["runs"][0]["results"] == []


@pytest.fixture
def planted(project):
    """The example content with three planted differences (KB201, KB204 on a sign, KB301 in an FAQ)."""
    by_id = {e["id"]: e for e in load("differences.yaml")}
    for ident in ("sign-saturday-afternoon", "csv-phone", "faq-phone-typo"):
        plant(project / "content", by_id[ident])
    return project / "content"


def _check(capsys, content, *args) -> tuple[int, str]:
    code = main(["check", "--content", str(content), "--today", TODAY, "--no-search", *args])
    return code, capsys.readouterr().out


def test_cli_github_format(planted, capsys):
    code, out = _check(capsys, planted, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) >= 3
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert any(",title=KB201 " in line and "carteles.yaml" in line for line in lines)
    assert any(",title=KB301 " in line for line in lines)


def test_cli_sarif_format_validates(planted, capsys):
    code, out = _check(capsys, planted, "--format", "sarif")
    assert code == 1
    doc = json.loads(out)
    validate_sarif(doc)
    rules = {r["ruleId"] for r in doc["runs"][0]["results"]}
    assert {"KB201", "KB204", "KB301"} <= rules


def test_cli_sarif_of_clean_content_validates(project, capsys):
    code, out = _check(capsys, project / "content", "--format", "sarif")
    assert code == 0
    doc = json.loads(out)
    validate_sarif(doc)
    assert doc["runs"][0]["results"] == []


def test_cli_json_has_subjects(planted, capsys):
    code, out = _check(capsys, planted, "--format", "json")
    data = json.loads(out)
    subjects = {(f["rule"], f["subject"]) for f in data["findings"]}
    assert {("KB201", "madrid-centro"), ("KB204", "valencia-ruzafa"), ("KB301", "horario-telefono")} <= subjects


def test_messages_follow_the_site_language(planted, capsys):
    site = planted / "site.yaml"
    _, es = _check(capsys, planted)
    assert "la tienda anuncia 10:00–14:00 y 17:00–20:00, la web dice 10:00–14:00" in es
    assert "no es de ninguna tienda ni canal de contacto" in es
    site.write_text(site.read_text(encoding="utf-8").replace("language: es", "language: en"), encoding="utf-8")
    _, en = _check(capsys, planted)
    assert "La Tuerca Madrid Centro, Saturday: the store shows 10:00–14:00 and 17:00–20:00, " \
           "the website says 10:00–14:00" in en
    assert "the store system says +34 963 41 57 92" in en
    assert "belongs to no store and no contact channel" in en
    assert "la web dice" not in en


@pytest.mark.parametrize("code", ["KB201", "KB203", "KB208", "KB209", "KB301", "KB304", "KB305"])
def test_explain_prints_the_rule_doc(code, capsys):
    from kbgen.checks.docs_es import DOCS_ES
    assert main(["explain", code, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    load_families()
    assert code in out and RULES[code].doc[:60] in " ".join(out.split())
    assert main(["explain", code]) == 0  # the example content's site is in Spanish
    out = capsys.readouterr().out
    assert code in out and " ".join(DOCS_ES[code].split())[:60] in " ".join(out.split())
