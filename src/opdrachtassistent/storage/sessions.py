"""Conversations kept in a database, so they can be resumed and survive a restart of the app.

One machine: a SQLite file in the data directory (`SessionStore(db_path)`). A team on a server:
PostgreSQL (`SessionStore("postgresql+psycopg://...")`), shared by several app instances.
Both go through SQLAlchemy Core with one engine (one connection pool) per store. The store
keeps the interview state as an opaque JSON string, so this module knows nothing of the
interview. Schema changes are numbered migrations (`m001_initial`, ...), applied once each
and recorded in `_migrations`; their DDL names the column types per dialect.

Every write is one transaction (SQLite: WAL, synchronous=FULL, BEGIN IMMEDIATE): a crash in
the middle of a conversation loses at most the answer being written, never one already saved.
A versioned save is one conditional UPDATE (`WHERE version = :expected`), atomic on both
backends: of two writers holding the same version exactly one wins.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    TIMESTAMP,
    Column,
    Float,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Connection, Dialect, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.types import TypeDecorator, TypeEngine

from opdrachtassistent.errors import StorageError

if TYPE_CHECKING:
    from opdrachtassistent.config import Settings

__all__ = [
    "DEFAULT_DB_NAME",
    "MIGRATIONS",
    "ConflictError",
    "SessionRecord",
    "SessionStore",
    "SessionSummary",
    "StorageError",
    "open_store",
]

MAX_TITLE_CHARS = 120
DEFAULT_DB_NAME = "sessions.sqlite3"
_SQLITE_TIMEOUT_S = 10.0
_WRITE = "opdrachtassistent_write"  # execution option: this connection is about to write
_MIGRATION_LOCK = 0x6F70647261  # pg_advisory_xact_lock key: one migrating instance at a time
_USAGE = (
    "Gebruik sqlite:///pad/naar/sessions.sqlite3 of "
    "postgresql+psycopg://gebruiker:wachtwoord@server:5432/database."
)


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


class _Moment(TypeDecorator[datetime]):
    """A UTC moment: ISO text in SQLite (as the first schema stored it, so text order is time
    order), `timestamp with time zone` in PostgreSQL."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(TIMESTAMP(timezone=True))
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        moment = value.astimezone(UTC)
        return moment if dialect.name == "postgresql" else moment.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


Moment = _Moment  # for the other tables of this database (storage/workflow.py)


# The tables as the queries see them; the migrations below create them.
_METADATA = MetaData()
SESSIONS = Table(
    "sessions",
    _METADATA,
    Column("id", Text, primary_key=True),
    Column("owner", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("title_fold", Text, nullable=False),  # casefolded title: the same search everywhere
    Column("state_json", Text, nullable=False),
    Column("created_at", _Moment, nullable=False),
    Column("updated_at", _Moment, nullable=False),
    Column("completeness", Float, nullable=False),
    Column("version", Integer, nullable=False),
)
APPLIED = Table(
    "_migrations",
    _METADATA,
    Column("name", Text, primary_key=True),
    Column("applied_at", _Moment),
)

# Column types the migrations' DDL uses, per dialect.
_DDL_TYPES: dict[str, dict[str, str]] = {
    "sqlite": {"moment": "TEXT", "real": "REAL"},
    "postgresql": {"moment": "TIMESTAMP WITH TIME ZONE", "real": "DOUBLE PRECISION"},
}


def _ddl(conn: Connection, statement: str) -> None:
    conn.exec_driver_sql(statement.format(**_DDL_TYPES[conn.dialect.name]))


def _m001_initial(conn: Connection) -> None:
    _ddl(
        conn,
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            title TEXT NOT NULL,
            state_json TEXT NOT NULL,
            created_at {moment} NOT NULL,
            updated_at {moment} NOT NULL
        )
        """,
    )
    _ddl(conn, "CREATE INDEX sessions_owner_updated ON sessions (owner, updated_at DESC)")


def _m002_completeness(conn: Connection) -> None:
    _ddl(conn, "ALTER TABLE sessions ADD COLUMN completeness {real} NOT NULL DEFAULT 0")


def _m003_version(conn: Connection) -> None:
    _ddl(conn, "ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


def _m004_title_fold(conn: Connection) -> None:
    """Search compares casefolded text computed here, not the database's lower(): SQLite's
    only knows ASCII and PostgreSQL's depends on the server's locale."""
    _ddl(conn, "ALTER TABLE sessions ADD COLUMN title_fold TEXT NOT NULL DEFAULT ''")
    rows = conn.execute(select(SESSIONS.c.id, SESSIONS.c.title)).all()
    for row in rows:
        conn.execute(
            update(SESSIONS).where(SESSIONS.c.id == row.id).values(title_fold=_fold(row.title))
        )


def _m005_workflow(conn: Connection) -> None:
    """The review loop's tables (shares, status, comments, versions, audit): workflow.py."""
    from opdrachtassistent.storage.workflow import m005_workflow

    m005_workflow(conn)


def _remove_workflow(conn: Connection, ids: list[str]) -> None:
    """A deleted conversation takes its review loop along (same transaction, after it)."""
    from opdrachtassistent.storage.workflow import remove_conversations

    remove_conversations(conn, ids)


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("m001_initial", _m001_initial),
    ("m002_completeness", _m002_completeness),
    ("m003_version", _m003_version),
    ("m004_title_fold", _m004_title_fold),
    ("m005_workflow", _m005_workflow),
]


