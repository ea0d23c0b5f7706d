"""Finding messages in the site's language (``site.language``: es or en).

A small table: each message key has a Spanish and an English template filled with
``str.format``. The helpers write days, dates, hours, phone numbers and lists the way a
person reads them in that language. Used by every rule family: KB1xx (found while loading, in
``kbgen/loaders``, ``kbgen/hours.py`` and ``checks/validation.py``), KB2xx (offline), KB3xx (text),
KB5xx (freshness), KB6xx (structure) and KB7xx (findability); KB4xx keeps its own table in
``checks/promises.py``. Quoted values keep the quotes they have in English ("25:00"), so an editor
can search the file for them in either language.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from .hours import DAY_NAMES_EN, DAY_NAMES_ES, fmt_intervals

LANGS = ("es", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- KB2xx
    "says.yaml": {"es": "la tienda anuncia", "en": "the store shows"},
    "says.csv": {"es": "el sistema de tiendas dice", "en": "the store system says"},
    "hours": {
        "es": "{store}, {days}: {says} {offline}, la web dice {online} ({where})",
        "en": "{store}, {days}: {says} {offline}, the website says {online} ({where})",
    },
    "hours.unstated": {
        "es": "{store}, {days}: {source} no dice nada de ese día, la web dice {online} ({where}); "
              "añade el {day_word} al horario de la tienda",
        "en": "{store}, {days}: {source} says nothing about that day, the website says {online} ({where}); "
              "add it to the store's hours",
    },
    "holidays.regular": {"es": "abre los festivos con su horario habitual",
                         "en": "opens on public holidays with its usual hours"},
    "holidays.closed": {"es": "cerrado los festivos", "en": "closed on public holidays"},
    "festivos": {"es": "festivos", "en": "public holidays"},
    "special": {
        "es": "{store}, {when}: {says} {offline}{note}, la web dice {online} ({where})",
        "en": "{store}, {when}: {says} {offline}{note}, the website says {online} ({where})",
    },
    "special.range": {
        "es": "{store}, {when}: {says} {offline}{note}, pero la web no lo dice en {n} de esos {total} días "
              "(el {first}: {online}, {where})",
        "en": "{store}, {when}: {says} {offline}{note}, but the website does not on {n} of those {total} days "
              "(on {first}: {online}, {where})",
    },
    "special.missing": {
        "es": "{store}, {when}: la web anuncia {online}{note} ({where}), pero {source} no lo recoge: "
              "para ese día dice {offline}",
        "en": "{store}, {when}: the website announces {online}{note} ({where}), but {source} does not: "
              "for that day it says {offline}",
    },
    "regular.of": {"es": "su horario habitual del {day}", "en": "its usual {day} hours"},
    "nothing": {"es": "nada", "en": "nothing"},
    "field.phone": {"es": "teléfono", "en": "phone"},
    "field.email": {"es": "correo electrónico", "en": "e-mail"},
    "field.address": {"es": "dirección", "en": "address"},
    "field.name": {"es": "nombre", "en": "name"},
    "value": {
        "es": "{store}, {field}: {says} {offline}, la web dice {online} ({where})",
        "en": "{store}, {field}: {says} {offline}, the website says {online} ({where})",
    },
    "value.none": {
        "es": "{store}, {field}: {says} {offline}, pero la web no tiene {field} ({where}); añádelo a la tienda",
        "en": "{store}, {field}: {says} {offline}, but the website has no {field} ({where}); add it to the store",
    },
    "address.diff": {"es": "distinto: {what}", "en": "different {what}"},
    "addr.street_type": {"es": "tipo de vía", "en": "street type"},
    "addr.name": {"es": "calle", "en": "street"},
    "addr.number": {"es": "número", "en": "number"},
    "addr.postal_code": {"es": "código postal", "en": "postal code"},
    "addr.city": {"es": "ciudad", "en": "city"},
    "unknown.store": {
        "es": "«{sid}» ({source}) no es ninguna tienda de la web: no hay content/stores/{sid}.yaml{hint}",
        "en": "\"{sid}\" ({source}) is no store on the website: there is no content/stores/{sid}.yaml{hint}",
    },
    "did.you.mean": {"es": "; ¿querías decir «{x}»?", "en": "; did you mean \"{x}\"?"},
    "missing.store.yaml": {
        "es": "{store} ({where}) no aparece en {source}, que sí recoge otras tiendas: transcribe también su cartel",
        "en": "{store} ({where}) is missing from {source}, which lists other stores: transcribe its sign too",
    },
    "missing.store.csv": {
        "es": "{store} ({where}) no aparece en {source}, y la exportación del sistema de tiendas debe "
              "recoger todas las tiendas: añade su fila o comprueba el id",
        "en": "{store} ({where}) is missing from {source}, and the store-system export must list every store: "
              "add its row or check the id",
    },
    "unreadable.hours": {
        "es": "{store}: no se entiende «{text}» como horario ({why}); corrige la transcripción",
        "en": "{store}: cannot read \"{text}\" as opening hours ({why}); fix the transcription",
    },
    "unreadable.days": {
        "es": "{store}: no se entiende «{text}» como días de la semana; escribe p. ej. «lun-vie», «sáb», "
              "«dom. y festivos»",
        "en": "{store}: cannot read \"{text}\" as days of the week; write e.g. \"lun-vie\", \"sáb\", "
              "\"dom. y festivos\"",
    },
    "unreadable.empty": {
        "es": "{store}: «{text}» no tiene horario; escribe las horas o «cerrado»",
        "en": "{store}: \"{text}\" has no hours; write the hours or \"cerrado\"",
    },
    "unreadable.twice": {
        "es": "{store}: el {day} aparece dos veces con horarios distintos ({a} / {b}); deja uno",
        "en": "{store}: {day} appears twice with different hours ({a} / {b}); keep one",
    },
    "unreadable.date": {
        "es": "{store}: no se entiende «{text}» como fecha; escribe p. ej. «26/12/2026» o «26 de diciembre»",
        "en": "{store}: cannot read \"{text}\" as a date; write e.g. \"26/12/2026\" or \"26 de diciembre\"",
    },
    "unreadable.nodate": {
        "es": "{store}: un horario especial sin fecha; escribe «date:» o «dates:»",
        "en": "{store}: special hours without a date; write \"date:\" or \"dates:\"",
    },
    "unreadable.nohours": {
        "es": "{store}: el horario especial del {when} no dice ni horas ni «closed: true»",
        "en": "{store}: the special hours on {when} give neither hours nor \"closed: true\"",
    },
    "unreadable.phone": {
        "es": "{store}: no se entiende «{text}» como teléfono; escribe p. ej. «910 123 457»",
        "en": "{store}: cannot read \"{text}\" as a phone number; write e.g. \"910 123 457\"",
    },
    "unreadable.email": {
        "es": "{store}: «{text}» no es una dirección de correo",
        "en": "{store}: \"{text}\" is not an e-mail address",
    },
    "unreadable.address": {
        "es": "{store}: no se entiende «{text}» como dirección; escribe p. ej. «C/ Atocha, 12, 28012 Madrid»",
        "en": "{store}: cannot read \"{text}\" as an address; write e.g. \"C/ Atocha, 12, 28012 Madrid\"",
    },
    # ---------------------------------------------------------------- KB3xx
    "text.phone": {
        "es": "el teléfono «{raw}» ({value}) no es de ninguna tienda ni canal de contacto{hint}",
        "en": "the phone number \"{raw}\" ({value}) belongs to no store and no contact channel{hint}",
    },
    "text.email": {
        "es": "el correo «{raw}» no es de ninguna tienda ni canal de contacto{hint}",
        "en": "the e-mail address \"{raw}\" belongs to no store and no contact channel{hint}",
    },
    "text.address": {
        "es": "la dirección «{raw}» no es de ninguna tienda ni canal de contacto{hint}",
        "en": "the address \"{raw}\" belongs to no store and no contact channel{hint}",
    },
    "hint.ref": {
        "es": "; ¿es el de {owner} ({value})? Escríbelo con {{{{ {ref} }}}} para que no se desfase",
        "en": "; is it {owner}'s ({value})? Write it as {{{{ {ref} }}}} so it cannot drift",
    },
    "hint.address": {
        "es": "; ¿es la de {owner} ({value}, {where})?",
        "en": "; is it {owner}'s ({value}, {where})?",
    },
    "hint.add": {
        "es": "; si es correcto, añádelo a la tienda o a contact.yaml",
        "en": "; if it is right, add it to the store or to contact.yaml",
    },
    "text.hours": {
        "es": "el texto dice «{raw}», pero {what}",
        "en": "the text says \"{raw}\", but {what}",
    },
    "text.hours.item": {"es": "{owner} {actual} ({where})", "en": "{owner} {actual} ({where})"},
    "and.more": {"es": "y {n} más", "en": "and {n} more"},
    "actual.day.closed": {"es": "cierra el {day}", "en": "is closed on {day}"},
    "actual.day.hours": {"es": "abre el {day} {hours}", "en": "opens on {day} {hours}"},
    "actual.hol.regular": {"es": "abre los festivos", "en": "opens on public holidays"},
    "actual.hol.closed": {"es": "cierra los festivos", "en": "is closed on public holidays"},
    "the.channel": {"es": "el canal «{label}»", "en": "the channel \"{label}\""},
    # ---------------------------------------------------------------- KB1xx: reading files (loaders/files.py)
    "file.is.folder": {
        "es": "esto es una carpeta y aquí se esperaba un archivo; bórrala o cámbiale el nombre",
        "en": "this is a folder where a file was expected; remove or rename it",
    },
    "file.not.regular": {
        "es": "esto no es un archivo normal (es una tubería, un dispositivo o un socket); "
              "cámbialo por un archivo de texto",
        "en": "this is not a regular file (a pipe, a device or a socket); replace it with a text file",
    },
    "file.too.big": {
        "es": "el archivo ocupa {size} MB y un archivo de contenido puede ocupar como mucho {max} MB: "
              "divídelo en varios archivos",
        "en": "the file is {size} MB; content files are limited to {max} MB — split it into several files",
    },
    "file.unreadable": {
        "es": "no se puede leer este archivo ({reason}); comprueba que existe, que es un archivo normal "
              "y que se puede leer",
        "en": "cannot read this file ({reason}); check that it exists, is a regular file and is readable",
    },
    "file.not.utf8": {
        "es": "el archivo no está guardado como texto UTF-8 (¿se guardó como Latin-1/Windows?); "
              "vuelve a guardarlo como UTF-8",
        "en": "the file is not UTF-8 text (saved as Latin-1/Windows?); save it again as UTF-8",
    },
    "file.nul": {
        "es": "el archivo contiene bytes NUL: ¿es un archivo binario? Guárdalo como texto UTF-8 normal",
        "en": "the file contains NUL bytes; is it a binary file? save it as plain UTF-8 text",
    },
    "folder.is.file": {
        "es": "esto es un archivo y aquí se esperaba una carpeta; conviértelo en una carpeta de archivos de contenido",
        "en": "this is a file where a folder was expected; make it a folder of content files",
    },
    "folder.unlistable": {
        "es": "no se puede ver qué hay en esta carpeta ({reason}); revisa sus permisos",
        "en": "cannot list this folder ({reason}); check its permissions",
    },
    # ---------------------------------------------------------------- KB1xx: YAML (loaders/yamlpos.py)
    "yaml.syntax": {
        "es": "esto no es YAML válido{detail}; {hint}",
        "en": "this is not valid YAML ({problem}); {hint}",
    },
    "yaml.hint": {
        "es": "revisa la sangría y pon entre comillas el texto que lleve ':' o '#'",
        "en": "check the indentation and that text with ':' or '#' is in quotes",
    },
    "yaml.hint.tabs": {"es": "sangra con espacios, no con tabuladores", "en": "indent with spaces, not tabs"},
    "yaml.control": {
        "es": "esto no es YAML válido: aquí hay un carácter de control invisible (U+{code}); bórralo "
              "(suele venir de texto pegado desde otro programa)",
        "en": "this is not valid YAML: an invisible control character (U+{code}) is here; delete it "
              "(it often comes from text pasted out of another program)",
    },
    "yaml.too.many": {
        "es": "el archivo se expande a más de {n} valores (¿anclas y alias repetidos demasiadas veces?); "
              "escribe los valores sin alias o divide el archivo",
        "en": "the file expands to more than {n} values (anchors and aliases repeated too often?); "
              "write the values out or split the file",
    },
    "yaml.too.deep": {
        "es": "el YAML tiene demasiados niveles anidados; simplifícalo",
        "en": "the YAML is nested too deeply; flatten it",
    },
    "yaml.too.deep.alias": {
        "es": "el YAML tiene demasiados niveles anidados (¿un alias que se contiene a sí mismo?); simplifícalo",
        "en": "the YAML is nested too deeply (a recursive alias?); flatten it",
    },
    "yaml.key.not.word": {
        "es": "una clave tiene que ser una palabra, no una lista ni un bloque de claves",
        "en": "a key must be a plain word, not a list or a mapping",
    },
    "yaml.duplicate.key": {
        "es": "la clave \"{name}\" aparece dos veces en el mismo bloque (la primera en la línea {line}); "
              "YAML solo se queda con la última: borra una de las dos o júntalas",
        "en": "key \"{name}\" appears twice in the same block (first at line {line}); "
              "YAML keeps only the last one — delete or merge one of them",
    },
    # ---------------------------------------------------------------- KB1xx: schema (loaders/content.py)
    "schema.missing": {
        "es": "falta la clave obligatoria \"{name}\"; añade \"{name}: …\"",
        "en": "required key \"{name}\" is missing; add \"{name}: …\"",
    },
    "schema.not.mapping": {
        "es": "el archivo tiene que ser un bloque de claves (clave: valor), no {what}",
        "en": "the file must be a mapping of keys (key: value), not a {what}",
    },
    "schema.unknown.key": {
        "es": "la clave \"{name}\" no existe; {hint}",
        "en": "unknown key \"{name}\"; {hint}",
    },
    "schema.did.you.mean": {"es": "¿querías decir \"{x}\"?", "en": "did you mean \"{x}\"?"},
    "schema.known.keys": {"es": "las claves posibles son: {keys}", "en": "known keys: {keys}"},
    "schema.bad.value": {
        "es": "{shown} no vale para {field}: {fix}",
        "en": "{shown} is not valid for {field}: {fix}",
    },
    "schema.empty.value": {"es": "{field} está vacío: {fix}", "en": "empty is not valid for {field}: {fix}"},
    "the.file": {"es": "el archivo", "en": "file"},
    "fix.one.of": {"es": "escribe uno de estos valores: {options}", "en": "write one of {options}"},
    "fix.date": {"es": "escribe la fecha como AAAA-MM-DD", "en": "write a date as YYYY-MM-DD"},
    "fix.bool": {"es": "escribe true o false", "en": "write true or false"},
    "fix.text": {"es": "escribe un texto", "en": "write text here"},
    "fix.list": {"es": "escribe una lista (- elemento)", "en": "write a list here (- item)"},
    "fix.block": {"es": "escribe un bloque de claves (clave: valor)", "en": "write a block of keys here (key: value)"},
    "fix.int": {"es": "escribe un número entero", "en": "{pydantic}"},
    "fix.number": {"es": "escribe un número (con punto para los decimales, p. ej. 40.4125)", "en": "{pydantic}"},
    "fix.ge": {"es": "escribe un número mayor o igual que {n}", "en": "{pydantic}"},
    "fix.gt": {"es": "escribe un número mayor que {n}", "en": "{pydantic}"},
    "fix.le": {"es": "escribe un número menor o igual que {n}", "en": "{pydantic}"},
    "fix.lt": {"es": "escribe un número menor que {n}", "en": "{pydantic}"},
    "fix.other": {"es": "revisa este valor", "en": "{pydantic}"},
    # ---------------------------------------------------------------- KB1xx: hours (hours.py, loaders/content.py)
    "hours.day": {
        "es": "\"{key}\" no es un día de la semana; escribe lun, mar, mié, jue, vie, sáb, dom "
              "(o mon, tue, wed, thu, fri, sat, sun), o un intervalo como lun-vie",
        "en": "\"{key}\" is not a day of the week; write mon, tue, wed, thu, fri, sat, sun "
              "(or lun, mar, mié, jue, vie, sáb, dom), or a range such as mon-fri",
    },
    "hours.time": {
        "es": "\"{text}\" no es una hora del día; escribe HH:MM entre 00:00 y 24:00",
        "en": "\"{text}\" is not a time of day; write HH:MM between 00:00 and 24:00",
    },
    "hours.interval": {
        "es": "\"{raw}\" no es un horario de apertura; escribe \"HH:MM-HH:MM\", p. ej. \"09:30-14:00\"",
        "en": "\"{raw}\" is not an opening interval; write \"HH:MM-HH:MM\", e.g. \"09:30-14:00\"",
    },
    "hours.starts.24": {
        "es": "\"{raw}\" empieza a las 24:00; escribe 00:00 y ponlo en el día siguiente",
        "en": "\"{raw}\" starts at 24:00; write 00:00 and put it on the next day",
    },
    "hours.same.time": {
        "es": "\"{raw}\" abre y cierra a la misma hora; escribe \"24h\" si abre todo el día o \"closed\" si no abre",
        "en": "\"{raw}\" opens and closes at the same time; write \"24h\" for all day or \"closed\"",
    },
    "hours.none": {
        "es": "no hay horario; escribe \"closed\", \"24h\" o \"HH:MM-HH:MM\"",
        "en": "no hours given; write \"closed\", \"24h\" or \"HH:MM-HH:MM\"",
    },
    "hours.not.text": {
        "es": "el horario tiene que ser un texto como \"09:30-14:00\", \"closed\" o \"24h\"",
        "en": "hours must be text such as \"09:30-14:00\", \"closed\" or \"24h\"",
    },
    "hours.overlap": {
        "es": "los tramos {a} y {b} se solapan; únelos en uno o corrige las horas",
        "en": "intervals {a} and {b} overlap; merge them into one or fix the times",
    },
    "hours.past.midnight": {
        "es": "{last} pasa de medianoche y se solapa con {first}; corrige las horas",
        "en": "{last} runs past midnight into {first}; fix the times",
    },
    "hours.day.twice": {
        "es": "el {day} aparece dos veces (otra vez en \"{key}\"); escribe cada día una sola vez",
        "en": "{day} is stated twice (again in \"{key}\"); state every day once",
    },
    "hours.missing.days": {
        "es": "faltan días en el horario: {days}; añade {days_and} (escribe \"closed\" si ese día no abre)",
        "en": "hours do not say {days}; add {days_and} (write \"closed\" if it does not open)",
    },
    "special.no.date": {
        "es": "un horario especial necesita \"date: AAAA-MM-DD\" o \"dates: AAAA-MM-DD..AAAA-MM-DD\" (una de las dos)",
        "en": "special hours need either \"date: YYYY-MM-DD\" or \"dates: YYYY-MM-DD..YYYY-MM-DD\"",
    },
    "special.bad.range": {
        "es": "\"{dates}\" no es un intervalo de fechas; escribe AAAA-MM-DD..AAAA-MM-DD con la primera fecha "
              "antes que la segunda",
        "en": "\"{dates}\" is not a date range; write YYYY-MM-DD..YYYY-MM-DD with the first date before the second",
    },
    "special.closed.and.hours": {
        "es": "el horario especial dice a la vez \"closed\" y \"hours\"; deja solo uno",
        "en": "special hours say both closed and hours; keep one",
    },
    "special.no.hours": {
        "es": "el horario especial necesita \"hours: HH:MM-HH:MM\" o \"closed: true\"",
        "en": "special hours need \"hours: HH:MM-HH:MM\" or \"closed: true\"",
    },
    # ---------------------------------------------------------------- KB1xx: values, ids, files (loaders/content.py)
    "bad.timezone": {
        "es": "\"{tz}\" no es una zona horaria; escribe un nombre como Europe/Madrid o Atlantic/Canary",
        "en": "\"{tz}\" is not a time zone; write an IANA name such as Europe/Madrid or Atlantic/Canary",
    },
    "bad.channel.id": {
        "es": "\"{id}\" no sirve como id de canal; escribe solo minúsculas sin acentos, números y guiones "
              "(p. ej. telefono)",
        "en": "\"{id}\" is not a usable channel id; write lowercase letters, digits and hyphens (e.g. telefono)",
    },
    "dup.channel.id": {
        "es": "el id de canal \"{id}\" está repetido (la primera vez en la línea {line}); da a cada canal un id distinto",
        "en": "channel id \"{id}\" is used twice (first at line {line}); give each channel its own id",
    },
    "bad.duration": {
        "es": "\"{value}\" no es una duración; escribe 45m, 10h, 3d o un intervalo como 2d-4d",
        "en": "\"{value}\" is not a duration; write 45m, 10h, 3d or a range such as 2d-4d",
    },
    "bad.duration.for": {
        "es": "\"{value}\" no es una duración válida para {key}; escribe 45m, 10h, 3d o un intervalo como 48h-72h",
        "en": "\"{value}\" is not a duration for {key}; write 45m, 10h, 3d or a range such as 48h-72h",
    },
    "operations.not.mapping": {
        "es": "operations.yaml tiene que ser un bloque de claves (clave: valor)",
        "en": "operations.yaml must be a block of keys (key: value)",
    },
    "dup.promise.id": {
        "es": "el id de promesa \"{id}\" está repetido (la primera vez en la línea {line}); "
              "da a cada promesa un id distinto",
        "en": "promise id \"{id}\" is used twice (first at line {line}); give each promise its own id",
    },
    "valid.until.before": {
        "es": "valid_until es anterior a valid_from; intercambia las fechas",
        "en": "valid_until is before valid_from; swap the dates",
    },
    "bad.faq.id": {
        "es": "\"{id}\" no sirve como id; escribe solo minúsculas sin acentos, números y guiones (p. ej. plazo-entrega)",
        "en": "\"{id}\" is not a usable id; write lowercase letters, digits and hyphens (e.g. plazo-entrega)",
    },
    "dup.faq.id": {
        "es": "el id de FAQ \"{id}\" ya se usa en {first}; un id de FAQ no se puede repetir en todo el sitio: "
              "cambia uno de los dos",
        "en": "FAQ id \"{id}\" is already used at {first}; FAQ ids must be unique across the site — rename one",
    },
    "front.matter.open": {
        "es": "la cabecera que empieza con --- no se cierra; añade una línea con --- al final de la cabecera",
        "en": "the front matter opened with --- is never closed; add a line with --- after it",
    },
    "policy.no.front.matter": {
        "es": "una política empieza con una cabecera: una línea ---, luego title: …, summary: …, "
              "reviewed: AAAA-MM-DD, owner: … y otra línea ---",
        "en": "a policy starts with front matter: a line ---, then title: …, summary: …, reviewed: YYYY-MM-DD, "
              "owner: …, then ---",
    },
    "bad.until": {
        "es": "\"{value}\" no es una fecha; escribe until=AAAA-MM-DD",
        "en": "\"{value}\" is not a date; write until=YYYY-MM-DD",
    },
    "csv.bad.captured": {
        "es": "\"{value}\" no es una fecha; escribe # captured: AAAA-MM-DD",
        "en": "\"{value}\" is not a date; write # captured: YYYY-MM-DD",
    },
    "csv.unreadable": {
        "es": "no se puede leer este CSV{detail}; revisa las comillas",
        "en": "this CSV cannot be read ({error}); check the quotes",
    },
    "csv.unclosed": {"es": "unas comillas se abren y no se cierran", "en": ""},
    "csv.after.quote": {"es": "detrás de unas comillas de cierre tiene que ir una coma", "en": ""},
    "csv.too.long": {"es": "una celda es demasiado larga", "en": ""},
    "csv.empty": {
        "es": "el CSV está vacío; la primera fila tiene que ser la cabecera {columns}",
        "en": "the CSV is empty; the first row must be the header {columns}",
    },
    "csv.unknown.column": {"es": "columna desconocida \"{name}\"", "en": "unknown column \"{name}\""},
    "csv.no.store.column": {"es": "falta la columna \"store\"", "en": "no \"store\" column"},
    "csv.bad.header": {
        "es": "{what}; la cabecera tiene que usar estas columnas: {columns}",
        "en": "{what}; the header must use these columns: {columns}",
    },
    "csv.bad.row": {
        "es": "esta fila tiene {n} celdas y la cabecera tiene {m}; pon entre comillas dobles el texto que lleve "
              "comas y deja las celdas vacías sin nada entre las dos comas",
        "en": "this row has {n} cells but the header has {m}; put text with commas in double quotes and fill "
              "empty cells with nothing between commas",
    },
    "csv.no.store": {
        "es": "la celda \"store\" está vacía; escribe el id de la tienda (el nombre de su archivo en stores/)",
        "en": "the \"store\" cell is empty; write the store id (its file name in stores/)",
    },
    "search.tests.not.list": {
        "es": "search-tests.yaml tiene que ser una lista de entradas '- query: …' / 'expect: …'",
        "en": "search-tests.yaml must be a list of '- query: …' / 'expect: …' entries",
    },
    "synonyms.shape": {
        "es": "synonyms.yaml asocia cada palabra a una lista de palabras: reembolso: [devolución del dinero, abono]",
        "en": "synonyms.yaml maps a word to a list of words: reembolso: [devolución del dinero, abono]",
    },
    # ---------------------------------------------------------------- KB108 (loaders/refs.py)
    "ref.unknown": {
        "es": "la referencia \"{ref}\" no existe; {hint}",
        "en": "unknown reference \"{ref}\"; {hint}",
    },
    "ref.known": {
        "es": "usa una clave de operations.yaml (p. ej. delivery.peninsula), site.name, stores.<id>.phone "
              "o channels.<id>.value",
        "en": "use a key of operations.yaml (e.g. delivery.peninsula), site.name, stores.<id>.phone "
              "or channels.<id>.value",
    },
    # ---------------------------------------------------------------- KB101/KB112/KB113 (checks/validation.py)
    "bad.phone": {
        "es": "\"{value}\" no es un número de teléfono válido; escríbelo como \"+34 910 123 456\"",
        "en": "\"{value}\" is not a valid phone number; write it as \"+34 910 123 456\"",
    },
    "bad.email": {
        "es": "\"{value}\" no es una dirección de correo electrónico",
        "en": "\"{value}\" is not an e-mail address",
    },
    "channel.needs.value": {
        "es": "el canal \"{id}\" ({kind}) necesita \"value:\" con el número o la dirección",
        "en": "channel \"{id}\" ({kind}) needs \"value:\" with the number or address",
    },
    "channel.needs.url": {
        "es": "el canal \"{id}\" ({kind}) necesita \"url:\"",
        "en": "channel \"{id}\" ({kind}) needs \"url:\"",
    },
    # ---------------------------------------------------------------- KB190/KB191 (engine.py)
    "ignore.no.reason": {
        "es": "\"kbgen: ignore {rules}\" necesita un motivo: añade reason=\"por qué es correcto\"",
        "en": "\"kbgen: ignore {rules}\" needs a reason: add reason=\"why this is right\"",
    },
    "ignore.expired": {
        "es": "este kbgen: ignore caducó el {date}; corrige lo que silenciaba o renueva until= con un motivo",
        "en": "this kbgen: ignore expired on {date}; fix what it silenced or renew until= with a reason",
    },
    # ---------------------------------------------------------------- KB5xx (checks/freshness.py)
    "review.every.bad": {
        "es": "review_every: {key}: \"{value}\" no es un número de días; escríbelo como 180d o 365d",
        "en": "review_every: {key}: \"{value}\" is not a number of days; write it like 180d or 365d",
    },
    "review.every.unknown": {
        "es": "review_every nombra \"{key}\", que no es ninguna categoría de FAQ ni política; {hint}",
        "en": "review_every names \"{key}\", which is no FAQ category or policy; {hint}",
    },
    "review.every.known": {
        "es": "usa default o el nombre de archivo de una categoría de FAQ o de una política",
        "en": "use default, an FAQ category slug or a policy slug",
    },
    "what.faq": {"es": "la FAQ \"{id}\"", "en": "FAQ \"{id}\""},
    "what.policy": {"es": "la política \"{id}\"", "en": "policy \"{id}\""},
    "no.owner": {
        "es": "{what} no tiene responsable, así que nadie recibe el aviso de revisarla; añade owner: <equipo> {where}",
        "en": "{what} has no owner, so no one is reminded to review it; add owner: <team> {where}",
    },
    "owner.where.faq": {
        "es": "a la entrada (o al principio del archivo de la categoría)",
        "en": "to the entry (or at the top of the category file)",
    },
    "owner.where.policy": {"es": "a la cabecera", "en": "to the front matter"},
    "no.reviewed": {
        "es": "{what} no tiene fecha de revisión; añade reviewed: {today} cuando alguien la haya comprobado",
        "en": "{what} has no reviewed date; add reviewed: {today} once someone has checked it",
    },
    "reviewed.future": {
        "es": "{what} dice reviewed: {date}, que es una fecha futura (hoy es {today}); corrige la fecha",
        "en": "{what} says reviewed: {date}, which is in the future (today is {today}); fix the date",
    },
    "review.overdue": {
        "es": "{what} se revisó por última vez el {date} y lleva {late} de retraso (se revisa cada {every} días; "
              "{owner}); compruébala y pon reviewed: {today}",
        "en": "{what} was last reviewed on {date} and is {late} overdue (review every {every} days; {owner}); "
              "check it and set reviewed: {today}",
    },
    "owner.is": {"es": "responsable: {owner}", "en": "owner {owner}"},
    "owner.none": {"es": "sin responsable", "en": "no owner"},
    "special.past": {
        "es": "el horario especial del {span}{note} {where} ya ha pasado; borra la entrada",
        "en": "special hours on {span}{note} of {where} are over; delete the entry",
    },
    "of.store": {"es": "de la tienda {id}", "en": "store {id}"},
    "of.channel": {"es": "del canal {id}", "en": "channel {id}"},
    "offline.no.captured": {
        "es": "la fuente offline \"{source}\" no dice cuándo se tomó; añade {how} para que kbgen sepa cuándo "
              "se queda antigua",
        "en": "offline source \"{source}\" does not say when it was captured; add {how} so kbgen can tell when "
              "it goes stale",
    },
    "captured.how.csv": {"es": "una primera línea # captured: AAAA-MM-DD",
                         "en": "a first line # captured: YYYY-MM-DD"},
    "captured.how.yaml": {"es": "captured: AAAA-MM-DD", "en": "captured: YYYY-MM-DD"},
    "offline.stale": {
        "es": "la fuente offline \"{source}\" se tomó el {date} ({when}, más de {n}); los carteles de las tiendas "
              "pueden haber cambiado desde entonces: vuelve a tomarlos y actualiza la fecha",
        "en": "offline source \"{source}\" was captured on {date} ({when}, more than {n}); the store signs may have "
              "changed since: capture them again and update the date",
    },
    "promise.expired": {
        "es": "la promesa \"{id}\" caducó el {date} ({when}) pero sigue en promises.yaml; bórrala si la campaña "
              "ha terminado o amplía valid_until",
        "en": "promise \"{id}\" expired on {date} ({when}) but is still in promises.yaml; delete it if the campaign "
              "is over, or extend valid_until",
    },
    "today": {"es": "hoy", "en": "today"},
    "ago": {"es": "hace {days}", "en": "{days} ago"},
    "placeholder": {
        "es": "{what} \"{subject}\" aún tiene el texto provisional \"{text}\"; escribe el texto definitivo antes "
              "de publicar",
        "en": "{what} \"{subject}\" still has the placeholder \"{text}\"; write the real text before publishing",
    },
    "placeholder.address": {
        "es": "tienda \"{id}\": {field} de la dirección (address) aún es un texto provisional; escribe el valor real",
        "en": "store \"{id}\": address {field} is still a placeholder; write the real value",
    },
    "kind.faq.a": {"es": "la respuesta de la FAQ", "en": "the answer of FAQ"},
    "kind.faq.q": {"es": "la pregunta de la FAQ", "en": "the question of FAQ"},
    "kind.policy.body": {"es": "la política", "en": "policy"},
    "kind.policy.summary": {"es": "el resumen de la política", "en": "the summary of policy"},
    "kind.policy.title": {"es": "el título de la política", "en": "the title of policy"},
    "kind.store.notes": {"es": "las notas de la tienda", "en": "the notes of store"},
    "kind.page.body": {"es": "la página", "en": "page"},
    "kind.category.description": {"es": "la descripción de la categoría", "en": "the description of category"},
    "kind.channel.label": {"es": "el nombre del canal", "en": "the label of channel"},
    "kind.channel.notes": {"es": "las notas del canal", "en": "the notes of channel"},
    "kind.promise.text": {"es": "el texto de la promesa", "en": "the text of promise"},
    "kind.contact.intro": {"es": "la introducción de la página de contacto", "en": "the introduction of"},
    "kind.site.description": {"es": "la descripción del sitio", "en": "the description of"},
    # ---------------------------------------------------------------- KB6xx (checks/structure.py)
    "link.short.anchor": {
        "es": "\"{target}\": un enlace corto no lleva #ancla; escribe {scheme}:{ident} (un enlace a una FAQ ya "
              "abre en la pregunta)",
        "en": "\"{target}\": a short link takes no #anchor; write {scheme}:{ident} (an FAQ link already opens at "
              "the question)",
    },
    "link.short.missing": {
        "es": "\"{target}\" enlaza con {what} \"{ident}\", que no existe; {hint}",
        "en": "\"{target}\" links to {what} \"{ident}\", which does not exist; {hint}",
    },
    "link.what.faq": {"es": "la FAQ", "en": "FAQ id"},
    "link.what.policy": {"es": "la política", "en": "policy"},
    "link.what.store": {"es": "la tienda", "en": "store"},
    "link.none.faq": {"es": "ninguna FAQ tiene ese id", "en": "no FAQ id is called that"},
    "link.none.policy": {"es": "ninguna política se llama así", "en": "no policy is called that"},
    "link.none.store": {"es": "ninguna tienda se llama así", "en": "no store is called that"},
    "link.did.you.mean": {"es": "¿querías decir {x}?", "en": "did you mean {x}?"},
    "link.not.kind": {
        "es": "\"{target}\": \"{scheme}:\" no es un tipo de enlace; usa faq:<id>, policy:<slug> o store:<id>, "
              "o un enlace relativo a un .md para las demás páginas",
        "en": "\"{target}\": \"{scheme}:\" is not a link kind; use faq:<id>, policy:<slug> or store:<id>, or a "
              "relative .md link for other pages",
    },
    "link.no.section.here": {
        "es": "\"{target}\": esta página no tiene la sección \"#{anchor}\"",
        "en": "\"{target}\": this page has no section \"#{anchor}\"",
    },
    "link.no.section": {
        "es": "\"{target}\": {page} no tiene la sección \"#{anchor}\"",
        "en": "\"{target}\": {page} has no section \"#{anchor}\"",
    },
    "link.not.page": {
        "es": "\"{target}\" apunta a {resolved}, que no es una página del sitio (este texto se muestra en {src}); {hint}",
        "en": "\"{target}\" points to {resolved}, which is not a page of the site (this text is shown on {src}); {hint}",
    },
    "link.did.you.mean.quoted": {"es": "¿querías decir \"{x}\"?", "en": "did you mean \"{x}\"?"},
    "link.check.name": {"es": "revisa el nombre del archivo", "en": "check the file name"},
    "link.above.root": {
        "es": "\"{target}\" sube por encima de la raíz del sitio (este texto se muestra en {src})",
        "en": "\"{target}\" goes above the root of the site (this text is shown on {src})",
    },
    "link.no.asset": {
        "es": "\"{target}\" apunta a {resolved}, que no está en content/pages/ (este texto se muestra en {src})",
        "en": "\"{target}\" points to {resolved}, which is not in content/pages/ (this text is shown on {src})",
    },
    "link.url.not.page": {
        "es": "\"{target}\" apunta a /{url}, que no es una página del sitio (este texto se muestra en {src});{hint}",
        "en": "\"{target}\" points to /{url}, which is not a page of the site (this text is shown on {src});{hint}",
    },
    "link.url.relative": {
        "es": " una URL del sitio es relativa a la URL de esta misma página, /{base}; escribe en su lugar el enlace "
              "a la página {rel}",
        "en": " a site URL is relative to this page's own URL /{base}; write the page link {rel} instead",
    },
    "link.url.close": {"es": " ¿querías decir la página {page}?", "en": " did you mean the page {page}?"},
    "empty.category": {
        "es": "la categoría \"{title}\" ({slug}) no tiene preguntas, así que su página saldría vacía; añade una con "
              "kbgen new faq --category {slug} --question \"…\" o borra el archivo",
        "en": "category \"{title}\" ({slug}) has no questions, so its page would be empty; add one with "
              "kbgen new faq --category {slug} --question \"…\", or delete the file",
    },
    "empty.question": {
        "es": "la FAQ \"{id}\" tiene la pregunta vacía; escríbela en q:",
        "en": "FAQ \"{id}\" has an empty question; write it in q:",
    },
    "empty.answer": {
        "es": "la FAQ \"{id}\" tiene la respuesta vacía; escríbela en a: (un borrador puede decir PENDIENTE)",
        "en": "FAQ \"{id}\" has an empty answer; write it in a: (a draft may say PENDIENTE)",
    },
    "empty.policy": {
        "es": "la política \"{slug}\" no tiene texto debajo de la cabecera; escribe la política después del --- "
              "que la cierra",
        "en": "policy \"{slug}\" has no text below its front matter; write the policy after the closing ---",
    },
    "empty.page": {
        "es": "la página \"{slug}\" está vacía; escribe su texto o borra el archivo",
        "en": "page \"{slug}\" is empty; write its text or delete the file",
    },
    "same.question": {
        "es": "la FAQ \"{id}\" hace la misma pregunta que \"{first}\" ({where}); une las dos entradas",
        "en": "FAQ \"{id}\" asks the same question as \"{first}\" ({where}); merge the two entries",
    },
    "near.question": {
        "es": "la FAQ \"{id}\" ({path}) parece la misma pregunta que \"{other}\" ({where}): \"{q}\" / \"{other_q}\" "
              "({pct} % de palabras en común); únelas o añade la otra forma de preguntarlo a keywords:",
        "en": "FAQ \"{id}\" ({path}) looks like the same question as \"{other}\" ({where}): \"{q}\" / \"{other_q}\" "
              "({pct} % of their words in common); merge them or add the other wording to keywords:",
    },
    # ---------------------------------------------------------------- KB7xx (checks/findability.py, search/engine.py)
    "search.unknown.expect": {
        "es": "la prueba de búsqueda \"{query}\" espera \"{expect}\", que no es ninguna FAQ, política, tienda ni página",
        "en": "search test \"{query}\" expects \"{expect}\", which is no FAQ id, policy, store or page",
    },
    "search.miss": {
        "es": "búsqueda \"{query}\": la respuesta esperada {expect} {where}{came}",
        "en": "search \"{query}\": the expected answer {expect} {where}{came}",
    },
    "search.rank": {"es": "sale en el puesto {rank}", "en": "is #{rank}"},
    "search.absent": {"es": "no sale entre los 20 primeros resultados", "en": "is not in the first 20 results"},
    "search.first": {"es": "; primero sale \"{title}\" ({id})", "en": "; first came \"{title}\" ({id})"},
    "search.nothing": {"es": "; no se encontró nada", "en": "; nothing was found"},
}


def msg(key: str, lang: str = "es", /, **kw) -> str:
    table = MESSAGES[key]
    return table.get(lang if lang in LANGS else "es", table["es"]).format(**kw)


def t(key: str, lang: str = "es", /, **values) -> str:
    """The message ``key`` in ``lang`` (es or en; anything else reads as es), filled with ``values``."""
    return msg(key, lang, **values)


def lang_of(value) -> str:
    """A site's language as this table knows it: "en" or "es" (the default)."""
    return "en" if value == "en" else "es"


