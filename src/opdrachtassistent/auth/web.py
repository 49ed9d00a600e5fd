"""The login as Gradio takes it: the keyword arguments for `launch()` or `mount_gradio_app()`.

- password: `auth=` an async check of the users file (argon2 takes a noticeable fraction of a
  second and must not stall the event loop, so it runs in a worker thread) and a Dutch
  `auth_message` on the login page. Gradio then keeps the user in a cookie: the hash is
  verified once per login, not per request.
- header: `auth_dependency=` the user a trusted proxy names, or None (Gradio answers 401).
  It needs the real TCP peer, so the server must not rewrite the client address from
  `X-Forwarded-For` (`proxy_headers_off`).

No Gradio import: the request is anything with `.headers` and `.client.host` (Starlette's).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

from opdrachtassistent.auth.exposure import Login

log = logging.getLogger(__name__)

AUTH_MESSAGE = (
    "Log in met uw gebruikersnaam en wachtwoord. Een account maakt de beheerder aan met "
    "'opdrachtassistent gebruiker toevoegen NAAM'."
)


class _Client(Protocol):
    host: str


class WebRequest(Protocol):
    """What the header check reads of a request (a Starlette `Request` has both)."""

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def client(self) -> _Client | None: ...


# Each argon2 verify takes 64 MiB and a core for a few hundred milliseconds: a burst of
# login attempts waits its turn instead of taking every core and the memory with it.
PARALLEL_VERIFIES = 2


def password_check(login: Login) -> Callable[[str, str], Awaitable[bool]]:
    """Gradio's `auth=`: the users file decides, off the event loop, at most
    `PARALLEL_VERIFIES` at a time."""
    turns = asyncio.Semaphore(PARALLEL_VERIFIES)

    async def check(username: str, password: str) -> bool:
        async with turns:
            ok = await asyncio.to_thread(login.users.verify, username, password)
        if not ok:
            log.warning("login refused for %r", username[:64])
        return ok

    return check


def header_identity(login: Login) -> Callable[[WebRequest], str | None]:
    """Gradio's `auth_dependency=`: the name the trusted proxy sends, or None."""
    header = login.header
    if header is None:
        raise ValueError("header_identity needs a login in header mode")

    def identity(request: WebRequest) -> str | None:
        client = request.client
        return header.identity(request.headers, client.host if client else None)

    return identity


def gradio_login(login: Login) -> dict[str, Any]:
    """The login keyword arguments for `Blocks.launch()` / `gr.mount_gradio_app()`."""
    if login.mode == "password":
        return {"auth": password_check(login), "auth_message": AUTH_MESSAGE}
    if login.mode == "header":
        return {"auth_dependency": header_identity(login)}
    return {}


def proxy_headers_off(login: Login) -> None:
    """In header mode, stop uvicorn from replacing the TCP peer by the `X-Forwarded-For`
    address (it does so for peers in FORWARDED_ALLOW_IPS, loopback by default): the proxy
    check must see the proxy itself. For a server that builds its own `uvicorn.Config`,
    `proxy_headers=False` does the same."""
    if login.mode == "header":
        if os.environ.get("FORWARDED_ALLOW_IPS"):
            log.warning("FORWARDED_ALLOW_IPS is ignored: the proxy header login needs the peer")
        os.environ["FORWARDED_ALLOW_IPS"] = ""
