"""Text a user sends through the app: bounded by one limit and cleaned before it is stored,
so the exports never carry control or bidi-override characters."""

from __future__ import annotations

import zipfile

import pytest

from opdrachtassistent.config import Settings
from opdrachtassistent.errors import InputError
from opdrachtassistent.services import build_services
from opdrachtassistent.ui.session import Conversations

OWNER = "0" * 32
HIDDEN = "\u202e\u2066\u200f\x07\x1b"
UNWANTED = set(HIDDEN) | {"\x00"}


@pytest.fixture(scope="module")
def conv(tmp_path_factory: pytest.TempPathFactory) -> Conversations:
    """One app side for the module: its knowledge base is built once, not per test."""
    return Conversations(build_services(Settings(data_dir=tmp_path_factory.mktemp("input"))))


def test_a_10_mb_section_text_is_refused_and_nothing_changes(conv: Conversations) -> None:
    out, _ = conv.answer(OWNER, conv.start(OWNER).state, "De aanleiding is wateroverlast.")
    before = conv.store.load(out.state.session_id, owner=OWNER)
    assert before is not None
    with pytest.raises(InputError, match=r"te lang.*niets opgeslagen"):
        conv.edit_section(OWNER, out.state, "context", "x" * 10_000_000)
    after = conv.store.load(out.state.session_id, owner=OWNER)
    assert after is not None and after.state_json == before.state_json
    assert conv.interview(out.state).commission.context == "De aanleiding is wateroverlast."


def test_the_limit_is_a_setting_for_chat_and_editor(conv: Conversations) -> None:
    settings = conv.services.settings.model_copy(update={"max_input_chars": 40})
    conv = Conversations(build_services(settings), conv.store)  # the same data dir
    state = conv.start(OWNER).state
    with pytest.raises(InputError, match="maximum is 40"):
        conv.answer(OWNER, state, "w" * 41)
    out, _ = conv.answer(OWNER, state, "De aanleiding is wateroverlast.")
    with pytest.raises(InputError, match="maximum is 40"):
        conv.edit_section(OWNER, out.state, "context", "w" * 41)


def test_exports_carry_no_hidden_characters_from_chat_or_editor(conv: Conversations) -> None:
    out, _ = conv.answer(OWNER, conv.start(OWNER).state, f"De aanleiding is {HIDDEN}overlast.")
    out, _ = conv.edit_section(OWNER, out.state, "organisation", f"Een {HIDDEN}kernteam.")
    commission = conv.interview(out.state).commission
    assert commission.organisation == "Een kernteam."
    assert commission.context is not None and "overlast" in commission.context
    stored = conv.store.load(out.state.session_id, owner=OWNER)
    assert stored is not None
    for fmt in ("md", "json", "docx"):
        path = conv.export(commission, fmt)
        if fmt == "docx":
            with zipfile.ZipFile(path) as z:
                text = z.read("word/document.xml").decode()
        else:
            text = path.read_text(encoding="utf-8")
        assert "kernteam" in text
        assert not UNWANTED & set(text), fmt
    assert not UNWANTED & set(stored.state_json.encode().decode("unicode_escape"))
