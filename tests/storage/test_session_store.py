"""The session store on both backends: migrations, round trips, ownership, versions, paging,
search, purge, concurrency and survival of a restart."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from opdrachtassistent.storage.sessions import (
    MIGRATIONS,
    ConflictError,
    SessionRecord,
    SessionStore,
    StorageError,
)


def _threads(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run `work(0..count-1)` in threads started together; return what they raised."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(i)
        except BaseException as exc:  # pragma: no cover - reported by the caller
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


def test_migrations_are_numbered_and_applied_once(store_url: str) -> None:
    store = SessionStore(store_url)
    names = [name for name, _ in MIGRATIONS]
    assert names[0] == "m001_initial"
    assert all(n.startswith(f"m{i:03d}_") for i, n in enumerate(names, start=1))
    assert store.applied_migrations() == names
    assert store.migrate() == []  # nothing left to do
    assert SessionStore(store_url).migrate() == []


def test_instances_starting_together_migrate_once(store_url: str) -> None:
    """Several app instances starting at once on one empty database: no 'table exists'."""
    stores: list[SessionStore] = []
    errors = _threads(4, lambda _i: stores.append(SessionStore(store_url)))
    assert errors == []
    assert stores[0].applied_migrations() == [name for name, _ in MIGRATIONS]


def test_round_trip_and_survives_reopen(store_url: str) -> None:
    state = json.dumps(
        {"messages": [{"role": "user", "content": "Herinrichting <b>Dorpsstraat</b> – één"}]}
    )
    store = SessionStore(store_url)
    rec = store.create(owner="browser-a", state_json=state, title="Dorpsstraat")
    assert rec.title == "Dorpsstraat"
    assert rec.created_at == rec.updated_at
    assert rec.created_at.tzinfo is not None
    store.close()

    reopened = SessionStore(store_url)  # a restart of the app
    loaded = reopened.load(rec.id, owner="browser-a")
    assert loaded == rec
    assert json.loads(loaded.state_json) == json.loads(state)


def test_save_updates_state_title_and_timestamp(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json="{}")
    saved = store.save(
        rec.id, owner="a", state_json='{"x": 1}', title="Schoolzone", completeness=0.5
    )
    assert saved.state_json == '{"x": 1}'
    assert saved.title == "Schoolzone"
    assert saved.completeness == 0.5
    assert saved.updated_at >= rec.updated_at
    assert saved.created_at == rec.created_at
    again = store.save(rec.id, owner="a", state_json='{"x": 2}')
    assert again.title == "Schoolzone" and again.completeness == 0.5


def test_save_creates_missing_row(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.save("abc123", owner="a", state_json="{}", title="Terug")
    assert rec.id == "abc123" and rec.version == 1 and rec.title == "Terug"
    assert store.load("abc123", owner="a") == rec


def test_owners_are_isolated(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json="{}", title="Van A")
    assert store.load(rec.id, owner="b") is None
    assert store.list_sessions(owner="b") == []
    assert store.count_sessions(owner="b") == 0
    with pytest.raises(StorageError) as caught:
        store.save(rec.id, owner="b", state_json='{"stolen": true}')
    assert caught.value.message == "Dit gesprek hoort bij een andere gebruiker."
    with pytest.raises(StorageError):
        store.save(rec.id, owner="b", state_json='{"stolen": true}', expected_version=1)
    loaded = store.load(rec.id, owner="a")
    assert loaded is not None and loaded.state_json == "{}" and loaded.version == 1
    assert not store.delete(rec.id, owner="b")
    assert store.delete(rec.id, owner="a")
    assert store.load(rec.id, owner="a") is None
    assert not store.delete(rec.id, owner="a")


def test_user_and_browser_owners_are_different_owners(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="user:anna", state_json="{}", title="Van Anna")
    assert store.load(rec.id, owner="user:anna") is not None
    assert store.load(rec.id, owner="user:ann") is None
    assert store.list_sessions(owner="0" * 32) == []


def test_list_most_recent_first(store_url: str) -> None:
    store = SessionStore(store_url)
    first = store.create(owner="a", state_json="{}", title="Eerste")
    second = store.create(owner="a", state_json="{}", title="Tweede")
    assert [s.id for s in store.list_sessions(owner="a")][:2] == [second.id, first.id]
    store.save(first.id, owner="a", state_json='{"n": 1}')
    listed = store.list_sessions(owner="a")
    assert listed[0].id == first.id and listed[0].version == 2


@pytest.mark.parametrize(
    ("title", "expected"),
    [("", "Nieuw gesprek"), ("  Twee\nregels  ", "Twee regels"), ("x" * 500, "x" * 119 + "…")],
)
def test_titles_are_cleaned(store_url: str, title: str, expected: str) -> None:
    rec = SessionStore(store_url).create(owner="a", state_json="{}", title=title)
    assert rec.title == expected


def test_failed_write_keeps_previous_state(store_url: str) -> None:
    """A write that fails half-way (here: a NOT NULL violation) leaves the saved state intact."""
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json='{"answered": 3}')
    with pytest.raises(StorageError) as caught:
        store.save(rec.id, owner="a", state_json=None)  # type: ignore[arg-type]
    assert caught.value.message == "Het gesprek kon niet worden opgeslagen of gelezen."
    assert caught.value.detail
    loaded = store.load(rec.id, owner="a")
    assert loaded is not None and loaded.state_json == '{"answered": 3}' and loaded.version == 1


def test_concurrent_saves_from_threads(store_url: str) -> None:
    store = SessionStore(store_url)
    recs = [store.create(owner=f"o{i}", state_json="{}") for i in range(4)]

    def work(i: int) -> None:
        for n in range(20):
            store.save(recs[i].id, owner=f"o{i}", state_json=json.dumps({"n": n}))

    assert _threads(4, work) == []
    for i, rec in enumerate(recs):
        loaded = store.load(rec.id, owner=f"o{i}")
        assert loaded is not None and json.loads(loaded.state_json) == {"n": 19}
        assert loaded.version == 21


def test_each_save_bumps_the_version(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json="{}")
    assert rec.version == 1
    assert store.save(rec.id, owner="a", state_json="{}", expected_version=1).version == 2
    assert store.save(rec.id, owner="a", state_json="{}").version == 3


def test_a_stale_version_is_refused_with_what_is_stored_now(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json='{"n": 0}')
    store.save(rec.id, owner="a", state_json='{"n": 1}', expected_version=1)  # tab 1
    with pytest.raises(ConflictError) as caught:  # tab 2 still holds version 1
        store.save(rec.id, owner="a", state_json='{"n": 2}', expected_version=1)
    assert caught.value.message == "Dit gesprek is intussen in een ander venster gewijzigd."
    assert caught.value.current.version == 2
    assert caught.value.current.state_json == '{"n": 1}'
    loaded = store.load(rec.id, owner="a")
    assert loaded is not None and loaded.state_json == '{"n": 1}'  # nothing overwritten


def test_a_versioned_save_of_a_deleted_conversation_says_it_is_gone(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json="{}")
    assert store.delete(rec.id, owner="a")
    with pytest.raises(StorageError) as caught:
        store.save(rec.id, owner="a", state_json="{}", expected_version=1)
    assert not isinstance(caught.value, ConflictError)
    assert caught.value.message == "Dit gesprek bestaat niet meer."


def test_expected_version_zero_creates_only_once(store_url: str) -> None:
    store = SessionStore(store_url)
    first = store.save("f" * 32, owner="a", state_json="{}", expected_version=0)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        store.save("f" * 32, owner="a", state_json='{"late": 1}', expected_version=0)
    assert caught.value.current == first


def test_racing_first_saves_create_one_conversation(store_url: str) -> None:
    """Eight double submits of a new conversation at once: one creates it, seven conflict."""
    store = SessionStore(store_url)
    outcomes: list[str] = []

    def first_save(n: int) -> None:
        try:
            store.save("e" * 32, owner="a", state_json=json.dumps(n), expected_version=0)
            outcomes.append("created")
        except ConflictError as exc:
            assert exc.current.version == 1
            outcomes.append("conflict")

    assert _threads(8, first_save) == []
    assert sorted(outcomes) == ["conflict"] * 7 + ["created"]
    assert store.count_sessions(owner="a") == 1


def test_racing_unversioned_saves_of_a_missing_row_all_land(store_url: str) -> None:
    store = SessionStore(store_url)
    errors = _threads(6, lambda n: store.save("d" * 32, owner="a", state_json=json.dumps(n)))
    assert errors == []
    final = store.load("d" * 32, owner="a")
    assert final is not None and final.version == 6


def _add_with_retry(store: SessionStore, session_id: str, n: int) -> int:
    """Append `n` to the stored list, redoing the change on every conflict; return tries."""
    current: SessionRecord | None = store.load(session_id, owner="a")
    tries = 0
    while True:
        tries += 1
        assert current is not None
        items = [*json.loads(current.state_json), n]
        try:
            store.save(
                session_id,
                owner="a",
                state_json=json.dumps(items),
                expected_version=current.version,
            )
            return tries
        except ConflictError as exc:
            current = exc.current


def test_versioned_saves_from_threads_never_lose_a_write(store_url: str) -> None:
    """Thirty writers that each redo their change on a conflict: all thirty land."""
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json="[]")
    tries: list[int] = []
    assert _threads(30, lambda n: tries.append(_add_with_retry(store, rec.id, n))) == []
    final = store.load(rec.id, owner="a")
    assert final is not None
    assert sorted(json.loads(final.state_json)) == list(range(30))
    assert final.version == 31
    assert sum(tries) > 30  # they did collide: the retries are what kept every write


def test_two_stores_on_one_database_never_lose_a_write(store_url: str) -> None:
    """Two app instances (two engines, two pools) writing one conversation."""
    instances = [SessionStore(store_url), SessionStore(store_url)]
    rec = instances[0].create(owner="a", state_json="[]")
    tries: list[int] = []
    errors = _threads(20, lambda n: tries.append(_add_with_retry(instances[n % 2], rec.id, n)))
    assert errors == []
    for store in instances:
        final = store.load(rec.id, owner="a")
        assert final is not None and sorted(json.loads(final.state_json)) == list(range(20))


def test_list_pages_and_searches_titles(store_url: str) -> None:
    store = SessionStore(store_url)
    for n in range(7):
        store.create(owner="a", state_json="{}", title=f"Straat {n}")
    store.create(owner="a", state_json="{}", title="Schoolplein 100%_klaar")
    store.create(owner="b", state_json="{}", title="Straat van b")
    assert store.count_sessions(owner="a") == 8
    pages = [store.list_sessions(owner="a", limit=3, offset=o) for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 2]
    ids = [s.id for p in pages for s in p]
    assert len(set(ids)) == 8  # no conversation twice, none left out
    assert ids == [s.id for s in store.list_sessions(owner="a")]
    assert store.list_sessions(owner="a", limit=3, offset=8) == []
    assert store.count_sessions(owner="a", query="straat") == 7
    assert store.count_sessions(owner="a", query="  STRAAT  ") == 7
    assert [s.title for s in store.list_sessions(owner="a", query="100%_")] == [
        "Schoolplein 100%_klaar"
    ]
    assert store.list_sessions(owner="a", query="%") == store.list_sessions(owner="a", query="100%")
    assert store.count_sessions(owner="a", query="_") == 1  # not "any one character"
    assert store.count_sessions(owner="a", query="straat_") == 0
    assert store.count_sessions(owner="a", query="\\") == 0
    assert store.count_sessions(owner="a", query="   ") == 8  # blank: no filter


def test_search_ignores_case_beyond_ascii(store_url: str) -> None:
    store = SessionStore(store_url)
    store.create(owner="a", state_json="{}", title="ÉÉN LOKET voor de Groenstraße")
    store.create(owner="a", state_json="{}", title="Back\\slash 50/50")
    assert store.count_sessions(owner="a", query="één loket") == 1
    assert store.count_sessions(owner="a", query="GROENSTRASSE") == 1
    assert [s.title for s in store.list_sessions(owner="a", query="k\\s")] == ["Back\\slash 50/50"]
    assert store.count_sessions(owner="a", query="50/5") == 1


def test_a_renamed_conversation_is_found_by_its_new_title(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json="{}", title="Oude naam")
    store.save(rec.id, owner="a", state_json="{}", title="Marktplein")
    assert store.count_sessions(owner="a", query="oude") == 0
    assert [s.id for s in store.list_sessions(owner="a", query="markt")] == [rec.id]


def test_purge_removes_only_conversations_older_than_the_cutoff(store_url: str) -> None:
    store = SessionStore(store_url)
    old = store.create(owner="a", state_json="{}", title="oud")
    time.sleep(0.01)
    cutoff = datetime.now(UTC)
    time.sleep(0.01)
    recent = store.create(owner="b", state_json="{}", title="nieuw")
    assert store.purge(older_than=cutoff) == [old.id]
    assert store.load(old.id, owner="a") is None
    assert store.load(recent.id, owner="b") is not None
    assert store.purge(older_than=cutoff) == []


def test_purge_keeps_a_conversation_saved_again(store_url: str) -> None:
    store = SessionStore(store_url)
    rec = store.create(owner="a", state_json="{}")
    time.sleep(0.01)
    cutoff = datetime.now(UTC)
    store.save(rec.id, owner="a", state_json='{"again": 1}')
    assert store.purge(older_than=cutoff) == []
    amsterdam = cutoff.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert store.purge(older_than=amsterdam + timedelta(days=1)) == [rec.id]  # any time zone


def test_ping_notices_a_sqlite_file_damaged_under_a_pooled_connection(tmp_path: Path) -> None:

    store = SessionStore(tmp_path / "s.sqlite3")
    store.create(owner="a", state_json="{}")
    store.ping()
    (tmp_path / "s.sqlite3").write_bytes(b"dit is geen database " * 200)
    with pytest.raises(StorageError):
        store.ping()
