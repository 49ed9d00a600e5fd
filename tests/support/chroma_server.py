"""A Chroma server from the venv (`chroma run`) on a free loopback port, for tests that run
several app instances on one shared index."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.support.app_process import free_port

CHROMA_BIN = Path(sys.executable).parent / "chroma"


def healthy(url: str) -> bool:
    for path in ("/api/v2/heartbeat", "/api/v1/heartbeat"):
        try:
            with urllib.request.urlopen(url + path, timeout=1) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            continue
    return False


@dataclass
class ChromaServer:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_chroma(root: Path, timeout: float = 60) -> ChromaServer:
    """Start `chroma run` with its data in `root`; wait for its heartbeat."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False", "CHROMA_TELEMETRY": "False"}
    root.mkdir(parents=True, exist_ok=True)
    log_path = root / "chroma.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(CHROMA_BIN), "run", "--path", str(root / "data"), "--host", "127.0.0.1",
             "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    server = ChromaServer(url=url, process=process, log_path=log_path)
    deadline = time.monotonic() + timeout
    while not healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"Chroma did not start:\n{log_path.read_text(errors='replace')}")
        time.sleep(0.2)
    return server
