"""The app keeps Gradio's temporary files and its exports in the run's folder under the data
directory, not in a folder of its own in the system temp directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
