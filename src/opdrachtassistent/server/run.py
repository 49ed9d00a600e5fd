"""Run the composed app with uvicorn on the host and port from the environment."""

from __future__ import annotations

import os

import uvicorn
from fastapi import FastAPI

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# Open event streams (a browser tab waiting for an answer) may hold a shutdown this long.
GRACEFUL_SHUTDOWN_S = 5


def address() -> tuple[str, int]:
    """Host and port: GRADIO_SERVER_NAME/GRADIO_SERVER_PORT, as before the move to uvicorn."""
    host = os.environ.get("GRADIO_SERVER_NAME") or DEFAULT_HOST
    port = int(os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT)
    return host, port


def serve(app: FastAPI, *, host: str | None = None, port: int | None = None) -> None:
    """Serve until SIGINT/SIGTERM; uvicorn then runs the shutdown of the Gradio queue."""
    default_host, default_port = address()
    config = uvicorn.Config(
        app,
        host=host or default_host,
        port=port or default_port,
        log_level="warning",
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
        server_header=False,
    )
    print(f"Opdrachtassistent draait op http://{config.host}:{config.port}/", flush=True)
    uvicorn.Server(config).run()
