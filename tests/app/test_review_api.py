"""The review loop through the app's API (gradio_client) with four logged-in users on the
real app process, on SQLite and on PostgreSQL: an approved version cannot be changed by a
forged request, as the meelezer, as a fourth user, or with another conversation's reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from tests.app.test_login import EVERYWHERE
from tests.support.app_process import RunningApp, start_app
from tests.support.postgres import PostgresServer, missing_reason, start_postgres

from opdrachtassistent.auth.users import UsersFile
from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.session import DB_NAME
from opdrachtassistent.workflow.service import Workflow

pytestmark = pytest.mark.slow

USERS = ("opsteller", "meelezer", "opdrachtgever", "vierde")
PASSWORDS = {name: f"{name} heeft een lang wachtwoord" for name in USERS}
# Output order of the API: the views (gr.State is not part of it), then the panel.
CHAT, DOCUMENT, STATUS, REF = 1, 3, 7, 8
LOOP_STATE, LOOP_STATUS = 0, 6


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, data_dir: Path) -> str:
    """The app's database: the SQLite file in its data directory, or a PostgreSQL one."""
    if request.param == "sqlite":
        return f"sqlite:///{data_dir / DB_NAME}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database()


@pytest.fixture
def app(data_dir: Path, database: str) -> Iterator[RunningApp]:
    users = UsersFile(data_dir / "users.json")
    for name, password in PASSWORDS.items():
        users.add(name, password)
    env = {**EVERYWHERE, "OPDRACHTASSISTENT_DATABASE_URL": database}
    running = start_app(data_dir, extra_env=env)
    try:
        yield running
    finally:
        running.stop()


def login(app: RunningApp, tmp_path: Path, name: str) -> Client:
    return Client(
        app.url,
        verbose=False,
        download_files=str(tmp_path / name),
        analytics_enabled=False,
        auth=(name, PASSWORDS[name]),
    )


def test_a_forged_request_never_changes_an_approved_version(
    app: RunningApp, database: str, tmp_path: Path
) -> None:
    c = {name: login(app, tmp_path, name) for name in USERS}
    token = "a" * 32
    c["opsteller"].predict(token, "context", api_name="/start")
    view = c["opsteller"].predict(
        token, "We richten de Molenweg opnieuw in na wateroverlast.", "context", api_name="/answer"
    )
    view = c["opsteller"].predict(
        token, "goal", "Doel: droge voeten in 2028.", view[REF], api_name="/edit_section"
    )
    ref = view[REF]
    conv_id = ref.split(":")[0]
    for user in ("meelezer", "opdrachtgever"):
        shown = c["opsteller"].predict(token, user, user, ref, api_name="/share")
        assert "gedeeld met" in shown[LOOP_STATUS], shown[LOOP_STATUS]
    c["opsteller"].predict(token, ref, api_name="/submit")
    done = c["opdrachtgever"].predict(token, ref, api_name="/approve")
    assert "vastgesteld" in done[LOOP_STATE], done

    workflow = Workflow(SessionStore(database))
    approved = workflow.approved(conv_id, "user:opsteller")
    assert approved is not None
    stored = workflow.open(conv_id, "user:opsteller")
    assert stored is not None

    # forged: the meelezer and a fourth user edit and answer with the opsteller's reference
    for user in ("meelezer", "opdrachtgever", "vierde"):
        edit = c[user].predict(token, "goal", "Doel: vervalst.", ref, api_name="/edit_section")
        assert "oa-status-error" in edit[STATUS], (user, edit[STATUS])
        said = c[user].predict(token, "Budget: 1 euro.", "goal", ref, api_name="/answer")
        assert "oa-status-error" in said[STATUS], (user, said[STATUS])
        c[user].predict(token, ref, api_name="/approve")
        c[user].predict(token, user, "bewerker", ref, api_name="/share")
    # a bare id (no version) and a resume of someone else's conversation
    c["vierde"].predict(token, "goal", "Doel: vervalst.", conv_id, api_name="/edit_section")
    stolen: Any = c["vierde"].predict(token, conv_id, "context", api_name="/resume")
    assert "Molenweg" not in str(stolen[CHAT])
    assert conv_id not in str(c["vierde"].predict(token, api_name="/list_sessions"))

    assert workflow.version(conv_id, approved.number, "user:opsteller") == approved
    assert workflow.approved(conv_id, "user:opsteller") == approved
    after = workflow.open(conv_id, "user:opsteller")
    assert after is not None and after.state_json == stored.state_json
    assert workflow.status(conv_id) == "vastgesteld"
    assert {s.user for s in workflow.shares(conv_id, "user:opsteller")} == {
        "user:meelezer",
        "user:opdrachtgever",
    }
    for client in c.values():
        client.close()
