"""Opening hours as staff transcribe them from door signs and store-system exports."""
import pytest

from kbgen.hours import Interval
from kbgen.text.times import DaySpec, find_hours_statements, parse_days, parse_hours_text


def I(a, b):  # noqa: E743 - "HH:MM", "HH:MM" -> Interval
    m = lambda s: int(s[:2]) * 60 + int(s[3:])  # noqa: E731
    start, end = m(a), m(b)
    return Interval(start, end if end > start else end + 1440)


SPLIT = (I("09:30", "14:00"), I("17:00", "20:30"))
HOURS = [
    ("09:30-14:00, 17:00-20:30", SPLIT),
    ("9:30 a 14:00 y 17:00 a 20:30", SPLIT),
    ("9:30 a 14:00 y de 17 a 20:30", SPLIT),
    ("09:30-14:00 17:00-20:30", SPLIT),
    ("9.30-14h y 17-20.30h", SPLIT),
    ("de 9:30 a 14:00 y de 17:00 a 20:30 h.", SPLIT),
    ("9h30-14h / 17h-20h30", SPLIT),
    ("Mañanas de 9:30 a 14, tardes de 17 a 20:30", SPLIT),
    ("9:30–14:00 | 17:00–20:30", SPLIT),
    ("9.30-14h", (I("09:30", "14:00"),)),
    ("de 10 a 14h", (I("10:00", "14:00"),)),
    ("10 a 14h", (I("10:00", "14:00"),)),
    ("10-14", (I("10:00", "14:00"),)),
    ("9h-14h", (I("09:00", "14:00"),)),
    ("mañanas de 10 a 14", (I("10:00", "14:00"),)),
    ("10:00–14:00 / 17:00–20:00", (I("10:00", "14:00"), I("17:00", "20:00"))),
    ("10:00 - 14:00, 17:00 - 20:00", (I("10:00", "14:00"), I("17:00", "20:00"))),
    ("9 a 14 h y 17 a 20.30 h", (I("09:00", "14:00"), I("17:00", "20:30"))),
    ("17:00-20:00 y 10:00-14:00", (I("10:00", "14:00"), I("17:00", "20:00"))),  # sorted
    ("de 20:00 a 02:00", (Interval(1200, 1560),)),
    ("22h-6h", (Interval(1320, 1800),)),
    ("de 10 a 2", (I("10:00", "14:00"),)),  # a person means 14:00
    ("tardes de 5 a 8", (I("17:00", "20:00"),)),
    ("9am-6pm", (I("09:00", "18:00"),)),
    ("Horario continuo de 10:00 a 21:00", (I("10:00", "21:00"),)),
    ("24 horas", (Interval(0, 1440),)),
    ("24h", (Interval(0, 1440),)),
    ("Abierto 24 h", (Interval(0, 1440),)),
    ("00:00-24:00", (Interval(0, 1440),)),
    ("cerrado", ()),
    ("CERRADO", ()),
    ("Cerrado.", ()),
    ("closed", ()),
    ("-", ()),
]


@pytest.mark.parametrize("text, expected", HOURS)
def test_parse_hours_text(text, expected):
    assert parse_hours_text(text) == expected


@pytest.mark.parametrize("a, b", [
    ("10:00-14:00", "10:00-14:30"),
    ("9:30 a 14:00 y 17:00 a 20:30", "9:30 a 14:00"),
    ("10-14", "10-13"),
    ("de 10 a 14h", "cerrado"),
    ("24h", "00:00-23:30"),
])
def test_different_hours_differ(a, b):
    assert parse_hours_text(a) != parse_hours_text(b)


@pytest.mark.parametrize("text", [
    "", "9:30", "de 10 a 14 en verano", "25:00-26:00", "10:61-14:00", "10:00-14:00 y 13:00-18:00",
    "abierto", "según temporada",
])
def test_unparsable_hours(text):
    with pytest.raises(ValueError):
        parse_hours_text(text)


