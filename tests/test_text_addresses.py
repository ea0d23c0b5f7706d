"""Addresses as written on signs, in store-system exports and in answers."""
import pytest

from kbgen.text.addresses import AddressKey, address_key, find_addresses, parse_address, same_address

ATOCHA = address_key("Calle de Atocha 12", "28012", "Madrid")

SAME_AS_ATOCHA = [
    "C/ Atocha, 12, 28012 Madrid",
    "Calle de Atocha 12, 28012 Madrid",
    "C/Atocha 12 - 28012 Madrid",
    "CALLE ATOCHA Nº 12, MADRID",
    "Cl. Atocha, nº 12, 28012 Madrid",
    "c/ atocha, n.º 12 (28012) madrid",
    "Calle Atocha, núm. 12, Madrid 28012",
    "C. de Atocha 12, Madrid (28012)",
    "Calle Atocha 12 28012 Madrid",
    "Atocha 12, 28012 Madrid",
    "C/ Atocha 12, bajo, 28012 Madrid, España",
    "Madrid (28012), C/ Atocha 12",
    "28012 Madrid, Calle Atocha, 12",
    "C/ Atocha 12",
]


@pytest.mark.parametrize("text", SAME_AS_ATOCHA)
def test_atocha_variants_are_the_same_address(text):
    key = parse_address(text)
    assert key is not None
    assert same_address(key, ATOCHA), key


@pytest.mark.parametrize("text", [
    "C/ Atocha, 14, 28012 Madrid",      # number
    "C/ Alcalá, 12, 28012 Madrid",      # street name
    "Avda. Atocha 12, 28012 Madrid",    # street type
    "C/ Atocha 12, 28014 Madrid",       # postal code
    "C/ Atocha 12, Toledo",             # city
    "C/ Atocha s/n, Madrid",            # no number
    "C/ Atocha 12B, Madrid",            # 12B is not 12
])
def test_different_facts_are_different(text):
    assert not same_address(parse_address(text), ATOCHA)


@pytest.mark.parametrize("a, b", [
    ("Avda. del Puerto, 45, 46011 Valencia", "Avenida Puerto 45, Valencia"),
    ("Av. de la Constitución s/n", "Avenida Constitucion, S/N"),
    ("Pº de la Castellana, n.º 100, 3º izq., Madrid 28046", "Paseo Castellana 100, 28046 Madrid"),
    ("P.º del Prado 5", "Paseo del Prado nº 5"),
    ("Pza. Mayor 1, bajo, Salamanca", "Plaza Mayor, 1, 37002 Salamanca"),
    ("Pl. de España 3", "Plaza España 3"),
    ("Cl. Sta. Engracia 14, 1ºB, Madrid", "Calle de Santa Engracia 14, 28010 Madrid"),
    ("Av. Diagonal 640, 08017 Barcelona", "Avinguda Diagonal, 640, Barcelona, España"),
    ("C/ Sierpes 12B, 41004 Sevilla (Sevilla)", "Calle Sierpes 12 B, Sevilla"),
    ("Ronda de Segovia 7", "Rda. Segovia, 7"),
    ("Ctra. de Andalucía km 5", "Carretera Andalucía 5"),
    ("Glta. de Bilbao 3", "Glorieta Bilbao, 3"),
    ("Travesía de la Parra 2", "Trav. Parra 2"),
    ("Gran Vía 32, 28013 Madrid", "C/ Gran Vía, 32, Madrid"),
    ("Calle 2 de Mayo, 5, Móstoles", "C/ 2 de Mayo 5, 28934 Móstoles"),
])
def test_benign_variants_are_equal(a, b):
    assert same_address(parse_address(a), parse_address(b))


def test_parse_fields():
    key = parse_address("Pº de la Castellana, n.º 100, 3º izq., Madrid 28046")
    assert key == AddressKey("paseo", ("castellana",), "100", "28046", "madrid")
    assert parse_address("Calle Mayor 5, Alcalá de Henares, Madrid").city == "alcala de henares"
    assert parse_address("") is None
    assert parse_address("28012") is None


