"""The offline Dutch rules, table-driven: phrasings as administrators write them in mails,
notes, minutes and chat answers, plus the numbers and words that must NOT be taken."""

from __future__ import annotations

import random
import time
from datetime import date
from typing import Any

import pytest

from opdrachtassistent.commission import THEMES
from opdrachtassistent.lang import nl
from opdrachtassistent.lang.nl import (
    FRAMEWORKS,
    INSTRUMENTS,
    PARTY_KINDS,
    find_commissioner,
    find_frameworks,
    find_instruments,
    find_level,
    find_parties,
    find_themes,
    level_of,
    parse_amount_eur,
    parse_deadline,
    parse_fte,
    words_to_number,
)

TODAY = date(2026, 3, 1)

# ------------------------------------------------------------------ words_to_number

WORDS: list[tuple[str, float]] = [
    ("tweehonderdvijftigduizend", 250_000),
    ("anderhalf", 1.5),
    ("anderhalve", 1.5),
    ("drie", 3),
    ("een", 1),
    ("één", 1),
    ("nul", 0),
    ("elf", 11),
    ("achttien", 18),
    ("vijfentwintig", 25),
    ("tweeëntwintig", 22),
    ("honderd", 100),
    ("driehonderd", 300),
    ("twaalfhonderd", 1200),
    ("tweeduizend", 2000),
    ("twee miljoen", 2_000_000),
    ("twee miljoen driehonderdduizend", 2_300_000),
    ("twee komma vijf", 2.5),
    ("nul komma acht", 0.8),
    ("een half", 0.5),
    ("tweeënhalf", 2.5),
    ("twee en een half", 2.5),
    ("drie ton", 300_000),
    ("anderhalve ton", 150_000),
    ("2,5", 2.5),
    ("1.750.000", 1_750_000),
    ("1,750,000", 1_750_000),
    ("450k", 450_000),
    ("2,5 miljoen", 2_500_000),
    ("  Drie.  ", 3),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_words_to_number(text: str, expected: float) -> None:
    assert words_to_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["", "bomen", "miljoenen", "honderden", "vieren", "tien bomen", "een paar", "enkele ton"],
)
def test_words_to_number_rejects_non_numbers(text: str) -> None:
    assert words_to_number(text) is None


# ------------------------------------------------------------------ money

MONEY: list[tuple[str, float]] = [
    ("we hebben zo'n 2,5 mln gereserveerd", 2_500_000),
    ("budget: € 1.750.000,-", 1_750_000),
    ("drie ton", 300_000),
    ("450k", 450_000),
    ("ca. 3,2 miljoen euro", 3_200_000),
    ("€ 2,5 miljoen", 2_500_000),
    ("een miljoen", 1_000_000),
    ("twee komma vijf miljoen", 2_500_000),
    ("3 miljoen", 3_000_000),
    ("Het budget is 800.000", 800_000),
    ("budget 800.000 euro", 800_000),
    ("€800.000", 800_000),
    ("EUR 1.200.000,00", 1_200_000),
    ("1,750,000 euro", 1_750_000),
    ("2.5 million euro", 2_500_000),
    ("€ 2.5M", 2_500_000),
    ("450 k€", 450_000),
    ("er is 1,2 mln beschikbaar", 1_200_000),
    ("Er ligt een krediet van 4,75 miljoen klaar.", 4_750_000),
    ("ongeveer anderhalf miljoen", 1_500_000),
    ("een half miljoen", 500_000),
    ("twee en een halve ton", 250_000),
    ("tweehonderdvijftigduizend euro", 250_000),
    ("vijftigduizend euro", 50_000),
    ("We hebben zeven ton en een halve fte.", 700_000),
    ("De kosten worden geraamd op 3,4 miljoen; er is 2,5 miljoen beschikbaar.", 2_500_000),
    ("budget 3 miljoen, waarvan 500k subsidie van de provincie", 3_000_000),
    ("Budget: gemeente € 1.300.000, waterschap € 200.000, totaal € 1.500.000.", 1_500_000),
    ("tussen de 2 en 3 miljoen", 3_000_000),
    ("2 à 3 miljoen", 3_000_000),
    ("De raming is 2,1 miljoen.", 2_100_000),
    ("€ 950.000 excl. btw", 950_000),
    ("Het budget is toch 4 miljoen.", 4_000_000),
    ("€ 75.000,-", 75_000),
    ("€ 12.500", 12_500),
    ("twee miljoen euro", 2_000_000),
    ("ruim 3 ton", 300_000),
    ("Budget € 2,9 miljoen. Gereed: 1 juli 2027.", 2_900_000),
    ("Er is 5 mio beschikbaar.", 5_000_000),
    ("€ 1 750 000", 1_750_000),
    ("We krijgen 300 duizend euro.", 300_000),
    ("3,2 mln euro voor riool en straat", 3_200_000),
    ("Kosten: € 1.680.000,-. Capaciteit: 1,2 fte.", 1_680_000),
    ("Budget gemeente: 1.850.000 euro.", 1_850_000),
    ("Extra 1,3 mln beschikbaar.", 1_300_000),
    ("Twee Ton.", 200_000),
    ("budget € 3,2 miljoen voor 200 bomen in 2027", 3_200_000),
]