def _now() -> datetime:
    return datetime.now(UTC)


def _fold(title: str) -> str:
    return title.casefold()


def _clean_title(title: str) -> str:
    flat = " ".join(title.split())
    if len(flat) > MAX_TITLE_CHARS:
        flat = flat[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return flat or "Nieuw gesprek"


def _record(row: Any) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        owner=row.owner,
        title=row.title,
        state_json=row.state_json,
        created_at=row.created_at,
        updated_at=row.updated_at,
        completeness=float(row.completeness),
        version=int(row.version),
    )


def _detail(exc: BaseException) -> str:
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    return str(orig if orig is not None else exc).strip()


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


def _server_problem(url: URL, exc: StorageError) -> str:
    """What is wrong with the database server at start (Dutch), without its password."""
    import psycopg

    shown = url.render_as_string(hide_password=True)
    detail = exc.detail or ""
    cause = exc.__cause__.orig if isinstance(exc.__cause__, DBAPIError) else None
    if "does not exist" in detail and "database" in detail:
        return (
            f"De database {url.database} bestaat niet op de server ({shown}). Maak hem aan "
            "(bijvoorbeeld met createdb) of pas OPDRACHTASSISTENT_DATABASE_URL aan."
        )
    if "password" in detail or "authentication" in detail:
        return (
            f"De databaseserver weigert de gebruiker {url.username} ({shown}). Controleer de "
            "gebruikersnaam en het wachtwoord in OPDRACHTASSISTENT_DATABASE_URL."
        )
    if isinstance(cause, psycopg.errors.InsufficientPrivilege):
        return (
            f"De gebruiker {url.username} mag de tabellen voor de gesprekken niet maken of "
            f"wijzigen ({shown}). Geef die gebruiker rechten op het schema van de database."
        )
    if isinstance(cause, psycopg.OperationalError):
        return (
            f"De databaseserver voor de gesprekken is niet bereikbaar ({shown}: {detail}). "
            "Controleer OPDRACHTASSISTENT_DATABASE_URL en of de server draait."
        )
    return f"De database voor de gesprekken kan niet worden gebruikt ({shown}: {detail})."


