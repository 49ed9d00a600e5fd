"""Deleting a conversation with its exports, the retention period, and the paged, searchable
list, through `Conversations` over a real SQLite store (no knowledge base needed)."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from opdrachtassistent.commission import Commission
from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.interview import InterviewState
from opdrachtassistent.errors import InputError
from opdrachtassistent.lifecycle import exports, retention
from opdrachtassistent.services import build_services
from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.session import DB_NAME, NOT_DELETED, PAGE_SIZE, Conversations

OWNER, OTHER = "a" * 32, "b" * 32


@pytest.fixture
def conv(tmp_path: Path) -> Conversations:
    """Without a knowledge index: JSON exports and the store need none (Markdown and Word
    exports review the commission with sources, and are tested with the real app)."""
    return Conversations(build_services(Settings(data_dir=tmp_path / "data")))


def stored(conv: Conversations, title: str, owner: str = OWNER) -> str:
    state = InterviewState(commission=Commission(title=title))
    record = conv.store.create(owner=owner, state_json=state.model_dump_json(), title=title)
    return record.id


def age(db_path: Path, session_id: str, days: int) -> None:
    """Make a conversation look last changed `days` days ago, as an old one would."""
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE sessions SET updated_at = ? WHERE id = ?",
            ((datetime.now(UTC) - timedelta(days=days)).isoformat(), session_id),
        )


def gradio_copy(path: Path, cache: Path) -> Path:
    """Gradio's own copy of a returned file, made the way Gradio makes it for a download."""
    from gradio.processing_utils import save_file_to_cache

    return Path(save_file_to_cache(path, str(cache)))


def test_delete_removes_the_conversation_and_its_exports(conv: Conversations) -> None:
    session_id = stored(conv, "Dorpsstraat")
    keep = stored(conv, "Schoolplein")
    files = [
        conv.export(Commission(title="Dorpsstraat"), "json", session_id=session_id),
        conv.export(Commission(title="Dorpsstraat, versie 2"), "json", session_id=session_id),
    ]
    kept_export = conv.export(Commission(title="Schoolplein"), "json", session_id=keep)
    cache = conv.export_root.parent / "gradio"
    copies = [gradio_copy(f, cache) for f in [*files, kept_export]]
    assert all(c.exists() for c in copies)

    assert conv.delete(OWNER, session_id) == "Dorpsstraat"

    assert conv.store.load(session_id, owner=OWNER) is None
    with pytest.raises(InputError):
        conv.resume(OWNER, session_id)
    assert [s.id for s in conv.sessions_page(OWNER).items] == [keep]
    assert not any(f.exists() for f in files)
    assert not (conv.export_root / session_id).exists()
    assert not any(c.exists() for c in copies[:2])
    assert not any(c.parent.exists() for c in copies[:2])  # the hash folders too
    assert kept_export.exists() and copies[2].exists()  # another conversation's stay


def test_another_owner_cannot_delete_and_nothing_is_removed(conv: Conversations) -> None:
    session_id = stored(conv, "Dorpsstraat")
    export = conv.export(Commission(title="Dorpsstraat"), "json", session_id=session_id)
    with pytest.raises(InputError) as refused:
        conv.delete(OTHER, session_id)
    assert refused.value.message == NOT_DELETED
    assert "niets verwijderd" in refused.value.message
    assert conv.store.load(session_id, owner=OWNER) is not None
    assert export.exists()
    for bad in ("", "../" + session_id, session_id.upper() + "x", "*"):
        with pytest.raises(InputError):
            conv.delete(OWNER, bad)
    assert conv.store.load(session_id, owner=OWNER) is not None


def test_an_export_without_a_stored_conversation_is_kept_apart(conv: Conversations) -> None:
    path = conv.export(Commission(title="Los"), "json", session_id="")
    assert path.parent.parent.name == "zonder-gesprek"
    assert exports.remove(conv.export_root.parent.parent.parent, ["zonder-gesprek"]) == 0
    assert path.exists()


