"""The commission model: the public JSON contract and the completeness criteria."""

from __future__ import annotations

import json
from datetime import date

import pytest
from tests.support.factories import complete_commission

from opdrachtassistent import Commission
from opdrachtassistent.commission import (
    CRITERIA,
    SECTIONS,
    THEMES,
    Goal,
    Mandate,
    Resources,
    Stakeholder,
)

full_commission = complete_commission


def test_json_contract_paths() -> None:
    c = full_commission()
    data = c.model_dump(mode="json")
    assert data["title"] == "Herinrichting Dorpsstraat"
    assert isinstance(data["context"], str)
    assert data["goal"]["statement"] == c.goal.statement
    assert data["goal"]["results"] == c.goal.results
    assert data["goal"]["themes"] == ["riolering", "klimaatadaptatie", "mobiliteit", "groen"]
    assert data["mandate"] == {
        "commissioner": "wethouder De Vries",
        "level": "bestuurlijk",
        "decision_space": c.mandate.decision_space,
        "escalation": c.mandate.escalation,
    }
    assert {"name", "role", "interest"} <= set(data["stakeholders"][0])
    assert data["resources"] == {
        "budget_eur": 3200000.0,
        "capacity_fte": 2.5,
        "deadline": "2028-12-31",
        "start": None,
        "funding": c.resources.funding,
    }
    assert data["frameworks"][0] == "Omgevingswet"
    assert data["instruments"] == ["participatietraject", "bouwteamcontract"]
    assert isinstance(data["organisation"], str)
    assert data["open_questions"] == []
    assert data["provenance"] == {}
    # The JSON round-trips through the model unchanged.
    again = Commission.model_validate(json.loads(json.dumps(data)))
    assert again == full_commission()


def test_empty_commission_has_nulls_and_empty_lists() -> None:
    data = Commission().model_dump(mode="json")
    assert data["title"] is None and data["context"] is None
    assert data["goal"] == {"statement": None, "results": [], "themes": []}
    assert data["mandate"]["level"] is None
    assert data["resources"]["deadline"] is None
    assert data["stakeholders"] == [] and data["open_questions"] == []


def test_theme_vocabulary_contains_required_themes() -> None:
    required = {
        "riolering",
        "verharding",
        "groen",
        "klimaatadaptatie",
        "energietransitie",
        "mobiliteit",
        "kabels_en_leidingen",
        "openbare_verlichting",
        "leefbaarheid",
        "water",
    }
    assert required <= set(THEMES)


def test_unknown_theme_or_level_is_rejected() -> None:
    with pytest.raises(ValueError):
        Goal(themes=["ruimtevaart"])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        Mandate(level="koninklijk")  # type: ignore[arg-type]


def test_full_commission_is_complete() -> None:
    status = full_commission().completeness()
    assert status.fraction == 1.0
    assert status.complete
    assert all(s.state == "compleet" and not s.missing for s in status.sections.values())


def test_empty_commission_is_empty_everywhere() -> None:
    status = Commission().completeness()
    assert status.fraction == 0.0
    assert [s.state for s in status.sections.values()] == ["leeg"] * len(SECTIONS)
    assert status.sections["resources"].missing == CRITERIA["resources"]


@pytest.mark.parametrize(
    ("change", "section", "missing"),
    [
        ({"goal": Goal(statement="Groener")}, "goal", ["minstens één concreet beoogd resultaat"]),
        ({"goal": Goal(results=["40 bomen"])}, "goal", ["een doelstelling"]),
        (
            {"mandate": Mandate(commissioner="wethouder X", level="bestuurlijk")},
            "mandate",
            ["de beslisruimte"],
        ),
        (
            {"mandate": Mandate(commissioner="X", decision_space="alles")},
            "mandate",
            ["het niveau (bestuurlijk of ambtelijk)"],
        ),
        (
            {"stakeholders": [Stakeholder(name="Enexis", role="netbeheer")]},
            "stakeholders",
            ["minstens twee stakeholders"],
        ),
        (
            {"stakeholders": [Stakeholder(name="Enexis"), Stakeholder(name="bewoners", role="x")]},
            "stakeholders",
            ["bij elke stakeholder een rol of belang"],
        ),
        (
            {"resources": Resources(budget_eur=1, deadline=date(2027, 1, 1))},
            "resources",
            ["de capaciteit in fte"],
        ),
        (
            {"resources": Resources(budget_eur=0, capacity_fte=0, deadline=None)},
            "resources",
            ["een einddatum"],
        ),
        ({"context": "te kort"}, "context", ["een beschrijving van de aanleiding"]),
        (
            {"frameworks": []},
            "frameworks",
            ["minstens één kader (beleid, wet- of regelgeving, randvoorwaarde)"],
        ),
        (
            {"organisation": "projectteam"},
            "organisation",
            ["een beschrijving van organisatie en werkwijze"],
        ),
    ],
)
def test_section_criteria(change: dict[str, object], section: str, missing: list[str]) -> None:
    c = full_commission().model_copy(update=change)
    status = c.completeness()
    assert status.sections[section].missing == missing  # type: ignore[index]
    assert status.sections[section].state != "compleet"  # type: ignore[index]
    assert 0 < status.fraction < 1


def test_partial_section_fraction() -> None:
    c = Commission(resources=Resources(budget_eur=100_000))
    s = c.section_status("resources")
    assert s.state == "gedeeltelijk"
    assert s.fraction == pytest.approx(1 / 3, abs=1e-3)


def test_stakeholder_lookup_is_case_insensitive() -> None:
    c = full_commission()
    found = c.stakeholder("Waterschap de dommel")
    assert found is not None and found.kind == "waterschap"
    assert c.stakeholder("ProRail") is None


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_the_model_holds_no_infinity_or_nan_by_any_route(value: float) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="finite"):
        Commission.model_validate({"resources": {"budget_eur": value}})
    c = complete_commission()
    with pytest.raises(ValidationError, match="finite"):
        c.resources.capacity_fte = value
    assert c.resources.capacity_fte == complete_commission().resources.capacity_fte
    literal = {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}[str(value)]
    with pytest.raises(ValidationError, match="finite"):
        Commission.model_validate_json(f'{{"resources": {{"budget_eur": {literal}}}}}')
