"""The retention period: conversations not changed for `retention_days` are deleted, with
their exports. Run once at start and then on a timer in the app (`start`), or once from
the command line (`opdrachtassistent opruimen`) for operators who prefer cron.

Only counts are logged, never titles or content.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from opdrachtassistent.errors import StorageError
from opdrachtassistent.lifecycle import exports

log = logging.getLogger(__name__)

DAY_S = 24 * 60 * 60.0


class Purging(Protocol):
    """What retention needs of the sessions store."""

    def purge(self, *, older_than: datetime) -> list[str]: ...


@dataclass(frozen=True)
class Purged:
    """What one run removed: conversations and export folders."""

    conversations: int
    exports: int


def purge_expired(
    store: Purging, data_dir: Path, days: int | None, *, now: datetime | None = None
) -> Purged:
    """Delete the conversations last changed more than `days` days ago and their exports;
    None or 0 days keeps everything."""
    if not days:
        return Purged(0, 0)
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    ids = store.purge(older_than=cutoff)
    removed = exports.remove(data_dir, ids)
    log.info(
        "retention: %d conversation(s) older than %d days removed, %d export folder(s)",
        len(ids),
        days,
        removed,
    )
    return Purged(len(ids), removed)


class RetentionJob:
    """A daemon thread that purges once per interval until stopped (or the process ends)."""

    def __init__(self, run: Callable[[], object], interval_s: float) -> None:
        self._run = run
        self.interval_s = interval_s
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="retention", daemon=True)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self._run()
            except StorageError as exc:  # the store is down: try again next interval
                log.error("retention: purging failed: %s (%s)", exc, exc.detail)
            except Exception:  # a bug must not end the job silently
                log.exception("retention: purging failed")

    def start(self) -> RetentionJob:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()


def start(
    store: Purging, data_dir: Path, days: int | None, *, interval_s: float = DAY_S
) -> RetentionJob | None:
    """Enforce the retention period now and then every `interval_s`; None when there is none."""
    if not days:
        return None
    purge_expired(store, data_dir, days)
    return RetentionJob(lambda: purge_expired(store, data_dir, days), interval_s).start()
