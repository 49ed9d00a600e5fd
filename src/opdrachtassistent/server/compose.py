"""Compose the web app: FastAPI with health and readiness, and the Gradio Blocks on "/".

Login plugs in here: `auth` is Gradio's username/password check, `auth_dependency` a
function of the request that returns the user (Gradio takes one of the two), and `identity`
the function of a request that names its logged-in user for the rate limit and the upload
owners (by default `auth_dependency`).

The layers, outermost first: security headers (so every answer has them, refusals too),
rate limit, request size, private uploads, CORS (same origin only), then the routes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import gradio as gr
from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from opdrachtassistent.auth.web import gradio_login, proxy_headers_off
from opdrachtassistent.server.headers import SecurityHeaders
from opdrachtassistent.server.health import KnowledgeState, Readiness, health_router
from opdrachtassistent.server.identity import Identity
from opdrachtassistent.server.limits import BodyLimit, BodyLimits
from opdrachtassistent.server.ratelimit import RateLimit, SlidingWindow
from opdrachtassistent.server.run import address
from opdrachtassistent.server.uploads import PrivateUploads
from opdrachtassistent.ui.app import build_app, page_options
from opdrachtassistent.ui.session import Conversations

if TYPE_CHECKING:
    from opdrachtassistent.auth import Login
    from opdrachtassistent.services import Services

# Events of one kind that run at the same time (Gradio's queue); more wait their turn.
CONCURRENCY_LIMIT = 8

AuthCheck = Callable[[str, str], bool]
AuthDependency = Identity


def knowledge_state(conversations: Conversations) -> KnowledgeState:
    """The knowledge store as the app sees it, without loading it for the question."""
    live = conversations.services.live_retriever.state
    if live == "ready":
        return "ok"
    if live == "failed":
        return "unavailable"
    return "not loaded"  # still opening or building in the background


def build_server(
    services: Services,
    *,
    conversations: Conversations | None = None,
    auth: AuthCheck | None = None,
    auth_dependency: AuthDependency | None = None,
    identity: Identity | None = None,
    login: Login | None = None,
) -> FastAPI:
    """The whole web app, ready for `serve()`; `login` (auth.login_for) fills `auth` or
    `auth_dependency`."""
    settings = services.settings
    login_kwargs = gradio_login(login) if login is not None else {}
    if login is not None:
        proxy_headers_off(login)
    auth = login_kwargs.get("auth", auth)
    auth_dependency = login_kwargs.get("auth_dependency", auth_dependency)
    identity = identity or auth_dependency
    conversations = conversations or Conversations(services)
    blocks = build_app(services, conversations=conversations)
    blocks.queue(default_concurrency_limit=CONCURRENCY_LIMIT)
    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    readiness = Readiness(
        store=conversations.store,
        app_running=lambda: bool(blocks.is_running),
        knowledge=lambda: knowledge_state(conversations),
    )
    api.include_router(health_router(readiness))
    host, port = address()
    gr.mount_gradio_app(
        api,
        blocks,
        path="/",
        server_name=host,
        server_port=port,
        auth=auth,
        auth_dependency=auth_dependency,
        auth_message=login_kwargs.get("auth_message"),
        **page_options(),
    )
    # Gradio adds its own CORS layer (it echoes localhost origins with credentials) unless
    # the parent app has Starlette's: this one allows no foreign origin at all.
    api.add_middleware(CORSMiddleware, allow_origins=[], allow_credentials=False)
    api.add_middleware(PrivateUploads, identity=identity)
    api.add_middleware(BodyLimit, limits=BodyLimits.for_input_chars(settings.max_input_chars))
    if settings.rate_limit_per_minute:
        api.add_middleware(
            RateLimit,
            window=SlidingWindow(settings.rate_limit_per_minute),
            identity=identity,
            exempt_loopback=auth is None and auth_dependency is None and identity is None,
        )
    api.add_middleware(SecurityHeaders)
    return api
