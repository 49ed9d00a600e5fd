"""The app keeps Gradio's temporary files and its exports in the run's folder under the data
directory, not in a folder of its own in the system temp directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.support.app_process import start_app

from opdrachtassistent.commission import Commission
from opdrachtassistent.config import Settings
from opdrachtassistent.services import build_services
from opdrachtassistent.storage.scratch import scratch_dir
from opdrachtassistent.ui.app import build_app
from opdrachtassistent.ui.session import Conversations


def test_gradio_temp_dir_and_exports_live_under_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADIO_TEMP_DIR", "")  # so the test's change is undone after it
    monkeypatch.delenv("GRADIO_TEMP_DIR")
    services = build_services(Settings(data_dir=tmp_path))
    conversations = Conversations(services)
    build_app(services, conversations=conversations)
    run = scratch_dir(tmp_path)
    assert Path(os.environ["GRADIO_TEMP_DIR"]).parent == run
    export = conversations.export(Commission(title="Test"), "json")
    assert run in export.parents


def test_a_real_start_and_stop_leaves_no_temporary_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    stale = data / "tmp" / "run-999999999-crashed"  # no such process: a run that died
    stale.mkdir(parents=True)
    (stale / "upload.docx").write_bytes(b"copy")
    app = start_app(data, extra_env={"GRADIO_TEMP_DIR": ""})
    try:
        assert not stale.exists()
        runs = list((data / "tmp").iterdir())
        assert [p.name.startswith(f"run-{app.process.pid}-") for p in runs] == [True]
    finally:
        app.stop()
    assert app.process.returncode is not None
    assert list((data / "tmp").iterdir()) == []
