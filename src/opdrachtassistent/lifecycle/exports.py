"""Exports traceable to their conversation, and removed with it.

An export is written to `<export root>/<session id>/<random>/<name>`, the export root being a
folder in a run's scratch folder (`<data_dir>/tmp/run-*/export-*`, storage/scratch.py). When
a download is returned, Gradio copies the file into its cache, GRADIO_TEMP_DIR, at
`<cache>/<sha256 of Gradio's seed and the file's bytes>/<file name>` (Gradio 6,
`processing_utils.save_file_to_cache`); the app points that cache at the run's
`<scratch>/gradio` folder. `remove` finds a conversation's folders in every run folder of
the data directory (so the CLI can clean up after a running app too), deletes Gradio's copy
of each file by the same hash, then the folder. Whatever is missed still goes with the run
folder when its process ends, or at the next start's sweep.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

_SESSION_ID = re.compile(r"^[0-9a-f]{32}$")


def session_dir(export_root: Path, session_id: str) -> Path:
    """The folder for one conversation's exports (a shared one for an unsaved or unknown id)."""
    name = session_id if _SESSION_ID.match(session_id or "") else "zonder-gesprek"
    path = export_root / name
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _caches(tmp_root: Path) -> list[Path]:
    """Gradio's cache folders: each run's `gradio` folder, and the one this process uses."""
    caches = [p for p in tmp_root.glob("run-*/gradio") if p.is_dir()]
    chosen = os.environ.get("GRADIO_TEMP_DIR")
    if chosen and Path(chosen).is_dir() and Path(chosen) not in caches:
        caches.append(Path(chosen))
    return caches


def _gradio_copy_finder() -> Callable[[Path], str] | None:
    """Gradio's own naming of a cached copy (hash folder / file name), or None when this
    Gradio has no such functions (then the run folder's removal at exit covers the copy)."""
    try:
        from gradio.processing_utils import hash_file
    except ImportError:  # pragma: no cover - Gradio is a runtime dependency
        return None

    def relative(path: Path) -> str:
        # Gradio strips unsafe characters from the name; an export's name is a slug
        # (a-z, 0-9, '-') with its suffix, which it keeps as it is
        return f"{hash_file(path)}/{path.name}"

    return relative


def _remove_gradio_copies(folder: Path, caches: list[Path]) -> None:
    files = [f for f in folder.rglob("*") if f.is_file()]
    finder = _gradio_copy_finder() if files and caches else None
    if finder is None:
        return
    for file in files:
        try:
            relative = finder(file)
        except OSError:
            continue
        for cache in caches:
            copy = cache / relative
            copy.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # only when empty: equal files share it
                copy.parent.rmdir()


def remove(data_dir: Path, session_ids: Iterable[str]) -> int:
    """Delete the exports of these conversations from every run folder under `data_dir`,
    with Gradio's copies; return how many export folders were removed."""
    tmp_root = Path(data_dir) / "tmp"
    ids = [i for i in session_ids if _SESSION_ID.match(i or "")]
    if not ids or not tmp_root.is_dir():
        return 0
    caches = _caches(tmp_root)
    removed = 0
    for session_id in ids:
        for folder in tmp_root.glob(f"run-*/export-*/{session_id}"):
            _remove_gradio_copies(folder, caches)
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
