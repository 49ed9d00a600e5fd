"""Persons beside their role, bodies that commission, and parties no vocabulary knows, as
raadsvoorstellen, bewonersbrieven, verslagen, mails and projectpagina's write them."""

from __future__ import annotations

import pytest

from opdrachtassistent.lang.nl import find_commissioner, find_listed_parties, find_parties, level_of

# ------------------------------------------------------------------ appositions

APPOSITIONS: list[tuple[str, str, str]] = [
    (
        "Raadsvoorstel. Opdrachtgever is wethouder Wonen, mevrouw De Boer; zij legt het "
        "ontwerp in juni voor.",
        "wethouder De Boer (Wonen)",
        "bestuurlijk",
    ),
    (
        "Ambtelijk verantwoordelijk is het hoofd Ruimte, de heer Visser, die ook opdrachtgever "
        "is van de planuitwerking.",
        "hoofd Visser (Ruimte)",
        "ambtelijk",
    ),
    (
        "Uit het verslag: mw. Kok, teamleider Wegen, is opdrachtgever en bewaakt het budget.",
        "teamleider Kok (Wegen)",
        "ambtelijk",
    ),
    (
        "Projectpagina: de portefeuillehouder Sport, wethouder Yilmaz, opent in mei de nieuwe "
        "velden.",
        "wethouder Yilmaz (Sport)",
        "bestuurlijk",
    ),
    (
        "Hallo allen, opdrachtgever: dhr. Smit, afdelingshoofd Beheer. Groet, Anouk",
        "afdelingshoofd Smit (Beheer)",
        "ambtelijk",
    ),
    (
        "Ambtelijk opdrachtgever is de heer P. van Dam, hoofd van de afdeling Wegen.",
        "hoofd van Dam (afdeling Wegen)",
        "ambtelijk",
    ),
    (
        "Mevrouw J. Bakker (wethouder Verkeer) is opdrachtgever van de schoolzone.",
        "wethouder Bakker (Verkeer)",
        "bestuurlijk",
    ),
]


@pytest.mark.parametrize(("text", "expected", "level"), APPOSITIONS)
def test_a_named_person_keeps_both_name_and_role(text: str, expected: str, level: str) -> None:
    found = find_commissioner(text)
    assert found == expected
    assert level_of(found or "") == level


BODIES: list[tuple[str, str, str | None]] = [
    (
        "Het bestuurlijk overleg van drie wethouders en de gedeputeerde is opdrachtgever voor "
        "de regionale fietsroute.",
        "het bestuurlijk overleg van drie wethouders en de gedeputeerde",
        "bestuurlijk",
    ),
    (
        "De stuurgroep met de wethouders van beide gemeenten is opdrachtgever.",
        "de stuurgroep met de wethouders van beide gemeenten",
        "bestuurlijk",
    ),
    ("Het college is opdrachtgever; wethouder Jansen is portefeuillehouder.", "het college", None),
]


@pytest.mark.parametrize(("text", "expected", "level"), BODIES)
def test_a_body_that_commissions_is_kept_not_its_last_member(
    text: str, expected: str, level: str | None
) -> None:
    found = find_commissioner(text)
    assert found == expected
    assert level_of(found or "") == (level or "bestuurlijk")


def test_a_stuurgroep_without_members_has_no_level_of_its_own() -> None:
    assert level_of("de stuurgroep Binnenstad") is None


def test_two_people_side_by_side_are_not_one_apposition() -> None:
    # Only a portefeuillehouder is named by the person role after it.
    found = find_commissioner("Opdrachtgever is teamleider Wegen, wethouder Jansen beslist.")
    assert found == "teamleider Wegen"


# ------------------------------------------------------------------ legal forms, kind words

