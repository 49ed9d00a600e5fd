"""Temporary files live under the data directory, go at exit and are swept after a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from opdrachtassistent.storage.scratch import scratch_dir, sweep


def _ended_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(proc.stdout)


def test_a_run_folder_is_under_the_data_dir_and_sweeps_ended_runs(tmp_path: Path) -> None:
    root = tmp_path / "tmp"
    stale = root / f"run-{_ended_pid()}-dead"
    (stale / "gradio").mkdir(parents=True)
    (stale / "gradio" / "opdracht.docx").write_bytes(b"copy")
    other = root / "notes"  # not a run folder: left alone
    other.mkdir()
    path = scratch_dir(tmp_path)
    assert path.parent == root and path.name.startswith(f"run-{os.getpid()}-")
    assert not stale.exists() and other.exists() and path.is_dir()
    assert sweep(root) == []  # this run's own folder is alive
    assert scratch_dir(tmp_path) == path


def test_the_run_folder_is_removed_when_the_process_exits(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path;"
        "from opdrachtassistent.storage.scratch import scratch_dir;"
        "p = scratch_dir(Path(sys.argv[1])); (p / 'export.md').write_text('x'); print(p)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    path = Path(proc.stdout.strip())
    assert path.parent == tmp_path / "tmp"
    assert not path.exists()
