"""Direct editing: each section round-trips through the editor text; bad input is refused."""

from __future__ import annotations

import pytest
from tests.support.factories import complete_commission

from opdrachtassistent.commission import SECTIONS, SectionKey
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
