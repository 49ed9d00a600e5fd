"""Finding 4 (issue 14): a number or date the section editor cannot hold is refused with a
Dutch message before anything is stored, through the app side with a real sessions store,
so the stored conversation keeps its value (an overflowing budget used to be saved as
infinity, crash the display and come back empty after a reload)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.interview import InterviewState
from opdrachtassistent.errors import InputError
from opdrachtassistent.services import build_services
from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.forms import section_to_text
from opdrachtassistent.ui.session import DB_NAME, Conversations, SessionState

OWNER = "e" * 32


@pytest.fixture(scope="module")
def conv(tmp_path_factory: pytest.TempPathFactory, knowledge_template: Path) -> Conversations:
    """The app side as the app builds it, over a real SQLite store and the prebuilt index."""
    data = tmp_path_factory.mktemp("editor") / "data"
    shutil.copytree(knowledge_template, data)
    return Conversations(build_services(Settings(data_dir=data)), SessionStore(data / DB_NAME))


def _stored(conv: Conversations) -> SessionState:
    """A saved conversation whose resources are known: budget, fte and deadline."""
    state = conv.start(OWNER).state
    out, _ = conv.answer(OWNER, state, "We richten de Molenweg opnieuw in na wateroverlast.")
    out, _ = conv.edit_section(
        OWNER,
        out.state,
        "resources",
        "Budget: 3.000.000\nCapaciteit: 2,5\nEinddatum: 31-12-2027\nStart: 01-03-2026",
    )
    assert not out.error and out.state.saved
    return out.state


def _assert_kept(state_json: str) -> None:
    """The resources of `_stored` are all still there."""
    resources = InterviewState.model_validate_json(state_json).commission.resources
    assert (resources.budget_eur, resources.capacity_fte) == (3_000_000, 2.5)
    assert (resources.deadline, resources.start) == (date(2027, 12, 31), date(2026, 3, 1))


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("Budget: 5e400", "te groot"),
        ("Budget: 1234567890123456789012345678901234567890", "te groot"),
        ("Budget: 60 miljard", "te groot"),
        ("Budget: nan", "geen bedrag"),
        ("Budget: inf", "geen bedrag"),
        ("Budget: -300", "niet negatief"),
        ("Capaciteit: 1e400", "te groot"),
        ("Capaciteit: 20000", "te groot"),
        ("Capaciteit: -1", "niet negatief"),
        ("Einddatum: 30-02-2027", "geen bestaande datum"),
        ("Einddatum: 30 februari 2027", "geen bestaande datum"),
        ("Start: 31-04-2026", "geen bestaande datum"),
        ("Start: 01-01-0001", "niet tussen 1900 en 2099"),
    ],
)
def test_a_value_the_editor_cannot_hold_is_refused_and_the_stored_one_kept(
    conv: Conversations, line: str, fragment: str
) -> None:
    state = _stored(conv)
    before = conv.store.load(state.session_id, owner=OWNER)
    assert before is not None
    label = line.split(":")[0]
    shown = section_to_text(conv.interview(state).commission, "resources")
    edited = "\n".join(line if row.startswith(label + ":") else row for row in shown.splitlines())
    with pytest.raises(InputError, match=fragment) as caught:
        conv.edit_section(OWNER, state, "resources", edited)
    assert caught.value.message.startswith("Middelen: geld, capaciteit en tijd:")
    after = conv.store.load(state.session_id, owner=OWNER)
    assert after is not None
    assert (after.version, after.state_json) == (before.version, before.state_json)
    _assert_kept(after.state_json)


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        ("Het budget is toch 5e400 euro.", "te groot voor een budget"),
        ("Het budget is toch 1234567890123456789012345678901234567890 euro.", "te groot"),
        ("De capaciteit is toch 20000 fte.", "zoveel fte kan niet kloppen"),
        ("De einddatum is toch 30 februari 2027.", "die dag bestaat niet"),
    ],
)
def test_in_the_chat_such_a_value_is_refused_and_the_stored_one_kept(
    conv: Conversations, answer: str, fragment: str
) -> None:
    state = _stored(conv)
    out, turn = conv.answer(OWNER, state, answer)
    assert fragment in turn.message and "Ik heb verder niets aangepast." in turn.message
    after = conv.store.load(state.session_id, owner=OWNER)
    assert after is not None
    _assert_kept(after.state_json)
    _assert_kept(out.state.interview.model_dump_json())