@pytest.mark.parametrize(("text", "expected"), MONEY)
def test_parse_amount_eur(text: str, expected: float) -> None:
    assert parse_amount_eur(text) == pytest.approx(expected)


NOT_MONEY = [
    "200 bomen",
    "30 km/u",
    "Kerkstraat 12",
    "2027",
    "klaar in 2027",
    "2 fte",
    "40 extra bomen en 5.000 m² tegels eruit",
    "10% meer groen",
    "1 miljoen inwoners",
    "10 ton asfalt",
    "budget voor 2026 is nog onbekend",
    "Er is nog geen budget.",
    "",
    "huisnummers 2 t/m 48",
    "de N279 en de A2",
    "zone 30",
    "1,5 fte",
    "binnen 2 jaar",
    "16 uur per week",
    "Q3 2026",
    "tien bomen en drie bankjes",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_parse_amount_eur_ignores_other_numbers(text: str) -> None:
    assert parse_amount_eur(text) is None


# ------------------------------------------------------------------ fte

FTE: list[tuple[str, float]] = [
    ("anderhalve fte", 1.5),
    ("een halve fte", 0.5),
    ("2 fte", 2),
    ("1,5 fte", 1.5),
    ("twee fte", 2),
    ("3 formatieplaatsen", 3),
    # separate roles: summed, the commission needs the total capacity
    ("0,8 fte projectleider en 0,5 fte werkvoorbereider", 1.3),
    ("0,8 fte + 0,5 fte", 1.3),
    ("Capaciteit: 1 fte projectleider, 0,5 fte toezicht.", 1.5),
    # hours a week against the 36-hour government working week
    ("16 uur per week", 0.44),
    ("36 uur per week", 1.0),
    ("18 uur in de week", 0.5),
    ("twee dagen per week", 0.4),
    # a range counts its upper bound; a total wins; "waarvan" marks the parts
    ("1 à 2 fte", 2),
    ("1-2 fte", 2),
    ("in totaal 3 fte, waarvan 1 fte projectleider", 3),
    ("2 fte, waarvan 0,5 fte projectleider", 2),
    ("een fte", 1),
    ("één fte", 1),
    ("1 FTE", 1),
    ("2,5 fte", 2.5),
    ("0.8 fte", 0.8),
    ("ongeveer 3 fte", 3),
    ("vier formatieplaatsen", 4),
    ("een fulltime projectleider", 1),
    ("zes fte's", 6),
    ("Benodigde capaciteit 1,3 fte.", 1.3),
    ("Capaciteit: 4 fte.", 4),
]


@pytest.mark.parametrize(("text", "expected"), FTE)
def test_parse_fte(text: str, expected: float) -> None:
    assert parse_fte(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "200 bomen",
        "budget 3 miljoen",
        "we hebben te weinig mensen",
        "fte's zijn schaars",
        "eind 2027",
    ],
)
def test_parse_fte_none(text: str) -> None:
    assert parse_fte(text) is None


# ------------------------------------------------------------------ deadlines

