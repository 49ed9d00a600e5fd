"""The trainers' scenarios: realistic, complete, and replayable step by step."""

from __future__ import annotations

import pytest

from opdrachtassistent.commission import SECTIONS
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.dialogue.scenarios import CONFIRM_ANSWER, SCENARIOS, Replay, choices, get


def test_at_least_three_scenarios_with_unique_ids() -> None:
    assert len(SCENARIOS) >= 3
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS)
    assert {"dorpsstraat", "aardgasvrij", "schoolzone"} <= {s.id for s in SCENARIOS}
    assert choices()[0] == (SCENARIOS[0].title, SCENARIOS[0].id)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_section_has_a_step(scenario: object) -> None:
    s = get(scenario.id)  # type: ignore[attr-defined]
    assert {step.section for step in s.steps} == set(SECTIONS)
    assert all(len(step.text.split()) >= 8 for step in s.steps)
    assert s.summary


@pytest.mark.parametrize("scenario_id", [s.id for s in SCENARIOS])
def test_replay_completes_the_commission(scenario_id: str) -> None:
    interview = Interview()
    turn = interview.opening()
    replay = Replay(scenario_id=scenario_id)
    fractions = [turn.completeness]
    for _ in range(30):
        text = replay.next_answer(turn.asking)
        if text is None:
            break
        turn = interview.answer(text)
        fractions.append(turn.completeness)
    assert interview.complete, interview.commission.completeness()
    assert fractions == sorted(fractions)  # every step moves forward or holds
    assert replay.confirmed
    assert replay.next_answer(turn.asking) is None  # played out


def test_replay_answers_the_section_being_asked() -> None:
    replay = Replay(scenario_id="schoolzone")
    text = replay.next_answer("resources")
    assert text is not None and "350.000 euro" in text
    assert replay.next_answer("resources") is not None  # falls back to the next unused step
    assert replay.remaining == len(get("schoolzone").steps) - 2
    assert replay.next_answer("confirm") == CONFIRM_ANSWER
    assert replay.next_answer("confirm") is None


def test_replay_state_is_json_safe() -> None:
    replay = Replay(scenario_id="aardgasvrij")
    replay.next_answer("context")
    again = Replay.model_validate_json(replay.model_dump_json())
    assert again == replay


def test_unknown_scenario_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="Onbekend scenario"):
        get("bestaat-niet")