def _url_of(target: Path | str) -> URL:
    """A path is a SQLite file; a string with '://' a database URL."""
    if isinstance(target, Path) or "://" not in target:
        return URL.create("sqlite", database=str(Path(target)))
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as exc:
        raise StorageError(
            f"OPDRACHTASSISTENT_DATABASE_URL is geen geldige database-URL. {_USAGE}",
            detail=str(exc),
        ) from exc
    backend = url.get_backend_name()
    if backend in ("postgres", "postgresql") and url.get_driver_name() in ("", "psycopg2"):
        url = url.set(drivername="postgresql+psycopg")  # the driver this package ships with
    elif backend not in _DDL_TYPES:
        raise StorageError(
            f"Database {backend!r} wordt niet ondersteund voor de gesprekken. {_USAGE}"
        )
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        raise StorageError(
            "Een SQLite-database in het geheugen bewaart geen gesprekken; geef een bestand op. "
            + _USAGE
        )
    return url


def _sqlite_connect(path: str) -> sqlite3.Connection:
    # Looked up at call time, so a test can make the database refuse like a read-only disk.
    return sqlite3.connect(path, timeout=_SQLITE_TIMEOUT_S, check_same_thread=False)


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy says BEGIN itself (see _sqlite_on_begin)
    dbapi_conn.execute("PRAGMA journal_mode=WAL")
    dbapi_conn.execute("PRAGMA synchronous=FULL")


def _sqlite_on_begin(conn: Connection) -> None:
    """Writers take the write lock at BEGIN, so the busy timeout applies and two writers
    queue instead of one failing at its first write after a read."""
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, creator=partial(_sqlite_connect, str(url.database)))
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,  # a restarted database server costs no request
        pool_size=5,
        max_overflow=10,
        pool_recycle=1800,
        connect_args={"connect_timeout": 10, "application_name": "opdrachtassistent"},
    )


def _new_row(
    session_id: str, owner: str, title: str, state_json: str, completeness: float, now: datetime
) -> dict[str, Any]:
    """The columns of a conversation's first version (create and the save that creates)."""
    return {
        "id": session_id,
        "owner": owner,
        "title": title,
        "title_fold": _fold(title),
        "state_json": state_json,
        "created_at": now,
        "updated_at": now,
        "completeness": completeness,
        "version": 1,
    }