def test_the_list_pages_and_searches(conv: Conversations) -> None:
    for n in range(PAGE_SIZE + 3):
        stored(conv, f"Straat {n}")
    stored(conv, "Schoolplein Noord")
    stored(conv, "Plein van een ander", owner=OTHER)
    first = conv.sessions_page(OWNER)
    assert (first.total, first.page, first.pages, len(first.items)) == (14, 1, 2, PAGE_SIZE)
    second = conv.sessions_page(OWNER, page=2)
    assert len(second.items) == 4
    assert not {s.id for s in first.items} & {s.id for s in second.items}
    assert conv.sessions_page(OWNER, page=99).page == 2  # past the end: the last page
    assert conv.sessions_page(OWNER, page=-3).page == 1
    found = conv.sessions_page(OWNER, query="  PLEIN ")
    assert [s.title for s in found.items] == ["Schoolplein Noord"]
    assert (found.total, found.query) == (1, "PLEIN")
    empty = conv.sessions_page(OWNER, query="bestaat niet")
    assert (empty.total, empty.page, empty.pages, empty.items) == (0, 1, 1, [])


def test_retention_removes_old_conversations_and_their_exports(conv: Conversations) -> None:
    data_dir = Path(conv.services.settings.data_dir)
    old = stored(conv, "Oud")
    recent = stored(conv, "Recent", owner=OTHER)
    old_export = conv.export(Commission(title="Oud"), "json", session_id=old)
    recent_export = conv.export(Commission(title="Recent"), "json", session_id=recent)
    age(data_dir / DB_NAME, old, days=40)

    assert retention.purge_expired(conv.store, data_dir, None) == retention.Purged(0, 0)
    assert retention.purge_expired(conv.store, data_dir, 0) == retention.Purged(0, 0)
    assert conv.store.load(old, owner=OWNER) is not None  # no period: kept forever

    assert retention.purge_expired(conv.store, data_dir, 30) == retention.Purged(1, 1)
    assert conv.store.load(old, owner=OWNER) is None
    assert not old_export.exists()
    assert conv.store.load(recent, owner=OTHER) is not None
    assert recent_export.exists()


def test_the_retention_job_runs_again_and_again(conv: Conversations) -> None:
    data_dir = Path(conv.services.settings.data_dir)
    assert retention.start(conv.store, data_dir, None) is None  # no period, no thread
    job = retention.start(conv.store, data_dir, 30, interval_s=0.05)
    assert job is not None and job.thread.daemon
    try:
        for _ in range(2):  # each interval purges what has aged since the last
            session_id = stored(conv, "Wordt oud")
            age(data_dir / DB_NAME, session_id, days=31)
            deadline = time.monotonic() + 10
            while conv.store.load(session_id, owner=OWNER) and time.monotonic() < deadline:
                time.sleep(0.02)
            assert conv.store.load(session_id, owner=OWNER) is None
    finally:
        job.stop()
    job.thread.join(timeout=5)
    assert not job.thread.is_alive()


def test_a_failing_purge_does_not_end_the_job(tmp_path: Path) -> None:
    calls: list[int] = []
    ran_twice = threading.Event()

    def run() -> None:
        calls.append(1)
        if len(calls) >= 2:
            ran_twice.set()
        raise RuntimeError("kapot")

    job = retention.RetentionJob(run, 0.01).start()
    try:
        assert ran_twice.wait(10)
    finally:
        job.stop()


def test_the_retention_period_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().retention_days is None
    monkeypatch.setenv("OPDRACHTASSISTENT_RETENTION_DAYS", "365")
    assert Settings().retention_days == 365
    monkeypatch.setenv("OPDRACHTASSISTENT_RETENTION_DAYS", "-1")
    with pytest.raises(ValueError):
        Settings()


def test_the_store_file_is_the_one_the_app_uses(conv: Conversations) -> None:
    session_id = stored(conv, "Zelfde bestand")
    other = SessionStore(Path(conv.services.settings.data_dir) / DB_NAME)
    assert other.load(session_id, owner=OWNER) is not None
