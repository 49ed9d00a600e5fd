"""Who sent a request: the logged-in user's name, or None. Login provides the function."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.types import Scope

Identity = Callable[[Request], str | Awaitable[str | None] | None]


async def user_of(identity: Identity | None, scope: Scope) -> str | None:
    """The user of this request, by a plain or async `identity`; None without login."""
    if identity is None:
        return None
    user = identity(Request(scope))
    if inspect.isawaitable(user):
        user = await user
    return user or None
