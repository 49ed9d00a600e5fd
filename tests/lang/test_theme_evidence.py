"""A theme needs evidence that the work touches it, not a word in passing.

Sentences in the registers of bewonersbrieven, projectpagina's, raadsvoorstellen and
verslagen: a theme word about hinder, planning, communication, who takes part, a
department or a policy document adds nothing; the same word as what is built counts.
"""

from __future__ import annotations

import pytest

from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.lang.nl import find_themes

PASSING: list[tuple[str, list[str]]] = [
    # bewonersbrief: hinder while the sewer is replaced
    (
        "Vanaf maandag vervangen wij het riool in de Lindelaan. De straat is dan afgesloten "
        "voor auto's en fietsers; er geldt een omleiding via de Beukenweg.",
        ["riolering"],
    ),
    (
        "De bouwplaats aan de Kerkstraat wordt 's nachts verlicht; de verlichting van het "
        "werkterrein brandt tot zes uur.",
        [],
    ),
    # communication: how residents are told
    (
        "Bewoners worden per brief geïnformeerd en kunnen vragen stellen op de inloopavond in "
        "het buurthuis over parkeren en speelplekken.",
        [],
    ),
    # planning
    (
        "De aannemer start in week 12 met de eerste fase; de planning van de fietsroute volgt.",
        [],
    ),
    # who commissions: a department named after a theme
    ("Opdrachtgever: het afdelingshoofd Verkeer en Vervoer.", []),
    ("Ik ben teamleider Groen en Water bij de gemeente.", []),
    # who takes part, each with its part in brackets
    (
        "Betrokken: Stedin (kabels), de winkeliers (bereikbaarheid) en de school (halen en "
        "brengen).",
        [],
    ),
    # a policy document by name
    ("Het werk past binnen het Gemeentelijk Verkeers- en Vervoersplan.", []),
    # herinrichting names the whole work, not its paving
    ("Het college stelt voor de Marktstraat her in te richten.", []),
    # "aanleiding" and "projectleiding" are no pipes
    ("Aanleiding", []),
    ("De projectleiding ligt bij het team Beheer.", []),
    # what the work leaves alone
    ("De riolering blijft liggen; alleen de bovengrond wordt aangepakt.", []),
    ("De lantaarnpalen worden niet vervangen.", []),
    # hinder for drivers and the bus while the work is done
    ("Tijdens het werk kunt u uw auto niet voor de deur parkeren.", []),
    ("Lijn 4 van Arriva rijdt in die periode via de Julianalaan.", []),
    # a dated one-day activity is planning
    ("Op dinsdag 14 april worden de eerste twee bomen gekapt.", []),
    # lighting that is not the street's
    ("De veldverlichting van sportpark Zuid is aan vervanging toe.", []),
]

EVIDENCE: list[tuple[str, list[str]]] = [
    # raadsvoorstel: what is built and improved
    (
        "Voorgesteld wordt de Stationsweg te voorzien van een vrijliggend fietspad en nieuwe "
        "straatverlichting.",
        ["mobiliteit", "openbare_verlichting"],
    ),
    # hinder sentence, but the theme word is the object of the work
    (
        "Tijdens de vervanging van de riolering is de Havenstraat afgesloten.",
        ["riolering"],
    ),
    (
        "Tijdens het werk worden ook de kabels vernieuwd, daarom blijft de weg dicht.",
        ["kabels_en_leidingen"],
    ),
    # the parties do the work
    (
        "Samen met Liander vervangen we dit najaar het riool en de kabels.",
        ["riolering", "kabels_en_leidingen"],
    ),
    (
        "Stedin (elektra), Evides (water) en de gemeente (riool) willen de komende jaren "
        "allemaal in de Tanthoflaan graven.",
        ["riolering"],
    ),
    ("Liander moet het net flink verzwaren.", ["kabels_en_leidingen"]),
    ("Op 3 maart begint de vervanging van het riool.", ["riolering"]),
    ("De gevelverlichting in de winkelstraat wordt vernieuwd.", ["openbare_verlichting"]),
    # projectpagina: the occasion is evidence too
    (
        "Bij hevige regen lopen de kelders onder en de stoepen liggen scheef door boomwortels.",
        ["klimaatadaptatie", "verharding", "groen"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PASSING)
def test_a_word_in_passing_is_no_theme(text: str, expected: list[str]) -> None:
    assert find_themes(text) == expected


@pytest.mark.parametrize(("text", "expected"), EVIDENCE)
def test_what_the_work_touches_is_a_theme(text: str, expected: list[str]) -> None:
    assert sorted(find_themes(text)) == sorted(expected)


def test_a_bewonersbrief_gives_only_the_themes_of_the_work() -> None:
    letter = (
        "Beste bewoner,\n\n"
        "In opdracht van de gemeente vervangen wij vanaf 3 maart de riolering in de "
        "Populierstraat en leggen wij wadi's aan in de middenberm. Tijdens de werkzaamheden "
        "is de straat afgesloten voor autoverkeer; fietsers en voetgangers kunnen er langs. "
        "De bouwplaats wordt verlicht. Heeft u vragen over het parkeren? Kom dan naar de "
        "inloopavond.\n\nMet vriendelijke groet,\nteam Openbare Ruimte"
    )
    themes = RulesExtractor().extract(letter).themes
    assert sorted(themes) == ["klimaatadaptatie", "riolering"]


@pytest.mark.parametrize("section", ["stakeholders", "frameworks"])
def test_answers_about_parties_or_kaders_add_no_theme(section: str) -> None:
    text = "Enexis vanwege de kabels, het waterschap voor de waterberging en de Fietsersbond."
    assert RulesExtractor().extract(text, section=section).themes == []  # type: ignore[arg-type]


def test_the_same_words_in_the_goal_answer_are_themes() -> None:
    text = "We willen de kabels vernieuwen en meer waterberging onder het plein."
    themes = RulesExtractor().extract(text, section="goal").themes
    assert sorted(themes) == ["kabels_en_leidingen", "klimaatadaptatie"]