DEADLINES: list[tuple[str, date]] = [
    ("eind 2027", date(2027, 12, 31)),
    ("Q3 2026", date(2026, 9, 30)),
    ("voor de zomer van 2026", date(2026, 6, 30)),
    ("1 augustus 2026", date(2026, 8, 1)),
    ("uiterlijk medio 2027", date(2027, 6, 30)),
    ("begin 2028", date(2028, 3, 31)),
    ("het eerste kwartaal van 2026", date(2026, 3, 31)),
    ("in 2027 opgeleverd", date(2027, 12, 31)),
    ("najaar 2026", date(2026, 11, 30)),
    ("december 2026", date(2026, 12, 31)),
    ("binnen twee jaar", date(2028, 3, 1)),
    ("start in 2026, klaar eind 2027", date(2027, 12, 31)),
    ("klaar in 2027", date(2027, 12, 31)),
    ("opgeleverd in 2028", date(2028, 12, 31)),
    ("voor 2028 af", date(2027, 12, 31)),
    ("oplevering Q4 2027", date(2027, 12, 31)),
    ("Q1-2027", date(2027, 3, 31)),
    ("2027-Q2", date(2027, 6, 30)),
    ("3e kwartaal 2026", date(2026, 9, 30)),
    ("derde kwartaal van 2026", date(2026, 9, 30)),
    ("Q3 '26", date(2026, 9, 30)),
    ("tweede helft 2027", date(2027, 12, 31)),
    ("eerste helft van 2027", date(2027, 6, 30)),
    ("H1 2027", date(2027, 6, 30)),
    ("voorjaar 2027", date(2027, 5, 31)),
    ("zomer 2026", date(2026, 8, 31)),
    ("herfst 2026", date(2026, 11, 30)),
    ("winter 2026", date(2027, 2, 28)),
    ("voor de winter van 2026", date(2026, 11, 30)),
    ("voor het najaar van 2026", date(2026, 8, 31)),
    ("na de zomer van 2026", date(2026, 9, 30)),
    ("voor de zomervakantie 2027", date(2027, 6, 30)),
    ("eind augustus 2026", date(2026, 8, 31)),
    ("begin september 2026", date(2026, 9, 10)),
    ("medio oktober 2026", date(2026, 10, 15)),
    ("31-12-2027", date(2027, 12, 31)),
    ("1-7-2026", date(2026, 7, 1)),
    ("2027-06-30", date(2027, 6, 30)),
    ("15 maart 2027", date(2027, 3, 15)),
    ("1 jan. 2027", date(2027, 1, 1)),
    ("ultimo 2026", date(2026, 12, 31)),
    ("halverwege 2027", date(2027, 6, 30)),
    ("aan het eind van 2027", date(2027, 12, 31)),
    ("uiterlijk 1 december 2027", date(2027, 12, 1)),
    ("Gereed: 30 september 2027.", date(2027, 9, 30)),
    ("binnen 18 maanden", date(2027, 9, 1)),
    ("binnen een jaar", date(2027, 3, 1)),
    ("binnen een half jaar", date(2026, 9, 1)),
    ("binnen zes weken", date(2026, 4, 12)),
    ("volgend jaar klaar", date(2027, 12, 31)),
    ("eind dit jaar", date(2026, 12, 31)),
    ("voor december", date(2026, 11, 30)),
    ("eind september", date(2026, 9, 30)),
    ("Looptijd: tot en met 2029.", date(2029, 12, 31)),
    ("Klaar vóór carnaval 2027, dat is 5 februari 2027.", date(2027, 2, 5)),
    ("Gereed: voor de zomervakantie, dus voor 1 juli 2026.", date(2026, 7, 1)),
    ("voor Q3 2026", date(2026, 6, 30)),
    ("Start uitvoering Q1 2026, gereed Q3 2026.", date(2026, 9, 30)),
    ("we willen in 2026 beginnen en medio 2028 klaar zijn", date(2028, 6, 30)),
    ("Oplevering: december 2027.", date(2027, 12, 31)),
    ("klaar in september 2026", date(2026, 9, 30)),
    ("Planning: gereed eind juni 2027.", date(2027, 6, 30)),
    ("De wethouder wil dat het eind 2027 klaar is.", date(2027, 12, 31)),
]


@pytest.mark.parametrize(("text", "expected"), DEADLINES)
def test_parse_deadline(text: str, expected: date) -> None:
    assert parse_deadline(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2027",
        "start in 2026",
        "het GRP 2023-2027",
        "het Mobiliteitsplan 2040",
        "in 2019 is het riool geïnspecteerd",
        "budget 3 miljoen",
        "Kerkstraat 12",
        "vanaf 1 januari 2027 beginnen we",
        "sinds 2020 hebben we wateroverlast",
        "wethouder Jan de Vries",
    ],
)
def test_parse_deadline_none(text: str) -> None:
    assert parse_deadline(text, today=TODAY) is None


def test_relative_deadline_counts_from_today() -> None:
    assert parse_deadline("binnen twee jaar", today=date(2030, 5, 31)) == date(2032, 5, 31)
    assert parse_deadline("voor de zomer", today=date(2026, 8, 1)) == date(2027, 6, 30)


# ------------------------------------------------------------------ commissioner and level

