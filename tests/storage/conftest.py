"""Every storage test runs against both backends: a SQLite file and a real PostgreSQL server.

The server is started once per test session (tests/support/postgres.py); each test gets its
own empty database in it. Without PostgreSQL binaries the PostgreSQL half is skipped, with
the reason in the pytest summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.postgres import PostgresServer, missing_reason, start_postgres

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty sessions database of one backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'sessions.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database()
