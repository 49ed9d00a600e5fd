"""Direct editing: each section round-trips through the editor text; bad input is refused."""

from __future__ import annotations

from datetime import date

import pytest

from opdrachtassistent.commission import SECTIONS, Commission, SectionKey, Stakeholder
from opdrachtassistent.errors import InputError
from opdrachtassistent.ui.forms import apply_section_text, parse_amount, section_to_text


def full() -> Commission:
    c = Commission(context="De riolering is oud en de straat loopt onder water.")
    c.goal.statement = "Een klimaatbestendige straat"
    c.goal.results = ["geen wateroverlast bij 70 mm", "30 extra bomen"]
    c.goal.themes = ["riolering", "klimaatadaptatie"]
    c.mandate.commissioner, c.mandate.level = "wethouder Jansen", "bestuurlijk"
    c.mandate.decision_space = "binnen budget"
    c.stakeholders = [
        Stakeholder(name="Waterschap", kind="waterschap", role="beheer", influence=5),
        Stakeholder(name="Bewoners", interest="overlast"),
    ]
    c.resources.budget_eur, c.resources.capacity_fte = 3_200_000, 2.5
    c.resources.deadline = date(2027, 12, 31)
    c.frameworks, c.instruments = ["Omgevingswet"], ["Participatie", "Verkeersbesluit"]
    c.organisation = "Een integraal projectteam met een projectleider."
    return c


@pytest.mark.parametrize("key", SECTIONS)
def test_round_trip(key: SectionKey) -> None:
    c = full()
    assert apply_section_text(c, key, section_to_text(c, key)) == c


@pytest.mark.parametrize(
    ("key", "text", "fragment"),
    [
        ("mandate", "Niveau: koninklijk", "bestuurlijk"),
        ("mandate", "Wie: iemand", "begint niet met"),
        ("goal", "Thema's: ruimtevaart", "onbekend thema"),
        ("resources", "Budget: veel", "bedrag"),
        ("resources", "Einddatum: morgen", "datum"),
        ("stakeholders", "Waterschap | waterschap | rol | belang | 9", "1 tot en met 5"),
        ("stakeholders", " | soort", "geen naam"),
    ],
)
def test_bad_input_is_refused_in_dutch(key: SectionKey, text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        apply_section_text(full(), key, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("2.500.000", 2_500_000), ("€ 2,5 miljoen", 2_500_000), ("350000", 350_000), ("2,5", 2.5)],
)
def test_amounts(text: str, value: float) -> None:
    assert parse_amount(text) == value


def test_editing_does_not_mutate_the_original() -> None:
    c = full()
    apply_section_text(c, "frameworks", "Waterwet")
    assert c.frameworks == ["Omgevingswet"]