ORGANISATIONS: list[tuple[str, str, str]] = [
    (
        "Bewonersbrief: in maart begint aannemer Van den Berg Infra BV met het graafwerk.",
        "aannemer Van den Berg Infra BV",
        "aannemer",
    ),
    ("Het grondwerk doet Firma De Wit Grondwerken.", "Firma De Wit Grondwerken", "aannemer"),
    ("De bestrating levert Klinkers Noord B.V. aan.", "Klinkers Noord B.V", "bedrijf"),
    (
        "Stichting Oud-Leiden heeft een zienswijze ingediend.",
        "Stichting Oud-Leiden",
        "belangenorganisatie",
    ),
    (
        "De tennisvereniging De Lobbers krijgt een nieuw hek.",
        "tennisvereniging De Lobbers",
        "vereniging",
    ),
    ("De VvE Parkzicht is akkoord met de geveltuinen.", "VvE Parkzicht", "bewoners"),
    ("De klankbordgroep kwam drie keer bijeen.", "klankbordgroep", "bewoners"),
    ("Het wijkplatform Noord dacht mee over de speelplek.", "wijkplatform Noord", "bewoners"),
    (
        "De adviesraad Sociaal Domein vroeg om brede stoepen.",
        "adviesraad Sociaal Domein",
        "belangenorganisatie",
    ),
    ("De laadpaalexploitant plaatst zes nieuwe palen.", "laadpaalexploitant", "laadpaalexploitant"),
]


@pytest.mark.parametrize(("text", "name", "kind"), ORGANISATIONS)
def test_a_legal_form_or_kind_word_makes_a_party_wherever_it_stands(
    text: str, name: str, kind: str
) -> None:
    assert (name, kind) in [(p.name, p.kind) for p in find_parties(text)]


def test_plural_head_names_two_municipalities() -> None:
    names = [(p.name, p.kind) for p in find_parties("Samen met de gemeenten Baarn en Soest.")]
    assert names == [("gemeente Baarn", "buurgemeente"), ("gemeente Soest", "buurgemeente")]


def test_and_inside_a_known_water_board_name_stays_but_joins_no_other_party() -> None:
    names = [
        p.name for p in find_parties("Afstemming met Hoogheemraadschap van Rijnland en Vidomes.")
    ]
    assert names == ["Hoogheemraadschap van Rijnland", "Vidomes"]
    assert [p.name for p in find_parties("Waterschap Aa en Maas en Enexis.")] == [
        "Waterschap Aa en Maas",
        "Enexis",
    ]


def test_a_bare_legal_word_is_no_party() -> None:
    assert find_parties("We richten misschien een stichting op.") == []


# ------------------------------------------------------------------ enumerations

LISTS: list[tuple[str, list[str]]] = [
    (
        "Verslag werksessie\nAanwezig: wethouder Sanders, Centrumbelang, Qbuzz en de "
        "wijkraad Oost.\nAfspraken: zie hieronder.",
        ["Centrumbelang", "Qbuzz", "wijkraad Oost"],
    ),
    (
        "Partners: Enexis, WoonFlex, HWL en Waterschap Vechtstromen.",
        ["Enexis", "WoonFlex", "HWL", "Waterschap Vechtstromen"],
    ),
    (
        "Key stakeholders: Brabant Water, Laadnet (laadpalen), Stichting Groen Dorp.",
        ["Brabant Water", "Laadnet", "Stichting Groen Dorp"],
    ),
    (
        "Hoi Kees, we doen dit samen met de gemeente Zeist en Arriva. Groet, Ilse",
        ["gemeente Zeist", "Arriva"],
    ),
    (
        "De komende weken informeren we de bewoners en de huisartsenpraktijk aan de Dorpsstraat.",
        ["bewoners", "huisartsenpraktijk aan de Dorpsstraat"],
    ),
    ("Groenlinq en Rivierenland Energie doen mee.", ["Groenlinq", "Rivierenland Energie"]),
    (
        "In overleg met Buurtcollectief Zuid, de speeltuinvereniging en HTM.",
        ["Buurtcollectief Zuid", "speeltuinvereniging", "HTM"],
    ),
]


@pytest.mark.parametrize(("text", "names"), LISTS)
def test_every_item_of_a_cued_list_is_a_party(text: str, names: list[str]) -> None:
    assert [p.name for p in find_listed_parties(text)] == names


def test_a_named_municipality_in_a_list_is_another_municipality() -> None:
    [zeist] = find_listed_parties("Betrokken: gemeente Zeist.")
    assert zeist.kind == "buurgemeente"


@pytest.mark.parametrize(
    "text",
    [
        "We betrekken de Omgevingswet, de planning en de kosten bij het ontwerp.",
        "Samen met 1,2 miljoen uit het rioolfonds en 2 fte.",
        "Betrokken: riolering, groen en verharding.",
        "Overleg met wethouder Kok en mevrouw Peters.",
        "Samen met de Kerkstraat en de Molenweg.",
        "Betrokken: het Mobiliteitsplan en het GRP.",
        "We informeren iedereen tijdig.",
    ],
)
def test_what_is_plainly_no_party_is_left_out(text: str) -> None:
    assert find_listed_parties(text) == []


