"""Direct editing: each section round-trips through the editor text; bad input is refused."""

from __future__ import annotations

from datetime import date

import pytest
from tests.support.factories import complete_commission

from opdrachtassistent.commission import SECTIONS, SectionKey, Stakeholder
from opdrachtassistent.errors import InputError
from opdrachtassistent.ui.forms import apply_section_text, parse_amount, section_to_text

full = complete_commission


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
    before = list(c.frameworks)
    apply_section_text(c, "frameworks", "Waterwet")
    assert c.frameworks == before


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Budget: -300", "niet negatief"),
        ("Budget: 2e308 miljoen", "te groot"),
        ("Budget: 5e400", "te groot"),
        ("Budget: 1234567890123456789012345678901234567890", "te groot"),
        ("Budget: 900 miljard", "te groot"),
        ("Einddatum: 30-02-2027", "geen bestaande datum"),
        ("Einddatum: 31-04-2027", "geen bestaande datum"),
        ("Einddatum: 30 februari 2027", "geen bestaande datum"),
        ("Start: 31-06-2026", "geen bestaande datum"),
        ("Capaciteit: -2", "een aantal fte kan niet negatief zijn"),
        ("Budget: nan", "geen bedrag"),
        ("Budget: inf", "geen bedrag"),
        ("Budget: ∞", "geen bedrag"),
        ("Budget: -5e400", "geen bedrag"),
        ("Budget: 60 miljard", "te groot"),
        ("Capaciteit: 5e400", "te groot"),
        ("Capaciteit: nan", "geen aantal fte"),
        ("Capaciteit: 20000", "te groot"),
        ("Capaciteit: 1234567890123456789012345678901234567890", "te groot"),
        ("Einddatum: 29-02-2027", "geen bestaande datum"),
        ("Einddatum: 01-01-0001", "niet tussen 1900 en 2099"),
        ("Start: 31-12-9999", "niet tussen 1900 en 2099"),
        ("Start: 30 februari", "geen bestaande datum"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_stored(text: str, fragment: str) -> None:
    c = full()
    before = c.model_dump()
    with pytest.raises(InputError, match=fragment) as caught:
        apply_section_text(c, "resources", text)
    assert str(caught.value).startswith("Middelen")
    assert c.model_dump() == before


def test_the_start_is_shown_and_edited_in_the_resources_section() -> None:
    c = full()
    text = section_to_text(c, "resources")
    assert "Start: " in text
    edited = apply_section_text(c, "resources", text.replace("Start: ", "Start: 01-09-2026"))
    assert edited.resources.start == date(2026, 9, 1)
    assert edited.resources.deadline == c.resources.deadline
    assert "Start: 01-09-2026" in section_to_text(edited, "resources")


@pytest.mark.parametrize("score", ["²", "٣", "0", "6", "1.5"])
def test_a_score_that_is_no_digit_1_to_5_is_refused_not_a_crash(score: str) -> None:
    with pytest.raises(InputError, match="1 tot en met 5"):
        apply_section_text(full(), "stakeholders", f"Waterschap | waterschap | rol | b | {score}")


@pytest.mark.parametrize(
    ("text", "budget", "fte"),
    [
        ("Budget: 1,005\nCapaciteit: 0,125", 1.0, 0.12),
        ("Budget: 0,999\nCapaciteit: 2,5 fte", 1, 2.5),
    ],
)
def test_what_the_editor_stores_it_shows_back_unchanged(
    text: str, budget: float, fte: float
) -> None:
    edited = apply_section_text(full(), "resources", text)
    assert (edited.resources.budget_eur, edited.resources.capacity_fte) == (budget, fte)
    shown = section_to_text(edited, "resources")
    assert apply_section_text(edited, "resources", shown) == edited


def test_a_bar_inside_a_value_survives_the_editor() -> None:
    """Found by the property test: a party read from the chat as "Enexis|netbeheer (kabels)"
    has a '|' in its role; the editor split it into the next cell on a save as shown."""
    c = full(
        stakeholders=[
            Stakeholder(name="Enexis", kind="netbeheerder", role="|netbeheer (kabels"),
            Stakeholder(name="a|b", role="kabels|"),
            Stakeholder(name="Arriva", influence=3),
        ]
    )
    shown = section_to_text(c, "stakeholders")
    assert shown.splitlines()[0] == "Enexis | netbeheerder | \\|netbeheer (kabels"
    assert shown.splitlines()[2] == "Arriva |  |  |  | 3"
    assert apply_section_text(c, "stakeholders", shown) == c