def test_address_key_requires_a_street():
    with pytest.raises(ValueError):
        address_key("", "28012", "Madrid")


@pytest.mark.parametrize("text, expected", [
    ("Visítanos en la Calle de Atocha 12, junto a la plaza.", "calle atocha 12"),
    ("Estamos en Avda. del Puerto, 45, 46011 Valencia. ¡Te esperamos!", "avenida puerto 45, 46011 valencia"),
    ("Te esperamos en la calle Atocha nº 12.", "calle atocha 12"),
    ("Recogida en la Plaza Mayor s/n de Salamanca.", "plaza mayor s/n"),
    ("Nuestra tienda del Paseo de Gracia 21 abre hoy.", "paseo gracia 21"),
])
def test_find_addresses(text, expected):
    found = find_addresses(text)
    assert [str(m.value) for m in found] == [expected]
    assert text[found[0].start:found[0].end] == found[0].raw


@pytest.mark.parametrize("text", [
    "El taladro cuesta 1.234 € y tiene 3 años de garantía.",
    "Tu pedido 123456 sale del almacén en 24 horas.",
    "La calle tiene 3 carriles y la plaza 2 fuentes.",
    "En el Paseo de Gracia 3 minutos andando.",
    "Desde 2026 enviamos a toda España.",
    "Avda. principal sin número conocido.",
])
def test_find_addresses_ignores_prose(text):
    assert find_addresses(text) == []


@pytest.mark.parametrize("a, b", [
    ("C/ Verdi, 45, 08012 Barcelona", ("Carrer de Verdi 45", "08012", "Barcelona")),
    ("Carrer de Verdi 45, 08012 Barcelona", ("Carrer de Verdi 45", "08012", "Barcelona")),
    ("C/ Sueca, nº 28, 46006 Valencia", ("Calle de Sueca 28", "46006", "Valencia")),
    ("C/ Mayor de Triana, 80, 35002 Las Palmas", ("Calle Mayor de Triana 80", "35002", "Las Palmas de Gran Canaria")),
    ("Calle San Jacinto 61, 41010 Sevilla", ("Calle San Jacinto 61", "41010", "Sevilla")),
])
def test_store_system_and_signs_match_structured_data(a, b):
    assert same_address(parse_address(a), address_key(*b))


def test_address_differences_names_the_field():
    from kbgen.text.addresses import address_differences
    assert address_differences(parse_address("C/ Atocha 14, 28012 Madrid"), ATOCHA) == ["number"]
    assert address_differences(parse_address("C/ Atocha 12, 28014 Madrid"), ATOCHA) == ["postal_code"]


@pytest.mark.parametrize("a, b", [
    ("A Coruña", "La Coruña"), ("A Coruña", "Coruña"), ("La Coruña", "A CORUÑA"),
    ("L'Hospitalet de Llobregat", "Hospitalet de Llobregat"), ("El Puerto de Santa María", "Puerto de Santa María"),
    ("Las Palmas", "Las Palmas de Gran Canaria"), ("Las Palmas de Gran Canaria", "Palmas de Gran Canaria"),
])
def test_the_same_city_with_or_without_its_article(a, b):
    from kbgen.text.addresses import same_city
    assert same_city(a, b) and same_city(b, a)


@pytest.mark.parametrize("a, b", [("A Coruña", "Oleiros"), ("La Laguna", "Las Palmas"), ("Madrid", "La Rioja")])
def test_different_cities_stay_different(a, b):
    from kbgen.text.addresses import same_city
    assert not same_city(a, b)


def test_a_sign_that_writes_la_coruna_is_the_same_address():
    from kbgen.text.addresses import address_differences
    a = parse_address("Calle Real 12, 15003 A Coruña")
    b = parse_address("C/ Real, 12 - 15003 La Coruña")
    assert same_address(a, b) and address_differences(a, b) == []
