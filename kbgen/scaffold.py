"""``kbgen new faq|policy|store``: start a valid file (or FAQ entry) without remembering its shape.

* ``kbgen new faq --category envios --question "¿Hacéis envíos a Andorra?" [--id ID]`` appends an entry
  to ``faq/envios.yaml`` (the file is created if the category is new): id slugified from the question,
  ``reviewed:`` today, the owner most used in the category, and a PENDIENTE answer (a KB507 warning,
  not an error, so the draft can be previewed). The id may also be given as ``kbgen new faq ID …``.
* ``kbgen new policy SLUG --title TEXT`` creates ``policies/SLUG.md``.
* ``kbgen new store ID --name TEXT`` creates ``stores/ID.yaml`` with a full week to fill in.

It never overwrites a file nor reuses an id. An existing FAQ file is changed by inserting text only
(comments, blank lines, quoting and order stay as they are), and the result is parsed and validated
before it is written. New files start with ``# yaml-language-server: $schema=…`` pointing at
``content/.schema/`` so editors get completion. With a terminal, it asks for what is missing; without
one (CI, scripts) a missing option is a usage error (exit 2).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from typing import Callable, Optional

import yaml

from .text.fold import fold

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
PLACEHOLDER_ANSWER = "PENDIENTE: escribe aquí la respuesta."


class Refused(Exception):
    """The request cannot be done without overwriting or breaking something (exit 1)."""


class Usage(Exception):
    """Something is missing and there is no terminal to ask (exit 2)."""


Ask = Callable[[str, Optional[str]], str]


# ------------------------------------------------------------------ helpers

def slugify(text: str, max_len: int = 60) -> str:
    """``¿Hacéis envíos a Andorra?`` -> ``haceis-envios-a-andorra`` (ñ -> n; at most ``max_len`` characters)."""
    s = fold(text).replace("ñ", "n")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > max_len:
        cut = s[:max_len + 1]
        s = cut[: cut.rfind("-")] if "-" in cut else s[:max_len]
    return s.strip("-")


_PLAIN_BAD_START = tuple("-?:,[]{}#&*!|>'\"%@`")


def yaml_scalar(value: str) -> str:
    """A YAML scalar for ``value``: plain when safe, double-quoted otherwise (always read back as text)."""
    v = str(value)
    plain_ok = (v and v == v.strip() and not v.startswith(_PLAIN_BAD_START) and ": " not in v and " #" not in v
                and "\n" not in v and not v.endswith(":"))
    if plain_ok:
        try:
            plain_ok = yaml.safe_load(v) == v
        except yaml.YAMLError:
            plain_ok = False
    return v if plain_ok else json.dumps(v, ensure_ascii=False)


def _write_new(path: str, text: str) -> None:
    """Create ``path``; fail if it exists (never overwrite, even in a race)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise Refused(f"{_show(path)} already exists; kbgen new never overwrites a file") from None
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _replace(path: str, text: str) -> None:
    tmp = f"{path}.kbgen-new.tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    try:
        os.chmod(tmp, os.stat(path).st_mode & 0o7777)
    except OSError:
        pass
    os.replace(tmp, path)


