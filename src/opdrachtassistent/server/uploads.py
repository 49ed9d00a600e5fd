"""Uploads stay with the one who sent them.

Gradio serves any file in its upload folder to whoever asks for its path on
`/gradio_api/file=`. This layer remembers who uploaded each file (the logged-in user, else
the browser's `oa_client` cookie, else the client address) and answers 404 to anyone else.
The app deletes the copy as soon as it has read the document (ui/callbacks.py).
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections import OrderedDict

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opdrachtassistent.server.identity import Identity, user_of
from opdrachtassistent.server.limits import UPLOAD_PATH

FILE_ROUTE = "/gradio_api/file="
COOKIE = "oa_client"
COOKIE_VALUE = re.compile(r"[0-9a-f]{32}")
# Uploads remembered at once; the oldest is forgotten first (and then served to nobody).
CAPACITY = 10_000
NOT_FOUND = "Dit bestand is er niet (meer)."


def _real(path: str) -> str:
    return os.path.realpath(path)


class PrivateUploads:
    """The ASGI layer; see the module docstring."""

    def __init__(self, app: ASGIApp, *, identity: Identity | None = None) -> None:
        self.app = app
        self.identity = identity
        self._owners: OrderedDict[str, str] = OrderedDict()

    def owner_of(self, path: str) -> str | None:
        return self._owners.get(_real(path))

    def _remember(self, paths: list[str], owner: str) -> None:
        for path in paths:
            self._owners[_real(path)] = owner
            self._owners.move_to_end(_real(path))
        while len(self._owners) > CAPACITY:
            self._owners.popitem(last=False)

    async def _who(self, scope: Scope, cookie: str | None) -> str:
        user = await user_of(self.identity, scope)
        if user:
            return f"user:{user}"
        if cookie:
            return f"client:{cookie}"
        return f"addr:{scope['client'][0] if scope.get('client') else ''}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie = Request(scope).cookies.get(COOKIE)
        if cookie is not None and not COOKIE_VALUE.fullmatch(cookie):
            cookie = None
        path: str = scope["path"]
        if FILE_ROUTE in path and scope["method"] in ("GET", "HEAD"):
            owner = self.owner_of(path.split(FILE_ROUTE, 1)[1])
            if owner is not None and owner != await self._who(scope, cookie):
                await PlainTextResponse(NOT_FOUND, status_code=404)(scope, receive, send)
                return
        new_cookie = None if cookie else secrets.token_hex(16)
        upload = path.endswith(UPLOAD_PATH) and scope["method"] == "POST"
        owner = await self._who(scope, cookie) if upload else ""
        status = 0
        body: list[bytes] = []

        async def tracking_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if new_cookie:
                    secure = "; Secure" if scope.get("scheme") == "https" else ""
                    MutableHeaders(scope=message).append(
                        "Set-Cookie",
                        f"{COOKIE}={new_cookie}; Path=/; HttpOnly; SameSite=Strict{secure}",
                    )
            elif upload and message["type"] == "http.response.body" and status == 200:
                # hold the list of stored paths until every owner is known
                body.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                data = b"".join(body)
                self._remember(_paths(data), owner)
                message = {"type": "http.response.body", "body": data}
            await send(message)

        await self.app(scope, receive, tracking_send)


def _paths(data: bytes) -> list[str]:
    """The file paths in Gradio's upload answer (a JSON list of strings)."""
    try:
        value = json.loads(data)
    except ValueError:
        return []
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
