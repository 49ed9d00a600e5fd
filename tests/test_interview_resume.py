"""Saved conversations resume unchanged: states written before the dialogue became typed
commands (captured in tests/fixtures/interview_states_v1.json) load and carry on exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from opdrachtassistent.dialogue.interview import Interview, InterviewState

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "interview_states_v1.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_a_saved_state_resumes_exactly(case: dict[str, Any]) -> None:
    interview = Interview.from_state(InterviewState.model_validate(case["state"]))
    assert interview.to_state() == InterviewState.model_validate(case["state"])
    turns = [interview.answer(a).model_dump(mode="json") for a in case["answers"]]
    assert turns == case["turns"]
    # Old keys (such as "ja:<section>" probes) may load into typed fields: compare as loaded.
    assert interview.to_state() == InterviewState.model_validate(case["final"])