def _show(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _modeline(content: str, path: str, kind: str) -> str:
    from . import schema
    return schema.modeline(path, schema.ensure_in_content(content, kind))


def _most_common(values) -> Optional[str]:
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def _load(content: str):
    from .loaders.content import load_project
    project, _, _ = load_project(content)
    return project


# ------------------------------------------------------------------ faq

def _find_questions(text: str):
    """(questions node, root node) of a FAQ file, composed with positions; (None, root) if absent."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        return None, None
    if not isinstance(root, yaml.MappingNode):
        raise Refused("the file is not a mapping of keys; fix it first (kbgen check)")
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == "questions":
            return (k, v), root
    return None, root


def entry_text(qid: str, question: str, owner: Optional[str], today: dt.date, dash_col: int) -> list[str]:
    pad = " " * dash_col
    inner = pad + "  "
    lines = [f"{pad}- id: {qid}", f"{inner}q: {yaml_scalar(question)}", f"{inner}a: |",
             f"{inner}  {PLACEHOLDER_ANSWER}", f"{inner}keywords: []", f"{inner}reviewed: {today.isoformat()}"]
    if owner:
        lines.append(f"{inner}owner: {yaml_scalar(owner)}")
    return lines


def insert_entry(text: str, qid: str, question: str, owner: Optional[str], today: dt.date) -> tuple[str, int, Optional[int]]:
    """The FAQ file ``text`` with a new entry at the end of ``questions:``.

    Returns (new text, line of the new entry, index of the one old line that was edited or None).
    Text insertion only: every other existing line is kept as it is, comments included."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    found, _ = _find_questions(text)
    if found is None:  # no questions: key yet
        at = len(lines)
        return "\n".join(lines + ["questions:"] + entry_text(qid, question, owner, today, 2)) + "\n", at + 2, None
    key, node = found
    kl = key.start_mark.line
    edited = None
    if isinstance(node, yaml.ScalarNode) or (isinstance(node, yaml.SequenceNode) and node.flow_style and not node.value):
        # "questions:" with nothing after it, "questions: ~" or "questions: []": the entries go below the key
        if isinstance(node, yaml.ScalarNode) and node.value not in ("", "~", "null", "Null", "NULL"):
            raise Refused("questions: must be a list of entries; fix the file first")
        if node.start_mark.line != kl or node.end_mark.line != kl:
            raise Refused("write questions: on one line of its own first")
        if node.end_mark.column > node.start_mark.column:  # remove "~" / "[]", keep a comment after it
            line = lines[kl]
            rest = line[node.end_mark.column:].strip()
            lines[kl] = line[: node.start_mark.column].rstrip() + (f"  {rest}" if rest else "")
            edited = kl
        lines[kl + 1:kl + 1] = entry_text(qid, question, owner, today, 2)
        return "\n".join(lines) + "\n", kl + 2, edited
    if not isinstance(node, yaml.SequenceNode):
        raise Refused("questions: must be a list of entries; fix the file first")
    if node.flow_style:
        raise Refused("questions: is written as a [flow, list]; write it as a block list (- id: …) first")
    items = node.value
    first = items[0]
    dash = lines[first.start_mark.line].rfind("-", 0, first.start_mark.column)
    dash_col = dash if dash >= 0 else max(first.start_mark.column - 2, 0)
    last = items[-1]
    leaf = _last_leaf(last)  # PyYAML's end marks of collections run past trailing comments: use the last value
    end = leaf.end_mark.line if leaf.end_mark.column > 0 else leaf.end_mark.line - 1
    end = min(end, len(lines) - 1)
    while end > last.start_mark.line and not lines[end].strip():
        end -= 1
    # comments right after the last entry, indented like the entries, stay with it; column-0 ones
    # (a heading for what follows) stay below the new entry
    nxt = end + 1
    while nxt < len(lines) and (not lines[nxt].strip() or (lines[nxt].lstrip().startswith("#") and
                                len(lines[nxt]) - len(lines[nxt].lstrip()) >= max(dash_col, 1))):
        nxt += 1
    while nxt - 1 > end and not lines[nxt - 1].strip():
        nxt -= 1
    blank = len(items) > 1 and any(not lines[it.start_mark.line - 1].strip() for it in items[1:])
    block = ([""] if blank else []) + entry_text(qid, question, owner, today, dash_col)
    lines[nxt:nxt] = block
    return "\n".join(lines) + "\n", nxt + 1 + (1 if blank else 0), None


def _last_leaf(node):
    while True:
        if isinstance(node, yaml.MappingNode) and node.value:
            node = node.value[-1][1]
        elif isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
            node = node.value[-1]
        else:
            return node


def _read_category(text: str, path: str):
    from . import model as m
    from .findings import Findings
    from .loaders.content import validate
    from .loaders.yamlpos import parse_yaml
    out = Findings()
    tree, problems = parse_yaml(text, _show(path))
    cat = validate(m.Category, tree, _show(path), out) if not problems else None
    return cat, [f.message for f in (problems or out.items)]


def _verify_faq(old: str, new: str, path: str, qid: str, edited: Optional[int] = None) -> None:
    """The new file validates, has one more entry, the new one, and keeps every old line in order."""
    before: list = []
    if old:
        cat, why = _read_category(old, path)
        found, _ = _find_questions(old)
        if cat is None and found is not None and isinstance(found[1], yaml.ScalarNode):
            why = []  # "questions:" with nothing yet: the new entry is what makes the file valid
        elif cat is None:
            raise Refused(f"{_show(path)} has errors ({'; '.join(why)}); run kbgen check and fix them first")
        else:
            before = [q.model_dump() for q in cat.questions]
    cat, why = _read_category(new, path)
    if cat is None or [q.model_dump() for q in cat.questions[:-1]] != (before or []) or cat.questions[-1].id != qid:
        raise Refused(f"{_show(path)}: adding the entry would break the file ({'; '.join(why) or 'it does not read back'}); "
                      "nothing was written")
    it = iter(new.split("\n"))
    old_lines = [l for i, l in enumerate(old.rstrip("\n").split("\n")) if i != edited] if old else []
    if not all(any(line == n for n in it) for line in old_lines):
        raise Refused(f"{_show(path)}: adding the entry would change existing lines; nothing was written")


def new_faq(content: str, category: Optional[str], question: Optional[str], qid: Optional[str],
            today: dt.date, ask: Optional[Ask]) -> str:
    project = _load(content)
    cats = {c.slug: c for c in project.categories}
    if not category:
        category = _need(ask, "category", "Category (" + ", ".join(sorted(cats)) + ")",
                         "--category SLUG (one of: " + ", ".join(sorted(cats)) + ")")
    slug = category if category in cats else next(
        (c.slug for c in project.categories if fold(c.title) == fold(category)), slugify(category))
    if not slug:
        raise Usage(f'"{category}" is not a usable category name; use lowercase letters, digits and hyphens')
    if not question:
        question = _need(ask, "question", "Question, as a customer would ask it", '--question "¿…?"')
    question = " ".join(question.split())
    taken = {q.id for q in project.questions()}
    if qid:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", qid):
            raise Usage(f'"{qid}" is not a usable id; write lowercase letters, digits and hyphens (e.g. {slugify(qid) or "envio-andorra"})')
        if qid in taken:
            raise Refused(f'FAQ id "{qid}" is already used; choose another with --id')
    else:
        base = slugify(question) or "pregunta"
        qid, n = base, 2
        while qid in taken:
            qid, n = f"{base}-{n}", n + 1
    cat = cats.get(slug)
    owner = (_most_common(q.owner for q in cat.questions) or cat.owner) if cat else None
    if owner is None and ask is not None:
        owner = ask("Owner (team that keeps this answer true)", _most_common(q.owner for q in project.questions())) or None
    path = os.path.join(content, "faq", f"{slug}.yaml")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            old = fh.read().replace("\r\n", "\n")
        if old.startswith("\ufeff"):
            old = old[1:]
        try:
            new, line, edited = insert_entry(old, qid, question, owner, today)
        except yaml.YAMLError as exc:
            raise Refused(f"{_show(path)} is not valid YAML ({exc.__class__.__name__}); run kbgen check and fix it "
                          "first") from None
        _verify_faq(old, new, path, qid, edited)
        _replace(path, new)
        return f'{_show(path)}:{line}: added FAQ "{qid}" ({_owner_note(owner)}, reviewed {today.isoformat()})'
    title = category if category != slug else slug.replace("-", " ").capitalize()
    if ask is not None and category == slug:
        title = ask("Title of the new category", title) or title
    head = [_modeline(content, path, "faq"), f"category: {yaml_scalar(title)}", "questions:"]
    text = "\n".join(head + entry_text(qid, question, owner, today, 2)) + "\n"
    _verify_faq("", text, path, qid)
    _write_new(path, text)
    return f'{_show(path)}:4: created category "{title}" with FAQ "{qid}" ({_owner_note(owner)})'


def _owner_note(owner: Optional[str]) -> str:
    return f"owner {owner}" if owner else "no owner yet: add owner: (KB502)"


# ------------------------------------------------------------------ policy

def new_policy(content: str, ident: Optional[str], title: Optional[str], today: dt.date, ask: Optional[Ask]) -> str:
    if not title:
        title = _need(ask, "title", "Title of the policy", '--title "Política de …"')
    slug = slugify(ident) if ident else None
    if not slug:
        suggestion = slugify(re.sub(r"^\s*pol[ií]tica\s+de\s+(la\s+|los\s+|las\s+)?", "", title, flags=re.I))
        slug = (ask("Slug (file name, part of the address)", suggestion) if ask else suggestion) or suggestion
        slug = slugify(slug)
    if not slug:
        raise Usage("give the policy a slug: kbgen new policy SLUG --title TEXT")
    path = os.path.join(content, "policies", f"{slug}.md")
    if os.path.exists(path):
        raise Refused(f"{_show(path)} already exists; kbgen new never overwrites a file")
    project = _load(content)
    owner = _most_common(p.meta.owner for p in project.policies)
    if ask is not None:
        owner = ask("Owner (team that keeps this policy true)", owner) or owner
    lines = ["---", _modeline(content, path, "policy"), f"title: {yaml_scalar(title)}",
             'summary: "PENDIENTE: una frase que diga de qué trata la política."', f"reviewed: {today.isoformat()}"]
    if owner:
        lines.append(f"owner: {yaml_scalar(owner)}")
    lines += ["---", "PENDIENTE: escribe aquí el texto de la política. Enlaza otras páginas así:",
              "`[texto](faq:id-de-la-pregunta)`, `[texto](policy:otra-politica)`, `[texto](store:id-de-tienda)`.", "",
              "## Primera sección", "", "PENDIENTE", ""]
    _write_new(path, "\n".join(lines))
    return f'{_show(path)}:1: created policy "{slug}" ({_owner_note(owner)})'


# ------------------------------------------------------------------ store

def new_store(content: str, ident: Optional[str], name: Optional[str], today: dt.date, ask: Optional[Ask]) -> str:
    if not name:
        name = _need(ask, "name", "Store name, as customers know it", '--name "La Tuerca Bilbao"')
    sid = slugify(ident) if ident else None
    if not sid:
        suggestion = slugify(re.sub(r"^\s*la\s+tuerca\s+", "", name, flags=re.I)) or slugify(name)
        sid = slugify((ask("Store id (file name)", suggestion) if ask else suggestion) or suggestion)
    if not sid:
        raise Usage("give the store an id: kbgen new store ID --name TEXT")
    path = os.path.join(content, "stores", f"{sid}.yaml")
    if os.path.exists(path):
        raise Refused(f"{_show(path)} already exists; kbgen new never overwrites a file")
    project = _load(content)
    country = project.site.country or "ES"
    lines = [
        _modeline(content, path, "store"),
        f"name: {yaml_scalar(name)}",
        "address:",
        '  street: "PENDIENTE: calle y número"',
        '  postal_code: "PENDIENTE"',
        '  city: "PENDIENTE"',
        f"  country: {country}",
        "# geo: {lat: 40.4168, lon: -3.7038}      # optional: the map link",
        '# phone: "+34 900 000 000"',
        "# email: tienda@example.com",
        "# notes: Entrada por la calle lateral",
        "hours:                                   # PENDIENTE: check every day before publishing",
        '  mon: ["09:30-14:00", "17:00-20:30"]',
        '  tue: ["09:30-14:00", "17:00-20:30"]',
        '  wed: ["09:30-14:00", "17:00-20:30"]',
        '  thu: ["09:30-14:00", "17:00-20:30"]',
        '  fri: ["09:30-14:00", "17:00-20:30"]',
        '  sat: "10:00-14:00"',
        "  sun: closed",
        "special_hours: []",
        "# special_hours:",
        f"#   - date: {today.year}-12-24",
        '#     hours: "09:30-14:00"',
        "#     note: Nochebuena",
        "public_holidays: closed                  # closed | regular",
        "",
    ]
    _write_new(path, "\n".join(lines))
    return (f'{_show(path)}:1: created store "{sid}"; fill in the address, check the hours, and add the store '
            "to the offline sources (door signs, store-system export)")


# ------------------------------------------------------------------ command line

def _need(ask: Optional[Ask], what: str, prompt: str, flag: str) -> str:
    if ask is None:
        raise Usage(f"the {what} is missing: pass {flag} (no terminal to ask)")
    answer = ask(prompt, None).strip()
    if not answer:
        raise Usage(f"the {what} is missing: pass {flag}")
    return answer


def _tty_ask(prompt: str, default: Optional[str]) -> str:
    shown = f"{prompt} [{default}]: " if default else f"{prompt}: "
    try:
        answer = input(shown).strip()
    except EOFError:
        answer = ""
    return answer or (default or "")


def cli(args, ask: Optional[Ask] = None) -> int:
    if ask is None and sys.stdin is not None and sys.stdin.isatty():
        ask = _tty_ask
    content = getattr(args, "content", "content")
    today = getattr(args, "today", None) or dt.date.today()
    if not os.path.isfile(os.path.join(content, "site.yaml")):
        sys.stderr.write(f"kbgen new: {content}: no site.yaml here; pass --content DIR (the folder with site.yaml)\n")
        return EXIT_USAGE
    try:
        if args.kind == "faq":
            msg = new_faq(content, getattr(args, "category", None), getattr(args, "question", None),
                          getattr(args, "qid", None) or getattr(args, "ident", None), today, ask)
        elif args.kind == "policy":
            msg = new_policy(content, getattr(args, "ident", None), getattr(args, "title", None), today, ask)
        elif args.kind == "store":
            msg = new_store(content, getattr(args, "ident", None), getattr(args, "name", None), today, ask)
        else:
            sys.stderr.write(f"kbgen new: unknown kind {args.kind}; use faq, policy or store\n")
            return EXIT_USAGE
    except Usage as exc:
        sys.stderr.write(f"kbgen new: {exc}\n")
        return EXIT_USAGE
    except Refused as exc:
        sys.stderr.write(f"kbgen new: {exc}\n")
        return EXIT_REFUSED
    sys.stdout.write(msg + "\n")
    sys.stdout.write("next: write the text marked PENDIENTE (a KB507 warning until then), then run kbgen check\n")
    return EXIT_OK