COMMISSIONERS: list[tuple[str, str]] = [
    ("wethouder De Vries is opdrachtgever", "wethouder De Vries"),
    ("Opdrachtgever is wethouder van der Berg.", "wethouder van der Berg"),
    ("het college van B&W", "het college van B&W"),
    ("De opdracht komt van het college van B en W.", "het college van B en W"),
    ("afdelingshoofd Beheer", "afdelingshoofd Beheer"),
    ("de gemeenteraad", "de gemeenteraad"),
    ("In opdracht van de stuurgroep Binnenstad", "de stuurgroep Binnenstad"),
    ("directeur Stadsontwikkeling is ambtelijk opdrachtgever", "directeur Stadsontwikkeling"),
    ("programmamanager Klimaatadaptatie", "programmamanager Klimaatadaptatie"),
    ("teamleider Wegen", "teamleider Wegen"),
    ("de burgemeester", "de burgemeester"),
    ("wethouder van 't Hof", "wethouder van 't Hof"),
    ("Wethouder Jansen wil de straat aanpakken.", "wethouder Jansen"),
    ("We leggen het voor aan de raad; wethouder Jansen is opdrachtgever.", "wethouder Jansen"),
    ("Namens wethouder Bakker stuur ik je de stukken.", "wethouder Bakker"),
    ("Opdrachtgever: Jan de Vries", "Jan de Vries"),
    (
        "Aanwezig: wethouder Dekker (vz, opdrachtgever), afdelingshoofd Stadsbeheer, Liander.",
        "wethouder Dekker",
    ),
    ("Portefeuillehouder: wethouder Verbeek.", "wethouder Verbeek"),
    (
        "Memo Aan: afdelingshoofd Openbare Ruimte. Het afdelingshoofd is ambtelijk opdrachtgever.",
        "afdelingshoofd Openbare Ruimte",
    ),
    (
        "Bestuurlijk opdrachtgever: wethouder Peters. "
        "Ambtelijk opdrachtgever: directeur Stadsbeheer.",
        "wethouder Peters",
    ),
    ("Voor Schothorst is de directeur Stad ambtelijk opdrachtgever.", "directeur Stad"),
    (
        "De bestuurlijke stuurgroep Zeeheldenbuurt is opdrachtgever.",
        "de bestuurlijke stuurgroep Zeeheldenbuurt",
    ),
    ("gedeputeerde Van Dijk", "gedeputeerde Van Dijk"),
    ("Aantekeningen gesprek met wethouder Meijer over de Kwekerijweg.", "wethouder Meijer"),
    ("Ik ben zelf opdrachtgever, wethouder Hendriks, bestuurlijk dus.", "wethouder Hendriks"),
    ("We doen dit in opdracht van het college.", "het college"),
    (
        "Namens het college: de wijk moet van het aardgas af. Opdrachtgever is wethouder "
        "El Idrissi.",
        "wethouder El Idrissi",
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMMISSIONERS)
def test_find_commissioner(text: str, expected: str) -> None:
    assert find_commissioner(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Binnen budget en planning beslist de projectleider zelf; bij overschrijding beslist "
        "de wethouder.",
        "Dat leggen we voor aan de raad.",
        "De projectleider is Piet.",
        "Enexis en het waterschap doen mee.",
        "Wie opdrachtgever is weten we nog niet.",
        "De opdrachtnemer is afdelingshoofd Beheer.",
    ],
)
def test_find_commissioner_none(text: str) -> None:
    assert find_commissioner(text) is None


LEVELS_OF: list[tuple[str, str | None]] = [
    ("wethouder De Vries", "bestuurlijk"),
    ("het college van B&W", "bestuurlijk"),
    ("de burgemeester", "bestuurlijk"),
    ("de gemeenteraad", "bestuurlijk"),
    ("de raad", "bestuurlijk"),
    ("gedeputeerde Van Dijk", "bestuurlijk"),
    ("portefeuillehouder", "bestuurlijk"),
    ("afdelingshoofd Beheer", "ambtelijk"),
    ("directeur Stadsontwikkeling", "ambtelijk"),
    ("programmadirecteur", "ambtelijk"),
    ("programmamanager Klimaatadaptatie", "ambtelijk"),
    ("teamleider Wegen", "ambtelijk"),
    ("projectleider", "ambtelijk"),
    ("gemeentesecretaris", "ambtelijk"),
    ("de stuurgroep Binnenstad", None),
    ("bestuurlijke stuurgroep", "bestuurlijk"),
    ("ambtelijke stuurgroep", "ambtelijk"),
    ("Jan de Vries", None),
    ("", None),
]


@pytest.mark.parametrize(("commissioner", "expected"), LEVELS_OF)
def test_level_of(commissioner: str, expected: str | None) -> None:
    assert level_of(commissioner) == expected


FIND_LEVEL: list[tuple[str, str | None]] = [
    ("bestuurlijk opdrachtgever is de wethouder", "bestuurlijk"),
    ("op ambtelijk niveau", "ambtelijk"),
    ("Bestuurlijk.", "bestuurlijk"),
    ("ambtelijk", "ambtelijk"),
    ("Het ligt op bestuurlijk niveau.", "bestuurlijk"),
    ("niet bestuurlijk maar ambtelijk opdrachtgever", "ambtelijk"),
    ("De ambtelijke opdrachtgever is de directeur.", "ambtelijk"),
    ("", None),
    ("wethouder De Vries", None),
]


@pytest.mark.parametrize(("text", "expected"), FIND_LEVEL)
def test_find_level(text: str, expected: str | None) -> None:
    assert find_level(text) == expected