class SessionStore:
    """Conversations of every owner in one database: a SQLite file or a PostgreSQL server."""

    def __init__(self, target: Path | str) -> None:
        self.url = _url_of(target)
        self.db_path = Path(str(self.url.database)) if self.is_sqlite else None
        if self.db_path is not None:
            try:
                self.db_path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    f"Kan de map {self.db_path.parent} voor de gesprekken niet maken. Geef de "
                    "app schrijfrechten op die plek of kies met OPDRACHTASSISTENT_DATA_DIR een "
                    "andere map.",
                    detail=str(exc),
                ) from exc
        self.engine = _engine(self.url)
        try:
            self.migrate()
        except StorageError as exc:
            problem = (
                _open_problem(self.db_path, exc)
                if self.db_path is not None
                else _server_problem(self.url, exc)
            )
            self.engine.dispose()
            raise StorageError(problem, detail=exc.detail) from exc

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def ping(self) -> None:
        """Whether the database answers now (for readiness), on a fresh connection: a pooled
        SQLite connection keeps answering from its cache after the file was damaged or
        replaced under it. Raises StorageError."""
        if self.db_path is not None:
            uri = self.db_path.resolve().as_uri() + "?mode=ro"
            try:
                # recent pages may live in the WAL file, so a query alone can miss a main
                # file overwritten with something else: its header says so
                with self.db_path.open("rb") as fh:
                    header = fh.read(16)
                if header and header != b"SQLite format 3\x00":
                    raise sqlite3.DatabaseError("file is not a database")
                with closing(sqlite3.connect(uri, uri=True, timeout=5.0)) as conn:
                    conn.execute("SELECT COUNT(*) FROM sessions").fetchone()
            except (sqlite3.Error, OSError) as exc:
                raise StorageError("De gespreksopslag antwoordt niet.", detail=str(exc)) from exc
            return
        self.count_sessions(owner="")

    def close(self) -> None:
        """Close the pooled connections (the store reconnects when used again)."""
        self.engine.dispose()

    @contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[Connection]:
        """A pooled connection in one transaction, committed when the block ends well."""
        try:
            with self.engine.connect() as conn:
                if write:
                    conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    yield conn
        except StorageError:
            raise
        except (SQLAlchemyError, sqlite3.Error) as exc:
            raise StorageError(
                "Het gesprek kon niet worden opgeslagen of gelezen.", detail=_detail(exc)
            ) from exc

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied, one transaction each; return their names.

        Several instances may start at once on one database: SQLite's write lock or a
        PostgreSQL advisory lock lets one migrate while the others wait and then skip.
        """
        applied_now: list[str] = []
        for name, migration in MIGRATIONS:
            with self._connect(write=True) as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                    )
                _ddl(
                    conn,
                    "CREATE TABLE IF NOT EXISTS _migrations"
                    " (name TEXT PRIMARY KEY, applied_at {moment})",
                )
                done = set(conn.execute(select(APPLIED.c.name)).scalars())
                if name in done:
                    continue
                migration(conn)
                conn.execute(insert(APPLIED).values(name=name, applied_at=_now()))
            applied_now.append(name)
        return applied_now

    def applied_migrations(self) -> list[str]:
        with self._connect() as conn:
            return list(conn.execute(select(APPLIED.c.name).order_by(APPLIED.c.name)).scalars())

    def create(
        self, *, owner: str, state_json: str, title: str = "", completeness: float = 0.0
    ) -> SessionRecord:
        """Store a new conversation and return it with its fresh id."""
        session_id = uuid.uuid4().hex
        now = _now()
        clean = _clean_title(title)
        with self._connect(write=True) as conn:
            conn.execute(
                insert(SESSIONS).values(
                    _new_row(session_id, owner, clean, state_json, completeness, now)
                )
            )
            return self._load(conn, session_id, owner)

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
        now = _now()
        clean = _clean_title(title) if title is not None else None
        changes: dict[str, Any] = {
            "state_json": state_json,
            "updated_at": now,
            "version": SESSIONS.c.version + 1,
        }
        if clean is not None:
            changes |= {"title": clean, "title_fold": _fold(clean)}
        if completeness is not None:
            changes["completeness"] = completeness
        mine = (SESSIONS.c.id == session_id) & (SESSIONS.c.owner == owner)
        if expected_version is not None:
            mine = mine & (SESSIONS.c.version == expected_version)
        with self._connect(write=True) as conn:
            # An unversioned save of a row that another writer created after our UPDATE
            # found nothing goes round once more and updates that row; a versioned one
            # stops: that row is a newer version than the caller's.
            for _attempt in range(3):
                if conn.execute(update(SESSIONS).where(mine).values(changes)).rowcount:
                    return self._load(conn, session_id, owner)
                stored_owner = conn.execute(
                    select(SESSIONS.c.owner).where(SESSIONS.c.id == session_id)
                ).scalar()
                if stored_owner is not None and stored_owner != owner:
                    raise StorageError("Dit gesprek hoort bij een andere gebruiker.")
                if (
                    stored_owner is None
                    and expected_version in (None, 0)
                    and self._insert_new(conn, session_id, owner, state_json, clean, completeness)
                ):
                    return self._load(conn, session_id, owner)
                if expected_version is not None:
                    break
        current = self.load(session_id, owner=owner)
        if current is None:  # deleted meanwhile
            raise StorageError("Dit gesprek bestaat niet meer.")
        raise ConflictError(
            "Dit gesprek is intussen in een ander venster gewijzigd.", current=current
        )

    @staticmethod
    def _insert_new(
        conn: Connection,
        session_id: str,
        owner: str,
        state_json: str,
        title: str | None,
        completeness: float | None,
    ) -> bool:
        """Create the row unless one with this id appeared meanwhile; True when created."""
        clean = title or _clean_title("")
        now = _now()
        dialect = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
        statement = (
            dialect.insert(SESSIONS)
            .values(_new_row(session_id, owner, clean, state_json, completeness or 0.0, now))
            .on_conflict_do_nothing(index_elements=[SESSIONS.c.id])
            .returning(SESSIONS.c.id)  # no row back when skipped (rowcount may say -1 here)
        )
        return conn.execute(statement).first() is not None

    @staticmethod
    def _load(conn: Connection, session_id: str, owner: str) -> SessionRecord:
        row = conn.execute(
            select(SESSIONS).where((SESSIONS.c.id == session_id) & (SESSIONS.c.owner == owner))
        ).one()
        return _record(row)

    def load(self, session_id: str, *, owner: str) -> SessionRecord | None:
        """The conversation with this id, if it belongs to this owner."""
        with self._connect() as conn:
            row = conn.execute(
                select(SESSIONS).where((SESSIONS.c.id == session_id) & (SESSIONS.c.owner == owner))
            ).first()
        return _record(row) if row is not None else None

    def list_sessions(
        self, *, owner: str, limit: int = 50, offset: int = 0, query: str | None = None
    ) -> list[SessionSummary]:
        """One page of this owner's conversations, most recently changed first; `query`
        keeps those whose title contains it (case-insensitive, % and _ taken literally)."""
        c = SESSIONS.c
        statement = (
            select(c.id, c.title, c.created_at, c.updated_at, c.completeness, c.version)
            .where(self._owner_filter(owner, query))
            .order_by(c.updated_at.desc(), c.created_at.desc(), c.id)
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        with self._connect() as conn:
            rows = conn.execute(statement).all()
        return [
            SessionSummary(
                id=r.id,
                title=r.title,
                created_at=r.created_at,
                updated_at=r.updated_at,
                completeness=float(r.completeness),
                version=int(r.version),
            )
            for r in rows
        ]

    def count_sessions(self, *, owner: str, query: str | None = None) -> int:
        """How many conversations `list_sessions` would page through."""
        statement = select(func.count()).select_from(SESSIONS)
        with self._connect() as conn:
            return int(conn.execute(statement.where(self._owner_filter(owner, query))).scalar_one())

    @staticmethod
    def _owner_filter(owner: str, query: str | None) -> Any:
        mine = SESSIONS.c.owner == owner
        if query and query.strip():
            return mine & SESSIONS.c.title_fold.contains(_fold(query.strip()), autoescape=True)
        return mine

    def delete(self, session_id: str, *, owner: str) -> bool:
        """Remove one conversation of this owner, with its shares, comments, versions and
        audit trail; False when there was none."""
        with self._connect(write=True) as conn:
            done = conn.execute(
                delete(SESSIONS).where((SESSIONS.c.id == session_id) & (SESSIONS.c.owner == owner))
            )
            if done.rowcount:
                _remove_workflow(conn, [session_id])
            return bool(done.rowcount)

    def purge(self, *, older_than: datetime) -> list[str]:
        """Remove every conversation last changed before `older_than` (the retention period);
        return the removed ids, so their exports can go too.

        Each delete checks the age again, so a conversation saved while the purge runs (on
        another instance) stays.
        """
        old = SESSIONS.c.updated_at < older_than
        removed: list[str] = []
        with self._connect(write=True) as conn:
            for session_id in conn.execute(select(SESSIONS.c.id).where(old)).scalars().all():
                gone = conn.execute(delete(SESSIONS).where((SESSIONS.c.id == session_id) & old))
                if gone.rowcount:
                    removed.append(session_id)
            _remove_workflow(conn, removed)
        return removed


def open_store(settings: Settings) -> SessionStore:
    """The store the settings name: `database_url`, or else the SQLite file in the data
    directory."""
    return SessionStore(settings.database_url or Path(settings.data_dir) / DEFAULT_DB_NAME)
