"""The session store: migrations, round trips, ownership, ordering, survival of a restart."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from opdrachtassistent.storage.sessions import MIGRATIONS, SessionStore, StorageError


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sessions.sqlite3"


def test_migrations_are_numbered_and_applied_once(db_path: Path) -> None:
    store = SessionStore(db_path)
    names = [name for name, _ in MIGRATIONS]
    assert names[0] == "m001_initial"
    assert all(n.startswith(f"m{i:03d}_") for i, n in enumerate(names, start=1))
    assert store.applied_migrations() == names
    assert store.migrate() == []  # nothing left to do
    assert SessionStore(db_path).migrate() == []


def test_round_trip_and_survives_reopen(db_path: Path) -> None:
    state = json.dumps(
        {"messages": [{"role": "user", "content": "Herinrichting <b>Dorpsstraat</b>"}]}
    )
    store = SessionStore(db_path)
    rec = store.create(owner="browser-a", state_json=state, title="Dorpsstraat")
    assert rec.title == "Dorpsstraat"
    assert rec.created_at == rec.updated_at

    reopened = SessionStore(db_path)  # a restart of the app
    loaded = reopened.load(rec.id, owner="browser-a")
    assert loaded is not None
    assert json.loads(loaded.state_json) == json.loads(state)


def test_save_updates_state_title_and_timestamp(db_path: Path) -> None:
    store = SessionStore(db_path)
    rec = store.create(owner="a", state_json="{}")
    saved = store.save(
        rec.id, owner="a", state_json='{"x": 1}', title="Schoolzone", completeness=0.5
    )
    assert saved.state_json == '{"x": 1}'
    assert saved.title == "Schoolzone"
    assert saved.completeness == 0.5
    assert saved.updated_at >= rec.updated_at
    again = store.save(rec.id, owner="a", state_json='{"x": 2}')
    assert again.title == "Schoolzone" and again.completeness == 0.5


def test_save_creates_missing_row(db_path: Path) -> None:
    store = SessionStore(db_path)
    rec = store.save("abc123", owner="a", state_json="{}", title="Terug")
    assert rec.id == "abc123"
    assert store.load("abc123", owner="a") is not None


def test_owners_are_isolated(db_path: Path) -> None:
    store = SessionStore(db_path)
    rec = store.create(owner="a", state_json="{}", title="Van A")
    assert store.load(rec.id, owner="b") is None
    assert store.list_sessions(owner="b") == []
    with pytest.raises(StorageError):
        store.save(rec.id, owner="b", state_json='{"stolen": true}')
    loaded = store.load(rec.id, owner="a")
    assert loaded is not None and loaded.state_json == "{}"
    assert not store.delete(rec.id, owner="b")
    assert store.delete(rec.id, owner="a")
    assert store.load(rec.id, owner="a") is None


def test_list_most_recent_first(db_path: Path) -> None:
    store = SessionStore(db_path)
    first = store.create(owner="a", state_json="{}", title="Eerste")
    second = store.create(owner="a", state_json="{}", title="Tweede")
    assert [s.id for s in store.list_sessions(owner="a")][:2] == [second.id, first.id]
    store.save(first.id, owner="a", state_json='{"n": 1}')
    assert store.list_sessions(owner="a")[0].id == first.id


@pytest.mark.parametrize(
    ("title", "expected"),
    [("", "Nieuw gesprek"), ("  Twee\nregels  ", "Twee regels"), ("x" * 500, "x" * 119 + "…")],
)
def test_titles_are_cleaned(db_path: Path, title: str, expected: str) -> None:
    rec = SessionStore(db_path).create(owner="a", state_json="{}", title=title)
    assert rec.title == expected


def test_failed_write_keeps_previous_state(db_path: Path) -> None:
    """A write that fails half-way (here: a NOT NULL violation) leaves the saved state intact."""
    store = SessionStore(db_path)
    rec = store.create(owner="a", state_json='{"answered": 3}')
    with pytest.raises(StorageError):
        store.save(rec.id, owner="a", state_json=None)  # type: ignore[arg-type]
    loaded = store.load(rec.id, owner="a")
    assert loaded is not None and loaded.state_json == '{"answered": 3}'


def test_concurrent_saves_from_threads(db_path: Path) -> None:
    store = SessionStore(db_path)
    recs = [store.create(owner=f"o{i}", state_json="{}") for i in range(4)]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for n in range(20):
                store.save(recs[i].id, owner=f"o{i}", state_json=json.dumps({"n": n}))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for i, rec in enumerate(recs):
        loaded = store.load(rec.id, owner=f"o{i}")
        assert loaded is not None and json.loads(loaded.state_json) == {"n": 19}


def test_database_file_is_plain_sqlite(db_path: Path) -> None:
    SessionStore(db_path).create(owner="a", state_json="{}")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
