"""Liveness and readiness, for a load balancer or a container health check.

`/health` (also `/healthz`) says the process answers. `/ready` says whether it can serve a
conversation: the sessions store must answer and the Gradio app must be running (503 with a
Dutch reason otherwise). The knowledge store being down only degrades the app (interviews
go on without sources), so it is reported but keeps the answer 200.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from fastapi import APIRouter
from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)

KnowledgeState = Literal["ok", "not loaded", "unavailable"]

REASONS = {
    "store": "De gespreksopslag antwoordt niet ({error}); gesprekken kunnen nu niet worden "
    "bewaard of geopend.",
    "app": "De app is nog niet gestart.",
    "knowledge": "De kennisbank is niet beschikbaar; gesprekken gaan door zonder bronnen.",
}


class Pings(Protocol):
    def ping(self) -> None: ...


@dataclass
class Readiness:
    """What `/ready` asks: the store, whether the app runs, and the knowledge state."""

    store: Pings
    app_running: Callable[[], bool]
    knowledge: Callable[[], KnowledgeState]

    def check(self) -> tuple[int, dict[str, Any]]:
        body: dict[str, Any] = {"status": "ready", "sessions": "ok"}
        reasons: list[str] = []
        try:
            # a query on the real table: a missing, damaged or unreachable store fails here
            self.store.ping()
        except Exception as exc:  # any failure of the store means: not ready
            log.warning("readiness: sessions store failed: %s", exc)
            body["sessions"] = "unavailable"
            reasons.append(REASONS["store"].format(error=type(exc).__name__))
        if not self.app_running():
            body["app"] = "starting"
            reasons.append(REASONS["app"])
        body["knowledge"] = self.knowledge()
        if reasons:
            body["status"] = "unready"
            body["reason"] = " ".join(reasons)
            return 503, body
        if body["knowledge"] == "unavailable":
            body["status"] = "degraded"
            body["reason"] = REASONS["knowledge"]
        return 200, body


def health_router(readiness: Readiness) -> APIRouter:
    """The routes; mounted before the Gradio app so "/" does not shadow them."""
    router = APIRouter()

    @router.get("/health")
    @router.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/ready")
    def ready() -> JSONResponse:  # sync: the store query runs in the thread pool
        status, body = readiness.check()
        return JSONResponse(body, status_code=status)

    return router
