"""Temporary files (exports, Gradio's copies of uploads) under the data directory, not /tmp.

Each run gets its own folder `<data_dir>/tmp/run-<pid>-<random>`, removed when the process
exits; folders of runs whose process is gone (a crash, a SIGKILL) are swept at the next
start, so copies of commissions and uploads do not pile up outside the data directory.
"""

from __future__ import annotations

import atexit
import os
import re
import secrets
import shutil
from functools import cache
from pathlib import Path

_RUN = re.compile(r"^run-(\d+)-")


@cache
def scratch_dir(data_dir: Path) -> Path:
    """This run's temporary folder under `data_dir` (one per process and data directory)."""
    root = Path(data_dir) / "tmp"
    root.mkdir(parents=True, exist_ok=True)
    sweep(root)
    path = root / f"run-{os.getpid()}-{secrets.token_hex(4)}"
    path.mkdir(mode=0o700)
    atexit.register(shutil.rmtree, path, True)
    return path


def sweep(root: Path) -> list[Path]:
    """Remove the run folders in `root` whose process has ended; return what was removed."""
    removed: list[Path] = []
    for child in root.iterdir():
        m = _RUN.match(child.name)
        if m and child.is_dir() and not _alive(int(m.group(1))):
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:  # not a process; signalling it would reach a whole group
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
