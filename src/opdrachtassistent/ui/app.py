"""The Gradio app: the chat beside the growing commission, in Dutch.

`build_app(services)` returns the Blocks; `launch(app)` starts it with the theme, styles and
page language (Gradio 6 takes those in `launch()`). The page is built in `layout.py`, its
events registered in `events.py`, and the callbacks in `callbacks.py` only translate
between components and `Conversations` (session.py). Nothing here holds user data in a
global: each browser has an unguessable owner token in its own local storage
(`gr.BrowserState`) and its conversation in `gr.State`.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr

from opdrachtassistent.auth.web import gradio_login, proxy_headers_off
from opdrachtassistent.documents.limits import MAX_FILE_BYTES
from opdrachtassistent.lifecycle import retention
from opdrachtassistent.storage.scratch import scratch_dir
from opdrachtassistent.ui.callbacks import Callbacks
from opdrachtassistent.ui.events import wire
from opdrachtassistent.ui.layout import build_layout
from opdrachtassistent.ui.session import Conversations
from opdrachtassistent.ui.text import TEXT
from opdrachtassistent.ui.theme import CSS, JS, theme

if TYPE_CHECKING:
    from opdrachtassistent.auth import Login
    from opdrachtassistent.services import Services

# Gradio refuses larger uploads itself (in English); below it `documents` says in Dutch
# that a file above MAX_FILE_BYTES is too large.
UPLOAD_HARD_LIMIT = 4 * MAX_FILE_BYTES

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
    """The whole app, wired to the services; launch it with `launch(app)`."""
    # Gradio's copies of uploads and exports: in this run's folder under the data directory
    # (removed on exit, swept at the next start), unless the operator chose a folder.
    scratch = scratch_dir(Path(services.settings.data_dir))
    if not os.environ.get("GRADIO_TEMP_DIR"):
        (scratch / "gradio").mkdir(exist_ok=True)
        os.environ["GRADIO_TEMP_DIR"] = str(scratch / "gradio")
    quiet_queue_analytics()
    conversations = conversations or Conversations(services)
    _enforce_retention(conversations)
    callbacks = Callbacks(conversations)
    secret = _browser_secret(Path(services.settings.data_dir))
    with gr.Blocks(title=TEXT["title"], analytics_enabled=False, fill_width=True) as app:
        wire(app, build_layout(secret), callbacks)
    blocks: gr.Blocks = app
    return blocks


def launch(
    app: gr.Blocks,
    *,
    server_name: str | None = None,
    server_port: int | None = None,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
    login: Login | None = None,
) -> None:
    """Start the app on loopback unless GRADIO_SERVER_NAME/PORT say otherwise; with a
    `login` (auth.login_for) Gradio demands it on every page and API call."""
    app.queue(default_concurrency_limit=8)
    if login is not None:
        proxy_headers_off(login)
    app.launch(
        **(gradio_login(login) if login is not None else {}),
        server_name=server_name or os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=server_port or int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        share=False,
        show_error=False,
        theme=theme(),
        css=CSS,
        js=JS,
        footer_links=[],
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
        # a hard stop against absurd uploads; up to here the readers refuse in Dutch
        max_file_size=UPLOAD_HARD_LIMIT,
    )
