"""Drafting from notes: what they say is filled in, what is missing becomes an open question."""

from __future__ import annotations

from datetime import date

import pytest

from opdrachtassistent import draft

MAIL = """Beste collega's,

Naar aanleiding van het overleg van dinsdag: de riolering in de Kerkstraat en omgeving is aan
vervanging toe en bij hevige buien staat de straat blank. Het doel is een klimaatbestendige
Kerkstraat. We willen alle daken afkoppelen en 25 nieuwe bomen planten.

Wethouder Jansen is opdrachtgever. Budget: € 1.750.000,-, gedekt uit het GRP. Er is
anderhalve fte beschikbaar en het moet klaar zijn voor de zomer van 2026.
We betrekken waterschap Aa en Maas, Enexis en de bewoners van de Kerkstraat.

Groet, Petra
"""

TEMPLATE = """Titel: Schoolzone De Regenboog
Aanleiding: Ouders en school maken zich zorgen over de verkeersveiligheid rond de basisschool.
Doel: Een veilige schoolomgeving.
Resultaten:
- 30 km-zone rond de school
- twee veilige oversteekplaatsen
Opdrachtgever: teamleider Verkeer
Mandaat: binnen het budget beslist het projectteam zelf over de inrichting.
Escalatie: bij meerkosten beslist het afdelingshoofd.
Budget: 450k
Capaciteit: 0,5 fte
Planning: Q3 2026
Kaders: Mobiliteitsplan, Duurzaam Veilig
Instrumenten: verkeersbesluit, participatietraject
Werkwijze: een klein projectteam met verkeerskundige, school en ouders, maandelijks overleg.
"""


def test_mail_fills_what_it_says() -> None:
    c = draft(MAIL)
    assert (c.mandate.commissioner or "").lower() == "wethouder jansen"
    assert c.mandate.level == "bestuurlijk"
    assert c.resources.budget_eur == 1_750_000
    assert c.resources.capacity_fte == 1.5
    assert c.resources.deadline == date(2026, 6, 30)
    assert {"riolering", "klimaatadaptatie"} <= set(c.goal.themes)
    names = " ".join(s.name for s in c.stakeholders).lower()
    assert "aa en maas" in names and "enexis" in names and "bewoners" in names
    assert c.goal.statement is not None
    assert c.context is not None and "riolering" in c.context


def test_missing_becomes_open_questions() -> None:
    c = draft(MAIL)
    joined = "\n".join(c.open_questions)
    # The mail names no frameworks besides the GRP funding, no instruments, no organisation.
    assert "Instrumentarium" in joined
    assert "Organisatie en werkwijze" in joined
    assert all(q.endswith("?") for q in c.open_questions)


def test_labelled_template() -> None:
    c = draft(TEMPLATE)
    assert c.title == "Schoolzone De Regenboog"
    assert c.goal.statement == "Een veilige schoolomgeving."
    assert len(c.goal.results) == 2
    assert c.mandate.commissioner == "teamleider Verkeer"
    assert c.mandate.level == "ambtelijk"
    assert c.mandate.decision_space and "projectteam" in c.mandate.decision_space
    assert c.mandate.escalation and "afdelingshoofd" in c.mandate.escalation
    assert c.resources.budget_eur == 450_000
    assert c.resources.capacity_fte == 0.5
    assert c.resources.deadline == date(2026, 9, 30)
    assert c.instruments
    assert c.organisation and "projectteam" in c.organisation


def test_empty_and_garbage_notes_give_all_open_questions() -> None:
    for text in ("", "   ", "🚧" * 50, "<html><body></body></html>"):
        c = draft(text)
        assert c.resources.budget_eur is None
        assert len(c.open_questions) >= 8


COLLEGE_DECISION = """Collegebesluit herinrichting Marktplein

Datum: 10 maart 2026. Het college stelt een krediet van € 4,2 miljoen beschikbaar, waarvan
€ 1,1 miljoen een bijdrage van de provincie is. Wethouder Kaya is opdrachtgever.
Op dinsdag 14 april 2026 is er een inloopavond voor omwonenden. Aanvang werkzaamheden
najaar 2026; het plein wordt in het voorjaar van 2027 opgeleverd.
"""


def test_a_decision_keeps_the_main_budget_the_start_and_the_completion_date() -> None:
    c = draft(COLLEGE_DECISION)
    assert c.resources.budget_eur == 4_200_000
    assert c.resources.start == date(2026, 9, 1)
    assert c.resources.deadline == date(2027, 5, 31)
    choice = [q for q in c.open_questions if "€ 1.100.000" in q]
    assert choice and "€ 4.200.000" in choice[0]


@pytest.mark.parametrize(
    ("notes", "fragment"),
    [
        ("Wethouder Smit is opdrachtgever. Budget: -300 euro. Klaar eind 2027.", "-300 euro"),
        ("Wethouder Smit is opdrachtgever. Budget: 2e308 miljoen.", "2e308 miljoen"),
        ("Wethouder Smit is opdrachtgever. Oplevering op 30 februari 2027.", "30 februari 2027"),
    ],
)
def test_a_bad_value_in_notes_is_ignored_and_becomes_an_open_question(
    notes: str, fragment: str
) -> None:
    c = draft(notes)
    assert c.resources.budget_eur is None
    assert c.mandate.commissioner == "wethouder Smit"
    if "februari" in fragment:
        assert c.resources.deadline is None
    questions = [q for q in c.open_questions if fragment in q]
    assert len(questions) == 1 and "niet bruikbaar" in questions[0]
