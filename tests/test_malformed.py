"""Issue 9: no input crashes kbgen. A corpus of malformed content — YAML syntax errors, tabs, BOM,
CRLF, bad encodings, duplicate keys, alias bombs, huge and empty files, folders and pipes and
links where files belong, broken CSV and front matter, wrong types in every field of every
file kind. For each: ``kbgen check`` names the file with ``path:line:col``, exits 1 or 2 in
bounded time without a traceback, and ``kbgen build`` leaves the previous site/ byte-identical.

The hand-written cases run in child processes (a crash or a hang cannot take the test run
down; each is killed after a timeout), two at a time. The wrong-type cases are generated from
the files of a valid project and run in this process (faster), bounded by an alarm.
"""
from __future__ import annotations

import os
import re
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest
import yaml

from malformed.support import (copy_project, findings, leftovers, make_base, old_site, run_child,
                               run_inprocess, tree_hash)

TIMEOUT = 90  # seconds per case (both commands); generous for a loaded CI machine


@dataclass
class Expect:
    path: str                 # the file the message must name (a prefix ending in "/" = any file below)
    line: Optional[int] = None
    rule: Optional[str] = None
    exits: tuple = (1, 2)
    text: Optional[str] = None  # a piece of the message


@dataclass
class Case:
    name: str
    mutate: Callable[[Path], Expect]
    skip: Optional[str] = None
    timeout: float = TIMEOUT
    bug: Optional[str] = None  # a known bug elsewhere: the case is expected to fail until it is fixed


CASES: list[Case] = []


def case(name: str, skip: Optional[str] = None, timeout: float = TIMEOUT, bug: Optional[str] = None):
    def register(fn):
        CASES.append(Case(name, fn, skip, timeout, bug))
        return fn
    return register


# ------------------------------------------------------------------ helpers on a project
def c(project: Path, rel: str) -> Path:
    return project / "content" / rel


def read(project: Path, rel: str) -> str:
    return c(project, rel).read_text(encoding="utf-8")


def write(project: Path, rel: str, text: str) -> None:
    c(project, rel).write_text(text, encoding="utf-8", newline="")


def first(project: Path, folder: str, ext: str = ".yaml") -> str:
    return f"{folder}/" + sorted(n for n in os.listdir(c(project, folder)) if n.endswith(ext))[0]


def line_of(text: str, needle: str, start: int = 1) -> int:
    for i, line in enumerate(text.split("\n"), 1):
        if i >= start and needle in line:
            return i
    raise AssertionError(f"{needle!r} not found")


def replace_line(project: Path, rel: str, needle: str, new: str) -> int:
    """Replace the first line containing ``needle`` by ``new``; its line number."""
    text = read(project, rel)
    lines = text.split("\n")
    n = line_of(text, needle)
    lines[n - 1] = new
    write(project, rel, "\n".join(lines))
    return n


def insert_after(project: Path, rel: str, needle: str, new: str) -> int:
    """Insert ``new`` after the first line containing ``needle``; the new line's number."""
    text = read(project, rel)
    lines = text.split("\n")
    n = line_of(text, needle)
    lines.insert(n, new)
    write(project, rel, "\n".join(lines))
    return n + 1


def p(rel: str) -> str:
    return f"content/{rel}"


FAQ = "faq/envios.yaml"


# ------------------------------------------------------------------ YAML syntax
@case("yaml-unclosed-quote")
def _(pr):
    replace_line(pr, FAQ, 'q: "¿Cuánto tarda', '    q: "¿Cuánto tarda en llegar mi pedido?')
    return Expect(p(FAQ), rule="KB100")


@case("yaml-bad-indentation")
def _(pr):
    n = replace_line(pr, FAQ, "reviewed:", "   reviewed: 2026-10-01")
    return Expect(p(FAQ), line=n, rule="KB100")


@case("yaml-tab-indentation")
def _(pr):
    st = first(pr, "stores")
    n = replace_line(pr, st, "  street:", '\tstreet: "Calle Mayor 1"')
    return Expect(p(st), line=n, rule="KB100", text="tabuladores")