# ------------------------------------------------------------------ parties

PARTIES: list[tuple[str, list[tuple[str, str]]]] = [
    ("waterschap De Dommel", [("waterschap De Dommel", "waterschap")]),
    ("hoogheemraadschap van Rijnland", [("hoogheemraadschap van Rijnland", "waterschap")]),
    ("Waterschap Aa en Maas doet mee", [("Waterschap Aa en Maas", "waterschap")]),
    ("Enexis", [("Enexis", "netbeheerder")]),
    ("Liander en Stedin", [("Liander", "netbeheerder"), ("Stedin", "netbeheerder")]),
    ("de netbeheerder", [("netbeheerder", "netbeheerder")]),
    ("Enexis, de netbeheerder, legt kabels", [("Enexis", "netbeheerder")]),
    ("Vitens", [("Vitens", "drinkwaterbedrijf")]),
    ("Brabant Water", [("Brabant Water", "drinkwaterbedrijf")]),
    ("het drinkwaterbedrijf", [("drinkwaterbedrijf", "drinkwaterbedrijf")]),
    ("KPN", [("KPN", "telecom")]),
    ("een glasvezelaanbieder", [("glasvezelaanbieder", "telecom")]),
    ("woningcorporatie Woonbron", [("woningcorporatie Woonbron", "woningcorporatie")]),
    ("de corporatie", [("corporatie", "woningcorporatie")]),
    ("provincie Utrecht", [("provincie Utrecht", "provincie")]),
    ("ProRail", [("ProRail", "spoorbeheerder")]),
    ("Rijkswaterstaat", [("Rijkswaterstaat", "rijk")]),
    ("bewoners van de Kerkstraat", [("bewoners van de Kerkstraat", "bewoners")]),
    ("de omwonenden", [("omwonenden", "bewoners")]),
    (
        "ondernemers en de winkeliersvereniging",
        [
            ("ondernemers", "ondernemers"),
            ("winkeliersvereniging", "ondernemers"),
        ],
    ),
    ("scholen", [("scholen", "scholen")]),
    ("basisschool De Regenboog", [("basisschool De Regenboog", "scholen")]),
    ("hulpdiensten", [("hulpdiensten", "hulpdiensten")]),
    (
        "brandweer, ambulancedienst en politie",
        [
            ("brandweer", "hulpdiensten"),
            ("ambulancedienst", "hulpdiensten"),
            ("politie", "hulpdiensten"),
        ],
    ),
    ("Arriva en Qbuzz", [("Arriva", "vervoerder"), ("Qbuzz", "vervoerder")]),
    ("de vervoerder", [("vervoerder", "vervoerder")]),
    ("de busmaatschappij", [("busmaatschappij", "vervoerder")]),
    ("de Fietsersbond", [("Fietsersbond", "belangenorganisatie")]),
    (
        "IVN en de natuurvereniging",
        [
            ("IVN", "belangenorganisatie"),
            ("natuurvereniging", "belangenorganisatie"),
        ],
    ),
    ("Staatsbosbeheer", [("Staatsbosbeheer", "natuurbeheerder")]),
    ("Gasunie", [("Gasunie", "netbeheerder")]),
    ("het warmtebedrijf", [("warmtebedrijf", "warmtebedrijf")]),
    ("Eneco en Vattenfall", [("Eneco", "warmtebedrijf"), ("Vattenfall", "warmtebedrijf")]),
    ("de gemeenteraad", [("gemeenteraad", "raad")]),
    (
        "afdeling Beheer en team Riolering",
        [
            ("afdeling Beheer", "gemeente"),
            ("team Riolering", "gemeente"),
        ],
    ),
    (
        "Waterschap De Dommel, Enexis en de bewoners van de Kerkstraat doen mee; Enexis wil "
        "meteen verzwaren.",
        [
            ("Waterschap De Dommel", "waterschap"),
            ("Enexis", "netbeheerder"),
            ("bewoners van de Kerkstraat", "bewoners"),
        ],
    ),
    (
        "De gemeenteraad is opdrachtgever; waterschap Aa en Maas doet mee.",
        [
            ("waterschap Aa en Maas", "waterschap"),
        ],
    ),
    (
        "In opdracht van de raad. Partners: Liander, Vivare en Tiwos.",
        [
            ("Liander", "netbeheerder"),
            ("Vivare", "woningcorporatie"),
            ("Tiwos", "woningcorporatie"),
        ],
    ),
    (
        "De Dommel (water), Enexis (kabels)",
        [("De Dommel", "waterschap"), ("Enexis", "netbeheerder")],
    ),
    ("de aannemer", [("aannemer", "aannemer")]),
]


