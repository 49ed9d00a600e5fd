"""Opening a store: paths and URLs, files made by earlier versions, the settings, and the
Dutch messages when the database cannot be used."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from tests.support.app_process import free_port
from tests.support.postgres import PostgresServer

from opdrachtassistent.config import Settings
from opdrachtassistent.storage.sessions import (
    DEFAULT_DB_NAME,
    MIGRATIONS,
    SessionStore,
    StorageError,
    open_store,
)

# The schema as the SQLite-only store (before SQLAlchemy) left it after m003_version,
# written here literally: that is the file a user upgrading has on disk.
_OLD_SCHEMA = [
    "CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)",
    """CREATE TABLE sessions (id TEXT PRIMARY KEY, owner TEXT NOT NULL, title TEXT NOT NULL,
       state_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    "CREATE INDEX sessions_owner_updated ON sessions (owner, updated_at DESC)",
    "ALTER TABLE sessions ADD COLUMN completeness REAL NOT NULL DEFAULT 0",
    "ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
]
_OLD_ROWS = [
    # id, owner, title, state, created, updated, completeness, version
    ("a" * 32, "0" * 32, "Één loket Dorpsstraat", '{"n": 1}', "2025-01-02T10:00:00+00:00",
     "2025-01-03T11:30:00.250000+00:00", 0.25, 4),
    ("b" * 32, "0" * 32, "Schoolzone", '{"n": 2}', "2025-02-01T09:00:00.000001+00:00",
     "2025-02-01T09:00:00.000001+00:00", 0.0, 1),
]  # fmt: skip


def _old_file(path: Path, migrations: int = 3) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        statements = _OLD_SCHEMA[: 1 + {1: 2, 2: 3, 3: 4}[migrations]]
        for statement in statements:
            conn.execute(statement)
        for name, _ in MIGRATIONS[:migrations]:
            conn.execute(
                "INSERT INTO _migrations VALUES (?, ?)", (name, "2025-01-01T00:00:00+00:00")
            )
        columns = 6 + (migrations >= 2) + (migrations >= 3)
        for row in _OLD_ROWS:
            marks = ", ".join("?" * columns)
            conn.execute(f"INSERT INTO sessions VALUES ({marks})", row[:columns])
    conn.close()


@pytest.mark.parametrize("migrations", [1, 2, 3])
def test_a_file_of_the_earlier_store_opens_and_keeps_its_data(
    tmp_path: Path, migrations: int
) -> None:
    path = tmp_path / DEFAULT_DB_NAME
    _old_file(path, migrations)
    store = SessionStore(path)
    assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    old = store.load("a" * 32, owner="0" * 32)
    assert old is not None
    assert old.title == "Één loket Dorpsstraat" and json.loads(old.state_json) == {"n": 1}
    assert old.created_at.isoformat() == "2025-01-02T10:00:00+00:00"
    assert old.updated_at.isoformat() == "2025-01-03T11:30:00.250000+00:00"
    assert old.completeness == (0.25 if migrations >= 2 else 0.0)
    assert old.version == (4 if migrations >= 3 else 1)
    listed = store.list_sessions(owner="0" * 32)
    assert [s.id for s in listed] == ["b" * 32, "a" * 32]  # by the old timestamps
    assert [s.id for s in store.list_sessions(owner="0" * 32, query="één")] == ["a" * 32]
    saved = store.save("a" * 32, owner="0" * 32, state_json="{}", expected_version=old.version)
    assert saved.version == old.version + 1
    assert store.list_sessions(owner="0" * 32)[0].id == "a" * 32  # now the newest


def test_path_and_url_name_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / DEFAULT_DB_NAME
    rec = SessionStore(path).create(owner="a", state_json="{}", title="Een")
    for target in (str(path), f"sqlite:///{path}"):
        store = SessionStore(target)
        assert store.db_path == path
        assert store.load(rec.id, owner="a") == rec


def test_the_sqlite_file_is_plain_sqlite_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / DEFAULT_DB_NAME
    SessionStore(path).create(owner="a", state_json="{}")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_settings_choose_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = open_store(Settings(data_dir=tmp_path))
    assert default.db_path == tmp_path / DEFAULT_DB_NAME
    other = tmp_path / "elders" / "gesprekken.sqlite3"
    monkeypatch.setenv("OPDRACHTASSISTENT_DATABASE_URL", f"sqlite:///{other}")
    settings = Settings(data_dir=tmp_path)
    assert settings.database_url == f"sqlite:///{other}"
    assert open_store(settings).db_path == other
    monkeypatch.setenv("OPDRACHTASSISTENT_DATABASE_URL", "")
    assert open_store(Settings(data_dir=tmp_path)).db_path == tmp_path / DEFAULT_DB_NAME


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://u@localhost/db", ["'mysql'", "niet ondersteund", "postgresql+psycopg://"]),
        ("sqlite://", ["geheugen", "bestand"]),
        ("sqlite:///:memory:", ["geheugen"]),
        ("postgresql+psycopg://u@host:notaport/db", ["geen geldige database-URL"]),
    ],
)
def test_an_unusable_url_gets_a_dutch_message(url: str, words: list[str]) -> None:
    with pytest.raises(StorageError) as caught:
        SessionStore(url)
    for word in words:
        assert word in caught.value.message


def test_an_unreachable_server_is_named_without_its_password() -> None:
    url = f"postgresql://anna:geheim@127.0.0.1:{free_port()}/gesprekken"
    with pytest.raises(StorageError) as caught:
        SessionStore(url)
    message = caught.value.message
    assert "niet bereikbaar" in message and "OPDRACHTASSISTENT_DATABASE_URL" in message
    assert "geheim" not in message and "***" in message
    assert "Traceback" not in message


def test_a_missing_database_says_to_create_it(postgres: PostgresServer) -> None:
    with pytest.raises(StorageError) as caught:
        SessionStore(postgres.url("bestaat_niet"))
    assert "bestaat_niet bestaat niet" in caught.value.message
    assert "createdb" in caught.value.message


def test_conversations_survive_a_restart_of_the_database_server(
    postgres: PostgresServer,
) -> None:
    """The pool notices its connections died with the server and opens new ones."""
    store = SessionStore(postgres.create_database())
    rec = store.create(owner="a", state_json='{"n": 1}')
    postgres.restart()
    saved = store.save(rec.id, owner="a", state_json='{"n": 2}', expected_version=1)
    assert saved.version == 2
    loaded = store.load(rec.id, owner="a")
    assert loaded is not None and loaded.state_json == '{"n": 2}'
