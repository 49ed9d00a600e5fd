"""Every test runs offline with its own data directory, never the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from opdrachtassistent.config import OFFLINE_SWITCHES


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("OPDRACHTASSISTENT_DATA_DIR", str(data))
    for key, value in OFFLINE_SWITCHES.items():
        monkeypatch.setenv(key, value)
    yield data