@pytest.mark.parametrize(("text", "expected"), PARTIES)
def test_find_parties(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.kind) for p in find_parties(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "de afdeling en het team",
        "We gaan de straat opnieuw inrichten.",
        "De RET-lijn? nee: ret is geen woord",
        "portaal van de woning",
    ],
)
def test_find_parties_none(text: str) -> None:
    assert find_parties(text) == []


def test_party_kinds_cover_what_find_parties_returns() -> None:
    text = " ".join(t for t, _ in PARTIES)
    assert {p.kind for p in find_parties(text)} <= set(PARTY_KINDS)
    assert {"waterschap", "netbeheerder", "bewoners", "gemeente", "raad"} <= set(PARTY_KINDS)


# ------------------------------------------------------------------ themes

THEME_CASES: list[tuple[str, list[str]]] = [
    ("rioolvervanging", ["riolering"]),
    ("het riool is op", ["riolering"]),
    ("afkoppelen van hemelwater", ["riolering", "klimaatadaptatie"]),
    ("nieuwe bestrating en asfalt", ["verharding"]),
    # Herinrichting names the whole work, not one of its parts.
    ("herinrichting van de weg", []),
    ("herinrichting met nieuwe natuursteen", ["verharding"]),
    ("meer bomen en groen", ["groen"]),
    ("een plantsoen en vergroening", ["groen"]),
    ("groente en fruit", []),
    ("trioolen", []),
    ("de raad gaf groen licht", []),
    ("GroenLinks wil het", []),
    ("hittestress en wateroverlast", ["klimaatadaptatie"]),
    ("wadi's aanleggen", ["klimaatadaptatie"]),
    ("klimaatbestendig maken", ["klimaatadaptatie"]),
    ("aardgasvrij en laadpalen", ["energietransitie"]),
    ("warmtenet en zonnepanelen", ["energietransitie"]),
    ("fietspad en parkeren", ["mobiliteit"]),
    ("30 km-zone", ["mobiliteit"]),
    ("de bushalte en het OV", ["mobiliteit"]),
    ("glasvezel en netverzwaring", ["kabels_en_leidingen"]),
    ("kabels en leidingen in de ondergrond", ["kabels_en_leidingen"]),
    ("ondergrondse containers", []),
    ("lantaarnpalen vervangen", ["openbare_verlichting"]),
    ("betere straatverlichting", ["openbare_verlichting"]),
    ("ontmoeten en spelen", ["leefbaarheid"]),
    ("een speeltuin", ["leefbaarheid"]),
    ("de spelregels", []),
    ("grondwater en de singel", ["water"]),
    ("de sloot", ["water"]),
    ("een veilige schoolzone met oversteekplaats", ["verkeersveiligheid"]),
    ("hergebruik van klinkers, circulair", ["circulariteit", "verharding"]),
    (
        "Riolering, groen en verkeersveiligheid",
        ["riolering", "groen", "verkeersveiligheid"],
    ),
    ("parkeerplaatsen", ["mobiliteit"]),
    ("Het RIOOL en de BOMEN", ["riolering", "groen"]),
]


@pytest.mark.parametrize(("text", "expected"), THEME_CASES)
def test_find_themes(text: str, expected: list[str]) -> None:
    assert find_themes(text) == expected


def test_theme_patterns_cover_the_vocabulary() -> None:
    assert set(nl.THEME_PATTERNS) == set(THEMES)


# ------------------------------------------------------------------ frameworks and instruments

FRAMEWORK_CASES: list[tuple[str, str]] = [
    ("het GRP", "Gemeentelijk Rioleringsplan (GRP)"),
    ("het verbreed GRP", "Gemeentelijk Rioleringsplan (GRP)"),
    ("Wet gemeentelijke watertaken", "Wet gemeentelijke watertaken"),
    ("de zorgplicht voor hemelwater", "Wet gemeentelijke watertaken"),
    ("de Omgevingswet", "Omgevingswet"),
    ("het omgevingsplan", "Omgevingsplan"),
    ("het bestemmingsplan", "Omgevingsplan"),
    ("Omgevingsvisie 2040", "Omgevingsvisie"),
    ("Mobiliteitsplan Utrecht 2040", "Mobiliteitsplan"),
    ("het bomenbeleidsplan", "Bomenbeleidsplan"),
    ("het Handboek Openbare Ruimte", "Handboek openbare ruimte"),
    ("de klimaatadaptatiestrategie", "Klimaatadaptatiestrategie"),
    ("de Transitievisie Warmte", "Transitievisie warmte"),
    ("het warmteprogramma", "Warmteprogramma"),
    ("de WIBON", "WIBON"),
    ("de CROW-richtlijnen", "CROW-richtlijnen"),
    ("de Flora- en faunawet", "Wet natuurbescherming"),
    ("de Aanbestedingswet", "Aanbestedingswet"),
    ("het beheerplan wegen", "Beheerplan"),
    ("het coalitieakkoord", "Coalitieakkoord"),
    ("Deltaplan Ruimtelijke Adaptatie", "Deltaplan Ruimtelijke Adaptatie"),
    ("het waterbeheerprogramma", "Waterbeheerprogramma"),
    ("een programma onder de Omgevingswet", "Programma (Omgevingswet)"),
    ("de Wegenverkeerswet", "Wegenverkeerswet"),
    ("de APV", "Verordening"),
    ("Duurzaam Veilig", "Duurzaam Veilig"),
    ("het Besluit bodemkwaliteit", "Besluit bodemkwaliteit"),
    ("de bodemkwaliteitskaart", "Bodemkwaliteitskaart"),
    ("een rijksmonument", "Erfgoed en monumenten"),
    ("de keur van het waterschap", "Waterschapsverordening (Keur)"),
]


