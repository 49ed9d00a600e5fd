"""Replaying a scenario through `Conversations`: the trainer sees where the replay stands."""

from __future__ import annotations

from pathlib import Path

from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.scenarios import get
from opdrachtassistent.services import build_services
from opdrachtassistent.ui.session import Conversations


def test_scenario_steps_are_numbered_for_the_trainer(tmp_path: Path) -> None:
    conv = Conversations(build_services(Settings(data_dir=tmp_path)))
    owner = "0" * 32
    out = conv.start_scenario(owner, "schoolzone")
    notes = []
    state = out.state
    for _ in range(len(get("schoolzone").steps) + 2):
        out, _turn = conv.next_scenario_step(owner, state)
        notes.append(out.note)
        state = out.state
        if out.note == "Het scenario is helemaal afgespeeld.":
            break
    assert notes[0].startswith("Stap 1: antwoord van de bestuurder bij '")
    assert notes[1].startswith("Stap 2: ")
    assert notes[-2] == "Laatste stap: de bestuurder bevestigt de samenvatting."
    assert notes[-1] == "Het scenario is helemaal afgespeeld."
