"""Fixtures for the app tests: a temporary data directory and the real app on loopback.

The app runs as a user starts it (`python app.py`) in a child process, on a free port of
127.0.0.1, with the offline switches set and its own temporary data directory.
"""

from __future__ import annotations

import os

from opdrachtassistent.config import set_offline_switches

set_offline_switches()  # before anything imports gradio

import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from tests.support.app_process import OFFLINE_ENV, REPO, RunningApp, start_app  # noqa: E402


@pytest.fixture(scope="session")
def knowledge_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the knowledge index built once (as `make run` does first)."""
    path = tmp_path_factory.mktemp("knowledge-template")
    env = {**os.environ, **OFFLINE_ENV, "OPDRACHTASSISTENT_DATA_DIR": str(path)}
    subprocess.run(
        [sys.executable, "-m", "opdrachtassistent", "ingest"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return path


@pytest.fixture
def data_dir(tmp_path: Path, knowledge_template: Path) -> Path:
    """A fresh data directory per test, holding a copy of the prebuilt knowledge index."""
    path = tmp_path / "data"
    shutil.copytree(knowledge_template, path)
    return path


@pytest.fixture
def running_app(data_dir: Path) -> Iterator[RunningApp]:
    app = start_app(data_dir)
    try:
        yield app
    finally:
        app.stop()
        if app.process.returncode not in (0, -2, 130, None):
            print(app.log()[-3000:])
