"""Phones and e-mails as staff transcribe them and as editors write them in answers."""
import pytest

from kbgen.text.emails import find_emails, normalize_email
from kbgen.text.phones import find_phones, normalize_phone

SAME_PHONE = [  # all of these are the store's +34 910 123 457
    "+34 910 123 457",
    "910 12 34 57",
    "910-123-457",
    "+34 910123457",
    "0034 910 123 457",
    "(+34) 910.12.34.57",
    "Tel.: 910123457",
    "Teléfono: 910 123 457",
    "910123457",
    "+34-910-12-34-57",
    "  91 012 34 57 ",
]


@pytest.mark.parametrize("text", SAME_PHONE)
def test_phone_variants_normalise_equal(text):
    assert normalize_phone(text) == "+34910123457"


@pytest.mark.parametrize("text, expected", [
    ("612 34 56 78", "+34612345678"),
    ("+44 20 7946 0958", "+442079460958"),
    ("900 123 456", "+34900123456"),
    ("910 123 458", "+34910123458"),  # one digit off: a different number
])
def test_other_phones(text, expected):
    assert normalize_phone(text) == expected
    assert normalize_phone(text) != normalize_phone("910 123 457")


@pytest.mark.parametrize("text", ["28012", "123456", "1.234", "", "sin teléfono", None, "910 123 45"])
def test_not_a_phone(text):
    assert normalize_phone(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Llámanos al 910 12 34 57 de lunes a viernes.", ["+34910123457"]),
    ("Escríbenos por WhatsApp al +34 612-345-678 o llama al 910123456.", ["+34612345678", "+34910123456"]),
    ("Atención al cliente: 910 123 456.", ["+34910123456"]),
    ("El teléfono es (+34) 910.12.34.57", ["+34910123457"]),
])
def test_find_phones(text, expected):
    found = find_phones(text)
    assert [m.value for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.raw


@pytest.mark.parametrize("text", [
    "El taladro cuesta 1.234 € y tiene 3 años de garantía.",
    "Desde 2026 enviamos a Canarias; CP 28012 Madrid.",
    "Tu pedido 612345678 ya está en camino.",
    "Indica tu nº de pedido 912345678 en el formulario.",
    "Referencia: 612345678",
    "El 26/12/2026 cerramos por inventario; el 12/06/2026 abrimos.",
    "Devoluciones en 30 días, reembolso en 14 días, pedido 123456.",
])
def test_find_phones_ignores_non_phones(text):
    assert find_phones(text) == []


@pytest.mark.parametrize("text", [
    "madrid@latuerca.example", " Madrid@LaTuerca.Example ", "mailto:madrid@latuerca.example",
    "MAILTO:MADRID@latuerca.example?subject=Hola",
])
def test_normalize_email(text):
    assert normalize_email(text) == "madrid@latuerca.example"


def test_find_emails():
    text = "Escribe a [ayuda](mailto:Ayuda@LaTuerca.example) o a madrid@latuerca.example. No a @foo ni a a@b."
    found = find_emails(text)
    assert [m.value for m in found] == ["ayuda@latuerca.example", "madrid@latuerca.example"]
    assert all(text[m.start:m.end] == m.raw for m in found)


# normalize_phone reads "+34 967 82 49 80" as "+34967824980" (one parse for every spacing of a
# number): phonenumbers must read a number written with digits and spaces as its digits alone.
from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(plus=st.booleans(), digits=st.text("0123456789", min_size=1, max_size=17),
       gaps=st.lists(st.integers(0, 3), min_size=17, max_size=17),
       country=st.sampled_from(["ES", "FR", "PT", "GB", "US", "DE", "IT", "MX", "AR"]))
def test_a_number_of_digits_and_spaces_reads_as_its_digits_alone(plus, digits, gaps, country):
    from kbgen.text.phones import _parse_phone
    spaced = ("+" if plus else "") + "".join(d + " " * g for d, g in zip(digits, gaps)).strip()
    compact = ("+" if plus else "") + digits
    assert _parse_phone(spaced, country) == _parse_phone(compact, country), (spaced, country)


@pytest.mark.parametrize("written", ["+34 967 824 980", "+34967824980", "967 82 49 80", "967824980",
                                     "+34 967 82 49 80", "34 967 824 980", "0034 967 824 980", "112", "+34 9"])
def test_spacings_of_one_number_normalise_alike(written):
    from kbgen.text.phones import _parse_phone, normalize_phone
    assert normalize_phone(written, "ES") == _parse_phone(written, "ES")
