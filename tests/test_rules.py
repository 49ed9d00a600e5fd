"""The rules extractor: where free text goes, roles of parties, skips, vague and noisy answers."""

from __future__ import annotations

import pytest

from opdrachtassistent.commission import Stakeholder
from opdrachtassistent.extract.rules import (
    RulesExtractor,
    attach_roles,
    is_noise,
    is_skip,
    is_vague,
)

rules = RulesExtractor()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Betrokken zijn het Waterschap Rivierenland (beheer van oppervlaktewater), Stedin "
            "(vervanging van kabels) en de winkeliers (bereikbaarheid tijdens het werk).",
            {
                "Waterschap Rivierenland": "beheer van oppervlaktewater",
                "Stedin": "vervanging van kabels",
                "winkeliers": "bereikbaarheid tijdens het werk",
            },
        ),
        (
            "Waterschap Vallei en Veluwe als partner voor het water, Liander vanwege de kabels "
            "in de groenstroken.",
            {
                "Waterschap Vallei en Veluwe": "partner voor het water",
                "Liander": "de kabels in de groenstroken",
            },
        ),
        (
            "De Dommel (water), Enexis (kabels), Tiwos (woningen).",
            {"De Dommel": "water", "Enexis": "kabels", "Tiwos": "woningen"},
        ),
        (
            "Zayaz (huurwoningen) en De Goede Woning als grootste eigenaar",
            {"Zayaz": "huurwoningen", "De Goede Woning": "grootste eigenaar"},
        ),
    ],
)
def test_stakeholders_with_roles(text: str, expected: dict[str, str]) -> None:
    stakeholders = rules.extract(text, section="stakeholders").stakeholders
    found = {s.name: s.role or s.interest for s in stakeholders}
    for name, role in expected.items():
        match = next(k for k in found if k.casefold() == name.casefold())
        assert found[match] == role
    assert "Betrokken" not in found


def test_internal_parties_are_not_stakeholders_outside_their_section() -> None:
    text = "Team Wegen werkt met een raamcontract met de aannemer; de raad kijkt mee."
    assert rules.extract(text, section="organisation").stakeholders == []


def test_roles_attach_by_proper_name_later() -> None:
    known = [Stakeholder(name="waterschap De Dommel"), Stakeholder(name="Enexis")]
    got = attach_roles("De Dommel: berging en afkoppelen. Enexis - netverzwaring.", known)
    assert got == ["waterschap De Dommel", "Enexis"]
    assert known[0].role == "berging en afkoppelen"
    assert known[1].role == "netverzwaring"


@pytest.mark.parametrize(
    "text",
    [
        "weet ik niet",
        "Sla over.",
        "Sla maar over",
        "later",
        "Geen idee!",
        "n.v.t.",
        "Weet ik niet, dat moet ik navragen.",
        "nee, dat was het",
        "Dat kan ik nog niet zeggen.",
    ],
)
def test_skips(text: str) -> None:
    assert is_skip(text)


@pytest.mark.parametrize(
    "text",
    [
        "Weet ik niet precies, maar 2 fte",
        "Later in het project komt er een bouwteam.",
        "- Een veilige fietsroute naar school",
        "Geen wateroverlast meer",
    ],
)
def test_not_skips(text: str) -> None:
    assert not is_skip(text)


@pytest.mark.parametrize(
    "text",
    [
        "De gebruikelijke kaders.",
        "Dat zien we nog.",
        "Dat regelen we wel.",
        "Er is wel wat geld.",
        "in overleg",
        "n.t.b.",
    ],
)
def test_vague(text: str) -> None:
    assert is_vague(text)
    assert rules.extract(text, section="frameworks").frameworks == []


@pytest.mark.parametrize("text", ["hmm", "ok", "??", "eh", "   ", "x", "🚧🚧"])
def test_noise_fills_nothing(text: str) -> None:
    assert is_noise(text)
    extraction = rules.extract(text, section="goal")
    assert extraction.goal_statement is None and extraction.context is None