@pytest.mark.parametrize(("text", "expected"), FRAMEWORK_CASES)
def test_find_frameworks(text: str, expected: str) -> None:
    assert expected in find_frameworks(text)


@pytest.mark.parametrize("text", ["", "groente", "een programma voor de wijk", "we werken samen"])
def test_find_frameworks_none(text: str) -> None:
    assert find_frameworks(text) == []


def test_frameworks_in_order_of_mention() -> None:
    assert find_frameworks("Omgevingswet, het GRP en de Wet gemeentelijke watertaken") == [
        "Omgevingswet",
        "Gemeentelijk Rioleringsplan (GRP)",
        "Wet gemeentelijke watertaken",
    ]


INSTRUMENT_CASES: list[tuple[str, str]] = [
    ("het meerjarenprogramma", "Meerjarenprogramma (MJP) / integrale programmering"),
    ("integrale programmering", "Meerjarenprogramma (MJP) / integrale programmering"),
    ("een participatietraject", "Participatietraject"),
    ("een bewonersavond", "Bewonersavond"),
    ("een inloopavond", "Bewonersavond"),
    ("een verkeersbesluit", "Verkeersbesluit"),
    ("een KLIC-melding", "KLIC-melding"),
    ("AVOI-afspraken", "AVOI-afspraken / graafcoördinatie"),
    ("graafcoördinatie", "AVOI-afspraken / graafcoördinatie"),
    ("subsidie van de provincie", "Subsidie"),
    ("een stresstest", "Stresstest"),
    ("de risicodialoog", "Risicodialoog"),
    ("een bouwteam", "Bouwteam"),
    ("het raamcontract", "Raamcontract"),
    ("een aanbesteding op EMVI", "Aanbesteding (EMVI/BPKV)"),
    ("een omgevingsvergunning", "Omgevingsvergunning"),
    ("een kapvergunning", "Omgevingsvergunning"),
    ("een omgevingsplanwijziging", "Bestemmingsplan/Omgevingsplanwijziging"),
    ("een anterieure overeenkomst", "Anterieure overeenkomst"),
    ("een samenwerkingsovereenkomst", "Samenwerkingsovereenkomst"),
    ("een convenant", "Convenant"),
    ("het voorlopig ontwerp", "Schetsontwerp/VO/DO"),
    ("SO, VO en DO", "Schetsontwerp/VO/DO"),
    ("een bodemonderzoek", "Onderzoek (bodem, bomen, ecologie)"),
    ("een quickscan flora en fauna", "Onderzoek (bodem, bomen, ecologie)"),
    ("gebiedsgericht werken", "Gebiedsgericht werken"),
    ("een startnotitie", "Startnotitie"),
    ("een raadsvoorstel", "Raadsvoorstel"),
    ("een uitvoeringskrediet", "Reserve/krediet"),
    ("een kostenverdeelsleutel", "Kostenverdeling/kostenverdeelsleutel"),
    ("werk-met-werk maken", "Werk-met-werk / meekoppelen"),
]


@pytest.mark.parametrize(("text", "expected"), INSTRUMENT_CASES)
def test_find_instruments(text: str, expected: str) -> None:
    assert expected in find_instruments(text)


@pytest.mark.parametrize("text", ["", "doen", "groente", "we beginnen gewoon"])
def test_find_instruments_none(text: str) -> None:
    assert find_instruments(text) == []


def test_vocabularies_are_large_enough_and_well_formed() -> None:
    assert len(FRAMEWORKS) >= 25
    assert len(INSTRUMENTS) >= 20
    for table in (FRAMEWORKS, INSTRUMENTS, nl.THEME_PATTERNS):
        for name, patterns in table.items():
            assert name and patterns, name


# ------------------------------------------------------------------ a whole message