@case("yaml-unclosed-flow-sequence")
def _(pr):
    n = replace_line(pr, "site.yaml", "country:", "country: [ES")
    return Expect(p("site.yaml"), rule="KB100")


@case("yaml-colon-in-plain-value")
def _(pr):
    n = replace_line(pr, "contact.yaml", "label: Atención al cliente", "    label: Atención: cliente")
    return Expect(p("contact.yaml"), line=n, rule="KB100")


@case("yaml-unclosed-flow-mapping")
def _(pr):
    write(pr, "operations.yaml", "delivery: {peninsula: 48h, baleares: 3d-5d\n" + read(pr, "operations.yaml").split("\n", 4)[4])
    return Expect(p("operations.yaml"), rule="KB100")


@case("yaml-list-item-misplaced")
def _(pr):
    insert_after(pr, "promises.yaml", "text:", " - id: suelto")
    return Expect(p("promises.yaml"), rule="KB100")


@case("yaml-search-tests-dedent")
def _(pr):
    replace_line(pr, "search-tests.yaml", "expect:", "expect: plazo-entrega")
    return Expect(p("search-tests.yaml"), rule="KB100")


@case("yaml-synonyms-unclosed")
def _(pr):
    write(pr, "synonyms.yaml", read(pr, "synonyms.yaml") + "broca: [taladro, mecha\n")
    return Expect(p("synonyms.yaml"), rule="KB100")


@case("yaml-offline-unclosed-quote")
def _(pr):
    replace_line(pr, "offline/carteles.yaml", "phone:", '    phone: "916 93')
    return Expect(p("offline/carteles.yaml"), rule="KB100")


@case("yaml-front-matter-syntax")
def _(pr):
    n = replace_line(pr, "policies/garantia.md", "title:", 'title: "Garantía')
    return Expect(p("policies/garantia.md"), rule="KB100")


@case("yaml-two-documents")
def _(pr):
    st = first(pr, "stores")
    write(pr, st, read(pr, st) + "---\nname: Otra tienda\n")
    return Expect(p(st), rule="KB100")


@case("yaml-control-character")
def _(pr):
    n = replace_line(pr, FAQ, "El transportista puede", "      El transportista\x07 puede cobrarte el IGIC.")
    return Expect(p(FAQ), line=n, rule="KB100")


@case("nul-byte")
def _(pr):
    write(pr, FAQ, read(pr, FAQ).replace("Sí, enviamos", "Sí,\x00 enviamos", 1))
    return Expect(p(FAQ), rule="KB100")


MARKER = "/tmp/kbgen-malformed-python-tag-ran"


@case("yaml-python-object-tag")
def _(pr):
    if os.path.exists(MARKER):
        os.remove(MARKER)
    n = replace_line(pr, "site.yaml", "name:", f'name: !!python/object/apply:os.system ["touch {MARKER}"]')
    return Expect(p("site.yaml"), line=n, rule="KB109")


# ------------------------------------------------------------------ encodings and line ends
def _dup_name(pr, rel: str) -> int:
    return insert_after(pr, rel, "name:", 'name: "Nombre repetido"')


@case("bom-then-duplicate-key")
def _(pr):
    st = first(pr, "stores")
    n = _dup_name(pr, st)
    c(pr, st).write_bytes(b"\xef\xbb\xbf" + c(pr, st).read_bytes())
    return Expect(p(st), line=n, rule="KB107")


@case("crlf-then-duplicate-key")
def _(pr):
    st = first(pr, "stores")
    n = _dup_name(pr, st)
    c(pr, st).write_bytes(c(pr, st).read_bytes().replace(b"\n", b"\r\n"))
    return Expect(p(st), line=n, rule="KB107")


@case("cr-only-then-duplicate-key")
def _(pr):
    st = first(pr, "stores")
    n = _dup_name(pr, st)
    c(pr, st).write_bytes(c(pr, st).read_bytes().replace(b"\n", b"\r"))
    return Expect(p(st), line=n, rule="KB107")


@case("latin-1-file")
def _(pr):
    text = read(pr, FAQ)
    c(pr, FAQ).write_bytes(text.encode("latin-1"))
    i = next(i for i, ch in enumerate(text) if ord(ch) > 127)
    line = text[:i].count("\n") + 1
    return Expect(p(FAQ), line=line, rule="KB100", text="UTF-8")