def test_a_list_item_that_is_a_clause_is_left_out() -> None:
    names = [
        p.name
        for p in find_listed_parties("Samen met de gemeenten Baarn en Soest pakken we de N221 aan.")
    ]
    assert names == ["gemeente Baarn", "gemeente Soest"]


def test_an_answer_is_itself_a_list() -> None:
    parties = find_listed_parties(
        "Waterschap Aa en Maas (afkoppelen), Enexis (kabels), BrabantWonen en de bewoners.",
        answer=True,
    )
    assert [p.name for p in parties] == [
        "Waterschap Aa en Maas",
        "Enexis",
        "BrabantWonen",
        "bewoners",
    ]


@pytest.mark.parametrize("text", ["", "🙂🙂 <script>x</script>", "----", "1, 2 en 3"])
def test_noise_gives_no_parties(text: str) -> None:
    assert find_listed_parties(text, answer=True) == []


# ------------------------------------------------------------- second reading of real registers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Opdrachtgever is wethouder Zorg en Welzijn, de heer Aydin.",
            "wethouder Aydin (Zorg en Welzijn)",
        ),
        (
            "Het college besluit: 2. wethouder Verkeer, mevrouw Lamers, aan te wijzen als "
            "bestuurlijk opdrachtgever.",
            "wethouder Lamers (Verkeer)",
        ),
        (
            "Het dagelijks bestuur besluit heemraad Waterkwaliteit, de heer Bos, aan te wijzen "
            "als portefeuillehouder en opdrachtgever.",
            "heemraad Bos (Waterkwaliteit)",
        ),
    ],
)
def test_decision_lists_and_portfolios_with_and(text: str, expected: str) -> None:
    found = find_commissioner(text)
    assert found == expected
    assert level_of(found or "") == "bestuurlijk"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("De Fietsersbond afdeling Baarn is enthousiast.", "Fietsersbond afdeling Baarn"),
        ("Ook de Bomenstichting Utrecht kijkt mee.", "Bomenstichting Utrecht"),
        ("Het werk gaat naar Jansen Grond- en Wegenbouw BV.", "Jansen Grond- en Wegenbouw BV"),
        ("De woningcorporatie woonKracht renoveert de flats.", "woningcorporatie woonKracht"),
        ("Vattenfall InCharge plaatst de palen.", "Vattenfall InCharge"),
        ("De hengelsportvereniging De Karper wil een steiger.", "hengelsportvereniging De Karper"),
    ],
)
def test_names_keep_their_branch_place_and_compound_parts(text: str, name: str) -> None:
    assert name in [p.name for p in find_parties(text)]


def test_a_kind_noun_before_a_place_takes_no_name() -> None:
    assert [p.name for p in find_parties("Op maandag begint de aannemer in Kotten.")] == [
        "aannemer"
    ]


def test_the_writers_own_municipality_is_not_a_neighbour() -> None:
    letter = (
        "Brummen, 3 maart 2027\n\nBeste bewoners,\n\nDe gemeente Voorst legt het fietspad aan "
        "tot de grens.\nWij doen de rest.\n\nMet vriendelijke groet,\ngemeente Brummen"
    )
    kinds = {p.name: p.kind for p in find_parties(letter)}
    assert kinds["gemeente Voorst"] == "buurgemeente"
    assert kinds["gemeente Brummen"] == "gemeente"
    assert kinds["bewoners"] == "bewoners"  # the salutation names the addressees
    assert find_parties("De gemeente Voorst wil het fietspad aanleggen.")[0].kind == "gemeente"


def test_brands_are_parties_wherever_they_stand() -> None:
    from opdrachtassistent.lang.nl import find_brands

    names = [p.name for p in find_brands("BuurtWerk en deltaPark doen mee; meld je via WhatsApp.")]
    assert names == ["BuurtWerk", "deltaPark"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Omwonenden vragen om ook Huisartsenpost Oost en de kinderboerderij aan te haken.",
            ["Huisartsenpost Oost", "kinderboerderij"],
        ),
        (
            "De Wijkraad Noord, de IVN afdeling Ede en Bakkerij Roos zijn geraadpleegd.",
            ["Wijkraad Noord", "IVN afdeling Ede", "Bakkerij Roos"],
        ),
        (
            "Voor het ontwerp zijn gesproken: Parkmanagement Zuid en de Koninklijke Horeca "
            "afdeling Ede.",
            ["Parkmanagement Zuid", "Koninklijke Horeca afdeling Ede"],
        ),
    ],
)
def test_more_ways_of_listing_parties(text: str, names: list[str]) -> None:
    assert [p.name for p in find_listed_parties(text)] == names


