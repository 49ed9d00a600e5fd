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


def test_each_save_bumps_the_version(db_path: Path) -> None:
    store = SessionStore(db_path)
    rec = store.create(owner="a", state_json="{}")
    assert rec.version == 1
    assert store.save(rec.id, owner="a", state_json="{}", expected_version=1).version == 2
    assert store.save(rec.id, owner="a", state_json="{}").version == 3


def test_a_stale_version_is_refused_with_what_is_stored_now(db_path: Path) -> None:
    from opdrachtassistent.storage.sessions import ConflictError

    store = SessionStore(db_path)
    rec = store.create(owner="a", state_json='{"n": 0}')
    store.save(rec.id, owner="a", state_json='{"n": 1}', expected_version=1)  # tab 1
    with pytest.raises(ConflictError) as caught:  # tab 2 still holds version 1
        store.save(rec.id, owner="a", state_json='{"n": 2}', expected_version=1)
    assert caught.value.current.version == 2
    assert caught.value.current.state_json == '{"n": 1}'
    loaded = store.load(rec.id, owner="a")
    assert loaded is not None and loaded.state_json == '{"n": 1}'  # nothing overwritten


def test_expected_version_zero_creates_only_once(db_path: Path) -> None:
    from opdrachtassistent.storage.sessions import ConflictError

    store = SessionStore(db_path)
    first = store.save("f" * 32, owner="a", state_json="{}", expected_version=0)
    assert first.version == 1
    with pytest.raises(ConflictError):
        store.save("f" * 32, owner="a", state_json="{}", expected_version=0)


def test_versioned_saves_from_threads_never_lose_a_write(db_path: Path) -> None:
    """Thirty writers that each redo their change on a conflict: all thirty land."""
    from opdrachtassistent.storage.sessions import ConflictError

    store = SessionStore(db_path)
    rec = store.create(owner="a", state_json="[]")

    def add(n: int) -> None:
        current = store.load(rec.id, owner="a")
        while True:
            assert current is not None
            items = [*json.loads(current.state_json), n]
            try:
                store.save(
                    rec.id,
                    owner="a",
                    state_json=json.dumps(items),
                    expected_version=current.version,
                )
                return
            except ConflictError as exc:
                current = exc.current

    threads = [threading.Thread(target=add, args=(n,)) for n in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = store.load(rec.id, owner="a")
    assert final is not None
    assert sorted(json.loads(final.state_json)) == list(range(30))
    assert final.version == 31


def test_list_pages_and_searches_titles(db_path: Path) -> None:
    store = SessionStore(db_path)
    for n in range(7):
        store.create(owner="a", state_json="{}", title=f"Straat {n}")
    store.create(owner="a", state_json="{}", title="Schoolplein 100%_klaar")
    store.create(owner="b", state_json="{}", title="Straat van b")
    assert store.count_sessions(owner="a") == 8
    pages = [store.list_sessions(owner="a", limit=3, offset=o) for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 2]
    ids = [s.id for p in pages for s in p]
    assert len(set(ids)) == 8  # no conversation twice, none left out
    assert store.count_sessions(owner="a", query="straat") == 7
    assert [s.title for s in store.list_sessions(owner="a", query="100%_")] == [
        "Schoolplein 100%_klaar"
    ]
    assert store.list_sessions(owner="a", query="%") == store.list_sessions(owner="a", query="100%")


def test_purge_removes_only_conversations_older_than_the_cutoff(db_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    store = SessionStore(db_path)
    old = store.create(owner="a", state_json="{}", title="oud")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE sessions SET updated_at = ? WHERE id = ?",
            ((datetime.now(UTC) - timedelta(days=400)).isoformat(), old.id),
        )
    recent = store.create(owner="b", state_json="{}", title="nieuw")
    assert store.purge(older_than=datetime.now(UTC) - timedelta(days=365)) == [old.id]
    assert store.load(old.id, owner="a") is None
    assert store.load(recent.id, owner="b") is not None
