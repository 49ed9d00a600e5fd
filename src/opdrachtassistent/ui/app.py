"""The Gradio app: the chat beside the growing commission, in Dutch.

`build_app(services)` returns the Blocks; `opdrachtassistent.server` mounts and serves it
with `page_options()` (theme, styles, page language). The page is built in `layout.py`, its
events registered in `events.py`, and the callbacks in `callbacks.py` only translate
between components and `Conversations` (session.py). Nothing here holds user data in a
global: each browser has an unguessable owner token in its own local storage
(`gr.BrowserState`) and its conversation in `gr.State`.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from opdrachtassistent.documents.limits import MAX_FILE_BYTES
from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.lifecycle import retention
from opdrachtassistent.storage.scratch import scratch_dir
from opdrachtassistent.ui.callbacks import Callbacks
from opdrachtassistent.ui.events import wire
from opdrachtassistent.ui.layout import build_layout
from opdrachtassistent.ui.session import Conversations
from opdrachtassistent.ui.text import TEXT
from opdrachtassistent.ui.theme import CSS, JS, theme

if TYPE_CHECKING:
    from opdrachtassistent.llm.client import ModelClient
    from opdrachtassistent.services import Services

log = logging.getLogger(__name__)

# Gradio keeps a record of the last 10,000 events for its monitoring page and, after every
# event, summarises all of them in a pandas DataFrame: 4 ms of CPU per event at first and
# 15 ms once the records are full, on every answer. The app has no monitoring page
# (`enable_monitoring=False`), so it keeps one record and never summarises. Read by the
# queue when it is made; an operator's own values win.
GRADIO_QUEUE_ENV = {
    "GRADIO_ANALYTICS_MAX_EVENTS": "1",
    "GRADIO_ANALYTICS_CACHE_FREQUENCY": str(2**62),
}


def quiet_queue_analytics() -> None:
    """Turn off Gradio's per-event analytics summary (call before the Blocks are made)."""
    for key, value in GRADIO_QUEUE_ENV.items():
        os.environ.setdefault(key, value)


def _browser_secret(data_dir: Path) -> str:
    """A stable secret for the owner token in local storage, kept in the data directory.

    Stable across restarts, so a browser still finds its conversations afterwards.
    """
    path = data_dir / "browser-secret"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        data_dir.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(value)
        return value


def _enforce_retention(conversations: Conversations) -> None:
    """Delete what is past the retention period now, before the first request, and then
    daily while the app runs (nothing when no period is configured)."""
    settings = conversations.services.settings
    retention.start(
        conversations.store,
        Path(settings.data_dir),
        settings.retention_days,
        interval_s=settings.retention_check_s,
    )


def build_app(services: Services, *, conversations: Conversations | None = None) -> gr.Blocks:
    """The whole app, wired to the services; `opdrachtassistent.server` serves it."""
    # Gradio's copies of uploads and exports: in this run's folder under the data directory
    # (removed on exit, swept at the next start), unless the operator chose a folder.
    scratch = scratch_dir(Path(services.settings.data_dir))
    if not os.environ.get("GRADIO_TEMP_DIR"):
        (scratch / "gradio").mkdir(exist_ok=True)
        os.environ["GRADIO_TEMP_DIR"] = str(scratch / "gradio")
    quiet_queue_analytics()
    conversations = conversations or Conversations(services)
    _enforce_retention(conversations)
    if services.model_client is not None:  # import LangChain now, not in a user's turn
        threading.Thread(target=_warm, args=(services.model_client,), daemon=True).start()
    callbacks = Callbacks(conversations)
    secret = _browser_secret(Path(services.settings.data_dir))
    with gr.Blocks(title=TEXT["title"], analytics_enabled=False, fill_width=True) as app:
        wire(app, build_layout(secret, engine=services.engine), callbacks)
    blocks: gr.Blocks = app
    return blocks


def _warm(client: ModelClient) -> None:
    try:
        client.prepare()
    except OpdrachtError as exc:  # a setup problem: the first turn says so and falls back
        log.warning("the language model cannot be prepared: %s", exc)


def page_options() -> dict[str, Any]:
    """How the page looks and what Gradio leaves out, for `gr.mount_gradio_app` (Gradio 6
    takes theme, styles and script there, not in `Blocks`): no footer, no server-side
    rendering, no PWA, no MCP, no monitoring, errors not shown in the browser."""
    return {
        "theme": theme(),
        "css": CSS,
        "js": JS,
        "footer_links": [],
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "enable_monitoring": False,
        "show_error": False,
        # Gradio's own check, a backstop above the server's limit (MAX_FILE_BYTES plus the
        # multipart overhead), so a too large upload always gets the server's Dutch 413 and
        # never Gradio's English one, whichever reads the streamed body first
        "max_file_size": 2 * MAX_FILE_BYTES,
    }