@case("utf-16-file")
def _(pr):
    c(pr, FAQ).write_bytes(read(pr, FAQ).encode("utf-16"))
    return Expect(p(FAQ), rule="KB100")


@case("truncated-utf-8")
def _(pr):
    data = read(pr, FAQ).encode("utf-8")
    c(pr, FAQ).write_bytes(data + "ñ".encode("utf-8")[:1])
    return Expect(p(FAQ), line=data.count(b"\n") + 1, rule="KB100")


@case("windows-1252-csv")
def _(pr):
    rel = "offline/sistema-tiendas.csv"
    c(pr, rel).write_bytes((read(pr, rel) + "x,Ferretería «Nueva»,,,,,,,,,,\n").encode("cp1252"))
    return Expect(p(rel), rule="KB100")


# ------------------------------------------------------------------ duplicate keys
@case("duplicate-top-level-key")
def _(pr):
    st = first(pr, "stores")
    return Expect(p(st), line=_dup_name(pr, st), rule="KB107")


@case("duplicate-day-in-hours")
def _(pr):
    st = first(pr, "stores")
    lines = read(pr, st).split("\n")
    start = lines.index("hours:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("  "))
    last = lines[end - 1]  # the last day key, written again first: the second one is the duplicate
    insert_after(pr, st, "hours:", last)
    return Expect(p(st), line=end + 1, rule="KB107")


@case("duplicate-key-in-question")
def _(pr):
    n = insert_after(pr, FAQ, "owner: logistica", "    owner: tiendas")
    return Expect(p(FAQ), line=n, rule="KB107")


@case("duplicate-key-in-front-matter")
def _(pr):
    n = insert_after(pr, "policies/garantia.md", "title:", 'title: "Otra"')
    return Expect(p("policies/garantia.md"), line=n, rule="KB107")


@case("duplicate-key-in-offline-record")
def _(pr):
    n = insert_after(pr, "offline/carteles.yaml", "    phone:", '    phone: "900 000 000"')
    return Expect(p("offline/carteles.yaml"), line=n, rule="KB107")


@case("duplicate-key-in-channel")
def _(pr):
    n = insert_after(pr, "contact.yaml", "id: telefono", "    id: telefono2")
    return Expect(p("contact.yaml"), line=n, rule="KB107")


# ------------------------------------------------------------------ bombs, depth, size
@case("alias-bomb")
def _(pr):
    lines = ['a0: &a0 ["ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    write(pr, FAQ, "\n".join(lines) + "\ncategory: Bomba\nquestions: []\n")
    return Expect(p(FAQ), rule="KB100", text="anclas y alias")


@case("recursive-alias")
def _(pr):
    st = first(pr, "stores")
    write(pr, st, read(pr, st).replace("hours:\n", "hours: &h\n  loop: *h\n", 1))
    return Expect(p(st), rule="KB100")


@case("merge-key-bomb")
def _(pr):
    lines = ["b0: &b0 {x0: 1, x1: 1, x2: 1, x3: 1, x4: 1, x5: 1, x6: 1, x7: 1}"]
    for i in range(1, 7):
        lines.append(f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 12) + "]")
    lines.append("b7: {<<: [" + ", ".join(["*b6"] * 12) + "]}")
    write(pr, FAQ, "\n".join(lines) + "\n")
    return Expect(p(FAQ), rule="KB100")


@case("deep-nesting")
def _(pr):
    write(pr, FAQ, "category: " + "[" * 100_000 + "]" * 100_000 + "\n")
    return Expect(p(FAQ), rule="KB100")


@case("file-of-20-mb")
def _(pr):
    with open(c(pr, "faq/enorme.yaml"), "w", encoding="utf-8") as fh:
        fh.write("category: Enorme\nquestions:\n")
        row = "  - {id: x, q: '¿Pregunta?', a: 'Respuesta larga de relleno para llegar a veinte megas.'}\n"
        fh.write(row * (20 * 1024 * 1024 // len(row) + 1))
    return Expect(p("faq/enorme.yaml"), rule="KB100", text="20 MB")


@case("answer-of-300-kb-on-one-line")
def _(pr):
    words = "Puedes devolver el taladro en cualquier tienda con el tique de compra y te devolvemos el dinero "
    write(pr, FAQ, read(pr, FAQ).replace("Sí, enviamos a todas las islas", words * 3000, 1))
    return _site_typo(pr)


@case("unclosed-reference-with-20000-spaces", timeout=30)
def _(pr):
    # at the end of the answer, with no brace after it: the worst case for a backtracking pattern
    write(pr, FAQ, read(pr, FAQ).replace("al entregarlo.", "al entregarlo. {{ " + " " * 20000 + "x", 1))
    return _site_typo(pr)


@case("many-open-braces")
def _(pr):
    write(pr, FAQ, read(pr, FAQ).replace("Sí, enviamos", "Sí, " + "{{" * 50000 + " enviamos", 1))
    return _site_typo(pr)


def _site_typo(pr) -> Expect:
    """An error in another file, so that the FAQ file still loads and its text reaches every check."""
    n = insert_after(pr, "site.yaml", "country:", "colour: azul")
    return Expect(p("site.yaml"), line=n, rule="KB102")


def _repeated(pr, unit: str, times: int = 4000) -> Expect:
    """A pasted paragraph that repeats one pattern (24 KB): every check must stay fast on it."""
    write(pr, FAQ, read(pr, FAQ).replace("al entregarlo.", "al entregarlo. " + (unit * times).replace('"', '\\"'), 1))
    return _site_typo(pr)


@case("repeated-day-names", timeout=60)
def _(pr):
    return _repeated(pr, "lunes ")


@case("repeated-link-brackets", timeout=60)
def _(pr):
    return _repeated(pr, "[x](")


@case("repeated-hour-ranges", timeout=60)
def _(pr):
    return _repeated(pr, "9 a ")


# ------------------------------------------------------------------ empty files
@case("empty-site-yaml")
def _(pr):
    write(pr, "site.yaml", "")
    return Expect(p("site.yaml"), line=1, rule="KB101")


@case("comments-only-faq")
def _(pr):
    write(pr, FAQ, "# pendiente de escribir\n\n")
    return Expect(p(FAQ), rule="KB101")


@case("empty-store")
def _(pr):
    st = first(pr, "stores")
    write(pr, st, "")
    return Expect(p(st), rule="KB101")


@case("empty-contact-breaks-references")
def _(pr):
    write(pr, "contact.yaml", "")
    return Expect("content/faq/", rule="KB108")


@case("empty-operations-breaks-references")
def _(pr):
    write(pr, "operations.yaml", "   \n")
    return Expect("content/", rule="KB108")


@case("empty-policy")
def _(pr):
    write(pr, "policies/garantia.md", "")
    return Expect(p("policies/garantia.md"), rule="KB101")


@case("empty-offline-yaml")
def _(pr):
    write(pr, "offline/carteles.yaml", "")
    return Expect(p("offline/carteles.yaml"), rule="KB101")


@case("empty-csv")
def _(pr):
    write(pr, "offline/sistema-tiendas.csv", "")
    return Expect(p("offline/sistema-tiendas.csv"), line=1, rule="KB101")


# ------------------------------------------------------------------ the file system
@case("folder-named-site-yaml")
def _(pr):
    c(pr, "site.yaml").unlink()
    c(pr, "site.yaml").mkdir()
    return Expect(p("site.yaml"), exits=(2,), rule="KB100", text="carpeta")


@case("folder-named-like-a-faq-file")
def _(pr):
    c(pr, "faq/carpeta.yaml").mkdir()
    return Expect(p("faq/carpeta.yaml"), exits=(2,), rule="KB100", text="carpeta")


@case("file-where-faq-folder-belongs")
def _(pr):
    import shutil
    shutil.rmtree(c(pr, "faq"))
    write(pr, "faq", "category: Envíos\n")
    return Expect(p("faq"), exits=(2,), rule="KB100", text="carpeta")


@case("file-where-offline-folder-belongs")
def _(pr):
    import shutil
    shutil.rmtree(c(pr, "offline"))
    write(pr, "offline", "")
    return Expect(p("offline"), exits=(2,), rule="KB100")


@case("symlink-loop")
def _(pr):
    os.symlink("bucle.yaml", c(pr, "faq/bucle.yaml"))
    return Expect(p("faq/bucle.yaml"), exits=(2,), rule="KB100")


@case("symlink-loop-between-two-files")
def _(pr):
    os.symlink("b.yaml", c(pr, "stores/a.yaml"))
    os.symlink("a.yaml", c(pr, "stores/b.yaml"))
    return Expect(p("stores/a.yaml"), exits=(2,), rule="KB100")


@case("broken-symlink")
def _(pr):
    os.symlink("no-existe.yaml", c(pr, "faq/roto.yaml"))
    return Expect(p("faq/roto.yaml"), exits=(2,), rule="KB100")


@case("named-pipe")
def _(pr):
    os.mkfifo(c(pr, "faq/tuberia.yaml"))
    return Expect(p("faq/tuberia.yaml"), exits=(2,), rule="KB100", text="archivo normal")


@case("link-to-dev-zero")
def _(pr):
    os.symlink("/dev/zero", c(pr, "faq/cero.yaml"))
    return Expect(p("faq/cero.yaml"), exits=(2,), rule="KB100")


@case("read-error")
def _(pr):
    # As root, chmod 000 does not stop reading: a link to /proc/self/mem opens but fails with EIO
    # at the first read — a file that exists and cannot be read, whoever runs the tests.
    os.symlink("/proc/self/mem", c(pr, "faq/ilegible.yaml"))
    return Expect(p("faq/ilegible.yaml"), exits=(2,), rule="KB100", text="no se puede leer")


@case("permission-denied", skip="root reads a chmod 000 file anyway; see read-error" if os.geteuid() == 0 else None)
def _(pr):
    os.chmod(c(pr, FAQ), 0)
    return Expect(p(FAQ), exits=(2,), rule="KB100", text="no se puede leer")


# ------------------------------------------------------------------ CSV
CSV = "offline/sistema-tiendas.csv"


def _csv_rows(pr):
    return read(pr, CSV).rstrip("\n").split("\n")


@case("csv-missing-cells")
def _(pr):
    rows = _csv_rows(pr)
    rows[3] = ",".join(rows[3].split(",")[:5])
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), line=4, rule="KB109")


@case("csv-extra-cells")
def _(pr):
    rows = _csv_rows(pr)
    rows[3] += ",sobra,otra"
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), line=4, rule="KB109")