def count_days(n: int, lang: str = "es") -> str:
    """3 -> '3 días' / '3 days'; 1 -> '1 día' / '1 day'."""
    if lang == "en":
        return f"{n} day{'s' if n != 1 else ''}"
    return f"{n} día{'s' if n != 1 else ''}"


def type_name(value, lang: str = "es") -> str:
    """What a YAML value is, for a message: 'una lista' / 'list'."""
    if lang == "en":
        return type(value).__name__
    return {list: "una lista", dict: "un bloque de claves", str: "un texto"}.get(type(value), type(value).__name__)


def or_list(items: Iterable[str], lang: str = "es") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" o " if lang == "es" else " or ") + items[-1]


def day_name(d: int, lang: str = "es") -> str:
    return DAY_NAMES_ES[d] if lang == "es" else DAY_NAMES_EN[d]


def and_list(items: Iterable[str], lang: str = "es") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    joiner = " y " if lang == "es" else " and "
    return ", ".join(items[:-1]) + joiner + items[-1]


def days_label(days: Iterable[int], lang: str = "es") -> str:
    """[5] -> 'sábado'; [0..4] -> 'lunes a viernes'; [0, 2] -> 'lunes y miércoles'."""
    ds = sorted(set(days))
    if len(ds) >= 3 and ds == list(range(ds[0], ds[-1] + 1)):
        sep = " a " if lang == "es" else " to "
        return day_name(ds[0], lang) + sep + day_name(ds[-1], lang)
    return and_list([day_name(d, lang) for d in ds], lang)


def date_label(d: dt.date, lang: str = "es") -> str:
    return d.strftime("%d/%m/%Y") if lang == "es" else d.isoformat()


def range_label(a: dt.date, b: dt.date, lang: str = "es") -> str:
    if a == b:
        return date_label(a, lang)
    if lang == "es":
        return f"del {date_label(a, lang)} al {date_label(b, lang)}"
    return f"{date_label(a, lang)} to {date_label(b, lang)}"


def hours_label(intervals, lang: str = "es") -> str:
    return fmt_intervals(tuple(intervals), lang)


def phone_label(e164: str) -> str:
    """'+34910123457' -> '+34 910 12 34 57' (international format)."""
    import phonenumbers  # here, not at the top: its import costs a tenth of kbgen's start-up
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, None),
                                          phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164
