"""Reading an answer into commands, apart from applying them (dialogue/understand.py)."""

from __future__ import annotations

from datetime import date

import pytest

from opdrachtassistent.commission import Commission, SectionKey
from opdrachtassistent.dialogue import understand
from opdrachtassistent.dialogue.commands import (
    AskAgain,
    Command,
    Confirm,
    CorrectValue,
    SetValue,
    Skip,
    Vague,
    as_extraction,
)
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.extract.rules import RulesExtractor


def _extract(text: str, section: SectionKey | None) -> Extraction:
    return RulesExtractor().extract(text, section=section)


def _read(
    text: str, asking: SectionKey = "resources", *, revisiting: bool = False
) -> list[Command]:
    reading = understand.Reading(
        commission=Commission(), asking=asking, revisiting=revisiting, asked_again=False
    )
    return understand.read_answer(text, reading, _extract)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weet ik niet", [Skip("resources")]),
        ("sla over", [Skip("resources")]),
        ("iets met geld", [Vague()]),
    ],
)
def test_answers_without_values(text: str, expected: list[Command]) -> None:
    assert _read(text) == expected


def test_a_yes_to_a_revisit_asks_again_once() -> None:
    assert _read("ja", "goal", revisiting=True) == [AskAgain("goal")]
    reading = understand.Reading(
        commission=Commission(), asking="goal", revisiting=True, asked_again=True
    )
    assert AskAgain("goal") not in understand.read_answer("ja", reading, _extract)


def test_values_are_set_and_a_correction_corrects() -> None:
    set_ = _read("We hebben 2 ton budget en 3 fte")
    assert SetValue("budget_eur", 200_000.0) in set_
    assert SetValue("capacity_fte", 3.0) in set_
    corrected = _read("het budget is toch 4 miljoen")
    assert corrected == [CorrectValue("budget_eur", 4_000_000.0)]


def test_the_value_after_a_correction_counts() -> None:
    commands = _read("klaar medio 2027... nee, eind 2027")
    assert as_extraction(commands).deadline == date(2027, 12, 31)


def test_after_the_summary_free_text_counts_only_where_named() -> None:
    assert understand.read_after_summary("Ja, dat klopt.", _extract) == [Confirm()]
    named = understand.read_after_summary(
        "de werkwijze is een integraal projectteam met wekelijks overleg", _extract
    )
    assert [c.field for c in named if isinstance(c, CorrectValue)] == ["organisation"]