@case("csv-unknown-column")
def _(pr):
    rows = _csv_rows(pr)
    rows[2] += ",fax"
    rows[3:] = [r + "," for r in rows[3:]]
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), line=3, rule="KB102")


@case("csv-semicolons")
def _(pr):
    write(pr, CSV, "\n".join(r.replace(",", ";") for r in _csv_rows(pr)) + "\n")
    return Expect(p(CSV), line=3, rule="KB102")


@case("csv-quoted-newline-then-bad-row")
def _(pr):
    import csv
    import io
    rows = _csv_rows(pr)
    cells = next(csv.reader([rows[3]]))
    cells[2] = "Calle Mayor 1,\nbajo, 28001 Madrid"  # a quoted cell over two physical lines
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    rows[3] = buf.getvalue().rstrip("\n")
    rows[4] += ",sobra"  # the next row, now on line 6, has a cell too many
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), line=6, rule="KB109")


@case("csv-unterminated-quote")
def _(pr):
    rows = _csv_rows(pr)
    rows[3] = rows[3].replace('"', "", 1)[:-1] + ',"sin cerrar'
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), rule="KB100")


@case("csv-header-without-store")
def _(pr):
    rows = _csv_rows(pr)
    rows[2] = rows[2].replace("store,", "tienda,", 1)
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), line=3, rule="KB102")


