"""Saved conversations resume unchanged: states written before the dialogue became typed
commands (captured in tests/fixtures/interview_states_v1.json) load and carry on exactly.

Those states predate provenance: it is filled on loading (from the user's answers) and by
every answer, and compared apart from the rest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from opdrachtassistent.dialogue.interview import Interview, InterviewState
from opdrachtassistent.provenance import value_paths

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "interview_states_v1.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_a_saved_state_resumes_exactly(case: dict[str, Any]) -> None:
    interview = Interview.from_state(InterviewState.model_validate(case["state"]))
    assert _without_provenance(interview.to_state()) == InterviewState.model_validate(case["state"])
    turns = [interview.answer(a).model_dump(mode="json") for a in case["answers"]]
    assert turns == case["turns"]
    # Old keys (such as "ja:<section>" probes) may load into typed fields: compare as loaded.
    final = interview.to_state()
    assert _without_provenance(final) == InterviewState.model_validate(case["final"])
    assert set(final.commission.provenance) == set(value_paths(final.commission))


@pytest.mark.parametrize("case", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_a_saved_state_gets_origins_from_its_answers(case: dict[str, Any]) -> None:
    state = Interview.from_state(InterviewState.model_validate(case["state"])).to_state()
    answers = [m.content for m in state.messages if m.role == "user"]
    c = state.commission
    assert set(c.provenance) == set(value_paths(c))
    for path, origin in c.provenance.items():
        if path.endswith(".role") and str(c.stakeholders[int(path.split(".")[1])].role).endswith(
            "(voorstel)"
        ):
            assert origin.source == "default" and origin.quote is None
        elif origin.quote is not None:
            assert origin.turn is not None and origin.quote in answers[origin.turn - 1]


def _without_provenance(state: InterviewState) -> InterviewState:
    state = state.model_copy(deep=True)
    state.commission.provenance = {}
    return state