def test_one_opening_fills_several_values() -> None:
    text = (
        "We willen de Dorpsstraat herinrichten en de riolering vervangen, wethouder De Vries is "
        "opdrachtgever, budget 3,2 miljoen, klaar eind 2027. Waterschap De Dommel en de "
        "bewoners denken mee; we hebben anderhalve fte."
    )
    assert parse_amount_eur(text) == 3_200_000
    assert parse_fte(text) == 1.5
    assert parse_deadline(text, today=TODAY) == date(2027, 12, 31)
    assert find_commissioner(text) == "wethouder De Vries"
    assert level_of(find_commissioner(text) or "") == "bestuurlijk"
    assert find_themes(text) == ["riolering"]  # herinrichten names the whole work
    assert [p.kind for p in find_parties(text)] == ["waterschap", "bewoners"]


# ------------------------------------------------------------------ robustness


def _all(text: Any) -> None:
    for fn in (
        words_to_number,
        parse_amount_eur,
        parse_fte,
        find_commissioner,
        level_of,
        find_level,
        find_parties,
        find_themes,
        find_frameworks,
        find_instruments,
    ):
        fn(text)
    parse_deadline(text, today=TODAY)
    parse_deadline(text)


GARBAGE = [
    "",
    " ",
    "\n\n\t",
    "🎉🚧🌳💧" * 50,
    "<script>alert('x')</script><b>riool</b> € <i>2,5</i> miljoen",
    "```python\nprint('budget 3 miljoen')\n```",
    "We need to replace the sewer by end of 2027, budget 2.5 million.",
    "Nous devons refaire la rue avant fin 2027.",
    "Улица и канализация, 2027",
    "道路と下水道 2027年",
    "١٢٣٤٥٦ € ٢٠٢٧",
    "€€€€ ,,,, .... ---- 1.2.3.4.5.6.7.8.9",
    "9" * 5000,
    "een " * 3000,
    "achttien" * 2000,
    "twee en " * 2000,
    "Q" * 1000 + "3 2026",
    "wethouder " * 2000,
    "De " * 5000 + "Vries",
    "\x00\x01\x02 budget \ufeff 3 miljoen \u200b",
    "ᴱᴵᴺᴰ ²⁰²⁷ ½ fte ⅓ miljoen",
    "31-02-2027 en 99 maart 2027 en Q9 2026 en 0 fte",
]


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_never_raises(text: str) -> None:
    _all(text)


def test_random_garbage_never_raises() -> None:
    rng = random.Random(20261127)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789€.,;:-/'()&%\n\téëïöü€½🎉<>"
        "€ miljoen ton fte eind Q3 wethouder waterschap"
    )
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        _all(text)
    words = [
        "eind",
        "begin",
        "medio",
        "Q3",
        "2027",
        "voor",
        "de",
        "zomer",
        "van",
        "miljoen",
        "ton",
        "€",
        "fte",
        "een",
        "halve",
        "twee",
        "komma",
    ]
    for _ in range(300):
        _all(" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))))


def test_hundred_kilobytes_is_fast_and_safe() -> None:
    text = (
        "Wethouder De Vries wil de Kerkstraat aanpakken: riool, 🌳 bomen, € 2,5 miljoen, "
        "anderhalve fte, klaar eind 2027. <br/> "
    ) * 1200
    assert len(text) > 100_000
    start = time.perf_counter()
    _all(text)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("value", [None, 3, 2.5, b"bytes", ["lijst"], {"a": 1}])
def test_non_text_input_gives_nothing(value: Any) -> None:
    assert parse_amount_eur(value) is None
    assert parse_fte(value) is None
    assert parse_deadline(value, today=TODAY) is None
    assert find_commissioner(value) is None
    assert find_parties(value) == []
    assert find_themes(value) == []
    assert words_to_number(value) is None


def test_a_thousand_characters_take_well_under_a_millisecond() -> None:
    text = (
        "We willen de Dorpsstraat herinrichten en de riolering vervangen, wethouder De Vries is "
        "opdrachtgever, budget 3,2 miljoen, klaar eind 2027. Waterschap De Dommel en Enexis "
        "doen mee, 1,5 fte. Het GRP en de Omgevingswet; een KLIC-melding en een bewonersavond. "
    ) * 4
    text = text[:1000]
    fns = (
        parse_amount_eur,
        parse_fte,
        find_commissioner,
        find_parties,
        find_themes,
        find_frameworks,
        find_instruments,
        find_level,
    )
    for fn in fns:
        fn(text)
    runs = 30
    start = time.perf_counter()
    for _ in range(runs):
        for fn in fns:
            fn(text)
        parse_deadline(text, today=TODAY)
    per_call = (time.perf_counter() - start) / (runs * (len(fns) + 1))
    # The target is well under 1 ms; the bound leaves room for a loaded CI machine.
    assert per_call < 0.005
