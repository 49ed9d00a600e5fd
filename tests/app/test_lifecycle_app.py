"""Deleting, the retention period and the paged list in the real app, through its API
(gradio_client on loopback), over the SQLite file and the scratch folder it really uses."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from tests.app.test_api import CHAT, OWNER, STATUS, answer, chat_text, client_for, start
from tests.support.app_process import RunningApp, start_app

from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.session import DB_NAME

pytestmark = pytest.mark.slow

# after the view outputs of /delete_session: the list, its page, the confirmation box
LIST, PAGE, CONFIRM = 9, 10, 11  # after the views (the last view output is index 8)


def delete(client: Client, owner: str, session_id: str, *, confirmed: bool) -> tuple[Any, ...]:
    result: tuple[Any, ...] = client.predict(
        owner, session_id, confirmed, "", 1, "context", api_name="/delete_session"
    )
    return result


def age(data_dir: Path, session_id: str, days: int) -> None:
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        conn.execute(
            "UPDATE sessions SET updated_at = ? WHERE id = ?",
            ((datetime.now(UTC) - timedelta(days=days)).isoformat(), session_id),
        )


def exported(client: Client, data_dir: Path, owner: str, session_id: str) -> list[Path]:
    """Export as JSON; return the app's file and Gradio's cached copy of it (both exist)."""
    path, _ = client.predict(owner, api_name="/export_json")
    name = Path(path).name
    ours = list((data_dir / "tmp").glob(f"run-*/export-*/{session_id}/*/{name}"))
    copies = list((data_dir / "tmp").glob(f"run-*/gradio/*/{name}"))
    assert len(ours) == 1 and len(copies) == 1, (ours, copies)
    return [*ours, *copies]


def test_delete_removes_the_conversation_and_its_exports(
    running_app: RunningApp, data_dir: Path, tmp_path: Path
) -> None:
    c = client_for(running_app, tmp_path / "dl")
    owner = start(c)[OWNER]
    answer(c, owner, "We willen de Dorpsstraat herinrichten en de riolering vervangen.")
    session_id = c.predict(owner, api_name="/list_sessions")["value"]
    files = exported(c, data_dir, owner, session_id)

    unconfirmed = delete(c, owner, session_id, confirmed=False)
    assert "Vink eerst aan" in unconfirmed[STATUS] and "niets verwijderd" in unconfirmed[STATUS]
    assert all(f.exists() for f in files)
    assert c.predict(owner, api_name="/list_sessions")["value"] == session_id

    view = delete(c, owner, session_id, confirmed=True)
    assert "is verwijderd, met de exports ervan" in view[STATUS]
    assert "nieuw gesprek" in view[STATUS]  # it was the current one: a new one is shown
    assert len(view[CHAT]) == 1 and "Dorpsstraat" not in " ".join(chat_text(view))
    assert view[LIST]["choices"] == [] and view[CONFIRM] is False
    assert not any(f.exists() for f in files)
    assert SessionStore(data_dir / DB_NAME).load(session_id, owner=owner) is None
    assert c.predict(owner, api_name="/list_sessions")["choices"] == []
    resumed = c.predict(owner, session_id, "context", api_name="/resume")
    assert "bestaat niet (meer)" in resumed[STATUS]
    c.close()


def test_deleting_another_conversation_keeps_the_current_one(
    running_app: RunningApp, tmp_path: Path
) -> None:
    c = client_for(running_app, tmp_path / "dl")
    owner = start(c)[OWNER]
    answer(c, owner, "Herinrichting van het Schoolplein.")
    first = c.predict(owner, api_name="/list_sessions")["value"]
    c.predict(owner, "context", api_name="/new_conversation")
    current = answer(c, owner, "Vervanging van de riolering in de Kerkweg.")
    view = delete(c, owner, first, confirmed=True)
    assert "is verwijderd" in view[STATUS] and "nieuw gesprek" not in view[STATUS]
    assert chat_text(view) == chat_text(current)
    assert [v for _, v in view[LIST]["choices"]] != [first]
    assert len(view[LIST]["choices"]) == 1
    c.close()


def test_another_owner_cannot_delete_a_conversation(
    running_app: RunningApp, data_dir: Path, tmp_path: Path
) -> None:
    a = client_for(running_app, tmp_path / "a")
    b = client_for(running_app, tmp_path / "b")
    owner_a = start(a)[OWNER]
    answer(a, owner_a, "Herinrichting van het Marktplein wegens verzakte bestrating.")
    session_a = a.predict(owner_a, api_name="/list_sessions")["value"]
    files = exported(a, data_dir, owner_a, session_a)
    owner_b = start(b)[OWNER]

    forged = delete(b, owner_b, session_a, confirmed=True)
    assert "hoort bij een andere gebruiker; er is niets verwijderd" in forged[STATUS]
    assert all("Marktplein" not in m for m in chat_text(forged))
    assert all(f.exists() for f in files)
    assert SessionStore(data_dir / DB_NAME).load(session_a, owner=owner_a) is not None
    assert a.predict(owner_a, api_name="/list_sessions")["value"] == session_a
    a.close()
    b.close()


def test_the_list_pages_and_searches_through_the_api(data_dir: Path, tmp_path: Path) -> None:
    owner = "d" * 32
    store = SessionStore(data_dir / DB_NAME)
    for n in range(21):
        store.create(owner=owner, state_json="{}", title=f"Straat {n:02d}")
    store.create(owner=owner, state_json="{}", title="Schoolplein Noord")
    store.create(owner="e" * 32, state_json="{}", title="Plein van een ander")
    app = start_app(data_dir)
    try:
        c = client_for(app, tmp_path / "dl")
        first = c.predict(owner, api_name="/list_sessions")
        assert len(first["choices"]) == 10
        assert first["info"] == "22 gesprekken, pagina 1 van 3"
        listing, page = c.predict(owner, "", 1, api_name="/sessions_next")
        assert page == 2 and listing["info"] == "22 gesprekken, pagina 2 van 3"
        assert not {v for _, v in listing["choices"]} & {v for _, v in first["choices"]}
        listing, page = c.predict(owner, "", 3, api_name="/sessions_next")
        assert page == 3 and len(listing["choices"]) == 2  # the last page stays
        listing, page = c.predict(owner, "", 2, api_name="/sessions_previous")
        assert page == 1 and listing["choices"] == first["choices"]
        listing, page = c.predict(owner, "PLEIN", api_name="/search_sessions")
        assert page == 1 and listing["info"] == "1 gesprek met 'PLEIN' in de titel"
        assert [label.split(" (")[0] for label, _ in listing["choices"]] == ["Schoolplein Noord"]
        listing, _ = c.predict(owner, "bestaat niet", api_name="/search_sessions")
        assert listing["choices"] == [] and "Geen gesprekken met" in listing["info"]
        c.close()
    finally:
        app.stop()


def test_retention_at_start_and_while_running(data_dir: Path, tmp_path: Path) -> None:
    owner = "f" * 32
    store = SessionStore(data_dir / DB_NAME)
    old = store.create(owner=owner, state_json="{}", title="Oud")
    recent = store.create(owner=owner, state_json="{}", title="Recent")
    age(data_dir, old.id, days=31)
    age(data_dir, recent.id, days=29)
    env = {"OPDRACHTASSISTENT_RETENTION_DAYS": "30", "OPDRACHTASSISTENT_RETENTION_CHECK_S": "1"}
    app = start_app(data_dir, extra_env=env)
    try:
        assert store.load(old.id, owner=owner) is None  # gone before the first request
        assert store.load(recent.id, owner=owner) is not None

        c = client_for(app, tmp_path / "dl")
        browser = start(c)[OWNER]
        answer(c, browser, "Herinrichting van de Dorpsstraat.")
        session_id = c.predict(browser, api_name="/list_sessions")["value"]
        files = exported(c, data_dir, browser, session_id)
        age(data_dir, session_id, days=45)
        deadline = time.monotonic() + 20
        while store.load(session_id, owner=browser) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert store.load(session_id, owner=browser) is None  # the periodic job ran
        assert not any(f.exists() for f in files)
        assert store.load(recent.id, owner=owner) is not None
        c.close()
    finally:
        app.stop()
