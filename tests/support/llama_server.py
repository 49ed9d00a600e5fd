"""A real llama.cpp server for the tests marked `realmodel` and for `make bench`.

llama-cpp-python's OpenAI-compatible server (`python -m llama_cpp.server`) runs Gemma 3 270M
(Q4_K_M, 253 MB) from its own venv outside the clone, which `scripts/install-llama-server.sh`
sets up once per machine under `llama_home()`. `available()` says why no server can be
started here (the tests then skip with that reason), or None. `running_llama_server()`
starts one on a free loopback port, waits until `GET /v1/models` answers and stops the whole
process group afterwards.

What the model is: a small *base* model without a chat template (the GGUF has none). The
server runs through `llama_gemma_serve.py`, whose `gemma-system` chat format is
llama-cpp-python's `gemma` with the system messages put at the start of the first user turn
(as Gemma 3's own template does; plain `gemma` drops them). Free text is poor (it often
repeats the prompt); output constrained by a grammar (a JSON schema or a forced tool call) is
well formed. It serves the protocol, not the quality of the answers.

`python -m tests.support.llama_server` starts one, prints its base URL (".../v1") on the
first line of stdout and the model id on the second, and serves until interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.app_process import free_port

HOME_VARIABLE = "OPDRACHTASSISTENT_LLAMA_HOME"
MODEL_FILE = "gemma3-270m-q4_k_m.gguf"
STAMP_FILE = "installed.stamp"
INSTALL_SCRIPT = "scripts/install-llama-server.sh"
START_TIMEOUT_S = 120.0
N_CTX = 8192
CHAT_FORMAT = "gemma-system"
LAUNCHER = Path(__file__).with_name("llama_gemma_serve.py")


def llama_home() -> Path:
    """Where the install script put the server's venv and the model."""
    configured = os.environ.get(HOME_VARIABLE)
    if configured:
        return Path(configured)
    return Path.home() / ".cache" / "opdrachtassistent" / "llama"


def server_python() -> Path:
    return llama_home() / "venv" / "bin" / "python"


def model_path() -> Path:
    return llama_home() / MODEL_FILE


def available() -> str | None:
    """None when a server can be started here, else why not (the reason a test skips with)."""
    home = llama_home()
    if not (home / STAMP_FILE).is_file():
        return (
            f"no llama.cpp server installed in {home} (set {HOME_VARIABLE} to move it): "
            f"run `bash {INSTALL_SCRIPT}` (`make test` does; it says why when it cannot)"
        )
    if not os.access(server_python(), os.X_OK):
        return f"{server_python()} is missing: run `bash {INSTALL_SCRIPT}` again"
    if not model_path().is_file():
        return f"the model {model_path()} is missing: run `bash {INSTALL_SCRIPT}` again"
    return None


@dataclass
class LlamaServer:
    """A started server: its OpenAI base URL (".../v1"), the model id it reports, how long
    it took to answer, and its log file."""

    base_url: str
    model: str
    process: subprocess.Popen[bytes]
    startup_s: float
    log_path: Path

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server and everything it started (its own process group)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


def _reported_model(url: str) -> str | None:
    """The first model id `GET /v1/models` reports, or None while the server is not up."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            data = json.loads(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError, ValueError):
        return None
    models = data.get("data") or []
    return str(models[0]["id"]) if models else None


def start_llama_server(
    *, port: int | None = None, timeout: float = START_TIMEOUT_S, log_dir: Path | None = None
) -> LlamaServer:
    """Start the server on 127.0.0.1 and wait until it lists its model."""
    reason = available()
    if reason is not None:
        raise RuntimeError(reason)
    port = port or free_port()
    log_dir = log_dir or Path(tempfile.gettempdir())
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"llama-server-{port}.log"
    command = [
        str(server_python()),
        str(LAUNCHER),
        "--model",
        str(model_path()),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(N_CTX),
        "--chat_format",
        CHAT_FORMAT,
        # The server keeps every position's logits by default: n_ctx x 262,144 floats
        # (8.6 GB at 8192), resident as the prompt grows (2.4 GB after 850 prompt tokens,
        # against 0.56 GB without) and a prompt is read about twice as slowly. Nothing here
        # asks for logprobs.
        "--logits_all",
        "false",
        # Keep the state of earlier prompts in memory: the product's system prompt is the
        # same on every call, so the next call reads only what follows it.
        "--cache",
        "true",
        "--n_threads",
        str(os.cpu_count() or 1),
    ]
    started = time.perf_counter()
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}/v1"
    server = LlamaServer(
        base_url=base_url, model="", process=process, startup_s=0.0, log_path=log_path
    )
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama.cpp server stopped while starting:\n{server.log()[-3000:]}")
        model = _reported_model(f"{base_url}/models")
        if model is not None:
            server.model = model
            server.startup_s = time.perf_counter() - started
            return server
        time.sleep(0.1)
    server.stop()
    raise TimeoutError(
        f"llama.cpp server did not answer GET /v1/models within {timeout:.0f} s:\n"
        f"{server.log()[-3000:]}"
    )


@contextlib.contextmanager
def running_llama_server(
    *, port: int | None = None, timeout: float = START_TIMEOUT_S, log_dir: Path | None = None
) -> Iterator[LlamaServer]:
    server = start_llama_server(port=port, timeout=timeout, log_dir=log_dir)
    try:
        yield server
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Start een llama.cpp-server (Gemma 3 270M) op 127.0.0.1 tot Ctrl-C."
    )
    parser.add_argument("--port", type=int, help="poort (standaard: een vrije poort)")
    args = parser.parse_args(argv)
    reason = available()
    if reason is not None:
        print(reason, file=sys.stderr)
        return 1
    stop = False

    def _stop(signum: int, frame: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with running_llama_server(port=args.port) as server:
        print(server.base_url, flush=True)
        print(server.model, flush=True)
        print(
            f"gestart in {server.startup_s:.1f} s; log: {server.log_path}",
            file=sys.stderr,
            flush=True,
        )
        while not stop and server.process.poll() is None:
            time.sleep(0.2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
