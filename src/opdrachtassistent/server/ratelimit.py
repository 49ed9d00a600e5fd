"""A per-user rate limit on requests that make the app work (POST, PUT, PATCH, DELETE).

The key is the logged-in user when there is one, else the client address (behind a proxy:
the address it forwards, as uvicorn reads X-Forwarded-For from FORWARDED_ALLOW_IPS).
Page loads and file downloads (GET) are not counted: one page load fetches dozens of assets.
Over the limit: 429 with Retry-After and a Dutch message.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import deque
from collections.abc import Callable

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from opdrachtassistent.server.identity import Identity, user_of

WINDOW_S = 60.0
COUNTED_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MESSAGE = "Te veel verzoeken in korte tijd. Probeer het over {seconds} seconden opnieuw."
# Forget keys that were quiet for a whole window, once per this many requests.
PRUNE_EVERY = 1000


class SlidingWindow:
    """At most `per_minute` hits per key in any 60 seconds; in memory, one process."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._since_prune = 0

    def hit(self, key: str) -> float | None:
        """Count a hit; None when allowed, else the seconds until one is allowed again."""
        now = self.clock()
        self._prune(now)
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] >= WINDOW_S:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return WINDOW_S - (now - hits[0])
        hits.append(now)
        return None

    def _prune(self, now: float) -> None:
        self._since_prune += 1
        if self._since_prune < PRUNE_EVERY:
            return
        self._since_prune = 0
        for key in [k for k, h in self._hits.items() if not h or now - h[-1] >= WINDOW_S]:
            del self._hits[key]


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class RateLimit:
    """The ASGI layer. With `exempt_loopback` (set when no login is configured) requests
    from this machine itself are not counted: there is one local user, and load tests run
    from there."""

    def __init__(
        self,
        app: ASGIApp,
        window: SlidingWindow,
        *,
        identity: Identity | None = None,
        exempt_loopback: bool = False,
    ) -> None:
        self.app = app
        self.window = window
        self.identity = identity
        self.exempt_loopback = exempt_loopback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in COUNTED_METHODS:
            await self.app(scope, receive, send)
            return
        user = await user_of(self.identity, scope)
        host = scope["client"][0] if scope.get("client") else ""
        if user is None and self.exempt_loopback and is_loopback(host):
            await self.app(scope, receive, send)
            return
        wait = self.window.hit(f"user:{user}" if user else f"addr:{host}")
        if wait is None:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        response = PlainTextResponse(
            MESSAGE.format(seconds=seconds),
            status_code=429,
            headers={"Retry-After": str(seconds)},
        )
        await response(scope, receive, send)
