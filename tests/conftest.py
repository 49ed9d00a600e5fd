"""Every test runs offline with its own data directory, never the user's own."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from tests.support.llama_server import LlamaServer, running_llama_server
from tests.support.llama_server import available as llama_available

from opdrachtassistent.config import OFFLINE_SWITCHES
from opdrachtassistent.llm.client import reset_endpoints
from opdrachtassistent.prompts import PROMPTS_DIR_ENV

# Property tests (tests/test_interview_properties.py): no deadline per example (a loaded
# machine is slow, not wrong) and no example database; what hypothesis caches (Unicode
# tables, constants) goes to the temporary directory, so a run writes no `.hypothesis`
# folder into the checkout.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY",
    str(Path(tempfile.gettempdir()) / "opdrachtassistent-hypothesis"),
)
settings.register_profile("opdrachtassistent", deadline=None, database=None)
settings.load_profile("opdrachtassistent")


# Settings a developer may have exported for their own use of a model.
LEAKY_ENV = (
    "OPDRACHTASSISTENT_LLM_BASE_URL",
    "OPDRACHTASSISTENT_LLM_API_KEY",
    "OPDRACHTASSISTENT_LLM_MODEL",
    "OPDRACHTASSISTENT_LLM_METHOD",
    "OPDRACHTASSISTENT_LLM_TIMEOUT_S",
    "OPDRACHTASSISTENT_LLM_MAX_TOKENS",
    PROMPTS_DIR_ENV,
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
)


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("OPDRACHTASSISTENT_DATA_DIR", str(data))
    for key, value in OFFLINE_SWITCHES.items():
        monkeypatch.setenv(key, value)
    for key in LEAKY_ENV:  # the developer's own model configuration stays out of the tests
        monkeypatch.delenv(key, raising=False)
    reset_endpoints()  # what one test's endpoint did (a timeout, a refusal) stays in it
    yield data


@pytest.fixture(scope="session")
def llama_server() -> Iterator[LlamaServer]:
    """A real llama.cpp server (tests/support/llama_server.py), shared by the session; the
    test skips with the reason when none is installed (scripts/install-llama-server.sh)."""
    reason = llama_available()
    if reason is not None:
        pytest.skip(reason)
    with running_llama_server() as server:
        yield server