@case("csv-empty-store-cell")
def _(pr):
    rows = _csv_rows(pr)
    rows[3] = "," + rows[3].split(",", 1)[1]
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), line=4, rule="KB101")


@case("csv-field-of-200-kb")
def _(pr):
    rows = _csv_rows(pr)
    cells = rows[3].split(",")
    rows[3] = ",".join([cells[0], '"' + "x" * 200_000 + '"'] + cells[2:])
    write(pr, CSV, "\n".join(rows) + "\n")
    return Expect(p(CSV), rule="KB100")


@case("csv-bom-then-unknown-column")
def _(pr):
    rows = _csv_rows(pr)
    rows[2] = rows[2].replace("email", "correo")
    c(pr, CSV).write_bytes(b"\xef\xbb\xbf" + ("\n".join(rows) + "\n").encode("utf-8"))
    return Expect(p(CSV), line=3, rule="KB102")


# ------------------------------------------------------------------ front matter
POL = "policies/garantia.md"


@case("front-matter-never-closed")
def _(pr):
    write(pr, POL, read(pr, POL).replace("\n---\n", "\n\n", 1))
    return Expect(p(POL), line=1, rule="KB100", text="no se cierra")


@case("front-matter-only-opening-line")
def _(pr):
    write(pr, POL, "---\n")
    return Expect(p(POL), line=1, rule="KB100")


