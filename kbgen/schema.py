"""JSON Schema of every content file, generated from the model, for editors' autocompletion.

``kbgen schema`` lists the kinds, ``kbgen schema faq`` prints one schema, ``kbgen schema --out DIR``
writes them all. The same schemas ship inside the package (``kbgen/schema/*.json``) and ``kbgen new``
copies them into ``content/.schema/`` so that new files can start with
``# yaml-language-server: $schema=../.schema/faq.json`` (VS Code + the YAML extension then completes
keys and underlines unknown ones).

The schemas describe the files as the YAML extension reads them (YAML 1.2: ``13:00`` and
``2026-12-24`` are text, ``true`` is a boolean, ``28012`` a number). kbgen itself reads every
scalar as the text written, so where it accepts text it also accepts a number: the schema never
underlines what ``kbgen check`` accepts, and rejects unknown keys just like KB102.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Any

from . import model as m

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema")
SCHEMA_DIR = ".schema"  # inside the content folder, written by kbgen new / kbgen schema --out

DURATION = {
    "type": "string",
    "pattern": r"^\s*\d+([.,]\d+)?\s*([mhdMHD]|min)?(\s*[-–]\s*\d+([.,]\d+)?\s*([mhdMHD]|min))?\s*$",
    "description": "A duration: 45m, 10h, 3d, or a range such as 48h-72h or 2d-4d.",
    "examples": ["48h-72h", "30d", "10h"],
}

# kind -> (what it describes, where the files are)
KINDS: dict[str, tuple[str, str]] = {
    "site": ("The business: name, language, time zone, country, review intervals.", "site.yaml"),
    "store": ("One physical store: address, contact, weekly hours and special hours.", "stores/<id>.yaml"),
    "contact": ("Contact channels, their hours and promised response times.", "contact.yaml"),
    "operations": ("Operational settings: what the business really does today (open: any key may be added).",
                   "operations.yaml"),
    "promises": ("Advertising promises in circulation (ads, banners, leaflets).", "promises.yaml"),
    "faq": ("One FAQ category and its questions.", "faq/<category>.yaml"),
    "policy": ("The front matter of a policy (between the --- lines).", "policies/<slug>.md"),
    "offline": ("Offline store information transcribed from signs or exported from the store system.",
                "offline/<name>.yaml"),
    "search-tests": ("Customer queries that must find their answer in the top 3.", "search-tests.yaml"),
    "synonyms": ("Search synonyms: a term and the words customers use instead.", "synonyms.yaml"),
}

# hover texts for VS Code, by model class and field
DOCS: dict[str, dict[str, str]] = {
    "Site": {
        "name": "The business name, shown as the site title.",
        "language": "Default language of the site: es or en.",
        "timezone": "IANA time zone (Europe/Madrid, Atlantic/Canary); stores inherit it.",
        "country": "ISO 3166-1 country code: phone numbers and public holidays.",
        "subdivision": "Optional ISO 3166-2 region code (MD, CT, CN...): regional public holidays.",
        "url": "Public address of the help site.",
        "review_every": "How often texts must be re-checked: {default: 180d, <category or policy slug>: 365d}.",
    },
    "Store": {
        "name": "The store's name as customers know it.",
        "address": "Street, postal code and city.",
        "phone": 'Phone number with prefix, in quotes: "+34 910 123 457".',
        "notes": "Optional text shown on the store page (Markdown).",
        "hours": 'Weekly hours: mon-fri: ["09:30-14:00", "17:00-20:30"], sat: "10:00-14:00", sun: closed. '
                 "Every day must be stated.",
        "special_hours": "Exceptions: - date: 2026-12-24 / hours: \"09:30-14:00\" / note: Nochebuena, or "
                         "- dates: 2026-08-10..2026-08-23 / closed: true.",
        "public_holidays": "closed (national and regional holidays) or regular (opens as usual).",
    },
    "Question": {
        "id": "Unique across the site; lowercase letters, digits and hyphens. It is the anchor of the answer.",
        "q": "The question as a customer would ask it.",
        "a": "The answer (Markdown). Link with [texto](faq:<id>), [texto](policy:<slug>), [texto](store:<id>); "
             "reference values with {{ delivery.peninsula }}.",
        "keywords": "Extra search terms customers use.",
        "reviewed": "Date the answer was last checked (YYYY-MM-DD).",
        "owner": "Team or person who keeps this answer true.",
    },
    "Category": {
        "category": "The category title.",
        "owner": "Owner of every question without its own owner.",
        "questions": "The questions of this category.",
    },
    "PolicyMeta": {
        "title": "The policy title.",
        "summary": "One sentence shown under the title and on the home page.",
        "reviewed": "Date the policy was last checked (YYYY-MM-DD).",
        "owner": "Team or person who keeps this policy true.",
    },
    "Promise": {
        "id": "Unique id of the promise.",
        "text": "The promise as published.",
        "published_in": "Where it is published: banner de la web, Google Ads, folleto...",
        "claim": "Optional: the claim written out, {metric: delivery.peninsula, at_most: 24h}.",
        "valid_from": "First day of the campaign (YYYY-MM-DD).",
        "valid_until": "Last day of the campaign (YYYY-MM-DD); after it, delete the promise.",
    },
    "OfflineFile": {
        "source": "What was transcribed: door signs, store system export, phone message...",
        "captured": "Date it was transcribed (YYYY-MM-DD); older than 90 days is stale.",
        "stores": "Per store id (the file name in stores/), what the source says.",
    },
}


# ------------------------------------------------------------------ generation

def _relax(node: Any) -> Any:
    """Text fields also accept numbers (kbgen reads ``28012`` and ``"28012"`` alike); value lists
    include the Spanish words the loader accepts (``public_holidays: cerrado``)."""
    if isinstance(node, dict):
        out = {k: _relax(v) for k, v in node.items()}
        if out.get("enum") == ["closed", "regular"]:
            out["enum"] = ["closed", "regular"] + list(m._HOLIDAY_WORDS)
        if out.get("type") == "string" and not ({"enum", "const", "format", "pattern"} & set(out)):
            out["type"] = ["string", "number"]
        return out
    if isinstance(node, list):
        return [_relax(v) for v in node]
    return node


def _describe(schema: dict) -> dict:
    defs = schema.get("$defs", {})
    targets = dict(defs)
    targets[schema.get("title", "")] = schema
    for name, sub in targets.items():
        for field, text in DOCS.get(name, {}).items():
            prop = sub.get("properties", {}).get(field)
            if prop is not None:
                prop.setdefault("description", text)
    q = defs.get("Question", {}).get("properties", {}).get("id")
    if q is not None:
        q["pattern"] = "^[a-z0-9][a-z0-9-]*$"
    for name in ("SpecialHours",):
        sub = defs.get(name, {}).get("properties", {})
        if "dates" in sub:
            for alt in sub["dates"].get("anyOf", []):
                if alt.get("type") == "string":
                    alt["pattern"] = r"^\d{4}-\d{2}-\d{2}\s*\.\.\s*\d{4}-\d{2}-\d{2}$"
    ch = defs.get("Channel", {}).get("properties", {}).get("response_time")
    if ch is not None:
        ch["anyOf"] = [DURATION, {"type": "null"}]
    return schema


def _model_schema(cls) -> dict:
    return _describe(_relax(cls.model_json_schema(mode="validation")))


def _operations() -> dict:
    dur_map = {"type": "object", "additionalProperties": DURATION}
    scalar = {"type": ["string", "number", "boolean", "null"]}
    return {
        "title": "Operations",
        "type": "object",
        "properties": {
            "delivery": {**dur_map, "description": "Lead time per zone, from order to door (peninsula: 48h-72h)."},
            "order_cutoff": {"type": "string", "pattern": r"^\d{1,2}:\d{2}$",
                             "description": 'Orders confirmed before this time leave the same day: "14:00".'},
            "returns": {
                "type": "object",
                "properties": {
                    "window": {**DURATION, "description": "Days to return an item: 30d."},
                    "free": {"type": ["boolean", "string"], "description": "Whether returns are free."},
                    "refund_within": {**DURATION, "description": "Refund made within: 14d."},
                },
                "additionalProperties": True,
            },
            "first_response": {**dur_map, "description": "Real first-response time per contact channel id."},
            "max_discount": {"type": ["string", "number"], "pattern": r"^\s*\d+([.,]\d+)?\s*%?\s*$",
                             "description": "Largest discount operations will honour: 15%."},
        },
        "additionalProperties": {"anyOf": [scalar, {"type": "object"}, {"type": "array"}]},
        "description": "Any other key may be added and referenced by a promise or {{ key.path }} in a text.",
    }


def _search_tests() -> dict:
    item = _model_schema(m.SearchTest)
    defs = item.pop("$defs", {})
    out = {"title": "SearchTests", "type": "array", "items": item}
    item["properties"]["query"]["description"] = "A query as a customer types it (no accents, typos welcome)."
    item["properties"]["expect"]["description"] = "The FAQ id or policy slug expected in the top 3 results."
    if defs:
        out["$defs"] = defs
    return out


def _synonyms() -> dict:
    return {"title": "Synonyms", "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": ["string", "number"]},
                                     "description": "Words customers use instead of this term."}}


_MODELS = {"site": m.Site, "store": m.Store, "contact": m.Contact, "promises": m.Promises, "faq": m.Category,
           "policy": m.PolicyMeta, "offline": m.OfflineFile}


def generate(kind: str) -> dict:
    """The JSON Schema of one kind of content file, from the model."""
    if kind not in KINDS:
        raise KeyError(kind)
    if kind in _MODELS:
        body = _model_schema(_MODELS[kind])
    elif kind == "operations":
        body = _operations()
    elif kind == "search-tests":
        body = _search_tests()
    else:
        body = _synonyms()
    what, where = KINDS[kind]
    desc = f"{what} File: content/{where}."
    if kind == "operations":
        desc += " " + body["description"]
    body = {k: v for k, v in body.items() if k not in ("title", "description")}
    return {"$schema": DRAFT, "title": f"kbgen {kind}", "description": desc, **body}


def generate_all() -> dict[str, dict]:
    return {k: generate(k) for k in KINDS}


def dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def load(kind: str) -> dict:
    """The schema shipped with the package (generated if the file is missing)."""
    path = os.path.join(SHIPPED, f"{kind}.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    return generate(kind)


def write_all(folder: str, kinds=None) -> list[str]:
    """Write the schemas into ``folder`` (only files whose text changes). Returns the paths written."""
    os.makedirs(folder, exist_ok=True)
    written = []
    for kind in kinds or KINDS:
        path = os.path.join(folder, f"{kind}.json")
        text = dumps(generate(kind))
        try:
            with open(path, encoding="utf-8") as fh:
                if fh.read() == text:
                    continue
        except OSError:
            pass
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
        written.append(path)
    return written


def ensure_in_content(content_dir: str, kind: str) -> str:
    """Make sure ``content/.schema/<kind>.json`` exists and is current; return its path."""
    folder = os.path.join(content_dir, SCHEMA_DIR)
    write_all(folder, [kind])
    return os.path.join(folder, f"{kind}.json")


def modeline(file_path: str, schema_path: str) -> str:
    """The first line of a new YAML file: ``# yaml-language-server: $schema=<relative path>``."""
    rel = os.path.relpath(os.path.abspath(schema_path), os.path.dirname(os.path.abspath(file_path)))
    return f"# yaml-language-server: $schema={rel.replace(os.sep, '/')}"


# ------------------------------------------------------------------ command line

def cli(args) -> int:
    kind = getattr(args, "kind", None)
    out = getattr(args, "out", None)
    if kind is not None and kind not in KINDS:
        sys.stderr.write(f'kbgen schema: no kind "{kind}"; kinds: {", ".join(KINDS)}\n')
        return 2
    if out:
        written = write_all(out, [kind] if kind else None)
        for path in written:
            sys.stderr.write(f"wrote {path}\n")
        if not written:
            sys.stderr.write(f"{out}: schemas already up to date\n")
        return 0
    if kind:
        sys.stdout.write(dumps(generate(kind)))
        return 0
    lines = ["JSON Schemas of the content files (kbgen schema KIND prints one; --out DIR writes them all):", ""]
    width = max(map(len, KINDS))
    for k, (what, where) in KINDS.items():
        lines.append(f"  {k:<{width}}  content/{where:<22} {what}")
    lines += ["", "In VS Code (YAML extension), start a file with", "  # yaml-language-server: $schema=../.schema/faq.json",
              "after kbgen schema --out content/.schema (kbgen new does both)."]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":  # python -m kbgen.schema: regenerate the schemas shipped in the package
    for p in write_all(SHIPPED):
        print("wrote", p)
