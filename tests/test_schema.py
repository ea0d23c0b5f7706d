"""JSON Schemas generated from the model: they accept every bundled content file and reject unknown keys."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from kbgen import schema as S

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


class Yaml12Loader(yaml.SafeLoader):
    """YAML as the VS Code YAML extension reads it (1.2 core schema): 13:00 and 2026-12-24 stay text,
    only true/false are booleans, no sexagesimal numbers."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(regexp), list(first))


def load_yaml(text: str):
    return yaml.load(text, Loader=Yaml12Loader)


def front_matter(text: str):
    assert text.startswith("---\n")
    return load_yaml(text[4:text.index("\n---", 3)])


def bundled_files():
    """(kind, path, data) for every content file of the example."""
    out = [("site", CONTENT / "site.yaml"), ("contact", CONTENT / "contact.yaml"),
           ("operations", CONTENT / "operations.yaml"), ("promises", CONTENT / "promises.yaml"),
           ("search-tests", CONTENT / "search-tests.yaml"), ("synonyms", CONTENT / "synonyms.yaml")]
    out += [("store", p) for p in sorted((CONTENT / "stores").glob("*.yaml"))]
    out += [("faq", p) for p in sorted((CONTENT / "faq").glob("*.yaml"))]
    out += [("offline", p) for p in sorted((CONTENT / "offline").glob("*.yaml"))]
    out += [("policy", p) for p in sorted((CONTENT / "policies").glob("*.md"))]
    return [(k, p) for k, p in out if p.exists()]


def data_of(kind, path):
    text = path.read_text(encoding="utf-8")
    return front_matter(text) if kind == "policy" else load_yaml(text)


def validator(kind):
    sch = S.load(kind)
    jsonschema.Draft202012Validator.check_schema(sch)
    return jsonschema.Draft202012Validator(sch, format_checker=jsonschema.FormatChecker())


def test_every_kind_has_a_bundled_example():
    assert {k for k, _ in bundled_files()} == set(S.KINDS)


@pytest.mark.parametrize("kind, path", bundled_files(), ids=lambda v: str(v).split("content/")[-1])
def test_schema_accepts_bundled_file(kind, path):
    errors = sorted(validator(kind).iter_errors(data_of(kind, path)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


@pytest.mark.parametrize("kind, path, mutate, where", [
    ("store", CONTENT / "stores/madrid-centro.yaml", lambda d: d.__setitem__("adress", "x"), "adress"),
    ("store", CONTENT / "stores/madrid-centro.yaml", lambda d: d["address"].__setitem__("ciudad", "x"), "ciudad"),
    ("site", CONTENT / "site.yaml", lambda d: d.__setitem__("nmae", "x"), "nmae"),
    ("faq", CONTENT / "faq/envios.yaml", lambda d: d["questions"][0].__setitem__("awnser", "x"), "awnser"),
    ("policy", CONTENT / "policies/devoluciones.md", lambda d: d.__setitem__("titel", "x"), "titel"),
    ("promises", CONTENT / "promises.yaml", lambda d: d["promises"][0].__setitem__("valid_til", "x"), "valid_til"),
    ("contact", CONTENT / "contact.yaml", lambda d: d["channels"][0].__setitem__("horas", "x"), "horas"),
    ("offline", CONTENT / "offline/carteles.yaml", lambda d: d.__setitem__("capturado", "x"), "capturado"),
    ("search-tests", CONTENT / "search-tests.yaml", lambda d: d[0].__setitem__("expected", "x"), "expected"),
])
def test_schema_rejects_unknown_key(kind, path, mutate, where):
    data = data_of(kind, path)
    assert not list(validator(kind).iter_errors(data))
    mutate(data)
    errors = list(validator(kind).iter_errors(data))
    assert errors and any(where in e.message for e in errors)


def test_schema_rejects_wrong_values():
    v = validator("contact")
    data = data_of("contact", CONTENT / "contact.yaml")
    data["channels"][0]["kind"] = "telephone"
    assert list(v.iter_errors(data))
    v = validator("faq")
    data = data_of("faq", CONTENT / "faq/envios.yaml")
    data["questions"][0]["id"] = "Plazo Entrega"
    assert list(v.iter_errors(data))
    data = data_of("faq", CONTENT / "faq/envios.yaml")
    del data["questions"][0]["a"]
    assert list(v.iter_errors(data))


def test_whole_file_with_unknown_key_fails_validation(tmp_path):
    text = (CONTENT / "stores/madrid-centro.yaml").read_text(encoding="utf-8").replace("address:", "adress:", 1)
    errors = list(validator("store").iter_errors(load_yaml(text)))
    assert any("adress" in e.message for e in errors) and any("address" in e.message for e in errors)


def test_shipped_schemas_are_current():
    for kind in S.KINDS:
        shipped = json.loads((ROOT / "kbgen" / "schema" / f"{kind}.json").read_text(encoding="utf-8"))
        assert shipped == S.generate(kind), f"kbgen/schema/{kind}.json is stale: run python -m kbgen.schema"


def test_cli_prints_and_writes(tmp_path):
    out = subprocess.run([sys.executable, "-m", "kbgen.cli", "schema", "faq"], capture_output=True, text=True)
    assert out.returncode == 0 and json.loads(out.stdout)["title"] == "kbgen faq"
    out = subprocess.run([sys.executable, "-m", "kbgen.cli", "schema", "--out", str(tmp_path / "s")],
                         capture_output=True, text=True)
    assert out.returncode == 0
    assert sorted(p.stem for p in (tmp_path / "s").glob("*.json")) == sorted(S.KINDS)
    out = subprocess.run([sys.executable, "-m", "kbgen.cli", "schema", "nada"], capture_output=True, text=True)
    assert out.returncode == 2 and "kinds:" in out.stderr
    out = subprocess.run([sys.executable, "-m", "kbgen.cli", "schema"], capture_output=True, text=True)
    assert out.returncode == 0 and "search-tests" in out.stdout


def test_modeline_is_relative(tmp_path):
    line = S.modeline(str(tmp_path / "content/faq/envios.yaml"), str(tmp_path / "content/.schema/faq.json"))
    assert line == "# yaml-language-server: $schema=../.schema/faq.json"


GUIDE_KINDS = {"site.yaml": "site", "contact.yaml": "contact", "operations.yaml": "operations",
               "promises.yaml": "promises", "stores/": "store", "faq/": "faq", "policies/": "policy",
               "offline/*.yaml": "offline", "search-tests.yaml": "search-tests", "synonyms.yaml": "synonyms"}


def guide_examples():
    """(kind, text) of the first code block under each '### `file`' heading of the editor's guide."""
    text = (ROOT / "docs" / "guia-editores.md").read_text(encoding="utf-8")
    out = []
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        head = section.split("\n", 1)[0]
        kind = next((k for key, k in GUIDE_KINDS.items() if f"`{key}" in head), None)
        if kind is None:
            continue
        block = re.search(r"```(\w+)\n(.*?)```", section, re.S)
        out.append((kind, block.group(2)))
    return out


def test_editor_guide_has_a_valid_example_per_content_file():
    examples = guide_examples()
    assert {k for k, _ in examples} == set(S.KINDS)
    for kind, text in examples:
        data = front_matter(text) if kind == "policy" else load_yaml(text)
        errors = list(validator(kind).iter_errors(data))
        assert not errors, (kind, [e.message for e in errors])