@case("front-matter-is-a-list")
def _(pr):
    body = read(pr, POL).split("\n---\n", 1)[1]
    write(pr, POL, "---\n- title\n- resumen\n---\n" + body)
    return Expect(p(POL), rule="KB109")


@case("front-matter-missing")
def _(pr):
    write(pr, POL, read(pr, POL).split("\n---\n", 1)[1])
    return Expect(p(POL), rule="KB101")


@case("front-matter-tab")
def _(pr):
    n = replace_line(pr, POL, "owner:", "owner:\n\tnombre: atencion")
    return Expect(p(POL), line=n + 1, rule="KB100")


@case("front-matter-title-is-a-list")
def _(pr):
    n = replace_line(pr, POL, "title:", "title: [Garantía, legal]")
    return Expect(p(POL), line=n, rule="KB109")


# ------------------------------------------------------------------ values that cannot be
@case("hour-25")
def _(pr):
    st = first(pr, "stores")
    lines = read(pr, st).split("\n")
    start = lines.index("hours:")
    line = next(l for l in lines[start + 1:] if l.startswith("  ") and re.search(r"\d\d:\d\d-", l))
    n = replace_line(pr, st, line, line.split(":")[0] + ': "09:00-25:00"')
    return Expect(p(st), line=n, rule="KB103")


@case("overlapping-intervals")
def _(pr):
    st = first(pr, "stores")
    line = next(l for l in read(pr, st).split("\n") if l.startswith("  sat:") or l.startswith("  sáb:"))
    n = replace_line(pr, st, line, line.split(":")[0] + ': ["09:00-14:00", "13:00-20:00"]')
    return Expect(p(st), line=n, rule="KB104")


@case("missing-day")
def _(pr):
    st = first(pr, "stores")
    line = next(l for l in read(pr, st).split("\n") if l.startswith(("  sun:", "  dom:", "  sat-sun:", "  mon-sun:")))
    replace_line(pr, st, line, "")
    return Expect(p(st), rule="KB105")


@case("unknown-reference")
def _(pr):
    write(pr, FAQ, read(pr, FAQ).replace("{{ delivery.canarias }}", "{{ delivery.canaria }}", 1))
    return Expect(p(FAQ), rule="KB108", text="delivery.canarias")


@case("duplicate-faq-id-across-files")
def _(pr):
    write(pr, "faq/pedidos.yaml", read(pr, "faq/pedidos.yaml").replace("id: seguimiento-pedido", "id: plazo-entrega", 1))
    return Expect(p("faq/pedidos.yaml"), rule="KB106")


@case("latitude-200")
def _(pr):
    st = first(pr, "stores")
    n = replace_line(pr, st, "geo:", "geo: {lat: 200, lon: -3.7}")
    return Expect(p(st), line=n, rule="KB109")


@case("february-30")
def _(pr):
    st = first(pr, "stores")
    n = replace_line(pr, st, "  - date: 2026-12-24", "  - date: 2027-02-30")
    return Expect(p(st), line=n)


@case("date-range-reversed")
def _(pr):
    st = first(pr, "stores")
    n = replace_line(pr, st, "  - date: 2026-12-24", "  - dates: 2027-01-10..2027-01-02")
    return Expect(p(st), line=n, rule="KB110")


