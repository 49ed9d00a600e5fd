"""A team setup with real processes: one PostgreSQL, one Chroma server and two app instances
on the same database. A conversation started on instance A continues on instance B.

The timings (start-up of each instance, one turn on A and one on B) are printed and kept in
`two_instances.json` in the test's folder; run with `-s` to see them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from tests.app.test_api import chat_text
from tests.support.app_process import OFFLINE_ENV, REPO, RunningApp, start_app
from tests.support.chroma_server import CHROMA_BIN, ChromaServer, start_chroma
from tests.support.postgres import PostgresServer

from opdrachtassistent.dialogue.scenarios import get
from opdrachtassistent.storage.sessions import SessionStore

pytestmark = pytest.mark.slow

OWNER, CHAT, STATUS = 0, 1, 7


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    if not CHROMA_BIN.exists():
        pytest.skip(f"the Chroma server ({CHROMA_BIN}) is not installed")
    server = start_chroma(tmp_path / "chroma")
    try:
        yield server
    finally:
        server.stop()


def _timed(call: Any, *args: Any, api_name: str) -> tuple[tuple[Any, ...], float]:
    started = time.perf_counter()
    result = call(*args, api_name=api_name)
    return result, time.perf_counter() - started


def test_a_conversation_started_on_one_instance_continues_on_the_other(
    postgres: PostgresServer, chroma: ChromaServer, tmp_path: Path
) -> None:
    database_url = postgres.create_database("team")
    shared = {
        "OPDRACHTASSISTENT_DATABASE_URL": database_url,
        "OPDRACHTASSISTENT_CHROMA_URL": chroma.url,
    }
    # The index is built once into the shared Chroma server, as an operator does first.
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "opdrachtassistent", "ingest"],
        cwd=REPO,
        env={**os.environ, **OFFLINE_ENV, **shared, "OPDRACHTASSISTENT_DATA_DIR": str(tmp_path)},
        check=True,
        capture_output=True,
        timeout=900,
    )
    ingest_s = time.perf_counter() - started

    # Two instances start together (each its own data directory: they share only the servers).
    with ThreadPoolExecutor(2) as pool:
        futures = [
            pool.submit(start_app, tmp_path / name, extra_env=shared, timeout=180)
            for name in ("a", "b")
        ]
        apps: list[RunningApp] = [f.result() for f in futures]
    clients: list[Client] = []
    try:
        a, b = (
            Client(app.url, verbose=False, download_files=str(tmp_path / f"dl{i}"),
                   analytics_enabled=False)
            for i, app in enumerate(apps)
        )  # fmt: skip
        clients += [a, b]
        steps = get("schoolzone").steps
        view, start_a_s = _timed(a.predict, "", "context", api_name="/start")
        owner = view[OWNER]
        view, turn_a_s = _timed(a.predict, owner, steps[0].text, "context", api_name="/answer")
        on_a = chat_text(view)
        session_id = a.predict(owner, api_name="/list_sessions")["value"]

        resumed, resume_b_s = _timed(b.predict, owner, session_id, "context", api_name="/resume")
        assert chat_text(resumed) == on_a  # B shows what A stored
        assert "hervat" in resumed[STATUS]
        view, turn_b_s = _timed(b.predict, owner, steps[1].text, "context", api_name="/answer")
        assert chat_text(view)[: len(on_a)] == on_a and len(chat_text(view)) > len(on_a)

        record = SessionStore(database_url).load(session_id, owner=owner)
        assert record is not None
        assert steps[0].text in record.state_json and steps[1].text in record.state_json
        assert record.version >= 2  # stored by the answer on A, saved again by the one on B

        # And back on A: the answer given on B is there.
        back, _ = _timed(a.predict, owner, session_id, "context", api_name="/resume")
        assert chat_text(back) == chat_text(view)
    finally:
        for client in clients:
            client.close()
        for app in apps:
            app.stop()
    figures = {
        "ingest_into_chroma_s": round(ingest_s, 2),
        "startup_a_s": round(apps[0].startup_s, 2),
        "startup_b_s": round(apps[1].startup_s, 2),
        "start_on_a_s": round(start_a_s, 3),
        "turn_on_a_s": round(turn_a_s, 3),
        "resume_on_b_s": round(resume_b_s, 3),
        "turn_on_b_s": round(turn_b_s, 3),
    }
    (tmp_path / "two_instances.json").write_text(json.dumps(figures, indent=2), "utf-8")
    print("two instances:", json.dumps(figures))
