"""Faults of the sessions store and of the owner token, without a browser (issue 14, 8 and 9).

A damaged or unwritable data directory stops the start with a Dutch message for the operator;
a reload while the store cannot be read says that saving is not possible now; a client without
a valid owner token keeps the one identity it is given for the whole conversation.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from opdrachtassistent.config import Settings
from opdrachtassistent.errors import StorageError
from opdrachtassistent.services import build_services
from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.callbacks import Callbacks
from opdrachtassistent.ui.session import DB_NAME, Conversations, valid_owner

ROOT = Path(__file__).resolve().parents[2]
OWNER, STATE, STATUS = 0, 1, 8


def _damage(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = data_dir / DB_NAME
    SessionStore(db).close()  # closing checkpoints the WAL into the file damaged below
    with db.open("r+b") as fh:  # overwrite the header and the first pages
        fh.write(os.urandom(8192))
    return db


def test_damaged_sessions_file_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    db = _damage(tmp_path)
    with pytest.raises(StorageError) as caught:
        SessionStore(db)
    message = caught.value.message
    assert str(db) in message
    assert "beschadigd" in message and "reservekopie" in message and "verwijder" in message


def test_unwritable_data_directory_asks_for_write_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    with pytest.raises(StorageError) as caught:
        SessionStore(tmp_path / DB_NAME)
    message = caught.value.message
    assert str(tmp_path) in message and "schrijfrechten" in message


def test_app_start_on_a_damaged_store_exits_with_a_dutch_message(tmp_path: Path) -> None:
    db = _damage(tmp_path / "data")
    env = {**os.environ, "OPDRACHTASSISTENT_DATA_DIR": str(tmp_path / "data")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, str(ROOT / "app.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "Fout:" in done.stderr and str(db) in done.stderr and "reservekopie" in done.stderr


class _UnreadableStore(SessionStore):
    """A store whose data directory became unreadable after the start."""

    def list_sessions(self, *, owner: str, limit: int = 50) -> list[Any]:
        raise StorageError("Het gesprek kon niet worden opgeslagen of gelezen.", detail="ro")


def test_reload_on_an_unreadable_store_says_saving_is_not_possible(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path))
    conv = Conversations(services, store=_UnreadableStore(tmp_path / DB_NAME))
    view = Callbacks(conv).on_start("0" * 32, "context")
    assert "oa-status-error" in view[STATUS]
    assert "niet worden opgeslagen" in view[STATUS] and "eerdere gesprekken" in view[STATUS]


@pytest.mark.parametrize("token", ["", "not-a-token", None])
def test_invalid_token_gets_one_identity_for_the_conversation(
    tmp_path: Path, token: str | None
) -> None:
    conv = Conversations(build_services(Settings(data_dir=tmp_path)))
    cb = Callbacks(conv)
    first = cb.on_start(token, "context")
    owner = first[OWNER]
    assert valid_owner(owner)
    view = first
    for text in ("De gemeente wil eenzaamheid onder ouderen verminderen.", "Wethouder Zorg."):
        view = cb.on_answer(token, view[STATE], text, "context")
        assert view[OWNER] == owner  # the client can keep using the token it got
        assert "andere gebruiker" not in view[STATUS]
    sessions = conv.sessions(owner)
    assert len(sessions) == 1
    record = conv.store.load(sessions[0].id, owner=owner)
    assert record is not None and "Wethouder Zorg." in record.state_json