# ------------------------------------------------------------------ running them
@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return make_base(tmp_path_factory.mktemp("base"))


@pytest.fixture(scope="module")
def results(base, tmp_path_factory):
    """Every hand-written case, prepared and run (two at a time)."""
    root = tmp_path_factory.mktemp("cases")
    prepared = {}
    for cs in CASES:
        if cs.skip:
            continue
        proj = copy_project(base, root / cs.name)
        before = old_site(proj)
        expect = cs.mutate(proj)
        prepared[cs.name] = (proj, before, expect)
    with ThreadPoolExecutor(max_workers=2) as pool:
        timeouts = {cs.name: cs.timeout for cs in CASES}
        futures = {name: pool.submit(run_child, proj, ("check", "build"), timeouts[name])
                   for name, (proj, _, _) in prepared.items()}
        out = {name: (prepared[name], f.result()) for name, f in futures.items()}
    yield out
    for proj, _, _ in prepared.values():  # no pipes or links to devices left behind for other tools to trip on
        for dirpath, dirnames, filenames in os.walk(proj):
            for n in filenames + dirnames:
                q = os.path.join(dirpath, n)
                if os.path.islink(q) or (os.path.exists(q) and stat.S_ISFIFO(os.lstat(q).st_mode)):
                    os.unlink(q)
        os.chmod(proj, 0o755)


def test_base_project_is_clean(base, tmp_path):
    """The generated project the cases start from passes (so each case's findings are its own)."""
    proj = copy_project(base, tmp_path / "p")
    rc, out, err = run_inprocess(proj, "check")
    assert rc == 0, out
    assert not [f for f in findings(out) if f["sev"] == "error"], out


def test_generated_content_at_scale_is_clean(tmp_path):
    """bench/generate.py makes consistent content at any size (the benchmark relies on it): no error
    from any check, search tests included, at 400 FAQs and 40 stores."""
    proj = make_base(tmp_path / "g", faqs=400, stores=40, seed=1)
    rc, out, err = run_inprocess(proj, "check", seconds=300)
    errors = [f for f in findings(out) if f["sev"] == "error"]
    assert rc == 0 and not errors, "\n".join(f"{f['path']}:{f['line']}: {f['rule']} {f['msg'][:200]}" for f in errors[:10])


def test_corpus_is_large_enough():
    assert len(CASES) >= 60


def _matches(expect: Expect, f: dict) -> bool:
    path_ok = f["path"].startswith(expect.path) if expect.path.endswith("/") else f["path"] == expect.path
    return (path_ok and (expect.line is None or int(f["line"]) == expect.line)
            and (expect.rule is None or f["rule"] == expect.rule)
            and (expect.text is None or expect.text.lower() in f["msg"].lower()))


@pytest.mark.parametrize("name", [pytest.param(cs.name, marks=pytest.mark.xfail(reason=cs.bug, strict=True))
                                  if cs.bug else cs.name for cs in CASES])
def test_malformed_input(name, results):
    cs = next(x for x in CASES if x.name == name)
    if cs.skip:
        pytest.skip(cs.skip)
    (proj, before, expect), res = results[name]
    proc = res["_proc"]
    assert proc["rc"] is not None, f"kbgen did not finish in {cs.timeout:.0f} s"
    assert "Traceback" not in proc["stderr"], proc["stderr"][-3000:]
    assert proc["rc"] == 0, f"the child process died ({proc['rc']}): {proc['stderr'][-2000:]}"
    check, build = res["check"], res["build"]
    for r in (check, build):
        assert "Traceback" not in r["out"] + r["err"], r["out"] + r["err"]
    assert check["rc"] in expect.exits, check["out"] + check["err"]
    found = findings(check["out"])
    assert any(_matches(expect, f) for f in found), (
        f"expected {expect} in:\n" + (check["out"] + check["err"])[-3000:])
    assert build["rc"] in (1, 2), build["err"][-2000:]
    assert tree_hash(proj / "site") == before, "kbgen build changed the previous site/"
    assert not leftovers(proj)
    if name == "yaml-python-object-tag":
        assert not os.path.exists(MARKER), "a YAML tag ran code"


