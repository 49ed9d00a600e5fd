"""Drafting from notes: what they say is filled in, what is missing becomes an open question."""

from __future__ import annotations

from datetime import date

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
