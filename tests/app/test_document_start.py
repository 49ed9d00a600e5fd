""" "Begin met een document" through `Conversations` and the callback: the conversation is
pre-filled and stored at once; a file that cannot be read is said in the chat and the
current conversation stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.documents import write_docx, write_pdf

from opdrachtassistent.config import Settings
from opdrachtassistent.errors import InputError
from opdrachtassistent.services import build_services
from opdrachtassistent.ui.callbacks import Callbacks
from opdrachtassistent.ui.session import Conversations

OWNER = "a" * 32
BLOCKS = [
    ("h", "Aanleiding"),
    ("p", "De speeltoestellen in het Julianapark zijn versleten en voldoen niet meer."),
    ("h", "Besluit"),
    (
        "p",
        "Wethouder Smit is opdrachtgever. Voor de vernieuwing is 240.000 euro beschikbaar; "
        "de nieuwe speelplek moet uiterlijk 1 juni 2027 open zijn.",
    ),
]


@pytest.fixture
def conv(data_dir: Path) -> Conversations:
    """Over a copy of the knowledge index built once per session (conftest)."""
    return Conversations(build_services(Settings(data_dir=data_dir)))


def test_a_document_starts_a_stored_prefilled_conversation(
    conv: Conversations, tmp_path: Path
) -> None:
    folder = tmp_path / "upload"  # Gradio keeps the uploaded file's own name in a folder
    folder.mkdir()
    path = write_docx(folder / "speelplek.docx", BLOCKS)
    out = conv.start_from_document(OWNER, path)
    assert not out.error and out.state.saved
    interview = conv.interview(out.state)
    assert interview.commission.resources.budget_eur == 240_000
    assert interview.messages[0].content.startswith("Ik heb **speelplek.docx** gelezen")
    assert interview.asking != "context"  # the document gave the aanleiding
    assert [s.id for s in conv.sessions(OWNER)] == [out.state.session_id]


def test_an_unreadable_document_changes_nothing(conv: Conversations, tmp_path: Path) -> None:
    callbacks = Callbacks(conv)
    before = conv.start(OWNER)
    scan = write_pdf(tmp_path / "scan.pdf", [[]])
    view = callbacks.on_document(OWNER, before.state, str(scan), "context")
    state, chat, status = view[1], view[2], view[8]
    assert state == before.state  # the conversation in the browser is kept
    assert "scan zonder tekstlaag" in str(chat[-1]["content"])  # said in the chat
    assert "scan zonder tekstlaag" in status
    assert conv.sessions(OWNER) == []
    with pytest.raises(InputError, match="bestaat niet"):
        conv.start_from_document(OWNER, tmp_path / "weg.docx")
