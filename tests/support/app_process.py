"""Start the real app in a child process and measure it: time to first HTTP 200, and RSS.

Used by `make bench` (`python -m tests.support.app_process`) and by the app tests, which
start the app exactly as a user does (`python app.py`) on a free loopback port with their
own data directory. Targets: first 200 in under 8 s, under 700 MB resident after start.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from opdrachtassistent.config import OFFLINE_SWITCHES

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"
START_TIMEOUT_S = 90.0
# Headless Debian Chromium as the browser tests and the screenshot script start it: without
# the background-networking switches it tries Google's hosts on every start.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TARGET_START_S = 8.0
TARGET_RSS_MB = 700.0
OFFLINE_ENV = OFFLINE_SWITCHES


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc), in MB."""
    total_kb = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def cpu_s(pid: int) -> float:
    """CPU time (user + system) a process has used so far, in seconds (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class RunningApp:
    """A started app: its URL, process, and how long it took to answer 200."""

    url: str
    process: subprocess.Popen[bytes]
    startup_s: float
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)

    def rss_mb(self) -> float:
        return rss_mb(self.process.pid)

    def cpu_s(self) -> float:
        return cpu_s(self.process.pid)

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=timeout)

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


def start_app(
    data_dir: Path,
    *,
    port: int | None = None,
    extra_env: Mapping[str, str] | None = None,
    timeout: float = START_TIMEOUT_S,
    ready_status: int = 200,
    command: list[str] | None = None,
) -> RunningApp:
    """Start `python app.py` (or `command`, e.g. the bench's echo app) on 127.0.0.1 and wait
    for the first HTTP 200 on '/' (or `ready_status`: 401 when a proxy login refuses a
    request without its header)."""
    port = port or free_port()
    env = {
        **os.environ,
        **OFFLINE_ENV,
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "OPDRACHTASSISTENT_DATA_DIR": str(data_dir),
        "PYTHONUNBUFFERED": "1",
        **(extra_env or {}),
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / f"app-{port}.log"
    url = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command or [sys.executable, str(APP)],
            cwd=str(REPO),
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    running = RunningApp(url=url, process=process, startup_s=0.0, log_path=log_path, env=env)
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"De app stopte bij het starten:\n{running.log()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == ready_status:
                    running.startup_s = time.perf_counter() - started
                    return running
        except urllib.error.HTTPError as exc:
            if exc.code == ready_status:
                running.startup_s = time.perf_counter() - started
                return running
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.05)
    running.stop()
    raise TimeoutError(f"De app gaf binnen {timeout:.0f} s geen HTTP 200:\n{running.log()[-3000:]}")


def measure(data_dir: Path, *, settle_s: float = 2.0) -> dict[str, float | bool]:
    """Start the app once, measure time to first 200 and RSS after start, stop it."""
    app = start_app(data_dir)
    try:
        time.sleep(settle_s)
        rss = app.rss_mb()
    finally:
        app.stop()
    return {
        "startup_s": round(app.startup_s, 2),
        "rss_mb": round(rss, 1),
        "startup_ok": app.startup_s < TARGET_START_S,
        "rss_ok": rss < TARGET_RSS_MB,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet de opstarttijd en het geheugen van de app.")
    parser.add_argument("--data-dir", type=Path, help="datamap (standaard: een tijdelijke map)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    import tempfile

    results = []
    for _ in range(args.runs):
        if args.data_dir:
            results.append(measure(args.data_dir))
        else:
            with tempfile.TemporaryDirectory(prefix="opdrachtassistent-bench-") as tmp:
                results.append(measure(Path(tmp)))
    print(json.dumps(results if args.runs > 1 else results[0], indent=2))
    return 0 if all(r["startup_ok"] and r["rss_ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