def test_a_question_heading_is_no_party() -> None:
    assert find_listed_parties("Wie zijn betrokken?\nDat leest u hieronder.") == []


def test_those_present_are_read_for_their_organisation_not_as_people() -> None:
    minutes = (
        "Aanwezig: Jelle Kooistra (projectleider), mevrouw Bos (Woonstichting Zuidwest), "
        "Pieter Hof (Fietsclub De Trapper), wijkagent Dekker, Stadsbeheer Noord."
    )
    names = [p.name for p in find_listed_parties(minutes)]
    assert names == ["Woonstichting Zuidwest", "Fietsclub De Trapper", "Stadsbeheer Noord"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Betrokken: de botenverhuurders, de wilgenschermen en de taxicentrale.",
            ["botenverhuurders", "taxicentrale"],
        ),
        ("Samen met de marktkooplieden en de kerk.", ["marktkooplieden", "kerk"]),
    ],
)
def test_a_lower_case_item_is_a_party_only_when_its_head_names_people_or_an_organisation(
    text: str, names: list[str]
) -> None:
    assert [p.name for p in find_listed_parties(text)] == names


def test_a_street_after_a_kind_noun_is_no_name() -> None:
    found = find_parties("Mevrouw Nijhuis vertelt dat de gemeente de Molenstraat wil afsluiten.")
    assert found == []


def test_the_commissioners_role_shows_whose_document_it_is() -> None:
    from opdrachtassistent.lang.nl import own_kind

    assert own_kind("dijkgraaf Van Dam") == "waterschap"
    assert own_kind("gedeputeerde Lam (Mobiliteit)") == "provincie"
    assert own_kind("wethouder Smit") is None
    assert own_kind(None) is None


@pytest.mark.parametrize(
    ("text", "commissioner", "level"),
    [
        (
            "Projectpagina. Opdrachtgever is de stuurgroep Haven, waarin wethouder Smit en de "
            "directeur Stad zitting hebben.",
            "de stuurgroep Haven",
            "bestuurlijk",
        ),
        (
            "Het plan valt onder de stuurgroep Veenweide, met daarin de burgemeester en de "
            "dijkgraaf. De stuurgroep is opdrachtgever.",
            "de stuurgroep Veenweide",
            "bestuurlijk",
        ),
        ("De stuurgroep Binnenstad is opdrachtgever.", "de stuurgroep Binnenstad", None),
        (
            "Gedeputeerde Smit is opdrachtgever; de programmamanager Fiets is ambtelijk "
            "opdrachtgever.",
            "gedeputeerde Smit",
            "bestuurlijk",
        ),
        (
            "Ik ben zelf opdrachtgever, wethouder Hendriks, bestuurlijk dus.",
            "wethouder Hendriks",
            "bestuurlijk",
        ),
        ("De directeur is opdrachtgever. Ambtelijk.", "de directeur", "ambtelijk"),
    ],
)
def test_the_level_follows_the_commissioner_and_a_body_its_members(
    text: str, commissioner: str, level: str | None
) -> None:
    from opdrachtassistent.lang.nl import commissioner_level

    assert find_commissioner(text) == commissioner
    assert commissioner_level(text, commissioner) == level


@pytest.mark.parametrize(
    "text",
    [
        "Begrotingsparagraaf riolering: het nieuwe rioleringsplan wordt in 2027 aan de raad "
        "aangeboden.",
        "Het definitief ontwerp wordt in juni aan het college ter besluitvorming voorgelegd.",
    ],
)
def test_a_body_the_work_is_offered_to_is_no_commissioner(text: str) -> None:
    assert find_commissioner(text) is None


def test_a_commissioner_beside_a_body_the_work_is_offered_to() -> None:
    text = "Het ontwerp wordt in juni aan het college voorgelegd. Wethouder Kok is opdrachtgever."
    assert find_commissioner(text) == "wethouder Kok"
