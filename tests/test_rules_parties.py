"""The offline extractor on real registers: named commissioners with their portfolio, bodies
that commission, and stakeholders that no vocabulary knows."""

from __future__ import annotations

from opdrachtassistent.commission import SectionKey
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.extract.rules import RulesExtractor


def _extract(text: str, section: SectionKey | None = None) -> Extraction:
    return RulesExtractor().extract(text, section=section)


def _names(e: Extraction) -> list[str]:
    return [s.name for s in e.stakeholders]


def test_raadsvoorstel_with_a_named_alderman_and_a_list_of_partners() -> None:
    e = _extract(
        "Raadsvoorstel herinrichting Stationskwartier\n\n"
        "Voorgesteld wordt een krediet van € 3,2 miljoen beschikbaar te stellen. "
        "Opdrachtgever is wethouder Mobiliteit, mevrouw Van Leeuwen. "
        "Partners: Qbuzz, Laadnet, Stichting Stationsbuurt en de gemeenten Rhenen en Veenendaal."
    )
    assert e.commissioner == "wethouder Van Leeuwen (Mobiliteit)"
    assert e.level == "bestuurlijk"
    assert _names(e) == [
        "Qbuzz",
        "Laadnet",
        "Stichting Stationsbuurt",
        "gemeente Rhenen",
        "gemeente Veenendaal",
    ]
    assert "Van Leeuwen" not in " ".join(_names(e))


def test_bewonersbrief_names_the_contractor_and_the_neighbourhood_association() -> None:
    e = _extract(
        "Beste bewoners,\n\nVanaf half maart vervangt aannemer Gebr. Hendriks Infra B.V. het "
        "riool in de Lindelaan. Wij werken daarbij samen met Vitens en de buurtvereniging "
        "Lindehof. Met vriendelijke groet, het projectteam"
    )
    names = _names(e)
    assert any(n.startswith("aannemer Gebr") for n in names)
    assert "Vitens" in names and "buurtvereniging Lindehof" in names
    assert "Lindelaan" not in " ".join(names)


def test_verslag_keeps_the_body_and_reads_those_present() -> None:
    e = _extract(
        "Verslag regionaal overleg fietsroute, 14 maart\n"
        "Aanwezig: wethouder Bos, gedeputeerde Lam, Fietsersbond, Trekvogel Reizen.\n"
        "Het bestuurlijk overleg van drie wethouders en de gedeputeerde is opdrachtgever."
    )
    assert e.commissioner == "het bestuurlijk overleg van drie wethouders en de gedeputeerde"
    assert e.level == "bestuurlijk"
    assert _names(e) == ["Fietsersbond", "Trekvogel Reizen"]


def test_mail_with_an_official_before_the_role() -> None:
    e = _extract(
        "Hoi Sanne,\n\nKort: mw. Kok, teamleider Wegen, is opdrachtgever. We willen de "
        "tennisvereniging De Kaats en het wijkplatform aanhaken. Groet, Ruud"
    )
    assert e.commissioner == "teamleider Kok (Wegen)"
    assert e.level == "ambtelijk"
    assert _names(e) == ["tennisvereniging De Kaats", "wijkplatform"]


def test_projectpagina_does_not_read_laws_streets_or_the_college_as_parties() -> None:
    e = _extract(
        "Projectpagina Kerkplein. Het college is opdrachtgever. We werken volgens de "
        "Omgevingswet. In overleg met de Kerkstraat en het Kerkplein zijn de plannen gemaakt."
    )
    assert e.commissioner == "het college"
    assert e.stakeholders == []


def test_stakeholder_answer_keeps_the_item_after_and_as_a_party_not_a_role() -> None:
    e = _extract("De bewoners en de huisartsenpraktijk aan de Dorpsstraat.", "stakeholders")
    assert _names(e) == ["bewoners", "huisartsenpraktijk aan de Dorpsstraat"]
    assert all(s.role is None for s in e.stakeholders)


def test_stakeholder_answer_still_gives_roles_and_interests() -> None:
    e = _extract(
        "Vooral de bewoners, die willen inspraak. Liander vanwege de kabels.", "stakeholders"
    )
    by_name = {s.name: s for s in e.stakeholders}
    assert by_name["bewoners"].interest == "willen inspraak"
    assert by_name["Liander"].role == "de kabels"


def test_a_contractor_in_passing_stays_out_but_a_named_one_counts() -> None:
    assert _extract("De aannemer begint in maart met het graafwerk.").stakeholders == []
    named = _extract("Aannemer Van Gelder Wegenbouw begint in maart met het graafwerk.")
    assert [s.kind for s in named.stakeholders] == ["aannemer"]


def test_collegebesluit_names_the_official_and_reads_the_consulted_parties() -> None:
    e = _extract(
        "Collegebesluit\nVergaderdatum: 3 november 2026\nOnderwerp: speelnatuur Park Zuid\n\n"
        "Het college besluit:\n1. het plan vast te stellen;\n2. de teamleider Groen en Spelen, "
        "mevrouw Ouali, aan te wijzen als ambtelijk opdrachtgever.\n\n"
        "De Speeltuinvereniging Zuid, het IVN afdeling Zuidrand en BuitenWijs zijn geraadpleegd."
    )
    assert e.commissioner == "teamleider Ouali (Groen en Spelen)"
    assert e.level == "ambtelijk"
    assert _names(e) == ["Speeltuinvereniging Zuid", "IVN afdeling Zuidrand", "BuitenWijs"]


def test_nieuwsbericht_names_a_neighbouring_municipality_but_not_its_own() -> None:
    e = _extract(
        "Nieuwsbericht gemeente Lingewaard\n\nFietspad langs de Linge\n\n"
        "Het fietspad langs de Linge wordt breder en veiliger.\n"
        "Wethouder Mobiliteit, mevrouw Kuijpers, is opdrachtgever van het nieuwe fietspad. "
        "De gemeente Overbetuwe legt het deel aan tot de Rijnbrug. Ook de gemeente Lingewaard "
        "draagt bij.\nDe planning volgt in het voorjaar.\nVragen? Bel 14 026."
    )
    assert e.commissioner == "wethouder Kuijpers (Mobiliteit)"
    assert _names(e) == ["gemeente Overbetuwe"]
    assert e.stakeholders[0].kind == "buurgemeente"


def test_projectpagina_of_a_water_board_does_not_list_the_board_itself() -> None:
    e = _extract(
        "Project Beekherstel Dommeldal\n\nWaterschap De Dommel geeft de beek meer ruimte. "
        "Opdrachtgever is dijkgraaf Van Rooij. Samen met Staatsbosbeheer, de gemeente Boxtel en "
        "Brabant Water werken we aan een natuurlijke beek."
    )
    assert e.commissioner == "dijkgraaf Van Rooij"
    assert _names(e) == ["Staatsbosbeheer", "gemeente Boxtel", "Brabant Water"]