MON_FRI, MON_SAT, ALL = frozenset(range(5)), frozenset(range(6)), frozenset(range(7))
DAYS = [
    ("lunes a viernes", DaySpec(MON_FRI)),
    ("de lunes a sábado", DaySpec(MON_SAT)),
    ("L-V", DaySpec(MON_FRI)),
    ("L a V", DaySpec(MON_FRI)),
    ("lun-vie", DaySpec(MON_FRI)),
    ("lun.–vie.", DaySpec(MON_FRI)),
    ("Lunes - Sábado", DaySpec(MON_SAT)),
    ("L-S", DaySpec(MON_SAT)),
    ("sábados", DaySpec(frozenset({5}))),
    ("sáb.", DaySpec(frozenset({5}))),
    ("domingos y festivos", DaySpec(frozenset({6}), True)),
    ("dom. y festivos", DaySpec(frozenset({6}), True)),
    ("fines de semana", DaySpec(frozenset({5, 6}))),
    ("todos los días", DaySpec(ALL)),
    ("diario", DaySpec(ALL)),
    ("lunes, miércoles y viernes", DaySpec(frozenset({0, 2, 4}))),
    ("X", DaySpec(frozenset({2}))),
    ("mon-fri", DaySpec(MON_FRI)),
    ("Monday to Friday", DaySpec(MON_FRI)),
    ("weekends", DaySpec(frozenset({5, 6}))),
    ("todos los días excepto domingos", DaySpec(MON_SAT)),
    ("viernes a lunes", DaySpec(frozenset({4, 5, 6, 0}))),
    ("festivos", DaySpec(frozenset(), True)),
    ("de lunes a viernes excepto festivos", DaySpec(MON_FRI, False)),
]


@pytest.mark.parametrize("text, expected", DAYS)
def test_parse_days(text, expected):
    assert parse_days(text) == expected


@pytest.mark.parametrize("text", ["", "próximamente", "lunes a", "de 10 a 14"])
def test_unparsable_days(text):
    with pytest.raises(ValueError):
        parse_days(text)


def _summary(s):
    return (sorted(s.days.days), s.days.holidays, s.intervals, s.closed, s.open_only, s.place_hint)


@pytest.mark.parametrize("text, expected", [
    ("Nuestras tiendas abren de lunes a sábado de 10 a 20 h.",
     [(list(range(6)), False, (I("10:00", "20:00"),), False, False, None)]),
    ("nuestras tiendas abren de lunes a viernes de 9:30 a 20:30",
     [(list(range(5)), False, (I("09:30", "20:30"),), False, False, None)]),
    ("La tienda de Sevilla abre los domingos.", [([6], False, None, False, True, "Sevilla")]),
    ("La tienda de Sevilla no abre los domingos.", [([6], False, (), True, False, "Sevilla")]),
    ("Cerramos los domingos y festivos.", [([6], True, (), True, False, None)]),
    ("open Monday to Friday 9-18", [(list(range(5)), False, (I("09:00", "18:00"),), False, False, None)]),
    ("En Valencia abrimos todos los días de 10 a 22 h.",
     [(list(range(7)), False, (I("10:00", "22:00"),), False, False, "Valencia")]),
    ("Abrimos de lunes a viernes de 9:30 a 14:00 y de 17:00 a 20:30, y los sábados de 10 a 14 h. "
     "Los domingos, cerrado.",
     [(list(range(5)), False, SPLIT, False, False, None),
      ([5], False, (I("10:00", "14:00"),), False, False, None),
      ([6], False, (), True, False, None)]),
    ("Abrimos de 10 a 20 h de lunes a viernes y de 10 a 14 los sábados.",
     [(list(range(5)), False, (I("10:00", "20:00"),), False, False, None),
      ([5], False, (I("10:00", "14:00"),), False, False, None)]),
    ("- **Lunes a viernes**: 9:30–20:30\n- **Sábados**: 10:00–14:00\n- Domingos: cerrado",
     [(list(range(5)), False, (I("09:30", "20:30"),), False, False, None),
      ([5], False, (I("10:00", "14:00"),), False, False, None),
      ([6], False, (), True, False, None)]),
    ("La tienda Madrid Centro está abierta de lunes a sábado; cerrado domingos.",
     [(list(range(6)), False, None, False, True, "Madrid Centro"),
      ([6], False, (), True, False, "Madrid Centro")]),
])
def test_find_hours_statements(text, expected):
    found = find_hours_statements(text)
    assert [_summary(s) for s in found] == expected
    assert all(text[s.start:s.end] == s.raw for s in found)


