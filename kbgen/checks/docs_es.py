"""Every rule's doc in Spanish, for ``kbgen explain`` (the site's first language).

``DOCS_ES`` maps a rule code to a one-paragraph explanation written for content editors; the
English doc stays in the registry (``RULES[code].doc``). :func:`doc_in` and :func:`severity_in` give
a rule's doc and severity in a language (the site's: ``kbgen.loaders.content.site_language``).
Keys, file names and examples between double backquotes are code: they stay as they are written
in the content files.
"""
from __future__ import annotations

from . import explain

# How a severity is said in each language (the findings print the English word; the editors'
# guide calls warnings "avisos").
SEVERITY = {
    "es": {"error": "error", "warning": "aviso", "info": "nota"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}

DOCS_ES: dict[str, str] = {
    # ---------------------------------------------------------------- KB1xx: validation
    "KB100": """Un archivo de contenido no se puede leer: hay un error de sintaxis YAML, la sangría está
        hecha con tabuladores en vez de espacios, la cabecera (front matter) de un Markdown no se cierra
        con ``---``, el archivo no está guardado en UTF-8 o hay una carpeta donde debería haber un archivo.
        El mensaje te dice la línea y la columna donde kbgen dejó de entenderlo: mira esa línea (y la
        anterior), corrígela y vuelve a comprobar.""",
    "KB101": """Falta una clave obligatoria: una tienda sin ``hours``, una pregunta frecuente sin respuesta
        (``a``), un horario especial sin ``date`` ni ``dates``, un canal de teléfono, correo o WhatsApp sin
        ``value``, o uno de chat, formulario o redes sociales sin ``url``. Añade la clave que dice el
        mensaje, con su valor.""",
    "KB102": """Hay una clave que kbgen no conoce, casi siempre por una errata (``adress`` en lugar de
        ``address``). Es un error, y no un simple aviso, para que una clave mal escrita nunca haga
        desaparecer información sin que nadie se entere. El mensaje te propone la clave más parecida:
        corrígela.""",
    "KB103": """Una hora o un tramo que no puede ser una hora del día (``25:00``, ``9-14``), o un nombre de
        día que no se entiende (``lunes-viernes``). Escribe cada tramo como ``HH:MM-HH:MM`` (por ejemplo
        ``10:00-14:00``), pon ``closed`` si ese día está cerrado o ``24h`` si abre el día entero.""",
    "KB104": """Dos tramos del mismo día se solapan, o el mismo día aparece dos veces (por ejemplo en
        ``mon-fri`` y otra vez en ``fri``). Escribe cada día una sola vez y con tramos que no se pisen.""",
    "KB105": """El horario semanal no dice qué pasa algún día. Un día que falta no se da por cerrado: es un
        error, para que un sábado olvidado nunca se publique como si la tienda cerrara. Añade el día que
        falta con su horario, o escribe ``closed`` si de verdad cierra ese día.""",
    "KB106": """Dos preguntas frecuentes (aunque estén en categorías distintas), dos canales de contacto o
        dos promesas tienen el mismo id. Con el id se forman los enlaces y las anclas de las páginas, así
        que tiene que ser único: cambia uno de los dos, y también los enlaces que apunten a él.""",
    "KB107": """La misma clave aparece dos veces en el mismo bloque YAML. YAML se queda solo con la última
        y descarta la otra sin decir nada. Borra una de las dos o junta su contenido en una sola.""",
    "KB108": """Una referencia ``{{ ruta }}`` no corresponde a ningún dato. Puedes usar las claves de
        operations.yaml (``delivery.peninsula``), ``site.name``, los datos de una tienda
        (``stores.<id>.phone``, ``stores.<id>.email``, ``stores.<id>.address``…) y los de un canal
        (``channels.<id>.value``). Revisa cómo está escrita la referencia: el mensaje te propone la más
        parecida.""",
    "KB109": """Un valor del tipo equivocado o fuera de los valores permitidos: un texto donde se espera una
        lista, ``kind: telephone`` en vez de ``phone``, una latitud de 200. El mensaje dice qué se
        esperaba: corrige el valor.""",
    "KB110": """Una fecha o un periodo de fechas que no se puede leer. Escribe las fechas como
        ``YYYY-MM-DD`` (``2026-12-24``) y los periodos como ``YYYY-MM-DD..YYYY-MM-DD``, con las dos fechas
        unidas por ``..``.""",
    "KB111": """Una duración que no se puede leer. Escríbela con un número y su unidad: ``45m`` (minutos),
        ``10h`` (horas), ``3d`` (días), o un intervalo como ``2d-4d``.""",
    "KB112": """El teléfono de una tienda o de un canal de contacto no es un número válido para el país del
        sitio (o para el país de su prefijo internacional, si lo lleva). Revisa que no falte ni sobre
        ninguna cifra.""",
    "KB113": """El correo electrónico de una tienda o de un canal de contacto no tiene forma de dirección
        de correo. Revisa que tenga la arroba y el dominio completo, como ``hola@ejemplo.com``.""",
    "KB190": """Un comentario ``kbgen: ignore KBnnn`` sin ``reason="…"``. Para silenciar un problema hay que
        decir por qué, así la próxima persona que edite el archivo lo entiende; sin motivo no silencia
        nada. Añade ``reason="…"`` con una frase corta.""",
    "KB191": """Un ``kbgen: ignore`` cuya fecha ``until=`` ya ha pasado, así que el problema que silenciaba
        vuelve a salir. Arregla el contenido o, si el motivo sigue valiendo, pon una fecha nueva en
        ``until=`` con su ``reason``.""",
    # ---------------------------------------------------------------- KB2xx: offline sources
    "KB201": """El horario de un día de la semana en una fuente offline (el cartel de la puerta o la
        exportación del sistema de tiendas) no coincide con el de la tienda en la web. kbgen entiende la
        transcripción antes de comparar, así que ``sáb: 10 a 14h`` y ``sat: 10:00-14:00`` cuentan como lo
        mismo. También es una diferencia que la web abra un día que el cartel no menciona, o que lo que el
        cartel dice de los ``festivos`` contradiga el ``public_holidays`` de la tienda. Averigua cuál de
        los dos está mal y corrígelo: el mensaje te da los dos horarios y dónde está cada uno.""",
    "KB202": """Una fuente offline tiene una fecha especial (un cierre como ``26/12/2026: cerrado``, o un
        horario especial) que la web no tiene, o que tiene con otro horario. Para saber qué dice la web ese
        día, kbgen mira primero sus horarios especiales, después lo que dice de los festivos y, si no hay
        nada, el horario semanal. Las fechas que ya han pasado no se comparan. Añade el horario especial a
        ``content/stores/<id>.yaml`` o corrige el cartel.""",
    "KB203": """La web tiene un horario especial o un cierre que no aparece en una fuente offline que sí
        recoge fechas especiales. Solo se comparan las fechas desde hoy hasta la última fecha especial que
        menciona esa fuente, para no culpar a un cartel impreso antes de que se decidiera el cierre; si la
        fuente menciona un periodo (un cierre por vacaciones que en el cartel termina dos días antes), se
        compara entero. Una fuente sin ninguna fecha especial, como la exportación CSV, no se compara.
        Añade la fecha al cartel o quítala de la web.""",
    "KB204": """El teléfono de una fuente offline es un número distinto del de la tienda en la web. Se comparan
        los números completos, con su prefijo, así que ``910 12 34 57``, ``+34 910123457`` y
        ``0034 910 123 457`` son el mismo número. Corrige el que esté mal.""",
    "KB205": """El correo electrónico de una fuente offline no es el mismo que el de la tienda en la web
        (no cuentan las mayúsculas ni un ``mailto:`` delante). Corrige el que esté mal.""",
    "KB206": """La dirección de una fuente offline es distinta de la de la tienda en la web. No cuentan las
        abreviaturas (``C/``, ``Avda.``, ``Pza.``, ``nº``, ``s/n``), las partículas (``de``, ``del``), las
        mayúsculas, las tildes, las comas ni el orden del código postal y la ciudad; sí cuentan la calle,
        el número, el código postal y la ciudad. El mensaje dice qué parte es distinta: corrige la que esté
        mal.""",
    "KB207": """Una fuente offline habla de una tienda cuyo id no tiene archivo en ``content/stores/``: o el
        id tiene una errata, o a la web le falta esa tienda. El mensaje te propone el id más parecido.
        Corrige el id o crea la tienda con ``kbgen new store``.""",
    "KB208": """Una tienda de la web no aparece en una fuente offline que sí recoge otras tiendas. En los
        carteles (YAML) es un aviso: falta transcribir el cartel de esa tienda, así que no se ha podido
        comparar. En la exportación del sistema de tiendas (CSV), que debe recoger todas las tiendas, es un
        error. Transcribe el cartel que falta o, en el CSV, añade la fila de la tienda o revisa su id.""",
    "KB209": """Un dato offline que kbgen no sabe leer: un horario, unos días, una fecha, un teléfono, un
        correo o una dirección escritos de una forma que no entiende, un día que aparece dos veces con
        horarios distintos, o un horario especial que no dice ni horas ni ``closed``. Ese dato no se
        compara. El mensaje cita el texto: corrige la transcripción (por ejemplo ``lun-vie``,
        ``26/12/2026`` o ``910 123 457``).""",
    "KB210": """El nombre de la tienda en una fuente offline no coincide con el de la web (no cuentan las
        mayúsculas, las tildes, la puntuación ni el nombre del negocio delante). Comprueba cuál es el nombre
        correcto y corrige el otro.""",
    # ---------------------------------------------------------------- KB3xx: site text vs data
    "KB301": """Un teléfono escrito en un texto del sitio (la respuesta de una pregunta frecuente, una
        política, una página, las notas de una tienda o de un canal) que no es el de ninguna tienda ni de
        ningún canal de contacto: una errata, un número antiguo o un número que debería ser un canal.
        Escribe los números con una referencia, como ``{{ stores.madrid-centro.phone }}`` o
        ``{{ channels.telefono.value }}``, para que nunca se queden desfasados. El mensaje te propone el
        número más parecido.""",
    "KB302": """Un correo electrónico escrito en un texto del sitio que no es el de ninguna tienda ni de
        ningún canal de contacto. Usa ``{{ channels.correo.value }}`` o ``{{ stores.<id>.email }}``, o
        añade esa dirección como canal en contact.yaml. Las direcciones de los dominios de ejemplo
        (example.com, ejemplo.com) no se marcan.""",
    "KB303": """Una dirección postal escrita en un texto del sitio («Calle de Atocha 14») que no es la de
        ninguna tienda ni de ningún canal postal. Se compara igual que en KB206: no cuentan las
        abreviaturas, las partículas ni la puntuación. Para la dirección de una tienda, usa
        ``{{ stores.<id>.address }}``.""",
    "KB304": """Una frase sobre horarios en un texto del sitio contradice el horario semanal de las tiendas
        de las que habla: «nuestras tiendas abren de lunes a sábado de 10 a 20 h» cuando una cierra el
        sábado a las 14:00, «la tienda de Sevilla abre los domingos» cuando no abre, «cierran los festivos»
        cuando alguna abre. Si la frase da horas, tienen que coincidir exactamente con los tramos de ese
        día («por la mañana» o «por la tarde» la limitan a esa parte del día); si solo dice que abre o que
        cierra, eso tiene que ser cierto. Las tiendas que se nombran aparte, o detrás de «salvo» o
        «excepto», son excepciones a la frase general; las frases sobre fechas o temporadas no se
        comprueban. Corrige la frase o, si lo que está mal es el horario, corrige el horario.""",
    "KB305": """Una frase sobre horarios en un texto del sitio habla de un canal de contacto (teléfono,
        WhatsApp, chat…) y contradice las ``hours`` de ese canal en contact.yaml. Corrige la frase o el
        horario del canal.""",
    # ---------------------------------------------------------------- KB4xx: promises vs operations
    "KB401": """Un plazo de entrega prometido en promises.yaml o en un texto del sitio («entrega en 24
        horas», «next-day delivery», «en 2 días laborables») es más corto que el plazo más largo que da
        operations.yaml para esa zona (``delivery.<zona>``); una promesa que no nombra zona tiene que
        cumplirse en todas. Cuando los días laborables se pueden entender de varias formas, kbgen elige la
        más exigente. El mensaje dice qué se promete, dónde se publica, cuál es el plazo real y dónde está
        cada cosa. Cambia la promesa (o escribe el plazo como ``{{ delivery.<zona> }}`` para que no se
        desfase), o cambia operations.yaml si de verdad se entrega antes.""",
    "KB402": """Un plazo de devolución prometido («30 días para devolver», «devoluciones durante un mes»,
        «30-day returns») es más largo que el que acepta operaciones (``returns.window``): a quien devuelva
        el último día prometido se lo rechazarían. Ajusta la promesa a ``returns.window`` o amplía el
        plazo en operations.yaml.""",
    "KB403": """Un plazo de reembolso prometido («reembolso en 5 días hábiles», «te devolvemos el dinero en
        14 días») es más corto que lo que de verdad se tarda en reembolsar (``returns.refund_within``).
        Ajusta la promesa, o operations.yaml si el plazo real ha mejorado.""",
    "KB404": """Se promete gratis algo que operaciones cobra: devoluciones gratis («devoluciones gratis»)
        cuando ``returns.free`` es false, o envío gratis («envío gratis a partir de 30 €») desde un importe
        menor que ``free_shipping_from``, o cuando nunca se envía gratis. Corrige la promesa o el dato de
        operations.yaml.""",
    "KB405": """Un tiempo de primera respuesta prometido («te respondemos en menos de 1 hora», o el
        ``response_time: 2h`` de un canal en contact.yaml) es más corto que el tiempo real de ese canal
        (``first_response.<id del canal>`` en operations.yaml). Una promesa que no nombra canal tiene que
        cumplirse en todos. Ajusta la promesa o el dato de operaciones.""",
    "KB406": """Un descuento anunciado («hasta un 30 % de descuento», «-30 %») es mayor que el máximo que
        aplica operaciones (``max_discount``). Rebaja el descuento anunciado o, si el descuento es real,
        cambia ``max_discount`` en operations.yaml.""",
    "KB407": """Una promesa de apertura («abierto 7 días a la semana», «abrimos los domingos», «24 horas»,
        «de lunes a sábado de 9 a 21 h») que el horario semanal no cumple. Una frase general tiene que
        cumplirse en todas las tiendas; una frase que nombra una tienda (o las notas de una tienda) se
        compara solo con esa tienda, y una frase sobre un canal de contacto («el teléfono atiende de 9 a
        20 h»), con el horario de ese canal. El mensaje nombra cada tienda o canal que está cerrado cuando
        la promesa dice abierto, con la línea donde está su horario. Corrige la promesa o el horario.""",
    "KB408": """Una promesa de entrega con hora límite de pedido («pide antes de las 18:00 y lo recibes
        mañana») da una hora más tardía que el ``order_cutoff`` real de operations.yaml: los pedidos hechos
        entre las dos horas no llegan cuando se prometió. Adelanta la hora de la promesa, o cambia
        ``order_cutoff`` si de verdad ha cambiado.""",
    "KB409": """Una promesa con ``claim:`` en promises.yaml sobre cualquier otro dato de operations.yaml
        (``store_pickup.ready_within``, ``workshop.quote_within``…) que ese dato no cumple: un plazo más
        largo que el prometido, un número fuera del límite prometido o un sí/no distinto. Corrige la
        promesa o el dato de operaciones.""",
    "KB410": """Una promesa cuyo dato de operaciones no existe o no se puede leer: «entrega en 24 h en
        Ceuta» sin ``delivery.ceuta``, el ``response_time`` de un canal sin ``first_response.<id del
        canal>``, un ``claim:`` que nombra una ruta que operations.yaml no tiene, o una promesa de apertura
        sobre un canal sin horario. Así nadie puede saber si se cumple: añade el dato a operations.yaml (o
        el horario a contact.yaml), o corrige el nombre.""",
    "KB411": """Una promesa de promises.yaml de la que kbgen no saca nada que pueda comprobar, o una frase
        de un texto del sitio que parece una promesa (palabras de promesa con un número, «gratis» o
        «siempre») pero que no se entiende. El mensaje cita la frase. Escríbela de otra forma («Entrega en
        48 horas en la península») o, en promises.yaml, escribe lo que promete como
        ``claim: {metric: delivery.peninsula, at_most: 48h}``.""",
    "KB412": """Un ``claim:`` de promises.yaml que no se puede leer: le falta ``metric``, no tiene ninguno
        o tiene varios de ``at_most``/``at_least``/``equals``, o su valor no encaja con lo que mide
        (``at_most: pronto``). Escribe, por ejemplo, ``{metric: delivery.peninsula, at_most: 48h}`` o
        ``{metric: max_discount, at_most: 20%}``.""",
    "KB413": """Una promesa cuyo ``text`` (lo que lee el cliente) dice otra cosa que su ``claim:`` (lo que
        comprueba kbgen): «Entrega en 24 horas» con ``claim: {at_most: 72h}``. Se comprueba el claim, pero
        se publica el texto: haz que digan lo mismo.""",
    "KB420": """Una promesa que se queda muy por debajo de lo que hace operaciones: promete al menos el
        doble del tiempo real, o un plazo de devolución de la mitad del real o menos («promete 7 días,
        operaciones entregan en 3»). No hay nada roto, es solo una nota: el negocio podría prometer
        más. Si quieres, ajusta la promesa a lo que de verdad se hace.""",
    # ---------------------------------------------------------------- KB5xx: freshness
    "KB501": """Una pregunta frecuente o una política cuya fecha ``reviewed:`` es más antigua que su
        intervalo de revisión: 180 días, salvo que ``site.yaml`` diga otra cosa con
        ``review_every: {default: 180d, <categoría o política>: 365d}``. El mensaje dice quién es el
        responsable y cuántos días lleva de retraso. Relee el texto comparándolo con lo que hace hoy el
        negocio, corrígelo si hace falta y pon en ``reviewed:`` la fecha de hoy.""",
    "KB502": """Una pregunta frecuente o una política sin ``owner:``, así que nadie recibe el aviso de
        revisarla. Añade ``owner: <equipo o persona>`` a la entrada, o ``owner:`` al principio del archivo
        de la categoría: lo heredan todas las preguntas que no tengan el suyo.""",
    "KB503": """Una pregunta frecuente o una política sin fecha ``reviewed:``, o con una fecha futura (una
        errata como 2062-10-05). Escribe la fecha en que se revisó el texto por última vez, como
        YYYY-MM-DD.""",
    "KB504": """Un horario especial (una apertura en festivo, un cierre) cuyas fechas ya han pasado todas.
        Ya no cambia nada en el sitio: borra la entrada para que el archivo sea corto y se vean bien las
        excepciones que están por llegar.""",
    "KB505": """Una fuente offline (carteles de las tiendas, exportación del sistema de tiendas) tomada hace
        más de 90 días, o sin fecha ``captured:``. La comparación entre la web y lo offline (KB2xx) puede
        estar usando carteles que ya han cambiado: vuelve a transcribirlos y actualiza ``captured:`` (en un
        CSV, con una primera línea ``# captured: YYYY-MM-DD``).""",
    "KB506": """Una promesa publicitaria cuya fecha ``valid_until:`` ya ha pasado, pero que sigue en
        promises.yaml. Si la campaña ha terminado, bórrala; si continúa, amplía ``valid_until:``. Es un
        aviso, y un error con ``--strict``.""",
    "KB507": """Un texto que todavía tiene un marcador de relleno, como los que deja ``kbgen new``
        (``PENDIENTE``, ``TODO:``, ``FIXME``, ``lorem ipsum``). Es un aviso para que puedas previsualizar
        un borrador, pero escribe el texto de verdad antes de publicar (con ``--strict`` falla). Solo cuenta
        ``PENDIENTE`` en mayúsculas: «pendiente» en minúsculas es una palabra normal.""",
    "KB508": """Una clave de ``review_every:`` en site.yaml que no es ``default`` ni el nombre (slug) de una
        categoría de preguntas frecuentes o de una política (si las dos se llaman igual, distínguelas con
        ``faq/<slug>`` y ``policies/<slug>``). Casi siempre es una errata, y ese intervalo no se aplica a
        nada sin que nadie lo note: corrige el nombre.""",
    # ---------------------------------------------------------------- KB6xx: structure
    "KB601": """Un enlace de una respuesta, una política, una página o unas notas que no lleva a ninguna
        parte: un enlace corto (``faq:<id>``, ``policy:<slug>``, ``store:<id>``) a algo que no existe, o un
        enlace relativo a un ``.md`` que no se genera. Los enlaces relativos parten de la página donde
        aparece el texto: las respuestas están en ``faq/<categoría>.md``, las políticas en
        ``politicas/<slug>.md``, las páginas en ``<slug>.md`` y las notas de tienda en
        ``tiendas/<id>.md``; por eso una respuesta enlaza una política con
        ``../politicas/devoluciones.md``. Mejor usa la forma corta, que funciona desde cualquier página. El
        mensaje te propone el destino existente más parecido.""",
    "KB602": """Un enlace a una página que existe, pero con un ``#apartado`` que esa página no tiene. El
        ancla de una pregunta frecuente es su id (``../faq/envios.md#plazo-entrega``); la de un título es
        su texto en minúsculas, sin tildes y con guiones (``## Plazo y condiciones`` ->
        ``#plazo-y-condiciones``). El enlace sigue abriendo la página, pero arriba del todo: corrige el
        ancla.""",
    "KB603": """Dos preguntas frecuentes hacen la misma pregunta (son idénticas si no se tienen en cuenta
        tildes, mayúsculas ni puntuación). Dos respuestas a una misma pregunta acaban diciendo cosas
        distintas: júntalas en una sola entrada.""",
    "KB604": """Dos preguntas frecuentes que seguramente preguntan lo mismo con otras palabras, como
        «¿Cuánto tiempo tengo para devolver un producto?» y «¿Cuánto tiempo tengo para devolver una
        compra?». kbgen compara sus palabras sin tener en cuenta tildes, plurales ni terminaciones de los
        verbos, lee cada sinónimo de synonyms.yaml como su término y da más peso a las palabras poco
        corrientes que a las habituales; si comparten la mayoría, salta este aviso. Júntalas en una, o
        añade la segunda forma de preguntarlo a ``keywords:`` de la primera; si de verdad son preguntas
        distintas, haz que se note en cómo están escritas o silencia el aviso con un motivo.""",
    "KB605": """Un archivo de categoría de preguntas frecuentes sin ninguna pregunta: publicaría una página
        vacía. Añade una pregunta (``kbgen new faq --category <slug> --question "…"``) o borra el
        archivo.""",
    "KB606": """Una pregunta frecuente con la pregunta o la respuesta vacía (``a: |`` sin nada debajo,
        ``a: ""``). Escribe la respuesta; si aún es un borrador, puede decir PENDIENTE, que es solo un
        aviso (KB507).""",
    "KB607": """Una política (o una página de content/pages) con cabecera pero sin texto: publicaría una
        página con solo el título. Escribe el texto debajo del ``---`` que cierra la cabecera.""",
    # ---------------------------------------------------------------- KB7xx: findability
    "KB701": """Una búsqueda de ``search-tests.yaml`` cuya respuesta esperada (el id de una pregunta
        frecuente, el slug de una política, el id de una tienda o ``contacto``) no sale entre los 3
        primeros resultados del buscador del sitio, que usa el mismo índice y el mismo orden que el sitio
        publicado. Añade las palabras del cliente en ``keywords`` de la respuesta, añade un sinónimo a
        ``synonyms.yaml`` o cambia cómo está redactada la pregunta.""",
    "KB702": """Una prueba de búsqueda espera una respuesta que no existe: no hay ninguna pregunta
        frecuente, política, página ni tienda con ese nombre. Corrige el valor de ``expect:``.""",
}
DOCS_ES = {code: " ".join(text.split()) for code, text in DOCS_ES.items()}


def doc_in(code: str, lang: str = "es") -> str | None:
    """The doc of rule ``code`` in ``lang`` (es or en; anything else reads as es); None for an unknown
    code. The English doc is the registry's (``explain(code).doc``)."""
    r = explain(code)
    if r is None:
        return None
    return r.doc if lang == "en" else DOCS_ES.get(r.code, r.doc)


def severity_in(severity: str, lang: str = "es") -> str:
    """A severity (error, warning, info) as said in ``lang``: warning -> aviso in Spanish."""
    return SEVERITY["en" if lang == "en" else "es"].get(severity, severity)