# ------------------------------------------------------------------ wrong types, every field
def _plain(path: Path):
    """The file as plain data, every scalar as the text written (kbgen's own reading)."""
    from kbgen.loaders.yamlpos import parse_yaml, to_plain
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        fm, body = text[4:].split("\n---\n", 1)
        tree, _ = parse_yaml(fm, str(path))
        return to_plain(tree), body
    tree, _ = parse_yaml(text, str(path))
    return to_plain(tree), None


def _paths(data, prefix=(), depth=0):
    """Every key path (the first item of each list only) below ``data``."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,), depth + 1)
    elif isinstance(data, list) and data:
        yield prefix + (0,)
        yield from _paths(data[0], prefix + (0,), depth + 1)


def _wrong(value):
    """A value of another shape: a mapping for text, text for a list, a list for a mapping."""
    if isinstance(value, dict):
        return ["uno", "dos"]
    if isinstance(value, list):
        return "texto"
    return {"clave": ["valor"]}


def _set(data, path, value):
    import copy
    data = copy.deepcopy(data)
    cur = data
    for step in path[:-1]:
        cur = cur[step]
    cur[path[-1]] = value
    return data


FILE_KINDS = ["site.yaml", "contact.yaml", "promises.yaml", "stores/*", FAQ, POL, "offline/carteles.yaml",
              "search-tests.yaml"]


def _wrong_type_cases(base: Path):
    out = []
    for kind in FILE_KINDS:
        rel = first(base, "stores") if kind == "stores/*" else kind
        data, body = _plain(c(base, rel))
        if rel == "contact.yaml":
            data = {**data, "channels": data["channels"][:2]}
        if rel == FAQ:
            data = {**data, "questions": data["questions"][:1]}
        for path in _paths(data):
            out.append((rel, path, data, body))
    return out


@pytest.fixture(scope="module")
def wrong_type_cases(base):
    return _wrong_type_cases(base)


def test_wrong_types_in_every_field(base, wrong_type_cases, tmp_path):
    """A value of the wrong shape in each field of each file kind: a positioned error, no traceback,
    and a build that leaves the previous site/ alone."""
    from kbgen.loaders.yamlpos import locate, parse_yaml
    proj = copy_project(base, tmp_path / "p")
    before = old_site(proj)
    assert len(wrong_type_cases) >= 60
    problems = []
    for rel, path, data, body in wrong_type_cases:
        target = c(proj, rel)
        original = target.read_bytes()
        doc = yaml.safe_dump(_set(data, path, _wrong(_get(data, path))), allow_unicode=True, sort_keys=False)
        target.write_text(f"---\n{doc}---\n{body}" if body is not None else doc, encoding="utf-8")
        try:
            rc, out, err = run_inprocess(proj, "check")
            found = [f for f in findings(out) if f["path"] == f"content/{rel}" and f["sev"] == "error"]
            tree, _ = parse_yaml(doc, rel)
            shift = 1 if body is not None else 0
            want = {locate(tree, path).line + shift, locate(tree, path, key=True).line + shift}
            if rc not in (1, 2) or not found:
                problems.append(f"{rel} {'.'.join(map(str, path))}: exit {rc}, no error in this file:\n{out[-800:]}")
            elif not any(int(f["line"]) in want for f in found):
                problems.append(f"{rel} {'.'.join(map(str, path))}: error not on line {sorted(want)}: "
                                + "; ".join(f"{f['line']}:{f['col']} {f['rule']} {f['msg'][:80]}" for f in found))
            brc, _, berr = run_inprocess(proj, "build")
            if brc not in (1, 2):
                problems.append(f"{rel} {'.'.join(map(str, path))}: build exited {brc}")
            if tree_hash(proj / "site") != before or leftovers(proj):
                problems.append(f"{rel} {'.'.join(map(str, path))}: build touched site/")
                break
        finally:
            target.write_bytes(original)
    assert not problems, f"{len(problems)} of {len(wrong_type_cases)} wrong-type cases failed:\n" + "\n".join(problems)


def _get(data, path):
    cur = data
    for step in path:
        cur = cur[step]
    return cur
