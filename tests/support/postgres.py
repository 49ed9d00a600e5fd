"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl on a free loopback port.

The cluster lives in its own temporary folder (data, log and socket), so nothing of a system
installation is touched. initdb refuses to run as root, so as root the cluster belongs to the
`postgres` user and every server command runs through `runuser`. Each test gets its own
database (`create_database`), so tests never see each other's rows.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

# Debian puts the server binaries outside PATH, one folder per major version.
_DEBIAN_ROOT = Path("/usr/lib/postgresql")
SERVER_USER = "postgres"


def bin_dir() -> Path | None:
    """Where initdb and pg_ctl are (the newest Debian version first), or None."""
    candidates = sorted(
        (p / "bin" for p in _DEBIAN_ROOT.glob("*") if (p / "bin" / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    if candidates:
        return candidates[0]
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def missing_reason() -> str | None:
    """Why no server can be started here, or None when one can."""
    if bin_dir() is None:
        return (
            "PostgreSQL binaries (initdb, pg_ctl) not found; install Debian's `postgresql` "
            "(scripts/install-test-deps.sh does) to run the PostgreSQL storage tests"
        )
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without `runuser`: initdb cannot be run as another user"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """A running cluster; `url(db)` is the SQLAlchemy URL of one of its databases."""

    root: Path
    port: int
    bin: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=True, cwd=self.root
        )

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = self._run(
            "psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
            "-p", str(self.port), "-U", SERVER_USER, "-d", database, "-c", sql,
        )  # fmt: skip
        return done.stdout.strip()

    def create_database(self, prefix: str = "t") -> str:
        """A fresh, empty database; returns its URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def restart(self) -> None:
        """Stop and start the server (fast shutdown): what a database failover looks like."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "restart", *self._options())

    def _options(self) -> list[str]:
        options = (
            f"-p {self.port} -k {self.root / 'socket'} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c full_page_writes=off -c max_connections=100"
        )
        return ["-l", str(self.root / "server.log"), "-o", options]

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "start", *self._options())

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")
        except OSError:
            return ""


def start_postgres() -> PostgresServer:
    """initdb a fresh cluster in a temporary folder and start it on a free port.

    The folder is made under the system temp dir, not pytest's (which is private to root),
    so that the `postgres` user can reach it when the tests run as root.
    """
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError(missing_reason())
    root = Path(tempfile.mkdtemp(prefix="oa-postgres-"))
    (root / "socket").mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, SERVER_USER, SERVER_USER)
        shutil.chown(root / "socket", SERVER_USER, SERVER_USER)
    server = PostgresServer(root=root, port=_free_port(), bin=binaries)
    try:
        server._run(
            "initdb", "-D", str(server.data), "-A", "trust", "-U", SERVER_USER,
            "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions",
        )  # fmt: skip
        server.start()
    except subprocess.CalledProcessError as exc:
        log = server.log()
        server.stop()
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr}\n{log[-2000:]}") from exc
    return server