def test_goal_statement_and_results() -> None:
    e = rules.extract(
        "Een klimaatbestendige en groene Dorpsstraat. Alle daken afgekoppeld en 40 extra bomen.",
        section="goal",
    )
    assert e.goal_statement == "Een klimaatbestendige en groene Dorpsstraat."
    assert e.goal_results == ["Alle daken afgekoppeld en 40 extra bomen."]


def test_mandate_answer_splits_decision_space_and_escalation() -> None:
    e = rules.extract(
        "Binnen budget en planning beslist de projectleider zelf; bij overschrijding beslist de "
        "wethouder.",
        section="mandate",
    )
    assert e.decision_space and "projectleider" in e.decision_space
    assert e.escalation and "overschrijding" in e.escalation


def test_decision_space_in_passing_from_another_section() -> None:
    e = rules.extract(
        "We willen de Markt vernieuwen; het projectteam mag binnen budget en scope zelf besluiten.",
        section="context",
    )
    assert e.decision_space and "zelf besluiten" in e.decision_space


def test_labelled_notes_do_not_run_into_the_next_label() -> None:
    e = rules.extract("Resultaten:\n- 30 km-zone\n- twee oversteekplaatsen\nBudget: 450k")
    assert e.goal_results == ["30 km-zone", "twee oversteekplaatsen"]
    assert e.budget_eur == 450_000


def test_interest_and_role_are_told_apart() -> None:
    found = rules.extract(
        "Enexis (netverzwaring) en de bewoners van de Dorpsstraat (overlast tijdens het werk)",
        section="stakeholders",
    ).stakeholders
    by_name = {s.name: s for s in found}
    assert by_name["Enexis"].role == "netverzwaring"
    assert by_name["bewoners van de Dorpsstraat"].interest == "overlast tijdens het werk"


def test_team_disciplines_are_not_goal_themes() -> None:
    text = "Een projectteam met wegbeheer, riolering en groen dat wekelijks overlegt."
    assert rules.extract(text, section="organisation").themes == []
    assert "riolering" in rules.extract(text, section="goal").themes


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Herinrichting Stationsstraat: de gemeente wil de straat groener maken.",
            "Herinrichting Stationsstraat",
        ),
        ("We willen de Kerkstraat in Boxtel opnieuw inrichten.", "Herinrichting Kerkstraat"),
    ],
)
def test_titles(text: str, title: str) -> None:
    assert rules.extract(text).title == title


def test_notes_with_inline_goal_label() -> None:
    e = rules.extract(
        "Beste Petra,\nDe Molenweg staat bij elke bui blank omdat het riool te klein is.\n"
        "Het doel: een groene, klimaatbestendige Molenweg.\nBudget € 900.000, klaar eind 2027."
    )
    assert e.goal_statement == "Een groene, klimaatbestendige Molenweg."
    assert e.goal_results == []
    assert e.context and "riool" in e.context


def test_a_team_that_decides_is_a_mandate_not_an_organisation() -> None:
    e = rules.extract(
        "Het projectteam mag binnen budget en planning zelf beslissen over het ontwerp.",
        section="mandate",
    )
    assert e.organisation is None and e.decision_space


def test_team_description_in_passing_fills_the_organisation() -> None:
    e = rules.extract(
        "Een integraal projectteam met een projectleider en een omgevingsmanager, maandelijks "
        "overleg met de stuurgroep. En 1,5 fte.",
        section="resources",
    )
    assert e.organisation and e.organisation.startswith("Een integraal projectteam")
    assert e.capacity_fte == 1.5


def test_a_free_text_cut_at_its_limit_ends_without_white_space() -> None:
    """Found by the interview property test: a long answer cut at MAX_FIELD kept the tab and
    space where the cut fell, and the section editor, which trims, changed it on a save."""
    from opdrachtassistent.extract.rules import MAX_FIELD

    text = "De " + "a" * (MAX_FIELD - 5) + "\t wateroverlast bij de kade"  # the cut is at "\t "
    context = RulesExtractor().extract(text, section="context").context
    assert context is not None and len(context) <= MAX_FIELD
    assert context == context.strip()
