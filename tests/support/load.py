"""Many simultaneous conversations against a running Gradio app, as browsers hold them.

Each conversation is one Gradio session (its own session hash, so its own `gr.State`) and,
for the real app, its own owner token. It speaks the protocol the page itself speaks: join
the queue (`/gradio_api/queue/join`), read the answer from the session's event stream
(`/gradio_api/queue/data`), and then run the follow-up events the page chains after that
event (`.then`), with the values the page would hold. All conversations share one asyncio
loop and one connection pool in the caller's process, so on a small machine the generator
costs the server little CPU (gradio_client would spend two fresh HTTP clients and a few
threads on every call).

Two ways to answer: a closed loop (each answers as soon as the reply is there) and a team's
pace (each waits `pause_s` between a reply and its next answer; starts are spread over the
first pause). Every reply is checked: a failed event, an error status line or a missing
reply counts as an error; an answer that shows another conversation's mark (each
conversation writes its own "kenmerk <8 hex>" into every answer) counts as cross-talk.

`python -m tests.support.load URL --conversations 50 --turns 8 --pause 0` prints the report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from opdrachtassistent.dialogue.scenarios import get as get_scenario

SCENARIOS = ("dorpsstraat", "aardgasvrij", "schoolzone")
MARK = re.compile(r"kenmerk ([0-9a-f]{8})")
TIMEOUT_S = 120.0


class CallFailed(Exception):
    """An event that did not complete successfully (HTTP error, failed event, no reply)."""


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))
    return ordered[rank]


@dataclass(frozen=True)
class Page:
    """What the page knows from `/config`: its events, their inputs and follow-ups."""

    base: str
    dependencies: list[dict[str, Any]]
    state_ids: frozenset[int]

    @classmethod
    async def load(cls, http: httpx.AsyncClient, url: str) -> Page:
        base = url.rstrip("/") + "/"
        response = await http.get(base + "config")
        response.raise_for_status()
        config = response.json()
        states = frozenset(c["id"] for c in config["components"] if c["type"] == "state")
        prefix = config.get("api_prefix", "/gradio_api").strip("/")
        return cls(base=base + prefix + "/", dependencies=config["dependencies"], state_ids=states)

    def named(self, api_name: str) -> dict[str, Any]:
        return next(d for d in self.dependencies if d.get("api_name") == api_name)

    def load_event(self) -> dict[str, Any] | None:
        """The event the page runs on load (the app's "start"), if any."""
        return next(
            (d for d in self.dependencies if any(t[1] == "load" for t in d["targets"])), None
        )

    def follow_ups(self, dependency: dict[str, Any], success: bool) -> list[dict[str, Any]]:
        """The events the page chains after `dependency` (`.then`, `.success`)."""
        return [
            d
            for d in self.dependencies
            if d.get("trigger_after") == dependency["id"]
            and (success or not d.get("trigger_only_on_success"))
            and not (success and d.get("trigger_only_on_failure"))
        ]


@dataclass
class Conversation:
    """One browser tab: a session hash, the values its components hold, its own mark."""

    page: Page
    mark: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    session_hash: str = field(default_factory=lambda: uuid.uuid4().hex[:11])
    values: dict[int, Any] = field(default_factory=dict)
    sent: list[str] = field(default_factory=list)

    async def call(
        self, http: httpx.AsyncClient, dependency: dict[str, Any], overrides: dict[int, Any]
    ) -> list[Any]:
        """Run one event as the page does and return its outputs."""
        self.values.update(overrides)
        data = [
            None if i in self.page.state_ids else self.values.get(i) for i in dependency["inputs"]
        ]
        trigger = dependency["targets"][0][0] if dependency["targets"] else None
        body = {
            "data": data,
            "event_data": None,
            "fn_index": dependency["id"],
            "trigger_id": trigger,
            "session_hash": self.session_hash,
        }
        joined = await http.post(self.page.base + "queue/join", json=body)
        if joined.status_code != 200:
            raise CallFailed(f"join {joined.status_code}: {joined.text[:200]}")
        event_id = joined.json()["event_id"]
        params = {"session_hash": self.session_hash}
        async with http.stream("GET", self.page.base + "queue/data", params=params) as stream:
            async for line in stream.aiter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") != "process_completed":
                    continue
                if message.get("event_id") != event_id:
                    continue
                if not message.get("success"):
                    raise CallFailed(f"event failed: {str(message.get('output'))[:200]}")
                outputs: list[Any] = message["output"]["data"]
                for component, value in zip(dependency["outputs"], outputs, strict=False):
                    if component in self.page.state_ids:
                        continue
                    if isinstance(value, dict) and value.get("__type__") == "update":
                        if "value" in value:
                            self.values[component] = value["value"]
                    else:
                        self.values[component] = value
                return outputs
        raise CallFailed("the event stream ended without a reply")

    async def event(
        self, http: httpx.AsyncClient, dependency: dict[str, Any], overrides: dict[int, Any]
    ) -> tuple[list[Any], float]:
        """An event and its chained follow-ups; returns the outputs and the time to them."""
        started = time.perf_counter()
        outputs = await self.call(http, dependency, overrides)
        reply_s = time.perf_counter() - started
        pending = self.page.follow_ups(dependency, success=True)
        while pending:
            follow = pending.pop(0)
            follow_outputs = await self.call(http, follow, {})
            self.check(follow_outputs)
            pending += self.page.follow_ups(follow, success=True)
        return outputs, reply_s

    def check(self, outputs: list[Any]) -> bool:
        """True when the outputs show only this conversation: cross-talk is any other mark,
        or a chat whose last question from the user is not the one this tab sent last."""
        text = json.dumps(outputs, ensure_ascii=False)
        if any(m != self.mark for m in MARK.findall(text)):
            return False
        for value in outputs:
            if isinstance(value, list) and value and isinstance(value[0], dict):
                users = [m for m in value if isinstance(m, dict) and m.get("role") == "user"]
                if self.sent and users and self.mark not in json.dumps(users[-1]):
                    return False
        return True


@dataclass
class Result:
    """What a run measured; `report()` gives the figures of `make bench`."""

    conversations: int
    turns_each: int
    pause_s: float
    times_s: list[float] = field(default_factory=list)
    errors: int = 0
    crosstalk: int = 0
    wall_s: float = 0.0
    first_error: str = ""
    probed: float | None = None  # what `probe` measured over the answers (e.g. server CPU)

    def report(self) -> dict[str, Any]:
        times = self.times_s or [0.0]
        return {
            "conversations": self.conversations,
            "turns_each": self.turns_each,
            "pause_s": self.pause_s,
            "turns": len(self.times_s),
            "wall_s": round(self.wall_s, 2),
            "turns_per_s": round(len(self.times_s) / self.wall_s, 1) if self.wall_s else 0.0,
            "turn_p50_ms": round(statistics.median(times) * 1000, 1),
            "turn_p95_ms": round(percentile(times, 0.95) * 1000, 1),
            "turn_max_ms": round(max(times) * 1000, 1),
            "errors": self.errors,
            "crosstalk": self.crosstalk,
            **({"first_error": self.first_error} if self.first_error else {}),
        }


def answers(index: int, turns: int, mark: str) -> list[str]:
    """The answers of conversation `index`: a scenario's steps, each with the mark."""
    steps = get_scenario(SCENARIOS[index % len(SCENARIOS)]).steps
    return [f"{steps[i % len(steps)].text} Intern kenmerk {mark}." for i in range(turns)]


def _is_error(outputs: list[Any]) -> bool:
    """The app says a failure on its status line (class oa-status-error)."""
    return any(isinstance(v, str) and "oa-status-error" in v for v in outputs)


async def _conversation(
    http: httpx.AsyncClient,
    page: Page,
    index: int,
    turns: int,
    pause_s: float,
    result: Result,
    opened: list[int],
    go: asyncio.Event,
) -> None:
    tab = Conversation(page)
    answer = page.named("answer")
    inputs = answer["inputs"]
    # the app's answer takes (owner, state, message, section); the echo's (message, state)
    message_id = inputs[2] if len(inputs) >= 3 else inputs[0]
    section_id = inputs[3] if len(inputs) >= 4 else None

    def failed(reason: str) -> None:
        result.errors += 1
        result.first_error = result.first_error or reason

    try:
        opening = page.load_event()
        if opening is not None:
            start_inputs = {section_id: "context"} if section_id is not None else {}
            if opening["inputs"]:
                start_inputs[opening["inputs"][0]] = ""
            await tab.event(http, opening, start_inputs)
        if section_id is not None:
            tab.values.setdefault(section_id, "context")
    except (CallFailed, httpx.HTTPError) as exc:
        failed(f"start: {exc}")
        return
    finally:
        opened.append(index)
    await go.wait()
    if pause_s:
        await asyncio.sleep(random.uniform(0, pause_s))
    for text in answers(index, turns, tab.mark):
        tab.sent.append(text)
        try:
            outputs, reply_s = await tab.event(http, answer, {message_id: text})
        except (CallFailed, httpx.HTTPError) as exc:
            failed(f"answer: {exc}")
            continue
        result.times_s.append(reply_s)
        if _is_error(outputs):
            failed("status: " + next(v for v in outputs if isinstance(v, str) and "error" in v))
        if not tab.check(outputs):
            result.crosstalk += 1
        if pause_s:
            await asyncio.sleep(pause_s)


async def run_async(
    url: str,
    conversations: int,
    turns: int,
    pause_s: float,
    probe: Callable[[], float] | None = None,
) -> Result:
    result = Result(conversations=conversations, turns_each=turns, pause_s=pause_s)
    limits = httpx.Limits(max_connections=4 * conversations + 8, max_keepalive_connections=None)
    timeout = httpx.Timeout(TIMEOUT_S)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:
        page = await Page.load(http, url)
        go = asyncio.Event()
        opened: list[int] = []
        tasks = [
            asyncio.create_task(_conversation(http, page, i, turns, pause_s, result, opened, go))
            for i in range(conversations)
        ]
        # every tab is open (its page loaded, its opening question shown) before answering
        while len(opened) < conversations:
            await asyncio.sleep(0.02)
        before = probe() if probe else 0.0
        started = time.perf_counter()
        go.set()
        await asyncio.gather(*tasks)
        result.wall_s = time.perf_counter() - started
        if probe:
            result.probed = probe() - before
    return result


def run(
    url: str,
    *,
    conversations: int,
    turns: int,
    pause_s: float = 0.0,
    probe: Callable[[], float] | None = None,
) -> Result:
    """Hold `conversations` conversations of `turns` answers each against the app at `url`;
    `probe` (for example the server's CPU time) is read when all are open and at the end."""
    return asyncio.run(run_async(url, conversations, turns, pause_s, probe))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Veel gelijktijdige gesprekken met de app.")
    parser.add_argument("url")
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--turns", type=int, default=8)
    parser.add_argument("--pause", type=float, default=0.0, help="seconden tussen antwoorden")
    args = parser.parse_args(argv)
    result = run(args.url, conversations=args.conversations, turns=args.turns, pause_s=args.pause)
    print(json.dumps(result.report(), indent=2))
    return 0 if result.errors == 0 and result.crosstalk == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
