"""Server mode: the same KnowledgeBase over a real Chroma server started on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.chroma_server import healthy as _healthy

from opdrachtassistent.config import Settings
from opdrachtassistent.knowledge.search import KnowledgeBase
from opdrachtassistent.knowledge.store import HttpChromaStore, collection_name
from opdrachtassistent.knowledge.testing import FakeEmbedder

CHROMA_BIN = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    if not CHROMA_BIN.exists():
        pytest.skip(f"de Chroma-server ({CHROMA_BIN}) is niet geïnstalleerd")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False", "CHROMA_TELEMETRY": "False"}
    log = (tmp_path / "chroma.log").open("wb")
    process = subprocess.Popen(
        [
            str(CHROMA_BIN),
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(
                    "Chroma-server startte niet: "
                    + (tmp_path / "chroma.log").read_text(errors="replace")[-2000:]
                )
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


def test_two_instances_share_one_index_on_a_server(chroma_server: str, tmp_path: Path) -> None:
    first_embedder = FakeEmbedder()
    first = KnowledgeBase.open(chroma_url=chroma_server, embedder=first_embedder)
    assert isinstance(first.store, HttpChromaStore)
    first.ensure_ready()
    total = first.count()
    assert total >= 60
    assert first_embedder.embedded_texts

    note = tmp_path / "notitie.md"
    note.write_text("# Notitie\n\n## Singel\nDe platanen langs de Singel blijven staan.\n", "utf-8")
    assert len(first.ingest([note]).added) == 1

    # A second app instance: nothing to embed again, and it sees the first one's document.
    second_embedder = FakeEmbedder()
    second = KnowledgeBase(
        HttpChromaStore(chroma_server, collection_name(second_embedder.name)),
        embedder=second_embedder,
    )
    report = second.ensure_ready()
    assert report is not None and report.changed is False
    assert second.ingest([note]).changed is False
    assert second_embedder.embedded_texts == []
    assert second.count() == total + 1
    hits = second.search("platanen Singel", k=1)
    assert hits[0].heading == "Singel"
    why = second.search("waarom vragen we naar de organisatie", k=3, section="organisation")
    assert any("organisatie" in p.text for p in why)


def test_server_url_from_the_environment(
    chroma_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPDRACHTASSISTENT_CHROMA_URL", chroma_server)
    kb = KnowledgeBase.open(chroma_url=Settings().chroma_url, embedder=FakeEmbedder())
    assert isinstance(kb.store, HttpChromaStore)
    assert kb.get("knelpunten#budgetten-per-discipline") is not None