@pytest.mark.parametrize("text", [
    "Los pedidos llegan en 24-48 horas y el reembolso tarda de 3 a 5 días.",
    "Tienes 30 días para devolverlo. El precio es 1.234 €. Pedido 123456 del 26/12/2026.",
    "Respondemos en un plazo de 2 a 4 horas.",
    "El envío tarda de 2 a 3 días laborables.",
    "Puedes recoger tu pedido en tienda a partir de las 10 del día siguiente.",
    "Descuentos del 10-15 % en herramientas.",
])
def test_find_hours_statements_ignores_other_numbers(text):
    assert find_hours_statements(text) == []


def test_hours_statement_hints():
    [s] = find_hours_statements("Horario de verano: la tienda de Bilbao abre de lunes a viernes de 8 a 15 h.")
    assert s.dated and s.place_hint == "Bilbao"
    [s] = find_hours_statements("Abrimos el teléfono de atención al cliente de lunes a viernes de 9 a 20 h.")
    assert s.channel_hint == "telefono"


def test_statement_place_from_store_name_and_general_names():
    text = ("Las tiendas cierran en los festivos nacionales. La excepción es La Tuerca Sevilla Triana, "
            "que abre los festivos con su horario habitual.")
    general, sevilla = find_hours_statements(text, general_names=["La Tuerca"])
    assert (general.closed, general.place_hint, general.days.holidays) == (True, None, True)
    assert (sevilla.open_only, sevilla.place_hint) == (True, "Sevilla Triana")
    [s] = find_hours_statements("En La Tuerca abrimos los domingos.", general_names=["La Tuerca"])
    assert s.place_hint is None


def test_statement_part_of_day_and_questions():
    [s] = find_hours_statements("Los lunes por la mañana la tienda permanece cerrada por el taller.")
    assert (s.closed, sorted(s.days.days), s.part_of_day) == (True, [0], "mañana")
    assert find_hours_statements("¿Abren las tiendas los días festivos?") == []


# ------------------------------------------------------------------ which sentences are read at all
# find_hours_statements reads a text, then a sentence, only when its trigger finds a digit or a piece
# of the open/closed words (kbgen.text.trigger): it must fire wherever a statement can come from.

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import kbgen.text.times as times_module  # noqa: E402


@pytest.mark.parametrize("name", ["_RANGE_RE", "_ALL_DAY_RE", "_OPEN_RE", "_CLOSE_RE"])
def test_hours_trigger_fires_on_every_match_of_what_makes_a_statement(name):
    rx = getattr(times_module, name)

    @settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rx))
    def run(text):
        assert times_module._may_state_hours(text), text

    run()


def test_the_hours_trigger_changes_no_statement(monkeypatch):
    import random
    from pathlib import Path

    from kbgen.engine import load_project
    project, _, _ = load_project(str(Path(__file__).resolve().parent.parent / "content"))
    texts = [t.masked for t in project.texts]
    rng = random.Random(5)
    words = ("lunes sábado domingos L-V de a 9 14 9:30 20 h y , . tarde abrimos abre cerrado cerramos no abrimos "
             "tienda Sevilla horario festivos descansamos open closed every day").split()
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    with_trigger = [find_hours_statements(t, ["La Tuerca"]) for t in texts]
    monkeypatch.setattr(times_module, "_may_state_hours", lambda s: True)
    assert [find_hours_statements(t, ["La Tuerca"]) for t in texts] == with_trigger
    assert sum(1 for s in with_trigger if s) > 300
