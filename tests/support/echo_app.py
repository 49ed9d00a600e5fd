"""Gradio's own floor: a minimal chat app that echoes each message, run as its own process.

`make bench` measures the real app's turn against this one in the same run, the same way
(gradio_client, and the same load generator), so what the app adds per turn over Gradio's
round trip is a figure rather than a guess. Like the app it keeps the conversation in a
`gr.State` and returns a `gr.Chatbot`, a cleared `gr.Textbox` and the state; its endpoint is
named "answer" like the app's. Start it with `python -m tests.support.echo_app` (host and
port from GRADIO_SERVER_NAME/PORT), or `start_echo()` from a test or the bench.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from tests.support.app_process import RunningApp, start_app

# The same queue as the app's (ui/app.py `launch`), so the floor is measured under equal rules.
CONCURRENCY = 8


def build() -> Any:
    """The echo Blocks: type a message, the chat shows it and the same text as the reply.

    Gradio is configured as the app configures it (its per-event analytics summary off)."""
    from opdrachtassistent.ui.app import quiet_queue_analytics

    quiet_queue_analytics()
    import gradio as gr

    def answer(text: str, history: list[dict[str, str]] | None) -> tuple[Any, ...]:
        history = [*(history or []), {"role": "user", "content": text}]
        history.append({"role": "assistant", "content": text})
        return history, "", history

    with gr.Blocks(title="echo", analytics_enabled=False) as app:
        state = gr.State([])
        chatbot = gr.Chatbot()
        msg = gr.Textbox()
        send = gr.Button("Verstuur")
        send.click(answer, [msg, state], [chatbot, msg, state], api_name="answer")
    return app


def main() -> None:
    from opdrachtassistent.config import set_offline_switches

    set_offline_switches()
    app = build()
    app.queue(default_concurrency_limit=CONCURRENCY)
    app.launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7861")),
        quiet=True,
        share=False,
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
        footer_links=[],
    )


def start_echo(data_dir: Path) -> RunningApp:
    """Start the echo app on a free loopback port, as `start_app` starts the real one."""
    return start_app(data_dir, command=[sys.executable, "-m", "tests.support.echo_app"])


if __name__ == "__main__":
    main()
