"""Conversations kept in SQLite, so they can be resumed and survive a restart of the app.

The store takes its database path from outside (`SessionStore(db_path)`); the caller keeps it
in the data directory. It stores the interview state as an opaque JSON string, so this module
knows nothing of the interview. Schema changes are numbered migrations (`m001_initial`, ...),
applied once each and recorded in `_migrations`.

Every write is one transaction on a fresh connection (WAL, synchronous=FULL): a crash in the
middle of a conversation loses at most the answer being written, never one already saved.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from opdrachtassistent.errors import StorageError

__all__ = [
    "MIGRATIONS",
    "ConflictError",
    "SessionRecord",
    "SessionStore",
    "SessionSummary",
    "StorageError",
]

MAX_TITLE_CHARS = 120


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One earlier conversation, as the list of sessions shows it."""

    id: str
    title: str
    created_at: datetime
    updated_at: datetime
    completeness: float
    version: int = 1


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One stored conversation with its state."""

    id: str
    owner: str
    title: str
    state_json: str
    created_at: datetime
    updated_at: datetime
    completeness: float
    version: int = 1  # 1 after create, +1 per save: the basis of optimistic concurrency


class ConflictError(StorageError):
    """The conversation was saved by someone else (another tab, a double submit) since the
    version the caller read; `current` is what is stored now, so the caller can redo its
    change on top of it instead of overwriting it."""

    def __init__(self, message: str, *, current: SessionRecord) -> None:
        super().__init__(message)
        self.current = current


def _m001_initial(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            title TEXT NOT NULL,
            state_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX sessions_owner_updated ON sessions (owner, updated_at DESC)")


def _m002_completeness(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE sessions ADD COLUMN completeness REAL NOT NULL DEFAULT 0")


def _m003_version(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("m001_initial", _m001_initial),
    ("m002_completeness", _m002_completeness),
    ("m003_version", _m003_version),
]


def _now() -> datetime:
    return datetime.now(UTC)


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _clean_title(title: str) -> str:
    flat = " ".join(title.split())
    if len(flat) > MAX_TITLE_CHARS:
        flat = flat[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return flat or "Nieuw gesprek"


def _title_or_none(title: str | None) -> str | None:
    return _clean_title(title) if title is not None else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _open_problem(db_path: Path, exc: StorageError) -> str:
    """What is wrong with the sessions database at start and what the operator does about it
    (Dutch): a corrupt file and a directory without write access need different actions."""
    detail = (exc.detail or "").casefold()
    if "not a database" in detail or "malformed" in detail:
        return (
            f"Het gesprekkenbestand {db_path} is beschadigd en kan niet worden gelezen. "
            "Maak een reservekopie van het bestand en verwijder het daarna; bij de volgende "
            "start maakt de app een nieuw, leeg bestand."
        )
    parent = db_path.parent
    if "readonly" in detail or "unable to open" in detail or not os.access(parent, os.W_OK):
        return (
            f"De map {parent} is niet schrijfbaar, dus gesprekken kunnen niet worden "
            "opgeslagen. Geef de app schrijfrechten op die map (en op het bestand "
            f"{db_path.name}) of kies met OPDRACHTASSISTENT_DATA_DIR een andere map."
        )
    return (
        f"Het gesprekkenbestand {db_path} kan niet worden geopend ({exc.detail}). "
        "Controleer het bestand en de rechten op de map."
    )


class SessionStore:
    """Conversations of every owner (one browser each) in one SQLite file."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Kan de map {self.db_path.parent} voor de gesprekken niet maken. Geef de app "
                "schrijfrechten op die plek of kies met OPDRACHTASSISTENT_DATA_DIR een andere map.",
                detail=str(exc),
            ) from exc
        try:
            self.migrate()
        except StorageError as exc:
            raise StorageError(_open_problem(self.db_path, exc), detail=exc.detail) from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection per operation: safe with the web server's worker threads."""
        try:
            with closing(sqlite3.connect(self.db_path, timeout=10.0)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.row_factory = sqlite3.Row
                yield conn
        except sqlite3.Error as exc:
            raise StorageError(
                "Het gesprek kon niet worden opgeslagen of gelezen.", detail=str(exc)
            ) from exc

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; return their names."""
        applied_now: list[str] = []
        with self._connect() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            done = {row["name"] for row in conn.execute("SELECT name FROM _migrations")}
            for name, migration in MIGRATIONS:
                if name in done:
                    continue
                with conn:  # one transaction per migration
                    migration(conn)
                    conn.execute(
                        "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                        (name, _now().isoformat()),
                    )
                applied_now.append(name)
        return applied_now

    def applied_migrations(self) -> list[str]:
        with self._connect() as conn:
            return [r["name"] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]

    def create(
        self, *, owner: str, state_json: str, title: str = "", completeness: float = 0.0
    ) -> SessionRecord:
        """Store a new conversation and return it with its fresh id."""
        session_id = uuid.uuid4().hex
        now = _now().isoformat()
        with self._connect() as conn, conn:
            conn.execute(
                "INSERT INTO sessions (id, owner, title, state_json, created_at, updated_at,"
                " completeness) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, owner, _clean_title(title), state_json, now, now, completeness),
            )
        record = self.load(session_id, owner=owner)
        assert record is not None
        return record

    def save(
        self,
        session_id: str,
        *,
        owner: str,
        state_json: str,
        title: str | None = None,
        completeness: float | None = None,
        expected_version: int | None = None,
    ) -> SessionRecord:
        """Replace the state of a conversation of this owner, atomically, and bump its version.

        With `expected_version`, the write happens only when the stored version is still that
        one (0: the row must not exist yet); otherwise `ConflictError` carries what is stored
        now and nothing is written. Without it the row is created when it does not exist
        (for example after the data directory was emptied while a browser still held the id).
        """
        now = _now().isoformat()
        with self._connect() as conn, conn:
            if expected_version is None:
                cur = conn.execute(
                    "UPDATE sessions SET state_json = ?, title = COALESCE(?, title),"
                    " completeness = COALESCE(?, completeness), updated_at = ?,"
                    " version = version + 1 WHERE id = ? AND owner = ?",
                    (state_json, _title_or_none(title), completeness, now, session_id, owner),
                )
            else:
                cur = conn.execute(
                    "UPDATE sessions SET state_json = ?, title = COALESCE(?, title),"
                    " completeness = COALESCE(?, completeness), updated_at = ?,"
                    " version = version + 1 WHERE id = ? AND owner = ? AND version = ?",
                    (
                        state_json,
                        _title_or_none(title),
                        completeness,
                        now,
                        session_id,
                        owner,
                        expected_version,
                    ),
                )
            if cur.rowcount == 0:
                row = conn.execute(
                    "SELECT owner FROM sessions WHERE id = ?", (session_id,)
                ).fetchone()
                if row is not None and row["owner"] != owner:
                    raise StorageError("Dit gesprek hoort bij een andere gebruiker.")
                if row is None and expected_version in (None, 0):
                    conn.execute(
                        "INSERT INTO sessions (id, owner, title, state_json, created_at,"
                        " updated_at, completeness, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                        (
                            session_id,
                            owner,
                            _clean_title(title or ""),
                            state_json,
                            now,
                            now,
                            completeness or 0.0,
                        ),
                    )
                    conflict = False
                else:
                    conflict = True
            else:
                conflict = False
        record = self.load(session_id, owner=owner)
        if conflict:
            if record is None:  # deleted meanwhile
                raise StorageError("Dit gesprek bestaat niet meer.")
            raise ConflictError(
                "Dit gesprek is intussen in een ander venster gewijzigd.", current=record
            )
        assert record is not None
        return record

    def load(self, session_id: str, *, owner: str) -> SessionRecord | None:
        """The conversation with this id, if it belongs to this owner."""
        with self._connect() as conn:
            row = conn.execute(
                "SELECT * FROM sessions WHERE id = ? AND owner = ?", (session_id, owner)
            ).fetchone()
        if row is None:
            return None
        return SessionRecord(
            id=row["id"],
            owner=row["owner"],
            title=row["title"],
            state_json=row["state_json"],
            created_at=_parse(row["created_at"]),
            updated_at=_parse(row["updated_at"]),
            completeness=float(row["completeness"]),
            version=int(row["version"]),
        )

    def list_sessions(
        self, *, owner: str, limit: int = 50, offset: int = 0, query: str | None = None
    ) -> list[SessionSummary]:
        """One page of this owner's conversations, most recently changed first; `query`
        keeps those whose title contains it (case-insensitive)."""
        where, params = self._owner_filter(owner, query)
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT id, title, created_at, updated_at, completeness, version FROM sessions"
                f" WHERE {where} ORDER BY updated_at DESC, created_at DESC, id LIMIT ? OFFSET ?",
                (*params, max(0, limit), max(0, offset)),
            ).fetchall()
        return [
            SessionSummary(
                id=r["id"],
                title=r["title"],
                created_at=_parse(r["created_at"]),
                updated_at=_parse(r["updated_at"]),
                completeness=float(r["completeness"]),
                version=int(r["version"]),
            )
            for r in rows
        ]

    def count_sessions(self, *, owner: str, query: str | None = None) -> int:
        """How many conversations `list_sessions` would page through."""
        where, params = self._owner_filter(owner, query)
        with self._connect() as conn:
            row = conn.execute(f"SELECT COUNT(*) AS n FROM sessions WHERE {where}", params)
            return int(row.fetchone()["n"])

    @staticmethod
    def _owner_filter(owner: str, query: str | None) -> tuple[str, tuple[str, ...]]:
        if query and query.strip():
            pattern = f"%{_escape_like(query.strip().casefold())}%"
            return "owner = ? AND lower(title) LIKE ? ESCAPE '\\'", (owner, pattern)
        return "owner = ?", (owner,)

    def delete(self, session_id: str, *, owner: str) -> bool:
        """Remove one conversation of this owner; False when there was none."""
        with self._connect() as conn, conn:
            cur = conn.execute(
                "DELETE FROM sessions WHERE id = ? AND owner = ?", (session_id, owner)
            )
            return cur.rowcount > 0

    def purge(self, *, older_than: datetime) -> list[str]:
        """Remove every conversation last changed before `older_than` (the retention period);
        return the removed ids, so their exports can go too."""
        cutoff = older_than.astimezone(UTC).isoformat()
        with self._connect() as conn, conn:
            ids = [
                r["id"]
                for r in conn.execute("SELECT id FROM sessions WHERE updated_at < ?", (cutoff,))
            ]
            conn.executemany("DELETE FROM sessions WHERE id = ?", [(i,) for i in ids])
        return ids
